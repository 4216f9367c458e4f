//! `.xlsx` output written as it goes: each sheet's XML is streamed into the zip (deflated as it
//! is written, so nothing is left to compress at the end), row by row, with strings inline.
//! Blocks of rows can be turned into XML and deflated on the workers ([`RowsXml`]) and only
//! appended here, in order (the zip container is parda's own, `zip_out.rs`, since a part deflated
//! elsewhere cannot go through the zip crate's writer). The parts around the sheets (workbook,
//! styles with the four date and time formats, content types, relationships) are written when
//! the workbook is finished. The cells are written as rust_xlsxwriter's constant-memory mode
//! writes them (a test compares the two byte for byte), at a fraction of its cost per cell
//! (docs/performance.md).

use crate::workbook::{is_time_of_day, CellOut, CellValue};
use calamine::Dimensions;
use std::fmt::Write as _;
use std::fs::File;

use crate::zip_out::{Deflated, ZipOut};

/// Deflate level 2 (zlib-rs's fastest with a real match search): a third of the time of the
/// default 6 on a large sheet, for ~20% larger files (measured on a 200,000-row sheet: 28.4 MB
/// in 0.38 s against 23.5 MB in 1.10 s; level 1 gives 39 MB).
const DEFLATE_LEVEL: u32 = 2;

/// The longest text a cell holds (Excel's limit, in characters).
const MAX_TEXT_CHARS: usize = 32_767;

/// Sheet XML collected before it is handed to the zip.
const FLUSH_BYTES: usize = 1 << 16;

/// The styles the cells use: 0 plain, then a date, a time of day, a date and time, a duration.
const STYLE_DATE: u8 = 1;
const STYLE_TIME: u8 = 2;
const STYLE_DATETIME: u8 = 3;
const STYLE_DURATION: u8 = 4;

/// A workbook being written, sheet after sheet and row after row.
pub struct WorkbookWriter {
    zip: ZipOut,
    /// The names of the sheets begun so far.
    sheets: Vec<String>,
    /// The sheet being written, if one is open.
    open: Option<OpenSheet>,
}

/// What is kept while a sheet is written.
struct OpenSheet {
    /// Rows not yet handed to the zip.
    rows: RowBuffer,
    merges: Vec<Dimensions>,
}

/// Rows turned into sheet XML: the finished rows' XML, and the row whose cells are being
/// collected (written when the next row begins, its cells in column order).
#[derive(Default)]
struct RowBuffer {
    xml: Vec<u8>,
    /// The first row written (what a block must come after), and the latest (the one being
    /// collected, if it has cells).
    first: Option<u32>,
    row: Option<u32>,
    /// The latest row's cells: column, and their XML's range in `row_xml`.
    cells: Vec<(u16, std::ops::Range<usize>)>,
    row_xml: Vec<u8>,
}

/// The XML of whole rows, written on any thread (the workers turn their rows into XML) and
/// handed to [`SheetWriter::write_rows`] in order; the same XML as [`SheetWriter::write`]
/// gives for the same cells.
#[derive(Default)]
pub struct RowsXml {
    rows: RowBuffer,
    /// The rows' XML deflated ([`RowsXml::deflate`]), when it has been.
    deflated: Option<Deflated>,
}

impl RowsXml {
    /// An empty block of rows.
    pub fn new() -> RowsXml {
        RowsXml::default()
    }

    /// An empty block of rows with room for `bytes` of XML.
    pub fn with_capacity(bytes: usize) -> RowsXml {
        RowsXml { rows: RowBuffer { xml: Vec::with_capacity(bytes), ..RowBuffer::default() }, deflated: None }
    }

    /// Writes one cell. Rows come in order; within a row, columns in any order. (A block's
    /// rows are written whole: cells of its last row cannot be added by another block.)
    pub fn write(&mut self, row: u32, col: u16, cell: CellOut) -> Result<(), String> {
        if self.deflated.is_some() {
            return Err("a cell written to rows already deflated".into());
        }
        self.rows.write(row, col, cell)
    }

