//! `tokenize`: reversible, format- and validity-preserving tokens per PII type.
//!
//! Every value is first brought to its canonical form (`+91 98765-43210` and `09876543210` are
//! the mobile `9876543210`; `abcpe1234f` is the PAN `ABCPE1234F`), so the same value gets the
//! same token in every file; the token is then written back in the input's layout.
//!
//! Types with a structure get tokens that pass the same checks: an Aadhaar keeps a 2–9 lead and
//! a correct Verhoeff digit, a PAN keeps its holder-type letter, a mobile its 6–9 lead, a GSTIN
//! its state code and the token of its own PAN with a recomputed check character, a card its
//! Luhn digit, an email its domain, a date stays a valid date written the same way. A value of
//! such a type that does not have the structure (a mistyped Aadhaar) is tokenized class by class
//! and cycle-walked until its token does not have the structure either, so `detokenize` knows
//! from a token alone which way it was made.

use super::cipher::{crypt_text, NumeralCipher};
use super::dates::{civil_from_days, days_from_civil, DateShape, FIRST_YEAR, LAST_YEAR};
use super::key::Key;
use parda_rules::validators::{
    aadhaar_valid, digits, gstin_check_char, gstin_valid, luhn_valid, mobile_national, pan_valid, verhoeff_check_digit,
    verhoeff_valid, Validator,
};

/// Cycle walks give up after this many steps (they take a handful in practice).
const MAX_WALK: usize = 100_000;

/// The layouts parda knows how to tokenize with validity kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Mobile,
    Aadhaar,
    Vid,
    Pan,
    Gstin,
    Email,
    Card,
    Date,
    Pincode,
    Ifsc,
    DrivingLicence,
    Vehicle,
    Ipv4,
    Text,
}

fn format_of(type_name: &str) -> Format {
    match type_name {
        "mobile" => Format::Mobile,
        "aadhaar" => Format::Aadhaar,
        "vid" => Format::Vid,
        "pan" => Format::Pan,
        "gstin" => Format::Gstin,
        "email" | "upi" => Format::Email,
        "card" => Format::Card,
        "dob" | "date" => Format::Date,
        "pincode" => Format::Pincode,
        "ifsc" => Format::Ifsc,
        "driving_licence" => Format::DrivingLicence,
        "vehicle_reg" => Format::Vehicle,
        "ip" => Format::Ipv4,
        _ => Format::Text,
    }
}

/// Makes and reverses tokens under one key.
pub struct Tokenizer {
    cipher: NumeralCipher,
}

/// Byte positions of the ASCII digits of `s`.
fn digit_positions(s: &str) -> Vec<usize> {
    s.bytes().enumerate().filter(|(_, b)| b.is_ascii_digit()).map(|(i, _)| i).collect()
}

/// `s` with the digits at `positions` replaced by `new`.
fn put_digits(s: &str, positions: &[usize], new: &[u16]) -> String {
    let mut b = s.as_bytes().to_vec();
    for (&p, &d) in positions.iter().zip(new) {
        b[p] = b'0' + d as u8;
    }
    String::from_utf8(b).expect("ASCII digits replaced by ASCII digits")
}

fn to_numerals(d: &[u8]) -> Vec<u16> {
    d.iter().map(|&x| x as u16).collect()
}

fn luhn_check_digit(body: &[u8]) -> u8 {
    (0..10u8)
        .find(|&c| {
            let mut v = body.to_vec();
            v.push(c);
            luhn_valid(&v)
        })
        .unwrap_or(0)
}

/// The same case as `like`: lower when `like` has no upper-case letter.
fn case_like(s: &str, like: &str) -> String {
    if like.bytes().any(|b| b.is_ascii_lowercase()) && !like.bytes().any(|b| b.is_ascii_uppercase()) {
        s.to_ascii_lowercase()
    } else {
        s.to_string()
    }
}

