//! A collection's index on disk: found again when it was built from the
//! same files by the same format, rebuilt otherwise, never trusted when
//! it cannot be read.
//!
//! Inside the index directory: `tantivy/` (the index itself) and
//! `tintuc.lock`, held by whoever builds, so that two tintuc processes
//! never build one index at once. What the index was built from is in
//! the payload of its last commit, and file by file in the manifest the
//! payload names (see [`super::manifest`]). A rebuild is made in
//! `tantivy.new/` and replaces `tantivy/` only once committed, so a kill
//! during it leaves the index that was there; an update is one commit.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexWriter};

use super::manifest::{self, Manifest};
use super::schema::{FORMAT, Fields};
use super::{WRITER_BUDGET, register_tokenizer};

/// What an index was built from, written with its commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Built {
    pub format: u32,
    /// A fingerprint of the collection's files (names, sizes, times).
    pub sources: u64,
    pub articles: u64,
    /// What reading the sources left out, told again at every start.
    #[serde(default)]
    pub problems: Vec<crate::load::Problem>,
    /// The name of the manifest of the files read, in the index's
    /// directory.
    #[serde(default)]
    pub manifest: Option<String>,
}

/// What was found in an index directory.
#[derive(Debug)]
pub enum Found {
    /// Built by this format from these sources: ready to search, with
    /// what reading them left out.
    Current(Index, Fields, Vec<crate::load::Problem>),
    /// Built by this format from other sources, whose files are listed
    /// in this manifest: brought up to date by reading what changed.
    Changed(Index, Fields, Manifest),
    /// Missing, or built from other sources or by another format, or
    /// unreadable: why, in a few words.
    Outdated(String),
}

/// Why an index could not be built on disk.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("another tintuc is indexing this collection")]
    Busy,
    /// Nothing could be read from the collection: nothing to index.
    #[error("nothing in the collection could be read")]
    Nothing,
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("{0}")]
    Index(#[from] tantivy::TantivyError),
}

/// Why an index is built when there was none, or its collection changed:
/// the ordinary reasons, not worth a word to the user.
pub const NO_INDEX: &str = "no index yet";
pub const CHANGED: &str = "the collection changed";

fn tantivy_dir(dir: &Path) -> PathBuf {
    dir.join("tantivy")
}

/// Opens and checks, turning every failure, a panic of a corrupt index
/// included, into a reason.
fn open_checked(dir: &Path) -> Result<(Index, Fields, Option<Built>), String> {
    let path = tantivy_dir(dir);
    if !path.join("meta.json").is_file() {
        return Err(NO_INDEX.into());
    }
    let opened = std::panic::catch_unwind(|| -> Result<_, String> {
        let index = Index::open_in_dir(&path).map_err(|e| e.to_string())?;
        register_tokenizer(&index);
        let fields = Fields::of(&index.schema()).ok_or("the index has other fields")?;
        let built = index
            .load_metas()
            .map_err(|e| e.to_string())?
            .payload
            .and_then(|p| serde_json::from_str::<Built>(&p).ok());
        // Reading the segments once finds missing or truncated files.
        let reader: tantivy::IndexReader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| e.to_string())?;
        drop(reader.searcher());
        Ok((index, fields, built))
    });
    opened.unwrap_or_else(|_| Err("the index is damaged".into()))
}

/// What reading the collection left out, as the last commit in `dir`
/// was told it.
pub fn last_problems(dir: &Path) -> Vec<crate::load::Problem> {
    open_checked(dir)
        .ok()
        .and_then(|(_, _, built)| built)
        .map(|b| b.problems)
        .unwrap_or_default()
}

/// The last commit in `dir`, whatever it was built from, if it opens.
pub fn last(dir: &Path) -> Option<(Index, Fields)> {
    open_checked(dir)
        .ok()
        .map(|(index, fields, _)| (index, fields))
}

/// The index in `dir`, if it is current for `sources`.
pub fn find(dir: &Path, sources: u64) -> Found {
    match open_checked(dir) {
        Err(why) => Found::Outdated(why),
        Ok((_, _, None)) => Found::Outdated("the index was never finished".into()),
        Ok((_, _, Some(b))) if b.format != FORMAT => {
            Found::Outdated(format!("the index has format {}, not {FORMAT}", b.format))
        }
        Ok((index, fields, Some(b))) if b.sources != sources => {
            match b.manifest.and_then(|name| Manifest::load(dir, &name)) {
                Some(m) if m.version == env!("CARGO_PKG_VERSION") => {
                    Found::Changed(index, fields, m)
                }
                _ => Found::Outdated(CHANGED.into()),
            }
        }
        Ok((index, fields, Some(b))) => Found::Current(index, fields, b.problems),
    }
}

