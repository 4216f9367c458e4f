//! Column classification from the header and a sample of values, done once per table before
//! streaming so every row of a column is treated the same way.

use crate::header::{normalize_header, HeaderHints};
use crate::matcher::{CellContext, Finding, Matcher};
use crate::values::{is_amount, is_placeholder, looks_masked};

/// Share of sampled values that must validate as one type for a column without a header hint
/// to be classified as that type.
pub const VALUE_SHARE: f32 = 0.6;

/// Where a column's classification came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassSource {
    /// A header hint.
    Header,
    /// The share of sampled values that validate.
    Values,
    /// Not classified: cells get span detection.
    None,
}

/// A column's classification.
#[derive(Debug, Clone)]
pub struct ColumnClass {
    /// The PII type, when the column holds one type throughout.
    pub pii_type: Option<usize>,
    /// 0..1.
    pub confidence: f32,
    /// Header, values or none.
    pub source: ClassSource,
    /// The column is a run of numeric identifiers of another kind (receipt numbers): digit-only
    /// findings are dropped there.
    pub suppress_digits: bool,
    /// The sample is all amounts and small numbers: cells shaped like one are not searched.
    pub amount_like: bool,
    /// Per rule: positive and negative context words in the header.
    pub header_flags: Vec<(bool, bool)>,
    /// Look for names and addresses in its cells (off for header rows).
    pub names: bool,
    /// Sampled cells that were not placeholders.
    pub sampled: usize,
    /// Of those, how many validated wholly as the chosen type.
    pub validated: usize,
}

impl ColumnClass {
    /// This class typed `type_idx` by its values: `validated` of them whole values of it, with
    /// `confidence`.
    fn by_values(mut self, type_idx: usize, validated: usize, confidence: f32) -> ColumnClass {
        self.pii_type = Some(type_idx);
        self.source = ClassSource::Values;
        self.validated = validated;
        self.confidence = confidence;
        self
    }

    /// The context to detect a cell of this column with.
    pub fn cell_context(&self) -> CellContext<'_> {
        CellContext {
            header_flags: Some(&self.header_flags),
            column_type: self.pii_type,
            suppress_digits: self.suppress_digits,
            names: self.names,
        }
    }
}

