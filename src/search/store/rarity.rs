//! The weights of the rarity rule (see [`crate::search::rarity`]) over
//! the index: per article, the rarest word each keyword matched in its
//! title or body, weighed by how many articles' bodies hold that word.

use std::io;

use rustc_hash::FxHashMap;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, TERMINATED};

use super::segments::Segments;
use super::terms::matching_terms;
use crate::search::query::Word;
use crate::search::rarity::idf;

/// How many articles' bodies hold the term `term`, over every segment.
/// Only live articles count: a segment's own count keeps the articles an
/// update deleted until the segments are merged, and an updated index
/// must rank as one built afresh.
fn doc_freq(segs: &Segments, term: &str) -> io::Result<u64> {
    let field = segs.fields.body;
    let mut n = 0;
    for ord in 0..segs.segment_count() {
        let Some(seg) = segs.segment(ord) else {
            continue;
        };
        let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
        let t = tantivy::Term::from_field_text(field, term);
        let Some(info) = inverted.get_term_info(&t)? else {
            continue;
        };
        n += match seg.alive_bitset() {
            None => u64::from(info.doc_freq),
            Some(alive) => {
                let mut postings =
                    inverted.read_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
                let mut live = 0;
                while postings.doc() != TERMINATED {
                    live += u64::from(alive.is_alive(postings.doc()));
                    postings.advance();
                }
                live
            }
        };
    }
    Ok(n)
}

/// The weight of each article of `docs` (sorted): per keyword clause
/// (its alternatives' words, each a word start or a whole word), the
/// weight of the rarest word it matched there, added up; `live` articles
/// in all.
pub fn weights(
    segs: &Segments,
    clauses: &[Vec<(Word, bool)>],
    docs: &[u32],
    live: u64,
) -> io::Result<FxHashMap<u32, f64>> {
    let mut total: FxHashMap<u32, f64> = FxHashMap::default();
    let mut known_df: FxHashMap<String, f64> = FxHashMap::default();
    for clause in clauses {
        // The clause's words in every segment, each with its weight.
        let mut weighed: Vec<(String, f64)> = Vec::new();
        for ord in 0..segs.segment_count() {
            let Some(seg) = segs.segment(ord) else {
                continue;
            };
            for field in [segs.fields.title, segs.fields.body] {
                let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
                for (word, prefix) in clause {
                    for m in matching_terms(&inverted, word, *prefix)? {
                        if !known_df.contains_key(&m.term) {
                            let w = idf(doc_freq(segs, &m.term)?, live);
                            known_df.insert(m.term.clone(), w);
                        }
                        let w = known_df.get(&m.term).copied().unwrap_or(0.0);
                        weighed.push((m.term, w));
                    }
                }
            }
        }
        weighed.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        weighed.dedup_by(|a, b| a.0 == b.0);
        // The rarest words first: an article takes the first it holds
        // (by the word's place in `weighed`).
        let found = segs.per_segment(docs, |_, seg, candidates| {
            let mut left = candidates.docs.len();
            let mut taken: FxHashMap<u32, u32> = FxHashMap::default();
            for (i, (term, _)) in (0u32..).zip(&weighed) {
                if left == 0 {
                    break;
                }
                for field in [segs.fields.title, segs.fields.body] {
                    let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
                    let t = tantivy::Term::from_field_text(field, term);
                    candidates.each_holding(&inverted, &t, IndexRecordOption::Basic, |d, _| {
                        if let std::collections::hash_map::Entry::Vacant(slot) = taken.entry(d) {
                            slot.insert(i);
                            left = left.saturating_sub(1);
                        }
                    })?;
                }
            }
            Ok(taken.into_iter().collect())
        })?;
        for (d, i) in found {
            if let Some((_, w)) = weighed.get(i as usize) {
                *total.entry(d).or_default() += w;
            }
        }
    }
    Ok(total)
}
