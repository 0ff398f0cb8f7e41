//! Properties of folding, tone canonicalisation and sanitising, with the
//! Vietnamese alphabet generated from Unicode data rather than typed in.

use proptest::prelude::*;
use tintuc::text::{
    canonical_tones, fold, fold_str, has_diacritics, sanitize_inline, sanitize_multiline,
};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::compose;

const ESC_CHAR: char = '\u{1b}';
const BASE_VOWELS: [char; 6] = ['a', 'e', 'i', 'o', 'u', 'y'];
/// Breve, circumflex, horn: the vowel marks, by code point.
const VOWEL_MARKS: [(char, char); 5] = [
    ('a', '\u{306}'),
    ('a', '\u{302}'),
    ('e', '\u{302}'),
    ('o', '\u{302}'),
    ('o', '\u{31b}'),
];
const HORN_U: (char, char) = ('u', '\u{31b}');
/// Huyền, sắc, hỏi, ngã, nặng.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// Each marked Vietnamese letter as (NFC, NFD, mixed, expected fold):
/// composed by Unicode's own composition, so a wrong table cannot hide.
fn vietnamese_letters(upper: bool) -> Vec<(String, String, String, String)> {
    let mut vowels: Vec<(char, Option<char>)> = BASE_VOWELS.iter().map(|&v| (v, None)).collect();
    vowels.extend(
        VOWEL_MARKS
            .iter()
            .chain([&HORN_U])
            .map(|&(v, m)| (v, Some(m))),
    );
    let mut out = Vec::new();
    for (base, mark) in vowels {
        let base = if upper {
            base.to_ascii_uppercase()
        } else {
            base
        };
        let vowel = match mark {
            Some(m) => compose(base, m).expect("vowel composes"),
            None => base,
        };
        let tones: Vec<Option<char>> = std::iter::once(None)
            .chain(TONES.iter().copied().map(Some))
            .collect();
        for tone in tones {
            if mark.is_none() && tone.is_none() {
                continue; // plain ASCII vowel
            }
            let nfd: String = [Some(base), mark, tone].into_iter().flatten().collect();
            let nfc: String = nfd.nfc().collect();
            let mixed: String = [Some(vowel), tone].into_iter().flatten().collect();
            out.push((nfc, nfd, mixed, base.to_ascii_lowercase().to_string()));
        }
    }
    let d = if upper { 'Đ' } else { 'đ' };
    out.push((d.to_string(), d.to_string(), d.to_string(), "d".to_string()));
    out
}

#[test]
fn all_134_letters_fold_in_every_form() {
    let lower = vietnamese_letters(false);
    let upper = vietnamese_letters(true);
    assert_eq!(lower.len(), 67);
    assert_eq!(upper.len(), 67);
    for (nfc, nfd, mixed, expected) in lower.iter().chain(&upper) {
        assert_eq!(nfc.chars().count(), 1, "{nfc} is one precomposed letter");
        assert_eq!(&fold_str(nfc), expected, "NFC {nfc}");
        assert_eq!(&fold_str(nfd), expected, "NFD {nfc}");
        assert_eq!(&fold_str(mixed), expected, "mixed {nfc}");
        assert!(has_diacritics(nfc), "{nfc}");
        assert_eq!(canonical_tones(nfd), canonical_tones(nfc));
    }
}

fn vietnamese_text() -> impl Strategy<Value = String> {
    let mut letters: Vec<String> = vietnamese_letters(false)
        .into_iter()
        .chain(vietnamese_letters(true))
        .map(|l| l.0)
        .collect();
    letters.extend(["b", "c", "ng", "nh", "t", "h", " ", ", ", "A", "1"].map(String::from));
    prop::collection::vec(prop::sample::select(letters), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn nfd_and_nfc_fold_alike(s in vietnamese_text()) {
        let nfd: String = s.nfd().collect();
        // Every other letter decomposed: the mixed form scrapers produce.
        let mixed: String = s
            .chars()
            .enumerate()
            .map(|(i, c)| if i % 2 == 0 { c.to_string() } else { c.to_string().nfd().collect() })
            .collect();
        prop_assert_eq!(fold_str(&nfd), fold_str(&s));
        prop_assert_eq!(fold_str(&mixed), fold_str(&s));
        prop_assert_eq!(fold(&nfd).text, fold_str(&s));
    }

    #[test]
    fn fold_is_idempotent(s in any::<String>()) {
        let once = fold_str(&s);
        prop_assert_eq!(fold_str(&once), once.clone());
    }

    #[test]
    fn map_is_monotone_and_in_bounds(s in prop_oneof![any::<String>(), vietnamese_text()]) {
        let f = fold(&s);
        prop_assert_eq!(f.map.len(), f.text.len());
        for w in f.map.windows(2) {
            prop_assert!(w[0] <= w[1]);
        }
        for &o in &f.map {
            prop_assert!(o < s.len() && s.is_char_boundary(o));
        }
        // Any folded range maps to a valid range of the original.
        if !f.text.is_empty() {
            let r = f.original_range(&s, 0..f.text.len());
            prop_assert!(r.start <= r.end && r.end <= s.len());
            prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
        }
    }

    #[test]
    fn tone_canonicalising_keeps_the_fold(s in vietnamese_text()) {
        let c = canonical_tones(&s);
        prop_assert_eq!(fold_str(&c), fold_str(&s));
        prop_assert_eq!(canonical_tones(&c), c.clone());
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(canonical_tones(&nfd), c);
    }

    #[test]
    fn sanitised_text_is_safe_and_stable(s in any::<String>()) {
        for (out, newlines) in [(sanitize_inline(&s), false), (sanitize_multiline(&s), true)] {
            for c in out.chars() {
                prop_assert!(!tintuc::text::sanitize::is_unsafe(c) || (newlines && c == '\n'),
                    "{:?} survived in {:?}", c, out);
                prop_assert!(c != '\t' && c != '\r');
            }
            let again = if newlines { sanitize_multiline(&out) } else { sanitize_inline(&out) };
            prop_assert_eq!(again, out);
        }
    }

    #[test]
    fn sanitising_hostile_sequences(parts in prop::collection::vec(prop_oneof![
        Just("\u{1b}]0;pwned\u{7}".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{1b}]52;c;AAAA\u{1b}\\".to_string()),
        Just("\u{9b}1m".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{1b}".to_string()),
        "[a-zơư ]{0,5}",
    ], 0..12)) {
        let out = sanitize_inline(&parts.concat());
        prop_assert!(!out.contains(ESC_CHAR));
        prop_assert!(!out.contains("pwned"));
        prop_assert!(!out.contains("AAAA"));
    }
}
