//! `plan` + `mask-units` + `merge` give the same bytes as one `parda mask` run: a CSV with
//! quoted newlines cut into byte ranges, a `.csv.gz` (one whole-file unit), a mysqldump cut
//! between statements and a pg_dump cut inside its `COPY` block (and a second block of the same
//! table with other columns); tokens, token locators and report counts too. Units run as separate processes, in reverse order.

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};

const KEY: &str = "4b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c";

fn parda() -> Command {
    let mut c = Command::cargo_bin("parda").unwrap();
    c.env("PARDA_KEY", KEY).env_remove("PARDA_AUDIT_LOG");
    c
}

const NAMES: &[&str] = &["Ramesh Kumar", "Smt. Sunita Devi", "R. K. Sharma", "Mohd. Irfan", "सुनीता देवी"];

fn aadhaar(i: usize) -> String {
    // A Verhoeff-valid Aadhaar built from the row number.
    let mut d: Vec<u8> = format!("{:011}", 23_456_789_012u64 + i as u64 * 7919).bytes().map(|b| b - b'0').collect();
    d[0] = 2 + d[0] % 8;
    d.push(parda_rules::validators::verhoeff_check_digit(&d));
    d.iter().map(|x| (b'0' + x) as char).collect()
}

fn write_inputs(dir: &Path) {
    let mut csv = String::from("\u{feff}S.No,Owner Name,Mobile No,Aadhar No,Address,Amount,Remarks\r\n");
    let mut my = String::from("-- MySQL dump 10.13\nCREATE TABLE `owners` (\n  `id` int,\n  `owner_name` varchar(64),\n  `mobile` bigint,\n  `note` text\n);\nLOCK TABLES `owners` WRITE;\n");
    let mut pg = String::from("--\n-- PostgreSQL database dump\n--\nSET standard_conforming_strings = on;\nCREATE TABLE public.eg_user (\n    id bigint NOT NULL,\n    name character varying(100),\n    mobilenumber character varying(50),\n    remarks text\n);\nCOPY public.eg_user (id, name, mobilenumber, remarks) FROM stdin;\n");
    for i in 0..600 {
        let name = NAMES[i % NAMES.len()];
        let mobile = format!("9{:09}", 876_543_210 - i * 17);
        csv.push_str(&format!(
            "{i},{name},+91 {} {},{},\"H.No. {i}-4/B,\r\nGandhi Nagar, Jaipur\",\"1,25,{:03}.00\",\"paid \"\"in full\"\"; call {mobile}\"\r\n",
            &mobile[..5],
            &mobile[5..],
            aadhaar(i),
            i % 1000
        ));
        if i % 20 == 0 {
            my.push_str("INSERT INTO `owners` VALUES ");
        } else {
            my.push(',');
        }
        my.push_str(&format!("({i},'{name}',{mobile},'it\\'s paid; call {mobile}\\n')"));
        if i % 20 == 19 {
            my.push_str(";\n");
        }
        pg.push_str(&format!("{i}\t{name}\t+91 {mobile}\tS/O Mohan Lal\\tcall {mobile}\n"));
    }
    my.push_str("UNLOCK TABLES;\n");
    // The first table again, in another column order (planned a second time).
    pg.push_str("\\.\n\nCOPY public.eg_user (id, mobilenumber, name) FROM stdin;\n");
    for i in 0..900 {
        pg.push_str(&format!("{i}\t{}\t{}\n", 7_000_000_000u64 + i as u64 * 31, NAMES[(i + 5) % NAMES.len()]));
    }
    pg.push_str("\\.\n\n-- PostgreSQL database dump complete\n");
    std::fs::write(dir.join("register.csv"), csv).unwrap();
    std::fs::write(dir.join("owners.sql"), my).unwrap();
    std::fs::write(dir.join("users.sql"), pg).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"Owner Name,Mobile No\nRamesh Kumar,9876543210\n").unwrap();
    std::fs::write(dir.join("small.csv.gz"), gz.finish().unwrap()).unwrap();
}

/// Writes the inputs with `write` into a new directory, masks them in one run (`full/`) and
/// plans them in units of `unit_size` (`plan.jsonl`), both under `--profile migration`: returns
/// the directory, the one run's outputs, the manifest and its text.
fn one_run_and_plan(write: fn(&Path), unit_size: &str) -> (tempfile::TempDir, PathBuf, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write(&input);
    let full = dir.path().join("full");
    parda().args(["mask", "-q", "--profile", "migration", "--out"]).arg(&full).arg(&input).assert().success();
    let manifest = dir.path().join("plan.jsonl");
    parda()
        .args(["plan", "-q", "--profile", "migration", "--unit-size", unit_size, "--out"])
        .arg(&manifest)
        .arg(&input)
        .assert()
        .success();
    let plan = std::fs::read_to_string(&manifest).unwrap();
    (dir, full, manifest, plan)
}

