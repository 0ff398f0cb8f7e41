//! Subheadings between paragraphs.

use super::line::{chars, starts_upper, words};

/// A subheading is at most this long.
const SUBHEADING_MAX_CHARS: usize = 120;
const SUBHEADING_MAX_WORDS: usize = 20;

/// A subheading: a short line with no closing punctuation, between
/// paragraphs.
pub(super) fn is_subheading(line: &str) -> bool {
    let w = words(line);
    chars(line) <= SUBHEADING_MAX_CHARS
        && (2..=SUBHEADING_MAX_WORDS).contains(&w)
        && starts_upper(line)
        && !line
            .trim_end()
            .ends_with(['.', ',', ';', ':', '-', '–', '…'])
        && !line.starts_with(['-', '+', '•', '*'])
}
