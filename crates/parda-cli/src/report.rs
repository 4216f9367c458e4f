//! The report: what was found where and what was done, per file and column. It never holds a
//! raw value: counts, classifications and masked samples only.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the report's JSON layout.
pub const REPORT_VERSION: u32 = 1;

/// The whole report of one run.
#[derive(Debug, Serialize, Default)]
pub struct Report {
    /// Layout version.
    pub report_version: u32,
    /// parda's version.
    pub parda_version: String,
    /// `scan`, `mask` or `verify`.
    pub command: String,
    /// The profile used.
    pub profile: String,
    /// The check value of the key keyed transforms used (identifies the key, reveals nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_check: Option<String>,
    /// Totals.
    pub summary: Summary,
    /// One entry per input file.
    pub files: Vec<FileReport>,
}

/// Totals over all files.
#[derive(Debug, Serialize, Default)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Files that failed (no output written for them).
    pub files_failed: usize,
    /// Data rows read.
    pub rows_in: u64,
    /// Data rows written.
    pub rows_out: u64,
    /// Rows set aside (none: parda masks ragged rows in place).
    pub rows_quarantined: u64,
    /// Rows with more or fewer fields than the header, masked in place.
    pub ragged_rows: u64,
    /// PII values found, per type.
    pub pii_found: BTreeMap<String, u64>,
    /// Cells changed.
    pub cells_changed: u64,
    /// Values left alone because already protected.
    pub already_protected: u64,
}

/// What happened to one file.
#[derive(Debug, Serialize, Deserialize, Default, Clone)]
#[serde(default)]
pub struct FileReport {
    /// The input path.
    pub path: String,
    /// The output path (mask only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// `csv`, or the workbook's extension (`xlsx`, `xls`, `ods`...).
    pub format: String,
    /// Set when the output's format differs from the input's (`.xls` comes back as `.xlsx`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_format: Option<String>,
    /// Sheet names, in order (workbooks only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    /// Text encoding.
    pub encoding: String,
    /// The delimiter, as a name.
    pub delimiter: String,
    /// `lf`, `crlf`, `cr`, `mixed` or `none`.
    pub line_ending: String,
    /// The input was gzip.
    pub gzip: bool,
    /// The 1-based record number of the header (after title lines), if the file has one.
    pub header_record: Option<u64>,
    /// Title or blank lines above the header.
    pub preamble_rows: u64,
    /// Data rows read.
    pub rows_in: u64,
    /// Data rows written.
    pub rows_out: u64,
    /// Rows set aside.
    pub rows_quarantined: u64,
    /// Rows with more or fewer fields than the header (masked in place, every cell checked).
    pub ragged_rows: u64,
    /// Lines of the first ragged rows.
    pub ragged_lines: Vec<u64>,
    /// PII values found per type.
    pub pii_found: BTreeMap<String, u64>,
    /// Cells changed.
    pub cells_changed: u64,
    /// Values left alone because already protected.
    pub already_protected: u64,
    /// Recognisable PII left (verify only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pii_remaining: Option<BTreeMap<String, u64>>,
    /// Per column.
    pub columns: Vec<ColumnReport>,
    /// Cells outside the columns: title lines, header cells, fields past the header.
    pub outside_columns: ColumnReport,
    /// Why the file failed, if it did (no output was written for it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Generalised columns (the `archive` profile's quasi-identifiers).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quasi_identifiers: Vec<String>,
    /// The smallest number of rows sharing one combination of the generalised values: the
    /// k-anonymity the output actually has (CSV; for merged work units a lower bound).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub k_anonymity: Option<u64>,
}

/// What was found in one column.
#[derive(Debug, Serialize, Deserialize, Clone)]
#[serde(default)]
pub struct ColumnReport {
    /// 0-based column index.
    pub index: usize,
    /// The header.
    pub name: String,
    /// The PII type the column holds, if classified.
    pub classification: Option<String>,
    /// 0..1.
    pub confidence: f32,
    /// `header`, `values`, `policy` or `none`.
    pub classified_by: String,
    /// What is done to its cells.
    pub action: String,
    /// PII values found per type.
    pub pii_found: BTreeMap<String, u64>,
    /// Cells changed.
    pub cells_changed: u64,
    /// Values left alone because already protected.
    pub already_protected: u64,
    /// Up to three masked samples.
    pub masked_samples: Vec<String>,
}

impl Default for ColumnReport {
    fn default() -> Self {
        ColumnReport {
            index: 0,
            name: "(outside columns)".into(),
            classification: None,
            confidence: 0.0,
            classified_by: "none".into(),
            action: "detect spans".into(),
            pii_found: BTreeMap::new(),
            cells_changed: 0,
            already_protected: 0,
            masked_samples: Vec::new(),
        }
    }
}

fn add_counts(a: &mut BTreeMap<String, u64>, b: &BTreeMap<String, u64>) {
    for (k, v) in b {
        *a.entry(k.clone()).or_default() += v;
    }
}

impl ColumnReport {
    /// Adds the counts of the same column from another part of the file.
    pub fn absorb(&mut self, other: &ColumnReport) {
        add_counts(&mut self.pii_found, &other.pii_found);
        self.cells_changed += other.cells_changed;
        self.already_protected += other.already_protected;
        for s in &other.masked_samples {
            if self.masked_samples.len() < 3 && !self.masked_samples.contains(s) {
                self.masked_samples.push(s.clone());
            }
        }
    }
}

