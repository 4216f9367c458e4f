//! Progress for people, on standard error, only when it is a terminal and `--quiet` is not set:
//! an overall bar (bytes of all inputs, speed, ETA), a bar for the file at hand (its bytes), and
//! one line per finished file with its rows, rows per second and PII found. Piped or redirected
//! output gets none of it.

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};

struct Bars {
    multi: MultiProgress,
    overall: ProgressBar,
    file: ProgressBar,
}

/// A progress display, or nothing.
pub struct Progress {
    bars: Option<Bars>,
    done: AtomicU64,
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar())
}

impl Progress {
    /// Bars over `total_bytes`, shown only on a terminal and without `quiet`.
    pub fn new(total_bytes: u64, quiet: bool) -> Progress {
        let bars = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let multi = MultiProgress::new();
            let overall = multi.add(ProgressBar::new(total_bytes));
            overall.set_style(style(
                "all   [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}",
            ));
            let file = multi.add(ProgressBar::new(0));
            file.set_style(style("file  {msg:40!} {wide_bar} {bytes}/{total_bytes}"));
            Bars { multi, overall, file }
        });
        Progress { bars, done: AtomicU64::new(0) }
    }

    /// A file of `bytes` bytes starts.
    pub fn start_file(&self, path: &str, bytes: u64) {
        if let Some(b) = &self.bars {
            b.file.set_length(bytes);
            b.file.set_position(0);
            b.file.set_message(path.to_string());
        }
    }

    /// `n` more bytes of the current file are done.
    pub fn advance(&self, n: u64) {
        if let Some(b) = &self.bars {
            b.file.inc(n);
            b.overall.inc(n);
        }
    }

    /// A file is done after `secs` seconds: the overall bar moves on and a line says what was
    /// found.
    pub fn finish_file(&self, file_bytes: u64, path: &str, rows: u64, pii: u64, failed: bool, secs: f64) {
        let done = self.done.fetch_add(file_bytes, Ordering::Relaxed) + file_bytes;
        let Some(b) = &self.bars else { return };
        b.overall.set_position(done);
        let secs = secs.max(1e-6);
        let line = if failed {
            format!("{path}: failed (see the error)")
        } else {
            format!("{path}: {rows} row(s), {:.0} rows/s, {pii} PII value(s)", rows as f64 / secs)
        };
        let _ = b.multi.println(line);
    }

    /// Removes the bars.
    pub fn finish(&self) {
        if let Some(b) = &self.bars {
            b.file.finish_and_clear();
            b.overall.finish_and_clear();
        }
    }
}
