"""Bytes -> text for HTML bodies, with a clear reason when the bytes are not text.

Servers lie about charsets: a header that says UTF-8 over latin-1 bytes, or the reverse. The
order of trust:

1. a byte-order mark (UTF-8/16/32), which no legacy page carries by accident; then a declared
   UTF-16/32 when the bytes really are wide (NULs), else such a declaration is read as UTF-8;
2. strict UTF-8: non-ASCII bytes that decode as UTF-8 are UTF-8, whatever the header says
   (legacy text almost never does);
3. UTF-8 with a few bad bytes (a torn multi-byte character, one cp1252 quote pasted into a UTF-8
   page): still UTF-8, the bad bytes replaced, rather than the whole page read as cp1252
   mojibake; against a declared single-byte charset only by a wide margin;
4. the declared charset: the server's (``Content-Type``, passed by the spider) or else the
   page's own ``<meta charset>`` (latin-1 read as Windows-1252, as browsers do); a multi-byte
   one (gb2312, shift_jis) that the bytes break gives way to step 3 first;
5. Windows-1252, which decodes any byte; when nothing declared a charset and that reading is
   mostly non-ASCII letters (a Cyrillic or CJK page without a declaration), charset_normalizer's
   guess instead.

UTF-8 text that was read as Windows-1252 before it was served ("itâ€™s") is repaired
(:mod:`~scraper.extraction.mojibake`). C0 control characters other than tab and line breaks are
removed from the text: no page shows
them, and libxml2 refuses them in the strings it is handed later (a ``ValueError`` on a page
that is otherwise fine). Bodies that are empty or look binary are rejected before any parser.
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass

import charset_normalizer
from lxml import etree
from lxml import html as lxml_html
from w3lib.encoding import html_body_declared_encoding, read_bom

from scraper.extraction import mojibake
from scraper.items import DropReason, Rejection

_SNIFF = 4096  # bytes looked at to decide whether a body is binary
# Labels that browsers read as Windows-1252 (WHATWG Encoding): its 0x80-0x9F are quotes and dashes.
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
# Single-byte charsets: their text has next to no byte runs that are also valid UTF-8.
_SINGLE_BYTE = ("cp125", "iso8859", "latin", "koi8", "mac-", "cp437", "cp850")


@dataclass(slots=True, frozen=True)
class Decoded:
    """A body's text and, when the body already is that text in clean UTF-8, the body itself.

    Most pages are UTF-8 as served: lxml then parses the bytes as they are (about a sixth
    faster than handing it a Python string, which it re-encodes first), and the text needs no
    scan for control characters, since the bytes had none.
    """

    text: str
    utf8: bytes | None = None


def decode_body(body: bytes, encoding: str | None) -> str | Rejection:
    """The body as text, or why it cannot be an HTML page."""
    decoded = decode_page(body, encoding)
    return decoded if isinstance(decoded, Rejection) else decoded.text


def decode_page(body: bytes, encoding: str | None) -> Decoded | Rejection:
    """:func:`decode_body`, keeping the body for the parser when it is the text in clean UTF-8."""
    if not body.strip():
        return Rejection(DropReason.EMPTY_BODY, "no bytes")
    bom_encoding, bom = read_bom(body)
    if bom_encoding is None and looks_binary(body[:_SNIFF], _lookup(encoding)):
        return Rejection(DropReason.BINARY_BODY, "control bytes in the first 4 KiB")
    text, strict_utf8 = _decode(body, bom_encoding, bom, encoding)
    if strict_utf8 and (repaired := mojibake.repair(body)) is not body:
        body, text = repaired, repaired.decode("utf-8")
    elif bom_encoding == "utf-8" and bom and (repaired := mojibake.repair(rest := body[len(bom) :])) is not rest:
        text = repaired.decode("utf-8", errors="replace")  # a BOM, as IIS sites that double-encode write
    if strict_utf8 and _XML_DECLARATION.match(text) is None and _clean_bytes(body, text):
        return Decoded(text, body)  # nothing to take out: these bytes are the text
    return Decoded(_CONTROL.sub("", _XML_DECLARATION.sub("", text, count=1)))


# The bytes that are, in UTF-8, the one-byte characters ``_CONTROL`` removes (C0 controls but
# tab, LF and CR; DEL), each looked for with ``in`` (a vectorised ``memchr`` in C).
_CONTROL_ONE_BYTE = (*(bytes([b]) for b in range(0x20) if b not in (0x09, 0x0A, 0x0D)), b"\x7f")


def _clean_bytes(body: bytes, text: str) -> bool:
    """No character of ``text``, ``body`` read as strict UTF-8, is one ``_CONTROL`` removes.

    Strict UTF-8 has no surrogates: the C0 controls and DEL are looked for in the bytes, U+FFFE
    and U+FFFF in the text, where CPython answers at once for a text whose characters are all
    narrower (every ASCII or Latin-1 page). As 3-byte sequences in the bytes, each of those two
    took a substring search of the whole body, 0.2 ms on a 320 kB page: 0.51 -> 0.14 ms a page.
    """
    return "\ufffe" not in text and "\uffff" not in text and all(byte not in body for byte in _CONTROL_ONE_BYTE)


def _decode(body: bytes, bom_encoding: str | None, bom: bytes | None, encoding: str | None) -> tuple[str, bool]:
    if bom_encoding is not None and bom is not None:
        return body[len(bom) :].decode(bom_encoding, errors="replace"), False
    declared = _lookup(encoding) or _lookup(html_body_declared_encoding(body))
    declared = _WHATWG_ALIASES.get(declared or "", declared)
    if declared and declared.startswith(("utf-16", "utf-32")):
        if b"\x00" in body[:_SNIFF]:
            return body.decode(declared, errors="replace"), False  # really wide text, without a BOM
        declared = "utf-8"  # what browsers do with a <meta> that says utf-16 over 8-bit bytes
    try:
        return body.decode("utf-8"), True  # the bytes are the text: strict UTF-8, no BOM
    except UnicodeDecodeError:
        pass
    if declared in (None, "utf-8") and _mostly_utf8(body):
        return body.decode("utf-8", errors="replace"), False
    if declared and declared.startswith(_SINGLE_BYTE) and _mostly_utf8(body, margin=4):
        # Scrapy infers cp1252 for a UTF-8 page that fails strict decoding by one byte; a page
        # really in cp1252 with some UTF-8 in its template has far fewer good characters.
        return body.decode("utf-8", errors="replace"), False
    if declared and declared != "utf-8":
        try:
            return body.decode(declared), False
        except (UnicodeError, LookupError):
            pass  # not what it says it is, or not a text codec at all (rot13, base64, idna)
        if _mostly_utf8(body):
            return body.decode("utf-8", errors="replace"), False  # a UTF-8 page whose <meta> says gb2312
        try:
            return body.decode(declared, errors="replace"), False
        except (UnicodeError, LookupError):
            pass  # punycode and idna raise even with errors="replace"
    text = body.decode("cp1252", errors="replace")
    if declared is None and _misread(text):
        return _detected(body) or text, False
    return text, False


def _misread(text: str) -> bool:
    """Most letters are non-ASCII in a cp1252 reading: Cyrillic or CJK bytes, not a Western page.

    A French or German page has a few per cent of accented letters; a windows-1251 or Shift_JIS
    page read as cp1252 is nearly all "Ñîâåò".
    """
    sample = text[:20000]
    letters = sum(1 for ch in sample if ch.isalpha())
    return letters > 50 and sum(1 for ch in sample if ch.isalpha() and ord(ch) > 0x7F) > 0.3 * letters


def _detected(body: bytes) -> str | None:
    """The body in the charset charset_normalizer finds most likely, for undeclared legacy pages.

    Only reached when nothing declares a charset and the bytes are not UTF-8: rare, so its cost
    (milliseconds on the first 64 KiB) is paid only there.
    """
    best = charset_normalizer.from_bytes(body[:65536]).best()
    if best is None or best.encoding is None:
        return None
    try:
        return body.decode(best.encoding, errors="replace")
    except (UnicodeError, LookupError):
        return None


def _mostly_utf8(body: bytes, margin: int = 1) -> bool:
    """Characters in valid UTF-8 sequences outnumber the bad bytes: a UTF-8 page with a few flaws.

    A legacy (cp1252, latin-1) page has almost no byte runs that happen to be valid UTF-8 (an
    accented letter is one byte, followed by ASCII), so nearly every non-ASCII byte of it is a
    bad one. ``margin`` is how many good characters each bad byte must be outweighed by.
    """
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad  # non-ASCII characters decoded
    return good >= 2 * margin and good >= margin * bad


def _lookup(encoding: str | None) -> str | None:
    """The codec's canonical name, or None for a name no codec answers to."""
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except (LookupError, ValueError):  # unknown, or not even a name ("utf-8\x00")
        return None


