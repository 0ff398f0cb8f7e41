//! Folding text for diacritic- and case-insensitive search.
//!
//! `fold` decomposes every character, drops the combining marks, maps `đ/Đ`
//! (which has no decomposition) to `d`, and lowercases. NFC, NFD and mixed
//! input all give the same folded text. Alongside the folded text it keeps,
//! for every folded byte, the byte offset of the original character that
//! produced it, so that a match found in folded text can be highlighted on
//! the original letters.

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text with a map back to the original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the byte offset, in the original, of the character that
    /// produced folded byte `i`. Non-decreasing; same length as `text`.
    pub map: Vec<usize>,
}

impl Folded {
    /// The byte range in `original` covering folded range `range`: from the
    /// first contributing character to the end of the last one, including
    /// any combining marks that follow it (NFD input).
    pub fn original_range(&self, original: &str, range: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let (start, end) = (range.start.min(len), range.end.min(len));
        if start >= end {
            let at = self.map.get(start).copied().unwrap_or(original.len());
            return at..at;
        }
        let first = self.map[start];
        let last = self.map[end - 1];
        let mut stop = last;
        let mut chars = original[last..].char_indices();
        if let Some((_, c)) = chars.next() {
            stop = last + c.len_utf8();
            for (i, c) in chars {
                if !is_combining_mark(c) {
                    break;
                }
                stop = last + i + c.len_utf8();
            }
        }
        first..stop
    }
}

/// Folds `s` and keeps the offset map.
pub fn fold(s: &str) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(s.len()),
        map: Vec::with_capacity(s.len()),
    };
    for (offset, c) in s.char_indices() {
        push_folded(c, &mut out.text);
        out.map.resize(out.text.len(), offset);
    }
    out
}

/// Folds `s` without keeping the map: for keys and queries.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Whether `s` holds any character that folding changes other than by case:
/// a query typed with diacritics must match them.
pub fn has_diacritics(s: &str) -> bool {
    s.chars().any(|c| {
        let mut folded = String::new();
        push_folded(c, &mut folded);
        let mut lower = String::new();
        lower.extend(c.to_lowercase());
        folded != lower
    })
}

fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for l in d.to_lowercase() {
            if is_combining_mark(l) {
                continue;
            }
            match special_fold(l) {
                Some(s) => out.push_str(s),
                None => out.push(l),
            }
        }
    });
}

/// Latin letters with a stroke or ligatures, which have no canonical
/// decomposition but which a reader still types as plain letters.
fn special_fold(c: char) -> Option<&'static str> {
    Some(match c {
        'đ' | 'ð' | 'ɗ' => "d",
        'ø' => "o",
        'ł' => "l",
        'ħ' => "h",
        'ı' => "i",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold_str("Đảng bộ thị xã TỪ SƠN"), "dang bo thi xa tu son");
        assert_eq!(fold_str("Nguyễn Thị Hương"), "nguyen thi huong");
    }

    #[test]
    fn folds_other_latin_and_keeps_other_scripts() {
        assert_eq!(
            fold_str("Crème Brûlée Łódź Straße"),
            "creme brulee lodz strasse"
        );
        assert_eq!(fold_str("Москва ΑΘΗΝΑ 北京"), "москва αθηνα 北京");
    }

    #[test]
    fn map_points_at_original_letters() {
        let s = "Từ Sơn";
        let f = fold(s);
        assert_eq!(f.text, "tu son");
        let at = f.text.find("son").unwrap_or(usize::MAX);
        assert_eq!(&s[f.original_range(s, at..at + 3)], "Sơn");
    }

    #[test]
    fn map_covers_trailing_combining_marks_in_nfd() {
        let s = "Tu\u{31b}\u{300} So\u{31b}n";
        let f = fold(s);
        assert_eq!(f.text, "tu son");
        assert_eq!(&s[f.original_range(s, 0..2)], "Tu\u{31b}\u{300}");
    }

    #[test]
    fn diacritics_detection() {
        assert!(has_diacritics("đang"));
        assert!(has_diacritics("Từ"));
        assert!(!has_diacritics("TU SON"));
        assert!(!has_diacritics("москва"));
    }
}
