"""Where a printed byline's names end: the fields and desks printed around them.

:mod:`people` reads names out of a byline's parts; these cut what a page prints beside the names before
they are read, in forms seen on pages of scripts without capitals: a later field's label ("नेहा चौहान
प्रकाशित: 05 मार्च 2024") and a desk printed before a name ("くらし報道部 山本 真理"). Only printed bylines
are cut so: a structured name of JSON-LD or meta is one name as written ("阿部 真理" is a name whose family
name ends as a desk's does).

Not cut: the one word after a slash ("Marta Gómez / Sevilla" files from a city, "Rina Widiastuti / Suparman"
names a second writer by the one name many Indonesians have; review 43). Not split: two names joined by a
spaced dash. Vietnamese papers print co-writers so ("Phan Thảo - Lê Quân"), and every paper a writer and a
place or an outlet ("Phan Thảo - Hà Nội", "Jane Doe - Los Angeles Times"): no form tells them apart. Nor
split: a Catalan or Spanish double surname joined by "i"/"y" (:func:`split_people`).
"""

from __future__ import annotations

import re

from scraper.extraction.bylinewords import DESK, lead_words
from scraper.text import phrases

# A field's label after the names ("Published:", "प्रकाशित:"); not a time's "10:15", nor a credit after a separator
# ("content: MarketingSherpa; design: Scott McDaniel; Ann Lee"), nor a lead's colon ("Authored by:").
_LATER_LABEL = re.compile(r"(?<![;|,])\s(\S+?)[:：]\s")
# The desk a Japanese or Korean writer belongs to, printed before the name ("くらし報道部 山本 真理", "社会部 佐藤 健",
# "사회부 김민준"): a desk's word before 部 or 局, not a family name that ends so (阿部, 服部, 長谷部); alone ("編集部")
# it is the author, as a desk is.
_DESK_BEFORE = re.compile(
    r"^[\u3040-\u30ff\u4e00-\u9fff]*(?:報道|編集|取材|社会|政治|経済|運動|文化|国際|生活|科学|地域|写真|映像|外信|"
    r"デジタル|スポーツ)(?:部|局)\s+(?=\S)|^[가-힣]{1,6}부\s+(?=\S)"
)


def before_later_label(text: str) -> str:
    """The text before the first label of a later field: "नेहा चौहान प्रकाशित: 05 मार्च 2024" -> "नेहा चौहान".

    Only a label of a script without capitals (Devanagari, Arabic, CJK): in a cased script a capitalised word before
    a colon is as often a post's or a lead's ("Senior Correspondent: Kevin Marsh", "Guest Author: …", review 43),
    and a cased byline's fields are read by their separators and dates. Not a lead's or a writer's label either."""
    leads = lead_words()
    label = next((m for m in _LATER_LABEL.finditer(text) if _caseless(m[1]) and m[1].casefold() not in leads), None)
    return text[: label.start()] if label is not None else text


def _caseless(word: str) -> bool:
    return not any(ch.isupper() or ch.islower() for ch in word)


def without_desk(part: str) -> str:
    """The part without a CJK desk's name before the writer's: "くらし報道部 山本 真理" -> "山本 真理"."""
    return _DESK_BEFORE.sub("", part)


_SPLIT_PEOPLE = re.compile(r"\s*(?:;|\||/|&|\band\b|\bund\b|\bet\b|\by\b|\bog\b|\bi\b|\bდა\b|,)\s*")
# A Catalan or Spanish double surname ("Montse Puig i Serra", "José Ortega y Gasset"): "i"/"y" after a first
# name and a surname, before one capitalised word that ends the part, joins a name; between two names of two
# words or more ("Jan Kowalski i Anna Nowak") it joins two writers.
_DOUBLE_SURNAME = re.compile(
    r"(?<![^\s,;|/&])([^\W\d_][\w'’-]*\s+[^\W\d_][\w'’-]*)\s+([iy])\s+([^\W\d_][\w'’-]*)(?=\s*(?:[,;|/&]|$))"
)
_JOINED = {"i": " \ue001 ", "y": " \ue002 "}  # kept out of the split into people, then put back


def _surnames(field: str) -> str:
    return _DOUBLE_SURNAME.sub(
        lambda m: f"{m[1]}{_JOINED[m[2]]}{m[3]}" if _a_surname(m[1], m[3]) else m[0],
        field,
    )


def _a_surname(name: str, word: str) -> bool:
    """``word`` after "i"/"y" ends ``name`` as its second surname: capitalised, after a capitalised surname, and no
    agency or newsroom ("Laura Vidal i ACN", "Pablo Linde y Agencias", "Ivana Horvat i Hina": review 44)."""
    if not (word[0].isupper() and name.split()[-1][0].isupper()) or (len(word) > 1 and word.isupper()):
        return False
    folded = word.casefold()
    return folded not in phrases()["agency"] and not folded.startswith(_AGENCY_STEMS) and not DESK.search(word)


_AGENCY_STEMS = ("agenc", "agènc", "agenz", "agênc", "agentur")  # "Agencias", "Agències", "Agenzie", "Agentury"


def split_people(field: str) -> list[str]:
    """A byline's field split into its people's parts, at "and" in its languages, commas, slashes, bars."""
    field = " ".join(field.split())  # a run of spaces, one: "\\s*" tried at each space of a run is quadratic
    return [part.replace("\ue001", "i").replace("\ue002", "y") for part in _SPLIT_PEOPLE.split(_surnames(field))]


def without_longer_spellings(names: list[str]) -> list[str]:
    """Each writer once: "Brian Truitt USA TODAY" beside "Brian Truitt" is one with the outlet glued on.

    Only two words or more glued on: "Robert Hale Jr." and "Mary Ann Nguyen" are names of their own. Nor a byline's
    lead word before another's name ("Oleh Nurul Aina Zakaria" of a ``byline`` span beside the author link's name).
    """
    leads = frozenset(phrases()["byline_lead"])
    return [
        n
        for n in names
        if not any(
            (n.startswith(o + " ") and len(n[len(o) :].split()) >= 2)
            or (n.endswith(" " + o) and n[: -len(o)].strip().casefold() in leads)
            for o in names
        )
    ]
