//! Grapheme clusters of text in the Indic blocks (U+0900..U+0DFF) and ASCII, found with a table
//! instead of `unicode-segmentation`'s general machinery (about 550 instructions per cluster
//! on Devanagari names, the largest part of masking one).
//!
//! The table is not written by hand: each character's part in the rules that apply to these
//! blocks is read off `unicode-segmentation` itself, by segmenting a few probe strings built
//! around it, so the fast path follows the library's Unicode version. Text with any other
//! character goes to the library. A property test compares both on random strings.

use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// First character of the table.
const FIRST: u32 = 0x0900;
/// One past the last character of the table.
const END: u32 = 0x0E00;
/// Zero width non-joiner and joiner, which Indic text uses inside words.
const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';

/// Joins the cluster before it (grapheme rules GB9, GB9a: Extend, SpacingMark, ZWJ).
const JOINS: u8 = 1;
/// Joins the cluster after it (GB9b: Prepend).
const PREPEND: u8 = 2;
/// `Indic_Conjunct_Break=Consonant` (GB9c).
const CONSONANT: u8 = 4;
/// `Indic_Conjunct_Break=Linker` (a virama).
const LINKER: u8 = 8;
/// `Indic_Conjunct_Break=Extend`.
const INCB_EXTEND: u8 = 16;

/// Properties of U+0900..U+0DFF, then ZWNJ and ZWJ.
static TABLE: LazyLock<Vec<u8>> =
    LazyLock::new(|| (FIRST..END).filter_map(char::from_u32).chain([ZWNJ, ZWJ]).map(probe).collect());

/// Reads `c`'s properties off the library's segmentation of probe strings.
fn probe(c: char) -> u8 {
    let one = |s: String| s.graphemes(true).count() == 1;
    let joins = one(format!("a{c}"));
    let mut props = 0;
    if joins {
        props |= JOINS;
        if one(format!("\u{0915}{c}\u{0915}")) {
            props |= LINKER;
        } else if one(format!("\u{0915}\u{094D}{c}\u{0915}")) {
            props |= INCB_EXTEND;
        }
    } else {
        if one(format!("{c}a")) {
            props |= PREPEND;
        }
        if one(format!("\u{0915}\u{094D}{c}")) {
            props |= CONSONANT;
        }
    }
    props
}

/// Where the table's row for ZWNJ is (ZWJ is the next).
const ZWNJ_ROW: usize = (END - FIRST) as usize;

/// Reads the character at `i` of `b` (valid UTF-8): its properties and its length in bytes,
/// or `None` when it is outside the table's domain. ASCII has no properties.
#[inline]
fn props_at(table: &[u8], b: &[u8], i: usize) -> Option<(u8, usize)> {
    match b[i] {
        0..=0x7F => Some((0, 1)),
        // U+0900..U+0DFF: E0 A4 80 ..= E0 B7 BF.
        0xE0 if (0xA4..=0xB7).contains(&b[i + 1]) => {
            let c = (usize::from(b[i + 1] & 0x3F) << 6) | usize::from(b[i + 2] & 0x3F);
            Some((table[c - FIRST as usize], 3))
        }
        // ZWNJ, ZWJ: E2 80 8C, E2 80 8D.
        0xE2 if b[i + 1] == 0x80 && matches!(b[i + 2], 0x8C | 0x8D) => {
            Some((table[ZWNJ_ROW + usize::from(b[i + 2] - 0x8C)], 3))
        }
        _ => None,
    }
}

/// Whether every character of `s` is ASCII or in the table: then [`IndicClusters`] segments it.
pub(crate) fn in_domain(s: &str) -> bool {
    let (table, b) = (TABLE.as_slice(), s.as_bytes());
    let mut i = 0;
    while i < b.len() {
        match props_at(table, b, i) {
            Some((_, n)) => i += n,
            None => return false,
        }
    }
    true
}

