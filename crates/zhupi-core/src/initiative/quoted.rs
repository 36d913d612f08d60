//! Quoted names (spec section 2, forms 1 and 2): `“头雁”工程`, `“两学一做”学习教育`,
//! `“回头看”专项工作` with their head noun; `“两不愁三保障”`, `“十四五”`, `“一肩挑”` alone.
//!
//! Quotation marks in news hold speech, sayings, emphasis, nicknames and names of
//! places or products as often as programme names, so a quote is judged on evidence in
//! the text, never on a list of sentences:
//! - against: punctuation or pronouns of speech inside (`“我们一出海…”`), one character
//!   of emphasis (`脱“虚”就“实”`), a holiday (`“七一”`), a figure (`“不低于20%”`), a
//!   naming verb before it (`被称为“经济断裂带”`), an organisation or title after it
//!   (`“两委”干部`, `“…示范区”称号`);
//! - for: a head noun after it; or, standing alone, a numeral inside (`“一票否决”`), a
//!   programme ending (`“…负责制”`), a run of quoted names of four characters or more
//!   (`“领导带学”“专家导学”`), the same quote with a head noun elsewhere in the article,
//!   or a verb that takes a programme (`开展“回头看”`, unless the quote modifies a noun);
//! - against, even then: the forms of description — a phrase ending in 的, digits alone,
//!   either end of a contrast (`从“X”到“Y”`), a quote counted in 个 or followed by a
//!   phenomenon or a trend (`“一票难求”现象`).

use crate::chars::{arabic_digit, chinese_digit, is_han, is_space};
use crate::lexicon::{self, SENTENCE_PUNCTUATION, SPEECH_PRONOUNS};
use crate::sort::sorted_indices;

/// Quotes longer than this are speech or prose, never a name.
const MAX_QUOTE: usize = 200;
/// A name alone in quotes is at most this long; with a head noun, [`MAX_NAMED`].
const MAX_NAME_ALONE: usize = 20;
const MAX_NAMED: usize = 40;
/// A head noun may sit this far after the closing quote (`“一圈一核心”百里党建示范长廊建设`).
const MAX_TAIL: usize = 10;

/// The closing mark for an opening quotation mark.
pub fn closing_for(open: char) -> Option<char> {
    match open {
        '“' => Some('”'),
        '"' => Some('"'),
        '「' => Some('」'),
        '‘' => Some('’'),
        '『' => Some('』'),
        _ => None,
    }
}

/// Where the quotation that opens at `open` closes, within its paragraph.
pub fn close_of(text: &[char], open: usize) -> Option<usize> {
    let closing = closing_for(text[open])?;
    let limit = (open + 1 + MAX_QUOTE).min(text.len());
    (open + 1..limit)
        .take_while(|&k| !matches!(text[k], '\n' | '\r'))
        .find(|&k| text[k] == closing)
        .filter(|&k| k > open + 1)
}

/// What the article says about each quoted text: how often it is quoted, and whether
/// it is ever followed by a head noun. Recorded in text order, then sorted once.
#[derive(Default)]
pub struct QuoteFacts<'t> {
    seen: Vec<(&'t [char], bool)>,
}

impl<'t> QuoteFacts<'t> {
    pub fn record(&mut self, content: &'t [char], with_head: bool) {
        self.seen.push((content, with_head));
    }

    /// Sorts what was recorded, for [`QuoteFacts::recurs`].
    pub fn finish(&mut self) {
        let seen = &self.seen;
        let order = sorted_indices(seen.len(), &|a, b| seen[a].cmp(&seen[b]));
        self.seen = order.into_iter().map(|i| seen[i]).collect();
    }

    /// Quoted somewhere in the article with a head noun after it.
    fn ever_with_head(&self, content: &[char]) -> bool {
        let from = self.seen.partition_point(|(c, _)| *c < content);
        self.seen[from..]
            .iter()
            .take_while(|(c, _)| *c == content)
            .any(|&(_, head)| head)
    }
}

