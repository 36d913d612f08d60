//! Documents: a title in 《》 with its brackets (spec section 3), `sub` = `policy` for a
//! law, regulation, plan, opinion, notice, decision or report, else `publication`.
//!
//! A title may hold nested 《》, quotes and brackets:
//! `《阳江市关于实施村（社区）党组织“头雁”工程的行动方案》`. A 《 with no matching 》
//! before the sentence ends (or within [`MAX_TITLE`] characters) is runaway
//! punctuation and gives no entity.

use crate::entity::Sub;
use crate::lexicon;

/// A document title found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub start: usize,
    pub end: usize,
    pub sub: Sub,
}

/// Titles longer than this are runaway brackets, not titles.
pub const MAX_TITLE: usize = 120;

/// The title that opens at `text[at]` (a 《), if it closes.
pub fn at(text: &[char], at: usize) -> Option<Document> {
    let mut depth = 0usize;
    let limit = (at + MAX_TITLE).min(text.len());
    for (k, &c) in text[at..limit].iter().enumerate() {
        match c {
            '《' => depth += 1,
            '》' => {
                depth -= 1;
                if depth == 0 {
                    let end = at + k + 1;
                    return (end - at > 2).then(|| Document {
                        start: at,
                        end,
                        sub: classify(&text[at + 1..end - 1]),
                    });
                }
            }
            '。' | '！' | '？' | '\n' | '\r' => return None,
            _ => {}
        }
    }
    None
}

/// Policy or publication, from how the title ends once a trailing bracket such as
/// `（2018-2020年）` or `（征求意见稿）` is set aside.
fn classify(title: &[char]) -> Sub {
    let core = strip_trailing_bracket(title);
    let policy = lexicon::policy_endings()
        .longest_ending_at(core, core.len())
        .is_some();
    if policy {
        Sub::Policy
    } else {
        Sub::Publication
    }
}

fn strip_trailing_bracket(title: &[char]) -> &[char] {
    let Some(&last) = title.last() else {
        return title;
    };
    let open = match last {
        '）' => '（',
        ')' => '(',
        '】' => '【',
        _ => return title,
    };
    match title.iter().rposition(|&c| c == open) {
        Some(i) if i > 0 => &title[..i],
        _ => title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Option<(String, Sub)> {
        let text: Vec<char> = s.chars().collect();
        let start = text.iter().position(|&c| c == '《')?;
        at(&text, start).map(|d| (text[d.start..d.end].iter().collect(), d.sub))
    }

    #[test]
    fn titles_and_their_sub_kind() {
        let policy = [
            "出台了《关于进一步加强镇级党校建设的意见》，",
            "《阳江市关于实施村(社区)党组织“头雁”工程的行动方案》",
            "《广东省加强党的基层组织建设三年行动计划(2018-2020年)》要求",
            "《中华人民共和国宪法》",
            "《政府工作报告》",
            "《国务院关于修改〈城市供水条例〉的决定》",
            "《数据安全管理办法（征求意见稿）》",
        ];
        for s in policy {
            assert_eq!(doc(s).map(|d| d.1), Some(Sub::Policy), "{s}");
        }
        for s in [
            "《人民日报》（2025年）",
            "《乡镇党校简明教程》",
            "电影《我和我的祖国》",
            "《“七一”荣光——党在我心》",
        ] {
            assert_eq!(doc(s).map(|d| d.1), Some(Sub::Publication), "{s}");
        }
    }

    #[test]
    fn nested_titles_close_at_the_outer_bracket() {
        let (t, _) = doc("《关于学习《决定》的通知》。").unwrap();
        assert_eq!(t, "《关于学习《决定》的通知》");
    }

    #[test]
    fn runaway_brackets_give_nothing() {
        assert_eq!(doc("他说《这不是标题。后来》"), None);
        assert_eq!(doc("《没有结尾"), None);
        assert_eq!(doc("《》"), None);
        let long = format!("《{}》", "字".repeat(MAX_TITLE));
        assert_eq!(doc(&long), None);
    }
}
