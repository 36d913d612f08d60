//! Dates and clock times: `2018-08-09 09:26:06`, `2019年4月`, `11月22日`, `6月底`,
//! `2014年以来`, `2019年一季度`, `下午3点`, `2018-2020年`.
//!
//! A date is read as its parts (year, month, day, time of day, quarter or half) and
//! written as a partial ISO 8601 string: `2019-04`, `XXXX-06`, `XXXX-XX-22`, `T14:00`,
//! `2019-Q1`. A year needs four digits (`2017年`); `三年` is a duration, not a date.

use super::Figure;
use crate::chars::{arabic_digit, is_space, skip_spaces};
use crate::digits;
use crate::entity::{Approx, Sub, Value};
use crate::lexicon::{self, DateTail, UnitClass};
use crate::numeral::{self, Number, Script};

#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Clock {
    hour: u32,
    minute: u32,
    second: Option<u32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct DateParts {
    year: Option<u32>,
    month: Option<u32>,
    day: Option<u32>,
    clock: Option<Clock>,
    quarter: Option<u8>,
    half: Option<u8>,
}

impl DateParts {
    fn iso(&self) -> String {
        let mut s = String::with_capacity(20);
        let has_date = self.year.is_some() || self.month.is_some() || self.day.is_some();
        if has_date || self.quarter.is_some() || self.half.is_some() {
            match self.year {
                Some(y) => digits::push_padded(&mut s, u64::from(y), 4),
                None => s.push_str("XXXX"),
            }
        }
        if let Some(q) = self.quarter {
            s.push_str("-Q");
            digits::push(&mut s, u64::from(q));
        } else if let Some(h) = self.half {
            s.push_str("-H");
            digits::push(&mut s, u64::from(h));
        } else if let Some(m) = self.month {
            s.push('-');
            digits::push_padded(&mut s, u64::from(m), 2);
            if let Some(d) = self.day {
                s.push('-');
                digits::push_padded(&mut s, u64::from(d), 2);
            }
        } else if let Some(d) = self.day {
            s.push_str("-XX-");
            digits::push_padded(&mut s, u64::from(d), 2);
        }
        if let Some(c) = self.clock {
            s.push('T');
            digits::push_padded(&mut s, u64::from(c.hour), 2);
            s.push(':');
            digits::push_padded(&mut s, u64::from(c.minute), 2);
            if let Some(sec) = c.second {
                s.push(':');
                digits::push_padded(&mut s, u64::from(sec), 2);
            }
        }
        s
    }
}

/// Arabic digits at `at`: their value and how many there are (at most 4 read).
fn digits(text: &[char], at: usize) -> (u32, usize) {
    let mut v = 0;
    let mut n = 0;
    while let Some(d) = text.get(at + n).copied().and_then(arabic_digit) {
        if n == 4 {
            return (v, 5); // too long for any date part
        }
        v = v * 10 + d as u32;
        n += 1;
    }
    (v, n)
}

fn is_year(num: &Number) -> Option<u32> {
    let y = num.small_integer(1000, 2999)?;
    (num.plain_digits && num.digit_count == 4).then_some(y)
}

/// The number is followed (after any typesetting spaces) by a unit of the given class;
/// returns where that one-character unit ends.
fn followed_by(text: &[char], num: &Number, class: UnitClass) -> Option<usize> {
    let at = skip_spaces(text, num.end);
    lexicon::units()
        .longest_at(text, at)
        .filter(|(_, u)| u.class == class)
        .map(|_| at + 1)
}

