//! A number with what belongs to it: `近` `5万` `多` `人次` `以上`, `150元到180元`,
//! `20多年前`, `半个多月`, `七成`, `两到三万元`.
//!
//! The span is built outward from the number: an approximation marker between the
//! number and its unit, the unit (whose table row gives the sub kind), what may follow
//! the unit (半, 角/分, a qualifier, a relative particle), the other end of a range, and
//! last a marker before the number. A number with no unit is a figure only when the
//! spec says so: with 万/亿 (`12.3万`), as `N大` (`四大功能区块`), or alone in a table cell.

use super::{with_marker_before, Figure};
use crate::chars::{chinese_digit, is_han, is_space, range_dash_end, skip_spaces};
use crate::entity::{Approx, Sub, Value};
use crate::lexicon::{self, Unit, UnitClass};
use crate::numeral::{self, Number, Script};

/// A unit read after a number, with what `个多月`/`个半小时` add to it.
struct ReadUnit {
    unit: Unit,
    end: usize,
    plus_half: bool,
    approx: Option<Approx>,
}

/// Reads the unit at `at`. `个` + `多`/`半`/`余` + a time unit reads as that time unit with
/// `个` (`半个多月` → 个月, `两个半小时` → 个小时 + ½).
fn read_unit(text: &[char], at: usize) -> Option<ReadUnit> {
    let units = lexicon::units();
    if text.get(at) == Some(&'个') && matches!(text.get(at + 1), Some('多' | '半' | '余')) {
        let mut probe = ['个'; 4];
        let rest = text.get(at + 2..).unwrap_or(&[]);
        for (k, c) in rest.iter().take(3).enumerate() {
            probe[k + 1] = *c;
        }
        let filled = 1 + rest.len().min(3);
        if let Some((len, unit)) = units.longest_at(&probe[..filled], 0) {
            if len > 1 && unit.class == UnitClass::Unit(Sub::Duration) {
                let extra = text[at + 1];
                return Some(ReadUnit {
                    unit,
                    end: at + 1 + len,
                    plus_half: extra == '半',
                    approx: (extra != '半').then_some(Approx::MoreThan),
                });
            }
        }
    }
    let (len, unit) = units.longest_at(text, at)?;
    Some(ReadUnit {
        unit,
        end: at + len,
        plus_half: false,
        approx: None,
    })
}

/// Words before 一 that make it "this one", not a count (`这一年`, `每一天`).
fn after_demonstrative(text: &[char], at: usize) -> bool {
    const DEMONSTRATIVES: &[char] = &[
        '这', '那', '每', '哪', '某', '同', '另', '任', '其', '有', '当', '头', '前', '后', '上',
        '下',
    ];
    at > 0 && DEMONSTRATIVES.contains(&text[at - 1])
}

/// The sub kind, reported unit and value factor a unit gives a figure; `None` when the
/// unit makes no figure here (a month or day the date rules did not take, a non-unit).
fn classify(text: &[char], read: &ReadUnit) -> Option<(Sub, &'static str, f64)> {
    Some(match read.unit.class {
        // 块 is money at the end of a clause (`罚款200块。`) or before its change
        // (`十块三毛`), a count before a noun (`3块试验田`).
        UnitClass::Unit(Sub::Count)
            if read.unit.reported == "块" && kuai_is_money(text, read.end) =>
        {
            (Sub::Money, "块", 1.0)
        }
        UnitClass::Unit(sub) => (sub, read.unit.reported, 1.0),
        UnitClass::Tenths => (Sub::Percent, "%", 10.0),
        UnitClass::Year => (Sub::Duration, "年", 1.0),
        UnitClass::Day if within(text, read.end) => (Sub::Duration, "日", 1.0),
        UnitClass::Month | UnitClass::Day | UnitClass::NotAUnit => return None,
    })
}

