//! What a title may spell across its words ("tuson" in "Từ Sơn"), kept as
//! terms of a field of its own, so that a keystroke tries the spelling
//! only on the titles that hold one of the terms its word needs, not on
//! every title of a million articles.
//!
//! A spelling of a word of three or more letters from title word `i`
//! on takes `k ≥ 1` letters from word `i` and goes on in word `i + 1`.
//! With `k = 1` its first three letters are word `i`'s first letter and
//! either the first two letters of word `i + 1` or the first letters of
//! words `i + 1` and `i + 2`; with `k ≥ 2`, its first `k + 1` letters are
//! word `i`'s first `k` and word `i + 1`'s first. Each of those is a term
//! of the title, and a word's terms are its first 3, 4, … letters: a
//! title that spells the word holds one of them. Folded forms throughout:
//! a spelling typed with diacritics is also one without.

use crate::text::fold_str;

/// Letters of a word's own part in a term at most; a longer part is
/// kept as its first letters and [`LONG`].
const LONGEST: usize = 12;

/// Ends the term of a part longer than [`LONGEST`] letters: not a letter
/// or a digit, so no word's letters end that way.
const LONG: char = '+';

/// The terms of a title whose words, folded, are `words` (in order).
pub fn title_terms(words: &[String]) -> Vec<String> {
    let chars: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    let mut terms = Vec::new();
    for (i, a) in chars.iter().enumerate() {
        let (Some(b), Some(&a0)) = (chars.get(i + 1), a.first()) else {
            continue;
        };
        let Some(&b0) = b.first() else { continue };
        if let Some(&b1) = b.get(1) {
            terms.push([a0, b0, b1].iter().collect());
        }
        if let Some(&c0) = chars.get(i + 2).and_then(|c| c.first()) {
            terms.push([a0, b0, c0].iter().collect());
        }
        for k in 2..=a.len().min(LONGEST) {
            let mut t: String = a[..k].iter().collect();
            t.push(b0);
            terms.push(t);
        }
        if a.len() > LONGEST {
            let mut t: String = a[..LONGEST].iter().collect();
            t.push(LONG);
            terms.push(t);
        }
    }
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// The terms a title that spells `key` holds at least one of; `None`
/// when they cannot be told (fewer than three letters, or a letter that
/// does not fold to exactly one), and every title must be tried.
pub fn word_terms(key: &str) -> Option<Vec<String>> {
    let mut folded: Vec<char> = Vec::new();
    for c in key.chars() {
        let f = fold_str(c.encode_utf8(&mut [0; 4]));
        let mut fs = f.chars();
        let (Some(one), None) = (fs.next(), fs.next()) else {
            return None;
        };
        folded.push(one);
    }
    if folded.len() < 3 {
        return None;
    }
    let mut terms: Vec<String> = (3..=folded.len().min(LONGEST + 1))
        .map(|n| folded[..n].iter().collect())
        .collect();
    // A first part longer than LONGEST letters.
    if folded.len() > LONGEST + 1 {
        let mut t: String = folded[..LONGEST].iter().collect();
        t.push(LONG);
        terms.push(t);
    }
    Some(terms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::Word;
    use crate::search::spelling::spell;
    use proptest::prelude::*;

    fn folded(title: &str) -> Vec<String> {
        crate::search::query::words(title)
            .map(|(_, w)| fold_str(w))
            .collect()
    }

    #[test]
    fn a_title_holds_a_term_of_each_word_it_spells() {
        let title = folded("Thị xã Từ Sơn đón nhận danh hiệu");
        let terms = title_terms(&title);
        for word in ["tuson", "txts", "thixa", "txt", "sondon", "donnhan", "tus"] {
            let need = word_terms(word).expect("three letters");
            assert!(need.iter().any(|t| terms.contains(t)), "{word}: {terms:?}");
        }
        let need = word_terms("tsx").expect("three letters");
        assert!(!need.iter().any(|t| terms.contains(t)), "tsx");
    }

    #[test]
    fn short_or_unfoldable_words_need_every_title() {
        assert_eq!(word_terms("tu"), None);
        assert_eq!(word_terms("ß"), None);
        assert_eq!(
            word_terms("từs"),
            Some(vec!["tus".to_string()]),
            "typed with diacritics"
        );
    }

    #[test]
    fn long_first_parts_are_cut_and_marked() {
        let long = "a".repeat(15);
        let title = vec![long.clone(), "bc".to_string()];
        let terms = title_terms(&title);
        let word = format!("{long}b");
        let need = word_terms(&word).expect("letters");
        assert!(need.iter().any(|t| terms.contains(t)));
        assert!(terms.contains(&format!("{}+", "a".repeat(LONGEST))));
    }

    /// Words of few letters, so that words are often spelled.
    fn word() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[abđ]{1,15}").expect("pattern")
    }

    proptest! {
        #[test]
        fn every_spelled_word_finds_its_title(
            title in proptest::collection::vec(word(), 0..7),
            term in proptest::string::string_regex("[abđ]{3,18}").expect("pattern"),
        ) {
            let w = Word::folded(&term);
            let folded_words: Vec<String> = title.iter().map(|t| fold_str(t)).collect();
            let terms = title_terms(&folded_words);
            let need = word_terms(&term).expect("three letters");
            let exact: Vec<&str> = title.iter().map(String::as_str).collect();
            let plain: Vec<&str> = folded_words.iter().map(String::as_str).collect();
            if spell(&exact, &term).is_some() || spell(&plain, &w.folded).is_some() {
                prop_assert!(need.iter().any(|t| terms.contains(t)), "{:?} {:?}", need, terms);
            }
        }
    }
}
