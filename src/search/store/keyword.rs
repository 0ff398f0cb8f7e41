//! A keyword's score in each candidate article, from the postings of the
//! terms it matches in the title and the body.

use std::io;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, InvertedIndexReader, SegmentReader, TERMINATED};

use super::segments::{Candidates, Segments};
use super::terms::{TermMatch, matching_terms, terms_within};
use super::titles::Titles;
use crate::search::query::Word;
use crate::search::score::{TITLE_FUZZY, body_score, combine, title_score};
use crate::search::spelling::{Initials, spells};

/// From this many candidates in a segment, runs of them are scored on
/// every core. (The tests' small collections take both ways.)
#[cfg(not(test))]
const PARALLEL_FROM: usize = 32 * 1024;
#[cfg(test)]
const PARALLEL_FROM: usize = 4;

/// One term a keyword matches, in the title, body and abbreviation
/// fields.
struct Term {
    whole: bool,
    in_fields: [Option<TermMatch>; 3],
}

/// Adds the occurrences per article of one term in one field, among
/// the articles `first..=last` that are `wanted`, to `counts` (indexed
/// from `first`; noting the articles first `touched`), and calls `each`
/// for every article found.
fn occurrences(
    inverted: &InvertedIndexReader,
    info: &tantivy::postings::TermInfo,
    (first, last): (u32, u32),
    wanted: &impl Fn(u32) -> bool,
    counts: &mut [u32],
    touched: &mut Vec<u32>,
    mut each: impl FnMut(u32),
) -> io::Result<()> {
    let mut postings = inverted.read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?;
    if postings.doc() < first {
        postings.seek(first);
    }
    while postings.doc() <= last && postings.doc() != TERMINATED {
        let d = postings.doc();
        if wanted(d)
            && let Some(c) = counts.get_mut((d - first) as usize)
        {
            if *c == 0 {
                touched.push(d);
            }
            *c += postings.term_freq();
            each(d);
        }
        postings.advance();
    }
    Ok(())
}

/// A word that titles may spell across their words, and which titles to
/// try.
struct Spelled<'a> {
    word: &'a Word,
    titles: &'a Titles,
    initials: Initials,
    /// The articles whose titles hold a term the spelling needs (one bit
    /// each; see [`super::spellable`]): `None`, every title is tried.
    may: Option<Vec<u64>>,
}

impl Spelled<'_> {
    /// Whether the title of `d` spells the word.
    fn spelled_by(&self, d: u32) -> bool {
        if let Some(may) = &self.may
            && may
                .get(d as usize / 64)
                .is_none_or(|m| m & (1 << (d % 64)) == 0)
        {
            return false;
        }
        let exact = self.word.exact.is_some();
        let first_bytes = self.titles.initials(d, exact);
        self.initials.may_spell(first_bytes)
            && spells(
                self.titles.title(d),
                Some(first_bytes),
                |id| self.titles.form(id, exact),
                self.word,
            )
    }
}

/// The articles of a segment whose titles hold one of the terms of the
/// spelling field that `w` needs, as bits; `None` when every title must
/// be tried.
fn titles_to_try(
    seg: &SegmentReader,
    field: tantivy::schema::Field,
    w: &Word,
) -> io::Result<Option<Vec<u64>>> {
    let Some(needed) = super::spellable::word_terms(w.key()) else {
        return Ok(None);
    };
    let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
    let mut may = vec![0u64; (seg.max_doc() as usize).div_ceil(64)];
    for t in needed {
        let term = tantivy::Term::from_field_text(field, &t);
        let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)? else {
            continue;
        };
        while postings.doc() != TERMINATED {
            let d = postings.doc();
            if let Some(m) = may.get_mut(d as usize / 64) {
                *m |= 1 << (d % 64);
            }
            postings.advance();
        }
    }
    Ok(Some(may))
}

/// The titles of `seg` to try for a spelling of a word, if any.
fn spelled_in<'a>(
    seg: &SegmentReader,
    fields: &super::Fields,
    spelled: Option<(&'a Word, &'a Titles)>,
) -> io::Result<Option<Spelled<'a>>> {
    let Some((word, titles)) = spelled else {
        return Ok(None);
    };
    Ok(Some(Spelled {
        word,
        titles,
        initials: Initials::of(word.key().as_bytes()),
        may: titles_to_try(seg, fields.spelling, word)?,
    }))
}

/// What scoring a keyword in one segment reads: its terms in the title,
/// body and abbreviation fields, and the titles to try for a spelling.
struct Scoring<'a> {
    fields: [&'a InvertedIndexReader; 3],
    terms: Vec<Term>,
    spelled: Option<Spelled<'a>>,
    docs: &'a Candidates<'a>,
}

