//! Numbers that are part of something else: a name or code (`5G`, `G20`, `4S店`), an
//! expression (`1+3`), or an identifier with a leading zero (`07`, `0662`).
//!
//! These are decided from the characters right around the number, before any figure
//! rule runs, so no rule has to repeat them.

use crate::chars::{arabic_digit, is_ascii_letter};
use crate::lexicon;
use crate::numeral::{Number, Script};

/// The number is not a figure, whatever follows it.
pub fn not_a_figure(text: &[char], num: &Number) -> bool {
    let before = num.start.checked_sub(1).and_then(|i| text.get(i)).copied();
    let after = text.get(num.end).copied();
    let joined_to_code = |c: Option<char>| {
        c.is_some_and(|c| is_ascii_letter(c) || matches!(c, '#' | '№' | '_' | '@'))
    };
    if joined_to_code(before) {
        return true;
    }
    if joined_to_code(after) && lexicon::units().longest_at(text, num.end).is_none() {
        return true;
    }
    let operator = |c: Option<char>| c.is_some_and(|c| matches!(c, '+' | '＋' | '×' | '*' | '='));
    if operator(before) || operator(after) {
        return true;
    }
    // `07`, `0662`: identifiers, unless a clock time (`09:30`) or a decimal (`0.5`).
    if num.script == Script::Arabic
        && num.plain_digits
        && num.digit_count >= 2
        && arabic_digit(text[num.start]) == Some(0)
        && !matches!(after, Some(':' | '：'))
    {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeral::read;

    fn excluded(s: &str, at: usize) -> bool {
        let text: Vec<char> = s.chars().collect();
        not_a_figure(&text, &read(&text, at, false).unwrap())
    }

    #[test]
    fn numbers_in_names_and_codes() {
        assert!(excluded("5G网络", 0));
        assert!(excluded("G20峰会", 1));
        assert!(excluded("8家4S店", 2));
        assert!(excluded("“和谐建设1+3”活动", 5));
        assert!(excluded("第 07 版", 2));
        assert!(!excluded("8家4S店", 0));
        assert!(!excluded("5km", 0));
        assert!(!excluded("09:30", 0));
    }
}
