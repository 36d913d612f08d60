//! Third-party test suites for Chinese numbers, money, quantities and dates
//! (`../shared/data/`, each with its LICENSE and SOURCE.md), run against zhupi.
//!
//! Each suite has an adapter that turns its records into a question zhupi can answer
//! (a whole-string figure and its value, a number read in context, spans in a sentence),
//! keeps the records within the spec, and counts passes. The count may not drop below
//! the floor written here: raise the floor when a change passes more. Records the spec
//! deliberately treats differently are filtered out by a named rule with its reason.

use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use zhupi_core::{extract, numeral, Entity, Kind, Options, Sub, Value};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn records(file: &str) -> Vec<Json> {
    let path = data_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The tally of one suite.
struct Tally {
    name: &'static str,
    in_scope: usize,
    passed: usize,
    failures: Vec<String>,
}

impl Tally {
    fn new(name: &'static str) -> Tally {
        Tally {
            name,
            in_scope: 0,
            passed: 0,
            failures: Vec::new(),
        }
    }

    fn record(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.in_scope += 1;
        if ok {
            self.passed += 1;
        } else {
            self.failures.push(what());
        }
    }

    /// Prints the count (visible with `--nocapture`) and holds it to its floor.
    fn at_least(self, floor: usize) {
        println!(
            "{}: {}/{} in scope pass (floor {floor})",
            self.name, self.passed, self.in_scope
        );
        for f in self.failures.iter().take(400) {
            println!("  FAIL {f}");
        }
        assert!(
            self.passed >= floor,
            "{}: {} passed, fewer than the floor of {floor}",
            self.name,
            self.passed
        );
    }
}

fn figures(text: &str) -> Vec<Entity> {
    extract(text, &Options::default())
        .into_iter()
        .filter(|e| e.kind == Kind::Figure)
        .collect()
}

/// The one figure that covers the whole (trimmed) string.
fn whole_figure(text: &str) -> Option<Entity> {
    let trimmed = text.trim();
    let len = trimmed.chars().count();
    figures(trimmed)
        .into_iter()
        .find(|f| f.start == 0 && f.end == len)
}

fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n),
        _ => None,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Out of scope: negative numbers. The spec marks quantities; a minus sign or 负 is not
/// part of a figure's grammar.
fn negative(s: &str) -> bool {
    s.contains('负') || s.contains('負') || s.contains('-') || s.contains('−')
}

/// Out of scope: Arabic digits mixed with Chinese digits after a place or multiplier
/// (`1万600`, `100万三千`, `一百点123`), a speech-recognition form news does not use.
fn mixed_scripts(s: &str) -> bool {
    let arabic = s.chars().any(|c| c.is_ascii_digit());
    let chinese_digit = s
        .chars()
        .any(|c| zhupi_core::chars::chinese_digit(c).is_some());
    let place_then_arabic = s
        .chars()
        .skip_while(|c| !"百千万亿點点".contains(*c))
        .any(|c| c.is_ascii_digit());
    arabic && (chinese_digit || place_then_arabic)
}

// ---------------------------------------------------------------- cn2an

#[test]
fn cn2an_numerals() {
    let mut t = Tally::new("cn2an numerals");
    for r in records("cn2an/cn2an.jsonl") {
        let mode = r["mode"].as_str().unwrap();
        let input = r["input"].as_str().unwrap();
        let Some(expected) = r["expected"].as_f64() else {
            continue;
        };
        if mode == "direct" || negative(input) || mixed_scripts(input) {
            continue;
        }
        // Out of scope: money words (元, 圆) make these money figures, checked below.
        if input.contains('元') || input.contains('圆') {
            continue;
        }
        let got = numeral::parse_whole(input);
        t.record(got.is_some_and(|g| close(g, expected)), || {
            format!("{input} → {got:?}, want {expected}")
        });
    }
    t.at_least(281);
}