impl Scoring<'_> {
    /// The scores of the candidates `part` (a run of the sorted
    /// candidates), read from the postings of those articles only, so
    /// that runs can be scored side by side.
    fn part(&self, part: &[u32]) -> io::Result<Vec<(u32, u32)>> {
        let (Some(&first), Some(&last)) = (part.first(), part.last()) else {
            return Ok(Vec::new());
        };
        let at = |d: u32| (d - first) as usize;
        let wanted = |d: u32| self.docs.contains(d);
        // Per article: a short prefix matches terms in most of them, so
        // arrays, not maps.
        let size = at(last) + 1;
        let mut title_best = vec![0u32; size];
        let mut body_best = vec![0u32; size];
        let mut counts = vec![0u32; size];
        let mut touched: Vec<u32> = Vec::new();
        for term in &self.terms {
            for (k, (m, inverted)) in term.in_fields.iter().zip(self.fields).enumerate() {
                let Some(m) = m else { continue };
                // The title's own words make a title match; what its
                // abbreviations stand for counts as occurrences only.
                let score = if k == 0 { title_score(term.whole) } else { 0 };
                let range = (first, last);
                occurrences(
                    inverted,
                    &m.info,
                    range,
                    &wanted,
                    &mut counts,
                    &mut touched,
                    |d| {
                        if let Some(best) = title_best.get_mut(at(d)) {
                            *best = (*best).max(score);
                        }
                    },
                )?;
            }
            for d in touched.drain(..) {
                if let (Some(c), Some(best)) = (counts.get_mut(at(d)), body_best.get_mut(at(d))) {
                    *best = (*best).max(body_score(*c, term.whole));
                    *c = 0;
                }
            }
        }
        let mut out = Vec::new();
        for &d in part {
            let mut title = title_best.get(at(d)).copied().unwrap_or(0);
            if title == 0
                && let Some(spelled) = &self.spelled
                && wanted(d)
                && spelled.spelled_by(d)
            {
                title = TITLE_FUZZY;
            }
            let s = combine(title, body_best.get(at(d)).copied().unwrap_or(0));
            if s > 0 {
                out.push((d, s));
            }
        }
        Ok(out)
    }
}

/// The candidates `docs` (a segment's own numbers, sorted) holding a term
/// `word` matches, with the keyword's score: its best title match and its
/// best term counted over title and body.
fn in_segment(
    seg: &SegmentReader,
    fields: &super::Fields,
    word: &Word,
    prefix: bool,
    spelled: Option<(&Word, &Titles)>,
    docs: &Candidates<'_>,
) -> io::Result<Vec<(u32, u32)>> {
    let terms = |inverted: &InvertedIndexReader| matching_terms(inverted, word, prefix);
    scored_in_segment(seg, fields, terms, spelled, docs)
}

