//! End-to-end tests: the real `parda` binary on the fixtures in `testdata/`.
//! Fixtures are written by `scripts/make_fixtures.py`; expected outputs were reviewed by hand.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};

fn testdata(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata").join(rel)
}

fn parda() -> Command {
    Command::cargo_bin("parda").unwrap()
}

/// The bytes of a file, gunzipped when it is gzip.
fn plain_bytes(path: &Path) -> Vec<u8> {
    let raw = std::fs::read(path).unwrap();
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut out).unwrap();
        out
    } else {
        raw
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn no_partial_files(dir: &Path) -> bool {
    !dir.exists() || walk(dir).iter().all(|p| !p.file_name().unwrap().to_string_lossy().contains(".partial"))
}

/// `parda mask -q` on the fixture at `rel` (under `testdata/`): the masked copy's text.
fn masked(rel: &str) -> String {
    let out = tempfile::tempdir().unwrap();
    parda().args(["mask", "-q", "--out"]).arg(out.path()).arg(testdata(rel)).assert().success();
    let name = Path::new(rel).file_name().unwrap();
    std::fs::read_to_string(out.path().join(name)).unwrap()
}

fn report(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("parda-report.json")).unwrap()).unwrap()
}

/// Every way of running a job must give the same bytes: one thread or many, big or tiny chunks.
const VARIANTS: &[(&str, &str)] = &[("1", "1048576"), ("4", "1048576"), ("1", "64"), ("3", "97")];

#[test]
fn samples_are_masked_exactly_as_expected_in_every_variant() {
    for (threads, chunk) in VARIANTS {
        let out = tempfile::tempdir().unwrap();
        parda()
            .args(["mask", "--quiet", "--threads", threads, "--out"])
            .arg(out.path())
            .arg(testdata("samples"))
            .env("PARDA_CHUNK_BYTES", chunk)
            .assert()
            .success();
        for (name, expected) in [
            ("property_tax.csv", "property_tax.csv"),
            ("water_connections.csv", "water_connections.csv"),
            ("grievances.tsv", "grievances.tsv"),
            ("employees_unicode.txt", "employees_unicode.txt"),
            ("pensioners.psv.gz", "pensioners.psv"),
            ("mutations.csv", "mutations.csv"),
            ("grievances_indic.csv", "grievances_indic.csv"),
        ] {
            let got = plain_bytes(&out.path().join(name));
            let want = std::fs::read(testdata("expected/samples").join(expected)).unwrap();
            assert!(
                got == want,
                "{name} differs with threads={threads} chunk={chunk}:\n{}",
                String::from_utf8_lossy(&got)
            );
        }
        let gz = std::fs::read(out.path().join("pensioners.psv.gz")).unwrap();
        assert_eq!(&gz[..2], &[0x1f, 0x8b], "a .gz input comes back as gzip");
    }
}

/// Column headers that name a topic, not the values: `Complaint Details` holds sentences in
/// which a mobile is still a mobile, `Meter No` holds meter numbers shaped like voter ids;
/// lower-case names after `contact`; a trade before द्वारा ("by the lineman") is no name.
#[test]
fn headers_name_the_topic_of_sentences_and_the_kind_of_identifiers() {
    let got = masked("topics/complaints.csv");
    let want = std::fs::read_to_string(testdata("expected/topics/complaints.csv")).unwrap();
    assert_eq!(got, want);
    for kept in [
        "MTR6782828",
        "CMP/2023/0451",
        "लाइन मैन द्वारा ठीक किया गया",
        "resolved by JE on 14/11/2020",
        "Arrears of 2,500, Penalty 120000 waived",
    ] {
        assert!(got.contains(kept), "{kept} changed");
    }
    // An address in the middle of a sentence (after `near`), and a surname that is a place
    // word after a role word.
    for leaked in ["8178128657", "lalit gill", "6966654573", "ishaan", "जगदीश", "77/85", "Kothari", "311001", "Krishna"]
    {
        assert!(!got.contains(leaked), "{leaked} survived");
    }
}

#[test]
fn files_without_pii_come_out_byte_identical_in_every_dialect() {
    let input = testdata("dialects");
    for (threads, chunk) in VARIANTS {
        let out = tempfile::tempdir().unwrap();
        let assert = parda()
            .args(["mask", "--threads", threads, "--out"])
            .arg(out.path())
            .arg(&input)
            .env("PARDA_CHUNK_BYTES", chunk)
            .assert()
            .success();
        let stdout = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
        assert!(stdout.contains("0 PII value(s) found, 0 cell(s) changed"), "{stdout}");
        let inputs = walk(&input);
        assert_eq!(inputs.len(), 13);
        for i in inputs {
            let o = out.path().join(i.strip_prefix(&input).unwrap());
            assert_eq!(plain_bytes(&o), plain_bytes(&i), "{} changed", i.display());
        }
    }
}

#[test]
fn report_records_dialect_encoding_and_title_lines() {
    let out = tempfile::tempdir().unwrap();
    parda().args(["mask", "-q", "--out"]).arg(out.path()).arg(testdata("dialects")).assert().success();
    let report = report(out.path());
    let file = |suffix: &str| {
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(suffix))
            .unwrap()
            .clone()
    };
    assert_eq!(file("semicolon.csv")["delimiter"], "semicolon");
    assert_eq!(file("tab.tsv")["delimiter"], "tab");
    assert_eq!(file("pipe.psv")["delimiter"], "pipe");
    assert_eq!(file("cp1252.csv")["encoding"], "windows-1252");
    assert_eq!(file("utf16le.txt")["encoding"], "utf-16le");
    assert_eq!(file("utf16be.txt")["encoding"], "utf-16be");
    assert_eq!(file("bom.csv")["encoding"], "utf-8-bom");
    assert_eq!(file("comma_crlf_quoted.csv")["line_ending"], "crlf");
    assert_eq!(file("mixed_endings_no_final_newline.csv")["line_ending"], "mixed");
    assert_eq!(file("compressed.csv.gz")["gzip"], true);
    let titled = file("title_and_blank_lines.csv");
    assert_eq!(titled["preamble_rows"], 3);
    assert_eq!(titled["header_record"], 4);
    assert_eq!(titled["rows_in"], 3);
    assert_eq!(file("duplicate_headers.csv")["columns"].as_array().unwrap().len(), 4);
}

