//! The search engine: one query line narrows a collection by keyword,
//! place and date. The browser and `tintuc search` use the same engine.
//!
//! The query language is in [`query`]; words are found through the
//! [`index`] (a sorted vocabulary and posting lists), places through
//! [`places`]. Evaluation is clause by clause, each one over the articles
//! the clauses before it left, and every intermediate result is cached:
//! typing one more letter re-evaluates only the last term, over the
//! results of its shorter form (a longer keyword can only match fewer
//! articles), and deleting finds the earlier results in the cache.

pub mod abbrev;
mod cache;
mod eval;
mod highlight;
pub mod index;
pub mod places;
pub mod query;
mod score;

use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use crate::gazetteer::Gazetteer;
use crate::model::{Article, Collection};
use cache::Cache;

pub use query::{Clause, ClauseKey, Flag, Hint, Query, parse};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
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
    /// The query as it was parsed: what the browser rewrites, and its
    /// hints to show in the browser's language.
    pub query: Query,
    /// Terms that cannot mean anything ("#2020-13"), explained in
    /// English (as `tintuc search` prints them).
    pub hints: Vec<String>,
    /// The place filters in force, as typed (for the status bar).
    pub places: Vec<String>,
    /// The date filters in force, as typed.
    pub dates: Vec<String>,
    /// The `is:` filters in force, as typed.
    pub flags: Vec<String>,
}

/// What the reader did with one article, as `is:` terms see it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub read: bool,
    pub bookmarked: bool,
}

/// Where `is:` terms read the marks of an article, by its id. The
/// reading state owns the marks; the engine asks for them during a
/// search and keeps no copy.
pub trait MarkSource {
    fn marks(&self, id: &str) -> Marks;
}

/// No article read or bookmarked: what `is:` terms see without a
/// reading state.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoMarks;

impl MarkSource for NoMarks {
    fn marks(&self, _id: &str) -> Marks {
        Marks::default()
    }
}

impl<F: Fn(&str) -> Marks> MarkSource for F {
    fn marks(&self, id: &str) -> Marks {
        self(id)
    }
}

/// Articles with their scores so far, sorted by article.
type Scored = Vec<(u32, u32)>;

/// The search engine over one collection.
#[derive(Debug)]
pub struct Engine {
    collection: Collection,
    index: index::Index,
    places: places::PlaceIndex,
    /// Per article: days since 0001-01-01, or `None` when undated.
    days: Vec<Option<i32>>,
    cache: Cache,
    /// Orders of the articles, as (position of each article, article at
    /// each position): newest first and oldest first (undated last in
    /// both), and by title (computed when first needed).
    newest: (Vec<u32>, Vec<u32>),
    oldest: (Vec<u32>, Vec<u32>),
    title_order: OnceLock<(Vec<u32>, Vec<u32>)>,
    /// Per pair of adjacent keywords, the bonus each article checked got.
    adjacent: Mutex<FxHashMap<[ClauseKey; 2], FxHashMap<u32, u32>>>,
    /// How many queries were run, for measuring.
    searches: u64,
}

impl Engine {
    /// The articles (sorted) a place term (`@"Từ Sơn"`) matches, alone.
    pub fn place_articles(&self, term: &str) -> Vec<u32> {
        let parsed = parse(term);
        let place = parsed
            .clauses
            .first()
            .and_then(|c| match c.alts.as_slice() {
                [query::Alt::Place(p)] if !c.negated => Some(p),
                _ => None,
            });
        place.map_or_else(Vec::new, |p| self.places.matching(p))
    }

    /// Indexes the collection (on all cores).
    pub fn new(collection: Collection) -> Engine {
        Engine::counting(collection, None)
    }

    /// [`Engine::new`], counting the articles indexed in `progress`.
    pub fn counting(
        collection: Collection,
        progress: Option<&crate::progress::Progress>,
    ) -> Engine {
        let articles = &collection.articles;
        let (index, places) = rayon::join(
            || index::Index::build_counting(articles, progress),
            || places::PlaceIndex::build(articles, Gazetteer::embedded()),
        );
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
        Engine {
            index,
            places,
            days,
            newest,
            oldest,
            collection,
            cache: Cache::default(),
            title_order: OnceLock::new(),
            adjacent: Mutex::new(FxHashMap::default()),
            searches: 0,
        }
    }

