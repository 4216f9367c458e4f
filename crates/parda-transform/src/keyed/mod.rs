//! Keyed transforms: tokens (reversible, format-preserving), keyed hashes, consistent fakes,
//! generalisation and date shifting. All are pure functions of (key, type, value), so any
//! number of threads or machines give the same output.

pub mod cipher;
pub mod dates;
pub mod fake;
pub mod key;
pub mod token;

use dates::{civil_from_days, days_from_civil, DateShape};
pub use fake::{city_in, Faker};
pub use key::{hmac_sha256, Key, KeyError, KEY_ENV};
use parda_rules::validators::{digits, mobile_national};
pub use token::Tokenizer;

/// The canonical form of a value of a type, so differently written copies of one value join:
/// the national mobile number, the bare digits of an Aadhaar, an upper-case PAN, a lower-case
/// email, otherwise lower case with single spaces.
pub fn canonical(type_name: &str, value: &str) -> String {
    match type_name {
        "mobile" => mobile_national(value)
            .map(|d| d.iter().map(|x| (b'0' + x) as char).collect())
            .unwrap_or_else(|| value.trim().to_string()),
        "aadhaar" | "vid" | "card" | "bank_account" | "landline" | "pincode" => {
            digits(value).iter().map(|x| (b'0' + x) as char).collect()
        }
        "pan" | "gstin" | "voter_id" | "passport" | "ifsc" | "driving_licence" | "vehicle_reg" | "welfare_id" => {
            value.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_uppercase()
        }
        _ => value.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase(),
    }
}

/// What `generalize` coarsens a value to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generalization {
    /// A date to its year (`1990`).
    Year,
    /// A date of birth to a ten-year age band this year (`30-39`).
    AgeBand,
    /// A pin code (or any number) to its first three digits (`560`).
    Prefix3,
    /// An address to the city it names (`Bengaluru`), or `<ADDRESS>`.
    City,
}

impl Generalization {
    /// Parses `year`, `age-band`, `prefix3`, `city`.
    pub fn parse(s: &str) -> Option<Generalization> {
        Some(match s {
            "year" => Generalization::Year,
            "age-band" | "age_band" => Generalization::AgeBand,
            "prefix3" => Generalization::Prefix3,
            "city" => Generalization::City,
            _ => return None,
        })
    }

    /// The default for a type: dates to year, pin codes to three digits, addresses to city.
    pub fn default_for(type_name: &str) -> Option<Generalization> {
        match type_name {
            "dob" | "date" => Some(Generalization::Year),
            "pincode" => Some(Generalization::Prefix3),
            "address" => Some(Generalization::City),
            _ => None,
        }
    }

    /// Its name in a policy.
    pub fn name(self) -> &'static str {
        match self {
            Generalization::Year => "year",
            Generalization::AgeBand => "age-band",
            Generalization::Prefix3 => "prefix3",
            Generalization::City => "city",
        }
    }

    /// The coarsened value; `None` when the value cannot be read as what it should be (the
    /// caller then masks it).
    pub fn apply(self, value: &str) -> Option<String> {
        match self {
            Generalization::Year => DateShape::parse(value).map(|(_, (y, _, _))| y.to_string()),
            Generalization::AgeBand => {
                let (_, (y, _, _)) = DateShape::parse(value)?;
                let age = (this_year() - y).max(0);
                let low = age / 10 * 10;
                Some(format!("{low}-{}", low + 9))
            }
            Generalization::Prefix3 => {
                let d = digits(value);
                (d.len() >= 4).then(|| d[..3].iter().map(|x| (b'0' + x) as char).collect())
            }
            Generalization::City => Some(city_in(value).unwrap_or_else(|| "<ADDRESS>".into())),
        }
    }
}

fn this_year() -> i64 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64).0
}

/// Every keyed transform under one key.
pub struct Keyed {
    /// The key's check value (safe to show and store).
    pub check_value: String,
    tokens: Tokenizer,
    fake_tokens: Tokenizer,
    faker: Faker,
    hash_key: [u8; 32],
    shift_key: [u8; 32],
}

impl std::fmt::Debug for Keyed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Keyed(check value {})", self.check_value)
    }
}

