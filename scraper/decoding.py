"""Bytes -> text for HTML bodies, with a clear reason when the bytes are not text.

Servers lie about charsets: a header that says UTF-8 over latin-1 bytes, or the reverse. We
trust the encoding Scrapy chose (header, BOM, ``<meta charset>``) when the bytes decode cleanly
with it, else strict UTF-8 (the web's majority encoding), else Windows-1252, which decodes any
byte. Bodies that are empty or look binary are rejected before any parser sees them.
"""

from __future__ import annotations

import codecs
import contextlib

from scraper.items import DropReason, Rejection

_SNIFF = 4096  # bytes looked at to decide whether a body is binary


def decode_body(body: bytes, encoding: str | None) -> str | Rejection:
    """The body as text, or why it cannot be an HTML page."""
    if not body.strip():
        return Rejection(DropReason.EMPTY_BODY, "no bytes")
    if looks_binary(body[:_SNIFF]):
        return Rejection(DropReason.BINARY_BODY, "control bytes in the first 4 KiB")
    for candidate in _candidates(encoding):
        try:
            text = body.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        return text.removeprefix("\ufeff")
    return body.decode("cp1252", errors="replace")


def _candidates(encoding: str | None) -> list[str]:
    names: list[str] = []
    if encoding:
        with contextlib.suppress(LookupError):
            names.append(codecs.lookup(encoding).name)
    for fallback in ("utf-8", "cp1252"):
        if fallback not in names:
            names.append(fallback)
    return names


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many C0 control bytes: an image, archive or PDF served as text/html."""
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05
