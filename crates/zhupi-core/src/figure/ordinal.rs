//! Ordinals: `第三`, `第1名`, `第二批`, and project phases `二期`, `一期工程`.
//!
//! `第N` is not an ordinal where it opens a paragraph (`第一，`), where it numbers an
//! edition, session or page (`第十五届`, `第二次会议`, `第07版`), or in a title
//! (`第一书记`, an excluded word the scanner checks first). `第一季度` is a date.

use super::{Figure, Outcome};
use crate::chars::{is_han, is_space};
use crate::digits;
use crate::entity::{Approx, Sub, Value};
use crate::lexicon::{self, UnitClass};
use crate::numeral::{self, Number, Script};
use crate::strings::concat;

/// `第N…` at `text[at]`, which is 第.
pub fn at(text: &[char], at: usize) -> Outcome {
    let mut j = at + 1;
    while text.get(j).copied().is_some_and(is_space) {
        j += 1;
    }
    let Some(num) = numeral::read(text, j, false) else {
        return Outcome::Nothing;
    };
    let mut k = num.end;
    while text.get(k).copied().is_some_and(is_space) {
        k += 1;
    }
    if let Some((len, ())) = lexicon::not_ordinal_after().longest_at(text, k) {
        return Outcome::Skip(k + len);
    }
    // `第一，要…` opens a paragraph; `排名第三，` ends a clause with a rank.
    let opens_clause = at == 0 || !is_han(text[at - 1]);
    let opener_follows = matches!(
        text.get(k),
        Some('，' | '、' | '：' | ',' | ':' | '；' | '是')
    );
    if opens_clause && opener_follows {
        return Outcome::Skip(k);
    }
    if num.is_range() || num.approx.is_some() {
        return Outcome::Skip(num.end);
    }
    if text[k.min(text.len())..].starts_with(&['季', '度']) {
        if let Some(q) = num.small_integer(1, 4) {
            return Outcome::Found(Figure {
                start: at,
                end: k + 2,
                sub: Sub::Date,
                value: Value::Date(concat(&["XXXX-Q", &digits::string(u64::from(q))])),
                unit: None,
                approx: Approx::Exact,
            });
        }
    }
    let (end, unit) = match lexicon::units().longest_at(text, k) {
        Some((_, u)) if u.class == UnitClass::NotAUnit => return Outcome::Skip(k),
        Some((len, u)) if matches!(u.class, UnitClass::Unit(Sub::Count | Sub::Duration)) => {
            (k + len, Some(u.reported))
        }
        Some((_, u)) if u.class == UnitClass::Year => (k + 1, Some("年")),
        // `第42军`, `第二课堂`, `第三产业`: 第N before a noun names something.
        _ if text.get(k).copied().is_some_and(is_han) && k == num.end => return Outcome::Skip(k),
        _ => (num.end, None),
    };
    Outcome::Found(Figure {
        start: at,
        end,
        sub: Sub::Ordinal,
        value: Value::Number(num.lo),
        unit,
        approx: Approx::Exact,
    })
}

/// What follows a project phase: `二期工程`, `一期投产`, `二期，`.
const AFTER_PHASE: &[&[char]] = &[
    &['工', '程'],
    &['项', '目'],
    &['建', '设'],
    &['投', '产'],
    &['开', '工'],
    &['完', '工'],
    &['竣', '工'],
    &['主', '体'],
    &['正', '式'],
    &['达', '到'],
    &['已'],
    &['等'],
];

/// Characters before `N期` that make it a count of sessions (`举办了3期`), not a phase.
fn counting_verb_before(c: char) -> bool {
    matches!(
        c,
        '了' | '办' | '共' | '计' | '训' | '展' | '开' | '举' | '每' | '分' | '续' | '期' | '第'
    )
}

/// `二期`, `一期工程`: the phase of a project after its name.
pub fn phase(text: &[char], num: &Number) -> Option<Figure> {
    if text.get(num.end) != Some(&'期') || num.is_range() {
        return None;
    }
    let n = num.small_integer(1, 9)?;
    let rest = &text[num.end + 1..];
    let named_after = AFTER_PHASE.iter().any(|w| rest.starts_with(w));
    let ends_clause = rest.first().is_none_or(|c| !is_han(*c));
    let before = num.start.checked_sub(1).map(|k| text[k]);
    let after_name = before.is_some_and(|c| is_han(c) && !counting_verb_before(c));
    // `，二期工程预计明年开工`: opening a clause, the phase's own noun says it.
    let opens_clause = before.is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric());
    let phase = match num.script {
        Script::Chinese => {
            after_name && (named_after || ends_clause) || opens_clause && named_after
        }
        Script::Arabic => (after_name || opens_clause) && rest.starts_with(&['工', '程']),
    };
    phase.then(|| Figure {
        start: num.start,
        end: num.end + 1,
        sub: Sub::Ordinal,
        value: Value::Number(n as f64),
        unit: Some("期"),
        approx: Approx::Exact,
    })
}
