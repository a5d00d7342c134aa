"""Rules that recognise formulaic boilerplate by its phrases: prompts, notices, cross-links, credits, bios, dates.

Every rule here needs a phrase from ``phrases.toml`` (per language) *and* a structural limit (a
short block, a position at the end), so prose that merely mentions a newsletter stays. The
structural rules, which need no phrase, are in ``cleaning.py``; the closing credits and copyright
notice in ``closing.py``.
"""

from __future__ import annotations

import re
from functools import cache

from scraper.extraction.blocks import Block
from scraper.extraction.context import CleaningContext
from scraper.extraction.datescan import is_date_line
from scraper.text import count_words, normalise, opening_phrase, phrases


def is_credit_line(text: str, link_density: float = 0.0) -> bool:
    """``Photo: Jane Doe / Agency``, ``© Reuters``, ``Foto: dpa``: a short credit.

    A cited source is not a credit: ``Source: <a>Ministry of Transport annual report</a>`` links
    to where the story's facts come from (see ``strip_labelled_links``), so a citation label
    over a link of a headline's length is the story's line.
    """
    text = " ".join(text.split())
    if count_words(text) > CREDIT_MAX_WORDS or _cites(text, link_density):
        return False
    lowered = text.casefold()
    return any(
        lowered.startswith(word) and (len(lowered) == len(word) or not lowered[len(word)].isalpha())
        for word in phrases()["credit"]
    ) and (":" in text or "©" in text or "/" in text or count_words(text) <= 4)


CREDIT_MAX_WORDS = 10  # a credit line is a name or two and an agency


def _cites(text: str, link_density: float) -> bool:
    """``Source: <a>A survey of …</a>``: a citation label, then a link of some words."""
    match = _LABEL.match(text)
    return (
        match is not None
        and link_density >= LABELLED_LINK_MIN_DENSITY
        and normalise(match.group(1)) in phrases()["citation_label"]
        and count_words(match.group(2)) >= HEADLINE_MIN_WORDS
    )


_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|"
    r"oktober|dezember|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|ene|abr|ago|dic"
)
_UPDATED = r"(?:(?:last\s+)?updated|aktualisiert|mis à jour|actualizado|aggiornato)"
_DATELINE = re.compile(
    rf"^(?:(?:{'|'.join(map(re.escape, phrases()['date_stamp_label']))}|am|le|on)(?:\s*:)?\s*)*"  # no backtracking
    rf"(?:\w+,?\s+)?"  # weekday
    rf"(?:\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}\.?\s+(?:{_MONTHS})\w*\.?,?\s+\d{{4}}|"
    rf"(?:{_MONTHS})\w*\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日)"
    rf"(?:[,\s|-]*(?:um|at|à|a las|alle|kl\.?)?\s*\d{{1,2}}[:.h]\d{{2}}(?::\d{{2}})?\s*(?:uhr|h|am|pm|[a-z]{{2,4}})?"
    rf"(?:\s+[a-z]{{2,4}})?)?"  # a zone after the time: "10:30 pm CST"
    rf"(?:(?:\s*[|,–—-]\s*|\s+){_UPDATED}\b(?P<update>.*))?$",  # "| Updated …", "Mis à jour le 4/2"
    re.IGNORECASE,
)


def is_dateline(text: str) -> bool:
    """A block that is only a date (and time), in any of the common formats."""
    text = " ".join(text.split()).strip(_DATELINE_TRIM)
    if count_words(text) > DATELINE_MAX_WORDS or (found := _DATELINE.match(text)) is None:
        return False
    update = found.group("update") or ""  # a date, not "Updated figures show 12 people died"
    return count_words(re.sub(r"[\d\W_]+", " ", update)) <= _UPDATE_WORDS and not re.fullmatch(r"\D*\S\D*", update)


