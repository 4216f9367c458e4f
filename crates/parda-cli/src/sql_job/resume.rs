//! Where a work unit of a dump starts: instead of reading its file from the start to learn the
//! tables and their plans, a unit reads again only the items that teach it something (the
//! `CREATE TABLE`s, `COPY` headers, the rows each table is planned from, the statements
//! between them), counts the rest from what `parda plan` recorded ([`Step::Skip`]), and seeks
//! to its first item. The plan learns these steps by reading the dump once as every unit
//! would read what comes before its range, so a unit decides exactly as one run does.

use super::{Splitter, SqlItem, SqlReader};
use anyhow::{anyhow, bail, Context, Result};
use parda_formats::sql::ReadPoint;
use parda_transform::Engine;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::io::{Read, Seek, SeekFrom};

/// What a work unit of a dump needs to begin at its first item. In a manifest each unit holds
/// only the steps since the previous unit of its file began (so a manifest grows with the
/// units and the tables, not their product); [`Resume::joined`] gives a unit all of them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Resume {
    /// The file's size when planned: a unit refuses a file of another size.
    pub file_bytes: u64,
    /// Where the unit's first item starts.
    pub at: ReadPoint,
    /// The items before it, from the previous unit's first item (or the file's start), in
    /// order: runs read again, runs only counted.
    pub steps: Vec<Step>,
}

impl Resume {
    /// The resume of the last of `units` (a file's units in plan order, each with the steps
    /// since the one before it), with every step from the file's start.
    pub fn joined<'a>(units: impl IntoIterator<Item = &'a Resume>) -> Option<Resume> {
        let mut all: Option<Resume> = None;
        for r in units {
            let steps = all.take().map(|a| a.steps).unwrap_or_default();
            all = Some(Resume { steps: steps.into_iter().chain(r.steps.iter().cloned()).collect(), ..r.clone() });
        }
        all
    }
}

/// A run of consecutive items before a unit.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// `items` items read again, from `from` to the byte offset `end`.
    Read {
        /// Where the first starts.
        from: ReadPoint,
        /// How many.
        items: u64,
        /// Where the last ends.
        end: u64,
    },
    /// `items` items of planned tables (`INSERT`s, `COPY` rows), `bytes` bytes holding `rows`
    /// rows, which the unit only counts.
    Skip {
        /// How many.
        items: u64,
        /// Their size.
        bytes: u64,
        /// Their rows.
        rows: u64,
    },
}

/// A dump's work unit as planned: its items `[first, end)`, their size, and where it resumes
/// (none for the first unit, which starts at the start).
#[derive(Debug)]
pub(crate) struct DumpUnit {
    /// Its items.
    pub items: (u64, u64),
    /// Their size in bytes.
    pub bytes: u64,
    /// Where it starts reading.
    pub resume: Option<Resume>,
}

/// The size of an item in the dump.
fn item_bytes(item: &SqlItem) -> u64 {
    match item {
        SqlItem::CreateTable { raw, .. }
        | SqlItem::Insert { raw, .. }
        | SqlItem::CopyStart { raw, .. }
        | SqlItem::Statement { raw, .. }
        | SqlItem::Raw(raw) => raw.len() as u64,
        SqlItem::CopyRow(line) => line.len() as u64,
        SqlItem::Skimmed { bytes, .. } => *bytes,
    }
}

