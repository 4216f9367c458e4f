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
