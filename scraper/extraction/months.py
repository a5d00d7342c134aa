"""Month names in English and a page's language, for reading the dates it prints.

Babel's locale data gives each language's names (full and abbreviated, format and stand-alone);
loading a locale costs milliseconds, so each language's table is built once per process.
"""

from __future__ import annotations

from functools import lru_cache

_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december")  # fmt: skip


@lru_cache(maxsize=64)
def month_names(language: str) -> dict[str, int]:
    """Month names (full and abbreviated, lower-case, without dots) in English and ``language``."""
    names = {name: i for i, name in enumerate(_ENGLISH_MONTHS, 1)}
    names.update({name[:3]: i for i, name in enumerate(_ENGLISH_MONTHS, 1)})
    names["sept"] = 9
    primary = language.split("-")[0]
    if primary and primary != "en":
        from babel import UnknownLocaleError
        from babel.dates import get_month_names

        try:
            for locale in (primary, *_REGIONAL.get(primary, ())):
                for width in ("wide", "abbreviated"):
                    for context in ("format", "stand-alone"):
                        for number, name in get_month_names(width, context, locale=locale).items():
                            key = name.lower().rstrip(".")
                            if len(key) >= 3 and not key[0].isdigit():
                                names.setdefault(key, int(number))
        except (UnknownLocaleError, ValueError):
            pass
    return names


# A language whose months are named differently by region, under the one ``lang`` its pages declare: Arabic
# papers of the Levant and Iraq write "آذار" (March), those of the Maghreb "مارس" or "ماي"; Babel's "ar" has
# the Egyptian and Gulf names only.
_REGIONAL = {"ar": ("ar_SY", "ar_MA", "ar_DZ")}


# Abbreviated month names of the common Western European languages (Spanish, Portuguese, Italian,
# French, German, Dutch; from CLDR), by month: a compact date ("04-ago-2021", "12-Okt-2024") is read
# in them whatever the page declares, as sites print them under an English ``lang`` too.
_COMPACT_MONTHS = (
    ("ene", "gen", "janv"), ("fev", "févr"), ("märz", "mrt", "mars"), ("abr", "avr"), ("mag", "mai", "mei"),
    ("giu", "juin", "juni"), ("lug", "juil", "juli"), ("ago", "août"), ("sept", "set"),
    ("out", "ott", "okt"), (), ("dic", "déc", "dez"),
)  # fmt: skip


@lru_cache(maxsize=1)
def compact_month_names() -> dict[str, int]:
    """English and :data:`_COMPACT_MONTHS` abbreviations, for "dd-mon-yyyy" only.

    The form is strict (day, hyphen, name, hyphen, four-digit year), so a name from another language
    than the page's cannot be a word of its text; no abbreviation here names two different months.
    """
    names = {name[:3]: i for i, name in enumerate(_ENGLISH_MONTHS, 1)}
    names.update({name: i for i, group in enumerate(_COMPACT_MONTHS, 1) for name in group})
    return names
