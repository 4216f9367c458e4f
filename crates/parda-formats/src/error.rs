//! Errors of readers and writers: they name the file and the line, never a cell's value.

/// An error reading or writing a file.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// An I/O error.
    #[error("{path}: {cause}")]
    Io {
        /// The file.
        path: String,
        /// The cause (shown in the message, so not also given as the error's source: the
        /// command line prints an error's chain of sources).
        cause: std::io::Error,
    },
    /// The content cannot be handled (not CSV, undecodable, unterminated quote...).
    #[error("{path}:{line}:{column}: {message}")]
    Malformed {
        /// The file.
        path: String,
        /// The 1-based line where the problem starts.
        line: u64,
        /// The 1-based column (in characters) where the problem starts.
        column: u64,
        /// What is wrong (never a cell's value).
        message: String,
    },
    /// The whole file cannot be handled.
    #[error("{path}: {message}")]
    Unsupported {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
}

/// The 1-based (line, column) of byte `at` in `bytes`, whose first byte is on `first_line`.
/// Columns count characters; invalid UTF-8 counts a byte as one.
pub fn line_column(bytes: &[u8], at: usize, first_line: u64) -> (u64, u64) {
    let at = at.min(bytes.len());
    let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let line = first_line + memchr::memchr_iter(b'\n', &bytes[..at]).count() as u64;
    let column = String::from_utf8_lossy(&bytes[line_start..at]).chars().count() as u64 + 1;
    (line, column)
}

impl FormatError {
    /// Wraps an I/O error with the file's path.
    pub fn io(path: &str, cause: std::io::Error) -> FormatError {
        FormatError::Io { path: path.to_string(), cause }
    }
}
