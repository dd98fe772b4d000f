# `make serve` builds the wasm and serves the page; `make test` runs every test.
# Both first install whatever is missing (scripts/setup.sh).
SHELL := /bin/bash
PORT ?= 8000
# binaryen's wasm-opt from npm (Debian's is too old and writes wasm that fails to load).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup build serve test test-native test-browser test-e2e bench bench-features

setup:
	@bash scripts/setup.sh

build: setup
	wasm-pack build --release --target web --out-dir pkg --out-name zhibiao
	cargo run --quiet --bin fallback -- target/fallback
	node scripts/assemble.mjs

serve: build
	@echo "zhibiao: serving http://127.0.0.1:$(PORT)/ (the page), /embed-nev-en.html or /embed.html?chart=nev&lang=en (iframe embed)"
	python3 -m http.server --bind 127.0.0.1 --directory dist $(PORT)

test: setup test-native test-browser test-e2e

test-native:
	cargo test --all-targets

test-browser:
	wasm-pack test --headless --chrome -- --test web
	wasm-pack test --headless --firefox -- --test web

test-e2e: build
	node --test tests/e2e/*.test.mjs

# The benchmark against ECharts, Chart.js and uPlot (not part of `make test`). LOADS=n to change.
bench: build
	@command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	node bench/run.mjs

# What each feature of the widget costs in shipped bytes (rebuilds a copy without it; not part of `make test`).
bench-features: build
	node bench/features.mjs
