//! Taking an article's entities out: JSON with context, CSV for spreadsheets, and W3C
//! Web Annotation JSON-LD, from the CLI (`zhupi extract --format …`) and the page
//! (`annotation.export(…)`) alike.
//!
//! Every format carries the entity's context, 32 code points each side, so that a
//! figure still makes sense out of the page; the W3C form puts that context in a
//! `TextQuoteSelector` (prefix, exact, suffix) beside a `TextPositionSelector`, which is
//! how annotation tools re-anchor a highlight in a changed page.

use crate::digits;
use crate::entity::Entity;
use crate::json::{self, Decimal};

/// Code points of context kept on each side of an entity.
pub const CONTEXT: usize = 32;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line (the CLI's default), no context.
    JsonLines,
    /// A JSON array, each entity with `prefix` and `suffix`.
    Json,
    /// UTF-8 with a byte-order mark, so spreadsheet programs read Chinese correctly.
    Csv,
    /// W3C Web Annotation JSON-LD, one annotation per entity.
    W3c,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "jsonl" => Format::JsonLines,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "w3c" => Format::W3c,
            _ => return None,
        })
    }
}

/// The text around entities: slices by code point without re-decoding the text for
/// each entity (entities come in order).
struct Around<'t> {
    chars: Vec<(usize, char)>,
    text: &'t str,
}

impl<'t> Around<'t> {
    fn new(text: &'t str) -> Around<'t> {
        Around {
            chars: text.char_indices().collect(),
            text,
        }
    }

    fn byte(&self, cp: usize) -> usize {
        self.chars.get(cp).map_or(self.text.len(), |(b, _)| *b)
    }

    fn slice(&self, start: usize, end: usize) -> &'t str {
        &self.text[self.byte(start)..self.byte(end.max(start))]
    }

    fn prefix(&self, e: &Entity) -> &'t str {
        self.slice(e.start.saturating_sub(CONTEXT), e.start)
    }

    fn suffix(&self, e: &Entity) -> &'t str {
        self.slice(e.end, (e.end + CONTEXT).min(self.chars.len()))
    }
}

