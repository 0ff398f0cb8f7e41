//! The reference engine's evaluation of clauses over candidate articles,
//! and its ranking.
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

mod phrase;

use rayon::prelude::*;

use super::Reference as Engine;
use super::index::{Segment, WordSet};
use crate::search::forgive::{Searched, searched};
use crate::search::query::{Alt, Clause, ClauseKey, Flag, Query, Word};
use crate::search::score::{
    BODY_PHRASE, BODY_START, TITLE_FUZZY, TITLE_START, TITLE_WHOLE, adjacency, body_score,
};
use crate::search::sorting;
use crate::search::spelling::spells;
use crate::search::{Hit, Scored, SortOrder, typo};
use phrase::{phrase_matches, sequence_count, sequence_count_ranks};

/// How many of the best results are checked for adjacent keywords.
const RERANK: usize = 300;
/// Scanning one article's words costs about as much as this many
/// postings: the cheaper way is chosen per segment.
const SCAN_COST: usize = 800;

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
/// score for each, sorted.
fn alt(e: &Engine, a: &Alt, docs: &[u32], fuzzy: bool) -> Vec<(u32, u32)> {
    match a {
        Alt::Keyword(w) => keyword(e, w, docs, fuzzy),
        Alt::Exact(w) => untyped(word_matches(e, &e.index.lookup(w, false), None, docs)),
        Alt::Phrase { words, open } => untyped(phrase_matches(e, words, *open, docs)),
        Alt::PlaceName { term, words } => {
            let about = e.places.named(term);
            let (about, rest): (Vec<u32>, Vec<u32>) =
                docs.iter().partition(|d| about.binary_search(d).is_ok());
            let about = about.into_iter().map(|d| (d, BODY_PHRASE)).collect();
            untyped(best_of(about, phrase_matches(e, words, false, &rest)))
        }
        Alt::Place(t) => {
            let about = e.places.matching(t);
            intersect(docs, &about)
                .into_iter()
                .map(|d| (d, 0))
                .collect()
        }
        Alt::Flag(f) => docs
            .iter()
            .filter(|&&d| match f {
                Flag::Read => e.marked.is_read(d),
                Flag::Unread => !e.marked.is_read(d),
                Flag::Bookmarked => e.marked.is_bookmarked(d),
            })
            .map(|&d| (d, 0))
            .collect(),
        Alt::Date(r) => {
            let lo = r.from.map_or(i32::MIN, crate::search::day_number);
            let hi = r.to.map_or(i32::MAX, crate::search::day_number);
            docs.iter()
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
                .collect()
        }
    }
}

/// Matches found as typed: above any found through a typo.
fn untyped(mut found: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    for (_, s) in &mut found {
        *s = s.saturating_add(typo::tier(0));
    }
    found
}

/// Whether `w` starts a word of any article.
pub(super) fn starts_any(e: &Engine, w: &Word) -> bool {
    let all: Vec<u32> = (0..e.days.len() as u32).collect();
    !word_matches(e, &e.index.lookup(w, true), None, &all).is_empty()
}

/// A keyword's matches: as typed (or folded, when typed with diacritics
/// that start nothing), and with `fuzzy` within the typos it forgives.
fn keyword(e: &Engine, w: &Word, docs: &[u32], fuzzy: bool) -> Vec<(u32, u32)> {
    let how = if fuzzy {
        searched(w, true, true, |w| starts_any(e, w))
    } else {
        Searched::default()
    };
    let w = how.folded.as_ref().unwrap_or(w);
    let mut found = if w.exact.is_none()
        && let Some(p) = e.index.short_prefix(&w.folded)
    {
        short_matches(e, p, docs)
    } else {
        let fz = (fuzzy && w.folded.len() >= 3).then_some(w);
        word_matches(e, &e.index.lookup(w, true), fz, docs)
    };
    found = untyped(found);
    // Starting no word of the candidates, a short word forgives a typo.
    let budget = if fuzzy && found.is_empty() {
        typo::budget(w, || true)
    } else {
        how.budget
    };
    if let Some(read) = &how.reading {
        let fz = (read.folded.len() >= 3).then_some(read);
        let mut near = word_matches(e, &e.index.lookup(read, true), fz, docs);
        for (_, s) in &mut near {
            *s = s.saturating_add(crate::search::telex::READING_TIER);
        }
        found = best_of(found, near);
    }
    if budget > 0 {
        let dfa = typo::prefix_dfa(&w.folded, budget);
        for edits in 1..=budget {
            let mut near = word_matches(e, &e.index.within(&dfa, edits), None, docs);
            for (_, s) in &mut near {
                *s = s.saturating_add(typo::tier(edits));
            }
            found = best_of(found, near);
        }
    }
    found
}

