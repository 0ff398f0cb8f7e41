//! The administrative units an article names, found with the gazetteer.
//!
//! A place is named in three ways:
//! - after a type word: "phường Hương Mạc", "huyện Thường Tín", "TP.HCM",
//!   or a party committee, which says the type too ("Thị ủy Từ Sơn" is the
//!   committee of thị xã Từ Sơn); after a plural ("bốn phường Đông Ngàn,
//!   Đình Bảng, Tân Hồng và Phù Chẩn") every name of the list counts;
//! - bare, by the name of a province or district ("Bắc Ninh", "Thường
//!   Tín"); a bare commune name is too ambiguous to count;
//! - never as part of a person's name ("Đỗ Tuấn Sơn", "ông Hương"): a run
//!   of capitalised words that starts with a family name or follows a
//!   title of address is a name, unless it is exactly a place.
//!
//! Names are resolved to units together (`Gazetteer::resolve`), so a
//! commune name shared by hundreds of communes is settled by the district
//! or province the article also names. Places are stored by their
//! canonical (gazetteer) names, most mentioned first, with mentions in the
//! title and the lead counting more.

mod context;
mod credits;
mod lists;
mod not_places;
mod numbered;
mod spelling;
mod tokens;
mod typed;
mod words;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::gazetteer::{Gazetteer, Level, UnitId, place_key};
use crate::model::{Paragraph, ParagraphKind};
use credits::{without_credit, without_signature};
use lists::{list_start, next_name, unknown_in_list};
use not_places::{
    after_title, blocked, ends_given_name, in_company_name, listed_after_blocker, names_route,
    opens_person_name, paired_with_person, school_before, spaced_dash, starts_ocean,
    type_word_in_name,
};
use numbered::{is_numbered, numbered_around};
use spelling::{hyphenated_place, other_spelling, respelled};
use tokens::Tokens;
use typed::{List, type_at, typed_name};
use words::{PLURALS, SURNAMES, TITLES, only_typed};

/// A place found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The canonical name, without type word.
    pub name: String,
    /// The unit it was resolved to (for `-v`: its hierarchy).
    pub unit: UnitId,
    /// How often the article names it.
    pub mentions: usize,
}

/// Where in the article a name stands: the title and the lead say what an
/// article is about more than a caption does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Title,
    Lead,
    Body,
    Caption,
    /// The site's banner: it settles which units the article means ("Phường
    /// 8" under "QUẬN 5 - THÀNH PHỐ HỒ CHÍ MINH") but is not the article's.
    Site,
}

impl Zone {
    fn weight(self) -> u32 {
        match self {
            Zone::Title => 8,
            Zone::Lead => 3,
            Zone::Body => 2,
            Zone::Caption => 1,
            Zone::Site => 0,
        }
    }
}

/// The longest place name, in words, tried after a type word or bare.
const MAX_NAME_WORDS: usize = 5;

/// One mention of a place: what to look up, and where it stands.
#[derive(Debug, Clone)]
struct Mention {
    /// With the type word ("phường Hương Mạc"), or bare ("Bắc Ninh").
    query: String,
    how: How,
    zone: Zone,
    /// Where it stands: paragraph (the title is 0), then byte offset.
    order: (usize, usize),
    /// Bare and in capitals, where every word is capitalised: "44 NĂM
    /// THỐNG NHẤT ĐẤT NƯỚC" names no district.
    shouted: bool,
}

/// How a mention names its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum How {
    /// After a type word: any unit of that type.
    Typed,
    /// Bare: a province or district.
    Bare,
    /// A bare commune name: only where the article's other places vouch
    /// for it (see `context`).
    Commune,
}

/// Finds the places named in `title` and `body`.
pub fn extract(g: &Gazetteer, title: &str, body: &[Paragraph]) -> Vec<Place> {
    extract_under(g, &[], title, body)
}

