//! Lists of names after a plural type word ("các xã A, B và C"): where
//! they start, and what a list may hold between its names.

use std::borrow::Cow;

use super::MAX_NAME_WORDS;
use super::tokens::Tokens;

/// Where the names of a plural's list start: right after it, or after a
/// "là" / "gồm" ("gồm có") a few words on in the same clause.
pub(super) fn list_start(t: &Tokens<'_>, at: usize) -> Option<usize> {
    const LOOK_AHEAD: usize = 12;
    for k in at..t.len().min(at + LOOK_AHEAD) {
        let gap = t.gap(k);
        if k > at && gap.contains(['.', ';', '(', ')', '"', '“', '”']) {
            return None;
        }
        let acronym = t.ws[k].text.chars().all(|c| !c.is_lowercase());
        if k > at && t.ws[k].is_capitalised() && !acronym && !gap.contains(':') {
            // A name before "gồm" ("các xã Đông Ngàn, …"): no list on.
            return None;
        }
        if matches!(t.ws[k].lower(), "là" | "gồm") {
            let has = k + 1 < t.len() && t.ws[k + 1].lower() == "có";
            return Some(k + 1 + usize::from(has));
        }
    }
    None
}

/// After a list's name that ends before word `at`, where the next name
/// starts: after a comma or "và", and after the district in parentheses
/// some names carry ("A (huyện X), B", read as a bare name later).
/// `None` where the list ends.
pub(super) fn next_name(t: &Tokens<'_>, at: usize) -> Option<usize> {
    let after = skip_parenthesis(t, at);
    if after >= t.len() {
        return None;
    }
    let gap = t.gap(after).trim_start().trim_start_matches(')').trim();
    // "A, B (huyện X); C (huyện Y)": groups by district, split by
    // semicolons.
    let grouped = after > at && gap == ";";
    if t.ws[after].lower() == "và" && matches!(gap, "" | ",") {
        Some(after + 1)
    } else {
        (gap == "," || grouped).then_some(after)
    }
}

/// After a list's name at word `at`, the word after a parenthesis
/// ("(Nam Đông)", "(thị xã Hương Thuỷ)"), or `at` when none opens there.
fn skip_parenthesis(t: &Tokens<'_>, at: usize) -> usize {
    const MAX_WORDS: usize = 8;
    if at >= t.len() || !t.gap(at).trim_start().starts_with('(') {
        return at;
    }
    (at + 1..t.len().min(at + MAX_WORDS + 1))
        .find(|&k| t.gap(k).contains(')'))
        .unwrap_or(at)
}

/// A name of a list that the gazetteer does not know (a unit merged away
/// before its records): skipped, so that the names after it still count.
/// Its length, and an empty name.
pub(super) fn unknown_in_list<'t>(
    t: &Tokens<'t>,
    at: usize,
    in_list: bool,
) -> Option<(usize, &'static str, Cow<'t, str>)> {
    let gap = || t.gap(at).trim().trim_start_matches(')').trim_start();
    if !in_list || at >= t.len() || gap() != "," {
        return None;
    }
    let run = (at..t.len().min(at + MAX_NAME_WORDS))
        .take_while(|&j| t.ws[j].is_capitalised() && (j == at || t.joins_name(j)))
        .count();
    let end = at + run;
    let list_goes_on = end < t.len() && (t.gap(end).trim() == "," || t.ws[end].lower() == "và");
    (run > 0 && list_goes_on).then_some((run, "", Cow::Borrowed("")))
}