impl Tokenizer {
    /// A tokenizer under the sub-keys of `key` for `purpose` (`tokenize`, `fake`).
    pub fn new(key: &Key, purpose: &str) -> Tokenizer {
        let ff1 = key.derive(&format!("{purpose}/ff1"));
        let feistel = key.derive(&format!("{purpose}/feistel"));
        Tokenizer { cipher: NumeralCipher::new(&ff1, &feistel) }
    }

    /// The token of `value`, a value of type `type_name`; `None` only if a cycle walk could not
    /// finish (the caller then masks instead).
    pub fn tokenize(&self, type_name: &str, value: &str) -> Option<String> {
        self.crypt(type_name, value, false)
    }

    /// The value a token was made from.
    pub fn detokenize(&self, type_name: &str, token: &str) -> Option<String> {
        self.crypt(type_name, token, true)
    }

    fn crypt(&self, type_name: &str, v: &str, decrypt: bool) -> Option<String> {
        let format = format_of(type_name);
        if self.fits(format, v) {
            return self.structured(format, v, decrypt);
        }
        // Class by class, walking out of the structured layout (an invalid value never gets a
        // valid-looking token, so the way back is known from the token).
        let tweak = format!("text/{type_name}");
        let keep = self.keep_rule(format, v);
        let mut x = crypt_text(&self.cipher, &tweak, v, &keep, decrypt);
        for _ in 0..MAX_WALK {
            if !self.fits(format, &x) {
                return Some(x);
            }
            x = crypt_text(&self.cipher, &tweak, &x, &keep, decrypt);
        }
        None
    }

    /// Characters that stay in the class-by-class form: codes that say nothing about a person
    /// (an IFSC's bank code, a licence's or vehicle's state and RTO).
    fn keep_rule(&self, format: Format, v: &str) -> Box<dyn Fn(usize) -> bool> {
        let chars: Vec<char> = v.chars().collect();
        let nth_alnum: Vec<usize> = {
            let mut n = 0;
            chars
                .iter()
                .map(|c| {
                    let i = n;
                    if c.is_ascii_alphanumeric() {
                        n += 1;
                    }
                    i
                })
                .collect()
        };
        let keep_first = match format {
            Format::Ifsc => 5,
            Format::DrivingLicence => 8,
            Format::Vehicle => 4,
            _ => 0,
        };
        Box::new(move |i| nth_alnum.get(i).is_some_and(|&n| n < keep_first))
    }

    fn fits(&self, format: Format, v: &str) -> bool {
        match format {
            Format::Mobile => mobile_national(v).is_some(),
            Format::Aadhaar => aadhaar_valid(&digits(v)) && digits(v).len() == 12,
            Format::Vid => {
                let d = digits(v);
                d.len() == 16 && d[0] != 0 && verhoeff_valid(&d)
            }
            // In groups too (`ABCPK 1234 F`): the fourth letter is still the fourth character.
            Format::Pan => pan_valid(&v.replace([' ', '-'], "")),
            Format::Gstin => {
                gstin_valid(v)
                    && (v.bytes().all(|b| !b.is_ascii_lowercase()) || v.bytes().all(|b| !b.is_ascii_uppercase()))
            }
            Format::Email => v.split_once('@').is_some_and(|(l, d)| !l.is_empty() && !d.is_empty() && !d.contains('@')),
            Format::Card => {
                let d = digits(v);
                (13..=19).contains(&d.len()) && luhn_valid(&d)
            }
            Format::Date => DateShape::parse(v).is_some(),
            Format::Pincode => {
                let d = digits(v);
                d.len() == 6 && d[0] != 0 && v.trim().len() <= 7
            }
            Format::Ipv4 => ipv4_number(v).is_some(),
            Format::Ifsc | Format::DrivingLicence | Format::Vehicle | Format::Text => false,
        }
    }