    /// Deflates the rows written (on the calling thread): the writer then only appends them.
    /// No cell can be written after.
    pub fn deflate(&mut self) {
        self.rows.flush_row();
        self.deflated = Some(Deflated::new(&self.rows.xml, DEFLATE_LEVEL));
        self.rows.xml = Vec::new();
    }
}

impl WorkbookWriter {
    /// A new workbook written to `file` (the caller's temporary file).
    pub fn create(file: File) -> WorkbookWriter {
        WorkbookWriter { zip: ZipOut::new(file, DEFLATE_LEVEL), sheets: Vec::new(), open: None }
    }

    /// Begins a sheet (ending the one before); its cells are then written through
    /// [`SheetWriter`], rows in order.
    pub fn add_sheet(&mut self, name: &str) -> Result<SheetWriter<'_>, String> {
        check_sheet_name(name, &self.sheets)?;
        self.end_sheet()?;
        self.sheets.push(name.to_string());
        let part = format!("xl/worksheets/sheet{}.xml", self.sheets.len());
        self.zip.start(&part).map_err(|e| e.to_string())?;
        let mut rows = RowBuffer { xml: Vec::with_capacity(2 * FLUSH_BYTES), ..RowBuffer::default() };
        let xml = &mut rows.xml;
        xml.extend_from_slice(XML_DECLARATION.as_bytes());
        xml.extend_from_slice(b"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetViews><sheetView ");
        if self.sheets.len() == 1 {
            xml.extend_from_slice(b"tabSelected=\"1\" ");
        }
        xml.extend_from_slice(
            b"workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData>",
        );
        self.open = Some(OpenSheet { rows, merges: Vec::new() });
        Ok(SheetWriter { book: self })
    }

    /// Ends the open sheet: its last row, the merged regions, the sheet's end.
    fn end_sheet(&mut self) -> Result<(), String> {
        let Some(mut sheet) = self.open.take() else { return Ok(()) };
        sheet.rows.flush_row();
        let xml = &mut sheet.rows.xml;
        if xml.ends_with(b"<sheetData>") {
            // No row at all.
            xml.truncate(xml.len() - 1);
            xml.extend_from_slice(b"/>");
        } else {
            xml.extend_from_slice(b"</sheetData>");
        }
        if !sheet.merges.is_empty() {
            let _ = write!(Text(xml), "<mergeCells count=\"{}\">", sheet.merges.len());
            for m in &sheet.merges {
                xml.extend_from_slice(b"<mergeCell ref=\"");
                push_reference(xml, m.start.0, m.start.1);
                xml.push(b':');
                push_reference(xml, m.end.0, m.end.1);
                xml.extend_from_slice(b"\"/>");
            }
            xml.extend_from_slice(b"</mergeCells>");
        }
        xml.extend_from_slice(b"<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
        self.zip.write(xml).map_err(|e| e.to_string())
    }

    /// Finishes the workbook: the last sheet, then the parts that list the sheets. A workbook
    /// with no sheet gets an empty one (a workbook must have one).
    pub fn save(mut self) -> Result<(), String> {
        if self.sheets.is_empty() {
            self.add_sheet("Sheet1")?;
        }
        self.end_sheet()?;
        let n = self.sheets.len();
        let mut parts: Vec<(&str, String)> = Vec::new();
        let mut types = String::from(concat!(
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        ));
        for i in 1..=n {
            let _ = write!(types, "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        types.push_str("</Types>");
        parts.push(("[Content_Types].xml", types));
        parts.push(("_rels/.rels", String::from(concat!(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>",
            "</Relationships>"
        ))));
        let mut rels =
            String::from("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for i in 1..=n {
            let _ = write!(rels, "<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
        }
        let _ = write!(rels, "<Relationship Id=\"rId{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>", n + 1);
        parts.push(("xl/_rels/workbook.xml.rels", rels));
        let mut workbook = String::from(concat!(
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
            "<workbookPr/><bookViews><workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews><sheets>"
        ));
        for (i, name) in self.sheets.iter().enumerate() {
            let _ = write!(
                workbook,
                "<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
                escape_attribute(name),
                i + 1,
                i + 1
            );
        }
        workbook.push_str("</sheets><calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>");
        parts.push(("xl/workbook.xml", workbook));
        parts.push(("xl/styles.xml", STYLES.to_string()));
        for (name, body) in parts {
            self.zip.start(name).map_err(|e| e.to_string())?;
            self.zip.write(XML_DECLARATION.as_bytes()).map_err(|e| e.to_string())?;
            self.zip.write(body.as_bytes()).map_err(|e| e.to_string())?;
        }
        self.zip.finish().map_err(|e| e.to_string())
    }
}

/// Writes the cells of the open sheet.
pub struct SheetWriter<'a> {
    book: &'a mut WorkbookWriter,
}

impl SheetWriter<'_> {
    fn sheet(&mut self) -> &mut OpenSheet {
        self.book.open.as_mut().expect("a sheet writer has its sheet open")
    }

    /// Writes one cell. Rows come in order; within a row, columns in any order.
    pub fn write(&mut self, row: u32, col: u16, cell: CellOut) -> Result<(), String> {
        self.sheet().rows.write(row, col, cell)?;
        self.hand_over()
    }

    /// Writes whole rows made elsewhere; they must come after every row written before.
    pub fn write_rows(&mut self, mut block: RowsXml) -> Result<(), String> {
        block.rows.flush_row();
        let rows = &mut self.sheet().rows;
        rows.flush_row();
        if let (Some(first), Some(last)) = (block.rows.first, rows.row) {
            if first <= last {
                return Err(format!("row {} comes after row {}: rows must be in order", first + 1, last + 1));
            }
        }
        rows.row = block.rows.row.or(rows.row);
        // The rows before, then the block's, straight from its buffer.
        let book = &mut *self.book;
        let rows = &mut book.open.as_mut().expect("a sheet writer has its sheet open").rows;
        book.zip.write(&rows.xml).map_err(|e| e.to_string())?;
        rows.xml.clear();
        match &block.deflated {
            Some(deflated) => book.zip.write_deflated(deflated),
            None => book.zip.write(&block.rows.xml),
        }
        .map_err(|e| e.to_string())
    }

    /// Hands the finished rows' XML to the zip (which deflates it) once there is enough.
    fn hand_over(&mut self) -> Result<(), String> {
        let book = &mut *self.book;
        let rows = &mut book.open.as_mut().expect("a sheet writer has its sheet open").rows;
        if rows.xml.len() >= FLUSH_BYTES {
            book.zip.write(&rows.xml).map_err(|e| e.to_string())?;
            rows.xml.clear();
        }
        Ok(())
    }

    /// Merges a region (its cells are written as any other); a region of one cell is none.
    pub fn merge(&mut self, m: &Dimensions) {
        if m.start != m.end {
            self.sheet().merges.push(*m);
        }
    }
}

impl RowBuffer {
    /// Adds one cell to the row being collected, writing the row before when this begins one.
    fn write(&mut self, row: u32, col: u16, cell: CellOut) -> Result<(), String> {
        if row >= 1_048_576 || col >= 16_384 {
            return Err(format!("a cell beyond Excel's last row or column (row {}, column {})", row + 1, col + 1));
        }
        match self.row {
            Some(r) if r == row => {}
            Some(r) if r > row => {
                return Err(format!("row {} comes after row {}: rows must be in order", row + 1, r + 1))
            }
            _ => {
                self.flush_row();
                self.row = Some(row);
                self.first.get_or_insert(row);
            }
        }
        let start = self.row_xml.len();
        self.cell_xml(row, col, cell)?;
        let end = self.row_xml.len();
        if end > start {
            self.cells.push((col, start..end));
        }
        Ok(())
    }

    /// Writes the collected row (its cells in column order) into the XML.
    fn flush_row(&mut self) {
        let Some(row) = self.row else { return };
        if self.cells.is_empty() {
            return;
        }
        let _ = write!(Text(&mut self.xml), "<row r=\"{}\">", row + 1);
        if self.cells.windows(2).all(|w| w[0].0 < w[1].0) {
            self.xml.extend_from_slice(&self.row_xml);
        } else {
            // Columns out of order (or a cell written twice: the last write wins).
            self.cells.sort_by_key(|(c, _)| *c);
            let mut i = 0;
            while i < self.cells.len() {
                let mut last = i;
                while last + 1 < self.cells.len() && self.cells[last + 1].0 == self.cells[i].0 {
                    last += 1;
                }
                let kept = self.cells[i..=last].iter().max_by_key(|(_, r)| r.start).expect("a cell").1.clone();
                self.xml.extend_from_slice(&self.row_xml[kept]);
                i = last + 1;
            }
        }
        self.xml.extend_from_slice(b"</row>");
        self.cells.clear();
        self.row_xml.clear();
    }

    /// Appends one cell's XML to the row.
    fn cell_xml(&mut self, row: u32, col: u16, cell: CellOut) -> Result<(), String> {
        let x = &mut self.row_xml;
        match cell {
            CellOut::Text(s) => push_text_cell(x, row, col, &s)?,
            CellOut::Same(value, Some(formula)) => {
                let result = match value {
                    CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
                    v => v.as_text().unwrap_or_default(),
                };
                let formula = formula.strip_prefix('=').unwrap_or(formula);
                let kind = match result.as_str() {
                    r if r.parse::<f64>().is_ok() => "",
                    "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!" | "#GETTING_DATA" => {
                        " t=\"e\""
                    }
                    "TRUE" | "FALSE" => " t=\"b\"",
                    _ => " t=\"str\"",
                };
                open_cell(x, row, col, 0, kind);
                x.extend_from_slice(b"><f>");
                push_escaped(x, formula, false);
                x.extend_from_slice(b"</f><v>");
                match result.as_str() {
                    "TRUE" => x.push(b'1'),
                    "FALSE" => x.push(b'0'),
                    r => push_escaped(x, r, false),
                }
                x.extend_from_slice(b"</v></c>");
            }
            CellOut::Same(value, None) => match value {
                CellValue::Empty => {}
                CellValue::Text(s) | CellValue::Other(s) => push_text_cell(x, row, col, s)?,
                CellValue::Number(f) => push_number_cell(x, row, col, 0, *f),
                CellValue::Date(f) => {
                    let style = match *f {
                        f if is_time_of_day(f) => STYLE_TIME,
                        f if f.fract() == 0.0 => STYLE_DATE,
                        _ => STYLE_DATETIME,
                    };
                    push_number_cell(x, row, col, style, *f);
                }
                CellValue::Duration(f) => push_number_cell(x, row, col, STYLE_DURATION, *f),
                CellValue::Bool(b) => {
                    open_cell(x, row, col, 0, " t=\"b\"");
                    x.extend_from_slice(if *b { b"><v>1</v></c>" } else { b"><v>0</v></c>" });
                }
            },
        }
        Ok(())
    }
}

/// `<c r="B7"` with its style and type attributes, the tag left open.
fn open_cell(x: &mut Vec<u8>, row: u32, col: u16, style: u8, kind: &str) {
    x.extend_from_slice(b"<c r=\"");
    push_reference(x, row, u32::from(col));
    x.push(b'"');
    if style > 0 {
        x.extend_from_slice(b" s=\"");
        x.push(b'0' + style);
        x.push(b'"');
    }
    x.extend_from_slice(kind.as_bytes());
}

fn push_number_cell(x: &mut Vec<u8>, row: u32, col: u16, style: u8, f: f64) {
    open_cell(x, row, col, style, "");
    let _ = write!(Text(x), "><v>{f}</v></c>");
}

/// A text cell; an empty text is no cell (as Excel and rust_xlsxwriter write it).
fn push_text_cell(x: &mut Vec<u8>, row: u32, col: u16, s: &str) -> Result<(), String> {
    if s.is_empty() {
        return Ok(());
    }
    if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
        return Err(format!("a text of more than {MAX_TEXT_CHARS} characters (Excel's limit for a cell)"));
    }
    open_cell(x, row, col, 0, " t=\"inlineStr\"");
    let spaced = |c: Option<char>| matches!(c, Some('\t' | '\n' | ' '));
    if spaced(s.chars().next()) || spaced(s.chars().next_back()) {
        x.extend_from_slice(b"><is><t xml:space=\"preserve\">");
    } else {
        x.extend_from_slice(b"><is><t>");
    }
    push_escaped(x, s, true);
    x.extend_from_slice(b"</t></is></c>");
    Ok(())
}

