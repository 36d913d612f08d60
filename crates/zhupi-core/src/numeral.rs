//! Reading one number at a position: Arabic (`11,000`, `９３．３`), Chinese
//! (`两万五千`, `一百二`, `二〇一九`, `壹佰`), mixed (`3.47万`, `5千`, `1.5万亿`), adjacent
//! ranges (`三五千`, `八九亿`, `十五六`) and vague numbers (`几十`, `十几`, `十多万`).
//!
//! The parser knows numbers, not figures: it reports what it saw ([`Number`]) and leaves
//! to `figure` the questions of units, dates and exclusions. Values are kept as a
//! mantissa and a decimal scale until the multipliers are applied, so `3.47万` is
//! exactly 34700 and `23.45亿` exactly 2345000000.

use crate::chars::{
    arabic_digit, chinese_digit, chinese_place, chinese_tens, is_decimal_point, multiplier,
};
use crate::entity::Approx;
use crate::lexicon;

/// How a number was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Arabic,
    Chinese,
}

/// One number read from the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    /// The value, or the low end of a range (`三五千` → 3000).
    pub lo: f64,
    /// The high end of a range; equal to `lo` for a single number.
    pub hi: f64,
    pub script: Script,
    /// Digits only, no place, multiplier or decimal: `2017`, `二〇一九`, `07`.
    pub plain_digits: bool,
    /// How many digits a plain-digit number has.
    pub digit_count: usize,
    /// 万 or 亿 was applied.
    pub has_multiplier: bool,
    /// The product of the 万/亿 applied (1 when none): `3万` → 10⁴.
    pub multiplier: f64,
    /// The place of the leading digit in Chinese (`三百五十` → 100), 1 otherwise: what a
    /// bare first end of a range takes from the second (`八到九百` → 800–900).
    pub lead_place: f64,
    pub has_decimal: bool,
    /// `几十`, `数百`: the range is a guess, not two stated ends.
    pub vague: bool,
    /// An approximation written inside the number (`十几`, `十多万`).
    pub approx: Option<Approx>,
}

impl Number {
    pub fn is_range(&self) -> bool {
        self.lo != self.hi
    }

    /// A whole number between `lo` and `hi`, stated exactly: `Some(n)`.
    pub fn small_integer(&self, lo: u32, hi: u32) -> Option<u32> {
        let v = self.lo;
        (!self.is_range()
            && !self.has_decimal
            && v.fract() == 0.0
            && v >= lo as f64
            && v <= hi as f64)
            .then_some(v as u32)
    }

    /// The number is the single character 一 (or 壹): the article, not a count.
    pub fn is_lone_one(&self, text: &[char]) -> bool {
        self.end == self.start + 1 && matches!(text[self.start], '一' | '壹')
    }
}

/// Arabic integer runs longer than this are codes or identifiers, never figures.
const MAX_INTEGER_DIGITS: usize = 15;

/// Where the run of digits and separators that starts at `at` ends: what to skip when
/// a run is too long to be a number (a code, an ID), so it is not read again from
/// every digit inside it.
pub fn digit_run_end(text: &[char], at: usize) -> usize {
    let mut i = at;
    while text
        .get(i)
        .is_some_and(|&c| arabic_digit(c).is_some() || matches!(c, ',' | '，' | '.' | '．'))
    {
        i += 1;
    }
    i
}

/// Reads the number that starts at `text[at]`, if one does.
///
/// `bare_place` allows a number to open with 百, 千 or 万 alone (`上百`, `逾千`), which
/// is only a number after a word that says so; the caller decides.
pub fn read(text: &[char], at: usize, bare_place: bool) -> Option<Number> {
    let c = *text.get(at)?;
    if arabic_digit(c).is_some() {
        read_arabic(text, at)
    } else {
        read_chinese(text, at, bare_place)
    }
}

/// A decimal mantissa: `digits / 10^scale`.
#[derive(Clone, Copy, Debug, Default)]
struct Decimal {
    digits: f64,
    scale: i32,
}

impl Decimal {
    fn times(self, m: f64) -> f64 {
        // Multiply before dividing: 347 × 10⁴ / 10² is exact, 3.47 × 10⁴ is not.
        self.digits * m / 10f64.powi(self.scale)
    }
}

