//! Finding and reading input files, bounded whatever is on the disk: only
//! regular files are read (a device or a FIFO would never end, or never
//! start), symbolic links are followed but each directory and each file is
//! read once (known by device and inode, so a link back up the tree is no
//! loop, and a file under two names gives no duplicates),
//! and nothing is read past a limit, whatever the file's size claims.

use std::collections::HashMap;
use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Io(String),
    /// What it is instead: "a FIFO", "a character device"…
    NotRegular(&'static str),
    /// `size` is at least this many bytes (a growing file may have more).
    TooLarge {
        size: u64,
        limit: u64,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::NotRegular(kind) => {
                write!(
                    f,
                    "not a regular file ({kind}); only regular files are read"
                )
            }
            ReadError::TooLarge { size, limit } => write!(
                f,
                "too large ({}; the limit is {})",
                megabytes(*size),
                megabytes(*limit)
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// tintuc's directory of one XDG kind: `$XDG_…_HOME/tintuc` when that
/// variable (`xdg`) is set, else `$HOME/<fallback>/tintuc`; `None`
/// without either. Paths that are not absolute (an empty `HOME`, a
/// relative XDG variable) are ignored, as the XDG specification says:
/// they would put tintuc's files wherever it happens to be started.
pub fn xdg_dir(xdg: Option<&Path>, home: Option<&Path>, fallback: &str) -> Option<PathBuf> {
    let base = match xdg.filter(|p| p.is_absolute()) {
        Some(x) => x.to_path_buf(),
        None => home.filter(|h| h.is_absolute())?.join(fallback),
    };
    Some(base.join("tintuc"))
}

pub fn megabytes(n: u64) -> String {
    format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
}

/// What a file is, in words ("a FIFO", "a character
/// device"…), for messages about files that are not read or not written.
pub fn describe(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        "a directory"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// What a file is, in words, when it is not a regular file.
fn kind(meta: &Metadata) -> Option<&'static str> {
    (!meta.is_file()).then(|| describe(meta))
}

/// Opens `path` if it is a regular file, with its size. The file is
/// opened without waiting (a FIFO with no writer would block `open`
/// forever), then what was opened is checked, not the path, which may
/// have been replaced in between.
pub fn open_regular(path: &Path) -> Result<(File, u64), ReadError> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    let meta = file.metadata().map_err(|e| ReadError::Io(e.to_string()))?;
    match kind(&meta) {
        None => Ok((file, meta.len())),
        Some(kind) => Err(ReadError::NotRegular(kind)),
    }
}

/// Reads a regular file of at most `limit` bytes. The limit holds even
/// when the size the file system gives is wrong or the file grows.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open_regular(path)?;
    read_opened(file, size, limit)
}

/// Reads what [`open_regular`] opened, `size` being what it said, up to
/// `limit` bytes.
pub fn read_opened(file: File, size: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // The file can grow after it was looked at: bounded again.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(ReadError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// A path left out of a walk, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub path: PathBuf,
    pub why: String,
}

/// The files a walk found, in path order, and what it left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walk {
    pub files: Vec<PathBuf>,
    pub refused: Vec<Refusal>,
    /// Each file's size and modification time as the walk saw them (empty
    /// when the walk did not look: a file given alone).
    pub stats: Vec<(u64, Option<std::time::SystemTime>)>,
}

/// Paths in the order of their components (`a/x` before `a-b/x`), as
/// `Path`'s own order, compared byte by byte with the separator lowest:
/// the same for the paths a walk makes (no `.`, no doubled separator),
/// and several times faster on 100,000 of them.
fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    use std::os::unix::ffi::OsStrExt;
    let rank = |c: u8| if c == b'/' { 0 } else { u16::from(c) + 1 };
    let (a, b) = (a.as_os_str().as_bytes(), b.as_os_str().as_bytes());
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match (a.get(same), b.get(same)) {
        (Some(&x), Some(&y)) => rank(x).cmp(&rank(y)),
        _ => a.len().cmp(&b.len()),
    }
}