/// The end of a head noun that closes a short tail after the quote ending at `close`
/// (`“春苗”工程`, `“聚心、公心、贴心”三大工程`, `“退二进三” 工作`): the shortest such tail,
/// with the heads that follow it at once.
pub fn head_after(text: &[char], close: usize) -> Option<usize> {
    let mut from = close + 1;
    if text.get(from).copied().is_some_and(is_space) {
        from += 1;
    }
    let heads = lexicon::head_nouns();
    let limit = (from + MAX_TAIL).min(text.len());
    let mut k = from;
    // 的, the list words (`“专家导学”等活动`) and demonstratives (`“…”这一目标`, a noun in
    // apposition) end the tail: what follows is not part of the name.
    // So do a function word of the lexicon (an adverb, a pronoun, a conjunction: verbs
    // are common in the tail, `“五大文化”研究工程`), and the words that make the quote
    // a period (`“十四五”时期`).
    let ends_tail = |k: usize| {
        lexicon::function_words().longest_at(text, k).is_some()
            || matches!(text.get(k..k + 2), Some(['时', '期'] | ['期', '间']))
    };
    while k < limit
        && (is_han(text[k]) || arabic_digit(text[k]).is_some())
        && !matches!(
            text[k],
            '的' | '等' | '和' | '与' | '及' | '或' | '这' | '该' | '此'
        )
        && !ends_tail(k)
    {
        k += 1;
        if let Some((len, ())) = heads.longest_ending_at(text, k) {
            let head = k - len;
            if head >= from {
                // A head that goes on is read whole: 工作法, not 工作; and so is a head
                // that another kind of programme follows at once (`“五个一批”扶贫工程`).
                let mut end = head
                    + heads
                        .longest_at(text, head)
                        .map_or(len, |(l, ())| l.max(len));
                while let Some((l, ())) = heads.longest_at(text, end) {
                    if lexicon::ACTIVITY_HEADS
                        .iter()
                        .any(|w| text[end..end + l] == *w)
                    {
                        break;
                    }
                    end += l;
                }
                // A head that goes on into a station names a body (`“蓝鲸”护企工作站`).
                return (text.get(end) != Some(&'站')).then_some(end);
            }
        }
    }
    None
}

fn is_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || arabic_digit(c).is_some() || c == '十'
}

pub fn has_numeral(content: &[char]) -> bool {
    content.iter().any(|&c| is_numeral(c))
}

/// `“七一”`, `“五四”`: two numerals alone name a day, a holiday; after 双 a shopping
/// festival (`“双11”`, `“双十一”`).
fn is_holiday(content: &[char]) -> bool {
    let day = content.strip_prefix(&['双']).unwrap_or(content);
    day.len() == 2 && day.iter().all(|&c| is_numeral(c))
}

/// A sentence, a saying or prose: sentence punctuation inside.
fn is_sentence(content: &[char]) -> bool {
    content.iter().any(|c| SENTENCE_PUNCTUATION.contains(c))
}

/// Someone speaking: a pronoun inside (unless a head noun follows, see [`judge`]).
fn is_speech(content: &[char]) -> bool {
    content.iter().any(|c| SPEECH_PRONOUNS.contains(c))
}

/// The quotation is a figure (`“不低于20%”`), which the figure rules mark inside it.
fn is_figure(content: &[char]) -> bool {
    let mut i = 0;
    while i < content.len() && !crate::figure::may_start(content[i]) && i < 4 {
        i += 1; // a marker such as 不低于 before the number
    }
    // A bare number (`“8337”`) is a code or a name, not a figure.
    i < content.len()
        && matches!(
            crate::figure::at(content, i, 0),
            crate::figure::Outcome::Found(f)
                if f.start == 0 && f.end == content.len() && f.sub != crate::entity::Sub::Number
        )
}

/// Another quotation right before or after this one, alone or across 、 (a run of
/// quoted names: `“领导带学”“专家导学”`).
fn in_a_run(text: &[char], open: usize, close: usize) -> bool {
    let before = |k: usize| k.checked_sub(1).and_then(|j| text.get(j)).copied();
    let after = text.get(close + 1).copied();
    let closes = |c: Option<char>| matches!(c, Some('”' | '」' | '’' | '"'));
    let opens = |c: Option<char>| matches!(c, Some('“' | '「' | '‘'));
    closes(before(open))
        || opens(after)
        || (before(open) == Some('、') && closes(before(open - 1)))
        || (after == Some('、') && opens(text.get(close + 2).copied()))
}

/// A numeral that counts or ranks something (`“一辆车”`, `“最初一公里”`, `“综合运维一张
/// 图”`, `“长城第一家”`): the quotation's only run of numerals, after 第, or followed by
/// a measure word and at most the one character it counts. A quantity in words, not a
/// numeric slogan (`两学一做`, `一网通办`, `三保障`, `一件事一次办`, `一票否决`,
/// `20分钟医疗卫生圈`).
fn counts_something(content: &[char]) -> bool {
    let Some(first) = content.iter().position(|&c| is_numeral(c)) else {
        return false;
    };
    let end = first
        + content[first..]
            .iter()
            .take_while(|&&c| is_numeral(c))
            .count();
    if has_numeral(&content[end..]) {
        return false;
    }
    (first > 0 && content[first - 1] == '第')
        || lexicon::units()
            .longest_at(content, end)
            .is_some_and(|(unit, _)| content.len() - (end + unit) <= 1)
}

/// One end of a contrast, `从“X”到“Y”` or `“X”变成“Y”`: rhetoric about a change
/// (`从“盘活一点”到“带动一片”`, `“冷资源”变成“热产业”`), as a quote that is one itself
/// (`“从0到1”`); established names are named even there (`从“十三五”到“十四五”`).
fn in_a_contrast(text: &[char], open: usize, close: usize) -> bool {
    let content = &text[open + 1..close];
    let (before, after) = (&text[..open], &text[close + 1..]);
    !is_established(content)
        && (content.first() == Some(&'从') && content.contains(&'到')
            || before.ends_with(&['从']) && after.starts_with(&['到', '“'])
            || before.ends_with(&['”', '到'])
            || before.ends_with(&['”', '变', '成'])
            || after.starts_with(&['变', '成', '“']))
}

