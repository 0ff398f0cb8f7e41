//! The gazetteer: Vietnam's administrative units before and after the
//! reorganisation of 2025-07-01, with their types, parents and the
//! old → new mapping (generated into `data/places.json` by
//! `scripts/gen_places.py`, embedded in the binary).
//!
//! Names are looked up by a *key*: folded, without spaces or punctuation,
//! so "Từ Sơn", "tu son" and "TỪ SƠN" are one key, and old and new tone
//! placement ("Hoà"/"Hòa") agree because folding drops tones.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::text::{canonical_tones, fold_str, has_diacritics};

const EMBEDDED: &str = include_str!("../data/places.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Era {
    /// Before 2025-07-01.
    Old,
    /// From 2025-07-01.
    New,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Province = 1,
    District = 2,
    Commune = 3,
}

pub type UnitId = u32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: UnitId,
    pub era: Era,
    pub level: Level,
    /// The type word, lowercase: "tỉnh", "thành phố", "huyện", "phường", …
    pub kind: String,
    /// The name without its type word: "Từ Sơn".
    pub name: String,
    pub code: String,
    pub parent: Option<UnitId>,
    /// For old units: the new units they became part of.
    pub becomes: Vec<UnitId>,
    /// An old unit that was gone or renamed before 2025-07-01 (a commune
    /// merged in 2020, "thị xã Từ Sơn" before it became a city in 2021, a
    /// province of 1976-2008): articles of its time name it.
    pub former: bool,
}

impl Unit {
    /// "thị xã Từ Sơn"-style full name.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.kind, self.name)
    }
}

/// The administrative units and indexes over them.
#[derive(Debug, Default)]
pub struct Gazetteer {
    units: Vec<Unit>,
    by_key: HashMap<String, Vec<UnitId>>,
    /// For new units: the old units that became (part of) them.
    came_from: HashMap<UnitId, Vec<UnitId>>,
}

#[derive(Deserialize)]
struct RawFile {
    units: Vec<RawUnit>,
}

#[derive(Deserialize)]
struct RawUnit {
    id: UnitId,
    era: Era,
    level: u8,
    #[serde(rename = "type")]
    kind: String,
    name: String,
    #[serde(default)]
    code: String,
    parent: Option<UnitId>,
    #[serde(default)]
    becomes: Vec<UnitId>,
    #[serde(default)]
    former: bool,
}

