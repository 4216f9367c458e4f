//! End-to-end tests of the keyed profiles: `mask --profile migration` then `unmask` gives back
//! every cell exactly, in every format; tokens and fakes are consistent across formats; a
//! missing key, a wrong key and a role without rights stop before anything is written; the
//! audit log catches tampering.

use assert_cmd::Command;
use calamine::{open_workbook_auto, Data, Reader};
use predicates::prelude::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const KEY: &str = "9f3c1a7b2e8d4c6f0a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778";
const OTHER_KEY: &str = "0000000000000000000000000000000000000000000000000000000000000001";

const TYPES: &[&str] = &[
    "mobile",
    "landline",
    "aadhaar",
    "vid",
    "pan",
    "gstin",
    "voter_id",
    "passport",
    "driving_licence",
    "vehicle_reg",
    "ifsc",
    "bank_account",
    "welfare_id",
    "upi",
    "email",
    "card",
    "dob",
    "pincode",
    "name",
    "address",
];

fn testdata(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata").join(rel)
}

fn parda(key: Option<&str>) -> Command {
    let mut c = Command::cargo_bin("parda").unwrap();
    c.env_remove("PARDA_KEY").env_remove("PARDA_AUDIT_LOG");
    if let Some(k) = key {
        c.env("PARDA_KEY", k);
    }
    c
}

/// A policy with an ADMIN role that sees everything, a GRO that sees mobiles plain and names
/// masked, and a CLERK that sees nothing.
fn write_policy(dir: &Path) -> PathBuf {
    let mut p = String::from("[roles.ADMIN]\n");
    for t in TYPES {
        p.push_str(&format!("{t} = \"plain\"\n"));
    }
    p.push_str("[roles.GRO]\nmobile = \"plain\"\nname = \"masked\"\n[roles.CLERK]\nmobile = \"none\"\n");
    let path = dir.join("policy.toml");
    std::fs::write(&path, p).unwrap();
    path
}

fn read_plain(path: &Path) -> Vec<u8> {
    let raw = std::fs::read(path).unwrap();
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).unwrap();
        out
    } else {
        raw
    }
}

fn mask_migration(inputs: &[PathBuf], out: &Path) {
    parda(Some(KEY)).args(["mask", "-q", "--profile", "migration", "--out"]).arg(out).args(inputs).assert().success();
}

fn unmask(input: &Path, out: &Path, policy: &Path, role: &str) -> assert_cmd::assert::Assert {
    parda(Some(KEY))
        .args(["unmask", "-q", "--purpose", "round-trip test", "--role", role, "--policy"])
        .arg(policy)
        .arg("--out")
        .arg(out)
        .arg(input)
        .assert()
}

#[test]
fn every_csv_fixture_round_trips_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let policy = write_policy(dir.path());
    let mut inputs = Vec::new();
    for folder in ["samples", "dialects"] {
        for e in std::fs::read_dir(testdata(folder)).unwrap() {
            inputs.push(e.unwrap().path());
        }
    }
    inputs.sort();
    let masked = dir.path().join("m");
    mask_migration(&inputs, &masked);
    let restored = dir.path().join("r");
    unmask(&masked, &restored, &policy, "ADMIN").success();
    let mut changed = 0;
    for input in &inputs {
        let name = input.file_name().unwrap();
        let m = read_plain(&masked.join(name));
        let r = read_plain(&restored.join(name));
        assert_eq!(r, read_plain(input), "{} did not round-trip", name.to_string_lossy());
        changed += usize::from(m != r);
    }
    // The seven sample registers hold PII; the dialect fixtures hold none and come out as they were.
    assert_eq!(changed, 7);
}

const MYSQL: &str = "-- MySQL dump 10.13\n/*!40101 SET NAMES utf8mb4 */;\nCREATE TABLE `owners` (\n  `id` int NOT NULL,\n  `owner_name` varchar(64),\n  `mobile` bigint,\n  `aadhaar` varchar(14),\n  `pan` varchar(10),\n  `email` varchar(64),\n  `note` text\n) ENGINE=InnoDB;\nLOCK TABLES `owners` WRITE;\nINSERT INTO `owners` VALUES (1,'Ramesh Kumar',9876543210,'2345 6789 0124','ABCPE1234F','ramesh.kumar@example.com','call 9123456789; it\\'s \\\\ ok\\n'),(2,'Smt. Sunita Devi',NULL,NULL,NULL,NULL,'receipt 7012345678'),(3,'R. K. Sharma',8765432109,'NA','abcpe1234f',NULL,NULL);\nUNLOCK TABLES;\n";

