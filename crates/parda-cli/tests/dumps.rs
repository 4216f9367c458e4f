//! End-to-end tests for SQL dumps: the real dumps in `testdata/realworld/dumps/`, small
//! hand-written ones with every feature, gzip, and truncated dumps.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

fn testdata(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata").join(rel)
}

fn parda() -> Command {
    Command::cargo_bin("parda").unwrap()
}

#[test]
fn real_dumps_without_pii_are_byte_identical_and_eg_user_is_masked() {
    let out = tempfile::tempdir().unwrap();
    parda().args(["mask", "-q", "--out"]).arg(out.path()).arg(testdata("realworld/dumps")).assert().success();
    for d in ["clickhouse-dump12.sql", "clickhouse-dump14.sql", "clickhouse-dump15.sql"] {
        assert_eq!(
            std::fs::read(out.path().join(d)).unwrap(),
            std::fs::read(testdata("realworld/dumps").join(d)).unwrap(),
            "{d}"
        );
    }
    let before = std::fs::read_to_string(testdata("realworld/dumps/egov-erp-eis_sample_data.sql")).unwrap();
    let after = std::fs::read_to_string(out.path().join("egov-erp-eis_sample_data.sql")).unwrap();
    assert_eq!(before.lines().count(), after.lines().count());
    assert!(!after.contains("'gayathri'"), "user names are masked");
    assert!(after.contains("VALUES (64, NULL, NULL, NULL, 'en_IN', 'g*******', '$2a$10$"), "only the literals change");
    // Foreign keys under an `employee` column are numbers, not names.
    let fk = |s: &str| {
        s.lines().filter(|l| l.starts_with("INSERT INTO egeis_assignment")).map(str::to_string).collect::<Vec<_>>()
    };
    assert_eq!(fk(&before), fk(&after));
    parda().arg("verify").arg(out.path()).assert().code(0);
}

const MYSQL: &str = "-- MySQL dump 10.13\n/*!40101 SET NAMES utf8mb4 */;\nCREATE TABLE `owners` (\n  `id` int NOT NULL,\n  `owner_name` varchar(64),\n  `mobile` bigint,\n  `note` text,\n  `photo` blob\n) ENGINE=InnoDB;\nLOCK TABLES `owners` WRITE;\nINSERT INTO `owners` VALUES (1,'Ramesh Kumar',9876543210,'call 9123456789; it\\'s \\\\ ok\\n',_binary 'x\\0y'),(2,'Smt. Sunita Devi',NULL,'receipt 7012345678',0x89504E47),(3,'R. K. Sharma',8765432109,'NA',NULL);\nUNLOCK TABLES;\n";

#[test]
fn mysql_dump_is_masked_in_place_with_escapes_and_numbers_kept_valid() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("owners.sql"), MYSQL).unwrap();
    parda()
        .args(["mask", "-q", "--out"])
        .arg(dir.path().join("o"))
        .arg(dir.path().join("owners.sql"))
        .assert()
        .success();
    let got = std::fs::read_to_string(dir.path().join("o/owners.sql")).unwrap();
    let want = MYSQL
        .replace("'Ramesh Kumar',9876543210,'call 9123456789;", "'R***** K****',0000003210,'call ******6789;")
        .replace("'Smt. Sunita Devi'", "'S**. S***** D***'")
        .replace("'R. K. Sharma',8765432109", "'R. K. S*****',0000002109");
    assert_eq!(got, want);
}

#[test]
fn pg_dump_copy_block_is_masked_and_gzip_stays_gzip() {
    let dump = "--\n-- PostgreSQL database dump\n--\n\\restrict k1\nSET standard_conforming_strings = on;\nCREATE TABLE public.eg_user (\n    id bigint NOT NULL,\n    name character varying(100),\n    mobilenumber character varying(50),\n    remarks text\n);\nCOPY public.eg_user (id, name, mobilenumber, remarks) FROM stdin;\n1\tRamesh Kumar\t+91 98765 43210\tS/O Mohan Lal\\tWard 7\n2\t\\N\t\\N\t\\N\n\\.\n\n\\unrestrict k1\n";
    let dir = tempfile::tempdir().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(dump.as_bytes()).unwrap();
    std::fs::write(dir.path().join("users.sql.gz"), gz.finish().unwrap()).unwrap();
    parda()
        .args(["mask", "-q", "--out"])
        .arg(dir.path().join("o"))
        .arg(dir.path().join("users.sql.gz"))
        .assert()
        .success();
    let raw = std::fs::read(dir.path().join("o/users.sql.gz")).unwrap();
    assert_eq!(&raw[..2], &[0x1f, 0x8b]);
    let mut got = String::new();
    flate2::read::GzDecoder::new(&raw[..]).read_to_string(&mut got).unwrap();
    let want = dump.replace(
        "1\tRamesh Kumar\t+91 98765 43210\tS/O Mohan Lal\\tWard 7",
        "1\tR***** K****\t***********3210\tS/O M**** L**\\tWard 7",
    );
    assert_eq!(got, want);
}

