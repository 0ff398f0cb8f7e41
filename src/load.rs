//! Loading a collection: where it comes from, reading JSON array and JSON
//! Lines files (and raw `.txt` articles, through [`crate::ingest`]),
//! validating each article, and reporting every problem with its file,
//! line and column.
//!
//! Parsing is two-step: the file is first split into raw article values
//! (which gives each one's position), then each is read into a lenient raw
//! form and validated field by field, so one bad article is named precisely
//! and does not hide the problems of the others.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::{Date, Time};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::model::{Article, Collection, Paragraph, ParagraphKind};
use crate::text::{escape_for_message, sanitize_inline};

/// The collection compiled into the binary, so that an installed binary
/// always opens something.
pub const EMBEDDED_ARTICLES: &str = include_str!("../data/articles.json");
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
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The file's name and the values quoted in the message are data.
        let (file, message) = (
            escape_for_message(&self.file),
            escape_for_message(&self.message),
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
        const SHOWN: usize = 20;
        for (i, p) in self.problems.iter().take(SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        if self.problems.len() > SHOWN {
            write!(
                f,
                "\n… and {} more problems (`tintuc check` lists them all)",
                self.problems.len() - SHOWN
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

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
    let mut reader = Reader::default();
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

/// Array files larger than this are read in blocks of about this size
/// once their articles are located (see [`Reader::read_array_blocks`]).
const BLOCK: usize = 32 << 20;

#[derive(Default)]
struct Reader {
    articles: Vec<Article>,
    problems: Vec<Problem>,
    /// Block size for large array files; [`BLOCK`] when 0.
    block: usize,
    /// Where each id was first seen: file, line, column.
    seen: HashMap<String, (String, usize, usize)>,
    /// The last position computed in the text being read, so that finding
    /// each article's line is linear in the file size, not quadratic.
    cursor: Cursor,
}

#[derive(Default)]
struct Cursor {
    text: usize,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl Cursor {
    /// Line and column (1-based, in characters) of `offset` in `text`.
    fn position(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let bytes = text.as_bytes();
        let offset = offset.min(bytes.len());
        if self.text != text.as_ptr() as usize || offset < self.offset {
            *self = Cursor {
                text: text.as_ptr() as usize,
                ..Cursor::default()
            };
        }
        for (i, &b) in bytes[self.offset..offset].iter().enumerate() {
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = offset;
        let column = bytes[self.line_start..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        (self.line + 1, column)
    }
}

fn is_collection_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("json" | "jsonl" | "ndjson")
    )
}

impl Reader {
    fn read_path(&mut self, path: &Path) {
        if path.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = collect_files(path, &mut files) {
                self.problem(path.display().to_string(), None, e.to_string());
                return;
            }
            files.sort();
            for file in files {
                self.read_file(&file);
            }
        } else {
            self.read_file(path);
        }
    }

    fn read_file(&mut self, path: &Path) {
        let name = path.display().to_string();
        if crate::ingest::is_raw_article(path) {
            return self.read_raw(path, name);
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return self.problem(name, None, format!("cannot read: {e}")),
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
                );
            }
        };
        let lines = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("jsonl" | "ndjson")
        );
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
                Err(e) => return self.json_error(&name, text, skip, &e),
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
        let mut file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => return self.problem(name.into(), None, changed(e.to_string())),
        };
        let mut buf: Vec<u8> = Vec::new();
        let mut i = 0;
        while i < spans.len() {
            let start = spans[i].0.start;
            let mut j = i + 1;
            while j < spans.len() && spans[j].0.end - start <= block {
                j += 1;
            }
            let end = spans[j - 1].0.end;
            buf.resize(end - start, 0);
            if let Err(e) = file
                .seek(SeekFrom::Start(start as u64))
                .and_then(|_| file.read_exact(&mut buf))
            {
                return self.problem(name.into(), None, changed(e.to_string()));
            }
            let Ok(text) = simdutf8::basic::from_utf8(&buf) else {
                return self.problem(name.into(), None, changed("not UTF-8".into()));
            };
            let parsed: Vec<Parsed> = spans[i..j]
                .par_iter()
                .enumerate()
                .map(|(k, (range, at))| {
                    let slice = &text[range.start - start..range.end - start];
                    match serde_json::from_str::<&RawValue>(slice) {
                        Ok(raw) => parse_article(name, raw, i + k + 1, *at),
                        Err(e) => Parsed::rejected(
                            *at,
                            i + k + 1,
                            Problem {
                                file: name.to_string(),
                                position: Some(*at),
                                message: changed(e.to_string()),
                            },
                        ),
                    }
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
                    let parsed: Vec<Parsed> = values
                        .par_iter()
                        .zip(at.par_iter())
                        .enumerate()
                        .map(|(i, (raw, &at))| parse_article(name, raw, i + 1, at))
                        .collect();
                    for p in parsed {
                        self.accept(name, p);
                    }
                }
                Err(e) => self.json_error(name, text, skip, &e),
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
                    Err(e) => self.json_error(name, text, start, &e),
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
                        self.json_error(name, text, start, &e);
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

    fn json_error(&mut self, name: &str, text: &str, base: usize, e: &serde_json::Error) {
        let (line, column) = serde_position(text, base, e);
        let message = strip_serde_position(&e.to_string());
        self.problem(
            name.to_string(),
            Some((line, column)),
            format!("malformed JSON: {message}"),
        );
    }

    fn read_article(&mut self, name: &str, text: &str, raw: &RawValue, index: usize) {
        let at = self.cursor.position(text, offset_in(text, raw));
        let parsed = parse_article(name, raw, index, at);
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
            return self.problem(name.into(), Some(at), message);
        }
        self.seen
            .insert(article.id.clone(), (name.to_string(), line, column));
        self.problems.extend(later);
        self.articles.push(article);
    }

    /// A raw scraped article (`.txt`), ingested on the fly; its id is the
    /// file stem.
    fn read_raw(&mut self, path: &Path, name: String) {
        let article = match crate::ingest::ingest_file(path) {
            Ok(ingested) => ingested.article,
            Err(e) => return self.problem(name, None, e.to_string()),
        };
        if let Some((file, l, c)) = self.seen.get(&article.id) {
            let message = format!(
                "duplicate id \"{}\"; first used at {file}:{l}:{c}",
                article.id
            );
            return self.problem(name, None, message);
        }
        self.seen.insert(article.id.clone(), (name, 1, 1));
        self.articles.push(article);
    }

    fn problem(&mut self, file: String, position: Option<(usize, usize)>, message: String) {
        self.problems.push(Problem {
            file,
            position,
            message,
        });
    }
}

/// Byte offset of a raw value inside the text it was parsed from.
fn offset_in(text: &str, raw: &RawValue) -> usize {
    raw.get().as_ptr() as usize - text.as_ptr() as usize
}

impl Parsed {
    fn rejected(at: (usize, usize), index: usize, problem: Problem) -> Parsed {
        Parsed {
            article: None,
            at,
            index,
            problem: Some(problem),
            later: Vec::new(),
        }
    }
}

/// One article read and validated on its own.
struct Parsed {
    article: Option<Article>,
    /// Line and column of the article.
    at: (usize, usize),
    index: usize,
    /// A problem that rejects the article (no id, no title, bad JSON).
    problem: Option<Problem>,
    /// Problems with a field, reported if the article is taken.
    later: Vec<Problem>,
}

fn parse_article(name: &str, raw: &RawValue, index: usize, at: (usize, usize)) -> Parsed {
    let mut out = Parsed {
        article: None,
        at,
        index,
        problem: None,
        later: Vec::new(),
    };
    let problem = |position, message| Problem {
        file: name.to_string(),
        position,
        message,
    };
    let parsed: RawArticle = match serde_json::from_str(raw.get()) {
        Ok(a) => a,
        Err(e) => {
            // Where in the article, then where the article is.
            let (l, c) = serde_position(raw.get(), 0, &e);
            let (l, c) = if l == 1 {
                (at.0, at.1 + c - 1)
            } else {
                (at.0 + l - 1, c)
            };
            let message = strip_serde_position(&e.to_string());
            out.problem = Some(problem(
                Some((l, c)),
                format!("article #{index}: {message}"),
            ));
            return out;
        }
    };
    let id = parsed.id.map(|i| sanitize_inline(&i)).unwrap_or_default();
    if id.is_empty() {
        out.problem = Some(problem(Some(at), format!("article #{index} has no id")));
        return out;
    }
    let title = parsed
        .title
        .map(|t| sanitize_inline(&t))
        .unwrap_or_default();
    if title.is_empty() {
        out.problem = Some(problem(
            Some(at),
            format!("article #{index} (id \"{id}\") has no title"),
        ));
        return out;
    }
    let mut date = None;
    let mut time = None;
    if let Some(d) = parsed
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        match parse_date(d) {
            Ok((d, t)) => {
                date = Some(d);
                time = t;
            }
            Err(why) => out.later.push(problem(
                Some(at),
                format!("article \"{id}\": date \"{d}\" {why}"),
            )),
        }
    }
    if let Some(t) = parsed
        .time
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        match parse_time(t) {
            Some(t) => time = Some(t),
            None => out.later.push(problem(
                Some(at),
                format!("article \"{id}\": time \"{t}\" is not a time of day (HH:MM)"),
            )),
        }
    }
    let mut places: Vec<String> = Vec::new();
    for p in parsed.places.0 {
        let p = sanitize_inline(&p);
        if !p.is_empty() && !places.contains(&p) {
            places.push(p);
        }
    }
    let clean = |s: Option<Cow<'_, str>>| s.map(|s| sanitize_inline(&s)).filter(|s| !s.is_empty());
    let body = parsed
        .body
        .0
        .into_iter()
        .filter_map(|(kind, text)| {
            let text = sanitize_inline(&text);
            (!text.is_empty()).then(|| Paragraph::new(kind, text))
        })
        .collect();
    out.article = Some(Article {
        id,
        title,
        date,
        time,
        places,
        author: clean(parsed.author),
        source: clean(parsed.source),
        body,
    });
    out
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if is_collection_file(&path) || crate::ingest::is_raw_article(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// 1-based line and character column of byte `offset`.
pub fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    // Count characters, not bytes: continuation bytes do not start one.
    let column = before[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
        + 1;
    (line, column)
}

/// serde_json reports a line and a byte column relative to the text it was
/// given, which starts at `base` in the file; this gives the file's line
/// and character column.
fn serde_position(text: &str, base: usize, e: &serde_json::Error) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut at = base;
    for _ in 1..e.line() {
        match bytes[at..].iter().position(|&b| b == b'\n') {
            Some(nl) => at += nl + 1,
            None => break,
        }
    }
    // The column is of the last byte read; point at that character.
    let at = (at + e.column().saturating_sub(1)).min(bytes.len());
    position(bytes, at)
}

/// serde_json appends " at line L column C", which is relative to the
/// fragment and so misleading here.
fn strip_serde_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Parses a date as written in collections: `YYYY-MM-DD`, an RFC 3339
/// timestamp (shown in Vietnam's time, UTC+7), or `DD/MM/YYYY`.
pub fn parse_date(s: &str) -> Result<(Date, Option<Time>), String> {
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        let local = ts.to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(7)));
        return Ok((local.date(), Some(local.time())));
    }
    if let Some((y, m, d)) = split3(s, '-') {
        return make_date(y, m, d).map(|d| (d, None));
    }
    if let Some((d, m, y)) = split3(s, '/') {
        return make_date(y, m, d).map(|d| (d, None));
    }
    if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
        return Ok((dt.date(), Some(dt.time())));
    }
    Err("is not a date (YYYY-MM-DD)".into())
}

