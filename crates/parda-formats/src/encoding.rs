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
    /// UTF-16 little-endian with BOM (Excel "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian with BOM.
    Utf16Be,
}

impl TextEncoding {
    /// A name for reports.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 { bom: false } => "utf-8",
            TextEncoding::Utf8 { bom: true } => "utf-8-bom",
            TextEncoding::Windows1252 => "windows-1252",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
        }
    }

    /// Parses a name given with `--encoding`.
    pub fn from_name(name: &str) -> Option<TextEncoding> {
        Some(match name.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => TextEncoding::Utf8 { bom: false },
            "utf-8-bom" => TextEncoding::Utf8 { bom: true },
            "windows-1252" | "cp1252" | "latin1" | "iso-8859-1" => TextEncoding::Windows1252,
            "utf-16le" | "utf-16" => TextEncoding::Utf16Le,
            "utf-16be" => TextEncoding::Utf16Be,
            _ => return None,
        })
    }

    /// Sniffs the encoding from the first bytes of a file: a BOM decides; otherwise valid UTF-8
    /// is UTF-8 and anything else Windows-1252. Returns an error message for binary content.
    pub fn sniff(head: &[u8]) -> Result<TextEncoding, String> {
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            return Ok(TextEncoding::Utf8 { bom: true });
        }
        if head.starts_with(&[0xFF, 0xFE]) {
            return Ok(TextEncoding::Utf16Le);
        }
        if head.starts_with(&[0xFE, 0xFF]) {
            return Ok(TextEncoding::Utf16Be);
        }
        if head.contains(&0) {
            return Err("binary content (NUL bytes), not a text file".into());
        }
        match std::str::from_utf8(head) {
            Ok(_) => Ok(TextEncoding::Utf8 { bom: false }),
            // A multi-byte character cut at the end of the sample is still UTF-8.
            Err(e) if e.error_len().is_none() => Ok(TextEncoding::Utf8 { bom: false }),
            Err(_) => Ok(TextEncoding::Windows1252),
        }
    }

    /// The BOM bytes written at the start of the file.
    pub fn bom(self) -> &'static [u8] {
        match self {
            TextEncoding::Utf8 { bom: true } => &[0xEF, 0xBB, 0xBF],
            TextEncoding::Utf16Le => &[0xFF, 0xFE],
            TextEncoding::Utf16Be => &[0xFE, 0xFF],
            _ => &[],
        }
    }

    /// Wraps `raw` (positioned after the BOM) in a reader that yields UTF-8.
    pub fn decoder(self, raw: Box<dyn Read + Send>) -> Box<dyn Read + Send> {
        let enc = match self {
            TextEncoding::Utf8 { .. } => return raw,
            TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
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
        matches!(self, TextEncoding::Utf16Le | TextEncoding::Utf16Be)
    }

    /// Encodes UTF-8 text back into this encoding, appending to `out`.
    pub fn encode(self, text: &str, out: &mut Vec<u8>) {
        match self {
            TextEncoding::Utf8 { .. } => out.extend_from_slice(text.as_bytes()),
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
            TextEncoding::Utf16Le => text.encode_utf16().for_each(|u| out.extend_from_slice(&u.to_le_bytes())),
            TextEncoding::Utf16Be => text.encode_utf16().for_each(|u| out.extend_from_slice(&u.to_be_bytes())),
        }
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
            TextEncoding::Utf8 { .. } => self.inner.write_all(text),
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

    #[test]
    fn sniffing() {
        assert_eq!(TextEncoding::sniff(b"a,b\n").unwrap(), TextEncoding::Utf8 { bom: false });
        assert_eq!(TextEncoding::sniff(b"\xEF\xBB\xBFa").unwrap(), TextEncoding::Utf8 { bom: true });
        assert_eq!(TextEncoding::sniff(b"\xFF\xFEa\0").unwrap(), TextEncoding::Utf16Le);
        assert_eq!(TextEncoding::sniff(b"caf\xE9,1\n").unwrap(), TextEncoding::Windows1252);
        assert!(TextEncoding::sniff(b"\x89PNG\0\0").is_err());
        assert_eq!(
            TextEncoding::sniff("ab\u{0915}".as_bytes()[..4].as_ref()).unwrap(),
            TextEncoding::Utf8 { bom: false }
        );
    }
}
