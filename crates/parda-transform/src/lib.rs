//! Decides what happens to each cell and does it: the policy (which action for which PII type
//! or column), the masking transforms (DIGIT's MaskingPatterns as plain, grapheme-aware
//! functions), and the cell engine that combines detection and transforms.
//!
//! Design decision: transforms are pure functions of (value, type, policy); the engine holds no
//! mutable state besides per-column counters, so batches can be processed in any order on any
//! number of threads and give the same bytes.
#![deny(missing_docs)]

pub mod attributes;
pub mod digit;
mod engine;
mod graphemes;
pub mod keyed;
pub mod mask;
mod policy;
pub mod ragged;

pub use attributes::AttributeRows;
pub use engine::{style_name, CellOutcome, ColumnMode, ColumnPlan, ColumnStats, Engine, Scratch, TokenSpan};
pub use mask::{mask_value, MaskOptions};
pub use policy::{Action, ColumnRule, Policy, PolicyError, Visibility, PROFILES};