#[test]
fn units_merge_to_the_same_bytes_and_counts_as_one_run() {
    let (dir, full, manifest, plan) = one_run_and_plan(write_inputs, "8K");
    let units: Vec<serde_json::Value> = plan.lines().skip(1).map(|l| serde_json::from_str(l).unwrap()).collect();
    let count = |file: &str, kind: &str| units.iter().filter(|u| u["output"] == file && u["kind"] == kind).count();
    assert!(count("register.csv", "csv_range") >= 3, "{plan}");
    assert_eq!(count("small.csv.gz", "whole"), 1);
    assert!(count("owners.sql", "sql_items") >= 3, "{plan}");
    assert!(count("users.sql", "sql_items") >= 3, "the COPY block is cut: {plan}");
    assert!(!plan.contains("Ramesh") && !plan.contains("98765"), "no values in the manifest");

    // Units in reverse order, half one by one, half through standard input (as Spark's pipe).
    let split = dir.path().join("split");
    let n = units.len();
    for id in (n / 2..n).rev() {
        parda()
            .args(["mask-units", "--profile", "migration", "--manifest"])
            .arg(&manifest)
            .args(["--unit", &id.to_string(), "--out"])
            .arg(&split)
            .assert()
            .success();
    }
    let ids: String = (0..n / 2).rev().map(|i| format!("{i}\n")).collect();
    let out = parda()
        .args(["mask-units", "--profile", "migration", "--manifest"])
        .arg(&manifest)
        .arg("--out")
        .arg(&split)
        .write_stdin(ids)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().filter(|l| l.contains("\"ok\":true")).count(), n / 2);
    parda().arg("merge").arg(&manifest).arg("--out").arg(&split).assert().success();

    assert_merged_units_are_one_run(&full, &split, &["register.csv", "owners.sql", "users.sql", "small.csv.gz"]);
    assert!(!split.join(".parda-units").exists(), "parts are removed after the merge");
}

#[test]
fn merge_refuses_missing_units_and_mask_units_refuses_another_classification() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write_inputs(&input);
    let manifest = dir.path().join("plan.jsonl");
    parda().args(["plan", "-q", "--unit-size", "8K", "--out"]).arg(&manifest).arg(&input).assert().success();
    let out = dir.path().join("o");
    parda().args(["mask-units", "--unit", "0", "--manifest"]).arg(&manifest).arg("--out").arg(&out).assert().success();
    parda()
        .arg("merge")
        .arg(&manifest)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("units not masked yet"));
    assert!(!out.join("register.csv").exists());
    // A policy that keeps a column the plan classified: the unit stops rather than differ.
    let policy = dir.path().join("p.toml");
    std::fs::write(&policy, "[columns]\n\"Owner Name\" = { action = \"keep\" }\n").unwrap();
    let plan = std::fs::read_to_string(&manifest).unwrap();
    let csv_unit = plan.lines().skip(1).position(|l| l.contains("csv_range")).unwrap();
    parda()
        .args(["mask-units", "--policy"])
        .arg(&policy)
        .args(["--unit", &csv_unit.to_string(), "--manifest"])
        .arg(&manifest)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("classified differently from the plan"));
}

