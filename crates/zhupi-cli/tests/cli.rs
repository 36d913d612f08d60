//! The `zhupi` command line, run as a user would: its JSON Lines output is a contract,
//! and bad input is a one-line error with exit status 2.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn zhupi(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhupi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A run that fails early (exit 2) need not read its input: a closed pipe is fine.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A file in a folder of its own (tests run in parallel, and `eval` reads a whole
/// folder).
fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhupi-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn extract_prints_json_lines_with_the_contract_fields() {
    let o = zhupi(&["extract"], "共举办700多场次，受众5万多人次。".as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    // The fields, in this order, on every line.
    let raw = stdout(&o);
    let first_line = raw.lines().next().unwrap();
    let fields = [
        "start", "end", "text", "kind", "sub", "value", "unit", "approx",
    ];
    let positions: Vec<usize> = fields
        .iter()
        .map(|f| first_line.find(&format!("\"{f}\":")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{first_line}");
    assert_eq!(lines[0].as_object().unwrap().len(), fields.len());
    assert_eq!(lines[0]["text"], "700多场次");
    assert_eq!(lines[0]["start"], 3);
    assert_eq!(lines[0]["end"], 9);
    assert_eq!(lines[1]["value"], 50000);
    assert_eq!(lines[1]["approx"], "more_than");
}

#[test]
fn extract_reads_a_file_or_dash() {
    let path = temp_file("article.txt", "增长9.1%".as_bytes());
    let o = zhupi(&["extract", path.to_str().unwrap()], b"");
    assert!(o.status.success());
    assert!(stdout(&o).contains("\"9.1%\""));
    let o = zhupi(&["extract", "-"], "增长9.1%".as_bytes());
    assert!(stdout(&o).contains("\"percent\""));
}

#[test]
fn kinds_filter() {
    let o = zhupi(&["extract", "--kinds", "document"], "增长9.1%".as_bytes());
    assert!(o.status.success());
    assert_eq!(stdout(&o), "");
    let o = zhupi(&["extract", "--kinds", "figure,nonsense"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown kind 'nonsense'"));
}

#[test]
fn bad_input_is_a_clear_error_with_status_2() {
    let missing = zhupi(&["extract", "/nonexistent/article.txt"], b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).starts_with("zhupi: /nonexistent/article.txt:"));
    assert_eq!(stderr(&missing).lines().count(), 1);

    let dir = std::env::temp_dir();
    let directory = zhupi(&["extract", dir.to_str().unwrap()], b"");
    assert_eq!(directory.status.code(), Some(2));
    assert!(stderr(&directory).contains("is a directory"));

    let invalid = zhupi(&["extract"], b"abc\xe4\xb8\xad\xff\xfedef");
    assert_eq!(invalid.status.code(), Some(2));
    assert!(
        stderr(&invalid).contains("not valid UTF-8 at byte offset 6"),
        "{}",
        stderr(&invalid)
    );

    let unknown = zhupi(&["frobnicate"], b"");
    assert_eq!(unknown.status.code(), Some(2));
    let none = zhupi(&[], b"");
    assert_eq!(none.status.code(), Some(2));
}

#[test]
fn eval_scores_the_development_set() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/gold");
    let o = zhupi(&["eval", gold.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for word in [
        "figure",
        "initiative",
        "document",
        "F1",
        "exact",
        "value",
        "unit",
        "approx",
    ] {
        assert!(out.contains(word), "{word} missing from\n{out}");
    }
    let o = zhupi(
        &[
            "eval",
            gold.to_str().unwrap(),
            "--misses",
            "--kinds",
            "figure",
        ],
        b"",
    );
    assert!(o.status.success());
    assert!(!stdout(&o).contains("initiative"));
}

#[test]
fn eval_scores_several_folders_as_one_set() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let (gold, new) = (shared.join("gold"), shared.join("gold-new"));
    let o = zhupi(
        &["eval", gold.to_str().unwrap(), new.to_str().unwrap()],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("16 documents from "),
        "{}",
        stdout(&o)
    );
}

#[test]
fn eval_rejects_an_empty_or_missing_folder() {
    let empty = std::env::temp_dir().join(format!("zhupi-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let o = zhupi(&["eval", empty.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no gold files"));
    let o = zhupi(&["eval", "/nonexistent/gold"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a directory"));
    let bad = temp_file("bad.json", b"{\"text\": 3}");
    let o = zhupi(&["eval", bad.parent().unwrap().to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a gold file"));
}

#[test]
fn custom_terms_from_a_file() {
    let terms = temp_file(
        "terms.json",
        r#"[{"text": "组工干部联片", "kind": "initiative"}]"#.as_bytes(),
    );
    let o = zhupi(
        &["extract", "--terms", terms.to_str().unwrap()],
        "阳东区实施组工干部联片负责制".as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(r#""text":"组工干部联片","kind":"initiative""#),
        "{}",
        stdout(&o)
    );

    let bad = temp_file("bad-terms.json", br#"[{"text": "x", "kind": "slogan"}]"#);
    let o = zhupi(&["extract", "--terms", bad.to_str().unwrap()], b"x");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad-terms.json: terms must be a JSON array"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stderr(&o).lines().count(), 1);

    let o = zhupi(&["extract", "--terms", "/nonexistent/terms.json"], b"x");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn every_kind_in_one_article() {
    let o = zhupi(
        &["extract"],
        "出台《关于加强镇级党校建设的意见》，实施“头雁”工程，覆盖48个镇街。".as_bytes(),
    );
    let out = stdout(&o);
    assert!(out.contains(r#""kind":"document","sub":"policy""#), "{out}");
    assert!(
        out.contains(r#""text":"“头雁”工程","kind":"initiative""#),
        "{out}"
    );
    assert!(out.contains(r#""text":"48个","kind":"figure""#), "{out}");
}

#[test]
fn export_formats() {
    let text = "共举办700多场次，实施“头雁”工程，出台《关于加强镇级党校建设的意见》。";
    let json = zhupi(&["extract", "--format", "json"], text.as_bytes());
    assert!(json.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(v[0]["prefix"], "共举办");
    assert_eq!(
        v[0]["suffix"],
        "，实施“头雁”工程，出台《关于加强镇级党校建设的意见》。"
    );

    let csv = zhupi(&["extract", "--format", "csv"], text.as_bytes());
    let out = stdout(&csv);
    assert!(out.starts_with("\u{feff}start,end,kind,sub,text,value,unit,approx,prefix,suffix\r\n"));
    assert_eq!(out.matches("\r\n").count(), 4);

    let path = temp_file("w3c.txt", text.as_bytes());
    let w3c = zhupi(&["extract", "--format", "w3c", path.to_str().unwrap()], b"");
    let v: serde_json::Value = serde_json::from_str(&stdout(&w3c)).unwrap();
    let source = v[1]["target"]["source"].as_str().unwrap();
    assert!(
        source.starts_with("file:///") && source.ends_with("w3c.txt"),
        "{source}"
    );
    assert_eq!(v[1]["target"]["selector"][0]["exact"], "“头雁”工程");
    assert_eq!(v[1]["target"]["selector"][1]["start"], 12); // 共举办 + 700多场次 + ，实施

    let bad = zhupi(&["extract", "--format", "xml"], b"x");
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown format 'xml'"));
}

/// A corpus of JSON Lines from `(id, text)` pairs, the id written as given.
fn corpus(records: &[(&str, &str)]) -> String {
    records
        .iter()
        .map(|(id, text)| format!("{{\"id\":{id},\"text\":{}}}\n", serde_json::json!(text)))
        .collect()
}

fn json_lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The development set's texts (`../shared/gold`, `../shared/gold-new`), by file.
fn gold_texts() -> Vec<(String, String)> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let mut texts = Vec::new();
    for folder in ["gold", "gold-new"] {
        for file in std::fs::read_dir(shared.join(folder)).unwrap().flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "json") {
                let doc: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                if let Some(text) = doc["text"].as_str() {
                    texts.push((path.display().to_string(), text.to_owned()));
                }
            }
        }
    }
    texts.sort();
    texts
}

#[test]
fn jsonl_a_bad_line_is_reported_with_its_number_and_skipped() {
    let mut input = corpus(&[("1", "增长9.1%"), ("\"two\"", "共举办700多场次")]);
    input += "{\"id\": 3, \"text\": \"broken\"\n"; // line 3: not valid JSON
    input += "\n"; // line 4: blank, skipped silently
    input += "{\"id\": 5}\n"; // line 5: no text
    input += "[\"not an object\"]\n"; // line 6
    input += "{\"id\": null, \"text\": \"x\"}\n"; // line 7: an id must be a string or a number
    input += "{\"id\": 8, \"text\": 8}\n"; // line 8
    let mut bytes = input.into_bytes();
    bytes.extend_from_slice(b"{\"id\": 9, \"text\": \"\xff\"}\n"); // line 9: not UTF-8
    bytes.extend_from_slice(corpus(&[("10", "覆盖48个镇街")]).as_bytes());
    let path = temp_file("broken.jsonl", &bytes);
    let o = zhupi(&["extract", "--jsonl", path.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    let reported: Vec<&str> = err.lines().collect();
    assert_eq!(reported.len(), 7, "{err}");
    for (line, n) in reported.iter().zip([3, 5, 6, 7, 8, 9]) {
        assert!(line.starts_with(&format!("zhupi: line {n}: ")), "{err}");
    }
    assert!(reported[0].contains("not valid JSON"), "{err}");
    assert!(reported[1].ends_with("no \"text\""), "{err}");
    assert!(reported[5].contains("not valid UTF-8"), "{err}");
    assert_eq!(reported[6], "zhupi: 6 of 10 lines skipped");
    // The good lines are all there, in order, each with its id as given.
    let lines = json_lines(&stdout(&o));
    let ids: Vec<String> = lines.iter().map(|l| l["id"].to_string()).collect();
    assert_eq!(ids, ["1", "\"two\"", "10"]);
    assert_eq!(lines[2]["text"], "48个");

    // The same from stdin.
    let o = zhupi(&["extract", "--jsonl", "-"], &bytes);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json_lines(&stdout(&o)), lines);

    // A corpus that is all good exits 0.
    let o = zhupi(
        &["extract", "--jsonl", "-"],
        corpus(&[("1", "增长9.1%")]).as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}

#[test]
fn jsonl_usage_errors_are_status_2() {
    for args in [
        &["extract", "--jsonl"][..],
        &["extract", "--jsonl", "-", "-j", "0"],
        &["extract", "--jsonl", "-", "--jobs", "many"],
        &["extract", "--jsonl", "-", "--format", "w3c"],
        &["extract", "--jsonl", "-", "article.txt"],
        &["extract", "--jsonl", "/nonexistent/corpus.jsonl"],
        &["extract", "-j", "2"],
    ] {
        let o = zhupi(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).starts_with("zhupi: "), "{args:?}");
    }
}

#[test]
fn jsonl_an_empty_text_has_no_entities() {
    let input = corpus(&[("1", ""), ("2", "增长9.1%"), ("3", "")]);
    let o = zhupi(&["extract", "--jsonl", "-"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], 2);
}

#[test]
fn jsonl_a_huge_text_among_small_ones() {
    // 5 MB in one line, past a chunk's byte limit, between two small texts.
    let sentence = "共举办700多场次，受众5万多人次。";
    let times = 5_000_000 / sentence.len() + 1;
    let huge = sentence.repeat(times);
    let input = corpus(&[("1", "增长9.1%"), ("2", &huge), ("3", "覆盖48个镇街")]);
    assert!(input.len() > 5_000_000);
    let o = zhupi(&["extract", "--jsonl", "-", "-j", "2"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 1 + 2 * times + 1);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[lines.len() - 1]["id"], 3);
    let last_of_huge = &lines[lines.len() - 2];
    assert_eq!(last_of_huge["id"], 2);
    let width = sentence.chars().count();
    assert_eq!(last_of_huge["start"], (times - 1) * width + 12);
    assert_eq!(last_of_huge["text"], "5万多人次");
}

#[test]
fn jsonl_keeps_input_order_on_two_threads() {
    // More lines than a chunk holds, of uneven lengths, so that threads finish out of order.
    let texts: Vec<String> = (0..6000)
        .map(|k| {
            let filler = "这是一段没有数字的文字。".repeat(if k % 7 == 0 { 200 } else { 1 });
            format!("{filler}第{k}号文件，增长{k}%")
        })
        .collect();
    let ids: Vec<String> = (0..texts.len()).map(|k| k.to_string()).collect();
    let records: Vec<(&str, &str)> = ids
        .iter()
        .zip(&texts)
        .map(|(id, t)| (id.as_str(), t.as_str()))
        .collect();
    let o = zhupi(
        &["extract", "--jsonl", "-", "-j", "2", "--kinds", "figure"],
        corpus(&records).as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    let percents: Vec<(u64, &str)> = lines
        .iter()
        .filter(|l| l["sub"] == "percent")
        .map(|l| (l["id"].as_u64().unwrap(), l["text"].as_str().unwrap()))
        .collect();
    assert_eq!(percents.len(), texts.len());
    for (k, (id, text)) in percents.iter().enumerate() {
        assert_eq!(*id, k as u64);
        assert_eq!(*text, format!("{k}%"));
    }
    let all_ids: Vec<u64> = lines.iter().map(|l| l["id"].as_u64().unwrap()).collect();
    assert!(all_ids.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn jsonl_csv_has_one_header_and_an_id_column() {
    let input = corpus(&[
        ("\"a,1\"", "共举办700多场次，实施“头雁”工程"),
        ("2", "增长9.1%"),
    ]);
    let o = zhupi(
        &["extract", "--jsonl", "-", "--format", "csv"],
        input.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("\u{feff}id,start,end,kind,sub,text,value,unit,approx,prefix,suffix\r\n")
    );
    assert_eq!(out.matches("\u{feff}").count(), 1);
    assert_eq!(out.matches("id,start").count(), 1);
    let rows: Vec<&str> = out.split_terminator("\r\n").skip(1).collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(
        rows[0].starts_with("\"a,1\",3,9,figure,count,700多场次,"),
        "{out}"
    );
    assert!(
        rows[1].starts_with("\"a,1\",12,18,initiative,,“头雁”工程,"),
        "{out}"
    );
    assert!(rows[2].starts_with("2,2,6,figure,percent,9.1%,"), "{out}");
    // Each text's rows are its own `zhupi extract --format csv`, after the id.
    let single = zhupi(&["extract", "--format", "csv"], "增长9.1%".as_bytes());
    let single = stdout(&single);
    assert_eq!(format!("2,{}", single.lines().nth(1).unwrap()), rows[2]);
}

#[test]
fn jsonl_equals_extract_on_each_text() {
    let texts = gold_texts();
    assert_eq!(texts.len(), 16);
    let ids: Vec<String> = texts
        .iter()
        .map(|(path, _)| serde_json::json!(path).to_string())
        .collect();
    let records: Vec<(&str, &str)> = ids
        .iter()
        .zip(&texts)
        .map(|(id, (_, t))| (id.as_str(), t.as_str()))
        .collect();
    for kinds in ["figure,initiative,document", "initiative"] {
        let o = zhupi(
            &["extract", "--jsonl", "-", "--kinds", kinds],
            corpus(&records).as_bytes(),
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let batch = stdout(&o);
        let mut expected = String::new();
        for (id, (_, text)) in ids.iter().zip(&texts) {
            let one = zhupi(&["extract", "--kinds", kinds], text.as_bytes());
            assert!(one.status.success());
            for line in stdout(&one).lines() {
                expected += &format!("{{\"id\":{id},{}\n", &line[1..]);
            }
        }
        assert!(!expected.is_empty());
        assert_eq!(batch, expected, "--kinds {kinds}");
    }
}

#[test]
fn jsonl_applies_the_terms() {
    let terms = temp_file(
        "corpus-terms.json",
        r#"[{"text": "组工干部联片", "kind": "initiative"}]"#.as_bytes(),
    );
    let input = corpus(&[("1", "阳东区实施组工干部联片负责制")]);
    let o = zhupi(
        &[
            "extract",
            "--jsonl",
            "-",
            "--terms",
            terms.to_str().unwrap(),
        ],
        input.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o)
            .contains(r#"{"id":1,"start":5,"end":11,"text":"组工干部联片","kind":"initiative""#),
        "{}",
        stdout(&o)
    );
}
