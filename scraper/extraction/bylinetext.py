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

from scraper.extraction.bylinewords import DESK_FIRST, agencies, calendar_words, is_role, plausible_names, stamp_words
from scraper.extraction.caselessbyline import caseless_byline, in_a_box
from scraper.extraction.datescan import is_date_line, scanner
from scraper.extraction.months import compact_month_names, month_names
from scraper.text import normalise, phrases

_LINE_CHARS = 160  # a byline line is short; a longer one is the standfirst or the story
_NAME_WORDS = (2, 4)  # words of one name besides particles: "Jens Hartmann", "Ana María García López"
_REST_LOWER_WORDS = 2  # lower-case words after the names ("min read", "Uhr" is capitalised)
# Lower-case words inside a name: "Ursula von der Leyen", "Eva de Vries", "Luis del Río", "Ahmed bin Ali".
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "la", "le",
     "ter", "ten", "bin", "ibn", "al", "el", "zu", "af", "do", "dei", "degli", "delle", "des"}
)  # fmt: skip
# Words joining two names: "Ann Lee and Tom Okafor", "Jens Hartmann und Petra Lindner", "&".
_JOINS = frozenset(["and", "und", "&", "et", "y", "e", "og", "och", "en", "i", "ja", "a"])
# A capitalised word that opens no name: "By The Numbers", "Von Der Stadt".
_ARTICLES = frozenset(
    ["the", "a", "an", "der", "die", "das", "den", "dem", "ein", "eine", "le", "la", "les", "el", "los", "las", "il",
     "lo", "gli", "het", "een"]
)  # fmt: skip
# The dots and bullets between a byline's fields ("By Jane Roe · March 11", "⋅", "●"); people.py splits on them too.
FIELD_DOTS = "·•⋅∙●"
_TOKENS = re.compile(rf"[|{FIELD_DOTS};()\[\]–—/]|,|\s-\s|[^\s|{FIELD_DOTS},;()\[\]–—/]+")
_LABEL = re.compile(r"[^\W\d_]+:")  # "Stand:", "Updated:" ends the names


@lru_cache(maxsize=1)
def _lead() -> re.Pattern[str]:
    words = sorted(phrases()["byline_lead"], key=len, reverse=True)
    labels = sorted(phrases()["byline_lead_label"], key=len, reverse=True)  # "Text: Anna Berg": the colon says it
    return re.compile(
        rf"(?:(?:{'|'.join(re.escape(w) for w in words)})\s*:?|(?:{'|'.join(re.escape(w) for w in labels)})\s*:)\s+",
        re.IGNORECASE,
    )


def header_byline(lines: list[str], language: str = "", headings: frozenset[str] = frozenset()) -> str | None:
    """The first of ``lines`` (the texts under the headline) that is a byline, as "By" and its names.

    A line whose names a field follows (a date, ``|``, ``·``, a label, a role after a comma) is one. A
    bare "By" and capitalised words is also how a kicker, a slogan or a standfirst reads ("By Popular
    Demand", "By Royal Warrant", "By Election Day, Nobody Will Care", "Von Angela Merkel bis Olaf
    Scholz: …"): a bare line is taken only when no line has a field and it reads as a wire byline
    (names in capitals, an agency) or names people joined by "and" (a bare byline in markup of its
    own is read from the markup), and never from a sub-heading (``headings``: "By Public Transit" opens a
    story's section). ``language`` is the date scanner's
    (:func:`~scraper.extraction.dateline.language_code`), for a date printed on the next line.
    """
    bare: str | None = None
    lines = _with_labels_joined([DESK_FIRST.sub("", " ".join(line.split())) for line in lines])
    for index, line in enumerate(lines):
        if len(line) > _LINE_CHARS or not line[:1].isalpha() or _PUBLISHER_FIELD.search(line):
            continue  # "Scris de Mircea Ionescu | Editura Arcada | 2026": a book's facts (review 43)
        lead = _lead().match(line)
        dated = False
        if lead is None and (rest := _labelled_field(line, language) or _after_leading_date(line)) is not None:
            line, dated = rest, True  # "Published August 7, 2023 by Nicole Burke", "Kultúra · … · Szerző: Varga Eszter"
            lead = _lead().match(line)
        if lead is None:
            continue
        strict = not line[:1].isupper()
        found = _names(line[lead.end() :], strict) or (None if strict else _agency(line[lead.end() :]))
        if found is None:
            continue
        names, field = found
        if (
            field
            or dated
            or _dated_beside(lines, index, language, counts=line not in headings)
            or (_says_written(line[: lead.end()]) and not _in_a_box(lines, index))
        ):
            return f"{_as_by(line[: lead.end()])} {names}"
        if line[:1].isupper() and bare is None and line not in headings and _reads_as_byline(line[lead.end() :], names):
            bare = f"{_as_by(line[: lead.end()])} {names}"
    return bare if bare is not None else _caseless(lines, language, headings)


