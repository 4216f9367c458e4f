//! Writes the [`indic_key`] of every Indic given name and surname of the built-in dictionaries
//! to `$OUT_DIR/indic_name_keys.txt`, sorted, one per line: building them took ~100M
//! instructions (~30 ms) at the first Indic word of every run. The keys come from the same
//! code the library uses (`src/indic_key.rs`); the test
//! `builtin_indic_name_keys_are_the_keys_of_the_name_lists` checks them against a run-time build.

#[path = "src/indic_key.rs"]
#[allow(dead_code)]
mod indic_key;

use std::collections::BTreeSet;
use std::path::Path;

/// The dictionaries behind the given-name and surname lists (`LIST_FILES` in `src/dict.rs`).
const NAME_FILES: &[&str] = &["given_names", "given_names_indic", "surnames", "surnames_indic"];

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../rules/dict");
    println!("cargo:rerun-if-changed=src/indic_key.rs");
    let mut keys = BTreeSet::new();
    let mut key = String::new();
    for name in NAME_FILES {
        let path = dir.join(format!("{name}.txt"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for word in text.split('\n').filter(|w| indic_key::is_indic(w)) {
            indic_key::indic_key_into(word, &mut key);
            if !keys.contains(&key) {
                keys.insert(key.clone());
            }
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("indic_name_keys.txt");
    let text: Vec<&str> = keys.iter().map(String::as_str).collect();
    std::fs::write(&out, text.join("\n")).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