/// Classifies a column from its header and sampled values.
pub fn classify_column(matcher: &Matcher, hints: &HeaderHints, header: &str, samples: &[&str]) -> ColumnClass {
    let mut header_flags = matcher.header_flags(header);
    // A negative header hint argues against every rule of its type, in the column's cells too:
    // a `Meter No` of ten digits starting with 9 is no mobile number (one written `+91 ...`,
    // a rule's strong form, in a cell of words still is).
    for t in hints.vetoed(header) {
        for (rule, flags) in matcher.rule_set.rules.iter().zip(header_flags.iter_mut()) {
            if matcher.rule_set.type_index(&rule.pii_type) == Some(t) {
                flags.1 = true;
            }
        }
    }
    let types = matcher.rule_set.types.len();
    let mut whole = vec![0usize; types];
    let (mut sampled, mut id_like, mut amounts, mut name_cells, mut numeric, mut prose) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    // Cells with a digit of any script.
    let mut with_digit = 0usize;
    // Of them, cells with a letter too (`MH12AB1234`, `MCA 033`).
    let mut letters_and_digits = 0usize;
    // Cells that are one code of letters and digits (`WC591851`, `EMP-0042`): a reference to a
    // record, never a person's name.
    let mut codes = 0usize;
    // Cells shaped like names in no dictionary: enough, with names, for a bare `Name` header
    // (counted only under one).
    let mut name_shaped = 0usize;
    // Cells of common words and no name (`Self`, `Tenant`, `Vacant`).
    let mut word_cells = 0usize;
    let header_hint = hints.classify(header);
    let generic_header = header_hint.is_some_and(|h| h.generic);
    // Only a person header's column is checked for common words (`Occupier`: Self, Tenant).
    let person_header = header_hint.is_some_and(|h| matcher.rule_set.types[h.type_idx].name == "name");
    let mut findings: Vec<Finding> = Vec::new();
    // Cells mostly covered by addresses found in them (`68/506, Behl Path, Dhanbad-590631`):
    // counted only in a column whose header says nothing of its type (none, `Location`).
    let unnamed = is_unnamed(header);
    let address_type = matcher.rule_set.type_index("address").filter(|_| header_hint.is_none());
    let mut address_cells = 0usize;
    // Of them, cells that are an address whole (nine tenths covered): under a header, where
    // remarks may give an address after a few words (`shifted to 14/2 Shastri Nagar`).
    let mut whole_addresses = 0usize;
    let mut spans = Vec::new();
    for cell in samples {
        let cell = cell.trim();
        if is_placeholder(cell) || looks_masked(cell) {
            continue;
        }
        sampled += 1;
        if is_id_like(cell) {
            id_like += 1;
        }
        if is_amount(cell) {
            amounts += 1;
        }
        if matcher.names.is_name_cell(cell) {
            name_cells += 1;
        } else if person_header && matcher.names.is_word_cell(cell) {
            word_cells += 1;
        } else if generic_header && matcher.names.is_name_shaped_cell(cell) {
            name_shaped += 1;
        }
        if cell.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'.') {
            numeric += 1;
        }
        if cell.chars().any(char::is_numeric) {
            with_digit += 1;
            if cell.chars().any(char::is_alphabetic) {
                letters_and_digits += 1;
            }
        }
        if is_code(cell) {
            codes += 1;
        }
        if is_prose(cell) {
            prose += 1;
        }
        matcher.detect(cell, &CellContext::default(), &mut findings);
        if address_type.is_some() {
            matcher.names.find(cell, &mut spans);
            let covered: usize = spans.iter().filter(|s| s.address).map(|s| s.end - s.start).sum();
            if covered * 10 >= cell.len() * 6 {
                address_cells += 1;
            }
            if covered * 10 >= cell.len() * 9 {
                whole_addresses += 1;
            }
        }
        if let [f] = findings.as_slice() {
            if (f.end - f.start) * 10 >= cell.len() * 9 && !matcher.is_protected_type(f.type_idx) {
                whole[f.type_idx] += 1;
            }
        }
    }
    // A header word that argues against a rule ("Complaint No": no mobile) speaks of a column
    // whose cells are the identifier it names. Over sentences ("Complaint Details",
    // "Remarks") it names the topic, not the numbers written in them: a mobile in a
    // complaint's text is still a mobile.
    if sampled >= 3 && prose * 2 >= sampled {
        for flags in &mut header_flags {
            flags.1 = false;
        }
    }
    // Nor are a column's values taken for a type its header argues against: meter numbers
    // shaped like voter ids (`Meter No`: `MTR6782828`).
    // Per type: (a header word against one of its rules, a header word for one of them).
    let mut header_on_type = vec![(false, false); types];
    for (rule, &(positive, negative)) in matcher.rule_set.rules.iter().zip(&header_flags) {
        if let Some(t) = matcher.rule_set.type_index(&rule.pii_type) {
            header_on_type[t].0 |= negative;
            header_on_type[t].1 |= positive;
        }
    }
    let argued_against = |t: usize| header_on_type[t].0 && !header_on_type[t].1;
    let share = |t: usize| {
        if sampled == 0 {
            0.0
        } else {
            whole[t] as f32 / sampled as f32
        }
    };
    let mut class = ColumnClass {
        pii_type: None,
        confidence: 0.0,
        source: ClassSource::None,
        suppress_digits: false,
        amount_like: false,
        header_flags,
        names: true,
        sampled,
        validated: 0,
    };
    // A name or address column holds words: a column of numbers under a `name`-like header is
    // a foreign key (`employee` = 64), and a bare `name` column must hold names (a lookup
    // table's `name` holds `Permanent`, `Temporary`).
    let free_form = |t: usize| {
        let n = matcher.rule_set.types[t].name.as_str();
        n == "name" || n == "address"
    };
    // Nor a column whose values are, most of them whole, of an identifier type
    // (`Email_Addr`: `addr` names an address, the cells are emails).
    let identifier_values = |t: usize| {
        sampled >= 5
            && (0..types).any(|u| u != t && !free_form(u) && !argued_against(u) && whole[u] * 10 >= sampled * 8)
    };
    // Nor does a column of values without a digit (`Aadhaar Linked`: Y, N; `जन्म स्थान`, place
    // of birth: घर, home) hold a type every match of which has one.
    let header_match = header_hint.filter(|h| {
        !(free_form(h.type_idx)
            && (identifier_values(h.type_idx)
                || (sampled >= 3 && numeric * 10 >= sampled * 8 && !numbered_address(matcher, h.type_idx, header))
                || (sampled >= 3 && codes * 10 >= sampled * 8 && matcher.rule_set.types[h.type_idx].name == "name")
                || (h.generic && sampled >= 3 && (name_cells + name_shaped) * 10 < sampled * 3)
                || (sampled >= 5 && name_cells == 0 && word_cells * 10 >= sampled * 8)))
            && !(sampled >= 5 && with_digit == 0 && matcher.type_needs_digit(h.type_idx))
            // A vehicle's number mixes letters and digits (not `Car`, `2`, under `Vehicle`).
            && !(sampled >= 3
                && letters_and_digits * 2 < sampled
                && matcher.rule_set.types[h.type_idx].name == "vehicle_reg")
    });
    if let Some(h) = header_match {
        class.pii_type = Some(h.type_idx);
        class.source = ClassSource::Header;
        class.validated = whole[h.type_idx];
        class.confidence = if share(h.type_idx) >= 0.5 { 0.99 } else { h.confidence };
        return class;
    }
    if let Some(t) =
        (0..types).filter(|&t| !argued_against(t)).max_by_key(|&t| whole[t]).filter(|&t| share(t) >= VALUE_SHARE)
    {
        return class.by_values(t, whole[t], share(t));
    }
    // A column of telephone numbers written every way (`+91 98...`, `0XX-XXXXXXX`, ten digits):
    // mobiles and landlines, each under the share, together over it; or a few written with the
    // country code, which no receipt or account number carries, among phone-shaped cells.
    if let Some(t) = phone_column(matcher, &whole, sampled, samples, argued_against) {
        return class.by_values(t, whole[t], share(t));
    }
    // A column of values shaped like PANs, a quarter of them with a holder-type letter: PANs
    // typed or drawn at random (`ABCDE1234F`); no other identifier has the shape.
    if let Some(t) = matcher.rule_set.type_index("pan").filter(|&t| {
        !argued_against(t)
            && sampled >= 5
            && whole[t] * 4 >= sampled
            && samples.iter().filter(|c| pan_shaped(c.trim())).count() * 10 >= sampled * 8
    }) {
        return class.by_values(t, whole[t], share(t));
    }
    // Under a header that names an identity document (`ID Number`, `Document No`), a column
    // of twelve-digit numbers written as Aadhaar numbers are (plain or 4-4-4) is of Aadhaar
    // numbers even where their check digits fail: typed wrong, or drawn at random by a test
    // generator (a valid one is found by its rule whatever the header).
    if let Some(t) = matcher.rule_set.type_index("aadhaar").filter(|&t| {
        header_on_type[t].1
            && !argued_against(t)
            && sampled >= 5
            && samples.iter().filter(|c| aadhaar_shaped(c.trim())).count() * 10 >= sampled * 8
    }) {
        // As sure as the header and the shape together make it, not as the few check digits
        // that pass.
        return class.by_values(t, whole[t], share(t).max(0.7));
    }
    // A file without a header row: a column of dates spread over decades, most of them long
    // ago, is of dates of birth (payment, connection and filing dates cluster in recent years).
    if let Some(t) = matcher.rule_set.type_index("dob").filter(|_| is_unnamed(header) && births_like(samples, sampled))
    {
        return class.by_values(t, 0, 0.7);
    }
    let place_header = is_place_header(header);
    // A column most of whose cells are addresses found in the text is of addresses (the cells
    // found only in part, or not at all, are masked whole with the rest): in a file without a
    // header row, or under a header that names no type (`Location`, `Premises`) when most of
    // its cells are an address whole and hold a number (a house, a pin code), and not under a
    // header of places.
    let addressed = sampled >= 5
        && address_cells * 3 >= sampled * 2
        && (unnamed || whole_addresses * 3 >= sampled * 2 && with_digit * 3 >= sampled * 2 && !place_header);
    if let Some(t) = address_type.filter(|_| addressed) {
        return class.by_values(t, address_cells, address_cells as f32 / sampled as f32);
    }
    // A column of places (`City`, `State`, `District`, `Village Name`) holds place names, many
    // of which are also people's names (`Anand`, `Salem`, `Tamil Nadu`): no names in it.
    let places = sampled > 0 && prose * 2 < sampled && place_header;
    if let Some(t) = matcher
        .rule_set
        .type_index("name")
        .filter(|_| !places && sampled > 0 && name_cells as f32 >= VALUE_SHARE * sampled as f32)
    {
        return class.by_values(t, name_cells, name_cells as f32 / sampled as f32);
    }
    class.suppress_digits = sampled >= 5 && id_like * 10 >= sampled * 8;
    class.amount_like = sampled >= 5 && amounts == sampled;
    class.names = !places;
    class
}

