//! One SQL dump through the engine: each table's columns are named by `CREATE TABLE`, the
//! `INSERT` column list or the `COPY` list, and classified from those names and the first rows
//! seen; then every string and number literal is checked and re-written in place, escaped for
//! its dialect. Bytes outside the changed literals are copied as they are.
//!
//! One reader thread parses the dump, plans the tables and cuts the statements and `COPY` rows
//! into batches; workers check the batches in parallel and the results are written in order.

use crate::csv_job::{column_report, named, Interrupted, JobOptions, Mode, INTERRUPTED};
use crate::locators::{self, LocatorSink, UnmaskCtx};
use crate::pipeline::{plan_columns, run_ordered};
use crate::report::{ColumnReport, FileReport};
use anyhow::{anyhow, bail, Result};
use parda_formats::sql::{
    checked_text, copy_fields, copy_str_text, decode_copy_field, decode_string, encode_copy_field, encode_string_into,
    numeric_mask, str_text, temporal_mask, Literal, LiteralKind, SqlDialect, SqlItem, SqlReader,
};
use parda_formats::{AtomicOutput, TextEncoding, TextSink};
use parda_transform::{AttributeRows, CellOutcome, ColumnPlan, ColumnStats, Engine, Scratch};
use std::borrow::Cow;
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::Arc;

mod resume;
use resume::Replay;
pub use resume::{plan_units, Resume};

const SAMPLE_ROWS: usize = 1000;

/// True for file names read as SQL dumps.
pub fn is_sql(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    name.ends_with(".sql") || name.ends_with(".sql.gz")
}

/// A table's column plans as the workers use them. A table planned again (a `COPY` with other
/// columns) gets a new one, so pieces read before keep theirs.
struct TablePlan {
    table: String,
    /// Increases with every plan made in the run: stats of an older plan are not merged into a
    /// newer one.
    generation: u64,
    names: Vec<String>,
    /// What each column's declared type accepts.
    types: Vec<ColumnType>,
    plans: Vec<ColumnPlan>,
    /// A column naming each row's attribute and the column of its value (an
    /// entity-attribute-value table).
    attributes: Option<AttributeRows>,
}

/// What a column's declared SQL type accepts, as far as a masked value must care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnType {
    /// Text: any masked text.
    Text,
    /// No CREATE TABLE declared the column (a data-only dump): any masked text, but a masked
    /// ISO date stays a date (see [`is_iso_temporal`]).
    Undeclared,
    /// A number: a masked number is written as digits (see [`numeric_mask`]).
    Numeric,
    /// A date, time or timestamp: a masked value is written as a valid one (see
    /// [`temporal_mask`]).
    Temporal,
    /// Bytes (`BLOB`, `VARBINARY`, `BYTEA`): never searched nor changed (a photo's bytes are
    /// not text, whatever digits they hold).
    Binary,
}

impl ColumnType {
    /// The kind of the SQL type `ty` (lower case, its first word: `bigint`, `datetime`,
    /// `timestamp`).
    fn of(ty: &str) -> ColumnType {
        if is_numeric_type(ty) {
            ColumnType::Numeric
        } else if is_binary_type(ty) {
            ColumnType::Binary
        } else if ty.starts_with("date") || ty.starts_with("time") {
            ColumnType::Temporal
        } else {
            ColumnType::Text
        }
    }

    /// Whether `text`, masked, must be written as a date or time the column accepts (see
    /// [`temporal_mask`]): always in a temporal column; in an undeclared one when it was an ISO
    /// date.
    fn holds_date(self, text: &str) -> bool {
        match self {
            ColumnType::Temporal => true,
            ColumnType::Undeclared => is_iso_temporal(text),
            ColumnType::Text | ColumnType::Numeric | ColumnType::Binary => false,
        }
    }
}

#[derive(Default)]
struct Table {
    /// (name, SQL type) from `CREATE TABLE`.
    declared: Vec<(String, String)>,
    /// The column list of the current `COPY` block.
    copy_names: Vec<String>,
    plan: Option<Arc<TablePlan>>,
}

