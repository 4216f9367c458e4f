//! The `.xlsx` sheet reader on arbitrary bytes as a sheet's XML: never panics (it returns the
//! cells it read or an error), whatever the markup, references, entities or text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parda_formats::xlsx::read_sheet_xml(data);
});
