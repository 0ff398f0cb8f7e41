//! Reading a source: the files of a directory, each file framed into its
//! articles (an array, a stream of objects, JSON Lines), each article
//! validated, every problem placed by file, line and column.

use std::collections::HashMap;
use std::path::Path;

use serde_json::value::RawValue;

use super::article::{self, Parsed, parse_article};
use super::position::{Cursor, position, serde_offset, strip_serde_position};
use super::scan;
use super::tail::{self, Tail, Tailing, TailingRead};
use super::{Lost, Problem};
use crate::files;
use crate::model::Article;
use crate::progress::Progress;

/// Collection files larger than this are refused unread: the text and
/// the articles made from it must fit in memory together.
pub const MAX_COLLECTION_BYTES: u64 = 4 << 30;

/// Array files larger than this are read in blocks of about this size
/// once their articles are located (see [`Reader::read_array_blocks`]).
const BLOCK: usize = 32 << 20;

/// Where articles go as they are read, instead of being kept: the file
/// they come from, and a batch of its articles in file order.
pub type Sink<'p> = &'p mut dyn FnMut(&Path, Vec<Article>);

#[derive(Default)]
pub(super) struct Reader<'p> {
    /// Where bytes and articles read are counted, for whoever shows them.
    progress: Option<&'p Progress>,
    /// Where articles read go, file by file and block by block, so that
    /// a large collection is never in memory whole; none: kept in
    /// `articles`.
    sink: Option<Sink<'p>>,
    /// How many articles went to the sink.
    handed: usize,
    pub(super) articles: Vec<Article>,
    pub(super) problems: Vec<Problem>,
    /// Block size for large array files; [`BLOCK`] when 0.
    block: usize,
    /// Where each id was first seen: file, line, column, and the number
    /// of the file's part.
    seen: HashMap<String, (String, usize, usize, usize)>,
    /// What each file read (or left out) gave, in order.
    pub(super) parts: Vec<Part>,
    /// The parts that share an id with another part (the later one's
    /// article left out): they stand or fall together.
    pub(super) shared: std::collections::BTreeSet<usize>,
    /// The last position computed in the text being read, so that finding
    /// each article's line and column is linear in the file size.
    cursor: Cursor,
    /// Lines and articles of the file before the text (see
    /// [`super::appended`]): positions and numbers go on from them.
    pub(super) before: (u64, u64),
    /// Where the JSON Lines file being read ended, when it ends a line.
    tail: Option<Tail>,
}

/// Whether reading a directory reads this file: a collection or a raw
/// page.
pub(crate) fn is_read(path: &Path) -> bool {
    is_collection_file(path) || crate::ingest::is_raw_article(path)
}

fn is_collection_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("json" | "jsonl" | "ndjson")
    )
}

impl<'p> Reader<'p> {
    /// A reader counting what it reads in `progress`.
    pub(super) fn counting(progress: &'p Progress) -> Reader<'p> {
        Reader {
            progress: Some(progress),
            ..Reader::default()
        }
    }

    /// A reader counting in `progress` and handing the articles it reads
    /// to `sink`.
    pub(super) fn handing(progress: &'p Progress, sink: Sink<'p>) -> Reader<'p> {
        Reader {
            progress: Some(progress),
            sink: Some(sink),
            ..Reader::default()
        }
    }

    /// Hands the articles read so far (all of `path`) to the sink, if
    /// there is one.
    pub(super) fn hand_over(&mut self, path: &Path) {
        if let Some(sink) = self.sink.as_mut()
            && !self.articles.is_empty()
        {
            let batch = std::mem::take(&mut self.articles);
            self.handed += batch.len();
            sink(path, batch);
        }
    }
}

