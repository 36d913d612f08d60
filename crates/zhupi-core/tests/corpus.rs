//! Properties of what zhupi marks as initiatives across the unannotated corpus
//! (`../shared/corpus/`, ~150 real articles), checked against the lexicon derived from
//! jieba's dictionary (`data/nonname-words.txt`):
//! - no name zhupi reads itself (not quoted, not an established name) begins with an
//!   adverb, a pronoun, a preposition, a conjunction or a particle (`积极…`, `我们…`);
//! - none begins with the verb that an adverb or a modal right before it modifies
//!   (`积极` + `融入区域战略`, `要` + `服务发展战略`);
//! - none is only a generic head: a head noun alone, or with a body of two characters
//!   (`发展战略`, `区域战略`, `重点工程`).
//!
//! The corpus is the precision audit's (tools/audit.py); where it is absent the test
//! says so and passes, since it checks the extractor on real text, not the text itself.

use std::path::Path;
use zhupi_core::lexicon;
use zhupi_core::{extract, Kind, Options};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// Every corpus article's text, by path.
fn articles() -> Vec<(String, String)> {
    let mut found = Vec::new();
    let Ok(folders) = std::fs::read_dir(CORPUS) else {
        return found;
    };
    for folder in folders.flatten() {
        let Ok(files) = std::fs::read_dir(folder.path()) else {
            continue;
        };
        for file in files.flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("corpus text is UTF-8");
                found.push((path.display().to_string(), text));
            }
        }
    }
    found.sort();
    found
}

/// The marks zhupi reads itself: unquoted, not opening with an established name
/// (`全面二孩` is a name by the table, whatever its first word), and not numeric slogans
/// (`五大举措`, which their own rule reads).
fn read_names(text: &str) -> Vec<(usize, Vec<char>)> {
    extract(text, &Options::default())
        .into_iter()
        .filter(|e| e.kind == Kind::Initiative)
        .map(|e| (e.start, e.text.chars().collect::<Vec<char>>()))
        .filter(|(_, name)| !matches!(name[0], '“' | '"' | '「' | '‘' | '『'))
        .filter(|(_, name)| lexicon::established_names().longest_at(name, 0).is_none())
        .filter(|(_, name)| zhupi_core::chars::chinese_digit(name[0]).is_none() && name[0] != '十')
        .collect()
}

/// A head noun alone, or after a body of two characters that is a verb, a function word
/// or a generic part (`发展战略`, `重点工程`).
fn only_a_generic_head(name: &[char]) -> bool {
    let Some((head, ())) = lexicon::head_nouns().longest_ending_at(name, name.len()) else {
        return false;
    };
    let body = &name[..name.len() - head];
    let word = |table: &zhupi_core::words::WordTable<()>| {
        table
            .longest_at(body, 0)
            .is_some_and(|(l, ())| l == body.len())
    };
    body.is_empty()
        || body.len() <= 2
            && (word(lexicon::nonname_words()) || word(lexicon::generic_name_parts()))
}

#[test]
fn names_read_from_the_corpus_open_and_end_as_names() {
    let articles = articles();
    if articles.is_empty() {
        eprintln!("{CORPUS} is absent: nothing to check");
        return;
    }
    let mut failures = Vec::new();
    let mut checked = 0;
    for (path, text) in &articles {
        let chars: Vec<char> = text.chars().collect();
        for (start, name) in read_names(text) {
            checked += 1;
            let shown: String = name.iter().collect();
            let place = format!("{}@{start}", Path::new(path).display());
            if lexicon::function_words().longest_at(&name, 0).is_some() {
                failures.push(format!("{place} {shown}: opens with a function word"));
            }
            let after_adverb = lexicon::function_words()
                .longest_ending_at(&chars, start)
                .is_some()
                || start > 0 && lexicon::MODALS.contains(&chars[start - 1]);
            if after_adverb && lexicon::nonname_words().longest_at(&name, 0).is_some() {
                failures.push(format!(
                    "{place} {shown}: opens with the verb an adverb before it modifies"
                ));
            }
            if only_a_generic_head(&name) {
                failures.push(format!("{place} {shown}: only a generic head"));
            }
        }
    }
    assert!(checked > 100, "only {checked} names read in the corpus");
    assert!(
        failures.is_empty(),
        "{} of {checked} names:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
