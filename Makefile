# zhupi: one entry point for building, testing and benchmarking.
#
#   make demo    build the WebAssembly bundle and serve www/ on http://127.0.0.1:8000/
#   make test    every test: formatting, lints, the native suites, the DOM layer
#                (wasm-bindgen-test) and end to end, each in Chromium, Firefox and WebKit
#   make build   the bundle only: www/pkg/ (the module rebuilt with std for size, wasm-bindgen,
#                wasm-opt -Oz, the generated JS minified, short import names)
#   make eval    the development-set scores
#   make bench   the benchmarks: native throughput (criterion), in wasm and in the browser
#   make bench-wasm  the extraction alone in WebAssembly, in Node (quieter than the page)
#   make dist    what a site deploys: dist/web/ (www/'s harness, embed, card, panel and CSS
#                minified, with the built module)
#   make extension  the browser extension: dist/extension/ (unpacked) and dist/zhupi-extension.zip,
#                and Firefox's package, dist/zhupi-extension-firefox.zip
#   make test-python  the Python package (python/) in a venv, against the CLI, and in Spark
#   make bench-python  zhupi from Python beside JioNLP, cn2an and Recognizers-Text
#
# Each target installs what it needs from the package registries (the wasm32 target,
# wasm-bindgen-cli at the version in Cargo.lock, Debian's chromium and chromium-driver,
# firefox-esr, webkit2gtk-driver and xvfb, geckodriver from crates.io, the npm dev
# dependencies), so both work on a fresh machine.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
# The development set: the first six articles and the ten of gold-new/, scored as one.
GOLD ?= ../shared/gold ../shared/gold-new

.PHONY: test lint unit test-dom test-e2e lexicon audit eval eval-pages bench bench-native bench-wasm bench-browser bench-batch size size-budget rust-tools \
	setup-wasm setup-npm setup-browser setup-engines build build-js dist extension demo rust-src \
	test-python setup-java bench-python spark-example bench-spark

WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
PKG := www/pkg
# The wasm features rustc emits, for wasm-opt.
WASM_FEATURES := --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-reference-types --enable-multivalue
PORT ?= 8000
# The word lists, kept with the extractor (crates/zhupi-core).
DATA := crates/zhupi-core/data

setup-wasm: rust-tools
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" || \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

setup-npm:
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

# Chromium and its driver, and a CJK font so that screenshots show the text.
setup-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && fc-list :lang=zh | grep -q . || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver fonts-wqy-zenhei; }

# The other two engines: Debian's Firefox ESR with geckodriver (crates.io, at the version
# pinned here), and WebKitGTK's WebDriver (webkit2gtk-driver: WebKitWebDriver, which
# drives WebKitGTK's MiniBrowser) with Xvfb for its window. The apt install and the
# geckodriver build run side by side (about 1 and 3.5 minutes on 2 cores); apt waits
# for a lock another install holds rather than failing.
GECKODRIVER_VERSION := 0.37.1
GECKODRIVER := $(HOME)/.cargo/bin/geckodriver
WEBKITDRIVER := /usr/bin/WebKitWebDriver
setup-engines:
	@{ $(GECKODRIVER) --version 2>/dev/null | grep -q "^geckodriver $(GECKODRIVER_VERSION)" || \
		cargo install --locked geckodriver --version $(GECKODRIVER_VERSION); } & \
	{ command -v firefox-esr >/dev/null && command -v $(WEBKITDRIVER) >/dev/null && command -v xvfb-run >/dev/null || \
		{ apt-get -o DPkg::Lock::Timeout=900 update && DEBIAN_FRONTEND=noninteractive \
			apt-get -o DPkg::Lock::Timeout=900 install -y firefox-esr webkit2gtk-driver xvfb; }; } && wait $$!

