//! The reference engine's place filter: for every article, the names of
//! the places it is about (its own, up through the hierarchy and across
//! the 2025 reorganisation), with the articles about each name.
#![allow(
    clippy::cast_possible_truncation,
    reason = "article and place numbers are u32"
)]

use rustc_hash::FxHashMap;

use crate::gazetteer::{Era, Gazetteer, Level, UnitId};
use crate::model::Article;
use crate::search::places::PlaceNames;
use crate::search::query::PlaceTerm;

/// Place names and the articles about each.
#[derive(Debug, Default)]
pub struct PlaceIndex {
    names: PlaceNames,
    /// Per name, the articles (sorted).
    postings: Vec<Vec<u32>>,
}

/// The names an article with these places is about.
fn names_for(g: &Gazetteer, places: &[String]) -> Vec<String> {
    let mut units: Vec<UnitId> = Vec::new();
    for id in g.resolve(places).into_iter().flatten() {
        units.extend(g.related(id));
        if let Some(u) = g.unit(id)
            && u.era == Era::New
            && u.level == Level::Commune
        {
            for &old in g.came_from(id) {
                units.push(old);
                units.extend(g.ancestors(old));
            }
        }
    }
    units.sort_unstable();
    units.dedup();
    let mut names: Vec<String> = places.to_vec();
    names.extend(
        units
            .iter()
            .filter_map(|&u| g.unit(u))
            .map(|u| u.name.clone()),
    );
    names.sort();
    names.dedup();
    names
}

impl PlaceIndex {
    pub fn build(articles: &[Article], g: &Gazetteer) -> PlaceIndex {
        use rayon::prelude::*;
        // Many articles share a list of places: resolve each list once.
        let mut lists: FxHashMap<&[String], u32> = FxHashMap::default();
        let mut list_of_doc = Vec::with_capacity(articles.len());
        for a in articles {
            let next = lists.len() as u32;
            list_of_doc.push(*lists.entry(a.places.as_slice()).or_insert(next));
        }
        let mut distinct: Vec<(&[String], u32)> = lists.into_iter().collect();
        distinct.sort_by_key(|(_, i)| *i);
        let resolved: Vec<Vec<String>> = distinct
            .par_iter()
            .map(|(places, _)| names_for(g, places))
            .collect();

        let mut index = PlaceIndex::default();
        let list_keys: Vec<Vec<u32>> = resolved
            .iter()
            .map(|names| {
                let mut ids: Vec<u32> = names.iter().filter_map(|n| index.names.add(n)).collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect();
        index.postings = vec![Vec::new(); index.names.len()];
        for (doc, &list) in list_of_doc.iter().enumerate() {
            for &k in &list_keys[list as usize] {
                index.postings[k as usize].push(doc as u32);
            }
        }
        index
    }

    /// Articles about a place matching `term`, sorted (see
    /// [`PlaceNames::matching`]).
    pub fn matching(&self, term: &PlaceTerm) -> Vec<u32> {
        match self.names.matching(term, |keys| self.about(keys)) {
            Ok(docs) => docs,
            Err(never) => match never {},
        }
    }

    /// Articles about a place of exactly the name of `term`, sorted (see
    /// [`PlaceNames::named`]).
    pub fn named(&self, term: &PlaceTerm) -> Vec<u32> {
        match self.names.named(term, |keys| self.about(keys)) {
            Ok(docs) => docs,
            Err(never) => match never {},
        }
    }

    fn about(&self, keys: &[u32]) -> Result<Vec<u32>, std::convert::Infallible> {
        Ok(keys
            .iter()
            .filter_map(|&k| self.postings.get(k as usize))
            .flatten()
            .copied()
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::places::fuzzy_close;
    use crate::search::query::{Alt, parse};
    use fuzzy_matcher::skim::SkimMatcherV2;

    fn term(q: &str) -> PlaceTerm {
        match parse(q).clauses[0].alts.first() {
            Some(Alt::Place(p)) => p.clone(),
            other => panic!("{other:?}"),
        }
    }

    fn article(places: &[&str]) -> Article {
        Article {
            id: String::new(),
            title: "t".into(),
            date: None,
            month_only: false,
            time: None,
            places: places.iter().map(|s| s.to_string()).collect(),
            author: None,
            source: None,
            body: vec![],
        }
    }

    #[test]
    fn hierarchy_and_merger() {
        let arts = vec![
            article(&["Hương Mạc", "Từ Sơn"]),
            article(&["Thường Tín"]),
            article(&["Bắc Ninh", "Từ Sơn", "Đông Ngàn"]),
        ];
        let idx = PlaceIndex::build(&arts, Gazetteer::embedded());
        assert_eq!(idx.matching(&term("@tuson")), [0, 2]);
        assert_eq!(idx.matching(&term("@bacninh")), [0, 2]);
        assert_eq!(idx.matching(&term("@huongmac")), [0]);
        assert_eq!(idx.matching(&term("@hanoi")), [1]);
        assert_eq!(idx.matching(&term("@\"thị xã Từ Sơn\"")), [0, 2]);
        assert_eq!(idx.matching(&term("@\"TỪ SƠN\"")), [0, 2]);
        assert_eq!(idx.matching(&term("@\"Tú Sơn\"")), Vec::<u32>::new());
        assert_eq!(idx.matching(&term("@bacnnh")), [0, 2]);
        assert_eq!(idx.matching(&term("@bac")), [0, 2]);
    }

    #[test]
    fn a_whole_name_matches_that_place_only() {
        let arts = vec![
            article(&["Từ Sơn"]),
            article(&["Trúc Sơn"]),
            article(&["Thụy Sơn"]),
            article(&["Hương Mạc"]),
        ];
        let idx = PlaceIndex::build(&arts, Gazetteer::embedded());
        // Hương Mạc is inside Từ Sơn; Trúc Sơn and Thụy Sơn are near
        // names only.
        assert_eq!(idx.matching(&term("@tuson")), [0, 3]);
        assert_eq!(idx.matching(&term("@\"Từ Sơn\"")), [0, 3]);
        assert_eq!(idx.matching(&term("@\"tu son\"")), [0, 3]);
        assert_eq!(idx.matching(&term("@\"thị xã Từ Sơn\"")), [0, 3]);
        assert_eq!(idx.matching(&term("@\"thành phố Từ Sơn\"")), [0, 3]);
        assert_eq!(idx.matching(&term("@trucson")), [1]);
        // No place is called "tson": a letter left out still finds some.
        assert!(idx.matching(&term("@trcson")).contains(&1));
        // The start of a name still narrows step by step.
        let started = idx.matching(&term("@tu"));
        assert!(started.contains(&0) && !started.contains(&1), "{started:?}");
    }

    #[test]
    fn fuzzy_is_close_not_scattered() {
        let m = SkimMatcherV2::default();
        assert!(fuzzy_close(&m, "bac ninh", "bacnnh"));
        assert!(fuzzy_close(&m, "thuong tin", "thuongtn"));
        assert!(!fuzzy_close(&m, "ninh binh", "nbinh"));
        assert!(!fuzzy_close(&m, "hoang mai", "hanoi"));
    }
}
