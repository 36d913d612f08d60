//! The extraction alone, in WebAssembly, for `make bench-wasm` (`bench/wasm-extract.mjs`).
//!
//! The core is built here exactly as the page's module is (the `web` profile: opt-level
//! "z", fat LTO, std rebuilt with the Makefile's `WEB_RUSTFLAGS`), with nothing of the
//! page around it. In a page, the machine's drift (a quarter within a minute) and the
//! DOM's work hide a 10% change in the extraction; here, run in Node's V8 and timed at
//! best of many runs, it shows. A module's exports:
//! - `input(len)`: room for `len` bytes of UTF-8, written by the caller;
//! - `set_word_tables()`: the input is the word tables (as the harness hands them over);
//! - `read_text()`: the input is the text, read into folded code points (not timed);
//! - `extract()`: the text's entities, counted (timed).
//!
//! Only for wasm32: natively, `make bench-native` times the same code at full speed.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use zhupi_core::{chars, extract_read, lexicon, Options};

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static TEXT: RefCell<Vec<char>> = const { RefCell::new(Vec::new()) };
}

#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    INPUT.with_borrow_mut(|input| {
        *input = vec![0; len];
        input.as_mut_ptr()
    })
}

fn input_text() -> String {
    INPUT.with_borrow(|input| String::from_utf8_lossy(input).into_owned())
}

#[no_mangle]
pub extern "C" fn set_word_tables() {
    lexicon::set_word_tables(input_text());
}

#[no_mangle]
pub extern "C" fn read_text() -> usize {
    let text: Vec<char> = input_text().chars().map(chars::fold).collect();
    let len = text.len();
    TEXT.set(text);
    len
}

#[no_mangle]
pub extern "C" fn extract() -> usize {
    TEXT.with_borrow(|text| extract_read(text, &Options::default()).len())
}
