//! An article as a tantivy document, and back.
//!
//! Everything the browser shows is stored, so an index opened again never
//! needs the collection's files: the list reads the stored fields of the
//! rows it shows, the reading pane the article it opens.

use jiff::civil::{Date, Time};
use tantivy::TantivyDocument;
use tantivy::schema::{Facet, Value};
use unicode_width::UnicodeWidthStr;

use super::schema::Fields;
use crate::gazetteer::{Era, Gazetteer, Level, UnitId};
use crate::model::{Article, Paragraph, ParagraphKind};

/// The first step of the place path of units before and after the
/// 2025 reorganisation, and of names the gazetteer does not know.
pub const OLD: &str = "old";
pub const NEW: &str = "new";
pub const NAMED: &str = "name";

/// Days since 0001-01-01.
pub fn day_number(d: Date) -> i64 {
    i64::from((d - jiff::civil::date(1, 1, 1)).get_days())
}

/// The date `day_number` days after 0001-01-01, if it is one.
pub fn day_date(day: i64) -> Option<Date> {
    let days = i32::try_from(day).ok()?;
    jiff::civil::date(1, 1, 1)
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

fn kind_byte(kind: ParagraphKind) -> u8 {
    match kind {
        ParagraphKind::Text => 0,
        ParagraphKind::Subheading => 1,
        ParagraphKind::Caption => 2,
    }
}

fn byte_kind(b: u8) -> ParagraphKind {
    match b {
        1 => ParagraphKind::Subheading,
        2 => ParagraphKind::Caption,
        _ => ParagraphKind::Text,
    }
}

fn nanos_of_day(t: Time) -> i64 {
    let secs = i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second());
    secs * 1_000_000_000 + i64::from(t.subsec_nanosecond())
}

fn time_of_nanos(n: i64) -> Option<Time> {
    let n = u64::try_from(n).ok()?;
    let secs = n / 1_000_000_000;
    let sub = i32::try_from(n % 1_000_000_000).ok()?;
    Time::new(
        i8::try_from(secs / 3600).ok()?,
        i8::try_from(secs / 60 % 60).ok()?,
        i8::try_from(secs % 60).ok()?,
        sub,
    )
    .ok()
}

/// The path of a unit: its era, then the codes from its province down.
pub fn unit_path(g: &Gazetteer, id: UnitId) -> Option<Facet> {
    let unit = g.unit(id)?;
    let mut codes: Vec<&str> = g
        .ancestors(id)
        .iter()
        .rev()
        .filter_map(|&a| g.unit(a))
        .map(|u| u.code.as_str())
        .collect();
    codes.push(&unit.code);
    let era = match unit.era {
        Era::Old => OLD,
        Era::New => NEW,
    };
    Some(Facet::from_path(std::iter::once(era).chain(codes)))
}

/// The places an article with these place names is about, as facet
/// paths: each name as given (under [`NAMED`]), each unit it names, the
/// units an old one became in 2025 and the old ones a new commune was
/// made from. A unit's path prefixes are the units above it, so a facet
/// query for a unit takes in everything inside it.
pub fn place_facets(g: &Gazetteer, places: &[String]) -> Vec<Facet> {
    let mut units: Vec<UnitId> = Vec::new();
    let mut facets = Vec::new();
    for (name, unit) in places.iter().zip(g.resolve(places)) {
        // Every name as given, so that it finds the article as written;
        // the separator of facet paths cannot be part of a step.
        let name: String = name.chars().filter(|c| !c.is_control()).collect();
        if !name.is_empty() {
            facets.push(Facet::from_path([NAMED, name.as_str()]));
        }
        let Some(id) = unit else {
            continue;
        };
        units.push(id);
        if let Some(u) = g.unit(id) {
            units.extend(&u.becomes);
            if u.era == Era::New && u.level == Level::Commune {
                units.extend(g.came_from(id));
            }
        }
    }
    units.sort_unstable();
    units.dedup();
    facets.extend(units.into_iter().filter_map(|u| unit_path(g, u)));
    facets.sort();
    facets.dedup();
    facets
}

/// The document written for an article, the `order`-th of the file keyed
/// `file`.
pub fn to_document(
    a: &Article,
    (file, order): (&str, u64),
    f: &Fields,
    g: &Gazetteer,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(f.id, &a.id);
    doc.add_text(f.file, file);
    doc.add_u64(f.order, order);
    doc.add_text(f.title, &a.title);
    let title_words: Vec<String> = crate::search::query::words(&a.title)
        .map(|(_, w)| crate::text::fold_str(w))
        .collect();
    for t in super::spellable::title_terms(&title_words) {
        doc.add_text(f.spelling, &t);
    }
    for p in &a.body {
        doc.add_text(f.body, &p.text);
    }
    let names = super::names::terms_of(&a.title, true).into_iter().chain(
        a.body
            .iter()
            .flat_map(|p| super::names::terms_of(&p.text, false)),
    );
    for t in names {
        doc.add_text(f.names, &t);
    }
    doc.add_text(f.abbreviated, &a.title);
    for p in &a.body {
        doc.add_text(f.abbreviated, &p.text);
    }
    let kinds: Vec<u8> = a.body.iter().map(|p| kind_byte(p.kind)).collect();
    doc.add_bytes(f.kinds, &kinds);
    if let Some(d) = a.date {
        doc.add_i64(f.day, day_number(d));
        if a.month_only {
            doc.add_u64(f.month_only, 1);
        }
    }
    if let Some(t) = a.time {
        doc.add_i64(f.time, nanos_of_day(t));
    }
    for p in &a.places {
        doc.add_text(f.places, p);
    }
    let width = a
        .places
        .first()
        .map_or(0, |p| UnicodeWidthStr::width(p.as_str()));
    doc.add_u64(f.place_width, u64::try_from(width).unwrap_or(u64::MAX));
    for facet in place_facets(g, &a.places) {
        doc.add_facet(f.place, facet);
    }
    if let Some(author) = &a.author {
        doc.add_text(f.author, author);
    }
    if let Some(source) = &a.source {
        doc.add_text(f.source, source);
    }
    doc
}

/// The article a stored document holds.
pub fn from_document(doc: &TantivyDocument, f: &Fields) -> Article {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    let texts = |field| {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect::<Vec<_>>()
    };
    let kinds = doc
        .get_first(f.kinds)
        .and_then(|v| v.as_bytes())
        .unwrap_or_default();
    let body = texts(f.body)
        .into_iter()
        .enumerate()
        .map(|(i, t)| Paragraph::new(byte_kind(kinds.get(i).copied().unwrap_or(0)), t))
        .collect();
    let int = |field| doc.get_first(field).and_then(|v| v.as_i64());
    Article {
        id: text(f.id).unwrap_or_default(),
        title: text(f.title).unwrap_or_default(),
        date: int(f.day).and_then(day_date),
        month_only: doc
            .get_first(f.month_only)
            .and_then(|v| v.as_u64())
            .is_some_and(|m| m == 1),
        time: int(f.time).and_then(time_of_nanos),
        places: texts(f.places),
        author: text(f.author),
        source: text(f.source),
        body,
    }
}
