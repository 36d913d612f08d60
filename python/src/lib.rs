//! `zhupi._zhupi`, the native half of the Python package: the core's `extract` with
//! Python values in and out.
//!
//! - Every entity becomes the dict that `json.loads` makes of the CLI's JSON Lines line
//!   for it: the same keys in the same order, absent (not `None`) where the CLI leaves a
//!   field out, whole numbers as `int`, ranges as two-item lists. The CLI's output is the
//!   contract; the tests compare the two on every gold text.
//! - Kinds and terms are checked as the CLI checks them, with its messages: terms go
//!   through the core's own JSON parser (`Terms::from_json`), a list of dicts being
//!   written as JSON first, so a mistake reads the same in both.
//! - `extract` releases the GIL while it reads; `extract_many` reads the texts on
//!   rayon's pool with the GIL released and, on the calling thread, turns each text's
//!   entities into Python objects as soon as they come, so that the part that needs the
//!   GIL overlaps the parallel part instead of following it.
//!
//! The core is named `zhupi_core` here (Cargo.toml: `zhupi-core`), whatever crate it
//! comes from.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rayon::prelude::*;
use std::sync::{mpsc, Mutex};
use zhupi_core::{Approx, Entity, Kind, Options, Sub, Terms, Value};

/// The Python name of a value's type, for error messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// A text argument as `&str`, borrowed from the Python string (no copy).
fn text_of<'a>(obj: &'a Bound<'_, PyAny>, what: impl Fn() -> String) -> PyResult<&'a str> {
    match obj.cast::<PyString>() {
        Ok(s) => s.to_str(),
        Err(_) => {
            let hint = if obj.cast::<pyo3::types::PyBytes>().is_ok() {
                " (decode it first, e.g. .decode(\"utf-8\"))"
            } else {
                ""
            };
            Err(PyTypeError::new_err(format!(
                "{} must be str, not {}{hint}",
                what(),
                type_name(obj)
            )))
        }
    }
}

/// The items of a `texts` argument (any iterable of str but a str itself), held for the
/// whole call so that their UTF-8 can be borrowed while the GIL is released.
fn texts_of<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if texts.cast::<PyString>().is_ok() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not one str (use extract for a single text)",
        ));
    }
    let items = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "texts must be an iterable of str, not {}",
            type_name(texts)
        ))
    })?;
    items.collect()
}

fn strs_of<'a>(held: &'a [Bound<'_, PyAny>]) -> PyResult<Vec<&'a str>> {
    held.iter()
        .enumerate()
        .map(|(i, t)| text_of(t, || format!("texts[{i}]")))
        .collect()
}

/// The CLI's message for a kind it does not know.
fn unknown_kind(s: &str) -> PyErr {
    PyValueError::new_err(format!("unknown kind '{s}' (figure, initiative, document)"))
}

/// `kinds`: None (all three), a comma-separated str as `--kinds` takes it, or an
/// iterable of kind names.
fn parse_kinds(kinds: &Bound<'_, PyAny>) -> PyResult<Vec<Kind>> {
    if let Ok(list) = kinds.cast::<PyString>() {
        // Exactly the CLI's `--kinds` parsing.
        return list
            .to_str()?
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| Kind::parse(s.trim()).ok_or_else(|| unknown_kind(s)))
            .collect();
    }
    let items = kinds.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "kinds must be an iterable of 'figure', 'initiative', 'document', not {}",
            type_name(kinds)
        ))
    })?;
    let mut out = Vec::new();
    for item in items {
        let item = item?;
        let name = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "kinds must hold str ('figure', 'initiative', 'document'), not {}",
                type_name(&item)
            ))
        })?;
        let name = name.to_str()?;
        out.push(Kind::parse(name.trim()).ok_or_else(|| unknown_kind(name))?);
    }
    Ok(out)
}

