//! DIGIT's MDMS `DataSecurity` configuration turned into a parda policy: each attribute's
//! default visibility (PLAIN → keep, MASKED → mask with its DIGIT pattern, NONE → replace with
//! `Confidential Information`) becomes an `[attributes]` entry for the column of that name, and
//! the role-based decryption rules become `[roles]`. Attributes are mapped onto parda's PII types
//! through the same header hints that classify columns. Nothing is dropped silently: what cannot
//! be mapped is listed.

use parda_detect::HeaderHints;
use parda_rules::RuleSet;
use serde_json::Value;
use std::collections::BTreeMap;

/// The masking patterns DIGIT ships (MDMS `DataSecurity.MaskingPatterns`), by id.
pub const DIGIT_PATTERNS: &[(&str, &str)] = &[
    ("001", ".(?=.{4})"),
    ("002", "\\B[a-zA-Z0-9]"),
    ("003", ".(?=.{2})"),
    ("004", "(?<=.)[^@\\n](?=[^@\\n]*?@)|(?:(?<=@.)|(?!^)\\G(?=[^@\\n]*$)).(?!$)"),
    ("005", "[A-Za-zÀ-ȕ0-9(),-_., ]"),
    ("006", "\\w(?=(?:[ \\w]*\\w){2}$)"),
    ("007", "(?<=.).(?=.{3})"),
    ("008", "(?<=.).(?=.{2})"),
];

/// The result of an import.
#[derive(Debug, Clone)]
pub struct DigitImport {
    /// The policy, as TOML.
    pub toml: String,
    /// Attributes mapped to a PII type.
    pub mapped: usize,
    /// Roles imported.
    pub roles: usize,
    /// What could not be mapped, one line each.
    pub unmapped: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Vis {
    Plain = 0,
    Masked = 1,
    None = 2,
}

fn vis(s: &str) -> Option<Vis> {
    match s.to_ascii_uppercase().as_str() {
        "PLAIN" => Some(Vis::Plain),
        "MASKED" | "MASK" => Some(Vis::Masked),
        "NONE" => Some(Vis::None),
        _ => None,
    }
}

/// The items of a DataSecurity master, whatever the wrapping: a bare array (MDMS-v2 seed
/// data), an MDMS search response (`MdmsRes.DataSecurity.<master>`), or MDMS-v2 records
/// (`mdms: [{data: ...}]`).
fn items(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.iter().map(|x| x.get("data").cloned().unwrap_or_else(|| x.clone())).collect(),
        Value::Object(o) => {
            if let Some(ds) = o.get("MdmsRes").and_then(|m| m.get("DataSecurity")).and_then(Value::as_object) {
                return ds.values().flat_map(items).collect();
            }
            if let Some(m) = o.get("mdms") {
                return items(m);
            }
            o.values().filter(|x| x.is_array()).flat_map(items).collect()
        }
        _ => Vec::new(),
    }
}

fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Mapper<'a> {
    hints: &'a HeaderHints,
    rules: &'a RuleSet,
}

impl Mapper<'_> {
    /// The PII type of an attribute, from its name, then its JSON path.
    fn type_of(&self, name: &str, json_path: &str) -> Option<String> {
        let path_words = json_path.replace(['/', '*', '.', '$'], " ");
        [name, json_path.rsplit('/').find(|s| !s.is_empty() && *s != "*").unwrap_or(""), path_words.as_str()]
            .iter()
            .filter(|s| !s.trim().is_empty())
            .find_map(|s| self.hints.classify(s))
            .map(|m| self.rules.types[m.type_idx].name.clone())
    }
}

struct Attr {
    ty: String,
    vis: Vis,
    pattern: Option<String>,
    models: Vec<String>,
}