impl FileReport {
    /// Adds the counts of a later part of the same file (a work unit of `parda plan`).
    pub fn absorb(&mut self, other: &FileReport) {
        self.preamble_rows += other.preamble_rows;
        self.rows_in += other.rows_in;
        self.rows_out += other.rows_out;
        self.rows_quarantined += other.rows_quarantined;
        self.ragged_rows += other.ragged_rows;
        for l in &other.ragged_lines {
            if self.ragged_lines.len() < 10 {
                self.ragged_lines.push(*l);
            }
        }
        add_counts(&mut self.pii_found, &other.pii_found);
        self.cells_changed += other.cells_changed;
        self.already_protected += other.already_protected;
        for c in &other.columns {
            match self.columns.iter_mut().find(|m| m.index == c.index && m.name == c.name) {
                Some(m) => m.absorb(c),
                None => self.columns.push(c.clone()),
            }
        }
        self.outside_columns.absorb(&other.outside_columns);
        if self.error.is_none() {
            self.error.clone_from(&other.error);
        }
        self.k_anonymity = match (self.k_anonymity, other.k_anonymity) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

impl Report {
    /// Adds a file's counts to the summary and the file to the list.
    pub fn add(&mut self, file: FileReport) {
        let s = &mut self.summary;
        s.files += 1;
        if file.error.is_some() {
            s.files_failed += 1;
        }
        s.rows_in += file.rows_in;
        s.rows_out += file.rows_out;
        s.rows_quarantined += file.rows_quarantined;
        s.ragged_rows += file.ragged_rows;
        s.cells_changed += file.cells_changed;
        s.already_protected += file.already_protected;
        for (k, v) in &file.pii_found {
            *s.pii_found.entry(k.clone()).or_default() += v;
        }
        self.files.push(file);
    }

    /// The summary table people read: one line per file and PII-bearing column.
    pub fn table(&self) -> String {
        let mut rows: Vec<[String; 6]> = vec![[
            "FILE".into(),
            "COLUMN".into(),
            "TYPE".into(),
            "CONF".into(),
            "FOUND".into(),
            "ACTION / SAMPLES".into(),
        ]];
        for f in &self.files {
            let shown = match &f.output_format {
                Some(fmt) => format!("{} (as .{fmt})", f.path),
                None => f.path.clone(),
            };
            if let Some(e) = &f.error {
                rows.push([shown.clone(), "-".into(), "ERROR".into(), "".into(), "".into(), e.clone()]);
                continue;
            }
            let mut any = false;
            for c in f.columns.iter().chain(std::iter::once(&f.outside_columns)) {
                if c.pii_found.is_empty() && c.classification.is_none() && c.already_protected == 0 {
                    continue;
                }
                any = true;
                let found: Vec<String> = c.pii_found.iter().map(|(k, v)| format!("{k}:{v}")).collect();
                let mut found = found.join(" ");
                if c.already_protected > 0 {
                    found.push_str(&format!(" protected:{}", c.already_protected));
                }
                rows.push([
                    shown.clone(),
                    c.name.clone(),
                    c.classification.clone().unwrap_or_else(|| "-".into()),
                    if c.classification.is_some() { format!("{:.2}", c.confidence) } else { "".into() },
                    found.trim().to_string(),
                    format!("{} {}", c.action, c.masked_samples.join(" | ")).trim().to_string(),
                ]);
            }
            if !any {
                rows.push([shown.clone(), "-".into(), "no PII found".into(), "".into(), "".into(), "".into()]);
            }
        }
        // Counts are never cut (`name:1017` cut to `name:10` told a tenth of the truth); a
        // name or a sample cut short ends in `…`.
        let widths: Vec<usize> = (0..6)
            .map(|i| {
                let widest = rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
                match i {
                    4 => widest,
                    5 => widest.min(80),
                    _ => widest.min(40),
                }
            })
            .collect();
        let mut out = String::new();
        for r in &rows {
            let line: Vec<String> = r
                .iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    // A header with a line break in it (`"Mobile\nNo"`) stays on its line.
                    let shown = |c: char| if c.is_control() { ' ' } else { c };
                    let c: String = if cell.chars().count() > *w {
                        cell.chars().map(shown).take(w - 1).chain(std::iter::once('…')).collect()
                    } else {
                        cell.chars().map(shown).collect()
                    };
                    format!("{c:<w$}", w = *w)
                })
                .collect();
            out.push_str(line.join("  ").trim_end());
            out.push('\n');
        }
        let s = &self.summary;
        let found: u64 = s.pii_found.values().sum();
        out.push_str(&format!(
            "\n{} file(s), {} row(s), {} PII value(s) found, {} cell(s) changed, {} already protected, {} ragged row(s), {} failed\n",
            s.files, s.rows_in, found, s.cells_changed, s.already_protected, s.ragged_rows, s.files_failed
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_never_cuts_a_count_and_marks_what_it_cuts() {
        let remarks = ColumnReport {
            index: 14,
            name: "inspector_remarks_written_by_the_field_staff_on_each_visit".into(),
            pii_found: [("aadhaar", 200), ("email", 206), ("mobile", 320), ("name", 1017)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            masked_samples: vec!["Y******* A*****".into(); 8],
            ..ColumnReport::default()
        };
        let mut report = Report::default();
        report.add(FileReport { path: "t1.csv".into(), columns: vec![remarks], ..FileReport::default() });
        let table = report.table();
        let line = table.lines().nth(1).expect("the column's line");
        assert!(line.contains("aadhaar:200 email:206 mobile:320 name:1017"), "{line}");
        // The header and the samples are cut to their widths, and say so.
        assert!(line.contains("inspector_remarks_written_by_the_field_…"), "{line}");
        assert!(line.ends_with('…'), "{line}");
    }
}