/// Cuts the dump at `path` into units of about `unit_size` bytes (a unit closes at the first
/// item end at or past it), each with the steps that take it to its first item.
pub fn plan_units(engine: &Engine, path: &str, unit_size: u64) -> Result<Vec<DumpUnit>> {
    let file_bytes = std::fs::metadata(path).with_context(|| path.to_string())?.len();
    // Every item comes before this run's (empty) range: read as a unit reads what precedes it.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut s = Splitter::new(engine, SqlReader::open(path)?, path, Some((u64::MAX, u64::MAX)), threads);
    s.sql.set_skimming(true);
    let mut before: Vec<Step> = Vec::new();
    let mut units = Vec::new();
    let (mut first, mut bytes) = (0u64, 0u64);
    let mut resume = None;
    loop {
        // (With whether it lies inside an `INSERT` read in pieces, where no read run may start:
        // a point holds no piece's table. The pieces of a table skimmed from one of them on are
        // all skimmed, so a run starts where a statement does.)
        let from = match before.last() {
            Some(Step::Read { .. }) => None,
            _ => Some((s.sql.read_point(), s.sql.in_statement())),
        };
        let Some(item) = s.sql.next_item()? else { break };
        let size = item_bytes(&item);
        match (&item, before.last_mut()) {
            (SqlItem::Skimmed { bytes, rows }, Some(Step::Skip { items, bytes: b, rows: r })) => {
                *items += 1;
                *b += bytes;
                *r += rows;
            }
            (SqlItem::Skimmed { bytes, rows }, _) => before.push(Step::Skip { items: 1, bytes: *bytes, rows: *rows }),
            (_, Some(Step::Read { items, end, .. })) => {
                *items += 1;
                *end = s.sql.offset();
            }
            (_, _) => {
                let (from, inside) = from.unwrap_or_else(|| unreachable!("a point is taken unless a read run is open"));
                if inside {
                    bail!("{path}: cannot cut into units here (an INSERT read in pieces is read again from its middle); mask it in one run");
                }
                before.push(Step::Read { from, items: 1, end: s.sql.offset() });
            }
        }
        s.take(item)?;
        bytes += size;
        // (Never inside an `INSERT` read in pieces: a unit starts where a statement does.)
        if bytes >= unit_size && !s.sql.in_statement() {
            let end = s.next_idx;
            units.push(DumpUnit { items: (first, end), bytes, resume: resume.take() });
            (first, bytes) = (end, 0);
            // The steps since the previous cut; a run open here goes on as a new step.
            resume = Some(Resume { file_bytes, at: s.sql.read_point(), steps: std::mem::take(&mut before) });
        }
    }
    if s.next_idx > first || units.is_empty() {
        units.push(DumpUnit { items: (first, s.next_idx), bytes, resume });
    }
    Ok(units)
}

/// A unit on its way to its first item: the steps left, and the read run it is in.
pub(super) struct Replay {
    file: std::fs::File,
    path: String,
    steps: VecDeque<Step>,
    at: ReadPoint,
    first: u64,
    /// Items left to read in the current run, and where the run ends.
    reading: Option<(u64, u64)>,
}

impl Replay {
    /// The replay of `resume` for the unit whose first item is `first`.
    pub(super) fn new(path: &str, resume: &Resume, first: u64) -> Result<Replay> {
        let file = std::fs::File::open(path).with_context(|| path.to_string())?;
        let len = file.metadata().with_context(|| path.to_string())?.len();
        if len != resume.file_bytes {
            bail!("{}", changed(path));
        }
        Ok(Replay {
            file,
            path: path.to_string(),
            steps: resume.steps.iter().cloned().collect(),
            at: resume.at.clone(),
            first,
            reading: None,
        })
    }

    /// The file from `offset`, `len` bytes of it (all the rest if `None`).
    fn open_at(&self, offset: u64, len: Option<u64>) -> Result<Box<dyn Read + Send>> {
        let mut f = self.file.try_clone().with_context(|| self.path.clone())?;
        f.seek(SeekFrom::Start(offset)).with_context(|| self.path.clone())?;
        Ok(match len {
            Some(n) => Box::new(f.take(n)),
            None => Box::new(f),
        })
    }
}

fn changed(path: &str) -> String {
    format!("{path}: the dump is not the one `parda plan` cut into units (changed since?); plan it again")
}

impl Splitter<'_> {
    /// One step of a unit's way to its first item: an item of a read run, a run skipped, or
    /// the seek to the first item, after which the unit reads on as usual.
    pub(super) fn replay_step(&mut self) -> Result<()> {
        let r = self.replay.as_mut().expect("replaying");
        if let Some((left, end)) = r.reading {
            if left == 0 {
                if self.sql.offset() != end {
                    bail!("{}", changed(&r.path));
                }
                r.reading = None;
                return Ok(());
            }
            r.reading = Some((left - 1, end));
            let path = r.path.clone();
            self.sql.set_skimming(true);
            let item = self.sql.next_item()?.ok_or_else(|| anyhow!("{}", changed(&path)))?;
            return self.take(item);
        }
        match r.steps.pop_front() {
            Some(Step::Skip { items, bytes, rows }) => {
                // As `items` skimmed items would be taken (see `take`).
                self.next_idx += items;
                self.batch.bytes += bytes;
                self.flush_inserts();
                self.rows += rows;
            }
            Some(Step::Read { from, items, end }) => {
                let src = r.open_at(from.offset, Some(end.saturating_sub(from.offset)))?;
                r.reading = Some((items, end));
                self.sql.resume(src, &from);
            }
            None => {
                if self.next_idx != r.first {
                    bail!("{}", changed(&r.path));
                }
                let src = r.open_at(r.at.offset, None)?;
                let at = r.at.clone();
                self.replay = None;
                self.sql.resume(src, &at);
            }
        }
        Ok(())
    }
}
