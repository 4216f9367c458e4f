//! CSV: dialect sniffing, a quote-aware record splitter that keeps raw field spans, chunked
//! streaming, and field re-writing that quotes the way the input did.

use crate::encoding::TextEncoding;
use crate::error::FormatError;
use crate::input::open_input;
use std::borrow::Cow;
use std::io::{Cursor, Read};

/// Delimiter and quote character of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// `,` `;` TAB or `|`.
    pub delimiter: u8,
    /// Always `"` for now.
    pub quote: u8,
}

impl Dialect {
    /// A comma-separated dialect.
    pub const COMMA: Dialect = Dialect { delimiter: b',', quote: b'"' };
}

/// Line endings found in a file (for reports; they are preserved whatever they are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    /// `\n`.
    Lf,
    /// `\r\n`.
    CrLf,
    /// `\r` alone.
    Cr,
    /// More than one kind.
    Mixed,
    /// A single line without a terminator.
    None,
}

/// A field's raw bytes in a chunk: quotes included when it was quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpan {
    /// Start offset.
    pub start: u32,
    /// End offset (exclusive).
    pub end: u32,
    /// The field started with a quote.
    pub quoted: bool,
    /// The field starts with a quote that nothing closes (read as a character of the field):
    /// the record is malformed.
    pub stray: bool,
}

/// What a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// A title or blank line above the header.
    Preamble,
    /// The header.
    Header,
    /// A data row.
    Data,
}

/// One record in a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// Start offset of its bytes.
    pub start: u32,
    /// End offset, line terminator included.
    pub end: u32,
    /// Index of its first field in the chunk's field list.
    pub first_field: u32,
    /// Number of fields.
    pub field_count: u32,
    /// 1-based line where it starts.
    pub line: u64,
    /// 0-based record number in the file.
    pub ordinal: u64,
    /// Preamble, header or data.
    pub kind: RecordKind,
}

/// A run of whole records, in UTF-8, with their field spans.
#[derive(Debug, Default)]
pub struct Chunk {
    /// The records' text, decoded to UTF-8 and checked once, when the chunk was cut (fields
    /// are sliced from it: they end at ASCII delimiters, always on character boundaries).
    pub data: String,
    /// The records.
    pub records: Vec<Record>,
    /// All fields of all records.
    pub fields: Vec<FieldSpan>,
}

impl Chunk {
    /// The fields of a record.
    pub fn fields_of(&self, r: &Record) -> &[FieldSpan] {
        &self.fields[r.first_field as usize..(r.first_field + r.field_count) as usize]
    }

    /// A field's raw bytes.
    pub fn raw(&self, f: &FieldSpan) -> &[u8] {
        &self.data.as_bytes()[f.start as usize..f.end as usize]
    }

    /// A field's raw text.
    pub fn raw_str(&self, f: &FieldSpan) -> &str {
        &self.data[f.start as usize..f.end as usize]
    }

    /// A field's value: quotes removed from a quoted field; a field that only starts with a
    /// stray quote keeps it.
    pub fn value(&self, f: &FieldSpan, quote: u8) -> Cow<'_, str> {
        field_value(self.raw_str(f), f, quote)
    }
}

/// Splits `buf` into whole records (appending to `records`/`fields` with offsets relative to
/// `buf`), stopping at the first incomplete one unless `eof`; returns the bytes they take.
/// Record lines and ordinals are left 0; `limit` caps the number of records. A quote that
/// nothing closes is read as a character ([`FieldSpan::stray`]).
pub fn split_records(
    buf: &[u8],
    eof: bool,
    d: Dialect,
    records: &mut Vec<Record>,
    fields: &mut Vec<FieldSpan>,
    limit: usize,
) -> usize {
    let mut pos = 0;
    let mut n = 0;
    while pos < buf.len() && n < limit {
        let first_field = fields.len();
        match split_one(buf, pos, eof, d, fields) {
            Some(end) => {
                records.push(Record {
                    start: pos as u32,
                    end: end as u32,
                    first_field: first_field as u32,
                    field_count: (fields.len() - first_field) as u32,
                    line: 0,
                    ordinal: 0,
                    kind: RecordKind::Data,
                });
                pos = end;
                n += 1;
            }
            None => {
                fields.truncate(first_field);
                break;
            }
        }
    }
    pos
}

