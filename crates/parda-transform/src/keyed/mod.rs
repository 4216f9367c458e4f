//! Keyed transforms: tokens (reversible, format-preserving), keyed hashes, consistent fakes,
//! generalisation and date shifting. All are pure functions of (key, type, value), so any
//! number of threads or machines give the same output.

pub mod cipher;
pub mod dates;
pub mod key;
pub mod token;

pub use key::{hmac_sha256, Key, KeyError, KEY_ENV};
pub use token::Tokenizer;
