"""The article's authors: people named by JSON-LD, meta and bylines, not the site or its desk."""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Any

from scraper.extraction.fields import Fallback, Site
from scraper.extraction.signals import AUTHOR_META, PageSignals, ld_str
from scraper.text import normalise, phrases, unique

_BY_PREFIX = re.compile(
    r"^(?:by|von|par|por|door|av|af|di|da|de|od|przez|tekst|text|texte|written by|"
    r"autor(?:in)?|author|auteur|redakce|reporter)\s*[:\s]\s*",
    re.IGNORECASE,
)


_SPLIT_PEOPLE = re.compile(r"\s*(?:;|\||/|&|\band\b|\bund\b|\bet\b|\by\b|\bog\b|\bi\b|,)\s*")
# A middle dot or bullet separates a byline's fields ("By Jane Roe · March 11, 2025 · 4 min read"):
# a field with a digit in it is a date, a time or a reading time, and goes whole.
_BYLINE_FIELDS = re.compile(r"\s+[·•]\s+|\s*•\s*")  # spaced: Catalan writes l·l inside names


_URL_IN_BYLINE = re.compile(r"(?:https?://|www\.)\S*|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)


_NOT_A_NAME = re.compile(
    r"@|https?://|www\.|\d|\.(?:com|de|org)\b|^(?:image|photo|foto|bild|picture|getty)\b|istock",
    re.IGNORECASE,
)


_PARENTHESISED = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")


def clean_person(raw: str, keep_lower: bool = False) -> list[str]:
    """Split a byline string into names, without "By", roles, emails or dates.

    ``keep_lower`` keeps all-lower-case parts, for names known to be organisations.
    """
    text = " ".join(html.unescape(raw).replace("\xa0", " ").split())
    text = _BY_PREFIX.sub("", _PARENTHESISED.sub(" ", _URL_IN_BYLINE.sub(" ", text)))
    names: list[str] = []
    fields = _BYLINE_FIELDS.split(text)
    if len(fields) > 1:
        fields = [field for field in fields if not any(ch.isdigit() for ch in field)]
    for part in (part for field in fields for part in _SPLIT_PEOPLE.split(field)):
        part = _BY_PREFIX.sub("", part.strip(" .:-–—()[]"))
        if not part or _NOT_A_NAME.search(part):
            continue
        part = _without_affiliation(part)
        words = part.split()
        if len(words) > 5 or (part.islower() and not keep_lower):
            continue  # a role, a sentence or a place, not a name
        names.append(part)
    writers = [name for name in names if normalise(name) not in _agencies()]
    return writers or names  # an agency among writers is their employer; alone, it is the author


@cache
def _agencies() -> frozenset[str]:
    return frozenset(normalise(name) for name in phrases()["agency"])


_CAPITALS = 2  # words in capitals that make a name so written ("JAMES HOLLOWAY")


def _without_affiliation(part: str) -> str:
    """A name without the agency or outlet written after it, with no separator between.

    "MARIA SANTOS Associated Press": a name in capitals ends where the capitals end (what follows,
    in mixed case, is where the writer works); "Jane Roe Reuters": a known agency ends a name.
    """
    words = part.split()
    capitals = 0
    while capitals < len(words) and words[capitals].isupper() and any(c.isalpha() for c in words[capitals]):
        capitals += 1
    if capitals >= _CAPITALS and capitals < len(words) and not any(w.isupper() for w in words[capitals:]):
        return " ".join(words[:capitals])
    for size in (3, 2, 1):
        if len(words) - size >= 2 and normalise(" ".join(words[-size:])) in _agencies():
            return " ".join(words[:-size])
    return part


def _ld_people(value: Any) -> list[tuple[str, bool]]:
    """(name, is_person) pairs from a JSON-LD author/creator value.

    An organisation's name is kept as written: ``dpa`` or ``mbl.is`` is lower-case on purpose,
    where a lower-case "name" in a byline is a role or a sentence.
    """
    items = value if isinstance(value, list) else [value]
    people: list[tuple[str, bool]] = []
    for item in items:
        if isinstance(item, str):
            people.extend((n, True) for n in clean_person(item))
        elif isinstance(item, dict):
            name = ld_str(item.get("name"))
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{ld_str(item.get('givenName')) or ''} {ld_str(item.get('familyName')) or ''}"
            kind = item.get("@type")
            is_person = kind in (None, "Person") or (isinstance(kind, list) and "Person" in kind)
            if name and _names_an_outlet(name.strip()):
                people.append((name.strip(), False))  # "ndr.de", "dpa": the outlet, whatever @type says
            elif name:
                people.extend((n, is_person) for n in clean_person(name, keep_lower=not is_person))
    return people


_BARE_DOMAIN = re.compile(r"(?:[\w-]{2,}\.)+[a-z]{2,6}")  # "ndr.de", "NDR.de"; not "A.Kumar", "J.K.Rowling"


def _names_an_outlet(name: str) -> bool:
    """A bare domain (``nieuwsblad.be``) or one lower-case word (``dpa``): a site or agency.

    In a JSON-LD author field these are the outlet writing as itself, not a person and not a
    role; kept as written, they are the author when no person is named.
    """
    return bool(_BARE_DOMAIN.fullmatch(name)) or (name.islower() and len(name.split()) == 1 and name.isalpha())


def pick_authors(signals: PageSignals, site_name: str | None, fallback: Fallback, url: str = "") -> list[str]:
    """A clean list of people; the site name only when no person is named."""
    ld = signals.article_ld or {}
    site = Site.of(signals, site_name, url)
    candidates: list[list[tuple[str, bool]]] = [
        _ld_people(ld.get("author")) or _ld_people(ld.get("creator")),
        [(n, not site.mentioned_in(v)) for v in signals.all_meta(*AUTHOR_META) for n in clean_person(v)],
        [(n, not site.mentioned_in(v)) for v in signals.bylines[:3] for n in clean_person(v)],
        # a byline printed under the headline without byline markup ("Von Jens Hartmann | 20.11.2026")
        [(n, True) for n in clean_person(signals.header_byline or "")],
    ]
    if not any(candidates) and not ld.get("author"):
        # trafilatura's guess only where the page itself names no one: from a JSON-LD author we
        # rejected (a URL, a slug) it would only rebuild the same non-name.
        candidates.append([(n, True) for n in clean_person(fallback.author or "")])
    for people in candidates:
        persons = [n for n, is_person in people if is_person and not site.is_named(n)]
        if persons:
            return unique(persons)
    # No person named anywhere: the desk, agency or site is the author.
    return next((unique([n for n, _ in people]) for people in candidates if people), [])
