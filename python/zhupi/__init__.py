"""zhupi: the figures, named initiatives and policy documents of Chinese news.

The extractor is the Rust core (the same one as the CLI and the page module),
compiled into the native module ``zhupi._zhupi``; this file only re-exports it, so that
``import zhupi`` stays cheap and the Spark helper (``zhupi.spark``, which imports
PySpark) is loaded only when asked for.

- ``extract(text, kinds=None, terms=None)``: the entities of one text, as dicts with
  exactly the fields of ``zhupi extract``'s JSON Lines (``start``, ``end``, ``text``,
  ``kind`` and, where given, ``sub``, ``value``, ``unit``, ``approx``).
- ``extract_many(texts, kinds=None, terms=None)``: the same for many texts, in
  parallel on all cores with the GIL released; a list of lists in input order.
- ``extract_columns(texts, kinds=None, terms=None)``: the same as columns (a dict of
  lists, ``row`` naming the text, ``value`` as the CLI's JSON), for Arrow and Spark.
- ``zhupi.spark.entities(df, …)``: an entities DataFrame from a PySpark DataFrame.

``kinds`` is an iterable of ``"figure"``, ``"initiative"``, ``"document"`` (or the
CLI's comma-separated string); ``terms`` a list of ``{"text": …, "kind": …}`` dicts or
the same as JSON. Bad ones raise ``ValueError`` with the CLI's messages; a text that is
not a ``str`` raises ``TypeError``.
"""

from ._zhupi import __version__, extract, extract_columns, extract_many

KINDS = ("figure", "initiative", "document")

__all__ = ["KINDS", "__version__", "extract", "extract_columns", "extract_many"]
