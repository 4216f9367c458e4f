//! Anchored search: a pattern whose matches can only start at a few places of a cell (after
//! a non-digit, at a word's start, with one of a few ASCII bytes) is run by a full DFA from
//! those places only, instead of a search across the whole cell.

use parda_rules::Boundary;
use regex_automata::dfa::{dense, Automaton, StartKind};
use regex_automata::util::{primitives::StateID, start};
use regex_automata::Anchored;
use regex_syntax::hir::{Class, Hir, HirKind};

/// A pattern whose matches can only start where its rule's boundary allows (not right after
/// a digit, or after a letter or digit) and with one of a few ASCII bytes. It is searched with
/// a full DFA anchored at those places only: no scan of the whole cell per pattern, no lazy
/// DFA states built while searching, and no search cache shared between threads.
pub(crate) struct AnchoredSearch {
    pub(crate) dfa: dense::DFA<Vec<u32>>,
    /// The DFA's anchored start state (the same everywhere: the pattern looks at nothing
    /// before the match).
    pub(crate) start: StateID,
    /// The bytes a match can start with.
    pub(crate) first: [bool; 256],
    /// What may not stand right before a match.
    pub(crate) boundary: Boundary,
    /// The list of a cell's places where the pattern's matches start, when one serves.
    pub(crate) starts: Option<StartList>,
    /// The pattern's group of patterns with the same list and first bytes ([`Starts::mask`]),
    /// when it has one.
    pub(crate) group: Option<usize>,
}

/// Which places of a cell a start list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StartList {
    /// Not right after a digit, at a byte other than a letter: the numbers of a cell (digit
    /// boundary patterns that start with a digit, `+` or `(`).
    Number = 0,
    /// Not right after a letter or digit: the words of a cell (letter-or-digit boundary).
    Word = 1,
}

/// The places of a cell where anchored matches may start, listed in one pass over the cell,
/// for each [`StartList`]. A list that would overflow is not kept: its patterns scan.
pub(crate) struct Starts {
    lists: [[u32; MAX_STARTS]; 2],
    lens: [usize; 2],
    /// Per group of patterns ([`AnchoredSearch::group`]): bit `n` set when the `n`th place
    /// of the group's list begins with one of the group's first bytes.
    masks: [u64; MAX_GROUPS],
    /// Which groups' masks are computed (bit per group).
    known: u32,
}

/// How many groups of patterns with the same start list and first bytes get a mask at most.
pub(crate) const MAX_GROUPS: usize = 32;

/// Bits of a byte's class in [`start_classes`].
const STARTS_NUMBER: u8 = 1;
const STARTS_WORD: u8 = 2;
const DIGIT: u8 = 4;
const ALNUM: u8 = 8;

/// For every byte: whether it starts a match of a pattern found through each start list,
/// whether it is an ASCII digit, and whether an ASCII letter or digit.
pub(crate) fn start_classes<'a>(patterns: impl Iterator<Item = &'a AnchoredSearch>) -> [u8; 256] {
    let mut classes = [0u8; 256];
    for a in patterns {
        let bit = match a.starts {
            Some(StartList::Number) => STARTS_NUMBER,
            Some(StartList::Word) => STARTS_WORD,
            None => continue,
        };
        for (class, &first) in classes.iter_mut().zip(&a.first) {
            if first {
                *class |= bit;
            }
        }
    }
    for (b, class) in classes.iter_mut().enumerate() {
        let b = b as u8;
        *class |= if b.is_ascii_digit() {
            DIGIT | ALNUM
        } else if b.is_ascii_alphabetic() {
            ALNUM
        } else {
            0
        };
    }
    classes
}

/// How many places a start list holds at most.
const MAX_STARTS: usize = 48;

impl Starts {
    /// Lists the places of `bytes` where a match may start; `classes` says which bytes start a
    /// match of each list's patterns ([`start_classes`]).
    pub(crate) fn of(bytes: &[u8], classes: &[u8; 256]) -> Starts {
        let mut starts = Starts { lists: [[0; MAX_STARTS]; 2], lens: [0; 2], masks: [0; MAX_GROUPS], known: 0 };
        let mut before = classes[b' ' as usize];
        for (i, &b) in bytes.iter().enumerate() {
            let class = classes[b as usize];
            if class & STARTS_NUMBER != 0 && before & DIGIT == 0 {
                starts.push(StartList::Number, i);
            }
            if class & STARTS_WORD != 0 && before & ALNUM == 0 {
                starts.push(StartList::Word, i);
            }
            before = class;
        }
        starts
    }

    fn push(&mut self, kind: StartList, at: usize) {
        let (k, n) = (kind as usize, self.lens[kind as usize]);
        if n < MAX_STARTS {
            self.lists[k][n] = at as u32;
        }
        self.lens[k] = n + 1;
    }

    /// The list of `kind`, `None` when it overflowed.
    pub(crate) fn list(&self, kind: StartList) -> Option<&[u32]> {
        let k = kind as usize;
        (self.lens[k] <= MAX_STARTS).then(|| &self.lists[k][..self.lens[k]])
    }

    /// The places of `pattern`'s list that begin with one of its first bytes, as a bit mask
    /// over the list (bit `n` for its `n`th place), worked out once per group of patterns
    /// that share the list and the first bytes: the patterns of a group (a dozen start with a
    /// digit) then try only those places instead of each walking the whole list. `None` when
    /// the pattern has no group or its list overflowed.
    pub(crate) fn mask(&mut self, pattern: &AnchoredSearch, bytes: &[u8]) -> Option<(u64, &[u32])> {
        let (kind, group) = (pattern.starts?, pattern.group?);
        let bit = 1u32 << group;
        if self.known & bit == 0 {
            let list = self.list(kind)?;
            let mask = list
                .iter()
                .enumerate()
                .filter(|&(_, &p)| pattern.first[usize::from(bytes[p as usize])])
                .fold(0u64, |m, (n, _)| m | 1 << n);
            self.masks[group] = mask;
            self.known |= bit;
        }
        Some((self.masks[group], self.list(kind)?))
    }
}

