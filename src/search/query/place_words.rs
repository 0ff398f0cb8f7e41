//! Keywords that spell a place of the gazetteer: `thuong tin`, `tu son`,
//! `huyen thuong tin`, or run together, `thuongtin`.
//!
//! A reader who types a place's name as words means the place: the
//! articles about it (see [`PlaceReading`]) rank first among those the
//! words find. A name run together also finds the name written as words,
//! in the body as in the title, the way `"thuong tin"` would.
//!
//! Only names of two words or more are read: a one-word name (`hue`,
//! `vinh`) is too often a plain word to be taken for a place.

use std::ops::Range;

use super::clause::{Alt, Clause, PlaceTerm, Word};
use super::term::parse_place;
use super::tokens::words;
use crate::gazetteer::{Gazetteer, TYPE_WORDS};
use crate::text::has_diacritics;

/// The most keywords a place name with its type word is typed as
/// ("thanh pho ho chi minh").
const LONGEST: usize = 6;

/// Consecutive keywords read as a place.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlaceReading {
    /// The clauses (positions in [`super::Query::clauses`]) whose words
    /// spell the place.
    pub clauses: Range<usize>,
    /// The words as typed, for the status line.
    pub typed: String,
    /// The place as `@` would look it up, by its whole name only.
    pub term: PlaceTerm,
    /// The names of the places so spelled, as the gazetteer writes them
    /// ("Từ Sơn", "Tú Sơn" for `tu son`).
    pub names: Vec<String>,
}

/// The places that runs of keywords in `clauses` spell, longest run
/// first at each position, runs never overlapping; a keyword run
/// together gets its name as words as an alternative.
pub fn read(clauses: &mut [Clause]) -> Vec<PlaceReading> {
    let gazetteer = Gazetteer::embedded();
    let mut out = Vec::new();
    let mut at = 0;
    while at < clauses.len() {
        let longest = (clauses.len() - at).min(LONGEST);
        let found = (1..=longest).rev().find_map(|n| {
            let run = &clauses[at..at + n];
            let typed: Vec<&str> = run
                .iter()
                .map(|c| c.plain_keyword().map(|_| c.text.as_str()))
                .collect::<Option<_>>()?;
            let typed = typed.join(" ");
            let names = if n == 1 {
                run_together(gazetteer, &typed)
            } else {
                spelled(gazetteer, &typed)
            };
            (!names.is_empty()).then_some((n, typed, names))
        });
        let Some((n, typed, names)) = found else {
            at += 1;
            continue;
        };
        // Typed with diacritics, the names found are those typed: looked
        // up by the first, without the type word run into it.
        let looked_up = if has_diacritics(&typed) {
            names[0].as_str()
        } else {
            typed.as_str()
        };
        let Some(Alt::Place(term)) = parse_place(looked_up) else {
            at += n;
            continue;
        };
        if n == 1
            && let Some(clause) = clauses.get_mut(at)
        {
            for name in &names {
                let alt = Alt::PlaceName {
                    term: term.clone(),
                    words: as_words(name),
                };
                if !clause.alts.contains(&alt) {
                    clause.alts.push(alt);
                }
            }
        }
        out.push(PlaceReading {
            clauses: at..at + n,
            typed,
            term,
            names,
        });
        at += n;
    }
    out
}

/// The names of places of two words or more that `typed` (words
/// separated by spaces) names, with or without a type word before it.
fn spelled(gazetteer: &Gazetteer, typed: &str) -> Vec<String> {
    if words(crate::gazetteer::strip_type_word(typed)).count() < 2 {
        return Vec::new();
    }
    names_of(gazetteer, gazetteer.lookup(typed).into_iter(), |_| true)
}

/// Distinct names of two words or more among `units` that `keep` keeps.
fn names_of(
    gazetteer: &Gazetteer,
    units: impl Iterator<Item = crate::gazetteer::UnitId>,
    keep: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for unit in units.filter_map(|id| gazetteer.unit(id)) {
        if words(&unit.name).count() >= 2 && keep(&unit.name) && !names.contains(&unit.name) {
            names.push(unit.name.clone());
        }
    }
    names
}

/// The names of places of two words or more that one word spells run
/// together (`thuongtin`, `huyenthuongtin`).
fn run_together(gazetteer: &Gazetteer, typed: &str) -> Vec<String> {
    let key = crate::gazetteer::place_key(typed);
    let mut keys = vec![key.clone()];
    for tw in TYPE_WORDS {
        let tw: String = tw.chars().filter(|c| *c != ' ').collect();
        if let Some(rest) = key.strip_prefix(tw.as_str())
            && !rest.is_empty()
        {
            keys.push(rest.to_string());
        }
    }
    let exact = has_diacritics(typed).then(|| super::term::exact_place_key(typed));
    let units = keys.iter().flat_map(|k| gazetteer.by_key(k)).copied();
    names_of(gazetteer, units, |name| {
        exact
            .as_ref()
            .is_none_or(|e| e.ends_with(&super::term::exact_place_key(name)))
    })
}

/// The name's words, with their diacritics: a reader who runs a place's
/// name together means the place ("thương tin" is other words), and the
/// name's own words are read much faster than every word they fold to.
/// Each with its exact form, even one without marks: the index finds a
/// name as written (see [`crate::search::store::names`]).
fn as_words(name: &str) -> Vec<Word> {
    words(name)
        .map(|(_, w)| Word {
            exact: Some(super::clause::exact_form(w)),
            ..Word::new(w)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    /// Where each reading is, and the first name read.
    fn readings(q: &str) -> Vec<(Range<usize>, String)> {
        parse(q)
            .places_read
            .into_iter()
            .map(|r| (r.clauses, r.names[0].clone()))
            .collect()
    }

    #[test]
    fn consecutive_keywords_naming_a_place_are_read_as_it() {
        assert_eq!(readings("thuong tin"), [(0..2, "Thường Tín".to_string())]);
        assert_eq!(readings("lu lut tu son"), [(2..4, "Từ Sơn".to_string())]);
        assert_eq!(
            readings("huyen thuong tin"),
            [(0..3, "Thường Tín".to_string())]
        );
        assert_eq!(readings("Bắc Ninh"), [(0..2, "Bắc Ninh".to_string())]);
    }

    #[test]
    fn what_is_not_a_whole_name_of_two_words_is_not_read() {
        // A name being typed, a one-word name, diacritics that differ,
        // words split by a filter or made other than keywords.
        for q in [
            "thuong ti",
            "hue",
            "tinh hue",
            "thướng tín",
            "thuong #2020 tin",
            "thuong 'tin",
            "!thuong tin",
            "\"thuong tin\"",
        ] {
            assert_eq!(readings(q), [], "{q}");
        }
    }

    #[test]
    fn a_name_run_together_is_read_and_found_as_words() {
        let q = parse("thuongtin");
        assert_eq!(q.places_read.len(), 1);
        assert_eq!(q.places_read[0].names, ["Thường Tín"]);
        let words = |a: &Alt| match a {
            Alt::PlaceName { words, .. } => Some(words.clone()),
            _ => None,
        };
        let thuongtin = vec![Word::new("thường"), Word::new("tín")];
        assert_eq!(
            q.clauses[0].alts.iter().find_map(words),
            Some(thuongtin.clone())
        );
        let typed = parse("huyệnthườngtín");
        assert_eq!(typed.places_read.len(), 1);
        assert_eq!(
            typed.clauses[0].alts.iter().find_map(words),
            Some(thuongtin)
        );
        assert_eq!(parse("thuongti").places_read, []);
    }
}
