//! Names and addresses in free text, which have no validator: found by honorifics (`Shri`,
//! `श्रीमती`), relation markers (`S/O`, `पुत्र`), context words (`owner`, `आवेदक`), capitalised
//! runs that hold a dictionary name, and address keywords followed by a house number.

use crate::header::is_word_char;
use parda_rules::{indic_key_into, Lexicon, Lists};

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// ASCII letters only.
    Latin,
    /// Letters of an Indic script.
    Indic,
    /// Digits only.
    Number,
    /// Anything else (mixed letters and digits, other scripts).
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// The text in ASCII lower case.
    low: &'a str,
    /// The word lists `low` is in.
    lists: Lists,
    kind: Kind,
    /// A Latin word with a capital first ([`NameFinder::capitalised`]), worked out once.
    capitalised: bool,
}

impl<'a> Tok<'a> {
    /// A token of `kind` over `text`, lower-cased `low`, in `lists`.
    fn new(start: usize, end: usize, text: &'a str, low: &'a str, lists: Lists, kind: Kind) -> Tok<'a> {
        Tok { start, end, text, low, lists, kind, capitalised: capitalised_word(kind, text) }
    }
}

/// A Latin word with a capital, then lower-case letters or capitals only, after an apostrophe
/// and a letter if there is one (`Ravi`, `RAVI`, `D'Souza`, `O’NEIL`), or a surname particle
/// written joined to a capitalised word (`DSouza`, `McDonald`, `DeSilva`, `AlHassan`).
fn capitalised_word(kind: Kind, text: &str) -> bool {
    kind == Kind::Latin && text.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && {
        let rest = text[1..].trim_start_matches(['\'', '\u{2019}']);
        let rest = if rest.len() + 1 < text.len() { &rest[1..] } else { rest };
        rest.bytes().all(|b| b.is_ascii_lowercase())
            || rest.bytes().all(|b| b.is_ascii_uppercase())
            || joined_particle_name(text)
    }
}

/// Surname particles that registers write joined to the name after them, without the
/// apostrophe or space (`DSouza`, `DCosta`, `McDonald`, `MacLeod`, `DeSilva`, `DaCosta`,
/// `AlHassan`, `VanDyke`).
const NAME_PREFIXES: &[&str] = &["D", "Mc", "Mac", "De", "Da", "Di", "Du", "Al", "El", "La", "Le", "Van", "Von"];

/// A particle of [`NAME_PREFIXES`] then a capital and two or more small letters (`DSouza`;
/// not `GPay`, `YouTube` or `DGPS`).
fn joined_particle_name(text: &str) -> bool {
    NAME_PREFIXES.iter().any(|p| {
        text.strip_prefix(p).is_some_and(|rest| {
            let b = rest.as_bytes();
            b.len() >= 3 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase)
        })
    })
}

/// Splits `s` into word tokens, each with the lists of `lex` it is in, written into `toks`
/// (cleared first); `low` is `s` in ASCII lower case (same byte offsets).
///
/// A token is a run of word characters (letters and digits of any script, Indic marks, the
/// zero-width joiners), an apostrophe joining a lone capital to a capitalised word (`D'Souza`)
/// or two Indic letters (`डी’सोउज़ा`). One pass over the bytes: ASCII by a table, Devanagari to
/// Malayalam decoded in place, the token's kind gathered as it is read (the text is never
/// decoded twice). [`tokenize_chars`] is the plain version the tests hold it to.
fn tokenize<'a>(s: &'a str, low: &'a str, lex: &Lexicon, toks: &mut Vec<Tok<'a>>) {
    toks.clear();
    // About one token per five bytes of text: one allocation instead of several.
    toks.reserve(s.len() / 5 + 2);
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (n, class) = char_class(s, i);
        if class & WORD == 0 {
            i += n;
            continue;
        }
        let st = i;
        // The classes all of the token's characters have (`ALPHA`, `DIGIT`, `INDIC`).
        let mut all = class;
        i += n;
        while i < b.len() {
            let (n, class) = char_class(s, i);
            if class & WORD != 0 {
                all &= class;
                i += n;
            } else if elided_prefix(s, st, i) || indic_apostrophe(s, st, i) {
                // The apostrophe is no letter or digit; Indic words may hold one.
                all &= !(ALPHA | DIGIT);
                i += n;
            } else {
                break;
            }
        }
        let text = &s[st..i];
        // A token glued to a mask character is what is left of a masked value.
        let masked = (st > 0 && b[st - 1] == b'*') || b.get(i) == Some(&b'*');
        let kind = if masked {
            Kind::Other
        } else if all & ALPHA != 0 || elided_name(text) {
            Kind::Latin
        } else if all & DIGIT != 0 {
            Kind::Number
        } else if all & INDIC != 0 {
            Kind::Indic
        } else {
            Kind::Other
        };
        let low = &low[st..i];
        let lists = token_lists(lex, kind, text, low);
        toks.push(Tok::new(st, i, text, low, lists, kind));
    }
}

/// The lists of `lex` a token is in: none for a number (the dictionary lint keeps them words);
/// a given name's for an Indic given name or surname with a particle written joined to it
/// (`રમેશભાઈ`, `હંસાબેન`).
#[inline]
fn token_lists(lex: &Lexicon, kind: Kind, text: &str, low: &str) -> Lists {
    if kind == Kind::Number {
        return Lists::default();
    }
    let lists = lex.lists(low);
    if kind == Kind::Indic && lists == Lists::default() {
        if let Some(stem) = joined_particle_stem(text) {
            if lex.lists(stem).has(Lists::GIVEN.union(Lists::SURNAME)) {
                return Lists::GIVEN;
            }
        }
    }
    lists
}

/// Particles written joined to a given name in Gujarati and Hindi (`રમેશભાઈ`, `હંસાબેન`,
/// `रमेशभाई`, `कमलाबाई`): brother, sister, the Marathi and Hindi `bai`.
const JOINED_PARTICLES: &[&str] = &["ભાઈ", "ભાઇ", "બેન", "બહેન", "भाई", "बेन", "बाई", "ਭਾਈ"];

/// `word` without a particle of [`JOINED_PARTICLES`] written joined to it, when two or more
/// characters are left.
fn joined_particle_stem(word: &str) -> Option<&str> {
    JOINED_PARTICLES.iter().find_map(|p| word.strip_suffix(p)).filter(|stem| stem.chars().nth(1).is_some())
}

/// The ergative written joined to a name: Hindi and Marathi `ने` (`रमेशने`), Punjabi `ਨੇ`,
/// Gujarati `એ` after a vowel (`રમેશભાઈએ`) and its vowel sign after a consonant (`પટેલે`).
const JOINED_ERGATIVE: &[&str] = &["ने", "ਨੇ", "એ", "\u{0AC7}"];

/// A character of the Indic blocks, Devanagari to Malayalam (U+0900..U+0DFF).
#[inline]
fn indic_char(c: char) -> bool {
    ('\u{0900}'..='\u{0DFF}').contains(&c)
}

/// Character classes of [`char_class`]: a word character, an ASCII letter, an ASCII digit, a
/// character of the Indic blocks or a zero-width joiner.
const WORD: u8 = 1;
const ALPHA: u8 = 2;
const DIGIT: u8 = 4;
const INDIC: u8 = 8;

/// The class of every ASCII byte.
static ASCII_CLASS: [u8; 128] = {
    let mut class = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_alphabetic() {
            WORD | ALPHA
        } else if c.is_ascii_digit() {
            WORD | DIGIT
        } else {
            0
        };
        b += 1;
    }
    class
};

/// The length in bytes and the classes of the character at byte `i` of `s`: ASCII inline
/// (the tokenizer's loop, most bytes), the rest in [`wide_char_class`].
#[inline(always)]
fn char_class(s: &str, i: usize) -> (usize, u8) {
    let lead = s.as_bytes()[i];
    if lead < 0x80 {
        return (1, ASCII_CLASS[usize::from(lead)]);
    }
    wide_char_class(s, i)
}

/// [`char_class`] of a character outside ASCII.
#[inline(never)]
fn wide_char_class(s: &str, i: usize) -> (usize, u8) {
    let b = s.as_bytes();
    let lead = b[i];
    // U+0800..U+0FFF in three bytes (`0xE0` first): the Indic blocks, decoded in place.
    let (n, c) = if lead == 0xE0 {
        (3, char::from_u32((u32::from(b[i + 1] & 0x3F) << 6) | u32::from(b[i + 2] & 0x3F)).unwrap_or(' '))
    } else {
        let c = s[i..].chars().next().unwrap_or(' ');
        (c.len_utf8(), c)
    };
    let indic = indic_char(c) || matches!(c, '\u{200C}' | '\u{200D}');
    let class = match (is_word_char(c), indic) {
        (true, true) => WORD | INDIC,
        (true, false) => WORD,
        (false, _) => 0,
    };
    (n, class)
}

/// Buffers reused from cell to cell by each thread: the text in lower case and its tokens.
struct TokenBuffers {
    low: String,
    /// Always empty between uses; see [`recycle`].
    toks: Vec<Tok<'static>>,
}

thread_local! {
    static TOKEN_BUFFERS: std::cell::RefCell<TokenBuffers> =
        const { std::cell::RefCell::new(TokenBuffers { low: String::new(), toks: Vec::new() }) };
}

/// An empty vector of tokens of another lifetime, in the allocation of `toks`: collecting a
/// vector's own iterator into a vector of a type of the same layout reuses its allocation
/// (the standard library's in-place collection), and the vector is cleared, so no token
/// outlives the text it borrows.
fn recycle<'a, 'b>(mut toks: Vec<Tok<'a>>) -> Vec<Tok<'b>> {
    toks.clear();
    toks.into_iter().map(|_| unreachable!("the vector is empty")).collect()
}

/// Calls `f` with the tokens of `s` (see [`tokenize`]), in buffers reused by the thread (fresh
/// ones if they are in use).
fn with_tokens<R>(s: &str, lex: &Lexicon, f: impl FnOnce(&[Tok]) -> R) -> R {
    TOKEN_BUFFERS.with(|cell| {
        let Ok(mut buffers) = cell.try_borrow_mut() else {
            let low = s.to_ascii_lowercase();
            let mut toks = Vec::new();
            tokenize(s, &low, lex, &mut toks);
            return f(&toks);
        };
        let TokenBuffers { low, toks } = &mut *buffers;
        low.clear();
        low.push_str(s);
        low.make_ascii_lowercase();
        let mut cell_toks = recycle(std::mem::take(toks));
        tokenize(s, low, lex, &mut cell_toks);
        let result = f(&cell_toks);
        *toks = recycle(cell_toks);
        result
    })
}

/// [`tokenize`] over `chars`, the characters of `s` with their byte offsets: the plain version,
/// decoding every character, that the tests hold the byte-wise one to.
#[cfg(test)]
fn tokenize_chars<'a>(
    s: &'a str,
    low: &'a str,
    lex: &Lexicon,
    chars: impl Iterator<Item = (usize, char)>,
    toks: &mut Vec<Tok<'a>>,
) {
    let mut start = None;
    for (i, c) in chars.chain(std::iter::once((s.len(), ' '))) {
        let word = i < s.len()
            && (is_word_char(c) || start.is_some_and(|st| elided_prefix(s, st, i) || indic_apostrophe(s, st, i)));
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                let text = &s[st..i];
                // A token glued to a mask character is what is left of a masked value.
                let masked = s[..st].ends_with('*') || s[i..].starts_with('*');
                let kind = if masked {
                    Kind::Other
                } else if text.bytes().all(|b| b.is_ascii_alphabetic()) || elided_name(text) {
                    Kind::Latin
                } else if text.bytes().all(|b| b.is_ascii_digit()) {
                    Kind::Number
                } else if text
                    .chars()
                    .all(|c| indic_char(c) || matches!(c, '\u{200C}' | '\u{200D}' | '\u{2019}' | '\''))
                {
                    Kind::Indic
                } else {
                    Kind::Other
                };
                let low = &low[st..i];
                let lists = token_lists(lex, kind, text, low);
                toks.push(Tok::new(st, i, text, low, lists, kind));
                start = None;
            }
            _ => {}
        }
    }
}

/// Whether the apostrophe at `i` joins a one-letter prefix starting at `st` to a capitalised
/// word (`D'Souza`, `O'Brien`, `D’Costa`).
#[inline]
fn elided_prefix(s: &str, st: usize, i: usize) -> bool {
    // Most tokens are longer than one letter: the cheap test first.
    if i - st != 1 {
        return false;
    }
    let rest = &s[i..];
    let apostrophe = if rest.starts_with('\'') {
        1
    } else if rest.starts_with('\u{2019}') {
        3
    } else {
        return false;
    };
    i - st == 1
        && s.as_bytes()[st].is_ascii_uppercase()
        && rest[apostrophe..].bytes().next().is_some_and(|b| b.is_ascii_uppercase())
}

/// Whether the apostrophe at `i` joins two parts of an Indic word starting at `st` (`डी’सोउज़ा`,
/// D'Souza written in Devanagari): an Indic letter on either side of it.
fn indic_apostrophe(s: &str, st: usize, i: usize) -> bool {
    let indic = |c: Option<char>| c.is_some_and(indic_char);
    let rest = &s[i..];
    let Some(after) = rest.strip_prefix('\'').or_else(|| rest.strip_prefix('\u{2019}')) else {
        return false;
    };
    i > st && indic(s[..i].chars().next_back()) && indic(after.chars().next())
}

/// A capital, an apostrophe and a capitalised word: `D'Souza`.
fn elided_name(text: &str) -> bool {
    let b = text.as_bytes();
    let tail = if text.get(1..2) == Some("'") {
        &text[2..]
    } else if text.get(1..4) == Some("\u{2019}") {
        &text[4..]
    } else {
        return false;
    };
    b[0].is_ascii_uppercase() && !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_alphabetic())
}

/// A name or address span found in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LexSpan {
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// True for an address, false for a name.
    pub address: bool,
    /// How sure: 0.9 after a marker, 0.7 for a dictionary run.
    pub score: f32,
}

/// Finds names and addresses with the dictionaries.
pub struct NameFinder {
    lex: Lexicon,
}

const MAX_NAME_TOKENS: usize = 4;

/// Hinglish postpositions that follow a person ("Ramesh ne shikayat ki", "Sunita ji"), and the
/// Telugu honorific `garu`.
const POST_CONTEXT: &[&str] = &["ne", "ka", "ki", "ke", "ko", "ji", "dwara", "jee", "garu"];
/// Titles that are names too: alone, where a name must be, they are the name.
const TITLE_NAMES: &[&str] = &["kumari", "baby", "bibi"];
/// Prepositions that put a person after them ("meter of ...", "paid by ...").
/// Also the verbs and phrases that take a person (`as per`, `informed`, `contacted`).
const PERSON_PREPOSITIONS: &[&str] =
    &["of", "by", "from", "to", "with", "for", "against", "per", "informed", "contacted", "told", "met", "called"];
/// The second part of a degree written with a dot (`B. Tech`, `M. Com`, `B. Pharm`): no
/// surname after an initial. (`B. Sc`, `B. Ed` are too short to be taken as one anyway.)
const DEGREE_WORDS: &[&str] = &["tech", "com", "pharm", "phil", "arch", "des", "voc", "lib", "stat", "plan"];
/// Officers' designations written short (in capitals in the text) before their names (`JE
/// Thangjam`).
const DESIGNATIONS: &[&str] = &[
    "ae", "je", "aee", "ee", "se", "sdo", "bdo", "sdm", "adm", "ri", "vao", "vro", "deo", "si", "asi", "tc", "udc",
    "ldc", "mro", "rdo", "dro", "ddo", "xen", "aen", "jen", "cdpo", "pdo",
];
/// Verbs whose object is a person (`called Lalrinpuii`, `asked Thangboi Kipgen`).
const PERSON_VERBS: &[&str] =
    &["called", "asked", "told", "informed", "contacted", "reminded", "phoned", "instructed", "advised", "warned"];
/// Words after one given name in capitals that make it a person (`VIJAY ABSENT`, `RAMESH
/// SAID`), besides English verbs in `-ed`.
const CAPS_PERSON_VERBS: &[&str] =
    &["absent", "present", "not", "paid", "said", "says", "has", "had", "was", "came", "went", "told", "agreed"];
/// Verbs in lower case whose subject is a person (`कमल आचार्य paid in cash`, `Owner expired`).
const SUBJECT_VERBS: &[&str] = &[
    "paid",
    "expired",
    "died",
    "applied",
    "requested",
    "complained",
    "submitted",
    "deposited",
    "visited",
    "came",
    "said",
    "agreed",
    "refused",
    "objected",
    "appeared",
    "signed",
    "reported",
    "informed",
    "called",
    "stated",
];
/// Verbs and nouns whose `by` names the person who did it (`complaint lodged by ...`, `paid by
/// ...`): one unknown title-case word after them is a name, as after a role word.
const BY_PERSON_VERBS: &[&str] = &[
    "lodged",
    "filed",
    "submitted",
    "raised",
    "signed",
    "paid",
    "deposited",
    "registered",
    "applied",
    "requested",
    "claimed",
    "occupied",
    "owned",
    "sold",
    "purchased",
    "executed",
    "witnessed",
    "attested",
    "written",
    "complaint",
    "application",
    "objection",
    "appeal",
    "petition",
    "grievance",
];
/// Postpositions and honorifics that follow a person: Hindi and Punjabi ("रमेश ने", "सुनीता
/// जी", "... द्वारा", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਨੇ"), Gujarati `જી`, Bengali `বাবু`; the honorific plural
/// Marathi says of a person and of nothing else (`सुनील पाटील यांनी तक्रार केली`,
/// `... यांच्याशी संपर्क`); Tamil `அவர்கள்` and its cases (`முருகன் அவர்களுடன்`), Telugu `గారు`
/// and its cases, Kannada `ಅವರು` and its cases.
/// "Filed a complaint" in languages that mark the subject with no postposition: the noun, and
/// the verbs (a person's form: honorific or third person) that follow it.
const COMPLAINT_PHRASES: &[(&str, &[&str])] = &[
    ("புகார்", &["அளித்தார்", "அளித்துள்ளார்", "கொடுத்தார்", "செய்தார்", "தெரிவித்தார்"]),
    ("ఫిర్యాదు", &["చేశారు", "చేసారు", "ఇచ్చారు", "చేసినారు"]),
    ("ದೂರು", &["ನೀಡಿದರು", "ಕೊಟ್ಟರು", "ಸಲ್ಲಿಸಿದರು", "ನೀಡಿದ್ದಾರೆ"]),
    ("പരാതി", &["നൽകി", "നല്‍കി", "നല്കി", "നൽകിയിരുന്നു"]),
    ("অভিযোগ", &["করেছেন", "করেন", "জানিয়েছেন", "করলেন", "দিয়েছেন", "করেছিলেন"]),
    ("ଅଭିଯୋଗ", &["କରିଛନ୍ତି", "କଲେ", "କରିଥିଲେ", "ଦେଇଛନ୍ତି"]),
    ("ફરિયાદ", &["કરી", "કરેલ", "નોંધાવી"]),
    ("तक्रार", &["केली", "दिली", "नोंदवली", "केलेली"]),
    ("ਸ਼ਿਕਾਇਤ", &["ਕੀਤੀ", "ਦਿੱਤੀ", "ਦਰਜ"]),
];

/// The ergative particles written apart from the name before a complaint (Gujarati `એ`).
const ERGATIVE_INDIC: &[&str] = &["એ", "ने", "ਨੇ"];

/// Words for "in the name of" after a person (`மீனா குமாரி பெயரில் மாற்றப்பட்டது`, transferred
/// in Meena Kumari's name), in the languages that write it as one word after the name or after
/// a genitive ([`NAME_OF_AFTER_GENITIVE`]). Hindi's `के नाम` is taken in transfers only (see
/// [`NameFinder::transfer_party`]): `योजना के नाम` is a scheme's name.
const NAME_OF_INDIC: &[&str] = &[
    "பெயரில்",
    "பெயருக்கு",
    "பேரில்",
    "పేరిట",
    "పేరున",
    "పేరుమీద",
    "ಹೆಸರಿಗೆ",
    "ಹೆಸರಿನಲ್ಲಿ",
    "ಹೆಸರಲ್ಲಿ",
    "പേരിൽ",
    "പേരിലേക്ക്",
    "নামে",
    "ନାମରେ",
    "ନାମକୁ",
    "नावे",
    "नावाने",
    "नावावर",
];
/// A genitive and "name" after a person, two words: Punjabi `ਦੇ ਨਾਮ`, Gujarati `ના નામે`,
/// Bengali `এর নামে`, Telugu `పేరు మీద` (on the name).
const NAME_OF_AFTER_GENITIVE: &[(&str, &[&str])] =
    &[("ਦੇ", &["ਨਾਮ", "ਨਾਂ"]), ("ના", &["નામે", "નામ"]), ("এর", &["নামে", "নাম"]), ("పేరు", &["మీద", "మీదకు"])];

/// Whether the tokens at `k` say "filed a complaint" ([`COMPLAINT_PHRASES`]).
fn complaint_at(toks: &[Tok], k: usize) -> bool {
    let (Some(noun), Some(verb)) = (toks.get(k), toks.get(k + 1)) else {
        return false;
    };
    COMPLAINT_PHRASES.iter().any(|(n, verbs)| noun.text == *n && verbs.contains(&verb.text))
}

/// Hindi and Marathi words for the transfer of a property from one owner's name to another's
/// (mutation): `नामांतरण`, `हस्तांतरण`, `हस्तांतरित`, Marathi `फेरफार`.
const INDIC_TRANSFER_WORDS: &[&str] =
    &["नामांतरण", "नामान्तरण", "हस्तांतरण", "हस्तान्तरण", "हस्तांतरित", "हस्तान्तरित", "नामांतरित", "फेरफार"];

const POST_CONTEXT_INDIC: &[&str] = &[
    "ने",
    "जी",
    "द्वारा",
    "ਨੇ",
    "ਜੀ",
    "જી",
    "বাবু",
    "यांनी",
    "यांच्याशी",
    "यांचे",
    "यांची",
    "यांचा",
    "यांच्या",
    "यांना",
    "यांस",
    "அவர்கள்",
    "அவர்களுடன்",
    "அவர்களின்",
    "அவர்களிடம்",
    "அவர்களை",
    "அவர்களுக்கு",
    "அவர்களால்",
    "గారు",
    "గారి",
    "గారికి",
    "గారితో",
    "గారిని",
    "ಅವರು",
    "ಅವರ",
    "ಅವರಿಗೆ",
    "ಅವರಿಂದ",
    "ಅವರೊಂದಿಗೆ",
];
/// The honorific `ji` written joined to a name (`मिश्राजी`, `ਸਿੰਘਜੀ`, `પટેલજી`).
const JOINED_JI: &[&str] = &["जी", "ਜੀ", "જી"];
/// "Name" in the Indic scripts: a context word only before a colon or a dash (`नाम: ...`);
/// elsewhere the sentence is about a name (`नाम परिवर्तन`, change of name).
const NAME_WORDS: &[&str] = &["नाम", "নাম", "નામ", "ਨਾਮ", "ନାମ", "பெயர்", "పేరు", "ಹೆಸರು", "പേര്"];
/// Words before a house number (`Flat 302`, `Door 9`, `मकान 12`); `H`/`D` count with `No`.
const HOUSE_KEYWORDS: &[&str] = &[
    "hno",
    "dno",
    "house",
    "door",
    "ghar",
    "makaan",
    "makan",
    "flat",
    "plot",
    "qtr",
    "qtrs",
    "qr",
    "qrs",
    "quarter",
    "quarters",
    "bungalow",
    "villa",
    "apt",
    "gali",
    "khasra",
    "shop",
    "bldg",
    "building",
    "survey",
    "sy",
    "मकान",
    "गली",
    "फ्लैट",
    "प्लॉट",
    "दुकान",
    "खसरा",
    "घर",
    // Bengali (house, holding, flat, building, apartment; `ড়` as written, and as one letter).
    "বাড়ী",
    "বাড়ি",
    "বা\u{9DC}ী",
    "বা\u{9DC}ি",
    "বাসা",
    "হোল্ডিং",
    "ফ্ল্যাট",
    "বিল্ডিং",
    "অ্যাপার্টমেন্ট",
    // Gujarati, Gurmukhi, Odia, Tamil, Telugu, Kannada house and door words.
    "મકાન",
    "ਮਕਾਨ",
    "ଘର",
    "கதவு",
    "வீடு",
    "ఇంటి",
    "ಮನೆ",
];
/// "Number" after a house keyword: `No`, `नं`, `संख्या`.
const NUMERO: &[&str] = &[
    "no",
    "nos",
    "number",
    "num",
    "नं",
    "न",
    "नंबर",
    "नम्बर",
    "संख्या",
    "क्रमांक",
    "क्र",
    "নং",
    "নম্বর",
    "નં",
    "ਨੰ",
    "ନଂ",
    "எண்",
    "నెం",
    "నం",
    "ನಂ",
    "ಸಂಖ್ಯೆ",
];
/// Words before a village's name.
const VILLAGE_KEYWORDS: &[&str] =
    &["vill", "village", "gram", "mauza", "mouza", "mauja", "ग्राम", "गांव", "गाँव", "मौजा", "ग्राम-"];
/// Words after which an address follows (`address:`, `resides at`, `निवासी`).
const ADDRESS_CONTEXT: &[&str] = &[
    "address",
    "addr",
    "resides",
    "residing",
    "resident",
    "lives",
    "living",
    "moved",
    "shifted",
    "relocated",
    "पता",
    "निवासी",
    "निवास",
];
/// Words of moving among [`ADDRESS_CONTEXT`]: a file or a counter moves too.
const MOVING_WORDS: &[&str] = &["moved", "shifted", "relocated"];
/// Offices and counters a thing is moved to (`shifted to Ward Office`): a run after a word of
/// moving that ends in one, with no house number in it, is no address.
const OFFICE_WORDS: &[&str] =
    &["office", "offices", "department", "dept", "section", "branch", "counter", "desk", "headquarters", "hq"];
/// The place prepositions that say where (not `to`, `of`, `about`, which may come before a
/// person): a named place after one may open an address.
const LOCATIVE_WORDS: &[&str] = &["at", "in", "near", "opp", "opposite", "behind", "beside", "outside"];

/// Verbs of a visit or inspection, which place what follows as a place preposition does
/// (`Visited 34 Kar Ganj today`, `Inspected 12/4 Nehru Street`).
const VISIT_WORDS: &[&str] = &["visited", "inspected", "surveyed", "reached"];

/// Words that place what follows (`Site visit at 90/566, Badami Road`, `water logging near 77/85,
/// Kothari Marg`, `complaint about 42/464, Kumer Zila`): a house number after one starts an
/// address when a street or a town and its pin code follow it.
const PLACE_PREPOSITIONS: &[&str] = &[
    "at",
    "in",
    "from",
    "near",
    "opp",
    "opposite",
    "behind",
    "beside",
    "outside",
    "about",
    "regarding",
    "to",
    "of",
    "into",
    "towards",
];
/// Endings of locality names (`Jayanagar`, `Chandrapuram`, `Ameerpet`).
const STREET_SUFFIXES: &[&str] =
    &["nagar", "puram", "palli", "halli", "pet", "peth", "ganj", "wadi", "guda", "bagh", "vihar", "colony"];
/// Ordinal endings (`3rd Cross`, `2nd Main`).
const ORDINAL: &[&str] = &["st", "nd", "rd", "th"];
/// Words inside Gujarati and Marathi names (`Mahesh Bhai Patel`, `Hansa Ben Shah`): Hindi words
/// too (brother, sister), but a name goes on across them.
const NAME_PARTICLES: &[&str] = &["bhai", "ben", "bai"];
/// Kinship and courtesy words said after a first name (`mahesh bhai ko phone kiya`, `pooja didi
/// se baat hui`, `deepak sir`): after one lower-case given name they say "person" as a
/// postposition does.
const KIN_WORDS: &[&str] = &[
    "bhai", "bhaiya", "bhaiyya", "didi", "behen", "bahen", "ben", "bai", "sahab", "saheb", "sahib", "babu", "dada",
    "chacha", "chachi", "mama", "mami", "kaka", "kaki", "tai", "amma", "akka", "anna", "aunty", "uncle", "sir",
    "madam",
];
/// Given names that are English words and in no name list (the lists leave such words out:
/// `Consumer Forum`, `Hydraulic Jack`): Faker `en_IN`'s (`Max`, `Jack`, `Mason`, `Eta`, `Forum`)
/// and names common in India (`Joy`, `Happy`, `Honey`, `Rose`, `Ruby`, `Lily`, `Hope`, `Faith`).
/// One is a name only right before a surname of the dictionary that is no English word (`Max
/// Mital`, `Happy Sandhu`).
const ENGLISH_GIVEN_NAMES: &[&str] =
    &["max", "jack", "mason", "eta", "forum", "joy", "happy", "honey", "rose", "ruby", "lily", "hope", "faith"];
/// Surnames that are English or Hindi words and in no name list (the lists leave them out:
/// `Payment Date`, `Water Tank`): Parsi surnames of trades (`Tailor`, `Merchant`, `Contractor`,
/// `Engineer`, `Doctor`, `Master`, `Banker`), Marathi `Date`, Gujarati `Tank`, Punjabi `Bath`,
/// `Mall`, `Bail`, `Char`, and Muslim `Din`, `Wali` (Hindi words). In mixed text any such
/// word after a given name is found by its capital ([`NameFinder::english_surname`]); in text
/// all in capitals or all in small letters only these are, after a given name where the
/// sentence goes on or ends ([`NameFinder::word_surname`]).
const SURNAMES_THAT_ARE_WORDS: &[&str] = &[
    "din",
    "wali",
    "tailor",
    "merchant",
    "contractor",
    "engineer",
    "doctor",
    "master",
    "banker",
    "date",
    "tank",
    "bath",
    "mall",
    "bail",
    "char",
];
/// Words that go on with a sentence after the name of its subject or object (a preposition,
/// a conjunction, a verb, a phone number's word): after one, a surname that is a word ends the
/// name (`... MASTER AT WARD OFFICE`; not `MASTER PLAN`, `TANK NO 5`, `DATE OF BIRTH`).
const WORDS_AFTER_A_SUBJECT: &[&str] = &[
    "to",
    "at",
    "on",
    "in",
    "for",
    "from",
    "with",
    "and",
    "is",
    "was",
    "has",
    "had",
    "regarding",
    "after",
    "about",
    "since",
    "who",
    "reports",
    "request",
    "requests",
    "says",
    "wants",
    "through",
    "against",
    "as",
    "under",
    "before",
    "until",
    "mob",
    "mobile",
    "ph",
    "phone",
    "contact",
];
/// Adverbs of time, which end an address written in capitals (`H.NO. 629 BAHRI TODAY`).
const TIME_WORDS: &[&str] = &["today", "yesterday", "tomorrow", "tonight", "now", "again", "daily"];
/// English words that are written in small letters in a sentence and are part of no
/// address: in text all in capitals one ends an address run as its small letters would.
const CAPS_FUNCTION_WORDS: &[&str] = &[
    "the", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "since", "for", "from", "with",
    "and", "but", "in", "on", "at", "to", "by", "of", "this", "that", "it", "its", "not", "due",
];
/// Titles of honorifics.txt that only a person takes (no locality is named `Smt. ... Nagar`,
/// as `Shri Ram Nagar` and `Dr. Ambedkar Nagar` are).
const PERSON_TITLES: &[&str] =
    &["smt", "shrimati", "srimati", "mr", "mrs", "ms", "miss", "kumari", "km", "sushri", "tmt", "thirumathi"];
/// Short forms of Muhammad that honorifics.txt lists (they stand before a name like a title, and
/// are skipped as one) but that are part of the name.
const MUHAMMAD: &[&str] = &["md", "mohd"];
/// Two-letter words of English, Hinglish and office shorthand (`AE`, `JE`: assistant and junior
/// engineer): never a pair of initials written without dots (`RK Sharma`, `Sunil Kr`), nor
/// part of an upper-case name.
const SHORT_WORDS: &[&str] = &[
    "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me", "my", "no", "of", "ok",
    "on", "or", "so", "to", "up", "us", "we", "ne", "ka", "ki", "ke", "ko", "ji", "se", "ho", "na", "aa", "ye", "wo",
    "rs", "re", "dt", "pm", "pa", "pf", "ps", "st", "nd", "rd", "th", "km", "kg", "hr", "tv", "ac", "dc", "sq", "ft",
    "mt", "id", "cm", "ex", "vs", "mr", "ms", "dr", "jr", "sr", "ae", "je", "ee", "dm", "sp", "si",
];

/// Nouns of municipal records in the Indic scripts (property, house, land, application,
/// petition, connection): never part of a name, so a run of name words stops at them
/// (`மனு`: `விண்ணப்பதாரர் ஏழிசைச்செல்வம் மனு`, the applicant's petition; `मालमत्ता`: `मालमत्ता
/// उमेश सावंत यांच्या नावे`, the property in Umesh Sawant's name).
const RECORD_NOUNS_INDIC: &[&str] = &[
    "संपत्ति",
    "सम्पत्ति",
    "भूखंड",
    "आवेदन",
    "मालमत्ता",
    "जमीन",
    "ज़मीन",
    "अर्ज",
    "नळजोडणी",
    "जोडणी",
    "મિલકત",
    "મકાન",
    "જમીન",
    "અરજી",
    "જોડાણ",
    "ਜਾਇਦਾਦ",
    "ਮਕਾਨ",
    "ਜ਼ਮੀਨ",
    "ਅਰਜ਼ੀ",
    "ਕੁਨੈਕਸ਼ਨ",
    "সম্পত্তি",
    "বাড়ি",
    "জমি",
    "আবেদন",
    "সংযোগ",
    "ସମ୍ପତ୍ତି",
    "ଜମି",
    "ଆବେଦନ",
    "ସଂଯୋଗ",
    "சொத்து",
    "வீடு",
    "நிலம்",
    "மனு",
    "விண்ணப்பம்",
    "கோரிக்கை",
    "இணைப்பு",
    "ఆస్తి",
    "ఇల్లు",
    "భూమి",
    "దరఖాస్తు",
    "అర్జీ",
    "కనెక్షన్",
    "ಆಸ್ತಿ",
    "ಮನೆ",
    "ಭೂಮಿ",
    "ಅರ್ಜಿ",
    "ಸಂಪರ್ಕ",
    "സ്വത്ത്",
    "വീട്",
    "ഭൂമി",
    "അപേക്ഷ",
    "കണക്ഷൻ",
];

