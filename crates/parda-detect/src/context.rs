//! Context words: one Aho-Corasick automaton over every rule's positive and negative words.

use crate::header::is_word_char;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
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
    ac: Option<AhoCorasick>,
    /// For each word: the rules it belongs to and whether it is positive for them.
    pub targets: Vec<Vec<(usize, bool)>>,
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
        let ac = if words.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                // A few hundred short words: a full DFA is small, and the overlapping search
                // over every cell with a candidate is much faster on it than on an NFA.
                .kind(Some(AhoCorasickKind::DFA))
                .build(&words)
                .ok()
        };
        ContextWords { ac, targets }
    }

    /// Every context word in `text` that stands on its own (no letter glued to either side;
    /// digits may touch it, as in `Mob9876543210`).
    pub fn find(&self, text: &str, out: &mut Vec<Hit>) {
        out.clear();
        let Some(ac) = &self.ac else { return };
        for m in ac.find_overlapping_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let letter = |c: Option<char>| c.is_some_and(|c| is_word_char(c) && !c.is_ascii_digit());
            if !letter(before) && !letter(after) {
                out.push(Hit { word: m.pattern().as_usize(), start: m.start(), end: m.end() });
            }
        }
    }
}
