"""Story prose in containers trafilatura discards by class/id word is kept; the chrome there still goes.

Real trafilatura on real HTML: its discard list (``OVERALL_DISCARD_XPATH``) matches "widget",
"bar", "-icon", ... in a container's class; the lean call's prune stand-in (``spare.sparing``)
keeps trafilatura's undo decision and spares only the matches that read as the story's prose.
"""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html
from trafilatura import bare_extraction, core, external
from trafilatura import main_extractor as extractor
from trafilatura.settings import Extractor

from scraper.extraction.article import extract_article
from scraper.extraction.lean import knows
from scraper.extraction.spare import sparing
from scraper.items import Article
from tests.helpers import make_page

_OPENING = [
    "The harbour board met on Tuesday evening to weigh three plans for the old sea wall, which "
    "engineers say has been crumbling since the storms of last winter.",
    "Members heard from residents, fishermen and the council's own surveyors before a vote that "
    "ran late into the night and ended with a narrow majority for the repair plan.",
]
_MIDDLE = [
    "The first plan would rebuild the wall in concrete along its whole length, a job the surveyors "
    "put at four years and twice the budget the board has set aside for the harbour.",
    "The second plan patches the worst stretches with stone taken from the quarry above the town, "
    "which the fishermen favour because the harbour would stay open while the work goes on.",
]
_MORE = [
    "Residents of the lower town asked the board to keep the slipway open through the works, as "
    "the lifeboat crew launches from it and the nearest other ramp is an hour away by road.",
    "The surveyors answered that the slipway sits on the one stretch of wall that needs no repair, "
    "and that the contractors would bring their stone in by sea rather than through the streets.",
]
_CLOSING = [
    "The third plan, which won the vote, repairs the wall in sections over two summers and adds a "
    "wave screen at the harbour mouth, paid for partly by a grant from the regional fund.",
    "Work is due to start in April, once the fishing season's busiest weeks are over and the "
    "contractors have moved their barges into the outer basin.",
]
_ASIDE = [
    "Our weekly letter brings the harbour's news to your inbox every Friday morning, with tide "
    "tables, notices to mariners and the board's agenda for the coming meeting.",
    "Readers who sign up before the end of the month receive a printed chart of the bay, drawn "
    "by the pilots' association and updated with this winter's soundings.",
]


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _page(matched: str) -> str:
    """An article whose middle section is ``matched`` (a container trafilatura's discard list names)."""
    return (
        "<html><head><title>Three plans for the sea wall</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><h1>Three plans for the sea wall</h1>"
        f"{_paragraphs(_OPENING)}{matched}{_paragraphs(_CLOSING)}</article>"
        "<footer><p>© 2026 Example Harbour News</p></footer></body></html>"
    )


def _extracted(html: str) -> str:
    article = extract_article(make_page(html, url="https://news.example/2026/03/02/three-plans-for-the-sea-wall"))
    assert isinstance(article, Article), article
    return article.text


def _trafilatura_text(html: str) -> str:
    document = bare_extraction(lxml_html.document_fromstring(html), options=Extractor(output_format="python"))
    assert document is not None
    return str(document.text)


@pytest.mark.parametrize(
    "matched",
    [
        f"<div class='layout-sidebar-none'>{_paragraphs(_MIDDLE)}</div>",  # a layout class word
        f"<div class='content-bar'><h2>The plans</h2>{_paragraphs(_MIDDLE)}</div>",
        "".join(f"<div class='slide-widget'>{_paragraphs(texts)}</div>" for texts in (_MIDDLE, _MORE)),  # slides
    ],
)
def test_story_prose_in_a_discarded_container_is_kept(matched: str) -> None:
    html = _page(matched)
    assert _MIDDLE[0] not in _trafilatura_text(html), "trafilatura keeps the section itself: tests nothing"
    text = _extracted(html)
    assert all(paragraph in text for paragraph in [*_OPENING, *_MIDDLE, *_CLOSING])