/// The word lists above as lexicon lists, so that a token's membership in all of them is found
/// with its one lookup.
const POST_CONTEXT_LIST: Lists = Lists::custom(0);
const PERSON_PREPOSITION_LIST: Lists = Lists::custom(1);
const POST_CONTEXT_INDIC_LIST: Lists = Lists::custom(2);
const HOUSE_KEYWORD_LIST: Lists = Lists::custom(3);
const NUMERO_LIST: Lists = Lists::custom(4);
const VILLAGE_KEYWORD_LIST: Lists = Lists::custom(5);
const ADDRESS_CONTEXT_LIST: Lists = Lists::custom(6);
const SHORT_WORD_LIST: Lists = Lists::custom(7);
const BY_PERSON_VERB_LIST: Lists = Lists::custom(8);
const PERSON_VERB_LIST: Lists = Lists::custom(9);
const DESIGNATION_LIST: Lists = Lists::custom(10);
const KIN_WORD_LIST: Lists = Lists::custom(11);
const RECORD_NOUN_INDIC_LIST: Lists = Lists::custom(12);
const OWN_LISTS: &[(Lists, &[&str])] = &[
    (POST_CONTEXT_LIST, POST_CONTEXT),
    (PERSON_PREPOSITION_LIST, PERSON_PREPOSITIONS),
    (POST_CONTEXT_INDIC_LIST, POST_CONTEXT_INDIC),
    (HOUSE_KEYWORD_LIST, HOUSE_KEYWORDS),
    (NUMERO_LIST, NUMERO),
    (VILLAGE_KEYWORD_LIST, VILLAGE_KEYWORDS),
    (ADDRESS_CONTEXT_LIST, ADDRESS_CONTEXT),
    (SHORT_WORD_LIST, SHORT_WORDS),
    (BY_PERSON_VERB_LIST, BY_PERSON_VERBS),
    (PERSON_VERB_LIST, PERSON_VERBS),
    (DESIGNATION_LIST, DESIGNATIONS),
    (KIN_WORD_LIST, KIN_WORDS),
    (RECORD_NOUN_INDIC_LIST, RECORD_NOUNS_INDIC),
    // ("In the name of" ends a name's run as those nouns do.)
    (RECORD_NOUN_INDIC_LIST, NAME_OF_INDIC),
];

/// What an address run must hold to be taken.
#[derive(Clone, Copy)]
enum Need {
    /// Nothing more: the keyword is enough.
    Nothing,
    /// A number or a street word (after an address context word).
    NumberOrStreet,
    /// The same, and not ending in an office ([`OFFICE_WORDS`]; after a word of moving).
    MovedTo,
    /// A street word in its first tokens (after a bare house number).
    Street,
    /// A street word and a pin code ending the run, a street named by a word of no list, or a
    /// town and its pin code (after a house number in text in small letters only).
    StreetAndPin,
    /// A street named by a word that is not a short one (after a verb of a visit and a house
    /// number, in text in small letters only: `visited 16/17 gill ganj today`).
    VisitedStreet,
    /// A word that names the landmark (after `near`, `opp.`): a name, a word in no list or a
    /// number, or a street word ending it; one of other common words only is no one's address
    /// (`Near Bus Stand`, `opp. Post Office`), one with a name or a street is (`near Sharma
    /// Sweets`, `Near Hanuman Mandir`, `near Tailor Marg`).
    Landmark,
    /// A street named by a capitalised word and then a street word, or a town and its pin code
    /// (after a plain number, or a house number in the middle of a sentence); with `closed`, a
    /// named street must end the clause too (after a plain number: `at 45 Gandhi Road, Salem`,
    /// not `25 Gandhi Road residents attended`).
    NamedStreet { closed: bool },
    /// A town and its pin code ending it (after a number with no mark of a house number but
    /// the Indic words after it: `7 தண்ணிலவு மணியன்செல்வம், ஜாம்நகர்-304813`).
    TownAndPin,
}

/// Whether `word` is in a script that `common_words_indic.txt` covers (Devanagari, Bengali,
/// Tamil: the Indic languages of wordfreq).
fn has_common_words(word: &str) -> bool {
    word.chars().next().is_some_and(|c| matches!(c, '\u{0900}'..='\u{09FF}' | '\u{0B80}'..='\u{0BFF}'))
}

/// Whether `word` starts in Devanagari, the script whose word list leaves names out (the
/// Bengali and Tamil lists hold many).
fn is_devanagari(word: &str) -> bool {
    word.chars().next().is_some_and(|c| ('\u{0900}'..='\u{097F}').contains(&c))
}

impl NameFinder {
    /// Wraps the dictionaries.
    pub fn new(mut lex: Lexicon) -> NameFinder {
        for (list, words) in OWN_LISTS {
            lex.add_words(*list, words);
        }
        NameFinder { lex }
    }

    fn in_dict(&self, t: &Tok) -> bool {
        self.is_given(t) || self.is_surname(t)
    }

    /// Long enough to be looked up: three Latin letters, or two Indic characters.
    fn lookup(t: &Tok) -> bool {
        match t.kind {
            Kind::Latin => t.text.len() >= 3,
            Kind::Indic => t.text.chars().count() >= 2,
            _ => false,
        }
    }

    fn is_given(&self, t: &Tok) -> bool {
        Self::lookup(t) && t.lists.has(Lists::GIVEN)
    }

    fn is_surname(&self, t: &Tok) -> bool {
        Self::lookup(t) && t.lists.has(Lists::SURNAME)
    }

    /// An Indic name in any spelling of it ([`parda_rules::indic_key`]): only beside other
    /// evidence, since the looser match also takes some common words.
    fn indic_name_any_spelling(&self, t: &Tok) -> bool {
        t.kind == Kind::Indic && Self::lookup(t) && (self.in_dict(t) || self.is_indic_name_key(t.text))
    }

    /// Whether `t` is a name of the dictionary with the ergative written joined to it
    /// ([`JOINED_ERGATIVE`]; a joined particle allowed before it, `રમેશભાઈએ`), and no common
    /// word itself.
    fn joined_ergative(&self, t: &Tok) -> bool {
        // The suffix first: most words have none, and the lookups are dearer.
        t.kind == Kind::Indic
            && t.lists == Lists::default()
            && JOINED_ERGATIVE.iter().find_map(|e| t.text.strip_suffix(e)).is_some_and(|stem| {
                let stem = joined_particle_stem(stem).unwrap_or(stem);
                stem.chars().nth(2).is_some()
                    && self.lex.lists(stem).has(Lists::GIVEN.union(Lists::SURNAME))
                    && !self.lex.common_indic.contains(stem)
                    && !self.lex.common_indic.contains(t.text)
            })
    }