fn read_arabic(text: &[char], at: usize) -> Option<Number> {
    let mut i = at;
    let mut int = Decimal::default();
    let mut count = 0;
    let mut grouped = false;
    while let Some(d) = text.get(i).copied().and_then(arabic_digit) {
        int.digits = int.digits * 10.0 + d as f64;
        count += 1;
        i += 1;
        // A thousands separator is followed by exactly three digits.
        if let Some(&sep) = text.get(i) {
            let full_width = sep == '，';
            if (sep == ',' || full_width)
                && (1..=3).contains(&(if grouped { 3 } else { count }))
                && three_digits_then_end(text, i + 1)
                && !(full_width && count > 3)
            {
                grouped = true;
                i += 1;
            }
        }
    }
    if count > MAX_INTEGER_DIGITS {
        return None;
    }
    let mut number = Decimal { ..int };
    let mut has_decimal = false;
    if text.get(i).copied().is_some_and(is_decimal_point)
        && text.get(i + 1).copied().and_then(arabic_digit).is_some()
    {
        has_decimal = true;
        i += 1;
        while let Some(d) = text.get(i).copied().and_then(arabic_digit) {
            number.digits = number.digits * 10.0 + d as f64;
            number.scale += 1;
            i += 1;
        }
        // `1.2.3` is a version or a section number, not a decimal.
        if text.get(i).copied().is_some_and(is_decimal_point)
            && text.get(i + 1).copied().and_then(arabic_digit).is_some()
        {
            return None;
        }
    }
    let plain_digits = !has_decimal && !grouped;
    let mut n = Number {
        start: at,
        end: i,
        lo: number.times(1.0),
        hi: number.times(1.0),
        script: Script::Arabic,
        plain_digits,
        digit_count: if plain_digits { count } else { 0 },
        has_multiplier: false,
        multiplier: 1.0,
        lead_place: 1.0,
        has_decimal,
        vague: false,
        approx: None,
    };
    // `5千`, `3百万`: a place after Arabic digits, unless it begins a unit (`5千米`).
    let mut scale = 1.0;
    if let Some(p) = text.get(i).copied().and_then(chinese_place) {
        if !starts_unit(text, i) {
            scale = p as f64;
            i += 1;
        }
    }
    let (mult, approx, end) = read_multipliers(text, i);
    if scale > 1.0 || mult > 1.0 {
        let v = number.times(scale * mult);
        n.lo = v;
        n.hi = v;
        n.plain_digits = false;
        n.digit_count = 0;
        n.has_multiplier = mult > 1.0;
        n.multiplier = mult;
        n.lead_place = scale;
        n.approx = approx;
        n.end = end;
    }
    Some(n)
}

fn three_digits_then_end(text: &[char], at: usize) -> bool {
    (0..3).all(|k| text.get(at + k).copied().and_then(arabic_digit).is_some())
        && text.get(at + 3).copied().and_then(arabic_digit).is_none()
}

/// A unit such as 千米, 千克 or 百分点 starts at `text[at]`.
fn starts_unit(text: &[char], at: usize) -> bool {
    lexicon::units()
        .longest_at(text, at)
        .is_some_and(|(len, _)| len > 1)
}

/// Reads a run of 万 and 亿 (`万`, `亿`, `万亿`), optionally after 多/余 (`十多万`).
/// Returns the product, the approximation and where the run ends.
fn read_multipliers(text: &[char], at: usize) -> (f64, Option<Approx>, usize) {
    let mut i = at;
    let mut approx = None;
    if let Some((len, a)) = lexicon::approx_after_number().longest_at(text, i) {
        if text.get(i + len).copied().and_then(multiplier).is_some() {
            approx = Some(a);
            i += len;
        }
    }
    let mut product = 1.0;
    while let Some(m) = text.get(i).copied().and_then(multiplier) {
        product *= m;
        i += 1;
    }
    if product == 1.0 {
        return (1.0, None, at);
    }
    (product, approx, i)
}

/// Two adjacent digits that name a range (`三五`, `七八`, `两三`, `一两`).
fn range_pair(first: u8, second: u8) -> bool {
    second == first + 1 || (first, second) == (3, 5) || (first, second) == (1, 2)
}

/// Lo/hi accumulators: every operation is applied to both ends of a range.
#[derive(Clone, Copy, Default)]
struct Span2 {
    lo: f64,
    hi: f64,
}

