//! The floor for benchmarks: parse a CSV file with the `csv` crate and write every record back,
//! doing nothing else. parda cannot be faster than this on the same file.
//!
//! `cargo run --release --example csv_floor -- IN.csv OUT.csv`

use std::io::{BufReader, BufWriter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = (&args[1], &args[2]);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(BufReader::with_capacity(1 << 20, std::fs::File::open(input)?));
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(BufWriter::with_capacity(1 << 20, std::fs::File::create(output)?));
    let mut record = csv::ByteRecord::new();
    let mut n = 0u64;
    while reader.read_byte_record(&mut record)? {
        writer.write_byte_record(&record)?;
        n += 1;
    }
    writer.flush()?;
    eprintln!("{n} records");
    Ok(())
}
