"""The section label printed above the headline is no first line of the story."""

from __future__ import annotations

from scraper.api import extract
from scraper.extraction.blocks import Block
from scraper.extraction.context import CleaningContext
from scraper.extraction.kicker import strip_kickers
from scraper.items import Article

PROSE = "The council voted on Tuesday to rebuild the harbour wall before the winter storms, the mayor said."


def p(text: str, kind: str = "p") -> Block:
    return Block(kind=kind, text=text)


def test_a_label_printed_above_the_headline_goes_from_the_bodys_top() -> None:
    ctx = CleaningContext(above=["Home", "Interview", "3 November 2026"])
    assert strip_kickers([p("Interview"), p(PROSE)], ctx) == [p(PROSE)]
    assert strip_kickers([p("INTERVIEW", "head"), p(PROSE)], ctx) == [p(PROSE)]


def test_the_same_words_further_down_or_longer_lines_stay() -> None:
    ctx = CleaningContext(above=["Interview", "The harbour wall will be rebuilt before winter, the council says"])
    down = [p(PROSE), p("Interview", "head"), p(PROSE)]
    assert strip_kickers(down, ctx) == down
    standfirst = [p("The harbour wall will be rebuilt before winter, the council says"), p(PROSE)]
    assert strip_kickers(standfirst, ctx) == standfirst
    assert strip_kickers([p("Interview")], ctx) == [p("Interview")]  # a body of one line is left whole
    assert strip_kickers([p("Interview"), p(PROSE)], CleaningContext()) == [p("Interview"), p(PROSE)]


def test_a_kicker_inside_the_story_container_is_not_its_first_line() -> None:
    story = " ".join([PROSE] * 6)
    html = (
        '<html lang="en"><head><title>Harbour wall</title></head><body><header><a href="/">Site</a></header>'
        '<main><article><p class="kicker">Analysis</p><h1>Why the harbour wall matters</h1>'
        f"<p>{story}</p><p>{story}</p></article></main></body></html>"
    )
    result = extract(html, url="https://news.example/local/2026/11/03/harbour-wall-analysis")
    assert isinstance(result, Article), result
    assert not result.text.startswith("Analysis"), result.text[:80]
