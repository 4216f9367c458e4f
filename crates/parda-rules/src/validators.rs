//! Named validators: each confirms that a pattern's candidate is what its rule says it is.
//! All take the candidate text as matched (separators included) and ignore separators.

use smallvec::SmallVec;

/// A validator a rule can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validator {
    /// Always true.
    None,
    /// Verhoeff check digit over the digits.
    Verhoeff,
    /// Aadhaar: 12 digits, first 2-9, Verhoeff, not a run of one digit.
    Aadhaar,
    /// Luhn check digit over the digits, not a run of one digit.
    Luhn,
    /// Indian mobile: 10 digits after a 91/0 prefix, first 6-9, not a run of one digit.
    MobileIn,
    /// Indian landline: 0 + STD code + number = 11 digits (10 after +91).
    LandlineIn,
    /// A phone number in any Indian form: 10 digits, 11 starting 0, 12 starting 91, 13 starting
    /// 091 or 14 starting 0091; the 10 digits after the prefix not a run of one digit and not
    /// starting `0000`.
    PhoneIn,
    /// PAN: holder-type letter, one case throughout.
    Pan,
    /// GSTIN: state code, embedded PAN, entity number, `Z`. The check character is not required:
    /// a GSTIN with a wrong check character still carries a real PAN, which must not leak.
    Gstin,
    /// Voter ID: the 7 digits are not all zero.
    Epic,
    /// Passport: not all zero.
    PassportIn,
    /// Driving licence: known state code, plausible year.
    DrivingLicenceIn,
    /// Vehicle registration: known state code (or BH series).
    VehicleIn,
    /// IFSC: 5th character is 0.
    Ifsc,
    /// Bank account: 9-18 digits, not a run of one digit.
    BankAccount,
    /// UPI id: the part after `@` has no dot.
    Upi,
    /// Email: a domain with a dot and a 2+ letter TLD.
    Email,
    /// A real calendar date in a plausible birth range (1900-2030).
    Date,
    /// Pin code: 6 digits, first 1-9.
    Pincode,
    /// IPv4 address: four dotted numbers 0-255, not all zero, no part written with a leading
    /// zero (`01.02.2024.1` is no address).
    Ipv4,
}

/// Indian state and union-territory codes used on licences and vehicle plates.
pub const STATE_CODES: &[&str] = &[
    "AN", "AP", "AR", "AS", "BR", "CG", "CH", "DD", "DL", "DN", "GA", "GJ", "HP", "HR", "JH", "JK", "KA", "KL", "LA",
    "LD", "MH", "ML", "MN", "MP", "MZ", "NL", "OD", "OR", "PB", "PY", "RJ", "SK", "TN", "TR", "TS", "UK", "UA", "UP",
    "WB",
];

