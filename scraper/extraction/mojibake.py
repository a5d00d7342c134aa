"""UTF-8 text that was read as Windows-1252 (or Latin-1) before the page was served: "itâ€™s".

A CMS that imports UTF-8 text as Windows-1252 and stores it again as UTF-8 serves pages whose
bytes are valid UTF-8 of the wrong characters (``Investorâ\\x80\\x99s``, ``Earthâ€™s``). Every reader
sees the garbage, and the scorer's tokens split on it. The runs are undone on the body's UTF-8
bytes, where each begins with the UTF-8 of its lead character and is found by a search in C.

Real text makes such runs too: an accented capital before a closing quote ("BEYONCÉ’S" would be
"BEYONCɒS"), a capital Ã before one ("AMANHÔ"). So, review-driven:

- a page is repaired only when it holds an *unmistakable* run: one with a C1 control (which no
  text holds) or one that decodes to punctuation or symbols only (``â€™``, ``â€œ``, emoji);
- a run's lead must be one the usual misreadings make (``Â``/``Ã`` for Latin-1 letters, ``Ä``/``Å``
  for Central European ones, ``Î``/``Ï`` Greek, ``Ð``/``Ñ`` Cyrillic, ``â`` punctuation, ``ð``
  emoji), and it must decode to those scripts, punctuation or common symbols;
- Greek or Cyrillic from a run must not touch a Latin letter ("VIÐ“" is Icelandic, not "VIГ").

A lone C1 control is the Windows-1252 character of its byte ("we\\x92re": "we’re"); one Windows-1252
leaves undefined is kept. Text misread twice is undone twice. ftfy, which does this and more, took
50-120 ms on a page's HTML (2.6 s on 5 MB) and also rewrote mojibake quoted on purpose.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import partial

# Windows-1252's characters for the bytes 0x80-0x9F that it defines.
_CP1252_SPECIAL = {ch: byte for byte in range(0x80, 0xA0) if (ch := bytes([byte]).decode("cp1252", "ignore"))}
# One continuation byte of the original UTF-8 (0x80-0xBF), as the misread character's UTF-8: a
# Latin-1 character U+0080-U+00BF (C2 80-BF), or Windows-1252's character for 0x80-0x9F.
_SPECIAL_BYTES = b"|".join(re.escape(ch.encode()) for ch in _CP1252_SPECIAL)
_CONTINUATION = rb"(?:\xc2[\x80-\xbf]|" + _SPECIAL_BYTES + rb")"
# Leads: Â Ã Ä Å (C2-C5: Latin-1 and Central European letters, symbols), Î Ï (CE CF: Greek), Ð Ñ
# (D0 D1: Cyrillic), then â (E2: punctuation, symbols) and ð (F0: emoji), as their own UTF-8.
_SEQUENCE = (
    rb"\xc3(?:[\x82-\x85\x8e\x8f\x90\x91]" + _CONTINUATION + rb"|\xa2" + _CONTINUATION + rb"{2}|\xb0"
    + _CONTINUATION + rb"{3})"
)  # fmt: skip
# Bounded: a megabyte-long run is decoded in pieces, not at once. Written to open on the literal
# lead byte, which the regex engine then finds by a fast scan: as ``(?:…){1,64}`` it tried the
# pattern at every byte (160 ms on a 5 MB page, 5 ms so).
_RUN = re.compile(_SEQUENCE + rb"(?:" + _SEQUENCE + rb"){0,63}")
# What an unmistakable run begins with: a lead and a C1 control, or the lead of punctuation (â) or
# emoji (ð). A page without one is left alone after one search in C.
_HINT = re.compile(rb"\xc3(?:[\x82-\x85\x8e-\x91]\xc2[\x80-\x9f]|[\xa2\xb0]" + _CONTINUATION + rb")")
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
# What the runs were: Latin-1 and Central European letters, Greek, Russian and Ukrainian Cyrillic,
# punctuation, currency, letter-like symbols, arrows, technical and other symbols, emoji.
_WESTERN = re.compile(
    "[\u00a0-\u017f\u0391-\u03c9\u0400-\u045f\u0490\u0491\u2000-\u206f\u20a0-\u20cf\u2100-\u214f"
    "\u2190-\u23ff\u2460-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]+"
)
# Punctuation, currency and symbols from U+2000 on, emoji: what a misread letter never gives (a
# Latin-1 "©" or no-break space may be an accented capital's neighbour: "MAÂ\xa0").
_SYMBOLS = re.compile(
    "[\u2000-\u206f\u20a0-\u20cf\u2100-\u214f\u2190-\u23ff\u2460-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]+"
)
_NOT_LATIN = re.compile("[\u0370-\u052f]")
_PASSES = 3  # text misread twice or three times ("ItÃ¢â‚¬â„¢s") is undone as often


def repair(body: bytes) -> bytes:
    """The UTF-8 ``body`` with double-encoded runs undone and lone C1 controls read as Windows-1252.

    Valid UTF-8 in, valid UTF-8 out; the same object when there is nothing to repair. Each run is
    decoded once however often it recurs (a page of the same "â€™" a million times).
    """
    body = _references_read(body)
    for _ in range(_PASSES):
        if not _HINT.search(body):
            break
        memo: dict[bytes, str | None] = {}
        if not any(_unmistakable(m.group(0), _decoded(m.group(0), memo)) for m in _RUN.finditer(body)):
            break
        fixed = _RUN.sub(partial(_fitting, body=body, memo=memo), body)
        if fixed == body:
            break
        body = fixed
    return _without_c1(body) if _C1.search(body) else body


# A run of character references that opens with a misreading's lead: "&acirc;&euro;&trade;" for
# "â€™", as a CMS that escapes every non-ASCII character writes the misread text ("&#226;&#128;&#153;").
_LEAD_REFERENCE = (
    rb"&(?:acirc|Atilde|Acirc|Auml|Aring|Icirc|Iuml|ETH|eth|Ntilde"
    rb"|#(?:19[4-9]|20[5-9]|226|240)|#[xX][c-fC-F][0-9a-fA-F]);"
)
_MARKUP_REFERENCE = rb"&(?:lt|gt|amp|quot|apos|#0*(?:34|38|39|60|62)|#[xX]0*(?:22|26|27|3[cCeE]));"  # stay as written
_REFERENCE_RUN = re.compile(
    _LEAD_REFERENCE + rb"(?:(?!" + _MARKUP_REFERENCE + rb")&#?[A-Za-z0-9]{2,8};){1,255}"
)  # names are case-sensitive


def _references_read(body: bytes) -> bytes:
    """Runs of references to what misreadings make, written as the characters, which the parser makes of them.

    Then :func:`repair` reads them as it reads the same characters written as bytes: on a page with
    an unmistakable run, and not otherwise.
    """
    if not _REFERENCE_RUN.search(body):
        return body
    return _REFERENCE_RUN.sub(_reference_run_read, body)


def _reference_run_read(match: re.Match[bytes]) -> bytes:
    written = html.unescape(match.group(0).decode("ascii"))
    if _MARKUP.search(written):  # "&lt;section&gt;" is text about markup: as characters it would be markup
        return match.group(0)
    return written.encode() if _RUN.search(written.encode()) else match.group(0)


_MARKUP = re.compile("[<>&\"']")


def _original(run: bytes) -> str | None:
    """The text the run's characters were in UTF-8, or None when that is no UTF-8 of what gets misread."""
    raw = bytes(ord(ch) if ord(ch) < 0x100 else _CP1252_SPECIAL[ch] for ch in run.decode("utf-8"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if _WESTERN.fullmatch(text) else None


def _decoded(run: bytes, memo: dict[bytes, str | None]) -> str | None:
    """:func:`_original`, once per distinct run."""
    if run not in memo:
        memo[run] = _original(run)
    return memo[run]


def _unmistakable(run: bytes, text: str | None) -> bool:
    """A run no real text makes: it holds a C1 control, or it was punctuation or symbols from U+2000 on."""
    return text is not None and (_C1.search(run) is not None or _SYMBOLS.search(text) is not None)


def _fitting(match: re.Match[bytes], body: bytes, memo: dict[bytes, str | None]) -> bytes:
    run = match.group(0)
    text = _decoded(run, memo)
    if text is None:
        return run
    if _NOT_LATIN.search(text) and (
        _latin(_char_before(body, match.start())) or _latin(_char_after(body, match.end()))
    ):
        return run  # "VIÐ“": a Cyrillic letter inside a Latin word is an Icelandic Ð before a quote
    return text.encode()


def _char_before(body: bytes, at: int) -> str:
    start = at - 1
    while start > 0 and at - start < 4 and 0x80 <= body[start] < 0xC0:
        start -= 1  # back over continuation bytes to the character's first
    return body[max(start, 0) : at].decode("utf-8", "replace") if at > 0 else ""


def _char_after(body: bytes, at: int) -> str:
    end = at + 1
    while end < len(body) and end - at < 4 and 0x80 <= body[end] < 0xC0:
        end += 1
    return body[at:end].decode("utf-8", "replace")


def _latin(char: str) -> bool:
    """A Latin letter (ASCII, or accented)."""
    return len(char) == 1 and char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


# Each defined C1 control (C2 80-9F) as its Windows-1252 character in UTF-8; undefined ones are kept.
_C1_AS_CP1252 = {
    bytes([0xC2, byte]): bytes([byte]).decode("cp1252").encode()
    for byte in range(0x80, 0xA0)
    if bytes([byte]).decode("cp1252", "ignore")
}


# Up to this many C1 controls possible (the count of their first byte), they are replaced in one pass with a
# callback each; beyond it, each control the page holds is replaced in C, one pass per kind of control.
_CALLBACK_LIMIT = 20_000


def _without_c1(body: bytes) -> bytes:
    """Lone C1 controls as Windows-1252's characters: one pass, or one in C per kind present.

    Asking for each of the 27 defined controls in turn scanned a 5 MB page 27 times and copied it
    once for each one present (170 ms); a page of millions of controls must not cost a callback each.
    """
    if body.count(b"\xc2") <= _CALLBACK_LIMIT:
        return _C1.sub(_as_cp1252, body)
    for control in _present(body):
        body = body.replace(control, _C1_AS_CP1252[control])
    return body


def _as_cp1252(match: re.Match[bytes]) -> bytes:
    control = match.group(0)
    return _C1_AS_CP1252.get(control, control)


def _present(body: bytes) -> set[bytes]:
    """The defined C1 controls the body holds: one search per kind found, and one more.

    Each search goes on from the last match: no kind still missing occurs before it.
    """
    found: set[bytes] = set()
    at = 0
    while rest := bytes(control[1] for control in _C1_AS_CP1252 if control not in found):
        match = re.compile(b"\xc2[" + re.escape(rest) + b"]").search(body, at)
        if match is None:
            break
        found.add(match.group(0))
        at = match.end()
    return found
