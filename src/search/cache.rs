//! What the engine remembers between keystrokes: the articles left by
//! the leading clauses of recent queries, and the ranked hits of whole
//! queries, keyed by the clauses (and the order).

use std::sync::Arc;

use super::query::{ClauseKey, Word};
use super::{Hit, Scored, SortOrder};

/// Results of clause prefixes already evaluated, most recent last: the
/// articles left by the leading clauses of a query, keyed by those
/// clauses; the ranked hits of whole queries, keyed by the clauses and
/// the order.
#[derive(Debug, Default)]
pub(super) struct Cache {
    states: Vec<(Vec<ClauseKey>, Arc<Scored>)>,
    finals: Vec<(FinalKey, Arc<Vec<Hit>>)>,
}

type FinalKey = (Vec<ClauseKey>, SortOrder);

/// Entries kept: enough for typing a long query and deleting it again.
const CACHE_STATES: usize = 96;
const CACHE_FINALS: usize = 48;
/// Memory bound for the cache, in cached article entries (8 bytes
/// each): enough for the states of a query of three words typed over a
/// million articles when each word is in most of them.
const CACHE_ENTRIES: usize = 12_000_000;

impl Cache {
    pub(super) fn state(&mut self, key: &[ClauseKey]) -> Option<Arc<Scored>> {
        let i = self.states.iter().position(|(k, _)| k == key)?;
        let entry = self.states.remove(i);
        let s = entry.1.clone();
        self.states.push(entry);
        Some(s)
    }

    pub(super) fn put_state(&mut self, key: Vec<ClauseKey>, s: Arc<Scored>) {
        self.states.retain(|(k, _)| *k != key);
        self.states.push((key, s));
        self.trim();
    }

    pub(super) fn final_hits(&mut self, key: &FinalKey) -> Option<Arc<Vec<Hit>>> {
        let i = self.finals.iter().position(|(k, _)| k == key)?;
        let entry = self.finals.remove(i);
        let h = entry.1.clone();
        self.finals.push(entry);
        Some(h)
    }

    pub(super) fn put_final(&mut self, key: FinalKey, h: Arc<Vec<Hit>>) {
        self.finals.retain(|(k, _)| *k != key);
        self.finals.push((key, h));
        self.trim();
    }

    /// Forgets every result that depends on the reading state.
    pub(super) fn forget_flags(&mut self) {
        let reads_marks = |k: &[ClauseKey]| k.iter().any(ClauseKey::reads_marks);
        self.states.retain(|(k, _)| !reads_marks(k));
        self.finals.retain(|((k, _), _)| !reads_marks(k));
    }

    /// How many results are kept, of clause prefixes and of whole queries.
    #[cfg(test)]
    pub(super) fn entries(&self) -> usize {
        self.states.len() + self.finals.len()
    }

    fn trim(&mut self) {
        // The state of no clause is the engine's own list of articles,
        // shared, not a copy.
        let size = |c: &Cache| -> usize {
            c.states
                .iter()
                .filter(|(k, _)| !k.is_empty())
                .map(|(_, s)| s.len())
                .sum::<usize>()
                + c.finals.iter().map(|(_, h)| h.len() * 2).sum::<usize>()
        };
        while self.states.len() > CACHE_STATES {
            self.states.remove(0);
        }
        while self.finals.len() > CACHE_FINALS {
            self.finals.remove(0);
        }
        // Past the bound, whole queries go first, the least recent first:
        // one typed again is ranked again from the state of its clauses,
        // while a state lost makes every keystroke after it evaluate its
        // clauses again (at a million articles, a word in most of them
        // costs about 50 ms each).
        while size(self) > CACHE_ENTRIES && self.finals.len() > 1 {
            self.finals.remove(0);
        }
        while size(self) > CACHE_ENTRIES && self.states.len() > 1 {
            self.states.remove(0);
        }
    }
}

impl Cache {
    /// The longest run of leading `keys` already evaluated, and what it
    /// left: one pass over the cache.
    pub(super) fn longest_prefix(&mut self, keys: &[ClauseKey]) -> Option<(usize, Arc<Scored>)> {
        let n = self
            .states
            .iter()
            .filter(|(k, _)| !k.is_empty() && keys.starts_with(k))
            .map(|(k, _)| k.len())
            .max()?;
        Some((n, self.state(&keys[..n])?))
    }