@pytest.mark.parametrize(
    "matched",
    [
        f"<div class='newsletter-widget' style='display:none'>{_paragraphs(_ASIDE)}</div>",  # hidden
        f"<div class='newsletter-widget' role='complementary'>{_paragraphs(_ASIDE)}</div>",  # chrome by role
        f"<div class='newsletter-widget'>{_paragraphs(_ASIDE)}</div><div class='promo'>{_paragraphs(_ASIDE)}</div>",
        "<div class='links-widget'>"  # mostly links
        + "".join(f"<p><a href='/a{i}'>{text}</a></p>" for i, text in enumerate(_ASIDE))
        + "</div>",
        "<div class='spec-widget'><ul>"  # labels and figures, not sentences
        + "".join(f"<li>Length {i}: {40 + i} metres, height {i} metres, stone grade {i}</li>" for i in range(12))
        + "</ul></div>",
    ],
)
def test_chrome_in_a_discarded_container_still_goes(matched: str) -> None:
    """Regression guards: what the sparing must not keep (trafilatura removes it too)."""
    text = _extracted(_page(matched))
    assert all(paragraph in text for paragraph in [*_OPENING, *_CLOSING])
    assert _ASIDE[0] not in text
    assert "stone grade" not in text


def _candidate(matched: str) -> lxml_html.HtmlElement:
    article = lxml_html.fragment_fromstring(
        f"<article>{_paragraphs(_OPENING)}{matched}{_paragraphs(_CLOSING)}</article>"
    )
    assert isinstance(article, lxml_html.HtmlElement)
    return article


@pytest.mark.parametrize(
    "matched",
    [
        "<div class='share-widget'><a href='/s'>Share</a> <a href='/t'>Post</a></div>",  # no prose: the same prune
        # nearly all the candidate's text is matched: trafilatura undoes the prune, and so does the stand-in
        "<div class='text-widget'>" + _paragraphs(_MIDDLE * 12) + "</div>",
    ],
)
def test_the_prune_decision_is_trafilaturas(matched: str) -> None:
    original = extractor.prune_unwanted_nodes
    spare = sparing(original, extractor.delete_element)
    theirs, ours = _candidate(matched), _candidate(matched)
    theirs = original(theirs, extractor.OVERALL_DISCARD_XPATH, with_backup=True)
    ours = spare(ours, extractor.OVERALL_DISCARD_XPATH, with_backup=True)
    assert etree.tostring(ours) == etree.tostring(theirs)


def test_sparing_never_removes_more_than_trafilatura() -> None:
    matched = "<div class='text-widget'>" + _paragraphs(_MIDDLE) + "</div><div class='share-bar'>Share this</div>"
    theirs = extractor.prune_unwanted_nodes(_candidate(matched), extractor.OVERALL_DISCARD_XPATH, with_backup=True)
    spare = sparing(extractor.prune_unwanted_nodes, extractor.delete_element)
    ours = spare(_candidate(matched), extractor.OVERALL_DISCARD_XPATH, with_backup=True)
    left = [p.text for p in theirs.iter("p")]
    kept = [p.text for p in ours.iter("p")]
    assert _MIDDLE[0] not in left, "trafilatura keeps the section itself: tests nothing"
    assert kept == [*_OPENING, *_MIDDLE, *_CLOSING]  # all it left, and the story's section
    assert "Share this" not in " ".join(ours.itertext())


def test_the_tally_counts_the_characters_spared() -> None:
    """What the escalation gate takes off the text's length (see ``lean.Cascade.page_text``)."""
    matched = "<div class='text-widget'>" + _paragraphs(_MIDDLE) + "</div><div class='share-bar'>Share this</div>"
    tally = [0]
    spare = sparing(extractor.prune_unwanted_nodes, extractor.delete_element, tally)
    ours = spare(_candidate(matched), extractor.OVERALL_DISCARD_XPATH, with_backup=True)
    widget = next(div for div in ours.iter("div") if div.get("class") == "text-widget")
    assert tally == [len(widget.text_content())]
    spare(_candidate("<div class='share-bar'>Share this</div>"), extractor.OVERALL_DISCARD_XPATH, with_backup=True)
    assert tally == [len(widget.text_content())], "nothing spared, nothing counted"


def test_a_story_made_whole_by_spared_prose_does_not_take_the_letters_printed_under_it() -> None:
    """Review: with the spared prose left out of the escalation gate, a recall run added a letters page."""
    pairs = [[_MIDDLE[0].replace("first", n), _MORE[1].replace("surveyors", n)] for n in ("first", "second", "third")]
    pairs += [[_MIDDLE[0].replace("first", n), _MORE[1].replace("surveyors", n)] for n in ("fourth", "fifth", "sixth")]
    sections = "".join(f"<div class='slide-widget'>{_paragraphs(pair)}</div>" for pair in pairs)
    names = ("Mary Hughes", "Tom Price", "Anne Walsh", "Peter Lloyd", "Lucy Grant", "Owen Rees")
    places = ("the slipway", "the outer basin", "the wave screen", "the quarry road", "the fish market", "the marina")
    letters = "".join(
        f"<p>{name} writes: I have lived beside {place} for most of my life and watched the winter water rise a "
        f"little higher every year, so I welcome the vote, but the board must explain how {place} will be "
        "protected while the contractors work, and who pays if the schedule slips again.</p>"
        for name in names
        for place in places[:2]
    )
    story = _paragraphs(_OPENING[:1]) + sections + _paragraphs(_CLOSING[:1])
    html = _page("").replace(_paragraphs(_OPENING), "").replace(_paragraphs(_CLOSING), story)
    html = html.replace(
        "</article>", f"</article><section class='letters-page'><h2>Letters to the editor</h2>{letters}</section>"
    )
    text = _extracted(html)
    assert _MIDDLE[0].replace("first", "sixth") in text
    assert "Letters to the editor" not in text
    assert "Mary Hughes writes" not in text


