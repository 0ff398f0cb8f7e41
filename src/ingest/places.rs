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

mod tokens;

use std::collections::HashMap;

use crate::gazetteer::{Gazetteer, Level, UnitId, place_key};
use crate::model::{Paragraph, ParagraphKind};
use tokens::Tokens;

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
}

impl Zone {
    fn weight(self) -> u32 {
        match self {
            Zone::Title => 8,
            Zone::Lead => 3,
            Zone::Body => 2,
            Zone::Caption => 1,
        }
    }
}

/// Family names, for telling people from places. Names that mostly begin
/// place names (Yên, Ninh, Kim, Văn…) are left out: a place is more
/// likely than a person.
const SURNAMES: &[&str] = &[
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "vương", "trịnh", "đinh", "lâm", "phùng", "mai", "tô", "trương",
    "hà", "đào", "đoàn", "lương", "cao", "thái", "quách", "tạ", "triệu", "kiều", "chu", "đàm",
    "uông", "lưu", "hứa", "khổng", "lục", "mạc", "nghiêm", "tăng", "thân", "tống", "vi", "lã",
    "diệp", "doãn", "hầu", "khúc", "lò", "nông", "sầm", "tôn", "trình", "viên", "âu", "giáp",
    "bạch", "cù", "hàn", "phí", "tiêu",
];

/// Titles of address: the capitalised words after them are a person's
/// name ("ông Sơn", "Bác", "đồng chí Giang").
const TITLES: &[&str] = &[
    "ông",
    "bà",
    "anh",
    "chị",
    "cô",
    "chú",
    "bác",
    "cụ",
    "em",
    "cháu",
    "thầy",
    "đồng chí",
    "đ/c",
    "bạn",
    "mẹ",
    "bố",
    "cha",
    "vợ",
    "chồng",
    "cậu",
    "dì",
    "mợ",
    "thím",
    "ngài",
];

/// Words before a name that make it something else named after the place:
/// a street, a river, a school, a newspaper.
const BLOCKERS: &[&str] = &[
    "đường",
    "phố",
    "ngõ",
    "ngách",
    "hẻm",
    "kiệt",
    "cầu",
    "sông",
    "núi",
    "đèo",
    "hồ",
    "chợ",
    "ga",
    "bến",
    "cảng",
    "báo",
    "đài",
    "thôn",
    "xóm",
    "ấp",
    "làng",
    "đình",
    "chùa",
    "đền",
    "lăng",
    "sân bay",
    "bệnh viện",
    "khách sạn",
    "công ty",
    "tạp chí",
    "nhà máy",
    "quốc lộ",
    "tỉnh lộ",
    "đại lộ",
    "tổ dân phố",
    "khu phố",
    "khu đô thị",
    "khu công nghiệp",
    "cụm công nghiệp",
    "tư tưởng",
];

/// Compounds ending in a word of [`BLOCKERS`] that block nothing: "yêu
/// cầu Thường Tín" is a request, not a bridge.
const NOT_BLOCKERS: &[&str] = &[
    "yêu cầu",
    "nhu cầu",
    "toàn cầu",
    "địa cầu",
    "khẩn cầu",
    "thông báo",
    "cảnh báo",
    "dự báo",
    "tình báo",
    "con đường",
    "tuyến đường",
    "gia đình",
    "triều đình",
];

/// Provinces and districts named after people: bare, the name means the
/// person ("tư tưởng Hồ Chí Minh"); only a type word makes it the place.
const NAMED_AFTER_PEOPLE: &[&str] = &[
    "Hồ Chí Minh",
    "Lê Chân",
    "Ngô Quyền",
    "Hai Bà Trưng",
    "Trần Văn Thời",
    "Dương Minh Châu",
];

/// Words before a type word that make it plural: "bốn phường A, B và C".
const PLURALS: &[&str] = &[
    "các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mấy", "nhiều",
    "số",
];

/// Type words, as lowercase word sequences (committees in both tone
/// placements), with the type they give ("thị ủy" is the committee of a
/// thị xã).
const TYPE_PHRASES: &[(&[&str], &str)] = &[
    (&["thành", "phố"], "thành phố"),
    (&["thị", "xã"], "thị xã"),
    (&["thị", "trấn"], "thị trấn"),
    (&["đặc", "khu"], "đặc khu"),
    (&["tỉnh", "ủy"], "tỉnh"),
    (&["thành", "ủy"], "thành phố"),
    (&["huyện", "ủy"], "huyện"),
    (&["thị", "ủy"], "thị xã"),
    (&["quận", "ủy"], "quận"),
    (&["tỉnh", "uỷ"], "tỉnh"),
    (&["thành", "uỷ"], "thành phố"),
    (&["huyện", "uỷ"], "huyện"),
    (&["thị", "uỷ"], "thị xã"),
    (&["quận", "uỷ"], "quận"),
    (&["phường"], "phường"),
    (&["xã"], "xã"),
    (&["huyện"], "huyện"),
    (&["quận"], "quận"),
    (&["tỉnh"], "tỉnh"),
];

