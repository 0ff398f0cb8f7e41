//! The place filter: for every article, the places a reader would say it
//! is about, from its own place names up through the hierarchy and across
//! the 2025 reorganisation, computed once when the collection is indexed.
//!
//! An article about Hương Mạc (old commune of Từ Sơn, Bắc Ninh) is about
//! Hương Mạc, Từ Sơn and Bắc Ninh, and about the new ward it became part
//! of (phường Từ Sơn) and the new province. An article about the new
//! phường Từ Sơn is also about the four old wards it was made from.
#![allow(
    clippy::cast_possible_truncation,
    reason = "article and place numbers are u32: a collection file is at most 4 GB, \
              the gazetteer holds some fourteen thousand units"
)]

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rustc_hash::FxHashMap;

use crate::gazetteer::{place_key, strip_type_word};
use crate::search::query::{PlaceTerm, exact_place_key};
use crate::text::fold_str;

/// One place name that occurs in the collection.
#[derive(Debug)]
struct PlaceKey {
    /// As named: "Từ Sơn".
    name: String,
    /// Folded, letters and digits only: "tuson".
    key: String,
    /// Folded with spaces: "tu son", for fuzzy matching.
    spaced: String,
    /// Exact form (lowercase, canonical tones), letters and digits only.
    exact: String,
    /// `key` and `exact` without a leading type word ("thị xã").
    bare_key: String,
    bare_exact: String,
}

/// Place names, and which of them a place term means.
#[derive(Debug, Default)]
pub struct PlaceNames {
    keys: Vec<PlaceKey>,
    /// Key number by exact form, while names are added.
    numbers: FxHashMap<String, u32>,
    /// The keys by whole name: exact forms (with and without a type
    /// word), and folded ones.
    by_exact: FxHashMap<String, Vec<u32>>,
    by_folded: FxHashMap<String, Vec<u32>>,
}