/// Holds the directory's lock while building.
struct Lock(File);

impl Lock {
    fn take(dir: &Path) -> Result<Lock, BuildError> {
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("tintuc.lock"))?;
        match file.try_lock() {
            Ok(()) => Ok(Lock(file)),
            Err(fs::TryLockError::WouldBlock) => Err(BuildError::Busy),
            Err(fs::TryLockError::Error(e)) => Err(e.into()),
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Commits what `writer` holds, with what it was built from: the files
/// of `sources`, listed in `files` (saved first: a commit never names a
/// manifest that is not there).
fn commit(
    dir: &Path,
    writer: &mut IndexWriter,
    sources: u64,
    files: &Manifest,
) -> Result<String, BuildError> {
    let name = manifest::name(sources);
    files.save(dir, &name)?;
    let built = Built {
        format: FORMAT,
        sources,
        articles: files.articles(),
        problems: files.problems(),
        manifest: Some(name.clone()),
    };
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(&serde_json::to_string(&built).map_err(io::Error::other)?);
    commit.commit()?;
    Ok(name)
}

/// Builds the index in `dir` anew, committed with what it was built
/// from. `add` is called with the writer and the fields, adds the
/// articles, and gives the manifest of the files they came from.
pub fn rebuild(
    dir: &Path,
    sources: u64,
    add: impl FnOnce(&mut IndexWriter, &Fields) -> Result<Manifest, BuildError>,
) -> Result<(Index, Fields), BuildError> {
    fs::create_dir_all(dir)?;
    let _lock = Lock::take(dir)?;
    // Built beside the index in use, which stays whole until the new one
    // is committed: a kill or a full disk during the build loses nothing.
    let fresh = dir.join("tantivy.new");
    if fresh.exists() {
        fs::remove_dir_all(&fresh)?;
    }
    fs::create_dir_all(&fresh)?;
    let (schema, fields) = Fields::schema();
    let index = Index::create_in_dir(&fresh, schema)?;
    register_tokenizer(&index);
    let threads = super::writer_threads();
    let mut writer: IndexWriter =
        index.writer_with_num_threads(threads, WRITER_BUDGET * threads)?;
    let files = add(&mut writer, &fields)?;
    let kept = commit(dir, &mut writer, sources, &files)?;
    writer.wait_merging_threads()?;
    drop(index);
    let path = tantivy_dir(dir);
    let old = dir.join("tantivy.old");
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    if path.exists() {
        fs::rename(&path, &old)?;
    }
    fs::rename(&fresh, &path)?;
    // Processes still reading the old index keep its files open.
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    manifest::remove_others(dir, &kept);
    let index = Index::open_in_dir(&path)?;
    register_tokenizer(&index);
    Ok((index, fields))
}

/// Brings `index` (in `dir`) up to the files of `sources`: `edit`
/// deletes and adds articles and gives the manifest of the files now, and
/// all of it is committed at once; or it gives none, and nothing is
/// (whether something was).
pub fn update(
    dir: &Path,
    index: &Index,
    sources: u64,
    edit: impl FnOnce(&mut IndexWriter, &Fields) -> Result<Option<Manifest>, BuildError>,
) -> Result<bool, BuildError> {
    let _lock = Lock::take(dir)?;
    let fields = Fields::of(&index.schema())
        .ok_or_else(|| io::Error::other("the index has other fields"))?;
    let threads = super::writer_threads();
    let mut writer: IndexWriter =
        index.writer_with_num_threads(threads, WRITER_BUDGET * threads)?;
    let Some(files) = edit(&mut writer, &fields)? else {
        // Dropped uncommitted: what was added is forgotten.
        return Ok(false);
    };
    let kept = commit(dir, &mut writer, sources, &files)?;
    writer.wait_merging_threads()?;
    manifest::remove_others(dir, &kept);
    Ok(true)
}

#[cfg(test)]
mod tests;
