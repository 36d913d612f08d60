"""zhupi over Apache Spark: an entities DataFrame from a DataFrame of articles.

Shaped for archives that outgrow one machine: each executor's Python worker receives
the articles as Arrow record batches (``mapInArrow``), reads a whole batch with one
native call (``zhupi.extract_columns``: every core, the GIL released) and hands the
entities back as one Arrow batch, so no Python object is made per entity and nothing
goes through pandas. The package must be installed where the executors run (in local
mode it is the driver's environment; on a cluster, install the wheel on the workers,
or ship it with ``--archives`` of a packed environment).

Example (``make spark-example`` runs it on the development set)::

    from pyspark.sql import SparkSession
    import zhupi.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    articles = spark.read.json("articles.jsonl")          # columns id, text
    found = zhupi.spark.entities(articles, kinds=["figure"])
    found.groupBy("unit").count().show()

The entities DataFrame has one row per entity, in each article's document order:
``id`` (the article's, of its type), ``start``, ``end`` (code points, end exclusive),
``text``, ``kind``, and ``sub``, ``value``, ``unit``, ``approx`` (null where the CLI
leaves the field out). ``value`` has several shapes (a number, ``[lo, hi]``, a partial
ISO 8601 date, a range of dates), so it is the CLI's JSON of it as a string
(``34700``, ``[5.6,5.78]``, ``"2019-04"``): ``json.loads`` or ``F.from_json`` reads it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Union

import zhupi

if TYPE_CHECKING:  # PySpark is needed only to call entities().
    import pyarrow
    from pyspark.sql import DataFrame

__all__ = ["entities", "schema"]

_COLUMNS = ("start", "end", "text", "kind", "sub", "value", "unit", "approx")


def schema(id_type=None):
    """The entities DataFrame's schema; ``id_type`` is the articles' id column type."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    return StructType(
        [StructField("id", id_type or StringType(), True)]
        + [StructField(c, LongType(), False) for c in ("start", "end")]
        + [StructField(c, StringType(), False) for c in ("text", "kind")]
        + [StructField(c, StringType(), True) for c in ("sub", "value", "unit", "approx")]
    )


def entities(
    df: "DataFrame",
    text_col: str = "text",
    id_col: str = "id",
    kinds: Union[str, Iterable[str], None] = None,
    terms: Union[str, Iterable[dict], None] = None,
) -> "DataFrame":
    """The entities of every article of ``df``, one row each (see the module's doc).

    ``text_col`` holds the article's text (a null text has no entities), ``id_col``
    what names it; ``kinds`` and ``terms`` are ``zhupi.extract``'s. They are checked
    here, on the driver, so a mistake raises at once with the CLI's message rather
    than inside a task.
    """
    if kinds is not None and not isinstance(kinds, str):
        kinds = list(kinds)
    if terms is not None and not isinstance(terms, str):
        terms = json.dumps(list(terms), ensure_ascii=False)
    zhupi.extract("", kinds=kinds, terms=terms)

    out = schema(df.schema[id_col].dataType)

    def run(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        import pyarrow as pa

        import zhupi as z

        for batch in batches:
            ids, texts = batch.column(0), batch.column(1).to_pylist()
            cols = z.extract_columns(
                ["" if t is None else t for t in texts], kinds=kinds, terms=terms
            )
            arrays = [ids.take(pa.array(cols["row"], type=pa.int64()))]
            arrays += [pa.array(cols[c], type=pa.int64()) for c in ("start", "end")]
            arrays += [pa.array(cols[c], type=pa.string()) for c in _COLUMNS[2:]]
            yield pa.RecordBatch.from_arrays(arrays, names=["id", *_COLUMNS])

    return df.select(id_col, text_col).mapInArrow(run, out)
