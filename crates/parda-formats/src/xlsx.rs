//! `.xlsx`/`.xlsm` workbooks read straight from their XML parts: the sheet list, the shared
//! strings, which cell styles are dates, and each sheet's cells as a stream. Reading a cell
//! costs a few hundred instructions here against ~6,800 through calamine's general reader
//! (docs/performance.md), and the cells are read on one thread ahead of the workers, so this is
//! where a large workbook's time went.
//!
//! The values are what calamine reads (a test compares the two on every workbook fixture):
//! shared and inline strings (rich text runs joined, phonetic runs left out, `_x000D_` escapes
//! resolved, text trimmed unless `xml:space="preserve"`), numbers typed as dates or durations by
//! their style's number format, booleans, errors, `str` formula results, shared formulas
//! expanded. One difference: a workbook on the 1904 date system has its dates moved to the
//! 1900 system the output is written in, so they keep their day. Anything this reader does not
//! recognise at open (a part missing, a chart sheet) leaves the workbook to calamine.

use crate::workbook::{CellValue, StreamCell};
use crate::xml_pull::{attr, attr_text, attributes, local, tag_end, utf8, Tok, XmlError, XmlPull};
use memchr::memmem;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use zip::ZipArchive;

/// What a cell style's number format makes of a number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum NumberKind {
    Plain,
    Date,
    Duration,
}

/// An open `.xlsx`/`.xlsm` workbook.
pub(crate) struct XlsxBook {
    zip: ZipArchive<BufReader<File>>,
    /// (name, zip part) of every sheet, in workbook order.
    sheets: Vec<(String, String)>,
    strings: Vec<String>,
    /// By cell style (`s`, the index in `cellXfs`).
    styles: Vec<NumberKind>,
    is_1904: bool,
}

/// Days between the 1904 and the 1900 date systems' day zero.
const DAYS_1904: f64 = 1462.0;

impl XlsxBook {
    /// Opens a workbook; `None` when it is not one this reader takes (calamine then does).
    pub(crate) fn open(path: &str) -> Option<XlsxBook> {
        let mut zip = ZipArchive::new(BufReader::new(File::open(path).ok()?)).ok()?;
        let names = part_names(&zip)?;
        let workbook_part = match read_part(&mut zip, &names, "_rels/.rels")? {
            Some(rels) => relationships(&rels)
                .ok()?
                .into_iter()
                .find(|r| r.kind.ends_with("/officeDocument"))
                .map_or_else(|| "xl/workbook.xml".to_string(), |r| resolve("", &r.target)),
            None => "xl/workbook.xml".to_string(),
        };
        let (dir, file) = match workbook_part.rfind('/') {
            Some(k) => (&workbook_part[..=k], &workbook_part[k + 1..]),
            None => ("", workbook_part.as_str()),
        };
        let rels = relationships(&read_part(&mut zip, &names, &format!("{dir}_rels/{file}.rels"))??).ok()?;
        let (listed, is_1904) = sheet_list(&read_part(&mut zip, &names, &workbook_part)??).ok()?;
        let mut sheets = Vec::with_capacity(listed.len());
        for (name, id) in listed {
            let rel = rels.iter().find(|r| r.id == id)?;
            if !rel.kind.ends_with("/worksheet") {
                return None;
            }
            let part = resolve(dir, &rel.target);
            sheets.push((name, names.get(&part.to_ascii_lowercase())?.clone()));
        }
        // The styles and the shared strings where the workbook's relationships put them, or
        // under their usual names beside it.
        let related = |kind: &str, usual: &str| {
            let target = rels.iter().find(|r| r.kind.ends_with(kind)).map(|r| resolve(dir, &r.target));
            target.unwrap_or_else(|| format!("{dir}{usual}")).to_ascii_lowercase()
        };
        let styles = match read_part(&mut zip, &names, &related("/styles", "styles.xml"))? {
            Some(xml) => cell_styles(&xml).ok()?,
            None => Vec::new(),
        };
        let strings = match names.get(&related("/sharedStrings", "sharedStrings.xml")) {
            Some(part) => shared_strings(zip.by_name(part).ok()?).ok()?,
            None => Vec::new(),
        };
        Some(XlsxBook { zip, sheets, strings, styles, is_1904 })
    }

    /// The sheets' names, in order.
    pub(crate) fn sheet_names(&self) -> Vec<String> {
        self.sheets.iter().map(|(n, _)| n.clone()).collect()
    }

    /// The zip part of a sheet.
    fn part(&self, name: &str) -> Result<&str, String> {
        self.sheets.iter().find(|(n, _)| n == name).map(|(_, p)| p.as_str()).ok_or_else(|| "no such sheet".to_string())
    }

    /// The cells of a sheet, streamed in file order.
    pub(crate) fn cells(&mut self, name: &str) -> Result<XlsxCells<'_>, String> {
        let part = self.part(name)?.to_string();
        let XlsxBook { zip, strings, styles, is_1904, .. } = self;
        let xml: Box<dyn Read + Send + '_> = Box::new(zip.by_name(&part).map_err(|e| e.to_string())?);
        Ok(XlsxCells::new(xml, strings, styles, *is_1904))
    }
}

/// Reads every cell of a sheet's XML (no shared strings, no styles) and its merged regions;
/// the number of cells, or what is wrong. For the fuzz target: whatever the bytes, this returns.
#[doc(hidden)]
pub fn read_sheet_xml(xml: &[u8]) -> Result<usize, String> {
    let strings = ["shared".to_string()];
    let mut cells = XlsxCells::new(Box::new(xml), &strings, &[NumberKind::Date, NumberKind::Duration], false);
    let mut n = 0;
    while cells.next_cell().map_err(|e| e.0)?.is_some() {
        n += 1;
    }
    // The same bytes cut into blocks of rows (what a damaged block gives is not checked: only
    // that it returns).
    let mut blocks = XlsxCells::new(Box::new(xml), &strings, &[NumberKind::Date, NumberKind::Duration], false);
    blocks.block_bytes = 512;
    while let Ok(Some(block)) = blocks.next_block(16) {
        if let XlsxBlock::Raw(raw) = block {
            let _ = raw.cells();
        }
    }
    Ok(n + cells.merges().len())
}

/// The cells of one sheet.
pub(crate) struct XlsxCells<'a> {
    xml: XmlPull<Box<dyn Read + Send + 'a>>,
    strings: &'a [String],
    styles: &'a [NumberKind],
    is_1904: bool,
    row: u32,
    col: u32,
    in_data: bool,
    done: bool,
    /// Shared formulas by index: the formula and the first cell of its range.
    shared: Vec<Option<(String, (u32, u32))>>,
    text: String,
    merges: Vec<calamine::Dimensions>,
    /// Whether the last thing read was the end of a row (the reader is between two rows).
    at_row_end: bool,
    /// Whether this reads a block of rows cut from a sheet ([`RawRows`]): its end is no error.
    block: bool,
    /// How much XML a block of rows is cut from ([`BLOCK_BYTES`]; less in tests).
    block_bytes: usize,
}