/// `terms`: None, a JSON string (what `--terms FILE` holds), or a list of
/// `{"text", "kind"}` dicts, which is written as JSON and read by the same parser.
fn parse_terms(py: Python<'_>, terms: &Bound<'_, PyAny>) -> PyResult<Terms> {
    let json: String = if let Ok(s) = terms.cast::<PyString>() {
        s.to_str()?.to_owned()
    } else {
        let kwargs = PyDict::new(py);
        kwargs.set_item("ensure_ascii", false)?;
        py.import("json")?
            .call_method("dumps", (terms,), Some(&kwargs))
            .map_err(|e| {
                PyTypeError::new_err(format!(
                    "terms must be a list of {{\"text\": …, \"kind\": …}} dicts or their JSON: {}",
                    e.value(py)
                ))
            })?
            .extract()?
    };
    Terms::from_json(&json).map_err(|e| PyValueError::new_err(e.message()))
}

fn options(
    kinds: Option<&Bound<'_, PyAny>>,
    terms: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    let mut options = Options::default();
    if let Some(k) = kinds {
        options.kinds = parse_kinds(k)?;
    }
    if let Some(t) = terms {
        options.terms = parse_terms(t.py(), t)?;
    }
    Ok(options)
}

/// A number as serde_json writes it for the CLI: whole numbers below 2^53 as integers,
/// others as floats, non-finite ones as null.
fn number<'py>(py: Python<'py>, n: f64) -> PyResult<Bound<'py, PyAny>> {
    Ok(if !n.is_finite() {
        py.None().into_bound(py)
    } else if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        (n as i64).into_pyobject(py)?.into_any()
    } else {
        n.into_pyobject(py)?.into_any()
    })
}

fn value<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Number(n) => number(py, *n)?,
        Value::Range(a, b) => PyList::new(py, [number(py, *a)?, number(py, *b)?])?.into_any(),
        Value::Date(d) => PyString::new(py, d).into_any(),
        Value::DateRange(a, b) => {
            PyList::new(py, [PyString::new(py, a), PyString::new(py, b)])?.into_any()
        }
    })
}

fn kind_str<'py>(py: Python<'py>, k: Kind) -> &'py Bound<'py, PyString> {
    match k {
        Kind::Figure => intern!(py, "figure"),
        Kind::Initiative => intern!(py, "initiative"),
        Kind::Document => intern!(py, "document"),
    }
}

fn sub_str<'py>(py: Python<'py>, s: Sub) -> &'py Bound<'py, PyString> {
    match s {
        Sub::Count => intern!(py, "count"),
        Sub::Percent => intern!(py, "percent"),
        Sub::Money => intern!(py, "money"),
        Sub::Measure => intern!(py, "measure"),
        Sub::Duration => intern!(py, "duration"),
        Sub::Date => intern!(py, "date"),
        Sub::Ordinal => intern!(py, "ordinal"),
        Sub::Number => intern!(py, "number"),
        Sub::Policy => intern!(py, "policy"),
        Sub::Publication => intern!(py, "publication"),
    }
}

fn approx_str<'py>(py: Python<'py>, a: Approx) -> &'py Bound<'py, PyString> {
    match a {
        Approx::Exact => intern!(py, "exact"),
        Approx::About => intern!(py, "about"),
        Approx::MoreThan => intern!(py, "more_than"),
        Approx::LessThan => intern!(py, "less_than"),
    }
}

/// One entity as the dict of its CLI line.
fn entity<'py>(py: Python<'py>, e: &Entity) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "start"), e.start)?;
    d.set_item(intern!(py, "end"), e.end)?;
    d.set_item(intern!(py, "text"), PyString::new(py, &e.text))?;
    d.set_item(intern!(py, "kind"), kind_str(py, e.kind))?;
    if let Some(s) = e.sub {
        d.set_item(intern!(py, "sub"), sub_str(py, s))?;
    }
    if let Some(v) = &e.value {
        d.set_item(intern!(py, "value"), value(py, v)?)?;
    }
    if let Some(u) = &e.unit {
        d.set_item(intern!(py, "unit"), PyString::new(py, u))?;
    }
    if let Some(a) = e.approx {
        d.set_item(intern!(py, "approx"), approx_str(py, a))?;
    }
    Ok(d)
}

fn entity_list<'py>(py: Python<'py>, found: &[Entity]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for e in found {
        list.append(entity(py, e)?)?;
    }
    Ok(list)
}

