//! Evaluating clauses over candidate articles, and ranking.
//!
//! Scores (higher is better) follow what a reader means by relevant: a
//! match in the title outranks any match in the body, a whole word a word
//! start, and words found next to each other (as typed) outrank scattered
//! ones. Ties go to the newest article.
#![allow(
    clippy::cast_possible_truncation,
    reason = "article numbers are u32 (a collection file is at most 4 GB); \
              packed sort keys are split back into their two u32 halves"
)]

use rayon::prelude::*;

use super::query::{Alt, Clause, ClauseKey, Flag, Query, Word};
use super::score::{BODY_PHRASE, PLACE_READ};
use super::store::adjacent::adjacent_bonus;
use super::store::keyword::{keyword_scores, typo_scores};
use super::store::phrase::phrase_scores;
use super::{Engine, Hit, Scored, SortOrder, sorting, telex, typo};

/// Two keywords one after the other: their clauses, and each word with
/// whether it is a word start.
type ClausePair = [ClauseKey; 2];
type WordPair<'a> = [(&'a Word, bool); 2];

/// How many of the best results are checked for adjacent keywords.
const RERANK: usize = 300;

/// The candidates that satisfy `c`, with their scores increased by its
/// score (or, negated, those that do not satisfy it).
pub(super) fn clause(e: &Engine, c: &Clause, cand: &Scored) -> Scored {
    if cand.is_empty() {
        return Vec::new();
    }
    let docs: Vec<u32> = cand.iter().map(|x| x.0).collect();
    // Excluding on a fuzzy title match would surprise: negation is exact.
    let fuzzy = !c.negated;
    let mut matched: Vec<(u32, u32)> = Vec::new();
    for a in &c.alts {
        matched.extend(alt(e, a, &docs, fuzzy));
    }
    if c.alts.len() > 1 {
        matched.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        matched.dedup_by_key(|x| x.0);
    }
    let mut out = Vec::with_capacity(if c.negated { cand.len() } else { matched.len() });
    // Undated articles match no date filter, and not its negation either:
    // nobody knows whether they are from the excluded dates.
    let undated_out = c.negated && c.is_date();
    let mut j = 0;
    for &(d, s) in cand {
        if undated_out && e.days.get(d as usize).copied().flatten().is_none() {
            continue;
        }
        while j < matched.len() && matched[j].0 < d {
            j += 1;
        }
        let hit = j < matched.len() && matched[j].0 == d;
        match (c.negated, hit) {
            (true, false) => out.push((d, s)),
            (false, true) => out.push((d, s.saturating_add(matched[j].1))),
            _ => {}
        }
    }
    out
}

/// The articles of `docs` (sorted) that one alternative matches, with its
/// score for each, sorted. An index that cannot be read matches nothing.
fn alt(e: &Engine, a: &Alt, docs: &[u32], fuzzy: bool) -> Vec<(u32, u32)> {
    let found = match a {
        Alt::Keyword(w) => keyword(e, w, docs, fuzzy),
        Alt::Exact(w) => keyword_scores(&e.segs, w, false, None, docs).map(untyped),
        Alt::Phrase { words, open } => phrase_scores(&e.segs, words, *open, docs).map(untyped),
        Alt::PlaceName { term, words } => e.place_articles_named(term).and_then(|about| {
            // The articles about the place rank as if its name were in
            // their body; the name is looked for in the others.
            let (about, rest) = split(docs, &about);
            let named = crate::search::store::named::name_scores(&e.segs, words, &rest)?;
            let about: Vec<(u32, u32)> = about.into_iter().map(|d| (d, BODY_PHRASE)).collect();
            Ok(untyped(union_best(&about, &named)))
        }),
        Alt::Place(t) => e.place_articles_of(t).map(|about| {
            intersect(docs, &about)
                .into_iter()
                .map(|d| (d, 0))
                .collect()
        }),
        Alt::Flag(f) => Ok(docs
            .iter()
            .filter(|&&d| match f {
                Flag::Read => e.marked.is_read(d),
                Flag::Unread => !e.marked.is_read(d),
                Flag::Bookmarked => e.marked.is_bookmarked(d),
            })
            .map(|&d| (d, 0))
            .collect()),
        Alt::Date(r) => {
            let lo = r.from.map_or(i32::MIN, super::day_number);
            let hi = r.to.map_or(i32::MAX, super::day_number);
            Ok(docs
                .iter()
                .filter(|&&d| {
                    // Undated articles never match a date filter.
                    let month_only = e.months_only.get(d as usize).copied().unwrap_or(false);
                    e.days
                        .get(d as usize)
                        .copied()
                        .flatten()
                        .is_some_and(|n| r.holds((lo, hi), n, month_only))
                })
                .map(|&d| (d, 0))
                .collect())
        }
    };
    found.unwrap_or_default()
}

