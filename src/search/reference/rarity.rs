//! The rarity rule's weights (see [`crate::search::rarity`]), found by
//! reading every article's words: what the index computes from its
//! postings, computed the plain way.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::Article;
use crate::search::query::{Word, words};
use crate::search::rarity::idf;
use crate::search::store::tokenizer::{split_term, term_text};
use crate::text::tone::exact_prefix;

/// The terms of a text's words, as the index writes them.
fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(|(_, w)| term_text(w))
}

/// Whether keyword `word` (a word start when `prefix`) matches `term`.
fn matches(word: &Word, prefix: bool, term: &str) -> bool {
    let (folded, exact) = split_term(term);
    let folded_ok = if prefix {
        folded.starts_with(word.folded.as_str())
    } else {
        folded == word.folded
    };
    folded_ok
        && word.exact.as_deref().is_none_or(|typed| {
            if prefix {
                exact_prefix(exact, typed)
            } else {
                exact == typed
            }
        })
}

/// The weight of each article of `docs` (numbers into `articles`).
pub fn weights(
    articles: &[Article],
    clauses: &[Vec<(Word, bool)>],
    docs: &[u32],
) -> FxHashMap<u32, f64> {
    // How many bodies hold each term.
    let mut df: FxHashMap<String, u64> = FxHashMap::default();
    for a in articles {
        let held: FxHashSet<String> = a.body.iter().flat_map(|p| terms(&p.text)).collect();
        for t in held {
            *df.entry(t).or_default() += 1;
        }
    }
    let live = articles.len() as u64;
    let mut out: FxHashMap<u32, f64> = FxHashMap::default();
    for &d in docs {
        let Some(a) = articles.get(d as usize) else {
            continue;
        };
        let held: FxHashSet<String> = std::iter::once(a.title.as_str())
            .chain(a.body.iter().map(|p| p.text.as_str()))
            .flat_map(terms)
            .collect();
        let mut total = 0.0;
        let mut any = false;
        for clause in clauses {
            let best = held
                .iter()
                .filter(|t| clause.iter().any(|(w, prefix)| matches(w, *prefix, t)))
                .map(|t| idf(df.get(t).copied().unwrap_or(0), live))
                .max_by(f64::total_cmp);
            if let Some(w) = best {
                total += w;
                any = true;
            }
        }
        if any {
            out.insert(d, total);
        }
    }
    out
}
