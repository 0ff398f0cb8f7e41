//! The words of every title of one segment, in order: what spelling a
//! title across its words reads for each candidate. Tantivy keeps words
//! by term, with their positions; this turns them around once per segment.

use std::io;

use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED};

use super::tokenizer::split_term;

/// See the module documentation.
#[derive(Debug, Default)]
pub struct Titles {
    /// Per article, where its words start in `words`; then the end.
    offsets: Vec<u32>,
    /// Term numbers (ordinals in the segment's title dictionary).
    words: Vec<u32>,
    /// Per term number, its folded and exact forms.
    folded: Vec<Box<str>>,
    exact: Vec<Box<str>>,
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
        Ok(titles)
    }

    /// The words of article `doc`'s title, as term numbers.
    pub fn title(&self, doc: DocId) -> &[u32] {
        let i = doc as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.words.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// A term's folded form, or its exact form.
    pub fn form(&self, word: u32, exact: bool) -> &[u8] {
        let forms = if exact { &self.exact } else { &self.folded };
        forms.get(word as usize).map_or(&[], |f| f.as_bytes())
    }
}
