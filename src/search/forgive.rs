//! What each keyword of a query is searched as: as typed, or without
//! diacritics that start no word of the collection; the typos it forgives
//! (see [`super::typo`]); and the Vietnamese it spells in Telex or VNI
//! (see [`super::telex`]). The evaluation, the highlights and the hints
//! all ask here, so they agree; the reference engine asks the same with
//! its own index.

use super::query::{Alt, Hint, Query, Word};
use super::store::keyword::starts_any;
use super::{Engine, telex, typo};

/// How one keyword is searched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Searched {
    /// Typed with diacritics that start no word: its folded form, searched
    /// instead.
    pub folded: Option<Word>,
    /// The edits forgiven.
    pub budget: u8,
    /// The Vietnamese it spells in Telex or VNI, when that starts a word.
    pub reading: Option<Word>,
}

/// How `w` is searched, where `starts_any` says whether a word starts a
/// word of the collection; `typos` and `readings` say whether typos are
/// forgiven and Telex and VNI read.
pub fn searched(
    w: &Word,
    typos: bool,
    readings: bool,
    starts_any: impl Fn(&Word) -> bool,
) -> Searched {
    let folded = (w.exact.is_some() && !starts_any(w)).then(|| Word::folded(&w.folded));
    let word = folded.as_ref().unwrap_or(w);
    let budget = if typos {
        typo::budget(word, || !starts_any(word))
    } else {
        0
    };
    let reading = if readings {
        telex::reading(word).filter(|r| starts_any(r))
    } else {
        None
    };
    Searched {
        folded,
        budget,
        reading,
    }
}

impl Engine {
    /// Whether keywords forgive typos (they do unless told): matches
    /// found as typed are the same either way, and rank first.
    pub fn forgive_typos(&mut self, forgive: bool) {
        if forgive != self.forgives_typos {
            self.forgives_typos = forgive;
            self.clear_cache();
        }
    }

    /// Whether keywords typed in Telex or VNI are also searched as the
    /// Vietnamese they spell (they are unless told).
    pub fn read_telex(&mut self, read: bool) {
        if read != self.reads_telex {
            self.reads_telex = read;
            self.clear_cache();
        }
    }
}

/// How many keywords' answers the engine keeps: more than a session types.
const REMEMBERED: usize = 4096;

/// How `w` is searched in the engine's collection (remembered: the
/// collection of an engine does not change).
pub(super) fn searched_as(e: &Engine, w: &Word) -> Searched {
    let mut known = e.searched.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(how) = known.get(w) {
        return how.clone();
    }
    let how = searched(w, e.forgives_typos, e.reads_telex, |w| {
        // An index that cannot be read: taken as typed.
        starts_any(&e.segs, w).unwrap_or(true)
    });
    if known.len() >= REMEMBERED {
        known.clear();
    }
    known.insert(w.clone(), how.clone());
    how
}

/// How each keyword of `query` is searched (negated ones as typed):
/// looked up once per query.
pub(super) fn forgiving(e: &Engine, query: &Query) -> impl Fn(&Word) -> Searched + use<> {
    let found: Vec<(Word, Searched)> = keywords(query)
        .map(|w| (w.clone(), searched_as(e, w)))
        .collect();
    move |w: &Word| {
        found
            .iter()
            .find(|(k, _)| k == w)
            .map_or_else(Searched::default, |(_, f)| f.clone())
    }
}

/// The hints on how keywords were searched: without the diacritics
/// typed, and as the Vietnamese their Telex or VNI spells (one hint for
/// them all: `tuwf sown → từ sơn`).
pub(super) fn hints(e: &Engine, query: &Query) -> Vec<Hint> {
    let mut out = Vec::new();
    let (mut typed, mut read) = (Vec::new(), Vec::new());
    for w in keywords(query) {
        let how = searched_as(e, w);
        if let Some(f) = how.folded {
            out.push(Hint::WithoutMarks {
                term: w.key().to_owned(),
                folded: f.folded,
            });
        }
        if let Some(r) = how.reading {
            typed.push(w.key().to_owned());
            read.push(r.key().to_owned());
        }
    }
    if !typed.is_empty() {
        out.push(Hint::Reading {
            typed: typed.join(" "),
            read: read.join(" "),
        });
    }
    for reading in &query.places_read {
        let names = names_about(e, reading);
        if !names.is_empty() {
            out.push(Hint::AsPlace {
                typed: reading.typed.clone(),
                names,
            });
        }
    }
    out
}

/// The names of the places keywords spell that some article is about.
pub(super) fn names_about(e: &Engine, reading: &crate::search::query::PlaceReading) -> Vec<String> {
    reading
        .names
        .iter()
        .filter(|name| {
            crate::search::query::place_named(name)
                .and_then(|t| e.place_articles_named(&t).ok())
                .is_some_and(|about| !about.is_empty())
        })
        .cloned()
        .collect()
}

/// The keywords of the clauses not negated.
fn keywords(query: &Query) -> impl Iterator<Item = &Word> {
    query
        .clauses
        .iter()
        .filter(|c| !c.negated)
        .flat_map(|c| c.alts.iter())
        .filter_map(|a| match a {
            Alt::Keyword(w) => Some(w),
            _ => None,
        })
}
