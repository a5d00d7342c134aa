"""Remove what trafilatura leaves around the article body, one small rule per kind.

trafilatura hands us the body as blocks (paragraphs, sub-headings, lists, quotes, tables) with
the share of each block's text that sits inside links. The rules below look at a block's
*position* (top of the body, trailing run), its *link density*, its *repetition* of something
the page shows elsewhere (the headline, a figure caption, the byline) and only then at
*phrases*, which are kept as per-language data in ``phrases.toml``. Every rule is a pure
function ``(blocks, context) -> blocks``; captions and credits that a rule removes are handed
back in the context so they end up in ``Article.images`` instead of being lost.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from lxml import html as lxml_html


@dataclass(slots=True)
class Block:
    """One block of body text, as trafilatura delimited it."""

    kind: str  # "p", "head", "list", "quote", "table", "code"
    text: str  # lines joined by "\n" (list items, table rows)
    link_density: float = 0.0  # share of characters inside <a>/<ref>


@dataclass(slots=True)
class CleaningContext:
    """What the rules need to know about the page besides the blocks."""

    title: str = ""
    headlines: list[str] = field(default_factory=list)  # other headline forms (<h1>, og:title)
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)  # figcaption/alt/caption-class text
    teasers: list[str] = field(default_factory=list)  # text of teaser cards (links to articles)
    site_name: str | None = None
    removed_captions: list[str] = field(default_factory=list)  # filled by the rules


Rule = Callable[[list[Block], CleaningContext], list[Block]]


@cache
def phrases() -> dict[str, tuple[str, ...]]:
    """The per-language phrase lists, loaded once per process from ``phrases.toml``."""
    data = tomllib.loads(resources.files("scraper").joinpath("phrases.toml").read_text("utf-8"))
    return {key: tuple(values) for key, values in data.items()}


def normalise(text: str) -> str:
    """Case-, accent-width- and punctuation-insensitive form used for comparisons."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


# Scripts written without spaces between words: each character counts as a word, the
# convention word processors use for Chinese, Japanese and Korean.
_WORD = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\s\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)


def count_words(text: str) -> int:
    """Words for scripts with spaces, characters for CJK scripts."""
    return len(_WORD.findall(text))


_words = count_words


def _starts_with_phrase(text: str, kind: str) -> bool:
    lowered = " ".join(text.casefold().split())
    for phrase in phrases()[kind]:
        if lowered.startswith(phrase):
            rest = lowered[len(phrase) : len(phrase) + 1]
            if not rest or not rest.isalnum() or not phrase[-1].isalnum():
                return True
    return False


# --- rules -----------------------------------------------------------------------------


def strip_repeated_headline(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """The headline repeated in the first blocks (trafilatura keeps an in-body ``<h1>``).

    Any form of the headline counts: the chosen title may be the JSON-LD one while the page
    shows a differently worded ``<h1>``, and a kicker (topic label) may be glued in front of it
    (``Election 2026: Council backs…``, or with no space at all when the kicker was its own
    element) when it opens the body. Link lists (tags, breadcrumbs) before the headline do not
    count as the top.
    """
    titles = {_compact(t) for t in (ctx.title, *ctx.headlines)} - {""}
    if not titles:
        return blocks
    long_titles = {_compact(t) for t in (ctx.title, *ctx.headlines) if _words(t) >= 3}
    authors = {_compact(a) for a in ctx.authors} - {""}
    kept: list[Block] = []
    seen = 0
    for block in blocks:
        text = _compact(block.text)
        if (seen < 4 and text in titles) or (seen == 0 and _has_kicker(text, long_titles)):
            continue
        if seen == 0 and _has_byline_tail(text, long_titles, authors):
            continue
        seen += block.link_density < 0.5
        kept.append(block)
    return kept


def _compact(text: str) -> str:
    """Normalised text without spaces: words glued by markup still compare equal."""
    return normalise(text).replace(" ", "")


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
        if len(crumbs) < 2 or _words(text) > 14 or any(_words(c) > 6 for c in crumbs):
            return False
        return block.link_density > 0.3 or normalise(crumbs[0]) in phrases()["breadcrumb_home"]

    return [b for i, b in enumerate(blocks) if not (i < 4 and is_breadcrumb(b))]


_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|"
    r"oktober|dezember|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|ene|abr|ago|dic"
)
_DATELINE = re.compile(
    rf"^(?:(?:published|updated|posted|veröffentlicht|aktualisiert|stand|publié|mis à jour|"
    rf"publicado|actualizado|pubblicato|am|le|on)\s*:?\s*)*"
    rf"(?:\w+,?\s+)?"  # weekday
    rf"(?:\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}\.?\s+(?:{_MONTHS})\w*\.?,?\s+\d{{4}}|"
    rf"(?:{_MONTHS})\w*\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日)"
    rf"(?:[,\s|-]*(?:um|at|à|a las|alle|kl\.?)?\s*\d{{1,2}}[:.h]\d{{2}}(?::\d{{2}})?\s*(?:uhr|h|am|pm|[a-z]{{2,4}})?)?"
    rf"\s*(?:[|,-]\s*(?:updated|aktualisiert|mis à jour).*)?$",
    re.IGNORECASE,
)


