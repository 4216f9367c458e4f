//! The compiled matcher: all rule patterns in one multi-pattern regex, then per-rule
//! confirmation (validator, boundary, context score).

use crate::anchored::{assign_groups, start_classes, AnchoredSearch, GaveUp, Starts};
use crate::context::{ContextWords, Hit, NEGATIVE_PENALTY, POSITIVE_BONUS};
use crate::names::{LexSpan, NameFinder};
use parda_rules::{Boundary, Lexicon, RuleSet, TypeClass, Validator};
use regex_automata::meta::{Cache, Regex};
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Class, Hir, HirKind};
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// A confirmed PII span in a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finding {
    /// Byte offset where the span starts.
    pub start: usize,
    /// Byte offset where the span ends.
    pub end: usize,
    /// The PII type's index in the rule set.
    pub type_idx: usize,
    /// The rule's index in the rule set.
    pub rule_idx: usize,
    /// The final score (>= 0.5).
    pub score: f32,
}

/// What the column around a cell says: context from its header, its classification, and
/// whether digit-only findings are suppressed (a column of receipt numbers).
#[derive(Debug, Clone, Copy, Default)]
pub struct CellContext<'a> {
    /// Per rule: (positive, negative) context words in the column header.
    pub header_flags: Option<&'a [(bool, bool)]>,
    /// The column's classified type, if any.
    pub column_type: Option<usize>,
    /// Drop findings made only of digits and separators.
    pub suppress_digits: bool,
    /// Also look for names and addresses (off for header cells).
    pub names: bool,
}

struct CompiledRule {
    type_idx: usize,
    validator: Validator,
    penalty: Option<f32>,
    boundary: Boundary,
    score: f32,
    requires_context: bool,
    window: usize,
    protected: bool,
    /// Matches a whole match that only this rule's type is written as (anchored at both ends).
    strong_form: Option<Regex>,
}

/// Gives every matcher its own id, so that thread-local caches know whose patterns they hold.
static NEXT_MATCHER_ID: AtomicUsize = AtomicUsize::new(1);
/// How many matchers' caches a thread keeps.
const CACHED_MATCHERS: usize = 4;

thread_local! {
    /// This thread's search caches, per matcher id, one per pattern. Searching with a cache of
    /// the thread's own skips the regex crate's shared cache pool, which 16 threads contend for.
    static SEARCH_CACHES: RefCell<Vec<(usize, Vec<Option<Cache>>)>> = const { RefCell::new(Vec::new()) };
    /// The vector of a cell's context hits, handed back after each cell (no allocation per
    /// cell; a nested detection takes an empty one).
    static HIT_BUFFER: Cell<Vec<Hit>> = const { Cell::new(Vec::new()) };
    /// The same for the name finder's spans.
    static SPAN_BUFFER: Cell<Vec<LexSpan>> = const { Cell::new(Vec::new()) };
}

/// All rules compiled for detection.
pub struct Matcher {
    id: usize,
    /// Per pattern, the regex that searches it across a cell, built at first use: a pattern
    /// searched anchored needs it only if its DFA gives up, which none of the built-in ones
    /// does (half of the start-up's regex compilation saved).
    singles: Vec<OnceLock<Regex>>,
    /// Per pattern, the anchored search used where its boundary allows one (`None`: the
    /// pattern is searched across the cell with `singles`).
    anchored: Vec<Option<AnchoredSearch>>,
    /// Which bytes start a match of the patterns found through each start list (see
    /// [`Starts`]), and which are digits, letters.
    start_classes: [u8; 256],
    /// What each pattern needs a cell to contain, as bit masks: a cell that lacks it is not
    /// searched.
    gate: NeedGate,
    pattern_rule: Vec<usize>,
    rules: Vec<CompiledRule>,
    context: ContextWords,
    /// Names and addresses in free text.
    pub names: NameFinder,
    /// Header hints, for the keys of JSON in a cell.
    pub(crate) key_hints: crate::header::HeaderHints,
    name_type: Option<usize>,
    address_type: Option<usize>,
    /// The type of phone numbers that are no mobile's.
    landline_type: Option<usize>,
    /// The types of contact details a phone number is listed with (email, mobile, landline,
    /// UPI): see [`Matcher::phones_beside_contacts`].
    contact_types: Vec<usize>,
    /// The rule set the matcher was built from.
    pub rule_set: RuleSet,
    /// Per type: whether every match of every rule of the type holds a digit.
    digit_types: Vec<bool>,
}

const THRESHOLD: f32 = 0.5;
/// The `rule_idx` of findings made by the name and address dictionaries.
pub const LEXICON_RULE: usize = usize::MAX;
/// The `rule_idx` of a JSON string typed by its key whose text holds escapes (`\"`,
/// `\u0930`): the span is the string's raw contents, to be decoded
/// ([`decode_json_string`](crate::decode_json_string)), transformed and encoded back.
pub const ESCAPED_JSON_RULE: usize = usize::MAX - 1;
const MAX_RESTARTS: usize = 64;
/// The score of a JSON value typed by its key: as sure as a header.
const KEYED_SCORE: f32 = 0.9;

impl Matcher {
    /// Compiles every rule of `rules`, with the built-in dictionaries. Patterns were checked
    /// when the rules were loaded.
    pub fn new(rules: RuleSet) -> Result<Matcher, String> {
        Matcher::with_lexicon(rules, Lexicon::builtin())
    }

    /// Compiles every rule of `rules`; names and addresses are found with `lexicon`.
    pub fn with_lexicon(rules: RuleSet, lexicon: Lexicon) -> Result<Matcher, String> {
        Matcher::with_lexicon_from(rules, || lexicon)
    }

    /// [`Matcher::with_lexicon`], with the lexicon asked for only once the rules are compiled:
    /// a lexicon built on another thread meanwhile (a third of the start-up) is waited for last.
    pub fn with_lexicon_from(rules: RuleSet, lexicon: impl FnOnce() -> Lexicon) -> Result<Matcher, String> {
        let mut pats = Vec::new();
        let mut pattern_rule = Vec::new();
        for (ri, r) in rules.rules.iter().enumerate() {
            for p in &r.patterns {
                pats.push(p.as_str());
                pattern_rule.push(ri);
            }
        }
        let needs: Vec<Needs> = pats.iter().map(|p| Needs::of(p)).collect();
        let mut anchored: Vec<Option<AnchoredSearch>> =
            pats.iter().zip(&pattern_rule).map(|(p, &ri)| AnchoredSearch::new(p, rules.rules[ri].boundary)).collect();
        assign_groups(anchored.iter_mut().flatten());
        // The patterns searched across the cell are compiled now (a bad one is an error here);
        // the others compiled when first needed.
        let singles = pats
            .iter()
            .zip(&anchored)
            .map(|(p, a)| {
                let single = OnceLock::new();
                if a.is_none() {
                    single.set(single_regex(p)?).expect("a new cell is empty");
                }
                Ok(single)
            })
            .collect::<Result<_, String>>()?;
        let start_classes = start_classes(anchored.iter().flatten());
        let compiled: Vec<CompiledRule> = rules
            .rules
            .iter()
            .map(|r| {
                let type_idx = rules.type_index(&r.pii_type).expect("types checked at load");
                let strong_form = r.strong_form.as_ref().map(|p| single_regex(&format!("^(?:{p})$"))).transpose()?;
                Ok(CompiledRule {
                    type_idx,
                    validator: Validator::from_name(&r.validator).expect("validators checked at load"),
                    penalty: r.validator_penalty,
                    boundary: r.boundary,
                    score: r.score,
                    requires_context: r.requires_context,
                    window: r.context.window,
                    protected: rules.types[type_idx].class == TypeClass::Protected,
                    strong_form,
                })
            })
            .collect::<Result<_, String>>()?;
        let context = ContextWords::new(&rules.rules);
        let (name_type, address_type) = (rules.type_index("name"), rules.type_index("address"));
        let digit_types = (0..rules.types.len())
            .map(|t| {
                let mut of_type = pattern_rule
                    .iter()
                    .zip(&needs)
                    .filter(|(&ri, _): &(&usize, &Needs)| compiled[ri].type_idx == t)
                    .peekable();
                of_type.peek().is_some() && of_type.all(|(_, n)| n.digits > 0)
            })
            .collect();
        Ok(Matcher {
            id: NEXT_MATCHER_ID.fetch_add(1, Ordering::Relaxed),
            singles,
            anchored,
            start_classes,
            gate: NeedGate::new(&needs),
            pattern_rule,
            rules: compiled,
            context,
            key_hints: crate::header::HeaderHints::new(&rules),
            names: NameFinder::new(lexicon()),
            name_type,
            address_type,
            landline_type: rules.type_index("landline"),
            contact_types: ["email", "mobile", "landline", "upi"].iter().filter_map(|t| rules.type_index(t)).collect(),
            rule_set: rules,
            digit_types,
        })
    }

    /// Per rule: whether the header holds a positive and a negative context word of the rule.
    pub fn header_flags(&self, header: &str) -> Vec<(bool, bool)> {
        let mut flags = vec![(false, false); self.rules.len()];
        let mut hits = Vec::new();
        self.context.find(header, &mut hits);
        for h in &hits {
            for &(r, positive) in &self.context.targets[h.word] {
                if positive {
                    flags[r].0 = true;
                } else {
                    flags[r].1 = true;
                }
            }
        }
        if self.is_id_document_header(header) {
            // `ID Number`: whichever identity document the row's owner gave (the `id` that
            // argues against an Aadhaar in `Complaint ID` names the document here).
            for (r, rule) in self.rules.iter().enumerate() {
                if self.rule_set.types[rule.type_idx].id_document {
                    flags[r] = (true, false);
                }
            }
        }
        flags
    }

    /// Whether `header` names the number of any identity document, not one in particular
    /// (`ID Number`, `ID Proof No.`, `Identity Card Number of Applicant`): the whole header,
    /// less an ` of ...` clause, is one of the rule set's `id_document_headers`.
    fn is_id_document_header(&self, header: &str) -> bool {
        let norm = crate::header::normalize_header(header);
        let head = norm.split(" of ").next().unwrap_or_default();
        self.rule_set.id_document_headers.iter().any(|h| crate::header::normalize_header(h) == head)
    }

    /// The header hints of the rule set (the same that type the keys of JSON in a cell).
    pub fn header_hints(&self) -> &crate::header::HeaderHints {
        &self.key_hints
    }

    /// Whether every match of every rule of the type holds a digit (an Aadhaar, a mobile
    /// number, a date of birth): a column none of whose values holds one (`Y`, `N`) holds none
    /// of them. `false` for a type without rules (names, addresses).
    pub fn type_needs_digit(&self, type_idx: usize) -> bool {
        self.digit_types.get(type_idx).copied().unwrap_or(false)
    }

    /// Whether the type at `type_idx` is a protected (already encrypted) value.
    pub fn is_protected_type(&self, type_idx: usize) -> bool {
        self.rule_set.types[type_idx].class == TypeClass::Protected
    }