    fn structured(&self, format: Format, v: &str, decrypt: bool) -> Option<String> {
        let c = &self.cipher;
        match format {
            Format::Mobile => {
                // The national number is the last ten digits; its lead digit (6-9) stays.
                let pos = digit_positions(v);
                let national = &pos[pos.len() - 10..];
                let d = digits(v);
                let mut body = to_numerals(&d[d.len() - 9..]);
                let walk = |body: &mut Vec<u16>| c.apply(10, b"mobile", body, decrypt);
                walk(&mut body);
                let valid = |b: &[u16]| {
                    let s: String = std::iter::once(d[d.len() - 10] as u16)
                        .chain(b.iter().copied())
                        .map(|x| (b'0' + x as u8) as char)
                        .collect();
                    mobile_national(&s).is_some()
                };
                for _ in 0..MAX_WALK {
                    if valid(&body) {
                        return Some(put_digits(v, &national[1..], &body));
                    }
                    walk(&mut body);
                }
                None
            }
            Format::Aadhaar | Format::Vid => {
                let (n, tweak): (usize, &[u8]) =
                    if format == Format::Aadhaar { (12, b"aadhaar") } else { (16, b"vid") };
                let pos = digit_positions(v);
                let d = digits(v);
                let mut body = to_numerals(&d[..n - 1]);
                let full = |b: &[u16]| {
                    let mut x: Vec<u8> = b.iter().map(|&y| y as u8).collect();
                    x.push(verhoeff_check_digit(&x));
                    x
                };
                let ok = |x: &[u8]| {
                    if format == Format::Aadhaar {
                        aadhaar_valid(x)
                    } else {
                        x[0] != 0 && verhoeff_valid(x)
                    }
                };
                for _ in 0..MAX_WALK {
                    c.apply(10, tweak, &mut body, decrypt);
                    let x = full(&body);
                    if ok(&x) {
                        return Some(put_digits(v, &pos, &to_numerals(&x)));
                    }
                }
                None
            }
            Format::Pan => {
                // The fourth letter says what kind of holder (person, company, trust...) and stays.
                let upper = v.to_ascii_uppercase();
                let t = crypt_text(c, "pan", &upper, &|i| i == 3, decrypt);
                Some(case_like(&t, v))
            }
            Format::Gstin => {
                let upper = v.to_ascii_uppercase();
                let pan = self.structured(Format::Pan, &upper[2..12], decrypt)?;
                let mut first14 = format!("{}{}{}", &upper[..2], pan, &upper[12..14]).into_bytes();
                let check = gstin_check_char(&first14)?;
                first14.push(check);
                Some(case_like(&String::from_utf8(first14).ok()?, v))
            }
            Format::Email => {
                let (local, domain) = v.rsplit_once('@')?;
                let t = crypt_text(c, "email", local, &|_| false, decrypt);
                Some(format!("{t}@{domain}"))
            }
            Format::Card => {
                // The first digit names the network and stays; the Luhn digit is recomputed.
                let pos = digit_positions(v);
                let d = digits(v);
                let mut body = to_numerals(&d[1..d.len() - 1]);
                c.apply(10, b"card", &mut body, decrypt);
                let mut x: Vec<u8> = std::iter::once(d[0]).chain(body.iter().map(|&y| y as u8)).collect();
                x.push(luhn_check_digit(&x));
                Some(put_digits(v, &pos, &to_numerals(&x)))
            }
            Format::Date => {
                let (shape, ymd) = DateShape::parse(v)?;
                let first = days_from_civil((FIRST_YEAR, 1, 1));
                let n = (days_from_civil((LAST_YEAR, 12, 31)) - first + 1) as u64;
                let mut day = (days_from_civil(ymd) - first) as u64;
                for _ in 0..MAX_WALK {
                    day = c.small_permute(b"date", day, n, decrypt);
                    let date = civil_from_days(first + day as i64);
                    if shape.fits(date) {
                        return shape.render(date);
                    }
                }
                None
            }
            Format::Pincode => {
                // The first digit is the postal region and stays.
                let pos = digit_positions(v);
                let d = digits(v);
                let mut body = to_numerals(&d[1..]);
                c.apply(10, b"pincode", &mut body, decrypt);
                let mut x = vec![d[0] as u16];
                x.extend(body);
                Some(put_digits(v, &pos, &x))
            }
            Format::Ipv4 => {
                // The address as one 32-bit number, permuted; never 0.0.0.0 (no address).
                let mut x = u64::from(ipv4_number(v)?);
                for _ in 0..MAX_WALK {
                    x = c.small_permute(b"ipv4", x, 1 << 32, decrypt);
                    if x != 0 {
                        let b = (x as u32).to_be_bytes();
                        return Some(format!("{}.{}.{}.{}", b[0], b[1], b[2], b[3]));
                    }
                }
                None
            }
            Format::Ifsc | Format::DrivingLicence | Format::Vehicle | Format::Text => None,
        }
    }
}