/// Imports DIGIT policies: (`SecurityPolicy`, `MaskingPatterns`) for MDMS v2, or
/// (`EncryptionPolicy`, `DecryptionABAC`) for the older v1 form, in either order.
pub fn import_digit(
    a: &Value,
    b: &Value,
    sources: &str,
    hints: &HeaderHints,
    rules: &RuleSet,
) -> Result<DigitImport, String> {
    let all: Vec<Value> = items(a).into_iter().chain(items(b)).collect();
    let has = |k: &str| all.iter().filter(|i| i.get(k).is_some()).cloned().collect::<Vec<_>>();
    let (policies, patterns, encryption, abac) =
        (has("attributes"), has("patternId"), has("attributeList"), has("roleAttributeAccessList"));
    if policies.is_empty() && encryption.is_empty() {
        return Err(
            "neither file is a DIGIT SecurityPolicy or EncryptionPolicy (no `attributes` or `attributeList`)".into()
        );
    }
    let map = Mapper { hints, rules };
    let mut unmapped = Vec::new();
    // Pattern ids whose regex is DIGIT's own map onto parda's implementation of it.
    let mut known: BTreeMap<String, String> =
        DIGIT_PATTERNS.iter().map(|(id, _)| (id.to_string(), id.to_string())).collect();
    for p in &patterns {
        let id = p.get("patternId").and_then(Value::as_str).unwrap_or("");
        let re = p.get("pattern").and_then(Value::as_str).unwrap_or("");
        match DIGIT_PATTERNS.iter().find(|(i, _)| *i == id) {
            Some((_, shipped)) if *shipped == re => {}
            _ => {
                unmapped.push(format!("masking pattern {id} ({re}) is not DIGIT's shipped pattern {id}: attributes using it are masked fully"));
                known.insert(id.to_string(), "all".into());
            }
        }
    }
    let mut attrs: BTreeMap<String, Attr> = BTreeMap::new();
    let mut roles: BTreeMap<String, BTreeMap<String, Vis>> = BTreeMap::new();
    let mut record = |name: &str,
                      path: &str,
                      model: &str,
                      v: Vis,
                      pattern: Option<String>,
                      unmapped: &mut Vec<String>|
     -> Option<String> {
        let Some(ty) = map.type_of(name, path) else {
            unmapped.push(format!("{model}.{name} ({path}): no parda PII type for it"));
            return None;
        };
        let e = attrs.entry(name.to_string()).or_insert(Attr {
            ty: ty.clone(),
            vis: v,
            pattern: pattern.clone(),
            models: Vec::new(),
        });
        if v > e.vis {
            // The most protective default wins where models disagree.
            e.vis = v;
            e.pattern = pattern;
        }
        if !e.models.iter().any(|m| m == model) {
            e.models.push(model.to_string());
        }
        Some(ty)
    };
    for p in &policies {
        let model = p.get("model").and_then(Value::as_str).unwrap_or("?");
        let mut types_here: BTreeMap<String, String> = BTreeMap::new();
        for at in p.get("attributes").and_then(Value::as_array).into_iter().flatten() {
            let name = at.get("name").and_then(Value::as_str).unwrap_or("");
            let path = at.get("jsonPath").and_then(Value::as_str).unwrap_or(name);
            let v = at.get("defaultVisibility").and_then(Value::as_str).and_then(vis).unwrap_or(Vis::Masked);
            let pattern = at
                .get("patternId")
                .and_then(Value::as_str)
                .map(|id| known.get(id).cloned().unwrap_or_else(|| "all".into()));
            if let Some(ty) = record(name, path, model, v, pattern, &mut unmapped) {
                types_here.insert(name.to_string(), ty);
            }
        }
        for rule in p.get("roleBasedDecryptionPolicy").and_then(Value::as_array).into_iter().flatten() {
            for access in rule.get("attributeAccessList").and_then(Value::as_array).into_iter().flatten() {
                let attr = access.get("attribute").and_then(Value::as_str).unwrap_or("");
                let Some(ty) = types_here.get(attr) else { continue };
                let Some(v) = access.get("firstLevelVisibility").and_then(Value::as_str).and_then(vis) else {
                    continue;
                };
                for role in rule.get("roles").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str)
                {
                    let e = roles.entry(role.to_string()).or_default().entry(ty.clone()).or_insert(v);
                    // The most permissive grant wins, as DIGIT decides between a user's roles.
                    *e = (*e).min(v);
                }
            }
        }
    }
    for p in &encryption {
        let model = p.get("key").and_then(Value::as_str).unwrap_or("?");
        for at in p.get("attributeList").and_then(Value::as_array).into_iter().flatten() {
            let path = at.get("jsonPath").and_then(Value::as_str).unwrap_or("");
            let name = path.split('/').find(|s| !s.is_empty() && *s != "*").unwrap_or(path);
            // v1 encrypts these attributes: without a grant they are not shown plain.
            record(name, path, model, Vis::Masked, None, &mut unmapped);
        }
    }
    for p in &abac {
        for ra in p.get("roleAttributeAccessList").and_then(Value::as_array).into_iter().flatten() {
            let role = ra.get("roleCode").and_then(Value::as_str).unwrap_or("?");
            for access in ra.get("attributeAccessList").and_then(Value::as_array).into_iter().flatten() {
                let path =
                    access.get("attribute").and_then(|a| a.get("jsonPath")).and_then(Value::as_str).unwrap_or("");
                let Some(v) = access.get("accessType").and_then(Value::as_str).and_then(vis) else { continue };
                let leaf = path.rsplit('/').find(|s| !s.is_empty() && *s != "*").unwrap_or(path);
                match map.type_of(leaf, path) {
                    Some(ty) => {
                        let e = roles.entry(role.to_string()).or_default().entry(ty).or_insert(v);
                        *e = (*e).min(v);
                    }
                    None => unmapped.push(format!("role {role}: {path}: no parda PII type for it")),
                }
            }
        }
    }
    unmapped.sort();
    unmapped.dedup();
    Ok(DigitImport {
        toml: render(&attrs, &roles, &unmapped, sources),
        mapped: attrs.len(),
        roles: roles.len(),
        unmapped,
    })
}