/// One record from `pos`: `None` if more bytes are needed, else the record's end (terminator
/// included).
fn split_one(buf: &[u8], mut i: usize, eof: bool, d: Dialect, fields: &mut Vec<FieldSpan>) -> Option<usize> {
    let n = buf.len();
    loop {
        let start = i;
        let mut quoted = i < n && buf[i] == d.quote;
        let mut stray = false;
        if quoted {
            i += 1;
            loop {
                match memchr::memchr(d.quote, &buf[i..]) {
                    None if eof => {
                        // Never closed: a stray quote, read as a character of the field.
                        (quoted, stray, i) = (false, true, start);
                        break;
                    }
                    None => return None,
                    Some(k) => {
                        let q = i + k;
                        if q + 1 < n && buf[q + 1] == d.quote {
                            i = q + 2;
                        } else if q + 1 == n && !eof {
                            return None;
                        } else {
                            // A field that ran over a line break and is "closed" by a quote
                            // with more of a field after it took the opening quote of a later
                            // field for its end: its own quote was a stray one (`8,"Sunita
                            // Devi,9123456780` in a file that quotes addresses further on).
                            let closes = buf.get(q + 1).is_none_or(|&b| b == d.delimiter || b == b'\n' || b == b'\r');
                            if !closes && memchr::memchr2(b'\n', b'\r', &buf[start..q]).is_some() {
                                (quoted, stray, i) = (false, true, start);
                            } else {
                                i = q + 1;
                            }
                            break;
                        }
                    }
                }
            }
        }
        // Unquoted field, or bytes after a closing quote: up to a delimiter or line end.
        match memchr::memchr3(d.delimiter, b'\n', b'\r', &buf[i..]) {
            Some(k) => i += k,
            None if eof => i = n,
            None => return None,
        }
        fields.push(FieldSpan { start: start as u32, end: i as u32, quoted, stray });
        if i == n {
            return Some(n);
        }
        match buf[i] {
            b'\n' => return Some(i + 1),
            b'\r' => {
                if i + 1 < n {
                    return Some(if buf[i + 1] == b'\n' { i + 2 } else { i + 1 });
                }
                return if eof { Some(n) } else { None };
            }
            _ => {
                i += 1; // delimiter
                if i == n && eof {
                    fields.push(FieldSpan { start: i as u32, end: i as u32, quoted: false, stray: false });
                    return Some(n);
                }
            }
        }
    }
}

/// The value of field `f` whose raw text is `raw` (see [`Chunk::value`]).
pub fn field_value<'a>(raw: &'a str, f: &FieldSpan, quote: u8) -> Cow<'a, str> {
    if f.quoted {
        decode_field_str(raw, quote)
    } else {
        Cow::Borrowed(raw)
    }
}

/// A quoted field's value: quotes removed and doubled quotes undone. A quoted field with no
/// doubled quote in it is borrowed, not copied; a field without a leading quote is itself.
pub fn decode_field_str(s: &str, quote: u8) -> Cow<'_, str> {
    if s.as_bytes().first() != Some(&quote) {
        return Cow::Borrowed(s);
    }
    let body = &s[1..];
    let bytes = body.as_bytes();
    let mut out = String::new();
    let mut from = 0;
    while let Some(k) = memchr::memchr(quote, &bytes[from..]) {
        let at = from + k;
        if bytes.get(at + 1) == Some(&quote) {
            // A doubled quote: one quote of the value.
            out.push_str(&body[from..=at]);
            from = at + 2;
            continue;
        }
        // The closing quote; anything after it (a malformed field) is kept as it is.
        if from == 0 && at + 1 == bytes.len() {
            return Cow::Borrowed(&body[..at]);
        }
        out.push_str(&body[from..at]);
        out.push_str(&body[at + 1..]);
        return Cow::Owned(out);
    }
    out.push_str(&body[from..]);
    Cow::Owned(out)
}

/// Writes a new field value: quoted if the original was, or if the value needs quotes.
pub fn write_field(out: &mut Vec<u8>, value: &str, was_quoted: bool, d: Dialect) {
    let bytes = value.as_bytes();
    // Short values (most masked cells) are checked in one branch-free pass (`fold`, which
    // compiles to vector compares): cheaper than setting up the vector search twice.
    let needs = if bytes.len() < 64 {
        bytes.iter().fold(false, |seen, &b| seen | (b == d.delimiter) | (b == d.quote) | (b == b'\n') | (b == b'\r'))
    } else {
        memchr::memchr3(d.delimiter, d.quote, b'\n', bytes).is_some() || memchr::memchr(b'\r', bytes).is_some()
    };
    if !(was_quoted || needs) {
        out.extend_from_slice(bytes);
        return;
    }
    out.push(d.quote);
    let mut rest = bytes;
    while let Some(k) = memchr::memchr(d.quote, rest) {
        out.extend_from_slice(&rest[..=k]);
        out.push(d.quote);
        rest = &rest[k + 1..];
    }
    out.extend_from_slice(rest);
    out.push(d.quote);
}

