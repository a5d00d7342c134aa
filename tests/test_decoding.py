"""Bytes to text when servers lie about charsets, and clear reasons for non-text bodies."""

from __future__ import annotations

import pytest

from scraper.decoding import decode_body
from scraper.items import DropReason, Rejection

TEXT = "<p>Café Müller sells naïve art for £5 and 3 €</p>"


@pytest.mark.parametrize(
    ("body", "declared"),
    [
        (TEXT.replace(" €", "").encode("cp1252"), "utf-8"),  # latin-1 bytes, header says UTF-8
        (TEXT.encode("utf-8"), "iso-8859-1"),  # UTF-8 bytes, header says latin-1
        (TEXT.encode("utf-8"), None),
        (TEXT.replace(" €", "").encode("cp1252"), "cp1252"),
        ("\ufeff".encode() + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
)
def test_wrong_or_missing_charset_is_repaired(body: bytes, declared: str | None) -> None:
    text = decode_body(body, declared)
    assert isinstance(text, str)
    assert "Café Müller sells naïve art for £5" in text
    assert not text.startswith("\ufeff")


def test_xml_declaration_is_removed_for_lxml() -> None:
    text = decode_body(b'<?xml version="1.0" encoding="utf-8"?><html><body>x</body></html>', "utf-8")
    assert text == "<html><body>x</body></html>"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", DropReason.EMPTY_BODY),
        (b"  \n\t ", DropReason.EMPTY_BODY),
        (b"%PDF-1.7\n%\xe2\xe3", DropReason.BINARY_BODY),
        (b"\x89PNG\r\n\x1a\n\x00\x00", DropReason.BINARY_BODY),
        (bytes(range(256)) * 4, DropReason.BINARY_BODY),
    ],
)
def test_non_text_bodies_are_rejected(body: bytes, reason: DropReason) -> None:
    result = decode_body(body, "utf-8")
    assert isinstance(result, Rejection)
    assert result.reason is reason
