//! What tintuc remembers between runs: which articles were read or
//! bookmarked, where each was scrolled to, the last query and a bounded
//! query history, the selected article.
//!
//! The file is written atomically (temporary file in the same directory,
//! fsync, rename, fsync of the directory), so a crash at any moment leaves
//! the old or the new file, never a torn one. Saving re-reads the file
//! under an exclusive lock and applies only what this process changed, so
//! two tintuc processes at once do not undo each other (the last writer
//! wins per field). A value that cannot be read is left out (and named),
//! not the whole file; a file that is not a state file at all is moved
//! aside, not lost; a file from a newer tintuc is read but not written.

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

mod parse;

use crate::atomic_write::Destination;
use crate::regular_file::read_regular;

/// How many past queries are kept.
pub const HISTORY_LIMIT: usize = 200;
const VERSION: u32 = 1;

/// Per-article state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleState {
    #[serde(skip_serializing_if = "is_false")]
    pub read: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub bookmarked: bool,
    /// Where the reading pane was scrolled to: the position in the
    /// article's text of the first line shown (the same whatever the
    /// width the article is wrapped at); 0 is the top.
    #[serde(skip_serializing_if = "is_zero")]
    pub scroll: u32,
}

fn is_false(b: &bool) -> bool {
    !b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl ArticleState {
    fn is_default(&self) -> bool {
        *self == ArticleState::default()
    }
}

/// The remembered state. Every change is also noted as dirty so that
/// saving can merge it into what another process may have written.
/// Read field by field (see `parse`), or at once when the whole file is
/// valid, which is what serde's `Deserialize` is for here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadingState {
    version: u32,
    articles: BTreeMap<String, ArticleState>,
    last_query: String,
    history: Vec<String>,
    selected: Option<String>,
    #[serde(skip)]
    dirty: Dirty,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Dirty {
    /// Article ids with the fields changed: read, bookmarked, scroll.
    articles: BTreeMap<String, [bool; 3]>,
    last_query: bool,
    history: Vec<String>,
    selected: bool,
}

impl ReadingState {
    pub fn article(&self, id: &str) -> ArticleState {
        self.articles.get(id).copied().unwrap_or_default()
    }

    pub fn is_read(&self, id: &str) -> bool {
        self.article(id).read
    }

    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.article(id).bookmarked
    }

    /// Whether every article is read and bookmarked alike in both.
    pub fn same_marks(&self, other: &ReadingState) -> bool {
        let marked = |s: &ReadingState| {
            s.articles
                .iter()
                .filter(|(_, a)| a.read || a.bookmarked)
                .map(|(id, a)| (id.clone(), a.read, a.bookmarked))
                .collect::<Vec<_>>()
        };
        marked(self) == marked(other)
    }

    pub fn scroll(&self, id: &str) -> u32 {
        self.article(id).scroll
    }

    fn update(&mut self, id: &str, change: impl FnOnce(&mut ArticleState)) {
        let before = self.article(id);
        let mut after = before;
        change(&mut after);
        if after == before {
            return;
        }
        if after.is_default() {
            self.articles.remove(id);
        } else {
            self.articles.insert(id.to_string(), after);
        }
        let fields = self.dirty.articles.entry(id.to_string()).or_default();
        fields[0] |= after.read != before.read;
        fields[1] |= after.bookmarked != before.bookmarked;
        fields[2] |= after.scroll != before.scroll;
    }

    pub fn set_read(&mut self, id: &str, read: bool) {
        self.update(id, |a| a.read = read);
    }

    /// Toggles the bookmark; returns whether it is now set.
    pub fn toggle_bookmark(&mut self, id: &str) -> bool {
        self.update(id, |a| a.bookmarked = !a.bookmarked);
        self.is_bookmarked(id)
    }

    pub fn set_scroll(&mut self, id: &str, line: u32) {
        self.update(id, |a| a.scroll = line);
    }

    pub fn last_query(&self) -> &str {
        &self.last_query
    }

    pub fn set_last_query(&mut self, query: &str) {
        if self.last_query != query {
            self.last_query = query.to_string();
            self.dirty.last_query = true;
        }
    }

    /// Past queries, oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Remembers a query (moved to the end if already there).
    pub fn push_history(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() || self.history.last().is_some_and(|q| q == query) {
            return;
        }
        push_bounded(&mut self.history, query);
        self.dirty.history.push(query.to_string());
    }

    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    pub fn set_selected(&mut self, id: Option<&str>) {
        if self.selected.as_deref() != id {
            self.selected = id.map(str::to_string);
            self.dirty.selected = true;
        }
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty != Dirty::default()
    }

    /// `disk` with this state's unsaved changes applied on top.
    fn merged_into(&self, mut disk: ReadingState) -> ReadingState {
        for (id, [read, bookmarked, scroll]) in &self.dirty.articles {
            let mine = self.article(id);
            let mut merged = disk.article(id);
            if *read {
                merged.read = mine.read;
            }
            if *bookmarked {
                merged.bookmarked = mine.bookmarked;
            }
            if *scroll {
                merged.scroll = mine.scroll;
            }
            if merged.is_default() {
                disk.articles.remove(id);
            } else {
                disk.articles.insert(id.clone(), merged);
            }
        }
        if self.dirty.last_query {
            disk.last_query = self.last_query.clone();
        }
        for q in &self.dirty.history {
            push_bounded(&mut disk.history, q);
        }
        if self.dirty.selected {
            disk.selected = self.selected.clone();
        }
        disk.version = VERSION;
        disk.dirty = Dirty::default();
        disk
    }
}

