"""The workers' datasketch-free MinHash is datasketch's own, bit for bit.

Extraction workers compute an article's signature with :func:`scraper.neardup.signature` (numpy
only: datasketch would load scipy, 55 MB, into every worker); the crawl process compares it
with datasketch and the crawl state keeps it between runs. Any difference would quietly stop
copies from matching, so the bytes are checked against datasketch's on texts of every size.
"""

from __future__ import annotations

import random

import pytest

from scraper import neardup
from scraper.extraction.article import ExtractionOptions, extract_article
from scraper.items import Article
from tests.test_extraction_fallback import STATED, page

WORDS = [
    "harbour",
    "ferry",
    "board",
    "engineers",
    "timetable",
    "crossing",
    "winter",
    "spring",
    "late",
    "Tuesday",
    "two",
    "more",
]


def _text(words: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + rng.choice(("", "s", ",", ".")) for _ in range(words))


@pytest.mark.parametrize("text", ["", "one", "Two words", "Ünïcode wörds, ü and ß — 中文 текст", _text(3, 1),
                                  _text(40, 2), _text(900, 3), _text(5000, 4)])  # fmt: skip
def test_the_signature_is_datasketchs_minhash(text: str) -> None:
    assert neardup.signature(text) == neardup.encode(neardup.minhash(text))


def test_a_signature_from_a_worker_finds_a_copy_made_with_datasketch() -> None:
    story = _text(400, 5)
    edited = story + " The board will meet again in May."
    index = neardup.NearDuplicateIndex(0.85)
    index.add("https://example.org/a", neardup.decode(neardup.signature(story)))
    match = index.match(neardup.minhash(edited))
    assert match is not None
    assert match[0] == "https://example.org/a"


def test_extraction_for_the_crawl_signs_the_article_it_builds() -> None:
    article = extract_article(page(STATED), ExtractionOptions(sign=True))
    assert isinstance(article, Article), article
    assert article.signature == neardup.encode(neardup.minhash(article.text))
    unsigned = extract_article(page(STATED))  # the Python API and `scraper extract`: records stay JSON-ready
    assert isinstance(unsigned, Article), unsigned
    assert unsigned.signature is None