#[test]
fn ragged_rows_are_masked_in_place_and_counted() {
    let out = tempfile::tempdir().unwrap();
    parda().args(["mask", "-q", "--out"]).arg(out.path()).arg(testdata("ragged/ragged.csv")).assert().success();
    let got = std::fs::read_to_string(out.path().join("ragged.csv")).unwrap();
    assert_eq!(
        got,
        "Name,Mobile,Ward,Amount\n\
         R***** K****,******3210,Ward 7,100\n\
         K****, R*****,******6789,Ward 7,200\n\
         S***** D***,Ward 3\n\
         A*** V****,******2345,Ward 1,300\n"
    );
    let report = report(out.path());
    assert_eq!(report["files"][0]["ragged_rows"], 2);
    assert_eq!(report["files"][0]["ragged_lines"], serde_json::json!([3, 4]));
    assert_eq!(report["files"][0]["rows_in"], 4);
    assert_eq!(report["files"][0]["rows_out"], 4);
}

/// A file of one column of remarks where one remark holds an unquoted comma: the header is
/// still the first line, and the split remark is masked as a ragged row (it was read as the
/// header, the lines above it as title lines, and written as it stood).
#[test]
fn a_stray_comma_in_a_one_column_file_is_a_ragged_row_not_the_header() {
    let out = tempfile::tempdir().unwrap();
    let input = testdata("ragged/one_column_remarks.csv");
    parda().args(["mask", "-q", "--out"]).arg(out.path()).arg(&input).assert().success();
    let got = std::fs::read_to_string(out.path().join("one_column_remarks.csv")).unwrap();
    let want = std::fs::read_to_string(&input).unwrap();
    let (got_lines, want_lines): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    assert_eq!(got_lines.len(), want_lines.len());
    for k in [0, 1, 3, 4] {
        assert_eq!(got_lines[k], want_lines[k], "line {k} holds no PII");
    }
    for word in ["Tolmin", "Zurek", "Renvi", "Nisgal"] {
        assert!(!got.contains(word), "{word} survived:\n{got}");
    }
    assert!(got_lines[2].ends_with("complained of low pressure"), "{}", got_lines[2]);
    let file = &report(out.path())["files"][0];
    assert_eq!(file["header_record"], 1);
    assert_eq!(file["rows_in"], 4);
    assert_eq!(file["rows_out"], 4);
}

/// Unquoted commas in addresses make most rows longer than the header; the header is still
/// found, and every name, mobile and address is masked wherever its cells landed.
#[test]
fn rows_longer_than_the_header_keep_the_header_and_leak_nothing() {
    let out = tempfile::tempdir().unwrap();
    parda()
        .args(["mask", "-q", "--out"])
        .arg(out.path())
        .arg(testdata("ragged/unquoted_commas.csv"))
        .assert()
        .success();
    let got = std::fs::read_to_string(out.path().join("unquoted_commas.csv")).unwrap();
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines[0], "S.No,Owner Name,Father Name,Mobile,Address,Ward,Tax");
    assert_eq!(lines.len(), 9);
    for word in [
        "Tolmin",
        "Zurek",
        "Yomqui",
        "Nisgal",
        "Renvi",
        "Prashaqui",
        "Shastri",
        "Gandhi",
        "Sector",
        "Vashi",
        "Civil",
        "Thane",
        "Guntur",
    ] {
        assert!(!got.contains(word), "{word} survived:\n{got}");
    }
    for mobile in ["61912", "62637", "80343", "54224"] {
        assert!(!got.contains(mobile), "{mobile} survived");
    }
    // The cells after the address keep their values.
    for (line, tail) in [(1, ",Ward 16,2639.00"), (3, ",Ward 12,4633.00"), (8, ",Ward 23,5207.00")] {
        assert!(lines[line].ends_with(tail), "{}", lines[line]);
    }
    let file = &report(out.path())["files"][0];
    assert_eq!(file["header_record"], 1);
    assert_eq!(file["rows_in"], 8);
    assert_eq!(file["ragged_rows"], 6);
}

/// Rows of the wrong length (a name split by an unquoted comma, trailing fields dropped, a
/// trailing delimiter, a field left out): each field is checked under the column its cells
/// show it belongs to, so a shifted date of birth or bank account is masked as one (they
/// passed through when only span detection ran on shifted cells), and codes, designations,
/// dates of joining and salaries are kept.
#[test]
fn shifted_dates_of_birth_and_accounts_in_ragged_rows_are_masked_and_the_rest_kept() {
    let out = tempfile::tempdir().unwrap();
    parda().args(["mask", "-q", "--out"]).arg(out.path()).arg(testdata("ragged/shifted_typed.csv")).assert().success();
    let got = std::fs::read_to_string(out.path().join("shifted_typed.csv")).unwrap();
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(
        lines[5..],
        [
            "EMP1005,C********,K*******,Junior Engineer,**-**-****,14/03/1995,*******7561,*******6886,52653.00",
            "EMP1006,F***** K*******,Tax Collector,**.**.****,04/03/2007,***********4871",
            "EMP1007,G******* K***,Clerk,** *** ****,01/05/2008,*******6818,******5678,18666.00,",
            "EMP1008,G***** P*****,Clerk,****-**-**,***********3941,******8147,70074.00",
            "EMP1009,M**** L**,Sanitary Inspector,**/**/****,11/11/1999,*******4567,******6655,30500.00",
        ]
    );
    let file = &report(out.path())["files"][0];
    assert_eq!(file["ragged_rows"], 4);
    assert_eq!(file["rows_out"], 9);
}

