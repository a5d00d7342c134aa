"""The start of a response's text without decoding the whole body, where the encoding allows it.

Scrapy decodes a whole HTML response (``response.text``) for things that read only its top:
``MetaRefreshMiddleware`` and ``get_base_url`` look at the first 4,096 characters, and the spider's
head verdict (``spiders/verdict.py``) at the text before ``<body``. The decoded text of a page is
then dropped unread: the ``Page`` item carries the body's bytes to an extraction worker, which
decodes it on its own terms. Decoding costs the crawl process about 0.4 ms a page of the news
corpus (338 kB on average, pages above 128 kB each a fresh mapping: see ``pin_mmap_threshold``).

Here the same text comes from the bytes it is made of. That is exact only for encodings in which
every character ends where an ASCII byte starts and decodes the same whatever follows: UTF-8 and
the single-byte ASCII supersets (:data:`PREFIX_SAFE`). A cut through UTF-8 can split at most one
character, the last, so a decoded prefix is the whole text's prefix but for its last character.
For any other encoding (UTF-16, Shift_JIS, GB18030, ...), for a body whose encoding Scrapy had to
infer (which decodes it whole anyway) and once the text is decoded, the functions read
``response.text`` as Scrapy does. ``tests/test_spiders_head_bytes.py`` holds them to Scrapy's results.
"""

from __future__ import annotations

import codecs
import re
from weakref import WeakKeyDictionary

from scrapy.http import TextResponse
from w3lib import html
from w3lib.encoding import html_to_unicode, read_bom, resolve_encoding

SCAN_CHARS = 4096  # what Scrapy's get_base_url and get_meta_refresh read: response.text[0:4096]
MAX_CHAR_BYTES = 4  # a UTF-8 character is at most 4 bytes
BOM_BYTES = 4  # a byte order mark, which html_to_unicode strips before decoding

# Encodings (codecs' canonical names) whose decoding of a prefix is the prefix of the whole decoding.
PREFIX_SAFE = frozenset(
    {"utf-8", "ascii", "latin-1", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic"}
    | {f"cp125{n}" for n in range(9)}
    | {f"iso8859-{n}" for n in (*range(1, 12), *range(13, 17))}
)

BODY_START = re.compile(r"<body[\s/>]", re.IGNORECASE)  # the cut of the head verdict, in text
_BODY_WORD = re.compile(rb"<body", re.IGNORECASE)  # its ASCII part, in bytes: b, o, d, y fold only to ASCII
_BODY_END = re.compile(r"[\s/>]")  # what may follow it, tested on the decoded character


def _safe_encoding(response: TextResponse) -> str | None:
    """The response's encoding when its bytes can be decoded in part, else None (use the text)."""
    declared = response.encoding  # declared (header, BOM, <meta>), or inferred by decoding the body whole
    if response._cached_ubody is not None:  # decoded already (inferred): slicing it is cheaper and exact
        return None
    # What html_to_unicode decodes with: a byte order mark wins over any declaration (a response
    # made with ``encoding=`` declares that first), and names are translated (latin-1 is cp1252).
    encoding = read_bom(response.body[:BOM_BYTES])[0] or resolve_encoding(declared)
    if encoding is None:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    return name if name in PREFIX_SAFE else None


def _decode(response: TextResponse, encoding: str, end: int) -> str:
    """``body[:end]`` decoded as ``response.text`` decodes the body (its byte order mark dropped)."""
    return html_to_unicode(f"charset={encoding}", response.body[:end])[1]


def text_prefix(response: TextResponse, chars: int) -> str:
    """``response.text[:chars]``, decoding no more of the body than those characters can take."""
    encoding = _safe_encoding(response)
    if encoding is None:
        return response.text[:chars]
    width = MAX_CHAR_BYTES if encoding == "utf-8" else 1
    end = chars * width + BOM_BYTES + MAX_CHAR_BYTES  # room for the BOM and one split character past the end
    return _decode(response, encoding, end)[:chars]  # a shorter body is decoded whole, as the text would be


# The first 4,096 characters and the base URL of each response alive, as Scrapy caches its own:
# the meta refresh, the head verdict and the canonical URL read them (4 decodes of 16 kB a page).
_SCANNED: WeakKeyDictionary[TextResponse, str] = WeakKeyDictionary()
_BASE_URLS: WeakKeyDictionary[TextResponse, str] = WeakKeyDictionary()


def _scanned(response: TextResponse) -> str:
    if (text := _SCANNED.get(response)) is None:
        text = _SCANNED[response] = text_prefix(response, SCAN_CHARS)
    return text


def base_url(response: TextResponse) -> str:
    """What ``scrapy.utils.response.get_base_url`` returns, read from the first 4,096 characters."""
    if (url := _BASE_URLS.get(response)) is None:
        url = _BASE_URLS[response] = html.get_base_url(_scanned(response), response.url, response.encoding)
    return url


def meta_refresh(response: TextResponse, ignore_tags: list[str]) -> tuple[None, None] | tuple[float, str]:
    """What ``scrapy.utils.response.get_meta_refresh`` returns, read from the first 4,096 characters."""
    return html.get_meta_refresh(_scanned(response), base_url(response), response.encoding, ignore_tags=ignore_tags)


def head_cut(response: TextResponse) -> tuple[str, str | bytes] | None:
    """The text before the first ``<body`` tag (``BODY_START`` in ``response.text``) and the rest.

    The rest is the text after the cut, or the bytes after it when the head was decoded alone
    (ASCII words are found in either: in these encodings an ASCII byte is always that character).
    None when the page has no ``<body`` tag.
    """
    encoding = _safe_encoding(response)
    if encoding is None:
        text = response.text
        start = BODY_START.search(text)
        return (text[: start.start()], text[start.start() :]) if start else None
    body = response.body
    for word in _BODY_WORD.finditer(body):
        # The character after the word decides, as the text's regex sees it (a no-break space counts).
        following = _decode_at(body, word.end(), encoding)
        if following and _BODY_END.match(following):
            return _decode(response, encoding, word.start()), body[word.start() :]
    return None


def _decode_at(body: bytes, start: int, encoding: str) -> str:
    """The character that starts at ``body[start]`` (after an ASCII byte), or "" at the end."""
    return body[start : start + MAX_CHAR_BYTES].decode(encoding, errors="replace")[:1]
