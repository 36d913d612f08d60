#!/usr/bin/env python3
"""The batch CLI's throughput and memory: `zhupi extract --jsonl` on a corpus of JSON Lines
made from the sixteen development-set texts (../shared/gold, ../shared/gold-new), repeated
to 10 MB and 100 MB under target/batch/, one `{"id", "text"}` object per line.

    python3 tools/bench-batch.py [--cli target/release/zhupi] [--rounds 5]
    make bench-batch    (builds the release CLI and runs this)

It times the 100 MB corpus on one worker thread (-j 1) and on two (-j 2), alternating the
two so that a change in the machine's load touches both alike, and reports each one's
best and median throughput (MB of corpus per second, output to /dev/null), their ratio,
and the CPU time used. It then runs both corpora on two threads and reports each run's
maximum resident set size (the kernel's, as /usr/bin/time -v gives it), which streaming
keeps constant in the corpus's size. The load average before and after is printed: the
machine is shared, and a loaded machine lowers the -j 2 figure.
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
MB = 1_000_000


def dev_texts():
    texts = []
    for folder in ("gold", "gold-new"):
        for path in sorted(glob.glob(os.path.join(SHARED, folder, "*.json"))):
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            if isinstance(doc.get("text"), str):
                texts.append((os.path.basename(path)[:-5], doc["text"]))
    return texts


def make_corpus(path, size, texts):
    """The texts in turn, with ids `round-file` (strings) and numbers every other round,
    until the file holds `size` bytes."""
    if os.path.exists(path) and os.path.getsize(path) >= size:
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    written, n = 0, 0
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        while written < size:
            for name, text in texts:
                ident = n if n % 2 else f"{n}-{name}"
                line = json.dumps({"id": ident, "text": text}, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                n += 1
    os.replace(path + ".tmp", path)


def run(cli, corpus, jobs):
    """One run: wall seconds, CPU seconds, max RSS in KB, exit status."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen([cli, "extract", "--jsonl", corpus, "-j", str(jobs)],
                                 stdout=null, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    err = child.stderr.read().decode()
    child.stderr.close()
    if status != 0:
        sys.exit(f"{cli} failed on {corpus}: {err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def load():
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "zhupi"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "batch"))
    args = parser.parse_args()

    texts = dev_texts()
    small = os.path.join(args.out, "corpus-10mb.jsonl")
    large = os.path.join(args.out, "corpus-100mb.jsonl")
    make_corpus(small, 10 * MB, texts)
    make_corpus(large, 100 * MB, texts)
    size = os.path.getsize(large)
    lines = sum(1 for _ in open(large, "rb"))
    print(f"corpus: {large}, {size / MB:.1f} MB, {lines} lines ({len(texts)} texts repeated)")
    print(f"before: {load()}")

    runs = {1: [], 2: []}
    for _ in range(args.rounds):
        for jobs in (1, 2):
            runs[jobs].append(run(args.cli, large, jobs))
    for jobs in (1, 2):
        walls = [w for w, _, _ in runs[jobs]]
        cpu = statistics.median(c for _, c, _ in runs[jobs])
        print(f"-j {jobs}: best {size / MB / min(walls):6.1f} MB/s ({min(walls):.2f} s), "
              f"median {size / MB / statistics.median(walls):6.1f} MB/s; CPU {cpu:.2f} s")
    best = min(w for w, _, _ in runs[1]) / min(w for w, _, _ in runs[2])
    median = statistics.median(w for w, _, _ in runs[1]) / statistics.median(w for w, _, _ in runs[2])
    print(f"-j 2 / -j 1: {best:.2f}x (best), {median:.2f}x (median)")

    for corpus in (small, large):
        _, _, rss = run(args.cli, corpus, 2)
        print(f"max RSS, -j 2, {os.path.getsize(corpus) / MB:5.1f} MB corpus: {rss / 1024:.1f} MiB")
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
