//! Files that hold one attribute of a record per row (entity-attribute-value exports, form
//! dumps): a column names the attribute (`Field`: `Applicant Name`, `Mobile`, `DOB`) and the
//! next one holds its value. Each value is planned as a column under the name its row gives
//! would be: a date under `DOB` is a date of birth, twelve digits under `Aadhaar` an Aadhaar
//! number, a single word under `Father Name` a name.

use crate::engine::{ColumnPlan, Engine};
use parda_detect::ClassSource;
use std::collections::{BTreeMap, HashMap};

/// The most distinct attribute names a name column holds (a form has tens of fields).
const MAX_NAMES: usize = 64;

/// A name column, the value column after it, and a plan for each attribute name that names a
/// type of personal data.
#[derive(Debug, Clone)]
pub struct AttributeRows {
    /// The column naming each row's attribute.
    pub name_col: usize,
    /// The column holding its value.
    pub value_col: usize,
    /// Plans by attribute name (trimmed), for the names that announce a PII type.
    by_name: HashMap<String, ColumnPlan>,
}

impl AttributeRows {
    /// Looks in the sampled `rows` for a column of attribute names followed by their values:
    /// a column of no type whose few distinct values repeat down the file, at least two of
    /// them headers of a PII type (under which their sampled values are planned as a column),
    /// followed by a column whose own header does not say what it holds (neither a type's hint
    /// nor a hint against one: `Gender` after `Relationship` holds genders, not the names
    /// `Father` and `Husband` would announce).
    pub fn find(engine: &Engine, plans: &[ColumnPlan], rows: &[Vec<&str>]) -> Option<AttributeRows> {
        (0..plans.len().saturating_sub(1)).find_map(|name_col| {
            let value_col = name_col + 1;
            if plans[name_col].class.pii_type.is_some()
                || plans[value_col].class.source == ClassSource::Header
                || !engine.hints.vetoed(&plans[value_col].header).is_empty()
            {
                return None;
            }
            let mut values_by_name: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            let mut named = 0;
            for row in rows {
                let Some(name) = row.get(name_col).map(|n| n.trim()).filter(|n| !n.is_empty()) else { continue };
                named += 1;
                let values = values_by_name.entry(name).or_default();
                values.extend(row.get(value_col).copied());
                if values_by_name.len() > MAX_NAMES {
                    return None;
                }
            }
            // Attribute names repeat, one set per record.
            if named < 4 || values_by_name.len() * 2 > named {
                return None;
            }
            let mut typed_rows = 0;
            let by_name: HashMap<String, ColumnPlan> = values_by_name
                .iter()
                .filter(|(name, _)| label_like(name) && engine.hints.classify(name).is_some())
                .filter_map(|(name, values)| {
                    let plan = engine.plan_column(name, values);
                    plan.class.pii_type.filter(|&t| values_fit(engine, &plan, t, values)).map(|_| {
                        typed_rows += values.len();
                        (name.to_string(), plan)
                    })
                })
                .collect();
            (by_name.len() >= 2 && typed_rows * 4 >= named).then_some(AttributeRows { name_col, value_col, by_name })
        })
    }

    /// The plan for a value whose row names the attribute `name`, if that name announces a
    /// type of personal data.
    pub fn plan_for(&self, name: &str) -> Option<&ColumnPlan> {
        self.by_name.get(name.trim())
    }

    /// The attribute names planned as a type, sorted, with their plans.
    pub fn planned(&self) -> Vec<(&str, &ColumnPlan)> {
        let mut out: Vec<(&str, &ColumnPlan)> = self.by_name.iter().map(|(n, p)| (n.as_str(), p)).collect();
        out.sort_by_key(|(n, _)| *n);
        out
    }
}

/// Whether the values under an attribute are of its type, for a type every value of which
/// holds a digit (a mobile number, a date of birth): at least half of them are found whole as
/// one in a column of that type (`W12` under a remark `Mobile number not available` is not).
/// Names and addresses are any words that read as people's ([`people_like`]).
fn values_fit(engine: &Engine, plan: &ColumnPlan, type_idx: usize, values: &[&str]) -> bool {
    if !engine.matcher.type_needs_digit(type_idx) {
        return people_like(engine, values);
    }
    let ctx = plan.class.cell_context();
    let mut findings = Vec::new();
    let (mut sampled, mut fit) = (0, 0);
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty() && !parda_detect::is_placeholder(v)) {
        sampled += 1;
        engine.matcher.detect(v, &ctx, &mut findings);
        if findings.iter().any(|f| f.type_idx == type_idx && (f.end - f.start) * 10 >= v.len() * 9) {
            fit += 1;
        }
    }
    fit * 2 >= sampled
}

