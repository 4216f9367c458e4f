//! One CSV file through the pipeline: sniff, classify its columns, then stream chunks through
//! detection and transformation on all threads, writing records back in order.

use crate::locators;
use crate::locators::{LocatorSink, UnmaskCtx};
use crate::pipeline::{plan_columns, run_ordered};
use crate::report::{ColumnReport, FileReport};
use anyhow::{anyhow, Result};
use parda_detect::trim;
use parda_formats::{
    field_value, write_field, AtomicOutput, Chunk, CsvReader, Dialect, FieldSpan, LineEnding, Record, RecordKind,
    TextEncoding, TextSink,
};
use parda_transform::ragged::{self, Placement};
use parda_transform::{AttributeRows, CellOutcome, ColumnMode, ColumnPlan, ColumnStats, Engine, Scratch};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// What a run does with each file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Find and report.
    Scan,
    /// Find, transform and write.
    Mask,
    /// Count what is still recognisable.
    Verify,
    /// Restore tokens and write.
    Unmask,
}

impl Mode {
    /// Whether the mode writes outputs.
    pub fn writes(self) -> bool {
        matches!(self, Mode::Mask | Mode::Unmask)
    }
}

/// Options of a run.
pub struct JobOptions<'a> {
    /// Where progress goes.
    pub progress: Option<&'a crate::progress::Progress>,
    /// Worker threads.
    pub threads: usize,
    /// Forced input encoding.
    pub encoding: Option<TextEncoding>,
    /// Target bytes per chunk.
    pub chunk_bytes: usize,
    /// For `unmask`: the file's locators and the role's rights.
    pub unmask: Option<&'a UnmaskCtx>,
    /// For `mask-units`: only this byte range of the file.
    pub range: Option<CsvRange>,
    /// For `mask-units`: the column classification the plan found, which this run must match.
    pub expect_columns: Option<&'a [String]>,
}

/// A byte range of a CSV file processed on its own (a work unit of `parda plan`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CsvRange {
    /// First byte.
    pub start: u64,
    /// End byte (exclusive).
    pub end: u64,
    /// The record number of its first record.
    pub first_ordinal: u64,
    /// The line its first record starts on.
    pub first_line: u64,
}

/// Set by the Ctrl-C handler; checked between chunks.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The error a run stopped by Ctrl-C ends with.
#[derive(Debug)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "interrupted")
    }
}
impl std::error::Error for Interrupted {}

struct Plans {
    columns: Vec<ColumnPlan>,
    /// The same columns with span detection only, for ragged rows.
    spans: Vec<ColumnPlan>,
    free: ColumnPlan,
    header: ColumnPlan,
    has_header: bool,
    /// The header's cells, to know the header repeated among the rows (files concatenated,
    /// a report's page header): left as it is, like the header itself.
    header_cells: Vec<String>,
    dialect: Dialect,
    mode: Mode,
    /// The column naming the row's person, and its type (for `shift`).
    subject: Option<(usize, usize)>,
    /// Generalised columns (quasi-identifiers), whose value combinations are counted.
    quasi: Vec<usize>,
    /// A column naming each row's attribute and the column of its value, when the file holds
    /// one attribute per row.
    attributes: Option<AttributeRows>,
}

#[derive(Default)]
struct ChunkResult {
    out: Vec<u8>,
    bytes: u64,
    stats: Vec<ColumnStats>,
    rows: u64,
    preamble: u64,
    ragged: u64,
    ragged_lines: Vec<u64>,
    remaining: BTreeMap<usize, u64>,
    locators: Vec<u8>,
    error: Option<String>,
    /// Rows per combination of generalised values.
    groups: std::collections::HashMap<Vec<String>, u64>,
}

/// The header names of a CSV file as parda will see them (for checking a policy's columns).
pub fn header_names(engine: &Engine, path: &str, encoding: Option<TextEncoding>) -> Result<Vec<String>> {
    let mut reader = CsvReader::open(path, encoding)?;
    settle_header(engine, &mut reader);
    Ok(reader.info.headers.clone())
}

/// A first row that holds PII is data, not a header ([`Engine::header_row_is_data`]).
fn settle_header(engine: &Engine, reader: &mut CsvReader) {
    if reader.info.header_ordinal.is_none() {
        return;
    }
    let mut scratch = Vec::new();
    let is_data = engine.header_row_is_data(reader.info.headers.iter().map(String::as_str), &mut scratch);
    if is_data {
        reader.set_header(None);
    }
}