/// `BLOB`s, `BINARY(16)`, `VARBINARY(255)`, `BYTEA`, `BIT(1)`.
fn is_binary_type(ty: &str) -> bool {
    let base = ty.split('(').next().unwrap_or(ty);
    base.ends_with("blob") || base.ends_with("binary") || base == "bytea" || base == "bit"
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

/// What the reader hands to the workers, in output order.
enum Piece {
    /// Bytes written as they are.
    Raw(Vec<u8>),
    /// An INSERT statement whose first tuple is row `first_row` of the dump; `trailing`: the
    /// string literals after its tuples, searched as free text.
    Insert { plan: Arc<TablePlan>, first_row: u64, raw: Vec<u8>, literals: Vec<Literal>, trailing: Vec<Literal> },
    /// A COPY row, row `row` of the dump.
    CopyRow { plan: Arc<TablePlan>, row: u64, line: Vec<u8> },
    /// Another statement that writes data: its string literals searched as free text.
    Statement { raw: Vec<u8>, literals: Vec<Literal> },
}

/// Consecutive pieces of a dump, about `chunk_bytes` of input.
#[derive(Default)]
struct Batch {
    pieces: Vec<Piece>,
    /// Input bytes the pieces cover (for progress).
    bytes: u64,
}

/// A worker's result for one batch.
#[derive(Default)]
struct BatchResult {
    out: Vec<u8>,
    bytes: u64,
    /// Counts per table plan touched by the batch.
    stats: Vec<(Arc<TablePlan>, Vec<ColumnStats>)>,
    /// Counts for values outside the planned columns.
    outside: ColumnStats,
    remaining: BTreeMap<usize, u64>,
    locators: Vec<u8>,
    error: Option<String>,
}

/// Reads a dump item by item, plans each table from its first rows and cuts the items into
/// batches. Runs on the pipeline's reader thread; everything here is sequential state.
struct Splitter<'a> {
    engine: &'a Engine,
    /// Threads a table's columns are planned on.
    threads: usize,
    sql: SqlReader,
    path: &'a str,
    /// Items (statements, COPY rows) to write, for a work unit; `None`: all.
    range: Option<(u64, u64)>,
    tables: BTreeMap<String, Table>,
    copy: Option<(String, Vec<NumberedRow>)>,
    inserts: Vec<PendingInsert>,
    next_idx: u64,
    /// Rows seen so far (the next row's ordinal in the dump).
    rows: u64,
    /// Rows of the items written.
    rows_written: u64,
    generations: u64,
    done: bool,
    batch: Batch,
    /// A work unit's way to its first item, while it is on it.
    replay: Option<Replay>,
}