/// Finds a date or clock time that begins with `num` (or, for a clock time, with the
/// time-of-day word before it).
pub fn at(text: &[char], num: &Number, floor: usize) -> Option<Figure> {
    if !may_be_dated(text, num) {
        return None;
    }
    if let Some(range) = bare_range(text, num) {
        return Some(range);
    }
    let dated = match num.script {
        Script::Arabic => numeric_date(text, num.start),
        Script::Chinese => None,
    }
    .or_else(|| written_date(text, num));
    let (parts, start, mut end) = match dated {
        Some((parts, end)) => (parts, num.start, end),
        None => clock_alone(text, num, floor)?,
    };
    let mut approx = Approx::Exact;
    if text.get(end) == Some(&'许') && parts.clock.is_some() {
        approx = Approx::About;
        end += 1;
    }
    let value = match range_end(text, end, &parts) {
        Some((later, later_end)) => {
            end = later_end;
            Value::DateRange(parts.iso(), later.iso())
        }
        None => Value::Date(parts.iso()),
    };
    Some(Figure {
        start,
        end,
        sub: Sub::Date,
        value,
        unit: None,
        approx,
    })
}

/// A quick first look: what follows the number (or a time-of-day word before it) could
/// make it a date or a time. Most numbers are answered here, without the rules below.
fn may_be_dated(text: &[char], num: &Number) -> bool {
    const DATE_FOLLOWERS: &[char] = &[
        '年', '月', '日', '号', '时', '点', ':', '：', '-', '/', '.', '－', '．', '／', '至', '到',
        '~', '～', '—', '–', '季',
    ];
    text.get(skip_spaces(text, num.end))
        .is_some_and(|c| DATE_FOLLOWERS.contains(c))
        || lexicon::time_of_day()
            .longest_ending_at(text, num.start)
            .is_some()
}

/// `2018-08-09`, `2018/8/9`, `2018.08.09`, `2018-08`, with a time after a space or `T`.
fn numeric_date(text: &[char], at: usize) -> Option<(DateParts, usize)> {
    let (year, n) = digits(text, at);
    if n != 4 || !(1000..=2999).contains(&year) {
        return None;
    }
    let sep = *text.get(at + 4)?;
    if !matches!(sep, '-' | '/' | '.' | '－' | '．' | '／') {
        return None;
    }
    let (month, mn) = digits(text, at + 5);
    if !(1..=2).contains(&mn) || !(1..=12).contains(&month) {
        return None;
    }
    let mut parts = DateParts {
        year: Some(year),
        month: Some(month),
        ..DateParts::default()
    };
    let mut i = at + 5 + mn;
    if text.get(i) == Some(&sep) {
        let (day, dn) = digits(text, i + 1);
        if !(1..=2).contains(&dn) || !(1..=31).contains(&day) {
            return None;
        }
        parts.day = Some(day);
        i += 1 + dn;
        if matches!(text.get(i), Some(' ' | 'T' | '\u{3000}')) {
            if let Some((clock, end)) = colon_clock(text, i + 1) {
                parts.clock = Some(clock);
                i = end;
            }
        }
    } else if matches!(sep, '.' | '．') || mn != 2 {
        // `2014.12` is a decimal and `2018-8` too uncertain without its day.
        return None;
    }
    if text.get(i).copied().and_then(arabic_digit).is_some() {
        return None;
    }
    Some((parts, i))
}

/// `09:26`, `14:00:05`.
fn colon_clock(text: &[char], at: usize) -> Option<(Clock, usize)> {
    let (hour, hn) = digits(text, at);
    if !(1..=2).contains(&hn) || hour > 24 || !matches!(text.get(at + hn), Some(':' | '：')) {
        return None;
    }
    let (minute, mn) = digits(text, at + hn + 1);
    if mn != 2 || minute > 59 {
        return None;
    }
    let mut end = at + hn + 1 + mn;
    let mut second = None;
    if matches!(text.get(end), Some(':' | '：')) {
        let (s, sn) = digits(text, end + 1);
        if sn == 2 && s <= 59 {
            second = Some(s);
            end += 1 + sn;
        }
    }
    if text.get(end).copied().and_then(arabic_digit).is_some() {
        return None;
    }
    Some((
        Clock {
            hour,
            minute,
            second,
        },
        end,
    ))
}

