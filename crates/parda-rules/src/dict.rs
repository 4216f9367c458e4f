//! Dictionaries (`rules/dict/*.txt`): one lower-case entry per line, sorted, de-duplicated.
//! Their sources and licences are in `rules/dict/README.md`.

use crate::indic_key::{indic_key_into, is_indic};
use std::borrow::Cow;

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
    dict!("firm_words"),
    dict!("address_words"),
    dict!("name_stopwords_hi"),
    dict!("function_words_indic"),
    dict!("english_words"),
    dict!("not_names"),
    dict!("abbreviations"),
    dict!("hinglish_words"),
    dict!("common_words_indic"),
    dict!("names_common_indic"),
    dict!("towns"),
];

/// The text of the built-in dictionary `name` (empty when there is none).
fn dictionary_text(name: &str) -> &'static str {
    DICTIONARIES.iter().find(|(n, _)| *n == name).map_or("", |(_, t)| t)
}

/// The entries of a built-in dictionary: its non-empty lines. The files are trimmed and have
/// no `\r` (the lint test `dictionaries_are_sorted_unique_lowercase` checks), so the lines are
/// cut at each `\n` by a plain byte loop, several times cheaper than `str::lines` on ~300,000
/// short lines (about a quarter of the start-up's instructions went there).
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    let mut start = 0;
    std::iter::from_fn(move || loop {
        if start >= text.len() {
            return None;
        }
        let rest = &text.as_bytes()[start..];
        let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let line = &text[start..start + len];
        start += len + 1;
        if !line.is_empty() {
            return Some(line);
        }
    })
}

/// A large built-in word list kept as the sorted lines of its file: no allocation per word,
/// looked up by binary search (the lint test keeps the files sorted bytewise).
#[derive(Debug, Clone, Default)]
pub struct SortedWords(Vec<&'static str>);

impl SortedWords {
    fn builtin(name: &str) -> SortedWords {
        SortedWords(entries(dictionary_text(name)).collect())
    }

    /// Whether `word` is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.0.binary_search(&word).is_ok()
    }
}

/// Which of the word lists a word is in, one bit per list: a token's lists are found with one
/// lookup, however many lists the name rules then ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lists(u32);

impl Lists {
    /// Given names (Latin in lower case, and the same names in nine Indic scripts).
    pub const GIVEN: Lists = Lists(1);
    /// Surnames (Latin in lower case, and in nine Indic scripts).
    pub const SURNAME: Lists = Lists(1 << 1);
    /// Honorifics, without a trailing dot (`shri`, `smt`, `श्री`).
    pub const HONORIFIC: Lists = Lists(1 << 2);
    /// Relation markers (`s/o`, `son of`, `पुत्र`).
    pub const RELATION: Lists = Lists(1 << 3);
    /// Words after which a name follows (`owner`, `applicant`, `आवेदक`).
    pub const CONTEXT: Lists = Lists(1 << 4);
    /// Words that make a capitalised run a place or institution (`Nagar`, `Hospital`).
    pub const PLACE: Lists = Lists(1 << 5);
    /// Words that start or continue an address (`H.No`, `Gali`, `Near`).
    pub const ADDRESS: Lists = Lists(1 << 6);
    /// Hindi function words that end a name (`का`, `ने`).
    pub const STOP_HI: Lists = Lists(1 << 7);
    /// Common English words (lower case): a capitalised run made of them is not a name.
    pub const ENGLISH: Lists = Lists(1 << 8);
    /// Words of Indian institutions and schemes: a capitalised run holding one is not a name
    /// (`Swachh Bharat`, `Gram Panchayat`).
    pub const INSTITUTION: Lists = Lists(1 << 9);
    /// Office abbreviations and city names: never part of a name found without a dictionary
    /// (`Dept`, `Distt`, `Gorakhpur`), but they do not make the words beside them a place.
    pub const NON_NAME: Lists = Lists(1 << 10);
    /// Common words of Hindi written in Latin letters (`nahi`, `paani`, `shikayat`): never
    /// part of a lower-case name.
    pub const HINGLISH: Lists = Lists(1 << 11);
    /// Words that end a shop's or firm's name (`Traders`, `Tailors`, `Parlour`): place words
    /// too, but a person's full name may head the firm (`Sunita Verma Tailors`).
    pub const FIRM: Lists = Lists(1 << 12);
    /// Indic spellings of names that are common words too, and so left out of the name lists
    /// (`शशि`, the moon; `सरकार`, government): a name only where a person stands.
    pub const COMMON_NAME: Lists = Lists(1 << 13);
    /// Indian towns and cities (`rules/dict/towns.txt`; those of `rules/fake/cities.txt` are in
    /// [`Lists::NON_NAME`] too): the town before a pin code (`Siliguri - 734001`), the place
    /// after a word of transfer (`Transferred from Salem`).
    pub const TOWN: Lists = Lists(1 << 14);
    /// First of the bits left to word lists kept outside the dictionaries (the name finder's
    /// own short lists, added with [`Lexicon::add_words`]): `Lists::custom(0)` and up.
    const FIRST_CUSTOM: u32 = 15;

