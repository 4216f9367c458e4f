//! Aggregate-only exports for archives: one row per group with a `count` and a `<COL>_sum`
//! per summed column, groups under k rows suppressed, with complementary suppression so that
//! the `TOTAL` row cannot give a suppressed group away. Aggregation runs in polars (lazy
//! group-by), chunk by chunk, so memory is bounded by the number of groups, not rows.
//!
//! Design decision: rows come from parda's own readers (legacy CSV dialects, encodings, title
//! lines, gzip, workbooks, dumps), which polars' readers do not handle; polars groups, sums,
//! sorts and writes CSV or Parquet.
#![deny(missing_docs)]

mod amount;

pub use amount::{parse_amount, Amount};
use polars::prelude::*;
use std::path::Path;

/// The column holding each group's row count.
pub const COUNT: &str = "count";
/// The value of the first grouping column in the total row.
pub const TOTAL: &str = "TOTAL";
const CHUNK_ROWS: usize = 200_000;

/// An error while aggregating or writing.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// From polars.
    #[error("{0}")]
    Polars(#[from] PolarsError),
    /// Writing the output.
    #[error("{path}: {cause}")]
    Io {
        /// The output path.
        path: String,
        /// The cause (shown in the message, so not also given as the error's source: the
        /// command line prints an error's chain of sources).
        cause: std::io::Error,
    },
    /// An output format that is not CSV or Parquet.
    #[error("{0}: the output must end in .csv or .parquet")]
    Format(String),
}

/// Groups rows and sums columns.
pub struct Aggregator {
    by: Vec<String>,
    sums: Vec<String>,
    k: u64,
    partial: Option<DataFrame>,
    keys: Vec<Vec<String>>,
    values: Vec<Vec<Option<f64>>>,
    /// Rows read.
    pub rows: u64,
    /// Per summed column: values that are not amounts (counted, never summed as zero).
    pub unparsable: Vec<u64>,
    /// Per summed column: empty or placeholder cells.
    pub empty: Vec<u64>,
}

/// The result: the published table and what was held back.
pub struct Aggregate {
    /// One row per published group, then the `TOTAL` row.
    pub table: DataFrame,
    /// Groups under k rows.
    pub suppressed_small: usize,
    /// Groups of k rows or more suppressed so that the small ones cannot be recovered.
    pub suppressed_complementary: usize,
    /// Groups published.
    pub published: usize,
}

fn sum_name(col: &str) -> String {
    format!("{col}_sum")
}

impl Aggregator {
    /// An aggregator grouping by `by` (at least one column), summing `sums`, suppressing
    /// groups under `k` rows.
    pub fn new(by: &[String], sums: &[String], k: u64) -> Aggregator {
        Aggregator {
            by: by.to_vec(),
            sums: sums.to_vec(),
            k,
            partial: None,
            keys: vec![Vec::new(); by.len()],
            values: vec![Vec::new(); sums.len()],
            rows: 0,
            unparsable: vec![0; sums.len()],
            empty: vec![0; sums.len()],
        }
    }

    /// Adds one row: its (already generalised) grouping values and its raw summed cells.
    pub fn push(&mut self, by: Vec<String>, sums: &[&str]) -> Result<(), ArchiveError> {
        for (k, v) in self.keys.iter_mut().zip(by) {
            k.push(v);
        }
        for (i, cell) in sums.iter().enumerate() {
            let v = match parse_amount(cell) {
                Amount::Value(v) => Some(v),
                Amount::Empty => {
                    self.empty[i] += 1;
                    None
                }
                Amount::Unparsable => {
                    self.unparsable[i] += 1;
                    None
                }
            };
            self.values[i].push(v);
        }
        self.rows += 1;
        if (self.rows as usize).is_multiple_of(CHUNK_ROWS) {
            self.flush()?;
        }
        Ok(())
    }

    fn aggs(&self, first: bool) -> Vec<Expr> {
        let mut aggs =
            vec![if first { len().cast(DataType::UInt64).alias(COUNT) } else { col(COUNT).sum().alias(COUNT) }];
        for s in &self.sums {
            let name = sum_name(s);
            aggs.push(col(name.as_str()).sum().alias(name.as_str()));
        }
        aggs
    }

