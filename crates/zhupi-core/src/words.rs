//! Longest-match lookup of short words in text held as `&[char]`.
//!
//! The extractor's tables (units, approximation markers, excluded words, head nouns)
//! hold a few hundred short words each. A [`WordTable`] keeps them in two tries: one
//! read forward (for matches that start at a position) and one read backward (for
//! matches that end at one, which is how the scanner finds a prefix such as 超过 after
//! it has found the number). A lookup costs the length of the match, however many
//! words share its first character. Bitsets over the Basic Multilingual Plane answer
//! "can a word start (or end) here?" in one load, so tables can be consulted at every
//! position of a text.

/// 2^16 bits: the storage of [`CharSet`] (one bit per BMP character) and of
/// [`PairSet`] (one bit per hash slot).
struct Bits(Box<[u64]>);

impl Bits {
    fn new() -> Bits {
        Bits(vec![0u64; 0x10000 / 64].into_boxed_slice())
    }

    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    // Always inlined: asked at every position of a text, and a call costs more than the
    // load (opt-level "z" would not inline it).
    #[inline(always)]
    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// A set of characters, constant-time membership, sized for the BMP (astral
/// characters are never members: no table word contains one).
pub struct CharSet {
    bits: Bits,
}

impl CharSet {
    pub fn new() -> CharSet {
        CharSet { bits: Bits::new() }
    }

    pub fn insert(&mut self, c: char) {
        if (c as usize) < 0x10000 {
            self.bits.insert(c as usize);
        }
    }

    #[inline(always)]
    pub fn contains(&self, c: char) -> bool {
        (c as usize) < 0x10000 && self.bits.contains(c as usize)
    }
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet::new()
    }
}

/// A trie over characters whose words carry an index into their table's payloads.
/// Not generic, so its code is compiled once however many kinds of table there are.
/// Children of a node are kept sorted for binary search; most nodes have one or two,
/// the root a few hundred.
struct Trie {
    nodes: Vec<Node>,
    /// The root's children as a set, with ranks: the child of character `c` is found
    /// in one step instead of a binary search among a few hundred.
    root: RankedSet,
}

/// A [`CharSet`] that also gives each member its rank (how many members are smaller),
/// which is the member's index in a sorted list of them. Built once, when its table
/// is complete.
struct RankedSet {
    set: CharSet,
    /// The members before each 64-bit word of the set.
    before: Vec<u16>,
}

impl RankedSet {
    /// The set of the characters of `children` (a trie node's).
    fn new(children: &[(char, u32)]) -> RankedSet {
        let mut set = CharSet::new();
        for (c, _) in children {
            set.insert(*c);
        }
        let words = &set.bits.0;
        let mut before = vec![0u16; words.len()];
        for k in 1..words.len() {
            before[k] = before[k - 1].wrapping_add(words[k - 1].count_ones() as u16);
        }
        RankedSet { set, before }
    }

    #[inline(always)]
    fn contains(&self, c: char) -> bool {
        self.set.contains(c)
    }

    /// The rank of `c`, if it is a member.
    #[inline(always)]
    fn rank(&self, c: char) -> Option<usize> {
        if !self.set.contains(c) {
            return None;
        }
        let i = c as usize;
        let below = self.set.bits.0[i / 64] & ((1u64 << (i % 64)) - 1);
        Some(self.before[i / 64] as usize + below.count_ones() as usize)
    }
}

/// No payload on this node.
const NONE: u32 = u32::MAX;

struct Node {
    children: Vec<(char, u32)>,
    payload: u32,
}

impl Trie {
    fn new() -> Trie {
        Trie {
            nodes: vec![Node {
                children: Vec::new(),
                payload: NONE,
            }],
            root: RankedSet::new(&[]),
        }
    }

    /// Indexes the root's children, once every word is in.
    fn seal(&mut self) {
        self.root = RankedSet::new(&self.nodes[0].children);
    }

    fn insert(&mut self, word: &mut dyn Iterator<Item = char>, payload: u32) {
        let mut at = 0usize;
        for c in word {
            at = match self.nodes[at]
                .children
                .binary_search_by_key(&c, |(k, _)| *k)
            {
                Ok(i) => self.nodes[at].children[i].1 as usize,
                Err(i) => {
                    let id = self.nodes.len();
                    self.nodes.push(Node {
                        children: Vec::new(),
                        payload: NONE,
                    });
                    self.nodes[at].children.insert(i, (c, id as u32));
                    id
                }
            };
        }
        // The first row of a word wins, as a table reads top to bottom.
        if self.nodes[at].payload == NONE {
            self.nodes[at].payload = payload;
        }
    }