#[test]
fn truncated_dumps_fail_with_file_and_line_and_leave_nothing() {
    let cases = [
        (
            "string.sql",
            "CREATE TABLE `t` (`a` text);\nINSERT INTO `t` VALUES ('Ramesh Kumar 9876543210);\n",
            "string.sql:2:25: a string literal",
        ),
        (
            "copy.sql",
            "-- PostgreSQL database dump\nCOPY public.t (a) FROM stdin;\nRamesh\n",
            "copy.sql:2:1: the COPY block that starts here is not ended",
        ),
    ];
    for (name, text, msg) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), text).unwrap();
        parda()
            .args(["mask", "--out"])
            .arg(dir.path().join("o"))
            .arg(dir.path().join(name))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(msg).and(predicate::str::contains("Ramesh").not()));
        assert!(!dir.path().join("o").join(name).exists(), "{name}");
    }
}

/// A mysqldump and a pg_dump with several tables, more rows than the planning sample, a table
/// planned again by a second COPY with other columns, and statements between the data.
fn multi_table_dumps() -> (String, String) {
    let names = ["Ramesh Kumar", "Smt. Sunita Devi", "Mohd. Irfan Khan", "R. K. Sharma", "Geeta Yadav"];
    let row = |i: usize| (names[i % names.len()], 9_100_000_000u64 + (i as u64 * 7_919) % 899_999_999);
    let mut my = String::from(
        "-- MySQL dump 10.13\nCREATE TABLE `owners` (`id` int, `owner_name` varchar(64), `mobile` bigint, `note` text);\n\
         CREATE TABLE `wards` (`id` int, `ward_name` varchar(32), `amount` decimal(10,2));\n",
    );
    for stmt in 0..30 {
        let tuples: Vec<String> = (0..60)
            .map(|k| {
                let i = stmt * 60 + k;
                let (name, mobile) = row(i);
                format!(
                    "({i},'{name}',{mobile},'receipt {} paid; S/O {} ph {}')",
                    7_000_000_000u64 + i as u64,
                    names[(i + 2) % 5],
                    mobile + 1
                )
            })
            .collect();
        my.push_str(&format!("INSERT INTO `owners` VALUES {};\n", tuples.join(",")));
        if stmt % 7 == 3 {
            my.push_str(&format!("INSERT INTO `wards` VALUES ({stmt},'Ward {stmt}',{stmt}25.50);\n"));
        }
    }
    let mut pg = String::from(
        "-- PostgreSQL database dump\nCREATE TABLE public.eg_user (\n    id bigint,\n    name text,\n    mobilenumber text\n);\n\
         COPY public.eg_user (id, name, mobilenumber) FROM stdin;\n",
    );
    for i in 0..1_500 {
        let (name, mobile) = row(i);
        pg.push_str(&format!("{i}\t{name}\t{mobile}\n"));
    }
    pg.push_str("\\.\n\nCOPY public.eg_user (id, mobilenumber, name) FROM stdin;\n");
    for i in 0..40 {
        let (name, mobile) = row(i + 7);
        pg.push_str(&format!("{i}\t+91 {mobile}\t{name}\n"));
    }
    pg.push_str("\\.\n");
    (my, pg)
}

