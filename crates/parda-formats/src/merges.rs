//! The merged regions of an `.xlsx` sheet, found by scanning the sheet's XML for
//! `<mergeCell ref="A1:H1"/>` as it is inflated, instead of parsing every element of it: the
//! merges sit after the cell data, so a parser reads the whole sheet to reach them (15% of the
//! time of masking a large sheet). `None` whenever the sheet cannot be located this way; the
//! caller then asks calamine.

use calamine::Dimensions;
use memchr::memmem;
use std::fs::File;
use std::io::{BufReader, Read};
use zip::ZipArchive;

/// The merged regions of sheet `sheet` of the `.xlsx` file at `path`, in file order.
pub fn scan(path: &str, sheet: &str) -> Option<Vec<Dimensions>> {
    let mut zip = ZipArchive::new(BufReader::new(File::open(path).ok()?)).ok()?;
    let part = sheet_part(&mut zip, sheet)?;
    let entry = zip.by_name(&part).ok()?;
    scan_xml(entry, 1 << 16)
}

/// The `<mergeCell>` regions in a sheet's XML, read in blocks of `block` bytes.
pub(crate) fn scan_xml(mut xml: impl Read, block: usize) -> Option<Vec<Dimensions>> {
    let finder = memmem::Finder::new(b"mergeCell");
    let mut merges = Vec::new();
    let mut buf: Vec<u8> = Vec::new();
    let mut block = vec![0u8; block];
    loop {
        let n = xml.read(&mut block).ok()?;
        buf.extend_from_slice(&block[..n]);
        // Everything before `keep` is done with: a keyword or tag cut by the block's end stays
        // (with room for a namespace prefix), a tag already read does not.
        let mut keep = buf.len().saturating_sub(TAIL);
        let mut pos = 0;
        while let Some(k) = finder.find(&buf[pos..]) {
            let at = pos + k;
            pos = at + 1;
            let Some(open) = tag_start(&buf, at) else { continue };
            match buf.get(at + b"mergeCell".len()) {
                Some(b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>') => {}
                Some(_) => continue, // `<mergeCells count=..>`
                None => {
                    keep = keep.min(open);
                    break;
                }
            }
            let Some(end) = memchr::memchr(b'>', &buf[at..]).map(|e| at + e) else {
                keep = keep.min(open);
                break;
            };
            merges.push(parse_range(attribute(&buf[at..end], b"ref")?)?);
            pos = end;
            keep = keep.max(end);
        }
        if n == 0 {
            return Some(merges);
        }
        buf.drain(..keep);
    }
}

/// Bytes kept from one block to the next: a `<prefix:mergeCell` cut by the block's end.
const TAIL: usize = 64;

/// Where the element whose local name starts at `at` opens: `<` right before it, or `<prefix:`.
fn tag_start(buf: &[u8], at: usize) -> Option<usize> {
    let before = &buf[..at];
    match before.last()? {
        b'<' => Some(at - 1),
        b':' => {
            let prefix = before[..at - 1].iter().rev().take_while(|b| b.is_ascii_alphanumeric()).count();
            let open = at - 1 - prefix - 1;
            (prefix > 0 && buf.get(open) == Some(&b'<')).then_some(open)
        }
        _ => None,
    }
}

/// The zip path of a sheet's XML, from the workbook's sheet list and its relationships.
fn sheet_part<R: Read + std::io::Seek>(zip: &mut ZipArchive<R>, sheet: &str) -> Option<String> {
    let workbook = read_text(zip, "xl/workbook.xml")?;
    let rels = read_text(zip, "xl/_rels/workbook.xml.rels")?;
    let id = elements(&workbook, "sheet")
        .find(|tag| attribute(tag.as_bytes(), b"name").is_some_and(|n| unescape(n) == sheet))
        .and_then(|tag| attribute(tag.as_bytes(), b"r:id"))?;
    let target = elements(&rels, "Relationship")
        .find(|tag| attribute(tag.as_bytes(), b"Id") == Some(id))
        .and_then(|tag| attribute(tag.as_bytes(), b"Target"))?;
    let target = unescape(target);
    Some(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    })
}

fn read_text<R: Read + std::io::Seek>(zip: &mut ZipArchive<R>, name: &str) -> Option<String> {
    let mut text = String::new();
    zip.by_name(name).ok()?.read_to_string(&mut text).ok()?;
    Some(text)
}

/// The text inside each `<name ...>` or `<prefix:name ...>` element of `xml`.
fn elements<'a>(xml: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    xml.split('<').skip(1).filter_map(move |piece| {
        let tag = &piece[..piece.find('>')?];
        let local = tag.split(|c: char| c.is_ascii_whitespace() || c == '/').next()?;
        let local = local.rsplit(':').next()?;
        (local == name).then_some(tag)
    })
}