/// Opens a CSV file, settles its header and plans its columns from the sample at its start, on
/// up to `threads` threads.
pub fn open_and_plan(
    engine: &Engine,
    path: &str,
    encoding: Option<TextEncoding>,
    threads: usize,
) -> Result<(CsvReader, Vec<String>, Vec<ColumnPlan>)> {
    let mut reader = CsvReader::open(path, encoding)?;
    settle_header(engine, &mut reader);
    let info = &reader.info;
    let header = info.header_ordinal;
    let ncols = match header {
        Some(_) => info.headers.len(),
        None => info.sample.iter().map(|(_, f)| f.len()).max().unwrap_or(0),
    };
    let names: Vec<String> = match header {
        Some(_) => info.headers.clone(),
        None => (1..=ncols).map(|i| format!("column {i}")).collect(),
    };
    // Ragged rows put other columns' values under a header: a sample of mostly whole rows is
    // classified from those alone (a file of mostly ragged rows, from all of them).
    let data_rows = || info.sample.iter().filter(|(o, _)| header.is_none_or(|h| *o > h));
    let whole_rows = data_rows().filter(|(_, f)| f.len() == ncols).count();
    let whole_only = header.is_some() && whole_rows > 0 && whole_rows * 2 >= data_rows().count();
    let samples = |i: usize| -> Vec<&str> {
        data_rows()
            .filter(|(_, f)| !whole_only || f.len() == ncols)
            .filter_map(|(_, f)| f.get(i).map(String::as_str))
            .collect()
    };
    let mut columns = plan_columns(ncols, threads, |i| {
        engine.plan_column(if header.is_some() { &names[i] } else { "" }, &samples(i))
    });
    engine.accounts_beside_ifsc(&mut columns, samples);
    Ok((reader, names, columns))
}

/// One line per column: its header, type and action (what a work unit must agree on).
pub fn column_summary(engine: &Engine, names: &[String], columns: &[ColumnPlan]) -> Vec<String> {
    names
        .iter()
        .zip(columns)
        .map(|(n, p)| {
            let ty = p.class.pii_type.map_or("-", |t| engine.type_name(t));
            format!("{n}: {ty}, {}", engine.action_label(p))
        })
        .collect()
}

/// Processes one CSV file. In `Mask` mode the output is written to `output` atomically.
pub fn run_csv(
    engine: &Engine,
    path: &str,
    output: Option<&Path>,
    mode: Mode,
    opts: &JobOptions,
) -> Result<FileReport> {
    let (mut reader, names, columns) = open_and_plan(engine, path, opts.encoding, opts.threads)?;
    let info = reader.info.clone();
    let header = info.header_ordinal;
    let ncols = columns.len();
    if let Some(expected) = opts.expect_columns {
        let found = column_summary(engine, &names, &columns);
        if found != expected {
            return Err(anyhow!(
                "{path}: the columns are classified differently from the plan ({} here, {} in the plan): \
                 give mask-units the same --rules, --policy and --profile as plan",
                found.join("; "),
                expected.join("; ")
            ));
        }
    }
    let sample_rows: Vec<Vec<&str>> = info
        .sample
        .iter()
        .filter(|(o, _)| header.is_none_or(|h| *o > h))
        .map(|(_, f)| f.iter().map(String::as_str).collect())
        .collect();
    let plans = Plans {
        attributes: AttributeRows::find(engine, &columns, &sample_rows),
        quasi: (0..columns.len())
            .filter(|&c| {
                matches!(&columns[c].mode, ColumnMode::Whole { action: parda_transform::Action::Generalize(_), .. })
            })
            .collect(),
        subject: engine.subject_column(&columns),
        spans: columns.iter().map(|c| engine.spans_only(c)).collect(),
        columns,
        free: engine.free_text_plan(),
        header: engine.header_plan(),
        has_header: header.is_some(),
        header_cells: if header.is_some() { info.headers.clone() } else { Vec::new() },
        dialect: info.dialect,
        mode,
    };

    let mut encoding = info.encoding;
    if let Some(r) = opts.range {
        reader.restrict(r.start, r.end, r.first_ordinal, r.first_line)?;
        if r.start > 0 {
            // The BOM belongs to the first unit only.
            encoding = TextEncoding::Utf8 { bom: false };
        }
    }
    let atomic = match (mode.writes(), output) {
        (true, Some(o)) => Some(AtomicOutput::create(o)?),
        _ => None,
    };
    let mut locator_sink = LocatorSink::for_output(engine, output.filter(|_| mode == Mode::Mask))?;
    let mut sink = match &atomic {
        Some(a) => Some(TextSink::new(a.file()?, encoding, info.gzip)?),
        None => None,
    };
    let mut totals = ChunkResult { stats: vec![ColumnStats::default(); ncols + 1], ..Default::default() };
    let chunk_bytes = opts.chunk_bytes;
    run_ordered(
        opts.threads,
        || {
            if INTERRUPTED.load(Ordering::Relaxed) {
                return Err(anyhow!(Interrupted));
            }
            reader.next_chunk(chunk_bytes).map_err(anyhow::Error::from)
        },
        |chunk| process_chunk(engine, &plans, &chunk, opts.unmask),
        |mut res| {
            if let Some(e) = res.error.take() {
                return Err(anyhow!("{path}: {e}"));
            }
            if let Some(p) = opts.progress {
                p.advance(res.bytes);
            }
            if let Some(l) = locator_sink.as_mut() {
                l.write(&res.locators)?;
            }
            if let Some(s) = sink.as_mut() {
                s.write_text(&res.out).map_err(|e| {
                    anyhow!("{}: cannot write: {e}", output.map(|o| o.display().to_string()).unwrap_or_default())
                })?;
            }
            merge(&mut totals, res);
            Ok(())
        },
    )?;
    if let (Some(s), Some(a)) = (sink, atomic) {
        s.finish().map_err(|e| {
            anyhow!("{}: cannot write: {e}", output.map(|o| o.display().to_string()).unwrap_or_default())
        })?;
        a.commit()?;
    }
    if let Some(l) = locator_sink {
        l.commit()?;
    }
    Ok(file_report(engine, path, output, mode, &info, &plans, &names, totals))
}

