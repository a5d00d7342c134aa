"""Page -> Article: decoding, page kind, signals, trafilatura, cleaning and field decisions.

Pure: nothing here imports Scrapy, and only ``article.py`` imports trafilatura, so the crawl's
worker processes and ``scraper extract`` run exactly the same code. Import the modules you need
(``scraper.extraction.article.extract_article``); this package's ``__init__`` imports nothing, so
reading head signals in the spider does not load trafilatura.
"""
