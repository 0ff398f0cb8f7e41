//! Phrases over the tantivy index: the words at consecutive positions of
//! the title or of one paragraph (tantivy leaves a gap in the positions
//! between paragraphs, see [`super::schema::Fields::body`]).

use std::io;

use rustc_hash::FxHashMap;
use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, SegmentReader, TERMINATED};

use super::segments::{Candidates, Segments};
use super::terms::matching_terms;
use crate::search::query::Word;
use crate::search::score::{BODY_PHRASE, BODY_REPEAT, TITLE_PHRASE};

/// Per article of a segment, per word of the phrase: the positions of
/// the words it matches in one field.
type Positions = FxHashMap<u32, Vec<Vec<u32>>>;

/// The positions in `field` of every phrase word, for the articles
/// `wanted` says to look at.
fn positions(
    seg: &SegmentReader,
    field: Field,
    words: &[Word],
    open: bool,
    wanted: &impl Fn(u32) -> bool,
) -> io::Result<Positions> {
    let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
    let mut out = Positions::default();
    let mut buf = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let prefix = open && i + 1 == words.len();
        for m in matching_terms(&inverted, w, prefix)? {
            let mut postings = inverted
                .read_postings_from_terminfo(&m.info, IndexRecordOption::WithFreqsAndPositions)?;
            while postings.doc() != TERMINATED {
                let d = postings.doc();
                if wanted(d) {
                    postings.positions(&mut buf);
                    let per_word = out
                        .entry(d)
                        .or_insert_with(|| vec![Vec::new(); words.len()]);
                    if let Some(p) = per_word.get_mut(i) {
                        p.extend_from_slice(&buf);
                    }
                }
                postings.advance();
            }
        }
    }
    Ok(out)
}

/// How many positions start the phrase: word k at position p + k.
fn runs(per_word: &mut [Vec<u32>]) -> u32 {
    for p in per_word.iter_mut() {
        p.sort_unstable();
        p.dedup();
    }
    let Some((first, rest)) = per_word.split_first() else {
        return 0;
    };
    let mut count = 0;
    for &p in first {
        let all = rest.iter().zip(1u32..).all(|(ps, k)| {
            p.checked_add(k)
                .is_some_and(|q| ps.binary_search(&q).is_ok())
        });
        count += u32::from(all);
    }
    count
}

fn in_segment(
    seg: &SegmentReader,
    fields: &super::Fields,
    words: &[Word],
    open: bool,
    docs: &Candidates<'_>,
) -> io::Result<Vec<(u32, u32)>> {
    let wanted = |d: u32| docs.contains(d);
    let mut title = positions(seg, fields.title, words, open, &wanted)?;
    let mut body = positions(seg, fields.body, words, open, &wanted)?;
    let mut out = Vec::new();
    for &d in &docs.docs {
        let in_title = title.get_mut(&d).is_some_and(|p| runs(p) > 0);
        let n = body.get_mut(&d).map_or(0, |p| runs(p));
        let score = match (in_title, n) {
            (false, 0) => continue,
            (true, 0) => TITLE_PHRASE,
            (true, n) => TITLE_PHRASE + n.min(10) * BODY_REPEAT,
            (false, n) => BODY_PHRASE + n.min(10) * BODY_REPEAT,
        };
        out.push((d, score));
    }
    Ok(out)
}

/// The candidates `docs` (article numbers, sorted) where `words` occur
/// one after another, the last one as a word start when `open`, with the
/// phrase's score.
pub fn phrase_scores(
    segs: &Segments,
    words: &[Word],
    open: bool,
    docs: &[u32],
) -> io::Result<Vec<(u32, u32)>> {
    if words.is_empty() {
        return Ok(Vec::new());
    }
    segs.per_segment(docs, |_, seg, candidates| {
        in_segment(seg, &segs.fields, words, open, candidates)
    })
}
