"""What the cleaning and assembly save by reading each text once, and that they read the same.

The rules look at every block's word count and normalised text; a block keeps both, worked
out on first use (``Block.words``, ``Block.norm``), and the record's word count and content hash
are made from them instead of from the whole text again. These tests hold those shortcuts to
the functions they stand for, on texts built to trip them (CJK, combining marks, compatibility
and white-space characters), and count how often the rules read a block's text.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from lxml import html as lxml_html

from scraper import text as text_module
from scraper.extraction import blocks as blocks_module
from scraper.extraction import boilerplate, cleaning, repeats
from scraper.extraction.blocks import Block, blocks_to_text, normalised_text, text_words, with_lead
from scraper.extraction.cleaning import clean_blocks
from scraper.extraction.context import CleaningContext
from scraper.extraction.datescan import scanner
from scraper.extraction.figures import read_figures
from scraper.text import content_hash, count_words, normalise, normalised_hash, phrases, starts_with_phrase

# Characters that make normalising or counting depend on their neighbours, if anything does.
TRICKY = [
    *"aZ9_ -—.,'\"\n\t",
    *"\u0301\u0308\u00a8\u00a0\u3000\u2028\u1100\u1161\u11a8\u0345\u1fbe\u2126\u212b\u200b\ufeff",
    *"ΣςßİﬁÅ①ǅ\uff21\u0e33\u0f73\u0344\u2000\u1680",
    *"日本語の記事。、「」한국어",
]


def _texts(seed: int, count: int) -> Iterator[list[str]]:
    rnd = random.Random(seed)
    for _ in range(count):
        yield [
            "".join(rnd.choice(TRICKY) if rnd.random() < 0.8 else chr(rnd.randint(0, 0x2FFFF)) for _ in range(n))
            for n in (rnd.randint(0, 8) for _ in range(rnd.randint(1, 5)))
        ]


def test_a_blocks_words_and_normalised_text_are_those_of_its_text() -> None:
    for parts in _texts(seed=1, count=2_000):
        for part in parts:
            block = Block(kind="p", text=part)
            assert (block.words, block.norm) == (count_words(part), normalise(part))
            assert (block.words, block.norm) == (count_words(part), normalise(part))  # read again: kept
    assert Block(kind="p", text="a b") == Block(kind="p", text="a b")
    read = Block(kind="p", text="a b")
    assert read.words == 2
    assert read == Block(kind="p", text="a b")  # what it keeps is no part of equality


def test_the_records_word_count_and_hash_from_the_blocks_are_those_of_its_text() -> None:
    for parts in _texts(seed=2, count=5_000):
        blocks = [Block(kind="p", text=part) for part in parts]
        text = blocks_to_text(blocks)
        assert normalised_text(blocks) == normalise(text)
        assert normalised_hash(normalised_text(blocks)) == content_hash(text)
        assert text_words(blocks) == count_words(text)


def test_the_lead_check_reads_the_blocks_normalised_forms() -> None:
    lead = "The harbour board approved the plan on Tuesday, after a year of talks with the city."
    body = [Block(kind="head", text="Harbour"), Block(kind="p", text=f"Résumé. {lead.upper()} More follows.")]
    assert with_lead(body, lead) == body  # in a block (whatever its case and punctuation): not added again
    other = [Block(kind="p", text="Something else entirely, and long enough to be compared with it.")]
    assert with_lead(other, lead)[0] == Block(kind="p", text=lead)


def _spy(monkeypatch: pytest.MonkeyPatch, name: str, modules: list[object]) -> Counter[str]:
    """Count the calls of ``scraper.text.<name>`` by argument, in each module that imported it."""
    calls: Counter[str] = Counter()
    real: Callable[[str], object] = getattr(text_module, name)

    def counted(value: str) -> object:
        calls[value] += 1
        return real(value)

    for module in modules:
        if hasattr(module, name):
            monkeypatch.setattr(module, name, counted)
    return calls


def _page_blocks() -> tuple[list[Block], CleaningContext]:
    caption = "Divers inspect the north pier of the harbour at low tide"
    blocks = [
        Block(kind="p", text="COUNCIL APPROVES THE HARBOUR PLAN"),  # the title, in capitals
        Block(kind="p", text="By Jane Doe"),
        Block(kind="p", text="12 March 2026, 10:04"),
        *[
            Block(kind="p", text=f"Paragraph {i} of the story tells what the board decided and why it matters.")
            for i in range(12)
        ],
        Block(kind="p", text=caption + " | Photo: Ann Lee/dpa"),
        Block(kind="head", text="Related stories", link_density=1.0),
        Block(kind="list", text="One other story here\nAnother story there", link_density=1.0),
        Block(kind="p", text="Jane Doe covers the harbour and the city council for the paper."),
        Block(kind="p", text="Sign up for our newsletter"),
    ]
    ctx = CleaningContext(
        title="Council approves the harbour plan",
        headlines=["Council approves the harbour plan"],
        authors=["Jane Doe"],
        captions=[caption, caption],
        teasers=["A teaser of another story on the page"],
        site_name="The Harbour Times",
    )
    return blocks, ctx


def test_cleaning_normalises_a_block_once_and_counts_a_paragraph_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    modules: list[object] = [blocks_module, boilerplate, cleaning, repeats]
    normalised = _spy(monkeypatch, "normalise", modules)
    counted = _spy(monkeypatch, "count_words", modules)
    blocks, ctx = _page_blocks()
    kept = clean_blocks(blocks, ctx)
    assert [b.text for b in kept][:2] == [blocks[3].text, blocks[4].text]  # headline, byline and date gone
    assert "Sign up for our newsletter" not in [b.text for b in kept]
    assert ctx.removed_captions == [blocks[15].text]
    for block in blocks:
        assert normalised[block.text] <= 1, block.text
        # (a line of a few words is counted again as the credit and date rules trim it)
        assert counted[block.text] <= (1 if block.words > boilerplate.DATELINE_MAX_WORDS else 3), block.text


def test_cleaning_work_grows_with_the_blocks_not_with_blocks_times_captions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caption is compared only with blocks that begin as it does (2,500 blocks, 400 captions)."""
    compared = Counter[str]()
    real = str.startswith

    class Caption(str):
        def startswith(self, prefix: object, *args: object) -> bool:  # type: ignore[override]
            compared["caption"] += 1
            return real(self, prefix, *args)  # type: ignore[arg-type]

    real_normalise = cleaning.normalise
    monkeypatch.setattr(cleaning, "normalise", lambda value: Caption(real_normalise(value)))
    rnd = random.Random(7)
    words = ["harbour", "council", "plan", "vote", "mayor", "budget", "city", "pier", "board", "tide"]
    blocks = [Block(kind="p", text=" ".join(rnd.choice(words) for _ in range(15))) for _ in range(2_500)]
    captions = [" ".join(rnd.choice(words) for _ in range(10)) for _ in range(400)]
    cleaning.strip_captions(blocks, CleaningContext(captions=captions))
    assert compared["caption"] < 20 * len(blocks)  # every block against every caption: 1,000,000


