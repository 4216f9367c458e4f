//! End-to-end tests for workbooks: generated ones (built here with rust_xlsxwriter) and DIGIT's
//! real upload templates in `testdata/realworld/`. Outputs are read back with calamine to
//! check values, cell types, sheets, rows and formulas.

use assert_cmd::Command;
use calamine::{open_workbook_auto, Data, Reader};
use predicates::prelude::*;
use rust_xlsxwriter::{Format, Formula, Workbook};
use std::path::{Path, PathBuf};

fn testdata(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata").join(rel)
}

fn parda() -> Command {
    Command::cargo_bin("parda").unwrap()
}

/// A municipal register: a merged title row, a header, number-stored mobiles and Aadhaar,
/// date cells, formulas, booleans, an empty row in the middle, and three sheets.
fn make_register(path: &Path) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let owners = book.add_worksheet().set_name("Owners").unwrap();
    owners.merge_range(0, 0, 0, 7, "Property Tax Register - Ward 7", &Format::new()).unwrap();
    let headers = ["S.No", "Owner Name", "Mobile No", "Aadhar No", "DOB", "Amount", "Paid", "Remarks", "Double"];
    for (c, h) in headers.iter().enumerate() {
        owners.write_string(1, c as u16, *h).unwrap();
    }
    type Row<'a> = (f64, &'a str, f64, f64, f64, f64, bool, &'a str);
    let rows: [Row; 3] = [
        (1.0, "Ramesh Kumar", 9876543210.0, 234567890124.0, 34407.0, 523605.0, true, "owner mob 9123456789"),
        (2.0, "Smt. Sunita Devi", 9123456780.0, 499118665246.0, 30000.0, 1500.5, false, "receipt 7012345678 issued"),
        (3.0, "R. K. Sharma", 8765432109.0, 987654321096.0, 25000.0, 0.0, true, "NA"),
    ];
    for (i, (sno, name, mob, aadhaar, dob, amount, paid, remark)) in rows.iter().enumerate() {
        // Row 4 (the second data row's position + 1) is left empty on purpose.
        let r = if i < 2 { 2 + i as u32 } else { 5 };
        owners.write_number(r, 0, *sno).unwrap();
        owners.write_string(r, 1, *name).unwrap();
        owners.write_number(r, 2, *mob).unwrap();
        owners.write_number(r, 3, *aadhaar).unwrap();
        owners.write_number_with_format(r, 4, *dob, &date).unwrap();
        owners.write_number(r, 5, *amount).unwrap();
        owners.write_boolean(r, 6, *paid).unwrap();
        owners.write_string(r, 7, *remark).unwrap();
        owners
            .write_formula(r, 8, Formula::new(format!("=F{}*2", r + 1)).set_result((amount * 2.0).to_string()))
            .unwrap();
    }
    let summary = book.add_worksheet().set_name("Summary").unwrap();
    summary.write_string(0, 0, "Ward").unwrap();
    summary.write_string(0, 1, "Count").unwrap();
    summary.write_string(1, 0, "Ward 7").unwrap();
    summary.write_number(1, 1, 3.0).unwrap();
    summary.write_formula(2, 1, Formula::new("=SUM(B2:B2)").set_result("3")).unwrap();
    book.add_worksheet().set_name("Empty").unwrap();
    book.save(path).unwrap();
}

fn read(path: &Path) -> (Vec<String>, Vec<calamine::Range<Data>>, Vec<calamine::Range<String>>) {
    let mut book = open_workbook_auto(path).unwrap();
    let names = book.sheet_names();
    let ranges = names.iter().map(|n| book.worksheet_range(n).unwrap()).collect();
    let formulas = names.iter().map(|n| book.worksheet_formula(n).unwrap()).collect();
    (names, ranges, formulas)
}