/// Columns a header seems to name but whose values say otherwise stay as they are: flags under
/// `Aadhaar Linked`, firms under `Trade Name`, trade licences under a bare `Licence No`, places
/// under `जन्म स्थान` (place of birth); the names, numbers and remarks around them are masked,
/// phone numbers that are no mobile's too (`04524733717`, `+912570504456`). A firm named after
/// a deity or a family keeps its name (`Shree Ganesh Tailoring`, `Vala Beauty Parlour`); a
/// person's full name heading one is masked (`Anil Sharma Traders`).
#[test]
fn flags_firms_and_trade_licences_under_identifier_headers_are_kept() {
    let got = masked("mixed/flags_firms_licences.csv");
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(
        lines[1..],
        [
            "WC/2018/000101,T******* W*******,Y,******7368,Balaji Medical,TL629267,घर,Meter faulty",
            "WC/2014/000102,A**** M*****,N,******4056,Shree Ganesh Traders,TL624349,जिला अस्पताल,Alternate contact *******3717",
            "WC/2010/000103,M****** Q***,Y,*********5961,New India Hardware,TL708331,घर,Connection transferred from A**** to M******",
            "WC/2021/000104,R******* D***,N,******9886,Sharma General Store,TL381328,प्राथमिक स्वास्थ्य केंद्र,Old owner B****** expired",
            "WC/2019/000105,M******** K,Y,******3513,Royal Tailors,TL356879,घर,Disconnected for non-payment; called owner on *********4456",
            "WC/2016/000106,I****** A****,Y,******2402,Balaji Medical,TL886573,जिला अस्पताल,Ph ******0627 (switched off)",
            "WC/2022/000107,H******* K***,N,******5670,Shree Ganesh Tailoring,TL512204,घर,Owner S***** V**** Beauty Parlour next door",
            "WC/2013/000108,G**** I***,Y,******6780,Vala Beauty Parlour,TL400917,घर,Shop let to A*** S***** Traders",
        ]
    );
}

/// A totals row's label under the name column names no one: it is kept (`Ward Total`,
/// `Grand Total`), the names above it are masked.
#[test]
fn the_label_of_a_totals_row_is_kept() {
    let got = masked("mixed/register_with_totals.csv");
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(
        lines[1..],
        [
            "1,K***** R******,******1234,Ward 4,1500",
            "2,S***** C****** M****,******2345,Ward 7,1500",
            "3,F***** B****,******1098,Ward 4,1000",
            ",Ward Total,,,4000",
            ",Grand Total,,,4000",
        ]
    );
}

#[test]
fn identifiers_written_as_floats_are_masked_and_amounts_kept() {
    // A data frame with blanks writes its mobile and Aadhaar columns as floats (`9876543210.0`):
    // under headers that say nothing they were taken for amounts and left whole. The fees,
    // one of ten digits after `Rs.`, are amounts.
    let got = masked("mixed/identifiers_as_floats.csv");
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(
        lines[1..],
        [
            "1,******3210.0,********0124.0,523605.00,********10.0",
            "2,******6789.0,********5246.0,1500.0,",
            "3,,********1096.0,250.00,********78.0",
            "4,******5678.0,********0124.0,\"Rs. 9876543210.00\",********89.0",
            "5,******6789.0,********5246.0,1200.5,********89.0",
            "6,******5678.0,********1096.0,100.0,********78.0",
        ]
    );
}

#[test]
fn a_marathi_register_keeps_its_header_and_loses_its_names() {
    // `अनु. क्र.` (serial number) reads as a name, but five other headers are known ones: the
    // row is the header. Marathi headers (`पत्ता`, `भ्रमणध्वनी`), the honorific plural `यांनी`
    // after a name, and `जी` joined to one (`शिंदेजी`).
    let got = masked("mixed/marathi_register.csv");
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines[0], "अनु. क्र.,अर्जदाराचे नाव,वडिलांचे नाव,भ्रमणध्वनी क्रमांक,आधार क्रमांक,पत्ता,जन्म दिनांक,प्रभाग,रक्कम,शेरा");
    assert_eq!(
        lines[1..],
        [
            "1,सु** पा**,द*** पा**,******3546,**********2538,\"************************\",**/**/****,प्रभाग 3,1250.00,सु** पा** यांनी तक्रार केली",
            "2,मा** ज***,र** ज***,**********2108,**********3353,\"**************************\",**-**-****,प्रभाग 7,980,मा** ज*** यांच्याशी ******2108 वर संपर्क",
            "3,वि*** अ**,गो** अ**,******2367,**********6712,\"*************************\",****-**-**,प्रभाग 1,4300.00,कागदपत्रे तपासली",
            "4,कि** को*,बा**** को*,******6781,**********1709,\"**********************\",**/**/****,प्रभाग 12,0,थकबाकी",
            "5,रो** आ****,स*** आ****,******7650,**********7210,\"**********************\",**/**/****,प्रभाग 5,760.50,रो** आ**** यांनी थकबाकी भरली",
            "6,श्री. प्र** शिं*,ना*** शिं*,******1223,**********8326,\"******************\",**/**/****,प्रभाग 9,2100,शिं** यांच्याशी संपर्क झाला नाही",
        ]
    );
}

