//! SQL dumps (mysqldump and pg_dump plain) streamed statement by statement: `CREATE TABLE`
//! gives column names and types, `INSERT ... VALUES` and `COPY ... FROM stdin` rows give
//! literals with their byte spans, and everything else passes through untouched. There is no
//! SQL parser: a statement ends at `;` and a line end outside literals and comments.

use crate::error::FormatError;
use std::borrow::Cow;
use std::io::Read;
use std::sync::Arc;

/// Which database wrote the dump.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SqlDialect {
    /// mysqldump / MariaDB: backslash escapes in strings, backtick identifiers.
    MySql,
    /// pg_dump: standard-conforming strings (`''`), `E'...'` escapes, `COPY` blocks.
    Postgres,
}

/// How a string literal escapes characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escapes {
    /// Backslash escapes and `''` (MySQL strings, PostgreSQL `E'...'`).
    Backslash,
    /// Only `''` (PostgreSQL standard-conforming strings).
    Standard,
}

/// What a literal in a `VALUES` list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiteralKind {
    /// A quoted string: the quote starts at `start + prefix`.
    Str {
        /// Bytes before the opening quote (`E`, `_utf8mb4`).
        prefix: u8,
        /// Its escaping.
        escapes: Escapes,
    },
    /// A string with a `_binary` introducer, or a hex/bit literal: never changed.
    Binary,
    /// An unquoted number.
    Number,
    /// `NULL`, `TRUE`, a function call, a cast...: never changed.
    Other,
}

/// A literal of an `INSERT` statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Literal {
    /// Start offset in the statement.
    pub start: usize,
    /// End offset in the statement.
    pub end: usize,
    /// Its kind.
    pub kind: LiteralKind,
    /// 0-based row (tuple) in the statement, or in the piece of it.
    pub row: usize,
    /// 0-based column in the tuple.
    pub col: usize,
}

/// A unit of a dump.
#[derive(Debug)]
pub enum SqlItem {
    /// Bytes passed through as they are.
    Raw(Vec<u8>),
    /// `CREATE TABLE`: its bytes, table name, and (column, type) pairs.
    CreateTable {
        /// The statement's bytes.
        raw: Vec<u8>,
        /// The table.
        table: String,
        /// Column names and SQL types.
        columns: Vec<(String, String)>,
    },
    /// An `INSERT` statement, or a piece of one whose tuples run past 1 MiB: the first piece
    /// from the statement's start, the others from a tuple, each but the last up to the comma
    /// after its last tuple (see [`SqlReader::in_statement`]).
    Insert {
        /// The statement's (or piece's) bytes.
        raw: Vec<u8>,
        /// The table.
        table: String,
        /// Its column list, if written (shared by the statements that repeat it).
        columns: Option<Arc<[String]>>,
        /// Its literals, in order.
        literals: Vec<Literal>,
        /// The string literals after the tuples (`ON DUPLICATE KEY UPDATE name = '...'`, `ON
        /// CONFLICT ... DO UPDATE SET ...`), searched as free text (`row` 0, `col` their order).
        trailing: Vec<Literal>,
        /// The 1-based line where it starts.
        line: u64,
    },
    /// `COPY table (cols) FROM stdin;` (the rows follow as `CopyRow`s, then `Raw("\.\n")`).
    CopyStart {
        /// The statement's bytes.
        raw: Vec<u8>,
        /// The table.
        table: String,
        /// Its column list.
        columns: Vec<String>,
    },
    /// One row of a `COPY` block, line end included.
    CopyRow(Vec<u8>),
    /// An `INSERT` or a `COPY` row of a table marked with [`SqlReader::skim_table`], read while
    /// [`SqlReader::set_skimming`] is on: only its size and its rows are read (no literals, no
    /// copy of its bytes). A work unit reads so the part of a dump before its range.
    Skimmed {
        /// The item's size in bytes.
        bytes: u64,
        /// Its rows (tuples of an `INSERT`; 1 for a `COPY` row).
        rows: u64,
    },
    /// Another statement that writes data (`UPDATE ... SET`, `INSERT ... SET`, `INSERT ...
    /// SELECT`, `DELETE ... WHERE`), or an `INSERT` not understood: its string literals are
    /// searched as free text, so none passes through unread.
    Statement {
        /// The statement's bytes.
        raw: Vec<u8>,
        /// Its string literals (`row` 0, `col` their order).
        literals: Vec<Literal>,
    },
}

const READ_BLOCK: usize = 1 << 20;

/// A place between two items of a dump and the reader's state there, so that a reader can
/// start at it ([`SqlReader::resume`]): a work unit seeks past what it need not read.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReadPoint {
    /// Byte offset in the (uncompressed) input.
    pub offset: u64,
    /// The 1-based line there.
    pub line: u64,
    /// Whether it is inside a `COPY` block.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_copy: bool,
    /// The line of that block's `COPY` statement.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub copy_line: u64,
    /// That block's table.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub copy_table: String,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Streams a dump.
pub struct SqlReader {
    path: String,
    src: Box<dyn Read + Send>,
    /// Read but not yet returned: `buf[pos..]`.
    buf: Vec<u8>,
    pos: usize,
    /// The offset in the input of `buf[0]`.
    base: u64,
    eof: bool,
    line: u64,
    in_copy: bool,
    copy_line: u64,
    /// The table of the `COPY` block being read.
    copy_table: String,
    /// Tables whose items are [`SqlItem::Skimmed`] while `skimming` is on.
    skim_tables: std::collections::HashSet<String>,
    skimming: bool,
    /// The last `INSERT` column list read: its bytes, `(` to `)`, and its names. pg_dump's
    /// `--column-inserts` repeats one list in every statement of a table, one row each: read
    /// once, not once per row.
    last_columns: ColumnList,
    /// Whether the next `INSERT` is parsed before its end is known ([`SqlReader::parsed_insert`]):
    /// while the last one was short.
    parse_first: bool,
    /// How many literals the last `INSERT` held (at most [`MAX_ROOM`]): the room made for the
    /// next one's, which mostly holds as many (one allocation, not one per doubling).
    room: usize,
    /// An `INSERT` with more bytes of tuples than this is read in pieces of about this size
    /// ([`PIECE_BYTES`]; smaller in tests).
    piece_bytes: usize,
    /// The table and column list of the `INSERT` being read in pieces, while one is.
    piece: Option<(String, Option<Names>)>,
    /// The dialect, sniffed from the first megabyte.
    pub dialect: SqlDialect,
}

/// The most literals room is made for before an `INSERT` is read (4,096: 160 KB).
const MAX_ROOM: usize = 4096;

/// An `INSERT` whose tuples run past this many bytes is read in pieces that end after the
/// first tuple at or past it (1 MiB, about what mysqldump writes in one statement): a
/// statement of a gigabyte is never held whole, nor its literals (40 bytes each).
const PIECE_BYTES: usize = READ_BLOCK;

/// What [`cut_piece`] found in a piece of an `INSERT`'s tuples.
#[derive(Debug)]
enum Cut {
    /// A tuple at or past the piece size is followed by `,`: the piece ends after it.
    At(usize, Vec<Literal>),
    /// The tuples end here (the offset after the last), before the piece size.
    Last(usize, Vec<Literal>),
    /// The bytes end inside a tuple.
    NeedMore,
    /// Something [`parse_values`] does not read, or a literal the statement scan would read
    /// otherwise ([`scans_alike`]).
    Fail,
}

impl SqlReader {
    /// Opens a dump (gzip transparently).
    pub fn open(path: &str) -> Result<SqlReader, FormatError> {
        let input = crate::input::open_input(path)?;
        SqlReader::from_reader(path, input.reader)
    }

    /// Reads a dump from any reader; `path` names it in errors.
    pub fn from_reader(path: &str, src: Box<dyn Read + Send>) -> Result<SqlReader, FormatError> {
        let mut r = SqlReader {
            path: path.into(),
            src,
            buf: Vec::new(),
            pos: 0,
            base: 0,
            eof: false,
            line: 1,
            in_copy: false,
            copy_line: 0,
            copy_table: String::new(),
            skim_tables: std::collections::HashSet::new(),
            skimming: false,
            last_columns: None,
            parse_first: true,
            room: 0,
            piece_bytes: PIECE_BYTES,
            piece: None,
            dialect: SqlDialect::MySql,
        };
        r.fill(READ_BLOCK)?;
        let head = &r.buf[..r.buf.len().min(READ_BLOCK)]; // pos is 0 here
        let has = |s: &[u8]| memchr::memmem::find(head, s).is_some();
        r.dialect = if has(b"PostgreSQL database dump")
            || has(b"FROM stdin;")
            || has(b"SET client_encoding")
            || has(b"pg_catalog")
        {
            SqlDialect::Postgres
        } else if has(b"`") || has(b"ENGINE=") || has(b"MySQL dump") || has(b"LOCK TABLES") {
            SqlDialect::MySql
        } else if has(b"\"") {
            SqlDialect::Postgres
        } else {
            SqlDialect::MySql
        };
        Ok(r)
    }

    /// Reads until `want` bytes are pending or the input ends.
    fn fill(&mut self, want: usize) -> Result<(), FormatError> {
        // Drop consumed bytes now and then (amortised: not for every item).
        if self.pos >= READ_BLOCK && self.buf.len() - self.pos < want {
            self.buf.drain(..self.pos);
            self.base += self.pos as u64;
            self.pos = 0;
        }
        let target = self.pos + want;
        crate::input::read_until(&mut self.src, &mut self.buf, target, READ_BLOCK, &mut self.eof, &self.path)
    }

