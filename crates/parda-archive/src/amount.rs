//! Amounts as legacy files write them: `Rs. 1,25,000`, `₹1,25,000.50`, `1,25,000/-`,
//! `INR 500`, `(1,200)` for a negative.

/// What a cell holds, read as an amount.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// A number.
    Value(f64),
    /// Nothing (empty, `NA`, `-`, `Nil`).
    Empty,
    /// Something that is not an amount.
    Unparsable,
}

/// Reads an amount: currency words and signs, Indian or Western digit grouping, a trailing
/// `/-`, parentheses for negatives.
pub fn parse_amount(cell: &str) -> Amount {
    let t = cell.trim();
    let lower = t.to_ascii_lowercase();
    if t.is_empty() || matches!(lower.as_str(), "na" | "n/a" | "-" | "--" | "nil" | "null" | "none") {
        return Amount::Empty;
    }
    let mut s = lower.as_str();
    for prefix in ["rs.", "rs", "inr", "₹"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start();
            break;
        }
    }
    let s = s.trim_end_matches("/-").trim();
    let (neg, s) = match s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, s),
    };
    let digits: String = s.chars().filter(|&c| c != ',' && c != ' ').collect();
    let well_formed = !digits.is_empty()
        && digits.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'))
        && digits.matches('.').count() <= 1
        && s.chars().filter(|c| c.is_ascii_digit()).count() > 0;
    match digits.parse::<f64>() {
        Ok(v) if well_formed && v.is_finite() => Amount::Value(if neg { -v } else { v }),
        _ => Amount::Unparsable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indian_amounts() {
        assert_eq!(parse_amount("Rs. 1,25,000"), Amount::Value(125000.0));
        assert_eq!(parse_amount("₹1,25,000.50"), Amount::Value(125000.5));
        assert_eq!(parse_amount("1,25,000/-"), Amount::Value(125000.0));
        assert_eq!(parse_amount("INR 500"), Amount::Value(500.0));
        assert_eq!(parse_amount("(1,200)"), Amount::Value(-1200.0));
        assert_eq!(parse_amount("-45.5"), Amount::Value(-45.5));
        assert_eq!(parse_amount("NA"), Amount::Empty);
        assert_eq!(parse_amount(""), Amount::Empty);
        assert_eq!(parse_amount("paid"), Amount::Unparsable);
        assert_eq!(parse_amount("12 lakh"), Amount::Unparsable);
        assert_eq!(parse_amount("1.2.3"), Amount::Unparsable);
    }
}
