//! The policy: which action applies to which PII type and which named column.
//!
//! ```toml
//! [mask]
//! char = "*"
//! keep_separators = false
//!
//! [types]
//! mobile = "mask"
//! pincode = "keep"
//! email = { action = "mask", pattern = "003" }
//! aadhaar = "redact"            # <AADHAAR>
//!
//! [columns]
//! "Remarks" = { action = "redact" }
//! "Ward No" = { action = "keep" }  # never touched, no detection
//! "Col 7" = { type = "mobile" }    # classified as mobile whatever the header says
//!
//! [attributes]                      # like [columns], but they need not exist in the inputs
//! "mobileNumber" = { type = "mobile", action = "mask", pattern = "001" }
//!
//! [roles.GRO]                       # what a role may see, for unmask: plain, masked or none
//! mobile = "masked"
//! ```

use crate::keyed::Generalization;
use crate::mask::MaskOptions;
use parda_detect::normalize_header;
use parda_rules::{MaskStyle, RuleSet, TypeClass};
use serde::Deserialize;
use std::collections::BTreeMap;

/// What happens to a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Left as it is (still reported).
    Keep,
    /// Masked with the given style.
    Mask(MaskStyle),
    /// Replaced by a label such as `<MOBILE>`.
    Redact(String),
    /// Replaced by a reversible, format-preserving token (needs a key).
    Tokenize,
    /// Replaced by a keyed hash, for joining (needs a key).
    Hash,
    /// Replaced by a realistic, consistent fake (needs a key).
    Fake,
    /// Coarsened (a date to its year, a pin code to three digits, an address to its city).
    Generalize(Generalization),
    /// A date moved by a keyed per-person offset (needs a key).
    Shift,
}

impl Action {
    /// Whether the action needs a key.
    pub fn is_keyed(&self) -> bool {
        matches!(self, Action::Tokenize | Action::Hash | Action::Fake | Action::Shift)
    }
}

/// An error in a policy file; names the file and the entry.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct PolicyError {
    /// The policy file.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MaskSection {
    #[serde(default)]
    char: Option<char>,
    #[serde(default)]
    keep_separators: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ActionSpec {
    Short(String),
    Full(ActionTable),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionTable {
    #[serde(default)]
    action: Option<String>,
    #[serde(default)]
    pattern: Option<String>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default, rename = "type")]
    pii_type: Option<String>,
    #[serde(default)]
    to: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    mask: MaskSection,
    #[serde(default)]
    types: BTreeMap<String, ActionSpec>,
    #[serde(default)]
    columns: BTreeMap<String, ActionSpec>,
    #[serde(default)]
    attributes: BTreeMap<String, ActionSpec>,
    #[serde(default)]
    roles: BTreeMap<String, BTreeMap<String, String>>,
}

/// A column named in the policy.
#[derive(Debug, Clone)]
pub struct ColumnRule {
    /// The header as written in the policy.
    pub name: String,
    /// The action for the whole column, if set.
    pub action: Option<Action>,
    /// The type the column is forced to, if set.
    pub type_idx: Option<usize>,
    /// A column named under `[columns]` must exist in some input; one from `[attributes]`
    /// (imported from DIGIT) need not.
    pub required: bool,
}

/// What a role may see of a type (DIGIT's role-based decryption), for `unmask`; ordered from
/// most to least permissive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Visibility {
    /// The original value.
    Plain = 0,
    /// The masked value.
    Masked = 1,
    /// Nothing.
    None = 2,
}

/// A resolved policy.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Mask drawing options.
    pub mask: MaskOptions,
    /// The action per type index.
    pub type_actions: Vec<Action>,
    /// Columns named in the policy, keyed by normalised header.
    pub columns: BTreeMap<String, ColumnRule>,
    /// The profile the policy was made for.
    pub profile: String,
    /// Per role: what it may see, per type index.
    pub roles: BTreeMap<String, BTreeMap<usize, Visibility>>,
    /// What any role sees of a type when it has no rule for it (DIGIT's default visibility of
    /// imported attributes); types not listed: nothing.
    pub default_visibility: BTreeMap<usize, Visibility>,
}

const ACTIONS: &str = "keep, mask, redact, tokenize, hash, fake, generalize, shift";

/// The profiles: what a copy is for.
pub const PROFILES: &[&str] = &["mask", "uat", "migration", "archive"];

impl Policy {
    /// The default `mask` profile: every type's default action with its DIGIT pattern.
    pub fn default_for(rules: &RuleSet) -> Policy {
        let type_actions =
            rules.types.iter().map(|t| if t.action == "keep" { Action::Keep } else { Action::Mask(t.mask) }).collect();
        Policy {
            mask: MaskOptions::default(),
            type_actions,
            columns: BTreeMap::new(),
            profile: "mask".into(),
            roles: BTreeMap::new(),
            default_visibility: BTreeMap::new(),
        }
    }

