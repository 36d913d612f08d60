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

/// Traditional characters and the simplified forms the word tables use, sorted by the
/// traditional character.
const FOLDS: &[(char, char)] = &[
    ('來', '来'),
    ('侖', '仑'),
    ('個', '个'),
    ('僅', '仅'),
    ('億', '亿'),
    ('內', '内'),
    ('兩', '两'),
    ('區', '区'),
    ('單', '单'),
    ('噸', '吨'),
    ('圓', '圆'),
    ('場', '场'),
    ('塊', '块'),
    ('學', '学'),
    ('將', '将'),
    ('對', '对'),
    ('屆', '届'),
    ('層', '层'),
    ('幣', '币'),
    ('幾', '几'),
    ('張', '张'),
    ('後', '后'),
    ('戶', '户'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('會', '会'),
    ('條', '条'),
    ('棟', '栋'),
    ('歐', '欧'),
    ('歲', '岁'),
    ('歷', '历'),
    ('氣', '气'),
    ('況', '况'),
    ('測', '测'),
    ('為', '为'),
    ('畝', '亩'),
    ('盧', '卢'),
    ('種', '种'),
    ('筆', '笔'),
    ('節', '节'),
    ('約', '约'),
    ('級', '级'),
    ('組', '组'),
    ('總', '总'),
    ('臺', '台'),
    ('與', '与'),
    ('萬', '万'),
    ('處', '处'),
    ('號', '号'),
    ('裏', '里'),
    ('覽', '览'),
    ('觀', '观'),
    ('計', '计'),
    ('贊', '赞'),
    ('輛', '辆'),
    ('輪', '轮'),
    ('週', '周'),
    ('過', '过'),
    ('達', '达'),
    ('釐', '厘'),
    ('鎊', '镑'),
    ('鐘', '钟'),
    ('門', '门'),
    ('間', '间'),
    ('隊', '队'),
    ('隻', '只'),
    ('雙', '双'),
    ('韓', '韩'),
    ('項', '项'),
    ('頭', '头'),
    ('額', '额'),
    ('類', '类'),
    ('餘', '余'),
    ('點', '点'),
    ('齡', '龄'),
];

/// Folds a traditional character to the simplified form the word tables use, so that
/// `2015年3月3號`, `五個` and `十萬` read like their simplified spellings. One character
/// maps to one character, so offsets into the folded text are offsets into the original.
pub fn fold(c: char) -> char {
    // Almost every character folds to itself: one bit says so, before the table.
    if !foldable().contains(c) {
        return c;
    }
    fold_listed(c)
}

/// [`fold`] with its table looked up once, for a loop over a whole text.
pub fn folder() -> impl Fn(char) -> char + Copy {
    let foldable = foldable();
    move |c| {
        if foldable.contains(c) {
            fold_listed(c)
        } else {
            c
        }
    }
}

/// [`fold`] for a character of [`foldable`].
pub(crate) fn fold_listed(c: char) -> char {
    FOLDS
        .binary_search_by_key(&c, |(t, _)| *t)
        .map_or(c, |i| FOLDS[i].1)
}

/// The characters [`fold`] changes, as a bitset.
pub(crate) fn foldable() -> &'static CharSet {
    static SET: OnceLock<CharSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = CharSet::new();
        for (t, _) in FOLDS {
            set.insert(*t);
        }
        set
    })
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
    fn fold_table_is_sorted_and_folds() {
        assert!(FOLDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(FOLDS.iter().all(|(t, s)| t != s));
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