impl Span2 {
    fn of(lo: f64, hi: f64) -> Span2 {
        Span2 { lo, hi }
    }
    fn add(self, o: Span2) -> Span2 {
        Span2::of(self.lo + o.lo, self.hi + o.hi)
    }
    fn scale(self, m: f64) -> Span2 {
        Span2::of(self.lo * m, self.hi * m)
    }
    fn is_zero(self) -> bool {
        self.lo == 0.0 && self.hi == 0.0
    }
}

fn read_chinese(text: &[char], at: usize, bare_place: bool) -> Option<Number> {
    let first = text[at];
    let opens = chinese_digit(first).is_some()
        || chinese_tens(first).is_some()
        || first == '十'
        || first == '拾'
        || first == '几'
        || first == '数'
        || (bare_place && (chinese_place(first).is_some() || multiplier(first).is_some()));
    if !opens {
        return None;
    }
    if let Some(n) = read_positional(text, at) {
        return Some(n);
    }
    let mut r = ChineseReader::default();
    let mut i = at;
    while let Some(&c) = text.get(i) {
        let step = if r.decimal.is_some() && multiplier(c).is_none() {
            None
        } else if let Some(d) = chinese_digit(c) {
            r.digit(d)
        } else if c == '几' || c == '数' {
            let next = text.get(i + 1).copied();
            let allowed = c == '几' || (i == at && next != Some('以'));
            if allowed {
                r.vague_digit(next)
            } else {
                None
            }
        } else if let Some(p) = chinese_place(c) {
            r.place(p, i == at)
        } else if let Some(t) = chinese_tens(c) {
            r.tens(t)
        } else if let Some(m) = multiplier(c) {
            r.multiplier(m, bare_place && i == at)
        } else if matches!(c, '多' | '余') {
            let before_multiplier = text.get(i + 1).copied().and_then(multiplier).is_some();
            r.approx_before_multiplier(before_multiplier)
        } else if c == '点' {
            r.decimal_point(text, i)
        } else {
            None
        };
        match step {
            Some(()) => i = r.skip_to.take().unwrap_or(i + 1),
            None => break,
        }
    }
    if i == at {
        return None;
    }
    let (lo, hi) = r.total();
    let (m, mult_approx, end) = read_multipliers(text, i);
    let (lo, hi) = if m > 1.0 {
        match r.decimal {
            Some(d) => (d.times(m), d.times(m)),
            None => (lo * m, hi * m),
        }
    } else {
        (lo, hi)
    };
    Some(Number {
        start: at,
        end,
        lo,
        hi,
        script: Script::Chinese,
        plain_digits: false,
        digit_count: 0,
        has_multiplier: r.has_multiplier || m > 1.0,
        multiplier: match (m > 1.0, r.has_multiplier) {
            (true, _) => m,
            (false, true) => r.tail_multiplier,
            (false, false) => 1.0,
        },
        lead_place: r.lead_place.max(1) as f64,
        has_decimal: r.decimal.is_some(),
        vague: r.vague,
        approx: r.approx.or(mult_approx),
    })
}

/// The state of reading a Chinese numeral, one character at a time. Each method takes
/// one character's meaning and returns `Some(())` to go on past it or `None` to stop
/// before it; a step that reads several characters (a decimal) sets `skip_to`.
#[derive(Default)]
struct ChineseReader {
    whole: Span2,   // closed 亿 groups
    wan: Span2,     // the closed 万 group
    section: Span2, // below 万
    pending: Option<Span2>,
    pending_digit: Option<u8>,
    last_place: u32,
    lead_place: u32,
    last_multiplier: f64,
    tail_multiplier: f64,
    after_multiplier: bool,
    zero_since_place: bool,
    vague: bool,
    approx: Option<Approx>,
    has_multiplier: bool,
    decimal: Option<Decimal>,
    skip_to: Option<usize>,
}

impl ChineseReader {
    fn digit(&mut self, d: u8) -> Option<()> {
        self.after_multiplier = false;
        if d == 0 {
            self.zero_since_place = true;
            return Some(());
        }
        match (self.pending, self.pending_digit) {
            (None, _) => {
                self.pending = Some(Span2::of(d as f64, d as f64));
                self.pending_digit = Some(d);
            }
            (Some(p), Some(prev)) if range_pair(prev, d) && p.lo == p.hi => {
                // 三五千, and after a multiplier 一万六七 (16000–17000).
                self.pending = Some(Span2::of(p.lo, d as f64));
                self.pending_digit = Some(d);
            }
            _ => return None,
        }
        Some(())
    }

