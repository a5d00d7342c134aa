"""Bylines split into names: separators, prefixes, and the date or reading time a byline line also holds."""

from __future__ import annotations

import pytest

from scraper.extraction.people import clean_person


@pytest.mark.parametrize(("byline", "names"), [
    ("By Jane Roe · March 11, 2025", ["Jane Roe"]),
    ("By Jane Roe • 11 March 2025 • 4 min read", ["Jane Roe"]),
    ("Jane Roe and Tom Okafor · Updated 14:05", ["Jane Roe", "Tom Okafor"]),
    ("By Jane Roe, March 11, 2025", ["Jane Roe"]),
    ("Von Anna Schmidt | 4. März 2025", ["Anna Schmidt"]),
    ("Jane Roe · Staff Writer", ["Jane Roe", "Staff Writer"]),  # a role after the dot is kept as before
    ("Marcel·lí Riera", ["Marcel·lí Riera"]),  # Catalan's l·l is inside a name, not between fields
    ("By Estel·la Puig · 5 min read", ["Estel·la Puig"]),
])  # fmt: skip
def test_a_bylines_date_and_reading_time_are_not_names(byline: str, names: list[str]) -> None:
    assert clean_person(byline) == names
