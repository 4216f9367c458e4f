//! The cell engine: classification of columns into plans, then per cell detection and
//! transformation, with counters for the report.

use crate::keyed::Keyed;
use crate::mask::{mask_into, mask_value};
use crate::policy::{Action, Policy};
use parda_detect::{
    classify_column, is_amount, is_placeholder, is_total_label, looks_masked, trim, ClassSource, ColumnClass, Finding,
    HeaderHints, Matcher, ESCAPED_JSON_RULE,
};
use parda_rules::MaskStyle;
use rustc_hash::FxHashSet;

/// How the cells of a column are treated.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnMode {
    /// Never touched, no detection (the policy says so).
    Keep,
    /// Every non-placeholder cell is one PII value of this type and is transformed whole.
    Whole {
        /// The PII type.
        type_idx: usize,
        /// What is done to each cell.
        action: Action,
    },
    /// Span detection in each cell.
    Spans,
}

/// The plan for one column, fixed before streaming.
#[derive(Debug, Clone)]
pub struct ColumnPlan {
    /// The column's type has no validating rule (names, addresses): only its column says a
    /// cell is one.
    pub free_form: bool,
    /// The column's header as found.
    pub header: String,
    /// How it was classified.
    pub class: ColumnClass,
    /// What is done to its cells.
    pub mode: ColumnMode,
}

/// Counters for one column, merged across batches.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnStats {
    /// Values found per type index.
    pub found: Vec<u64>,
    /// Cells changed.
    pub changed: u64,
    /// Values left alone because they are already protected (masked or DIGIT-encrypted).
    pub protected: u64,
    /// Up to three masked samples (never a raw value).
    pub samples: Vec<String>,
}

impl ColumnStats {
    /// Adds `other` into `self`.
    pub fn merge(&mut self, other: &ColumnStats) {
        if self.found.len() < other.found.len() {
            self.found.resize(other.found.len(), 0);
        }
        for (a, b) in self.found.iter_mut().zip(&other.found) {
            *a += b;
        }
        self.changed += other.changed;
        self.protected += other.protected;
        for s in &other.samples {
            if self.samples.len() < MAX_SAMPLES && !self.samples.contains(s) {
                self.samples.push(s.clone());
            }
        }
    }

    /// Counts one value of a type.
    pub fn count(&mut self, type_idx: usize) {
        if type_idx == usize::MAX {
            return;
        }
        if self.found.len() <= type_idx {
            self.found.resize(type_idx + 1, 0);
        }
        self.found[type_idx] += 1;
    }

    fn sample(&mut self, masked: &str) {
        if self.samples.len() < MAX_SAMPLES {
            let s = sample_text(masked);
            if !self.samples.contains(&s) {
                self.samples.push(s);
            }
        }
    }

    /// Shows `written` where the sample of `masked` stands: a writer changed the replacement
    /// so that its output still loads (`****-**-**` written into a `DATE` column as
    /// `1900-01-01`), and the report shows what was written.
    pub fn resample(&mut self, masked: &str, written: &str) {
        // (Most replacements are no sample: looked up without building the sample's text.)
        let Some(k) = self.samples.iter().position(|s| is_sample_of(s, masked)) else { return };
        let to = sample_text(written);
        if self.samples.contains(&to) {
            self.samples.remove(k);
        } else {
            self.samples[k] = to;
        }
    }
}

/// A replacement as a sample of the report shows it: its first 40 characters, control
/// characters as spaces.
fn sample_text(masked: &str) -> String {
    sample_chars(masked).collect()
}

/// The characters of [`sample_text`].
fn sample_chars(masked: &str) -> impl Iterator<Item = char> + '_ {
    masked.chars().take(40).map(|c| if c.is_control() { ' ' } else { c })
}

/// Whether `sample` is [`sample_text`] of `masked`.
fn is_sample_of(sample: &str, masked: &str) -> bool {
    sample.chars().eq(sample_chars(masked))
}

const MAX_SAMPLES: usize = 3;

/// What happened to a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum CellOutcome {
    /// Written as it was.
    Unchanged,
    /// Written as this new value (its buffer may be handed back with [`Scratch::recycle`]
    /// once written).
    Changed(String),
}

/// A token written into a cell: where it sits in the new cell (bytes) and its type, so that
/// `unmask` can find it again exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSpan {
    /// Start byte in the new cell.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The PII type (`usize::MAX`: a column tokenized without a type).
    pub type_idx: usize,
}

/// Per-thread working memory of the engine, reused from cell to cell. One serves the cells of
/// one file (a chunk or batch of it): [`Engine::process_column_cell`] remembers its columns.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Detection results.
    pub findings: Vec<Finding>,
    /// The tokens written into the cell just processed.
    pub tokens: Vec<TokenSpan>,
    /// The person the current row is about (a keyed hash), for `shift`.
    pub subject: Option<u64>,
    /// Short values seen to hold no PII, per column.
    clean: Vec<CleanValues>,
    /// Emptied buffers for new cell values, handed back with [`Scratch::recycle`].
    buffers: Vec<String>,
}

/// How many emptied buffers a [`Scratch`] keeps (a record's changed cells), and the largest
/// it keeps (a long free-text cell's buffer is let go).
const KEPT_BUFFERS: usize = 64;
const KEPT_BUFFER_BYTES: usize = 4096;