    /// Whether `word`'s [`parda_rules::indic_key`] is an Indic name's (the key written into a
    /// buffer reused by each thread).
    fn is_indic_name_key(&self, word: &str) -> bool {
        thread_local! {
            static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        KEY.with_borrow_mut(|key| {
            indic_key_into(word, key);
            self.lex.is_indic_name_key(key)
        })
    }

    /// An Indic token that may be part of a name: not a function word, postposition,
    /// relation marker or honorific.
    fn indic_name_part(&self, t: &Tok) -> bool {
        t.kind == Kind::Indic
            && !t.lists.has(Lists::STOP_HI)
            && !t.lists.has(POST_CONTEXT_INDIC_LIST)
            && !t.lists.has(RECORD_NOUN_INDIC_LIST)
            && !t.lists.has(Lists::RELATION)
            && !self.is_honorific(t)
            && !t.lists.has(Lists::CONTEXT)
    }

    /// Token `k` of a capitalised run is an institution word that ends a name as its surname
    /// (`Meera Mitra`, `Madhavi Nigam ne`; not `Jal Mitra`, the scheme): the last word, after a
    /// word `name_before` accepts, and known as a surname or (`before_ne`) in front of a
    /// postposition only a person takes.
    fn institution_surname(&self, run: &[Tok], k: usize, before_ne: bool, name_before: impl Fn(&Tok) -> bool) -> bool {
        k + 1 == run.len()
            && k > 0
            && run[k].lists.has(Lists::INSTITUTION)
            && (self.is_surname(&run[k]) || before_ne)
            && name_before(&run[k - 1])
    }

    /// The first word of a capitalised `run` is an institution word that heads a name as its
    /// given name (`Ayushman Khurana`; not `Ayushman Bharat`, the health scheme): a given name
    /// followed only by surnames that are no institution or place word.
    fn institution_given_name(&self, run: &[Tok]) -> bool {
        run.len() >= 2
            && self.is_given(&run[0])
            && run[1..].iter().all(|t| self.is_surname(t) && !t.lists.has(Lists::INSTITUTION) && !self.is_place(t))
    }

    /// A word of running Hindi, Bengali or Tamil text (`common_words_indic.txt`).
    fn common_indic_word(&self, t: &Tok) -> bool {
        has_common_words(t.text) && self.lex.common_indic.contains(t.text)
    }

    /// Whether every token of `run` is a common word of running Hindi, Bengali or Tamil text
    /// and no name in any spelling.
    fn common_words_only(&self, run: &[Tok]) -> bool {
        run.iter().all(|t| self.common_indic_word(t) && !self.indic_name_any_spelling(t))
    }

    fn is_honorific(&self, t: &Tok) -> bool {
        t.lists.has(Lists::HONORIFIC)
    }

    /// A capitalised title that many women are named by alone (`Kumari`, `Baby`, `Bibi`),
    /// unlike `Shri` or `Smt`.
    fn title_name(&self, t: &Tok) -> bool {
        TITLE_NAMES.contains(&t.low) && self.is_honorific(t) && Self::capitalised(t)
    }

    fn is_place(&self, t: &Tok) -> bool {
        t.lists.has(Lists::PLACE)
    }

    /// How many tokens from `first` are a person's full name heading a firm's name: a given
    /// name and one or two surnames, then at most three capitalised words ending in a firm word
    /// (`Sunita Verma Beauty Parlour`, `Anil Gupta Traders`), with no other place or institution
    /// word in the run (`Rajiv Gandhi Medical College` is an institution). Zero otherwise: a
    /// family name or one name alone names the firm (`Verma Traders`, `Ganesh Tailors`).
    fn name_heading_firm(&self, s: &str, toks: &[Tok], first: usize) -> usize {
        let plain = |t: &Tok| Self::capitalised(t) && !self.is_place(t) && !t.lists.has(Lists::INSTITUTION);
        if !toks.get(first).is_some_and(|t| plain(t) && self.is_given(t)) {
            return 0;
        }
        let joined = |k: usize| k < toks.len() && Self::joins_space(s, &toks[k - 1], &toks[k]);
        let mut name_end = first + 1;
        while name_end - first < 3 && joined(name_end) && plain(&toks[name_end]) && self.is_surname(&toks[name_end]) {
            name_end += 1;
        }
        if name_end == first + 1 {
            return 0;
        }
        let mut k = name_end;
        while k - name_end < 4 && joined(k) && Self::capitalised(&toks[k]) {
            if toks[k].lists.has(Lists::FIRM) {
                // The rest of the run: firm words or plain words, no place (`... Medical College`).
                let mut m = k + 1;
                while joined(m) && Self::capitalised(&toks[m]) {
                    if !plain(&toks[m]) && !toks[m].lists.has(Lists::FIRM) {
                        return 0;
                    }
                    m += 1;
                }
                return name_end - first;
            }
            if !plain(&toks[k]) {
                return 0;
            }
            k += 1;
        }
        0
    }

    /// A relation marker starting at token `i`: returns how many tokens it spans.
    fn relation_at(&self, s: &str, toks: &[Tok], i: usize) -> usize {
        let t = &toks[i];
        if t.text.len() == 1 && "sdwchSDWCH".contains(t.text) {
            if let Some(n) = toks.get(i + 1) {
                let between = s[t.end..n.start].trim();
                if between == "/" && n.text.eq_ignore_ascii_case("o") {
                    return 2;
                }
            }
        }
        if t.lists.has(Lists::RELATION) {
            return 1;
        }
        if let Some(n) = toks.get(i + 1) {
            if s[t.end..n.start] == *" "
                && matches!(n.low, "of")
                && self.lex.contains(Lists::RELATION, &format!("{} of", t.low))
            {
                return 2;
            }
        }
        0
    }

    /// Whether token `j` ends a party of a transfer written in Hindi or Marathi: से (from), को
    /// (to) or के नाम (in the name of), right after the run, in a cell holding a word for a
    /// transfer of a property's name ([`INDIC_TRANSFER_WORDS`]).
    fn transfer_party(&self, s: &str, toks: &[Tok], j: usize) -> bool {
        let Some(next) = toks.get(j).filter(|n| j > 0 && Self::joins_space(s, &toks[j - 1], n)) else {
            return false;
        };
        let edge = match next.text {
            "से" | "को" => true,
            "के" => toks.get(j + 1).is_some_and(|n| n.text == "नाम"),
            _ => false,
        };
        edge && toks.iter().any(|t| t.kind == Kind::Indic && INDIC_TRANSFER_WORDS.contains(&t.text))
    }

    /// Where the name ends when the words at `j` say "in the name of" ([`NAME_OF_INDIC`],
    /// [`NAME_OF_AFTER_GENITIVE`]) right after token `j - 1`: at `j`, or before the genitive
    /// that a run of name words took in (`সুব্রত দাস এর নামে`).
    fn name_of_end(s: &str, toks: &[Tok], j: usize) -> Option<usize> {
        let next = toks.get(j).filter(|n| j > 0 && Self::joins_space(s, &toks[j - 1], n))?;
        let genitive_name = |of: &Tok, name: &Tok| {
            NAME_OF_AFTER_GENITIVE.iter().any(|(g, names)| of.text == *g && names.contains(&name.text))
        };
        if toks.get(j + 1).is_some_and(|n| genitive_name(next, n)) {
            Some(j)
        } else if j >= 2 && genitive_name(&toks[j - 1], next) {
            Some(j - 1)
        } else {
            NAME_OF_INDIC.contains(&next.text).then_some(j)
        }
    }

    /// A name in any spelling, or a name that is a common word too (`names_common_indic.txt`).
    fn name_like(&self, t: &Tok) -> bool {
        self.indic_name_any_spelling(t) || t.lists.has(Lists::COMMON_NAME)
    }

    /// Whether every word of `run` is a name, in some spelling or as a common word that is a
    /// name too (`ইসলাম`, Islam; `சந்தனம்`, sandalwood).
    fn names_that_are_words(&self, run: &[Tok]) -> bool {
        run.iter().all(|t| t.kind == Kind::Indic && self.name_like(t))
    }

    /// Whether a cell of Indic words `toks` and nothing else is a name: every word a name (in
    /// some spelling, or a common word that is a name too), or, in the scripts with a list of
    /// common words, a name and words that are no common word (`अपर्णा जगताप`: Jagtap is in
    /// no list); never a place.
    fn whole_cell_name(&self, toks: &[Tok]) -> bool {
        let unknown = |t: &Tok| has_common_words(t.text) && Self::lookup(t) && !self.lex.common_indic.contains(t.text);
        toks.iter().all(|t| t.kind == Kind::Indic && !self.is_place(t) && (self.name_like(t) || unknown(t)))
            && toks.iter().any(|t| self.name_like(t))
    }

    /// The start of the name in the Indic run `[i, j)` before a person's marker: past a leading
    /// common word that is no name when two names follow it (`संपत्ति सीमा त्रिपाठी के नाम`: the
    /// property, then its owner). A word in no list is kept: it may be the name's first part.
    fn past_leading_non_name(&self, toks: &[Tok], i: usize, j: usize) -> usize {
        let mut a = i;
        while j - a > 2
            && !self.name_like(&toks[a])
            && self.lex.common_indic.contains(toks[a].text)
            && toks[a + 1..j].iter().filter(|t| self.name_like(t)).count() >= 2
        {
            a += 1;
        }
        a
    }

    /// The start of the name that ends the Indic run `[i, j)` before "in the name of": the last
    /// two words, and a third that is a name, or no common word of the language while the two
    /// hold fewer than two names (`குடிநீர் விநியோகம் லட்சுமி ராஜா பெயரில்`: water supply, then
    /// the person).
    fn name_before_marker(&self, toks: &[Tok], i: usize, j: usize) -> usize {
        let (mut a, mut names) = (j - 1, usize::from(self.name_like(&toks[j - 1])));
        while a > i && j - a < 3 {
            let t = &toks[a - 1];
            let name = self.name_like(t);
            if j - a >= 2 && !name && (names >= 2 || self.common_indic_word(t)) {
                break;
            }
            a -= 1;
            names += usize::from(name);
        }
        a
    }

    /// Whether token `j` is the `s` of an English possessive joined to the word before it
    /// (`আনিস মৃধা's mobile`), followed by what a person has ([`PERSONS_THINGS`]).
    fn possessive_of_person(s: &str, toks: &[Tok], j: usize) -> bool {
        let (Some(poss), Some(what)) = (toks.get(j), toks.get(j + 1)) else {
            return false;
        };
        j > 0
            && poss.text == "s"
            && matches!(&s[toks[j - 1].end..poss.start], "'" | "\u{2019}")
            && Self::joins_space(s, poss, what)
            && PERSONS_THINGS.contains(&what.low)
    }

    /// Whether token `i` follows a phone number (ten to thirteen digits) and a slash, as a
    /// register glues a person's fields (`Mob:3684036578 / মোস্তাফিজ জামান`, `9876543210/ রমেশ`).
    fn after_phone_and_slash(s: &str, toks: &[Tok], i: usize) -> bool {
        i >= 1
            && toks[i - 1].kind == Kind::Number
            && (10..=13).contains(&toks[i - 1].text.len())
            && s[toks[i - 1].end..toks[i].start].trim_matches(' ') == "/"
    }

    /// Whether the Indic run `[i, j)` set in Latin text is joined by `and` or `&` to another
    /// Indic run of one to three words, after it or before it, each run holding a name (in
    /// some spelling, or a common word that is a name too) and no place: two people (`মিলন
    /// মিঞা and মিনা ব্যানার্জি joint owners`; not `পানি and বিদ্যুৎ`, water and power).
    fn coordinated_indic_names(&self, s: &str, toks: &[Tok], i: usize, j: usize) -> bool {
        // (The runs are of Indic words joined by single spaces, as the callers and the walks
        // below build them.)
        let names = |a: usize, b: usize| {
            (1..=3).contains(&(b - a))
                && toks[a..b].iter().all(|t| self.indic_name_part(t) && !self.is_place(t))
                && toks[a..b].iter().any(|t| self.name_like(t))
        };
        let amp = |a: &Tok, b: &Tok| &s[a.end..b.start] == " & ";
        let and_at = |k: usize| toks[k].low == "and" && Self::joins_space(s, &toks[k - 1], &toks[k]);
        let indic_joined = |k: usize| toks[k].kind == Kind::Indic && Self::joins_space(s, &toks[k - 1], &toks[k]);
        // Where the other run starts after this one (`... and X`, `... & X`), and where the
        // other run ends before it (`X and ...`, `X & ...`): the joiner first, as the name
        // tests look words up in every spelling.
        let after_start = match toks.get(j) {
            Some(n) if amp(&toks[j - 1], n) => Some(j),
            Some(_) if and_at(j) && toks.get(j + 1).is_some_and(|_| indic_joined(j + 1)) => Some(j + 1),
            _ => None,
        };
        let before_end = if i >= 1 && amp(&toks[i - 1], &toks[i]) {
            Some(i)
        } else if i >= 2 && and_at(i - 1) && Self::joins_space(s, &toks[i - 1], &toks[i]) {
            Some(i - 1)
        } else {
            None
        };
        if after_start.is_none() && before_end.is_none() || !names(i, j) {
            return false;
        }
        let after = after_start.is_some_and(|p| {
            let mut q = p;
            while q < toks.len() && q - p < 3 && toks[q].kind == Kind::Indic && (q == p || indic_joined(q)) {
                q += 1;
            }
            q > p && names(p, q)
        });
        let before = before_end.is_some_and(|end| {
            let mut a = end;
            while a > 0 && end - a < 3 && toks[a - 1].kind == Kind::Indic && (a == end || indic_joined(a)) {
                a -= 1;
            }
            a < end && names(a, end)
        });
        after || before
    }

    /// Whether tokens `j` and `j + 1` say "'s mobile" in Hindi (का, की or के, then a contact
    /// detail or a personal document: मोबाइल, फोन, नंबर, आधार, पैन, खाता, ईमेल, पता).
    fn contact_owner(s: &str, toks: &[Tok], j: usize) -> bool {
        let (Some(of), Some(what)) = (toks.get(j), toks.get(j + 1)) else {
            return false;
        };
        j > 0
            && matches!(of.text, "का" | "की" | "के")
            && Self::joins_space(s, &toks[j - 1], of)
            && matches!(
                what.text,
                "मोबाइल"
                    | "मोबाईल"
                    | "फोन"
                    | "फ़ोन"
                    | "नंबर"
                    | "नम्बर"
                    | "आधार"
                    | "पैन"
                    | "खाता"
                    | "ईमेल"
                    | "पता"
            )
    }

    /// `from` / `to` right after "changed", "transferred", "mutation": "name changed from A to B".
    fn is_transfer_edge(&self, toks: &[Tok], i: usize) -> bool {
        matches!(toks[i].low, "from" | "to" | "in")
            && toks[i.saturating_sub(5)..i].iter().any(|t| {
                matches!(
                    t.low,
                    "changed" | "transferred" | "transfer" | "mutation" | "mutated" | "sold" | "gifted" | "inherited"
                )
            })
    }

    fn joins_space(s: &str, a: &Tok, b: &Tok) -> bool {
        s[a.end..b.start] == *" "
    }

    /// Whether the text between two tokens keeps a name going (spaces, an initial's dot).
    fn joins(s: &str, a: &Tok, b: &Tok) -> bool {
        let between = &s[a.end..b.start];
        !between.is_empty() && between.len() <= 3 && between.chars().all(|c| c == ' ' || c == '.')
    }

    /// Whether token `i` starts the cell or a sentence or clause in it.
    fn sentence_start(s: &str, toks: &[Tok], i: usize) -> bool {
        i == 0 || s[toks[i - 1].end..toks[i].start].contains(['.', '!', '?', ';', ':', '\n', '|', '।'])
    }

    /// A Latin word with a capital first ([`capitalised_word`]).
    fn capitalised(t: &Tok) -> bool {
        t.capitalised
    }

    /// An upper-case word of the sentence, no name (`NOT`, `PAID`, `ON`, `VIDE`): in upper-case
    /// text a capital says nothing, so an English, Hinglish, office or two-letter word that is
    /// no dictionary name, or a context word (`NAAM`, `OWNER`), ends a name there ("OWNER MANU
    /// SANI NOT AVAILABLE").
    fn caps_sentence_word(&self, t: &Tok) -> bool {
        t.kind == Kind::Latin
            && Self::upper_word(t)
            && !self.in_dict(t)
            && !NAME_PARTICLES.contains(&t.low)
            && (t.lists.has(Lists::ENGLISH)
                || t.lists.has(Lists::CONTEXT)
                || t.lists.has(Lists::HINGLISH)
                || t.lists.has(Lists::NON_NAME)
                || t.lists.has(SHORT_WORD_LIST))
    }

    /// Two or more letters, all capitals (`RAMESH`, `SK`).
    fn upper_word(t: &Tok) -> bool {
        t.text.len() > 1 && t.text.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// Whether `t` ends a name run after a marker in text in capitals: a word of the sentence, or
    /// a name that is also a Hindi word (`OWNER BAHAR GAYA HAI`: `bahar`, outside); but right
    /// after an honorific or a relation marker (`first_after_title`) a dictionary name or an
    /// English word is the name (`SMT DIYA`, `MR. ROSE`).
    fn ends_upper_run(&self, t: &Tok, first_after_title: bool) -> bool {
        let sentence_word = self.caps_sentence_word(t) || (self.in_dict(t) && t.lists.has(Lists::HINGLISH));
        let kept = first_after_title
            && (self.in_dict(t)
                || t.lists.has(Lists::ENGLISH) && !t.lists.has(Lists::HINGLISH) && !t.lists.has(Lists::CONTEXT));
        sentence_word && !kept
    }

    /// Two capitals or a capital and a small letter that are no short word (`RK`, `Dk`, `Md`):
    /// initials written without dots, or a short form of a name.
    fn letter_pair(t: &Tok) -> bool {
        t.kind == Kind::Latin
            && t.text.len() == 2
            && t.text.as_bytes()[0].is_ascii_uppercase()
            && !t.lists.has(SHORT_WORD_LIST)
    }

    /// Name tokens from `i` on, after a marker: returns the end token (exclusive). `strict`
    /// (after a context word) takes Latin tokens only when capitalised.
    /// In `upper_text` (a cell with no small letter) a sentence word ends the run.
    fn run_after(&self, s: &str, toks: &[Tok], mut i: usize, lenient: bool, upper_text: bool) -> (usize, usize) {
        let start = i;
        // Skip further honorifics and context words ("Late Shri", "owner name").
        while i < toks.len()
            && (self.is_honorific(&toks[i])
                || toks[i].lists.has(Lists::CONTEXT)
                || matches!(toks[i].low, "of" | "is" | "mr" | "mrs" | "ms" | "was" | "by"))
        {
            i += 1;
        }
        let first = i;
        let mut j = i;
        while j < toks.len() && j - first < MAX_NAME_TOKENS {
            let t = &toks[j];
            if (j > first && !Self::joins(s, &toks[j - 1], t)) || self.relation_at(s, toks, j) > 0 {
                break;
            }
            // A number label ends a name, and an acronym before one is a label too (`PPO No`,
            // `EPIC No.`): `Pensioner PPO No 123456789012` names no one.
            let label = |t: &Tok| t.lists.has(NUMERO_LIST);
            if label(t)
                || (!upper_text
                    && Self::upper_word(t)
                    && t.text.len() <= 5
                    && toks.get(j + 1).is_some_and(|n| label(n) && Self::joins_space(s, t, n)))
            {
                break;
            }
            let ok = match t.kind {
                Kind::Latin => {
                    let lower = t.text.bytes().all(|b| b.is_ascii_lowercase());
                    let ends_upper = upper_text
                        && self.ends_upper_run(t, lenient && j == first)
                        && !(j > first && self.word_surname(s, toks, j));
                    // A lower-case initial before the rest of the name (`beneficiary: p. venkatesh`).
                    let initial = lower
                        && t.text.len() == 1
                        && s.as_bytes().get(t.end) == Some(&b'.')
                        && toks.get(j + 1).is_some_and(|n| Self::joins(s, t, n) && n.kind == Kind::Latin);
                    // A place word that is a surname after a given name that is none (`Applicant
                    // Devansh Mahal`) is the surname.
                    // So is one right after `Mr`, `Mrs`, `Ms` or `Dr` (`Mr. Mahal not available`;
                    // `Shri Ram Nagar` is a locality).
                    // (After a role word a person stands: `Complainant Krishna Mahal says`;
                    // but not after `resident`, whose locality may follow.)
                    // So after a title only a person takes (`Paid by Smt. Yamini Nagar`; not
                    // `Shri`, `Sri` or `Dr`: `Shri Ram Nagar`, `Dr. Ambedkar Nagar` are localities).
                    let role_before = first > 0
                        && (toks[first - 1].lists.has(Lists::CONTEXT)
                            && !matches!(toks[first - 1].low, "resident" | "citizen" | "contact" | "contacted")
                            || PERSON_TITLES.contains(&toks[first - 1].low));
                    let given_first = j == first + 1 && self.is_given(&toks[first]);
                    // (After a role word any place word after a given name that is no surname:
                    // `Tenant: Anjali Nagar`.)
                    let role_place_surname =
                        role_before && given_first && !self.is_surname(&toks[first]) && !self.is_place(&toks[first]);
                    let place_surname = role_place_surname
                        || self.is_surname(t)
                            && ((given_first && (!self.is_surname(&toks[first]) || role_before))
                                || (j == first
                                    && first > 0
                                    && matches!(toks[first - 1].low, "mr" | "mrs" | "ms" | "dr")
                                    && !t.lists.has(Lists::INSTITUTION)));
                    !((self.is_place(t) && !place_surname) || ends_upper)
                        && (Self::capitalised(t)
                            || initial
                            || (lower
                                && self.in_dict(t)
                                && (lenient || !t.lists.has(Lists::ENGLISH) && !t.lists.has(Lists::HINGLISH)))
                            // (`tenant fatima tailor vacated`, `applicant: kavya lad, address`.)
                            || (lower && j > first && self.word_surname(s, toks, j))
                            || self.lowercase_name_word(t))
                }
                // Two Indic words after a marker, a third only when it is a dictionary name
                // (`अनिल कुमार शर्मा`): scripts without a stop-word list would otherwise lose
                // the words after the name (`ರಮೇಶ್ ಕುಮಾರ್ ಮನೆ`).
                // Nor a common word after a surname, which ends a name (`आवेदक श्री सेन उपस्थित
                // नहीं`: उपस्थित, present, is no second surname), nor the noun "complaint" of
                // the languages without a postposition (`ശ്രീ രാജേഷ് പരാതി നൽകി`).
                Kind::Indic => {
                    let after_surname = j > first
                        && self.is_surname(&toks[j - 1])
                        && !self.is_given(&toks[j - 1])
                        && self.common_indic_word(t);
                    !t.lists.has(Lists::STOP_HI)
                        && !t.lists.has(Lists::RELATION)
                        && !t.lists.has(RECORD_NOUN_INDIC_LIST)
                        && !ERGATIVE_INDIC.contains(&t.text)
                        && !COMPLAINT_PHRASES.iter().any(|(noun, _)| t.text == *noun)
                        && ((j - first < 2 && !after_surname)
                            || self.indic_name_any_spelling(t) && !self.lex.common_indic.contains(t.text))
                }
                _ => false,
            };
            if !ok {
                break;
            }
            j += 1;
        }
        // A title that is a given name too, after another title and before no name (the end,
        // punctuation, a word of the sentence), is the name (`Mrs. Kumari;`, `Smt. Kumari`).
        if j == first && first > start {
            let last = &toks[first - 1];
            let alone = toks
                .get(first)
                .is_none_or(|n| !Self::joins_space(s, last, n) || n.text.bytes().all(|b| b.is_ascii_lowercase()));
            if alone && self.title_name(last) {
                return (first - 1, first);
            }
        }
        (first, j)
    }

    /// Finds name and address spans in `s`, sorted and non-overlapping.
    ///
    /// A text longer than 64 KiB is read in windows of that size that overlap by 1 KiB on each
    /// side, each window keeping the spans that start in its own part: the tokens of one window
    /// at a time are held, not those of the whole text (a 30 MB cell held 336 MB of tokens).
    pub fn find(&self, s: &str, out: &mut Vec<LexSpan>) {
        out.clear();
        if s.len() <= WINDOW {
            with_tokens(s, &self.lex, |toks| self.find_in(s, toks, out));
        } else {
            self.find_in_windows(s, WINDOW, WINDOW_OVERLAP, out);
        }
    }

    /// [`NameFinder::find`] in windows of `window` bytes that overlap by `overlap` (both ends
    /// moved to the nearest word gap).
    fn find_in_windows(&self, s: &str, window: usize, overlap: usize, out: &mut Vec<LexSpan>) {
        out.clear();
        let mut spans = Vec::new();
        let mut own_start = 0;
        while own_start < s.len() {
            let own_end = word_gap_after(s, own_start + window);
            let from = if own_start == 0 { 0 } else { word_gap_before(s, own_start.saturating_sub(overlap)) };
            let to = word_gap_after(s, own_end + overlap);
            let text = &s[from..to];
            spans.clear();
            with_tokens(text, &self.lex, |toks| self.find_in(text, toks, &mut spans));
            for sp in &spans {
                let (start, end) = (sp.start + from, sp.end + from);
                if start < own_start || start >= own_end {
                    continue;
                }
                match out.last_mut() {
                    // (A span that crossed the last window's end, found again in part here.)
                    Some(last) if start < last.end => {
                        if sp.address == last.address {
                            last.end = last.end.max(end);
                        } else if end > last.end {
                            let start = last.end;
                            out.push(LexSpan { start, end, ..*sp });
                        }
                    }
                    _ => out.push(LexSpan { start, end, ..*sp }),
                }
            }
            own_start = own_end;
        }
    }

    /// [`NameFinder::find`] over the tokens of `s`.
    fn find_in(&self, s: &str, toks: &[Tok], out: &mut Vec<LexSpan>) {
        if toks.is_empty() {
            return;
        }
        // Text in capitals only: a capital says nothing there ("OWNER MANU SANI NOT AVAILABLE");
        // in mixed text an upper-case word is a name written in capitals ("Owner RAVI SMART not
        // available"). Text in small letters only: no capital names a street either.
        let (upper_text, lower_text) = letter_cases(s);
        self.find_addresses(s, toks, upper_text, lower_text, out);
        // Whether the cell is text of no listed language ([`NameFinder::foreign_text`]), asked
        // at most once.
        let foreign = std::cell::OnceCell::new();
        let foreign = || *foreign.get_or_init(|| Self::foreign_text(toks));
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let rel = self.relation_at(s, toks, i);
            let (marker_len, lenient) = if rel > 0 {
                (rel, true)
            } else if self.is_honorific(t)
                && (t.kind == Kind::Indic || Self::capitalised(t) || t.text.len() >= 3)
                // (A title before a comma names no one after it: `STATION MASTER, RAILWAYS`.)
                && !s[t.end..].trim_start_matches([' ', '.']).starts_with(',')
            {
                (1, true)
            } else if (t.lists.has(Lists::CONTEXT) && !self.weak_context(s, toks, i)) || self.is_transfer_edge(toks, i)
            {
                (1, false)
            } else if Self::person_phrase(s, toks, i) {
                (2, false)
            } else if Self::person_before_name(s, toks, i) {
                (1, false)
            } else {
                (0, false)
            };
            if rel > 0 {
                // The person before a relation marker ("Mitali Bantuwal S/O ...", "निशु मोदंवल पुत्र").
                if let Some(start) = self.name_before(s, toks, i) {
                    push(out, LexSpan { start: toks[start].start, end: toks[i - 1].end, address: false, score: 0.8 });
                }
            }
            if marker_len > 0 {
                let (first, end) = self.run_after(s, toks, i + marker_len, lenient, upper_text);
                let known = toks[first..end].iter().any(|t| self.in_dict(t) || t.kind == Kind::Indic);
                // A Latin place word after the run makes it a place ("Dr. Ambedkar Nagar"); in
                // Indic word order a place often follows its visitor ("श्री रमेश कुमार नगर
                // निगम कार्यालय गए").
                let place_follows = toks.get(end).is_some_and(|n| {
                    n.kind == Kind::Latin && self.is_place(n) && Self::joins_space(s, &toks[end - 1], n)
                });
                // After a marker of kin (S/O, W/O, D/O; not C/O, whose care may be an office's)
                // a person stands: a place word after one name word is the surname (`s/o Jagvi
                // Nagar`, `w/o Karan Mahal`); after two or more it starts the address that
                // follows the name (`s/o Suresh Kumar Gandhi Nagar`).
                let kin = rel > 0 && end > first && place_follows && !matches!(toks[i].low, "c" | "care");
                let (end, place_follows) = if !kin {
                    (end, place_follows)
                } else if end - first == 1 && toks.get(end).is_some_and(Self::capitalised) {
                    (end + 1, false)
                } else {
                    (end, false)
                };
                // After a word of transfer, a town alone is where someone moved from or to, not
                // who (`Transferred from Salem`, `transferred to Kota on promotion`).
                if !lenient
                    && end > first
                    && end - first <= 2
                    && toks[first..end].iter().all(|t| t.lists.has(Lists::TOWN))
                    && self.is_transfer_edge(toks, i)
                {
                    i = end;
                    continue;
                }
                // After a context word, a run of English, office and institution words is the
                // sentence going on ("transferred to Revenue Section", "paid by Airtel Money").
                let all_english = !lenient
                    && toks[first..end].iter().all(|t| {
                        t.kind == Kind::Latin
                            && !self.in_dict(t)
                            && (t.lists.has(Lists::ENGLISH)
                                || t.lists.has(Lists::NON_NAME)
                                || t.lists.has(Lists::INSTITUTION))
                    });
                // So is a run of common Hindi, Bengali or Tamil words that are no name in any
                // spelling (`मालिक उपस्थित नहीं`, owner not present). One name word keeps it:
                // many names are common words too (`সুব্রত`, `கார்த்திக்`), and so do words
                // that are all names that are common words (`আবেদনকারী মিম মৃধা`).
                let all_common = || {
                    !lenient
                        && self.common_words_only(&toks[first..end])
                        && !self.names_that_are_words(&toks[first..end])
                };
                // One title-case word in no list right after a word that names a role
                // ("owner Elangovan", "applicant Lalrinmawia") or a phrase that names a person
                // ("on request of Bhupen"): many people go by one name. Not after a bare "of"
                // ("resident of Kothagudem" is a town).
                let role = toks[i].lists.has(Lists::CONTEXT)
                    || Self::person_phrase(s, toks, i)
                    || Self::person_before_name(s, toks, i);
                let lone_unknown = end - first == 1
                    && first == i + marker_len
                    && role
                    && Self::title_word(&toks[first])
                    && self.unknown_word(&toks[first]);
                // The owner's name heading a firm's ("owner Sunita Verma Beauty Parlour").
                let owner_len =
                    if place_follows || end - first > 2 { self.name_heading_firm(s, toks, first) } else { 0 };
                if owner_len > 0 {
                    push(
                        out,
                        LexSpan {
                            start: toks[first].start,
                            end: toks[first + owner_len - 1].end,
                            address: false,
                            score: 0.9,
                        },
                    );
                    i = first + owner_len;
                    continue;
                }
                if end > first
                    && !place_follows
                    && !all_english
                    && (lenient || known || lone_unknown || end - first >= 2)
                    && !all_common()
                {
                    // A short form of Muhammad before the name is part of it, not a title
                    // (`Mohd Irfan`, `Md. Salim`).
                    let mut first = first;
                    while first > i && MUHAMMAD.contains(&toks[first - 1].low) {
                        first -= 1;
                    }
                    push(out, LexSpan { start: toks[first].start, end: toks[end - 1].end, address: false, score: 0.9 });
                    i = self.coordinated_name(s, toks, first, end, upper_text, out);
                    continue;
                }
                // One word in no list, a comma and a given name: a name written surname first
                // (`transferred to Khawlhring, Mohammed`).
                if end - first == 1 && self.inverted_given_name(s, toks, first) {
                    push(out, LexSpan { start: toks[first].start, end: toks[end].end, address: false, score: 0.7 });
                    i = end + 1;
                    continue;
                }
                // A title that is a given name too, alone between a word that puts a person
                // after it and a word of address ("leave sanctioned by Kumari sir").
                if end == first
                    && first == i + 1
                    && self.title_name(t)
                    && i > 0
                    && toks[i - 1].lists.has(PERSON_PREPOSITION_LIST)
                    && toks.get(i + 1).is_some_and(|n| {
                        (matches!(n.low, "sir" | "madam" | "maam") || n.lists.has(POST_CONTEXT_LIST))
                            && Self::joins_space(s, t, n)
                    })
                {
                    push(out, LexSpan { start: t.start, end: t.end, address: false, score: 0.7 });
                    i += 1;
                    continue;
                }
                i += marker_len;
                continue;
            }
            // A capitalised run holding a dictionary name, not followed by a place word.
            if Self::capitalised(t) || (t.text.len() == 1 && t.text.bytes().all(|b| b.is_ascii_uppercase())) {
                // In upper-case text every word is capitalised: a word of the sentence ends the
                // run ("SURESH YADAV KE NAAM SE MUTATION").
                let mut j = i + 1;
                // In capitals, after a word that puts a person after it (the run's head in
                // upper-case text, the word before it otherwise), a surname that is a word may
                // end the name: `COMPLAINT FROM WARDA TANK REGARDING ...`. `name_start`: where
                // the name after that word begins.
                let name_start = if upper_text && self.caps_sentence_word(t) { i + 1 } else { i };
                let person_before = upper_text && name_start > 0 && self.puts_person_after(&toks[name_start - 1]);
                while j < toks.len()
                    && j - i < MAX_NAME_TOKENS + 1
                    && Self::joins(s, &toks[j - 1], &toks[j])
                    && Self::capitalised(&toks[j])
                    && self.relation_at(s, toks, j) == 0
                    && (upper_text || !self.role_after_full_stop(s, toks, j))
                    && !(upper_text
                        && self.caps_sentence_word(&toks[j])
                        && !((1..=2).contains(&(j - name_start))
                            && (person_before || self.caps_given_at_clause_end(s, toks, j))
                            && self.word_surname(s, toks, j)))
                {
                    j += 1;
                }
                // A short run in person context, after "by", "from", "to" or before "ne" or a
                // relation marker, keeps the English words in it: names that are also words
                // (`Nandan Khan`, `Harry Rajawat`, `Sulayman Mane`).
                let context = self.person_context(s, toks, i, j);
                if context != PersonContext::None
                    && (self.title_case_name(&toks[i..j], context, !upper_text)
                        || self.initials_and_word(s, &toks[i..j], !upper_text))
                {
                    push(out, LexSpan { start: t.start, end: toks[j - 1].end, address: false, score: 0.7 });
                    i = j;
                    continue;
                }
                // English and institution words at either end are not part of the name
                // ("PAID BY RAMESH KUMAR VIDE").
                let word = |t: &Tok| {
                    (upper_text && self.caps_sentence_word(t))
                        || !self.in_dict(t)
                            && (t.lists.has(Lists::ENGLISH)
                                || t.lists.has(Lists::NON_NAME)
                                || (t.text.len() == 2 && !Self::letter_pair(t)))
                };
                let caps_surname_end = (2..=3).contains(&(j - name_start))
                    && (person_before || self.caps_given_at_clause_end(s, toks, j - 1))
                    && self.word_surname(s, toks, j - 1);
                let (mut a, mut b) = (i, j);
                while a < b && word(&toks[a]) {
                    a += 1;
                }
                while b > a && word(&toks[b - 1]) && !(caps_surname_end && b == j) {
                    b -= 1;
                }
                if a > i && b > a && Self::english_given_name(s, &toks[a - 1], &toks[a]) {
                    a -= 1;
                }
                if b > a && b + 1 == j && self.english_surname(s, toks, b, upper_text) {
                    b += 1;
                }
                if a == b {
                    i = j;
                    continue;
                }
                // A person's name heading a firm's ("Sunita Verma Tailors").
                let owner_len = self.name_heading_firm(s, toks, a);
                if owner_len > 0 {
                    push(
                        out,
                        LexSpan { start: toks[a].start, end: toks[a + owner_len - 1].end, address: false, score: 0.7 },
                    );
                    i = j;
                    continue;
                }
                let run = &toks[a..b];
                let hits = run.iter().filter(|t| self.in_dict(t)).count()
                    + usize::from(
                        toks.get(j)
                            .is_some_and(|n| n.lists.has(POST_CONTEXT_LIST) && Self::joins_space(s, &toks[j - 1], n)),
                    );
                let given = |p: &Tok| self.is_given(p) && !p.lists.has(Lists::INSTITUTION);
                // The holder of an office named after its institution ("Gram Panchayat Sarpanch
                // Ramesh Kumar", "Anganwadi Sevika Sunita Devi"): a given name and one or two
                // surnames after the run's last institution word are a person, not part of the
                // institution's name (whose own names come first: "Rajiv Gandhi Medical College").
                // A title of office in English may stand between ("Nagar Nigam Commissioner
                // Anil Sharma").
                if let Some(k) = run.iter().rposition(|t| t.lists.has(Lists::INSTITUTION)) {
                    let office =
                        |t: &Tok| t.lists.has(Lists::CONTEXT) || t.lists.has(Lists::ENGLISH) && !self.in_dict(t);
                    let titles = run[k + 1..].iter().take(2).take_while(|t| office(t)).count();
                    let holder = &run[k + 1 + titles..];
                    let surname = |t: &Tok| self.is_surname(t) && !self.is_place(t) && !t.lists.has(Lists::INSTITUTION);
                    let place_after =
                        toks.get(b).is_some_and(|n| self.is_place(n) && Self::joins_space(s, &toks[b - 1], n));
                    if (2..=3).contains(&holder.len())
                        && given(&holder[0])
                        && !self.is_place(&holder[0])
                        && holder[1..].iter().all(surname)
                        && !place_after
                    {
                        push(
                            out,
                            LexSpan {
                                start: holder[0].start,
                                end: holder[holder.len() - 1].end,
                                address: false,
                                score: 0.7,
                            },
                        );
                        i = j;
                        continue;
                    }
                }
                let caps = run.iter().all(Self::upper_word);
                // In upper-case text the run is the whole sentence: only the name's words and the
                // word after them say "place" ("DEBASIS KANWAR VISITED OFFICE").
                let (pa, pb) = if caps { (a, (b + 1).min(j)) } else { (i, j) };
                let near = &toks[pa..pb];
                let place = near.iter().enumerate().any(|(k, t)| {
                    self.is_place(t)
                        || (t.lists.has(Lists::INSTITUTION)
                            && !self.institution_surname(near, k, false, given)
                            && !(pa + k == a && self.institution_given_name(run)))
                }) || (pb == j
                    && toks.get(j).is_some_and(|n| self.is_place(n) && Self::joins_space(s, &toks[j - 1], n)));
                // A name that is also an English word ("More", "Deep") is not a name alone at
                // the start of a sentence, where grammar explains the capital ("More water
                // needed"); beside another name word ("Sanjana More") or mid-sentence it is.
                // Nor before capitalised English words it stands in a title with ("Deep
                // Cleaning", "Ram Temple Road").
                // Nor is a Hinglish word in no dictionary before a postposition: it is the
                // noun of the sentence ("Pani ka bill zyada aaya", the water bill).
                // Nor one word at the head of a sentence of a language the lists do not know
                // ("Modi commodi eius hic nobis", placeholder Latin): a capital says nothing there.
                let lone_word = run.len() == 1
                    && (run[0].lists.has(Lists::ENGLISH) && (Self::sentence_start(s, toks, a) || b < j)
                        || run[0].lists.has(Lists::HINGLISH) && !self.in_dict(&run[0])
                        || Self::sentence_start(s, toks, a) && foreign());
                // Upper-case words in no dictionary, or one name beside them, are a name only
                // where the sentence says so ("DEBASIS KANWAR VISITED", "TO SUNITA BHARGAVI,"):
                // "BAKAYA RASHI JAMA NAHI" (arrears not paid) is Hindi, `Rashi` a name too.
                let next = toks.get(b).filter(|n| Self::joins_space(s, &toks[b - 1], n));
                let before = (a > 0).then(|| &toks[a - 1]);
                // A word before the run that puts a person after it ("TO SUNITA BHARGAVI").
                let person_before = before.is_some_and(|p| self.puts_person_after(p));
                // For one word alone, what the words around it say: such a word or a verb that
                // takes a person before ("RECEIVED FROM KIRAN", "CALLED VIJAY"), or a verb after
                // ("SELVAM COMPLAINED", "VIJAY ABSENT"); not a noun ("ASHA WORKER VISITED").
                let lone_caps_evidence = || {
                    person_before
                        || before.is_some_and(|p| p.lists.has(PERSON_VERB_LIST))
                        || next.is_some_and(|n| {
                            n.low.len() >= 4 && n.low.ends_with("ed") && n.lists.has(Lists::ENGLISH)
                                || CAPS_PERSON_VERBS.contains(&n.low)
                        })
                };
                let caps_evidence = || {
                    hits >= 2
                        || next.is_none_or(|n| {
                            n.kind == Kind::Latin
                                && n.text.len() >= 3
                                && n.lists.has(Lists::ENGLISH)
                                && !n.lists.has(Lists::HINGLISH)
                                || n.lists.has(POST_CONTEXT_LIST)
                                || self.relation_at(s, toks, b) > 0
                        })
                        || person_before
                };
                // One given name in capitals before a postposition only a person takes, or `se`
                // ("RAMESH NE SHIKAYAT KI", "SURESH SE BAAT HUI"), or, four letters or more,
                // where the sentence says "person" ("SELVAM COMPLAINED", "READER VIJAY ABSENT").
                let lone_caps_given = caps
                    && run.len() == 1
                    && given(&run[0])
                    && !run[0].lists.has(Lists::ENGLISH)
                    && !run[0].lists.has(Lists::HINGLISH)
                    && (next.is_some_and(|n| n.lists.has(POST_CONTEXT_LIST) || n.low == "se")
                        || run[0].text.len() >= 4 && lone_caps_evidence());
                if !place && caps && upper_text && !lone_caps_given && !caps_evidence() {
                    i = j;
                    continue;
                }
                if hits > 0 && !place && !lone_word && (!caps || run.len() >= 2 || lone_caps_given) {
                    push(out, LexSpan { start: run[0].start, end: run[run.len() - 1].end, address: false, score: 0.7 });
                } else if !place && self.initials_and_surname(s, run) {
                    // Initials and a surname in no dictionary ("P. Venkateswarlu").
                    push(out, LexSpan { start: run[0].start, end: run[run.len() - 1].end, address: false, score: 0.7 });
                } else if !place {
                    // Runs of unknown words inside the run ("PAID BY ANOKHI BANTUWAL VIDE").
                    let mut a = 0;
                    while a < run.len() {
                        let mut b = a;
                        while b < run.len() && b - a < MAX_NAME_TOKENS && self.unknown_word(&run[b]) {
                            b += 1;
                        }
                        if b - a >= 2 {
                            push(out, LexSpan { start: run[a].start, end: run[b - 1].end, address: false, score: 0.6 });
                        }
                        a = b.max(a + 1);
                    }
                }
                i = j;
                continue;
            }
            // A lower-case run in an English sentence ("meter of pradeep mandal found faulty").
            if let Some(end) = self.lowercase_name(s, toks, i, foreign) {
                push(out, LexSpan { start: t.start, end: toks[end - 1].end, address: false, score: 0.6 });
                i = end;
                continue;
            }
            // An Indic run: a name when it ends right before ने / जी / द्वारा, or when it holds
            // a dictionary name (with the unknown surname after a given name, or the unknown
            // given name before a surname).
            if self.indic_name_part(t) {
                let mut j = i + 1;
                while j < toks.len()
                    && j - i < MAX_NAME_TOKENS
                    && self.indic_name_part(&toks[j])
                    && Self::joins_space(s, &toks[j - 1], &toks[j])
                {
                    j += 1;
                }
                // One word before a place word names the place, not a person (`गांधी चौक`,
                // `राजीव आवास योजना`); after two or more the person may be going there.
                if self.is_place(t) {
                    i += 1;
                    continue;
                }
                if toks[i + 1..j].first().is_some_and(|n| self.is_place(n)) {
                    i = j;
                    continue;
                }
                let j = toks[i..j].iter().position(|n| self.is_place(n)).map_or(j, |k| i + k);
                // A name with the ergative written joined to its last word (`रमेशने शिकायत की`,
                // `રમેશભાઈ પટેલે અરજી કરી`), with the two words before it that are dictionary
                // names or no common words (as the run before a separate ने is taken).
                if let Some(k) = (i..j).find(|&k| self.joined_ergative(&toks[k])) {
                    let mut a = k;
                    while a > i
                        && k - a < 2
                        && (self.in_dict(&toks[a - 1]) || !self.lex.common_indic.contains(toks[a - 1].text))
                        && Self::joins_space(s, &toks[a - 1], &toks[a])
                    {
                        a -= 1;
                    }
                    push(out, LexSpan { start: toks[a].start, end: toks[k].end, address: false, score: 0.8 });
                    i = k + 1;
                    continue;
                }
                // The old and the new owner of a transfer (`नामांतरण श्रेष्ठ मंडल से पूर्णिमा राय
                // को`, `मकान आभा सेन के नाम पर हस्तांतरित`): the words before से, को or के नाम
                // in a cell that names a transfer, common words too unless none is a name.
                // So are the words before "'s mobile", "'s Aadhaar" (`क्षितिज डी’सोउज़ा का
                // मोबाइल`): a person's contact details and documents.
                if j - i <= 3
                    && (self.transfer_party(s, toks, j) || Self::contact_owner(s, toks, j))
                    && !self.common_words_only(&toks[i..j])
                {
                    let a = self.past_leading_non_name(toks, i, j);
                    push(out, LexSpan { start: toks[a].start, end: toks[j - 1].end, address: false, score: 0.8 });
                    i = j;
                    continue;
                }
                // The words before "in the name of" (`மீனா குமாரி பெயரில்`, `ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਦੇ
                // ਨਾਮ`): the last three at most, back to a word that is no name before names.
                if let Some(end) = Self::name_of_end(s, toks, j).filter(|&e| e > i) {
                    let a = self.name_before_marker(toks, i, end);
                    if !self.common_words_only(&toks[a..end]) {
                        push(out, LexSpan { start: toks[a].start, end: toks[end - 1].end, address: false, score: 0.8 });
                        i = j;
                        continue;
                    }
                }
                // The words before a relation written in Latin letters (`ராஜகுரு ராதா s/o
                // எகாம்பரம்`), before a number or document in brackets (`सरल मित्रा (Aadhaar:
                // ...)`), before `'s mobile` (`আনিস মৃধা's mobile no. is ...`), or joined by
                // `and` to another name (`মিলন মিঞা and মিনা ব্যানার্জি joint owners`), or after a
                // phone number and a slash (`Mob:98... / মোস্তাফিজ জামান`): the person,
                // the last three words at most, back to a word that is no name before names;
                // names that are common words too.
                let rest = &s[toks[j - 1].end..];
                if toks.get(j).is_some_and(|n| Self::joins_space(s, &toks[j - 1], n) && n.kind == Kind::Latin)
                    && self.relation_at(s, toks, j) > 0
                    || id_in_brackets(rest)
                    || phone_in_brackets(rest)
                    || Self::possessive_of_person(s, toks, j)
                    || self.coordinated_indic_names(s, toks, i, j)
                    || Self::after_phone_and_slash(s, toks, i)
                {
                    let a = self.name_before_marker(toks, i, j);
                    if !self.common_words_only(&toks[a..j]) || self.names_that_are_words(&toks[a..j]) {
                        push(out, LexSpan { start: toks[a].start, end: toks[j - 1].end, address: false, score: 0.8 });
                        i = j;
                        continue;
                    }
                }
                // The subject of "filed a complaint" in a language that marks a subject with no
                // postposition (`பகவதி ஸுபத்திரை புகார் அளித்தார்`): a person, unless the words
                // are common ones.
                if let Some(k) = (i + 1..=j.min(i + MAX_NAME_TOKENS)).find(|&k| complaint_at(toks, k)) {
                    // (The ergative before the noun is no part of the name: `ઉર્વી કુમાર એ
                    // ફરિયાદ કરી`.)
                    let k_name = if ERGATIVE_INDIC.contains(&toks[k - 1].text) { k - 1 } else { k };
                    // (Names that are common words too are still the subject: `மஞ்சள் புகார்
                    // அளித்தார்`, `ইসলাম`.)
                    if k_name > i
                        && Self::joins_space(s, &toks[k - 1], &toks[k])
                        && (!self.common_words_only(&toks[i..k_name]) || self.names_that_are_words(&toks[i..k_name]))
                    {
                        push(out, LexSpan { start: t.start, end: toks[k_name - 1].end, address: false, score: 0.8 });
                    }
                    i = k + 2;
                    continue;
                }
                // Common words before द्वारा ("by") that are no name in any spelling are an
                // office or a trade ("लाइन मैन द्वारा", by the lineman), not a person. (Before ने
                // and जी they are still taken: many names are common words of Hindi text, जगदीश,
                // हरीश, and a person is what ने and जी follow.)
                let post = toks.get(j).filter(|n| n.lists.has(POST_CONTEXT_INDIC_LIST));
                let office = post.is_some_and(|n| n.text == "द्वारा" && self.common_words_only(&toks[i..j]));
                // A short Indic run set in Latin text ("Name added later by प्रणय कुमार") is one
                // unit: holding a dictionary name, all of it is the name, the common words in it
                // too (`प्रणय`, love, is a given name here).
                let in_latin_text = i > 0
                    && toks[i - 1].kind == Kind::Latin
                    && j - i <= 3
                    && toks.get(j).is_none_or(|n| n.kind != Kind::Indic);
                if (post.is_some() && !office) || self.ends_with_joined_ji(&toks[i..j]) {
                    let a = self.past_leading_non_name(toks, i, j);
                    push(out, LexSpan { start: toks[a].start, end: toks[j - 1].end, address: false, score: 0.8 });
                } else if in_latin_text && toks[i..j].iter().any(|t| self.in_dict(t))
                    || self.indic_party_in_latin_text(s, toks, i, j)
                {
                    push(out, LexSpan { start: t.start, end: toks[j - 1].end, address: false, score: 0.7 });
                } else if i == 0 && j == toks.len() && (1..=3).contains(&j) && self.whole_cell_name(toks) {
                    // A cell that is one to three names and nothing else (`রুদ্র সরকার`,
                    // `கண்ணன்`, `अपर्णा जगताप`), names that are common words too (`ராஜகுரு
                    // ராதா`: all of it, not only its dictionary name).
                    push(out, LexSpan { start: t.start, end: toks[j - 1].end, address: false, score: 0.6 });
                } else if let Some((a, b)) = self.indic_dictionary_span(&toks[i..j]) {
                    push(out, LexSpan { start: toks[i + a].start, end: toks[i + b].end, address: false, score: 0.7 });
                } else if Self::sentence_start(s, toks, i) && self.indic_name_head(&toks[i..j]) {
                    push(out, LexSpan { start: t.start, end: toks[j - 1].end, address: false, score: 0.6 });
                } else if let Some(k) =
                    self.unlisted_name_head(&toks[i..j]).filter(|_| Self::sentence_start(s, toks, i))
                {
                    push(out, LexSpan { start: t.start, end: toks[i + k - 1].end, address: false, score: 0.6 });
                }
                i = j;
                continue;
            }
            i += 1;
        }
        out.sort_by_key(|s| s.start);
    }

    /// An Indic word set in Latin text that may be a person's name where a person stands: a
    /// name in some spelling or a name that is also a common word, or a word in no list (in
    /// Devanagari one that is no common Hindi word; in the other scripts any but a function
    /// word); never a place or an institution.
    fn indic_name_word(&self, t: &Tok) -> bool {
        let unlisted = if is_devanagari(t.text) {
            t.lists == Lists::default() && !self.common_indic_word(t)
        } else {
            !t.lists.has(Lists::STOP_HI)
        };
        (self.indic_name_any_spelling(t) || t.lists.has(Lists::COMMON_NAME) || unlisted)
            && !self.is_place(t)
            && !t.lists.has(Lists::INSTITUTION)
    }

    /// Two or three Indic words `[i, j)` set in Latin text where a person stands: after a word
    /// a person follows (`by`, `from`, `against`, `transferred to`, `owner`, `applicant`), or
    /// heading a clause before a verb a person does (`कमल आचार्य paid in cash`), each word a
    /// name in some spelling or a name that is also a common word (`Complaint by शशि सरकार
    /// regarding leakage`: Shashi, the moon; Sarkar, the government), and none a place or an
    /// institution (not `Paid by नकद राशि`, cash amount, though Rashi is a name).
    ///
    /// One word is enough there, and a word in no list is taken too: in Devanagari one that is
    /// no common Hindi word; in the other scripts, whose word lists hold many names (Tamil
    /// யாழினி, எழில்), any word but a function word (`Transferred to யாழினி`).
    fn indic_party_in_latin_text(&self, s: &str, toks: &[Tok], i: usize, j: usize) -> bool {
        let words = (1..=3).contains(&(j - i)) && toks[i..j].iter().all(|t| self.indic_name_word(t));
        if !words {
            return false;
        }
        // (The run ends where the Indic text does, or at a comma: `served to ইকবাল প্রামানিক,
        // ফ্ল্যাট ৩৩`.)
        let run_ends = toks.get(j).is_none_or(|n| n.kind != Kind::Indic || !Self::joins_space(s, &toks[j - 1], n));
        let before = i > 0 && run_ends && {
            let p = &toks[i - 1];
            let transfer_to = p.low == "to"
                && i >= 2
                && matches!(
                    toks[i - 2].low,
                    "transferred"
                        | "transfer"
                        | "mutated"
                        | "mutation"
                        | "handed"
                        | "sold"
                        | "served"
                        | "issued"
                        | "allotted"
                        | "given"
                        | "spoke"
                        | "spoken"
                        | "talked"
                        | "sent"
                        | "paid"
                        | "refunded"
                        | "replied"
                        | "forwarded"
                        | "explained"
                        | "returned"
                        | "delivered"
                        | "written"
                        | "wrote"
                        | "complained"
                        // A notice or a letter to someone (`NOC to தமயந்தி`).
                        | "noc"
                        | "notice"
                        | "letter"
                        | "reply"
                        | "intimation"
                );
            // `affidavit of X`, `on request of X`, `in favour of X`, `on behalf of X`.
            let of_person = p.low == "of"
                && i >= 2
                && matches!(
                    toks[i - 2].low,
                    "affidavit"
                        | "request"
                        | "behalf"
                        | "favour"
                        | "favor"
                        | "death"
                        // A person's number or document (`PAN of किरण झा:`).
                        | "pan"
                        | "aadhaar"
                        | "aadhar"
                        | "mobile"
                        | "signature"
                        // `in presence of X`.
                        | "presence"
                );
            // After `for`, `with` and `as per` (what a person said, or a rule) things follow
            // as often as people (`Request for জল সংযোগ`, water connection): there the words
            // must not be common ones in any script. (A name that is a common word too counts
            // as a name there: `seeded for வசந்தா`.)
            let as_per = p.low == "per" && i >= 2 && toks[i - 2].low == "as";
            let loose = matches!(p.low, "for" | "with") || as_per;
            let person_word =
                (matches!(p.low, "by" | "from" | "against" | "informed" | "contacted" | "told" | "met" | "called")
                    || loose && !toks[i..j].iter().any(|t| self.common_indic_word(t) && !self.name_like(t)))
                    || p.lists.has(Lists::CONTEXT);
            // In small letters, or a role word capitalised (`Consumer யோகவல்லி`).
            let case_ok = p.text.bytes().all(|b| b.is_ascii_lowercase())
                || (p.lists.has(Lists::CONTEXT)
                    && Self::capitalised(p)
                    && p.text[1..].bytes().all(|b| b.is_ascii_lowercase()));
            p.kind == Kind::Latin && case_ok && (person_word || transfer_to || of_person)
        };
        let subject = Self::sentence_start(s, toks, i)
            && toks.get(j).is_some_and(|n| {
                n.kind == Kind::Latin && SUBJECT_VERBS.contains(&n.text) && Self::joins_space(s, &toks[j - 1], n)
            });
        before || subject
    }

    /// A second person joined by `&` or `and` to a name found after a marker at tokens
    /// `[first, end)` (`Joint owners Elangovan & Thirumalai`): a run of title-case words that
    /// holds a dictionary name or is made only of words in no list; or the given name of a
    /// surname written first (`to Patnaik, Sreelakshmi`). Returns where to go on.
    fn coordinated_name(
        &self,
        s: &str,
        toks: &[Tok],
        first: usize,
        end: usize,
        upper_text: bool,
        out: &mut Vec<LexSpan>,
    ) -> usize {
        let Some(next) = toks.get(end) else { return end };
        let start = match s[toks[end - 1].end..next.start].trim() {
            "&" => end,
            "" if next.low == "and" => end + 1,
            "," if end - first == 1 && self.inverted_given_name(s, toks, end - 1) => {
                push(out, LexSpan { start: next.start, end: next.end, address: false, score: 0.7 });
                return end + 1;
            }
            "," => {
                let (last, listed_end) = self.listed_names(s, toks, end, upper_text, out);
                // The list may end with `and` or `&` and one more person.
                return if listed_end > end {
                    self.coordinated_name(s, toks, last, listed_end, upper_text, out)
                } else {
                    end
                };
            }
            _ => return end,
        };
        if start > end && toks.get(start).is_none_or(|t| !Self::joins_space(s, next, t)) {
            return end;
        }
        let (first, stop) = self.run_after(s, toks, start, false, upper_text);
        let run = &toks[first..stop];
        let name = first == start
            && !run.is_empty()
            && run.iter().all(Self::title_word)
            && (run.iter().any(|t| self.in_dict(t)) || run.iter().all(|t| self.unknown_word(t)));
        if !name {
            return end;
        }
        push(out, LexSpan { start: run[0].start, end: run[run.len() - 1].end, address: false, score: 0.8 });
        stop
    }

    /// Whether token `j` is a role word in no name list right after a full stop: it starts a
    /// sentence of its own, with its person after it (`Verified by JE. Consumer Gavin Nagar
    /// signed`), and ends a capitalised run before it.
    fn role_after_full_stop(&self, s: &str, toks: &[Tok], j: usize) -> bool {
        let t = &toks[j];
        t.lists.has(Lists::CONTEXT) && !self.in_dict(t) && s[toks[j - 1].end..t.start].starts_with('.')
    }

    /// Further people listed with commas after a name found after a marker (`Heirs: Ravi
    /// Kumar, Om Bail, Jack Kara`): each two or three title-case words from a listed given
    /// name, honorifics before it skipped, that neither end in nor come before a place word
    /// (`Owner Ravi Kumar, Krishna Colony`, `Tenant Asha Rao, Lakshmi Nagar`); in Latin text,
    /// one to three Indic words that are names (`Heirs: உமா அருண், ராஜகோபால்`). Returns the
    /// first token of the last name taken and where to go on (`end` when none is).
    fn listed_names(
        &self,
        s: &str,
        toks: &[Tok],
        mut end: usize,
        upper_text: bool,
        out: &mut Vec<LexSpan>,
    ) -> (usize, usize) {
        let mut last = end;
        // (Kept up to date as the list is read: a list of many Indic names would otherwise read
        // the text before it again at each comma.)
        let mut latin_text = toks[..end].iter().any(|t| t.kind == Kind::Latin);
        while let Some(next) = toks.get(end) {
            if s[toks[end - 1].end..next.start].trim() != "," {
                break;
            }
            let (first, stop, taken) = if next.kind == Kind::Indic && latin_text {
                // In Latin text, one to three Indic words up to where the Indic text ends
                // (`Heirs: உமா அருண், ராஜகோபால்`), each a dictionary name and no common word: a
                // word in no list, or one like a name in another spelling, is as often the
                // sentence going on after a comma (`Owner: ప్రవీణ్ బాబు, ఫిర్యాదు`, `പരാതി`,
                // complaint).
                let mut stop = end + 1;
                while stop < toks.len()
                    && stop - end < 3
                    && toks[stop].kind == Kind::Indic
                    && Self::joins_space(s, &toks[stop - 1], &toks[stop])
                {
                    stop += 1;
                }
                let run_ends =
                    toks.get(stop).is_none_or(|n| n.kind != Kind::Indic || !Self::joins_space(s, &toks[stop - 1], n));
                let listed_name = |t: &Tok| {
                    self.in_dict(t)
                        && !self.common_indic_word(t)
                        && !self.is_place(t)
                        && !t.lists.has(Lists::INSTITUTION)
                };
                (end, stop, run_ends && toks[end..stop].iter().all(listed_name))
            } else {
                let (first, stop) = self.run_after(s, toks, end, false, upper_text);
                let run = &toks[first..stop];
                let taken = (2..=3).contains(&run.len())
                    // (A given name of two letters too: `Om`, `Ed`.)
                    && run[0].lists.has(Lists::GIVEN)
                    && run.iter().all(|t| Self::title_word(t) && !self.is_place(t))
                    && toks.get(stop).is_none_or(|n| !(self.is_place(n) && Self::joins_space(s, &toks[stop - 1], n)));
                (first, stop, taken)
            };
            let run = &toks[first..stop];
            if !taken {
                break;
            }
            push(out, LexSpan { start: run[0].start, end: run[run.len() - 1].end, address: false, score: 0.8 });
            latin_text |= toks[end..stop].iter().any(|t| t.kind == Kind::Latin);
            (last, end) = (first, stop);
        }
        (last, end)
    }

    /// Whether token `k + 1`, after `k` and a comma, is the given name of a name written
    /// surname first: one title-case word that ends the clause, after a surname that is no
    /// given name (`Patnaik, Sreelakshmi`), or a given name that is no surname after an
    /// unknown word or a surname (`Khawlhring, Mohammed`). Not a place or a town.
    fn inverted_given_name(&self, s: &str, toks: &[Tok], k: usize) -> bool {
        let (a, Some(b)) = (&toks[k], toks.get(k + 1)) else { return false };
        if s[a.end..b.start].trim() != "," {
            return false;
        }
        let ends_clause = toks.get(k + 2).is_none_or(|n| !s[b.end..n.start].trim().is_empty());
        let surname_only = |t: &Tok| self.is_surname(t) && !self.is_given(t);
        let given_only = |t: &Tok| self.is_given(t) && !self.is_surname(t);
        Self::title_word(a)
            && Self::title_word(b)
            && ends_clause
            && !self.is_place(b)
            && ((surname_only(a) && (self.unknown_word(b) || self.is_given(b)))
                || (given_only(b) && (self.unknown_word(a) || self.is_surname(a))))
    }

    /// Whether the tokens `[i, j)` stand where a person does: after a person preposition or a
    /// context word, or before a postposition (`ne`, `ji`) or a relation marker (`S/O`).
    fn person_context(&self, s: &str, toks: &[Tok], i: usize, j: usize) -> PersonContext {
        let rest = &s[toks[j - 1].end..];
        let contact = toks.get(j).is_some_and(|_| self.relation_at(s, toks, j) > 0)
            || phone_in_brackets(rest)
            || kin_in_brackets(rest)
            || id_in_brackets(rest);
        let after =
            toks.get(j).is_some_and(|n| n.lists.has(POST_CONTEXT_LIST) && Self::joins_space(s, &toks[j - 1], n));
        let before = i > 0 && {
            let p = &toks[i - 1];
            p.text.bytes().all(|b| b.is_ascii_lowercase())
                && (p.lists.has(PERSON_PREPOSITION_LIST) || p.lists.has(Lists::CONTEXT))
        };
        // Someone saying who they are (`I am Ravi Nagar`, `My name is Ravi Nagar`, `I, Jeremiah
        // Nagar, resident of ...`): only a person stands there, as before a relation marker.
        // A person's name, not a colony's (`the colony name is Laxmi Nagar`).
        let persons_name = |k: usize| k >= 1 && matches!(toks[k - 1].low, "my" | "his" | "her" | "s");
        let introduced = i >= 2 && {
            let (q, p) = (&toks[i - 2], &toks[i - 1]);
            ((q.text == "I" && p.low == "am") || (q.low == "name" && p.low == "is" && persons_name(i - 2)))
                && Self::joins_space(s, q, p)
                && Self::joins_space(s, p, &toks[i])
        } || i >= 1 && toks[i - 1].text == "I" && &s[toks[i - 1].end..toks[i].start] == ", ";
        // Words after which only a person is named: a deceased owner, an heir, the party a deed
        // is made in favour of (`after death of Jagat Nagar`, `legal heir Anvi Nagar`, `in
        // favour of Ravi Nagar`; a colony neither dies nor inherits).
        let heir_or_party = i >= 2 && {
            let (q, p) = (&toks[i - 2], &toks[i - 1]);
            p.low == "of"
                && matches!(q.low, "death" | "demise" | "favour" | "favor" | "behalf")
                && Self::joins_space(s, q, p)
                && Self::joins_space(s, p, &toks[i])
        } || i >= 1 && {
            let p = &toks[i - 1];
            matches!(p.low, "heir" | "heirs" | "deceased") && Self::joins_space(s, p, &toks[i])
        };
        if contact || introduced || heir_or_party {
            PersonContext::Contact
        } else if after {
            PersonContext::After
        } else if before {
            PersonContext::Before
        } else {
            PersonContext::None
        }
    }

    /// Two or three title-case words that can make a name: each a dictionary name, a word in
    /// no list, or an English word that is no institution, place, address or marker word; at
    /// least one not English, or (before `ne`, `ji` or a relation marker, which only a person
    /// takes) a dictionary name that is also a word (`Harry More ne ...`). An institution word
    /// that is also a surname may end it (`Madhavi Nigam ne`, but not `Nagar Nigam`).
    /// `capitals`: words in capitals count as title-case words (mixed-case text, where a name in
    /// capitals stands out: `Inspected by BANJEET BATH, meter found faulty`).
    fn title_case_name(&self, run: &[Tok], context: PersonContext, capitals: bool) -> bool {
        let english_word = |t: &Tok| t.lists.has(Lists::ENGLISH) && !self.listed_word(t);
        let name_word =
            |t: &Tok| self.in_dict(t) && (!t.lists.has(Lists::ENGLISH) || context.after()) || self.unknown_word(t);
        // The last word may be an institution word that is a surname: known as one, or before
        // `ne` after a name (`Madhavi Nigam ne`; `Jal Nigam ne` has no name before it).
        let end_surname = |k: usize| self.institution_surname(run, k, context.after(), name_word);
        // So may a place word that is a surname after a given name that is none (`Devansh
        // Mahal`; not `Rang Mahal`, `Sheesh Mahal`), or after any given name where only a person
        // stands (`Krishna Mahal ne`, `Krishna Mahal (9876543210) reports`). Before a phone
        // number in brackets or a relation marker, any place word (`Pushti Nagar (98...)`, `Laxmi
        // Nagar S/O ...`: Nagar is a surname too, but mostly a locality's word).
        let end_place = |k: usize| {
            k + 1 == run.len()
                && k > 0
                && (self.is_surname(&run[k]) || context == PersonContext::Contact)
                && self.is_given(&run[k - 1])
                && (!self.is_surname(&run[k - 1]) || context.after())
                && !self.is_place(&run[k - 1])
        };
        (2..=3).contains(&run.len())
            && run.iter().enumerate().all(|(k, t)| {
                (Self::title_word(t) || capitals && Self::upper_word(t))
                    && (self.in_dict(t)
                        || self.unknown_word(t)
                        || english_word(t)
                        || end_surname(k)
                        || end_place(k)
                        || Self::letter_pair(t))
            })
            && run.iter().any(name_word)
            && !run.iter().enumerate().any(|(k, t)| {
                (self.is_place(t) && !end_place(k)) || (t.lists.has(Lists::INSTITUTION) && !end_surname(k))
            })
    }

    /// A phrase after which a person is named, at token `i`: `request of`, `behalf of`,
    /// `favour of` (`... on request of Bhupen`), or a verb of [`BY_PERSON_VERBS`] and `by`
    /// and a capitalised word (`complaint lodged by Lalrinpuii`; a lower-case name after `by`
    /// is [`NameFinder::lowercase_name`]'s).
    fn person_phrase(s: &str, toks: &[Tok], i: usize) -> bool {
        let next = |word: &str| toks.get(i + 1).is_some_and(|n| n.low == word && Self::joins_space(s, &toks[i], n));
        (matches!(toks[i].low, "request" | "behalf" | "favour" | "favor") && next("of"))
            || (toks[i].lists.has(BY_PERSON_VERB_LIST)
                && next("by")
                && toks.get(i + 2).is_some_and(|n| Self::capitalised(n) && n.text.len() > 1))
    }

    /// An officer's designation written short (`AE`, `JE`, `BDO`) or a verb whose object is a
    /// person (`called`, `asked`, `told`), right before a capitalised word: a name follows
    /// (`Site visit by AE Subbarayudu`, `Called Lalrinpuii regarding ...`).
    fn person_before_name(s: &str, toks: &[Tok], i: usize) -> bool {
        let t = &toks[i];
        if !t.lists.has(DESIGNATION_LIST.union(PERSON_VERB_LIST)) {
            return false;
        }
        let upper = t.text.bytes().all(|b| b.is_ascii_uppercase());
        let designation = t.lists.has(DESIGNATION_LIST) && upper;
        let verb = t.lists.has(PERSON_VERB_LIST) && !upper;
        // (A designation may stand before an initial: `Inspected by JE H. Tailor`.)
        (designation || verb)
            && toks.get(i + 1).is_some_and(|n| {
                Self::capitalised(n)
                    && (n.text.len() > 1 || designation && Self::dotted_initial(s, n))
                    && Self::joins_space(s, t, n)
            })
    }

    /// A Latin word in title case: a capital, then lower-case letters (`Ravi`, not `RAVI`).
    fn title_word(t: &Tok) -> bool {
        t.text.len() >= 2
            && t.text.as_bytes()[0].is_ascii_uppercase()
            && t.text[1..].bytes().all(|b| b.is_ascii_lowercase())
    }

    /// One or two initials with dots and one title-case word, where a person stands (after
    /// `by`, `of`, `to`, a role word; before `ne` or a relation marker): the word is a surname
    /// whatever else it is, an English or institution word too (`Complaint by A. Master`,
    /// `K. Mitra`, `V. Tailor`: Parsi, Gujarati and Bengali surnames), but not a place or
    /// address word (`Z. Nagar`, `A. Block`) nor a degree's (`copy of B. Tech certificate`).
    /// `capitals`: a word in capitals counts as title case (in mixed-case text).
    fn initials_and_word(&self, s: &str, run: &[Tok], capitals: bool) -> bool {
        let n = run.iter().take_while(|t| Self::dotted_initial(s, t)).count();
        let Some(word) = run.get(n).filter(|_| (1..=2).contains(&n) && run.len() == n + 1) else {
            return false;
        };
        word.text.len() >= 3
            && (Self::title_word(word) || capitals && Self::upper_word(word))
            && !self.is_place(word)
            && !word.lists.has(Lists::ADDRESS)
            && !DEGREE_WORDS.contains(&word.low)
    }

    /// A capital letter alone with a dot after it (`K.` of `K. Mitra`).
    fn dotted_initial(s: &str, t: &Tok) -> bool {
        t.text.len() == 1 && t.text.as_bytes()[0].is_ascii_uppercase() && s[t.end..].starts_with('.')
    }

    /// Initials (with dots, or two letters without: `RK`, `Pk`) and then one or two words that
    /// are no English or listed word: `P. Venkateswarlu`, `K. V. Ramanujam`, `Rk Kanwar`.
    fn initials_and_surname(&self, s: &str, run: &[Tok]) -> bool {
        let initial = |t: &Tok| Self::dotted_initial(s, t) || Self::letter_pair(t);
        let n = run.iter().take_while(|t| initial(t)).count();
        n > 0 && (1..=2).contains(&(run.len() - n)) && run[n..].iter().all(|t| self.unknown_word(t))
    }

    /// A word of Latin letters that is no dictionary name but an English or listed word
    /// (`Bus`, `Stand`, `Post`, `Office`): a landmark of such words alone is a public place.
    fn common_noun(&self, t: &Tok) -> bool {
        t.kind == Kind::Latin && !self.in_dict(t) && (t.lists.has(Lists::ENGLISH) || self.listed_word(t))
    }

    /// An institution, city, abbreviation, context, honorific, place or address word: never a
    /// name found without a dictionary.
    fn listed_word(&self, t: &Tok) -> bool {
        t.lists.has(Lists::INSTITUTION)
            || t.lists.has(Lists::NON_NAME)
            || t.lists.has(Lists::CONTEXT)
            || self.is_honorific(t)
            || self.is_place(t)
            || t.lists.has(Lists::ADDRESS)
    }

    /// A capitalised word that is neither English, nor an institution or city word, nor a
    /// marker: two to four of them in a row are a name in no dictionary (`Anokhi Bantuwal`).
    fn unknown_word(&self, t: &Tok) -> bool {
        t.kind == Kind::Latin
            && t.text.len() >= 3
            && !t.lists.has(Lists::ENGLISH)
            && !self.listed_word(t)
            && !t.lists.has(POST_CONTEXT_LIST)
            && t.low.bytes().any(|b| b"aeiouy".contains(&b))
    }

    /// Token `b`, a title-case English word ending a capitalised run, is the surname of the
    /// given name before it, in a sentence (a word in small letters somewhere): many Indian
    /// surnames are English words (`Priya Date`, `Anil Merchant`, `Rustom Contractor`), and a
    /// word of the sentence after a name would not be capitalised. In capitals after a given
    /// name in capitals when the sentence goes on in small letters right after or ends (`issued
    /// to NIKITA MASTER on request`). Not a place, institution, title, role or marker word
    /// (`Ramesh Colony`, `Anil Traders`, `Ravi Sir`; `Master` is a title before a boy's name
    /// and a Parsi surname after a given name), nor after a given name that is an English word
    /// itself (`Sunny Day`).
    fn english_surname(&self, s: &str, toks: &[Tok], b: usize, upper_text: bool) -> bool {
        let (given, t) = (&toks[b - 1], &toks[b]);
        !upper_text
            && t.kind == Kind::Latin
            && t.text.len() >= 3
            && (Self::title_word(t) || Self::upper_word(t) && Self::upper_word(given) && Self::sentence_resumes(toks, b))
            && t.lists.has(Lists::ENGLISH)
            && (!self.listed_word(t) || t.low == "master")
            && !t.lists.has(POST_CONTEXT_LIST)
            && !matches!(t.low, "sir" | "madam" | "maam" | "ji" | "saheb" | "sahib")
            && self.is_given(given)
            && !given.lists.has(Lists::ENGLISH)
            && !given.lists.has(Lists::INSTITUTION)
            && Self::joins_space(s, given, t)
            // (`Priya Date of birth`, `Ramesh Doctor of the PHC`: a phrase, not a surname.)
            && toks.get(b + 1).is_none_or(|n| n.low != "of")
            && toks.iter().any(|w| w.kind == Kind::Latin && w.text.as_bytes()[0].is_ascii_lowercase())
    }

    /// In text all in capitals or all in small letters, whether token `k` is the surname of the
    /// given name before it though it is an English or Hinglish word (which ends a name
    /// there): one of [`SURNAMES_THAT_ARE_WORDS`] or a dictionary surname that is a word (`Kar`,
    /// `Tak`, `kale`, `lad`), in the case of the given name, after a given name or a word in no
    /// list that is no word itself, where the sentence ends or goes on in English (`TENANT
    /// FRADO TAILOR VACATED`, `COMPLAINANT AMAIRA CHAR`,
    /// `NOTICE SERVED TO IJAYA MASTER AT ...`, `FROM VIRAJ DOCTOR TO ...`: punctuation, the
    /// end, a verb in `-ed` or one of [`WORDS_AFTER_A_SUBJECT`]); not before another noun, a
    /// number, a colon or a Hindi word (`RAVI MASTER COPY`, `RAVI DATE OF BIRTH`, `RAVI DATE:
    /// 01/04/2022`, `RAVI KAR DIYA`).
    fn word_surname(&self, s: &str, toks: &[Tok], k: usize) -> bool {
        let t = &toks[k];
        // (Every such surname is an English or Hindi word: the cheap test first, as this is
        // asked at the end of most runs.)
        if k == 0
            || t.kind != Kind::Latin
            || t.text.len() < 3
            || !(t.lists.has(Lists::ENGLISH) || t.lists.has(Lists::HINGLISH))
        {
            return false;
        }
        let given = &toks[k - 1];
        let lower = |w: &Tok| w.text.bytes().all(|b| b.is_ascii_lowercase());
        let same_case = Self::upper_word(given) && Self::upper_word(t) || lower(given) && lower(t);
        let surname_word = || SURNAMES_THAT_ARE_WORDS.contains(&t.low) || self.is_surname(t);
        let given_name = || {
            (self.is_given(given) || self.unknown_word(given) || lower(given) && self.lowercase_name_word(given))
                && !given.lists.has(Lists::ENGLISH)
                && !given.lists.has(Lists::HINGLISH)
                && !given.lists.has(Lists::INSTITUTION)
                && !self.is_place(given)
        };
        let sentence_goes_on = || match toks.get(k + 1) {
            Some(n) if Self::joins_space(s, t, n) => {
                n.kind == Kind::Latin
                    && (WORDS_AFTER_A_SUBJECT.contains(&n.low)
                        || CAPS_PERSON_VERBS.contains(&n.low)
                        || n.low.len() >= 4 && n.low.ends_with("ed") && n.lists.has(Lists::ENGLISH))
            }
            _ => Self::clause_ends_after(s, t),
        };
        same_case && surname_word() && Self::joins_space(s, given, t) && given_name() && sentence_goes_on()
    }

    /// A word that puts a person after it: a preposition or verb that takes one (`by`, `from`,
    /// `to`, `informed`), a role word (`owner`, `tenant`), an honorific.
    fn puts_person_after(&self, p: &Tok) -> bool {
        p.lists.has(PERSON_PREPOSITION_LIST) || p.lists.has(Lists::CONTEXT) || self.is_honorific(p)
    }

    /// Whether token `k`, in capitals, ends its clause after a given name of the dictionary
    /// that is no word (`- TEJAS BAIL, 12 GANDHI ROAD`, `PARENT: HITESH DATE, ...`): where no
    /// word puts a person before a name in capitals, a surname that is a word is one there.
    fn caps_given_at_clause_end(&self, s: &str, toks: &[Tok], k: usize) -> bool {
        let Some(given) = k.checked_sub(1).map(|p| &toks[p]) else { return false };
        self.is_given(given)
            && !given.lists.has(Lists::ENGLISH)
            && !given.lists.has(Lists::HINGLISH)
            && Self::clause_ends_after(s, &toks[k])
    }

    /// Whether the clause ends right after token `t`: the end of the text, punctuation, or a
    /// phone number or a relation in brackets (`REGARDS, JANAKI BAIL (9876543210)`).
    fn clause_ends_after(s: &str, t: &Tok) -> bool {
        let rest = &s[t.end..];
        let after = rest.trim_start();
        after.is_empty()
            || matches!(after.as_bytes()[0], b',' | b';' | b'.' | b')')
            || phone_in_brackets(rest)
            || kin_in_brackets(rest)
            || id_in_brackets(rest)
    }

    /// Whether `given`, an English word trimmed off the head of a capitalised run, is a given
    /// name of [`ENGLISH_GIVEN_NAMES`] before `surname`, a surname of the dictionary that is no
    /// English word (`councillor Max Mital`, `Eta Madan (wife)`; not `Consumer Forum order`).
    fn english_given_name(s: &str, given: &Tok, surname: &Tok) -> bool {
        ENGLISH_GIVEN_NAMES.contains(&given.low)
            && given.kind == Kind::Latin
            && given.text.as_bytes()[0].is_ascii_uppercase()
            && Self::lookup(surname)
            && surname.lists.has(Lists::SURNAME)
            && !surname.lists.has(Lists::ENGLISH)
            && Self::joins_space(s, given, surname)
    }

    /// Whether the word after token `b` is in small letters, or there is none: a run in
    /// capitals ends at `b` and the sentence goes on or ends (`issued to NIKITA MASTER on
    /// request`, `served on occupier OJASVI TAILOR.`).
    fn sentence_resumes(toks: &[Tok], b: usize) -> bool {
        toks.get(b + 1).is_none_or(|n| n.kind == Kind::Latin && n.text.as_bytes()[0].is_ascii_lowercase())
    }

    /// A lower-case word that may be part of a name: not English, not Hindi in Latin letters,
    /// no marker, place, address, institution or kinship word.
    fn lowercase_name_word(&self, t: &Tok) -> bool {
        t.text.bytes().all(|b| b.is_ascii_lowercase())
            && self.unknown_word(t)
            && !t.lists.has(Lists::HINGLISH)
            && !t.lists.has(Lists::ADDRESS)
            && !t.lists.has(KIN_WORD_LIST)
    }

    /// Two or three lower-case name words from token `i`, followed by a postposition ("... ne
    /// shikayat ki"), or in an English sentence after a preposition and before an English word
    /// or the cell's end ("meter of ... found faulty"), or at its head before an English word
    /// ("... visited office"): returns the end token (exclusive).
    /// Lower-case text is where a name has no capital to show it, so the run must be short and
    /// its neighbours must say "person". `foreign` says whether the cell is text of no listed
    /// language, where a listed word is no evidence.
    fn lowercase_name(&self, s: &str, toks: &[Tok], i: usize, foreign: impl Fn() -> bool) -> Option<usize> {
        // A given name that is an English word before a surname of the dictionary that is none,
        // after a word that puts a person after it ("paid by john dsouza", "to rose sharma") or
        // a role word ("consumer victor garde", "name: harsh lala", "parent: peter datta").
        let lower = |t: &Tok| t.text.bytes().all(|b| b.is_ascii_lowercase());
        let person_before = |k: usize| {
            toks[k].lists.has(PERSON_PREPOSITION_LIST) && Self::joins_space(s, &toks[k], &toks[i])
                || toks[k].lists.has(Lists::CONTEXT) && matches!(&s[toks[k].end..toks[i].start], " " | ": " | " : ")
        };
        if i > 0
            && person_before(i - 1)
            && lower(&toks[i])
            && self.is_given(&toks[i])
            && toks[i].lists.has(Lists::ENGLISH)
            && toks.get(i + 1).is_some_and(|n| {
                lower(n)
                    && self.is_surname(n)
                    && !n.lists.has(Lists::ENGLISH)
                    && !n.lists.has(Lists::HINGLISH)
                    && !self.listed_word(n)
                    && Self::joins_space(s, &toks[i], n)
            })
        {
            return Some(i + 2);
        }
        if !self.lowercase_name_word(&toks[i]) || i > 0 && self.lowercase_name_word(&toks[i - 1]) {
            return None;
        }
        let mut j = i + 1;
        while j < toks.len() && j - i <= 3 && Self::joins_space(s, &toks[j - 1], &toks[j]) {
            let particle = NAME_PARTICLES.contains(&toks[j].low)
                && toks.get(j + 1).is_some_and(|n| self.lowercase_name_word(n) && Self::joins_space(s, &toks[j], n));
            if !(self.lowercase_name_word(&toks[j]) || particle) {
                break;
            }
            j += 1;
        }
        // A surname that is also an English word after a given name ("lalit gill"), or one of
        // the surnames that are words where the sentence goes on ("complaint from bhavna mall
        // regarding ...").
        if j == i + 1
            && self.is_given(&toks[i])
            && toks.get(j).is_some_and(|n| {
                n.text.bytes().all(|b| b.is_ascii_lowercase())
                    && self.is_surname(n)
                    && !self.listed_word(n)
                    && !n.lists.has(Lists::HINGLISH)
                    && Self::joins_space(s, &toks[i], n)
            })
            || j == i + 1 && j < toks.len() && self.word_surname(s, toks, j)
        {
            j += 1;
        }
        let postposition =
            toks.get(j).is_some_and(|n| n.lists.has(POST_CONTEXT_LIST) && Self::joins_space(s, &toks[j - 1], n));
        let preposition = i > 0 && toks[i - 1].lists.has(PERSON_PREPOSITION_LIST);
        let english = |n: &Tok| n.kind == Kind::Latin && (n.lists.has(Lists::ENGLISH) || n.lists.has(SHORT_WORD_LIST));
        let after_english = toks.get(j).is_none_or(english);
        // At the head of an English sentence, before its verb ("birju kakde visited office").
        let head = Self::sentence_start(s, toks, i)
            && toks.get(j).is_some_and(|n| {
                n.text.len() >= 3
                    && english(n)
                    && !n.lists.has(Lists::HINGLISH)
                    && Self::joins_space(s, &toks[j - 1], n)
            });
        // Counting the cell's English words is the costly part: only when the rest holds.
        let sentence = || toks.iter().filter(|t| t.text.len() >= 3 && t.lists.has(Lists::ENGLISH)).nth(1).is_some();
        // A given name or a surname of the dictionary, beside words that are neither English
        // nor Hinglish, needs no more ("contact biswajit bhardwaj on ...", "ishaan hegde").
        let known = self.is_given(&toks[i]) || self.is_surname(&toks[j - 1]);
        // One given name of the dictionary before a postposition ("anil ji ne paise diye"), or
        // after a word that names who acted, ending the clause ("paid by ramesh", "recd from
        // suresh on 12/3", "spoke to ramesh"); not after "of", "for" or another "to" (`water
        // for pooja`).
        let by_whom = || {
            i > 0
                && (matches!(toks[i - 1].low, "by" | "from" | "informed" | "contacted" | "told" | "met" | "called")
                    || toks[i - 1].low == "to"
                        && i > 1
                        && matches!(toks[i - 2].low, "spoke" | "spoken" | "talked" | "speak" | "talk" | "sent")
                        && Self::joins_space(s, &toks[i - 2], &toks[i - 1]))
                && Self::joins_space(s, &toks[i - 1], &toks[i])
                && toks.get(j).is_none_or(|n| !Self::joins_space(s, &toks[j - 1], n) || english(n))
        };
        let kin = || toks.get(j).is_some_and(|n| n.lists.has(KIN_WORD_LIST) && Self::joins_space(s, &toks[j - 1], n));
        let lone_given = j - i == 1 && self.is_given(&toks[i]) && (postposition || by_whom() || kin());
        (lone_given
            || (2..=3).contains(&(j - i))
                && (postposition || known && !foreign() || ((preposition && after_english || head) && sentence())))
        .then_some(j)
    }

    /// Whether the text is mostly words of no list (`suscipit maiores modi`: placeholder Latin,
    /// or a language the lists do not hold): at least four Latin words of four letters or more,
    /// fewer than a third of them in any list. A name of the lists among such words is a word
    /// of that language as likely as a name.
    fn foreign_text(toks: &[Tok]) -> bool {
        let (mut words, mut listed) = (0usize, 0usize);
        for t in toks.iter().filter(|t| t.kind == Kind::Latin && t.text.len() >= 4) {
            words += 1;
            listed += usize::from(t.lists != Lists::default());
        }
        words >= 4 && listed * 3 < words
    }

    /// "नाम" (name) is context only as a label (`नाम: ...`), not in "के नाम" (in the name of);
    /// "contact" only before a capitalised word (`Contact Vikramaditya at ...`): lower-case
    /// names after it are found as names in running text are (`contact lalit gill on ...`).
    fn weak_context(&self, s: &str, toks: &[Tok], i: usize) -> bool {
        (NAME_WORDS.contains(&toks[i].text) && !s[toks[i].end..].trim_start().starts_with([':', '-']))
            || (matches!(toks[i].low, "contact" | "contacted") && !toks.get(i + 1).is_some_and(Self::capitalised))
    }

    /// Where the name right before token `i` (a relation marker) starts: up to three
    /// capitalised Latin words or Indic name words joined by spaces.
    fn name_before(&self, s: &str, toks: &[Tok], i: usize) -> Option<usize> {
        let mut k = i;
        while k > 0 && i - k < 3 && Self::joins(s, &toks[k - 1], &toks[k]) {
            let t = &toks[k - 1];
            let ok = match t.kind {
                Kind::Latin => {
                    (Self::capitalised(t) || t.text.len() == 1 || self.lowercase_name_word(t))
                        && !self.is_place(t)
                        && !self.is_honorific(t)
                        && !t.lists.has(Lists::CONTEXT)
                        && !t.lists.has(Lists::INSTITUTION)
                }
                Kind::Indic => self.indic_name_part(t),
                _ => false,
            };
            if !ok {
                break;
            }
            k -= 1;
        }
        // English words at its start are the sentence, not the name ("Complaint Khan S/O"); the
        // word right before the marker is a name whatever else it is.
        while k + 1 < i && toks[k].kind == Kind::Latin && !self.in_dict(&toks[k]) && toks[k].lists.has(Lists::ENGLISH) {
            k += 1;
        }
        (k < i).then_some(k)
    }

    /// Whether an Indic run ends in a word with `जी` joined to it that is a name's
    /// (`गीता मिश्राजी से बात हुई`): after another word of the run, or a name in any spelling
    /// alone; never a common word of running text that is no name (`पिताजी`, father), nor a
    /// word where `जी` follows a conjunct (`अर्जी`, application; `मर्जी`, `सब्जी`).
    fn ends_with_joined_ji(&self, run: &[Tok]) -> bool {
        let Some(last) = run.last() else {
            return false;
        };
        let Some(stem) = JOINED_JI.iter().find_map(|ji| last.text.strip_suffix(ji)) else {
            return false;
        };
        let chars = stem.chars().count();
        let conjunct = stem.chars().next_back().is_some_and(|c| matches!(c, '\u{094D}' | '\u{0A4D}' | '\u{0ACD}'));
        if chars < 3 || conjunct {
            return false;
        }
        // Names are no common words (the list of common words leaves the names out): a common
        // word that is a name's spelling too is taken only after another word of the name.
        let name = self.is_indic_name_key(stem);
        let common = self.lex.common_indic.contains(stem) || self.lex.common_indic.contains(last.text);
        if run.len() >= 2 {
            name || !common
        } else {
            name && !common
        }
    }

    /// Whether an Indic run at the start of a clause, with no marker, is a name in spellings the
    /// dictionary lacks (`वेदंग गोविल - शिकायत`, `कौशिकी कुश्वहा का मकान`): two or three words,
    /// none a common word of running text, one a name in any spelling
    /// ([`parda_rules::indic_key`]). In a script with no list of common words (all but
    /// Devanagari, Bengali and Tamil) every word must be a name in some spelling, since the
    /// looser match also takes common words there (Telugu నీటి, "of water", is Niti).
    fn indic_name_head(&self, run: &[Tok]) -> bool {
        let listed = run.iter().all(|t| has_common_words(t.text));
        (2..=3).contains(&run.len())
            && run.iter().all(|t| Self::lookup(t) && !self.lex.common_indic.contains(t.text))
            && if listed {
                run.iter().any(|t| self.indic_name_any_spelling(t))
            } else {
                run.iter().all(|t| self.indic_name_any_spelling(t))
            }
    }

    /// In a script with no list of running-text words (Telugu, Kannada, Malayalam, Gujarati,
    /// Gurmukhi, Odia), how many words at the head of an Indic run are a name: the two leading
    /// words that are each a name in some spelling and none of the municipal words listed for
    /// these scripts (`నీటి`, of water, is the name Niti too), and a third that is a dictionary
    /// name, before a word that is not (`వెంకటేష్ రెడ్డి ఫిర్యాదు చేశారు`, "Venkatesh Reddy
    /// complained").
    fn unlisted_name_head(&self, run: &[Tok]) -> Option<usize> {
        if run.len() < 3 || run.iter().any(|t| has_common_words(t.text)) {
            return None;
        }
        // Two words in any spelling, a third only when it is a dictionary name (`പരാതി`,
        // complaint, after `രാജേഷ് നായർ` is a name's spelling too).
        let head = run.iter().take(2).take_while(|t| self.unlisted_name_word(t)).count();
        let k = head + usize::from(head == 2 && self.in_dict(&run[2]));
        (head == 2 && k < run.len()).then_some(k)
    }

    /// A name in some spelling that is no common word of running text.
    fn unlisted_name_word(&self, t: &Tok) -> bool {
        self.indic_name_any_spelling(t) && !self.lex.common_indic.contains(t.text)
    }

    /// The tokens `[a, b]` of an Indic run that make a name, from its dictionary names.
    fn indic_dictionary_span(&self, run: &[Tok]) -> Option<(usize, usize)> {
        let a = run.iter().position(|t| self.in_dict(t))?;
        let b = run.iter().rposition(|t| self.in_dict(t))?;
        // The word before a surname, or before a given name when it is a name in some spelling
        // (`ਬਲਵਿੰਦਰ ਕੁਮਾਰ`: Kumar is a given name too).
        let a = if a > 0 && (!self.is_given(&run[a]) || self.unlisted_name_word(&run[a - 1])) { a - 1 } else { a };
        // A lone name that is both a given name and a surname (রমেশ, Ramesh) is taken as the
        // given name: the unknown word after it is its surname; a common word after it is the
        // sentence going on (`ਬਲਵਿੰਦਰ ਕੁਮਾਰ ਨਾਲ`, with Balwinder Kumar).
        // (Only in the scripts whose common words are the hand-written function words: in
        // Hindi, Bengali and Tamil a surname is often a common word of the news too.)
        let next_common =
            run.get(b + 1).is_some_and(|t| !has_common_words(t.text) && self.lex.common_indic.contains(t.text));
        let b =
            if b + 1 < run.len() && !next_common && (!self.is_surname(&run[b]) || (a == b && self.is_given(&run[b]))) {
                b + 1
            } else {
                b
            };
        Some((a, b))
    }

    /// Address spans, through street, locality, city and pin code, from: a house-number
    /// keyword and a number (`H.No. 12-3-456`, `Door 9`, `मकान नं 12`); `Near`/`Opp.` and a
    /// capitalised word; an address context word (`address:`, `R/O`, `resides at`, `निवासी`)
    /// and a run with a number or a street word; a house number (`14/2`, `H-45`, `221B`, `#12`,
    /// `12,`) at a clause start followed by a street word (`Shastri Nagar`, `3rd Cross`); or a
    /// village keyword and a place (`Vill. Rampur`, `ग्राम रामपुर`).
    /// `upper_text`, `lower_text`: the cell has no small letter, no capital ([`letter_cases`]):
    /// in capitals every word is capitalised and a run goes on over the sentence; in small
    /// letters no capital names a street.
    fn find_addresses(&self, s: &str, toks: &[Tok], upper_text: bool, lower_text: bool, out: &mut Vec<LexSpan>) {
        let mut i = 0;
        while i < toks.len() {
            let Some((first, next, need)) = self.address_trigger(s, toks, i, lower_text) else {
                i += 1;
                continue;
            };
            let mut end = self.address_run(s, toks, next, upper_text, lower_text);
            let run = &toks[next..end];
            let accepted = end > next
                && match need {
                    Need::Nothing => true,
                    Need::Landmark => {
                        run.iter().any(|t| !self.common_noun(t)) || run.last().is_some_and(|t| self.street_word(t))
                    }
                    // (`resident of ward 19`: a ward of a town is no one's address.)
                    Need::NumberOrStreet => self.numbered_or_street(run) && !ward_only(run),
                    // (`shifted to Ward Office`, `moved to Ward 5 Office` is where a file or a
                    // counter went, no one's address; with a house number in it the run is one:
                    // `moved to 14/2, Block B, Head Post Office`.)
                    Need::MovedTo => {
                        let office = run.last().is_some_and(|t| OFFICE_WORDS.contains(&t.low));
                        self.numbered_or_street(run)
                            && (!office || (next..end).any(|k| self.house_number_at(s, toks, k)))
                    }
                    // A street word, or a town and its pin code ending a short run (`02/510,
                    // Kade, Saharsa-562385`; not `12/5, Zone 3, Total 125000`).
                    Need::Street => {
                        run.iter().skip(1).take(6).any(|t| self.street_word(t)) || self.town_and_pin(run, lower_text)
                    }
                    Need::TownAndPin => self.town_and_pin(run, lower_text),
                    // (Or a street named by a word of no English or Hinglish list, `57/18,
                    // thaker road`, or a town and its pin code, `77, sen, thane 428163`: the
                    // run may stop before a town of English words.)
                    Need::StreetAndPin => {
                        run.iter().any(|t| self.street_word(t))
                            && run.last().is_some_and(|t| t.kind == Kind::Number && t.text.len() == 6)
                            || self.small_named_street(s, toks, next, end, false)
                            || self.town_and_pin(run, lower_text)
                    }
                    Need::VisitedStreet => {
                        self.small_named_street(s, toks, next, end, true) || self.town_and_pin(run, lower_text)
                    }
                    Need::NamedStreet { closed } => match self.named_street(run) {
                        _ if self.town_and_pin(run, lower_text) => true,
                        Some(street) => {
                            // In capitals the street ends at its street word (`VISITED 34 KAR
                            // GANJ TODAY, OWNER ABSENT`, `25 GANDHI ROAD RESIDENTS ATTENDED`).
                            if upper_text {
                                end = next + street + 1;
                            }
                            let clause_end = s[toks[end - 1].end..]
                                .trim_start_matches(' ')
                                .bytes()
                                .next()
                                .is_none_or(|b| matches!(b, b',' | b';' | b'.' | b')' | b'\n' | b'\r'));
                            clause_end || !closed
                        }
                        None => false,
                    },
                };
            if accepted {
                push(out, LexSpan { start: toks[first].start, end: toks[end - 1].end, address: true, score: 0.8 });
                i = end;
            } else {
                i += 1;
            }
        }
    }

    /// Whether an address starts at token `i`: (first token of the span, first token of the
    /// run after the keyword, what the run must hold).
    /// `lower_text`: the cell has no capital letter.
    fn address_trigger(&self, s: &str, toks: &[Tok], i: usize, lower_text: bool) -> Option<(usize, usize, Need)> {
        let t = &toks[i];
        let l = t.low;
        let skip_numero = |mut j: usize| {
            while toks.get(j).is_some_and(|n| n.lists.has(NUMERO_LIST)) {
                j += 1;
            }
            j
        };
        // (A number in the next clause is none: `3 मकान, 2 दुकान`, three houses, two shops.)
        let numbered = |j: usize| {
            toks.get(j).is_some_and(|n| {
                matches!(n.kind, Kind::Number | Kind::Other)
                    && j > 0
                    && !s[toks[j - 1].end..n.start].contains([',', ';'])
            })
        };
        // A house-number keyword and a number.
        if Self::house_keyword_at(toks, i) {
            let j = skip_numero(i + 1);
            // `Survey 2019`, `plot 2021 plan`, `re-survey (2022-23)`: a year or a financial
            // year, not a house number, when no `No` stands before it and no more address
            // follows.
            let year_like = |n: &Tok| {
                n.kind == Kind::Number && n.text.len() == 4 && (n.text.starts_with("19") || n.text.starts_with("20"))
            };
            // (`Quarter 2 demand raised`: a quarter of the year, not a staff quarter.)
            let fiscal_quarter =
                matches!(l, "quarter" | "qtr") && toks.get(j).is_some_and(|n| matches!(n.text, "1" | "2" | "3" | "4"));
            let year = j == i + 1 && (toks.get(j).is_some_and(year_like) || fiscal_quarter);
            let range_end = year
                && toks.get(j + 1).is_some_and(|n| {
                    matches!(&s[toks[j].end..n.start], "-" | "/")
                        && (n.kind == Kind::Number && n.text.len() == 2 || year_like(n))
                });
            let after = j + 1 + usize::from(range_end);
            let more = toks.get(after).is_some_and(|n| {
                matches!(n.kind, Kind::Number | Kind::Other | Kind::Indic)
                    || Self::capitalised(n)
                    || n.lists.has(Lists::ADDRESS)
            });
            if year && !more {
                return None;
            }
            // A number, or a block letter and a number (`Qtr No. B-12`, `Flat A/302`).
            let lettered = toks.get(j).is_some_and(|n| n.kind == Kind::Latin) && self.house_number_at(s, toks, j);
            // (`near my house (635, Gulati Path, ...)`: a bracket after the keyword opens an
            // aside, the address in it starts after the bracket.)
            let bracket = toks.get(j).is_some_and(|n| s[t.end..n.start].contains('('));
            let first = if bracket { i + 1 } else { i };
            return (numbered(j) || lettered).then_some((first, j, Need::Nothing));
        }
        // ("NEAR THE TANK" in upper-case text is no landmark: an article or a short word.)
        let determiner = |n: &Tok| {
            n.lists.has(SHORT_WORD_LIST)
                || matches!(n.low, "the" | "a" | "his" | "her" | "our" | "their" | "this" | "that" | "its" | "your")
        };
        // (`near H.No. 12, ...`: the house number's keyword starts the address, not `near`.)
        let house_keyword_next = Self::house_keyword_at(toks, i + 1);
        // (In text in small letters, a word that names a street: `sewer blocked near dube
        // street`, not `near the road`.)
        let named_street_next = lower_text
            && toks.get(i + 1).is_some_and(|n| n.kind == Kind::Latin && !determiner(n) && !self.street_word(n))
            && self.street_word_after(s, toks, i + 1);
        if matches!(l, "near" | "opp" | "opposite" | "behind" | "पास")
            && !house_keyword_next
            && toks
                .get(i + 1)
                .is_some_and(|n| (Self::capitalised(n) && !determiner(n)) || n.kind == Kind::Indic || named_street_next)
        {
            // (The landmark is masked, not the word that points at it: `blocked near Dube
            // Street` keeps `near`.)
            return Some((i + 1, i + 1, Need::Landmark));
        }
        // A village and its name.
        if t.lists.has(VILLAGE_KEYWORD_LIST) {
            let n = toks.get(i + 1)?;
            let place =
                n.kind == Kind::Indic || Self::capitalised(n) && !n.lists.has(Lists::ENGLISH) && !self.listed_word(n);
            return place.then_some((i, i + 1, Need::Nothing));
        }
        // An address context word: the address follows it.
        let resident_of =
            matches!(l, "r") && toks.get(i + 1).is_some_and(|n| n.low == "o" && s[t.end..n.start] == *"/");
        if resident_of || t.lists.has(ADDRESS_CONTEXT_LIST) {
            let mut j = i + if resident_of { 2 } else { 1 };
            // (`address changed to 539, Salvi Street`, `address is now ...`)
            while toks.get(j).is_some_and(|n| {
                matches!(
                    n.low,
                    "at" | "in"
                        | "to"
                        | "of"
                        | "is"
                        | "no"
                        | "at:"
                        | "now"
                        | "as"
                        | "changed"
                        | "updated"
                        | "corrected"
                )
            }) {
                j += 1;
            }
            let run_start = toks.get(j)?;
            let starts = matches!(run_start.kind, Kind::Number | Kind::Other | Kind::Indic)
                || Self::capitalised(run_start)
                || self.street_word(run_start);
            let need = if MOVING_WORDS.contains(&l) { Need::MovedTo } else { Need::NumberOrStreet };
            return starts.then_some((j, j, need));
        }
        // A house number at the start of a clause, then a street.
        let clause = i == 0 || s[toks[i - 1].end..t.start].contains([',', ';', ':', '(', '\n']);
        let hash = s[..t.start].ends_with('#');
        // Or after a word of place (`Site visit at 90/566, Badami Road, Mysore`, `a shop in
        // 12, Gandhi Market`): the street must follow all the same.
        // (A capitalised street name or an ordinal after the number: not `at 5, no road
        // access`, `at 5, road closed`.)
        let after_word = |words: &[&str]| {
            i > 0 && words.contains(&toks[i - 1].low) && s[toks[i - 1].end..t.start].bytes().all(|b| b == b' ')
        };
        let after_place_word = after_word(PLACE_PREPOSITIONS);
        let placed = after_place_word
            && toks[i + 1..]
                .iter()
                .find(|n| n.kind != Kind::Number)
                .is_some_and(|n| Self::capitalised(n) || n.kind == Kind::Other && self.street_word(n));
        if (clause || hash || placed) && self.house_number_at(s, toks, i) {
            return Some((i, i, Need::Street));
        }
        // In text in small letters only, where no capital names a street: a house number at a
        // clause's start or after a word of place, then a street word and a pin code (`leakage
        // reported at 791, varkey zila, belgaum 463907`; not `at 5, road closed`).
        // (Anywhere in the sentence when the number has parts: `caller reported 37/46, raju
        // path, burhanpur 295106`.)
        let parted =
            || toks.get(i + 1).is_some_and(|n| n.kind == Kind::Number && matches!(&s[t.end..n.start], "/" | "-"));
        if lower_text && (clause || after_place_word || parted()) && self.house_number_at(s, toks, i) {
            let visited = after_word(VISIT_WORDS);
            return Some((i, i, if visited { Need::VisitedStreet } else { Need::StreetAndPin }));
        }
        if clause && t.kind == Kind::Number && toks.get(i + 1).is_some_and(|n| n.kind == Kind::Indic) {
            return Some((i, i, Need::TownAndPin));
        }
        // A plain number before a capitalised word, at a clause's start or after a word that
        // places it (`at 45 Gandhi Road`, `C/O X, 56 Civil Lines`): the street must be named
        // (not `2 Road Rollers`, `at 10 Conference Room`).
        let year = t.text.len() == 4 && year_like(t.text);
        let plain_number = t.kind == Kind::Number
            && t.text.len() <= 4
            && !year
            && toks.get(i + 1).is_some_and(|n| Self::joins_space(s, t, n) && Self::capitalised(n));
        // After a verb of a visit the street need not end the clause (`Visited 34 Kar Ganj
        // today`).
        let visited = after_word(VISIT_WORDS);
        if (clause || placed || visited) && plain_number {
            return Some((i, i, Need::NamedStreet { closed: !visited }));
        }
        // In text in small letters, after a verb of a visit: a house number and a street named
        // by a word of no list (`visited 16/17 kar ganj today`, `visited 62-a kapur street`).
        if lower_text && visited && t.kind == Kind::Number && !year && t.text.len() <= 4 {
            return Some((i, i, Need::VisitedStreet));
        }
        // A capitalised word after a word that places it, in a run ending in a town and its
        // pin code (`Drain overflow at Rout Nagar, Hosur 302774`, `at Narula, Ghaziabad 328921`).
        // (Only after a word of where, not `served to Manbir Dass, 02/510, ...`.)
        // (Not a word of the sentence: `IN FRONT OF 818, NORI PATH, ...` in capitals.)
        // (In text in small letters, a word in no English or Hinglish list: `drain overflow at
        // narula, ghaziabad 328921`.)
        // (Or any word naming the street after it: `at rout nagar, hosur 302774`.)
        if t.kind == Kind::Latin && after_word(LOCATIVE_WORDS) {
            let names_street = self.street_word_after(s, toks, i);
            let place_name = Self::capitalised(t)
                || lower_text && (names_street || !t.lists.has(Lists::ENGLISH) && !t.lists.has(Lists::HINGLISH));
            if place_name && (names_street || !self.common_noun(t)) {
                return Some((i, i, Need::TownAndPin));
            }
        }
        // Anywhere else, a house number whose run ends in a town and its pin code, as a whole
        // address is written (`reported 58/10, Deep Street, North Dumdum-724040`), or one of
        // joined parts before a named street (`Visited 12/4 Nehru Street today`).
        if self.house_number_at(s, toks, i) {
            // (`Tender 12/2023 Station Road`: a number of a year is no house number.)
            // (`Visited 47-B Mann Chowk`: a block letter is a part too.)
            let parts = t.kind == Kind::Number
                && toks.get(i + 1).is_some_and(|n| {
                    matches!(&s[t.end..n.start], "-" | "/")
                        && match n.kind {
                            Kind::Number => !(n.text.len() == 4 && year_like(n.text)),
                            Kind::Latin => n.text.len() == 1,
                            _ => false,
                        }
                });
            return Some((i, i, if parts { Need::NamedStreet { closed: false } } else { Need::TownAndPin }));
        }
        None
    }

    /// Whether a house-number keyword starts at token `i` (`House`, `Door`, `H.No.`, `D No`).
    fn house_keyword_at(toks: &[Tok], i: usize) -> bool {
        toks.get(i).is_some_and(|t| match t.low {
            "h" | "d" => toks.get(i + 1).is_some_and(|n| n.low == "no"),
            _ => t.lists.has(HOUSE_KEYWORD_LIST),
        })
    }

    /// A house number starting at token `i`: numbers joined by `-` or `/` (`12-3-456`, `14/2`),
    /// a letter and a number (`H-45`), a number with a letter (`221B`), `#12`, or a number
    /// followed by a comma.
    fn house_number_at(&self, s: &str, toks: &[Tok], i: usize) -> bool {
        let t = &toks[i];
        let next = toks.get(i + 1);
        let joined = |n: &Tok| matches!(&s[t.end..n.start], "-" | "/");
        match t.kind {
            Kind::Number => {
                s[..t.start].ends_with('#')
                    || next.is_some_and(|n| n.kind == Kind::Number && joined(n))
                    || s[t.end..].starts_with(',')
                    // A number and a block letter (`17-A`, `12/B`).
                    || next.is_some_and(|n| {
                        n.kind == Kind::Latin
                            && n.text.len() == 1
                            && n.text.as_bytes()[0].is_ascii_uppercase()
                            && joined(n)
                            && matches!(s.as_bytes().get(n.end), None | Some(b',' | b' '))
                    })
            }
            Kind::Latin => t.text.len() == 1 && next.is_some_and(|n| n.kind == Kind::Number && joined(n)),
            Kind::Other => {
                t.text.bytes().next().is_some_and(|b| b.is_ascii_digit())
                    && t.text.bytes().all(|b| b.is_ascii_alphanumeric())
                    && t.text.bytes().filter(u8::is_ascii_alphabetic).count() <= 1
            }
            Kind::Indic => false,
        }
    }

    /// Whether an address run holds a number or a street word.
    fn numbered_or_street(&self, run: &[Tok]) -> bool {
        run.iter().any(|t| t.kind == Kind::Number || t.kind == Kind::Other || self.street_word(t))
    }

    /// Where an address run names its street: after the house number, a capitalised word that
    /// is no street word and then, within four words, a street word (`45 Gandhi Road`, `12/4
    /// Nehru Street`; not `2 Road Rollers`, `14/03/2023, Road Tax`). The street word's index in
    /// the run.
    fn named_street(&self, run: &[Tok]) -> Option<usize> {
        let k = run.iter().position(|t| t.kind != Kind::Number)?;
        let name = &run[k];
        if name.kind != Kind::Latin || !Self::capitalised(name) || self.street_word(name) {
            return None;
        }
        run[k + 1..].iter().take(4).position(|t| self.street_word(t)).map(|p| k + 1 + p)
    }

    /// In text in small letters, whether an address run names its street: after the house
    /// number, a word of no English, Hinglish or short-word list and then a street word
    /// (`57/18, thaker road`, `16/17 kar ganj`; not `5, road closed`, `5, no road access`).
    /// `visited`: after a verb of a visit, where any word but a short one names the street
    /// (`visited 16/17 gill ganj today`).
    /// The run is `toks[next..end]`.
    fn small_named_street(&self, s: &str, toks: &[Tok], next: usize, end: usize, visited: bool) -> bool {
        // (After the house number's block letter: `visited 62-a kapur street`.)
        let Some(k) = (next..end).find(|&k| toks[k].kind != Kind::Number && !block_letter(s, toks, k)) else {
            return false;
        };
        let name = &toks[k];
        name.kind == Kind::Latin
            && !self.street_word(name)
            && !name.lists.has(SHORT_WORD_LIST)
            && (visited || !(name.lists.has(Lists::ENGLISH) || name.lists.has(Lists::HINGLISH)))
            && k + 1 < end
            && self.street_word(&toks[k + 1])
    }

    /// Whether a short address run (three to eight tokens) ends in a town and its pin code. A
    /// town's name may be of several words, one of which says it is a town (`Bhalswa Jahangir
    /// Pur`, `Raurkela Industrial Township`): up to three words before the pin code are tried.
    fn town_and_pin(&self, run: &[Tok], lower_text: bool) -> bool {
        (3..=8).contains(&run.len()) && {
            let pin = &run[run.len() - 1];
            let town_words = run[1..run.len() - 1].iter().rev().take(3).take_while(|t| t.kind != Kind::Number);
            // (A pin code never starts with 0, but six digits after a house number and a town
            // are one mistyped: the town is the evidence here.)
            pin.kind == Kind::Number
                && pin.text.len() == 6
                && town_words.into_iter().any(|t| self.town_before_pin(t, lower_text))
        }
    }

    /// A town's name before the pin code that closes a run from a house number: a capitalised
    /// word in the list of towns or in no English or other list (`Siliguri`, `Saharsa`), or a
    /// word of an Indic script (`ஜபல்பூர்`) but a function word or, in Devanagari, a common word
    /// (`राशि`, amount). In text in small letters (`lower_text`) no capital is asked for.
    fn town_before_pin(&self, town: &Tok, lower_text: bool) -> bool {
        match town.kind {
            // (A known town too: `#224, Chanmari West, Siliguri - 734001`.)
            Kind::Latin => {
                (Self::capitalised(town) || lower_text)
                    && (town.lists.has(Lists::TOWN) || !town.lists.has(Lists::ENGLISH) && !self.listed_word(town))
            }
            Kind::Indic => {
                let common = is_devanagari(town.text) && self.common_indic_word(town);
                !(town.lists.has(Lists::STOP_HI) || common)
            }
            Kind::Number | Kind::Other => false,
        }
    }

    /// A word of a street or locality: `Road`, `Nagar`, `Cross`, `Jayanagar`.
    fn street_word(&self, t: &Tok) -> bool {
        t.kind == Kind::Indic && t.lists.has(Lists::ADDRESS)
            || t.kind == Kind::Latin
                && (t.lists.has(Lists::ADDRESS)
                    || STREET_SUFFIXES.iter().any(|x| t.low.len() > x.len() + 2 && t.low.ends_with(x)))
            || t.kind == Kind::Other
                && ORDINAL.iter().any(|x| t.low.ends_with(x))
                && t.low.as_bytes()[0].is_ascii_digit()
    }

    /// Whether a street word ([`NameFinder::street_word`]) follows token `j` after one space:
    /// the word at `j` names the street (`dube street`, `rout nagar`).
    fn street_word_after(&self, s: &str, toks: &[Tok], j: usize) -> bool {
        toks.get(j + 1).is_some_and(|n| self.street_word(n) && s[toks[j].end..n.start] == *" ")
    }

    /// Whether a Latin word of the address list follows token `j` after one space (the cheap
    /// form of [`NameFinder::street_word_after`], asked of every word of an address run).
    fn address_word_after(s: &str, toks: &[Tok], j: usize) -> bool {
        toks.get(j + 1)
            .is_some_and(|n| n.kind == Kind::Latin && n.lists.has(Lists::ADDRESS) && s[toks[j].end..n.start] == *" ")
    }

    /// The address tokens from `next` on: numbers, capitalised words, street words; a pin code
    /// closes it. Returns the end token (exclusive).
    fn address_run(&self, s: &str, toks: &[Tok], next: usize, upper_text: bool, lower_text: bool) -> usize {
        let mut end = next;
        // Inside a district's or a state's name in brackets before the pin code.
        let mut in_bracket = false;
        while end < toks.len() {
            let t = &toks[end];
            if end > next {
                let between = &s[toks[end - 1].end..t.start];
                if !in_bracket && matches!(between, " (" | "(" | ", (") && Self::bracketed_place_then_pin(s, toks, end)
                {
                    in_bracket = true;
                    end += 1;
                    continue;
                }
                // (Words of the place, then the bracket's end before the pin code.)
                let closing = in_bracket && between.contains(')');
                if in_bracket && !closing {
                    end += 1;
                    continue;
                }
                in_bracket = false;
                // (An en dash joining two words is a hyphen: `Hubli–Dharwad 580020`; an
                // ampersand joins a town's two names before its pin code: `Sangli-Miraj & Kupwad
                // 416416`.)
                let joined_by_dash = between == "\u{2013}";
                let town_pair = between == " & "
                    && (Self::capitalised(t) || lower_text)
                    && toks.get(end + 1).is_some_and(|n| {
                        n.kind == Kind::Number && n.text.len() == 6 && matches!(&s[t.end..n.start], " " | "-" | " - ")
                    });
                if !joined_by_dash
                    && !town_pair
                    && !closing
                    && (between.len() > 4
                        || between.chars().any(|c| !matches!(c, ' ' | ',' | '-' | '/' | '.' | ':' | '#' | '\n' | '\r')))
                {
                    break;
                }
            }
            // In capitals, a word of the sentence right after a street word, with no comma
            // between, ends the address (`VISITED H.NO. 504 PANDEY ZILA TODAY, OWNER ABSENT`);
            // not a place or address word, nor a town before a pin code (`GANDHI ROAD NEW DELHI
            // 110001`).
            let sentence_after_street = upper_text
                && end > next
                && s[toks[end - 1].end..t.start] == *" "
                && self.street_word(&toks[end - 1])
                && self.caps_sentence_word(t)
                && !self.is_place(t)
                && !t.lists.has(Lists::ADDRESS)
                && !Self::pin_code_ahead(s, toks, end, false);
            // In capitals, a word that would be in small letters in a sentence (an article, a
            // preposition, a verb of being, a word of time) ends the address as its small
            // letters would (`NEAR BUS STAND THE DRAIN IS BLOCKED SINCE 02/07/2016`, `SHIFTED TO
            // WARD 31 OFFICE FOR VERIFICATION`, `VISITED H.NO. 629 BAHRI TODAY, OWNER ABSENT`).
            let small_word_in_capitals =
                upper_text && (TIME_WORDS.contains(&t.low) || CAPS_FUNCTION_WORDS.contains(&t.low));
            let ok = !sentence_after_street
                && !small_word_in_capitals
                && match t.kind {
                    Kind::Number | Kind::Other | Kind::Indic => true,
                    // (In text in small letters, a word naming the street after it: `h.no. 504
                    // pandey zila`, `near dube street`.)
                    Kind::Latin => {
                        Self::capitalised(t)
                            || block_letter(s, toks, end)
                            || self.is_place(t)
                            || t.lists.has(Lists::ADDRESS)
                            || t.lists.has(NUMERO_LIST)
                            || Self::pin_code_ahead(s, toks, end, lower_text)
                            || lower_text && Self::address_word_after(s, toks, end)
                    }
                };
            if !ok {
                break;
            }
            end += 1;
            if t.kind == Kind::Number && t.text.len() == 6 && end - next > 1 {
                break; // a pin code closes the address
            }
        }
        end
    }

    /// Whether the words from token `i` on are one to four words of a place closed by a
    /// bracket, then a pin code: a district or a state named in brackets after the town
    /// (`Karur (Karur District) 639001`, `Sitapur (U.P.) 261001`, `கரூர் (கரூர் மாவட்டம்)
    /// 639001`). Latin words must be capitalised; a number inside ends it (`(Ward 5)`).
    fn bracketed_place_then_pin(s: &str, toks: &[Tok], i: usize) -> bool {
        for k in i..(i + 4).min(toks.len()) {
            let t = &toks[k];
            let word = match t.kind {
                Kind::Indic => true,
                Kind::Latin => Self::capitalised(t),
                _ => false,
            };
            let Some(n) = toks.get(k + 1).filter(|_| word) else {
                return false;
            };
            let between = &s[t.end..n.start];
            if let Some((inside, after)) = between.split_once(')') {
                return inside.bytes().all(|b| b == b'.')
                    && matches!(after, "" | " " | "-" | " - " | ", " | ",")
                    && n.kind == Kind::Number
                    && n.text.len() == 6
                    && !n.text.starts_with('0');
            }
            if !matches!(between, " " | "." | ". ") {
                return false;
            }
        }
        false
    }

    /// Whether a pin code follows token `i` after at most four more words, all joined by
    /// spaces, commas or hyphens and none a word of the sentence unless a street word follows
    /// it: the lower-case street, locality and city of an address (`sector 5 dwarka new delhi
    /// 110075`, `char circle, rewa-978252`; not `plot 17 paid amount 450000`). A pin code never
    /// starts with 0; six digits that do are taken for one mistyped where `zero_ok` (text in
    /// small letters, where the run must hold a street word as well).
    fn pin_code_ahead(s: &str, toks: &[Tok], i: usize, zero_ok: bool) -> bool {
        // A listed town or a word of no list: a town's own name.
        let proper = |t: &Tok| {
            t.lists.has(Lists::TOWN)
                || !(t.lists.has(Lists::ENGLISH) || t.lists.has(Lists::HINGLISH) || t.lists.has(SHORT_WORD_LIST))
        };
        let place_word = |t: &Tok| {
            t.lists.has(Lists::PLACE)
                || t.lists.has(Lists::ADDRESS)
                || t.lists.has(Lists::NON_NAME)
                || matches!(t.low, "new" | "old" | "north" | "south" | "east" | "west" | "upper" | "lower")
                || proper(t)
        };
        // (A town's name may hold an English word beside a word of place and a word of no list
        // or a listed town: `raurkela industrial township`, `sultan pur majra`; not `paid
        // amount 450000`, `office rent 125000`.)
        let town_word = |t: &Tok| t.lists.has(Lists::ENGLISH) && !t.lists.has(SHORT_WORD_LIST);
        let (mut j, mut placed, mut english, mut named) = (i, false, false, false);
        while j < toks.len() && j - i <= 4 {
            let t = &toks[j];
            // (An en dash or an ampersand between a town's names: `hubli–dharwad 505613`,
            // `sangli-miraj & kupwad-118245`.)
            if j > i && !matches!(s[toks[j - 1].end..t.start].trim_matches(' '), "" | "," | "-" | "\u{2013}" | "&") {
                return false;
            }
            match t.kind {
                // (Any word names the street before a street word: `char circle`, `yogi nagar`.)
                Kind::Latin if place_word(t) || Self::address_word_after(s, toks, j) => {
                    placed = true;
                    named |= proper(t);
                    j += 1;
                }
                Kind::Latin if town_word(t) => {
                    english = true;
                    j += 1;
                }
                Kind::Number => {
                    return j > i
                        && placed
                        && (named || !english)
                        && t.text.len() == 6
                        && (zero_ok || !t.text.starts_with('0'));
                }
                _ => return false,
            }
        }
        false
    }

    /// Whether `word` is an honorific of the dictionary (`Smt`, `Shri`, `Dr`, `Late`), in any
    /// case.
    pub fn is_honorific_word(&self, word: &str) -> bool {
        self.lex.contains(Lists::HONORIFIC, &word.to_ascii_lowercase())
    }

    /// Whether `word` (any case) names a person's role in a record (`owner`, `applicant`,
    /// `consumer`, `tenant`): the name finder's context words.
    pub fn is_role_word(&self, word: &str) -> bool {
        self.lex.contains(Lists::CONTEXT, &word.to_ascii_lowercase())
    }

    /// Whether `text` starts with a person's name: honorifics and initials, then a capitalised
    /// given name or surname of the dictionary that is no English, place or institution word,
    /// with no place word anywhere in `text` (so a locality named after a person, `Shanti
    /// Nagar`, is none). For the words between a role word and a number (`consumer Ayush Kaur
    /// informed on ...`).
    pub fn starts_with_person(&self, text: &str) -> bool {
        with_tokens(text, &self.lex, |toks| {
            let Some(first) = toks.iter().position(|t| !self.is_honorific(t) && !Self::dotted_initial(text, t)) else {
                return false;
            };
            let t = &toks[first];
            // (Nothing but the honorifics and initials, spaces and dots before the name.)
            text[..t.start].bytes().all(|b| b == b' ' || b == b'.' || b.is_ascii_alphabetic())
                && Self::capitalised(t)
                && self.in_dict(t)
                && !t.lists.has(Lists::ENGLISH)
                && !t.lists.has(Lists::INSTITUTION)
                && !t.lists.has(Lists::CONTEXT)
                && !toks.iter().any(|t| self.is_place(t) || t.lists.has(Lists::ADDRESS))
        })
    }

    /// True when the whole of `cell` reads as a person's name (for classifying a column by its
    /// values): one to five name tokens with a dictionary name, an honorific or a relation.
    pub fn is_name_cell(&self, cell: &str) -> bool {
        // (Six words of a name are far shorter: a long text is not tokenized to learn that.)
        cell.len() <= SHORT_CELL && with_tokens(cell, &self.lex, |toks| self.is_name_tokens(cell, toks))
    }

    /// Whether `cell` is shaped like a person's name in no dictionary: two to four capitalised
    /// Latin words (initials allowed), none English, listed, a place or an institution
    /// (`Tolmin Zurek`, not `Ward Office`, `Sadar`, `Laxmi Traders`). Only beside other evidence:
    /// a column headed `Name` whose values must agree.
    /// One to four words of an Indic script are name-shaped too (`யாழினி`, `எழிற்கோ
    /// தண்ணிலவு`: Tamil names outside the lists, many of them common words as well), unless
    /// one is a function word, a place or an institution, the cell holds a digit, or (in
    /// Devanagari) every word is a common Hindi word and no name (`अस्थायी कर्मचारी`).
    pub fn is_name_shaped_cell(&self, cell: &str) -> bool {
        cell.len() <= SHORT_CELL
            && with_tokens(cell, &self.lex, |toks| {
                let initial = |t: &Tok| t.text.len() == 1 && t.text.as_bytes()[0].is_ascii_uppercase();
                if let Some(first) = toks.first().filter(|t| t.kind == Kind::Indic) {
                    return toks.len() <= 4
                        && !cell.chars().any(char::is_numeric)
                        && !(is_devanagari(first.text) && self.common_words_only(toks))
                        && toks.iter().all(|t| {
                            t.kind == Kind::Indic
                                && !t.lists.has(Lists::STOP_HI)
                                && !self.is_place(t)
                                && !t.lists.has(Lists::INSTITUTION)
                        });
                }
                (2..=4).contains(&toks.len())
                    && !cell.bytes().any(|b| b.is_ascii_digit() || b == b'@')
                    && toks.iter().any(|t| !initial(t))
                    && toks.iter().all(|t| {
                        t.kind == Kind::Latin
                            && Self::capitalised(t)
                            && !self.is_place(t)
                            && !t.lists.has(Lists::INSTITUTION)
                            && (initial(t) || self.in_dict(t) || self.unknown_word(t))
                    })
            })
    }

    /// True when `cell` is one to three common words and no name (`Self`, `Tenant`, `Vacant`,
    /// `Not Known`): the value of a category, not a person.
    pub fn is_word_cell(&self, cell: &str) -> bool {
        cell.len() <= SHORT_CELL
            && with_tokens(cell, &self.lex, |toks| {
                (1..=3).contains(&toks.len())
                    && toks.iter().all(|t| {
                        t.kind == Kind::Latin
                            && (t.lists.has(Lists::ENGLISH) || t.lists.has(Lists::HINGLISH))
                            && !self.in_dict(t)
                    })
            })
    }

    /// [`NameFinder::is_name_cell`] over the tokens of `cell`.
    fn is_name_tokens(&self, cell: &str, toks: &[Tok]) -> bool {
        if toks.is_empty() || toks.len() > 6 || cell.bytes().any(|b| b.is_ascii_digit() || b == b'@') {
            return false;
        }
        let letters = toks.iter().all(|t| matches!(t.kind, Kind::Latin | Kind::Indic));
        // At least one token that is not an honorific or part of a relation marker ("MR." is
        // a salutation, not a name).
        let words = toks.iter().any(|t| !self.is_honorific(t) && t.text.len() > 1 && !t.lists.has(Lists::RELATION));
        let marker = toks.iter().enumerate().any(|(i, t)| self.is_honorific(t) || self.relation_at(cell, toks, i) > 0);
        let dict = toks.iter().any(|t| self.in_dict(t));
        // A place or an institution (`Jawahar Navodaya Vidyalaya`) is no person.
        let place = toks.iter().any(|t| self.is_place(t) || t.lists.has(Lists::INSTITUTION));
        letters && words && !place && (dict || marker) && !toks.iter().any(|t| self.sentence_word(t))
    }

    /// A word that makes a cell a sentence about someone rather than their name: a Hindi
    /// function word (`श्री राहुल जैन का मकान`, `सीमा ने शिकायत की`) or a lower-case English
    /// word that is no name (`Meera requested new connection`). Honorifics, relation markers
    /// (`son of`) and names that are also words (`ram`, `more`) are not.
    fn sentence_word(&self, t: &Tok) -> bool {
        if self.is_honorific(t) || t.lists.has(Lists::RELATION) || self.in_dict(t) {
            return false;
        }
        match t.kind {
            Kind::Indic => t.lists.has(Lists::STOP_HI) || t.lists.has(POST_CONTEXT_INDIC_LIST),
            Kind::Latin => {
                t.text.bytes().all(|b| b.is_ascii_lowercase())
                    && (t.lists.has(Lists::ENGLISH) || t.lists.has(Lists::HINGLISH))
                    && !matches!(t.low, "of" | "alias" | "urf" | "late")
            }
            _ => false,
        }
    }
}

/// What around a capitalised run says a person is named there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PersonContext {
    /// Nothing.
    None,
    /// A preposition or verb that takes a person before it (`by`, `as per`, `informed`).
    Before,
    /// A postposition that only a person takes after it (`ne`, `ji`).
    After,
    /// A relation marker (`S/O`) or a phone number in brackets after it, as a register writes a
    /// person and nothing else (`Pushti Nagar (9876543210) reports`).
    Contact,
}