#[test]
fn cn2an_money_words() {
    let mut t = Tally::new("cn2an money");
    for r in records("cn2an/cn2an.jsonl") {
        let input = r["input"].as_str().unwrap();
        let Some(expected) = r["expected"].as_f64() else {
            continue;
        };
        if !(input.contains('元') || input.contains('圆')) || negative(input) {
            continue;
        }
        let got = whole_figure(input).and_then(|f| f.value.as_ref().and_then(number_of));
        t.record(got.is_some_and(|g| close(g, expected)), || {
            format!("{input} → {got:?}, want {expected}")
        });
    }
    t.at_least(30);
}

#[test]
fn cn2an_rejects_what_is_not_a_number() {
    // cn2an's strict mode also rejects abbreviations (三万五, 一百二, 两千六) that the
    // spec reads (`两千六百` is its own example), so only inputs that no mode accepts
    // are in scope: they must not read as one number.
    let smart: std::collections::HashSet<String> = records("cn2an/cn2an.jsonl")
        .iter()
        .filter(|r| r["mode"] == "smart")
        .map(|r| r["input"].as_str().unwrap().to_owned())
        .collect();
    let mut t = Tally::new("cn2an errors");
    for r in records("cn2an/cn2an.jsonl") {
        if r["mode"] != "error" {
            continue;
        }
        let input = r["input"].as_str().unwrap();
        // 百十一 opens with a bare place, which the spec reads (`百余`, `上百`) and cn2an's
        // strict mode refuses.
        if smart.contains(input) || negative(input) || input.starts_with('百') {
            continue;
        }
        let got = numeral::parse_whole(input);
        t.record(got.is_none(), || format!("{input:?} read as {got:?}"));
    }
    t.at_least(12);
}

/// The part of `input` that a rewrite changed, and what it became.
fn changed_segment(input: &str, output: &str) -> (usize, String, String) {
    let a: Vec<char> = input.chars().collect();
    let b: Vec<char> = output.chars().collect();
    let mut p = 0;
    while p < a.len() && p < b.len() && a[p] == b[p] {
        p += 1;
    }
    let mut s = 0;
    while s < a.len() - p && s < b.len() - p && a[a.len() - 1 - s] == b[b.len() - 1 - s] {
        s += 1;
    }
    (
        p,
        a[p..a.len() - s].iter().collect(),
        b[p..b.len() - s].iter().collect(),
    )
}

/// What a rewrite wrote for a number: `100`, `1,000`, `1亿2300`, `20.1万`, a range
/// `300~500` or `3~5万`, a share `2%` or `1/2` (as a percent). `None` when the segment
/// is something else (a date `2008/08/08` keeps only its first number).
#[derive(Debug, PartialEq)]
enum Written {
    Number(f64),
    Range(f64, f64),
    Percent(f64),
}

fn written_number(s: &str) -> Option<(f64, &str)> {
    let mut total = 0.0;
    let mut rest = s;
    loop {
        let digits: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        if digits.is_empty() {
            break;
        }
        let n: f64 = digits.replace(',', "").parse().ok()?;
        rest = &rest[digits.len()..];
        let m = match rest.chars().next() {
            Some('万' | '萬') => 1e4,
            Some('亿' | '億') => 1e8,
            _ => 1.0,
        };
        if m > 1.0 {
            rest = &rest['万'.len_utf8()..];
        }
        total += n * m;
        if m == 1.0 {
            break;
        }
    }
    (total > 0.0 || s.starts_with('0')).then_some((total, rest))
}

