//! `tintuc search --explain`: why each result ranks where it does, as
//! lines under it or as a JSON object.

use crate::search::explain::{Explanation, Found};

/// The lines under a result: each keyword with how and where it matched,
/// the places the keywords spell that it is about, the pairs found side
/// by side, and the rule that put it above the next result.
pub(super) fn lines(ex: &Explanation, last: bool) -> Vec<String> {
    let mut out = Vec::new();
    let terms: Vec<String> = ex
        .terms
        .iter()
        .map(|t| {
            let place = if t.in_title { "title" } else { "body" };
            format!("{}: {}, {place}", t.term, how(t.how))
        })
        .collect();
    if !terms.is_empty() {
        out.push(terms.join(" · "));
    }
    let mut also = Vec::new();
    for p in &ex.places {
        also.push(format!("about {p}"));
    }
    if ex.side_by_side > 0 {
        let s = if ex.side_by_side == 1 { "" } else { "s" };
        also.push(format!("{} pair{s} side by side", ex.side_by_side));
    }
    if !also.is_empty() {
        out.push(also.join(" · "));
    }
    out.push(match ex.decided_by {
        Some(rule) => format!("above the next: {}", rule.describe()),
        None if last => "the last result".to_string(),
        None => "above the next: a tie (kept in collection order)".to_string(),
    });
    out
}

fn how(found: Found) -> String {
    match found {
        Found::AsTyped => "as typed".to_string(),
        Found::Reading => "read as Telex or VNI".to_string(),
        Found::Typos(1) => "1 typo".to_string(),
        Found::Typos(n) => format!("{n} typos"),
    }
}

/// `--json --explain`: the same, as an object.
#[derive(serde::Serialize)]
pub(super) struct Json {
    terms: Vec<JsonTerm>,
    places: Vec<String>,
    side_by_side: u32,
    in_title: u32,
    decided_by: Option<&'static str>,
}

#[derive(serde::Serialize)]
struct JsonTerm {
    term: String,
    how: String,
    in_title: bool,
}

impl Json {
    pub(super) fn of(ex: &Explanation) -> Json {
        Json {
            terms: ex
                .terms
                .iter()
                .map(|t| JsonTerm {
                    term: t.term.clone(),
                    how: how(t.how),
                    in_title: t.in_title,
                })
                .collect(),
            places: ex.places.clone(),
            side_by_side: ex.side_by_side,
            in_title: ex.in_title,
            decided_by: ex.decided_by.map(|r| r.describe()),
        }
    }
}
