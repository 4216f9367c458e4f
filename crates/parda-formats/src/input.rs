//! Opening inputs: files (gzip detected by its magic bytes) and standard input.

use crate::error::FormatError;
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};

/// A readable input and whether it was gzip-compressed.
pub struct InputStream {
    /// The decompressed bytes.
    pub reader: Box<dyn Read + Send>,
    /// True when the file was gzip.
    pub gzip: bool,
}

/// Opens `path` (`-` is standard input), decompressing gzip transparently.
pub fn open_input(path: &str) -> Result<InputStream, FormatError> {
    let raw: Box<dyn Read + Send> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(File::open(path).map_err(|e| FormatError::io(path, e))?)
    };
    let mut buffered = BufReader::with_capacity(256 * 1024, raw);
    let head = buffered.fill_buf().map_err(|e| FormatError::io(path, e))?;
    let gzip = head.len() >= 2 && head[0] == 0x1f && head[1] == 0x8b;
    let reader: Box<dyn Read + Send> = if gzip {
        Box::new(BufReader::with_capacity(256 * 1024, MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    };
    Ok(InputStream { reader, gzip })
}

/// Reads from `src` into `buf` until `buf` holds `want` bytes or the input ends (then `eof`
/// is set), a block of `block` bytes at a time, by `read_to_end` on a `take` (which zeroes only
/// the spare capacity it has not initialised before, where resizing with zeros zeroed every
/// block).
pub(crate) fn read_until(
    src: &mut dyn Read,
    buf: &mut Vec<u8>,
    want: usize,
    block: usize,
    eof: &mut bool,
    path: &str,
) -> Result<(), FormatError> {
    while !*eof && buf.len() < want {
        buf.reserve(block);
        // `read_to_end` on a `take` stops at `block` bytes or at the end of the input, and
        // retries interrupted reads itself; fewer than `block` bytes means the end.
        match (&mut *src).take(block as u64).read_to_end(buf) {
            Ok(k) if k < block => *eof = true,
            Ok(_) => {}
            Err(e) => return Err(FormatError::io(path, e)),
        }
    }
    Ok(())
}
