"""What the extraction side holds in memory: justext's stop-words once, page buffers given back.

A worker's preload hands justext the stop-words without trafilatura's 14 MB tuple: real
trafilatura and justext on a page of ours that trafilatura sends to justext (its own text is
short), in a fresh interpreter as a worker starts, once with :class:`AllStoplists` (what
``preload`` installs) and once with trafilatura's own tuple of every word. The pool pins
glibc's mmap threshold in the crawl process: page-sized buffers freed after a larger one must
give their memory back (a fresh interpreter with and without the pin, measured from ``/proc``).
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "tests" / "data" / "pages" / "en_unclosed_h1.html"  # trafilatura runs justext on it

SCRIPT = """
import json, sys
from pathlib import Path
from scraper.extraction.article import AllStoplists, extract_article, preload
from tests.helpers import make_page
import trafilatura.external as external
import justext.core

page = make_page(Path(sys.argv[1]).read_bytes())
preload()
ours = external.JT_STOPLIST
words = justext.core.define_stoplist(ours)  # what justext classifies with
first = extract_article(page)
used = justext.core.define_stoplist.cache_info()
external.JT_STOPLIST = None  # trafilatura builds its own tuple on the next page that needs justext
justext.core.define_stoplist.cache_clear()
second = extract_article(page)
print(json.dumps({
    "installed": type(ours).__name__, "slots": list(type(ours).__slots__),
    "calls_with_ours": used.hits + used.misses, "theirs": type(external.JT_STOPLIST).__name__,
    "same_words": words == justext.core.define_stoplist(external.JT_STOPLIST), "words": len(words),
    "first": first.to_dict(), "second": second.to_dict(),
}))
"""


def test_justext_gets_every_stop_word_from_the_stand_in_and_the_record_is_unchanged() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(PAGE)], capture_output=True, text=True, timeout=120,
                          check=True, cwd=ROOT)  # fmt: skip
    found = json.loads(done.stdout)
    assert found["installed"] == "AllStoplists"
    assert found["slots"] == []  # it holds no words: justext's frozenset is the only copy
    assert found["calls_with_ours"] >= 2  # our lookup, then justext's own on the page: the page used it
    assert found["theirs"] == "tuple"  # the second extraction really ran on trafilatura's own list
    assert found["same_words"]
    assert found["words"] > 100_000  # every language's list, not one
    assert found["first"]["text"]
    assert found["first"] == found["second"]


BUFFERS = """
import sys
from scraper.extraction.workers import pin_mmap_threshold

def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) // 1024

pinned = pin_mmap_threshold() if sys.argv[1] == "pin" else None
big = bytearray(8 << 20)  # one large page: glibc would now raise its threshold to 8 MB
del big
before = rss_mb()
pages, kept = [], []
for _ in range(80):  # 47 MB of page-sized buffers, each with something smaller allocated after it
    pages.append(bytearray(600 << 10))
    kept.append(bytearray(64 << 10))  # still in use when the page is freed, as in a running crawl
peak = rss_mb()
del pages
print(pinned, peak - before, rss_mb() - before)
"""


@pytest.mark.skipif(sys.platform != "linux" or platform.libc_ver()[0] != "glibc", reason="glibc's mallopt only")
def test_page_sized_buffers_freed_after_a_large_one_go_back_to_the_system() -> None:
    def run(mode: str) -> tuple[str, int, int]:
        done = subprocess.run([sys.executable, "-c", BUFFERS, mode], capture_output=True, text=True, timeout=60,
                              check=True, cwd=ROOT)  # fmt: skip
        pinned, peak, after = done.stdout.split()
        return pinned, int(peak), int(after)

    pinned, peak, after = run("pin")
    assert pinned == "True"
    assert peak >= 40  # the buffers were really touched
    assert after <= 8  # ... and given back when freed (the 5 MB still in use stays)
    _, peak, after = run("default")
    assert after >= 40  # without the pin glibc keeps them: the case the pin is for