    /// The `n`th custom list (`n < 17`).
    pub const fn custom(n: u32) -> Lists {
        assert!(Lists::FIRST_CUSTOM + n < 32, "at most 17 custom lists");
        Lists(1 << (Lists::FIRST_CUSTOM + n))
    }

    /// Whether any of the lists in `other` is among these.
    pub fn has(self, other: Lists) -> bool {
        self.0 & other.0 != 0
    }

    /// Both sets of lists.
    pub fn union(self, other: Lists) -> Lists {
        Lists(self.0 | other.0)
    }

    fn without(self, other: Lists) -> Lists {
        Lists(self.0 & !other.0)
    }
}

/// The [`indic_key`](crate::indic_key()) of every Indic given name and surname of the built-in
/// dictionaries, sorted, one per line: written by `build.rs` with the same code.
const BUILTIN_INDIC_NAME_KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/indic_name_keys.txt"));

/// A set of Indic name keys: borrowed from [`BUILTIN_INDIC_NAME_KEYS`] or computed.
type IndicKeys = rustc_hash::FxHashSet<Cow<'static, str>>;

/// Word lists for finding names and addresses in free text: every word of every list, once,
/// with the [`Lists`] it is in.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: rustc_hash::FxHashMap<&'static str, Lists>,
    /// The [`indic_key`](crate::indic_key()) of every Indic-script given name and surname: finds a name in a
    /// clerk's spelling (`यादव`) when the dictionary has another (`यदव`). Loaded at the first
    /// Indic word looked up from the keys the build computed for the built-in lists; computed
    /// here after the name lists change.
    indic_name_keys: std::sync::OnceLock<IndicKeys>,
    /// Whether the name lists are the built-in ones, whose keys the build wrote
    /// ([`BUILTIN_INDIC_NAME_KEYS`]).
    builtin_names: bool,
    /// Words of running Hindi, Bengali and Tamil text that are no name in the name lists
    /// (wordfreq): a run of them is a sentence, not a person.
    pub common_indic: SortedWords,
}

/// The built-in dictionaries behind each list (cities join the abbreviations).
const LIST_FILES: &[(Lists, &[&str])] = &[
    (Lists::GIVEN, &["given_names", "given_names_indic"]),
    (Lists::SURNAME, &["surnames", "surnames_indic"]),
    (Lists::HONORIFIC, &["honorifics"]),
    (Lists::RELATION, &["relations"]),
    (Lists::CONTEXT, &["name_context"]),
    (Lists::PLACE, &["place_words", "firm_words"]),
    (Lists::FIRM, &["firm_words"]),
    (Lists::ADDRESS, &["address_words"]),
    (Lists::STOP_HI, &["name_stopwords_hi", "function_words_indic"]),
    (Lists::ENGLISH, &["english_words"]),
    (Lists::INSTITUTION, &["not_names"]),
    (Lists::NON_NAME, &["abbreviations"]),
    (Lists::HINGLISH, &["hinglish_words"]),
    (Lists::COMMON_NAME, &["names_common_indic"]),
    (Lists::TOWN, &["towns"]),
];

