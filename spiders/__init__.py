"""Spiders: discovery only. Each yields ``scraper.items.Page`` items and follow-up requests."""