    /// How many queries [`Engine::search`] was asked to run so far.
    pub fn searches(&self) -> u64 {
        self.searches
    }

    pub fn articles(&self) -> &[Article] {
        &self.collection.articles
    }

    /// Forgets earlier queries (for measuring typing from scratch).
    pub fn clear_cache(&mut self) {
        self.cache = Cache::default();
        self.adjacent
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    /// Runs a query. Called on every keystroke: it reuses what it can from
    /// the previous calls.
    /// `is:` terms see no article read or bookmarked: see
    /// [`Engine::search_marked`].
    pub fn search(&mut self, query: &str, sort: SortOrder) -> Results {
        self.search_marked(query, sort, &NoMarks)
    }

    /// [`Engine::search`], with `is:` terms reading the marks of `marks`.
    pub fn search_marked(
        &mut self,
        query: &str,
        sort: SortOrder,
        marks: &dyn MarkSource,
    ) -> Results {
        self.searches += 1;
        let parsed = parse(query);
        let hits = self.run(&parsed, sort, marks);
        Results {
            hits: hits.as_ref().clone(),
            hints: parsed.hints.iter().map(Hint::to_string).collect(),
            places: parsed.places(),
            dates: parsed.dates(),
            flags: parsed.flags(),
            query: parsed,
        }
    }

    /// Runs a parsed query; the hits are shared with the cache.
    pub fn run(&mut self, q: &Query, sort: SortOrder, marks: &dyn MarkSource) -> Arc<Vec<Hit>> {
        let keys: Vec<ClauseKey> = q.clauses.iter().map(Clause::key).collect();
        // The marks are not the engine's and may have changed since the
        // last search: what was computed from them is computed again.
        if keys.iter().any(ClauseKey::reads_marks) {
            self.cache.forget_flags();
        }
        let final_key = (keys, sort);
        if let Some(h) = self.cache.final_hits(&final_key) {
            return h;
        }
        let scored = self.evaluate(q, &final_key.0, marks);
        let hits = Arc::new(eval::rank(self, q, &scored, sort));
        self.cache.put_final(final_key, hits.clone());
        hits
    }

    /// The articles matching every clause, with their summed scores.
    fn evaluate(&mut self, q: &Query, keys: &[ClauseKey], marks: &dyn MarkSource) -> Arc<Scored> {
        let mut done = 0;
        let mut state: Arc<Scored> = Arc::new(Vec::new());
        if let Some((n, s)) = self.cache.longest_prefix(keys) {
            done = n;
            state = s;
        }
        if done == 0 {
            state = match self.cache.state(&[]) {
                Some(s) => s,
                None => {
                    let all: Scored = (0..).zip(self.articles()).map(|(d, _)| (d, 0)).collect();
                    let all = Arc::new(all);
                    self.cache.put_state(Vec::new(), all.clone());
                    all
                }
            };
        }
        for n in done..q.clauses.len() {
            let clause = &q.clauses[n];
            let candidates = self.narrowed(&keys[..n], clause, &state);
            let next = eval::clause(self, clause, candidates.as_ref().unwrap_or(&state), marks);
            state = Arc::new(next);
            self.cache.put_state(keys[..=n].to_vec(), state.clone());
        }
        state
    }

    /// When `clause` is a keyword whose shorter form was evaluated after the
    /// same leading clauses, its results (with the scores of `state`): the
    /// longer keyword can only match some of them.
    fn narrowed(&self, base: &[ClauseKey], clause: &Clause, state: &Scored) -> Option<Scored> {
        let word = clause.plain_keyword()?;
        // The shorter form typed the same way, or without diacritics
        // (which matches more).
        for form in [word.key(), word.folded.as_str()] {
            // At least three letters, and shorter than the word.
            let Some((least, _)) = form.char_indices().nth(3) else {
                continue;
            };
            if let Some(s) = self.cache.shorter_keyword(base, form, least) {
                return Some(intersect_scores(state, s));
            }
        }
        None
    }

    /// Where `query` matches in article `article`, for highlighting.
    pub fn matches(&self, article: usize, query: &str) -> Matches {
        self.matches_of(article, &parse(query))
    }

    /// Where a parsed query matches in article `article`: the browser
    /// highlights with the query its results carry, parsed once.
    pub fn matches_of(&self, article: usize, query: &Query) -> Matches {
        let Some(a) = self.collection.articles.get(article) else {
            return Matches::default();
        };
        highlight::matches(a, query)
    }

    /// Where a parsed query matches in the title of article `article`
    /// (the same ranges as [`Engine::matches_of`]'s `title`), without
    /// reading its body: a list row shows the title only.
    pub fn title_matches_of(&self, article: usize, query: &Query) -> Vec<Range<usize>> {
        self.collection
            .articles
            .get(article)
            .map(|a| highlight::title_matches(a, query))
            .unwrap_or_default()
    }

    /// Articles in Vietnamese title order (see [`permutation`]).
    fn title_order(&self) -> &(Vec<u32>, Vec<u32>) {
        self.title_order.get_or_init(|| {
            use rayon::prelude::*;
            let keys: Vec<Vec<u32>> = self
                .articles()
                .par_iter()
                .map(|a| highlight::collation_key(&a.title))
                .collect();
            permutation(keys.len(), |a, b| keys[a].cmp(&keys[b]).then(a.cmp(&b)))
        })
    }
}

/// Sorts `0..n` by `cmp`: (position of each, element at each position).
fn permutation(
    n: usize,
    cmp: impl Fn(usize, usize) -> std::cmp::Ordering + Sync,
) -> (Vec<u32>, Vec<u32>) {
    use rayon::prelude::*;
    let mut order: Vec<u32> = (0..).take(n).collect();
    order.par_sort_by(|&a, &b| cmp(a as usize, b as usize));
    let mut position = vec![0u32; n];
    for (p, &d) in (0..).zip(&order) {
        position[d as usize] = p;
    }
    (position, order)
}

/// The entries of `base` (scores included) whose article is in `subset`.
fn intersect_scores(base: &Scored, subset: &Scored) -> Scored {
    let mut out = Vec::with_capacity(subset.len().min(base.len()));
    let mut j = 0;
    for &(d, s) in base {
        while j < subset.len() && subset[j].0 < d {
            j += 1;
        }
        if j < subset.len() && subset[j].0 == d {
            out.push((d, s));
        }
    }
    out
}

fn day_number(d: jiff::civil::Date) -> i32 {
    let epoch = jiff::civil::date(1, 1, 1);
    (d - epoch).get_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, ParagraphKind};

