//! What an index on disk was built from, file by file: each file's stamp
//! (size, modification time), how many articles it gave and what reading
//! it left out. At the next start the files whose stamps differ are read
//! again and only their articles replaced.
//!
//! Kept beside the index in a file of its own (a directory of raw pages
//! has one entry a page: megabytes), named by the commit's payload, so
//! that the commit and its manifest are taken or left together.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::load::stamps::{Stamps, key_of};
use crate::load::tail::Tail;
use crate::load::{Lost, Parts, Problem};

/// See the module documentation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The version of tintuc that read the files: another may read them
    /// otherwise, and rebuilds.
    pub version: String,
    /// Files read and paths left out, in key order.
    pub entries: Vec<Entry>,
}

/// One file read, or one path left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub key: String,
    pub size: u64,
    pub modified: u64,
    /// Left out by the walk (not a regular file, a link seen twice...).
    pub refused: bool,
    pub articles: u64,
    pub problems: Vec<Problem>,
    /// Shares an article id with another file: which of the two keeps it
    /// depends on both, so neither is read again alone.
    pub shared: bool,
    /// Where the reading of a JSON Lines file ended, if at the end of a
    /// line: when the file only grew past it, the lines after are read.
    #[serde(default)]
    pub tail: Option<Tail>,
}

/// What changed in a collection since its manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// The files to read (new or changed), as numbers in the stamps.
    pub read: Vec<usize>,
    /// The keys of the files whose articles leave the index (changed or
    /// gone).
    pub gone: Vec<String>,
    /// How many of the files read are new.
    pub added: usize,
    /// Whether a file changed or gone shares ids with another.
    pub shared: bool,
    /// JSON Lines files that may only have grown (see [`Entry::tail`]):
    /// their numbers in the stamps, and how many articles they gave.
    pub grown: Vec<(usize, Tail, u64)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.read.is_empty() && self.gone.is_empty() && self.grown.is_empty()
    }

    /// A file thought grown is read again whole after all (it changed
    /// before its end).
    pub fn read_whole(&mut self, stamps: &Stamps, number: usize) {
        if let Some(s) = stamps.files.get(number) {
            self.read.push(number);
            self.read.sort_unstable();
            self.gone.push(s.key.clone());
        }
    }
}

/// What the lines appended to a JSON Lines file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grown {
    /// The file's number in the stamps.
    pub number: usize,
    /// Where its reading ends now.
    pub tail: Tail,
    pub articles: u64,
    pub problems: Vec<Problem>,
}

impl Manifest {
    /// The manifest of files just read (`parts`, stamped by `stamps`) from
    /// the collection at `root`.
    pub fn of(root: &Path, stamps: &Stamps, parts: &Parts) -> Manifest {
        let stamp_of: BTreeMap<&str, (u64, u64)> = stamps
            .files
            .iter()
            .map(|s| (s.key.as_str(), (s.size, s.modified)))
            .collect();
        let mut entries: Vec<Entry> = parts
            .parts
            .iter()
            .enumerate()
            .map(|(i, part)| {
                let key = key_of(root, &part.path);
                // A file changed between its stamp and its reading is
                // stamped as it was: the next start reads it again.
                let (size, modified) = stamp_of.get(key.as_str()).copied().unwrap_or((0, 0));
                Entry {
                    size,
                    modified,
                    refused: part.refused,
                    articles: part.articles.len() as u64,
                    problems: parts
                        .problems
                        .get(part.problems.clone())
                        .unwrap_or_default()
                        .to_vec(),
                    shared: parts.shared.contains(&i),
                    tail: part.tail,
                    key,
                }
            })
            .collect();
        entries.sort_by(|a, b| a.key.cmp(&b.key));
        Manifest {
            version: env!("CARGO_PKG_VERSION").to_string(),
            entries,
        }
    }

    /// Every problem, in file order.
    pub fn problems(&self) -> Vec<Problem> {
        self.entries
            .iter()
            .flat_map(|e| e.problems.iter().cloned())
            .collect()
    }

    /// How many articles the files gave.
    pub fn articles(&self) -> u64 {
        self.entries.iter().map(|e| e.articles).sum()
    }

