"""Reading WARC files (ours, Common Crawl's CC-NEWS, any crawler's): HTML responses, one at a time.

A WARC file is a sequence of records; compressed files (``.warc.gz``) hold each record in a gzip
member of its own, which is what lets a reader skip a damaged record and go on, and what our own
archive (:mod:`scraper.fetching.archive`) relies on to survive a ``kill -9``. warcio parses the
records; the gzip members are split here, lazily, so that a truncated or corrupt member is
found, named and skipped instead of ending the file (or, worse, silently shortening a page),
and memory stays flat whatever the file's size: one record's payload at a time.

:func:`read_warc` yields a :class:`WarcPage` for every ``response`` record with an HTML payload
and a :class:`WarcSkip` for everything else, with the reason word the caller counts:
``skipped/<type>`` (``revisit``, ``request``, ``metadata``, ``warcinfo``, ``resource``, ...),
``skipped/not_html``, ``skipped/http_status``, ``skipped/not_http`` for records that are fine but
not pages, and ``malformed/<what>`` for damage: ``truncated_gzip`` (the file ends inside a gzip
member), ``bad_gzip`` (a member that does not decompress), ``bad_record`` (no WARC header where
one should start), ``truncated_record`` (a block shorter than its ``Content-Length``),
``bad_content_encoding`` (a gzip/deflate/br payload that does not decode), ``bad_date`` (no
readable ``WARC-Date``).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

WARC_SUFFIXES = (".warc", ".warc.gz")  # matched case-insensitively
GZIP_MAGIC = b"\x1f\x8b\x08"
READ_SIZE = 1 << 20
MEMBER_CHUNK = 1 << 16  # compressed bytes fed at a time: about one news page's member
HTML_TYPES = frozenset({"", "text/html", "application/xhtml+xml"})


def is_warc(path: Path) -> bool:
    """Whether a file name says WARC (``.warc`` or ``.warc.gz``, any case)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


@dataclass(slots=True, frozen=True)
class WarcPage:
    """An HTML response record: what a crawl's ``Page`` is built from."""

    path: Path
    offset: int  # where the record (its gzip member) starts in the file
    url: str  # WARC-Target-URI
    fetched_at: str  # WARC-Date, ISO 8601 UTC to the second
    status: int
    content_type: str  # lower case, without parameters ("" when the answer had none)
    encoding: str | None  # the Content-Type's charset, if any
    body: bytes  # the payload, transfer and content encodings undone; at most ``max_bytes`` + 1 bytes


@dataclass(slots=True, frozen=True)
class WarcSkip:
    """A record that is not a page (``skipped/…``) or could not be read (``malformed/…``)."""

    path: Path
    offset: int
    reason: str
    detail: str = ""
    url: str | None = None
    fetched_at: str | None = None  # WARC-Date, when the record had a readable one


class _DamagedError(Exception):
    """The gzip member being read is cut short or corrupt: ``reason`` says which."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


class _Member:
    """One gzip member of a file, decompressed on demand (a file object warcio can read).

    ``read`` raises :class:`_DamagedError` when the member ends before its gzip trailer (the file
    was cut) or does not decompress; afterwards ``next_offset`` is where the following member starts.
    """

    def __init__(self, handle: IO[bytes], offset: int) -> None:
        self.handle = handle
        self.offset = offset
        self.next_offset: int | None = None  # known once the member's end has been read
        self._inflater = zlib.decompressobj(wbits=31)
        self._buffer = bytearray()  # decompressed; read up to ``_start``
        self._start = 0
        self._position = offset  # file offset of the next compressed byte to feed

    def read(self, size: int = -1) -> bytes:
        while (size < 0 or len(self._buffer) - self._start < size) and self.next_offset is None:
            self._feed()
        end = len(self._buffer) if size < 0 else min(len(self._buffer), self._start + size)
        data = bytes(self._buffer[self._start : end])
        self._start = end
        if self._start > MEMBER_CHUNK:  # drop what was read, now and then: linear, not quadratic
            del self._buffer[: self._start]
            self._start = 0
        return data

    def _feed(self) -> None:
        self.handle.seek(self._position)
        chunk = self.handle.read(MEMBER_CHUNK)
        if not chunk:
            raise _DamagedError("malformed/truncated_gzip", "the file ends inside a gzip member")
        try:
            self._buffer += self._inflater.decompress(chunk)
        except zlib.error as exc:
            raise _DamagedError("malformed/bad_gzip", f"gzip: {exc}") from None
        if self._inflater.eof:
            self.next_offset = self._position + len(chunk) - len(self._inflater.unused_data)
        self._position += len(chunk)

    def finish(self) -> int:
        """Read to the member's end (raises :class:`_DamagedError`); the offset of the next member."""
        while self.next_offset is None:
            self._feed()
            del self._buffer[:]
            self._start = 0
        return self.next_offset


