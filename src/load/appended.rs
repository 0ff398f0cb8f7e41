//! JSON Lines files that only grew: a log a scraper appends to. What was
//! read of such a file is remembered as its [`Tail`] (where the read
//! ended, a hash of everything before, how many lines and articles), so
//! that when the file is found longer with the same bytes up to there,
//! only the lines after are read. Anything else (a file shorter, bytes
//! changed before the end, a last line not finished) is read again whole.

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::reader::Reader;
use super::{Part, Parts, Sink};
use crate::progress::Progress;

/// Where reading a JSON Lines file ended, and what came before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tail {
    /// Bytes read: the end of a line.
    pub end: u64,
    /// [`PrefixHash`] of those bytes.
    pub hash: u64,
    /// Lines in them.
    pub lines: u64,
    /// Lines holding something (what JSON Lines numbers as articles).
    pub items: u64,
}

/// Whether a file is read as JSON Lines.
pub fn is_json_lines(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// A hash of a byte stream, eight bytes at a time, the same however the
/// stream is cut into pieces.
#[derive(Debug, Clone, Copy)]
pub struct PrefixHash {
    state: u64,
    pending: [u8; 8],
    held: usize,
    len: u64,
}

impl Default for PrefixHash {
    fn default() -> PrefixHash {
        PrefixHash {
            state: 0x243f_6a88_85a3_08d3,
            pending: [0; 8],
            held: 0,
            len: 0,
        }
    }
}

impl PrefixHash {
    fn word(&mut self, w: u64) {
        self.state = (self.state.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    pub fn add(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        while self.held > 0 && !bytes.is_empty() {
            if let (Some(slot), Some((&b, rest))) =
                (self.pending.get_mut(self.held), bytes.split_first())
            {
                *slot = b;
                bytes = rest;
            }
            self.held += 1;
            if self.held == 8 {
                self.held = 0;
                self.word(u64::from_le_bytes(self.pending));
            }
        }
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(w);
            self.word(u64::from_le_bytes(eight));
        }
        for &b in words.remainder() {
            if let Some(slot) = self.pending.get_mut(self.held) {
                *slot = b;
            }
            self.held += 1;
        }
    }

    pub fn value(&self) -> u64 {
        let mut last = *self;
        let mut rest = [0u8; 8];
        rest[..self.held].copy_from_slice(&self.pending[..self.held]);
        last.word(u64::from_le_bytes(rest));
        last.word(self.len);
        last.state
    }
}

/// Counts lines and lines holding something as bytes go by.
#[derive(Debug, Clone, Copy, Default)]
struct LineCount {
    lines: u64,
    items: u64,
    filled: bool,
}

impl LineCount {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b == b'\n' {
                self.lines += 1;
                self.items += u64::from(self.filled);
                self.filled = false;
            } else if !b.is_ascii_whitespace() {
                self.filled = true;
            }
        }
    }
}

/// Reads `path` from the start up to `ends` (ascending), and gives the
/// tail of each end that is the end of a line; `None` for an end past
/// the file's, or when it cannot be read.
fn tails_at(path: &Path, ends: &[u64]) -> Option<Vec<Option<Tail>>> {
    let mut file = std::fs::File::open(path).ok()?;
    let (mut hash, mut count) = (PrefixHash::default(), LineCount::default());
    let mut at = 0u64;
    let mut last = None;
    let mut out = Vec::new();
    let mut buf = vec![0u8; 1 << 20];
    for &end in ends {
        while at < end {
            let want = usize::try_from((end - at).min(buf.len() as u64)).ok()?;
            let n = file.read(buf.get_mut(..want)?).ok()?;
            if n == 0 {
                return None;
            }
            let got = buf.get(..n)?;
            hash.add(got);
            count.add(got);
            last = got.last().copied();
            at += n as u64;
        }
        out.push((last == Some(b'\n')).then_some(Tail {
            end,
            hash: hash.value(),
            lines: count.lines,
            items: count.items,
        }));
    }
    Some(out)
}

