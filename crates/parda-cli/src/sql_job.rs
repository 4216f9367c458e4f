//! One SQL dump through the engine: each table's columns are named by `CREATE TABLE`, the
//! `INSERT` column list or the `COPY` list, and classified from those names and the first rows
//! seen; then every string and number literal is checked and re-written in place, escaped for
//! its dialect. Bytes outside the changed literals are copied as they are.

use crate::csv_job::{column_report, named, Mode};
use crate::locators::{self, LocatorSink, UnmaskCtx};
use crate::report::{ColumnReport, FileReport};
use anyhow::{anyhow, bail, Result};
use parda_formats::sql::{
    copy_fields, decode_copy_field, decode_string, encode_copy_field, encode_string, numeric_mask, Literal,
    LiteralKind, SqlDialect, SqlItem, SqlReader,
};
use parda_formats::{AtomicOutput, TextEncoding, TextSink};
use parda_transform::{CellOutcome, ColumnPlan, ColumnStats, Engine, Scratch};
use std::collections::BTreeMap;
use std::path::Path;

const SAMPLE_ROWS: usize = 1000;

/// True for file names read as SQL dumps.
pub fn is_sql(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    name.ends_with(".sql") || name.ends_with(".sql.gz")
}

#[derive(Default)]
struct Table {
    /// (name, SQL type) from `CREATE TABLE`.
    declared: Vec<(String, String)>,
    names: Vec<String>,
    numeric: Vec<bool>,
    plans: Option<Vec<ColumnPlan>>,
    stats: Vec<ColumnStats>,
}

fn is_numeric_type(ty: &str) -> bool {
    const NUMERIC: &[&str] = &[
        "int",
        "bigint",
        "smallint",
        "tinyint",
        "mediumint",
        "integer",
        "numeric",
        "decimal",
        "serial",
        "bigserial",
        "real",
        "double",
        "float",
    ];
    NUMERIC.iter().any(|n| ty.starts_with(n))
}

impl Table {
    /// Plans the columns from their names and sampled values.
    fn plan(&mut self, engine: &Engine, names: &[String], samples: &[Vec<String>]) {
        self.names = names.to_vec();
        self.numeric = names
            .iter()
            .map(|n| self.declared.iter().find(|(d, _)| d == n).is_some_and(|(_, t)| is_numeric_type(t)))
            .collect();
        let plans = names
            .iter()
            .enumerate()
            .map(|(c, name)| {
                let refs: Vec<&str> = samples.iter().filter_map(|row| row.get(c).map(String::as_str)).collect();
                engine.plan_column(name, &refs)
            })
            .collect();
        self.plans = Some(plans);
        self.stats = vec![ColumnStats::default(); names.len()];
    }
}

struct Job<'a> {
    engine: &'a Engine,
    mode: Mode,
    free: ColumnPlan,
    outside: ColumnStats,
    remaining: BTreeMap<usize, u64>,
    rows: u64,
    scratch: Scratch,
    unmask: Option<&'a UnmaskCtx>,
    locators: Vec<u8>,
    error: Option<String>,
    /// Items (statements, COPY rows) to write, for a work unit; `None`: all.
    range: Option<(u64, u64)>,
    /// Rows of the items written.
    rows_written: u64,
}

impl Job<'_> {
    /// Whether item `idx` is written (and masked) by this run.
    fn emits(&self, idx: u64) -> bool {
        self.range.is_none_or(|(a, b)| idx >= a && idx < b)
    }

    /// Checks one value (row ordinal `row` in the dump, column `col` of `table`); returns its
    /// replacement, if any.
    fn cell(
        &mut self,
        value: &str,
        plan: Option<&ColumnPlan>,
        stats: Option<&mut ColumnStats>,
        (table, row, col): (&str, u64, usize),
    ) -> Option<String> {
        let plan = plan.unwrap_or(&self.free);
        if let Some(u) = self.unmask {
            let stats = stats.unwrap_or(&mut self.outside);
            return match u.cell(self.engine, table, row, col as u32, value, stats) {
                Ok(new) => new,
                Err(e) => {
                    self.error.get_or_insert(format!("table {table}, row {}, column {}: {e}", row + 1, col + 1));
                    None
                }
            };
        }
        if self.mode == Mode::Verify {
            for t in self.engine.remaining_pii(value, plan, &mut self.scratch) {
                *self.remaining.entry(t).or_default() += 1;
            }
            return None;
        }
        let stats = stats.unwrap_or(&mut self.outside);
        match self.engine.process_cell(value, plan, stats, &mut self.scratch) {
            CellOutcome::Changed(new) => {
                if !self.scratch.tokens.is_empty() {
                    locators::push(&mut self.locators, self.engine, table, row, col as u32, &self.scratch.tokens);
                }
                Some(new)
            }
            CellOutcome::Unchanged => None,
        }
    }
}