/// Whether the values under a name or address attribute read as people's: at most half of
/// them codes (two characters or fewer, or one to three common words: `M`, `FEMALE`, `Self`).
/// `M` and `FEMALE` under `Father` and `Husband` are a column of genders beside a column of
/// relationships (in a file without a header nothing else tells them from attribute values).
fn people_like(engine: &Engine, values: &[&str]) -> bool {
    let given: Vec<&str> =
        values.iter().map(|v| v.trim()).filter(|v| !v.is_empty() && !parda_detect::is_placeholder(v)).collect();
    let codes =
        given.iter().filter(|v| v.chars().count() <= 2 || key_like(v) || engine.matcher.names.is_word_cell(v)).count();
    codes * 2 <= given.len()
}

/// Whether a value is a key of some system, not a name: one word with a digit, an underscore
/// or a colon in it, or lower-case parts joined by dots (`pb.amritsar`, DIGIT's tenant ids;
/// `user_01`), where initials joined so (`R.K.Sharma`, `r.k.sharma`) have one letter before a dot.
fn key_like(value: &str) -> bool {
    let b = value.as_bytes();
    if b.iter().any(u8::is_ascii_whitespace) {
        return false;
    }
    if b.iter().any(|&c| c.is_ascii_digit() || c == b'_' || c == b':') {
        return true;
    }
    let mut parts = value.split('.');
    let first = parts.next().unwrap_or("");
    value.contains('.')
        && first.len() >= 2
        && value.bytes().all(|c| c.is_ascii_lowercase() || c == b'.' || c == b'-')
        && parts.all(|p| !p.is_empty())
}

