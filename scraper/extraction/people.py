"""The article's authors: people named by JSON-LD, meta and bylines, not the site or its desk."""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Any

from scraper.extraction.bylineparts import before_later_label, split_people, without_desk, without_longer_spellings
from scraper.extraction.bylinetext import FIELD_DOTS, NAME_PARTICLES
from scraper.extraction.bylinewords import (
    BY_PREFIX,
    DESK,
    INNER_LABEL,
    LABEL_BEFORE,
    OTHER_CREDIT,
    SHARED_CREDIT,
    SITE_CREDIT,
    VERB_BY,
    VERB_BY_GLUED,
    agencies,
    stamp_words,
)
from scraper.extraction.caselessbyline import without_titles
from scraper.extraction.fields import Fallback, Site
from scraper.extraction.markedbylines import own_bylines
from scraper.extraction.signals import AUTHOR_META, PageSignals, ld_str
from scraper.text import normalise, phrases, unique, written_lower

# A name ending in an abbreviation keeps its dot: "Martin Luther King Jr.", "John Q."
_KEEPS_DOT = re.compile(r"(?:\b(?:Jr|Sr)|(?<![^\W\d_])[A-Z])\.$")
_MAX_CHARS = 400  # a byline is short: a longer string is cut before any pattern reads it


# A middle dot or bullet separates a byline's fields ("By Jane Roe · March 11, 2025 · 4 min read"):
# a field with a digit in it is a date, a time or a reading time, and goes whole.
_BYLINE_FIELDS = re.compile(rf"\s+[{FIELD_DOTS}]\s+|\s*[{FIELD_DOTS.replace('·', '')}]\s*")  # Catalan: l·l in names


_URL_IN_BYLINE = re.compile(r"(?:https?://|www\.)\S*|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
# A CMS's account (Joomla's "Super User"), alone or with the site's name after it (Blogger's "Admin Suara Lombok")
_ACCOUNT = r"^(?:super ?user|(?:site ?)?admin(?:istrator)?|webmaster)(?:\s+\S.*)?$"
_AN_ACCOUNT = re.compile(_ACCOUNT, re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"@|https?://|\bwww\b|\d|\.(?:com|de|org)\b|^(?:image|photo|fotó|foto|bild|picture|getty)\b|istock|[»›:]"
    rf"|{_ACCOUNT}"
    r"|^(?:press release|news release|pressemitteilung|communiqué de presse|comunicado de prensa)$",  # a genre
    re.IGNORECASE,
)
_TEMPLATE_KEY = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+){2,}")  # "page.head.extra.author": a template's unfilled key
_PARENTHESISED = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")


def clean_person(raw: str, keep_lower: bool = False, printed: bool = False) -> list[str]:
    """Split a byline string into names, without "By", roles, emails or dates.

    ``keep_lower`` keeps all-lower-case parts, for names known to be organisations. ``printed`` says
    the string is a byline as the page prints it (not a structured name of JSON-LD or meta): only
    there is an agency after the writers their employer ("By Ann Lee, Reuters", "Jane Roe for AFP")
    and a name in capitals followed by mixed-case words ("MARIA SANTOS Associated Press") cut.
    """
    text = " ".join(html.unescape(raw[:_MAX_CHARS]).replace("\xa0", " ").split())
    if _TEMPLATE_KEY.fullmatch(text):
        return []
    inner = INNER_LABEL.search(text) if printed else None
    if inner and any(ch.isdigit() for ch in text[: inner.start()]):
        text = text[inner.start() :]  # "Updated January 08, 2026 Written by Meghan Neville": the date goes
    text = without_titles(SHARED_CREDIT.sub("", text))  # "文：山田 太郎", "박지훈 기자"
    text = BY_PREFIX.sub("", " ".join(_PARENTHESISED.sub(" ", _URL_IN_BYLINE.sub(" ", text)).split()))
    if printed:
        text = before_later_label(text)  # "नेहा चौहान प्रकाशित: 05 मार्च 2024": a field's label ends the names
        text = _FOR_AGENCY.sub(lambda m: ", " + m.group(1) if _is_agency(m.group(1)) else m.group(0), text)
    names: list[str] = []
    posts: list[str] = []  # "Senior Political Correspondent", "Staff Writer": a name's post, or a desk's name
    fields = _BYLINE_FIELDS.split(text)
    if len(fields) > 1:
        fields = [field for field in fields if not any(ch.isdigit() for ch in field)]
    after_post = False  # the part before was a writer's post: a lone word after it is the beat
    for part in (part for field in fields for part in split_people(field)):
        part = _without_labels(OTHER_CREDIT.sub("", part))
        part = without_desk(part) if printed else part
        if printed:
            part = _capitals_name(part)
        if not part or _NOT_A_NAME.search(part) or SITE_CREDIT.search(part) or _no_name_words(part, printed):
            continue
        words = part.split()
        if len(words) > 5 or (written_lower(part) and not keep_lower) or (printed and _has_clause_words(words)):
            continue  # a role, a sentence or a place, not a name
        beat = printed and after_post and len(words) == 1 and not _is_agency(part)
        after_post = _is_role(part)
        if beat:
            continue  # "Zackery Cuevas Writer, Hardware": the post's beat ("Staff Reporter, AFP" is the agency)
        if after_post:
            name = _without_post(part)  # "Emma Ryan Writer": the name, its post glued after it
            (names if name else posts).append(name or part)
        else:
            names.append(_without_month(part) if printed else part)
    names = names or posts  # alone, a post names the desk that wrote ("Staff Writer", "Community Editor")
    if not printed:
        return names
    outlet = names[-1] if len(names) > 1 and names[-1].startswith("The ") and "." not in names[-1] else None
    writers = [name for name in names if not _is_agency(name) and name != outlet]
    return writers or names  # an agency or "The Washington Post" among writers is their employer; alone, the author


