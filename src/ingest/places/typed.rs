//! Names after a type word: "phường Hương Mạc", "TP. Hồ Chí Minh", "các
//! xã A, B và C".

use std::borrow::Cow;

use super::tokens::Tokens;
use super::words::TYPE_PHRASES;
use super::{MAX_NAME_WORDS, known_key, spelling};
use crate::gazetteer::Gazetteer;

/// Whether "P.V" at word `i` is a byline: the whole text, or its start
/// before a parenthesis or a dash ("P.V (tổng hợp)").
fn reporter_byline(t: &Tokens<'_>, i: usize) -> bool {
    let next = i + 2;
    i + 1 < t.len()
        && t.ws[i + 1].text == "V"
        && (next == t.len() || i == 0 && t.gap(next).trim_start().starts_with(['(', '-', '–']))
}

/// A type word (or committee) at word `i`: the type, and its length in
/// words.
pub(super) fn type_at(t: &Tokens<'_>, i: usize) -> Option<(&'static str, usize)> {
    // Abbreviations: "TP. Hồ Chí Minh", "TX Từ Sơn", "P.Quảng Thành" (a
    // lone "P" only with its full stop).
    let dotted = i + 1 < t.len() && t.gap(i + 1).starts_with('.');
    match t.ws[i].text {
        "TP" | "Tp" => return Some(("thành phố", 1)),
        "TX" => return Some(("thị xã", 1)),
        // "P.V" alone or opening "P.V (tổng hợp)": the reporter's byline
        // (phóng viên).
        "P" if dotted && !reporter_byline(t, i) => {
            return Some(("phường", 1));
        }
        // "TT.Phước Hải", "H.Lục Yên", "Q.Bình Thạnh": only with the stop.
        "TT" if dotted => return Some(("thị trấn", 1)),
        "H" if dotted => return Some(("huyện", 1)),
        "Q" if dotted => return Some(("quận", 1)),
        _ => {}
    }
    if !TYPE_PHRASES.iter().any(|(p, _)| p[0] == t.ws[i].lower()) {
        return None;
    }
    'phrases: for (phrase, kind) in TYPE_PHRASES {
        if i + phrase.len() > t.len() {
            continue;
        }
        for (k, part) in phrase.iter().enumerate() {
            if t.ws[i + k].lower() != *part || (k > 0 && t.gap(i + k) != " ") {
                continue 'phrases;
            }
        }
        return Some((kind, phrase.len()));
    }
    None
}

/// The type words a name or a list of names follows.
pub(super) struct List<'k> {
    /// "xã", or "xã" and "thị trấn" in "các xã, thị trấn: A, B".
    pub(super) kinds: &'k [&'static str],
    /// After "các", "bốn", "16": a list may follow.
    pub(super) plural: bool,
}