impl Keyed {
    /// All sub-keys of `key`.
    pub fn new(key: &Key) -> Keyed {
        Keyed {
            check_value: key.check_value(),
            tokens: Tokenizer::new(key, "tokenize"),
            fake_tokens: Tokenizer::new(key, "fake"),
            faker: Faker::new(key.derive("fake/names")),
            hash_key: key.derive("hash"),
            shift_key: key.derive("shift"),
        }
    }

    /// The reversible token of a value.
    pub fn tokenize(&self, type_name: &str, value: &str) -> Option<String> {
        self.tokens.tokenize(type_name, value)
    }

    /// The value behind a token.
    pub fn detokenize(&self, type_name: &str, token: &str) -> Option<String> {
        self.tokens.detokenize(type_name, token)
    }

    /// A keyed hash for joining (HMAC-SHA256 of the canonical form, 128 bits in hex).
    pub fn hash(&self, type_name: &str, value: &str) -> String {
        let data = format!("{type_name}\0{}", canonical(type_name, value));
        hmac_sha256(&self.hash_key, data.as_bytes())[..16].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// A realistic fake: a name or address from the lists; for identifiers a valid token under
    /// the fake sub-key (a bijection, so two people never share a fake identifier, and not
    /// reversible with the migration tokens' key).
    pub fn fake(&self, type_name: &str, value: &str) -> Option<String> {
        match type_name {
            "name" => Some(self.faker.name(value)),
            "address" => Some(self.faker.address(value)),
            "dob" | "date" => self.shift(value, None),
            _ => self.fake_tokens.tokenize(type_name, value),
        }
    }

    /// A person key for `shift`: the keyed hash of a value identifying the row's person.
    pub fn subject(&self, type_name: &str, value: &str) -> u64 {
        let h = hmac_sha256(&self.shift_key, format!("{type_name}\0{}", canonical(type_name, value)).as_bytes());
        u64::from_be_bytes(h[..8].try_into().expect("8 bytes"))
    }

    /// A date moved by 1 to 365 days, forwards or back, by an offset keyed on the person (or on
    /// the date itself when no person is known); written the way it was.
    pub fn shift(&self, value: &str, subject: Option<u64>) -> Option<String> {
        let (shape, ymd) = DateShape::parse(value)?;
        let h = subject.unwrap_or_else(|| self.subject("date", value));
        let offset = 1 + (h % 365) as i64;
        let offset = if h & (1 << 63) != 0 { -offset } else { offset };
        shape.render(civil_from_days(days_from_civil(ymd) + offset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_join_canonical_forms_and_depend_on_the_key() {
        let a = Keyed::new(&Key::parse(&"11".repeat(32), "t").unwrap());
        let b = Keyed::new(&Key::parse(&"22".repeat(32), "t").unwrap());
        assert_eq!(a.hash("mobile", "+91 98765 43210"), a.hash("mobile", "09876543210"));
        assert_eq!(a.hash("pan", "abcpe1234f"), a.hash("pan", "ABCPE1234F"));
        assert_ne!(a.hash("mobile", "9876543210"), b.hash("mobile", "9876543210"));
        assert_eq!(a.hash("mobile", "9876543210").len(), 32);
    }

    #[test]
    fn shift_and_generalize() {
        let k = Keyed::new(&Key::parse(&"11".repeat(32), "t").unwrap());
        let s = k.shift("14/03/1990", Some(42)).unwrap();
        assert_ne!(s, "14/03/1990");
        let (_, shifted) = DateShape::parse(&s).unwrap();
        let d = days_from_civil(shifted) - days_from_civil((1990, 3, 14));
        assert!(d != 0 && d.abs() <= 365);
        // One person, one offset: both dates move by the same number of days.
        let s2 = k.shift("1990-04-14", Some(42)).unwrap();
        let (_, shifted2) = DateShape::parse(&s2).unwrap();
        assert_eq!(days_from_civil(shifted2) - days_from_civil((1990, 4, 14)), d);
        assert_eq!(Generalization::Year.apply("14-Mar-1990").as_deref(), Some("1990"));
        assert_eq!(Generalization::Prefix3.apply("560 001").as_deref(), Some("560"));
        assert_eq!(Generalization::City.apply("12, MG Road, Pune").as_deref(), Some("Pune"));
        let band = Generalization::AgeBand.apply("1990-03-14").unwrap();
        assert!(band.ends_with('9') && band.contains('-'), "{band}");
    }
}