impl<'a> Splitter<'a> {
    fn new(
        engine: &'a Engine,
        sql: SqlReader,
        path: &'a str,
        range: Option<(u64, u64)>,
        threads: usize,
    ) -> Splitter<'a> {
        Splitter {
            engine,
            threads,
            sql,
            path,
            range,
            tables: BTreeMap::new(),
            copy: None,
            inserts: Vec::new(),
            next_idx: 0,
            rows: 0,
            rows_written: 0,
            generations: 0,
            done: false,
            batch: Batch::default(),
            replay: None,
        }
    }

    /// Whether item `idx` is written (and masked) by this run.
    fn emits(&self, idx: u64) -> bool {
        self.range.is_none_or(|(a, b)| idx >= a && idx < b)
    }

    fn raw(&mut self, idx: u64, raw: Vec<u8>) {
        if self.emits(idx) {
            self.batch.pieces.push(Piece::Raw(raw));
        }
    }

    fn insert(&mut self, idx: u64, plan: Arc<TablePlan>, ins: InsertParts) {
        let InsertParts { raw, mut literals, trailing, columns } = ins;
        if let Some(columns) = columns.filter(|c| c[..] != plan.names[..]) {
            // A statement that lists the table's columns in another order (or others) has its
            // values checked under the plan of the column each names, not of its position.
            renumber(&mut literals, &columns, &plan.names);
        }
        let first_row = self.rows;
        let rows = literals.last().map_or(0, |l| l.row as u64 + 1);
        self.rows += rows;
        if self.emits(idx) {
            self.rows_written += rows;
            self.batch.pieces.push(Piece::Insert { plan, first_row, raw, literals, trailing });
        }
    }

    fn copy_row(&mut self, idx: u64, plan: Arc<TablePlan>, line: Vec<u8>) {
        let row = self.rows;
        self.rows += 1;
        if self.emits(idx) {
            self.rows_written += 1;
            self.batch.pieces.push(Piece::CopyRow { plan, row, line });
        }
    }

    /// Plans `table` from its column names and sampled values.
    fn plan(&mut self, table: &str, names: Vec<String>, samples: &[Vec<String>]) -> Arc<TablePlan> {
        let t = self.tables.entry(table.to_string()).or_default();
        let types = names
            .iter()
            .map(|n| {
                t.declared.iter().find(|(d, _)| d == n).map_or(ColumnType::Undeclared, |(_, ty)| ColumnType::of(ty))
            })
            .collect();
        let plans: Vec<ColumnPlan> = plan_columns(names.len(), self.threads, |c| {
            let refs: Vec<&str> = samples.iter().filter_map(|row| row.get(c).map(String::as_str)).collect();
            self.engine.plan_column(&names[c], &refs)
        });
        let rows: Vec<Vec<&str>> = samples.iter().map(|row| row.iter().map(String::as_str).collect()).collect();
        let attributes = AttributeRows::find(self.engine, &plans, &rows);
        self.generations += 1;
        if self.range.is_some() {
            self.sql.skim_table(table);
        }
        let plan = Arc::new(TablePlan {
            table: table.to_string(),
            generation: self.generations,
            names,
            types,
            plans,
            attributes,
        });
        t.plan = Some(plan.clone());
        plan
    }

    fn planned(&self, table: &str) -> Option<Arc<TablePlan>> {
        self.tables.get(table).and_then(|t| t.plan.clone())
    }

    /// The next batch of about `bytes` input bytes; `None` at the end of the dump.
    fn next_batch(&mut self, bytes: u64) -> Result<Option<Batch>> {
        while !self.done && self.batch.bytes < bytes {
            if self.replay.is_some() {
                self.replay_step()?;
                continue;
            }
            // Before its range a unit only learns the tables and their plans: the items of a
            // planned table are skimmed (their rows counted, nothing parsed or copied).
            self.sql.set_skimming(self.range.is_some_and(|(first, _)| self.next_idx < first));
            match self.sql.next_item()? {
                Some(item) => self.take(item)?,
                None => {
                    self.flush_inserts();
                    self.done = true;
                }
            }
        }
        let batch = std::mem::take(&mut self.batch);
        Ok((!batch.pieces.is_empty() || batch.bytes > 0).then_some(batch))
    }

    fn take(&mut self, item: SqlItem) -> Result<()> {
        let idx = self.next_idx;
        self.next_idx += 1;
        // A unit stops reading once it is past its range and no earlier item waits for a
        // sample that later items would complete.
        let past_range = self.range.is_some_and(|(_, end)| idx >= end);
        if past_range && self.inserts.is_empty() && self.copy.as_ref().is_none_or(|(_, pending)| pending.is_empty()) {
            self.done = true;
            return Ok(());
        }
        match item {
            SqlItem::CreateTable { raw, table, columns } => {
                self.batch.bytes += raw.len() as u64;
                self.flush_inserts();
                self.tables.entry(table).or_default().declared = columns;
                self.raw(idx, raw);
            }
            SqlItem::Insert { raw, table, columns, literals, trailing, .. } => {
                self.batch.bytes += raw.len() as u64;
                let parts = InsertParts { raw, literals, trailing, columns };
                if let Some(plan) = self.planned(&table) {
                    self.flush_inserts();
                    self.insert(idx, plan, parts);
                    return Ok(());
                }
                let same = self.inserts.first().is_some_and(|i| i.table == table);
                let rows: usize = self.inserts.iter().map(|i| i.rows()).sum();
                if !same || rows >= SAMPLE_ROWS {
                    self.flush_inserts();
                }
                match self.planned(&table) {
                    Some(plan) => self.insert(idx, plan, parts),
                    None => self.inserts.push(PendingInsert { item: idx, table, parts }),
                }
            }
            SqlItem::CopyStart { raw, table, columns } => {
                self.batch.bytes += raw.len() as u64;
                self.flush_inserts();
                let t = self.tables.entry(table.clone()).or_default();
                if t.plan.as_ref().is_some_and(|p| p.names != columns) {
                    t.plan = None;
                    self.sql.unskim_table(&table);
                }
                t.copy_names = columns;
                self.raw(idx, raw);
                self.copy = Some((table, Vec::new()));
            }
            SqlItem::Skimmed { bytes, rows } => {
                // An item before the range, of a planned table: counted as `insert` and
                // `copy_row` count one they do not emit. (No insert waits during a COPY block.)
                if self.emits(idx) {
                    // Its bytes are gone: stop rather than write a dump with rows missing.
                    bail!("{}: item {idx} was skimmed inside the unit's range", self.path);
                }
                self.batch.bytes += bytes;
                self.flush_inserts();
                self.rows += rows;
            }
            SqlItem::CopyRow(line) => {
                self.batch.bytes += line.len() as u64;
                let Some((table, pending)) = self.copy.as_mut() else {
                    bail!("{}: COPY row outside a COPY block", self.path);
                };
                let plan = match self.tables.get(table.as_str()).and_then(|t| t.plan.clone()) {
                    Some(plan) => plan,
                    None if pending.len() < SAMPLE_ROWS => {
                        pending.push((idx, line));
                        return Ok(());
                    }
                    None => {
                        let table = table.clone();
                        self.plan_copy(&table)
                    }
                };
                self.copy_row(idx, plan, line);
            }
            SqlItem::Statement { raw, literals } => {
                self.batch.bytes += raw.len() as u64;
                self.flush_inserts();
                if self.emits(idx) {
                    self.batch.pieces.push(Piece::Statement { raw, literals });
                }
            }
            SqlItem::Raw(raw) => {
                self.batch.bytes += raw.len() as u64;
                self.flush_inserts();
                if let Some((table, _)) = &self.copy {
                    // The end of a COPY block: rows still waiting for a plan go out first.
                    let table = table.clone();
                    let plan = self.planned(&table).unwrap_or_else(|| self.plan_copy(&table));
                    let pending = self.copy.take().map(|(_, p)| p).unwrap_or_default();
                    for (i, l) in pending {
                        self.copy_row(i, plan.clone(), l);
                    }
                }
                self.raw(idx, raw);
            }
        }
        Ok(())
    }

    /// Plans a COPY table from its column list and the waiting rows, then emits those rows.
    fn plan_copy(&mut self, table: &str) -> Arc<TablePlan> {
        let pending = self.copy.as_mut().map(|(_, p)| std::mem::take(p)).unwrap_or_default();
        let t = self.tables.entry(table.to_string()).or_default();
        let names = if t.copy_names.is_empty() {
            t.declared.iter().map(|(n, _)| n.clone()).collect()
        } else {
            t.copy_names.clone()
        };
        let samples: Vec<Vec<String>> = pending
            .iter()
            .map(|(_, line)| {
                copy_fields(line).iter().map(|&(a, b)| decode_copy_field(&line[a..b]).unwrap_or_default()).collect()
            })
            .collect();
        let width = samples.iter().map(Vec::len).max().unwrap_or(0);
        let names: Vec<String> =
            if names.is_empty() { (1..=width).map(|i| format!("column {i}")).collect() } else { names };
        let plan = self.plan(table, names, &samples);
        for (i, l) in pending {
            self.copy_row(i, plan.clone(), l);
        }
        plan
    }

    /// Plans the table of the waiting INSERTs from all their rows, then emits them.
    fn flush_inserts(&mut self) {
        let Some(first) = self.inserts.first() else { return };
        let table = first.table.clone();
        let declared = self.tables.get(&table).map(|t| t.declared.as_slice()).unwrap_or_default();
        let width = self
            .inserts
            .iter()
            .flat_map(|i| i.parts.literals.iter().filter(|l| l.col != OUTSIDE_PLAN).map(|l| l.col + 1))
            .max()
            .unwrap_or(0);
        let names: Vec<String> = match &first.parts.columns {
            Some(c) => c.to_vec(),
            None if !declared.is_empty() => declared.iter().map(|(n, _)| n.clone()).collect(),
            None => (1..=width).map(|i| format!("column {i}")).collect(),
        };
        // The first SAMPLE_ROWS rows, however the dump groups them into statements: one
        // mysqldump INSERT of ~1 MB holds ~3,000 rows, and planning from all of them cost the
        // reading thread three times the work (and planned the table from more rows than a
        // dump of smaller statements would).
        let mut samples: Vec<Vec<String>> = Vec::new();
        for ins in &mut self.inserts {
            // Numbered as the plan's columns here, once (not again when inserted).
            if let Some(columns) = ins.parts.columns.take().filter(|c| c[..] != names[..]) {
                renumber(&mut ins.parts.literals, &columns, &names);
            }
            let base = samples.len();
            for l in ins.parts.literals.iter().take_while(|l| base + l.row < SAMPLE_ROWS) {
                if l.col == OUTSIDE_PLAN {
                    continue;
                }
                let r = base + l.row;
                if samples.len() <= r {
                    samples.resize(r + 1, Vec::new());
                }
                let row = &mut samples[r];
                if row.len() <= l.col {
                    row.resize(l.col + 1, String::new());
                }
                row[l.col] = literal_text(&ins.parts.raw[l.start..l.end], l.kind).unwrap_or_default();
            }
        }
        let plan = self.plan(&table, names, &samples);
        for ins in std::mem::take(&mut self.inserts) {
            self.insert(ins.item, plan.clone(), ins.parts);
        }
    }
}

