//! Scoring the extractor against hand-annotated gold files, as the spec's "How a result
//! is scored" section defines it.
//!
//! A prediction matches a gold entity when their spans overlap and their kinds are
//! equal; each gold entity matches at most one prediction. Precision, recall and F1 are
//! per kind; exact-span matches, and for figures the value, unit and approx of matched
//! pairs, are counted beside them. The CLI's `zhupi eval` and the quality-gate test both
//! use [`evaluate`], so the number in the README is the number the gate checks.

use crate::entity::{Entity, Kind, Value};
use crate::{extract, Options};
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// One gold file: `{"id", "text", "entities"}`.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDoc {
    #[serde(default)]
    pub id: String,
    pub text: String,
    pub entities: Vec<Entity>,
}

/// Counts for one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct KindScore {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub exact: usize,
    pub value_right: usize,
    pub unit_right: usize,
    pub approx_right: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

impl KindScore {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Matched pairs with the same start and end, over all matched pairs.
    pub fn exact_rate(&self) -> f64 {
        ratio(self.exact, self.matched)
    }
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_right, self.matched)
    }
    pub fn unit_accuracy(&self) -> f64 {
        ratio(self.unit_right, self.matched)
    }
    pub fn approx_accuracy(&self) -> f64 {
        ratio(self.approx_right, self.matched)
    }
    fn add(&mut self, o: &KindScore) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.exact += o.exact;
        self.value_right += o.value_right;
        self.unit_right += o.unit_right;
        self.approx_right += o.approx_right;
    }
}

/// A disagreement with the gold, for `zhupi eval --misses`.
#[derive(Clone, Debug)]
pub enum Miss {
    /// A gold entity nothing matched.
    Missed(Entity),
    /// A prediction that matched no gold entity.
    Spurious(Entity),
    /// A matched figure whose value, unit or approx differ, or whose span is not exact.
    Differs { gold: Entity, predicted: Entity },
}

/// Scores of a whole set of documents, with the misses of each.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub documents: usize,
    scores: [KindScore; 3],
    pub misses: Vec<(String, Miss)>,
}

impl Report {
    pub fn kind(&self, kind: Kind) -> &KindScore {
        &self.scores[kind as usize]
    }
}

/// Dates as the spec accepts them: equal strings, or `2019` for `2019年底` where the gold
/// says `2019-12` (the spec accepts both).
fn values_agree(gold: &Value, predicted: &Value) -> bool {
    if gold.matches(predicted) {
        return true;
    }
    match (gold, predicted) {
        (Value::Date(g), Value::Date(p)) => {
            g.strip_suffix("-12") == Some(p) || p.strip_suffix("-12") == Some(g)
        }
        _ => false,
    }
}

fn overlap(a: &Entity, b: &Entity) -> bool {
    a.start < b.end && b.start < a.end
}

/// Scores one document's predictions against its gold entities.
pub fn score_document(id: &str, gold: &[Entity], predicted: &[Entity], report: &mut Report) {
    let mut taken = vec![false; gold.len()];
    let mut doc = [KindScore::default(); 3];
    for g in gold {
        doc[g.kind as usize].gold += 1;
    }
    for p in predicted {
        let s = &mut doc[p.kind as usize];
        s.predicted += 1;
        let hit = gold
            .iter()
            .enumerate()
            .find(|(k, g)| !taken[*k] && g.kind == p.kind && overlap(g, p));
        let Some((k, g)) = hit else {
            report
                .misses
                .push((id.to_owned(), Miss::Spurious(p.clone())));
            continue;
        };
        taken[k] = true;
        s.matched += 1;
        let exact = g.start == p.start && g.end == p.end;
        let value = match (&g.value, &p.value) {
            (Some(gv), Some(pv)) => values_agree(gv, pv),
            (None, None) => true,
            _ => false,
        };
        let unit = g.unit == p.unit;
        let approx = g.approx == p.approx;
        s.exact += exact as usize;
        s.value_right += value as usize;
        s.unit_right += unit as usize;
        s.approx_right += approx as usize;
        if !(exact && value && unit && approx) {
            report.misses.push((
                id.to_owned(),
                Miss::Differs {
                    gold: g.clone(),
                    predicted: p.clone(),
                },
            ));
        }
    }
    for (k, g) in gold.iter().enumerate() {
        if !taken[k] {
            report.misses.push((id.to_owned(), Miss::Missed(g.clone())));
        }
    }
    for (total, d) in report.scores.iter_mut().zip(doc.iter()) {
        total.add(d);
    }
    report.documents += 1;
}