def _without_labels(part: str) -> str:
    """The part without the labels before its name ("Author Posted by", "Authors:", "Written by")."""
    part = LABEL_BEFORE.sub("", part.strip(' :-–—()[]"“”„«»').lstrip(". "))
    part = VERB_BY_GLUED.sub("", VERB_BY.sub("", part))
    part = BY_PREFIX.sub("", part).strip(' :-–—()[]"“”„«»')
    return part if _KEEPS_DOT.search(part) else part.strip(".").strip()


def _no_name_words(part: str, printed: bool) -> bool:
    """Only labels, controls and calendar words: "Written by", "The Author", "Sign In", "Updated January".

    A part naming the author as a label ("Page Head Extra Author", a template's key made words), a lead alone
    ("Par", "Von": a label in a block of its own) or a date stamp's label alone ("Updated") is none either. In a
    printed byline a short month or weekday alone ("Dec", "Sat") is a date's; elsewhere it may be a name ("Sun").
    Months that are given names ("April May", "August") are names.
    """
    words = [w.strip(".,").lower() for w in part.split()]
    if "author" in words or "authors" in words or BY_PREFIX.fullmatch(part + " "):
        return True
    if len(words) == 1 and words[0] in stamp_words():
        return True  # "Actualizado <time>hace 6 meses</time>": a date stamp's label alone in an author box
    labels, calendar, short = _byline_words()
    if len(words) == 1 and words[0] in short and printed:
        return True
    if all(w in _name_months() for w in words):
        return False
    return all(w in labels or w in calendar for w in words)


def _has_clause_words(words: list[str]) -> bool:
    """Two lower-case words that are no name particles: a clause ("Steph Bazzle covers politics").

    One is a desk's or column's name as often ("The Currency editors", "Ask the Doctors", "Ann Lee with
    Tom Okafor"); "e" and "y" join the surnames of one name ("Maria do Carmo e Silva").
    """
    lower = [w for w in words if written_lower(w) and w.isalpha() and w not in NAME_PARTICLES and w not in ("e", "y")]
    return len(lower) >= _CLAUSE_WORDS


_CLAUSE_WORDS = 2


def _without_month(part: str) -> str:
    """A name without an English month run into it from a date ("Luke Kim December", "Devon Wright Nov").

    Only the months that are no surnames: Domingo, Freitag, Sonntag, May, March, Jan and Mar are people's names.
    """
    words = part.split()
    if len(words) >= 3 and words[-1].lower().strip(".,") in _DATE_MONTHS:
        return " ".join(words[:-1])
    return part


_DATE_MONTHS = frozenset(
    ["january", "february", "july", "september", "october", "november", "december", "feb", "aug", "sep", "sept", "oct",
     "nov", "dec"]
)  # fmt: skip