/// What was learnt about a CSV file before streaming it.
#[derive(Debug, Clone)]
pub struct CsvInfo {
    /// Delimiter and quote.
    pub dialect: Dialect,
    /// Text encoding (written back the same).
    pub encoding: TextEncoding,
    /// The file was gzip.
    pub gzip: bool,
    /// Line endings in the sample.
    pub line_ending: LineEnding,
    /// The header's record number, if the file has a header.
    pub header_ordinal: Option<u64>,
    /// The header's field values (empty without a header).
    pub headers: Vec<String>,
    /// Up to `SAMPLE_RECORDS` records from the start: (record number, field values).
    pub sample: Vec<(u64, Vec<String>)>,
}

const READ_BLOCK: usize = 1 << 20;
const SAMPLE_BYTES: usize = 4 << 20;
const SAMPLE_RECORDS: usize = 1000;
const MAX_RECORD: usize = 64 << 20;

/// Streams a CSV file as chunks of whole records.
pub struct CsvReader {
    path: String,
    src: Box<dyn Read + Send>,
    buf: Vec<u8>,
    eof: bool,
    next_ordinal: u64,
    next_line: u64,
    /// The longest record read before giving up on a quote that has not closed.
    max_record: usize,
    /// What was learnt from the sample.
    pub info: CsvInfo,
}

impl CsvReader {
    /// Opens a CSV file (`-` for standard input), sniffing gzip, encoding, dialect and header.
    /// `encoding` forces an encoding instead of sniffing it.
    pub fn open(path: &str, encoding: Option<TextEncoding>) -> Result<CsvReader, FormatError> {
        let input = open_input(path)?;
        let mut raw = input.reader;
        let mut head = Vec::new();
        (&mut raw).take(READ_BLOCK as u64).read_to_end(&mut head).map_err(|e| FormatError::io(path, e))?;
        let sniffed = TextEncoding::sniff(&head);
        let enc = match (encoding, sniffed) {
            (Some(e), _) => e,
            (None, Ok(e)) => e,
            (None, Err(msg)) => {
                return Err(FormatError::Unsupported { path: path.into(), message: format!("not a CSV file: {msg}") })
            }
        };
        // A forced encoding keeps the file's own BOM, or its lack of one.
        let enc = match enc {
            TextEncoding::Utf8 { .. } => TextEncoding::Utf8 { bom: head.starts_with(&[0xEF, 0xBB, 0xBF]) },
            TextEncoding::Utf16Le { .. } => TextEncoding::Utf16Le { bom: head.starts_with(&[0xFF, 0xFE]) },
            TextEncoding::Utf16Be { .. } => TextEncoding::Utf16Be { bom: head.starts_with(&[0xFE, 0xFF]) },
            e => e,
        };
        let body = head[enc.bom().len()..].to_vec();
        let src = enc.decoder(Box::new(Cursor::new(body).chain(raw)));
        let mut reader = CsvReader {
            path: path.to_string(),
            src,
            buf: Vec::new(),
            eof: false,
            next_ordinal: 0,
            next_line: 1,
            max_record: MAX_RECORD,
            info: CsvInfo {
                dialect: Dialect::COMMA,
                encoding: enc,
                gzip: input.gzip,
                line_ending: LineEnding::None,
                header_ordinal: None,
                headers: Vec::new(),
                sample: Vec::new(),
            },
        };
        reader.fill(SAMPLE_BYTES)?;
        reader.check_text(0, reader.buf.len(), 1)?;
        reader.sniff();
        Ok(reader)
    }

    /// Reads until the buffer holds `want` bytes or the input ends.
    fn fill(&mut self, want: usize) -> Result<(), FormatError> {
        crate::input::read_until(&mut self.src, &mut self.buf, want, READ_BLOCK, &mut self.eof, &self.path)
    }

    /// Checks that `buf[from..to]` is text this reader can rewrite exactly.
    fn check_text(&self, from: usize, to: usize, first_line: u64) -> Result<(), FormatError> {
        let bytes = &self.buf[from..to];
        let bad = match std::str::from_utf8(bytes) {
            Ok(s) => self.replaced_at(s),
            Err(e) if e.error_len().is_none() && to == self.buf.len() && !self.eof => None,
            Err(e) => Some(e.valid_up_to()),
        };
        bad.map_or(Ok(()), |at| Err(self.not_text(bytes, at, first_line)))
    }

