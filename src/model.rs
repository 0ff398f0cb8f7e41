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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    pub title: String,
    /// Publication date, in Vietnam's time zone (UTC+7).
    pub date: Option<Date>,
    /// The source gave the month only (`"date": "2025-07"`): `date` is
    /// its first day, and no day is claimed.
    pub month_only: bool,
    pub time: Option<Time>,
    /// Canonical place names without type words ("Từ Sơn", not "thị xã Từ
    /// Sơn"), most salient first.
    pub places: Vec<String>,
    pub author: Option<String>,
    /// The site or URL the article came from.
    pub source: Option<String>,
    pub body: Vec<Paragraph>,
}

impl Article {
    /// The date as the collection writes it: `2020-09-03`, or `2025-07`
    /// for a month.
    pub fn date_text(&self) -> Option<String> {
        self.date_as("%Y-%m-%d", "%Y-%m")
    }

    /// The date as a reader reads it: `03/09/2020`, or `07/2025`.
    pub fn date_shown(&self) -> Option<String> {
        self.date_as("%d/%m/%Y", "%m/%Y")
    }

    /// The date in format `day`, or `month` when it is a month only.
    fn date_as(&self, day: &str, month: &str) -> Option<String> {
        let format = if self.month_only { month } else { day };
        self.date.map(|d| d.strftime(format).to_string())
    }
}

/// The collection's JSON form: a month-only date is written as its month,
/// empty fields are left out.
impl Serialize for Article {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("title", &self.title)?;
        map.serialize_entry("date", &self.date_text())?;
        if let Some(t) = self.time {
            map.serialize_entry("time", &t.strftime("%H:%M").to_string())?;
        }
        map.serialize_entry("places", &self.places)?;
        if let Some(a) = &self.author {
            map.serialize_entry("author", a)?;
        }
        if let Some(src) = &self.source {
            map.serialize_entry("source", src)?;
        }
        map.serialize_entry("body", &self.body)?;
        map.end()
    }
}

/// An article of plain text paragraphs and nothing else, for tests.
#[cfg(test)]
pub(crate) fn text_article(id: &str, title: &str, body: &[&str]) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        date: None,
        month_only: false,
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
            month_only: false,
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

    #[test]
    fn a_month_is_written_and_shown_as_a_month() {
        let mut a = text_article("m", "Tháng bảy", &["x"]);
        a.date = Some(jiff::civil::date(2025, 7, 1));
        a.month_only = true;
        a.author = Some("Lan".into());
        let json = serde_json::to_string(&a).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"id":"m","title":"Tháng bảy","date":"2025-07","places":[],"author":"Lan","body":["x"]}"#
        );
        assert_eq!(a.date_shown().as_deref(), Some("07/2025"));
        a.month_only = false;
        assert_eq!(a.date_shown().as_deref(), Some("01/07/2025"));
        a.date = None;
        assert!(
            serde_json::to_string(&a)
                .unwrap_or_default()
                .contains(r#""date":null"#)
        );
    }
}