#[test]
fn stdin_is_read_for_scan_and_verify() {
    let data = std::fs::read(testdata("samples/property_tax.csv")).unwrap();
    parda()
        .args(["scan", "-"])
        .write_stdin(data.clone())
        .assert()
        .success()
        .stdout(predicate::str::contains("Mobile No").and(predicate::str::contains("mobile")));
    parda().args(["verify", "-q", "-"]).write_stdin(data).assert().code(1);
}

#[test]
fn mask_then_verify_is_clean_and_verify_on_input_finds_pii() {
    let out = tempfile::tempdir().unwrap();
    parda().args(["mask", "-q", "--out"]).arg(out.path()).arg(testdata("samples")).assert().success();
    parda().arg("verify").arg(out.path()).assert().code(0).stdout(predicate::str::contains("no recognisable PII"));
    parda().arg("verify").arg(testdata("samples")).assert().code(1);
}

/// Raw values planted in the samples: none may appear in a report, a summary or a message.
const PLANTED: &[&str] = &[
    "98765 43210",
    "9123456789",
    "2345 6789 0124",
    "499118665246",
    "ABCPE1234F",
    "abcpe1234f",
    "Ramesh",
    "Sunita",
    "irfan.khan@example.com",
    "27AAPFU0939F1ZV",
    "31234567890",
    "9988776655",
    "14/03/1994",
    "Lakshmi",
    "vikram.singh",
    "9811122233",
    "रमेश",
    "Anokhi",
    "Bantuwal",
    "বন্দ্যোপাধ্যায়",
    "முருகன்",
    "లక్ష్మీ",
    "ભાવેશ",
    "ਗੁਰਪ੍ਰੀਤ",
    "Xyqor",
    "12-3-456",
];

#[test]
fn no_raw_value_in_reports_or_messages() {
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("scan.json");
    let scan = parda().arg("scan").arg(testdata("samples")).arg("--json").arg(&json).assert().success();
    let mask = parda().args(["mask", "--out"]).arg(out.path().join("m")).arg(testdata("samples")).assert().success();
    let verify = parda().arg("verify").arg(testdata("samples")).assert().code(1);
    let bad = parda().args(["mask", "--out"]).arg(out.path().join("b")).arg(testdata("bad")).assert().code(2);
    let html = std::fs::read_to_string(out.path().join("m/parda-report.html")).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("<svg"), "a self-contained page with its chart");
    for external in ["http://", "https://", "<script src", "<link"] {
        assert!(!html.contains(external), "the HTML report loads nothing from outside: {external}");
    }
    let mut texts = vec![
        html,
        std::fs::read_to_string(&json).unwrap(),
        std::fs::read_to_string(out.path().join("m/parda-report.json")).unwrap(),
        std::fs::read_to_string(out.path().join("b/parda-report.json")).unwrap(),
    ];
    for o in [scan.get_output(), mask.get_output(), verify.get_output(), bad.get_output()] {
        texts.push(String::from_utf8_lossy(&o.stdout).into());
        texts.push(String::from_utf8_lossy(&o.stderr).into());
    }
    for t in &texts {
        for v in PLANTED.iter().chain(&["Sunita,9123456789", "9000012345"]) {
            assert!(!t.contains(v), "raw value {v:?} leaked into a report or message:\n{t}");
        }
    }
}

#[test]
fn missing_path_is_exit_2_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("o");
    parda()
        .args(["mask", "--out"])
        .arg(&target)
        .arg(testdata("samples/property_tax.csv"))
        .arg("no/such/file.csv")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.csv: cannot read"));
    assert!(!target.exists());
}

#[test]
fn a_missing_rules_folder_is_named_once_with_its_cause_once() {
    let out = tempfile::tempdir().unwrap();
    let assert = parda()
        .args(["mask", "--rules", "no/such/rules", "--out"])
        .arg(out.path().join("o"))
        .arg(testdata("samples/property_tax.csv"))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("no/such/rules: cannot read: "), "{stderr}");
    // The cause was printed twice (`...: No such file or directory (os error 2): No such...`).
    assert_eq!(stderr.matches("(os error").count(), 1, "{stderr}");
}

#[test]
fn a_file_that_is_not_csv_fails_alone() {
    let out = tempfile::tempdir().unwrap();
    parda()
        .args(["mask", "-q", "--out"])
        .arg(out.path())
        .arg(testdata("bad/not_csv.csv"))
        .arg(testdata("samples/property_tax.csv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not_csv.csv: not a CSV file: binary content"));
    assert!(!out.path().join("not_csv.csv").exists());
    assert!(out.path().join("property_tax.csv").exists(), "one bad file does not stop the others");
    assert!(no_partial_files(out.path()));
    assert_eq!(report(out.path())["summary"]["files_failed"], 1);
}

#[test]
fn a_stray_quote_is_read_as_a_character_and_its_row_masked() {
    let out = tempfile::tempdir().unwrap();
    parda()
        .args(["mask", "--out"])
        .arg(out.path())
        .arg(testdata("bad/unterminated_quote.csv"))
        .env("PARDA_CHUNK_BYTES", "16")
        .assert()
        .success();
    let written = std::fs::read_to_string(out.path().join("unterminated_quote.csv")).unwrap();
    assert_eq!(written, "Name,Mobile\nR*****,******3210\n\"\"\"S*****\",******6789\nA***,******2345\n");
    let file = &report(out.path())["files"][0];
    assert_eq!(file["rows_in"], 3);
    assert_eq!(file["rows_out"], 3);
    assert_eq!(file["ragged_rows"], 1);
    assert_eq!(file["ragged_lines"][0], 3);
    assert!(no_partial_files(out.path()));
}

