//! The zip container of a written workbook. Each part is deflated as it is written; a sheet's
//! blocks of rows may come deflated already ([`Deflated`], made on the workers: each block a raw
//! deflate stream of its own that ends with a sync flush on a byte boundary, so the blocks join
//! into one stream, as pigz joins its blocks). A part's local header gets its CRC-32 and sizes
//! when the part ends (the output is a file, so the header is rewritten in place): no data
//! descriptors. No zip64: a part, or an offset, over 4 GB is an error, as it was with the zip
//! crate's writer this replaces (which cannot take parts deflated elsewhere).

use flate2::{Compress, Compression, FlushCompress, Status};
use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};

/// Deflated bytes of a piece of a part, made on any thread: raw deflate that ends on a byte
/// boundary and is not the stream's last block, with the CRC-32 and length of what it holds.
pub struct Deflated {
    bytes: Vec<u8>,
    crc: crc32fast::Hasher,
    len: u64,
}

impl Deflated {
    /// `data` deflated at `level` (0-9) on its own (no match reaches before it).
    pub fn new(data: &[u8], level: u32) -> Deflated {
        let mut deflate = Compress::new(Compression::new(level), false);
        let mut bytes = Vec::with_capacity(data.len() / 4 + 64);
        run_deflate(&mut deflate, data, FlushCompress::Sync, &mut bytes);
        let mut crc = crc32fast::Hasher::new();
        crc.update(data);
        Deflated { bytes, crc, len: data.len() as u64 }
    }
}

/// Feeds `data` to `deflate` and appends what it gives to `out`; with `Sync` or `Finish`, until
/// everything fed is out.
fn run_deflate(deflate: &mut Compress, mut data: &[u8], flush: FlushCompress, out: &mut Vec<u8>) {
    loop {
        if out.capacity() - out.len() < 4096 {
            out.reserve(out.capacity().max(1 << 14));
        }
        let taken = deflate.total_in();
        let status = deflate.compress_vec(data, out, flush).expect("deflating bytes in memory cannot fail");
        data = &data[(deflate.total_in() - taken) as usize..];
        // Room left in the output means the deflater had nothing more to give.
        let drained = out.len() < out.capacity();
        match flush {
            FlushCompress::Finish if status == Status::StreamEnd => return,
            FlushCompress::Finish => {}
            _ if data.is_empty() && drained => return,
            _ => {}
        }
    }
}

/// Version 2.0 of the zip format (deflate, no zip64), made on Unix.
const VERSION_NEEDED: u16 = 20;
const VERSION_MADE_BY: u16 = 0x0300 | 20;
/// 1980-01-01 00:00, the zip crate's default time (parda's outputs carry no dates).
const DOS_DATE: u16 = (1 << 5) | 1;
/// A regular file, rw-r--r--.
const UNIX_MODE: u32 = 0o100644 << 16;
const METHOD_DEFLATE: u16 = 8;

/// A zip file written part after part.
pub(crate) struct ZipOut {
    out: BufWriter<File>,
    /// Bytes written so far: where the next thing goes.
    pos: u64,
    parts: Vec<Part>,
    open: Option<OpenPart>,
    level: u32,
}

/// A finished part, for the central directory.
struct Part {
    name: String,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

/// The part being written.
struct OpenPart {
    name: String,
    offset: u64,
    crc: crc32fast::Hasher,
    size: u64,
    compressed: u64,
    deflate: Compress,
    /// Whether `deflate` has been fed since it began or was last flushed and reset.
    fed: bool,
    out: Vec<u8>,
}

impl ZipOut {
    /// A zip written to `file`, parts deflated at `level` (0-9).
    pub(crate) fn new(file: File, level: u32) -> ZipOut {
        ZipOut { out: BufWriter::with_capacity(1 << 16, file), pos: 0, parts: Vec::new(), open: None, level }
    }

