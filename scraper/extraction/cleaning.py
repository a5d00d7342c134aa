"""Remove what trafilatura leaves around the article body, one small rule per kind.

The rules here look at a block's *position* (top of the body, trailing run), its *link
density* and its *repetition* of something the page shows elsewhere (the headline, a figure
caption, the byline, a teaser card); the phrase-based rules are in ``boilerplate.py``. Every
rule is a pure function ``(blocks, context) -> blocks``; captions and credits that a rule removes
are handed back in the context so they end up in ``Article.images`` instead of being lost.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache

from scraper.extraction.authorbox import strip_author_box, strip_greeting_bio
from scraper.extraction.blocks import Block
from scraper.extraction.boilerplate import (
    HEADLINE_MIN_WORDS,
    strip_author_bio,
    strip_crosslinks,
    strip_datelines,
    strip_labelled_links,
    strip_prompts,
)
from scraper.extraction.bylinewords import DESK_FIRST
from scraper.extraction.captions import SENTENCE_END, strip_captions
from scraper.extraction.closing import strip_comment_section, strip_contributions, strip_copyright_notices
from scraper.extraction.context import CleaningContext, Rule
from scraper.extraction.datescan import without_dates
from scraper.extraction.kicker import strip_kickers
from scraper.extraction.linklists import is_main_run, strip_link_lists
from scraper.extraction.notices import strip_notices
from scraper.extraction.repeats import strip_pull_quotes, strip_repeated_blocks
from scraper.text import EMAIL, compact, count_words, normalise, phrases


def strip_repeated_headline(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """The headline repeated in the first blocks (trafilatura keeps an in-body ``<h1>``).

    Any form of the headline counts: the chosen title may be the JSON-LD one while the page
    shows a differently worded ``<h1>``, and a kicker (topic label) may be glued in front of it
    (``Election 2026: Council backs…``, or with no space at all when the kicker was its own
    element) when it opens the body. Link lists (tags, breadcrumbs) before the headline do not
    count as the top.
    """
    titles = {compact(t) for t in (ctx.title, *ctx.headlines)} - {""}
    if not titles:
        return blocks
    long_titles = {compact(t) for t in (ctx.title, *ctx.headlines) if count_words(t) >= 3}
    authors = {compact(a) for a in ctx.authors} - {""}
    kept: list[Block] = []
    seen = 0
    for index, block in enumerate(blocks):
        if seen >= 4:  # past the top: nothing further is the headline (and compacting every block cost)
            kept.extend(blocks[index:])
            break
        text = block.norm.replace(" ", "")  # compact(block.text)
        if (seen < 4 and text in titles) or (seen == 0 and _has_kicker(text, long_titles)):
            continue
        if seen == 0 and _has_byline_tail(text, long_titles, authors):
            continue
        seen += block.link_density < 0.5
        kept.append(block)
    return kept


def _has_kicker(text: str, titles: set[str]) -> bool:
    """The text is a short kicker followed by a headline (only trusted as the very first block)."""
    return any(text.endswith(t) and len(text) - len(t) <= 60 for t in titles)


def _has_byline_tail(text: str, titles: set[str], authors: set[str]) -> bool:
    """The text is a headline followed by its byline (an ``<h1>`` left open takes it in)."""
    rests = [text[len(t) :] for t in titles if text.startswith(t) and text != t]
    return any(a in rest and len(rest) - len(a) <= 30 for rest in rests for a in authors)


_SEPARATORS = re.compile(r"\s(?:»|›|>|/|\\|\||→|::|·|•)\s")


def strip_breadcrumbs(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``Home » Section » Topic`` trails: short blocks near the top made of separated crumbs."""

    def is_breadcrumb(block: Block) -> bool:
        text = " ".join(block.text.split())
        crumbs = _SEPARATORS.split(text)
        if len(crumbs) < 2 or count_words(text) > 14 or any(count_words(c) > 6 for c in crumbs):
            return False
        return block.link_density > 0.3 or normalise(crumbs[0]) in phrases()["breadcrumb_home"]

    return [b for i, b in enumerate(blocks) if not (i < 4 and is_breadcrumb(b))]


