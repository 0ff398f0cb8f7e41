//! Vietnamese alphabetical order.
//!
//! The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x
//! y (f, j, w and z, for foreign words, take their Latin places). Marks
//! that make a letter (breve, circumflex, horn, the bar of đ) are part of
//! the letter; tone marks are not: a syllable is ordered by its letters
//! first and then by its tone, in the dictionary order ngang, huyền, hỏi,
//! ngã, sắc, nặng (ba bà bả bã bá bạ, then bác). Text is compared syllable
//! by syllable, so every "ba …" comes before "bà …", as in a dictionary.
//! Case, punctuation and the normal form (NFC/NFD) only break ties, and old
//! and new tone placement (hoà/hòa) are the same word.

use std::cmp::Ordering;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::canonical_tones;

/// A key whose order is Vietnamese alphabetical order: sort many strings
/// by their keys rather than comparing them pairwise.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SortKey {
    /// Per syllable: the letter weights, [`END`], then the tone weight.
    primary: Vec<u32>,
    /// The canonical text itself, so that only equal texts have equal keys.
    tie: String,
}

/// Ends the letters of a syllable: lower than every letter, so "ba" comes
/// before "bac".
const END: u32 = 1;
/// Digits come before letters.
const DIGIT_BASE: u32 = 10;
const LETTER_BASE: u32 = 100;
/// Letters outside the Vietnamese and Latin alphabets, by code point.
const OTHER_BASE: u32 = 1000;

/// The alphabet in order, as (base letter, letter-making mark).
const ALPHABET: [(char, Option<char>); 33] = [
    ('a', None),
    ('a', Some(BREVE)),
    ('a', Some(CIRCUMFLEX)),
    ('b', None),
    ('c', None),
    ('d', None),
    ('đ', None),
    ('e', None),
    ('e', Some(CIRCUMFLEX)),
    ('f', None),
    ('g', None),
    ('h', None),
    ('i', None),
    ('j', None),
    ('k', None),
    ('l', None),
    ('m', None),
    ('n', None),
    ('o', None),
    ('o', Some(CIRCUMFLEX)),
    ('o', Some(HORN)),
    ('p', None),
    ('q', None),
    ('r', None),
    ('s', None),
    ('t', None),
    ('u', None),
    ('u', Some(HORN)),
    ('v', None),
    ('w', None),
    ('x', None),
    ('y', None),
    ('z', None),
];

const BREVE: char = '\u{306}';
const CIRCUMFLEX: char = '\u{302}';
const HORN: char = '\u{31b}';

/// Tone marks in dictionary order (ngang, the unmarked tone, is 0).
const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

/// The collation key of `s`.
pub fn sort_key(s: &str) -> SortKey {
    let tie = canonical_tones(s);
    let mut primary = Vec::with_capacity(tie.len() + 8);
    let mut syllable = Syllable::default();
    for c in tie.chars() {
        let mut decomposed = ['\0'; 4];
        let mut n = 0;
        decompose_canonical(c, |d| {
            if n < decomposed.len() {
                decomposed[n] = d;
                n += 1;
            }
        });
        let (base, marks) = decomposed[..n].split_first().unwrap_or((&c, &[]));
        let lower = base.to_lowercase().next().unwrap_or(*base);
        if let Some(weight) = letter_weight(lower, marks) {
            syllable.letters.push(weight);
            if syllable.tone == 0
                && let Some(tone) = marks.iter().find_map(|m| tone_weight(*m))
            {
                syllable.tone = tone;
            }
        } else if is_combining_mark(*base) {
            // A mark with no precomposed letter: a tone still counts, any
            // other mark only breaks ties.
            if syllable.tone == 0
                && !syllable.letters.is_empty()
                && let Some(tone) = tone_weight(*base)
            {
                syllable.tone = tone;
            }
        } else {
            syllable.flush(&mut primary);
        }
    }
    syllable.flush(&mut primary);
    SortKey { primary, tie }
}

/// Compares two strings in Vietnamese alphabetical order.
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b))
}

#[derive(Default)]
struct Syllable {
    letters: Vec<u32>,
    tone: u32,
}

impl Syllable {
    fn flush(&mut self, out: &mut Vec<u32>) {
        if self.letters.is_empty() {
            return;
        }
        out.append(&mut self.letters);
        out.push(END);
        out.push(self.tone);
        self.tone = 0;
    }
}

/// The weight of a letter or digit (lowercase base plus its marks), or
/// None for what separates syllables (spaces, punctuation, symbols).
fn letter_weight(base: char, marks: &[char]) -> Option<u32> {
    if let Some(d) = base.to_digit(10).filter(|_| base.is_ascii_digit()) {
        return Some(DIGIT_BASE + d);
    }
    if base.is_ascii_lowercase() || base == 'đ' {
        let mark = marks
            .iter()
            .copied()
            .find(|m| matches!(*m, BREVE | CIRCUMFLEX | HORN));
        let index = ALPHABET
            .iter()
            .position(|&(b, m)| b == base && m == mark)
            .or_else(|| ALPHABET.iter().position(|&(b, m)| b == base && m.is_none()))?;
        return Some(LETTER_BASE + u32::try_from(index).ok()?);
    }
    if base.is_alphanumeric() {
        return Some(OTHER_BASE + base as u32);
    }
    None
}

fn tone_weight(mark: char) -> Option<u32> {
    TONES
        .iter()
        .zip(1..)
        .find(|&(&t, _)| t == mark)
        .map(|(_, w)| w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        v.sort_by_cached_key(|s| sort_key(s));
        v
    }

    #[test]
    fn alphabet_order() {
        let alphabet = [
            "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o",
            "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
        ];
        let mut reversed = alphabet.to_vec();
        reversed.reverse();
        assert_eq!(sorted(&reversed), alphabet);
    }

    #[test]
    fn tones_after_the_letters_of_the_syllable() {
        let expected = ["ba", "bà", "bả", "bã", "bá", "bạ", "bác", "bắc", "bâc"];
        let mut shuffled = expected.to_vec();
        shuffled.reverse();
        assert_eq!(sorted(&shuffled), expected);
    }

    #[test]
    fn syllable_by_syllable() {
        assert_eq!(
            sorted(&["bà con", "ba lô", "bà ba", "ba"]),
            ["ba", "ba lô", "bà ba", "bà con"]
        );
        assert_eq!(
            sorted(&[
                "Đông Ngàn",
                "Đình Bảng",
                "Tân Hồng",
                "Phù Chẩn",
                "Đồng Kỵ",
                "Bắc Ninh"
            ]),
            [
                "Bắc Ninh",
                "Đình Bảng",
                "Đông Ngàn",
                "Đồng Kỵ",
                "Phù Chẩn",
                "Tân Hồng"
            ]
        );
    }

    #[test]
    fn d_bar_after_d() {
        assert_eq!(sorted(&["Đà", "Dz", "Eo"]), ["Dz", "Đà", "Eo"]);
    }

    #[test]
    fn case_and_form_only_break_ties() {
        assert!(compare("bắc", "BẮC").is_ne());
        assert_eq!(sorted(&["bắc", "Bac", "BẮC"]), ["Bac", "BẮC", "bắc"]);
        let nfd = "Ho\u{300}a";
        assert_eq!(sort_key(nfd), sort_key("Hoà"));
        assert_eq!(sort_key("hòa"), sort_key("hoà"));
    }

    #[test]
    fn digits_before_letters_and_punctuation_ignored() {
        assert_eq!(sorted(&["ba", "2017", "“Ba”"]), ["2017", "ba", "“Ba”"]);
        assert_eq!(compare("", "a"), Ordering::Less);
    }
}
