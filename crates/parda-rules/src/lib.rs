//! Rules as data: loads PII type definitions and detection rules from TOML (`rules/*.toml`),
//! checks them strictly, and provides the named validators (Verhoeff, Luhn, PAN, GSTIN, ...)
//! that rules refer to.
//!
//! Design decision: rules are plain data validated at load time (unknown fields, unknown
//! validators, unknown types and broken patterns are errors naming the file and the rule), so
//! that a bad rule pack fails in milliseconds, before any file is read.
#![deny(missing_docs)]

mod dict;
mod indic_key;
mod load;
mod model;
pub mod validators;

pub use dict::{Lexicon, Lists, SortedWords, WordSet, DICTIONARIES};
pub use indic_key::{indic_key, indic_key_into};
pub use load::{builtin_sources, load_rules, pattern_syntax, RuleError, RuleSet};
pub use model::{Boundary, Context, MaskStyle, Rule, TypeClass, TypeDef};
pub use validators::Validator;
