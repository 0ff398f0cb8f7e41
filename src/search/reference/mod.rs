//! The engine before the tantivy index, kept to judge it: a word index in
//! memory (sorted vocabulary, posting lists, each article's words), a
//! place index, and clause-by-clause evaluation without any cache. The
//! tests run both engines on the same articles and the same queries and
//! compare what they find, piece by piece and whole.

pub mod eval;
pub mod index;
pub mod places;
mod rarity;
#[cfg(test)]
mod tests;

use std::sync::{Mutex, OnceLock};

use rustc_hash::FxHashMap;

use super::query::ClauseKey;
use super::score::PLACE_READ;
use super::{Hit, Scored, SortOrder, day_number, highlight, marks, parse, permutation};
use crate::gazetteer::Gazetteer;
use crate::model::Article;

/// See the module documentation.
#[derive(Debug)]
pub struct Reference {
    articles: Vec<Article>,
    pub(in crate::search) index: index::Index,
    pub(in crate::search) places: places::PlaceIndex,
    pub(in crate::search) days: Vec<Option<i32>>,
    pub(in crate::search) months_only: Vec<bool>,
    pub(in crate::search) marked: marks::Marked,
    pub(in crate::search) newest: (Vec<u32>, Vec<u32>),
    pub(in crate::search) oldest: (Vec<u32>, Vec<u32>),
    title_order: OnceLock<(Vec<u32>, Vec<u32>)>,
    pub(in crate::search) adjacent: Mutex<FxHashMap<[ClauseKey; 2], FxHashMap<u32, u32>>>,
}

impl Reference {
    pub fn new(articles: Vec<Article>) -> Reference {
        let index = index::Index::build_counting(&articles, None);
        let places = places::PlaceIndex::build(&articles, Gazetteer::embedded());
        let days: Vec<Option<i32>> = articles.iter().map(|a| a.date.map(day_number)).collect();
        let newest = permutation(days.len(), |a, b| {
            (days[a].is_none(), std::cmp::Reverse(days[a]), a).cmp(&(
                days[b].is_none(),
                std::cmp::Reverse(days[b]),
                b,
            ))
        });
        let oldest = permutation(days.len(), |a, b| {
            (days[a].is_none(), days[a], a).cmp(&(days[b].is_none(), days[b], b))
        });
        let months_only = articles.iter().map(|a| a.month_only).collect();
        Reference {
            articles,
            index,
            places,
            days,
            months_only,
            marked: marks::Marked::default(),
            newest,
            oldest,
            title_order: OnceLock::new(),
            adjacent: Mutex::new(FxHashMap::default()),
        }
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The hits of `query`, evaluated from scratch.
    pub fn search(&self, query: &str, sort: SortOrder) -> Vec<Hit> {
        let q = parse(query);
        let mut state: Scored = (0..).zip(&self.articles).map(|(d, _)| (d, 0)).collect();
        for c in &q.clauses {
            state = eval::clause(self, c, &state);
        }
        for reading in &q.places_read {
            let about = self.places.named(&reading.term);
            for (d, s) in &mut state {
                if about.binary_search(d).is_ok() {
                    *s = s.saturating_add(PLACE_READ);
                }
            }
        }
        let mut hits = eval::rank(self, &q, &state, sort);
        if sort == SortOrder::Relevance {
            if let Some(near) = q.near_day() {
                crate::search::sorting::nearest_first(&mut hits, &self.days, day_number(near));
            }
            let clauses = crate::search::rarity::keywords(&q, |w| {
                crate::search::forgive::searched(w, true, true, |w| eval::starts_any(self, w))
                    .folded
            });
            if !clauses.is_empty() {
                crate::search::rarity::rarest_first(&mut hits, |tied| {
                    rarity::weights(&self.articles, &clauses, tied)
                });
            }
        }
        hits
    }

    /// Articles in Vietnamese title order.
    pub fn title_order(&self) -> &(Vec<u32>, Vec<u32>) {
        self.title_order.get_or_init(|| {
            let keys: Vec<Vec<u32>> = self
                .articles
                .iter()
                .map(|a| highlight::collation_key(&a.title))
                .collect();
            permutation(keys.len(), |a, b| keys[a].cmp(&keys[b]).then(a.cmp(&b)))
        })
    }
}
