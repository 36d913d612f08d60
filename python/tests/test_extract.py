"""zhupi.extract and zhupi.extract_many against the CLI, on every development-set text.

"The same" is strict here: the same entities, the same keys in the same order (absent
where the CLI leaves a field out), and the same Python types that json.loads gives for
the CLI's line, so 700 must be an int and never 700.0. Errors are the CLI's messages.
"""

import json
import random
import threading
import time

import pytest

import zhupi
from conftest import GOLD

TERMS = [
    {"text": "头雁工程", "kind": "initiative"},
    {"text": "乡村振兴", "kind": "initiative"},
    {"text": "政府工作报告", "kind": "document"},
]

# (name, CLI arguments, Python keyword arguments); a terms file is written per run.
OPTIONS = [
    ("default", [], {}),
    ("kinds", ["--kinds", "figure,document"], {"kinds": ["figure", "document"]}),
    ("terms", ["--terms", "TERMS"], {"terms": TERMS}),
]


def strict(a, b):
    """Equal values of the same types, dict keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(strict(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(strict(x, y) for x, y in zip(a, b))
    return a == b


def cli_args(args, tmp_path):
    if "TERMS" in args:
        f = tmp_path / "terms.json"
        f.write_text(json.dumps(TERMS, ensure_ascii=False), encoding="utf-8")
        args = [str(f) if a == "TERMS" else a for a in args]
    return args


@pytest.mark.parametrize("opt", OPTIONS, ids=[o[0] for o in OPTIONS])
@pytest.mark.parametrize("doc", sorted(GOLD))
def test_extract_is_the_cli(doc, opt, cli, tmp_path):
    _, args, kwargs = opt
    expected, err = cli(cli_args(args, tmp_path), GOLD[doc], tmp_path)
    assert err is None, err
    got = zhupi.extract(GOLD[doc], **kwargs)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert strict(g, e), f"{g} != {e}"


def test_development_set_has_the_sixteen_texts_and_every_shape_of_value(cli, tmp_path):
    assert len(GOLD) == 16
    shapes = set()
    for text in GOLD.values():
        for e in zhupi.extract(text):
            v = e.get("value")
            shapes.add(type(v).__name__ if not isinstance(v, list) else "list of " + type(v[0]).__name__)
    # int, float, [lo, hi] numbers, dates and date ranges all occur, so all are compared.
    assert {"int", "float", "str", "list of int", "list of str", "NoneType"} <= shapes, shapes


def test_fields_are_absent_not_none():
    (init,) = zhupi.extract("实施“头雁”工程")
    assert init == {"start": 2, "end": 8, "text": "“头雁”工程", "kind": "initiative"}


def test_kinds_and_terms_in_every_accepted_form():
    text = "实施头雁工程，覆盖3.47万人，出台《意见》"
    as_list = zhupi.extract(text, kinds=["figure"], terms=TERMS)
    assert as_list == zhupi.extract(text, kinds="figure", terms=json.dumps(TERMS))
    assert as_list == zhupi.extract(text, kinds=("figure",), terms=tuple(TERMS))
    assert as_list == zhupi.extract(text, kinds=iter(["figure"]), terms=TERMS)
    assert [e["kind"] for e in as_list] == ["figure"]
    assert zhupi.extract(text, kinds=[]) == []
    assert zhupi.extract("") == []


# --- errors: the CLI's messages ------------------------------------------------------

BAD_TERMS = [
    [{"text": "x", "kind": "slogan"}],
    [{"txt": "x", "kind": "figure"}],
    [{"text": " ", "kind": "figure"}],
    [{"text": "字" * 101, "kind": "document"}],
    [{"text": "头雁\n工程", "kind": "initiative"}],
    {"text": "x", "kind": "figure"},
    [{"text": "x", "kind": "figure", "extra": 1}],
    "[{",
]


@pytest.mark.parametrize("terms", BAD_TERMS, ids=range(len(BAD_TERMS)))
def test_bad_terms_raise_the_clis_message(terms, cli, tmp_path):
    f = tmp_path / "terms.json"
    f.write_text(terms if isinstance(terms, str) else json.dumps(terms, ensure_ascii=False), encoding="utf-8")
    _, err = cli(["--terms", str(f)], "文本", tmp_path)
    prefix = f"zhupi: {f}: "
    assert err.startswith(prefix), err
    with pytest.raises(ValueError) as raised:
        zhupi.extract("文本", terms=terms)
    assert str(raised.value) == err[len(prefix):]


@pytest.mark.parametrize("kinds", ["slogan", "figure,slogan", " figure, x"])
def test_unknown_kinds_raise_the_clis_message(kinds, cli, tmp_path):
    _, err = cli(["--kinds", kinds], "文本", tmp_path)
    with pytest.raises(ValueError) as as_str:
        zhupi.extract("文本", kinds=kinds)
    assert "zhupi: " + str(as_str.value) == err
    with pytest.raises(ValueError) as as_list:
        zhupi.extract("文本", kinds=kinds.split(","))
    # A list's item is named as given (not trimmed), as the CLI names it.
    assert "zhupi: " + str(as_list.value) == err


@pytest.mark.parametrize(
    "text, says",
    [(b"\xe6\x96\x87", "text must be str, not bytes (decode it first"), (None, "not NoneType"), (3, "not int")],
)
def test_text_that_is_not_str_is_a_type_error(text, says):
    with pytest.raises(TypeError, match=says.replace("(", r"\(")):
        zhupi.extract(text)


def test_other_bad_arguments_are_clear():
    with pytest.raises(TypeError, match="texts must be an iterable of str, not one str"):
        zhupi.extract_many("一个文本")
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not int"):
        zhupi.extract_many(["文本", 1])
    with pytest.raises(TypeError, match="texts must be an iterable of str, not int"):
        zhupi.extract_many(5)
    with pytest.raises(TypeError, match="kinds must hold str"):
        zhupi.extract("文本", kinds=[1])
    with pytest.raises(TypeError, match="kinds must be an iterable"):
        zhupi.extract("文本", kinds=1)
    with pytest.raises(TypeError, match="terms must be a list of"):
        zhupi.extract("文本", terms=[{"text": object(), "kind": "figure"}])
    # A str Python holds but UTF-8 cannot (a lone surrogate): Python's own error.
    with pytest.raises(UnicodeEncodeError):
        zhupi.extract("文\ud800本")


# --- extract_many --------------------------------------------------------------------


def test_extract_many_is_a_loop_of_extract():
    texts = list(GOLD.values()) * 8 + ["", "无数字", "实施“头雁”工程"]
    random.Random(15).shuffle(texts)
    for kwargs in ({}, {"kinds": ["initiative"], "terms": TERMS}):
        assert zhupi.extract_many(texts, **kwargs) == [zhupi.extract(t, **kwargs) for t in texts]
    assert zhupi.extract_many(iter(texts[:5])) == [zhupi.extract(t) for t in texts[:5]]
    assert zhupi.extract_many([]) == []
    assert zhupi.extract_columns([]) == {k: [] for k in ("row", "start", "end", "text", "kind", "sub", "value", "unit", "approx")}


def test_extract_columns_is_extract_as_columns():
    texts = list(GOLD.values())
    cols = zhupi.extract_columns(texts)
    rows = [dict(zip(cols, r)) for r in zip(*cols.values())]
    expected = [(i, e) for i, t in enumerate(texts) for e in zhupi.extract(t)]
    assert len(rows) == len(expected)
    for r, (i, e) in zip(rows, expected):
        assert r["row"] == i
        as_entity = {k: r[k] for k in ("start", "end", "text", "kind", "sub", "value", "unit", "approx") if r[k] is not None}
        if "value" in as_entity:
            as_entity["value"] = json.loads(as_entity["value"])
        assert strict(as_entity, e)


def test_extract_many_releases_the_gil():
    """While extract_many reads, another Python thread keeps running: no pause in the
    main thread's loop comes near the call's length (holding the GIL would make one)."""
    texts = list(GOLD.values()) * 150
    done = threading.Event()
    span = []

    def work():
        t0 = time.perf_counter()
        zhupi.extract_many(texts)
        span.append(time.perf_counter() - t0)
        done.set()

    worker = threading.Thread(target=work)
    ticks = []
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0)
    worker.join()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert span[0] > 0.05, "the workload is too small to tell"
    assert max(gaps, default=span[0]) < 0.5 * span[0], (max(gaps), span[0])