fn cell(range: &calamine::Range<Data>, r: u32, c: u32) -> Data {
    range.get_value((r, c)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn generated_register_keeps_sheets_types_rows_and_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("register.xlsx");
    make_register(&input);
    parda().args(["mask", "-q", "--out"]).arg(dir.path().join("out")).arg(&input).assert().success();
    let (names, ranges, formulas) = read(&dir.path().join("out/register.xlsx"));
    assert_eq!(names, vec!["Owners", "Summary", "Empty"]);
    let owners = &ranges[0];
    assert_eq!(cell(owners, 0, 0), Data::String("Property Tax Register - Ward 7".into()));
    assert_eq!(cell(owners, 1, 2), Data::String("Mobile No".into()));
    // Masked values become text, DIGIT style, but a masked date stays a date cell (1900-01-01,
    // the date legacy systems write for "unknown"); other cells keep their type.
    assert_eq!(cell(owners, 2, 0), Data::Float(1.0));
    assert_eq!(cell(owners, 2, 1), Data::String("R***** K****".into()));
    assert_eq!(cell(owners, 2, 2), Data::String("******3210".into()));
    assert_eq!(cell(owners, 2, 3), Data::String("********0124".into()));
    for r in [2, 3, 5] {
        assert!(matches!(cell(owners, r, 4), Data::DateTime(d) if d.as_f64() == 1.0), "{:?}", cell(owners, r, 4));
    }
    assert_eq!(cell(owners, 2, 5), Data::Float(523605.0));
    assert_eq!(cell(owners, 2, 6), Data::Bool(true));
    assert_eq!(cell(owners, 2, 7), Data::String("owner mob ******6789".into()));
    assert_eq!(cell(owners, 3, 7), Data::String("receipt 7012345678 issued".into()));
    assert_eq!(cell(owners, 3, 5), Data::Float(1500.5));
    // The empty row stays empty and the rows after it keep their place.
    assert_eq!((0..9).map(|c| cell(owners, 4, c)).filter(|d| *d != Data::Empty).count(), 0);
    assert_eq!(cell(owners, 5, 1), Data::String("R. K. S*****".into()));
    assert_eq!(cell(owners, 5, 7), Data::String("NA".into()));
    // Formulas without PII are kept, with their cached results.
    assert_eq!(formulas[0].get_value((2, 8)).map(String::as_str), Some("F3*2"));
    assert_eq!(cell(owners, 2, 8), Data::Float(1047210.0));
    assert_eq!(formulas[1].get_value((2, 1)).map(String::as_str), Some("SUM(B2:B2)"));
    assert_eq!(cell(&ranges[1], 1, 0), Data::String("Ward 7".into()));
    assert_eq!(ranges[2].get_size(), (0, 0));

    parda().arg("verify").arg(dir.path().join("out")).assert().code(0);
    parda().arg("verify").arg(&input).assert().code(1);
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/parda-report.json")).unwrap()).unwrap();
    let file = &report["files"][0];
    assert_eq!(file["sheets"], serde_json::json!(["Owners", "Summary", "Empty"]));
    assert_eq!(file["rows_in"], 5, "data rows that hold cells: 3 in Owners, 2 in Summary");
    assert_eq!(file["pii_found"]["mobile"], 4);
    assert_eq!(file["pii_found"]["aadhaar"], 3);
    let dob =
        file["columns"].as_array().unwrap().iter().find(|c| c["name"].as_str().unwrap().ends_with("DOB")).unwrap();
    assert_eq!(dob["masked_samples"], serde_json::json!(["1900-01-01"]), "the sample is the date written");
}

#[test]
fn a_date_of_birth_generalised_to_its_year_is_written_as_the_year() {
    // Only a masked date (`**/**/****`) becomes the "unknown" date 1900-01-01; the archive
    // profile's year is what the archivist keeps.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("register.xlsx");
    make_register(&input);
    parda()
        .args(["mask", "-q", "--profile", "archive", "--out"])
        .arg(dir.path().join("out"))
        .arg(&input)
        .assert()
        .success();
    let (_, ranges, _) = read(&dir.path().join("out/register.xlsx"));
    assert_eq!(cell(&ranges[0], 2, 4), Data::String("1994".into()));
}

#[test]
fn times_of_day_and_durations_stay_times_and_durations() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("visits.xlsx");
    let mut book = Workbook::new();
    let (time, duration, stamp) = (
        Format::new().set_num_format("h:mm"),
        Format::new().set_num_format("[h]:mm:ss"),
        Format::new().set_num_format("yyyy-mm-dd h:mm"),
    );
    let sheet = book.add_worksheet().set_name("Visits").unwrap();
    for (c, h) in ["Visitor", "Time In", "Stayed", "Logged"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, name) in ["Somra Murmu", "Phulmani Hembram"].iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_number_with_format(r, 1, 0.375, &time).unwrap(); // 09:00
        sheet.write_number_with_format(r, 2, 1.25, &duration).unwrap(); // 30 hours
        sheet.write_number_with_format(r, 3, 45000.5, &stamp).unwrap();
    }
    book.save(&input).unwrap();
    parda().args(["mask", "-q", "--out"]).arg(dir.path().join("out")).arg(&input).assert().success();
    let (_, ranges, _) = read(&dir.path().join("out/visits.xlsx"));
    let kind = |d: Data| match d {
        Data::DateTime(dt) if dt.is_duration() => format!("duration {}", dt.as_f64()),
        Data::DateTime(dt) => format!("datetime {}", dt.as_f64()),
        other => format!("{other:?}"),
    };
    assert_eq!(cell(&ranges[0], 1, 0), Data::String("S**** M****".into()));
    for r in 1..3 {
        assert_eq!(kind(cell(&ranges[0], r, 1)), "datetime 0.375");
        assert_eq!(kind(cell(&ranges[0], r, 2)), "duration 1.25");
        assert_eq!(kind(cell(&ranges[0], r, 3)), "datetime 45000.5");
    }
}