impl PlaceNames {
    /// The number of name `n` (its exact form), added if new; `None` for
    /// a name without a letter or digit.
    pub fn add(&mut self, n: &str) -> Option<u32> {
        if place_key(n).is_empty() {
            return None;
        }
        let exact = exact_place_key(n);
        let next = self.keys.len() as u32;
        let id = *self.numbers.entry(exact.clone()).or_insert(next);
        if id == next {
            let bare = strip_type_word(n);
            let key = PlaceKey {
                name: n.to_owned(),
                key: place_key(n),
                spaced: fold_str(n),
                exact,
                bare_key: place_key(bare),
                bare_exact: exact_place_key(bare),
            };
            for (map, a, b) in [
                (&mut self.by_exact, &key.exact, &key.bare_exact),
                (&mut self.by_folded, &key.key, &key.bare_key),
            ] {
                map.entry(a.clone()).or_default().push(id);
                if b != a {
                    map.entry(b.clone()).or_default().push(id);
                }
            }
            self.keys.push(key);
        }
        Some(id)
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The articles (sorted) about a place `term` matches, `docs_of`
    /// giving those of some names. A name given in full matches that
    /// place only (and what is inside it); the start of a name, or one
    /// with letters left out, widens only when no place has exactly that
    /// name.
    pub fn matching<E>(
        &self,
        term: &PlaceTerm,
        mut docs_of: impl FnMut(&[u32]) -> Result<Vec<u32>, E>,
    ) -> Result<Vec<u32>, E> {
        let mut out = self.named(term, &mut docs_of)?;
        if out.is_empty() {
            let matcher = SkimMatcherV2::default();
            let near: Vec<u32> = (0..)
                .zip(&self.keys)
                .filter(|(_, k)| key_matches(&matcher, k, term))
                .map(|(id, _)| id)
                .collect();
            out = docs_of(&near)?;
        }
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    /// The articles (sorted) about a place with exactly the name of
    /// `term` (and what is inside it): [`PlaceNames::matching`] without
    /// widening to names it only starts.
    pub fn named<E>(
        &self,
        term: &PlaceTerm,
        mut docs_of: impl FnMut(&[u32]) -> Result<Vec<u32>, E>,
    ) -> Result<Vec<u32>, E> {
        let (map, names) = match &term.exact {
            Some(exact) => (&self.by_exact, exact),
            None => (&self.by_folded, &term.keys),
        };
        let mut exact: Vec<u32> = names
            .iter()
            .filter_map(|n| map.get(n))
            .flatten()
            .copied()
            .collect();
        exact.sort_unstable();
        exact.dedup();
        let mut out = docs_of(&exact)?;
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }
}

impl PlaceNames {
    /// The names of the `n` places whose names are closest to `term`
    /// (fewest edits between folded names, with or without their type
    /// word; then in alphabetical order): what to suggest when no place
    /// has the name.
    pub fn closest(&self, term: &PlaceTerm, n: usize) -> Vec<String> {
        let mut scored: Vec<(usize, &str)> = self
            .keys
            .iter()
            .map(|k| {
                let edits = term
                    .keys
                    .iter()
                    .flat_map(|t| [&k.key, &k.bare_key].map(|key| strsim::osa_distance(t, key)))
                    .min()
                    .unwrap_or(usize::MAX);
                (edits, k.name.as_str())
            })
            .collect();
        scored.sort_unstable();
        let mut names: Vec<String> = Vec::with_capacity(n);
        for (_, name) in scored {
            if names.len() == n {
                break;
            }
            if !names.iter().any(|known| known == name) {
                names.push(name.to_owned());
            }
        }
        names
    }
}

/// Whether a place name matches the typed term: its start (so typing
/// narrows step by step), or fuzzily for longer terms (letters left out);
/// with diacritics typed, they must agree.
fn key_matches(matcher: &SkimMatcherV2, k: &PlaceKey, term: &PlaceTerm) -> bool {
    if let Some(exact) = &term.exact {
        return exact.iter().any(|e| k.exact.starts_with(e.as_str()));
    }
    term.keys.iter().any(|t| {
        k.key.starts_with(t.as_str()) || (t.len() >= 5 && fuzzy_close(matcher, &k.spaced, t))
    })
}

/// A fuzzy match that is close: the name has at most two letters more
/// than the term, and fuzzy-matcher finds the term in it in order, in
/// few pieces.
pub fn fuzzy_close(matcher: &SkimMatcherV2, spaced: &str, term: &str) -> bool {
    let letters = spaced.bytes().filter(|b| *b != b' ').count();
    if letters > term.len() + 2 || letters < term.len() {
        return false;
    }
    let Some((_, indices)) = matcher.fuzzy_indices(spaced, term) else {
        return false;
    };
    // Pieces: runs of consecutive matched characters (a space between
    // two matched characters does not break a run).
    let chars: Vec<char> = spaced.chars().collect();
    let mut pieces = 1;
    for w in indices.windows(2) {
        let gap = &chars[w[0] + 1..w[1]];
        if !gap.iter().all(|c| *c == ' ') {
            pieces += 1;
        }
    }
    indices.first() == Some(&0) && pieces <= 3
}

#[cfg(test)]
mod fuzzy_tests {
    use super::*;

    #[test]
    fn close_means_from_the_start_and_at_most_two_letters_more() {
        let m = SkimMatcherV2::default();
        assert!(fuzzy_close(&m, "bac ninh", "bacninh"));
        assert!(fuzzy_close(&m, "bac ninh", "bacnh"));
        assert!(!fuzzy_close(&m, "bac ninh", "bach"));
        // Spaces between the letters found do not part them.
        assert!(fuzzy_close(&m, "a b c d e", "abcde"));
        // The name must start with the term's first letter.
        assert!(!fuzzy_close(&m, "x bac ninh", "bacninh"));
    }
}
