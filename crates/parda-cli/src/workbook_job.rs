//! One workbook through the engine. Each sheet is read as a stream of cells in row order (from
//! the file itself for `.xlsx`/`.xlsm`, so memory stays bounded whatever the sheet's size); the
//! first rows are held back to find the header below any title rows and to classify the
//! columns, then every cell is checked and written back in place, with its type or as masked
//! text.

use crate::csv_job::{column_report, named, Mode};
use crate::locators::{self, LocatorSink, UnmaskCtx};
use crate::pipeline::{plan_columns, run_ordered};
use crate::report::{ColumnReport, FileReport};
use anyhow::{anyhow, Result};
use parda_formats::{
    AtomicOutput, CellBlock, CellOut, CellValue, RowsXml, SheetWriter, StreamCell, WorkbookReader, WorkbookWriter,
};
use parda_transform::keyed::dates::{days_from_civil, DateShape};
use parda_transform::{AttributeRows, CellOutcome, ColumnMode, ColumnPlan, ColumnStats, Engine, Scratch};
use std::collections::BTreeMap;
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
    /// A column naming each row's attribute and the column of its value (a form exported one
    /// field per row).
    attributes: Option<AttributeRows>,
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

    /// Whether a data cell is its column's header name again (a printed report's page header,
    /// sheets pasted one below the other): a column name, not a value.
    fn repeats_header(&self, col: u32, text: &str) -> bool {
        self.header.is_some() && self.names.get(col as usize).is_some_and(|n| !n.is_empty() && n == text.trim())
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

fn plan_sheet(engine: &Engine, prefix: &[StreamCell], threads: usize) -> SheetPlans {
    let mut header = find_header(prefix);
    let text = |c: &StreamCell| c.value.as_text().unwrap_or_default();
    if let Some(h) = header {
        let mut scratch = Vec::new();
        let cells: Vec<String> = prefix.iter().filter(|c| c.row == h).map(text).collect();
        let is_data = engine.header_row_is_data(cells.iter().map(String::as_str), &mut scratch);
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
    let mut columns: Vec<ColumnPlan> = plan_columns(ncols, threads, |c| {
        let refs: Vec<&str> = samples[c].iter().map(String::as_str).collect();
        engine.plan_column(if header.is_some() { &names[c] } else { "" }, &refs)
    });
    engine.accounts_beside_ifsc(&mut columns, |c| samples[c].iter().map(String::as_str).collect());
    // The sampled rows as rows (the samples above are per column, without empty cells).
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for c in prefix.iter().filter(|c| c.row >= first_data && c.row < first_data + SAMPLE_ROWS) {
        let row = rows.entry(c.row).or_default();
        if row.len() <= c.col as usize {
            row.resize(c.col as usize + 1, String::new());
        }
        row[c.col as usize] = text(c);
    }
    let rows: Vec<Vec<&str>> = rows.values().map(|r| r.iter().map(String::as_str).collect()).collect();
    let attributes = AttributeRows::find(engine, &columns, &rows);
    SheetPlans { header, columns, names, free: engine.free_text_plan(), header_plan: engine.header_plan(), attributes }
}

/// Counters for one workbook, across its sheets.
struct Totals {
    outside: ColumnStats,
    remaining: BTreeMap<usize, u64>,
    rows_in: u64,
    preamble: u64,
    locators: Vec<u8>,
}

/// Cells handed to a worker at a time: large enough that the hand-over costs nothing, small
/// enough that `2 x threads + 2` batches in flight stay a few MB.
const BATCH_CELLS: usize = 8192;

/// What is read and decided once per sheet, shared by the workers.
struct SheetJob<'a> {
    engine: &'a Engine,
    mode: Mode,
    plans: SheetPlans,
    sheet: String,
    unmask: Option<&'a UnmaskCtx>,
    /// Whether the output is written (the workers then turn their rows into its XML).
    writes: bool,
}

/// A batch of cells after the engine: its rows as XML (when the output is written) and its
/// counters, merged in input order by the writer.
struct BatchOut {
    xml: Option<RowsXml>,
    /// Rows of data, and rows above the header.
    rows: u64,
    preamble: u64,
    stats: Vec<ColumnStats>,
    outside: ColumnStats,
    remaining: BTreeMap<usize, u64>,
    locators: Vec<u8>,
}

impl SheetJob<'_> {
    /// Detects and transforms a batch of cells (on a worker thread).
    fn batch(&self, cells: Vec<StreamCell>) -> std::result::Result<BatchOut, String> {
        let mut out = BatchOut {
            // (~40 bytes of XML a cell.)
            xml: self.writes.then(|| RowsXml::with_capacity(cells.len() * 48)),
            rows: 0,
            preamble: 0,
            stats: vec![ColumnStats::default(); self.plans.columns.len()],
            outside: ColumnStats::default(),
            remaining: BTreeMap::new(),
            locators: Vec::new(),
        };
        let mut last_row = None;
        let mut scratch = Scratch::default();
        // In an attribute sheet, the attribute the current row names (a batch holds whole rows,
        // cells in column order).
        let mut row_attribute: Option<(u32, String)> = None;
        for c in &cells {
            let named = match &self.plans.attributes {
                Some(a) if c.col as usize == a.name_col => {
                    row_attribute = Some((c.row, c.value.as_text().unwrap_or_default()));
                    None
                }
                Some(a) if c.col as usize == a.value_col => {
                    row_attribute.as_ref().filter(|(r, _)| *r == c.row).and_then(|(_, n)| a.plan_for(n))
                }
                _ => None,
            };
            let new = self.cell(c, named, &mut out, &mut scratch)?;
            if last_row != Some(c.row) {
                last_row = Some(c.row);
                match self.plans.header {
                    Some(h) if c.row < h => out.preamble += 1,
                    Some(h) if c.row == h => {}
                    _ => out.rows += 1,
                }
            }
            let Some(xml) = out.xml.as_mut() else { continue };
            match new {
                Some(new) => match typed_like(&c.value, &new) {
                    Some(v) => xml.write(c.row, c.col as u16, CellOut::Same(&v, None)),
                    None => xml.write(c.row, c.col as u16, CellOut::Text(new)),
                },
                None => xml.write(c.row, c.col as u16, CellOut::Same(&c.value, c.formula.as_deref())),
            }?;
        }
        // Deflated here too: the writer thread only appends the bytes.
        if let Some(xml) = out.xml.as_mut() {
            xml.deflate();
        }
        Ok(out)
    }

    /// One cell; `named`: the plan of the attribute its row names, for an attribute's value.
    fn cell(
        &self,
        c: &StreamCell,
        named: Option<&ColumnPlan>,
        out: &mut BatchOut,
        scratch: &mut Scratch,
    ) -> std::result::Result<Option<String>, String> {
        let (own, is_data) = self.plans.plan(c.row, c.col);
        let named = named.filter(|_| is_data);
        let plan = named.unwrap_or(own);
        // Dates are only masked in a column classified as holding one; elsewhere they are
        // application and payment dates.
        let skip = matches!(c.value, CellValue::Date(_)) && !matches!(plan.mode, ColumnMode::Whole { .. });
        let text = match c.value.text() {
            Some(text) if !skip || self.unmask.is_some() => text,
            _ => return Ok(None),
        };
        if is_data && self.plans.repeats_header(c.col, &text) {
            return Ok(None);
        }
        if let Some(u) = self.unmask {
            let slot = out.stats.get_mut(c.col as usize).unwrap_or(&mut out.outside);
            return u
                .cell(self.engine, &self.sheet, c.row as u64, c.col, &text, slot)
                .map_err(|e| format!("row {}, column {}: {e}", c.row + 1, c.col + 1));
        }
        if self.mode == Mode::Verify {
            for t in self.engine.remaining_pii(&text, plan, scratch) {
                *out.remaining.entry(t).or_default() += 1;
            }
            return Ok(None);
        }
        let outcome = match column_stats(&mut out.stats, c.col, is_data) {
            // (A value under its row's attribute has a plan per attribute: no memory per column.)
            Some(slot) if named.is_some() => self.engine.process_cell(&text, plan, slot, scratch),
            Some(slot) => self.engine.process_column_cell(c.col as usize, &text, plan, slot, scratch),
            None => self.engine.process_cell(&text, plan, &mut out.outside, scratch),
        };
        Ok(match outcome {
            CellOutcome::Changed(new) => {
                if !scratch.tokens.is_empty() {
                    locators::push(&mut out.locators, self.engine, &self.sheet, c.row as u64, c.col, &scratch.tokens);
                }
                // A date cell masked (`**/**/****`) stays a date cell: the date legacy systems
                // write for "unknown", as in a dump's DATE column. A token that is a date is
                // written as that date (`typed_like`); a year or an age band (`generalize`),
                // a hash or a label is written as text.
                let masked = !new.bytes().any(|b| b.is_ascii_alphanumeric());
                if matches!(c.value, CellValue::Date(_)) && masked && DateShape::parse(&new).is_none() {
                    let slot = column_stats(&mut out.stats, c.col, is_data).unwrap_or(&mut out.outside);
                    slot.resample(&new, DATE_PLACEHOLDER);
                    Some(DATE_PLACEHOLDER.to_string())
                } else {
                    Some(new)
                }
            }
            CellOutcome::Unchanged => None,
        })
    }
}