    /// The defaults of a profile: `mask` (DIGIT masks), `migration` (every PII value
    /// tokenized), `uat` (fakes for names and addresses, shifted dates, valid fake identifiers),
    /// `archive` (direct identifiers removed, quasi-identifiers generalised).
    pub fn for_profile(rules: &RuleSet, profile: &str) -> Option<Policy> {
        let mut policy = Policy::default_for(rules);
        policy.profile = profile.to_string();
        for (t, def) in rules.types.iter().enumerate() {
            if def.name == "protected" {
                continue;
            }
            policy.type_actions[t] = match profile {
                "mask" => continue,
                "migration" => Action::Tokenize,
                "uat" if def.name == "dob" => Action::Shift,
                "uat" => Action::Fake,
                // Archives keep no direct identifier (emptied; `<TYPE>` in free text) and
                // coarsen quasi-identifiers: dates to years, pin codes to three digits,
                // addresses to their city.
                "archive" => match (def.class, Generalization::default_for(&def.name)) {
                    (_, Some(g)) => Action::Generalize(g),
                    (TypeClass::Protected, None) => continue,
                    (_, None) => Action::Redact(String::new()),
                },
                _ => return None,
            };
        }
        Some(policy)
    }

    /// Whether any action of the policy makes tokens.
    pub fn tokenizes(&self) -> bool {
        self.type_actions.contains(&Action::Tokenize)
            || self.columns.values().any(|c| c.action == Some(Action::Tokenize))
    }

    /// Whether any action of the policy needs a key.
    pub fn is_keyed(&self) -> bool {
        self.type_actions.iter().any(Action::is_keyed)
            || self.columns.values().any(|c| c.action.as_ref().is_some_and(Action::is_keyed))
    }

    /// Reads a policy file on top of a profile's defaults: the file's `profile` when it names
    /// one, else `profile` (the command line's), else `mask`.
    pub fn from_toml(file: &str, text: &str, rules: &RuleSet, profile: Option<&str>) -> Result<Policy, PolicyError> {
        let err = |message: String| PolicyError { file: file.into(), message };
        let parsed: PolicyFile = toml::from_str(text).map_err(|e| err(e.to_string().trim_end().to_string()))?;
        let chosen = match (parsed.profile.as_deref(), profile) {
            (Some(a), Some(b)) if a != b => {
                return Err(err(format!("the policy is for profile `{a}` but --profile {b} was given")))
            }
            (Some(a), _) => a,
            (None, Some(b)) => b,
            (None, None) => "mask",
        };
        let mut policy = Policy::for_profile(rules, chosen)
            .ok_or_else(|| err(format!("unknown profile `{chosen}` (known: {})", PROFILES.join(", "))))?;
        if let Some(c) = parsed.mask.char {
            policy.mask.mask_char = c;
        }
        if let Some(k) = parsed.mask.keep_separators {
            policy.mask.keep_separators = k;
        }
        let type_idx = |name: &str, ctx: &str| {
            rules.type_index(name).ok_or_else(|| {
                let known: Vec<&str> = rules.types.iter().map(|t| t.name.as_str()).collect();
                err(format!("{ctx}: unknown type `{name}` (known: {})", known.join(", ")))
            })
        };
        for (name, spec) in &parsed.types {
            let t = type_idx(name, &format!("types.{name}"))?;
            if let Some(a) = resolve_action(spec, rules, t).map_err(|m| err(format!("types.{name}: {m}")))? {
                policy.type_actions[t] = a;
            }
        }
        for (table, specs, required) in [("columns", &parsed.columns, true), ("attributes", &parsed.attributes, false)]
        {
            for (name, spec) in specs {
                let at = format!("{table}.\"{name}\"");
                let forced = match spec {
                    ActionSpec::Full(ActionTable { pii_type: Some(ty), .. }) => Some(type_idx(ty, &at)?),
                    _ => None,
                };
                let label_type = forced.unwrap_or(usize::MAX);
                let mut action = resolve_action(spec, rules, label_type).map_err(|m| err(format!("{at}: {m}")))?;
                if table == "attributes" {
                    // An attribute's action is DIGIT's default visibility: what `unmask` shows a
                    // role that has no rule of its own for the type (the most restrictive
                    // attribute of a type decides).
                    if let (Some(t), Some(a)) = (forced, &action) {
                        let v = match a {
                            Action::Keep => Visibility::Plain,
                            Action::Mask(_) => Visibility::Masked,
                            _ => Visibility::None,
                        };
                        let rank = |v: &Visibility| *v as u8;
                        let slot = policy.default_visibility.entry(t).or_insert(v);
                        if rank(&v) > rank(slot) {
                            *slot = v;
                        }
                    }
                    // Under `migration`, DIGIT encrypts every attribute at rest: parda tokenizes
                    // them all (the attribute still names the column's type).
                    if policy.profile == "migration" {
                        action = Some(Action::Tokenize);
                    }
                }
                policy.columns.insert(
                    normalize_header(name),
                    ColumnRule { name: name.clone(), action, type_idx: forced, required },
                );
            }
        }
        for (role, access) in &parsed.roles {
            let mut seen = BTreeMap::new();
            for (ty, vis) in access {
                let t = type_idx(ty, &format!("roles.\"{role}\""))?;
                let v = match vis.as_str() {
                    "plain" => Visibility::Plain,
                    "masked" => Visibility::Masked,
                    "none" => Visibility::None,
                    other => {
                        return Err(err(format!(
                            "roles.\"{role}\".{ty}: unknown visibility `{other}` (known: plain, masked, none)"
                        )))
                    }
                };
                seen.insert(t, v);
            }
            policy.roles.insert(role.clone(), seen);
        }
        Ok(policy)
    }