impl Lexicon {
    /// The built-in dictionaries.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon { common_indic: SortedWords::builtin("common_words_indic"), ..Lexicon::default() };
        lex.words.reserve(160_000);
        for &(list, files) in LIST_FILES {
            for name in files {
                lex.add(list, dictionary_text(name));
            }
        }
        lex.add(Lists::NON_NAME.union(Lists::TOWN), include_str!("../../../rules/fake/cities.txt"));
        lex.builtin_names = true;
        lex
    }

    /// The lists `word` is in (none when it is in no list).
    pub fn lists(&self, word: &str) -> Lists {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// Whether `word` is in `list` (or in any of several lists).
    pub fn contains(&self, list: Lists, word: &str) -> bool {
        self.lists(word).has(list)
    }

    /// Adds `words` (lower case: tokens are looked up lower-cased) to `list`, a
    /// [`Lists::custom`] one.
    pub fn add_words(&mut self, list: Lists, words: &[&'static str]) {
        for &word in words {
            debug_assert_eq!(word, word.to_lowercase(), "a word list's words are lower case");
            self.add_word(list, word);
        }
    }

    fn add(&mut self, list: Lists, text: &'static str) {
        for word in entries(text) {
            self.add_word(list, word);
        }
    }

    fn add_word(&mut self, list: Lists, word: &'static str) {
        let lists = self.words.entry(word).or_default();
        *lists = lists.union(list);
        if list.has(Lists::GIVEN.union(Lists::SURNAME)) {
            self.indic_name_keys = std::sync::OnceLock::new();
            self.builtin_names = false;
        }
    }

    /// Whether `key` is the [`indic_key`](crate::indic_key()) of an Indic given name or surname.
    pub fn is_indic_name_key(&self, key: &str) -> bool {
        self.indic_name_keys
            .get_or_init(|| match self.builtin_names {
                true => entries(BUILTIN_INDIC_NAME_KEYS).map(Cow::Borrowed).collect(),
                false => self.build_indic_name_keys(),
            })
            .contains(key)
    }

    /// The [`indic_key`](crate::indic_key()) of every Indic given name and surname, computed from the lists.
    fn build_indic_name_keys(&self) -> IndicKeys {
        let names = Lists::GIVEN.union(Lists::SURNAME);
        let mut keys = IndicKeys::default();
        // One buffer for every key: a name's spellings in nine scripts mostly share one key,
        // which is copied only the first time (this is built on the first Indic word of a
        // Latin text, so its cost is a run's start-up cost).
        let mut key = String::new();
        for (word, _) in self.words.iter().filter(|(w, l)| l.has(names) && is_indic(w)) {
            indic_key_into(word, &mut key);
            if !keys.contains(key.as_str()) {
                keys.insert(Cow::Owned(key.clone()));
            }
        }
        keys
    }

    /// The lexicon without the given and family names in `names` (lower case): how detection
    /// is measured on names it has never seen (`testdata/names/heldout_*`).
    pub fn without_names(mut self, names: &WordSet) -> Lexicon {
        let name_lists = Lists::GIVEN.union(Lists::SURNAME);
        for (word, lists) in self.words.iter_mut() {
            if names.contains(*word) {
                *lists = lists.without(name_lists);
            }
        }
        self.words.retain(|_, lists| *lists != Lists::default());
        self.indic_name_keys = std::sync::OnceLock::new();
        self.builtin_names = false;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indic_key::{chillu_base, indic_key};

    /// The first implementation of [`indic_key`] (a vector of characters, then the nasal
    /// rule over it): the streaming one must give the same keys.
    fn indic_key_reference(word: &str) -> String {
        let mut chars: Vec<char> = Vec::with_capacity(word.len() / 3 + 2);
        for c in word.chars() {
            match c {
                '\u{0A70}' => {
                    chars.push('\u{0902}');
                    continue;
                }
                '\u{0A71}' | '\u{0A4D}' => continue,
                _ => {}
            }
            if let Some(base) = chillu_base(c) {
                chars.extend([base, '\u{094D}']);
                continue;
            }
            let c = match c as u32 {
                // Bengali .. Malayalam blocks: the same offsets as Devanagari.
                0x0980..=0x0D7F => char::from_u32(0x0900 + (c as u32 & 0x7F)).unwrap_or(c),
                _ => c,
            };
            match c {
                '\u{093C}' | '\u{093E}' | '\u{200C}' | '\u{200D}' => {}
                '\u{0940}' => chars.push('\u{093F}'),
                '\u{0942}' => chars.push('\u{0941}'),
                '\u{0906}' => chars.push('\u{0905}'),
                '\u{0908}' => chars.push('\u{0907}'),
                '\u{090A}' => chars.push('\u{0909}'),
                '\u{0901}' => chars.push('\u{0902}'),
                '\u{0949}' | '\u{094A}' => chars.push('\u{094B}'),
                '\u{0945}' | '\u{0946}' => chars.push('\u{0947}'),
                '\u{090E}' => chars.push('ए'),
                '\u{0912}' => chars.push('ओ'),
                'ट' => chars.push('त'),
                'ठ' => chars.push('थ'),
                'ड' => chars.push('द'),
                'ढ' => chars.push('ध'),
                'ण' => chars.push('न'),
                'ष' => chars.push('श'),
                '\u{0943}' => chars.extend(['\u{094D}', 'र', '\u{093F}']),
                'ऋ' => chars.extend(['र', '\u{093F}']),
                c => chars.push(c),
            }
        }
        let consonant = |c: Option<&char>| c.is_some_and(|&c| ('क'..='ह').contains(&c));
        let mut key = String::with_capacity(word.len());
        let mut i = 0;
        while i < chars.len() {
            if matches!(chars[i], 'ङ' | 'ञ' | 'न' | 'म')
                && chars.get(i + 1) == Some(&'\u{094D}')
                && consonant(chars.get(i + 2))
            {
                key.push('\u{0902}');
                i += 2;
                continue;
            }
            if chars[i] == '\u{094D}' && consonant(chars.get(i + 1)) {
                i += 1;
                continue;
            }
            key.push(chars[i]);
            i += 1;
        }
        if key.ends_with('\u{094D}') {
            key.pop();
        }
        key
    }

    proptest::proptest! {
        #[test]
        fn indic_keys_as_the_reference_gives_them(word in "[\u{0900}-\u{0DFF}\u{200C}\u{200D}a]{0,12}") {
            proptest::prop_assert_eq!(indic_key(&word), indic_key_reference(&word));
        }
    }

    #[test]
    fn indic_keys_of_every_dictionary_name_as_the_reference_gives_them() {
        for (word, _) in Lexicon::builtin().words.iter() {
            assert_eq!(indic_key(word), indic_key_reference(word), "{word}");
        }
    }

    #[test]
    fn indic_keys_join_the_spellings_of_one_name() {
        for (a, b) in [
            ("यादव", "यदव"),
            ("पाण्डेय", "पंडेय"),
            ("पांडेय", "पन्डेय"),
            ("कृष्ण", "क्रिश्ना"),
            ("सुनीता", "सुनिता"),
            ("ठाकुर", "थकुर"),
            ("যাদব", "যদব"),
            ("ਯਾਦਵ", "यदव"),
            // Short e and o of the Dravidian scripts, a final virama, Malayalam chillus.
            ("వెంకటేష్", "వేంకతేశ్"),
            ("वेंकटेश", "వెంకటేష్"),
            ("ಗೊಪಾಲ್", "गोपाल"),
            ("രാജൻ", "राजन"),
            ("നായർ", "नायर"),
            // Gurmukhi's tippi, addak and (rarely written) virama.
            ("ਬਲਵਿੰਦਰ", "ਬਲ੍ਵਿਂਦਰ"),
            ("ਗਿੱਲ", "ਗਿਲ"),
            ("ਸਿੰਘ", "सिंघ"),
            // A vowel left unwritten or a virama written.
            ("देशमुख", "देश्मुख"),
        ] {
            assert_eq!(indic_key(a), indic_key(b), "{a} {b}");
        }
        // Different consonants and vowels stay different.
        for (a, b) in [("राम", "श्याम"), ("सेन", "सैन"), ("गीता", "सीता"), ("कल", "खल")]
        {
            assert_ne!(indic_key(a), indic_key(b), "{a} {b}");
        }
        assert!(Lexicon::builtin().is_indic_name_key(&indic_key("यादव")));
    }

    proptest::proptest! {
        #[test]
        fn entries_are_the_non_empty_lines(text in "[a-c\n]{0,30}") {
            let text: &'static str = Box::leak(text.into_boxed_str());
            let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
            proptest::prop_assert_eq!(entries(text).collect::<Vec<_>>(), lines);
        }
    }

    #[test]
    fn indic_name_keys_follow_the_name_lists() {
        let lex = Lexicon::builtin();
        let key = indic_key("यादव");
        assert!(lex.is_indic_name_key(&key));
        // Every spelling of the name, in every script.
        let names: WordSet = lex.words.keys().filter(|w| indic_key(w) == key).map(|w| w.to_string()).collect();
        let without = lex.clone().without_names(&names);
        assert!(!without.is_indic_name_key(&key), "keys rebuilt after names were removed");
        let mut added = without.clone();
        added.add_words(Lists::SURNAME, &["यादव"]);
        assert!(added.is_indic_name_key(&key), "keys rebuilt after a name was added");
    }

    /// The keys `build.rs` wrote are those the built-in name lists give at run time: a
    /// dictionary added to the name lists in `LIST_FILES` must be added to its `NAME_FILES`.
    #[test]
    fn builtin_indic_name_keys_are_the_keys_of_the_name_lists() {
        let lex = Lexicon::builtin();
        assert!(lex.builtin_names);
        let written: IndicKeys = entries(BUILTIN_INDIC_NAME_KEYS).map(Cow::Borrowed).collect();
        let computed = lex.build_indic_name_keys();
        assert!(written.len() > 10_000, "{} keys", written.len());
        assert_eq!(written.len(), computed.len());
        assert!(computed.iter().all(|k| written.contains(k)));
        let sorted: Vec<&str> = entries(BUILTIN_INDIC_NAME_KEYS).collect();
        assert!(sorted.windows(2).all(|w| w[0] < w[1]), "sorted, one per line");
    }

    /// Dictionaries are sorted, de-duplicated, trimmed and lower case (a lint, as ripgrep
    /// checks its file-type table).
    #[test]
    fn dictionaries_are_sorted_unique_lowercase() {
        // The cities list joins the lexicon the same way: trimmed lines without `\r`.
        for l in include_str!("../../../rules/fake/cities.txt").split('\n') {
            assert_eq!(l, l.trim(), "cities.txt: untrimmed {l:?}");
        }
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
                // The name finder looks numbers up in no list.
                assert!(!l.bytes().all(|b| b.is_ascii_digit()), "{name}: a number {l:?}");
            }
        }
    }
}