    /// Aggregates the buffered rows into the running partial result.
    fn flush(&mut self) -> Result<(), ArchiveError> {
        let mut columns: Vec<Column> = Vec::new();
        for (name, k) in self.by.iter().zip(self.keys.iter_mut()) {
            columns.push(Column::new(name.as_str().into(), std::mem::take(k)));
        }
        for (name, v) in self.sums.iter().zip(self.values.iter_mut()) {
            columns.push(Column::new(sum_name(name).as_str().into(), std::mem::take(v)));
        }
        if columns.is_empty() {
            return Ok(());
        }
        let chunk = DataFrame::new_infer_height(columns)?;
        if chunk.height() == 0 {
            return Ok(());
        }
        let keys: Vec<Expr> = self.by.iter().map(|b| col(b.as_str())).collect();
        let agg = chunk.lazy().group_by(keys.clone()).agg(self.aggs(true)).collect()?;
        self.partial = Some(match self.partial.take() {
            None => agg,
            Some(p) => p.vstack(&agg)?.lazy().group_by(keys).agg(self.aggs(false)).collect()?,
        });
        Ok(())
    }

    /// Finishes: sorts the groups, suppresses groups under k and, where needed, further groups
    /// so that `TOTAL − published` never isolates a suppressed group (at least two groups and
    /// k rows are held back together, or none), then appends the `TOTAL` row.
    pub fn finish(mut self) -> Result<Aggregate, ArchiveError> {
        self.flush()?;
        let groups = match self.partial.take() {
            Some(p) => p.sort(self.by.clone(), SortMultipleOptions::default())?,
            None => return Err(ArchiveError::Polars(PolarsError::NoData("no rows to aggregate".into()))),
        };
        let counts: Vec<u64> = groups.column(COUNT)?.u64()?.into_no_null_iter().collect();
        let mut held: Vec<bool> = counts.iter().map(|&c| c < self.k).collect();
        let small = held.iter().filter(|h| **h).count();
        let mut order: Vec<usize> = (0..counts.len()).filter(|&i| !held[i]).collect();
        order.sort_by_key(|&i| counts[i]);
        let mut next = order.into_iter();
        let mut complementary = 0;
        loop {
            let n = held.iter().filter(|h| **h).count();
            let rows: u64 = held.iter().zip(&counts).filter(|(h, _)| **h).map(|(_, c)| c).sum();
            if n == 0 || (n >= 2 && rows >= self.k) {
                break;
            }
            match next.next() {
                Some(i) => {
                    held[i] = true;
                    complementary += 1;
                }
                None => break,
            }
        }
        let mask = BooleanChunked::from_iter_values("published".into(), held.iter().map(|h| !h));
        let mut table = groups.filter(&mask)?;
        let published = table.height();
        // The total row: every row of the input, suppressed groups included.
        let mut total: Vec<Column> = Vec::new();
        for (i, b) in self.by.iter().enumerate() {
            let v = if i == 0 { TOTAL } else { "" };
            total.push(Column::new(b.as_str().into(), [v]));
        }
        total.push(Column::new(COUNT.into(), [self.rows]));
        for s in &self.sums {
            let name = sum_name(s);
            let sum: f64 = groups.column(&name)?.f64()?.sum().unwrap_or(0.0);
            total.push(Column::new(name.as_str().into(), [sum]));
        }
        let total = DataFrame::new_infer_height(total)?;
        table = table.vstack(&total)?;
        Ok(Aggregate { table, suppressed_small: small, suppressed_complementary: complementary, published })
    }
}

/// Writes a table as CSV or Parquet, by the output's extension, atomically (a temporary file
/// renamed into place).
pub fn write_table(table: &mut DataFrame, path: &Path) -> Result<(), ArchiveError> {
    let shown = path.display().to_string();
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let io = |cause| ArchiveError::Io { path: shown.clone(), cause };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    let file = tmp.reopen().map_err(io)?;
    match ext.as_deref() {
        Some("csv") => CsvWriter::new(file).finish(table)?,
        Some("parquet") => {
            ParquetWriter::new(file).finish(table)?;
        }
        _ => return Err(ArchiveError::Format(shown)),
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
