# igfsite: `make site` builds the sample site into output/, `make test` runs the tests.
# Both install the Debian packages they need first (with sudo when not root).

SWIFT ?= swift
RELEASE_BIN := .build/release/igfsite

.PHONY: all deps release site test check check-pages preview-check bench bench-corpus pathological load-test clean

all: site

deps:
	@scripts/install-deps.sh

release: deps
	$(SWIFT) build -c release --product igfsite

site: release
	$(RELEASE_BIN) build

check: release
	$(RELEASE_BIN) check

test: deps
	$(SWIFT) test

# Valid HTML5 (Nu checker), WCAG 2.2 AA (axe-core), links under nginx at /igf/ and from the
# file system, inventories against their JSON Schema, Atom feeds and sitemap.
check-pages: release
	@python=$$(scripts/page-tools.sh) && $$python scripts/check-pages.py $(RELEASE_BIN) .

# Headless Chromium against igfsite serve: a saved edit must show without a manual reload,
# an error must bring the problems overlay and the fix must clear it.
preview-check: release
	@python=$$(scripts/page-tools.sh) && $$python scripts/preview-browser-check.py $(RELEASE_BIN) .

# igfsite against Hugo 0.111 on generated corpora of 1,000, 10,000 and 50,000 documents;
# prints the table and the targets (see BENCHMARKS.md). BENCH_SIZES=1000,10000 and
# BENCH_RUNS=3 shorten it.
bench: release
	@scripts/install-deps.sh hugo cmark-gfm
	python3 bench/bench.py $(RELEASE_BIN)

# The pathological inputs of cmark's test suite at two sizes ten times apart: each time
# must grow about tenfold (linear), never a hundredfold.
pathological: release
	python3 bench/pathological.py $(RELEASE_BIN)

# igfsite serve on the sample site under wrk (64 connections, 30 s, pages and assets) with
# 200 reload subscribers open: no errors, memory flat.
load-test: release
	@scripts/install-deps.sh wrk
	python3 bench/load_test.py $(RELEASE_BIN) .

# The benchmark's corpus as a complete site: make bench-corpus N=10000 OUT=/tmp/corpus
N ?= 10000
bench-corpus:
	@test -n "$(OUT)" || { echo "usage: make bench-corpus N=10000 OUT=DIR" >&2; exit 2; }
	python3 bench/corpus.py -n $(N) --out $(OUT)

clean:
	rm -rf .build
