//! Readers and writers that preserve everything they do not change. For CSV: the delimiter,
//! quoting, line endings, title lines, encoding and BOM survive byte for byte; only the fields
//! that change are re-written, quoted the way they were.
//!
//! Design decision: the CSV reader is a small quote-aware splitter that keeps each field's raw
//! byte span (the `csv` crate decodes fields and forgets how they were written, which byte
//! identity needs). It has no I/O of its own, so it is property-tested on its own.
#![deny(missing_docs)]

mod csv;
mod encoding;
mod error;
mod input;
mod output;
pub mod sql;
mod workbook;
pub mod xlsx;
mod xlsx_write;
mod xml_pull;
mod zip_out;

/// Merged-region dimensions, as calamine gives them.
pub use calamine::Dimensions;
pub use csv::{
    decode_field_str, field_value, split_records, write_field, Chunk, CsvInfo, CsvReader, Dialect, FieldSpan,
    LineEnding, Record, RecordKind,
};
pub use encoding::{StrayBytes, TextEncoding};
pub use error::FormatError;
pub use input::{open_input, InputStream};
pub use output::{AtomicOutput, TextSink};
pub use workbook::{is_workbook, CellBlock, CellOut, CellValue, Sheet, SheetCells, StreamCell, WorkbookReader};
pub use xlsx_write::{RowsXml, SheetWriter, WorkbookWriter};
