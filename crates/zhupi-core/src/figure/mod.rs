//! Figures: numbers that state a quantity (spec section 1).
//!
//! The scanner calls [`at`] on every position that may open a figure. It reads the
//! number there ([`crate::numeral`]), then asks the rules in turn — context exclusions,
//! dates and clock times, fractions and percent words, ordinals, and finally
//! number + unit — and returns the first figure that fits, or how far to skip when the
//! number is not a figure (so that `十九大` is not read again from `九`).
//!
//! Each rule is a small module that only recognises its own shape; the words those
//! shapes are filled with live in [`crate::lexicon`].

mod context;
mod date;
mod ordinal;
mod quantity;
mod share;

use crate::chars::{arabic_digit, chinese_digit, chinese_place, chinese_tens, multiplier};
use crate::entity::{Approx, Sub, Value};
use crate::lexicon;
use crate::numeral;

/// A figure found in the text, before it becomes an [`crate::Entity`].
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    pub sub: Sub,
    pub value: Value,
    pub unit: Option<&'static str>,
    pub approx: Approx,
}

/// What the figure rules make of one position.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// A figure (it may start before the position: `超过5亿元` is found at `5`).
    Found(Figure),
    /// A number that is not a figure ends here; do not read it again from inside.
    Skip(usize),
    /// Nothing to do here.
    Nothing,
}

/// Can a figure be found at a character? Cheap, so it can be asked everywhere; the
/// scanner folds it into one bitset with the other recognisers' first characters.
pub fn may_start(c: char) -> bool {
    arabic_digit(c).is_some()
        || chinese_digit(c).is_some()
        || chinese_place(c).is_some()
        || chinese_tens(c).is_some()
        || multiplier(c).is_some()
        || matches!(c, '第' | '几' | '数' | '半')
}

/// Finds the figure at `text[i]`. `floor` is the end of the entity before it: a figure
/// may reach back over an approximation marker, but never past `floor`.
pub fn at(text: &[char], i: usize, floor: usize) -> Outcome {
    let c = text[i];
    if c == '第' {
        return ordinal::at(text, i);
    }
    if c == '半' {
        return date::half_of_year(text, i, floor)
            .or_else(|| quantity::half(text, i, floor))
            .map_or(Outcome::Nothing, Outcome::Found);
    }
    if let Some(f) = share::per_cent_words(text, i, floor) {
        return Outcome::Found(f);
    }
    let lead = lead_before_bare_place(text, i, floor);
    let Some(num) = numeral::read(text, i, lead.is_some()) else {
        let run = numeral::digit_run_end(text, i);
        return if run > i + 1 {
            Outcome::Skip(run)
        } else {
            Outcome::Nothing
        };
    };
    if context::not_a_figure(text, &num) {
        return Outcome::Skip(num.end);
    }
    let found = date::at(text, &num, floor)
        .or_else(|| share::fraction(text, &num, floor))
        .or_else(|| ordinal::phase(text, &num))
        .or_else(|| quantity::at(text, &num, floor, lead));
    match found {
        Some(f) => Outcome::Found(f),
        None => Outcome::Skip(num.end),
    }
}

/// A number may open with 百, 千 or 万 alone after 上, 过 or an approximation marker
/// (`上万人`, `近百家`): the marker and what it says of the value.
fn lead_before_bare_place(
    text: &[char],
    i: usize,
    floor: usize,
) -> Option<(usize, Option<Approx>)> {
    let c = text[i];
    if chinese_place(c).is_none() && multiplier(c).is_none() || c == '十' {
        return None;
    }
    if let Some((len, a)) = lexicon::vague_leads().longest_ending_at(text, i) {
        if i - len >= floor && a.is_some() {
            return Some((len, a));
        }
    }
    lexicon::approx_before()
        .longest_ending_at(text, i)
        .filter(|(len, _)| i - len >= floor)
        .map(|(len, a)| (len, Some(a)))
        .or_else(|| {
            (bare_money_threshold(text, i) || bare_place_with_marker(text, i)).then_some((0, None))
        })
}

/// 百, 千, 万 or 亿 alone (the caller has checked `text[i]`) with 余 or 多 and a unit
/// after it: `千余人`, `万余名`, `百多家`. The marker and the unit say it is an amount,
/// not a word (百姓, 千万不要).
fn bare_place_with_marker(text: &[char], i: usize) -> bool {
    matches!(text.get(i + 1), Some('余' | '多'))
        && lexicon::units()
            .longest_at(text, i + 2)
            .is_some_and(|(_, u)| u.class != lexicon::UnitClass::NotAUnit)
}

/// 亿, 千万 or 万 alone as an amount of money with a threshold after it: `亿元以上项目`,
/// `千万元以下`. The threshold says it is an amount, not a word (万一, 百姓).
fn bare_money_threshold(text: &[char], i: usize) -> bool {
    let mut j = i;
    while j < text.len()
        && j - i < 2
        && (multiplier(text[j]).is_some() || chinese_place(text[j]).is_some())
    {
        j += 1;
    }
    if j == i || text.get(j) != Some(&'元') {
        return false;
    }
    lexicon::approx_after_unit()
        .longest_at(text, j + 1)
        .is_some_and(|(len, _)| len >= 2)
}

/// Extends a figure back over an approximation marker right before it, if the marker
/// is after `floor`: `超过` + `5亿元`.
fn with_marker_before(text: &[char], f: Figure, floor: usize) -> Figure {
    let mut f = below_zero(text, f, floor);
    let mut at = f.start;
    while at > f.start.saturating_sub(2) && at > floor && text[at - 1] == ' ' {
        at -= 1; // `超过 5 亿元`
    }
    if let Some((len, a)) = lexicon::approx_before().longest_ending_at(text, at) {
        if at - len >= floor {
            f.start = at - len;
            f.approx = a;
        }
    }
    f
}

/// `零下5℃`, `-3.5摄氏度`, `增长-3.2%`: a temperature below zero, a share that fell.
/// The sign joins the span (never past `floor`) and the value turns negative; a minus
/// sign right after a digit is a range's dash, not a sign.
fn below_zero(text: &[char], mut f: Figure, floor: usize) -> Figure {
    let (Some(unit), Value::Number(n)) = (f.unit, &f.value) else {
        return f;
    };
    // Temperatures (零下 too) and percentages (a fall: `增长-3.2%`) take a sign.
    let temperature = lexicon::TEMPERATURE_UNITS.iter().find(|(u, _)| *u == unit);
    let minus_allowed = match temperature {
        Some(&(_, allowed)) => allowed,
        None if unit == "%" => true,
        None => return f,
    };
    let before = |k: usize| {
        f.start
            .checked_sub(k)
            .filter(|&s| s >= floor)
            .map(|s| text[s])
    };
    let sign = if temperature.is_some() && before(2) == Some('零') && before(1) == Some('下') {
        2
    } else if matches!(before(1), Some('-' | '－' | '−'))
        && minus_allowed
        && !before(2).is_some_and(|c| c.is_ascii_digit())
    {
        1
    } else {
        return f;
    };
    f.value = Value::Number(-n);
    f.start -= sign;
    f
}

#[cfg(test)]
mod tests;
