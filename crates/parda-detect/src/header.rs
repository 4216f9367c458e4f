//! Header normalisation and header hints: which PII type a column's name announces.

use aho_corasick::{AhoCorasick, MatchKind};
use parda_rules::RuleSet;

/// True for characters that belong to a word: letters, digits, and the marks of Indic scripts
/// (viramas and nuktas are not "alphabetic" in Unicode but are part of words).
pub(crate) fn is_word_char(c: char) -> bool {
    // ASCII and the Indic blocks first: Unicode's alphabetic table is a binary search.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (('\u{0900}'..='\u{0DFF}').contains(&c) && !matches!(c, '\u{0964}' | '\u{0965}'))
        || matches!(c, '\u{200C}' | '\u{200D}')
        || c.is_alphanumeric()
}

/// Whether a header names nothing: empty, or a generic word and a position (`Field15`,
/// `Column 3`, `col_7`, `Unnamed: 14` as pandas writes it, `F2`, a bare `12`). Such a column is
/// classified from its values alone, as in a file with no header.
pub fn is_positional_header(header: &str) -> bool {
    let norm = normalize_header(header);
    let word = norm.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    (norm.is_empty() || word.len() < norm.len())
        && matches!(word, "" | "field" | "column" | "col" | "f" | "c" | "unnamed" | "attribute" | "attr" | "var" | "x")
}

