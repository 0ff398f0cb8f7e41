//! Putting matches in the order shown, as packed keys: the score (when
//! ranking by it) above the article's position in a fixed order (by date
//! or by title). A short prefix matches most of a collection on every
//! keystroke; comparison sorting that many keys is most of the work of a
//! keystroke, so a dense set of matches is put in order without
//! comparisons: walked in position order, then bucketed by score.
#![allow(
    clippy::cast_possible_truncation,
    reason = "positions and scores are u32, packed into the two halves of a u64"
)]

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Below this many keys, sorting stays on one core: handing it to
/// another costs more than it saves.
const PARALLEL_FROM: usize = 32 * 1024;

/// Matches are dense when at least one position in this many matches:
/// walking every position then costs less than sorting.
const DENSE_ONE_IN: usize = 8;

/// Scores bucketed at most: past this many distinct scores, sorted.
const MAX_BUCKETS: usize = 4096;

/// The key of an article at position `p` with score `s`: sorting keys
/// ascending gives the highest score first (`by_score`), ties and
/// everything else by position.
pub(super) fn pack(p: u32, s: u32, by_score: bool) -> u64 {
    let s = u64::from(u32::MAX - s);
    if by_score {
        (s << 32) | u64::from(p)
    } else {
        (u64::from(p) << 32) | s
    }
}

/// (position, score) of a key made by [`pack`].
pub(super) fn unpack(k: u64, by_score: bool) -> (u32, u32) {
    let (hi, lo) = ((k >> 32) as u32, k as u32);
    let (p, s) = if by_score { (lo, hi) } else { (hi, lo) };
    (p, u32::MAX - s)
}

/// The keys of `scored` (article, score), sorted; `position` gives each
/// article's position (a permutation of the articles; an article beyond
/// it goes last).
pub(super) fn sorted_keys(scored: &[(u32, u32)], position: &[u32], by_score: bool) -> Vec<u64> {
    let at = |d: u32| position.get(d as usize).copied().unwrap_or(u32::MAX);
    if scored.len() * DENSE_ONE_IN >= position.len()
        && scored.iter().all(|&(d, _)| (d as usize) < position.len())
        && let Some(keys) = dense(scored, position.len(), &at, by_score)
    {
        return keys;
    }
    let parallel = scored.len() >= PARALLEL_FROM;
    let key = |&(d, s): &(u32, u32)| pack(at(d), s, by_score);
    let mut keys: Vec<u64> = if parallel {
        scored.par_iter().map(key).collect()
    } else {
        scored.iter().map(key).collect()
    };
    if parallel {
        keys.par_sort_unstable();
    } else {
        keys.sort_unstable();
    }
    keys
}

/// [`sorted_keys`] for matches spread over at least one position in
/// [`DENSE_ONE_IN`] of `0..end`, every article's position below `end`:
/// the scores laid out by position and walked in order, then (by score)
/// moved into one bucket per score, highest first, keeping the order of
/// positions in each. None past [`MAX_BUCKETS`] distinct scores.
fn dense(
    scored: &[(u32, u32)],
    end: usize,
    at: &impl Fn(u32) -> u32,
    by_score: bool,
) -> Option<Vec<u64>> {
    let mut score_at = vec![0u32; end];
    let mut present = vec![0u64; end.div_ceil(64)];
    for &(d, s) in scored {
        let p = at(d) as usize;
        *score_at.get_mut(p)? = s;
        let word = present.get_mut(p / 64)?;
        // An article twice (never, from a search) would lose a key.
        if *word & (1 << (p % 64)) != 0 {
            return None;
        }
        *word |= 1 << (p % 64);
    }
    let in_order = present.iter().zip(0u32..).flat_map(|(&bits, word)| {
        let mut bits = bits;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let p = word * 64 + bits.trailing_zeros();
                bits &= bits - 1;
                p
            })
        })
    });
    if !by_score {
        return Some(
            in_order
                .map(|p| pack(p, score_at[p as usize], false))
                .collect(),
        );
    }
    // Where each score's bucket starts.
    let mut counts: FxHashMap<u32, usize> = FxHashMap::default();
    for &(_, s) in scored {
        *counts.entry(s).or_default() += 1;
        if counts.len() > MAX_BUCKETS {
            return None;
        }
    }
    let mut scores: Vec<u32> = counts.keys().copied().collect();
    scores.sort_unstable_by(|a, b| b.cmp(a));
    let mut next = 0;
    for s in scores {
        if let Some(c) = counts.get_mut(&s) {
            let n = *c;
            *c = next;
            next += n;
        }
    }
    let mut keys = vec![0u64; next];
    for p in in_order {
        let s = score_at[p as usize];
        let slot = counts.get_mut(&s)?;
        *keys.get_mut(*slot)? = pack(p, s, true);
        *slot += 1;
    }
    Some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_comparison(scored: &[(u32, u32)], position: &[u32], by_score: bool) -> Vec<u64> {
        let mut keys: Vec<u64> = scored
            .iter()
            .map(|&(d, s)| pack(position[d as usize], s, by_score))
            .collect();
        keys.sort_unstable();
        keys
    }

    /// A permutation of `0..n` from a seed, and a subset of its articles
    /// with scores drawn from `0..distinct`.
    fn case(n: u32, seed: u64, keep_one_in: u64, distinct: u32) -> (Vec<u32>, Vec<(u32, u32)>) {
        let mut x = seed | 1;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut position: Vec<u32> = (0..n).collect();
        for i in (1..position.len()).rev() {
            let j = (next() % (i as u64 + 1)) as usize;
            position.swap(i, j);
        }
        let mut scored = Vec::new();
        for d in 0..n {
            if next() % keep_one_in == 0 {
                scored.push((d, (next() % u64::from(distinct)) as u32));
            }
        }
        (position, scored)
    }

    proptest! {
        #[test]
        fn keys_come_sorted_as_by_comparison(
            n in 0u32..3000,
            seed in any::<u64>(),
            keep_one_in in 1u64..20,
            distinct in 1u32..6000,
            by_score in any::<bool>(),
        ) {
            let (position, scored) = case(n, seed, keep_one_in, distinct);
            prop_assert_eq!(
                sorted_keys(&scored, &position, by_score),
                by_comparison(&scored, &position, by_score)
            );
        }
    }

    #[test]
    fn dense_matches_take_the_bucketed_way() {
        let (position, scored) = case(1000, 7, 2, 5);
        let at = |d: u32| position[d as usize];
        let keys = dense(&scored, position.len(), &at, true);
        assert_eq!(keys, Some(by_comparison(&scored, &position, true)));
        // Too many distinct scores to bucket.
        let many: Vec<(u32, u32)> = (0..MAX_BUCKETS as u32 + 1).map(|d| (d, d)).collect();
        let position: Vec<u32> = (0..many.len() as u32).collect();
        let at = |d: u32| position[d as usize];
        assert_eq!(dense(&many, position.len(), &at, true), None);
        assert_eq!(
            sorted_keys(&many, &position, true),
            by_comparison(&many, &position, true)
        );
    }

    #[test]
    fn keys_unpack_to_what_was_packed() {
        for by_score in [false, true] {
            for (p, s) in [(0, 0), (7, u32::MAX), (u32::MAX, 3)] {
                assert_eq!(unpack(pack(p, s, by_score), by_score), (p, s));
            }
        }
    }
}