#[test]
fn corrupt_or_mislabelled_workbook_is_exit_2_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("owners.xlsx");
    std::fs::write(&input, "Name,Mobile\nRamesh,9876543210\n").unwrap();
    parda().args(["mask", "--out"]).arg(dir.path().join("out")).arg(&input).assert().code(2).stderr(
        predicate::str::contains("owners.xlsx: cannot read as a workbook")
            .and(predicate::str::contains("9876543210").not()),
    );
    assert!(!dir.path().join("out/owners.xlsx").exists());
}

#[test]
fn digit_templates_are_masked_and_already_masked_values_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    parda().args(["mask", "-q", "--out"]).arg(&out).arg(testdata("realworld")).assert().success();

    // Contractor sample: values DIGIT already masked are not masked twice.
    let (names, ranges, _) = read(&out.join("sample-confugration-data-contractor.xlsx"));
    let (_, original, _) = read(&testdata("realworld/sample-confugration-data-contractor.xlsx"));
    // Row 0 is a merged title row; the header is row 1.
    let header: Vec<String> = ranges[0].rows().nth(1).unwrap().iter().map(|d| d.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h.starts_with(name)).unwrap() as u32;
    for c in [col("Mobile No"), col("PAN No"), col("Bank Account No")] {
        for r in 2..ranges[0].height() as u32 {
            assert_eq!(cell(&ranges[0], r, c), cell(&original[0], r, c), "{} row {r} col {c}", names[0]);
        }
    }
    assert!(cell(&ranges[0], 2, col("Email Id")).to_string().contains("***"));
    assert_eq!(cell(&ranges[0], 2, col("Mobile No")), Data::String("90XXXXXX45".into()));

    // 3_Employees: 9-digit non-Indian mobiles sit in a mobile column and are masked there,
    // names and emails too; dates are masked in the dob column only.
    let (_, emp, _) = read(&out.join("3_Employees.xlsx"));
    let header: Vec<String> = emp[0].rows().next().unwrap().iter().map(|d| d.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap() as u32;
    assert_eq!(cell(&emp[0], 1, col("mobileNumber")), Data::String("*****0001".into()));
    assert!(cell(&emp[0], 1, col("name")).to_string().contains('*'));
    assert!(cell(&emp[0], 1, col("emailId")).to_string().contains("***"));

    // System-user template: the header sits below a merged title row; thin-space headers work.
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("parda-report.json")).unwrap()).unwrap();
    let file = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("system-user.xlsx"))
        .unwrap();
    let classified = |name: &str| {
        file["columns"].as_array().unwrap().iter().find(|c| c["name"].as_str().unwrap().contains(name)).unwrap()
            ["classification"]
            .clone()
    };
    assert_eq!(classified("Father/Husband"), "name");
    assert_eq!(classified("Mobile Number"), "mobile");
    assert_eq!(classified("Correspondence Address"), "address");
    assert_eq!(classified("Gender"), serde_json::Value::Null);
    assert_eq!(file["preamble_rows"], 1);

    // The .xls vendor template comes back as .xlsx, and says so.
    assert!(out.join("swm_vendor_create.xlsx").exists());
    let xls = report["files"].as_array().unwrap().iter().find(|f| f["format"] == "xls").unwrap();
    assert_eq!(xls["output_format"], "xlsx");

    // Tenant master data holds no personal names: ULB, city, district and region stay.
    let (_, tenant, _) = read(&out.join("sample-configuration-data-tenant-information.xlsx"));
    let (_, tenant_in, _) = read(&testdata("realworld/sample-configuration-data-tenant-information.xlsx"));
    for c in 1..10 {
        assert_eq!(cell(&tenant[0], 2, c), cell(&tenant_in[0], 2, c), "tenant column {c}");
    }
}

