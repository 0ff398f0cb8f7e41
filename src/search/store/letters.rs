//! The scores of short prefixes kept beside an index on disk, one file a
//! segment: the first keystrokes of a word (`n`, `t`, `th`) read their
//! prefix's scores back instead of gathering the thousands of words it
//! starts. Every letter of [`LETTERS`] is kept, and the prefixes of two
//! to [`LONGEST`] letters that start words in many of the segment's
//! articles (see [`common_prefixes`]): `tho` and `thon` start words in
//! most Vietnamese articles, and read back they cost a keystroke a
//! lookup per article instead of the postings of every word they start.
//! From three letters a prefix is scored as a keyword typed: with the
//! titles that spell it across their words (`tho` in "Thôn Hạ Ông").
//! A segment never changes once written (deletions
//! are kept aside), so its file holds for as long as the segment lives.
//!
//! A file: `TINTUCL2`, the segment's document count and the number of
//! prefixes (little-endian `u32`s), each prefix (its length in bytes,
//! then its UTF-8), then per prefix one little-endian `u16` score per
//! document.

use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use tantivy::index::SegmentId;
use tantivy::{InvertedIndexReader, SegmentReader};

use super::tokenizer::split_term;

const MAGIC: &[u8; 8] = b"TINTUCL2";

/// The letters kept: first letters of Vietnamese words, the most
/// frequent first, then digits.
pub const LETTERS: &str = "tnchdlmvbkgsqxpaoeiuyr0123456789";

/// The longest prefixes kept, in letters.
pub const LONGEST: usize = 4;

/// Prefixes of each length kept at most per segment.
const PREFIXES_AT_MOST: usize = 160;

/// A prefix is kept when its words are in at least one article in this
/// many (counted as the sum of its terms' article counts): scoring it at
/// a keystroke would read that many postings.
const PREFIX_ONE_IN: u64 = 8;

/// The directory of the files, in an index's directory.
pub fn dir_of(index_dir: &Path) -> PathBuf {
    index_dir.join("letters")
}

/// The file of segment `id`.
pub fn file_of(letters: &Path, id: SegmentId) -> PathBuf {
    letters.join(format!("{}.bin", id.uuid_string()))
}

/// The prefixes (folded) of two to [`LONGEST`] letters of the words in
/// many of the articles of `seg`, by length, most first: those of its
/// terms in the `fields` whose article counts add up to at least one
/// article in [`PREFIX_ONE_IN`].
///
/// # Errors
/// When the term dictionaries cannot be read.
pub fn common_prefixes(
    seg: &SegmentReader,
    fields: &[tantivy::schema::Field],
) -> io::Result<Vec<String>> {
    let mut counts: FxHashMap<String, u64> = FxHashMap::default();
    for &field in fields {
        let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
        add_prefix_counts(&inverted, &mut counts)?;
    }
    let least = (u64::from(seg.max_doc()) / PREFIX_ONE_IN).max(1);
    let mut common: Vec<(usize, u64, String)> = counts
        .into_iter()
        .filter(|&(_, n)| n >= least)
        .map(|(p, n)| (p.chars().count(), n, p))
        .collect();
    common.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.cmp(&a.1))
            .then_with(|| a.2.cmp(&b.2))
    });
    // The most common of each length counted.
    let out = common
        .chunk_by(|a, b| a.0 == b.0)
        .flat_map(|same| same.iter().take(PREFIXES_AT_MOST).map(|c| c.2.clone()))
        .collect();
    Ok(out)
}

/// Adds the article counts of the terms of `inverted` to their first two
/// to [`LONGEST`] folded letters.
fn add_prefix_counts(
    inverted: &InvertedIndexReader,
    counts: &mut FxHashMap<String, u64>,
) -> io::Result<()> {
    let mut stream = inverted.terms().stream()?;
    while stream.advance() {
        let Ok(term) = std::str::from_utf8(stream.key()) else {
            continue;
        };
        let (folded, _) = split_term(term);
        let n = u64::from(stream.value().doc_freq);
        // The ends of the term's first 2, 3, ... letters.
        let ends = folded.char_indices().map(|(at, c)| at + c.len_utf8());
        for end in ends.skip(1).take(LONGEST - 1) {
            let prefix = &folded[..end];
            match counts.get_mut(prefix) {
                Some(total) => *total += n,
                None => {
                    counts.insert(prefix.to_string(), n);
                }
            }
        }
    }
    Ok(())
}

