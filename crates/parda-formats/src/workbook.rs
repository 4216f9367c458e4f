//! Workbooks: `.xlsx` and `.xlsm` read by [`crate::xlsx`], `.xls`, `.xlsb` and `.ods` (and any
//! `.xlsx` that reader does not take) with calamine; written back as `.xlsx` by
//! [`crate::xlsx_write`], rows in order. Sheets keep their names
//! and order, every row keeps its place (empty rows too), and cells keep their types: numbers,
//! dates (with a date format), booleans, text, formulas with their cached results.

use crate::error::FormatError;
use calamine::{open_workbook_auto, Data, Dimensions, Range, Reader, Sheets};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// A cell's value as read.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// No value.
    Empty,
    /// Text.
    Text(String),
    /// A number (Excel stores every number as a float).
    Number(f64),
    /// A date or time, as Excel's serial number (below 1: a time of day).
    Date(f64),
    /// A duration (`[h]:mm:ss`), in days.
    Duration(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// Anything else kept as its text (ISO dates from ODS, error values).
    Other(String),
}

impl CellValue {
    fn from_data(d: &Data) -> CellValue {
        match d {
            Data::Empty => CellValue::Empty,
            Data::String(s) => CellValue::Text(s.clone()),
            Data::Int(i) => CellValue::Number(*i as f64),
            Data::Float(f) => CellValue::Number(*f),
            Data::Bool(b) => CellValue::Bool(*b),
            Data::DateTime(dt) if dt.is_datetime() => CellValue::Date(dt.as_f64()),
            Data::DateTime(dt) => CellValue::Duration(dt.as_f64()),
            Data::DateTimeIso(s) | Data::DurationIso(s) => CellValue::Other(s.clone()),
            Data::Error(e) => CellValue::Other(format!("{e}")),
        }
    }

    /// The text detection sees: numbers without a fraction are written as integers
    /// (`9876543210`, not `9876543210.0`), so a mobile stored as a number is found. A time of
    /// day or a duration has no text: it holds no one's data.
    pub fn as_text(&self) -> Option<String> {
        self.text().map(std::borrow::Cow::into_owned)
    }

    /// [`CellValue::as_text`] without a copy of a text cell's text.
    pub fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        use std::borrow::Cow;
        match self {
            CellValue::Text(s) | CellValue::Other(s) => Some(Cow::Borrowed(s)),
            other => other.formatted().map(Cow::Owned),
        }
    }

    /// The text of a value that is not text.
    fn formatted(&self) -> Option<String> {
        match self {
            CellValue::Text(_) | CellValue::Other(_) => None,
            CellValue::Number(f) if f.fract() == 0.0 && f.abs() < 1e16 => Some(format!("{}", *f as i64)),
            CellValue::Number(f) => Some(f.to_string()),
            CellValue::Date(f) if is_time_of_day(*f) => None,
            CellValue::Date(f) => Some(serial_to_date(*f)),
            CellValue::Empty | CellValue::Bool(_) | CellValue::Duration(_) => None,
        }
    }
}

/// Whether an Excel date serial is a time of day only (no day part).
pub(crate) fn is_time_of_day(serial: f64) -> bool {
    (0.0..1.0).contains(&serial)
}

/// `dd/mm/yyyy` for an Excel serial date (1900 system).
fn serial_to_date(serial: f64) -> String {
    // Days from 1899-12-30 (Excel's epoch), one more before 1900-03-01: Excel counts a 29
    // February 1900, so its serial 1 is 1900-01-01.
    let days = serial.floor() as i64;
    let days = if days < 61 { days + 1 } else { days };
    let (y, m, d) = parda_rules::validators::civil_from_days(days - 25569); // 25569 = 1970-01-01
    format!("{d:02}/{m:02}/{y:04}")
}

/// One sheet, read whole.
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// Cell values; row and column offsets are relative to `origin`.
    values: Range<Data>,
    formulas: Option<Range<String>>,
}

impl Sheet {
    /// (first row, first column) of the used range, or (0, 0) for an empty sheet.
    pub fn origin(&self) -> (u32, u32) {
        self.values.start().unwrap_or((0, 0))
    }

    /// (rows, columns) of the used range.
    pub fn size(&self) -> (usize, usize) {
        self.values.get_size()
    }

    /// The value at a position relative to the origin.
    pub fn value(&self, row: usize, col: usize) -> CellValue {
        self.values.get((row, col)).map_or(CellValue::Empty, CellValue::from_data)
    }

