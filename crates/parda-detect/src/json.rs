//! Values of JSON held in a cell (a `jsonb` column of a dump, DIGIT's `additionalDetails`, an
//! API payload saved in an export), typed by their keys as a column is by its header:
//! `"fatherName": "Venkatappa"` is a name, `"aadhaarNumber": "…"` an Aadhaar number, and every
//! string inside `"address": {...}` part of an address.

use crate::header::HeaderHints;
use crate::names::NameFinder;

/// A value of JSON text whose key (or an enclosing key) names a PII type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeyedValue {
    /// Byte offsets of the value in the cell: a string's text without its quotes, or a number.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The type its key names.
    pub type_idx: usize,
    /// The string holds escapes (`\"`, `\n`, `\u0930`): its text is [`decode_string`]'s.
    pub escaped: bool,
}

/// The text of a JSON string's contents (between its quotes), escapes decoded; `None` for a
/// bad escape or a lone surrogate.
pub fn decode_string(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        // Four hex digits, read in place (`from_str_radix` alone would take `+12a`).
        let unit = |chars: &mut std::str::Chars| -> Option<u32> {
            let hex = chars.as_str().get(..4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))?;
            let unit = u32::from_str_radix(hex, 16).ok()?;
            chars.nth(3);
            Some(unit)
        };
        out.push(match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let hi = unit(&mut chars)?;
                if (0xD800..0xDC00).contains(&hi) {
                    if chars.next()? != '\\' || chars.next()? != 'u' {
                        return None;
                    }
                    let lo = unit(&mut chars)?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return None;
                    }
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                } else {
                    char::from_u32(hi)?
                }
            }
            _ => return None,
        });
    }
    Some(out)
}

/// Appends `text` as a JSON string's contents: `"`, `\` and control characters escaped, and
/// with `ascii` every other non-ASCII character too (`\u0930`, as Python's `json.dumps` writes
/// them), so a value is written in the style it was found in.
pub fn encode_string(text: &str, ascii: bool, out: &mut String) {
    use std::fmt::Write;
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || (ascii && !c.is_ascii()) => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{u:04x}");
                }
            }
            c => out.push(c),
        }
    }
}

/// Whether `cell` may hold a JSON object or array (cheap; the walk decides).
pub(crate) fn may_be_json(cell: &str) -> bool {
    let t = cell.trim_ascii();
    ((t.starts_with('{') && t.ends_with('}')) || (t.starts_with('[') && t.ends_with(']')))
        && t.contains('"')
        && t.contains(':')
}

/// Whether a span of JSON text ending at `end` lies in an object's key: the next quote after
/// it closes a string that a `:` follows (in a value, a `,`, `}` or `]` does).
pub(crate) fn in_key(cell: &str, end: usize) -> bool {
    let rest = &cell.as_bytes()[end..];
    let Some(q) = rest.iter().position(|&b| b == b'"' || b == b'\\') else {
        return false;
    };
    rest[q] == b'"' && rest[q + 1..].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':')
}

/// The values of the JSON in `cell` typed by their keys. A bare `name`-like key (`name`,
/// `tenant`) types a value only when the value reads as a person's name (a product's `name`
/// does not); a string with escapes is judged by its decoded text. Text that is not
/// JSON stops the walk: what was found before it is kept.
pub(crate) fn keyed_values(cell: &str, hints: &HeaderHints, names: &NameFinder, out: &mut Vec<KeyedValue>) {
    let mut walk = Walk { s: cell.as_bytes(), text: cell, hints, names, out, depth: 0 };
    let start = walk.ws(0);
    walk.value(start, None);
}

struct Walk<'a, 'o> {
    s: &'a [u8],
    text: &'a str,
    hints: &'a HeaderHints,
    names: &'a NameFinder,
    out: &'o mut Vec<KeyedValue>,
    depth: usize,
}

/// Deeper than this, the walk stops (a cell is not a document).
const MAX_DEPTH: usize = 32;

impl Walk<'_, '_> {
    fn ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && self.s[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    }

