//! Ragged rows: a row with more fields than the header (an unquoted comma split a name or an
//! address, a trailing delimiter) or fewer (trailing fields dropped, a field left out). Each way
//! its fields may sit under the columns is scored by what the cells say (a date under `DOB`, a
//! mobile under `Mobile`, a name under `Name`, letters under an amount), and a field goes to the
//! column the best ways agree on. Where they do not, the field is masked as any name or address
//! column it may have shifted from, or as a typed column whose value it holds; and a typed
//! column no field fills gives its type to a field that holds a value of it. A shifted value
//! never passes through.

use crate::engine::{ColumnMode, ColumnPlan, Engine};
use parda_detect::{is_amount, is_placeholder, CellContext};

/// The most fields a row may gain or lose and still be aligned (more: every field is unsure).
const MAX_SHIFT: usize = 8;

/// The longest cell that is checked for being one typed value (longer: it is not one).
const MAX_TYPED_LEN: usize = 80;

/// Where a field of a ragged row is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// As a cell of column `c`, with its plan.
    Column(usize),
    /// With span detection only, under column `c`'s header.
    Spans(usize),
    /// Past the last column: as free text.
    Outside,
}

/// For each field of a ragged row (`values`, its fields' text), where it is checked;
/// `columns` are the plans of the header's columns.
pub fn align(engine: &Engine, columns: &[ColumnPlan], values: &[&str]) -> Vec<Placement> {
    let (nfields, ncols) = (values.len(), columns.len());
    let shift = nfields.abs_diff(ncols);
    // A row far off the header's length (a broken line of thousands of fields) is not weighed:
    // each field is checked as it may have shifted, and memory stays bounded by the row.
    let weigh = ncols > 0 && shift > 0 && shift <= MAX_SHIFT;
    let ways = if weigh { ways(nfields, ncols) } else { Vec::new() };
    // Evidence per (field, column), computed once: +1 the cell fits the column, -1 it does not.
    let mut evidence: Vec<Option<i32>> = vec![None; if weigh { nfields * (ncols + 1) } else { 0 }];
    let mut fits = |i: usize, c: usize| -> i32 {
        *evidence[i * (ncols + 1) + c].get_or_insert_with(|| {
            if c < ncols {
                fit(engine, &columns[c], values[i])
            } else {
                0
            }
        })
    };
    let scores: Vec<i32> = ways.iter().map(|w| w.iter().enumerate().map(|(i, &c)| fits(i, c)).sum()).collect();
    let best = scores.iter().copied().max();
    let said = best.is_some_and(|b| scores.iter().any(|&s| s != b));
    let mut placements: Vec<Placement> = (0..nfields)
        .map(|i| {
            // The columns the field may belong to: those of the best-scored ways, or, when the
            // cells say nothing, every column it may have shifted from.
            let mut candidates: Vec<usize> = if said {
                ways.iter().zip(&scores).filter(|(_, &s)| Some(s) == best).map(|(w, _)| w[i]).collect()
            } else if nfields > ncols {
                (i.saturating_sub(nfields - ncols)..=i).map(|c| c.min(ncols)).collect()
            } else {
                (i..=i + (ncols - nfields)).collect()
            };
            candidates.sort_unstable();
            candidates.dedup();
            if let [c] = candidates[..] {
                return if c < ncols { Placement::Column(c) } else { Placement::Outside };
            }
            let own_first = std::iter::once(i).chain(candidates.iter().copied()).filter(|&c| c < ncols);
            if let Some(c) = own_first.clone().find(|&c| columns[c].free_form) {
                return Placement::Column(c);
            }
            if let Some(c) = own_first.clone().find(|&c| weigh && typed(&columns[c]).is_some() && fits(i, c) > 0) {
                return Placement::Column(c);
            }
            if i < ncols {
                Placement::Spans(i)
            } else {
                Placement::Outside
            }
        })
        .collect();
    // A typed column no field of the row fills (none is placed there, or the one placed there
    // is no value of its type, nor empty: its value landed where no one way puts it, in a row
    // both split and cut short): a field placed under no type that holds a value of that type
    // is masked as one.
    let filled = |placements: &[Placement], fits: &mut dyn FnMut(usize, usize) -> i32, t: usize| {
        placements.iter().enumerate().any(|(i, p)| *p == Placement::Column(t) && fits(i, t) >= 0)
    };
    let vacant: Vec<usize> =
        (0..ncols).filter(|&t| weigh && typed(&columns[t]).is_some() && !filled(&placements, &mut fits, t)).collect();
    if weigh && !vacant.is_empty() {
        for (i, placement) in placements.iter_mut().enumerate() {
            let placed_as = match *placement {
                Placement::Column(c) => typed(&columns[c]).is_some() || columns[c].free_form,
                _ => false,
            };
            if let Some(&t) = vacant.iter().find(|&&t| !placed_as && fits(i, t) > 0) {
                *placement = Placement::Column(t);
            }
        }
    }
    placements
}