/// A cell reference: `A1`, `XFD1048576`.
fn push_reference(x: &mut Vec<u8>, row: u32, col: u32) {
    let mut letters = [0u8; 3];
    let mut n = col + 1;
    let mut len = 0;
    while n > 0 {
        let d = (n - 1) % 26;
        letters[len] = b'A' + d as u8;
        len += 1;
        n = (n - 1) / 26;
    }
    for i in (0..len).rev() {
        x.push(letters[i]);
    }
    x.extend_from_slice(itoa::Buffer::new().format(row + 1).as_bytes());
}

/// Text escaped as Excel writes it: `&`, `<`, `>` as entities, control characters (which XML
/// cannot hold) as Excel's `_xHHHH_` escapes, and with `excel_escapes` a literal `_xHHHH_` too
/// (as `_x005F_xHHHH_`, in cell text, not in formulas).
fn push_escaped(x: &mut Vec<u8>, s: &str, excel_escapes: bool) {
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut from = 0;
    // Most text has none of the bytes that may need an escape: find them by table.
    while let Some(k) = bytes[from..].iter().position(|&b| MAY_ESCAPE[usize::from(b)]) {
        let (i, b) = (from + k, bytes[from + k]);
        from = i + 1;
        let escape: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'_' if excel_escapes && is_excel_escape(&bytes[i..]) => b"_x005F_",
            0xEF if bytes.get(i + 1..i + 3) == Some(&[0xBF, 0xBE]) => b"_xFFFE_",
            0xEF if bytes.get(i + 1..i + 3) == Some(&[0xBF, 0xBF]) => b"_xFFFF_",
            b'\t' | b'\n' => continue,
            b if b < 0x20 => {
                x.extend_from_slice(&bytes[copied..i]);
                let _ = write!(Text(x), "_x{b:04X}_");
                copied = i + 1;
                continue;
            }
            _ => continue,
        };
        x.extend_from_slice(&bytes[copied..i]);
        x.extend_from_slice(escape);
        // `_x005F_` stands for the underscore alone; U+FFFE and U+FFFF are three bytes.
        copied = if b == 0xEF { i + 3 } else { i + 1 };
    }
    x.extend_from_slice(&bytes[copied..]);
}

