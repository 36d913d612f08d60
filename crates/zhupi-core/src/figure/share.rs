//! Shares written with words: `百分之三十`, `千分之五`, `三分之一`, `一半`.
//!
//! All are `percent` figures with unit `%` and the value as a percentage
//! (`三分之一` → 33.33…, `千分之五` → 0.5), so that every share compares with every other.
//! `七成` and `93.3%` are units, read in `quantity`.

use super::{with_marker_before, Figure};
use crate::chars::range_dash_end;
use crate::entity::{Approx, Sub, Value};
use crate::lexicon;
use crate::numeral::{self, Number};

/// `百分之`, `千分之`, `万分之` and what each makes of the number after it.
const PER_WORDS: &[(&[char], f64)] = &[
    (&['百', '分', '之'], 1.0),
    (&['千', '分', '之'], 0.1),
    (&['万', '分', '之'], 0.01),
];

fn percent(start: usize, end: usize, value: Value, text: &[char], floor: usize) -> Figure {
    let mut end = end;
    let mut approx = Approx::Exact;
    if let Some((len, a)) = lexicon::approx_after_unit().longest_at(text, end) {
        if !matches!(text[end], '多' | '余') {
            approx = a;
            end += len;
        }
    }
    let f = Figure {
        start,
        end,
        sub: Sub::Percent,
        value,
        unit: Some("%"),
        approx,
    };
    with_marker_before(text, f, floor)
}

/// `百分之三十` at `text[at]`.
pub fn per_cent_words(text: &[char], at: usize, floor: usize) -> Option<Figure> {
    let rest = &text[at..];
    let (word, factor) = PER_WORDS.iter().find(|(w, _)| rest.starts_with(w))?;
    let n = numeral::read(text, at + word.len(), false)?;
    if n.is_range() || n.approx.is_some() {
        return None;
    }
    // 百分之三十到四十, 百分之三十一到百分之百: the high end, with or without its 百分之.
    let high = range_dash_end(text, n.end).and_then(|from| {
        let from = if text[from..].starts_with(word) {
            from + word.len()
        } else {
            from
        };
        numeral::read(text, from, false).filter(|h| !h.is_range() && h.lo > n.lo)
    });
    Some(match high {
        Some(h) => percent(
            at,
            h.end,
            Value::Range(n.lo * factor, h.lo * factor),
            text,
            floor,
        ),
        None => percent(at, n.end, Value::Number(n.lo * factor), text, floor),
    })
}

/// `三分之一`, `四分之三以上` after `num`; `一半` (50%).
pub fn fraction(text: &[char], num: &Number, floor: usize) -> Option<Figure> {
    let after = &text[num.end..];
    if num.is_lone_one(text)
        && after.first() == Some(&'半')
        && lexicon::units().longest_at(text, num.end + 1).is_none()
    {
        return Some(percent(
            num.start,
            num.end + 1,
            Value::Number(50.0),
            text,
            floor,
        ));
    }
    if !after.starts_with(&['分', '之']) {
        return None;
    }
    let denominator = num.small_integer(1, 1_000_000)?;
    let part = numeral::read(text, num.end + 2, false)?;
    if part.is_range() || part.approx.is_some() {
        return None;
    }
    let share = part.lo / denominator as f64 * 100.0;
    Some(percent(
        num.start,
        part.end,
        Value::Number(share),
        text,
        floor,
    ))
}