#[test]
fn a_byte_that_is_not_utf8_is_kept_whether_sniffed_or_named() {
    // Sniffed, the file is Windows-1252; named UTF-8, its `é` is a stray byte: the same bytes.
    for args in [&["--encoding", "utf-8"][..], &[]] {
        let out = tempfile::tempdir().unwrap();
        parda()
            .args(["mask", "-q"])
            .args(args)
            .arg("--out")
            .arg(out.path())
            .arg(testdata("bad/invalid_utf8.csv"))
            .assert()
            .success();
        assert_eq!(
            std::fs::read(out.path().join("invalid_utf8.csv")).unwrap(),
            b"Name,Note\nR*****,ok\nS*****,caf\xe9\n"
        );
    }
}

#[test]
fn utf16_without_a_bom_is_read_and_written_back_so() {
    // An export in UTF-16LE with no byte-order mark (NUL bytes in every other place), CRLF,
    // with its header repeated among the rows (two exports concatenated): read as text, not
    // refused as binary; written back in UTF-16LE without a BOM; the repeated header kept.
    let out = tempfile::tempdir().unwrap();
    parda().args(["mask", "-q", "--out"]).arg(out.path()).arg(testdata("mixed/utf16le_no_bom.txt")).assert().success();
    let bytes = std::fs::read(out.path().join("utf16le_no_bom.txt")).unwrap();
    assert_eq!(&bytes[..4], b"C\0o\0", "no BOM added");
    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
    let got = String::from_utf16(&units).unwrap();
    assert_eq!(
        got,
        "Consumer No,Consumer Name,Mobile,Ward,Remarks\r\n\
         WC-1041,R***** K**** Y****,******3210,Ward 4,meter replaced\r\n\
         WC-1042,सु** श*,******6780,Ward 9,बकाया जमा\r\n\
         Consumer No,Consumer Name,Mobile,Ward,Remarks\r\n\
         WC-2001,A**** R**** K***,******6789,Ward 2,bill sent to a*********@e*********m\r\n"
    );
}

#[test]
fn a_file_without_a_header_keeps_its_genders_and_masks_accounts_beside_ifsc_codes() {
    // No header: a relationship column (`FATHER`, `W/O`) is no column of field names, so the
    // genders after it are no names; the numbers beside the IFSC codes are bank accounts (ten
    // to eighteen digits), the nine-digit MICR codes after those are not.
    let out = masked_bytes(&testdata("mixed/bank_no_header.csv"), "bank_no_header.csv");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "R***** K**** Y****,FATHER,M,*******7763,*******4512,110002045,2450.00,ACTIVE\n\
         S***** D***,HUSBAND,F,**********7812,*******1234,110240011,1800.00,ACTIVE\n\
         A**** K****,FATHER,MALE,************2345,*******2100,110024005,3100.00,SUSPENDED\n\
         L****** N********,W/O,FEMALE,********7890,*******6201,600229012,2725.50,ACTIVE\n\
         G******* S****,S/O,M,*******7665,*******1789,141002010,990.00,ACTIVE\n\
         M**** K*****,HUSBAND,F,***********5678,*******0919,110211003,4100.00,ACTIVE\n\
         J***** M*****,FATHER,M,**********8901,*******1234,682015002,2210.00,DECEASED\n\
         F***** B****,W/O,F,**********2233,*******0501,500240009,1500.00,ACTIVE\n"
    );
}

#[test]
fn undecodable_utf16_names_the_line() {
    // A lone surrogate cannot be written back as it was: an error naming the line.
    let dir = tempfile::tempdir().unwrap();
    let mut data = vec![0xFF, 0xFE];
    for u in "Name,Note\nRamesh,ok\nSunita,caf".encode_utf16().chain([0xD800]).chain("\n".encode_utf16()) {
        data.extend_from_slice(&u.to_le_bytes());
    }
    let input = path_with(&dir.path().join("bad16.txt"), &data);
    let out = dir.path().join("out");
    parda()
        .args(["mask", "--out"])
        .arg(&out)
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad16.txt:3:").and(predicate::str::contains("not valid utf-16le")));
    assert!(!out.join("bad16.txt").exists());
}

#[test]
fn out_inside_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(testdata("samples/property_tax.csv"), dir.path().join("a.csv")).unwrap();
    parda()
        .args(["mask", "--out"])
        .arg(dir.path().join("masked"))
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is inside the input"));
    parda().args(["mask", "--out"]).arg(dir.path()).arg(dir.path()).assert().code(2);
    assert!(!dir.path().join("masked").exists());
}

#[test]
fn existing_output_is_refused_without_force() {
    let out = tempfile::tempdir().unwrap();
    let input = testdata("samples/property_tax.csv");
    parda().args(["mask", "-q", "--out"]).arg(out.path()).arg(&input).assert().success();
    std::fs::write(out.path().join("property_tax.csv"), "keep me").unwrap();
    parda()
        .args(["mask", "--out"])
        .arg(out.path())
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists: use --force"));
    assert_eq!(std::fs::read_to_string(out.path().join("property_tax.csv")).unwrap(), "keep me");
    parda().args(["mask", "-q", "--force", "--out"]).arg(out.path()).arg(&input).assert().success();
    assert_ne!(std::fs::read_to_string(out.path().join("property_tax.csv")).unwrap(), "keep me");
}