/// Header words of a column of places: a word of the normalised header among them (`City`,
/// `Town/Village`, `District Name`, `राज्य`).
const PLACE_HEADER_WORDS: &[&str] = &[
    "city",
    "town",
    "village",
    "district",
    "state",
    "country",
    "taluk",
    "taluka",
    "tehsil",
    "tahsil",
    "mandal",
    "block",
    "locality",
    "mohalla",
    "colony",
    "ward",
    "zone",
    "region",
    "province",
    "circle",
    "division",
    "panchayat",
    "constituency",
    "ulb",
    "municipality",
    "area",
    "place",
    "शहर",
    "नगर",
    "गांव",
    "ग्राम",
    "जिला",
    "जनपद",
    "राज्य",
    "तहसील",
    "वार्ड",
    "मोहल्ला",
];

/// Header words of a column of a person's attributes or of things that are no person (`Caste`,
/// `Mother Tongue`, `Scheme`, `Bank`, `Employer`): its values are categories, some of them also
/// names (`Yadav`, `Munda`, `Sarna`), or named after people (`Rajiv Gandhi Shiksha Mission`,
/// `Parekh Group`, `Acharya, Bora and Kara`).
const ATTRIBUTE_HEADER_WORDS: &[&str] = &[
    "caste",
    "subcaste",
    "religion",
    "tribe",
    "community",
    "tongue",
    "language",
    "occupation",
    "profession",
    "qualification",
    "education",
    "nationality",
    "gender",
    "sex",
    "scheme",
    "yojana",
    "department",
    "designation",
    "bank",
    "branch",
    "employer",
    "company",
    "firm",
    "organisation",
    "organization",
    "business",
    "trade",
    "shop",
    "store",
    "brand",
    "establishment",
    "institution",
    "जाति",
    "धर्म",
    "भाषा",
    "योजना",
];

/// Header words of a person tied to a place (`Ward Member`, `Village Head`, `Circle Officer`):
/// such a column holds names.
const PERSON_HEADER_WORDS: &[&str] = &[
    "head",
    "officer",
    "councillor",
    "councilor",
    "member",
    "secretary",
    "sarpanch",
    "pradhan",
    "incharge",
    "owner",
    "contact",
    "person",
    "inspector",
    "engineer",
    "clerk",
    "staff",
    "mukhiya",
    "patwari",
    "lekhpal",
    "collector",
    "representative",
    "president",
    "chairman",
    "mla",
    "mp",
    "agent",
    "manager",
    "proprietor",
    "holder",
    "partner",
    "director",
    "licensee",
];

/// Whether a header names a column of places or of attributes (see the word lists above), and
/// no person tied to them.
fn is_place_header(header: &str) -> bool {
    let header = normalize_header(header);
    let words: Vec<&str> = header.split(' ').collect();
    if words.iter().any(|w| PERSON_HEADER_WORDS.contains(w)) {
        return false;
    }
    // An attribute beside a person's name (`Name & Designation`) holds the name too; the
    // attribute's own name (`Scheme Name`, `Bank Name`) does not.
    let attribute = words.iter().any(|w| ATTRIBUTE_HEADER_WORDS.contains(w))
        && !words.iter().enumerate().any(|(i, w)| {
            matches!(*w, "name" | "names" | "नाम") && (i == 0 || !ATTRIBUTE_HEADER_WORDS.contains(&words[i - 1]))
        });
    attribute || words.iter().any(|w| PLACE_HEADER_WORDS.contains(w))
}

/// A sentence rather than a value: three or more words with letters (a remark, a
/// complaint's text), where an address or a name has at most a few.
fn is_prose(cell: &str) -> bool {
    cell.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).nth(2).is_some()
}

/// A column whose name says nothing: a file without a header row, planned with no header
/// (CSV, workbooks) or with the name it is reported by (`column 7`, in a dump with no column
/// list), or a header that names only a position (`field_7`, `Unnamed: 14`, `COL12`).
fn is_unnamed(header: &str) -> bool {
    header.is_empty() || crate::header::is_positional_header(header)
}

