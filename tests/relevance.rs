//! Known-item relevance on the relevance fixtures (tests/fixtures/relevance,
//! written for the purpose): each query is typed as a reader who
//! remembers one article would type it, without diacritics, with a
//! typing mistake, or with a place typed as words. `scripts/relevance.py`
//! runs the same queries, and tantivy's BM25 beside tintuc, on any set.

use std::path::PathBuf;

use serde::Deserialize;
use tintuc::load::{self, DataSource};
use tintuc::search::{Engine, SortOrder};

#[derive(Deserialize)]
struct KnownItem {
    id: String,
    set: String,
    query: String,
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/relevance")
        .join(name)
}

/// Per set: recall at 10 and mean reciprocal rank (within the first 10).
fn measured(set: &str) -> (f64, f64, Vec<String>) {
    let collection =
        load::load(&DataSource::Path(fixture("articles.json"))).expect("fixtures load");
    let mut engine = Engine::new(collection);
    let text = std::fs::read_to_string(fixture("queries.json")).expect("queries");
    let queries: Vec<KnownItem> = serde_json::from_str(&text).expect("queries parse");
    let chosen: Vec<&KnownItem> = queries.iter().filter(|q| q.set == set).collect();
    assert!(!chosen.is_empty(), "no queries in {set}");
    let (mut found, mut reciprocal, mut missed) = (0.0, 0.0, Vec::new());
    for q in &chosen {
        let hits = engine.search(&q.query, SortOrder::Relevance).hits;
        let ids: Vec<String> = hits
            .iter()
            .take(10)
            .filter_map(|h| engine.article_id(h.article))
            .collect();
        match ids.iter().position(|id| *id == q.id) {
            Some(at) => {
                found += 1.0;
                reciprocal += 1.0 / (at as f64 + 1.0);
            }
            None => missed.push(format!("{} ({}): {ids:?}", q.query, q.id)),
        }
    }
    let n = chosen.len() as f64;
    (found / n, reciprocal / n, missed)
}

#[test]
fn plain_keywords_without_diacritics_find_the_article_first() {
    let (recall, mrr, missed) = measured("plain");
    assert!(
        recall >= 1.0 && mrr >= 0.8,
        "recall {recall}, MRR {mrr}: {missed:?}"
    );
}

#[test]
fn one_typing_mistake_still_finds_the_article() {
    let (recall, mrr, missed) = measured("typo");
    assert!(
        recall >= 0.95 && mrr >= 0.6,
        "recall {recall}, MRR {mrr}: {missed:?}"
    );
}

#[test]
fn a_place_typed_as_words_finds_the_article() {
    let (recall, mrr, missed) = measured("place");
    assert!(
        recall >= 0.9 && mrr >= 0.6,
        "recall {recall}, MRR {mrr}: {missed:?}"
    );
}
