//! Where a query matches inside one article, for highlighting, and the
//! Vietnamese alphabetical order of titles.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use super::Matches;
use super::forgive::Searched;
use super::query::{Alt, Query, Word, exact_form, words};
use super::spelling::spell;
use super::typo;
use crate::model::Article;
use crate::text::fold;
use crate::text::tone::exact_prefix;

/// One word of the text, in the forms it is compared by.
struct Token<'a> {
    start: usize,
    text: &'a str,
    folded: String,
    exact: String,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    words(text)
        .map(|(start, w)| {
            let exact = exact_form(w);
            Token {
                start,
                text: w,
                folded: crate::text::fold_str(&exact),
                exact,
            }
        })
        .collect()
}

fn starts(t: &Token<'_>, w: &Word) -> bool {
    t.folded.starts_with(&w.folded) && w.exact.as_ref().is_none_or(|e| exact_prefix(&t.exact, e))
}

fn equals(t: &Token<'_>, w: &Word) -> bool {
    t.folded == w.folded && w.exact.as_ref().is_none_or(|e| *e == t.exact)
}

/// The original bytes of the first `folded_len` folded bytes of a token
/// (a prefix of the folded text is a prefix of the original).
fn prefix_range(t: &Token<'_>, folded_len: usize) -> Range<usize> {
    let f = fold(t.text);
    let r = f.original_range(t.text, 0..folded_len.min(f.text.len()));
    t.start..t.start + r.end
}

fn whole(t: &Token<'_>) -> Range<usize> {
    t.start..t.start + t.text.len()
}

/// What a keyword is searched as, and the typos it forgives (see
/// [`super::forgive::searched_as`]).
pub(super) type Forgiving<'a> = &'a dyn Fn(&Word) -> Searched;

/// Ranges of `text` matched by the alternatives. Titles also show fuzzy
/// spellings across words; a word found through a typo is shown whole.
fn find(text: &str, alts: &[&Alt], title: bool, forgiving: Forgiving<'_>) -> Vec<Range<usize>> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let keyword = |w: &Word, out: &mut Vec<Range<usize>>| {
        let how = forgiving(w);
        let w = how.folded.as_ref().unwrap_or(w);
        let before = out.len();
        for t in toks.iter().filter(|t| starts(t, w)) {
            out.push(prefix_range(t, w.folded.len()));
        }
        if let Some(read) = &how.reading {
            for t in toks.iter().filter(|t| starts(t, read)) {
                out.push(prefix_range(t, read.folded.len()));
            }
        }
        // (A short word forgiven a typo only where it starts no word of the
        // articles left is highlighted as typed: one text cannot tell.)
        if how.budget > 0 {
            let dfa = typo::prefix_dfa(&w.folded, how.budget);
            for t in toks.iter().filter(|t| !starts(t, w)) {
                if typo::distance(&dfa, &t.folded).is_some() {
                    out.push(whole(t));
                }
            }
        }
        if title && out.len() == before && w.folded.len() >= 3 {
            let forms: Vec<&str> = toks
                .iter()
                .map(|t| {
                    if w.exact.is_some() {
                        t.exact.as_str()
                    } else {
                        t.folded.as_str()
                    }
                })
                .collect();
            if let Some((first, taken)) = spell(&forms, w.key()) {
                for (i, k) in taken.into_iter().enumerate() {
                    let t = &toks[first + i];
                    // Letters taken from the word's exact form count as
                    // many folded bytes as they fold to.
                    let len = if w.exact.is_some() {
                        crate::text::fold_str(t.exact.get(..k).unwrap_or(&t.exact)).len()
                    } else {
                        k
                    };
                    out.push(prefix_range(t, len));
                }
            }
        }
    };
    for a in alts {
        match a {
            Alt::Keyword(w) => keyword(w, &mut out),
            Alt::Exact(w) => out.extend(toks.iter().filter(|t| equals(t, w)).map(whole)),
            Alt::Phrase { .. } | Alt::PlaceName { .. } => {
                let (ws, open) = match a {
                    Alt::Phrase { words, open } => (words, *open),
                    Alt::PlaceName { words, .. } => (words, false),
                    _ => continue,
                };
                let n = ws.len();
                if n == 0 || toks.len() < n {
                    continue;
                }
                for i in 0..=toks.len() - n {
                    let ok = ws.iter().enumerate().all(|(j, w)| {
                        let t = &toks[i + j];
                        if open && j + 1 == n {
                            starts(t, w)
                        } else {
                            equals(t, w)
                        }
                    });
                    if ok {
                        out.push(toks[i].start..whole(&toks[i + n - 1]).end);
                    }
                }
            }
            Alt::Place(_) | Alt::Date(_) | Alt::Flag(_) => {}
        }
    }
    merge(out)
}

/// Sorted, overlapping ranges joined.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

pub(super) fn matches(a: &Article, q: &Query, forgiving: Forgiving<'_>) -> Matches {
    let alts = highlighted(q);
    if alts.is_empty() {
        return Matches::default();
    }
    Matches {
        title: find(&a.title, &alts, true, forgiving),
        body: a
            .body
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                find(&p.text, &alts, false, forgiving)
                    .into_iter()
                    .map(move |r| (i, r))
            })
            .collect(),
    }
}

