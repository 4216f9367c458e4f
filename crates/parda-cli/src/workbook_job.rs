//! One workbook through the engine: each sheet's header row is found below any title rows,
//! its columns classified from the header and a sample, then every cell is checked and written
//! back in row order with its type, or as masked text.

use crate::csv_job::{column_report, named, Mode};
use crate::report::{ColumnReport, FileReport};
use anyhow::{anyhow, Result};
use parda_formats::{AtomicOutput, CellOut, CellValue, Sheet, WorkbookReader, WorkbookWriter};
use parda_transform::{CellOutcome, ColumnMode, ColumnPlan, ColumnStats, Engine};
use std::collections::BTreeMap;
use std::path::Path;

const HEADER_SCAN_ROWS: usize = 30;
const SAMPLE_ROWS: usize = 1000;

/// The header row (relative): the first of the first rows that is nearly as full as the fullest
/// (a merged title row above it holds one cell).
fn find_header(sheet: &Sheet) -> Option<usize> {
    let (rows, cols) = sheet.size();
    let counts: Vec<usize> = (0..rows.min(HEADER_SCAN_ROWS))
        .map(|r| (0..cols).filter(|&c| sheet.value(r, c) != CellValue::Empty).count())
        .collect();
    let max = counts.iter().copied().max().unwrap_or(0);
    if max < 2 {
        return None;
    }
    counts.iter().position(|&n| n * 5 >= max * 4)
}

struct SheetPlans {
    header: Option<usize>,
    columns: Vec<ColumnPlan>,
    names: Vec<String>,
    free: ColumnPlan,
    header_plan: ColumnPlan,
}

impl SheetPlans {
    /// The plan for a cell: title rows and the header have their own.
    fn plan(&self, r: usize, c: usize) -> &ColumnPlan {
        match self.header {
            Some(h) if r < h => &self.free,
            Some(h) if r == h => &self.header_plan,
            _ => &self.columns[c],
        }
    }
}

fn plan_sheet(engine: &Engine, sheet: &Sheet) -> SheetPlans {
    let (rows, cols) = sheet.size();
    let mut header = find_header(sheet);
    let text = |r: usize, c: usize| sheet.value(r, c).as_text().unwrap_or_default();
    if let Some(h) = header {
        let mut scratch = Vec::new();
        let is_data = (0..cols).any(|c| {
            let t = text(h, c);
            let t = t.trim();
            engine.matcher.detect(t, &Default::default(), &mut scratch);
            scratch
                .iter()
                .any(|f| (f.end - f.start) * 10 >= t.len() * 9 && !engine.matcher.is_protected_type(f.type_idx))
        });
        if is_data {
            header = None;
        }
    }
    let first_data = header.map_or(0, |h| h + 1);
    let names: Vec<String> = (0..cols)
        .map(|c| match header {
            Some(h) if !text(h, c).trim().is_empty() => text(h, c).trim().to_string(),
            _ => format!("column {}", c + 1),
        })
        .collect();
    let columns = (0..cols)
        .map(|c| {
            let samples: Vec<String> =
                (first_data..rows.min(first_data + SAMPLE_ROWS)).filter_map(|r| sheet.value(r, c).as_text()).collect();
            let refs: Vec<&str> = samples.iter().map(String::as_str).collect();
            engine.plan_column(if header.is_some() { &names[c] } else { "" }, &refs)
        })
        .collect();
    SheetPlans { header, columns, names, free: engine.free_text_plan(), header_plan: engine.header_plan() }
}

