//! The words of every title of one segment, in order: what spelling a
//! title across its words reads for each candidate. Tantivy keeps words
//! by term, with their positions; this turns them around once per segment.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED};

use super::tokenizer::split_term;

/// The start of a file of titles' words.
const MAGIC: &[u8; 8] = b"TINTUCT1";

/// Where the titles of segment `id` are kept, in an index's directory.
pub fn file_of(index_dir: &Path, id: tantivy::index::SegmentId) -> PathBuf {
    index_dir
        .join("titles")
        .join(format!("{}.bin", id.uuid_string()))
}

/// See the module documentation.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Titles {
    /// Per article, where its words start in `words`; then the end.
    offsets: Vec<u32>,
    /// Term numbers (ordinals in the segment's title dictionary).
    words: Vec<u32>,
    /// Per term number, its folded and exact forms.
    folded: Vec<Box<str>>,
    exact: Vec<Box<str>>,
    /// The first byte of each of `words`, folded and exact (0 for an
    /// empty form): in a row with the titles, so that most titles are
    /// ruled out without reading a form (see [`Initials`]).
    initials: [Vec<u8>; 2],
}

impl Titles {
    /// Reads every title term of `seg` and where it stands.
    pub fn build(seg: &SegmentReader, field: Field) -> io::Result<Titles> {
        let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
        let mut titles = Titles::default();
        // (article, position, term number)
        let mut placed: Vec<(DocId, u32, u32)> = Vec::new();
        let mut stream = inverted.terms().stream()?;
        let mut positions = Vec::new();
        let mut ord = 0u32;
        while stream.advance() {
            let term = String::from_utf8_lossy(stream.key());
            let (folded, exact) = split_term(&term);
            titles.folded.push(folded.into());
            titles.exact.push(exact.into());
            let mut postings = inverted.read_postings_from_terminfo(
                stream.value(),
                IndexRecordOption::WithFreqsAndPositions,
            )?;
            while postings.doc() != TERMINATED {
                postings.positions(&mut positions);
                placed.extend(positions.iter().map(|&p| (postings.doc(), p, ord)));
                postings.advance();
            }
            ord += 1;
        }
        placed.sort_unstable();
        let docs = seg.max_doc() as usize;
        titles.offsets = Vec::with_capacity(docs + 1);
        let mut at = 0;
        for doc in 0..seg.max_doc() {
            titles
                .offsets
                .push(u32::try_from(titles.words.len()).unwrap_or(u32::MAX));
            while let Some(&(_, _, w)) = placed.get(at).filter(|x| x.0 == doc) {
                titles.words.push(w);
                at += 1;
            }
        }
        titles
            .offsets
            .push(u32::try_from(titles.words.len()).unwrap_or(u32::MAX));
        Ok(titles.with_initials())
    }

    /// Fills in [`Titles::initials`] from the words and their forms.
    fn with_initials(mut self) -> Titles {
        let first = |forms: &[Box<str>]| -> Vec<u8> {
            let of = |&w: &u32| forms.get(w as usize).and_then(|f| f.bytes().next());
            self.words.iter().map(|w| of(w).unwrap_or(0)).collect()
        };
        self.initials = [first(&self.folded), first(&self.exact)];
        self
    }

    /// Writes the words of the titles (not their forms, which the
    /// segment's dictionary gives back in the same order) to `path`, whole
    /// or not at all.
    pub fn write(&self, path: &Path) -> io::Result<()> {
        let count = |n: usize| u32::try_from(n).map_err(io::Error::other);
        let mut bytes = MAGIC.to_vec();
        for n in [self.offsets.len(), self.folded.len(), self.words.len()] {
            bytes.extend_from_slice(&count(n)?.to_le_bytes());
        }
        for n in self.offsets.iter().chain(&self.words) {
            bytes.extend_from_slice(&n.to_le_bytes());
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        crate::atomic_write::Destination::resolve(path)?.write(&bytes)
    }

    /// The titles of `seg` written to `path` by [`Titles::write`], if the
    /// file is there, whole, and of this segment.
    pub fn read(seg: &SegmentReader, field: Field, path: &Path) -> Option<Titles> {
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .ok()?
            .read_to_end(&mut bytes)
            .ok()?;
        let numbers: Vec<u32> = bytes
            .get(MAGIC.len()..)?
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let (&[offsets, terms, words], rest) = numbers.split_first_chunk::<3>()?;
        let (offsets, words) = (offsets as usize, words as usize);
        if bytes.get(..MAGIC.len())? != MAGIC
            || offsets != seg.max_doc() as usize + 1
            || rest.len() != offsets + words
            || bytes.len() != MAGIC.len() + 4 * numbers.len()
        {
            return None;
        }
        let mut titles = Titles {
            offsets: rest.get(..offsets)?.to_vec(),
            words: rest.get(offsets..)?.to_vec(),
            ..Titles::default()
        };
        let inverted = seg.inverted_index(field).ok()?;
        let mut stream = inverted.terms().stream().ok()?;
        while stream.advance() {
            let term = String::from_utf8_lossy(stream.key());
            let (folded, exact) = split_term(&term);
            titles.folded.push(folded.into());
            titles.exact.push(exact.into());
        }
        (titles.folded.len() == terms as usize).then(|| titles.with_initials())
    }

    /// The words of article `doc`'s title, as term numbers.
    pub fn title(&self, doc: DocId) -> &[u32] {
        let i = doc as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.words.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The first byte of each word of article `doc`'s title, in its
    /// folded form or its exact form.
    pub fn initials(&self, doc: DocId, exact: bool) -> &[u8] {
        let i = doc as usize;
        let initials = &self.initials[usize::from(exact)];
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => initials.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// A term's folded form, or its exact form.
    pub fn form(&self, word: u32, exact: bool) -> &[u8] {
        let forms = if exact { &self.exact } else { &self.folded };
        forms.get(word as usize).map_or(&[], |f| f.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::model::text_article;

    #[test]
    fn titles_written_are_read_back_for_their_segment_only() {
        let articles = [
            text_article("a", "Nông thôn mới ở Từ Sơn", &[]),
            text_article("b", "", &["Không tiêu đề"]),
            text_article("c", "Thôn Đông, thôn Đoài", &[]),
        ];
        let (index, fields) =
            super::super::build_in_ram(&articles, Gazetteer::embedded()).expect("index");
        let reader: tantivy::IndexReader = index.reader().expect("reader");
        let searcher = reader.searcher();
        let seg = &searcher.segment_readers()[0];
        let built = Titles::build(seg, fields.title).expect("built");
        assert_eq!(built.title(1), &[] as &[u32]);
        assert_eq!(built.title(2).len(), 4);
        let dir = tempfile::tempdir().expect("temp dir");
        let file = file_of(dir.path(), seg.segment_id());
        built.write(&file).expect("written");
        assert_eq!(Titles::read(seg, fields.title, &file), Some(built));
        // Of another segment (another count of articles), or cut short.
        let (other, _) =
            super::super::build_in_ram(&articles[..2], Gazetteer::embedded()).expect("index");
        let other_reader: tantivy::IndexReader = other.reader().expect("reader");
        let other_searcher = other_reader.searcher();
        let other_seg = &other_searcher.segment_readers()[0];
        assert_eq!(Titles::read(other_seg, fields.title, &file), None);
        let bytes = std::fs::read(&file).expect("read");
        std::fs::write(&file, &bytes[..bytes.len() - 4]).expect("cut");
        assert_eq!(Titles::read(seg, fields.title, &file), None);
    }
}
