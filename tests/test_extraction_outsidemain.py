"""Blocks closing the story that come only from outside the page's ``<main>`` are cut (WCXB: a
blog's "Hey, I'm Jessica! Welcome to …" about-me box and teaser excerpts after ``</main>``, which
trafilatura's wild-text recovery had appended)."""

from __future__ import annotations

from lxml import html as lxml_html

from scraper.extraction.blocks import Block
from scraper.extraction.outsidemain import drop_trailing_outside_main

STORY = [
    "Grouping is the secret sauce of an organized workspace, and the categories should fit how you work.",
    "Once you have your categories, it is time to assign a home for each of them on shelves and in drawers.",
    "Spend two minutes at the end of each week returning stray items to their homes.",
]
ABOUT = "Hey, I'm Jessica! Welcome to The Organized Mama, where organizing is made doable and overwhelm-free."
TEASER = "Here's a crazy thought: what if each person in a bed had their own blanket? No sharing, no tugging…"


def _page(main: str, after: str, before: str = "") -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><body>{before}<main>{main}</main>{after}</body></html>")


def _blocks(*texts: str) -> list[Block]:
    return [Block(kind="p", text=text) for text in texts]


def test_the_sidebar_after_main_is_cut() -> None:
    tree = _page("".join(f"<p>{p}</p>" for p in STORY), f"<div class='widget'><p>{ABOUT}</p><p>{TEASER}</p></div>")
    kept = drop_trailing_outside_main(_blocks(*STORY, ABOUT, TEASER), tree)
    assert [b.text for b in kept] == STORY


def test_a_block_outside_main_between_the_story_s_own_stays() -> None:
    tree = _page("".join(f"<p>{p}</p>" for p in STORY), "", before=f"<div><p>{ABOUT}</p></div>")
    blocks = _blocks(STORY[0], ABOUT, *STORY[1:])
    assert drop_trailing_outside_main(blocks, tree) == blocks


def test_a_story_mostly_outside_main_is_left_alone() -> None:
    tree = _page(f"<p>{STORY[0]}</p>", "".join(f"<p>{p}</p>" for p in STORY[1:]) + f"<p>{ABOUT}</p>")
    blocks = _blocks(*STORY, ABOUT)
    assert drop_trailing_outside_main(blocks, tree) == blocks


def test_no_main_or_several_change_nothing() -> None:
    blocks = _blocks(*STORY, ABOUT)
    plain = lxml_html.document_fromstring(f"<html><body><div>{''.join(f'<p>{p}</p>' for p in STORY)}</div>"
                                          f"<p>{ABOUT}</p></body></html>")  # fmt: skip
    assert drop_trailing_outside_main(blocks, plain) == blocks
    two = _page("".join(f"<p>{p}</p>" for p in STORY), f"<main><p>{TEASER}</p></main><p>{ABOUT}</p>")
    assert drop_trailing_outside_main(blocks, two) == blocks


def test_a_block_found_nowhere_as_one_run_stops_the_cut() -> None:
    tree = _page("".join(f"<p>{p}</p>" for p in STORY), f"<div><p>{ABOUT}</p></div>")
    rebuilt = "Where To Store Office Supplies: a heading rebuilt from two elements"
    blocks = _blocks(*STORY, rebuilt, ABOUT)
    assert [b.text for b in drop_trailing_outside_main(blocks, tree)] == [*STORY, rebuilt]


def test_text_of_scripts_in_main_does_not_count_as_main_s() -> None:
    script = f'<script>var about = "{ABOUT}";</script>'
    tree = _page("".join(f"<p>{p}</p>" for p in STORY) + script, f"<div><p>{ABOUT}</p></div>")
    assert [b.text for b in drop_trailing_outside_main(_blocks(*STORY, ABOUT), tree)] == STORY