    fn pending(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    /// The next `n` pending bytes, copied out (an item never holds the read buffer).
    fn take(&mut self, n: usize) -> Vec<u8> {
        let out = self.buf[self.pos..self.pos + n].to_vec();
        self.pos += n;
        self.line += memchr::memchr_iter(b'\n', &out).count() as u64;
        out
    }

    /// Passes over the next `n` pending bytes (counting their lines) without copying them.
    fn skip(&mut self, n: usize) {
        self.line += memchr::memchr_iter(b'\n', &self.buf[self.pos..self.pos + n]).count() as u64;
        self.pos += n;
    }

    /// Where the next item starts: the input's byte offset and what the reader knows there.
    pub fn read_point(&self) -> ReadPoint {
        let (copy_line, copy_table) =
            if self.in_copy { (self.copy_line, self.copy_table.clone()) } else { (0, String::new()) };
        ReadPoint { offset: self.offset(), line: self.line, in_copy: self.in_copy, copy_line, copy_table }
    }

    /// The input's byte offset where the next item starts.
    pub fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Goes on reading from `src`, which starts at `at` (a point an earlier read of the same
    /// input gave): what was buffered is dropped; the dialect and the skimmed tables stay.
    pub fn resume(&mut self, src: Box<dyn Read + Send>, at: &ReadPoint) {
        self.src = src;
        self.buf.clear();
        self.pos = 0;
        self.base = at.offset;
        self.eof = false;
        self.line = at.line;
        self.in_copy = at.in_copy;
        self.copy_line = at.copy_line;
        self.copy_table.clone_from(&at.copy_table);
        self.piece = None;
    }

    /// Reads `INSERT`s whose tuples run past `bytes` in pieces of about that size (1 MiB
    /// unless set): for tests and fuzzing, which cut small inputs.
    pub fn set_piece_bytes(&mut self, bytes: usize) {
        self.piece_bytes = bytes.max(1);
    }

    /// Whether the next item is a piece of an `INSERT` read in pieces (not the start of a
    /// statement): a work unit never starts there, nor a [`ReadPoint`] describes it.
    pub fn in_statement(&self) -> bool {
        self.piece.is_some()
    }

    /// Marks `table`: while skimming is on, its `INSERT`s and `COPY` rows are read as
    /// [`SqlItem::Skimmed`].
    pub fn skim_table(&mut self, table: &str) {
        self.skim_tables.insert(table.to_string());
    }

    /// Unmarks `table` (its items are read whole again).
    pub fn unskim_table(&mut self, table: &str) {
        self.skim_tables.remove(table);
    }

    /// Turns skimming of the marked tables' items on or off.
    pub fn set_skimming(&mut self, on: bool) {
        self.skimming = on;
    }

    /// The `INSERT` of `n` pending bytes skimmed, when skimming is on and its table is marked.
    fn skim_insert(&mut self, n: usize) -> Option<SqlItem> {
        // (The pending bytes borrowed beside `last_columns`.)
        let s = &self.buf[self.pos..self.pos + n];
        let body = skip_space_and_comments(s, self.dialect);
        let head = &s[body..];
        if !(starts_with_word(head, b"INSERT") || starts_with_word(head, b"REPLACE")) {
            return None;
        }
        let (table, _, values) = insert_head(s, body, self.dialect, &mut self.last_columns)?;
        if !self.skim_tables.contains(&table) {
            return None;
        }
        let (_, rows, _) = parse_values(s, values, self.dialect, None)?;
        self.skip(n);
        Some(SqlItem::Skimmed { bytes: n as u64, rows: rows as u64 })
    }

    fn malformed(&self, (line, column): (u64, u64), message: &str) -> FormatError {
        FormatError::Malformed { path: self.path.clone(), line, column, message: message.into() }
    }

    /// The next item, or `None` at the end of the dump.
    pub fn next_item(&mut self) -> Result<Option<SqlItem>, FormatError> {
        if self.in_copy {
            return self.next_copy_line();
        }
        if self.piece.is_some() {
            return self.next_piece().map(Some);
        }
        let mut want = 0;
        // Where the scan of a statement longer than what was read resumes once more is read
        // (a statement of 500 MB is scanned once, not once per megabyte read).
        let mut resume = 0;
        // Whether the statement, longer than a piece, was found not to be an `INSERT` read in
        // pieces.
        let mut whole = false;
        loop {
            self.fill(want)?;
            if self.pending().is_empty() && self.eof {
                return Ok(None);
            }
            if resume == 0 && self.parse_first && (!self.skimming || self.skim_tables.is_empty()) {
                if let Some(item) = self.parsed_insert() {
                    return Ok(Some(item));
                }
            }
            let scan = scan_statement(self.pending(), self.dialect, self.eof, &mut resume);
            // A statement of a piece or more (its end not read yet, or read far off) is read
            // in pieces if it is an `INSERT` whose tuples reach past a piece.
            let long = match scan {
                Scan::End(n) => n >= self.piece_bytes,
                Scan::NeedMore => self.pending().len() >= self.piece_bytes,
                Scan::Unterminated(_) => false,
            };
            if long && !whole {
                match self.first_piece()? {
                    Some(item) => return Ok(Some(item)),
                    None => whole = true,
                }
            }
            match scan {
                Scan::End(n) => return Ok(Some(self.classify(n))),
                Scan::NeedMore => want = self.pending().len() + READ_BLOCK,
                Scan::Unterminated(at) => return Err(self.unterminated(at)),
            }
        }
    }

    fn next_copy_line(&mut self) -> Result<Option<SqlItem>, FormatError> {
        let mut want = 0;
        loop {
            self.fill(want)?;
            if let Some(i) = memchr::memchr(b'\n', self.pending()) {
                let skim = self.skimming && self.skim_tables.contains(&self.copy_table);
                if skim && !is_copy_end(&self.pending()[..i + 1]) {
                    self.skip(i + 1);
                    return Ok(Some(SqlItem::Skimmed { bytes: i as u64 + 1, rows: 1 }));
                }
                let line = self.take(i + 1);
                if is_copy_end(&line) {
                    self.in_copy = false;
                    return Ok(Some(SqlItem::Raw(line)));
                }
                return Ok(Some(SqlItem::CopyRow(line)));
            }
            if self.eof {
                let line = self.copy_line;
                if self.pending() == b"\\." {
                    self.in_copy = false;
                    let end = self.take(self.pending().len());
                    return Ok(Some(SqlItem::Raw(end)));
                }
                return Err(
                    self.malformed((line, 1), "the COPY block that starts here is not ended by \\. (truncated dump?)")
                );
            }
            want = self.pending().len() + READ_BLOCK;
        }
    }

    /// An `INSERT` at the start of the pending bytes, read by parsing its tuples and then
    /// scanning only what follows them for its end: the scan of the whole statement and then
    /// the parse of its tuples read every byte twice. `None` (nothing consumed) when the pending
    /// bytes hold no whole `INSERT` that [`parse_insert`] reads, or one whose numbers or other
    /// values hold bytes the statement scan reads otherwise (`--`, `;`, quotes); the scan then
    /// decides, as for every other statement. Long statements are scanned first (see
    /// `parse_first`): one that outgrows what was read would be parsed in part for nothing.
    fn parsed_insert(&mut self) -> Option<SqlItem> {
        let d = self.dialect;
        // (The pending bytes borrowed beside `last_columns`.)
        let s = &self.buf[self.pos..];
        let body = skip_space_and_comments(s, d);
        let head = s.get(body..)?;
        if !(starts_with_word(head, b"INSERT") || starts_with_word(head, b"REPLACE")) {
            return None;
        }
        let (table, columns, literals, tuples_end) = parse_insert(s, body, d, &mut self.last_columns, self.room)?;
        if !literals.iter().all(|l| scans_alike(&s[l.start..l.end], l.kind)) {
            return None;
        }
        let Scan::End(n) = scan_from(s, d, self.eof, tuples_end, &mut 0) else {
            return None;
        };
        // (A statement of a piece or more may be read in pieces: `next_item` decides.)
        if n >= self.piece_bytes {
            return None;
        }
        let line = self.line;
        let raw = self.take(n);
        Some(self.insert_item(raw, (table, columns, literals, tuples_end), line))
    }

    /// The item of an `INSERT` read whole (`raw`, what [`parse_insert`] read of it, the line
    /// it starts on); what it held decides how the next one is read.
    fn insert_item(&mut self, raw: Vec<u8>, (table, columns, literals, tuples_end): Insert, line: u64) -> SqlItem {
        self.parse_first = raw.len() < READ_BLOCK / 8;
        self.room = literals.len().min(MAX_ROOM);
        let trailing = string_literals(&raw, tuples_end, self.dialect);
        SqlItem::Insert { raw, table, columns, literals, trailing, line }
    }

    /// The first piece of the `INSERT` at the start of the pending bytes, when its tuples
    /// run past a piece; `None` (nothing consumed) when they do not, when it is no `INSERT`
    /// [`insert_head`] reads, or when its first piece holds what [`cut_piece`] does not read:
    /// the statement is then read whole, as a shorter one is.
    fn first_piece(&mut self) -> Result<Option<SqlItem>, FormatError> {
        let d = self.dialect;
        loop {
            // (The pending bytes borrowed beside `last_columns`.)
            let s = &self.buf[self.pos..];
            // Whether more bytes could still make it an `INSERT` (its head cut by the read).
            let partial = !self.eof && s.len() < piece_limit(self.piece_bytes);
            let body = skip_space_and_comments(s, d);
            let head = &s[body.min(s.len())..];
            let cut = if !(starts_with_word(head, b"INSERT") || starts_with_word(head, b"REPLACE")) {
                Cut::Fail
            } else {
                match insert_head(s, body, d, &mut self.last_columns) {
                    Some((table, columns, values)) => match cut_piece(s, values, d, self.eof, self.piece_bytes) {
                        Cut::At(n, literals) => return Ok(Some(self.piece_item(n, literals, table, columns))),
                        cut => cut,
                    },
                    None => Cut::Fail,
                }
            };
            match cut {
                Cut::Fail if partial => self.fill(self.pending().len() + READ_BLOCK)?,
                Cut::NeedMore => self.fill(self.pending().len() + READ_BLOCK)?,
                _ => return Ok(None),
            }
        }
    }

    /// The next piece of the `INSERT` read in pieces: tuples up to the next cut, or the last
    /// ones and the rest of the statement. From tuples [`cut_piece`] does not read, the rest
    /// of the statement is read whole ([`SqlReader::rest_of_statement`]).
    fn next_piece(&mut self) -> Result<SqlItem, FormatError> {
        let d = self.dialect;
        let (table, columns) = self.piece.take().expect("reading an INSERT in pieces");
        loop {
            let s = self.pending();
            match cut_piece(s, 0, d, self.eof, self.piece_bytes) {
                Cut::At(n, literals) => return Ok(self.piece_item(n, literals, table, columns)),
                Cut::Last(tuples_end, literals) => match scan_from(s, d, self.eof, tuples_end, &mut 0) {
                    Scan::End(n) => {
                        if let Some(item) = self.skim_piece(n, &table, &literals) {
                            return Ok(item);
                        }
                        let line = self.line;
                        let raw = self.take(n);
                        return Ok(self.insert_item(raw, (table, columns, literals, tuples_end), line));
                    }
                    Scan::NeedMore => self.fill(self.pending().len() + READ_BLOCK)?,
                    Scan::Unterminated(_) => return self.rest_of_statement(table, columns),
                },
                Cut::NeedMore => self.fill(self.pending().len() + READ_BLOCK)?,
                Cut::Fail => return self.rest_of_statement(table, columns),
            }
        }
    }

    /// A piece of `n` pending bytes of the `INSERT` into `table`, cut after a tuple: the
    /// statement goes on in pieces.
    fn piece_item(&mut self, n: usize, literals: Vec<Literal>, table: String, columns: Option<Names>) -> SqlItem {
        self.parse_first = false;
        self.room = literals.len().min(MAX_ROOM);
        self.piece = Some((table.clone(), columns.clone()));
        if let Some(item) = self.skim_piece(n, &table, &literals) {
            return item;
        }
        let line = self.line;
        let raw = self.take(n);
        SqlItem::Insert { raw, table, columns, literals, trailing: Vec::new(), line }
    }

    /// A piece of `n` pending bytes of an `INSERT` into `table` passed over as
    /// [`SqlItem::Skimmed`] (its bytes not copied), when that table is skimmed now.
    fn skim_piece(&mut self, n: usize, table: &str, literals: &[Literal]) -> Option<SqlItem> {
        if !(self.skimming && self.skim_tables.contains(table)) {
            return None;
        }
        self.skip(n);
        Some(SqlItem::Skimmed { bytes: n as u64, rows: literals.last().map_or(0, |l| l.row as u64 + 1) })
    }

    /// The rest of an `INSERT` into `table` read in pieces, from a tuple on, read whole as a
    /// whole statement is ([`SqlReader::classify`]): its tuples under the table's columns (a
    /// mobile written as a bare number is masked as one), or, when they cannot be read, a
    /// statement whose string literals are searched as free text.
    fn rest_of_statement(&mut self, table: String, columns: Option<Names>) -> Result<SqlItem, FormatError> {
        let mut resume = 0;
        loop {
            match scan_from(self.pending(), self.dialect, self.eof, resume, &mut resume) {
                Scan::End(n) => {
                    let line = self.line;
                    let raw = self.take(n);
                    return Ok(match parse_values(&raw, 0, self.dialect, Some(self.room)) {
                        Some((literals, rows, tuples_end)) if rows > 0 => {
                            self.insert_item(raw, (table, columns, literals, tuples_end), line)
                        }
                        _ => {
                            let literals = string_literals(&raw, 0, self.dialect);
                            SqlItem::Statement { raw, literals }
                        }
                    });
                }
                Scan::NeedMore => self.fill(self.pending().len() + READ_BLOCK)?,
                Scan::Unterminated(at) => return Err(self.unterminated(at)),
            }
        }
    }

    /// The error for a string or comment opened at pending byte `at` and never closed.
    fn unterminated(&self, at: usize) -> FormatError {
        let at = crate::error::line_column(self.pending(), at, self.line);
        self.malformed(at, "a string literal or comment is never closed (truncated dump?)")
    }

    fn classify(&mut self, n: usize) -> SqlItem {
        let line = self.line;
        if self.skimming && !self.skim_tables.is_empty() {
            if let Some(item) = self.skim_insert(n) {
                return item;
            }
        }
        let raw = self.take(n);
        let body = skip_space_and_comments(&raw, self.dialect);
        let head = &raw[body..];
        if starts_with_word(head, b"INSERT") || starts_with_word(head, b"REPLACE") {
            if let Some(insert) = parse_insert(&raw, body, self.dialect, &mut self.last_columns, self.room) {
                return self.insert_item(raw, insert, line);
            }
        }
        if DATA_STATEMENTS.iter().any(|w| starts_with_word(head, w)) {
            let literals = string_literals(&raw, body, self.dialect);
            if !literals.is_empty() {
                return SqlItem::Statement { raw, literals };
            }
        } else if starts_with_word(head, b"CREATE") {
            if let Some((table, columns)) = parse_create_table(&raw, body) {
                return SqlItem::CreateTable { raw, table, columns };
            }
        } else if starts_with_word(head, b"COPY") && self.dialect == SqlDialect::Postgres {
            if let Some((table, columns)) = parse_copy(head) {
                self.in_copy = true;
                self.copy_table.clone_from(&table);
                self.copy_line = line + memchr::memchr_iter(b'\n', &raw[..body]).count() as u64;
                return SqlItem::CopyStart { raw, table, columns };
            }
        }
        SqlItem::Raw(raw)
    }
}

/// Whether a literal [`literal`] read holds nothing the statement scan ([`scan_from`]) would
/// read another way: a string's introducer is a word, a number or other value (`NULL`,
/// `now()`) holds no quote, comment or `;`.
#[inline(always)]
fn scans_alike(raw: &[u8], kind: LiteralKind) -> bool {
    match kind {
        LiteralKind::Str { prefix, .. } => {
            let quote = raw[prefix as usize];
            // (A cast after the string, `'...'::"type"`, holds whole quoted names only.)
            let cast = raw.iter().rposition(|&b| b == quote).map_or(&[][..], |k| &raw[k + 1..]);
            raw[..prefix as usize].iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b' ')
                && cast.iter().filter(|&&b| b == b'"').count() % 2 == 0
        }
        LiteralKind::Binary => true,
        LiteralKind::Number | LiteralKind::Other => {
            // (Byte by byte: these are short, `NULL` and numbers mostly.)
            !raw.iter().any(|&b| matches!(b, b';' | b'\'' | b'"' | b'`'))
                && !raw.windows(2).any(|w| w == b"--" || w == b"/*")
        }
    }
}

/// Whether `line` (its line end included) ends a `COPY` block: `\.` alone.
fn is_copy_end(line: &[u8]) -> bool {
    let body = line.strip_suffix(b"\n").unwrap_or(line);
    body.strip_suffix(b"\r").unwrap_or(body) == b"\\."
}

/// Statements that write data: their string literals may hold any value.
const DATA_STATEMENTS: [&[u8]; 6] = [b"INSERT", b"REPLACE", b"UPDATE", b"DELETE", b"UPSERT", b"MERGE"];

/// The string literals of the statement in `s` from `body` (`'...'`, `E'...'`, and `"..."` in
/// MySQL), outside comments; hex, bit and `_binary` strings are left out, and so are quoted
/// names (`` `name` ``, and `"name"` in PostgreSQL).
fn string_literals(s: &[u8], body: usize, d: SqlDialect) -> Vec<Literal> {
    let default_escapes = if d == SqlDialect::MySql { Escapes::Backslash } else { Escapes::Standard };
    let ident_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut i = body;
    while i < s.len() {
        let c = s[i];
        let next = match c {
            b'\'' => {
                let Some(end) = string_end(s, i, default_escapes) else { break };
                // The word glued before the quote: `E`, `x`/`b` (hex, bits), `_binary`.
                let word_start = s[..i].iter().rposition(|&b| !ident_byte(b)).map_or(0, |k| k + 1);
                let word = &s[word_start..i];
                if word.eq_ignore_ascii_case(b"e") {
                    let end = string_end(s, i, Escapes::Backslash).unwrap_or(end);
                    let kind = LiteralKind::Str { prefix: 1, escapes: Escapes::Backslash };
                    out.push(Literal { start: i - 1, end, kind, row: 0, col: out.len() });
                    end
                } else if word.eq_ignore_ascii_case(b"x")
                    || word.eq_ignore_ascii_case(b"b")
                    || word.eq_ignore_ascii_case(b"_binary")
                {
                    end
                } else {
                    let kind = LiteralKind::Str { prefix: 0, escapes: default_escapes };
                    out.push(Literal { start: i, end, kind, row: 0, col: out.len() });
                    end
                }
            }
            b'"' if d == SqlDialect::MySql => {
                let Some(end) = string_end(s, i, default_escapes) else { break };
                let kind = LiteralKind::Str { prefix: 0, escapes: default_escapes };
                out.push(Literal { start: i, end, kind, row: 0, col: out.len() });
                end
            }
            b'"' | b'`' => memchr::memchr(c, &s[i + 1..]).map_or(s.len(), |k| i + k + 2),
            b'-' if s.get(i + 1) == Some(&b'-') => memchr::memchr(b'\n', &s[i..]).map_or(s.len(), |k| i + k + 1),
            b'/' if s.get(i + 1) == Some(&b'*') => {
                memchr::memmem::find(&s[i + 2..], b"*/").map_or(s.len(), |k| i + k + 4)
            }
            _ => i + 1,
        };
        i = next;
    }
    out
}

#[derive(Debug, PartialEq, Eq)]
enum Scan {
    End(usize),
    NeedMore,
    Unterminated(usize),
}

fn starts_with_word(s: &[u8], word: &[u8]) -> bool {
    s.len() >= word.len()
        && s[..word.len()].eq_ignore_ascii_case(word)
        && s.get(word.len()).is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'_')
}

