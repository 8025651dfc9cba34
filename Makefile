# chiso: `make serve` sets up and serves the app; `make test` sets up and runs every test.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup dataset build serve test lint test-native test-browser bench clean

setup:
	@bash scripts/setup.sh

# Rebuilds static/dataset.json from the tables under data/ (commit the result).
dataset:
	cargo run --quiet --bin build-dataset

# dist/ has relative addresses (any folder of any server); dist-chiso/ is the same app built for
# /chiso/ with absolute ones, which the browser tests serve there too.
build: setup
	trunk build --release --offline
	trunk build --release --offline --public-url /chiso/ --dist dist-chiso

# Serves at http://127.0.0.1:8080 and rebuilds on change.
serve: setup
	trunk serve --release --offline

test: setup lint test-native build test-browser

# Unformatted code or any clippy warning fails the run (native targets, and the wasm-only code
# of the wasm builds).
WASM_BINS := --bin chiso --bin all_views --bin importer --bin brief --bin xlsx --bin docx
lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib $(WASM_BINS) -- -D warnings

test-native:
	cargo test --all-targets

# A step that never ends fails its test (--test-timeout, ms) instead of stalling the run, and a
# file that leaves something open (a server, a browser) does not keep the runner waiting; the
# whole suite takes about 5 minutes, so 40 end it whatever happens.
test-browser:
	timeout --kill-after=30s 10m node tests/e2e/warm_up.mjs
	timeout --kill-after=30s 40m node --test --test-concurrency=1 --test-timeout=180000 --test-force-exit tests/e2e/

# Sizes, load time and interaction latency in headless Chromium (see docs/performance.md).
bench: build
	node scripts/bench.mjs

clean:
	rm -rf dist dist-chiso target/wasm-opt