const PG: &str = "--\n-- PostgreSQL database dump\n--\nSET standard_conforming_strings = on;\nCREATE TABLE public.eg_user (\n    id bigint NOT NULL,\n    name character varying(100),\n    mobilenumber character varying(50),\n    remarks text\n);\nCOPY public.eg_user (id, name, mobilenumber, remarks) FROM stdin;\n1\tRamesh Kumar\t+91 98765 43210\tS/O Mohan Lal\\tWard 7\n2\t\\N\t\\N\t\\N\n3\tसुनीता देवी\t09876543210\tआवेदक रमेश कुमार का फोन 9123456789\n\\.\n\nINSERT INTO public.eg_user VALUES (4, 'Mohan Lal', '7012345678', E'note\\\\n 9123456789');\n";

#[test]
fn dumps_and_gzip_round_trip_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let policy = write_policy(dir.path());
    std::fs::write(dir.path().join("owners.sql"), MYSQL).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(PG.as_bytes()).unwrap();
    std::fs::write(dir.path().join("users.sql.gz"), gz.finish().unwrap()).unwrap();
    let inputs = [dir.path().join("owners.sql"), dir.path().join("users.sql.gz")];
    let masked = dir.path().join("m");
    mask_migration(&inputs, &masked);
    let m = String::from_utf8(read_plain(&masked.join("owners.sql"))).unwrap();
    for real in
        ["Ramesh Kumar", "9876543210", "2345 6789 0124", "ABCPE1234F", "abcpe1234f", "ramesh.kumar@", "9123456789"]
    {
        assert!(!m.contains(real), "{real} survived:\n{m}");
    }
    assert!(m.contains("@example.com"), "{m}");
    let pg = String::from_utf8(read_plain(&masked.join("users.sql.gz"))).unwrap();
    assert!(!pg.contains("सुनीता") && !pg.contains("रमेश") && !pg.contains("9876543210"), "{pg}");
    let restored = dir.path().join("r");
    unmask(&masked, &restored, &policy, "ADMIN").success();
    assert_eq!(read_plain(&restored.join("owners.sql")), MYSQL.as_bytes());
    assert_eq!(read_plain(&restored.join("users.sql.gz")), PG.as_bytes());
}

fn make_book(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let s = book.add_worksheet().set_name("Owners").unwrap();
    for (c, h) in ["Owner Name", "Mobile No", "Aadhar No", "PAN", "Email", "DOB", "Remarks"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    s.write_string(1, 0, "Ramesh Kumar").unwrap();
    s.write_number(1, 1, 9876543210.0).unwrap();
    s.write_string(1, 2, "2345 6789 0124").unwrap();
    s.write_string(1, 3, "ABCPE1234F").unwrap();
    s.write_string(1, 4, "ramesh.kumar@example.com").unwrap();
    s.write_number_with_format(1, 5, 32946.0, &date).unwrap();
    s.write_string(1, 6, "owner mob 9123456789").unwrap();
    s.write_string(2, 0, "Smt. Sunita Devi").unwrap();
    s.write_string(2, 1, "+91 98765-43210").unwrap();
    s.write_string(2, 6, "paid Rs. 1,25,000").unwrap();
    book.save(path).unwrap();
}

fn cells(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb = open_workbook_auto(path).unwrap();
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let r = wb.worksheet_range(&n).unwrap();
            (n, r.rows().map(|row| row.to_vec()).collect())
        })
        .collect()
}

