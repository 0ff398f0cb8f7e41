//! Bare commune names the article's other places vouch for.
//!
//! A bare commune name is too ambiguous alone ("Tân Trào" names three
//! old communes), but an article about huyện Thanh Miện that writes "thôn
//! Lang Gia (Tân Trào)", or "Tân Hoá, Minh Hoá, Quảng Bình", means the
//! commune of that district. Such a name counts when exactly one commune
//! of that name lies in a district the article names, or in the district
//! of a commune it names with its type ("phường Quỳnh Phương … Quỳnh
//! Lập"). A name the sentence itself calls a commune ("Thụy Chính hiện là
//! xã …") counts as if typed.

use std::collections::HashSet;

use crate::gazetteer::{Gazetteer, Level, UnitId};

use super::tokens::Tokens;
use super::words::only_typed;
use super::{MAX_NAME_WORDS, known_key};

/// The length in words of the longest commune name at word `j` within the
/// capitalised run ending at `end`. Names of one word are left out: as
/// often a village's or a person's given name as a commune's.
pub(super) fn commune_at(g: &Gazetteer, t: &Tokens<'_>, j: usize, end: usize) -> Option<usize> {
    (2..=MAX_NAME_WORDS.min(end - j)).rev().find(|&n| {
        let name = t.span(j, j + n);
        known_key(g, name)
            && (!only_typed(name) || in_parentheses(t, j, j + n))
            && g.lookup(name)
                .iter()
                .any(|&id| g.unit(id).is_some_and(|u| u.level == Level::Commune))
    })
}

/// Whether words `from..to` open a place given in parentheses, its
/// province after a comma: "(Trần Văn Thời, Cà Mau)" is the district,
/// though named after a person.
pub(super) fn opens_parenthesised_place(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    t.gap(from).trim_end().ends_with('(') && to < t.len() && t.gap(to).trim() == ","
}

/// Whether words `from..to` stand alone in parentheses: "thôn An Bình
/// (Hồng Quang)".
fn in_parentheses(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    t.gap(from).trim_end().ends_with('(') && to < t.len() && t.gap(to).trim_start().starts_with(')')
        || to == t.len() && t.text[t.ws[to - 1].end..].trim_start().starts_with(')')
}

/// The type the sentence gives the name at words `from..to` after it:
/// "Thụy Chính hiện là xã đầu tiên", "Tân Lập là một phường".
pub(super) fn called(t: &Tokens<'_>, to: usize) -> Option<&'static str> {
    let mut k = to;
    let word = |k: usize| (k < t.len() && t.gap(k).trim().is_empty()).then(|| t.ws[k].lower());
    if word(k) == Some("hiện") {
        k += 1;
    }
    if word(k) != Some("là") {
        return None;
    }
    k += 1;
    if word(k) == Some("một") {
        k += 1;
    }
    match word(k)? {
        "xã" => Some("xã"),
        "phường" => Some("phường"),
        "thị" if word(k + 1) == Some("trấn") => Some("thị trấn"),
        _ => None,
    }
}

/// The districts the resolved places lie in or are: where a bare commune
/// name may be looked for.
pub(super) fn districts(g: &Gazetteer, resolved: &[UnitId]) -> HashSet<UnitId> {
    let mut out = HashSet::new();
    for &id in resolved {
        for u in std::iter::once(id).chain(g.ancestors(id)) {
            if g.unit(u).is_some_and(|u| u.level == Level::District) {
                out.insert(u);
            }
        }
    }
    out
}

/// The one commune named `name` in one of `districts`.
pub(super) fn vouched(g: &Gazetteer, name: &str, districts: &HashSet<UnitId>) -> Option<UnitId> {
    let mut found = g.lookup(name).into_iter().filter(|&id| {
        g.unit(id).is_some_and(|u| {
            u.level == Level::Commune && u.parent.is_some_and(|p| districts.contains(&p))
        })
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}
