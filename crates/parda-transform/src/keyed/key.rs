//! The secret key: read from `PARDA_KEY` or a key file (never the command line), with sub-keys
//! derived per purpose by HKDF-SHA256 and a key check value that identifies it without
//! revealing it.

use base64::Engine as _;
use hkdf::Hkdf;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::path::Path;

/// The environment variable a key is read from.
pub const KEY_ENV: &str = "PARDA_KEY";

/// A 256-bit key. Its `Debug` form never shows the bytes.
#[derive(Clone)]
pub struct Key {
    bytes: [u8; 32],
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key(check value {})", self.check_value())
    }
}

/// Why a key could not be read. Messages never contain key material.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// Neither the variable nor a key file was given.
    #[error(
        "a key is needed: set {KEY_ENV} (64 hex digits or base64 of 32 bytes) or pass --key-file FILE \
         (make one with: head -c 32 /dev/urandom | base64 > parda.key)"
    )]
    Missing,
    /// The key text is not 32 bytes in hex or base64.
    #[error("{0}: not a 256-bit key (expected 64 hex digits or base64 of 32 bytes)")]
    Malformed(String),
    /// The key file cannot be read.
    #[error("{0}: cannot read key file: {1}")]
    Unreadable(String, std::io::Error),
}

impl Key {
    /// Parses 64 hex digits or base64 (standard or URL-safe, padded or not) of 32 bytes.
    pub fn parse(text: &str, source: &str) -> Result<Key, KeyError> {
        let t = text.trim();
        let bytes = if t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()) {
            (0..32).map(|i| u8::from_str_radix(&t[2 * i..2 * i + 2], 16).unwrap_or(0)).collect::<Vec<u8>>()
        } else {
            let engines = [
                base64::engine::general_purpose::STANDARD,
                base64::engine::general_purpose::STANDARD_NO_PAD,
                base64::engine::general_purpose::URL_SAFE,
                base64::engine::general_purpose::URL_SAFE_NO_PAD,
            ];
            engines.iter().find_map(|e| e.decode(t).ok()).unwrap_or_default()
        };
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| KeyError::Malformed(source.into()))?;
        Ok(Key { bytes })
    }

    /// Reads the key from `file` when given, else from `PARDA_KEY`; `Ok(None)` when neither is
    /// set.
    pub fn load(file: Option<&Path>) -> Result<Option<Key>, KeyError> {
        if let Some(f) = file {
            let shown = f.display().to_string();
            let text = std::fs::read_to_string(f).map_err(|e| KeyError::Unreadable(shown.clone(), e))?;
            return Key::parse(&text, &shown).map(Some);
        }
        match std::env::var(KEY_ENV) {
            Ok(v) if !v.trim().is_empty() => Key::parse(&v, KEY_ENV).map(Some),
            _ => Ok(None),
        }
    }

    /// A 256-bit sub-key for one purpose (`"tokenize/mobile"`, `"fake"`, ...).
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        let hk = Hkdf::<Sha256>::new(Some(b"parda key v1"), &self.bytes);
        let mut out = [0u8; 32];
        hk.expand(purpose.as_bytes(), &mut out).expect("32 bytes is a valid HKDF-SHA256 length");
        out
    }

    /// 16 hex digits that identify the key (an HMAC of a constant under a derived sub-key), so a
    /// wrong key is caught before anything is written.
    pub fn check_value(&self) -> String {
        let mac = hmac_sha256(&self.derive("key check value"), b"parda");
        mac[..8].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// HMAC-SHA256 of `data` under `key`.
pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_base64_give_the_same_key() {
        let hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
        let b64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        let a = Key::parse(hex, "t").unwrap();
        let b = Key::parse(b64, "t").unwrap();
        assert_eq!(a.check_value(), b.check_value());
        assert_eq!(a.derive("x"), b.derive("x"));
        assert_ne!(a.derive("x"), a.derive("y"));
        assert!(!format!("{a:?}").contains("0001"));
    }

    #[test]
    fn short_or_garbled_keys_are_refused_without_echoing_them() {
        for bad in ["abcd", "zz", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd"] {
            let e = Key::parse(bad, "PARDA_KEY").unwrap_err().to_string();
            assert!(e.starts_with("PARDA_KEY: not a 256-bit key"), "{e}");
            assert!(!e.contains(bad), "{e}");
        }
    }
}