# lxml refuses str input that still declares a byte encoding (XHTML served with <?xml ...?>).
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# C0 controls but tab, LF and CR, DEL, lone surrogates, U+FFFE/FFFF: never shown, refused by libxml2.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def strip_control(text: str) -> str:
    """``text`` without C0 controls (but tab and line breaks) and lone surrogates.

    For strings that did not come through :func:`decode_body`: JSON-LD escapes such as
    ``\\u0001`` or ``\\ud800`` decode to them, and a lone surrogate cannot even be written as UTF-8.
    """
    return _CONTROL.sub("", text)


_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32))  # C0 controls but tab, LF, VT, FF and CR


def looks_binary(head: bytes, declared: str | None = None) -> bool:
    """A known binary signature, or many C0 control bytes: an image, archive or PDF served as text/html.

    Judged by proportion, NUL included: a page with a stray NUL or form feed in its title or text
    is a page (the control characters are removed after decoding), not a binary file. Text
    declared as UTF-16/32 is judged after decoding instead: its ASCII characters carry NULs.
    """
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    if declared and declared.startswith(("utf-16", "utf-32")):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # counted in C, not byte by byte
    return controls > len(head) * 0.05


def _element_classes() -> etree.ElementNamespaceClassLookup:
    """lxml.html's element classes, chosen in C rather than by a Python callback.

    ``lxml.html``'s parser picks each element's class in a Python method, called every time a
    Python object is made for an element: some 8,000 times a page across our walks and
    trafilatura's, about 3 ms. A namespace lookup with the same classes (``FormElement`` for
    ``<form>`` and so on, ``HtmlElement`` for the rest, lxml.html's comment, PI and entity
    classes) gives the same objects from C.
    """
    lookup = etree.ElementNamespaceClassLookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    unqualified = lookup.get_namespace(None)
    unqualified["form"] = lxml_html.FormElement
    unqualified["input"] = lxml_html.InputElement
    unqualified["select"] = lxml_html.SelectElement
    unqualified["textarea"] = lxml_html.TextareaElement
    unqualified["label"] = lxml_html.LabelElement
    return lookup