/// A sheet large enough to be cut into several batches of cells (8,192 each): a merged title,
/// a header, then 3,000 rows of names, mobiles stored as numbers, Aadhaar as text, amounts and
/// remarks with a mobile in them.
fn make_large_register(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Owners").unwrap();
    sheet.merge_range(0, 0, 0, 5, "Water Connections - Ward 12", &Format::new()).unwrap();
    for (c, h) in ["S.No", "Owner Name", "Mobile No", "Aadhar No", "Amount", "Remarks"].iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let given = ["Ramesh", "Sunita", "Abdul", "Kavita", "Venkatesh", "Lakshmi"];
    let family = ["Kumar", "Devi", "Qureshi", "Sharma", "Reddy", "Iyer", "Naidu"];
    for i in 0..3_000u32 {
        let r = i + 2;
        let mobile = 9_100_000_000u64 + u64::from(i) * 7_919;
        sheet.write_number(r, 0, f64::from(i + 1)).unwrap();
        sheet.write_string(r, 1, format!("{} {}", given[i as usize % 6], family[i as usize % 7])).unwrap();
        sheet.write_number(r, 2, mobile as f64).unwrap();
        sheet.write_string(r, 3, format!("2345 6789 {:04}", i)).unwrap();
        sheet.write_number(r, 4, 1_000.0 + f64::from(i)).unwrap();
        sheet.write_string(r, 5, format!("owner mob {}, receipt R-{i} issued", mobile + 1)).unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn a_large_sheet_masks_the_same_on_one_thread_and_on_many() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("connections.xlsx");
    make_large_register(&input);
    let run = |threads: &str| {
        let out = dir.path().join(format!("out-{threads}"));
        parda()
            .args(["mask", "-q", "--profile", "migration", "--threads", threads, "--out"])
            .arg(&out)
            .arg(&input)
            .env("PARDA_KEY", "9f3c1a7b2e8d4c6f0a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778")
            .assert()
            .success();
        let report: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("parda-report.json")).unwrap()).unwrap();
        let file = &report["files"][0];
        let counts = (file["rows_in"].clone(), file["pii_found"].clone(), file["columns"].clone());
        let tokens = std::fs::read(out.join("connections.xlsx.parda-tokens")).unwrap();
        let (_, ranges, _) = read(&out.join("connections.xlsx"));
        (ranges, counts, tokens)
    };
    let (one, one_counts, one_tokens) = run("1");
    let sheet = &one[0];
    assert_eq!(sheet.get_size(), (3_002, 6));
    assert_eq!(cell(sheet, 0, 0), Data::String("Water Connections - Ward 12".into()));
    assert_eq!(one_counts.0, 3_000);
    assert_eq!(one_counts.1["mobile"], 6_000, "the mobile column and the mobile in each remark");
    for r in [2, 1_500, 3_001] {
        assert_eq!(cell(sheet, r, 0), Data::Float(f64::from(r - 1)), "serial numbers keep their type");
        assert_eq!(cell(sheet, r, 4), Data::Float(1_000.0 + f64::from(r - 2)), "amounts keep their type");
        let mobile = (9_100_000_000u64 + u64::from(r - 2) * 7_919).to_string();
        for c in 1..=5 {
            let shown = format!("{:?}", cell(sheet, r, c));
            assert!(!shown.contains(&mobile[2..]), "row {r}, column {c}: {shown}");
        }
    }
    assert!(!one_tokens.is_empty(), "tokens were written and located");
    for threads in ["2", "3"] {
        let (many, many_counts, many_tokens) = run(threads);
        assert!(one == many, "{threads} threads: the cells differ from 1 thread");
        assert_eq!(one_counts, many_counts, "{threads} threads: report counts");
        assert!(one_tokens == many_tokens, "{threads} threads: token locators");
    }
}

