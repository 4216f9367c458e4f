//! Work units for running parda beyond one machine: `plan` cuts the inputs into independent
//! units, `mask-units` masks any of them anywhere, `merge` joins the outputs in plan order.
//!
//! Units: a whole file (gzip, workbooks, small files, non-UTF-8 text); a byte range of a large
//! UTF-8 CSV cut at a true record boundary (found by the same quote-aware splitter that masks,
//! so a newline inside quotes never ends a unit); a range of statements of a SQL dump, or of
//! rows inside a pg_dump `COPY` block. A unit learns what the whole run learns before it
//! (dialect, header, the column classification from the sample), so every unit decides
//! exactly as one run would: a CSV unit re-reads the start of its file, and the plan stores
//! each CSV file's column classification (a unit that finds another one stops with an error);
//! a dump unit reads again only the `CREATE TABLE`s, `COPY` headers, samples and statements
//! before it, tokenized but not masked, and seeks past the planned tables' rows, which the plan
//! counted ([`sql_job::Resume`]; a dump changed since the plan is refused). Outputs are written
//! under temporary names and renamed when complete: a retried or speculative task never leaves
//! a torn file.

use crate::csv_job::{column_summary, open_and_plan, run_csv, CsvRange, JobOptions, Mode};
use crate::inputs::{self, InputFile};
use crate::locators::sidecar;
use crate::report::FileReport;
use crate::{sql_job, workbook_job};
use anyhow::{anyhow, bail, Context, Result};
use parda_formats::{AtomicOutput, TextEncoding};
use parda_transform::Engine;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The folder, inside `--out`, where unit outputs wait for `merge`.
pub const PARTS_DIR: &str = ".parda-units";

/// The first line of a manifest.
#[derive(Debug, Serialize, Deserialize)]
pub struct ManifestHeader {
    /// Format version.
    pub parda_plan: u32,
    /// Number of units.
    pub units: usize,
    /// Number of files.
    pub files: usize,
}

/// What a unit covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A whole file.
    Whole,
    /// A byte range of a CSV file.
    CsvRange,
    /// A range of items (statements, `COPY` rows) of a SQL dump.
    SqlItems,
}

/// One independent piece of work.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Unit {
    /// Its number, 0-based, in plan order.
    pub id: usize,
    /// The file's number in plan order.
    pub file: usize,
    /// The input path.
    pub input: PathBuf,
    /// The output path, relative to `--out`.
    pub output: PathBuf,
    /// Whole file, byte range or item range.
    pub kind: UnitKind,
    /// The byte range of a CSV unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csv: Option<CsvRange>,
    /// The items `[first, end)` of a dump unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<(u64, u64)>,
    /// Its size in bytes (for scheduling).
    pub bytes: u64,
    /// A CSV file's column classification at plan time, which every unit must reproduce.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub columns: Vec<String>,
    /// Where a dump unit after the first starts reading, with the steps since the previous
    /// unit of its file (without it, a unit reads its file from the start).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub resume: Option<sql_job::Resume>,
}

/// Parses `64M`, `1G`, `512K` or a plain number of bytes.
pub fn parse_size(s: &str) -> Result<u64> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => {
            let unit = t[i..].to_ascii_lowercase();
            let m = match unit.trim_end_matches("ib").trim_end_matches('b') {
                "" => 1,
                "k" => 1 << 10,
                "m" => 1 << 20,
                "g" => 1 << 30,
                _ => bail!("--unit-size {s}: unknown unit (use K, M or G)"),
            };
            (&t[..i], m)
        }
        None => (t, 1),
    };
    let n: u64 = num.trim().parse().map_err(|_| anyhow!("--unit-size {s}: not a size (like 64M)"))?;
    if n == 0 {
        bail!("--unit-size must be more than 0");
    }
    Ok(n * mult)
}

fn is_gzip(path: &Path) -> Result<bool> {
    Ok(parda_formats::open_input(&path.display().to_string())?.gzip)
}

