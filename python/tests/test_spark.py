"""zhupi.spark.entities in Spark's local[2] mode: on the development-set texts it gives
exactly the CLI's entities, article by article, in document order.

Skipped, not failed, where PySpark or Java is missing (a plain `pip install ./python`
checkout); `make test-python` installs both, so there it always runs.
"""

import json
import os
import shutil
import sys

import pytest

from conftest import GOLD

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java for Spark", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import types as T  # noqa: E402

import zhupi.spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    # The workers run this interpreter (the venv's, which has zhupi), not `python3`.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = (
        SparkSession.builder.master("local[2]")
        .appName("zhupi-test")
        .config("spark.ui.enabled", "false")
    .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def as_cli(row):
    """A row of the entities DataFrame as the CLI's line: nulls absent, value parsed."""
    d = {c: row[c] for c in ("start", "end", "text", "kind", "sub", "value", "unit", "approx")}
    d = {k: v for k, v in d.items() if v is not None}
    if "value" in d:
        d["value"] = json.loads(d["value"])
    return d


def by_article(rows):
    out = {}
    for r in rows:
        out.setdefault(r["id"], []).append(r)
    return out


def test_entities_are_the_clis_on_the_gold_texts(spark, cli, tmp_path):
    from test_extract import strict

    # Three partitions over two cores: articles split across tasks and batches.
    articles = spark.createDataFrame(sorted(GOLD.items()), ["id", "text"]).repartition(3)
    found = zhupi.spark.entities(articles)
    assert found.columns == ["id", "start", "end", "text", "kind", "sub", "value", "unit", "approx"]
    assert found.schema["start"].dataType == T.LongType()
    rows = by_article(found.collect())
    for doc, text in GOLD.items():
        expected, err = cli([], text, tmp_path)
        assert err is None, err
        got = sorted(rows.get(doc, []), key=lambda r: r["start"])
        assert len(got) == len(expected), doc
        for g, e in zip(got, expected):
            assert strict(as_cli(g), e), (doc, g, e)


def test_ids_keep_their_type_options_pass_through_and_nulls_are_empty(spark, cli, tmp_path):
    texts = sorted(GOLD.values())[:3]
    rows = [(i, t) for i, t in enumerate(texts)] + [(99, None)]
    schema = T.StructType([T.StructField("n", T.LongType()), T.StructField("body", T.StringType())])
    articles = spark.createDataFrame(rows, schema)
    found = zhupi.spark.entities(articles, text_col="body", id_col="n", kinds=["document"])
    assert found.schema["id"].dataType == T.LongType()
    got = by_article(found.collect())
    assert 99 not in got
    for i, text in enumerate(texts):
        expected, _ = cli(["--kinds", "document"], text, tmp_path)
        assert [as_cli(r) for r in got.get(i, [])] == expected


def test_bad_options_raise_on_the_driver_with_the_clis_message(spark):
    articles = spark.createDataFrame([("a", "文本")], ["id", "text"])
    with pytest.raises(ValueError, match=r"^unknown kind 'slogan' \(figure, initiative, document\)$"):
        zhupi.spark.entities(articles, kinds=["slogan"])
    with pytest.raises(ValueError, match="^term 0 has empty text$"):
        zhupi.spark.entities(articles, terms=[{"text": "", "kind": "figure"}])
