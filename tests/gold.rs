//! The quality gate on the development set (`../shared/gold/`), scored by the same
//! `eval::evaluate` that `zhupi eval` prints. The thresholds are the issues' bars.

use std::path::Path;
use zhupi::eval::{evaluate, load_gold_dir, Report};
use zhupi::{Kind, Options};

fn report() -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
    let docs = load_gold_dir(&dir).expect("the development set at ../shared/gold");
    evaluate(&docs, &Options::default())
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
