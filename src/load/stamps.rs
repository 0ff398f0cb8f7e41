//! What a collection's files look like without reading them: each file's
//! path, size and modification time, and the paths a walk left out. An
//! index built from the same stamps holds the same articles; where the
//! stamps differ, only the files that differ need reading again.

use std::path::{Path, PathBuf};

use super::DataSource;
use crate::files::{self, Fnv, Refusal, Walk};

/// One file as found: where, how large, when last written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// As the walk found it (the collection's path, then the file's).
    pub path: PathBuf,
    /// Inside the collection (its file name for a collection of one file):
    /// the same whichever way the collection's path is spelled.
    pub key: String,
    /// `u64::MAX` when the file could not be looked at.
    pub size: u64,
    /// Nanoseconds since 1970; 0 when unknown.
    pub modified: u64,
}

/// The files of a collection, in the order they are read, and the paths
/// left out.
#[derive(Debug, Clone, Default)]
pub struct Stamps {
    pub files: Vec<Stamp>,
    pub refused: Vec<Refusal>,
    /// When the files were looked at, in nanoseconds since 1970.
    pub taken: u64,
}

/// A file written this close (in nanoseconds) to the time it was looked
/// at may be written again without its time changing (file systems keep
/// times in ticks, of milliseconds up to two seconds).
const RACY: u64 = 2_000_000_000;

impl Stamps {
    /// The stamps of `source`'s files; `None` for the embedded collection.
    pub fn of(source: &DataSource) -> Option<Stamps> {
        let DataSource::Path(root) = source else {
            return None;
        };
        Some(Stamps::of_walk(
            root,
            files::walk(root, &super::reader::is_read),
        ))
    }

    fn of_walk(root: &Path, walk: Walk) -> Stamps {
        let taken = nanos(std::time::SystemTime::now());
        let mut stats = walk.stats.into_iter();
        let files = walk
            .files
            .into_iter()
            .map(|path| {
                // As the walk saw it, else looked at now.
                let (size, modified) = stats.next().unwrap_or_else(|| {
                    std::fs::metadata(&path)
                        .map_or((u64::MAX, None), |m| (m.len(), m.modified().ok()))
                });
                Stamp {
                    key: key_of(root, &path),
                    size,
                    modified: modified.map_or(0, nanos),
                    path,
                }
            })
            .collect();
        Stamps {
            files,
            refused: walk.refused,
            taken,
        }
    }

    /// These stamps as they may be kept: the time of a file written too
    /// close to when it was looked at is unknown (0), so that the file is
    /// read again next time, as git does with "racily clean" files.
    #[must_use]
    pub fn settled(mut self) -> Stamps {
        for f in &mut self.files {
            if f.modified.saturating_add(RACY) >= self.taken {
                f.modified = 0;
            }
        }
        self
    }

    /// The walk these stamps were made from, its files' sizes and times
    /// included (so that reading them looks at none again).
    pub fn walk(&self) -> Walk {
        let mut walk = self.walk_some(0..self.files.len());
        walk.refused.clone_from(&self.refused);
        walk
    }

    /// The files numbered `numbers` only, as [`Stamps::walk`] gives them.
    pub fn walk_some(&self, numbers: impl IntoIterator<Item = usize>) -> Walk {
        let mut walk = Walk::default();
        for f in numbers.into_iter().filter_map(|i| self.files.get(i)) {
            walk.files.push(f.path.clone());
            let time = (f.modified != 0)
                .then(|| std::time::UNIX_EPOCH + std::time::Duration::from_nanos(f.modified));
            walk.stats.push((f.size, time));
        }
        walk
    }

