//! Names written otherwise than the gazetteer writes them: with other
//! marks, or joined by a bare hyphen.

use super::known_key;
use super::tokens::Tokens;
use super::words::only_typed;
use crate::gazetteer::{Gazetteer, Level};
use crate::text::fold_str;
use crate::text::letters::TONE_NONE;
use crate::text::tone::tone_of;

/// A province's or district's name spelled with other marks than the
/// gazetteer's ("Đăk Glei" for Đắk Glei, "Mù Cang Chải"): the unit's own
/// spelling, when the name has two words or more and, read without
/// marks, names one place.
pub(super) fn respelled(g: &Gazetteer, name: &str) -> Option<String> {
    if let Some(known) = other_spelling(name) {
        return Some(known.to_string());
    }
    if name.split_whitespace().count() < 2 || only_typed(name) {
        return None;
    }
    let folded = fold_name(name);
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
    (names.all(|n| n == first) && same_tones(name, first) && same_strokes(name, first))
        .then(|| first.to_string())
}

/// Whether `written` has the same "đ"s as `known`, unless it is written
/// without any marks: "Việt Nam Dân chủ" names no "Nam Đàn".
fn same_strokes(written: &str, known: &str) -> bool {
    let strokes = |n: &str| n.chars().filter(|c| matches!(c, 'đ' | 'Đ')).count();
    written.is_ascii() || strokes(written) == strokes(known)
}

/// Whether `written` can be a respelling of `known`: a syllable may lose
/// its tone or change its vowel's shape ("Đăk" for "Đắk", "Cang" for
/// "Căng"), never take another tone — "Sơn Hóa" is not "Sơn Hòa". The
/// syllables of the Central Highlands' names carry a tone or none as the
/// writer likes ("Đắk Glong", "Đăk Glong").
pub(super) fn same_tones(written: &str, known: &str) -> bool {
    const FREE_TONE: [&str; 3] = ["dak", "lak", "dac"];
    let (w, k): (Vec<&str>, Vec<&str>) = (
        written.split_whitespace().collect(),
        known.split_whitespace().collect(),
    );
    // A tone is lost only where the writer used no marks at all: "Sơn
    // Tinh" (the legend's mountain god) is not "Sơn Tịnh".
    let unmarked = fold_str(written) == written.to_lowercase();
    w.len() == k.len()
        && w.iter().zip(&k).all(|(a, b)| {
            let (ta, tb) = (tone_of(a), tone_of(b));
            ta == tb || ta == TONE_NONE && unmarked || FREE_TONE.contains(&fold_str(a).as_str())
        })
}

/// A name read without its marks, the Central Highlands' "Đác" and "Đắc"
/// ("xã Đác Long") read as the "Đăk" the gazetteer writes.
pub(super) fn fold_name(name: &str) -> String {
    let folded = fold_str(name);
    match folded.strip_prefix("dac ") {
        Some(rest) => format!("dak {rest}"),
        None => folded,
    }
}

/// Names as they were spelled before the spelling the gazetteer keeps,
/// and as pages still write them.
const OTHER_SPELLINGS: [(&str, &str); 9] = [
    // The city's name before 1976, still its name in speech; only as a
    // run of its own ("Sài Gòn Giải Phóng" is a paper).
    ("Sài Gòn", "Hồ Chí Minh"),
    ("Đác Lắc", "Đắk Lắk"),
    ("Đắc Lắc", "Đắk Lắk"),
    ("Đắc Lắk", "Đắk Lắk"),
    ("Đác Nông", "Đắk Nông"),
    ("Đắc Nông", "Đắk Nông"),
    ("Sapa", "Sa Pa"),
    ("Bắc Cạn", "Bắc Kạn"),
    ("Đaklak", "Đắk Lắk"),
];

/// The gazetteer's spelling of a name written the old way ("Đác Lắc").
pub(super) fn other_spelling(name: &str) -> Option<&'static str> {
    OTHER_SPELLINGS
        .iter()
        .find(|(written, _)| *written == name)
        .map(|&(_, known)| known)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_respelling_keeps_every_tone_it_writes() {
        assert!(same_tones("Đăk Glei", "Đắk Glei"));
        assert!(same_tones("Mù Cang Chải", "Mù Căng Chải"));
        assert!(same_tones("Dak Mil", "Đắk Mil"));
        assert!(same_tones("Đắk Glong", "Đăk Glong"));
        assert!(same_tones("Thuỵ Anh", "Thụy Anh"));
        assert!(!same_tones("Sơn Hóa", "Sơn Hòa"));
        assert!(!same_tones("Hóa Thanh", "Hòa Thành"));
        assert!(!same_tones("Đắk Glei", "Đắk"));
    }

    #[test]
    fn a_name_with_another_tone_is_another_place() {
        let g = Gazetteer::embedded();
        assert_eq!(respelled(g, "Sơn Hóa"), None);
        assert_eq!(respelled(g, "Nam Dân"), None);
        assert_eq!(respelled(g, "Sơn Tinh"), None);
        assert_eq!(respelled(g, "Đăk Glei").as_deref(), Some("Đắk Glei"));
        assert_eq!(respelled(g, "Đắk Glong").as_deref(), Some("Đăk Glong"));
        assert_eq!(respelled(g, "Bắc Cạn").as_deref(), Some("Bắc Kạn"));
        assert_eq!(respelled(g, "Đác Glei").as_deref(), Some("Đắk Glei"));
    }
}