/// Cuts the inputs into units of about `unit_size` bytes.
pub fn plan(engine: &Engine, paths: &[PathBuf], unit_size: u64, encoding: Option<TextEncoding>) -> Result<Vec<Unit>> {
    let files = inputs::resolve(paths)?;
    if files.iter().any(|f| f.path == Path::new("-")) {
        bail!("plan needs files: standard input cannot be cut into units");
    }
    let outputs = inputs::plan_outputs(&files, paths, Path::new("/parda-plan-out"), true, &[])?;
    let mut units = Vec::new();
    for (i, (f, out)) in files.iter().zip(&outputs).enumerate() {
        let output = out.strip_prefix("/parda-plan-out").unwrap_or(out).to_path_buf();
        let size = std::fs::metadata(&f.path).with_context(|| f.shown())?.len();
        let whole = Unit {
            id: 0,
            file: i,
            // Absolute, so a worker in another folder (or on another machine with the same
            // mount) finds it.
            input: std::path::absolute(&f.path).unwrap_or_else(|_| f.path.clone()),
            output,
            kind: UnitKind::Whole,
            csv: None,
            items: None,
            bytes: size,
            columns: Vec::new(),
            resume: None,
        };
        let mut pieces = if size <= unit_size || parda_formats::is_workbook(&f.path) || is_gzip(&f.path)? {
            Vec::new()
        } else if sql_job::is_sql(&f.path) {
            plan_sql(engine, f, &whole, unit_size)?
        } else {
            plan_csv(engine, f, &whole, unit_size, encoding)?
        };
        if pieces.is_empty() {
            pieces.push(whole);
        }
        for mut u in pieces {
            u.id = units.len();
            units.push(u);
        }
    }
    Ok(units)
}

fn plan_csv(
    engine: &Engine,
    f: &InputFile,
    whole: &Unit,
    unit_size: u64,
    encoding: Option<TextEncoding>,
) -> Result<Vec<Unit>> {
    let (mut reader, names, columns) = open_and_plan(engine, &f.shown(), encoding, 1)?;
    let bom = match reader.info.encoding {
        TextEncoding::Utf8 { bom } => u64::from(bom) * 3,
        _ => return Ok(Vec::new()), // other encodings: one whole-file unit
    };
    let summary = column_summary(engine, &names, &columns);
    let mut units = Vec::new();
    // Records are cut where the masking run cuts them; a unit closes at the first record end
    // at or past `unit_size` bytes from its start. Offsets are in the file (after the BOM).
    let mut base = bom;
    let mut open: Option<CsvRange> = None;
    let close = |range: CsvRange, units: &mut Vec<Unit>| {
        let start = if range.start == bom { 0 } else { range.start };
        let range = CsvRange { start, ..range };
        units.push(Unit {
            kind: UnitKind::CsvRange,
            csv: Some(range),
            bytes: range.end - range.start,
            columns: summary.clone(),
            ..whole.clone()
        });
    };
    while let Some(chunk) = reader.next_chunk(unit_size.min(1 << 24) as usize)? {
        for r in &chunk.records {
            let (start, end) = (base + r.start as u64, base + r.end as u64);
            let u = open.get_or_insert(CsvRange { start, end, first_ordinal: r.ordinal, first_line: r.line });
            u.end = end;
            if u.end - u.start >= unit_size {
                close(open.take().expect("open"), &mut units);
            }
        }
        base += chunk.data.len() as u64;
    }
    if let Some(u) = open.take() {
        close(u, &mut units);
    }
    Ok(units)
}

fn plan_sql(engine: &Engine, f: &InputFile, whole: &Unit, unit_size: u64) -> Result<Vec<Unit>> {
    let units = sql_job::plan_units(engine, &f.shown(), unit_size)?;
    Ok(units
        .into_iter()
        .map(|u| Unit {
            kind: UnitKind::SqlItems,
            items: Some(u.items),
            bytes: u.bytes,
            resume: u.resume,
            ..whole.clone()
        })
        .collect())
}