/// The longest place name, in words, tried after a type word or bare.
const MAX_NAME_WORDS: usize = 5;

/// One mention of a place: what to look up, and where it stands.
#[derive(Debug, Clone)]
struct Mention {
    /// With the type word ("phường Hương Mạc"), or bare ("Bắc Ninh").
    query: String,
    typed: bool,
    zone: Zone,
    /// Where it stands: paragraph (the title is 0), then byte offset.
    order: (usize, usize),
}

/// Finds the places named in `title` and `body`.
pub fn extract(g: &Gazetteer, title: &str, body: &[Paragraph]) -> Vec<Place> {
    let mut mentions = Vec::new();
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
            &p.text
        };
        scan(g, text, zone, i + 1, &mut mentions);
    }
    resolve(g, &mentions)
}

/// A caption without its photo credit: the credit names a photographer,
/// not a place.
fn without_credit(caption: &str) -> &str {
    let lower = caption.to_lowercase();
    ["(ảnh", "ảnh:"]
        .iter()
        .filter_map(|m| lower.rfind(m))
        .min()
        .and_then(|at| caption.get(..at))
        .unwrap_or(caption)
}

/// Whether some unit has this name, ignoring diacritics: a quick test
/// before the full lookup.
fn known_key(g: &Gazetteer, name: &str) -> bool {
    !g.by_key(&place_key(name)).is_empty()
}

/// Whether `name` is the bare name of a province or district.
fn bare_place(g: &Gazetteer, name: &str) -> bool {
    known_key(g, name)
        && !NAMED_AFTER_PEOPLE.contains(&name)
        && g.lookup(name)
            .iter()
            .any(|&id| g.unit(id).is_some_and(|u| u.level != Level::Commune))
}

