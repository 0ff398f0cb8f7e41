//! The search engine: one query line narrows a collection by keyword,
//! place and date. The browser and `tintuc search` use the same engine.
//!
//! The query language is in [`query`]; the collection is a tantivy index
//! ([`store`]): words are found through its term dictionary and postings,
//! places through its facets. Evaluation is clause by clause, each one over the articles
//! the clauses before it left, and every intermediate result is cached:
//! typing one more letter re-evaluates only the last term, over the
//! results of its shorter form (a longer keyword can only match fewer
//! articles), and deleting finds the earlier results in the cache.

pub mod abbrev;
mod cache;
mod empty;
mod eval;
pub mod explain;
pub(crate) mod forgive;
mod highlight;
mod marks;
pub mod open;
pub mod places;
pub mod query;
mod rarity;
#[cfg(test)]
pub(crate) mod reference;
mod score;
mod sorting;
mod spelling;
pub mod store;
pub mod telex;
pub mod typo;
mod warm;

use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use crate::gazetteer::Gazetteer;
use crate::model::{Article, Collection};
use cache::Cache;
use query::Word;
use sorting::{by_date, permutation};
use warm::{WARM_FROM, place_names, warm};

pub use marks::{MarkSource, Marks, NoMarks};
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
    pub hits: Arc<Vec<Hit>>,
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

/// An article the engine hands out: borrowed from the collection it
/// holds, or shared from a store it reads on demand.
#[derive(Debug, Clone)]
pub enum ArticleRef<'a> {
    Borrowed(&'a Article),
    Shared(Arc<Article>),
}

impl std::ops::Deref for ArticleRef<'_> {
    type Target = Article;

    fn deref(&self) -> &Article {
        match self {
            ArticleRef::Borrowed(a) => a,
            ArticleRef::Shared(a) => a,
        }
    }
}

/// The collection could not be indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexError(pub String);

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot index the articles: {}", self.0)
    }
}

impl std::error::Error for IndexError {}

/// Articles with their scores so far, sorted by article.
type Scored = Vec<(u32, u32)>;

