"""The crawl state: its store (SQLite, run lock), the extension that owns it in a run, incremental fetching."""
