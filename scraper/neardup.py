"""Near-duplicate detection: MinHash signatures of an article's words and an LSH index over them.

The exact ``content_hash`` only matches identical normalised text; a syndicated copy with a
different last paragraph, a corrected typo or an added byline does not match it. MinHash over
word shingles estimates the Jaccard similarity of two texts from 128 numbers, and a banding
(LSH) index finds the candidates above a threshold without comparing against every stored
article. Signatures are bytes (scheme name, then little-endian 64-bit values) so the crawl
state can keep them between runs without knowing what they are.

The signatures, their bytes and the index's bands are datasketch's (``MinHash`` with its
``affine32`` scheme, ``MinHashLSH`` with its optimal bands for the threshold), so the states and
Redis data written while the project used datasketch still match. We no longer use datasketch:
its LSH module imports scipy at its top, 43 MB and half a second of CPU in the crawl process for
a dict of bands. Computing, comparing and indexing signatures needs no numpy either (Python
integers as lanes, bytes): neither the crawl process nor the extraction workers load it. Only
:func:`search_lsh_params`, for a threshold other than the shipped one, still uses numpy.
"""

from __future__ import annotations

import hashlib
import operator
import random
import re
import struct
import sys
from collections.abc import Iterable
from functools import cache
from typing import Any

from scraper.config import ConfigError

NUM_PERM = 128  # the signature size: the estimate's error is about 1/sqrt(NUM_PERM)
SHINGLE_WORDS = 3  # words per shingle: small enough that one edited sentence moves few shingles
SEED = 1  # datasketch's default; the permutations (and so every stored signature) depend on it
SCHEME = "affine32"  # datasketch's default permutation scheme since 2.0
SCHEME_WIDTHS = {"affine32": 4, "affine64": 8, "legacy": 8}  # bytes of one value in datasketch's arrays

# (bands, rows per band) for a threshold: what datasketch's MinHashLSH chose for NUM_PERM = 128
# with equal false-positive and false-negative weights. The shipped threshold is pinned; any other
# is searched by :func:`search_lsh_params` the way datasketch searched (tests check both against it).
PINNED_LSH_PARAMS = {0.85: (8, 16)}

_WORD = re.compile(r"\w+", re.UNICODE)
_GAP = bytes(4)  # the high half of a 64-bit lane, between two 32-bit shingle hashes


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The text's overlapping word n-grams, lower-cased, punctuation ignored."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class MinHash:
    """A signature: its permutation scheme and its values as little-endian bytes of the scheme's width.

    datasketch keeps ``affine32`` values as 32-bit numbers (the state stores them widened to 64
    bits); their bytes are what a band is cut from, so the index's bands and the cluster's band
    keys are datasketch's. Kept as bytes, not numbers: the crawl process only compares values for
    equality (the similarity estimate) and slices them into bands, which bytes do without numpy.
    """

    __slots__ = ("scheme", "values", "width")

    def __init__(self, values: bytes, scheme: str = SCHEME) -> None:
        if scheme not in SCHEME_WIDTHS:
            raise ValueError(f"unknown MinHash scheme {scheme!r}")
        self.width = SCHEME_WIDTHS[scheme]
        if len(values) % self.width:
            raise ValueError(f"a {scheme} MinHash is whole {self.width}-byte values, got {len(values)} bytes")
        self.values = bytes(values)
        self.scheme = scheme

    def __len__(self) -> int:
        return len(self.values) // self.width

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MinHash) and (self.scheme, self.values) == (other.scheme, other.values)

    def __hash__(self) -> int:
        return hash((self.scheme, self.values))

    def __repr__(self) -> str:
        return f"MinHash({self.scheme!r}, {len(self)} values)"

    def jaccard(self, other: MinHash) -> float:
        """The estimated Jaccard similarity: the share of equal values (datasketch's estimate)."""
        if other.scheme != self.scheme:
            raise ValueError(f"cannot compare MinHash schemes {self.scheme!r} and {other.scheme!r}")
        if len(other) != len(self) or not self.values:
            raise ValueError(f"cannot compare MinHash of {len(self)} and {len(other)} values")
        # native order on both sides: equality does not mind
        mine, theirs = memoryview(self.values), memoryview(other.values)
        if self.width == 4:
            mine, theirs = mine.cast("I"), theirs.cast("I")
        else:
            mine, theirs = mine.cast("Q"), theirs.cast("Q")
        equal: int = sum(map(operator.eq, mine, theirs))
        return equal / len(self)


