//! Token locators: where each token of a masked file sits, so `unmask` restores exactly those
//! spans and nothing else.
//!
//! Design decision: a sidecar file `<output>.parda-tokens` (JSON lines) written next to each
//! output of a run that tokenizes. Re-detection cannot find tokenized names and free-text spans
//! again (a tokenized name is no dictionary name), and in-band markers would break the formats
//! and validity that tokens keep; a locator names the cell (sheet or table, row ordinal, column)
//! and the byte range and type of each token in it. It holds no values. Its first line carries
//! the key check value, so a wrong key is refused before anything is written.

use anyhow::{anyhow, bail, Context, Result};
use parda_transform::{Engine, TokenSpan};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// The sidecar file for an output.
pub fn sidecar(output: &Path) -> PathBuf {
    let mut name = output.as_os_str().to_os_string();
    name.push(".parda-tokens");
    PathBuf::from(name)
}

/// The first line of a locator file.
#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    /// Format version.
    pub parda_tokens: u32,
    /// The check value of the key the tokens were made with.
    pub key_check: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Line {
    /// Sheet or table ("" for CSV).
    u: String,
    /// Row ordinal.
    r: u64,
    /// Column.
    c: u32,
    /// (start, end, type) of each token.
    t: Vec<(usize, usize, String)>,
}

/// Appends one locator line for a cell whose new value holds tokens.
pub fn push(out: &mut Vec<u8>, engine: &Engine, unit: &str, row: u64, col: u32, spans: &[TokenSpan]) {
    let line = Line {
        u: unit.to_string(),
        r: row,
        c: col,
        t: spans.iter().map(|s| (s.start, s.end, engine.type_name(s.type_idx).to_string())).collect(),
    };
    serde_json::to_writer(&mut *out, &line).expect("serialising to memory");
    out.push(b'\n');
}

/// The header line.
pub fn header(key_check: &str) -> Vec<u8> {
    let mut v = serde_json::to_vec(&Header { parda_tokens: 1, key_check: key_check.into() }).expect("to memory");
    v.push(b'\n');
    v
}

/// The locators of one file, by unit, then (row, column).
#[derive(Debug, Default)]
pub struct Locators {
    by_unit: HashMap<String, HashMap<(u64, u32), Vec<TokenSpan>>>,
    /// How many cells hold tokens.
    pub cells: u64,
}

impl Locators {
    /// Reads the header only: the key check value of the tokens.
    pub fn key_check(path: &Path) -> Result<String> {
        let f = std::fs::File::open(path).with_context(|| {
            format!("{}: cannot read token locators (was the file masked with --profile migration?)", path.display())
        })?;
        let mut first = String::new();
        BufReader::new(f).read_line(&mut first)?;
        let h: Header = serde_json::from_str(&first)
            .map_err(|e| anyhow!("{}: line 1: not a parda token locator file: {e}", path.display()))?;
        Ok(h.key_check)
    }

    /// Reads a whole locator file.
    pub fn load(path: &Path, engine: &Engine) -> Result<Locators> {
        let f = std::fs::File::open(path).with_context(|| format!("{}: cannot read token locators", path.display()))?;
        let mut loc = Locators::default();
        for (i, line) in BufReader::new(f).lines().enumerate().skip(1) {
            let line = line.with_context(|| format!("{}: line {}", path.display(), i + 1))?;
            let l: Line =
                serde_json::from_str(&line).map_err(|e| anyhow!("{}: line {}: {e}", path.display(), i + 1))?;
            let mut spans = Vec::with_capacity(l.t.len());
            for (start, end, ty) in l.t {
                let Some(type_idx) = engine.type_index(&ty) else {
                    bail!("{}: line {}: unknown type `{ty}` (are the same --rules given?)", path.display(), i + 1);
                };
                spans.push(TokenSpan { start, end, type_idx });
            }
            loc.cells += 1;
            loc.by_unit.entry(l.u).or_default().insert((l.r, l.c), spans);
        }
        Ok(loc)
    }

    /// The tokens of a cell, if any.
    pub fn get(&self, unit: &str, row: u64, col: u32) -> Option<&[TokenSpan]> {
        self.by_unit.get(unit)?.get(&(row, col)).map(Vec::as_slice)
    }
}

/// A locator file being written next to an output, renamed into place with it.
pub struct LocatorSink {
    atomic: parda_formats::AtomicOutput,
    file: std::io::BufWriter<std::fs::File>,
    path: PathBuf,
}

impl LocatorSink {
    /// Starts the locator file of `output` when the run tokenizes.
    pub fn for_output(engine: &Engine, output: Option<&Path>) -> Result<Option<LocatorSink>> {
        let (Some(out), Some(keyed)) = (output, engine.keyed.as_ref()) else { return Ok(None) };
        if !engine.policy.tokenizes() {
            return Ok(None);
        }
        let path = sidecar(out);
        let atomic = parda_formats::AtomicOutput::create(&path)?;
        let mut sink = LocatorSink { file: std::io::BufWriter::new(atomic.file()?), atomic, path };
        sink.write(&header(&keyed.check_value))?;
        Ok(Some(sink))
    }

    /// Appends locator lines.
    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        use std::io::Write;
        self.file.write_all(bytes).with_context(|| format!("{}: cannot write", self.path.display()))
    }

    /// Renames the finished file into place.
    pub fn commit(self) -> Result<()> {
        let file = self.file.into_inner().map_err(|e| anyhow!("{}: cannot write: {e}", self.path.display()))?;
        file.sync_all().ok();
        drop(file);
        self.atomic.commit()?;
        Ok(())
    }
}

/// What `unmask` needs for one file: its locators and what the role may see per type.
pub struct UnmaskCtx {
    /// The file's locators.
    pub locators: Locators,
    /// Visibility per type index; the last entry is for `text` (untyped columns).
    pub visibility: Vec<parda_transform::Visibility>,
}

impl UnmaskCtx {
    /// Restores the tokens of one cell, counting them per type in `stats`; `Ok(None)` when the
    /// cell holds none.
    pub fn cell(
        &self,
        engine: &Engine,
        unit: &str,
        row: u64,
        col: u32,
        value: &str,
        stats: &mut parda_transform::ColumnStats,
    ) -> std::result::Result<Option<String>, String> {
        let Some(spans) = self.locators.get(unit, row, col) else { return Ok(None) };
        let vis = |t: usize| {
            self.visibility.get(t).or(self.visibility.last()).copied().unwrap_or(parda_transform::Visibility::None)
        };
        let new = engine.unmask_cell(value, spans, &vis)?;
        for s in spans {
            if vis(s.type_idx) != parda_transform::Visibility::None {
                stats.count(s.type_idx);
            }
        }
        stats.changed += u64::from(new != value);
        Ok((new != value).then_some(new))
    }
}