/// Dumps longer than the sample a table is planned from: the units after it skim the items
/// before their range (rows counted, not parsed). A second table is planned after the first
/// one's units began, and the pg_dump's first table again with other columns.
fn write_long_dumps(dir: &Path) {
    let mut my = String::from("-- MySQL dump 10.13\nCREATE TABLE `owners` (\n  `id` int,\n  `owner_name` varchar(64),\n  `mobile` bigint,\n  `note` text\n);\nCREATE TABLE `payments` (\n  `id` int,\n  `payer` varchar(64),\n  `remarks` text\n);\n");
    let mut pg = String::from("--\n-- PostgreSQL database dump\n--\nSET standard_conforming_strings = on;\nCOPY public.eg_user (id, name, mobilenumber, remarks) FROM stdin;\n");
    for i in 0..2_500 {
        let name = NAMES[i % NAMES.len()];
        let mobile = format!("9{:09}", 876_543_210 - i * 17);
        my.push_str(if i % 20 == 0 { "INSERT INTO `owners` VALUES " } else { "," });
        my.push_str(&format!("({i},'{name}',{mobile},'it\\'s paid; (call) {mobile}\\n')"));
        if i % 20 == 19 {
            my.push_str(";\n");
        }
        pg.push_str(&format!("{i}\t{name}\t+91 {mobile}\tS/O Mohan Lal\\tcall {mobile}\n"));
    }
    pg.push_str("\\.\n\nCOPY public.eg_address (id, name, address) FROM stdin;\n");
    for i in 0..1_200 {
        let name = NAMES[(i + 2) % NAMES.len()];
        my.push_str(&format!("INSERT INTO `payments` VALUES ({i},'{name}','Aadhaar {}'),({i},NULL,'');\n", aadhaar(i)));
        pg.push_str(&format!("{i}\t{name}\tH.No. {i}, Gandhi Nagar, Jaipur - 302001\n"));
    }
    // The first table again, in another column order (planned a second time).
    pg.push_str("\\.\n\nCOPY public.eg_user (id, mobilenumber, name) FROM stdin;\n");
    for i in 0..900 {
        pg.push_str(&format!("{i}\t{}\t{}\n", 7_000_000_000u64 + i as u64 * 31, NAMES[(i + 5) % NAMES.len()]));
    }
    pg.push_str("\\.\n\n-- PostgreSQL database dump complete\n");
    std::fs::write(dir.join("owners.sql"), my).unwrap();
    std::fs::write(dir.join("users.sql"), pg).unwrap();
}

#[test]
fn dump_units_after_a_planned_sample_give_the_same_bytes_as_one_run() {
    let (dir, full, manifest, plan) = one_run_and_plan(write_long_dumps, "40K");
    let n = plan.lines().count() - 1;
    assert!(n >= 8, "{plan}");
    // Every unit after a file's first seeks to its first item: it reads again only what came
    // before it that it learns from, and counts the planned tables' rows it skips.
    let units: Vec<serde_json::Value> = plan.lines().skip(1).map(|l| serde_json::from_str(l).unwrap()).collect();
    for u in &units {
        let first = u["items"][0].as_u64().unwrap();
        assert_eq!(u["resume"].is_object(), first > 0, "{u}");
    }
    // Each holds the steps since the file's previous unit.
    let steps = |file: &str, kind: &str| {
        let of_file = units.iter().filter(|u| u["output"] == file);
        of_file
            .flat_map(|u| u["resume"]["steps"].as_array().cloned().unwrap_or_default())
            .filter(|s| s.get(kind).is_some())
            .count()
    };
    for file in ["owners.sql", "users.sql"] {
        assert!(steps(file, "skip") >= 2 && steps(file, "read") >= 2, "{file}: {plan}");
    }
    let split = mask_units_in_reverse_and_merge(dir.path(), &manifest, n);
    assert_merged_units_are_one_run(&full, &split, &["owners.sql", "users.sql"]);
}

/// Masks the `n` units of `manifest` in reverse order through standard input (as Spark's pipe)
/// into `dir/split`, merges them there and returns that folder.
fn mask_units_in_reverse_and_merge(dir: &Path, manifest: &Path, n: usize) -> PathBuf {
    let split = dir.join("split");
    let ids: String = (0..n).rev().map(|i| format!("{i}\n")).collect();
    parda()
        .args(["mask-units", "--profile", "migration", "--manifest"])
        .arg(manifest)
        .arg("--out")
        .arg(&split)
        .write_stdin(ids)
        .assert()
        .success();
    parda().arg("merge").arg(manifest).arg("--out").arg(&split).assert().success();
    split
}

