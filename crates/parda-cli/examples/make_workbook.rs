//! Writes a large register workbook for memory and speed measurements:
//! `cargo run --release --example make_workbook -- OUT.xlsx ROWS` (20 columns, invented values).

use rust_xlsxwriter::{Format, Workbook};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let out = args.get(1).ok_or("usage: make_workbook OUT.xlsx ROWS")?;
    let rows: u32 = args.get(2).map_or(Ok(1_000_000), |r| r.parse())?;
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name("Register")?;
    let headers = [
        "S.No",
        "Owner Name",
        "F/H Name",
        "Mobile No",
        "Aadhar No",
        "PAN No",
        "Email",
        "DOB",
        "Address",
        "Ward",
        "Usage",
        "Plot Area",
        "Tax Amount",
        "Assessment Year",
        "Receipt No",
        "Txn Id",
        "Status",
        "Paid",
        "Remarks",
        "Zone",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h)?;
    }
    let given = ["Ramesh", "Sunita", "Anil", "Priya", "Mohan", "Kavita", "Irfan", "Lakshmi"];
    let surnames = ["Kumar", "Devi", "Sharma", "Gupta", "Khan", "Iyer", "Singh", "Das"];
    let mut x: u64 = 0x2545F4914F6CDD1D;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for r in 1..=rows {
        let n = next();
        let name = format!("{} {}", given[(n % 8) as usize], surnames[((n >> 8) % 8) as usize]);
        sheet.write_number(r, 0, r as f64)?;
        sheet.write_string(r, 1, &name)?;
        sheet.write_string(
            r,
            2,
            format!("S/O {} {}", given[((n >> 16) % 8) as usize], surnames[((n >> 24) % 8) as usize]),
        )?;
        sheet.write_number(r, 3, (6_000_000_000 + n % 3_999_999_999) as f64)?;
        sheet.write_number(r, 4, (200_000_000_000 + n % 799_999_999_999) as f64)?;
        sheet.write_string(r, 5, format!("ABCP{}{:04}K", (b'A' + (n % 26) as u8) as char, n % 10_000))?;
        sheet.write_string(r, 6, format!("{}{}@example.com", given[(n % 8) as usize].to_lowercase(), n % 100))?;
        sheet.write_number_with_format(r, 7, 20_000.0 + (n % 20_000) as f64, &date)?;
        sheet.write_string(r, 8, format!("H.No. {}-{}, Gali No. {}, Gorakhpur - 273001", n % 50, n % 9, n % 12))?;
        sheet.write_string(r, 9, format!("Ward {}", n % 30))?;
        sheet.write_string(r, 10, "RESIDENTIAL")?;
        sheet.write_number(r, 11, (n % 90_000) as f64 / 100.0)?;
        sheet.write_number(r, 12, (n % 900_000) as f64)?;
        sheet.write_string(r, 13, "2023-24")?;
        sheet.write_number(r, 14, (1_000_000_000 + n % 8_999_999_999) as f64)?;
        sheet.write_string(r, 15, format!("{:012}", n % 999_999_999_999))?;
        sheet.write_string(r, 16, "PAID")?;
        sheet.write_boolean(r, 17, n % 2 == 0)?;
        sheet.write_string(r, 18, "Demand raised")?;
        sheet.write_string(r, 19, "Zone 1")?;
    }
    book.save(out)?;
    Ok(())
}
