//! The CSV record splitter and the SQL dump tokenizer on generated legacy data (bytes per
//! second). Each bench checks the records or statements it found.
//!
//! Run: `cargo bench -p parda-formats --bench tokenizers`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use parda_formats::{split_records, Dialect};
use std::io::Cursor;

const ROWS: usize = 5_000;

fn csv_data() -> Vec<u8> {
    let mut s = String::from("S.No,Owner Name,Mobile No,Address,Amount,Remarks\r\n");
    for i in 0..ROWS {
        s.push_str(&format!(
            "{i},Ramesh Kumar {i},98765{:05},\"H.No. {i}, Gandhi Nagar, Jaipur\",\"1,25,{:03}.00\",\"paid \"\"in full\"\"\nreceipt {i}\"\r\n",
            i % 100_000,
            i % 1000
        ));
    }
    s.into_bytes()
}

fn sql_data() -> Vec<u8> {
    let mut s = String::from("CREATE TABLE `owners` (`id` int, `name` varchar(64), `mobile` bigint, `note` text);\n");
    for chunk in 0..ROWS / 100 {
        s.push_str("INSERT INTO `owners` VALUES ");
        for j in 0..100 {
            let i = chunk * 100 + j;
            if j > 0 {
                s.push(',');
            }
            s.push_str(&format!("({i},'Ramesh Kumar {i}',98765{:05},'it\\'s paid; call back\\n')", i % 100_000));
        }
        s.push_str(";\n");
    }
    s.into_bytes()
}

fn bench(c: &mut Criterion) {
    let csv = csv_data();
    let mut g = c.benchmark_group("tokenizers");
    g.throughput(Throughput::Bytes(csv.len() as u64));
    let (mut records, mut fields) = (Vec::new(), Vec::new());
    g.bench_function("csv_split_records", |b| {
        b.iter(|| {
            records.clear();
            fields.clear();
            let out = split_records(black_box(&csv), true, Dialect::COMMA, &mut records, &mut fields, usize::MAX);
            assert_eq!(out, csv.len());
            assert_eq!(records.len(), ROWS + 1);
            assert_eq!(fields.len(), (ROWS + 1) * 6);
        })
    });
    let sql = sql_data();
    g.throughput(Throughput::Bytes(sql.len() as u64));
    g.bench_function("sql_items", |b| {
        b.iter(|| {
            let mut r =
                parda_formats::sql::SqlReader::from_reader("bench.sql", Box::new(Cursor::new(sql.clone()))).unwrap();
            let mut literals = 0;
            while let Some(item) = r.next_item().unwrap() {
                if let parda_formats::sql::SqlItem::Insert { literals: l, .. } = item {
                    literals += l.len();
                }
            }
            assert_eq!(literals, ROWS * 4);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
