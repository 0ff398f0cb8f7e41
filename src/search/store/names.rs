//! The names of places of two words or more, found in each article when
//! it is indexed: a name run together (`tuson`) is looked for as the
//! phrase of its words, and the phrase of two common words read from the
//! positions of most articles of a large collection takes longer than a
//! keystroke may. Written as one term per occurrence, the phrase is read
//! as one term's postings.
//!
//! A name is found where its words follow one another in the title or in
//! one paragraph with its diacritics as the gazetteer writes them (tone
//! placement aside): what the phrase of the name's own words finds.

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::gazetteer::Gazetteer;
use crate::search::query::{Word, exact_form, words};
use rustc_hash::FxHashMap;

/// Before the name in the term of a title's name and of a body's.
pub(super) const IN_TITLE: &str = "t\u{1}";
pub(super) const IN_BODY: &str = "b\u{1}";

/// Occurrences of one name in one article beyond which the score grows
/// no more ([`BODY_REPEAT`] counts ten).
pub(super) const COUNTED: u32 = 10;

/// The names of the gazetteer, their words numbered: a text's words are
/// looked up once each (most are in no name), and names compared as
/// numbers.
struct Names {
    /// Every word of a name, as [`exact_form`] gives it, by number.
    words: Vec<String>,
    number: FxHashMap<String, u32>,
    /// By the numbers of their first two words: the numbers of the words
    /// after them (most names have none: the common first words, "Tân",
    /// "Phú", start hundreds of names, the first two a few).
    by_start: FxHashMap<(u32, u32), Vec<Vec<u32>>>,
}

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = Names {
            words: Vec::new(),
            number: FxHashMap::default(),
            by_start: FxHashMap::default(),
        };
        for unit in Gazetteer::embedded().units() {
            let numbers: Vec<u32> = words(&unit.name)
                .map(|(_, w)| {
                    let form = exact_form(w);
                    let next = u32::try_from(names.words.len()).unwrap_or(u32::MAX);
                    *names.number.entry(form.clone()).or_insert_with(|| {
                        names.words.push(form);
                        next
                    })
                })
                .collect();
            let [first, second, rest @ ..] = numbers.as_slice() else {
                continue;
            };
            let known = names.by_start.entry((*first, *second)).or_default();
            if !known.iter().any(|k| k == rest) {
                known.push(rest.to_vec());
            }
        }
        names
    })
}

/// Distinct words a thread remembers the numbers of: a collection says
/// the same words over and over.
const REMEMBERED: usize = 100_000;

thread_local! {
    /// A word as written, and the number of its form among the names'
    /// words (`None`: in no name).
    static SEEN: RefCell<FxHashMap<Box<str>, Option<u32>>> = RefCell::new(FxHashMap::default());
}

/// The number of `word` among the names' words, if it is one.
fn number_of(
    names: &Names,
    seen: &mut FxHashMap<Box<str>, Option<u32>>,
    word: &str,
) -> Option<u32> {
    if let Some(&n) = seen.get(word) {
        return n;
    }
    if seen.len() >= REMEMBERED {
        seen.clear();
    }
    let n = names.number.get(&exact_form(word)).copied();
    seen.insert(word.into(), n);
    n
}

/// The name `words` stand for, as its terms write it.
pub(super) fn key(words: &[Word]) -> String {
    let forms: Vec<&str> = words
        .iter()
        .map(|w| w.exact.as_deref().unwrap_or(&w.folded))
        .collect();
    forms.join(" ")
}

/// The terms of the names `text` holds, one per occurrence (up to
/// [`COUNTED`] of each), for a title (`in_title`) or a paragraph.
pub fn terms_of(text: &str, in_title: bool) -> Vec<String> {
    let names = names();
    let numbers: Vec<Option<u32>> = SEEN.with_borrow_mut(|seen| {
        words(text)
            .map(|(_, w)| number_of(names, seen, w))
            .collect()
    });
    let mut out: Vec<String> = Vec::new();
    for (i, pair) in numbers.windows(2).enumerate() {
        let (Some(first), Some(second)) = (pair[0], pair[1]) else {
            continue;
        };
        let Some(known) = names.by_start.get(&(first, second)) else {
            continue;
        };
        let after = numbers.get(i + 2..).unwrap_or_default();
        for rest in known {
            if after.len() < rest.len() || !after.iter().zip(rest).all(|(a, b)| *a == Some(*b)) {
                continue;
            }
            let mut term = String::from(if in_title { IN_TITLE } else { IN_BODY });
            let name = [first, second].into_iter().chain(rest.iter().copied());
            for (k, n) in name.enumerate() {
                if k > 0 {
                    term.push(' ');
                }
                term.push_str(names.words.get(n as usize).map_or("", String::as_str));
            }
            if out.iter().filter(|t| **t == term).count() < COUNTED as usize {
                out.push(term);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_with_its_diacritics_in_any_case_and_tone_placement() {
        assert_eq!(
            terms_of("Về thị xã TỪ SƠN, rồi Từ Sơn", false),
            ["b\u{1}từ sơn", "b\u{1}từ sơn"]
        );
        assert!(terms_of("tu son, tứ sơn", false).is_empty());
        assert_eq!(terms_of("Hoà Bình", true), terms_of("Hòa Bình", true));
        assert_eq!(
            terms_of("Hòa Bình", true),
            [format!("t\u{1}{} bình", exact_form("hòa"))]
        );
    }

    #[test]
    fn a_name_split_by_a_paragraph_or_cut_short_is_not_found() {
        assert!(terms_of("Từ", false).is_empty());
        assert!(terms_of("Sơn Từ", false).is_empty());
    }

    #[test]
    fn a_name_of_three_words_is_found_anywhere_and_only_whole() {
        let found = terms_of("Về An Nhơn Tây hôm nay", false);
        assert!(
            found.contains(&"b\u{1}an nhơn tây".to_string()),
            "{found:?}"
        );
        let found = terms_of("Về An Nhơn Đông hôm nay", false);
        assert!(
            !found.contains(&"b\u{1}an nhơn tây".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn occurrences_are_counted_up_to_ten() {
        let text = "Từ Sơn ".repeat(14);
        assert_eq!(terms_of(&text, false).len(), COUNTED as usize);
    }

    #[test]
    fn the_key_of_a_name_is_its_term() {
        let ws: Vec<Word> = ["Từ", "Sơn"].iter().map(|w| Word::new(w)).collect();
        assert_eq!(
            format!("{IN_BODY}{}", key(&ws)),
            terms_of("Từ Sơn", false)[0]
        );
    }
}
