//! `parda aggregate`: counts and sums compared with an independent computation on generated
//! data, no group under k published, suppressed groups not recoverable from the total,
//! Parquet read back by polars, dumps and workbooks as inputs, and the refusal to group by a
//! direct identifier.

use assert_cmd::Command;
use polars::prelude::*;
use predicates::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

fn parda() -> Command {
    Command::cargo_bin("parda").unwrap()
}

/// A generated register: wards of very different sizes (some under k), usage types, amounts
/// in Indian style with some that are not amounts, and PII columns.
fn register(path: &Path) -> BTreeMap<(String, String), (u64, f64)> {
    let mut csv =
        String::from("Property Tax Register 2023-24\n\nS.No,Owner Name,Mobile No,Ward,Usage Type,DOB,Tax Amount\n");
    let mut truth: BTreeMap<(String, String), (u64, f64)> = BTreeMap::new();
    let sizes = [(1, 120), (2, 45), (3, 12), (4, 7), (5, 3), (6, 30), (7, 1)];
    let mut n = 0u64;
    for (ward, count) in sizes {
        for i in 0..count {
            n += 1;
            let usage = if i % 3 == 0 { "Commercial" } else { "Residential" };
            let amount = (n * 137 % 90_000) as f64 + 0.5 * (n % 2) as f64;
            let shown = match n % 11 {
                0 => "paid".to_string(),
                1 => "NA".to_string(),
                2 => format!("Rs. {}", indian(amount)),
                3 => format!("{}/-", indian(amount)),
                _ => format!("{amount}"),
            };
            let summed = if n % 11 <= 1 { 0.0 } else { amount };
            let e = truth.entry((format!("Ward {ward}"), usage.to_string())).or_default();
            e.0 += 1;
            e.1 += summed;
            csv.push_str(&format!(
                "{n},Ramesh Kumar {n},98765{:05},Ward {ward},{usage},{:02}/{:02}/19{},\"{shown}\"\n",
                n,
                1 + n % 28,
                1 + n % 12,
                50 + n % 40
            ));
        }
    }
    std::fs::write(path, csv).unwrap();
    truth
}

fn indian(v: f64) -> String {
    let whole = v.trunc() as u64;
    let s = whole.to_string();
    let grouped = if s.len() > 3 {
        let (head, tail) = s.split_at(s.len() - 3);
        let mut h = String::new();
        for (i, c) in head.chars().enumerate() {
            if i > 0 && (head.len() - i) % 2 == 0 {
                h.push(',');
            }
            h.push(c);
        }
        format!("{h},{tail}")
    } else {
        s
    };
    if v.fract() > 0.0 {
        format!("{grouped}.50")
    } else {
        grouped
    }
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect()
}

#[test]
fn counts_and_sums_match_an_independent_computation_and_small_groups_are_safe() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("register.csv");
    let truth = register(&input);
    let out = dir.path().join("by_ward.csv");
    let o = parda()
        .args(["aggregate", "--by", "Ward,Usage Type", "--sum", "Tax Amount", "--k", "10", "--out"])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8(o.stdout).unwrap();
    assert!(stdout.contains("Tax Amount: ") && stdout.contains("not amounts"), "{stdout}");
    let header = std::fs::read_to_string(&out).unwrap().lines().next().unwrap().to_string();
    assert_eq!(header, "Ward,Usage Type,count,Tax Amount_sum", "no other column");
    let rows = read_csv(&out);
    let (total, groups) = rows.split_last().unwrap();
    let mut published = BTreeMap::new();
    for r in groups {
        let key = (r[0].clone(), r[1].clone());
        let (count, sum) = truth[&key];
        assert_eq!(r[2].parse::<u64>().unwrap(), count, "{key:?}");
        assert!((r[3].parse::<f64>().unwrap() - sum).abs() < 1e-6, "{key:?}: {} vs {sum}", r[3]);
        assert!(count >= 10, "{key:?} has {count} rows");
        published.insert(key, count);
    }
    assert_eq!(total[0], "TOTAL");
    let all: u64 = truth.values().map(|v| v.0).sum();
    assert_eq!(total[2].parse::<u64>().unwrap(), all);
    // What the total minus the published groups reveals covers at least two groups and k rows.
    let held: Vec<u64> = truth.iter().filter(|(k, _)| !published.contains_key(*k)).map(|(_, v)| v.0).collect();
    assert!(held.len() >= 2 && held.iter().sum::<u64>() >= 10, "{held:?}");
    // By ward with k = 5, wards 5 (3 rows) and 7 (1 row) are under k; together they hold 4 rows,
    // which the total would reveal as a pair, so the next smallest ward (4, 7 rows) goes too.
    let out = dir.path().join("by_ward_k5.csv");
    parda().args(["aggregate", "--by", "Ward", "--k", "5", "--out"]).arg(&out).arg(&input).assert().success();
    let wards: Vec<String> = read_csv(&out).iter().map(|r| r[0].clone()).collect();
    assert_eq!(wards, ["Ward 1", "Ward 2", "Ward 3", "Ward 6", "TOTAL"]);
}

