"""trafilatura's recall escalation takes only a candidate that tells the text the run holds.

The page is hand-written: a news brief of about sixty words in its ``<article>``, and beside it a
"More news" rail of eight teaser cards with more text than the story. Real trafilatura, run by
``extract_article``, escalates on it (the story is short and a small share of the page).
"""

from __future__ import annotations

from lxml import etree

from scraper.extraction.article import extract_article
from scraper.extraction.escalation import gated, tells
from scraper.items import Article
from tests.helpers import make_page

STORY = [
    "A 34-year-old man has been charged with burglary after a jeweller's shop on Market Street was broken into "
    "early on Tuesday morning, police said.",
    "He is due to appear before magistrates on Thursday. Officers thanked members of the public who called 999 "
    "after hearing an alarm.",
    "Rings and watches worth about £8,000 were recovered nearby.",
]
TEASERS = [
    "The county council says fares on all routes will go up by ten pence from April, the first rise in four years, "
    "as it tries to close a gap in its transport budget.",
    "Governors have appointed a new head teacher to lead Riverside school from September after the retirement of "
    "its long-serving head.",
    "Opening hours at three libraries will be reduced from next month, the council said, blaming a shortage of "
    "staff and volunteers.",
    "The annual five-kilometre charity run returns to Victoria Park on Sunday, with more than two thousand runners "
    "expected to raise money.",
    "Overnight lane closures on the northern ring road will start on Monday and last for three weeks while the "
    "council resurfaces the road.",
    "Town have appointed their former captain as manager on a two-year deal, a week after the club parted "
    "company with his predecessor.",
    "Plans for two hundred extra parking spaces at the general hospital have been approved, easing what patients "
    "have called a daily ordeal.",
    "Traders at the indoor market say new covered stalls installed over the winter have brought back shoppers "
    "on wet weekdays.",
]


def _card(n: int, teaser: str) -> str:
    return (
        f'<div class="card"><a href="/news/story-{n}"><img src="/i/{n}.jpg" alt=""></a>'
        f'<h3><a href="/news/story-{n}">Headline number {n} of the day</a></h3>'
        f"<p>{teaser} Councillors, traders and residents gave their views to our reporters on the day.</p>"
        "<span>2 hours ago</span></div>"
    )


PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Man charged after town centre break-in | Midshire Post</title>
<meta property="article:published_time" content="2025-03-05T14:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main><article><h1>Man charged after town centre break-in</h1><p class="byline">By Sam Webb</p>
<div class="story-body">{"".join(f"<p>{p}</p>" for p in STORY)}</div></article>
<section class="more-news"><h2>More news</h2>{"".join(_card(n, t) for n, t in enumerate(TEASERS))}</section>
</main><footer>Midshire Post</footer></body></html>"""


def test_a_brief_beside_a_bigger_rail_of_teasers_keeps_its_story() -> None:
    """trafilatura took the rail: its escalation's justext pass found the teasers "clearly bigger"."""
    result = extract_article(make_page(PAGE, url="https://midshire.example/news/man-charged-after-break-in"))
    assert isinstance(result, Article), result
    assert [block.text for block in result.body] == STORY


def test_a_candidate_counts_only_when_it_holds_most_of_the_held_text() -> None:
    held = "the footbridge over the river reopened on friday after four months of repairs"
    assert tells(held, f"Residents crossed at dawn. {held.capitalize()}, the council said, and more.")
    assert not tells(held, "The county council says fares on all routes will go up by ten pence from April.")
    assert tells("too short", "anything")  # fewer than three words: no evidence either way

    calls: list[str] = []
    story = etree.Element("body")
    rail = etree.Element("body")

    class How:
        focus = "balanced"

    stand_ins = gated(
        {"justext_rescue": lambda tree, how: (rail, "other stories " * 40), "_recall_retry": lambda *a: (rail, held)},
        {"_extract_and_compare": lambda *a: (story, held), "baseline": lambda tree: calls.append("baseline")},
    )
    assert stand_ins["_extract_and_compare"](None, None, None, How()) == (story, held)
    body, text = stand_ins["justext_rescue"](None, How())
    assert (len(body), text) == (0, "")  # another part of the page: no candidate
    assert stand_ins["_recall_retry"](None, How(), None) == (rail, held)  # more of the same text: a candidate


def test_the_held_text_is_the_rescues_only_when_trafilatura_takes_it() -> None:
    """trafilatura keeps its baseline rescue's text only when it is longer than the extraction's."""
    extracted = "the footbridge over the river reopened on friday after four months of repairs"
    longer = "the mayor opened the new market hall on saturday and traders said the first day went better than hoped"
    body = etree.Element("body")

    class How:
        focus = "balanced"

    def run(rescued: str) -> str:
        stand_ins = gated(
            {"justext_rescue": lambda tree, how: (body, extracted), "_recall_retry": lambda *a: (body, "")},
            {
                "_extract_and_compare": lambda *a: (body, extracted),
                "baseline": lambda tree: (body, rescued, len(rescued)),
            },
        )
        stand_ins["_extract_and_compare"](None, None, None, How())
        stand_ins["baseline"](None)
        return str(stand_ins["justext_rescue"](None, How())[1])  # a candidate holding the extraction's text

    assert run("a short box") == extracted  # the rescue was not taken: the extraction's text is held
    assert run(longer) == ""  # the rescue was taken: its text is held, and the candidate does not tell it
