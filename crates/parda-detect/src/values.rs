//! Cell-level predicates: placeholders and values that are already masked.

/// What a placeholder cell reads as once spaces and punctuation are dropped and letters are
/// lower-cased (`N/A`, `Not Applicable`, `--`, `0`).
const PLACEHOLDERS: &[&str] = &[
    "",
    "na",
    "nil",
    "nill",
    "null",
    "none",
    "nan",
    "0",
    "00",
    "000",
    "notavailable",
    "notapplicable",
    "unknown",
    "nodata",
    "x",
    "xx",
    "xxx",
];

/// The length of the longest of [`PLACEHOLDERS`].
const LONGEST_PLACEHOLDER: usize = {
    let (mut i, mut longest) = (0, 0);
    while i < PLACEHOLDERS.len() {
        if PLACEHOLDERS[i].len() > longest {
            longest = PLACEHOLDERS[i].len();
        }
        i += 1;
    }
    longest
};

/// Whether some placeholder starts with each (lower-case) byte: most cells are told apart by
/// their first letter or digit.
static PLACEHOLDER_FIRST: [bool; 256] = {
    let mut first = [false; 256];
    let mut i = 0;
    while i < PLACEHOLDERS.len() {
        if let Some(&b) = PLACEHOLDERS[i].as_bytes().first() {
            first[b as usize] = true;
        }
        i += 1;
    }
    first
};

/// `cell.trim()`, with the common case first: a value that starts and ends with a visible ASCII
/// character has nothing to trim (`str::trim` decodes a character at each end to learn that,
/// twice per cell of every masked column).
pub fn trim(cell: &str) -> &str {
    match cell.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        [only] if only.is_ascii_graphic() => cell,
        _ => cell.trim(),
    }
}

/// True for cells that carry no PII whatever their column: empty, `NA`, `N.A`, `-`, `--`,
/// `Nil`, `0`, `..`, `null`, `none`, `Not Applicable`, `Unknown`, `XXX`, and the default date
/// of legacy systems (`1900-01-01`, `01/01/1900 00:00:00`).
pub fn is_placeholder(cell: &str) -> bool {
    if is_default_date(cell) {
        return true;
    }
    if cell.len() > 24 {
        return false;
    }
    let mut buf = [0u8; LONGEST_PLACEHOLDER];
    let mut n = 0;
    for b in cell.bytes() {
        if b.is_ascii_whitespace() || matches!(b, b'.' | b'-' | b'_' | b'/' | b'\\' | b'*' | b'\'') {
            continue;
        }
        let b = b.to_ascii_lowercase();
        if !b.is_ascii() || n == LONGEST_PLACEHOLDER || (n == 0 && !PLACEHOLDER_FIRST[usize::from(b)]) {
            return false;
        }
        buf[n] = b;
        n += 1;
    }
    PLACEHOLDERS.iter().any(|p| p.as_bytes() == &buf[..n])
}

/// The words of a totals row's label, in English and the scripts of India (`कुल`, `योग`,
/// Marathi `एकूण`, Bengali `মোট`, Tamil `மொத்தம்`, Telugu `మొత్తం`, Kannada `ಒಟ್ಟು`,
/// Gujarati `કુલ`, Gurmukhi `ਕੁੱਲ`, Odia `ମୋଟ`, Malayalam `ആകെ`).
const TOTAL_WORDS: &[&str] = &[
    "total",
    "totals",
    "subtotal",
    "कुल",
    "योग",
    "महायोग",
    "एकूण",
    "মোট",
    "সর্বমোট",
    "மொத்தம்",
    "మొత్తం",
    "ಒಟ್ಟು",
    "કુલ",
    "ਕੁੱਲ",
    "ମୋଟ",
    "ആകെ",
];

/// Words that may stand beside a total word in its label (`Grand Total`, `Sub Total`).
const TOTAL_QUALIFIERS: &[&str] = &["grand", "sub", "net", "overall", "ward", "page"];