fn push_bounded(history: &mut Vec<String>, query: &str) {
    history.retain(|q| q != query);
    history.push(query.to_string());
    if history.len() > HISTORY_LIMIT {
        let excess = history.len() - HISTORY_LIMIT;
        history.drain(..excess);
    }
}

/// The state file on disk.
#[derive(Debug, Clone)]
pub struct StateFile {
    path: PathBuf,
}

/// The largest state file read: far more than a million articles' marks
/// and positions, and a bound on what a wrong path can make tintuc read.
pub const MAX_STATE_BYTES: u64 = 64 * 1024 * 1024;

/// What loading found, besides the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadNote {
    /// The file was not a state file at all and was moved to this path.
    MovedAside { to: PathBuf, reason: String },
    /// The file could not be read (not a regular file, too large, not
    /// readable) and is left as it is; nothing was read from it.
    NotRead { reason: String },
    /// The file was read, but not all of it: `dropped` names the values
    /// left out, and `newer` is the version of a file written by a newer
    /// tintuc, which is not written over.
    Partial {
        dropped: Vec<String>,
        newer: Option<u64>,
    },
}

/// Why a state file could not be read at all.
enum ReadError {
    /// Not JSON, or not an object: moved aside on load.
    Corrupt(String),
    /// Not a regular file, too large, unreadable: left alone.
    Unreadable(String),
}

impl ReadError {
    fn into_reason(self) -> String {
        match self {
            ReadError::Corrupt(r) | ReadError::Unreadable(r) => r,
        }
    }
}

impl StateFile {
    pub fn new(path: impl Into<PathBuf>) -> StateFile {
        StateFile { path: path.into() }
    }

