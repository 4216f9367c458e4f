//! One workbook through the engine. Each sheet is read as a stream of cells in row order (from
//! the file itself for `.xlsx`/`.xlsm`, so memory stays bounded whatever the sheet's size); the
//! first rows are held back to find the header below any title rows and to classify the
//! columns, then every cell is checked and written back in place, with its type or as masked
//! text.

use crate::csv_job::{column_report, named, Mode};
use crate::locators::{self, LocatorSink, UnmaskCtx};
use crate::report::{ColumnReport, FileReport};
use anyhow::{anyhow, Result};
use parda_formats::{
    AtomicOutput, CellOut, CellValue, Dimensions, SheetWriter, StreamCell, WorkbookReader, WorkbookWriter,
};
use parda_transform::keyed::dates::{days_from_civil, DateShape};
use parda_transform::{CellOutcome, ColumnMode, ColumnPlan, ColumnStats, Engine, Scratch};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const HEADER_SCAN_ROWS: u32 = 30;
const SAMPLE_ROWS: u32 = 1000;

struct SheetPlans {
    header: Option<u32>,
    /// Indexed by absolute column.
    columns: Vec<ColumnPlan>,
    names: Vec<String>,
    free: ColumnPlan,
    header_plan: ColumnPlan,
}

impl SheetPlans {
    /// The plan for a cell (title rows and the header have their own) and whether it is data.
    fn plan(&self, row: u32, col: u32) -> (&ColumnPlan, bool) {
        match self.header {
            Some(h) if row < h => (&self.free, false),
            Some(h) if row == h => (&self.header_plan, false),
            _ => (self.columns.get(col as usize).unwrap_or(&self.free), true),
        }
    }
}

/// The header row: the first of the first rows that is nearly as full as the fullest (a merged
/// title row above it holds one cell).
fn find_header(prefix: &[StreamCell]) -> Option<u32> {
    let first = prefix.first()?.row;
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for c in prefix.iter().take_while(|c| c.row < first + HEADER_SCAN_ROWS) {
        if c.value != CellValue::Empty {
            *counts.entry(c.row).or_default() += 1;
        }
    }
    let max = counts.values().copied().max().unwrap_or(0);
    if max < 2 {
        return None;
    }
    counts.iter().find(|(_, &n)| n * 5 >= max * 4).map(|(&r, _)| r)
}

fn plan_sheet(engine: &Engine, prefix: &[StreamCell]) -> SheetPlans {
    let mut header = find_header(prefix);
    let text = |c: &StreamCell| c.value.as_text().unwrap_or_default();
    if let Some(h) = header {
        let mut scratch = Vec::new();
        let is_data = prefix.iter().filter(|c| c.row == h).any(|c| engine.header_cell_is_data(&text(c), &mut scratch));
        if is_data {
            header = None;
        }
    }
    let ncols = prefix.iter().map(|c| c.col as usize + 1).max().unwrap_or(0);
    let mut names: Vec<String> = (1..=ncols).map(|i| format!("column {i}")).collect();
    if let Some(h) = header {
        for c in prefix.iter().filter(|c| c.row == h) {
            let t = text(c);
            if !t.trim().is_empty() {
                names[c.col as usize] = t.trim().to_string();
            }
        }
    }
    let first_data = header.map_or(prefix.first().map_or(0, |c| c.row), |h| h + 1);
    let mut samples: Vec<Vec<String>> = vec![Vec::new(); ncols];
    for c in prefix.iter().filter(|c| c.row >= first_data && c.row < first_data + SAMPLE_ROWS) {
        if let Some(t) = c.value.as_text() {
            samples[c.col as usize].push(t);
        }
    }
    let columns = (0..ncols)
        .map(|c| {
            let refs: Vec<&str> = samples[c].iter().map(String::as_str).collect();
            engine.plan_column(if header.is_some() { &names[c] } else { "" }, &refs)
        })
        .collect();
    SheetPlans { header, columns, names, free: engine.free_text_plan(), header_plan: engine.header_plan() }
}