/// Where `q` matches in the title alone: what a list row shows, found
/// without reading the body.
pub(super) fn title_matches(a: &Article, q: &Query, forgiving: Forgiving<'_>) -> Vec<Range<usize>> {
    find(&a.title, &highlighted(q), true, forgiving)
}

/// The terms whose matches are highlighted: every one not negated.
fn highlighted(q: &Query) -> Vec<&Alt> {
    q.clauses
        .iter()
        .filter(|c| !c.negated)
        .flat_map(|c| c.alts.iter())
        .collect()
}

/// A sort key for Vietnamese alphabetical order: letters first (a ă â b c
/// d đ e ê … with the marked vowels as letters of their own), then the
/// tones (none, huyền, hỏi, ngã, sắc, nặng) as a tie-break, case last.
pub(super) fn collation_key(s: &str) -> Vec<u32> {
    let mut letters = Vec::new();
    let mut tones = Vec::new();
    let mut cases = Vec::new();
    for c in s.chars() {
        let upper = c.is_uppercase();
        let mut base = None;
        let mut variant = 0;
        let mut tone = 0;
        for d in c.to_lowercase().nfd() {
            match d {
                '\u{306}' => variant = 1,
                '\u{302}' => variant = 2,
                '\u{31b}' => variant = 3,
                '\u{300}' => tone = 1,
                '\u{309}' => tone = 2,
                '\u{303}' => tone = 3,
                '\u{301}' => tone = 4,
                '\u{323}' => tone = 5,
                _ if base.is_none() => base = Some(d),
                _ => {}
            }
        }
        let base = match base {
            Some('đ') => {
                variant = 1;
                'd'
            }
            Some(b) => b,
            None => c,
        };
        let primary = if base.is_alphanumeric() {
            0x100 + (base as u32) * 4 + variant
        } else if base.is_whitespace() {
            1
        } else {
            2
        };
        letters.push(primary);
        tones.push(tone);
        cases.push(upper as u32);
    }
    letters.push(0);
    letters.extend(tones);
    letters.push(0);
    letters.extend(cases);
    letters
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    fn article(title: &str, body: &[&str]) -> Article {
        crate::model::text_article("x", title, body)
    }

    /// Every keyword searched as typed, forgiving no typo.
    fn as_typed(_: &Word) -> Searched {
        Searched::default()
    }

    fn shown<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn keyword_prefixes_on_original_letters() {
        let a = article("Đảng bộ thị xã TỪ SƠN", &["nông thôn mới, thôn Đông"]);
        let m = matches(&a, &parse("thon"), &as_typed);
        assert_eq!(m.body.len(), 2);
        assert_eq!(&a.body[0].text[m.body[0].1.clone()], "thôn");
        let m = matches(&a, &parse("dangbo"), &as_typed);
        assert_eq!(shown(&a.title, &m.title), ["Đảng", "bộ"]);
        // A place's name run together is its name as words.
        let m = matches(&a, &parse("tuson"), &as_typed);
        assert_eq!(shown(&a.title, &m.title), ["TỪ SƠN"]);
        let m = matches(&a, &parse("\"nong thon moi\""), &as_typed);
        assert_eq!(&a.body[0].text[m.body[0].1.clone()], "nông thôn mới");
        let m = matches(&a, &parse("đang"), &as_typed);
        assert!(m.title.is_empty());
        let m = matches(&a, &parse("!thon"), &as_typed);
        assert!(m.body.is_empty());
    }

    #[test]
    fn a_word_found_through_a_typo_is_shown_whole() {
        let a = article("Nghị quyết về nông thôn", &["Quyết định"]);
        let forgiving = |w: &Word| Searched {
            budget: u8::from(w.folded.len() >= 5),
            ..Searched::default()
        };
        let m = matches(&a, &parse("quyte thon"), &forgiving);
        assert_eq!(shown(&a.title, &m.title), ["quyết", "thôn"]);
        assert_eq!(shown(&a.body[0].text, &[m.body[0].1.clone()]), ["Quyết"]);
        // Searched without the marks typed: found as that word.
        let folded = |w: &Word| Searched {
            folded: Some(Word::folded(&w.folded)),
            ..Searched::default()
        };
        let m = matches(&a, &parse("nghỉ"), &folded);
        assert_eq!(shown(&a.title, &m.title), ["Nghị"]);
        // Read as Telex: the words it spells, as far as spelled.
        let read = |w: &Word| Searched {
            reading: crate::search::telex::reading(w),
            ..Searched::default()
        };
        let m = matches(&a, &parse("nghij thoon"), &read);
        assert_eq!(shown(&a.title, &m.title), ["Nghị", "thôn"]);
    }

    #[test]
    fn nfd_text_highlights_whole_letters() {
        let title: String = "Từ Sơn".nfd().collect();
        let a = article(&title, &[]);
        let m = matches(&a, &parse("son"), &as_typed);
        assert_eq!(shown(&a.title, &m.title), ["So\u{31b}n"]);
    }

    #[test]
    fn vietnamese_order() {
        let mut titles = vec!["Đông", "Dung", "Ăn", "An", "Âm", "Bà", "Ba", "Bá"];
        titles.sort_by_key(|t| collation_key(t));
        assert_eq!(titles, ["An", "Ăn", "Âm", "Ba", "Bà", "Bá", "Dung", "Đông"]);
    }
}
