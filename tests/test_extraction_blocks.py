"""trafilatura's XML body read as blocks: the words and their order as the page shows them."""

from __future__ import annotations

from lxml import etree

from scraper.extraction.blocks import body_blocks


def _blocks(xml: str) -> list[str]:
    return [block.text for block in body_blocks(etree.fromstring(f"<body>{xml}</body>"))]


def test_loose_table_cells_are_words_apart() -> None:
    """trafilatura leaves a spec table inside a list item as loose ``th``/``td``: its cells are not glued."""
    xml = (
        "<list><item><head>Product Specs</head><th>Equipment Costs</th><td>From $250.96</td>"
        "<th>Contract Lengths</th><td>Month-to-month</td></item></list>"
    )
    assert _blocks(xml) == ["Product Specs Equipment Costs From $250.96 Contract Lengths Month-to-month"]


def test_sub_lists_are_read_where_they_stand() -> None:
    """Each label of an item is followed by its own sub-list's items, not both labels and then all items."""
    xml = (
        "<list><item><p>SimpliSafe</p><head>What We Like</head><list><item>DIY installation</item>"
        "<item>Privacy shutter</item></list><head>What We Don't Like</head><list><item>Monthly fee</item></list>"
        "<p>Its features</p></item><item>ADT</item></list>"
    )
    assert _blocks(xml) == [
        "SimpliSafe What We Like\nDIY installation\nPrivacy shutter\nWhat We Don't Like\nMonthly fee\nIts features\nADT"
    ]


def test_a_list_of_lists_keeps_every_item() -> None:
    """Items of a list set straight in a list (no item around it) are read too, once each."""
    xml = "<list><item>One<list><item>One a</item><list><item>One b</item></list></list></item><item>Two</item></list>"
    assert _blocks(xml) == ["One\nOne a\nOne b\nTwo"]
