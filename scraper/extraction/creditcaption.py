"""A caption the page does not mark as one, told by the photographer's credit that ends it.

Captions set as plain paragraphs under a picture (a Blogger post's styled ``<div>``, ``<p
class="small">``, a page builder's text box) are not in the page's caption markup, so
:mod:`~scraper.extraction.captions` cannot match them; many end on the picture's credit ("The old
harbour at dusk. Photo: Jane Doe", "Barierki … w poniedziałek rano. Fot. Tomasz Wrona", "… Photo
by Sam Lee on Unsplash", "（記者林佳慧攝）"). A story's sentence ends on a name only after a verb,
so a short block whose last words are a picture label and a name is the caption.
"""

from __future__ import annotations

import re
from functools import cache

from scraper.text import count_words, phrases

CAPTION_MAX_WORDS = 40  # a caption is a line or two; longer blocks are the story's, whatever they end on
NAME_MAX_WORDS = 6  # "Jane Doe / Reuters", "Sam Lee on Unsplash"
# Lower-case words a credit's name may hold: particles of names, "on Unsplash", "for The Times", "via Getty".
_JOINERS = frozenset(
    {"on", "via", "for", "de", "la", "del", "da", "do", "dos", "van", "der", "den", "von", "di", "du", "le", "y", "and"}
)


@cache
def _agency_words() -> frozenset[str]:
    """Agencies' names as captions print them in lower case: "Foto: dpa/Kay Nietfeld", "Foto: picture alliance/dpa"."""
    words = {word for name in phrases()["agency"] for word in name.split()} | {
        "picture",
        "alliance",
        "imago",
        "images",
        "ddp",
    }
    return frozenset(words) - _JOINERS - {"the", "of", "news", "press", "agency"}


# A photographer credited in a Chinese caption: "（記者林佳慧攝）", "（新华社记者 王磊 摄）", "(圖／中央社)".
_CJK_CREDIT = re.compile(r"[（(][^（()）]{1,24}(?:攝|摄|[圖图][／/][^（()）]{1,12})[)）]\s*$")


@cache
def _credit_tail() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in sorted(phrases()["photo_label"], key=len, reverse=True))
    # The label opens the block or follows a sentence's end, a bar, a dash or a bracket, then a colon, "by" or
    # (an abbreviation's) dot: "Photo: Jane Doe", "Photo by Sam Lee", "Fot. Tomasz Wrona". After a word it would
    # be the story's ("a photo by Ansel Adams", "her book, The Bigger Picture: Why Women Leave Tech"), and so
    # would a bare label ("사진 전시회는 …", "(Photo London)", "Picture House Cinema, Leeds": code review 44).
    # The rest of the block is the name.
    return re.compile(
        rf"(?:^|(?<=[.!?。！？।|/–—\-(（])\s*)\(?(?:{labels})(?:\s*[:：]|(?<=\.)|\s+by\b\s*[:：]?)\s*"
        rf"(?P<name>[^.!?。！？।:：]{{2,80}}?)[.)）]?\s*$",
        re.IGNORECASE,
    )


def ends_in_credit(text: str) -> bool:
    """A short block ending on a picture label and a name: a caption with its credit (or a credit alone)."""
    text = " ".join(text.split())
    if not text or count_words(text) > CAPTION_MAX_WORDS:
        return False
    if _CJK_CREDIT.search(text):
        return True
    match = _credit_tail().search(text)
    if match is None or not _is_name(match.group("name")):
        return False
    # A credit alone is :func:`~scraper.extraction.boilerplate.is_credit_line`'s to judge ("Image:
    # SiliconANGLE/ChatGPT" may be the story's note), but for "Photo by Sam Lee on Unsplash".
    return match.start() > 0 or " by" in match.group(0)[: match.start("name") - match.start()].casefold()


def _is_name(name: str) -> bool:
    """Words of a name (capitalised, or of a script without capitals), an agency or a site; a few joiners."""
    if any(mark in name for mark in "„“”«»"):
        return False  # a title quoted after the label ("Bild: Gerhard Richters „Birkenau“")
    words = [w.strip("'\"‘’“”/,") for w in name.replace("/", " / ").split()]
    words = [w for w in words if w]
    if not words or len(words) > NAME_MAX_WORDS or words[0].casefold() in _JOINERS:
        return False
    joiners = 0
    for word in words:
        if word.casefold() in _JOINERS:
            joiners += 1
        elif not (word[0].isupper() or not word[0].isalpha() or word[0].lower() == word[0].upper()) and (
            word.casefold() not in _agency_words()
        ):
            return False  # a lower-case word of a cased script: the sentence goes on ("photo: a man in a hat")
    return joiners <= 2 and joiners < len(words)
