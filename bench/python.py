"""zhupi from Python beside the Python tools an analyst would otherwise use (make bench-python).

On the development-set texts (the gold folders given as arguments), in one run and one
process: zhupi's `extract` (a loop, one core) and `extract_many` (all cores), JioNLP's
money and time extraction, cn2an's number conversion (`transform`, Chinese numerals to
digits) and Recognizers-Text's Chinese number recogniser. Each is timed in rounds, the
tools interleaved so that a burst of load from another process falls on all of them,
and each keeps its best round (the machine is shared; the best round is the one least
disturbed). Throughput is code points of input per second.

The peers do less than zhupi (each finds one kind of thing; none normalises every
figure, names initiatives or documents), so the ratios understate what zhupi's speed
buys. Recognizers-Text's model is built once, outside the timing (its
`recognize_number` builds it on every call); JioNLP's time extraction is given a fixed
base time. `uptime` is printed before and after, and a control measures what two
threads gain on the machine at that moment (two SHA-256 runs, serial against
threaded): a loaded machine moves the ratios, above all extract_many's.
"""

import argparse
import contextlib
import importlib.metadata as md
import io
import json
import logging
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path


def load(dirs):
    texts = []
    for d in dirs:
        for f in sorted(Path(d).glob("*.json")):
            texts.append(json.loads(f.read_text(encoding="utf-8"))["text"])
    return texts


def uptime():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "load average: %.2f, %.2f, %.2f" % os.getloadavg()


def version(dist):
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return None


def peers():
    """(name, what, version, function of one text) for each peer that imports."""
    found, missing = [], []
    # JioNLP prints a banner and logs its own parse failures; neither is the bench's.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            from jionlp.algorithm.ner import extract_money, extract_time
        base = time.mktime((2026, 1, 1, 0, 0, 0, 0, 0, -1))
        v = version("jionlp")
        found.append(("JioNLP", "extract_money", v, extract_money))
        found.append(("JioNLP", "extract_time", v, lambda t: extract_time(t, time_base=base)))
    except Exception as e:  # noqa: BLE001 - any failure to import leaves it out
        missing.append(f"JioNLP ({type(e).__name__}: {e})")
    try:
        import cn2an

        found.append(("cn2an", "transform(·, 'cn2an')", version("cn2an"), lambda t: cn2an.transform(t, "cn2an")))
    except Exception as e:  # noqa: BLE001
        missing.append(f"cn2an ({type(e).__name__}: {e})")
    try:
        from recognizers_number import Culture, NumberRecognizer

        model = NumberRecognizer(Culture.Chinese).get_number_model(Culture.Chinese)
        found.append(("Recognizers-Text", "number, Culture.Chinese", version("recognizers-text-suite"), model.parse))
    except Exception as e:  # noqa: BLE001
        missing.append(f"Recognizers-Text ({type(e).__name__}: {e})")
    return found, missing


def control(rounds=5):
    """What two threads get from this machine now: SHA-256 of 32 MB twice in a row
    against the same in two threads (hashlib releases the GIL). Near 2 on an idle
    2-core machine; near 1 when another process holds a core, and then no batch API
    can show its parallel speed-up either."""
    import hashlib
    import threading

    buf = bytes(32 << 20)
    work = lambda: hashlib.sha256(buf).digest()  # noqa: E731

    def two_threads():
        ts = [threading.Thread(target=work) for _ in range(2)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    return best(lambda: (work(), work()), rounds) / best(two_threads, rounds)


def best(fn, rounds):
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", help="gold folders (../shared/gold ../shared/gold-new)")
    ap.add_argument("--rounds", type=int, default=40, help="rounds of zhupi's (best kept; a round is ~0.1 s)")
    ap.add_argument("--peer-rounds", type=int, default=3, help="rounds of each peer (~0.1–1 s each)")
    ap.add_argument("--copies", type=int, default=8, help="copies of the texts for extract_many's batch")
    ap.add_argument("--out", help="also write the table (Markdown) to this file")
    args = ap.parse_args()

    import zhupi

    texts = load(args.gold)
    chars = sum(map(len, texts))
    batch = texts * args.copies
    batch_chars = chars * args.copies
    before = uptime()
    found, missing = peers()

    # Warm every tool once (zhupi's tables, the peers' regexes and models).
    for t in texts:
        zhupi.extract(t)
        for *_, fn in found:
            fn(t)

    def loop(fn, items):
        return lambda: [fn(t) for t in items]

    results = {}  # name -> best seconds, over rounds interleaved with the others
    timed = [("extract", loop(zhupi.extract, batch), batch_chars),
             ("extract_many", lambda: zhupi.extract_many(batch), batch_chars)]
    timed += [(f"{n}: {w}", loop(fn, texts), chars) for n, w, _, fn in found]
    sizes = {name: size for name, _, size in timed}
    for r in range(max(args.rounds, args.peer_rounds)):
        for name, fn, _ in timed:
            # The peers are far slower: a few rounds of them are enough.
            if name in ("extract", "extract_many") or r < args.peer_rounds:
                results[name] = min(results.get(name, float("inf")), best(fn, 1))
    after = uptime()
    machine = control()

    cps = {name: sizes[name] / secs for name, secs in results.items()}
    z1 = cps["extract"]
    rows = [
        "| tool | function | version | chars/s | zhupi `extract` ÷ it |",
        "|---|---|---|---|---|",
        f"| zhupi | `extract` (one core) | {zhupi.__version__} | {z1:,.0f} | 1 |",
        f"| zhupi | `extract_many` ({os.cpu_count()} cores) | {zhupi.__version__} | {cps['extract_many']:,.0f} | (it is {cps['extract_many'] / z1:.2f}× `extract`) |",
    ]
    for n, w, v, _ in found:
        name = f"{n}: {w}"
        rows.append(f"| {n} | `{w}` | {v} | {cps[name]:,.0f} | **{z1 / cps[name]:,.0f}×** |")
    fastest = max((cps[f"{n}: {w}"], f"{n} {w}") for n, w, _, _ in found) if found else None
    lines = [
        f"{len(texts)} texts, {chars:,} characters; extract and extract_many on {args.copies} copies "
        f"({len(batch)} texts); best of {args.rounds} rounds (peers: {args.peer_rounds}); "
        f"Python {sys.version.split()[0]}",
        "",
        *rows,
        "",
        f"extract_many ÷ extract: **{cps['extract_many'] / z1:.2f}×** on {os.cpu_count()} cores (target ≥ 1.8); "
        f"the machine's own two-thread control (SHA-256) gave {machine:.2f}× in the same run",
    ]
    if fastest:
        lines.append(f"zhupi extract ÷ the fastest peer ({fastest[1]}): **{z1 / fastest[0]:,.0f}×** (target ≥ 1,000)")
    for m in missing:
        lines.append(f"left out, did not import: {m}")
    lines += ["", f"uptime before: {before}", f"uptime after:  {after}"]
    text = "\n".join(lines)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