    /// Finds the PII spans in `cell`, non-overlapping, sorted by position, into `out`.
    /// Every pattern is searched on its own, so a candidate that fails its validator never
    /// hides another rule's match at the same place; a pattern runs only on cells that hold
    /// what every one of its matches needs (digits, letters, `@`, `|`).
    pub fn detect(&self, cell: &str, ctx: &CellContext, out: &mut Vec<Finding>) {
        out.clear();
        if cell.len() < 5 {
            return;
        }
        if let Some((ascii, map)) = fold_indic_digits(cell) {
            // Numbers written in an Indic script (९८७६५४३२१०) are found on a copy with ASCII
            // digits, and the spans mapped back to the cell.
            self.detect(&ascii, ctx, out);
            for f in out.iter_mut() {
                f.start = map[f.start];
                f.end = map[f.end];
            }
            return;
        }
        let profile = Needs::profile(cell);
        if ctx.suppress_digits && profile.letters == 0 && !profile.at && !profile.pipe {
            // Every finding here would be digits and separators only, and dropped below (a
            // column of receipt numbers): nothing to search.
            return;
        }
        // A cell without letters holds no context word: then it is searched for no rule that
        // needs one, unless its header or column supplies it.
        let wordless = profile.letters == 0 && !profile.other;
        let mut hits: Option<Vec<Hit>> = if wordless { Some(Vec::new()) } else { None };
        let mut starts: Option<Starts> = None;
        for pid in self.gate.open(&profile) {
            let ri = self.pattern_rule[pid];
            let rule = &self.rules[ri];
            if rule.requires_context
                && ctx.column_type != Some(rule.type_idx)
                && !ctx.header_flags.is_some_and(|f| f[ri].0)
                && !self.has_positive_context(cell, ri, &mut hits)
            {
                // Every candidate would need a context word of the rule near it.
                continue;
            }
            self.run_pattern(pid, cell, ctx, &mut hits, &mut starts, out);
        }
        // (A wordless cell's empty vector holds no buffer: the thread's is kept.)
        if let Some(hits) = hits.filter(|h| h.capacity() > 0) {
            HIT_BUFFER.set(hits);
        }
        if ctx.names && (profile.letters > 0 || profile.other) {
            let before = out.len();
            self.find_names(cell, out);
            if profile.digits >= 10 {
                self.phones_after_names(cell, before, out);
            }
        }
        if profile.digits >= 10 && !out.is_empty() {
            self.phones_beside_contacts(cell, out);
        }
        if profile.letters > 0 && crate::json::may_be_json(cell) {
            // A key is no name or address (`{"address": {"street": ...}}` read `street` as the
            // address after the word `address`).
            out.retain(|f| f.rule_idx != LEXICON_RULE || !crate::json::in_key(cell, f.end));
            self.find_keyed_values(cell, out);
        }
        if out.is_empty() {
            return;
        }
        resolve_overlaps(out, &self.rules);
        drop_inside_uuids(cell, out);
        if ctx.suppress_digits {
            out.retain(|f| {
                self.rules.get(f.rule_idx).is_some_and(|r| r.protected)
                    || cell[f.start..f.end].bytes().any(|b| b.is_ascii_alphabetic() || b == b'@')
            });
        }
    }

    /// Whether `cell` holds a positive context word of rule `ri` anywhere (the context words
    /// of the cell are found once, here or when a candidate is scored).
    fn has_positive_context(&self, cell: &str, ri: usize, hits: &mut Option<Vec<Hit>>) -> bool {
        let hits = hits.get_or_insert_with(|| self.context_hits(cell));
        hits.iter().any(|h| self.context.targets[h.word].iter().any(|&(r, positive)| r == ri && positive))
    }

    fn context_hits(&self, cell: &str) -> Vec<Hit> {
        let mut hits = HIT_BUFFER.take();
        self.context.find(cell, &mut hits);
        hits
    }

    fn find_names(&self, cell: &str, out: &mut Vec<Finding>) {
        let mut spans = SPAN_BUFFER.take();
        self.names.find(cell, &mut spans);
        for sp in spans.drain(..) {
            let ty = if sp.address { self.address_type } else { self.name_type };
            if let Some(type_idx) = ty {
                out.push(Finding { start: sp.start, end: sp.end, type_idx, rule_idx: LEXICON_RULE, score: sp.score });
            }
        }
        SPAN_BUFFER.set(spans);
    }

    /// A number in brackets right after a name found in the text (`Girish Pal (1565497440)
    /// visited`) is that person's phone, the way registers write a contact: taken when it is
    /// written as a phone number is (10 digits, 11 starting 0, 12 starting 91), whatever its
    /// first digit (a valid mobile is found by its own rule as well).
    fn phones_after_names(&self, cell: &str, from: usize, out: &mut Vec<Finding>) {
        let Some(type_idx) = self.landline_type else {
            return;
        };
        for k in from..out.len() {
            let name = out[k];
            if Some(name.type_idx) != self.name_type {
                continue;
            }
            let rest = &cell[name.end..];
            let gap = rest.len() - rest.trim_start_matches(' ').len();
            let Some(inner) = rest[gap..].strip_prefix('(') else {
                continue;
            };
            let Some(close) = inner.find(')') else {
                continue;
            };
            let body = &inner[..close];
            let number = body.trim_matches(' ');
            if !phone_shaped(number) {
                continue;
            }
            let start = name.end + gap + 1 + (body.len() - body.trim_start_matches(' ').len());
            out.push(Finding { start, end: start + number.len(), type_idx, rule_idx: LEXICON_RULE, score: 0.6 });
        }
    }

    /// A number listed with another contact detail found in the text (`reply sent to
    /// x@example.com and 1603216248`, `9876543210 / 2224567890`) is a phone number too, when it
    /// is written as one (10 digits, 11 starting 0, 12 starting 91), whatever its first digit:
    /// joined to the detail by `and`, `or`, `/`, `,`, `&` or `;`, on either side, or by `to`
    /// or `->` (`update mobile from 9311300210 to 9946666229 for consumer ...`: the new number
    /// is near `consumer`, which argues against a mobile on its own).
    fn phones_beside_contacts(&self, cell: &str, out: &mut Vec<Finding>) {
        let Some(type_idx) = self.landline_type else {
            return;
        };
        let found = out.len();
        // Many findings (a cell of a megabyte): the spans taken are looked up, not scanned.
        let mut taken = (found > 32).then(|| Taken::new(out));
        for k in 0..found {
            let detail = out[k];
            if !self.contact_types.contains(&detail.type_idx) {
                continue;
            }
            let after = phone_after_joiner(cell, detail.end);
            let before = phone_before_joiner(cell, detail.start);
            for (start, end) in [after, before].into_iter().flatten() {
                let free = match &taken {
                    Some(t) => t.free(start, end),
                    None => !out.iter().any(|f| f.start < end && start < f.end),
                };
                if free {
                    out.push(Finding { start, end, type_idx, rule_idx: LEXICON_RULE, score: 0.6 });
                    if let Some(t) = &mut taken {
                        t.add(start, end);
                    }
                }
            }
        }
    }

    /// Values of JSON in `cell` whose keys name a PII type (`"fatherName": "..."`).
    fn find_keyed_values(&self, cell: &str, out: &mut Vec<Finding>) {
        let mut values = Vec::new();
        crate::json::keyed_values(cell, &self.key_hints, &self.names, &mut values);
        for v in values {
            out.push(Finding {
                start: v.start,
                end: v.end,
                type_idx: v.type_idx,
                rule_idx: if v.escaped { ESCAPED_JSON_RULE } else { LEXICON_RULE },
                score: KEYED_SCORE,
            });
        }
    }

    fn run_pattern(
        &self,
        pid: usize,
        cell: &str,
        ctx: &CellContext,
        hits: &mut Option<Vec<Hit>>,
        starts: &mut Option<Starts>,
        out: &mut Vec<Finding>,
    ) {
        let ri = self.pattern_rule[pid];
        let rule = &self.rules[ri];
        let (mut pos, mut restarts) = (0, 0);
        while pos < cell.len() {
            let Some((start, end)) = self.next_match(pid, cell, pos, starts) else {
                break;
            };
            match self.score(ri, cell, start, end, ctx, hits) {
                Some(score) => {
                    out.push(Finding { start, end, type_idx: rule.type_idx, rule_idx: ri, score });
                    pos = end.max(start + 1);
                }
                None if restarts < MAX_RESTARTS => {
                    restarts += 1;
                    pos = next_char_boundary(cell, restart_after(cell, start, rule.boundary));
                }
                None => pos = end.max(start + 1),
            }
        }
    }

    /// The leftmost match of pattern `pid` starting at `pos` or later that its rule's
    /// boundary does not rule out, as byte offsets. With an anchored search, only the places
    /// where a match may start are tried; otherwise the whole rest of the cell is searched
    /// (and a match glued to a digit or letter is left to [`Matcher::score`] to reject).
    fn next_match(&self, pid: usize, cell: &str, pos: usize, starts: &mut Option<Starts>) -> Option<(usize, usize)> {
        let Some(anchored) = &self.anchored[pid] else {
            let m = self.search(pid, Input::new(cell).range(pos..))?;
            return Some((m.start(), m.end()));
        };
        let bytes = cell.as_bytes();
        let listed = anchored.starts.and_then(|_| {
            let starts = starts.get_or_insert_with(|| Starts::of(bytes, &self.start_classes));
            starts.mask(anchored, bytes)
        });
        match listed {
            // The places where a match may start, listed once for the cell, those that begin
            // with one of the pattern's first bytes marked once for its group.
            Some((mut mask, list)) => {
                while mask != 0 {
                    let p = list[mask.trailing_zeros() as usize] as usize;
                    mask &= mask - 1;
                    if p >= pos {
                        if let Some(found) = self.anchored_match(pid, anchored, cell, p) {
                            return Some(found);
                        }
                    }
                }
                None
            }
            // Found by scanning the cell for the pattern's first bytes.
            None => {
                let mut at = pos;
                while let Some(skip) = bytes[at..].iter().position(|&b| anchored.first[b as usize]) {
                    let start = at + skip;
                    if anchored.may_start(bytes, start) {
                        if let Some(found) = self.anchored_match(pid, anchored, cell, start) {
                            return Some(found);
                        }
                    }
                    at = start + 1;
                }
                None
            }
        }
    }

    /// The match of pattern `pid` starting at `start`, if any.
    fn anchored_match(
        &self,
        pid: usize,
        anchored: &AnchoredSearch,
        cell: &str,
        start: usize,
    ) -> Option<(usize, usize)> {
        match anchored.match_end(cell.as_bytes(), start) {
            Ok(end) => end.map(|end| (start, end)),
            // The DFA gave up (it never does on these patterns): the full search.
            Err(GaveUp) => {
                let input = Input::new(cell).range(start..).anchored(Anchored::Yes);
                self.search(pid, input).map(|m| (m.start(), m.end()))
            }
        }
    }

    /// The regex of pattern `pid` for a search across a cell.
    fn single(&self, pid: usize) -> &Regex {
        self.singles[pid].get_or_init(|| {
            // Patterns are numbered in the order of the rules and of each rule's patterns.
            let pattern = self.rule_set.rules.iter().flat_map(|r| &r.patterns).nth(pid).expect("a pattern's number");
            single_regex(pattern).expect("its anchored DFA was built from the same pattern")
        })
    }

    /// Searches pattern `pid` with this thread's cache for it.
    fn search(&self, pid: usize, input: Input) -> Option<regex_automata::Match> {
        let re = self.single(pid);
        SEARCH_CACHES.with_borrow_mut(|all| {
            let at = match all.iter().position(|(id, _)| *id == self.id) {
                Some(at) => at,
                None => {
                    if all.len() == CACHED_MATCHERS {
                        all.remove(0);
                    }
                    all.push((self.id, (0..self.singles.len()).map(|_| None).collect()));
                    all.len() - 1
                }
            };
            re.search_with(all[at].1[pid].get_or_insert_with(|| re.create_cache()), &input)
        })
    }