/// The files under `root` whose path `wanted` accepts: `root` itself if
/// it is not a directory (reading it says what is wrong with it),
/// otherwise the regular files of the directory and its subdirectories.
/// Links are followed; a directory or file reached a second time is left out,
/// and so is every entry `wanted` names that is not a regular file.
pub fn walk(root: &Path, wanted: &dyn Fn(&Path) -> bool) -> Walk {
    let mut out = Walk::default();
    let meta = match std::fs::metadata(root) {
        Ok(m) if m.is_dir() => m,
        _ => {
            out.files.push(root.to_path_buf());
            return out;
        }
    };
    let mut seen: HashMap<(u64, u64), PathBuf> = HashMap::new();
    let mut seen_files: HashMap<(u64, u64), PathBuf> = HashMap::new();
    // Depth first, without recursion: a deep tree cannot exhaust the
    // stack. A directory is known when it is entered, so that the first
    // path to it in name order is the one read.
    let mut pending = vec![(root.to_path_buf(), (meta.dev(), meta.ino()))];
    while let Some((dir, id)) = pending.pop() {
        if let Some(first) = seen.get(&id) {
            out.refused.push(Refusal {
                why: format!(
                    "the directory {} again (through a link); each directory is read once",
                    first.display()
                ),
                path: dir,
            });
            continue;
        }
        seen.insert(id, dir.clone());
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                out.refused.push(Refusal {
                    path: dir,
                    why: format!("cannot read the directory: {e}"),
                });
                continue;
            }
        };
        let mut listed: Vec<(PathBuf, std::fs::DirEntry)> = entries
            .filter_map(|e| e.ok().map(|e| (e.path(), e)))
            .collect();
        listed.sort_by(|a, b| path_order(&a.0, &b.0));
        // Looked at from the directory already open (no lookup of the
        // whole path: a directory of pages has 100,000 of them), on every
        // core; links are followed.
        let looked: Vec<std::io::Result<std::fs::Metadata>> = {
            use rayon::prelude::*;
            listed
                .par_iter()
                .map(|(path, entry)| match entry.file_type() {
                    Ok(t) if !t.is_symlink() => entry.metadata(),
                    _ => std::fs::metadata(path),
                })
                .collect()
        };
        let mut subdirs = Vec::new();
        for ((path, _), looked) in listed.into_iter().zip(looked) {
            let meta = match looked {
                Ok(m) => m,
                Err(e) => {
                    // A link to nothing, or a file gone meanwhile.
                    if wanted(&path) {
                        out.refused.push(Refusal {
                            path,
                            why: format!("cannot read: {e}"),
                        });
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                subdirs.push((path, (meta.dev(), meta.ino())));
            } else if wanted(&path) {
                match kind(&meta) {
                    // Another name of a file already found (a link, a hard
                    // link): read twice, each of its articles would be
                    // a duplicate of itself.
                    None => match seen_files.get(&(meta.dev(), meta.ino())) {
                        Some(first) => out.refused.push(Refusal {
                            why: format!(
                                "the file {} again (another name for it); each file is read once",
                                first.display()
                            ),
                            path,
                        }),
                        None => {
                            seen_files.insert((meta.dev(), meta.ino()), path.clone());
                            out.files.push(path);
                            out.stats.push((meta.len(), meta.modified().ok()));
                        }
                    },
                    Some(kind) => out.refused.push(Refusal {
                        path,
                        why: ReadError::NotRegular(kind).to_string(),
                    }),
                }
            }
        }
        // Popped in name order.
        pending.extend(subdirs.into_iter().rev());
    }
    let mut found: Vec<_> = out.files.into_iter().zip(out.stats).collect();
    found.sort_by(|a, b| path_order(&a.0, &b.0));
    (out.files, out.stats) = found.into_iter().unzip();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn json(p: &Path) -> bool {
        p.extension().is_some_and(|e| e == "json")
    }

    #[test]
    fn paths_are_ordered_as_path_orders_them() {
        let mut paths: Vec<PathBuf> = [
            "/c/a-b/x",
            "/c/a/x",
            "/c/a",
            "/c/a/b/y",
            "/c/a.json",
            "/c/a/x.txt",
            "/c/ab",
            "/c/a/",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let mut by_path = paths.clone();
        by_path.sort();
        paths.sort_by(|a, b| path_order(a, b));
        // (`/c/a/` and `/c/a` are one path to `Path`.)
        let shown = |p: &[PathBuf]| -> Vec<String> {
            p.iter()
                .map(|p| p.display().to_string().trim_end_matches('/').to_string())
                .collect()
        };
        assert_eq!(shown(&paths), shown(&by_path));
    }

    #[test]
    fn links_are_followed_and_each_directory_read_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).expect("dirs");
        std::fs::write(root.join("a/one.json"), "[]").expect("write");
        std::fs::write(root.join("a/b/two.json"), "[]").expect("write");
        std::fs::write(root.join("a/b/notes.md"), "").expect("write");
        // Two links back up the tree: without care, a walk of 2^depth paths.
        symlink("..", root.join("a/b/up")).expect("link");
        symlink("..", root.join("a/b/up2")).expect("link");
        symlink(root.join("a/b"), root.join("z")).expect("link");
        symlink("missing.json", root.join("dangling.json")).expect("link");
        let w = walk(root, &json);
        assert_eq!(
            w.files,
            [root.join("a/b/two.json"), root.join("a/one.json")]
        );
        let refused: Vec<_> = w.refused.iter().map(|r| r.path.clone()).collect();
        assert_eq!(
            refused,
            [
                root.join("dangling.json"),
                root.join("a/b/up"),
                root.join("a/b/up2"),
                root.join("z"),
            ]
        );
        assert!(w.refused[3].why.contains("again"), "{:?}", w.refused[3]);
    }

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("x.json");
        crate::test_fs::mkfifo(&fifo);
        std::fs::write(dir.path().join("y.json"), "[]").expect("write");
        let w = walk(dir.path(), &json);
        assert_eq!(w.files, [dir.path().join("y.json")]);
        assert_eq!(w.refused.len(), 1);
        assert!(w.refused[0].why.contains("a FIFO"), "{:?}", w.refused);
        // Named directly, it is refused when read, without blocking.
        assert_eq!(walk(&fifo, &json).files, std::slice::from_ref(&fifo));
        assert_eq!(
            read_limited(&fifo, 10),
            Err(ReadError::NotRegular("a FIFO"))
        );
        assert_eq!(
            read_limited(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("a character device"))
        );
    }

    #[test]
    fn nothing_is_read_past_the_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.json");
        std::fs::write(&path, [b'x'; 11]).expect("write");
        assert_eq!(read_limited(&path, 11).map(|b| b.len()), Ok(11));
        assert_eq!(
            read_limited(&path, 10),
            Err(ReadError::TooLarge {
                size: 11,
                limit: 10
            })
        );
        assert!(matches!(
            read_limited(&dir.path().join("none"), 10),
            Err(ReadError::Io(_))
        ));
    }
}

/// 64-bit FNV-1a: a hash that is the same in every build and on every
/// machine, for names and fingerprints that a later run compares with.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Adds `bytes` as they are.
    pub fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// Adds one part of several: its length first, so that parts cannot
    /// run together.
    pub fn add_part(&mut self, bytes: &[u8]) {
        self.add(&(bytes.len() as u64).to_le_bytes());
        self.add(bytes);
    }

    pub fn value(self) -> u64 {
        self.0
    }
}