/// Counters and scratch space for one workbook.
struct Totals {
    outside: ColumnStats,
    remaining: BTreeMap<usize, u64>,
    rows_in: u64,
    preamble: u64,
    scratch: Scratch,
    locators: Vec<u8>,
}

struct SheetJob<'a> {
    engine: &'a Engine,
    mode: Mode,
    plans: SheetPlans,
    stats: Vec<ColumnStats>,
    merges: HashMap<(u32, u32), Dimensions>,
    last_row: Option<u32>,
    sheet: String,
    unmask: Option<&'a UnmaskCtx>,
}

impl SheetJob<'_> {
    fn cell(
        &mut self,
        c: &StreamCell,
        totals: &mut Totals,
        sw: Option<&mut SheetWriter>,
    ) -> std::result::Result<(), String> {
        let (plan, is_data) = self.plans.plan(c.row, c.col);
        if self.last_row != Some(c.row) {
            self.last_row = Some(c.row);
            if is_data {
                totals.rows_in += 1;
            } else if self.plans.header.is_some_and(|h| c.row < h) {
                totals.preamble += 1;
            }
        }
        // Dates are only masked in a column classified as holding one; elsewhere they are
        // application and payment dates.
        let skip = matches!(c.value, CellValue::Date(_)) && !matches!(plan.mode, ColumnMode::Whole { .. });
        let new = match c.value.as_text() {
            Some(text) if !skip || self.unmask.is_some() => {
                if let Some(u) = self.unmask {
                    let slot = self.stats.get_mut(c.col as usize).unwrap_or(&mut totals.outside);
                    u.cell(self.engine, &self.sheet, c.row as u64, c.col, &text, slot)
                        .map_err(|e| format!("row {}, column {}: {e}", c.row + 1, c.col + 1))?
                } else if self.mode == Mode::Verify {
                    for t in self.engine.remaining_pii(&text, plan, &mut totals.scratch) {
                        *totals.remaining.entry(t).or_default() += 1;
                    }
                    None
                } else {
                    let slot = match self.stats.get_mut(c.col as usize) {
                        Some(s) if is_data => s,
                        _ => &mut totals.outside,
                    };
                    match self.engine.process_cell(&text, plan, slot, &mut totals.scratch) {
                        CellOutcome::Changed(new) => {
                            if !totals.scratch.tokens.is_empty() {
                                let t = &totals.scratch.tokens;
                                locators::push(&mut totals.locators, self.engine, &self.sheet, c.row as u64, c.col, t);
                            }
                            Some(new)
                        }
                        CellOutcome::Unchanged => None,
                    }
                }
            }
            _ => None,
        };
        let Some(sw) = sw else { return Ok(()) };
        match (self.merges.get(&(c.row, c.col)), new) {
            (Some(m), Some(new)) => sw.merge(m, &new),
            (Some(m), None) => sw.merge(m, &c.value.as_text().unwrap_or_default()),
            (None, Some(new)) => match typed_like(&c.value, &new) {
                Some(v) => sw.write(c.row, c.col as u16, CellOut::Same(&v, None)),
                None => sw.write(c.row, c.col as u16, CellOut::Text(new)),
            },
            (None, None) => sw.write(c.row, c.col as u16, CellOut::Same(&c.value, c.formula.as_deref())),
        }
    }
}

/// A number cell whose new value is a number (a token or restored value) stays a number, a
/// date cell whose new value is a date stays a date, so tokens round-trip with their types.
fn typed_like(orig: &CellValue, new: &str) -> Option<CellValue> {
    match orig {
        CellValue::Number(_) if !new.starts_with('0') || new == "0" => new.parse().ok().map(CellValue::Number),
        CellValue::Date(f) => {
            let (_, ymd) = DateShape::parse(new)?;
            Some(CellValue::Date((days_from_civil(ymd) + 25_569) as f64 + f.fract()))
        }
        _ => None,
    }
}

