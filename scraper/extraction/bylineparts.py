"""Where a printed byline's names end: the fields, places and desks printed around them.

:mod:`people` reads names out of a byline's parts; these cut what a page prints beside the names before
they are read, in the forms seen on pages of many languages: a later field's label ("नेहा चौहान प्रकाशित:
05 मार्च 2024"), the place a writer files from ("Marta Gómez / Sevilla") and a desk printed before a name
("くらし報道部 山本 真理"). Only printed bylines are cut so: a structured name of JSON-LD or meta is one name as
written ("阿部 真理" is a name whose family name ends as a desk's does).

Not split: two names joined by a spaced dash. Vietnamese papers print co-writers so ("Phan Thảo - Lê Quân"),
and every paper a writer and a place or an outlet ("Phan Thảo - Hà Nội", "Jane Doe - Los Angeles Times"): no
form tells them apart (code review).
"""

from __future__ import annotations

import re

from scraper.extraction.bylinewords import lead_words

# A field's label after the names ("Published:", "प्रकाशित:"); not a time's "10:15", nor a credit after a separator
# ("content: MarketingSherpa; design: Scott McDaniel; Ann Lee"), nor a lead's colon ("Authored by:").
_LATER_LABEL = re.compile(r"(?<![;|,])\s(\S+?)[:：]\s")
# A byline's last field after a full name and a slash is where the writer files from: "Marta Gómez / Sevilla",
# "Jan Novák / Brno" (two writers are both named in full, or one word each: "Kim / Lee").
_PLACE_AFTER_NAME = re.compile(r"(?<=\w)\s*/\s*[^\W\d_]+\.?\s*$")
# The desk a Japanese or Korean writer belongs to, printed before the name ("くらし報道部 山本 真理", "社会部 佐藤 健",
# "사회부 김민준"): a desk's word before 部 or 局, not a family name that ends so (阿部, 服部, 長谷部); alone ("編集部")
# it is the author, as a desk is.
_DESK_BEFORE = re.compile(
    r"^[\u3040-\u30ff\u4e00-\u9fff]*(?:報道|編集|取材|社会|政治|経済|運動|文化|国際|生活|科学|地域|写真|映像|外信|"
    r"デジタル|スポーツ)(?:部|局)\s+(?=\S)|^[가-힣]{1,6}부\s+(?=\S)"
)


def before_later_label(text: str) -> str:
    """The text before the first label of a later field: "नेहा चौहान प्रकाशित: 05 मार्च 2024" -> "नेहा चौहान".

    Not a lead's or a writer's label: "Authored by: …", "Fotos und Text: Anna Berg" name the writer after it."""
    leads = lead_words()
    label = next((m for m in _LATER_LABEL.finditer(text) if m[1].casefold() not in leads), None)
    return text[: label.start()] if label is not None else text


def without_place(field: str) -> str:
    """The field without the place a full name files from ("Marta Gómez / Sevilla"); "Kim / Lee" stays."""
    place = _PLACE_AFTER_NAME.search(field)
    if place is None or "/" in field[: place.start()] or len(field[: place.start()].split()) < 2:
        return field
    return field[: place.start()]


def without_desk(part: str) -> str:
    """The part without a CJK desk's name before the writer's: "くらし報道部 山本 真理" -> "山本 真理"."""
    return _DESK_BEFORE.sub("", part)
