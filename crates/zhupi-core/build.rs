//! Prepares the word lists in `data/` for `include_str!`: their comments and blank
//! lines are for the people who keep them, and would otherwise ship in the module
//! (0.3 KB of the gzipped download for `initiatives.txt`).

use std::{env, fs, path::Path};

const LISTS: &[&str] = &["initiatives.txt", "nonname-words.txt"];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in LISTS {
        let source = Path::new("data").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = fs::read_to_string(&source).expect("a word list in data/");
        let words: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        fs::write(Path::new(&out).join(name), words.join("\n")).expect("OUT_DIR is writable");
    }
}