impl Validator {
    /// Every validator name, for error messages.
    pub const NAMES: &'static [&'static str] = &[
        "none",
        "verhoeff",
        "aadhaar",
        "luhn",
        "mobile_in",
        "landline_in",
        "phone_in",
        "pan",
        "gstin",
        "epic",
        "passport_in",
        "driving_licence_in",
        "vehicle_in",
        "ifsc",
        "bank_account",
        "upi",
        "email",
        "date",
        "pincode",
        "ipv4",
    ];

    /// Looks a validator up by the name used in rule files.
    pub fn from_name(name: &str) -> Option<Validator> {
        use Validator::*;
        Some(match name {
            "none" => None,
            "verhoeff" => Verhoeff,
            "aadhaar" => Aadhaar,
            "luhn" => Luhn,
            "mobile_in" => MobileIn,
            "landline_in" => LandlineIn,
            "phone_in" => PhoneIn,
            "pan" => Pan,
            "gstin" => Gstin,
            "epic" => Epic,
            "passport_in" => PassportIn,
            "driving_licence_in" => DrivingLicenceIn,
            "vehicle_in" => VehicleIn,
            "ifsc" => Ifsc,
            "bank_account" => BankAccount,
            "upi" => Upi,
            "email" => Email,
            "date" => Date,
            "pincode" => Pincode,
            "ipv4" => Ipv4,
            _ => return Option::None,
        })
    }

    /// True when `s` passes the check.
    pub fn validate(self, s: &str) -> bool {
        use Validator::*;
        match self {
            None => true,
            Verhoeff => {
                let d = digits(s);
                !d.is_empty() && !one_digit_run(&d) && verhoeff_valid(&d)
            }
            Aadhaar => aadhaar_valid(&digits(s)),
            Luhn => {
                let d = digits(s);
                d.len() >= 12 && !one_digit_run(&d) && luhn_valid(&d)
            }
            MobileIn => national_number(&digits(s)).is_some_and(mobile_number),
            LandlineIn => landline_valid(s),
            PhoneIn => phone_valid(s),
            // A PAN written in groups (`ABCPK 1234 F`) is one PAN.
            Pan if s.contains([' ', '-']) => pan_valid(&s.replace([' ', '-'], "")),
            Pan => pan_valid(s),
            Gstin => gstin_structure_valid(s),
            Epic => {
                let d = digits(s);
                d.iter().any(|&c| c != 0)
            }
            PassportIn => digits(s).iter().any(|&c| c != 0),
            DrivingLicenceIn => driving_licence_valid(s),
            VehicleIn => vehicle_valid(s),
            Ifsc => s.len() == 11 && s.as_bytes()[4] == b'0',
            BankAccount => {
                let d = digits(s);
                (9..=18).contains(&d.len()) && !one_digit_run(&d)
            }
            Upi => s
                .split_once('@')
                .is_some_and(|(u, h)| (2..=256).contains(&u.len()) && !h.contains('.') && (2..=64).contains(&h.len())),
            Email => email_valid(s),
            // 1 January 1900 is the "unknown" date of legacy systems (and what a masked date
            // in a SQL date column is written as), not anyone's birthday.
            Date => parse_date(s).is_some_and(|d| d != (1900, 1, 1)),
            Pincode => {
                let d = digits(s);
                d.len() == 6 && d[0] != 0
            }
            Ipv4 => ipv4_valid(s),
        }
    }
}

/// Whether `s` is four dotted numbers 0-255, not all zero, none with a leading zero.
fn ipv4_valid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (p.len() == 1 || !p.starts_with('0')))
        && parts.iter().all(|p| p.parse::<u16>().is_ok_and(|n| n <= 255))
        && parts.iter().any(|p| *p != "0")
}

/// The ASCII digits of `s`, as numbers 0-9 (on the stack for up to 24 of them: a candidate
/// identifier is validated without an allocation).
pub fn digits(s: &str) -> SmallVec<[u8; 24]> {
    s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
}

fn one_digit_run(d: &[u8]) -> bool {
    d.windows(2).all(|w| w[0] == w[1])
}

const VERHOEFF_D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/// True when the last digit is the Verhoeff check digit of the others.
pub fn verhoeff_valid(d: &[u8]) -> bool {
    let mut c = 0u8;
    for (i, &x) in d.iter().rev().enumerate() {
        c = VERHOEFF_D[c as usize][VERHOEFF_P[i % 8][x as usize] as usize];
    }
    c == 0
}

/// The Verhoeff check digit to append to `d`.
pub fn verhoeff_check_digit(d: &[u8]) -> u8 {
    let mut c = 0u8;
    for (i, &x) in d.iter().rev().enumerate() {
        c = VERHOEFF_D[c as usize][VERHOEFF_P[(i + 1) % 8][x as usize] as usize];
    }
    VERHOEFF_INV[c as usize]
}

/// Aadhaar: 12 digits, first 2-9, Verhoeff, not one repeated digit.
pub fn aadhaar_valid(d: &[u8]) -> bool {
    d.len() == 12 && d[0] >= 2 && !one_digit_run(d) && verhoeff_valid(d)
}