/// The figure made by `num` and what follows it, if any.
pub fn at(
    text: &[char],
    num: &Number,
    floor: usize,
    lead: Option<(usize, Option<Approx>)>,
) -> Option<Figure> {
    let mut start = num.start;
    let mut approx = num.approx;
    if let Some((len, a)) = lead {
        start -= len;
        approx = approx.or(a);
    }
    let mut i = skip_spaces(text, num.end);
    let mut mid = None;
    if let Some((len, a)) = lexicon::approx_after_number().longest_at(text, i) {
        if read_unit(text, skip_spaces(text, i + len)).is_some() || num.has_multiplier {
            mid = Some(a);
            i = skip_spaces(text, i + len);
        }
    }
    let Some(read) = read_unit(text, i) else {
        return unitless(text, num, start, i, mid.or(approx), floor);
    };
    let Some((sub, reported, factor)) = classify(text, &read) else {
        return range_without_unit(text, num, start, floor);
    };
    // 一 as an article: 一个村, 一名党员, 过去一年, 一天300元. Money, measures and
    // shares keep it (一元, 一公里, 一成), unless after 这/每 (这一吨).
    let article_unit = matches!(sub, Sub::Count | Sub::Duration | Sub::Ordinal | Sub::Date);
    let and_a_half = read.plus_half || text.get(read.end) == Some(&'半');
    if num.is_lone_one(text)
        && !and_a_half
        && (article_unit || after_demonstrative(text, num.start))
    {
        return None;
    }
    if sub == Sub::Percent && factor == 10.0 && num.lo > 10.0 {
        return None; // 成 after a large number is not tenths
    }
    let mut end = read.end;
    let (mut lo, mut hi) = (num.lo * factor, num.hi * factor);
    let half_after = text.get(end) == Some(&'半') && matches!(sub, Sub::Duration | Sub::Measure);
    if read.plus_half || half_after {
        end += half_after as usize;
        lo += 0.5;
        hi += 0.5;
    }
    if sub == Sub::Money {
        let (change, after) = jiao_and_fen(text, end);
        lo += change;
        hi += change;
        end = after;
    }
    let mut approx = mid.or(read.approx).or(approx);
    // The other end of a range: `150元到180元`.
    if let Some((later, later_end)) = range_second(text, end, reported) {
        hi = later.hi * factor;
        end = later_end;
    }
    if let Some((len, a)) = lexicon::approx_after_unit().longest_at(text, end) {
        let loose =
            matches!(text[end], '多' | '余') && !matches!(sub, Sub::Duration | Sub::Measure);
        if !loose {
            approx = approx.or(Some(a));
            end += len;
        }
    }
    if sub == Sub::Duration {
        if let Some((len, ())) = lexicon::duration_particles().longest_at(text, end) {
            end += len;
        }
    }
    let value = if lo == hi {
        Value::Number(lo)
    } else {
        Value::Range(lo, hi)
    };
    let default = if num.vague {
        Approx::About
    } else {
        Approx::Exact
    };
    let figure = Figure {
        start,
        end,
        sub,
        value,
        unit: Some(reported),
        approx: approx.unwrap_or(default),
    };
    Some(if lead.is_some() {
        figure
    } else {
        with_marker_before(text, figure, floor)
    })
}

fn kuai_is_money(text: &[char], after: usize) -> bool {
    !text.get(after).is_some_and(|c| is_han(*c))
        || jiao_and_fen(text, after).1 > after
        || lexicon::approx_after_unit()
            .longest_at(text, after)
            .is_some()
}

/// `3元5角2分`, `壹拾壹元壹角`, `六角七分钱`: the change after the yuan, and where it ends.
fn jiao_and_fen(text: &[char], at: usize) -> (f64, usize) {
    let mut change = 0.0;
    let mut end = at;
    for (word, worth) in [('角', 0.1), ('毛', 0.1), ('分', 0.01)] {
        let Some(n) = numeral::read(text, end, false) else {
            break;
        };
        let Some(digit) = n.small_integer(0, 9) else {
            break;
        };
        if text.get(n.end) != Some(&word) {
            continue;
        }
        change += digit as f64 * worth;
        end = n.end + 1;
    }
    if end > at && text.get(end) == Some(&'钱') {
        end += 1;
    }
    // Round away binary noise: 0.1 + 0.01 is 0.11, not 0.11000000000000001.
    ((change * 100.0).round() / 100.0, end)
}

/// `30日内`: 日 as a length of days.
fn within(text: &[char], at: usize) -> bool {
    matches!(text.get(at), Some('内')) || text[at.min(text.len())..].starts_with(&['以', '内'])
}

/// A connector and a second number with the same unit: `(its number, end)`.
fn range_second(text: &[char], at: usize, reported: &str) -> Option<(Number, usize)> {
    let from = range_dash_end(text, at)?;
    let later = numeral::read(text, from, false)?;
    let read = read_unit(text, skip_spaces(text, later.end))?;
    (read.unit.reported == reported
        && matches!(read.unit.class, UnitClass::Unit(_) | UnitClass::Tenths))
    .then_some((later, read.end))
}

/// The low end of a range whose high end carries the place and multiplier for both:
/// `两到三万` → 20000, `八到九百亿` → 8×10¹⁰, `一百二十到一百五十万` → 1.2×10⁶.
fn low_end(first: &Number, later: &Number) -> f64 {
    let single_digit = first.lo < 10.0 && first.lo.fract() == 0.0 && !first.has_multiplier;
    let scaled = if single_digit {
        first.lo * later.lead_place * later.multiplier
    } else if !first.has_multiplier {
        first.lo * later.multiplier
    } else {
        first.lo
    };
    if scaled <= later.lo {
        scaled
    } else {
        first.lo
    }
}

/// `5.6到5.78元`, `两到三万港元`: a bare number, a connector, then a number with its unit.
fn range_without_unit(text: &[char], num: &Number, start: usize, floor: usize) -> Option<Figure> {
    let from = range_dash_end(text, num.end)?;
    let later = numeral::read(text, from, false)?;
    // The second end must carry the unit itself; this also bounds the recursion below.
    if later.is_range()
        || later.lo < num.lo
        || read_unit(text, skip_spaces(text, later.end)).is_none()
    {
        return None;
    }
    let mut f = at(text, &later, from, None)?;
    if f.start != later.start || f.sub == Sub::Date || f.sub == Sub::Ordinal {
        return None;
    }
    let factor = if f.sub == Sub::Percent && text.get(later.end) == Some(&'成') {
        10.0
    } else {
        1.0
    };
    let hi = match f.value {
        Value::Number(v) => v,
        Value::Range(_, h) => h,
        _ => return None,
    };
    f.start = start;
    f.value = Value::Range(low_end(num, &later) * factor, hi);
    Some(with_marker_before(text, f, floor))
}

