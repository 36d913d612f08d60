//! Classification of single characters: digits in every width and script, Chinese
//! numeral units and multipliers, and the punctuation that bounds sentences and
//! clauses.
//!
//! Everything here is a `match` on one `char` (or one bit of a set built once), so the
//! scanner can test every position of the text without allocating.

use crate::words::CharSet;
use std::sync::OnceLock;

/// The value of an Arabic digit, half- or full-width.
pub fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// The value of a Chinese digit, everyday (一, 两, 〇) or financial (壹, 贰 …).
pub fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '两' | '兩' | '贰' | '貳' | '弍' => 2,
        '三' | '叁' | '參' | '弎' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// A Chinese unit within a section of four places: 十, 百, 千 (and their financial forms).
pub fn chinese_place(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// 廿, 卅 and 卌 stand for a digit and 十 at once (廿五 = 25).
pub fn chinese_tens(c: char) -> Option<u32> {
    match c {
        '廿' => Some(20),
        '卅' => Some(30),
        '卌' => Some(40),
        _ => None,
    }
}

/// A multiplier that closes a section: 万 (10⁴) and 亿 (10⁸).
pub fn multiplier(c: char) -> Option<f64> {
    match c {
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        _ => None,
    }
}

/// Any character that can be part of a Chinese numeral.
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some()
        || chinese_place(c).is_some()
        || chinese_tens(c).is_some()
        || multiplier(c).is_some()
}

pub fn is_ascii_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

/// A CJK ideograph (the basic and extension-A blocks and the compatibility block).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// The decimal point, half- or full-width.
pub fn is_decimal_point(c: char) -> bool {
    matches!(c, '.' | '．')
}

/// Ends a sentence: nothing the extractor marks runs across one of these.
pub fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '\n' | '\r' | '…' | '；' | ';'
    )
}

/// Horizontal space, including the ideographic space.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// Skips the spaces web typesetting puts between Arabic digits and Chinese text
/// (`共 48 个`, `2015 年`): at most two, never a line break.
pub fn skip_spaces(text: &[char], at: usize) -> usize {
    let mut i = at;
    while i < at + 2 && text.get(i).is_some_and(|c| matches!(c, ' ' | '\u{a0}')) {
        i += 1;
    }
    i
}

/// Punctuation that opens or separates clauses; a list marker stands right after one.
pub fn is_clause_punct(c: char) -> bool {
    is_sentence_end(c)
        || matches!(
            c,
            '，' | ','
                | '：'
                | ':'
                | '、'
                | '（'
                | '('
                | '）'
                | ')'
                | '“'
                | '”'
                | '"'
                | '《'
                | '》'
        )
}

/// The byte length of the UTF-8 sequence a leading byte opens.
#[inline]
pub fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Folds a traditional character to the simplified form the word tables use, so that
/// `2015年3月3號`, `五個` and `十萬` read like their simplified spellings. One character
/// maps to one character, so offsets into the folded text are offsets into the original.
pub fn fold(c: char) -> char {
    // Almost every character folds to itself: one bit says so, before the table.
    if !foldable().contains(c) {
        return c;
    }
    fold_table(c)
}

/// The characters [`fold`] changes, as a bitset built once from the table.
fn foldable() -> &'static CharSet {
    static SET: OnceLock<CharSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = CharSet::new();
        for c in ('\u{3400}'..='\u{FFFF}').filter(|&c| fold_table(c) != c) {
            set.insert(c);
        }
        set
    })
}

/// The fold itself, one row per traditional character.
fn fold_table(c: char) -> char {
    match c {
        '個' => '个',
        '萬' => '万',
        '億' => '亿',
        '兩' => '两',
        '點' => '点',
        '號' => '号',
        '鐘' => '钟',
        '時' => '时',
        '幣' => '币',
        '塊' => '块',
        '週' => '周',
        '對' => '对',
        '雙' => '双',
        '歲' => '岁',
        '張' => '张',
        '項' => '项',
        '條' => '条',
        '場' => '场',
        '輛' => '辆',
        '處' => '处',
        '間' => '间',
        '層' => '层',
        '級' => '级',
        '種' => '种',
        '類' => '类',
        '噸' => '吨',
        '畝' => '亩',
        '來' => '来',
        '餘' => '余',
        '約' => '约',
        '過' => '过',
        '達' => '达',
        '後' => '后',
        '節' => '节',
        '門' => '门',
        '戶' => '户',
        '臺' => '台',
        '頭' => '头',
        '隻' => '只',
        '棟' => '栋',
        '圓' => '圆',
        '釐' => '厘',
        '與' => '与',
        '於' => '于',
        '為' => '为',
        '內' => '内',
        '歷' => '历',
        '僅' => '仅',
        '將' => '将',
        '總' => '总',
        '計' => '计',
        '區' => '区',
        '數' => '数',
        '幾' => '几',
        '屆' => '届',
        '單' => '单',
        '筆' => '笔',
        '齡' => '龄',
        '輪' => '轮',
        '組' => '组',
        '隊' => '队',
        '鎊' => '镑',
        '盧' => '卢',
        '韓' => '韩',
        '歐' => '欧',
        '額' => '额',
        '測' => '测',
        '贊' => '赞',
        '況' => '况',
        '氣' => '气',
        '觀' => '观',
        '覽' => '览',
        '學' => '学',
        '會' => '会',
        '裏' => '里',
        '侖' => '仑',
        _ => c,
    }
}

/// Joins the two ends of a range: `2018-2020年`, `5.6到5.78元`, `3～5天`.
pub fn is_range_dash(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '~' | '～' | '〜' | '至' | '到')
}

/// The end of a range connector at `at` (`-`, `——`, `至`, ` - `), if one is there.
pub fn range_dash_end(text: &[char], at: usize) -> Option<usize> {
    let mut i = skip_spaces(text, at);
    let first = *text.get(i)?;
    if !is_range_dash(first) {
        return None;
    }
    i += 1;
    // A doubled dash (`——`) is one connector.
    if matches!(first, '—' | '－' | '-') && text.get(i) == Some(&first) {
        i += 1;
    }
    Some(skip_spaces(text, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_in_both_widths() {
        assert_eq!(arabic_digit('7'), Some(7));
        assert_eq!(arabic_digit('９'), Some(9));
        assert_eq!(arabic_digit('a'), None);
    }

    #[test]
    fn traditional_characters_fold() {
        assert_eq!(fold('號'), '号');
        assert_eq!(fold('個'), '个');
        assert_eq!(fold('中'), '中');
        assert_eq!(fold('a'), 'a');
    }

    #[test]
    fn chinese_digits_everyday_and_financial() {
        for (c, v) in [
            ('〇', 0),
            ('零', 0),
            ('两', 2),
            ('叁', 3),
            ('玖', 9),
            ('壹', 1),
        ] {
            assert_eq!(chinese_digit(c), Some(v), "{c}");
        }
        assert_eq!(chinese_place('佰'), Some(100));
        assert_eq!(chinese_tens('廿'), Some(20));
        assert_eq!(multiplier('亿'), Some(1e8));
        assert!(!is_chinese_numeral('个'));
    }
}
