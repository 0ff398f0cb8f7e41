//! Word wrapping by display width, for Vietnamese (and any) text.
//!
//! Lines are returned as byte ranges of the original text rather than new
//! strings, so that highlight ranges found by search (also byte ranges of
//! the original) can be cut along the same lines with [`segments`].
//! Widths are measured per grapheme cluster with unicode-width: a letter
//! with combining marks is one column, a wide CJK character two.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Splits `text` into lines no wider than `width` columns, breaking at
/// white space; a word wider than a line is broken between graphemes.
/// The white space at a break belongs to no line. Always at least one
/// line (empty for empty text).
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    for_each_line(text, width, |r| lines.push(r));
    lines
}

/// How many lines [`wrap`] gives, without keeping them: a long article
/// is measured whole but laid out only where it is read.
pub fn count_lines(text: &str, width: usize) -> usize {
    let mut n = 0;
    for_each_line(text, width, |_| n += 1);
    n
}

/// The lines of [`wrap`], one at a time.
pub fn for_each_line(text: &str, width: usize, mut emit: impl FnMut(Range<usize>)) {
    let width = width.max(1);
    let mut push = |r: Range<usize>| emit(r);
    // The line being built: its range, and its width so far.
    let mut line: Option<(Range<usize>, usize)> = None;
    for (start, word) in words(text) {
        let word_width = word.width();
        if let Some((range, used)) = &mut line {
            let gap = text[range.end..start].width().max(1);
            if *used + gap + word_width <= width {
                range.end = start + word.len();
                *used += gap + word_width;
                continue;
            }
            push(range.clone());
        }
        if word_width <= width {
            line = Some((start..start + word.len(), word_width));
            continue;
        }
        // Too long for any line: cut it into pieces that fit.
        let mut piece_start = start;
        let mut used = 0;
        for (i, g) in word.grapheme_indices(true) {
            let w = g.width();
            if used + w > width && used > 0 {
                push(piece_start..start + i);
                piece_start = start + i;
                used = 0;
            }
            used += w;
        }
        line = Some((piece_start..start + word.len(), used));
    }
    match line {
        Some((range, _)) => push(range),
        // No word at all: one empty line.
        None => push(0..0),
    }
}

/// The words of `text` (runs of non-white-space) with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some((i, c)) = rest.next_if(|(_, c)| !c.is_whitespace()) {
            end = i + c.len_utf8();
        }
        Some((start, &text[start..end]))
    })
}

/// Cuts `line` (a byte range of the text) into runs by mark: each run
/// carries the highest mark covering it, or 0 where none does. `marks`
/// are byte ranges of the same text, in any order, possibly overlapping.
pub fn segments(line: Range<usize>, marks: &[(Range<usize>, u8)]) -> Vec<(Range<usize>, u8)> {
    let mut cuts = vec![line.start, line.end];
    for (r, _) in marks {
        for p in [r.start, r.end] {
            if p > line.start && p < line.end {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(Range<usize>, u8)> = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let mark = marks
            .iter()
            .filter(|(r, _)| r.start <= a && r.end >= b && r.start < r.end)
            .map(|(_, m)| *m)
            .max()
            .unwrap_or(0);
        match out.last_mut() {
            Some((r, m)) if *m == mark => r.end = b,
            _ => out.push((a..b, mark)),
        }
    }
    if out.is_empty() {
        out.push((line, 0));
    }
    out
}

/// The longest prefix of `text` that fits in `width` columns, as a byte
/// length, and whether it is all of `text`.
pub fn fit(text: &str, width: usize) -> (usize, bool) {
    let mut used = 0;
    for (i, g) in text.grapheme_indices(true) {
        let w = g.width();
        if used + w > width {
            return (i, false);
        }
        used += w;
    }
    (text.len(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_vietnamese_at_spaces_by_columns() {
        // 13 characters but 26 bytes: widths, not bytes, decide.
        let text = "Đảng bộ thị xã Từ Sơn lần thứ XVIII";
        assert_eq!(
            lines(text, 13),
            ["Đảng bộ thị", "xã Từ Sơn lần", "thứ XVIII"]
        );
    }

    #[test]
    fn nfd_letters_are_one_column() {
        let nfd = "Vie\u{302}\u{323}t Nam";
        assert_eq!(lines(nfd, 4), ["Vie\u{302}\u{323}t", "Nam"]);
    }

    #[test]
    fn long_words_are_cut_between_graphemes() {
        assert_eq!(
            lines("ab https://ví.dụ/đường", 6),
            ["ab", "https:", "//ví.d", "ụ/đườn", "g"]
        );
        assert_eq!(lines("中文字", 3), ["中", "文", "字"]);
    }

    #[test]
    fn empty_and_blank_text_give_one_empty_line() {
        assert_eq!(wrap("", 10), vec![Range { start: 0, end: 0 }]);
        assert_eq!(wrap("   ", 10), vec![Range { start: 0, end: 0 }]);
        assert_eq!(lines("a", 0), ["a"]);
    }

    #[test]
    fn punctuation_stays_with_its_word() {
        assert_eq!(lines("(Ảnh: Trúc Lam).", 9), ["(Ảnh:", "Trúc", "Lam)."]);
    }

    #[test]
    fn segments_carry_the_highest_mark() {
        let marks = [(2..6, 1), (4..8, 2)];
        assert_eq!(
            segments(0..10, &marks),
            [(0..2, 0), (2..4, 1), (4..8, 2), (8..10, 0)]
        );
        assert_eq!(segments(5..7, &marks), [(5..7, 2)]);
        assert_eq!(segments(3..3, &marks), [(3..3, 0)]);
    }

    #[test]
    fn counting_agrees_with_wrapping() {
        for text in [
            "",
            "   ",
            "Đảng bộ thị xã Từ Sơn lần thứ XVIII",
            "ab https://ví.dụ/đường",
        ] {
            for width in 0..40 {
                assert_eq!(
                    count_lines(text, width),
                    wrap(text, width).len(),
                    "{text:?} {width}"
                );
            }
        }
    }

    #[test]
    fn fit_counts_columns() {
        assert_eq!(fit("Từ Sơn", 4), ("Từ S".len(), false));
        assert_eq!(fit("Từ Sơn", 6), ("Từ Sơn".len(), true));
        assert_eq!(fit("中文", 3), ("中".len(), false));
    }
}
