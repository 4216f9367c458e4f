//! Resolving the paths given on the command line into input files and their output paths,
//! with every check made before anything is written.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// One input file.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// The path to read (`-` for standard input).
    pub path: PathBuf,
    /// The path relative to the folder it was found in (its file name for a file argument).
    pub relative: PathBuf,
}

impl InputFile {
    /// The path as shown in messages and reports.
    pub fn shown(&self) -> String {
        self.path.display().to_string()
    }
}

const EXTENSIONS: &[&str] = &["csv", "tsv", "psv", "txt", "xlsx", "xlsm", "xls", "xlsb", "ods", "sql"];

/// True for file names parda reads when walking a folder.
pub fn is_supported(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.starts_with(".parda-") || name.starts_with("parda-report") {
        return false;
    }
    Path::new(name).extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e))
}

/// Expands the command-line paths: files as given, folders walked recursively (sorted).
/// A missing path is an error.
pub fn resolve(paths: &[PathBuf]) -> Result<Vec<InputFile>> {
    let mut files = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(InputFile { path: p.clone(), relative: PathBuf::from("stdin.csv") });
            continue;
        }
        let meta = std::fs::metadata(p).with_context(|| format!("{}: cannot read", p.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
                let entry = entry.with_context(|| format!("{}: cannot walk folder", p.display()))?;
                if entry.file_type().is_file() && is_supported(entry.path()) {
                    let relative = entry.path().strip_prefix(p).unwrap_or(entry.path()).to_path_buf();
                    found.push(InputFile { path: entry.path().to_path_buf(), relative });
                }
            }
            files.extend(found);
        } else {
            let name = p.file_name().map(PathBuf::from).unwrap_or_else(|| p.clone());
            files.push(InputFile { path: p.clone(), relative: name });
        }
    }
    Ok(files)
}

/// The absolute, normalised form of a path that may not exist yet.
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    let base = std::env::current_dir().unwrap_or_default();
    let joined = if p.is_absolute() { p.to_path_buf() } else { base.join(p) };
    match (joined.parent(), joined.file_name()) {
        (Some(parent), Some(name)) if parent != joined => absolute(parent).join(name),
        _ => joined,
    }
}

/// Checks the output folder against the inputs and plans one output path per input:
/// `--out` may not be an input nor lie inside one; two inputs may not map to one output;
/// an existing output is refused unless `force`.
pub fn plan_outputs(
    inputs: &[InputFile],
    arg_paths: &[PathBuf],
    out: &Path,
    force: bool,
    reports: &[&str],
) -> Result<Vec<PathBuf>> {
    let out_abs = absolute(out);
    for p in arg_paths.iter().filter(|p| p.as_os_str() != "-") {
        let in_abs = absolute(p);
        if out_abs == in_abs || out_abs.starts_with(&in_abs) {
            bail!(
                "--out {} is inside the input {}: choose an output folder outside the inputs",
                out.display(),
                p.display()
            );
        }
    }
    let mut outputs: Vec<PathBuf> = Vec::new();
    for f in inputs {
        let mut target = out.join(&f.relative);
        if parda_formats::is_workbook(&f.relative) {
            target.set_extension("xlsx"); // workbooks are written as .xlsx
        }
        if let Some(i) = outputs.iter().position(|o| *o == target) {
            bail!(
                "{} and {} would both be written to {}: give them as one folder, or mask them in separate runs",
                inputs[i].shown(),
                f.shown(),
                target.display()
            );
        }
        if f.path != Path::new("-") && absolute(&f.path) == absolute(&target) {
            bail!("{}: the output would overwrite the input", f.shown());
        }
        outputs.push(target);
    }
    if !force {
        let existing = outputs.iter().cloned().chain(reports.iter().map(|r| out.join(r))).find(|o| o.exists());
        if let Some(o) = existing {
            bail!("{} already exists: use --force to overwrite, or choose another --out", o.display());
        }
    }
    Ok(outputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supported_names() {
        assert!(is_supported(Path::new("a/b.csv")));
        assert!(is_supported(Path::new("b.CSV.gz")));
        assert!(is_supported(Path::new("b.tsv")));
        assert!(is_supported(Path::new("b.xlsx")));
        assert!(is_supported(Path::new("b.ods")));
        assert!(!is_supported(Path::new("b.license")));
        assert!(!is_supported(Path::new("parda-report.json")));
        assert!(!is_supported(Path::new(".parda-x.partial")));
    }
}