# The page's module (crates/zhupi-wasm, on crates/zhupi-core) is built in the web profile
# (Cargo.toml: opt-level z, fat LTO, one codegen unit), with std rebuilt for size and
# panics that trap at once: no panic messages, locations or formatting machinery are
# shipped (9 KB of the gzipped module). A panic is a bug either way; on wasm32 it ends
# in a trap that zhupi.js reports as an error. -Zbuild-std and immediate-abort are
# unstable; RUSTC_BOOTSTRAP lets the stable toolchain use them (no nightly to install).
# The DOM tests build the module the ordinary way, with messages.
# LLVM's inlining threshold, raised a little from opt-level z's, measured both ways
# (bench-browser, size). Its effect on size is not monotonic and moves as the code
# does: last measured, 40 gives the smallest module (0.5 KB less than 50, 0.2 KB less
# than 25 or 35) at the same speed as 50 (an A/B of four rounds on the 1 MB page);
# 75 was 2 ms faster but 0.6 KB larger; 150 and up only larger.
# -Zlocation-detail=none drops the file and line records of bounds checks, which a
# panic that traps at once never reads (0.3 KB).
# -Zcross-crate-inline-threshold=always lets rustc inline any function across crates,
# as it does within one: since the workspace split the extractor is another crate
# (crates/zhupi-core), and std is rebuilt with the same flags. Measured on the split:
# 65,940 bytes of code without it (653 over the single crate's 65,287), 62,808 with
# it; the single crate with it was 2.3 KB smaller too (the module 52,184 bytes gzipped
# against 54,457), so most of the gain is std's and the split's own cost is gone.
# std's optimize_for_size feature picks its smaller implementations (of sorting,
# searching, formatting): 0.2 KB. wasm-opt's passes: -Oz, then its control flow
# flattened and rebuilt (rereloop) and -Oz again: 0.3 KB less than -Oz alone
# (measured beside -O4, --gufa, --monomorphize, two rounds of flattening: all larger);
# then similar functions merged and a second round of flattening: 28 bytes less (measured
# when the lexicon's rules came, beside merging alone, 12 bytes larger).
WASM_OPT_PASSES := -Oz --flatten --rereloop -Oz --merge-similar-functions --flatten --rereloop -Oz
WEB_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Cllvm-args=-inline-threshold=40 -Zlocation-detail=none \
	-Zcross-crate-inline-threshold=always