/// Whether most of the `sampled` cells are whole dates (a time of midnight allowed after one)
/// whose years span 15 years or more, with the median year 1995 or before.
fn births_like(samples: &[&str], sampled: usize) -> bool {
    let mut years: Vec<u32> = samples
        .iter()
        .filter_map(|cell| {
            let cell = cell.trim();
            let date = match cell.split_once([' ', 'T']) {
                Some((date, time)) if time.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.') => date,
                _ => cell,
            };
            let digits = date.bytes().filter(u8::is_ascii_digit).count();
            // A year with two digits says too little; a month name is read.
            (digits >= 6).then(|| parda_rules::validators::parse_date(date)).flatten().map(|(y, _, _)| y)
        })
        .collect();
    if sampled < 5 || years.len() * 10 < sampled * 8 {
        return false;
    }
    years.sort_unstable();
    let (first, last, median) = (years[0], years[years.len() - 1], years[years.len() / 2]);
    last - first >= 15 && median <= 1995
}

/// The telephone type (mobile or landline, the one with more whole values) of a column whose
/// mobiles and landlines together are `VALUE_SHARE` of the `sampled` cells, or a third of them
/// with a sixth written `+91` and 80% phone-shaped (digits, `+`, `-`, spaces, brackets).
/// Neither type may be one the header argues against (`Meter No`).
fn phone_column(
    matcher: &Matcher,
    whole: &[usize],
    sampled: usize,
    samples: &[&str],
    argued_against: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mobile = matcher.rule_set.type_index("mobile")?;
    let landline = matcher.rule_set.type_index("landline")?;
    if argued_against(mobile) || argued_against(landline) {
        return None;
    }
    let phones = whole[mobile] + whole[landline];
    if sampled < 5 || phones == 0 {
        return None;
    }
    let enough = phones as f32 >= VALUE_SHARE * sampled as f32 || {
        let (mut intl, mut shaped) = (0usize, 0usize);
        for cell in samples.iter().map(|c| c.trim()) {
            let digits = cell.bytes().filter(u8::is_ascii_digit).count();
            if (10..=13).contains(&digits)
                && cell.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b' ' | b'(' | b')'))
            {
                shaped += 1;
                intl += usize::from(cell.starts_with("+91"));
            }
        }
        phones * 3 >= sampled && intl * 6 >= sampled && shaped * 10 >= sampled * 8
    };
    enough.then_some(if whole[landline] > whole[mobile] { landline } else { mobile })
}

/// Five letters, four digits and a letter, all of one case: a PAN's shape.
fn pan_shaped(cell: &str) -> bool {
    let b = cell.as_bytes();
    b.len() == 10
        && (b.iter().all(|c| !c.is_ascii_lowercase()) || b.iter().all(|c| !c.is_ascii_uppercase()))
        && b[..5].iter().all(u8::is_ascii_alphabetic)
        && b[5..9].iter().all(u8::is_ascii_digit)
        && b[9].is_ascii_alphabetic()
}

