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

use std::io;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, TERMINATED};

use super::segments::Segments;
use crate::gazetteer::Gazetteer;
use crate::search::query::{Word, exact_form, words};
use crate::search::score::{BODY_PHRASE, BODY_REPEAT, TITLE_PHRASE};

/// Before the name in the term of a title's name and of a body's.
const IN_TITLE: &str = "t\u{1}";
const IN_BODY: &str = "b\u{1}";

/// Occurrences of one name in one article beyond which the score grows
/// no more ([`BODY_REPEAT`] counts ten).
const COUNTED: u32 = 10;

/// The names of the gazetteer, by their first word: the words after it,
/// each as [`exact_form`] gives it.
struct Names {
    by_first: FxHashMap<String, Vec<Vec<String>>>,
}

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut by_first: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        for unit in Gazetteer::embedded().units() {
            let mut ws = words(&unit.name).map(|(_, w)| exact_form(w));
            let (Some(first), rest) = (ws.next(), ws.collect::<Vec<_>>()) else {
                continue;
            };
            if rest.is_empty() {
                continue;
            }
            let known = by_first.entry(first).or_default();
            if !known.contains(&rest) {
                known.push(rest);
            }
        }
        Names { by_first }
    })
}

/// The name `words` stand for, as its terms write it.
fn key(words: &[Word]) -> String {
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
    let forms: Vec<String> = words(text).map(|(_, w)| exact_form(w)).collect();
    let mut out: Vec<String> = Vec::new();
    for (i, first) in forms.iter().enumerate() {
        let Some(known) = names.by_first.get(first) else {
            continue;
        };
        let after = forms.get(i + 1..).unwrap_or_default();
        for rest in known {
            if after.len() >= rest.len() && after.iter().zip(rest).all(|(a, b)| a == b) {
                let mut term = String::from(if in_title { IN_TITLE } else { IN_BODY });
                term.push_str(first);
                for w in rest {
                    term.push(' ');
                    term.push_str(w);
                }
                if out.iter().filter(|t| **t == term).count() < COUNTED as usize {
                    out.push(term);
                }
            }
        }
    }
    out
}

/// The candidates `docs` (article numbers, sorted) whose title or body
/// names the place `words` (a gazetteer name of two words or more, as
/// [`terms_of`] finds it), scored as the phrase of its words would be.
pub fn name_scores(segs: &Segments, words: &[Word], docs: &[u32]) -> io::Result<Vec<(u32, u32)>> {
    let name = key(words);
    segs.per_segment(docs, |_, seg, candidates| {
        let inverted = seg
            .inverted_index(segs.fields.names)
            .map_err(io::Error::other)?;
        // Per candidate holding the name: in the title, and how often in
        // the body.
        let mut found: FxHashMap<u32, (bool, u32)> = FxHashMap::default();
        for (prefix, in_title) in [(IN_TITLE, true), (IN_BODY, false)] {
            let term =
                tantivy::Term::from_field_text(segs.fields.names, &format!("{prefix}{name}"));
            let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::WithFreqs)?
            else {
                continue;
            };
            for &d in &candidates.docs {
                if postings.doc() == TERMINATED {
                    break;
                }
                if postings.doc() < d {
                    postings.seek(d);
                }
                if postings.doc() == d && candidates.contains(d) {
                    let slot = found.entry(d).or_default();
                    if in_title {
                        slot.0 = true;
                    } else {
                        slot.1 = postings.term_freq();
                    }
                }
            }
        }
        let mut out: Vec<(u32, u32)> = found
            .into_iter()
            .map(|(d, (in_title, n))| {
                let n = n.min(COUNTED);
                let score = match (in_title, n) {
                    (true, 0) => TITLE_PHRASE,
                    (true, n) => TITLE_PHRASE + n * BODY_REPEAT,
                    (_, n) => BODY_PHRASE + n * BODY_REPEAT,
                };
                (d, score)
            })
            .collect();
        out.sort_unstable_by_key(|&(d, _)| d);
        Ok(out)
    })
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
