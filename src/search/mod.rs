//! The search engine: one query line narrows a collection by keyword,
//! place and date. The browser and `tintuc search` use the same engine.

use std::ops::Range;

use crate::model::{Article, Collection};
use crate::text::fold;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Keyword relevance, then newest first; newest first without keywords.
    #[default]
    Relevance,
    Newest,
    Oldest,
    /// Title in Vietnamese alphabetical order.
    Title,
}

impl SortOrder {
    pub const ALL: [SortOrder; 4] = [
        SortOrder::Relevance,
        SortOrder::Newest,
        SortOrder::Oldest,
        SortOrder::Title,
    ];

    pub fn next(self) -> SortOrder {
        let i = Self::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// One matching article.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into the collection's articles.
    pub article: usize,
    pub score: i64,
}

/// Where a query matches inside one article, as byte ranges of the
/// original (unfolded) text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    pub title: Vec<Range<usize>>,
    /// (paragraph index, byte range in that paragraph's text)
    pub body: Vec<(usize, Range<usize>)>,
}

/// The outcome of one query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Terms that cannot mean anything ("#2020-13"), explained.
    pub hints: Vec<String>,
    /// The place filters in force, as typed (for the status bar).
    pub places: Vec<String>,
    /// The date filters in force, as typed.
    pub dates: Vec<String>,
}

/// The search engine over one collection.
#[derive(Debug)]
pub struct Engine {
    collection: Collection,
}

impl Engine {
    pub fn new(collection: Collection) -> Engine {
        Engine { collection }
    }

    pub fn collection(&self) -> &Collection {
        &self.collection
    }

    pub fn articles(&self) -> &[Article] {
        &self.collection.articles
    }

    /// Runs a query. Called on every keystroke: it reuses what it can from
    /// the previous call.
    pub fn search(&mut self, query: &str, sort: SortOrder) -> Results {
        let words: Vec<String> = fold(query)
            .text
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let mut hits: Vec<Hit> = self
            .collection
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                let hay = fold(&format!("{} {}", a.title, body_text(a))).text;
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .map(|(i, _)| Hit {
                article: i,
                score: 0,
            })
            .collect();
        let articles = &self.collection.articles;
        match sort {
            SortOrder::Relevance | SortOrder::Newest => {
                hits.sort_by(|a, b| articles[b.article].date.cmp(&articles[a.article].date))
            }
            SortOrder::Oldest => {
                hits.sort_by(|a, b| articles[a.article].date.cmp(&articles[b.article].date))
            }
            SortOrder::Title => {
                hits.sort_by(|a, b| articles[a.article].title.cmp(&articles[b.article].title))
            }
        }
        Results {
            hits,
            ..Results::default()
        }
    }

    /// Where `query` matches in article `article`, for highlighting.
    pub fn matches(&self, article: usize, query: &str) -> Matches {
        let Some(a) = self.collection.articles.get(article) else {
            return Matches::default();
        };
        let words: Vec<String> = fold(query)
            .text
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let find = |text: &str| -> Vec<Range<usize>> {
            let f = fold(text);
            let mut out = Vec::new();
            for w in &words {
                for (at, _) in f.text.match_indices(w.as_str()) {
                    out.push(f.original_range(text, at..at + w.len()));
                }
            }
            out.sort_by_key(|r| r.start);
            out
        };
        Matches {
            title: find(&a.title),
            body: a
                .body
                .iter()
                .enumerate()
                .flat_map(|(i, p)| find(&p.text).into_iter().map(move |r| (i, r)))
                .collect(),
        }
    }
}

fn body_text(a: &Article) -> String {
    a.body
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}