/// True when the last digit is the Luhn check digit of the others.
pub fn luhn_valid(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = x as u32;
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 {
                    y - 9
                } else {
                    y
                }
            } else {
                x
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The 10 digits of an Indian phone number after its prefix (`0`, `91`, `091`, `0091`), if
/// `d` is one written with or without a prefix.
fn national_number(d: &[u8]) -> Option<&[u8]> {
    Some(match d.len() {
        10 => d,
        11 if d[0] == 0 => &d[1..],
        12 if d[..2] == [9, 1] => &d[2..],
        13 if d[..3] == [0, 9, 1] => &d[3..],
        14 if d[..4] == [0, 0, 9, 1] => &d[4..],
        _ => return None,
    })
}

/// The 10-digit national number of an Indian mobile written in any common form, if valid.
pub fn mobile_national(s: &str) -> Option<Vec<u8>> {
    let d = digits(s);
    national_number(&d).filter(|n| mobile_number(n)).map(<[u8]>::to_vec)
}

/// Whether a 10-digit national number is a mobile's: first digit 6-9, not one digit repeated.
fn mobile_number(national: &[u8]) -> bool {
    national[0] >= 6 && !one_digit_run(national)
}

fn landline_valid(s: &str) -> bool {
    let d = digits(s);
    let national: &[u8] = match d.len() {
        11 if d[0] == 0 => &d[1..],
        12 if d[..2] == [9, 1] => &d[2..],
        _ => return false,
    };
    national[0] != 0 && national[0] <= 8 && !one_digit_run(&national[national.len() - 6..])
}

/// 10 digits that are not a run of one digit and do not start `0000` (how parda masks a number
/// in a numeric column: `0000003210`), alone or after a prefix (see [`national_number`]).
fn phone_valid(s: &str) -> bool {
    national_number(&digits(s)).is_some_and(|n| n[..4] != [0, 0, 0, 0] && !one_digit_run(n))
}

const PAN_HOLDER_TYPES: &[u8] = b"PCHFATBLJG";

/// PAN: 5 letters, 4 digits, 1 letter, holder-type 4th letter, one case throughout.
pub fn pan_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 {
        return false;
    }
    let upper = b.iter().all(|c| !c.is_ascii_lowercase());
    let lower = b.iter().all(|c| !c.is_ascii_uppercase());
    let mut u = [0u8; 10];
    u.copy_from_slice(b);
    u.make_ascii_uppercase();
    (upper || lower)
        && u[..5].iter().all(u8::is_ascii_uppercase)
        && u[5..9].iter().all(u8::is_ascii_digit)
        && u[9].is_ascii_uppercase()
        && PAN_HOLDER_TYPES.contains(&u[3])
}

const B36: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The GSTIN check character for the first 14 characters (upper case).
pub fn gstin_check_char(first14: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (i, c) in first14.iter().enumerate() {
        let v = B36.iter().position(|x| x == c)? as u32;
        let p = v * if i % 2 == 0 { 1 } else { 2 };
        sum += p / 36 + p % 36;
    }
    Some(B36[((36 - sum % 36) % 36) as usize])
}

/// GSTIN structure: valid state code (01-38, 97, 99), embedded PAN, `Z`.
pub fn gstin_structure_valid(s: &str) -> bool {
    let u: Vec<u8> = s.bytes().map(|c| c.to_ascii_uppercase()).collect();
    if u.len() != 15 || !u[..2].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let state = (u[0] - b'0') * 10 + (u[1] - b'0');
    let state_ok = (1..=38).contains(&state) || state == 97 || state == 99;
    let pan = std::str::from_utf8(&u[2..12]).unwrap_or("");
    state_ok && pan_valid(pan) && u[13] == b'Z'
}

/// A GSTIN whose structure and check character are both right.
pub fn gstin_valid(s: &str) -> bool {
    let u: Vec<u8> = s.bytes().map(|c| c.to_ascii_uppercase()).collect();
    gstin_structure_valid(s) && gstin_check_char(&u[..14]) == Some(u[14])
}

fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphabetic()).collect()
}

fn driving_licence_valid(s: &str) -> bool {
    let l = letters(s);
    let d = digits(s);
    if l.len() != 2 || !STATE_CODES.contains(&l.as_str()) || d.len() != 13 {
        return false;
    }
    let year = d[2..6].iter().fold(0u32, |a, &x| a * 10 + x as u32);
    (1950..=2035).contains(&year) && d[6..].iter().any(|&x| x != 0)
}