/// Processes one workbook; in `Mask` mode writes `output` (always `.xlsx`) atomically.
// Cells are addressed by column index in the sheet, the plans and the counters alike.
#[allow(clippy::needless_range_loop)]
pub fn run_workbook(engine: &Engine, path: &str, output: Option<&Path>, mode: Mode) -> Result<FileReport> {
    let mut reader = WorkbookReader::open(path)?;
    let mut writer = WorkbookWriter::new();
    let mut columns: Vec<ColumnReport> = Vec::new();
    let mut outside = ColumnStats::default();
    let mut all = ColumnStats::default();
    let mut remaining: BTreeMap<usize, u64> = BTreeMap::new();
    let (mut rows_in, mut preamble) = (0u64, 0u64);
    let mut scratch = Vec::new();
    for name in reader.sheet_names.clone() {
        let sheet = reader.sheet(&name)?;
        let plans = plan_sheet(engine, &sheet);
        let mut stats = vec![ColumnStats::default(); plans.columns.len()];
        let mut sw = if mode == Mode::Mask {
            Some(writer.add_sheet(&name).map_err(|e| anyhow!("{path}: sheet {name:?}: {e}"))?)
        } else {
            None
        };
        let (rows, cols) = sheet.size();
        let (r0, c0) = sheet.origin();
        for r in 0..rows {
            let is_data = plans.header.is_none_or(|h| r > h);
            if is_data {
                rows_in += 1;
            } else if plans.header.is_some_and(|h| r < h) {
                preamble += 1;
            }
            let (abs_r, merges): (u32, Vec<_>) =
                (r0 + r as u32, sheet.merges.iter().filter(|m| m.start.0 == r0 + r as u32).collect());
            for c in 0..cols {
                let value = sheet.value(r, c);
                if value == CellValue::Empty {
                    continue;
                }
                let abs_c = c0 + c as u32;
                let plan = plans.plan(r, c);
                let slot = if is_data { &mut stats[c] } else { &mut outside };
                let skip_detection =
                    matches!(value, CellValue::Date(_)) && !matches!(plan.mode, ColumnMode::Whole { .. });
                let out = match value.as_text() {
                    Some(text) if !skip_detection => {
                        if mode == Mode::Verify {
                            for t in engine.remaining_pii(&text, plan, &mut scratch) {
                                *remaining.entry(t).or_default() += 1;
                            }
                            None
                        } else {
                            match engine.process_cell(&text, plan, slot, &mut scratch) {
                                CellOutcome::Changed(new) => Some(new),
                                CellOutcome::Unchanged => None,
                            }
                        }
                    }
                    _ => None,
                };
                if let Some(sw) = sw.as_mut() {
                    let merge = merges.iter().find(|m| m.start.1 == abs_c && m.start != m.end);
                    let written = match (&out, merge) {
                        (Some(new), Some(m)) => sw.merge(m, new),
                        (None, Some(m)) => sw.merge(m, &value.as_text().unwrap_or_default()),
                        (Some(new), None) => sw.write(abs_r, abs_c as u16, CellOut::Text(new.clone())),
                        (None, None) => {
                            sw.write(abs_r, abs_c as u16, CellOut::Same(&value, sheet.formula(abs_r, abs_c)))
                        }
                    };
                    written.map_err(|e| anyhow!("{path}: sheet {name:?}: {e}"))?;
                }
            }
        }
        for (c, plan) in plans.columns.iter().enumerate() {
            all.merge(&stats[c]);
            let mut report =
                column_report(engine, columns.len(), &format!("{name}: {}", plans.names[c]), plan, &stats[c]);
            report.index = c;
            columns.push(report);
        }
    }
    all.merge(&outside);
    if let Some(out) = output.filter(|_| mode == Mode::Mask) {
        let atomic = AtomicOutput::create(out)?;
        writer.save(atomic.temp_path()).map_err(|e| anyhow!("{}: cannot write: {e}", out.display()))?;
        atomic.commit()?;
    }
    let ext = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("xlsx").to_ascii_lowercase();
    let mut outside_report =
        column_report(engine, columns.len(), "(outside columns)", &engine.free_text_plan(), &outside);
    outside_report.action = "detect spans".into();
    Ok(FileReport {
        path: path.to_string(),
        output: output.map(|o| o.display().to_string()),
        output_format: (ext != "xlsx" && mode == Mode::Mask).then(|| "xlsx".into()),
        sheets: reader.sheet_names.clone(),
        format: ext,
        encoding: String::new(),
        delimiter: String::new(),
        line_ending: String::new(),
        preamble_rows: preamble,
        rows_in,
        rows_out: if mode == Mode::Mask { rows_in } else { 0 },
        pii_found: named(engine, &all.found),
        cells_changed: all.changed,
        already_protected: all.protected,
        pii_remaining: (mode == Mode::Verify)
            .then(|| remaining.iter().map(|(k, v)| (engine.type_name(*k).to_string(), *v)).collect()),
        columns,
        outside_columns: outside_report,
        ..Default::default()
    })
}
