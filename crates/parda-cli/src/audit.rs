//! The audit log: append-only JSON lines, one per keyed `mask` and per `unmask` (refusals
//! too). Each entry records when, who (the OS user), the role and purpose, the command, the
//! files and per-type counts — never values or keys — and the SHA-256 of the previous line, so
//! that altering, removing or reordering an entry breaks the chain. Each entry also carries a
//! MAC under a sub-key of the data key, so an attacker without the key cannot rewrite the
//! chain after an edit; `parda audit verify` checks the MACs when it is given the key.

use anyhow::{anyhow, Context, Result};
use parda_transform::keyed::{hmac_sha256, Key};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// The file name of the log in an output folder.
pub const AUDIT_FILE: &str = "parda-audit.jsonl";
/// The environment variable that names the log.
pub const AUDIT_ENV: &str = "PARDA_AUDIT_LOG";

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What one entry says.
#[derive(Debug, Default)]
pub struct Entry {
    /// `mask` or `unmask`.
    pub command: String,
    /// The profile (`migration`, `uat`).
    pub profile: Option<String>,
    /// The roles asked for.
    pub roles: Vec<String>,
    /// The stated purpose.
    pub purpose: Option<String>,
    /// `ok`, `refused` or `failed`.
    pub outcome: String,
    /// Why it was refused or failed (never a value).
    pub reason: Option<String>,
    /// Input files.
    pub files: Vec<String>,
    /// Values transformed or restored, per type.
    pub counts: BTreeMap<String, u64>,
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn sha256_hex(b: &[u8]) -> String {
    hex(&Sha256::digest(b))
}

fn now_utc() -> String {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs() as i64;
    let (y, m, day) = parda_transform::keyed::dates::civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{day:02}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

fn os_user() -> String {
    ["USER", "LOGNAME", "USERNAME"].iter().find_map(|v| std::env::var(v).ok()).unwrap_or_else(|| "unknown".into())
}

/// The body of a line that its hash and MAC cover: every field but `hash` and `mac`.
fn body(v: &Value) -> Vec<u8> {
    let mut m = v.as_object().cloned().unwrap_or_default();
    m.remove("hash");
    m.remove("mac");
    serde_json::to_vec(&Value::Object(m)).expect("to memory")
}

fn mac_key(key: &Key) -> [u8; 32] {
    key.derive("audit log")
}

/// Appends an entry to the log at `path` (created if missing).
pub fn append(path: &Path, entry: &Entry, key: Option<&Key>) -> Result<()> {
    let existing = std::fs::read_to_string(path).unwrap_or_default();
    let last = existing.lines().rfind(|l| !l.trim().is_empty());
    let (prev, seq) = match last {
        Some(l) => {
            let v: Value =
                serde_json::from_str(l).map_err(|e| anyhow!("{}: last entry is not JSON: {e}", path.display()))?;
            (sha256_hex(l.as_bytes()), v.get("seq").and_then(Value::as_u64).unwrap_or(0) + 1)
        }
        None => (GENESIS.to_string(), 1),
    };
    let mut m = Map::new();
    m.insert("seq".into(), json!(seq));
    m.insert("time".into(), json!(now_utc()));
    m.insert("user".into(), json!(os_user()));
    m.insert("command".into(), json!(entry.command));
    m.insert("profile".into(), json!(entry.profile));
    m.insert("roles".into(), json!(entry.roles));
    m.insert("purpose".into(), json!(entry.purpose));
    m.insert("outcome".into(), json!(entry.outcome));
    m.insert("reason".into(), json!(entry.reason));
    m.insert("files".into(), json!(entry.files));
    m.insert("counts".into(), json!(entry.counts));
    m.insert("key_check".into(), json!(key.map(Key::check_value)));
    m.insert("prev".into(), json!(prev));
    let mut v = Value::Object(m);
    let b = body(&v);
    v["hash"] = json!(sha256_hex(&b));
    if let Some(k) = key {
        v["mac"] = json!(hex(&hmac_sha256(&mac_key(k), &b)));
    }
    let mut line = serde_json::to_vec(&v).expect("to memory");
    line.push(b'\n');
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("{}: cannot open audit log", path.display()))?;
    f.write_all(&line).with_context(|| format!("{}: cannot append", path.display()))?;
    f.sync_all().ok();
    Ok(())
}

/// Checks a log: every line parses, numbers run 1, 2, 3…, each line's `prev` is the SHA-256 of
/// the line before, its `hash` covers its body, and (with the key) its MAC is right. Returns
/// the number of entries, or the first problem with its line number.
pub fn verify(path: &Path, key: Option<&Key>) -> Result<std::result::Result<u64, String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read audit log", path.display()))?;
    let mut prev = GENESIS.to_string();
    let mut n = 0u64;
    for (i, line) in text.lines().enumerate() {
        let at = format!("{}: line {}", path.display(), i + 1);
        if line.trim().is_empty() {
            return Ok(Err(format!("{at}: empty line")));
        }
        let Ok(v) = serde_json::from_str::<Value>(line) else { return Ok(Err(format!("{at}: not JSON"))) };
        n += 1;
        if v.get("seq").and_then(Value::as_u64) != Some(n) {
            return Ok(Err(format!("{at}: entry number is not {n} (an entry was removed or reordered)")));
        }
        if v.get("prev").and_then(Value::as_str) != Some(prev.as_str()) {
            return Ok(Err(format!(
                "{at}: does not follow the line before (an entry was altered, removed or reordered)"
            )));
        }
        let b = body(&v);
        if v.get("hash").and_then(Value::as_str) != Some(sha256_hex(&b).as_str()) {
            return Ok(Err(format!("{at}: its hash does not match its content (the entry was altered)")));
        }
        // Entries written under this key must carry its MAC; entries written without a key
        // (a refusal before any key was given) or under another key are checked by the chain.
        if let Some(k) = key.filter(|k| v.get("key_check").and_then(Value::as_str) == Some(&k.check_value())) {
            if v.get("mac").and_then(Value::as_str) != Some(hex(&hmac_sha256(&mac_key(k), &b)).as_str()) {
                return Ok(Err(format!("{at}: its MAC does not match (the entry was altered)")));
            }
        }
        prev = sha256_hex(line.as_bytes());
    }
    Ok(Ok(n))
}
