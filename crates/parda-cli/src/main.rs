//! `parda`: finds personal data in legacy files and writes masked copies.
//!
//! The binary resolves everything first (rules, policy, inputs, outputs), then runs each file
//! through the pipeline, reports, and sets the exit code: 0 ok, 1 PII found (verify) or rows
//! quarantined, 2 usage or input error.

mod aggregate;
mod audit;
mod cli;
mod csv_job;
mod inputs;
mod locators;
mod pipeline;
mod progress;
mod report;
mod report_html;
mod sql_job;
mod units;
mod workbook_job;

use anyhow::{anyhow, bail, Context, Result};
use clap::Parser;
use cli::{
    AuditCommand, Cli, Command, ImportDigitArgs, InputArgs, KeyArgs, PolicyCommand, Profile, RulesArgs, RulesCommand,
    UnmaskArgs,
};
use csv_job::{header_names, run_csv, Interrupted, JobOptions, Mode, INTERRUPTED};
use parda_detect::{check_rules, normalize_header, Matcher};
use parda_formats::TextEncoding;
use parda_rules::{Lexicon, WordSet};
use parda_transform::keyed::{Key, Keyed};
use parda_transform::{Engine, Policy, Visibility};
use report::{FileReport, Report, REPORT_VERSION};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

const CHUNK_BYTES: usize = 1 << 20;
/// CSV files and dumps from this size on are processed one at a time on all threads; smaller
/// files several at a time on one thread each.
const BIG_FILE_BYTES: u64 = 32 << 20;
/// The same for workbooks, whose zipped XML is about a sixth of the same table as CSV.
const BIG_WORKBOOK_BYTES: u64 = 4 << 20;
const REPORT_JSON: &str = "parda-report.json";
const REPORT_HTML: &str = "parda-report.html";

