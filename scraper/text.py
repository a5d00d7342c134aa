"""Shared text vocabulary: one normalised form, one word count, one place for phrase lists.

Extraction compares texts (a caption and a paragraph, a headline and a block), the crawl hashes
them and validation counts their words; each of these must mean the same thing everywhere, so
they live here, on neutral ground that both the extraction and the crawl side may import.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources


@cache
def phrases() -> dict[str, tuple[str, ...]]:
    """The per-language phrase lists, loaded once per process from ``phrases.toml``."""
    data = tomllib.loads(resources.files("scraper").joinpath("phrases.toml").read_text("utf-8"))
    return {key: tuple(values) for key, values in data.items()}


def normalise(text: str) -> str:
    """Case-, accent-width- and punctuation-insensitive form used for comparisons."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION.sub(" ", text).split())


# An e-mail address, bracketed or not: a byline's "Ann Lee ann.lee@daily.com" prints the writer's.
EMAIL = re.compile(r"\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?")
_PUNCTUATION = re.compile(r"[^\w\s]")  # compiled once: ``re.sub`` looks its pattern up on every call


def compact(text: str) -> str:
    """Normalised text without spaces: words glued by markup still compare equal."""
    return normalise(text).replace(" ", "")


def name_key(text: str) -> str:
    """:func:`compact` without accents: a site's name as its address spells it ("Crônicas do Vale",
    cronicasdovale.blogspot.com; "Le Télégramme", letelegramme.fr)."""
    key = compact(text)
    if key.isascii():
        return key
    return "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))


# Scripts written without spaces between words: each character counts as a word, the
# convention word processors use for Chinese, Japanese and Korean.
_WORD = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\s\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)


# Any character of those scripts or their punctuation: text without one is counted by ``str.split``.
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def count_words(text: str) -> int:
    """Words for scripts with spaces, characters for CJK scripts, a word per five letters of Thai and its neighbours.

    Text with no CJK character has the runs of non-space that ``str.split`` finds (``\\s`` and
    ``split`` both mean ``str.isspace``): counted so, three to nine times faster than the regex
    (extraction counts words some 300 times a page).
    """
    if text.isascii():
        return len(text.split())
    if _CJK.search(text) is None:
        return len(text.split()) if SPACELESS.search(text) is None else _spaceless_words(text)
    return len(_WORD.findall(text))


# Thai, Lao, Myanmar and Khmer: written without spaces between words (a space ends a phrase or a
# sentence), with words several letters long, unlike an ideograph.
SPACELESS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
# A Thai word is about four letters and a vowel or tone mark: "เทศบาล|นคร|เชียงดาว|ประกาศ", 14 words in 71
# characters. Counted a run between spaces a word, a Thai story of five paragraphs had 32 words and was
# rejected as no text (unseen-page probe); counted a character a word, a 25-word prompt limit would hold
# a whole paragraph.
SPACELESS_LETTERS_PER_WORD = 5


def _spaceless_words(text: str) -> int:
    """Words of a text in those scripts: a run between spaces holds one per five of their characters (at least
    one), a run without them (a number, a Latin name) is a word."""
    words = 0
    for run in text.split():
        letters = len(SPACELESS.findall(run))
        words += max(1, round(letters / SPACELESS_LETTERS_PER_WORD)) if letters else 1
    return words


def spaced_words(text: str) -> int:
    """The runs of non-space: the words of a script written with spaces between them (``str.split``'s)."""
    return len(text.split())


WordCount = Callable[[str], int]
# Kana and CJK ideographs: the scripts written without spaces (Hangul has them).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_counter(language: str | None, title: str | None) -> WordCount:
    """How the page-kind features count a text's words: two characters a word on a page written without spaces
    (Chinese, Japanese: its language or its title says so), :func:`count_words` on a Thai, Lao, Myanmar or
    Khmer one (a word per five letters), else :func:`spaced_words`.

    Split on spaces, a Japanese story's paragraphs were a word each, as many as its menu's links, and it
    read as a list. On any other page a few such characters (a language menu's "中文", "日本語") leave the
    counts as the page-kind model learnt them.
    """
    primary = (language or "").split("-")[0].strip().lower()
    if primary in ("th", "lo", "my", "km") or SPACELESS.search(title or ""):
        return count_words  # Thai and its neighbours: a word per five letters (see _spaceless_words)
    return _unspaced_words if primary in ("zh", "ja") or _UNSPACED.search(title or "") else spaced_words


