"""The writer's box under the story (``authorbox``)."""

from __future__ import annotations

from scraper.extraction.authorbox import strip_author_box
from scraper.extraction.blocks import Block
from scraper.extraction.context import CleaningContext

STORY = "We switched the old server off in November and switched it back on two days later, when an export failed."


def p(text: str) -> Block:
    return Block(kind="p", text=text)


def head(text: str) -> Block:
    return Block(kind="head", text=text)


def test_the_credit_follower_count_bio_and_teaser_after_the_story_go() -> None:
    box = [
        head("Written by Priya Raghunathan"),
        p("2.3K Followers"),
        p("Platform engineer in Bengaluru. Writing about boring infrastructure that keeps working."),
        p("Why we stopped adding databases."),
    ]
    blocks = [p(STORY), p(STORY + " Twice."), *box]
    kept = strip_author_box(blocks, CleaningContext(authors=["Priya Raghunathan"]))
    assert [b.text for b in kept] == [STORY, STORY + " Twice."]


def test_a_credit_of_someone_else_or_followed_by_the_story_stays() -> None:
    ctx = CleaningContext(authors=["Priya Raghunathan"])
    other = [p(STORY), p(STORY), head("Written by Ann Lee"), p("2.3K Followers")]
    assert strip_author_box(other, ctx) == other
    long_after = [p(STORY), head("By Priya Raghunathan"), p(" ".join([STORY] * 3))]  # more story follows
    assert strip_author_box(long_after, ctx) == long_after
    first = [head("By Priya Raghunathan"), p("2.3K Followers")]  # the opening byline is the byline rule's
    assert strip_author_box(first, ctx) == first


def test_a_short_storys_byline_a_correction_or_a_briefings_signed_items_stay() -> None:
    """Review 44: each of these lost the text under the credit."""
    ctx = CleaningContext(authors=["Jane Holloway"])
    short = [p("Summary of the day."), head("By Jane Holloway"), p(STORY), p(STORY + " Again.")]
    assert strip_author_box(short, ctx) == short
    corrected = [p(STORY), p(STORY), p(STORY), head("By Jane Holloway"), p("Correction, 3 April 2025: the bridge.")]
    assert strip_author_box(corrected, ctx) == corrected
    briefing = [head("By Jane Holloway"), p(STORY), p(STORY), head("By Jane Holloway"), p("Rain later today.")]
    assert strip_author_box(briefing, ctx) == briefing