impl PersonContext {
    /// Whether something after the run says a person is named there.
    fn after(self) -> bool {
        matches!(self, PersonContext::After | PersonContext::Contact)
    }
}

/// Whether an address run is a ward or zone of a town and its number only (`ward 19`, `Ward
/// No. 5`, `zone 3`): thousands live in one, and registers count by it.
fn ward_only(run: &[Tok]) -> bool {
    run.first().is_some_and(|t| matches!(t.low, "ward" | "zone"))
        && run.iter().skip(1).all(|t| t.kind == Kind::Number || matches!(t.low, "no" | "number"))
}

/// The longest cell that [`NameFinder::is_name_cell`] and the other tests of a whole cell's
/// words tokenize: a name of six words, a category of three, is far shorter.
const SHORT_CELL: usize = 1024;

/// The longest text [`NameFinder::find`] tokenizes whole (64 KiB).
const WINDOW: usize = 64 * 1024;

/// How far the windows of a longer text reach into their neighbours' parts, for the words
/// around a span (a relation word before a name, the pin code after an address).
const WINDOW_OVERLAP: usize = 1024;

/// The first offset at or after `at` (clamped to `s`) that is a space or line break, or the
/// end of `s`; a char boundary if `s` has no such byte in the next 4 KiB (one long word).
fn word_gap_after(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    let limit = (at + 4096).min(s.len());
    match s.as_bytes()[at..limit].iter().position(|&b| matches!(b, b' ' | b'\n' | b'\r' | b'\t')) {
        Some(k) => at + k,
        None => ceil_char_boundary(s, limit),
    }
}