/// The lookup key of a place name: folded, letters and digits only.
pub fn place_key(name: &str) -> String {
    fold_str(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A key that keeps diacritics but not case, spacing or tone placement.
fn exact_key(name: &str) -> String {
    canonical_tones(&name.to_lowercase())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Type words that may stand before a place name, longest first so that
/// "thành phố" wins over shorter overlaps. Folded.
pub const TYPE_WORDS: [&str; 9] = [
    "thanh pho",
    "thi tran",
    "dac khu",
    "thi xa",
    "phuong",
    "huyen",
    "quan",
    "tinh",
    "xa",
];

/// Removes a leading type word ("thị xã Từ Sơn" → "Từ Sơn"), if what
/// remains is not empty.
pub fn strip_type_word(name: &str) -> &str {
    let trimmed = name.trim();
    let folded = fold_str(trimmed);
    for word in TYPE_WORDS {
        if let Some(rest) = folded.strip_prefix(word)
            && rest.starts_with(' ')
            && !rest.trim().is_empty()
        {
            // Folding keeps the number of words; skip as many in the original.
            let words = word.split(' ').count();
            let mut it = trimmed.splitn(words + 1, char::is_whitespace);
            let skipped: usize = it.by_ref().take(words).map(|w| w.len() + 1).sum();
            return trimmed.get(skipped..).map_or(trimmed, str::trim);
        }
    }
    trimmed
}

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn embedded() -> &'static Gazetteer {
        static CELL: OnceLock<Gazetteer> = OnceLock::new();
        CELL.get_or_init(|| {
            // The embedded file is generated and tested; failing to read it
            // is a build defect, and an empty gazetteer keeps tintuc usable.
            Gazetteer::from_json(EMBEDDED).unwrap_or_default()
        })
    }

    pub fn from_json(text: &str) -> Result<Gazetteer, String> {
        let raw: RawFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut g = Gazetteer::default();
        for (i, r) in raw.units.into_iter().enumerate() {
            if r.id as usize != i {
                return Err(format!("unit ids must be dense: {} at position {i}", r.id));
            }
            let level = match r.level {
                1 => Level::Province,
                2 => Level::District,
                3 => Level::Commune,
                l => return Err(format!("unit {}: bad level {l}", r.id)),
            };
            g.by_key.entry(place_key(&r.name)).or_default().push(r.id);
            for &new in &r.becomes {
                g.came_from.entry(new).or_default().push(r.id);
            }
            g.units.push(Unit {
                id: r.id,
                era: r.era,
                level,
                kind: r.kind,
                name: r.name,
                code: r.code,
                parent: r.parent,
                becomes: r.becomes,
                former: r.former,
            });
        }
        let n = UnitId::try_from(g.units.len()).unwrap_or(UnitId::MAX);
        let bad = g
            .units
            .iter()
            .flat_map(|u| u.parent.iter().chain(&u.becomes))
            .find(|&&id| id >= n);
        if let Some(id) = bad {
            return Err(format!("reference to unknown unit {id}"));
        }
        Ok(g)
    }

    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    pub fn unit(&self, id: UnitId) -> Option<&Unit> {
        self.units.get(id as usize)
    }

    /// Units whose name has this key (see [`place_key`]).
    pub fn by_key(&self, key: &str) -> &[UnitId] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }

    /// Units named `name`, with or without a type word. A name written
    /// with diacritics matches them ("Từ Sơn" is not "Tú Sơn"); without,
    /// it matches all. With a type word, only units of a compatible type.
    pub fn lookup(&self, name: &str) -> Vec<UnitId> {
        let name = name.trim();
        let bare = strip_type_word(name);
        let kind = fold_str(name[..name.len() - bare.len()].trim());
        let exact = has_diacritics(bare).then(|| exact_key(bare));
        self.by_key(&place_key(bare))
            .iter()
            .copied()
            .filter(|&id| {
                self.unit(id).is_some_and(|u| {
                    (kind.is_empty() || type_compatible(&kind, u))
                        && exact.as_ref().is_none_or(|k| *k == exact_key(&u.name))
                })
            })
            .collect()
    }

    /// The chain of parents, nearest first.
    pub fn ancestors(&self, id: UnitId) -> Vec<UnitId> {
        let mut out = Vec::new();
        let mut at = self.unit(id).and_then(|u| u.parent);
        while let Some(p) = at {
            if out.contains(&p) {
                break;
            }
            out.push(p);
            at = self.unit(p).and_then(|u| u.parent);
        }
        out
    }

    /// The old units a new unit was formed from.
    pub fn came_from(&self, id: UnitId) -> &[UnitId] {
        self.came_from.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Whether `a` lies inside `b` (or is `b`).
    pub fn is_within(&self, a: UnitId, b: UnitId) -> bool {
        a == b || self.ancestors(a).contains(&b)
    }

    /// Every unit a reader would say this place is part of or became:
    /// itself, its ancestors, the units it became after 2025 and theirs.
    pub fn related(&self, id: UnitId) -> Vec<UnitId> {
        let mut out = vec![id];
        out.extend(self.ancestors(id));
        if let Some(u) = self.unit(id) {
            for &new in &u.becomes {
                out.push(new);
                out.extend(self.ancestors(new));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Resolves a list of place names from one article to units. Names are
    /// ambiguous (hundreds of communes share a name), so each candidate is
    /// scored by how well it fits the other names: a unit inside or around
    /// another named place wins, then the larger unit. A name whose best
    /// candidates cannot be told apart (a bare commune name shared by many)
    /// resolves to nothing.
    pub fn resolve(&self, names: &[String]) -> Vec<Option<UnitId>> {
        let candidates: Vec<Vec<UnitId>> = names.iter().map(|n| self.lookup(n)).collect();
        let mut out = Vec::with_capacity(names.len());
        for (i, cands) in candidates.iter().enumerate() {
            if cands.len() <= 1 {
                out.push(cands.first().copied());
                continue;
            }
            let score = |&c: &UnitId| -> (usize, usize, usize) {
                let related = self.related(c);
                // A name with one unit is sure; one with many (a commune
                // name found in every province) fits some unit anywhere.
                let (sure, fit) = candidates
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .filter(|(_, others)| {
                        others
                            .iter()
                            .any(|&o| related.contains(&o) || self.related(o).contains(&c))
                    })
                    .fold((0, 0), |(sure, fit), (_, others)| {
                        (sure + usize::from(others.len() == 1), fit + 1)
                    });
                // Prefer larger units (a province over a commune of the
                // same name), then old units, which have a district parent.
                let size = 4 - self.unit(c).map_or(3, |u| u.level as usize);
                (sure, fit, size)
            };
            let mut best: Vec<(UnitId, (usize, usize, usize))> =
                cands.iter().map(|c| (*c, score(c))).collect();
            best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let top = best[0].1;
            let tied = best.iter().filter(|b| b.1 == top).count();
            out.push((top.1 > 0 || tied == 1).then_some(best[0].0));
        }
        out
    }

    /// An article's places for a reader, as few lines as say it all:
    /// a place that contains another listed place is shown only in that
    /// one's chain, and places with the same parents share one line:
    /// ["Bắc Ninh", "Từ Sơn", "Đông Ngàn", "Đình Bảng"] gives
    /// "Đông Ngàn, Đình Bảng · Từ Sơn · Bắc Ninh". Names the gazetteer
    /// does not know stay as they are, each on its own line.
    pub fn describe(&self, names: &[String]) -> Vec<String> {
        let units = self.resolve(names);
        let resolved: Vec<UnitId> = units.iter().flatten().copied().collect();
        let mut lines: Vec<(Vec<UnitId>, Vec<&str>)> = Vec::new();
        let mut loose = Vec::new();
        for (name, unit) in names.iter().zip(&units) {
            let Some(id) = *unit else {
                loose.push(name.clone());
                continue;
            };
            let contains_another = resolved
                .iter()
                .any(|&other| other != id && self.ancestors(other).contains(&id));
            if contains_another {
                continue;
            }
            let parents = self.ancestors(id);
            let shown = self.unit(id).map_or(name.as_str(), |u| u.name.as_str());
            match lines.iter_mut().find(|(p, _)| *p == parents) {
                Some((_, members)) if !members.contains(&shown) => members.push(shown),
                Some(_) => {}
                None => lines.push((parents, vec![shown])),
            }
        }
        let mut out: Vec<String> = lines
            .into_iter()
            .map(|(parents, members)| {
                std::iter::once(members.join(", "))
                    .chain(
                        parents
                            .iter()
                            .filter_map(|&p| self.unit(p).map(|u| u.name.clone())),
                    )
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
            .collect();
        out.extend(loose);
        out
    }

    /// A display chain such as "Hương Mạc · Từ Sơn · Bắc Ninh".
    pub fn hierarchy(&self, id: UnitId) -> String {
        std::iter::once(id)
            .chain(self.ancestors(id))
            .filter_map(|u| self.unit(u).map(|u| u.name.as_str()))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// Whether a folded type word can describe `unit`. "thành phố" is both a
/// province-level city and a provincial city; "thị xã" and "thành phố"
/// name the same place when a town became a city (Từ Sơn), and many
/// communes became wards.
fn type_compatible(kind: &str, unit: &Unit) -> bool {
    match unit.level {
        Level::Province => matches!(kind, "tinh" | "thanh pho"),
        Level::District => matches!(kind, "huyen" | "quan" | "thi xa" | "thanh pho"),
        Level::Commune => {
            matches!(kind, "xa" | "phuong" | "thi tran" | "dac khu")
                || (unit.era == Era::New && matches!(kind, "thi xa" | "thanh pho"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    fn named(ids: &[UnitId]) -> Vec<String> {
        ids.iter()
            .filter_map(|&i| g().unit(i))
            .map(|u| format!("{:?} {}", u.era, u.full_name()))
            .collect()
    }

    #[test]
    fn embedded_loads_everything() {
        let units = g().units();
        let count = |era, level| {
            units
                .iter()
                .filter(|u| u.era == era && u.level == level && !u.former)
                .count()
        };
        assert_eq!(count(Era::Old, Level::Province), 63);
        assert_eq!(count(Era::New, Level::Province), 34);
        assert_eq!(count(Era::New, Level::Commune), 3321);
        assert!(count(Era::Old, Level::District) > 650);
        assert!(count(Era::Old, Level::Commune) > 10_000);
    }

    #[test]
    fn keys_ignore_case_marks_and_spaces() {
        assert_eq!(place_key("Từ Sơn"), "tuson");
        assert_eq!(place_key("TỪ  SƠN"), "tuson");
        assert_eq!(place_key("Bà Rịa - Vũng Tàu"), "bariavungtau");
        assert_eq!(place_key("Hoà Bình"), place_key("Hòa Bình"));
    }

    #[test]
    fn type_words_strip() {
        assert_eq!(strip_type_word("thị xã Từ Sơn"), "Từ Sơn");
        assert_eq!(strip_type_word("Thành phố Hồ Chí Minh"), "Hồ Chí Minh");
        assert_eq!(strip_type_word("Xã"), "Xã");
        assert_eq!(strip_type_word("Phường 5"), "5");
    }

    #[test]
    fn tu_son_old_and_new() {
        let all = named(&g().lookup("Từ Sơn"));
        assert!(all.contains(&"Old thành phố Từ Sơn".to_string()), "{all:?}");
        assert!(all.contains(&"New phường Từ Sơn".to_string()), "{all:?}");
        // A town that became a city, then a ward: "thị xã" finds both.
        assert_eq!(
            named(&g().lookup("thị xã Từ Sơn")),
            ["Old thành phố Từ Sơn", "New phường Từ Sơn"]
        );
        let new = g().lookup("phường Từ Sơn");
        assert_eq!(named(&new), ["New phường Từ Sơn"]);
        let mut from: Vec<&str> = g()
            .came_from(new[0])
            .iter()
            .filter_map(|&i| g().unit(i))
            .map(|u| u.name.as_str())
            .collect();
        from.sort();
        assert_eq!(from, ["Phù Chẩn", "Tân Hồng", "Đình Bảng", "Đông Ngàn"]);
    }

    /// Names that were gone before 2025 are known, under the district and
    /// province of their time, with what they became.
    #[test]
    fn former_units_are_known_with_their_successors() {
        let new_province = |name: &str| {
            g().lookup(&format!("tỉnh {name}"))
                .into_iter()
                .find(|&i| g().unit(i).is_some_and(|u| u.era == Era::New))
        };
        // Split in 1997; both halves are in Bắc Ninh since 2025.
        let ha_bac = g().lookup("tỉnh Hà Bắc");
        assert_eq!(named(&ha_bac), ["Old tỉnh Hà Bắc"]);
        let ha_bac = g().unit(ha_bac[0]).expect("Hà Bắc");
        assert!(ha_bac.former);
        assert_eq!(
            ha_bac.becomes,
            new_province("Bắc Ninh").into_iter().collect::<Vec<_>>()
        );
        // Split in 1997 into provinces that went different ways in 2025.
        let hai_hung = g().lookup("tỉnh Hải Hưng");
        let hai_hung = g().unit(hai_hung[0]).expect("Hải Hưng");
        assert_eq!(hai_hung.becomes.len(), 2, "{hai_hung:?}");
        // A commune merged in 2020, under its district and province then.
        let thieu_phu = g().lookup("xã Thiệu Phú");
        assert_eq!(thieu_phu.len(), 1);
        assert_eq!(
            g().hierarchy(thieu_phu[0]),
            "Thiệu Phú · Thiệu Hóa · Thanh Hóa"
        );
        assert!(g().unit(thieu_phu[0]).is_some_and(|u| u.former));
        // Each former province has a code of its own: a unit's codes are
        // its path in the index, and two provinces on one path would be
        // found for each other.
        let province_codes: std::collections::HashSet<&str> = g()
            .units()
            .iter()
            .filter(|u| u.former && u.level == Level::Province)
            .map(|u| u.code.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        let provinces = g()
            .units()
            .iter()
            .filter(|u| u.former && u.level == Level::Province);
        assert_eq!(province_codes.len(), provinces.count());
        // Renamed in 2025: the old name is a province of its own.
        let tth = g().lookup("tỉnh Thừa Thiên Huế");
        assert_eq!(named(&tth), ["Old tỉnh Thừa Thiên Huế"]);
        // A town whose type alone changed is one unit, not two.
        assert!(
            g().lookup("thị xã Từ Sơn")
                .iter()
                .all(|&i| g().unit(i).is_some_and(|u| !u.former))
        );
    }

    #[test]
    fn resolution_uses_the_other_places() {
        let names: Vec<String> = ["Hương Mạc", "Từ Sơn"].map(String::from).to_vec();
        let r = g().resolve(&names);
        let huong_mac = r[0].and_then(|i| g().unit(i)).map(|u| g().hierarchy(u.id));
        assert_eq!(huong_mac.as_deref(), Some("Hương Mạc · Từ Sơn · Bắc Ninh"));
        let related = g().related(r[0].unwrap_or(0));
        let bac_ninh_new = g()
            .lookup("tỉnh Bắc Ninh")
            .into_iter()
            .find(|&i| g().unit(i).is_some_and(|u| u.era == Era::New));
        assert!(bac_ninh_new.is_some_and(|b| related.contains(&b)));
    }

    #[test]
    fn places_described_in_few_lines() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            g().describe(&names(&[
                "Bắc Ninh",
                "Từ Sơn",
                "Đông Ngàn",
                "Đình Bảng",
                "Tân Hồng",
                "Phù Chẩn"
            ])),
            ["Đông Ngàn, Đình Bảng, Tân Hồng, Phù Chẩn · Từ Sơn · Bắc Ninh"]
        );
        assert_eq!(
            g().describe(&names(&["Thường Tín", "Atlantis"])),
            ["Thường Tín · Hà Nội", "Atlantis"]
        );
        assert_eq!(g().describe(&names(&["Từ Sơn"])), ["Từ Sơn · Bắc Ninh"]);
    }

    #[test]
    fn hierarchy_of_thuong_tin() {
        let r = g().resolve(&["Thường Tín".to_string()]);
        assert_eq!(
            r[0].map(|i| g().hierarchy(i)).as_deref(),
            Some("Thường Tín · Hà Nội")
        );
    }
}