/// Writes a manifest (JSON lines: a header, then one unit per line), atomically.
pub fn write_manifest(path: &Path, units: &[Unit]) -> Result<()> {
    let out = AtomicOutput::create(path)?;
    let mut w = std::io::BufWriter::new(out.file()?);
    let files = units.iter().map(|u| u.file + 1).max().unwrap_or(0);
    serde_json::to_writer(&mut w, &ManifestHeader { parda_plan: 1, units: units.len(), files })?;
    writeln!(w)?;
    for u in units {
        serde_json::to_writer(&mut w, u)?;
        writeln!(w)?;
    }
    w.into_inner().map_err(|e| anyhow!("{}: cannot write: {e}", path.display()))?;
    out.commit()?;
    Ok(())
}

/// Reads a manifest.
pub fn read_manifest(path: &Path) -> Result<Vec<Unit>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read manifest", path.display()))?;
    let mut lines = text.lines().enumerate();
    let (_, first) = lines.next().ok_or_else(|| anyhow!("{}: empty manifest", path.display()))?;
    let header: ManifestHeader = serde_json::from_str(first)
        .map_err(|e| anyhow!("{}: line 1: not a parda plan manifest: {e}", path.display()))?;
    let mut units = Vec::new();
    for (i, line) in lines.filter(|(_, l)| !l.trim().is_empty()) {
        let u: Unit = serde_json::from_str(line).map_err(|e| anyhow!("{}: line {}: {e}", path.display(), i + 1))?;
        if u.id != units.len() {
            bail!("{}: line {}: unit {} out of order", path.display(), i + 1, u.id);
        }
        units.push(u);
    }
    if units.len() != header.units {
        bail!("{}: {} units listed, the header says {}", path.display(), units.len(), header.units);
    }
    Ok(units)
}

/// Where a unit's output waits for `merge`.
pub fn part_path(out: &Path, id: usize) -> PathBuf {
    out.join(PARTS_DIR).join(format!("unit-{id:06}"))
}

/// What `mask-units` leaves next to each part for `merge`.
#[derive(Debug, Serialize, Deserialize)]
pub struct UnitReport {
    /// The unit.
    pub unit: usize,
    /// The profile it was masked with.
    pub profile: String,
    /// The key's check value, for keyed profiles.
    pub key_check: Option<String>,
    /// Its counts.
    pub report: FileReport,
}

/// Masks one unit of the manifest `planned` into its part file and writes its report next to
/// it.
pub fn mask_unit(engine: &Engine, unit: &Unit, planned: &[Unit], out: &Path, opts: &JobOptions) -> Result<UnitReport> {
    let part = part_path(out, unit.id);
    std::fs::create_dir_all(part.parent().expect("has a parent"))
        .with_context(|| format!("{}: cannot create", out.display()))?;
    let shown = unit.input.display().to_string();
    let report = match unit.kind {
        UnitKind::Whole if parda_formats::is_workbook(&unit.input) => {
            workbook_job::run_workbook(engine, &shown, Some(&part), Mode::Mask, None, opts.threads)?
        }
        UnitKind::Whole if sql_job::is_sql(&unit.input) => {
            sql_job::run_sql(engine, &shown, Some(&part), Mode::Mask, opts, None, None)?
        }
        UnitKind::Whole => run_csv(engine, &shown, Some(&part), Mode::Mask, opts)?,
        UnitKind::SqlItems => {
            // Its steps from the file's start: those of the file's units up to it, joined.
            let resume = unit.resume.as_ref().and_then(|_| {
                let file = planned.iter().filter(|u| u.file == unit.file && u.id <= unit.id);
                sql_job::Resume::joined(file.filter_map(|u| u.resume.as_ref()))
            });
            sql_job::run_sql(engine, &shown, Some(&part), Mode::Mask, opts, unit.items, resume.as_ref())?
        }
        UnitKind::CsvRange => {
            let o = JobOptions { range: unit.csv, expect_columns: Some(&unit.columns), ..*opts };
            run_csv(engine, &shown, Some(&part), Mode::Mask, &o)?
        }
    };
    let r = UnitReport {
        unit: unit.id,
        profile: engine.policy.profile.clone(),
        key_check: engine.keyed.as_ref().map(|k| k.check_value.clone()),
        report,
    };
    let mut report_file = part.clone().into_os_string();
    report_file.push(".report.json");
    let a = AtomicOutput::create(Path::new(&report_file))?;
    serde_json::to_writer(std::io::BufWriter::new(a.file()?), &r)?;
    a.commit()?;
    Ok(r)
}

