//! Format-preserving encryption of numeral strings and of text.
//!
//! Numeral strings with at least a million possible values are encrypted with FF1 (NIST SP
//! 800-38G, AES-256, the `fpe` crate). Smaller domains (a lone initial, a five-digit pin code
//! body, a date) are below FF1's minimum; they go through a 10-round keyed Feistel network over
//! the smallest even number of bits that holds them, with AES-256 as the round function and
//! cycle walking back into the domain.
//!
//! Text is encrypted class by class: ASCII digits stay digits, ASCII letters stay letters (with
//! their case), letters of each Indic script stay letters of that script (vowel signs, viramas,
//! spaces and punctuation stay where they are). The classes are chained like a Feistel network:
//! each class is encrypted with the current values of all the others in its tweak, so every
//! output character depends on the whole value, and decryption runs the chain backwards.

use aes::cipher::{BlockCipherEncrypt, KeyInit};
use aes::Aes256;
use fpe::ff1::{FlexibleNumeralString, FF1};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// The smallest domain FF1 accepts.
const FF1_MIN_DOMAIN: u128 = 1_000_000;

/// Keyed format-preserving encryption of numeral strings.
pub struct NumeralCipher {
    key: [u8; 32],
    small: Aes256,
}

impl NumeralCipher {
    /// A cipher under a 256-bit key (use a sub-key per purpose).
    pub fn new(key: &[u8; 32], small_key: &[u8; 32]) -> NumeralCipher {
        NumeralCipher { key: *key, small: Aes256::new(small_key.into()) }
    }

    fn ff1(&self, radix: u32) -> FF1<Aes256> {
        // FF1 holds only the AES key schedule: building it per call is cheaper than sharing a
        // cache between threads.
        FF1::<Aes256>::new(&self.key, radix).expect("radix within 2..=65536")
    }

    /// Encrypts (or decrypts) `x`, numerals below `radix`, in place.
    pub fn apply(&self, radix: u32, tweak: &[u8], x: &mut [u16], decrypt: bool) {
        if x.is_empty() || radix < 2 {
            return;
        }
        let domain = (radix as u128).checked_pow(x.len() as u32);
        if domain.is_none_or(|d| d >= FF1_MIN_DOMAIN) {
            let f = self.ff1(radix);
            let ns = FlexibleNumeralString::from(x.to_vec());
            let out = if decrypt { f.decrypt(tweak, &ns) } else { f.encrypt(tweak, &ns) };
            let out: Vec<u16> = out.expect("numerals are below the radix").into();
            x.copy_from_slice(&out);
            return;
        }
        let n = domain.unwrap_or(1) as u64;
        let mut v = x.iter().fold(0u64, |a, &d| a * radix as u64 + d as u64);
        v = self.small_permute(tweak, v, n, decrypt);
        for d in x.iter_mut().rev() {
            *d = (v % radix as u64) as u16;
            v /= radix as u64;
        }
    }

    /// A keyed permutation of `0..n` (n below a million): a 10-round Feistel network with
    /// cycle walking.
    pub fn small_permute(&self, tweak: &[u8], x: u64, n: u64, decrypt: bool) -> u64 {
        if n <= 1 {
            return x;
        }
        let bits = 64 - (n - 1).leading_zeros();
        let half = bits.div_ceil(2);
        let mask = (1u64 << half) - 1;
        let mut h = Sha256::new();
        h.update(n.to_be_bytes());
        h.update(tweak);
        let th: [u8; 32] = h.finalize().into();
        let round = |i: u8, r: u64| -> u64 {
            let mut block = [0u8; 16];
            block[..10].copy_from_slice(&th[..10]);
            block[10] = i;
            block[11..15].copy_from_slice(&(r as u32).to_be_bytes());
            let mut b = aes::Block::from(block);
            self.small.encrypt_block(&mut b);
            u64::from_be_bytes(b[..8].try_into().expect("8 bytes")) & mask
        };
        let once = |v: u64| -> u64 {
            let (mut l, mut r) = (v >> half, v & mask);
            if decrypt {
                for i in (0..10u8).rev() {
                    let prev_r = l;
                    l = r ^ round(i, l);
                    r = prev_r;
                }
            } else {
                for i in 0..10u8 {
                    let t = l ^ round(i, r);
                    l = r;
                    r = t;
                }
            }
            (l << half) | r
        };
        let mut v = once(x);
        while v >= n {
            v = once(v);
        }
        v
    }
}

/// A class of characters that encrypt among themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CharClass {
    /// `0`–`9`.
    Digit,
    /// `a`–`z`, `A`–`Z` (case kept per position).
    Latin,
    /// The letters of the Indic script whose Unicode block starts here.
    IndicLetter(u32),
    /// The digits of the Indic script whose block starts here.
    IndicDigit(u32),
}

/// The Unicode blocks of the Indic scripts, which share ISCII's layout.
pub const INDIC_BLOCKS: [u32; 9] = [0x900, 0x980, 0xA00, 0xA80, 0xB00, 0xB80, 0xC00, 0xC80, 0xD00];

/// The independent letters (vowels and consonants) of an Indic block, in code point order.
pub fn indic_letters(block: u32) -> &'static [char] {
    static TABLE: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        INDIC_BLOCKS
            .iter()
            .map(|&b| {
                (0x05..=0x39u32)
                    .chain(0x58..=0x5F)
                    .filter_map(|o| char::from_u32(b + o))
                    .filter(|c| c.is_alphabetic())
                    .collect()
            })
            .collect()
    });
    INDIC_BLOCKS.iter().position(|&b| b == block).map_or(&[], |i| &table[i])
}