    fn score(
        &self,
        ri: usize,
        cell: &str,
        start: usize,
        end: usize,
        ctx: &CellContext,
        hits: &mut Option<Vec<Hit>>,
    ) -> Option<f32> {
        let rule = &self.rules[ri];
        let before = cell[..start].chars().next_back();
        let after = cell[end..].chars().next();
        let bounded = |f: fn(&char) -> bool| !before.is_some_and(|c| f(&c)) && !after.is_some_and(|c| f(&c));
        let glued = match rule.boundary {
            Boundary::Digit => {
                if !bounded(char::is_ascii_digit) {
                    return None;
                }
                !bounded(char::is_ascii_alphabetic)
            }
            Boundary::Alnum => {
                if !bounded(char::is_ascii_alphanumeric) {
                    return None;
                }
                false
            }
            Boundary::None => false,
        };
        let mut score = rule.score;
        if !rule.validator.validate(&cell[start..end]) {
            score -= rule.penalty?;
        }
        let hits = hits.get_or_insert_with(|| self.context_hits(cell));
        let (mut pos, mut neg) = ctx.header_flags.map_or((false, false), |f| f[ri]);
        // Before the candidate, a positive word in a later clause than the negative one speaks
        // for it: `Complaint registered by Om Sethi, contact 3504638929` is a phone; `contact
        // ref 2654391430` and `Aadhaar card 501883690072` are no phone and no card. Distances
        // in bytes from the candidate's start to the end of the nearest positive and negative
        // word before it.
        let (mut pos_before, mut neg_before) = (usize::MAX, usize::MAX);
        let mut neg_elsewhere = false;
        // Only the hits that can be near: a character is at most four bytes, so a near hit
        // ends at most `4 * window` bytes before the candidate (and starts at most a word's
        // length before that) or starts at most `2 * window` bytes after it. Hits are in order
        // of their starts. (Every hit of a long cell against every candidate, each gap counted
        // in full, took minutes on a cell of a megabyte.)
        let reach = 4 * rule.window;
        let lowest = start.saturating_sub(reach + self.context.max_len);
        let first = hits.partition_point(|h| h.start < lowest);
        for h in hits[first..].iter().take_while(|h| h.start <= end + reach) {
            let near = if h.end <= start {
                within_chars(&cell[h.end..start], rule.window)
            } else if h.start >= end {
                within_chars(&cell[end..h.start], rule.window / 2)
            } else {
                false
            };
            if near {
                for &(r, positive) in &self.context.targets[h.word] {
                    if r == ri {
                        if positive {
                            pos = true;
                            if h.end <= start {
                                pos_before = pos_before.min(start - h.end);
                            }
                        } else if h.end > start {
                            neg_elsewhere = true;
                        } else if !self.person_between(&cell[h.end..start]) {
                            neg_before = neg_before.min(start - h.end);
                        }
                    }
                }
            }
        }
        let later_clause = pos_before < neg_before
            && neg_before != usize::MAX
            && cell[start - neg_before..start - pos_before].contains([',', ';', '|', '(', ')', '\n']);
        neg |= neg_elsewhere || (neg_before != usize::MAX && !later_clause);
        let in_typed_column = ctx.column_type == Some(rule.type_idx);
        if rule.requires_context && !pos && !in_typed_column {
            return None;
        }
        if pos || in_typed_column {
            score += POSITIVE_BONUS;
        }
        if neg && !rule.strong_form.as_ref().is_some_and(|f| f.is_match(&cell[start..end])) {
            score -= NEGATIVE_PENALTY;
        }
        if glued && !pos {
            score -= NEGATIVE_PENALTY;
        }
        (score >= THRESHOLD).then_some(score)
    }

    /// Whether `between`, the text from a negative context word to a candidate after it, names
    /// the person the candidate belongs to or where it was sent: `by`, `from`, `to`, `for` or
    /// `with` and then a capitalised word or a role (`Complaint by Alok Pandey (9876543210)`,
    /// `by J. Mehta`, `by owner`), a person's name right after the word, or a preposition right
    /// before the candidate: the word was about something else. Short capitals (`for Rs`, `to
    /// INR`) name no one. Only where a negative word is near a candidate.
    fn person_between(&self, between: &str) -> bool {
        let is = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
        let mut words = between.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty());
        // A role word right before a person's name (`consumer Ayush Kaur informed on ...`,
        // `complaint Smt. Rekha Joshi 98...`): the word names the person, and the number after
        // the name is theirs. The name's first word is a capitalised dictionary name, and no
        // word before the number is a place (`consumer Shanti Nagar 98...`: a locality).
        if between.starts_with(' ') && self.names.starts_with_person(between) {
            return true;
        }
        // A word that sends the number somewhere or says where it came from, right before it
        // (`Complaint received from 9876543210`, `Bill sent to 9876543210`, `Consumer informed
        // on 9876543210`, `caller 9876543210`): the number is how someone was reached, not the
        // reference the word names (`Complaint No 1234`, `Receipt 9876543210`).
        let text = between.trim_end_matches([' ', '(', ':', '-']);
        let last = trailing_run(text, |c| c.is_ascii_alphabetic());
        // (Not a range of numbers: `Receipt 7012345678 to 7012345699`, `Receipt Nos from ...`.)
        let before = text[..text.len() - last.len()].trim_end_matches([' ', '.', ':', '-']);
        let word_before = trailing_run(before, |c| c.is_ascii_alphanumeric());
        let range = is(last, &["to"]) && word_before.ends_with(|c: char| c.is_ascii_digit())
            || is(last, &["to", "from"])
                && is(word_before, &["no", "nos", "number", "numbers", "series", "serial", "range"]);
        if !range && is(last, &["from", "to", "on", "at", "via", "through", "caller"]) {
            return true;
        }
        while let Some(w) = words.next() {
            if is(w, &["by", "from", "to", "for", "with"]) {
                // Initials and honorifics before the name (`by J. K. Mehta`, `BY SMT. RASHMI
                // KAUR`) are stepped over.
                let initial = |w: &str| w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase();
                let Some(next) = words.by_ref().find(|w| !initial(w) && !self.names.is_honorific_word(w)) else {
                    return false;
                };
                let b = next.as_bytes();
                if b[0].is_ascii_uppercase()
                    && (b.len() >= 4 || b.len() == 3 && b[1..].iter().all(u8::is_ascii_lowercase))
                {
                    return true;
                }
                // A word naming the person's role (`Complaint lodged by owner (9876543210)`).
                if self.names.is_role_word(next) {
                    return true;
                }
            }
        }
        false
    }
}

/// The run of characters that `keep` accepts at the end of `s` (empty when its last one is
/// not).
fn trailing_run(s: &str, keep: impl Fn(char) -> bool) -> &str {
    let start = s.char_indices().rev().find(|&(_, c)| !keep(c)).map_or(0, |(k, c)| k + c.len_utf8());
    &s[start..]
}

/// The regex that searches `pattern` across a cell.
fn single_regex(pattern: &str) -> Result<Regex, String> {
    Regex::builder()
        .configure(Regex::config().auto_prefilter(false))
        .syntax(parda_rules::pattern_syntax())
        .build(pattern)
        .map_err(|e| e.to_string())
}

/// The value of a decimal digit in an Indian script (Devanagari to Malayalam), if `c` is one.
fn indic_digit(c: char) -> Option<u32> {
    // Each script's block of 128 code points has its digits at offsets 0x66-0x6F.
    let u = c as u32;
    let offset = u & 0x7F;
    ((0x0966..=0x0D6F).contains(&u) && (0x66..=0x6F).contains(&offset)).then(|| offset - 0x66)
}

/// Whether `s` holds an Indic digit, read from its UTF-8 bytes: U+0966..=U+0D6F at offsets
/// 0x66-0x6F of their block are `E0`, an odd byte `A5..=B5`, then `A6..=AF` (most cells are
/// ASCII and hold none: no character is decoded). From the first `E0` on, a character that
/// starts with `E0` is stepped over whole: in Indic text every character does, and a search
/// for each next `E0` would stop on every one of them.
fn has_indic_digit(s: &str) -> bool {
    let b = s.as_bytes();
    let Some(mut i) = memchr::memchr(0xE0, b) else {
        return false;
    };
    while i + 2 < b.len() {
        if b[i] != 0xE0 {
            i += 1;
            continue;
        }
        if (0xA5..=0xB5).contains(&b[i + 1]) && b[i + 1] & 1 == 1 && (0xA6..=0xAF).contains(&b[i + 2]) {
            return true;
        }
        i += 3;
    }
    false
}

/// `s` with Indic digits replaced by ASCII ones, and for every byte offset of the copy (and its
/// end) the byte offset in `s`; `None` when `s` has no Indic digit.
fn fold_indic_digits(s: &str) -> Option<(String, Vec<usize>)> {
    if !has_indic_digit(s) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        match indic_digit(c) {
            Some(d) => {
                out.push(char::from(b'0' + d as u8));
                map.push(i);
            }
            None => {
                out.push(c);
                map.extend(std::iter::repeat_n(i, c.len_utf8()));
            }
        }
    }
    map.push(s.len());
    Some((out, map))
}

/// Where to search again after a rejected candidate at `start`. A match starting inside the
/// run of digits (or letters and digits) that begins at `start` would have one of them just
/// before it, which its boundary forbids: the search skips that run (a 12-digit transaction
/// number is searched for a mobile number twice, not twelve times).
fn restart_after(cell: &str, start: usize, boundary: Boundary) -> usize {
    let in_run: fn(&u8) -> bool = match boundary {
        Boundary::Digit => u8::is_ascii_digit,
        Boundary::Alnum => u8::is_ascii_alphanumeric,
        Boundary::None => return start + 1,
    };
    let run = cell.as_bytes()[start..].iter().take_while(|b| in_run(b)).count();
    start + run.max(1)
}

fn next_char_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Drops findings inside a UUID (`f31fb799-f5c2-536a-6636-810769232746`): its groups of hex
/// digits are now and then all digits, a card or an Aadhaar by chance, and a UUID is a
/// record's key, not a person's number.
fn drop_inside_uuids(cell: &str, out: &mut Vec<Finding>) {
    let b = cell.as_bytes();
    if b.len() < 36 || memchr::memchr(b'-', b).is_none() {
        return;
    }
    let mut uuids: Vec<std::ops::Range<usize>> = Vec::new();
    // A UUID's first dash is its ninth byte: only the places eight bytes before a dash are
    // tried, past the UUID found last.
    for dash in memchr::memchr_iter(b'-', b) {
        let Some(i) = dash.checked_sub(8) else { continue };
        if i + 36 > b.len() {
            break;
        }
        if uuids.last().is_some_and(|u| i < u.end) {
            continue;
        }
        if (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && is_uuid(&b[i..i + 36])
            && b.get(i + 36).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            uuids.push(i..i + 36);
        }
    }
    if !uuids.is_empty() {
        out.retain(|f| !uuids.iter().any(|u| u.start <= f.start && f.end <= u.end));
    }
}

/// Whether `b` (36 bytes) is a UUID: hex digits in groups of 8-4-4-4-12 joined by `-`.
fn is_uuid(b: &[u8]) -> bool {
    b.iter().enumerate().all(|(k, c)| if matches!(k, 8 | 13 | 18 | 23) { *c == b'-' } else { c.is_ascii_hexdigit() })
}

