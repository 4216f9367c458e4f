//! The SQL dump reader on arbitrary bytes: never panics, and when it reads to the end, its
//! items put back together are the input, byte for byte. The first byte sets the size of the
//! pieces long `INSERT`s are read in (1 to 256 bytes, or the default).
#![no_main]
use libfuzzer_sys::fuzz_target;
use parda_formats::sql::{SqlItem, SqlReader};

fuzz_target!(|data: &[u8]| {
    let Some((&piece, data)) = data.split_first() else { return };
    let Ok(mut reader) = SqlReader::from_reader("fuzz.sql", Box::new(std::io::Cursor::new(data.to_vec()))) else { return };
    if piece < 200 {
        reader.set_piece_bytes(usize::from(piece) + 1);
    }
    let mut out = Vec::new();
    loop {
        match reader.next_item() {
            Ok(Some(SqlItem::Raw(r) | SqlItem::CopyRow(r))) => out.extend_from_slice(&r),
            Ok(Some(
                SqlItem::CreateTable { raw, .. }
                | SqlItem::Insert { raw, .. }
                | SqlItem::CopyStart { raw, .. }
                | SqlItem::Statement { raw, .. },
            )) => out.extend_from_slice(&raw),
            Ok(Some(SqlItem::Skimmed { .. })) => unreachable!("nothing is skimmed unless asked"),
            Ok(None) => {
                assert_eq!(out, data);
                return;
            }
            Err(_) => return,
        }
    }
});