    /// The formula at an absolute position, if the cell holds one.
    pub fn formula(&self, abs_row: u32, abs_col: u32) -> Option<&str> {
        let f = self.formulas.as_ref()?;
        let (r0, c0) = f.start()?;
        if abs_row < r0 || abs_col < c0 {
            return None;
        }
        f.get(((abs_row - r0) as usize, (abs_col - c0) as usize)).map(String::as_str).filter(|s| !s.is_empty())
    }
}

/// A cell as streamed: absolute row and column, value, formula.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamCell {
    /// 0-based row.
    pub row: u32,
    /// 0-based column.
    pub col: u32,
    /// The (cached) value.
    pub value: CellValue,
    /// The formula, if the cell holds one.
    pub formula: Option<String>,
}

/// The cells of one sheet in row order: streamed from the file for `.xlsx`/`.xlsm` (memory
/// bounded by one cell), from the sheet read whole for the other formats.
pub struct SheetCells<'a> {
    inner: CellsInner<'a>,
    path: String,
    /// The merged regions calamine gives before the cells (an `.xlsx` it reads).
    merges: Vec<Dimensions>,
    /// The first cell of the next block, read to find where the last one ended.
    pending: Option<StreamCell>,
    /// Whether the last cell has been read (a calamine reader asked again fails).
    ended: bool,
}

/// Whole rows of a sheet, in file order, read into cells by [`CellBlock::cells`] on whichever
/// thread calls it: an `.xlsx` sheet's rows are cut from its XML as they are, so the workers,
/// not the reading thread, read their cells (docs/performance.md).
pub struct CellBlock<'a>(BlockInner<'a>);

enum BlockInner<'a> {
    Raw(crate::xlsx::RawRows<'a>),
    Cells(Vec<StreamCell>),
}

impl From<Vec<StreamCell>> for CellBlock<'_> {
    fn from(cells: Vec<StreamCell>) -> Self {
        CellBlock(BlockInner::Cells(cells))
    }
}

impl CellBlock<'_> {
    /// Whether the block's rows were cut out raw, not read yet.
    #[cfg(test)]
    pub(crate) fn is_raw(&self) -> bool {
        matches!(self.0, BlockInner::Raw(_))
    }

    /// The block's non-empty cells in row order, or what is wrong with its XML (never a cell's
    /// text).
    pub fn cells(self) -> Result<Vec<StreamCell>, String> {
        match self.0 {
            BlockInner::Raw(raw) => raw.cells().map_err(|e| format!("cannot read a cell: {}", e.0)),
            BlockInner::Cells(cells) => Ok(cells),
        }
    }
}

