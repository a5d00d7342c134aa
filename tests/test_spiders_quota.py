"""Article slots per source and per run (``spiders/quota.py``), without a crawl.

The crawl tests (``tests/test_crawl.py``) check the same through a real ``scrapy crawl``; here
the bookkeeping's edge cases: a refused request freeing its slot from inside the scheduler, a
spent source's backlog dropped, the run-wide limit shared by the sources.
"""

from __future__ import annotations

import pickle
from collections import Counter

from scrapy import Request, Spider

from spiders.quota import CANDIDATE, SLOT, ArticleQuota


def make_quota(run: int, sources: dict[str, int]) -> tuple[ArticleQuota, list[Request], Counter[str]]:
    sent: list[Request] = []
    counts: Counter[str] = Counter()

    def count(key: str, n: int) -> None:
        counts[key] += n

    return ArticleQuota(run, sources, sent.append, count), sent, counts


def req(n: int) -> Request:
    return Request(f"https://a.example/{n}")


def test_without_limits_every_request_passes_untouched() -> None:
    quota, _, _ = make_quota(0, {})
    request = req(1)
    assert quota.admit(request, "a")
    assert SLOT not in request.meta


def test_a_freed_slot_sends_the_next_waiting_request_and_a_written_one_keeps_it() -> None:
    quota, sent, counts = make_quota(0, {"a": 2})
    first, second, third, fourth = (req(n) for n in range(4))
    assert quota.admit(first, "a")
    assert quota.admit(second, "a")
    assert not quota.admit(third, "a")
    assert not quota.admit(fourth, "a")
    quota.release(first.meta)  # a listing, a 404, a duplicate
    assert sent == [third]
    quota.record_written(second.meta, "a")
    quota.record_written(third.meta, "a")
    assert sent == [third]  # two written: the source is spent
    assert counts["news/quota/never_fetched"] == 1
    assert not quota.backlog


def test_sources_have_their_own_slots_under_the_shared_run_limit() -> None:
    quota, sent, _ = make_quota(3, {"a": 1})
    a1, a2, b1, b2, b3 = (req(n) for n in range(5))
    assert quota.admit(a1, "a")
    assert not quota.admit(a2, "a")
    assert quota.admit(b1, "b")
    assert quota.admit(b2, "b")
    assert not quota.admit(b3, "b")  # the run's three slots are taken
    quota.release(a1.meta)
    assert sent == [a2]  # "a" waited first
    quota.release(b1.meta)
    assert sent == [a2, b3]


def test_a_request_the_scheduler_refuses_frees_its_slot_without_recursion() -> None:
    sent: list[Request] = []

    def schedule(request: Request) -> None:  # every request is a duplicate: refused at once
        sent.append(request)
        quota.release(request.meta)

    quota = ArticleQuota(0, {"a": 1}, schedule, lambda key, n: None)
    first = req(0)
    assert quota.admit(first, "a")
    for n in range(1, 5001):
        quota.admit(req(n), "a")
    quota.release(first.meta)
    assert len(sent) == 5000  # all tried, one after another, no RecursionError
    assert quota.in_flight["a"] == 0


def test_an_idle_reset_frees_leaked_slots() -> None:
    quota, sent, _ = make_quota(0, {"a": 1})
    assert quota.admit(req(0), "a")
    assert not quota.admit(req(1), "a")
    quota.reset_in_flight()
    assert quota.drain() == 1
    assert len(sent) == 1


def test_under_the_run_limit_one_source_holds_at_most_its_share_in_flight() -> None:
    quota = ArticleQuota(20, {}, lambda request: None, lambda key, n: None, share=3)
    flood = [req(n) for n in range(10)]
    assert [quota.admit(r, "flood") for r in flood] == [True] * 3 + [False] * 7
    assert quota.admit(req(100), "small")  # the run's other 17 slots are still free


def test_freed_slots_go_round_the_sources_in_turn() -> None:
    quota, sent, _ = make_quota(3, {})
    held = {source: [req(10 * i + n) for n in range(3)] for i, source in enumerate(("a", "b"))}
    running = [req(90 + n) for n in range(3)]
    for request in running:
        assert quota.admit(request, "c")
    for source, requests in held.items():
        for request in requests:
            assert not quota.admit(request, source)
    for request in running:
        quota.release(request.meta)
    assert [r.url for r in sent] == [held["a"][0].url, held["b"][0].url, held["a"][1].url]


class _Spider(Spider):
    name = "quota-test"

    def parse_page(self, response: object) -> None:
        pass


def test_a_paused_job_keeps_its_counts_and_waiting_requests() -> None:
    spider = _Spider()
    quota, _, _ = make_quota(0, {"a": 2})
    first, second, waiting = (
        Request(f"https://a.example/{n}", callback=spider.parse_page, meta={CANDIDATE: "a"}) for n in range(3)
    )
    assert quota.admit(first, "a")
    assert quota.admit(second, "a")
    assert not quota.admit(waiting, "a")
    quota.record_written(first.meta, "a")
    state: dict[str, object] = {}
    quota.save(state, spider)
    resumed, sent, _ = make_quota(0, {"a": 2})
    resumed.restore(pickle.loads(pickle.dumps(state)), spider)  # as Scrapy keeps it in JOBDIR
    assert resumed.written["a"] == 1
    assert resumed.in_flight["a"] == 1  # `second`, waiting in the job's own queue
    assert sent == []
    resumed.release({SLOT: "a"})  # `second` ends without a record: the saved request goes out
    assert [r.url for r in sent] == [waiting.url]
    assert sent[0].callback == spider.parse_page