/// Why a gold folder could not be read.
#[derive(Debug)]
pub enum GoldError {
    NotADirectory(PathBuf),
    Empty(PathBuf),
    Io(PathBuf, std::io::Error),
    Format(PathBuf, String),
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoldError::NotADirectory(p) => {
                write!(f, "{}: not a directory of gold files", p.display())
            }
            GoldError::Empty(p) => write!(
                f,
                "{}: no gold files (*.json) in this directory",
                p.display()
            ),
            GoldError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            GoldError::Format(p, e) => write!(f, "{}: not a gold file: {e}", p.display()),
        }
    }
}

impl std::error::Error for GoldError {}

/// Reads every `*.json` gold file of a folder, sorted by name.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<(String, GoldDoc)>, GoldError> {
    if !dir.is_dir() {
        return Err(GoldError::NotADirectory(dir.to_owned()));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| GoldError::Io(dir.to_owned(), e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(GoldError::Empty(dir.to_owned()));
    }
    paths
        .into_iter()
        .map(|p| {
            let raw = std::fs::read_to_string(&p).map_err(|e| GoldError::Io(p.clone(), e))?;
            let doc: GoldDoc = serde_json::from_str(&raw)
                .map_err(|e| GoldError::Format(p.clone(), e.to_string()))?;
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok((name, doc))
        })
        .collect()
}

/// Runs the extractor over every gold document and scores it.
pub fn evaluate(docs: &[(String, GoldDoc)], options: &Options) -> Report {
    let mut report = Report::default();
    for (name, doc) in docs {
        let predicted = extract(&doc.text, options);
        let gold: Vec<Entity> = doc
            .entities
            .iter()
            .filter(|e| options.wants(e.kind))
            .cloned()
            .collect();
        score_document(name, &gold, &predicted, &mut report);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::{Approx, Sub};

    fn fig(start: usize, end: usize, value: f64) -> Entity {
        Entity {
            start,
            end,
            text: String::new(),
            kind: Kind::Figure,
            sub: Some(Sub::Count),
            value: Some(Value::Number(value)),
            unit: Some("个".into()),
            approx: Some(Approx::Exact),
        }
    }

    #[test]
    fn overlap_matches_once_and_exactness_is_reported() {
        let gold = [fig(0, 3, 48.0), fig(10, 13, 19.0)];
        let predicted = [fig(0, 3, 48.0), fig(11, 12, 19.0), fig(12, 13, 19.0)];
        let mut r = Report::default();
        score_document("d", &gold, &predicted, &mut r);
        let s = r.kind(Kind::Figure);
        assert_eq!((s.gold, s.predicted, s.matched, s.exact), (2, 3, 2, 1));
        assert!((s.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.recall(), 1.0);
    }

    #[test]
    fn kinds_must_agree() {
        let mut other = fig(0, 3, 1.0);
        other.kind = Kind::Initiative;
        let mut r = Report::default();
        score_document("d", &[fig(0, 3, 1.0)], &[other], &mut r);
        assert_eq!(r.kind(Kind::Figure).matched, 0);
        assert_eq!(r.kind(Kind::Initiative).predicted, 1);
    }

    #[test]
    fn year_end_accepts_both_forms() {
        assert!(values_agree(
            &Value::Date("2019-12".into()),
            &Value::Date("2019".into())
        ));
        assert!(!values_agree(
            &Value::Date("2019-11".into()),
            &Value::Date("2019".into())
        ));
    }
}
