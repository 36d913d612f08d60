"""Shared fixtures of the Python package's tests: the development-set texts and the CLI.

The CLI's JSON Lines output is the contract the package must reproduce, so the tests
run the real binary (``ZHUPI_CLI``, else the repo's target/release or target/debug
build) on each gold text and compare. The gold texts are read from ``ZHUPI_SHARED``
(default: ``../shared`` beside the repository), as the Rust tests read them.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ZHUPI_SHARED", REPO.parent / "shared"))
GOLD_DIRS = [SHARED / "gold", SHARED / "gold-new"]


def cli_path() -> Path:
    if os.environ.get("ZHUPI_CLI"):
        return Path(os.environ["ZHUPI_CLI"]).resolve()
    for build in ("release", "debug"):
        p = REPO / "target" / build / "zhupi"
        if p.exists():
            return p
    pytest.exit("no zhupi CLI: run `cargo build --bin zhupi` or set ZHUPI_CLI", 2)


def gold_texts() -> dict[str, str]:
    texts = {}
    for d in GOLD_DIRS:
        for f in sorted(d.glob("*.json")):
            doc = json.loads(f.read_text(encoding="utf-8"))
            texts[doc["id"]] = doc["text"]
    return texts


GOLD = gold_texts()


def run_cli(args, text: str, tmp: Path):
    """The CLI's entities (json.loads of each line) for `text`, or its error line."""
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / "article.txt"
    path.write_text(text, encoding="utf-8")
    r = subprocess.run(
        [str(cli_path()), "extract", str(path), *args], capture_output=True, text=True
    )
    if r.returncode != 0:
        return None, r.stderr.strip()
    return [json.loads(line) for line in r.stdout.splitlines()], None


@pytest.fixture(scope="session")
def cli():
    return run_cli


def pytest_terminal_summary(terminalreporter):
    """The counts as TAP comment lines, which `make test`'s summary reads from every
    log (it knows cargo's "test result:" lines and TAP's "# pass N" / "# fail N")."""
    stats = terminalreporter.stats
    count = lambda *keys: sum(len(stats.get(k, [])) for k in keys)
    terminalreporter.write_line(f"# pass {count('passed')}")
    terminalreporter.write_line(f"# fail {count('failed', 'error')}")
    if count("skipped"):
        terminalreporter.write_line(f"# skipped {count('skipped')}")