/// The name after a type word, starting at word `at`: the longest run of
/// capitalised words the gazetteer knows with one of the list's types.
/// Its length in words, its type, and the name to look up.
pub(super) fn typed_name<'t>(
    g: &Gazetteer,
    t: &Tokens<'t>,
    at: usize,
    list: &List<'_>,
    in_list: bool,
) -> Option<(usize, &'static str, Cow<'t, str>)> {
    if at >= t.len() {
        return None;
    }
    // After "(huyện X)" in a list, the next name follows "), ".
    let first_gap = t.gap(at).trim().trim_start_matches(')').trim_start();
    // "TP.HCM", "các xã: A, B", "16 phường (A, B, …)", and the next name
    // of a list.
    let fits = match first_gap {
        "" | "." | ":" => true,
        "(" => list.plural && !in_list,
        // "; " after a group's district: "A (huyện X); B (huyện Y)".
        "," | ";" => in_list,
        _ => false,
    };
    if !fits {
        return None;
    }
    let word = &t.ws[at];
    let kinds = list.kinds;
    let of_kind = |k: &str, name: &str, one: bool| names_of_kind(g, k, name, one);
    // A commune may have become a ward or a township since ("các xã Thiệu
    // Khánh, …" of 2019, wards now): the other commune-level types, when
    // the written one names nothing.
    let typed = |name: &str, one: bool| {
        kinds
            .iter()
            .copied()
            .find(|k| of_kind(k, name, one))
            .or_else(|| {
                let communal = |k: &&str| COMMUNE_TYPES.contains(k);
                kinds.iter().any(communal).then(|| {
                    COMMUNE_TYPES
                        .iter()
                        .copied()
                        .find(|k| !kinds.contains(k) && of_kind(k, name, one))
                })?
            })
    };
    // Numbered wards and districts: "Phường 5", "Quận 1".
    if word.is_number() {
        return kinds
            .iter()
            .find(|k| matches!(**k, "phường" | "quận"))
            .filter(|k| !g.lookup(&format!("{k} {}", word.text)).is_empty())
            .map(|k| (1, *k, Cow::Borrowed(word.text)));
    }
    if matches!(word.text, "HCM" | "HCMC") && kinds.contains(&"thành phố") {
        return Some((1, "thành phố", Cow::Borrowed("Hồ Chí Minh")));
    }
    if !word.is_capitalised() {
        return lowercase_first_word(t, at, list)
            .and_then(|name| typed(&name, true).map(|k| (2, k, Cow::Owned(name))));
    }
    let mut run = 1;
    while run < MAX_NAME_WORDS
        && at + run < t.len()
        && t.ws[at + run].is_capitalised()
        && t.joins_name(at + run)
    {
        run += 1;
    }
    // "xã Quế Xuân 1", "phường Duy Tiên 2": a number ends some names.
    if at + run < t.len() && t.ws[at + run].is_number() && t.gap(at + run) == " " {
        run += 1;
    }
    let names = || (1..=run).rev().map(|n| (n, t.span(at, at + n)));
    // "huyện Văn giang", "xã Ayun hạ" (not xã AYun): a name's last word
    // left in lowercase, when with it the words name one place.
    let lowercase_last = || {
        let next = at + run;
        (next < t.len() && t.joins_name(next) && !t.ws[next].is_capitalised())
            .then(|| t.span(at, next + 1))
            .filter(|name| known_key(g, name) && !is_region_word(name))
            .and_then(|name| typed(name, true).map(|k| (run + 1, k, Cow::Borrowed(name))))
    };
    // "xã Nhơn Hòa lập nghiệp": a verb after a whole name is no part of
    // it ("Nhơn Hòa Lập" is another commune).
    let whole = names()
        .next()
        .filter(|&(n, name)| n >= 2 && known_key(g, name));
    whole
        .and_then(|(n, name)| typed(name, false).map(|k| (n, k, Cow::Borrowed(name))))
        .or_else(lowercase_last)
        .or_else(|| {
            names()
                .filter(|(_, name)| known_key(g, name))
                .find_map(|(n, name)| typed(name, false).map(|k| (n, k, Cow::Borrowed(name))))
        })
        // "tỉnh Đác Lắc": a spelling of before the reform of 1990s.
        .or_else(|| {
            names().find_map(|(n, name)| {
                let known = spelling::other_spelling(name)?;
                typed(known, false).map(|k| (n, k, Cow::Borrowed(known)))
            })
        })
        // A name misspelled in its marks ("huyện Chư Pah" for Chư Păh):
        // read without them, when that names one unit of the type.
        .or_else(|| {
            names()
                // "huyện M’Drắk" for M'Đrắk: two syllables in one word.
                .filter(|(n, name)| *n >= 2 || name.contains(['\'', '’']))
                .map(|(n, name)| (n, name, spelling::fold_name(name)))
                .filter(|(_, _, folded)| known_key(g, folded))
                .find_map(|(n, name, folded)| {
                    let k = typed(&folded, false)?;
                    // Other marks, never another tone: "xã Sơn Hóa" is not
                    // "Sơn Hòa", "huyện Tân Thành" not Tân Thạnh. The same
                    // commune may be spelled two ways in two eras ("Đăk
                    // Hring", "Đắk HRing").
                    let units = g.lookup(&format!("{k} {folded}"));
                    let fits = |id| {
                        g.unit(id)
                            .is_some_and(|u| spelling::same_tones(name, &u.name))
                    };
                    (!units.is_empty() && units.into_iter().all(fits)).then_some((
                        n,
                        k,
                        Cow::Owned(folded),
                    ))
                })
        })
}

/// Whether "`kind` `name`" names a unit; with `one`, one place only: a
/// unit of each level and era at most ("thành phố Thanh hóa": the old
/// city, the province before and after 2025), never two communes of one
/// name.
fn names_of_kind(g: &Gazetteer, kind: &str, name: &str, one: bool) -> bool {
    let found = g.lookup(&format!("{kind} {name}"));
    let mut seen = std::collections::HashSet::new();
    !found.is_empty()
        && (!one
            || found
                .iter()
                .all(|&id| g.unit(id).is_some_and(|u| seen.insert((u.level, u.era)))))
}

/// "các huyện, thị xã Đồng bằng": a kind of land, capitalised as a group
/// of units' name, is no unit's name in lowercase.
fn is_region_word(name: &str) -> bool {
    // And a title a commune earns: "xã Nông thôn mới - xã Văn hóa".
    const REGIONS: [&str; 11] = [
        "văn hóa",
        "văn hoá",
        "đồng bằng",
        "miền núi",
        "vùng cao",
        "ven biển",
        "trung du",
        "biên giới",
        "nông thôn",
        "đô thị",
        "miền xuôi",
    ];
    REGIONS.contains(&name.to_lowercase().as_str())
}

/// The types of communes: one may have become another.
const COMMUNE_TYPES: [&str; 3] = ["xã", "phường", "thị trấn"];

/// A list's name with its first word left in lowercase ("các xã thiệu
/// Khánh, Đông Vinh"): the two words with a capital, when the second has
/// one.
fn lowercase_first_word(t: &Tokens<'_>, at: usize, list: &List<'_>) -> Option<String> {
    let next = t.ws.get(at + 1)?;
    if !list.plural || !next.is_capitalised() || !t.joins_name(at + 1) {
        return None;
    }
    let mut first = t.ws[at].text.chars();
    let head: String = first.next()?.to_uppercase().collect();
    Some(format!("{head}{} {}", first.as_str(), next.text))
}
