"""Captions without caption markup, told by the picture credit that ends them (``creditcaption``)."""

from __future__ import annotations

import pytest

from scraper.extraction.article import extract_article
from scraper.extraction.blocks import Block
from scraper.extraction.captions import strip_captions
from scraper.extraction.context import CleaningContext
from scraper.extraction.creditcaption import ends_in_credit
from scraper.items import Article
from tests.helpers import make_page

STORY = (
    "The council voted on Monday to close the old bridge to cars for the whole winter, after engineers found "
    "cracks in two of its supports and said the repairs could not wait for spring."
)


@pytest.mark.parametrize(
    "text",
    [
        "Barierki ustawiono po obu stronach mostu w poniedziałek rano. Fot. Tomasz Wrona",
        "बड़े तालाब का बोट क्लब। फोटो: नर्मदा समाचार",
        "退休教師陳秀蘭（右）在繪本館陪孩子們讀書。（記者林佳慧攝）",
        "The Sony mirrorless system. Photo by: 'Markus Lompa'.",
        "Interior design by Fletcher Rhodes, Sonoma CA. Photo: Thomas Kuoh",
        "Sunset over the bay (Photo: Reuters)",
        "Photo by Sam Lee on Unsplash",
        # agencies in lower case, as German captions print them (code review 44)
        "Der Bundestag in Berlin. Foto: dpa/Kay Nietfeld",
        "Demonstranten vor dem Kanzleramt. Foto: picture alliance/dpa",
        "Der Hafen am Abend. Foto: imago images/Future Image",
    ],
)
def test_a_short_line_ending_on_a_picture_credit_is_a_caption(text: str) -> None:
    assert ends_in_credit(text)


@pytest.mark.parametrize(
    "text",
    [
        "The photo: a man in a hat.",  # the label's words go on as a sentence
        "Look at the photo by Ansel Adams.",  # "by" after a word, not after a sentence's end
        "She took a photo of the Mayor",
        "Cost per Credit: In-State | $472",  # not a picture's label
        "Image: SiliconANGLE/ChatGPT",  # a credit alone is the credit-line rule's
        # review 44: a label after a word is the story's ("a book, The Bigger Picture: …"), and so is a quoted title
        "She talks about it in her new book, The Bigger Picture: Why Women Leave Tech.",
        "Dort hängt nur noch ein einziges Bild: Gerhard Richters „Birkenau“.",
        # code review 44: a bare label opens a sentence ("photo exhibition"), or names a place or a fair
        "시는 올해 예산을 늘렸다. 사진 전시회는 다음 달까지 열린다.",
        "Doors open at 8pm. Picture House Cinema, Leeds.",
        "We met at the fair (Photo London).",
        "Photo: Jane Doe",
        STORY + " It reopens in April. Photo: Jane Doe",  # a paragraph of the story, whatever it ends on
    ],
)
def test_a_sentence_or_a_lone_credit_is_not_taken_for_a_caption(text: str) -> None:
    assert not ends_in_credit(text)


def test_the_caption_goes_to_the_images_and_the_story_stays() -> None:
    caption = "Barriers went up on both sides of the bridge on Monday morning. Photo: Tom Wren"
    ctx = CleaningContext()
    kept = strip_captions([Block(kind="p", text=STORY), Block(kind="p", text=caption)], ctx)
    assert [b.text for b in kept] == [STORY]
    assert ctx.removed_captions == [caption]


def test_paragraphs_ending_on_credits_that_tell_the_story_stay() -> None:
    """Review 44: a photo report told in its captions, each credited, lost its whole text."""
    captions = [
        Block(kind="p", text=f"{text} Fot. Tomasz Wrona")
        for text in (
            "Barierki ustawiono po obu stronach mostu w poniedziałek rano.",
            "Robotnicy zaczęli od zerwania starego asfaltu na całej długości.",
            "Pierwsze betonowanie zaplanowano na przyszły tydzień.",
        )
    ]
    blocks = [Block(kind="p", text="Most na Wiśle zamknięto do wiosny."), *captions]
    assert strip_captions(blocks, CleaningContext()) == blocks


