//! Text encodings: sniffed from the first bytes, decoded to UTF-8 for processing, and encoded
//! back exactly as found (BOM included).

use std::io::{self, Read, Write};

/// The encoding of a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8 {
        /// The file starts with EF BB BF.
        bom: bool,
    },
    /// Windows-1252 (every byte decodes, so the round trip is exact).
    Windows1252,
    /// UTF-16 little-endian (Excel "Unicode text" starts with a BOM; some exports do not).
    Utf16Le {
        /// The file starts with FF FE.
        bom: bool,
    },
    /// UTF-16 big-endian.
    Utf16Be {
        /// The file starts with FE FF.
        bom: bool,
    },
}

impl TextEncoding {
    /// A name for reports.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 { bom: false } => "utf-8",
            TextEncoding::Utf8 { bom: true } => "utf-8-bom",
            TextEncoding::Windows1252 => "windows-1252",
            TextEncoding::Utf16Le { .. } => "utf-16le",
            TextEncoding::Utf16Be { .. } => "utf-16be",
        }
    }

    /// Parses a name given with `--encoding`.
    pub fn from_name(name: &str) -> Option<TextEncoding> {
        Some(match name.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => TextEncoding::Utf8 { bom: false },
            "utf-8-bom" => TextEncoding::Utf8 { bom: true },
            "windows-1252" | "cp1252" | "latin1" | "iso-8859-1" => TextEncoding::Windows1252,
            "utf-16le" | "utf-16" => TextEncoding::Utf16Le { bom: true },
            "utf-16be" => TextEncoding::Utf16Be { bom: true },
            _ => return None,
        })
    }

    /// Sniffs the encoding from the first bytes of a file: a BOM decides; UTF-16 without one
    /// is known by its NUL bytes on one side of each pair; otherwise valid UTF-8 is UTF-8 and
    /// anything else Windows-1252. Returns an error message for binary content.
    pub fn sniff(head: &[u8]) -> Result<TextEncoding, String> {
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            return Ok(TextEncoding::Utf8 { bom: true });
        }
        if head.starts_with(&[0xFF, 0xFE]) {
            return Ok(TextEncoding::Utf16Le { bom: true });
        }
        if head.starts_with(&[0xFE, 0xFF]) {
            return Ok(TextEncoding::Utf16Be { bom: true });
        }
        // A few NUL bytes are stray ones in a text export (a padded field); more than 1 in 100
        // is UTF-16 without a BOM or a binary file (an image, a workbook saved as .csv).
        if memchr::memchr_iter(0, head).count() * 100 > head.len() {
            return utf16_without_bom(head).ok_or_else(|| "binary content (NUL bytes), not a text file".into());
        }
        match std::str::from_utf8(head) {
            Ok(_) => Ok(TextEncoding::Utf8 { bom: false }),
            // A multi-byte character cut at the end of the sample is still UTF-8.
            Err(e) if e.error_len().is_none() => Ok(TextEncoding::Utf8 { bom: false }),
            // More UTF-8 characters than stray bytes: UTF-8 with a few rows in another encoding.
            Err(_) if utf8_majority(head) => Ok(TextEncoding::Utf8 { bom: false }),
            Err(_) => Ok(TextEncoding::Windows1252),
        }
    }

    /// The BOM bytes written at the start of the file.
    pub fn bom(self) -> &'static [u8] {
        match self {
            TextEncoding::Utf8 { bom: true } => &[0xEF, 0xBB, 0xBF],
            TextEncoding::Utf16Le { bom: true } => &[0xFF, 0xFE],
            TextEncoding::Utf16Be { bom: true } => &[0xFE, 0xFF],
            _ => &[],
        }
    }

    /// Wraps `raw` (positioned after the BOM) in a reader that yields UTF-8. In a UTF-8 file,
    /// a byte that is not UTF-8 (a Windows-1252 `’` or `é` in one row of an export) is read as
    /// a private-use character ([`StrayBytes`]) and written back as the byte it was.
    pub fn decoder(self, raw: Box<dyn Read + Send>) -> Box<dyn Read + Send> {
        let enc = match self {
            TextEncoding::Utf8 { .. } => return Box::new(StrayBytes::new(raw)),
            TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
            TextEncoding::Utf16Le { .. } => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be { .. } => encoding_rs::UTF_16BE,
        };
        Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(enc))
                .bom_sniffing(false)
                .strip_bom(false)
                .build(raw),
        )
    }

    /// Whether decoding may have replaced bytes with U+FFFD (so a U+FFFD in decoded text means
    /// the input was not valid in this encoding).
    pub fn replaces_invalid(self) -> bool {
        matches!(self, TextEncoding::Utf16Le { .. } | TextEncoding::Utf16Be { .. })
    }

    /// Encodes UTF-8 text back into this encoding, appending to `out`.
    pub fn encode(self, text: &str, out: &mut Vec<u8>) {
        match self {
            TextEncoding::Utf8 { .. } => out.extend_from_slice(&bytes_with_strays(text.as_bytes())),
            TextEncoding::Windows1252 => {
                let mut enc = encoding_rs::WINDOWS_1252.new_encoder();
                out.reserve(text.len());
                let (mut src, mut buf) = (text, [0u8; 8192]);
                loop {
                    let (res, read, written, _) = enc.encode_from_utf8(src, &mut buf, true);
                    out.extend_from_slice(&buf[..written]);
                    src = &src[read..];
                    if res == encoding_rs::CoderResult::InputEmpty {
                        break;
                    }
                }
            }
            TextEncoding::Utf16Le { .. } => text.encode_utf16().for_each(|u| out.extend_from_slice(&u.to_le_bytes())),
            TextEncoding::Utf16Be { .. } => text.encode_utf16().for_each(|u| out.extend_from_slice(&u.to_be_bytes())),
        }
    }
}