/// Offset of the first byte after leading whitespace and comments.
fn skip_space_and_comments(s: &[u8], d: SqlDialect) -> usize {
    let mut i = 0;
    loop {
        while i < s.len() && s[i].is_ascii_whitespace() {
            i += 1;
        }
        if s[i..].starts_with(b"--") || (d == SqlDialect::MySql && s.get(i) == Some(&b'#')) {
            i = memchr::memchr(b'\n', &s[i..]).map_or(s.len(), |k| i + k + 1);
        } else if s[i..].starts_with(b"/*") && !s[i..].starts_with(b"/*!") {
            i = memchr::memmem::find(&s[i + 2..], b"*/").map_or(s.len(), |k| i + 2 + k + 2);
        } else {
            return i;
        }
    }
}

/// The bytes [`statement_end`] stops at outside strings: quotes, the starts of comments, `;`.
static STATEMENT_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let stops = b"'\"`-/;";
    while k < stops.len() {
        table[stops[k] as usize] = true;
        k += 1;
    }
    table
};

/// Where the next `quote` is in `s`, or the next backslash too when `backslash` escapes.
fn quote_or_escape(s: &[u8], quote: u8, backslash: bool) -> Option<usize> {
    if backslash {
        memchr::memchr2(quote, b'\\', s)
    } else {
        memchr::memchr(quote, s)
    }
}

/// Finds the end of the statement at the start of `s`: a `;` followed by a line end (or the
/// end of input) outside quotes and comments, or a whole line for psql meta-commands and
/// lines outside any statement.
#[cfg(test)]
fn statement_end(s: &[u8], d: SqlDialect, eof: bool) -> Scan {
    scan_statement(s, d, eof, &mut 0)
}

/// [`statement_end`] from `*resume`, where an earlier scan of a shorter `s` (the same bytes,
/// fewer of them) stopped: when it needs more input it sets `*resume` to the start of the
/// token it could not finish (a string, a comment, a `;` and the rest of its line, a run of
/// other bytes), where the statement is outside strings and comments. 0 scans from the start.
fn scan_statement(s: &[u8], d: SqlDialect, eof: bool, resume: &mut usize) -> Scan {
    if *resume > 0 {
        return scan_from(s, d, eof, *resume, resume);
    }
    let start = skip_space_and_comments(s, d);
    if start >= s.len() {
        return if eof { Scan::End(s.len()) } else { Scan::NeedMore };
    }
    if s[start] == b'\\' {
        // psql meta-command (\connect, \restrict): one line.
        return match memchr::memchr(b'\n', &s[start..]) {
            Some(k) => Scan::End(start + k + 1),
            None if eof => Scan::End(s.len()),
            None => Scan::NeedMore,
        };
    }
    let scan = scan_from(s, d, eof, start, resume);
    if s.len() < start + 3 {
        // Where the statement starts may still change (`/` then `*`: a comment before it).
        *resume = 0;
    }
    scan
}

/// The statement scan of [`scan_statement`] from `from`, outside strings and comments.
fn scan_from(s: &[u8], d: SqlDialect, eof: bool, from: usize, resume: &mut usize) -> Scan {
    let mut i = from;
    while i < s.len() {
        *resume = i;
        match s[i] {
            b'\'' | b'"' | b'`' => {
                let q = s[i];
                // MySQL escapes with a backslash in '...' and "..." strings (not in `names`).
                let backslash = (q != b'`' && d == SqlDialect::MySql)
                    || (q == b'\'' && i > 0 && (s[i - 1] == b'E' || s[i - 1] == b'e'));
                let mut j = i + 1;
                loop {
                    // (Jumps to the next quote or backslash: most of a dump's bytes are in its
                    // strings.)
                    let Some(k) = quote_or_escape(s.get(j..).unwrap_or_default(), q, backslash) else {
                        return if eof { Scan::Unterminated(i) } else { Scan::NeedMore };
                    };
                    j += k;
                    if s[j] == b'\\' {
                        j += 2;
                        continue;
                    }
                    if s.get(j + 1) == Some(&q) {
                        j += 2;
                        continue;
                    }
                    if j + 1 >= s.len() && !eof {
                        return Scan::NeedMore;
                    }
                    break;
                }
                i = j + 1;
            }
            b'-' if s.get(i + 1) == Some(&b'-') => match memchr::memchr(b'\n', &s[i..]) {
                Some(k) => i += k + 1,
                None if eof => return Scan::End(s.len()),
                None => return Scan::NeedMore,
            },
            b'/' if s.get(i + 1) == Some(&b'*') => match memchr::memmem::find(&s[i + 2..], b"*/") {
                Some(k) => i += 2 + k + 2,
                None if eof => return Scan::Unterminated(i),
                None => return Scan::NeedMore,
            },
            b';' => {
                // The statement ends here; take the rest of the line (spaces, a comment).
                return match memchr::memchr(b'\n', &s[i..]) {
                    Some(k) => Scan::End(i + k + 1),
                    None if eof => Scan::End(s.len()),
                    None => Scan::NeedMore,
                };
            }
            _ => {
                i += 1;
                while i < s.len() && !STATEMENT_BYTES[s[i] as usize] {
                    i += 1;
                }
            }
        }
    }
    if eof {
        Scan::End(s.len())
    } else {
        Scan::NeedMore
    }
}

/// An identifier at `i` (`name`, `"name"`, `` `name` ``, `schema.name`): (name, end).
fn ident(s: &[u8], mut i: usize) -> Option<(String, usize)> {
    while i < s.len() && s[i].is_ascii_whitespace() {
        i += 1;
    }
    loop {
        // The name's bytes and where it ends; only the last part of `schema.name` is kept.
        let (name, end) = match *s.get(i)? {
            q @ (b'`' | b'"') => {
                let k = memchr::memchr(q, &s[i + 1..])?;
                (i + 1..i + 1 + k, i + 2 + k)
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 => {
                let k = s[i..]
                    .iter()
                    .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80))
                    .unwrap_or(s.len() - i);
                (i..i + k, i + k)
            }
            _ => return None,
        };
        i = end;
        if s.get(i) == Some(&b'.') {
            i += 1;
            continue;
        }
        return Some((String::from_utf8_lossy(&s[name]).into_owned(), i));
    }
}

fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && s[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// `(a, b, c)` at `i`: the identifiers and the end.
fn ident_list(s: &[u8], i: usize) -> Option<(Vec<String>, usize)> {
    let mut i = skip_ws(s, i);
    if s.get(i) != Some(&b'(') {
        return None;
    }
    i += 1;
    let mut out = Vec::new();
    loop {
        let (name, end) = ident(s, i)?;
        out.push(name);
        i = skip_ws(s, end);
        match s.get(i)? {
            b',' => i += 1,
            b')' => return Some((out, i + 1)),
            _ => return None,
        }
    }
}

fn parse_copy(head: &[u8]) -> Option<(String, Vec<String>)> {
    let (table, end) = ident(head, 4)?;
    let columns = ident_list(head, end).map(|(c, _)| c).unwrap_or_default();
    let rest = String::from_utf8_lossy(head).to_ascii_uppercase();
    rest.contains("FROM STDIN").then_some((table, columns))
}

fn parse_create_table(raw: &[u8], body: usize) -> Option<(String, Vec<(String, String)>)> {
    let s = &raw[body..];
    let upper: Vec<u8> = s.iter().take(64).map(u8::to_ascii_uppercase).collect();
    let t = memchr::memmem::find(&upper, b"TABLE")?;
    let mut i = t + 5;
    // (On bytes: a lossy string of them would not keep their offsets.)
    let after = upper[i..].trim_ascii_start();
    if after.starts_with(b"IF NOT EXISTS") {
        i = t + 5 + (upper[i..].len() - after.len()) + b"IF NOT EXISTS".len();
    }
    let (table, end) = ident(s, i)?;
    let open = end + s[end..].iter().position(|&c| c == b'(')?;
    let mut columns = Vec::new();
    let (mut depth, mut item_start, mut j) = (0i32, open + 1, open + 1);
    while j < s.len() {
        match s[j] {
            b'(' => depth += 1,
            b')' if depth == 0 => {
                push_column(&s[item_start..j], &mut columns);
                break;
            }
            b')' => depth -= 1,
            b',' if depth == 0 => {
                push_column(&s[item_start..j], &mut columns);
                item_start = j + 1;
            }
            b'\'' => j += s[j + 1..].iter().position(|&c| c == b'\'').map_or(0, |k| k + 1),
            _ => {}
        }
        j += 1;
    }
    Some((table, columns))
}

fn push_column(item: &[u8], columns: &mut Vec<(String, String)>) {
    let text = String::from_utf8_lossy(item);
    let t = text.trim();
    let upper = t.to_ascii_uppercase();
    const NOT_COLUMNS: &[&str] =
        &["PRIMARY", "KEY", "UNIQUE", "CONSTRAINT", "INDEX", "FOREIGN", "CHECK", "FULLTEXT", "SPATIAL", "EXCLUDE"];
    if t.is_empty() || NOT_COLUMNS.iter().any(|k| upper.starts_with(k)) {
        return;
    }
    if let Some((name, end)) = ident(t.as_bytes(), 0) {
        let ty = t[end..].split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        columns.push((name, ty));
    }
}

/// Column names, shared by the statements that repeat them.
type Names = Arc<[String]>;

/// Table, column list, the tuples' literals, and where the tuples end.
type Insert = (String, Option<Names>, Vec<Literal>, usize);

/// `INSERT` or `REPLACE` (mysqldump `--replace`), MySQL's modifiers (`IGNORE`, `LOW_PRIORITY`,
/// `DELAYED`, `HIGH_PRIORITY`) and optional `INTO`, a column list, PostgreSQL's `OVERRIDING
/// SYSTEM VALUE` (pg_dump `--inserts` of an identity column), then `VALUES` (or MySQL's `VALUE`)
/// and the tuples.
fn parse_insert(raw: &[u8], body: usize, d: SqlDialect, last_columns: &mut ColumnList, room: usize) -> Option<Insert> {
    let (table, columns, values) = insert_head(raw, body, d, last_columns)?;
    let (literals, _, end) = parse_values(raw, values, d, Some(room))?;
    Some((table, columns, literals, end))
}

/// The bytes of a column list, `(` to `)`, and its names.
type ColumnList = Option<(Vec<u8>, Names)>;

/// An `INSERT`'s table, its column list if written, and where its tuples start (after
/// `VALUES`). A column list with the bytes of `last_columns` is not read again; one read is
/// kept there.
fn insert_head(
    raw: &[u8],
    body: usize,
    d: SqlDialect,
    last_columns: &mut ColumnList,
) -> Option<(String, Option<Names>, usize)> {
    let s = raw;
    let word_at = |i: usize, w: &[u8]| starts_with_word(&s[i.min(s.len())..], w);
    let mut i = body + if word_at(body, b"REPLACE") { 7 } else { 6 };
    i = skip_ws(s, i);
    while let Some(w) = [&b"IGNORE"[..], b"LOW_PRIORITY", b"DELAYED", b"HIGH_PRIORITY"].iter().find(|w| word_at(i, w)) {
        i = skip_ws(s, i + w.len());
    }
    if word_at(i, b"INTO") {
        i += 4;
    } else if d != SqlDialect::MySql {
        return None;
    }
    let (table, end) = ident(s, i)?;
    i = skip_ws(s, end);
    let mut columns = None;
    if s.get(i) == Some(&b'(') {
        // (A list is read up to its `)` and no further: the same bytes, the same names.)
        let end = match last_columns {
            Some((bytes, names)) if s[i..].starts_with(bytes) => {
                columns = Some(Arc::clone(names));
                i + bytes.len()
            }
            _ => {
                let (names, end) = ident_list(s, i)?;
                let names: Names = names.into();
                *last_columns = Some((s[i..end].to_vec(), Arc::clone(&names)));
                columns = Some(names);
                end
            }
        };
        i = skip_ws(s, end);
    }
    if word_at(i, b"OVERRIDING") {
        i = skip_ws(s, i + 10);
        for w in [&b"SYSTEM"[..], b"USER"] {
            if word_at(i, w) {
                i = skip_ws(s, i + w.len());
            }
        }
        if !word_at(i, b"VALUE") {
            return None;
        }
        i = skip_ws(s, i + 5);
    }
    if word_at(i, b"VALUES") {
        i += 6;
    } else if word_at(i, b"VALUE") && d == SqlDialect::MySql {
        i += 5;
    } else {
        return None;
    }
    Some((table, columns, i))
}

/// The literals of `VALUES (...), (...)` from `i` (none unless `keep`, which gives the room to
/// make for them), the number of tuples, and the offset after the last tuple.
fn parse_values(s: &[u8], mut i: usize, d: SqlDialect, keep: Option<usize>) -> Option<(Vec<Literal>, usize, usize)> {
    let mut out = Vec::with_capacity(keep.unwrap_or(0));
    let keep = keep.is_some();
    let mut row = 0;
    loop {
        let tuple_start = i;
        i = skip_ws(s, i);
        if s.get(i) != Some(&b'(') {
            return Some((out, row, tuple_start));
        }
        i = tuple(s, i, d, row, keep.then_some(&mut out))?;
        row += 1;
        let tuples_end = i;
        i = skip_ws(s, i);
        if s.get(i) == Some(&b',') {
            i += 1;
        } else {
            return Some((out, row, tuples_end));
        }
    }
}

/// The tuple whose `(` is at `i`, its literals pushed to `out` (if given) as row `row`: the
/// offset after its `)`, or `None` when the bytes end or hold no tuple there.
#[inline(always)]
fn tuple(s: &[u8], mut i: usize, d: SqlDialect, row: usize, mut out: Option<&mut Vec<Literal>>) -> Option<usize> {
    i += 1;
    let mut col = 0;
    loop {
        i = skip_ws(s, i);
        let (end, kind) = literal(s, i, d)?;
        if let Some(out) = out.as_deref_mut() {
            out.push(Literal { start: i, end, kind, row, col });
        }
        i = skip_ws(s, end);
        match s.get(i)? {
            b',' => col += 1,
            b')' => return Some(i + 1),
            _ => return None,
        }
        i += 1;
    }
}

/// The furthest a piece of `piece` bytes may run: four pieces, at least 4 KiB.
fn piece_limit(piece: usize) -> usize {
    piece.saturating_mul(4).max(4096)
}

/// The tuples of an `INSERT` from `values` up to the first one that ends `piece` bytes or more
/// into `s` and is followed by `,` ([`Cut::At`], after the comma), or to their end
/// ([`Cut::Last`]); [`Cut::Fail`] when they would end further than four pieces (at least 4 KiB)
/// into `s` (a tuple of many megabytes: the statement is read whole). The cut depends on the
/// statement's bytes only, never on how many were read, so every reading of a dump cuts it
/// at the same places.
fn cut_piece(s: &[u8], values: usize, d: SqlDialect, eof: bool, piece: usize) -> Cut {
    let limit = piece_limit(piece);
    // Bytes ran out, or what was read is no tuple: more are read (the bytes may have ended
    // inside a cast, a doubled quote or a number), unless the input ended or the piece would
    // run past its limit. A piece is so never read from fewer bytes than it needs.
    let short = || if eof || s.len() >= limit { Cut::Fail } else { Cut::NeedMore };
    let mut out = Vec::new();
    let mut i = values;
    let mut row = 0;
    loop {
        i = skip_ws(s, i);
        let read = out.len();
        let Some(tuple_end) = s.get(i).filter(|&&b| b == b'(').and_then(|_| tuple(s, i, d, row, Some(&mut out))) else {
            return short();
        };
        if !out[read..].iter().all(|l| scans_alike(&s[l.start..l.end], l.kind)) {
            return short();
        }
        row += 1;
        i = tuple_end;
        if tuple_end > limit {
            return Cut::Fail;
        }
        i = skip_ws(s, i);
        match s.get(i) {
            Some(b',') if tuple_end >= piece => return Cut::At(i + 1, out),
            Some(b',') => i += 1,
            Some(_) => return Cut::Last(tuple_end, out),
            // (A dump that ends without the statement's `;`.)
            None if eof => return Cut::Last(tuple_end, out),
            None => return short(),
        }
    }
}

/// The end of a quoted string whose quote is at `q`.
fn string_end(s: &[u8], q: usize, escapes: Escapes) -> Option<usize> {
    // `'...'`, or `"..."` (a string in MySQL, as hand-made exports write them).
    let quote = s[q];
    let mut j = q + 1;
    loop {
        j += quote_or_escape(s.get(j..)?, quote, escapes == Escapes::Backslash)?;
        if s[j] == b'\\' || s.get(j + 1) == Some(&quote) {
            // An escaped character, or a doubled quote.
            j += 2;
        } else {
            return Some(j + 1);
        }
    }
}

/// One literal at `i`: its end and kind. Anything not understood (a function call, a cast)
/// runs to the next `,` or `)` at depth 0 and is never changed.
#[inline(always)]
fn literal(s: &[u8], i: usize, d: SqlDialect) -> Option<(usize, LiteralKind)> {
    let default_escapes = if d == SqlDialect::MySql { Escapes::Backslash } else { Escapes::Standard };
    let c = *s.get(i)?;
    if c == b'\'' || (c == b'"' && d == SqlDialect::MySql) {
        let end = string_end(s, i, default_escapes)?;
        return Some((cast_end(s, end), LiteralKind::Str { prefix: 0, escapes: default_escapes }));
    }
    if (c == b'E' || c == b'e') && s.get(i + 1) == Some(&b'\'') {
        let end = string_end(s, i + 1, Escapes::Backslash)?;
        return Some((cast_end(s, end), LiteralKind::Str { prefix: 1, escapes: Escapes::Backslash }));
    }
    if c == b'_' {
        // MySQL introducer: _binary'..', _utf8mb4 '..'
        let k = s[i..].iter().position(|&b| b == b'\'')?;
        let word = &s[i..i + k];
        let end = string_end(s, i + k, default_escapes)?;
        let binary = word.trim_ascii().eq_ignore_ascii_case(b"_binary");
        return Some((
            end,
            if binary { LiteralKind::Binary } else { LiteralKind::Str { prefix: k as u8, escapes: default_escapes } },
        ));
    }
    if matches!(c, b'x' | b'X' | b'b' | b'B') && s.get(i + 1) == Some(&b'\'') {
        let end = string_end(s, i + 1, Escapes::Standard)?;
        return Some((end, LiteralKind::Binary));
    }
    if c == b'0' && matches!(s.get(i + 1), Some(b'x' | b'X')) {
        let k = s[i + 2..].iter().position(|b| !b.is_ascii_hexdigit()).unwrap_or(s.len() - i - 2);
        return Some((i + 2 + k, LiteralKind::Binary));
    }
    if c.is_ascii_digit() || ((c == b'-' || c == b'+') && s.get(i + 1).is_some_and(u8::is_ascii_digit)) {
        let k = 1 + s[i + 1..]
            .iter()
            .position(|b| !(b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+')))
            .unwrap_or(s.len() - i - 1);
        return Some((i + k, LiteralKind::Number));
    }
    // NULL, TRUE, now(), ARRAY[...], '...'::type handled above; anything else to , or ).
    let mut depth = 0i32;
    let mut j = i;
    while j < s.len() {
        match s[j] {
            b'(' | b'[' => depth += 1,
            b')' | b']' if depth == 0 => return Some((j, LiteralKind::Other)),
            b')' | b']' => depth -= 1,
            b',' if depth == 0 => return Some((j, LiteralKind::Other)),
            b'\'' => j = string_end(s, j, default_escapes)? - 1,
            b'"' if d == SqlDialect::MySql => j = string_end(s, j, default_escapes)? - 1,
            _ => {}
        }
        j += 1;
    }
    None
}

/// After a string: a PostgreSQL cast (`'...'::date`) belongs to the literal.
fn cast_end(s: &[u8], end: usize) -> usize {
    if s[end..].starts_with(b"::") {
        let k = s[end + 2..]
            .iter()
            .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c == b' ' || c == b'"'))
            .unwrap_or(s.len() - end - 2);
        let mut e = end + 2 + k;
        while e > end + 2 && s[e - 1] == b' ' {
            e -= 1;
        }
        return e;
    }
    end
}

/// A string literal's value as [`decode_string`] reads it, for a literal cut from a statement
/// already checked to be UTF-8 ([`checked_text`]): borrowed when it holds no quote or escape
/// to undo (most values), so reading a dump allocates only for the values that need it.
pub fn str_text(raw: &str, kind: LiteralKind) -> Option<Cow<'_, str>> {
    let (inner, quote, escapes) = string_body(raw.as_bytes(), kind)?;
    // Between the opening quote and the closing one, both ASCII: character boundaries.
    match raw.get(inner.clone()) {
        Some(text) if !has_escape(text.as_bytes(), quote, escapes) => Some(Cow::Borrowed(text)),
        _ => decode_string(raw.as_bytes(), kind).map(Cow::Owned),
    }
}

/// A statement or `COPY` row as text, when it is UTF-8: checked once, its values are then
/// read with [`str_text`] and [`copy_str_text`] without a check each.
pub fn checked_text(raw: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(raw).ok()
}

/// Whether a string literal's text between its quotes holds a quote or an escape to undo.
fn has_escape(inner: &[u8], quote: u8, escapes: Escapes) -> bool {
    match escapes {
        Escapes::Backslash => memchr::memchr2(b'\\', quote, inner).is_some(),
        Escapes::Standard => memchr::memchr(quote, inner).is_some(),
    }
}

