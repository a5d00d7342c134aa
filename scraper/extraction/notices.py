"""Notices the site prints about itself in the body: a paywall's, an account's, a disclosure, a newsletter's pitch.

A notice's phrase can sit anywhere in its sentence (``Il vous reste 57 % de cet article à lire``, ``We may earn
an affiliate commission``, ``Follow us on Google News``), so, unlike a prompt's, the phrase is looked for in the
whole of a short block (``phrases.toml``'s ``paywall_notice``, ``site_notice``, ``newsletter_pitch``).
"""

from __future__ import annotations

import re

from scraper.extraction.blocks import Block
from scraper.extraction.boilerplate import reported
from scraper.extraction.context import CleaningContext
from scraper.text import phrases

PAYWALL_NOTICE_WORDS = 60  # paywall notices run longer than the site's own disclosures
SITE_NOTICE_WORDS = 40
# A disclosure runs to three sentences ("Some of the links in this article are affiliate ones. This means that if you
# click through them…", 47 words), a browser warning to four (55), where a site prints them: above the story or
# under it. Over WCXB and the news corpus, the blocks of 41 to 60 words that hold a notice's phrase among the body's
# first or last ``EDGE_BLOCKS`` were the site's (eight pages); inside a story, a paragraph that long holding one is
# the story's more often ("Forecasters believe we may receive another 20 centimetres of snow…": review 48).
EDGE_NOTICE_WORDS = 60
EDGE_BLOCKS = 3
# ... of a body long enough to have edges: in a short story every paragraph is among its first or last three (a
# brief's lead on Google's "preferred source" feature: code review 48). The eight pages' bodies had 21 to 109 blocks.
EDGE_MIN_BLOCKS = 10
TYPO_HINT_WORDS = 40  # the "found a typo? press Ctrl+Enter" hint: a line or two
# The offer under a paywall's notice, when nothing but it follows to the body's end: its selling points, its
# price, its log-in line ("Jederzeit monatlich kündbar", "1 Monat für 0,99 €", "Bereits Abonnent? Hier anmelden").
OFFER_LINE_WORDS = 12  # a story's paragraph, even a wire story's, runs longer
OFFER_BLOCKS = 8
# The notice over an offer is its box's heading or label ("Jetzt weiterlesen mit StZ Plus", "This article is for
# subscribers only"); an appeal written as a sentence ("Your subscription is what keeps reporters like ours in the
# field. Thank you.") sits in the story, and what follows it is the story's (a fact box, a list of dates).
OFFER_NOTICE_WORDS = 12  # counted by spaces: a Japanese box's two sentences ("この記事は会員限定です。 …") are two


def strip_notices(blocks: list[Block], ctx: CleaningContext) -> list[Block]:
    """Paywall, account and site notices: ``The rest of this article is for subscribers``.

    A notice's phrase can sit anywhere in its sentence (``Il vous reste 57 % de cet article à
    lire``, ``We may earn an affiliate commission``, ``Follow us on Google News``), so, unlike
    prompts, the phrase is looked for in the whole of a short block. Paywall notices run longer
    than the site's own disclosures.
    """
    # Each list's phrases, its limit inside the body and at the body's edges.
    lists: tuple[tuple[tuple[str, ...], int, int], ...] = (
        (phrases()["paywall_notice"], PAYWALL_NOTICE_WORDS, PAYWALL_NOTICE_WORDS),
        (phrases()["site_notice"], SITE_NOTICE_WORDS, EDGE_NOTICE_WORDS),
        (phrases()["newsletter_pitch"], SITE_NOTICE_WORDS, EDGE_NOTICE_WORDS),
    )
    longest = max(limit for _, _, limit in lists)
    short = [b for b in blocks if b.kind != "table" and b.words <= longest]  # most blocks: no list's limit fits
    # Each phrase looked for once in the short blocks' text, joined as each block is read
    # below: one not found there is in none of them (most pages have none at all).
    page = " ".join(" ".join(b.text for b in short).casefold().split())
    lists = tuple(
        (found, n, e) for found, n, e in ((tuple(p for p in f if p in page), n, e) for f, n, e in lists) if found
    )
    hints = _TYPO_KEYS.search(page) is not None
    if not lists and not hints:
        return blocks

    def is_notice(block: Block, edge: bool) -> bool:
        words = block.words
        if words > longest:
            return False
        lowered = " ".join(block.text.casefold().split())
        if reported(block.text):  # a notice someone is reported making ("… our newsletter," she said): the story's
            return False
        if hints and words <= TYPO_HINT_WORDS and _typo_hint(lowered):
            return True
        fits = (found for found, inside, at_edge in lists if words <= (at_edge if edge else inside))
        return any(_said(lowered, p) for found in fits for p in found)

    last = len(blocks) - EDGE_BLOCKS if len(blocks) >= EDGE_MIN_BLOCKS else len(blocks)
    first = EDGE_BLOCKS if len(blocks) >= EDGE_MIN_BLOCKS else 0
    kept = [b for i, b in enumerate(blocks) if b.kind == "table" or not is_notice(b, i < first or i >= last)]
    paywall = tuple(p for p in phrases()["paywall_notice"] if p in page)  # its phrases on the page
    return _without_offer(blocks, kept, paywall)


