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

/// A term split back into its folded and exact forms.
pub fn split_term(term: &str) -> (&str, &str) {
    match term.split_once(EXACT_MARK) {
        Some((folded, exact)) => (folded, exact),
        None => (term, term),
    }
}

/// See the module documentation. Gives the words of a text, or with
/// `abbreviated` only the words its abbreviations stand for.
#[derive(Debug, Clone, Default)]
pub struct WordTokenizer {
    abbreviated: bool,
    tokens: Vec<Token>,
}

impl WordTokenizer {
    pub fn new(abbreviated: bool) -> WordTokenizer {
        WordTokenizer {
            abbreviated,
            tokens: Vec::new(),
        }
    }
}

/// The tokens of one text, made all at once.
pub struct WordStream<'a> {
    /// The text's tokens, then one unused token so that there is always
    /// one to point at.
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
        self.tokens.clear();
        for (position, (at, word)) in words(text).enumerate() {
            let token = Token {
                offset_from: at,
                offset_to: at + word.len(),
                position,
                text: term_text(word),
                position_length: 1,
            };
            if !self.abbreviated {
                self.tokens.push(token);
                continue;
            }
            let folded = split_term(&token.text).0;
            let more = expansions().get(folded).map_or(&[][..], Vec::as_slice);
            for t in more {
                self.tokens.push(Token {
                    text: t.clone(),
                    ..token.clone()
                });
            }
        }
        let len = self.tokens.len();
        self.tokens.push(Token::default());
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