/// A dump whose second table is one INSERT of 2.7 MB, read in pieces of about 1 MiB, between
/// short statements.
fn write_dump_with_a_long_insert(dir: &Path) {
    let mut my = String::from("-- MySQL dump 10.13\nCREATE TABLE `owners` (`id` int, `owner_name` varchar(64), `mobile` bigint);\nCREATE TABLE `payments` (`id` int, `payer` varchar(64), `remarks` text);\n");
    for i in 0..2_000 {
        my.push_str(if i % 50 == 0 { "INSERT INTO `owners` VALUES " } else { "," });
        my.push_str(&format!("({i},'{}',9{:09})", NAMES[i % NAMES.len()], 876_543_210 - i * 17));
        my.push_str(if i % 50 == 49 { ";\n" } else { "" });
    }
    let tuples: Vec<String> = (0..45_000)
        .map(|i| format!("({i},'{}','Aadhaar {} seen; (ok)')", NAMES[(i + 3) % NAMES.len()], aadhaar(i)))
        .collect();
    my.push_str(&format!("INSERT INTO `payments` VALUES {};\n", tuples.join(",")));
    for i in 0..1_000 {
        my.push_str(&format!("INSERT INTO `owners` VALUES ({i},'{}',7{:09});\n", NAMES[(i + 1) % NAMES.len()], i * 31));
    }
    std::fs::write(dir.join("long.sql"), my).unwrap();
}

#[test]
fn units_of_a_dump_never_start_inside_an_insert_read_in_pieces() {
    let (dir, full, manifest, plan) = one_run_and_plan(write_dump_with_a_long_insert, "40K");
    let text = std::fs::read_to_string(dir.path().join("in/long.sql")).unwrap();
    let start = text.find("INSERT INTO `payments`").unwrap() as u64;
    let end = start + text[start as usize..].find(";\n").unwrap() as u64 + 2;
    assert!(end - start > 2 << 20);
    let units: Vec<serde_json::Value> = plan.lines().skip(1).map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(units.len() >= 4, "{plan}");
    let offsets: Vec<u64> = units.iter().filter_map(|u| u["resume"]["at"]["offset"].as_u64()).collect();
    assert!(offsets.iter().all(|&o| o <= start || o >= end), "a unit starts inside the statement: {offsets:?}");
    assert!(offsets.iter().any(|&o| o >= end), "a unit after the statement: {offsets:?}");
    let split = mask_units_in_reverse_and_merge(dir.path(), &manifest, units.len());
    assert_merged_units_are_one_run(&full, &split, &["long.sql"]);
}

#[test]
fn a_dump_unit_refuses_a_dump_changed_since_the_plan() {
    let (dir, _full, manifest, plan) = one_run_and_plan(write_long_dumps, "40K");
    let units: Vec<&str> = plan.lines().skip(1).collect();
    let last = units.iter().rposition(|l| l.contains("owners.sql")).unwrap();
    let dump = dir.path().join("in/owners.sql");
    let text = std::fs::read_to_string(&dump).unwrap();
    // One more row early in the file: its size and every later offset change.
    std::fs::write(&dump, text.replacen("),(", "),(9999,'x',1,''),(", 1)).unwrap();
    let out = dir.path().join("o");
    let run = |out: &Path| {
        parda()
            .args(["mask-units", "--profile", "migration", "--unit", &last.to_string(), "--manifest"])
            .arg(&manifest)
            .arg("--out")
            .arg(out)
            .assert()
    };
    run(&out).code(2).stderr(predicates::str::contains("owners.sql: the dump is not the one `parda plan` cut"));
    // The same size, but the first two statements are one now (their `;` became a space).
    let same_size = text.replacen(");\nCREATE TABLE `payments`", ") \nCREATE TABLE `payments`", 1);
    assert_eq!(same_size.len(), text.len());
    std::fs::write(&dump, same_size).unwrap();
    run(&out).code(2).stderr(predicates::str::contains("plan it again"));
    let parts: Vec<_> = std::fs::read_dir(out.join(".parda-units")).map_or(Vec::new(), |d| d.collect());
    assert!(parts.is_empty(), "no part is left by a refused unit: {parts:?}");
}

/// Asserts that the outputs `files` of one run in `full` and of merged units in `split` are the
/// same bytes, with the same token locators (each token's row and column; none for a gzip
/// output), and that the two reports' summaries are equal.
fn assert_merged_units_are_one_run(full: &Path, split: &Path, files: &[&str]) {
    for f in files {
        let same = std::fs::read(full.join(f)).unwrap() == std::fs::read(split.join(f)).unwrap();
        assert!(same, "{f} differs between one run and the merged units");
        if !f.ends_with(".gz") {
            let t = format!("{f}.parda-tokens");
            let same = std::fs::read(full.join(&t)).unwrap() == std::fs::read(split.join(&t)).unwrap();
            assert!(same, "{t} (rows and columns of each token) differs between one run and the merged units");
        }
    }
    let summary = |d: &Path| {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(d.join("parda-report.json")).unwrap()).unwrap();
        v["summary"].clone()
    };
    assert_eq!(summary(full), summary(split));
}