def strip_bylines(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A short block at the top or bottom that only names the authors (``By Jane Doe``)."""
    names = [normalise(a) for a in ctx.authors if a.strip()]
    if not names:
        return blocks

    def is_byline(block: Block) -> bool:
        text = DESK_FIRST.sub("", block.norm)  # "Da Redação, por Juliana Prado": the writer's byline
        bare = normalise(EMAIL.sub(" ", block.text)) if "@" in block.text else text
        if bare.startswith((*names, *_byline_openers())):
            text = bare  # "박지현 기자 jihyun.park@daily.kr", "By Ann Lee, ann@daily.com": the address is no word
        if count_words(text) > 12 + 3 * len(names):
            return False
        rest = text
        for name in names:
            rest = rest.replace(name, " ")
        if rest == text or count_words(rest) <= _BYLINE_OTHER_WORDS:
            return rest != text
        opening = without_dates(text).lstrip()  # a dated byline opens so: "By …", "Posted on <date> by …", a name
        opens = opening.startswith(_byline_openers()) or any(opening.startswith(f"{n} ") for n in names)
        if not opens:
            return False
        if (undated := without_dates(rest)) == rest and any(c.isdigit() for c in rest):  # "16. 11. 2025", as printed
            undated = DESK_FIRST.sub("", normalise(without_dates(block.text)))
            for name in names:
                undated = undated.replace(name, " ")
        # numbers left beside the names and date are the line's fields ("Odsłon: 3 281 | Komentarzy: 14"), no words
        lettered = sum(1 for word in undated.split() if not word.isdigit())
        return count_words(undated) < count_words(rest) and lettered <= _DATED_OTHER_WORDS

    edge = {0, 1, 2, len(blocks) - 1, len(blocks) - 2}
    return [b for i, b in enumerate(blocks) if not (i in edge and is_byline(b))]


_BYLINE_OTHER_WORDS = 6  # "By", "Staff Writer", "5 min read": what a byline prints beside its names
_DATED_OTHER_WORDS = 8  # and beside its names and date: "By", "Founder and Editor-in-Chief", "Updated"


@cache
def _byline_openers() -> tuple[str, ...]:
    """The words a byline line opens with: its lead ("By"), its label ("Author:"), or its date's stamp.

    Also the verbs a credit opens with before its "by" ("Written and photographed by", "Authored by").
    """
    words = (*phrases()["byline_lead"], *phrases()["byline_lead_label"], *phrases()["date_stamp_label"])
    words += ("written", "authored")
    return tuple(f"{normalise(w)} " for w in words)


def strip_teasers(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Blocks that repeat the text of a teaser card (a link wrapping a heading or paragraph).

    trafilatura drops the link but may keep the card's paragraph when the card list sits in
    the article's container; the page itself shows the paragraph is another article's teaser.
    """
    teasers = {normalise(t) for t in ctx.teasers if count_words(t) >= 3}
    if not teasers:
        return blocks
    return [b for b in blocks if b.kind not in ("p", "head") or b.norm not in teasers]


def strip_teaser_runs(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Runs of linked headlines, each with an optional one-line standfirst: a teaser list.

    A sub-heading of the article is not a link; two or more linked headings in a row (each
    perhaps followed by a short paragraph) are other articles, and a short heading just above
    them ("More from …") labels the list. A teaser list is an appendage of the story, so a run
    that holds most of the body's words is the story itself (a listicle whose items link to
    what they describe) and stays; so does a run with the story's prose on both sides of it (the
    items of a buying guide, each a linked product name and a line on it). A linked heading over
    a described item (``_describes``) is a section of the story (a listicle of linked channel
    names, each described), except for cards: 2+ wholly linked headlines (not names: under
    ``HEADLINE_MIN_WORDS`` words) each over a teaser of a few sentences, as the body's tail.
    """

    def unit(i: int) -> tuple[int, bool, bool]:
        """How many blocks the teaser starting at ``i`` spans (0: none), whether its paragraph
        describes (``_describes``) and whether it is a card (``_is_card``)."""
        b = blocks[i]
        if b.kind != "head" or b.link_density < 0.4 or b.words > 30:
            return 0, False, False
        nxt = blocks[i + 1] if i + 1 < len(blocks) and blocks[i + 1].kind == "p" else None
        card = nxt is not None and _is_card(b, nxt)
        if nxt is not None and _describes(nxt):
            # a linked heading over a paragraph of several sentences: a section of the story,
            # unless it is a card in a run of cards after the story (below)
            return (2, True, True) if card else (0, False, False)
        return (2 if nxt is not None and nxt.words <= 40 else 1), False, card

    total = sum(b.words for b in blocks)
    prose = list(itertools.accumulate((_is_prose(b) for b in blocks), initial=0))  # prose[k]: among blocks[:k]
    drop: set[int] = set()
    i = 0
    while i < len(blocks):
        j, units, described, cards = i, 0, False, True
        while j < len(blocks) and (step := unit(j))[0]:
            j, units, described, cards = j + step[0], units + 1, described or step[1], cards and step[2]
        inside = units >= 2 and prose[i] >= 2 and prose[-1] - prose[j] >= 2
        # described items are teasers only in a run of sibling cards that is the body's tail
        trailing = not described or (cards and prose[i] >= 1 and prose[-1] == prose[j])
        if units >= 2 and trailing and not inside and not is_main_run(blocks[i:j], total):
            drop.update(range(i, j))
            if i > 0 and blocks[i - 1].kind == "head" and count_words(blocks[i - 1].text) <= 6:
                drop.add(i - 1)
        i = max(j, i + 1)
    return [b for k, b in enumerate(blocks) if k not in drop]


def _is_card(heading: Block, teaser: Block) -> bool:
    """Another article's card: a wholly linked headline (not a name) over a teaser of a few lines."""
    return heading.link_density >= 0.9 and heading.words >= HEADLINE_MIN_WORDS and teaser.words <= 40