def read_warc(path: Path, max_bytes: int) -> Iterator[WarcPage | WarcSkip]:
    """Every record of one WARC file, in order: pages and the reasons others are skipped.

    Never raises for what is in the file; an unreadable file raises ``OSError``.
    """
    with path.open("rb") as handle:
        if handle.read(3) == GZIP_MAGIC:
            yield from _read_gzipped(path, handle, max_bytes)
        else:
            yield from _read_plain(path, handle, max_bytes)


def _read_gzipped(path: Path, handle: IO[bytes], max_bytes: int) -> Iterator[WarcPage | WarcSkip]:
    offset: int | None = 0
    while offset is not None:
        member = _Member(handle, offset)
        try:
            yield from _records(path, member, offset, max_bytes)
            offset = member.finish()
        except _DamagedError as exc:
            yield WarcSkip(path, offset, exc.reason, str(exc))
            offset = _after(member, handle)
            continue
        handle.seek(offset)
        if not handle.read(1):
            return


def _after(member: _Member, handle: IO[bytes]) -> int | None:
    """Where to go on after a damaged member: its end when it decompresses to the end (its WARC
    content was bad), else the next gzip header found in the file (None: there is none)."""
    try:
        return member.finish()
    except _DamagedError:
        return _next_member(handle, member.offset + 1)


def _next_member(handle: IO[bytes], start: int) -> int | None:
    """The offset of the next gzip member's magic bytes at or after ``start``; None at the end."""
    position = start
    while True:
        handle.seek(position)
        chunk = handle.read(READ_SIZE + len(GZIP_MAGIC))
        if len(chunk) < len(GZIP_MAGIC):
            return None
        found = chunk.find(GZIP_MAGIC)
        if found >= 0:
            return position + found
        position += READ_SIZE


def _read_plain(path: Path, handle: IO[bytes], max_bytes: int) -> Iterator[WarcPage | WarcSkip]:
    start = last = 0
    reported = False  # the damage that made us resume is counted once, however often we hit it again
    while True:
        handle.seek(start)
        yielded = False
        try:
            for item in _records(path, handle, start, max_bytes):
                last, yielded = item.offset, True
                yield item
        except _DamagedError as exc:  # a plain file has no members to fall back on: resume at the next header
            if yielded or not reported:
                yield WarcSkip(path, max(start, last), exc.reason, str(exc))
            reported = True
            found = _next_header(handle, max(start, last) + 1)
            if found is None:
                return
            start = last = found
            continue
        return


def _next_header(handle: IO[bytes], start: int) -> int | None:
    handle.seek(start)
    data = handle.read(64 * READ_SIZE)
    found = min((i for i in (data.find(b"WARC/1.0\r\n"), data.find(b"WARC/1.1\r\n")) if i >= 0), default=-1)
    return None if found < 0 else start + found