/// Whether an attribute name reads as a form's field label (`Applicant Name`, `DOB`, `Name of
/// the Father or Husband`), not a remark that mentions one (`mob: 91-8123456789`, `email
/// x@example.com`, `DOB 12th January 1980`): a remark column whose remarks repeat is no column
/// of attribute names, and the column after it holds no values of theirs.
fn label_like(name: &str) -> bool {
    name.len() <= 64
        && name.split_whitespace().count() <= 8
        && !name.contains('@')
        && name.bytes().filter(u8::is_ascii_digit).count() <= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CellOutcome, ColumnStats, Scratch};

    fn engine() -> Engine {
        crate::engine::default_engine()
    }

    fn plans_and_rows<'a>(e: &Engine, headers: &[&str], rows: &'a [Vec<&'a str>]) -> Vec<ColumnPlan> {
        (0..headers.len())
            .map(|c| {
                let values: Vec<&str> = rows.iter().filter_map(|r| r.get(c).copied()).collect();
                e.plan_column(headers[c], &values)
            })
            .collect()
    }

    fn masked(e: &Engine, plan: &ColumnPlan, cell: &str) -> String {
        match e.process_cell(cell, plan, &mut ColumnStats::default(), &mut Scratch::default()) {
            CellOutcome::Changed(new) => new,
            CellOutcome::Unchanged => cell.to_string(),
        }
    }

    /// A form export, one field per row: each value is masked as the field its row names.
    #[test]
    fn values_are_planned_by_the_attribute_their_row_names() {
        let e = engine();
        let mut rows = Vec::new();
        for (app, name, father, mobile, aadhaar, dob) in [
            ("A1", "Ramesh Kumar", "Venkatappa", "9876543210", "345678901235", "12/03/1975"),
            ("A2", "Lakshmamma", "Suresh Prasad", "8765432109", "234567890124", "1980-01-01"),
        ] {
            for (field, value) in [
                ("Applicant Name", name),
                ("Father Name", father),
                ("Mobile", mobile),
                ("Aadhaar", aadhaar),
                ("DOB", dob),
                ("Ward", "Ward 5"),
                ("Category", "BPL"),
            ] {
                rows.push(vec![app, field, value]);
            }
        }
        let plans = plans_and_rows(&e, &["Application No", "Field", "Value"], &rows);
        let a = AttributeRows::find(&e, &plans, &rows).expect("attribute rows");
        assert_eq!((a.name_col, a.value_col), (1, 2));
        let names: Vec<&str> = a.planned().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["Aadhaar", "Applicant Name", "DOB", "Father Name", "Mobile"]);
        assert_eq!(masked(&e, a.plan_for("Father Name").unwrap(), "Venkatappa"), "V*********");
        assert_eq!(masked(&e, a.plan_for(" DOB ").unwrap(), "1980-01-01"), "****-**-**");
        assert_eq!(masked(&e, a.plan_for("Aadhaar").unwrap(), "345678901235"), "********1235");
        assert!(a.plan_for("Ward").is_none() && a.plan_for("Category").is_none());
    }

    /// Asserts that `rows` under `headers` hold no attribute rows (naming the ones found).
    fn assert_no_attribute_rows(e: &Engine, headers: &[&str], rows: &[Vec<&str>]) {
        let plans = plans_and_rows(e, headers, rows);
        let found = AttributeRows::find(e, &plans, rows);
        assert!(
            found.is_none(),
            "{headers:?}: {:?}",
            found.map(|a| a.planned().iter().map(|(n, _)| n.to_string()).collect::<Vec<_>>())
        );
    }

    /// An ordinary register is no attribute file: a column of few repeated words (`Relation`:
    /// `Father`, `Husband`) next to a column whose header names it, or of values that repeat
    /// little.
    #[test]
    fn an_ordinary_register_has_no_attribute_rows() {
        let e = engine();
        let rows: Vec<Vec<&str>> = (0..12)
            .map(|i| {
                vec![["Father", "Husband", "Mother"][i % 3], ["Ramesh Kumar", "Sita Devi", "Abdul Karim"][i % 3], "45"]
            })
            .collect();
        assert_no_attribute_rows(&e, &["Relation", "Relative Name", "Age"], &rows);
        let rows: Vec<Vec<&str>> = (0..12).map(|i| vec![["Residential", "Commercial"][i % 2], "1200"]).collect();
        assert_no_attribute_rows(&e, &["Usage", "Tax"], &rows);
        // Remarks that repeat and mention a mobile number, an email, a date of birth, beside a
        // ward: no attribute names (the wards were masked as dates of birth and mobiles).
        let remarks = [
            "mob: 91-8123456789, alt 098765 43210",
            "email RAMESH.KUMAR@GMAIL.COM",
            "DOB 12th January 1980",
            "aadhar no 234567890124",
            "paid in cash",
        ];
        let rows: Vec<Vec<&str>> = (0..20).map(|i| vec![remarks[i % 5], ["W1", "W12", "Ward 5"][i % 3]]).collect();
        assert_no_attribute_rows(&e, &["Remarks", "Ward No"], &rows);
        // Remarks that read as labels, beside a status: the values do not fit the types.
        let remarks = ["Aadhaar not seeded", "Mobile number not available", "DOB not given", "paid"];
        let rows: Vec<Vec<&str>> =
            (0..20).map(|i| vec![remarks[i % 4], ["ACTIVE", "W12", "Ward 5", "PENDING"][i % 4]]).collect();
        assert_no_attribute_rows(&e, &["Remarks", "Status"], &rows);
        // A relationship beside a gender: `Father` and `Husband` announce names, but the
        // column after them says it holds genders (they were masked as names).
        let rows: Vec<Vec<&str>> = (0..60)
            .map(|i| vec![["FATHER", "HUSBAND", "W/O", "S/O"][i % 4], ["M", "FEMALE", "F", "MALE"][i / 4 % 4]])
            .collect();
        assert_no_attribute_rows(&e, &["relationship", "gender"], &rows);
        // The same in a file without a header: codes, not people's names.
        assert_no_attribute_rows(&e, &["", ""], &rows);
        // DIGIT's `eg_user`: a guardian's relationship beside the tenant id (`pb.amritsar` was
        // masked as a father's name), or beside a user name.
        let rows: Vec<Vec<&str>> = (0..60)
            .map(|i| {
                vec![["FATHER", "HUSBAND", "MOTHER"][i % 3], ["pb.amritsar", "pb.jalandhar", "pb.ludhiana"][i / 3 % 3]]
            })
            .collect();
        assert_no_attribute_rows(&e, &["guardianrelation", "tenantid"], &rows);
        let rows: Vec<Vec<&str>> =
            (0..60).map(|i| vec![["FATHER", "HUSBAND"][i % 2], ["EMP_AMR_0339", "user_01", "EMP:12"][i % 3]]).collect();
        assert_no_attribute_rows(&e, &["", ""], &rows);
    }

    #[test]
    fn keys_are_told_from_names() {
        for key in ["pb.amritsar", "pb.jalandhar.ward-1", "EMP_0042", "user:12", "W12"] {
            assert!(key_like(key), "{key}");
        }
        for name in ["R.K.Sharma", "r.k.sharma", "Venkatappa", "Ramesh Kumar", "Mohd. Irfan", "D'Souza", "Lal-Singh"] {
            assert!(!key_like(name), "{name}");
        }
    }
}