/// True for the label of a totals row (`Total`, `GRAND TOTAL:`, `कुल / Total`, `कुल योग`):
/// the first text cell of a workbook's or an export's last row, under a name column, which
/// names no one.
pub fn is_total_label(cell: &str) -> bool {
    let separator =
        |b: u8| b.is_ascii_whitespace() || matches!(b, b'/' | b'|' | b':' | b'-' | b'(' | b')' | b'.' | b',');
    let is = |list: &[&str], word: &str| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    let b = cell.as_bytes();
    if b.len() > 48 {
        return false;
    }
    // The last word is the total word (`Grand Total`, `कुल योग`): most cells, names, are told
    // apart by it alone. (Separators are ASCII: the cuts fall between characters.)
    let mut end = b.len();
    while end > 0 && separator(b[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && !separator(b[start - 1]) {
        start -= 1;
    }
    end > start
        && may_start_total_word(b[start])
        && is(TOTAL_WORDS, &cell[start..end])
        && cell[..start]
            .split(|c: char| c.is_ascii() && separator(c as u8))
            .all(|w| w.is_empty() || is(TOTAL_WORDS, w) || is(TOTAL_QUALIFIERS, w))
}

/// Whether a word starting with byte `b` may be a total word: all of them start with `t`, `s`
/// or an Indic letter (lead byte 0xE0), which most names do not.
fn may_start_total_word(b: u8) -> bool {
    matches!(b, b't' | b'T' | b's' | b'S' | 0xE0)
}

/// The date legacy systems write for "unknown" (`1900-01-01`, `01-01-1900`, `01/01/1900`), with
/// a zero time and zone or none (`1900-01-01 00:00:00.000+00:00`). A masked date in a date
/// column of a SQL dump is written as it, so the dump still loads and its masked copy reads as
/// masked.
fn is_default_date(cell: &str) -> bool {
    let b = trim(cell).as_bytes();
    if b.len() < 10 {
        return false;
    }
    let separator = |c: u8| matches!(c, b'-' | b'/' | b'.');
    let year_first = &b[..4] == b"1900" && &b[5..7] == b"01" && &b[8..10] == b"01" && b[4] == b[7] && separator(b[4]);
    let day_first = &b[..2] == b"01" && &b[3..5] == b"01" && &b[6..10] == b"1900" && b[2] == b[5] && separator(b[2]);
    (year_first || day_first)
        && b[10..].iter().all(|&c| c == b'0' || matches!(c, b' ' | b':' | b'.' | b'+' | b'-' | b'T' | b'Z'))
}

/// True for amounts and small numbers: `523605.00`, `Rs. 1,25,000`, `₹ 40`, `12345`. A bare
/// integer of 9 digits or more is not an amount (it may be an identifier).
pub fn is_amount(cell: &str) -> bool {
    // ASCII cells (nearly all) in one pass over the bytes; the rest (`₹`, a Unicode space) as
    // text.
    if !cell.is_ascii() {
        return is_amount_text(cell);
    }
    // The bytes `str::trim` drops from ASCII text.
    let space = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let start = cell.bytes().position(|c| !space(&c)).unwrap_or(cell.len());
    let end = cell.bytes().rposition(|c| !space(&c)).map_or(start, |e| e + 1);
    let mut t = &cell.as_bytes()[start..end];
    let mut currency = false;
    for prefix in [&b"Rs."[..], b"Rs", b"INR"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest;
            currency = true;
            break;
        }
    }
    while let [c, rest @ ..] = t {
        if !space(c) {
            break;
        }
        t = rest;
    }
    if let [b'-', rest @ ..] = t {
        t = rest;
    }
    if !t.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let (mut int_digits, mut comma) = (0, false);
    for (i, &c) in t.iter().enumerate() {
        match c {
            b'0'..=b'9' => int_digits += 1,
            b',' => comma = true,
            b'.' => {
                let frac = &t[i + 1..];
                return !frac.is_empty()
                    && frac.len() <= 4
                    && frac.iter().all(u8::is_ascii_digit)
                    && !float_identifier(int_digits, comma || currency, frac);
            }
            _ => return false,
        }
    }
    int_digits <= 8 || comma
}

/// [`is_amount`] for any text.
fn is_amount_text(cell: &str) -> bool {
    let t = cell.trim();
    let bare = t;
    let t = t
        .strip_prefix("Rs.")
        .or_else(|| t.strip_prefix("Rs"))
        .or_else(|| t.strip_prefix("INR"))
        .or_else(|| t.strip_prefix('₹'))
        .unwrap_or(t);
    let currency = t.len() != bare.len();
    let t = t.trim_start().strip_prefix('-').unwrap_or(t.trim_start());
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let int_digits = int.bytes().filter(u8::is_ascii_digit).count();
    !int.is_empty()
        && int.as_bytes()[0].is_ascii_digit()
        && int.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && frac.is_none_or(|f| {
            !f.is_empty()
                && f.len() <= 4
                && f.bytes().all(|b| b.is_ascii_digit())
                && !float_identifier(int_digits, currency || int.contains(','), f.as_bytes())
        })
        && (int_digits <= 8 || frac.is_some() || int.contains(','))
}

/// An identifier written as a float (`9876543210.0`, `234567890124.00`: a mobile or Aadhaar
/// column read by a spreadsheet or a data frame with blanks in it): nine or more integer digits
/// without grouping or currency, and a fraction of zeros.
fn float_identifier(int_digits: usize, grouped_or_currency: bool, frac: &[u8]) -> bool {
    int_digits >= 9 && !grouped_or_currency && frac.iter().all(|&c| c == b'0')
}

/// True for values that look already masked: a run of two or more `*`, or of `X` next to
/// digits or three long (`90XXXXXX45`, `XXXX XXXX 0123`, `******3210`, `R***** K****`).
/// The caller must still check that no identifier is visible in the cell.
pub fn looks_masked(cell: &str) -> bool {
    let b = cell.as_bytes();
    // Most cells hold no mask character at all.
    let Some(mut i) = b.iter().position(|&c| matches!(c, b'*' | b'X' | b'x')) else {
        return false;
    };
    let has_digit = b.iter().any(u8::is_ascii_digit);
    while i < b.len() {
        let c = b[i];
        if c == b'*' || c == b'X' || c == b'x' {
            let mut j = i;
            while j < b.len() && b[j] == c {
                j += 1;
            }
            let run = j - i;
            // Two X's beside digits count only among more: `98XX XX3210` is masked, a PAN or a
            // registration number with `XX` in it (`ABCXX1234F`, `XX35WG0513`) is not.
            let pair = || run >= 2 && has_digit && b.iter().filter(|&&x| x == c).count() >= 4;
            if (c == b'*' && run >= 2) || ((c == b'X' || c == b'x') && (run >= 3 || pair())) {
                return true;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for s in [
            "",
            " ",
            "NA",
            "N A",
            "NA ",
            "N.A",
            "N/A",
            "-",
            "--",
            "Nil",
            "nil",
            "NIl",
            "..",
            "...",
            "0",
            "null",
            "NULL",
            "Unknown",
            "XXX",
            "x",
            "Not Applicable",
            "NOT-AVAILABLE",
            "No Data",
            "000",
            "NaN",
            "None",
            "1900-01-01",
            "01/01/1900",
            " 01-01-1900 00:00 ",
            "1900-01-01 00:00:00.000000+00:00",
            "1900-01-01T00:00:00Z",
        ] {
            assert!(is_placeholder(s), "{s:?}");
        }
        for s in [
            "Ramesh",
            "9876543210",
            "Na Ram",
            "10",
            "Not Applicable Yet",
            "0.5",
            "Ward 0",
            "XXXX",
            "1900-01-02",
            "1900-01-01 10:00:00",
            "01/01/19001",
            "1900-01/01",
            "1985-01-01",
        ] {
            assert!(!is_placeholder(s), "{s:?}");
        }
    }

    #[test]
    fn total_labels() {
        for s in ["Total", "TOTAL:", "Grand Total", "Sub-Total", "कुल / Total", "कुल योग", "एकूण", "মোট", "Ward Total"]
        {
            assert!(is_total_label(s), "{s:?}");
        }
        for s in ["", "Totaram Sahu", "Total Singh Gill", "Grand", "कुलदीप", "Sub Registrar", "Net"] {
            assert!(!is_total_label(s), "{s:?}");
        }
        // The first-byte test passes every total word, so a word added to the list is found.
        for w in TOTAL_WORDS {
            assert!(may_start_total_word(w.as_bytes()[0]), "{w}");
            assert!(is_total_label(w) && is_total_label(&w.to_uppercase()), "{w}");
        }
    }

    #[test]
    fn amounts() {
        for s in [
            "523605.00",
            "Rs. 1,25,000",
            "₹ 40",
            "12345",
            "0",
            "-20.5",
            "1,00,00,000",
            "Rs. 9876543210.00",
            "₹ 987654321.0",
            "98,76,54,321.00",
            "9876543210.50",
        ] {
            assert!(is_amount(s), "{s}");
        }
        // Identifiers, dates and words; a mobile or an Aadhaar number written as a float.
        for s in [
            "9876543210",
            "234567890124",
            "14/03/1994",
            "2023-24",
            "Ward 7",
            "",
            "1.2.3",
            "ABC",
            "9876543210.0",
            "234567890124.00",
            " 9876543210.0 ",
        ] {
            assert!(!is_amount(s), "{s}");
        }
    }

    proptest::proptest! {
        /// The byte-wise pass over ASCII cells answers as the text version does.
        #[test]
        fn ascii_amounts_are_judged_as_text(cell in "[ \t\x0b\x0c\r\n]{0,2}(Rs\\.?|INR|-|Rs-|)[ ]{0,2}-?[0-9]{0,10}(,[0-9]{2,3}){0,2}(\\.[0-9]{0,5})?[.,a ]{0,1}[0-9]{0,1}[ \t]{0,1}") {
            proptest::prop_assert_eq!(is_amount(&cell), is_amount_text(&cell), "{:?}", cell);
        }

        /// The shortcut for values with nothing to trim trims as `str::trim` does (ASCII and
        /// Unicode spaces, controls, a lone character, an empty cell).
        #[test]
        fn trim_is_str_trim(cell in "[ \t\r\n\u{a0}\u{2003}\u{85}\x01a-z0-9*|\u{928}]{0,6}") {
            proptest::prop_assert_eq!(trim(&cell), cell.trim(), "{:?}", cell);
        }
    }

    #[test]
    fn masked_forms() {
        for s in
            ["90XXXXXX45", "CMXXXX99XX", "15XX10XXXX173", "PNBIXXXXXXX", "XXXX XXXX 0123", "******3210", "R***** K****"]
        {
            assert!(looks_masked(s), "{s}");
        }
        assert!(looks_masked("98XX XX3210"));
        for s in ["Ramesh Kumar", "9876543210", "Alex", "MAXIMUS", "Box 12", "ABCXX1234F", "XX35WG0513"] {
            assert!(!looks_masked(s), "{s}");
        }
    }
}