/// Keeps the best of overlapping findings: protected values first, then score, then length.
fn resolve_overlaps(out: &mut Vec<Finding>, rules: &[CompiledRule]) {
    // (An empty span masks nothing.)
    out.retain(|f| f.start < f.end);
    if out.len() < 2 {
        return;
    }
    out.sort_by(|a, b| {
        let key = |f: &Finding| (rules.get(f.rule_idx).is_some_and(|r| r.protected), f.score, f.end - f.start);
        key(b).partial_cmp(&key(a)).unwrap_or(std::cmp::Ordering::Equal)
    });
    let protected = |f: &Finding| rules.get(f.rule_idx).is_some_and(|r| r.protected);
    // A few findings (a cell of a register): each against every kept one; many (a cell of a
    // megabyte holds tens of thousands): by a lookup of the kept ones near it.
    let mut kept = if out.len() <= 32 { keep_by_pairs(out, protected) } else { keep_by_starts(out, protected) };
    kept.sort_by_key(|f| f.start);
    *out = kept;
}

/// Whether `f` may replace the kept finding `k` it overlaps: it holds `k` whole and is longer
/// (an ABHA number `91-1234-5678-9012` whose first ten digits read as a mobile left `-9012`
/// after the mobile's mask), and `k` is no protected value.
fn holds_whole(f: &Finding, k: &Finding, protected: impl Fn(&Finding) -> bool) -> bool {
    !protected(k) && f.start <= k.start && f.end >= k.end && f.end - f.start > k.end - k.start
}

/// The findings kept from `out` (best first): one that overlaps none kept so far is kept; one
/// that holds whole every kept one it overlaps replaces them; others are dropped.
fn keep_by_pairs(out: &mut Vec<Finding>, protected: impl Fn(&Finding) -> bool + Copy) -> Vec<Finding> {
    let mut kept: Vec<Finding> = Vec::with_capacity(out.len());
    for f in out.drain(..) {
        let overlaps = |k: &Finding| !(f.end <= k.start || f.start >= k.end);
        if !kept.iter().any(overlaps) {
            kept.push(f);
        } else if kept.iter().filter(|k| overlaps(k)).all(|k| holds_whole(&f, k, protected)) {
            kept.retain(|k| !overlaps(k));
            kept.push(f);
        }
    }
    kept
}

/// [`keep_by_pairs`] by the kept findings' starts: they never overlap one another, so the ones
/// a new finding overlaps are the last that starts before it (if it reaches into it) and those
/// that start inside it.
fn keep_by_starts(out: &mut Vec<Finding>, protected: impl Fn(&Finding) -> bool + Copy) -> Vec<Finding> {
    let mut kept: std::collections::BTreeMap<usize, Finding> = std::collections::BTreeMap::new();
    let mut overlapped: Vec<usize> = Vec::new();
    for f in out.drain(..) {
        overlapped.clear();
        overlapped.extend(kept.range(..f.start).next_back().filter(|(_, k)| k.end > f.start).map(|(&s, _)| s));
        overlapped.extend(kept.range(f.start..f.end).map(|(&s, _)| s));
        if overlapped.is_empty() {
            kept.insert(f.start, f);
        } else if overlapped.iter().all(|s| holds_whole(&f, &kept[s], protected)) {
            for s in &overlapped {
                kept.remove(s);
            }
            kept.insert(f.start, f);
        }
    }
    kept.into_values().collect()
}

/// Words and marks that join the items of a list of contact details, or a detail and the one
/// it was changed to (`to`, `->`).
const CONTACT_JOINERS: &[&str] = &["and", "or", "/", ",", "&", ";", "to", "->"];

/// Whether `s` (trimmed of spaces) is one of [`CONTACT_JOINERS`].
fn is_contact_joiner(s: &str) -> bool {
    let s = s.trim_matches(' ');
    CONTACT_JOINERS.iter().any(|j| s.eq_ignore_ascii_case(j))
}

/// Whether `number` is written as a phone number ([`Validator::PhoneIn`]) with only digits,
/// spaces, `-` and `+`.
fn phone_shaped(number: &str) -> bool {
    number.bytes().any(|b| b.is_ascii_digit())
        && number.bytes().all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'+'))
        && Validator::PhoneIn.validate(number)
}

/// The span of a phone number after a list joiner that follows byte `end` of `cell`.
fn phone_after_joiner(cell: &str, end: usize) -> Option<(usize, usize)> {
    // A joiner is a few bytes: look no further (an ASCII digit or `+` is a char boundary).
    let bytes = &cell.as_bytes()[end..];
    let num_at = bytes.iter().take(9).position(|&b| b.is_ascii_digit() || b == b'+')?;
    let rest = &cell[end..];
    if !is_contact_joiner(&rest[..num_at]) {
        return None;
    }
    let tail = &rest[num_at..];
    let len = tail.find(|c: char| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '+'))).unwrap_or(tail.len());
    let number = tail[..len].trim_end_matches([' ', '-']);
    if tail[number.len()..].starts_with(|c: char| c.is_alphanumeric()) || !phone_shaped(number) {
        return None;
    }
    let start = end + num_at;
    Some((start, start + number.len()))
}

/// The span of a phone number before a list joiner that precedes byte `start` of `cell`.
fn phone_before_joiner(cell: &str, start: usize) -> Option<(usize, usize)> {
    let head = &cell[..start];
    let gap = head.as_bytes().iter().rev().take(9).position(u8::is_ascii_digit)?;
    let num_end = start - gap;
    if !is_contact_joiner(&head[num_end..]) {
        return None;
    }
    let body = &head[..num_end];
    // Only ASCII bytes are taken, so `from` is a char boundary.
    let from =
        body.len() - body.bytes().rev().take_while(|&b| b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'+')).count();
    let number = body[from..].trim_start_matches([' ', '-']);
    let num_start = num_end - number.len();
    if head[..num_start].ends_with(|c: char| c.is_alphanumeric()) || !phone_shaped(number) {
        return None;
    }
    Some((num_start, num_end))
}

/// The spans of a cell's findings, for asking whether a new span overlaps one of them in
/// logarithmic time: the findings (which may overlap one another) by start with the greatest
/// end so far, and the spans added since (which never overlap one another) by start.
struct Taken {
    by_start: Vec<(usize, usize)>,
    max_end: Vec<usize>,
    added: std::collections::BTreeMap<usize, usize>,
}

impl Taken {
    fn new(findings: &[Finding]) -> Taken {
        let mut by_start: Vec<(usize, usize)> = findings.iter().map(|f| (f.start, f.end)).collect();
        by_start.sort_unstable();
        let max_end = by_start
            .iter()
            .scan(0, |max, &(_, end)| {
                *max = end.max(*max);
                Some(*max)
            })
            .collect();
        Taken { by_start, max_end, added: std::collections::BTreeMap::new() }
    }

    /// Whether `[start, end)` overlaps no span: of those starting before `end`, none ends after
    /// `start`.
    fn free(&self, start: usize, end: usize) -> bool {
        let before = self.by_start.partition_point(|&(s, _)| s < end);
        (before == 0 || self.max_end[before - 1] <= start)
            && self.added.range(..end).next_back().is_none_or(|(_, &e)| e <= start)
    }

    /// Adds a span that [`Taken::free`] found free.
    fn add(&mut self, start: usize, end: usize) {
        self.added.insert(start, end);
    }
}

/// Whether `gap` is at most `n` characters long (counting no further than `n + 1`).
fn within_chars(gap: &str, n: usize) -> bool {
    gap.len() <= n || (gap.len() <= 4 * n && gap.chars().take(n + 1).count() <= n)
}

/// The patterns a cell's profile meets ([`Needs::met_by`]), as bit masks (bit `p` of word
/// `p / 64` for pattern `p`): per count (digits, letters, ...), a table from the cell's count to
/// the patterns that need no more, so a cell is gated by six lookups and ANDs instead of a
/// test per pattern (most cells of a register meet only a few of ~40 patterns).
#[derive(Debug, Clone, Default)]
struct NeedGate {
    /// Words per mask.
    words: usize,
    /// Per count, `(max need + 1) * words` masks: entry `v` holds the patterns needing <= `v`.
    counts: [Vec<u64>; 6],
    /// Per count, its table's last entry (the patterns of every need up to the largest).
    last: [usize; 6],
    /// Patterns that need no `@`, no `|`, no opening bracket.
    no_at: Vec<u64>,
    no_pipe: Vec<u64>,
    no_bracket: Vec<u64>,
}

impl NeedGate {
    fn new(needs: &[Needs]) -> NeedGate {
        let words = needs.len().div_ceil(64).max(1);
        let mask = |keep: &dyn Fn(&Needs) -> bool| -> Vec<u64> {
            let mut m = vec![0u64; words];
            for (p, n) in needs.iter().enumerate() {
                if keep(n) {
                    m[p / 64] |= 1 << (p % 64);
                }
            }
            m
        };
        let fields: [fn(&Needs) -> u32; 6] =
            [|n| n.digits, |n| n.letters, |n| n.upper, |n| n.lower, |n| n.cluster, |n| n.mixed];
        let max = fields.map(|field| needs.iter().map(field).max().unwrap_or(0));
        let table =
            |k: usize| -> Vec<u64> { (0..=max[k]).flat_map(|v| mask(&|n: &Needs| fields[k](n) <= v)).collect() };
        NeedGate {
            words,
            counts: [table(0), table(1), table(2), table(3), table(4), table(5)],
            last: max.map(|m| m as usize),
            no_at: mask(&|n: &Needs| !n.at),
            no_pipe: mask(&|n: &Needs| !n.pipe),
            no_bracket: mask(&|n: &Needs| !n.bracket),
        }
    }

    /// The patterns `cell` meets, in order.
    fn open(&self, cell: &Needs) -> Runnable<'_> {
        let rows = [cell.digits, cell.letters, cell.upper, cell.lower, cell.cluster, cell.mixed];
        let rows = std::array::from_fn(|k| (rows[k] as usize).min(self.last[k]) * self.words);
        let mut open =
            Runnable { gate: self, rows, at: cell.at, pipe: cell.pipe, bracket: cell.bracket, word: 0, bits: 0 };
        open.bits = open.mask(0);
        open
    }
}

/// An iterator over the patterns a cell meets (see [`NeedGate::open`]).
struct Runnable<'g> {
    gate: &'g NeedGate,
    /// Per count, the offset of the cell's entry in its table.
    rows: [usize; 6],
    at: bool,
    pipe: bool,
    bracket: bool,
    word: usize,
    /// The patterns of `word` not yet returned.
    bits: u64,
}

impl Runnable<'_> {
    #[inline]
    fn mask(&self, w: usize) -> u64 {
        let g = self.gate;
        let mut m = if self.at { u64::MAX } else { g.no_at[w] };
        if !self.pipe {
            m &= g.no_pipe[w];
        }
        if !self.bracket {
            m &= g.no_bracket[w];
        }
        for (table, row) in g.counts.iter().zip(self.rows) {
            m &= table[row + w];
        }
        m
    }
}

impl Iterator for Runnable<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            self.word += 1;
            if self.word >= self.gate.words {
                return None;
            }
            self.bits = self.mask(self.word);
        }
        let p = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(self.word * 64 + p)
    }
}