_PUBLISHER_FIELD = re.compile(
    r"\s[|·•]\s*(?:editura|verlag|éditions|editorial|editora|wydawnictwo|kiadó|nakladatelství|uitgeverij|publisher)\b",
    re.IGNORECASE,
)
_FIELD_BREAK = re.compile(rf"\s[|{FIELD_DOTS}]\s")


def _labelled_field(line: str, language: str) -> str | None:
    """From the field of a line of fields that a byline's label and its colon open: "Kultúra · 2026. december 4.
    · Szerző: Varga Eszter". Without the colon a later field is a section's or a kicker's ("News · By the numbers")."""
    fields = _FIELD_BREAK.split(line)  # most header lines have one field: no date is scanned for them
    if len(fields) < 2 or not scanner(language)(line) or any(BOX_LINE.match(field) for field in fields):
        return None  # a book's or a poem's facts: "Krimi · Autor: Jo Nesbø · Verlag: Ullstein", no date (review 43)
    for field in _FIELD_BREAK.finditer(line):
        if (lead := _lead().match(line, field.end())) is not None and ":" in lead.group(0):
            return line[field.end() :]
    return None


def _as_by(lead: str) -> str:
    """The lead as printed, but Malay "Oleh" as "By": a name's reader keeps "Oleh Sentsov" whole (Ukrainian)."""
    return "By" if lead.strip().rstrip(":").casefold() == "oleh" else lead.strip()


def _caseless(lines: list[str], language: str, headings: frozenset[str]) -> str | None:
    """The first byline of a script without capitals (:mod:`caselessbyline`): a bare one only beside a date."""
    for index, line in enumerate(lines):
        if (found := caseless_byline(line, language)) is None or in_a_box(lines, index):
            continue
        if found[1] or (line not in headings and (_dated_beside(lines, index, language) or _numbered(lines, index))):
            return found[0]
    return None


def _numbered(lines: list[str], index: int) -> bool:
    """A short line (six words at most) with a digit beside: a date the scanner cannot read ("3 בנובמבר")."""
    near = lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]
    return any(len(line.split()) <= 6 and any(ch.isdigit() for ch in line) for line in near)


def opens_byline(text: str) -> bool:
    """``text`` opens with a byline's lead word or label ("Words by", "Text:") and a capitalised word after it."""
    lead = _lead().match(text)
    return lead is not None and text[lead.end() : lead.end() + 1].isupper()


def names_only(text: str) -> str | None:
    """The names ``text`` is made of, and nothing else ("Amira Haddad", "Ann Lee and Tom Okafor"), else None."""
    found = _names(text, strict=True)
    return found[0] if found is not None and not found[1] else None


_DATE_LABEL_WORDS = 2  # "Published on", "Posted": words a line may open with before its date


def _after_leading_date(line: str) -> str | None:
    """What follows the date a line opens with, past a separator: "by Nicole Burke" (None: no such date)."""
    spans = scanner("").spans(line, ranges=False)
    if not spans or len(line[: spans[0][1]].split()) > _DATE_LABEL_WORDS:
        return None
    return line[spans[0][2] :].lstrip(f" ,;|{FIELD_DOTS}–—-")