    /// Where a replacement character stands for bytes the decoder could not read, when the
    /// encoding replaces them (such text cannot be written back as it was).
    fn replaced_at(&self, s: &str) -> Option<usize> {
        if self.info.encoding.replaces_invalid() {
            s.find('\u{FFFD}')
        } else {
            None
        }
    }

    /// The error for bytes at `at` of `bytes` (starting at line `first_line`) that are not text.
    fn not_text(&self, bytes: &[u8], at: usize, first_line: u64) -> FormatError {
        let (line, column) = crate::error::line_column(bytes, at, first_line);
        FormatError::Malformed {
            path: self.path.clone(),
            line,
            column,
            message: format!(
                "bytes that are not valid {} (use --encoding to name the file's encoding)",
                self.info.encoding.name()
            ),
        }
    }

    fn sniff(&mut self) {
        let mut best = (Dialect::COMMA, 0usize);
        for delim in [b',', b'\t', b';', b'|'] {
            let d = Dialect { delimiter: delim, quote: b'"' };
            let (recs, _) = self.split_sample(d, 200);
            let counts: Vec<u32> = recs.iter().map(|r| r.field_count).filter(|&c| c > 1).collect();
            let (mode, freq) = mode_of(&counts);
            if mode > 1 && freq > best.1 && self.explains(&recs, mode) {
                best = (d, freq);
            }
        }
        self.info.dialect = best.0;
        let (recs, fields) = self.split_sample(best.0, SAMPLE_RECORDS + 50);
        let counts: Vec<u32> = recs.iter().map(|r| r.field_count).filter(|&c| c > 1).collect();
        let (mode, _) = mode_of(&counts);
        // When no delimiter describes the rows the file is one column, whose header is its first
        // line: a row split by a stray delimiter (`R. Rao s/o K. Rao, H.No. 12` in a file of
        // remarks) is a ragged row, not the header (it was, and was written as it stood).
        let explained = best.1 > 0;
        let header = self
            .early_header(&recs, &fields)
            .or_else(|| {
                if explained {
                    recs.iter().position(|r| r.field_count == mode)
                } else {
                    recs.iter().position(|r| !self.blank(r))
                }
            })
            .or((!recs.is_empty()).then_some(0));
        self.info.header_ordinal = header.map(|h| h as u64);
        let value = |r: &Record| -> Vec<String> {
            fields[r.first_field as usize..(r.first_field + r.field_count) as usize]
                .iter()
                .map(|f| {
                    let raw = std::str::from_utf8(&self.buf[f.start as usize..f.end as usize]).unwrap_or("");
                    field_value(raw, f, b'"').into_owned()
                })
                .collect()
        };
        if let Some(h) = header {
            self.info.headers = value(&recs[h]);
        }
        self.info.sample = recs.iter().enumerate().take(SAMPLE_RECORDS).map(|(i, r)| (i as u64, value(r))).collect();
        // Record terminators only: a quoted field may hold other line breaks.
        let mut terminators = Vec::new();
        for r in recs.iter().filter(|r| r.field_count > 0) {
            let last = fields[(r.first_field + r.field_count - 1) as usize];
            terminators.extend_from_slice(&self.buf[last.end as usize..r.end as usize]);
            terminators.push(0);
        }
        self.info.line_ending = line_ending_of(&terminators);
    }

    /// A header above the first record of the most common length: rows made longer by
    /// unquoted delimiters in their values (`12, Gandhi Nagar` in an address) can outnumber the
    /// rows as long as the header. Among the first records, the first that reads as a header
    /// (two or more cells, none empty, none a number) and that at least a quarter of the rows
    /// after it match in length, most of the others being longer.
    fn early_header(&self, recs: &[Record], fields: &[FieldSpan]) -> Option<usize> {
        let header_like = |r: &Record| {
            r.field_count >= 2
                && fields[r.first_field as usize..(r.first_field + r.field_count) as usize].iter().all(|f| {
                    let cell = self.buf[f.start as usize..f.end as usize].trim_ascii();
                    let cell =
                        cell.strip_prefix(b"\"").and_then(|c| c.strip_suffix(b"\"")).unwrap_or(cell).trim_ascii();
                    !cell.is_empty() && !cell.iter().all(|b| b.is_ascii_digit() || b".,-/: ".contains(b))
                })
        };
        let h = recs.iter().take(EARLY_HEADER_RECORDS).position(|r| !self.blank(r) && header_like(r))?;
        let width = recs[h].field_count;
        let rows: Vec<&Record> = recs[h + 1..].iter().filter(|r| !self.blank(r)).collect();
        let same = rows.iter().filter(|r| r.field_count == width).count();
        let longer = rows.iter().filter(|r| r.field_count > width).count();
        (!rows.is_empty() && same * 4 >= rows.len() && (same + longer) * 4 >= rows.len() * 3).then_some(h)
    }