/// The last offset at or before `at` that is a space or line break, or a char boundary if
/// there is none in the 4 KiB before it (one long word); 0 at the start of `s`.
fn word_gap_before(s: &str, at: usize) -> usize {
    let low = at.saturating_sub(4096);
    match s.as_bytes()[low..at].iter().rposition(|&b| matches!(b, b' ' | b'\n' | b'\r' | b'\t')) {
        Some(k) => low + k,
        None => floor_char_boundary(s, low),
    }
}

/// The first char boundary of `s` at or after `i`.
fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The last char boundary of `s` at or before `i`.
fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether `s` has no small ASCII letter and whether it has no capital one (text in capitals,
/// text in small letters), read in one pass.
fn letter_cases(s: &str) -> (bool, bool) {
    let (mut lower, mut upper) = (false, false);
    for b in s.bytes() {
        lower |= b.is_ascii_lowercase();
        upper |= b.is_ascii_uppercase();
    }
    (!lower, !upper)
}

/// Whether token `i` is a house number's block letter: one letter joined to the number before
/// it by `-` or `/` (`62-a`, `12/B`).
fn block_letter(s: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    t.text.len() == 1 && i > 0 && toks[i - 1].kind == Kind::Number && matches!(&s[toks[i - 1].end..t.start], "-" | "/")
}

/// Whether four digits may be a year (`19..`, `20..`).
fn year_like(digits: &str) -> bool {
    digits.starts_with("19") || digits.starts_with("20")
}

/// Whether `rest` (the text after a name) opens with a phone number in brackets, as registers
/// write a person's contact (`Krishna Mahal (9876543210) reports`): ten to twelve digits, with
/// spaces, dashes or a `+` between.
fn phone_in_brackets(rest: &str) -> bool {
    let Some(body) = bracketed(rest, 24) else {
        return false;
    };
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    (10..=12).contains(&digits) && body.bytes().all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'+'))
}

