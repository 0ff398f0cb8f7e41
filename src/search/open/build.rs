//! Reading a collection and indexing it anew on disk, as it is read.

use std::path::{Path, PathBuf};

use super::{At, How, Opened, in_memory, segments_at};
use crate::gazetteer::Gazetteer;
use crate::load::stamps::key_of;
use crate::load::{self, DataSource, LoadError, Parts};
use crate::progress::Progress;
use crate::search::Engine;
use crate::search::store::disk::{self, BuildError};
use crate::search::store::document::to_document;
use crate::search::store::manifest::Manifest;

/// Reads `source` (its files stamped in `at`) and indexes it anew in
/// `at.dir`, for the reason `why`; in memory when the index cannot be
/// kept there.
///
/// # Errors
/// When nothing in the collection can be read, or the index made cannot
/// be opened.
pub(super) fn rebuild(
    source: &DataSource,
    at: &At<'_>,
    why: String,
    progress: &Progress,
) -> Result<Opened, LoadError> {
    let failed = |e: &dyn std::fmt::Display| LoadError::whole(source.name(), e.to_string());
    let (dir, root) = (at.dir, at.root);
    let walk = at.stamps.walk();
    // Read and indexed as it is read: the collection is never in memory
    // whole (a block of a large file at a time).
    let mut read: Option<Parts> = None;
    let built = disk::rebuild(dir, at.sources, |writer, fields| {
        let mut indexing = Indexing::new(writer, fields, root, progress);
        let parts = load::read_parts_into(walk, progress, &mut |path, batch| {
            indexing.add(path, batch);
        });
        let added = indexing.finish()?;
        // What is left: tantivy's commit (sorting the vocabulary).
        progress.start_indexing(added);
        let files = Manifest::of(root, at.settled, &parts);
        let nothing = added == 0 && !parts.problems.is_empty();
        read = Some(parts);
        if nothing {
            return Err(BuildError::Nothing);
        }
        Ok(files)
    });
    let (index, fields) = match built {
        Ok(built) => built,
        Err(BuildError::Nothing) => {
            return Err(LoadError {
                problems: read.map(|p| p.problems).unwrap_or_default(),
            });
        }
        Err(BuildError::Busy) => {
            if let Some((index, fields)) = disk::last(dir) {
                let segs = segments_at(dir, &index, fields, false).map_err(|e| failed(&e))?;
                return Ok(Opened {
                    engine: Engine::of(segs),
                    // As the last index was told them.
                    problems: disk::last_problems(dir),
                    how: How::Last,
                });
            }
            progress.restart();
            return in_memory(source, progress, Some(BuildError::Busy.to_string()));
        }
        Err(e) => {
            let note = format!("cannot keep the index in {}: {e}", dir.display());
            progress.restart();
            return in_memory(source, progress, Some(note));
        }
    };
    let segs = segments_at(dir, &index, fields, true).map_err(|e| failed(&e))?;
    progress.finish();
    Ok(Opened {
        engine: Engine::of(segs),
        problems: read.map(|p| p.problems).unwrap_or_default(),
        how: How::Built(why),
    })
}

/// Articles added to an index as they are read, each with its file's
/// key and its place in the file; the first failure stops the adding.
pub(super) struct Indexing<'a> {
    writer: &'a mut tantivy::IndexWriter,
    fields: &'a crate::search::store::Fields,
    root: &'a Path,
    progress: &'a Progress,
    /// The file being read, its key, and the place of its next article.
    file: (PathBuf, String, u64),
    /// Where the articles of files read in part are numbered from.
    starts: std::collections::HashMap<PathBuf, u64>,
    added: u64,
    failed: Option<tantivy::TantivyError>,
}

impl<'a> Indexing<'a> {
    pub(super) fn new(
        writer: &'a mut tantivy::IndexWriter,
        fields: &'a crate::search::store::Fields,
        root: &'a Path,
        progress: &'a Progress,
    ) -> Indexing<'a> {
        Indexing {
            writer,
            fields,
            root,
            progress,
            file: (PathBuf::new(), String::new(), 0),
            starts: std::collections::HashMap::new(),
            added: 0,
            failed: None,
        }
    }

    /// The articles of `path` are numbered from `first` (those before
    /// were indexed earlier).
    pub(super) fn start_at(&mut self, path: &Path, first: u64) {
        self.starts.insert(path.to_path_buf(), first);
    }

    pub(super) fn add(&mut self, path: &Path, batch: Vec<crate::model::Article>) {
        if self.failed.is_some() {
            return;
        }
        if self.file.0 != path {
            let first = self.starts.get(path).copied().unwrap_or(0);
            self.file = (path.to_path_buf(), key_of(self.root, path), first);
        }
        let g = Gazetteer::embedded();
        for a in &batch {
            let doc = to_document(a, (&self.file.1, self.file.2), self.fields, g);
            if let Err(e) = self.writer.add_document(doc) {
                self.failed = Some(e);
                return;
            }
            self.file.2 += 1;
            self.added += 1;
            self.progress.add_indexed(1);
        }
    }

    /// How many articles were added, or why adding stopped.
    pub(super) fn finish(self) -> Result<u64, BuildError> {
        match self.failed {
            Some(e) => Err(e.into()),
            None => Ok(self.added),
        }
    }
}
