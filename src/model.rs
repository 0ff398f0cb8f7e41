//! The article model and its JSON form.
//!
//! Articles are written as JSON objects (see the README for the schema).
//! Writing goes through serde; reading goes through [`crate::load`], which
//! validates each field so that a bad article is reported precisely instead
//! of failing the whole file.

use jiff::civil::{Date, Time};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// One news article, clean: NFC, sanitised, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    /// Publication date, in Vietnam's time zone (UTC+7).
    #[serde(serialize_with = "ser_date")]
    pub date: Option<Date>,
    #[serde(serialize_with = "ser_time", skip_serializing_if = "Option::is_none")]
    pub time: Option<Time>,
    /// Canonical place names without type words ("Từ Sơn", not "thị xã Từ
    /// Sơn"), most salient first.
    pub places: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The site or URL the article came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub body: Vec<Paragraph>,
}

/// An article of plain text paragraphs and nothing else, for tests.
#[cfg(test)]
pub(crate) fn text_article(id: &str, title: &str, body: &[&str]) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        date: None,
        time: None,
        places: vec![],
        author: None,
        source: None,
        body: body
            .iter()
            .map(|t| Paragraph::new(ParagraphKind::Text, *t))
            .collect(),
    }
}

/// What a paragraph is, which decides how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    Text,
    Subheading,
    Caption,
}

impl ParagraphKind {
    pub fn name(self) -> &'static str {
        match self {
            ParagraphKind::Text => "text",
            ParagraphKind::Subheading => "subheading",
            ParagraphKind::Caption => "caption",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "text" => Some(ParagraphKind::Text),
            "subheading" | "heading" => Some(ParagraphKind::Subheading),
            "caption" => Some(ParagraphKind::Caption),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    pub text: String,
}

impl Paragraph {
    pub fn new(kind: ParagraphKind, text: impl Into<String>) -> Self {
        Paragraph {
            kind,
            text: text.into(),
        }
    }
}

/// Plain text paragraphs are written as bare strings, the others as
/// `{"kind": ..., "text": ...}`: the common case stays easy to read.
impl Serialize for Paragraph {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.kind == ParagraphKind::Text {
            return s.serialize_str(&self.text);
        }
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("kind", self.kind.name())?;
        map.serialize_entry("text", &self.text)?;
        map.end()
    }
}

fn ser_date<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.collect_str(&d.strftime("%Y-%m-%d")),
        None => s.serialize_none(),
    }
}

fn ser_time<S: Serializer>(time: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
    match time {
        Some(t) => s.collect_str(&t.strftime("%H:%M")),
        None => s.serialize_none(),
    }
}

/// A loaded collection of articles.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    pub articles: Vec<Article>,
    /// Where it came from, for messages and the status bar.
    pub origin: String,
}

/// Counts that `tintuc check` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    pub articles: usize,
    pub with_date: usize,
    pub with_places: usize,
    pub distinct_places: usize,
}

impl Stats {
    pub fn of(articles: &[Article]) -> Stats {
        let mut places = std::collections::HashSet::new();
        for a in articles {
            places.extend(a.places.iter().map(String::as_str));
        }
        Stats {
            articles: articles.len(),
            with_date: articles.iter().filter(|a| a.date.is_some()).count(),
            with_places: articles.iter().filter(|a| !a.places.is_empty()).count(),
            distinct_places: places.len(),
        }
    }
}

/// Writes articles as a pretty JSON array, one field per line, ending with
/// a newline: stable output that diffs well.
pub fn to_json(articles: &[Article]) -> String {
    let mut out = serde_json::to_string_pretty(articles).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_compactly() {
        let a = Article {
            id: "x".into(),
            title: "Tiêu đề".into(),
            date: Some(jiff::civil::date(2020, 9, 3)),
            time: Some(jiff::civil::time(8, 17, 0, 0)),
            places: vec!["Thường Tín".into()],
            author: None,
            source: None,
            body: vec![
                Paragraph::new(ParagraphKind::Text, "Một"),
                Paragraph::new(ParagraphKind::Caption, "Ảnh"),
            ],
        };
        let json = serde_json::to_string(&a).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"id":"x","title":"Tiêu đề","date":"2020-09-03","time":"08:17","places":["Thường Tín"],"body":["Một",{"kind":"caption","text":"Ảnh"}]}"#
        );
    }
}