fn merge(t: &mut ChunkResult, r: ChunkResult) {
    for (a, b) in t.stats.iter_mut().zip(&r.stats) {
        a.merge(b);
    }
    t.rows += r.rows;
    t.preamble += r.preamble;
    t.ragged += r.ragged;
    for l in r.ragged_lines {
        if t.ragged_lines.len() < 10 {
            t.ragged_lines.push(l);
        }
    }
    for (k, v) in r.remaining {
        *t.remaining.entry(k).or_default() += v;
    }
    for (k, v) in r.groups {
        *t.groups.entry(k).or_default() += v;
    }
}

/// Whether a cell is checked with its own column's plan (a data row, not shifted), so that the
/// engine may remember the column's values.
fn own_column(plans: &Plans, rec: &Record, plan: &ColumnPlan, slot: usize) -> bool {
    rec.kind == RecordKind::Data && plans.columns.get(slot).is_some_and(|own| std::ptr::eq(own, plan))
}

/// The plan and stats slot for field `i` of a record; `placements`: where each field of a
/// ragged row is checked (empty for a row of the header's length).
fn pick<'a>(plans: &'a Plans, rec: &Record, placements: &[Placement], i: usize) -> (&'a ColumnPlan, usize) {
    let ncols = plans.columns.len();
    match rec.kind {
        RecordKind::Header => return (&plans.header, ncols),
        RecordKind::Preamble => return (&plans.free, ncols),
        RecordKind::Data => {}
    }
    match placements.get(i) {
        Some(&Placement::Column(c)) => (&plans.columns[c], c),
        Some(&Placement::Spans(c)) => (&plans.spans[c], c),
        Some(Placement::Outside) => (&plans.free, ncols),
        None if i < ncols => (&plans.columns[i], i),
        None => (&plans.free, ncols),
    }
}