fn split3(s: &str, sep: char) -> Option<(i64, i64, i64)> {
    let mut parts = s.split(sep);
    let a = parts.next()?.trim().parse().ok()?;
    let b = parts.next()?.trim().parse().ok()?;
    let c = parts.next()?.trim().parse().ok()?;
    parts.next().is_none().then_some((a, b, c))
}

fn make_date(y: i64, m: i64, d: i64) -> Result<Date, String> {
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
        return Err("is out of range".into());
    };
    Date::new(y, m, d).map_err(|_| "does not exist in the calendar".to_string())
}

pub fn parse_time(s: &str) -> Option<Time> {
    let mut parts = s.split(':');
    let h: i8 = parts.next()?.trim().parse().ok()?;
    let m: i8 = parts.next()?.trim().parse().ok()?;
    let sec: i8 = match parts.next() {
        Some(p) => p.trim().parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Time::new(h, m, sec, 0).ok()
}

/// An article as written, before validation: every field optional and
/// lenient in type where a reasonable writer might differ.
#[derive(Deserialize)]
struct RawArticle<'a> {
    #[serde(default, borrow, deserialize_with = "de_id")]
    id: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    date: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    time: Option<Cow<'a, str>>,
    #[serde(default)]
    places: Places,
    #[serde(default, borrow)]
    author: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    source: Option<Cow<'a, str>>,
    #[serde(default)]
    body: Body,
}