/// What every match of a pattern contains, at least: a cell short of it cannot match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Needs {
    digits: u32,
    /// ASCII letters of either case.
    letters: u32,
    /// Upper-case ASCII letters (`[A-Z]`), counted in `letters` too.
    upper: u32,
    /// Lower-case ASCII letters (`[a-z]`), counted in `letters` too.
    lower: u32,
    /// Digits in one cluster: a run of digits and joiners (spaces, `-./()+`) with nothing else
    /// between them. `98765 43210` is a cluster of 10; `AY 2023-24, ward 18` has one of 6.
    cluster: u32,
    /// Letters and digits in one word: the longest run of ASCII letters and digits that holds
    /// both. `GSTIN 05LGPFY1172R6ZL` has one of 15; `Plot 162, Civil Lines` none.
    mixed: u32,
    at: bool,
    pipe: bool,
    /// An opening bracket: `(`, `[` or `{` (`name(at)domain.com`).
    bracket: bool,
    /// Any byte outside ASCII (Indic context words), in a cell profile only.
    other: bool,
}

/// Bits of a byte's class for [`Needs::profile`].
const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const JOINER: u8 = 8;
const AT: u8 = 16;
const PIPE: u8 = 32;
const OTHER: u8 = 64;
const BRACKET: u8 = 128;

/// The class of every byte: ASCII digit, upper- or lower-case letter, cluster joiner, `@`,
/// `|`, an opening bracket, or a byte outside ASCII (`(` is a joiner and a bracket).
static BYTE_CLASS: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        classes[b] = match byte {
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'@' => AT,
            b'|' => PIPE,
            b'(' => JOINER | BRACKET,
            b'[' | b'{' => BRACKET,
            0x80.. => OTHER,
            _ if is_joiner(byte) => JOINER,
            _ => 0,
        };
        b += 1;
    }
    classes
};

/// Whether a byte may sit between the digits of one cluster.
const fn is_joiner(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'-' | b'.' | b'/' | b'(' | b')' | b'+')
}

/// How many counts [`BYTE_LANES`] packs into a `u64`, and the bits of each.
const LANES: usize = 7;
const LANE_BITS: usize = 9;
/// The most a lane holds.
const LANE_MAX: usize = (1 << LANE_BITS) - 1;

/// Every byte's counts for [`Needs::profile`], one lane each: ASCII digits, upper-case letters,
/// lower-case letters, `@`, `|`, bytes outside ASCII, opening brackets.
static BYTE_LANES: [u64; 256] = {
    let mut lanes = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let class = BYTE_CLASS[b];
        let lane = if class & DIGIT != 0 {
            Some(0)
        } else if class & UPPER != 0 {
            Some(1)
        } else if class & LOWER != 0 {
            Some(2)
        } else if class & AT != 0 {
            Some(3)
        } else if class & PIPE != 0 {
            Some(4)
        } else if class & OTHER != 0 {
            Some(5)
        } else if class & BRACKET != 0 {
            Some(6)
        } else {
            None
        };
        if let Some(k) = lane {
            lanes[b] = 1 << (LANE_BITS * k);
        }
        b += 1;
    }
    lanes
};

/// The longest cluster of digits (joined by [`is_joiner`] bytes) in `bytes`, and, when
/// `letters`, the longest run of a word of ASCII letters and digits that holds both (counted
/// from the word's start to where it has both, and on).
fn digit_runs(bytes: &[u8], letters: bool) -> (u32, u32) {
    let (mut cluster, mut run) = (0, 0);
    let (mut mixed, mut word, mut word_digit, mut word_letter) = (0, 0, false, false);
    for &b in bytes {
        let class = BYTE_CLASS[usize::from(b)];
        if class & DIGIT != 0 {
            run += 1;
            cluster = cluster.max(run);
        } else if class & JOINER == 0 {
            run = 0;
        }
        if letters {
            if class & (DIGIT | UPPER | LOWER) != 0 {
                word += 1;
                word_digit |= class & DIGIT != 0;
                word_letter |= class & (UPPER | LOWER) != 0;
                if word_digit && word_letter {
                    mixed = mixed.max(word);
                }
            } else {
                (word, word_digit, word_letter) = (0, false, false);
            }
        }
    }
    (cluster, mixed)
}

impl Needs {
    /// Derived from the pattern's syntax tree; a pattern that cannot be analysed needs nothing.
    fn of(pattern: &str) -> Needs {
        regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(true)
            .build()
            .parse(pattern)
            .map(|hir| {
                let (digits, words): (DigitRun, WordRun) = (run_of(&hir), run_of(&hir));
                Needs { cluster: digits.best, mixed: words.mixed, ..hir_needs(&hir) }
            })
            .unwrap_or_default()
    }

    /// What a cell holds: the counts in one pass of a table load and an add per byte
    /// ([`BYTE_LANES`]), and the runs of digits and of mixed words in a second pass only over a
    /// cell with digits (a name or a word holds none).
    fn profile(cell: &str) -> Needs {
        let bytes = cell.as_bytes();
        let mut lanes = [0u32; LANES];
        // Blocks short enough that no lane overflows.
        for block in bytes.chunks(LANE_MAX) {
            let sum = block.iter().fold(0u64, |sum, &b| sum + BYTE_LANES[usize::from(b)]);
            for (k, lane) in lanes.iter_mut().enumerate() {
                *lane += (sum >> (LANE_BITS * k)) as u32 & LANE_MAX as u32;
            }
        }
        let [digits, upper, lower, at, pipe, other, bracket] = lanes;
        let mut p = Needs {
            digits,
            upper,
            lower,
            letters: upper + lower,
            at: at > 0,
            pipe: pipe > 0,
            bracket: bracket > 0,
            other: other > 0,
            ..Needs::default()
        };
        if digits > 0 {
            // Clusters and mixed words hold a digit: only the words from the first digit's to
            // the last digit's are read (a remark's one amount, not its whole sentence).
            let is_digit = |b: &u8| b.is_ascii_digit();
            let first = bytes.iter().position(is_digit).unwrap_or(0);
            let last = bytes.iter().rposition(is_digit).unwrap_or(0);
            let alnum = |b: &u8| b.is_ascii_alphanumeric();
            let from = bytes[..first].iter().rposition(|b| !alnum(b)).map_or(0, |k| k + 1);
            let to = bytes[last..].iter().position(|b| !alnum(b)).map_or(bytes.len(), |k| last + k);
            (p.cluster, p.mixed) = digit_runs(&bytes[from..to], p.letters > 0);
        }
        p
    }

    #[cfg(test)]
    fn met_by(&self, cell: &Needs) -> bool {
        cell.digits >= self.digits
            && cell.letters >= self.letters
            && cell.upper >= self.upper
            && cell.lower >= self.lower
            && cell.cluster >= self.cluster
            && cell.mixed >= self.mixed
            && (cell.at || !self.at)
            && (cell.pipe || !self.pipe)
            && (cell.bracket || !self.bracket)
    }

    fn add(self, o: Needs) -> Needs {
        Needs {
            digits: self.digits + o.digits,
            letters: self.letters + o.letters,
            upper: self.upper + o.upper,
            lower: self.lower + o.lower,
            cluster: 0,
            mixed: 0,
            at: self.at || o.at,
            pipe: self.pipe || o.pipe,
            bracket: self.bracket || o.bracket,
            other: false,
        }
    }

    fn meet(self, o: Needs) -> Needs {
        Needs {
            digits: self.digits.min(o.digits),
            letters: self.letters.min(o.letters),
            upper: self.upper.min(o.upper),
            lower: self.lower.min(o.lower),
            cluster: 0,
            mixed: 0,
            at: self.at && o.at,
            pipe: self.pipe && o.pipe,
            bracket: self.bracket && o.bracket,
            other: false,
        }
    }

    fn times(self, n: u32) -> Needs {
        Needs {
            digits: self.digits * n,
            letters: self.letters * n,
            upper: self.upper * n,
            lower: self.lower * n,
            cluster: 0,
            mixed: 0,
            at: self.at && n > 0,
            pipe: self.pipe && n > 0,
            bracket: self.bracket && n > 0,
            other: false,
        }
    }
}

fn class_needs(ranges: impl Iterator<Item = (u32, u32)>) -> Needs {
    let (mut digit, mut upper, mut lower, mut letter) = (true, true, true, true);
    let mut all = Vec::new();
    for (a, b) in ranges {
        all.push((a, b));
        digit &= (0x30..=0x39).contains(&a) && (0x30..=0x39).contains(&b);
        upper &= (0x41..=0x5A).contains(&a) && (0x41..=0x5A).contains(&b);
        lower &= (0x61..=0x7A).contains(&a) && (0x61..=0x7A).contains(&b);
        letter &= (a..=b).all(|c| (0x41..=0x5A).contains(&c) || (0x61..=0x7A).contains(&c));
    }
    let only = |c: u32| all.iter().all(|&(a, b)| a == c && b == c);
    Needs {
        digits: digit as u32,
        letters: letter as u32,
        upper: upper as u32,
        lower: lower as u32,
        cluster: 0,
        mixed: 0,
        at: only(0x40),
        pipe: only(0x7C),
        bracket: !all.is_empty() && all.iter().all(|&(a, b)| (a..=b).all(|c| matches!(c, 0x28 | 0x5B | 0x7B))),
        other: false,
    }
}

fn hir_needs(hir: &Hir) -> Needs {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Needs::default(),
        HirKind::Literal(lit) => {
            lit.0.iter().fold(Needs::default(), |n, &b| n.add(class_needs(std::iter::once((b as u32, b as u32)))))
        }
        HirKind::Class(Class::Unicode(c)) => class_needs(c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32))),
        HirKind::Class(Class::Bytes(c)) => class_needs(c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32))),
        HirKind::Repetition(rep) => hir_needs(&rep.sub).times(rep.min),
        HirKind::Capture(cap) => hir_needs(&cap.sub),
        HirKind::Concat(subs) => subs.iter().fold(Needs::default(), |n, h| n.add(hir_needs(h))),
        HirKind::Alternation(subs) => subs.iter().map(hir_needs).reduce(Needs::meet).unwrap_or_default(),
    }
}

/// Lower bounds on the runs of some kind of character (digit clusters, words of letters and
/// digits) in every match of a pattern piece, combined up its syntax tree by [`run_of`].
trait RunBound: Copy {
    /// A piece that matches the empty string (it neither adds to a run nor breaks one).
    const EMPTY: Self;
    /// A piece that may break a run and guarantees nothing.
    const BREAK: Self;
    /// One character from a class of `(first, last)` code point ranges.
    fn class(ranges: &[(u32, u32)]) -> Self;
    /// Whether every match is made of run characters only.
    fn pure(self) -> bool;
    /// A match of `self` followed by a match of `next`.
    fn then(self, next: Self) -> Self;
    /// A match of either: what both guarantee.
    fn either(self, other: Self) -> Self;
    /// `n >= 1` matches of `self` in a row.
    fn repeat(self, n: u32) -> Self;
}

/// The bound `R` of a pattern's syntax tree.
fn run_of<R: RunBound>(hir: &Hir) -> R {
    let ranges = |r: &mut dyn Iterator<Item = (u32, u32)>| R::class(&r.collect::<Vec<_>>());
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => R::EMPTY,
        HirKind::Literal(lit) => lit.0.iter().fold(R::EMPTY, |r, &b| r.then(R::class(&[(b as u32, b as u32)]))),
        HirKind::Class(Class::Unicode(c)) => ranges(&mut c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32))),
        HirKind::Class(Class::Bytes(c)) => ranges(&mut c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32))),
        HirKind::Repetition(rep) => {
            let sub: R = run_of(&rep.sub);
            match rep.min {
                0 if sub.pure() => R::EMPTY,
                0 => R::BREAK,
                n => sub.repeat(n),
            }
        }
        HirKind::Capture(cap) => run_of(&cap.sub),
        HirKind::Concat(subs) => subs.iter().fold(R::EMPTY, |r, h| r.then(run_of(h))),
        HirKind::Alternation(subs) => subs.iter().map(run_of).reduce(R::either).unwrap_or(R::BREAK),
    }
}