    /// The rule for a column, by its header.
    pub fn column(&self, header: &str) -> Option<&ColumnRule> {
        self.columns.get(&normalize_header(header))
    }
}

fn resolve_action(spec: &ActionSpec, rules: &RuleSet, type_idx: usize) -> Result<Option<Action>, String> {
    let (action, pattern, label, to) = match spec {
        ActionSpec::Short(a) => (Some(a.as_str()), None, None, None),
        ActionSpec::Full(t) => (t.action.as_deref(), t.pattern.as_deref(), t.label.clone(), t.to.as_deref()),
    };
    let style = match pattern {
        Some(p) => Some(MaskStyle::parse(p).ok_or_else(|| {
            format!("unknown pattern `{p}` (known: 001-008 from DIGIT's MaskingPatterns, all, none)")
        })?),
        None => None,
    };
    let default_style = rules.types.get(type_idx).map_or(MaskStyle::All, |t| t.mask);
    let default_label = rules.types.get(type_idx).map_or("REDACTED".to_string(), |t| t.label.clone());
    Ok(match action {
        None if style.is_some() => Some(Action::Mask(style.unwrap())),
        None => None,
        Some("keep") => Some(Action::Keep),
        Some("mask") => Some(Action::Mask(style.unwrap_or(default_style))),
        // An explicit label is used as written (`Confidential Information`); the default one is
        // the type's label in angle brackets (`<MOBILE>`).
        Some("redact") => Some(Action::Redact(label.unwrap_or_else(|| format!("<{default_label}>")))),
        Some("tokenize") => Some(Action::Tokenize),
        Some("hash") => Some(Action::Hash),
        Some("fake") => Some(Action::Fake),
        Some("shift") => Some(Action::Shift),
        Some("generalize") => {
            let type_name = rules.types.get(type_idx).map_or("", |t| t.name.as_str());
            let g = match to {
                Some(t) => Generalization::parse(t)
                    .ok_or_else(|| format!("unknown generalization `{t}` (known: year, age-band, prefix3, city)"))?,
                None => Generalization::default_for(type_name).ok_or_else(|| {
                    format!("generalize needs `to = \"year\" | \"age-band\" | \"prefix3\" | \"city\"` for type `{type_name}`")
                })?,
            };
            Some(Action::Generalize(g))
        }
        Some(other) => return Err(format!("unknown action `{other}` (known: {ACTIONS})")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use parda_rules::load_rules;

    #[test]
    fn parses_types_and_columns() {
        let rules = load_rules(&[]).unwrap();
        let p = Policy::from_toml(
            "p.toml",
            "[mask]\nkeep_separators = true\n[types]\npincode = 'mask'\naadhaar = 'redact'\n[columns]\n'Ward No' = { action = 'keep' }\n'Col 7' = { type = 'mobile' }\n",
            &rules,
            None,
        )
        .unwrap();
        assert!(p.mask.keep_separators);
        assert_eq!(p.type_actions[rules.type_index("pincode").unwrap()], Action::Mask(MaskStyle::P003));
        assert_eq!(p.type_actions[rules.type_index("aadhaar").unwrap()], Action::Redact("<AADHAAR>".into()));
        assert_eq!(p.column("ward_no").unwrap().action, Some(Action::Keep));
        assert_eq!(p.column("Col 7").unwrap().type_idx, rules.type_index("mobile"));
    }

    #[test]
    fn unknown_type_and_action_are_errors() {
        let rules = load_rules(&[]).unwrap();
        let e = Policy::from_toml("p.toml", "[types]\nshoe = 'mask'\n", &rules, None).unwrap_err();
        assert!(e.to_string().contains("p.toml: types.shoe: unknown type `shoe`"), "{e}");
        let e = Policy::from_toml("p.toml", "[types]\nmobile = 'scramble'\n", &rules, None).unwrap_err();
        assert!(e.to_string().contains("unknown action `scramble`"), "{e}");
        let e = Policy::from_toml("p.toml", "[typo]\n", &rules, None).unwrap_err();
        assert!(e.to_string().contains("p.toml"), "{e}");
    }
}