    /// Whether a sampled record holds nothing but white space.
    fn blank(&self, r: &Record) -> bool {
        self.buf[r.start as usize..r.end as usize].iter().all(u8::is_ascii_whitespace)
    }

    /// Whether `mode` fields per record describe the sample: most non-blank records after the
    /// first one with `mode` fields (the header) have that many. A one-column file of remarks,
    /// some with a `;` in them, is no `;`-separated file: read that way, a remark would become
    /// its header and the remarks before it title lines.
    fn explains(&self, recs: &[Record], mode: u32) -> bool {
        let Some(header) = recs.iter().position(|r| r.field_count == mode) else {
            return false;
        };
        let rows: Vec<&Record> = recs[header + 1..].iter().filter(|r| !self.blank(r)).collect();
        if rows.is_empty() {
            return header == 0 || recs[..header].iter().all(|r| self.blank(r));
        }
        let fitting = rows.iter().filter(|r| r.field_count == mode).count();
        fitting * 2 > rows.len()
    }

    fn split_sample(&self, d: Dialect, limit: usize) -> (Vec<Record>, Vec<FieldSpan>) {
        let (mut recs, mut fields) = (Vec::new(), Vec::new());
        split_records(&self.buf, self.eof, d, &mut recs, &mut fields, limit);
        (recs, fields)
    }

    /// Restricts the reader to the records in bytes `start..end` of the file, numbered from
    /// `first_ordinal` at line `first_line` (a work unit of `parda mask-units`; the sniffed
    /// dialect, encoding and header stay as found at the start of the file). Only uncompressed
    /// UTF-8 files can be cut into ranges.
    pub fn restrict(&mut self, start: u64, end: u64, first_ordinal: u64, first_line: u64) -> Result<(), FormatError> {
        use std::io::{Seek, SeekFrom};
        if self.info.gzip || !matches!(self.info.encoding, TextEncoding::Utf8 { .. }) {
            return Err(FormatError::Unsupported {
                path: self.path.clone(),
                message: "only uncompressed UTF-8 files can be cut into byte ranges".into(),
            });
        }
        let bom = if start == 0 && matches!(self.info.encoding, TextEncoding::Utf8 { bom: true }) { 3 } else { 0 };
        let mut f = std::fs::File::open(&self.path).map_err(|e| FormatError::io(&self.path, e))?;
        f.seek(SeekFrom::Start(start + bom)).map_err(|e| FormatError::io(&self.path, e))?;
        let range = std::io::BufReader::new(f.take(end.saturating_sub(start + bom)));
        self.src = self.info.encoding.decoder(Box::new(range));
        self.buf.clear();
        self.eof = false;
        self.next_ordinal = first_ordinal;
        self.next_line = first_line;
        Ok(())
    }

    /// Treats the file as having no header (its first record is data) or a header at `ordinal`.
    pub fn set_header(&mut self, ordinal: Option<u64>) {
        self.info.header_ordinal = ordinal;
        if ordinal.is_none() {
            self.info.headers.clear();
        }
    }

    /// The next chunk of about `target` bytes of whole records, or `None` at the end.
    pub fn next_chunk(&mut self, target: usize) -> Result<Option<Chunk>, FormatError> {
        let mut want = target.max(1);
        loop {
            self.fill(want)?;
            let (mut records, mut fields) = (Vec::new(), Vec::new());
            match split_records(&self.buf, self.eof, self.info.dialect, &mut records, &mut fields, usize::MAX) {
                0 if self.buf.is_empty() && self.eof => return Ok(None),
                0 => {
                    if self.buf.len() > self.max_record {
                        // A quote still open this far on is a stray one: the record it opens
                        // is read as if the file ended here, when that ends it at a line break.
                        let (mut records, mut fields) = (Vec::new(), Vec::new());
                        let used = split_records(&self.buf, true, self.info.dialect, &mut records, &mut fields, 1);
                        if used < self.buf.len() && fields.iter().any(|f| f.stray) {
                            return self.take_chunk(used, records, fields).map(Some);
                        }
                        return Err(FormatError::Malformed {
                            path: self.path.clone(),
                            line: self.next_line,
                            column: 1,
                            message: format!("a record is longer than {} MiB", self.max_record >> 20),
                        });
                    }
                    want = self.buf.len() + READ_BLOCK;
                }
                used => return self.take_chunk(used, records, fields).map(Some),
            }
        }
    }

