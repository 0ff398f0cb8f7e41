//! Ingesting raw scraped article text: bytes in any of the encodings
//! Vietnamese text is found in → a clean [`Article`], and a report of what
//! was found for `tintuc ingest -v`.
//!
//! The steps: [`decode`] (encoding → NFC text), [`structure`] (chrome,
//! title, date header, byline, captions, subheadings), [`places`] (the
//! administrative units named, with the gazetteer).

pub mod dates;
pub mod decode;
mod html;
pub mod places;
pub mod structure;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::gazetteer::Gazetteer;
use crate::model::{Article, ParagraphKind};
use crate::text::sanitize_inline;

use decode::{DecodeError, Encoding};
use places::Place;
use regex::Regex;
use structure::{StructureError, TitleSource};

/// Files larger than this are not articles (the longest news articles are
/// a few hundred kilobytes); they are refused before being read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Why a file yields no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestError {
    Read(String),
    /// What it is instead of a regular file: "a FIFO"…
    NotRegular(&'static str),
    TooLarge(u64),
    Decode(DecodeError),
    NoText,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Read(e) => write!(f, "cannot read: {e}"),
            IngestError::NotRegular(kind) => crate::files::ReadError::NotRegular(kind).fmt(f),
            IngestError::TooLarge(n) => write!(
                f,
                "too large for an article ({}; the limit is {})",
                megabytes(*n),
                megabytes(MAX_FILE_BYTES)
            ),
            IngestError::Decode(e) => write!(f, "{e}"),
            IngestError::NoText => {
                f.write_str("no article text (only white space, site menus or photo captions)")
            }
        }
    }
}

impl std::error::Error for IngestError {}

fn megabytes(n: u64) -> String {
    format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
}

/// What ingesting one file found, for `-v`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub encoding: Encoding,
    pub title_source: TitleSource,
    pub places: Vec<Place>,
    /// Site chrome dropped.
    pub removed: Vec<String>,
}

/// An article and the report on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ingested {
    pub article: Article,
    pub report: Report,
}

/// Ingests one raw article. `id` names it (`tintuc ingest` uses the file
/// stem).
pub fn ingest(id: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    ingest_with(Gazetteer::embedded(), id, bytes)
}

pub fn ingest_with(g: &Gazetteer, id: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge(bytes.len() as u64));
    }
    let decoded = decode::decode(bytes).map_err(IngestError::Decode)?;
    let text = if html::is_html(&decoded.text) {
        html::to_text(&decoded.text)
    } else {
        decoded.text
    };
    let s = structure::analyze(&text).map_err(|e| match e {
        StructureError::NoText => IngestError::NoText,
    })?;
    // The places a kicker names count as the title's.
    let headline = match &s.kicker {
        Some(kicker) => format!("{kicker} {}", s.title),
        None => s.title.clone(),
    };
    let site: Vec<String> = s.site_lines.iter().map(|l| unshout(l)).collect();
    let mut places = places::extract_under(g, &site, &headline, &s.body);
    site_province(g, &s.site_lines, &mut places);
    let article = Article {
        id: sanitize_inline(id),
        title: s.title,
        date: s.stamp.map(|s| s.date),
        month_only: s.stamp.is_some_and(|s| s.month_only),
        time: s.stamp.and_then(|s| s.time),
        places: places.iter().map(|p| p.name.clone()).collect(),
        author: s.author,
        source: s.source,
        body: s.body,
    };
    Ok(Ingested {
        article,
        report: Report {
            encoding: decoded.encoding,
            title_source: s.title_source,
            places,
            removed: s.removed,
        },
    })
}

/// The province a portal names in its head ("TỈNH QUẢNG NGÃI", "Cổng
/// thông tin điện tử tỉnh Bắc Giang"), after the article's places, when
/// the article names no province itself: a portal's news is its
/// province's.
fn site_province(g: &Gazetteer, site_lines: &[String], places: &mut Vec<Place>) {
    let is_province = |p: &Place| {
        g.unit(p.unit)
            .is_some_and(|u| u.level == crate::gazetteer::Level::Province)
    };
    if site_lines.is_empty() || places.iter().any(is_province) {
        return;
    }
    // Read as a title: "TỈNH QUẢNG NGÃI" in capitals as "Tỉnh Quảng Ngãi".
    let text = site_lines
        .iter()
        .map(|l| unshout(l))
        .collect::<Vec<_>>()
        .join(". ");
    let found = places::extract(g, &text, &[]);
    places.extend(found.into_iter().filter(is_province).take(1));
}

