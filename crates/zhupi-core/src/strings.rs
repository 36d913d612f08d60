//! Joining strings without `core::fmt` (see `crate::digits`) and without std's
//! generic `[S]::concat` and `[S]::join`, whose two instances (for `&str` and
//! `String`) were 0.5 KB of the gzipped WebAssembly module. The extractor, the exports
//! and the DOM layer build their few labels and messages with these.

/// `parts`, one after another.
pub fn concat(parts: &[&str]) -> String {
    join(parts, "")
}

/// `parts`, with `separator` between each two.
pub fn join(parts: &[&str], separator: &str) -> String {
    let mut out = String::new();
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_like_std() {
        assert_eq!(concat(&["约 ", "5", "万元"]), ["约 ", "5", "万元"].concat());
        assert_eq!(join(&["08", "30"], ":"), "08:30");
        assert_eq!(join(&["2020", "2021"], " – "), "2020 – 2021");
        assert_eq!(concat(&[]), "");
        assert_eq!(join(&["one"], ", "), "one");
    }
}