def _records(path: Path, stream: Any, base: int, max_bytes: int) -> Iterator[WarcPage | WarcSkip]:
    """The records warcio reads from ``stream``: a gzip member at ``base`` (its records all get that
    offset), or a plain file from ``base`` on."""
    records = ArchiveIterator(stream, ensure_http_headers=False)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except _DamagedError:
            raise
        except Exception as exc:  # warcio's ArchiveLoadFailed, and its errors on cut or odd headers
            raise _DamagedError("malformed/bad_record", f"{type(exc).__name__}: {str(exc)[:120]}") from None
        offset = base if isinstance(stream, _Member) else base + records.offset
        if record.format != "warc" or not record.rec_type:  # no WARC header (warcio falls back on ARC)
            raise _DamagedError("malformed/bad_record", "no WARC header")
        yield _classify(path, offset, record, max_bytes)


def _classify(path: Path, offset: int, record: Any, max_bytes: int) -> WarcPage | WarcSkip:
    """One record as a page or a skip; reads its payload (at most ``max_bytes`` + 1 bytes)."""
    kind = record.rec_type
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ") or None
    fetched_at = warc_date(record.rec_headers.get_header("WARC-Date"))
    if kind != "response":
        return WarcSkip(path, offset, f"skipped/{kind}", url=url, fetched_at=fetched_at)
    if fetched_at is None:
        return WarcSkip(path, offset, "malformed/bad_date", f"WARC-Date {record.rec_headers.get_header('WARC-Date')!r}")
    http = record.http_headers
    if http is None or not url or not url.lower().startswith(("http://", "https://")):
        return WarcSkip(path, offset, "skipped/not_http", url=url, fetched_at=fetched_at)
    try:
        status = int(http.get_statuscode() or 0)
    except ValueError:
        status = 0
    if not 200 <= status < 300 or status in (204, 206):
        return WarcSkip(path, offset, "skipped/http_status", str(status), url, fetched_at)
    content_type, encoding = _content_type(http.get_header("Content-Type") or "")
    identified = (record.rec_headers.get_header("WARC-Identified-Payload-Type") or "").lower()
    if content_type not in HTML_TYPES or (not content_type and identified not in HTML_TYPES):
        return WarcSkip(path, offset, "skipped/not_html", content_type or identified, url, fetched_at)
    try:
        body = record.content_stream().read(max_bytes + 1)
        while record.raw_stream.read(READ_SIZE):  # the rest of the block, to know it is all there
            pass
    except _DamagedError:
        raise
    except Exception as exc:  # zlib/brotli errors of a payload whose Content-Encoding lies
        return WarcSkip(path, offset, "malformed/bad_content_encoding", f"{type(exc).__name__}", url, fetched_at)
    if getattr(record.raw_stream, "limit", 0) > 0:
        return WarcSkip(path, offset, "malformed/truncated_record", "block shorter than its Content-Length", url)
    return WarcPage(path, offset, url, fetched_at, status, content_type, encoding, body)


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(' "'):
            charset = value.strip(' "')
    return media.strip().lower(), charset


def warc_date(value: str | None) -> str | None:
    """A WARC-Date (``2026-11-25T11:54:43Z``, WARC/1.1 fractions too) as ISO 8601 UTC to the second."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def complete_length(handle: IO[bytes]) -> int:
    """How many bytes from the start are whole gzip members: where a killed writer's file is cut.

    Our archive writes each record as a gzip member of its own and flushes it, so every whole
    member is a whole record; a ``kill -9`` can only leave the last member short.
    """
    end = 0
    while True:
        inflater = zlib.decompressobj(wbits=31)
        position = end
        while not inflater.eof:
            handle.seek(position)
            chunk = handle.read(READ_SIZE)
            if not chunk:
                return end
            try:
                inflater.decompress(chunk)
            except zlib.error:
                return end
            position += len(chunk)
        end = position - len(inflater.unused_data)
        handle.seek(end)
        if not handle.read(1):
            return end
