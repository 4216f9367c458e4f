//! `parda aggregate`: counts and sums by group, for archives, with small groups suppressed.
//! Rows come from parda's readers (CSV in any dialect and encoding, a dump's table
//! `dump.sql#table`, a workbook's sheet `book.xlsx#Sheet`); grouping columns may be generalised
//! first; grouping by a direct identifier is refused.

use crate::csv_job::open_and_plan;
use crate::sql_job::literal_text;
use anyhow::{anyhow, bail, Result};
use parda_archive::Aggregator;
use parda_detect::normalize_header;
use parda_formats::sql::{copy_fields, decode_copy_field, SqlItem, SqlReader};
use parda_formats::RecordKind;
use parda_rules::TypeClass;
use parda_transform::keyed::Generalization;
use parda_transform::Engine;
use std::path::Path;

/// How many first rows classify the grouping columns.
const SAMPLE_ROWS: usize = 1000;

/// One input: a file, and for dumps and workbooks the table or sheet after `#`.
pub struct Source {
    /// The file.
    pub path: String,
    /// The table or sheet.
    pub part: Option<String>,
}

impl Source {
    /// Parses `FILE` or `FILE#table`.
    pub fn parse(s: &str) -> Source {
        match s.rsplit_once('#') {
            Some((p, t)) if !t.is_empty() && !Path::new(s).exists() => Source { path: p.into(), part: Some(t.into()) },
            _ => Source { path: s.into(), part: None },
        }
    }

    fn shown(&self) -> String {
        match &self.part {
            Some(p) => format!("{}#{p}", self.path),
            None => self.path.clone(),
        }
    }
}

/// Receives each row with the header names.
type RowSink<'a> = dyn FnMut(&[String], Vec<String>) -> Result<()> + 'a;

/// Streams the header and rows of a source into `row`.
fn stream(engine: &Engine, src: &Source, row: &mut RowSink) -> Result<()> {
    let path = Path::new(&src.path);
    if parda_formats::is_workbook(path) {
        return stream_sheet(src, row);
    }
    if crate::sql_job::is_sql(path) {
        return stream_table(src, row);
    }
    if src.part.is_some() {
        bail!("{}: `#` names a table of a SQL dump or a sheet of a workbook, not part of a CSV file", src.shown());
    }
    let (mut reader, names, _) = open_and_plan(engine, &src.path, None, 1)?;
    let quote = reader.info.dialect.quote;
    while let Some(chunk) = reader.next_chunk(1 << 20)? {
        for rec in chunk.records.iter().filter(|r| r.kind == RecordKind::Data) {
            let values = chunk.fields_of(rec).iter().map(|f| chunk.value(f, quote).into_owned()).collect();
            row(&names, values)?;
        }
    }
    Ok(())
}

fn table_matches(found: &str, wanted: &str) -> bool {
    found.eq_ignore_ascii_case(wanted) || found.rsplit('.').next().is_some_and(|t| t.eq_ignore_ascii_case(wanted))
}

fn stream_table(src: &Source, row: &mut RowSink) -> Result<()> {
    let Some(wanted) = &src.part else { bail!("{}: name the table to aggregate: {}#TABLE", src.path, src.path) };
    let mut reader = SqlReader::open(&src.path)?;
    let mut declared: Vec<String> = Vec::new();
    let mut copy_columns: Option<Vec<String>> = None;
    let mut seen = false;
    while let Some(item) = reader.next_item()? {
        match item {
            SqlItem::CreateTable { table, columns, .. } if table_matches(&table, wanted) => {
                declared = columns.into_iter().map(|(n, _)| n).collect();
            }
            SqlItem::Insert { table, columns, literals, raw, .. } if table_matches(&table, wanted) => {
                seen = true;
                let names = columns.map_or_else(|| declared.clone(), |c| c.to_vec());
                let mut current: Option<(usize, Vec<String>)> = None;
                for l in &literals {
                    if current.as_ref().is_some_and(|(r, _)| *r != l.row) {
                        let (_, values) = current.take().expect("checked");
                        row(&names, values)?;
                    }
                    let (_, values) = current.get_or_insert_with(|| (l.row, vec![String::new(); names.len()]));
                    if let Some(v) = values.get_mut(l.col) {
                        *v = literal_text(&raw[l.start..l.end], l.kind).unwrap_or_default();
                    }
                }
                if let Some((_, values)) = current {
                    row(&names, values)?;
                }
            }
            SqlItem::CopyStart { table, columns, .. } => {
                copy_columns =
                    table_matches(&table, wanted).then(|| if columns.is_empty() { declared.clone() } else { columns });
            }
            SqlItem::CopyRow(line) => {
                if let Some(names) = &copy_columns {
                    seen = true;
                    let values = copy_fields(&line)
                        .iter()
                        .map(|&(a, b)| decode_copy_field(&line[a..b]).unwrap_or_default())
                        .collect();
                    row(names, values)?;
                }
            }
            SqlItem::Raw(_) => copy_columns = None,
            _ => {}
        }
    }
    if !seen {
        bail!("{}: no rows for table `{wanted}` in the dump", src.shown());
    }
    Ok(())
}