impl Scratch {
    /// An empty buffer for a new cell value of about `bytes` bytes: a recycled one when there
    /// is one.
    fn buffer(&mut self, bytes: usize) -> String {
        let mut buffer = self.buffers.pop().unwrap_or_default();
        buffer.reserve(bytes);
        buffer
    }

    /// Hands back the value of a [`CellOutcome::Changed`] once it is written, so that the next
    /// changed cell reuses its memory instead of allocating.
    pub fn recycle(&mut self, mut value: String) {
        if self.buffers.len() < KEPT_BUFFERS && value.capacity() <= KEPT_BUFFER_BYTES {
            value.clear();
            self.buffers.push(value);
        }
    }
}

/// A column's short values seen to hold no PII.
#[derive(Debug, Default)]
struct CleanValues {
    seen: FxHashSet<Box<str>>,
    /// Cells found among them.
    hits: usize,
    /// Given up: the column's values hardly repeat (serial and receipt numbers).
    off: bool,
}

/// Values up to this long are remembered as holding no PII (wards, statuses, years, codes).
const CLEAN_MAX_BYTES: usize = 40;
/// How many such values a column remembers (per chunk or batch); once full, a column whose
/// values were found fewer times than this stops looking them up.
const CLEAN_PER_COLUMN: usize = 256;

/// Rules, header hints and policy, resolved once.
pub struct Engine {
    /// The compiled matcher.
    pub matcher: Matcher,
    /// Header hints.
    pub hints: HeaderHints,
    /// The policy.
    pub policy: Policy,
    /// The keyed transforms, when a key was given.
    pub keyed: Option<Keyed>,
}

impl Engine {
    /// Builds an engine.
    pub fn new(matcher: Matcher, policy: Policy) -> Engine {
        let hints = matcher.header_hints().clone();
        Engine { matcher, hints, policy, keyed: None }
    }

    /// The name of a type (`text` for a column transformed without one).
    pub fn type_name(&self, type_idx: usize) -> &str {
        self.matcher.rule_set.types.get(type_idx).map_or("text", |t| t.name.as_str())
    }

    /// The index of a type name (`usize::MAX` for `text`).
    pub fn type_index(&self, name: &str) -> Option<usize> {
        if name == "text" {
            return Some(usize::MAX);
        }
        self.matcher.rule_set.type_index(name)
    }

    /// Classifies a column from its header and sampled values and decides its mode.
    pub fn plan_column(&self, header: &str, samples: &[&str]) -> ColumnPlan {
        let mut class = classify_column(&self.matcher, &self.hints, header, samples);
        let rule = self.policy.column(header);
        if let Some(t) = rule.and_then(|r| r.type_idx) {
            class.pii_type = Some(t);
            class.source = ClassSource::Header;
            class.confidence = 1.0;
            class.suppress_digits = false;
        }
        let mode = match (rule.and_then(|r| r.action.clone()), class.pii_type) {
            (Some(Action::Keep), _) => ColumnMode::Keep,
            (Some(action), Some(t)) => ColumnMode::Whole { type_idx: t, action },
            (Some(action), None) => ColumnMode::Whole { type_idx: usize::MAX, action },
            (None, Some(t)) if self.matcher.is_protected_type(t) => ColumnMode::Spans,
            (None, Some(t)) => match &self.policy.type_actions[t] {
                Action::Keep => ColumnMode::Spans,
                action => ColumnMode::Whole { type_idx: t, action: action.clone() },
            },
            (None, None) => ColumnMode::Spans,
        };
        let free_form = match &mode {
            ColumnMode::Whole { type_idx, .. } => {
                let rules = &self.matcher.rule_set;
                *type_idx == usize::MAX || !rules.rules.iter().any(|r| rules.type_index(&r.pii_type) == Some(*type_idx))
            }
            _ => false,
        };
        ColumnPlan { header: header.to_string(), class, mode, free_form }
    }

    /// Re-plans, as bank account numbers, a column without a header (or with one that names
    /// only its position: `Field15`, `Unnamed: 14`) of 9-18 digit numbers right beside a column
    /// of IFSC codes (in a file without a header the `Account No` that named it is gone; a named
    /// column keeps what its name says). A column of nine digits mostly is not taken: the
    /// nine-digit MICR code sits there too. `samples_of(i)` gives column `i`'s sampled values.
    pub fn accounts_beside_ifsc<S: AsRef<str>>(&self, plans: &mut [ColumnPlan], samples_of: impl Fn(usize) -> Vec<S>) {
        let rules = &self.matcher.rule_set;
        let (Some(ifsc), Some(account)) = (rules.type_index("ifsc"), rules.type_index("bank_account")) else {
            return;
        };
        for i in 0..plans.len() {
            let plan = &plans[i];
            let beside = [i.checked_sub(1), i.checked_add(1)]
                .into_iter()
                .flatten()
                .any(|j| plans.get(j).is_some_and(|p| p.class.pii_type == Some(ifsc)));
            if !beside || plan.class.pii_type.is_some() || !parda_detect::is_positional_header(&plan.header) {
                continue;
            }
            let samples = samples_of(i);
            let values: Vec<&str> =
                samples.iter().map(|v| v.as_ref().trim()).filter(|v| !v.is_empty() && !is_placeholder(v)).collect();
            let digits_only = |v: &&&str| v.bytes().all(|b| b.is_ascii_digit());
            let accounts = values.iter().filter(|v| (9..=18).contains(&v.len()) && digits_only(v)).count();
            let nine = values.iter().filter(|v| v.len() == 9 && digits_only(v)).count();
            if values.len() < 3 || accounts * 10 < values.len() * 9 || nine * 2 >= values.len() {
                continue;
            }
            let mut replanned = self.plan_column("bank account no", &values);
            if replanned.class.pii_type == Some(account) {
                replanned.header = plan.header.clone();
                plans[i] = replanned;
            }
        }
    }