/// Where a string literal's text between its quotes lies in `raw`, its quote and its escapes.
fn string_body(raw: &[u8], kind: LiteralKind) -> Option<(std::ops::Range<usize>, u8, Escapes)> {
    let LiteralKind::Str { prefix, escapes } = kind else { return None };
    let prefix = prefix as usize;
    let quote = *raw.get(prefix)?;
    let end = raw[prefix..].iter().rposition(|&c| c == quote)?;
    Some((prefix + 1..prefix + end, quote, escapes))
}

/// A string literal's value (quotes and escapes undone; bytes that are not UTF-8 read as
/// stray-byte characters, written back as the bytes by [`encode_string`]).
pub fn decode_string(raw: &[u8], kind: LiteralKind) -> Option<String> {
    let (inner, quote, escapes) = string_body(raw, kind)?;
    let inner = &raw[inner];
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    // Runs without a quote or backslash (most values are one run) are copied whole.
    let next_special = |from: usize| match escapes {
        Escapes::Backslash => memchr::memchr2(b'\\', quote, &inner[from..]),
        Escapes::Standard => memchr::memchr(quote, &inner[from..]),
    };
    while i < inner.len() {
        let Some(k) = next_special(i) else {
            out.extend_from_slice(&inner[i..]);
            break;
        };
        out.extend_from_slice(&inner[i..i + k]);
        i += k;
        let c = inner[i];
        if c == b'\\' && i + 1 < inner.len() {
            out.push(match inner[i + 1] {
                b'0' => 0,
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                b'b' => 8,
                b'Z' => 26,
                other => other,
            });
            i += 2;
        } else if c == quote && inner.get(i + 1) == Some(&quote) {
            out.push(quote);
            i += 2;
        } else {
            out.push(c);
            i += 1;
        }
    }
    // A byte that is not UTF-8 (a latin1 row in a utf8 dump) is read as a stray-byte
    // character and written back as the byte: the value is searched like any other.
    Some(crate::encoding::text_with_strays(out))
}

/// How a byte of a string literal's value is written under `escapes`, when it needs an escape.
fn escaped(b: u8, escapes: Escapes) -> Option<&'static [u8]> {
    match (b, escapes) {
        (b'\'', Escapes::Standard) => Some(b"''"),
        (b'\'', Escapes::Backslash) => Some(b"\\'"),
        (b'\\', Escapes::Backslash) => Some(b"\\\\"),
        (b'\n', Escapes::Backslash) => Some(b"\\n"),
        (b'\r', Escapes::Backslash) => Some(b"\\r"),
        (0, Escapes::Backslash) => Some(b"\\0"),
        (26, Escapes::Backslash) => Some(b"\\Z"),
        _ => None,
    }
}

/// A string literal for `value`, quoted and escaped like `kind` (prefix kept).
pub fn encode_string(original: &[u8], kind: LiteralKind, value: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(original.len().min(8) + value.len() + 8);
    encode_string_into(original, kind, value, &mut out);
    out
}

/// [`encode_string`], appended to `out`.
pub fn encode_string_into(original: &[u8], kind: LiteralKind, value: &str, out: &mut Vec<u8>) {
    let (prefix, escapes) = match kind {
        LiteralKind::Str { prefix, escapes } => (prefix as usize, escapes),
        _ => (0, Escapes::Standard),
    };
    out.extend_from_slice(&original[..prefix]);
    out.push(b'\'');
    // Runs without a byte to escape (most values are one run) are copied whole.
    let bytes = crate::encoding::bytes_with_strays(value.as_bytes());
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if let Some(escape) = escaped(b, escapes) {
            out.extend_from_slice(&bytes[run..i]);
            out.extend_from_slice(escape);
            run = i + 1;
        }
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'\'');
    // The original's closing quote (`'`, or `"` in MySQL: the new value is in `'`).
    let quote = original.get(prefix).copied().unwrap_or(b'\'');
    let close = original.iter().rposition(|&c| c == quote).unwrap_or(original.len().saturating_sub(1));
    out.extend_from_slice(&original[(close + 1).min(original.len())..]); // a cast such as ::text
}

/// The fields of a `COPY` row (line end excluded): byte ranges, tab-separated.
pub fn copy_fields(line: &[u8]) -> Vec<(usize, usize)> {
    let body_len = line.len() - line.iter().rev().take_while(|&&c| c == b'\n' || c == b'\r').count();
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\t', &line[..body_len]) {
        out.push((start, i));
        start = i + 1;
    }
    out.push((start, body_len));
    out
}

/// A `COPY` field's value; `None` for `\N` (NULL). Bytes that are not UTF-8 are read as
/// stray-byte characters ([`encode_copy_field`] writes them back).
pub fn decode_copy_field(raw: &[u8]) -> Option<String> {
    if raw == b"\\N" {
        return None;
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    // Runs without a backslash (most fields are one run) are copied whole.
    while let Some(k) = memchr::memchr(b'\\', &raw[i..]) {
        out.extend_from_slice(&raw[i..i + k]);
        i += k;
        match raw.get(i + 1) {
            Some(&next) => {
                out.push(match next {
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'b' => 8,
                    b'f' => 12,
                    b'v' => 11,
                    other => other,
                });
                i += 2;
            }
            None => {
                out.push(b'\\');
                i += 1;
            }
        }
    }
    out.extend_from_slice(&raw[i..]);
    Some(crate::encoding::text_with_strays(out))
}

/// A `COPY` field's value as [`decode_copy_field`] reads it, for a field cut from a row already
/// checked to be UTF-8 ([`checked_text`]): borrowed when it holds no escape.
pub fn copy_str_text(raw: &str) -> Option<Cow<'_, str>> {
    if memchr::memchr(b'\\', raw.as_bytes()).is_none() {
        return Some(Cow::Borrowed(raw));
    }
    decode_copy_field(raw.as_bytes()).map(Cow::Owned)
}

