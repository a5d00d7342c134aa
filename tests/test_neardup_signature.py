"""The workers' datasketch-free MinHash is datasketch's own, bit for bit.

Extraction workers compute an article's signature with :func:`scraper.neardup.signature` in
plain Python (datasketch would load scipy, 55 MB, and numpy 18 MB, into every worker); the crawl
process compares it with signatures datasketch made and the crawl state keeps it between runs.
Any difference would quietly stop copies from matching, so the bytes are checked against
datasketch's ``MinHash`` (the ``test`` extra) on texts of every size, and the permutations
against the numpy generator datasketch drew them from.
"""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from scraper import neardup
from scraper.extraction.article import extract_article
from scraper.extraction.options import ExtractionOptions
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
    np = pytest.importorskip("numpy")
    datasketch = pytest.importorskip("datasketch", reason="datasketch (the test extra) is the reference checked")
    theirs = datasketch.MinHash(num_perm=neardup.NUM_PERM, seed=neardup.SEED)
    theirs.update_batch(sorted(neardup.shingles(text)))
    expected = b"affine32\0" + np.asarray(theirs.hashvalues, dtype="<u8").tobytes()
    assert neardup.signature(text) == expected
    assert neardup.encode(neardup.minhash(text)) == expected


def test_the_permutations_are_numpys_draws_for_the_seed() -> None:
    np = pytest.importorskip("numpy")
    generator = np.random.RandomState(neardup.SEED)  # what datasketch drew them from
    a = generator.randint(0, 1 << 31, neardup.NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, neardup.NUM_PERM, dtype=np.uint32)
    assert neardup._permutations() == (tuple(map(int, a)), tuple(map(int, b)))


def test_signing_loads_no_numpy() -> None:
    """A worker signs every article: numpy would cost each worker 18 MB for it."""
    code = (
        "import sys\n"
        "from scraper import neardup\n"
        "assert len(neardup.signature('The harbour board met on Tuesday about the ferry.')) == 9 + 8 * 128\n"
        "print(sorted(m for m in ('numpy', 'scipy', 'datasketch') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


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