#[test]
fn parquet_reads_back_with_the_same_values() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("register.csv");
    register(&input);
    let (csv_out, pq_out) = (dir.path().join("a.csv"), dir.path().join("a.parquet"));
    for out in [&csv_out, &pq_out] {
        parda()
            .args(["aggregate", "--by", "Ward", "--sum", "Tax Amount", "--out"])
            .arg(out)
            .arg(&input)
            .assert()
            .success();
    }
    let df = ParquetReader::new(std::fs::File::open(&pq_out).unwrap()).finish().unwrap();
    let rows = read_csv(&csv_out);
    assert_eq!(df.height(), rows.len());
    let ward_col = df.column("Ward").unwrap().str().unwrap().clone();
    let wards: Vec<String> = (0..df.height()).map(|i| ward_col.get(i).unwrap_or("").to_string()).collect();
    let counts: Vec<u64> = df.column("count").unwrap().u64().unwrap().into_no_null_iter().collect();
    let sums: Vec<f64> = df.column("Tax Amount_sum").unwrap().f64().unwrap().into_no_null_iter().collect();
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(wards[i], r[0]);
        assert_eq!(counts[i].to_string(), r[1]);
        assert!((sums[i] - r[2].parse::<f64>().unwrap()).abs() < 1e-6);
    }
}

#[test]
fn grouping_by_a_direct_identifier_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("register.csv");
    register(&input);
    for col in ["Owner Name", "Mobile No"] {
        let out = dir.path().join("x.csv");
        parda()
            .args(["aggregate", "--by", col, "--out"])
            .arg(&out)
            .arg(&input)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("refusing to group by `{col}`")));
        assert!(!out.exists());
    }
    // A date of birth generalised to its year is a fine grouping column.
    let out = dir.path().join("by_year.csv");
    parda()
        .args(["aggregate", "--by", "DOB", "--generalize", "DOB=year", "--k", "5", "--out"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();
    let rows = read_csv(&out);
    assert!(rows[..rows.len() - 1].iter().all(|r| r[0].len() == 4 && r[0].starts_with("19")), "{rows:?}");
}

#[test]
fn dump_tables_and_workbook_sheets_are_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let mut dump = String::from("CREATE TABLE `owners` (`id` int, `name` varchar(64), `ward` varchar(10), `tax` varchar(20));\nINSERT INTO `owners` VALUES ");
    for i in 0..40 {
        if i > 0 {
            dump.push(',');
        }
        dump.push_str(&format!("({i},'Ramesh Kumar','W{}','Rs. 1,000')", i % 2));
    }
    dump.push_str(";\n");
    std::fs::write(dir.path().join("d.sql"), dump).unwrap();
    let out = dir.path().join("wards.csv");
    let arg = format!("{}#owners", dir.path().join("d.sql").display());
    parda().args(["aggregate", &arg, "--by", "ward", "--sum", "tax", "--out"]).arg(&out).assert().success();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "ward,count,tax_sum\nW0,20,20000.0\nW1,20,20000.0\nTOTAL,40,40000.0\n"
    );
    let book = dir.path().join("b.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let s = wb.add_worksheet().set_name("Owners").unwrap();
    s.write_string(0, 0, "Register of owners").unwrap();
    for (c, h) in ["Name", "Ward", "Tax"].iter().enumerate() {
        s.write_string(1, c as u16, *h).unwrap();
    }
    for i in 0..30u32 {
        s.write_string(2 + i, 0, "Sunita Devi").unwrap();
        s.write_string(2 + i, 1, if i < 20 { "W1" } else { "W2" }).unwrap();
        s.write_number(2 + i, 2, 100.0).unwrap();
    }
    wb.save(&book).unwrap();
    let out = dir.path().join("sheet.csv");
    let arg = format!("{}#Owners", book.display());
    parda().args(["aggregate", &arg, "--by", "Ward", "--sum", "Tax", "--out"]).arg(&out).assert().success();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "Ward,count,Tax_sum\nW1,20,2000.0\n W2,10,1000.0\nTOTAL,30,3000.0\n".replace("\n W2", "\nW2")
    );
}