/// The search engine over one collection.
#[derive(Debug)]
pub struct Engine {
    /// The collection indexed, articles included. Articles are numbered
    /// as its segments hold them (see [`store::segments`]), not as the
    /// collection does.
    segs: Arc<store::segments::Segments>,
    /// Per article number, its place in the collection: ties go to the
    /// first.
    orders: Vec<u64>,
    /// Every article (not deleted), with no score: where a search starts.
    all: Arc<Scored>,
    /// Articles read from the index lately, the latest last: a frame
    /// draws the same few again and again.
    recent: Mutex<std::collections::VecDeque<(u32, Arc<Article>)>>,
    /// The place names the index holds, read when first needed (or
    /// ahead, see [`warm`]).
    places: Arc<OnceLock<store::places::Places>>,
    /// Per article: days since 0001-01-01, or `None` when undated.
    days: Vec<Option<i32>>,
    /// Per article: dated by its month only (`days` holds its first day).
    months_only: Vec<bool>,
    cache: Cache,
    /// The articles marked at the last search that read marks: results
    /// in the cache that read marks were computed from these.
    marked: marks::Marked,
    /// Article number by id, built when marks are first read.
    numbers: OnceLock<FxHashMap<Box<str>, u32>>,
    /// Orders of the articles, as (position of each article, article at
    /// each position): newest first, and (computed when first needed)
    /// oldest first (undated last in both) and by title.
    newest: (Vec<u32>, Vec<u32>),
    oldest: OnceLock<(Vec<u32>, Vec<u32>)>,
    title_order: OnceLock<(Vec<u32>, Vec<u32>)>,
    /// Per pair of adjacent keywords, the bonus each article checked got.
    adjacent: Mutex<FxHashMap<[ClauseKey; 2], FxHashMap<u32, u32>>>,
    /// How many queries were run, for measuring.
    searches: u64,
    /// Whether keywords forgive typos (see [`typo`]).
    forgives_typos: bool,
    /// Whether keywords are also read as Telex or VNI (see [`telex`]).
    reads_telex: bool,
    /// How each keyword was searched lately (see [`forgive`]): asked at
    /// every keystroke, and by every list row's highlights.
    searched: Mutex<FxHashMap<Word, forgive::Searched>>,
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
        place
            .and_then(|p| self.place_articles_of(p).ok())
            .unwrap_or_default()
    }

    /// The articles (sorted) about a place a term names.
    fn place_articles_of(&self, term: &query::PlaceTerm) -> std::io::Result<Vec<u32>> {
        place_names(&self.segs, &self.places).matching(&self.segs, term)
    }

    /// The articles (sorted) about a place of exactly the name of `term`.
    fn place_articles_named(&self, term: &query::PlaceTerm) -> std::io::Result<Vec<u32>> {
        place_names(&self.segs, &self.places).named(&self.segs, term)
    }

    /// Indexes the collection in memory (on all cores), for tests and
    /// benchmarks; the browser and the command line use
    /// [`Engine::counting`], which reports a failure.
    ///
    /// # Panics
    /// When the index cannot be made (see [`Engine::counting`]).
    #[allow(
        clippy::panic,
        reason = "a test or a benchmark cannot go on without its engine"
    )]
    pub fn new(collection: Collection) -> Engine {
        match Engine::counting(collection, None) {
            Ok(e) => e,
            Err(e) => panic!("{e}"),
        }
    }

    /// [`Engine::new`], counting the articles indexed in `progress`.
    ///
    /// # Errors
    /// When tantivy cannot make the index (out of memory, or a thread of
    /// its writer lost).
    pub fn counting(
        collection: Collection,
        progress: Option<&crate::progress::Progress>,
    ) -> Result<Engine, IndexError> {
        let segs = store::build_in_ram_counting(
            &collection.articles,
            store::writer_threads(),
            Gazetteer::embedded(),
            progress,
        )
        .and_then(|(index, fields)| store::segments::Segments::open(&index, fields))
        .map_err(|e| IndexError(e.to_string()))?;
        drop(collection);
        Ok(Engine::of(segs))
    }

    /// The engine over the index `segs`.
    fn of(segs: store::segments::Segments) -> Engine {
        let orders = segs.orders();
        let all: Scored = segs.alive().into_iter().map(|d| (d, 0)).collect();
        let days = segs.days();
        let months_only = segs.months_only();
        let segs = Arc::new(segs);
        let places = Arc::new(OnceLock::new());
        // Ties go to the article first in the collection.
        let newest = by_date(&days, &orders, true);
        Engine {
            segs,
            orders,
            all: Arc::new(all),
            places,
            recent: Mutex::new(std::collections::VecDeque::new()),
            days,
            months_only,
            newest,
            oldest: OnceLock::new(),
            cache: Cache::default(),
            marked: marks::Marked::default(),
            numbers: OnceLock::new(),
            title_order: OnceLock::new(),
            adjacent: Mutex::new(FxHashMap::default()),
            searches: 0,
            forgives_typos: true,
            reads_telex: true,
            searched: Mutex::new(FxHashMap::default()),
        }
    }

    /// From 10,000 articles, reads ahead in a thread of its own what the
    /// first keystrokes need (see [`warm`]): for the browser, which
    /// waits for keys; a single query has no time to gain.
    pub fn warm_up(&self) {
        if self.segs.len() >= WARM_FROM {
            warm(&self.segs, &self.places);
        }
    }

    /// How many segments the index is in.
    pub fn segments(&self) -> usize {
        self.segs.segment_count()
    }

    /// How many queries [`Engine::search`] was asked to run so far.
    pub fn searches(&self) -> u64 {
        self.searches
    }

    /// The number of articles searched.
    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// Article numbers run from 0 to this; the numbers of articles
    /// deleted from the index since it was made are never in results.
    pub fn numbers_end(&self) -> usize {
        self.orders.len()
    }

    /// Article number `n` (as in [`Hit::article`]), whole, read from the
    /// index unless read lately.
    pub fn article(&self, n: usize) -> Option<ArticleRef<'_>> {
        let n = u32::try_from(n).ok()?;
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = recent.iter().position(|(m, _)| *m == n) {
            let found = recent.remove(i)?;
            let a = Arc::clone(&found.1);
            recent.push_back(found);
            return Some(ArticleRef::Shared(a));
        }
        let a = Arc::new(self.segs.article(n)?);
        if recent.len() >= RECENT {
            recent.pop_front();
        }
        recent.push_back((n, Arc::clone(&a)));
        Some(ArticleRef::Shared(a))
    }

    /// The id of article `n`.
    pub fn article_id(&self, n: usize) -> Option<String> {
        self.segs.article_id(u32::try_from(n).ok()?)
    }

    /// The number of the article with this id.
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.segs.find_id(id).map(|n| n as usize)
    }

    /// The publication date of article `n`.
    pub fn date(&self, n: usize) -> Option<jiff::civil::Date> {
        let day = (*self.days.get(n)?)?;
        store::document::day_date(i64::from(day))
    }

    /// The places of article `n` (the place picker counts them).
    pub fn places_of(&self, n: usize) -> Vec<String> {
        u32::try_from(n).map_or_else(|_| Vec::new(), |n| self.segs.places_of(n))
    }

    /// How wide the first place of article `n` is on a terminal.
    pub fn place_width(&self, n: usize) -> usize {
        u32::try_from(n).map_or(0, |n| self.segs.place_width(n))
    }

    /// Article number by id.
    fn numbers(&self) -> &FxHashMap<Box<str>, u32> {
        self.numbers.get_or_init(|| {
            self.all
                .iter()
                .filter_map(|&(n, _)| Some((Box::from(self.segs.article_id(n)?), n)))
                .collect()
        })
    }

    /// Forgets earlier queries (for measuring typing from scratch).
    pub fn clear_cache(&mut self) {
        self.cache = Cache::default();
        self.searched
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        self.adjacent
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    /// Runs a query. Called on every keystroke: it reuses what it can from
    /// the previous calls. Its `is:` terms see no article read or
    /// bookmarked: a browser or a script with a reading state calls
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
        let mut parsed = parse(query);
        let hits = self.run(&parsed, sort, marks);
        let more = self.hints_on(&parsed, hits.is_empty(), marks);
        parsed.hints.extend(more);
        Results {
            hits,
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
        // The marks are not the engine's: asked for at every search that
        // reads them; what was computed from other marks is forgotten.
        if keys.iter().any(ClauseKey::reads_marks) {
            let numbers = self.numbers();
            let marked = marks::Marked::of(marks, numbers, self.numbers_end());
            if marked != self.marked {
                self.cache.forget_flags();
                self.marked = marked;
            }
        }
        let final_key = (keys, sort);
        if let Some(h) = self.cache.final_hits(&final_key) {
            return h;
        }
        let mut scored = self.evaluate(q, &final_key.0);
        if !q.places_read.is_empty() {
            scored = Arc::new(eval::about_places_read(self, q, &scored));
        }
        let mut hits = eval::rank(self, q, &scored, sort);
        if sort == SortOrder::Relevance {
            if let Some(near) = q.near_day() {
                sorting::nearest_first(&mut hits, &self.days, day_number(near));
            }
            // Rarity ranks above the date: sorted last, keeping it.
            let clauses = rarity::keywords(q, |w| forgive::searched_as(self, w).folded);
            if !clauses.is_empty() {
                let live = self.all.len() as u64;
                rarity::rarest_first(&mut hits, |tied| {
                    store::rarity::weights(&self.segs, &clauses, tied, live).unwrap_or_default()
                });
            }
        }
        let hits = Arc::new(hits);
        self.cache.put_final(final_key, hits.clone());
        hits
    }

    /// The articles matching every clause, with their summed scores.
    fn evaluate(&mut self, q: &Query, keys: &[ClauseKey]) -> Arc<Scored> {
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
                    let all = self.all.clone();
                    self.cache.put_state(Vec::new(), all.clone());
                    all
                }
            };
        }
        for n in done..q.clauses.len() {
            let clause = &q.clauses[n];
            let candidates = self.narrowed(&keys[..n], clause, &state);
            let mut next = eval::clause(self, clause, candidates.as_ref().unwrap_or(&state));
            // A short keyword that starts no word of its candidates forgives a
            // typo: over a shorter form's results it may find fewer words one
            // edit away than over all it was left.
            if next.is_empty() && candidates.is_some() {
                next = eval::clause(self, clause, &state);
            }
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
        // Typos forgiven only from some length on, or only when a short
        // word starts nothing, can find words its shorter form did not:
        // the shorter form narrows only when it forgave as many.
        // A reading, or the folded form of marks that start nothing, can
        // find anything.
        let how = forgive::searched_as(self, word);
        if how.folded.is_some() || how.reading.is_some() {
            return None;
        }
        let usable = |shorter: &Word| {
            let was = forgive::searched_as(self, shorter);
            how.budget == 0 || (was.folded.is_none() && was.budget == how.budget)
        };
        // The shorter form typed the same way, or without diacritics
        // (which matches more).
        for form in [word.key(), word.folded.as_str()] {
            // At least three letters, and shorter than the word.
            let Some((least, _)) = form.char_indices().nth(3) else {
                continue;
            };
            if let Some(s) = self.cache.shorter_keyword(base, form, least, usable) {
                return Some(eval::intersect_scores(state, s));
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
        let Some(a) = self.article(article) else {
            return Matches::default();
        };
        highlight::matches(&a, query, &forgive::forgiving(self, query))
    }

    /// Where a parsed query matches in the title of article `article`
    /// (the same ranges as [`Engine::matches_of`]'s `title`), without
    /// reading its body: a list row shows the title only.
    pub fn title_matches_of(&self, article: usize, query: &Query) -> Vec<Range<usize>> {
        self.article(article)
            .map(|a| highlight::title_matches(&a, query, &forgive::forgiving(self, query)))
            .unwrap_or_default()
    }

    /// Articles oldest first, undated last (see [`permutation`]).
    fn oldest(&self) -> &(Vec<u32>, Vec<u32>) {
        self.oldest.get_or_init(|| {
            let (days, orders) = (&self.days, &self.orders);
            by_date(days, orders, false)
        })
    }

    /// Articles in Vietnamese title order (see [`permutation`]).
    fn title_order(&self) -> &(Vec<u32>, Vec<u32>) {
        self.title_order.get_or_init(|| {
            use rayon::prelude::*;
            let keys: Vec<Vec<u32>> = (0..self.numbers_end())
                .into_par_iter()
                .map(|n| {
                    let n = u32::try_from(n).unwrap_or(u32::MAX);
                    self.segs
                        .article(n)
                        .map(|a| highlight::collation_key(&a.title))
                        .unwrap_or_default()
                })
                .collect();
            let orders = &self.orders;
            permutation(keys.len(), |a, b| {
                keys[a].cmp(&keys[b]).then(orders[a].cmp(&orders[b]))
            })
        })
    }
}

/// Articles kept after they were read (more than a screen of rows).
const RECENT: usize = 128;

fn day_number(d: jiff::civil::Date) -> i32 {
    let epoch = jiff::civil::date(1, 1, 1);
    (d - epoch).get_days()
}

#[cfg(test)]
mod tests;
