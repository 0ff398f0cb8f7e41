//! Loading a collection: where it comes from, reading JSON array and JSON
//! Lines files (and raw `.txt` articles, through [`crate::ingest`]),
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

use std::collections::HashMap;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::value::RawValue;

use crate::files;
use crate::model::{Article, Collection};
use crate::progress::Progress;
use article::{Parsed, parse_article};
use position::{Cursor, serde_offset, strip_serde_position};

pub use article::{MAX_ARTICLE_BYTES, parse_date, parse_time};
pub use position::position;

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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    let mut reader = Reader {
        progress: Some(progress),
        ..Reader::default()
    };
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

/// Collection files larger than this are refused unread: the text and
/// the articles made from it must fit in memory together.
pub const MAX_COLLECTION_BYTES: u64 = 4 << 30;

/// Array files larger than this are read in blocks of about this size
/// once their articles are located (see [`Reader::read_array_blocks`]).
const BLOCK: usize = 32 << 20;

#[derive(Default)]
struct Reader<'p> {
    /// Where bytes and articles read are counted, for whoever shows them.
    progress: Option<&'p Progress>,
    articles: Vec<Article>,
    problems: Vec<Problem>,
    /// Block size for large array files; [`BLOCK`] when 0.
    block: usize,
    /// Where each id was first seen: file, line, column.
    seen: HashMap<String, (String, usize, usize)>,
    /// The last position computed in the text being read, so that finding
    /// each article's line and column is linear in the file size.
    cursor: Cursor,
}

fn is_collection_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("json" | "jsonl" | "ndjson")
    )
}

