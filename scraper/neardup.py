"""Near-duplicate detection: MinHash signatures of an article's words and an LSH index over them.

The exact ``content_hash`` only matches identical normalised text; a syndicated copy with a
different last paragraph, a corrected typo or an added byline does not match it. MinHash over
word shingles estimates the Jaccard similarity of two texts from 128 numbers, and datasketch's
``MinHashLSH`` finds the candidates above a threshold without comparing against every stored
article. Signatures are bytes (scheme name, then little-endian 64-bit values) so the crawl
state can keep them between runs without knowing what they are.

datasketch imports scipy (about 0.6 s of CPU and 55 MB): it is imported on first use, so a crawl
starts as fast as bare Scrapy and a run that never writes an article never loads it.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from scraper.config import ConfigError

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

NUM_PERM = 128  # the signature size: the estimate's error is about 1/sqrt(NUM_PERM)
SHINGLE_WORDS = 3  # words per shingle: small enough that one edited sentence moves few shingles

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The text's overlapping word n-grams, lower-cased, punctuation ignored."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    """The MinHash of a text's shingles (deterministic: seed 1)."""
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch(sorted(shingles(text)))
    return signature


SEED = 1  # datasketch's default; the permutations (and so every stored signature) depend on it
SCHEME = "affine32"  # datasketch's default permutation scheme since 2.0


@cache
def _permutations() -> tuple[Any, Any]:
    """The (a, b) of datasketch's ``affine32`` permutations for :data:`SEED`: ``h -> a*h + b mod 2**32``."""
    import numpy as np

    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)  # odd: a bijection
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def signature(text: str) -> bytes:
    """``encode(minhash(text))`` without datasketch, for the extraction workers.

    datasketch imports scipy (55 MB per process); a worker needs only numpy for this. The
    values are datasketch's ``affine32`` MinHash of the same shingles, bit for bit (SHA-1's
    first four bytes, MurmurHash3's 32-bit finaliser, the seeded affine permutations):
    ``tests/test_neardup_signature.py`` checks that against datasketch itself, so the signatures
    the crawl state keeps stay comparable whichever process computed them.
    """
    import numpy as np

    hashes = np.fromiter(
        (int.from_bytes(hashlib.sha1(s).digest()[:4], "little") for s in shingles(text)), dtype=np.uint32
    ).reshape(-1, 1)
    hashes ^= hashes >> np.uint32(16)  # MurmurHash3 fmix32: spreads the input hash before the permutations
    hashes *= np.uint32(0x85EBCA6B)
    hashes ^= hashes >> np.uint32(13)
    hashes *= np.uint32(0xC2B2AE35)
    hashes ^= hashes >> np.uint32(16)
    a, b = _permutations()
    values = (hashes * a + b).min(axis=0)  # uint32 arithmetic: the wrap-around is the modulo
    return SCHEME.encode("ascii") + b"\0" + bytes(values.astype("<u8").tobytes())


def encode(signature: MinHash) -> bytes:
    """``scheme`` NUL values: what the state stores."""
    import numpy as np

    values = np.asarray(signature.hashvalues, dtype="<u8")
    return str(signature.scheme).encode("ascii") + b"\0" + bytes(values.tobytes())


def decode(data: bytes) -> MinHash:
    """The MinHash :func:`encode` stored."""
    import numpy as np
    from datasketch import MinHash

    scheme, _, values = data.partition(b"\0")
    hashvalues = np.frombuffer(values, dtype="<u8")
    return MinHash(num_perm=len(hashvalues), hashvalues=hashvalues, scheme=scheme.decode("ascii"))


class NearDuplicateIndex:
    """Records of reference by signature; ``match`` names the first one similar enough."""

    def __init__(self, threshold: float) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ConfigError(f"NEWS_DEDUP_NEAR_THRESHOLD must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self._index: MinHashLSH | None = None  # made on first use (see the module's docstring)
        self._signatures: dict[str, MinHash] = {}

    @property
    def _lsh(self) -> MinHashLSH:
        if self._index is None:
            from datasketch import MinHashLSH

            self._index = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
        return self._index

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, key: str, signature: MinHash) -> None:
        """Index ``signature`` under ``key`` (replacing an older one of the same key)."""
        if key in self._signatures:
            self._lsh.remove(key)
        self._lsh.insert(key, signature)
        self._signatures[key] = signature

    def bands(self, signature: MinHash) -> list[str]:
        """The signature's LSH band keys (``band:hash of its rows``), as this index buckets it.

        Two signatures that share a band key are candidates, exactly as in the index; a cluster
        run shares these keys in Redis so that workers find each other's copies.
        """
        lsh = self._lsh
        rows = [signature.hashvalues[band * lsh.r : (band + 1) * lsh.r].tobytes() for band in range(lsh.b)]
        # 8 bytes of hash stand for a band's 128 (candidates are verified on the whole signature)
        return [f"{band}:{hashlib.blake2b(row, digest_size=8).hexdigest()}" for band, row in enumerate(rows)]

    def similar(self, signature: MinHash, other: MinHash) -> float | None:
        """Their estimated Jaccard similarity when at or above the threshold, else None."""
        similarity = float(signature.jaccard(other))
        return similarity if similarity >= self.threshold else None

    def match(self, signature: MinHash, exclude: str | None = None) -> tuple[str, float] | None:
        """The most similar indexed key at or above the threshold (LSH candidates are verified)."""
        best: tuple[str, float] | None = None
        for key in self._lsh.query(signature):
            if key == exclude:
                continue
            similarity = float(signature.jaccard(self._signatures[key]))
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (str(key), similarity)
        return best
