//! Bringing an index on disk up to date with its collection: the files
//! new or changed since are read and their articles added, the articles
//! of files changed or gone deleted, all in one commit. What a full
//! reading would decide otherwise (an id moving between files) is left
//! to a rebuild.

use std::collections::BTreeSet;
use std::path::Path;

use tantivy::{Index, Term};

use super::At;
use super::build::Indexing;
use crate::load::tail::{self, Tail};
use crate::load::{self, Problem};
use crate::model::Article;
use crate::progress::Progress;
use crate::search::store::disk::{self, BuildError};
use crate::search::store::manifest::{Changes, Grown, Manifest};
use crate::search::store::segments::Segments;

/// What an update did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Update {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    /// JSON Lines files that only grew: their new lines alone were read.
    pub grew: usize,
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
        if self.grew > 0 {
            parts.push(format!("{} {} grew", self.grew, files(self.grew)));
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
    let mut changes = files.changes(at.stamps);
    if changes.shared {
        return Ok(None);
    }
    let grew = only_grown(at, &mut changes);
    let walk = at.stamps.walk_some(changes.read.iter().copied());
    let gone: BTreeSet<&str> = changes.gone.iter().map(String::as_str).collect();
    let before = Segments::open(index, fields)?;
    let mut done = Update {
        added: changes.added,
        changed: changes.read.len() - changes.added,
        grew: grew.iter().filter(|g| g.now.end > g.then.end).count(),
        ..Update::default()
    };
    done.removed = changes.gone.len() - done.changed;
    let mut problems = Vec::new();
    let committed = disk::update(at.dir, index, at.sources, |writer, fields| {
        for key in &changes.gone {
            writer.delete_term(Term::from_field_text(fields.file, key));
        }
        let mut indexing = Indexing::new(writer, fields, at.root, progress);
        for g in &grew {
            if let Some(s) = at.stamps.files.get(g.number) {
                // Numbered on from the articles the file gave before.
                indexing.start_at(&s.path, g.articles);
            }
        }
        let mut shared = false;
        let mut sink = |path: &Path, batch: Vec<Article>| {
            shared = shared || shares_kept_ids(&before, &batch, &gone);
            if !shared {
                indexing.add(path, batch);
            }
        };
        // The lines appended to files that only grew.
        let mut grown = Vec::new();
        for g in &grew {
            let Some(path) = at.stamps.files.get(g.number).map(|s| &s.path) else {
                continue;
            };
            let Some((articles, problems)) =
                load::read_appended(path, (&g.then, &g.now), progress, &mut sink)
            else {
                // Not text after all: everything is read again.
                return Ok(None);
            };
            grown.push(Grown {
                number: g.number,
                tail: g.now,
                articles: articles as u64,
                problems,
            });
        }
        let parts = load::read_parts_into(walk, progress, &mut sink);
        let added = indexing.finish()?;
        let updated = files.updated(at.root, at.settled, (&changes, &grown), &parts);
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

/// A JSON Lines file that only grew: where its reading ended before and
/// ends now, and how many articles it gave before.
struct Growth {
    number: usize,
    then: Tail,
    now: Tail,
    articles: u64,
}

/// The files of `changes` that only grew, their bytes before checked
/// unchanged; the others, and those that grew by more than is read on
/// its own, are read again whole.
fn only_grown(at: &At<'_>, changes: &mut Changes) -> Vec<Growth> {
    let mut grew = Vec::new();
    for (number, then, articles) in std::mem::take(&mut changes.grown) {
        let now = at.stamps.files.get(number).and_then(|s| {
            let more = s.size.saturating_sub(then.end);
            (more <= load::MAX_APPENDED_BYTES)
                .then(|| tail::grown(&s.path, &then, s.size))
                .flatten()
        });
        match now {
            Some(now) => grew.push(Growth {
                number,
                then,
                now,
                articles,
            }),
            None => changes.read_whole(at.stamps, number),
        }
    }
    grew
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
