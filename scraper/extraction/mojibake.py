"""UTF-8 text that was read as Windows-1252 (or Latin-1) before the page was served: "itâ€™s".

A CMS that imports UTF-8 text as Windows-1252 and stores it again as UTF-8 serves pages whose
bytes are valid UTF-8 of the wrong characters (``Investorâ\\x80\\x99s``, ``Earthâ€™s``). Every reader
sees the garbage, and the scorer's tokens split on it. Each such run is undone where reading its
characters back as Windows-1252 (Latin-1 for the C1 controls it leaves undefined) gives valid
UTF-8; a C1 control on its own is the Windows-1252 character it stands for ("we\\x92re": "we’re").

A run is taken only on a page that has an unmistakable one, holding a C1 control or Windows-1252's
punctuation from its bytes 0x80-0x9F: "Ã©" alone reads the same in text that means it (an article
quoting mojibake), and is left alone there. The work is done on the body's UTF-8 bytes, where each
run begins with the byte 0xC3 (its lead character is one of U+00C2-U+00F4) and is found by a search
for that byte in C: 0.3 ms a page, where ftfy, which does this and more, took 50-120 ms on a page's
HTML (2.6 s on 5 MB) and also rewrote the quoted mojibake.
"""

from __future__ import annotations

import re

# Windows-1252's characters for the bytes 0x80-0x9F that it defines.
_CP1252_SPECIAL = {ch: byte for byte in range(0x80, 0xA0) if (ch := bytes([byte]).decode("cp1252", "ignore"))}
# One continuation byte of the original UTF-8 (0x80-0xBF), as the misread character's UTF-8: a
# Latin-1 character U+0080-U+00BF (C2 80-BF), or Windows-1252's character for 0x80-0x9F.
_SPECIAL_BYTES = b"|".join(re.escape(ch.encode()) for ch in _CP1252_SPECIAL)
_CONTINUATION = rb"(?:\xc2[\x80-\xbf]|" + _SPECIAL_BYTES + rb")"
# A lead character U+00C2-U+00F4 (C3 82-B4) and the continuation characters its sequence needs.
_SEQUENCE = (
    rb"\xc3(?:[\x82-\x9f]" + _CONTINUATION + rb"|[\xa0-\xaf]" + _CONTINUATION + rb"{2}|[\xb0-\xb4]"
    + _CONTINUATION + rb"{3})"
)  # fmt: skip
_RUN = re.compile(_SEQUENCE + rb"(?:" + _SEQUENCE + rb")*")  # a literal first byte: searched for in C
_UNMISTAKABLE = re.compile(rb"\xc2[\x80-\x9f]|" + _SPECIAL_BYTES)
_C1 = re.compile(rb"\xc2[\x80-\x9f]")  # a C1 control, U+0080-U+009F


def repair(body: bytes) -> bytes:
    """The UTF-8 ``body`` with double-encoded runs undone and lone C1 controls read as Windows-1252.

    Valid UTF-8 in, valid UTF-8 out; the same object when there is nothing to repair.
    """
    runs = [(match, _original(match.group(0))) for match in _RUN.finditer(body)]
    if any(fixed is not None and _UNMISTAKABLE.search(match.group(0)) for match, fixed in runs):
        parts: list[bytes] = []
        end = 0
        for match, fixed in runs:
            if fixed is not None:
                parts += [body[end : match.start()], fixed]
                end = match.end()
        parts.append(body[end:])
        body = b"".join(parts)
    return _C1.sub(_as_cp1252, body) if _C1.search(body) else body


def _original(run: bytes) -> bytes | None:
    """The UTF-8 the run's characters were, read back as bytes; None when that is no UTF-8 of the text
    that gets misread this way (see ``_WESTERN``)."""
    raw = bytes(ord(ch) if ord(ch) < 0x100 else _CP1252_SPECIAL[ch] for ch in run.decode("utf-8"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return raw if _WESTERN.fullmatch(text) else None


# What double-encoded runs were: Latin letters, Greek, Cyrillic, punctuation, currency and other
# symbols, emoji. A real "é", a no-break space and a dash ("těžké\xa0– s") read as one would be the
# CJK character 頖; accented letters, spaces and quotes in real text make such runs, and they decode
# to scripts a Western page that was misread this way does not hold.
_WESTERN = re.compile("[\u0080-\u02ff\u0370-\u052f\u2000-\u2bff\ufe0f\U0001f000-\U0001faff]+")


def _as_cp1252(match: re.Match[bytes]) -> bytes:
    """A C1 control as the character Windows-1252 has at its byte; one it leaves undefined goes."""
    return bytes([match.group(0)[1]]).decode("cp1252", errors="ignore").encode()