#[test]
fn policy_errors_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let input = testdata("samples/property_tax.csv");
    let cases = [
        ("[types]\nshoe_size = 'mask'\n", "unknown type `shoe_size`"),
        ("[types]\nmobile = 'scramble'\n", "unknown action `scramble`"),
        ("[columns]\n'Owner Nmae' = { action = 'keep' }\n", "no input has: Owner Nmae"),
        ("colour = 1\n", "unknown field"),
    ];
    for (text, msg) in cases {
        let policy = dir.path().join("policy.toml");
        std::fs::write(&policy, text).unwrap();
        let assert = parda()
            .args(["mask", "--out"])
            .arg(dir.path().join("o"))
            .arg("--policy")
            .arg(&policy)
            .arg(&input)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(msg));
        if !msg.starts_with("no input") {
            assert.stderr(predicate::str::contains("policy.toml"));
        }
        assert!(!dir.path().join("o").exists());
    }
}

#[test]
fn policy_actions_apply() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(
        &input,
        "Name,Mobile,Aadhaar,Ward No,Remarks\nRamesh Kumar,+91 98765 43210,2345 6789 0124,7,PIN 273001\n",
    )
    .unwrap();
    let policy = dir.path().join("p.toml");
    std::fs::write(
        &policy,
        "[mask]\nkeep_separators = true\n[types]\naadhaar = 'redact'\npincode = 'mask'\n[columns]\n'Name' = { action = 'keep' }\n",
    )
    .unwrap();
    parda()
        .args(["mask", "-q", "--out"])
        .arg(dir.path().join("o"))
        .arg("--policy")
        .arg(&policy)
        .arg(&input)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("o/in.csv")).unwrap(),
        "Name,Mobile,Aadhaar,Ward No,Remarks\nRamesh Kumar,+** ***** *3210,<AADHAAR>,7,PIN ****01\n"
    );
}

#[test]
fn unknown_profile_is_refused() {
    parda().args(["mask", "--profile", "shiny", "--out", "x"]).arg(testdata("samples")).assert().code(2);
}

#[test]
fn rules_check_passes_on_builtin_and_example_rules() {
    parda().args(["rules", "check"]).assert().success().stdout(predicate::str::contains("0 failure(s)"));
    parda()
        .args(["rules", "check", "--rules"])
        .arg(testdata("../rules/examples"))
        .assert()
        .success()
        .stdout(predicate::str::contains("37 rules").and(predicate::str::contains("0 failure(s)")));
}

#[test]
fn example_rule_pack_finds_municipal_ids() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, "Ward,Note\n7,transfer of PT-107-000123 approved\n").unwrap();
    parda()
        .args(["mask", "-q", "--rules"])
        .arg(testdata("../rules/examples"))
        .arg("--out")
        .arg(dir.path().join("o"))
        .arg(&input)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("o/in.csv")).unwrap(),
        "Ward,Note\n7,transfer of *********0123 approved\n"
    );
}

#[test]
fn a_broken_rule_pack_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), "[[rule]]\nid = 'x'\ntype = 'mobile'\npatterns = ['(']\n").unwrap();
    parda()
        .args(["rules", "check", "--rules"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml: rule x: pattern 1"));
}

#[cfg(unix)]
#[test]
fn interrupted_run_leaves_no_output_file() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("slow.csv");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let out = dir.path().join("out");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("parda"))
        .args(["mask", "-q", "--threads", "2", "--out"])
        .arg(&out)
        .arg(&fifo)
        .env("PARDA_CHUNK_BYTES", "64")
        .spawn()
        .unwrap();
    let mut w = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    w.write_all(b"Name,Mobile\n").unwrap();
    for _ in 0..20_000 {
        w.write_all(b"Ramesh Kumar,9876543210\n").unwrap();
    }
    w.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap().success());
    // Keep feeding so a blocked read wakes up and sees the interrupt.
    for _ in 0..200_000 {
        if w.write_all(b"Ramesh Kumar,9876543210\n").is_err() {
            break;
        }
    }
    drop(w);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(!out.join("slow.csv").exists(), "no output under the final name");
    assert!(no_partial_files(&out), "the temporary file was removed");
}