/// `2019年4月5日上午9时`, `11月22日`, `6月底`, `2014年以来`, `2019年一季度`.
fn written_date(text: &[char], num: &Number) -> Option<(DateParts, usize)> {
    let mut parts = DateParts::default();
    let mut i;
    if let Some((y, after)) = is_year(num).zip(followed_by(text, num, UnitClass::Year)) {
        if years_of_history(text, after) {
            return None;
        }
        parts.year = Some(y);
        i = after;
        if let Some((m, end)) = month_at(text, skip_spaces(text, i)) {
            parts.month = Some(m);
            i = end;
        }
    } else if let Some((m, after)) =
        num.small_integer(1, 12)
            .zip(followed_by(text, num, UnitClass::Month))
    {
        parts.month = Some(m);
        i = after;
    } else if let Some(q) = num
        .small_integer(1, 4)
        .filter(|_| text[num.end..].starts_with(&['季', '度']))
    {
        parts.quarter = Some(q as u8);
        return Some((parts, num.end + 2));
    } else if let Some(d) = num.small_integer(1, 31).filter(|_| {
        text.get(num.end) == Some(&'日')
            && !within_days(text, num.end + 1)
            && !num.is_lone_one(text)
    }) {
        parts.day = Some(d);
        i = num.end + 1;
    } else {
        return None;
    }
    if parts.month.is_some() {
        if let Some((d, end)) = day_at(text, skip_spaces(text, i)) {
            parts.day = Some(d);
            i = end;
        }
    }
    if parts.day.is_some() {
        let mut j = i;
        while text.get(j).copied().is_some_and(is_space) {
            j += 1;
        }
        if let Some((clock, end)) = colon_clock(text, j).or_else(|| written_clock(text, j, true)) {
            parts.clock = Some(clock);
            i = end;
        }
    } else if let Some((len, tail)) = date_tail_at(text, i) {
        match tail {
            DateTail::Quarter(q) if parts.month.is_none() => parts.quarter = Some(q),
            DateTail::Half(h) if parts.month.is_none() => parts.half = Some(h),
            DateTail::Same => {}
            _ => return Some((parts, i)),
        }
        i += len;
    }
    if text[i..].starts_with(&['以', '来']) {
        i += 2;
    }
    Some((parts, i))
}

/// `上半年`, `下半年` with no year (`今年上半年`), found at its `半`: the half of a year,
/// `XXXX-H1`, not half a year. The `上`/`下` before it must lie past `floor`.
pub fn half_of_year(text: &[char], half: usize, floor: usize) -> Option<Figure> {
    let start = half.checked_sub(1).filter(|&s| s >= floor)?;
    // The date tails table knows both words and which half each is.
    let (len, DateTail::Half(h)) = lexicon::date_tails().longest_at(text, start)? else {
        return None;
    };
    let parts = DateParts {
        half: Some(h),
        ..DateParts::default()
    };
    Some(Figure {
        start,
        end: start + len,
        sub: Sub::Date,
        value: Value::Date(parts.iso()),
        unit: None,
        approx: Approx::Exact,
    })
}

/// The date tail at `i` (`底`, `上半年`, `三季度` …), unless a longer word that is not a
/// tail starts there (`中国`, `春节`).
fn date_tail_at(text: &[char], i: usize) -> Option<(usize, DateTail)> {
    let (len, tail) = lexicon::date_tails().longest_at(text, i)?;
    let other = lexicon::not_date_tails().longest_at(text, i);
    match other {
        Some((word, ())) if word > len => None,
        _ => Some((len, tail)),
    }
}

/// `1500年历史`, `2000年之久`: a length of time that happens to have four digits.
fn years_of_history(text: &[char], at: usize) -> bool {
    text[at.min(text.len())..].starts_with(&['历', '史'])
        || text[at.min(text.len())..].starts_with(&['之', '久'])
}

/// `30日内`: a length of days, not the 30th.
fn within_days(text: &[char], at: usize) -> bool {
    let rest = &text[at.min(text.len())..];
    rest.starts_with(&['内']) || rest.starts_with(&['以', '内']) || rest.starts_with(&['之', '内'])
}