/// The counters of a data cell's column; none for a cell outside the data (a title, a note
/// beside the table), counted with the sheet's `outside` counters.
fn column_stats(stats: &mut [ColumnStats], col: u32, is_data: bool) -> Option<&mut ColumnStats> {
    stats.get_mut(col as usize).filter(|_| is_data)
}

/// What a masked date cell holds: the date legacy systems write for "unknown" (no time of day).
const DATE_PLACEHOLDER: &str = "1900-01-01";

/// Writes a batch's rows in order (on the caller's thread) and adds up its counters.
struct SheetSink<'a, 'w> {
    stats: Vec<ColumnStats>,
    totals: &'a mut Totals,
    writer: Option<SheetWriter<'w>>,
}

impl SheetSink<'_, '_> {
    fn consume(&mut self, batch: BatchOut) -> std::result::Result<(), String> {
        self.totals.rows_in += batch.rows;
        self.totals.preamble += batch.preamble;
        if let (Some(sw), Some(xml)) = (self.writer.as_mut(), batch.xml) {
            sw.write_rows(xml)?;
        }
        for (all, part) in self.stats.iter_mut().zip(&batch.stats) {
            all.merge(part);
        }
        self.totals.outside.merge(&batch.outside);
        for (t, n) in batch.remaining {
            *self.totals.remaining.entry(t).or_default() += n;
        }
        self.totals.locators.extend_from_slice(&batch.locators);
        Ok(())
    }
}

