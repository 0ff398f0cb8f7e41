//! Where the query text splits: words, terms and alternatives, as byte
//! ranges of the text.

use std::ops::Range;

/// Splits text into words: maximal runs of letters, digits and combining
/// marks. The index and the query use the same rule. Works on bytes and
/// decodes only non-ASCII characters: this runs over every word of the
/// collection when it is indexed.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Whether the character at `i` is part of a word, and its length.
    let class = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b < 0x80 {
            return (b.is_ascii_alphanumeric(), 1);
        }
        match text[i..].chars().next() {
            Some(c) => (is_word_char(c), c.len_utf8()),
            None => (false, 1),
        }
    };
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let (w, len) = class(at);
            if w {
                break;
            }
            at += len;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let (w, len) = class(at);
            if !w {
                break;
            }
            at += len;
        }
        Some((start, &text[start..at]))
    })
}

pub use crate::text::is_word_char;

/// The terms of a query: split at white space outside double quotes.
/// A term never starts inside quotes, so each one, taken alone, splits
/// into itself again.
pub(super) fn split_terms(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if let Some(st) = start.take() {
                out.push(st..i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// The alternatives of a term: split at `|` outside double quotes.
pub(super) fn split_alts(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '|' if !quoted => {
                out.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(start..s.len());
    out
}

/// The text inside quotes, and whether the closing quote was typed.
pub(super) fn unquote(s: &str) -> (&str, bool) {
    let inner = s.strip_prefix('"').unwrap_or(s);
    match inner.find('"') {
        Some(end) => (&inner[..end], true),
        None => (inner, false),
    }
}