/// What reading a sheet gives next.
enum Item {
    Cell(StreamCell),
    RowEnd,
    End,
}

/// Raw XML read ahead for a block of rows to be read on another thread: about this much (at
/// least a row), ~8,000 cells of a typical sheet.
const BLOCK_BYTES: usize = 1 << 18;

/// A row larger than this is read here, cell by cell, rather than cut out whole.
const MAX_BLOCK_BYTES: usize = 1 << 26;

/// Whole rows of a sheet, cut from its XML to be read into cells on another thread, or read
/// here already.
pub(crate) enum XlsxBlock<'a> {
    /// Rows cut out, not yet read.
    Raw(RawRows<'a>),
    /// Rows read here (the start of the sheet, or rows a reader elsewhere could not read alone).
    Cells(Vec<StreamCell>),
}

/// The XML of whole rows (`<row>...</row>` elements), with what reading them needs: the
/// number of a first row without `r`, the shared strings and the styles. Rows with shared
/// formulas, comments, CDATA or processing instructions are never cut out (their reading
/// depends on what came before, or a `</row>` inside them is no row's end).
pub(crate) struct RawRows<'a> {
    xml: Vec<u8>,
    first_row: u32,
    strings: &'a [String],
    styles: &'a [NumberKind],
    is_1904: bool,
}

impl RawRows<'_> {
    /// The rows' cells, empty ones left out, as the sheet's reader would have read them.
    pub(crate) fn cells(self) -> Result<Vec<StreamCell>, XmlError> {
        let size = self.xml.len();
        let xml = XmlPull::over_bytes(Box::new(std::io::empty()) as Box<dyn Read + Send>, self.xml);
        let mut reader = XlsxCells::with_pull(xml, self.strings, self.styles, self.is_1904);
        reader.row = self.first_row;
        reader.in_data = true;
        reader.block = true;
        let mut cells = Vec::with_capacity(size / 24);
        loop {
            match reader.next_item()? {
                Item::Cell(c) => cells.extend(kept(c)),
                Item::RowEnd => {}
                Item::End => return Ok(cells),
            }
        }
    }
}

/// A cell as the sheet's stream gives it: none when empty without a formula, no empty formula.
pub(crate) fn kept(c: StreamCell) -> Option<StreamCell> {
    if c.value == CellValue::Empty && c.formula.as_deref().is_none_or(str::is_empty) {
        return None;
    }
    Some(StreamCell { formula: c.formula.filter(|f| !f.is_empty()), ..c })
}

