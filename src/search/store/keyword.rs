//! A keyword's score in each candidate article, from the postings of the
//! terms it matches in the title and the body.

use std::io;

use rustc_hash::FxHashMap;
use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, InvertedIndexReader, SegmentReader, TERMINATED};

use super::segments::Segments;
use super::terms::{TermMatch, matching_terms};
use crate::search::query::Word;
use crate::search::score::{body_score, combine, title_score};

/// Occurrences per article of one term in one field.
fn occurrences(
    inverted: &InvertedIndexReader,
    info: &tantivy::postings::TermInfo,
    wanted: &impl Fn(u32) -> bool,
) -> io::Result<Vec<(u32, u32)>> {
    let mut postings = inverted.read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?;
    let mut out = Vec::new();
    while postings.doc() != TERMINATED {
        let d = postings.doc();
        if wanted(d) {
            out.push((d, postings.term_freq()));
        }
        postings.advance();
    }
    Ok(out)
}

/// The candidates `docs` (a segment's own numbers, sorted) holding a term
/// `word` matches, with the keyword's score: its best title match and its
/// best term counted over title and body.
fn in_segment(
    seg: &SegmentReader,
    fields: &super::Fields,
    word: &Word,
    prefix: bool,
    docs: &[u32],
) -> io::Result<Vec<(u32, u32)>> {
    let title = seg.inverted_index(fields.title).map_err(io::Error::other)?;
    let body = seg.inverted_index(fields.body).map_err(io::Error::other)?;
    let size = seg.max_doc() as usize;
    let mut member = vec![0u64; size.div_ceil(64)];
    for &d in docs {
        if let Some(m) = member.get_mut(d as usize / 64) {
            *m |= 1 << (d % 64);
        }
    }
    let wanted = |d: u32| {
        member
            .get(d as usize / 64)
            .is_some_and(|m| m & (1 << (d % 64)) != 0)
            && !seg.is_deleted(d)
    };
    // Each term once, with its postings in either field.
    let mut terms: FxHashMap<String, (bool, Option<TermMatch>, Option<TermMatch>)> =
        FxHashMap::default();
    for m in matching_terms(&title, word, prefix)? {
        let (whole, key) = (m.whole, m.term.clone());
        terms.entry(key).or_insert((whole, None, None)).1 = Some(m);
    }
    for m in matching_terms(&body, word, prefix)? {
        let (whole, key) = (m.whole, m.term.clone());
        terms.entry(key).or_insert((whole, None, None)).2 = Some(m);
    }
    let mut title_best: FxHashMap<u32, u32> = FxHashMap::default();
    let mut body_best: FxHashMap<u32, u32> = FxHashMap::default();
    let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
    for (whole, in_title, in_body) in terms.values() {
        counts.clear();
        if let Some(m) = in_title {
            for (d, tf) in occurrences(&title, &m.info, &wanted)? {
                *counts.entry(d).or_default() += tf;
                let best = title_best.entry(d).or_default();
                *best = (*best).max(title_score(*whole));
            }
        }
        if let Some(m) = in_body {
            for (d, tf) in occurrences(&body, &m.info, &wanted)? {
                *counts.entry(d).or_default() += tf;
            }
        }
        for (&d, &tf) in &counts {
            let best = body_best.entry(d).or_default();
            *best = (*best).max(body_score(tf, *whole));
        }
    }
    let mut out: Vec<(u32, u32)> = body_best
        .into_iter()
        .map(|(d, b)| (d, combine(title_best.get(&d).copied().unwrap_or(0), b)))
        .filter(|&(_, s)| s > 0)
        .collect();
    out.sort_unstable();
    Ok(out)
}

/// The candidates `docs` (article numbers, sorted) holding a word that
/// `word` starts (`prefix`) or is, with the keyword's score.
pub fn keyword_scores(
    segs: &Segments,
    word: &Word,
    prefix: bool,
    docs: &[u32],
) -> io::Result<Vec<(u32, u32)>> {
    let mut out = Vec::new();
    for (numbers, seg) in segs.iter() {
        let base = numbers.start;
        let lo = docs.partition_point(|&d| d < base);
        let hi = docs.partition_point(|&d| d < numbers.end);
        let Some(part) = docs.get(lo..hi).filter(|p| !p.is_empty()) else {
            continue;
        };
        let local: Vec<u32> = part.iter().map(|d| d - base).collect();
        let found = in_segment(seg, &segs.fields, word, prefix, &local)?;
        out.extend(found.into_iter().map(|(d, s)| (d + base, s)));
    }
    Ok(out)
}