/// A number cell whose new value is a number (a token or restored value) stays a number, a
/// date cell whose new value is a date stays a date, so tokens round-trip with their types.
fn typed_like(orig: &CellValue, new: &str) -> Option<CellValue> {
    match orig {
        CellValue::Number(_) if !new.starts_with('0') || new == "0" => new.parse().ok().map(CellValue::Number),
        CellValue::Date(_) if new == DATE_PLACEHOLDER => Some(CellValue::Date(date_serial((1900, 1, 1)))),
        CellValue::Date(f) => {
            let (_, ymd) = DateShape::parse(new)?;
            Some(CellValue::Date(date_serial(ymd) + f.fract()))
        }
        _ => None,
    }
}

/// The Excel serial number of a date (1900 system): days from 1899-12-30, and one day fewer
/// before 1900-03-01 (Excel counts a 29 February 1900, so 1900-01-01 is 1).
fn date_serial(ymd: parda_transform::keyed::dates::Ymd) -> f64 {
    let days = days_from_civil(ymd) + 25_569;
    (if days < 61 { days - 1 } else { days }) as f64
}

/// The held-back cells in batches of about [`BATCH_CELLS`], each ending at a row's end.
fn held_batches(cells: Vec<StreamCell>) -> Vec<Vec<StreamCell>> {
    let mut batches: Vec<Vec<StreamCell>> = Vec::new();
    for c in cells {
        match batches.last_mut() {
            Some(b) if b.len() < BATCH_CELLS || b.last().is_some_and(|l| l.row == c.row) => b.push(c),
            _ => batches.push(vec![c]),
        }
    }
    batches
}

