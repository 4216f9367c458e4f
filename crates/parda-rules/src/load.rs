//! Loading rule files: the built-in ones compiled into the binary, plus user packs.

use crate::model::{Rule, TypeDef};
use crate::validators::Validator;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// A rule file: type definitions and rules, both optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    types: BTreeMap<String, TypeDef>,
    #[serde(default)]
    rule: Vec<Rule>,
    #[serde(default)]
    id_document_headers: Vec<String>,
}

/// An error in a rule file; names the file, and the rule or type where there is one.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// The file could not be read.
    #[error("{file}: cannot read: {cause}")]
    Io {
        /// The file.
        file: String,
        /// The cause (shown in the message, so not also given as the error's source: the
        /// command line prints an error's chain of sources).
        cause: std::io::Error,
    },
    /// The file is not valid TOML or has unknown fields.
    #[error("{file}: {message}")]
    Parse {
        /// The file.
        file: String,
        /// What the TOML parser said.
        message: String,
    },
    /// A rule or type is invalid.
    #[error("{file}: {item}: {message}")]
    Invalid {
        /// The file.
        file: String,
        /// The rule or type, as `rule in.mobile` or `type mobile`.
        item: String,
        /// What is wrong.
        message: String,
    },
}

/// All loaded types and rules, validated.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Type definitions, in a stable order.
    pub types: Vec<TypeDef>,
    /// Rules, built-in first, then user packs in file-name order.
    pub rules: Vec<Rule>,
    /// Header phrases of a column of any identity document's number (`ID Number`, `ID Proof
    /// No`): there, every rule of an `id_document` type has its context, and none against it.
    pub id_document_headers: Vec<String>,
}

/// The built-in rule files: (name, TOML text).
pub fn builtin_sources() -> &'static [(&'static str, &'static str)] {
    &[
        ("rules/types.toml", include_str!("../../../rules/types.toml")),
        ("rules/india.toml", include_str!("../../../rules/india.toml")),
    ]
}

impl RuleSet {
    /// The index of a type by name.
    pub fn type_index(&self, name: &str) -> Option<usize> {
        self.types.iter().position(|t| t.name == name)
    }
}

/// The regex syntax rule patterns are compiled with: ASCII classes (`\d` is 0-9, `\b` is an
/// ASCII word boundary), which is what identifiers are written in and ~40% faster than Unicode.
pub fn pattern_syntax() -> regex_automata::util::syntax::Config {
    regex_automata::util::syntax::Config::new().unicode(false).utf8(true)
}

/// Loads the built-in rules plus every `*.toml` file in each of `extra_dirs` (sorted by name).
pub fn load_rules(extra_dirs: &[&Path]) -> Result<RuleSet, RuleError> {
    let mut files: Vec<(String, String)> =
        builtin_sources().iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    for dir in extra_dirs {
        files.extend(read_dir_toml(dir)?);
    }
    let mut set = RuleSet { types: Vec::new(), rules: Vec::new(), id_document_headers: Vec::new() };
    for (name, text) in &files {
        let parsed: RuleFile = toml::from_str(text)
            .map_err(|e| RuleError::Parse { file: name.clone(), message: e.to_string().trim_end().to_string() })?;
        for (tname, mut tdef) in parsed.types {
            tdef.name = tname.clone();
            if set.type_index(&tname).is_some() {
                return Err(invalid(name, &format!("type {tname}"), "defined twice"));
            }
            set.types.push(tdef);
        }
        set.id_document_headers.extend(parsed.id_document_headers);
        for mut rule in parsed.rule {
            rule.source = name.clone();
            set.rules.push(rule);
        }
    }
    validate(&mut set)?;
    Ok(set)
}

fn read_dir_toml(dir: &Path) -> Result<Vec<(String, String)>, RuleError> {
    let io = |e| RuleError::Io { file: dir.display().to_string(), cause: e };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(io)?
        .into_iter()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).map_err(|e| RuleError::Io { file: p.display().to_string(), cause: e })?;
            Ok((p.display().to_string(), text))
        })
        .collect()
}

fn invalid(file: &str, item: &str, message: &str) -> RuleError {
    RuleError::Invalid { file: file.into(), item: item.into(), message: message.into() }
}

