//! Abbreviations that match their expansions both ways (`UBND` ↔ "Ủy ban
//! nhân dân"), from `data/abbreviations.txt`.

use std::sync::OnceLock;

use crate::search::query::clause::{Alt, Clause, Word};
use crate::search::query::tokens::words;

const DATA: &str = include_str!("../../data/abbreviations.txt");

struct Entry {
    /// The abbreviation's words ("KT-XH" has two).
    short: Vec<String>,
    long: Vec<String>,
    /// The same as query words, made once: comparing every term of every
    /// query with every entry must not redo them.
    short_words: Vec<Word>,
    long_words: Vec<Word>,
}

fn entries() -> &'static [Entry] {
    static CELL: OnceLock<Vec<Entry>> = OnceLock::new();
    CELL.get_or_init(|| read_entries(DATA))
}

/// The entries of an abbreviations file: `SHORT = long words` lines;
/// blank lines, `#` comments and lines missing a side are left out.
fn read_entries(text: &str) -> Vec<Entry> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(s, l)| {
            let short: Vec<String> = words(s).map(|(_, w)| w.to_string()).collect();
            let long: Vec<String> = words(l).map(|(_, w)| w.to_string()).collect();
            Entry {
                short_words: short.iter().map(|w| Word::new(w)).collect(),
                long_words: long.iter().map(|w| Word::new(w)).collect(),
                short,
                long,
            }
        })
        .filter(|e| !e.short.is_empty() && !e.long.is_empty())
        .collect()
}

/// Whether typed words are these words: folded, or exactly where a typed
/// word has diacritics.
fn same(typed: &[Word], data: &[Word]) -> bool {
    typed.len() == data.len()
        && typed.iter().zip(data).all(|(t, d)| {
            t.folded == d.folded && t.exact.as_ref().is_none_or(|e| Some(e) == d.exact.as_ref())
        })
}

/// The words of `data` as a query alternative: diacritics count only if
/// the user typed some.
fn alt_for(data: &[String], typed_exact: bool) -> Alt {
    let ws: Vec<Word> = data
        .iter()
        .map(|w| {
            if typed_exact {
                Word::new(w)
            } else {
                Word::folded(w)
            }
        })
        .collect();
    match ws.len() {
        1 => Alt::Exact(ws.into_iter().next().unwrap_or_else(|| Word::folded(""))),
        _ => Alt::Phrase {
            words: ws,
            open: false,
        },
    }
}

/// Adds the other form of every abbreviation or expansion in the query.
pub fn expand(clauses: &mut [Clause]) {
    for clause in clauses.iter_mut() {
        let mut extra = Vec::new();
        for alt in &clause.alts {
            let typed: Vec<Word> = alt.words().into_iter().cloned().collect();
            if typed.is_empty() {
                continue;
            }
            let exact = typed.iter().any(|w| w.exact.is_some());
            for e in entries() {
                if same(&typed, &e.short_words) {
                    extra.push(alt_for(&e.long, exact));
                } else if same(&typed, &e.long_words)
                    && !matches!(alt, Alt::Phrase { open: true, .. })
                {
                    extra.push(alt_for(&e.short, exact));
                }
            }
        }
        for a in extra {
            if !clause.alts.contains(&a) {
                clause.alts.push(a);
            }
        }
    }
}

/// Single-word abbreviations and their expansions, for the index: an
/// article that writes "UBND" also holds the words "ủy ban nhân dân",
/// so typing them one by one finds it (and each word typed can only
/// narrow the results).
pub fn expansions() -> impl Iterator<Item = (&'static str, &'static [String])> {
    entries()
        .iter()
        .filter(|e| e.short.len() == 1)
        .map(|e| (e.short[0].as_str(), e.long.as_slice()))
}

/// Whether `folded` is the folded form of a one-word abbreviation
/// ("ntm"): a word that means something, never a typo.
pub fn is_abbreviation(folded: &str) -> bool {
    expansions().any(|(short, _)| crate::text::fold_str(short) == folded)
}

#[cfg(test)]
mod tests {
    use crate::search::query::{Alt, parse};

    #[test]
    fn the_file_keeps_only_lines_with_both_sides() {
        let entries = super::read_entries(
            "# UBND = a comment, not an entry\n\
             \n\
             TP = thành phố\n\
             XYZ =\n\
             = không có gì\n\
             HĐND = Hội đồng nhân dân\n",
        );
        let shorts: Vec<String> = entries.iter().map(|e| e.short.join(" ")).collect();
        assert_eq!(shorts, ["TP", "HĐND"]);
        assert_eq!(entries[0].long, ["thành", "phố"]);
    }

    #[test]
    fn abbreviation_finds_expansion() {
        let q = parse("UBND");
        assert_eq!(q.clauses.len(), 1);
        assert!(
            q.clauses[0]
                .alts
                .iter()
                .any(|a| matches!(a, Alt::Phrase { words, .. } if words.len() == 4))
        );
    }

    #[test]
    fn expansion_finds_abbreviation() {
        for typed in [
            "\"uy ban nhan dan\"",
            "\"Ủy ban nhân dân\"",
            "\"uỷ ban nhân dân\"",
        ] {
            let q = parse(typed);
            assert_eq!(q.clauses.len(), 1, "{typed}");
            assert!(
                q.clauses[0]
                    .alts
                    .iter()
                    .any(|a| matches!(a, Alt::Exact(w) if w.folded == "ubnd")),
                "{typed}: {q:?}"
            );
        }
        let q = parse("\"hội đồng nhân dân\"");
        assert!(
            q.clauses[0]
                .alts
                .iter()
                .any(|a| matches!(a, Alt::Exact(w) if w.key() == "hđnd"))
        );
    }

    #[test]
    fn every_entry_is_well_formed() {
        assert!(super::entries().len() >= 40);
        for e in super::entries() {
            assert!(e.short.len() <= e.long.len(), "{:?}", e.short);
        }
    }
}
