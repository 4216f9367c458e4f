//! Property: for CSV in every dialect, encoding, quoting and line-ending style, reading it in
//! chunks and writing every record back unchanged gives the same bytes, and every field
//! decodes to the value that was written.

use parda_formats::{CsvReader, Dialect, TextEncoding, TextSink};
use proptest::prelude::*;
use std::io::{Read, Write};

fn encodings() -> impl Strategy<Value = TextEncoding> {
    prop_oneof![
        Just(TextEncoding::Utf8 { bom: false }),
        Just(TextEncoding::Utf8 { bom: true }),
        Just(TextEncoding::Windows1252),
        Just(TextEncoding::Utf16Le { bom: true }),
        Just(TextEncoding::Utf16Be { bom: true }),
        Just(TextEncoding::Utf16Le { bom: false }),
        Just(TextEncoding::Utf16Be { bom: false }),
    ]
}

fn field(enc: TextEncoding) -> impl Strategy<Value = String> {
    let wide = !matches!(enc, TextEncoding::Windows1252);
    let atoms: Vec<&'static str> = if wide {
        vec!["a", "Z", "9", " ", ",", ";", "\t", "|", "\"", "\n", "\r\n", "é", "€", "र", "मोबाइल", "😀", "'"]
    } else {
        vec!["a", "Z", "9", " ", ",", ";", "\t", "|", "\"", "\n", "\r\n", "é", "€", "'"]
    };
    proptest::collection::vec(proptest::sample::select(atoms), 0..8).prop_map(|v| v.concat())
}

#[derive(Debug, Clone)]
struct Case {
    delimiter: u8,
    encoding: TextEncoding,
    gzip: bool,
    records: Vec<(Vec<(String, bool)>, &'static str)>,
    chunk: usize,
}

fn case() -> impl Strategy<Value = Case> {
    (prop::sample::select(vec![b',', b';', b'\t', b'|']), encodings(), any::<bool>(), 1usize..300).prop_flat_map(
        |(delimiter, encoding, gzip, chunk)| {
            let rec = (
                proptest::collection::vec((field(encoding), any::<bool>()), 1..6),
                prop::sample::select(vec!["\n", "\r\n"]),
            );
            proptest::collection::vec(rec, 1..25).prop_map(move |records| Case {
                delimiter,
                encoding,
                gzip,
                records,
                chunk,
            })
        },
    )
}

fn render(case: &Case) -> (String, Vec<Vec<String>>) {
    let d = case.delimiter as char;
    let mut text = String::new();
    let mut values = Vec::new();
    let n = case.records.len();
    for (i, (fields, eol)) in case.records.iter().enumerate() {
        let mut row = Vec::new();
        for (j, (v, force_quote)) in fields.iter().enumerate() {
            if j > 0 {
                text.push(d);
            }
            let needs = v.contains(d) || v.contains('"') || v.contains('\n') || v.contains('\r');
            if needs || *force_quote || (fields.len() == 1 && v.is_empty()) {
                text.push('"');
                text.push_str(&v.replace('"', "\"\""));
                text.push('"');
            } else {
                text.push_str(v);
            }
            row.push(v.clone());
        }
        values.push(row);
        if i + 1 < n {
            text.push_str(eol);
        }
    }
    (text, values)
}

fn encode(text: &str, enc: TextEncoding, gzip: bool) -> Vec<u8> {
    let mut bytes = enc.bom().to_vec();
    enc.encode(text, &mut bytes);
    if gzip {
        let mut g = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        g.write_all(&bytes).unwrap();
        bytes = g.finish().unwrap();
    }
    bytes
}

fn plain(bytes: Vec<u8>, gzip: bool) -> Vec<u8> {
    if !gzip {
        return bytes;
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut out).unwrap();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn parse_then_write_is_identity(case in case()) {
        let (text, values) = render(&case);
        let input = encode(&text, case.encoding, case.gzip);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.csv");
        std::fs::write(&path, &input).unwrap();
        let mut reader = CsvReader::open(path.to_str().unwrap(), Some(case.encoding)).unwrap();
        reader.info.dialect = Dialect { delimiter: case.delimiter, quote: b'"' };
        let mut sink = TextSink::new(Vec::new(), case.encoding, case.gzip).unwrap();
        let mut got_values = Vec::new();
        while let Some(chunk) = reader.next_chunk(case.chunk).unwrap() {
            sink.write_text(chunk.data.as_bytes()).unwrap();
            for r in &chunk.records {
                got_values.push(chunk.fields_of(r).iter().map(|f| chunk.value(f, b'"').into_owned()).collect::<Vec<_>>());
            }
        }
        let out = sink.finish().unwrap();
        prop_assert_eq!(plain(out, case.gzip), plain(input, case.gzip));
        prop_assert_eq!(got_values, values);
    }
}