# A line of a facts or credits box: "Publisher: Faber", "Directed by Marianne Elliott", "Pages: 448".
BOX_LINE = re.compile(
    r"^(?:(?:publisher|published by|pages|isbn|genre|format|translator|translated by|illustrator|director|cast|"
    r"starring|running time|runtime|venue|tickets|verlag|seiten|regie|éditeur|editorial)\s*:|"
    r"(?:directed|produced|composed|choreographed|designed|illustrated|translated|music|lyrics|book)\s+by\s)",
    re.IGNORECASE,
)


def _in_a_box(lines: list[str], index: int) -> bool:
    """A neighbour is another field of a box ("Publisher: Faber", "Directed by …"): a book's or a play's credits.

    "Author: Sally Rooney" over "Publisher: Faber" names the book's author, not the review's.
    """
    near = lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]
    return any(BOX_LINE.match(line) and _lead().match(line) is None for line in near)


def _says_written(lead: str) -> bool:
    """A lead that names the writing ("Written by", "Ein Kommentar von") or a label's ("Author:", "By:") says a
    writer follows. Not "Posted by", "Story by": a reader's comment and a kicker open so too."""
    words = lead.split()
    return len(words) > 2 or (len(words) == 2 and words[0].lower() in WRITING_VERBS) or lead.rstrip().endswith(":")


# The verbs of a lead that say a writer follows wherever the line stands (writtenby.py reads them page-wide).
WRITING_VERBS = frozenset({"written", "geschrieben"})


def _with_labels_joined(lines: list[str]) -> list[str]:
    """Each line that is only a label joined to the line after it: its value.

    A byline's ("By", "Written by:") to the names, a field's ("Last updated:") to its date, so that
    the date reads as beside the byline.
    """
    joined: list[str] = []
    for line in lines:
        last = joined[-1] if joined else ""
        byline_label = joined and (lead := _lead().match(last + " ")) is not None and lead.end() > len(last)
        # ... but not onto a byline of its own ("Topics:" over "By Ann Marsh | March 14"): that stays whole
        field_label = last.endswith(":") and len(last.split()) <= _LABEL_WORDS and _lead().match(line) is None
        if byline_label or field_label:
            joined[-1] = f"{last} {line}"
        else:
            joined.append(line)
    return joined


_LABEL_WORDS = 3  # "Last Updated:", "Published on:": a field's label on a line of its own


def _dated_beside(lines: list[str], index: int, language: str = "", counts: bool = True) -> bool:
    """The line before or after ``lines[index]`` is a date on its own: the byline's field, set apart.

    Templates print "Apr 17, 2025" and "By Jerry Chu" in elements of their own; a kicker or a slogan ("By
    Popular Demand") is not printed beside the page's date. A count ("0 Comments", "5 min read") may stand
    between them, unless the line is a sub-heading (``counts`` false): "By Public Transit" opens a section;
    so may a separator in an element of its own ("Por María Jiménez", "-", "11 marzo, 2026").
    """
    after = [line for line in lines[index + 1 : index + 4] if not _ONLY_SEPARATORS.fullmatch(line)][:2]
    before = [line for line in lines[max(0, index - 3) : index][::-1] if not _ONLY_SEPARATORS.fullmatch(line)][:2]
    if after and not (_PICTURE_CREDIT.match(after[0]) or (counts and _is_count(after[0]))):
        after = after[:1]
    if before and not (counts and _is_count(before[0])):
        before = before[:1]
    return any(is_date_line(line, language) and _lead().match(line) is None for line in before + after)


def _is_count(line: str) -> bool:
    """A number and what it counts of the post: "0 Comments", "5 min read", "1.2k views" (not "12 Photos")."""
    words = line.lower().split()
    return 2 <= len(words) <= 3 and words[0][:1].isdigit() and " ".join(words[1:]) in _COUNTED