/// Processes one workbook; in `Mask` mode writes `output` (always `.xlsx`) atomically.
pub fn run_workbook(
    engine: &Engine,
    path: &str,
    output: Option<&Path>,
    mode: Mode,
    unmask: Option<&UnmaskCtx>,
    threads: usize,
) -> Result<FileReport> {
    let mut reader = WorkbookReader::open(path)?;
    // The output is written as the sheets are read, under a temporary name until it is whole.
    let atomic = output.filter(|_| mode.writes()).map(AtomicOutput::create).transpose()?;
    let mut writer = atomic.as_ref().map(|a| a.file().map(WorkbookWriter::create)).transpose()?;
    let mut columns: Vec<ColumnReport> = Vec::new();
    let mut all = ColumnStats::default();
    let mut totals = Totals {
        outside: ColumnStats::default(),
        remaining: BTreeMap::new(),
        rows_in: 0,
        preamble: 0,
        locators: Vec::new(),
    };
    for name in reader.sheet_names.clone() {
        let fail = |e: String| anyhow!("{path}: sheet {name:?}: {e}");
        let mut cells = reader.cells(&name)?;
        // Hold back the first rows: they decide the header and the columns' classes. (Whole
        // blocks are read here; the plan looks at the rows before the limit, as a reader
        // stopping at the first cell past it would.)
        let mut held: Vec<StreamCell> = Vec::new();
        let past_plan_rows = |held: &[StreamCell]| match (held.first(), held.last()) {
            (Some(first), Some(last)) => last.row >= first.row + HEADER_SCAN_ROWS + SAMPLE_ROWS,
            _ => false,
        };
        while !past_plan_rows(&held) {
            match cells.next_block(BATCH_CELLS)? {
                Some(block) => held.extend(block.cells().map_err(fail)?),
                None => break,
            }
        }
        let planned = held.first().map_or(0, |f| {
            held.iter().position(|c| c.row >= f.row + HEADER_SCAN_ROWS + SAMPLE_ROWS).unwrap_or(held.len())
        });
        let plans = plan_sheet(engine, &held[..planned], threads);
        let job = SheetJob { engine, mode, plans, sheet: name.clone(), unmask, writes: writer.is_some() };
        let ncols = job.plans.columns.len();
        let writer = match writer.as_mut() {
            Some(w) => Some(w.add_sheet(&name).map_err(fail)?),
            None => None,
        };
        let mut sink = SheetSink { stats: vec![ColumnStats::default(); ncols], totals: &mut totals, writer };
        // The held-back rows go first, in batches ending at a row's end, then the rest of the
        // sheet in blocks of whole rows: cut out on one thread, read into cells and checked on
        // `threads` workers, written here in order. (A reader asked again after its last block
        // gives none.)
        let mut held = held_batches(held).into_iter();
        let read = || -> Result<Option<CellBlock>> {
            match held.next() {
                Some(batch) => Ok(Some(batch.into())),
                None => Ok(cells.next_block(BATCH_CELLS)?),
            }
        };
        run_ordered(
            threads,
            read,
            |block| block.cells().and_then(|cells| job.batch(cells)),
            |out| out.and_then(|b| sink.consume(b)).map_err(fail),
        )?;
        // The merged regions (an `.xlsx` reader has them once its last cell is read) go at the
        // sheet's end.
        if let Some(w) = sink.writer.as_mut() {
            cells.merges().iter().for_each(|m| w.merge(m));
        }
        for (c, plan) in job.plans.columns.iter().enumerate() {
            all.merge(&sink.stats[c]);
            let mut report = column_report(engine, c, &format!("{name}: {}", job.plans.names[c]), plan, &sink.stats[c]);
            report.index = c;
            columns.push(report);
        }
    }
    all.merge(&totals.outside);
    if let (Some(out), Some(atomic), Some(writer)) = (output, atomic, writer) {
        writer.save().map_err(|e| anyhow!("{}: cannot write: {e}", out.display()))?;
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