/// Reads the unit ids to run from standard input (one per line).
pub fn ids_from_stdin() -> Result<Vec<usize>> {
    let mut ids = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        // Spark's pipe() sends each element as a line: a bare id, or a unit's JSON.
        let id = match t.parse::<usize>() {
            Ok(n) => n,
            Err(_) => serde_json::from_str::<Unit>(t).map(|u| u.id).map_err(|_| anyhow!("not a unit id: {t}"))?,
        };
        ids.push(id);
    }
    Ok(ids)
}

/// Joins the parts of every file in plan order into the final outputs (and their token
/// locators), and returns the reports summed per file. Missing parts stop it before anything
/// is written.
pub fn merge(units: &[Unit], out: &Path) -> Result<(Vec<FileReport>, String, Option<String>)> {
    let missing: Vec<String> = units
        .iter()
        .filter(|u| !part_path(out, u.id).exists() || !report_path(out, u.id).exists())
        .map(|u| u.id.to_string())
        .collect();
    if !missing.is_empty() {
        bail!("units not masked yet (no output in {}): {}", out.join(PARTS_DIR).display(), missing.join(", "));
    }
    let mut reports: Vec<FileReport> = Vec::new();
    let (mut profile, mut key_check) = (String::from("mask"), None);
    let mut start = 0;
    while start < units.len() {
        let file = units[start].file;
        let end = start + units[start..].iter().take_while(|u| u.file == file).count();
        let group = &units[start..end];
        let target = out.join(&group[0].output);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
        }
        concat(group.iter().map(|u| part_path(out, u.id)).collect(), &target, false)?;
        let token_parts: Vec<PathBuf> = group.iter().map(|u| sidecar(&part_path(out, u.id))).collect();
        if token_parts.iter().all(|p| p.exists()) {
            concat(token_parts, &sidecar(&target), true)?;
        }
        let mut merged: Option<FileReport> = None;
        for u in group {
            let text = std::fs::read_to_string(report_path(out, u.id))?;
            let r: UnitReport = serde_json::from_str(&text).with_context(|| format!("unit {} report", u.id))?;
            profile = r.profile;
            key_check = r.key_check;
            match merged.as_mut() {
                Some(m) => m.absorb(&r.report),
                None => merged = Some(r.report),
            }
        }
        let mut merged = merged.expect("a file has at least one unit");
        merged.path = group[0].input.display().to_string();
        merged.output = Some(target.display().to_string());
        reports.push(merged);
        start = end;
    }
    std::fs::remove_dir_all(out.join(PARTS_DIR)).ok();
    Ok((reports, profile, key_check))
}

fn report_path(out: &Path, id: usize) -> PathBuf {
    let mut p = part_path(out, id).into_os_string();
    p.push(".report.json");
    PathBuf::from(p)
}

/// Concatenates `parts` into `target` atomically; for locator files every part's header line
/// but the first is dropped.
fn concat(parts: Vec<PathBuf>, target: &Path, locators: bool) -> Result<()> {
    let a = AtomicOutput::create(target)?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, a.file()?);
    for (i, p) in parts.iter().enumerate() {
        let f = std::fs::File::open(p).with_context(|| format!("{}: cannot read", p.display()))?;
        let mut r = std::io::BufReader::with_capacity(1 << 20, f);
        if locators && i > 0 {
            let mut header = String::new();
            r.read_line(&mut header)?;
        }
        std::io::copy(&mut r, &mut w).with_context(|| format!("{}: cannot write", target.display()))?;
    }
    w.into_inner().map_err(|e| anyhow!("{}: cannot write: {e}", target.display()))?;
    a.commit()?;
    Ok(())
}
