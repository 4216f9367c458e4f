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
    /// followed by a column whose own header does not say what it holds.
    pub fn find(engine: &Engine, plans: &[ColumnPlan], rows: &[Vec<&str>]) -> Option<AttributeRows> {
        (0..plans.len().saturating_sub(1)).find_map(|name_col| {
            let value_col = name_col + 1;
            if plans[name_col].class.pii_type.is_some() || plans[value_col].class.source == ClassSource::Header {
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
                .filter(|(name, _)| engine.hints.classify(name).is_some())
                .filter_map(|(name, values)| {
                    let plan = engine.plan_column(name, values);
                    plan.class.pii_type.is_some().then(|| {
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
        let plans = plans_and_rows(&e, &["Relation", "Relative Name", "Age"], &rows);
        assert!(AttributeRows::find(&e, &plans, &rows).is_none());
        let rows: Vec<Vec<&str>> = (0..12).map(|i| vec![["Residential", "Commercial"][i % 2], "1200"]).collect();
        let plans = plans_and_rows(&e, &["Usage", "Tax"], &rows);
        assert!(AttributeRows::find(&e, &plans, &rows).is_none());
    }
}