    /// Walks `text` from the root, forward from `text[at]` or backward from
    /// `text[at - 1]`; the longest word met: its length and payload index. One function
    /// for both directions (indexes, not an iterator): it runs at many positions of a
    /// text and is compiled once.
    fn longest(&self, text: &[char], at: usize, backward: bool) -> Option<(usize, u32)> {
        let room = if backward {
            at
        } else {
            text.len().saturating_sub(at)
        };
        let mut node = 0;
        let mut best = None;
        for depth in 0..room {
            let c = if backward {
                text[at - 1 - depth]
            } else {
                text[at + depth]
            };
            let children = &self.nodes[node].children;
            let found = if depth == 0 {
                self.root.rank(c)
            } else {
                children.binary_search_by_key(&c, |(k, _)| *k).ok()
            };
            match found {
                Some(i) => node = children[i].1 as usize,
                None => break,
            }
            let p = self.nodes[node].payload;
            if p != NONE {
                best = Some((depth + 1, p));
            }
        }
        best
    }
}

/// A table's words without their payloads: the two tries and the sets of first and
/// last characters. Not generic, so the lookups are compiled once for every kind of
/// table; [`WordTable`] adds the payloads around it.
struct Words {
    /// The forward trie's root holds the words' first characters, the backward one's
    /// their last characters.
    forward: Trie,
    backward: Trie,
    /// The first two characters of every word, for tables with no one-character word
    /// (established names, names learned from an article): most positions whose
    /// character starts a word are turned away here, without walking the trie.
    openings: Option<PairSet>,
}

impl Words {
    fn new() -> Words {
        Words {
            forward: Trie::new(),
            backward: Trie::new(),
            openings: Some(PairSet::new()),
        }
    }

    fn add(&mut self, word: &str, payload: u32) {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return;
        };
        match (chars.next(), &mut self.openings) {
            (Some(second), Some(openings)) => openings.insert(first, second),
            (Some(_), None) => {}
            (None, _) => self.openings = None, // a one-character word
        }
        self.forward.insert(&mut word.chars(), payload);
        self.backward.insert(&mut word.chars().rev(), payload);
    }

    /// Indexes the tries' roots: called once, after the last [`Words::add`].
    fn seal(mut self) -> Words {
        self.forward.seal();
        self.backward.seal();
        self
    }

    /// May a word start at `text[at]`? Its first character must start one and, for
    /// tables with no one-character word, its first two open one. No false negatives.
    #[inline(always)]
    fn may_open_at(&self, text: &[char], at: usize) -> bool {
        let Some(&c) = text.get(at) else { return false };
        if !self.forward.root.contains(c) {
            return false;
        }
        match (&self.openings, text.get(at + 1)) {
            (Some(openings), Some(&next)) => openings.contains(c, next),
            (Some(_), None) => false,
            (None, _) => true,
        }
    }

    fn longest_at(&self, text: &[char], at: usize) -> Option<(usize, u32)> {
        if !self.may_open_at(text, at) {
            return None;
        }
        self.forward.longest(text, at, false)
    }

    fn longest_ending_at(&self, text: &[char], end: usize) -> Option<(usize, u32)> {
        if end == 0 || end > text.len() || !self.backward.root.contains(text[end - 1]) {
            return None;
        }
        self.backward.longest(text, end, true)
    }
}

/// A set of character pairs, hashed into 2^16 bits: no false negatives, few false
/// positives for tables of a few hundred words.
struct PairSet {
    bits: Bits,
}

impl PairSet {
    fn new() -> PairSet {
        PairSet { bits: Bits::new() }
    }

    #[inline(always)]
    fn slot(a: char, b: char) -> usize {
        let h = (a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32);
        (h.wrapping_mul(0x85EB_CA6B) >> 16) as usize
    }

    fn insert(&mut self, a: char, b: char) {
        self.bits.insert(PairSet::slot(a, b));
    }

    #[inline(always)]
    fn contains(&self, a: char, b: char) -> bool {
        self.bits.contains(PairSet::slot(a, b))
    }
}

/// Words with a payload each, looked up by longest match.
pub struct WordTable<T: Copy> {
    words: Words,
    payloads: Vec<T>,
}

impl<T: Copy> WordTable<T> {
    pub fn new(entries: &[(&str, T)]) -> WordTable<T> {
        WordTable::of_rows(entries.iter().copied())
    }