/// The entities of `text`, in document order, as the CLI's `zhupi extract` prints them:
/// one dict per entity with `start`, `end` (code points, end exclusive), `text`, `kind`
/// and, where the spec gives them, `sub`, `value`, `unit`, `approx`.
#[pyfunction]
#[pyo3(signature = (text, kinds=None, terms=None))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    kinds: Option<&Bound<'py, PyAny>>,
    terms: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let text = text_of(text, || "text".into())?;
    let options = options(kinds, terms)?;
    let found = py.detach(|| zhupi_core::extract(text, &options));
    entity_list(py, &found)
}

/// `extract` of every text, read in parallel on all cores with the GIL released: a
/// list of entity lists, in the order of `texts`.
#[pyfunction]
#[pyo3(signature = (texts, kinds=None, terms=None))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    kinds: Option<&Bound<'py, PyAny>>,
    terms: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let held = texts_of(texts)?;
    let strs = strs_of(&held)?;
    let options = options(kinds, terms)?;

    let mut lists: Vec<Option<Bound<'py, PyList>>> = vec![None; strs.len()];
    let (tx, rx) = mpsc::channel::<(usize, Vec<Entity>)>();
    // Waiting happens with the GIL released, from a closure that must be Send.
    let rx = Mutex::new(rx);
    let (strs, options) = (&strs, &options);
    rayon::in_place_scope(|scope| -> PyResult<()> {
        scope.spawn(move |_| {
            strs.par_iter()
                .enumerate()
                .for_each_with(tx, |tx, (i, text)| {
                    // The receiver outlives the scope: a send cannot fail.
                    let _ = tx.send((i, zhupi_core::extract(text, options)));
                });
        });
        // Each result as it comes (its own order), into its slot (the input's order).
        while let Ok((i, found)) = py.detach(|| rx.lock().expect("one reader").recv()) {
            lists[i] = Some(entity_list(py, &found)?);
        }
        Ok(())
    })?;
    PyList::new(py, lists.into_iter().map(|l| l.expect("every text read")))
}

/// The entities of every text as columns (for `zhupi.spark`, which hands them to Arrow):
/// a dict of equal-length lists `row` (the text's index in `texts`), `start`, `end`,
/// `text`, `kind`, `sub`, `value`, `unit`, `approx`, with None where the CLI leaves a
/// field out and `value` as the CLI writes it in JSON (`34700`, `[5.6,5.78]`,
/// `"2019-04"`). Read in parallel with the GIL released, as `extract_many`.
#[pyfunction]
#[pyo3(signature = (texts, kinds=None, terms=None))]
fn extract_columns<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    kinds: Option<&Bound<'py, PyAny>>,
    terms: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let held = texts_of(texts)?;
    let strs = strs_of(&held)?;
    let options = options(kinds, terms)?;
    let found: Vec<Vec<Entity>> = py.detach(|| {
        strs.par_iter()
            .map(|t| zhupi_core::extract(t, &options))
            .collect()
    });
    let n: usize = found.iter().map(Vec::len).sum();
    let mut row = Vec::with_capacity(n);
    let (mut start, mut end) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut text, mut kind) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut sub, mut val) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut unit, mut approx) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for (i, list) in found.iter().enumerate() {
        for e in list {
            row.push(i);
            start.push(e.start);
            end.push(e.end);
            text.push(e.text.as_str());
            kind.push(e.kind.as_str());
            sub.push(e.sub.map(Sub::as_str));
            val.push(match &e.value {
                Some(v) => Some(
                    serde_json::to_string(v).map_err(|e| PyValueError::new_err(e.to_string()))?,
                ),
                None => None,
            });
            unit.push(e.unit.as_deref());
            approx.push(e.approx.map(Approx::as_str));
        }
    }
    let d = PyDict::new(py);
    d.set_item("row", row)?;
    d.set_item("start", start)?;
    d.set_item("end", end)?;
    d.set_item("text", text)?;
    d.set_item("kind", kind)?;
    d.set_item("sub", sub)?;
    d.set_item("value", val)?;
    d.set_item("unit", unit)?;
    d.set_item("approx", approx)?;
    Ok(d)
}

/// The figures, named initiatives and policy documents of Chinese news articles.
#[pymodule]
fn _zhupi(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract_columns, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