/// Where the last `<row` start tag of `xml` begins.
fn last_row_tag(xml: &[u8]) -> Option<usize> {
    memmem::rfind_iter(xml, b"<row")
        .find(|&k| matches!(xml.get(k + 4), Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')))
}

/// A cell's `t` attribute.
#[derive(Clone, Copy, PartialEq)]
enum CellType {
    Number,
    Shared,
    Bool,
    Error,
    IsoDate,
    FormulaString,
    Inline,
    Unknown,
}

impl<'a> XlsxCells<'a> {
    fn new(xml: Box<dyn Read + Send + 'a>, strings: &'a [String], styles: &'a [NumberKind], is_1904: bool) -> Self {
        XlsxCells::with_pull(XmlPull::new(xml), strings, styles, is_1904)
    }

    fn with_pull(
        xml: XmlPull<Box<dyn Read + Send + 'a>>,
        strings: &'a [String],
        styles: &'a [NumberKind],
        is_1904: bool,
    ) -> Self {
        XlsxCells {
            xml,
            strings,
            styles,
            is_1904,
            row: 0,
            col: 0,
            in_data: false,
            done: false,
            shared: Vec::new(),
            text: String::new(),
            merges: Vec::new(),
            at_row_end: false,
            block: false,
            block_bytes: BLOCK_BYTES,
        }
    }

    /// The next cell (empty ones too), in file order; `None` after the last.
    pub(crate) fn next_cell(&mut self) -> Result<Option<StreamCell>, XmlError> {
        loop {
            match self.next_item()? {
                Item::Cell(c) => return Ok(Some(c)),
                Item::RowEnd => {}
                Item::End => return Ok(None),
            }
        }
    }

    /// The next block of whole rows: cut out raw when the reader is between rows and the rows
    /// ahead can be read alone, read here otherwise (at least `min_cells` non-empty cells, or
    /// to the sheet's end); `None` after the last.
    pub(crate) fn next_block(&mut self, min_cells: usize) -> Result<Option<XlsxBlock<'a>>, XmlError> {
        if self.done {
            return Ok(None);
        }
        if self.at_row_end {
            if let Some(raw) = self.raw_rows()? {
                return Ok(Some(XlsxBlock::Raw(raw)));
            }
        }
        let mut cells = Vec::with_capacity(min_cells + 64);
        loop {
            match self.next_item()? {
                Item::Cell(c) => cells.extend(kept(c)),
                Item::RowEnd if cells.len() >= min_cells => break,
                Item::RowEnd => {}
                Item::End => break,
            }
        }
        Ok((!cells.is_empty()).then_some(XlsxBlock::Cells(cells)))
    }

    /// Cuts blocks from `n` bytes of XML (tests cut many small ones).
    #[cfg(test)]
    pub(crate) fn set_block_bytes(&mut self, n: usize) {
        self.block_bytes = n;
    }

    /// The whole rows in the next [`BLOCK_BYTES`] of XML, cut out, the reader moved past them;
    /// `None`, the reader unmoved, when they cannot be read alone.
    fn raw_rows(&mut self) -> Result<Option<RawRows<'a>>, XmlError> {
        let Some(xml) = self.xml.peek_through(b"</row>", self.block_bytes, MAX_BLOCK_BYTES)? else {
            return Ok(None);
        };
        // A shared formula's cells need its anchor, kept here (`t="shared"`; the word in a
        // cell's text is no formula); a `</row>` in a comment or CDATA section is no row's end.
        let shared_formula = memmem::find_iter(xml, b"shared")
            .any(|k| k > 0 && matches!(xml[k - 1], b'"' | b'\'') && xml.get(k + 6) == Some(&xml[k - 1]));
        if shared_formula || [&b"<!"[..], b"<?"].iter().any(|p| memmem::find(xml, p).is_some()) {
            return Ok(None);
        }
        // The rows after the block are numbered from its last (which must say its number).
        let Some(k) = last_row_tag(xml) else { return Ok(None) };
        let Some(end) = tag_end(&xml[k..]) else { return Ok(None) };
        let attrs = &xml[k + 4..k + end];
        if attrs.ends_with(b"/") {
            return Ok(None);
        }
        let Some(last) = attr(attrs, b"r").map(row_number).transpose()? else { return Ok(None) };
        let raw = RawRows {
            xml: xml.to_vec(),
            first_row: self.row,
            strings: self.strings,
            styles: self.styles,
            is_1904: self.is_1904,
        };
        self.xml.advance(raw.xml.len());
        self.row = last.saturating_add(1);
        self.col = 0;
        Ok(Some(raw))
    }

    /// The next cell, row end or the end of the cell data.
    fn next_item(&mut self) -> Result<Item, XmlError> {
        if self.done {
            return Ok(Item::End);
        }
        loop {
            match self.xml.next()? {
                Tok::Start { name, attrs } => match local(self.xml.bytes(name)) {
                    b"sheetData" => self.in_data = true,
                    b"row" if self.in_data => {
                        self.at_row_end = false;
                        if let Some(r) = attr(self.xml.bytes(attrs), b"r") {
                            self.row = row_number(r)?;
                        }
                    }
                    b"c" if self.in_data => {
                        self.at_row_end = false;
                        return self.cell(attrs).map(Item::Cell);
                    }
                    _ => {}
                },
                Tok::End { name } => match local(self.xml.bytes(name)) {
                    b"row" if self.in_data => {
                        self.row = self.row.saturating_add(1);
                        self.col = 0;
                        self.at_row_end = true;
                        return Ok(Item::RowEnd);
                    }
                    b"sheetData" if self.block => {
                        return Err(XmlError("rows after the end of the cell data".into()));
                    }
                    b"sheetData" => {
                        self.done = true;
                        self.at_row_end = false;
                        self.read_merges()?;
                        return Ok(Item::End);
                    }
                    _ => {}
                },
                Tok::Eof if self.block => {
                    self.done = true;
                    return Ok(Item::End);
                }
                Tok::Eof => return Err(XmlError("the sheet ends before its cell data does".into())),
                Tok::Text(_) | Tok::CData(_) => {}
            }
        }
    }

    /// The merged regions, which follow the cell data (the rest of the sheet is small).
    fn read_merges(&mut self) -> Result<(), XmlError> {
        loop {
            match self.xml.next()? {
                Tok::Start { name, attrs } if local(self.xml.bytes(name)) == b"mergeCell" => {
                    let Some(r) = attr(self.xml.bytes(attrs), b"ref") else { continue };
                    let (start, end) = match r.iter().position(|&b| b == b':') {
                        Some(k) => (&r[..k], &r[k + 1..]),
                        None => (r, r),
                    };
                    self.merges.push(calamine::Dimensions::new(cell_position(start)?, cell_position(end)?));
                }
                Tok::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// The sheet's merged regions, once its last cell has been read.
    pub(crate) fn merges(&self) -> &[calamine::Dimensions] {
        &self.merges
    }

    /// A `<c>` element, its start just read.
    fn cell(&mut self, attrs: crate::xml_pull::Span) -> Result<StreamCell, XmlError> {
        let (mut pos, mut style, mut kind) = (None, None, CellType::Number);
        for (k, v) in attributes(self.xml.bytes(attrs)) {
            match k {
                b"r" => pos = Some(cell_position(v)?),
                b"s" => style = Some(parse_index(v).unwrap_or(0)),
                b"t" => {
                    kind = match v {
                        b"n" => CellType::Number,
                        b"s" => CellType::Shared,
                        b"b" => CellType::Bool,
                        b"e" => CellType::Error,
                        b"d" => CellType::IsoDate,
                        b"str" => CellType::FormulaString,
                        b"inlineStr" | b"is" => CellType::Inline,
                        _ => CellType::Unknown,
                    }
                }
                _ => {}
            }
        }
        let (row, col) = pos.unwrap_or((self.row, self.col));
        self.col = col;
        // The common shapes, `<v>12</v></c>` and `<is><t>text</t></is></c>`, read at once.
        let inline = kind == CellType::Inline;
        if let Some(span) = (!inline).then(|| self.xml.simple_element(b"<v>", b"</v></c>")).flatten() {
            self.text.clear();
            self.text.push_str(utf8(self.xml.bytes(span))?);
            let value = self.value(kind, style)?;
            self.col = self.col.saturating_add(1);
            return Ok(StreamCell { row, col, value, formula: None });
        }
        if inline {
            if let Some(span) = self.xml.simple_element(b"<is><t>", b"</t></is></c>") {
                let text = utf8(self.xml.bytes(span))?.trim_matches([' ', '\t', '\r', '\n']);
                let text = if has_excel_escape(text.as_bytes()) { unescape_excel(text) } else { text.to_string() };
                self.col = self.col.saturating_add(1);
                return Ok(StreamCell { row, col, value: CellValue::Text(text), formula: None });
            }
        }
        let mut value = CellValue::Empty;
        let mut formula = None;
        loop {
            match self.xml.next()? {
                Tok::Start { name, attrs } => match local(self.xml.bytes(name)) {
                    b"v" => {
                        self.text.clear();
                        self.xml.read_text(&mut self.text)?;
                        if kind != CellType::Inline {
                            value = self.value(kind, style)?;
                        }
                    }
                    b"is" => value = CellValue::Text(read_rich_text(&mut self.xml)?),
                    b"f" => {
                        let a = self.xml.bytes(attrs);
                        let shared = attr(a, b"t") == Some(b"shared");
                        let index = attr(a, b"si").and_then(parse_index);
                        let anchor = attr(a, b"ref").map(|r| r.split(|&b| b == b':').next().unwrap_or(r));
                        let anchor = anchor.map(cell_position).transpose()?;
                        let mut f = String::new();
                        self.xml.read_text(&mut f)?;
                        formula = match (shared, index, anchor) {
                            (true, Some(i), Some(anchor)) => {
                                if self.shared.len() <= i {
                                    self.shared.resize(i + 1, None);
                                }
                                self.shared[i] = Some((f.clone(), anchor));
                                Some(f)
                            }
                            (true, Some(i), None) => match self.shared.get(i).and_then(Option::as_ref) {
                                Some((template, from)) => {
                                    calamine::expand_shared_formula(template, *from, (row, col)).map(Some).map_err(
                                        |_| XmlError("a shared formula that cannot be moved to its cell".into()),
                                    )?
                                }
                                None => None,
                            },
                            (true, None, _) => return Err(XmlError("a shared formula without its index".into())),
                            (false, ..) => Some(f),
                        };
                    }
                    _ => self.xml.skip_element()?,
                },
                Tok::End { name } if local(self.xml.bytes(name)) == b"c" => break,
                Tok::Eof => return Err(XmlError("the sheet ends inside a cell".into())),
                _ => {}
            }
        }
        self.col = self.col.saturating_add(1);
        Ok(StreamCell { row, col, value, formula })
    }

    /// The value of a `<v>` element whose text is in `self.text`.
    fn value(&self, kind: CellType, style: Option<usize>) -> Result<CellValue, XmlError> {
        let v = self.text.as_str();
        Ok(match kind {
            CellType::Shared if v.is_empty() => CellValue::Empty,
            CellType::Shared => {
                let i = parse_index(v.as_bytes()).unwrap_or(0);
                let s =
                    self.strings.get(i).ok_or_else(|| XmlError("a shared string that is not in the table".into()))?;
                CellValue::Text(s.clone())
            }
            CellType::Bool => match v.trim() {
                "" => CellValue::Empty,
                "0" => CellValue::Bool(false),
                "1" => CellValue::Bool(true),
                t if t.eq_ignore_ascii_case("false") => CellValue::Bool(false),
                t if t.eq_ignore_ascii_case("true") => CellValue::Bool(true),
                _ => return Err(XmlError("a boolean cell that is neither 0 nor 1".into())),
            },
            CellType::IsoDate | CellType::Error => CellValue::Other(v.to_string()),
            CellType::FormulaString | CellType::Unknown if has_excel_escape(v.as_bytes()) => {
                CellValue::Text(unescape_excel(v))
            }
            CellType::FormulaString | CellType::Unknown => CellValue::Text(v.to_string()),
            CellType::Inline => CellValue::Empty,
            CellType::Number if v.is_empty() => CellValue::Empty,
            CellType::Number => match v.parse::<f64>() {
                Ok(n) => match style
                    .map_or(NumberKind::Plain, |s| self.styles.get(s).copied().unwrap_or(NumberKind::Plain))
                {
                    NumberKind::Plain => CellValue::Number(n),
                    NumberKind::Date if self.is_1904 && n >= 1.0 => CellValue::Date(n + DAYS_1904),
                    NumberKind::Date => CellValue::Date(n),
                    NumberKind::Duration => CellValue::Duration(n),
                },
                Err(_) => CellValue::Text(v.to_string()),
            },
        })
    }
}

/// The text of an `<si>` or `<is>` element just started: its `<t>` runs joined, phonetic
/// runs (`<rPh>`) left out, each run trimmed unless it preserves space, `_xHHHH_` resolved.
fn read_rich_text<R: Read>(xml: &mut XmlPull<R>) -> Result<String, XmlError> {
    let mut text = String::new();
    let mut phonetic = 0usize;
    let mut depth = 0usize;
    loop {
        match xml.next()? {
            Tok::Start { name, attrs } => {
                let name = local(xml.bytes(name));
                if name == b"rPh" {
                    phonetic += 1;
                } else if name == b"t" && phonetic == 0 {
                    // The run is read straight onto the text, then trimmed and unescaped there.
                    let preserve = attr(xml.bytes(attrs), b"xml:space") == Some(b"preserve");
                    let start = text.len();
                    xml.read_text(&mut text)?;
                    if !preserve {
                        let ws = [' ', '\t', '\r', '\n'];
                        let kept = text[start..].trim_end_matches(ws).len();
                        text.truncate(start + kept);
                        let lead = kept - text[start..].trim_start_matches(ws).len();
                        text.drain(start..start + lead);
                    }
                    if has_excel_escape(&text.as_bytes()[start..]) {
                        let run = unescape_excel(&text[start..]);
                        text.truncate(start);
                        text.push_str(&run);
                    }
                    continue;
                }
                depth += 1;
            }
            Tok::End { name } => {
                if depth == 0 {
                    return Ok(text);
                }
                depth -= 1;
                if local(xml.bytes(name)) == b"rPh" {
                    phonetic = phonetic.saturating_sub(1);
                }
            }
            Tok::Eof => return Err(XmlError("the part ends inside a string".into())),
            Tok::Text(_) | Tok::CData(_) => {}
        }
    }
}

/// Whether text may hold an Excel escape (`_x`).
fn has_excel_escape(b: &[u8]) -> bool {
    memchr::memchr_iter(b'_', b).any(|i| b.get(i + 1) == Some(&b'x'))
}

/// Excel's escapes of characters XML cannot hold: `_x000D_` is a carriage return (a UTF-16
/// code unit, so a character beyond the BMP is two), `_x005F_` an underscore.
fn unescape_excel(s: &str) -> String {
    let unit = |s: &str, i: usize| -> Option<u16> {
        let b = s.as_bytes().get(i..i + 7)?;
        (b[0] == b'_' && b[1] == b'x' && b[6] == b'_' && b[2..6].iter().all(u8::is_ascii_hexdigit))
            .then(|| u16::from_str_radix(std::str::from_utf8(&b[2..6]).ok()?, 16).ok())
            .flatten()
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut copied = 0;
    while let Some(k) = s[i..].find("_x") {
        let at = i + k;
        let Some(u) = unit(s, at) else {
            i = at + 1;
            continue;
        };
        out.push_str(&s[copied..at]);
        let mut next = at + 7;
        let c = match u {
            0xD800..=0xDBFF => match unit(s, next) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    next += 7;
                    char::from_u32(0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(low) - 0xDC00))
                }
                _ => None,
            },
            _ => char::from_u32(u32::from(u)),
        };
        out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
        i = next;
        copied = next;
    }
    out.push_str(&s[copied..]);
    out
}

/// A decimal index (`s="12"`, a shared string's number).
fn parse_index(b: &[u8]) -> Option<usize> {
    if b.is_empty() || b.len() > 18 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0usize, |n, d| n * 10 + usize::from(d - b'0')))
}