def minhash(text: str) -> MinHash:
    """The MinHash of a text's shingles (deterministic: seed 1)."""
    return decode(signature(text))


MT_STATE_WORDS = 624  # Mersenne Twister's state: numpy's RandomState and Python's random share the generator


@cache
def _permutations() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The (a, b) of datasketch's ``affine32`` permutations for :data:`SEED`: ``h -> a*h + b mod 2**32``.

    datasketch drew them from ``numpy.random.RandomState(SEED)``; Python's ``random`` runs the same
    Mersenne Twister, so it is given the state numpy seeds from an integer (``init_genrand``) and
    draws the same 32-bit words: ``randint(0, 2**31)`` keeps a word's low 31 bits (its mask never
    rejects), ``randint(0, 2**32)`` takes the word whole. ``tests/test_neardup.py`` checks both
    against numpy.
    """
    state = [SEED & 0xFFFFFFFF]
    for index in range(1, MT_STATE_WORDS):
        state.append((1812433253 * (state[-1] ^ (state[-1] >> 30)) + index) & 0xFFFFFFFF)
    generator = random.Random()
    generator.setstate((3, (*state, MT_STATE_WORDS), None))
    a = tuple((generator.getrandbits(32) & 0x7FFFFFFF) * 2 + 1 for _ in range(NUM_PERM))  # odd: a bijection
    b = tuple(generator.getrandbits(32) for _ in range(NUM_PERM))
    return a, b


def _lanes(values: Iterable[int]) -> int:
    """``values`` side by side in one integer, 64 bits each, the first lowest."""
    return int.from_bytes(b"".join(value.to_bytes(8, "little") for value in values), "little")


@cache
def _vectors() -> tuple[int, int, int, int]:
    """The permutations' a and b as 64-bit lanes, the 32-bit value mask and the guard bits above it."""
    a, b = _permutations()
    return _lanes(a), _lanes(b), _lanes([0xFFFFFFFF] * NUM_PERM), _lanes([1 << 32] * NUM_PERM)


def _fmix_masks(count: int) -> tuple[int, int, int]:
    """Masks of ``count`` 64-bit lanes keeping the low 16, 19 and 32 bits of each.

    Built per text, not cached: their size is the text's (a cache keyed by shingle count kept
    the masks of long texts in every worker, tens of MB).
    """
    return _repeated(0xFFFF, count), _repeated(0x7FFFF, count), _repeated(0xFFFFFFFF, count)


def _repeated(lane: int, count: int) -> int:
    return int.from_bytes(lane.to_bytes(8, "little") * count, "little")