    /// 几 or 数: two to nine of the next place (`几十`), or after tens, more than them
    /// (`十几`).
    fn vague_digit(&mut self, next: Option<char>) -> Option<()> {
        if self.pending.is_some() {
            return None;
        }
        let next_is_place =
            next.is_some_and(|n| chinese_place(n).is_some() || multiplier(n).is_some());
        let nothing_yet = self.section.is_zero() && self.wan.is_zero() && self.whole.is_zero();
        if nothing_yet && next_is_place {
            self.pending = Some(Span2::of(2.0, 9.0));
            self.vague = true;
        } else if !self.section.is_zero() && self.approx.is_none() {
            self.approx = Some(Approx::MoreThan);
        } else {
            return None;
        }
        Some(())
    }

    fn place(&mut self, p: u32, opens_number: bool) -> Option<()> {
        if self.last_place != 0 && p >= self.last_place {
            return None; // 三百千: not a number
        }
        let implied_one = self.section.is_zero() && (p == 10 || opens_number)
            || p == 10 && (self.last_place > 10 || self.zero_since_place); // 一百十一, 一千零十
        let digit = match self.pending {
            Some(d) => d,
            None if implied_one => Span2::of(1.0, 1.0),
            None => return None,
        };
        self.section = self.section.add(digit.scale(p as f64));
        self.pending = None;
        self.pending_digit = None;
        if self.lead_place == 0 && self.wan.is_zero() && self.whole.is_zero() {
            self.lead_place = p;
        }
        self.last_place = p;
        self.zero_since_place = false;
        self.after_multiplier = false;
        Some(())
    }

    /// 廿 (20) and 卅 (30), alone or after a higher place (`五百卅四`).
    fn tens(&mut self, t: u32) -> Option<()> {
        if self.pending.is_some() || (!self.section.is_zero() && self.last_place <= 10) {
            return None;
        }
        self.section = self.section.add(Span2::of(t as f64, t as f64));
        self.last_place = 10;
        if self.lead_place == 0 {
            self.lead_place = 10;
        }
        Some(())
    }

    /// The pending digit, read as an abbreviation where one is meant: `三万五` = 35000
    /// (only at the end: `一亿七万` is not 1.7亿万), `一百二` = 120, `百二萬` = 1200000
    /// (never after 零: `一百零二` = 102).
    fn take_tail(&mut self, at_end: bool) -> Span2 {
        let mut tail = self.pending.take().unwrap_or_default();
        if self.pending_digit.take().is_some() && !self.zero_since_place {
            if self.last_place >= 100 && !self.section.is_zero() {
                tail = tail.scale(self.last_place as f64 / 10.0);
            } else if at_end
                && self.last_place == 0
                && self.section.is_zero()
                && self.last_multiplier > 1.0
            {
                tail = tail.scale(self.last_multiplier / 10.0);
            }
        }
        tail
    }

    fn multiplier(&mut self, m: f64, bare: bool) -> Option<()> {
        let pending_before = self.pending.is_some();
        let group = self.section.add(self.take_tail(false));
        let empty = group.is_zero() && self.wan.is_zero() && self.whole.is_zero();
        if empty && !bare && !pending_before {
            return None;
        }
        let group = if empty { Span2::of(1.0, 1.0) } else { group };
        if m >= 1e8 {
            self.whole = self.whole.add(self.wan).add(group).scale(m);
            self.wan = Span2::default();
        } else {
            self.wan = self.wan.add(group).scale(m);
        }
        self.tail_multiplier = if self.after_multiplier {
            self.tail_multiplier * m
        } else {
            m
        };
        self.after_multiplier = true;
        self.section = Span2::default();
        self.last_place = 0;
        self.last_multiplier = m;
        self.zero_since_place = false;
        self.has_multiplier = true;
        Some(())
    }

    /// 十多万: 多/余 between the number and its multiplier.
    fn approx_before_multiplier(&mut self, before_multiplier: bool) -> Option<()> {
        if self.has_multiplier
            || self.pending.is_some()
            || self.section.is_zero()
            || !before_multiplier
        {
            return None;
        }
        self.approx = Some(Approx::MoreThan);
        Some(())
    }

