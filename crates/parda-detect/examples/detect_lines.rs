//! Times `detect` over the lines of a file (one cell per line), median of five passes.
//!
//! Run: `cargo run --release -p parda-detect --example detect_lines -- CELLS.txt`; with
//! `NO_NAMES=1` in the environment the name finder is off (what the names cost is the difference).

use parda_detect::{CellContext, Finding, Matcher};

fn main() {
    let path = std::env::args().nth(1).expect("usage: detect_lines FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let cells: Vec<&str> = text.lines().collect();
    let m = Matcher::new(parda_rules::load_rules(&[]).expect("built-in rules")).expect("compiles");
    let ctx = CellContext { names: std::env::var("NO_NAMES").is_err(), ..Default::default() };
    let mut found: Vec<Finding> = Vec::new();
    let mut times = Vec::new();
    let mut total = 0;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        total = 0;
        for cell in &cells {
            m.detect(cell, &ctx, &mut found);
            total += found.len();
        }
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} cells, {total} findings, median {:.1} ms ({:.2} us/cell)",
        cells.len(),
        times[2] * 1e3,
        times[2] * 1e6 / cells.len() as f64
    );
}
