//! `fake`: realistic replacements chosen deterministically from a keyed hash, so the same
//! person gets the same fake everywhere. Names keep their honorifics, initials, word count,
//! case and script (a Devanagari name gets a Devanagari fake); addresses become a house number,
//! a locality and a city. Identifiers are not faked here: their fakes are tokens under a
//! separate key (see `Keyed`), which cannot collide.

use super::cipher::{indic_letters, INDIC_BLOCKS};
use super::key::hmac_sha256;
use parda_rules::{WordSet, DICTIONARIES};

macro_rules! list {
    ($name:literal) => {
        include_str!(concat!("../../../../rules/fake/", $name, ".txt"))
    };
}

/// The fake lists: (name, text), for the lint test.
pub const FAKE_LISTS: &[(&str, &str)] = &[
    ("given_deva", list!("given_deva")),
    ("surnames_deva", list!("surnames_deva")),
    ("localities", list!("localities")),
    ("cities", list!("cities")),
];

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn dict(name: &str) -> Vec<String> {
    lines(DICTIONARIES.iter().find(|(n, _)| *n == name).map_or("", |(_, t)| t))
}

fn fake_list(name: &str) -> Vec<String> {
    lines(FAKE_LISTS.iter().find(|(n, _)| *n == name).map_or("", |(_, t)| t))
}

/// Makes fakes under one key.
pub struct Faker {
    key: [u8; 32],
    given: Vec<String>,
    surnames: Vec<String>,
    given_deva: Vec<String>,
    surnames_deva: Vec<String>,
    localities: Vec<String>,
    cities: Vec<String>,
    /// Honorifics and relation markers, which a fake name keeps.
    markers: WordSet,
}