    /// The same column with span detection only (for cells whose column is uncertain).
    pub fn spans_only(&self, plan: &ColumnPlan) -> ColumnPlan {
        ColumnPlan { mode: ColumnMode::Spans, free_form: false, ..plan.clone() }
    }

    /// Whether a would-be header row is really data: a cell validates wholly as an identifier,
    /// or a cell reads as a person's name and is no known header ("Ramesh Kumar" in the first
    /// row of a file without a header) while fewer than three cells are headers the hints know.
    /// Three known headers make the row a header whatever one word of it looks like (`अनु.
    /// क्र.`, serial number abbreviated, reads as the name `Anu` and an initial).
    pub fn header_row_is_data<'a>(&self, cells: impl IntoIterator<Item = &'a str>, scratch: &mut Vec<Finding>) -> bool {
        let (mut names, mut known) = (0, 0);
        for cell in cells {
            let cell = cell.trim();
            self.matcher.detect(cell, &Default::default(), scratch);
            let identifier = scratch
                .iter()
                .any(|f| (f.end - f.start) * 10 >= cell.len() * 9 && !self.matcher.is_protected_type(f.type_idx));
            if identifier {
                return true;
            }
            if self.hints.classify(cell).is_some() {
                known += 1;
                continue;
            }
            // A database column's name (`abha_no`, `nm`) is no person's name, whatever its words.
            let column_name = cell.contains('_') || cell.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
            if !column_name && self.matcher.names.is_name_cell(cell) {
                names += 1;
            }
        }
        names > 0 && known < 3
    }

    /// The plan for cells outside any column (title lines, fields past the header): spans only.
    pub fn free_text_plan(&self) -> ColumnPlan {
        self.plan_column("", &[])
    }

    /// The plan for header cells: identifiers only (a header row that is really data is caught
    /// before; header words such as `Owner Mobile` are not names).
    pub fn header_plan(&self) -> ColumnPlan {
        let mut plan = self.plan_column("", &[]);
        plan.class.names = false;
        plan
    }

    /// A label for a column's action, for reports.
    pub fn action_label(&self, plan: &ColumnPlan) -> String {
        match &plan.mode {
            ColumnMode::Keep => "keep".into(),
            ColumnMode::Spans => "detect spans".into(),
            ColumnMode::Whole { action: Action::Keep, .. } => "keep".into(),
            ColumnMode::Whole { action: Action::Mask(s), .. } => format!("mask {}", style_name(*s)),
            ColumnMode::Whole { action: Action::Redact(l), .. } => format!("redact {l}"),
            ColumnMode::Whole { action: Action::Generalize(g), .. } => format!("generalize to {}", g.name()),
            ColumnMode::Whole { action, .. } => format!("{action:?}").to_lowercase(),
        }
    }

    /// Detects and transforms one cell.
    pub fn process_cell(
        &self,
        cell: &str,
        plan: &ColumnPlan,
        stats: &mut ColumnStats,
        scratch: &mut Scratch,
    ) -> CellOutcome {
        scratch.tokens.clear();
        match &plan.mode {
            ColumnMode::Keep => CellOutcome::Unchanged,
            ColumnMode::Whole { type_idx, action } => self.whole_cell(cell, plan, *type_idx, action, stats, scratch),
            ColumnMode::Spans => self.spans(cell, plan, stats, scratch),
        }
    }

    /// [`Engine::process_cell`] for a cell of data column `column` (numbered by the caller, one
    /// plan per number for the life of `scratch`): a short value already seen in the column
    /// holding no PII is not searched again (a ward, a status, a year repeat down a register;
    /// detection depends on nothing but the value and the column's plan).
    pub fn process_column_cell(
        &self,
        column: usize,
        cell: &str,
        plan: &ColumnPlan,
        stats: &mut ColumnStats,
        scratch: &mut Scratch,
    ) -> CellOutcome {
        let memo = plan.mode == ColumnMode::Spans && cell.len() <= CLEAN_MAX_BYTES;
        if !memo || scratch.clean.get(column).is_some_and(|c| c.off) {
            return self.process_cell(cell, plan, stats, scratch);
        }
        if scratch.clean.len() <= column {
            scratch.clean.resize_with(column + 1, CleanValues::default);
        }
        let clean = &mut scratch.clean[column];
        if clean.seen.contains(cell) {
            clean.hits += 1;
            scratch.tokens.clear();
            return CellOutcome::Unchanged;
        }
        scratch.findings.clear();
        let outcome = self.process_cell(cell, plan, stats, scratch);
        // No finding at all (not even an already protected value, which is counted).
        if outcome == CellOutcome::Unchanged && scratch.findings.is_empty() {
            let clean = &mut scratch.clean[column];
            if clean.seen.len() < CLEAN_PER_COLUMN {
                clean.seen.insert(cell.into());
            } else if clean.hits < CLEAN_PER_COLUMN {
                *clean = CleanValues { off: true, ..CleanValues::default() };
            }
        }
        outcome
    }

    fn is_protected(&self, core: &str, plan: &ColumnPlan, scratch: &mut Vec<Finding>) -> bool {
        // Only masked-looking values and values that may be DIGIT ciphertext (`id|base64`) can
        // be protected; detection then confirms that no identifier is visible in them. Most
        // values hold none of the characters either needs: one pass over the bytes says so.
        if !has_pipe_or_mask_byte(core.as_bytes()) {
            return false;
        }
        if !core.contains('|') && !looks_masked(core) {
            return false;
        }
        self.matcher.detect(core, &plan.class.cell_context(), scratch);
        let visible_pii = scratch.iter().any(|f| !self.matcher.is_protected_type(f.type_idx));
        let encrypted = scratch.iter().any(|f| self.matcher.is_protected_type(f.type_idx));
        !visible_pii && (encrypted || looks_masked(core))
    }

    fn whole_cell(
        &self,
        cell: &str,
        plan: &ColumnPlan,
        type_idx: usize,
        action: &Action,
        stats: &mut ColumnStats,
        scratch: &mut Scratch,
    ) -> CellOutcome {
        let core = trim(cell);
        // A totals row's label under a name or address column (`Total`, `कुल / Total`).
        if is_placeholder(core) || (plan.free_form && is_total_label(core)) {
            return CellOutcome::Unchanged;
        }
        if self.is_protected(core, plan, &mut scratch.findings) {
            stats.protected += 1;
            return CellOutcome::Unchanged;
        }
        if type_idx != usize::MAX {
            stats.count(type_idx);
        }
        // The new cell: the spaces around the value kept, the value transformed.
        let lead = if core.len() == cell.len() { "" } else { &cell[..cell.len() - cell.trim_start().len()] };
        let trail = &cell[lead.len() + core.len()..];
        // A value without a digit in a column of a type that always has one (a name under
        // `Name & Mobile`) is not of that type: a mask that keeps its last characters would show
        // part of whatever it is (`******Khan`), so it is masked whole.
        let whole_mask = Action::Mask(MaskStyle::All);
        let action = match action {
            Action::Mask(style)
                if !matches!(style, MaskStyle::All | MaskStyle::None)
                    && self.matcher.type_needs_digit(type_idx)
                    && !core.chars().any(char::is_numeric) =>
            {
                &whole_mask
            }
            other => other,
        };
        let mut new = scratch.buffer(cell.len() + 8);
        new.push_str(lead);
        match self.apply_into(action, core, type_idx, scratch.subject, &mut new) {
            Some(token) => {
                let end = new.len();
                stats.changed += 1;
                stats.sample(if token { "<token>" } else { &new[lead.len()..] });
                if token {
                    scratch.tokens.push(TokenSpan { start: lead.len(), end, type_idx });
                }
                new.push_str(trail);
                CellOutcome::Changed(new)
            }
            None => {
                scratch.recycle(new);
                CellOutcome::Unchanged
            }
        }
    }

    fn spans(&self, cell: &str, plan: &ColumnPlan, stats: &mut ColumnStats, scratch: &mut Scratch) -> CellOutcome {
        if plan.class.amount_like && is_amount(cell) {
            return CellOutcome::Unchanged;
        }
        self.matcher.detect(cell, &plan.class.cell_context(), &mut scratch.findings);
        if scratch.findings.is_empty() {
            return CellOutcome::Unchanged;
        }
        let mut out = scratch.buffer(cell.len() + 16);
        let mut last = 0;
        for f in scratch.findings.iter() {
            if self.matcher.is_protected_type(f.type_idx) {
                stats.protected += 1;
                continue;
            }
            stats.count(f.type_idx);
            let label;
            let action = match &self.policy.type_actions[f.type_idx] {
                // An emptied identifier (archive) leaves its type's label in free text.
                Action::Redact(l) if l.is_empty() => {
                    label = Action::Redact(format!("<{}>", self.matcher.rule_set.types[f.type_idx].label));
                    &label
                }
                a => a,
            };
            let before = out.len();
            out.push_str(&cell[last..f.start]);
            if f.rule_idx == ESCAPED_JSON_RULE {
                if self.apply_escaped_json(action, &cell[f.start..f.end], f.type_idx, scratch.subject, &mut out, stats)
                {
                    last = f.end;
                } else {
                    out.truncate(before);
                }
                continue;
            }
            // A number of JSON text (`"mobile": 9876543210`) is written back as a string, so
            // the masked text (`"******3210"`) is still JSON and a jsonb column still loads.
            let quoted = json_number_at(cell, f.start, f.end);
            if quoted {
                out.push('"');
            }
            let start = out.len();
            match self.apply_into(action, &cell[f.start..f.end], f.type_idx, scratch.subject, &mut out) {
                Some(token) => {
                    stats.sample(if token { "<token>" } else { &out[start..] });
                    if token {
                        scratch.tokens.push(TokenSpan { start, end: out.len(), type_idx: f.type_idx });
                    }
                    if quoted {
                        out.push('"');
                    }
                    last = f.end;
                }
                // Left as it is: the text before it is copied with the next change.
                None => out.truncate(before),
            }
        }
        if last == 0 {
            scratch.recycle(out);
            return CellOutcome::Unchanged;
        }
        out.push_str(&cell[last..]);
        stats.changed += 1;
        CellOutcome::Changed(out)
    }

    /// Applies an action to a JSON string value with escapes (`"Sunita \"Devi\""`,
    /// `"\u0930\u093e\u092e"`, as Python's `json.dumps` writes Hindi): the decoded text is
    /// transformed and encoded back in the style it came in (non-ASCII escaped again when it was),
    /// so the cell stays JSON. Appends to `out`; whether the value changed. A token written with
    /// escapes gets no locator (`unmask` reads tokens as written).
    fn apply_escaped_json(
        &self,
        action: &Action,
        raw: &str,
        type_idx: usize,
        subject: Option<u64>,
        out: &mut String,
        stats: &mut ColumnStats,
    ) -> bool {
        let Some(text) = parda_detect::decode_json_string(raw) else {
            return false;
        };
        let mut new = String::new();
        let Some(token) = self.apply_into(action, &text, type_idx, subject, &mut new) else {
            return false;
        };
        stats.sample(if token { "<token>" } else { &new });
        let ascii = raw.contains("\\u") && raw.is_ascii();
        parda_detect::encode_json_string(&new, ascii, out);
        true
    }

    /// Applies an action to a value: the new value and whether it is a token, or `None` when
    /// the value stays as it is. A mask that would leave a value readable (DIGIT's email
    /// pattern on a value without `@`, last-4 on a 4-character value) falls back to masking
    /// every letter and digit; so does a keyed transform that cannot read the value (a
    /// "date" that is no date) or that has no key (never silently passed through).
    ///
    /// The new value is appended to `out`: `Some(token)` when it was, and `None` (with `out`
    /// as it was) when the value stays.
    fn apply_into(
        &self,
        action: &Action,
        value: &str,
        type_idx: usize,
        subject: Option<u64>,
        out: &mut String,
    ) -> Option<bool> {
        let start = out.len();
        let keyed = self.keyed.as_ref();
        let ty = || self.type_name(type_idx);
        // A keyed transform's value, appended when there is one.
        let append = |out: &mut String, new: Option<String>| new.map(|n| out.push_str(&n)).is_some();
        let produced = match action {
            Action::Keep => return None,
            Action::Redact(label) => {
                out.push_str(label);
                true
            }
            Action::Mask(style) => {
                mask_into(value, *style, self.policy.mask, out);
                true
            }
            Action::Tokenize => append(out, keyed.and_then(|k| k.tokenize(ty(), value))),
            Action::Hash => append(out, keyed.map(|k| k.hash(ty(), value))),
            Action::Fake => append(out, keyed.and_then(|k| k.fake(ty(), value))),
            Action::Shift => append(out, keyed.and_then(|k| k.shift(value, subject))),
            Action::Generalize(g) => append(out, g.apply(value)),
        };
        if produced && !same_text(&out[start..], value) {
            return Some(matches!(action, Action::Tokenize));
        }
        out.truncate(start);
        mask_into(value, MaskStyle::All, self.policy.mask, out);
        if !same_text(&out[start..], value) {
            return Some(false);
        }
        out.truncate(start);
        None
    }

    /// The column that says which person a row is about, for `shift`: the first transformed
    /// whole column of Aadhaar, PAN, mobile, email or name, in that order. `None` when the
    /// policy shifts no dates.
    pub fn subject_column(&self, plans: &[ColumnPlan]) -> Option<(usize, usize)> {
        let shifts = self.policy.type_actions.contains(&Action::Shift)
            || self.policy.columns.values().any(|c| c.action == Some(Action::Shift));
        if !shifts {
            return None;
        }
        ["aadhaar", "pan", "mobile", "email", "name"].iter().find_map(|ty| {
            let t = self.matcher.rule_set.type_index(ty)?;
            plans
                .iter()
                .position(|p| matches!(p.mode, ColumnMode::Whole { type_idx, .. } if type_idx == t))
                .map(|c| (c, t))
        })
    }

    /// The person key of a row (for `shift`) from the value of its identifying cell.
    pub fn subject_of(&self, type_idx: usize, value: &str) -> Option<u64> {
        let value = value.trim();
        if value.is_empty() || is_placeholder(value) {
            return None;
        }
        self.keyed.as_ref().map(|k| k.subject(self.type_name(type_idx), value))
    }

    /// Reverses the tokens of a cell found at `spans` (from the mask run's locators): each span
    /// is shown as `visibility` says (the value, its mask, or the token left as it is).
    /// `Err` names the first span that is no token under this key.
    pub fn unmask_cell(
        &self,
        cell: &str,
        spans: &[TokenSpan],
        visibility: &dyn Fn(usize) -> crate::Visibility,
    ) -> Result<String, String> {
        let keyed = self.keyed.as_ref().ok_or("no key")?;
        let mut out = String::with_capacity(cell.len());
        let mut last = 0;
        for s in spans {
            let token = cell.get(s.start..s.end).filter(|_| s.start >= last).ok_or("token outside the cell")?;
            let ty = self.type_name(s.type_idx);
            let value = keyed.detokenize(ty, token).ok_or_else(|| format!("not a {ty} token"))?;
            out.push_str(&cell[last..s.start]);
            match visibility(s.type_idx) {
                crate::Visibility::Plain => out.push_str(&value),
                crate::Visibility::Masked => {
                    let style = self.matcher.rule_set.types.get(s.type_idx).map_or(MaskStyle::All, |t| t.mask);
                    let mut m = mask_value(&value, style, self.policy.mask);
                    if m == value {
                        m = mask_value(&value, MaskStyle::All, self.policy.mask);
                    }
                    out.push_str(&m);
                }
                crate::Visibility::None => out.push_str(token),
            }
            last = s.end;
        }
        out.push_str(&cell[last..]);
        Ok(out)
    }

    /// Counts recognisable PII left in a cell (for `verify`): masked forms do not count, nor
    /// types the policy keeps.
    pub fn remaining_pii(&self, cell: &str, plan: &ColumnPlan, scratch: &mut Scratch) -> Vec<usize> {
        let scratch = &mut scratch.findings;
        match &plan.mode {
            ColumnMode::Keep => Vec::new(),
            ColumnMode::Whole { type_idx, action } if plan.free_form => {
                // Names and addresses have no validator: what is not masked is still PII.
                let core = cell.trim();
                let masked =
                    core.contains(self.policy.mask.mask_char) || matches!(action, Action::Redact(l) if l == core);
                if is_placeholder(core)
                    || is_total_label(core)
                    || masked
                    || *action == Action::Keep
                    || self.is_protected(core, plan, scratch)
                {
                    Vec::new()
                } else {
                    vec![*type_idx]
                }
            }
            // Identifiers: what their validators still recognise (a masked BIGINT mobile,
            // 0000003210, is no longer a mobile).
            ColumnMode::Whole { .. } => self.recognised(cell, plan, scratch),
            ColumnMode::Spans if plan.class.amount_like && is_amount(cell) => Vec::new(),
            ColumnMode::Spans => self.recognised(cell, plan, scratch),
        }
    }

    /// The types detection still finds in a cell, leaving out protected values and types the
    /// policy keeps.
    fn recognised(&self, cell: &str, plan: &ColumnPlan, scratch: &mut Vec<Finding>) -> Vec<usize> {
        self.matcher.detect(cell, &plan.class.cell_context(), scratch);
        scratch
            .iter()
            .filter(|f| {
                !self.matcher.is_protected_type(f.type_idx) && self.policy.type_actions[f.type_idx] != Action::Keep
            })
            .map(|f| f.type_idx)
            .collect()
    }
}

