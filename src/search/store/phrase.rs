//! Phrases over the tantivy index: the words at consecutive positions of
//! the title or of one paragraph (tantivy leaves a gap in the positions
//! between paragraphs, see [`super::schema::Fields::body`]).

use std::io;

use rustc_hash::FxHashMap;
use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, InvertedIndexReader, SegmentReader, TERMINATED};

use super::segments::{Candidates, Segments};
use super::terms::{TermMatch, matching_terms};
use crate::search::query::Word;
use crate::search::score::{ADJACENT_BODY, ADJACENT_TITLE, BODY_PHRASE, BODY_REPEAT, TITLE_PHRASE};

/// Per article of a segment, per word of the phrase: the positions of
/// the words it matches in one field.
type Positions = FxHashMap<u32, Vec<Vec<u32>>>;

/// The articles holding a term of every word, among those `wanted`
/// says to look at: the rarest word first, so that each later one is
/// checked against fewer articles.
fn holding_all(
    inverted: &InvertedIndexReader,
    terms: &[Vec<TermMatch>],
    size: u32,
    wanted: &impl Fn(u32) -> bool,
) -> io::Result<Vec<u32>> {
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by_key(|&i| {
        terms[i]
            .iter()
            .map(|m| u64::from(m.info.doc_freq))
            .sum::<u64>()
    });
    let mut kept: Option<Vec<u64>> = None;
    for i in order {
        let mut here = vec![0u64; (size as usize).div_ceil(64)];
        for m in &terms[i] {
            let mut postings =
                inverted.read_postings_from_terminfo(&m.info, IndexRecordOption::Basic)?;
            while postings.doc() != TERMINATED {
                let d = postings.doc();
                let before = kept.as_ref().map_or_else(
                    || wanted(d),
                    |k| {
                        k.get(d as usize / 64)
                            .is_some_and(|b| b & (1 << (d % 64)) != 0)
                    },
                );
                if before && let Some(b) = here.get_mut(d as usize / 64) {
                    *b |= 1 << (d % 64);
                }
                postings.advance();
            }
        }
        kept = Some(here);
    }
    let kept = kept.unwrap_or_default();
    Ok((0..size)
        .filter(|&d| {
            kept.get(d as usize / 64)
                .is_some_and(|b| b & (1 << (d % 64)) != 0)
        })
        .collect())
}

/// The positions in `field` of every phrase word (each one a word start
/// when its flag says so), for the articles `wanted` says to look at that
/// hold them all (positions are read for those only).
fn positions(
    seg: &SegmentReader,
    field: Field,
    words: &[(&Word, bool)],
    wanted: &impl Fn(u32) -> bool,
) -> io::Result<Positions> {
    let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
    let mut terms = Vec::with_capacity(words.len());
    for &(w, prefix) in words {
        terms.push(matching_terms(&inverted, w, prefix)?);
    }
    let mut out = Positions::default();
    if terms.iter().any(Vec::is_empty) {
        return Ok(out);
    }
    let docs = holding_all(&inverted, &terms, seg.max_doc(), wanted)?;
    let mut buf = Vec::new();
    for (i, word_terms) in terms.iter().enumerate() {
        for m in word_terms {
            let mut postings = inverted
                .read_postings_from_terminfo(&m.info, IndexRecordOption::WithFreqsAndPositions)?;
            for &d in &docs {
                if postings.doc() == TERMINATED {
                    break;
                }
                // Postings only move forward.
                if postings.doc() > d || postings.seek(d) != d {
                    continue;
                }
                postings.positions(&mut buf);
                let per_word = out
                    .entry(d)
                    .or_insert_with(|| vec![Vec::new(); words.len()]);
                if let Some(p) = per_word.get_mut(i) {
                    p.extend_from_slice(&buf);
                }
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

/// Per candidate holding the phrase: whether the title does, and how
/// many times the body does.
fn in_segment(
    seg: &SegmentReader,
    fields: &super::Fields,
    words: &[(&Word, bool)],
    docs: &Candidates<'_>,
) -> io::Result<Vec<(u32, bool, u32)>> {
    let wanted = |d: u32| docs.contains(d);
    let mut title = positions(seg, fields.title, words, &wanted)?;
    let mut body = positions(seg, fields.body, words, &wanted)?;
    Ok(docs
        .docs
        .iter()
        .map(|&d| {
            let in_title = title.get_mut(&d).is_some_and(|p| runs(p) > 0);
            (d, in_title, body.get_mut(&d).map_or(0, |p| runs(p)))
        })
        .filter(|&(_, t, n)| t || n > 0)
        .collect())
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
    let words: Vec<(&Word, bool)> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (w, open && i + 1 == words.len()))
        .collect();
    segs.per_segment(docs, |_, seg, candidates| {
        let found = in_segment(seg, &segs.fields, &words, candidates)?;
        Ok(found
            .into_iter()
            .map(|(d, in_title, n)| {
                let score = match (in_title, n) {
                    (true, 0) => TITLE_PHRASE,
                    (true, n) => TITLE_PHRASE + n.min(10) * BODY_REPEAT,
                    (_, n) => BODY_PHRASE + n.min(10) * BODY_REPEAT,
                };
                (d, score)
            })
            .collect())
    })
}

/// The bonus of the candidates `docs` (article numbers, sorted) where two
/// keywords typed one after the other stand side by side, in the title
/// and in the body (each a word start when its flag says so).
pub fn adjacent_bonus(
    segs: &Segments,
    pair: [(&Word, bool); 2],
    docs: &[u32],
) -> io::Result<Vec<(u32, u32)>> {
    segs.per_segment(docs, |_, seg, candidates| {
        let found = in_segment(seg, &segs.fields, &pair, candidates)?;
        Ok(found
            .into_iter()
            .map(|(d, in_title, n)| {
                let title = if in_title { ADJACENT_TITLE } else { 0 };
                let body = if n > 0 { ADJACENT_BODY } else { 0 };
                (d, title + body)
            })
            .collect())
    })
}
