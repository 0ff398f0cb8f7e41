//! Loading a collection: where it comes from, reading JSON array and JSON
//! Lines files (and raw `.txt` articles, through [`crate::ingest`]),
//! validating each article, and reporting every problem with its file,
//! line and column.
//!
//! Parsing is two-step: the file is first split into raw article values
//! (which gives each one's position), then each is read into a lenient raw
//! form and validated field by field, so one bad article is named precisely
//! and does not hide the problems of the others.

pub mod appended;
mod article;
pub mod layout;
mod position;
mod reader;
mod scan;
pub mod stamps;

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::{Article, Collection};
use crate::progress::Progress;
use reader::Reader;

pub use article::{MAX_ARTICLE_BYTES, parse_date, parse_time};
pub use position::position;
pub use reader::{MAX_COLLECTION_BYTES, Part, Sink};

/// The collection compiled into the binary, so that an installed binary
/// always opens something.
pub const EMBEDDED_ARTICLES: &str = include_str!("../../data/articles.json");
const EMBEDDED_NAME: &str = "(built-in collection)";
const DEFAULT_PATH: &str = "data/articles.json";

/// Where a collection is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    Path(PathBuf),
    Embedded,
}

impl DataSource {
    /// `--data`, else `$TINTUC_DATA`, else `./data/articles.json`, else the
    /// embedded copy.
    pub fn resolve(cli: Option<PathBuf>, env: Option<OsString>) -> DataSource {
        if let Some(path) = cli {
            return DataSource::Path(path);
        }
        if let Some(env) = env.filter(|e| !e.is_empty()) {
            return DataSource::Path(PathBuf::from(env));
        }
        if Path::new(DEFAULT_PATH).is_file() {
            return DataSource::Path(PathBuf::from(DEFAULT_PATH));
        }
        DataSource::Embedded
    }

    pub fn name(&self) -> String {
        match self {
            DataSource::Path(p) => p.display().to_string(),
            DataSource::Embedded => EMBEDDED_NAME.to_string(),
        }
    }
}

/// A problem with the input, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub file: String,
    /// 1-based line and column (in characters), where known.
    pub position: Option<(usize, usize)>,
    pub message: String,
    /// What the problem cost the collection.
    pub lost: Lost,
}

/// What a problem cost the collection: a whole file, one article, or
/// nothing (the article is kept without the field that is wrong).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Lost {
    File,
    Article,
    Nothing,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The file's name and the values quoted in the message are data.
        let (file, message) = (
            crate::text::escape_for_message(&self.file),
            crate::text::escape_for_message(&self.message),
        );
        match self.position {
            Some((line, column)) => write!(f, "{file}:{line}:{column}: {message}"),
            None => write!(f, "{file}: {message}"),
        }
    }
}

/// The outcome of reading a source: the valid articles and every problem.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
    pub origin: String,
}

/// Loading failed: the problems, all of them.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// One problem that cost the whole source, not one of its files.
    pub fn whole(source: String, message: String) -> LoadError {
        LoadError {
            problems: vec![Problem {
                file: source,
                position: None,
                message,
                lost: Lost::File,
            }],
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Listed(&self.problems).fmt(f)
    }
}

/// Problems one a line, the first twenty of them.
pub struct Listed<'a>(pub &'a [Problem]);

impl fmt::Display for Listed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 20;
        for (i, p) in self.0.iter().take(SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        if self.0.len() > SHOWN {
            write!(
                f,
                "\n… and {} more problems (`tintuc check` lists them all)",
                self.0.len() - SHOWN
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// What the problems of a report left out: whole files, articles, and
/// fields of articles that were kept without them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skipped {
    pub files: usize,
    pub articles: usize,
    pub fields: usize,
}

impl Skipped {
    pub fn of(problems: &[Problem]) -> Skipped {
        let mut files: Vec<&str> = problems
            .iter()
            .filter(|p| p.lost == Lost::File)
            .map(|p| p.file.as_str())
            .collect();
        files.sort_unstable();
        files.dedup();
        let count = |lost| problems.iter().filter(|p| p.lost == lost).count();
        Skipped {
            files: files.len(),
            articles: count(Lost::Article),
            fields: count(Lost::Nothing),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Skipped::default()
    }
}

/// "2 files and 1 article skipped, 3 fields ignored".
impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        let mut left_out = Vec::new();
        if self.files > 0 {
            left_out.push(plural(self.files, "file"));
        }
        if self.articles > 0 {
            left_out.push(plural(self.articles, "article"));
        }
        let mut parts = Vec::new();
        if !left_out.is_empty() {
            parts.push(format!("{} skipped", left_out.join(" and ")));
        }
        if self.fields > 0 {
            parts.push(format!("{} ignored", plural(self.fields, "field")));
        }
        f.write_str(&parts.join(", "))
    }
}

/// A collection of every valid article of a source, and the problems
/// that left something out of it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub collection: Collection,
    pub problems: Vec<Problem>,
}

