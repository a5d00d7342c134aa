# Two commands for users: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus
CORPUS_WCXB ?= ../shared/corpus-wcxb
EVAL ?= ../shared/eval

.PHONY: demo test check lint typecheck bench-quality bench-crawl bench-archive bench-cluster install redis-server clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## redis-server: the Debian package the cluster tests and bench-cluster run; installed only when
## missing and only as root (CI); elsewhere (or when apt-get fails) the cluster tests skip and say why
redis-server:
	@command -v redis-server >/dev/null 2>&1 && exit 0; \
	if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
		echo "redis-server not installed (not root, or no apt-get): tests/test_cluster.py will skip" >&2; exit 0; fi; \
	export DEBIAN_FRONTEND=noninteractive; \
	(apt-get update -qq && apt-get install -y -qq redis-server >/dev/null) \
		|| echo "redis-server: apt-get failed (above): tests/test_cluster.py will skip" >&2

## demo: serve the embedded demo news site on 127.0.0.1, crawl it, show a cleaned record
demo: $(STAMP)
	$(BIN)/python -m scraper.demo

## test: lint, format check, type check and the whole test suite (what CI runs)
test: $(STAMP) redis-server lint typecheck
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

## bench-quality: ours vs plain trafilatura on ../shared/corpus and ../shared/corpus-wcxb, scored side by side,
## with page kinds, snippets, time per page, a SUMMARY line per corpus and the cleaning ablation report
bench-quality: $(STAMP)
	$(BIN)/python -m tests.benchmarks.bench_quality --corpus $(CORPUS) --corpus $(CORPUS_WCXB) --eval $(EVAL) --out .bench/quality

## bench-crawl: pages/s, CPU ms/page and peak RSS of a crawl, ours beside bare Scrapy and Scrapy + trafilatura
## (medians of 3 interleaved runs; PAGES=2000 serves the corpus repeatedly for a long-crawl memory check)
bench-crawl: $(STAMP)
	$(BIN)/python -m tests.benchmarks.bench_crawl --site $(CORPUS)/pages $(if $(PAGES),--pages $(PAGES))

## bench-archive: scraper extract on a 2,000-record WARC of the corpus pages, 1 and all workers, beside a plain
## trafilatura loop over the same payloads: pages/s, CPU ms/page, RSS
bench-archive: $(STAMP)
	$(BIN)/python -m tests.benchmarks.bench_archive --corpus $(CORPUS)

## bench-cluster: pages/s of 1, 2 and 3 Redis workers beside the single-process crawl, Redis bytes per URL
bench-cluster: $(STAMP) redis-server
	$(BIN)/python -m tests.benchmarks.bench_cluster --site $(CORPUS)/pages

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .bench