    /// `$XDG_STATE_HOME/tintuc/state.json`, else
    /// `~/.local/state/tintuc/state.json`; `None` without either. Paths
    /// that are not absolute (an empty `HOME`, a relative XDG variable)
    /// are ignored, as the XDG specification says: they would put the
    /// state wherever tintuc happens to be started.
    pub fn default_path(xdg_state_home: Option<&Path>, home: Option<&Path>) -> Option<PathBuf> {
        Some(crate::files::xdg_dir(xdg_state_home, home, ".local/state")?.join("state.json"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Loads the state: a missing file is a fresh state; a file that is
    /// not a state file at all is moved aside (and said so); one that
    /// cannot be read is left alone (and said so); values that cannot be
    /// read are left out one by one (and named).
    pub fn load(&self) -> (ReadingState, Option<LoadNote>) {
        match self.read() {
            Ok(None) => (ReadingState::default(), None),
            Ok(Some(parsed)) => {
                let note = (!parsed.dropped.is_empty() || parsed.newer.is_some()).then_some(
                    LoadNote::Partial {
                        dropped: parsed.dropped,
                        newer: parsed.newer,
                    },
                );
                (parsed.state, note)
            }
            Err(ReadError::Unreadable(reason)) => {
                (ReadingState::default(), Some(LoadNote::NotRead { reason }))
            }
            Err(ReadError::Corrupt(reason)) => {
                (ReadingState::default(), Some(self.move_aside(reason)))
            }
        }
    }

    /// Moves a corrupt file aside (the file a link leads to, beside it).
    fn move_aside(&self, reason: String) -> LoadNote {
        let from = match Destination::resolve(&self.path) {
            Ok(d) => d.path().to_path_buf(),
            Err(e) => {
                return LoadNote::NotRead {
                    reason: format!("{reason}; {e}"),
                };
            }
        };
        let to = aside_path(&from);
        match fs::rename(&from, &to) {
            Ok(()) => LoadNote::MovedAside { to, reason },
            Err(e) => LoadNote::NotRead {
                reason: format!("{reason}; could not move it aside: {e}"),
            },
        }
    }

    /// The state on disk, for a reader that changes nothing (`tintuc
    /// search`): a missing file is a fresh state, values that cannot be
    /// read are left out, and a file that cannot be read at all is an
    /// error and left where it is.
    pub fn peek(&self) -> Result<ReadingState, String> {
        match self.read() {
            Ok(parsed) => Ok(parsed.map(|p| p.state).unwrap_or_default()),
            Err(e) => Err(e.into_reason()),
        }
    }

    /// The state on disk; `None` when there is no file. The file is
    /// opened without blocking (a FIFO given as the state file would
    /// otherwise wait forever for a writer), and only a regular file of
    /// at most [`MAX_STATE_BYTES`] is read.
    fn read(&self) -> Result<Option<parse::Parsed>, ReadError> {
        match read_regular(&self.path, MAX_STATE_BYTES) {
            Ok(None) => Ok(None),
            Ok(Some(bytes)) => parse::parse(&bytes).map(Some).map_err(ReadError::Corrupt),
            Err(why) => Err(ReadError::Unreadable(why.to_string())),
        }
    }

    /// Saves the unsaved changes of `state`, merged with what is on disk,
    /// and makes `state` the merged result. A file written by a newer
    /// tintuc is not written over (what only it knows would be lost): that
    /// is an error, so that the changes are not thought saved.
    pub fn save(&self, state: &mut ReadingState) -> io::Result<()> {
        // Through a link to its target; never over a device or a FIFO.
        let destination = Destination::resolve(&self.path)?;
        fs::create_dir_all(destination.dir())?;
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(destination.path().with_extension("lock"))?;
        lock.lock()?;
        let disk = match self.read() {
            Ok(Some(parsed)) => {
                if let Some(version) = parsed.newer {
                    return Err(io::Error::other(format!(
                        "it was written by a newer tintuc (version {version}) and is not \
                         written over; these changes are not kept"
                    )));
                }
                parsed.state
            }
            Ok(None) => ReadingState::default(),
            // A corrupt file on disk was already reported at load; our
            // state wins.
            Err(ReadError::Corrupt(_)) => ReadingState::default(),
            Err(ReadError::Unreadable(reason)) => return Err(io::Error::other(reason)),
        };
        let merged = state.merged_into(disk);
        let mut json = serde_json::to_vec_pretty(&merged).map_err(io::Error::other)?;
        json.push(b'\n');
        destination.write_locked(&json)?;
        *state = merged;
        Ok(())
    }
}

/// `state.json.corrupt-<seconds>` beside `path`.
fn aside_path(path: &Path) -> PathBuf {
    let stamp = jiff::Timestamp::now().as_second();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state.json".into());
    path.with_file_name(format!("{name}.corrupt-{stamp}"))
}

/// `is:` terms read the marks from here, their one owner.
impl crate::search::MarkSource for ReadingState {
    fn for_each_marked(&self, each: &mut dyn FnMut(&str, crate::search::Marks)) {
        for (id, a) in &self.articles {
            if a.read || a.bookmarked {
                let marks = crate::search::Marks {
                    read: a.read,
                    bookmarked: a.bookmarked,
                };
                each(id, marks);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_path_follows_xdg() {
        assert_eq!(
            StateFile::default_path(Some(Path::new("/x/state")), Some(Path::new("/home/u"))),
            Some(PathBuf::from("/x/state/tintuc/state.json"))
        );
        assert_eq!(
            StateFile::default_path(Some(Path::new("relative")), Some(Path::new("/home/u"))),
            Some(PathBuf::from("/home/u/.local/state/tintuc/state.json"))
        );
        assert_eq!(StateFile::default_path(None, None), None);
        // An empty or relative HOME is no home: never the current directory.
        assert_eq!(
            StateFile::default_path(Some(Path::new("")), Some(Path::new(""))),
            None
        );
        assert_eq!(
            StateFile::default_path(Some(Path::new("x")), Some(Path::new("home"))),
            None
        );
    }

    #[test]
    fn history_is_bounded_and_moves_repeats_to_the_end() {
        let mut s = ReadingState::default();
        for i in 0..HISTORY_LIMIT + 10 {
            s.push_history(&format!("q{i}"));
        }
        assert_eq!(s.history().len(), HISTORY_LIMIT);
        s.push_history("q50");
        assert_eq!(s.history().last().map(String::as_str), Some("q50"));
        assert_eq!(s.history().iter().filter(|q| *q == "q50").count(), 1);
    }

    #[test]
    fn marks_compare_by_read_and_bookmark_only() {
        let mut a = ReadingState::default();
        let mut b = ReadingState::default();
        a.set_scroll("x", 3);
        b.push_history("q");
        assert!(a.same_marks(&b), "positions and queries are not marks");
        a.set_read("x", true);
        assert!(!a.same_marks(&b));
        b.set_read("x", true);
        assert!(a.same_marks(&b));
        b.toggle_bookmark("y");
        assert!(!a.same_marks(&b));
        assert!(!b.same_marks(&a));
        a.toggle_bookmark("y");
        assert!(a.same_marks(&b));
        a.set_read("x", false);
        assert!(!a.same_marks(&b));
    }
}
