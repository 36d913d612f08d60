"""Spark's throughput beside the batch CLI's, on the same corpus: the 100 MB of JSON Lines
that `make bench-batch` makes from the development texts (target/batch/corpus-100mb.jsonl).

    make bench-spark    (the test venv, the release CLI, this script)

Spark runs in local[2] mode: `spark.read.json` of the corpus, `zhupi.spark.entities`, and
the entities written as Parquet to target/batch/spark-out (a job must write its result
somewhere for the whole of it to run). Timed from reading to the last file written, after
one warm-up run on the 10 MB corpus (JVM start, Python workers), best and median of the
rounds. The CLI runs `zhupi extract --jsonl -j 2` on the same file, output to /dev/null,
in the same rounds, alternating with Spark. Both count the same entities (checked). The
load average is printed: the machine is shared.
"""

import os
import shutil
import statistics
import subprocess
import sys
import time

from pyspark.sql import SparkSession

import zhupi.spark

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BATCH = os.path.join(ROOT, "target", "batch")
LARGE = os.path.join(BATCH, "corpus-100mb.jsonl")
SMALL = os.path.join(BATCH, "corpus-10mb.jsonl")
OUT = os.path.join(BATCH, "spark-out")
CLI = os.environ.get("ZHUPI_CLI", os.path.join(ROOT, "target", "release", "zhupi"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))


def spark_session():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("zhupi-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spark_run(spark, path):
    """Seconds to read `path`, extract and write the entities; and their count."""
    shutil.rmtree(OUT, ignore_errors=True)
    start = time.perf_counter()
    articles = spark.read.schema("id string, text string").json(path)
    zhupi.spark.entities(articles).write.parquet(OUT)
    seconds = time.perf_counter() - start
    return seconds, spark.read.parquet(OUT).count()


def cli_run(path):
    """Seconds of `zhupi extract --jsonl -j 2`; and the entities it printed."""
    start = time.perf_counter()
    out = subprocess.run([CLI, "extract", "--jsonl", path, "-j", "2"], check=True, capture_output=True)
    return time.perf_counter() - start, out.stdout.count(b"\n")


def main():
    if not os.path.exists(LARGE):
        sys.exit(f"{LARGE} is missing: make bench-batch makes it")
    mb = os.path.getsize(LARGE) / 1e6
    print("uptime before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    spark = spark_session()
    spark_run(spark, SMALL)  # warm-up: the JVM, the Python workers
    spark_times, cli_times = [], []
    for _ in range(ROUNDS):
        s, spark_count = spark_run(spark, LARGE)
        c, cli_count = cli_run(LARGE)
        assert spark_count == cli_count, f"Spark {spark_count} entities, the CLI {cli_count}"
        spark_times.append(s)
        cli_times.append(c)
    spark.stop()
    print("uptime after: ", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print(f"\n{mb:.0f} MB corpus, {cli_count:,} entities, {ROUNDS} rounds alternating\n")
    print("| run | best | median | MB/s (best) |")
    print("|---|---|---|---|")
    for name, times in (("Spark local[2], `zhupi.spark.entities`", spark_times), ("CLI `--jsonl -j 2`", cli_times)):
        print(f"| {name} | {min(times):.2f} s | {statistics.median(times):.2f} s | {mb / min(times):.1f} |")
    print(f"\nSpark ÷ CLI (best): {min(spark_times) / min(cli_times):.2f}× the time")


if __name__ == "__main__":
    main()