    /// What differs between the files this manifest was made from and
    /// the files now (`stamps`).
    pub fn changes(&self, stamps: &Stamps) -> Changes {
        let known: BTreeMap<&str, &Entry> = self
            .entries
            .iter()
            .filter(|e| !e.refused)
            .map(|e| (e.key.as_str(), e))
            .collect();
        let mut changes = Changes::default();
        let mut present = std::collections::BTreeSet::new();
        for (i, s) in stamps.files.iter().enumerate() {
            present.insert(s.key.as_str());
            match known.get(s.key.as_str()) {
                None => {
                    changes.read.push(i);
                    changes.added += 1;
                }
                Some(e) if (e.size, e.modified) != (s.size, s.modified) => {
                    if let Some(tail) = e.tail.filter(|t| !e.shared && s.size >= t.end) {
                        changes.grown.push((i, tail, e.articles));
                        continue;
                    }
                    changes.read.push(i);
                    changes.gone.push(s.key.clone());
                    changes.shared |= e.shared;
                }
                Some(_) => {}
            }
        }
        for (key, e) in &known {
            if !present.contains(key) {
                changes.gone.push((*key).to_string());
                changes.shared |= e.shared;
            }
        }
        changes
    }

    /// This manifest with the files of `changes` replaced by what reading
    /// them gave (`parts`), the files that grew by what their new lines
    /// gave (`grown`), and the paths left out now (`stamps`).
    pub fn updated(
        &self,
        root: &Path,
        stamps: &Stamps,
        (changes, grown): (&Changes, &[Grown]),
        parts: &Parts,
    ) -> Manifest {
        let gone: std::collections::BTreeSet<&str> =
            changes.gone.iter().map(String::as_str).collect();
        let fresh = Manifest::of(root, stamps, parts);
        let read: std::collections::BTreeSet<String> =
            fresh.entries.iter().map(|e| e.key.clone()).collect();
        let mut entries: Vec<Entry> = self
            .entries
            .iter()
            // Paths left out are told again as the walk finds them now.
            .filter(|e| !e.refused && !gone.contains(e.key.as_str()) && !read.contains(&e.key))
            .cloned()
            .chain(fresh.entries)
            .collect();
        for g in grown {
            let Some(now) = stamps.files.get(g.number) else {
                continue;
            };
            if let Some(e) = entries.iter_mut().find(|e| e.key == now.key) {
                (e.size, e.modified, e.tail) = (now.size, now.modified, Some(g.tail));
                e.articles += g.articles;
                e.problems.extend(g.problems.iter().cloned());
            }
        }
        for r in &stamps.refused {
            let key = key_of(root, &r.path);
            if !read.contains(&key) {
                entries.push(Entry {
                    key,
                    size: 0,
                    modified: 0,
                    refused: true,
                    articles: 0,
                    problems: vec![Problem {
                        file: r.path.display().to_string(),
                        position: None,
                        message: r.why.clone(),
                        lost: Lost::File,
                    }],
                    shared: false,
                    tail: None,
                });
            }
        }
        entries.sort_by(|a, b| a.key.cmp(&b.key));
        Manifest {
            version: self.version.clone(),
            entries,
        }
    }

    /// Writes the manifest in `dir` under `name`, whole or not at all.
    pub fn save(&self, dir: &Path, name: &str) -> io::Result<()> {
        let bytes = serde_json::to_vec(self).map_err(io::Error::other)?;
        crate::atomic_write::Destination::resolve(&dir.join(name))?.write(&bytes)
    }

    /// The manifest `name` in `dir`, if it is there and readable.
    pub fn load(dir: &Path, name: &str) -> Option<Manifest> {
        let bytes = std::fs::read(dir.join(name)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

/// The name of the manifest of a commit made from files of this
/// fingerprint.
pub fn name(fingerprint: u64) -> String {
    format!("files-{fingerprint:016x}.json")
}

/// Removes the manifests of `dir` other than `kept`: their commits are
/// gone.
pub fn remove_others(dir: &Path, kept: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if name != kept && name.starts_with("files-") && name.ends_with(".json") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests;