    /// 三点五, 三百二十四点七五, 零点六: a decimal point, only when digits follow.
    fn decimal_point(&mut self, text: &[char], at: usize) -> Option<()> {
        let has_int = self.pending.is_some() || self.zero_since_place || !self.section.is_zero();
        if self.decimal.is_some() || self.has_multiplier || !has_int || self.vague {
            return None;
        }
        let mut j = at + 1;
        let mut frac = Decimal::default();
        while let Some(d) = text.get(j).copied().and_then(chinese_digit) {
            frac.digits = frac.digits * 10.0 + d as f64;
            frac.scale += 1;
            j += 1;
        }
        if frac.scale == 0 || self.pending.is_some_and(|p| p.lo != p.hi) {
            return None;
        }
        let int = self.section.lo + self.pending.map_or(0.0, |p| p.lo);
        self.decimal = Some(Decimal {
            digits: int * 10f64.powi(frac.scale) + frac.digits,
            scale: frac.scale,
        });
        self.section = Span2::default();
        self.pending = None;
        self.pending_digit = None;
        self.skip_to = Some(j);
        Some(())
    }

    fn total(&mut self) -> (f64, f64) {
        if let Some(d) = self.decimal {
            let v = d.times(1.0);
            return (v, v);
        }
        let tail = self.take_tail(true);
        let t = self.whole.add(self.wan).add(self.section).add(tail);
        (t.lo, t.hi)
    }
}

/// `二〇一九`, `一八五四`: digits in a row with no place, read position by position.
/// Two digits that form a range (`三五`) are not positional.
fn read_positional(text: &[char], at: usize) -> Option<Number> {
    let mut i = at;
    let mut value = 0.0;
    let mut count = 0;
    let mut first_two = [0u8; 2];
    while let Some(d) = text.get(i).copied().and_then(chinese_digit) {
        if matches!(text[i], '两' | '兩') && i > at {
            break;
        }
        value = value * 10.0 + d as f64;
        if count < 2 {
            first_two[count] = d;
        }
        count += 1;
        i += 1;
        if count > MAX_INTEGER_DIGITS {
            return None;
        }
    }
    let next_is_place = text.get(i).is_some_and(|&c| chinese_place(c).is_some());
    if count < 2 || (count == 2 && range_pair(first_two[0], first_two[1])) || next_is_place {
        return None;
    }
    // 一七二零点一: a positional decimal.
    let mut scale = 0;
    let mut digits = value;
    if text.get(i) == Some(&'点') {
        let mut j = i + 1;
        while let Some(d) = text.get(j).copied().and_then(chinese_digit) {
            digits = digits * 10.0 + d as f64;
            scale += 1;
            j += 1;
        }
        if scale > 0 {
            i = j;
        }
    }
    let v = Decimal { digits, scale }.times(1.0);
    Some(Number {
        start: at,
        end: i,
        lo: v,
        hi: v,
        script: Script::Chinese,
        plain_digits: scale == 0,
        digit_count: if scale == 0 { count } else { 0 },
        has_multiplier: false,
        multiplier: 1.0,
        lead_place: 1.0,
        has_decimal: scale > 0,
        vague: false,
        approx: None,
    })
}

