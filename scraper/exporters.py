"""Feed exporters that leave out an item's internal fields (``field(metadata={"exported": False})``).

An ``Article`` carries facts the crawl state needs (the download's ETag, the MinHash signature)
until it is written; they are no part of the record. Scrapy's exporters write every field of a
dataclass item, and ``FEED_EXPORT_FIELDS`` would fix the columns for *every* item of a project
(the add-on's host project too), so instead these exporters drop the fields an item's own
dataclass marks as not exported, and treat every other item exactly as Scrapy's do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exporters import CsvItemExporter, JsonItemExporter, JsonLinesItemExporter


def _hidden(item: Any) -> set[str]:
    adapter = ItemAdapter(item)
    return {name for name in adapter.field_names() if adapter.get_field_meta(name).get("exported") is False}


class _RecordFields:
    """Mixin for Scrapy's ``BaseItemExporter`` subclasses: skip fields marked ``exported: False``."""

    def get_serialized_fields(
        self, item: Any, default_value: Any = None, include_empty: bool | None = None
    ) -> Iterable[tuple[str, Any]]:
        hidden = _hidden(item)
        fields: Iterable[tuple[str, Any]] = super().get_serialized_fields(  # type: ignore[misc]
            item, default_value, include_empty
        )
        return ((name, value) for name, value in fields if name not in hidden)


class RecordJsonLinesExporter(_RecordFields, JsonLinesItemExporter):
    """JSON Lines (``-O x.jsonl``), without internal fields."""


class RecordJsonExporter(_RecordFields, JsonItemExporter):
    """A JSON array (``-O x.json``), without internal fields."""


class RecordCsvExporter(_RecordFields, CsvItemExporter):
    """CSV (``-O x.csv``), without internal fields: the header row leaves them out too."""

    def _write_headers_and_set_fields_to_export(self, item: Any) -> None:
        if self.fields_to_export is None:
            hidden = _hidden(item)
            self.fields_to_export = [name for name in ItemAdapter(item).field_names() if name not in hidden]
        super()._write_headers_and_set_fields_to_export(item)
