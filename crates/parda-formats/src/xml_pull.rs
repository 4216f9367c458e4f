//! A small pull reader for the XML parts of an `.xlsx` file, with a buffer refilled from the
//! (inflating) source, so memory stays bounded by the largest single tag or text run. It knows
//! the little of XML these parts use: elements and their attributes, text with entities and
//! character references, CDATA; comments, processing instructions and declarations are skipped.
//! An empty element `<c/>` reads as a start and an end, as quick-xml's `expand_empty_elements`.

use memchr::{memchr, memchr2, memmem};
use std::io::Read;

/// Bytes read from the source at a time.
const CHUNK: usize = 1 << 16;

/// A byte range of the reader's buffer, valid until the next call to [`XmlPull::next`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Span {
    start: usize,
    end: usize,
}

/// What the next piece of the document is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tok {
    /// `<name attrs>` (or `<name attrs/>`, which is followed by its `End`).
    Start { name: Span, attrs: Span },
    /// `</name>`.
    End { name: Span },
    /// Text between tags, raw (entities not yet resolved).
    Text(Span),
    /// The content of a CDATA section (taken as it is).
    CData(Span),
    /// The end of the document.
    Eof,
}

/// A malformed part: what is wrong (never the text of a cell).
#[derive(Debug)]
pub(crate) struct XmlError(pub String);

impl From<std::io::Error> for XmlError {
    fn from(e: std::io::Error) -> Self {
        XmlError(format!("cannot read: {e}"))
    }
}

/// Pulls tokens from an XML source.
pub(crate) struct XmlPull<R> {
    src: R,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    /// Whether an empty element was just returned as a start: its end comes next.
    pending_end: bool,
    /// That element's name (a copy: the buffer may be refilled before its end is read).
    pending_name: Vec<u8>,
}

impl<R: Read> XmlPull<R> {
    /// A reader over `src`.
    pub(crate) fn new(src: R) -> XmlPull<R> {
        XmlPull {
            src,
            buf: Vec::with_capacity(2 * CHUNK),
            pos: 0,
            eof: false,
            pending_end: false,
            pending_name: Vec::new(),
        }
    }

    /// A reader over `bytes`, the whole document (nothing is read from `src`).
    pub(crate) fn over_bytes(src: R, bytes: Vec<u8>) -> XmlPull<R> {
        XmlPull { src, buf: bytes, pos: 0, eof: true, pending_end: false, pending_name: Vec::new() }
    }

    /// The bytes of a span from the last token.
    pub(crate) fn bytes(&self, span: Span) -> &[u8] {
        if span.start == usize::MAX {
            return &self.pending_name;
        }
        &self.buf[span.start..span.end]
    }