/// A month (1–12) with its 月 at `at`, Arabic or Chinese.
fn month_at(text: &[char], at: usize) -> Option<(u32, usize)> {
    let n = numeral::read(text, at, false)?;
    let m = n.small_integer(1, 12)?;
    followed_by(text, &n, UnitClass::Month).map(|end| (m, end))
}

/// A day (1–31) with its 日 or 号 at `at`.
fn day_at(text: &[char], at: usize) -> Option<(u32, usize)> {
    let n = numeral::read(text, at, false)?;
    let d = n.small_integer(1, 31)?;
    let at = skip_spaces(text, n.end);
    matches!(text.get(at), Some('日' | '号')).then_some((d, at + 1))
}

/// `3时`, `9点30分`, `上午9时许`, `下午3点半`: a written clock time at `at`, after any
/// time-of-day word (which the caller has already passed). `lenient` accepts Chinese
/// numerals and 点 without a time-of-day word, as after a date.
fn written_clock(text: &[char], at: usize, lenient: bool) -> Option<(Clock, usize)> {
    let mut i = at;
    let mut pm = 0;
    if let Some((len, add)) = lexicon::time_of_day().longest_at(text, i) {
        pm = add;
        i += len;
    }
    let n = numeral::read(text, i, false)?;
    let hour = n.small_integer(0, 24)?;
    if n.script == Script::Chinese && n.is_lone_one(text) && i == at {
        return None; // 一时, 一点: not a time
    }
    let marker = *text.get(n.end)?;
    if !matches!(marker, '时' | '点') {
        return None;
    }
    let mut end = n.end + 1;
    let mut minute = 0;
    let mut second = None;
    let mut stated = false;
    if let Some(m) = numeral::read(text, end, false).filter(|m| text.get(m.end) == Some(&'分')) {
        minute = m.small_integer(0, 59)?;
        end = m.end + 1;
        stated = true;
        if let Some(s) = numeral::read(text, end, false).filter(|s| text.get(s.end) == Some(&'秒'))
        {
            second = Some(s.small_integer(0, 59)?);
            end = s.end + 1;
        }
    } else if text.get(end) == Some(&'半') {
        minute = 30;
        end += 1;
        stated = true;
    } else if matches!(text.get(end), Some('整' | '钟')) {
        end += 1;
        stated = true;
    }
    let sure = i > at || stated || lenient || (marker == '时' && n.script == Script::Arabic);
    if !sure {
        return None;
    }
    let hour = if pm > 0 && hour < 12 {
        hour + pm as u32
    } else {
        hour
    };
    Some((
        Clock {
            hour,
            minute,
            second,
        },
        end,
    ))
}

/// A clock time with no date: `14:00`, `下午3点`, `18时30分`. Returns the parts, the
/// start (before a time-of-day word) and the end.
fn clock_alone(text: &[char], num: &Number, floor: usize) -> Option<(DateParts, usize, usize)> {
    let prefix = lexicon::time_of_day()
        .longest_ending_at(text, num.start)
        .filter(|(len, _)| num.start - len >= floor);
    let start = prefix.map_or(num.start, |(len, _)| num.start - len);
    let (clock, end) =
        colon_clock(text, num.start).or_else(|| written_clock(text, start, false))?;
    let clock = match (prefix, clock.hour) {
        (Some((_, add)), h) if h < 12 && add > 0 && text[num.start..end].contains(&':') => Clock {
            hour: h + add as u32,
            ..clock
        },
        _ => clock,
    };
    Some((
        DateParts {
            clock: Some(clock),
            ..DateParts::default()
        },
        start,
        end,
    ))
}

/// After a date or a time, `至2020年`, `-2020年`, `到10月`, `至11点`: the later end of a
/// range, a date of the same shape or a clock time.
fn range_end(text: &[char], at: usize, first: &DateParts) -> Option<(DateParts, usize)> {
    let from = crate::chars::range_dash_end(text, at)?;
    date_range_end(text, from, first).or_else(|| clock_range_end(text, from, first))
}