/// Twelve digits, plain or in three groups of four joined by one space, hyphen or dot: an
/// Aadhaar number's shape.
fn aadhaar_shaped(cell: &str) -> bool {
    let b = cell.as_bytes();
    match b.len() {
        12 => b.iter().all(u8::is_ascii_digit),
        14 => {
            let sep = b[4];
            matches!(sep, b' ' | b'-' | b'.')
                && b[9] == sep
                && b.iter().enumerate().all(|(k, c)| k == 4 || k == 9 || c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Whether `header` names the number part of an address (`Door No`, `doorno`, `House Number`,
/// `Flat No.`, `H No`): a column of numbers under it is of door numbers, not a foreign key
/// (`Address No` over `64` still is one).
fn numbered_address(matcher: &Matcher, type_idx: usize, header: &str) -> bool {
    matcher.rule_set.types[type_idx].name == "address"
        && crate::header::normalize_header(header)
            .split(' ')
            .any(|w| matches!(w, "door" | "house" | "flat" | "h" | "doorno" | "houseno" | "hno" | "flatno"))
}

/// One code of letters and digits without a space (`WC591851`, `EMP-0042`, `C/12/2020`):
/// its letters in upper case or in runs of four at most, unlike a handle made of a name
/// (`ramesh123`).
fn is_code(cell: &str) -> bool {
    cell.len() <= 32
        && cell.bytes().any(|b| b.is_ascii_digit())
        && cell.bytes().any(|b| b.is_ascii_alphabetic())
        && cell.bytes().all(|b| b.is_ascii_graphic())
        && cell
            .split(|c: char| !c.is_ascii_alphabetic())
            .all(|run| run.len() <= 4 || run.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A bare numeric identifier: digits with at most a few separators, 6 digits or more.
fn is_id_like(cell: &str) -> bool {
    let digits = cell.bytes().filter(u8::is_ascii_digit).count();
    digits >= 6 && cell.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b' '))
}

#[cfg(test)]
mod tests {
    use super::*;
    use parda_rules::load_rules;

    fn setup() -> (Matcher, HeaderHints) {
        let rules = load_rules(&[]).unwrap();
        let hints = HeaderHints::new(&rules);
        (Matcher::new(rules).unwrap(), hints)
    }

    fn type_name(m: &Matcher, c: &ColumnClass) -> Option<String> {
        c.pii_type.map(|t| m.rule_set.types[t].name.clone())
    }

    #[test]
    fn classifies_by_values_without_a_hint() {
        let (m, h) = setup();
        let c = classify_column(&m, &h, "Col7", &["9876543210", "+91 91234 56789", "NA", "8123456789", "98765-4321"]);
        assert_eq!(type_name(&m, &c).as_deref(), Some("mobile"));
        assert_eq!(c.source, ClassSource::Values);
    }

    #[test]
    fn telephones_written_every_way_are_one_column() {
        let (m, h) = setup();
        // Mobiles (two with the country code), landlines and numbers no rule validates
        // (`3038836859`, `00008063608`): a phone column, not receipt numbers.
        let vals = [
            "+917776317066",
            "00008063608",
            "04978690736",
            "3038836859",
            "8288360759",
            "05088995790",
            "+911107043419",
            "2183450961",
            "011-23456789",
        ];
        let c = classify_column(&m, &h, "", &vals);
        assert_eq!(type_name(&m, &c).as_deref(), Some("mobile"), "{c:?}");
        assert!(!c.suppress_digits);
        // Without the country code the same share is receipt numbers.
        let c = classify_column(&m, &h, "", &vals.map(|v| v.trim_start_matches("+91")));
        assert_eq!(c.pii_type, None);
    }

    #[test]
    fn pans_drawn_at_random_are_a_pan_column() {
        let (m, h) = setup();
        // Three of seven with a holder-type letter in the 4th place.
        let vals = ["ABCDE1234F", "QWEPT5678Y", "ZXCVB1111N", "MNBVC2222K", "LKJHG3333P", "POIUY4444T", "ASDCF5555G"];
        let c = classify_column(&m, &h, "", &vals);
        assert_eq!(type_name(&m, &c).as_deref(), Some("pan"), "{c:?}");
        // Not when none has one.
        let none = ["ABCDE1234F", "QWERT5678Y", "ZXCVB1111N", "MNBVD2222K", "LKJHG3333S"];
        assert_eq!(classify_column(&m, &h, "", &none).pii_type, None);
    }

    #[test]
    fn aadhaar_shaped_numbers_under_an_identity_document_header_are_aadhaar() {
        let (m, h) = setup();
        // Twelve digits whose check digits fail (a generator's Luhn digit), plain and grouped.
        let vals = ["590996030821", "8710 4974 6500", "615901092812", "855131373539", "1348-3954-8622", "426018159084"];
        for header in ["ID Number", "Document No", "id_no"] {
            let c = classify_column(&m, &h, header, &vals);
            assert_eq!(type_name(&m, &c).as_deref(), Some("aadhaar"), "{header}: {c:?}");
        }
        // Under a header that names no identity document they are account or record numbers.
        for header in ["Ref No", "Consumer No", ""] {
            assert_eq!(classify_column(&m, &h, header, &vals).pii_type, None, "{header}");
        }
        // Nor are numbers of other lengths under an identity document header.
        let short = ["59099603082", "87104974650", "61590109281", "85513137353", "13483954862"];
        assert_eq!(classify_column(&m, &h, "ID Number", &short).pii_type, None);
    }

    #[test]
    fn receipt_numbers_are_suppressed_not_classified() {
        let (m, h) = setup();
        let vals = ["7012345678", "1023456789", "3456789012", "6543210987", "2109876543", "4567890123"];
        let c = classify_column(&m, &h, "Ref", &vals);
        assert_eq!(c.pii_type, None);
        assert!(c.suppress_digits);
    }

    #[test]
    fn a_header_word_against_a_type_holds_for_values_not_for_sentences() {
        let (m, h) = setup();
        // Meter numbers shaped like voter ids are not voter ids under `Meter No`.
        let meters = ["MTR6782828", "MTR2457220", "MTR6379204", "MTR0166379", "MTR5512093"];
        let c = classify_column(&m, &h, "Meter No", &meters);
        assert_eq!(c.pii_type, None);
        let mut found = Vec::new();
        m.detect(meters[0], &c.cell_context(), &mut found);
        assert!(found.is_empty(), "{found:?}");
        // Under `Complaint Details` the cells are sentences: "complaint" names their topic, and
        // a mobile written in one is still found.
        let texts = [
            "Caller reports leakage near Sector 14",
            "Consumer requested name change; new number 9876543210",
            "No water since Monday",
            "Bill dispute resolved by JE",
        ];
        let c = classify_column(&m, &h, "Complaint Details", &texts);
        let mut found = Vec::new();
        m.detect("Caller (8178128657) reports leakage", &c.cell_context(), &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(m.rule_set.types[found[0].type_idx].name, "mobile");
        // Under `Complaint No` the cells are the complaint numbers: no mobile.
        let numbers = ["7012345678", "CMP 8178128657", "9123456780", "8234567801"];
        let c = classify_column(&m, &h, "Complaint No", &numbers);
        m.detect("CMP 8178128657", &c.cell_context(), &mut found);
        assert!(found.is_empty(), "{found:?}");
    }

    /// A negative header hint holds for the column's values and cells: ten digits starting with
    /// 9 under `Meter No` are a meter's number, under `Meter Reader Mobile` a mobile.
    #[test]
    fn a_vetoing_header_keeps_an_identifier_of_a_thing() {
        let (m, h) = setup();
        let meters = ["9876543210", "8123456789", "7012345678", "9988776655", "6543210987"];
        for header in ["Meter No", "Old Meter No.", "IMEI", "Policy Number", "Folio No"] {
            let c = classify_column(&m, &h, header, &meters);
            assert_eq!(c.pii_type, None, "{header}");
            let mut found = Vec::new();
            m.detect(meters[0], &c.cell_context(), &mut found);
            assert!(found.is_empty(), "{header}: {found:?}");
        }
        // In a cell of words under such a header, a number written the way only a phone number
        // is written is still one.
        let notes = ["meter faulty", "meter replaced", "seal broken", "no display", "meter burnt"];
        let c = classify_column(&m, &h, "Meter No Remarks", &notes);
        let mut found = Vec::new();
        m.detect("meter faulty, owner +91 98765 43210", &c.cell_context(), &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        let c = classify_column(&m, &h, "Meter Reader Mobile", &meters);
        assert_eq!(type_name(&m, &c).as_deref(), Some("mobile"));
        let twelve = ["234567890124", "345678901235", "456789012346", "567890123457", "678901234568"];
        let c = classify_column(&m, &h, "Consumer No", &twelve);
        assert_eq!(c.pii_type, None);
        let c = classify_column(&m, &h, "Consumer Aadhaar No", &twelve);
        assert_eq!(type_name(&m, &c).as_deref(), Some("aadhaar"));
    }

    #[test]
    fn a_column_of_places_holds_no_names() {
        let (m, h) = setup();
        // Cities and states that are also given names (Anand, Salem, Tamil).
        let cities = ["Anand", "Salem", "Ajmer", "Surat", "Tamil Nadu", "Assam"];
        for header in ["City", "State", "district_name", "Town/Village"] {
            let c = classify_column(&m, &h, header, &cities);
            assert_eq!(c.pii_type, None, "{header}");
            let mut found = Vec::new();
            m.detect("Tamil Nadu", &c.cell_context(), &mut found);
            assert!(found.is_empty(), "{header}: {found:?}");
        }
        // A person tied to a place is a person.
        let c = classify_column(&m, &h, "Ward Member", &["Anand Kumar", "Salma Begum", "Ramesh Yadav"]);
        assert!(c.names);
    }

    #[test]
    fn a_column_of_offices_and_schemes_named_after_people_holds_no_names() {
        let (m, h) = setup();
        // Branches, depots and schools named after a person or a place that is also a given
        // name; schemes whose words are given names (`Kanya`).
        let offices = [
            "Saket Branch",
            "Rohini Division",
            "Kiran Depot",
            "Shanti Godown",
            "Lalita Dispensary",
            "Jawahar Navodaya Vidyalaya",
            "Kasturba Gandhi Balika Vidyalaya",
            "Mukhyamantri Kanya Vivah",
            "Indira Gandhi Matritva Sahyog",
        ];
        for header in ["Office", "Unit", "column 4"] {
            let c = classify_column(&m, &h, header, &offices);
            assert_eq!(type_name(&m, &c), None, "{header}: {c:?}");
            for cell in offices {
                let mut found = Vec::new();
                m.detect(cell, &c.cell_context(), &mut found);
                assert!(found.is_empty(), "{header}: {cell}: {found:?}");
            }
        }
    }

    #[test]
    fn a_tenant_column_is_names_only_when_its_values_are() {
        let (m, h) = setup();
        let names = classify_column(&m, &h, "Tenant", &["Tolmin Zurek", "Bhota Nisgal", "Ramesh Kumar", "NA"]);
        assert_eq!(type_name(&m, &names).as_deref(), Some("name"));
        let cities = classify_column(&m, &h, "tenant", &["pb.amritsar", "pb.jalandhar", "pb.amritsar", "pb.ludhiana"]);
        assert_eq!(type_name(&m, &cities), None);
        let ids = classify_column(&m, &h, "tenantId", &["pb.amritsar", "pb.jalandhar", "pb.amritsar"]);
        assert_eq!(type_name(&m, &ids), None);
    }

    #[test]
    fn a_column_of_any_identity_document_finds_each_document() {
        let (m, h) = setup();
        // Whichever document the person gave: an Aadhaar (the `id` that argues against one in
        // `Complaint ID` does not here), a voter id, a passport (context the header gives).
        let ids = ["482383858359", "KDZ5665991", "J8369854", "ABCPE1234F", "JH05 20121234567"];
        for header in ["ID Number", "ID Proof No.", "Identity Card Number of Applicant", "KYC Document No"] {
            let c = classify_column(&m, &h, header, &ids);
            for id in ids {
                let mut found = Vec::new();
                m.detect(id, &c.cell_context(), &mut found);
                assert_eq!(found.len(), 1, "{header}: {id}: {found:?}");
                assert_eq!((found[0].start, found[0].end), (0, id.len()), "{header}: {id}");
            }
        }
        // Another thing's id is not an identity document: no Aadhaar in a transaction id.
        let c = classify_column(&m, &h, "Transaction ID", &ids);
        let mut found = Vec::new();
        m.detect(ids[0], &c.cell_context(), &mut found);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_person_header_over_categories_is_no_name_column() {
        let (m, h) = setup();
        // `Occupier` of a property register: who occupies it, not a name.
        let kinds = ["Self", "Tenant", "Vacant", "Owner", "Self", "Tenant", "Vacant"];
        let c = classify_column(&m, &h, "Occupier", &kinds);
        assert_eq!(c.pii_type, None);
        let names = ["Somra Murmu", "Self", "Lalthanzuala", "Vacant", "Phulmani Hembram", "Tenant"];
        assert_eq!(type_name(&m, &classify_column(&m, &h, "Occupier", &names)).as_deref(), Some("name"));
        // An attribute beside the name: the names are there.
        let c = classify_column(&m, &h, "Name & Designation", &["Somra Murmu, JE", "Birsa Tudu (AE)", "Clerk"]);
        assert!(c.names);
        // Castes, tribes, languages: some are also surnames, none is a person here.
        for (header, vals) in [
            ("Caste", ["Yadav", "Munda", "Kurmi", "Paswan", "Rajput"]),
            ("Tribe/Community", ["Munda", "Lepcha", "Bhutia", "Santhal", "Oraon"]),
            ("Mother Tongue", ["Santhali", "Hindi", "Mundari", "Kurukh", "Bengali"]),
            (
                "Scheme Name",
                ["Sukanya Samriddhi", "Atal Pension Yojana", "Annapurna", "Ladli Laxmi", "Sukanya Samriddhi"],
            ),
        ] {
            let c = classify_column(&m, &h, header, &vals);
            assert_eq!(c.pii_type, None, "{header}");
            for v in vals {
                let mut found = Vec::new();
                m.detect(v, &c.cell_context(), &mut found);
                assert!(found.is_empty(), "{header}: {v}: {found:?}");
            }
        }
    }

    #[test]
    fn a_column_of_values_without_digits_is_no_identifier_column() {
        let (m, h) = setup();
        // Flags and places under a header that names an identifier or a birth date.
        for (header, vals) in [
            ("Aadhaar Linked", ["Y", "N", "Y", "Y", "N", "Yes"]),
            ("Mobile Verified", ["Yes", "No", "No", "Yes", "Pending", "Yes"]),
            ("जन्म स्थान", ["घर", "जिला अस्पताल", "घर", "प्राथमिक स्वास्थ्य केंद्र", "घर", "घर"]),
        ] {
            let c = classify_column(&m, &h, header, &vals);
            assert_eq!(c.pii_type, None, "{header}");
        }
        // The same headers over their values: digits of any script, or too few values to tell.
        let c = classify_column(&m, &h, "Aadhaar", &["२३४५ ६७८९ ०१२३", "Y", "N", "N", "Y"]);
        assert_eq!(type_name(&m, &c).as_deref(), Some("aadhaar"));
        let c = classify_column(&m, &h, "Mobile", &["N", "Y", "N", "Y"]);
        assert_eq!(type_name(&m, &c).as_deref(), Some("mobile"));
        // Names and e-mail addresses need no digit.
        let c = classify_column(&m, &h, "Email", &["ramesh@gmail.com", "sita@yahoo.in", "a@b.in", "x@y.org", "p@q.co"]);
        assert_eq!(type_name(&m, &c).as_deref(), Some("email"));
        assert!(m.type_needs_digit(m.rule_set.type_index("aadhaar").unwrap()));
        assert!(m.type_needs_digit(m.rule_set.type_index("dob").unwrap()));
        assert!(!m.type_needs_digit(m.rule_set.type_index("email").unwrap()));
        assert!(!m.type_needs_digit(m.rule_set.type_index("name").unwrap()));
    }

    #[test]
    fn a_name_or_address_header_over_identifiers_is_left_to_its_values() {
        let (m, h) = setup();
        let emails = ["ramesh@gmail.com", "sita.k@yahoo.co.in", "ab12@rediffmail.com", "x.y@gov.in", "q@gmail.com"];
        let c = classify_column(&m, &h, "Resi Address", &emails);
        assert_eq!(type_name(&m, &c).as_deref(), Some("email"));
        let mobiles = ["9876543210", "8765432109", "7654321098", "6543210987", "9123456780"];
        let c = classify_column(&m, &h, "Contact Person", &mobiles);
        assert_eq!(type_name(&m, &c).as_deref(), Some("mobile"));
        // A person header over record codes: a reference to the consumer, no name.
        let codes = ["WC591851", "WC075296", "EMP-0042", "WC679004", "C/12/2020"];
        for header in ["Consumer", "Applicant", "Owner Name"] {
            let c = classify_column(&m, &h, header, &codes);
            assert_eq!(type_name(&m, &c), None, "{header}");
        }
        // Door numbers in their own column are part of an address.
        let doors = ["12", "7", "145", "3", "88"];
        for header in ["Door No", "doorno", "House Number", "H No"] {
            let c = classify_column(&m, &h, header, &doors);
            assert_eq!(type_name(&m, &c).as_deref(), Some("address"), "{header}");
        }
        // An address's number in another table is a foreign key.
        for header in ["Address No", "Address Number"] {
            assert_eq!(type_name(&m, &classify_column(&m, &h, header, &doors)), None, "{header}");
        }
        // Handles made of names are still masked as names.
        let handles = ["ramesh123", "sita_k88", "Anil.Kumar7", "pooja1990", "vikram_s"];
        let c = classify_column(&m, &h, "User Name", &handles);
        assert_eq!(type_name(&m, &c).as_deref(), Some("name"));
        // One e-mail among addresses leaves the header's word.
        let addresses =
            ["12 MG Road, Indore", "H.No. 5, Sector 9", "ramesh@gmail.com", "Near Bus Stand, Rewa", "45, Civil Lines"];
        let c = classify_column(&m, &h, "Resi Address", &addresses);
        assert_eq!(type_name(&m, &c).as_deref(), Some("address"));
    }

    #[test]
    fn a_column_of_firms_holds_no_names() {
        let (m, h) = setup();
        let firms = ["Parekh Group", "Dada-Rau", "Acharya, Bora and Kara", "Batta and Sons", "Ganguly Inc"];
        for header in ["Employer", "Employer Name", "Company", "Trade Name", "Business"] {
            let c = classify_column(&m, &h, header, &firms);
            assert_eq!(c.pii_type, None, "{header}");
            assert!(!c.names, "{header}");
        }
        // A person tied to the firm is a name.
        let people = ["Ramesh Kumar", "Sita Devi", "Anil Mehta", "Farida Begum", "Suresh Yadav"];
        for header in ["Company Contact Person", "Firm Proprietor", "Shop Licensee", "Job Card Holder"] {
            let c = classify_column(&m, &h, header, &people);
            assert!(c.names, "{header}");
            assert_eq!(type_name(&m, &c).as_deref(), Some("name"), "{header}");
        }
    }

    #[test]
    fn a_bare_licence_number_is_left_to_its_values() {
        let (m, h) = setup();
        let trade = ["TL629267", "TL624349", "TL708331", "TL381328", "TL356879"];
        assert_eq!(classify_column(&m, &h, "Licence No", &trade).pii_type, None);
        let driving =
            ["MH12 20110012345", "KA05 20190034567", "DL-0420110149646", "UP32 20150067890", "TN09 20080011223"];
        assert_eq!(type_name(&m, &classify_column(&m, &h, "Licence No", &driving)).as_deref(), Some("driving_licence"));
        assert_eq!(type_name(&m, &classify_column(&m, &h, "DL No", &trade)).as_deref(), Some("driving_licence"));
    }

    #[test]
    fn bank_account_columns_of_legacy_schemas() {
        let (m, h) = setup();
        let accounts = ["48676141169", "9748562291855789", "32697661914101", "92256711393", "30112345678"];
        for header in ["bank_acno", "acno", "SB A/c No", "Savings Account"] {
            let c = classify_column(&m, &h, header, &accounts);
            assert_eq!(type_name(&m, &c).as_deref(), Some("bank_account"), "{header}");
        }
    }

    #[test]
    fn a_headerless_column_of_old_and_spread_dates_is_of_births() {
        let (m, h) = setup();
        let births = ["1961-05-04", "1972-01-19 00:00:00", "1970-01-01", "1980-07-07", "1955-12-01", "1991-03-30"];
        assert_eq!(type_name(&m, &classify_column(&m, &h, "column 8", &births)).as_deref(), Some("dob"));
        let births = ["12/03/1961", "19/01/1972", "15/08/1948", "07/07/1980", "30/03/1990", "01/12/1955"];
        assert_eq!(type_name(&m, &classify_column(&m, &h, "", &births)).as_deref(), Some("dob"));
        // A header that names only a position says as little as none.
        for header in ["field_7", "Unnamed: 7", "COL7"] {
            assert_eq!(type_name(&m, &classify_column(&m, &h, header, &births)).as_deref(), Some("dob"), "{header}");
        }
        // Payment dates cluster in recent years; a named column is left to its header.
        let paid = ["2019-05-04", "2021-01-19", "2016-11-01", "2023-07-07", "2018-12-01", "2012-03-30"];
        assert_eq!(type_name(&m, &classify_column(&m, &h, "column 8", &paid)), None);
        assert_eq!(type_name(&m, &classify_column(&m, &h, "Registered On", &births)), None);
    }

    #[test]
    fn a_headerless_column_of_addresses_is_of_addresses() {
        let (m, h) = setup();
        let addresses = [
            "H.No. 366, Thaker Road, Rewa 802328",
            "68/506, Behl Path, Dhanbad-590631",
            "Door No. 45, Civil Lines, Near Hanuman Mandir, Jaipur - 302001",
            "12-3-45, Gandhi Nagar, Vijayawada 520003",
            "Flat 4B, Shanti Apartments, MG Road, Pune 411001",
            "House No 21, Ward 7, Station Road, Sagar 470002",
        ];
        assert_eq!(type_name(&m, &classify_column(&m, &h, "column 14", &addresses)).as_deref(), Some("address"));
        // Remarks, a few of which give an address, are not; nor is a named column.
        let remarks = [
            "shifted to H.No. 366, Thaker Road, Rewa 802328",
            "meter replaced",
            "bill sent by post",
            "arrears cleared in March",
            "new connection sanctioned",
            "reading not taken, door locked",
        ];
        assert_eq!(type_name(&m, &classify_column(&m, &h, "column 14", &remarks)), None);
        // Under a header that names no type, the same (`Location`), but not under one of
        // places, nor without numbers (localities, not addresses).
        assert_eq!(type_name(&m, &classify_column(&m, &h, "Location", &addresses)).as_deref(), Some("address"));
        assert_eq!(type_name(&m, &classify_column(&m, &h, "Village", &addresses)), None);
        // Remarks most of which give an address after a few words are remarks.
        let shifted = [
            "shifted to 14/2 Shastri Nagar, Kanpur",
            "#12, 3rd Cross, Jayanagar, Bengaluru 560041",
            "new address: 221B Gandhi Road Bhopal",
            "R/O Vill. Rampur, Distt. Sitapur",
            "Contact 98 765 43210 or 9876 543 210",
            "Ward 7, Gandhi Nagar; Gram Panchayat meeting",
        ];
        assert_eq!(type_name(&m, &classify_column(&m, &h, "remarks", &shifted)), None);
        let localities = ["Shastri Nagar", "Anna Nagar", "Civil Lines", "Gandhi Nagar", "Model Town", "Rajaji Nagar"];
        assert_eq!(type_name(&m, &classify_column(&m, &h, "Locality", &localities)), None);
    }

    #[test]
    fn header_hint_wins() {
        let (m, h) = setup();
        let c = classify_column(&m, &h, "Mobile No.", &["NA", "12345"]);
        assert_eq!(type_name(&m, &c).as_deref(), Some("mobile"));
        assert_eq!(c.source, ClassSource::Header);
    }

    #[test]
    fn a_column_named_for_the_vehicle_holds_its_number_when_its_values_mix_letters_and_digits() {
        let (m, h) = setup();
        // Plates in no Indian format (Faker's `license_plate`), under headers that name them.
        let plates = ["MCA 033", "3S 09559", "OKV8929", "5T-VPIA", "979 TOE", "2S 5979R"];
        for header in ["Vehicle", "license_plate", "Number Plate", "Veh No"] {
            let c = classify_column(&m, &h, header, &plates);
            assert_eq!(type_name(&m, &c).as_deref(), Some("vehicle_reg"), "{header}");
        }
        // The kind of vehicle, or how many: no number.
        for cells in [["Car", "Two Wheeler", "Bus", "Car", "Tractor"], ["2", "1", "0", "3", "1"]] {
            let c = classify_column(&m, &h, "Vehicle", &cells);
            assert_eq!(type_name(&m, &c), None, "{cells:?}");
        }
    }
}