    /// Reads more of the source; false at its end.
    fn fill(&mut self) -> Result<bool, XmlError> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 && self.pos * 2 >= self.buf.len() {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let old = self.buf.len();
        self.buf.resize(old + CHUNK, 0);
        let n = loop {
            match self.src.read(&mut self.buf[old..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(e.into());
                }
            }
        };
        self.buf.truncate(old + n);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// The next token.
    pub(crate) fn next(&mut self) -> Result<Tok, XmlError> {
        if std::mem::take(&mut self.pending_end) {
            return Ok(Tok::End { name: Span { start: usize::MAX, end: usize::MAX } });
        }
        loop {
            let avail = &self.buf[self.pos..];
            if avail.is_empty() {
                if !self.fill()? {
                    return Ok(Tok::Eof);
                }
                continue;
            }
            if avail[0] != b'<' {
                match memchr(b'<', avail) {
                    Some(k) => {
                        let span = Span { start: self.pos, end: self.pos + k };
                        self.pos += k;
                        return Ok(Tok::Text(span));
                    }
                    None if self.eof => {
                        let span = Span { start: self.pos, end: self.buf.len() };
                        self.pos = self.buf.len();
                        return Ok(Tok::Text(span));
                    }
                    None => {
                        self.fill()?;
                        continue;
                    }
                }
            }
            // Markup: make sure its opening is whole before telling the kinds apart.
            if avail.len() < 9 && !self.eof {
                self.fill()?;
                continue;
            }
            let (open, close): (&[u8], &[u8]) = if avail.starts_with(b"<!--") {
                (b"<!--", b"-->")
            } else if avail.starts_with(b"<![CDATA[") {
                (b"<![CDATA[", b"]]>")
            } else if avail.starts_with(b"<?") {
                (b"<?", b"?>")
            } else if avail.starts_with(b"<!") {
                (b"<!", b">")
            } else {
                (b"", b"")
            };
            if !open.is_empty() {
                let Some(k) = memmem::find(&avail[open.len()..], close) else {
                    if !self.fill()? {
                        return Err(XmlError("the part ends inside a comment, CDATA section or declaration".into()));
                    }
                    continue;
                };
                let (start, end) = (self.pos + open.len(), self.pos + open.len() + k);
                self.pos = end + close.len();
                if open == b"<![CDATA[" {
                    return Ok(Tok::CData(Span { start, end }));
                }
                continue;
            }
            let Some(k) = tag_end(avail) else {
                if !self.fill()? {
                    return Err(XmlError("the part ends inside a tag".into()));
                }
                continue;
            };
            let (start, end) = (self.pos + 1, self.pos + k);
            self.pos += k + 1;
            let inner = &self.buf[start..end];
            if inner.first() == Some(&b'/') {
                let name = trim_span(&self.buf, start + 1, end);
                return Ok(Tok::End { name });
            }
            let empty = inner.last() == Some(&b'/');
            let inner_end = if empty { end - 1 } else { end };
            let name_len =
                self.buf[start..inner_end].iter().position(|b| b.is_ascii_whitespace()).unwrap_or(inner_end - start);
            let name = Span { start, end: start + name_len };
            if empty {
                self.pending_end = true;
                self.pending_name.clear();
                self.pending_name.extend_from_slice(&self.buf[name.start..name.end]);
            }
            return Ok(Tok::Start { name, attrs: Span { start: start + name_len, end: inner_end } });
        }
    }

    /// The common shape of an element read without tokens: when the document continues with
    /// `open`, text without markup, references or carriage returns, then `close`, all in the
    /// buffer already, the text's span, the reader moved past `close`. `None`, the reader
    /// unmoved, otherwise (the caller then reads the tokens).
    pub(crate) fn simple_element(&mut self, open: &[u8], close: &[u8]) -> Option<Span> {
        if self.pending_end {
            return None;
        }
        let rest = self.buf[self.pos..].strip_prefix(open)?;
        let lt = memchr(b'<', rest)?;
        if memchr2(b'&', b'\r', &rest[..lt]).is_some() || !rest[lt..].starts_with(close) {
            return None;
        }
        let start = self.pos + open.len();
        self.pos = start + lt + close.len();
        Some(Span { start, end: start + lt })
    }

    /// The raw bytes from the reader's position through the first `close` that ends at least
    /// `min` bytes on (through the last `close` when the source ends first), without moving
    /// the reader; `None` when no `close` comes within `max` bytes, or an empty element's end
    /// is still to be returned.
    pub(crate) fn peek_through(&mut self, close: &[u8], min: usize, max: usize) -> Result<Option<&[u8]>, XmlError> {
        if self.pending_end {
            return Ok(None);
        }
        // Where in the buffered bytes (from the reader's position) the search goes on.
        let mut from = min.saturating_sub(close.len());
        let end = loop {
            let avail = &self.buf[self.pos..];
            if let Some(k) = avail.get(from..).and_then(|rest| memmem::find(rest, close)) {
                break Some(from + k + close.len());
            }
            from = from.max((avail.len() + 1).saturating_sub(close.len()));
            if avail.len() >= max || !self.fill()? {
                break memmem::rfind(&self.buf[self.pos..], close).map(|k| k + close.len());
            }
        };
        Ok(end.map(|end| &self.buf[self.pos..self.pos + end]))
    }

    /// Moves the reader past `n` bytes seen with [`XmlPull::peek_through`].
    pub(crate) fn advance(&mut self, n: usize) {
        debug_assert!(self.pos + n <= self.buf.len());
        self.pos += n;
    }

    /// Appends the text of the element just started (its text and CDATA, entities resolved,
    /// line ends as XML reads them) to `out`, up to and including its end tag.
    pub(crate) fn read_text(&mut self, out: &mut String) -> Result<(), XmlError> {
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Tok::Text(s) => push_text(self.bytes(s), out)?,
                Tok::CData(s) => push_cdata(self.bytes(s), out)?,
                Tok::Start { .. } => depth += 1,
                Tok::End { .. } if depth == 0 => return Ok(()),
                Tok::End { .. } => depth -= 1,
                Tok::Eof => return Err(XmlError("the part ends inside an element".into())),
            }
        }
    }

    /// Skips the rest of the element just started, up to and including its end tag.
    pub(crate) fn skip_element(&mut self) -> Result<(), XmlError> {
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Tok::Start { .. } => depth += 1,
                Tok::End { .. } if depth == 0 => return Ok(()),
                Tok::End { .. } => depth -= 1,
                Tok::Eof => return Err(XmlError("the part ends inside an element".into())),
                _ => {}
            }
        }
    }
}