#[test]
fn help_answers_questions() {
    parda()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes").and(predicate::str::contains("parda mask exports/")));
    parda()
        .args(["mask", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--profile").and(predicate::str::contains("Example")));
}

#[test]
fn piped_output_holds_no_progress_noise() {
    let out = tempfile::tempdir().unwrap();
    let assert = parda().args(["mask", "--out"]).arg(out.path()).arg(testdata("samples")).assert().success();
    let o = assert.get_output();
    assert!(o.stderr.is_empty(), "nothing on stderr when it is not a terminal: {}", String::from_utf8_lossy(&o.stderr));
    assert!(!o.stdout.contains(&b'\r') && !o.stdout.contains(&0x1b), "no carriage returns or escape codes on a pipe");
}

/// Snapshots of what people read: the help of each command and the scan summary table.
#[test]
fn help_and_summary_snapshots() {
    let run = |args: &[&str]| {
        let o = parda().args(args).current_dir(testdata("")).output().unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    insta::assert_snapshot!("help", run(&["--help"]));
    insta::assert_snapshot!("help_mask", run(&["mask", "--help"]));
    insta::assert_snapshot!("help_scan", run(&["scan", "--help"]));
    insta::assert_snapshot!("scan_samples", run(&["scan", "samples"]));
}

#[test]
fn a_first_row_of_names_is_data_not_a_header() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("owners.csv");
    std::fs::write(&input, "Ramesh Kumar,Ward 7,Paid\nSunita Devi,Ward 3,Pending\n").unwrap();
    parda().args(["mask", "-q", "--out"]).arg(dir.path().join("o")).arg(&input).assert().success();
    let out = std::fs::read_to_string(dir.path().join("o/owners.csv")).unwrap();
    assert_eq!(out, "R***** K****,Ward 7,Paid\nS***** D***,Ward 3,Pending\n");
    let report = std::fs::read_to_string(dir.path().join("o/parda-report.json")).unwrap();
    assert!(!report.contains("Ramesh") && !report.contains("Sunita"), "{report}");
}

/// `--without-names` (hidden, for measuring generalisation) takes names out of the
/// dictionaries: a lone dictionary name in free text is found with them and not without.
#[test]
fn without_names_leaves_listed_names_out_of_the_dictionaries() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("remarks.csv");
    std::fs::write(&input, "id,remarks\n1,Meter checked; Sunita present\n2,Water supply restored\n").unwrap();
    let list = dir.path().join("names.txt");
    std::fs::write(&list, "Sunita\n").unwrap();
    let masked = |extra: &[&Path], out: &str| {
        let out = dir.path().join(out);
        let mut cmd = parda();
        cmd.arg("mask").arg("-q").arg("--out").arg(&out);
        for f in extra {
            cmd.arg("--without-names").arg(f);
        }
        cmd.arg(&input).assert().success();
        std::fs::read_to_string(out.join("remarks.csv")).unwrap()
    };
    assert_eq!(masked(&[], "a"), "id,remarks\n1,Meter checked; S***** present\n2,Water supply restored\n");
    assert_eq!(masked(&[&list], "b"), "id,remarks\n1,Meter checked; Sunita present\n2,Water supply restored\n");
    parda()
        .args(["mask", "-q", "--out"])
        .arg(dir.path().join("c"))
        .arg("--without-names")
        .arg(dir.path().join("nope.txt"))
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.txt: cannot read name list"));
}

/// Masks one CSV file written from `csv` with the default profile and returns the output.
fn mask_csv_text(csv: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("remarks.csv");
    std::fs::write(&input, csv).unwrap();
    let out = dir.path().join("out");
    parda().args(["mask", "-q", "--out"]).arg(&out).arg(&input).assert().success();
    std::fs::read_to_string(out.join("remarks.csv")).unwrap()
}

/// Names in remarks the way clerks write them: Hindi spellings the romanised dictionaries do
/// not hold (`यादव`), Muslim and South Indian names, kinship words, lower case after a context
/// word; the office words around them survive.
#[test]
fn names_in_clerks_spellings_and_kinship_context_are_masked() {
    let got = mask_csv_text(
        "id,remarks,ward\n\
         1,Deceased Shanti Devi; pension to son Vikas,Ward 7\n\
         2,occupant nazia parveen refused entry,Ward 3\n\
         3,मकान मालिक सुरेश कुमार यादव है,Ward 1\n\
         4,Grievance filed by Imran Khan on the portal,Ward 2\n\
         5,Transferred to Revenue Section for mutation,Ward 9\n\
         6,Bill handed over to Manjunath Gowda,Ward 4\n",
    );
    assert_eq!(
        got,
        "id,remarks,ward\n\
         1,Deceased S***** D***; pension to son V****,Ward 7\n\
         2,occupant n**** p****** refused entry,Ward 3\n\
         3,मकान मालिक सु** कु** या** है,Ward 1\n\
         4,Grievance filed by I**** K*** on the portal,Ward 2\n\
         5,Transferred to Revenue Section for mutation,Ward 9\n\
         6,Bill handed over to M******** G****,Ward 4\n"
    );
}

/// Addresses without a house keyword, South Indian and rural forms, and mobiles in uncommon
/// groupings; a ward and its locality, and a panchayat, survive.
#[test]
fn addresses_and_mobiles_written_without_keywords_are_masked() {
    let got = mask_csv_text(
        "id,remarks,ward\n\
         1,\"shifted to 14/2 Shastri Nagar, Kanpur\",Ward 7\n\
         2,\"#12, 3rd Cross, Jayanagar, Bengaluru 560041\",Ward 3\n\
         3,new address: 221B Gandhi Road Bhopal,Ward 1\n\
         4,\"R/O Vill. Rampur, Distt. Sitapur\",Ward 2\n\
         5,Contact 98 765 43210 or 9876 543 210,Ward 9\n\
         6,\"Ward 7, Gandhi Nagar; Gram Panchayat meeting\",Ward 4\n",
    );
    assert_eq!(
        got,
        "id,remarks,ward\n\
         1,\"shifted to **************************\",Ward 7\n\
         2,\"#******************************************\",Ward 3\n\
         3,new address: ***********************,Ward 1\n\
         4,\"R/O ****************************\",Ward 2\n\
         5,Contact ********3210 or ******** 210,Ward 9\n\
         6,\"Ward 7, Gandhi Nagar; Gram Panchayat meeting\",Ward 4\n"
    );
}

/// Masks `input` into a fresh folder and returns the masked bytes of `name`.
fn masked_bytes(input: &Path, name: &str) -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    parda().args(["mask", "-q", "--out"]).arg(out.path()).arg(input).assert().success();
    std::fs::read(out.path().join(name)).unwrap()
}