/// The later date of a range at `from`, of the first's shape or leaving out what it
/// shares with the first.
fn date_range_end(text: &[char], from: usize, first: &DateParts) -> Option<(DateParts, usize)> {
    let num = numeral::read(text, from, false)?;
    let (mut later, end) = written_date(text, &num)?;
    let same_shape = later.year.is_some() == first.year.is_some()
        && later.month.is_some() == first.month.is_some()
        && later.day.is_some() == first.day.is_some();
    // `2019年3月至5月`, `11月15日至17日`: the later end leaves out what it shares with
    // the first, and takes it from there.
    let shorter = first.year.is_some() && later.year.is_none() && later.month.is_some()
        || first.day.is_some()
            && later.year.is_none()
            && later.month.is_none()
            && later.day.is_some();
    if shorter {
        later.year = later.year.or(first.year);
        later.month = later.month.or(first.month);
    }
    (same_shape || shorter).then_some((later, end))
}

/// `上午9点至11点`, `早上8点至晚上10点`, `8:00-10:00`: the later clock time of a range
/// that starts with a time, on the first's day. Without a time-of-day word of its own
/// it stays in the first's half of the day: `晚上7点至9点` ends at 21:00.
fn clock_range_end(text: &[char], from: usize, first: &DateParts) -> Option<(DateParts, usize)> {
    let first_clock = first.clock?;
    let own_period = lexicon::time_of_day().longest_at(text, from).is_some();
    let (mut clock, end) = colon_clock(text, from).or_else(|| written_clock(text, from, true))?;
    if !own_period && clock.hour < 12 && clock.hour < first_clock.hour {
        clock.hour += 12;
    }
    let later = DateParts {
        clock: Some(clock),
        ..*first
    };
    Some((later, end))
}

/// `2018-2020年`, `1-2月`: a bare number, a dash, then a dated number. The first end
/// takes the shape of the second.
pub fn bare_range(text: &[char], num: &Number) -> Option<Figure> {
    let from = crate::chars::range_dash_end(text, num.end)?;
    let later_num = numeral::read(text, from, false)?;
    let (later, end) = written_date(text, &later_num)?;
    let first = if later.year.is_some() && later.month.is_none() {
        DateParts {
            year: Some(is_year(num)?),
            ..DateParts::default()
        }
    } else if later.month.is_some() && later.year.is_none() && later.day.is_none() {
        DateParts {
            month: Some(num.small_integer(1, 12)?),
            ..DateParts::default()
        }
    } else {
        return None;
    };
    let later = DateParts {
        quarter: None,
        half: None,
        ..later
    };
    Some(Figure {
        start: num.start,
        end,
        sub: Sub::Date,
        value: Value::DateRange(first.iso(), later.iso()),
        unit: None,
        approx: Approx::Exact,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(p: DateParts) -> String {
        p.iso()
    }

    #[test]
    fn partial_iso_strings() {
        let y = |y| DateParts {
            year: Some(y),
            ..DateParts::default()
        };
        assert_eq!(iso(y(2017)), "2017");
        assert_eq!(
            iso(DateParts {
                month: Some(6),
                ..DateParts::default()
            }),
            "XXXX-06"
        );
        assert_eq!(
            iso(DateParts {
                day: Some(22),
                ..DateParts::default()
            }),
            "XXXX-XX-22"
        );
        assert_eq!(
            iso(DateParts {
                quarter: Some(1),
                ..DateParts::default()
            }),
            "XXXX-Q1"
        );
        assert_eq!(
            iso(DateParts {
                clock: Some(Clock {
                    hour: 14,
                    minute: 0,
                    second: None
                }),
                ..DateParts::default()
            }),
            "T14:00"
        );
        assert_eq!(
            iso(DateParts {
                year: Some(2018),
                month: Some(8),
                day: Some(9),
                clock: Some(Clock {
                    hour: 9,
                    minute: 26,
                    second: Some(6)
                }),
                ..DateParts::default()
            }),
            "2018-08-09T09:26:06"
        );
    }
}
