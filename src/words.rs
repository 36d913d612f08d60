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

/// A set of characters, constant-time membership, sized for the BMP (astral
/// characters are never members: no table word contains one).
pub struct CharSet {
    bits: Box<[u64]>,
}

impl CharSet {
    pub fn new() -> CharSet {
        CharSet {
            bits: vec![0u64; 0x10000 / 64].into_boxed_slice(),
        }
    }

    pub fn insert(&mut self, c: char) {
        let i = c as usize;
        if i < 0x10000 {
            self.bits[i / 64] |= 1 << (i % 64);
        }
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let i = c as usize;
        i < 0x10000 && self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet::new()
    }
}

/// A trie over characters. Children of a node are kept sorted for binary search; most
/// nodes have one or two, the root a few hundred.
struct Trie<T: Copy> {
    nodes: Vec<Node<T>>,
}

struct Node<T: Copy> {
    children: Vec<(char, u32)>,
    payload: Option<T>,
}

impl<T: Copy> Trie<T> {
    fn new() -> Trie<T> {
        Trie {
            nodes: vec![Node {
                children: Vec::new(),
                payload: None,
            }],
        }
    }

    fn insert(&mut self, word: impl Iterator<Item = char>, payload: T) {
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
                        payload: None,
                    });
                    self.nodes[at].children.insert(i, (c, id as u32));
                    id
                }
            };
        }
        // The first row of a word wins, as a table reads top to bottom.
        if self.nodes[at].payload.is_none() {
            self.nodes[at].payload = Some(payload);
        }
    }

    #[inline]
    fn child(&self, node: usize, c: char) -> Option<usize> {
        let children = &self.nodes[node].children;
        children
            .binary_search_by_key(&c, |(k, _)| *k)
            .ok()
            .map(|i| children[i].1 as usize)
    }

    /// Walks `chars` from the root; the longest word met: its length and payload.
    fn longest(&self, chars: impl Iterator<Item = char>) -> Option<(usize, T)> {
        let mut node = 0;
        let mut best = None;
        for (depth, c) in chars.enumerate() {
            match self.child(node, c) {
                Some(next) => node = next,
                None => break,
            }
            if let Some(p) = self.nodes[node].payload {
                best = Some((depth + 1, p));
            }
        }
        best
    }
}

/// Words with a payload each, looked up by longest match.
pub struct WordTable<T: Copy> {
    forward: Trie<T>,
    backward: Trie<T>,
    firsts: CharSet,
    lasts: CharSet,
}

impl<T: Copy> WordTable<T> {
    pub fn new(entries: &[(&str, T)]) -> WordTable<T> {
        let mut forward = Trie::new();
        let mut backward = Trie::new();
        let mut firsts = CharSet::new();
        let mut lasts = CharSet::new();
        for (word, payload) in entries {
            let (Some(first), Some(last)) = (word.chars().next(), word.chars().last()) else {
                continue;
            };
            firsts.insert(first);
            lasts.insert(last);
            forward.insert(word.chars(), *payload);
            backward.insert(word.chars().rev(), *payload);
        }
        WordTable {
            forward,
            backward,
            firsts,
            lasts,
        }
    }

    /// True when some word starts with `c`.
    #[inline]
    pub fn may_start_with(&self, c: char) -> bool {
        self.firsts.contains(c)
    }

    /// The longest word that starts at `text[at]`: its length and payload.
    #[inline]
    pub fn longest_at(&self, text: &[char], at: usize) -> Option<(usize, T)> {
        let c = *text.get(at)?;
        if !self.firsts.contains(c) {
            return None;
        }
        self.forward.longest(text[at..].iter().copied())
    }

    /// The longest word that ends just before `text[end]`: its length and payload.
    #[inline]
    pub fn longest_ending_at(&self, text: &[char], end: usize) -> Option<(usize, T)> {
        if end == 0 || end > text.len() || !self.lasts.contains(text[end - 1]) {
            return None;
        }
        self.backward.longest(text[..end].iter().rev().copied())
    }

    /// True when `word` is in the table.
    pub fn contains(&self, word: &[char]) -> bool {
        self.longest_at(word, 0)
            .is_some_and(|(len, _)| len == word.len())
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
    fn membership() {
        let t = table();
        assert!(t.contains(&chars_of("平方米")));
        assert!(!t.contains(&chars_of("平方")));
        assert!(t.may_start_with('平'));
        assert!(!t.may_start_with('😀'));
    }
}
