//! `parda`: finds personal data in legacy files and writes masked copies.
//!
//! The binary resolves everything first (rules, policy, inputs, outputs), then runs each file
//! through the pipeline, reports, and sets the exit code: 0 ok, 1 PII found (verify) or rows
//! quarantined, 2 usage or input error.

mod cli;
mod csv_job;
mod inputs;
mod pipeline;
mod progress;
mod report;
mod report_html;
mod sql_job;
mod workbook_job;

use anyhow::{anyhow, bail, Context, Result};
use clap::Parser;
use cli::{Cli, Command, ImportDigitArgs, InputArgs, PolicyCommand, Profile, RulesArgs, RulesCommand};
use csv_job::{header_names, run_csv, Interrupted, JobOptions, Mode, INTERRUPTED};
use parda_detect::{check_rules, normalize_header, Matcher};
use parda_formats::TextEncoding;
use parda_transform::{Engine, Policy};
use report::{FileReport, Report, REPORT_VERSION};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

const CHUNK_BYTES: usize = 1 << 20;
const REPORT_JSON: &str = "parda-report.json";
const REPORT_HTML: &str = "parda-report.html";

fn main() -> ExitCode {
    let cli = Cli::parse();
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.is::<Interrupted>() => {
            eprintln!("parda: interrupted; no partial output was left behind");
            ExitCode::from(130)
        }
        Err(e) => {
            eprintln!("parda: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Scan(a) => {
            let (report, failed) = process(&a.input, Mode::Scan, None, false, Profile::Mask)?;
            if !a.input.quiet {
                print!("{}", report.table());
            }
            if let Some(j) = &a.json {
                write_json(j, &report)?;
            }
            if let Some(h) = &a.html {
                write_text(h, &report_html::render(&report))?;
            }
            Ok(if failed { 2 } else { 0 })
        }
        Command::Mask(a) => {
            let (report, failed) = process(&a.input, Mode::Mask, Some(&a.out), a.force, a.profile)?;
            write_json(&a.out.join(REPORT_JSON), &report)?;
            write_text(&a.out.join(REPORT_HTML), &report_html::render(&report))?;
            if !a.input.quiet {
                print!("{}", report.table());
            }
            Ok(if failed {
                2
            } else if report.summary.rows_quarantined > 0 {
                1
            } else {
                0
            })
        }
        Command::Verify(v) => {
            let a = v.input;
            let (report, failed) = process(&a, Mode::Verify, None, false, Profile::Mask)?;
            let mut left = 0u64;
            for f in &report.files {
                let remaining: u64 = f.pii_remaining.as_ref().map_or(0, |m| m.values().sum());
                left += remaining;
                if !a.quiet && remaining > 0 {
                    let kinds: Vec<String> =
                        f.pii_remaining.iter().flatten().map(|(k, v)| format!("{k}:{v}")).collect();
                    println!("{}: {} PII value(s) left ({})", f.path, remaining, kinds.join(" "));
                }
            }
            if !a.quiet && left == 0 && !failed {
                println!("verify: no recognisable PII in {} file(s)", report.files.len());
            }
            Ok(if failed {
                2
            } else if left > 0 {
                1
            } else {
                0
            })
        }
        Command::Rules(RulesCommand::Check(r)) => rules_check(&r),
        Command::Policy(PolicyCommand::ImportDigit(a)) => import_digit(&a),
    }
}

fn build_engine(rules: &RulesArgs, policy: Option<&Path>) -> Result<Engine> {
    let dirs: Vec<&Path> = rules.rules.iter().map(PathBuf::as_path).collect();
    let rule_set = parda_rules::load_rules(&dirs)?;
    let policy = match policy {
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("{}: cannot read policy", p.display()))?;
            Policy::from_toml(&p.display().to_string(), &text, &rule_set)?
        }
        None => Policy::default_for(&rule_set),
    };
    let matcher = Matcher::new(rule_set).map_err(|e| anyhow!("rules: {e}"))?;
    Ok(Engine::new(matcher, policy))
}

fn import_digit(a: &ImportDigitArgs) -> Result<u8> {
    let read = |p: &Path| -> Result<serde_json::Value> {
        let text = std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))?;
        serde_json::from_str(&text).with_context(|| format!("{}: not JSON", p.display()))
    };
    let (first, second) = (read(&a.security_policy)?, read(&a.masking_patterns)?);
    if a.out.exists() && !a.force {
        bail!("{} already exists: use --force to overwrite", a.out.display());
    }
    let engine = build_engine(&a.rules, None)?;
    let sources = format!("{}, {}", a.security_policy.display(), a.masking_patterns.display());
    let imported =
        parda_transform::digit::import_digit(&first, &second, &sources, &engine.hints, &engine.matcher.rule_set)
            .map_err(|e| anyhow!("{}: {e}", a.security_policy.display()))?;
    // The policy must load before it is written.
    Policy::from_toml(&a.out.display().to_string(), &imported.toml, &engine.matcher.rule_set)?;
    write_text(&a.out, &imported.toml)?;
    println!("{}: {} attribute(s), {} role(s) imported", a.out.display(), imported.mapped, imported.roles);
    for u in &imported.unmapped {
        println!("not mapped: {u}");
    }
    Ok(0)
}

