"""Our MinHash LSH index makes datasketch's decisions, on datasketch's bytes, without scipy.

The crawl state and a cluster's Redis hold signatures and band keys written while the project
used datasketch, so the signature bytes, the band parameters and the band keys are pinned
here as datasketch computed them; where datasketch is installed (the ``test`` extra) the index
is also checked against ``MinHashLSH`` itself, candidate for candidate. Texts are the demo
site's stories through real extraction, edited the ways copies differ.
"""

from __future__ import annotations

import hashlib
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scraper import extract, neardup
from scraper.items import Article

DEMO_NEWS = Path(__file__).resolve().parents[1] / "scraper" / "demo" / "site" / "news"
FERRY = " ".join(
    f"The harbour board met on Tuesday to discuss ferry number {n}, which has been late on most crossings this winter."
    for n in range(30)
)
# datasketch 2.0's MinHashLSH(threshold, num_perm=128): (b, r), printed by it on 2026-12-03
DATASKETCH_PARAMS = {0.5: (25, 5), 0.7: (14, 9), 0.8: (9, 13), 0.85: (8, 16), 0.9: (5, 25), 0.95: (3, 42),
                     0.9825: (1, 94), 1.0: (1, 128)}  # fmt: skip
# sha256 of the stored bytes, and bands 0 and 7 (the Redis keys) from datasketch's MinHash and the old index
GOLDEN = [
    ("", "b4ecdf7a5271315f3b2eb7e68a86ec81", "0:eb7502c120966af2", "7:1d5ffe6a81278f81"),
    ("Ferry delays: the board acts.", "25aa9dce0b74b812c055d02217439555", "0:be3d90b682f068e7", "7:a31cf13dc411855d"),
    (FERRY, "d6424c0a169b21eb0f53c4ed6261142a", "0:eedc85f1b2a24edd", "7:6497fc4720e195a1"),
]
REPLACEMENT = "A spokesperson for the county said on Friday that no decision had been made yet."


def _stories() -> dict[str, str]:
    stories = {}
    for path in sorted(DEMO_NEWS.rglob("*.html")):
        article = extract(path.read_bytes(), url=f"https://demo.example/{path.stem}")
        assert isinstance(article, Article), (path, article)
        stories[path.stem] = article.text
    return stories


STORIES = _stories()


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


