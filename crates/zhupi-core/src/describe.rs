//! An entity's value as a reader reads it, for the hover card and the summary panel:
//! `3.47万人` → `34,700 人`, `5万多人次` → `more than 50,000 人次`, `93.3%`,
//! `2018-08-09T09:26:06` → `2018-08-09 09:26`, a range as `2018 – 2020`; in English or
//! Chinese.

use crate::digits;
use crate::entity::{Approx, Entity, Kind, Sub, Value};
use crate::strings::{concat, join};

/// The language of zhupi's interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// `zh`, `zh-CN`, `zh-Hant` … are Chinese; anything else English.
    pub fn parse(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// The name of a kind or sub kind.
pub fn label(kind: Kind, sub: Option<Sub>, lang: Lang) -> String {
    let k = match (kind, lang) {
        (Kind::Figure, Lang::En) => "figure",
        (Kind::Figure, Lang::Zh) => "数字",
        (Kind::Initiative, Lang::En) => "initiative",
        (Kind::Initiative, Lang::Zh) => "举措",
        (Kind::Document, Lang::En) => "document",
        (Kind::Document, Lang::Zh) => "文件",
    };
    let Some(sub) = sub else { return k.into() };
    let s = match (sub, lang) {
        (Sub::Count, Lang::En) => "count",
        (Sub::Count, Lang::Zh) => "数量",
        (Sub::Percent, Lang::En) => "percent",
        (Sub::Percent, Lang::Zh) => "比例",
        (Sub::Money, Lang::En) => "money",
        (Sub::Money, Lang::Zh) => "金额",
        (Sub::Measure, Lang::En) => "measure",
        (Sub::Measure, Lang::Zh) => "计量",
        (Sub::Duration, Lang::En) => "duration",
        (Sub::Duration, Lang::Zh) => "时长",
        (Sub::Date, Lang::En) => "date",
        (Sub::Date, Lang::Zh) => "日期",
        (Sub::Ordinal, Lang::En) => "ordinal",
        (Sub::Ordinal, Lang::Zh) => "序数",
        (Sub::Number, Lang::En) => "number",
        (Sub::Number, Lang::Zh) => "数字",
        (Sub::Policy, Lang::En) => "policy",
        (Sub::Policy, Lang::Zh) => "政策文件",
        (Sub::Publication, Lang::En) => "publication",
        (Sub::Publication, Lang::Zh) => "出版物",
    };
    concat(&[k, " · ", s])
}

/// A number with thousands separators: `34700` → `34,700`, `93.3` stays `93.3`.
/// `decimal` writes numbers that are not whole (see `crate::json`).
fn grouped(n: f64, decimal: crate::json::Decimal) -> String {
    let mut raw = String::new();
    crate::json::number(&mut raw, n, decimal);
    let (int, frac) = raw
        .split_once('.')
        .map_or((raw.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::from(sign);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A partial ISO date as a reader writes it.
fn date(iso: &str, lang: Lang) -> String {
    let (day_part, time) = iso
        .split_once('T')
        .map_or((iso, None), |(d, t)| (d, Some(t)));
    // Hours and minutes: 09:26:06 → 09:26.
    let clock = time.map(|t| join(&t.split(':').take(2).collect::<Vec<_>>(), ":"));
    let mut parts = day_part.split('-').filter(|p| !p.is_empty());
    let year = parts.next().filter(|y| *y != "XXXX");
    let rest: Vec<&str> = parts.collect();
    let mut out = String::new();
    match (year, rest.as_slice()) {
        (_, [q]) if q.starts_with('Q') || q.starts_with('H') => {
            if let Some(y) = year {
                out.push_str(y);
                out.push(' ');
            }
            out.push_str(q);
        }
        (Some(y), _) => {
            out.push_str(y);
            for p in &rest {
                out.push('-');
                out.push_str(p);
            }
        }
        (None, [m, d]) => {
            let (m, d) = (m.parse::<usize>().ok(), d.parse::<usize>().unwrap_or(0));
            match (lang, m) {
                (Lang::Zh, Some(m)) => {
                    digits::push(&mut out, m as u64);
                    out.push('月');
                    digits::push(&mut out, d as u64);
                    out.push('日');
                }
                (Lang::En, Some(m)) if (1..=12).contains(&m) => {
                    digits::push(&mut out, d as u64);
                    out.push(' ');
                    out.push_str(MONTHS[m - 1]);
                }
                _ => {
                    out.push_str(if lang == Lang::Zh { "日 " } else { "day " });
                    digits::push(&mut out, d as u64);
                }
            }
        }
        (None, [m]) => match (lang, m.parse::<usize>()) {
            (Lang::Zh, Ok(m)) => {
                digits::push(&mut out, m as u64);
                out.push('月');
            }
            (Lang::En, Ok(m)) if (1..=12).contains(&m) => out.push_str(MONTHS[m - 1]),
            _ => out.push_str(m),
        },
        _ => {}
    }
    if let Some(c) = clock {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&c);
    }
    out
}

/// What an approximation says, around the value.
fn qualified(text: String, approx: Option<Approx>, lang: Lang) -> String {
    match (approx, lang) {
        (Some(Approx::About), Lang::En) => concat(&["about ", &text]),
        (Some(Approx::About), Lang::Zh) => concat(&["约 ", &text]),
        (Some(Approx::MoreThan), Lang::En) => concat(&["more than ", &text]),
        (Some(Approx::MoreThan), Lang::Zh) => concat(&[&text, " 以上"]),
        (Some(Approx::LessThan), Lang::En) => concat(&["less than ", &text]),
        (Some(Approx::LessThan), Lang::Zh) => concat(&["不到 ", &text]),
        _ => text,
    }
}

/// A figure's value as a reader reads it; `None` for entities with no value.
pub fn value(e: &Entity, lang: Lang, decimal: crate::json::Decimal) -> Option<String> {
    let v = e.value.as_ref()?;
    let unit = e.unit.as_deref().unwrap_or("");
    let with_unit = |n: String| match (unit, e.sub) {
        ("", _) => n,
        ("%", _) => concat(&[&n, "%"]),
        (u, _) => concat(&[&n, " ", u]),
    };
    let text = match (v, e.sub) {
        (Value::Date(d), _) => date(d, lang),
        (Value::DateRange(a, b), _) => join(&[&date(a, lang), &date(b, lang)], " – "),
        (Value::Number(n), Some(Sub::Ordinal)) => match lang {
            Lang::En => concat(&["No. ", &grouped(*n, decimal)]),
            Lang::Zh => concat(&["第 ", &grouped(*n, decimal)]),
        },
        (Value::Number(n), _) => with_unit(grouped(*n, decimal)),
        (Value::Range(a, b), _) => {
            with_unit(join(&[&grouped(*a, decimal), &grouped(*b, decimal)], " – "))
        }
    };
    Some(qualified(text, e.approx, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::rust_decimal;
    use crate::{extract, Options};

    fn read(text: &str, lang: Lang) -> Vec<String> {
        extract(text, &Options::default())
            .iter()
            .filter_map(|e| value(e, lang, &rust_decimal))
            .collect()
    }

    #[test]
    fn figures_read_as_plain_numbers() {
        assert_eq!(
            read(
                "覆盖3.47万人，受众5万多人次，占93.3%，发放23.45亿元",
                Lang::En
            ),
            [
                "34,700 人",
                "more than 50,000 人次",
                "93.3%",
                "2,345,000,000 元"
            ]
        );
        assert_eq!(
            read("近5万名，约200名", Lang::Zh),
            ["不到 50,000 名", "约 200 名"]
        );
        assert_eq!(
            read("价格5.6到5.78元，第三批", Lang::En),
            ["5.6 – 5.78 元", "No. 3"]
        );
    }

    #[test]
    fn dates_read_as_dates() {
        assert_eq!(
            read(
                "2018-08-09 09:26:06，2018-2020年，6月底，11月22日，2019年一季度，下午2点",
                Lang::En
            ),
            [
                "2018-08-09 09:26",
                "2018 – 2020",
                "June",
                "22 November",
                "2019 Q1",
                "14:00"
            ]
        );
        assert_eq!(read("6月底，11月22日", Lang::Zh), ["6月", "11月22日"]);
    }

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(
            label(Kind::Figure, Some(Sub::Money), Lang::En),
            "figure · money"
        );
        assert_eq!(
            label(Kind::Document, Some(Sub::Policy), Lang::Zh),
            "文件 · 政策文件"
        );
        assert_eq!(Lang::parse("zh-Hant-TW"), Lang::Zh);
        assert_eq!(Lang::parse("en-GB"), Lang::En);
    }
}