/// Two lists of scored articles as one sorted list, each article with its
/// better score.
fn best_of(mut all: Vec<(u32, u32)>, more: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    all.extend(more);
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    all.dedup_by_key(|x| x.0);
    all
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

/// Below this many candidates, work stays on one core: handing it to
/// another costs more than it saves.
const PARALLEL_FROM: usize = 2048;

/// The candidates of each segment, in parallel when there are many.
fn per_segment<F>(e: &Engine, docs: &[u32], f: F) -> Vec<(u32, u32)>
where
    F: Fn(&Segment, &[u32]) -> Vec<(u32, u32)> + Sync,
{
    let part = |seg: &Segment| {
        let lo = docs.partition_point(|&d| d < seg.docs.start);
        let hi = docs.partition_point(|&d| d < seg.docs.end);
        if lo == hi {
            Vec::new()
        } else {
            f(seg, &docs[lo..hi])
        }
    };
    let segments = &e.index.segments;
    let parts: Vec<Vec<(u32, u32)>> = if docs.len() >= PARALLEL_FROM {
        segments.par_iter().map(part).collect()
    } else {
        segments.iter().map(part).collect()
    };
    parts.concat()
}

/// Candidates holding a word that starts with a one- or two-letter
/// prefix: the scores were computed when indexing (such prefixes start
/// most words of most articles, too many to gather on every keystroke).
fn short_matches(e: &Engine, prefix: u32, docs: &[u32]) -> Vec<(u32, u32)> {
    per_segment(e, docs, |seg, docs| {
        let start = seg.docs.start;
        let size = seg.docs.len();
        let (list, scores) = seg.short(prefix);
        if list.len() > docs.len() * 8 {
            // Few candidates: look each one up.
            return docs
                .iter()
                .filter_map(|&d| {
                    let i = list.partition_point(|&x| x < d);
                    (list.get(i) == Some(&d)).then(|| (d, scores[i] as u32))
                })
                .collect();
        }
        let mut member = vec![0u64; size.div_ceil(64)];
        for &d in docs {
            let i = (d - start) as usize;
            member[i / 64] |= 1 << (i % 64);
        }
        list.iter()
            .zip(scores)
            .filter(|(d, _)| {
                let i = (**d - start) as usize;
                member[i / 64] & (1 << (i % 64)) != 0
            })
            .map(|(&d, &s)| (d, s as u32))
            .collect()
    })
}

/// Candidates holding a word of `set` at a word start of title or body,
/// or (with `fuzzy`) whose title spells the word across words.
fn word_matches(e: &Engine, set: &WordSet, fuzzy: Option<&Word>, docs: &[u32]) -> Vec<(u32, u32)> {
    if set.is_empty() && fuzzy.is_none() {
        return Vec::new();
    }
    let index = &e.index;
    per_segment(e, docs, |seg, docs| {
        let start = seg.docs.start;
        let size = seg.docs.len();
        let mut body = vec![0u32; size];
        if !set.is_empty() {
            if seg.volume(&set.ids) <= docs.len() * SCAN_COST {
                let mut member = vec![0u64; size.div_ceil(64)];
                for &d in docs {
                    let i = (d - start) as usize;
                    member[i / 64] |= 1 << (i % 64);
                }
                for id in set.iter() {
                    let whole = set.is_whole(id);
                    for (d, t) in seg.postings(id) {
                        let i = (d - start) as usize;
                        if member[i / 64] & (1 << (i % 64)) != 0 {
                            body[i] = body[i].max(body_score(t as u32, whole));
                        }
                    }
                }
            } else {
                let mut found: Vec<u32> = Vec::new();
                for &d in docs {
                    // Each word counted on its own and the best kept, as
                    // the postings above do.
                    found.clear();
                    found.extend(
                        seg.body(d, index)
                            .flatten()
                            .chain(seg.title(d).iter().copied())
                            .filter(|&id| set.contains(id)),
                    );
                    found.sort_unstable();
                    let best = found
                        .chunk_by(|a, b| a == b)
                        .map(|run| body_score(run.len() as u32, set.is_whole(run[0])))
                        .max();
                    if let Some(b) = best {
                        body[(d - start) as usize] = b;
                    }
                }
            }
        }
        let mut out = Vec::new();
        for &d in docs {
            let title = seg.title(d);
            let mut t = 0;
            for &id in title {
                if set.contains(id) {
                    t = t.max(if set.is_whole(id) {
                        TITLE_WHOLE
                    } else {
                        TITLE_START
                    });
                }
            }
            if t == 0
                && let Some(w) = fuzzy
                && spells(
                    title,
                    None,
                    |id| match w.exact {
                        Some(_) => e.index.exact(id).as_bytes(),
                        None => e.index.folded(id).as_bytes(),
                    },
                    w,
                )
            {
                t = TITLE_FUZZY;
            }
            // A title word is counted in the body too; keep one of them.
            let b = body[(d - start) as usize];
            let s = if t > 0 {
                t + b.saturating_sub(BODY_START)
            } else {
                b
            };
            if s > 0 {
                out.push((d, s));
            }
        }
        out
    })
}

/// The keyword of a clause that can stand next to the next clause's.
fn primary(e: &Engine, c: &Clause) -> Option<WordSet> {
    if c.negated {
        return None;
    }
    match c.alts.first()? {
        Alt::Keyword(w) => Some(e.index.lookup(w, true)),
        Alt::Exact(w) => Some(e.index.lookup(w, false)),
        _ => None,
    }
}

/// Orders the matches.
pub(super) fn rank(e: &Engine, q: &Query, scored: &Scored, sort: SortOrder) -> Vec<Hit> {
    // Each order is a permutation of the articles: sorting packs (score,
    // position) into one integer, and the position gives the article back.
    let (position, order): (&[u32], &[u32]) = match sort {
        SortOrder::Relevance | SortOrder::Newest => (&e.newest.0, &e.newest.1),
        SortOrder::Oldest => (&e.oldest.0, &e.oldest.1),
        SortOrder::Title => {
            let t = e.title_order();
            (&t.0, &t.1)
        }
    };
    let by_score = sort == SortOrder::Relevance;
    // The keys of the engine, sorted here by comparison: what the
    // engine orders without comparing is checked against this.
    let pack = |&(d, s): &(u32, u32)| -> u64 {
        let p = position.get(d as usize).copied().unwrap_or(u32::MAX);
        sorting::pack(p, s, by_score)
    };
    let unpack = |k: u64| -> (u32, u32) {
        let (p, s) = sorting::unpack(k, by_score);
        (order.get(p as usize).copied().unwrap_or(0), s)
    };
    let parallel = scored.len() >= 16 * PARALLEL_FROM;
    let mut keys: Vec<u64> = if parallel {
        scored.par_iter().map(pack).collect()
    } else {
        scored.iter().map(pack).collect()
    };
    if parallel {
        keys.par_sort_unstable();
    } else {
        keys.sort_unstable();
    }
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
    let keywords: Vec<Option<(ClauseKey, WordSet)>> = q
        .clauses
        .iter()
        .filter(|c| !(c.is_place() || c.is_date()))
        .map(|c| primary(e, c).map(|s| (c.key(), s)))
        .collect();
    let pairs: Vec<([ClauseKey; 2], [&WordSet; 2])> = keywords
        .windows(2)
        .filter_map(|w| match (&w[0], &w[1]) {
            (Some((ka, a)), Some((kb, b))) => Some(([ka.clone(), kb.clone()], [a, b])),
            _ => None,
        })
        .collect();
    if pairs.is_empty() {
        return false;
    }
    let top = entries.len();
    let mut memo = e.adjacent.lock().unwrap_or_else(|p| p.into_inner());
    if memo.values().map(|m| m.len()).sum::<usize>() > 1_000_000 {
        memo.clear();
    }
    for (key, sets) in &pairs {
        let known = memo.entry(key.clone()).or_default();
        let missing: Vec<u32> = entries[..top]
            .iter()
            .map(|x| x.0)
            .filter(|d| !known.contains_key(d))
            .collect();
        let flags = e.index.rank_flags(&[sets[0].clone(), sets[1].clone()]);
        let sets = [sets[0].clone(), sets[1].clone()];
        let found: Vec<(u32, u32)> = missing
            .par_iter()
            .map(|&d| (d, adjacent_bonus(e, &sets, &flags, d)))
            .collect();
        known.extend(found);
        for (d, s) in entries[..top].iter_mut() {
            *s += known.get(d).copied().unwrap_or(0);
        }
    }
    true
}

/// The bonus of article `d` for holding words of the two `sets` side by
/// side (`flags` from [`super::index::Index::rank_flags`] of the sets), in
/// its title and in its body.
fn adjacent_bonus(e: &Engine, sets: &[WordSet; 2], flags: &[u16], d: u32) -> u32 {
    let Some(seg) = e.index.segment_of(d) else {
        return 0;
    };
    adjacency(
        sequence_count(seg.title(d).iter().map(|&id| Some(id)), sets) > 0,
        sequence_count_ranks(seg.body_ranks(d), flags, 2) > 0,
    )
}

#[cfg(test)]
mod tests;