#[test]
fn archive_profile_removes_identifiers_generalises_and_reports_k() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("register.csv");
    register(&input);
    let out = dir.path().join("o");
    parda().args(["mask", "-q", "--profile", "archive", "--out"]).arg(&out).arg(&input).assert().success();
    let rows = read_csv_skip(&out.join("register.csv"), 2);
    let original = read_csv_skip(&input, 2);
    let mut years: BTreeMap<String, u64> = BTreeMap::new();
    for (o, r) in original.iter().zip(&rows) {
        assert_eq!(r[1], "", "names are removed");
        assert_eq!(r[2], "", "mobiles are removed");
        assert_eq!(r[3], o[3], "wards are kept");
        assert_eq!(r[5], format!("19{}", &o[5][o[5].len() - 2..]), "dates of birth become years");
        *years.entry(r[5].clone()).or_default() += 1;
    }
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("parda-report.json")).unwrap()).unwrap();
    let f = &report["files"][0];
    assert_eq!(report["profile"], "archive");
    assert_eq!(f["quasi_identifiers"], serde_json::json!(["DOB"]));
    assert_eq!(f["k_anonymity"].as_u64().unwrap(), *years.values().min().unwrap());
}

fn read_csv_skip(path: &Path, skip: usize) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let body: String = text.lines().skip(skip).map(|l| format!("{l}\n")).collect();
    let mut r = csv::Reader::from_reader(body.as_bytes());
    r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect()
}

/// A workbook's date cells group by their year (they were read as serial numbers), and the
/// sheet is streamed from its file.
#[test]
fn workbook_dates_generalise_to_years() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("dob.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let s = wb.add_worksheet().set_name("Owners").unwrap();
    for (c, h) in ["Name", "Ward", "Date of Birth", "Tax"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..24u32 {
        s.write_string(1 + i, 0, "Sunita Devi").unwrap();
        s.write_string(1 + i, 1, "W1").unwrap();
        // 1 January 1961 (serial 22282) for the first 12 rows, 1 January 1990 (32874) after.
        s.write_number_with_format(1 + i, 2, if i < 12 { 22282.0 } else { 32874.0 }, &date).unwrap();
        s.write_number(1 + i, 3, 10.0).unwrap();
    }
    wb.save(&book).unwrap();
    let out = dir.path().join("years.csv");
    parda()
        .args([
            "aggregate",
            "--by",
            "Date of Birth",
            "--generalize",
            "Date of Birth=year",
            "--sum",
            "Tax",
            "--k",
            "5",
            "--out",
        ])
        .arg(&out)
        .arg(&book)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "Date of Birth,count,Tax_sum\n1961,12,120.0\n1990,12,120.0\nTOTAL,24,240.0\n"
    );
}
