//! Outputs: written to a temporary file in the output folder and renamed into place only when
//! complete, so an interrupted run leaves no partial output under the final name.

use crate::encoding::{EncodingWriter, TextEncoding};
use crate::error::FormatError;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written under a temporary name.
pub struct AtomicOutput {
    tmp: tempfile::NamedTempFile,
    final_path: PathBuf,
}

impl AtomicOutput {
    /// Creates the temporary file next to `final_path` (creating folders as needed).
    pub fn create(final_path: &Path) -> Result<AtomicOutput, FormatError> {
        let shown = final_path.display().to_string();
        let dir = final_path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| FormatError::io(&shown, e))?;
        let tmp = tempfile::Builder::new()
            .prefix(".parda-")
            .suffix(".partial")
            .tempfile_in(dir)
            .map_err(|e| FormatError::io(&shown, e))?;
        Ok(AtomicOutput { tmp, final_path: final_path.to_path_buf() })
    }

    /// The temporary file's path (for writers that open files themselves).
    pub fn temp_path(&self) -> &Path {
        self.tmp.path()
    }

    /// A handle to write to.
    pub fn file(&self) -> Result<File, FormatError> {
        self.tmp.reopen().map_err(|e| FormatError::io(&self.final_path.display().to_string(), e))
    }

    /// Renames the finished file into place.
    pub fn commit(self) -> Result<(), FormatError> {
        let shown = self.final_path.display().to_string();
        self.tmp.as_file().sync_all().map_err(|e| FormatError::io(&shown, e))?;
        // The temporary file is created private (0600); the output is an ordinary file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.tmp.path(), std::fs::Permissions::from_mode(0o644))
                .map_err(|e| FormatError::io(&shown, e))?;
        }
        self.tmp.persist(&self.final_path).map_err(|e| FormatError::io(&shown, e.error))?;
        Ok(())
    }
}

enum Compressed<W: Write> {
    Plain(W),
    Gzip(Box<GzEncoder<W>>),
}

impl<W: Write> Write for Compressed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Compressed::Plain(w) => w.write(buf),
            Compressed::Gzip(w) => w.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Compressed::Plain(w) => w.flush(),
            Compressed::Gzip(w) => w.flush(),
        }
    }
}

/// Writes UTF-8 text in a given encoding, gzip-compressed or not.
pub struct TextSink<W: Write> {
    inner: EncodingWriter<Compressed<BufWriter<W>>>,
}

impl<W: Write> TextSink<W> {
    /// Starts writing (the BOM first, where the encoding has one).
    pub fn new(w: W, encoding: TextEncoding, gzip: bool) -> io::Result<Self> {
        let buffered = BufWriter::with_capacity(1 << 20, w);
        let c = if gzip {
            Compressed::Gzip(Box::new(GzEncoder::new(buffered, Compression::new(6))))
        } else {
            Compressed::Plain(buffered)
        };
        Ok(TextSink { inner: EncodingWriter::new(c, encoding)? })
    }

    /// Writes UTF-8 bytes (whole characters).
    pub fn write_text(&mut self, text: &[u8]) -> io::Result<()> {
        self.inner.write_text(text)
    }

    /// Flushes everything and returns the inner writer.
    pub fn finish(self) -> io::Result<W> {
        let buffered = match self.inner.into_inner() {
            Compressed::Plain(w) => w,
            Compressed::Gzip(g) => g.finish()?,
        };
        buffered.into_inner().map_err(|e| e.into_error())
    }
}