/// The value of attribute `name` in the text of a tag (not unescaped).
fn attribute<'a, T: AsRef<[u8]> + ?Sized>(tag: &'a T, name: &[u8]) -> Option<&'a str> {
    let tag = tag.as_ref();
    let mut from = 0;
    while let Some(k) = memmem::find(&tag[from..], name) {
        let at = from + k;
        from = at + 1;
        let spaced = at > 0 && tag[at - 1].is_ascii_whitespace();
        let rest = &tag[at + name.len()..];
        let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
        let Some(rest) = rest.strip_prefix(b"=") else { continue };
        let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
        let (&quote, body) = rest.split_first()?;
        if !spaced || !matches!(quote, b'"' | b'\'') {
            continue;
        }
        let end = memchr::memchr(quote, body)?;
        return std::str::from_utf8(&body[..end]).ok();
    }
    None
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// `A1:H2` as 0-based (row, column) corners; a single cell `B3` is a region of one.
fn parse_range(text: &str) -> Option<Dimensions> {
    let (a, b) = text.split_once(':').unwrap_or((text, text));
    Some(Dimensions::new(parse_cell(a)?, parse_cell(b)?))
}

fn parse_cell(text: &str) -> Option<(u32, u32)> {
    let text = text.trim().replace('$', "");
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col =
        text[..letters].bytes().try_fold(0u32, |n, b| Some(n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)))?;
    let row: u32 = text[letters..].parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{Format, Workbook};

    #[test]
    fn cells_and_ranges() {
        assert_eq!(parse_range("A1:H1"), Some(Dimensions::new((0, 0), (0, 7))));
        assert_eq!(parse_range("$AB$10:AC12"), Some(Dimensions::new((9, 27), (11, 28))));
        assert_eq!(parse_range("B3"), Some(Dimensions::new((2, 1), (2, 1))));
        assert_eq!(parse_range("A0:B1"), None);
        assert_eq!(attribute("mergeCell ref=\"A1:B2\"/", b"ref"), Some("A1:B2"));
        assert_eq!(attribute("sheet name='Owners &amp; Co' sheetId=\"1\" r:id=\"rId3\"", b"r:id"), Some("rId3"));
        assert_eq!(attribute("sheet xname=\"x\" name=\"y\"", b"name"), Some("y"));
    }

    #[test]
    fn tags_cut_anywhere_by_blocks() {
        let xml = concat!(
            r#"<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&lt;mergeCell ref="Z9:Z9"/&gt;"#,
            r#" mergeCell</t></is></c></row></sheetData><x:mergeCells count="3">"#,
            r#"<x:mergeCell ref="A1:H1"/><mergeCell  ref='B2:C3' /><main:mergeCell ref="$AA$10:AB$12"></main:mergeCell>"#,
            r#"</x:mergeCells></worksheet>"#
        );
        let want =
            vec![Dimensions::new((0, 0), (0, 7)), Dimensions::new((1, 1), (2, 2)), Dimensions::new((9, 26), (11, 27))];
        for block in 1..=xml.len() + 1 {
            assert_eq!(scan_xml(xml.as_bytes(), block), Some(want.clone()), "blocks of {block}");
        }
    }

    /// The scan finds what calamine's parser finds, on sheets with merges before, among and
    /// after many rows, sheet names needing escapes, and a sheet with none.
    #[test]
    fn finds_what_calamine_finds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("merged.xlsx");
        let mut book = Workbook::new();
        let plain = Format::new();
        // Constant-memory sheets keep their strings inline, so the cells' text is in the XML.
        let a = book.add_worksheet_with_constant_memory().unwrap().set_name("Owners & Co <1>").unwrap();
        a.merge_range(0, 0, 0, 7, "Register", &plain).unwrap();
        for r in 1..3_000 {
            a.write_string(r, 0, format!("mergeCell row {r} <mergeCell ref=\"A1:B2\"/>")).unwrap();
        }
        a.merge_range(3_000, 2, 3_004, 3, "Totals", &plain).unwrap();
        let b = book.add_worksheet().set_name("Summary").unwrap();
        b.write_string(0, 0, "no merges").unwrap();
        book.save(&path).unwrap();
        let path = path.to_str().unwrap();
        let mut xlsx: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
        for sheet in ["Owners & Co <1>", "Summary"] {
            let want = xlsx.merge_cells_by_sheet_name(sheet).unwrap();
            assert_eq!(scan(path, sheet), Some(want), "{sheet}");
        }
        assert_eq!(scan(path, "Owners & Co <1>").unwrap().len(), 2);
        assert_eq!(scan(path, "No such sheet"), None);
    }
}