/// UTF-16 without a BOM, read off the NUL bytes: text of Latin letters, digits and punctuation
/// (a CSV's delimiters and line breaks at least) has a NUL in the high byte of most pairs and
/// almost never in the low byte; a binary file has NULs on both sides. Indic text (U+09xx) has
/// no NULs of its own, but its delimiters and digits still give many.
fn utf16_without_bom(head: &[u8]) -> Option<TextEncoding> {
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for p in head.chunks_exact(2) {
        even += usize::from(p[0] == 0);
        odd += usize::from(p[1] == 0);
    }
    // One side at least a quarter NUL, the other under one in a hundred.
    let one_sided = |many: usize, few: usize| many * 4 >= pairs && few * 100 < pairs;
    if one_sided(odd, even) {
        Some(TextEncoding::Utf16Le { bom: false })
    } else if one_sided(even, odd) {
        Some(TextEncoding::Utf16Be { bom: false })
    } else {
        None
    }
}

/// Whether `head` holds more multi-byte UTF-8 characters than bytes that are not UTF-8 (a
/// Windows-1252 file has almost none of the first: its non-ASCII bytes rarely form one).
fn utf8_majority(head: &[u8]) -> bool {
    let (mut chars, mut strays) = (0, 0);
    for chunk in head.utf8_chunks() {
        chars += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        strays += chunk.invalid().len();
    }
    // A character cut by the end of the sample is no stray byte.
    chars > strays - cut_character(head)
}

/// The private-use character that stands for a stray byte (U+F780..=U+F7FF for 0x80..=0xFF).
const STRAY_BASE: u32 = 0xF700;