/// Lower bounds on the digit clusters of every match of a pattern piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DigitRun {
    /// Every match is made of digits and joiners only.
    pure: bool,
    /// Digits in a match, when `pure`.
    total: u32,
    /// Digits in the cluster a match starts with.
    lead: u32,
    /// Digits in the cluster a match ends with.
    tail: u32,
    /// Digits in the largest cluster inside a match.
    best: u32,
}

impl DigitRun {
    /// One character from the range `a..=b`.
    fn chars(a: u32, b: u32) -> DigitRun {
        if (0x30..=0x39).contains(&a) && (0x30..=0x39).contains(&b) {
            DigitRun { pure: true, total: 1, lead: 1, tail: 1, best: 1 }
        } else if b < 0x80 && (a..=b).all(|c| is_joiner(c as u8)) {
            DigitRun::EMPTY
        } else {
            DigitRun::BREAK
        }
    }
}

impl RunBound for DigitRun {
    const EMPTY: DigitRun = DigitRun { pure: true, total: 0, lead: 0, tail: 0, best: 0 };
    const BREAK: DigitRun = DigitRun { pure: false, total: 0, lead: 0, tail: 0, best: 0 };

    fn class(ranges: &[(u32, u32)]) -> DigitRun {
        ranges.iter().map(|&(a, b)| DigitRun::chars(a, b)).reduce(DigitRun::either).unwrap_or(DigitRun::BREAK)
    }

    fn pure(self) -> bool {
        self.pure
    }

    fn then(self, next: DigitRun) -> DigitRun {
        DigitRun {
            pure: self.pure && next.pure,
            total: self.total + next.total,
            lead: if self.pure { self.total + next.lead } else { self.lead },
            tail: if next.pure { self.tail + next.total } else { next.tail },
            best: self.best.max(next.best).max(self.tail + next.lead),
        }
    }

    fn either(self, other: DigitRun) -> DigitRun {
        DigitRun {
            pure: self.pure && other.pure,
            total: self.total.min(other.total),
            lead: self.lead.min(other.lead),
            tail: self.tail.min(other.tail),
            best: self.best.min(other.best),
        }
    }

    fn repeat(self, n: u32) -> DigitRun {
        if self.pure {
            let total = self.total * n;
            DigitRun { pure: true, total, lead: total, tail: total, best: total }
        } else {
            DigitRun { best: if n >= 2 { self.best.max(self.tail + self.lead) } else { self.best }, ..self }
        }
    }
}

/// A run of ASCII letters and digits (a word with no space or punctuation in it): its length
/// and whether it surely holds a digit and a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    len: u32,
    digit: bool,
    letter: bool,
}

impl Word {
    const NONE: Word = Word { len: 0, digit: false, letter: false };

    fn join(self, next: Word) -> Word {
        Word { len: self.len + next.len, digit: self.digit || next.digit, letter: self.letter || next.letter }
    }

    /// What either of two words guarantees.
    fn meet(self, other: Word) -> Word {
        Word { len: self.len.min(other.len), digit: self.digit && other.digit, letter: self.letter && other.letter }
    }

    /// Its length if it surely holds both a digit and a letter.
    fn mixed(self) -> u32 {
        if self.digit && self.letter {
            self.len
        } else {
            0
        }
    }
}

/// Lower bounds on the words of ASCII letters and digits in every match of a pattern piece,
/// the way [`DigitRun`] bounds digit clusters: a PAN is one word of 10 with both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordRun {
    /// Every match is one word (letters and digits only).
    pure: bool,
    /// The whole match, when `pure`.
    total: Word,
    /// The word a match starts with.
    lead: Word,
    /// The word a match ends with.
    tail: Word,
    /// The length of the longest word with a digit and a letter inside every match.
    mixed: u32,
}

impl RunBound for WordRun {
    const EMPTY: WordRun = WordRun { pure: true, total: Word::NONE, lead: Word::NONE, tail: Word::NONE, mixed: 0 };
    const BREAK: WordRun = WordRun { pure: false, total: Word::NONE, lead: Word::NONE, tail: Word::NONE, mixed: 0 };

    /// Part of a word when every character of the class is an ASCII letter or digit.
    fn class(ranges: &[(u32, u32)]) -> WordRun {
        let all = |f: fn(u8) -> bool| ranges.iter().all(|&(a, b)| b < 0x80 && (a..=b).all(|c| f(c as u8)));
        if !all(|c| c.is_ascii_alphanumeric()) {
            return WordRun::BREAK;
        }
        let one = Word { len: 1, digit: all(|c| c.is_ascii_digit()), letter: all(|c| c.is_ascii_alphabetic()) };
        WordRun { pure: true, total: one, lead: one, tail: one, mixed: one.mixed() }
    }

    fn pure(self) -> bool {
        self.pure
    }

    fn then(self, next: WordRun) -> WordRun {
        WordRun {
            pure: self.pure && next.pure,
            total: self.total.join(next.total),
            lead: if self.pure { self.total.join(next.lead) } else { self.lead },
            tail: if next.pure { self.tail.join(next.total) } else { next.tail },
            mixed: self.mixed.max(next.mixed).max(self.tail.join(next.lead).mixed()),
        }
    }

    fn either(self, other: WordRun) -> WordRun {
        WordRun {
            pure: self.pure && other.pure,
            total: self.total.meet(other.total),
            lead: self.lead.meet(other.lead),
            tail: self.tail.meet(other.tail),
            mixed: self.mixed.min(other.mixed),
        }
    }