    fn article(id: &str, title: &str, body: &str, date: Option<&str>) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            date: date.and_then(|d| d.parse().ok()),
            time: None,
            places: vec![],
            author: None,
            source: None,
            body: vec![Paragraph::new(ParagraphKind::Text, body)],
        }
    }

    fn engine() -> Engine {
        Engine::new(Collection {
            articles: vec![
                article("a", "Tin ngắn", "UBND huyện họp bàn.", Some("2020-01-02")),
                article(
                    "b",
                    "Tin khác",
                    "Ủy ban nhân dân xã ra quyết định.",
                    Some("2021-01-02"),
                ),
                article("c", "Ủy ban nhân dân tỉnh", "Không có gì.", None),
                article(
                    "d",
                    "Đường làng",
                    "thôn Đông, nông thôn mới",
                    Some("2019-05-05"),
                ),
            ],
            origin: "test".into(),
        })
    }

    fn ids(e: &mut Engine, q: &str) -> Vec<String> {
        let r = e.search(q, SortOrder::Relevance);
        r.hits
            .iter()
            .map(|h| e.articles()[h.article].id.clone())
            .collect()
    }

    #[test]
    fn abbreviations_both_ways() {
        let mut e = engine();
        assert_eq!(ids(&mut e, "ubnd"), ["c", "b", "a"]);
        let mut words = ids(&mut e, "uy ban nhan dan");
        words.sort();
        assert_eq!(words, ["a", "b", "c"]);
        let mut phrase = ids(&mut e, "\"ủy ban nhân dân\"");
        phrase.sort();
        assert_eq!(phrase, ["a", "b", "c"]);
    }

    #[test]
    fn title_first_then_newest_and_sort_orders() {
        let mut e = engine();
        assert_eq!(ids(&mut e, "uy ban"), ["c", "b", "a"]);
        assert_eq!(ids(&mut e, ""), ["b", "a", "d", "c"]);
        let oldest: Vec<String> = e
            .search("", SortOrder::Oldest)
            .hits
            .iter()
            .map(|h| e.articles()[h.article].id.clone())
            .collect();
        assert_eq!(oldest, ["d", "a", "b", "c"]);
        let by_title: Vec<String> = e
            .search("", SortOrder::Title)
            .hits
            .iter()
            .map(|h| e.articles()[h.article].title.clone())
            .collect();
        // Vietnamese order: d, đ before t, u.
        assert_eq!(
            by_title,
            ["Đường làng", "Tin khác", "Tin ngắn", "Ủy ban nhân dân tỉnh"]
        );
    }

    #[test]
    fn narrowing_gives_the_same_results_as_a_fresh_search() {
        let mut typed = engine();
        let mut last = Vec::new();
        for q in [
            "t", "th", "tho", "thon", "thon ", "thon m", "thon mo", "thon moi",
        ] {
            last = ids(&mut typed, q);
        }
        assert_eq!(last, ids(&mut engine(), "thon moi"));
        assert_eq!(ids(&mut typed, "tho"), ids(&mut engine(), "tho"));
    }

    #[test]
    fn titles_spelled_without_spaces() {
        let mut e = Engine::new(Collection {
            articles: vec![
                article("a", "Nâng cao năng lực", "", None),
                article("b", "Thị xã Từ Sơn", "", None),
                article("c", "Nông nghiệp", "", None),
            ],
            origin: "test".into(),
        });
        assert_eq!(ids(&mut e, "tuson"), ["b"]);
        assert_eq!(ids(&mut e, "thixatuson"), ["b"]);
        assert_eq!(ids(&mut e, "từsơn"), ["b"]);
        assert!(ids(&mut e, "tusơn").is_empty());
        assert_eq!(ids(&mut e, "txts"), ["b"]);
        // Scattered letters are not a spelling.
        assert_eq!(ids(&mut e, "nong"), ["c"]);
        assert!(ids(&mut e, "tusonx").is_empty());
    }

    #[test]
    fn narrowing_ignores_states_with_more_clauses() {
        let make = || {
            Engine::new(Collection {
                articles: vec![
                    article("x1", "Một", "mã ubndx mới", None),
                    article("x2", "Hai", "UBND khác", None),
                ],
                origin: "test".into(),
            })
        };
        let mut e = make();
        // "ubnd" has an alternative (its expansion); after "ubnd khac" is
        // cached, "ubndx" must not start from the results of "ubnd khac".
        assert_eq!(ids(&mut e, "ubnd khac"), ["x2"]);
        assert_eq!(ids(&mut e, "ubndx"), ["x1"]);
        assert_eq!(ids(&mut e, "ubndx"), ids(&mut make(), "ubndx"));
    }

    #[test]
    fn clearing_the_cache_forgets_every_query() {
        let mut e = engine();
        ids(&mut e, "tin");
        assert!(e.cache.entries() > 0);
        e.clear_cache();
        assert_eq!(e.cache.entries(), 0);
        assert_eq!(ids(&mut e, "tin"), ids(&mut engine(), "tin"));
    }

    #[test]
    fn a_longer_keyword_starts_from_its_shorter_form() {
        let mut e = engine();
        // Scores of the state the clause adds to, kept as they are.
        let state: Scored = (0..4).map(|d| (d, 7)).collect();
        let clause = |q: &str| parse(q).clauses.remove(0);
        // Nothing typed before: nothing to start from.
        assert_eq!(e.narrowed(&[], &clause("thong"), &state), None);
        // A form of two letters is too short to be worth it.
        ids(&mut e, "th");
        assert_eq!(e.narrowed(&[], &clause("thong"), &state), None);
        ids(&mut e, "tho");
        let mut tho: Vec<u32> = e
            .search("tho", SortOrder::Relevance)
            .hits
            .iter()
            .filter_map(|h| u32::try_from(h.article).ok())
            .collect();
        tho.sort_unstable();
        assert!(!tho.is_empty() && tho.len() < 4);
        let expected: Scored = tho.iter().map(|&d| (d, 7)).collect();
        assert_eq!(
            e.narrowed(&[], &clause("thong"), &state),
            Some(expected.clone())
        );
        // A keyword typed with diacritics starts from its folded form too.
        assert_eq!(e.narrowed(&[], &clause("thông"), &state), Some(expected));
        // Not from a form that is not a prefix of it, nor after other
        // leading clauses.
        assert_eq!(e.narrowed(&[], &clause("thach"), &state), None);
        let other = [clause("tin").key()];
        assert_eq!(e.narrowed(&other, &clause("thong"), &state), None);
    }

    #[test]
    fn flag_terms_follow_the_marks() {
        let mut e = engine();
        let sorted = |e: &mut Engine, q: &str, marks: &dyn MarkSource| {
            let r = e.search_marked(q, SortOrder::Relevance, marks);
            let mut v: Vec<String> = r
                .hits
                .iter()
                .map(|h| e.articles()[h.article].id.clone())
                .collect();
            v.sort();
            v
        };
        assert_eq!(sorted(&mut e, "is:unread", &NoMarks), ["a", "b", "c", "d"]);
        assert!(sorted(&mut e, "is:read", &NoMarks).is_empty());
        // Typed one letter at a time, then marks change: the cached
        // results for the same query must not be reused.
        for q in ["t", "ti", "tin", "tin is:", "tin is:r", "tin is:read"] {
            ids(&mut e, q);
        }
        assert!(sorted(&mut e, "tin is:read", &NoMarks).is_empty());
        let a_read = |id: &str| Marks {
            read: id == "a",
            bookmarked: false,
        };
        assert_eq!(sorted(&mut e, "tin is:read", &a_read), ["a"]);
        // "tin" is also the start of "tỉnh" (c).
        assert_eq!(sorted(&mut e, "tin !is:read", &a_read), ["b", "c"]);
        assert_eq!(sorted(&mut e, "tin is:unread", &a_read), ["b", "c"]);
        let others = |id: &str| Marks {
            read: id != "a",
            bookmarked: id == "d",
        };
        assert_eq!(sorted(&mut e, "tin is:read", &others), ["b", "c"]);
        assert_eq!(sorted(&mut e, "is:bookmarked", &others), ["d"]);
        assert_eq!(
            sorted(&mut e, "is:bookmarked|is:unread", &others),
            ["a", "d"]
        );
        assert_eq!(sorted(&mut e, "!is:b thon", &others), Vec::<String>::new());
        assert_eq!(sorted(&mut e, "is:bookmarked thon", &others), ["d"]);
        // Keyword results not depending on marks stay cached and right.
        assert_eq!(sorted(&mut e, "tin", &others), ["a", "b", "c"]);
        // The same query again with the marks changed back.
        assert!(sorted(&mut e, "tin is:read", &NoMarks).is_empty());
        let r = e.search_marked("is:b #2019 is:nope", SortOrder::Relevance, &others);
        assert_eq!(r.flags, ["is:b"]);
        assert_eq!(r.hints.len(), 1);
        assert_eq!(r.hits.len(), 1);
    }

    #[test]
    fn status_lists() {
        let mut e = engine();
        let r = e.search("thon @tuson #2020 #2020-13", SortOrder::Relevance);
        assert_eq!(r.places, ["@tuson"]);
        assert_eq!(r.dates, ["#2020"]);
        assert_eq!(r.hints.len(), 1);
    }

    #[test]
    fn every_search_asked_for_is_counted() {
        let mut e = engine();
        assert_eq!(e.searches(), 0);
        e.search("ubnd", SortOrder::Relevance);
        e.search("ubnd", SortOrder::Relevance);
        e.search("tin", SortOrder::Newest);
        assert_eq!(e.searches(), 3);
    }

    #[test]
    fn place_articles_take_one_place_term_and_nothing_else() {
        let collection = Collection {
            articles: vec![Article {
                places: vec!["Từ Sơn".into()],
                ..article("p", "Tin Từ Sơn", "Chợ phiên.", None)
            }],
            origin: "test".into(),
        };
        let places = Engine::new(collection);
        assert_eq!(places.place_articles("@tuson"), vec![0]);
        // Negated, or with other terms, it is not a place to list.
        assert!(places.place_articles("!@tuson").is_empty());
        assert!(places.place_articles("@tuson|covid").is_empty());
        assert!(places.place_articles("tuson").is_empty());
    }
}