def signature(text: str) -> bytes:
    """``encode(minhash(text))``: datasketch's ``affine32`` MinHash of the text's shingles, as bytes.

    The values are datasketch's bit for bit (SHA-1's first four bytes, MurmurHash3's 32-bit
    finaliser, the seeded affine permutations): ``tests/test_neardup.py`` pins them,
    so the signatures the crawl state keeps stay comparable whichever version computed them.

    Computed without numpy (its 18 MB in every extraction worker): Python integers serve as
    vectors of 64-bit lanes. The finaliser runs once over all shingle hashes side by side; then
    each hash gives all 128 permuted values in one multiplication (``a*h + b < 2**64``: no lane
    spills into the next), and the running minimum per lane is kept with a guard bit above each
    32-bit value: ``best - value`` clears a lane's guard exactly where the value is smaller, and
    the guard bits become the mask of the lanes to replace. About 1 ms more CPU per article than
    numpy (2.3 against 1.4 ms over the corpus's texts).
    """
    found = shingles(text)
    count, sha1 = len(found), hashlib.sha1
    hashes = int.from_bytes(_GAP.join([sha1(s).digest()[:4] for s in found]) + _GAP, "little")
    low16, low19, low32 = _fmix_masks(count)
    hashes ^= (hashes >> 16) & low16  # MurmurHash3 fmix32 in every lane: spreads the input hash
    hashes = (hashes * 0x85EBCA6B) & low32
    hashes ^= (hashes >> 13) & low19
    hashes = (hashes * 0xC2B2AE35) & low32
    hashes ^= (hashes >> 16) & low16
    a, b, values, guards = _vectors()
    best = values | guards  # every lane at 2**32 - 1, its guard bit set
    # the lanes in native byte order, so that the cast reads each whole (their order does not matter)
    for hashed in memoryview(hashes.to_bytes(8 * count, sys.byteorder)).cast("Q"):
        permuted = (hashed * a + b) & values  # the 32-bit wrap-around is the modulo
        smaller = (best - permuted) & guards  # the guard survives where best >= permuted
        if smaller:
            best ^= (best ^ permuted) & (smaller - (smaller >> 32))
    return SCHEME.encode("ascii") + b"\0" + (best & values).to_bytes(8 * NUM_PERM, "little")


def encode(signature: MinHash) -> bytes:
    """``scheme`` NUL values, each little-endian unsigned 64-bit: what the state stores."""
    values = signature.values
    if signature.width == 4:
        count = len(signature)
        values = struct.pack(f"<{count}Q", *struct.unpack(f"<{count}I", values))
    return signature.scheme.encode("ascii") + b"\0" + values


def decode(data: bytes) -> MinHash:
    """The MinHash :func:`encode` stored (ValueError for values its scheme cannot hold, as datasketch)."""
    name, _, values = bytes(data).partition(b"\0")
    scheme = name.decode("ascii")
    if SCHEME_WIDTHS.get(scheme) == 4:
        if len(values) % 8:
            raise ValueError(f"a stored MinHash is whole 8-byte values, got {len(values)} bytes")
        words = struct.unpack(f"<{len(values) // 4}I", values)
        if any(words[1::2]):
            raise ValueError(f"hash values out of range for scheme {scheme!r}")
        values = struct.pack(f"<{len(words) // 2}I", *words[0::2])
    return MinHash(values, scheme)


@cache
def lsh_params(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) of the index for ``threshold``: pinned, else :func:`search_lsh_params`."""
    return PINNED_LSH_PARAMS.get(threshold) or search_lsh_params(threshold)


def search_lsh_params(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) minimising the chance of a false positive plus a false negative.

    datasketch's search: every ``b`` bands of ``r`` rows with ``b * r <= num_perm``, scoring
    the integral of the probability that two signatures of similarity ``s`` share a band,
    ``1 - (1 - s**r)**b``, below the threshold (false positives) and of its complement above
    it (false negatives), the first minimum winning. datasketch integrates with scipy; a fixed
    Gauss-Legendre sum (8 panels of 32 nodes) makes the same choice for every threshold
    checked (0.0025 to 1 in steps of 0.0025). Needs numpy: a crawl with the shipped threshold
    never runs it.
    """
    import numpy as np

    nodes, weights = np.polynomial.legendre.leggauss(32)

    def points(low: float, high: float) -> tuple[Any, Any]:
        edges = np.linspace(low, high, 9)
        half = (edges[1:] - edges[:-1]) / 2
        where = half[:, None] * nodes + ((edges[1:] + edges[:-1]) / 2)[:, None]
        return where.ravel(), (half[:, None] * weights).ravel()

    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    bands = np.array([b for b, _ in pairs], dtype=float)[:, None]
    rows = np.array([r for _, r in pairs], dtype=float)[:, None]
    below, below_weights = points(0.0, threshold)
    above, above_weights = points(threshold, 1.0)
    false_positive = (1 - (1 - below**rows) ** bands) @ below_weights
    false_negative = (1 - (1 - (1 - above**rows) ** bands)) @ above_weights
    return pairs[int(np.argmin(false_positive * 0.5 + false_negative * 0.5))]


