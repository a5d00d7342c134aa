"""News scraper: Scrapy spiders, trafilatura extraction and our own cleaning, to JSON Lines."""
