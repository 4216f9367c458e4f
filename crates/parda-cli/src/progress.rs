//! Progress for people: a bar of bytes done over all inputs, with speed and ETA, and one line
//! per finished file, on standard error, only when it is a terminal and `--quiet` is not set.
//! Piped or redirected output gets none of it.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// A progress display, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
    done: std::sync::atomic::AtomicU64,
}

impl Progress {
    /// A bar over `total_bytes`, shown only on a terminal and without `quiet`.
    pub fn new(total_bytes: u64, quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(total_bytes);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Progress { bar, done: std::sync::atomic::AtomicU64::new(0) }
    }

    /// A file starts.
    pub fn start_file(&self, path: &str) {
        if let Some(b) = &self.bar {
            b.set_message(path.to_string());
        }
    }

    /// `n` more bytes of the current file are done.
    pub fn advance(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.inc(n);
        }
    }

    /// A file is done: the bar moves to the end of it and a line says what was found.
    pub fn finish_file(&self, file_bytes: u64, line: &str) {
        let done = self.done.fetch_add(file_bytes, std::sync::atomic::Ordering::Relaxed) + file_bytes;
        if let Some(b) = &self.bar {
            b.set_position(done);
            b.println(line);
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
