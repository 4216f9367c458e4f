//! Errors of readers and writers: they name the file and the line, never a cell's value.

/// An error reading or writing a file.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// An I/O error.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The content cannot be handled (not CSV, undecodable, unterminated quote...).
    #[error("{path}:{line}: {message}")]
    Malformed {
        /// The file.
        path: String,
        /// The 1-based line where the problem starts.
        line: u64,
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

impl FormatError {
    /// Wraps an I/O error with the file's path.
    pub fn io(path: &str, source: std::io::Error) -> FormatError {
        FormatError::Io { path: path.to_string(), source }
    }
}