    fn take_chunk(
        &mut self,
        used: usize,
        mut records: Vec<Record>,
        fields: Vec<FieldSpan>,
    ) -> Result<Chunk, FormatError> {
        // Whole records end at a line break or at the end of the file: a character cut short
        // at the end is an error here, not a character continued in the next read. The text is
        // checked by `simdutf8` (the standard library's check of a `Vec` becoming a `String`
        // costs several instructions per byte of Indic text) and copied out; the buffer keeps
        // its allocation for the next chunk.
        let data = match simdutf8::compat::from_utf8(&self.buf[..used]) {
            Ok(text) => match self.replaced_at(text) {
                None => text.to_owned(),
                Some(at) => return Err(self.not_text(text.as_bytes(), at, self.next_line)),
            },
            Err(e) => return Err(self.not_text(&self.buf[..used], e.valid_up_to(), self.next_line)),
        };
        self.buf.drain(..used);
        let cr_only = self.info.line_ending == LineEnding::Cr;
        for r in records.iter_mut() {
            r.line = self.next_line;
            r.ordinal = self.next_ordinal;
            r.kind = match self.info.header_ordinal {
                Some(h) if r.ordinal < h => RecordKind::Preamble,
                Some(h) if r.ordinal == h => RecordKind::Header,
                _ => RecordKind::Data,
            };
            let bytes = &data.as_bytes()[r.start as usize..r.end as usize];
            let breaks = if cr_only {
                memchr::memchr_iter(b'\r', bytes).count()
            } else {
                memchr::memchr_iter(b'\n', bytes).count()
            };
            self.next_line += breaks as u64;
            self.next_ordinal += 1;
        }
        Ok(Chunk { data, records, fields })
    }
}

/// How far down a file its header is looked for above the most common row length.
const EARLY_HEADER_RECORDS: usize = 20;

fn mode_of(counts: &[u32]) -> (u32, usize) {
    let mut best = (0u32, 0usize);
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    let mut i = 0;
    while i < sorted.len() {
        let j = sorted[i..].iter().take_while(|&&c| c == sorted[i]).count();
        if j > best.1 {
            best = (sorted[i], j);
        }
        i += j;
    }
    best
}

