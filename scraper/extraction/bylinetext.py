"""A byline printed as plain text under the headline: "Von Jens Hartmann | 20.11.2026", "By Ann Lee".

Many templates give the byline no class a reader of markup knows (``class="meta"``, ``artikel__autor``);
the words say what it is. A line is a byline when it opens with a ``byline_lead`` word of
``phrases.toml`` ("By", "Von", "Par", "Por") and what follows is names: capitalised words (particles
such as "von der" and initials in between), joined by "and"/"und"/commas, ending the line or ending
at a field's separator (``|``, ``·``, a comma, a date, a label such as "Stand:"). "Von der Stadt wurde
…" and "By Tuesday, the water had gone" are sentences, not bylines: a lower-case word that is no
particle ends the names, and what comes after them may hold only a couple of lower-case words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.extraction.months import compact_month_names, month_names
from scraper.text import phrases

_LINE_CHARS = 160  # a byline line is short; a longer one is the standfirst or the story
_NAME_WORDS = (2, 4)  # words of one name besides particles: "Jens Hartmann", "Ana María García López"
_REST_LOWER_WORDS = 2  # lower-case words after the names ("min read", "Uhr" is capitalised)
# Lower-case words inside a name: "Ursula von der Leyen", "Eva de Vries", "Luis del Río", "Ahmed bin Ali".
_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "da",
        "di",
        "del",
        "della",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "ter",
        "ten",
        "bin",
        "ibn",
        "al",
        "el",
        "zu",
    ]
)
# Words joining two names: "Ann Lee and Tom Okafor", "Jens Hartmann und Petra Lindner", "&".
_JOINS = frozenset(["and", "und", "&", "et", "y", "e", "og", "och", "en", "i", "ja", "a"])
# A capitalised word that opens no name: "By The Numbers", "Von Der Stadt".
_ARTICLES = frozenset(
    [
        "the",
        "a",
        "an",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "ein",
        "eine",
        "le",
        "la",
        "les",
        "el",
        "los",
        "las",
        "il",
        "lo",
        "gli",
        "het",
        "een",
    ]
)
_TOKENS = re.compile(r"[|·•;()\[\]–—/]|,|\s-\s|[^\s|·•,;()\[\]–—/]+")
_LABEL = re.compile(r"[^\W\d_]+:")  # "Stand:", "Updated:" ends the names


@lru_cache(maxsize=1)
def _lead() -> re.Pattern[str]:
    words = sorted(phrases()["byline_lead"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(re.escape(w) for w in words)})\s*:?\s+", re.IGNORECASE)


def header_byline(lines: list[str]) -> str | None:
    """The first of ``lines`` (the texts under the headline) that is a byline, as "By" and its names."""
    for line in lines:
        line = " ".join(line.split())
        if len(line) > _LINE_CHARS or not line[:1].isupper():
            continue
        lead = _lead().match(line)
        if lead is None:
            continue
        names = _names(line[lead.end() :])
        if names:
            return f"{line[: lead.end()].strip()} {names}"
    return None


def _names(text: str) -> str | None:
    """The names that open ``text``, if the rest of it is a byline's other fields; else None."""
    kept: list[str] = []  # the tokens of the names accepted so far
    current: list[str] = []  # the tokens of the name being read
    end = 0  # where the accepted names end in ``text``
    for match in _TOKENS.finditer(text):
        token = match.group(0).strip()
        if _is_name_word(token, current):
            current.append(token)
            continue
        if current and any(ch.isdigit() for ch in token) and _is_month(current[-1]):
            current.pop()  # "By Sofia Gonzalez December 3, 2024": the date begins with its month
        if not _is_name(current):
            break
        kept += [*(["and"] if kept else []), *current]
        end = match.start() if token not in _JOINS and token != "," else match.end()
        current = []
        if token not in _JOINS and token != ",":
            break
    else:
        if _is_name(current):
            kept += [*(["and"] if kept else []), *current]
            end = len(text)
    if not kept:
        return None
    rest = text[end:]
    if _LABEL.match(rest.lstrip(" ,")):
        return " ".join(kept)
    lower = [w for w in re.findall(r"[^\W\d_]{3,}", rest) if w.islower()]
    return " ".join(kept) if len(lower) <= _REST_LOWER_WORDS else None


def _is_month(word: str) -> bool:
    """An English month's name or abbreviation ("December", "Dec."), or a common language's compact one."""
    key = word.lower().rstrip(".,")
    return key in month_names("") or key in compact_month_names()


def _is_name_word(token: str, current: list[str]) -> bool:
    """A word that can stand in a name: capitalised ("Hartmann", "O'Neil", "J."), or a particle inside one."""
    if token.lower() in _PARTICLES and current and token.islower():
        return True
    if not token[:1].isupper() or any(ch.isdigit() for ch in token) or token.endswith(":"):
        return False
    return bool(current) or token.lower() not in _ARTICLES


def _is_name(words: list[str]) -> bool:
    """Two to four capitalised words (particles aside), the last one not a particle."""
    capitalised = [w for w in words if not w.islower()]
    low, high = _NAME_WORDS
    return low <= len(capitalised) <= high and not words[-1].islower()