PAGE = """<!doctype html><html lang="en"><head><title>Old bridge closes to cars for the winter</title></head>
<body><main><article><h1>Old bridge closes to cars for the winter</h1>
<p>{story}</p>
<div class="separator" style="text-align:center"><img src="/bridge.jpg"></div>
<div style="text-align:center;font-size:12px">Barriers went up on both sides of the bridge on Monday.
Photo: Tom Wren</div>
<p>{story} Buses will take a detour through the market square until March.</p>
<p>{story} Cyclists and walkers may still cross, the council said.</p>
</article></main></body></html>"""


def test_an_unmarked_caption_under_a_picture_leaves_the_body() -> None:
    article = extract_article(make_page(PAGE.format(story=STORY), "https://news.example/2026/11/old-bridge-closes"))
    assert isinstance(article, Article), article
    assert "Photo: Tom Wren" not in article.text
    assert "Cyclists and walkers may still cross" in article.text


_PHOTO_CAPTION = (
    "Marines and soldiers stand in line at the opening ceremony of the joint exercises at the officers' club in the"
    " capital yesterday."
)


def test_a_heading_repeating_a_caption_printed_over_its_credit_is_the_caption() -> None:
    """A heading goes only as a whole caption a picture prints over its credit line; a heading that repeats an alt
    text, or a picture's caption with no credit, is the story's (a section named as its picture)."""
    blocks = [Block(kind="p", text=STORY), Block(kind="head", text=_PHOTO_CAPTION)]
    ctx = CleaningContext(captions=[_PHOTO_CAPTION, "Photo: AFP"], credited_captions=[_PHOTO_CAPTION])
    assert [b.text for b in strip_captions(blocks, ctx)] == [STORY]
    assert strip_captions(blocks, CleaningContext(captions=[_PHOTO_CAPTION])) == blocks
    # a travel piece's section named as its picture's one-word caption over a credit (code review 48)
    lisbon = [Block(kind="p", text=STORY), Block(kind="head", text="Lisbon"), Block(kind="p", text=STORY + " Two.")]
    ctx = CleaningContext(captions=["Lisbon", "Photo: Getty Images"], credited_captions=["Lisbon"])
    assert strip_captions(lisbon, ctx) == lisbon


IMAGE_BOX_PAGE = """<!doctype html><html lang="en"><head><title>Old bridge closes to cars for the winter</title></head>
<body><main><article><h1>Old bridge closes to cars for the winter</h1>
<p>{story}</p><p>{story} Buses will take a detour through the market square until March.</p>
<p>{story} Lorries must use the ring road.</p><p>{story} The ferry will run every half hour.</p>
<div class="imgbox"><div><img src="/bridge.jpg" width="100%"></div>
<h1>{caption}</h1><p>Photo: AFP</p></div>
<p>{story} Cyclists and walkers may still cross, the council said.</p>
</article></main></body></html>"""


def test_a_caption_set_as_a_heading_in_an_image_box_over_its_credit_leaves_the_body() -> None:
    """A news site's image box: the picture, its caption in an ``<h1>``, then "Photo: AFP"; trafilatura kept the
    heading (news tw-TaipeiTimes, once its story was read in a container). Past the story's first blocks it is no
    repeated headline."""
    page = IMAGE_BOX_PAGE.format(story=STORY, caption=_PHOTO_CAPTION)
    article = extract_article(make_page(page, "https://news.example/2026/11/old-bridge-closes"))
    assert isinstance(article, Article), article
    assert "officers' club" not in article.text
    assert "Cyclists and walkers may still cross" in article.text
    assert [image.caption for image in article.images] == [_PHOTO_CAPTION]