/// Opens every valid article: one bad file or article does not hide the
/// others. Fails only when there are problems and nothing to open.
pub fn open(source: &DataSource) -> Result<Opened, LoadError> {
    open_with(source, &Progress::new())
}

/// [`open`], counting what is read in `progress` as it goes.
pub fn open_with(source: &DataSource, progress: &Progress) -> Result<Opened, LoadError> {
    let report = read_with(source, progress);
    if report.articles.is_empty() && !report.problems.is_empty() {
        return Err(LoadError {
            problems: report.problems,
        });
    }
    Ok(Opened {
        collection: Collection {
            articles: report.articles,
            origin: report.origin,
        },
        problems: report.problems,
    })
}

/// Loads a collection, failing if anything in it is wrong.
pub fn load(source: &DataSource) -> Result<Collection, LoadError> {
    let report = read(source);
    if report.problems.is_empty() {
        Ok(Collection {
            articles: report.articles,
            origin: report.origin,
        })
    } else {
        Err(LoadError {
            problems: report.problems,
        })
    }
}

/// Reads a source and reports on it; never fails.
pub fn read(source: &DataSource) -> Report {
    read_with(source, &Progress::new())
}

/// [`read`], counting what is read in `progress` as it goes.
pub fn read_with(source: &DataSource, progress: &Progress) -> Report {
    let mut reader = Reader::counting(progress);
    match source {
        DataSource::Embedded => reader.read_text(EMBEDDED_NAME, EMBEDDED_ARTICLES, false),
        DataSource::Path(path) => reader.read_path(path),
    }
    Report {
        articles: reader.articles,
        problems: reader.problems,
        origin: source.name(),
    }
}

/// What reading files gave, file by file (the articles went to a sink).
#[derive(Debug, Clone, Default)]
pub struct Parts {
    pub problems: Vec<Problem>,
    /// Per file read or left out, in path order: its articles and
    /// problems.
    pub parts: Vec<Part>,
    /// The parts (numbers in `parts`) that share an article id with
    /// another part.
    pub shared: std::collections::BTreeSet<usize>,
}

/// Reads the files of a walk (all of a collection's, or some), counting
/// in `progress` and handing the articles to `sink` as they are read, a
/// file or a block of a large file at a time; the parts' article ranges
/// count the articles handed.
pub fn read_parts_into(walk: crate::files::Walk, progress: &Progress, sink: Sink<'_>) -> Parts {
    let mut reader = Reader::handing(progress, sink);
    reader.read_walk(walk);
    Parts {
        problems: reader.problems,
        parts: reader.parts,
        shared: reader.shared,
    }
}

/// Reads collection text already in memory (for tests and ingest output).
pub fn read_str(name: &str, text: &str) -> Report {
    let mut reader = Reader::default();
    reader.read_text(
        name,
        text,
        name.ends_with(".jsonl") || name.ends_with(".ndjson"),
    );
    Report {
        articles: reader.articles,
        problems: reader.problems,
        origin: name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_says_what_was_left_out() {
        let p = |file: &str, lost| Problem {
            file: file.into(),
            position: None,
            message: String::new(),
            lost,
        };
        let problems = [
            p("a.txt", Lost::File),
            p("b.json", Lost::File),
            p("b.json", Lost::File),
            p("c.json", Lost::Article),
            p("c.json", Lost::Nothing),
            p("c.json", Lost::Nothing),
        ];
        let s = Skipped::of(&problems);
        assert_eq!((s.files, s.articles, s.fields), (2, 1, 2));
        assert_eq!(
            s.to_string(),
            "2 files and 1 article skipped, 2 fields ignored"
        );
        assert_eq!(Skipped::of(&problems[..1]).to_string(), "1 file skipped");
        assert_eq!(Skipped::of(&problems[4..5]).to_string(), "1 field ignored");
        assert!(Skipped::of(&[]).is_empty());
    }
}