/// [`extract`], with the lines of the site's banner (`site`) helping to
/// settle which units the article's names mean.
pub fn extract_under(
    g: &Gazetteer,
    site: &[String],
    title: &str,
    body: &[Paragraph],
) -> Vec<Place> {
    let mut mentions = Vec::new();
    for line in site {
        scan(g, line, Zone::Site, 0, &mut mentions);
    }
    let lead = body.iter().position(|p| p.kind == ParagraphKind::Text);
    scan(g, title, Zone::Title, 0, &mut mentions);
    for (i, p) in body.iter().enumerate() {
        let zone = match p.kind {
            ParagraphKind::Caption => Zone::Caption,
            _ if Some(i) == lead => Zone::Lead,
            _ => Zone::Body,
        };
        let text = if zone == Zone::Caption {
            without_credit(&p.text)
        } else {
            without_signature(&p.text)
        };
        scan(g, text, zone, i + 1, &mut mentions);
    }
    resolve(g, &mentions)
}

/// Whether some unit has this name, ignoring diacritics: a quick test
/// before the full lookup.
fn known_key(g: &Gazetteer, name: &str) -> bool {
    !g.by_key(&place_key(name)).is_empty()
}

/// Whether `name` is the bare name of a province or district, in as many
/// words ("bão Nari" names no "Na Rì").
fn bare_place(g: &Gazetteer, name: &str) -> bool {
    let syllables = |n: &str| n.split([' ', '-']).filter(|w| !w.is_empty()).count();
    known_key(g, name)
        && !only_typed(name)
        && g.lookup(name).iter().any(|&id| {
            g.unit(id)
                .is_some_and(|u| u.level != Level::Commune && syllables(&u.name) == syllables(name))
        })
}

fn scan(g: &Gazetteer, text: &str, zone: Zone, paragraph: usize, out: &mut Vec<Mention>) {
    let t = Tokens::new(text);
    let mut consumed = vec![false; t.len()];
    // `capitals`: the name as written has no lowercase letter ("NĂM
    // ĐÔNG" read as "Nam Đông").
    let mut push = |query: String, how: How, at: usize, capitals: bool| {
        out.push(Mention {
            shouted: how != How::Typed && capitals,
            query,
            how,
            zone,
            order: (paragraph, at),
        });
    };

    // Typed names first; their words are then not read again as bare
    // names (the phường Tân Hồng of a list is not huyện Tân Hồng).
    let mut i = 0;
    while i < t.len() {
        // "TPHCM": the type and the name in one word.
        if matches!(t.ws[i].text, "TPHCM" | "TpHCM" | "Tphcm")
            && !type_word_in_name(&t, i)
            && !names_route(&t, i, i + 1)
        {
            push(
                "thành phố Hồ Chí Minh".to_string(),
                How::Typed,
                t.ws[i].start,
                false,
            );
            consumed[i] = true;
            i += 1;
            continue;
        }
        let Some((kind, len)) =
            type_at(&t, i).filter(|_| !type_word_in_name(&t, i) && !names_route(&t, i, t.len()))
        else {
            i += 1;
            continue;
        };
        let plural = i > 0 && {
            let prev = t.ws[i - 1].lower();
            PLURALS.contains(&prev) || t.ws[i - 1].is_number()
        };
        let mut at = i + len;
        // "các xã, thị trấn: A, B": the names may be of either type.
        let mut kinds = vec![kind];
        while plural && at < t.len() {
            let and = t.ws[at].lower() == "và" && t.gap(at).trim().is_empty();
            if !(and || t.gap(at).trim() == ",") {
                break;
            }
            let next = at + usize::from(and);
            let Some((other, other_len)) = (next < t.len()).then(|| type_at(&t, next)).flatten()
            else {
                break;
            };
            kinds.push(other);
            at = next + other_len;
        }
        // "4 phường là Đồng Tiến, Phương Lâm, …", "3 xã gồm A, B và C",
        // "các xã được công nhận đợt này gồm: A, B (huyện), C".
        if plural && let Some(start) = list_start(&t, at) {
            at = start;
        }
        let list = List {
            kinds: &kinds,
            plural,
        };
        let mut found = false;
        let mut resume = at;
        while let Some((name_len, kind, name)) =
            typed_name(g, &t, at, &list, found).or_else(|| unknown_in_list(&t, at, found && plural))
        {
            if opens_person_name(&t, at, name_len) {
                break;
            }
            if !name.is_empty() {
                push(format!("{kind} {name}"), How::Typed, t.ws[at].start, false);
            }
            // An unknown name of the list is not read again as bare words.
            consumed[at..at + name_len].fill(true);
            found = true;
            at += name_len;
            // The typed words of a parenthesis after the last name
            // ("(huyện Tĩnh Gia)") are read next.
            resume = at;
            if !plural || at >= t.len() {
                break;
            }
            match next_name(&t, at) {
                Some(next) => at = next,
                None => break,
            }
        }
        if found {
            consumed[i..i + len].fill(true);
            i = resume;
        } else {
            i += len;
        }
    }

    bare_names(g, &t, &consumed, &mut push);
}