fn vehicle_valid(s: &str) -> bool {
    let l = letters(s);
    if l.contains("BH") && s.trim_start().starts(|c: char| c.is_ascii_digit()) {
        return true;
    }
    l.len() >= 3 && STATE_CODES.contains(&&l[..2]) && digits(s).iter().rev().take(4).any(|&x| x != 0)
}

trait StartsWith {
    fn starts(&self, f: impl Fn(char) -> bool) -> bool;
}
impl StartsWith for str {
    fn starts(&self, f: impl Fn(char) -> bool) -> bool {
        self.chars().next().is_some_and(f)
    }
}

fn email_valid(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let tld = domain.rsplit('.').next().unwrap_or("");
    !local.is_empty() && domain.contains('.') && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
}

const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Parses a date in the formats legacy records use into (year, month, day), if it is a real date
/// between 1900 and 2030. Two-digit years: 00-30 -> 20xx, else 19xx.
pub fn parse_date(s: &str) -> Option<(u32, u32, u32)> {
    let lower = s.to_ascii_lowercase();
    let month_word = MONTHS.iter().position(|m| lower.contains(m)).map(|i| i as u32 + 1);
    let nums: Vec<&str> = lower.split(|c: char| !c.is_ascii_digit()).filter(|t| !t.is_empty()).collect();
    let num = |t: &str| t.parse::<u32>().ok();
    let (y, m, d) = match (month_word, nums.as_slice()) {
        (Some(m), [a, b]) if a.len() == 4 => (num(a)?, m, num(b)?),
        (Some(m), [a, b]) => (expand_year(b)?, m, num(a)?),
        (None, [a, b, c]) if a.len() == 4 => (num(a)?, num(b)?, num(c)?),
        (None, [a, b, c]) if a.len() <= 2 && b.len() <= 2 => (expand_year(c)?, num(b)?, num(a)?),
        // Eight digits, no separator (`19850909`, `09091985`): year first when it reads as one.
        (None, [a]) if a.len() == 8 && s.len() == 8 => {
            let ymd = (num(&a[..4])?, num(&a[4..6])?, num(&a[6..])?);
            let dmy = (num(&a[4..])?, num(&a[2..4])?, num(&a[..2])?);
            return [ymd, dmy].into_iter().find(|&(y, m, d)| civil_date(y, m, d));
        }
        _ => return None,
    };
    civil_date(y, m, d).then_some((y, m, d))
}

/// A real calendar day in 1900-2030.
fn civil_date(y: u32, m: u32, d: u32) -> bool {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1900..=2030).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days[m as usize - 1]
}

