# igfsite: `make site` builds the sample site into output/, `make test` runs the tests.
# Both install the Debian packages they need first (with sudo when not root).

SWIFT ?= swift
RELEASE_BIN := .build/release/igfsite

.PHONY: all deps release site test check clean

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

clean:
	rm -rf .build
