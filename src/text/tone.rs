//! Canonical tone placement.
//!
//! Vietnamese has two accepted ways to place the tone mark in the open
//! syllables with the clusters `oa`, `oe` and `uy`: on the first vowel
//! ("hòa", "khỏe", "thúy", "ủy", the older style) or on the second ("hoà",
//! "khoẻ", "thuý", "uỷ"). Both are the same word to a reader, so matching
//! that respects diacritics compares words after moving the tone to the
//! second vowel. Nothing else about the spelling changes: the result has the
//! same characters in the same order, only the tone has moved.

use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::letters::{TONE_NONE, single_lowercase, split_tone, with_tone};

/// Base letters of the vowels; marked vowels decompose to one of these.
const VOWELS: &str = "aeiouyAEIOUY";

/// A toned `o`/`u`: which base, which tone (1..=5), and whether uppercase.
fn toned_first(c: char) -> Option<(char, u8, bool)> {
    if c.is_ascii() {
        return None;
    }
    let lower = single_lowercase(c)?;
    let (base, tone) = split_tone(lower)?;
    (matches!(base, 'o' | 'u') && tone != TONE_NONE).then_some((base, tone, lower != c))
}

fn plain(base: char, upper: bool) -> char {
    let base = match base {
        'o' => 'o',
        _ => 'u',
    };
    if upper {
        base.to_ascii_uppercase()
    } else {
        base
    }
}

/// The second vowel of an `oa`/`oe`/`uy` cluster, given the first, with
/// `tone` applied; `None` if `c` does not complete such a cluster.
fn second_with_tone(first: char, c: char, tone: u8) -> Option<char> {
    let lower = c.to_ascii_lowercase();
    let completes = match first {
        'o' => matches!(lower, 'a' | 'e'),
        _ => lower == 'y',
    };
    if !completes {
        return None;
    }
    let toned = with_tone(lower, tone)?;
    if c.is_ascii_uppercase() {
        toned.to_uppercase().next()
    } else {
        Some(toned)
    }
}

/// Whether `c` is a Vietnamese vowel letter, with or without marks.
fn is_vowel(c: char) -> bool {
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        base.get_or_insert(d);
    });
    base.is_some_and(|b| VOWELS.contains(b))
}

/// Moves the tone of `oa`/`oe`/`uy` syllables to the second vowel. Input
/// in any normal form; output NFC.
pub fn canonical_tones(s: &str) -> String {
    let nfc: String = if is_nfc(s) {
        s.to_owned()
    } else {
        s.nfc().collect()
    };
    // Fast path: only a toned o/u can need moving.
    if !nfc.chars().any(|c| toned_first(c).is_some()) {
        return nfc;
    }
    let mut chars: Vec<char> = nfc.chars().collect();
    for i in 0..chars.len() {
        let Some((base, tone, upper)) = toned_first(chars[i]) else {
            continue;
        };
        let prev = i.checked_sub(1).map(|p| chars[p]);
        // In "qu" the u is part of the consonant, not a vowel.
        let after_q = base == 'u' && matches!(prev, Some('q' | 'Q'));
        let prev_is_vowel = prev.is_some_and(is_vowel);
        let next_ends = chars.get(i + 2).is_none_or(|&c| !is_vowel(c));
        if after_q || prev_is_vowel || !next_ends {
            continue;
        }
        if let Some(second) = chars
            .get(i + 1)
            .and_then(|&c| second_with_tone(base, c, tone))
        {
            chars[i] = plain(base, upper);
            chars[i + 1] = second;
        }
    }
    chars.into_iter().collect()
}

/// Whether `word` starts with the typed `prefix`, both exact forms. A
/// prefix ending in a toned o/u may be the first half of "oa", "oe", "uy"
/// written the old way ("hò" on the way to "hòa"), which the index holds
/// with the tone on the second vowel ("hoà").
pub fn exact_prefix(word: &str, prefix: &str) -> bool {
    if word.starts_with(prefix) {
        return true;
    }
    let Some(last) = prefix.chars().last() else {
        return true;
    };
    let Some((plain, tone)) = toned(last) else {
        return false;
    };
    if !matches!(plain, 'o' | 'u') {
        return false;
    }
    let head = &prefix[..prefix.len() - last.len_utf8()];
    let Some(rest) = word.strip_prefix(head) else {
        return false;
    };
    let mut cs = rest.chars();
    match (cs.next(), cs.next()) {
        (Some(p), Some(next)) if p == plain => toned(next)
            .is_some_and(|(b, t)| t == tone && matches!((plain, b), ('o', 'a' | 'e') | ('u', 'y'))),
        _ => false,
    }
}

/// The tone of a syllable (a column of `letters::VOWELS`): the one its
/// letters carry, else none.
pub fn tone_of(syllable: &str) -> u8 {
    syllable
        .chars()
        .flat_map(char::to_lowercase)
        .find_map(toned)
        .map_or(crate::text::letters::TONE_NONE, |(_, tone)| tone)
}

/// A lowercase vowel's toneless letter and its tone, if it has one.
fn toned(c: char) -> Option<(char, u8)> {
    use crate::text::letters;
    letters::split_tone(c).filter(|&(_, tone)| tone != letters::TONE_NONE)
}

#[cfg(test)]
mod tests {
    #[test]
    fn tone_placement_prefix() {
        use super::exact_prefix;
        assert!(exact_prefix("hoà", "hò"));
        assert!(exact_prefix("uỷ", "ủ"));
        assert!(!exact_prefix("hoà", "hó"));
        assert!(exact_prefix("hoà", "hoà"));
        // Only the vowel typed may carry its tone on to the next one.
        assert!(!exact_prefix("hià", "hò"));
    }

    use super::*;

    #[test]
    fn old_and_new_placement_agree() {
        for (old, new) in [
            ("hòa", "hoà"),
            ("hóa", "hoá"),
            ("ủy", "uỷ"),
            ("thúy", "thuý"),
            ("khỏe", "khoẻ"),
            ("Hòa Bình", "Hoà Bình"),
            ("ỦY BAN", "UỶ BAN"),
            ("thọ", "thọ"),
            ("hoàng", "hoàng"),
            ("quý", "quý"),
            ("của", "của"),
            ("hoài", "hoài"),
            ("Huỳnh", "Huỳnh"),
        ] {
            assert_eq!(canonical_tones(old), new, "{old}");
            assert_eq!(canonical_tones(new), new, "{new}");
        }
    }

    /// Every tone on every `oa`/`oe`/`uy`, each letter in either case.
    #[test]
    fn every_cluster_moves_its_tone_and_keeps_its_case() {
        for (first, seconds) in [('o', "ae"), ('u', "y")] {
            for second in seconds.chars() {
                for mark in ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'] {
                    for (upper_first, upper_second) in
                        [(false, false), (true, false), (false, true), (true, true)]
                    {
                        let case = |c: char, upper: bool| {
                            if upper { c.to_ascii_uppercase() } else { c }
                        };
                        let (f, s) = (case(first, upper_first), case(second, upper_second));
                        let old: String = format!("{f}{mark}{s}").nfc().collect();
                        let new: String = format!("{f}{s}{mark}").nfc().collect();
                        assert_eq!(canonical_tones(&old), new, "{old}");
                        assert_eq!(canonical_tones(&new), new, "{new}");
                    }
                }
            }
        }
    }

    #[test]
    fn nfd_input_gives_nfc_output() {
        let nfd: String = "văn hóa".nfd().collect();
        assert_eq!(canonical_tones(&nfd), "văn hoá");
    }
}