enum CellsInner<'a> {
    Direct(Box<crate::xlsx::XlsxCells<'a>>),
    Stream(Box<calamine::XlsxCellReader<'a, BufReader<File>>>),
    Whole { sheet: Sheet, row: usize, col: usize },
}

impl<'a> SheetCells<'a> {
    fn new(inner: CellsInner<'a>, path: String, merges: Vec<Dimensions>) -> SheetCells<'a> {
        SheetCells { inner, path, merges, pending: None, ended: false }
    }

    /// The sheet's merged regions (`.xlsx` only), once its last cell has been read: a directly
    /// read sheet finds them after its cells. Merged regions are layout, not data: a sheet
    /// whose regions calamine cannot parse keeps its cells, unmerged.
    pub fn merges(&self) -> &[Dimensions] {
        match &self.inner {
            CellsInner::Direct(reader) => reader.merges(),
            _ => &self.merges,
        }
    }

    /// The next block of whole rows, of at least `min_cells` non-empty cells unless the sheet
    /// ends first; `None` after the last (and when asked again). Mixed with
    /// [`SheetCells::next_cell`], a block takes up where the cells left off (the rest of their
    /// row first).
    pub fn next_block(&mut self, min_cells: usize) -> Result<Option<CellBlock<'a>>, FormatError> {
        if let CellsInner::Direct(reader) = &mut self.inner {
            if self.pending.is_none() {
                let block = reader.next_block(min_cells).map_err(|e| FormatError::Unsupported {
                    path: self.path.clone(),
                    message: format!("cannot read a cell: {}", e.0),
                })?;
                return Ok(block.map(|b| match b {
                    crate::xlsx::XlsxBlock::Raw(raw) => CellBlock(BlockInner::Raw(raw)),
                    crate::xlsx::XlsxBlock::Cells(cells) => CellBlock(BlockInner::Cells(cells)),
                }));
            }
        }
        let mut cells = Vec::with_capacity(min_cells + 64);
        cells.extend(self.pending.take());
        while !self.ended {
            let Some(c) = self.next_cell()? else {
                self.ended = true;
                break;
            };
            if cells.len() >= min_cells && cells.last().is_some_and(|l: &StreamCell| l.row != c.row) {
                self.pending = Some(c);
                break;
            }
            cells.push(c);
        }
        Ok((!cells.is_empty()).then(|| cells.into()))
    }

    /// Cuts `.xlsx` blocks from `n` bytes of XML (tests cut many small ones).
    #[cfg(test)]
    pub(crate) fn set_block_bytes(&mut self, n: usize) {
        if let CellsInner::Direct(reader) = &mut self.inner {
            reader.set_block_bytes(n);
        }
    }

    /// The next non-empty cell, in row order.
    pub fn next_cell(&mut self) -> Result<Option<StreamCell>, FormatError> {
        if let Some(c) = self.pending.take() {
            return Ok(Some(c));
        }
        match &mut self.inner {
            CellsInner::Direct(reader) => loop {
                let next = reader.next_cell().map_err(|e| FormatError::Unsupported {
                    path: self.path.clone(),
                    message: format!("cannot read a cell: {}", e.0),
                })?;
                let Some(c) = next else { return Ok(None) };
                if let Some(c) = crate::xlsx::kept(c) {
                    return Ok(Some(c));
                }
            },
            CellsInner::Stream(reader) => loop {
                let next = reader.next_cell_with_formula().map_err(|e| FormatError::Unsupported {
                    path: self.path.clone(),
                    message: format!("cannot read a cell: {e}"),
                })?;
                let Some(c) = next else { return Ok(None) };
                let value = CellValue::from_data(&Data::from(c.value));
                let formula = c.formula.filter(|f| !f.is_empty());
                if value == CellValue::Empty && formula.is_none() {
                    continue;
                }
                return Ok(Some(StreamCell { row: c.pos.0, col: c.pos.1, value, formula }));
            },
            CellsInner::Whole { sheet, row, col } => {
                let (rows, cols) = sheet.size();
                let (r0, c0) = sheet.origin();
                while *row < rows {
                    while *col < cols {
                        let (r, c) = (*row, *col);
                        *col += 1;
                        let value = sheet.value(r, c);
                        let (ar, ac) = (r0 + r as u32, c0 + c as u32);
                        let formula = sheet.formula(ar, ac).map(str::to_string);
                        if value != CellValue::Empty || formula.is_some() {
                            return Ok(Some(StreamCell { row: ar, col: ac, value, formula }));
                        }
                    }
                    *col = 0;
                    *row += 1;
                }
                Ok(None)
            }
        }
    }
}

/// An open workbook.
pub struct WorkbookReader {
    path: String,
    book: Book,
    /// Sheet names, in order.
    pub sheet_names: Vec<String>,
}

/// How a workbook is read: `.xlsx`/`.xlsm` straight from their XML where that reader takes
/// them ([`crate::xlsx`]), everything else by calamine.
enum Book {
    Direct(Box<crate::xlsx::XlsxBook>),
    Calamine(Box<Sheets<BufReader<File>>>),
}

/// True for file names read as workbooks.
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods"))
}

impl WorkbookReader {
    /// Opens a workbook; a corrupt, password-protected or mislabelled file is an error.
    pub fn open(path: &str) -> Result<WorkbookReader, FormatError> {
        let ext = Path::new(path).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if matches!(ext.as_deref(), Some("xlsx" | "xlsm")) {
            if let Some(book) = crate::xlsx::XlsxBook::open(path) {
                let sheet_names = book.sheet_names();
                return Ok(WorkbookReader { path: path.into(), book: Book::Direct(Box::new(book)), sheet_names });
            }
        }
        let book = open_workbook_auto(path).map_err(|e| FormatError::Unsupported {
            path: path.into(),
            message: format!("cannot read as a workbook (corrupt, password-protected, or not what its name says): {e}"),
        })?;
        let sheet_names = book.sheet_names();
        Ok(WorkbookReader { path: path.into(), book: Book::Calamine(Box::new(book)), sheet_names })
    }

    /// Whether the workbook is read by the direct `.xlsx` reader (not calamine).
    #[cfg(test)]
    pub(crate) fn is_direct(&self) -> bool {
        matches!(self.book, Book::Direct(_))
    }