@pytest.mark.parametrize("kind", ["crosslink", "prompt", "contribution"])
def test_phrases_by_their_first_character_find_what_every_phrase_does(kind: str) -> None:
    def word(char: str) -> bool:  # a letter, a digit, or a mark inside a word (an Indic vowel sign, a virama)
        return char.isalnum() or unicodedata.category(char).startswith("M")

    def reference(text: str) -> bool:
        lowered = " ".join(text.casefold().split())
        return any(
            lowered.startswith(p) and (not (rest := lowered[len(p) : len(p) + 1]) or not word(rest) or not word(p[-1]))
            for p in phrases()[kind]
        )

    for phrase in phrases()[kind]:
        for text in (phrase, f"{phrase} x", f"{phrase}x", f"  {phrase.upper()}!", phrase[:-1], f"x {phrase}", ""):
            assert starts_with_phrase(text, kind) is reference(text), text


def test_a_date_is_found_with_any_digits_for_its_year_and_none_without_a_year() -> None:
    assert [s.day.isoformat() for s in scanner("ja")("公開 ２０２５年３月４日")] == ["2025-03-04"]
    assert [s.day.isoformat() for s in scanner("en")("Updated March 4, 2025 at 5 PM")] == ["2025-03-04"]
    assert scanner("en")("March 4, 25 and 04.03.25") == []


def test_figures_keep_their_order_credits_and_captioned_wrappers() -> None:
    tree = lxml_html.document_fromstring(
        "<html><body><div><img src=a.jpg alt='Pier'><p>The north pier at low tide</p></div>"
        "<figure><img src=b.jpg><figcaption>Divers at work <span class=photo-credit>Ann Lee</span>"
        "</figcaption></figure><p>Text with an <img src=icon.png width=16> icon in it.</p>"
        "<figure><figcaption>Harbour lights. Photo: Jo Roe / dpa</figcaption></figure></body></html>"
    )
    found = [(f.src, f.alt, f.caption, f.credit) for f in read_figures(tree)]
    assert found == [
        ("b.jpg", None, "Divers at work", "Ann Lee"),
        ("", None, "Harbour lights.", "Photo: Jo Roe / dpa"),
        ("a.jpg", "Pier", "The north pier at low tide", None),
    ]
