//! JSON Lines files that only grow: a log a scraper appends to. What was
//! read of such a file is remembered as its [`Tail`] (where the read
//! ended, a hash of every byte before, how many lines and articles), so
//! that when the file is found longer with the same bytes up to there,
//! only the lines after are read. Anything else (a file shorter, a byte
//! changed before the end, a last line not finished) is read again whole.

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Where reading a JSON Lines file ended, and what came before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tail {
    /// Bytes read: the end of a line.
    pub end: u64,
    /// The XXH3 hash of those bytes.
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

/// Counts lines and lines holding something as bytes go by.
#[derive(Debug, Clone, Copy, Default)]
struct LineCount {
    lines: u64,
    items: u64,
    filled: bool,
}

impl LineCount {
    fn add(&mut self, bytes: &[u8]) {
        // A line holds something when a byte of it is not blank: for an
        // article, its first.
        let filled = |line: &[u8]| line.iter().any(|b| !b.is_ascii_whitespace());
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', bytes) {
            let line = bytes.get(start..end).unwrap_or_default();
            self.lines += 1;
            self.items += u64::from(self.filled || filled(line));
            self.filled = false;
            start = end + 1;
        }
        self.filled = self.filled || filled(bytes.get(start..).unwrap_or_default());
    }
}

/// The tail of the bytes seen so far, as they go by.
#[derive(Clone, Default)]
pub struct Tailing {
    hash: xxhash_rust::xxh3::Xxh3Default,
    len: u64,
    count: LineCount,
    last: Option<u8>,
}

impl Tailing {
    pub fn add(&mut self, bytes: &[u8]) {
        self.hash.update(bytes);
        self.len += bytes.len() as u64;
        self.count.add(bytes);
        if let Some(&b) = bytes.last() {
            self.last = Some(b);
        }
    }

    /// The tail of the bytes seen, if they end a line.
    pub fn tail(&self) -> Option<Tail> {
        (self.last == Some(b'\n')).then(|| Tail {
            end: self.len,
            hash: self.hash.digest(),
            lines: self.count.lines,
            items: self.count.items,
        })
    }

    /// The tail of `bytes`, if they end a line.
    pub fn of(bytes: &[u8]) -> Option<Tail> {
        let mut t = Tailing::default();
        t.add(bytes);
        t.tail()
    }
}

/// A reader that keeps the [`Tailing`] of what was read through it.
pub struct TailingRead<R> {
    pub inner: R,
    pub tailing: Tailing,
}

impl<R: Read> Read for TailingRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.tailing.add(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
}

/// Reads `path` from the start up to `ends` (ascending), and gives the
/// tail of each end that is the end of a line; `None` for an end past
/// the file's, or when it cannot be read.
fn tails_at(path: &Path, ends: &[u64]) -> Option<Vec<Option<Tail>>> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut tailing = Tailing::default();
    let mut at = 0u64;
    let mut out = Vec::new();
    let mut buf = vec![0u8; 1 << 20];
    for &end in ends {
        while at < end {
            let want = usize::try_from((end - at).min(buf.len() as u64)).ok()?;
            let n = file.read(buf.get_mut(..want)?).ok()?;
            if n == 0 {
                return None;
            }
            tailing.add(buf.get(..n)?);
            at += n as u64;
        }
        out.push(tailing.tail());
    }
    Some(out)
}

/// When `path` (now `size` bytes) still begins with the bytes `before`
/// was read from, and goes on with whole lines (or nothing): its tail
/// now. Reads the file up to `size`: a byte changed anywhere before
/// the end is seen.
pub fn grown(path: &Path, before: &Tail, size: u64) -> Option<Tail> {
    if size < before.end {
        return None;
    }
    let tails = tails_at(path, &[before.end, size])?;
    match tails.as_slice() {
        [Some(then), Some(now)] if then == before => Some(*now),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// However the bytes come in pieces, their tail is the same, and
        /// it counts the lines and the lines holding something.
        #[test]
        fn the_tail_does_not_depend_on_how_the_bytes_are_cut(
            bytes in proptest::collection::vec(
                proptest::sample::select(b"ab \n\t{}".to_vec()), 0..200),
            cuts in proptest::collection::vec(0usize..200, 0..6),
        ) {
            let whole = Tailing::of(&bytes);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            cuts.sort_unstable();
            let mut pieces = Tailing::default();
            let mut at = 0;
            for c in cuts.into_iter().chain([bytes.len()]) {
                pieces.add(&bytes[at..c]);
                at = c;
            }
            prop_assert_eq!(pieces.tail(), whole);
            if let Some(t) = whole {
                let text = String::from_utf8_lossy(&bytes);
                let lines: Vec<&str> = text.split_terminator('\n').collect();
                prop_assert_eq!(t.lines, lines.len() as u64);
                let items = lines.iter().filter(|l| !l.trim().is_empty()).count();
                prop_assert_eq!(t.items, items as u64);
                prop_assert_eq!(t.end, bytes.len() as u64);
            } else {
                prop_assert_ne!(bytes.last(), Some(&b'\n'));
            }
        }
    }

    #[test]
    fn a_trailing_zero_byte_changes_the_hash() {
        let (a, b) = (Tailing::of(b"abc\n"), Tailing::of(b"abc\0\n"));
        assert_ne!(a.map(|t| t.hash), b.map(|t| t.hash));
    }

    /// The tail of `path` read up to `end` bytes, if that is the end of
    /// a line.
    fn tail_of(path: &Path, end: u64) -> Option<Tail> {
        tails_at(path, &[end])?.pop().flatten()
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
        assert_eq!(grown(&path, &before, 16), None, "shorter");
        std::fs::write(&path, "{\"a\":1}\n\n{\"b\":2}\n").expect("as before");
        assert_eq!(grown(&path, &before, 17), Some(before), "the same bytes");
    }
}
