//! The spelling-insensitive key of a word in an Indic script ([`indic_key`]). Kept apart from
//! the dictionaries so that the build script (`build.rs`) computes the keys of the built-in
//! name lists with this same code: the keys are then loaded, not built, at run time.

/// A spelling-insensitive key of a word in a Brahmic script: the letters mapped onto their
/// Devanagari counterparts (the scripts share one layout), vowel length and nukta dropped,
/// retroflex and dental stops merged, `ष` as `श`, `ृ` as `्रि`, a nasal consonant before a
/// consonant as anusvara, the short e and o of the Dravidian scripts as e and o, Malayalam
/// chillus as consonant and virama, a final virama dropped, Gurmukhi's tippi as anusvara and its
/// addak and virama dropped. Romanised names lose exactly these
/// distinctions (`yadav`: यदव or यादव; `pandey`: पांडेय, पाण्डेय or पंडेय; `venkatesh`:
/// వెంకటేష్ or వేంకతేశ్).
pub fn indic_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    indic_key_into(word, &mut key);
    key
}

/// [`indic_key`] written into `key` (cleared first): no allocation once `key` is large enough.
pub fn indic_key_into(word: &str, key: &mut String) {
    key.clear();
    for c in word.chars() {
        // Malayalam chillu letters: a consonant with no vowel (`ൻ` is `न्`).
        if let Some(base) = chillu_base(c) {
            push_key_char(key, base);
            push_key_char(key, '\u{094D}');
            continue;
        }
        // Gurmukhi's tippi is its anusvara; its addak (a doubled consonant) and its virama
        // (rare in Punjabi spelling: ਗੁਰਪ੍ਰੀਤ, not ਗੁਰ੍ਪ੍ਰੀਤ) say nothing of the name.
        match c {
            '\u{0A70}' => {
                push_key_char(key, '\u{0902}');
                continue;
            }
            '\u{0A71}' | '\u{0A4D}' => continue,
            _ => {}
        }
        let c = match c as u32 {
            // Bengali .. Malayalam blocks: the same offsets as Devanagari.
            0x0980..=0x0D7F => char::from_u32(0x0900 + (c as u32 & 0x7F)).unwrap_or(c),
            _ => c,
        };
        match c {
            '\u{093C}' | '\u{093E}' | '\u{200C}' | '\u{200D}' => {}
            '\u{0940}' => push_key_char(key, '\u{093F}'),
            '\u{0942}' => push_key_char(key, '\u{0941}'),
            '\u{0906}' => push_key_char(key, '\u{0905}'),
            '\u{0908}' => push_key_char(key, '\u{0907}'),
            '\u{090A}' => push_key_char(key, '\u{0909}'),
            '\u{0901}' => push_key_char(key, '\u{0902}'),
            '\u{0949}' | '\u{094A}' => push_key_char(key, '\u{094B}'),
            '\u{0945}' | '\u{0946}' => push_key_char(key, '\u{0947}'),
            '\u{090E}' => push_key_char(key, 'ए'),
            '\u{0912}' => push_key_char(key, 'ओ'),
            'ट' => push_key_char(key, 'त'),
            'ठ' => push_key_char(key, 'थ'),
            'ड' => push_key_char(key, 'द'),
            'ढ' => push_key_char(key, 'ध'),
            'ण' => push_key_char(key, 'न'),
            'ष' => push_key_char(key, 'श'),
            '\u{0943}' => ['\u{094D}', 'र', '\u{093F}'].into_iter().for_each(|c| push_key_char(key, c)),
            'ऋ' => ['र', '\u{093F}'].into_iter().for_each(|c| push_key_char(key, c)),
            c => push_key_char(key, c),
        }
    }
    // A final virama: Dravidian scripts write a final consonant with one (`వెంకటేష్`), Hindi
    // without (`वेंकटेश`).
    if key.ends_with('\u{094D}') {
        key.truncate(key.len() - '\u{094D}'.len_utf8());
    }
}

/// The Devanagari consonant of a Malayalam chillu letter (a consonant without its vowel).
pub(crate) fn chillu_base(c: char) -> Option<char> {
    Some(match c {
        '\u{0D7A}' => 'न',
        '\u{0D7B}' => 'न',
        '\u{0D7C}' => 'र',
        '\u{0D7D}' => 'ल',
        '\u{0D7E}' => 'ळ',
        '\u{0D7F}' => 'क',
        _ => return None,
    })
}

/// Appends one (mapped) character to an [`indic_key`]: a consonant after a nasal and a virama
/// turns the two into an anusvara (`पाण्डेय` as `पांडेय`); after another consonant the virama
/// is dropped (`देश्मुख` as `देशमुख`: Hindi leaves the vowel out unwritten, `deshmukh` either).
#[inline]
fn push_key_char(key: &mut String, c: char) {
    /// The virama and the nasal consonants, three bytes each in UTF-8 (compared as bytes: the
    /// key is built for every Indic name of the lists when the first is looked up).
    const VIRAMA: &[u8] = "\u{094D}".as_bytes();
    const NASALS: [&[u8]; 4] = ["ङ".as_bytes(), "ञ".as_bytes(), "न".as_bytes(), "म".as_bytes()];
    if ('क'..='ह').contains(&c) && key.as_bytes().ends_with(VIRAMA) {
        let before = &key.as_bytes()[..key.len() - 3];
        if before.len() >= 3 && NASALS.contains(&&before[before.len() - 3..]) {
            key.truncate(key.len() - 6);
            key.push('\u{0902}');
        } else {
            key.truncate(key.len() - 3);
        }
    }
    key.push(c);
}

/// Whether `word` starts in an Indic script.
pub fn is_indic(word: &str) -> bool {
    word.chars().next().is_some_and(|c| ('\u{0900}'..='\u{0DFF}').contains(&c))
}