    /// Begins a part named `name` (ending the one before).
    pub(crate) fn start(&mut self, name: &str) -> io::Result<()> {
        self.end_part()?;
        let offset = self.pos;
        let mut h = Vec::with_capacity(30 + name.len());
        h.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        h.extend_from_slice(&VERSION_NEEDED.to_le_bytes());
        h.extend_from_slice(&name_flags(name).to_le_bytes());
        h.extend_from_slice(&METHOD_DEFLATE.to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes());
        h.extend_from_slice(&DOS_DATE.to_le_bytes());
        // CRC-32, compressed and uncompressed sizes: written when the part ends.
        h.extend_from_slice(&[0; 12]);
        h.extend_from_slice(&u16::try_from(name.len()).map_err(|_| too_large("a part name"))?.to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes());
        h.extend_from_slice(name.as_bytes());
        self.put(&h)?;
        self.open = Some(OpenPart {
            name: name.to_string(),
            offset,
            crc: crc32fast::Hasher::new(),
            size: 0,
            compressed: 0,
            deflate: Compress::new(Compression::new(self.level), false),
            fed: false,
            out: Vec::with_capacity(1 << 16),
        });
        Ok(())
    }

    /// Appends bytes to the open part (deflated here).
    pub(crate) fn write(&mut self, data: &[u8]) -> io::Result<()> {
        if data.is_empty() {
            // Nothing fed: no flush is owed before a block deflated elsewhere.
            return Ok(());
        }
        let part = self.open.as_mut().expect("a part is open");
        part.crc.update(data);
        part.size += data.len() as u64;
        part.fed = true;
        run_deflate(&mut part.deflate, data, FlushCompress::None, &mut part.out);
        self.put_deflated()
    }

    /// Appends bytes deflated elsewhere to the open part.
    pub(crate) fn write_deflated(&mut self, block: &Deflated) -> io::Result<()> {
        let part = self.open.as_mut().expect("a part is open");
        if part.fed {
            // What this part's deflater holds goes first, ending on a byte boundary; it then
            // starts afresh, so no match of its reaches back across the block.
            run_deflate(&mut part.deflate, &[], FlushCompress::Sync, &mut part.out);
            part.deflate.reset();
            part.fed = false;
        }
        part.crc.combine(&block.crc);
        part.size += block.len;
        self.put_deflated()?;
        self.put_compressed(&block.bytes)
    }

    /// Writes out what the open part's deflater has given.
    fn put_deflated(&mut self) -> io::Result<()> {
        let ZipOut { out, pos, open, .. } = self;
        let part = open.as_mut().expect("a part is open");
        out.write_all(&part.out)?;
        *pos += part.out.len() as u64;
        part.compressed += part.out.len() as u64;
        part.out.clear();
        Ok(())
    }

    /// Writes deflated bytes of the open part.
    fn put_compressed(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.put(bytes)?;
        self.open.as_mut().expect("a part is open").compressed += bytes.len() as u64;
        Ok(())
    }

    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)?;
        self.pos += bytes.len() as u64;
        Ok(())
    }

    /// Ends the open part: the deflate stream's last block, then its CRC-32 and sizes in its
    /// local header.
    fn end_part(&mut self) -> io::Result<()> {
        let Some(part) = self.open.as_mut() else { return Ok(()) };
        run_deflate(&mut part.deflate, &[], FlushCompress::Finish, &mut part.out);
        self.put_deflated()?;
        let part = self.open.take().expect("a part is open");
        let done = Part {
            crc: part.crc.finalize(),
            compressed: u32::try_from(part.compressed).map_err(|_| too_large(&part.name))?,
            size: u32::try_from(part.size).map_err(|_| too_large(&part.name))?,
            offset: u32::try_from(part.offset).map_err(|_| too_large("the workbook"))?,
            name: part.name,
        };
        let mut sizes = Vec::with_capacity(12);
        sizes.extend_from_slice(&done.crc.to_le_bytes());
        sizes.extend_from_slice(&done.compressed.to_le_bytes());
        sizes.extend_from_slice(&done.size.to_le_bytes());
        self.out.seek(SeekFrom::Start(part.offset + 14))?;
        self.out.write_all(&sizes)?;
        self.out.seek(SeekFrom::Start(self.pos))?;
        self.parts.push(done);
        Ok(())
    }

    /// Ends the last part and writes the central directory.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.end_part()?;
        let start = self.pos;
        let mut dir = Vec::new();
        for p in &self.parts {
            dir.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            dir.extend_from_slice(&VERSION_MADE_BY.to_le_bytes());
            dir.extend_from_slice(&VERSION_NEEDED.to_le_bytes());
            dir.extend_from_slice(&name_flags(&p.name).to_le_bytes());
            dir.extend_from_slice(&METHOD_DEFLATE.to_le_bytes());
            dir.extend_from_slice(&0u16.to_le_bytes());
            dir.extend_from_slice(&DOS_DATE.to_le_bytes());
            dir.extend_from_slice(&p.crc.to_le_bytes());
            dir.extend_from_slice(&p.compressed.to_le_bytes());
            dir.extend_from_slice(&p.size.to_le_bytes());
            dir.extend_from_slice(&(p.name.len() as u16).to_le_bytes());
            // Extra field, comment, disk, internal attributes.
            dir.extend_from_slice(&[0; 8]);
            dir.extend_from_slice(&UNIX_MODE.to_le_bytes());
            dir.extend_from_slice(&p.offset.to_le_bytes());
            dir.extend_from_slice(p.name.as_bytes());
        }
        let count = u16::try_from(self.parts.len()).map_err(|_| too_large("the number of parts"))?;
        let mut end = Vec::with_capacity(22);
        end.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        end.extend_from_slice(&[0; 4]);
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&u32::try_from(dir.len()).map_err(|_| too_large("the directory"))?.to_le_bytes());
        end.extend_from_slice(&u32::try_from(start).map_err(|_| too_large("the workbook"))?.to_le_bytes());
        end.extend_from_slice(&0u16.to_le_bytes());
        self.put(&dir)?;
        self.put(&end)?;
        self.out.flush()
    }
}

