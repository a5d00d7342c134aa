"""Feed exporters: an Article's internal fields stay out; any other item is written as Scrapy would."""

from __future__ import annotations

import io
import json

from scraper.exporters import RecordCsvExporter, RecordJsonExporter, RecordJsonLinesExporter
from scraper.items import EXPORTED_FIELDS, Fetch
from tests.test_pipelines_validate_dedup import make_article


def test_jsonlines_leaves_out_internal_fields_only_where_the_item_marks_them() -> None:
    out = io.BytesIO()
    exporter = RecordJsonLinesExporter(out)
    exporter.start_exporting()
    exporter.export_item(make_article(fetch=Fetch(urls=("https://n.example/a",), etag='"x"'), signature=b"\x00"))
    exporter.export_item({"name": "Lamp", "fetch": "kept: a plain dict has no metadata", "price": 3})
    exporter.finish_exporting()
    article, other = (json.loads(line) for line in out.getvalue().decode().splitlines())
    assert list(article) == list(EXPORTED_FIELDS)
    assert other == {"name": "Lamp", "fetch": "kept: a plain dict has no metadata", "price": 3}


def test_json_and_csv_too() -> None:
    for exporter_class in (RecordJsonExporter, RecordCsvExporter):
        out = io.BytesIO()
        exporter = exporter_class(out)
        exporter.start_exporting()
        exporter.export_item(make_article(signature=b"\x01\x02"))
        exporter.finish_exporting()
        text = out.getvalue().decode()
        assert "signature" not in text
        assert "canonical_url" in text