/// Appends the character that stands for stray byte `b`.
fn push_stray(b: u8, out: &mut Vec<u8>) {
    let c = char::from_u32(STRAY_BASE + u32::from(b)).expect("a private-use character");
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

/// Whether UTF-8 `text` holds a character that stands for a stray byte (EF 9E 80..EF 9F BF).
fn has_stray(text: &[u8]) -> bool {
    memchr::memchr_iter(0xEF, text).any(|i| matches!(text.get(i + 1), Some(0x9E | 0x9F)))
}

/// Appends `text` with every stray-byte character written as its byte again.
fn unescape_strays(text: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while let Some(k) = memchr::memchr(0xEF, &text[i..]) {
        let at = i + k;
        match text.get(at + 1..at + 3) {
            Some(&[b1 @ (0x9E | 0x9F), b2]) => {
                out.extend_from_slice(&text[i..at]);
                // U+F780..U+F7FF: 1110_1111 10_01111x 10_xxxxxx, the byte is the low 7 bits + 0x80.
                out.push(0x80 | ((b1 & 1) << 6) | (b2 & 0x3F));
                i = at + 3;
            }
            _ => {
                out.extend_from_slice(&text[i..=at]);
                i = at + 1;
            }
        }
    }
    out.extend_from_slice(&text[i..]);
}

/// `bytes` as text, each byte that is not part of a UTF-8 character read as the private-use
/// character that [`unescape_strays`] writes back as the byte (as [`StrayBytes`] reads files).
pub(crate) fn text_with_strays(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            let mut out = Vec::with_capacity(bytes.len() + 8);
            push_with_strays(&bytes, &mut out);
            String::from_utf8(out).expect("valid UTF-8 and private-use characters")
        }
    }
}

/// Appends `bytes` to `out` as UTF-8: each byte that is not part of a character as the
/// character that stands for it.
fn push_with_strays(bytes: &[u8], out: &mut Vec<u8>) {
    for chunk in bytes.utf8_chunks() {
        out.extend_from_slice(chunk.valid().as_bytes());
        chunk.invalid().iter().for_each(|&b| push_stray(b, out));
    }
}

/// How many bytes at the end of `bytes` are the start of a character cut short (0 to 3).
fn cut_character(bytes: &[u8]) -> usize {
    let from = bytes.len().saturating_sub(3);
    (from..bytes.len())
        .find(|&i| {
            // Cut short: its lead byte wants more bytes than follow, and all that follow continue it.
            let want = match bytes[i] {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => return false,
            };
            bytes.len() - i < want && std::str::from_utf8(&bytes[i..]).is_err_and(|e| e.error_len().is_none())
        })
        .map_or(0, |i| bytes.len() - i)
}

