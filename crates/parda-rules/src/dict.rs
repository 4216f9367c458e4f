//! Dictionaries (`rules/dict/*.txt`): one lower-case entry per line, sorted, de-duplicated.
//! Their sources and licences are in `rules/dict/README.md`.

/// The set type of dictionaries (a fast, non-cryptographic hash: keys are not attacker-chosen
/// in a way that matters for one run).
pub type WordSet = rustc_hash::FxHashSet<String>;

macro_rules! dict {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../rules/dict/", $name, ".txt")))
    };
}

/// The built-in dictionaries: (name, text).
pub const DICTIONARIES: &[(&str, &str)] = &[
    dict!("given_names"),
    dict!("surnames"),
    dict!("given_names_indic"),
    dict!("surnames_indic"),
    dict!("honorifics"),
    dict!("relations"),
    dict!("name_context"),
    dict!("place_words"),
    dict!("address_words"),
    dict!("name_stopwords_hi"),
    dict!("english_words"),
    dict!("not_names"),
    dict!("abbreviations"),
    dict!("hinglish_words"),
];

/// Word lists for finding names and addresses in free text.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Given names (Latin in lower case, and the same names in nine Indic scripts).
    pub given: WordSet,
    /// Surnames (Latin in lower case, and in nine Indic scripts).
    pub surnames: WordSet,
    /// Honorifics, without a trailing dot (`shri`, `smt`, `श्री`).
    pub honorifics: WordSet,
    /// Relation markers (`s/o`, `son of`, `पुत्र`).
    pub relations: WordSet,
    /// Words after which a name follows (`owner`, `applicant`, `आवेदक`).
    pub context: WordSet,
    /// Words that make a capitalised run a place or institution (`Nagar`, `Hospital`).
    pub places: WordSet,
    /// Words that start or continue an address (`H.No`, `Gali`, `Near`).
    pub address: WordSet,
    /// Hindi function words that end a name (`का`, `ने`).
    pub stop_hi: WordSet,
    /// Common English words (lower case): a capitalised run made of them is not a name.
    pub english: WordSet,
    /// Words of Indian institutions and schemes: a capitalised run holding one is not a name
    /// (`Swachh Bharat`, `Gram Panchayat`).
    pub institutions: WordSet,
    /// Office abbreviations and city names: never part of a name found without a dictionary
    /// (`Dept`, `Distt`, `Gorakhpur`), but they do not make the words beside them a place.
    pub non_names: WordSet,
    /// Common words of Hindi written in Latin letters (`nahi`, `paani`, `shikayat`): never
    /// part of a lower-case name.
    pub hinglish: WordSet,
}

fn set(text: &str) -> WordSet {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

impl Lexicon {
    /// The built-in dictionaries.
    pub fn builtin() -> Lexicon {
        let get = |n: &str| set(DICTIONARIES.iter().find(|(name, _)| *name == n).map_or("", |(_, t)| t));
        Lexicon {
            given: get("given_names").into_iter().chain(get("given_names_indic")).collect(),
            surnames: get("surnames").into_iter().chain(get("surnames_indic")).collect(),
            honorifics: get("honorifics"),
            relations: get("relations"),
            context: get("name_context"),
            places: get("place_words"),
            address: get("address_words"),
            stop_hi: get("name_stopwords_hi"),
            english: get("english_words"),
            institutions: get("not_names"),
            hinglish: get("hinglish_words"),
            non_names: get("abbreviations")
                .into_iter()
                .chain(set(include_str!("../../../rules/fake/cities.txt")))
                .collect(),
        }
    }

    /// The lexicon without the given and family names in `names` (lower case): how detection
    /// is measured on names it has never seen (`testdata/names/heldout_*`).
    pub fn without_names(mut self, names: &WordSet) -> Lexicon {
        self.given.retain(|w| !names.contains(w));
        self.surnames.retain(|w| !names.contains(w));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dictionaries are sorted, de-duplicated, trimmed and lower case (a lint, as ripgrep
    /// checks its file-type table).
    #[test]
    fn dictionaries_are_sorted_unique_lowercase() {
        for (name, text) in DICTIONARIES {
            let lines: Vec<&str> = text.lines().collect();
            assert!(!lines.is_empty(), "{name} is empty");
            for w in lines.windows(2) {
                assert!(
                    w[0].as_bytes() < w[1].as_bytes(),
                    "{name}: {:?} before {:?} (sort with LC_ALL=C sort -u)",
                    w[0],
                    w[1]
                );
            }
            for l in &lines {
                assert_eq!(*l, l.trim(), "{name}: untrimmed {l:?}");
                assert_eq!(*l, l.to_lowercase(), "{name}: not lower case {l:?}");
            }
        }
    }
}
