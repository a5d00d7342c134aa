"""Bytes -> text for HTML bodies, with a clear reason when the bytes are not text.

Servers lie about charsets: a header that says UTF-8 over latin-1 bytes, or the reverse. Bytes
that decode as strict UTF-8 are taken as UTF-8 (legacy text almost never does); otherwise the
encoding Scrapy chose (header, BOM, ``<meta charset>``), else Windows-1252, which decodes any
byte. Bodies that are empty or look binary are rejected before any parser sees them.
"""

from __future__ import annotations

import codecs
import contextlib
import re

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
        return _XML_DECLARATION.sub("", text.removeprefix("\ufeff"), count=1)
    return _XML_DECLARATION.sub("", body.decode("cp1252", errors="replace"), count=1)


# lxml refuses str input that still declares a byte encoding (XHTML served with <?xml ...?>).
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _candidates(encoding: str | None) -> list[str]:
    """Strict UTF-8 first: non-ASCII bytes that decode as UTF-8 are UTF-8 whatever the header says.

    A declared single-byte charset decodes any bytes, so it cannot be tested; UTF-8 can. Only a
    declared UTF-16/32 (from a BOM or header) goes first, since such bodies are never valid UTF-8.
    """
    declared = None
    if encoding:
        with contextlib.suppress(LookupError):
            declared = codecs.lookup(encoding).name
    names = [declared] if declared and declared.startswith(("utf-16", "utf-32")) else []
    for name in ("utf-8", declared, "cp1252"):
        if name and name not in names:
            names.append(name)
    return names


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many C0 control bytes: an image, archive or PDF served as text/html."""
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text: NUL bytes are half of every ASCII character
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05
