"""The words around a writer's name in a byline, in many languages: what opens it, what credits other work.

:mod:`people` reads names out of bylines; these patterns are its vocabulary ("By", "Von", "Napsal:",
"Oleh", "Posted by", "Photos by", "Powered by"), kept apart so that adding a language's words does not
touch how names are read.
"""

from __future__ import annotations

import re

BY_PREFIX = re.compile(  # Malay "Oleh" when two names follow it (the Ukrainian "Oleh Sentsov" is a name)
    r"^(?:by|von|par|por|door|av|af|di|da|de|od|przez|daga|ditulis oleh|tekst|text|texte|written by|geschrieben von|"
    r"skrevet a[vf]|skriven av|geschreven door|escrito por|écrit par|scritto da|napisane przez|autor(?:in|e|ius|s)?|"
    r"author|auteur|avtor|penulis|yazar|szerző|tác giả|muallif|författare|forfatter|kirjoittaja|συντάκτης|γράφει [οη]|"
    r"γράφουν οι|napsala?|napísala?|napisa(?:o|la|l)|redakce|reporter|автор|oleh(?=\s*:|(?:\s+[^\W\d_]+){2}(?:\s|$)))"
    r"\s*[:\s]\s*",
    re.IGNORECASE,
)


# A label before the name that is no "By" of its own: "Author Posted by Soliant", "Authors: Julie Weisenhorn",
# "Posted by : Ryan Bald", "Recipe by PJ Hamel"; "Posted byDamien Walter" (label and name in two elements).
LABEL_BEFORE = re.compile(
    r"^(?:authors?|autor(?:in|en)?|auteurs?|contributors?|автор)\s*(?::\s*|\s+(?=\S))", re.IGNORECASE
)
VERB_BY = re.compile(
    r"^(?:posted|written|authored|recipe|article|story|words|reporting|reported|content|interview|commentary|analysis"
    r"|opinion"
    r"|ein(?:e)?\s+(?:kommentar|interview|analyse|gastbeitrag|kolumne|essay|reportage))\s*(?:by|von)\s*(?::\s*|\s+|$)",
    re.IGNORECASE,
)
VERB_BY_GLUED = re.compile(r"^(?:[Pp]osted|[Ww]ritten)\s+by(?=[^\W\d_])")  # "byDamien": capital follows
# Someone credited for other work than the writing: from there on, the part names no author ("Emma Ryan,
# Researched by Oliver Simpson", "Shelby Loos, DVM Reviewed by Molly Price", "Photos by Max Kurz").
OTHER_CREDIT = re.compile(
    r"\b(?:(?:medically\s+)?reviewed|researched|fact[- ]?checked|edited|photos?|photography|"
    r"illustrations?|graphics|video|translated)\s+by\b.*$",
    re.IGNORECASE,
)
# One credit for the writing and the pictures ("Story and photos by Ann Lee", "Written and edited by"): the writer's.
SHARED_CREDIT = re.compile(
    r"^(?:story|words|text|reporting|written|article)\s+(?:and|&)\s+"
    r"(?:photos?|photography|pictures|images|video|graphics|edited|illustrations?)\s+by\s+",
    re.IGNORECASE,
)
# A site's credit for its making ("Government Websites by CivicPlus", "Powered by WordPress"): no writer.
SITE_CREDIT = re.compile(r"\b(?:powered|designed|developed|hosted|websites?|site|theme)\s+by\b", re.IGNORECASE)
# The writer's label after other fields ("Updated January 08, 2026 Written by Meghan Neville"): names follow it.
INNER_LABEL = re.compile(r"\b(?:written|posted|authored)\s+by\b", re.IGNORECASE)