    fn repeat(self, n: u32) -> WordRun {
        if self.pure {
            let total = Word { len: self.total.len * n, ..self.total };
            WordRun { pure: true, total, lead: total, tail: total, mixed: total.mixed() }
        } else {
            WordRun {
                mixed: if n >= 2 { self.mixed.max(self.tail.join(self.lead).mixed()) } else { self.mixed },
                ..self
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parda_rules::load_rules;

    fn matcher() -> Matcher {
        Matcher::new(load_rules(&[]).unwrap()).unwrap()
    }

    fn found(m: &Matcher, text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        m.detect(text, &CellContext::default(), &mut out);
        out.iter().map(|f| (m.rule_set.types[f.type_idx].name.clone(), text[f.start..f.end].to_string())).collect()
    }

    #[test]
    fn a_role_word_before_a_persons_name_is_no_evidence_against_the_number_after_it() {
        let m = matcher();
        let mobile = |text: &str| found(&m, text).into_iter().any(|(ty, v)| ty == "mobile" && v.contains("76714"));
        // `consumer` speaks against a mobile (a consumer number), not when it names the person
        // whose number follows, written whole, with an initial or an honorific.
        for text in [
            "Meter burnt; consumer Ayush Kaur informed on 7671476949.",
            "consumer H. Patel informed on 07671476949",
            "Complaint Smt. Rekha Joshi 7671476949",
            "CONSUMER AYUSH KAUR INFORMED ON 7671476949",
            // Sent to it or received from it: how someone was reached.
            "Complaint received from 7671476949 about no water",
            "Bill amount Rs 450 sent to 7671476949",
            "Complaint No 1234 caller 7671476949",
            "Complaint lodged by owner (7671476949)",
            "शिकायत क्रमांक 12 from 7671476949",
        ] {
            assert!(mobile(text), "{text}");
        }
        // Still against it: the number right after the word, a locality named after a person,
        // an English word.
        for text in [
            "Consumer Number 7671476949 updated",
            "consumer Shanti Nagar 7671476949",
            "Receipt Book 7671476949",
            "consumer no 7671476949",
            "Complaint 7671476949 registered",
            "शिकायत क 7671476949",
            // A range of receipts.
            "Receipt 7012345678 to 7671476949",
            "Receipt Nos from 7671476949 to 7671476999",
        ] {
            assert!(!mobile(text), "{text}");
        }
    }

    /// The UUIDs of a cell as the first version found them: every place tried in turn.
    fn uuids_by_scan(b: &[u8]) -> Vec<(usize, usize)> {
        let mut uuids = Vec::new();
        let mut i = 0;
        while i + 36 <= b.len() {
            if (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                && is_uuid(&b[i..i + 36])
                && b.get(i + 36).is_none_or(|c| !c.is_ascii_alphanumeric())
            {
                uuids.push((i, i + 36));
                i += 36;
            } else {
                i += 1;
            }
        }
        uuids
    }

    /// The UUIDs [`drop_inside_uuids`] finds: one finding per byte of the cell, those left.
    fn uuids_dropping(cell: &str) -> Vec<usize> {
        let mut out: Vec<Finding> = (0..cell.len())
            .map(|k| Finding { start: k, end: k + 1, type_idx: 0, rule_idx: LEXICON_RULE, score: 1.0 })
            .collect();
        drop_inside_uuids(cell, &mut out);
        out.iter().map(|f| f.start).collect()
    }

    #[test]
    fn uuids_side_by_side_glued_and_at_the_ends() {
        let u = "f31fb799-f5c2-536a-6636-810769232746";
        for cell in [
            u.to_string(),
            format!("{u}-{u}"),
            format!("{u} {u}"),
            format!("x{u} {u}9"),
            "ref 12345678-1234-1234-1234-123456789012, ok".to_string(),
            format!("--------{u}"),
        ] {
            let kept = uuids_dropping(&cell);
            let inside = |k: &usize| uuids_by_scan(cell.as_bytes()).iter().any(|&(a, b)| a <= *k && *k < b);
            let expected: Vec<usize> = (0..cell.len()).filter(|k| !inside(k)).collect();
            assert_eq!(kept, expected, "{cell}");
        }
        assert!(uuids_dropping(u).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn uuids_found_by_dashes_as_by_a_scan(
            cell in "(f31fb799-f5c2-536a-6636-810769232746|12345678-1234-1234-1234-123456789012|f31fb799-f5c2|[0-9a-f]{1,4}|-|x| ){0,8}"
        ) {
            let kept = uuids_dropping(&cell);
            let found = uuids_by_scan(cell.as_bytes());
            let expected: Vec<usize> =
                (0..cell.len()).filter(|k| !found.iter().any(|&(a, b)| a <= *k && *k < b)).collect();
            proptest::prop_assert_eq!(kept, expected);
        }
    }

    /// Every built-in pattern found through a start list has a group (none scans the cell for
    /// want of one), and patterns share groups: fewer groups than such patterns.
    #[test]
    fn listed_patterns_share_start_groups() {
        let m = matcher();
        let listed: Vec<&AnchoredSearch> = m.anchored.iter().flatten().filter(|a| a.starts.is_some()).collect();
        assert!(listed.len() > 10, "{}", listed.len());
        assert!(listed.iter().all(|a| a.group.is_some()));
        let groups: std::collections::BTreeSet<usize> = listed.iter().filter_map(|a| a.group).collect();
        assert!(groups.len() < listed.len() / 2, "{} groups for {} patterns", groups.len(), listed.len());
    }

    /// A finding that holds a better-scored one whole is kept whole: the ABHA number, not the
    /// mobile its first ten digits read as; a UPI id around a mobile; a mobile beside an
    /// ABHA number stays a mobile.
    #[test]
    fn a_longer_finding_around_a_better_one_is_kept_whole() {
        let m = matcher();
        assert_eq!(found(&m, "ABHA 91-1234-5678-9012"), [("welfare_id".to_string(), "91-1234-5678-9012".to_string())]);
        assert_eq!(found(&m, "paid to 9876543210@ybl"), [("upi".to_string(), "9876543210@ybl".to_string())]);
        let both = found(&m, "ABHA 91-1234-5678-9012, mob 9876543210");
        assert_eq!(both.len(), 2, "{both:?}");
        assert_eq!(both[1], ("mobile".to_string(), "9876543210".to_string()));
    }

    #[test]
    fn pattern_needs_are_derived_from_syntax() {
        let needs = |digits, upper, lower, letters, cluster| Needs {
            digits,
            upper,
            lower,
            letters,
            cluster,
            ..Needs::default()
        };
        assert_eq!(Needs::of(r"[A-Z]{3}\d{7}"), Needs { mixed: 10, ..needs(7, 3, 0, 3, 7) });
        assert_eq!(Needs::of(r"(?:\+91|0)?[6-9]\d{9}"), needs(10, 0, 0, 0, 10));
        assert_eq!(Needs::of(r"[a-z]+@[a-z]+"), Needs { at: true, ..needs(0, 0, 2, 2, 0) });
        assert_eq!(Needs::of(r"(?i:jan|feb)\d"), Needs { mixed: 4, ..needs(1, 0, 0, 3, 1) });
        assert_eq!(Needs::of(r"\d{6}\|"), Needs { pipe: true, ..needs(6, 0, 0, 0, 6) });
        assert_eq!(Needs::of(r"[a-z]+\s?[\[\(\{](?i:at)"), Needs { bracket: true, ..needs(0, 0, 1, 3, 0) });
        assert!(!Needs::of(r"[a-z]+[\[\(\{<](?i:at)").bracket);
        assert!(!Needs::of(r"[a-z]+\(?at").bracket);
        // Joiners keep a cluster together; letters split it.
        assert_eq!(Needs::of(r"\d{4}[\s\-]?\d{4}[\s\-]?\d{4}").cluster, 12);
        assert_eq!(Needs::of(r"\(?0\d{2}\)?[\s\-]\d{6}").cluster, 9);
        assert_eq!(Needs::of(r"\d{2}[A-Z]{5}\d{4}[A-Z]").cluster, 4);
        assert_eq!(Needs::of(r"(?:\d{4}|\d{2}[A-Z]\d{3})x").cluster, 3);
        // A word of letters and digits: any separator splits it, both must be sure.
        assert_eq!(Needs::of(r"[A-Z]{3}[PCHF][A-Z]\d{4}[A-Z]").mixed, 10);
        assert_eq!(Needs::of(r"[A-Z]{4}0[A-Z0-9]{6}").mixed, 11);
        assert_eq!(Needs::of(r"[A-Z]{2}[\s\-]?\d{2}[\s\-]?\d{7}").mixed, 0);
        assert_eq!(Needs::of(r"[A-Z]{2}-\d{4}|[A-Z]{3}\d{7}").mixed, 0);
        assert_eq!(Needs::of(r"x(?:[A-Z]\d){2,}").mixed, 5);
        assert_eq!(Needs::of(r"[A-Z0-9]{8}").mixed, 0);
    }

    #[test]
    fn profiles_of_cells_longer_than_a_lane_holds() {
        let cell = format!(
            "{}9876543210{}@{}{}",
            "a".repeat(70_000),
            "B".repeat(65_535),
            "1".repeat(131_072),
            "[".repeat(1_000)
        );
        let p = Needs::profile(&cell);
        assert_eq!((p.lower, p.upper, p.digits, p.letters), (70_000, 65_535, 131_082, 135_535));
        // One word of letters and digits up to the `@`: mixed from its first letter.
        assert_eq!((p.cluster, p.mixed), (131_072, 135_545));
        assert!(p.at && p.bracket && !p.pipe && !p.other);
    }

    #[test]
    fn cell_profiles_count_clusters_and_cases() {
        let p = Needs::profile("Ph (0) 98765-43210, AY 2023-24");
        assert_eq!((p.digits, p.cluster, p.upper, p.lower), (17, 11, 3, 1));
        assert_eq!(Needs::profile("1,25,000").cluster, 3);
        assert_eq!(Needs::profile("GSTIN 05LGPFY1172R6ZL, H.No 12").mixed, 15);
        assert_eq!(Needs::profile("Plot 162, Civil Lines").mixed, 0);
        assert!(Needs::profile("ramesh(at)gmail.com").bracket);
        assert!(Needs::profile("x [at] y").bracket && Needs::profile("{AT}").bracket);
        assert!(!Needs::profile("ramesh) at ]gmail}").bracket);
    }

    proptest::proptest! {
        /// Overlaps are resolved as by comparing every pair (findings of two rules, one of
        /// them protected, nested, touching and crossing).
        #[test]
        fn overlaps_resolve_as_by_pairs(
            spans in proptest::collection::vec((0usize..60, 1usize..12, 0usize..3, 0u8..4), 0..80),
        ) {
            static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
            let m = MATCHER.get_or_init(|| Matcher::new(load_rules(&[]).unwrap()).unwrap());
            let protected = m.rules.iter().position(|r| r.protected).unwrap();
            let rules = [0, protected, LEXICON_RULE];
            let findings: Vec<Finding> = spans
                .iter()
                .map(|&(start, len, rule, score)| Finding {
                    start,
                    end: start + len,
                    type_idx: 0,
                    rule_idx: rules[rule],
                    score: 0.5 + f32::from(score) * 0.1,
                })
                .collect();
            let protected = |f: &Finding| m.rules.get(f.rule_idx).is_some_and(|r| r.protected);
            let mut findings = findings;
            findings.sort_by(|a, b| {
                let key = |f: &Finding| (protected(f), f.score, f.end - f.start);
                key(b).partial_cmp(&key(a)).unwrap_or(std::cmp::Ordering::Equal)
            });
            let (mut by_starts, mut by_pairs) = (findings.clone(), findings);
            let mut by_starts = keep_by_starts(&mut by_starts, protected);
            let mut by_pairs = keep_by_pairs(&mut by_pairs, protected);
            by_pairs.sort_by_key(|f| f.start);
            by_starts.sort_by_key(|f| f.start);
            proptest::prop_assert_eq!(by_starts, by_pairs);
        }
    }

    proptest::proptest! {
        /// `Taken` answers as a scan of every span does, with spans added as they are found free.
        #[test]
        fn taken_spans_answer_as_a_scan(
            findings in proptest::collection::vec((0usize..80, 1usize..15), 0..50),
            asked in proptest::collection::vec((0usize..90, 1usize..12), 0..50),
        ) {
            let findings: Vec<Finding> = findings
                .iter()
                .map(|&(start, len)| Finding { start, end: start + len, type_idx: 0, rule_idx: 0, score: 0.5 })
                .collect();
            let mut taken = Taken::new(&findings);
            let mut all: Vec<(usize, usize)> = findings.iter().map(|f| (f.start, f.end)).collect();
            for (start, len) in asked {
                let end = start + len;
                let free = !all.iter().any(|&(s, e)| s < end && start < e);
                proptest::prop_assert_eq!(taken.free(start, end), free);
                if free {
                    taken.add(start, end);
                    all.push((start, end));
                }
            }
        }
    }

    fn arb_needs() -> impl proptest::strategy::Strategy<Value = Needs> {
        use proptest::prelude::*;
        let flags = (proptest::bool::ANY, proptest::bool::ANY, proptest::bool::ANY);
        (0u32..14, 0u32..6, 0u32..4, 0u32..4, 0u32..13, 0u32..16, flags).prop_map(
            |(digits, letters, upper, lower, cluster, mixed, (at, pipe, bracket))| Needs {
                digits,
                letters: letters.max(upper + lower),
                upper,
                lower,
                cluster,
                mixed,
                at,
                pipe,
                bracket,
                other: false,
            },
        )
    }

    proptest::proptest! {
        /// The bit-mask gate opens exactly the patterns whose needs a cell meets, in order, for
        /// any number of patterns (more than one 64-bit word).
        #[test]
        fn the_gate_opens_the_patterns_a_cell_meets(
            needs in proptest::collection::vec(arb_needs(), 0..150),
            cell in arb_needs(),
        ) {
            let gate = NeedGate::new(&needs);
            let opened: Vec<usize> = gate.open(&cell).collect();
            let met: Vec<usize> = (0..needs.len()).filter(|&p| needs[p].met_by(&cell)).collect();
            proptest::prop_assert_eq!(opened, met);
        }
    }

    proptest::proptest! {
        /// The table-driven profile counts what a plain byte-by-byte reading counts.
        #[test]
        fn profiles_count_like_a_plain_reading(cell in "[0-9A-Za-z @|+()./,\\-रम९]{0,40}") {
            let mut p = Needs::default();
            let (mut run, mut word, mut word_digit, mut word_letter) = (0, 0, false, false);
            for b in cell.bytes() {
                if b.is_ascii_alphanumeric() {
                    word += 1;
                    word_digit |= b.is_ascii_digit();
                    word_letter |= !b.is_ascii_digit();
                    if word_digit && word_letter {
                        p.mixed = p.mixed.max(word);
                    }
                } else {
                    (word, word_digit, word_letter) = (0, false, false);
                }
                match b {
                    b'0'..=b'9' => {
                        p.digits += 1;
                        run += 1;
                        p.cluster = p.cluster.max(run);
                        continue;
                    }
                    b'A'..=b'Z' => p.upper += 1,
                    b'a'..=b'z' => p.lower += 1,
                    b'@' => p.at = true,
                    b'|' => p.pipe = true,
                    b'(' | b'[' | b'{' => p.bracket = true,
                    0x80.. => p.other = true,
                    _ => {}
                }
                if !is_joiner(b) {
                    run = 0;
                }
            }
            p.letters = p.upper + p.lower;
            proptest::prop_assert_eq!(Needs::profile(&cell), p);
        }

        /// The gate never skips a cell that a pattern matches: every string the built-in
        /// patterns match meets the needs derived from them.
        #[test]
        fn gates_never_skip_a_match(seed in proptest::collection::vec(proptest::num::u8::ANY, 0..64), pid in 0usize..64) {
            let rules = load_rules(&[]).unwrap();
            let pats: Vec<&str> = rules.rules.iter().flat_map(|r| r.patterns.iter().map(String::as_str)).collect();
            let pat = pats[pid % pats.len()];
            let re = Regex::builder().syntax(parda_rules::pattern_syntax()).build(&format!("^(?:{pat})$")).unwrap();
            let text = generate(pat, &seed);
            if re.is_match(text.as_str()) {
                proptest::prop_assert!(Needs::of(pat).met_by(&Needs::profile(&text)), "{pat} on {text:?}");
            }
        }
    }

    /// The same matcher with every pattern searched across the cell (no anchored search).
    fn unanchored(mut m: Matcher) -> Matcher {
        m.anchored.iter_mut().for_each(|a| *a = None);
        m
    }

    #[test]
    fn most_built_in_patterns_are_searched_anchored() {
        let m = matcher();
        let rules = &m.rule_set.rules;
        for (pid, a) in m.anchored.iter().enumerate() {
            let rule = &rules[m.pattern_rule[pid]];
            // Email and UPI have no boundary; every other built-in pattern starts with ASCII.
            assert_eq!(a.is_some(), rule.boundary != Boundary::None, "{}", rule.id);
        }
        let a = AnchoredSearch::new(r"(?:\+91|0)?[6-9]\d{9}", Boundary::Digit).unwrap();
        let first: Vec<u8> = (0..=255u8).filter(|&b| a.first[b as usize]).collect();
        assert_eq!(first, b"+06789");
        assert!(AnchoredSearch::new(r"\d*", Boundary::Digit).is_none(), "can match empty");
        assert!(AnchoredSearch::new(r"(?u:\w)\d", Boundary::Digit).is_none(), "can start outside ASCII");
    }

    #[test]
    fn a_cell_with_more_numbers_and_words_than_a_start_list_holds() {
        let m = matcher();
        let numbers: Vec<String> = (1..=60).map(|n| n.to_string()).collect();
        let words = "ward ".repeat(60);
        for text in [
            format!("{} mob 9876543210 PAN ABCPE1234F", numbers.join(" ")),
            format!("{words} mob 9876543210 PAN ABCPE1234F"),
        ] {
            assert_eq!(
                found(&m, &text),
                vec![("mobile".into(), "9876543210".into()), ("pan".into(), "ABCPE1234F".into())]
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// Searching anchored where a match may start finds exactly what searching the whole
        /// cell finds: cells made of pattern matches, digits, letters, separators and Indic
        /// text glued together in any order.
        #[test]
        fn anchored_search_finds_what_the_full_search_finds(
            pieces in proptest::collection::vec((0usize..12, proptest::collection::vec(proptest::num::u8::ANY, 1..24)), 1..8),
        ) {
            thread_local! {
                static BOTH: (Matcher, Matcher) = (matcher(), unanchored(matcher()));
            }
            BOTH.with(|(anchored, full)| {
                let rules = &anchored.rule_set.rules;
                let pats: Vec<&str> = rules.iter().flat_map(|r| r.patterns.iter().map(String::as_str)).collect();
                let mut cell = String::new();
                for (kind, seed) in &pieces {
                    let n = seed[0] as usize;
                    match kind {
                        0..=4 => cell.push_str(&generate(pats[n % pats.len()], seed)),
                        5 => cell.extend(seed.iter().map(|b| char::from(b'0' + b % 10))),
                        6 => cell.extend(seed.iter().map(|b| char::from(b'A' + b % 26))),
                        7 => cell.push_str(["mob ", "Aadhaar ", "DOB ", "ph:", "txn ", "ref "][n % 6]),
                        8 => cell.push_str(["मोबाइल ", "जन्म ", "रसीद "][n % 3]),
                        9 => cell.push_str(["-", " ", "/", "(", ")", "+", ".", ", "][n % 8]),
                        10 => cell.push_str(["९८७६", "०", "·"][n % 3]),
                        _ => cell.extend(seed.iter().map(|b| char::from(b'a' + b % 26))),
                    }
                }
                let both_contexts = [
                    CellContext::default(),
                    CellContext { names: true, suppress_digits: true, ..CellContext::default() },
                ];
                for ctx in both_contexts {
                    let (mut a, mut f) = (Vec::new(), Vec::new());
                    anchored.detect(&cell, &ctx, &mut a);
                    full.detect(&cell, &ctx, &mut f);
                    proptest::prop_assert_eq!(&a, &f, "{:?}", cell);
                }
                Ok(())
            })?;
        }
    }

    /// A string built from `pattern`'s syntax tree, choosing branches and repetition counts
    /// from `seed` (a small generator: the proptest regex strategy draws Unicode classes).
    fn generate(pattern: &str, seed: &[u8]) -> String {
        fn walk(h: &Hir, seed: &[u8], at: &mut usize, out: &mut String) {
            let mut pick = |n: usize| {
                let v = seed.get(*at % seed.len().max(1)).copied().unwrap_or(0) as usize;
                *at += 1;
                if n == 0 {
                    0
                } else {
                    v % n
                }
            };
            match h.kind() {
                HirKind::Empty | HirKind::Look(_) => {}
                HirKind::Literal(l) => out.push_str(std::str::from_utf8(&l.0).unwrap()),
                HirKind::Class(Class::Unicode(c)) => {
                    let r = &c.ranges()[pick(c.ranges().len())];
                    let span = (r.end() as u32 - r.start() as u32) as usize + 1;
                    out.push(char::from_u32(r.start() as u32 + pick(span) as u32).unwrap_or('x'));
                }
                HirKind::Class(Class::Bytes(c)) => {
                    let r = &c.ranges()[pick(c.ranges().len())];
                    out.push(char::from(r.start() + pick((r.end() - r.start()) as usize + 1) as u8));
                }
                HirKind::Repetition(rep) => {
                    let max = rep.max.unwrap_or(rep.min + 3).min(rep.min + 3);
                    let n = rep.min + pick((max - rep.min) as usize + 1) as u32;
                    for _ in 0..n {
                        walk(&rep.sub, seed, at, out);
                    }
                }
                HirKind::Capture(c) => walk(&c.sub, seed, at, out),
                HirKind::Concat(subs) => subs.iter().for_each(|s| walk(s, seed, at, out)),
                HirKind::Alternation(subs) => walk(&subs[pick(subs.len())], seed, at, out),
            }
        }
        let hir = regex_syntax::ParserBuilder::new().unicode(false).utf8(true).build().parse(pattern).unwrap();
        let mut out = String::new();
        walk(&hir, seed, &mut 0, &mut out);
        out
    }

    #[test]
    fn a_number_in_brackets_after_a_name_is_a_phone() {
        let m = matcher();
        let ctx = CellContext { names: true, ..CellContext::default() };
        let found = |text: &str| -> Vec<(String, String)> {
            let mut out = Vec::new();
            m.detect(text, &ctx, &mut out);
            out.iter()
                .map(|f| (m.rule_set.types[f.type_idx].name.clone(), text[f.start..f.end].to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("Girish Pal (1565497440) visited office"),
            vec![("name".into(), "Girish Pal".into()), ("landline".into(), "1565497440".into())]
        );
        assert_eq!(
            found("Sarthak Pau ( 01343997634 ) visited"),
            vec![("name".into(), "Sarthak Pau".into()), ("landline".into(), "01343997634".into())]
        );
        // A mobile stays a mobile; words, short numbers and years in the brackets are no phone.
        assert_eq!(
            found("Girish Pal (9876543210) visited"),
            vec![("name".into(), "Girish Pal".into()), ("mobile".into(), "9876543210".into())]
        );
        for text in ["Girish Pal (Emp 1565497440) visited", "Girish Pal (1962) visited", "Ward Office (1565497440)"] {
            assert!(found(text).iter().all(|(t, _)| t != "landline"), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_number_listed_with_a_contact_detail_is_a_phone() {
        let m = matcher();
        let types = |text: &str| -> Vec<(String, String)> {
            found(&m, text).into_iter().filter(|(t, _)| t == "landline").collect()
        };
        let landline = |v: &str| vec![("landline".to_string(), v.to_string())];
        assert_eq!(types("Reply sent to rameshchandani@example.com and 1603216248"), landline("1603216248"));
        assert_eq!(types("Reply sent to 03327743901 / umani@example.net"), landline("03327743901"));
        assert_eq!(types("contact 9876543210, 2224567890 (office)"), landline("2224567890"));
        assert_eq!(types("मोबाइल 2224567890 / a@example.com"), landline("2224567890"));
        // A number changed to another: the new one is near `consumer`, a word against a mobile.
        let text = "Kindly update mobile number from +91-9311300210 to 9946666229 for consumer Ishita Soni.";
        assert!(found(&m, text).iter().any(|(_, v)| v == "9946666229"), "{:?}", found(&m, text));
        assert_eq!(types("mobile changed 9311300210 -> 2224567890 as per request"), landline("2224567890"));
        // Not a list: a receipt after a word, an amount, a number glued to a word, a year.
        for text in [
            "sent to a@example.com, receipt 1603216248",
            "a@example.com and Rs 1603216248",
            "a@example.com and 1603216248A",
            "mail a@example.com and 2023",
            "receipts 1603216248 to 1603216299 issued",
        ] {
            assert!(types(text).is_empty(), "{text}: {:?}", types(text));
        }
    }

    #[test]
    fn exact_spans_in_free_text() {
        let m = matcher();
        assert_eq!(
            found(&m, "Owner mob 9876543210, aadhaar 2345 6789 0124, PAN ABCPE1234F"),
            vec![
                ("mobile".into(), "9876543210".into()),
                ("aadhaar".into(), "2345 6789 0124".into()),
                ("pan".into(), "ABCPE1234F".into())
            ]
        );
    }

    #[test]
    fn failed_candidate_does_not_hide_another() {
        let m = matcher();
        // 12 digits failing Verhoeff: not an Aadhaar, but +91 + mobile is still found.
        assert_eq!(found(&m, "call 919876543210"), vec![("mobile".into(), "919876543210".into())]);
    }

    #[test]
    fn decoys_survive() {
        let m = matcher();
        for text in [
            "Rs. 1,25,000",
            "523605.00",
            "2023-24",
            "Ward 7",
            "DOC_VERIFIER",
            "txn 234567890123",
            "Receipt No 9876543210",
            // UUIDs whose groups are all digits by chance: a card, a bank account.
            "f31fb799-f5c2-536a-6636-810769232746",
            "330b1ba6-bc49-0d76-8ef3-e466714601ac",
        ] {
            assert_eq!(found(&m, text), vec![], "{text}");
        }
        // Beside a UUID, a number is still found.
        assert_eq!(
            found(&m, "f31fb799-f5c2-536a-6636-810769232746 aadhaar 2345 6789 0124"),
            vec![("aadhaar".to_string(), "2345 6789 0124".to_string())]
        );
    }

    #[test]
    fn indic_digits_are_read_from_bytes_as_from_characters() {
        // Every code point around and inside the Indic blocks, alone and between others.
        for u in 0x0800..=0x0E80u32 {
            let Some(c) = char::from_u32(u) else { continue };
            for s in [c.to_string(), format!("a{c}क"), format!("{c}{c}")] {
                assert_eq!(has_indic_digit(&s), s.chars().any(|c| indic_digit(c).is_some()), "U+{u:04X}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn indic_digit_test_by_bytes_is_the_test_by_characters(s in "[a-z0-9 é€😀\u{0900}-\u{0DFF}\u{0E00}-\u{0E7F}]{0,12}") {
            proptest::prop_assert_eq!(has_indic_digit(&s), s.chars().any(|c| indic_digit(c).is_some()));
        }
    }

    #[test]
    fn indic_digits_are_found_and_mapped_back() {
        let m = matcher();
        assert_eq!(found(&m, "मोबाइल ९८७६५४३२१० पर संपर्क"), vec![("mobile".into(), "९८७६५४३२१०".into())]);
        assert_eq!(found(&m, "ফোন ৯৮৭৬৫৪৩২১০"), vec![("mobile".into(), "৯৮৭৬৫৪৩২১০".into())]);
        assert_eq!(indic_digit('०'), Some(0));
        assert_eq!(indic_digit('௯'), Some(9));
        assert_eq!(indic_digit('क'), None);
    }

    #[test]
    fn ciphertext_is_protected_and_wins() {
        let m = matcher();
        let f = found(&m, "489366|Akbz2PLPzq7xUj8yH0p39876543210=");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "protected");
    }
}
