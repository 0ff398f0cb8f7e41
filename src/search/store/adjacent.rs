//! Whether two keywords typed one after the other stand side by side in
//! an article: a bonus in ranking, checked for the best few results.
//!
//! Only whether they do matters, not how often, so an article is settled
//! by the first place found. The word with fewer occurrences is read
//! first; the other one's terms are read commonest first, each only in
//! the articles not settled yet. A short prefix as the second word
//! ("nong t") matches hundreds of terms found in most articles; reading
//! all their positions would be most of the work of the keystroke.

use std::cmp::Reverse;
use std::io;

use rustc_hash::FxHashMap;
use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, SegmentReader, TERMINATED};

use super::segments::Segments;
use super::terms::{TermMatch, matching_terms};
use crate::search::query::Word;
use crate::search::score::adjacency;

/// The bonus of the candidates `docs` (article numbers, sorted) where two
/// keywords typed one after the other stand side by side, in the title
/// and in the body (each a word start when its flag says so).
pub fn adjacent_bonus(
    segs: &Segments,
    pair: [(&Word, bool); 2],
    docs: &[u32],
) -> io::Result<Vec<(u32, u32)>> {
    segs.per_segment(docs, |_, seg, candidates| {
        let wanted: Vec<u32> = candidates
            .docs
            .iter()
            .copied()
            .filter(|&d| candidates.contains(d))
            .collect();
        let title = side_by_side(seg, segs.fields.title, pair, &wanted)?;
        let body = side_by_side(seg, segs.fields.body, pair, &wanted)?;
        Ok(wanted
            .iter()
            .map(|d| {
                let bonus = adjacency(
                    title.binary_search(d).is_ok(),
                    body.binary_search(d).is_ok(),
                );
                (*d, bonus)
            })
            .filter(|&(_, bonus)| bonus > 0)
            .collect())
    })
}

/// The articles of `docs` (a segment's own numbers, sorted) where, in
/// `field`, a term of the first word of `pair` is followed by a term of
/// the second (at the next position: paragraphs are apart).
fn side_by_side(
    seg: &SegmentReader,
    field: Field,
    pair: [(&Word, bool); 2],
    docs: &[u32],
) -> io::Result<Vec<u32>> {
    let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
    let [(a, a_prefix), (b, b_prefix)] = pair;
    let a = matching_terms(&inverted, a, a_prefix)?;
    let b = matching_terms(&inverted, b, b_prefix)?;
    if a.is_empty() || b.is_empty() || docs.is_empty() {
        return Ok(Vec::new());
    }
    let occurrences =
        |terms: &[TermMatch]| -> u64 { terms.iter().map(|m| u64::from(m.info.doc_freq)).sum() };
    // Read first, and where the other word must then stand: right after
    // it (it is the first word) or right before.
    let (first, second, after) = if occurrences(&a) <= occurrences(&b) {
        (a, b, true)
    } else {
        (b, a, false)
    };
    let mut targets: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let mut buf = Vec::new();
    for m in &first {
        let mut postings = inverted
            .read_postings_from_terminfo(&m.info, IndexRecordOption::WithFreqsAndPositions)?;
        for &d in docs {
            if postings.doc() == TERMINATED {
                break;
            }
            if postings.doc() < d {
                postings.seek(d);
            }
            if postings.doc() != d {
                continue;
            }
            postings.positions(&mut buf);
            let at = targets.entry(d).or_default();
            at.extend(buf.iter().filter_map(|&p| {
                if after {
                    p.checked_add(1)
                } else {
                    p.checked_sub(1)
                }
            }));
        }
    }
    for at in targets.values_mut() {
        at.sort_unstable();
        at.dedup();
    }
    let mut open: Vec<u32> = targets.keys().copied().collect();
    open.sort_unstable();
    let mut second = second;
    second.sort_by_key(|m| Reverse(m.info.doc_freq));
    let mut settled = Vec::new();
    for m in &second {
        if open.is_empty() {
            break;
        }
        let mut postings = inverted
            .read_postings_from_terminfo(&m.info, IndexRecordOption::WithFreqsAndPositions)?;
        open.retain(|&d| {
            if postings.doc() != TERMINATED && postings.doc() < d {
                postings.seek(d);
            }
            if postings.doc() != d {
                return true;
            }
            postings.positions(&mut buf);
            let at = targets.get(&d).map_or(&[][..], Vec::as_slice);
            let side_by_side = buf.iter().any(|p| at.binary_search(p).is_ok());
            if side_by_side {
                settled.push(d);
            }
            !side_by_side
        });
    }
    settled.sort_unstable();
    Ok(settled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::model::text_article;

    /// The articles of a small index where `a` then `b` (as typed, each
    /// a word start) stand side by side in the title and in the body.
    fn side_by_side_in(articles: &[crate::model::Article], a: &str, b: &str) -> [Vec<u32>; 2] {
        let (index, fields) =
            super::super::build_in_ram(articles, Gazetteer::embedded()).expect("index");
        let reader: tantivy::IndexReader = index.reader().expect("reader");
        let searcher = reader.searcher();
        let seg = &searcher.segment_readers()[0];
        let (a, b) = (Word::new(a), Word::new(b));
        let docs: Vec<u32> = (0..seg.max_doc()).collect();
        let pair = [(&a, true), (&b, true)];
        [fields.title, fields.body].map(|f| side_by_side(seg, f, pair, &docs).expect("read"))
    }

    #[test]
    fn words_stand_side_by_side_in_order_and_in_one_paragraph() {
        let articles = [
            text_article("a", "Nông thôn mới", &["Thôn nông."]),
            text_article(
                "b",
                "Thôn và nông",
                &["Nông nghiệp, thôn xóm.", "Nông", "thôn"],
            ),
            text_article("c", "Tin", &["Nói về nông thôn và nông trại."]),
            text_article("d", "Tin", &["Thôn nông thôn."]),
        ];
        // In order only; "nông" ending one paragraph and "thôn" starting
        // the next are not side by side.
        assert_eq!(
            side_by_side_in(&articles, "nong", "thon"),
            [vec![0], vec![2, 3]]
        );
        // The rarer word second: read first, the other looked for before it.
        assert_eq!(
            side_by_side_in(&articles, "thon", "nong"),
            [Vec::<u32>::new(), vec![0, 3]]
        );
        // A prefix matching several terms, the first found settling.
        assert_eq!(
            side_by_side_in(&articles, "nong", "t"),
            [vec![0], vec![2, 3]]
        );
        // Typed with diacritics: "nóng" is not "nông".
        assert_eq!(
            side_by_side_in(&articles, "nóng", "thôn"),
            [Vec::<u32>::new(), vec![]]
        );
    }
}
