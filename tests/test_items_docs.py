r"""Each record field is documented once, by its attribute docstring on ``Article`` (or ``Image``).

The JSON Schema and the record table of the documentation (docs/schema.md) carry copies of those
docstrings; this test keeps the copies exact. The rule, for every field of ``Article``, and of
``Image`` as ``images[].<field>``:

1. The field has an attribute docstring (:func:`scraper.items.field_docs`).
2. The JSON Schema has a property for it (``images[].url`` is ``images.items.properties.url``)
   whose ``description`` equals the docstring, both with whitespace collapsed to single spaces.
3. The documentation (README.md and docs/*.md) has exactly one "Record schema" heading, and the
   table under it has exactly one row for it, whose first cell is the field's name in backticks
   and whose last cell equals the docstring, with whitespace collapsed and Markdown's ``\|``
   (a pipe inside a cell) read as ``|``.
4. Neither the schema nor that table describes a field the dataclass does not have; the
   only exception is the schema's ``id``, which ``scraper extract --manifest`` adds to a record.

Equality, not "contains the first sentence": a copy that adds or drops a word has drifted.
Docstrings are written in Markdown inline syntax (single backticks), which reads the same in
all three places. To change a field's documentation, edit the docstring and paste it into the
schema and docs/schema.md; a failure shows the field and both texts.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

import pytest

from scraper.items import EXPORTED_FIELDS, SCHEMA_VERSION, Article, Image, field_docs
from tests.conftest import SCHEMA_PATH, documentation

DOCS_TEXT = documentation()
RECORD_HEADING = re.compile(r"^#{1,6} Record schema\b.*$", re.MULTILINE)
SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text("utf-8"))
SCHEMA_ONLY = {"id"}  # added by `scraper extract --manifest`, not an Article field

DOCS = field_docs(Article) | {f"images[].{name}": doc for name, doc in field_docs(Image).items()}
FIELDS = [
    *EXPORTED_FIELDS,
    *(f"images[].{f.name}" for f in dataclasses.fields(Image)),
]  # the record, not internal facts


def collapse(text: str) -> str:
    return " ".join(text.split())


def schema_property(name: str) -> dict[str, Any] | None:
    """The schema's property for a field name (``images[].url`` is a property of the items)."""
    properties: dict[str, Any] = SCHEMA["properties"]
    parent, _, child = name.partition("[].")
    if child:
        properties = properties.get(parent, {}).get("items", {}).get("properties", {})
    return properties.get(child or parent)


def table_rows() -> list[tuple[str, str]]:
    r"""(first cell, last cell) of each row of the documented record table, ``\|`` read as ``|``."""
    headings = list(RECORD_HEADING.finditer(DOCS_TEXT))
    if len(headings) != 1:
        return []  # test_the_record_table_is_found says why
    section = DOCS_TEXT[headings[0].end() :]
    lines = iter(section.splitlines())
    for line in lines:
        if line.startswith("| field |"):
            break
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        if re.fullmatch(r"[|\-: ]+", line):
            continue  # the header's separator
        cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        rows.append((cells[0], collapse(cells[-1])))
    return rows


TABLE_ROWS = table_rows()


def test_the_record_table_is_found() -> None:
    headings = [m.group() for m in RECORD_HEADING.finditer(DOCS_TEXT)]
    assert len(headings) == 1, f"one 'Record schema' heading in README.md and docs/*.md, not {headings}"
    assert len(TABLE_ROWS) >= len(EXPORTED_FIELDS)


@pytest.mark.parametrize("name", FIELDS)
def test_field_has_a_docstring(name: str) -> None:
    assert DOCS.get(name), f"{name} has no attribute docstring in scraper/items.py"


@pytest.mark.parametrize("name", FIELDS)
def test_schema_description_is_the_docstring(name: str) -> None:
    prop = schema_property(name)
    assert prop is not None, f"{name} is missing from {SCHEMA_PATH.name}"
    assert collapse(prop.get("description", "")) == DOCS.get(name)


@pytest.mark.parametrize("name", FIELDS)
def test_documented_row_is_the_docstring(name: str) -> None:
    meanings = [meaning for cell, meaning in TABLE_ROWS if cell == f"`{name}`"]
    assert meanings, f"no documented record-table row whose first cell is `{name}`"
    assert meanings == [DOCS.get(name)]


def test_schema_describes_no_other_field() -> None:
    extra = set(SCHEMA["properties"]) - set(FIELDS) - SCHEMA_ONLY
    image_props = SCHEMA["properties"]["images"]["items"]["properties"]
    extra |= {f"images[].{name}" for name in image_props} - set(FIELDS)
    assert not extra


def test_record_table_describes_no_other_field() -> None:
    assert [cell for cell, _ in TABLE_ROWS if cell.strip("`") not in FIELDS] == []


def test_schema_version_is_the_dataclass_version() -> None:
    assert SCHEMA["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert f"`{json.dumps(SCHEMA_VERSION)}`" in DOCS["schema_version"]