def _unspaced_words(text: str) -> int:
    """Words of a text written without spaces, two characters of those scripts to a word (as a Chinese or
    Japanese word mostly is): a headline of 30 characters is as long as one of 15 English words, and the
    page-kind features' bounds (a headline's 2-30 words, a teaser card's 80) read it so."""
    characters = len(_UNSPACED.findall(text))
    return (characters + 1) // 2 + len(_UNSPACED.sub(" ", text).split()) if characters else len(text.split())


def starts_with_phrase(text: str, kind: str) -> bool:
    """The text opens with one of the ``kind`` phrases, ending there or at a word's end."""
    return opening_phrase(text, kind) is not None


def opening_phrase(text: str, kind: str) -> tuple[str, str] | None:
    """The ``kind`` phrase the text opens with and the rest of its folded text, or None.

    The phrase must end where the text does or at a word's end (``tweet`` is not ``Tweets``).
    The rest is of the case-folded, space-collapsed text, so it starts right after the phrase; an opening
    bracket before the phrase is passed over.
    """
    lowered = _OPENING_MARKS.sub("", " ".join(text.casefold().split()))  # "[ Related: …]", "(Advertisement)"
    for phrase in _phrases_by_initial(kind).get(lowered[:1], ()):
        if lowered.startswith(phrase):
            rest = lowered[len(phrase) :]
            if not rest or not _word_char(rest[0]) or not _word_char(phrase[-1]):
                return phrase, rest
    return None


def _word_char(char: str) -> bool:
    """A letter, a digit or a mark inside a word: an Indic vowel sign or virama ("ಓದಿದರು" goes on past "ಓದಿ")."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


# Passed over before a phrase: brackets, and the arrows a line is marked with, a space after them ("▶ 관련기사",
# "» Lesen Sie auch", ">> Read more"). Not a guillemet glued to its word ("»Werbung für Süßigkeiten …«, sagte sie"
# is a quotation, review), nor a bullet: "• Comments from our readers will be read out" is a key point.
_OPENING_MARKS = re.compile(r"^(?:[\[( ]+|[▶►▸→☞»>]+(?= ))*")


@cache
def _phrases_by_initial(kind: str) -> dict[str, tuple[str, ...]]:
    """The ``kind`` phrases by their first character: a text can only start with those sharing its own.

    (Rules ask this of every short block, for lists of 20 to 80 phrases.)
    """
    grouped: dict[str, list[str]] = {}
    for phrase in phrases()[kind]:
        grouped.setdefault(phrase[:1], []).append(phrase)
    return {initial: tuple(found) for initial, found in grouped.items()}


def unique(values: list[str]) -> list[str]:
    """Values in order, each normalised form once (the first spelling wins)."""
    seen: set[str] = set()
    result = []
    for v in values:
        key = normalise(v)
        if key and key not in seen:
            seen.add(key)
            result.append(v)
    return result


def content_hash(text: str) -> str:
    """sha256 of the normalised text: whitespace, case and punctuation do not matter."""
    return normalised_hash(normalise(text))


def normalised_hash(normalised: str) -> str:
    """:func:`content_hash` of a text whose :func:`normalise` form is ``normalised``.

    Texts joined by white space normalise to their non-empty forms joined by one space (every
    step works character by character, and no character composes with a space or a line
    break), so a text made of parts already normalised need not be normalised again.
    """
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


# A heading's permalink drawn as a symbol after its text: "Why it works #" (Hugo), "API keys¶" (Sphinx,
# MkDocs). "C#" and "F#" have no space before theirs.
_PERMALINK = re.compile(r"(?:\s+#|\s*[¶🔗])$")


def without_permalink(text: str) -> str:
    """``text`` without a permalink symbol at its end."""
    return _PERMALINK.sub("", text)


def written_lower(text: str) -> bool:
    """``text`` is in lower case as a writer chose it: Georgian's letters (Mkhedruli) are lower case in
    Unicode, but have no capitals in use, so a Georgian name is never "in lower case"."""
    return text.islower() and _GEORGIAN.search(text) is None


_GEORGIAN = re.compile(r"[\u10d0-\u10ff]")