fn main() -> ExitCode {
    let cli = Cli::parse();
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    std::panic::set_hook(Box::new(report_panic));
    let Ok(result) = std::panic::catch_unwind(|| run(cli)) else {
        // Unwinding removed the temporary outputs of the files in progress.
        return ExitCode::from(2);
    };
    match result {
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

/// A failure inside a library (rust_xlsxwriter stops on a full disk: "Couldn't write to xml
/// file") becomes one line and exit code 2, not a panic message. The message is cut at its
/// first double quote or backtick: Rust's own messages quote the text they failed on, which may
/// be a cell's value.
fn report_panic(info: &std::panic::PanicHookInfo) {
    static REPORTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if REPORTED.swap(true, Ordering::SeqCst) {
        return;
    }
    let payload = info.payload();
    let message =
        payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str));
    let message = message.unwrap_or("unknown failure");
    let message = if message.contains("StorageFull") {
        "no space left on the device"
    } else {
        message.split(['"', '`']).next().unwrap_or_default().trim_end()
    };
    eprintln!("parda: error: {message}; no partial output was left behind");
    if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| !v.is_empty() && v != "0") {
        if let Some(at) = info.location() {
            eprintln!("parda: (at {}:{})", at.file(), at.line());
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Scan(a) => {
            let engine = build_engine(&a.input.rules, a.input.policy.as_deref(), None, None)?;
            let (report, failed) = process(&engine, &a.input, Mode::Scan, None, false, None)?;
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
            let profile = a.profile.map(Profile::name);
            let engine = build_engine(&a.input.rules, a.input.policy.as_deref(), profile, Some(&a.key))?;
            let (report, failed) = process(&engine, &a.input, Mode::Mask, Some(&a.out), a.force, None)?;
            if engine.keyed.is_some() {
                let entry = audit::Entry {
                    command: "mask".into(),
                    profile: Some(engine.policy.profile.clone()),
                    outcome: if failed { "failed" } else { "ok" }.into(),
                    files: report.files.iter().map(|f| f.path.clone()).collect(),
                    counts: type_counts(&report),
                    ..Default::default()
                };
                let log = audit_path(a.audit_log.as_deref(), &a.out);
                audit::append(&log, &entry, Key::load(a.key.key_file.as_deref())?.as_ref())?;
            }
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
            let engine = build_engine(&a.rules, a.policy.as_deref(), None, None)?;
            let (report, failed) = process(&engine, &a, Mode::Verify, None, false, None)?;
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
        Command::Unmask(a) => unmask(&a),
        Command::Plan(a) => {
            let engine = build_engine(&a.input.rules, a.input.policy.as_deref(), a.profile.map(Profile::name), None)?;
            let unit_size = units::parse_size(&a.unit_size)?;
            let planned = units::plan(&engine, &a.input.paths, unit_size, encoding_arg(&a.input)?)?;
            units::write_manifest(&a.out, &planned)?;
            if !a.input.quiet {
                let files = planned.iter().map(|u| u.file + 1).max().unwrap_or(0);
                println!("{}: {} unit(s) over {files} file(s)", a.out.display(), planned.len());
            }
            Ok(0)
        }
        Command::MaskUnits(a) => mask_units(&a),
        Command::Aggregate(a) => {
            let engine = build_engine(&a.rules, None, None, None)?;
            let sources: Vec<aggregate::Source> = a.inputs.iter().map(|s| aggregate::Source::parse(s)).collect();
            let by: Vec<String> = a.by.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            let sums: Vec<String> = a.sum.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            if a.k == 0 {
                bail!("--k must be at least 1");
            }
            if by.is_empty() {
                bail!("--by needs at least one column");
            }
            let opts = aggregate::Options { by: &by, sums: &sums, generalize: &a.generalize, k: a.k, out: &a.out };
            aggregate::run(&engine, &sources, &opts)
        }
        Command::Merge(a) => {
            let planned = units::read_manifest(&a.manifest)?;
            let (files, profile, key_check) = units::merge(&planned, &a.out)?;
            let mut report = Report {
                report_version: REPORT_VERSION,
                parda_version: env!("CARGO_PKG_VERSION").into(),
                command: "mask".into(),
                profile,
                key_check,
                ..Default::default()
            };
            for f in files {
                report.add(f);
            }
            write_json(&a.out.join(REPORT_JSON), &report)?;
            write_text(&a.out.join(REPORT_HTML), &report_html::render(&report))?;
            println!("{}: {} file(s) merged from {} unit(s)", a.out.display(), report.files.len(), planned.len());
            Ok(0)
        }
        Command::Audit(AuditCommand::Verify(a)) => {
            let key = Key::load(a.key.key_file.as_deref())?;
            match audit::verify(&a.log, key.as_ref())? {
                Ok(n) => {
                    let macs = if key.is_some() { "hashes and MACs" } else { "hashes (MACs not checked: no key)" };
                    println!("{}: {n} entries, chain intact ({macs})", a.log.display());
                    Ok(0)
                }
                Err(problem) => {
                    println!("{problem}");
                    Ok(1)
                }
            }
        }
        Command::Rules(RulesCommand::Check(r)) => rules_check(&r),
        Command::Policy(PolicyCommand::ImportDigit(a)) => import_digit(&a),
    }
}

/// The names of `--without-names` files: a word per line, or the second column of a TSV.
fn read_name_lists(files: &[PathBuf]) -> Result<WordSet> {
    let mut names = WordSet::default();
    for f in files {
        let text = std::fs::read_to_string(f).with_context(|| format!("{}: cannot read name list", f.display()))?;
        for line in text.lines() {
            let word = line.split('\t').nth(1).unwrap_or(line).trim();
            if !word.is_empty() {
                names.insert(word.to_lowercase());
            }
        }
    }
    Ok(names)
}

/// Rules, policy (on top of `profile`) and, when the policy needs one, the key: a keyed
/// profile without a key stops here, before any output exists.
fn build_engine(
    rules: &RulesArgs,
    policy: Option<&Path>,
    profile: Option<&str>,
    key: Option<&KeyArgs>,
) -> Result<Engine> {
    let held_out = match rules.without_names.is_empty() {
        true => None,
        false => Some(read_name_lists(&rules.without_names)?),
    };
    let mut engine = std::thread::scope(|s| -> Result<Engine> {
        // The lexicon (a third of the start-up) is built on a second thread while the rules
        // load and compile: a run on a small file starts about a third sooner.
        let lexicon = s.spawn(|| {
            let lexicon = Lexicon::builtin();
            match &held_out {
                Some(names) => lexicon.without_names(names),
                None => lexicon,
            }
        });
        let dirs: Vec<&Path> = rules.rules.iter().map(PathBuf::as_path).collect();
        let rule_set = parda_rules::load_rules(&dirs)?;
        let policy = match policy {
            Some(p) => {
                let text =
                    std::fs::read_to_string(p).with_context(|| format!("{}: cannot read policy", p.display()))?;
                Policy::from_toml(&p.display().to_string(), &text, &rule_set, profile)?
            }
            None => Policy::for_profile(&rule_set, profile.unwrap_or("mask"))
                .ok_or_else(|| anyhow!("unknown profile `{}`", profile.unwrap_or_default()))?,
        };
        let matcher = Matcher::with_lexicon_from(rule_set, || lexicon.join().expect("the lexicon is built"))
            .map_err(|e| anyhow!("rules: {e}"))?;
        Ok(Engine::new(matcher, policy))
    })?;
    if let Some(k) = key {
        let needs_key = engine.policy.is_keyed();
        match Key::load(k.key_file.as_deref())? {
            Some(key) => engine.keyed = Some(Keyed::new(&key)),
            None if needs_key => {
                bail!("profile `{}`: {}", engine.policy.profile, parda_transform::keyed::KeyError::Missing)
            }
            None => {}
        }
    }
    Ok(engine)
}

fn encoding_arg(args: &InputArgs) -> Result<Option<TextEncoding>> {
    match &args.encoding {
        Some(e) => Ok(Some(TextEncoding::from_name(e).ok_or_else(|| {
            anyhow!("unknown --encoding `{e}` (known: utf-8, utf-8-bom, windows-1252, utf-16le, utf-16be)")
        })?)),
        None => Ok(None),
    }
}

/// `parda mask-units`: masks the units asked for, printing one JSON line per unit; exit 2 if
/// any failed (the others are still done).
fn mask_units(a: &cli::MaskUnitsArgs) -> Result<u8> {
    let planned = units::read_manifest(&a.manifest)?;
    let engine = build_engine(&a.rules, a.policy.as_deref(), a.profile.map(Profile::name), Some(&a.key))?;
    let ids = match a.unit {
        Some(n) => vec![n],
        None => units::ids_from_stdin()?,
    };
    let threads = a.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let chunk_bytes = std::env::var("PARDA_CHUNK_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(CHUNK_BYTES);
    let opts = JobOptions {
        threads,
        encoding: None,
        chunk_bytes,
        progress: None,
        unmask: None,
        range: None,
        expect_columns: None,
    };
    let mut failed = false;
    for id in ids {
        let Some(unit) = planned.get(id) else {
            bail!("{}: no unit {id} (the plan has {})", a.manifest.display(), planned.len());
        };
        let line = match units::mask_unit(&engine, unit, &planned, &a.out, &opts) {
            Ok(r) => serde_json::json!({"unit": id, "ok": true, "rows_in": r.report.rows_in,
                "pii_found": r.report.pii_found, "cells_changed": r.report.cells_changed}),
            Err(e) if e.is::<Interrupted>() => return Err(e),
            Err(e) => {
                failed = true;
                eprintln!("parda: error: unit {id}: {e:#}");
                serde_json::json!({"unit": id, "ok": false, "error": format!("{e:#}")})
            }
        };
        println!("{line}");
    }
    Ok(if failed { 2 } else { 0 })
}

/// Values per type over all files of a report.
fn type_counts(report: &Report) -> std::collections::BTreeMap<String, u64> {
    let mut counts = std::collections::BTreeMap::new();
    for f in &report.files {
        for (k, v) in &f.pii_found {
            *counts.entry(k.clone()).or_default() += v;
        }
    }
    counts
}

/// The audit log: `--audit-log`, else `$PARDA_AUDIT_LOG`, else `parda-audit.jsonl` in `dir`.
fn audit_path(flag: Option<&Path>, dir: &Path) -> PathBuf {
    flag.map(Path::to_path_buf)
        .or_else(|| std::env::var_os(audit::AUDIT_ENV).map(PathBuf::from))
        .unwrap_or_else(|| dir.join(audit::AUDIT_FILE))
}

/// `parda unmask`: checks the roles and the key before anything is written; every outcome is
/// logged.
fn unmask(a: &UnmaskArgs) -> Result<u8> {
    let first = a.input.paths.first().map(PathBuf::as_path).unwrap_or(Path::new("."));
    let dataset =
        if first.is_dir() { first.to_path_buf() } else { first.parent().unwrap_or(Path::new(".")).to_path_buf() };
    let log = audit_path(a.audit_log.as_deref(), &dataset);
    let key = Key::load(a.key.key_file.as_deref())?;
    let mut entry = audit::Entry {
        command: "unmask".into(),
        roles: a.role.clone(),
        purpose: Some(a.purpose.clone()),
        files: a.input.paths.iter().map(|p| p.display().to_string()).collect(),
        ..Default::default()
    };
    let refuse = |entry: &mut audit::Entry, reason: String| -> Result<u8> {
        entry.outcome = "refused".into();
        entry.reason = Some(reason.clone());
        audit::append(&log, entry, key.as_ref())?;
        bail!("{reason}")
    };
    if a.purpose.trim().is_empty() {
        return refuse(&mut entry, "--purpose must say why the data is unmasked".into());
    }
    let Some(key) = key.clone() else {
        return refuse(&mut entry, format!("unmask: {}", parda_transform::keyed::KeyError::Missing));
    };
    if a.input.policy.is_none() {
        return refuse(&mut entry, "unmask needs --policy: its [roles] say what each role may see".into());
    }
    let mut engine = build_engine(&a.input.rules, a.input.policy.as_deref(), None, None)?;
    engine.keyed = Some(Keyed::new(&key));
    let ntypes = engine.matcher.rule_set.types.len();
    let mut visibility = vec![Visibility::None; ntypes + 1];
    let mut granted = false;
    for role in &a.role {
        let Some(rights) = engine.policy.roles.get(role) else {
            let known: Vec<&str> = engine.policy.roles.keys().map(String::as_str).collect();
            return refuse(
                &mut entry,
                format!("role `{role}` has no rights in the policy (roles with rights: {})", known.join(", ")),
            );
        };
        // A role's own rule for a type, else the attribute's default visibility (as DIGIT
        // resolves role-based decryption); across several roles the most permissive wins.
        for (t, v) in visibility.iter_mut().enumerate().take(ntypes) {
            let own = rights.get(&t).copied();
            let default = engine.policy.default_visibility.get(&t).copied();
            granted |= own.is_some_and(|o| o != Visibility::None);
            *v = (*v).min(own.or(default).unwrap_or(Visibility::None));
        }
    }
    // Columns tokenized without a type are shown plain only to a role that sees every type plain.
    if visibility[..ntypes].iter().all(|v| *v == Visibility::Plain) {
        visibility[ntypes] = Visibility::Plain;
    }
    if !granted {
        return refuse(&mut entry, format!("role(s) {} may not see any PII type plain or masked", a.role.join(", ")));
    }
    // The key must be the one the tokens were made with, for every file, before anything is
    // written.
    let files = inputs::resolve(&a.input.paths)?;
    let check = key.check_value();
    for f in &files {
        let found = locators::Locators::key_check(&locators::sidecar(&f.path))?;
        if found != check {
            return refuse(
                &mut entry,
                format!("{}: wrong key: the tokens were made with key {found}, this key is {check}", f.shown()),
            );
        }
    }
    let (report, failed) = process(&engine, &a.input, Mode::Unmask, Some(&a.out), a.force, Some(&visibility))?;
    entry.outcome = if failed { "failed" } else { "ok" }.into();
    entry.counts = type_counts(&report);
    audit::append(&log, &entry, Some(&key))?;
    if !a.input.quiet {
        for f in &report.files {
            let restored: u64 = f.pii_found.values().sum();
            println!("{}: {restored} value(s) restored -> {}", f.path, f.output.as_deref().unwrap_or("-"));
        }
    }
    Ok(if failed { 2 } else { 0 })
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
    let engine = build_engine(&a.rules, None, None, None)?;
    let sources = format!("{}, {}", a.security_policy.display(), a.masking_patterns.display());
    let imported =
        parda_transform::digit::import_digit(&first, &second, &sources, &engine.hints, &engine.matcher.rule_set)
            .map_err(|e| anyhow!("{}: {e}", a.security_policy.display()))?;
    // The policy must load before it is written.
    Policy::from_toml(&a.out.display().to_string(), &imported.toml, &engine.matcher.rule_set, None)?;
    write_text(&a.out, &imported.toml)?;
    println!("{}: {} attribute(s), {} role(s) imported", a.out.display(), imported.mapped, imported.roles);
    for u in &imported.unmapped {
        println!("not mapped: {u}");
    }
    Ok(0)
}

fn rules_check(r: &RulesArgs) -> Result<u8> {
    let engine = build_engine(r, None, None, None)?;
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
fn process(
    engine: &Engine,
    args: &InputArgs,
    mode: Mode,
    out: Option<&Path>,
    force: bool,
    visibility: Option<&[Visibility]>,
) -> Result<(Report, bool)> {
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
    if engine.policy.columns.values().any(|c| c.required) && mode != Mode::Unmask {
        check_policy_columns(engine, &files, encoding)?;
    }
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    // PARDA_CHUNK_BYTES exists for tests that exercise chunk boundaries; it changes no output.
    let chunk_bytes = std::env::var("PARDA_CHUNK_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(CHUNK_BYTES);
    let opts =
        JobOptions { threads, encoding, chunk_bytes, progress: None, unmask: None, range: None, expect_columns: None };
    let mut report = Report {
        report_version: REPORT_VERSION,
        parda_version: env!("CARGO_PKG_VERSION").into(),
        command: format!("{mode:?}").to_lowercase(),
        profile: engine.policy.profile.clone(),
        key_check: engine.keyed.as_ref().map(|k| k.check_value.clone()),
        ..Default::default()
    };
    let sizes: Vec<u64> = files.iter().map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len())).collect();
    let progress = progress::Progress::new(sizes.iter().sum(), args.quiet);
    let opts = JobOptions { progress: Some(&progress), ..opts };
    let run_one = |i: usize, threads: usize| -> Result<FileReport> {
        let f = &files[i];
        let output = outputs.as_ref().map(|o| o[i].as_path());
        let started = std::time::Instant::now();
        progress.start_file(&f.shown(), sizes[i]);
        let result = (|| {
            let ctx = match visibility {
                Some(v) => Some(locators::UnmaskCtx {
                    locators: locators::Locators::load(&locators::sidecar(&f.path), engine)?,
                    visibility: v.to_vec(),
                }),
                None => None,
            };
            let opts = JobOptions { unmask: ctx.as_ref(), threads, ..opts };
            if parda_formats::is_workbook(&f.path) {
                workbook_job::run_workbook(engine, &f.shown(), output, mode, ctx.as_ref(), threads)
            } else if sql_job::is_sql(&f.path) {
                sql_job::run_sql(engine, &f.shown(), output, mode, &opts, None, None)
            } else {
                run_csv(engine, &f.shown(), output, mode, &opts)
            }
        })();
        let secs = started.elapsed().as_secs_f64();
        match &result {
            Ok(r) => progress.finish_file(sizes[i], &r.path, r.rows_in, r.pii_found.values().sum(), false, secs),
            Err(_) => progress.finish_file(sizes[i], &f.shown(), 0, 0, true, secs),
        }
        result
    };
    // Several files at once: small workbooks, dumps and CSV files each run on one thread, as
    // many at a time as there are threads; a large file then runs alone on all threads (its
    // chunks or batches of cells are the parallel work). Reports keep the input order.
    let parallel_file = |i: usize| {
        let big = if parda_formats::is_workbook(&files[i].path) { BIG_WORKBOOK_BYTES } else { BIG_FILE_BYTES };
        sizes[i] >= big
    };
    let (big, small): (Vec<usize>, Vec<usize>) = (0..files.len()).partition(|&i| parallel_file(i) || files.len() == 1);
    let mut results: Vec<Option<Result<FileReport>>> = (0..files.len()).map(|_| None).collect();
    let slots = std::sync::Mutex::new(&mut results);
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads.min(small.len()) {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::SeqCst);
                let Some(&i) = small.get(k) else { break };
                if INTERRUPTED.load(Ordering::Relaxed) {
                    break;
                }
                let r = run_one(i, 1);
                slots.lock().expect("results lock")[i] = Some(r);
            });
        }
    });
    for &i in &big {
        if INTERRUPTED.load(Ordering::Relaxed) {
            break;
        }
        results[i] = Some(run_one(i, threads));
    }
    progress.finish();
    let mut failed = false;
    for (f, result) in files.iter().zip(results) {
        match result {
            None => return Err(anyhow!(Interrupted)),
            Some(Ok(r)) => report.add(r),
            Some(Err(e)) if e.is::<Interrupted>() => return Err(e),
            Some(Err(e)) => {
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
