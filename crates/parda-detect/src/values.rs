//! Cell-level predicates: placeholders and values that are already masked.

/// True for cells that carry no PII whatever their column: empty, `NA`, `N.A`, `-`, `--`,
/// `Nil`, `0`, `..`, `null`, `none`.
pub fn is_placeholder(cell: &str) -> bool {
    let core: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '_' | '/' | '\\' | '*' | '\''))
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        core.as_str(),
        "" | "na"
            | "nil"
            | "nill"
            | "null"
            | "none"
            | "nan"
            | "0"
            | "00"
            | "000"
            | "notavailable"
            | "notapplicable"
            | "unknown"
            | "nodata"
            | "x"
            | "xx"
            | "xxx"
    )
}

/// True for values that look already masked: a run of two or more `*`, or of `X` next to
/// digits or three long (`90XXXXXX45`, `XXXX XXXX 0123`, `******3210`, `R***** K****`).
/// The caller must still check that no identifier is visible in the cell.
pub fn looks_masked(cell: &str) -> bool {
    let b = cell.as_bytes();
    let has_digit = b.iter().any(u8::is_ascii_digit);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'*' || c == b'X' || c == b'x' {
            let mut j = i;
            while j < b.len() && b[j] == c {
                j += 1;
            }
            let run = j - i;
            if (c == b'*' && run >= 2) || ((c == b'X' || c == b'x') && (run >= 3 || (run >= 2 && has_digit))) {
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
            "", " ", "NA", "N A", "NA ", "N.A", "N/A", "-", "--", "Nil", "nil", "NIl", "..", "...", "0", "null", "NULL",
        ] {
            assert!(is_placeholder(s), "{s:?}");
        }
        for s in ["Ramesh", "9876543210", "Na Ram", "10"] {
            assert!(!is_placeholder(s), "{s:?}");
        }
    }

    #[test]
    fn masked_forms() {
        for s in
            ["90XXXXXX45", "CMXXXX99XX", "15XX10XXXX173", "PNBIXXXXXXX", "XXXX XXXX 0123", "******3210", "R***** K****"]
        {
            assert!(looks_masked(s), "{s}");
        }
        for s in ["Ramesh Kumar", "9876543210", "Alex", "MAXIMUS", "Box 12"] {
            assert!(!looks_masked(s), "{s}");
        }
    }
}
