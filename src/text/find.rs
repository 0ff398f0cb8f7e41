//! Finding a typed string inside one text, as a reader's "find in page"
//! does: case and diacritics are ignored unless the needle has
//! diacritics, in which case they must match (old and new tone placement
//! being equal). Results are byte ranges of the original text.

use std::ops::Range;

use super::{canonical_tones, fold, fold_str, has_diacritics};

/// Every non-overlapping occurrence of `needle` in `haystack`, in order.
pub fn find_all(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    let needle = needle.trim();
    let folded_needle = fold_str(needle);
    if folded_needle.is_empty() {
        return Vec::new();
    }
    let exact = has_diacritics(needle).then(|| exact_form(needle));
    let folded = fold(haystack);
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, m) in folded.text.match_indices(&folded_needle) {
        let range = folded.original_range(haystack, at..at + m.len());
        if out.last().is_some_and(|last| range.start < last.end) {
            continue;
        }
        if let Some(exact) = &exact
            && haystack.get(range.clone()).map(exact_form).as_ref() != Some(exact)
        {
            continue;
        }
        out.push(range);
    }
    out
}

/// Lowercase with canonical tone placement: what must be equal when the
/// needle has diacritics.
fn exact_form(s: &str) -> String {
    canonical_tones(&s.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(hay: &'a str, needle: &str) -> Vec<&'a str> {
        find_all(hay, needle).into_iter().map(|r| &hay[r]).collect()
    }

    #[test]
    fn without_diacritics_finds_all_forms() {
        assert_eq!(
            found("Đảng, đang, ĐANG, dáng", "dang"),
            ["Đảng", "đang", "ĐANG", "dáng"]
        );
    }

    #[test]
    fn with_diacritics_they_must_match() {
        assert_eq!(found("Đảng, đang, ĐANG, dáng", "đang"), ["đang", "ĐANG"]);
        assert_eq!(found("văn hóa, văn hoá", "văn hoá"), ["văn hóa", "văn hoá"]);
    }

    #[test]
    fn nfd_haystack_gives_whole_letters() {
        let hay = "Tu\u{31b}\u{300} So\u{31b}n";
        assert_eq!(found(hay, "từ sơn"), [hay]);
    }

    #[test]
    fn empty_needle_finds_nothing() {
        assert!(find_all("abc", "  ").is_empty());
    }
}