_PARSERS = threading.local()  # an lxml parser must not be used by two threads at once


def _parser(encoding: str | None = None) -> lxml_html.HTMLParser:
    """This thread's lxml.html parser (same options), with the lookup above; one per input encoding."""
    name = f"parser_{encoding}"
    parser: lxml_html.HTMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = lxml_html.HTMLParser(encoding=encoding)
        parser.set_element_class_lookup(_element_classes())
        setattr(_PARSERS, name, parser)
    return parser


def parse_html(text: str) -> lxml_html.HtmlElement:
    """``lxml.html.document_fromstring`` of decoded text (same tree, same classes), faster to walk.

    Raises what it raises: ``etree.ParserError`` for an empty document, ``ValueError`` for text
    libxml2 refuses.
    """
    return adopt_stray_roots(lxml_html.document_fromstring(text, parser=_parser()))


def adopt_stray_roots(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """Content after ``</html>`` moved into the body, where a browser shows it.

    Some templates close the document after the header and print the article after it. A
    browser's parser reads anything after ``</body>``/``</html>`` as more body; libxml2 makes it a
    second top-level element beside the root, which a walk of the root (trafilatura's, ours)
    never reaches, so the page's story was lost and its menu taken for it. A second document
    pasted after the first (one with a ``<head>`` of its own: a doubled response, another page)
    is not this page's and is left out, like its title and meta.
    """
    strays = [sibling for sibling in root.itersiblings() if isinstance(sibling.tag, str)]
    if not strays:
        return root
    body = root.find("body")
    if body is None:
        body = lxml_html.Element("body")
        root.append(body)
    for stray in strays:
        if stray.tag != "html":
            _append(body, None, [stray])
        elif stray.find("head") is None:
            _append(body, stray.text, [])
            for part in stray:
                if part.tag == "body":
                    _append(body, part.text, list(part))
                elif isinstance(part.tag, str):
                    _append(body, None, [part])
                else:  # a comment or instruction: not shown, but the text after it is
                    _append(body, part.tail, [])
        stray.clear()  # an empty shell: ``//title`` must not find a pasted document's
    return root


def _append(body: lxml_html.HtmlElement, text: str | None, elements: list[lxml_html.HtmlElement]) -> None:
    """Loose ``text``, then ``elements``, at the end of ``body``, in that order."""
    if text and text.strip():
        if len(body):
            body[-1].tail = (body[-1].tail or "") + text
        else:
            body.text = (body.text or "") + text
    body.extend(elements)


def parse_page(decoded: Decoded) -> lxml_html.HtmlElement:
    """:func:`parse_html` of the decoded text, from the body's own bytes when they are its UTF-8.

    The same tree either way (a ``<meta charset>`` in the bytes cannot override the parser's
    UTF-8); only the document's ``docinfo.encoding`` differs, which nothing reads.
    """
    if decoded.utf8 is None:
        return parse_html(decoded.text)
    return adopt_stray_roots(lxml_html.document_fromstring(decoded.utf8, parser=_parser("utf-8")))