/// Writes `entities` of `text` in `format`. `source` names the text (a URL or file
/// URL) in the W3C form.
pub fn export(
    format: Format,
    text: &str,
    entities: &[Entity],
    source: &str,
    decimal: Decimal,
) -> String {
    let around = Around::new(text);
    let mut out = String::new();
    match format {
        Format::JsonLines => {
            for e in entities {
                json::entity(&mut out, e, 0, decimal);
                out.push('\n');
            }
        }
        Format::Json => {
            out.push('[');
            for (k, e) in entities.iter().enumerate() {
                out.push_str(if k == 0 { "\n{" } else { ",\n{" });
                json::entity_fields(&mut out, e, 0, decimal);
                out.push_str(",\"prefix\":");
                json::string(&mut out, around.prefix(e));
                out.push_str(",\"suffix\":");
                json::string(&mut out, around.suffix(e));
                out.push('}');
            }
            out.push_str("\n]\n");
        }
        Format::Csv => csv(&mut out, entities, &around, decimal),
        Format::W3c => w3c(&mut out, entities, &around, source, decimal),
    }
    out
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The CSV export's columns, its header line.
macro_rules! csv_columns {
    () => {
        "start,end,kind,sub,text,value,unit,approx,prefix,suffix\r\n"
    };
}

/// The start of a corpus's CSV (`zhupi extract --jsonl … --format csv`): the byte-order
/// mark and the header once, with an `id` column first; each text's rows follow
/// ([`csv_rows_with_id`]).
pub const CSV_HEADER_WITH_ID: &str = concat!("\u{feff}id,", csv_columns!());

/// One text's rows of a corpus's CSV, after [`CSV_HEADER_WITH_ID`]: the rows of
/// [`Format::Csv`], each led by the text's `id`.
pub fn csv_rows_with_id(
    out: &mut String,
    id: &str,
    text: &str,
    entities: &[Entity],
    decimal: Decimal,
) {
    csv_rows(out, Some(id), entities, &Around::new(text), decimal);
}

fn csv(out: &mut String, entities: &[Entity], around: &Around, decimal: Decimal) {
    out.push('\u{feff}');
    out.push_str(csv_columns!());
    csv_rows(out, None, entities, around, decimal);
}

fn csv_rows(
    out: &mut String,
    id: Option<&str>,
    entities: &[Entity],
    around: &Around,
    decimal: Decimal,
) {
    for e in entities {
        if let Some(id) = id {
            csv_field(out, id);
            out.push(',');
        }
        digits::push(out, e.start as u64);
        out.push(',');
        digits::push(out, e.end as u64);
        out.push(',');
        out.push_str(e.kind.as_str());
        out.push(',');
        out.push_str(e.sub.map_or("", |s| s.as_str()));
        out.push(',');
        csv_field(out, &e.text);
        out.push(',');
        if let Some(v) = &e.value {
            let mut value = String::new();
            json::value(&mut value, v, decimal);
            csv_field(out, value.trim_matches('"'));
        }
        out.push(',');
        csv_field(out, e.unit.as_deref().unwrap_or(""));
        out.push(',');
        out.push_str(e.approx.map_or("", |a| a.as_str()));
        out.push(',');
        csv_field(out, around.prefix(e));
        out.push(',');
        csv_field(out, around.suffix(e));
        out.push_str("\r\n");
    }
}

fn body(out: &mut String, purpose: &str, value: &str) {
    out.push_str("{\"type\":\"TextualBody\",\"purpose\":");
    json::string(out, purpose);
    out.push_str(",\"value\":");
    json::string(out, value);
    out.push('}');
}

fn w3c(out: &mut String, entities: &[Entity], around: &Around, source: &str, decimal: Decimal) {
    out.push('[');
    for (k, e) in entities.iter().enumerate() {
        out.push_str(if k == 0 { "\n" } else { ",\n" });
        out.push_str("{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\",");
        out.push_str("\"motivation\":\"highlighting\",\"body\":[");
        body(out, "tagging", e.kind.as_str());
        if let Some(sub) = e.sub {
            out.push(',');
            body(out, "classifying", sub.as_str());
        }
        if e.value.is_some() {
            // The normalised value, as the JSON export writes it.
            let mut described = String::from("{");
            let mut fields = String::new();
            json::entity_fields(&mut fields, e, 0, decimal);
            described.push_str(&fields);
            described.push('}');
            out.push_str(",{\"type\":\"TextualBody\",\"purpose\":\"describing\",\"format\":\"application/json\",\"value\":");
            json::string(out, &described);
            out.push('}');
        }
        out.push_str("],\"target\":{\"source\":");
        json::string(out, source);
        out.push_str(",\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":");
        json::string(out, &e.text);
        out.push_str(",\"prefix\":");
        json::string(out, around.prefix(e));
        out.push_str(",\"suffix\":");
        json::string(out, around.suffix(e));
        out.push_str("},{\"type\":\"TextPositionSelector\",\"start\":");
        digits::push(out, e.start as u64);
        out.push_str(",\"end\":");
        digits::push(out, e.end as u64);
        out.push_str("}]}}");
    }
    out.push_str("\n]\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::rust_decimal;
    use crate::{extract, Options};

    const TEXT: &str = "近年来，我市共举办各类宣讲活动700多场次，直接受众5万多人次，实施“头雁”工程，价格5.6到5.78元。";

    fn run(format: Format) -> String {
        export(
            format,
            TEXT,
            &extract(TEXT, &Options::default()),
            "urn:test",
            &rust_decimal,
        )
    }

    #[test]
    fn json_carries_32_characters_of_context() {
        let v: serde_json::Value = serde_json::from_str(&run(Format::Json)).unwrap();
        let first = &v[0];
        assert_eq!(first["text"], "700多场次");
        assert_eq!(first["prefix"], "近年来，我市共举办各类宣讲活动");
        assert_eq!(first["suffix"].as_str().unwrap().chars().count(), CONTEXT);
        assert_eq!(v[3]["value"], serde_json::json!([5.6, 5.78]));
    }

    #[test]
    fn csv_has_a_bom_a_header_and_one_row_per_entity() {
        let csv = run(Format::Csv);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines[0],
            "start,end,kind,sub,text,value,unit,approx,prefix,suffix"
        );
        assert_eq!(lines.len(), 1 + 4);
        assert!(lines[1].starts_with("15,21,figure,count,700多场次,700,场次,more_than,"));
        // A value with a comma is quoted.
        assert!(lines[4].contains(",\"[5.6,5.78]\",元,"), "{}", lines[4]);
    }

    #[test]
    fn a_corpus_csv_has_one_header_and_an_id_on_each_row() {
        let mut csv = CSV_HEADER_WITH_ID.to_owned();
        for id in ["a,1", "2"] {
            csv_rows_with_id(
                &mut csv,
                id,
                TEXT,
                &extract(TEXT, &Options::default()),
                &rust_decimal,
            );
        }
        let single = run(Format::Csv);
        let (header, rows) = single.split_once("\r\n").unwrap();
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], format!("\u{feff}id,{}", &header[3..]));
        assert_eq!(lines.len(), 1 + 2 * 4);
        let mut expected = String::new();
        for row in rows.split_terminator("\r\n") {
            expected += &format!("\"a,1\",{row}\r\n");
        }
        for row in rows.split_terminator("\r\n") {
            expected += &format!("2,{row}\r\n");
        }
        assert_eq!(&csv[CSV_HEADER_WITH_ID.len()..], expected);
    }

    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        let mut out = String::new();
        csv_field(&mut out, "a,\"b\"");
        assert_eq!(out, "\"a,\"\"b\"\"\"");
    }

    #[test]
    fn w3c_selectors_re_anchor_to_the_same_text() {
        let v: serde_json::Value = serde_json::from_str(&run(Format::W3c)).unwrap();
        let chars: Vec<char> = TEXT.chars().collect();
        for a in v.as_array().unwrap() {
            assert_eq!(a["type"], "Annotation");
            assert_eq!(a["motivation"], "highlighting");
            let quote = &a["target"]["selector"][0];
            let position = &a["target"]["selector"][1];
            let (prefix, exact, suffix) = (
                quote["prefix"].as_str().unwrap(),
                quote["exact"].as_str().unwrap(),
                quote["suffix"].as_str().unwrap(),
            );
            let whole = format!("{prefix}{exact}{suffix}");
            let at = TEXT.find(&whole).expect("the quote is in the text");
            let start = TEXT[..at].chars().count() + prefix.chars().count();
            assert_eq!(position["start"].as_u64().unwrap() as usize, start);
            let end = position["end"].as_u64().unwrap() as usize;
            assert_eq!(chars[start..end].iter().collect::<String>(), exact);
        }
        assert_eq!(v[0]["body"][0]["value"], "figure");
    }
}