fn header(docs: u32, prefixes: &[&str]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&docs.to_le_bytes());
    out.extend_from_slice(&u32::try_from(prefixes.len()).unwrap_or(0).to_le_bytes());
    for p in prefixes {
        out.push(u8::try_from(p.len()).unwrap_or(0));
        out.extend_from_slice(p.as_bytes());
    }
    out
}

/// Writes the scores of each of `prefixes` for one segment (each `docs`
/// long, given by `scores_of`, one prefix at a time so that only one is
/// held), whole or not at all.
pub fn write(
    path: &Path,
    docs: u32,
    prefixes: &[&str],
    mut scores_of: impl FnMut(&str) -> io::Result<Vec<u16>>,
) -> io::Result<()> {
    use std::io::Write;
    if prefixes
        .iter()
        .any(|p| p.is_empty() || p.len() > usize::from(u8::MAX))
    {
        return Err(io::Error::other("a prefix of no letters or too many"));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        out.write_all(&header(docs, prefixes))?;
        for prefix in prefixes {
            let scores = scores_of(prefix)?;
            if scores.len() != docs as usize {
                return Err(io::Error::other("scores of another length"));
            }
            for s in scores {
                out.write_all(&s.to_le_bytes())?;
            }
        }
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The prefixes a file's header lists, and where its scores start, if it
/// is a file of this format for `docs` documents.
fn read_header(file: &mut std::fs::File, docs: u32) -> Option<(Vec<String>, u64)> {
    let mut head = [0u8; 16];
    file.read_exact(&mut head).ok()?;
    let (magic, rest) = head.split_at(8);
    let (found_docs, count) = rest.split_at(4);
    if magic != MAGIC || found_docs != docs.to_le_bytes() {
        return None;
    }
    let count = u32::from_le_bytes(count.try_into().ok()?);
    // A header is small: a longer one is not ours.
    if count > 4096 {
        return None;
    }
    let mut prefixes = Vec::new();
    let mut at = 16u64;
    for _ in 0..count {
        let mut len = [0u8; 1];
        file.read_exact(&mut len).ok()?;
        let mut bytes = vec![0u8; usize::from(len[0])];
        file.read_exact(&mut bytes).ok()?;
        prefixes.push(String::from_utf8(bytes).ok()?);
        at += 1 + u64::from(len[0]);
    }
    Some((prefixes, at))
}

/// Whether the file at `path` is whole and of this format, for a segment
/// of `docs` documents (a file of an earlier format is written again).
pub fn is_whole(path: &Path, docs: u32) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let Some((prefixes, start)) = read_header(&mut file, docs) else {
        return false;
    };
    let expected = start + prefixes.len() as u64 * u64::from(docs) * 2;
    file.metadata().is_ok_and(|m| m.len() == expected)
}

/// The scores of `prefix` for the `docs` documents of the segment whose
/// file is `path`, if the file is there, whole, and keeps that prefix.
pub fn read(path: &Path, docs: u32, prefix: &str) -> Option<Vec<u16>> {
    let mut file = std::fs::File::open(path).ok()?;
    let (prefixes, start) = read_header(&mut file, docs)?;
    let at = prefixes.iter().position(|p| p == prefix)?;
    let size = u64::from(docs) * 2;
    let expected = start + prefixes.len() as u64 * size;
    if file.metadata().ok()?.len() != expected {
        return None;
    }
    file.seek(SeekFrom::Start(start + at as u64 * size)).ok()?;
    let mut bytes = vec![0u8; usize::try_from(size).ok()?];
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

    #[test]
    fn scores_are_read_back_as_written_and_never_from_another_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("letters").join("a.bin");
        let scores: Vec<(&str, Vec<u16>)> = vec![
            ("t", vec![0, 7, u16::MAX]),
            ("th", vec![1, 7, u16::MAX]),
            ("đa", vec![2, 0, 1]),
        ];
        let prefixes: Vec<&str> = scores.iter().map(|s| s.0).collect();
        let scores_of = |p: &str| {
            let found = scores.iter().find(|s| s.0 == p).map(|s| s.1.clone());
            found.ok_or_else(|| io::Error::other("no such prefix"))
        };
        write(&path, 3, &prefixes, scores_of).expect("written");
        assert!(is_whole(&path, 3));
        assert!(!is_whole(&path, 4));
        assert_eq!(read(&path, 3, "t"), Some(vec![0, 7, u16::MAX]));
        assert_eq!(read(&path, 3, "th"), Some(vec![1, 7, u16::MAX]));
        assert_eq!(read(&path, 3, "đa"), Some(vec![2, 0, 1]));
        // Not a prefix kept, another count, a file cut short.
        assert_eq!(read(&path, 3, "n"), None);
        assert_eq!(read(&path, 4, "t"), None);
        let bytes = std::fs::read(&path).expect("read");
        std::fs::write(&path, &bytes[..bytes.len() - 1]).expect("cut");
        assert_eq!(read(&path, 3, "t"), None);
        assert!(!is_whole(&path, 3));
        std::fs::write(&path, &bytes[..10]).expect("cut in the header");
        assert_eq!(read(&path, 3, "t"), None);
        assert!(write(&path, 4, &prefixes, scores_of).is_err());
        assert!(write(&path, 3, &[""], |_| Ok(vec![0, 0, 0])).is_err());
        // A prefix's length is one byte in the header.
        let long = "a".repeat(usize::from(u8::MAX));
        assert!(write(&path, 3, &[&format!("{long}a")], |_| Ok(vec![0, 0, 0])).is_err());
        write(&path, 3, &[&long], |_| Ok(vec![4, 5, 6])).expect("the longest written");
        assert_eq!(read(&path, 3, &long), Some(vec![4, 5, 6]));
        write(&path, 3, &prefixes, scores_of).expect("written again");
        assert!(write(&path, 4, &prefixes, scores_of).is_err());
        // A failed write leaves the file as it was, and no other.
        assert_eq!(read(&path, 3, "t"), Some(vec![0, 7, u16::MAX]));
        let left: Vec<_> = std::fs::read_dir(dir.path().join("letters"))
            .expect("dir")
            .collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn the_prefixes_kept_start_words_in_many_articles() {
        use crate::gazetteer::Gazetteer;
        use crate::model::text_article;
        // "th" starts words in every article, "ng" in two of sixteen,
        // "xa" in one: kept from one article in eight. So are "tho",
        // "thon" and "tin", not "ngay" or "thong" (in "thông" of every
        // article, but five letters long) or "ngu" (one article).
        let articles: Vec<_> = (0..16)
            .map(|i| {
                let extra = match i {
                    0 => "ngày xanh",
                    1 => "người",
                    _ => "",
                };
                text_article(&format!("a{i}"), "Thôn", &[&format!("thông tin {extra}")])
            })
            .collect();
        let (index, fields) =
            super::super::build_in_ram(&articles, Gazetteer::embedded()).expect("index");
        let reader: tantivy::IndexReader = index.reader().expect("reader");
        let searcher = reader.searcher();
        let seg = &searcher.segment_readers()[0];
        let kept = common_prefixes(seg, &[fields.title, fields.body]).expect("prefixes");
        assert_eq!(kept.first().map(String::as_str), Some("th"));
        for p in ["ng", "tho", "thon", "ti", "tin"] {
            assert!(kept.contains(&p.to_string()), "{p}: {kept:?}");
        }
        for p in ["xa", "ngu", "ngay", "thong", "t"] {
            assert!(!kept.contains(&p.to_string()), "{p}: {kept:?}");
        }
        let lengths: Vec<usize> = kept.iter().map(|p| p.chars().count()).collect();
        assert!(lengths.is_sorted(), "shortest first: {kept:?}");
    }
}