/// Per-batch state of a worker checking values.
struct Cells<'a> {
    engine: &'a Engine,
    mode: Mode,
    unmask: Option<&'a UnmaskCtx>,
    scratch: Scratch,
    locators: Vec<u8>,
    remaining: BTreeMap<usize, u64>,
    error: Option<String>,
}

/// The plan a value is checked under, and, when it is its column's own plan, the batch's
/// number for the column: values already seen clean there are not searched again
/// ([`Engine::process_column_cell`]).
#[derive(Clone, Copy)]
struct Under<'p> {
    plan: &'p ColumnPlan,
    memo: Option<usize>,
}

impl Cells<'_> {
    /// Checks one value (row ordinal `row` in the dump, column `col` of `table`); hands its
    /// replacement, if any, to `write` as the column accepts it (`loadable`) and says whether
    /// there was one. The report's sample is the value written.
    fn cell(
        &mut self,
        value: &str,
        under: Under,
        stats: &mut ColumnStats,
        at: (&str, u64, usize),
        loadable: Loadable,
        write: &mut dyn FnMut(&str),
    ) -> bool {
        let Some(new) = self.replacement(value, under, stats, at) else {
            return false;
        };
        if loadable == Loadable::Text {
            write(&new);
        } else {
            let written = loadable.apply(value, &new);
            if written != new {
                stats.resample(&new, &written);
            }
            write(&written);
        }
        // Written: its memory serves the next replacement.
        self.scratch.recycle(new);
        true
    }

    /// [`Cells::cell`]'s replacement before it is made loadable.
    fn replacement(
        &mut self,
        value: &str,
        Under { plan, memo }: Under,
        stats: &mut ColumnStats,
        (table, row, col): (&str, u64, usize),
    ) -> Option<String> {
        if let Some(u) = self.unmask {
            return match u.cell(self.engine, table, row, col as u32, value, stats) {
                Ok(new) => new,
                Err(e) => {
                    let column =
                        if col == OUTSIDE_PLAN { "outside its plan".to_string() } else { (col + 1).to_string() };
                    self.error.get_or_insert(format!("table {table}, row {}, column {column}: {e}", row + 1));
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
        let outcome = match memo {
            Some(column) => self.engine.process_column_cell(column, value, plan, stats, &mut self.scratch),
            None => self.engine.process_cell(value, plan, stats, &mut self.scratch),
        };
        match outcome {
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

/// Detects and transforms the values of one batch (a worker's job).
fn process_batch(
    engine: &Engine,
    mode: Mode,
    free: &ColumnPlan,
    unmask: Option<&UnmaskCtx>,
    batch: Batch,
) -> BatchResult {
    let mut cells = Cells {
        engine,
        mode,
        unmask,
        scratch: Scratch::default(),
        locators: Vec::new(),
        remaining: BTreeMap::new(),
        error: None,
    };
    let mut result = BatchResult { bytes: batch.bytes, ..Default::default() };
    for piece in batch.pieces {
        if cells.error.is_some() {
            break;
        }
        let (plan, slot) = match &piece {
            Piece::Raw(raw) => {
                result.out.extend_from_slice(raw);
                continue;
            }
            Piece::Statement { raw, literals } => {
                let mut value = |text: &str, c: usize, _row: u64, loadable, write: &mut dyn FnMut(&str)| {
                    cells.cell(text, Under { plan: free, memo: None }, &mut result.outside, ("", 0, c), loadable, write)
                };
                insert_out(raw, 0..raw.len(), literals, 0, &[], &mut value, &mut result.out);
                continue;
            }
            Piece::Insert { plan, .. } | Piece::CopyRow { plan, .. } => (plan.clone(), result.slot(plan)),
        };
        // The batch numbers its tables' columns one after another, in the order it met them.
        let first_column: usize = result.stats[..slot].iter().map(|(_, s)| s.len()).sum();
        let stats = &mut result.stats[slot].1;
        // In an attribute table, the attribute the current row names (its literals and fields
        // come in column order, the name before the value).
        let mut row_attribute: Option<(u64, String)> = None;
        let mut value = |text: &str, c: usize, row: u64, loadable, write: &mut dyn FnMut(&str)| {
            let (mut p, s, mut memo) = match (plan.plans.get(c), stats.get_mut(c)) {
                (Some(p), Some(s)) => (p, s, Some(first_column + c)),
                _ => (free, &mut result.outside, None),
            };
            if let Some(a) = &plan.attributes {
                if c == a.name_col {
                    row_attribute = Some((row, text.to_string()));
                } else if c == a.value_col {
                    if let Some(named) =
                        row_attribute.as_ref().filter(|(r, _)| *r == row).and_then(|(_, n)| a.plan_for(n))
                    {
                        (p, memo) = (named, None);
                    }
                }
            }
            cells.cell(text, Under { plan: p, memo }, s, (&plan.table, row, c), loadable, write)
        };
        match piece {
            Piece::Raw(_) | Piece::Statement { .. } => {}
            Piece::Insert { first_row, raw, literals, trailing, .. } => {
                let tuples_end = trailing.first().map_or(raw.len(), |l| l.start);
                insert_out(&raw, 0..tuples_end, &literals, first_row, &plan.types, &mut value, &mut result.out);
                let mut free_value = |text: &str, c: usize, _row: u64, loadable, write: &mut dyn FnMut(&str)| {
                    cells.cell(text, Under { plan: free, memo: None }, &mut result.outside, ("", 0, c), loadable, write)
                };
                insert_out(&raw, tuples_end..raw.len(), &trailing, 0, &[], &mut free_value, &mut result.out);
            }
            Piece::CopyRow { row, line, .. } => copy_row(&line, row, &plan.types, &mut value, &mut result.out),
        }
    }
    result.locators = cells.locators;
    result.remaining = cells.remaining;
    result.error = cells.error;
    result
}

impl BatchResult {
    /// The index of `plan`'s counts in `stats`, added if new.
    fn slot(&mut self, plan: &Arc<TablePlan>) -> usize {
        match self.stats.iter().position(|(p, _)| Arc::ptr_eq(p, plan)) {
            Some(i) => i,
            None => {
                self.stats.push((plan.clone(), vec![ColumnStats::default(); plan.plans.len()]));
                self.stats.len() - 1
            }
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

/// [`literal_text`] of a literal cut from a statement already checked to be UTF-8, borrowed
/// where it can be.
fn literal_str(raw: &str, kind: LiteralKind) -> Option<Cow<'_, str>> {
    match kind {
        LiteralKind::Str { .. } => str_text(raw, kind),
        LiteralKind::Number => Some(Cow::Borrowed(raw)),
        _ => None,
    }
}

/// Counts per table and plan generation, merged in output order: the plan and its counts per
/// column. A table planned twice (a second `COPY` block with other columns) keeps the counts of
/// both plans.
type TableCounts = BTreeMap<(String, u64), (Arc<TablePlan>, Vec<ColumnStats>)>;

/// Processes one dump on `opts.threads` threads (batches of `opts.chunk_bytes`); in `Mask` mode
/// writes `output` atomically (gzip if the input was). `items`: only these items, for a work
/// unit; `resume`: where such a unit seeks instead of reading its file from the start.
pub fn run_sql(
    engine: &Engine,
    path: &str,
    output: Option<&Path>,
    mode: Mode,
    opts: &JobOptions,
    items: Option<(u64, u64)>,
    resume: Option<&Resume>,
) -> Result<FileReport> {
    let sql = SqlReader::open(path)?;
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
    let mut splitter = Splitter::new(engine, sql, path, items, opts.threads);
    if let Some(r) = resume {
        if gzip {
            bail!("{path}: a compressed dump cannot resume inside; plan it again");
        }
        splitter.replay = Some(Replay::new(path, r, items.map_or(0, |(first, _)| first))?);
    }
    let free = engine.free_text_plan();
    let mut counts = TableCounts::new();
    let mut outside = ColumnStats::default();
    let mut remaining: BTreeMap<usize, u64> = BTreeMap::new();
    let chunk_bytes = opts.chunk_bytes.max(1) as u64;
    run_ordered(
        opts.threads,
        || {
            if INTERRUPTED.load(Ordering::Relaxed) {
                return Err(anyhow!(Interrupted));
            }
            splitter.next_batch(chunk_bytes)
        },
        |batch| process_batch(engine, mode, &free, opts.unmask, batch),
        |res| {
            if let Some(e) = res.error {
                bail!("{path}: {e}");
            }
            if let Some(p) = opts.progress {
                p.advance(res.bytes);
            }
            if let Some(l) = locator_sink.as_mut() {
                l.write(&res.locators)?;
            }
            if let Some(s) = sink.as_mut() {
                s.write_text(&res.out).map_err(|e| anyhow!("{shown}: cannot write: {e}"))?;
            }
            for (plan, stats) in res.stats {
                match counts.entry((plan.table.clone(), plan.generation)) {
                    Entry::Vacant(v) => {
                        v.insert((plan, stats));
                    }
                    Entry::Occupied(mut o) => o.get_mut().1.iter_mut().zip(&stats).for_each(|(a, b)| a.merge(b)),
                }
            }
            outside.merge(&res.outside);
            for (t, n) in res.remaining {
                *remaining.entry(t).or_default() += n;
            }
            Ok(())
        },
    )?;
    if let (Some(s), Some(a)) = (sink, atomic) {
        s.finish().map_err(|e| anyhow!("{shown}: cannot write: {e}"))?;
        a.commit()?;
    }
    if let Some(l) = locator_sink {
        l.commit()?;
    }
    let totals = Totals { rows: splitter.rows_written, counts, outside, remaining, free };
    Ok(report(engine, path, output, mode, gzip, splitter.sql.dialect, &splitter.tables, totals))
}

/// A `COPY` row waiting for its table's plan, with its item number.
type NumberedRow = (u64, Vec<u8>);

/// An INSERT statement's bytes, its tuples' literals, the string literals after them, and the
/// column list it was written with.
struct InsertParts {
    raw: Vec<u8>,
    literals: Vec<Literal>,
    trailing: Vec<Literal>,
    columns: Option<Arc<[String]>>,
}

/// The column number of a literal whose column the plan does not have: checked as free text.
const OUTSIDE_PLAN: usize = usize::MAX;

/// Renumbers `literals` written under `columns` to the plan's columns `names`, by name; a
/// column the plan lacks gets [`OUTSIDE_PLAN`].
fn renumber(literals: &mut [Literal], columns: &[String], names: &[String]) {
    let to: Vec<usize> = columns.iter().map(|c| names.iter().position(|n| n == c).unwrap_or(OUTSIDE_PLAN)).collect();
    for l in literals {
        l.col = to.get(l.col).copied().unwrap_or(OUTSIDE_PLAN);
    }
}

/// An INSERT of a table not planned yet, waiting for enough rows to sample.
struct PendingInsert {
    item: u64,
    table: String,
    parts: InsertParts,
}

impl PendingInsert {
    fn rows(&self) -> usize {
        self.parts.literals.last().map_or(0, |l| l.row + 1)
    }
}

/// What a replacement must be for the dump to still load into the column it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Loadable {
    /// Any text.
    Text,
    /// A number literal, or a quoted integer in a numeric column: an integer of the original's
    /// width ([`numeric_mask`]).
    Integer,
    /// A value of a date or time column: one of the original's shape ([`temporal_mask`]).
    Temporal,
}

impl Loadable {
    /// `new`, the replacement of `original`, as the column accepts it.
    fn apply(self, original: &str, new: &str) -> String {
        match self {
            Loadable::Text => new.to_string(),
            Loadable::Integer => numeric_mask(original, new),
            Loadable::Temporal => temporal_mask(original, new),
        }
    }
}

/// Checks one value: its text, column, row ordinal and what the column loads; hands its
/// replacement, as the column accepts it, to the writer it is given, and says whether there was one.
type CheckValue<'a> = dyn FnMut(&str, usize, u64, Loadable, &mut dyn FnMut(&str)) -> bool + 'a;

/// Writes the bytes `span` of a statement to `out` with its changed literals (all within `span`)
/// re-written; `value` checks one literal.
fn insert_out(
    raw: &[u8],
    span: std::ops::Range<usize>,
    literals: &[Literal],
    first_row: u64,
    types: &[ColumnType],
    value: &mut CheckValue,
    out: &mut Vec<u8>,
) {
    let mut pos = span.start;
    // The statement checked as UTF-8 once, not each literal (a literal starts and ends at an
    // ASCII byte: a quote, a prefix, a digit or a sign).
    let checked = if literals.is_empty() { None } else { checked_text(raw) };
    for l in literals {
        let lit = &raw[l.start..l.end];
        if types.get(l.col) == Some(&ColumnType::Binary) {
            continue;
        }
        let text = match checked.and_then(|t| t.get(l.start..l.end)) {
            Some(lit) => literal_str(lit, l.kind),
            // (A statement with bytes that are not UTF-8: each value decoded.)
            None => literal_text(lit, l.kind).map(Cow::Owned),
        };
        let Some(text) = text else { continue };
        let loadable = match (l.kind, types.get(l.col)) {
            (LiteralKind::Number, _) => Loadable::Integer,
            // A quoted number in a numeric column (`'9876543210'` into a `BIGINT`).
            (_, Some(ColumnType::Numeric)) if is_integer(&text) => Loadable::Integer,
            (_, Some(ty)) if ty.holds_date(&text) => Loadable::Temporal,
            _ => Loadable::Text,
        };
        let mut write = |new: &str| {
            out.extend_from_slice(&raw[pos..l.start]);
            match l.kind {
                LiteralKind::Number => out.extend_from_slice(new.as_bytes()),
                _ => encode_string_into(lit, l.kind, new, out),
            }
        };
        if value(&text, l.col, first_row + l.row as u64, loadable, &mut write) {
            pos = l.end;
        }
    }
    out.extend_from_slice(&raw[pos..span.end]);
}

/// Writes a COPY row to `out` with its changed fields re-written.
fn copy_row(line: &[u8], row: u64, types: &[ColumnType], value: &mut CheckValue, out: &mut Vec<u8>) {
    let fields = copy_fields(line);
    // One field where the table has several: not the tab-separated text pg_dump writes (a
    // hand-written `COPY ... WITH CSV`). The line is searched whole as free text, not under
    // its first column's header (an `id` header argues against a mobile).
    let whole_line = fields.len() == 1 && types.len() > 1;
    let checked = checked_text(line);
    let mut pos = 0;
    for (c, &(a, b)) in fields.iter().enumerate() {
        let c = if whole_line { usize::MAX } else { c };
        if types.get(c) == Some(&ColumnType::Binary) {
            continue;
        }
        let text = match checked.and_then(|t| t.get(a..b)) {
            Some(field) => copy_str_text(field),
            None => decode_copy_field(&line[a..b]).map(Cow::Owned),
        };
        let Some(text) = text else { continue };
        let loadable = match types.get(c) {
            Some(ColumnType::Numeric) if is_integer(&text) => Loadable::Integer,
            Some(ty) if ty.holds_date(&text) => Loadable::Temporal,
            _ => Loadable::Text,
        };
        let mut write = |new: &str| {
            out.extend_from_slice(&line[pos..a]);
            // (An integer's digits and sign are written as they are.)
            encode_copy_field(new, out);
        };
        if value(&text, c, row, loadable, &mut write) {
            pos = b;
        }
    }
    out.extend_from_slice(&line[pos..]);
}

/// Whether `text` is an ISO date or timestamp as a database writes one (`1985-03-12`,
/// `1985-03-12 00:00:00`): in a column whose type no CREATE TABLE declared (a data-only dump),
/// a masked one is written as a date too, so the dump still loads into a `DATE` column.
fn is_iso_temporal(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let date = b.len() >= 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    date && (b.len() == 10
        || (matches!(b[10], b' ' | b'T') && b[11..].iter().all(|&c| c.is_ascii_digit() || b":.+-Z".contains(&c))))
}

/// Whether `text` is an integer as a numeric column holds it: digits, a sign.
fn is_integer(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// What the consumer summed over all batches.
struct Totals {
    rows: u64,
    counts: TableCounts,
    outside: ColumnStats,
    remaining: BTreeMap<usize, u64>,
    free: ColumnPlan,
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
    totals: Totals,
) -> FileReport {
    let mut columns: Vec<ColumnReport> = Vec::new();
    let mut all = ColumnStats::default();
    for (name, t) in tables {
        let Some(current) = &t.plan else { continue };
        // Every plan the table had in this run, oldest first, with its counts; the current one
        // (no rows of it read yet, in a work unit) with none.
        let mut generations: Vec<(&TablePlan, &[ColumnStats])> = totals
            .counts
            .range((name.clone(), 0)..=(name.clone(), u64::MAX))
            .map(|(_, (plan, stats))| (&**plan, stats.as_slice()))
            .collect();
        if generations.last().is_none_or(|(p, _)| p.generation != current.generation) {
            generations.push((current, &[]));
        }
        let none = ColumnStats::default();
        let first = columns.len();
        for (plan, stats) in generations {
            for (c, column) in plan.plans.iter().enumerate() {
                let counted = stats.get(c).unwrap_or(&none);
                all.merge(counted);
                let mut r = column_report(engine, c, &format!("{name}.{}", plan.names[c]), column, counted);
                r.index = c;
                // A column of an earlier plan at the same place is the same column: counted
                // together, as merged work units count it.
                match columns[first..].iter_mut().find(|m| m.index == c && m.name == r.name) {
                    Some(m) => m.absorb(&r),
                    None => columns.push(r),
                }
            }
        }
    }
    all.merge(&totals.outside);
    let mut outside = column_report(engine, columns.len(), "(outside columns)", &totals.free, &totals.outside);
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
        rows_in: totals.rows,
        rows_out: if mode.writes() { totals.rows } else { 0 },
        pii_found: named(engine, &all.found),
        cells_changed: all.changed,
        already_protected: all.protected,
        pii_remaining: (mode == Mode::Verify)
            .then(|| totals.remaining.iter().map(|(k, v)| (engine.type_name(*k).to_string(), *v)).collect()),
        columns,
        outside_columns: outside,
        ..Default::default()
    }
}
