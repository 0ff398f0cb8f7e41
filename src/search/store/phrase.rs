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
use crate::search::score::{BODY_PHRASE, BODY_REPEAT, TITLE_PHRASE};

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

/// Per word, per term it matches, the articles holding every word that
/// hold the term (only there are its positions read).
type Found = Vec<Vec<Vec<u32>>>;

/// Whether article `d` is in the bit set `bits`.
fn has(bits: &[u64], d: u32) -> bool {
    bits.get(d as usize / 64)
        .is_some_and(|b| b & (1 << (d % 64)) != 0)
}

/// The articles a term is found in, and (when asked) its positions in
/// each.
type TermHits = (Vec<u32>, Vec<(u32, Vec<u32>)>);

/// The articles still wanted while one word's terms are read.
struct Wanted<'a> {
    /// Sorted, and as a bit set.
    kept: &'a [u32],
    member: &'a [u64],
    with_positions: bool,
}

impl Wanted<'_> {
    /// Where term `m` is found among the articles wanted.
    fn read(&self, inverted: &InvertedIndexReader, m: &TermMatch) -> io::Result<TermHits> {
        let option = if self.with_positions {
            IndexRecordOption::WithFreqsAndPositions
        } else {
            IndexRecordOption::Basic
        };
        let mut postings = inverted.read_postings_from_terminfo(&m.info, option)?;
        let mut hits = Vec::new();
        let mut positions = Vec::new();
        let mut found = |d: u32, postings: &mut tantivy::postings::SegmentPostings| {
            hits.push(d);
            if self.with_positions {
                let mut buf = Vec::new();
                postings.positions(&mut buf);
                positions.push((d, buf));
            }
        };
        if u64::from(m.info.doc_freq) > SEEK_FROM * self.kept.len() as u64 {
            for &d in self.kept {
                if postings.doc() == TERMINATED {
                    break;
                }
                if postings.doc() < d {
                    postings.seek(d);
                }
                if postings.doc() == d {
                    found(d, &mut postings);
                }
            }
        } else {
            while postings.doc() != TERMINATED {
                let d = postings.doc();
                if has(self.member, d) {
                    found(d, &mut postings);
                }
                postings.advance();
            }
        }
        Ok((hits, positions))
    }
}

/// The articles holding a term of every word, among the candidates
/// `docs`: the rarest word first, so that each later one is checked
/// against fewer articles. A term whose postings are much longer than the
/// articles still wanted (a one-letter prefix matches thousands of terms,
/// some in most articles) is read by seeking to those articles only.
///
/// The most common word is checked last, only in articles holding all
/// the others: the articles it is found in are those holding them all,
/// so its positions are read in the same pass, into `positions` (its
/// number is returned; it usually matches the most terms, and reading
/// them twice would be most of the work).
fn holding_all(
    inverted: &InvertedIndexReader,
    terms: &[Vec<TermMatch>],
    size: u32,
    docs: &Candidates<'_>,
    positions: &mut Positions,
) -> io::Result<(Vec<u32>, Found, usize)> {
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by_key(|&i| {
        terms[i]
            .iter()
            .map(|m| u64::from(m.info.doc_freq))
            .sum::<u64>()
    });
    let last = order.last().copied().unwrap_or(0);
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
    // Per word, per term, the articles it was found in.
    let mut found: Vec<Vec<Vec<u32>>> = terms.iter().map(|t| vec![Vec::new(); t.len()]).collect();
    for i in order {
        let wanted = Wanted {
            kept: &kept,
            member: &member,
            with_positions: i == last,
        };
        let mut here = vec![0u64; words];
        for (t, m) in terms[i].iter().enumerate() {
            let (hits, term_positions) = wanted.read(inverted, m)?;
            for &d in &hits {
                if let Some(b) = here.get_mut(d as usize / 64) {
                    *b |= 1 << (d % 64);
                }
            }
            for (d, ps) in term_positions {
                let per_word = positions
                    .entry(d)
                    .or_insert_with(|| vec![Vec::new(); terms.len()]);
                if let Some(p) = per_word.get_mut(i) {
                    p.extend_from_slice(&ps);
                }
            }
            if let Some(slot) = found.get_mut(i).and_then(|f| f.get_mut(t)) {
                *slot = hits;
            }
        }
        kept.retain(|&d| has(&here, d));
        member = here;
    }
    for hits in found.iter_mut().flatten() {
        hits.retain(|&d| has(&member, d));
    }
    Ok((kept, found, last))
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
    let (_, found, done) = holding_all(&inverted, &terms, seg.max_doc(), docs, &mut out)?;
    let mut buf = Vec::new();
    for (i, (word_terms, word_found)) in terms.iter().zip(&found).enumerate() {
        if i == done {
            continue;
        }
        for (m, hits) in word_terms.iter().zip(word_found) {
            if hits.is_empty() {
                continue;
            }
            let mut postings = inverted
                .read_postings_from_terminfo(&m.info, IndexRecordOption::WithFreqsAndPositions)?;
            for &d in hits {
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