/// The ways `nfields` fields may sit under `ncols` columns: field `i` goes to `way[i]`
/// (`ncols`: past the last column). Fewer fields: one gap of the missing ones, anywhere. More:
/// one column split into the extra fields, or the extra fields past the last column.
fn ways(nfields: usize, ncols: usize) -> Vec<Vec<usize>> {
    if nfields < ncols {
        let missing = ncols - nfields;
        (0..=nfields).map(|gap| (0..nfields).map(|i| if i < gap { i } else { i + missing }).collect()).collect()
    } else {
        let extra = nfields - ncols;
        let mut ways: Vec<Vec<usize>> = (0..ncols)
            .map(|split| {
                (0..nfields)
                    .map(|i| {
                        if i < split {
                            i
                        } else if i <= split + extra {
                            split
                        } else {
                            i - extra
                        }
                    })
                    .collect()
            })
            .collect();
        ways.push((0..nfields).map(|i| i.min(ncols)).collect());
        ways
    }
}

/// The type of a column whose cells are each one validated value (mobile, date of birth).
fn typed(plan: &ColumnPlan) -> Option<usize> {
    match plan.mode {
        ColumnMode::Whole { type_idx, .. } if !plan.free_form => Some(type_idx),
        _ => None,
    }
}

/// Whether `value` fits the column of `plan`: +1 it does, -1 it does not, 0 the column or the
/// cell says nothing (an empty cell, a placeholder, a column of no type). A column of amounts
/// (`Rs. 1,25,000`, `404.64`) takes amounts only (`2023-24` is an assessment year).
fn fit(engine: &Engine, plan: &ColumnPlan, value: &str) -> i32 {
    let value = value.trim();
    if value.is_empty() || is_placeholder(value) {
        return 0;
    }
    let has_digit = value.bytes().any(|b| b.is_ascii_digit());
    if let Some(t) = typed(plan) {
        // Every typed value (identifiers, dates, emails, UPI ids) is short and holds a digit or
        // an `@`: a sentence or a word is no such value, without a search.
        if value.len() > MAX_TYPED_LEN || !(has_digit || value.contains('@')) {
            return -1;
        }
        let ctx = CellContext {
            header_flags: Some(&plan.class.header_flags),
            column_type: Some(t),
            suppress_digits: false,
            names: false,
        };
        let mut findings = Vec::new();
        engine.matcher.detect(value, &ctx, &mut findings);
        let whole = findings.iter().any(|f| f.type_idx == t && (f.end - f.start) * 10 >= value.len() * 9);
        return if whole { 1 } else { -1 };
    }
    if plan.free_form && plan.class.pii_type.is_some_and(|t| engine.matcher.rule_set.types[t].name == "name") {
        return if has_digit {
            -1
        } else if engine.matcher.names.is_name_cell(value) {
            1
        } else {
            0
        };
    }
    if plan.class.amount_like {
        return if is_amount(value) { 1 } else { -1 };
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        crate::engine::default_engine()
    }

    const HEADER: [&str; 8] =
        ["Emp Code", "Employee Name", "Designation", "DOB", "DOJ", "Bank A/c No", "Mobile", "Gross Salary"];
    const ROWS: [[&str; 8]; 5] = [
        ["EMP1001", "Ramesh Kumar", "Clerk", "12/03/1961", "01/07/1995", "30214567891", "9876543210", "45210.00"],
        ["EMP1002", "Sita Devi", "Peon", "1970-11-02", "14/03/2001", "10647457567", "8765432109", "21800.00"],
        [
            "EMP1003",
            "Abdul Karim",
            "Tax Collector",
            "28.10.1954",
            "04/03/2007",
            "144270316174876",
            "7654321098",
            "52653.00",
        ],
        [
            "EMP1004",
            "Kavita Sharma",
            "Junior Engineer",
            "5 Aug 1982",
            "22/04/2004",
            "437855613923949",
            "9123456780",
            "67990.00",
        ],
        ["EMP1005", "Gurpreet Kaur", "Clerk", "17 Mar 1952", "01/05/2008", "98654616818", "9012345678", "18666.00"],
    ];

    fn plans(e: &Engine) -> Vec<ColumnPlan> {
        (0..HEADER.len()).map(|c| e.plan_column(HEADER[c], &ROWS.iter().map(|r| r[c]).collect::<Vec<_>>())).collect()
    }

    /// A name split by an unquoted comma: the fields after it are one column to the right, and
    /// the date of birth and bank account there are checked under their own columns.
    #[test]
    fn a_split_name_shifts_the_fields_after_it() {
        let e = engine();
        let row = [
            "EMP1016",
            "Chhotelal",
            "Kulkarni",
            "Junior Engineer",
            "12-08-1954",
            "14/03/1995",
            "10647457567",
            "88984 86886",
            "52653.00",
        ];
        let got = align(&e, &plans(&e), &row);
        use Placement::Column as C;
        assert_eq!(got, [C(0), C(1), C(1), C(2), C(3), C(4), C(5), C(6), C(7)]);
    }

    /// Trailing fields dropped, and a trailing delimiter: the fields stay under their columns
    /// (no employee code or designation masked as a name).
    #[test]
    fn trailing_fields_dropped_or_added_keep_their_columns() {
        let e = engine();
        let p = plans(&e);
        use Placement::Column as C;
        let short = ["EMP1020", "Farhat Kushwaha", "Tax Collector", "28.10.1954", "04/03/2007", "144270316174876"];
        assert_eq!(align(&e, &p, &short), [C(0), C(1), C(2), C(3), C(4), C(5)]);
        let long = [
            "EMP1021",
            "Farhat Kushwaha",
            "Clerk",
            "28.10.1954",
            "04/03/2007",
            "144270316174876",
            "9376611232",
            "79549.00",
            "",
        ];
        let got = align(&e, &p, &long);
        assert_eq!(got[..8], [C(0), C(1), C(2), C(3), C(4), C(5), C(6), C(7)]);
    }

    /// A field left out in the middle: the fields after the gap move left, found by the mobile
    /// and the amount that only fit one column each.
    #[test]
    fn a_field_left_out_moves_the_rest_left() {
        let e = engine();
        let row = ["EMP1030", "Gulnaz Pillai", "Clerk", "1994-10-16", "437855613923949", "7319298147", "70074.00"];
        let got = align(&e, &plans(&e), &row);
        use Placement::Column as C;
        assert_eq!(got[..3], [C(0), C(1), C(2)]);
        assert_eq!(got[4..], [C(5), C(6), C(7)]);
        // `1994-10-16` is a date of birth or a date of joining: masked as the first.
        assert_eq!(got[3], C(3));
    }

    /// A name split in a file of names and wards: the name column is where both halves fit.
    #[test]
    fn the_halves_of_a_split_name_stay_in_the_name_column() {
        let e = engine();
        let headers = ["Name", "Ward", "Remarks"];
        let rows = [["Ramesh Kumar", "Ward 4", "ok"], ["Sita Devi", "Ward 5", "paid"], ["Abdul Karim", "Ward 1", "no"]];
        let p: Vec<ColumnPlan> =
            (0..3).map(|c| e.plan_column(headers[c], &rows.iter().map(|r| r[c]).collect::<Vec<_>>())).collect();
        use Placement::Column as C;
        assert_eq!(align(&e, &p, &["Ramesh", "Kumar", "Ward 4", "ok"]), [C(0), C(0), C(1), C(2)]);
    }

    /// Where the best ways disagree, a field that may belong to an address column is masked
    /// as one; one past the last column is free text.
    #[test]
    fn an_unsure_field_is_masked_as_the_address_it_may_be_part_of() {
        let e = engine();
        let headers = ["Name", "Address", "Ward"];
        let rows = [
            ["Ramesh Kumar", "H.No 12 MG Road", "Ward 4"],
            ["Sita Devi", "Plot 7 Gandhi Nagar", "Ward 5"],
            ["Abdul Karim", "4-3 Nehru Colony", "Ward 1"],
        ];
        let p: Vec<ColumnPlan> =
            (0..3).map(|c| e.plan_column(headers[c], &rows.iter().map(|r| r[c]).collect::<Vec<_>>())).collect();
        assert!(p[1].free_form);
        use Placement::Column as C;
        assert_eq!(
            align(&e, &p, &["Ramesh Kumar", "H.No 12", "MG Road", "Ward 4"]),
            [C(0), C(1), C(1), Placement::Outside]
        );
    }

    /// A row both split and cut short (no one way explains it): the date of birth, wherever it
    /// landed, is masked as one, since no field under `DOB` is a date; where the `DOB` column
    /// holds one, a date of joining stays a date of joining.
    #[test]
    fn a_date_of_birth_no_way_places_is_still_masked_as_one() {
        let e = engine();
        let p = plans(&e);
        let row = ["EMP1007", "Tolmin Zurek", "Door 5", "MG Road", "Guntur", "17/01/1960"];
        assert_eq!(align(&e, &p, &row)[5], Placement::Column(3));
        let headers = ["Emp Code", "Employee Name", "Address", "DOB", "DOJ", "Bank A/c No", "Mobile", "Gross Salary"];
        let p: Vec<ColumnPlan> = (0..8)
            .map(|c| {
                let values: Vec<&str> = ROWS.iter().map(|r| if c == 2 { "H.No 12 MG Road" } else { r[c] }).collect();
                e.plan_column(headers[c], &values)
            })
            .collect();
        let got = align(&e, &p, &row);
        assert_eq!(got[5], Placement::Column(3));
        let split = [
            "EMP1005",
            "Chhotelal",
            "Kulkarni",
            "H.No 9",
            "12-08-1954",
            "14/03/1995",
            "20647457561",
            "88984 86886",
            "52653.00",
        ];
        let got = align(&e, &p, &split);
        assert_eq!(got[4..], [3, 4, 5, 6, 7].map(Placement::Column));
    }

    /// More fields than the aligner weighs: every field is checked as before (a name column in
    /// reach masks it), nothing is dropped.
    #[test]
    fn a_row_far_longer_than_the_header_is_still_placed_field_by_field() {
        let e = engine();
        let p = plans(&e);
        let row: Vec<&str> = (0..30).map(|_| "x").collect();
        let got = align(&e, &p, &row);
        assert_eq!(got.len(), 30);
        assert_eq!(got[..2], [Placement::Column(0), Placement::Column(1)]);
        assert_eq!(got[29], Placement::Outside);
    }
}
