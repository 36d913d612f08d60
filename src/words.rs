//! Longest-match lookup of short words in text held as `&[char]`.
//!
//! The extractor's tables (units, approximation markers, excluded words, head nouns)
//! hold a few hundred short words each. A [`WordTable`] groups them by first character
//! (for matches that start at a position) and by last character (for matches that end
//! at one, which is how the scanner finds a prefix such as 超过 after it has found the
//! number). A bitset over the Basic Multilingual Plane answers "can a word start here?"
//! in one load, so tables can be consulted at every position of a text.

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

type Group<T> = Vec<(Box<[char]>, T)>;

/// Words with a payload each, looked up by longest match.
pub struct WordTable<T: Copy> {
    by_first: Vec<(char, Group<T>)>,
    by_last: Vec<(char, Group<T>)>,
    firsts: CharSet,
}

fn group_by<T: Copy>(
    entries: &[(&str, T)],
    key: impl Fn(&[char]) -> char,
) -> Vec<(char, Group<T>)> {
    let mut groups: Vec<(char, Group<T>)> = Vec::new();
    for (word, payload) in entries {
        let chars: Box<[char]> = word.chars().collect();
        if chars.is_empty() {
            continue;
        }
        let k = key(&chars);
        match groups.iter_mut().find(|(c, _)| *c == k) {
            Some((_, g)) => g.push((chars, *payload)),
            None => groups.push((k, vec![(chars, *payload)])),
        }
    }
    for (_, g) in &mut groups {
        // Longest first, so the first hit is the longest match.
        g.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    groups.sort_by_key(|(c, _)| *c);
    groups
}

impl<T: Copy> WordTable<T> {
    pub fn new(entries: &[(&str, T)]) -> WordTable<T> {
        let mut firsts = CharSet::new();
        for (w, _) in entries {
            if let Some(c) = w.chars().next() {
                firsts.insert(c);
            }
        }
        WordTable {
            by_first: group_by(entries, |w| w[0]),
            by_last: group_by(entries, |w| w[w.len() - 1]),
            firsts,
        }
    }

    /// True when some word starts with `c`.
    #[inline]
    pub fn may_start_with(&self, c: char) -> bool {
        self.firsts.contains(c)
    }

    fn group(groups: &[(char, Group<T>)], c: char) -> Option<&Group<T>> {
        groups
            .binary_search_by_key(&c, |(k, _)| *k)
            .ok()
            .map(|i| &groups[i].1)
    }

    /// The longest word that starts at `text[at]`: its length and payload.
    pub fn longest_at(&self, text: &[char], at: usize) -> Option<(usize, T)> {
        let c = *text.get(at)?;
        if !self.firsts.contains(c) {
            return None;
        }
        let rest = &text[at..];
        Self::group(&self.by_first, c)?
            .iter()
            .find(|(w, _)| rest.starts_with(w))
            .map(|(w, p)| (w.len(), *p))
    }

    /// The longest word that ends just before `text[end]`: its length and payload.
    pub fn longest_ending_at(&self, text: &[char], end: usize) -> Option<(usize, T)> {
        if end == 0 || end > text.len() {
            return None;
        }
        let before = &text[..end];
        Self::group(&self.by_last, before[end - 1])?
            .iter()
            .find(|(w, _)| before.ends_with(w))
            .map(|(w, p)| (w.len(), *p))
    }

    /// True when `word` is in the table.
    pub fn contains(&self, word: &[char]) -> bool {
        word.first()
            .and_then(|c| Self::group(&self.by_first, *c))
            .is_some_and(|g| g.iter().any(|(w, _)| &**w == word))
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