impl Reader<'_> {
    /// A file, or the collection files of a directory and its
    /// subdirectories; what the walk left out is reported in path order
    /// among the files.
    pub(super) fn read_path(&mut self, path: &Path) {
        self.read_walk(files::walk(path, &is_read));
    }

    /// The files of a walk, and what it left out, in path order.
    pub(super) fn read_walk(&mut self, walk: files::Walk) {
        let mut refused = walk.refused;
        refused.sort_by(|a, b| a.path.cmp(&b.path));
        let mut refused = refused.into_iter().peekable();
        // Sizes first, for an estimate of the time left (as the walk saw
        // them, if it looked).
        let sizes: Vec<u64> = if walk.stats.len() == walk.files.len() {
            walk.stats.iter().map(|s| s.0).collect()
        } else {
            walk.files
                .iter()
                .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
                .collect()
        };
        if let Some(p) = self.progress {
            p.add_total(sizes.iter().sum());
        }
        let mut read = 0;
        for (file, size) in walk.files.iter().zip(sizes) {
            while let Some(r) = refused.next_if(|r| r.path < *file) {
                self.refused(r);
            }
            let (articles, problems) = (self.count(), self.problems.len());
            self.tail = None;
            self.read_file(file);
            self.hand_over(file);
            self.parts.push(Part {
                path: file.clone(),
                articles: articles..self.count(),
                problems: problems..self.problems.len(),
                refused: false,
                tail: self.tail.take(),
            });
            read += size;
            if let Some(p) = self.progress {
                p.done_up_to(read);
            }
        }
        for r in refused {
            self.refused(r);
        }
    }

    /// How many articles were read (handed over or kept).
    pub(super) fn count(&self) -> usize {
        self.handed + self.articles.len()
    }

    /// A path the walk left out: a problem, and a part without articles.
    fn refused(&mut self, r: files::Refusal) {
        let (articles, problems) = (self.count(), self.problems.len());
        self.problem(r.path.display().to_string(), None, r.why, Lost::File);
        self.parts.push(Part {
            path: r.path,
            articles: articles..articles,
            problems: problems..self.problems.len(),
            refused: true,
            tail: None,
        });
    }

    fn read_file(&mut self, path: &Path) {
        let name = path.display().to_string();
        if crate::ingest::is_raw_article(path) {
            return self.read_raw(path, name);
        }
        let (file, size) = match files::open_regular(path) {
            Ok(opened) => opened,
            Err(e) => return self.problem(name, None, e.to_string(), Lost::File),
        };
        let lines = tail::is_json_lines(path);
        let block = if self.block == 0 { BLOCK } else { self.block };
        // A large file is located without being held, then read back in
        // blocks: memory stays near a block whatever the file or one of
        // its articles weighs. What the scan cannot follow is read whole.
        let file = if size > block as u64 {
            let mut read = TailingRead {
                inner: std::io::BufReader::new(&file),
                tailing: Tailing::default(),
            };
            match scan::spans(&mut read, lines) {
                Ok(Some(spans)) => {
                    // What the scan went through is what is read back.
                    self.tail = read.tailing.tail().filter(|_| lines);
                    self.cursor = Cursor::default();
                    return self.read_array_blocks(&name, path, &spans, block);
                }
                Ok(None) => match files::open_regular(path) {
                    Ok((file, _)) => file,
                    Err(e) => return self.problem(name, None, e.to_string(), Lost::File),
                },
                Err(e) => return self.problem(name, None, format!("cannot read: {e}"), Lost::File),
            }
        } else {
            file
        };
        let bytes = match files::read_opened(file, size, MAX_COLLECTION_BYTES) {
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
        if lines {
            self.tail = Tailing::of(text.as_bytes());
        }
        // A new text: positions start again (another file may have been
        // given the same address).
        self.cursor = Cursor::default();
        self.read_text(&name, text, lines);
    }

    /// `json_lines` reads one article per line; otherwise the form is
    /// chosen by the first character: `[` for an array, `{` for a stream of
    /// objects (one per line or spread over several).
    pub(super) fn read_text(&mut self, name: &str, text: &str, json_lines: bool) {
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
                    let items = values
                        .into_iter()
                        .enumerate()
                        .map(|(i, raw)| Framed::Article(raw, i + 1))
                        .collect();
                    self.read_framed(name, text, items);
                }
                Err(e) => self.json_error(name, text, skip, &e, Lost::File),
            }
        }
    }

    /// JSON Lines: a bad line is reported and the others still load.
    pub(super) fn read_lines(&mut self, name: &str, text: &str, skip: usize) {
        let mut items = Vec::new();
        let mut start = skip;
        let earlier = usize::try_from(self.before.1).unwrap_or(usize::MAX);
        for line in text[skip..].split_inclusive('\n') {
            if !line.trim().is_empty() {
                let index = earlier.saturating_add(items.len() + 1);
                let line_text = text[start..start + line.len()].trim_end();
                items.push(match serde_json::from_str::<&RawValue>(line_text) {
                    Ok(raw) => Framed::Article(raw, index),
                    Err(error) => Framed::Malformed { base: start, error },
                });
            }
            start += line.len();
        }
        self.read_framed(name, text, items);
    }

    /// A stream of objects: after a syntax error, reading resumes on the
    /// next line so later articles still load.
    fn read_stream(&mut self, name: &str, text: &str, mut start: usize) {
        let mut items = Vec::new();
        while start < text.len() {
            let mut stream =
                serde_json::Deserializer::from_str(&text[start..]).into_iter::<&RawValue>();
            let mut failed = false;
            for item in stream.by_ref() {
                let index = items.len() + 1;
                match item {
                    Ok(raw) => items.push(Framed::Article(raw, index)),
                    Err(error) => {
                        items.push(Framed::Malformed { base: start, error });
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
        self.read_framed(name, text, items);
    }

    /// Reads what framing found, in the same way for every layout (so that
    /// none is slower than another): positions in one pass in file order,
    /// the articles validated on all cores, then taken in order (duplicate
    /// ids depend on the articles before).
    fn read_framed(&mut self, name: &str, text: &str, items: Vec<Framed<'_>>) {
        use rayon::prelude::*;
        let cursor = &mut self.cursor;
        let lines_before = usize::try_from(self.before.0).unwrap_or(usize::MAX);
        let mut position = |offset: usize| {
            let (line, column) = cursor.position(text, offset);
            (line.saturating_add(lines_before), column)
        };
        let placed: Vec<Placed<'_>> = items
            .into_iter()
            .map(|item| match item {
                Framed::Article(raw, index) => {
                    Placed::Article(raw, index, position(offset_in(text, raw)))
                }
                Framed::Malformed { base, error } => Placed::Malformed(
                    position(serde_offset(text, base, &error)),
                    strip_serde_position(&error.to_string()),
                ),
            })
            .collect();
        let progress = self.progress;
        let parsed: Vec<Option<Parsed>> = placed
            .par_iter()
            .map(|item| match item {
                Placed::Article(raw, index, at) => {
                    if let Some(p) = progress {
                        p.add_done(raw.get().len() as u64);
                    }
                    Some(parse_article(name, raw.get(), *index, *at))
                }
                Placed::Malformed(..) => None,
            })
            .collect();
        for (item, parsed) in placed.into_iter().zip(parsed) {
            match (item, parsed) {
                (Placed::Malformed(at, message), _) => self.problem(
                    name.to_string(),
                    Some(at),
                    format!("malformed JSON: {message}"),
                    Lost::Article,
                ),
                (Placed::Article(..), Some(parsed)) => self.accept(name, parsed),
                (Placed::Article(..), None) => {}
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
        if let Some((file, l, c, part)) = self.seen.get(&article.id) {
            let message = format!(
                "duplicate id \"{}\" (article #{index}); first used at {file}:{l}:{c}",
                article.id
            );
            self.share(*part);
            return self.problem(name.into(), Some(at), message, Lost::Article);
        }
        let part = self.parts.len();
        self.seen
            .insert(article.id.clone(), (name.to_string(), line, column, part));
        self.problems.extend(later);
        self.articles.push(article);
        if let Some(p) = self.progress {
            p.set_articles(self.count() as u64);
        }
    }

    /// A raw scraped article (`.txt`) or saved page (`.html`), ingested on the fly; its id is the
    /// file stem.
    fn read_raw(&mut self, path: &Path, name: String) {
        let article = match crate::ingest::ingest_file(path) {
            Ok(ingested) => ingested.article,
            Err(e) => return self.problem(name, None, e.to_string(), Lost::File),
        };
        if let Some((file, l, c, part)) = self.seen.get(&article.id) {
            let message = format!(
                "duplicate id \"{}\"; first used at {file}:{l}:{c}",
                article.id
            );
            self.share(*part);
            return self.problem(name, None, message, Lost::File);
        }
        let part = self.parts.len();
        self.seen.insert(article.id.clone(), (name, 1, 1, part));
        self.articles.push(article);
        if let Some(p) = self.progress {
            p.set_articles(self.count() as u64);
        }
    }

    /// An article of the file being read has the id of one in part
    /// `first`: when that is another file, both are marked shared.
    fn share(&mut self, first: usize) {
        let this = self.parts.len();
        if first != this {
            self.shared.insert(first);
            self.shared.insert(this);
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

/// What one file of a collection gave: its articles and problems (ranges
/// of the reader's), or only the problem of a path left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub path: std::path::PathBuf,
    pub articles: std::ops::Range<usize>,
    pub problems: std::ops::Range<usize>,
    pub refused: bool,
    /// Where a JSON Lines file's reading ended (see [`super::tail`]).
    pub tail: Option<Tail>,
}

/// What framing a text found, in file order: an article's JSON (and its
/// number in the file), or a syntax error (in JSON Lines and streams the
/// reading goes on after it).
enum Framed<'a> {
    Article(&'a RawValue, usize),
    Malformed {
        base: usize,
        error: serde_json::Error,
    },
}

/// [`Framed`], placed at its line and column.
enum Placed<'a> {
    Article(&'a RawValue, usize, (usize, usize)),
    Malformed((usize, usize), String),
}

/// Byte offset of a raw value inside the text it was parsed from.
fn offset_in(text: &str, raw: &RawValue) -> usize {
    raw.get().as_ptr() as usize - text.as_ptr() as usize
}

mod blocks;
#[cfg(test)]
mod tests;