#[test]
fn workbook_round_trips_values_and_types() {
    let dir = tempfile::tempdir().unwrap();
    let policy = write_policy(dir.path());
    let book = dir.path().join("owners.xlsx");
    make_book(&book);
    let masked = dir.path().join("m");
    mask_migration(std::slice::from_ref(&book), &masked);
    let m = cells(&masked.join("owners.xlsx"));
    assert_ne!(m, cells(&book));
    assert!(matches!(m[0].1[1][1], Data::Float(_)), "a number-stored mobile stays a number: {:?}", m[0].1[1][1]);
    assert!(matches!(m[0].1[1][5], Data::DateTime(_)), "a date stays a date: {:?}", m[0].1[1][5]);
    let restored = dir.path().join("r");
    unmask(&masked, &restored, &policy, "ADMIN").success();
    assert_eq!(cells(&restored.join("owners.xlsx")), cells(&book));
}

/// The value of the first cell after `header` in a CSV, a workbook row or a dump.
fn csv_row(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().nth(1).unwrap().split(',').map(str::to_string).collect()
}

#[test]
fn the_same_values_get_the_same_tokens_and_fakes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("owners.csv"),
        "Owner Name,Mobile No,Aadhar No,PAN,Email\nRamesh Kumar,09876543210,234567890124,abcpe1234f,Ramesh.Kumar@example.com\n",
    )
    .unwrap();
    make_book(&dir.path().join("owners.xlsx"));
    std::fs::write(dir.path().join("owners.sql"), MYSQL).unwrap();
    let inputs = ["owners.csv", "owners.xlsx", "owners.sql"].map(|n| dir.path().join(n));
    for profile in ["migration", "uat"] {
        let out = dir.path().join(profile);
        parda(Some(KEY)).args(["mask", "-q", "--profile", profile, "--out"]).arg(&out).args(&inputs).assert().success();
        let csv = csv_row(&out.join("owners.csv"));
        let book = cells(&out.join("owners.xlsx"));
        let sql = std::fs::read_to_string(out.join("owners.sql")).unwrap();
        let row = &book[0].1[1];
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        // Mobile: 09876543210, the number 9876543210 and +91 98765-43210 are one mobile.
        let mobile = digits(&csv[1])[1..].to_string();
        assert_ne!(mobile, "9876543210");
        assert_eq!(digits(&row[1].to_string()), mobile, "{profile}");
        assert!(sql.contains(&format!("(1,'{}',{mobile},", csv[0])) || profile == "uat", "{profile}: {sql}");
        assert!(sql.contains(&format!(",{mobile},")), "{profile}: {sql}");
        // Aadhaar: written differently, one token, still valid.
        let aadhaar = digits(&csv[2]);
        assert_ne!(aadhaar, "234567890124");
        assert_eq!(digits(&row[2].to_string()), aadhaar);
        assert!(sql.contains(&format!("'{} {} {}'", &aadhaar[..4], &aadhaar[4..8], &aadhaar[8..])), "{sql}");
        // PAN: lower and upper case are one PAN; the case is kept.
        assert_ne!(csv[3], "abcpe1234f");
        assert_eq!(row[3].to_string(), csv[3].to_uppercase());
        assert!(sql.contains(&format!("'{}'", csv[3].to_uppercase())) && sql.contains(&format!("'{}'", csv[3])));
        // Email: the same local part whatever its case, the domain kept.
        assert!(csv[4].ends_with("@example.com") && !csv[4].starts_with("Ramesh"));
        assert_eq!(row[4].to_string(), csv[4].to_lowercase());
        // Name: the same person, the same replacement.
        assert_ne!(csv[0], "Ramesh Kumar");
        assert_eq!(row[0].to_string(), csv[0]);
        assert!(sql.contains(&format!("'{}'", csv[0])), "{profile}: {sql}");
    }
    // The UAT fakes are not the migration tokens (another sub-key), and UAT names are names.
    let uat = csv_row(&dir.path().join("uat/owners.csv"));
    let mig = csv_row(&dir.path().join("migration/owners.csv"));
    assert_ne!(uat[1], mig[1]);
    assert!(uat[0]
        .split(' ')
        .all(|w| w.chars().next().unwrap().is_uppercase() && w[1..].chars().all(|c| c.is_lowercase())));
}

