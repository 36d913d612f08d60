# zhupi: one entry point for building, testing and benchmarking.
#
#   make test    every test (formatting, lints, unit, suites, gold gate, properties, CLI)
#   make eval    the development-set scores
#   make bench   the native throughput benchmark (criterion)
#
# Each target installs what it needs from the package registries, so both work on a
# fresh machine.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
GOLD ?= ../shared/gold

.PHONY: test lint unit eval bench bench-native rust-tools

rust-tools:
	@command -v cargo >/dev/null || { echo "cargo is needed (rustup.rs)"; exit 1; }
	@rustup component list --installed 2>/dev/null | grep -q rustfmt || rustup component add rustfmt
	@rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy

# Every runner's output goes to target/test-logs/; the last line sums their counts.
LOGS := target/test-logs

test: lint unit
	@cat $(LOGS)/*.log | awk '/^test result:/ { p += $$4; f += $$6 } END { printf "tests: %d passed, %d failed\n", p, f; exit (f > 0) }'

lint: rust-tools
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

unit: rust-tools
	@mkdir -p $(LOGS) && rm -f $(LOGS)/*.log
	cargo test --all-targets 2>&1 | tee $(LOGS)/cargo.log
	cargo test --doc 2>&1 | tee $(LOGS)/doc.log

eval:
	cargo run --release --quiet -- eval $(GOLD)

bench: bench-native

bench-native:
	cargo bench --bench extract