/// Bare names: runs of capitalised words not read as typed names.
fn bare_names(
    g: &Gazetteer,
    t: &Tokens<'_>,
    consumed: &[bool],
    push: &mut impl FnMut(String, How, usize, bool),
) {
    let mut i = 0;
    while i < t.len() {
        if consumed[i] || !t.ws[i].is_capitalised() {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < t.len()
            && !consumed[end]
            && t.ws[end].is_capitalised()
            && (t.joins_name(end) || hyphenated_place(g, t, i, end))
        {
            end += 1;
        }
        // "Thường Phước 2", "Quế Xuân 1": a number ends some names.
        if end < t.len()
            && !consumed[end]
            && t.ws[end].is_number()
            && t.gap(end) == " "
            && (i..end).any(|s| known_key(g, t.span(s, end + 1)))
        {
            end += 1;
        }
        bare_run(g, t, i, end, push);
        i = end;
    }
}

/// Bare place names in the capitalised run of words `start..end`.
fn bare_run(
    g: &Gazetteer,
    t: &Tokens<'_>,
    start: usize,
    end: usize,
    push: &mut impl FnMut(String, How, usize, bool),
) {
    // After a title of address the run is a person's name: "ông Đỗ Tuấn
    // Sơn", "đồng chí Giang".
    if after_title(t, start) || paired_with_person(t, start) {
        return;
    }
    let is_person_start = |j: usize| {
        let w = t.ws[j].lower();
        SURNAMES.contains(&w) || TITLES.contains(&w)
    };
    // "Đồng Văn Thanh", "Kim Thị Sơn": a middle name "Văn" or "Thị" makes
    // three words a person's name, unless the last two are a place ("Tại
    // Văn Lâm").
    if end - start == 3
        && matches!(t.ws[start + 1].text, "Văn" | "Thị")
        && !bare_place(g, t.span(start + 1, end))
        && !(only_typed(t.span(start, end)) && context::opens_parenthesised_place(t, start, end))
    {
        return;
    }
    // "Ban liên lạc đồng hương Bạc Liêu - Cà Mau": a name joined by a
    // hyphen to a blocked one is part of the same name.
    let mut run_blocked = false;
    let mut after_province = false;
    let province = |name: &str| {
        g.lookup(name)
            .iter()
            .any(|&id| g.unit(id).is_some_and(|u| u.level == Level::Province))
    };
    let mut j = start;
    while j < end {
        // "Bắc Thái Bình": the north of the province, not Bắc Thái.
        let direction = matches!(t.ws[j].text, "Bắc" | "Nam" | "Đông" | "Tây");
        if j == start
            && direction
            && end - j >= 3
            && bare_place(g, t.span(j + 1, end))
            && !bare_place(g, t.span(j, end))
        {
            j += 1;
            continue;
        }
        // The longest place name starting here.
        let span = |n: usize| t.span(j, j + n);
        let widths = || (1..=MAX_NAME_WORDS.min(end - j)).rev();
        let commune =
            || context::commune_at(g, t, j, end).map(|n| (n, How::Commune, Cow::Borrowed(span(n))));
        let named_after_person = |n: usize| {
            only_typed(span(n))
                && context::opens_parenthesised_place(t, j, j + n)
                && g.lookup(span(n))
                    .iter()
                    .any(|&id| g.unit(id).is_some_and(|u| u.level == Level::District))
        };
        let longest = match widths().find(|&n| bare_place(g, span(n)) || named_after_person(n)) {
            // "Long Khánh B", a commune, is not the city of Long Khánh.
            Some(n) => match commune().filter(|c| c.0 > n) {
                Some(c) => Some(c),
                None => Some((n, How::Bare, Cow::Borrowed(span(n)))),
            },
            None => widths()
                .find_map(|n| respelled(g, span(n)).map(|r| (n, How::Bare, Cow::Owned(r))))
                .or_else(commune),
        };
        if is_person_start(j) {
            // A family name or title starts a person's name, unless the
            // words are exactly a place ("Hà Nội", "Từ Sơn") that ends the
            // run, is followed by a person ("Tỉnh ủy Bắc Ninh Nguyễn
            // Văn A") or by a dash ("cao tốc Hà Nội - Hải Phòng").
            match longest {
                Some((n, ..))
                    if n >= 2
                        && (j + n == end || is_person_start(j + n) || spaced_dash(t, j + n)) => {}
                // "THCS Phan Chu Trinh - Đà Lạt": the name after a dash is
                // the school's place (a club's is not: "Hoàng Anh Gia Lai -
                // Hà Nội").
                _ => match (j + 1..end)
                    .find(|&k| spaced_dash(t, k))
                    .filter(|_| school_before(t, start))
                {
                    Some(k) => {
                        j = k;
                        continue;
                    }
                    None => return,
                },
            }
        }
        // "Sài Gòn Giải Phóng", "Sài Gòn Tiếp Thị": the old name opens
        // names of papers and firms.
        let old_name_opens_another = |n: usize| j + n < end && other_spelling(span(n)).is_some();
        match longest {
            Some((n, ..))
                if ends_given_name(t, start, j, n)
                    || starts_ocean(t, j, n, end)
                    || old_name_opens_another(n) =>
            {
                j += n;
            }
            Some((n, how, name)) => {
                // "Công ty cp Bình Điền Quảng Trị": a company's name runs to
                // the end of the run; "đồng hương Bạc Liêu - Cà Mau": a name
                // hyphened to a blocked one is part of it.
                // Only provinces so joined: "Tiểu học Tân Châu - Di Linh" is
                // the school, then its district.
                let hyphened = t.gap(j).contains(['-', '–']) && province(&name) && after_province;
                run_blocked = blocked(t, j) || in_company_name(t, start) || hyphened && run_blocked;
                after_province = province(&name);
                // "các ấp: An Phú, Vĩnh Lợi": a list of hamlets or schools;
                // "Hàm Rồng 1", "Phù Ly 2": a numbered hamlet or group.
                let listed = listed_after_blocker(t, j);
                if !run_blocked && !listed && !numbered_around(t, j, n) {
                    match (how, context::called(t, j + n)) {
                        (How::Commune, Some(kind)) => {
                            push(format!("{kind} {name}"), How::Typed, t.ws[j].start, false);
                        }
                        _ => {
                            let capitals = !span(n).chars().any(char::is_lowercase);
                            push(name.to_string(), how, t.ws[j].start, capitals);
                        }
                    }
                }
                j += n;
            }
            None => j += 1,
        }
    }
}

/// Resolves the mentions together and ranks the places.
fn resolve(g: &Gazetteer, mentions: &[Mention]) -> Vec<Place> {
    let mut queries: Vec<(String, How)> = Vec::new();
    let mut index: HashMap<(String, How), usize> = HashMap::new();
    for m in mentions {
        index.entry((m.query.clone(), m.how)).or_insert_with(|| {
            queries.push((m.query.clone(), m.how));
            queries.len() - 1
        });
    }
    // Bare commune names take no part in resolving the others: they are
    // settled by what the others resolve to.
    let named: Vec<String> = queries
        .iter()
        .filter(|(_, how)| *how != How::Commune)
        .map(|(q, _)| q.clone())
        .collect();
    let mut resolved = g.resolve(&named).into_iter();
    let mut units: Vec<Option<UnitId>> = queries
        .iter()
        .map(|(q, how)| match how {
            How::Commune => None,
            _ => settle(g, q, *how == How::Typed, resolved.next().flatten()),
        })
        .collect();
    let districts = context::districts(g, &units.iter().flatten().copied().collect::<Vec<_>>());
    for ((q, how), unit) in queries.iter().zip(units.iter_mut()) {
        if *how == How::Commune {
            *unit = context::vouched(g, q, &districts);
        }
    }

    // A name in capitals counts when it is a province's, or when the
    // article also writes it as a name.
    let written: Vec<UnitId> = mentions
        .iter()
        .filter(|m| !m.shouted)
        .filter_map(|m| index.get(&(m.query.clone(), m.how)).and_then(|&q| units[q]))
        .collect();
    let counts = |m: &Mention, unit: UnitId| {
        !m.shouted
            || written.contains(&unit)
            || g.unit(unit).is_some_and(|u| u.level == Level::Province)
    };
    let mut ranked: HashMap<String, Ranked> = HashMap::new();
    for m in mentions {
        let Some(&q) = index.get(&(m.query.clone(), m.how)) else {
            continue;
        };
        let Some(unit) = units[q].filter(|&u| m.zone != Zone::Site && counts(m, u)) else {
            continue;
        };
        let Some(name) = display_name(g, unit) else {
            continue;
        };
        let r = ranked.entry(name).or_insert(Ranked {
            score: 0,
            first: m.order,
            unit,
            mentions: 0,
        });
        r.score += m.zone.weight();
        r.mentions += 1;
    }
    let mut places: Vec<(String, Ranked)> = ranked.into_iter().collect();
    places.sort_by(|(_, a), (_, b)| b.score.cmp(&a.score).then(a.first.cmp(&b.first)));
    places
        .into_iter()
        .map(|(name, r)| Place {
            name,
            unit: r.unit,
            mentions: r.mentions,
        })
        .collect()
}

/// How much an article names a place, and where first.
struct Ranked {
    score: u32,
    first: (usize, usize),
    unit: UnitId,
    mentions: usize,
}

/// The unit a query stands for. Bare names count only as provinces and
/// districts. When the context cannot tell same-named units apart but
/// they all bear the same name (old and new Bắc Ninh, many communes "Tân
/// Phú" after "xã"), the name is still known; a bare commune name is not.
fn settle(g: &Gazetteer, query: &str, typed: bool, resolved: Option<UnitId>) -> Option<UnitId> {
    let allowed = |id: UnitId| typed || g.unit(id).is_some_and(|u| u.level != Level::Commune);
    if let Some(id) = resolved.filter(|&id| allowed(id)) {
        return Some(id);
    }
    let candidates: Vec<UnitId> = g
        .lookup(query)
        .into_iter()
        .filter(|&id| allowed(id))
        .collect();
    let name = |id: UnitId| g.unit(id).map(|u| u.name.as_str());
    // "phường Sa Pa" also folds to "Sa Pả", a ward and a commune merged
    // into it: the units spelled as written come first.
    let spelled: Vec<UnitId> = candidates
        .iter()
        .copied()
        .filter(|&c| name(c).is_some_and(|n| query.ends_with(n)))
        .collect();
    let candidates = if spelled.is_empty() {
        candidates
    } else {
        spelled
    };
    let first = *candidates.first()?;
    let numbered = name(first).is_some_and(is_numbered);
    (!numbered && candidates.iter().all(|&c| name(c) == name(first))).then_some(first)
}

/// The canonical name of a unit; numbered units keep their type word
/// ("Quận 1", "Phường IV"), since a bare number names nothing.
fn display_name(g: &Gazetteer, id: UnitId) -> Option<String> {
    let u = g.unit(id)?;
    if is_numbered(&u.name) {
        let mut kind = u.kind.chars();
        let first = kind.next()?.to_uppercase().collect::<String>();
        return Some(format!("{first}{} {}", kind.as_str(), u.name));
    }
    Some(u.name.clone())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_names_of_things;