impl CharClass {
    /// The class of a character and its numeral, or `None` for characters that stay.
    pub fn of(c: char) -> Option<(CharClass, u16)> {
        match c {
            '0'..='9' => Some((CharClass::Digit, c as u16 - b'0' as u16)),
            'a'..='z' => Some((CharClass::Latin, c as u16 - b'a' as u16)),
            'A'..='Z' => Some((CharClass::Latin, c as u16 - b'A' as u16)),
            '\u{900}'..='\u{D7F}' => {
                let block = (c as u32) & !0x7F;
                let off = (c as u32) & 0x7F;
                if (0x66..=0x6F).contains(&off) {
                    return Some((CharClass::IndicDigit(block), (off - 0x66) as u16));
                }
                let i = indic_letters(block).iter().position(|&l| l == c)?;
                Some((CharClass::IndicLetter(block), i as u16))
            }
            _ => None,
        }
    }

    /// How many numerals the class has.
    pub fn radix(self) -> u32 {
        match self {
            CharClass::Digit | CharClass::IndicDigit(_) => 10,
            CharClass::Latin => 26,
            CharClass::IndicLetter(b) => indic_letters(b).len() as u32,
        }
    }

    /// The character for a numeral, in the case of `like`.
    pub fn char(self, numeral: u16, like: char) -> char {
        match self {
            CharClass::Digit => (b'0' + numeral as u8) as char,
            CharClass::Latin if like.is_ascii_uppercase() => (b'A' + numeral as u8) as char,
            CharClass::Latin => (b'a' + numeral as u8) as char,
            CharClass::IndicDigit(b) => char::from_u32(b + 0x66 + numeral as u32).unwrap_or(like),
            CharClass::IndicLetter(b) => indic_letters(b)[numeral as usize],
        }
    }

    fn id(self) -> [u8; 4] {
        match self {
            CharClass::Digit => *b"dig0",
            CharClass::Latin => *b"lat0",
            CharClass::IndicLetter(b) => [b'L', 0, (b >> 8) as u8, b as u8],
            CharClass::IndicDigit(b) => [b'D', 0, (b >> 8) as u8, b as u8],
        }
    }
}

/// Encrypts (or decrypts) the letters and digits of `text`, class by class; characters at
/// positions where `keep` is true, and characters of no class, stay.
pub fn crypt_text(
    cipher: &NumeralCipher,
    tweak: &str,
    text: &str,
    keep: &dyn Fn(usize) -> bool,
    decrypt: bool,
) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut classes: Vec<(CharClass, Vec<u16>)> = Vec::new();
    let mut slots: Vec<Option<CharClass>> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        match CharClass::of(c).filter(|_| !keep(i)) {
            Some((class, n)) => {
                match classes.iter_mut().find(|(k, _)| *k == class) {
                    Some((_, v)) => v.push(n),
                    None => classes.push((class, vec![n])),
                }
                slots.push(Some(class));
            }
            None => slots.push(None),
        }
    }
    classes.sort_by_key(|(k, _)| *k);
    let order: Vec<usize> = if decrypt { (0..classes.len()).rev().collect() } else { (0..classes.len()).collect() };
    for i in order {
        let mut t = Vec::with_capacity(tweak.len() + 64);
        t.extend_from_slice(tweak.as_bytes());
        for (j, (k, v)) in classes.iter().enumerate() {
            if j != i {
                t.extend_from_slice(&k.id());
                t.extend(v.iter().flat_map(|n| n.to_be_bytes()));
            }
        }
        t.extend_from_slice(&classes[i].0.id());
        let (class, numerals) = &mut classes[i];
        cipher.apply(class.radix(), &t, numerals, decrypt);
    }
    let mut next: Vec<usize> = vec![0; classes.len()];
    chars
        .iter()
        .zip(&slots)
        .map(|(&c, slot)| match slot {
            Some(class) => {
                let k = classes.iter().position(|(k, _)| k == class).expect("class collected");
                let n = classes[k].1[next[k]];
                next[k] += 1;
                class.char(n, c)
            }
            None => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cipher() -> NumeralCipher {
        NumeralCipher::new(&[7; 32], &[9; 32])
    }

    #[test]
    fn small_domains_are_permutations() {
        let c = cipher();
        for n in [2u64, 10, 26, 100, 676, 47846, 99_999] {
            let mut seen = vec![false; n as usize];
            for x in 0..n.min(5000) {
                let y = c.small_permute(b"t", x, n, false);
                assert!(y < n);
                assert!(!seen[y as usize], "n={n} collision");
                seen[y as usize] = true;
                assert_eq!(c.small_permute(b"t", y, n, true), x);
            }
        }
    }

    #[test]
    fn text_keeps_classes_and_round_trips() {
        let c = cipher();
        for text in
            ["Ramesh Kumar", "R. K. SHARMA", "H.No. 12-4/B, Gandhi Nagar", "रमेश कुमार", "ಮಂಜುನಾಥ", "x", "7", "A1"]
        {
            let t = crypt_text(&c, "name", text, &|_| false, false);
            assert_eq!(t.chars().count(), text.chars().count());
            for (a, b) in text.chars().zip(t.chars()) {
                assert_eq!(CharClass::of(a).map(|x| x.0), CharClass::of(b).map(|x| x.0), "{text} -> {t}");
                assert_eq!(a.is_ascii_uppercase(), b.is_ascii_uppercase());
            }
            assert_eq!(crypt_text(&c, "name", &t, &|_| false, true), text);
        }
        assert_ne!(crypt_text(&c, "name", "Ramesh Kumar", &|_| false, false), "Ramesh Kumar");
        // Case does not change the letters chosen, only their case.
        let a = crypt_text(&c, "name", "ramesh", &|_| false, false);
        let b = crypt_text(&c, "name", "RAMESH", &|_| false, false);
        assert_eq!(a.to_ascii_uppercase(), b);
    }
}