pub(crate) fn literal_text(raw: &[u8], kind: LiteralKind) -> Option<String> {
    match kind {
        LiteralKind::Str { .. } => decode_string(raw, kind),
        LiteralKind::Number => std::str::from_utf8(raw).ok().map(str::to_string),
        _ => None,
    }
}

/// Processes one dump; in `Mask` mode writes `output` atomically (gzip if the input was).
pub fn run_sql(
    engine: &Engine,
    path: &str,
    output: Option<&Path>,
    mode: Mode,
    unmask: Option<&UnmaskCtx>,
    range: Option<(u64, u64)>,
) -> Result<FileReport> {
    let mut reader = SqlReader::open(path)?;
    let gzip = parda_formats::open_input(path)?.gzip;
    let atomic = match (mode.writes(), output) {
        (true, Some(o)) => Some(AtomicOutput::create(o)?),
        _ => None,
    };
    let mut locator_sink = LocatorSink::for_output(engine, output.filter(|_| mode == Mode::Mask))?;
    let mut sink = match &atomic {
        Some(a) => Some(TextSink::new(a.file()?, TextEncoding::Utf8 { bom: false }, gzip)?),
        None => None,
    };
    let shown = output.map(|o| o.display().to_string()).unwrap_or_default();
    let emits = |idx: u64| range.is_none_or(|(a, b)| idx >= a && idx < b);
    let mut write = |idx: u64, bytes: &[u8]| -> Result<()> {
        if let Some(s) = sink.as_mut().filter(|_| emits(idx)) {
            s.write_text(bytes).map_err(|e| anyhow!("{shown}: cannot write: {e}"))?;
        }
        Ok(())
    };
    let mut job = Job {
        engine,
        mode,
        free: engine.free_text_plan(),
        outside: ColumnStats::default(),
        remaining: BTreeMap::new(),
        rows: 0,
        scratch: Scratch::default(),
        unmask,
        locators: Vec::new(),
        error: None,
        range,
        rows_written: 0,
    };
    let mut tables: BTreeMap<String, Table> = BTreeMap::new();
    let mut copy: Option<(String, Vec<NumberedRow>)> = None;
    let mut inserts: Vec<PendingInsert> = Vec::new();
    let mut next_idx = 0u64;
    while let Some(item) = reader.next_item()? {
        let idx = next_idx;
        next_idx += 1;
        // A unit stops reading once it is past its range and no earlier item waits for a
        // sample that later items would complete.
        let past_range = range.is_some_and(|(_, end)| idx >= end);
        if past_range && inserts.is_empty() && copy.as_ref().is_none_or(|(_, pending)| pending.is_empty()) {
            break;
        }
        if let Some(e) = job.error.take() {
            bail!("{path}: {e}");
        }
        if let Some(l) = locator_sink.as_mut() {
            l.write(&job.locators)?;
        }
        job.locators.clear();
        match item {
            SqlItem::CreateTable { raw, table, columns } => {
                flush_inserts(engine, &mut job, &mut tables, &mut inserts, &mut write)?;
                tables.entry(table).or_default().declared = columns;
                write(idx, &raw)?;
            }
            SqlItem::Insert { raw, table, columns, literals, .. } => {
                let planned = tables.get(&table).is_some_and(|t| t.plans.is_some());
                if planned {
                    flush_inserts(engine, &mut job, &mut tables, &mut inserts, &mut write)?;
                    let out =
                        insert_out(&mut job, idx, &table, tables.get_mut(&table).expect("planned"), &raw, &literals);
                    write(idx, &out)?;
                    continue;
                }
                let same = inserts.first().is_some_and(|i| i.table == table);
                let rows: usize = inserts.iter().map(|i| i.rows()).sum();
                if !same || rows >= SAMPLE_ROWS {
                    flush_inserts(engine, &mut job, &mut tables, &mut inserts, &mut write)?;
                }
                if tables.get(&table).is_some_and(|t| t.plans.is_some()) {
                    let out =
                        insert_out(&mut job, idx, &table, tables.get_mut(&table).expect("planned"), &raw, &literals);
                    write(idx, &out)?;
                } else {
                    inserts.push(PendingInsert { item: idx, raw, table, columns, literals });
                }
            }
            SqlItem::CopyStart { raw, table, columns } => {
                flush_inserts(engine, &mut job, &mut tables, &mut inserts, &mut write)?;
                let t = tables.entry(table.clone()).or_default();
                if t.plans.is_some() && t.names != columns {
                    t.plans = None;
                }
                write(idx, &raw)?;
                copy = Some((table, Vec::new()));
            }
            SqlItem::CopyRow(line) => {
                let (table, pending) = copy.as_mut().ok_or_else(|| anyhow!("{path}: COPY row outside a COPY block"))?;
                let t = tables.get_mut(table.as_str()).expect("created at COPY");
                if t.plans.is_none() && pending.len() < SAMPLE_ROWS {
                    pending.push((idx, line));
                    continue;
                }
                if t.plans.is_none() {
                    plan_copy(engine, t, pending)?;
                    for (i, l) in std::mem::take(pending) {
                        write(i, &copy_row(&mut job, i, table, t, &l))?;
                    }
                }
                write(idx, &copy_row(&mut job, idx, table, t, &line))?;
            }
            SqlItem::Raw(raw) => {
                flush_inserts(engine, &mut job, &mut tables, &mut inserts, &mut write)?;
                if let Some((table, pending)) = copy.take() {
                    // The end of a COPY block: rows still waiting for a plan go out first.
                    let t = tables.get_mut(table.as_str()).expect("created at COPY");
                    if t.plans.is_none() {
                        plan_copy(engine, t, &pending)?;
                    }
                    for (i, l) in pending {
                        write(i, &copy_row(&mut job, i, &table, t, &l))?;
                    }
                }
                write(idx, &raw)?;
            }
        }
    }
    flush_inserts(engine, &mut job, &mut tables, &mut inserts, &mut write)?;
    if let Some(e) = job.error.take() {
        bail!("{path}: {e}");
    }
    if let (Some(s), Some(a)) = (sink, atomic) {
        s.finish().map_err(|e| {
            anyhow!("{}: cannot write: {e}", output.map(|o| o.display().to_string()).unwrap_or_default())
        })?;
        a.commit()?;
    }
    if let Some(mut l) = locator_sink {
        l.write(&job.locators)?;
        l.commit()?;
    }
    Ok(report(engine, path, output, mode, gzip, reader.dialect, &tables, job))
}

