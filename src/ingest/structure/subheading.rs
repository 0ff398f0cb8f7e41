//! Subheadings between paragraphs.

use super::line::{chars, starts_upper, words};

/// A subheading is at most this long.
const SUBHEADING_MAX_CHARS: usize = 120;
const SUBHEADING_MAX_WORDS: usize = 20;

/// A subheading: a short line with no closing punctuation, between
/// paragraphs.
pub(super) fn is_subheading(line: &str) -> bool {
    // ">> Tiêu đề (Xem trang 2).": an item's headline in a review of a
    // print edition.
    let line = match line.strip_prefix(">>") {
        Some(item) => item
            .trim()
            .trim_end_matches('.')
            .trim_end_matches(|c: char| c != '(')
            .trim_end_matches('(')
            .trim_end(),
        None => line,
    };
    let w = words(line);
    chars(line) <= SUBHEADING_MAX_CHARS
        && (2..=SUBHEADING_MAX_WORDS).contains(&w)
        && starts_upper(line)
        && !line
            .trim_end()
            .ends_with(['.', ',', ';', ':', '-', '–', '…'])
        && !line.starts_with(['-', '+', '•', '*'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_print_edition_items() {
        assert!(is_subheading("Kết quả nổi bật"));
        assert!(is_subheading(
            ">> Nông dân thu hoạch điều được giá (Xem trang 5)."
        ));
        assert!(!is_subheading("Một câu văn kết thúc bằng dấu chấm."));
        assert!(!is_subheading(">> Một câu văn thường, không có trang."));
        assert!(!is_subheading(">>"));
    }
}
