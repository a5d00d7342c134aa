"""A fault-injecting fictional news site for end-to-end crawl tests.

``server.FaultSite`` serves it on 127.0.0.1 (``stories`` holds the text, ``pages`` the markup);
``truth`` says what a correct crawl of it yields. See ``server.py`` for why it exists.
"""
