//! Why a query found nothing: the term after which nothing was left, and
//! what the query finds without it ("without zzz: 240 articles"); for a
//! term that matches nothing by itself, that it does, and for a place no
//! article names, the places with the closest names.

use super::query::{Alt, Clause, ClauseKey, Hint, Query};
use super::{Engine, MarkSource, SortOrder};

/// How many of the closest place names are suggested.
const CLOSEST: usize = 3;

impl Engine {
    /// What the hints of a search say, beyond the query's own: how its
    /// keywords were searched, and, when it found nothing, why.
    pub(super) fn hints_on(
        &mut self,
        q: &Query,
        found_none: bool,
        marks: &dyn MarkSource,
    ) -> Vec<Hint> {
        let mut hints = super::forgive::hints(self, q);
        if found_none {
            hints.extend(self.why_nothing(q, marks));
        }
        hints
    }

    /// See the module documentation (none when the query has no term).
    fn why_nothing(&mut self, q: &Query, marks: &dyn MarkSource) -> Option<Hint> {
        // Only the clauses are evaluated (the text is for rewriting it).
        let only = |clauses: Vec<Clause>| Query {
            clauses,
            ..Query::default()
        };
        // The state after each leading run of terms is in the cache.
        let emptied = (0..q.clauses.len()).find(|&n| {
            let leading = only(q.clauses[..=n].to_vec());
            let keys: Vec<ClauseKey> = leading.clauses.iter().map(Clause::key).collect();
            self.evaluate(&leading, &keys).is_empty()
        })?;
        let clause = q.clauses.get(emptied)?;
        let term = clause.text.clone();
        // A negated term that leaves nothing by itself (every article has
        // the word) is better told by what the query finds without it.
        let alone = only(vec![clause.clone()]);
        if !clause.negated && self.run(&alone, SortOrder::Relevance, marks).is_empty() {
            return Some(match clause.alts.as_slice() {
                [Alt::Place(place)] => Hint::NoSuchPlace {
                    term,
                    closest: super::warm::place_names(&self.segs, &self.places)
                        .closest(place, CLOSEST),
                },
                [Alt::Keyword(w)] => Hint::InNoArticle {
                    term,
                    closest: super::store::terms::closest_words(&self.segs, &w.folded, CLOSEST)
                        .unwrap_or_default(),
                },
                _ => Hint::InNoArticle {
                    term,
                    closest: Vec::new(),
                },
            });
        }
        let mut without = q.clauses.clone();
        without.remove(emptied);
        let count = self.run(&only(without), SortOrder::Relevance, marks).len();
        Some(Hint::Without { term, count })
    }
}
