//! One term of a query into a clause: its alternatives, each parsed by
//! the kind it is written as.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use super::clause::{Alt, Clause, Flag, Kind, Part, PlaceTerm, Word, exact_form};
use super::dates::parse_date_term;
use super::hint::Hint;
use super::tokens::{split_alts, unquote, words};
use crate::gazetteer::{TYPE_WORDS, place_key, strip_type_word};
use crate::text::has_diacritics;

/// The term at `span` of `input`. A term that can mean nothing yet
/// (`@`, `#20-`, `!`) or at all (`#2020-13`, with a hint) has no
/// alternatives.
pub(super) fn parse_term(input: &str, span: Range<usize>, hints: &mut Vec<Hint>) -> Clause {
    let raw = &input[span.clone()];
    let body_at = raw.len() - raw.trim_start_matches('!').len();
    let body = &raw[body_at..];
    let mut alts = Vec::new();
    let mut parts = Vec::new();
    for piece in split_alts(body) {
        let typed = &body[piece.clone()];
        let bangs = typed.len() - typed.trim_start_matches('!').len();
        let typed = &typed[bangs..];
        // Normalised one alternative at a time, so that spans stay those
        // of the text as typed (white space, quotes, `|` and `!` never
        // compose with their neighbours).
        let nfc: String = typed.nfc().collect();
        let Some(kind) = Kind::of(&nfc) else {
            continue;
        };
        let start = span.start + body_at + piece.start + bangs;
        parts.push(Part {
            kind,
            span: start..start + typed.len(),
        });
        alts.extend(parse_alt(kind, &nfc, hints));
    }
    Clause {
        negated: body_at > 0,
        alts,
        text: raw.nfc().collect(),
        span,
        parts,
    }
}

fn word_list(s: &str) -> Vec<Word> {
    words(s).map(|(_, w)| Word::new(w)).collect()
}

/// The `kind` that `s` starts as tells what follows its first
/// characters.
fn parse_alt(kind: Kind, s: &str, hints: &mut Vec<Hint>) -> Option<Alt> {
    match kind {
        Kind::Place => parse_place(&s[1..]),
        Kind::Date => parse_date_term(&s[1..], s, hints).map(Alt::Date),
        Kind::Flag => parse_flag(&s[3..], s, hints),
        Kind::Exact => as_alt(word_list(&s[1..]), Alt::Exact, false),
        Kind::Phrase => {
            let (inner, closed) = unquote(s);
            let single = if closed { Alt::Exact } else { Alt::Keyword };
            as_alt(word_list(inner), single, !closed)
        }
        // A keyword with inner punctuation ("covid-19", "01-KL/TW") is the
        // phrase of its parts, the last one a word start.
        Kind::Word => as_alt(word_list(s), Alt::Keyword, true),
    }
}

/// Words as one alternative: a single one as `single` makes it, more as
/// a phrase (`open`: its last word may be a word start).
fn as_alt(mut words: Vec<Word>, single: fn(Word) -> Alt, open: bool) -> Option<Alt> {
    match words.len() {
        0 => None,
        1 => words.pop().map(single),
        _ => Some(Alt::Phrase { words, open }),
    }
}

/// What follows `is:`. Nothing yet: no filter; an unknown value: a hint.
fn parse_flag(value: &str, typed: &str, hints: &mut Vec<Hint>) -> Option<Alt> {
    if value.is_empty() {
        return None;
    }
    let flag = Flag::parse(value);
    if flag.is_none() {
        hints.push(Hint::UnknownFlag {
            term: typed.to_string(),
        });
    }
    flag.map(Alt::Flag)
}

pub(crate) fn parse_place(rest: &str) -> Option<Alt> {
    let name = if rest.starts_with('"') {
        unquote(rest).0
    } else {
        rest
    };
    let name = name.trim();
    let mut bare: Vec<String> = vec![name.to_string(), strip_type_word(name).to_string()];
    // Typed without spaces ("thixatuson"), a type word may still lead.
    let key = place_key(name);
    for tw in TYPE_WORDS {
        let tw: String = tw.chars().filter(|c| *c != ' ').collect();
        if let Some(stripped) = key.strip_prefix(tw.as_str())
            && !stripped.is_empty()
        {
            bare.push(stripped.to_string());
        }
    }
    let mut keys: Vec<String> = bare.iter().map(|b| place_key(b)).collect();
    keys.retain(|k| !k.is_empty());
    keys.dedup();
    if keys.is_empty() {
        return None;
    }
    let exact = has_diacritics(name).then(|| {
        let mut e: Vec<String> = [name, strip_type_word(name)]
            .iter()
            .map(|b| exact_place_key(b))
            .filter(|k| !k.is_empty())
            .collect();
        e.dedup();
        e
    });
    Some(Alt::Place(PlaceTerm { keys, exact }))
}

/// A place name's exact key: lowercase, canonical tones, letters and
/// digits only.
pub fn exact_place_key(name: &str) -> String {
    exact_form(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}