/// The tail of `path` read up to `end` bytes, if that is the end of a
/// line.
pub fn tail_of(path: &Path, end: u64) -> Option<Tail> {
    if end == 0 {
        return None;
    }
    tails_at(path, &[end])?.pop().flatten()
}

/// When `path` (now `size` bytes) still begins with what `before` was
/// read from and goes on with whole lines: its tail now.
pub fn grown(path: &Path, before: &Tail, size: u64) -> Option<Tail> {
    if size <= before.end {
        return None;
    }
    let tails = tails_at(path, &[before.end, size])?;
    match tails.as_slice() {
        [Some(then), Some(now)] if then == before => Some(*now),
        _ => None,
    }
}

/// Reads the lines of `path` between the tails `from` and `to` (as
/// [`super::read_parts_into`] reads a file: counting in `progress`,
/// handing the articles to `sink`), numbering lines and articles on from
/// `from`'s. None when that part is not text or cannot be read.
pub fn read_appended(
    path: &Path,
    (from, to): (&Tail, &Tail),
    progress: &Progress,
    sink: Sink<'_>,
) -> Option<Parts> {
    use std::io::{Seek, SeekFrom};
    let mut file = std::fs::File::open(path).ok()?;
    file.seek(SeekFrom::Start(from.end)).ok()?;
    let mut bytes = vec![0u8; usize::try_from(to.end.checked_sub(from.end)?).ok()?];
    file.read_exact(&mut bytes).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    progress.add_total(bytes.len() as u64);
    let mut reader = Reader::handing(progress, sink);
    reader.before = (from.lines, from.items);
    reader.read_lines(&path.display().to_string(), text, 0);
    reader.hand_over(path);
    Some(Parts {
        parts: vec![Part {
            path: path.to_path_buf(),
            articles: 0..reader.count(),
            problems: 0..reader.problems.len(),
            refused: false,
        }],
        problems: reader.problems,
        shared: std::collections::BTreeSet::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_hash_does_not_depend_on_how_the_bytes_are_cut(
            bytes in proptest::collection::vec(any::<u8>(), 0..200),
            cuts in proptest::collection::vec(0usize..200, 0..6),
        ) {
            let mut whole = PrefixHash::default();
            whole.add(&bytes);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            cuts.sort_unstable();
            let mut pieces = PrefixHash::default();
            let mut at = 0;
            for c in cuts.into_iter().chain([bytes.len()]) {
                pieces.add(&bytes[at..c]);
                at = c;
            }
            prop_assert_eq!(whole.value(), pieces.value());
        }
    }

    #[test]
    fn a_trailing_zero_byte_changes_the_hash() {
        let (mut a, mut b) = (PrefixHash::default(), PrefixHash::default());
        a.add(b"abc");
        b.add(b"abc\0");
        assert_ne!(a.value(), b.value());
    }

    #[test]
    fn only_a_file_that_grew_by_whole_lines_is_grown() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.jsonl");
        std::fs::write(&path, "{\"a\":1}\n\n{\"b\":2}\n").expect("written");
        let before = tail_of(&path, 17).expect("a line ends there");
        assert_eq!((before.lines, before.items), (3, 2));
        assert_eq!(tail_of(&path, 16), None, "inside a line");
        std::fs::write(&path, "{\"a\":1}\n\n{\"b\":2}\n{\"c\":3}\n").expect("appended");
        let now = grown(&path, &before, 25).expect("grown");
        assert_eq!((now.end, now.lines, now.items), (25, 4, 3));
        // A line not finished yet, a byte changed before the end.
        std::fs::write(&path, "{\"a\":1}\n\n{\"b\":2}\n{\"c\"").expect("appending");
        assert_eq!(grown(&path, &before, 21), None);
        std::fs::write(&path, "{\"a\":9}\n\n{\"b\":2}\n{\"c\":3}\n").expect("changed");
        assert_eq!(grown(&path, &before, 25), None);
        assert_eq!(grown(&path, &before, 17), None, "not longer");
    }
}