@cache
def _byline_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Label words, full month and weekday names, and their short forms (``phrases.toml``)."""
    table = phrases()
    return (
        frozenset(table["byline_label_words"]),
        frozenset(table["byline_calendar_words"]),
        frozenset(table["byline_calendar_short"]),
    )


@cache
def _name_months() -> frozenset[str]:
    """Months that are also given names or surnames ("April Lee", "Theresa May", "Jane March")."""
    return frozenset(phrases()["byline_given_name_months"]) | {"march"}


# "Jane Roe for Reuters", "Ann Lee for the Associated Press": the agency after "for" is a segment of its own.
_FOR_AGENCY = re.compile(r"\s+for\s+((?:the\s+)?[^\W\d_][\w .&-]*)$", re.IGNORECASE)


def _is_agency(name: str) -> bool:
    return normalise(name) in agencies()


@cache
def _roles() -> frozenset[str]:
    return frozenset(phrases()["byline_role"])


def _is_role(part: str) -> bool:
    """A writer's post ("Senior Political Correspondent", "Staff Writer", "Redakteurin"), no name."""
    roles = _roles()
    return any(piece in roles for word in part.lower().split() for piece in (word, *word.split("-")))


def _without_post(part: str) -> str | None:
    """The name before a post written after it ("Zackery Cuevas Writer"), if two words or more are left.

    A post is a role word and the words that qualify it ("Senior Autos Reporter"): the name ends at
    the first role or qualifier word after its first two words. What is left of "Aidoc Staff" or
    "Community Editor" is one word, no name: that part is a desk's name.
    """
    words = part.split()
    roles, qualifiers = _roles(), _post_qualifiers()
    for index in range(2, len(words)):
        if words[index].lower() in roles or words[index].lower() in qualifiers:
            head = words[:index]
            post, name = _is_role(" ".join(words[index:])), not _is_role(" ".join(head))
            if post and name and not any(w.lower() in qualifiers for w in head):
                return " ".join(head)
            return None
    return None


@cache
def _post_qualifiers() -> frozenset[str]:
    return frozenset(phrases()["byline_role_qualifier"])


_CAPITALS = 2  # words in capitals that make a name so written ("JAMES HOLLOWAY")
# A surname's mixed-case prefix before capitals ("McDONALD", "MacLEOD", "DeSANTIS"), and the lower-case
# particles between words in capitals ("LUDWIG van BEETHOVEN"): both are part of a name in capitals.
_CAPITALS_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von)(?=[^\W\d_])")


def _in_capitals(word: str) -> bool:
    """A word of a name in capitals: "HOLLOWAY", "O'NEIL", "McDONALD", "MacLEOD", "DeSANTIS"."""
    rest = _CAPITALS_PREFIX.sub("", word)
    return rest.isupper() and any(ch.isalpha() for ch in rest)


_CAPITALS_PARTICLES = frozenset(["van", "von", "der", "den", "de", "da", "di", "del", "la", "le", "bin", "al"])