/// Processes one workbook; in `Mask` mode writes `output` (always `.xlsx`) atomically.
pub fn run_workbook(
    engine: &Engine,
    path: &str,
    output: Option<&Path>,
    mode: Mode,
    unmask: Option<&UnmaskCtx>,
) -> Result<FileReport> {
    let mut reader = WorkbookReader::open(path)?;
    let mut writer = WorkbookWriter::new();
    let mut columns: Vec<ColumnReport> = Vec::new();
    let mut all = ColumnStats::default();
    let mut totals = Totals {
        outside: ColumnStats::default(),
        remaining: BTreeMap::new(),
        rows_in: 0,
        preamble: 0,
        scratch: Scratch::default(),
        locators: Vec::new(),
    };
    for name in reader.sheet_names.clone() {
        let merges: HashMap<(u32, u32), Dimensions> =
            reader.merges(&name).into_iter().filter(|m| m.start != m.end).map(|m| (m.start, m)).collect();
        let mut cells = reader.cells(&name)?;
        // Hold back the first rows: they decide the header and the columns' classes.
        let mut prefix: Vec<StreamCell> = Vec::new();
        let mut next = None;
        while let Some(c) = cells.next_cell()? {
            if prefix.first().is_some_and(|f: &StreamCell| c.row >= f.row + HEADER_SCAN_ROWS + SAMPLE_ROWS) {
                next = Some(c);
                break;
            }
            prefix.push(c);
        }
        let plans = plan_sheet(engine, &prefix);
        let ncols = plans.columns.len();
        let mut job = SheetJob {
            engine,
            mode,
            plans,
            stats: vec![ColumnStats::default(); ncols],
            merges,
            last_row: None,
            sheet: name.clone(),
            unmask,
        };
        let mut sw = if mode.writes() {
            Some(writer.add_sheet(&name).map_err(|e| anyhow!("{path}: sheet {name:?}: {e}"))?)
        } else {
            None
        };
        let fail = |e: String| anyhow!("{path}: sheet {name:?}: {e}");
        for c in prefix.iter().chain(next.as_ref()) {
            job.cell(c, &mut totals, sw.as_mut()).map_err(fail)?;
        }
        if next.is_some() {
            while let Some(c) = cells.next_cell()? {
                job.cell(&c, &mut totals, sw.as_mut()).map_err(fail)?;
            }
        }
        for (c, plan) in job.plans.columns.iter().enumerate() {
            all.merge(&job.stats[c]);
            let mut report = column_report(engine, c, &format!("{name}: {}", job.plans.names[c]), plan, &job.stats[c]);
            report.index = c;
            columns.push(report);
        }
    }
    all.merge(&totals.outside);
    if let Some(out) = output.filter(|_| mode.writes()) {
        let atomic = AtomicOutput::create(out)?;
        writer.save(atomic.temp_path()).map_err(|e| anyhow!("{}: cannot write: {e}", out.display()))?;
        if let Some(mut l) = LocatorSink::for_output(engine, Some(out).filter(|_| mode == Mode::Mask))? {
            l.write(&totals.locators)?;
            l.commit()?;
        }
        atomic.commit()?;
    }
    let ext = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("xlsx").to_ascii_lowercase();
    let mut outside_report =
        column_report(engine, columns.len(), "(outside columns)", &engine.free_text_plan(), &totals.outside);
    outside_report.action = "detect spans".into();
    Ok(FileReport {
        path: path.to_string(),
        output: output.map(|o| o.display().to_string()),
        output_format: (ext != "xlsx" && mode.writes()).then(|| "xlsx".into()),
        sheets: reader.sheet_names.clone(),
        format: ext,
        preamble_rows: totals.preamble,
        rows_in: totals.rows_in,
        rows_out: if mode.writes() { totals.rows_in } else { 0 },
        pii_found: named(engine, &all.found),
        cells_changed: all.changed,
        already_protected: all.protected,
        pii_remaining: (mode == Mode::Verify)
            .then(|| totals.remaining.iter().map(|(k, v)| (engine.type_name(*k).to_string(), *v)).collect()),
        columns,
        outside_columns: outside_report,
        ..Default::default()
    })
}