    /// A fingerprint of every stamp and of this version of tintuc (which
    /// may read the same files otherwise): another fingerprint means other
    /// articles may come out.
    pub fn fingerprint(&self) -> u64 {
        let mut hash = Fnv::default();
        hash.add_part(env!("CARGO_PKG_VERSION").as_bytes());
        for f in &self.files {
            hash.add_part(f.key.as_bytes());
            hash.add_part(&f.size.to_le_bytes());
            hash.add_part(&f.modified.to_le_bytes());
        }
        for r in &self.refused {
            hash.add_part(r.path.as_os_str().as_encoded_bytes());
            hash.add_part(r.why.as_bytes());
        }
        hash.value()
    }
}

/// Nanoseconds since 1970 (0 before).
fn nanos(t: std::time::SystemTime) -> u64 {
    t.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// Stands between the components of a key: below every character a
/// name keeps as it is.
const SEPARATOR: char = '\u{1}';

/// The key of `path` inside the collection at `root`: its path from
/// `root`, each separator made [`SEPARATOR`], so that keys sort byte by
/// byte as the walk sorts paths (component by component: `a/x` before
/// `a-b/x`). A file given as the collection is keyed by its name. Control
/// characters, backslashes and bytes that are not UTF-8 are escaped
/// (`\\x01`), so two paths never share a key.
pub fn key_of(root: &Path, path: &Path) -> String {
    let inside = path
        .strip_prefix(root)
        .ok()
        .filter(|p| !p.as_os_str().is_empty());
    let inside = inside
        .or_else(|| path.file_name().map(Path::new))
        .unwrap_or(path);
    let parts: Vec<String> = inside
        .components()
        .map(|c| {
            let bytes = c.as_os_str().as_encoded_bytes();
            let mut out = String::with_capacity(bytes.len());
            for chunk in bytes.utf8_chunks() {
                for ch in chunk.valid().chars() {
                    if ch == '\\' || ch.is_control() {
                        out.extend(ch.escape_unicode());
                    } else {
                        out.push(ch);
                    }
                }
                for b in chunk.invalid() {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            out
        })
        .collect();
    parts.join(&SEPARATOR.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_as_the_walk_sorts_paths() {
        let root = Path::new("/c");
        let mut paths: Vec<PathBuf> = ["a-b/x.json", "a/x.json", "a/b/y.txt", "a.json", "a/x.txt"]
            .iter()
            .map(|p| root.join(p))
            .collect();
        paths.sort();
        let keys: Vec<String> = paths.iter().map(|p| key_of(root, p)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        assert_eq!(key_of(root, &root.join("a/b/y.txt")), "a\u{1}b\u{1}y.txt");
        assert_ne!(
            key_of(root, &root.join("a\u{1}b")),
            key_of(root, &root.join("a/b"))
        );
    }

    #[test]
    fn files_written_just_before_they_were_looked_at_are_unsettled() {
        let stamp = |modified| Stamp {
            path: PathBuf::from("/c/a"),
            key: "a".into(),
            size: 1,
            modified,
        };
        let taken = 100 * RACY;
        let stamps = Stamps {
            files: vec![
                stamp(taken - RACY - 1),
                stamp(taken - RACY / 2),
                stamp(taken + 5),
            ],
            refused: Vec::new(),
            taken,
        };
        let before = stamps.fingerprint();
        let settled = stamps.settled();
        let times: Vec<u64> = settled.files.iter().map(|f| f.modified).collect();
        assert_eq!(times, [taken - RACY - 1, 0, 0]);
        assert_ne!(settled.fingerprint(), before);
    }

    #[test]
    fn a_file_given_alone_is_keyed_by_its_name() {
        let p = Path::new("/data/articles.json");
        assert_eq!(key_of(p, p), "articles.json");
    }

    #[test]
    fn names_not_utf8_keep_their_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let root = Path::new("/c");
        let a = root.join(std::ffi::OsStr::from_bytes(b"x\xff.txt"));
        let b = root.join(std::ffi::OsStr::from_bytes(b"x\xfe.txt"));
        assert_ne!(key_of(root, &a), key_of(root, &b));
        assert_eq!(key_of(root, &a), "x\\xff.txt");
    }
}