/// The DIGIT pattern id or name of a mask style.
pub fn style_name(s: MaskStyle) -> &'static str {
    match s {
        MaskStyle::P001 => "001",
        MaskStyle::P002 => "002",
        MaskStyle::P003 => "003",
        MaskStyle::P004 => "004",
        MaskStyle::P005 => "005",
        MaskStyle::P006 => "006",
        MaskStyle::P007 => "007",
        MaskStyle::P008 => "008",
        MaskStyle::All => "all",
        MaskStyle::None => "none",
    }
}

/// `a == b`, read from the front and stopping at the first difference: a transformed value
/// differs from its original within its first few bytes (`98765…` -> `*****…`), which is
/// cheaper to learn inline than through a call to `memcmp` for every changed cell.
fn same_text(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// Whether `bytes` holds `|`, `*`, `X` or `x`, read eight bytes at a time: a word holds a byte
/// `c` when `word ^ (c in every byte)` has a zero byte, which `(v - 0x01..) & !v & 0x80..`
/// shows (exactly, as a yes or no). `X` and `x` are one test on the word with bit 5 set in every
/// byte (no other byte becomes `x` so). A third of the instructions of a byte loop on an address.
fn has_pipe_or_mask_byte(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let has_zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    let holds = |w: u64| {
        has_zero_byte(w ^ (ONES * u64::from(b'|')))
            | has_zero_byte(w ^ (ONES * u64::from(b'*')))
            | has_zero_byte((w | (ONES * 0x20)) ^ (ONES * u64::from(b'x')))
    };
    let mut words = bytes.chunks_exact(8);
    if words.by_ref().any(|w| holds(u64::from_le_bytes(w.try_into().expect("eight bytes")))) {
        return true;
    }
    words.remainder().iter().any(|&b| matches!(b, b'|' | b'*' | b'X' | b'x'))
}

/// Whether `cell[start..end]` is a bare number of JSON text: digits, after `:`, `[` or `,` and
/// before `,`, `}` or `]` (spaces allowed), in a cell that opens with `{` or `[`.
fn json_number_at(cell: &str, start: usize, end: usize) -> bool {
    let b = cell.as_bytes();
    let json = matches!(cell.trim_ascii_start().as_bytes().first(), Some(b'{' | b'['));
    let digits = start < end && b[start..end].iter().all(u8::is_ascii_digit);
    let before = b[..start].iter().rev().find(|c| !c.is_ascii_whitespace());
    let after = b[end..].iter().find(|c| !c.is_ascii_whitespace());
    json && digits && matches!(before, Some(b':' | b'[' | b',')) && matches!(after, Some(b',' | b'}' | b']'))
}

/// The engine of the built-in rules and the default policy, for tests.
#[cfg(test)]
pub(crate) fn default_engine() -> Engine {
    let rules = parda_rules::load_rules(&[]).unwrap();
    let policy = Policy::default_for(&rules);
    Engine::new(Matcher::new(rules).unwrap(), policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_word_wise_byte_test_is_the_byte_loop(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            let expected = bytes.iter().any(|&b| matches!(b, b'|' | b'*' | b'X' | b'x'));
            proptest::prop_assert_eq!(has_pipe_or_mask_byte(&bytes), expected);
        }
    }

    #[test]
    fn the_word_wise_byte_test_finds_each_byte_at_each_place() {
        for len in 1..20 {
            for at in 0..len {
                for b in [b'|', b'*', b'X', b'x'] {
                    let mut v = vec![b'a'; len];
                    v[at] = b;
                    assert!(has_pipe_or_mask_byte(&v), "{len} {at} {}", b as char);
                }
                // Neighbours of the four bytes, and bytes that become them under a carry.
                for b in [b'{', b'}', b')', b'+', b'W', b'Y', b'w', b'y', 0x78 ^ 0x80, 0xD8, 0xFC, 0x00] {
                    let mut v = vec![b'a'; len];
                    v[at] = b;
                    assert!(!has_pipe_or_mask_byte(&v), "{len} {at} {b:#x}");
                }
            }
        }
    }

    fn engine() -> Engine {
        default_engine()
    }

    /// Beside IFSC codes, a headerless column of 10-18 digits is of bank accounts; nine-digit
    /// MICR codes and a named column are left as they were planned.
    #[test]
    fn accounts_beside_ifsc_codes() {
        let e = engine();
        let columns: [(&str, [&str; 4]); 4] = [
            ("", ["30214587763", "50100234567812", "402100150", "620104567890"]),
            ("", ["SBIN0004512", "HDFC0001234", "PUNB0402100", "ICIC0006201"]),
            ("", ["110002045", "110240011", "110024005", "600229012"]),
            ("Consumer No", ["30214587763", "50100234567812", "4021001500012345", "620104567890"]),
        ];
        let mut plans: Vec<ColumnPlan> = columns.iter().map(|(h, v)| e.plan_column(h, v)).collect();
        // The last column sits beside an IFSC column too (in this test's order it follows MICR:
        // move it there).
        plans.swap(2, 3);
        let samples = |i: usize| match i {
            2 => columns[3].1.to_vec(),
            3 => columns[2].1.to_vec(),
            i => columns[i].1.to_vec(),
        };
        e.accounts_beside_ifsc(&mut plans, samples);
        let ty = |p: &ColumnPlan| p.class.pii_type.map(|t| e.matcher.rule_set.types[t].name.clone());
        assert_eq!(ty(&plans[0]).as_deref(), Some("bank_account"));
        assert_eq!(plans[0].header, "");
        assert_eq!(ty(&plans[1]).as_deref(), Some("ifsc"));
        assert_ne!(ty(&plans[2]).as_deref(), Some("bank_account"), "a named column");
        let micr = e.plan_column("", &columns[2].1);
        let mut plans = vec![e.plan_column("", &columns[1].1), micr];
        e.accounts_beside_ifsc(&mut plans, |i| columns[i + 1].1.to_vec());
        assert_eq!(plans[1].class.pii_type, None, "MICR codes");
        // A header that names only a position is no name (`Field15` beside `Field16`).
        let mut plans = vec![e.plan_column("Field15", &columns[0].1), e.plan_column("Field16", &columns[1].1)];
        e.accounts_beside_ifsc(&mut plans, |i| columns[i].1.to_vec());
        assert_eq!(ty(&plans[0]).as_deref(), Some("bank_account"));
        assert_eq!(plans[0].header, "Field15");
    }

    /// A masked number of JSON text is written as a string: the text stays JSON.
    #[test]
    fn a_masked_json_number_stays_json() {
        let e = engine();
        let plan = e.free_text_plan();
        assert_eq!(
            run(&e, &plan, r#"{"mobile": 9876543210, "n": [8765432109]}"#),
            r#"{"mobile": "******3210", "n": ["******2109"]}"#
        );
        // Outside JSON, or inside a JSON string, a number is masked as it stands.
        assert_eq!(run(&e, &plan, "mobile: 9876543210, ok"), "mobile: ******3210, ok");
        assert_eq!(run(&e, &plan, r#"{"note": "call 9876543210"}"#), r#"{"note": "call ******3210"}"#);
    }

    /// A JSON string with escapes is masked by its text and written back in its own style: a
    /// name escaped by `json.dumps` stays escaped, quotes and line breaks stay escapes.
    #[test]
    fn escaped_json_strings_are_masked_and_stay_json() {
        let e = engine();
        let plan = e.free_text_plan();
        assert_eq!(
            run(&e, &plan, r#"{"ownerName": "\u0930\u093e\u092e \u0915\u0941\u092e\u093e\u0930", "ward": "W5"}"#),
            r#"{"ownerName": "\u0930\u093e* \u0915\u0941**", "ward": "W5"}"#
        );
        assert_eq!(
            run(&e, &plan, r#"{"fatherName": "Mohan \"Lal\"", "address": {"street": "MG Road\nNear Tank"}}"#),
            r#"{"fatherName": "M**** \"L**\"", "address": {"street": "*******\n*********"}}"#
        );
    }

    /// A first row of names or identifiers is data; a database's column names are a header,
    /// whatever their words (`abha_no`: Abha is a given name); so is a row of three or more
    /// known headers beside a cell that reads as a name (`अनु. क्र.`, serial number).
    #[test]
    fn header_rows_that_are_data() {
        let e = engine();
        let mut scratch = Vec::new();
        for data in ["Ramesh Kumar", "9876543210", "Sita Devi"] {
            assert!(e.header_row_is_data([data, "Ward 5"], &mut scratch), "{data}");
        }
        for header in ["abha_no", "nm", "owner_name", "Owner Name", "Mobile No", "asha"] {
            assert!(!e.header_row_is_data([header, "Ward"], &mut scratch), "{header}");
        }
        let marathi = ["अनु. क्र.", "अर्जदाराचे नाव", "भ्रमणध्वनी क्रमांक", "आधार क्रमांक", "पत्ता", "शेरा"];
        assert!(!e.header_row_is_data(marathi, &mut scratch));
        // Two header words beside a name are not enough (`Owner`, `Residential` are values too).
        assert!(e.header_row_is_data(["Ramesh Kumar", "Owner", "Residential", "Paid"], &mut scratch));
        // An identifier is data whatever the other cells are.
        let row = ["Name", "Mobile", "Address", "9876543210"];
        assert!(e.header_row_is_data(row, &mut scratch));
    }

    fn run(e: &Engine, plan: &ColumnPlan, cell: &str) -> String {
        let mut stats = ColumnStats::default();
        match e.process_cell(cell, plan, &mut stats, &mut Scratch::default()) {
            CellOutcome::Unchanged => cell.to_string(),
            CellOutcome::Changed(s) => s,
        }
    }

    #[test]
    fn whole_columns_mask_like_digit() {
        let e = engine();
        let mobile = e.plan_column("Mobile No", &["9876543210"]);
        assert_eq!(run(&e, &mobile, "+91 98765 43210"), "***********3210");
        assert_eq!(run(&e, &mobile, "98765-4321"), "******4321");
        assert_eq!(run(&e, &mobile, "NA"), "NA");
        assert_eq!(run(&e, &mobile, "90XXXXXX45"), "90XXXXXX45");
        // A name under a mobile's header keeps none of its letters (001 would show `Khan`).
        assert_eq!(run(&e, &mobile, "Imran Khan"), "***** ****");
        assert_eq!(run(&e, &mobile, "९८७६५४३२१०"), "******३२१०");
        let name = e.plan_column("Owner Name", &["Ramesh Kumar"]);
        assert_eq!(run(&e, &name, "Smt. Sunita Devi"), "S**. S***** D***");
        assert_eq!(run(&e, &name, " R. K. Sharma "), " R. K. S***** ");
        let email = e.plan_column("Email", &[]);
        assert_eq!(run(&e, &email, "ramesh.kumar@example.com"), "r***********@e*********m");
        assert_eq!(run(&e, &email, "ramesh at example"), "****** ** *******");
    }

    #[test]
    fn free_text_masks_spans_only() {
        let e = engine();
        let remarks = e.plan_column("Remarks", &["paid", "ok"]);
        assert_eq!(
            run(&e, &remarks, "Owner mob 9876543210 paid Rs. 1,25,000 on 14/03/2023"),
            "Owner mob ******3210 paid Rs. 1,25,000 on 14/03/2023"
        );
        assert_eq!(
            run(&e, &remarks, "Already 489366|Akbz2PLPzq7xUj8yH0p3M4fVZ9rTWcQ="),
            "Already 489366|Akbz2PLPzq7xUj8yH0p3M4fVZ9rTWcQ="
        );
    }

    #[test]
    fn remembered_clean_values_stay_per_column_and_counts_stay_exact() {
        let e = engine();
        let numbers = ["7012345678", "5012345679", "3012345680", "2012345681", "1012345682", "4012345683"];
        let receipts = e.plan_column("Receipt No", &numbers);
        assert!(receipts.class.suppress_digits, "a column of receipt numbers");
        let remarks = e.plan_column("Remarks", &["paid", "ok"]);
        let mut scratch = Scratch::default();
        let (mut receipt_stats, mut remark_stats) = (ColumnStats::default(), ColumnStats::default());
        let mut cell = |col: usize, plan: &ColumnPlan, stats: &mut ColumnStats, value: &str| match e
            .process_column_cell(col, value, plan, stats, &mut scratch)
        {
            CellOutcome::Unchanged => value.to_string(),
            CellOutcome::Changed(new) => new,
        };
        for _ in 0..3 {
            // A receipt number is no mobile in its own column, and being remembered there
            // does not let the same digits through in free text.
            assert_eq!(cell(0, &receipts, &mut receipt_stats, "9876543210"), "9876543210");
            assert_eq!(cell(1, &remarks, &mut remark_stats, "9876543210"), "******3210");
            assert_eq!(cell(1, &remarks, &mut remark_stats, "Ward 7"), "Ward 7");
            // An already protected value is counted every time, never remembered as clean.
            assert_eq!(
                cell(1, &remarks, &mut remark_stats, "ok 489366|Akbz2PLPzq7xUj8yH0p3M4=="),
                "ok 489366|Akbz2PLPzq7xUj8yH0p3M4=="
            );
        }
        let mobile = e.type_index("mobile").unwrap();
        assert_eq!(remark_stats.found.get(mobile), Some(&3));
        assert_eq!((remark_stats.changed, remark_stats.protected), (3, 3));
        assert_eq!(receipt_stats, ColumnStats::default());
    }
}
