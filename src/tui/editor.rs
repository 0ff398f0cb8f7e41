//! A one-line text editor: the query line, the in-article search and the
//! place picker's filter all use it.
//!
//! The cursor moves and deletes by grapheme cluster, so a Vietnamese letter
//! is one step whether it arrived precomposed ("ệ") or as a base letter
//! with combining marks (some input methods and pastes send NFD). The text
//! is kept in NFC, and characters that could drive the terminal are
//! dropped on the way in.

use unicode_normalization::{UnicodeNormalization, is_nfc};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::sanitize::is_unsafe;

/// One editing step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Pasted text: line breaks and tabs become spaces.
    InsertStr(String),
    Left,
    Right,
    Home,
    End,
    Backspace,
    Delete,
    /// Ctrl-W: the word before the cursor.
    DeleteWordBack,
    /// Ctrl-K: from the cursor to the end.
    DeleteToEnd,
    /// Ctrl-U: everything.
    Clear,
}

/// The most a line may hold: characters, and words (runs of letters
/// between spaces).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub chars: usize,
    pub words: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// Byte offset, always on a grapheme boundary.
    cursor: usize,
    /// What the text may grow to; what goes beyond is left out.
    limit: Option<Limit>,
    /// Whether typed or pasted text was left out since last asked.
    cut: bool,
}

impl LineEditor {
    pub fn new(text: &str) -> LineEditor {
        let mut e = LineEditor::default();
        e.set(text);
        e
    }

    /// An empty editor whose text never goes beyond `limit`.
    pub fn bounded(limit: Limit) -> LineEditor {
        LineEditor {
            limit: Some(limit),
            ..LineEditor::default()
        }
    }

    /// Whether typed or pasted text was left out, because of the limit,
    /// since the last call.
    pub fn take_cut(&mut self) -> bool {
        std::mem::take(&mut self.cut)
    }