/// Parses a whole string as one number, as the numeral suites state them: `Some(value)`
/// only when the number covers all of `s` and is a single value.
pub fn parse_whole(s: &str) -> Option<f64> {
    let text: Vec<char> = s.chars().map(crate::chars::fold).collect();
    let n = read(&text, 0, true)?;
    (n.end == text.len() && !n.is_range() && n.approx.is_none()).then_some(n.lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> Option<f64> {
        parse_whole(s)
    }

    fn range(s: &str) -> (f64, f64) {
        let text: Vec<char> = s.chars().collect();
        let n = read(&text, 0, false).unwrap();
        (n.lo, n.hi)
    }

    #[test]
    fn arabic_with_separators_and_decimals() {
        assert_eq!(val("11000"), Some(11000.0));
        assert_eq!(val("11,000"), Some(11000.0));
        assert_eq!(val("601,293.11"), Some(601293.11));
        assert_eq!(val("９３．３"), Some(93.3));
        assert_eq!(val("0.5"), Some(0.5));
        assert_eq!(val("1.2.3"), None);
    }

    #[test]
    fn mixed_arabic_and_multipliers_are_exact() {
        assert_eq!(val("3.47万"), Some(34700.0));
        assert_eq!(val("23.45亿"), Some(2345000000.0));
        assert_eq!(val("1.5万亿"), Some(1.5e12));
        assert_eq!(val("5千"), Some(5000.0));
        assert_eq!(val("4300万"), Some(43000000.0));
        assert_eq!(val("19.58万"), Some(195800.0));
    }

    #[test]
    fn chinese_numerals() {
        for (s, v) in [
            ("一", 1.0),
            ("十", 10.0),
            ("十五", 15.0),
            ("二十", 20.0),
            ("一百二十", 120.0),
            ("一百二", 120.0),
            ("一百零二", 102.0),
            ("两千六百", 2600.0),
            ("两万五千", 25000.0),
            ("三万五", 35000.0),
            ("一千零五", 1005.0),
            ("一亿二千万", 120000000.0),
            ("壹佰", 100.0),
            ("贰拾叁", 23.0),
            ("廿五", 25.0),
            ("二〇一九", 2019.0),
            ("三点五", 3.5),
            ("两万亿", 2e12),
        ] {
            assert_eq!(val(s), Some(v), "{s}");
        }
    }

    #[test]
    fn places_do_not_open_a_number_alone() {
        assert_eq!(read(&['千', '万'], 0, false), None);
        assert_eq!(read(&['百', '姓'], 0, false), None);
        assert_eq!(val("百"), Some(100.0)); // parse_whole allows it
    }

    #[test]
    fn abbreviations_only_at_the_end() {
        assert_eq!(val("一亿七万两千三百"), Some(100072300.0));
        assert_eq!(val("十三万五"), Some(135000.0));
        assert_eq!(val("百二万"), Some(1200000.0));
        assert_eq!(range("一万六七"), (16000.0, 17000.0));
    }

    #[test]
    fn adjacent_digit_ranges() {
        assert_eq!(range("三五千"), (3000.0, 5000.0));
        assert_eq!(range("八九亿"), (8e8, 9e8));
        assert_eq!(range("两三次"), (2.0, 3.0));
        assert_eq!(range("十五六岁"), (15.0, 16.0));
        assert_eq!(range("七八十"), (70.0, 80.0));
    }

    #[test]
    fn vague_numbers() {
        let text: Vec<char> = "几十万".chars().collect();
        let n = read(&text, 0, false).unwrap();
        assert_eq!((n.lo, n.hi, n.vague), (200000.0, 900000.0, true));
        let text: Vec<char> = "十几倍".chars().collect();
        let n = read(&text, 0, false).unwrap();
        assert_eq!((n.lo, n.approx, n.end), (10.0, Some(Approx::MoreThan), 2));
        let text: Vec<char> = "十多万".chars().collect();
        let n = read(&text, 0, false).unwrap();
        assert_eq!(
            (n.lo, n.approx, n.end),
            (100000.0, Some(Approx::MoreThan), 3)
        );
        let text: Vec<char> = "490多万".chars().collect();
        let n = read(&text, 0, false).unwrap();
        assert_eq!(
            (n.lo, n.approx, n.end),
            (4900000.0, Some(Approx::MoreThan), 5)
        );
    }

    #[test]
    fn units_that_start_with_a_place_stay_units_after_arabic_digits() {
        let text: Vec<char> = "5千米".chars().collect();
        let n = read(&text, 0, false).unwrap();
        assert_eq!((n.lo, n.end), (5.0, 1));
        // In Chinese numerals the place is read: 两千米 is 2000 m (as in 两千米长跑).
        let text: Vec<char> = "两千米".chars().collect();
        let n = read(&text, 0, false).unwrap();
        assert_eq!((n.lo, n.end), (2000.0, 2));
    }

    #[test]
    fn plain_digits_are_flagged_for_years_and_codes() {
        let text: Vec<char> = "2017年".chars().collect();
        let n = read(&text, 0, false).unwrap();
        assert!(n.plain_digits && n.digit_count == 4);
        let text: Vec<char> = "1234567890123456".chars().collect();
        assert_eq!(read(&text, 0, false), None);
    }
}