/// The bytes [`push_escaped`] looks at: `&`, `<`, `>`, `_`, control characters other than tab
/// and line feed, and the first byte of U+FFFE and U+FFFF.
static MAY_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != 0x09 && b != 0x0A;
        b += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'_' as usize] = true;
    table[0xEF] = true;
    table
};

/// Whether text starts with an Excel escape `_xHHHH_` (which must itself be escaped).
fn is_excel_escape(b: &[u8]) -> bool {
    b.len() >= 7 && b[1] == b'x' && b[6] == b'_' && b[2..6].iter().all(u8::is_ascii_hexdigit)
}

/// A sheet name Excel accepts: 1 to 31 characters, none of `[]:*?/\`, not starting or ending
/// with an apostrophe, not `History`, not the name of a sheet before it (whatever the case).
fn check_sheet_name(name: &str, before: &[String]) -> Result<(), String> {
    let problem = if name.is_empty() || name.chars().count() > 31 {
        Some("a sheet name must have 1 to 31 characters")
    } else if name.contains(['[', ']', ':', '*', '?', '/', '\\']) {
        Some("a sheet name cannot contain any of []:*?/\\")
    } else if name.starts_with('\'') || name.ends_with('\'') {
        Some("a sheet name cannot start or end with an apostrophe")
    } else if name.eq_ignore_ascii_case("history") {
        Some("`History` is reserved by Excel")
    } else if before.iter().any(|b| b.to_lowercase() == name.to_lowercase()) {
        Some("two sheets have the same name")
    } else {
        None
    };
    problem.map_or(Ok(()), |p| Err(p.to_string()))
}