/// A sheet's rows, streamed (memory bounded by a row, whatever the sheet's size): the header is
/// the fullest of the first ten rows (below merged title rows).
fn stream_sheet(src: &Source, row: &mut RowSink) -> Result<()> {
    use parda_formats::{CellValue, WorkbookReader};
    let mut book = WorkbookReader::open(&src.path)?;
    let sheet = match &src.part {
        Some(s) => s.clone(),
        None => book.sheet_names.first().cloned().ok_or_else(|| anyhow!("{}: no sheets", src.path))?,
    };
    let mut cells = book.cells(&sheet).map_err(|e| anyhow!("{}: {e}", src.shown()))?;
    // A cell's text as grouped and summed: dates as `dd/mm/yyyy`, booleans as `true`/`false`,
    // a time or a duration as its serial.
    let text = |v: &CellValue| match v {
        CellValue::Bool(b) => b.to_string(),
        CellValue::Duration(f) => f.to_string(),
        CellValue::Date(f) if (0.0..1.0).contains(f) => f.to_string(),
        other => other.as_text().unwrap_or_default(),
    };
    let mut rows = HeaderFirst::default();
    let mut current: Option<(u32, Vec<String>)> = None;
    while let Some(c) = cells.next_cell().map_err(|e| anyhow!("{}: {e}", src.shown()))? {
        if let Some((_, values)) = current.take_if(|(r, _)| *r != c.row) {
            rows.push(values, row)?;
        }
        let (_, values) = current.get_or_insert_with(|| (c.row, Vec::new()));
        let col = c.col as usize;
        if values.len() <= col {
            values.resize(col + 1, String::new());
        }
        values[col] = text(&c.value);
    }
    if let Some((_, values)) = current {
        rows.push(values, row)?;
    }
    rows.finish(row)
}

/// Rows held until the header is picked among the first [`HEADER_ROWS`] that hold something,
/// then passed on with its names.
#[derive(Default)]
struct HeaderFirst {
    held: Vec<Vec<String>>,
    names: Option<Vec<String>>,
}

/// How many rows (that hold something) the header of a sheet is looked for in.
const HEADER_ROWS: usize = 10;

impl HeaderFirst {
    fn push(&mut self, values: Vec<String>, row: &mut RowSink) -> Result<()> {
        if filled(&values) == 0 {
            return Ok(());
        }
        match &self.names {
            Some(names) => send(names, values, row),
            None => {
                self.held.push(values);
                if self.held.len() == HEADER_ROWS {
                    self.pick(row)?;
                }
                Ok(())
            }
        }
    }

    /// The fullest held row (the first of equals) is the header; the rows below it go on.
    fn pick(&mut self, row: &mut RowSink) -> Result<()> {
        let held = &self.held;
        let header = (0..held.len()).max_by_key(|&i| (filled(&held[i]), std::cmp::Reverse(i))).unwrap_or(0);
        let names = held[header].clone();
        for values in self.held.drain(..).skip(header + 1) {
            send(&names, values, row)?;
        }
        self.names = Some(names);
        Ok(())
    }

    /// A sheet of fewer rows than [`HEADER_ROWS`] has its header picked at its end.
    fn finish(mut self, row: &mut RowSink) -> Result<()> {
        if self.names.is_none() && !self.held.is_empty() {
            self.pick(row)?;
        }
        Ok(())
    }
}

/// How many cells of a row hold something.
fn filled(values: &[String]) -> usize {
    values.iter().filter(|c| !c.trim().is_empty()).count()
}

/// A row padded to the header's width.
fn send(names: &[String], mut values: Vec<String>, row: &mut RowSink) -> Result<()> {
    values.resize(values.len().max(names.len()), String::new());
    row(names, values)
}

/// The options of one aggregation.
pub struct Options<'a> {
    /// Grouping columns.
    pub by: &'a [String],
    /// Summed columns.
    pub sums: &'a [String],
    /// `COLUMN=KIND` generalisations.
    pub generalize: &'a [String],
    /// The smallest group published.
    pub k: u64,
    /// The output (.csv or .parquet).
    pub out: &'a Path,
}