    /// Whether the text is as long as its limit allows (in characters
    /// or in words): what is typed next may be left out.
    pub fn is_full(&self) -> bool {
        self.limit.is_some_and(|l| {
            self.text.chars().count() >= l.chars || self.text.split_whitespace().count() >= l.words
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Replaces the text and puts the cursor at its end; beyond the
    /// limit, silently cut (a recalled query, a saved one).
    pub fn set(&mut self, text: &str) {
        let cut = self.cut;
        let mut text = clean(self.precut(text));
        if let Some(limit) = self.limit {
            text.truncate(fitting(&text, "", limit));
        }
        self.text = text;
        self.cursor = self.text.len();
        self.cut = cut;
    }

    /// A first cut, before any other work, of text far longer than the
    /// limit (a paste of megabytes): cleaning may only shorten it, a
    /// letter and its combining marks take a few characters.
    fn precut<'a>(&mut self, s: &'a str) -> &'a str {
        let Some(limit) = self.limit else {
            return s;
        };
        let room = limit.chars.saturating_mul(4).saturating_add(16);
        match s.char_indices().nth(room) {
            Some((end, _)) => {
                self.cut = true;
                &s[..end]
            }
            None => s,
        }
    }

    /// The display width of the text before the cursor.
    pub fn cursor_column(&self) -> usize {
        self.text[..self.cursor].width()
    }

    /// Applies one edit; returns whether the text or cursor changed.
    pub fn apply(&mut self, edit: &Edit) -> bool {
        if let (Edit::Insert(_) | Edit::InsertStr(_), Some(limit)) = (edit, self.limit) {
            // A full line takes nothing more: said at once, without the
            // normalising below, which a long paste arriving as separate
            // keys would otherwise repeat for each of a million keys.
            if self.text.chars().count() >= limit.chars {
                self.cut = true;
                return false;
            }
        }
        let before = (self.text.len(), self.cursor, self.text.clone());
        match edit {
            Edit::Insert(c) => self.insert(&c.to_string()),
            Edit::InsertStr(s) => self.insert(s),
            Edit::Left => self.cursor = self.prev_boundary(),
            Edit::Right => self.cursor = self.next_boundary(),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::Backspace => {
                let start = self.prev_boundary();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Edit::Delete => {
                let end = self.next_boundary();
                self.text.replace_range(self.cursor..end, "");
            }
            Edit::DeleteWordBack => {
                let head = &self.text[..self.cursor];
                let trimmed = head.trim_end();
                let start = trimmed
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Edit::DeleteToEnd => self.text.truncate(self.cursor),
            Edit::Clear => {
                self.text.clear();
                self.cursor = 0;
            }
        }
        self.normalize();
        (self.text.len(), self.cursor, &self.text) != (before.0, before.1, &before.2)
    }

    /// Keeps the text NFC and the cursor between two letters. Needed when
    /// a combining mark ends up next to a letter it composes with (typed
    /// at the start of the line, or left after a deletion).
    fn normalize(&mut self) {
        if !is_nfc(&self.text) {
            let head = self
                .text
                .get(..self.cursor)
                .map_or(self.text.len(), |h| h.nfc().map(char::len_utf8).sum());
            self.text = self.text.nfc().collect();
            self.cursor = head;
        }
        self.cursor = self
            .text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .find(|&i| i >= self.cursor)
            .unwrap_or(self.text.len());
    }

    fn insert(&mut self, s: &str) {
        let s = clean(self.precut(s));
        if s.is_empty() {
            return;
        }
        // Normalise the part before the cursor with what was typed, so a
        // combining mark typed after its letter composes with it.
        let mut head: String = format!("{}{}", &self.text[..self.cursor], s)
            .nfc()
            .collect();
        let tail: String = self.text[self.cursor..].nfc().collect();
        if let Some(limit) = self.limit {
            let keep = fitting(&head, &tail, limit);
            if keep < head.len() {
                head.truncate(keep);
                self.cut = true;
            }
        }
        self.cursor = head.len();
        self.text = head + &tail;
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }
}

/// How much of `head` (in bytes) fits before `tail` within `limit`.
fn fitting(head: &str, tail: &str, limit: Limit) -> usize {
    let max_chars = limit.chars.saturating_sub(tail.chars().count());
    let max_words = limit.words.saturating_sub(tail.split_whitespace().count());
    let (mut chars, mut words, mut after_space) = (0, 0, true);
    for (i, c) in head.char_indices() {
        let starts_word = after_space && !c.is_whitespace();
        if chars == max_chars || (starts_word && words == max_words) {
            return i;
        }
        chars += 1;
        words += usize::from(starts_word);
        after_space = c.is_whitespace();
    }
    head.len()
}

/// NFC, one line, nothing that could reach the terminal raw.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|&c| !is_unsafe(c))
        .nfc()
        .collect()
}

/// Walks back and forth through past queries, like a shell: the line
/// being typed is kept and comes back at the end. The queries themselves
/// are the reading state's (kept between runs, bounded); this is only
/// where the walk is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Index into the entries while walking; None at the live line.
    at: Option<usize>,
    draft: String,
}

impl History {
    /// The previous (older) entry of `entries` (oldest first), if any;
    /// `current` is the live line.
    pub fn older<'a>(&mut self, current: &str, entries: &'a [String]) -> Option<&'a str> {
        let next = match self.at {
            None => {
                let last = entries.len().checked_sub(1)?;
                self.draft = current.to_owned();
                last
            }
            // The entries may have changed under the walk (merged with
            // another tintuc's): stay within them.
            Some(i) => i.min(entries.len()).checked_sub(1)?,
        };
        self.at = Some(next);
        entries.get(next).map(String::as_str)
    }

    /// The next (newer) entry, or the live line again.
    pub fn newer<'a>(&'a mut self, entries: &'a [String]) -> Option<&'a str> {
        let i = self.at?;
        if i + 1 < entries.len() {
            self.at = Some(i + 1);
            entries.get(i + 1).map(String::as_str)
        } else {
            self.at = None;
            Some(&self.draft)
        }
    }

    /// Stops walking (the line was edited or submitted).
    pub fn reset(&mut self) {
        self.at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineEditor {
        let mut e = LineEditor::default();
        for c in s.chars() {
            e.apply(&Edit::Insert(c));
        }
        e
    }

    #[test]
    fn nfd_typing_composes_and_moves_by_letter() {
        // "Việt" typed as base letters followed by combining marks.
        let mut e = typed("Vie\u{302}\u{323}t");
        assert_eq!(e.text(), "Việt");
        assert_eq!(e.cursor_column(), 4);
        e.apply(&Edit::Left);
        e.apply(&Edit::Left);
        assert_eq!(e.cursor_column(), 2);
        e.apply(&Edit::Backspace);
        assert_eq!(e.text(), "Vệt");
        e.apply(&Edit::Delete);
        assert_eq!(e.text(), "Vt");
        assert_eq!(e.cursor(), 1);
    }

    #[test]
    fn left_and_right_stop_at_ends() {
        let mut e = typed("đ");
        assert!(!e.apply(&Edit::Right));
        assert!(e.apply(&Edit::Left));
        assert!(!e.apply(&Edit::Left));
        assert!(!e.apply(&Edit::Backspace));
        assert!(e.apply(&Edit::Delete));
        assert!(e.is_empty());
    }

    #[test]
    fn insert_in_the_middle() {
        let mut e = typed("Từ Sơn");
        e.apply(&Edit::Home);
        e.apply(&Edit::Right);
        e.apply(&Edit::Right);
        e.apply(&Edit::InsertStr("\u{1b}[31m x\ty".into()));
        assert_eq!(e.text(), "Từ[31m x y Sơn");
    }

    #[test]
    fn word_and_line_deletion() {
        let mut e = typed("nông thôn  mới  ");
        e.apply(&Edit::DeleteWordBack);
        assert_eq!(e.text(), "nông thôn  ");
        e.apply(&Edit::Home);
        e.apply(&Edit::Right);
        e.apply(&Edit::DeleteToEnd);
        assert_eq!(e.text(), "n");
        e.apply(&Edit::Clear);
        assert_eq!((e.text(), e.cursor()), ("", 0));
    }

    #[test]
    fn a_bounded_line_keeps_what_fits() {
        let limit = Limit {
            chars: 10,
            words: 3,
        };
        let mut e = LineEditor::bounded(limit);
        e.apply(&Edit::InsertStr("x".repeat(1_000_000)));
        assert_eq!(e.text(), "x".repeat(10));
        assert!(e.take_cut());
        assert!(!e.take_cut(), "said once");
        // Full: a key changes nothing and says so again.
        assert!(!e.apply(&Edit::Insert('y')));
        assert!(e.take_cut());
        let mut e = LineEditor::bounded(limit);
        for c in "a b c d".chars() {
            e.apply(&Edit::Insert(c));
        }
        assert_eq!(e.text(), "a b c ");
        assert!(e.take_cut());
        // Typed in the middle, what follows the cursor counts too.
        let mut e = LineEditor::bounded(limit);
        e.apply(&Edit::InsertStr("a b".into()));
        e.apply(&Edit::Home);
        e.apply(&Edit::InsertStr("xyz123456".into()));
        assert_eq!((e.text(), e.cursor()), ("xyz1234a b", 7));
        e.set(&"ab ".repeat(100));
        assert_eq!(e.text(), "ab ab ab ");
        assert!(e.take_cut(), "the insert above was cut");
        assert!(!e.take_cut(), "set cuts silently");
    }

    #[test]
    fn history_walks_and_returns_to_the_draft() {
        let entries = ["a".to_string(), "b".to_string()];
        let mut h = History::default();
        assert_eq!(h.older("dra", &entries), Some("b"));
        assert_eq!(h.older("ignored", &entries), Some("a"));
        assert_eq!(h.older("ignored", &entries), None);
        assert_eq!(h.newer(&entries), Some("b"));
        assert_eq!(h.newer(&entries), Some("dra"));
        assert_eq!(h.newer(&entries), None);
        // Nothing to walk: the line stays.
        assert_eq!(History::default().older("x", &[]), None);
        // Entries dropped under the walk.
        assert_eq!(h.older("d", &entries), Some("b"));
        assert_eq!(h.older("d", &entries[..0]), None);
    }
}