def _describes(block: Block) -> bool:
    """Two or more sentences of 20+ words: an item's description, where a teaser has one line.

    Over both shared corpora, teaser runs cut this way held 323 story tokens (a listicle of
    linked channel names, each described) and 38 of boilerplate.
    """
    sentences = [s for s in SENTENCE_END.split(block.text) if count_words(s) >= 4]
    return block.words >= 20 and len(sentences) >= 2


def _is_prose(block: Block) -> bool:
    """A paragraph of running text (20+ words, hardly linked)."""
    return block.kind == "p" and block.link_density < 0.2 and block.words >= 20


# A paragraph cut off mid-sentence: an ellipsis (or WordPress's "[…]") straight after a word or comma.
_CUT_OFF = re.compile(r"[\w,]\s?(?:…|\.\.\.|\[(?:…|\.\.\.)\])$")
EXCERPT_MIN_WORDS = 8
EXCERPT_MIN_RUN = 3  # a story may end on two paragraphs trailing off ("… and now she does not…")
EXCERPT_MAX_SHARE = 5  # the excerpts' words times this are at most the words before them: a box under a story


def strip_excerpt_runs(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Three or more paragraphs in a row cut off mid-sentence, with no paragraph after them: other posts' excerpts.

    A "related posts" box whose linked titles trafilatura dropped leaves its excerpts, each cut
    off by the site at a word count ("… tugging or tossing during…"). A story's own ellipsis is a
    paragraph or two trailing off: over both shared corpora, runs of three at the tail held 237 tokens
    of boilerplate and none of story (runs of two, 62 more, but a story's last two paragraphs may
    both trail off). Ten such paragraphs in a row in a buying guide ("Full WorkFit-S Review…"), with
    the guide's prose after them, stay, and so does a run with a list, a quote or a paragraph of the
    story after or among it, or one of more than a fifth of the words before it (a blog written in
    trailing sentences, a story ending on the unfinished messages it quotes).
    """
    cut = [b.kind == "p" and b.words >= EXCERPT_MIN_WORDS and bool(_CUT_OFF.search(b.text.rstrip())) for b in blocks]
    start = len(blocks)
    while start > 0 and (cut[start - 1] or _is_title(blocks[start - 1])):
        start -= 1  # back over the tail's cut-off paragraphs and the short lines among them (titles, dates)
    run = [k for k in range(start, len(blocks)) if cut[k]]
    if len(run) < EXCERPT_MIN_RUN:
        return blocks
    if sum(blocks[k].words for k in run) * EXCERPT_MAX_SHARE > sum(b.words for b in blocks[: run[0]]):
        return blocks  # most of a short body: the writer's own trailing style, or a story's quoted messages
    return blocks[: run[0]] + blocks[run[-1] + 1 :]  # with the excerpts' titles between them, if kept


def _is_title(block: Block) -> bool:
    """A heading or a line of a few words: an excerpt's title or date, where a list or a quote is the story's."""
    return block.kind == "head" or (block.kind == "p" and block.words < EXCERPT_MIN_WORDS)


def strip_trailing_headings(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A sub-heading left as the last block introduces something that was removed."""
    while blocks and blocks[-1].kind == "head":
        blocks = blocks[:-1]
    return blocks


RULES: tuple[Rule, ...] = (
    strip_kickers,
    strip_repeated_headline,
    strip_breadcrumbs,
    strip_datelines,
    strip_captions,
    strip_crosslinks,
    strip_labelled_links,
    strip_prompts,
    strip_notices,
    strip_teaser_runs,
    strip_excerpt_runs,
    strip_link_lists,
    strip_teasers,
    strip_repeated_blocks,
    strip_pull_quotes,
    strip_author_box,
    strip_author_bio,
    strip_greeting_bio,
    strip_bylines,
    strip_contributions,
    strip_copyright_notices,
    strip_comment_section,
    strip_trailing_headings,
)


# Who wants to see what each rule removes: the ablation report of ``make bench-quality`` sets
# this around one page's extraction; nothing else does, and unset it costs one lookup a page.
RemovalTrace = Callable[[str, list[Block]], None]
removal_trace: ContextVar[RemovalTrace | None] = ContextVar("removal_trace", default=None)


def clean_blocks(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Apply every rule in order; empty blocks never survive."""
    blocks = [b for b in blocks if b.text.strip()]
    trace = removal_trace.get()
    for rule in RULES:
        kept = rule(blocks, ctx)
        if trace is not None:
            still = {id(b) for b in kept}
            trace(rule.__name__, [b for b in blocks if id(b) not in still])
        blocks = kept
    return blocks
