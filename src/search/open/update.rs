//! Bringing an index on disk up to date with its collection: the files
//! new or changed since are read and their articles added, the articles
//! of files changed or gone deleted, all in one commit. What a full
//! reading would decide otherwise (an id moving between files) is left
//! to a rebuild.

use std::collections::BTreeSet;

use tantivy::{Index, Term};

use super::At;
use super::build::Indexing;
use crate::load::{self, Problem};
use crate::model::Article;
use crate::progress::Progress;
use crate::search::store::disk::{self, BuildError};
use crate::search::store::manifest::Manifest;
use crate::search::store::segments::Segments;

/// What an update did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Update {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    /// Articles read from the files new or changed.
    pub articles: usize,
}

/// "3 files added, 1 changed, 2 removed (120 articles read)".
impl std::fmt::Display for Update {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let files = |n: usize| if n == 1 { "file" } else { "files" };
        let mut parts = Vec::new();
        for (n, what) in [
            (self.added, "added"),
            (self.changed, "changed"),
            (self.removed, "removed"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {} {what}", files(n)));
            }
        }
        if parts.is_empty() {
            parts.push("nothing changed".into());
        }
        let articles = if self.articles == 1 {
            "article"
        } else {
            "articles"
        };
        write!(
            f,
            "{} ({} {articles} read)",
            parts.join(", "),
            self.articles
        )
    }
}

/// Brings `index`, made from the files of `files`, up to the files now
/// (`at.stamps`); with what was done and every problem of the
/// collection. `None` when only reading everything again decides right:
/// a file changed or gone shares article ids with another, or an article
/// read has the id of one in a file kept, or nothing is left.
///
/// # Errors
/// When the index cannot be written (another tintuc holds it, a full or
/// read-only disk).
pub fn update(
    at: &At<'_>,
    index: &Index,
    fields: crate::search::store::Fields,
    files: &Manifest,
    progress: &Progress,
) -> Result<Option<(Update, Vec<Problem>)>, BuildError> {
    let changes = files.changes(at.stamps);
    if changes.shared {
        return Ok(None);
    }
    let walk = at.stamps.walk_some(changes.read.iter().copied());
    let gone: BTreeSet<&str> = changes.gone.iter().map(String::as_str).collect();
    let before = Segments::open(index, fields)?;
    let mut done = Update {
        added: changes.added,
        changed: changes.read.len() - changes.added,
        ..Update::default()
    };
    done.removed = changes.gone.len() - done.changed;
    let mut problems = Vec::new();
    let committed = disk::update(at.dir, index, at.sources, |writer, fields| {
        for key in &changes.gone {
            writer.delete_term(Term::from_field_text(fields.file, key));
        }
        let mut indexing = Indexing::new(writer, fields, at.root, progress);
        let mut shared = false;
        let parts = load::read_parts_into(walk, progress, &mut |path, batch| {
            shared = shared || shares_kept_ids(&before, &batch, &gone);
            if !shared {
                indexing.add(path, batch);
            }
        });
        let added = indexing.finish()?;
        let updated = files.updated(at.root, at.settled, &changes, &parts);
        if shared || updated.articles() == 0 {
            return Ok(None);
        }
        progress.start_indexing(added);
        done.articles = usize::try_from(added).unwrap_or(usize::MAX);
        problems = updated.problems();
        Ok(Some(updated))
    })?;
    Ok(committed.then_some((done, problems)))
}

/// Whether an article of `articles` has the id of one in the index whose
/// file is kept (not in `gone`).
fn shares_kept_ids(segs: &Segments, articles: &[Article], gone: &BTreeSet<&str>) -> bool {
    articles.iter().any(|a| {
        segs.find_id(&a.id)
            .is_some_and(|n| segs.file_of(n).is_none_or(|f| !gone.contains(f.as_str())))
    })
}
#[cfg(test)]
mod tests;
