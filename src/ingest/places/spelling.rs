//! Names written otherwise than the gazetteer writes them: with other
//! marks, or joined by a bare hyphen.

use super::known_key;
use super::tokens::Tokens;
use super::words::NAMED_AFTER_PEOPLE;
use crate::gazetteer::{Gazetteer, Level};
use crate::text::fold_str;

/// A province's or district's name spelled with other marks than the
/// gazetteer's ("Đăk Glei" for Đắk Glei, "Mù Cang Chải"): the unit's own
/// spelling, when the name has two words or more and, read without
/// marks, names one place.
pub(super) fn respelled(g: &Gazetteer, name: &str) -> Option<String> {
    if name.split_whitespace().count() < 2 || NAMED_AFTER_PEOPLE.contains(&name) {
        return None;
    }
    let folded = fold_str(name);
    if !known_key(g, &folded) {
        return None;
    }
    let mut names = g
        .lookup(&folded)
        .into_iter()
        .filter_map(|id| g.unit(id))
        .filter(|u| u.level != Level::Commune)
        .map(|u| u.name.as_str());
    let first = names.next()?;
    names.all(|n| n == first).then(|| first.to_string())
}

/// Whether a hyphen between words `end - 1` and `end` joins a place's
/// name ("Thừa Thiên-Huế", "Bà Rịa-Vũng Tàu") rather than two places
/// ("Hà Nội-Hải Phòng").
pub(super) fn hyphenated_place(g: &Gazetteer, t: &Tokens<'_>, start: usize, end: usize) -> bool {
    t.gap(end) == "-"
        && (start.max(end.saturating_sub(3))..end).any(|from| {
            (1..=3)
                .filter(|n| end + n <= t.len())
                .any(|n| known_key(g, t.span(from, end + n)))
        })
}
