//! Unquoted names (spec section 2, forms 3 and 4): established names from
//! `data/initiatives.txt` (`河长制`, `乡村振兴战略`, `以工代赈`), names the article has
//! introduced in quotes and repeats without them (`“头雁”工程` … `头雁工程`), numeric
//! slogans (`五大举措`, `四个意识`, `八项规定`), and names that end in a head noun after
//! a clear left boundary (`实施了` + `拆炉并网工程`).

use crate::chars::{chinese_digit, is_han};
use crate::lexicon;
use crate::words::WordTable;

/// The longest established or learned name at `at`: its length. A name used as the
/// modifier of a person, place or fund (`易地搬迁群众`, `乡村振兴重点帮扶县`,
/// `乡村振兴补助资金`) is not a mention of the programme.
pub fn name_at(text: &[char], at: usize, learned: Option<&WordTable<()>>) -> Option<usize> {
    let built_in = lexicon::established_names()
        .longest_at(text, at)
        .map(|(l, ())| l);
    let learned = learned
        .and_then(|t| t.longest_at(text, at))
        .map(|(l, ())| l);
    let len = built_in.max(learned)?;
    let modifier = lexicon::modified_nouns()
        .longest_at(text, at + len)
        .is_some();
    if modifier {
        return None;
    }
    // 工程 or 制度 right after the name is part of it (`退耕还林工程`, `新农合制度`); a
    // project or policy under it is not (`以工代赈项目`).
    let head = lexicon::NAME_CONTINUING_HEADS
        .iter()
        .any(|w| text.get(at + len..at + len + 2) == Some(&w[..]));
    Some(len + if head { 2 } else { 0 })
}

/// A numeric slogan may open with this character (a Chinese digit or 十).
pub fn may_open_slogan(n: char) -> bool {
    (chinese_digit(n).is_some() || n == '十') && !matches!(n, '〇' | '零' | '○')
}

/// `五大举措`, `三大工程`, `四个意识`, `八项规定`: a numeral, 大/个/项, and a programme
/// word. Returns the length.
pub fn numeric_slogan_at(text: &[char], at: usize) -> Option<usize> {
    if !may_open_slogan(*text.get(at)?) {
        return None;
    }
    if !matches!(text.get(at + 1), Some('大' | '个' | '项')) {
        return None;
    }
    let (len, ()) = lexicon::slogan_words().longest_at(text, at + 2)?;
    Some(2 + len)
}

/// Does a boundary word end just before `text[at]`: a function word of the lexicon
/// (`积极`, `立即`: verbs are not, since names hold them, `消费能力保障支持行动`), or
/// one of the boundary words, but not a one-character one inside a content word that
/// runs on into the name (`和` of `和美乡村`, `应` of `应急管理`, `能` of `正能量`)?
fn boundary_ends_at(text: &[char], at: usize) -> bool {
    if lexicon::function_words()
        .longest_ending_at(text, at)
        .is_some()
    {
        return true;
    }
    match lexicon::name_left_boundaries().longest_ending_at(text, at) {
        Some((1, ())) => !runs_across(text, at),
        found => found.is_some(),
    }
}

/// The length of the word at `text[at]` that no name opens with, if one is there: a
/// boundary word of two characters or more (`实施`, `加快`), a function word of the
/// lexicon (`严格`, `我国`), and, after an adverb or a modal (`after_adverb`), any verb
/// of the lexicon too: what an adverb
/// modifies is a verb (`积极` + `融入` + `区域战略`, `要` + `服务` + `发展战略`). After a
/// verb that takes a programme, or punctuation, a name may open with a verb (`推进` +
/// `应急管理提升工程`, `二、消费能力保障支持行动`).
fn nonname_word_at(text: &[char], at: usize, after_adverb: bool) -> Option<usize> {
    let from_lexicon = if after_adverb {
        lexicon::nonname_words().longest_at(text, at)
    } else {
        lexicon::function_words().longest_at(text, at)
    };
    let from_boundaries = lexicon::name_left_boundaries()
        .longest_at(text, at)
        .filter(|&(l, ())| l >= 2);
    from_lexicon.max(from_boundaries).map(|(l, ())| l)
}

