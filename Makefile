# zhupi: one entry point for building, testing and benchmarking.
#
#   make test    every test (formatting, lints, unit, suites, gold gate, properties, CLI)
#   make eval    the development-set scores
#   make bench   the native throughput benchmark (criterion)
#
# Each target installs what it needs from the package registries, so both work on a
# fresh machine.

SHELL := /bin/bash
GOLD ?= ../shared/gold

.PHONY: test lint unit eval bench bench-native rust-tools

rust-tools:
	@command -v cargo >/dev/null || { echo "cargo is needed (rustup.rs)"; exit 1; }
	@rustup component list --installed 2>/dev/null | grep -q rustfmt || rustup component add rustfmt
	@rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy

test: lint unit

lint: rust-tools
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

unit: rust-tools
	cargo test --all-targets
	cargo test --doc

eval:
	cargo run --release --quiet -- eval $(GOLD)

bench: bench-native

bench-native:
	cargo bench --bench extract
