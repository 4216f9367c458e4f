//! Throughput of each transform: DIGIT masks and the keyed transforms (tokenize, detokenize,
//! hash, fake, shift), in values per second. Each bench checks its result so it cannot time a
//! no-op.
//!
//! Run: `cargo bench -p parda-transform --bench transforms`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use parda_rules::MaskStyle;
use parda_transform::keyed::{Key, Keyed};
use parda_transform::{mask_value, MaskOptions};

const VALUES: &[(&str, &str)] = &[
    ("mobile", "+91 98765 43210"),
    ("aadhaar", "2345 6789 0124"),
    ("pan", "ABCPE1234F"),
    ("gstin", "27ABCPE1234F1ZV"),
    ("email", "ramesh.kumar@example.com"),
    ("dob", "14/03/1990"),
    ("pincode", "560001"),
    ("name", "Smt. Sunita Devi"),
    ("name", "सुनीता देवी"),
    ("address", "H.No. 12-4/B, Gandhi Nagar, Jaipur 302001"),
];

fn keyed() -> Keyed {
    Keyed::new(&Key::parse(&"5a".repeat(32), "bench").unwrap())
}

fn bench(c: &mut Criterion) {
    let k = keyed();
    let mut g = c.benchmark_group("transforms");
    g.throughput(Throughput::Elements(VALUES.len() as u64));
    g.bench_function("mask_digit_001", |b| {
        b.iter(|| {
            for (_, v) in VALUES {
                let m = mask_value(black_box(v), MaskStyle::P001, MaskOptions::default());
                assert_ne!(&m, v);
            }
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            for (t, v) in VALUES {
                let tok = k.tokenize(t, black_box(v)).unwrap();
                assert_ne!(&tok, v);
            }
        })
    });
    let tokens: Vec<(&str, String)> = VALUES.iter().map(|(t, v)| (*t, k.tokenize(t, v).unwrap())).collect();
    g.bench_function("detokenize", |b| {
        b.iter(|| {
            for ((t, tok), (_, v)) in tokens.iter().zip(VALUES) {
                assert_eq!(k.detokenize(t, black_box(tok)).as_deref(), Some(*v));
            }
        })
    });
    g.bench_function("hash", |b| {
        b.iter(|| {
            for (t, v) in VALUES {
                assert_eq!(k.hash(t, black_box(v)).len(), 32);
            }
        })
    });
    g.bench_function("fake", |b| {
        b.iter(|| {
            for (t, v) in VALUES {
                let f = k.fake(t, black_box(v)).unwrap();
                assert_ne!(&f, v);
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("tokenize_by_type");
    g.throughput(Throughput::Elements(1));
    for (t, v) in VALUES {
        g.bench_function(format!("{t}:{v}"), |b| b.iter(|| assert_ne!(&k.tokenize(t, black_box(v)).unwrap(), v)));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