#[test]
fn dumps_mask_the_same_on_one_thread_and_on_many() {
    let dir = tempfile::tempdir().unwrap();
    let (my, pg) = multi_table_dumps();
    std::fs::write(dir.path().join("owners.sql"), &my).unwrap();
    std::fs::write(dir.path().join("users.sql"), &pg).unwrap();
    let run = |threads: &str, chunk: &str, file: &str| {
        let out = dir.path().join(format!("o-{threads}-{chunk}-{file}"));
        parda()
            .args(["mask", "-q", "--threads", threads, "--out"])
            .arg(&out)
            .arg(dir.path().join(file))
            .env("PARDA_CHUNK_BYTES", chunk)
            .assert()
            .success();
        let report: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("parda-report.json")).unwrap()).unwrap();
        let file_report = &report["files"][0];
        let counts = (file_report["rows_in"].clone(), file_report["pii_found"].clone(), file_report["columns"].clone());
        (std::fs::read_to_string(out.join(file)).unwrap(), counts)
    };
    for file in ["owners.sql", "users.sql"] {
        let (one, one_counts) = run("1", "1048576", file);
        assert!(!one.contains("Ramesh") && !one.contains("Sunita") && !one.contains("9100007919"), "{file}: {one}");
        assert!(one.contains("receipt 7000000001 paid") || file == "users.sql", "receipt numbers stay");
        assert_eq!(one.lines().count(), if file == "users.sql" { pg.lines().count() } else { my.lines().count() });
        for chunk in ["200", "5000"] {
            let (many, many_counts) = run("3", chunk, file);
            assert!(one == many, "{file}: 3 threads, batches of {chunk} bytes differ from 1 thread");
            assert_eq!(one_counts, many_counts, "{file}: report counts, batches of {chunk} bytes");
        }
        let rows = one_counts.0.as_u64().unwrap();
        assert_eq!(rows, if file == "users.sql" { 1_540 } else { 1_800 + 4 });
        if file == "users.sql" {
            // Both COPY blocks are counted: each row has one mobile number and one name, in
            // either column order. A column is reported once per place it had (as merged work
            // units report it): `id` once, `name` and `mobilenumber` at both places.
            let columns = one_counts.2.as_array().unwrap();
            let places: Vec<(String, u64, u64)> = columns
                .iter()
                .map(|c| {
                    (
                        c["name"].as_str().unwrap().to_string(),
                        c["index"].as_u64().unwrap(),
                        c["cells_changed"].as_u64().unwrap(),
                    )
                })
                .collect();
            let want = [
                ("eg_user.id", 0, 0),
                ("eg_user.name", 1, 1_500),
                ("eg_user.mobilenumber", 2, 1_500),
                ("eg_user.mobilenumber", 1, 40),
                ("eg_user.name", 2, 40),
            ];
            assert_eq!(places, want.map(|(n, i, c)| (n.to_string(), i, c)), "{columns:?}");
            assert_eq!(one_counts.1["mobile"], 1_540, "{}", one_counts.1);
            let found = |c: &serde_json::Value, t: &str| c["pii_found"][t].as_u64().unwrap_or(0);
            let mobiles: u64 = columns.iter().map(|c| found(c, "mobile")).sum();
            assert_eq!(mobiles, 1_540, "every block's mobile numbers are in its column's counts");
        }
    }
}