/// Normalises a header for hint matching: camelCase split, lower case, every run of other
/// characters (punctuation, `*`, U+2009 thin spaces, underscores) becomes one space.
/// `Father/Husband's Name *` becomes `father husband s name`; `mobileNumber` becomes `mobile number`.
pub fn normalize_header(header: &str) -> String {
    let chars: Vec<char> = header.chars().collect();
    let mut out = String::with_capacity(header.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_word_char(c) {
            let camel = i > 0
                && c.is_uppercase()
                && chars[i - 1].is_lowercase()
                && chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if camel {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

#[derive(Clone)]
struct Hint {
    type_idx: usize,
    negative: bool,
    len: usize,
}

/// Every type's header hints compiled into one matcher (cloned cheaply: the automaton is
/// shared).
#[derive(Clone)]
pub struct HeaderHints {
    ac: Option<AhoCorasick>,
    hints: Vec<Hint>,
}

/// A header's classification: the type, and how sure the hint is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeaderMatch {
    /// The type's index in the rule set.
    pub type_idx: usize,
    /// 0.9 for a specific hint, 0.7 for a short one (`ph`, `mob`).
    pub confidence: f32,
    /// The hint was a bare generic word (`name`, `tenant`): the values must agree.
    pub generic: bool,
}

impl HeaderHints {
    /// Compiles the header hints of every type.
    pub fn new(rules: &RuleSet) -> HeaderHints {
        let mut pats = Vec::new();
        let mut hints = Vec::new();
        for (ti, t) in rules.types.iter().enumerate() {
            for (list, negative) in [(&t.header_hints, false), (&t.header_negative, true)] {
                for h in list {
                    let n = normalize_header(h);
                    if n.is_empty() {
                        continue;
                    }
                    hints.push(Hint { type_idx: ti, negative, len: n.chars().count() });
                    pats.push(format!(" {n} "));
                }
            }
        }
        let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&pats).ok();
        HeaderHints { ac, hints }
    }

    /// The type a header announces, if any. Among matching hints, those before an ` of `
    /// ("Mobile No of Applicant") are preferred, then the rightmost, then the longest; a
    /// negative hint anywhere vetoes its type ("Ward Name" is not a person's name).
    pub fn classify(&self, header: &str) -> Option<HeaderMatch> {
        // A qualifier after the column's name says where its values came from, not what they
        // are: `Name (as per Aadhaar)` holds names, `Mobile No [Primary]` mobiles.
        if let Some(named) = before_qualifier(header) {
            if let Some(m) = self.classify_phrase(named) {
                return Some(m);
            }
        }
        self.classify_phrase(header)
    }

    /// The types a negative hint in `header` vetoes (`Meter No` holds no mobile numbers,
    /// however its values look).
    pub fn vetoed(&self, header: &str) -> Vec<usize> {
        let Some(ac) = self.ac.as_ref() else {
            return Vec::new();
        };
        let norm = format!(" {} ", normalize_header(header));
        let mut vetoed: Vec<usize> = ac
            .find_overlapping_iter(&norm)
            .map(|m| &self.hints[m.pattern().as_usize()])
            .filter(|h| h.negative)
            .map(|h| h.type_idx)
            .collect();
        vetoed.sort_unstable();
        vetoed.dedup();
        vetoed
    }

    fn classify_phrase(&self, header: &str) -> Option<HeaderMatch> {
        let ac = self.ac.as_ref()?;
        let norm = format!(" {} ", normalize_header(header));
        let of_pos = norm.find(" of ");
        let mut vetoed = Vec::new();
        let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (hint, start, end)
        for m in ac.find_overlapping_iter(&norm) {
            let h = &self.hints[m.pattern().as_usize()];
            if h.negative {
                vetoed.push(h.type_idx);
            } else {
                found.push((m.pattern().as_usize(), m.start(), m.end()));
            }
        }
        found.retain(|(h, _, _)| !vetoed.contains(&self.hints[*h].type_idx));
        if let Some(p) = of_pos {
            if found.iter().any(|&(_, s, _)| s < p) {
                found.retain(|&(_, s, _)| s < p);
            }
        }
        let &(h, _, _) = found.iter().max_by_key(|&&(h, _, e)| (e, self.hints[h].len))?;
        let hint = &self.hints[h];
        // A bare `name`, or `tenant` (a tenant's name in a property register, a city's code
        // such as `pb.amritsar` in DIGIT's tables): the values decide.
        let generic = matches!(norm.trim(), "name" | "names" | "tenant" | "tenants");
        Some(HeaderMatch { type_idx: hint.type_idx, confidence: if hint.len >= 4 { 0.9 } else { 0.7 }, generic })
    }
}

/// The part of a header before a bracket or an `as per`/`as in`/`as on` clause, if there is
/// one and it holds a word.
fn before_qualifier(header: &str) -> Option<&str> {
    let lower = header.to_ascii_lowercase();
    let cut = [lower.find('('), lower.find('['), lower.find(" as per "), lower.find(" as in "), lower.find(" as on ")]
        .into_iter()
        .flatten()
        .min()?;
    let named = &header[..cut];
    named.chars().any(is_word_char).then_some(named)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parda_rules::load_rules;

    #[test]
    fn normalises_digit_templates() {
        assert_eq!(normalize_header("Father/Husband's Name\u{2009}*"), "father husband s name");
        assert_eq!(normalize_header("Mobile Number*"), "mobile number");
        assert_eq!(normalize_header("mobileNumber"), "mobile number");
        assert_eq!(normalize_header("DoB"), "dob");
        assert_eq!(normalize_header("  MOB_NO. "), "mob no");
        assert_eq!(normalize_header("संपर्क सूत्र"), "संपर्क सूत्र");
    }

    fn class_of(h: &HeaderHints, rules: &RuleSet, header: &str) -> Option<String> {
        h.classify(header).map(|m| rules.types[m.type_idx].name.clone())
    }

    #[test]
    fn classifies_headers() {
        let rules = load_rules(&[]).unwrap();
        let h = HeaderHints::new(&rules);
        let cases = [
            ("Mobile Number*", Some("mobile")),
            ("Owner Name", Some("name")),
            ("Ward Name", None),
            ("F/H Name", Some("name")),
            ("Father/Husband's Name\u{2009}*", Some("name")),
            ("Aadhar No", Some("aadhaar")),
            ("PAN No", Some("pan")),
            ("Panchayat", None),
            ("Email Address", Some("email")),
            ("Email_Addr", Some("email")),
            ("Permanent Address", Some("address")),
            ("Mobile No of Applicant", Some("mobile")),
            ("Name of Owner", Some("name")),
            ("Date of Birth", Some("dob")),
            ("Contact Person", Some("name")),
            ("Contact Person Mobile", Some("mobile")),
            ("मोबाइल नंबर", Some("mobile")),
            ("आधार", Some("aadhaar")),
            // Marathi, Gujarati, Tamil, Kannada and Malayalam registers.
            ("अर्जदाराचे नाव", Some("name")),
            ("वडिलांचे नाव", Some("name")),
            ("भ्रमणध्वनी क्रमांक", Some("mobile")),
            ("पत्ता", Some("address")),
            ("जन्म तारीख", Some("dob")),
            ("ग्रामपंचायत", None),
            ("गावाचे नाव", None),
            ("बैंक का नाम", None),
            ("જન્મ તારીખ", Some("dob")),
            ("અરજદારનું નામ", Some("name")),
            ("தொலைபேசி எண்", Some("mobile")),
            ("ಜನ್ಮ ದಿನಾಂಕ", Some("dob")),
            ("ജനന തീയതി", Some("dob")),
            ("ip_address", Some("ip")),
            ("Last Login IP", Some("ip")),
            ("Bank Account Number", Some("bank_account")),
            ("Account Holder Name", Some("name")),
            ("Department Name*", None),
            ("Assessment Year", None),
            ("Amount", None),
            ("DoB", Some("dob")),
            ("Ration Card No", Some("welfare_id")),
            ("Ration Card Type", None),
            ("UAN No.", Some("welfare_id")),
            ("PRAN No", Some("welfare_id")),
            ("GPF No.", Some("welfare_id")),
            ("PPO_NUMBER", Some("welfare_id")),
            ("Employee Code", None),
            ("pensioner_id", None),
            ("Applicant No", None),
            ("Legal Heir", Some("name")),
            ("Witness 1", Some("name")),
            ("Payee", Some("name")),
            ("Consumer", Some("name")),
            ("Consumer No", None),
            ("Consumer Category", None),
            ("S/O", Some("name")),
            ("Father's Occupation", None),
            ("Post Name", None),
            ("Name Verified (Y/N)", None),
            ("Mother's Age", None),
            ("Seller GSTIN", Some("gstin")),
            ("Name (as per Aadhaar)", Some("name")),
            ("Name as per Aadhaar Card", Some("name")),
            ("Mobile No [Aadhaar linked]", Some("mobile")),
            ("Amount (Rs)", None),
            ("Date (of Birth)", Some("dob")),
            ("(Aadhaar No)", Some("aadhaar")),
            ("Janm Tithi", Some("dob")),
            ("Acc No", Some("bank_account")),
            ("Residence", Some("address")),
            ("Residence Phone", Some("landline")),
        ];
        for (header, want) in cases {
            assert_eq!(class_of(&h, &rules, header).as_deref(), want, "{header}");
        }
    }

    #[test]
    fn positional_headers_name_nothing() {
        for h in ["", " ", "Field15", "Column 3", "col_7", "Unnamed: 14", "F2", "12", "COLUMN12"] {
            assert!(is_positional_header(h), "{h:?}");
        }
        for h in ["Field", "Bank A/c No", "Account 2", "Col Name", "Mobile1", "Field Officer"] {
            assert!(!is_positional_header(h), "{h:?}");
        }
    }
}