def _capitals_name(part: str) -> str:
    """A name in capitals without what follows in mixed case: "MARIA SANTOS Associated Press".

    The capitals end the name (what follows is where the writer works); a surname's mixed-case
    prefix ("McDONALD") or a particle between capitals ("van") is part of it, not the end.
    """
    words, count = part.split(), 0
    while count < len(words) and (
        _in_capitals(words[count])
        or (words[count] in _CAPITALS_PARTICLES and count + 1 < len(words) and words[count + 1].isupper())
    ):
        count += 1
    full = [w for w in words[:count] if sum(ch.isalpha() for ch in w) >= 2]  # "M A Journalism": initials
    if len(full) >= _CAPITALS and count < len(words) and not any(w.isupper() for w in words[count:]):
        return " ".join(words[:count])
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
            kinds = [k.rsplit("/", 1)[-1] for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
            is_person = kind is None or "Person" in kinds  # "Person", "http://schema.org/Person"
            if name and (_no_name_words(name, printed=False) or _AN_ACCOUNT.match(name.strip())):
                continue  # a template's placeholder ("undefined", "null"), a label, or WordPress's "admin"
            if name and _names_an_outlet(name.strip()):
                people.append((name.strip(), False))  # "ndr.de", "dpa": the outlet, whatever @type says
            elif name and not is_person:  # "Morgan & Morgan", "Center for Drug Evaluation and Research": one name
                parts = clean_person(name, keep_lower=True)
                whole = parts[0] if len(parts) == 1 else BY_PREFIX.sub("", " ".join(name.split()))
                people.extend((whole, False) for _ in parts[:1])
            elif name:
                people.extend((n, True) for n in clean_person(name))
    return people


def _ld_organisations(value: Any) -> set[str]:
    """The names a JSON-LD author value types as an organisation (``Organization``, ``NewsMediaOrganization``,
    ``schema:Corporation``), as :func:`_spelled`; a ``Person`` in any spelling of the type is none."""
    names: set[str] = set()
    for item in value if isinstance(value, list) else [value]:
        if not isinstance(item, dict) or not (name := ld_str(item.get("name"))):
            continue
        kind = item.get("@type")
        kinds = [
            re.split(r"[/:#]", k)[-1].lower()
            for k in (kind if isinstance(kind, list) else [kind])
            if isinstance(k, str)
        ]
        if kinds and "person" not in kinds and any(k.endswith(_ORGANISATION_TYPES) for k in kinds):
            names.add(_spelled(name))
    return names


_ORGANISATION_TYPES = ("organization", "organisation", "corporation", "business", "ngo", "store", "agency")


def _spelled(name: str) -> str:
    """A name as written, case and spacing aside: "Morgan & Morgan" is not the writer Morgan Morgan."""
    return " ".join(name.split()).casefold()


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
    own = own_bylines(signals.bylines)
    closing = signals.signoff.byline if signals.signoff is not None else ""
    signed = [(n, not site.mentioned_in(closing)) for n in clean_person(closing, printed=True)]
    candidates: list[list[tuple[str, bool]]] = [
        _ld_people(ld.get("author")) or _ld_people(ld.get("creator")),
        [(n, not site.mentioned_in(v)) for v in signals.all_meta(*AUTHOR_META) for n in clean_person(v)],
        # a newsroom beside its writer ("Da Redação, por Juliana Prado") is no second writer
        [(n, not (site.mentioned_in(v) or DESK.search(n))) for v in own for n in clean_person(v, printed=True)],
        # a byline printed under the headline without byline markup ("Von Jens Hartmann | 20.11.2026"),
        # unless it names the publication ("Av Svenska Dagbladet" on Svenska Dagbladet's site)
        [
            (n, not (_is_agency(n) or DESK.search(n)))  # "Von dpa", "By Team Tiger Data": a desk, kept as written
            for n in clean_person(signals.header_byline or "", keep_lower=True, printed=True)
            if not site.contains(n)
        ],
        # the writer's name linked to their page of stories, in markup nothing else reads as a byline
        [(n, not site.mentioned_in(v)) for v in signals.author_links for n in clean_person(v, printed=True)],
        # a writing credit anywhere on the page ("Written by John Crenshaw" over the writer's bio)
        [(n, not site.mentioned_in(v)) for v in signals.written_by for n in clean_person(v, printed=True)],
        # a signature under the story's last paragraph ("Text: Lenka Dvořáková, foto: …"): signoff.py
        [] if signals.signoff is not None and signals.signoff.bare else signed,
    ]
    if not any(candidates) and not ld.get("author"):
        # trafilatura's guess only where the page itself names no one: from a JSON-LD author we
        # rejected (a URL, a slug) it would only rebuild the same non-name.
        # A desk beside a writer there is no second writer ("כתיבה: נועה ברק, דוברות האוניברסיטה": a press office).
        candidates.append([(n, not DESK.search(n)) for n in clean_person(fallback.author or "", printed=True)])
    # a name the JSON-LD types as an organisation is none of the page's writers where meta or a line repeats it
    # ("Eskişehir Ekspres" as both the Organization author and article:author)
    organisations = _ld_organisations(ld.get("author"))
    for index, people in enumerate(candidates):
        persons = [n for n, is_person in people if is_person and not (site.is_named(n) or _spelled(n) in organisations)]
        if persons and index < _PRINTED and all(DESK.search(n) for n in persons):
            # a desk in the markup ("Spinnwerk Team", "Redaktion"), a writer signing the story under or over it ("Von
            # Anna Körber"); not a byline marked elsewhere: a sidebar's teaser, a related story's
            persons = _signed([candidates[_HEADER], signed]) or persons
        if persons:
            return without_longer_spellings(unique(persons))
    # No person named anywhere: the desk, agency or site is the author.
    return next((unique([n for n, _ in people]) for people in candidates if people), [])


_PRINTED = 2  # the candidates before this are the markup's (JSON-LD, meta); those after, printed on the page
_HEADER = 3  # the byline printed under the headline


def _signed(lines: list[list[tuple[str, bool]]]) -> list[str]:
    """The persons of the page's printed "By" line or closing signature, when they name no desk."""
    for people in lines:
        persons = [n for n, is_person in people if is_person]
        if persons and not any(DESK.search(n) for n in persons):
            return persons
    return []
