//! The matcher on typical legacy cells (bytes per second): free-text remarks with and without
//! PII, identifier cells, amounts and codes. Asserts what it finds, so it cannot time a no-op.
//!
//! Run: `cargo bench -p parda-detect --bench matcher`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use parda_detect::{CellContext, Finding, Matcher};

const WITH_PII: &[&str] = &[
    "Owner mob 9876543210 paid Rs. 1,25,000 on 14/03/2023",
    "Smt. Sunita Devi W/O Ramesh Kumar, H.No. 12-4/B, Gandhi Nagar",
    "PAN ABCPE1234F linked, aadhaar 2345 6789 0124 verified",
    "mail ramesh.kumar@example.com or call +91 98765 43210",
    "आवेदक रमेश कुमार का फोन 9123456789",
];

const WITHOUT_PII: &[&str] = &[
    "Ward 7",
    "Residential",
    "1,25,000.00",
    "PT-2023-000123",
    "paid in full, receipt issued",
    "Old Age Pension",
    "DOC_VERIFIER",
    "2023-24",
];

fn bench(c: &mut Criterion) {
    let m = Matcher::new(parda_rules::load_rules(&[]).unwrap()).unwrap();
    let ctx = CellContext { names: true, ..Default::default() };
    let mut found: Vec<Finding> = Vec::new();
    let mut g = c.benchmark_group("matcher");
    for (name, cells, expect_pii) in [("cells_with_pii", WITH_PII, true), ("cells_without_pii", WITHOUT_PII, false)] {
        g.throughput(Throughput::Bytes(cells.iter().map(|c| c.len() as u64).sum()));
        g.bench_function(name, |b| {
            b.iter(|| {
                for cell in cells {
                    m.detect(black_box(cell), &ctx, &mut found);
                    assert_eq!(!found.is_empty(), expect_pii, "{cell}");
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