#[test]
fn masked_dates_in_date_columns_stay_dates_that_load() {
    // Loaded into MariaDB in strict mode and into PostgreSQL by scripts/test-db.sh.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    let (my_in, pg_in) = (testdata("dumps/dated_mysql.sql"), testdata("dumps/dated_pg.sql"));
    parda().args(["mask", "-q", "--out"]).arg(&out).arg(&my_in).arg(&pg_in).assert().success();
    let my = std::fs::read_to_string(out.join("dated_mysql.sql")).unwrap();
    let want = std::fs::read_to_string(&my_in)
        .unwrap()
        .replace(
            "'Ramesh Kumar','1985-03-12 00:00:00','1985-03-12'",
            "'R***** K****','1900-01-01 00:00:00','1900-01-01'",
        )
        .replace("'Sunita Devi','1990-01-02 10:20:30','1990-01-02'", "'S***** D***','1900-01-01 00:00:00','1900-01-01'")
        .replace("'Mohd Arif'", "'M*** A***'")
        .replace("'9876543210'", "'0000003210'")
        .replace("7012345678", "0000005678");
    assert_eq!(my, want);
    let pg = std::fs::read_to_string(out.join("dated_pg.sql")).unwrap();
    let want = std::fs::read_to_string(&pg_in)
        .unwrap()
        .replace("Ramesh Kumar\t1985-03-12 00:00:00\t1985-03-12", "R***** K****\t1900-01-01 00:00:00\t1900-01-01")
        .replace("Sunita Devi\t1990-01-02 10:20:30.5", "S***** D***\t1900-01-01 00:00:00.0");
    assert_eq!(pg, want);
    // The report's samples are the values written, not the masks they were made from.
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("parda-report.json")).unwrap()).unwrap();
    let samples = |file: usize, column: &str| {
        let columns = report["files"][file]["columns"].as_array().unwrap();
        let c = columns.iter().find(|c| c["name"].as_str().unwrap().ends_with(column)).unwrap();
        c["masked_samples"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(samples(0, ".dob"), ["1900-01-01 00:00:00"]);
    assert_eq!(samples(0, ".born_on"), ["1900-01-01"]);
    assert_eq!(samples(0, ".mobile"), ["0000003210", "0000005678"]);
    assert_eq!(samples(1, ".dob"), ["1900-01-01 00:00:00", "1900-01-01 00:00:00.0"]);
    // The default date reads as a placeholder: the masked copies hold no PII.
    parda().arg("verify").arg(&out).assert().code(0);
}

#[test]
fn a_data_only_dump_masks_its_birth_dates_as_dates() {
    // No CREATE TABLE: columns are known by their values only. The column of dates spread
    // over decades is of births, masked as a date a DATE column accepts; the connection
    // timestamps (recent, clustered) are kept.
    let dir = tempfile::tempdir().unwrap();
    let input = testdata("dumps/data_only_mysql.sql");
    parda().args(["mask", "-q", "--out"]).arg(dir.path()).arg(&input).assert().success();
    let out = std::fs::read_to_string(dir.path().join("data_only_mysql.sql")).unwrap();
    let before = std::fs::read_to_string(&input).unwrap();
    assert_eq!(before.lines().count(), out.lines().count());
    let insert = out.lines().find(|l| l.starts_with("INSERT")).unwrap();
    assert!(insert.starts_with(
        "INSERT INTO `consumers` VALUES (1,'WC-0001','S**** M****','******3210','1900-01-01','2019-04-01 10:15:00',450.00),"
    ));
    for birth in ["1961-05-04", "1972-01-19", "1948-08-15", "1980-07-07", "1955-12-01", "1990-03-30"] {
        assert!(!insert.contains(birth), "{birth}");
    }
    assert_eq!(insert.matches("'1900-01-01'").count(), 6);
    assert!(insert.contains("'2016-02-29 09:00:00',1200.50"));
}

#[test]
fn a_latin1_row_in_a_utf8_dump_is_masked_and_its_other_bytes_kept() {
    // Row 2 was typed on a latin1 client (José, owner’s as Windows-1252 bytes): its values are
    // not UTF-8. They are searched like any other, and the bytes not masked are written back.
    let dir = tempfile::tempdir().unwrap();
    let input = testdata("dumps/stray_latin1_mysql.sql");
    parda().args(["mask", "-q", "--out"]).arg(dir.path()).arg(&input).assert().success();
    let out = std::fs::read(dir.path().join("stray_latin1_mysql.sql")).unwrap();
    let text = String::from_utf8_lossy(&out);
    for value in ["सुनीता", "9876543210", "Jos", "Souza", "9812345670", "9123456780"] {
        // (9876543211 is in the photo, below.)
        assert!(!text.contains(value), "{value} in {text}");
    }
    let insert = out.split(|&b| b == b'\n').find(|l| l.starts_with(b"INSERT")).expect("the INSERT");
    assert!(insert.ends_with(b",'owner\x92s son, mob ******6780',NULL);"), "{text}");
    // A BLOB's bytes are no text: the digits in the photo stay as they were.
    let photo: &[u8] = b"'\\0\\0\xff\xd8 9876543211 \xff'";
    assert!(insert.windows(photo.len()).any(|w| w == photo), "{text}");
    assert_eq!(
        out.iter().filter(|&&b| b == b'\n').count(),
        std::fs::read(&input).unwrap().iter().filter(|&&b| b == b'\n').count()
    );
}

#[test]
fn replace_update_and_double_quoted_values_are_masked_not_passed_through() {
    // mysqldump --replace / --insert-ignore, `VALUE`, strings in double quotes, an upsert's
    // `ON DUPLICATE KEY UPDATE`, and UPDATE, `INSERT ... SET` and DELETE statements: no value in
    // them passes through unread.
    let dir = tempfile::tempdir().unwrap();
    let input = testdata("dumps/replace_update_mysql.sql");
    parda().args(["mask", "-q", "--out"]).arg(dir.path()).arg(&input).assert().success();
    let before = std::fs::read_to_string(&input).unwrap();
    let after = std::fs::read_to_string(dir.path().join("replace_update_mysql.sql")).unwrap();
    for value in [
        "Sita",
        "Brien",
        "8765432109",
        "Mahesh",
        "Abdul",
        "7654321098",
        "Ramesh",
        "9876543210",
        "9123456780",
        "Sunita",
        "Priya",
        "9988776655",
        "9812345670",
        "Kavita",
        "Gurpreet",
        "9012345678",
        "Mohan",
        "Farida",
        "Begum",
        "9345678120",
    ] {
        assert!(!after.contains(value), "{value} in {after}");
    }
    let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    let (b, a) = (lines(&before), lines(&after));
    assert_eq!(b.len(), a.len());
    // Statements without PII, and everything around the masked values, are as they were.
    for (x, y) in b.iter().zip(&a) {
        if !x.contains('\'') && !x.contains('"') {
            assert_eq!(x, y);
        }
    }
    assert!(after.contains("VALUE (4,'P**** N***','******6655',\"Ward 9\",\"Meter shifted\");"), "{after}");
    assert!(
        after.contains(
            "UPDATE `citizen` SET `mobile_no`='******5670', `remarks`='New number of K***** S*****' WHERE `id`=2;"
        ),
        "{after}"
    );
    assert!(after.contains("'Ward 4','It\\'s done by M***** P****'"), "{after}");
    assert!(
        after.contains("'Ward 7',NULL) ON DUPLICATE KEY UPDATE `full_name`='F***** B****', `mobile_no`='******8120';"),
        "{after}"
    );
    parda().arg("verify").arg(dir.path()).assert().code(0);
}

#[test]
fn an_on_conflict_update_clause_is_searched_as_free_text() {
    // PostgreSQL's upsert: the values after the tuples (`DO UPDATE SET ...`) are no column's,
    // and are searched as free text; a clause without literals is kept as it was.
    let dir = tempfile::tempdir().unwrap();
    let dump = "-- PostgreSQL database dump\nINSERT INTO public.owner (id, name, mobile) VALUES (1, 'Ramesh Kumar', '9876543210') ON CONFLICT (id) DO UPDATE SET name = 'Sita Devi', mobile = E'8765432109';\nINSERT INTO public.owner (id, name, mobile) VALUES (2, 'Abdul Karim', '7654321098') ON CONFLICT DO NOTHING;\n";
    std::fs::write(dir.path().join("u.sql"), dump).unwrap();
    parda().args(["mask", "-q", "--out"]).arg(dir.path().join("o")).arg(dir.path().join("u.sql")).assert().success();
    let got = std::fs::read_to_string(dir.path().join("o/u.sql")).unwrap();
    let want = dump
        .replace("'Ramesh Kumar', '9876543210'", "'R***** K****', '******3210'")
        .replace("'Sita Devi', mobile = E'8765432109'", "'S*** D***', mobile = E'******2109'")
        .replace("'Abdul Karim', '7654321098'", "'A**** K****', '******1098'");
    assert_eq!(got, want);
}

#[test]
fn a_copy_block_in_csv_is_searched_whole_not_under_its_first_column() {
    // `COPY ... WITH CSV` (hand-written; pg_dump writes tab-separated text): each line is read
    // as one field, and searched as free text, not under the `id` header that argues against
    // a mobile.
    let dir = tempfile::tempdir().unwrap();
    let dump = "-- PostgreSQL database dump\nCOPY public.owner (id, name, mobile, note) FROM stdin WITH (FORMAT csv);\n1,Ramesh Kumar,9876543210,\"call me, 9123456780\"\n2,Sita Devi,8765432109,\n\\.\n";
    std::fs::write(dir.path().join("c.sql"), dump).unwrap();
    parda().args(["mask", "-q", "--out"]).arg(dir.path().join("o")).arg(dir.path().join("c.sql")).assert().success();
    let got = std::fs::read_to_string(dir.path().join("o/c.sql")).unwrap();
    let want = dump
        .replace("Ramesh Kumar,9876543210,\"call me, 9123456780\"", "R***** K****,******3210,\"call me, ******6780\"")
        .replace("Sita Devi,8765432109,", "S*** D***,******2109,");
    assert_eq!(got, want);
}

#[test]
fn values_in_a_jsonb_column_are_masked_by_their_keys_and_the_json_stays_json() {
    // Owner details kept as jsonb: the keys say what each value is (names in no dictionary,
    // an Aadhaar number that fails its checksum, the parts of an address object), and what
    // is not personal (usage, floor areas, a document's name) is kept.
    let dir = tempfile::tempdir().unwrap();
    let input = testdata("dumps/jsonb_pg.sql");
    parda().args(["mask", "-q", "--out"]).arg(dir.path()).arg(&input).assert().success();
    let after = std::fs::read_to_string(dir.path().join("jsonb_pg.sql")).unwrap();
    for value in [
        "Xyqor",
        "Venkatappa",
        "Kharbuli",
        "9876543210",
        "345678901234",
        "12-4",
        "MG Road",
        "Sita",
        "8765432109",
        "Lakshmamma",
        "lakshmamma@",
    ] {
        assert!(!after.contains(value), "{value} in {after}");
    }
    for kept in [
        "\"usage\": \"RESIDENTIAL\"",
        "\"area\": 120.5",
        "\"name\": \"Sale Deed\"",
        "pb.amritsar",
        "\"constructionYear\": 1998",
    ] {
        assert!(after.contains(kept), "{kept} in {after}");
    }
    assert!(
        after.contains(
            r#"{"ownerName": "X**** V*********", "fatherOrHusbandName": "L**** K*******", "mobileNumber": "******3210""#
        ),
        "{after}"
    );
    // A number becomes a string: the masked JSON is still JSON (scripts/test-db.sh loads it).
    assert!(after.contains(r#""mobileNumber": "******2109", "usage""#), "{after}");
    // The masked copy holds nothing more to find.
    parda().arg("verify").arg(dir.path()).assert().code(0);
}

#[test]
fn digit_eg_user_keeps_its_keys_and_password_hashes() {
    // DIGIT's `eg_user` as pg_dump writes it (invented people). The bcrypt hashes hold
    // `SY/...` (an address once found in one), the tenant ids (`pb.amritsar`) follow a
    // relationship column (`FATHER`, `HUSBAND`: they were masked as the father's name).
    let dir = tempfile::tempdir().unwrap();
    let input = testdata("dumps/digit_eg_user_pg.sql");
    parda().args(["mask", "-q", "--out"]).arg(dir.path()).arg(&input).assert().success();
    let before = std::fs::read_to_string(&input).unwrap();
    let after = std::fs::read_to_string(dir.path().join("digit_eg_user_pg.sql")).unwrap();
    let rows = |s: &str| -> Vec<Vec<String>> {
        s.lines()
            .skip_while(|l| !l.starts_with("COPY public.eg_user "))
            .skip(1)
            .take_while(|l| *l != "\\.")
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    };
    let (old, new) = (rows(&before), rows(&after));
    assert_eq!(old.len(), 12);
    assert_eq!(old.len(), new.len());
    for (o, n) in old.iter().zip(&new) {
        // id, locale, password, pwdexpirydate, createddate, active, gender, type, relation,
        // tenantid, uuid: byte-identical.
        for c in [0, 4, 6, 7, 11, 12, 14, 17, 19, 20, 21] {
            assert_eq!(o[c], n[c], "column {c} of {o:?}");
        }
        // mobilenumber, name, guardian: masked.
        for c in [8, 13, 18] {
            assert_ne!(o[c], n[c], "column {c} of {o:?}");
        }
    }
    assert!(before.contains("SY/fonfjjNI81Z4p4") && after.contains("SY/fonfjjNI81Z4p4"));
    assert_eq!(before.matches("\tpb.").count(), after.matches("\tpb.").count());
}

/// Values a column holds clean are not searched again in that column: the same value under
/// another table's column of the same position is searched (a reference number kept in one
/// table is a mobile in the next table's remarks, in the same batch).
#[test]
fn a_value_kept_in_one_tables_column_is_still_searched_in_anothers() {
    let dump = "CREATE TABLE `payments` (`ref` bigint, `ward` varchar(10));\n\
        INSERT INTO `payments` VALUES (9876543210,'W1'),(1023456789,'W2'),(3456789012,'W3'),\
        (6543210987,'W4'),(2109876543,'W5'),(4567890123,'W6');\n\
        CREATE TABLE `owners` (`remarks` varchar(40), `ward` varchar(10));\n\
        INSERT INTO `owners` VALUES ('9876543210','W1'),('notice issued','W2'),('NA','W3'),\
        ('paid in full','W4'),('pending','W5');\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("two.sql"), dump).unwrap();
    parda().args(["mask", "-q", "--out"]).arg(dir.path().join("o")).arg(dir.path().join("two.sql")).assert().success();
    let got = std::fs::read_to_string(dir.path().join("o/two.sql")).unwrap();
    assert_eq!(got, dump.replace("('9876543210','W1'),('notice", "('******3210','W1'),('notice"));
}

/// The tuples of the `dues` table's INSERTs in a dump written one statement per line, in order.
fn dues_tuples(dump: &str) -> Vec<String> {
    dump.lines()
        .filter_map(|l| l.strip_prefix("INSERT INTO `dues` VALUES ("))
        .flat_map(|l| l.trim_end_matches(");").split("),(").map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// A table is planned from its first 1,000 rows however the dump groups them into statements:
/// one mysqldump INSERT of ~1 MB holds thousands of rows, and a table planned from all of
/// them classified its columns unlike the same rows in statements of 50 (and cost the reading
/// thread three times the work).
#[test]
fn a_table_is_planned_from_its_first_rows_whatever_its_statements_hold() {
    let names = ["Ramesh Kumar", "Sunita Devi", "Mohd. Irfan Khan", "Geeta Yadav", "Arjun Mehta"];
    // The party column holds placeholders in its first 1,000 rows, names after them.
    let tuple = |i: usize| {
        let party = if i < 1_000 { "NA" } else { names[i % names.len()] };
        format!("({i},'{party}','{}.50')", 1_000 + i)
    };
    let head = "-- MySQL dump 10.13\nCREATE TABLE `dues` (`id` int, `party` varchar(64), `amount` varchar(20));\n";
    let statement = |rows: std::ops::Range<usize>| {
        format!("INSERT INTO `dues` VALUES {};\n", rows.map(tuple).collect::<Vec<_>>().join(","))
    };
    let small: String = head.to_string() + &(0..48).map(|s| statement(s * 50..s * 50 + 50)).collect::<String>();
    let big = head.to_string() + &statement(0..2_400);
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, dump: &str| {
        std::fs::write(dir.path().join(name), dump).unwrap();
        let out = dir.path().join(format!("o-{name}"));
        parda().args(["mask", "-q", "--out"]).arg(&out).arg(dir.path().join(name)).assert().success();
        let report: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("parda-report.json")).unwrap()).unwrap();
        let columns: Vec<(String, String, String)> = report["files"][0]["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["name"].to_string(), c["classification"].to_string(), c["classified_by"].to_string()))
            .collect();
        let masked = std::fs::read_to_string(out.join(name)).unwrap();
        let tuples = dues_tuples(&masked);
        (columns, tuples)
    };
    let (small_columns, small_tuples) = run("small.sql", &small);
    let (big_columns, big_tuples) = run("big.sql", &big);
    assert_eq!(small_columns, big_columns, "the same plan for the same first 1,000 rows");
    assert_eq!(small_tuples.len(), 2_400);
    assert_eq!(small_tuples, big_tuples, "the same masked rows");
    for name in names {
        assert!(!big_tuples.iter().any(|t| t.contains(name)), "{name} is masked");
    }
}

/// An INSERT of 2.7 MB (one statement for a whole table, as some exporters write) is read in
/// pieces of about 1 MiB cut after a tuple: its rows are masked as the same rows in statements
/// of 50 are, and the statement stays one statement (its bytes between the values untouched).
#[test]
fn an_insert_of_megabytes_is_masked_as_its_rows_in_short_statements_are() {
    let names = ["Ramesh Kumar", "Sunita Devi", "Mohd. Irfan Khan", "Geeta Yadav", "Arjun Mehta"];
    let tuple = |i: usize| {
        let name = names[i % names.len()];
        format!("({i},'{name}',9{:09},'paid; it\\'s (ok) -- {i}',NULL)", 876_543_210 - i * 7)
    };
    let rows = 40_000;
    let head = "-- MySQL dump 10.13\nCREATE TABLE `dues` (`id` int, `party` varchar(64), `mobile` bigint, `note` text, `x` int);\n";
    let statement = |rows: std::ops::Range<usize>| {
        format!("INSERT INTO `dues` VALUES {};\n", rows.map(tuple).collect::<Vec<_>>().join(","))
    };
    let small: String = head.to_string() + &(0..rows / 50).map(|s| statement(s * 50..s * 50 + 50)).collect::<String>();
    let big = head.to_string() + &statement(0..rows) + "INSERT INTO `dues` VALUES (1,'Asha Rao',9876543210,'',NULL);\n";
    assert!(big.len() > 2 << 20);
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, dump: &str| {
        std::fs::write(dir.path().join(name), dump).unwrap();
        let out = dir.path().join(format!("o-{name}"));
        parda().args(["mask", "-q", "--threads", "3", "--out"]).arg(&out).arg(dir.path().join(name)).assert().success();
        let masked = std::fs::read_to_string(out.join(name)).unwrap();
        let statements = masked.lines().filter(|l| l.starts_with("INSERT INTO `dues` VALUES (")).count();
        let tuples = dues_tuples(&masked);
        (statements, tuples)
    };
    let (_, small_tuples) = run("small.sql", &small);
    let (statements, mut big_tuples) = run("big.sql", &big);
    assert_eq!(statements, 2);
    assert_eq!(big_tuples.pop().as_deref(), Some("1,'A*** R**',0000003210,'',NULL"));
    assert_eq!(small_tuples.len(), rows);
    assert_eq!(small_tuples, big_tuples, "the same masked rows");
    assert!(big_tuples[rows - 1].ends_with(&format!("-- {}',NULL", rows - 1)), "{}", big_tuples[rows - 1]);
    for name in names {
        assert!(!big_tuples.iter().any(|t| t.contains(name)), "{name} is masked");
    }
}

/// A statement that lists the table's columns in another order than the one the table was
/// planned from has each value checked under the plan of the column it names: the note stays,
/// the mobile is masked as a mobile, the name as a name (the plan was applied by position: the
/// note was masked as a mobile number).
#[test]
fn inserts_listing_columns_in_another_order_are_checked_by_column_name() {
    let names = ["Ramesh Kumar", "Sunita Devi", "Arjun Mehta", "Geeta Yadav"];
    let mobile = |i: usize| 9_100_000_000u64 + (i as u64 * 7_919) % 899_999_999;
    let mut dump = String::from("CREATE TABLE public.t (id integer, name text, mobile text, note text);\n");
    for i in 0..1_200 {
        dump.push_str(&format!(
            "INSERT INTO public.t (id, name, mobile, note) VALUES ({i}, '{}', '{}', 'ok');\n",
            names[i % 4],
            mobile(i)
        ));
    }
    for i in 1_200..1_210 {
        dump.push_str(&format!(
            "INSERT INTO public.t (id, mobile, note, extra, name) VALUES ({i}, '{}', 'ok', 'fine', '{}');\n",
            mobile(i),
            names[i % 4]
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.sql"), &dump).unwrap();
    parda().args(["mask", "-q", "--out"]).arg(dir.path().join("o")).arg(dir.path().join("t.sql")).assert().success();
    let masked = std::fs::read_to_string(dir.path().join("o/t.sql")).unwrap();
    let reordered: Vec<&str> = masked.lines().filter(|l| l.contains("(id, mobile, note, extra, name)")).collect();
    assert_eq!(reordered.len(), 10);
    for (k, line) in reordered.iter().enumerate() {
        let i = 1_200 + k;
        let last4 = mobile(i) % 10_000;
        let want = format!("VALUES ({i}, '******{last4:04}', 'ok', 'fine', ");
        assert!(line.contains(&want), "{line}");
        assert!(!line.contains(names[i % 4]), "{line}");
    }
    let ordered = masked.lines().find(|l| l.contains("VALUES (7, ")).unwrap();
    assert!(ordered.ends_with(&format!("'******{:04}', 'ok');", mobile(7) % 10_000)), "{ordered}");
}
