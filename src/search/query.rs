//! The query language: parsing one query line into clauses.
//!
//! Terms are separated by spaces and all must hold. A term is a keyword
//! (`thon`), an exact word (`'thon`), a phrase (`"nông thôn mới"`), a
//! place (`@tuson`, `@"Từ Sơn"`), a date (`#2020`, `#3/9/2020`,
//! `#2017..2020`), what the reader did with the article (`is:unread`,
//! `is:read`, `is:bookmarked`), or several of these joined by `|`
//! (either). `!` before a term excludes what it matches.
//!
//! Parsing never fails: an unfinished term (`@`, `#20`, `"open`, `!`) is
//! ignored or read leniently, and a term that cannot mean anything
//! (`#2020-13`) becomes a hint and filters nothing.

pub(crate) mod clause;
mod dates;
pub mod hint;
mod place_words;
mod relative;
mod rewrite;
mod term;
#[cfg(test)]
mod tests;
pub(crate) mod tokens;

pub use clause::{
    Alt, Clause, ClauseKey, DateRange, Flag, Kind, Part, PlaceTerm, Word, exact_form,
};
pub use hint::{DateProblem, Hint};
pub use place_words::PlaceReading;
pub use rewrite::{date_term, place_term};
pub use term::exact_place_key;
pub use tokens::{is_word_char, words};

use crate::search::abbrev;

/// The query language, for `--help` and the browser's help screen.
pub const SYNTAX_HELP: &str = "\
Query language (terms separated by spaces; an article must satisfy all):
  word          a word start in title or body (thon finds thôn), or the title
                spelling it without spaces (tuson finds Từ Sơn); diacritics
                count only when typed (đang is not Đảng), case never counts;
                from five letters a typo is forgiven (nghi quyte finds nghị
                quyết), ranked below what is found as typed (--no-typos: none);
                Telex and VNI are read too (tuwf sown, tu72 so7n find từ sơn);
                words that spell a place (thuong tin, thuongtin) rank the
                articles about it first
  'word         the whole word only
  \"a few words\" those words one after another
  !term         articles that do not match the term
  a|b           either term
  @place        a place or anything inside it, old and new names alike:
                @tuson, @\"thị xã Từ Sơn\", @bacninh
  #date         #2020, #2020-09, #2020-09-03, #9/2020, #3/9/2020 (day/month/year),
                ranges #2017..2020, #2020-06.., #..2018; #homnay #homqua
                #tuannay #tuantruoc #thangnay #thangtruoc #namnay #namngoai
                (#today #yesterday #thisweek …), the last days #7ngay #2tuan
                #3thang #1nam (#7d #2w #3m #1y), around a day #3/9/2020~3,
                quarters #quy3/2020 #2020q3, months #thang9/2020, September
                of every year #thang9; today is the day in Vietnam
                (TINTUC_NOW fixes the clock)
  is:unread     articles not opened yet; is:read those opened, is:bookmarked
                those marked with m (any prefix will do: is:b)
  Abbreviations match their expansions both ways: UBND = Ủy ban nhân dân,
  HĐND, MTTQ, TP, TX, BCH, BTV and more.";

/// The longest query the browser takes, in characters, and in words.
/// A query a person types is rarely over 100 characters or 10 words; a
/// pasted title is about 150 characters. Beyond this is a paste gone
/// wrong, and each keystroke on it would cost a search of its size.
pub const MAX_QUERY_CHARS: usize = 500;
pub const MAX_QUERY_WORDS: usize = 64;

/// The longest beginning of `query` within [`MAX_QUERY_CHARS`] and
/// [`MAX_QUERY_WORDS`] (words: runs of non-space): what the browser lets
/// be typed.
pub fn within_limits(query: &str) -> &str {
    let (mut chars, mut words, mut after_space) = (0, 0, true);
    for (i, c) in query.char_indices() {
        let starts_word = after_space && !c.is_whitespace();
        if chars == MAX_QUERY_CHARS || (starts_word && words == MAX_QUERY_WORDS) {
            return &query[..i];
        }
        chars += 1;
        words += usize::from(starts_word);
        after_space = c.is_whitespace();
    }
    query
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The query as typed: what the spans of its terms point into.
    pub text: String,
    /// The terms that filter, in order.
    pub clauses: Vec<Clause>,
    /// The terms that filter nothing, being unfinished (`@`, `#20-`, `!`)
    /// or impossible (`#2020-13`): they have no alternatives, and are
    /// kept for rewriting the text.
    pub inert: Vec<Clause>,
    /// Terms that cannot mean anything, explained.
    pub hints: Vec<Hint>,
    /// Keywords that spell a place, which the articles about it rank
    /// first among those they find.
    pub places_read: Vec<PlaceReading>,
}

impl Query {
    /// Every keyword that can be highlighted, as typed (deduplicated).
    pub fn keywords(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in self.clauses.iter().filter(|c| !c.negated) {
            for a in &c.alts {
                for w in a.words() {
                    if !out.iter().any(|o| o == w.key()) {
                        out.push(w.key().to_string());
                    }
                }
            }
        }
        out
    }

    /// The place filters in force, as typed (`@` terms, not keywords
    /// that spell a place).
    pub fn places(&self) -> Vec<String> {
        self.clauses
            .iter()
            .filter(|c| c.parts.iter().any(|p| p.kind == Kind::Place))
            .map(|c| c.text.clone())
            .collect()
    }

    /// The date filters in force, as typed.
    pub fn dates(&self) -> Vec<String> {
        self.clauses
            .iter()
            .filter(|c| c.alts.iter().any(|a| matches!(a, Alt::Date(_))))
            .map(|c| c.text.clone())
            .collect()
    }

    /// The `is:` filters in force, as typed.
    pub fn flags(&self) -> Vec<String> {
        self.clauses
            .iter()
            .filter(|c| c.alts.iter().any(|a| matches!(a, Alt::Flag(_))))
            .map(|c| c.text.clone())
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The day a date term around a day is centred on (the first such).
    pub fn near_day(&self) -> Option<jiff::civil::Date> {
        self.clauses
            .iter()
            .filter(|c| !c.negated)
            .flat_map(|c| &c.alts)
            .find_map(|a| match a {
                Alt::Date(r) => r.near,
                _ => None,
            })
    }
}

/// The place filter for a place's name, by the name only: what `@` and
/// the name in quotes would look up.
pub fn place_named(name: &str) -> Option<PlaceTerm> {
    match term::parse_place(name)? {
        Alt::Place(t) => Some(t),
        _ => None,
    }
}

/// Parses a query line. Never fails and never panics.
pub fn parse(input: &str) -> Query {
    let mut query = Query {
        text: input.to_string(),
        ..Query::default()
    };
    for span in tokens::split_terms(input) {
        let clause = term::parse_term(input, span, &mut query.hints);
        if clause.alts.is_empty() {
            query.inert.push(clause);
        } else {
            query.clauses.push(clause);
        }
    }
    abbrev::expand(&mut query.clauses);
    query.places_read = place_words::read(&mut query.clauses);
    query
}