/// An established name, the whole of `content`.
fn is_established(content: &[char]) -> bool {
    lexicon::established_names()
        .longest_at(content, 0)
        .is_some_and(|(l, ())| l == content.len())
}

/// A name that holds up on its own: a numeral inside (`十四五`, `一票否决`, `四个意识`)
/// that does not count something, an established name (`“高效办成一件事”`) or a
/// programme ending (`…负责制`, `五大举措`).
pub fn stands_alone(content: &[char]) -> bool {
    has_numeral(content) && !is_holiday(content) && !counts_something(content)
        || is_established(content)
        || lexicon::name_endings()
            .longest_ending_at(content, content.len())
            .is_some()
}

/// Judges the quotation `text[open..=close]`: `Some(end)` of the initiative (through a
/// head noun, or the closing mark), or `None` when it is not a name.
pub fn judge(text: &[char], open: usize, close: usize, facts: &QuoteFacts) -> Option<usize> {
    let content = &text[open + 1..close];
    // One character is emphasis, even before a head noun (`“软”建设`); a phrase ending
    // in 的 is a kind of thing (`“鼓励做的”`), never a name.
    if content.len() < 2
        || content.len() > MAX_NAMED
        || content.last() == Some(&'的')
        || is_sentence(content)
        || is_holiday(content)
    {
        return None;
    }
    if lexicon::naming_verbs()
        .longest_ending_at(text, open)
        .is_some()
        || is_figure(content)
    {
        return None;
    }
    // A head noun makes a name even of words in the first person (`“我为群众办实事”
    // 实践活动`, `“我们的节日”主题活动`); without one, a pronoun marks speech.
    if let Some(end) = head_after(text, close) {
        return Some(end);
    }
    let programme_verb = lexicon::programme_verbs()
        .longest_ending_at(text, open)
        .is_some();
    // Without a head noun, a long quotation that opens with a verb that takes a
    // programme is a quoted instruction (`“开展规范涉企执法专项行动”`, `“推进超大特大城
    // 市治理现代化”`); one that ends in a fund, a body, a platform or a place names that
    // thing (`“科创基金”`, `“海上风电数字运维平台”`, `“草原音乐之城”`) unless a
    // programme verb puts it (`打造“两个中心”`).
    let instruction = content.len() > 6
        && lexicon::name_left_boundaries()
            .longest_at(content, 0)
            .is_some_and(|(l, ())| l >= 2);
    let names_a_body = lexicon::body_endings()
        .longest_ending_at(content, content.len())
        .is_some();
    // A quote counted at once in 个 names a kind of thing (`打造“产业大脑”130个`, `评定“辽宁
    // 优品”27个`): a programme is not counted after its name.
    let numerals = text[close + 1..]
        .iter()
        .take_while(|&&c| is_numeral(c))
        .count();
    let counted = numerals > 0 && text.get(close + 1 + numerals) == Some(&'个');
    // Digits alone are a telephone number or a code (`“120”`, `“96178”`), named with a
    // head noun if at all (`“8337”发展思路`).
    let digits = content.iter().all(char::is_ascii_digit);
    if is_speech(content)
        || instruction
        || digits
        || counted
        || (names_a_body && !programme_verb)
        || in_a_contrast(text, open, close)
    {
        return None;
    }
    // Alone, a long quotation that modifies a noun is a saying or a description
    // (`“干和不干一个样、干多干少一个样”的问题`), not a name.
    let modifies = text.get(close + 1) == Some(&'的') && content.len() > 6;
    if content.len() > MAX_NAME_ALONE
        || modifies
        || lexicon::not_programme_after()
            .longest_at(
                text,
                close + 1 + usize::from(text.get(close + 1) == Some(&'的')),
            )
            .is_some()
    {
        return None;
    }
    let numeral = has_numeral(content);
    if content.len() < 2 || (content.len() == 2 && !numeral) {
        return None;
    }
    // Being quoted again is no evidence: products, nicknames and terms for a
    // malpractice are quoted each time too (`“职业闭店”`); being quoted elsewhere with a
    // head noun is (`“投资于人”` … `“投资于人”工程`).
    // A programme verb is no evidence when the quote modifies what follows (`实施“挖穷根
    // 儿”的山区教育扶贫工程`: the programme is the 工程).
    let evidence = stands_alone(content)
        || content.len() > 3 && in_a_run(text, open, close)
        || facts.ever_with_head(content)
        || programme_verb && text.get(close + 1) != Some(&'的');
    evidence.then_some(close + 1)
}