/// What a person has, after an English possessive (`'s mobile`, `'s Aadhaar`, `'s house`).
const PERSONS_THINGS: &[&str] = &[
    "mobile",
    "phone",
    "number",
    "contact",
    "aadhaar",
    "aadhar",
    "pan",
    "address",
    "house",
    "property",
    "account",
    "signature",
    "email",
    "photo",
    "father",
    "mother",
    "wife",
    "husband",
    "son",
    "daughter",
    "dob",
    "connection",
    "name",
    "application",
    "complaint",
    "share",
    "death",
    "birth",
];

/// Labels of a person's number or document that a register writes in brackets after their
/// name (`Anita Tailor (Aadhaar: 385975028734)`, `Ravi Nagar (Mob. 98...)`), in small letters.
const ID_LABELS_IN_BRACKETS: &[&str] = &[
    "aadhaar",
    "aadhar",
    "adhaar",
    "uid",
    "pan",
    "mob",
    "mobile",
    "ph",
    "phone",
    "tel",
    "cell",
    "contact",
    "epic",
    "voter id",
    "आधार",
    "मोबाइल",
    "मो",
    "फोन",
    "पैन",
];

/// Whether `rest` (the text after a name) opens with a person's number or document in brackets,
/// its label first (`(Aadhaar: 385975028734)`, `(PAN ABCPK1234F)`, `(Mob. 98765 43210)`): a label
/// of [`ID_LABELS_IN_BRACKETS`], then `no`, `:`, `.`, `-` or spaces, then four or more letters and
/// digits with a digit among them, closed within 40 bytes.
fn id_in_brackets(rest: &str) -> bool {
    let Some(body) = bracketed(rest, 40) else {
        return false;
    };
    let Some(label) = ID_LABELS_IN_BRACKETS.iter().find(|l| {
        body.get(..l.len()).is_some_and(|h| h.eq_ignore_ascii_case(l))
            && body[l.len()..].chars().next().is_some_and(|c| !c.is_alphanumeric())
    }) else {
        return false;
    };
    let value = body[label.len()..].trim_start_matches([' ', ':', '.', '-', '#']);
    let value = value.strip_prefix("no").or_else(|| value.strip_prefix("No")).unwrap_or(value);
    let value = value.trim_start_matches([' ', ':', '.', '-', '#']);
    value.bytes().filter(u8::is_ascii_alphanumeric).count() >= 4
        && value.bytes().any(|b| b.is_ascii_digit())
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'-' | b'+' | b'*'))
}

/// Who a person is to the record, written in brackets after their name (`Suhani Mahal (wife),
/// Barkha Saxena (son)`, `Ravi Nagar (owner)`): only a person is so described.
const KIN_IN_BRACKETS: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "father",
    "mother",
    "brother",
    "sister",
    "widow",
    "widower",
    "spouse",
    "grandson",
    "granddaughter",
    "son-in-law",
    "daughter-in-law",
    "father-in-law",
    "mother-in-law",
    "self",
    "nominee",
    "guardian",
    "minor",
    "heir",
    "legal heir",
    "deceased",
    "owner",
    "co-owner",
    "tenant",
    "occupier",
    "applicant",
    "complainant",
    "witness",
];

/// Whether `rest` (the text after a name) opens with a word of [`KIN_IN_BRACKETS`] in brackets.
fn kin_in_brackets(rest: &str) -> bool {
    bracketed(rest, 24)
        .is_some_and(|body| KIN_IN_BRACKETS.iter().any(|k| k.eq_ignore_ascii_case(body.trim_matches(' '))))
}

/// What `rest` (the text after a name) holds in brackets right at its start, when they close
/// within `within` bytes (24 fit a phone number and its separators, or a word of
/// [`KIN_IN_BRACKETS`] and spaces); no scan to a far bracket, so a long cell with many runs
/// stays linear.
fn bracketed(rest: &str, within: usize) -> Option<&str> {
    let inner = rest.trim_start_matches(' ').strip_prefix('(')?;
    let close = inner.bytes().take(within).position(|b| b == b')')?;
    Some(&inner[..close])
}