/// The bytes of UTF-8 `text` with its stray-byte characters written as the bytes they stand
/// for (borrowed when it holds none, as nearly all text does).
pub(crate) fn bytes_with_strays(text: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if has_stray(text) {
        let mut out = Vec::with_capacity(text.len());
        unescape_strays(text, &mut out);
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Reads a UTF-8 file and yields valid UTF-8: each byte that is not part of a UTF-8 character
/// becomes the private-use character U+F700 + byte, which the text writer writes back as
/// the byte. Untouched text round-trips exactly; a masked stray byte is masked like any
/// character. A character U+F780..U+F7FF that the file itself holds would be written as a
/// byte too (private use, unused by Indian scripts: accepted).
pub struct StrayBytes<R> {
    inner: R,
    /// Bytes read but not yet checked: the start of a character cut by a read.
    carry: Vec<u8>,
    /// Checked text not yet handed out, from `ready_at`.
    ready: Vec<u8>,
    ready_at: usize,
    eof: bool,
}

impl<R: Read> StrayBytes<R> {
    /// Wraps `inner`.
    pub fn new(inner: R) -> StrayBytes<R> {
        StrayBytes { inner, carry: Vec::new(), ready: Vec::new(), ready_at: 0, eof: false }
    }

    /// Reads more and converts it into `ready`; false at the end of the input.
    fn refill(&mut self) -> io::Result<bool> {
        let mut raw = std::mem::take(&mut self.carry);
        let had = raw.len();
        raw.resize(had + 64 * 1024, 0);
        let n = if self.eof { 0 } else { self.inner.read(&mut raw[had..])? };
        raw.truncate(had + n);
        self.eof |= n == 0;
        if raw.is_empty() {
            return Ok(false);
        }
        self.ready.clear();
        self.ready_at = 0;
        // A character cut at the end of this read is finished by the next one.
        let cut = if self.eof { 0 } else { cut_character(&raw) };
        push_with_strays(&raw[..raw.len() - cut], &mut self.ready);
        self.carry.extend_from_slice(&raw[raw.len() - cut..]);
        Ok(true)
    }
}

impl<R: Read> Read for StrayBytes<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.ready_at == self.ready.len() && self.carry.is_empty() && !self.eof {
            // The common case: valid text read straight into `buf`, checked and handed out.
            let n = self.inner.read(buf)?;
            if n == 0 {
                self.eof = true;
                return Ok(0);
            }
            // simdutf8: the same answer as `std::str::from_utf8`, several bytes per
            // instruction (the chunk is checked again, by the standard library, when cut).
            match simdutf8::compat::from_utf8(&buf[..n]) {
                Ok(_) => return Ok(n),
                Err(e) => {
                    let valid = e.valid_up_to();
                    self.carry.extend_from_slice(&buf[valid..n]);
                    if valid > 0 {
                        return Ok(valid);
                    }
                }
            }
        }
        while self.ready_at == self.ready.len() {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.ready.len() - self.ready_at);
        buf[..n].copy_from_slice(&self.ready[self.ready_at..self.ready_at + n]);
        self.ready_at += n;
        Ok(n)
    }
}

/// Writes UTF-8 text to an inner writer in a given encoding.
pub struct EncodingWriter<W: Write> {
    inner: W,
    encoding: TextEncoding,
    buf: Vec<u8>,
}

impl<W: Write> EncodingWriter<W> {
    /// Wraps `inner`; the BOM is written first.
    pub fn new(mut inner: W, encoding: TextEncoding) -> io::Result<Self> {
        inner.write_all(encoding.bom())?;
        Ok(EncodingWriter { inner, encoding, buf: Vec::new() })
    }

    /// Writes UTF-8 `text` (whole characters only).
    pub fn write_text(&mut self, text: &[u8]) -> io::Result<()> {
        match self.encoding {
            TextEncoding::Utf8 { .. } => self.inner.write_all(&bytes_with_strays(text)),
            enc => {
                let s = std::str::from_utf8(text).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                self.buf.clear();
                enc.encode(s, &mut self.buf);
                self.inner.write_all(&self.buf)
            }
        }
    }

    /// Returns the inner writer.
    pub fn into_inner(self) -> W {
        self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_round_trips_every_byte() {
        let all: Vec<u8> = (1u8..=255).collect();
        let mut dec = TextEncoding::Windows1252.decoder(Box::new(std::io::Cursor::new(all.clone())));
        let mut text = String::new();
        dec.read_to_string(&mut text).unwrap();
        let mut back = Vec::new();
        TextEncoding::Windows1252.encode(&text, &mut back);
        assert_eq!(back, all);
    }

    /// Hands out at most `step` bytes per read, to cut characters between reads.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn through_stray_bytes(bytes: &[u8], step: usize) -> String {
        let mut text = String::new();
        StrayBytes::new(Trickle(bytes, step)).read_to_string(&mut text).expect("valid UTF-8 out");
        text
    }

