//! Property: dumps with every escape, in both dialects, split into items and written back
//! unchanged give the same bytes, and every string literal decodes to the value written.

use parda_formats::sql::{copy_fields, decode_copy_field, decode_string, SqlItem, SqlReader};
use proptest::prelude::*;

fn value() -> impl Strategy<Value = String> {
    let atoms = vec![
        "a", "Z", "9", " ", "'", "\\", "\n", "\r", "\t", ";", ",", "(", ")", "--", "/*", "`", "\"", "é", "र", "😀",
        "\u{1A}",
    ];
    proptest::collection::vec(proptest::sample::select(atoms), 0..10).prop_map(|v| v.concat())
}

fn mysql_lit(v: &str) -> String {
    let mut s = String::from("'");
    for c in v.chars() {
        match c {
            '\'' => s.push_str("\\'"),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\u{1A}' => s.push_str("\\Z"),
            c => s.push(c),
        }
    }
    s.push('\'');
    s
}

fn copy_value(v: &str) -> String {
    v.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r")
}

fn read_all(text: &str) -> Vec<SqlItem> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("d.sql");
    std::fs::write(&p, text).unwrap();
    let mut r = SqlReader::open(p.to_str().unwrap()).unwrap();
    let mut out = Vec::new();
    while let Some(i) = r.next_item().unwrap() {
        out.push(i);
    }
    out
}

fn bytes(items: &[SqlItem]) -> Vec<u8> {
    items
        .iter()
        .flat_map(|i| match i {
            SqlItem::Raw(r) | SqlItem::CopyRow(r) => r.clone(),
            SqlItem::CreateTable { raw, .. }
            | SqlItem::Insert { raw, .. }
            | SqlItem::CopyStart { raw, .. }
            | SqlItem::Statement { raw, .. } => raw.clone(),
            SqlItem::Skimmed { .. } => unreachable!("nothing is skimmed unless asked"),
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn mysql_inserts_round_trip(rows in proptest::collection::vec((value(), value(), any::<u32>()), 1..8)) {
        let tuples: Vec<String> = rows.iter().map(|(a, b, n)| format!("({n},{},NULL,{})", mysql_lit(a), mysql_lit(b))).collect();
        let text = format!("-- MySQL dump\nCREATE TABLE `t` (`id` int, `a` text, `x` int, `b` text) ENGINE=InnoDB;\nINSERT INTO `t` VALUES {};\nUNLOCK TABLES;\n", tuples.join(","));
        let items = read_all(&text);
        prop_assert_eq!(bytes(&items), text.as_bytes());
        let SqlItem::Insert { raw, literals, .. } = items.iter().find(|i| matches!(i, SqlItem::Insert { .. })).unwrap() else { unreachable!() };
        let strings: Vec<String> = literals.iter().filter(|l| l.col == 1 || l.col == 3).map(|l| decode_string(&raw[l.start..l.end], l.kind).unwrap()).collect();
        let want: Vec<String> = rows.iter().flat_map(|(a, b, _)| [a.clone(), b.clone()]).collect();
        prop_assert_eq!(strings, want);
    }

    #[test]
    fn postgres_copy_and_inserts_round_trip(rows in proptest::collection::vec((value(), value()), 1..8)) {
        let copy: Vec<String> = rows.iter().map(|(a, b)| format!("{}\t{}\t\\N\n", copy_value(a), copy_value(b))).collect();
        let inserts: Vec<String> = rows.iter().map(|(a, b)| format!("INSERT INTO public.t (a, b) VALUES ('{}', E'{}');\n", a.replace('\'', "''"), b.replace('\\', "\\\\").replace('\'', "\\'"))).collect();
        let text = format!("-- PostgreSQL database dump\nSET client_encoding = 'UTF8';\nCOPY public.t (a, b, c) FROM stdin;\n{}\\.\n\n{}", copy.concat(), inserts.concat());
        let items = read_all(&text);
        prop_assert_eq!(bytes(&items), text.as_bytes());
        let got: Vec<String> = items.iter().filter_map(|i| match i {
            SqlItem::CopyRow(line) => Some(copy_fields(line)[..2].iter().map(|&(s, e)| decode_copy_field(&line[s..e]).unwrap()).collect::<Vec<_>>()),
            _ => None,
        }).flatten().collect();
        let want: Vec<String> = rows.iter().flat_map(|(a, b)| [a.clone(), b.clone()]).collect();
        prop_assert_eq!(&got, &want);
        let got: Vec<String> = items.iter().filter_map(|i| match i {
            SqlItem::Insert { raw, literals, .. } => Some(literals.iter().map(|l| decode_string(&raw[l.start..l.end], l.kind).unwrap()).collect::<Vec<_>>()),
            _ => None,
        }).flatten().collect();
        prop_assert_eq!(got, want);
    }
}
