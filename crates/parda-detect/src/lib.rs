//! Finds PII in cells: every rule compiled once into one multi-pattern matcher, candidates
//! confirmed by their validators and scored by context words; columns classified from their
//! header and a sample of their values before streaming.
//!
//! Design decision: one overlapping multi-pattern pass tells which rules can match a cell at
//! all (most cells: none), and only those rules are then run on their own, so a candidate that
//! fails validation never hides another rule's match at the same place.
#![deny(missing_docs)]

mod anchored;
mod check;
mod classify;
mod context;
mod header;
mod json;
mod matcher;
mod names;
mod values;

pub use check::{check_rules, RuleCheckFailure};
pub use classify::{classify_column, ClassSource, ColumnClass};
pub use header::{is_positional_header, normalize_header, HeaderHints};
pub use json::{decode_string as decode_json_string, encode_string as encode_json_string};
pub use matcher::{CellContext, Finding, Matcher, ESCAPED_JSON_RULE};
pub use names::{LexSpan, NameFinder};
pub use values::{is_amount, is_placeholder, is_total_label, looks_masked, trim};