# The "found a typo? select it and press Ctrl+Enter" hint of Russian, Ukrainian and Central Asian sites, in whatever
# words: the keys and a word for a typo or an error in one short block. The keys alone are a how-to's ("type it once
# and press Ctrl+Enter", "Введите формулу и нажмите Ctrl+Enter": code review 47).
_TYPO_KEYS = re.compile(r"ctrl\s*\+\s*enter")
_TYPO_WORD = re.compile(r"ошибк|опечат|помилк|қате|typo|mistake|\berror|fehler|chyb|błąd|klaida|kļūd", re.IGNORECASE)


def _typo_hint(text: str) -> bool:
    """Whether a short block is the typo hint: the keys and a typo's word, neither in quotation marks."""
    keys = _TYPO_KEYS.search(text)
    word = _TYPO_WORD.search(text)
    return keys is not None and word is not None and _said(text, keys.group()) and _said(text, word.group())


_QUOTE_MARKS = frozenset('"“”„«»「」『』')


def _said(text: str, phrase: str) -> bool:
    """Whether the block says ``phrase`` itself: somewhere outside quotation marks. A story quotes a notice
    ("The message opens with «Vil du lese resten av saken?»", « En tant que partenaire Amazon… » in a story on the
    regulator's fines: review 47); the notice itself is not in quotes."""
    start = text.find(phrase)
    while start >= 0:
        before = text[:start]
        marks = sum(
            1 for i, ch in enumerate(before) if ch in _QUOTE_MARKS and not (ch == '"' and before[i - 1 : i].isdigit())
        )
        if marks % 2 == 0:  # a straight quote after a digit is an inch mark ('a 5" screen')
            return True
        start = text.find(phrase, start + 1)
    return False


def _without_offer(blocks: list[Block], kept: list[Block], paywall: tuple[str, ...]) -> list[Block]:
    """``kept`` without the paywall's offer: the short lines after its notice, when they run to the body's end.

    The box reads as blocks of its own (its heading, a list of selling points, a price, a log-in line), and only
    its heading says "subscribers"; what follows a paywall's short label to the end of the visible text is its
    offer when one line sells (:func:`_sells`). A story's paragraph after the notice (a soft paywall that shows it
    all), a fact box after a teaser's label, a correction after an appeal keep everything.
    """
    if not paywall:
        return kept
    removed = {id(b) for b in blocks} - {id(b) for b in kept}
    for index, block in enumerate(blocks):
        if (
            id(block) in removed
            and len(block.text.split()) <= OFFER_NOTICE_WORDS
            and any(p in " ".join(block.text.casefold().split()) for p in paywall)
        ):
            after = blocks[index + 1 :]
            if 0 < len(after) <= OFFER_BLOCKS and all(_offer_line(b) for b in after) and _sells(after):
                cut = {id(b) for b in after}
                return [b for b in kept if id(b) not in cut]
            break
    return kept


def _offer_line(block: Block) -> bool:
    """A short line, or a list of short lines: an offer's, not a story's paragraph."""
    return block.kind != "table" and all(len(line.split()) <= OFFER_LINE_WORDS for line in block.text.split("\n"))


# What an offer holds and a story's closing lines do not: a price, or the words of a sale, an account or access.
_OFFER = re.compile(
    r"[$€£¥]\s?\d|\d\s?(?:€|kr|zł|kč|円)|月額|会員|購読|登録|\b(?:cancel|kündbar|kündigen|abo|abonn\w*|subscri\w*|"
    r"log ?in|sign ?in|anmelden|trial|testen|access|unlimited|unbegrenzt|ad-free|werbefrei)\b",
    re.IGNORECASE,
)
# ... and a story's own closing line after an appeal: a correction, a way to reach the writer (second review).
_STORY_CLOSE = re.compile(r"^\W*(?:correction|korrektur|clarification|contact the author|editor's note)", re.I)


def _sells(after: list[Block]) -> bool:
    """The lines after a paywall's label read as its offer: one of them sells, none closes the story."""
    return any(_OFFER.search(b.text) for b in after) and not any(_STORY_CLOSE.match(b.text) for b in after)