/// Does one of [`lexicon::words_opening_with_a_boundary`] hold both `text[at - 1]` and
/// `text[at]`? (Those words are at most four characters long.)
fn runs_across(text: &[char], at: usize) -> bool {
    let words = lexicon::words_opening_with_a_boundary();
    (at.saturating_sub(4)..at).any(|from| {
        words
            .longest_at(text, from)
            .is_some_and(|(len, ())| from + len > at)
    })
}

/// The longest a name read back from its head noun may be, head excluded.
const MAX_BODY: usize = 10;
/// Two characters before a head are a generic phrase (`共建模式`, `民生工程`), not a name.
const MIN_BODY: usize = 3;
/// Longer than this, a name must follow a boundary word, not just punctuation: a long
/// run of text before a head noun is a clause, not a name.
const MAX_BODY_AFTER_PUNCTUATION: usize = 6;

/// A name that ends in the head noun at `head..head_end`, read back to a clear left
/// boundary no earlier than `floor`: `(start, end)`. Each possible start is tried,
/// nearest the head first; the first that leaves at least two characters after a
/// boundary (a boundary word, punctuation, or the previous entity) is taken, so
/// boundary words inside a name (`平安城市创建`, `拆炉并网`) do not cut it short.
pub fn named_before(
    text: &[char],
    head: usize,
    head_end: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let lowest = floor.max(head.saturating_sub(MAX_BODY));
    let mut start = head;
    let mut after_word = false;
    while start > lowest && is_han(text[start - 1]) {
        start -= 1;
        if head - start >= MIN_BODY && boundary_ends_at(text, start) {
            after_word = true;
            break;
        }
    }
    // Stopped at a boundary word, or at punctuation or the previous entity, but not at
    // the reach limit.
    let at_edge = start == floor || (start > 0 && !is_han(text[start - 1]));
    if !after_word && !at_edge {
        return None;
    }
    let after_adverb = after_word
        && (lexicon::function_words()
            .longest_ending_at(text, start)
            .is_some()
            || lexicon::MODALS.contains(&text[start - 1]));
    body_start(text, start, head, after_word, after_adverb).map(|s| (s, head_end))
}

/// Where the name whose body may open at `start` (after a boundary word if
/// `after_word`, else after punctuation; an adverb or a modal if `after_adverb`) and
/// runs to the head at `head` begins, if the body is a name's.
fn body_start(
    text: &[char],
    mut start: usize,
    head: usize,
    after_word: bool,
    after_adverb: bool,
) -> Option<usize> {
    // A name does not open with a verb, an adverb or a function word: `加快` + `推进水利`
    // + 工程 is `水利工程`, too short to be a name; `创新工作模式` is `工作模式`;
    // `更好服务发展战略` is `发展战略`. (Words of two characters and more: one-character
    // boundary words also begin names, `和美乡村`.)
    while let Some(len) = nonname_word_at(text, start, after_adverb).filter(|&l| start + l < head) {
        start += len;
    }
    let body = &text[start..head];
    if body.len() < MIN_BODY || (!after_word && body.len() > MAX_BODY_AFTER_PUNCTUATION) {
        return None;
    }
    // `群众参加` + 工程, `动力转换的` + 战略: the head is the object of a verb or a
    // particle, not the end of a name.
    // Nor does a name end in an adverb or a function word: `志愿者们立即` + 行动 is
    // something people do, not a campaign.
    if body.contains(&'的')
        || lexicon::verbs_before_object()
            .longest_ending_at(body, body.len())
            .is_some()
        || lexicon::function_words()
            .longest_ending_at(body, body.len())
            .is_some()
    {
        return None;
    }
    let generic = lexicon::generic_name_parts();
    let physical = lexicon::physical_works();
    let generic_edge = generic.longest_at(body, 0).is_some()
        || generic.longest_ending_at(body, body.len()).is_some();
    let builds_something = (0..body.len()).any(|k| physical.longest_at(body, k).is_some());
    if generic_edge || builds_something {
        return None;
    }
    Some(start)
}
