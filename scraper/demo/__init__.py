"""Embedded demo news site, "The Harbour Gazette", for ``make demo`` and end-to-end tests.

The site is entirely fictional and synthetic: a small set of static pages
(home, sections, tags, authors, articles, feeds, sitemaps, robots.txt) that
mimic the shapes and the boilerplate of real news sites, so the crawler and the
text cleaning can be exercised offline against a known truth
(``tests/data/demo_truth.json``).

* ``scraper.demo.server`` serves the files on 127.0.0.1 and records requests.
* ``tests.demosite.build_site`` (a dev tool, not shipped) regenerates the files from ``tests.demosite.content``.
"""