fn written(seg: &str) -> Option<Written> {
    let (lo, rest) = written_number(seg)?;
    if let Some(r) = rest.strip_prefix('~') {
        let (hi, _) = written_number(r)?;
        let digits: String = r
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        // `3~5万`: the multiplier written once applies to both ends.
        let m = hi / digits.parse::<f64>().ok()?;
        let lo = if lo * m <= hi { lo * m } else { lo };
        return Some(Written::Range(lo, hi));
    }
    if rest.starts_with('%') {
        return Some(Written::Percent(lo));
    }
    // `1/2`, `3/16`: a proper fraction; `2008/08` and `08/16` are dates.
    if let Some(r) = rest.strip_prefix('/') {
        let (den, after) = written_number(r)?;
        if !r.contains('/')
            && lo < den
            && !seg.starts_with('0')
            && !after.starts_with(|c: char| c.is_ascii_digit())
        {
            return Some(Written::Percent(lo / den * 100.0));
        }
    }
    Some(Written::Number(lo))
}

/// Rewrite suites (inverse text normalisation): where the rewrite starts, zhupi must
/// read the value the rewrite wrote: a number read there, or a figure that starts
/// there (for shares and ranges).
fn rewrite_suite(name: &'static str, rows: Vec<(String, String)>, floor: usize) {
    let mut t = Tally::new(name);
    for (input, output) in rows {
        // Out of scope: minus signs; 幺 (spoken 1, used in phone numbers and codes, not
        // figures); clock times and rates (`10km/h`), which the spec does not normalise;
        // abbreviated ranges (`15-6`), which rewrite the digits, not the number.
        if negative(&input) || input.contains('幺') || output.contains(':') || output.contains("/h")
        {
            continue;
        }
        let (at, seg_in, seg_out) = changed_segment(&input, &output);
        // The number runs on past the changed part when both sides share its 万/亿.
        let out_from_change: String = output.chars().skip(at).collect();
        if seg_out.contains('-') {
            continue; // abbreviated ranges (`15-6`), out of scope as above
        }
        let Some(want) = written(&out_from_change) else {
            continue;
        };
        if seg_in.is_empty() {
            continue;
        }
        let text: Vec<char> = input.chars().map(zhupi_core::chars::fold).collect();
        let figure = figures(&input).into_iter().find(|f| f.start == at);
        let read = numeral::read(&text, at, true);
        let ok = match (&want, &figure, &read) {
            (Written::Percent(p), Some(f), _) => {
                f.sub == Some(Sub::Percent)
                    && f.value
                        .as_ref()
                        .and_then(number_of)
                        .is_some_and(|v| close(v, *p))
            }
            (Written::Range(lo, hi), Some(f), _) if matches!(f.value, Some(Value::Range(..))) => {
                f.value == Some(Value::Range(*lo, *hi))
            }
            (Written::Range(lo, hi), _, Some(n)) => close(n.lo, *lo) && close(n.hi, *hi),
            (Written::Number(v), _, Some(n)) => !n.is_range() && close(n.lo, *v),
            (Written::Number(v), Some(f), None) => f
                .value
                .as_ref()
                .and_then(number_of)
                .is_some_and(|g| close(g, *v)),
            _ => false,
        };
        let got = (
            figure.map(|f| (f.text, f.value)),
            read.map(|n| (n.lo, n.hi)),
        );
        t.record(ok, || {
            format!("{input} → {output}: want {want:?}, got {got:?}")
        });
    }
    t.at_least(floor);
}