#[test]
fn stray_windows_1252_bytes_in_a_utf8_file_pass_through_and_names_are_masked() {
    // UTF-8 (a Devanagari name) with one row saved as Windows-1252 (é, ’).
    let out = masked_bytes(&testdata("mixed/utf8_stray_bytes.csv"), "utf8_stray_bytes.csv");
    let text = String::from_utf8_lossy(&out);
    assert!(!text.contains("सुनीता") && !text.contains("9876543210") && !text.contains("Ramesh"), "{text}");
    // The stray bytes are written back as they were, outside the masked names.
    assert!(out.windows(3).any(|w| w == b"r\x92s"), "{text}");
    assert!(out.ends_with(b"caf\xc3\xa9 closed\r\n"), "{text}");
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 4);
}

#[test]
fn a_windows_1252_byte_far_into_a_utf8_file_loses_no_row() {
    // The first megabyte is ASCII (sniffed as UTF-8); a row after it holds a Windows-1252 ’.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("late.csv");
    let mut data = b"S.No,Owner Name,Mobile,Remarks\n".to_vec();
    for i in 0..40_000 {
        data.extend_from_slice(format!("{i},Ramesh Kumar,9876543210,paid in full for this year\n").as_bytes());
    }
    data.extend_from_slice(b"40000,Anil Verma,9812345670,owner\x92s son paid\n40001,Anil Verma,9812345670,ok\n");
    let out = masked_bytes(&path_with(&path, &data), "late.csv");
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 40_003);
    assert!(out.ends_with(b",owner\x92s son paid\n40001,A*** V****,******5670,ok\n"), "{:?}", &out[out.len() - 120..]);
}

/// Writes `data` to `path` and returns it.
fn path_with(path: &Path, data: &[u8]) -> PathBuf {
    std::fs::write(path, data).unwrap();
    path.to_path_buf()
}

#[test]
fn a_stray_nul_byte_is_a_byte_of_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = b"S.No,Owner Name,Mobile,Remarks\n".to_vec();
    for i in 0..30 {
        data.extend_from_slice(format!("{i},Ramesh Kumar,9876543210,paid\n").as_bytes());
    }
    data.extend_from_slice(b"30,Anil Verma\0\0,9812345670,old\0record\n");
    let out = masked_bytes(&path_with(&dir.path().join("nul.csv"), &data), "nul.csv");
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 32);
    assert!(out.ends_with(b",******5670,old\0record\n"), "{:?}", String::from_utf8_lossy(&out));
    assert!(!String::from_utf8_lossy(&out).contains("Verma"));
}

#[test]
fn a_form_exported_one_field_per_row_is_masked_by_each_rows_field() {
    // `Field` names each row's attribute, `Value` holds it: a date under `DOB` is a date of
    // birth, twelve digits under `Aadhaar` an Aadhaar number, one word under `Father Name` a
    // name; the application date, ward and category are kept.
    let input = testdata("mixed/application_fields.csv");
    let out = String::from_utf8(masked_bytes(&input, "application_fields.csv")).unwrap();
    let src = std::fs::read_to_string(&input).unwrap();
    let want = src
        .replace("Ramesh Kumar", "R***** K****")
        .replace("Venkatappa", "V*********")
        .replace("9876543210", "******3210")
        .replace("345678901235", "********1235")
        .replace("12/03/1975", "**/**/****")
        .replace("\"H.No 12, Gandhi Nagar, Bhopal 462001\"", "\"************************************\"")
        .replace("Lakshmamma", "L*********")
        .replace("Suresh Prasad", "S***** P*****")
        .replace("8765432109", "******2109")
        .replace("234567890124", "********0124")
        .replace("1980-01-01", "****-**-**")
        .replace("\"Door 4-5, MG Road, Mysuru\"", "\"*************************\"");
    assert_eq!(out, want);
}

#[test]
fn a_header_with_a_line_break_stays_on_its_line_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let input = path_with(
        &dir.path().join("h.csv"),
        b"\"Owner\nName\",\"Mobile\r\nNo.\"\nRamesh Kumar,9876543210\nSita Devi,8765432109\n",
    );
    let out = parda().args(["scan"]).arg(&input).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.contains("mobile")).unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("Mobile  No.") && line.contains("h.csv"), "{text}");
    assert!(text.lines().any(|l| l.contains("Owner Name") && l.contains("name")), "{text}");
}

#[test]
fn a_cell_of_a_megabyte_is_masked_whole() {
    // A whole case file pasted into one remark (or a quote left open in an export): 40,000
    // contact details, names and addresses in one cell. Every finding was once checked
    // against every other and every context word against every candidate: minutes for such a
    // cell. Now it is masked in well under a second, every value gone, the row and the ward
    // beside it kept.
    let dir = tempfile::tempdir().unwrap();
    let mut cell = String::new();
    for i in 0..10_000u32 {
        cell.push_str(&format!(
            "call 98{i:08} or mail user{i}@example.com; s/o Ramesh Kumar, H.No. 12-{i}, Gandhi Nagar; "
        ));
    }
    let input = path_with(&dir.path().join("long.csv"), format!("Remarks,Ward\n\"{cell}\",Ward 5\n").as_bytes());
    let out = dir.path().join("out");
    // (A generous bound, no timing claim: the quadratic version would hang CI for hours.)
    parda()
        .args(["mask", "-q", "--out"])
        .arg(&out)
        .arg(&input)
        .timeout(std::time::Duration::from_secs(300))
        .assert()
        .success();
    let got = std::fs::read_to_string(out.join("long.csv")).unwrap();
    assert!(got.starts_with("Remarks,Ward\n\"call ******0000 or mail u****@e*********m; s/o R***** K****, ************************; call"), "{}", &got[..200]);
    assert!(got.ends_with("\",Ward 5\n"));
    assert_eq!(got.lines().count(), 2);
    for gone in ["9800009999", "user9999@example.com", "Ramesh", "12-9999"] {
        assert!(!got.contains(gone), "{gone} survived");
    }
}