    #[test]
    fn stray_bytes_in_utf8_are_read_as_characters_and_written_back() {
        let file = "1,सुनीता देवी,ok\r\n2,Jos\u{e9} D\u{2019}Souza,caf\u{e9}\r\n".replace('\u{e9}', "\u{FFFF}");
        // The Windows-1252 bytes of é and ’ in an otherwise UTF-8 file.
        let bytes: Vec<u8> = file.replace('\u{FFFF}', "\u{1}").replace('\u{2019}', "\u{2}").into_bytes();
        let bytes: Vec<u8> = bytes
            .iter()
            .map(|&b| match b {
                1 => 0xE9,
                2 => 0x92,
                b => b,
            })
            .collect();
        for step in [1, 2, 3, 7, 64 * 1024] {
            let text = through_stray_bytes(&bytes, step);
            assert!(text.contains("सुनीता देवी"), "{text}");
            assert!(text.contains("Jos\u{F7E9} D\u{F792}Souza"), "{text}");
            let mut back = Vec::new();
            TextEncoding::Utf8 { bom: false }.encode(&text, &mut back);
            assert_eq!(back, bytes, "step {step}");
        }
        // A character cut by the end of the file is stray bytes too.
        let cut = &"ab\u{0915}".as_bytes()[..4];
        let text = through_stray_bytes(cut, 1);
        let mut back = Vec::new();
        TextEncoding::Utf8 { bom: false }.encode(&text, &mut back);
        assert_eq!(back, cut);
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_round_trip_through_utf8(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            step in 1usize..40,
        ) {
            // A file's own U+F780..U+F7FF would be written as bytes (documented): left out.
            let own = String::from_utf8_lossy(&bytes).chars().any(|c| ('\u{F780}'..='\u{F7FF}').contains(&c));
            proptest::prop_assume!(!own);
            let text = through_stray_bytes(&bytes, step);
            let mut back = Vec::new();
            TextEncoding::Utf8 { bom: false }.encode(&text, &mut back);
            proptest::prop_assert_eq!(back, bytes);
        }
    }

    #[test]
    fn sniffing() {
        assert_eq!(TextEncoding::sniff(b"a,b\n").unwrap(), TextEncoding::Utf8 { bom: false });
        assert_eq!(TextEncoding::sniff(b"\xEF\xBB\xBFa").unwrap(), TextEncoding::Utf8 { bom: true });
        assert_eq!(TextEncoding::sniff(b"\xFF\xFEa\0").unwrap(), TextEncoding::Utf16Le { bom: true });
        // UTF-16 without a BOM: Latin and Devanagari text, either byte order.
        let text = "Name,Mobile\r\nसुनीता शर्मा,9123456780\r\nRam Lal,9876543210\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(TextEncoding::sniff(&le).unwrap(), TextEncoding::Utf16Le { bom: false });
        assert_eq!(TextEncoding::sniff(&be).unwrap(), TextEncoding::Utf16Be { bom: false });
        // NULs on both sides of the pairs: binary.
        assert!(TextEncoding::sniff(&[0u8, 0, 1, 0, 0, 7, 0, 0, 9, 9, 0, 0]).is_err());
        assert_eq!(TextEncoding::sniff(b"caf\xE9,1\n").unwrap(), TextEncoding::Windows1252);
        // Mostly UTF-8 with a stray Windows-1252 byte: UTF-8.
        let mixed = [&b"caf\xE9,"[..], "सुनीता देवी\n".as_bytes()].concat();
        assert_eq!(TextEncoding::sniff(&mixed).unwrap(), TextEncoding::Utf8 { bom: false });
        assert_eq!(TextEncoding::sniff(b"caf\xE9 na\xEFve \xC3\xA9\n").unwrap(), TextEncoding::Windows1252);
        assert!(TextEncoding::sniff(b"\x89PNG\0\0").is_err());
        // One NUL in a text export's first lines is a stray byte, not a binary file.
        let text: Vec<u8> = [&b"id,name\n1,Ram\0\n"[..], &b"2,Sita,ok\n".repeat(20)].concat();
        assert_eq!(TextEncoding::sniff(&text).unwrap(), TextEncoding::Utf8 { bom: false });
        assert_eq!(
            TextEncoding::sniff("ab\u{0915}".as_bytes()[..4].as_ref()).unwrap(),
            TextEncoding::Utf8 { bom: false }
        );
    }
}
