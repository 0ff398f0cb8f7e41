//! What tintuc remembers between runs: which articles were read or
//! bookmarked, where each was scrolled to, the last query and a bounded
//! query history, the selected article.
//!
//! The file is written atomically (temporary file in the same directory,
//! fsync, rename, fsync of the directory), so a crash at any moment leaves
//! the old or the new file, never a torn one. Saving re-reads the file
//! under an exclusive lock and applies only what this process changed, so
//! two tintuc processes at once do not undo each other (the last writer
//! wins per field). A file that cannot be read is moved aside, not lost.

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_write::Destination;

/// How many past queries are kept.
pub const HISTORY_LIMIT: usize = 200;
const VERSION: u32 = 1;

/// Per-article state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleState {
    #[serde(default, skip_serializing_if = "is_false")]
    pub read: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub bookmarked: bool,
    /// Where the reading pane was scrolled to: the position in the
    /// article's text of the first line shown (the same whatever the
    /// width the article is wrapped at); 0 is the top.
    #[serde(default, skip_serializing_if = "is_zero")]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    #[serde(default)]
    version: u32,
    #[serde(default)]
    articles: BTreeMap<String, ArticleState>,
    #[serde(default)]
    last_query: String,
    #[serde(default)]
    history: Vec<String>,
    #[serde(default)]
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

    /// What `is:` terms see of article `id`.
    pub fn marks(&self, id: &str) -> crate::search::Marks {
        let a = self.article(id);
        crate::search::Marks {
            read: a.read,
            bookmarked: a.bookmarked,
        }
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

/// What loading found, besides the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadNote {
    /// The file was unreadable or corrupt and was moved to this path.
    MovedAside { to: PathBuf, reason: String },
}

impl StateFile {
    pub fn new(path: impl Into<PathBuf>) -> StateFile {
        StateFile { path: path.into() }
    }

    /// `$XDG_STATE_HOME/tintuc/state.json`, else
    /// `~/.local/state/tintuc/state.json`; `None` without either.
    pub fn default_path(xdg_state_home: Option<&Path>, home: Option<&Path>) -> Option<PathBuf> {
        let base = match xdg_state_home.filter(|p| p.is_absolute()) {
            Some(x) => x.to_path_buf(),
            None => home?.join(".local").join("state"),
        };
        Some(base.join("tintuc").join("state.json"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Loads the state; a missing file is a fresh state, a corrupt one is
    /// moved aside (and said so) and a fresh state returned.
    pub fn load(&self) -> (ReadingState, Option<LoadNote>) {
        match self.read() {
            Ok(state) => (state, None),
            // Only a regular file is moved aside: a device or a FIFO
            // given as the state file is never renamed.
            Err(reason) if Destination::resolve(&self.path).is_err() => (
                ReadingState::default(),
                Some(LoadNote::MovedAside {
                    to: self.path.clone(),
                    reason,
                }),
            ),
            Err(reason) => {
                let to = self.aside_path();
                match fs::rename(&self.path, &to) {
                    Ok(()) => (
                        ReadingState::default(),
                        Some(LoadNote::MovedAside { to, reason }),
                    ),
                    Err(e) => (
                        ReadingState::default(),
                        Some(LoadNote::MovedAside {
                            to: self.path.clone(),
                            reason: format!("{reason}; could not move it aside: {e}"),
                        }),
                    ),
                }
            }
        }
    }

    /// The state on disk, for a reader that changes nothing (`tintuc
    /// search`): a missing file is a fresh state, a corrupt one an error
    /// and left where it is.
    pub fn peek(&self) -> Result<ReadingState, String> {
        self.read()
    }

    /// The state on disk; a missing file is a fresh state.
    fn read(&self) -> Result<ReadingState, String> {
        let text = match fs::read(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(ReadingState::default()),
            Err(e) => return Err(e.to_string()),
        };
        serde_json::from_slice(&text).map_err(|e| e.to_string())
    }

    fn aside_path(&self) -> PathBuf {
        let stamp = jiff::Timestamp::now().as_second();
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "state.json".into());
        self.path.with_file_name(format!("{name}.corrupt-{stamp}"))
    }

    /// Saves the unsaved changes of `state`, merged with what is on disk,
    /// and makes `state` the merged result.
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
        // A corrupt file on disk was already reported at load; our state wins.
        let disk = self.read().unwrap_or_default();
        let merged = state.merged_into(disk);
        let mut json = serde_json::to_vec_pretty(&merged).map_err(io::Error::other)?;
        json.push(b'\n');
        destination.write_locked(&json)?;
        *state = merged;
        Ok(())
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
}
