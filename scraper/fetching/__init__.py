"""Downloader components: one concern a module (retries, redirects, robots.txt, content types, failures)."""
