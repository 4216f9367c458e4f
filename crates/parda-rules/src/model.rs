//! The data model of rule files.

use serde::Deserialize;

/// Whether a type identifies a person on its own, only in combination, or is already protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TypeClass {
    /// Identifies a person directly (name, mobile, Aadhaar...).
    Direct,
    /// Identifies a person only together with other values (date of birth, pin code).
    Quasi,
    /// A value that is already encrypted or masked: reported, never changed.
    Protected,
}

/// How a value of a type is masked: one of DIGIT's MaskingPatterns ids, `all`, or `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum MaskStyle {
    /// `.(?=.{4})`: everything but the last 4 characters.
    #[serde(rename = "001")]
    P001,
    /// `\B[a-zA-Z0-9]`: everything but the first character of each word.
    #[serde(rename = "002")]
    P002,
    /// `.(?=.{2})`: everything but the last 2 characters.
    #[serde(rename = "003")]
    P003,
    /// DIGIT's email pattern: first character of the local part and of the domain, last character.
    #[serde(rename = "004")]
    P004,
    /// `[A-Za-zÀ-ȕ0-9(),-_., ]`: every letter, digit and common punctuation.
    #[serde(rename = "005")]
    P005,
    /// `\w(?=(?:[ \w]*\w){2}$)`: the trailing run of words, but its last 2 characters.
    #[serde(rename = "006")]
    P006,
    /// `(?<=.).(?=.{3})`: everything but the first and the last 3 characters.
    #[serde(rename = "007")]
    P007,
    /// `(?<=.).(?=.{2})`: everything but the first and the last 2 characters.
    #[serde(rename = "008")]
    P008,
    /// Every letter and digit; separators kept.
    #[serde(rename = "all")]
    All,
    /// Never changed.
    #[serde(rename = "none")]
    None,
}

impl MaskStyle {
    /// Parses a DIGIT pattern id (`"001"`) or `all`/`none`.
    pub fn parse(s: &str) -> Option<MaskStyle> {
        Some(match s {
            "001" => MaskStyle::P001,
            "002" => MaskStyle::P002,
            "003" => MaskStyle::P003,
            "004" => MaskStyle::P004,
            "005" => MaskStyle::P005,
            "006" => MaskStyle::P006,
            "007" => MaskStyle::P007,
            "008" => MaskStyle::P008,
            "all" => MaskStyle::All,
            "none" => MaskStyle::None,
            _ => return None,
        })
    }
}

/// A PII type: how columns of it are recognised and how its values are masked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeDef {
    /// The type's name (the key in `[types.NAME]`).
    #[serde(skip)]
    pub name: String,
    /// Direct identifier, quasi-identifier or protected.
    pub class: TypeClass,
    /// The default mask.
    pub mask: MaskStyle,
    /// The label used by `redact` (`<MOBILE>`).
    pub label: String,
    /// The action of the default `mask` profile: `mask` or `keep` (pin codes are only reported).
    #[serde(default = "default_action")]
    pub action: String,
    /// Normalised header phrases that classify a column as this type.
    #[serde(default)]
    pub header_hints: Vec<String>,
    /// Header phrases that veto this type for a column.
    #[serde(default)]
    pub header_negative: Vec<String>,
    /// A document that identifies a person (Aadhaar, PAN, voter id): a column headed as any
    /// identity document's number (`ID Number`) may hold it.
    #[serde(default)]
    pub id_document: bool,
}

/// How a match must be separated from its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Boundary {
    /// The characters around the match are not ASCII digits.
    #[default]
    Digit,
    /// The characters around the match are not ASCII letters or digits.
    Alnum,
    /// No check.
    None,
}

/// Context words that raise or lower a candidate's score.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Words that raise the score when near the candidate.
    #[serde(default)]
    pub positive: Vec<String>,
    /// Words that lower the score when near the candidate.
    #[serde(default)]
    pub negative: Vec<String>,
    /// How many characters before the candidate are searched (and a third of it after).
    #[serde(default = "default_window")]
    pub window: usize,
}

fn default_window() -> usize {
    24
}

/// One detection rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Unique id, such as `in.mobile`.
    pub id: String,
    /// The PII type it finds (a key of `[types]`).
    #[serde(rename = "type")]
    pub pii_type: String,
    /// What it finds, for people.
    #[serde(default)]
    pub description: String,
    /// Regex patterns (regex-automata syntax).
    pub patterns: Vec<String>,
    /// The validator's name (see [`crate::Validator`]).
    #[serde(default = "default_validator")]
    pub validator: String,
    /// How the match must be bounded.
    #[serde(default)]
    pub boundary: Boundary,
    /// Base score, 0..1; reported when score + context >= 0.5.
    #[serde(default = "default_score")]
    pub score: f32,
    /// When set, a candidate that fails the validator loses this much score instead of being
    /// dropped, so strong context can still confirm it ("Aadhaar: " and a mistyped number).
    #[serde(default)]
    pub validator_penalty: Option<f32>,
    /// Only reported with a positive context word or in a column classified as its type.
    #[serde(default)]
    pub requires_context: bool,
    /// A regex that a whole match written the way only this type is written matches
    /// (`+91 98765 43210`): negative context words do not count against such a match.
    #[serde(default)]
    pub strong_form: Option<String>,
    /// Context words.
    #[serde(default)]
    pub context: Context,
    /// Extra header hints for the rule's type.
    #[serde(default)]
    pub header_hints: Vec<String>,
    /// Texts in which the rule must find its type.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Texts in which the rule must find nothing.
    #[serde(default)]
    pub negative_examples: Vec<String>,
    /// The file the rule came from (for messages).
    #[serde(skip)]
    pub source: String,
}

fn default_action() -> String {
    "mask".into()
}

fn default_validator() -> String {
    "none".into()
}

fn default_score() -> f32 {
    0.8
}