#[test]
fn a_sheet_of_one_field_per_row_is_masked_by_each_rows_field() {
    // 300 applications x 10 fields: more cells than one batch, so a row's field name and value
    // must reach the same worker. Mobiles are numbers, dates of birth date cells.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("fields.xlsx");
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = book.add_worksheet().set_name("Fields").unwrap();
    for (c, h) in ["Application No", "Field", "Value"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let fields = [
        "Applicant Name",
        "Father Name",
        "Mobile",
        "Aadhaar",
        "DOB",
        "Ward",
        "Category",
        "Scheme",
        "Status",
        "Remarks",
    ];
    let mut r = 1;
    for app in 0..300u32 {
        for field in fields {
            sheet.write_string(r, 0, format!("APP{app:04}")).unwrap();
            sheet.write_string(r, 1, field).unwrap();
            match field {
                "Applicant Name" => {
                    sheet.write_string(r, 2, ["Lakshmamma", "Venkatappa", "Ramesh Kumar"][app as usize % 3])
                }
                "Father Name" => sheet.write_string(r, 2, ["Suresh Prasad", "Abdul Karim", "Mahesh"][app as usize % 3]),
                "Mobile" => sheet.write_number(r, 2, 9_876_500_000.0 + f64::from(app)),
                "Aadhaar" => sheet.write_string(r, 2, format!("{}", 345_678_900_000u64 + u64::from(app))),
                "DOB" => sheet.write_number_with_format(r, 2, 25_000.0 + f64::from(app), &date),
                "Ward" => sheet.write_string(r, 2, format!("Ward {}", app % 20)),
                "Category" => sheet.write_string(r, 2, "BPL"),
                "Scheme" => sheet.write_string(r, 2, "Old Age Pension"),
                "Status" => sheet.write_string(r, 2, "Approved"),
                _ => sheet.write_string(r, 2, "Documents verified"),
            }
            .unwrap();
            r += 1;
        }
    }
    book.save(&input).unwrap();
    parda().args(["mask", "-q", "--out"]).arg(dir.path().join("o")).arg(&input).assert().success();
    let mut out: calamine::Xlsx<_> = calamine::open_workbook(dir.path().join("o/fields.xlsx")).unwrap();
    let range = out.worksheet_range("Fields").unwrap();
    let rows: Vec<_> = range.rows().collect();
    assert_eq!(rows.len(), 3001);
    for row in &rows[1..] {
        let (field, value) = (row[1].to_string(), &row[2]);
        let text = value.to_string();
        match field.as_str() {
            "Applicant Name" | "Father Name" | "Mobile" | "Aadhaar" => {
                assert!(text.contains('*'), "{field}: {value:?}")
            }
            "DOB" => assert!(matches!(value, Data::DateTime(d) if d.as_f64() == 1.0), "{field}: {value:?}"),
            "Ward" => assert!(text.starts_with("Ward ") && !text.contains('*'), "{field}: {value:?}"),
            _ => assert!(!text.contains('*'), "{field}: {value:?}"),
        }
    }
}

#[test]
fn a_header_repeated_among_the_rows_is_left_as_it_is() {
    // Two pages of a printed register pasted one below the other: the second page's header is
    // column names, not a name and a mobile number.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("pages.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let rows = [
        ["Owner Name", "Mobile No", "Ward"],
        ["Ramesh Kumar", "9876543210", "Ward 1"],
        ["Owner Name", "Mobile No", "Ward"],
        ["Abdul Khan", "8123456789", "Ward 3"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    book.save(&input).unwrap();
    let out = dir.path().join("out");
    parda().args(["mask", "-q", "--out"]).arg(&out).arg(&input).assert().success();
    let (_, values, _) = read(&out.join("pages.xlsx"));
    let text = |r: u32, c: u32| cell(&values[0], r, c).to_string();
    assert_eq!([text(2, 0), text(2, 1), text(2, 2)], ["Owner Name", "Mobile No", "Ward"]);
    assert_eq!([text(1, 0), text(1, 1)], ["R***** K****", "******3210"]);
    assert_eq!([text(3, 0), text(3, 1)], ["A**** K***", "******6789"]);
}
