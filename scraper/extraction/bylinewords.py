"""The words around a writer's name in a byline, in many languages: what opens it, what credits other work.

:mod:`people` reads names out of bylines; these patterns are its vocabulary ("By", "Von", "Napsal:",
"Oleh", "Posted by", "Photos by", "Powered by"), kept apart so that adding a language's words does not
touch how names are read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.text import normalise, phrases

BY_PREFIX = re.compile(  # Malay "Oleh:" with its colon only: the Ukrainian "Oleh Sentsov" is a name
    r"^(?:by|von|par|por|door|av|af|di|da|de|od|przez|ditulis oleh|diposting oleh|scris de|τ(?:ης|ου|ων)|"
    r"tekst i zdjęcia|text a foto|text und fotos|texte et photos|texto y fotos|teksti ja kuvat|teksti|κε[ιί]μενο|"
    r"σ[υύ]νταξη(?=\s*:)|"  # Greek "edited/compiled by" with its colon; alone, the newsroom (DESK)
    r"беседовала?|tekst|text|texte|written by|geschrieben von|"
    r"skrevet a[vf]|skriven av|geschreven door|escrito por|écrit par|scritto da|napisane przez|autor(?:in|e|ius|s)?|"
    r"author|auteur|avtor|penulis|yazar|szerző|tác giả|muallif|författare|forfatter|kirjoittaja|συντάκτης|γράφει [οη]|"
    r"γράφουν οι|napsala?|napísala?|napisa(?:o|la|l)|redakce|reporter|а[вуў]т[оа]р(?:ка)?|oleh(?=\s*:)|כתיבה|"
    # Hungarian "text", "wrote"; Hindi "published by"; Hebrew
    r"נכתב על ידי|szöveg|írta|द्वारा प्रकाशित|書いた人)\s*[:：\s]\s*"
    # the other labels of ``byline_lead_label`` with their colon ("Текст: Мария Петрова", "Imeandikwa na: …")
    r"|^(?:texto|testo|words|reporting|авторы|текст|tekstas|teksts|besedilo|reporters|reportérka|reportér|"
    r"imeandikwa na|mwandishi|muhabir|pewarta|wartawan|repórter)\s*[:：]\s*",
    re.IGNORECASE,
)


# A label before the name that is no "By" of its own: "Author Posted by Soliant", "Authors: Julie Weisenhorn",
# "Posted by : Ryan Bald", "Recipe by PJ Hamel"; "Posted byDamien Walter" (label and name in two elements).
LABEL_BEFORE = re.compile(
    r"^(?:authors?|autor(?:in|en)?|auteurs?|contributors?|а[вуў]т[оа]р(?:ка)?)\s*(?::\s*|\s+(?=\S))", re.IGNORECASE
)
VERB_BY = re.compile(
    r"^(?:posted|written|authored|recipe|article|story|words|report|reporting|reported|content|interview|commentary|analysis"
    r"|opinion"
    r"|ein(?:e)?\s+(?:kommentar|interview|analyse|gastbeitrag|kolumne|essay|reportage))\s*(?:by|von)\s*(?::\s*|\s+|$)",
    re.IGNORECASE,
)
VERB_BY_GLUED = re.compile(r"^(?:[Pp]osted|[Ww]ritten)\s+by(?=[^\W\d_])")  # "byDamien": capital follows
# Someone credited for other work than the writing: from there on, the part names no author ("Emma Ryan,
# Researched by Oliver Simpson", "Shelby Loos, DVM Reviewed by Molly Price", "Photos by Max Kurz").
OTHER_CREDIT = re.compile(
    r"\b(?:(?:medically\s+)?reviewed|researched|fact[- ]?checked|edited|photos?|photography|"
    r"illustrations?|graphics|video|translated)\s+by\b.*$"
    r"|\b(?:photos?|fotos?|fotó|fot|kuvat?|bilder?|zdjęcia|illustrations?)\.?\s*:.*$",  # "Kuvat: Mikko Laine"
    re.IGNORECASE,
)
# One credit for the writing and the pictures ("Story and photos by Ann Lee", "Written and edited by", "Fotos und
# Text: Anna Berg"): the writer's.
SHARED_CREDIT = re.compile(
    r"^(?:story|words|text|reporting|written|article)\s+(?:and|&)\s+"
    r"(?:photos?|photography|pictures|images|video|graphics|edited|illustrations?)\s+by\s+"
    r"|^(?:fotos?|bild(?:er)?|photos?|zdjęcia|kuvat)\s+(?:und|and|&|i|ja|et|y|e)\s+(?:text|texte|texto|tekst|teksti)\s*:\s*"
    r"|^(?:texto|testo|text|texte|tekst)\s+(?:e|y|i|und|and|&|a|et)\s+(?:fotos?|photos?|bilder?)\s*:\s*",
    re.IGNORECASE,
)
# A site's credit for its making ("Government Websites by CivicPlus", "Powered by WordPress"): no writer.
SITE_CREDIT = re.compile(r"\b(?:powered|designed|developed|hosted|websites?|site|theme)\s+by\b", re.IGNORECASE)
# A desk printed as the byline ("By Team Tiger Data", "The Editors", "Metro Desk"; not "Desk Hughes", "Staff Sgt."),
# and the newsroom as papers in other languages name it, alone or with the paper's or agency's name ("Da Redação",
# "Redacción EFE", "Redazione Ansa", "La Rédaction", "Tim Redaksi Kompas").
DESK = re.compile(
    r"^(?:the\s+|la\s+|die\s+|de\s+|tim\s+)?(?:team\b|(?:staff|editors|desk|newsroom|newsdesk)$|"
    r"(?:reda[cç][aã]o|redacci[oó]n|redazione|r[ée]daction|redaktion|redactie|redakcja|redakce|redaksi|redakcija|"
    r"reda(?:c[țţt]|[țţ])ia|редакці[яї]|редакци[яи]|редакција|редакцията|toimitus|szerkesztőség|σ[υύ]νταξη|"
    r"redaktionen|redaksjonen|redaksia|redakcia|uredništvo|urednistvo|toimetus|ritstjórn|מערכת|דוברות)\b)"
    r"|\b(?:team|staff|editors|desk|staff\s+reports?)$"
    # the newsroom in Japanese, Chinese and Korean: "編集部", "まちの編集室" (a town's editorial office)
    r"|(?:編集部|編集室|編集局|编辑部|編輯部|편집부|편집국)$",
    re.I,
)
# The newsroom before its writer ("Da Redação, por Juliana Prado", "De la rédaction, par …"): the writer's byline.
DESK_FIRST = re.compile(
    r"^(?:\w+\s+){1,2}(?:reda[cç][aã]o|redacci[oó]n|redazione|r[ée]daction|redaktion|newsroom)\s*,?\s+"
    r"(?=(?:por|par|by|von|di|door)\s)",
    re.IGNORECASE,
)
# The writer's label after other fields ("Updated January 08, 2026 Written by Meghan Neville"): names follow it.
INNER_LABEL = re.compile(r"\b(?:written|posted|authored)\s+by\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def agencies() -> frozenset[str]:
    """News agencies (``phrases.toml``), normalised: a byline names them after the writers, or alone."""
    return frozenset(normalise(name) for name in phrases()["agency"])


@lru_cache(maxsize=1)
def lead_words() -> frozenset[str]:
    """A byline's leads and labels ("by", "von", "oleh"; "text", "autor"), lower-case: a writer's name follows."""
    return frozenset(phrases()["byline_lead"]) | frozenset(phrases()["byline_lead_label"])


@lru_cache(maxsize=1)
def word_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Role words, words no name is made of (weekdays and months too), and the months that are given names."""
    table = phrases()
    months = frozenset(table["byline_given_name_months"])
    return frozenset(table["byline_role"]), frozenset(table["byline_not_name_words"]) | calendar_words(), months


@lru_cache(maxsize=1)
def stamp_words() -> frozenset[str]:
    """The one-word labels of a date stamp ("Updated", "Published", "Aktualisiert"): no name is made of them."""
    return frozenset(w for w in phrases()["date_stamp_label"] if " " not in w)


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Weekdays and months (``byline_calendar_words``), less the months that are given names ("April", "June")."""
    table = phrases()
    return frozenset(table["byline_calendar_words"]) - frozenset(table["byline_given_name_months"])


def is_role(words: list[str]) -> bool:
    """A writer's post ("Senior Political Correspondent", "Staff Writer"), not a name."""
    roles = word_lists()[0]
    return bool(words) and any(part in roles for w in words for part in (w.lower(), *w.lower().split("-")))


def plausible_names(tokens: list[str]) -> bool:
    """The names hold no function word, day, time or role ("By Popular Demand", "Von Montag Bis Freitag").

    A month that is also a given name ("April Lee", "June Park") counts only when every word is one.
    """
    roles, banned, months = word_lists()
    words = [t.lower().strip(".") for t in tokens if t != "and"]
    if any(w in banned or w in roles for w in words):
        return False
    return not all(w in months for w in words)