def test_a_reshaped_prune_turns_the_lean_call_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert knows(core, external)

    def reshaped(tree: object, nodelist: object, backup: bool = False) -> object:  # a renamed parameter
        return tree

    monkeypatch.setattr(extractor, "prune_unwanted_nodes", reshaped)
    assert not knows(core, external)


def test_chrome_inside_a_spared_container_goes_as_trafilatura_took_it() -> None:
    """A spared container's own discard-list matches (share bar, hidden copy, author box) are weighed too."""
    inner = (
        "<div class='share-bar'>Share this story</div>"
        "<div class='hidden-xs' style='display:none'><p>HIDDEN MOBILE COPY of the summary.</p></div>"
        "<div class='author-box'><p>AUTHOR BIO: Jane Doe covers the harbour.</p></div>"
    )
    html = (
        f"<article>{_paragraphs(_OPENING)}<div class='text-widget'>{_paragraphs(_MIDDLE)}{inner}</div>"
        f"{_paragraphs(_CLOSING)}</article>"
    )
    spare = sparing(extractor.prune_unwanted_nodes, extractor.delete_element)
    tree = spare(lxml_html.fragment_fromstring(html), extractor.OVERALL_DISCARD_XPATH, with_backup=True)
    text = " ".join(tree.itertext())
    assert _MIDDLE[0][:40] in text  # the container's story prose is spared
    for chrome in ("Share this story", "HIDDEN MOBILE COPY", "AUTHOR BIO"):
        assert chrome not in text, chrome


def test_a_candidate_with_more_matches_than_the_bound_is_pruned_as_trafilatura_does() -> None:
    """Each match is weighed against the page's text: past MAX_MATCHES, trafilatura's own prune (bounded work)."""
    from scraper.extraction.spare import MAX_MATCHES

    crumbs = "".join(f"<div class='share-bar'>Share {n}</div>" for n in range(MAX_MATCHES + 1))
    html = (
        f"<article>{_paragraphs(_OPENING)}<div class='text-widget'>{_paragraphs(_MIDDLE)}</div>{crumbs}"
        f"{_paragraphs(_CLOSING)}</article>"
    )
    spare = sparing(extractor.prune_unwanted_nodes, extractor.delete_element)
    ours = spare(lxml_html.fragment_fromstring(html), extractor.OVERALL_DISCARD_XPATH, with_backup=True)
    theirs = extractor.prune_unwanted_nodes(
        lxml_html.fragment_fromstring(html), extractor.OVERALL_DISCARD_XPATH, with_backup=True
    )
    assert etree.tostring(ours) == etree.tostring(theirs)
    assert _MIDDLE[0][:40] not in " ".join(ours.itertext())  # trafilatura's prune took the story's container


def test_the_capability_check_waits_for_another_threads_lean_call() -> None:
    """While a lean call has its stand-ins in trafilatura's modules, the check must not read them as
    trafilatura's own (it would turn the lean call, and sparing, off for the process)."""
    import threading

    from scraper.extraction import article
    from scraper.extraction.swap import swapped

    inside, release = threading.Event(), threading.Event()
    spare = sparing(extractor.prune_unwanted_nodes, extractor.delete_element)

    def lean_call() -> None:
        with article._TRAFILATURA, swapped(extractor, {"prune_unwanted_nodes": spare}):
            inside.set()
            release.wait(10)

    holder = threading.Thread(target=lean_call)
    holder.start()
    assert inside.wait(10)
    found: list[bool] = []
    checker = threading.Thread(target=lambda: found.append(article._lean_supported.__wrapped__()))
    checker.start()
    checker.join(0.3)  # it waits for the lock meanwhile
    release.set()
    checker.join(60)
    holder.join(10)
    assert found == [True]
