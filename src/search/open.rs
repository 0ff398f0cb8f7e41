//! Opening a collection for search: its index on disk when it is current
//! (nothing parsed), else the collection read and indexed there, else
//! (no place to write, or another tintuc indexing it) indexed in memory.

mod build;
mod update;

use std::path::{Path, PathBuf};

use super::store::disk::{self, BuildError, Found};
use super::store::segments::Segments;
use super::{Engine, IndexError};
use crate::load::stamps::Stamps;
use crate::load::{self, DataSource, LoadError, Problem};
use crate::progress::Progress;
pub use update::Update;

/// Where the index of a collection is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexPlace {
    /// In this directory (made if needed).
    Dir(PathBuf),
    /// In memory only, built at every start.
    Memory,
}

impl IndexPlace {
    /// Where the index of `source` is kept: `--index` (`chosen`), else
    /// `$TINTUC_INDEX` (`env`; `memory` for none on disk), else under the
    /// cache directory (`$XDG_CACHE_HOME`, else `~/.cache`), in a
    /// directory named after the collection's canonical path. The
    /// embedded collection, or one without a home for its index, is
    /// indexed in memory.
    pub fn resolve(
        source: &DataSource,
        chosen: Option<PathBuf>,
        env: Option<std::ffi::OsString>,
        xdg_cache_home: Option<&std::path::Path>,
        home: Option<&std::path::Path>,
    ) -> IndexPlace {
        if let Some(dir) = chosen {
            return IndexPlace::Dir(dir);
        }
        match env.filter(|v| !v.is_empty()) {
            Some(v) if v == "memory" => return IndexPlace::Memory,
            Some(v) => return IndexPlace::Dir(PathBuf::from(v)),
            None => {}
        }
        let DataSource::Path(path) = source else {
            return IndexPlace::Memory;
        };
        // (Relative values of both are ignored, as XDG says.)
        let Some(cache) = super::store::location::cache_dir(xdg_cache_home, home) else {
            return IndexPlace::Memory;
        };
        // A collection that is not there is read (and its absence said)
        // without an index.
        super::store::location::index_dir(path, &cache).map_or(IndexPlace::Memory, IndexPlace::Dir)
    }
}

/// Why an index is built when `tintuc index --rebuild` asks.
pub const ASKED: &str = "asked to index again";

/// How the engine came to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// The index on disk was current: opened, nothing read.
    Opened,
    /// The collection was read and indexed on disk, for this reason
    /// ("no index yet", "the collection changed", ...).
    Built(String),
    /// The files new, changed or gone since the index was made were
    /// read (or their articles deleted), and the index brought up to date.
    Updated(Update),
    /// The collection was read and indexed in memory; with a reason when
    /// an index on disk was asked for and could not be.
    InMemory(Option<String>),
    /// Another tintuc is indexing the collection: its last index, which
    /// may be older than the files.
    Last,
}

impl How {
    /// Whether the user should hear of it: an index that could not be
    /// used or kept, not one made for the first time or for a changed
    /// collection.
    pub fn is_news(&self) -> bool {
        match self {
            How::Opened | How::InMemory(None) | How::Updated(_) => false,
            How::Built(why) => ![disk::NO_INDEX, disk::CHANGED, ASKED].contains(&why.as_str()),
            How::InMemory(Some(_)) | How::Last => true,
        }
    }
}

/// An engine, what reading the collection left out, and how it came.
#[derive(Debug)]
pub struct Opened {
    pub engine: Engine,
    pub problems: Vec<Problem>,
    pub how: How,
}

/// Opens `source` for search with its index at `place`. The embedded
/// collection is always indexed in memory.
///
/// # Errors
/// When the collection cannot be read (nothing valid in it) or indexed.
pub fn open(
    source: &DataSource,
    place: &IndexPlace,
    progress: &Progress,
) -> Result<Opened, LoadError> {
    open_or_rebuild(source, place, progress, false)
}