    /// What a shorter form of the keyword `form` (at least `least`
    /// bytes) left after the clauses `base`: the longest such form, the
    /// latest of equals; one pass over the cache, not one per length.
    pub(super) fn shorter_keyword(
        &self,
        base: &[ClauseKey],
        form: &str,
        least: usize,
        usable: impl Fn(&Word) -> bool,
    ) -> Option<&Arc<Scored>> {
        let mut best: Option<(usize, &Arc<Scored>)> = None;
        for (k, s) in self.states.iter().rev() {
            // The state right after a keyword's clause that follows the
            // same clauses, not one with more clauses after it (those
            // would have narrowed further). Keywords lead their clause
            // (abbreviations add alternatives after them, never fewer).
            let Some((last, before)) = k.split_last() else {
                continue;
            };
            let Some(word) = last.leading_keyword() else {
                continue;
            };
            let shorter = word.key();
            if before != base || !usable(word) {
                continue;
            }
            let fits =
                shorter.len() >= least && shorter.len() < form.len() && form.starts_with(shorter);
            if fits && best.is_none_or(|(len, _)| shorter.len() > len) {
                best = Some((shorter.len(), s));
            }
        }
        best.map(|(_, s)| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{Clause, parse};

    fn keys(q: &str) -> Vec<ClauseKey> {
        parse(q).clauses.iter().map(Clause::key).collect()
    }

    #[test]
    fn finds_the_longest_prefix_and_the_longest_shorter_keyword() {
        let mut c = Cache::default();
        let left = |n: u32| Arc::new(vec![(n, 0)]);
        c.put_state(keys("a thon"), left(1));
        c.put_state(keys("a tho"), left(2));
        c.put_state(keys("a thon moi"), left(3));
        c.put_state(keys("a !thonx"), left(4));
        let found = c.longest_prefix(&keys("a thon moi x"));
        assert_eq!(found.map(|(n, s)| (n, s[0].0)), Some((3, 3)));
        assert!(c.longest_prefix(&keys("b thon")).is_none());
        let first = |s: Option<&Arc<Scored>>| s.map(|s| s[0].0);
        assert_eq!(
            first(c.shorter_keyword(&keys("a"), "thonxy", 3, |_| true)),
            Some(1)
        );
        assert_eq!(
            first(c.shorter_keyword(&keys("a"), "thon", 3, |_| true)),
            Some(2)
        );
        assert_eq!(
            first(c.shorter_keyword(&keys("a"), "thon", 4, |_| true)),
            None
        );
        assert_eq!(
            first(c.shorter_keyword(&keys("b"), "thonxy", 3, |_| true)),
            None
        );
        // What depends on the reading state goes when it changes.
        c.put_state(keys("is:read a"), left(5));
        c.put_final((keys("a is:r"), SortOrder::Newest), Arc::new(Vec::new()));
        c.forget_flags();
        assert!(c.state(&keys("is:read a")).is_none());
        assert!(c.final_hits(&(keys("a is:r"), SortOrder::Newest)).is_none());
        assert!(c.state(&keys("a thon")).is_some());
    }

    #[test]
    fn whole_queries_are_kept_by_their_clauses_and_order() {
        let mut c = Cache::default();
        let hits = |n: usize| {
            Arc::new(vec![Hit {
                article: n,
                score: 1,
            }])
        };
        let newest = (keys("nong thon"), SortOrder::Newest);
        c.put_final(newest.clone(), hits(1));
        c.put_final((keys("nong thon"), SortOrder::Title), hits(2));
        c.put_final(newest.clone(), hits(3));
        let article = |h: Option<Arc<Vec<Hit>>>| h.map(|h| h[0].article);
        // The same query in the same order: the hits kept last for it.
        assert_eq!(article(c.final_hits(&newest)), Some(3));
        assert_eq!(
            article(c.final_hits(&(keys("nong thon"), SortOrder::Title))),
            Some(2)
        );
        assert_eq!(
            article(c.final_hits(&(keys("nong thon"), SortOrder::Oldest))),
            None
        );
        assert_eq!(c.finals.len(), 2, "one entry a key");
    }

    #[test]
    fn the_cache_keeps_a_bounded_number_of_recent_entries() {
        let mut c = Cache::default();
        let one = || Arc::new(vec![(0, 0)]);
        let hit = || {
            Arc::new(vec![Hit {
                article: 0,
                score: 0,
            }])
        };
        for n in 0..CACHE_STATES + 5 {
            c.put_state(keys(&format!("w{n}")), one());
        }
        for n in 0..CACHE_FINALS + 5 {
            c.put_final((keys(&format!("w{n}")), SortOrder::Newest), hit());
        }
        assert_eq!(c.states.len(), CACHE_STATES);
        assert_eq!(c.finals.len(), CACHE_FINALS);
        // The oldest go first.
        assert!(c.state(&keys("w4")).is_none());
        assert!(c.state(&keys("w5")).is_some());
        assert!(c.final_hits(&(keys("w4"), SortOrder::Newest)).is_none());
        assert!(c.final_hits(&(keys("w5"), SortOrder::Newest)).is_some());
    }

    #[test]
    fn the_cache_is_bounded_by_the_articles_it_holds() {
        // Exactly at the bound: the articles of the states, plus two for
        // each hit of whole queries (an article and a score).
        let mut c = Cache::default();
        let articles = |n: usize| Arc::new((0..).take(n).map(|d| (d, 0)).collect::<Scored>());
        c.put_state(keys("a"), articles(1));
        c.put_state(keys("b"), articles(CACHE_ENTRIES - 3));
        let hit = Hit {
            article: 0,
            score: 0,
        };
        c.put_final((keys("b"), SortOrder::Newest), Arc::new(vec![hit]));
        assert_eq!(c.entries(), 3, "at the bound, nothing is dropped");
        // One more article: the oldest state goes.
        c.put_state(keys("c"), articles(1));
        assert!(c.state(&keys("a")).is_none());
        assert!(c.state(&keys("b")).is_some() && c.state(&keys("c")).is_some());
    }

    #[test]
    fn past_the_bound_whole_queries_go_before_states() {
        let mut c = Cache::default();
        let articles = |n: usize| Arc::new((0..).take(n).map(|d| (d, 0)).collect::<Scored>());
        let hit = || {
            Arc::new(vec![Hit {
                article: 0,
                score: 0,
            }])
        };
        let fin = |n: &str| (keys(n), SortOrder::Newest);
        c.put_state(keys("a"), articles(1));
        c.put_final(fin("f1"), hit());
        c.put_final(fin("f2"), hit());
        c.put_state(keys("b"), articles(CACHE_ENTRIES - 5));
        assert_eq!(c.entries(), 4, "at the bound, nothing is dropped");
        c.put_final(fin("f3"), hit());
        assert!(c.final_hits(&fin("f1")).is_none(), "the oldest query goes");
        assert!(c.state(&keys("a")).is_some(), "before any state");
        // The state of no clause (the engine's articles, shared) is not
        // counted.
        c.put_state(Vec::new(), articles(CACHE_ENTRIES));
        assert!(c.state(&keys("a")).is_some() && c.state(&[]).is_some());
    }

    #[test]
    fn past_the_bound_whole_queries_go_when_one_state_is_left() {
        let mut c = Cache::default();
        let hit = || {
            Arc::new(vec![Hit {
                article: 0,
                score: 0,
            }])
        };
        let articles: Scored = (0..).take(CACHE_ENTRIES - 4).map(|d| (d, 0)).collect();
        c.put_state(keys("a"), Arc::new(articles));
        let fin = |n: &str| (keys(n), SortOrder::Newest);
        c.put_final(fin("f1"), hit());
        c.put_final(fin("f2"), hit());
        assert_eq!(c.entries(), 3, "at the bound, nothing is dropped");
        c.put_final(fin("f3"), hit());
        assert!(c.final_hits(&fin("f1")).is_none(), "the oldest query goes");
        assert!(c.final_hits(&fin("f2")).is_some() && c.final_hits(&fin("f3")).is_some());
        assert!(c.state(&keys("a")).is_some(), "the last state stays");
    }

    #[test]
    fn the_last_state_and_the_last_query_stay_whatever_their_size() {
        let mut c = Cache::default();
        let articles: Scored = (0..).take(CACHE_ENTRIES).map(|d| (d, 0)).collect();
        c.put_state(keys("a"), Arc::new(articles));
        let hit = Hit {
            article: 0,
            score: 0,
        };
        c.put_final((keys("a"), SortOrder::Newest), Arc::new(vec![hit]));
        assert_eq!(c.entries(), 2);
    }
}
