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

/// Hits of equal score, those nearest to day `near` first (undated last;
/// at equal distance, as they were).
pub(super) fn nearest_first(hits: &mut [super::Hit], days: &[Option<i32>], near: i32) {
    hits.sort_by_key(|h| {
        let distance = days
            .get(h.article)
            .copied()
            .flatten()
            .map_or(i64::MAX, |d| (i64::from(d) - i64::from(near)).abs());
        (std::cmp::Reverse(h.score), distance)
    });
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
/// each match's score bucket laid out by position and walked in order,
/// each key moved into its bucket, highest score first, keeping the order
/// of positions in each. None past [`MAX_BUCKETS`] distinct scores.
fn dense(
    scored: &[(u32, u32)],
    end: usize,
    at: &impl Fn(u32) -> u32,
    by_score: bool,
) -> Option<Vec<u64>> {
    let mut buckets = Buckets::default();
    // Bucket plus one at each position (0: no match): two bytes each, so
    // that more of the table laid out by position stays in cache.
    let mut bucket_at = vec![0u16; end];
    for &(d, s) in scored {
        let b = buckets.of(s)?;
        let slot = bucket_at.get_mut(at(d) as usize)?;
        // An article twice (never, from a search) would lose a key.
        if *slot != 0 {
            return None;
        }
        *slot = b + 1;
    }
    let in_order = (0u32..)
        .zip(&bucket_at)
        .filter(|&(_, &b)| b != 0)
        .map(|(p, &b)| (p, usize::from(b - 1)));
    let scores = &buckets.scores;
    if !by_score {
        return Some(in_order.map(|(p, b)| pack(p, scores[b], false)).collect());
    }
    // Where each bucket starts: highest score first.
    let mut by_rank: Vec<usize> = (0..scores.len()).collect();
    by_rank.sort_unstable_by(|&a, &b| scores[b].cmp(&scores[a]));
    let mut next_slot = vec![0usize; scores.len()];
    let mut next = 0;
    for b in by_rank {
        next_slot[b] = next;
        next += buckets.counts[b];
    }
    let mut keys = vec![0u64; next];
    for (p, b) in in_order {
        let slot = next_slot.get_mut(b)?;
        *keys.get_mut(*slot)? = pack(p, scores[b], true);
        *slot += 1;
    }
    Some(keys)
}

/// The distinct scores met, numbered as first met, and how many matches
/// have each.
#[derive(Default)]
struct Buckets {
    scores: Vec<u32>,
    counts: Vec<usize>,
    number: FxHashMap<u32, u16>,
    /// A score's number plus one, by a hash of the score: most look-ups
    /// end here, without the map.
    recent: [(u32, u16); 32],
}

impl Buckets {
    /// The number of score `s`, counting one more match of it; None past
    /// [`MAX_BUCKETS`] scores.
    fn of(&mut self, s: u32) -> Option<u16> {
        let slot = (s.wrapping_mul(0x9E37_79B9) >> 27) as usize;
        let recent = self.recent.get_mut(slot)?;
        let b = if recent.1 != 0 && recent.0 == s {
            recent.1 - 1
        } else {
            let b = match self.number.get(&s) {
                Some(&b) => b,
                None => {
                    if self.scores.len() >= MAX_BUCKETS {
                        return None;
                    }
                    let b = u16::try_from(self.scores.len()).ok()?;
                    self.number.insert(s, b);
                    self.scores.push(s);
                    self.counts.push(0);
                    b
                }
            };
            *recent = (s, b + 1);
            b
        };
        *self.counts.get_mut(usize::from(b))? += 1;
        Some(b)
    }
}

/// Articles by date, the newest first (`newest`) or the oldest, undated
/// last either way, ties to the first in the collection: (position of
/// each, article at each position). Sorted by one integer key each (the
/// day, the place in the collection, the article), which takes a tenth of
/// the time of comparing through the tables at a million articles.
pub(super) fn by_date(days: &[Option<i32>], orders: &[u64], newest: bool) -> (Vec<u32>, Vec<u32>) {
    use rayon::prelude::*;
    let mut keys: Vec<u128> = (0u32..)
        .zip(days.iter().zip(orders))
        .map(|(n, (day, &order))| {
            // Days are non-negative (since 0001-01-01); undated last.
            let day = day.map_or(u32::MAX, |d| {
                let d = u32::try_from(d).unwrap_or(0);
                if newest { u32::MAX - 1 - d } else { d }
            });
            (u128::from(day) << 96) | (u128::from(order) << 32) | u128::from(n)
        })
        .collect();
    keys.par_sort_unstable();
    let order: Vec<u32> = keys
        .iter()
        .map(|&k| u32::try_from(k & u128::from(u32::MAX)).unwrap_or(0))
        .collect();
    let mut position = vec![0u32; order.len()];
    for (p, &d) in (0..).zip(&order) {
        if let Some(x) = position.get_mut(d as usize) {
            *x = p;
        }
    }
    (position, order)
}

/// Sorts `0..n` by `cmp`: (position of each, element at each position).
pub(super) fn permutation(
    n: usize,
    cmp: impl Fn(usize, usize) -> std::cmp::Ordering + Sync,
) -> (Vec<u32>, Vec<u32>) {
    use rayon::prelude::*;
    let mut order: Vec<u32> = (0..).take(n).collect();
    order.par_sort_by(|&a, &b| cmp(a as usize, b as usize));
    let mut position = vec![0u32; n];
    for (p, &d) in (0..).zip(&order) {
        position[d as usize] = p;
    }
    (position, order)
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
