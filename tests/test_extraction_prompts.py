"""Prompts and cross-links are removed; story sentences that open with their words are not (issue 11).

``strip_prompts`` used to drop every block of up to 25 words that opened with a phrase of
``phrases.toml``'s prompt list. Short stories open sentences with those words too ("Comments
made by the mayor…", "Anzeige wegen Trunkenheit…"): on the unseen pages a German police report
was emptied to ``no_text``. A block now counts as a prompt only where its opening cannot be a
story's: a label, a specific phrase, a break after the phrase, or words to the reader. A
cross-link line without any link needs the same evidence ("See also the prize list, which…").
"""

from __future__ import annotations

import pytest

from scraper.extraction.blocks import Block
from scraper.extraction.boilerplate import addresses_reader, is_prompt, strip_crosslinks
from scraper.extraction.context import CleaningContext
from scraper.items import Article
from tests.test_unseen_pages import EXPECT, article, extracted, normalised


@pytest.mark.parametrize(
    "text",
    [
        "Advertisement",
        "Share this post",
        "Comments (12)",
        "Lesedauer: 4 Minuten",
        "Listen to this article in summarized format",  # a specific phrase
        "Get the latest news about the institute's live events and online courses.",
        "Advertisement: London 2025 Event On 31 October",  # a break after the phrase
        "Sign up for our newsletter and get the week's best stories every Friday",  # to the reader
        "Subscribe to get the latest posts sent to your email.",
        "Please enable Javascript to view this form.",
        "Zustimmung erforderlich: Um diesen Inhalt zu sehen, benötigen wir Ihre Einwilligung.",
        "Externe Inhalte werden erst geladen, wenn Sie auf den Knopf unten klicken",
        "Follow Market Ledger on X and LinkedIn.",  # a name between "Follow" and "on" (session 37's probe)
        "*** Follow me on Instagram, YouTube, X (Twitter) or Facebook for a daily moment of travel inspiration ***",
        "Suivez Le Quotidien sur Facebook",
        "Please turn on JavaScript to use this feature",
    ],
)
def test_prompts_are_prompts(text: str) -> None:
    assert is_prompt(Block("p", text))


@pytest.mark.parametrize(
    "text",
    [
        "Comments made by the mayor at Tuesday's meeting were deleted from the council's page.",
        "Sign up rates for the company's new loyalty scheme for shippers had already slowed.",
        "Subscribe-and-save contracts, which lock customers in for two years, now face review.",
        "Anzeige wegen Trunkenheit im Verkehr wurde gegen ihn erstattet, sein Führerschein ist weg.",
        "Teilen der Anwohner gehen die Kontrollen dagegen nicht weit genug, sie fordern mehr.",
        "Sponsored content in the council's magazine will also be reviewed, a spokesman said.",
        "Sign up rates among US shippers fell by a third, the ministry's figures show.",  # US, the country
        "Comments from UW researchers suggest the bridge can reopen by the spring.",  # acronyms are not "uw"
        "Kommentare von Forschern der TU München zeigen, dass die Brücke hält.",
        "The headline is not a prompt at all, so nothing else matters here.",
        "Follow the money on X, she told the committee, and you will find the donors.",  # reported
        "Following the vote on Tuesday, the council met again.",
        "Follow-up interviews on WhatsApp showed that most riders had not heard of the scheme.",  # review
        "Folge davon: Die Gruppen auf WhatsApp wuchsen binnen einer Woche um das Dreifache.",
        "Turn on JavaScript by tapping Settings, then Safari, then Advanced.",  # a how-to's step
    ],
)
def test_story_sentences_that_open_like_prompts_are_not(text: str) -> None:
    assert not is_prompt(Block("p", text))


def test_a_link_made_prompt_is_a_prompt_without_other_evidence() -> None:
    assert is_prompt(Block("p", "Sign up for the Podcast Success Blueprint today", link_density=0.6))
    assert not is_prompt(Block("p", "Sign up for the Podcast Success Blueprint today", link_density=0.0))


def test_formal_address_counts_only_capitalised_and_inside_a_sentence() -> None:
    assert addresses_reader("Um externe Inhalte anzuzeigen, ist Ihre Zustimmung nötig")
    assert not addresses_reader("Teilen der Anwohner reicht es nicht, sie fordern mehr")  # sie: they
    assert not addresses_reader("Zustimmung kam vom Bürgermeister. Sie sei überfällig, sagte er")  # sentence start
    assert not addresses_reader("Kommentare der Nachbarn: »Sie war immer freundlich«, sagt einer")  # a quote's start
    assert addresses_reader("SIGN UP FOR OUR NEWSLETTER")  # a block in capitals shouts its words


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("60_english_prompt_words", "Comments made by the mayor at Tuesday's meeting"),
        ("51_trap_shares", "Sign up rates for the company's new loyalty scheme"),
        ("51_trap_shares", "Subscribe-and-save contracts, which lock customers in for two years"),
    ],
)
def test_story_sentence_starting_with_a_prompt_word_is_kept(name: str, sentence: str) -> None:
    assert sentence in normalised(article(name).text)


@pytest.mark.parametrize(
    ("name", "sentences"),
    [
        (
            "59_german_prompt_words",
            ["Anzeige wegen Trunkenheit im Verkehr wurde gegen ihn erstattet",
             "Zustimmung für die verstärkten Kontrollen",
             "Teilen der Anwohner gehen die Kontrollen dagegen nicht weit genug", "Werbung für die Kampagne"],
        ),
        (
            "58_trap_advertisement_word",
            ["Advertisement standards officials said the poster", "Sponsored content in the council's magazine"],
        ),
    ],
)  # fmt: skip
def test_short_story_is_not_emptied_by_prompt_words(name: str, sentences: list[str]) -> None:
    result = extracted(name, EXPECT[name]["url"])
    assert isinstance(result, Article), result  # before: no_text, "36 words after cleaning"
    text = normalised(result.text)
    assert [s for s in sentences if s not in text] == []


@pytest.mark.parametrize(
    ("block", "removed"),
    [
        (Block("p", "See also: A Brief History of Photography", link_density=0.75), True),
        (Block("p", "Read more"), True),  # a label
        (Block("p", "Read more about the average cost of movers in the city:"), True),  # leads in
        (Block("p", "Mehr zum Thema finden Sie auch im wöchentlichen Zins-Check"), True),  # three words, Sie
        (Block("p", "Read more of this content when you subscribe today."), True),  # to the reader
        (Block("p", "See also the prize list, which the library will publish next month."), False),
        (Block("p", "Read more slowly, the teacher told the class, and the words will stay."), False),
    ],
)
def test_an_unlinked_cross_link_line_needs_its_formula(block: Block, removed: bool) -> None:
    assert (strip_crosslinks([block], CleaningContext()) == []) is removed


def test_story_sentence_starting_with_see_also_is_kept() -> None:
    assert "See also the prize list, which the library will publish" in article("53_trap_readmore_related").text
