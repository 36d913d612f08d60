//! The quality gate on the development set (`../shared/gold/`, and with
//! `../shared/gold-new/` the sixteen articles together), scored by the same
//! `eval::evaluate` that `zhupi eval` prints. The thresholds are the issues' bars.

use std::path::Path;
use zhupi_core::eval::{evaluate, load_gold_dir, Report};
use zhupi_core::{Kind, Options};

fn report_of(folders: &[&str]) -> Report {
    let mut docs = Vec::new();
    for folder in folders {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared")
            .join(folder);
        docs.extend(load_gold_dir(&dir).expect("the development set in ../shared"));
    }
    evaluate(&docs, &Options::default())
}

fn report() -> Report {
    report_of(&["gold"])
}

/// Issue 13's bars on the sixteen articles: figure F1 and value accuracy ≥ 0.97,
/// documents ≥ 0.98, initiatives ≥ 0.85.
#[test]
fn the_sixteen_articles_meet_the_bar() {
    let r = report_of(&["gold", "gold-new"]);
    let (f, i, d) = (
        r.kind(Kind::Figure),
        r.kind(Kind::Initiative),
        r.kind(Kind::Document),
    );
    println!(
        "16 articles: figure F1 {:.3} value {:.3}; initiative F1 {:.3}; document F1 {:.3}",
        f.f1(),
        f.value_accuracy(),
        i.f1(),
        d.f1()
    );
    assert!(f.f1() >= 0.97, "figure F1 {:.3} < 0.97", f.f1());
    assert!(
        f.value_accuracy() >= 0.97,
        "figure value {:.3} < 0.97",
        f.value_accuracy()
    );
    assert!(d.f1() >= 0.98, "document F1 {:.3} < 0.98", d.f1());
    assert!(i.f1() >= 0.85, "initiative F1 {:.3} < 0.85", i.f1());
}

#[test]
fn figures_meet_the_bar() {
    let r = report();
    let s = r.kind(Kind::Figure);
    println!(
        "figure: P {:.3} R {:.3} F1 {:.3} exact {:.3} value {:.3} unit {:.3} approx {:.3}",
        s.precision(),
        s.recall(),
        s.f1(),
        s.exact_rate(),
        s.value_accuracy(),
        s.unit_accuracy(),
        s.approx_accuracy()
    );
    assert!(s.f1() >= 0.95, "figure F1 {:.3} < 0.95", s.f1());
    assert!(
        s.value_accuracy() >= 0.95,
        "figure value accuracy {:.3} < 0.95",
        s.value_accuracy()
    );
}

#[test]
fn initiatives_meet_the_bar() {
    let r = report();
    let s = r.kind(Kind::Initiative);
    println!(
        "initiative: P {:.3} R {:.3} F1 {:.3} exact {:.3}",
        s.precision(),
        s.recall(),
        s.f1(),
        s.exact_rate()
    );
    assert!(s.f1() >= 0.85, "initiative F1 {:.3} < 0.85", s.f1());
}

#[test]
fn documents_meet_the_bar() {
    let r = report();
    let s = r.kind(Kind::Document);
    println!(
        "document: P {:.3} R {:.3} F1 {:.3} exact {:.3}",
        s.precision(),
        s.recall(),
        s.f1(),
        s.exact_rate()
    );
    assert!(s.f1() >= 0.98, "document F1 {:.3} < 0.98", s.f1());
}