def _corrected(text: str) -> str:
    """One sentence corrected (a word changed in the middle one) and a credit line added."""
    sentences = _sentences(text)
    middle = len(sentences) // 2
    words = sentences[middle].split()
    words[len(words) // 2] = "reportedly"
    sentences[middle] = " ".join(words)
    return " ".join(sentences) + " Reporting by Jane Doe."


def _replaced(text: str) -> str:
    """The middle sentence replaced by another one: about 0.82 to 0.90 Jaccard, around the threshold."""
    sentences = _sentences(text)
    sentences[len(sentences) // 2] = REPLACEMENT
    return " ".join(sentences)


def test_the_shipped_threshold_uses_datasketchs_bands_and_rows() -> None:
    index = neardup.NearDuplicateIndex(0.85)
    assert (index.bands_count, index.rows) == (8, 16)
    assert neardup.search_lsh_params(0.85) == neardup.PINNED_LSH_PARAMS[0.85] == (8, 16)


@pytest.mark.parametrize(("threshold", "params"), sorted(DATASKETCH_PARAMS.items()))
def test_the_band_search_chooses_what_datasketch_chose(threshold: float, params: tuple[int, int]) -> None:
    assert neardup.search_lsh_params(threshold) == params
    assert neardup.lsh_params(threshold) == params


@pytest.mark.parametrize(("text", "digest", "first", "last"), GOLDEN)
def test_signatures_and_band_keys_are_the_ones_already_stored(text: str, digest: str, first: str, last: str) -> None:
    data = neardup.signature(text)
    assert len(data) == len(b"affine32\0") + 8 * neardup.NUM_PERM
    assert hashlib.sha256(data).hexdigest()[:32] == digest
    signature = neardup.decode(data)
    assert neardup.encode(signature) == data
    bands = neardup.NearDuplicateIndex(0.85).bands(signature)
    assert (len(bands), bands[0], bands[-1]) == (8, first, last)


def test_a_stored_value_too_wide_for_its_scheme_is_refused() -> None:
    data = bytearray(neardup.signature(FERRY))
    data[-1] = 1  # the high half of the last 64-bit value: not an affine32 value
    with pytest.raises(ValueError, match="out of range"):
        neardup.decode(bytes(data))
    with pytest.raises(ValueError, match="whole"):
        neardup.decode(neardup.signature(FERRY)[:-3])


@pytest.mark.parametrize("name", sorted(STORIES))
def test_a_corrected_copy_matches_its_story_and_no_other(name: str) -> None:
    index = neardup.NearDuplicateIndex(0.85)
    for key, text in STORIES.items():
        index.add(key, neardup.minhash(text))
    match = index.match(neardup.minhash(_corrected(STORIES[name])))
    assert match is not None
    assert match[0] == name
    assert match[1] >= 0.85
    assert index.match(neardup.minhash(STORIES[name]), exclude=name) is None  # no other story is similar


def test_different_stories_are_not_candidates_at_all() -> None:
    index = neardup.NearDuplicateIndex(0.85)
    signatures = {key: neardup.minhash(text) for key, text in STORIES.items()}
    for key, signature in signatures.items():
        assert index.candidates(signature) == set()
        index.add(key, signature)
    assert len(index) == len(STORIES)
    assert all(index.candidates(signature) == {key} for key, signature in signatures.items())


def test_re_adding_and_removing_a_key_leaves_no_stale_band() -> None:
    index = neardup.NearDuplicateIndex(0.85)
    story, other = list(STORIES.values())[:2]
    index.add("k", neardup.minhash(story))
    index.add("k", neardup.minhash(other))  # the same key, new text: the old bands go
    assert index.match(neardup.minhash(story)) is None
    assert index.match(neardup.minhash(other)) == ("k", 1.0)
    index.remove("k")
    index.remove("k")  # not indexed: nothing to do
    assert len(index) == 0
    assert index.candidates(neardup.minhash(other)) == set()


def test_a_threshold_of_one_uses_one_band_and_matches_only_the_same_text() -> None:
    index = neardup.NearDuplicateIndex(1.0)  # datasketch refused one band; the setting allows 1
    story = next(iter(STORIES.values()))
    index.add("story", neardup.minhash(story))
    assert (index.bands_count, index.rows) == (1, 128)
    assert index.match(neardup.minhash(story)) == ("story", 1.0)
    assert index.match(neardup.minhash(_corrected(story))) is None


def test_of_equal_matches_the_earliest_indexed_wins() -> None:
    index = neardup.NearDuplicateIndex(0.85)
    signature = neardup.minhash(FERRY)
    for key in ("https://b.example/1", "https://a.example/1", "https://c.example/1"):
        index.add(key, signature)
    assert index.match(signature) == ("https://b.example/1", 1.0)
    assert index.match(signature, exclude="https://b.example/1") == ("https://a.example/1", 1.0)


def test_comparing_signatures_needs_no_numpy() -> None:
    """The crawl process decodes, indexes and compares signatures: none of that may load numpy (12 MB)."""
    code = (
        "import sys\n"
        "from scraper import neardup\n"
        f"data = {neardup.signature(FERRY)!r}\n"
        "index = neardup.NearDuplicateIndex(0.85)\n"
        "index.add('a', neardup.decode(data))\n"
        "assert index.match(neardup.decode(data)) == ('a', 1.0)\n"
        "assert index.bands(neardup.decode(data))\n"
        "print(sorted(m for m in ('numpy', 'scipy', 'datasketch') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


# --- against datasketch itself, where it is installed (the `test` extra) ---------------------------


def _datasketch_minhash(data: bytes) -> object:
    np = pytest.importorskip("numpy")
    datasketch = pytest.importorskip("datasketch", reason="datasketch (the test extra) is the reference checked")
    scheme, _, values = data.partition(b"\0")
    return datasketch.MinHash(num_perm=128, hashvalues=np.frombuffer(values, dtype="<u8"), scheme=scheme.decode())


def _variants() -> list[str]:
    """Every story, corrected, with a sentence replaced, and cut by a growing share of sentences."""
    rng = random.Random(14)
    texts = []
    for text in STORIES.values():
        sentences = _sentences(text)
        texts += [text, _corrected(text), _replaced(text)]
        for share in (0.05, 0.1, 0.2, 0.4):
            kept = [s for s in sentences if rng.random() >= share]
            texts.append(" ".join(kept))
    return texts


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.85, 0.9, 0.95])
def test_candidates_and_matches_are_datasketchs(threshold: float) -> None:
    lsh_module = pytest.importorskip("datasketch.lsh", reason="datasketch (the test extra) is the reference checked")
    theirs = lsh_module.MinHashLSH(threshold=threshold, num_perm=neardup.NUM_PERM)
    ours = neardup.NearDuplicateIndex(threshold)
    assert (ours.bands_count, ours.rows) == (theirs.b, theirs.r)
    signatures = [neardup.signature(text) for text in _variants()]
    matched = 0
    for number, data in enumerate(signatures):
        mine, reference = neardup.decode(data), _datasketch_minhash(data)
        candidates = ours.candidates(mine)
        assert candidates == set(theirs.query(reference))
        for key in candidates:
            assert mine.jaccard(neardup.decode(signatures[int(key)])) == reference.jaccard(  # type: ignore[attr-defined]
                _datasketch_minhash(signatures[int(key)])
            )
        matched += ours.match(mine) is not None
        if number % 3 != 2:  # index two of every three; the third only asks
            ours.add(str(number), mine)
            theirs.insert(str(number), reference)
    assert matched > 0  # the comparison above covered real matches


def test_minhash_bytes_are_datasketchs() -> None:
    datasketch = pytest.importorskip("datasketch", reason="datasketch (the test extra) is the reference checked")
    for text in [*_variants()[:9], "", "one", "Ünïcode wörds, ü and ß — 中文 текст"]:
        reference = datasketch.MinHash(num_perm=neardup.NUM_PERM)
        reference.update_batch(sorted(neardup.shingles(text)))
        values = reference.hashvalues.astype("<u8").tobytes()
        assert neardup.signature(text) == reference.scheme.encode() + b"\0" + values