/// A cell reference `AB12` (or `$AB$12`, anchors passed over) as 0-based (row, column).
fn cell_position(r: &[u8]) -> Result<(u32, u32), XmlError> {
    let mut col = 0u32;
    let mut i = usize::from(r.first() == Some(&b'$'));
    while let Some(b) = r.get(i).filter(|b| b.is_ascii_alphabetic()) {
        col = col.saturating_mul(26).saturating_add(u32::from(b.to_ascii_uppercase() - b'A' + 1));
        i += 1;
    }
    i += usize::from(r.get(i) == Some(&b'$'));
    let row = row_number(&r[i..])?;
    match col.checked_sub(1) {
        Some(col) => Ok((row, col)),
        None => Err(XmlError("a cell reference without a column".into())),
    }
}

/// A 1-based row number as 0-based (a column before it is passed over).
fn row_number(r: &[u8]) -> Result<u32, XmlError> {
    let digits = &r[r.iter().take_while(|b| b.is_ascii_alphabetic()).count()..];
    if digits.is_empty() {
        return Err(bad_reference());
    }
    let mut n = 0u32;
    for &d in digits {
        if !d.is_ascii_digit() || n > 100_000_000 {
            return Err(bad_reference());
        }
        n = n * 10 + u32::from(d - b'0');
    }
    n.checked_sub(1).ok_or_else(bad_reference)
}

fn bad_reference() -> XmlError {
    XmlError("a cell reference that is not a column and a row".into())
}

/// The zip's part names by their lower-case form (parts are found whatever their case).
/// `None` when a part's name cannot be read: no part is passed over unseen (the workbook is
/// then left to calamine, which reports what it cannot read).
fn part_names(zip: &ZipArchive<BufReader<File>>) -> Option<HashMap<String, String>> {
    zip.file_names().map(|n| n.ok().map(|n| (n.to_ascii_lowercase(), n.into_owned()))).collect()
}

