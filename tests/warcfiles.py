"""WARC files of the shape Common Crawl publishes CC-NEWS in, written by the tests themselves.

``CC-NEWS-<timestamp>-<serial>.warc.gz``: WARC/1.0, every record its own gzip member, a
``warcinfo`` record first, then ``response`` records with ``WARC-Identified-Payload-Type`` and
``WARC-IP-Address`` (the payload stored decoded, Common Crawl keeping the original encoding
headers as ``X-Crawler-…``). Tests add the records real archives also hold: revisits, requests,
metadata, non-HTML payloads, HTTP errors, and damage.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


class CcNewsWriter:
    """Writes records one gzip member each; ``offsets`` holds where each record starts."""

    def __init__(self, handle: BinaryIO, gzip: bool = True) -> None:
        self.handle = handle
        self.writer = WARCWriter(handle, gzip=gzip, warc_version="1.0")
        self.offsets: list[int] = []
        info = self.writer.create_warcinfo_record(
            "CC-NEWS-20261125100000-00001.warc.gz",
            {"software": "StormCrawler 2.10 https://stormcrawler.net/", "format": "WARC File Format 1.0",
             "operator": "Common Crawl Admin", "isPartOf": "CC-NEWS"},
        )  # fmt: skip
        self._write(info)

    def _write(self, record: object) -> None:
        self.offsets.append(self.handle.tell())
        self.writer.write_record(record)

    def response(
        self,
        url: str,
        body: bytes,
        date: datetime | str = "2026-11-25T10:00:00Z",
        content_type: str = "text/html; charset=UTF-8",
        status: str = "200 OK",
        identified: str | None = "text/html",
    ) -> None:
        http = StatusAndHeaders(
            status,
            [("Content-Type", content_type), ("Content-Length", str(len(body))),
             ("X-Crawler-Content-Encoding", "gzip"), ("Server", "nginx")],
            protocol="HTTP/1.1",
        )  # fmt: skip
        headers = {"WARC-Date": _date(date), "WARC-IP-Address": "203.0.113.7"}
        if identified:
            headers["WARC-Identified-Payload-Type"] = identified
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http, warc_headers_dict=headers
        )
        self._write(record)

    def record(self, kind: str, url: str, payload: bytes = b"", date: str = "2026-11-25T10:00:00Z") -> None:
        """A request, revisit or metadata record (a revisit with the HTTP headers only, as archives do)."""
        http = None
        if kind == "request":
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        elif kind == "revisit":
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        headers = {"WARC-Date": date}
        if kind == "revisit":
            headers |= {"WARC-Profile": "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",
                        "WARC-Refers-To-Target-URI": url}  # fmt: skip
        extra = {"warc_content_type": "application/warc-fields"} if kind == "metadata" else {}
        record = self.writer.create_warc_record(
            url, kind, payload=io.BytesIO(payload), length=len(payload), http_headers=http,
            warc_headers_dict=headers, **extra,
        )  # fmt: skip
        self._write(record)


def _date(value: datetime | str) -> str:
    return value if isinstance(value, str) else value.strftime("%Y-%m-%dT%H:%M:%SZ")


def cc_news_path(folder: Path, serial: int = 1) -> Path:
    return folder / f"CC-NEWS-20261125100000-{serial:05d}.warc.gz"