/// Numbers the groups of `patterns` that share a start list and first bytes (see
/// [`Starts::mask`]); patterns past [`MAX_GROUPS`] groups get none.
pub(crate) fn assign_groups<'a>(patterns: impl Iterator<Item = &'a mut AnchoredSearch>) {
    let mut groups: Vec<(StartList, [bool; 256])> = Vec::new();
    for a in patterns {
        let Some(kind) = a.starts else { continue };
        let key = (kind, a.first);
        a.group = match groups.iter().position(|g| *g == key) {
            Some(g) => Some(g),
            None if groups.len() < MAX_GROUPS => {
                groups.push(key);
                Some(groups.len() - 1)
            }
            None => None,
        };
    }
}

/// The DFA stopped on a byte it was told to give up on.
pub(crate) struct GaveUp;

/// A full DFA larger than this is not built; the pattern is searched the usual way.
const ANCHORED_DFA_LIMIT: usize = 1 << 20;

impl AnchoredSearch {
    /// `None` when the pattern cannot be searched this way: no boundary, a match that can be
    /// empty or start outside ASCII, a look-around assertion, or a DFA over the size limit.
    pub(crate) fn new(pattern: &str, boundary: Boundary) -> Option<AnchoredSearch> {
        if boundary == Boundary::None {
            return None;
        }
        // Parsed with the syntax the DFA is built with, so the first bytes are the DFA's.
        let syntax = parda_rules::pattern_syntax();
        let hir = regex_automata::util::syntax::parse_with(pattern, &syntax).ok()?;
        let mut first = [false; 256];
        if add_first_bytes(&hir, &mut first)? || !hir.properties().look_set().is_empty() {
            return None;
        }
        let dfa = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .start_kind(StartKind::Anchored)
                    .accelerate(false)
                    .dfa_size_limit(Some(ANCHORED_DFA_LIMIT))
                    .determinize_size_limit(Some(ANCHORED_DFA_LIMIT)),
            )
            .syntax(syntax)
            .build(pattern)
            .ok()?;
        let start = dfa.start_state(&start::Config::new().anchored(Anchored::Yes)).ok()?;
        let letters = first.iter().enumerate().any(|(b, &f)| f && (b as u8).is_ascii_alphabetic());
        let starts = match boundary {
            Boundary::Digit if !letters => Some(StartList::Number),
            Boundary::Alnum => Some(StartList::Word),
            _ => None,
        };
        Some(AnchoredSearch { dfa, start, first, boundary, starts, group: None })
    }

    /// Whether the boundary lets a match start at `at`.
    pub(crate) fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        let Some(&before) = at.checked_sub(1).map(|i| &bytes[i]) else {
            return true;
        };
        match self.boundary {
            Boundary::Digit => !before.is_ascii_digit(),
            Boundary::Alnum => !before.is_ascii_alphanumeric(),
            Boundary::None => true,
        }
    }

    /// Where the leftmost-first match starting at `start` ends, if there is one: the DFA walked
    /// byte by byte (its match states come one byte late).
    pub(crate) fn match_end(&self, bytes: &[u8], start: usize) -> Result<Option<usize>, GaveUp> {
        let dfa = &self.dfa;
        let (mut state, mut end) = (self.start, None);
        for (at, &b) in bytes.iter().enumerate().skip(start) {
            state = dfa.next_state(state, b);
            if dfa.is_special_state(state) {
                if dfa.is_match_state(state) {
                    end = Some(at);
                } else if dfa.is_dead_state(state) {
                    return Ok(end);
                } else if dfa.is_quit_state(state) {
                    return Err(GaveUp);
                }
            }
        }
        state = dfa.next_eoi_state(state);
        if dfa.is_match_state(state) {
            end = Some(bytes.len());
        }
        Ok(end)
    }
}

/// Adds to `set` the bytes a match of `hir` can start with; returns whether `hir` can match
/// the empty string (then what follows it can start the match too), or `None` when a match
/// can start with a byte outside ASCII.
fn add_first_bytes(hir: &Hir, set: &mut [bool; 256]) -> Option<bool> {
    let mut ranges = |ranges: &mut dyn Iterator<Item = (u32, u32)>| {
        for (a, b) in ranges {
            if b >= 0x80 {
                return None;
            }
            (a..=b).for_each(|c| set[c as usize] = true);
        }
        Some(false)
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(true),
        HirKind::Literal(lit) => ranges(&mut lit.0.first().map(|&b| (b as u32, b as u32)).into_iter()),
        HirKind::Class(Class::Unicode(c)) => ranges(&mut c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32))),
        HirKind::Class(Class::Bytes(c)) => ranges(&mut c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32))),
        HirKind::Repetition(rep) => Some(add_first_bytes(&rep.sub, set)? || rep.min == 0),
        HirKind::Capture(cap) => add_first_bytes(&cap.sub, set),
        HirKind::Concat(subs) => {
            for sub in subs {
                if !add_first_bytes(sub, set)? {
                    return Some(false);
                }
            }
            Some(true)
        }
        HirKind::Alternation(subs) => {
            let mut empty = false;
            for sub in subs {
                empty |= add_first_bytes(sub, set)?;
            }
            Some(empty)
        }
    }
}