impl Reader<'_> {
    /// A file, or the collection files of a directory and its
    /// subdirectories; what the walk left out is reported in path order
    /// among the files.
    fn read_path(&mut self, path: &Path) {
        let walk = files::walk(path, &|p| {
            is_collection_file(p) || crate::ingest::is_raw_article(p)
        });
        let mut refused = walk.refused;
        refused.sort_by(|a, b| a.path.cmp(&b.path));
        let mut refused = refused.into_iter().peekable();
        // Sizes first, for an estimate of the time left.
        let sizes: Vec<u64> = walk
            .files
            .iter()
            .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
            .collect();
        if let Some(p) = self.progress {
            p.add_total(sizes.iter().sum());
        }
        let mut read = 0;
        for (file, size) in walk.files.iter().zip(sizes) {
            while let Some(r) = refused.next_if(|r| r.path < *file) {
                self.problem(r.path.display().to_string(), None, r.why, Lost::File);
            }
            self.read_file(file);
            read += size;
            if let Some(p) = self.progress {
                p.done_up_to(read);
            }
        }
        for r in refused {
            self.problem(r.path.display().to_string(), None, r.why, Lost::File);
        }
    }

    fn read_file(&mut self, path: &Path) {
        let name = path.display().to_string();
        if crate::ingest::is_raw_article(path) {
            return self.read_raw(path, name);
        }
        let bytes = match files::read_limited(path, MAX_COLLECTION_BYTES) {
            Ok(b) => b,
            Err(e) => return self.problem(name, None, e.to_string(), Lost::File),
        };
        // Validating with SIMD first: large collections spend a second here
        // otherwise. The standard check then finds where a bad byte is.
        let checked = match simdutf8::basic::from_utf8(&bytes) {
            Ok(t) => Ok(t),
            Err(_) => std::str::from_utf8(&bytes),
        };
        let text = match checked {
            Ok(t) => t,
            Err(e) => {
                let (line, column) = position(&bytes, e.valid_up_to());
                return self.problem(
                    name,
                    Some((line, column)),
                    "not valid UTF-8 (JSON collections are UTF-8)".into(),
                    Lost::File,
                );
            }
        };
        let lines = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("jsonl" | "ndjson")
        );
        // A new text: positions start again (another file may have been
        // given the same address).
        self.cursor = Cursor::default();
        let block = if self.block == 0 { BLOCK } else { self.block };
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        if !lines && text.len() > block && body.trim_start().starts_with('[') {
            let skip = text.len() - body.len();
            let spans = match serde_json::from_str::<Vec<&RawValue>>(&text[skip..]) {
                Ok(values) => values
                    .iter()
                    .map(|raw| {
                        let start = offset_in(text, raw);
                        let at = self.cursor.position(text, start);
                        (start..start + raw.get().len(), at)
                    })
                    .collect::<Vec<_>>(),
                Err(e) => return self.json_error(&name, text, skip, &e, Lost::File),
            };
            drop(bytes);
            return self.read_array_blocks(&name, path, &spans, block);
        }
        self.read_text(&name, text, lines);
    }

    /// A large array file, its articles located: the file's text is freed
    /// and the articles are read back a block at a time, so that the text
    /// and all the articles made from it are never in memory together
    /// (that alone would take twice the file's size).
    fn read_array_blocks(
        &mut self,
        name: &str,
        path: &Path,
        spans: &[(std::ops::Range<usize>, (usize, usize))],
        block: usize,
    ) {
        use rayon::prelude::*;
        use std::io::{Read, Seek, SeekFrom};
        let changed =
            |e: String| format!("cannot read: {e} (was the file changed while it was read?)");
        let mut file = match files::open_regular(path) {
            Ok((f, _)) => f,
            Err(e) => return self.problem(name.into(), None, changed(e.to_string()), Lost::File),
        };
        let mut buf: Vec<u8> = Vec::new();
        let mut i = 0;
        while i < spans.len() {
            let (range, at) = &spans[i];
            if range.len() > MAX_ARTICLE_BYTES {
                // Never read back.
                self.accept(name, article::too_large(name, range.len(), i + 1, *at));
                i += 1;
                continue;
            }
            let start = range.start;
            let mut j = i + 1;
            while j < spans.len()
                && spans[j].0.len() <= MAX_ARTICLE_BYTES
                && spans[j].0.end - start <= block
            {
                j += 1;
            }
            let end = spans[j - 1].0.end;
            buf.resize(end - start, 0);
            if let Err(e) = file
                .seek(SeekFrom::Start(start as u64))
                .and_then(|_| file.read_exact(&mut buf))
            {
                return self.problem(name.into(), None, changed(e.to_string()), Lost::File);
            }
            let Ok(text) = simdutf8::basic::from_utf8(&buf) else {
                return self.problem(name.into(), None, changed("not UTF-8".into()), Lost::File);
            };
            let progress = self.progress;
            let parsed: Vec<Parsed> = spans[i..j]
                .par_iter()
                .enumerate()
                .map(|(k, (range, at))| {
                    // Not framed again: where it is was found in the first
                    // reading. A file changed since may cut a character.
                    let Some(slice) = text.get(range.start - start..range.end - start) else {
                        return Parsed::rejected(
                            *at,
                            i + k + 1,
                            Problem {
                                file: name.to_string(),
                                position: Some(*at),
                                message: changed("not UTF-8".into()),
                                lost: Lost::Article,
                            },
                        );
                    };
                    if let Some(p) = progress {
                        p.add_done(slice.len() as u64);
                    }
                    parse_article(name, slice, i + k + 1, *at)
                })
                .collect();
            for p in parsed {
                self.accept(name, p);
            }
            i = j;
        }
    }

    /// `json_lines` reads one article per line; otherwise the form is
    /// chosen by the first character: `[` for an array, `{` for a stream of
    /// objects (one per line or spread over several).
    fn read_text(&mut self, name: &str, text: &str, json_lines: bool) {
        self.cursor = Cursor::default();
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let skip = text.len() - body.len();
        let first = body.trim_start().chars().next();
        if first.is_none() {
            // An empty file is an empty collection.
            return;
        }
        if json_lines {
            self.read_lines(name, text, skip);
        } else if first == Some('{') {
            self.read_stream(name, text, skip);
        } else if first != Some('[') {
            // Said before serde_json would quote the value, however long.
            let at = skip + (body.len() - body.trim_start().len());
            let position = self.cursor.position(text, at);
            self.problem(
                name.into(),
                Some(position),
                "not a collection: expected a JSON array of articles `[…]`, \
                 or article objects `{…}`"
                    .into(),
                Lost::File,
            );
        } else {
            match serde_json::from_str::<Vec<&RawValue>>(&text[skip..]) {
                Ok(values) => {
                    // Articles are validated on all cores; what depends on
                    // the articles before (positions, duplicate ids) is
                    // done in order.
                    use rayon::prelude::*;
                    let at: Vec<(usize, usize)> = values
                        .iter()
                        .map(|raw| self.cursor.position(text, offset_in(text, raw)))
                        .collect();
                    let progress = self.progress;
                    let parsed: Vec<Parsed> = values
                        .par_iter()
                        .zip(at.par_iter())
                        .enumerate()
                        .map(|(i, (raw, &at))| {
                            if let Some(p) = progress {
                                p.add_done(raw.get().len() as u64);
                            }
                            parse_article(name, raw.get(), i + 1, at)
                        })
                        .collect();
                    for p in parsed {
                        self.accept(name, p);
                    }
                }
                Err(e) => self.json_error(name, text, skip, &e, Lost::File),
            }
        }
    }

    /// JSON Lines: a bad line is reported and the others still load.
    fn read_lines(&mut self, name: &str, text: &str, skip: usize) {
        let mut start = skip;
        let mut index = 0;
        for line in text[skip..].split_inclusive('\n') {
            if !line.trim().is_empty() {
                index += 1;
                let line_text = text[start..start + line.len()].trim_end();
                match serde_json::from_str::<&RawValue>(line_text) {
                    Ok(raw) => self.read_article(name, text, raw, index),
                    Err(e) => self.json_error(name, text, start, &e, Lost::Article),
                }
            }
            start += line.len();
        }
    }

    /// A stream of objects: after a syntax error, reading resumes on the
    /// next line so later articles still load.
    fn read_stream(&mut self, name: &str, text: &str, mut start: usize) {
        let mut index = 0;
        while start < text.len() {
            let mut stream =
                serde_json::Deserializer::from_str(&text[start..]).into_iter::<&RawValue>();
            let mut failed = false;
            for item in stream.by_ref() {
                index += 1;
                match item {
                    Ok(raw) => self.read_article(name, text, raw, index),
                    Err(e) => {
                        self.json_error(name, text, start, &e, Lost::Article);
                        failed = true;
                        break;
                    }
                }
            }
            if !failed {
                break;
            }
            let at = start + stream.byte_offset();
            match text[at..].find('\n') {
                Some(nl) => start = at + nl + 1,
                None => break,
            }
        }
    }

    /// A syntax error; `lost` is the whole file for an array, the
    /// article being read in a stream or JSON Lines.
    fn json_error(
        &mut self,
        name: &str,
        text: &str,
        base: usize,
        e: &serde_json::Error,
        lost: Lost,
    ) {
        let (line, column) = self.cursor.position(text, serde_offset(text, base, e));
        let message = strip_serde_position(&e.to_string());
        self.problem(
            name.to_string(),
            Some((line, column)),
            format!("malformed JSON: {message}"),
            lost,
        );
    }

    fn read_article(&mut self, name: &str, text: &str, raw: &RawValue, index: usize) {
        if let Some(p) = self.progress {
            p.add_done(raw.get().len() as u64);
        }
        let at = self.cursor.position(text, offset_in(text, raw));
        let parsed = parse_article(name, raw.get(), index, at);
        self.accept(name, parsed);
    }

    /// Takes a validated article unless its id was used before.
    fn accept(&mut self, name: &str, parsed: Parsed) {
        let Parsed {
            article,
            at,
            index,
            problem,
            later,
        } = parsed;
        if let Some(p) = problem {
            self.problems.push(p);
            return;
        }
        let Some(article) = article else {
            return;
        };
        let (line, column) = at;
        if let Some((file, l, c)) = self.seen.get(&article.id) {
            let message = format!(
                "duplicate id \"{}\" (article #{index}); first used at {file}:{l}:{c}",
                article.id
            );
            return self.problem(name.into(), Some(at), message, Lost::Article);
        }
        self.seen
            .insert(article.id.clone(), (name.to_string(), line, column));
        self.problems.extend(later);
        self.articles.push(article);
        if let Some(p) = self.progress {
            p.set_articles(self.articles.len() as u64);
        }
    }

    /// A raw scraped article (`.txt`), ingested on the fly; its id is the
    /// file stem.
    fn read_raw(&mut self, path: &Path, name: String) {
        let article = match crate::ingest::ingest_file(path) {
            Ok(ingested) => ingested.article,
            Err(e) => return self.problem(name, None, e.to_string(), Lost::File),
        };
        if let Some((file, l, c)) = self.seen.get(&article.id) {
            let message = format!(
                "duplicate id \"{}\"; first used at {file}:{l}:{c}",
                article.id
            );
            return self.problem(name, None, message, Lost::File);
        }
        self.seen.insert(article.id.clone(), (name, 1, 1));
        self.articles.push(article);
        if let Some(p) = self.progress {
            p.set_articles(self.articles.len() as u64);
        }
    }

    fn problem(
        &mut self,
        file: String,
        position: Option<(usize, usize)>,
        message: String,
        lost: Lost,
    ) {
        self.problems.push(Problem {
            file,
            position,
            message,
            lost,
        });
    }
}