fn scan(g: &Gazetteer, text: &str, zone: Zone, paragraph: usize, out: &mut Vec<Mention>) {
    let t = Tokens::new(text);
    let mut consumed = vec![false; t.len()];
    let mut push = |query: String, typed: bool, at: usize| {
        out.push(Mention {
            query,
            typed,
            zone,
            order: (paragraph, at),
        });
    };

    // Typed names first; their words are then not read again as bare
    // names (the phường Tân Hồng of a list is not huyện Tân Hồng).
    let mut i = 0;
    while i < t.len() {
        let Some((kind, len)) = type_at(&t, i) else {
            i += 1;
            continue;
        };
        let plural = i > 0 && {
            let prev = t.ws[i - 1].lower();
            PLURALS.contains(&prev) || t.ws[i - 1].is_number()
        };
        let mut at = i + len;
        let mut found = false;
        while let Some((name_len, name)) = typed_name(g, &t, at, kind, found) {
            push(format!("{kind} {name}"), true, t.ws[at].start);
            consumed[at..at + name_len].fill(true);
            found = true;
            at += name_len;
            if !plural || at >= t.len() {
                break;
            }
            // The list goes on after a comma or "và".
            if t.ws[at].lower() == "và" && matches!(t.gap(at).trim(), "" | ",") {
                at += 1;
            } else if t.gap(at).trim() != "," {
                break;
            }
        }
        if found {
            consumed[i..i + len].fill(true);
            i = at;
        } else {
            i += len;
        }
    }

    // Bare names: runs of capitalised words.
    let mut i = 0;
    while i < t.len() {
        if consumed[i] || !t.ws[i].is_capitalised() {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < t.len() && !consumed[end] && t.ws[end].is_capitalised() && t.joins_name(end) {
            end += 1;
        }
        bare_run(g, &t, i, end, &mut push);
        i = end;
    }
}

/// A type word (or committee) at word `i`: the type, and its length in
/// words.
fn type_at(t: &Tokens<'_>, i: usize) -> Option<(&'static str, usize)> {
    // Abbreviations: "TP. Hồ Chí Minh", "TX Từ Sơn".
    match t.ws[i].text {
        "TP" | "Tp" => return Some(("thành phố", 1)),
        "TX" => return Some(("thị xã", 1)),
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

/// The name after a type word, starting at word `at`: the longest run of
/// capitalised words the gazetteer knows with that type. Its length in
/// words, and the name to look up.
fn typed_name<'t>(
    g: &Gazetteer,
    t: &Tokens<'t>,
    at: usize,
    kind: &str,
    in_list: bool,
) -> Option<(usize, &'t str)> {
    if at >= t.len() {
        return None;
    }
    let first_gap = t.gap(at).trim();
    // "TP.HCM", "các xã: A, B", and the next name of a list.
    let fits = match first_gap {
        "" | "." | ":" => true,
        "," => in_list,
        _ => false,
    };
    if !fits {
        return None;
    }
    let word = &t.ws[at];
    // Numbered wards and districts: "Phường 5", "Quận 1".
    if word.is_number() {
        let known = matches!(kind, "phường" | "quận")
            && !g.lookup(&format!("{kind} {}", word.text)).is_empty();
        return known.then_some((1, word.text));
    }
    if matches!(word.text, "HCM" | "HCMC") && kind == "thành phố" {
        return Some((1, "Hồ Chí Minh"));
    }
    if !word.is_capitalised() {
        return None;
    }
    let mut run = 1;
    while run < MAX_NAME_WORDS
        && at + run < t.len()
        && t.ws[at + run].is_capitalised()
        && t.joins_name(at + run)
    {
        run += 1;
    }
    (1..=run)
        .rev()
        .map(|n| (n, t.span(at, at + n)))
        .find(|(_, name)| known_key(g, name) && !g.lookup(&format!("{kind} {name}")).is_empty())
}

/// Bare place names in the capitalised run of words `start..end`.
fn bare_run(
    g: &Gazetteer,
    t: &Tokens<'_>,
    start: usize,
    end: usize,
    push: &mut impl FnMut(String, bool, usize),
) {
    // After a title of address the run is a person's name: "ông Đỗ Tuấn
    // Sơn", "đồng chí Giang".
    if after_title(t, start) {
        return;
    }
    let is_person_start = |j: usize| {
        let w = t.ws[j].lower();
        SURNAMES.contains(&w) || TITLES.contains(&w)
    };
    let mut j = start;
    while j < end {
        // The longest place name starting here.
        let longest = (1..=MAX_NAME_WORDS.min(end - j))
            .rev()
            .find(|&n| bare_place(g, t.span(j, j + n)));
        if is_person_start(j) {
            // A family name or title starts a person's name, unless the
            // words are exactly a place ("Hà Nội", "Từ Sơn") that ends the
            // run or is followed by a person ("Tỉnh ủy Bắc Ninh Nguyễn
            // Văn A").
            match longest {
                Some(n) if n >= 2 && (j + n == end || is_person_start(j + n)) => {}
                _ => return,
            }
        }
        match longest {
            Some(n) => {
                if !blocked(t, j) {
                    push(t.span(j, j + n).to_string(), false, t.ws[j].start);
                }
                j += n;
            }
            None => j += 1,
        }
    }
}

/// Whether a title of address stands right before word `i`: "ông",
/// "đồng chí", "đ/c".
fn after_title(t: &Tokens<'_>, i: usize) -> bool {
    if i == 0 || !t.gap(i).trim().is_empty() {
        return false;
    }
    let one = t.ws[i - 1].lower();
    let two = (i >= 2).then(|| t.phrase(i - 2, i)).flatten();
    let slashed = i >= 2 && t.ws[i - 2].lower() == "đ" && t.gap(i - 1) == "/" && one == "c";
    slashed || TITLES.contains(&one) || two.is_some_and(|p| TITLES.contains(&p.as_str()))
}

/// Whether the words before word `j` make the name at `j` a street, a
/// school, a newspaper… rather than the place.
fn blocked(t: &Tokens<'_>, j: usize) -> bool {
    if !t.gap(j).trim().is_empty() {
        return false;
    }
    let is = |list: &[&str], p: &str| list.contains(&p);
    if j >= 2 && t.phrase(j - 2, j).is_some_and(|p| is(NOT_BLOCKERS, &p)) {
        return false;
    }
    (1..=3)
        .filter(|&n| n <= j)
        .any(|n| t.phrase(j - n, j).is_some_and(|p| is(BLOCKERS, &p)))
}

/// Resolves the mentions together and ranks the places.
fn resolve(g: &Gazetteer, mentions: &[Mention]) -> Vec<Place> {
    let mut queries: Vec<String> = Vec::new();
    let mut typed: Vec<bool> = Vec::new();
    let mut index: HashMap<(String, bool), usize> = HashMap::new();
    for m in mentions {
        index.entry((m.query.clone(), m.typed)).or_insert_with(|| {
            queries.push(m.query.clone());
            typed.push(m.typed);
            queries.len() - 1
        });
    }
    let resolved = g.resolve(&queries);
    let units: Vec<Option<UnitId>> = queries
        .iter()
        .zip(&typed)
        .zip(resolved)
        .map(|((q, &typed), r)| settle(g, q, typed, r))
        .collect();

    let mut ranked: HashMap<String, Ranked> = HashMap::new();
    for m in mentions {
        let Some(&q) = index.get(&(m.query.clone(), m.typed)) else {
            continue;
        };
        let Some(unit) = units[q] else { continue };
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
    let first = *candidates.first()?;
    let name = |id: UnitId| g.unit(id).map(|u| u.name.as_str());
    let numbered = name(first).is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
    (!numbered && candidates.iter().all(|&c| name(c) == name(first))).then_some(first)
}

/// The canonical name of a unit; numbered units keep their type word
/// ("Quận 1"), since a bare number names nothing.
fn display_name(g: &Gazetteer, id: UnitId) -> Option<String> {
    let u = g.unit(id)?;
    if u.name.chars().all(|c| c.is_ascii_digit()) {
        let mut kind = u.kind.chars();
        let first = kind.next()?.to_uppercase().collect::<String>();
        return Some(format!("{first}{} {}", kind.as_str(), u.name));
    }
    Some(u.name.clone())
}

#[cfg(test)]
mod tests;