/// Where the tag that opens `avail` closes: the first `>` outside a quoted attribute value.
pub(crate) fn tag_end(avail: &[u8]) -> Option<usize> {
    // Tags are short: a byte loop beats a vector search's set-up.
    let mut quote = None;
    for (k, &b) in avail.iter().enumerate().skip(1) {
        match (quote, b) {
            (None, b'>') => return Some(k),
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            _ => {}
        }
    }
    None
}

fn trim_span(buf: &[u8], mut start: usize, mut end: usize) -> Span {
    while start < end && buf[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && buf[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    Span { start, end }
}

/// The local part of a qualified name (`x:c` -> `c`).
pub(crate) fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|&b| b == b':') {
        Some(k) => &name[k + 1..],
        None => name,
    }
}

/// The raw value of attribute `key` (compared whole, prefix included) in a tag's attributes.
pub(crate) fn attr<'a>(attrs: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    attributes(attrs).find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// The (name, raw value) pairs of a tag's attributes, in one pass over its bytes (they are
/// short: byte loops beat a vector search's set-up).
pub(crate) fn attributes(attrs: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut i = 0;
    let skip_spaces = |i: &mut usize| {
        while attrs.get(*i).is_some_and(u8::is_ascii_whitespace) {
            *i += 1;
        }
    };
    std::iter::from_fn(move || {
        skip_spaces(&mut i);
        let key_start = i;
        while attrs.get(i).is_some_and(|&b| b != b'=' && !b.is_ascii_whitespace()) {
            i += 1;
        }
        let key = &attrs[key_start..i];
        skip_spaces(&mut i);
        if attrs.get(i) != Some(&b'=') {
            return None;
        }
        i += 1;
        skip_spaces(&mut i);
        let quote = *attrs.get(i).filter(|&&q| q == b'"' || q == b'\'')?;
        let value_start = i + 1;
        let len = attrs[value_start..].iter().position(|&b| b == quote)?;
        i = value_start + len + 1;
        Some((key, &attrs[value_start..value_start + len]))
    })
}

/// Appends raw XML text to `out`: entities and character references resolved, `\r\n` and a
/// lone `\r` read as `\n` (as an XML processor must).
pub(crate) fn push_text(raw: &[u8], out: &mut String) -> Result<(), XmlError> {
    let text = utf8(raw)?;
    if memchr2(b'&', b'\r', raw).is_none() {
        out.push_str(text);
        return Ok(());
    }
    let mut rest = text;
    while let Some(k) = rest.find(['&', '\r']) {
        out.push_str(&rest[..k]);
        if rest.as_bytes()[k] == b'\r' {
            out.push('\n');
            rest = &rest[k + 1..];
            if rest.starts_with('\n') {
                rest = &rest[1..];
            }
            continue;
        }
        let Some(semi) = rest[k..].find(';') else {
            return Err(XmlError("an `&` that starts no entity".into()));
        };
        out.push(entity(&rest[k + 1..k + semi])?);
        rest = &rest[k + semi + 1..];
    }
    out.push_str(rest);
    Ok(())
}

/// Appends a CDATA section's content (line ends as XML reads them).
fn push_cdata(raw: &[u8], out: &mut String) -> Result<(), XmlError> {
    let text = utf8(raw)?;
    if memchr(b'\r', raw).is_none() {
        out.push_str(text);
    } else {
        out.push_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
    }
    Ok(())
}

/// An attribute value with its entities resolved.
pub(crate) fn attr_text(raw: &[u8]) -> Result<String, XmlError> {
    let mut s = String::with_capacity(raw.len());
    push_text(raw, &mut s)?;
    Ok(s)
}

pub(crate) fn utf8(raw: &[u8]) -> Result<&str, XmlError> {
    // A cell's text is short: the standard check's set-up is the smaller there.
    let checked = if raw.len() < 64 { std::str::from_utf8(raw).ok() } else { simdutf8::basic::from_utf8(raw).ok() };
    checked.ok_or_else(|| XmlError("text that is not UTF-8".into()))
}

/// The character an entity or character reference (without `&` and `;`) stands for.
fn entity(name: &str) -> Result<char, XmlError> {
    let c = match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => match name.strip_prefix('#') {
            Some(hex) if hex.starts_with(['x', 'X']) => {
                u32::from_str_radix(&hex[1..], 16).ok().and_then(char::from_u32)
            }
            Some(dec) => dec.parse::<u32>().ok().and_then(char::from_u32),
            None => None,
        },
    };
    // (Not named in the message: an `&` in badly escaped text may start a cell's value.)
    c.ok_or_else(|| XmlError("an unknown entity or character reference".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source that gives at most `.1` bytes a read.
    struct Blocks<'a>(&'a [u8], usize);

    impl Read for Blocks<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(self.1).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// Every token of a document read in blocks of `block` bytes, as text.
    fn tokens(xml: &str, block: usize) -> Vec<String> {
        let mut x = XmlPull::new(Blocks(xml.as_bytes(), block));
        let mut out = Vec::new();
        loop {
            let t = x.next().unwrap();
            let s = |sp| String::from_utf8(x.bytes(sp).to_vec()).unwrap();
            out.push(match t {
                Tok::Start { name, attrs } => format!("<{}|{}>", s(name), s(attrs)),
                Tok::End { name } => format!("</{}>", s(name)),
                Tok::Text(t) => format!("T{}", s(t)),
                Tok::CData(t) => format!("C{}", s(t)),
                Tok::Eof => break,
            });
        }
        out
    }

    #[test]
    fn tokens_whatever_the_blocks() {
        let xml = concat!(
            "<?xml version=\"1.0\"?>\n<x:sheetData a='1>2' b=\"q'\"><!-- a > comment -->",
            "<c r=\"A1\"/><v>1 &amp; 2</v><t><![CDATA[<raw>]]></t></x:sheetData >"
        );
        let want = [
            "T\n",
            "<x:sheetData| a='1>2' b=\"q'\">",
            "<c| r=\"A1\">",
            "</c>",
            "<v|>",
            "T1 &amp; 2",
            "</v>",
            "<t|>",
            "C<raw>",
            "</t>",
            "</x:sheetData>",
        ];
        for block in [1, 2, 3, 7, 64, 1 << 16] {
            assert_eq!(tokens(xml, block), want, "blocks of {block}");
        }
    }

    /// An element read at once, or token by token where the buffer holds only part of it,
    /// gives the same text, and the reader goes on from the same place.
    #[test]
    fn simple_elements_whatever_the_blocks() {
        let xml = b"<c r=\"A1\"><v>12 &gt; 5</v></c><c r=\"A2\"><v>Ravi</v></c><c/><c r=\"A4\"><v>7</v></c><end/>";
        for block in 1..=xml.len() {
            let mut x = XmlPull::new(Blocks(xml, block));
            let mut texts = Vec::new();
            let mut whole = 0;
            loop {
                match x.next().unwrap() {
                    Tok::Start { name, .. } if x.bytes(name) == b"c" => {
                        if let Some(span) = x.simple_element(b"<v>", b"</v></c>") {
                            texts.push(String::from_utf8(x.bytes(span).to_vec()).unwrap());
                            whole += 1;
                        }
                    }
                    Tok::Start { name, .. } if x.bytes(name) == b"v" => {
                        let mut t = String::new();
                        x.read_text(&mut t).unwrap();
                        texts.push(t);
                    }
                    Tok::Start { name, .. } if x.bytes(name) == b"end" => break,
                    Tok::Eof => panic!("read past the end"),
                    _ => {}
                }
            }
            assert_eq!(texts, ["12 > 5", "Ravi", "7"], "blocks of {block}");
            if block >= xml.len() {
                assert_eq!(whole, 2, "the element with a reference is read by tokens");
            }
        }
    }

    #[test]
    fn text_and_attributes() {
        let mut s = String::new();
        push_text(b"a &lt;b&gt; &#x41;&#66; &quot;&apos;\r\nz\rq", &mut s).unwrap();
        assert_eq!(s, "a <b> AB \"'\nz\nq");
        assert!(push_text(b"x &nbsp; y", &mut String::new()).is_err());
        let attrs = b" r=\"B12\" s = '3' t=\"s\" r:id=\"rId1\"";
        assert_eq!(attr(attrs, b"r"), Some(&b"B12"[..]));
        assert_eq!(attr(attrs, b"s"), Some(&b"3"[..]));
        assert_eq!(attr(attrs, b"r:id"), Some(&b"rId1"[..]));
        assert_eq!(attr(attrs, b"id"), None);
        assert_eq!(local(b"x:c"), b"c");
        assert_eq!(attr_text(b"Owners &amp; Co").unwrap(), "Owners & Co");
    }

    #[test]
    fn unterminated_markup_is_an_error() {
        let mut x = XmlPull::new(&b"<a><b attr=\"x"[..]);
        assert!(matches!(x.next(), Ok(Tok::Start { .. })));
        assert!(x.next().is_err());
    }
}
