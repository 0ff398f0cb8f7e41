//! Loading a collection: where it comes from, reading JSON array and JSON
//! Lines files (and raw `.txt` and `.html` articles, through [`crate::ingest`]),
//! validating each article, and reporting every problem with its file,
//! line and column.
//!
//! Parsing is two-step: the file is first split into raw article values
//! (which gives each one's position), then each is read into a lenient raw
//! form and validated field by field, so one bad article is named precisely
//! and does not hide the problems of the others.

mod article;
pub mod layout;
mod position;
mod reader;
mod scan;
pub mod stamps;
pub mod tail;

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

/// The most bytes appended to a JSON Lines file that are read on their
/// own (held in memory); a file that grew by more is read again whole,
/// a block at a time.
pub const MAX_APPENDED_BYTES: u64 = 256 << 20;

/// Reads the lines of the JSON Lines file `path` between the tails
/// `from` and `to` (see [`tail`]), as [`read_parts_into`] reads a whole
/// file: counting in `progress`, handing the articles to `sink`, and
/// numbering lines and articles on from `from`'s. The number of articles
/// read, and the problems; `None` when those bytes are too many, not
/// text, or cannot be read.
pub fn read_appended(
    path: &std::path::Path,
    (from, to): (&tail::Tail, &tail::Tail),
    progress: &Progress,
    sink: Sink<'_>,
) -> Option<(usize, Vec<Problem>)> {
    use std::io::{Read, Seek, SeekFrom};
    let len = to.end.checked_sub(from.end)?;
    if len > MAX_APPENDED_BYTES {
        return None;
    }
    let (mut file, _) = crate::files::open_regular(path).ok()?;
    file.seek(SeekFrom::Start(from.end)).ok()?;
    let mut bytes = vec![0u8; usize::try_from(len).ok()?];
    file.read_exact(&mut bytes).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    progress.add_total(len);
    let mut reader = Reader::handing(progress, sink);
    reader.before = (from.lines, from.items);
    // As lines of the whole file: no byte-order mark or emptiness
    // checked at the start.
    reader.read_lines(&path.display().to_string(), text, 0);
    reader.hand_over(path);
    Some((reader.count(), reader.problems))
}

/// Reads collection text already in memory (for tests and ingest output).
pub fn read_str(name: &str, text: &str) -> Report {
    let mut reader = Reader::default();
    reader.read_text(name, text, tail::is_json_lines(std::path::Path::new(name)));
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

    /// What a JSON Lines file gives read whole: its articles' ids, its
    /// problems, and its tail.
    fn read_whole(path: &std::path::Path) -> (Vec<String>, Vec<String>, Option<tail::Tail>) {
        let mut ids = Vec::new();
        let parts = read_parts_into(
            crate::files::walk(path, &|_| true),
            &Progress::new(),
            &mut |_, batch| ids.extend(batch.into_iter().map(|a| a.id)),
        );
        let problems = parts.problems.iter().map(ToString::to_string).collect();
        (ids, problems, parts.parts.first().and_then(|p| p.tail))
    }

    fn line() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            4 => "[a-zđ ]{1,12}".prop_map(|t| format!("{{\"title\": \"{t}\"}}")),
            1 => Just(String::new()),
            1 => Just("{\"id\": ".to_string()),
            1 => Just("{\"title\": 5}".to_string()),
        ]
    }

    proptest::proptest! {
        /// Lines read on their own after a file's first lines give what
        /// reading the whole file gives after those lines: the same
        /// articles, the same problems at the same lines.
        #[test]
        fn appended_lines_read_alone_read_as_in_the_whole_file(
            lines in proptest::collection::vec(line(), 1..12),
            cut in 1usize..12,
        ) {
            let cut = cut.min(lines.len());
            // Every id different: ids repeated across the cut are found
            // in the index, not by reading.
            let numbered: Vec<String> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| l.replacen("{\"title\"", &format!("{{\"id\": \"n{i}\", \"title\""), 1))
                .map(|l| l + "\n")
                .collect();
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("f.jsonl");
            std::fs::write(&path, numbered[..cut].concat()).expect("written");
            let (mut ids, mut problems, then) = read_whole(&path);
            std::fs::write(&path, numbered.concat()).expect("appended");
            let (all_ids, all_problems, now) = read_whole(&path);
            let (then, now) = (then.expect("lines ended"), now.expect("lines ended"));
            let mut more = Vec::new();
            let (n, more_problems) = read_appended(&path, (&then, &now), &Progress::new(), &mut |_, batch| {
                more.extend(batch.into_iter().map(|a| a.id));
            })
            .expect("read");
            proptest::prop_assert_eq!(n, more.len());
            ids.extend(more);
            problems.extend(more_problems.iter().map(ToString::to_string));
            proptest::prop_assert_eq!(ids, all_ids);
            proptest::prop_assert_eq!(problems, all_problems);
        }
    }
}
