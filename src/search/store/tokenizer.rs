//! The one tokenizer of the index: the words of the query language
//! ([`words`]), each indexed as a single term that holds its folded form
//! and, when it differs, its exact form.
//!
//! Folded first, exact second, so the term dictionary is sorted as the
//! query language needs it: every spelling that folds to a typed prefix
//! is one contiguous range of terms, and a query typed with diacritics
//! narrows that range by the exact part. One dictionary (not a folded and
//! an exact field) keeps one set of postings and positions per spelling.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::search::abbrev;
use crate::search::query::{exact_form, words};
use crate::text::fold_str;

/// The names the tokenizers are registered under in every index: the
/// words of a text, and the words its abbreviations stand for.
pub const NAME: &str = "tintuc_words";
pub const ABBREVIATED: &str = "tintuc_abbreviated";

/// Between the folded and the exact form of a term: below every letter
/// and digit, so a word sorts before its longer neighbours.
pub const EXACT_MARK: char = '\u{1}';

/// The term a word is indexed as.
pub fn term_text(word: &str) -> String {
    let folded = fold_str(word);
    let exact = exact_form(word);
    if exact == folded {
        return folded;
    }
    let mut term = String::with_capacity(folded.len() + 1 + exact.len());
    term.push_str(&folded);
    term.push(EXACT_MARK);
    term.push_str(&exact);
    term
}

/// The terms of the words a one-word abbreviation stands for, by the
/// abbreviation's folded form: indexed in a field of their own, so that
/// the words find the abbreviation ("ban" finds "UBND") but no phrase
/// runs through them.
fn expansions() -> &'static HashMap<String, Vec<String>> {
    static EXPANSIONS: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    EXPANSIONS.get_or_init(|| {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (short, long) in abbrev::expansions() {
            let terms = map.entry(fold_str(short)).or_default();
            for w in long {
                let t = term_text(w);
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
        }
        map
    })
}

/// The letters of the longest abbreviation [`expansions`] knows.
fn longest_abbreviation() -> usize {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    *LONGEST.get_or_init(|| {
        expansions()
            .keys()
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0)
    })
}

/// A term split back into its folded and exact forms.
pub fn split_term(term: &str) -> (&str, &str) {
    match term.split_once(EXACT_MARK) {
        Some((folded, exact)) => (folded, exact),
        None => (term, term),
    }
}

/// Distinct words whose terms a tokenizer remembers: a collection says
/// the same words over and over, and folding is most of the work.
const REMEMBERED: usize = 100_000;

/// See the module documentation. Gives the words of a text, or with
/// `abbreviated` only the words its abbreviations stand for.
#[derive(Debug, Clone, Default)]
pub struct WordTokenizer {
    abbreviated: bool,
    /// Tokens of the last text; their strings are reused.
    tokens: Vec<Token>,
    /// Term by word, as written.
    terms: FxHashMap<Box<str>, Box<str>>,
}

impl WordTokenizer {
    pub fn new(abbreviated: bool) -> WordTokenizer {
        WordTokenizer {
            abbreviated,
            ..WordTokenizer::default()
        }
    }

    /// The term of `word`, remembered.
    fn term<'t>(terms: &'t mut FxHashMap<Box<str>, Box<str>>, word: &str) -> &'t str {
        if terms.len() >= REMEMBERED && !terms.contains_key(word) {
            terms.clear();
        }
        terms.entry(word.into()).or_insert_with(|| {
            if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
                word.to_ascii_lowercase().into()
            } else {
                term_text(word).into()
            }
        })
    }

    /// Sets token `i` (reusing its string), adding it if needed.
    fn set(tokens: &mut Vec<Token>, i: usize, from: usize, to: usize, position: usize, text: &str) {
        if tokens.len() <= i {
            tokens.push(Token::default());
        }
        if let Some(t) = tokens.get_mut(i) {
            t.offset_from = from;
            t.offset_to = to;
            t.position = position;
            t.position_length = 1;
            t.text.clear();
            t.text.push_str(text);
        }
    }
}

/// The tokens of one text, made all at once.
pub struct WordStream<'a> {
    /// The text's tokens (the first `len`), then unused ones.
    tokens: &'a mut Vec<Token>,
    len: usize,
    /// The current token plus one (0: before the first).
    next: usize,
}

impl WordStream<'_> {
    fn current(&self) -> usize {
        self.next.saturating_sub(1).min(self.len)
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        let mut len = 0;
        let longest = longest_abbreviation();
        for (position, (at, word)) in words(text).enumerate() {
            let end = at + word.len();
            if !self.abbreviated {
                let term = Self::term(&mut self.terms, word);
                Self::set(&mut self.tokens, len, at, end, position, term);
                len += 1;
                continue;
            }
            // Folding keeps the letters and drops the marks: a word of
            // more letters is no abbreviation, and most words are.
            let mut letters = word
                .chars()
                .filter(|&c| !unicode_normalization::char::is_combining_mark(c));
            if letters.nth(longest).is_some() {
                continue;
            }
            let folded = fold_str(word);
            for t in expansions().get(&folded).map_or(&[][..], Vec::as_slice) {
                Self::set(&mut self.tokens, len, at, end, position, t);
                len += 1;
            }
        }
        // One more, so that there is always a token to point at.
        Self::set(&mut self.tokens, len, 0, 0, 0, "");
        WordStream {
            tokens: &mut self.tokens,
            len,
            next: 0,
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next > self.len {
            return false;
        }
        self.next += 1;
        self.next <= self.len
    }

    fn token(&self) -> &Token {
        &self.tokens[self.current()]
    }

    fn token_mut(&mut self) -> &mut Token {
        let i = self.current();
        &mut self.tokens[i]
    }
}
