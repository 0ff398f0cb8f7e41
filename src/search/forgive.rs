//! What each keyword of a query is searched as: as typed, or without
//! diacritics that start no word of the collection; and the typos it
//! forgives (see [`super::typo`]). The evaluation, the highlights and the
//! hints all ask here, so they agree.

use super::query::{Alt, Hint, Query, Word};
use super::store::keyword::starts_any;
use super::{Engine, typo};

/// What a keyword is searched as: the word itself, or, typed with
/// diacritics that start no word of the collection, its folded form
/// (`None` when it is the word itself); and the edits it forgives.
pub(super) fn searched_as(e: &Engine, w: &Word) -> (Option<Word>, u8) {
    let starts_nothing = |w: &Word| !starts_any(&e.segs, w).unwrap_or(true);
    let folded = (w.exact.is_some() && starts_nothing(w)).then(|| Word::folded(&w.folded));
    let searched = folded.as_ref().unwrap_or(w);
    let budget = if e.forgives_typos {
        typo::budget(searched, || starts_nothing(searched))
    } else {
        0
    };
    (folded, budget)
}

/// What each keyword of `query` is searched as, and the typos it
/// forgives (negated ones forgive none): looked up once per query.
pub(super) fn forgiving(e: &Engine, query: &Query) -> impl Fn(&Word) -> (Option<Word>, u8) + use<> {
    let found: Vec<(Word, (Option<Word>, u8))> = keywords(query)
        .map(|w| (w.clone(), searched_as(e, w)))
        .collect();
    move |w: &Word| {
        found
            .iter()
            .find(|(k, _)| k == w)
            .map_or((None, 0), |(_, f)| f.clone())
    }
}

/// The hints for keywords searched without the diacritics typed.
pub(super) fn without_marks(e: &Engine, query: &Query) -> Vec<Hint> {
    keywords(query)
        .filter_map(|w| {
            searched_as(e, w).0.map(|f| Hint::WithoutMarks {
                term: w.key().to_owned(),
                folded: f.folded,
            })
        })
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