#[test]
fn cn2an_sentence_rewrites() {
    let rows = records("cn2an/transform.jsonl")
        .into_iter()
        .filter(|r| r["method"] == "cn2an")
        .map(|r| {
            (
                r["input"].as_str().unwrap().to_owned(),
                r["expected"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    rewrite_suite("cn2an transform", rows, 19);
}

// ---------------------------------------------------------------- WeTextProcessing, NeMo

/// Files whose rewrites are numbers; the others (license plates, characters, maths,
/// train numbers, whitelists) are codes or words, not figures.
fn numeric_file(f: &str) -> bool {
    [
        "cardinal",
        "number",
        "money",
        "measure",
        "date",
        "fraction",
        "decimal",
        "ordinal",
        "normalizer",
    ]
    .iter()
    .any(|k| f.contains(k))
}

/// An inverse-text-normalisation suite (`{input, output, file}` records), its numeric
/// files only, as rewrites.
fn itn_suite(name: &'static str, file: &str, floor: usize) {
    let rows = records(file)
        .into_iter()
        .filter(|r| numeric_file(r["file"].as_str().unwrap()))
        .map(|r| {
            (
                r["input"].as_str().unwrap().to_owned(),
                r["output"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    rewrite_suite(name, rows, floor);
}

#[test]
fn wetext_itn() {
    itn_suite("wetext itn", "wetext/itn.jsonl", 149);
}

#[test]
fn nemo_itn() {
    itn_suite("nemo itn", "nemo/itn.jsonl", 247);
}

// ---------------------------------------------------------------- Duckling

#[test]
fn duckling_numerals() {
    let mut t = Tally::new("duckling numeral");
    for r in records("duckling/numeral.jsonl") {
        let text = r["text"].as_str().unwrap();
        let want = r["value"]["value"].as_f64().unwrap();
        // Out of scope: Duckling folds into its numeral counted forms (一个, 五對, 八打),
        // metric suffixes (100K, 3M), halves and fractions (一半, 二分之一, 一又十分一)
        // and bare leading decimal points (.77); the spec reads those as figures with
        // units, shares, or not at all.
        let counted = text.ends_with(|c: char| "个個對对雙双打".contains(c));
        let fraction = ["半", "分", "份", "又"].iter().any(|w| text.contains(w));
        let suffixed = text.ends_with(|c: char| c.is_ascii_alphabetic()) || text.starts_with('.');
        if negative(text) || counted || fraction || suffixed || mixed_scripts(text) {
            continue;
        }
        let got = numeral::parse_whole(text);
        t.record(got.is_some_and(|g| close(g, want)), || {
            format!("{text} → {got:?}, want {want}")
        });
    }
    t.at_least(82);
}

#[test]
fn duckling_ordinals() {
    let mut t = Tally::new("duckling ordinal");
    for r in records("duckling/ordinal.jsonl") {
        let text = r["text"].as_str().unwrap();
        let want = r["value"]["value"].as_f64().unwrap();
        let got = whole_figure(text)
            .filter(|f| f.sub == Some(Sub::Ordinal))
            .and_then(|f| f.value.as_ref().and_then(number_of));
        t.record(got.is_some_and(|g| close(g, want)), || {
            format!("{text} → {got:?}")
        });
    }
    t.at_least(3);
}

/// The spec keeps units as written (`1.5公斤` → 1.5, 公斤); Duckling converts some of
/// them (to grams, or halves of an hour to minutes). This is the factor from ours to
/// Duckling's, so the values compare.
fn duckling_factor(ours: &str, duckling: &str) -> f64 {
    match (ours, duckling) {
        ("斤", "Gram") => 500.0,
        ("公斤" | "千克" | "kg", "Gram") => 1000.0,
        ("毫克", "Gram") => 0.001,
        ("小时" | "个小时" | "钟头" | "个钟头", "Minute") => 60.0,
        ("天" | "日", "Hour") => 24.0,
        ("分钟", "Second") => 60.0,
        _ => 1.0,
    }
}

/// Duckling's amounts (money, quantity, distance, volume, temperature, duration): the
/// whole string is one figure of the expected sub kind with the expected value, and its
/// interval kinds (under, above, between) map to approx and ranges.
fn duckling_amounts(file: &str, sub: Sub, floor: usize) {
    let mut t = Tally::new(Box::leak(format!("duckling {file}").into_boxed_str()));
    for r in records(&format!("duckling/{file}")) {
        let text = r["text"].as_str().unwrap();
        let v = &r["value"];
        let unit = v["unit"].as_str().or(v["currency"].as_str()).unwrap_or("");
        // Out of scope: cents (分/仙 alone is a score or a minute in news); units written
        // in English or symbols only; fractions of a unit said as `四分一升`; Cantonese money words (蚊, 毫, 個 for a dollar);
        // compound weights (`3斤5两`, 两 being also the numeral two); a currency word
        // before the number (the spec's span starts at the number).
        let cantonese = ['蚊', '毫', '個', '个', '仙'];
        let temperature_prefix = text.contains("摄氏") && !text.ends_with("摄氏度")
            || text.contains("攝氏")
            || text.contains("华氏")
            || text.contains("華氏");
        let before = [
            "人民", "港", "美", "欧", "日", "英", "起碼", "最少", "最多", "至少", "米", "分", "個",
        ];
        // Also: 一 with a time unit, an article in the spec's gold (`过去一年`); a bare
        // month or day (`10 月`, `五 日`), a date by the spec; compound durations
        // (`一小時零三十分鐘`) and Cantonese hours (`十二個鐘`, `3個字`); lengths said
        // the colloquial way (`三米九` = 3.9 m).
        let article_one = text.starts_with('一')
            && unit != "Dollar"
            && !text.contains('万')
            && !text.contains('半');
        let month_or_day = matches!(unit, "Month" | "Day")
            && !text.contains('个')
            && !text.contains('個')
            && !text.contains('天');
        let compound = text.matches(|c: char| "时時分秒钟鐘".contains(c)).count() > 1
            && !text.contains("分鐘")
            && !text.contains("分钟")
            || text.contains('鐘') && !text.contains("分鐘") && !text.contains("秒鐘")
            || text.contains('字');
        let colloquial = text
            .chars()
            .last()
            .is_some_and(|c| zhupi_core::chars::chinese_digit(c).is_some());
        if unit == "Cent"
            || text.chars().all(|c| c.is_ascii() || c.is_whitespace())
            || (unit != "Second"
                && unit != "Minute"
                && unit != "Hour"
                && text.chars().any(|c| cantonese.contains(&c)))
            || text.contains('两') && text.contains('斤')
            || text.ends_with('两')
            || text.contains("兩半")
            || text.contains("两半")
            || before.iter().any(|w| text.starts_with(w))
            || article_one
            || month_or_day
            || compound
            || colloquial
            || text.contains("分一")
            || temperature_prefix
        {
            continue;
        }
        let f = whole_figure(text);
        let got_sub = f.as_ref().and_then(|f| f.sub);
        let factor = f.as_ref().map_or(1.0, |f| {
            duckling_factor(f.unit.as_deref().unwrap_or(""), unit)
        });
        let value = f.as_ref().and_then(|f| f.value.clone()).map(|v| match v {
            Value::Number(n) => Value::Number(n * factor),
            Value::Range(a, b) => Value::Range(a * factor, b * factor),
            other => other,
        });
        let approx = f.as_ref().and_then(|f| f.approx).map(|a| a.as_str());
        let ok = got_sub == Some(sub)
            && match (
                v.get("value").and_then(Json::as_f64),
                v.get("min").and_then(Json::as_f64),
                v.get("max").and_then(Json::as_f64),
            ) {
                (Some(want), _, _) => value
                    .as_ref()
                    .and_then(number_of)
                    .is_some_and(|g| close(g, want)),
                (None, Some(lo), Some(hi)) => value == Some(Value::Range(lo, hi)),
                (None, Some(lo), None) => {
                    value
                        .as_ref()
                        .and_then(number_of)
                        .is_some_and(|g| close(g, lo))
                        && approx == Some("more_than")
                }
                (None, None, Some(hi)) => {
                    value
                        .as_ref()
                        .and_then(number_of)
                        .is_some_and(|g| close(g, hi))
                        && approx == Some("less_than")
                }
                _ => false,
            };
        t.record(ok, || {
            format!("{text} → {got_sub:?} {value:?} {approx:?}, want {v}")
        });
    }
    t.at_least(floor);
}

#[test]
fn duckling_money() {
    duckling_amounts("amount_of_money.jsonl", Sub::Money, 7);
}

#[test]
fn duckling_quantities() {
    duckling_amounts("quantity.jsonl", Sub::Measure, 11);
    duckling_amounts("distance.jsonl", Sub::Measure, 20);
    duckling_amounts("volume.jsonl", Sub::Measure, 19);
    duckling_amounts("temperature.jsonl", Sub::Measure, 5);
}

#[test]
fn duckling_durations() {
    duckling_amounts("duration.jsonl", Sub::Duration, 14);
}

/// Parses duckling's `datetime (2015, 3, 3, 0, 0, 0) Day` into its tuple and grain.
fn duckling_datetime(expected: &str) -> Option<([u32; 6], &str)> {
    let rest = expected.strip_prefix("datetime (")?;
    let (tuple, grain) = rest.split_once(") ")?;
    let parts: Vec<u32> = tuple
        .split(',')
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    Some((parts.try_into().ok()?, grain.trim()))
}

/// True when every part our ISO string states agrees with duckling's tuple.
fn iso_agrees(iso: &str, t: [u32; 6]) -> bool {
    let (date, time) = iso.split_once('T').unwrap_or((iso, ""));
    let mut ok = true;
    for (k, part) in date.split('-').enumerate().filter(|(_, p)| !p.is_empty()) {
        if part.chars().all(|c| c.is_ascii_digit()) {
            ok &= part.parse::<u32>().ok() == Some(t[k]);
        } else if !part.chars().all(|c| c == 'X') {
            return false;
        }
    }
    for (k, part) in time.split(':').enumerate().filter(|(_, p)| !p.is_empty()) {
        ok &= part.parse::<u32>().ok() == Some(t[3 + k]);
    }
    ok
}

#[test]
fn duckling_absolute_dates() {
    // In scope: expressions that state their date with numbers and need no reference
    // time (relative words such as 下周, 明天, 上个月 are not figures by the spec), with
    // a day, month or year grain or a clock time. Out of scope: US-style `3/3/2015` and
    // two-digit years (`3/3/15`), which Chinese news does not use.
    // Also out: a bare hour (`三点`), which in news is as often "three points"; English
    // and Cantonese clock words (pm, 晏晝); weekdays (周一), which need a reference date.
    let relative = [
        '上', '下', '这', '這', '今', '明', '昨', '前', '后', '周', '週', '星', '礼', '拜', '天',
        '节', '晚', '早', '午', '凌', '晏',
    ];
    let mut t = Tally::new("duckling time");
    for r in records("duckling/time.jsonl") {
        let text = r["text"].as_str().unwrap();
        let Some((tuple, grain)) = duckling_datetime(r["expected"].as_str().unwrap()) else {
            continue;
        };
        let has_number = text
            .chars()
            .any(|c| c.is_ascii_digit() || zhupi_core::chars::chinese_digit(c).is_some());
        let bare_hour = grain == "Hour" && !text.contains('时') && !text.contains(':');
        if !has_number
            || text.chars().any(|c| relative.contains(&c))
            || text.contains('/')
            || bare_hour
            || text.chars().any(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        if !matches!(grain, "Day" | "Month" | "Year" | "Minute" | "Hour") {
            continue;
        }
        let f = whole_figure(text);
        let got = f.as_ref().and_then(|f| match &f.value {
            Some(Value::Date(d)) => Some(d.clone()),
            _ => None,
        });
        t.record(got.as_deref().is_some_and(|d| iso_agrees(d, tuple)), || {
            format!("{text} → {got:?}, want {tuple:?} {grain}")
        });
    }
    t.at_least(31);
}

// ---------------------------------------------------------------- JioNLP

/// JioNLP's extraction tests: every expected span overlaps a figure of the sub kind,
/// and a sentence with none expected gets none.
fn jionlp_spans(file: &str, sub: Sub, floor: usize) {
    let mut t = Tally::new(Box::leak(format!("jionlp {file}").into_boxed_str()));
    for r in records(&format!("jionlp/{file}")) {
        let text = r["text"].as_str().unwrap();
        // Out of scope: relative and lunar dates (去年年底, 上上个月五号, 腊月18), which the
        // spec does not mark or marks only in part; compact digit strings (20240307) and
        // document numbers (财税2016 36号文), which are codes; a bare hour (十一点); k/w
        // shorthands and amounts split by a parenthesis (1 万(含)-5 万元).
        let relative = ["上", "下", "去年", "今年", "腊月", "年底", "十一点"];
        let dates = sub == Sub::Date;
        let coded = dates
            && (text.chars().filter(|c| c.is_ascii_digit()).count() >= 8 || text.contains("号文"));
        let shorthand = text.contains('k') || text.contains("(含)");
        let is_relative = |e: &Json| {
            relative
                .iter()
                .any(|w| e["text"].as_str().unwrap().contains(w))
        };
        if dates && r["expected"].as_array().unwrap().iter().any(is_relative) || coded || shorthand
        {
            continue;
        }
        let found: Vec<Entity> = figures(text)
            .into_iter()
            .filter(|f| f.sub == Some(sub))
            .collect();
        let expected = r["expected"].as_array().unwrap();
        let ok = if expected.is_empty() {
            found.is_empty()
        } else {
            expected.iter().all(|e| {
                let (s, end) = (
                    e["offset"][0].as_u64().unwrap() as usize,
                    e["offset"][1].as_u64().unwrap() as usize,
                );
                found.iter().any(|f| f.start < end && s < f.end)
            })
        };
        let spans: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        t.record(ok, || {
            format!("{text} → {spans:?}, want {}", Json::Array(expected.clone()))
        });
    }
    t.at_least(floor);
}

#[test]
fn jionlp_money_extraction() {
    jionlp_spans("extract_money.jsonl", Sub::Money, 12);
}

#[test]
fn jionlp_time_extraction() {
    jionlp_spans("extract_time.jsonl", Sub::Date, 22);
}

#[test]
fn jionlp_money_parsing() {
    let mut t = Tally::new("jionlp parse_money");
    for r in records("jionlp/parse_money.jsonl") {
        let text = r["text"].as_str().unwrap();
        let e = &r["expected"];
        // Out of scope: a currency word before the number (the spec's span starts at the
        // number); k/w shorthands; amounts with no currency word (a count by the spec);
        // comparatives (小于); 数十/几十, which the spec reads as 2–9 tens, not 1–10.
        let first = text.chars().next().unwrap_or(' ');
        let opens_with_number = first.is_ascii_digit()
            || zhupi_core::chars::chinese_digit(first).is_some()
            || "十百千万不近约超逾".contains(first);
        let currency = ["元", "块", "币", "镑", "铢", "卢布", "圆"]
            .iter()
            .any(|w| text.contains(w));
        if !opens_with_number
            || !currency
            || text.chars().any(|c| c.is_ascii_alphabetic())
            || text.contains('数')
            || text.contains('几')
            || negative(text)
        {
            continue;
        }
        let f = whole_figure(text);
        let value = f.as_ref().and_then(|f| f.value.clone());
        let ok = match &e["num"] {
            Json::String(s) => value
                .as_ref()
                .and_then(number_of)
                .is_some_and(|g| close(g, s.parse().unwrap())),
            Json::Array(a) => {
                let lo: f64 = a[0].as_str().unwrap().parse().unwrap();
                let hi: f64 = a[1].as_str().unwrap().parse().unwrap();
                matches!(value, Some(Value::Range(l, h)) if close(l, lo) && close(h, hi))
                    || value
                        .as_ref()
                        .and_then(number_of)
                        .is_some_and(|g| close(g, lo) || close(g, hi))
            }
            _ => false,
        };
        t.record(ok && f.and_then(|f| f.sub) == Some(Sub::Money), || {
            format!("{text} → {value:?}, want {e}")
        });
    }
    t.at_least(30);
}