# What a count beside a byline counts: comments, minutes of reading, views (see _is_count).
_COUNTED = frozenset(
    {"comment", "comments", "min read", "mins read", "minute read", "minutes read", "min", "views", "reads",
     "kommentare", "kommentar", "commentaires", "commentaire", "comentarios", "comentario", "commenti",
     "reacties", "kommentarer", "komentarze", "komentářů", "yorum", "min lesezeit", "minuten lesezeit"}
)  # fmt: skip
# The pictures' credit printed between a byline and its date: the byline's neighbour, as the date is.
_PICTURE_CREDIT = re.compile(
    r"(?:photo(?:graph)?s?|photography|pictures?|images?|illustrations?|video|fotos?|bilder?)\s*(?:by\b|:)",
    re.IGNORECASE,
)


def _reads_as_byline(text: str, names: str) -> bool:
    """A bare byline's names read as people's, not a phrase's: in capitals, an agency, or joined by "and"."""
    if names.replace(" and ", " ").isupper() or _agency(text) is not None:
        return True
    return " and " in names and any(word in _JOINS for word in text.split())


def _names(text: str, strict: bool = False) -> tuple[str, bool] | None:
    """The names that open ``text`` and whether a field follows them, if the rest is a byline's fields.

    A writer's post after a name and a comma ("Ann Lee, Political Editor, and Tom Okafor") is a field
    of that name's, skipped: the next name may follow it. ``strict`` (a line in lower case, which a
    sentence's fragment is as often) takes names followed by a separator or a date and nothing else.
    """
    kept: list[str] = []  # the tokens of the names accepted so far
    current: list[str] = []  # the tokens of the name being read
    end = 0  # where the accepted names (and their posts) end in ``text``
    role = False  # a post was read after a name
    for match in _TOKENS.finditer(text):
        token = match.group(0).strip()
        if _is_name_word(token, current):
            current.append(token)
            continue
        after = text[match.end() :].split(maxsplit=1)[:1] if token == "," else []  # ", 14 Maret", ", March 7"
        dated = any(ch.isdigit() for ch in token) or any(w[:1].isdigit() or _is_month(w) for w in after)
        if current and dated and (_is_month(current[-1]) or current[-1].lower().rstrip(".,") in calendar_words()):
            current.pop()  # "By Sofia Gonzalez December 3, 2024", "Oleh Dwi Hartono Kamis, 14 Maret": the date's
        joined = token.lower() in _JOINS if token.isupper() and len(token) > 1 else token in _JOINS or token == ","
        if kept and is_role(current):
            role = True  # ", Senior Political Correspondent": the last name's post
        elif _is_name(current):
            kept += [*(["and"] if kept else []), *current]
        elif current or not joined or not kept:
            break
        end = match.end() if joined else match.start()
        current = []
        if not joined:
            break
    else:
        if kept and is_role(current):
            role, end = True, len(text)
        elif _is_name(current):
            kept += [*(["and"] if kept else []), *current]
            end = len(text)
    if not kept or not plausible_names(kept):
        return None
    rest = text[end:]
    if strict:  # a line in lower case: only names, then a separator or a date (or nothing: the date beside)
        if not rest.strip():
            return " ".join(kept), False
        return (" ".join(kept), True) if _separator_or_date(rest) else None
    if not role and (past := _past_post(rest, text[:end].rstrip().endswith(","))) is not None:
        role, rest = True, past  # ", staff writer | 03/15/2024", ", Bulletin correspondent Posted: …": a post
    if aside := _ASIDE.match(rest):  # "(EFE) | 20 de noviembre", "(à Bruxelles) – …": a field if one follows
        rest = rest[aside.end() :] if _FIELD_NEXT.match(rest[aside.end() :]) else rest
    # "Von Jens Hartmann und dpa | …", "Por Lucía Ferrer y EFE": the agency after the names is a field.
    # "By Peter Novak, Reuters": so after a comma too.
    field = (
        role
        or bool(_FIELD_NEXT.match(rest))
        or bool(text[:end].rstrip().endswith((*_JOIN_ENDS, ",")) and _agency(rest))
    )
    if _LABEL.match(rest.lstrip(" ,")):
        return " ".join(kept), field
    lower = [w for w in re.findall(r"[^\W\d_]{3,}", rest) if w.islower()]
    return (" ".join(kept), field) if len(lower) <= _REST_LOWER_WORDS else None