WEB_TARGET := target/web
WASM := $(WEB_TARGET)/wasm32-unknown-unknown/web/zhupi.wasm
build: setup-wasm setup-npm rust-src
	RUSTC_BOOTSTRAP=1 RUSTFLAGS="$(WEB_RUSTFLAGS)" cargo build -p zhupi-wasm --lib \
		--target wasm32-unknown-unknown --profile web -Zbuild-std=std,panic_abort \
		-Zbuild-std-features=optimize_for_size --target-dir $(WEB_TARGET)
	wasm-bindgen --target web --out-dir $(PKG) $(WASM)
	node_modules/.bin/wasm-opt $(WASM_OPT_PASSES) --converge --strip-producers --strip-target-features $(WASM_FEATURES) \
		$(PKG)/zhupi_bg.wasm -o $(PKG)/zhupi_bg.wasm
	@# The snippets (crates/zhupi-wasm/src/dom/page.js, article.js) move beside the glue,
	@# under short names that the harness imports too (findArticle reads the page with
	@# page.js).
	mv $(PKG)/snippets/*/src/dom/*.js $(PKG)/ && rm -rf $(PKG)/snippets
	sed -i 's|\./snippets/[^"'"'"']*/src/dom/|./|g' $(PKG)/zhupi.js
	@# The generated JavaScript (wasm-bindgen's glue, the snippets) is minified: 3.7 KB
	@# less to download; its sources stay readable.
	for f in $(PKG)/*.js; do node_modules/.bin/terser $$f --module --compress --mangle -o $$f; done
	@# Short names for the imports, in the module and the glue (their hashes cost 2.6 KB).
	node tools/short-imports.mjs $(PKG)/zhupi_bg.wasm $(PKG)/zhupi.js
	@# The word tables, which the harness fetches beside the module and hands to it
	@# (the core's lexicon.rs): the established names and the non-name words, without
	@# comments or blank lines, as the core's build.rs gives them to native builds.
	sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$$//' -e '/^#/d' -e '/^$$/d' $(DATA)/initiatives.txt > $(PKG)/established-names.txt
	sed -e '/^#/d' -e '/^$$/d' $(DATA)/nonname-words.txt > $(PKG)/nonname-words.txt

# The same module as plain JavaScript (www/pkg-js/), for pages whose Content-Security-Policy
# refuses WebAssembly; zhupi.js falls back to it only there. wasm2js needs a module without
# reference types or bulk memory, so std is rebuilt for the MVP feature set; -Zbuild-std is
# unstable, and RUSTC_BOOTSTRAP lets the stable toolchain use it (no nightly to install).
MVP_TARGET := target/mvp
MVP_WASM := $(MVP_TARGET)/wasm32-unknown-unknown/web/zhupi.wasm
PKG_JS := www/pkg-js
build-js: setup-wasm setup-npm rust-src
	RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C target-cpu=mvp" cargo build -p zhupi-wasm --lib --target wasm32-unknown-unknown \
		--profile web -Zbuild-std=std,panic_abort --target-dir $(MVP_TARGET)
	rm -rf $(PKG_JS) && wasm-bindgen --target bundler --out-dir $(PKG_JS) $(MVP_WASM)
	node_modules/.bin/wasm-opt -Oz $(PKG_JS)/zhupi_bg.wasm -o $(PKG_JS)/zhupi_bg.wasm
	node_modules/.bin/wasm2js -Oz $(PKG_JS)/zhupi_bg.wasm -o $(PKG_JS)/zhupi_bg.wasm.js
	sed -i 's|"./zhupi_bg.wasm"|"./zhupi_bg.wasm.js"|' $(PKG_JS)/zhupi.js
	@# wasm2js grows memory into a new ArrayBuffer without detaching the old one, so the
	@# glue's cached views must be checked against the current buffer, not its length.
	sed -i -e 's/\(cached[A-Za-z0-9]*Memory0\)\.byteLength === 0/\1.buffer !== wasm.memory.buffer/' \
		-e 's/cachedDataViewMemory0\.buffer\.detached === true ||/cachedDataViewMemory0.buffer !== wasm.memory.buffer ||/' $(PKG_JS)/zhupi_bg.js
	grep -c 'buffer !== wasm.memory.buffer' $(PKG_JS)/zhupi_bg.js | grep -qx 3
	rm $(PKG_JS)/zhupi_bg.wasm $(PKG_JS)/*.d.ts

# What a site deploys: www/ minified (tools/dist.mjs), with both builds of the module.
# www/ stays the readable source the demo serves.
WEB_DIST := dist/web
dist: build build-js
	node tools/dist.mjs www $(WEB_DIST)

# The extension: its own files, the deployed harness and both builds of the module.
EXT := dist/extension
EXT_FIREFOX := dist/extension-firefox
FIREFOX_MANIFEST := const fs = require("fs"), f = process.argv[1], m = JSON.parse(fs.readFileSync(f, "utf8")); \
	delete m.background.service_worker; fs.writeFileSync(f, JSON.stringify(m, null, 2) + "\n");
extension: dist
	rm -rf $(EXT) dist/zhupi-extension.zip && mkdir -p $(EXT)
	cp -r www/extension/. $(EXT)/
	cp -r $(WEB_DIST)/zhupi.js $(WEB_DIST)/card.js $(WEB_DIST)/panel.js $(WEB_DIST)/zhupi.css \
		$(WEB_DIST)/pkg $(WEB_DIST)/pkg-js $(EXT)/
	cd $(EXT) && python3 -m zipfile -c ../zhupi-extension.zip *
	@# Firefox's package: the same files, with the background a module script alone, as
	@# Firefox runs it (its extensions have no service workers); Chromium's manifest keeps
	@# `service_worker`, beside which it ignores `scripts`.
	rm -rf $(EXT_FIREFOX) dist/zhupi-extension-firefox.zip && cp -r $(EXT) $(EXT_FIREFOX)
	node -e '$(FIREFOX_MANIFEST)' $(EXT_FIREFOX)/manifest.json
	cd $(EXT_FIREFOX) && python3 -m zipfile -c ../zhupi-extension-firefox.zip *
	@echo "unpacked: $(EXT)/  zip: dist/zhupi-extension.zip  Firefox: dist/zhupi-extension-firefox.zip"

demo: build
	node tools/serve.mjs --root www --port $(PORT)

rust-src:
	@rustup component list --installed | grep -q rust-src || rustup component add rust-src

rust-tools:
	@command -v cargo >/dev/null || { echo "cargo is needed (rustup.rs)"; exit 1; }
	@rustup component list --installed 2>/dev/null | grep -q rustfmt || rustup component add rustfmt
	@rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy

# Every runner's output goes to target/test-logs/; the last line sums their counts.
LOGS := target/test-logs

# Each log's counts (a cargo log may hold several suites; a TAP log gives pass, fail and
# skipped), then their sum: the engines' runs are dom-ENGINE and e2e-ENGINE.
COUNT_TESTS := /^test result:/ { p += $$4; f += $$6 } /^\# (pass|fail|skipped) / { n[$$2] += $$3 }
test: lint unit test-dom test-e2e size-budget test-python
	@for log in $(LOGS)/*.log; do awk -v name=$$(basename $$log .log) '$(COUNT_TESTS) \
		END { printf "  %-14s %4d passed, %d failed%s\n", name, p + n["pass"], f + n["fail"], n["skipped"] ? ", " n["skipped"] " skipped" : "" }' $$log; done
	@cat $(LOGS)/*.log | awk '/^test result:/ { p += $$4; f += $$6 } /^# (pass|fail) / { if ($$2 == "pass") p += $$3; else f += $$3 } \
		END { printf "tests: %d passed, %d failed\n", p, f; exit (f > 0) }'

lint: rust-tools
	cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings

unit: rust-tools
	@mkdir -p $(LOGS) && rm -f $(LOGS)/*.log
	cargo test --workspace --all-targets 2>&1 | tee $(LOGS)/cargo.log
	cargo test --workspace --doc 2>&1 | tee $(LOGS)/doc.log
	node --test --test-reporter=tap tests/js/ 2>&1 | tee $(LOGS)/js.log
	@# The precision audit (tests/audit/): current, judged, and not below its floor.
	cargo build --quiet --bin zhupi
	ZHUPI_CLI=target/debug/zhupi python3 tools/audit.py check 2>&1 | tee $(LOGS)/audit.log

# The Python package (python/: PyO3, built by maturin through pip) in a venv of its own,
# with pinned test dependencies: pytest compares it with the CLI on every gold text and
# runs zhupi.spark in Spark's local[2] mode (PySpark 4 needs Java 17: Debian's headless
# OpenJDK where `java` is missing; pandas below 3, as PySpark asks). The extension builds
# in target/python, at its own profile (opt-level 3, python/Cargo.toml). The log ends with
# "# pass N" / "# fail N" lines (python/tests/conftest.py) for the summary above. Its
# formatting is checked here; `cargo clippy --manifest-path python/Cargo.toml` is clean
# too, but is left out: cold, it would cost two minutes of the 30 that make test may take.
PY_VENV ?= target/py
PY := $(PY_VENV)/bin/python
PY_TEST_DEPS := pytest==9.2.0 pyspark==4.3.0 pandas==2.3.3 pyarrow==26.0.1
PY_TARGET ?= $(CURDIR)/target/python
PY_BUILD := CARGO_TARGET_DIR=$(PY_TARGET)
setup-java:
	@command -v java >/dev/null || { apt-get -o DPkg::Lock::Timeout=900 update && DEBIAN_FRONTEND=noninteractive \
		apt-get -o DPkg::Lock::Timeout=900 install -y openjdk-17-jre-headless; }

$(PY):
	python3 -m venv $(PY_VENV)

test-python: rust-tools setup-java $(PY)
	@mkdir -p $(LOGS)
	cargo fmt --check --manifest-path python/Cargo.toml
	$(PY_BUILD) $(PY) -m pip install -q --disable-pip-version-check ./python $(PY_TEST_DEPS)
	cargo build --quiet --bin zhupi
	ZHUPI_CLI=target/debug/zhupi $(PY) -m pytest -p no:cacheprovider python/tests 2>&1 | tee $(LOGS)/python.log

# zhupi's Python extract and extract_many beside JioNLP, cn2an and Recognizers-Text
# (bench/python.py), each pinned, in a venv of their own. Recognizers-Text 1.0.2a2 (its
# last release, an alpha) imports emoji's UNICODE_EMOJI, which emoji 2 removed: hence
# emoji 1.7.0. The table goes to target/bench-python.md as well.
PY_BENCH_VENV := target/py-bench
PY_BENCH := $(PY_BENCH_VENV)/bin/python
PY_BENCH_DEPS := jionlp==1.5.31 cn2an==0.5.24 recognizers-text-suite==1.0.2a2 emoji==1.7.0
$(PY_BENCH):
	python3 -m venv $(PY_BENCH_VENV)

bench-python: $(PY_BENCH)
	$(PY_BUILD) $(PY_BENCH) -m pip install -q --disable-pip-version-check ./python $(PY_BENCH_DEPS)
	$(PY_BENCH) bench/python.py $(GOLD) --out target/bench-python.md

# The README's Spark example: zhupi.spark over the development set in local[2] mode.
spark-example: setup-java $(PY)
	$(PY_BUILD) $(PY) -m pip install -q --disable-pip-version-check ./python $(PY_TEST_DEPS)
	PYSPARK_PYTHON=$(CURDIR)/$(PY) $(PY) python/examples/spark_entities.py $(GOLD)

# Spark local[2] beside the batch CLI on bench-batch's 100 MB corpus (bench/spark.py).
bench-spark: setup-java $(PY)
	$(PY_BUILD) $(PY) -m pip install -q --disable-pip-version-check ./python $(PY_TEST_DEPS)
	cargo build --release --quiet --bin zhupi
	[ -f target/batch/corpus-100mb.jsonl ] || python3 tools/bench-batch.py --rounds 1
	PYSPARK_PYTHON=$(CURDIR)/$(PY) $(PY) bench/spark.py

# Redraws the precision audit's sample from the current build (tools/audit.py).
audit:
	cargo build --release --quiet --bin zhupi
	python3 tools/audit.py draw

# The DOM layer (crates/zhupi-wasm/tests/dom.rs) in each engine, through its WebDriver:
# headless Chromium (chromedriver, with crates/zhupi-wasm/webdriver.json's capabilities:
# the runner reads it in the crate's folder), headless Firefox (geckodriver; the runner
# adds -headless) and WebKitGTK's MiniBrowser under Xvfb (WebKitWebDriver, which the runner
# drives as it drives safaridriver: it sends no capabilities, and WebKitWebDriver's
# default browser is MiniBrowser in automation mode). Each driver variable is set
# alone, since the runner takes the first it finds.
DOM_TEST := cargo test -p zhupi-wasm --target wasm32-unknown-unknown --test dom
NO_DRIVERS := env -u CHROMEDRIVER -u GECKODRIVER -u SAFARIDRIVER
test-dom: setup-wasm setup-browser setup-engines
	@mkdir -p $(LOGS)
	$(NO_DRIVERS) CHROMEDRIVER=/usr/bin/chromedriver $(DOM_TEST) 2>&1 | tee $(LOGS)/dom-chromium.log
	$(NO_DRIVERS) GECKODRIVER=$(GECKODRIVER) $(DOM_TEST) 2>&1 | tee $(LOGS)/dom-firefox.log
	$(NO_DRIVERS) SAFARIDRIVER=$(WEBKITDRIVER) xvfb-run -a $(DOM_TEST) 2>&1 | tee $(LOGS)/dom-webkit.log
	cargo clippy -p zhupi-wasm --all-targets --target wasm32-unknown-unknown -- -D warnings

# The bundle, the demo and the embed on saved news pages, end to end: every file in
# Chromium (Playwright), and the tests whose bodies are shared by all three engines in
# Firefox and WebKit (selenium-webdriver; tests/e2e/harness.mjs), with the Firefox
# add-on's own. Chromium's alone: its extension, and the article gate (the finder's
# scores, one engine's parse being enough).
E2E_SHARED := $(addprefix tests/e2e/,api.test.mjs card.test.mjs demo.test.mjs embed.test.mjs panel.test.mjs)
test-e2e: build extension setup-browser setup-engines
	@mkdir -p $(LOGS)
	@# The article gate (article.test.mjs) counts the CLI's entities in each article.
	cargo build --quiet --bin zhupi
	ZHUPI_ENGINE=chromium node --test --test-reporter=tap tests/e2e/ 2>&1 | tee $(LOGS)/e2e-chromium.log
	ZHUPI_ENGINE=firefox GECKODRIVER=$(GECKODRIVER) node --test --test-reporter=tap $(E2E_SHARED) \
		tests/e2e/firefox-extension.test.mjs 2>&1 | tee $(LOGS)/e2e-firefox.log
	ZHUPI_ENGINE=webkit xvfb-run -a node --test --test-reporter=tap $(E2E_SHARED) 2>&1 | tee $(LOGS)/e2e-webkit.log

# The core's data/nonname-words.txt from jieba's dictionary (tools/lexicon.py): jieba's source
# distribution from PyPI, unpacked under target/.
JIEBA := target/jieba/jieba-0.42.1/jieba/dict.txt
LEXICON_MIN_COUNT ?= 2
lexicon:
	@[ -f $(JIEBA) ] || { pip download jieba==0.42.1 --no-deps --no-binary :all: -d target/jieba -q && \
		tar -xzf target/jieba/jieba-0.42.1.tar.gz -C target/jieba; }
	python3 tools/lexicon.py $(JIEBA) --min-count $(LEXICON_MIN_COUNT) > $(DATA)/nonname-words.txt

eval:
	cargo run --release --quiet --bin zhupi -- eval $(GOLD)
	@for g in $(GOLD); do cargo run --release --quiet --bin zhupi -- eval $$g; done

# The article finder on the saved pages (../shared/pages/) beside Mozilla Readability,
# scored by ../shared/eval/article_score.py; and each one's time per page.
eval-pages: dist setup-browser
	cargo build --release --quiet --bin zhupi
	node bench/pages.mjs target/pages.json
	python3 ../shared/eval/article_score.py ../shared/pages target/pages.json --zhupi-cli target/release/zhupi

bench: bench-native bench-wasm bench-browser bench-batch

bench-native:
	cargo bench -p zhupi-core --bench extract

# The extraction alone in WebAssembly, built as the page's module is (bench/wasm-extract),
# timed in Node: quiet enough to show a 5% change that the page's noise hides. To compare
# two versions, build each (copy the .wasm aside) and pass both to bench/wasm-extract.mjs.
BENCH_WASM := target/bench-wasm/extract.wasm
bench-wasm: build
	RUSTC_BOOTSTRAP=1 RUSTFLAGS="$(WEB_RUSTFLAGS)" cargo build -p zhupi-bench-wasm --lib \
		--target wasm32-unknown-unknown --profile web -Zbuild-std=std,panic_abort \
		-Zbuild-std-features=optimize_for_size --target-dir $(WEB_TARGET)
	mkdir -p $(dir $(BENCH_WASM))
	node_modules/.bin/wasm-opt $(WASM_OPT_PASSES) --converge $(WASM_FEATURES) \
		$(WEB_TARGET)/wasm32-unknown-unknown/web/zhupi_bench_wasm.wasm -o $(BENCH_WASM)
	node bench/wasm-extract.mjs $(BENCH_WASM)

# The batch CLI (zhupi extract --jsonl) on corpora of JSON Lines made from the development
# texts, 10 MB and 100 MB under target/batch/: throughput on one thread against two, and
# the maximum resident set size of each (tools/bench-batch.py).
bench-batch:
	cargo build --release --quiet --bin zhupi
	python3 tools/bench-batch.py

# zhupi against mark.js, advanced-mark.js and the floor on a ~1 MB page, in Chromium;
# zhupi and the floor in Firefox and WebKit too (WebKit's window under Xvfb).
bench-browser: build setup-browser setup-engines
	xvfb-run -a node bench/browser.mjs

# What a page with the default embed downloads before it is annotated: every file, as
# the deployed embed fetches them (embed.test.mjs checks the list against the requests
# the page really makes). The embed is one bundle of the harness, the card, the
# module's glue and its snippets (tools/dist.mjs); the panel only comes when asked for.
# The budget holds the total, gzipped, at the article issue's 65,300 bytes, so that the
# download cannot grow unnoticed (a call to char::is_alphanumeric once added 2 KB of
# Unicode tables). Part of make test.
# Word tables fetched beside the module (pkg/established-names.txt, pkg/nonname-words.txt) have a budget of
# their own, 15 KB, on top of the code's: a table may grow when it buys accuracy, which
# the README measures; the code may not.
SIZE_BUDGET := 65300
TABLE_BUDGET := 15000
EMBED_CODE := embed.js pkg/zhupi_bg.wasm zhupi.css
EMBED_TABLES := pkg/established-names.txt pkg/nonname-words.txt
EMBED_DOWNLOAD := $(EMBED_CODE) $(EMBED_TABLES)
gzipped = $$(for f in $(1); do gzip -9 -c $(WEB_DIST)/$$f | wc -c; done | awk '{ s += $$1 } END { print s }')
size-budget: dist
	@code=$(call gzipped,$(EMBED_CODE)); tables=$(call gzipped,$(EMBED_TABLES)); \
	echo "size: $$code bytes gzipped of code ($(EMBED_CODE)), budget $(SIZE_BUDGET); $$tables of word tables ($(EMBED_TABLES)), budget $(TABLE_BUDGET); $$((code + tables)) in all"; \
	[ $$code -le $(SIZE_BUDGET) ] && [ $$tables -le $(TABLE_BUDGET) ] || { echo "over the size budget: see make size"; exit 1; }

# Each deployed file, gzipped and raw; the first lines are a default embed's download.
size: dist
	@for f in $(EMBED_DOWNLOAD) panel.js zhupi.js card.js pkg/zhupi.js pkg/page.js pkg/article.js; do \
		printf '%8d %8d  %s\n' $$(gzip -9 -c $(WEB_DIST)/$$f | wc -c) $$(stat -c %s $(WEB_DIST)/$$f) $(WEB_DIST)/$$f; done | \
		awk -v n=$(words $(EMBED_DOWNLOAD)) '{ print; if (NR <= n) { gz += $$1; raw += $$2 } } NR == n { printf "%8d %8d  a default embed'"'"'s download\n", gz, raw } \
		NR == n + 1 { print "  (the panel, fetched when asked for; the API'"'"'s unbundled files, for callers who import zhupi.js, and the extension)" }'