/// Matches found as typed: above any found through a typo.
fn untyped(mut found: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    for (_, s) in &mut found {
        *s = s.saturating_add(typo::tier(0));
    }
    found
}

/// The articles of `docs` a keyword matches (a word start, a title that
/// spells it, and, with `fuzzy`, a word within the typos it forgives),
/// with its score: see [`typo`] for how typos rank.
fn keyword(e: &Engine, w: &Word, docs: &[u32], fuzzy: bool) -> std::io::Result<Vec<(u32, u32)>> {
    let how = if fuzzy {
        super::forgive::searched_as(e, w)
    } else {
        super::forgive::Searched::default()
    };
    let w = how.folded.as_ref().unwrap_or(w);
    let spelled = (fuzzy && w.folded.len() >= 3).then_some(w);
    let mut found = untyped(keyword_scores(&e.segs, w, true, spelled, docs)?);
    // A short word that starts no word of the candidates left forgives a
    // typo too (`ket lun`: "lún" is in the collection, not with "kết").
    let budget = if fuzzy && e.forgives_typos && found.is_empty() {
        typo::budget(w, || true)
    } else {
        how.budget
    };
    if let Some(read) = &how.reading {
        let spelled = (read.folded.len() >= 3).then_some(read);
        let mut near = keyword_scores(&e.segs, read, true, spelled, docs)?;
        for (_, s) in &mut near {
            *s = s.saturating_add(telex::READING_TIER);
        }
        found = union_best(&found, &near);
    }
    if budget > 0 {
        let dfa = typo::prefix_dfa(&w.folded, budget);
        for edits in 1..=budget {
            let mut near = typo_scores(&e.segs, &dfa, edits, docs)?;
            for (_, s) in &mut near {
                *s = s.saturating_add(typo::tier(edits));
            }
            found = union_best(&found, &near);
        }
    }
    Ok(found)
}

