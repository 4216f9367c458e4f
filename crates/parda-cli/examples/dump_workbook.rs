//! Prints every cell of a workbook with its type: `cargo run --example dump_workbook -- FILE`.
//! For looking at what parda wrote; tests read workbooks the same way.

use calamine::{open_workbook_auto, Data, Reader};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dump_workbook FILE")?;
    let mut book = open_workbook_auto(&path)?;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name)?;
        println!("== {name} {:?} {:?}", range.start(), range.get_size());
        for (r, row) in range.rows().enumerate().take(12) {
            let cells: Vec<String> = row
                .iter()
                .map(|d| match d {
                    Data::Empty => String::new(),
                    Data::String(s) => format!("{s:?}"),
                    Data::Float(f) => format!("{f}f"),
                    Data::Int(i) => format!("{i}i"),
                    Data::Bool(b) => format!("{b}b"),
                    Data::DateTime(d) => format!("{}d", d.as_f64()),
                    other => format!("{other:?}"),
                })
                .collect();
            println!("{r:3}: {}", cells.join(" | "));
        }
    }
    Ok(())
}