DATELINE_MAX_WORDS = 16  # "Feb. 11, 2025 at 10:30 pm CST — Updated Feb. 12, 2025 at 8:15 am"
_UPDATE_WORDS = 4  # words of an update's stamp: "Feb.", "at", "am"; "le"
_DATELINE_TRIM = " |•·-–"


def strip_datelines(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Date-and-time lines (``24-08-23 11:08``, ``Published 3 Nov 2026``) anywhere.

    Besides :func:`is_dateline`'s forms, a paragraph or heading that is a date stamp in any form the
    date scanner reads ("Last updated on September 16th, 2023 at 09:27 am", "17:41 JST, October 13,
    2024", "Jun 08, 2023 • 11 Minute Read"), with no word of its own beside its labels, times and reading
    time: an archive's "Go 1.26 is released, 10 February 2026" or a post's "name · 03/03/2026 19:49" stays.
    Over both corpora this took a stamp out of 13 articles (in two the truth keeps its "Last updated" line).
    """
    return [
        b
        for b in blocks
        if not (
            b.kind != "table"
            and _may_be_dateline(b)
            and (is_dateline(b.text) or (b.kind in ("p", "head") and is_date_line(b.text, ctx.language, other_words=0)))
        )
    ]


def _may_be_dateline(block: Block) -> bool:
    """Whether :func:`is_dateline` must look: a block of over 16 words can only be one when trimming
    its ends (``| … |``) takes whole words away; most paragraphs are long and end in a letter."""
    if block.words <= DATELINE_MAX_WORDS:
        return True
    text = block.text.strip()
    return text[:1] in _DATELINE_TRIM or text[-1:] in _DATELINE_TRIM


def strip_crosslinks(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``ALSO READ: …``, ``Read more``, ``Lesen Sie auch`` lines pointing to other articles.

    A line that opens like one but runs on as unlinked prose (``Click here for a complete post
    on mood boards. My favourite quick way is…``) is the story's own sentence with a link in it:
    over both shared corpora such lines (over ``CROSSLINK_SHORT`` words, under
    ``CROSSLINK_MIN_DENSITY`` linked) held 76 story tokens and no boilerplate.
    """
    return [b for b in blocks if not (_is_crosslink(b) or _is_box_title(b))]


CROSSLINK_SHORT = 15  # a cross-link line this short goes whatever share of it is linked
CROSSLINK_MIN_DENSITY = 0.3  # a longer one must be this much link


def _is_crosslink(block: Block) -> bool:
    if block.kind not in ("p", "head", "list"):
        return False
    words = block.words
    if words > 40 or not (words <= CROSSLINK_SHORT or block.link_density >= CROSSLINK_MIN_DENSITY):
        return False
    found = opening_phrase(block.text, "crosslink")
    if found is None:
        return False
    # A line without any link points nowhere: past a label's few words it is a cross-link only
    # by its formula ("See also: …", "Read more of this when you subscribe"), else the story's
    # sentence ("See also the prize list, which the library will publish").
    return block.link_density > 0 or words <= PROMPT_LABEL_WORDS or formula_evidence(block.text, *found)


BOX_TITLE_WORDS = 6  # "Most read in Football": a box's stock title, and where the box's items come from
_BOX_TITLE_PLACE = ("in ", "from ", "on ")


def _is_box_title(block: Block) -> bool:
    """A related box's stock title left in the body ("Related articles", "You might also like:", "Meistgelesen").

    Only the title itself, as a label (a colon, then anything) or with where the items come from ("Most read in
    Football"), and in other languages the title alone: "Most read books of 2024", "Related Articles of Faith"
    or "You may also like the new ferry timetable" are the story's own words."""
    if block.kind not in ("p", "head") or block.words > CROSSLINK_SHORT:
        return False
    lowered = " ".join(block.text.casefold().split()).rstrip(" .:!")
    if lowered in phrases()["box_title_alone"]:
        return True
    for title in phrases()["box_title"]:
        if not lowered.startswith(title):
            continue
        rest = lowered[len(title) :]
        if not rest or rest.lstrip().startswith(":"):
            return True
        if block.words <= BOX_TITLE_WORDS and rest.startswith(" ") and rest.lstrip().startswith(_BOX_TITLE_PLACE):
            return True
    return False


_LABEL = re.compile(r"^([^:|»>]{1,60}?)\s*[:|»>]\s*(\S.*)$", re.DOTALL)


_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
HEADLINE_MIN_WORDS = 4  # a linked headline has at least this many words; a product or site name fewer
LABELLED_LINK_MIN_DENSITY = 0.6  # a cross-link's link is most of its line


def strip_labelled_links(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """``LABEL: <a>Other headline</a>``: a short label, then a link that is the rest of the block.

    This is how cross-links look in any language (``FUNDA FUTHI | …``, ``Lees ook: …``), so no
    phrase is needed: the unlinked label is a few words and the link covers all that follows.
    The link must read like another article's headline: a bare address (``Website:
    https://…``, a cited source) or a two-word name (``Best overall: Acme X2``) is the story
    pointing at something, and stays. So does a line whose link is only part of it (``Best
    winter hammock: <a>Circadian Pro</a> ($180)``, ``<a>Conference</a>: May 5-7 | Las Vegas``):
    an item of the story's own list; over both shared corpora, lines linked less than
    ``LABELLED_LINK_MIN_DENSITY`` held 112 story tokens and no boilerplate. A label that cites
    (``Source: <a>A survey of …</a>``, ``Website: …``, ``Pictured: …``; ``citation_label`` in
    ``phrases.toml``) names where the story's facts or pictures come from: it is the story's.
    """

    def is_labelled_link(block: Block) -> bool:
        if block.kind != "p" or block.link_density < LABELLED_LINK_MIN_DENSITY or block.words > 30:
            return False
        match = _LABEL.match(" ".join(block.text.split()))
        if not match or count_words(match.group(1)) > 6 or normalise(match.group(1)) in phrases()["citation_label"]:
            return False
        linked = match.group(2)
        if _URL.match(linked) or count_words(linked) < HEADLINE_MIN_WORDS:
            return False
        return abs(len(linked) / len(block.text) - block.link_density) <= 0.12

    return [b for b in blocks if not is_labelled_link(b)]


def strip_author_bio(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """A paragraph among the last blocks that presents the author (``Jane Doe covers…``).

    The bio starts with an author's full name (one role word may come first: ``Korrespondent
    Jane Doe ist…``; an ``About the author:`` label may come before it), or with the first name
    alone when a verb of presentation follows (``Karina holds an MBA…``; ``bio_verb`` in
    ``phrases.toml``); article text rarely opens a paragraph with its own author's name. A bare
    first name is weaker evidence: it may be the story's subject sharing it (``Ellen has led the
    board…`` about Ellen Marsh, by Ellen Grant) or a word (``Hope is what keeps…``). So it needs
    a verb of presentation that only bios use (``is``/``was``/``has`` say nothing on their own:
    ``bio_verb_weak``, which count with a job word such as ``reporter`` or ``co-founder``,
    ``bio_role``), and the name must not appear in the story before it. An author that is the
    site itself ("Lesotho Times") is no person and is not looked for. Bios run up to
    ``BIO_MAX_WORDS`` (over both shared corpora, raising the limit from 80 words and taking
    first names removed 453 more tokens of bios, 88 of story).
    """
    site = normalise(ctx.site_name or "")
    names = [n.split() for n in (normalise(a) for a in ctx.authors) if len(n.split()) >= 2 and n != site]
    if not names:
        return blocks
    verbs = set(phrases()["bio_verb"])
    weak = set(phrases()["bio_verb_weak"])
    roles = set(phrases()["bio_role"])

    def is_bio(block: Block, story: list[Block]) -> bool:
        if block.kind != "p" or block.words > BIO_MAX_WORDS:
            return False
        words = block.norm.split()
        for label in phrases()["bio_label"]:
            if words[: len(label.split())] == label.split():
                words = words[len(label.split()) :]
                break
        if any(words[: len(name)] == name for name in names):
            return True
        if any(words[1 : len(name) + 1] == name for name in names):  # "Korrespondentin Jane Doe ist …"
            return block is not first  # a byline glued to the story's opening ("Author: Jane Doe The harbour …")
        if len(words) < 2 or not any(words[0] == name[0] for name in names):
            return False
        if not (words[1] in verbs or (words[1] in weak and not roles.isdisjoint(words))):
            return False
        return not any(words[0] in b.norm.split() for b in story)  # the story's own Ellen

    start = max(0, len(blocks) - 4)
    first = blocks[0] if blocks else None
    kept: list[Block] = []
    for i, block in enumerate(blocks):
        if i < start or not is_bio(block, kept):  # a bio's first paragraph is not the story naming its author
            kept.append(block)
    return kept


# A bio longer than this is a paragraph of the story that names its author.
BIO_MAX_WORDS = 150


def strip_prompts(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Share, newsletter, consent, advertising and comment prompts: short, formulaic, to the reader.

    A story's sentence can start like a prompt ("Comments made by the mayor…", "Anzeige wegen Trunkenheit…",
    "Sign up rates for…"), so the phrase alone decides only where it cannot be a sentence's opening: see
    :func:`is_prompt`. An ad label the story uses as its own word ("Reklama" over "reklamy") is a heading.
    """
    own = {id(b) for b in blocks if b.kind == "p" and b.norm in _ad_labels() and _said(b.norm, blocks)}
    return [b for b in blocks if id(b) in own or not (b.kind != "table" and b.words <= _PROMPT_MAX and is_prompt(b))]


def _said(label: str, blocks: list[Block]) -> bool:  # a label over every ad unit, in any spelling, says nothing
    return any(label[:5] in b.norm and b.norm not in _ad_labels() for b in blocks)  # "Oglas", "Oglasi": review 46


_PROMPT_MAX = 25  # words of a block read for a prompt
PROMPT_LABEL_WORDS = 5  # "Advertisement", "Share this post", "Comments (12)", "Lesedauer: 4 Minuten"
_PROMPT_BREAK = frozenset(":|!?(»›→–—•")


# An ask to follow someone on a social network, in the languages of the prompt phrases.
_FOLLOW_ON = re.compile(
    r"^\W*(?:follow|folgen sie|suivez|sigue|siga|segui|volg)\s[^.!?]{0,60}?\b(?:on|auf|sur|en|em|no|su|op)\s+"
    r"(?:x|twitter|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky|mastodon|whatsapp|telegram|flipboard)\b",
    re.IGNORECASE,
)


def is_prompt(block: Block) -> bool:
    """A block that opens with a prompt phrase and is one.

    It is when it is a label (a few words, or mostly a link), or when :func:`formula_evidence`
    finds the opening cannot be a sentence's. Otherwise the opening is the story's own.
    """
    if _FOLLOW_ON.match(block.text):
        return not reported(block.text)  # "Follow Market Ledger on X and LinkedIn": any name before "on"
    if block.kind == "p" and block.words <= _COUNTER_WORDS and (is_view_counter(block.norm) or _page_of(block.norm)):
        return True  # not "2024 hits", nor a heading "Step 2 of 5"
    if block.kind == "p" and block.norm in _ad_labels():  # "Oglas", "פרסומת": a whole block, never a sentence's opening
        return True
    found = opening_phrase(block.text, "prompt")
    if found is None or reported(block.text):
        return False
    if block.words <= PROMPT_LABEL_WORDS or block.link_density >= 0.5:
        return True
    return formula_evidence(block.text, *found)


_COUNTER_WORDS = 4  # "1,693 views", "Просмотров: 2317", "Lượt xem: 812"


@cache
def _ad_labels() -> frozenset[str]:
    return frozenset(normalise(label) for label in phrases()["ad_label"])


def is_view_counter(norm: str) -> bool:
    """A count of the page's readers (normalised text): numbers and ``view_count`` words only, some of each.

    The CMS prints it under the story (Bitrix, DataLife Engine, WordPress view counters); nothing in it is
    the story's, and a phrase list of openers cannot see it, as it may open with its number.
    """
    tokens = norm.split()
    words = [token for token in tokens if not token.isdigit()]
    return 0 < len(words) < len(tokens) and " ".join(words) in phrases()["view_count"]


def _page_of(norm: str) -> bool:
    """A paginated story's counter ("Page 2 of 3", "Pagina 2 din 3", "Seite 2 von 3"): a ``page_word``, its number,
    a short word or nothing, and the count."""
    tokens = norm.split()
    return (
        len(tokens) in (3, 4)
        and tokens[0] in phrases()["page_word"]
        and tokens[1].isdigit()
        and tokens[-1].isdigit()
        and (len(tokens) == 3 or len(tokens[2]) <= _PAGE_OF_WORD_CHARS)
    )


_PAGE_OF_WORD_CHARS = 4  # "of", "von", "din", "z", "iš", "van", "из"


# Someone's words reported in the story: "Fill out the form by April 15, the county said."
# English, German, French, Spanish, Italian, Dutch (the review's: "a spokeswoman wrote", "the note says"). Not a
# bare "say" ("Have your say below") nor "according to our records" (a paywall's meter), second review.
_REPORTED = re.compile(
    r"\b(?:said|says|told|wrote|urged|sagte|sagt|schrieb|a déclaré|dijo|afirmó|ha detto|zei)\b"
    r"|\baccording to (?!our\b|your\b)",
    re.IGNORECASE,
)


def reported(text: str) -> bool:
    """The block reports what someone said (a verb of saying): the story's, not the site's ask."""
    return _REPORTED.search(text) is not None


def formula_evidence(text: str, phrase: str, rest: str) -> bool:
    """Whether a block opening with a boilerplate ``phrase`` is the formula, not a sentence.

    A story's sentence can open with "Comments", "Sign up", "See also" or "Anzeige". It cannot
    when the phrase is a specific one (three words or more: "listen to this article", "lesen
    Sie auch") or ends in punctuation ("video:"), or is followed by a break ("Advertisement: …",
    "Share | …"); a line that ends in a colon leads in to something else ("Read more about the
    costs:"); and a block that talks to the reader ("… to your inbox", "Sign up for our …",
    "… benötigen wir Ihre Zustimmung") is the site speaking.
    """
    if phrase.count(" ") >= 2 or not phrase[-1].isalnum() or rest.lstrip()[:1] in _PROMPT_BREAK:
        return True
    return rest.rstrip().endswith(":") or addresses_reader(text)


_WORD_AT = re.compile(r"\w+")


@cache
def _address_words() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(phrases()["reader_address"]), frozenset(phrases()["reader_address_formal"])


def addresses_reader(text: str) -> bool:
    """Whether the text says "you", "your", "our", "Ihre" (… in any language of ``phrases.toml``).

    A word in capitals is an acronym ("US", "UW", "NOS", "TU") unless the whole block shouts;
    the formal "Sie"/"Ihre" count inside a sentence only (at its start, or a quote's, they are
    "she"/"they"/"her").
    """
    plain, formal = _address_words()
    shouting = text.isupper()
    for match in _WORD_AT.finditer(text):
        word = match.group()
        if len(word) > 1 and word.isupper() and not shouting:
            continue
        if word.casefold() in plain:
            return True
        if word in formal and text[: match.start()].rstrip()[-1:] not in _SENTENCE_OPENERS:
            return True
    return False


_SENTENCE_OPENERS = frozenset({"", ".", "!", "?", ":", ";", '"', "„", "“", "”", "»", "«", "‚", "‘", "'", "(", "–", "—"})
