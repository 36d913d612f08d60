//! Whole numbers written as decimal digits, without `core::fmt`.
//!
//! `format!` and `write!` bring Rust's formatting machinery into the WebAssembly
//! module (about 2 KB gzipped with the argument set-up at each call). The extractor,
//! the exports and the DOM layer only ever write whole numbers and strings, so they
//! write numbers with these and join strings with `crate::strings`; numbers that are
//! not whole go through `json::Decimal`.

/// Appends `n` in decimal, zero-padded to at least `width` digits.
pub fn push_padded(out: &mut String, n: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut rest = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in digits.len() - k..width {
        out.push('0');
    }
    out.extend(digits[k..].iter().map(|&d| d as char));
}

/// Appends `n` in decimal.
pub fn push(out: &mut String, n: u64) {
    push_padded(out, n, 0);
}

/// Appends `n` in decimal, with a minus sign when negative.
pub fn push_signed(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push(out, n.unsigned_abs());
}

/// `n` in decimal.
pub fn string(n: u64) -> String {
    let mut out = String::new();
    push(&mut out, n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_like_format() {
        for n in [0u64, 7, 10, 99, 2019, 34_700, u64::MAX] {
            assert_eq!(string(n), format!("{n}"));
            let mut padded = String::new();
            push_padded(&mut padded, n, 4);
            assert_eq!(padded, format!("{n:04}"));
        }
        for n in [0i64, -1, -2019, i64::MIN, i64::MAX] {
            let mut out = String::new();
            push_signed(&mut out, n);
            assert_eq!(out, format!("{n}"));
        }
    }
}