_FIELD = re.compile(rf"\s*(?:[|{FIELD_DOTS},;–—]|\s-\s)")
_ASIDE = re.compile(r"\s*\([^()]{1,40}\)")
# A separator; a date in figures; a month's name and a day, either way round ("Nov 20", "20. März").
_SEPARATOR = re.compile(rf"\s*(?:[|{FIELD_DOTS}–—]|-\s)")
_ONLY_SEPARATORS = re.compile(rf"[\s|/\-–—{FIELD_DOTS}]*")  # a line of them: "Por María Jiménez", "-", "11 marzo"
_FIGURES_DATE = re.compile(r",?\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_WORD_AND_DAY = re.compile(r",?\s*(?:([^\W\d_]{3,})\.?\s+\d{1,2}\b|\d{1,2}\.?\s+([^\W\d_]{3,}))")


def _past_post(rest: str, after_comma: bool) -> str | None:
    """What follows a writer's post after a comma (one to three words ending in a role word, any case), or None."""
    words = rest.lstrip(" ,").split(maxsplit=3) if after_comma or rest.lstrip().startswith(",") else []
    for count, word in enumerate(words[:3], 1):
        if is_role([word.strip(",;|")]):  # the separator closing the post stays: ", Staff Writer | 3/15/2024"
            return " " + word[len(word.rstrip(",;|")) :] + " ".join(words[count:])
    return None


def _separator_or_date(rest: str) -> bool:
    """A separator or a date follows the names: ", 20 Jahre danach" is neither."""
    if _SEPARATOR.match(rest) or _FIGURES_DATE.match(rest):
        return True
    found = _WORD_AND_DAY.match(rest)
    return found is not None and _is_month(found.group(1) or found.group(2))


_JOIN_ENDS = tuple(f" {word}" for word in _JOINS)
# What makes the names a byline's field: a separator, or a date or a label after them (a comma then
# a lower-case clause is a sentence: "By Christmas Eve, all gone."; "bis Olaf Scholz" a headline's).
# "on"/"am"/"le" may come before a date with its year ("By Aaron Blake on Nov 28, 2026"; not "By Labor Day on
# Sept. 1: what changes").
_FIELD_NEXT = re.compile(
    rf"\s*(?:[|{FIELD_DOTS};–—]|-\s|,?\s*(?:\d|[^\W\d_]+:|[^\W\d_]+\.?\s*\d)"
    r"|(?:on|am|le|el|il)\s+(?=[^|:]{0,20}?\b(?:19|20)\d{2}\b))"
)


def _agency(text: str) -> tuple[str, bool] | None:
    """A news agency alone as the byline ("By the Associated Press", "Von dpa | 20.11.2026"): the author."""
    head = _FIELD.split(text, maxsplit=1)
    if normalise(head[0]) not in agencies():
        return None
    return head[0].strip(), len(head) > 1


def _is_month(word: str) -> bool:
    """An English month's name or abbreviation ("December", "Dec."), or a common language's compact one."""
    key = word.lower().rstrip(".,")
    return key in month_names("") or key in compact_month_names()


def _is_name_word(token: str, current: list[str]) -> bool:
    """A word that can stand in a name: capitalised ("Hartmann", "O'Neil", "J."), or a particle inside one."""
    if token.lower() in NAME_PARTICLES and current and token.islower():
        return True
    if not token[:1].isupper() or any(ch.isdigit() for ch in token) or token.endswith(":"):
        return False
    if token.lower() in stamp_words():
        return False  # "Updated 9:15 AM" after the names
    if len(token) > 1 and token.isupper() and token.lower() in _JOINS and current and all(w.isupper() for w in current):
        return False  # "AND" between names in capitals (not the initials "JA" of "JA Konrath")
    return bool(current) or token.lower() not in _ARTICLES


def _is_name(words: list[str]) -> bool:
    """Two to four capitalised words (particles aside), the last one not a particle."""
    capitalised = [w for w in words if not w.islower()]
    low, high = _NAME_WORDS
    return low <= len(capitalised) <= high and not words[-1].islower()
