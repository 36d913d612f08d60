#!/usr/bin/env python3
"""The precision audit: a fixed random sample of what zhupi marks in ../shared/corpus/,
each mark judged right or wrong by the spec (../shared/spec/marking.md), kept in
tests/audit/<kind>.tsv.

    python3 tools/audit.py draw    redraw the sample from the current build, keeping the
                                   verdicts of marks that are unchanged; new marks get the
                                   verdict "?" and are listed to judge
    python3 tools/audit.py check   fail if a sampled mark is unjudged, the file is stale
                                   (the build marks differently now) or the precision is
                                   below its floor; print the audited precision per kind
                                   (make test runs this)

The sample is drawn by hashing each mark's key (file, start, end, kind) with a fixed seed
and keeping the SAMPLE marks with the lowest hashes: a change to the extractor that adds
or drops a few marks changes only those few places in the sample, so verdicts survive
from one build to the next. Marks come from the CLI (`zhupi extract --format json`),
whose context columns are what a judge reads.

Each TSV row: verdict (right / wrong / ?), the reason for a wrong one, file, start, end,
the mark, its value and unit, and its context with the mark in 【】.
"""

import hashlib
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
AUDIT = os.path.join(ROOT, "tests", "audit")
CLI = os.environ.get("ZHUPI_CLI", os.path.join(ROOT, "target", "release", "zhupi"))
SEED = "zhupi-audit-1"
SAMPLE = 300
KINDS = ("initiative", "figure")
# The audited precision the extractor issue asks for, per kind, and the floor that check
# holds so that it cannot slip below what was last measured (raised as it improves).
TARGETS = {"initiative": 0.90, "figure": 0.98}
FLOORS = {"initiative": 0.88, "figure": 0.98}
COLUMNS = ["verdict", "reason", "file", "start", "end", "text", "value", "context"]


def corpus_files():
    for folder in sorted(os.listdir(CORPUS)):
        path = os.path.join(CORPUS, folder)
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".txt"):
                    yield f"{folder}/{name}"


def marks():
    """Every mark the build makes in the corpus, by kind."""
    found = {kind: [] for kind in KINDS}
    for rel in corpus_files():
        out = subprocess.run(
            [CLI, "extract", os.path.join(CORPUS, rel), "--format", "json"],
            check=True, capture_output=True, text=True).stdout
        for e in json.loads(out):
            if e["kind"] not in found:
                continue
            value = "" if e["value"] is None else str(e["value"])
            if e["unit"]:
                value += " " + e["unit"]
            context = e["prefix"] + "【" + e["text"] + "】" + e["suffix"]
            found[e["kind"]].append({
                "file": rel, "start": str(e["start"]), "end": str(e["end"]),
                "text": e["text"], "value": value.strip(),
                "context": " ".join(context.split()),
            })
    return found


def key(kind, m):
    return (m["file"], m["start"], m["end"], kind)


def rank(kind, m):
    return hashlib.sha256("|".join((SEED,) + key(kind, m)).encode()).hexdigest()


def sample(kind, all_marks):
    return sorted(sorted(all_marks, key=lambda m: rank(kind, m))[:SAMPLE],
                  key=lambda m: (m["file"], int(m["start"])))


def path_of(kind):
    return os.path.join(AUDIT, f"{kind}s.tsv")


def read_verdicts(kind):
    rows = {}
    if os.path.exists(path_of(kind)):
        with open(path_of(kind), encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            for line in f:
                row = dict(zip(header, line.rstrip("\n").split("\t")))
                rows[(row["file"], row["start"], row["end"], kind)] = row
    return rows


def write(kind, rows):
    os.makedirs(AUDIT, exist_ok=True)
    with open(path_of(kind), "w", encoding="utf-8") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(row[c].replace("\t", " ") for c in COLUMNS) + "\n")


def draw():
    found = marks()
    for kind in KINDS:
        old = read_verdicts(kind)
        rows, new = [], 0
        for m in sample(kind, found[kind]):
            prior = old.get(key(kind, m))
            # A verdict is kept only for the same mark: same place and same text.
            if prior and prior["text"] == m["text"] and prior["value"] == m["value"]:
                row = dict(m, verdict=prior["verdict"], reason=prior["reason"])
            else:
                row = dict(m, verdict="?", reason="")
                new += 1
            rows.append(row)
        write(kind, rows)
        print(f"{kind}: {len(found[kind])} marks, {len(rows)} sampled, {new} to judge "
              f"in {os.path.relpath(path_of(kind), ROOT)}")


def check():
    found = marks()
    failures = 0
    for kind in KINDS:
        kept = read_verdicts(kind)
        drawn = sample(kind, found[kind])
        stale = [m for m in drawn if key(kind, m) not in kept
                 or kept[key(kind, m)]["text"] != m["text"]
                 or kept[key(kind, m)]["value"] != m["value"]]
        unjudged = [r for r in kept.values() if r["verdict"] not in ("right", "wrong")]
        wrong_without_reason = [r for r in kept.values()
                                if r["verdict"] == "wrong" and not r["reason"]]
        right = sum(r["verdict"] == "right" for r in kept.values())
        precision = right / len(kept) if kept else 0.0
        ok = (not stale and not unjudged and not wrong_without_reason
              and len(kept) == len(drawn) and precision >= FLOORS[kind])
        print(f"{'ok' if ok else 'not ok'} - {kind}s: audited precision {precision:.3f} "
              f"({right}/{len(kept)}; floor {FLOORS[kind]:.2f}, target {TARGETS[kind]:.2f}), "
              f"{len(found[kind])} marks")
        for m in stale[:10]:
            print(f"#   not in the audit (run tools/audit.py draw): {m['file']} {m['start']} {m['text']}")
        for r in unjudged[:10]:
            print(f"#   unjudged: {r['file']} {r['start']} {r['text']}")
        for r in wrong_without_reason[:10]:
            print(f"#   wrong with no reason: {r['file']} {r['start']} {r['text']}")
        failures += not ok
    print(f"# pass {len(KINDS) - failures}")
    print(f"# fail {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["draw"]:
        draw()
    elif sys.argv[1:] == ["check"]:
        sys.exit(check())
    else:
        sys.exit(__doc__)
