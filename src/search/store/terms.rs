//! The terms of one segment's field that a query word matches: a range of
//! the term dictionary (every term is its folded form first, see
//! [`super::tokenizer`]), narrowed by the exact form when the word was
//! typed with diacritics.

use std::io;

use tantivy::InvertedIndexReader;
use tantivy::postings::TermInfo;

use super::tokenizer::{EXACT_MARK, split_term};
use crate::search::query::Word;
use crate::text::tone::exact_prefix;

/// One matching term.
#[derive(Debug, Clone)]
pub struct TermMatch {
    /// The term as indexed.
    pub term: String,
    pub info: TermInfo,
    /// The term is the word itself, not a longer word it starts.
    pub whole: bool,
}

/// The first key past every key that starts with `prefix`, if any.
fn after_prefix(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

/// The terms `word` matches: those it starts (`prefix`) or equals, folded,
/// and exactly when it was typed with diacritics (a typed prefix may end
/// in a vowel the term has with its tone moved, see [`exact_prefix`]).
pub fn matching_terms(
    inverted: &InvertedIndexReader,
    word: &Word,
    prefix: bool,
) -> io::Result<Vec<TermMatch>> {
    let folded = word.folded.as_bytes();
    let mut whole_word = word.folded.clone();
    whole_word.push(EXACT_MARK);
    let end = if prefix {
        after_prefix(folded)
    } else {
        // The word, and the word followed by its exact forms.
        after_prefix(whole_word.as_bytes())
    };
    let mut range = inverted.terms().range().ge(folded);
    if let Some(end) = &end {
        range = range.lt(end);
    }
    let mut stream = range.into_stream()?;
    let mut out = Vec::new();
    while stream.advance() {
        let Ok(term) = std::str::from_utf8(stream.key()) else {
            continue;
        };
        let (f, exact) = split_term(term);
        let whole = f == word.folded;
        if !prefix && !whole {
            continue;
        }
        let wanted = match &word.exact {
            None => true,
            Some(typed) if prefix => exact_prefix(exact, typed),
            Some(typed) => exact == typed,
        };
        if wanted {
            out.push(TermMatch {
                term: term.to_owned(),
                info: stream.value().clone(),
                whole,
            });
        }
    }
    Ok(out)
}

/// The terms whose folded form starts exactly `edits` edits from the
/// keyword of `dfa` (see [`crate::search::typo`]): found by walking the
/// term dictionary along the automaton. None is a whole word: a typo
/// match ranks as a word start.
pub fn terms_within(
    inverted: &InvertedIndexReader,
    dfa: &levenshtein_automata::DFA,
    edits: u8,
) -> io::Result<Vec<TermMatch>> {
    let automaton = crate::search::typo::TermsAt { dfa, edits };
    let mut stream = inverted.terms().search(automaton).into_stream()?;
    let mut out = Vec::new();
    while stream.advance() {
        let Ok(term) = std::str::from_utf8(stream.key()) else {
            continue;
        };
        out.push(TermMatch {
            term: term.to_owned(),
            info: stream.value().clone(),
            whole: false,
        });
    }
    Ok(out)
}

/// Up to `n` words of the titles and bodies closest to the folded
/// keyword `folded` (3 letters or more): within one edit, or two from
/// five letters, fewest edits first, then the commonest; each as written
/// (its exact form). What to suggest for a keyword in no article.
pub fn closest_words(
    segs: &super::segments::Segments,
    folded: &str,
    n: usize,
) -> io::Result<Vec<String>> {
    let letters = folded.chars().count();
    if letters < 3 {
        return Ok(Vec::new());
    }
    let most: u8 = if letters >= 5 { 2 } else { 1 };
    let dfa = crate::search::typo::prefix_dfa(folded, most);
    // (edits of the whole word, how many articles have it, the word)
    let mut found: Vec<(usize, std::cmp::Reverse<u32>, String)> = Vec::new();
    for ord in 0..segs.segment_count() {
        let Some(seg) = segs.segment(ord) else {
            continue;
        };
        for field in [segs.fields.title, segs.fields.body] {
            let inverted = seg.inverted_index(field).map_err(io::Error::other)?;
            for edits in 1..=most {
                for m in terms_within(&inverted, &dfa, edits)? {
                    let (f, exact) = split_term(&m.term);
                    let whole = strsim::osa_distance(f, folded);
                    if whole <= usize::from(most) {
                        found.push((whole, std::cmp::Reverse(m.info.doc_freq), exact.to_owned()));
                    }
                }
            }
        }
    }
    found.sort_unstable();
    let mut out: Vec<String> = Vec::with_capacity(n);
    for (_, _, word) in found {
        if out.len() == n {
            break;
        }
        if !out.contains(&word) {
            out.push(word);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