/// [`open`], or with `rebuild` the collection read and indexed again
/// even when its index is current.
///
/// # Errors
/// As [`open`].
pub fn open_or_rebuild(
    source: &DataSource,
    place: &IndexPlace,
    progress: &Progress,
    rebuild: bool,
) -> Result<Opened, LoadError> {
    let failed = |e: &dyn std::fmt::Display| LoadError::whole(source.name(), e.to_string());
    let (IndexPlace::Dir(dir), DataSource::Path(root), Some(stamps)) =
        (place, source, Stamps::of(source))
    else {
        return in_memory(source, progress, None);
    };
    let found = if rebuild {
        Found::Outdated(ASKED.into())
    } else {
        disk::find(dir, stamps.fingerprint())
    };
    // What is kept: files written just now are read again next time.
    let settled = stamps.clone().settled();
    let at = At {
        dir,
        root,
        sources: settled.fingerprint(),
        stamps: &stamps,
        settled: &settled,
    };
    let why = match found {
        Found::Current(index, fields, problems) => {
            let segs = segments_at(dir, &index, fields, false).map_err(|e| failed(&e))?;
            progress.finish();
            return Ok(Opened {
                engine: Engine::of(segs),
                problems,
                how: How::Opened,
            });
        }
        Found::Changed(index, fields, files) => {
            let how = match update::update(&at, &index, fields, &files, progress) {
                Ok(Some((update, problems))) => Ok((How::Updated(update), problems)),
                // Articles that move between files: read all again.
                Ok(None) => Err(disk::CHANGED.to_string()),
                // Another tintuc is updating it: the last commit.
                Err(BuildError::Busy) => Ok((How::Last, files.problems())),
                Err(e) => Err(format!("cannot update the index: {e}")),
            };
            match how {
                Ok((how, problems)) => {
                    let keep = how != How::Last;
                    let segs = segments_at(dir, &index, fields, keep).map_err(|e| failed(&e))?;
                    progress.finish();
                    return Ok(Opened {
                        engine: Engine::of(segs),
                        problems,
                        how,
                    });
                }
                Err(why) => why,
            }
        }
        Found::Outdated(why) => why,
    };
    build::rebuild(source, &at, why, progress)
}

/// The segments of `index` (in `dir`), reading what the first keystrokes
/// need (the scores of one-letter prefixes, the titles' words) where it
/// is kept there; with `keep` (the index was just written), first keeping
/// that of new segments. What is kept only saves time: failing to keep
/// it loses nothing.
fn segments_at(
    dir: &std::path::Path,
    index: &tantivy::Index,
    fields: super::store::Fields,
    keep: bool,
) -> tantivy::Result<Segments> {
    let segs = Segments::open(index, fields)?.with_kept(dir.to_path_buf());
    if keep {
        let _ = super::store::keyword::keep_ahead(&segs);
    }
    Ok(segs)
}

/// The collection and its index directory.
pub(crate) struct At<'a> {
    pub dir: &'a Path,
    pub root: &'a Path,
    /// The files as they are now.
    pub stamps: &'a Stamps,
    /// And as they are kept (see [`Stamps::settled`]).
    pub settled: &'a Stamps,
    /// The fingerprint of `settled`.
    pub sources: u64,
}

/// Reads `source` and indexes it in memory.
fn in_memory(
    source: &DataSource,
    progress: &Progress,
    note: Option<String>,
) -> Result<Opened, LoadError> {
    let opened = load::open_with(source, progress)?;
    progress.start_indexing(opened.collection.articles.len() as u64);
    indexed_in_memory(
        source,
        opened.collection.articles,
        opened.problems,
        progress,
        note,
    )
}

fn indexed_in_memory(
    source: &DataSource,
    articles: Vec<crate::model::Article>,
    problems: Vec<Problem>,
    progress: &Progress,
    note: Option<String>,
) -> Result<Opened, LoadError> {
    let engine = Engine::counting(
        crate::model::Collection {
            articles,
            origin: source.name(),
        },
        Some(progress),
    )
    .map_err(|e: IndexError| LoadError::whole(source.name(), e.to_string()))?;
    progress.finish();
    Ok(Opened {
        engine,
        problems,
        how: How::InMemory(note),
    })
}

#[cfg(test)]
mod tests;