/// The general-purpose flags of a part's name: bit 11 for a name in UTF-8 beyond ASCII.
fn name_flags(name: &str) -> u16 {
    if name.is_ascii() {
        0
    } else {
        1 << 11
    }
}

fn too_large(what: &str) -> io::Error {
    io::Error::other(format!("{what} is over 4 GB, the most a zip without zip64 holds"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Parts written here, some of them in blocks deflated elsewhere, read back (the zip
    /// crate checks each part's CRC-32 as it reads it).
    #[test]
    fn parts_read_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.zip");
        let text = |i: usize| format!("<row r=\"{i}\"><c><v>{}</v></c></row>", i * 7919).repeat(1 + i % 5);
        let mut zip = ZipOut::new(File::create(&path).unwrap(), 2);
        let mut want: Vec<(String, Vec<u8>)> = Vec::new();
        zip.start("[Content_Types].xml").unwrap();
        zip.write(b"<Types/>").unwrap();
        want.push(("[Content_Types].xml".into(), b"<Types/>".to_vec()));
        for (n, blocks) in [(1, 0), (2, 1), (3, 40)] {
            let name = format!("xl/worksheets/sheet{n}.xml");
            zip.start(&name).unwrap();
            let mut all = b"<worksheet><sheetData>".to_vec();
            zip.write(&all).unwrap();
            for b in 0..blocks {
                let block: String = (0..200).map(|i| text(b * 200 + i)).collect();
                zip.write_deflated(&Deflated::new(block.as_bytes(), 2)).unwrap();
                all.extend_from_slice(block.as_bytes());
                if b % 3 == 0 {
                    // Bytes deflated here between blocks.
                    zip.write(b"<!-- between -->").unwrap();
                    all.extend_from_slice(b"<!-- between -->");
                }
            }
            zip.write(b"</sheetData></worksheet>").unwrap();
            all.extend_from_slice(b"</sheetData></worksheet>");
            want.push((name, all));
        }
        zip.start("xl/empty.xml").unwrap();
        want.push(("xl/empty.xml".into(), Vec::new()));
        zip.start("xl/only-blocks.xml").unwrap();
        zip.write_deflated(&Deflated::new(b"one", 2)).unwrap();
        zip.write_deflated(&Deflated::new(b"", 2)).unwrap();
        zip.write_deflated(&Deflated::new(b" two", 2)).unwrap();
        want.push(("xl/only-blocks.xml".into(), b"one two".to_vec()));
        zip.finish().unwrap();

        let mut archive = zip::ZipArchive::new(File::open(&path).unwrap()).unwrap();
        assert_eq!(archive.len(), want.len());
        for (i, (name, bytes)) in want.iter().enumerate() {
            let mut part = archive.by_index(i).unwrap();
            assert_eq!(part.name().unwrap(), name.as_str());
            assert_eq!(part.compression(), zip::CompressionMethod::Deflated);
            let mut got = Vec::new();
            part.read_to_end(&mut got).unwrap();
            assert!(got == *bytes, "{name}: {} bytes read, {} written", got.len(), bytes.len());
        }
        // The largest part is deflated, not stored.
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(size < want.iter().map(|(_, b)| b.len() as u64).sum::<u64>() / 4, "{size} bytes");
    }
}