/// A number with no unit after it: a figure only with 万/亿, as `N大`, as a range
/// whose second end has the unit, or alone in a table cell.
fn unitless(
    text: &[char],
    num: &Number,
    start: usize,
    end: usize,
    approx: Option<Approx>,
    floor: usize,
) -> Option<Figure> {
    if let Some(f) = range_without_unit(text, num, start, floor) {
        return Some(f);
    }
    let value = if num.is_range() {
        Value::Range(num.lo, num.hi)
    } else {
        Value::Number(num.lo)
    };
    let default = if num.vague {
        Approx::About
    } else {
        Approx::Exact
    };
    let figure = |sub, end| Figure {
        start,
        end,
        sub,
        value: value.clone(),
        unit: None,
        approx: approx.unwrap_or(default),
    };
    if num.has_multiplier {
        // `5万多` keeps its 多; spaces before a missing unit are not part of the figure.
        let end = if end > num.end && is_space(text[end - 1]) {
            num.end
        } else {
            end
        };
        let mut f = figure(Sub::Count, end);
        // A qualifier of two characters or more stands after the number as after a
        // unit (`1000万以上`, `3亿左右`); 多 and 余 were read as markers already.
        if let Some((len, a)) = lexicon::approx_after_unit().longest_at(text, end) {
            if len >= 2 && f.approx == Approx::Exact {
                f.end = end + len;
                f.approx = a;
            }
        }
        return Some(with_marker_before(text, f, floor));
    }
    if let Some(n) = counted_categories(text, num) {
        return Some(figure(Sub::Count, n));
    }
    if alone_in_cell(text, num) {
        return Some(figure(Sub::Number, num.end));
    }
    None
}

/// `四大功能区块`, `三大产业`, `4大产业集群`, `12大总成`: a small number, 大, and the noun
/// it counts. `十九大` (a party congress) and `一大批` are not.
fn counted_categories(text: &[char], num: &Number) -> Option<usize> {
    if text.get(num.end) != Some(&'大') {
        return None;
    }
    if num.script == Script::Chinese {
        num.small_integer(2, 10)?;
        chinese_digit(text[num.start])?;
    } else {
        num.small_integer(2, 99)?;
    }
    let next = *text.get(num.end + 1)?;
    const NOT_NOUNS: &[char] = &[
        '学', '家', '会', '概', '约', '力', '量', '多', '批', '片', '部', '致', '早', '都', '半',
        '型', '幅', '大',
    ];
    (is_han(next) && !NOT_NOUNS.contains(&next)).then_some(num.end + 1)
}

/// A number that is all there is in its line or table cell: `2025` under a heading; or
/// a column of a table row written with spaces, where only numbers follow it on its
/// line (`塑料制品 吨 183946 26.63`).
fn alone_in_cell(text: &[char], num: &Number) -> bool {
    let mut b = num.start;
    while b > 0 && is_space(text[b - 1]) {
        b -= 1;
    }
    let mut a = num.end;
    while a < text.len() && is_space(text[a]) {
        a += 1;
    }
    let edge = |c: Option<&char>| matches!(c, None | Some('\n' | '\r' | '\t' | '|'));
    let row = b < num.start
        && text[num.end..]
            .iter()
            .take_while(|&&c| !edge(Some(&c)))
            .all(|&c| is_space(c) || c.is_ascii_digit() || c == '.');
    (row || edge(b.checked_sub(1).and_then(|k| text.get(k))) && edge(text.get(a)))
        && !num.is_range()
}

/// `半年`, `半个多月`, `半小时`: 半 as the number.
pub fn half(text: &[char], at: usize, floor: usize) -> Option<Figure> {
    let read = read_unit(text, at + 1)?;
    let sub = match read.unit.class {
        UnitClass::Unit(s @ (Sub::Duration | Sub::Measure)) => s,
        UnitClass::Year => Sub::Duration,
        _ => return None,
    };
    if read.plus_half {
        return None;
    }
    let mut end = read.end;
    let mut approx = read.approx;
    if let Some((len, a)) = lexicon::approx_after_unit().longest_at(text, end) {
        approx = approx.or(Some(a));
        end += len;
    }
    if sub == Sub::Duration {
        if let Some((len, ())) = lexicon::duration_particles().longest_at(text, end) {
            end += len;
        }
    }
    let unit = if read.unit.class == UnitClass::Year {
        "年"
    } else {
        read.unit.reported
    };
    let f = Figure {
        start: at,
        end,
        sub,
        value: Value::Number(0.5),
        unit: Some(unit),
        approx: approx.unwrap_or(Approx::Exact),
    };
    Some(with_marker_before(text, f, floor))
}
