"""The README's Spark example: the development set's articles as a DataFrame, their
entities with zhupi.spark.entities in local[2] mode, and a few questions asked of them.

    make spark-example        # or: python python/examples/spark_entities.py GOLD_DIR…

An archive is read the same way (spark.read.json("articles.jsonl"), columns id and
text); only the master changes on a cluster, where zhupi must be installed on the
workers too.
"""

import json
import os
import sys
from pathlib import Path

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

import zhupi.spark

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers' Python has zhupi
spark = (
    SparkSession.builder.master("local[2]")
    .appName("zhupi")
    .config("spark.ui.enabled", "false")
    .config("spark.ui.showConsoleProgress", "false")
    .config("spark.driver.bindAddress", "127.0.0.1")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")

rows = []
for folder in sys.argv[1:] or ["../shared/gold", "../shared/gold-new"]:
    for f in sorted(Path(folder).glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        rows.append((doc["id"], doc["text"]))
articles = spark.createDataFrame(rows, ["id", "text"])

found = zhupi.spark.entities(articles).cache()
print(f"{articles.count()} articles, {found.count()} entities")
found.groupBy("kind", "sub").count().orderBy(F.desc("count")).show()
# Money of 100 million yuan or more (value is the CLI's JSON: a number, or a range,
# which try_cast leaves null).
money = found.where((F.col("sub") == "money") & (F.col("unit") == "元"))
money.withColumn("yuan", F.col("value").try_cast("double")).where("yuan >= 1e8") \
    .select("id", "text", "yuan").orderBy(F.desc("yuan")).show(5, truncate=False)
# The documents each article names.
found.where("kind = 'document'").groupBy("id").agg(F.collect_set("text").alias("documents")) \
    .show(5, truncate=60)
spark.stop()