    /// The value at `i` (typed `ty` by its key or an enclosing one); its end, or `None` where
    /// the text stops being JSON.
    fn value(&mut self, i: usize, ty: Option<(usize, bool)>) -> Option<usize> {
        match *self.s.get(i)? {
            b'{' => self.container(i, ty, true),
            b'[' => self.container(i, ty, false),
            b'"' => {
                let end = self.string_end(i)?;
                if let Some((t, generic)) = ty {
                    let inner = &self.text[i + 1..end - 1];
                    let escaped = inner.contains('\\');
                    let decoded = if escaped { decode_string(inner) } else { None };
                    let text = match (&decoded, escaped) {
                        (Some(d), _) => d.as_str(),
                        (None, false) => inner,
                        // A bad escape: left to the cell's other detection.
                        (None, true) => "",
                    };
                    // Already masked (`R***** K****`, a masked copy read again by `verify`) or a
                    // placeholder (`NA`): nothing to find.
                    let plain = !text.trim().is_empty()
                        && !crate::values::looks_masked(text)
                        && !crate::values::is_placeholder(text);
                    if plain && (!generic || self.names.is_name_cell(text)) {
                        self.out.push(KeyedValue { start: i + 1, end: end - 1, type_idx: t, escaped });
                    }
                }
                Some(end)
            }
            _ => {
                // A number, `true`, `false` or `null`.
                let len = self.s[i..].iter().position(|b| matches!(b, b',' | b'}' | b']') || b.is_ascii_whitespace());
                let end = i + len.unwrap_or(self.s.len() - i);
                if end == i {
                    return None;
                }
                if let Some((t, false)) = ty {
                    if self.s[i..end].iter().all(|b| b.is_ascii_digit()) {
                        self.out.push(KeyedValue { start: i, end, type_idx: t, escaped: false });
                    }
                }
                Some(end)
            }
        }
    }