    /// A table of the rows an iterator gives (a table written as text, parsed).
    pub fn of_rows<'a>(rows: impl IntoIterator<Item = (&'a str, T)>) -> WordTable<T> {
        let mut words = Words::new();
        let mut payloads = Vec::new();
        for (word, payload) in rows {
            words.add(word, payloads.len() as u32);
            payloads.push(payload);
        }
        WordTable {
            words: words.seal(),
            payloads,
        }
    }

    /// True when some word starts with `c`.
    #[inline(always)]
    pub fn may_start_with(&self, c: char) -> bool {
        self.words.forward.root.contains(c)
    }

    /// True when a word may start at `text[at]` (the test [`WordTable::longest_at`]
    /// makes first). Inlined where it is asked at most positions of a text (the
    /// scanner's established names), so that most positions cost no call.
    #[inline(always)]
    pub fn may_open_at(&self, text: &[char], at: usize) -> bool {
        self.words.may_open_at(text, at)
    }

    /// The characters some word starts with (those of the BMP: see [`CharSet`]).
    pub fn first_chars(&self) -> impl Iterator<Item = char> + '_ {
        self.words.forward.nodes[0]
            .children
            .iter()
            .map(|(c, _)| *c)
            .filter(|&c| (c as u32) < 0x10000)
    }

    /// The longest word that starts at `text[at]`: its length and payload.
    #[inline]
    pub fn longest_at(&self, text: &[char], at: usize) -> Option<(usize, T)> {
        let (len, p) = self.words.longest_at(text, at)?;
        Some((len, self.payloads[p as usize]))
    }

    /// The longest word that ends just before `text[end]`: its length and payload.
    #[inline]
    pub fn longest_ending_at(&self, text: &[char], end: usize) -> Option<(usize, T)> {
        let (len, p) = self.words.longest_ending_at(text, end)?;
        Some((len, self.payloads[p as usize]))
    }

    /// True when `word` is in the table.
    pub fn contains(&self, word: &[char]) -> bool {
        self.words
            .longest_at(word, 0)
            .is_some_and(|(len, _)| len == word.len())
    }
}

impl WordTable<()> {
    /// A table of words with no payload.
    pub fn of_words<'a>(words: impl IntoIterator<Item = &'a str>) -> WordTable<()> {
        let mut index = Words::new();
        for w in words {
            index.add(w, 0);
        }
        WordTable {
            words: index.seal(),
            payloads: vec![()],
        }
    }
}

/// Decodes a `&str` into the `Vec<char>` the tables work on.
pub fn chars_of(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> WordTable<u8> {
        WordTable::new(&[
            ("超", 1),
            ("超过", 2),
            ("人", 3),
            ("人次", 4),
            ("平方米", 5),
        ])
    }

    #[test]
    fn longest_match_forward() {
        let t = table();
        let text = chars_of("5万多人次参加");
        assert_eq!(t.longest_at(&text, 3), Some((2, 4)));
        assert_eq!(t.longest_at(&text, 0), None);
        assert_eq!(t.longest_at(&text, 99), None);
    }

    #[test]
    fn longest_match_backward() {
        let t = table();
        let text = chars_of("收入超过5亿");
        assert_eq!(t.longest_ending_at(&text, 4), Some((2, 2)));
        assert_eq!(t.longest_ending_at(&text, 0), None);
        assert_eq!(t.longest_ending_at(&text, 7), None);
    }

    #[test]
    fn every_first_character_finds_its_word() {
        // Enough first characters to fill many 64-bit words of the root's ranked set,
        // with gaps and neighbours, so every rank is computed across word boundaries.
        let firsts: Vec<char> = (0x4E00u32..0x9FA5)
            .step_by(7)
            .chain([0x41, 0x42, 0xFF05, 0xFFFF])
            .filter_map(char::from_u32)
            .collect();
        let words: Vec<String> = firsts.iter().map(|c| format!("{c}人")).collect();
        let t = WordTable::new(
            &words
                .iter()
                .enumerate()
                .map(|(k, w)| (w.as_str(), k))
                .collect::<Vec<_>>(),
        );
        for (k, w) in words.iter().enumerate() {
            let text = chars_of(&format!("{w}次"));
            assert_eq!(t.longest_at(&text, 0), Some((2, k)), "{w}");
            assert_eq!(t.longest_ending_at(&text, 2), Some((2, k)), "{w}");
        }
        assert_eq!(t.longest_at(&chars_of("丁人"), 0), None); // U+4E01: between two firsts
        assert_eq!(t.first_chars().count(), firsts.len());
    }

    #[test]
    fn membership() {
        let t = table();
        assert!(t.contains(&chars_of("平方米")));
        assert!(!t.contains(&chars_of("平方")));
        assert!(t.may_start_with('平'));
        assert!(!t.may_start_with('😀'));
    }
}