fn expand_year(t: &str) -> Option<u32> {
    let v = t.parse::<u32>().ok()?;
    match t.len() {
        4 => Some(v),
        2 => Some(if v <= 30 { 2000 + v } else { 1900 + v }),
        _ => None,
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil((y, m, d): (i64, u32, u32)) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verhoeff_known_values() {
        // Standard Verhoeff test vector: 236 -> check digit 3.
        assert_eq!(verhoeff_check_digit(&[2, 3, 6]), 3);
        assert!(verhoeff_valid(&[2, 3, 6, 3]));
        assert!(!verhoeff_valid(&[2, 3, 6, 4]));
        assert!(Validator::Aadhaar.validate("2345 6789 0124"));
        assert!(!Validator::Aadhaar.validate("2345 6789 0123"));
        assert!(!Validator::Aadhaar.validate("1345 6789 0124"));
    }

    #[test]
    fn luhn_known_values() {
        assert!(Validator::Luhn.validate("4111 1111 1111 1111"));
        assert!(!Validator::Luhn.validate("4111 1111 1111 1112"));
    }

    #[test]
    fn mobile_forms() {
        for s in [
            "9876543210",
            "+91 98765 43210",
            "+91-9876543210",
            "09876543210",
            "919876543210",
            "98765-43210",
            "(+91) 9876543210",
        ] {
            assert_eq!(mobile_national(s).as_deref(), Some(&[9, 8, 7, 6, 5, 4, 3, 2, 1, 0][..]), "{s}");
        }
        for s in ["5876543210", "9999999999", "987654321", "98765432101"] {
            assert!(mobile_national(s).is_none(), "{s}");
        }
    }

    #[test]
    fn ipv4_forms() {
        for s in ["174.39.203.202", "10.0.0.1", "255.255.255.255", "0.0.0.1"] {
            assert!(Validator::Ipv4.validate(s), "{s}");
        }
        for s in ["256.1.1.1", "0.0.0.0", "01.02.2024.1", "1.2.3", "1.2.3.4.5", "a.b.c.d", "1..2.3"] {
            assert!(!Validator::Ipv4.validate(s), "{s}");
        }
    }

    #[test]
    fn phone_forms() {
        for s in [
            "2654391430",
            "04524733717",
            "+91 2570504456",
            "+910317332601",
            "0091-22-24567890",
            "22 2456 7890",
            "0096314573",
        ] {
            assert!(Validator::PhoneIn.validate(s), "{s}");
        }
        for s in [
            "265439143",
            "14524733717",
            "9225705044567",
            "+91 1111111111",
            "0000000000",
            "00912570504456789",
            "0000003210",
        ] {
            assert!(!Validator::PhoneIn.validate(s), "{s}");
        }
    }

    #[test]
    fn pan_holder_type_and_case() {
        assert!(pan_valid("ABCPE1234F"));
        assert!(pan_valid("abcpe1234f"));
        assert!(!pan_valid("ABCDE1234F"));
        assert!(!pan_valid("AbCPe1234F"));
        let pan = Validator::from_name("pan").unwrap();
        assert!(pan.validate("ABCPE 1234 F") && pan.validate("abcpe-1234-f") && !pan.validate("ABCDE 1234 F"));
    }

    #[test]
    fn gstin_check_character() {
        // The well-known documentation example fails its own checksum (C is right, not 5).
        assert!(!gstin_valid("22AAAAA0000A1Z5"));
        assert!(gstin_valid("22AAAAA0000A1ZC"));
        assert!(gstin_valid("27AAPFU0939F1ZV"));
        assert!(!gstin_valid("27AAPFU0939F1ZW"));
        assert!(gstin_structure_valid("22AAAAA0000A1Z5"));
        assert!(!gstin_structure_valid("45AAAAA0000A1Z5"));
        assert!(!gstin_structure_valid("22AAADA0000A1Z5"));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("14/03/1994"), Some((1994, 3, 14)));
        assert_eq!(parse_date("14-03-94"), Some((1994, 3, 14)));
        assert_eq!(parse_date("1994-03-14"), Some((1994, 3, 14)));
        assert_eq!(parse_date("14 Mar 1994"), Some((1994, 3, 14)));
        assert_eq!(parse_date("March 14, 1994"), Some((1994, 3, 14)));
        assert_eq!(parse_date("31/02/1994"), None);
        assert_eq!(parse_date("29/02/2000"), Some((2000, 2, 29)));
        assert_eq!(parse_date("19850909"), Some((1985, 9, 9)));
        assert_eq!(parse_date("12031985"), Some((1985, 3, 12)));
        assert_eq!(parse_date("19851309"), None);
        assert_eq!(parse_date("31021985"), None);
        assert_eq!(parse_date("No 19850909"), None);
        assert!(Validator::Date.validate("02/01/1900"));
        assert!(!Validator::Date.validate("01/01/1900"));
        assert!(!Validator::Date.validate("1900-01-01"));
    }

    #[test]
    fn licence_and_vehicle() {
        assert!(Validator::DrivingLicenceIn.validate("UP-18-2020-8751495"));
        assert!(Validator::DrivingLicenceIn.validate("DL0420110012345"));
        assert!(!Validator::DrivingLicenceIn.validate("XX0420110012345"));
        assert!(Validator::VehicleIn.validate("MH12AB1234"));
        assert!(Validator::VehicleIn.validate("22BH1234AA"));
        assert!(!Validator::VehicleIn.validate("XY12AB1234"));
    }
}