/// The grapheme clusters of a string that [`in_domain`] accepted.
pub(crate) struct IndicClusters<'a> {
    s: &'a str,
    i: usize,
    table: &'static [u8],
}

impl<'a> IndicClusters<'a> {
    /// Clusters of `s`, which must be [`in_domain`].
    pub(crate) fn new(s: &'a str) -> Self {
        IndicClusters { s, i: 0, table: TABLE.as_slice() }
    }
}

impl<'a> Iterator for IndicClusters<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        let start = self.i;
        if start >= b.len() {
            return None;
        }
        let (mut prev_props, n) = props_at(self.table, b, start).expect("in the domain");
        let mut prev = b[start];
        // In a conjunct: 1 after a consonant, 2 once a linker followed it (GB9c).
        let mut conjunct = if prev_props & CONSONANT != 0 { 1 } else { 0 };
        let mut i = start + n;
        while i < b.len() {
            let (p, n) = props_at(self.table, b, i).expect("in the domain");
            let c = b[i];
            // ASCII control characters are grapheme break Control, CR or LF.
            let joined = if prev == b'\r' && c == b'\n' {
                true
            } else if prev.is_ascii_control() || c.is_ascii_control() {
                false
            } else {
                p & JOINS != 0 || prev_props & PREPEND != 0 || (p & CONSONANT != 0 && conjunct == 2)
            };
            if !joined {
                break;
            }
            conjunct = if p & CONSONANT != 0 {
                1
            } else if p & LINKER != 0 && conjunct > 0 {
                2
            } else if p & INCB_EXTEND != 0 {
                conjunct
            } else {
                0
            };
            prev = c;
            prev_props = p;
            i += n;
        }
        self.i = i;
        Some(&self.s[start..i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(s: &str) -> Vec<&str> {
        assert!(in_domain(s));
        IndicClusters::new(s).collect()
    }

    fn library(s: &str) -> Vec<&str> {
        s.graphemes(true).collect()
    }

    #[test]
    fn conjuncts_marks_and_line_breaks() {
        for s in ["श्री रमेश कुमार", "क्\u{200D}ष", "ক্ষমা বন্দ্যোপাধ্যায়", "லக்ஷ்மி", "శ్రీమతి లక్ష్మీ", "a\r\nb\n\rक", "\u{0D4E}മ", ""]
        {
            assert_eq!(ours(s), library(s), "{s:?}");
        }
        assert_eq!(ours("श्री"), vec!["श्री"]);
        assert!(!in_domain("Zoë"));
    }

    /// Characters drawn mostly from the Indic blocks, with the joiners, ASCII letters, spaces
    /// and line breaks among them.
    fn domain_char() -> impl Strategy<Value = char> {
        prop_oneof![
            6 => (0x0900u32..0x0E00).prop_filter_map("a char", char::from_u32),
            3 => prop::sample::select(vec!['\u{094D}', '\u{09CD}', '\u{0C4D}', '\u{0D4D}', '\u{093C}', ZWJ, ZWNJ]),
            2 => prop::sample::select(vec![' ', 'a', 'K', '\r', '\n', '\t', '-']),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn clusters_are_the_libraries(chars in prop::collection::vec(domain_char(), 0..16)) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(ours(&s), library(&s));
        }
    }

    #[test]
    fn every_pair_and_conjunct_of_the_blocks() {
        let all: Vec<char> = (FIRST..END).filter_map(char::from_u32).chain([ZWNJ, ZWJ, 'a', ' ']).collect();
        let mut s = String::new();
        for &a in &all {
            for &b in &all {
                s.clear();
                s.extend([a, b]);
                assert_eq!(ours(&s), library(&s), "{s:?}");
                // The same pair inside a conjunct: consonant, virama, pair.
                s.clear();
                s.extend(['\u{0915}', '\u{094D}', a, b]);
                assert_eq!(ours(&s), library(&s), "{s:?}");
            }
        }
    }
}