fn process_chunk(engine: &Engine, plans: &Plans, chunk: &Chunk, unmask: Option<&UnmaskCtx>) -> ChunkResult {
    let ncols = plans.columns.len();
    let mut res = ChunkResult {
        stats: vec![ColumnStats::default(); ncols + 1],
        bytes: chunk.data.len() as u64,
        ..Default::default()
    };
    if plans.mode.writes() {
        res.out.reserve(chunk.data.len() + chunk.data.len() / 16);
    }
    let mut scratch = Scratch::default();
    let mut changes: Vec<(usize, String)> = Vec::new();
    for rec in &chunk.records {
        let fields = chunk.fields_of(rec);
        // The last record's new values are written: their buffers serve this one's.
        for (_, written) in changes.drain(..) {
            scratch.recycle(written);
        }
        match rec.kind {
            RecordKind::Preamble => res.preamble += 1,
            RecordKind::Header => {}
            RecordKind::Data => res.rows += 1,
        }
        if rec.kind == RecordKind::Data && repeats_header(plans, chunk, fields) {
            if plans.mode.writes() {
                write_record(&mut res.out, chunk, rec, fields, &[], plans.dialect);
            }
            continue;
        }
        // A row of the wrong length, or with a stray quote in it, is counted as ragged (and
        // masked in place like any row).
        if rec.kind == RecordKind::Data
            && ((plans.has_header && fields.len() != ncols) || fields.iter().any(|f| f.stray))
        {
            res.ragged += 1;
            if res.ragged_lines.len() < 10 {
                res.ragged_lines.push(rec.line);
            }
        }
        // A ragged row: which column each field belongs to, by what its cells say (a shifted
        // name or date of birth is masked as one).
        let placements = if rec.kind == RecordKind::Data && plans.has_header && fields.len() != ncols {
            let values: Vec<_> = fields.iter().map(|f| chunk.value(f, plans.dialect.quote)).collect();
            let values: Vec<&str> = values.iter().map(|v| v.as_ref()).collect();
            ragged::align(engine, &plans.columns, &values)
        } else {
            Vec::new()
        };
        if let Some((c, t)) = plans.subject.filter(|_| rec.kind == RecordKind::Data) {
            scratch.subject = fields.get(c).and_then(|f| engine.subject_of(t, &chunk.value(f, plans.dialect.quote)));
        }
        for (i, f) in fields.iter().enumerate() {
            let raw = chunk.raw_str(f);
            if raw.is_empty() {
                continue;
            }
            let value = field_value(raw, f, plans.dialect.quote);
            let (mut plan, slot) = pick(plans, rec, &placements, i);
            if let Some(a) = plans.attributes.as_ref().filter(|a| a.value_col == i && rec.kind == RecordKind::Data) {
                // The value of the attribute its row names (`Mobile`, `DOB`).
                if let Some(p) = fields.get(a.name_col).and_then(|f| a.plan_for(&chunk.value(f, plans.dialect.quote))) {
                    plan = p;
                }
            }
            if let Some(u) = unmask {
                match u.cell(engine, "", rec.ordinal, i as u32, &value, &mut res.stats[slot]) {
                    Ok(Some(new)) => changes.push((i, new)),
                    Ok(None) => {}
                    Err(e) => {
                        res.error = Some(format!("line {}, field {}: {e}", rec.line, i + 1));
                        return res;
                    }
                }
            } else if plans.mode == Mode::Verify {
                for t in engine.remaining_pii(&value, plan, &mut scratch) {
                    *res.remaining.entry(t).or_default() += 1;
                }
            } else if let CellOutcome::Changed(new) = if own_column(plans, rec, plan, slot) {
                engine.process_column_cell(slot, &value, plan, &mut res.stats[slot], &mut scratch)
            } else {
                engine.process_cell(&value, plan, &mut res.stats[slot], &mut scratch)
            } {
                if !scratch.tokens.is_empty() {
                    locators::push(&mut res.locators, engine, "", rec.ordinal, i as u32, &scratch.tokens);
                }
                changes.push((i, new));
            }
        }
        if !plans.quasi.is_empty() && rec.kind == RecordKind::Data && plans.mode == Mode::Mask {
            let key = plans
                .quasi
                .iter()
                .map(|&c| match changes.iter().find(|(i, _)| *i == c) {
                    Some((_, new)) => new.clone(),
                    None => {
                        fields.get(c).map_or(String::new(), |f| chunk.value(f, plans.dialect.quote).trim().to_string())
                    }
                })
                .collect();
            *res.groups.entry(key).or_default() += 1;
        }
        if plans.mode.writes() {
            write_record(&mut res.out, chunk, rec, fields, &changes, plans.dialect);
        }
    }
    res
}

/// Whether a data row is the header again, cell for cell (two exports concatenated, a printed
/// report's page header): its cells are column names, not values. The first cell decides for
/// almost every row.
fn repeats_header(plans: &Plans, chunk: &Chunk, fields: &[FieldSpan]) -> bool {
    let header = &plans.header_cells;
    header.len() >= 2
        && fields.len() == header.len()
        && fields.iter().zip(header).all(|(f, h)| trim(&chunk.value(f, plans.dialect.quote)) == trim(h))
}