/// [`in_segment`], for the terms `terms_of` finds in each field.
fn scored_in_segment(
    seg: &SegmentReader,
    fields: &super::Fields,
    terms_of: impl Fn(&InvertedIndexReader) -> io::Result<Vec<TermMatch>>,
    spelled: Option<(&Word, &Titles)>,
    docs: &Candidates<'_>,
) -> io::Result<Vec<(u32, u32)>> {
    let title = seg.inverted_index(fields.title).map_err(io::Error::other)?;
    let body = seg.inverted_index(fields.body).map_err(io::Error::other)?;
    let abbreviated = seg
        .inverted_index(fields.abbreviated)
        .map_err(io::Error::other)?;
    // Each term once, with its postings in each field.
    let mut terms: FxHashMap<String, Term> = FxHashMap::default();
    let fields_read = [&*title, &*body, &*abbreviated];
    for (k, inverted) in fields_read.iter().enumerate() {
        for m in terms_of(inverted)? {
            let term = terms.entry(m.term.clone()).or_insert(Term {
                whole: m.whole,
                in_fields: [None, None, None],
            });
            if let Some(slot) = term.in_fields.get_mut(k) {
                *slot = Some(m);
            }
        }
    }
    let scoring = Scoring {
        fields: fields_read,
        terms: terms.into_values().collect(),
        spelled: spelled_in(seg, fields, spelled)?,
        docs,
    };
    // A word in most of many articles: their runs scored on every core.
    if docs.docs.len() < PARALLEL_FROM {
        return scoring.part(&docs.docs);
    }
    let runs = 2 * rayon::current_num_threads().max(1);
    let parts: Vec<io::Result<Vec<(u32, u32)>>> = docs
        .docs
        .par_chunks(docs.docs.len().div_ceil(runs))
        .map(|part| scoring.part(part))
        .collect();
    let mut out = Vec::with_capacity(docs.docs.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

/// The candidates `docs` (article numbers, sorted) holding a word that
/// `word` starts (`prefix`) or is, with the keyword's score; with
/// `spelled`, also those whose title spells that word across its words.
/// A one- or two-letter prefix typed without marks is scored for every
/// article the first time, and read back after (see
/// [`Segments::short_scores`]).
pub fn keyword_scores(
    segs: &Segments,
    word: &Word,
    prefix: bool,
    spelled: Option<&Word>,
    docs: &[u32],
) -> io::Result<Vec<(u32, u32)>> {
    let letters = word.folded.chars().count();
    let short = prefix && spelled.is_none() && word.exact.is_none() && letters <= 2;
    // Longer prefixes are read back only where they are kept, scored with
    // the titles that spell them (see [`keep_ahead`]).
    let kept = prefix
        && spelled.is_some()
        && word.exact.is_none()
        && (3..=super::letters::LONGEST).contains(&letters);
    segs.per_segment(docs, |ord, seg, candidates| {
        let scores = if short {
            Some(segs.short_scores(ord, &word.folded, |seg, all| {
                in_segment(seg, &segs.fields, word, true, None, all)
            })?)
        } else if kept {
            segs.kept_scores(ord, &word.folded).map(std::sync::Arc::new)
        } else {
            None
        };
        let Some(scores) = scores else {
            let titles = match spelled {
                Some(w) => Some((w, segs.titles(ord)?)),
                None => None,
            };
            return in_segment(seg, &segs.fields, word, prefix, titles, candidates);
        };
        let mut out = Vec::with_capacity(candidates.docs.len());
        for &d in &candidates.docs {
            let s = scores.get(d as usize).copied().unwrap_or(0);
            if s > 0 && candidates.contains(d) {
                out.push((d, u32::from(s)));
            }
        }
        Ok(out)
    })
}

/// The candidates `docs` holding a word that starts exactly `edits`
/// edits from the keyword of `dfa` (see [`crate::search::typo`]), with
/// the keyword's score as a word start.
pub fn typo_scores(
    segs: &Segments,
    dfa: &levenshtein_automata::DFA,
    edits: u8,
    docs: &[u32],
) -> io::Result<Vec<(u32, u32)>> {
    let terms = |inverted: &InvertedIndexReader| terms_within(inverted, dfa, edits);
    segs.per_segment(docs, |_, seg, candidates| {
        scored_in_segment(seg, &segs.fields, terms, None, candidates)
    })
}

/// Whether `word` starts a word of the title, body or abbreviations of
/// any article (typed with diacritics, with them).
pub fn starts_any(segs: &Segments, word: &Word) -> io::Result<bool> {
    for ord in 0..segs.segment_count() {
        let Some(seg) = segs.segment(ord) else {
            continue;
        };
        for field in [segs.fields.title, segs.fields.body, segs.fields.abbreviated] {
            let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
            if !matching_terms(&inverted, word, true)?.is_empty() {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Scores the one-letter prefixes `letters` in every segment, the way
/// [`keyword_scores`] keeps them, while `keep_going` says so: done after
/// an index is opened, the first keystroke of a query then finds its
/// letter ready.
pub fn warm_short_prefixes(
    segs: &Segments,
    letters: &str,
    keep_going: impl Fn() -> bool,
) -> io::Result<()> {
    for letter in letters.chars() {
        // Kept under the folded letter, so scored as typed without marks
        // (what a keystroke reads back is what it would have scored).
        let word = Word::folded(letter.encode_utf8(&mut [0; 4]));
        for ord in 0..segs.segment_count() {
            if !keep_going() {
                return Ok(());
            }
            segs.short_scores(ord, &word.folded, |seg, all| {
                in_segment(seg, &segs.fields, &word, true, None, all)
            })?;
        }
    }
    Ok(())
}

/// Keeps what the first keystrokes need for each segment of `segs` that
/// has none kept yet, in the index's directory: the scores of every
/// letter of [`super::letters::LETTERS`] and of the segment's common
/// longer prefixes ([`super::letters::common_prefixes`]), and the
/// titles' words; and removes those of segments gone. The scores are
/// written, not kept in memory: a keystroke reads its prefix back.
///
/// # Errors
/// When the index cannot be read or the files cannot be written.
pub fn keep_ahead(segs: &Segments) -> io::Result<()> {
    let Some(dir) = segs.kept().map(super::letters::dir_of) else {
        return Ok(());
    };
    segs.keep_titles()?;
    let mut names = Vec::new();
    for ord in 0..segs.segment_count() {
        let Some(seg) = segs.segment(ord) else {
            continue;
        };
        let file = super::letters::file_of(&dir, seg.segment_id());
        names.extend(file.file_name().map(std::ffi::OsStr::to_os_string));
        if super::letters::is_whole(&file, seg.max_doc()) {
            continue;
        }
        let mut prefixes: Vec<String> = super::letters::LETTERS.chars().map(String::from).collect();
        prefixes.extend(super::letters::common_prefixes(
            seg,
            &[segs.fields.title, segs.fields.body],
        )?);
        let names: Vec<&str> = prefixes.iter().map(String::as_str).collect();
        let titles = segs.titles(ord)?;
        super::letters::write(&file, seg.max_doc(), &names, |prefix| {
            let word = Word::folded(prefix);
            // Scored as a keystroke scores it: from three letters, with
            // the titles that spell it across their words.
            let spelled = (prefix.chars().count() >= 3).then_some((&word, titles));
            segs.all_scores(ord, |seg, all| {
                in_segment(seg, &segs.fields, &word, true, spelled, all)
            })
        })?;
    }
    super::letters::remove_unnamed(&dir, &names);
    Ok(())
}
