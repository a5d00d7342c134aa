"""What the extraction side holds in memory: justext's stop-words once, page buffers given back,
babel's locale data not kept, and no worker loading the crawl's main script.

A worker's preload hands justext the stop-words without trafilatura's 14 MB tuple: real
trafilatura and justext on a page of ours that trafilatura sends to justext (its own text is
short), in a fresh interpreter as a worker starts, once with :class:`AllStoplists` (what
``preload`` installs) and once with trafilatura's own tuple of every word. The pool pins
glibc's mmap threshold in the crawl process: page-sized buffers freed after a larger one must
give their memory back (a fresh interpreter with and without the pin, measured from ``/proc``).
A worker drops babel's locale data after each page (the dateline reader keeps the month names it
took from it), and starts without re-running the main script of the process that started it
(``scrapy crawl``'s entry point imports all of Scrapy): a real pool started from a script whose
top level leaves a mark when it runs.
"""

from __future__ import annotations

import json
import os
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


BABEL = """
import json, pickle, sys
from pathlib import Path
import babel.localedata as localedata
from scraper.extraction.article import extract_article
from scraper.extraction.worker_process import drop_library_caches
from tests.helpers import make_page

page = make_page(Path(sys.argv[1]).read_bytes())
first = extract_article(page)
loaded = sorted(localedata._cache)  # babel's own cache: what a worker kept for ever before
drop_library_caches()
kept = sorted(localedata._cache) + sorted(localedata._dict_cache)
second = extract_article(page)
reloaded = sorted(localedata._cache)
french = localedata.load("fr")  # built on the kept root (its patterns compare by identity: pickled)
localedata._cache.clear()
same_french = pickle.dumps(french) == pickle.dumps(localedata.load("fr"))
print(json.dumps({"loaded": loaded, "kept": kept, "reloaded": reloaded, "same": first.to_dict() == second.to_dict(),
                  "text": bool(first.text), "same_french": same_french}))
"""


def test_babels_locale_data_is_dropped_after_a_page_and_the_record_is_unchanged() -> None:
    page = ROOT / "tests" / "data" / "pages" / "de_faktenbox.html"  # a German date: the dateline reads babel's months
    done = subprocess.run([sys.executable, "-c", BABEL, str(page)], capture_output=True, text=True, timeout=120,
                          check=True, cwd=ROOT)  # fmt: skip
    found = json.loads(done.stdout)
    assert "de" in found["loaded"]  # the page really loaded German locale data
    assert found["kept"] == ["root"]  # what every locale inherits stays; German goes
    assert found["reloaded"] == ["root"]  # the next page of the language reads the dateline's memo, not babel
    assert found["same"]
    assert found["text"]
    assert found["same_french"]  # a locale built on the kept root is the one a fresh load builds


OLD_BABEL = """
import json, pickle, sys
from pathlib import Path
import babel.localedata as localedata
from scraper.extraction.article import extract_article
from scraper.extraction.worker_process import drop_library_caches
from tests.helpers import make_page

del localedata.clear_caches  # babel before 2.19 has the cache but not the function
extract_article(make_page(Path(sys.argv[1]).read_bytes()))
loaded = len(localedata._cache)
drop_library_caches()
dropped = sorted(localedata._cache)
del localedata._cache_lock  # a babel with neither: the cache stays, the worker goes on
extract_article(make_page(Path(sys.argv[1]).read_bytes().replace(b'lang="de"', b'lang="fr"')))
drop_library_caches()
print(json.dumps({"loaded": loaded, "dropped": dropped}))
"""


def test_an_older_babel_has_its_cache_dropped_too_and_never_stops_a_worker() -> None:
    page = ROOT / "tests" / "data" / "pages" / "de_faktenbox.html"
    done = subprocess.run([sys.executable, "-c", OLD_BABEL, str(page)], capture_output=True, text=True, timeout=120,
                          check=True, cwd=ROOT)  # fmt: skip
    found = json.loads(done.stdout)
    assert found["loaded"] > 1
    assert found["dropped"] == []  # root too: an older babel writes into the dicts locales share with it
    assert "locale cache not cleared" in done.stderr  # said once, as a warning, not a crash


MAIN_SCRIPT = """
import os, sys
from pathlib import Path
with open(sys.argv[1], "a") as marks:  # unguarded, as in scrapy's console script
    marks.write(f"{os.getpid()}\\n")
if __name__ == "__main__":
    from scraper.extraction.options import ExtractionOptions
    from scraper.extraction.workers import ExtractorPool
    from tests.helpers import make_page
    pool = ExtractorPool(1, ExtractionOptions())
    result = pool.submit(make_page(Path(sys.argv[2]).read_bytes())).result(timeout=120)
    workers = pool.counts["started"]
    pool.close()
    print(type(result).__name__, workers)
"""


def test_a_worker_does_not_run_the_main_script_of_the_process_that_started_it(tmp_path: Path) -> None:
    script, marks = tmp_path / "crawl_entry.py", tmp_path / "marks.txt"
    script.write_text(MAIN_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(script), str(marks), str(PAGE)], capture_output=True, text=True,
                          timeout=180, check=True, cwd=ROOT, env=env)  # fmt: skip
    assert done.stdout.split() == ["Article", "1"]  # a real worker extracted the page
    assert len(marks.read_text().split()) == 1  # the script's top level ran once: in the parent only