fn validate(set: &mut RuleSet) -> Result<(), RuleError> {
    let mut seen = HashSet::new();
    for rule in &set.rules {
        let item = format!("rule {}", rule.id);
        let file = rule.source.as_str();
        if !seen.insert(rule.id.clone()) {
            return Err(invalid(file, &item, "id used twice"));
        }
        if set.type_index(&rule.pii_type).is_none() {
            return Err(invalid(file, &item, &format!("unknown type `{}`", rule.pii_type)));
        }
        if Validator::from_name(&rule.validator).is_none() {
            return Err(invalid(
                file,
                &item,
                &format!("unknown validator `{}` (known: {})", rule.validator, Validator::NAMES.join(", ")),
            ));
        }
        if rule.patterns.is_empty() {
            return Err(invalid(file, &item, "no patterns"));
        }
        if !(0.0..=1.0).contains(&rule.score) {
            return Err(invalid(file, &item, "score must be between 0 and 1"));
        }
        for (i, p) in rule.patterns.iter().enumerate() {
            if let Err(e) = check_pattern(p) {
                return Err(invalid(file, &item, &format!("pattern {}: {e}", i + 1)));
            }
        }
        if let Some(Err(e)) = rule.strong_form.as_deref().map(check_pattern) {
            return Err(invalid(file, &item, &format!("strong_form: {e}")));
        }
    }
    // Rule-level header hints extend their type's.
    for i in 0..set.rules.len() {
        let (hints, ty) = (set.rules[i].header_hints.clone(), set.rules[i].pii_type.clone());
        let t = set.type_index(&ty).expect("checked above");
        set.types[t].header_hints.extend(hints);
    }
    Ok(())
}

/// Whether `pattern` compiles: parsed with [`pattern_syntax`] and compiled to the NFA that
/// every regex engine starts from, under the size limit of `regex_automata::meta` (what a
/// meta regex build would refuse, at a fraction of its cost: the matcher builds the engines).
fn check_pattern(pattern: &str) -> Result<(), String> {
    use regex_automata::nfa::thompson;
    const META_NFA_SIZE_LIMIT: usize = 10 * (1 << 20);
    thompson::Compiler::new()
        .syntax(pattern_syntax())
        .configure(thompson::Config::new().nfa_size_limit(Some(META_NFA_SIZE_LIMIT)))
        .build(pattern)
        .map(drop)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load() {
        let set = load_rules(&[]).unwrap();
        assert!(set.type_index("mobile").is_some());
        assert!(set.rules.iter().any(|r| r.id == "in.aadhaar"));
    }

    fn load_extra(text: &str) -> Result<RuleSet, RuleError> {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("parda-rules-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("pack.toml"), text).unwrap();
        let r = load_rules(&[&dir]);
        std::fs::remove_dir_all(&dir).unwrap();
        r
    }

    #[test]
    fn unknown_field_names_the_file() {
        let e = load_extra("[[rule]]\nid='x'\ntype='mobile'\npatterns=['a']\ncolour='red'\n").unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("pack.toml") && msg.contains("colour"), "{msg}");
    }

    #[test]
    fn unknown_validator_names_rule() {
        let e = load_extra("[[rule]]\nid='x.y'\ntype='mobile'\npatterns=['a']\nvalidator='nope'\n").unwrap_err();
        assert!(e.to_string().contains("rule x.y: unknown validator `nope`"), "{e}");
    }

    #[test]
    fn broken_pattern_names_rule() {
        let e = load_extra("[[rule]]\nid='x.y'\ntype='mobile'\npatterns=['(a']\n").unwrap_err();
        assert!(e.to_string().contains("rule x.y: pattern 1"), "{e}");
        let e = load_extra("[[rule]]\nid='x.y'\ntype='mobile'\npatterns=['a']\nstrong_form='a.*'\n").unwrap_err();
        assert!(e.to_string().contains("rule x.y: strong_form"), "{e}");
    }

    #[test]
    fn a_pattern_too_large_to_compile_names_rule() {
        let huge = "[a-z]{1000}{1000}";
        // The check refuses what a meta regex build refuses, and takes what it takes.
        assert!(regex_automata::meta::Regex::builder().syntax(pattern_syntax()).build(huge).is_err());
        assert!(check_pattern(huge).is_err());
        let fits = "[a-z]{1000}{10}";
        assert!(regex_automata::meta::Regex::builder().syntax(pattern_syntax()).build(fits).is_ok());
        assert!(check_pattern(fits).is_ok());
        let e = load_extra(&format!("[[rule]]\nid='x.y'\ntype='mobile'\npatterns=['{huge}']\n")).unwrap_err();
        assert!(e.to_string().contains("rule x.y: pattern 1"), "{e}");
    }

    #[test]
    fn unknown_type_is_an_error() {
        let e = load_extra("[[rule]]\nid='x.y'\ntype='shoe_size'\npatterns=['a']\n").unwrap_err();
        assert!(e.to_string().contains("unknown type `shoe_size`"), "{e}");
    }
}
