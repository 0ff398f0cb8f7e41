//! Phrases: words one after another, in the title or in one paragraph.

use super::{per_segment, word_matches};
use crate::search::query::Word;
use crate::search::reference::Reference as Engine;
use crate::search::reference::index::WordSet;
use crate::search::score::{BODY_PHRASE, BODY_REPEAT, TITLE_PHRASE};

/// Candidates where the words occur one after another (in the title, or
/// in one paragraph of the body).
pub(super) fn phrase_matches(
    e: &Engine,
    words: &[Word],
    open: bool,
    docs: &[u32],
) -> Vec<(u32, u32)> {
    let sets: Vec<WordSet> = words
        .iter()
        .enumerate()
        .map(|(i, w)| e.index.lookup(w, open && i + 1 == words.len()))
        .collect();
    if sets.iter().any(WordSet::is_empty) {
        return Vec::new();
    }
    // First the articles holding every word, rarest word first.
    let mut order: Vec<usize> = (0..sets.len()).collect();
    let volume = |s: &WordSet| -> usize { e.index.segments.iter().map(|g| g.volume(&s.ids)).sum() };
    order.sort_by_key(|&i| volume(&sets[i]));
    let mut cur: Vec<u32> = docs.to_vec();
    for &i in &order {
        let m = word_matches(e, &sets[i], None, &cur);
        cur = m.into_iter().map(|x| x.0).collect();
        if cur.is_empty() {
            return Vec::new();
        }
    }
    let index = &e.index;
    let flags = index.rank_flags(&sets);
    per_segment(e, &cur, |seg, docs| {
        docs.iter()
            .filter_map(|&d| {
                let in_title = sequence_count(seg.title(d).iter().map(|&id| Some(id)), &sets) > 0;
                let n = if sets.len() <= 16 {
                    sequence_count_ranks(seg.body_ranks(d), &flags, sets.len())
                } else {
                    sequence_count(seg.body(d, index), &sets)
                } as u32;
                let s = match (in_title, n) {
                    (false, 0) => return None,
                    (true, 0) => TITLE_PHRASE,
                    (true, n) => TITLE_PHRASE + n.min(10) * BODY_REPEAT,
                    (false, n) => BODY_PHRASE + n.min(10) * BODY_REPEAT,
                };
                Some((d, s))
            })
            .collect()
    })
}

/// How many times the sets match consecutive words of `seq` (`None` is
/// a paragraph break, which no phrase crosses).
pub(super) fn sequence_count(seq: impl Iterator<Item = Option<u32>>, sets: &[WordSet]) -> usize {
    let n = sets.len();
    if n == 0 || n > 63 {
        return 0;
    }
    let masks = seq.map(|tok| {
        // A paragraph break matches no set, which ends every run.
        tok.map_or(0, |id| {
            sets.iter()
                .enumerate()
                .filter(|(_, s)| s.contains(id))
                .fold(0u64, |m, (k, _)| m | 1 << k)
        })
    });
    count_runs(masks, n)
}

/// How many times bits 0..n of consecutive masks are set one after the
/// other (bit k of a mask: this word matches the k-th set): a shift-and
/// automaton, bit k of its state meaning the last k + 1 words matched.
fn count_runs(masks: impl Iterator<Item = u64>, n: usize) -> usize {
    let full = 1u64 << (n - 1);
    let mut state = 0u64;
    let mut count = 0;
    for m in masks {
        state = ((state << 1) | 1) & m;
        count += (state & full != 0) as usize;
    }
    count
}

/// Like [`sequence_count`], over a body's ranks with flags from
/// [`super::index::Index::rank_flags`] for `n` sets.
pub(super) fn sequence_count_ranks(
    ranks: impl Iterator<Item = u32>,
    flags: &[u16],
    n: usize,
) -> usize {
    if n == 0 || n > 16 {
        return 0;
    }
    count_runs(
        ranks.map(|r| u64::from(flags.get(r as usize).copied().unwrap_or(0))),
        n,
    )
}
