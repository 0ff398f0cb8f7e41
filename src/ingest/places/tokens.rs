//! Place names are looked for in words: the text split into them, with what lies
//! between them.

use crate::text::is_word_char;

#[derive(Debug, Clone)]
pub(super) struct Word<'t> {
    pub(super) text: &'t str,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Lowercase: the form compared.
    lower: String,
}

impl<'t> Word<'t> {
    pub(super) fn new(text: &'t str, start: usize, end: usize) -> Self {
        Word {
            text,
            start,
            end,
            lower: text.to_lowercase(),
        }
    }

    pub(super) fn lower(&self) -> &str {
        &self.lower
    }

    pub(super) fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub(super) fn is_number(&self) -> bool {
        self.text.chars().all(|c| c.is_ascii_digit())
    }
}

/// A text split into words, with what lies between them.
pub(super) struct Tokens<'t> {
    pub(super) text: &'t str,
    pub(super) ws: Vec<Word<'t>>,
}

impl<'t> Tokens<'t> {
    /// An apostrophe inside a word stays ("M'Đrắk").
    pub(super) fn new(text: &'t str) -> Self {
        let mut ws = Vec::new();
        let mut start = None;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let inner_apostrophe = matches!(c, '\'' | '’')
                && start.is_some()
                && iter.peek().is_some_and(|&(_, n)| is_word_char(n));
            if is_word_char(c) || inner_apostrophe {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                ws.push(Word::new(&text[s..i], s, i));
            }
        }
        if let Some(s) = start {
            ws.push(Word::new(&text[s..], s, text.len()));
        }
        Tokens { text, ws }
    }

    pub(super) fn len(&self) -> usize {
        self.ws.len()
    }

    /// The text between word `i - 1` and word `i`.
    pub(super) fn gap(&self, i: usize) -> &'t str {
        let start = if i == 0 { 0 } else { self.ws[i - 1].end };
        &self.text[start..self.ws[i].start]
    }

    /// The text of words `from..to`.
    pub(super) fn span(&self, from: usize, to: usize) -> &'t str {
        &self.text[self.ws[from].start..self.ws[to - 1].end]
    }

    /// Whether only white space (or a hyphen between spaces, as in "Bà
    /// Rịa - Vũng Tàu") separates word `i` from the one before.
    pub(super) fn joins_name(&self, i: usize) -> bool {
        let gap = self.gap(i);
        let t = gap.trim();
        (t.is_empty() && !gap.is_empty()) || (matches!(t, "-" | "–") && gap.starts_with(' '))
    }

    /// Lowercase words `from..to`, if only spaces separate them.
    pub(super) fn phrase(&self, from: usize, to: usize) -> Option<String> {
        (from + 1..to)
            .all(|k| self.gap(k).trim().is_empty())
            .then(|| self.span(from, to).to_lowercase())
    }
}
