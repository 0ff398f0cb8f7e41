//! Properties of Vietnamese alphabetical order.

use std::cmp::Ordering;

use proptest::prelude::*;
use tintuc::text::collate::compare;
use tintuc::text::{fold_str, sort_key};
use unicode_normalization::UnicodeNormalization;

/// Vietnamese letters in alphabetical order, lowercase.
const ALPHABET: [&str; 29] = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô", "ơ",
    "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
];
/// Combining tone marks in dictionary order: huyền, hỏi, ngã, sắc, nặng.
const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

/// A syllable-like word: letters, with at most one tone on its first vowel.
fn word() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(0..ALPHABET.len(), 1..6),
        0..=TONES.len(),
        any::<bool>(),
    )
        .prop_map(|(letters, tone, upper)| {
            let mut s = String::new();
            let mut toned = tone == 0;
            for i in letters {
                let letter = if upper {
                    ALPHABET[i].to_uppercase()
                } else {
                    ALPHABET[i].to_string()
                };
                s.push_str(&letter);
                if !toned && "aăâeêioôơuưy".contains(ALPHABET[i]) {
                    s.push(TONES[tone - 1]);
                    toned = true;
                }
            }
            s.nfc().collect()
        })
}

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..4).prop_map(|w| w.join(" "))
}

/// The same text without tone marks (letter marks kept).
fn without_tones(s: &str) -> String {
    s.nfd()
        .filter(|c| !TONES.contains(c))
        .collect::<String>()
        .nfc()
        .collect()
}

proptest! {
    #[test]
    fn normal_form_does_not_matter(s in phrase()) {
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(sort_key(&nfd), sort_key(&s));
    }

    #[test]
    fn equal_keys_only_for_equal_text(a in phrase(), b in phrase()) {
        prop_assert_eq!(compare(&a, &b) == Ordering::Equal, a == b);
        prop_assert_eq!(compare(&a, &b), compare(&b, &a).reverse());
    }

    #[test]
    fn sorting_is_consistent(mut v in prop::collection::vec(phrase(), 0..30)) {
        v.sort_by_cached_key(|s| sort_key(s));
        for pair in v.windows(2) {
            prop_assert_ne!(compare(&pair[0], &pair[1]), Ordering::Greater);
        }
    }

    /// Within one syllable, letters decide before tones do.
    #[test]
    fn letters_before_tones(a in word(), b in word()) {
        let letters = compare(&without_tones(&a), &without_tones(&b));
        let same_letters = fold_str(&without_tones(&a)) == fold_str(&without_tones(&b))
            && without_tones(&a).to_lowercase() == without_tones(&b).to_lowercase();
        if !same_letters {
            prop_assert_eq!(compare(&a, &b), letters, "{} / {}", a, b);
        }
    }

    /// A text comes before every longer text that starts with it as a word.
    #[test]
    fn prefix_first(a in phrase(), b in phrase()) {
        let longer = format!("{a} {b}");
        prop_assert_eq!(compare(&a, &longer), Ordering::Less);
    }

    /// Any arrangement of the alphabet sorts back into it.
    #[test]
    fn alphabet_sorts_back(perm in Just(ALPHABET.to_vec()).prop_shuffle()) {
        let mut v = perm;
        v.sort_by_cached_key(|s| sort_key(s));
        prop_assert_eq!(v, ALPHABET.to_vec());
    }

    /// Tones in dictionary order, on any vowel.
    #[test]
    fn tone_order(v in prop::sample::select(vec!["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"])) {
        let mut expected = vec![v.to_string()];
        expected.extend(TONES.iter().map(|t| format!("{v}{t}").nfc().collect::<String>()));
        let mut shuffled = expected.clone();
        shuffled.reverse();
        shuffled.sort_by_cached_key(|s| sort_key(s));
        prop_assert_eq!(shuffled, expected);
    }
}