fn line_ending_of(bytes: &[u8]) -> LineEnding {
    let crlf = memchr::memmem::find_iter(bytes, b"\r\n").count();
    let lf = memchr::memchr_iter(b'\n', bytes).count() - crlf;
    let cr = memchr::memchr_iter(b'\r', bytes).count() - crlf;
    match (crlf > 0, lf > 0, cr > 0) {
        (false, false, false) => LineEnding::None,
        (true, false, false) => LineEnding::CrLf,
        (false, true, false) => LineEnding::Lf,
        (false, false, true) => LineEnding::Cr,
        _ => LineEnding::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character decoding that `decode_field_str` replaced, as a reference.
    fn decode_by_chars(s: &str, quote: u8) -> String {
        let Some(body) = s.strip_prefix(quote as char) else { return s.to_string() };
        let mut out = String::new();
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c != quote as char {
                out.push(c);
            } else if chars.peek().map(|&(_, n)| n) == Some(quote as char) {
                out.push(c);
                chars.next();
            } else {
                out.push_str(&body[i + 1..]);
                break;
            }
        }
        out
    }

    proptest::proptest! {
        /// At the end of the input every byte belongs to a record, stray quotes or not, and the
        /// records and fields tile it in order (the fuzz target's property, on a small alphabet).
        #[test]
        fn records_cover_the_input_at_its_end(atoms in proptest::collection::vec(proptest::sample::select(vec!["\"", "a", ",", " ", "\n", "\r", "र", "\"\""]), 0..40)) {
            let data = atoms.concat();
            let (mut recs, mut fields) = (Vec::new(), Vec::new());
            let n = split_records(data.as_bytes(), true, Dialect::COMMA, &mut recs, &mut fields, usize::MAX);
            proptest::prop_assert_eq!(n, data.len());
            let mut pos = 0;
            for r in &recs {
                proptest::prop_assert_eq!(r.start as usize, pos);
                for f in &fields[r.first_field as usize..(r.first_field + r.field_count) as usize] {
                    proptest::prop_assert!(f.start >= r.start && f.end <= r.end && f.start <= f.end);
                    proptest::prop_assert!(data.is_char_boundary(f.start as usize) && data.is_char_boundary(f.end as usize));
                }
                pos = r.end as usize;
            }
            proptest::prop_assert_eq!(pos, n);
        }

        /// Fields decode as they did character by character, and a written field reads back.
        #[test]
        fn fields_decode_and_write_back(atoms in proptest::collection::vec(proptest::sample::select(vec!["\"", "a", ",", " ", "\n", "र", "''", "\"\""]), 0..12), quoted in proptest::bool::ANY) {
            let value = atoms.concat();
            let d = Dialect { delimiter: b',', quote: b'"' };
            proptest::prop_assert_eq!(decode_field_str(&value, b'"').into_owned(), decode_by_chars(&value, b'"'));
            let mut out = Vec::new();
            write_field(&mut out, &value, quoted, d);
            let written = String::from_utf8(out).unwrap();
            proptest::prop_assert_eq!(decode_field_str(&written, b'"').into_owned(), value);
        }
    }

    fn split_all(s: &str, d: Dialect) -> Vec<Vec<String>> {
        let (mut recs, mut fields) = (Vec::new(), Vec::new());
        assert_eq!(split_records(s.as_bytes(), true, d, &mut recs, &mut fields, usize::MAX), s.len());
        recs.iter()
            .map(|r| {
                fields[r.first_field as usize..(r.first_field + r.field_count) as usize]
                    .iter()
                    .map(|f| field_value(&s[f.start as usize..f.end as usize], f, b'"').into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn quoted_fields_with_newlines_and_quotes() {
        let got = split_all("a,\"b,\"\"c\"\"\nd\",e\r\n1,,3", Dialect::COMMA);
        assert_eq!(got, vec![vec!["a", "b,\"c\"\nd", "e"], vec!["1", "", "3"]]);
    }

    #[test]
    fn trailing_delimiter_and_bare_cr() {
        assert_eq!(split_all("a,b,\rc,d", Dialect::COMMA), vec![vec!["a", "b", ""], vec!["c", "d"]]);
    }

    #[test]
    fn incomplete_record_waits_for_more() {
        let (mut recs, mut fields) = (Vec::new(), Vec::new());
        let out = split_records(b"a,b\nc,\"d", false, Dialect::COMMA, &mut recs, &mut fields, usize::MAX);
        assert_eq!(out, 4);
    }

    #[test]
    fn a_quote_nothing_closes_is_a_character() {
        // Open at the end of the file.
        assert_eq!(split_all("c,\"d\ne,f", Dialect::COMMA), vec![vec!["c", "\"d"], vec!["e", "f"]]);
        // "Closed" lines later by the opening quote of another field: the first quote was stray.
        let text = "8,\"Sunita Devi,9123456780\n9,Anil,\"12, Gandhi Nagar\",x\n";
        assert_eq!(
            split_all(text, Dialect::COMMA),
            vec![vec!["8", "\"Sunita Devi", "9123456780"], vec!["9", "Anil", "12, Gandhi Nagar", "x"]]
        );
        let (mut recs, mut fields) = (Vec::new(), Vec::new());
        split_records(text.as_bytes(), true, Dialect::COMMA, &mut recs, &mut fields, usize::MAX);
        assert_eq!(
            fields.iter().map(|f| f.stray).collect::<Vec<_>>(),
            [false, true, false, false, false, false, false]
        );
        // A quoted field over two lines that closes before a delimiter is a field.
        assert_eq!(split_all("1,\"a\nb\",c\n", Dialect::COMMA), vec![vec!["1", "a\nb", "c"]]);
        // On one line, text after the closing quote joins the field, as the csv crate reads it.
        assert_eq!(split_all("1,\"a\"b,c\n", Dialect::COMMA), vec![vec!["1", "ab", "c"]]);
    }

    #[test]
    fn a_quote_still_open_after_the_longest_record_is_stray() {
        // Larger than the sample read at open, so the quote is still open before the end.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        let mut text = String::from("Name,Mobile\nRamesh,9876543210\n\"Sunita,9123456789\n");
        let rows = 300_000;
        for i in 0..rows {
            text += &format!("Anil {i},90000123{:02}\n", i % 100);
        }
        assert!(text.len() > SAMPLE_BYTES + READ_BLOCK);
        std::fs::write(&path, &text).unwrap();
        let mut reader = CsvReader::open(path.to_str().unwrap(), None).unwrap();
        reader.max_record = 1 << 20;
        let (mut seen, mut stray) = (Vec::new(), 0);
        while let Some(chunk) = reader.next_chunk(1 << 16).unwrap() {
            for r in &chunk.records {
                let f = chunk.fields_of(r);
                if f.iter().any(|f| f.stray) {
                    stray += 1;
                    seen.push(chunk.value(&f[0], b'"').into_owned());
                }
            }
        }
        assert_eq!(stray, 1);
        assert_eq!(seen, ["\"Sunita"]);
        assert_eq!(reader.next_line, rows as u64 + 4);
    }

    fn sniffed(text: &str) -> (u8, Option<u64>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        std::fs::write(&path, text).unwrap();
        let reader = CsvReader::open(path.to_str().unwrap(), None).unwrap();
        (reader.info.dialect.delimiter, reader.info.header_ordinal)
    }

    #[test]
    fn a_delimiter_is_chosen_only_when_it_describes_the_rows() {
        // One column of remarks, some with a `;`: one column, its header first.
        let mut remarks = String::from("Remarks\n");
        for i in 0..10 {
            remarks += if i % 2 == 1 { "Mrs. Kumari; she will visit\n" } else { "Paid by Ramesh Sharma\n" };
        }
        assert_eq!(sniffed(&remarks), (b',', Some(0)));
        assert_eq!(sniffed("Remarks\nMrs. Kumari; she will visit\n"), (b',', Some(0)));
        // A `;` file with a title line and one ragged row.
        let mut register = String::from("Property register 2019\nName;Ward;Tax\n");
        for i in 0..9 {
            register += &format!("Owner {i};{i};100\n");
        }
        register += "Owner 9;9;100;late fee\n";
        assert_eq!(sniffed(&register), (b';', Some(1)));
        assert_eq!(sniffed("Name;Ward;Tax\n"), (b';', Some(0)));
        // Unquoted commas in addresses make most rows longer than the header: the header is
        // still the first line that reads as one, not the first row of the common length.
        let mut owners = String::from("Owner Register\nS.No,Owner Name,Mobile,Address,Ward\n");
        for i in 0..10 {
            owners += &match i % 3 {
                0 => format!("{i},Tolmin Zurek,98765432{i:02},Shastri Nagar,Ward 1\n"),
                1 => format!("{i},Tolmin Zurek,98765432{i:02},H.No. 12, Gandhi Nagar,Ward 2\n"),
                _ => format!("{i},Tolmin Zurek,98765432{i:02},Plot 4, Vashi,Ward 3\n"),
            };
        }
        assert_eq!(sniffed(&owners), (b',', Some(1)));
        // A title line of two cells is no header when no row has its length.
        let mut titled = String::from("Municipal Corporation,Nagpur\nS.No,Name,Ward\n");
        for i in 0..10 {
            titled += &format!("{i},Ramesh,{i}\n");
        }
        assert_eq!(sniffed(&titled), (b',', Some(1)));
        assert_eq!(sniffed("a,b\n1,2\n"), (b',', Some(0)));
        // One column of remarks and one remark with an unquoted comma: the header is still the
        // first line, wherever the odd row stands.
        for at in [1, 5, 40] {
            let mut remarks = String::from("Remarks\n");
            for i in 0..50 {
                remarks += &if i == at {
                    "R. Rao s/o K. Rao, H.No. 12\n".to_string()
                } else {
                    format!("Complaint {i} resolved\n")
                };
            }
            assert_eq!(sniffed(&remarks), (b',', Some(0)), "odd row at {at}");
        }
        assert_eq!(sniffed("Remarks\nWater restored\nR. Rao s/o K. Rao, H.No. 12\n"), (b',', Some(0)));
        assert_eq!(sniffed("\nRemarks\nR. Rao s/o K. Rao, H.No. 12\n"), (b',', Some(1)));
    }

    #[test]
    fn write_field_quotes_when_needed() {
        let mut out = Vec::new();
        write_field(&mut out, "a,b", false, Dialect::COMMA);
        write_field(&mut out, "x", true, Dialect::COMMA);
        write_field(&mut out, "y\"z", false, Dialect::COMMA);
        assert_eq!(out, b"\"a,b\"\"x\"\"y\"\"z\"");
        // Short and long values alike: a line break or delimiter anywhere needs quotes.
        for len in [3, 63, 64, 200] {
            for special in ["\r", "\n", ",", "\""] {
                let value = format!("{}{special}", "a".repeat(len));
                let mut out = Vec::new();
                write_field(&mut out, &value, false, Dialect::COMMA);
                assert_eq!(out[0], b'"', "{len} {special:?}");
            }
            let (plain, mut out) = ("a".repeat(len), Vec::new());
            write_field(&mut out, &plain, false, Dialect::COMMA);
            assert_eq!(out, plain.as_bytes());
        }
    }
}