fn rules_check(r: &RulesArgs) -> Result<u8> {
    let engine = build_engine(r, None)?;
    let (run, failures) = check_rules(&engine.matcher, 3);
    for f in &failures {
        let what = if f.negative { "negative example matched" } else { "example not found" };
        println!("FAIL {} ({}): {what}: {:?}", f.rule, f.source, f.example);
    }
    let rules = engine.matcher.rule_set.rules.len();
    println!("{rules} rules, {run} examples, {} failure(s)", failures.len());
    Ok(if failures.is_empty() { 0 } else { 1 })
}

/// Resolves inputs, outputs, rules and policy, then runs every file; one bad file does not stop
/// the others. Returns the report and whether any file failed.
fn process(args: &InputArgs, mode: Mode, out: Option<&Path>, force: bool, profile: Profile) -> Result<(Report, bool)> {
    if profile != Profile::Mask {
        bail!("profile `{}` is not available yet: only `mask` is implemented", format!("{profile:?}").to_lowercase());
    }
    let engine = build_engine(&args.rules, args.policy.as_deref())?;
    let encoding = match &args.encoding {
        Some(e) => Some(TextEncoding::from_name(e).ok_or_else(|| {
            anyhow!("unknown --encoding `{e}` (known: utf-8, utf-8-bom, windows-1252, utf-16le, utf-16be)")
        })?),
        None => None,
    };
    let files = inputs::resolve(&args.paths)?;
    if files.is_empty() {
        bail!(
            "no CSV files found in {}",
            args.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    let outputs = match out {
        Some(o) => Some(inputs::plan_outputs(&files, &args.paths, o, force, &[REPORT_JSON, REPORT_HTML])?),
        None => None,
    };
    if engine.policy.columns.values().any(|c| c.required) {
        check_policy_columns(&engine, &files, encoding)?;
    }
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    // PARDA_CHUNK_BYTES exists for tests that exercise chunk boundaries; it changes no output.
    let chunk_bytes = std::env::var("PARDA_CHUNK_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(CHUNK_BYTES);
    let opts = JobOptions { threads, encoding, chunk_bytes, progress: None };
    let mut report = Report {
        report_version: REPORT_VERSION,
        parda_version: env!("CARGO_PKG_VERSION").into(),
        command: format!("{mode:?}").to_lowercase(),
        profile: "mask".into(),
        ..Default::default()
    };
    let mut failed = false;
    let sizes: Vec<u64> = files.iter().map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len())).collect();
    let progress = progress::Progress::new(sizes.iter().sum(), args.quiet);
    let opts = JobOptions { progress: Some(&progress), ..opts };
    for (i, f) in files.iter().enumerate() {
        let output = outputs.as_ref().map(|o| o[i].as_path());
        progress.start_file(&f.shown(), sizes[i]);
        let result = if parda_formats::is_workbook(&f.path) {
            workbook_job::run_workbook(&engine, &f.shown(), output, mode)
        } else if sql_job::is_sql(&f.path) {
            sql_job::run_sql(&engine, &f.shown(), output, mode)
        } else {
            run_csv(&engine, &f.shown(), output, mode, &opts)
        };
        match &result {
            Ok(r) => progress.finish_file(sizes[i], &r.path, r.rows_in, r.pii_found.values().sum(), false),
            Err(_) => progress.finish_file(sizes[i], &f.shown(), 0, 0, true),
        }
        match result {
            Ok(r) => report.add(r),
            Err(e) if e.is::<Interrupted>() => {
                progress.finish();
                return Err(e);
            }
            Err(e) => {
                failed = true;
                eprintln!("parda: error: {e:#}");
                report.add(FileReport {
                    path: f.shown(),
                    format: "csv".into(),
                    error: Some(format!("{e:#}")),
                    ..Default::default()
                });
            }
        }
    }
    progress.finish();
    Ok((report, failed))
}

/// Every column the policy names must exist in some input: a typo must not silently leave a
/// column unprotected.
fn check_policy_columns(engine: &Engine, files: &[inputs::InputFile], encoding: Option<TextEncoding>) -> Result<()> {
    let mut seen = std::collections::BTreeSet::new();
    for f in files.iter().filter(|f| f.path != Path::new("-")) {
        if parda_formats::is_workbook(&f.path) || sql_job::is_sql(&f.path) {
            continue;
        }
        if let Ok(headers) = header_names(engine, &f.shown(), encoding) {
            seen.extend(headers.iter().map(|h| normalize_header(h)));
        }
    }
    let missing: Vec<&str> = engine
        .policy
        .columns
        .iter()
        .filter(|(k, c)| c.required && !seen.contains(*k))
        .map(|(_, c)| c.name.as_str())
        .collect();
    if !missing.is_empty() {
        bail!("the policy names column(s) that no input has: {}", missing.join(", "));
    }
    Ok(())
}

fn write_text(path: &Path, text: &str) -> Result<()> {
    let out = parda_formats::AtomicOutput::create(path)?;
    std::fs::write(out.temp_path(), text).with_context(|| format!("{}: cannot write", path.display()))?;
    out.commit()?;
    Ok(())
}

fn write_json(path: &Path, report: &Report) -> Result<()> {
    let out = parda_formats::AtomicOutput::create(path)?;
    let file = out.file()?;
    serde_json::to_writer_pretty(std::io::BufWriter::new(file), report)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    out.commit()?;
    Ok(())
}
