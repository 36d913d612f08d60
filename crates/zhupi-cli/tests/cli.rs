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