def is_dateline(text: str) -> bool:
    """A block that is only a date (and time), in any of the common formats."""
    text = " ".join(text.split()).strip(" |•·-–")
    return _words(text) <= 12 and bool(_DATELINE.match(text))


def strip_datelines(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Date-and-time lines (``24-08-23 11:08``, ``Published 3 Nov 2026``) anywhere."""
    return [b for b in blocks if not (b.kind != "table" and is_dateline(b.text))]


def strip_bylines(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A short block at the top or bottom that only names the authors (``By Jane Doe``)."""
    names = [normalise(a) for a in ctx.authors if a.strip()]
    if not names:
        return blocks

    def is_byline(block: Block) -> bool:
        text = normalise(block.text)
        if _words(text) > 12 + 3 * len(names):
            return False
        rest = text
        for name in names:
            rest = rest.replace(name, " ")
        return rest != text and _words(rest) <= 6

    edge = {0, 1, 2, len(blocks) - 1, len(blocks) - 2}
    return [b for i, b in enumerate(blocks) if not (i in edge and is_byline(b))]


def strip_author_bio(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A short paragraph among the last blocks that presents the author (``Jane Doe covers…``).

    The bio starts with an author's full name (one role word may come first: ``Korrespondent
    Jane Doe ist…``); article text rarely opens a paragraph with its own author's name. An author
    that is the site itself ("Lesotho Times") is no person and is not looked for.
    """
    site = normalise(ctx.site_name or "")
    names = [n for n in (normalise(a) for a in ctx.authors) if len(n.split()) >= 2 and n != site]
    if not names:
        return blocks

    def is_bio(block: Block) -> bool:
        if block.kind != "p" or _words(block.text) > 80:
            return False
        words = normalise(block.text).split()
        return any(name.split() in (words[: len(name.split())], words[1 : len(name.split()) + 1]) for name in names)

    start = max(0, len(blocks) - 4)
    return [b for i, b in enumerate(blocks) if i < start or not is_bio(b)]


def strip_captions(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Blocks that repeat a figure caption, alt text or photo credit shown on the page.

    A block matches when it is a caption, the start of one, or a caption followed by a short
    credit (``Caption | Jane Doe/dpa``). Removed captions are kept in ``ctx.removed_captions``
    so they move to ``images``.
    """
    captions = {normalise(c) for c in ctx.captions if _words(c) >= 3}
    kept: list[Block] = []
    for block in blocks:
        if (block.kind in ("p", "quote") and _is_caption(normalise(block.text), captions)) or (
            block.kind == "p" and is_credit_line(block.text)
        ):
            ctx.removed_captions.append(block.text)
        else:
            kept.append(block)
    return kept


def _is_caption(text: str, captions: set[str]) -> bool:
    if not text:
        return False
    if text in captions:
        return True
    if len(text) <= 20:
        return False
    return any(
        c.startswith(text) or (len(c) > 20 and text.startswith(c) and _words(text[len(c) :]) <= 6) for c in captions
    )


def is_credit_line(text: str) -> bool:
    """``Photo: Jane Doe / Agency``, ``© Reuters``, ``Foto: dpa``: a short credit."""
    text = " ".join(text.split())
    if _words(text) > 10:
        return False
    lowered = text.casefold()
    return any(
        lowered.startswith(word) and (len(lowered) == len(word) or not lowered[len(word)].isalpha())
        for word in phrases()["credit"]
    ) and (":" in text or "©" in text or "/" in text or _words(text) <= 4)


def strip_crosslinks(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``ALSO READ: …``, ``Read more``, ``Lesen Sie auch`` lines pointing to other articles."""
    return [
        b
        for b in blocks
        if not (b.kind in ("p", "head", "list") and _words(b.text) <= 40 and _starts_with_phrase(b.text, "crosslink"))
    ]


_LABEL = re.compile(r"^([^:|»>]{1,60}?)\s*[:|»>]\s*(\S.*)$", re.DOTALL)


def strip_labelled_links(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``LABEL: <a>Other headline</a>``: a short label, then a link that is the rest of the block.

    This is how cross-links look in any language (``FUNDA FUTHI | …``, ``Lees ook: …``), so no
    phrase is needed: the unlinked label is a few words and the link covers all that follows.
    """

    def is_labelled_link(block: Block) -> bool:
        if block.kind != "p" or block.link_density < 0.4 or _words(block.text) > 30:
            return False
        match = _LABEL.match(" ".join(block.text.split()))
        if not match or _words(match.group(1)) > 6:
            return False
        return abs(len(match.group(2)) / len(block.text) - block.link_density) <= 0.12

    return [b for b in blocks if not is_labelled_link(b)]


def strip_prompts(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Share, newsletter, consent, advertising and comment prompts: short and formulaic."""
    return [
        b for b in blocks if not (b.kind != "table" and _words(b.text) <= 25 and _starts_with_phrase(b.text, "prompt"))
    ]


def strip_contributions(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``With additional reporting by…``, ``Mit Agenturmaterial``: credit lines at the end.

    Newsrooms close an article by crediting agencies and co-reporters; the line names who
    worked on the story and is no part of it. Only short blocks among the last four count.
    """
    start = max(0, len(blocks) - 4)
    return [b for i, b in enumerate(blocks) if i < start or not _is_contribution(b)]


def _is_contribution(block: Block) -> bool:
    if block.kind != "p" or _words(block.text) > 25:
        return False
    text = block.text.strip(" -–—_*")
    ending = " ".join(text.casefold().rstrip(" .").split())
    return _starts_with_phrase(text, "contribution") or ending.endswith(phrases()["contribution_end"])


# "© 2026", "(c) 2019-2026", "Copyright © 2026", "Copyright 2026": the notice names its year.
_COPYRIGHT_START = re.compile(r"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?(?:19|20)\d{2}\b",
                              re.IGNORECASE)  # fmt: skip


def strip_copyright_notices(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``Copyright © 2026 The Daily Example. All rights reserved.``: the site footer's notice.

    Sites laid out with tables (and some CMS footers inside the article container) hand the
    notice to the extractor as the last paragraph. Only short blocks among the last three count;
    ``© dpa`` style agency credits are left to the contribution rule.
    """
    start = max(0, len(blocks) - 3)

    def is_notice(block: Block) -> bool:
        if block.kind != "p" or _words(block.text) > 30:
            return False
        text = " ".join(block.text.split())
        lowered = text.casefold()
        reserved = any(p in lowered for p in phrases()["copyright"])
        return reserved or bool(_COPYRIGHT_START.match(text))

    return [b for i, b in enumerate(blocks) if i < start or not is_notice(b)]


def strip_notices(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Paywall, account and site notices: ``The rest of this article is for subscribers``.

    A notice's phrase can sit anywhere in its sentence (``Il vous reste 57 % de cet article à
    lire``, ``We may earn an affiliate commission``, ``Follow us on Google News``), so, unlike
    prompts, the phrase is looked for in the whole of a short block. Paywall notices run longer
    than the site's own disclosures.
    """
    lists = ((phrases()["paywall_notice"], 60), (phrases()["site_notice"], 40))

    def is_notice(block: Block) -> bool:
        lowered = " ".join(block.text.casefold().split())
        words = _words(block.text)
        return any(words <= limit and any(p in lowered for p in found) for found, limit in lists)

    return [b for b in blocks if b.kind == "table" or not is_notice(b)]


def strip_link_lists(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Related-article lists: runs of link-only headline-length blocks, and link lists.

    A real paragraph is rarely mostly link text; a teaser list is nothing else. A heading
    directly above such a run ("Related stories", "Mehr zum Thema") goes with it.
    """
    linky = [b.link_density >= 0.6 and (b.kind in ("list", "p", "head")) and _words(b.text) <= 60 for b in blocks]
    drop = [False] * len(blocks)
    i = 0
    while i < len(blocks):
        if not linky[i]:
            i += 1
            continue
        j = i
        while j < len(blocks) and linky[j]:
            j += 1
        run = blocks[i:j]
        if len(run) >= 2 or run[0].kind == "list" or run[0].link_density >= 0.9:
            for k in range(i, j):
                drop[k] = True
            if i > 0 and blocks[i - 1].kind == "head":
                drop[i - 1] = True
        i = j
    return [b for b, d in zip(blocks, drop, strict=True) if not d]


def strip_teasers(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Blocks that repeat the text of a teaser card (a link wrapping a heading or paragraph).

    trafilatura drops the link but may keep the card's paragraph when the card list sits in
    the article's container; the page itself shows the paragraph is another article's teaser.
    """
    teasers = {normalise(t) for t in ctx.teasers if _words(t) >= 3}
    if not teasers:
        return blocks
    return [b for b in blocks if b.kind not in ("p", "head") or normalise(b.text) not in teasers]


def strip_repeated_blocks(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A paragraph printed several times is a placeholder (consent, embed, ad slot), not prose.

    Three or more identical paragraphs go entirely; a paragraph seen twice keeps its first
    copy (a pull quote or a lead repeated by the template).
    """
    counts: dict[str, int] = {}
    for block in blocks:
        if block.kind == "p" and _words(block.text) >= 4:
            key = normalise(block.text)
            counts[key] = counts.get(key, 0) + 1
    seen: set[str] = set()
    kept: list[Block] = []
    for block in blocks:
        key = normalise(block.text) if block.kind == "p" else ""
        if counts.get(key, 0) >= 3 or (key in seen and counts.get(key, 0) == 2):
            continue
        seen.add(key)
        kept.append(block)
    return kept


def strip_teaser_runs(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Runs of linked headlines, each with an optional one-line standfirst: a teaser list.

    A sub-heading of the article is not a link; two or more linked headings in a row (each
    perhaps followed by a short paragraph) are other articles, and a short heading just above
    them ("More from …") labels the list.
    """

    def unit(i: int) -> int:
        """How many blocks the teaser starting at ``i`` spans (0: none)."""
        b = blocks[i]
        if b.kind != "head" or b.link_density < 0.4 or _words(b.text) > 30:
            return 0
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        return 2 if nxt is not None and nxt.kind == "p" and _words(nxt.text) <= 40 else 1

    drop: set[int] = set()
    i = 0
    while i < len(blocks):
        j, units = i, 0
        while j < len(blocks) and (step := unit(j)):
            j, units = j + step, units + 1
        if units >= 2:
            drop.update(range(i, j))
            if i > 0 and blocks[i - 1].kind == "head" and _words(blocks[i - 1].text) <= 6:
                drop.add(i - 1)
        i = max(j, i + 1)
    return [b for k, b in enumerate(blocks) if k not in drop]


def strip_trailing_headings(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A sub-heading left as the last block introduces something that was removed."""
    while blocks and blocks[-1].kind == "head":
        blocks = blocks[:-1]
    return blocks


RULES: tuple[Rule, ...] = (
    strip_repeated_headline,
    strip_breadcrumbs,
    strip_datelines,
    strip_captions,
    strip_crosslinks,
    strip_labelled_links,
    strip_prompts,
    strip_notices,
    strip_teaser_runs,
    strip_link_lists,
    strip_teasers,
    strip_repeated_blocks,
    strip_bylines,
    strip_author_bio,
    strip_contributions,
    strip_copyright_notices,
    strip_trailing_headings,
)


# --- page-level pruning, before trafilatura ---------------------------------------------

_TOKEN_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
_MARKED = (
    "//*[@class or @id or @aria-label or @role]"
    "[not(self::html or self::body or self::main or self::article or self::h1 or self::p)]"
)


def _marked_as_boilerplate(element: lxml_html.HtmlElement) -> bool:
    """Class, id, aria-label or role words say "related", "newsletter", "share", "comments"..."""
    if (element.get("role") or "").lower() in ("complementary", "dialog", "alertdialog"):
        return True
    return _names_boilerplate(" ".join(element.get(a) or "" for a in ("class", "id", "aria-label")))


@lru_cache(maxsize=8192)
def _names_boilerplate(words: str) -> bool:
    """Whether attribute words name boilerplate; memoised, as templates repeat the same classes."""
    tokens = {t.lower() for t in _TOKEN_SPLIT.split(words) if t}
    return not tokens.isdisjoint(phrases()["boilerplate_markup"])


def prune_page(tree: lxml_html.HtmlElement) -> int:
    """Remove containers the page itself marks as boilerplate, before trafilatura sees them.

    Markup words shared across CMSs (``related``, ``newsletter``, ``share``, ``comments``,
    ``breadcrumb``, ``cta``, ARIA ``complementary``/``dialog``) mark teaser lists, sign-up
    boxes, share bars and modals. A container holding a large share of the page's paragraph
    text is kept whatever its name: some templates put such words on the article wrapper.
    Returns the number of containers removed.
    """
    paragraphs = sum(len(p.text_content()) for p in tree.iter("p"))
    removed = 0
    for element in tree.xpath(_MARKED):
        if element.getparent() is None or not _marked_as_boilerplate(element):
            continue
        own = sum(len(p.text_content()) for p in element.iter("p"))
        if own > 0.25 * paragraphs or any(True for _ in element.iter("h1")):
            continue
        element.drop_tree()
        removed += 1
    return removed


def clean_blocks(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Apply every rule in order; empty blocks never survive."""
    blocks = [b for b in blocks if b.text.strip()]
    for rule in RULES:
        blocks = rule(blocks, ctx)
    return blocks


def blocks_to_text(blocks: list[Block]) -> str:
    """Blocks separated by one blank line; lines within a block (list items) by newlines."""
    return "\n\n".join(b.text.strip() for b in blocks if b.text.strip())