/// Adds `span` to `out` unless it overlaps a span there. `out` is kept sorted by start, its
/// spans never overlapping, so only the spans on either side of its place can overlap it: a
/// binary search instead of a pass over every span (a cell of a megabyte holds tens of
/// thousands). Spans come mostly in order, so the insertion is mostly at the end.
fn push(out: &mut Vec<LexSpan>, span: LexSpan) {
    if span.start >= span.end {
        return;
    }
    let at = out.partition_point(|o| o.start < span.start);
    let clear_before = at == 0 || out[at - 1].end <= span.start;
    let clear_after = out.get(at).is_none_or(|o| o.start >= span.end);
    if clear_before && clear_after {
        out.insert(at, span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `push` keeps what checking every span kept, sorted.
        #[test]
        fn pushing_spans_keeps_what_a_pass_over_all_keeps(
            spans in proptest::collection::vec((0usize..80, 1usize..15), 0..60),
        ) {
            let (mut fast, mut all) = (Vec::new(), Vec::new());
            for (start, len) in spans {
                let span = LexSpan { start, end: start + len, address: false, score: 0.7 };
                push(&mut fast, span);
                if all.iter().all(|o: &LexSpan| span.end <= o.start || span.start >= o.end) {
                    all.push(span);
                }
            }
            all.sort_by_key(|s| s.start);
            proptest::prop_assert_eq!(fast, all);
        }
    }

    proptest::proptest! {
        /// Text read byte by byte gives the tokens that decoding it gives: ASCII, Indic words
        /// and marks, apostrophes, other scripts.
        #[test]
        fn byte_tokens_are_the_decoded_tokens(
            s in "(Ram|Kumar|Sharma|son|of|the|D'Souza|O'Brien|[A-Za-z]{1,6}|[0-9]{1,4}|[ ,.'*/-]|रमेश|शर्मा|डी’सोउज़ा|ने|[\u{0900}-\u{097F}\u{0980}-\u{0DFF}]{1,4}|\u{200D}|\u{2019}|।|é|Ü|ß|€|\u{1F600}|[०-९]{1,3}){0,20}"
        ) {
            static LEX: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::builtin);
            let low = s.to_ascii_lowercase();
            let seen = |toks: Vec<Tok>| -> Vec<(usize, usize, Kind, Lists)> {
                toks.iter().map(|t| (t.start, t.end, t.kind, t.lists)).collect()
            };
            let (mut fast, mut decoded) = (Vec::new(), Vec::new());
            tokenize(&s, &low, &LEX, &mut fast);
            tokenize_chars(&s, &low, &LEX, s.char_indices(), &mut decoded);
            let (fast, decoded) = (seen(fast), seen(decoded));
            proptest::prop_assert_eq!(fast, decoded);
        }
    }

    /// A text longer than a window is read in windows: what they find is what reading it
    /// whole finds (sentences of names, relations and addresses, cut at every offset).
    #[test]
    fn a_long_text_read_in_windows_finds_what_reading_it_whole_finds() {
        let f = NameFinder::new(Lexicon::builtin());
        let sentences = [
            "Complaint by Ramesh Kumar S/o Suresh Kumar, H.No. 12-4, Gandhi Nagar, Jaipur 302001. ",
            "water supply irregular since last week, meter checked ",
            "मालिक रमेश शर्मा ने शिकायत की है ",
            "Smt. Lakshmi Devi W/o Late Shri Mohan Lal visited the office on 12/03/2021; ",
            "paid through cheque, receipt pending ",
            "Owner D'Souza Anthony requested transfer to his son Francis. ",
        ];
        let mut text = String::new();
        let mut k = 0;
        while text.len() < 3 * WINDOW + 5000 {
            text.push_str(sentences[k % sentences.len()]);
            // (Shifts where the windows fall against the sentences.)
            text.push_str(&" ".repeat(k % 7));
            k += 1;
        }
        let mut whole = Vec::new();
        with_tokens(&text, &f.lex, |toks| f.find_in(&text, toks, &mut whole));
        assert!(whole.len() > 1000, "{}", whole.len());
        let mut windowed = Vec::new();
        f.find(&text, &mut windowed);
        assert_eq!(windowed, whole);
        // Small windows, cut at some 2,000 places.
        for window in [97, 160, 211] {
            f.find_in_windows(&text, window, WINDOW_OVERLAP, &mut windowed);
            assert_eq!(windowed, whole, "window {window}");
        }
        // No whitespace at all: windows cut inside words and characters, and still end.
        let blob = "रमेश,Shri.Ramesh.Sharma;".repeat(WINDOW / 8);
        let mut spans = Vec::new();
        f.find(&blob, &mut spans);
        assert!(!spans.is_empty());
        assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
    }

    /// A health centre is named by its place (`PHC Anand`, primary health centre; `CHC`,
    /// `UPHC`, `SDH`, `HWC`): the town after it is no person, whoever is named beside it is.
    #[test]
    fn health_centres_named_by_their_place_are_no_people() {
        assert_no_names(&[
            "born at PHC Anand",
            "PHC Anand",
            "referred to CHC Sonarpur",
            "SDH Anand",
            "UPHC Kiran Nagar",
        ]);
        assert_eq!(names("Delivered by Dr. Meena Sharma at PHC Anand"), vec!["Meena Sharma"]);
    }

    #[test]
    fn a_surname_that_is_a_place_word_is_a_name_where_only_a_person_stands() {
        assert_eq!(
            names("Succession after death of Jagat Nagar; legal heir Ravi Kumar"),
            vec!["Jagat Nagar", "Ravi Kumar"]
        );
        assert_eq!(names("legal heir Anvi Nagar, daughter"), vec!["Anvi Nagar"]);
        assert_eq!(names("Gift deed in favour of Kavya Nagar"), vec!["Kavya Nagar"]);
        assert_no_names(&["Camp held at Ashok Nagar", "in favour of Nagar Nigam", "death of cattle in Ram Nagar"]);
    }

    #[test]
    fn welfare_schemes_are_no_people() {
        // A pension register's life-certificate column (`Jeevan Pramaan`) and scheme columns
        // of beneficiary lists: capitalised words in no name list, but scheme words.
        assert_no_names(&[
            "Jeevan Pramaan",
            "Life certificate via Jeevan Pramaan portal",
            "Sukanya Samriddhi",
            "Beti Bachao Beti Padhao",
            "Ladli Behna",
            "Deendayal Antyodaya",
            "Kanyashree Prakalpa",
            "Rythu Bandhu",
            "Vridha Pension",
        ]);
        assert_eq!(names("Family pension to Sunita Devi, Jeevan Pramaan submitted"), vec!["Sunita Devi"]);
    }

    fn find_with(f: &NameFinder, s: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        f.find(s, &mut out);
        out.iter().map(|x| (s[x.start..x.end].to_string(), x.address)).collect()
    }

    fn find(s: &str) -> Vec<(String, bool)> {
        find_with(&NameFinder::new(Lexicon::builtin()), s)
    }

    fn names_with(f: &NameFinder, s: &str) -> Vec<String> {
        find_with(f, s).into_iter().filter(|(_, a)| !a).map(|(n, _)| n).collect()
    }

    fn names(s: &str) -> Vec<String> {
        names_with(&NameFinder::new(Lexicon::builtin()), s)
    }

    /// Asserts that no name is found in any of `texts`.
    fn assert_no_names(texts: &[&str]) {
        for s in texts {
            assert_eq!(names(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn surnames_that_are_words_in_capitals_and_in_small_letters() {
        // After a given name and a word that puts a person there, a surname that is an English
        // or Hindi word, where the sentence ends or goes on in English.
        assert_eq!(names("TENANT FRADO TAILOR VACATED THE PREMISES ON 01/04/2022"), vec!["FRADO TAILOR"]);
        assert_eq!(names("SEWER BLOCKED NEAR BUS STAND; COMPLAINANT AMAIRA CHAR"), vec!["AMAIRA CHAR"]);
        assert_eq!(names("TENANT TRIYA KAR VACATED THE PREMISES"), vec!["TRIYA KAR"]);
        assert_eq!(names("COMPLAINT FROM WARDA TANK REGARDING WATER LEAKAGE"), vec!["WARDA TANK"]);
        assert_eq!(names("NOTICE SERVED TO IJAYA MASTER AT WARD OFFICE"), vec!["IJAYA MASTER"]);
        assert_eq!(names("TRANSFERRED FROM VIRAJ DOCTOR TO VIDYA DAS"), vec!["VIRAJ DOCTOR", "VIDYA DAS"]);
        assert_eq!(names("APPLICANT: DEVI TAILOR"), vec!["DEVI TAILOR"]);
        assert_eq!(names("TENANT IRFAN DIN VACATED"), vec!["IRFAN DIN"]);
        assert_eq!(
            names("PROPERTY SOLD BY TARA CHAND TO DAKSH TAK THROUGH REGISTERED SALE DEED"),
            vec!["TARA CHAND", "DAKSH TAK"]
        );
        // `alias` and `urf` (Hindi, "alias") put a name after them.
        assert_eq!(names("CONNECTION IN NAME OF JAGRATI WAGLE ALIAS JAGAT"), vec!["JAGRATI WAGLE", "JAGAT"]);
        assert_eq!(names("Ramesh Kumar urf Pappu"), vec!["Ramesh Kumar", "Pappu"]);
        assert_eq!(names("TENANT KAVYA MASTER VACATED THE PREMISES"), vec!["KAVYA MASTER"]);
        // A given name of the dictionary and such a surname ending a clause.
        assert_eq!(names("DOG MENACE IN OUR LANE. - TEJAS BAIL, WARD 5"), vec!["TEJAS BAIL"]);
        assert_eq!(names("STREET LIGHT NOT WORKING. REGARDS, JANAKI BAIL (9876543210)"), vec!["JANAKI BAIL"]);
        assert_eq!(names("BIRTH CERTIFICATE NOT RECEIVED. PARENT: HITESH DATE, WARD 5"), vec!["HITESH DATE"]);
        assert_no_names(&["PAYMENT DATE, 12/03/2021", "WATER TANK.", "STATION MASTER, RAILWAYS"]);
        // The same in small letters.
        assert_eq!(names("tenant fatima tailor vacated the premises"), vec!["fatima tailor"]);
        assert_eq!(names("tenant ojasvi kale vacated the premises"), vec!["ojasvi kale"]);
        assert_eq!(names("applicant: kavya lad, address: ward 5"), vec!["kavya lad"]);
        assert_eq!(names("complaint from bhavna mall regarding water leakage"), vec!["bhavna mall"]);
        assert_eq!(names("new tenant chaitaly loyal mob 9876543210"), vec!["chaitaly loyal"]);
        assert_eq!(names("owner sunil date of birth corrected"), vec!["sunil"]);
        // Not a word of the sentence after the name.
        assert_eq!(names("RECEIVED FROM RAMESH DATE: 01/04/2022"), vec!["RAMESH"]);
        assert_eq!(names("OWNER SUNIL DATE OF BIRTH CORRECTED"), vec!["SUNIL"]);
        assert_eq!(names("PAID BY RAVI DATE 12/03/2021"), vec!["RAVI"]);
        assert_eq!(names("TANK CLEANED BY RAVI; WATER TANK OK"), vec!["RAVI"]);
        assert_eq!(names("COMPLAINT FROM RAVI TANK NO 5 LEAKING"), vec!["RAVI"]);
        assert_no_names(&["DATE OF PAYMENT", "WATER TANK LEAKING", "MASTER PLAN ROAD", "CONTRACTOR PAID"]);
    }

    #[test]
    fn who_a_person_is_in_brackets_english_given_names_and_titles() {
        // A relation or a role in brackets after a name: only a person is so described, so a
        // place word ending it is the surname, an English word heading it the given name.
        assert_eq!(
            names("Legal heir certificate: Suhani Mahal (wife), Barkha Saxena (son)"),
            vec!["Suhani Mahal", "Barkha Saxena"]
        );
        assert_eq!(names("Nominee Eta Madan ( daughter ) added"), vec!["Eta Madan"]);
        assert_eq!(names("Tenant: Anjali Nagar (Owner)"), vec!["Anjali Nagar"]);
        assert_eq!(names("Heir Riya Mahal ( daughter-in-law ) signed"), vec!["Riya Mahal"]);
        assert_no_names(&["Laxmi Nagar (ward 12) road repaired", "Rang Mahal (booking) closed"]);
        // So is a person whose number or document follows in brackets, its label first: a
        // surname that is an English word (Tailor, Master, Tank) is the name's; in Devanagari a
        // given name that is a common word (Saral, simple; Rishi, sage) too.
        assert_eq!(names("Anita Tailor (Aadhaar: 385975028734)"), vec!["Anita Tailor"]);
        assert_eq!(names("Bishakha Master (Aadhaar No. 7325 9340 0854) applied"), vec!["Bishakha Master"]);
        assert_eq!(names("Paid by Sarthak Tank (Mob. 98765 43210)"), vec!["Sarthak Tank"]);
        assert_eq!(names("सरल मित्रा (Aadhaar: 625721284416)"), vec!["सरल मित्रा"]);
        assert_eq!(names("ऋषि सैनी (PAN ABCPS1234F)"), vec!["ऋषि सैनी"]);
        // After `PAN of`, `Aadhaar of`, `Mobile of` names that are common words too (Uttam,
        // best; Sarkar, government).
        assert_eq!(names("PAN of उत्तम सरकार: AVYTB2196U"), vec!["उत्तम सरकार"]);
        assert_eq!(names("Mobile of किरण सरकार changed"), vec!["किरण सरकार"]);
        // Before `'s mobile`, joined by `and` to another name, after `Neighbour`.
        assert_eq!(names("আনিস মৃধা's mobile no. is 8942463009"), vec!["আনিস মৃধা"]);
        assert_eq!(names("মিলন মিঞা and মিনা ব্যানার্জি joint owners"), vec!["মিলন মিঞা", "মিনা ব্যানার্জি"]);
        assert_eq!(names("ஸ்டீபன் and எழிலழகி joint owners"), vec!["ஸ்டீபன்", "எழிலழகி"]);
        assert_eq!(names("Door locked. Neighbour আতাহার উদ্দিন informed"), vec!["আতাহার উদ্দিন"]);
        assert_eq!(names("Door locked. Neighbour ரீட்டா informed"), vec!["ரீட்டா"]);
        assert_no_names(&[
            "पानी and बिजली supply stopped",
            "Neighbour complained about noise",
            "कोलकाता's water supply",
        ]);
        // After a phone number and a slash, as registers glue a person's fields.
        assert_eq!(names("Mob:3684036578 / মোস্তাফিজ জামান"), vec!["মোস্তাফিজ জামান"]);
        assert_eq!(names("Mob:4513078715 / பஞ்சாமிர்தம்"), vec!["பஞ்சாமிர்தம்"]);
        assert_no_names(&["Mob:4513078715 / पानी बिल", "Receipt 4513078715 / 2023-24"]);
        assert_eq!(names("PAN of Uttam Sarkar: AVYTB2196U"), vec!["Uttam Sarkar"]);
        assert_no_names(&[
            "Water Tank (Mob. 98765 43210) repaired",
            "Gandhi Road (Tel 0522-2345678) closed",
            "Notice (PAN pending) issued",
        ]);
        // An English word that is a given name, before a surname that is no English word.
        assert_eq!(names("Grievance forwarded by ward councillor Max Mital"), vec!["Max Mital"]);
        assert_eq!(names("Happy Sandhu paid the arrears"), vec!["Happy Sandhu"]);
        assert_no_names(&["Order of the Consumer Forum received", "Hydraulic Jack issued to the pump house"]);
        // Titles are no part of a name.
        assert_eq!(names("Hearing attended by Adv. Prisha Subramaniam"), vec!["Prisha Subramaniam"]);
        assert_eq!(names("Capt. Rohan Mehra (Retd) applied"), vec!["Rohan Mehra"]);
        // A title only a person takes: a place word after a given name is the surname.
        assert_eq!(names("Paid by Smt. Yamini Nagar"), vec!["Yamini Nagar"]);
        assert_eq!(names("Notice served on Kumari Anjali Mahal"), vec!["Anjali Mahal"]);
        assert_no_names(&["Camp held at Shri Ram Nagar", "Shifted to Sri Krishna Nagar colony"]);
        assert_no_names(&["Adv. Tax deducted at source", "Advt. Board removed"]);
    }

    #[test]
    fn a_role_word_after_a_full_stop_starts_a_sentence() {
        assert_eq!(names("Verified by JE. Consumer Gavin Nagar signed"), vec!["Gavin Nagar"]);
        assert_eq!(names("Checked by AE. Owner Aarna Mahal absent"), vec!["Aarna Mahal"]);
    }

    #[test]
    fn indic_names_after_english_phrases_that_put_a_person_after_them() {
        assert_eq!(names("NOC to தமயந்தி, pipeline burst near the temple"), vec!["தமயந்தி"]);
        assert_eq!(names("As per ரமணி நந்தா, street light not working"), vec!["ரமணி நந்தா"]);
        assert_eq!(names("Inspection done in presence of ஹெலன் அக்ரூர்"), vec!["ஹெலன் அக்ரூர்"]);
        assert_eq!(names("Heirs: उमा शर्मा, सुनीता"), vec!["उमा शर्मा", "सुनीता"]);
        // Not a town, nor common Hindi words.
        assert_no_names(&["NOC to चेन्नई office", "As per नियम, bill revised"]);
        // A word of the sentence after the comma is no second person (complaint).
        assert_eq!(names("Owner: ప్రవీణ్ బాబు, ఫిర్యాదు"), vec!["ప్రవీణ్ బాబు"]);
        assert_eq!(names("Owner: ലക്ഷിത് സുലേ, പരാതി"), vec!["ലക്ഷിത് സുലേ"]);
    }

    #[test]
    fn people_listed_with_commas_after_a_marker() {
        assert_eq!(names("Heirs: Ravi Kumar, Om Bail"), vec!["Ravi Kumar", "Om Bail"]);
        assert_eq!(
            names("Heirs: Ravi Kumar, Suhani Date, Smt. Anita Rao and Hamsini Kara"),
            vec!["Ravi Kumar", "Suhani Date", "Anita Rao", "Hamsini Kara"]
        );
        // A locality or an office after the name is no second person.
        assert_eq!(names("Owner Ravi Kumar, Krishna Colony"), vec!["Ravi Kumar"]);
        assert_eq!(names("Tenant Asha Rao, Lakshmi Nagar, Pune"), vec!["Asha Rao"]);
        assert_eq!(names("Applicant Ravi Kumar, Ward Officer informed"), vec!["Ravi Kumar"]);
    }

    #[test]
    fn surnames_with_a_joined_particle() {
        assert_eq!(names("Ph: 9876543210 (owner Sunil DSouza)"), vec!["Sunil DSouza"]);
        assert_eq!(names("PAN submitted by Rekha DCosta"), vec!["Rekha DCosta"]);
        assert_eq!(names("Spoke to Rekha DMello on phone"), vec!["Rekha DMello"]);
        assert_eq!(names("Applicant Mary MacLeod requested"), vec!["Mary MacLeod"]);
        assert_eq!(names("Applicant Mary DeSilva requested"), vec!["Mary DeSilva"]);
        assert_eq!(names("Sunil DSouza s/o Joseph McDonald appeared"), vec!["Sunil DSouza", "Joseph McDonald"]);
        // Brand and product names are no such surname.
        assert_no_names(&["Paid via GPay today", "Video uploaded on YouTube", "Reading by DGPS survey"]);
    }

    #[test]
    fn initials_with_an_unknown_surname_and_elided_surnames() {
        assert_eq!(names("Complaint by P. Venkateswarlu regarding water supply"), vec!["P. Venkateswarlu"]);
        assert_eq!(names("Tenant Mr. D'Souza vacated premises"), vec!["D'Souza"]);
        assert_eq!(names("Mrs. D\u{2019}Costa paid"), vec!["D\u{2019}Costa"]);
        // An initial before an English word, a city or a form letter is no name; an apostrophe
        // after a longer word is a possessive.
        assert_no_names(&[
            "Schedule A. Property tax",
            "Block C. Sitapur road",
            "Form B. Annexure attached",
            "owner's copy",
        ]);
        assert_eq!(names("Ramesh's house repaired"), vec!["Ramesh"]);
        // Initials without dots, and short forms of Muhammad, are part of the name.
        assert_eq!(names("Rk Kanwar visited office, documents verified"), vec!["Rk Kanwar"]);
        assert_eq!(names("Complaint by Bhavesh Dk regarding water leakage"), vec!["Bhavesh Dk"]);
        assert_eq!(names("informed Mohd Arif on phone"), vec!["Mohd Arif"]);
        assert_eq!(names("Owner Md Ghulam not available"), vec!["Md Ghulam"]);
        // Short words are no initials.
        assert_no_names(&[
            "Paid Rs Nine hundred",
            "Sent to AE Water Works",
            "Forwarded to JE Office",
            "Ok Tested meter",
        ]);
    }

    #[test]
    fn names_of_every_region() {
        // Kerala, Bengal, Assam, Andhra and Kashmir names that were in no list before
        // 2026-12-04 (`recd from Sarbani` and `Name corrected from Sreeja` leaked).
        assert_eq!(names("recd from Sarbani"), vec!["Sarbani"]);
        assert_eq!(names("Name corrected from Sreeja to Smitha Nair"), vec!["Sreeja", "Smitha Nair"]);
        assert_eq!(names("Spoke to Nilutpal Konwar and Mounika Tummala"), vec!["Nilutpal Konwar", "Mounika Tummala"]);
        assert_eq!(names("Dileep and Prasanth Wani visited"), vec!["Dileep", "Prasanth Wani"]);
        // The words left out of the surname list stay words.
        assert_no_names(&["rather late, the lone meter reader came"]);
    }

    #[test]
    fn a_listed_word_in_text_of_no_listed_language_is_no_name() {
        // Placeholder Latin (`modi` is a surname): a capital at the head of the sentence or a
        // listed word in lower case says nothing where the words around are in no list.
        assert!(names("Modi commodi eius hic nobis quaerat aliquam").is_empty());
        assert!(names("Eius modi tempora incidunt ut labore et dolore magnam").is_empty());
        // English and Hinglish sentences are in the lists: their names are still found.
        assert_eq!(names("spoke to sunita devi regarding pending dues"), vec!["sunita devi"]);
        assert_eq!(names("Ramesh ne bataya ki paani nahi aa raha hai"), vec!["Ramesh"]);
    }

    #[test]
    fn an_initial_and_a_surname_that_is_a_word_where_a_person_stands() {
        // Surnames that are English or institution words (Parsi, Gujarati, Bengali) after an
        // initial, where the sentence puts a person.
        assert_eq!(names("Complaint by A. Master about low pressure"), vec!["A. Master"]);
        assert_eq!(names("Complaint by K. Mitra about leakage"), vec!["K. Mitra"]);
        assert_eq!(names("Bill handed over to V. Tailor today"), vec!["V. Tailor"]);
        assert_eq!(names("Complaint by R. K. Merchant about leakage"), vec!["R. K. Merchant"]);
        // Not a place, a block or a degree, nor after a word that puts no person.
        assert!(names("Shifted to Z. Nagar").is_empty());
        assert!(names("Attached copy of B. Tech certificate").is_empty());
        assert!(names("Attached copy of B. Sc marksheet").is_empty());
        assert!(names("Annexure A. Master plan attached").is_empty());
        assert!(names("Complaint about A. Block supply").is_empty());
        // After an officer's designation in capitals.
        assert_eq!(names("Inspected by JE H. Tailor, found leakage"), vec!["H. Tailor"]);
        // A given name and such a surname in capitals in a sentence in small letters; `Master`
        // after a given name is the surname, not the boy's title.
        assert_eq!(names("Duplicate bill issued to NIKITA MASTER on request."), vec!["NIKITA MASTER"]);
        assert_eq!(names("Application rejected as MANYA TAILOR failed to produce documents"), vec!["MANYA TAILOR"]);
        assert_eq!(names("Duplicate bill issued to Nikita Master on request."), vec!["Nikita Master"]);
        assert_eq!(names("Fee waived for Master Rohan Verma"), vec!["Rohan Verma"]);
        assert_eq!(names("Bill issued to NIKITA MASTER."), vec!["NIKITA MASTER"]);
        // Not before more words in capitals, nor in text all in capitals, where a capital says
        // nothing.
        assert_eq!(names("Bill issued to NIKITA MASTER COPY on request"), vec!["NIKITA"]);
        // (In text all in capitals the surnames that are words of the Parsi trades, Marathi
        // `Date`, Gujarati `Tank` are, before a word that goes on with the sentence.)
        assert_eq!(names("BILL ISSUED TO NIKITA MASTER ON REQUEST"), vec!["NIKITA MASTER"]);
        // A role word puts a person after it (`occupier`, `proprietor`, `landlord`).
        assert_eq!(names("Notice served on occupier Rose Sharma."), vec!["Rose Sharma"]);
        assert_eq!(names("Notice served on occupier NIRJA TANK."), vec!["NIRJA TANK"]);
        assert_eq!(names("Shop proprietor Vinod Kamble absent"), vec!["Vinod Kamble"]);
        assert_eq!(names("Site visit by AE K. Mitra"), vec!["K. Mitra"]);
    }

    #[test]
    fn names_before_in_the_name_of_and_complaints_in_every_script() {
        // "In the name of" after the person, one word or a genitive and "name".
        assert_eq!(names("குடிநீர் இணைப்பு லட்சுமி ராஜா பெயரில் மாற்றப்பட்டது"), vec!["லட்சுமி ராஜா"]);
        assert_eq!(names("ଜଳ ସଂଯୋଗ ପ୍ରଶାନ୍ତ ପଣ୍ଡା ନାମରେ"), vec!["ପ୍ରଶାନ୍ତ ପଣ୍ଡା"]);
        assert_eq!(names("জলের সংযোগ সুব্রত দাস এর নামে"), vec!["সুব্রত দাস"]);
        assert_eq!(names("ਜਾਇਦਾਦ ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਦੇ ਨਾਮ"), vec!["ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"]);
        assert!(names("ଜଳ ସଂଯୋଗ ନାମରେ").is_empty());
        // The property before its owner is no part of the name.
        assert_eq!(names("मालमत्ता स्वाती देशमुख यांच्या नावे हस्तांतरित"), vec!["स्वाती देशमुख"]);
        assert_eq!(names("संपत्ति सीमा त्रिपाठी के नाम हस्तांतरित"), vec!["सीमा त्रिपाठी"]);
        assert_eq!(names("விண்ணப்பதாரர் ஏழிசைச்செல்வம் மனு").last().map(String::as_str), Some("ஏழிசைச்செல்வம்"));
        // Complaints in Bengali, Odia and Gujarati; names that are common words too.
        assert_eq!(names("মুনতাসির হুরাইরা অভিযোগ করেছেন"), vec!["মুনতাসির হুরাইরা"]);
        assert_eq!(names("ଭାସ୍ୱତୀ ହୁସେନ ଅଭିଯୋଗ କରିଛନ୍ତି"), vec!["ଭାସ୍ୱତୀ ହୁସେନ"]);
        assert_eq!(names("ઉર્વી કુમાર એ ફરિયાદ કરી"), vec!["ઉર્વી કુમાર"]);
        assert!(names("குடிநீர் புகார் அளித்தார்").is_empty());
        // Indic names in English text after "spoke to"; a cell that is a name and nothing else.
        assert_eq!(names("Spoke to মুনতাসির মন্ডল about arrears"), vec!["মুনতাসির মন্ডল"]);
        assert_eq!(names("রুদ্র সরকার"), vec!["রুদ্র সরকার"]);
        assert_eq!(names("கண்ணன்"), vec!["கண்ணன்"]);
        assert_eq!(names("আবেদনকারী মিম মৃধা এর আবেদন"), vec!["মিম মৃধা"]);
        assert_eq!(names("अपर्णा जगताप"), vec!["अपर्णा जगताप"]);
        assert!(names("నీటి సరఫరా").is_empty());
        assert!(names("भुगतान लंबित").is_empty());
        assert!(names("মালিক উপস্থিত নেই").is_empty());
        assert!(names("জল সরবরাহ বন্ধ").is_empty());
    }

    #[test]
    fn upper_case_sentences() {
        // Goan and Mangalorean Catholic names (in no list before 2026-12-04).
        assert_eq!(names("RECEIVED FROM MARIA RODRIGUES TODAY"), vec!["MARIA RODRIGUES"]);
        assert_eq!(names("SURESH YADAV KE NAAM SE MUTATION"), vec!["SURESH YADAV"]);
        assert_eq!(names("LATE SHRI MOHAN LAL KI PATNI KE NAAM"), vec!["MOHAN LAL"]);
        assert_eq!(names("DIYA SHARMA NE SHIKAYAT KI"), vec!["DIYA SHARMA"]);
        assert_eq!(names("OWNER DIYA SHARMA NOT AVAILABLE"), vec!["DIYA SHARMA"]);
        assert_eq!(names("SMT DIYA W/O RAMESH"), vec!["DIYA", "RAMESH"]);
        assert_no_names(&["KIRAYEDAR NE KIRAYA NAHI DIYA", "OWNER BAHAR GAYA HAI", "SAFAI KARMACHARI NAHI AAYA"]);
        assert_eq!(names("BAKAYA RASHI JAMA NAHI KI, SHIVAM TIWARI KO NOTICE DIYA"), vec!["SHIVAM TIWARI"]);
        assert_eq!(names("ASSESSEE SUNITA BHARGAVI, WARD 5"), vec!["SUNITA BHARGAVI"]);
        assert_eq!(names("MAHESH BHAI PATEL KA GHAR BAND HAI"), vec!["MAHESH BHAI PATEL"]);
        // In mixed text a word in capitals is a name written in capitals.
        assert_eq!(names("Owner RAVI SMART not available"), vec!["RAVI SMART"]);
        assert_eq!(names("Transferred to JAWED ADAK after sale deed"), vec!["JAWED ADAK"]);
        // In mixed text, a name in capitals after a person word keeps an English-word surname.
        assert_eq!(names("Inspected by BANJEET BATH, meter found faulty"), vec!["BANJEET BATH"]);
        assert_eq!(names("Spoke to HARRISON DIN about pending dues"), vec!["HARRISON DIN"]);
        for text in ["Forwarded to AE WATER WORKS", "Sent to NAGAR NIGAM office", "Received from SBI BANK"] {
            assert_eq!(names(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(names("mahesh bhai patel ka ghar band hai"), vec!["mahesh bhai patel"]);
        assert_eq!(names("mahesh bhai ko phone kiya"), vec!["mahesh"]);
        assert_eq!(names("RAMESH SE BAAT HUI, KAL AAYENGE"), vec!["RAMESH"]);
        for (text, name) in [
            ("RAMESH NE SHIKAYAT KI", "RAMESH"),
            ("KAVITA KO NOTICE DIYA", "KAVITA"),
            ("SURESH SE PAISE LIYE", "SURESH"),
            ("SELVAM COMPLAINED ABOUT LOW PRESSURE", "SELVAM"),
            ("METER READER VIJAY ABSENT", "VIJAY"),
        ] {
            assert_eq!(names(text), vec![name], "{text}");
        }
        assert_eq!(names("RECEIVED FROM KIRAN ON 12/03"), vec!["KIRAN"]);
        for text in [
            "DELHI SE AAYA",
            "PAANI KO ROKA",
            "SHIKAYAT KI GAYI",
            "SENT TO NAGAR NIGAM",
            "PAID IN FULL",
            "ASHA WORKER VISITED",
            "WATER SUPPLY TO LAXMI NAGAR RESTORED",
        ] {
            assert_eq!(names(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(names("sunita ka kiraya baaki hai, kirayedar gaon gaya"), vec!["sunita"]);
        // Malik: "owner" in Hindi remarks, and a surname after a name or an initial.
        assert_eq!(names("CALL VINOD MALIK ON PHONE"), vec!["VINOD MALIK"]);
        assert_eq!(names("Complaint by V. Malik regarding water"), vec!["V. Malik"]);
        assert_eq!(names("makan malik ne shikayat ki"), Vec::<String>::new());
        assert_eq!(names("baat hui, pooja didi ne paise diye"), vec!["pooja"]);
        assert_eq!(names("bhai ko phone kiya, pani sir ko bola"), Vec::<String>::new());
        // A capital says nothing in upper-case text: the sentence's words end the name.
        assert_eq!(names("OWNER MANU SANI NOT AVAILABLE DURING VISIT"), vec!["MANU SANI"]);
        assert_eq!(names("MR. SRI NULL PAID ARREARS"), vec!["NULL"]);
        assert_eq!(names("CONSUMER NIHAL MEGHWAL DISPUTES THE BILL"), vec!["NIHAL MEGHWAL"]);
        // An office later in the sentence does not make the name a place.
        assert_eq!(names("DEBASIS KANWAR VISITED OFFICE, DOCUMENTS VERIFIED"), vec!["DEBASIS KANWAR"]);
        assert_eq!(names("INFORMED HEMLATA SK ON PHONE"), vec!["HEMLATA SK"]);
        assert_no_names(&[
            "RAJIV GANDHI HOSPITAL ROAD BLOCKED",
            "OWNER NOT AVAILABLE DURING VISIT",
            "SENT TO NAGAR NIGAM OFFICE",
        ]);
    }

    #[test]
    fn names_after_markers() {
        assert_eq!(names("beneficiary: p. venkatesh"), vec!["p. venkatesh"]);
        assert_no_names(&["owner: s. no. 45"]);
        assert_eq!(names("Paid by Shri Ramesh Kumar today"), vec!["Ramesh Kumar"]);
        assert_eq!(names("Smt. Sunita Devi W/O Late Shri Mohan Lal"), vec!["Sunita Devi", "Mohan Lal"]);
        assert_eq!(names("R. K. Sharma s/o ramesh"), vec!["R. K. Sharma", "ramesh"]);
        assert_eq!(names("Owner: Xyqor Bantuwal requested mutation"), vec!["Xyqor Bantuwal"]);
        assert_eq!(names("आवेदक रमेश कुमार का आवेदन"), vec!["रमेश कुमार"]);
        assert_eq!(names("श्रीमती सुनीता देवी पत्नी श्री मोहन लाल"), vec!["सुनीता देवी", "मोहन लाल"]);
        assert_eq!(names("RAMESH KUMAR paid"), vec!["RAMESH KUMAR"]);
        assert_eq!(names("name changed from Xyqor Bantuwal to Pqrst Lmnwal"), vec!["Xyqor Bantuwal", "Pqrst Lmnwal"]);
        assert_eq!(names("Xyqor ne shikayat ki"), vec!["Xyqor"]);
        assert_eq!(names("Mutation done in favour of Xyqor Bantuwal"), vec!["Xyqor Bantuwal"]);
        assert_eq!(names("Dr. Ambedkar Nagar ward office"), Vec::<String>::new());
        assert_eq!(names("திரு முருகன் செல்வம், ward 3"), vec!["முருகன் செல்வம்"]);
        assert_eq!(names("Ramesh Kumar, Ward 7"), vec!["Ramesh Kumar"]);
        assert_eq!(names("पानी का बिल, अनोखी बंटवाल ने शिकायत की"), vec!["अनोखी बंटवाल"]);
        // Names that are also common words are names before ने and द्वारा; common words that
        // are no name before द्वारा are a trade or an office.
        assert_eq!(names("विजय ने शिकायत की"), vec!["विजय"]);
        assert_eq!(names("जगदीश बिष्ट ने शिकायत दर्ज की"), vec!["जगदीश बिष्ट"]);
        assert_eq!(names("हरीश द्वारा शिकायत"), vec!["हरीश"]);
        assert_no_names(&["लाइन मैन द्वारा ठीक किया गया", "कर्मचारी द्वारा सफाई की गई"]);
    }

    /// Role words in the other scripts mark the name after them; common words right after a
    /// role word are the sentence going on; one unknown title-case word right after a role
    /// word is a person who goes by one name, but not a town after "of"; names written
    /// surname first, joined by `&`/`and`, and at a clause head in the Dravidian and other
    /// scripts without a running-text list.
    #[test]
    fn role_words_in_every_script_and_one_word_names() {
        assert_eq!(names("আবেদনকারী সুব্রত ঘোষ, মোবাইল"), vec!["সুব্রত ঘোষ"]);
        assert_eq!(names("விண்ணப்பதாரர் கார்த்திக் ராஜ் வந்தார்"), vec!["கார்த்திக் ராஜ்"]);
        assert_eq!(names("ಅರ್ಜಿದಾರ ಶಿವಪ್ಪ ಗೌಡ"), vec!["ಶಿವಪ್ಪ ಗೌಡ"]);
        assert_eq!(names("નામ: ભાવેશ પટેલ"), vec!["ભાવેશ પટેલ"]);
        // At a clause head in a script with no common-word list, the leading words that are
        // names in some spelling (short e, final virama: `వెంకటేష్` is `వేంకతేశ్`).
        assert_eq!(names("వెంకటేష్ రెడ్డి ఫిర్యాదు చేశారు"), vec!["వెంకటేష్ రెడ్డి"]);
        assert_eq!(names("രാജേഷ് നായർ പരാതി നൽകി"), vec!["രാജേഷ് നായർ"]);
        assert_eq!(names("ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਨੇ ਸ਼ਿਕਾਇਤ ਕੀਤੀ"), vec!["ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"]);
        assert_no_names(&[
            "నీటి సరఫరా లేదు",
            "ರಸ್ತೆ ದೀಪ ಕೆಟ್ಟಿದೆ",
            "ଜଳ ଯୋଗାଣ ବନ୍ଦ ଅଛି",
            "વરસાદી પાણી ભરાયું છે",
            "నీరు నీటి కార్యాలయం",
            "ಮನೆ ನೀರು ದೂರು ದೀಪ",
        ]);
        assert_no_names(&["मालिक उपस्थित नहीं", "নাম পরিবর্তন করা হয়েছে", "नाम परिवर्तन हेतु आवेदन"]);
        // Words whose key is a name's in another spelling (`बाहर`, outside: `बहार`; `गए`, went:
        // `गया`) end a name, and a Hinglish noun before `ka` is no name.
        assert_no_names(&["मकान मालिक बाहर गए हैं", "Pani ka bill zyada aaya"]);
        assert_eq!(names("मालिक सुनीता शर्मा बाहर गई हैं"), vec!["सुनीता शर्मा"]);
        // The owner not at home, in the scripts with no Hindi stop list: the function words
        // (`function_words_indic.txt`) end a name there too.
        assert_no_names(&["యజమాని ఇంట్లో లేరు", "માલિક ઘરે નથી", "ഉടമ വീട്ടിൽ ഇല്ല", "ମାଲିକ ଘରେ ନାହାଁନ୍ତି"]);
        assert_eq!(names("ഉടമ രാജേഷ് കുമാർ വീട്ടിൽ ഇല്ല"), vec!["രാജേഷ് കുമാർ"]);
        assert_eq!(names("owner Elangovan absent"), vec!["Elangovan"]);
        assert_eq!(names("patient Lalrinmawia admitted"), vec!["Lalrinmawia"]);
        assert_eq!(names("Mobile no changed on request of Bhupen"), vec!["Bhupen"]);
        assert_eq!(names("on behalf of Lalrinmawia, tenant"), vec!["Lalrinmawia"]);
        assert_no_names(&[
            "on request of Kothagudem Municipality",
            "request of Revenue Section",
            "in favour of Pvt Ltd",
        ]);
        assert_eq!(names("Joint owners Elangovan & Thirumalai"), vec!["Elangovan", "Thirumalai"]);
        // One unknown name after a verb whose `by` names a person.
        assert_eq!(names("Complaint lodged by Lalrinpuii, Bethel Veng"), vec!["Lalrinpuii"]);
        assert_eq!(names("Dues paid by Zothanpuia on 12th"), vec!["Zothanpuia"]);
        assert_eq!(names("Complaint by irfan amble regarding leakage"), vec!["irfan amble"]);
        // After a short designation or a verb whose object is a person.
        assert_eq!(names("Site visit by AE Subbarayudu"), vec!["Subbarayudu"]);
        // Revenue officers of the south are designations too, not part of the name (the word
        // after one may be a place: a name is assumed).
        assert_eq!(names("Forwarded to MRO Serilingampally"), vec!["Serilingampally"]);
        assert_eq!(names("Forwarded to XEN Ramesh Kumar"), vec!["Ramesh Kumar"]);
        assert_no_names(&["Gift deed registered at SRO Kukatpally", "Sent to RDO"]);
        // The holder of an office named after its institution is a person.
        assert_eq!(names("Gram Panchayat Sarpanch Ramesh Kumar present"), vec!["Ramesh Kumar"]);
        assert_eq!(names("Anganwadi Sevika Sunita Devi visited"), vec!["Sunita Devi"]);
        assert_eq!(names("Received from Gram Sevak Ramesh Kumar"), vec!["Ramesh Kumar"]);
        assert_eq!(names("Nagar Nigam Commissioner Anil Sharma inspected"), vec!["Anil Sharma"]);
        assert_no_names(&[
            "Received from Gram Sachivalayam Volunteer",
            "received from Gram Rozgar Sevak",
            "Admitted to Rajiv Gandhi Medical College",
        ]);
        assert_eq!(names("Forwarded to JE Thangjam for report"), vec!["Thangjam"]);
        assert_eq!(names("Called Lalrinpuii regarding water bill"), vec!["Lalrinpuii"]);
        assert_eq!(names("asked Thangboi Kipgen to submit documents"), vec!["Thangboi Kipgen"]);
        assert_no_names(&[
            "Forwarded to JE for report",
            "JE Office informed",
            "Called Revenue Section",
            "Informed Ward Member",
            "CALLED OFFICE",
            "Told Commissioner about it",
            "SE Zone meeting",
            "Asked Dumka Office for records",
        ]);
        assert_no_names(&[
            "Complaint lodged by Ranchi Municipal Corporation",
            "paid by Cash at counter",
            "submitted by JE",
            "filed by Revenue Section",
            "signed by Commissioner",
            "paid by NEFT",
            "PAID BY NEFT UTR 1234",
            "Paid by Paytm",
            "Paid by Airtel Money",
            "paid via Gpay to Jal Nigam",
            "paid by Cheque No 123",
            "grievance by Post",
            "objection by Dumka Nagar Parishad",
        ]);
        // Contact a person; a contact person.
        assert_eq!(names("Pension not credited. Contact Vikramaditya at 080-36404596"), vec!["Vikramaditya"]);
        assert_eq!(names("Contact Person Kishore"), vec!["Kishore"]);
        assert_no_names(&["Contact Office for details", "Contact Revenue Section", "Missing person report filed"]);
        // A title that is a given name too, after another title and before no name.
        assert_eq!(names("Spoke to Mrs. Kumari; she will visit"), vec!["Kumari"]);
        assert_eq!(names("Smt. Kumari Sunita Devi visited"), vec!["Sunita Devi"]);
        assert_eq!(names("Applicant Shri R***** S***** present"), Vec::<String>::new());
        assert_eq!(names("Leave sanctioned by Kumari sir"), vec!["Kumari"]);
        let f = NameFinder::new(Lexicon::builtin());
        for cell in ["Tolmin Zurek", "Bhota Nisgal", "K. Renvi", "RAMESH SHARMA"] {
            assert!(f.is_name_shaped_cell(cell), "{cell}");
        }
        for cell in ["Ward Office", "Sadar", "Laxmi Traders", "Shivaji Nagar", "Permanent Staff", "Tolmin 12", "K. L."]
        {
            assert!(!f.is_name_shaped_cell(cell), "{cell}");
        }
        for cell in ["யாழினி", "எழிற்கோ தண்ணிலவு", "ଅଶ୍ୱିନୀ ମଞ୍ଜରୀ ପରିଡ଼ା", "रमेश कुमार"]
        {
            assert!(f.is_name_shaped_cell(cell), "{cell}");
        }
        for cell in ["वार्ड 12", "और", "शिवाजी नगर", "ரமேஷ் Kumar", "स्थायी", "अस्थायी कर्मचारी"]
        {
            assert!(!f.is_name_shaped_cell(cell), "{cell}");
        }
        assert_eq!(names("Leave sanctioned by Kumari Sunita sir"), vec!["Sunita"]);
        assert_eq!(names("Form signed by Shri sir"), Vec::<String>::new());
        // A surname written first, then the given name.
        assert_eq!(names("Transferred to Patnaik, Sreelakshmi"), vec!["Patnaik", "Sreelakshmi"]);
        assert_eq!(names("Transferred to Khawlhring, Mohammed"), vec!["Khawlhring, Mohammed"]);
        // A town alone after a word of transfer is where someone moved, whatever else it is (a
        // given name: Salem, Surat, Guna); a person there still is one.
        for text in ["Transferred from Salem", "transferred from Surat to Guna on promotion", "Transferred to Kota"] {
            assert_eq!(names(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(names("Property transferred from Salem Khan to Ravi Kota"), vec!["Salem Khan", "Ravi Kota"]);
        assert_eq!(names("owner Patnaik, Ward 5"), vec!["Patnaik"]);
        assert_eq!(names("owner Patnaik, Nagpur"), vec!["Patnaik"]);
        assert_eq!(names("owner Ramesh Kumar and Sita Devi present"), vec!["Ramesh Kumar", "Sita Devi"]);
        // What follows `&` or `and` must be a name too.
        assert_eq!(names("owner Ramesh & Sons Traders"), vec!["Ramesh"]);
        assert_eq!(names("owner Ramesh and Revenue Inspector visited"), vec!["Ramesh"]);
        assert_no_names(&[
            "resident of Kothagudem",
            "tenant Vacated",
            "Owner Pvt Ltd",
            "owner Kothagudem Municipality",
            "Pensioner PPO No 123456789012",
        ]);
    }

    #[test]
    fn names_in_no_dictionary_and_indic_dictionary_names() {
        assert_eq!(names("Complaint from Anokhi Bantuwal about leakage"), vec!["Anokhi Bantuwal"]);
        assert_eq!(names("PAID BY ANOKHI BANTUWAL VIDE CHEQUE"), vec!["ANOKHI BANTUWAL"]);
        assert_eq!(names("Xyqor Bantuwal S/O Pqrst Lmnwal resides here"), vec!["Xyqor Bantuwal", "Pqrst Lmnwal"]);
        assert_eq!(names("निशु मोदंवल पुत्र कलवती भंदर्कर के नाम नामांतरण"), vec!["निशु मोदंवल", "कलवती भंदर्कर"]);
        assert_eq!(names("मालिक श्री भट्ट घर पर नहीं मिले"), vec!["भट्ट"]);
        assert_eq!(names("ఫిర్యాదు: శ్రీమతి లక్ష్మీ రెడ్డి గారి ఇంటి ముందు"), vec!["లక్ష్మీ రెడ్డి"]);
        // The respectful word after a name (`avargal`, `garu`, `avaru`) is no surname.
        assert_eq!(names("திரு பார்த்தசாரதி அவர்கள் மனு அளித்தார்"), vec!["பார்த்தசாரதி"]);
        assert_eq!(names("ಶ್ರೀ ಮಂಜುನಾಥ್ ಅವರು ಬಂದರು"), vec!["ಮಂಜುನಾಥ್"]);
        // Honorifics in their other common spellings (Punjabi `ਸ੍ਰੀ` without the nukta).
        assert_eq!(names("ਸ੍ਰੀ ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਜੀ ਨੇ ਅਰਜ਼ੀ ਦਿੱਤੀ"), vec!["ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"]);
        assert_eq!(names("শ্রীমতি সুনন্দা বসু উপস্থিত"), vec!["সুনন্দা বসু"]);
        assert_eq!(names("शिकायतकर्ता अनिल कुमार शर्मा ने बताया"), vec!["अनिल कुमार शर्मा"]);
        assert_eq!(names("रमेश कुमार का मकान"), vec!["रमेश कुमार"]);
        assert_eq!(names("बिल अनोखी शर्मा के नाम"), vec!["अनोखी शर्मा"]);
        assert_eq!(names("মিটার রমেশ বন্দ্যোপাধ্যায় বাড়ি"), vec!["রমেশ বন্দ্যোপাধ্যায়"]);
        assert_eq!(names("குழாய் ரமேஷ் குமார் வீட்டில்"), vec!["ரமேஷ் குமார்"]);
    }

    #[test]
    fn surnames_that_are_also_institution_or_english_words() {
        // Mitra and Nigam are surnames and scheme or office words (`Jal Mitra`, `Nagar Nigam`).
        assert_eq!(names("Spoke to Meera Mitra about pending dues"), vec!["Meera Mitra"]);
        assert_eq!(names("Madhavi Nigam ne shikayat darj ki"), vec!["Madhavi Nigam"]);
        assert_eq!(names("Jal Mitra visited the site"), Vec::<String>::new());
        // An institution word that is a given name too, before a surname (`Ayushman Bharat`
        // is the health scheme: Bharat is no surname).
        assert_eq!(names("Stray dogs near house of Ayushman Khurana since 3 days"), vec!["Ayushman Khurana"]);
        assert_eq!(names("Card made under Ayushman Bharat scheme"), Vec::<String>::new());
        assert_eq!(names("Jal Nigam ne pipeline badli"), Vec::<String>::new());
        assert_eq!(names("Complaint forwarded to Nagar Nigam office"), Vec::<String>::new());
        // Mahal is a surname and a palace: after a given name that is no surname, the surname.
        assert_eq!(names("Complaint by Anjali Mahal regarding leakage"), vec!["Anjali Mahal"]);
        assert_eq!(names("Applicant Devansh Mahal requested name change"), vec!["Devansh Mahal"]);
        // After any given name where only a person stands: a role word, a phone in brackets.
        assert_eq!(names("Complainant Krishna Mahal says streetlight not working"), vec!["Krishna Mahal"]);
        assert_eq!(names("Owner: Samarth Mani | Tenant: Anjali Nagar"), vec!["Samarth Mani", "Anjali Nagar"]);
        assert_eq!(names("Resident Ashok Nagar colony complains of low pressure"), Vec::<String>::new());
        assert_eq!(names("Caller Krishna Mahal says"), vec!["Krishna Mahal"]);
        assert_eq!(names("Krishna Mahal (9876543210) reports water logging"), vec!["Krishna Mahal"]);
        // Nagar, mostly a locality's word, is the surname before a phone number in brackets
        // or a relation marker only.
        assert_eq!(names("Pushti Nagar (9876543210) reports no supply"), vec!["Pushti Nagar"]);
        assert_eq!(names("Laxmi Nagar S/O Ramesh Kumar"), vec!["Laxmi Nagar", "Ramesh Kumar"]);
        // Someone saying who they are: Nagar, Mahal the surname.
        assert_eq!(names("I am Jeremiah Mahal, ph 9183075423"), vec!["Jeremiah Mahal"]);
        assert_eq!(names("I, Jeremiah Nagar, resident of Pune"), vec!["Jeremiah Nagar"]);
        assert_eq!(names("My name is Ravi Nagar and I live in Pune"), vec!["Ravi Nagar"]);
        assert_eq!(names("I am Ravi Kumar Nagar"), vec!["Ravi Kumar Nagar"]);
        assert_eq!(names("Her father's name is Ravi Nagar"), vec!["Ravi Nagar"]);
        assert_no_names(&[
            "I am from Gandhi Nagar",
            "I, the undersigned, live in Gandhi Nagar",
            "Is Gandhi Nagar covered",
            "The colony name is Laxmi Nagar",
        ]);
        // After a marker of kin a person stands, Nagar or Mahal the surname; not after C/O.
        assert_eq!(names("Nirja Mitra s/o Jagvi Nagar, aged 40"), vec!["Nirja Mitra", "Jagvi Nagar"]);
        assert_eq!(names("Kiran Devi W/O Late Karan Mahal"), vec!["Kiran Devi", "Karan Mahal"]);
        assert_eq!(names("D/O Yahvi Nagar"), vec!["Yahvi Nagar"]);
        assert_eq!(names("s/o Ram Nagar"), vec!["Ram Nagar"]);
        assert_eq!(names("C/O Gandhi Nagar Post Office"), Vec::<String>::new());
        // (Gandhi, a surname, is taken with the name: the safer reading.)
        assert_eq!(names("Ravi s/o Suresh Kumar Gandhi Nagar Bhopal"), vec!["Ravi", "Suresh Kumar Gandhi"]);
        assert_eq!(names("Ashok Nagar ka nala band hai"), Vec::<String>::new());
        assert_eq!(names("Pipeline burst in Ashok Nagar (ward 12)"), Vec::<String>::new());
        assert_eq!(names("Adya Mahal (+91 98765 43210) called"), vec!["Adya Mahal"]);
        assert_no_names(&[
            "resident Laxmi Nagar ward office",
            "Laxmi Nagar (2 km) road repaired",
            "Rang Mahal (9876543210) booking",
            "Sheesh Mahal (12345) visited",
        ]);
        assert_no_names(&[
            "Transferred to Sheesh Mahal",
            "Complaint by Rang Mahal regarding leakage",
            "Owner: Rang Mahal",
        ]);
        assert_eq!(names("Mr. Mahal not available, contacted wife"), vec!["Mahal"]);
        assert_no_names(&["Mrs. Colony", "Dr. Hospital visited", "Dr. Ambedkar Nagar"]);
        // Before `ne`, two names that are also English words are a person; after `for` they
        // are the sentence going on.
        assert_eq!(names("Harry More ne shikayat darj ki"), vec!["Harry More"]);
        assert_eq!(names("Paid for Deep Cleaning of the tank"), Vec::<String>::new());
        // After a capitalised English word it is still a name (`Inspector Deep`).
        assert_eq!(names("Site seen by Inspector Deep today"), vec!["Deep"]);
        // `as per`, `informed`: verbs and phrases that take a person.
        assert_eq!(names("As per Savita Gala, the drain is blocked"), vec!["Savita Gala"]);
        // A title-case English word right after a given name, mid-sentence, is the surname
        // (`Date`, `Merchant` and `Contractor` are surnames); not a place, a firm, a word of
        // address, nor a word in a title written in capitals.
        assert_eq!(names("Officer Priya Date was helpful"), vec!["Priya Date"]);
        assert_eq!(names("Please look into it. Regards, Gopal Doctor"), vec!["Gopal Doctor"]);
        assert_eq!(names("Shop let to Anil Merchant last year"), vec!["Anil Merchant"]);
        assert_eq!(names("Met Ravi Sir about the dues"), vec!["Ravi"]);
        assert_eq!(names("Shop let to Anil Traders last year"), Vec::<String>::new());
        assert_eq!(names("Please update Priya Date of birth in the record"), vec!["Priya"]);
        assert_eq!(names("PAID BY RAVI DATE VIDE CHEQUE"), vec!["RAVI"]);
        // A Hindi spelling from the hi_IN list (retroflex ट), and a lone Bengali name that is
        // both a given name and a surname followed by an unknown surname.
        assert_eq!(names("जगदीश पटेल से बात हुई"), vec!["जगदीश पटेल"]);
        assert_eq!(names("आवेदक श्री सेन उपस्थित नहीं"), vec!["सेन"]);
        assert_eq!(names("মিটার রমেশ বন্দ্যোপাধ্যায় বাড়ি"), vec!["রমেশ বন্দ্যোপাধ্যায়"]);
    }

    #[test]
    fn indic_names_heading_a_clause_in_other_spellings() {
        // Spellings in no dictionary whose key is a name's (रमेष: रमेश, पान्डेय: पाण्डेय),
        // with no marker: a name at the head of a clause when no word is a common word.
        assert_eq!(names("रमेष पान्डेय - पानी नहीं आ रहा"), vec!["रमेष पान्डेय"]);
        assert_eq!(names("सुरेष पान्डेय का मकान बंद मिला"), vec!["सुरेष पान्डेय"]);
        assert_eq!(names("बिल जमा। रमेष पान्डेय ने बताया"), vec!["रमेष पान्डेय"]);
        // Telugu has no list of common words: every word must be a name in some spelling.
        assert_eq!(names("రమేష్ ఠాకూర్ - ఫిర్యాదు"), vec!["రమేష్ ఠాకూర్"]);
        assert_no_names(&[
            "मीटर खराब - शिकायत",
            "नीति आयोग की बैठक - सूचना",
            "నీటి సరఫరా లేదు - ఫిర్యాదు",
            "ನೀರು ಬರುತ್ತಿಲ್ಲ - ದೂರು",
            "மீட்டர் பழுது - புகார்",
            "राजीव आवास योजना के अंतर्गत",
            "गांधी चौक - अतिक्रमण",
        ]);
        // Two names before a place word are a person going there.
        assert_eq!(names("श्री रमेश कुमार नगर निगम कार्यालय गए"), vec!["रमेश कुमार"]);
        assert_eq!(names("रमेश कुमार नगर निगम कार्यालय गए"), vec!["रमेश कुमार"]);
    }

    #[test]
    fn the_parties_of_a_transfer_written_in_hindi() {
        // From whom (से) and to whom (को, के नाम) a property's name passed: common words too
        // (`श्रेष्ठ`, best; `पूर्णिमा`, full moon; `राय`, opinion), unless none is a name.
        assert_eq!(names("नामांतरण श्रेष्ठ मंडल से पूर्णिमा राय को"), vec!["श्रेष्ठ मंडल", "पूर्णिमा राय"]);
        assert_eq!(names("मकान रमेश कुमार के नाम पर हस्तांतरित"), vec!["रमेश कुमार"]);
        assert_no_names(&["नामांतरण की प्रक्रिया से संबंधित", "पानी से नुकसान, नामांतरण लंबित", "नामांतरण शुल्क को जमा किया"]);
        // An apostrophe inside a Devanagari word joins it (`डी’सोउज़ा`, D'Souza).
        assert_eq!(names("वसन्त डी’कोस्टा ने शिकायत की है"), vec!["वसन्त डी’कोस्टा"]);
        assert_eq!(names("आभा डी’कोस्टा के नाम पर हस्तांतरित"), vec!["आभा डी’कोस्टा"]);
        assert_eq!(names("Certificate collected by बृजेश डी’कोस्टा on 23.01.2016"), vec!["बृजेश डी’कोस्टा"]);
        // Whose mobile or Aadhaar it is: a person, unless the words are common ones.
        assert_eq!(names("क्षितिज डी’सोउज़ा का मोबाइल 9876543210"), vec!["क्षितिज डी’सोउज़ा"]);
        assert_no_names(&["कार्यालय का फोन खराब", "ठेकेदार का मोबाइल बंद"]);
    }

    #[test]
    fn an_indic_name_set_in_latin_text_is_taken_whole() {
        // `प्रणय` (love) and `कर्ण` (ear) are common words and given names: before a surname,
        // in a sentence of Latin script, they are the name's first word.
        assert_eq!(names("Name added later by प्रणय कुमार"), vec!["प्रणय कुमार"]);
        assert_eq!(names("Certificate collected by कर्ण प्रसाद on 12.03.2024"), vec!["कर्ण प्रसाद"]);
        assert_no_names(&["Ward सदर बाजार", "light दीपक जलाया", "Remark: पानी का बिल जमा", "Symbol कमल"]);
        // Names that are common words too (Shashi, the moon; Sarkar, government; Kamal, lotus;
        // Acharya, teacher) where a person stands: after `by`, or before `paid`.
        assert_eq!(names("Complaint by शशि सरकार regarding leakage"), vec!["शशि सरकार"]);
        assert_eq!(names("कमल आचार्य paid in cash"), vec!["कमल आचार्य"]);
        assert_eq!(names("Transferred to गीता राय"), vec!["गीता राय"]);
        assert_eq!(names("रानी डी’सोउज़ा paid in cash"), vec!["रानी डी’सोउज़ा"]);
        // Not a cash amount (Rashi is a name), an office or a designation.
        assert_no_names(&[
            "Paid by नकद राशि",
            "Sent to जल विभाग for action",
            "Verified by कनिष्ठ अभियंता",
            "Approved by आयुक्त महोदय",
            "पानी कनेक्शन paid",
        ]);
        // Hindi honorifics (honourable, respected) are no part of the name after them.
        assert_eq!(names("Meter changed on request of माननीय सुरेन्द्र मंडल"), vec!["सुरेन्द्र मंडल"]);
        // Names in no list, one word too: Tamil names that are common words (Yazhini; Ezhilko
        // Thannilavu, cool moon), an Odia name.
        assert_eq!(names("Transferred to யாழினி"), vec!["யாழினி"]);
        assert_eq!(names("எழிற்கோ தண்ணிலவு paid the bill"), vec!["எழிற்கோ தண்ணிலவு"]);
        assert_eq!(names("Complaint by ସତ୍ୟପ୍ରିୟ ସାଲୁଜା regarding leakage"), vec!["ସତ୍ୟପ୍ରିୟ ସାଲୁଜା"]);
        assert_no_names(&["Paid by नकद", "Sent to विभाग for action"]);
        assert_eq!(names("Reconnection approved. Consumer ராகினி"), vec!["ராகினி"]);
        assert_eq!(names("As per affidavit of মৃনাল তালুকদার dated 12/03/2021"), vec!["মৃনাল তালুকদার"]);
        assert_eq!(names("Notice served to ஊர்வசி, 12 Gandhi Road"), vec!["ஊர்வசி"]);
        assert_eq!(names("Aadhaar seeded for உதயவானன் இசைத்தமிழன்"), vec!["உதயவானன் இசைத்தமிழன்"]);
        assert_eq!(names("Spoke with ஸுரபி today"), vec!["ஸுரபி"]);
        assert_no_names(&["Sent for जल विभाग approval", "Kept for पानी कनेक्शन", "Request for জল সংযোগ"]);
        // Names that are common words too after `for` (Vasantha, spring; Natrinai, a poem) and
        // Marathi names Faker's `mr_IN` writes (Renuka, Chavan: common words of Hindi text).
        assert_eq!(names("Aadhaar seeded for வசந்தா"), vec!["வசந்தா"]);
        assert_eq!(names("Aadhaar 5905 seeded for நற்றிணை"), vec!["நற்றிணை"]);
        assert_eq!(names("Spoke to रेणुका चव्हाण regarding arrears"), vec!["रेणुका चव्हाण"]);
        assert_eq!(names("Complaint by प्रिया पाटील regarding leakage"), vec!["प्रिया पाटील"]);
        // The person a relation in Latin letters follows, names that are common words too
        // (Rajaguru; Padmanabhan): all of it, not only its dictionary name.
        assert_eq!(names("ராஜகுரு ராதா s/o எகாம்பரம் பத்ரிநாதன்"), vec!["ராஜகுரு ராதா", "எகாம்பரம் பத்ரிநாதன்"]);
        assert_eq!(names("பத்மநாபன் மகிழ்நன் s/o உமையம்மை"), vec!["பத்மநாபன் மகிழ்நன்", "உமையம்மை"]);
        assert_eq!(names("ராஜகுரு ராதா"), vec!["ராஜகுரு ராதா"]);
        // Odia's and Hindi's `shriyukta` (Mr.) is an honorific, no part of the name.
        assert_eq!(names("Applicant ଶ୍ରୀଯୁକ୍ତ କାର୍ତ୍ତିକେଶ୍ୱର ପାଣି submitted documents"), vec!["କାର୍ତ୍ତିକେଶ୍ୱର ପାଣି"]);
        assert_eq!(names("Applicant श्रीयुत रमेश पाटील submitted documents"), vec!["रमेश पाटील"]);
        // A name before a comma and an address in the same script.
        assert_eq!(names("Notice served to ইকবাল প্রামানিক, ফ্ল্যাট ৩৩, অভয়হাট"), vec!["ইকবাল প্রামানিক"]);
    }

    #[test]
    fn firms_named_after_a_deity_a_family_or_a_person() {
        // A shop's name is no person: a deity, a given name or a family name before a firm word.
        assert_no_names(&[
            "Shree Ganesh Tailoring",
            "Shri Ram Sweet Shop",
            "Vala Beauty Parlour",
            "Batta Mobile Repair",
            "Sai Mobiles, Station Road",
            "Laxmi Traders",
            "Verma Traders",
            "Rajiv Gandhi Medical College",
        ]);
        // A given name and a surname before one are its owner, with or without a context word.
        assert_eq!(names("Sunita Verma Traders"), vec!["Sunita Verma"]);
        assert_eq!(names("Owner Sunita Verma Beauty Parlour"), vec!["Sunita Verma"]);
        assert_eq!(names("licence of Owner Ramesh Kumar Gupta General Store renewed"), vec!["Ramesh Kumar Gupta"]);
        assert_eq!(names("M/s Anil Sharma Tailors, Sadar Bazar"), vec!["Anil Sharma"]);
        assert_eq!(names("SUNITA VERMA TRADERS"), vec!["SUNITA VERMA"]);
    }

    #[test]
    fn names_before_the_honorifics_of_other_languages() {
        // Marathi's honorific plural, Tamil `அவர்கள்`, Telugu `గారు`, Kannada `ಅವರು` follow a
        // person and nothing else: the words before them are a name, in a dictionary or not.
        assert_eq!(names("सुनील पाटील यांनी तक्रार केली"), vec!["सुनील पाटील"]);
        assert_eq!(names("मानसी जगताप यांच्याशी संपर्क साधला"), vec!["मानसी जगताप"]);
        assert_eq!(names("முருகன் அவர்களுடன் பேசினோம்"), vec!["முருகன்"]);
        assert_eq!(names("రమేష్ గారు ఫిర్యాదు చేశారు"), vec!["రమేష్"]);
        assert_eq!(names("ಸುರೇಶ್ ಅವರು ದೂರು ನೀಡಿದರು"), vec!["ಸುರೇಶ್"]);
        // `जी` joined to a name (`मिश्राजी`), after another word of the name or alone when it
        // is a name; not after a conjunct (`अर्जी`, application) nor on a word (`पिताजी`).
        assert_eq!(names("गीता मिश्राजी से बात हुई"), vec!["गीता मिश्राजी"]);
        assert_eq!(names("बिल जमा। शर्माजी से बात हुई"), vec!["शर्माजी"]);
        assert_no_names(&["अर्जी दी गई", "अपनी मर्जी से", "पिताजी से बात हुई", "ताजी सब्जी"]);
        // Gujarati words that are names' spellings too (`Sathe`, `Kari`) are words there.
        assert_eq!(names("રમેશ પટેલ સાથે વાત થઈ"), vec!["રમેશ પટેલ"]);
        assert_eq!(names("ગટર અંગે ફરિયાદ કરી"), Vec::<String>::new());
        assert_eq!(names("ਬਲਵਿੰਦਰ ਕੁਮਾਰ ਨਾਲ ਗੱਲ ਹੋਈ"), vec!["ਬਲਵਿੰਦਰ ਕੁਮਾਰ"]);
    }

    #[test]
    fn particles_and_the_ergative_written_joined_to_a_name() {
        // Gujarati `ભાઈ`/`બેન` and the ergative `એ`/`ે`, Hindi and Marathi `ने`, written as one
        // word with the name.
        assert_eq!(names("રમેશભાઈ પટેલે અરજી કરી"), vec!["રમેશભાઈ પટેલે"]);
        assert_eq!(names("હંસાબેને અરજી કરી"), vec!["હંસાબેને"]);
        assert_eq!(names("રમેશભાઈએ ફરિયાદ કરી"), vec!["રમેશભાઈએ"]);
        assert_eq!(names("रमेशने शिकायत की"), vec!["रमेशने"]);
        assert_eq!(names("सुनील पाटीलने अर्ज केला"), vec!["सुनील पाटीलने"]);
        assert_eq!(names("राम प्रसाद गुप्ताने शिकायत की"), vec!["राम प्रसाद गुप्ताने"]);
        assert_eq!(names("कल रमेशने शिकायत की"), vec!["रमेशने"]);
        assert_eq!(names("કિશોરભાઈ ઠક્કર હાજર રહ્યા"), vec!["કિશોરભાઈ ઠક્કર"]);
        // Words that end the same way and are no name: with, for, in front of, he.
        assert_no_names(&["ગામ માટે અરજી કરી", "અમે સાથે આવ્યા", "अपने घर के सामने", "उसने पैसे दिए"]);
        // "Present" is no third word of a name after an honorific.
        assert_eq!(names("શ્રીમતી હંસાબેન શાહ હાજર"), vec!["હંસાબેન શાહ"]);
        assert_eq!(names("ਸ਼੍ਰੀ ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਹਾਜਰ ਸਨ"), vec!["ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"]);
    }

    #[test]
    fn the_subject_of_a_complaint_in_languages_without_a_postposition() {
        assert_eq!(names("பகவதி ஸுபத்திரை புகார் அளித்தார்"), vec!["பகவதி ஸுபத்திரை"]);
        assert_eq!(names("ರಮೇಶ್ ಗೌಡ ದೂರು ನೀಡಿದರು"), vec!["ರಮೇಶ್ ಗೌಡ"]);
        assert_eq!(names("সুব্রত দাস অভিযোগ করেছেন"), vec!["সুব্রত দাস"]);
        // The complaint's noun is no part of the name; a common word is no person.
        assert_eq!(names("குடிநீர் புகார் அளித்தார்"), Vec::<String>::new());
        assert_eq!(names("மின்சார புகார் பதிவு"), Vec::<String>::new());
        // After an honorific the name ends before the noun too.
        assert_eq!(names("ശ്രീ രാജേഷ് കുമാർ പരാതി നൽകി"), vec!["രാജേഷ് കുമാർ"]);
        assert_eq!(names("ശ്രീ രാജേഷ് പരാതി നൽകി"), vec!["രാജേഷ്"]);
        assert_eq!(names("திரு முருகன் புகார் அளித்தார்"), vec!["முருகன்"]);
        assert_eq!(names("శ్రీ రమేష్ ఫిర్యాదు చేశారు"), vec!["రమేష్"]);
    }

    #[test]
    fn names_that_are_also_english_words() {
        // As if `khan`, `harry`, `mane` were in no name list: English words in a short
        // title-case run where a person stands.
        let held: parda_rules::WordSet = ["khan", "harry", "mane", "dash"].iter().map(|w| w.to_string()).collect();
        let f = NameFinder::new(Lexicon::builtin().without_names(&held));
        let names = |s: &str| names_with(&f, s);
        assert_eq!(names("Grievance filed by Xyqor Khan on the portal"), vec!["Xyqor Khan"]);
        assert_eq!(names("Complaint from Harry Bantuwal about low pressure"), vec!["Harry Bantuwal"]);
        assert_eq!(names("Xyqor Mane ne shikayat ki"), vec!["Xyqor Mane"]);
        assert_eq!(names("Xyqor Khan S/O Pqrst Dash resides here"), vec!["Xyqor Khan", "Pqrst Dash"]);
        assert_eq!(names("Complaint Khan S/O Pqrst Lmnwal"), vec!["Khan", "Pqrst Lmnwal"]);
        // No person context, or only English, institution and place words: not a name.
        assert_no_names(&[
            "Forwarded to Executive Officer for approval",
            "Complaint from Gandhi Nagar residents",
            "Transferred to Revenue Section",
            "Received from Jal Board office",
            "Harry Potter books donated to the library",
        ]);
        // Lower-case dictionary names after a context word.
        assert_eq!(names("occupant nazia parveen refused entry"), vec!["nazia parveen"]);
        // A third word after a context word in another spelling of a dictionary name.
        assert_eq!(names("मकान मालिक सुरेश कुमार यादव है"), vec!["सुरेश कुमार यादव"]);
    }

    #[test]
    fn lower_case_names_in_english_sentences() {
        assert_eq!(names("meter of anokhi bantuwal found faulty"), vec!["anokhi bantuwal"]);
        assert_eq!(names("anokhi bantuwal ne shikayat ki"), vec!["anokhi bantuwal"]);
        assert_eq!(names("anil ji ne paise diye"), vec!["anil"]);
        assert_eq!(names("kiraydar suresh yadav ne makan khali kiya"), vec!["suresh yadav"]);
        assert_no_names(&["sab ne milkar kaam kiya", "maine bill jama kiya", "unhone shikayat ki"]);
        assert_eq!(names("paid by xyqor lmnwal bantuwal today"), vec!["xyqor lmnwal bantuwal"]);
        // One lower-case given name after "by" / "from", ending the clause.
        assert_eq!(names("paid by ramesh"), vec!["ramesh"]);
        assert_eq!(names("paid by john dsouza on 12/3"), vec!["john dsouza"]);
        assert_no_names(&["paid by bill desk", "water for rose garden"]);
        // (After a role word, with or without a colon.)
        assert_eq!(names("receipt not generated. name: harsh lala, phone: 06627530107"), vec!["harsh lala"]);
        assert_eq!(names("not received. parent: peter datta, 118, varughese path"), vec!["peter datta"]);
        assert_eq!(names("update mobile number for consumer victor garde."), vec!["victor garde"]);
        assert_no_names(&["name: rose garden society", "owner: lucky draw winner", "consumer grace period over"]);
        assert_eq!(names("recd from suresh on 12/3"), vec!["suresh"]);
        assert_eq!(names("spoke to ramesh, will pay"), vec!["ramesh"]);
        assert_no_names(&["paid by cash", "paid by cheque no 12345", "water for pooja", "spoke to owner"]);
        // A given name and a surname of the dictionary, with nothing else to say "person".
        assert_eq!(names("meter faulty, contact ramesh sharma on 9876543210"), vec!["ramesh sharma"]);
        assert_eq!(names("meter faulty, contact lalit gill on 9876543210"), vec!["lalit gill"]);
        assert_eq!(names("contact ishaan hegde on 9876543210"), vec!["ishaan hegde"]);
        assert_eq!(names("contact pushpa lepcha on 9876543210"), vec!["pushpa lepcha"]);
        assert_eq!(names("anokhi bantuwal"), vec!["anokhi bantuwal"]);
        // At a sentence's head before its verb; after a context word or an honorific.
        assert_eq!(names("birju kakde visited office, documents verified"), vec!["birju kakde"]);
        assert_eq!(names("owner ghanshyam anbu not available during visit"), vec!["ghanshyam anbu"]);
        assert_eq!(names("smt sarfraj rinku w/o late ranjay bara"), vec!["sarfraj rinku", "ranjay bara"]);
        assert_eq!(names("as per inder vijayakumar, the drain is blocked since monday"), vec!["inder vijayakumar"]);
        assert_eq!(names("informed sarath choubey on phone"), vec!["sarath choubey"]);
        assert_eq!(names("ramesh s/o suresh applied for transfer"), vec!["ramesh", "suresh"]);
        assert_no_names(&[
            "paani nahi aa raha hai",
            "meter mein paani nahi aa raha",
            "bill jama nahi kiya, meter kharab",
            "water supply restored in gandhi nagar",
            "shifted to kothrud depot last year",
            "receipt issued for gram panchayat tax",
            "sent to nigam office",
            "meter of anokhi bantuwal xyqor lmnwal found faulty",
        ]);
    }

    #[test]
    fn non_names_survive() {
        assert_no_names(&[
            "Ward 7 demand raised",
            "DOC_VERIFIER approved",
            "Old Age Pension sanctioned",
            "Gandhi Nagar water supply",
            "Indira Gandhi Hospital",
            "Owner Mobile updated",
            "PAID",
            "Junior Engineer inspected",
            "Swachh Bharat Mission survey done",
            "Tax revised after re-survey (2022-23)",
            "Quarter 2 demand raised",
            "Demand 2022-23: 12/5, Zone 3, Total 125000",
            "Plot 2021-2022 plan approved",
            "potholes; Swachh Bharat survey pending",
            "Pradhan Mantri Awas Yojana installment released",
            "Gram Panchayat Office closed",
            "Water Supply Department notice",
            "Gorakhpur Nagar Nigam receipt",
            "PHED DEPT LETTER RECEIVED",
            "Addl Distt Magistrate order",
            "Report sent to Collector Office",
            "Meter Reader visited. More water needed",
            "Shifted to Banjara Hills last year",
            "पानी का बिल जमा किया गया",
            "शिकायत दर्ज की गई, मीटर बदला गया",
        ]);
    }

    #[test]
    fn addresses() {
        assert_eq!(
            find("correspondence to plot 17 sector 5 dwarka new delhi 110075"),
            vec![("plot 17 sector 5 dwarka new delhi 110075".to_string(), true)]
        );
        assert_eq!(
            find("notice returned, addressee moved to 45 MG Road Pune 411001"),
            vec![("45 MG Road Pune 411001".to_string(), true)]
        );
        assert_eq!(find("plot 17 paid amount 450000"), vec![("plot 17".to_string(), true)]);
        // A district or a state in brackets before the pin code is the address's too.
        for (s, address) in [
            (
                "Resides at 12/4 Gandhi Road, Karur (Karur District) 639001",
                "12/4 Gandhi Road, Karur (Karur District) 639001",
            ),
            (
                "New address: 45 Nehru Street, Sitapur (U.P.) 261001. Verified.",
                "45 Nehru Street, Sitapur (U.P.) 261001",
            ),
            (
                "Shifted to H.No 5, Ram Nagar, Jalna (Maharashtra) - 431203",
                "H.No 5, Ram Nagar, Jalna (Maharashtra) - 431203",
            ),
            ("Resides at 69/71 வமகேஷி, கரூர் (கரூர் மாவட்டம்) 639001", "69/71 வமகேஷி, கரூர் (கரூர் மாவட்டம்) 639001"),
        ] {
            assert_eq!(find(s), vec![(address.to_string(), true)], "{s}");
        }
        // Not a ward number in brackets, nor a bracket after no address.
        assert_eq!(find("Resides at 12/4 Gandhi Road (Ward 5) 639001"), vec![("12/4 Gandhi Road".to_string(), true)]);
        assert_eq!(find("Paid Rs 5000 (Cash) 431203"), Vec::<(String, bool)>::new());
        assert_eq!(find("COMPLAINT REGARDING WATER LEAKAGE NEAR THE TANK"), Vec::<(String, bool)>::new());
        // In capitals an article, a preposition or a verb of being ends a run as its small
        // letters would: no address in these sentences.
        for s in [
            "NEAR BUS STAND THE DRAIN IS BLOCKED SINCE 02/07/2016",
            "VISITED 740 HOUSES IN WARD 11 FOR SURVEY",
            "SHIFTED TO WARD 31 OFFICE FOR VERIFICATION",
        ] {
            assert_eq!(find(s), Vec::<(String, bool)>::new(), "{s}");
        }
        assert_eq!(
            find("OWNER SHIFTED TO H.NO. 12 GANDHI ROAD FOR GOOD"),
            vec![("H.NO. 12 GANDHI ROAD".to_string(), true)]
        );
        let a = |s: &str| find(s).into_iter().filter(|(_, a)| *a).map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(
            a("lives at H.No. 12-3-456, Gali No. 4, Near Hanuman Mandir, Gorakhpur - 273001 since 2001"),
            vec!["H.No. 12-3-456, Gali No. 4, Near Hanuman Mandir, Gorakhpur - 273001"]
        );
        assert_eq!(a("Flat 302, Sai Residency, MG Road"), vec!["Flat 302, Sai Residency, MG Road"]);
        // A town written with an en dash, its pin code with it.
        assert_eq!(
            a("Consumer shifted to H.No. 31, Parmer Chowk, Hubli\u{2013}Dharwad 580020"),
            vec!["H.No. 31, Parmer Chowk, Hubli\u{2013}Dharwad 580020"]
        );
        assert_eq!(a("Plot 12, MG Road \u{2013} pending"), vec!["Plot 12, MG Road"]);
        // A house number, a locality in no list, a town and its pin code.
        assert_eq!(
            a("Notice served to Manbir Dass, 02/510, Kade, Saharsa-562385"),
            vec!["02/510, Kade, Saharsa-562385"]
        );
        assert_eq!(a("Notice served to Rachit Tiwari, 48, Muni, Tirupati 737608"), vec!["48, Muni, Tirupati 737608"]);
        // A known town before the pin code (a locality in no list, no street word).
        assert_eq!(a("#224, Chanmari West, Siliguri - 734001"), vec!["224, Chanmari West, Siliguri - 734001"]);
        assert_eq!(a("12/4, Laitumkhrah, Shillong 793001"), vec!["12/4, Laitumkhrah, Shillong 793001"]);
        assert_eq!(a("12/5, Zone 3, Total 125000"), Vec::<String>::new());
        assert_eq!(a("Plot Area"), Vec::<String>::new());
        assert_eq!(a("Ward 7"), Vec::<String>::new());
        assert_eq!(a("flat rate applied"), Vec::<String>::new());
        assert_eq!(a("Survey 2019"), Vec::<String>::new());
        assert_eq!(a("as per plot 2021 plan"), Vec::<String>::new());
        assert_eq!(a("Plot 2021, Sector 5"), vec!["Plot 2021, Sector 5"]);
        // Written without the usual keyword: a house number and a street, an address context
        // word, a village, a Hindi house number.
        for (text, want) in [
            ("Door 9 Anna Nagar", "Door 9 Anna Nagar"),
            ("68/506, Behl Path, Dhanbad-590631", "68/506, Behl Path, Dhanbad-590631"),
            ("45/525, Mahajan Zila, Bangalore-507470", "45/525, Mahajan Zila, Bangalore-507470"),
            ("shifted to 14/2 Shastri Nagar, Kanpur", "14/2 Shastri Nagar, Kanpur"),
            ("resides at Qtr 12, Collectorate Office", "Qtr 12, Collectorate Office"),
            ("Tenant moved to 14/2, Block B, Head Post Office", "14/2, Block B, Head Post Office"),
            ("Pensioner relocated to 45, Station Road, near Taluk Office", "45, Station Road, near Taluk Office"),
            ("H-45, Sector 12, Noida 201301", "H-45, Sector 12, Noida 201301"),
            ("new address: 221B Gandhi Road Bhopal", "221B Gandhi Road Bhopal"),
            (
                "Correspondence address changed to 539, Salvi Street, Agartala 236943",
                "539, Salvi Street, Agartala 236943",
            ),
            ("address is now 58/56, Gole Street, Orai 793737", "58/56, Gole Street, Orai 793737"),
            ("#12, 3rd Cross, Jayanagar, Bengaluru 560041", "12, 3rd Cross, Jayanagar, Bengaluru 560041"),
            ("12-3-456, Banjara Hills, Hyderabad", "12-3-456, Banjara Hills, Hyderabad"),
            ("R/O Vill. Rampur, Post Sitapur", "Vill. Rampur, Post Sitapur"),
            ("मकान नं 12, गांधी नगर, लखनऊ", "मकान नं 12, गांधी नगर, लखनऊ"),
            ("ka makaan no 12/4, Pattom, Thrissur 680001", "makaan no 12/4, Pattom, Thrissur 680001"),
            ("ग्राम रामपुर, तहसील सदर", "ग्राम रामपुर, तहसील सदर"),
            ("Meter at Qtr No. B-12, Railway Colony, Itarsi", "Qtr No. B-12, Railway Colony, Itarsi"),
            (
                "Qr. No. 12/B, Type II, Sector 4, Bokaro Steel City",
                "Qr. No. 12/B, Type II, Sector 4, Bokaro Steel City",
            ),
            ("94, Mission Compound, Kollam", "94, Mission Compound, Kollam"),
            ("12, Bazar Para, Dumka", "12, Bazar Para, Dumka"),
            ("Flat 4, Sai Heights, Bypass Road", "Flat 4, Sai Heights, Bypass Road"),
            ("Site visit at 90/566, Badami Road, Mysore pending", "90/566, Badami Road, Mysore"),
            ("Site visit at 378, Venkataraman Ganj, Durgapur", "378, Venkataraman Ganj, Durgapur"),
            ("shop in 12, Gandhi Market, Rewa", "12, Gandhi Market, Rewa"),
            ("Inspection at 12, 3rd Cross, Jayanagar", "12, 3rd Cross, Jayanagar"),
            // After other words that place it, or ending in a town and its pin code.
            ("reports water logging near 77/85, Kothari Marg, Bhilwara-569369", "77/85, Kothari Marg, Bhilwara-569369"),
            ("water logging near 938, Memon Chowk, Silchar 162937", "938, Memon Chowk, Silchar 162937"),
            ("complaint about 42/464, Kumer Zila, Jamshedpur-727330", "42/464, Kumer Zila, Jamshedpur-727330"),
            ("Caller reported 58/10, Deep Street, North Dumdum-724040", "58/10, Deep Street, North Dumdum-724040"),
            ("Pipeline burst opposite 12-3-456, Banjara Hills", "12-3-456, Banjara Hills"),
            ("near 12/4, Ring Road, Sangli-Miraj & Kupwad 416416", "12/4, Ring Road, Sangli-Miraj & Kupwad 416416"),
            // A plain number and a named street, at a clause's start or after a word that
            // places it; a house number with a block letter.
            ("Leakage reported at 45 Gandhi Road, Near Bus Stand, Salem", "45 Gandhi Road, Near Bus Stand, Salem"),
            ("Complaint from 12 MG Road Bangalore 560001", "12 MG Road Bangalore 560001"),
            ("C/O X, 56 Civil Lines, Bareilly", "56 Civil Lines, Bareilly"),
            ("Tenant at 3rd Floor, 221 Baker Street, Kolkata 700016", "221 Baker Street, Kolkata 700016"),
            ("Visited 12/4 Nehru Street today, owner absent", "12/4 Nehru Street"),
            ("Visited 34 Kar Ganj today, owner absent", "34 Kar Ganj"),
            ("Visited 47-B Mann Chowk today", "47-B Mann Chowk"),
            ("VISITED 98-C VIG PATH TODAY, OWNER ABSENT", "98-C VIG PATH"),
            (
                "leakage reported at 791, varkey zila, belgaum 463907. plumber sent on 12/03/2023",
                "791, varkey zila, belgaum 463907",
            ),
            ("property at 87/619, cherian chowk, kharagpur-284684 assessed", "87/619, cherian chowk, kharagpur-284684"),
            // (A street named by an English word; a town of two words; a house number with
            // parts in the middle of the sentence.)
            ("leakage reported at 74/675, char circle, rewa-978252. plumber sent", "74/675, char circle, rewa-978252"),
            ("garbage near 33/12, khatri ganj, new delhi-797910 for 3 days", "33/12, khatri ganj, new delhi-797910"),
            ("caller reported 37/46, raju path, burhanpur 295106", "37/46, raju path, burhanpur 295106"),
            // (In small letters: a word naming a street after a house number or `near`; a
            // place after `at` in a run ending in a town and its pin code.)
            ("visited h.no. 504 pandey zila today, owner absent", "h.no. 504 pandey zila"),
            ("sewer blocked near dube street; complainant absent", "dube street"),
            ("drain overflow at narula, ghaziabad 328921", "narula, ghaziabad 328921"),
            ("drain overflow at rout nagar, hosur 302774", "rout nagar, hosur 302774"),
            (
                "road damaged in front of 818, nori path, hazaribagh 075005, ward 12",
                "818, nori path, hazaribagh 075005",
            ),
            ("VISITED H.NO. 504 PANDEY ZILA TODAY, OWNER ABSENT", "H.NO. 504 PANDEY ZILA"),
            // (In small letters: a street named by a word of no list and no pin code; a town
            // and its pin code after a house number; a town of English words, of names joined
            // by an en dash or an ampersand, or of the list of towns; after a visit, a street
            // named by an English word.)
            ("garbage not collected near 57/18, thaker road for 3 days", "57/18, thaker road"),
            ("garbage not collected near 77, sen, thane 428163 for 3 days", "77, sen, thane 428163"),
            (
                "streetlight not working opposite h.no. 09, shankar nagar, raurkela industrial township 873752",
                "h.no. 09, shankar nagar, raurkela industrial township 873752",
            ),
            (
                "caller reported h.no. 459, datta circle, hubli\u{2013}dharwad 505613",
                "h.no. 459, datta circle, hubli\u{2013}dharwad 505613",
            ),
            (
                "property at h.no. 13, natarajan marg, sangli-miraj & kupwad-118245 assessed",
                "h.no. 13, natarajan marg, sangli-miraj & kupwad-118245",
            ),
            (
                "leakage at 57/18, thaker road, sultan pur majra 844465 for 3 days",
                "57/18, thaker road, sultan pur majra 844465",
            ),
            ("water leakage at 72/447, bava path, mango-309591", "72/447, bava path, mango-309591"),
            ("visited 16/17 gill ganj today, owner absent", "16/17 gill ganj"),
            ("visited 34 kar ganj today, owner absent", "34 kar ganj"),
            ("visited 62-a kapur street today, owner absent", "62-a kapur street"),
            // (Not over English words after a place word where no word of a town's name is:
            // `office rent 125000`.)
            ("h.no. 12, gandhi road, office rent 125000 paid", "h.no. 12, gandhi road, office"),
            // (A bracket after a house's keyword: the address is what is in it.)
            (
                "the street light near my house (635, Gulati Path, Jodhpur-584283) is not working",
                "635, Gulati Path, Jodhpur-584283",
            ),
            // (Nor into a word of time where no street word ended it.)
            ("VISITED H.NO. 629 BAHRI TODAY, OWNER ABSENT", "H.NO. 629 BAHRI"),
            ("OWNER SHIFTED TO H.NO. 12 GANDHI ROAD NEW DELHI 110001", "H.NO. 12 GANDHI ROAD NEW DELHI 110001"),
            (
                "ROAD DAMAGED IN FRONT OF 818, NORI PATH, HAZARIBAGH 075005, WARD 12",
                "818, NORI PATH, HAZARIBAGH 075005",
            ),
            // A named place after a word that places it, ending in a town and its pin code;
            // a landmark after `near`, without the word.
            ("Drain overflow at Rout Nagar, Hosur 302774", "Rout Nagar, Hosur 302774"),
            ("Drain overflow at Narula, Ghaziabad 328921", "Narula, Ghaziabad 328921"),
            ("Sewer blocked near Dube Street; complainant", "Dube Street"),
            ("Shop near Sharma Sweets closed", "Sharma Sweets"),
            ("Sewer blocked near Tailor Marg; complainant", "Tailor Marg"),
            (
                "water meter installed at 17-A, Rajpur Road, Dehradun - 248001 on 12/03/2021",
                "17-A, Rajpur Road, Dehradun - 248001",
            ),
            ("Caller reported 61/78, Thaker, Warangal-086386", "61/78, Thaker, Warangal-086386"),
            (
                "Garbage not collected near H.No. 396, Mohan Marg, Junagadh-849120",
                "H.No. 396, Mohan Marg, Junagadh-849120",
            ),
            (
                "Correspondence: Ubika Raman, 86/76, Munshi, Bhalswa Jahangir Pur-204284, Mob",
                "86/76, Munshi, Bhalswa Jahangir Pur-204284",
            ),
            (
                "Inspection done at 99, Sethi, Raurkela Industrial Township 167946 in presence",
                "99, Sethi, Raurkela Industrial Township 167946",
            ),
            // A house number, words of an Indic script, a town and its pin code.
            ("Notice served to X, 88/87 ஷபரி உலகிறை, ஜபல்பூர் 401878", "88/87 ஷபரி உலகிறை, ஜபல்பூர் 401878"),
            ("Notice served to X, 22/1526 வசந்த், சோலாப்பூர்-440995", "22/1526 வசந்த், சோலாப்பூர்-440995"),
            ("Notice served to X, 7 தண்ணிலவு மணியன்செல்வம், ஜாம்நகர்-304813", "7 தண்ணிலவு மணியன்செல்வம், ஜாம்நகர்-304813"),
            // Bengali house, holding and flat numbers (the matcher reads Bengali digits as
            // ASCII ones before the name finder runs).
            ("Notice served to X, বাড়ী নং 134, শাজাহাননগর স্টেশন, মধুদিয়া", "বাড়ী নং 134, শাজাহাননগর স্টেশন, মধুদিয়া"),
            ("Notice served to X, ফ্ল্যাট 33, হোল্ডিং নং 765, অভয়হাট", "ফ্ল্যাট 33, হোল্ডিং নং 765, অভয়হাট"),
        ] {
            assert_eq!(a(text), vec![want], "{text}");
        }
        for text in [
            "Ward 7, Gandhi Nagar",
            "Sector 12 office inspected",
            "paid on 14/03/2023, Road Tax",
            "2023-24, Revenue Section",
            "address proof pending",
            "Address verified by field inspector",
            "shifted to new server, 2 days",
            "Customer Service Point shifted to Ward Office",
            "Counter moved to Ward Office",
            "File shifted to Ward 5 Office",
            "Gram Panchayat meeting held",
            "Village Development Committee",
            "lives in fear, no water supply",
            "checked at 5, no road access",
            "checked at 5, road closed",
            "visited 12 houses in ward 5",
            "visited 5, road closed",
            "visited 2 main roads today",
            "paid at 12, total amount 450000",
            "reduced at 12, penalty 125000 waived",
            "paid in 2, installments",
            "12/5, वार्ड 3, राशि 125000",
            "3 मकान, 2 दुकान",
            "Paid, 5 किस्त बाकी",
            "Phase 2, Stage 3 work pending",
            "Demand raised, amount Rs. 27,434 due",
            "reduced to 12, Total 125000",
            "arrears of 2,500, Penalty 300000 waived",
            "increased from 5, Rate 120000 applied",
            "Rs 5,000 & Penalty 120000 paid",
            "Meeting at 10, Conference Room 2",
            "Meeting at 10 Conference Room",
            "2 Road Rollers deployed",
            "Camp held at Community Hall, Sector 4 on 12/05/2023",
            "Form 16-A submitted",
            "on 12/4 Nehru Jayanti holiday",
            "Paid 2,500 on 12/05/2023, Receipt 4521",
            "in 2021 Gandhi Road was widened",
            "Survey of 25 Houses done",
            "25 Gandhi Road residents attended the meeting",
            "Tender 12/2023 Station Road widening",
            "Zone 4, 12 Hospital Road drains cleaned",
            "Rs 500 fine at 4 Gandhi Chowk stalls",
            "Camp held at Town Hall, Receipt 123456",
            // A landmark of common words is a public place.
            "Near Bus Stand the drain is blocked",
            "Pipe burst opp. Post Office",
            "Garbage dumped behind Government School",
            "Paid at Counter 3, Challan 456789",
            "Visited 3 Houses in Ward 12",
            "Pallavi Vora, 84 yrs, resident of ward 36, applied for BPL card",
            "25 GANDHI ROAD RESIDENTS ATTENDED THE MEETING",
            "pipeline burst at 5, road closed till 12/03/2023",
            "collected at 12/4, ward office, receipt 100234",
            "bill no 12/45, station road, amount 250000",
            "pipe burst near the road, repaired",
            "drain overflow at night, amount 250000 spent",
            "paid at counter, receipt 100234",
            "shop near bus stand closed",
            "order 12/2023 passed, main road widening cost 450000",
            "resident of Ward No. 5",
        ] {
            assert_eq!(a(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn name_cells() {
        let f = NameFinder::new(Lexicon::builtin());
        for s in ["Ramesh Kumar", "R. K. Sharma", "Smt. Anokhi Xyz", "SUNITA DEVI"] {
            assert!(f.is_name_cell(s), "{s}");
        }
        for s in [
            "Residential",
            "Gandhi Nagar",
            "Old Age Pension",
            "Jawahar Navodaya Vidyalaya",
            "Saket Branch",
            "Kiran Depot",
            "Mukhyamantri Kanya Vivah",
            "9876543210",
            "Ward 7",
            "MR.",
            "Smt",
            // Sentences about a person are not their name (a remarks column of them is no name
            // column: every word of it would be masked).
            "श्री राहुल जैन का मकान",
            "सीमा शर्मा ने शिकायत दर्ज की",
            "Meera requested new connection",
        ] {
            assert!(!f.is_name_cell(s), "{s}");
        }
    }
}
