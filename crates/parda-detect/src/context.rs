//! Context words: one Aho-Corasick automaton over every rule's positive and negative words.

use crate::header::is_word_char;
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use parda_rules::Rule;

/// Score added by a positive context word near a candidate.
pub(crate) const POSITIVE_BONUS: f32 = 0.3;
/// Score removed by a negative context word near a candidate.
pub(crate) const NEGATIVE_PENALTY: f32 = 0.4;

/// A context word found in a text: which word, where.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub word: usize,
    pub start: usize,
    pub end: usize,
}

/// Compiled context words of all rules.
pub(crate) struct ContextWords {
    dfa: Option<DFA>,
    /// The bytes a word can start with (both cases of an ASCII letter).
    first_bytes: [bool; 256],
    /// For each word: the rules it belongs to and whether it is positive for them.
    pub targets: Vec<Vec<(usize, bool)>>,
    /// The longest word's length in bytes (a hit is never longer).
    pub max_len: usize,
}

impl ContextWords {
    pub fn new(rules: &[Rule]) -> ContextWords {
        let mut words: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<(usize, bool)>> = Vec::new();
        for (ri, r) in rules.iter().enumerate() {
            for (list, positive) in [(&r.context.positive, true), (&r.context.negative, false)] {
                for w in list {
                    let w = w.to_lowercase();
                    let i = match words.iter().position(|x| *x == w) {
                        Some(i) => i,
                        None => {
                            words.push(w);
                            targets.push(Vec::new());
                            words.len() - 1
                        }
                    };
                    targets[i].push((ri, positive));
                }
            }
        }
        let mut first_bytes = [false; 256];
        for w in &words {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b.to_ascii_lowercase())] = true;
                first_bytes[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        let dfa = if words.is_empty() {
            None
        } else {
            // A few hundred short words: a full DFA is small, walked byte by byte below.
            DFA::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                // Walked only from where a word can start (see `find`).
                .start_kind(StartKind::Anchored)
                .build(&words)
                .ok()
        };
        let max_len = words.iter().map(String::len).max().unwrap_or(0);
        ContextWords { dfa, first_bytes, targets, max_len }
    }

    /// Every context word in `text` that stands on its own (no letter glued to either side;
    /// digits may touch it, as in `Mob9876543210`, but not on both sides: the `ac` of
    /// `52ac374077` is inside a code).
    ///
    /// A word cannot start right after a letter, so the automaton runs anchored at the other
    /// places where one of the words' first bytes is: about one per word of the text, instead
    /// of an overlapping search through every byte that reports each word inside longer ones
    /// (`id` in `paid`, `rs` in `years`) only for it to be dropped.
    pub fn find(&self, text: &str, out: &mut Vec<Hit>) {
        out.clear();
        let Some(dfa) = &self.dfa else { return };
        let Ok(start_state) = dfa.start_state(Anchored::Yes) else { return };
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            if !self.first_bytes[usize::from(bytes[start])] || letter_before(text, start) {
                continue;
            }
            let mut state = start_state;
            for (end, &b) in bytes.iter().enumerate().skip(start).map(|(i, b)| (i + 1, b)) {
                state = dfa.next_state(Anchored::Yes, state, b);
                if !dfa.is_special(state) {
                    continue;
                }
                if dfa.is_dead(state) {
                    break;
                }
                for k in 0..dfa.match_len(state) {
                    let word = dfa.match_pattern(state, k);
                    // Only words that start here (a match state may also list shorter words
                    // that end here).
                    if end - dfa.pattern_len(word) == start
                        && !letter(text[end..].chars().next())
                        && !(digit_before(bytes, start) && bytes.get(end).is_some_and(u8::is_ascii_digit))
                    {
                        out.push(Hit { word: word.as_usize(), start, end });
                    }
                }
            }
        }
    }
}

/// Whether `c` is a letter (a word character other than a digit).
fn letter(c: Option<char>) -> bool {
    c.is_some_and(|c| is_word_char(c) && !c.is_ascii_digit())
}

/// Whether an ASCII digit is right before byte `at`.
fn digit_before(bytes: &[u8], at: usize) -> bool {
    at > 0 && bytes[at - 1].is_ascii_digit()
}

/// Whether a letter ends right before byte `at` of `text` (a character boundary).
fn letter_before(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => letter(text[..at].chars().next_back()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    /// The first implementation: an unanchored overlapping search, every match kept that has
    /// no letter on either side.
    fn reference(words: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words.iter().map(|w| w.to_lowercase()))
            .expect("builds");
        let mut hits: Vec<_> = ac
            .find_overlapping_iter(text)
            .filter(|m| !letter(text[..m.start()].chars().next_back()) && !letter(text[m.end()..].chars().next()))
            .filter(|m| {
                !(digit_before(text.as_bytes(), m.start()) && text[m.end()..].starts_with(|c: char| c.is_ascii_digit()))
            })
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        hits.sort_unstable();
        hits
    }

    fn anchored(cw: &ContextWords, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        cw.find(text, &mut out);
        let mut hits: Vec<_> = out.iter().map(|h| (h.word, h.start, h.end)).collect();
        hits.sort_unstable();
        hits
    }

    const WORDS: &[&str] =
        &["mob", "mobile", "ph", "id", "rs", "date of birth", "a/c", "d.o.b", "मो", "मोबाइल", "आधार"];

    fn words() -> ContextWords {
        let mut rule: parda_rules::Rule = parda_rules::load_rules(&[]).expect("built-in rules").rules.remove(0);
        rule.context.positive = WORDS.iter().map(|w| w.to_string()).collect();
        rule.context.negative.clear();
        ContextWords::new(&[rule])
    }

    #[test]
    fn words_on_their_own_only() {
        let cw = words();
        for text in
            ["Mob9876543210 paid Rs 500", "MOBILE: 98765, DATE OF BIRTH 1990", "a/c id; मोबाइल 98", "मोबाइलमो", ""]
        {
            assert_eq!(anchored(&cw, text), reference(WORDS, text), "{text}");
        }
        assert_eq!(anchored(&cw, "paid years mobiles").len(), 0);
        // Inside a code (digits on both sides) a word is no word; with one side free it is.
        assert_eq!(anchored(&cw, "e8192452id3740777577").len(), 0);
        assert_eq!(anchored(&cw, "2 mob9876543210 id1234").len(), 2);
    }

    proptest::proptest! {
        #[test]
        fn anchored_search_finds_what_the_overlapping_search_kept(
            text in "(mob|Mobile|ph|PH|id|rs|date of birth|a/c|d.o.b|मो|मोबाइल|आधार|[a-zA-Z]{1,3}|[0-9]{1,3}|[ .,:/]|\u{0915}|é){0,14}"
        ) {
            let cw = words();
            proptest::prop_assert_eq!(anchored(&cw, &text), reference(WORDS, &text));
        }
    }
}