/// Byte offset of a raw value inside the text it was parsed from.
fn offset_in(text: &str, raw: &RawValue) -> usize {
    raw.get().as_ptr() as usize - text.as_ptr() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_files_read_in_blocks_give_the_same_report() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.json");
        let text = "\u{feff}[\n  {\"id\": \"a\", \"title\": \"Từ Sơn\", \"date\": \"2020-02-30\"},\n\
            {\"id\": \"b\", \"title\": \"T\\u1eeb\", \"body\": [\"x\", {\"kind\": \"caption\", \"text\": \"y\"}]},\n\
            {\"id\": \"a\", \"title\": \"again\"}, {\"id\": \"c\",\n \"title\": 5},\n\
            {\"title\": \"no id\"}, {\"id\": 7, \"title\": \"Tu\u{31b}\u{300}\", \"time\": \"25:00\"}\n]\n";
        std::fs::write(&path, text).expect("write");
        let read = |block: usize| {
            let mut r = Reader {
                block,
                ..Reader::default()
            };
            r.read_path(&path);
            let problems: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
            (r.articles, problems)
        };
        let whole = read(usize::MAX);
        assert_eq!(whole.0.len(), 3, "{:?}", whole.1);
        assert_eq!(whole.1.len(), 5, "{:?}", whole.1);
        for block in [1, 40, 100, 1000] {
            assert_eq!(read(block), whole, "block {block}");
        }
    }

    /// Locating every article reads each byte of the file once, whether
    /// the articles are on lines of their own or all on one line, and so
    /// does locating a syntax error on every line.
    #[test]
    fn positions_are_found_in_one_pass() {
        let articles: Vec<String> = (0..2000)
            .map(|i| format!("{{\"id\":\"{i}\",\"title\":\"Tiêu đề {i}\"}}"))
            .collect();
        let compact = format!("[{}]", articles.join(","));
        let pretty = format!("[\n{}\n]\n", articles.join(",\n"));
        let lines: String = articles.iter().map(|a| format!("{a}\n")).collect();
        let broken: String = articles.iter().map(|a| format!("{}\n", &a[1..])).collect();
        for (name, text, json_lines) in [
            ("compact", &compact, false),
            ("pretty", &pretty, false),
            ("stream", &lines, false),
            ("lines", &lines, true),
            ("broken", &broken, true),
        ] {
            let mut r = Reader::default();
            r.read_text(name, text, json_lines);
            let found = r.articles.len() + r.problems.len();
            assert_eq!(found, 2000, "{name}: {:?}", r.problems.first());
            assert!(
                r.cursor.scanned <= text.len(),
                "{name}: {} bytes examined for {}",
                r.cursor.scanned,
                text.len()
            );
        }
        // And the positions are right: the last article of the compact array.
        let mut r = Reader::default();
        r.read_text(
            "c.json",
            &format!("[{},\n {{\"id\":\"x\"}}]", articles.join(",")),
            false,
        );
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].position, Some((2, 2)), "{}", r.problems[0]);
        let mut r = Reader::default();
        r.read_text(
            "c.json",
            &format!("[{},{{\"id\":\"x\"}}]", articles.join(",")),
            false,
        );
        let column = compact.chars().count() + 1;
        assert_eq!(
            r.problems[0].position,
            Some((1, column)),
            "{}",
            r.problems[0]
        );
    }

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
