//! The place filter over the tantivy index: the names of every place the
//! index holds a path for (the gazetteer's units, and names as given),
//! each found through the facet terms that carry it.

use std::collections::HashMap;
use std::io;
use std::sync::OnceLock;

use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DocSet, TERMINATED, Term};

use super::document::{NAMED, NEW, OLD, unit_path};
use super::segments::Segments;
use crate::gazetteer::{Gazetteer, UnitId};
use crate::search::places::PlaceNames;
use crate::search::query::PlaceTerm;

/// Every unit by its path.
fn units_by_path(g: &Gazetteer) -> &'static HashMap<String, UnitId> {
    static UNITS: OnceLock<HashMap<String, UnitId>> = OnceLock::new();
    UNITS.get_or_init(|| {
        g.units()
            .iter()
            .filter_map(|u| Some((unit_path(g, u.id)?.encoded_str().to_owned(), u.id)))
            .collect()
    })
}

/// See the module documentation.
#[derive(Debug, Default)]
pub struct Places {
    names: PlaceNames,
    /// Per name, the facet terms (encoded) of the places so named.
    facets: Vec<Vec<String>>,
}

impl Places {
    /// The names of the places in every segment of `segs`.
    pub fn build(segs: &Segments, g: &Gazetteer) -> io::Result<Places> {
        let units = units_by_path(g);
        let mut places = Places::default();
        let mut seen: std::collections::HashSet<Vec<u8>> = std::collections::HashSet::new();
        for (_, seg) in segs.iter() {
            let inverted = seg
                .inverted_index(segs.fields.place)
                .map_err(io::Error::other)?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                let key = stream.key();
                if !seen.insert(key.to_vec()) {
                    continue;
                }
                let Ok(facet) = Facet::from_encoded(key.to_vec()) else {
                    continue;
                };
                let path = facet.to_path();
                let name = match path.as_slice() {
                    [NAMED, name] => Some((*name).to_owned()),
                    [OLD | NEW, _, ..] => units
                        .get(facet.encoded_str())
                        .and_then(|&u| g.unit(u))
                        .map(|u| u.name.clone()),
                    _ => None,
                };
                let Some(id) = name.and_then(|n| places.names.add(&n)) else {
                    continue;
                };
                let id = id as usize;
                if places.facets.len() <= id {
                    places.facets.resize(id + 1, Vec::new());
                }
                if let Some(f) = places.facets.get_mut(id) {
                    f.push(facet.encoded_str().to_owned());
                }
            }
        }
        Ok(places)
    }

    /// The names of the `n` places closest to `term` (see
    /// [`PlaceNames::closest`]).
    pub fn closest(&self, term: &PlaceTerm, n: usize) -> Vec<String> {
        self.names.closest(term, n)
    }

    /// The articles (sorted) about a place `term` matches.
    pub fn matching(&self, segs: &Segments, term: &PlaceTerm) -> io::Result<Vec<u32>> {
        self.names.matching(term, |keys| self.about(segs, keys))
    }

    /// The articles (sorted) about a place named exactly as `term` says.
    pub fn named(&self, segs: &Segments, term: &PlaceTerm) -> io::Result<Vec<u32>> {
        self.names.named(term, |keys| self.about(segs, keys))
    }

    /// The articles about the places of some names (numbers of names).
    fn about(&self, segs: &Segments, keys: &[u32]) -> io::Result<Vec<u32>> {
        let mut facets: Vec<&String> = keys
            .iter()
            .filter_map(|&k| self.facets.get(k as usize))
            .flatten()
            .collect();
        facets.sort_unstable();
        facets.dedup();
        // Each facet's term made once, for every segment.
        let mut terms = Vec::with_capacity(facets.len());
        for f in facets {
            let facet = Facet::from_encoded(f.as_bytes().to_vec()).map_err(io::Error::other)?;
            terms.push(Term::from_facet(segs.fields.place, &facet));
        }
        let mut out = Vec::new();
        for (numbers, seg) in segs.iter() {
            let inverted = seg
                .inverted_index(segs.fields.place)
                .map_err(io::Error::other)?;
            for term in &terms {
                let Some(mut postings) = inverted.read_postings(term, IndexRecordOption::Basic)?
                else {
                    continue;
                };
                while postings.doc() != TERMINATED {
                    let d = postings.doc();
                    if !seg.is_deleted(d) {
                        out.push(numbers.start + d);
                    }
                    postings.advance();
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
