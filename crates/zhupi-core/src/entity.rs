//! What the extractor reports: an [`Entity`] is a span of the input with its kind and,
//! for figures, its normalised value.
//!
//! The types mirror `shared/spec/marking.md` one to one, and their JSON form (through
//! serde) is the wire format of the CLI's JSON Lines, of the gold files and of the JS API:
//! `{start, end, text, kind, sub?, value?, unit?, approx?}` with offsets in Unicode code
//! points, end exclusive.

use serde::{Deserialize, Serialize, Serializer};

/// The three kinds of entity of the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Figure,
    Initiative,
    Document,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Figure, Kind::Initiative, Kind::Document];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Figure => "figure",
            Kind::Initiative => "initiative",
            Kind::Document => "document",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// The sub kind: a figure's category, or a document's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sub {
    Count,
    Percent,
    Money,
    Measure,
    Duration,
    Date,
    Ordinal,
    Number,
    Policy,
    Publication,
}

impl Sub {
    pub fn as_str(self) -> &'static str {
        match self {
            Sub::Count => "count",
            Sub::Percent => "percent",
            Sub::Money => "money",
            Sub::Measure => "measure",
            Sub::Duration => "duration",
            Sub::Date => "date",
            Sub::Ordinal => "ordinal",
            Sub::Number => "number",
            Sub::Policy => "policy",
            Sub::Publication => "publication",
        }
    }
}

/// How the text qualifies a figure's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    Exact,
    About,
    MoreThan,
    LessThan,
}

impl Approx {
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::Exact => "exact",
            Approx::About => "about",
            Approx::MoreThan => "more_than",
            Approx::LessThan => "less_than",
        }
    }
}

/// A figure's normalised value: a number, a `[lo, hi]` range, or an ISO 8601 date
/// (partial where the text is: `2017`, `XXXX-06`, `T18:30`), or a range of dates.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Range(f64, f64),
    Date(String),
    DateRange(String, String),
}

impl Value {
    /// Equality as the spec scores it: numbers within 1e-9 relative, dates as strings.
    pub fn matches(&self, other: &Value) -> bool {
        fn close(a: f64, b: f64) -> bool {
            a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
        }
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => close(*a, *b),
            (Value::Range(a, b), Value::Range(c, d)) => close(*a, *c) && close(*b, *d),
            (Value::Date(a), Value::Date(b)) => a == b,
            (Value::DateRange(a, b), Value::DateRange(c, d)) => a == c && b == d,
            _ => false,
        }
    }
}

/// Whole numbers print without a fraction (`34700`, not `34700.0`), as in the gold.
fn serialize_number<S: Serializer>(n: f64, s: S) -> Result<S::Ok, S::Error> {
    if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        s.serialize_i64(n as i64)
    } else {
        s.serialize_f64(n)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        match self {
            Value::Number(n) => serialize_number(*n, s),
            Value::Range(lo, hi) => {
                struct N(f64);
                impl Serialize for N {
                    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                        serialize_number(self.0, s)
                    }
                }
                let mut t = s.serialize_tuple(2)?;
                t.serialize_element(&N(*lo))?;
                t.serialize_element(&N(*hi))?;
                t.end()
            }
            Value::Date(d) => s.serialize_str(d),
            Value::DateRange(a, b) => {
                let mut t = s.serialize_tuple(2)?;
                t.serialize_element(a)?;
                t.serialize_element(b)?;
                t.end()
            }
        }
    }
}

/// One marked span of the input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// First code point of the span.
    pub start: usize,
    /// One past the last code point of the span.
    pub end: usize,
    /// The span's text, as written.
    pub text: String,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub: Option<Sub>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_serialise_without_fraction() {
        assert_eq!(
            serde_json::to_string(&Value::Number(34700.0)).unwrap(),
            "34700"
        );
        assert_eq!(serde_json::to_string(&Value::Number(93.3)).unwrap(), "93.3");
        assert_eq!(
            serde_json::to_string(&Value::Range(150.0, 180.5)).unwrap(),
            "[150,180.5]"
        );
        assert_eq!(
            serde_json::to_string(&Value::Date("XXXX-06".into())).unwrap(),
            "\"XXXX-06\""
        );
    }

    #[test]
    fn values_read_back_from_gold_json() {
        let v: Value = serde_json::from_str("[20000, 90000]").unwrap();
        assert_eq!(v, Value::Range(20000.0, 90000.0));
        let v: Value = serde_json::from_str("\"2019-04\"").unwrap();
        assert_eq!(v, Value::Date("2019-04".into()));
        let v: Value = serde_json::from_str("0.5").unwrap();
        assert!(v.matches(&Value::Number(0.5)));
    }

    #[test]
    fn numbers_match_within_relative_tolerance() {
        assert!(Value::Number(2345000000.0).matches(&Value::Number(2345000000.000001)));
        assert!(!Value::Number(2345.0).matches(&Value::Number(2346.0)));
        assert!(!Value::Number(2017.0).matches(&Value::Date("2017".into())));
    }
}
