//! Dates as parda finds them (`14/03/1990`, `1990-03-14`, `14-Mar-90`, `3 March 1990`): their
//! layout, so that a replacement date is written the way the original was.

use parda_rules::validators::parse_date;

/// The first and last day that tokens range over (what `parse_date` accepts).
pub const FIRST_YEAR: i64 = 1900;
/// The last year.
pub const LAST_YEAR: i64 = 2030;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Year,
    Month,
    Day,
    MonthWord,
}

/// Where the year, month and day of a date sit in its text, and how wide each is written.
#[derive(Debug, Clone)]
pub struct DateShape {
    /// (byte start, byte end, part) of each field, in order.
    fields: Vec<(usize, usize, Part)>,
    text: String,
}

/// A civil date.
pub type Ymd = (i64, u32, u32);

impl DateShape {
    /// Reads a date and its layout; `None` when it is no date `parse_date` accepts.
    pub fn parse(s: &str) -> Option<(DateShape, Ymd)> {
        let (y, m, d) = parse_date(s)?;
        let mut runs: Vec<(usize, usize, bool)> = Vec::new();
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let digit = b[i].is_ascii_digit();
            let alpha = b[i].is_ascii_alphabetic();
            if digit || alpha {
                let start = i;
                while i < b.len() && (if digit { b[i].is_ascii_digit() } else { b[i].is_ascii_alphabetic() }) {
                    i += 1;
                }
                runs.push((start, i, digit));
            } else {
                i += 1;
            }
        }
        let nums: Vec<(usize, usize)> = runs.iter().filter(|r| r.2).map(|r| (r.0, r.1)).collect();
        let word = runs.iter().find(|r| {
            !r.2 && r.1 - r.0 >= 3 && MONTHS.iter().any(|m| m.starts_with(&s[r.0..r.0 + 3].to_ascii_lowercase()))
        });
        let w = |r: (usize, usize)| r.1 - r.0;
        let mut fields = Vec::new();
        match (word, nums.as_slice()) {
            (Some(wd), [a, b]) if w(*a) == 4 => {
                fields.extend([(a.0, a.1, Part::Year), (wd.0, wd.1, Part::MonthWord), (b.0, b.1, Part::Day)])
            }
            (Some(wd), [a, b]) => {
                fields.extend([(a.0, a.1, Part::Day), (wd.0, wd.1, Part::MonthWord), (b.0, b.1, Part::Year)])
            }
            (None, [a, b, c]) if w(*a) == 4 => {
                fields.extend([(a.0, a.1, Part::Year), (b.0, b.1, Part::Month), (c.0, c.1, Part::Day)])
            }
            (None, [a, b, c]) => {
                fields.extend([(a.0, a.1, Part::Day), (b.0, b.1, Part::Month), (c.0, c.1, Part::Year)])
            }
            _ => return None,
        }
        fields.sort_by_key(|f| f.0);
        let shape = DateShape { fields, text: s.to_string() };
        let ok = shape.fields.iter().all(|&(a, b, p)| match p {
            Part::Year => b - a == 4 || b - a == 2,
            Part::Month | Part::Day => b - a <= 2,
            Part::MonthWord => true,
        });
        (ok && shape.render((y as i64, m, d)).as_deref() == Some(s)).then_some((shape, (y as i64, m, d)))
    }

    /// Whether `date` can be written in this layout so that it reads back the same: one-digit
    /// fields stay under 10, two-digit years stay in the window `parse_date` expands them to.
    pub fn fits(&self, (y, m, d): Ymd) -> bool {
        let orig = self.values();
        self.fields.iter().zip(orig).all(|(&(_, _, p), o)| match p {
            Part::Year if self.year_width() == 2 => (1931..=2030).contains(&y),
            Part::Year => (FIRST_YEAR..=LAST_YEAR).contains(&y),
            Part::Month => (m < 10) == (o < 10),
            Part::Day => (d < 10) == (o < 10),
            Part::MonthWord => true,
        })
    }

    fn year_width(&self) -> usize {
        self.fields.iter().find(|f| f.2 == Part::Year).map_or(4, |f| f.1 - f.0)
    }

    fn values(&self) -> Vec<i64> {
        self.fields
            .iter()
            .map(|&(a, b, p)| match p {
                Part::MonthWord => 0,
                _ => self.text[a..b].parse().unwrap_or(0),
            })
            .collect()
    }

    /// Writes `date` in this layout: separators and month-word style as found, fields as wide
    /// as found (wider when a one-digit field gets a two-digit value).
    pub fn render(&self, (y, m, d): Ymd) -> Option<String> {
        let mut out = String::with_capacity(self.text.len());
        let mut pos = 0;
        for &(a, b, p) in &self.fields {
            out.push_str(&self.text[pos..a]);
            let width = b - a;
            match p {
                Part::Year if width == 2 => out.push_str(&format!("{:02}", y.rem_euclid(100))),
                Part::Year => out.push_str(&format!("{y:04}")),
                Part::Month => out.push_str(&format!("{m:0width$}")),
                Part::Day => out.push_str(&format!("{d:0width$}")),
                Part::MonthWord => {
                    let found = &self.text[a..b];
                    let name = MONTHS.get(m as usize - 1)?;
                    let name = if width == 3 { &name[..3] } else { name };
                    let upper = found.bytes().all(|c| c.is_ascii_uppercase());
                    let title = found.as_bytes()[0].is_ascii_uppercase();
                    if upper {
                        out.push_str(&name.to_ascii_uppercase());
                    } else if title {
                        out.push_str(&name[..1].to_ascii_uppercase());
                        out.push_str(&name[1..]);
                    } else {
                        out.push_str(name);
                    }
                }
            }
            pos = b;
        }
        out.push_str(&self.text[pos..]);
        Some(out)
    }
}

pub use parda_rules::validators::{civil_from_days, days_from_civil};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_round_trip() {
        for s in ["14/03/1990", "1990-03-14", "14-Mar-90", "3 March 1990", "1/3/1990", "03.01.1985", "14-MAR-1990"] {
            let (shape, ymd) = DateShape::parse(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(shape.render(ymd).unwrap(), s);
            assert!(shape.fits(ymd));
        }
        let (shape, _) = DateShape::parse("14-Mar-90").unwrap();
        assert_eq!(shape.render((2001, 12, 25)).unwrap(), "25-Dec-01");
        assert!(DateShape::parse("31/02/1990").is_none());
    }

    #[test]
    fn civil_days() {
        for z in [-25567i64, -1, 0, 1, 10957, 22000] {
            assert_eq!(days_from_civil(civil_from_days(z)), z);
        }
        assert_eq!(days_from_civil((1970, 1, 1)), 0);
        assert_eq!(civil_from_days(days_from_civil((2000, 2, 29))), (2000, 2, 29));
    }
}