/// Two sorted lists of scored articles as one, each article with its
/// better score.
pub(super) fn union_best(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x.0 == y.0 => {
                out.push((x.0, x.1.max(y.1)));
                i += 1;
                j += 1;
            }
            (Some(&x), Some(&y)) if x.0 < y.0 => {
                out.push(x);
                i += 1;
            }
            (Some(&x), None) => {
                out.push(x);
                i += 1;
            }
            (_, Some(&y)) => {
                out.push(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// The articles of `docs` in `set`, and those not (both sorted).
pub(super) fn split(docs: &[u32], set: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let (mut inside, mut outside) = (Vec::new(), Vec::new());
    let mut j = 0;
    for &d in docs {
        while j < set.len() && set[j] < d {
            j += 1;
        }
        if set.get(j) == Some(&d) {
            inside.push(d);
        } else {
            outside.push(d);
        }
    }
    (inside, outside)
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut j = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        if j < b.len() && b[j] == x {
            out.push(x);
        }
    }
    out
}

/// Below this many results, sorting stays on one core: handing it to
/// another costs more than it saves.
const PARALLEL_FROM: usize = 2048;

/// The keyword of a clause that can stand next to the next clause's, and
/// whether it is a word start (`'exact` is a whole word).
fn primary(c: &Clause) -> Option<(&Word, bool)> {
    if c.negated {
        return None;
    }
    match c.alts.first()? {
        Alt::Keyword(w) => Some((w, true)),
        Alt::Exact(w) => Some((w, false)),
        _ => None,
    }
}

/// Orders the matches.
pub(super) fn rank(e: &Engine, q: &Query, scored: &Scored, sort: SortOrder) -> Vec<Hit> {
    // Each order is a permutation of the articles: sorting packs (score,
    // position) into one integer, and the position gives the article back.
    let (position, order): (&[u32], &[u32]) = match sort {
        SortOrder::Relevance | SortOrder::Newest => (&e.newest.0, &e.newest.1),
        SortOrder::Oldest => {
            let o = e.oldest();
            (&o.0, &o.1)
        }
        SortOrder::Title => {
            let t = e.title_order();
            (&t.0, &t.1)
        }
    };
    let by_score = sort == SortOrder::Relevance;
    let pack = |&(d, s): &(u32, u32)| -> u64 {
        let p = position.get(d as usize).copied().unwrap_or(u32::MAX);
        sorting::pack(p, s, by_score)
    };
    let unpack = |k: u64| -> (u32, u32) {
        let (p, s) = sorting::unpack(k, by_score);
        (order.get(p as usize).copied().unwrap_or(0), s)
    };
    let mut keys = sorting::sorted_keys(scored, position, by_score);
    let parallel = keys.len() >= 16 * PARALLEL_FROM;
    if by_score {
        let top = keys.len().min(RERANK);
        let mut head: Vec<(u32, u32)> = keys[..top].iter().map(|&k| unpack(k)).collect();
        if rerank_adjacent(e, q, &mut head) {
            let mut head_keys: Vec<u64> = head.iter().map(pack).collect();
            head_keys.sort_unstable();
            keys[..top].copy_from_slice(&head_keys);
        }
    }
    let hit = |&k: &u64| {
        let (d, s) = unpack(k);
        Hit {
            article: d as usize,
            score: s as i64,
        }
    };
    if parallel {
        keys.par_iter().map(hit).collect()
    } else {
        keys.iter().map(hit).collect()
    }
}

/// Adds the bonus for keywords found side by side, as typed, to the best
/// results (checking every result would cost a scan of each article on
/// every keystroke; beyond the first few thousand nobody reads). What was
/// found for a pair of keywords is remembered, so typing a third keyword
/// or a filter does not scan again.
fn rerank_adjacent(e: &Engine, q: &Query, entries: &mut [(u32, u32)]) -> bool {
    let keywords: Vec<Option<(ClauseKey, (&Word, bool))>> = q
        .clauses
        .iter()
        .filter(|c| !(c.is_place() || c.is_date()))
        .map(|c| primary(c).map(|w| (c.key(), w)))
        .collect();
    let pairs: Vec<(ClausePair, WordPair<'_>)> = keywords
        .windows(2)
        .filter_map(|w| match (&w[0], &w[1]) {
            (Some((ka, a)), Some((kb, b))) => Some(([ka.clone(), kb.clone()], [*a, *b])),
            _ => None,
        })
        .collect();
    if pairs.is_empty() {
        return false;
    }
    let mut memo = e.adjacent.lock().unwrap_or_else(|p| p.into_inner());
    if memo.values().map(|m| m.len()).sum::<usize>() > 1_000_000 {
        memo.clear();
    }
    for (key, pair) in &pairs {
        let known = memo.entry(key.clone()).or_default();
        let mut missing: Vec<u32> = entries
            .iter()
            .map(|x| x.0)
            .filter(|d| !known.contains_key(d))
            .collect();
        missing.sort_unstable();
        // Those not found side by side get no bonus, and are known too.
        known.extend(missing.iter().map(|&d| (d, 0)));
        if let Ok(found) = adjacent_bonus(&e.segs, *pair, &missing) {
            known.extend(found);
        }
        for (d, s) in entries.iter_mut() {
            *s += known.get(d).copied().unwrap_or(0);
        }
    }
    true
}

/// `scored` with [`PLACE_READ`] added for the articles about each place
/// that keywords of `q` spell.
pub(super) fn about_places_read(e: &Engine, q: &Query, scored: &Scored) -> Scored {
    let mut out = scored.clone();
    for reading in &q.places_read {
        let about = e.place_articles_named(&reading.term).unwrap_or_default();
        add_where(&mut out, &about, PLACE_READ);
    }
    out
}

/// Adds `bonus` to the entries whose article is in `docs` (both sorted).
pub(super) fn add_where(entries: &mut [(u32, u32)], docs: &[u32], bonus: u32) {
    let mut j = 0;
    for (d, s) in entries.iter_mut() {
        while j < docs.len() && docs[j] < *d {
            j += 1;
        }
        if docs.get(j) == Some(d) {
            *s = s.saturating_add(bonus);
        }
    }
}

/// The entries of `base` (scores included) whose article is in `subset`.
pub(super) fn intersect_scores(base: &Scored, subset: &Scored) -> Scored {
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