fn escape_attribute(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;").replace('\n', "&#xA;")
}

/// `write!` into a byte buffer.
struct Text<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Text<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The styles: Calibri 11, and the number formats of dates (`dd/mm/yyyy`), times of day,
/// dates with times and durations, as cell styles 1 to 4.
const STYLES: &str = concat!(
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"hh:mm:ss\"/>",
    "<numFmt numFmtId=\"166\" formatCode=\"dd/mm/yyyy hh:mm:ss\"/><numFmt numFmtId=\"167\" formatCode=\"[h]:mm:ss\"/></numFmts>",
    "<fonts count=\"1\"><font><sz val=\"11\"/><color rgb=\"FF000000\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>",
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"5\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
    "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
    "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
    "<xf numFmtId=\"167\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::WorkbookReader;
    use std::io::Read;

    /// The cells of the tests: every kind parda writes, text that needs each escape, rows with
    /// gaps, a row whose columns come out of order.
    fn cells() -> Vec<(u32, u16, CellValue, Option<&'static str>)> {
        let t = |s: &str| CellValue::Text(s.to_string());
        let mut v = vec![
            (1, 0, CellValue::Date(30000.0), None),
            (1, 1, CellValue::Date(0.5), None),
            (1, 2, CellValue::Date(45000.25), None),
            (1, 3, CellValue::Duration(1.75), None),
            (1, 4, t("Ravi Kumar"), None),
            (1, 5, CellValue::Number(9876543210.0), None),
            (1, 6, CellValue::Bool(true), None),
            (1, 7, CellValue::Bool(false), None),
            (2, 0, t("  spaced  "), None),
            (2, 1, t("tab\tend\t"), None),
            (2, 2, t("a\r\nb & <c> \"q\" 'a'"), None),
            (2, 3, t("_x000D_ literal, _x12_ not, _xABCD_"), None),
            (2, 4, t("ctrl \u{1}\u{b}\u{1f} \u{7f} \u{fffe}\u{ffff} नगर 🏠"), None),
            (2, 5, t(""), None),
            (2, 6, CellValue::Number(-0.1), None),
            (2, 7, CellValue::Number(1e-7), None),
            (2, 8, CellValue::Number(1.5e21), None),
            (2, 9, CellValue::Other("#N/A".into()), None),
            (4, 0, CellValue::Number(42.0), Some("=B3*2")),
            (4, 1, t("Ravi Kumarx"), Some("A3&\"x\" & _x000D_")),
            (4, 2, CellValue::Bool(true), Some("TRUE()")),
            (4, 3, CellValue::Other("#DIV/0!".into()), Some("1/0")),
            (4, 4, CellValue::Date(30000.0), Some("DATE(1982,2,18)")),
            (6, 3, t("three"), None),
            (6, 1, t("one"), None),
            (6, 2, CellValue::Number(2.0), None),
        ];
        for r in 7..300 {
            v.push((r, 0, t(&format!("Owner {r}")), None));
            v.push((r, 1, CellValue::Number(f64::from(r) * 1.5), None));
        }
        v
    }

    /// The sheet's `<sheetData>` and what follows it up to the page margins.
    fn sheet_data(path: &std::path::Path, n: usize) -> String {
        let mut zip = zip::ZipArchive::new(File::open(path).unwrap()).unwrap();
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap().read_to_string(&mut xml).unwrap();
        let start = xml.find("<sheetData").unwrap();
        let end = xml.find("<pageMargins").unwrap();
        xml[start..end].to_string()
    }

    /// The cells are written as rust_xlsxwriter's constant-memory mode writes them (the writer
    /// parda used before this one), byte for byte, merged regions included.
    #[test]
    fn writes_the_cells_as_rust_xlsxwriter_did() {
        use rust_xlsxwriter::{Format, Formula, Workbook};
        let dir = tempfile::tempdir().unwrap();
        let (ours, theirs) = (dir.path().join("ours.xlsx"), dir.path().join("theirs.xlsx"));
        let title = Dimensions::new((0, 0), (0, 4));

        let mut book = WorkbookWriter::create(File::create(&ours).unwrap());
        for name in ["Owners & <Co>", "Second"] {
            let mut sheet = book.add_sheet(name).unwrap();
            sheet.write(0, 0, CellOut::Text("Ward 5 register".into())).unwrap();
            sheet.merge(&title);
            for (r, c, v, f) in cells() {
                sheet.write(r, c, CellOut::Same(&v, f)).unwrap();
            }
            sheet.write(300, 2, CellOut::Text("masked *****".into())).unwrap();
        }
        book.add_sheet("Empty").unwrap();
        book.save().unwrap();

        let mut book = Workbook::new();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let datetime = Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
        let time = Format::new().set_num_format("hh:mm:ss");
        let duration = Format::new().set_num_format("[h]:mm:ss");
        for name in ["Owners & <Co>", "Second"] {
            let ws = book.add_worksheet_with_constant_memory().unwrap();
            ws.set_name(name).unwrap();
            ws.merge_range(0, 0, 0, 4, "Ward 5 register", &Format::new()).unwrap();
            for (r, c, v, f) in cells() {
                match (f, &v) {
                    (Some(f), v) => {
                        let result = match v {
                            CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
                            v => v.as_text().unwrap_or_default(),
                        };
                        let f = if f.starts_with('=') { f.to_string() } else { format!("={f}") };
                        ws.write_formula(r, c, Formula::new(f).set_result(result)).unwrap();
                    }
                    (None, CellValue::Text(s) | CellValue::Other(s)) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    (None, CellValue::Number(n)) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    (None, CellValue::Date(d)) => {
                        let fmt = if is_time_of_day(*d) {
                            &time
                        } else if d.fract() == 0.0 {
                            &date
                        } else {
                            &datetime
                        };
                        ws.write_number_with_format(r, c, *d, fmt).unwrap();
                    }
                    (None, CellValue::Duration(d)) => {
                        ws.write_number_with_format(r, c, *d, &duration).unwrap();
                    }
                    (None, CellValue::Bool(b)) => {
                        ws.write_boolean(r, c, *b).unwrap();
                    }
                    (None, CellValue::Empty) => {}
                }
            }
            ws.write_string(300, 2, "masked *****").unwrap();
        }
        book.add_worksheet_with_constant_memory().unwrap().set_name("Empty").unwrap();
        book.save(&theirs).unwrap();
        for n in [1, 2, 3] {
            let (a, b) = (sheet_data(&ours, n), sheet_data(&theirs, n));
            let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
            let around = |s: &str| s.get(at.saturating_sub(80)..(at + 80).min(s.len())).unwrap_or("").to_string();
            assert_eq!(around(&a), around(&b), "sheet {n}, byte {at}");
            assert_eq!(a.len(), b.len(), "sheet {n}");
        }
    }

    /// What is written reads back as the same cells (through the direct reader and calamine).
    #[test]
    fn reads_back_what_it_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("back.xlsx");
        let mut book = WorkbookWriter::create(File::create(&path).unwrap());
        let mut sheet = book.add_sheet("Register").unwrap();
        let cells = cells();
        for (r, c, v, f) in &cells {
            sheet.write(*r, *c, CellOut::Same(v, *f)).unwrap();
        }
        book.add_sheet("Empty").unwrap();
        book.save().unwrap();
        let path = path.to_str().unwrap();
        let mut reader = WorkbookReader::open(path).unwrap();
        assert_eq!(reader.sheet_names, ["Register", "Empty"]);
        let mut got = Vec::new();
        let mut read = reader.cells("Register").unwrap();
        while let Some(c) = read.next_cell().unwrap() {
            got.push(c);
        }
        drop(read);
        assert_eq!(got, crate::workbook::calamine_cells(path, "Register"));
        let mut want: Vec<_> = cells.iter().filter(|(_, _, v, _)| *v != CellValue::Text(String::new())).collect();
        want.sort_by_key(|(r, c, _, _)| (*r, *c));
        assert_eq!(got.len(), want.len());
        for (g, (r, c, v, f)) in got.iter().zip(want) {
            assert_eq!((g.row, g.col), (*r, u32::from(*c)));
            assert_eq!(g.formula.as_deref(), f.map(|f| f.trim_start_matches('=')));
            match (v, f) {
                // A formula's result is written as text (or a number, a boolean, an error).
                (CellValue::Date(_), Some(_)) => assert_eq!(g.value, CellValue::Text("18/02/1982".into())),
                // A value kept as text (an error value, an ISO date) is written as text.
                (CellValue::Other(s), None) => assert_eq!(g.value, CellValue::Text(s.clone())),
                _ => assert_eq!(&g.value, v, "{r},{c}"),
            }
        }
        let mut empty = reader.cells("Empty").unwrap();
        assert_eq!(empty.next_cell().unwrap(), None);
    }

    /// Rows turned into XML in blocks elsewhere ([`RowsXml`]) make the same sheet as cells
    /// written one by one; a block that does not come after the rows before is an error.
    #[test]
    fn blocks_of_rows_write_what_cells_do() {
        let dir = tempfile::tempdir().unwrap();
        let (one, blocks) = (dir.path().join("one.xlsx"), dir.path().join("blocks.xlsx"));
        let cells = cells();
        let mut book = WorkbookWriter::create(File::create(&one).unwrap());
        let mut sheet = book.add_sheet("Register").unwrap();
        for (r, c, v, f) in &cells {
            sheet.write(*r, *c, CellOut::Same(v, *f)).unwrap();
        }
        sheet.merge(&Dimensions::new((0, 0), (0, 4)));
        book.save().unwrap();
        for rows_per_block in [1, 3, 50, 1000] {
            let mut book = WorkbookWriter::create(File::create(&blocks).unwrap());
            let mut sheet = book.add_sheet("Register").unwrap();
            let (mut block, mut rows) = (RowsXml::new(), 0);
            for (i, (r, c, v, f)) in cells.iter().enumerate() {
                if i > 0 && cells[i - 1].0 != *r {
                    rows += 1;
                    if rows % rows_per_block == 0 {
                        sheet.write_rows(std::mem::take(&mut block)).unwrap();
                    }
                }
                block.write(*r, *c, CellOut::Same(v, *f)).unwrap();
            }
            sheet.write_rows(block).unwrap();
            sheet.merge(&Dimensions::new((0, 0), (0, 4)));
            book.save().unwrap();
            assert_eq!(sheet_data(&blocks, 1), sheet_data(&one, 1), "{rows_per_block} rows a block");
        }
        let mut book = WorkbookWriter::create(File::create(&blocks).unwrap());
        let mut sheet = book.add_sheet("A").unwrap();
        let mut block = RowsXml::new();
        block.write(5, 0, CellOut::Text("x".into())).unwrap();
        sheet.write_rows(block).unwrap();
        let mut again = RowsXml::new();
        again.write(5, 1, CellOut::Text("y".into())).unwrap();
        assert!(sheet.write_rows(again).unwrap_err().contains("in order"));
        assert!(sheet.write(4, 0, CellOut::Text("y".into())).unwrap_err().contains("in order"));
    }

    #[test]
    fn rows_out_of_order_and_bad_names_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let mut book = WorkbookWriter::create(File::create(dir.path().join("x.xlsx")).unwrap());
        let mut sheet = book.add_sheet("A").unwrap();
        sheet.write(5, 0, CellOut::Text("x".into())).unwrap();
        assert!(sheet.write(4, 0, CellOut::Text("y".into())).unwrap_err().contains("in order"));
        assert!(sheet.write(6, 0, CellOut::Text("z".repeat(40_000))).unwrap_err().contains("32767"));
        for bad in ["", "a/b", "'quoted'", "History", "a", &"x".repeat(32)] {
            assert!(book.add_sheet(bad).is_err(), "{bad:?}");
        }
        assert!(book.add_sheet(&"x".repeat(31)).is_ok());
    }

    #[test]
    fn references() {
        let r = |row, col| {
            let mut x = Vec::new();
            push_reference(&mut x, row, col);
            String::from_utf8(x).unwrap()
        };
        assert_eq!(r(0, 0), "A1");
        assert_eq!(r(9, 25), "Z10");
        assert_eq!(r(0, 26), "AA1");
        assert_eq!(r(1_048_575, 16_383), "XFD1048576");
    }
}