/// Writes a record: its raw bytes, with changed fields re-written in place.
fn write_record(
    out: &mut Vec<u8>,
    chunk: &Chunk,
    rec: &Record,
    fields: &[FieldSpan],
    changes: &[(usize, String)],
    d: Dialect,
) {
    let mut pos = rec.start as usize;
    for (i, new) in changes {
        let f = &fields[*i];
        out.extend_from_slice(&chunk.data.as_bytes()[pos..f.start as usize]);
        write_field(out, new, f.quoted, d);
        pos = f.end as usize;
    }
    out.extend_from_slice(&chunk.data.as_bytes()[pos..rec.end as usize]);
}

pub(crate) fn named(engine: &Engine, counts: &[u64]) -> BTreeMap<String, u64> {
    counts.iter().enumerate().filter(|(_, &n)| n > 0).map(|(t, &n)| (engine.type_name(t).to_string(), n)).collect()
}

pub(crate) fn column_report(
    engine: &Engine,
    index: usize,
    name: &str,
    plan: &ColumnPlan,
    stats: &ColumnStats,
) -> ColumnReport {
    use parda_detect::ClassSource;
    ColumnReport {
        index,
        name: name.to_string(),
        classification: plan.class.pii_type.filter(|&t| t != usize::MAX).map(|t| engine.type_name(t).to_string()),
        confidence: (plan.class.confidence * 100.0).round() / 100.0,
        classified_by: match plan.class.source {
            ClassSource::Header => "header",
            ClassSource::Values => "values",
            ClassSource::None => "none",
        }
        .into(),
        action: engine.action_label(plan),
        pii_found: named(engine, &stats.found),
        cells_changed: stats.changed,
        already_protected: stats.protected,
        masked_samples: stats.samples.clone(),
    }
}

#[allow(clippy::too_many_arguments)]
fn file_report(
    engine: &Engine,
    path: &str,
    output: Option<&Path>,
    mode: Mode,
    info: &parda_formats::CsvInfo,
    plans: &Plans,
    names: &[String],
    t: ChunkResult,
) -> FileReport {
    let ncols = plans.columns.len();
    let columns: Vec<ColumnReport> =
        (0..ncols).map(|i| column_report(engine, i, &names[i], &plans.columns[i], &t.stats[i])).collect();
    let mut outside = column_report(engine, ncols, "(outside columns)", &plans.free, &t.stats[ncols]);
    outside.action = "detect spans".into();
    let mut all = ColumnStats::default();
    t.stats.iter().for_each(|s| all.merge(s));
    FileReport {
        path: path.to_string(),
        output: output.map(|o| o.display().to_string()),
        format: "csv".into(),
        output_format: None,
        sheets: Vec::new(),
        encoding: info.encoding.name().into(),
        delimiter: match info.dialect.delimiter {
            b',' => "comma",
            b'\t' => "tab",
            b';' => "semicolon",
            b'|' => "pipe",
            _ => "other",
        }
        .into(),
        line_ending: match info.line_ending {
            LineEnding::Lf => "lf",
            LineEnding::CrLf => "crlf",
            LineEnding::Cr => "cr",
            LineEnding::Mixed => "mixed",
            LineEnding::None => "none",
        }
        .into(),
        gzip: info.gzip,
        header_record: info.header_ordinal.map(|h| h + 1),
        preamble_rows: t.preamble,
        rows_in: t.rows,
        rows_out: if mode.writes() { t.rows } else { 0 },
        rows_quarantined: 0,
        ragged_rows: t.ragged,
        ragged_lines: t.ragged_lines,
        pii_found: named(engine, &all.found),
        cells_changed: all.changed,
        already_protected: all.protected,
        pii_remaining: (mode == Mode::Verify)
            .then(|| t.remaining.iter().map(|(k, v)| (engine.type_name(*k).to_string(), *v)).collect()),
        quasi_identifiers: plans.quasi.iter().map(|&c| names[c].clone()).collect(),
        k_anonymity: (!plans.quasi.is_empty() && mode == Mode::Mask)
            .then(|| t.groups.values().copied().min().unwrap_or(0)),
        columns,
        outside_columns: outside,
        error: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::plan_columns;

    #[test]
    fn columns_are_planned_in_order_on_any_number_of_threads() {
        for ncols in 0..8 {
            let expected: Vec<String> = (0..ncols).map(|i| format!("column {i}")).collect();
            for threads in 0..6 {
                let planned = plan_columns(ncols, threads, |i| {
                    // Uneven work, so that threads finish out of order.
                    std::thread::sleep(std::time::Duration::from_millis(((ncols - i) % 3) as u64));
                    format!("column {i}")
                });
                assert_eq!(planned, expected, "{ncols} columns, {threads} threads");
            }
        }
    }
}