fn render(
    attrs: &BTreeMap<String, Attr>,
    roles: &BTreeMap<String, BTreeMap<String, Vis>>,
    unmapped: &[String],
    sources: &str,
) -> String {
    let mut out = String::new();
    out.push_str("# parda policy, imported from DIGIT DataSecurity by `parda policy import-digit`.\n");
    out.push_str(&format!("# Sources: {sources}\n"));
    out.push_str("# DIGIT default visibility: PLAIN -> keep, MASKED -> mask (DIGIT pattern), NONE -> \"Confidential Information\".\n");
    out.push_str("# [attributes] apply to columns of that name (camelCase, snake_case and spaces all match);\n");
    out.push_str("# other columns and free text follow the profile's defaults. With `--profile migration` every\n");
    out.push_str("# attribute is tokenized (DIGIT encrypts them at rest) and these visibilities apply to\n");
    out.push_str("# `parda unmask`: a role sees what its [roles] table says, else the attribute's default.\n\n");
    out.push_str("[attributes]\n");
    for (name, a) in attrs {
        let action = match (a.vis, &a.pattern) {
            (Vis::Plain, _) => "action = \"keep\"".to_string(),
            (Vis::Masked, Some(p)) => format!("action = \"mask\", pattern = {}", toml_str(p)),
            (Vis::Masked, None) => "action = \"mask\"".to_string(),
            (Vis::None, _) => "action = \"redact\", label = \"Confidential Information\"".to_string(),
        };
        out.push_str(&format!(
            "{} = {{ type = {}, {action} }}  # {}\n",
            toml_str(name),
            toml_str(&a.ty),
            a.models.join(", ")
        ));
    }
    for (role, access) in roles {
        out.push_str(&format!("\n[roles.{}]\n", toml_str(role)));
        for (ty, v) in access {
            let v = match v {
                Vis::Plain => "plain",
                Vis::Masked => "masked",
                Vis::None => "none",
            };
            out.push_str(&format!("{ty} = \"{v}\"\n"));
        }
    }
    if !unmapped.is_empty() {
        out.push_str("\n# Not mapped:\n");
        for u in unmapped {
            out.push_str(&format!("# - {}\n", u.replace('\n', " ")));
        }
    }
    out
}
