//! The CSV splitter on arbitrary bytes: never panics, and the records it returns cover the
//! consumed bytes exactly, in order, with every field inside its record; at the end of the
//! input every byte is consumed (a quote nothing closes is read as a character).
#![no_main]
use libfuzzer_sys::fuzz_target;
use parda_formats::{split_records, Dialect};

fuzz_target!(|data: &[u8]| {
    for delimiter in [b',', b';', b'\t', b'|'] {
        for eof in [true, false] {
            let (mut recs, mut fields) = (Vec::new(), Vec::new());
            let d = Dialect { delimiter, quote: b'"' };
            let n = split_records(data, eof, d, &mut recs, &mut fields, usize::MAX);
            assert!(n <= data.len());
            if eof {
                assert_eq!(n, data.len());
            }
            let mut pos = 0;
            for r in &recs {
                assert_eq!(r.start as usize, pos);
                assert!(r.end > r.start);
                for f in &fields[r.first_field as usize..(r.first_field + r.field_count) as usize] {
                    assert!(f.start >= r.start && f.end <= r.end && f.start <= f.end);
                }
                pos = r.end as usize;
            }
            assert_eq!(pos, n);
        }
    }
});