    /// The cells of a sheet, in row order.
    pub fn cells(&mut self, name: &str) -> Result<SheetCells<'_>, FormatError> {
        let path = self.path.clone();
        if matches!(self.book, Book::Direct(_)) {
            let Book::Direct(x) = &mut self.book else { unreachable!("checked above") };
            let cells = x.cells(name).map_err(|e| FormatError::Unsupported {
                path: path.clone(),
                message: format!("sheet {name:?}: {e}"),
            })?;
            return Ok(SheetCells::new(CellsInner::Direct(Box::new(cells)), path, Vec::new()));
        }
        if !matches!(&self.book, Book::Calamine(b) if matches!(**b, Sheets::Xlsx(_))) {
            let sheet = self.sheet(name)?;
            return Ok(SheetCells::new(CellsInner::Whole { sheet, row: 0, col: 0 }, path, Vec::new()));
        }
        let Book::Calamine(book) = &mut self.book else { unreachable!("checked above") };
        let Sheets::Xlsx(x) = &mut **book else { unreachable!("checked above") };
        let merges = x.merge_cells_by_sheet_name(name).unwrap_or_default();
        let reader = x
            .worksheet_cells_reader(name)
            .map_err(|e| FormatError::Unsupported { path: path.clone(), message: format!("sheet {name:?}: {e}") })?;
        Ok(SheetCells::new(CellsInner::Stream(Box::new(reader)), path, merges))
    }

    /// Reads one sheet whole (a workbook calamine reads).
    fn sheet(&mut self, name: &str) -> Result<Sheet, FormatError> {
        let err = |e: calamine::Error| FormatError::Unsupported {
            path: self.path.clone(),
            message: format!("sheet {name:?}: {e}"),
        };
        let Book::Calamine(book) = &mut self.book else {
            return Err(FormatError::Unsupported { path: self.path.clone(), message: "read as a stream".into() });
        };
        let values = book.worksheet_range(name).map_err(err)?;
        let formulas = book.worksheet_formula(name).ok();
        Ok(Sheet { name: name.to_string(), values, formulas })
    }
}

/// What to write in a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum CellOut<'a> {
    /// The value as it was (and its formula, if it had one).
    Same(&'a CellValue, Option<&'a str>),
    /// New text (a masked value becomes text; its formula is dropped).
    Text(String),
}

/// Every non-empty cell of an `.xlsx` sheet as calamine's own stream reads it (the reference
/// the direct reader is compared with).
#[cfg(test)]
pub(crate) fn calamine_cells(path: &str, name: &str) -> Vec<StreamCell> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let reader = book.worksheet_cells_reader(name).unwrap();
    let mut cells = SheetCells::new(CellsInner::Stream(Box::new(reader)), path.into(), Vec::new());
    let mut out = Vec::new();
    while let Some(c) = cells.next_cell().unwrap() {
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_dates() {
        assert_eq!(serial_to_date(34407.0), "14/03/1994");
        assert_eq!(serial_to_date(45943.5), "13/10/2025");
        // Excel's serials count a 29 February 1900.
        assert_eq!(serial_to_date(1.0), "01/01/1900");
        assert_eq!(serial_to_date(59.0), "28/02/1900");
        assert_eq!(serial_to_date(61.0), "01/03/1900");
    }

    /// A workbook calamine reads (`.xls`) in blocks: the cells of the stream, each block ending
    /// at a row's end, whatever the block size.
    #[test]
    fn blocks_of_a_calamine_sheet_end_at_row_ends() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/realworld/swm_vendor_create.xls");
        let mut reader = WorkbookReader::open(path).unwrap();
        assert!(!reader.is_direct());
        for name in reader.sheet_names.clone() {
            let mut cells = reader.cells(&name).unwrap();
            let mut want = Vec::new();
            while let Some(c) = cells.next_cell().unwrap() {
                want.push(c);
            }
            drop(cells);
            for min_cells in [1, 2, 5, 1000] {
                let mut cells = reader.cells(&name).unwrap();
                let mut blocks: Vec<Vec<StreamCell>> = Vec::new();
                while let Some(block) = cells.next_block(min_cells).unwrap() {
                    blocks.push(block.cells().unwrap());
                }
                assert!(cells.next_block(min_cells).unwrap().is_none(), "asked again after the end");
                for pair in blocks.windows(2) {
                    assert_ne!(pair[0].last().unwrap().row, pair[1][0].row, "{name}: a row split between blocks");
                    assert!(pair[0].len() >= min_cells);
                }
                assert_eq!(blocks.concat(), want, "{name}: blocks of {min_cells} cells");
            }
        }
    }

    #[test]
    fn numbers_as_text() {
        assert_eq!(CellValue::Number(9876543210.0).as_text().unwrap(), "9876543210");
        assert_eq!(CellValue::Number(523605.5).as_text().unwrap(), "523605.5");
    }
}