/// A `COPY` row waiting for its table's plan, with its item number.
type NumberedRow = (u64, Vec<u8>);

/// An INSERT of a table not planned yet, waiting for enough rows to sample.
struct PendingInsert {
    item: u64,
    raw: Vec<u8>,
    table: String,
    columns: Option<Vec<String>>,
    literals: Vec<Literal>,
}

impl PendingInsert {
    fn rows(&self) -> usize {
        self.literals.last().map_or(0, |l| l.row + 1)
    }
}

/// Plans the table of the waiting INSERTs from all their rows, then writes them.
fn flush_inserts(
    engine: &Engine,
    job: &mut Job,
    tables: &mut BTreeMap<String, Table>,
    inserts: &mut Vec<PendingInsert>,
    write: &mut impl FnMut(u64, &[u8]) -> Result<()>,
) -> Result<()> {
    let Some(first) = inserts.first() else { return Ok(()) };
    let t = tables.entry(first.table.clone()).or_default();
    let width = inserts.iter().flat_map(|i| i.literals.iter().map(|l| l.col + 1)).max().unwrap_or(0);
    let names: Vec<String> = match &first.columns {
        Some(c) => c.clone(),
        None if !t.declared.is_empty() => t.declared.iter().map(|(n, _)| n.clone()).collect(),
        None => (1..=width).map(|i| format!("column {i}")).collect(),
    };
    let mut samples: Vec<Vec<String>> = Vec::new();
    for ins in inserts.iter() {
        let base = samples.len();
        for l in &ins.literals {
            let r = base + l.row;
            if samples.len() <= r {
                samples.resize(r + 1, Vec::new());
            }
            let row = &mut samples[r];
            if row.len() <= l.col {
                row.resize(l.col + 1, String::new());
            }
            row[l.col] = literal_text(&ins.raw[l.start..l.end], l.kind).unwrap_or_default();
        }
    }
    t.plan(engine, &names, &samples);
    for ins in inserts.drain(..) {
        let out = insert_out(job, ins.item, &ins.table, t, &ins.raw, &ins.literals);
        write(ins.item, &out)?;
    }
    Ok(())
}

