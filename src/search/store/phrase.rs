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

/// A term worth reading with seeks rather than whole: its postings are
/// this many times longer than the articles still wanted. (The tests'
/// small collections take both ways with a lower bar.)
#[cfg(not(test))]
const SEEK_FROM: u64 = 8;
#[cfg(test)]
const SEEK_FROM: u64 = 1;

/// Per word, per term it matches, whether the term is in any article
/// holding them all (only those terms' positions are read).
type Useful = Vec<Vec<bool>>;

/// The articles holding a term of every word, among the candidates
/// `docs`: the rarest word first, so that each later one is checked
/// against fewer articles. A term whose postings are much longer than the
/// articles still wanted (a one-letter prefix matches thousands of terms,
/// some in most articles) is read by seeking to those articles only.
fn holding_all(
    inverted: &InvertedIndexReader,
    terms: &[Vec<TermMatch>],
    size: u32,
    docs: &Candidates<'_>,
) -> io::Result<(Vec<u32>, Useful)> {
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by_key(|&i| {
        terms[i]
            .iter()
            .map(|m| u64::from(m.info.doc_freq))
            .sum::<u64>()
    });
    let words = (size as usize).div_ceil(64);
    let mut kept: Vec<u32> = docs
        .docs
        .iter()
        .copied()
        .filter(|&d| docs.contains(d))
        .collect();
    let mut member = vec![0u64; words];
    for &d in &kept {
        if let Some(b) = member.get_mut(d as usize / 64) {
            *b |= 1 << (d % 64);
        }
    }
    let has = |bits: &[u64], d: u32| {
        bits.get(d as usize / 64)
            .is_some_and(|b| b & (1 << (d % 64)) != 0)
    };
    // Per word, per term, the articles it was found in.
    let mut found: Vec<Vec<Vec<u32>>> = terms.iter().map(|t| vec![Vec::new(); t.len()]).collect();
    for i in order {
        let mut here = vec![0u64; words];
        for (t, m) in terms[i].iter().enumerate() {
            let mut postings =
                inverted.read_postings_from_terminfo(&m.info, IndexRecordOption::Basic)?;
            let hits = &mut found[i][t];
            if u64::from(m.info.doc_freq) > SEEK_FROM * kept.len() as u64 {
                for &d in &kept {
                    if postings.doc() == TERMINATED {
                        break;
                    }
                    if postings.doc() < d {
                        postings.seek(d);
                    }
                    if postings.doc() == d {
                        hits.push(d);
                    }
                }
            } else {
                while postings.doc() != TERMINATED {
                    let d = postings.doc();
                    if has(&member, d) {
                        hits.push(d);
                    }
                    postings.advance();
                }
            }
            for &d in hits.iter() {
                if let Some(b) = here.get_mut(d as usize / 64) {
                    *b |= 1 << (d % 64);
                }
            }
        }
        kept.retain(|&d| has(&here, d));
        member = here;
    }
    let useful = found
        .iter()
        .map(|per_term| {
            per_term
                .iter()
                .map(|hits| hits.iter().any(|&d| has(&member, d)))
                .collect()
        })
        .collect();
    Ok((kept, useful))
}

/// The positions in `field` of every phrase word (each one a word start
/// when its flag says so), for the candidates `docs` that hold them all
/// (positions are read for those only, of the terms found in them).
fn positions(
    seg: &SegmentReader,
    field: Field,
    words: &[(&Word, bool)],
    docs: &Candidates<'_>,
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
    let (docs, useful) = holding_all(&inverted, &terms, seg.max_doc(), docs)?;
    let mut buf = Vec::new();
    for (i, word_terms) in terms.iter().enumerate() {
        for (t, m) in word_terms.iter().enumerate() {
            if !useful
                .get(i)
                .and_then(|u| u.get(t))
                .copied()
                .unwrap_or(true)
            {
                continue;
            }
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
    let mut title = positions(seg, fields.title, words, docs)?;
    let mut body = positions(seg, fields.body, words, docs)?;
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
