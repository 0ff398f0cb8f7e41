//! The rarity rule: results tied on every rule above it, the one whose
//! keywords matched rarer words first, as BM25 weighs a word: a keyword
//! that starts "thôn" in one article and "thông" in another favours the
//! article with the rarer of the two. Each keyword counts the rarest word
//! it matched in the article's title or body; the weights add up.
//!
//! Only keywords of three letters or more count (a shorter one is still
//! being typed), as typed (not through a typo or a reading), and only
//! where they decide something: among hits of equal score, within the
//! best [`TOP`] results (reading the words of every tie of a large
//! collection would take longer than a keystroke may).

use rustc_hash::FxHashMap;

use super::Hit;
use super::query::{Alt, Query, Word};

/// How many of the best results the rule reorders.
pub(super) const TOP: usize = 300;

/// A keyword clause as the rule reads it: each alternative's word, and
/// whether it is a word start (`thon`) or a whole word (`'thon`).
pub(super) type Keywords = Vec<Vec<(Word, bool)>>;

/// The keyword clauses of `q` the rule counts, each word as it is
/// searched (`searched` gives its folded form when, typed with
/// diacritics, it starts no word).
pub(super) fn keywords(q: &Query, searched: impl Fn(&Word) -> Option<Word>) -> Keywords {
    q.clauses
        .iter()
        .filter(|c| !c.negated)
        .map(|c| {
            c.alts
                .iter()
                .filter_map(|a| match a {
                    Alt::Keyword(w) => Some((searched(w).unwrap_or_else(|| w.clone()), true)),
                    Alt::Exact(w) => Some((w.clone(), false)),
                    _ => None,
                })
                .filter(|(w, _)| w.folded.chars().count() >= 3)
                .collect::<Vec<_>>()
        })
        .filter(|alts| !alts.is_empty())
        .collect()
}

/// The weight of a word found in `df` of `n` articles: BM25's inverse
/// document frequency.
pub(super) fn idf(df: u64, n: u64) -> f64 {
    let (df, n) = (df as f64, n as f64);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Reorders the runs of equal score among the first [`TOP`] of `hits`
/// (ranked), the greater weight first and otherwise as they were;
/// `weights` gives the weight of each article of the runs (sorted;
/// missing ones weigh nothing).
pub(super) fn rarest_first(hits: &mut [Hit], weights: impl FnOnce(&[u32]) -> FxHashMap<u32, f64>) {
    let top = hits.len().min(TOP);
    let hits = &mut hits[..top];
    let mut tied: Vec<u32> = Vec::new();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for i in 1..=hits.len() {
        if i == hits.len() || hits[i].score != hits[start].score {
            if i - start > 1 {
                runs.push((start, i));
                tied.extend(
                    hits[start..i]
                        .iter()
                        .filter_map(|h| u32::try_from(h.article).ok()),
                );
            }
            start = i;
        }
    }
    if runs.is_empty() {
        return;
    }
    tied.sort_unstable();
    let weights = weights(&tied);
    if weights.is_empty() {
        return;
    }
    let weight = |h: &Hit| {
        u32::try_from(h.article)
            .ok()
            .and_then(|d| weights.get(&d))
            .copied()
            .unwrap_or(0.0)
    };
    for (a, b) in runs {
        hits[a..b].sort_by(|x, y| weight(y).total_cmp(&weight(x)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(article: usize, score: i64) -> Hit {
        Hit { article, score }
    }

    #[test]
    fn only_ties_are_reordered_and_equal_weights_keep_their_order() {
        let mut hits = vec![hit(0, 9), hit(1, 5), hit(2, 5), hit(3, 5), hit(4, 1)];
        rarest_first(&mut hits, |tied| {
            assert_eq!(tied, [1, 2, 3]);
            [(2, 2.0), (3, 1.0), (0, 100.0)].into_iter().collect()
        });
        let order: Vec<usize> = hits.iter().map(|h| h.article).collect();
        assert_eq!(order, [0, 2, 3, 1, 4]);
    }

    #[test]
    fn a_rarer_word_weighs_more() {
        assert!(idf(1, 100) > idf(10, 100));
        assert!(idf(99, 100) > 0.0);
    }
}