/// "TỈNH QUẢNG NGÃI" → "Tỉnh Quảng Ngãi": a line in capitals with each
/// word capitalised, as names are written; other lines as they are.
fn unshout(line: &str) -> String {
    if line.chars().any(char::is_lowercase) {
        return line.to_string();
    }
    line.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or_else(String::new, |first| {
                first.to_string() + &cs.as_str().to_lowercase()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads and ingests one file: only a regular file, and never more than
/// [`MAX_FILE_BYTES`] of it.
pub fn ingest_file(path: &Path) -> Result<Ingested, IngestError> {
    use crate::files::ReadError;
    let bytes = crate::files::read_limited(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(e) => IngestError::Read(e),
        ReadError::NotRegular(kind) => IngestError::NotRegular(kind),
        ReadError::TooLarge { size, .. } => IngestError::TooLarge(size),
    })?;
    ingest(&id_of(path), &bytes)
}

/// An article's id: its file's stem.
pub fn id_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether `path` names a raw article file.
pub fn is_raw_article(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["txt", "html", "htm"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// A file that could not be ingested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// The outcome of ingesting many files.
#[derive(Debug, Default)]
pub struct Batch {
    /// Sorted by id.
    pub articles: Vec<(PathBuf, Ingested)>,
    pub failures: Vec<Failure>,
}

/// Ingests files and directories. Files that fail are reported and the
/// others still ingested; two files with the same stem would give two
/// articles one id, so the second is reported instead.
pub fn ingest_paths(paths: &[PathBuf]) -> Batch {
    ingest_paths_with(paths, &crate::progress::Progress::new())
}

/// [`ingest_paths`], counting the bytes read and the articles made in
/// `progress` as it goes.
pub fn ingest_paths_with(paths: &[PathBuf], progress: &crate::progress::Progress) -> Batch {
    let mut batch = Batch::default();
    let mut files = Vec::new();
    for path in paths {
        let walk = crate::files::walk(path, &is_raw_article);
        if walk.files.is_empty() && walk.refused.is_empty() {
            batch.failures.push(Failure {
                path: path.clone(),
                message: "no .txt or .html files in this directory".into(),
            });
        }
        batch
            .failures
            .extend(walk.refused.into_iter().map(|r| Failure {
                path: r.path,
                message: r.why,
            }));
        files.extend(walk.files);
    }
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    progress.add_total(sizes.iter().sum());
    let mut seen: std::collections::HashMap<String, PathBuf> = std::collections::HashMap::new();
    for (file, size) in files.into_iter().zip(sizes) {
        progress.add_done(size);
        progress.set_articles(batch.articles.len() as u64);
        match ingest_file(&file) {
            Ok(ingested) => {
                let id = ingested.article.id.clone();
                if let Some(first) = seen.get(&id) {
                    if first != &file {
                        batch.failures.push(Failure {
                            message: format!(
                                "duplicate id \"{id}\": {} has the same file name",
                                first.display()
                            ),
                            path: file,
                        });
                    }
                    continue;
                }
                seen.insert(id, file.clone());
                batch.articles.push((file, ingested));
            }
            Err(e) => batch.failures.push(Failure {
                path: file,
                message: e.to_string(),
            }),
        }
    }
    batch
        .articles
        .sort_by(|a, b| a.1.article.id.cmp(&b.1.article.id));
    batch
}

/// The `-v` report on one ingested file.
pub fn describe(path: &Path, ingested: &Ingested, g: &Gazetteer) -> String {
    let a = &ingested.article;
    let r = &ingested.report;
    let mut out = format!("{}: {}\n", path.display(), r.encoding.label());
    let title_note = match r.title_source {
        TitleSource::Line => "",
        TitleSource::Lead => " (derived from the lead)",
    };
    out.push_str(&format!("  title:    {}{title_note}\n", a.title));
    let date = match (a.date_shown(), a.time) {
        (Some(d), Some(t)) => format!("{d} {}", t.strftime("%H:%M")),
        (Some(d), None) => d,
        _ => "none found".into(),
    };
    out.push_str(&format!("  date:     {date}\n"));
    out.push_str(&format!(
        "  byline:   {}\n",
        a.author.as_deref().unwrap_or("none found")
    ));
    if let Some(source) = &a.source {
        out.push_str(&format!("  source:   {source}\n"));
    }
    let count = |k, one: &str| {
        let n = a.body.iter().filter(|p| p.kind == k).count();
        format!("{n} {one}{}", if n == 1 { "" } else { "s" })
    };
    out.push_str(&format!(
        "  body:     {}, {}, {}\n",
        count(ParagraphKind::Text, "paragraph"),
        count(ParagraphKind::Subheading, "subheading"),
        count(ParagraphKind::Caption, "caption")
    ));
    if r.places.is_empty() {
        out.push_str("  places:   none found\n");
    } else {
        let places: Vec<String> = r
            .places
            .iter()
            .map(|p| format!("{} ({}, {}×)", p.name, g.hierarchy(p.unit), p.mentions))
            .collect();
        out.push_str(&format!("  places:   {}\n", places.join("; ")));
    }
    if !r.removed.is_empty() {
        let shown: Vec<String> = r
            .removed
            .iter()
            .map(|l| format!("\"{}\"", short(l)))
            .collect();
        out.push_str(&format!("  removed:  {}\n", shown.join(", ")));
    }
    out
}

fn short(line: &str) -> String {
    const MAX: usize = 40;
    if line.chars().count() <= MAX {
        return line.to_string();
    }
    let cut: String = line.chars().take(MAX).collect();
    format!("{cut}…")
}

/// One of this module's regular expressions.
#[allow(
    clippy::panic,
    reason = "the patterns are constants of this module, each compiled by its tests"
)]
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad pattern {pattern}: {e}"))
}
