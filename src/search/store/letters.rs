//! The scores of one-letter prefixes kept beside an index on disk, one
//! file a segment: the first keystroke of a word (`n`, `t`) reads its
//! letter's scores back instead of gathering the thousands of words it
//! starts. A segment never changes once written (deletions are kept
//! aside), so its file holds for as long as the segment lives.
//!
//! A file: `TINTUCL1`, the segment's document count and the letters (as
//! little-endian `u32`s, then the letters' UTF-8), then per letter one
//! little-endian `u16` score per document.

use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use tantivy::index::SegmentId;

const MAGIC: &[u8; 8] = b"TINTUCL1";

/// The letters kept: first letters of Vietnamese words, the most
/// frequent first, then digits.
pub const LETTERS: &str = "tnchdlmvbkgsqxpaoeiuyr0123456789";

/// The directory of the files, in an index's directory.
pub fn dir_of(index_dir: &Path) -> PathBuf {
    index_dir.join("letters")
}

/// The file of segment `id`.
pub fn file_of(letters: &Path, id: SegmentId) -> PathBuf {
    letters.join(format!("{}.bin", id.uuid_string()))
}

fn header(docs: u32) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&docs.to_le_bytes());
    out.extend_from_slice(&u32::try_from(LETTERS.len()).unwrap_or(0).to_le_bytes());
    out.extend_from_slice(LETTERS.as_bytes());
    out
}

/// Writes the scores of every letter of [`LETTERS`] (in that order, each
/// `docs` long) for one segment, whole or not at all.
pub fn write(path: &Path, docs: u32, scores: &[std::sync::Arc<Vec<u16>>]) -> io::Result<()> {
    let mut bytes = header(docs);
    for letter in scores {
        if letter.len() != docs as usize {
            return Err(io::Error::other("scores of another length"));
        }
        bytes.extend(letter.iter().flat_map(|s| s.to_le_bytes()));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    crate::atomic_write::Destination::resolve(path)?.write(&bytes)
}

/// The scores of `letter` for the `docs` documents of the segment whose
/// file is `path`, if the file is there and whole.
pub fn read(path: &Path, docs: u32, letter: &str) -> Option<Vec<u16>> {
    let mut chars = letter.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let at = LETTERS.chars().position(|l| l == c)?;
    let mut file = std::fs::File::open(path).ok()?;
    let head = header(docs);
    let mut found = vec![0u8; head.len()];
    file.read_exact(&mut found).ok()?;
    if found != head {
        return None;
    }
    let size = docs as usize * 2;
    let expected = head.len() as u64 + (LETTERS.chars().count() * size) as u64;
    if file.metadata().ok()?.len() != expected {
        return None;
    }
    file.seek(SeekFrom::Start(head.len() as u64 + (at * size) as u64))
        .ok()?;
    let mut bytes = vec![0u8; size];
    file.read_exact(&mut bytes).ok()?;
    Some(
        bytes
            .chunks_exact(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect(),
    )
}

/// Removes the files of `dir` not named in `names` (of segments gone).
pub fn remove_unnamed(dir: &Path, names: &[std::ffi::OsString]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if !names.contains(&e.file_name()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn scores_are_read_back_as_written_and_never_from_another_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("letters").join("a.bin");
        let n = u16::try_from(LETTERS.chars().count()).expect("few letters");
        let scores: Vec<Arc<Vec<u16>>> = (0..n).map(|i| Arc::new(vec![i, 7, u16::MAX])).collect();
        write(&path, 3, &scores).expect("written");
        assert_eq!(read(&path, 3, "t"), Some(vec![0, 7, u16::MAX]));
        assert_eq!(read(&path, 3, "n"), Some(vec![1, 7, u16::MAX]));
        assert_eq!(read(&path, 3, "9"), Some(vec![n - 1, 7, u16::MAX]));
        // Not a letter kept, another count, a file cut short.
        assert_eq!(read(&path, 3, "f"), None);
        assert_eq!(read(&path, 4, "t"), None);
        let bytes = std::fs::read(&path).expect("read");
        std::fs::write(&path, &bytes[..bytes.len() - 1]).expect("cut");
        assert_eq!(read(&path, 3, "t"), None);
        assert!(write(&path, 4, &scores).is_err());
    }
}
