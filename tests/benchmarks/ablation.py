"""What each cleaning rule and the pre-pruning remove: story tokens vs boilerplate tokens.

A rule earns its place by removing boilerplate; one that removes more of the story than of
the rest costs more than it saves. For one page this module runs the extraction twice:

- as shipped, with :data:`scraper.extraction.cleaning.removal_trace` set, so every block a rule
  removes is recorded under the rule's name;
- with pruning off (``ExtractionOptions(prune=False)``): the blocks of that text which the
  shipped text lacks are what pruning removed, measured where it matters, after trafilatura
  and cleaning (a pruned container trafilatura would have dropped anyway costs nothing).

Each removed block's ``\\w+`` tokens (the scorer's tokens) are split into *truth* tokens, those
inside a 4-token shingle of the truth body (the scorer's unit), and *other* tokens. A truth
token whose shingle the shipped text still holds is a removed duplicate (a repeated
paragraph), counted apart as *dup*: removing it cost nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from scraper.extraction.article import extract_article
from scraper.extraction.blocks import Block
from scraper.extraction.cleaning import RULES, removal_trace
from scraper.extraction.options import ExtractionOptions
from scraper.items import Article, Page

PRUNE = "prune_page"
NGRAM = 4
_WORD = re.compile(r"\w+")
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def tokens(text: str) -> list[str]:
    """The scorer's tokens: ``\\w+`` runs after removing invisible format characters."""
    return _WORD.findall(_INVISIBLE.sub("", text))


def shingles(toks: list[str]) -> set[tuple[str, ...]]:
    """The scorer's 4-token shingles (a shorter text is one shingle)."""
    if len(toks) < NGRAM:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i : i + NGRAM]) for i in range(len(toks) - NGRAM + 1)}


@dataclass(slots=True)
class Removed:
    """Token counts of what one rule removed (on one page or summed)."""

    truth: int = 0
    other: int = 0
    dup: int = 0
    blocks: int = 0
    pages_hurt: int = 0  # pages where the rule removed at least HURT_TOKENS truth tokens

    def add(self, other: Removed) -> None:
        """Sum ``other`` into this one."""
        self.truth += other.truth
        self.other += other.other
        self.dup += other.dup
        self.blocks += other.blocks
        self.pages_hurt += other.pages_hurt


HURT_TOKENS = 20  # a rule that takes this many story tokens from a page has eaten a paragraph


@dataclass(slots=True)
class Truth:
    """A body text (the truth, or what was shipped), prepared for lookups."""

    shingles: set[tuple[str, ...]]
    joined: str  # " tok tok … " for short-block containment

    @classmethod
    def of(cls, body: str) -> Truth:
        """Shingles and the joined token sequence of a truth body."""
        toks = tokens(body)
        return cls(shingles(toks), f" {' '.join(toks)} ")


def split_tokens(text: str, truth: Truth, kept: Truth) -> Removed:
    """One removed block's tokens as truth / other / dup (``kept``: the text the page shipped)."""
    toks = tokens(text)
    if not toks:
        return Removed()
    if len(toks) < NGRAM:
        if f" {' '.join(toks)} " not in truth.joined:
            return Removed(other=len(toks), blocks=1)
        return Removed(dup=len(toks), blocks=1) if within(toks, kept) else Removed(truth=len(toks), blocks=1)
    flags = [0] * len(toks)  # 0 other, 1 truth, 2 dup
    for i in range(len(toks) - NGRAM + 1):
        gram = tuple(toks[i : i + NGRAM])
        if gram in truth.shingles:
            value = 2 if gram in kept.shingles else 1
            for k in range(i, i + NGRAM):
                flags[k] = 1 if 1 in (flags[k], value) else value
    return Removed(truth=flags.count(1), other=flags.count(0), dup=flags.count(2), blocks=1)


def within(toks: list[str], text: Truth) -> bool:
    """Every shingle of ``toks`` is in ``text`` (a block shorter than a shingle: as a run)."""
    if len(toks) < NGRAM:
        return f" {' '.join(toks)} " in text.joined
    return shingles(toks) <= text.shingles


@contextmanager
def tracing() -> Iterator[list[tuple[str, Block]]]:
    """Record (rule name, removed block) for every cleaning removal inside the block."""
    removed: list[tuple[str, Block]] = []
    token = removal_trace.set(lambda name, blocks: removed.extend((name, b) for b in blocks))
    try:
        yield removed
    finally:
        removal_trace.reset(token)


@dataclass(slots=True)
class PageAblation:
    """Per rule (and ``prune_page``): what it removed on one page; and whether cleaning dropped it."""

    rules: dict[str, Removed] = field(default_factory=dict)
    dropped_by_cleaning: bool = False


def ablate_page(
    page: Page, truth_body: str, shipped: Article | object, removed: list[tuple[str, Block]]
) -> PageAblation:
    """Account one page: ``shipped`` is the traced run's result, ``removed`` its trace."""
    truth = Truth.of(truth_body)
    kept = Truth.of(shipped.text if isinstance(shipped, Article) else "")
    result = PageAblation(rules={rule.__name__: Removed() for rule in RULES} | {PRUNE: Removed()})
    for name, block in removed:
        result.rules[name].add(split_tokens(block.text, truth, kept))
    unpruned = extract_article(page, ExtractionOptions(prune=False))
    if isinstance(unpruned, Article):
        for block in unpruned.text.split("\n\n"):
            if not within(tokens(block), kept):
                result.rules[PRUNE].add(split_tokens(block, truth, kept))
    for counts in result.rules.values():
        counts.pages_hurt = int(counts.truth >= HURT_TOKENS)
    reason = getattr(shipped, "detail", "")
    result.dropped_by_cleaning = not isinstance(shipped, Article) and "after cleaning" in str(reason)
    return result


def report(totals: dict[str, Removed], dropped: int, pages: int) -> list[str]:
    """The ablation table: one row per rule, most story removed first."""
    lines = [
        f"ablation over {pages} article pages: tokens each rule removed that are in the truth body (story) "
        "or not (other); dup = story tokens still in the text elsewhere (a removed repeat)",
        f"{'rule':<26}{'story':>8}{'other':>9}{'dup':>7}{'blocks':>8}{'pages≥20':>10}  verdict",
    ]
    for name, r in sorted(totals.items(), key=lambda kv: (-kv[1].truth, -kv[1].other)):
        verdict = "costs story" if r.truth > r.other else ""
        lines.append(f"{name:<26}{r.truth:>8}{r.other:>9}{r.dup:>7}{r.blocks:>8}{r.pages_hurt:>10}  {verdict}")
    lines.append(f"article pages dropped below min words by cleaning: {dropped}")
    return lines
