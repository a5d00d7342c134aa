"""``count_words``: its ``str.split`` path counts what the word regex counts, on any text without CJK."""

from __future__ import annotations

import random

import pytest

from scraper.text import _WORD, count_words, word_counter

# Every kind of space str.isspace knows (C0 separators, NEL, NBSP, U+2028, the ideographic space),
# CJK characters and punctuation, and plain letters.
_POOL = [chr(i) for i in range(0x250)] + ["\x85", "\xa0", "\u2028", "\u3000", "\u3001", "\u30a2", "\u4e00", "\uac00"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("Harbour board agrees wall repairs.", 5),
        ("Der Hafenrat beschloss „sofort“ – am\u00a0Dienstag", 7),
        ("a\x1cb\x1dc\x1ed\x1fe", 5),  # separators str.isspace and \s both count as space
        ("東京都の港湾局", 7),  # one word per character
        ("Tokyo\u3000東京 port", 4),  # the ideographic space separates
    ],
)
def test_words_are_counted_as_the_word_regex_counts_them(text: str, words: int) -> None:
    assert count_words(text) == len(_WORD.findall(text)) == words


def test_random_text_is_counted_alike_on_both_paths() -> None:
    rng = random.Random(14)
    for _ in range(20_000):
        text = "".join(rng.choice(_POOL) for _ in range(rng.randint(0, 24)))
        assert count_words(text) == len(_WORD.findall(text)), repr(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # "The municipality announced ... for three weeks": 14 words in 71 characters, no space between them
        ("เทศบาลนครเชียงดาวประกาศปิดถนนคนเดินวันอาทิตย์ชั่วคราวเป็นเวลาสามสัปดาห์", 14),
        ("วันที่ 9 พฤศจิกายน", 4),  # a number between the phrases is a word of its own
        ("ยืนยัน", 1),  # a short phrase is still a word
    ],
)
def test_thai_is_counted_a_word_per_five_characters_not_per_space(text: str, words: int) -> None:
    """Unseen-page probe: a Thai story of five paragraphs had 32 words split on spaces and was rejected as no
    text; counted a character a word (as ideographs are), a 25-word prompt limit would hold a paragraph."""
    assert count_words(text) == words


def test_a_thai_page_counts_its_words_for_the_page_kind_as_for_the_record() -> None:
    assert word_counter("th", None)("เทศบาลนครเชียงดาวประกาศ") == count_words("เทศบาลนครเชียงดาวประกาศ") == 5
    assert word_counter(None, "ปิดถนนคนเดินเชียงดาว") is count_words  # the title's script says so
    assert word_counter("en", "Harbour news")("เทศบาลนคร เชียงดาว") == 2  # elsewhere: split on spaces