class NearDuplicateIndex:
    """Records of reference by signature; ``match`` names the most similar one similar enough.

    Each signature's values are cut into ``bands`` runs of ``rows`` values; two signatures that
    agree on a whole band are candidates, verified on the whole signature. A dict per band
    holds the keys by band bytes, as datasketch's ``MinHashLSH`` did in memory. A threshold of
    about 0.98 or more gets a single band (datasketch refused those with a ValueError).
    """

    def __init__(self, threshold: float) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ConfigError(f"NEWS_DEDUP_NEAR_THRESHOLD must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.bands_count, self.rows = lsh_params(threshold)
        self._tables: list[dict[bytes, set[str]]] = [{} for _ in range(self.bands_count)]
        self._signatures: dict[str, tuple[int, MinHash]] = {}  # key -> (when indexed, signature)
        self._added = 0

    def __len__(self) -> int:
        return len(self._signatures)

    def _rows(self, signature: MinHash) -> list[bytes]:
        """The signature's bands, as bytes (values ``band * rows`` to ``(band + 1) * rows``)."""
        if len(signature) != NUM_PERM:
            raise ValueError(f"expected a MinHash of {NUM_PERM} values, got {len(signature)}")
        size = self.rows * signature.width
        return [signature.values[band * size : (band + 1) * size] for band in range(self.bands_count)]

    def add(self, key: str, signature: MinHash) -> None:
        """Index ``signature`` under ``key`` (replacing an older one of the same key)."""
        rows = self._rows(signature)
        self.remove(key)
        for table, row in zip(self._tables, rows, strict=True):
            table.setdefault(row, set()).add(key)
        self._signatures[key] = (self._added, signature)
        self._added += 1

    def remove(self, key: str) -> None:
        """Forget ``key`` (nothing happens when it is not indexed)."""
        entry = self._signatures.pop(key, None)
        if entry is None:
            return
        for table, row in zip(self._tables, self._rows(entry[1]), strict=True):
            bucket = table[row]
            bucket.discard(key)
            if not bucket:
                del table[row]

    def bands(self, signature: MinHash) -> list[str]:
        """The signature's LSH band keys (``band:hash of its rows``), as this index buckets it.

        Two signatures that share a band key are candidates, exactly as in the index; a cluster
        run shares these keys in Redis so that workers find each other's copies.
        """
        # 8 bytes of hash stand for a band's 128 (candidates are verified on the whole signature)
        rows = self._rows(signature)
        return [f"{band}:{hashlib.blake2b(row, digest_size=8).hexdigest()}" for band, row in enumerate(rows)]

    def similar(self, signature: MinHash, other: MinHash) -> float | None:
        """Their estimated Jaccard similarity when at or above the threshold, else None."""
        similarity = signature.jaccard(other)
        return similarity if similarity >= self.threshold else None

    def candidates(self, signature: MinHash) -> set[str]:
        """The indexed keys sharing at least one band with ``signature``."""
        found: set[str] = set()
        for table, row in zip(self._tables, self._rows(signature), strict=True):
            found.update(table.get(row, ()))
        return found

    def match(self, signature: MinHash, exclude: str | None = None) -> tuple[str, float] | None:
        """The most similar indexed key at or above the threshold (the earliest indexed of equals)."""
        best: tuple[float, int, str] | None = None  # (similarity, -when indexed, key)
        for key in self.candidates(signature):
            if key == exclude:
                continue
            added, other = self._signatures[key]
            similarity = signature.jaccard(other)
            if similarity >= self.threshold and (best is None or (similarity, -added) > best[:2]):
                best = (similarity, -added, key)
        return None if best is None else (best[2], best[0])