/// An IPv4 address written the usual way (four numbers 0-255, no leading zeros, not all zero)
/// as one number; `None` for anything else.
fn ipv4_number(v: &str) -> Option<u32> {
    if !Validator::Ipv4.validate(v) {
        return None;
    }
    let mut n = 0u32;
    for part in v.split('.') {
        n = n << 8 | part.parse::<u32>().ok()?;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parda_rules::validators::gstin_valid;
    use proptest::prelude::*;

    fn tok() -> Tokenizer {
        Tokenizer::new(&Key::parse(&"ab".repeat(32), "test").unwrap(), "tokenize")
    }

    fn round_trip(t: &Tokenizer, ty: &str, v: &str) -> String {
        let token = t.tokenize(ty, v).unwrap();
        assert_eq!(t.detokenize(ty, &token).as_deref(), Some(v), "{ty} {v} -> {token}");
        token
    }

    #[test]
    fn canonical_forms_share_a_token() {
        let t = tok();
        let a = round_trip(&t, "mobile", "9876543210");
        let b = round_trip(&t, "mobile", "+91 98765-43210");
        let c = round_trip(&t, "mobile", "09876543210");
        assert_ne!(a, "9876543210");
        assert!(a.starts_with('9'));
        assert_eq!(digits(&b)[2..], digits(&a)[..]);
        assert!(b.starts_with("+91 9") && b.as_bytes()[9] == b'-');
        assert_eq!(digits(&c)[1..], digits(&a)[..]);
        let p = round_trip(&t, "pan", "ABCPE1234F");
        assert_eq!(round_trip(&t, "pan", "abcpe1234f"), p.to_ascii_lowercase());
        assert_eq!(&p[3..4], "P");
        // A PAN in groups is the same PAN: the same token, in the same groups.
        assert_eq!(round_trip(&t, "pan", "ABCPE 1234 F").replace(' ', ""), p);
        assert_eq!(round_trip(&t, "pan", "ABCPE-1234-F").replace('-', ""), p);
        let mut g = b"27ABCPE1234F1Z".to_vec();
        g.push(gstin_check_char(&g).unwrap());
        let g = round_trip(&t, "gstin", std::str::from_utf8(&g).unwrap());
        assert!(gstin_valid(&g), "{g}");
        assert_eq!(&g[..2], "27");
        assert_eq!(&g[2..12], p);
    }

    #[test]
    fn other_types_round_trip_in_layout() {
        let t = tok();
        let e = round_trip(&t, "email", "Ramesh.Kumar@example.com");
        assert!(
            e.ends_with("@example.com") && e.as_bytes()[6] == b'.' && e.starts_with(|c: char| c.is_ascii_uppercase())
        );
        let d = round_trip(&t, "dob", "14-Mar-90");
        assert!(DateShape::parse(&d).is_some(), "{d}");
        // An IPv4 address becomes another valid one; a malformed one is walked out of the form.
        for ip in ["174.39.203.202", "10.0.0.1", "255.255.255.255"] {
            let token = round_trip(&t, "ip", ip);
            assert!(Validator::Ipv4.validate(&token) && token != ip, "{ip} -> {token}");
        }
        let odd = round_trip(&t, "ip", "300.1.2.3");
        assert!(!Validator::Ipv4.validate(&odd), "{odd}");
        for v in [
            "1/3/1990",
            "1990-03-14",
            "3 March 1990",
            "560001",
            "4111 1111 1111 1111",
            "Ramesh Kumar",
            "रमेश कुमार",
            "SBIN0001234",
            "MH1220190001234",
            "2345 6789 0123",
            "+91 98765",
        ] {
            let ty = match v.len() {
                6 => "pincode",
                19 => "card",
                _ if v.contains("SBIN") => "ifsc",
                _ if v.starts_with("MH") => "driving_licence",
                _ if v.starts_with("2345") => "aadhaar",
                _ if v.starts_with('+') => "mobile",
                _ if v.starts_with(|c: char| c.is_ascii_digit()) => "dob",
                _ => "name",
            };
            let token = round_trip(&t, ty, v);
            assert_ne!(token, v);
        }
        assert!(round_trip(&t, "ifsc", "SBIN0001234").starts_with("SBIN0"));
        assert!(luhn_valid(&digits(&round_trip(&t, "card", "4111 1111 1111 1111"))));
        // A mistyped Aadhaar (bad check digit) never gets a valid-looking token.
        assert!(!aadhaar_valid(&digits(&round_trip(&t, "aadhaar", "2345 6789 0123"))));
    }

    fn aadhaar_from(body: u64) -> String {
        let mut d: Vec<u8> = format!("{body:011}").bytes().map(|b| b - b'0').collect();
        d[0] = 2 + d[0] % 8;
        d.push(verhoeff_check_digit(&d));
        d.iter().map(|x| (b'0' + x) as char).collect()
    }

    proptest! {
        #[test]
        fn aadhaar_tokens_stay_valid(body in 0u64..100_000_000_000) {
            let t = tok();
            let a = aadhaar_from(body);
            prop_assume!(aadhaar_valid(&digits(&a)));
            let token = round_trip(&t, "aadhaar", &a);
            prop_assert!(aadhaar_valid(&digits(&token)), "{} -> {}", a, token);
            prop_assert_ne!(token, a);
        }

        #[test]
        fn pan_tokens_keep_holder_type(p in "[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z]") {
            let t = tok();
            let token = round_trip(&t, "pan", &p);
            prop_assert!(pan_valid(&token));
            prop_assert_eq!(&token[3..4], &p[3..4]);
        }

        #[test]
        fn gstin_tokens_have_right_check_char(state in 1u32..=37, p in "[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z]", e in "[1-9A-Z]") {
            let t = tok();
            let mut g = format!("{state:02}{p}{e}Z").into_bytes();
            g.push(gstin_check_char(&g).unwrap());
            let g = String::from_utf8(g).unwrap();
            let token = round_trip(&t, "gstin", &g);
            prop_assert!(gstin_valid(&token), "{} -> {}", g, token);
            prop_assert_eq!(&token[..2], &g[..2]);
            prop_assert_eq!(&token[2..12], t.tokenize("pan", &p).unwrap());
        }

        #[test]
        fn mobile_tokens_keep_lead(lead in 6u8..=9, body in 0u64..1_000_000_000) {
            let t = tok();
            let m = format!("{lead}{body:09}");
            prop_assume!(mobile_national(&m).is_some());
            let token = round_trip(&t, "mobile", &m);
            prop_assert!(mobile_national(&token).is_some());
            prop_assert_eq!(token.as_bytes()[0], m.as_bytes()[0]);
        }

        #[test]
        fn dates_stay_dates(day in 0i64..47000) {
            let t = tok();
            let (y, m, d) = civil_from_days(days_from_civil((1900, 1, 1)) + day);
            for v in [format!("{d:02}/{m:02}/{y}"), format!("{y}-{m:02}-{d:02}"), format!("{d}/{m}/{y}")] {
                let token = round_trip(&t, "dob", &v);
                prop_assert!(DateShape::parse(&token).is_some(), "{} -> {}", v, token);
            }
        }

        #[test]
        fn any_text_round_trips(s in "\\PC{0,30}") {
            let t = tok();
            round_trip(&t, "name", &s);
            round_trip(&t, "email", &s);
            round_trip(&t, "aadhaar", &s);
        }
    }
}