/// Ids may be strings or whole numbers.
fn de_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    struct IdVisitor;
    impl<'de> Visitor<'de> for IdVisitor {
        type Value = Option<Cow<'de, str>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string or a whole number")
        }
        fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Borrowed(v)))
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_owned())))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_any(IdVisitor)
}

/// Places: a list of names, or one name.
#[derive(Default)]
struct Places(Vec<String>);

impl<'de> Deserialize<'de> for Places {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Places;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of place names")
            }
            fn visit_str<E>(self, v: &str) -> Result<Places, E> {
                Ok(Places(vec![v.to_owned()]))
            }
            fn visit_unit<E>(self) -> Result<Places, E> {
                Ok(Places::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Places, A::Error> {
                let mut out = Vec::new();
                while let Some(p) = seq.next_element::<String>()? {
                    out.push(p);
                }
                Ok(Places(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// The body: a list of paragraphs (strings, or `{"kind", "text"}` objects),
/// or one string whose blank lines separate paragraphs.
#[derive(Default)]
struct Body(Vec<(ParagraphKind, String)>);

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Body;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of paragraphs or a string")
            }
            fn visit_str<E>(self, v: &str) -> Result<Body, E> {
                Ok(Body(split_paragraphs(v)))
            }
            fn visit_unit<E>(self) -> Result<Body, E> {
                Ok(Body::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Body, A::Error> {
                let mut out = Vec::new();
                while let Some(RawParagraph(kind, text)) = seq.next_element()? {
                    out.push((kind, text));
                }
                Ok(Body(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// Paragraphs of a plain string body are separated by blank lines.
fn split_paragraphs(s: &str) -> Vec<(ParagraphKind, String)> {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    let mut current = String::new();
    for line in unified.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push((ParagraphKind::Text, std::mem::take(&mut current)));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        out.push((ParagraphKind::Text, current));
    }
    out
}

struct RawParagraph(ParagraphKind, String);

impl<'de> Deserialize<'de> for RawParagraph {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawParagraph;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a paragraph: a string or {\"kind\": ..., \"text\": ...}")
            }
            fn visit_str<E>(self, v: &str) -> Result<RawParagraph, E> {
                Ok(RawParagraph(ParagraphKind::Text, v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawParagraph, A::Error> {
                let mut kind = ParagraphKind::Text;
                let mut text = None;
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match key.as_ref() {
                        "kind" => {
                            let name: Cow<'de, str> = map.next_value()?;
                            kind = ParagraphKind::from_name(&name).ok_or_else(|| {
                                de::Error::custom(format!(
                                    "unknown paragraph kind \"{name}\" \
                                     (expected text, subheading or caption)"
                                ))
                            })?;
                        }
                        "text" => text = Some(map.next_value::<String>()?),
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                Ok(RawParagraph(kind, text))
            }
        }
        d.deserialize_any(V)
    }
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

    #[test]
    fn cursor_agrees_with_position() {
        let text = "[\n{\"a\": 1},\n  {\"b\": \"Từ\"}, {\"c\": 2}\n]";
        let mut cursor = Cursor::default();
        for offset in [0, 2, 5, 14, 17, 30, 31, text.len()] {
            assert_eq!(
                cursor.position(text, offset),
                position(text.as_bytes(), offset),
                "{offset}"
            );
        }
        // Going back starts again from the beginning.
        assert_eq!(cursor.position(text, 3), position(text.as_bytes(), 3));
    }

    #[test]
    fn position_counts_characters() {
        let text = "ab\nTừ x";
        assert_eq!(position(text.as_bytes(), 0), (1, 1));
        assert_eq!(position(text.as_bytes(), 3), (2, 1));
        let x = text.find('x').unwrap_or(0);
        assert_eq!(position(text.as_bytes(), x), (2, 4));
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2020-09-03").map(|d| d.0),
            Ok(jiff::civil::date(2020, 9, 3))
        );
        assert_eq!(
            parse_date("03/09/2020").map(|d| d.0),
            Ok(jiff::civil::date(2020, 9, 3))
        );
        let (d, t) = parse_date("2020-09-02T20:00:00Z").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (d, t),
            (
                jiff::civil::date(2020, 9, 3),
                Some(jiff::civil::time(3, 0, 0, 0))
            )
        );
        assert!(parse_date("2020-02-30").is_err());
        assert!(parse_date("hôm qua").is_err());
    }

    #[test]
    fn body_string_splits_at_blank_lines() {
        let b = split_paragraphs("a\nb\n\n\nc\r\n");
        assert_eq!(
            b,
            vec![
                (ParagraphKind::Text, "a b".to_string()),
                (ParagraphKind::Text, "c".to_string())
            ]
        );
    }
}