    /// An object (`{"key": value, ...}`) or an array (`[value, ...]`) at `i`.
    fn container(&mut self, i: usize, ty: Option<(usize, bool)>, object: bool) -> Option<usize> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let close = if object { b'}' } else { b']' };
        let mut j = self.ws(i + 1);
        if self.s.get(j) == Some(&close) {
            self.depth -= 1;
            return Some(j + 1);
        }
        loop {
            let mut member_ty = ty;
            if object {
                if self.s.get(j) != Some(&b'"') {
                    return None;
                }
                let key_end = self.string_end(j)?;
                let key = &self.text[j + 1..key_end - 1];
                if let Some(m) = self.hints.classify(key) {
                    member_ty = Some((m.type_idx, m.generic));
                }
                j = self.ws(key_end);
                if self.s.get(j) != Some(&b':') {
                    return None;
                }
                j = self.ws(j + 1);
            }
            let end = self.value(j, member_ty)?;
            j = self.ws(end);
            match *self.s.get(j)? {
                b',' => j = self.ws(j + 1),
                c if c == close => {
                    self.depth -= 1;
                    return Some(j + 1);
                }
                _ => return None,
            }
        }
    }

    /// The end (after the closing quote) of the string whose opening quote is at `i`.
    fn string_end(&self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        loop {
            match *self.s.get(j)? {
                b'\\' => j += 2,
                b'"' => return Some(j + 1),
                _ => j += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{CellContext, Matcher};
    use parda_rules::load_rules;

    fn found(m: &Matcher, cell: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        m.detect(cell, &CellContext::default(), &mut out);
        out.iter().map(|f| (m.rule_set.types[f.type_idx].name.clone(), cell[f.start..f.end].to_string())).collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    /// Keys type their values as headers type a column: names in no dictionary, an Aadhaar
    /// number that fails its checksum, every part of an address object, a number.
    #[test]
    fn json_values_are_typed_by_their_keys() {
        let m = Matcher::new(load_rules(&[]).unwrap()).unwrap();
        let cell = r#"{"ownerName":"Xyqor Venkatappa","aadhaarNumber":"345678901234","mobile":9876543210,"address":{"doorNo":"12","street":"MG Road"},"ward":"Ward 5","status":"ACTIVE"}"#;
        assert_eq!(
            found(&m, cell),
            pairs(&[
                ("name", "Xyqor Venkatappa"),
                ("aadhaar", "345678901234"),
                ("mobile", "9876543210"),
                ("address", "12"),
                ("address", "MG Road"),
            ])
        );
        // Spaces around the colon, as pretty-printers write them.
        assert_eq!(found(&m, r#"{ "fatherName" : "Xyqor Lmnop" }"#), pairs(&[("name", "Xyqor Lmnop")]));
        // A masked copy holds nothing more (what `parda verify` reads).
        let masked =
            r#"{"ownerName":"X**** V*********","aadhaarNumber":"********1234","mobile":"******3210","guardian":"NA"}"#;
        assert_eq!(found(&m, masked), Vec::<(String, String)>::new());
        // A bare `name` key types only a person's name; arrays inherit their key's type.
        let cell = r#"[{"name":"Property Tax","code":"PT"},{"name":"Ramesh Kumar"},{"guardians":["Sita Devi"]}]"#;
        let got = found(&m, cell);
        assert!(got.contains(&("name".to_string(), "Ramesh Kumar".to_string())), "{got:?}");
        assert!(!got.iter().any(|(_, v)| v == "Property Tax" || v == "PT"), "{got:?}");
    }

    /// Text that only looks like JSON, or stops being JSON, keeps what was found before it
    /// and never panics.
    #[test]
    fn broken_json_is_walked_as_far_as_it_goes() {
        let m = Matcher::new(load_rules(&[]).unwrap()).unwrap();
        for cell in [
            r#"{"fatherName":"Xyqor Lmnop", "mobile": }"#,
            r#"{"fatherName":"Xyqor Lmnop" "x":1}"#,
            r#"{"a":"\"","b":["#,
            r#"{"name":"x\"y"}"#,
            "{\"नाम\":\"राम\"}",
        ] {
            let _ = found(&m, cell);
        }
        assert_eq!(found(&m, r#"{"fatherName":"Xyqor Lmnop", "mobile": }"#), pairs(&[("name", "Xyqor Lmnop")]));
    }

    /// Strings with escapes are typed by their decoded text: a name written by `json.dumps`
    /// (`\u0930...`), quotes inside a name, a line break inside an address.
    #[test]
    fn escaped_strings_are_judged_by_their_text() {
        let m = Matcher::new(load_rules(&[]).unwrap()).unwrap();
        let cell = r#"{"name":"\u0930\u093e\u092e \u0915\u0941\u092e\u093e\u0930","fatherName":"Mohan \"Lal\"","address":{"street":"MG Road\nNear Bus Stand"},"name2":"\u0050roperty"}"#;
        assert_eq!(
            found(&m, cell),
            pairs(&[
                ("name", r"\u0930\u093e\u092e \u0915\u0941\u092e\u093e\u0930"),
                ("name", r#"Mohan \"Lal\""#),
                ("address", r"MG Road\nNear Bus Stand"),
            ])
        );
        let mut out = Vec::new();
        m.detect(cell, &CellContext::default(), &mut out);
        assert!(out.iter().all(|f| f.rule_idx == crate::ESCAPED_JSON_RULE));
        // A masked copy written with escapes holds nothing more; a bad escape is not decoded.
        assert_eq!(found(&m, r#"{"name":"\u0930\u093e* \u0915\u0941**"}"#), Vec::<(String, String)>::new());
        assert_eq!(super::decode_string(r"\u0930\q"), None);
        assert_eq!(super::decode_string(r"\ud83d\ude00 \/ \t"), Some("😀 / \t".to_string()));
        assert_eq!(super::decode_string(r"\ud83d x"), None);
        assert_eq!(super::decode_string(r"\u+12a"), None);
        assert_eq!(super::decode_string(r"\u093"), None);
    }

    proptest::proptest! {
        /// Encoding then decoding gives the text back, in either style; the ASCII style is ASCII.
        #[test]
        fn json_strings_round_trip(text in "[a-zA-Z \"\\\\/\n\t\u{1}रा😀]{0,16}", ascii in proptest::bool::ANY) {
            let mut enc = String::new();
            super::encode_string(&text, ascii, &mut enc);
            proptest::prop_assert!(!ascii || enc.is_ascii());
            proptest::prop_assert!(!enc.contains('\n'));
            proptest::prop_assert_eq!(super::decode_string(&enc), Some(text));
        }

        /// Any text of JSON-ish pieces: findings lie on character boundaries inside the cell.
        #[test]
        fn keyed_values_lie_inside_the_cell(atoms in proptest::collection::vec(proptest::sample::select(vec!["{", "}", "[", "]", "\"", ":", ",", "\\", "name", "mobile", "9876543210", " ", "र", "Ramesh Kumar", "null"]), 0..24)) {
            static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
            let m = MATCHER.get_or_init(|| Matcher::new(load_rules(&[]).unwrap()).unwrap());
            let cell = format!("{{{}\":}}", atoms.concat());
            let mut values = Vec::new();
            super::keyed_values(&cell, &m.key_hints, &m.names, &mut values);
            for v in values {
                proptest::prop_assert!(v.start <= v.end && v.end <= cell.len());
                proptest::prop_assert!(cell.is_char_boundary(v.start) && cell.is_char_boundary(v.end));
            }
        }
    }
}