/// A `COPY` field for `value`, escaped.
pub fn encode_copy_field(value: &str, out: &mut Vec<u8>) {
    for &b in crate::encoding::bytes_with_strays(value.as_bytes()).iter() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

/// A masked value as a number literal of the same width: every non-digit becomes `0`
/// (`******3210` becomes `0000003210`), so it still loads into a numeric column.
pub fn numeric_mask(original: &str, masked: &str) -> String {
    let sign = if original.starts_with('-') { "-" } else { "" };
    // The masked value's last characters other than white space, one digit each, filled
    // from the right; zeros before them.
    let mut digits = vec![b'0'; original.len() - sign.len()];
    let characters = masked.chars().rev().filter(|c| !c.is_whitespace());
    for (d, c) in digits.iter_mut().rev().zip(characters) {
        if c.is_ascii_digit() {
            *d = c as u8;
        }
    }
    let mut out = String::with_capacity(original.len());
    out.push_str(sign);
    out.extend(digits.iter().map(|&d| char::from(d)));
    out
}

/// A masked value of a date or time column as a value that column still accepts: a
/// replacement of the same shape (a token or a fake date: digits where the original has digits,
/// the same other characters) is kept; any other (`****-**-**`) becomes the original's shape
/// with its digits zeroed and a leading `yyyy-mm-dd` as `1900-01-01`
/// (`1985-03-12 14:22:01+05:30` becomes `1900-01-01 00:00:00+00:00`), which MySQL in strict
/// mode and PostgreSQL both load; nothing of the original but its format is left.
pub fn temporal_mask(original: &str, replaced: &str) -> String {
    let same_shape = original.len() == replaced.len()
        && original
            .bytes()
            .zip(replaced.bytes())
            .all(|(o, r)| if o.is_ascii_digit() { r.is_ascii_digit() } else { o == r });
    if same_shape {
        return replaced.to_string();
    }
    let b = original.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let iso_date = digits(0..4) && digits(5..7) && digits(8..10) && b[4] == b[7] && matches!(b[4], b'-' | b'/' | b'.');
    let mut out: String = original.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect();
    if iso_date {
        let sep = char::from(b[4]);
        out.replace_range(0..10, &format!("1900{sep}01{sep}01"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time scans that `statement_end` and `string_end` replaced: the jumps to
    /// the next quote or escape must find the same ends.
    fn statement_end_bytewise(s: &[u8], d: SqlDialect, eof: bool) -> Scan {
        let start = skip_space_and_comments(s, d);
        if start >= s.len() {
            return if eof { Scan::End(s.len()) } else { Scan::NeedMore };
        }
        if s[start] == b'\\' {
            return match memchr::memchr(b'\n', &s[start..]) {
                Some(k) => Scan::End(start + k + 1),
                None if eof => Scan::End(s.len()),
                None => Scan::NeedMore,
            };
        }
        let mut i = start;
        while i < s.len() {
            match s[i] {
                b'\'' | b'"' | b'`' => {
                    let q = s[i];
                    let backslash = (q != b'`' && d == SqlDialect::MySql)
                        || (q == b'\'' && i > 0 && (s[i - 1] == b'E' || s[i - 1] == b'e'));
                    let mut j = i + 1;
                    loop {
                        if j >= s.len() {
                            return if eof { Scan::Unterminated(i) } else { Scan::NeedMore };
                        }
                        let c = s[j];
                        if backslash && c == b'\\' {
                            j += 2;
                            continue;
                        }
                        if c == q {
                            if s.get(j + 1) == Some(&q) {
                                j += 2;
                                continue;
                            }
                            if j + 1 >= s.len() && !eof {
                                return Scan::NeedMore;
                            }
                            break;
                        }
                        j += 1;
                    }
                    i = j + 1;
                }
                b'-' if s.get(i + 1) == Some(&b'-') => match memchr::memchr(b'\n', &s[i..]) {
                    Some(k) => i += k + 1,
                    None if eof => return Scan::End(s.len()),
                    None => return Scan::NeedMore,
                },
                b'/' if s.get(i + 1) == Some(&b'*') => match memchr::memmem::find(&s[i + 2..], b"*/") {
                    Some(k) => i += 2 + k + 2,
                    None if eof => return Scan::Unterminated(i),
                    None => return Scan::NeedMore,
                },
                b';' => {
                    return match memchr::memchr(b'\n', &s[i..]) {
                        Some(k) => Scan::End(i + k + 1),
                        None if eof => Scan::End(s.len()),
                        None => Scan::NeedMore,
                    };
                }
                _ => i += 1,
            }
        }
        if eof {
            Scan::End(s.len())
        } else {
            Scan::NeedMore
        }
    }

    fn string_end_bytewise(s: &[u8], q: usize, escapes: Escapes) -> Option<usize> {
        let quote = s[q];
        let mut j = q + 1;
        loop {
            match *s.get(j)? {
                b'\\' if escapes == Escapes::Backslash => j += 2,
                c if c == quote && s.get(j + 1) == Some(&quote) => j += 2,
                c if c == quote => return Some(j + 1),
                _ => j += 1,
            }
        }
    }

    /// The items of `dump` read by a reader that parses short `INSERT`s first (`parse_first`,
    /// the default) or that scans every statement first.
    fn items_read(dump: &[u8], d: SqlDialect, parse_first: bool) -> Result<Vec<String>, String> {
        let mut r = SqlReader::from_reader("d.sql", Box::new(std::io::Cursor::new(dump.to_vec()))).unwrap();
        r.dialect = d;
        let mut out = Vec::new();
        loop {
            r.parse_first &= parse_first;
            match r.next_item() {
                Ok(Some(item)) => out.push(format!("{item:?} line {}", r.line)),
                Ok(None) => return Ok(out),
                Err(e) => return Err(e.to_string()),
            }
        }
    }

    proptest::proptest! {
        /// An `INSERT` parsed before its end is found is the item the scan then the parse give:
        /// the same bytes, literals, rows and lines, whatever its values hold (quotes, escapes,
        /// comments, `;` in strings and outside them, casts, introducers, calls).
        #[test]
        fn inserts_parsed_first_are_the_items_scanned_first(
            atoms in proptest::collection::vec(proptest::sample::select(vec![
                "INSERT INTO t VALUES ", "INSERT INTO `t` (`a`,`b`) VALUES ", "INSERT INTO \"t\" (\"a\") VALUES ",
                "(", ")", ",", "),(", ");\n", ";", "\n", " ", "'a;b'", "'it''s'", "'a\\'b'", "E'x\\'y'",
                "\"q;\"", "NULL", "now()", "1--2", "-5", "3.5e-2", "_utf8mb4'z'", "_binary 'b'", "x'41'",
                "'d'::date", "'d'::\"t\"", "ARRAY['a',';']", "/*c;*/", "-- c;\n", "`n`", "ON DUPLICATE KEY UPDATE a='v';\n",
                "SELECT 1;\n", "'",
            ]), 0..40),
            mysql in proptest::bool::ANY,
            cut in proptest::option::of(0usize..400),
        ) {
            // (A statement before them moves the end of the first read block, 1 MiB, into the
            // statements: a statement parsed first then outgrows what was read.)
            let pad = cut.map_or(String::new(), |cut| format!("SELECT '{}';\n", "x".repeat(READ_BLOCK - 11 - cut)));
            let dump = pad + &atoms.concat();
            let d = if mysql { SqlDialect::MySql } else { SqlDialect::Postgres };
            proptest::prop_assert_eq!(items_read(dump.as_bytes(), d, true), items_read(dump.as_bytes(), d, false));
        }
    }

    /// What a reader cutting `INSERT`s into pieces of `piece` bytes reads of `dump`: its items'
    /// bytes joined, the `INSERT` literals with offsets in the dump and rows counted across
    /// items (as a dump's rows are numbered), the spans of the other string literals (trailing
    /// ones and those of statements), and how many items.
    #[allow(clippy::type_complexity)]
    fn read_in_pieces(
        dump: &[u8],
        d: SqlDialect,
        piece: usize,
    ) -> Result<(Vec<u8>, Vec<(usize, usize, LiteralKind, u64, usize)>, Vec<(usize, usize)>, usize), String> {
        let mut r = SqlReader::from_reader("d.sql", Box::new(std::io::Cursor::new(dump.to_vec()))).unwrap();
        r.dialect = d;
        r.piece_bytes = piece;
        let (mut bytes, mut literals, mut others, mut items, mut rows) = (Vec::new(), Vec::new(), Vec::new(), 0, 0u64);
        while let Some(item) = r.next_item().map_err(|e| e.to_string())? {
            items += 1;
            let base = bytes.len();
            let (raw, trailing): (&[u8], &[Literal]) = match &item {
                SqlItem::Insert { raw, literals: l, trailing, .. } => {
                    literals
                        .extend(l.iter().map(|l| (base + l.start, base + l.end, l.kind, rows + l.row as u64, l.col)));
                    rows += l.last().map_or(0, |l| l.row as u64 + 1);
                    (raw, trailing)
                }
                SqlItem::Statement { raw, literals } => (raw, literals),
                other => (raw_of(other), &[]),
            };
            others.extend(trailing.iter().map(|l| (base + l.start, base + l.end)));
            bytes.extend_from_slice(raw);
        }
        Ok((bytes, literals, others, items))
    }

    #[test]
    fn a_long_insert_is_read_in_pieces_cut_after_tuples() {
        let rows: Vec<String> = (0..40).map(|i| format!("({i},'Name {i}','98765{i:05}',NULL)")).collect();
        let dump = format!(
            "CREATE TABLE t (id int, name text, mobile text, x int);\nINSERT INTO t VALUES {};\nINSERT INTO t VALUES (1,'a',NULL,2);\n",
            rows.join(",")
        );
        let whole = read_in_pieces(dump.as_bytes(), SqlDialect::MySql, usize::MAX).unwrap();
        let cut = read_in_pieces(dump.as_bytes(), SqlDialect::MySql, 100).unwrap();
        assert_eq!(cut.0, dump.as_bytes());
        assert_eq!(cut.1, whole.1);
        assert_eq!(whole.3, 3);
        // The long statement in pieces of four tuples (each over 100 bytes from its start).
        assert!(cut.3 >= 10, "{} items", cut.3);
        let mut r = SqlReader::from_reader("d.sql", Box::new(std::io::Cursor::new(dump.clone().into_bytes()))).unwrap();
        r.piece_bytes = 100;
        r.next_item().unwrap();
        let Some(SqlItem::Insert { raw, table, literals, .. }) = r.next_item().unwrap() else { panic!("a piece") };
        assert!(
            raw.starts_with(b"INSERT INTO t VALUES (0,") && raw.ends_with(b"NULL),"),
            "{}",
            String::from_utf8_lossy(&raw)
        );
        assert_eq!(table, "t");
        assert_eq!(literals[0].row, 0);
        assert!(r.in_statement());
        let Some(SqlItem::Insert { raw, literals, .. }) = r.next_item().unwrap() else { panic!("a piece") };
        assert!(raw.starts_with(b"(") && literals[0].row == 0, "{}", String::from_utf8_lossy(&raw));
    }

    /// The kinds of the items of `dump` read in pieces of `piece` bytes, and the string values
    /// and numbers each holds as literals.
    fn kinds_and_values(dump: &str, piece: usize) -> (Vec<&'static str>, Vec<String>) {
        let mut r = SqlReader::from_reader("d.sql", Box::new(std::io::Cursor::new(dump.as_bytes().to_vec()))).unwrap();
        r.piece_bytes = piece;
        let (mut kinds, mut values) = (Vec::new(), Vec::new());
        while let Some(item) = r.next_item().unwrap() {
            let (kind, raw, literals) = match &item {
                SqlItem::Insert { raw, literals, .. } => ("insert", raw, literals),
                SqlItem::Statement { raw, literals } => ("statement", raw, literals),
                _ => {
                    kinds.push("raw");
                    continue;
                }
            };
            kinds.push(kind);
            values.extend(literals.iter().filter_map(|l| match l.kind {
                LiteralKind::Number => Some(String::from_utf8_lossy(&raw[l.start..l.end]).into_owned()),
                _ => decode_string(&raw[l.start..l.end], l.kind),
            }));
        }
        (kinds, values)
    }

    #[test]
    fn a_piece_the_tuple_reader_cannot_read_ends_the_statement_as_free_text() {
        // The third tuple holds a comment between values: the statement goes on as a statement
        // whose strings are all searched.
        let dump = "INSERT INTO t VALUES (1,'Asha Rao'),(2,'Ravi Kumar'),(3 /* x */,'Mohan Lal'),(4,'Sita Devi');\nSELECT 1;\n";
        let (kinds, values) = kinds_and_values(dump, 20);
        // (The second piece would have ended after the third tuple.)
        assert_eq!(kinds, ["insert", "statement", "raw"]);
        assert_eq!(values, ["1", "Asha Rao", "Ravi Kumar", "Mohan Lal", "Sita Devi"]);
    }

    #[test]
    fn the_rest_of_a_statement_in_pieces_is_read_whole_as_tuples_when_it_can_be() {
        // A call holding a quote is read by the tuple reader, but not the way the statement
        // scan reads it: the rest of the statement is read whole, its values still in tuples
        // (the mobile, a bare number, stays a literal of its column).
        let dump =
            "INSERT INTO t VALUES (1,9876543210,'a'),(2,9123456789,CONCAT('b',';')),(3,9988776655,'c');\nSELECT 1;\n";
        let (kinds, values) = kinds_and_values(dump, 20);
        assert_eq!(kinds, ["insert", "insert", "raw"]);
        assert_eq!(values, ["1", "9876543210", "a", "2", "9123456789", "3", "9988776655", "c"]);
    }

    proptest::proptest! {
        /// A long `INSERT` read in pieces gives the literals, rows and bytes of the statement
        /// read whole, wherever the pieces are cut and the first read block ends.
        #[test]
        fn inserts_read_in_pieces_give_what_whole_ones_give(
            tuples in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(vec![
                "'a'", "'it''s'", "'a\\'b'", "E'x\\'y'", "NULL", "now()", "-5", "3.5e-2", "_utf8mb4'z'",
                "_binary 'b'", "x'41'", "'d'::date", "'Ramesh Kumar'", "'9876543210'", "''", "'a;b -- c /* d'",
            ]), 1..5), 1..30),
            head in proptest::sample::select(vec!["INSERT INTO t VALUES ", "INSERT INTO `t` (`a`,`b`) VALUES ", "INSERT INTO \"t\" (\"a\") VALUES "]),
            tail in proptest::sample::select(vec![";\n", " ON DUPLICATE KEY UPDATE a='v';\n", ";", ";\nSELECT 'x';\n"]),
            spaces in proptest::bool::ANY,
            mysql in proptest::bool::ANY,
            piece in 1usize..200,
            cut in proptest::option::of(0usize..400),
        ) {
            let sep = if spaces { ",\n" } else { "," };
            // (A backslash escapes nothing in a PostgreSQL string: the quote is doubled there.)
            let body: Vec<String> = tuples
                .iter()
                .map(|t| format!("({})", t.join(",")))
                .map(|t| if mysql { t } else { t.replace("'a\\'b'", "'a''b'") })
                .collect();
            let pad = cut.map_or(String::new(), |cut| format!("SELECT '{}';\n", "x".repeat(READ_BLOCK - 11 - cut)));
            let dump = format!("{pad}{head}{}{tail}{head}(1,'b');\n", body.join(sep));
            let d = if mysql { SqlDialect::MySql } else { SqlDialect::Postgres };
            let whole = read_in_pieces(dump.as_bytes(), d, usize::MAX);
            let cut = read_in_pieces(dump.as_bytes(), d, piece);
            // (A backslash escape is no escape in a PostgreSQL string: such a dump fails, both ways.)
            proptest::prop_assert_eq!(whole.as_ref().err(), cut.as_ref().err());
            let (Ok(whole), Ok(cut)) = (whole, cut) else { return Ok(()) };
            proptest::prop_assert_eq!(&cut.0, &dump.as_bytes().to_vec());
            proptest::prop_assert_eq!(&cut.1, &whole.1);
            proptest::prop_assert_eq!(&cut.2, &whole.2);
            proptest::prop_assert!(cut.3 >= whole.3);
        }

        /// Whatever a dump holds, reading it in pieces keeps every byte, and fails where
        /// reading it whole does.
        #[test]
        fn dumps_read_in_pieces_keep_every_byte(
            atoms in proptest::collection::vec(proptest::sample::select(vec![
                "INSERT INTO t VALUES ", "INSERT INTO `t` (`a`,`b`) VALUES ", "(", ")", ",", "),(", ");\n", ";", "\n",
                " ", "'a;b'", "'it''s'", "'a\\'b'", "E'x\\'y'", "\"q;\"", "NULL", "now()", "1--2", "-5", "_binary 'b'",
                "'d'::\"t\"", "/*c;*/", "-- c;\n", "`n`", "SELECT 1;\n", "'",
            ]), 0..60),
            mysql in proptest::bool::ANY,
            piece in 1usize..100,
        ) {
            let dump = atoms.concat();
            let d = if mysql { SqlDialect::MySql } else { SqlDialect::Postgres };
            let whole = read_in_pieces(dump.as_bytes(), d, usize::MAX);
            let cut = read_in_pieces(dump.as_bytes(), d, piece);
            proptest::prop_assert_eq!(whole.is_err(), cut.is_err());
            if let Ok(cut) = cut {
                proptest::prop_assert_eq!(&cut.0, &dump.as_bytes().to_vec());
            }
        }
    }

    proptest::proptest! {
        /// A scan resumed where the scan of a shorter prefix stopped finds what a scan of the
        /// whole prefix from its start finds, at every step, as the reader grows its buffer.
        #[test]
        fn resumed_scans_find_what_whole_scans_find(
            bytes in proptest::collection::vec(proptest::sample::select(b"'\"`\\-/*;\nEe(),a1 #!".to_vec()), 0..64),
            steps in proptest::collection::vec(1usize..9, 1..12),
        ) {
            for d in [SqlDialect::MySql, SqlDialect::Postgres] {
                let mut resume = 0;
                let mut len = 0;
                for step in steps.iter().copied().chain(std::iter::repeat(8)) {
                    len = (len + step).min(bytes.len());
                    let eof = len == bytes.len();
                    let prefix = &bytes[..len];
                    let got = scan_statement(prefix, d, eof, &mut resume);
                    proptest::prop_assert_eq!(&got, &statement_end(prefix, d, eof), "{:?} at {}", d, len);
                    proptest::prop_assert!(resume <= len);
                    if got != Scan::NeedMore || eof {
                        break;
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn quote_jumps_find_the_ends_the_byte_scans_found(
            bytes in proptest::collection::vec(proptest::sample::select(b"'\"`\\-/*;\nEe(),a1 ".to_vec()), 0..48)
        ) {
            for d in [SqlDialect::MySql, SqlDialect::Postgres] {
                for eof in [false, true] {
                    proptest::prop_assert_eq!(statement_end(&bytes, d, eof), statement_end_bytewise(&bytes, d, eof));
                }
            }
            for q in (0..bytes.len()).filter(|&k| matches!(bytes[k], b'\'' | b'"')) {
                for escapes in [Escapes::Backslash, Escapes::Standard] {
                    proptest::prop_assert_eq!(string_end(&bytes, q, escapes), string_end_bytewise(&bytes, q, escapes));
                }
            }
        }
    }

    fn items(dump: &str) -> Vec<SqlItem> {
        items_in_pieces(dump, PIECE_BYTES)
    }

    /// The items of `dump` read with `INSERT`s cut into pieces of `piece` bytes.
    fn items_in_pieces(dump: &str, piece: usize) -> Vec<SqlItem> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.sql");
        std::fs::write(&p, dump).unwrap();
        let mut r = SqlReader::open(p.to_str().unwrap()).unwrap();
        r.piece_bytes = piece;
        let mut out = Vec::new();
        while let Some(i) = r.next_item().unwrap() {
            out.push(i);
        }
        out
    }

    fn raw_of(i: &SqlItem) -> &[u8] {
        match i {
            SqlItem::Raw(r) | SqlItem::CopyRow(r) => r,
            SqlItem::CreateTable { raw, .. }
            | SqlItem::Insert { raw, .. }
            | SqlItem::CopyStart { raw, .. }
            | SqlItem::Statement { raw, .. } => raw,
            SqlItem::Skimmed { .. } => panic!("a skimmed item has no bytes"),
        }
    }

    /// A marked table's `INSERT`s and `COPY` rows, read while skimming is on, come as their
    /// sizes and rows; other items, and every item once skimming is off, come whole, and the
    /// line numbers count the skimmed lines.
    #[test]
    fn skimmed_items_keep_sizes_rows_and_line_numbers() {
        let dump = "CREATE TABLE t (id int, name text);\nINSERT INTO t VALUES (1,'a;b'),(2,'c\n(d)');\nINSERT INTO u VALUES (3,'e');\nCOPY t (id, name) FROM stdin;\n4\tf\n5\tg\n\\.\nINSERT INTO t VALUES (6,'h');\n";
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.sql");
        std::fs::write(&p, dump).unwrap();
        let mut r = SqlReader::open(p.to_str().unwrap()).unwrap();
        r.skim_table("t");
        r.set_skimming(true);
        let mut sizes = Vec::new();
        let mut kinds = Vec::new();
        while let Some(item) = r.next_item().unwrap() {
            let last = matches!(&item, SqlItem::Raw(b) if b == b"\\.\n");
            match item {
                SqlItem::Skimmed { bytes, rows } => {
                    sizes.push(bytes as usize);
                    kinds.push(format!("skimmed {rows}"));
                }
                SqlItem::Insert { raw, table, line, .. } => {
                    sizes.push(raw.len());
                    kinds.push(format!("insert {table} line {line}"));
                }
                other => {
                    sizes.push(raw_of(&other).len());
                    kinds.push("other".into());
                }
            }
            if last {
                r.set_skimming(false);
            }
        }
        assert_eq!(sizes.iter().sum::<usize>(), dump.len());
        assert_eq!(
            kinds,
            ["other", "skimmed 2", "insert u line 4", "other", "skimmed 1", "skimmed 1", "other", "insert t line 9"]
        );
    }

    /// `CREATE TABLE IF NOT EXISTS` with bytes that are not UTF-8 in its first 64 bytes (found
    /// by the `sql_items` fuzz target: offsets were taken in a lossy string of them, longer
    /// than the bytes, and an offset went below zero).
    #[test]
    fn create_table_if_not_exists_is_read_beside_bytes_that_are_not_utf8() {
        for gap in ["", " ", "  \t"] {
            let mut dump = format!("CREATE TABLE{gap}IF NOT EXISTS `citizen` (\n  `id` int NOT N").into_bytes();
            dump.extend_from_slice(b"\x00\xdb\xbd\xbdULL,\n  `full_name` varchar(100)\n);\n");
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("d.sql");
            std::fs::write(&p, &dump).unwrap();
            let mut r = SqlReader::open(p.to_str().unwrap()).unwrap();
            match r.next_item().unwrap() {
                Some(SqlItem::CreateTable { table, columns, raw }) => {
                    assert_eq!(raw, dump);
                    assert_eq!(table, "citizen", "{gap:?}");
                    assert_eq!(columns.last().map(|c| c.0.as_str()), Some("full_name"));
                }
                other => panic!("{gap:?}: {other:?}"),
            }
        }
    }

    /// A statement several times the read block (a hand-made export's one INSERT of every
    /// row) is one item, with all its rows, when it is not read in pieces; its scan resumes as
    /// the buffer grows, so strings holding `;`, `--` and `/*` cut at any read are still
    /// strings. In pieces of 1 MiB it is four items holding the same rows.
    #[test]
    fn a_statement_longer_than_the_read_block_is_one_item_with_all_its_rows() {
        let tuples: Vec<String> = (0..15_000)
            .map(|i| format!("({i},'Ravi {i}; -- /* not a comment','line\\none;\\n{}')", "x".repeat(i % 400)))
            .collect();
        let insert = format!("INSERT INTO `t` VALUES {};\n", tuples.join(","));
        assert!(insert.len() > 3 * READ_BLOCK);
        let dump = format!(
            "CREATE TABLE `t` (`id` int, `name` text, `note` text);\n{insert}INSERT INTO `t` VALUES (1,'a');\n"
        );
        let pieces = items(&dump);
        let joined: Vec<u8> = pieces.iter().flat_map(|i| raw_of(i).to_vec()).collect();
        assert_eq!(joined, dump.as_bytes());
        assert_eq!(pieces.len(), 2 + insert.len().div_ceil(PIECE_BYTES));
        let piece_texts: Vec<String> = pieces[1..pieces.len() - 1]
            .iter()
            .flat_map(|i| match i {
                SqlItem::Insert { raw, literals, .. } => strings(raw, literals),
                other => panic!("{other:?}"),
            })
            .collect();
        let got = items_in_pieces(&dump, usize::MAX);
        let joined: Vec<u8> = got.iter().flat_map(|i| raw_of(i).to_vec()).collect();
        assert_eq!(joined, dump.as_bytes());
        assert_eq!(got.len(), 3);
        match &got[1] {
            SqlItem::Insert { raw, literals, .. } => {
                assert_eq!(raw.len(), insert.len());
                assert_eq!(literals.len(), 45_000);
                assert_eq!(literals.last().map(|l| l.row), Some(14_999));
                let texts = strings(raw, literals);
                assert_eq!(texts.len(), 30_000);
                assert_eq!(texts[2 * 7_999], "Ravi 7999; -- /* not a comment");
                assert_eq!(texts[2 * 7_999 + 1], format!("line\none;\n{}", "x".repeat(7_999 % 400)));
                assert_eq!(piece_texts, texts);
            }
            other => panic!("{other:?}"),
        }
    }

    /// pg_dump `--column-inserts`: a column list repeated in every statement is read once and
    /// given to each; a list that differs, even by one name's end or order, is read anew.
    #[test]
    fn repeated_column_lists_are_read_once_and_changed_ones_again() {
        let dump = "INSERT INTO public.t (id, name, mobile) VALUES (1, 'a', '9876543210');\n\
                    INSERT INTO public.t (id, name, mobile) VALUES (2, 'b', '9123456789');\n\
                    INSERT INTO public.t (id, mobile, name) VALUES (3, '9012345678', 'c');\n\
                    INSERT INTO public.t (id, name, mobile_no) VALUES (4, 'd', '9988776655');\n\
                    INSERT INTO public.u (\"id\", \"Name\") VALUES (5, 'e');\n\
                    INSERT INTO public.t (id, name, mobile) VALUES (6, 'f', '9876501234');\n";
        let lists: Vec<Vec<String>> = items(dump)
            .into_iter()
            .filter_map(|i| match i {
                SqlItem::Insert { columns, .. } => columns.map(|c| c.to_vec()),
                _ => None,
            })
            .collect();
        let want: [&[&str]; 6] = [
            &["id", "name", "mobile"],
            &["id", "name", "mobile"],
            &["id", "mobile", "name"],
            &["id", "name", "mobile_no"],
            &["id", "Name"],
            &["id", "name", "mobile"],
        ];
        assert_eq!(lists, want.map(|l| l.iter().map(|c| c.to_string()).collect::<Vec<_>>()));
    }

    fn strings(raw: &[u8], literals: &[Literal]) -> Vec<String> {
        literals.iter().filter_map(|l| decode_string(&raw[l.start..l.end], l.kind)).collect()
    }

    /// mysqldump `--replace` and `--insert-ignore`, MySQL's modifiers, optional `INTO` and
    /// `VALUE`, strings in double quotes; pg_dump's `OVERRIDING SYSTEM VALUE`: all rows.
    #[test]
    fn every_form_of_insert_is_read_as_rows() {
        let mysql = "-- MySQL dump 10.13\nREPLACE INTO `t` (`id`,`name`) VALUES (1,'Sita O\\'Brien'),(2,'Abdul Karim');\nINSERT IGNORE INTO `t` VALUES (3,'Ravi');\nINSERT LOW_PRIORITY IGNORE t VALUE (4,\"Priya \\\"Pinky\\\" Nair\");\nREPLACE DELAYED INTO t VALUES (5,\"it's\");\n";
        let it = items(mysql);
        assert_eq!(it.iter().flat_map(|i| raw_of(i).to_vec()).collect::<Vec<u8>>(), mysql.as_bytes());
        let rows: Vec<Vec<String>> = it
            .iter()
            .filter_map(|i| match i {
                SqlItem::Insert { raw, literals, table, .. } => {
                    assert_eq!(table, "t");
                    Some(strings(raw, literals))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            rows,
            [vec!["Sita O'Brien", "Abdul Karim"], vec!["Ravi"], vec!["Priya \"Pinky\" Nair"], vec!["it's"]]
        );
        // A new value is written in single quotes in place of the double-quoted one.
        let SqlItem::Insert { raw, literals, .. } = &it[2] else { panic!("{:?}", it[2]) };
        let l = literals[1];
        assert_eq!(encode_string(&raw[l.start..l.end], l.kind, "P**** N***"), b"'P**** N***'");
        let pg = "-- PostgreSQL database dump\nINSERT INTO public.t (id, name) OVERRIDING SYSTEM VALUE VALUES (1, 'Kamla Devi');\n";
        let it = items(pg);
        let SqlItem::Insert { raw, literals, .. } = &it[0] else { panic!("{:?}", it[0]) };
        assert_eq!(strings(raw, literals), ["Kamla Devi"]);
    }

    /// An upsert's literals after the tuples (`ON DUPLICATE KEY UPDATE`, `ON CONFLICT ... DO
    /// UPDATE SET`) are kept apart from the rows, to be searched as free text; MySQL 8's
    /// `VALUES ROW(...)` is no tuple: its strings are all trailing.
    #[test]
    fn an_upserts_literals_after_the_tuples_are_trailing() {
        let mysql = "-- MySQL dump 10.13\nINSERT INTO t (id,name,mobile) VALUES (1,'Ramesh Kumar','9876543210'),(2,'Sita','') ON DUPLICATE KEY UPDATE name='Sita Devi', mobile=\"8765432109\";\nINSERT INTO t VALUES ROW(3,'Kamla Devi');\n";
        let it = items(mysql);
        let SqlItem::Insert { raw, literals, trailing, .. } = &it[0] else { panic!("{:?}", it[0]) };
        assert_eq!(strings(raw, literals), ["Ramesh Kumar", "9876543210", "Sita", ""]);
        assert_eq!(strings(raw, trailing), ["Sita Devi", "8765432109"]);
        assert!(trailing[0].start > literals.last().unwrap().end);
        let SqlItem::Insert { raw, literals, trailing, .. } = &it[1] else { panic!("{:?}", it[1]) };
        assert!(literals.is_empty());
        assert_eq!(strings(raw, trailing), ["Kamla Devi"]);
        let pg = "-- PostgreSQL database dump\nINSERT INTO public.t (id, name) VALUES (1, 'Kamla Devi') ON CONFLICT (id) DO UPDATE SET name = 'Kamla D. Rao', note = E'call 9876543210';\nINSERT INTO public.t VALUES (2, 'x') ON CONFLICT DO NOTHING;\n";
        let it = items(pg);
        let SqlItem::Insert { raw, literals, trailing, .. } = &it[0] else { panic!("{:?}", it[0]) };
        assert_eq!(strings(raw, literals), ["Kamla Devi"]);
        assert_eq!(strings(raw, trailing), ["Kamla D. Rao", "call 9876543210"]);
        let SqlItem::Insert { trailing, .. } = &it[1] else { panic!("{:?}", it[1]) };
        assert!(trailing.is_empty());
    }

    proptest::proptest! {
        /// Whatever the statement, its string literals lie inside it, in order, apart, each
        /// starting at a quote (or `E` and a quote) and ending at one, and decode.
        #[test]
        fn string_literals_are_quoted_spans_in_order(atoms in proptest::collection::vec(proptest::sample::select(vec!["'", "\"", "`", "\\", "E", "x", "_binary", "--", "/*", "*/", "\n", ";", "a", " ", "''", "र"]), 0..30), mysql in proptest::bool::ANY) {
            let text = format!("UPDATE t SET a={}", atoms.concat());
            let d = if mysql { SqlDialect::MySql } else { SqlDialect::Postgres };
            let lits = string_literals(text.as_bytes(), 0, d);
            let mut pos = 0;
            for l in &lits {
                proptest::prop_assert!(l.start >= pos && l.start < l.end && l.end <= text.len());
                let LiteralKind::Str { prefix, .. } = l.kind else { panic!("{l:?}") };
                let body = &text.as_bytes()[l.start + prefix as usize..l.end];
                proptest::prop_assert!(matches!(body[0], b'\'' | b'"') && body[body.len() - 1] == body[0] && body.len() >= 2);
                proptest::prop_assert!(decode_string(&text.as_bytes()[l.start..l.end], l.kind).is_some());
                pos = l.end;
            }
        }
    }

    /// Statements that write data but are no `INSERT ... VALUES` hand their string literals to
    /// be searched; quoted names, hex and `_binary` strings and comments are no literals.
    #[test]
    fn other_data_statements_give_their_string_literals() {
        let mysql = "-- MySQL dump 10.13\nUPDATE `owners` SET `name`='Ramesh Kumar', `note`=\"call 9876543210\" WHERE id=1; -- 'not this'\nINSERT INTO t SET name='Sita', photo=_binary'x\\0', hash=x'AB';\nSET NAMES 'utf8mb4';\n";
        let it = items(mysql);
        assert_eq!(it.iter().flat_map(|i| raw_of(i).to_vec()).collect::<Vec<u8>>(), mysql.as_bytes());
        let SqlItem::Statement { raw, literals } = &it[0] else { panic!("{:?}", it[0]) };
        assert_eq!(strings(raw, literals), ["Ramesh Kumar", "call 9876543210"]);
        let SqlItem::Statement { raw, literals } = &it[1] else { panic!("{:?}", it[1]) };
        assert_eq!(strings(raw, literals), ["Sita"]);
        assert!(matches!(it[2], SqlItem::Raw(_)), "{:?}", it[2]);
        let pg = "-- PostgreSQL database dump\nUPDATE public.\"owners\" SET name = E'O\\'Brien' WHERE mobile = '9876543210';\n";
        let it = items(pg);
        let SqlItem::Statement { raw, literals } = &it[0] else { panic!("{:?}", it[0]) };
        assert_eq!(strings(raw, literals), ["O'Brien", "9876543210"]);
    }

    #[test]
    fn mysql_insert_literals() {
        let dump = "/*!40101 SET NAMES utf8mb4 */;\nCREATE TABLE `owners` (\n  `id` int NOT NULL,\n  `name` varchar(64) DEFAULT NULL,\n  `mobile` bigint DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\nINSERT INTO `owners` VALUES (1,'Ram\\'s; \\\\ \\n',9876543210),(2,NULL,_binary 'x\\0'),(3,'a''b',0x1F);\n";
        let it = items(dump);
        assert_eq!(it.iter().flat_map(|i| raw_of(i).to_vec()).collect::<Vec<u8>>(), dump.as_bytes());
        let SqlItem::CreateTable { table, columns, .. } = &it[1] else { panic!("{:?}", it[1]) };
        assert_eq!(table, "owners");
        assert_eq!(
            columns,
            &vec![
                ("id".into(), "int".into()),
                ("name".into(), "varchar(64)".into()),
                ("mobile".into(), "bigint".into())
            ]
        );
        let SqlItem::Insert { raw, literals, .. } = &it[2] else { panic!() };
        let kinds: Vec<_> = literals.iter().map(|l| (l.row, l.col, l.kind)).collect();
        assert_eq!(kinds.len(), 9);
        let name = literals[1];
        assert_eq!(decode_string(&raw[name.start..name.end], name.kind).unwrap(), "Ram's; \\ \n");
        assert_eq!(literals[2].kind, LiteralKind::Number);
        assert_eq!(literals[5].kind, LiteralKind::Binary);
        assert_eq!(decode_string(&raw[literals[7].start..literals[7].end], literals[7].kind).unwrap(), "a'b");
        assert_eq!(literals[8].kind, LiteralKind::Binary);
    }

    #[test]
    fn postgres_copy_and_inserts() {
        let dump = "-- PostgreSQL database dump\n\\restrict abc\nSET client_encoding = 'UTF8';\nCOPY public.eg_user (id, name, mobile) FROM stdin;\n1\tRamesh\\tK\t9876543210\n2\t\\N\t\\N\n\\.\nINSERT INTO public.eg_user (id, name) VALUES (3, E'O\\'Brien'), (4, 'it''s');\n";
        let it = items(dump);
        assert_eq!(it.iter().flat_map(|i| raw_of(i).to_vec()).collect::<Vec<u8>>(), dump.as_bytes());
        let copy = it.iter().position(|i| matches!(i, SqlItem::CopyStart { .. })).unwrap();
        assert!(
            matches!(&it[copy], SqlItem::CopyStart { table, columns, .. } if table == "eg_user" && columns.len() == 3)
        );
        let SqlItem::CopyRow(row) = &it[copy + 1] else { panic!() };
        let f = copy_fields(row);
        assert_eq!(decode_copy_field(&row[f[1].0..f[1].1]).unwrap(), "Ramesh\tK");
        let SqlItem::Insert { raw, literals, columns, .. } =
            it.iter().find(|i| matches!(i, SqlItem::Insert { .. })).unwrap()
        else {
            panic!()
        };
        assert_eq!(columns.as_deref(), Some(&["id".to_string(), "name".to_string()][..]));
        assert_eq!(decode_string(&raw[literals[1].start..literals[1].end], literals[1].kind).unwrap(), "O'Brien");
        assert_eq!(decode_string(&raw[literals[3].start..literals[3].end], literals[3].kind).unwrap(), "it's");
    }

    #[test]
    fn encoding_round_trips_for_any_text() {
        // Every byte that needs an escape, in every position, in both escape styles.
        let atoms = ["a", "'", "\\", "\n", "\r", "\0", "\u{1a}", "\t", "ā", "ऱ", "''", "\\'", " "];
        let mut seed = 7u64;
        for _ in 0..4000 {
            let mut value = String::new();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                value.push_str(atoms[(seed >> 33) as usize % atoms.len()]);
            }
            for escapes in [Escapes::Standard, Escapes::Backslash] {
                let k = LiteralKind::Str { prefix: 1, escapes };
                let lit = encode_string(b"E'x'::text", k, &value);
                assert_eq!(lit, reference_encode(b"E'x'::text", k, &value), "{value:?}");
                assert_eq!(decode_string(&lit, k).as_deref(), Some(value.as_str()), "{value:?}");
            }
        }
    }

    /// The byte-by-byte encoder that `encode_string`'s run copies replaced.
    fn reference_encode(original: &[u8], kind: LiteralKind, value: &str) -> Vec<u8> {
        let LiteralKind::Str { prefix, escapes } = kind else { unreachable!() };
        let mut out = original[..prefix as usize].to_vec();
        out.push(b'\'');
        for &b in value.as_bytes() {
            match escaped(b, escapes) {
                Some(escape) => out.extend_from_slice(escape),
                None => out.push(b),
            }
        }
        out.push(b'\'');
        let close = original.iter().rposition(|&c| c == b'\'').unwrap_or(original.len().saturating_sub(1));
        out.extend_from_slice(&original[(close + 1).min(original.len())..]);
        out
    }

    #[test]
    fn encoding_round_trips() {
        let k = LiteralKind::Str { prefix: 0, escapes: Escapes::Backslash };
        let lit = encode_string(b"'x'", k, "a'b\\c\n");
        assert_eq!(lit, b"'a\\'b\\\\c\\n'");
        assert_eq!(decode_string(&lit, k).unwrap(), "a'b\\c\n");
        // Every escape written as MySQL and PostgreSQL read it.
        let lit = encode_string(b"'x'", k, "'\\\n\r\0\u{1a}\t");
        assert_eq!(lit, b"'\\'\\\\\\n\\r\\0\\Z\t'");
        let standard = LiteralKind::Str { prefix: 0, escapes: Escapes::Standard };
        assert_eq!(encode_string(b"'x'", standard, "it's \\n"), b"'it''s \\n'");
        assert_eq!(numeric_mask("9876543210", "******3210"), "0000003210");
        assert_eq!(numeric_mask("919876543210", "<MOBILE>"), "000000000000");
        assert_eq!(temporal_mask("1985-03-12", "****-**-**"), "1900-01-01");
        assert_eq!(temporal_mask("1985-03-12 14:22:01.5+05:30", "<DOB>"), "1900-01-01 00:00:00.0+00:00");
        assert_eq!(temporal_mask("14:22:01", "**:**:**"), "00:00:00");
        // A date token or fake keeps its value.
        assert_eq!(temporal_mask("1985-03-12", "1979-11-30"), "1979-11-30");
    }

    /// The numeric mask that collected characters, reversed them and padded one zero at a time.
    fn reference_numeric_mask(original: &str, masked: &str) -> String {
        let digits: String =
            masked.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { c } else { '0' }).collect();
        let sign = if original.starts_with('-') { "-" } else { "" };
        let width = original.len() - sign.len();
        let mut d: String = digits.chars().rev().take(width).collect::<Vec<_>>().into_iter().rev().collect();
        while d.len() < width {
            d.insert(0, '0');
        }
        format!("{sign}{d}")
    }

    proptest::proptest! {
        #[test]
        fn numeric_masks_keep_the_width_and_the_last_digits(
            original in "-?[0-9]{1,20}",
            masked in "[0-9* <>A-Zा-ौ\t-]{0,24}",
        ) {
            let written = numeric_mask(&original, &masked);
            proptest::prop_assert_eq!(&written, &reference_numeric_mask(&original, &masked));
            proptest::prop_assert_eq!(written.len(), original.len());
        }

        #[test]
        fn borrowed_values_read_as_decoded_ones(
            value in "[a-zA-Z0-9 '\\\n\tा-ौ\u{F780}]{0,20}",
            backslash in proptest::bool::ANY,
            stray in proptest::option::of(0x80u8..0xff),
        ) {
            let escapes = if backslash { Escapes::Backslash } else { Escapes::Standard };
            let k = LiteralKind::Str { prefix: 0, escapes };
            let mut lit = encode_string(b"'x'", k, &value);
            if let Some(b) = stray {
                // A byte that is not UTF-8 inside the quotes.
                lit.insert(1, b);
            }
            let decoded = decode_string(&lit, k);
            if let Some(checked) = checked_text(&lit) {
                let text = str_text(checked, k);
                proptest::prop_assert_eq!(text.as_deref(), decoded.as_deref());
                if !value.contains(['\'', '\\', '\n', '\u{F780}']) {
                    // Nothing to undo: the value is read in place.
                    proptest::prop_assert!(matches!(text, Some(Cow::Borrowed(_))));
                }
            }
            let mut field = Vec::new();
            encode_copy_field(&value, &mut field);
            if let Some(b) = stray {
                field.push(b);
            }
            let decoded = decode_copy_field(&field);
            if let Some(checked) = checked_text(&field) {
                let text = copy_str_text(checked);
                proptest::prop_assert_eq!(text.as_deref(), decoded.as_deref());
            }
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_values_and_written_back() {
        // A latin1 row in a utf8 dump: `José`, `owner’s` in Windows-1252.
        let k = LiteralKind::Str { prefix: 0, escapes: Escapes::Backslash };
        let raw = b"'Jos\xe9 owner\x92s mob 9876543210'";
        let value = decode_string(raw, k).expect("a value");
        assert!(value.contains("mob 9876543210"), "{value}");
        assert_eq!(encode_string(raw, k, &value), raw);
        // A masked value keeps the stray byte it did not mask.
        let masked = value.replace("9876543210", "******3210");
        assert_eq!(encode_string(raw, k, &masked), b"'Jos\xe9 owner\x92s mob ******3210'");
        let field = b"Jos\xe9\\t";
        let value = decode_copy_field(field).expect("not NULL");
        let mut back = Vec::new();
        encode_copy_field(&value, &mut back);
        assert_eq!(back, field);
    }

    #[test]
    fn unterminated_string_and_copy_are_errors() {
        for dump in ["INSERT INTO t VALUES ('abc);\n", "COPY public.t (a) FROM stdin;\n1\n2\n"] {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("d.sql");
            std::fs::write(&p, dump).unwrap();
            let mut r = SqlReader::open(p.to_str().unwrap()).unwrap();
            let mut err = None;
            loop {
                match r.next_item() {
                    Ok(Some(_)) => continue,
                    Ok(None) => break,
                    Err(e) => {
                        err = Some(e.to_string());
                        break;
                    }
                }
            }
            let e = err.expect("an error");
            assert!(e.contains("d.sql:"), "{e}");
        }
    }
}
