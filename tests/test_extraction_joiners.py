"""Zero-width joiners and non-joiners are letters' business: the story's text keeps them as printed."""

from __future__ import annotations

import pytest

from scraper.api import extract
from scraper.items import Article

ZWJ, ZWNJ = "\u200d", "\u200c"

# Persian writes a verb's prefix apart from its stem with the non-joiner ("می‌شود", "it becomes").
_PERSIAN = (
    f"شورای شهر تهران روز دوشنبه اعلام کرد که خط جدید مترو از ماه آینده به بهره{ZWNJ}برداری می{ZWNJ}رسد و"
    f" ایستگاه{ZWNJ}های تازه در شمال شهر باز می{ZWNJ}شوند.",
    f"به گفته مدیرعامل شرکت مترو، قطارها هر پنج دقیقه حرکت می{ZWNJ}کنند و بلیت{ZWNJ}ها با کارت شهروندی"
    " خریداری می{ZWNJ}شوند.",
    f"ساکنان محله{ZWNJ}های شمالی سال{ZWNJ}ها منتظر این خط بوده{ZWNJ}اند و ترافیک خیابان{ZWNJ}های اصلی کاهش خواهد یافت.",
    f"مسئولان شهری می{ZWNJ}گویند که ساخت دو ایستگاه دیگر تا پایان سال آینده به پایان می{ZWNJ}رسد و هزینه آن از"
    " بودجه شهرداری پرداخت می{ZWNJ}شود.",
)
# Sinhala writes its conjuncts with the joiner ("ශ්‍රී", "රාත්‍රියේ"): without it they are other letters.
_SINHALA = (
    f"ඉල් පුර පසළොස්වක පොහොය නිමිත්තෙන් මහනුවර ශ්{ZWJ}රී දළදා මාළිගාවේ වාර්ෂික පෙරහර ඊයේ"
    f" රාත්{ZWJ}රියේ නගර වීදි හරහා ගමන් කළේය. දහස් ගණන් බැතිමතුන් මේ සඳහා එක් වූහ.",
    f"මෙවර පෙරහරට සහභාගී වූ ඇතුන් සංඛ්{ZWJ}යාව 52කි. උඩරට නර්තන ශිල්පීන් ගැටබෙර හඬට පා තබයි.",
    f"කුඩා දරුවන් පවා සම්ප්{ZWJ}රදායික ඇඳුමින් සැරසී පෙරහරට එක් වූහ. මධ්{ZWJ}යම රාත්{ZWJ}රියට ආසන්නව පෙරහර නැවත මාළිගාව වෙත ළඟා විය.",
    f"පෙරහර නිසා මහනුවර නගරයේ ප්{ZWJ}රධාන මාර්ග කිහිපයක් රාත්{ZWJ}රී 11 දක්වා වසා තැබිණි. පොලිසිය රථවාහන සඳහා විකල්ප මාර්ග නිවේදනය කළේය.",
)


def _page(lang: str, title: str, paragraphs: tuple[str, ...], between: str = "") -> str:
    body = "".join(f"<p>{p}</p>" + (between if i == 1 else "") for i, p in enumerate(paragraphs))
    return (
        f'<html lang="{lang}"><head><title>{title}</title>'
        '<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2026-11-24T18:30:00+05:30"></head>'
        f'<body><nav><a href="/">Home</a></nav><main><article><h1>{title}</h1>'
        f'<div class="entry-content">{body}</div></article></main><footer>© 2026</footer></body></html>'
    )


def _text(html: str, url: str) -> str:
    article = extract(html, url=url)
    assert isinstance(article, Article), article
    return article.text


def test_persian_words_keep_their_non_joiners() -> None:
    text = _text(_page("fa", "خط جدید مترو", _PERSIAN), "https://news.example.ir/fa/news/2026/11/metro-line")
    for paragraph in _PERSIAN:
        assert paragraph in text


_CAPTIONS = (
    "දළදා මාළිගාව ඉදිරිපිට රැස් වූ බැතිමතුන් පෙරහර ආරම්භය බලා සිටිති.",
    "ගිනිසිළු අතැතිව ගමන් කරන තරුණ පිරිසක්.",
    f"මෙවර පෙරහරට සහභාගී වූ ඇතුන් සංඛ්{ZWJ}යාව 52කි.",
    "උඩරට නර්තන ශිල්පීන් ගැටබෙර හඬට පා තබයි.",
    f"කුඩා දරුවන් පවා සම්ප්{ZWJ}රදායික ඇඳුමින් සැරසී පෙරහරට එක් වූහ.",
    f"මධ්{ZWJ}යම රාත්{ZWJ}රියට ආසන්නව පෙරහර නැවත මාළිගාව වෙත ළඟා විය.",
)


@pytest.mark.parametrize("written", [ZWJ, "&zwj;", "&#8205;", "&#x200D;"])
def test_a_photo_story_keeps_its_joiners_and_its_paragraphs(written: str) -> None:
    """A photo story: a short opening and closing paragraph around its pictures' captions. With the joiners dropped
    on trafilatura's side only, its text came out as one flat line without them (probe I, a Sinhala photo story);
    so it did with its joiners written as character references (code review 48)."""
    opening, closing = _SINHALA[0], f"පෙරහර නිසා මහනුවර නගරයේ ප්{ZWJ}රධාන මාර්ග කිහිපයක් වසා තැබිණි."
    figures = "".join(
        f'<figure class="wp-block-image"><img src="/p{n}.jpg" alt=""><figcaption class="wp-element-caption">'
        f'{caption} <span class="photo-credit">ඡායාරූප: නුවන් ප්{ZWJ}රියදර්ශන</span></figcaption></figure>'
        for n, caption in enumerate(_CAPTIONS)
    )
    html = (
        '<html lang="si"><head><title>පෙරහර</title><meta property="og:type" content="article"></head><body><main>'
        f'<article><h1>පෙරහර ඡායාරූප</h1><div class="entry-content"><p>{opening}</p>{figures}<p>{closing}</p>'
        "</div></article></main></body></html>"
    )
    text = _text(html.replace(ZWJ, written), "https://news.example.lk/2026/11/24/perahera-photos/")
    assert text.startswith(f"{opening}\n")
    assert text.endswith(f"\n{closing}")
    assert f"\n{_CAPTIONS[2]}" in text


def test_a_page_printing_the_stand_ins_keeps_them() -> None:
    """The stand-ins are written only into a page that holds none: a page's own symbols stay what they were."""
    marks = ("\u2bd1", "\u2bd2")
    paragraphs = tuple(f"{p} {marks[i % 2]}" for i, p in enumerate(_PERSIAN))
    text = _text(_page("fa", "خط جدید مترو", paragraphs), "https://news.example.ir/fa/news/2026/11/metro-line")
    assert text.count(marks[0]) == 2
    assert text.count(marks[1]) == 2