/// An INSERT statement with its changed literals re-written.
fn insert_out(job: &mut Job, idx: u64, table: &str, t: &mut Table, raw: &[u8], literals: &[Literal]) -> Vec<u8> {
    let base = job.rows;
    let rows = literals.last().map_or(0, |l| l.row as u64 + 1);
    job.rows += rows;
    if !job.emits(idx) {
        return Vec::new();
    }
    job.rows_written += rows;
    let mut out = Vec::with_capacity(raw.len());
    let mut pos = 0;
    for l in literals {
        let lit = &raw[l.start..l.end];
        let Some(text) = literal_text(lit, l.kind) else { continue };
        let plans = t.plans.as_ref().expect("planned");
        if let Some(new) =
            job.cell(&text, plans.get(l.col), t.stats.get_mut(l.col), (table, base + l.row as u64, l.col))
        {
            out.extend_from_slice(&raw[pos..l.start]);
            if l.kind == LiteralKind::Number {
                out.extend_from_slice(numeric_mask(&text, &new).as_bytes());
            } else {
                out.extend_from_slice(&encode_string(lit, l.kind, &new));
            }
            pos = l.end;
        }
    }
    out.extend_from_slice(&raw[pos..]);
    out
}

/// Plans a COPY table from its column list (kept at `CopyStart`) and the waiting rows.
fn plan_copy(engine: &Engine, t: &mut Table, pending: &[(u64, Vec<u8>)]) -> Result<()> {
    let names = if t.names.is_empty() { t.declared.iter().map(|(n, _)| n.clone()).collect() } else { t.names.clone() };
    let samples: Vec<Vec<String>> = pending
        .iter()
        .map(|(_, line)| {
            copy_fields(line).iter().map(|&(a, b)| decode_copy_field(&line[a..b]).unwrap_or_default()).collect()
        })
        .collect();
    let width = samples.iter().map(Vec::len).max().unwrap_or(0);
    let names = if names.is_empty() { (1..=width).map(|i| format!("column {i}")).collect() } else { names };
    t.plan(engine, &names, &samples);
    Ok(())
}

fn copy_row(job: &mut Job, idx: u64, table: &str, t: &mut Table, line: &[u8]) -> Vec<u8> {
    let row = job.rows;
    job.rows += 1;
    if !job.emits(idx) {
        return Vec::new();
    }
    job.rows_written += 1;
    let fields = copy_fields(line);
    let mut out = Vec::with_capacity(line.len());
    let mut pos = 0;
    for (c, &(a, b)) in fields.iter().enumerate() {
        let Some(text) = decode_copy_field(&line[a..b]) else { continue };
        let plans = t.plans.as_ref().expect("planned");
        if let Some(new) = job.cell(&text, plans.get(c), t.stats.get_mut(c), (table, row, c)) {
            out.extend_from_slice(&line[pos..a]);
            let numeric =
                t.numeric.get(c).copied().unwrap_or(false) && text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
            if numeric {
                out.extend_from_slice(numeric_mask(&text, &new).as_bytes());
            } else {
                encode_copy_field(&new, &mut out);
            }
            pos = b;
        }
    }
    out.extend_from_slice(&line[pos..]);
    out
}

#[allow(clippy::too_many_arguments)]
fn report(
    engine: &Engine,
    path: &str,
    output: Option<&Path>,
    mode: Mode,
    gzip: bool,
    dialect: SqlDialect,
    tables: &BTreeMap<String, Table>,
    job: Job,
) -> FileReport {
    let mut columns: Vec<ColumnReport> = Vec::new();
    let mut all = ColumnStats::default();
    for (name, t) in tables {
        let Some(plans) = &t.plans else { continue };
        for (c, plan) in plans.iter().enumerate() {
            all.merge(&t.stats[c]);
            let mut r = column_report(engine, c, &format!("{name}.{}", t.names[c]), plan, &t.stats[c]);
            r.index = c;
            columns.push(r);
        }
    }
    all.merge(&job.outside);
    let mut outside = column_report(engine, columns.len(), "(outside columns)", &job.free, &job.outside);
    outside.action = "detect spans".into();
    FileReport {
        path: path.to_string(),
        output: output.map(|o| o.display().to_string()),
        format: match dialect {
            SqlDialect::MySql => "mysqldump",
            SqlDialect::Postgres => "pg_dump",
        }
        .into(),
        gzip,
        rows_in: job.rows_written,
        rows_out: if mode.writes() { job.rows_written } else { 0 },
        pii_found: named(engine, &all.found),
        cells_changed: all.changed,
        already_protected: all.protected,
        pii_remaining: (mode == Mode::Verify)
            .then(|| job.remaining.iter().map(|(k, v)| (engine.type_name(*k).to_string(), *v)).collect()),
        columns,
        outside_columns: outside,
        ..Default::default()
    }
}