fn title(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `word` in the case style of `like`: ALL CAPS, lower or Title.
fn styled(word: &str, like: &str) -> String {
    let letters = || like.chars().filter(|c| c.is_ascii_alphabetic());
    if letters().count() > 1 && letters().all(|c| c.is_ascii_uppercase()) {
        word.to_uppercase()
    } else if letters().next().is_some() && letters().all(|c| c.is_ascii_lowercase()) {
        word.to_lowercase()
    } else {
        title(word)
    }
}

/// The Indic block a word is written in, if any.
fn indic_block(word: &str) -> Option<u32> {
    word.chars().map(|c| c as u32).find(|c| (0x900..0xD80).contains(c)).map(|c| c & !0x7F)
}

/// A Devanagari word moved into another Indic block, if every letter exists there.
fn to_block(word: &str, block: u32) -> Option<String> {
    word.chars()
        .map(|c| {
            let off = c as u32 - 0x900;
            let moved = char::from_u32(block + off)?;
            let is_letter = (0x05..=0x39).contains(&off) || (0x58..=0x5F).contains(&off);
            let ok = if is_letter {
                indic_letters(block).contains(&moved)
            } else {
                moved.is_alphabetic() || !c.is_alphabetic()
            };
            // Signs (matras, virama, anusvara) must exist too: an unassigned code point is not
            // alphabetic and has no name, so compare with the general property.
            (ok && (is_letter || moved.is_alphabetic() || moved == '\u{0}' || !c.is_alphabetic())).then_some(moved)
        })
        .collect()
}

impl Faker {
    /// A faker under a 256-bit sub-key.
    pub fn new(key: [u8; 32]) -> Faker {
        Faker {
            key,
            given: dict("given_names"),
            surnames: dict("surnames"),
            given_deva: fake_list("given_deva"),
            surnames_deva: fake_list("surnames_deva"),
            localities: fake_list("localities"),
            cities: fake_list("cities"),
            markers: dict("honorifics").into_iter().chain(dict("relations")).collect(),
        }
    }

    fn pick(&self, label: &str, seed: &str, n: usize) -> usize {
        let h = hmac_sha256(&self.key, format!("{label}\0{seed}").as_bytes());
        (u64::from_be_bytes(h[..8].try_into().expect("8 bytes")) % n.max(1) as u64) as usize
    }

    /// A name from `list` (Latin) or its Devanagari counterpart moved to `block`, never equal to
    /// `avoid`.
    fn name_word(&self, latin: &[String], deva: &[String], label: &str, seed: &str, like: &str) -> String {
        let block = indic_block(like);
        let list = if block.is_some() { deva } else { latin };
        let start = self.pick(label, seed, list.len());
        for k in 0..list.len() {
            let cand = &list[(start + k) % list.len()];
            let word = match block {
                Some(0x900) | None => Some(cand.clone()),
                Some(b) if INDIC_BLOCKS.contains(&b) => to_block(cand, b),
                Some(_) => None,
            };
            if let Some(w) = word {
                let w = if block.is_some() { w } else { styled(&w, like) };
                if w.to_lowercase() != like.to_lowercase() {
                    return w;
                }
            }
        }
        like.chars().map(|_| '*').collect()
    }

    /// A fake for a person's name: honorifics and relation markers stay, initials become other
    /// initials, the last name word becomes a surname chosen by that surname (so a family keeps
    /// one fake surname), the others given names chosen by the whole name.
    pub fn name(&self, value: &str) -> String {
        let canonical: String = value.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let words: Vec<&str> = value.split_inclusive(char::is_whitespace).collect();
        let is_marker = |w: &str| {
            let k = w.trim().trim_end_matches(['.', ',', ':']).to_lowercase();
            self.markers.contains(&k) || k.contains('/')
        };
        let name_words: Vec<usize> = words
            .iter()
            .enumerate()
            .filter(|(_, w)| !is_marker(w) && w.chars().any(char::is_alphabetic))
            .map(|(i, _)| i)
            .collect();
        let last = name_words.last().copied();
        let mut out = String::with_capacity(value.len() + 8);
        for (i, w) in words.iter().enumerate() {
            let core_end = w.trim_end().trim_end_matches(['.', ',', ':', ';']).len();
            let (core, tail) = w.split_at(core_end);
            if !name_words.contains(&i) || core.is_empty() {
                out.push_str(w);
                continue;
            }
            let k = name_words.iter().position(|&n| n == i).unwrap_or(0);
            let letters = core.chars().filter(|c| c.is_alphabetic()).count();
            let fake = if letters == 1 && core.chars().count() <= 2 {
                let n = self.pick("initial", &format!("{canonical}\0{k}"), 26);
                let c = (b'A' + n as u8) as char;
                let c = if core.chars().any(|c| c.is_ascii_lowercase()) { c.to_ascii_lowercase() } else { c };
                c.to_string()
            } else if Some(i) == last && name_words.len() > 1 {
                self.name_word(&self.surnames, &self.surnames_deva, "surname", &core.to_lowercase(), core)
            } else {
                self.name_word(&self.given, &self.given_deva, "given", &format!("{canonical}\0{k}"), core)
            };
            out.push_str(&fake);
            out.push_str(tail);
        }
        out
    }

    /// A fake address: house number, locality and city, with a pin code when the original had
    /// one.
    pub fn address(&self, value: &str) -> String {
        let canonical: String = value.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let house = 1 + self.pick("house", &canonical, 499);
        let locality = title(&self.localities[self.pick("locality", &canonical, self.localities.len())]);
        let city = title(&self.cities[self.pick("city", &canonical, self.cities.len())]);
        let has_pin = value.split(|c: char| !c.is_ascii_digit()).any(|t| t.len() == 6);
        if has_pin {
            let pin = 110_000 + self.pick("pin", &canonical, 740_000);
            format!("H.No. {house}, {locality}, {city} - {pin}")
        } else {
            format!("H.No. {house}, {locality}, {city}")
        }
    }
}

/// The first known city an address names (`rules/fake/cities.txt`), in title case.
pub fn city_in(address: &str) -> Option<String> {
    static CITIES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let cities = CITIES.get_or_init(|| fake_list("cities"));
    let lower = address.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().find(|w| cities.binary_search_by(|c| c.as_str().cmp(w)).is_ok()).map(|w| title(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faker() -> Faker {
        Faker::new([3; 32])
    }

    #[test]
    fn lists_are_sorted_and_unique() {
        for (name, text) in FAKE_LISTS {
            let l: Vec<&str> = text.lines().collect();
            assert!(!l.is_empty());
            for w in l.windows(2) {
                assert!(w[0].as_bytes() < w[1].as_bytes(), "{name}: {:?} before {:?}", w[0], w[1]);
            }
        }
    }

    #[test]
    fn names_keep_their_shape_and_are_consistent() {
        let f = faker();
        let a = f.name("Smt. Sunita Devi");
        assert!(a.starts_with("Smt. ") && a.split(' ').count() == 3, "{a}");
        assert_ne!(a, "Smt. Sunita Devi");
        assert_eq!(
            f.name("Smt.  Sunita   Devi").split_whitespace().collect::<Vec<_>>(),
            a.split(' ').collect::<Vec<_>>()
        );
        let caps = f.name("RAMESH KUMAR");
        assert_eq!(caps, caps.to_uppercase());
        assert_eq!(f.name("Ramesh Kumar").to_uppercase(), caps);
        let init = f.name("R. K. Sharma");
        assert!(init.len() == "R. K. ".len() + init.split(' ').nth(2).unwrap().len(), "{init}");
        // A family keeps one fake surname.
        assert_eq!(f.name("Suresh Kumar").split(' ').nth(1), f.name("Ramesh Kumar").split(' ').nth(1));
        assert!(f.name("Late Shri Mohan Lal").starts_with("Late Shri "));
    }

    #[test]
    fn indic_names_get_fakes_in_their_script() {
        let f = faker();
        let d = f.name("रमेश कुमार");
        assert!(d.chars().filter(|c| c.is_alphabetic()).all(|c| ('\u{900}'..='\u{97F}').contains(&c)), "{d}");
        assert_ne!(d, "रमेश कुमार");
        let b = f.name("সুনীতা দেবী");
        assert!(b.chars().filter(|c| !c.is_whitespace()).all(|c| ('\u{980}'..='\u{9FF}').contains(&c)), "{b}");
        let t = f.name("முருகன் செல்வம்");
        assert!(t.chars().filter(|c| !c.is_whitespace()).all(|c| ('\u{B80}'..='\u{BFF}').contains(&c)), "{t}");
    }

    #[test]
    fn addresses() {
        let f = faker();
        let a = f.address("H.No. 12-4/B, Gandhi Nagar, Jaipur 302001");
        assert!(a.starts_with("H.No. ") && a.len() > 20, "{a}");
        assert_eq!(a, f.address("h.no. 12-4/b,  gandhi nagar, jaipur 302001"));
        assert_eq!(city_in("12 MG Road, Bengaluru 560001").as_deref(), Some("Bengaluru"));
        assert_eq!(city_in("Ward 7, near temple"), None);
    }
}