/// A part's bytes: `Some(None)` when the workbook has no such part, `None` when it has one
/// that cannot be read (the workbook is then left to calamine, rather than read without it).
fn read_part(
    zip: &mut ZipArchive<BufReader<File>>,
    names: &HashMap<String, String>,
    part: &str,
) -> Option<Option<Vec<u8>>> {
    let Some(name) = names.get(&part.to_ascii_lowercase()) else { return Some(None) };
    let mut bytes = Vec::new();
    zip.by_name(name).ok()?.read_to_end(&mut bytes).ok()?;
    Some(Some(bytes))
}

/// A target relative to the directory of the part that names it (or absolute).
fn resolve(dir: &str, target: &str) -> String {
    match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{dir}{target}"),
    }
}

struct Relationship {
    id: String,
    target: String,
    kind: String,
}

fn relationships(xml: &[u8]) -> Result<Vec<Relationship>, XmlError> {
    let mut x = XmlPull::new(xml);
    let mut out = Vec::new();
    loop {
        match x.next()? {
            Tok::Start { name, attrs } if local(x.bytes(name)) == b"Relationship" => {
                let a = x.bytes(attrs);
                let get = |k: &[u8]| attr(a, k).map(attr_text).transpose().map(Option::unwrap_or_default);
                out.push(Relationship { id: get(b"Id")?, target: get(b"Target")?, kind: get(b"Type")? });
            }
            Tok::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The workbook's sheets as (name, relationship id), and whether it counts dates from 1904.
fn sheet_list(xml: &[u8]) -> Result<(Vec<(String, String)>, bool), XmlError> {
    let mut x = XmlPull::new(xml);
    let (mut sheets, mut is_1904) = (Vec::new(), false);
    loop {
        match x.next()? {
            Tok::Start { name, attrs } => {
                let a = x.bytes(attrs);
                match local(x.bytes(name)) {
                    b"sheet" => {
                        let name = attr(a, b"name").map(attr_text).transpose()?.unwrap_or_default();
                        let id =
                            attributes(a).find(|(k, _)| local(k) == b"id").map(|(_, v)| attr_text(v)).transpose()?;
                        sheets.push((name, id.unwrap_or_default()));
                    }
                    b"workbookPr" => {
                        if let Some(v) = attr(a, b"date1904") {
                            is_1904 = v == b"1" || v == b"true";
                        }
                    }
                    _ => {}
                }
            }
            Tok::Eof => return Ok((sheets, is_1904)),
            _ => {}
        }
    }
}

/// What each cell style (`cellXfs`, in order) makes of a number.
fn cell_styles(xml: &[u8]) -> Result<Vec<NumberKind>, XmlError> {
    let mut x = XmlPull::new(xml);
    let mut custom: HashMap<Vec<u8>, NumberKind> = HashMap::new();
    let mut styles = Vec::new();
    let mut in_xfs = false;
    loop {
        match x.next()? {
            Tok::Start { name, attrs } => {
                let a = x.bytes(attrs);
                match local(x.bytes(name)) {
                    b"numFmt" => {
                        if let (Some(id), Some(code)) = (attr(a, b"numFmtId"), attr(a, b"formatCode")) {
                            custom.insert(id.to_vec(), format_kind(&attr_text(code)?));
                        }
                    }
                    b"cellXfs" => in_xfs = true,
                    b"xf" if in_xfs => styles.push(match attr(a, b"numFmtId") {
                        Some(id) => custom.get(id).copied().unwrap_or_else(|| builtin_kind(id)),
                        None => NumberKind::Plain,
                    }),
                    _ => {}
                }
            }
            Tok::End { name } if local(x.bytes(name)) == b"cellXfs" => in_xfs = false,
            Tok::Eof => return Ok(styles),
            _ => {}
        }
    }
}

/// The built-in number formats that are dates and times (ECMA-376 18.8.30, and the East Asian
/// ones) and the one duration (`[h]:mm:ss`).
fn builtin_kind(id: &[u8]) -> NumberKind {
    match parse_index(id) {
        Some(14..=22 | 27..=36 | 45 | 47 | 50..=58) => NumberKind::Date,
        Some(46) => NumberKind::Duration,
        _ => NumberKind::Plain,
    }
}

/// Whether a custom number format shows a date or time (a `d`, `m`, `y`, `h` or `s` outside
/// quotes, escapes and brackets, or `AM/PM`) or a duration (`[h]`, `[mm]`, `[ss]`); only the
/// first section counts. The rules calamine uses (ported from openpyxl).
fn format_kind(format: &str) -> NumberKind {
    let (mut escaped, mut quoted, mut ampm, mut hms) = (false, false, false, false);
    let mut brackets = 0u8;
    let mut prev = ' ';
    for c in format.chars() {
        if escaped {
            escaped = false;
        } else if matches!(c, '_' | '\\' | '*') {
            escaped = true;
        } else if quoted {
            quoted = c != '"';
        } else if c == '"' {
            quoted = true;
        } else if c == ';' {
            return NumberKind::Plain;
        } else if c == '[' {
            brackets += 1;
        } else if c == ']' && brackets == 1 && hms {
            return NumberKind::Duration;
        } else if c == ']' {
            brackets = brackets.saturating_sub(1);
        } else if brackets == 0 && !ampm && matches!(c, 'a' | 'A') {
            ampm = true;
        } else if brackets == 0
            && if ampm {
                matches!(c, 'p' | 'm' | '/' | 'P' | 'M')
            } else {
                matches!(c, 'd' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S')
            }
        {
            return NumberKind::Date;
        } else if !(hms && c.eq_ignore_ascii_case(&prev)) {
            hms = prev == '[' && matches!(c, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
        }
        prev = c;
    }
    NumberKind::Plain
}

/// The shared strings table.
fn shared_strings(part: impl Read) -> Result<Vec<String>, XmlError> {
    let mut x = XmlPull::new(part);
    let mut strings = Vec::new();
    loop {
        match x.next()? {
            Tok::Start { name, attrs } => match local(x.bytes(name)) {
                b"sst" => {
                    if let Some(n) = attr(x.bytes(attrs), b"uniqueCount").and_then(parse_index) {
                        strings.reserve(n.min(1 << 20));
                    }
                }
                b"si" => strings.push(read_rich_text(&mut x)?),
                _ => {}
            },
            Tok::Eof => return Ok(strings),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::{calamine_cells, WorkbookReader};
    use proptest::prelude::*;
    use rust_xlsxwriter::{Format, Formula, Workbook};
    use std::io::Write;

    /// Every non-empty cell of every sheet, read by the direct reader (through the public
    /// reader, which must have taken the workbook).
    fn direct_cells(path: &str) -> Vec<(String, Vec<StreamCell>)> {
        direct_cells_and_merges(path).into_iter().map(|(n, c, _)| (n, c)).collect()
    }

    /// Each sheet's cells and the merged regions found after them.
    fn direct_cells_and_merges(path: &str) -> Vec<(String, Vec<StreamCell>, Vec<calamine::Dimensions>)> {
        let mut reader = WorkbookReader::open(path).unwrap();
        assert!(reader.is_direct(), "{path}: left to calamine");
        let mut out = Vec::new();
        for name in reader.sheet_names.clone() {
            let mut cells = reader.cells(&name).unwrap();
            let mut all = Vec::new();
            while let Some(c) = cells.next_cell().unwrap() {
                all.push(c);
            }
            let merges = cells.merges().to_vec();
            drop(cells);
            // Read in blocks of rows (cut out raw, or read by the reader), the same cells.
            for (bytes, min_cells) in [(1, 1), (100, 5), (3000, 50), (BLOCK_BYTES, 8192)] {
                let (blocks, block_merges, _) = block_cells(&mut reader, &name, bytes, min_cells);
                assert_eq!(blocks, all, "{path}: {name}: blocks cut from {bytes} bytes");
                assert_eq!(block_merges, merges, "{path}: {name}");
            }
            out.push((name, all, merges));
        }
        out
    }

    /// A sheet's cells read in blocks cut from `bytes` of XML, its merged regions, and how many
    /// blocks were cut out raw.
    fn block_cells(
        reader: &mut WorkbookReader,
        name: &str,
        bytes: usize,
        min_cells: usize,
    ) -> (Vec<StreamCell>, Vec<calamine::Dimensions>, usize) {
        let mut cells = reader.cells(name).unwrap();
        cells.set_block_bytes(bytes);
        let (mut all, mut raw) = (Vec::new(), 0);
        while let Some(block) = cells.next_block(min_cells).unwrap() {
            raw += usize::from(block.is_raw());
            all.extend(block.cells().unwrap());
        }
        (all, cells.merges().to_vec(), raw)
    }

    fn assert_same_as_calamine(path: &str) -> usize {
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
        let names = calamine::Reader::sheet_names(&book);
        let direct = direct_cells_and_merges(path);
        assert_eq!(direct.iter().map(|(n, _, _)| n.clone()).collect::<Vec<_>>(), names, "{path}");
        let mut n = 0;
        for (name, cells, merges) in direct {
            assert_eq!(merges, book.merge_cells_by_sheet_name(&name).unwrap(), "{path}: {name}");
            let want = calamine_cells(path, &name);
            assert_eq!(cells.len(), want.len(), "{path}: {name}");
            for (got, want) in cells.iter().zip(&want) {
                assert_eq!(got, want, "{path}: {name}");
            }
            n += cells.len();
        }
        n
    }

    /// The direct reader reads what calamine reads on every workbook in testdata (saved by
    /// Excel and LibreOffice, with shared strings, styles and dates).
    #[test]
    fn reads_the_fixtures_as_calamine_does() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
        let mut stack = vec![root];
        let mut books = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "xlsx" || e == "xlsm") {
                    assert!(assert_same_as_calamine(path.to_str().unwrap()) > 0, "{}", path.display());
                    books += 1;
                }
            }
        }
        assert!(books >= 6, "{books} workbooks found");
    }

    /// A workbook with every kind of cell rust_xlsxwriter writes: shared strings (a normal
    /// sheet) and inline ones (a constant-memory sheet), rich text, escapes, spaces kept,
    /// numbers, dates, times, durations, booleans, formulas with results, merged titles.
    #[test]
    fn reads_every_cell_kind_as_calamine_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kinds.xlsx");
        let mut book = Workbook::new();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let stamp = Format::new().set_num_format("yyyy-mm-dd hh:mm");
        let time = Format::new().set_num_format("hh:mm:ss");
        let hours = Format::new().set_num_format("[h]:mm:ss");
        let money = Format::new().set_num_format("\"Rs\" #,##0.00");
        let bold = Format::new().set_bold();
        for constant in [false, true] {
            let ws = if constant { book.add_worksheet_with_constant_memory().unwrap() } else { book.add_worksheet() };
            ws.set_name(if constant { "Inline & <co>" } else { "Shared" }).unwrap();
            ws.merge_range(0, 0, 0, 4, "Ward 12 register", &Format::new()).unwrap();
            for r in 1..200u32 {
                ws.write_string(r, 0, format!("Owner {r} Kumar")).unwrap();
                ws.write_number(r, 1, 9876500000.0 + f64::from(r)).unwrap();
                ws.write_number_with_format(r, 2, 30000.0 + f64::from(r), &date).unwrap();
                ws.write_number_with_format(r, 3, 45000.25, &stamp).unwrap();
                ws.write_number_with_format(r, 4, 0.5, &time).unwrap();
                ws.write_number_with_format(r, 5, 1.75, &hours).unwrap();
                ws.write_number_with_format(r, 6, 1234.5, &money).unwrap();
                ws.write_boolean(r, 7, r % 2 == 0).unwrap();
                ws.write_formula(r, 8, Formula::new(format!("=B{}*2", r + 1)).set_result("42")).unwrap();
                ws.write_string(r, 9, "  spaced out  ").unwrap();
                ws.write_string(r, 10, "line one\r\nline two\ttab _x000D_ literal").unwrap();
                ws.write_string(r, 11, "Šrī நகர் 🏠 & <tag> \"q\"").unwrap();
                if !constant {
                    ws.write_rich_string(r, 12, &[(&bold, "Ram "), (&Format::new(), "Prasad")]).unwrap();
                }
                ws.write_string(r, 13, "").unwrap();
            }
            // A merged region after the rows (the merged regions follow the cell data).
            ws.merge_range(200, 2, 204, 3, "Totals", &Format::new()).unwrap();
        }
        book.save(&path).unwrap();
        let n = assert_same_as_calamine(path.to_str().unwrap());
        assert!(n > 2 * 199 * 12, "{n} cells");
        // Both sheets' rows (shared strings, inline strings, formulas that are not shared) are
        // cut out raw for the workers.
        let mut reader = WorkbookReader::open(path.to_str().unwrap()).unwrap();
        for name in reader.sheet_names.clone() {
            let (cells, _, raw) = block_cells(&mut reader, &name, 3000, 50);
            assert!(raw > 10 && cells.len() > 2000, "{name}: {raw} raw blocks, {} cells", cells.len());
        }
    }

    /// A column reference past any column (found by the fuzz target): the cell after it has no
    /// column number to count on to, and reading stops at no limit, with no overflow.
    #[test]
    fn references_past_the_last_column_do_not_overflow() {
        let xml = concat!(
            "<worksheet><sheetData><row r=\"1\"><c r=\"FFFFFFFFFFFFFFFFFFFFFFFFA1\"><v>1</v></c>",
            "<c><v>2</v></c><c><v>3</v></c></row></sheetData></worksheet>"
        );
        assert_eq!(read_sheet_xml(xml.as_bytes()), Ok(3));
    }

    /// Rows cut out in blocks read as the reader reads them, whatever the cut: rows and cells
    /// without references (a block's last row without one is not cut after), empty rows,
    /// line breaks between rows, entities, shared formulas (read where their anchor is known),
    /// the word "shared" in a cell's text, a damaged block an error.
    #[test]
    fn blocks_of_rows_read_as_the_cells_do() {
        let mut xml = String::from("<worksheet><sheetData>");
        for r in 0..300u32 {
            let n = r + 1;
            xml += &match r % 7 {
                0 => format!("<row r=\"{n}\"/>"),
                // Shared formulas in the first rows: their anchor, then cells that use it.
                3 if r == 3 => format!("<row r=\"{n}\"><c r=\"D{n}\"><f t=\"shared\" ref=\"D{n}:D99\" si=\"0\">A{n}*2</f><v>0</v></c></row>"),
                3 if r < 100 => format!("<row r=\"{n}\"><c r=\"D{n}\"><f t=\"shared\" si=\"0\"/><v>{r}</v></c></row>"),
                1 => "<row><c t=\"inlineStr\"><is><t>no number &amp; a shared wall</t></is></c><c><v>1</v></c></row>".into(),
                2 => format!("<row r=\"{n}\" spans=\"1:3\">\n<c r=\"B{n}\" t=\"s\"><v>0</v></c><c t=\"b\"><v>1</v></c></row>\r\n"),
                _ => format!("<row r=\"{n}\"><c r=\"A{n}\"><v>{r}</v></c><c r=\"C{n}\" s=\"1\"><v>4500{}</v></c></row>", r % 10),
            };
        }
        xml += "</sheetData><mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";
        let strings = ["Sita Devi".to_string()];
        let styles = [NumberKind::Plain, NumberKind::Date];
        let reader = |xml: &str| {
            XlsxCells::new(Box::new(std::io::Cursor::new(xml.as_bytes().to_vec())), &strings, &styles, false)
        };
        let mut serial = reader(&xml);
        let mut want = Vec::new();
        while let Some(c) = serial.next_cell().unwrap() {
            want.extend(kept(c));
        }
        assert!(want.len() > 450 && want.iter().any(|c| c.row == 299));
        assert_eq!(want.iter().filter(|c| c.formula.as_deref().is_some_and(|f| f.starts_with('A'))).count(), 14);
        let read_blocks =
            |xml: &str, bytes: usize, min_cells: usize| -> Result<(Vec<StreamCell>, usize, usize), XmlError> {
                let mut blocks = reader(xml);
                blocks.set_block_bytes(bytes);
                let (mut got, mut raw) = (Vec::new(), 0);
                while let Some(b) = blocks.next_block(min_cells)? {
                    match b {
                        XlsxBlock::Raw(r) => {
                            raw += 1;
                            got.extend(r.cells()?);
                        }
                        XlsxBlock::Cells(c) => got.extend(c),
                    }
                }
                Ok((got, raw, blocks.merges().len()))
            };
        for bytes in [1, 10, 200, 5000, BLOCK_BYTES] {
            for min_cells in [1, 10, 100] {
                let (got, raw, merges) = read_blocks(&xml, bytes, min_cells).unwrap();
                assert_eq!(got, want, "blocks of {bytes} bytes, {min_cells} cells");
                assert_eq!(merges, 1);
                assert!(bytes < 200 || raw > 0, "blocks of {bytes} bytes: none cut out");
            }
        }
        // Rows after the end of the cell data: the reader stops at that end; a block holding
        // it is damaged.
        let damaged = xml.replace("<row r=\"281\"/>", "</sheetData><row r=\"281\"/>");
        assert!(read_blocks(&damaged, 5000, 10).is_err());
    }

    /// A workbook written by hand with what other writers produce: namespace prefixes, cells
    /// and rows without references, shared formulas, phonetic runs, CDATA, comments, entities,
    /// error and ISO-date cells, a part named in another case, no styles part.
    #[test]
    fn reads_hand_written_parts_as_calamine_does() {
        let sheet = concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n",
            "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
            "<x:dimension ref=\"A1:D6\"/><!-- rows follow --><x:sheetData>",
            "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\" t=\"s\"><x:v>1</x:v></x:c>",
            "<x:c r=\"C1\" t=\"inlineStr\"><x:is><x:t><![CDATA[a <b> & c]]></x:t></x:is></x:c></x:row>",
            "<x:row><x:c><x:v>12.5</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c><x:c t=\"str\"><x:f>A2&amp;\"x\"</x:f><x:v>12.5x &amp; _x0041_</x:v></x:c></x:row>",
            "<x:row r=\"4\"><x:c r=\"A4\"><x:f t=\"shared\" ref=\"A4:A6\" si=\"0\">B4+$C$1+C4</x:f><x:v>3</x:v></x:c>",
            "<x:c r=\"B4\" t=\"b\"><x:v>1</x:v></x:c><x:c r=\"D4\" t=\"d\"><x:v>2024-03-01T00:00:00</x:v></x:c></x:row>",
            "<x:row r=\"5\" spans=\"1:4\"><x:c r=\"A5\"><x:f t=\"shared\" si=\"0\"/><x:v>4</x:v></x:c>",
            "<x:c r=\"B5\" s=\"0\"/><x:c r=\"C5\" t=\"s\"><x:v>2</x:v></x:c></x:row>",
            "<x:row r=\"6\"><x:c r=\"A6\"><x:f t=\"shared\" si=\"0\"></x:f><x:v>5</x:v></x:c><x:c r=\"AA6\"><x:v>1e3</x:v></x:c></x:row>",
            "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"B5:C5\"/></x:mergeCells></x:worksheet>"
        );
        let strings = concat!(
            "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\" uniqueCount=\"3\">",
            "<si><t xml:space=\"preserve\"> Sita Devi </t></si>",
            "<si><r><rPr><b/></rPr><t>Ram</t></r><r><t xml:space=\"preserve\"> Lal</t></r><rPh sb=\"0\" eb=\"1\"><t>ラム</t></rPh></si>",
            "<si><t>\n  Ward &#x31;2 &#169;\r\n</t></si></sst>"
        );
        let parts: [(&str, &str); 5] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/Sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr/><sheets><sheet name=\"Owners &amp; Co\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"),
            ("xl/sharedStrings.xml", strings),
        ];
        let dir = tempfile::tempdir().unwrap();
        let write_zip = |path: &std::path::Path, parts: &[(&str, &str)]| {
            let mut zip = zip::ZipWriter::new(File::create(path).unwrap());
            let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            for (name, body) in parts {
                zip.start_file(*name, opts).unwrap();
                zip.write_all(body.as_bytes()).unwrap();
            }
            zip.finish().unwrap();
        };
        let all: Vec<(&str, &str)> = parts.iter().copied().chain([("xl/worksheets/sheet1.xml", sheet)]).collect();
        // The shared strings under another name, found through the workbook's relationships
        // (calamine looks for `sharedStrings.xml` only).
        let renamed: Vec<(&str, String)> = all
            .iter()
            .map(|&(n, b)| match n {
                "xl/sharedStrings.xml" => ("xl/strings/table.xml", b.to_string()),
                _ => (n, b.replace("Target=\"sharedStrings.xml\"", "Target=\"strings/table.xml\"")),
            })
            .collect();
        let other = dir.path().join("renamed.xlsx");
        write_zip(&other, &renamed.iter().map(|(n, b)| (*n, b.as_str())).collect::<Vec<_>>());
        let renamed_cells = &direct_cells(other.to_str().unwrap())[0].1;
        assert_eq!(renamed_cells[0].value, CellValue::Text(" Sita Devi ".into()));
        let path = dir.path().join("hand.xlsx");
        write_zip(&path, &all);
        let path = path.to_str().unwrap();
        assert_eq!(assert_same_as_calamine(path), 13);
        let cells = &direct_cells(path)[0].1;
        assert_eq!(cells[0].value, CellValue::Text(" Sita Devi ".into()));
        assert_eq!(cells[1].value, CellValue::Text("Ram Lal".into()));
        assert_eq!(cells[2].value, CellValue::Text("a <b> & c".into()));
        let a5 = cells.iter().find(|c| (c.row, c.col) == (4, 0)).unwrap();
        assert_eq!(a5.formula.as_deref(), Some("B5+$C$1+C5"));
        assert_eq!(direct_cells_and_merges(path)[0].2, vec![calamine::Dimensions::new((4, 1), (4, 2))]);
    }

    /// A workbook on the 1904 date system has its dates moved to the 1900 system (the one the
    /// output is written in), so a date keeps its day; times of day and durations stay.
    #[test]
    fn dates_of_the_1904_system_keep_their_day() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("1904.xlsx");
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        ws.write_number_with_format(0, 0, 30000.0, &Format::new().set_num_format("dd/mm/yyyy")).unwrap();
        ws.write_number_with_format(0, 1, 0.25, &Format::new().set_num_format("hh:mm")).unwrap();
        book.save(&path).unwrap();
        // rust_xlsxwriter writes the 1900 system: switch the workbook part to 1904.
        let src = std::fs::read(&path).unwrap();
        let mut zin = ZipArchive::new(std::io::Cursor::new(src)).unwrap();
        let path = dir.path().join("1904b.xlsx");
        let mut zout = zip::ZipWriter::new(File::create(&path).unwrap());
        for i in 0..zin.len() {
            let mut f = zin.by_index(i).unwrap();
            let mut body = String::new();
            f.read_to_string(&mut body).unwrap();
            let name = f.name().unwrap().to_string();
            if name == "xl/workbook.xml" {
                body = body.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1);
                assert!(body.contains("date1904"));
            }
            zout.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            zout.write_all(body.as_bytes()).unwrap();
        }
        zout.finish().unwrap();
        let cells = &direct_cells(path.to_str().unwrap())[0].1;
        assert_eq!(cells[0].value, CellValue::Date(31462.0));
        assert_eq!(cells[0].value.as_text().as_deref(), Some("19/02/1986"));
        assert_eq!(cells[1].value, CellValue::Date(0.25));
    }

    /// A sheet's XML with bytes replaced, inserted or removed anywhere: the reader returns
    /// (cells or an error), never panics.
    #[test]
    fn damaged_sheets_are_errors_not_panics() {
        let sheet = concat!(
            "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\">",
            "<is><r><t xml:space=\"preserve\"> Ram </t></r><rPh><t>x</t></rPh></is></c><c r=\"C1\" s=\"1\"><v>4.5</v></c></row>",
            "<row><c><f t=\"shared\" ref=\"A2:A3\" si=\"0\">B2*2</f><v>1</v></c><c t=\"str\"><v>a &amp; _x000D_</v></c></row>",
            "<row r=\"3\"><c r=\"A3\"><f t=\"shared\" si=\"0\"/><v>2</v></c><c r=\"B3\" t=\"b\"><v>1</v></c></row>",
            "</sheetData><mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>"
        );
        assert_eq!(read_sheet_xml(sheet.as_bytes()), Ok(8));
        let alphabet = b"<>/\"'=&;:_x0rvcAtisf! \r\xff";
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let mut bytes = sheet.as_bytes().to_vec();
            for _ in 0..1 + next() % 4 {
                let at = (next() % bytes.len() as u64) as usize;
                let b = alphabet[(next() % alphabet.len() as u64) as usize];
                match next() % 3 {
                    0 => bytes[at] = b,
                    1 => bytes.insert(at, b),
                    _ => {
                        bytes.remove(at);
                    }
                }
            }
            let _ = read_sheet_xml(&bytes);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Any text written to a cell reads back as calamine reads it, shared or inline.
        #[test]
        fn any_text_reads_as_calamine_reads_it(texts in proptest::collection::vec("[ -~\t\r\nऀ-ॿ_x0-9A-F]{0,24}", 1..40), constant in any::<bool>()) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("any.xlsx");
            let mut book = Workbook::new();
            let ws = if constant { book.add_worksheet_with_constant_memory().unwrap() } else { book.add_worksheet() };
            for (i, t) in texts.iter().enumerate() {
                ws.write_string(i as u32, (i % 3) as u16, t).unwrap();
            }
            book.save(&path).unwrap();
            assert_same_as_calamine(path.to_str().unwrap());
        }
    }

    #[test]
    fn number_formats() {
        for date in ["dd/mm/yyyy", "yyyy-mm-dd hh:mm", "h:mm AM/PM", "[$-409]d-mmm-yy", "mmm-yy;@"] {
            assert_eq!(format_kind(date), NumberKind::Date, "{date}");
        }
        for plain in ["0.00", "#,##0", "\"Rs\" #,##0.00", "0.00_);(0.00)", "@", "General", "[Red]0.0"] {
            assert_eq!(format_kind(plain), NumberKind::Plain, "{plain}");
        }
        assert_eq!(format_kind("[h]:mm:ss"), NumberKind::Duration);
        assert_eq!(format_kind("[mm]:ss"), NumberKind::Duration);
        assert_eq!(builtin_kind(b"14"), NumberKind::Date);
        assert_eq!(builtin_kind(b"46"), NumberKind::Duration);
        assert_eq!(builtin_kind(b"4"), NumberKind::Plain);
    }

    #[test]
    fn excel_escapes() {
        assert_eq!(unescape_excel("a_x000D__x000A_b"), "a\r\nb");
        assert_eq!(unescape_excel("_x005F_x000D_"), "_x000D_");
        assert_eq!(unescape_excel("_xD83D__xDCF7_"), "\u{1F4F7}");
        assert_eq!(unescape_excel("_xD83D_ alone"), "\u{FFFD} alone");
        assert_eq!(unescape_excel("col_x_1 _x12_"), "col_x_1 _x12_");
    }

    #[test]
    fn references() {
        assert_eq!(cell_position(b"A1").unwrap(), (0, 0));
        assert_eq!(cell_position(b"AB12").unwrap(), (11, 27));
        assert_eq!(cell_position(b"$AB$12").unwrap(), (11, 27));
        assert!(cell_position(b"$$A1").is_err());
        assert!(cell_position(b"12").is_err());
        assert!(cell_position(b"A0").is_err());
        assert_eq!(row_number(b"7").unwrap(), 6);
    }
}