/// Runs an aggregation; prints what was held back.
pub fn run(engine: &Engine, sources: &[Source], o: &Options) -> Result<u8> {
    let mut generalize: Vec<(String, Generalization)> = Vec::new();
    for g in o.generalize {
        let (c, kind) = g.split_once('=').ok_or_else(|| anyhow!("--generalize {g}: use COLUMN=KIND"))?;
        let kind = Generalization::parse(kind.trim())
            .ok_or_else(|| anyhow!("--generalize {g}: unknown kind (known: year, age-band, prefix3, city)"))?;
        generalize.push((normalize_header(c), kind));
    }
    let mut agg = Aggregator::new(o.by, o.sums, o.k);
    for src in sources {
        let mut idx: Option<Indexes> = None;
        let mut sample: Vec<Vec<String>> = Vec::new();
        let mut sample_names: Vec<String> = Vec::new();
        let push = |agg: &mut Aggregator, ix: &Indexes, r: &[String]| {
            let get = |i: usize| r.get(i).map(String::as_str).unwrap_or("");
            let keys =
                ix.0.iter()
                    .zip(&ix.2)
                    .map(|(&i, g)| match g {
                        Some(g) => g.apply(get(i)).unwrap_or_else(|| "unknown".into()),
                        None => get(i).trim().to_string(),
                    })
                    .collect();
            let sums: Vec<&str> = ix.1.iter().map(|&i| get(i)).collect();
            agg.push(keys, &sums).map_err(|e| anyhow!("{e}"))
        };
        stream(engine, src, &mut |names, values| {
            if idx.is_none() {
                if sample_names.is_empty() {
                    sample_names = names.to_vec();
                }
                sample.push(values);
                if sample.len() < SAMPLE_ROWS {
                    return Ok(());
                }
                let ix = resolve(engine, src, names, &sample, o, &generalize)?;
                for r in std::mem::take(&mut sample) {
                    push(&mut agg, &ix, &r)?;
                }
                idx = Some(ix);
                return Ok(());
            }
            push(&mut agg, idx.as_ref().expect("resolved"), &values)
        })?;
        if idx.is_none() {
            // Fewer rows than the sample: resolve with what there is.
            if sample.is_empty() {
                bail!("{}: no rows to aggregate", src.shown());
            }
            let ix = resolve(engine, src, &sample_names, &sample, o, &generalize)?;
            for r in std::mem::take(&mut sample) {
                push(&mut agg, &ix, &r)?;
            }
        }
    }
    let rows = agg.rows;
    let (unparsable, empty) = (agg.unparsable.clone(), agg.empty.clone());
    let mut result = agg.finish().map_err(|e| anyhow!("{e}"))?;
    parda_archive::write_table(&mut result.table, o.out).map_err(|e| anyhow!("{e}"))?;
    println!(
        "{}: {rows} row(s), {} group(s) published, {} under k={} suppressed, {} more suppressed so the total cannot reveal them",
        o.out.display(),
        result.published,
        result.suppressed_small,
        o.k,
        result.suppressed_complementary
    );
    for (i, s) in o.sums.iter().enumerate() {
        if unparsable[i] > 0 || empty[i] > 0 {
            println!("{s}: {} value(s) are not amounts and were not summed; {} empty", unparsable[i], empty[i]);
        }
    }
    Ok(0)
}

/// Positions of the grouping and summed columns, and each grouping column's generalisation.
type Indexes = (Vec<usize>, Vec<usize>, Vec<Option<Generalization>>);

/// Finds the columns, and refuses to group by a direct identifier that is not generalised.
fn resolve(
    engine: &Engine,
    src: &Source,
    names: &[String],
    sample: &[Vec<String>],
    o: &Options,
    generalize: &[(String, Generalization)],
) -> Result<Indexes> {
    let find = |c: &str| -> Result<usize> {
        let want = normalize_header(c);
        names
            .iter()
            .position(|n| normalize_header(n) == want)
            .ok_or_else(|| anyhow!("{}: no column `{c}` (columns: {})", src.shown(), names.join(", ")))
    };
    let by: Vec<usize> = o.by.iter().map(|c| find(c)).collect::<Result<_>>()?;
    let sums: Vec<usize> = o.sums.iter().map(|c| find(c)).collect::<Result<_>>()?;
    let gens: Vec<Option<Generalization>> =
        o.by.iter().map(|c| generalize.iter().find(|(g, _)| *g == normalize_header(c)).map(|(_, k)| *k)).collect();
    for ((c, &i), g) in o.by.iter().zip(&by).zip(&gens) {
        let values: Vec<&str> = sample.iter().filter_map(|r| r.get(i).map(String::as_str)).collect();
        let plan = engine.plan_column(&names[i], &values);
        let Some(t) = plan.class.pii_type else { continue };
        let def = &engine.matcher.rule_set.types[t];
        if def.class == TypeClass::Direct && g.is_none_or(|g| g != Generalization::City) {
            bail!(
                "refusing to group by `{c}` in {}: parda classifies it as {} ({:.0}% confidence), a direct identifier; \
                 an aggregate must not point to a person",
                src.shown(),
                def.name,
                plan.class.confidence * 100.0
            );
        }
    }
    Ok((by, sums, gens))
}