#[test]
fn keyed_profiles_without_a_key_stop_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m");
    parda(None)
        .args(["mask", "--profile", "uat", "--out"])
        .arg(&out)
        .arg(testdata("samples/property_tax.csv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("profile `uat`: a key is needed: set PARDA_KEY"));
    assert!(!out.exists());
    parda(Some("c2hvcnQ="))
        .args(["mask", "--profile", "migration", "--out"])
        .arg(&out)
        .arg(testdata("samples/property_tax.csv"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("PARDA_KEY: not a 256-bit key").and(predicate::str::contains("c2hvcnQ").not()),
        );
    assert!(!out.exists());
}

#[test]
fn wrong_key_and_roles_without_rights_are_refused_logged_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let policy = write_policy(dir.path());
    let masked = dir.path().join("m");
    mask_migration(&[testdata("samples/property_tax.csv")], &masked);
    let log = masked.join("parda-audit.jsonl");
    let run = |key: &str, role: &str, out: &str| {
        parda(Some(key))
            .args(["unmask", "--purpose", "check", "--role", role, "--policy"])
            .arg(&policy)
            .arg("--out")
            .arg(dir.path().join(out))
            .arg(&masked)
            .assert()
    };
    run(OTHER_KEY, "ADMIN", "a").code(2).stderr(predicate::str::contains("wrong key"));
    run(KEY, "CLERK", "b").code(2).stderr(predicate::str::contains("CLERK may not see any PII type"));
    run(KEY, "MAYOR", "c").code(2).stderr(predicate::str::contains("role `MAYOR` has no rights"));
    for out in ["a", "b", "c"] {
        assert!(!dir.path().join(out).exists(), "{out} was written");
    }
    // The GRO sees mobiles plain and names masked; everything else stays tokenized.
    run(KEY, "GRO", "gro").success();
    let gro = std::fs::read_to_string(dir.path().join("gro/property_tax.csv")).unwrap();
    let original = std::fs::read_to_string(testdata("samples/property_tax.csv")).unwrap();
    let mobile = original.lines().find_map(|l| l.split(',').nth(4).filter(|m| m.len() >= 10 && m.starts_with('9')));
    assert!(gro.contains(mobile.unwrap()), "{gro}");
    assert!(gro.contains("R***** K****") || gro.contains("R*****"), "{gro}");
    let entries = std::fs::read_to_string(&log).unwrap();
    let outcomes: Vec<&str> =
        entries.lines().map(|l| if l.contains("\"refused\"") { "refused" } else { "ok" }).collect();
    assert_eq!(outcomes, ["ok", "refused", "refused", "refused", "ok"]);
    assert!(!entries.contains(KEY) && !entries.contains(mobile.unwrap()));
    assert!(entries.contains("\"purpose\":\"check\"") && entries.contains("\"roles\":[\"GRO\"]"));
}

#[test]
fn audit_verify_catches_altered_removed_and_reordered_entries() {
    let dir = tempfile::tempdir().unwrap();
    let masked = dir.path().join("m");
    for _ in 0..3 {
        parda(Some(KEY))
            .args(["mask", "-q", "--force", "--profile", "migration", "--out"])
            .arg(&masked)
            .arg(testdata("samples/mutations.csv"))
            .assert()
            .success();
    }
    let log = masked.join("parda-audit.jsonl");
    parda(Some(KEY))
        .args(["audit", "verify"])
        .arg(&log)
        .assert()
        .success()
        .stdout(predicate::str::contains("3 entries"));
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let tampered = dir.path().join("t.jsonl");
    let cases = [
        ("altered", text.replacen("\"outcome\":\"ok\"", "\"outcome\":\"refused\"", 1)),
        ("count changed", text.replacen("\"files\":[", "\"files\":[\"x\",", 1)),
        ("removed", format!("{}\n{}\n", lines[0], lines[2])),
        ("reordered", format!("{}\n{}\n{}\n", lines[1], lines[0], lines[2])),
        ("last altered", format!("{}\n{}\n{}\n", lines[0], lines[1], lines[2].replace("\"ok\"", "\"failed\""))),
    ];
    for (what, t) in cases {
        assert_ne!(t, text, "{what}: the case changes nothing");
        std::fs::write(&tampered, t).unwrap();
        parda(None).args(["audit", "verify"]).arg(&tampered).assert().code(1);
        parda(Some(KEY))
            .args(["audit", "verify"])
            .arg(&tampered)
            .assert()
            .code(1)
            .stdout(predicate::str::contains("line"));
    }
}
