//! Writing a file so that readers see the old content or the new, never
//! half of it, and so that writing never destroys what is not a file.
//!
//! The new content goes to a temporary file in the same directory, is
//! flushed to the disk, and renamed over the old one; then the directory
//! is flushed so that the rename itself survives a crash. Renaming over a
//! path replaces whatever is there, so the path is looked at first: only a
//! regular file (or nothing) is replaced. A device, a FIFO, a socket or a
//! directory is refused (renaming over `/dev/null` would break the
//! machine); a symbolic link is followed and its target replaced, so the
//! link stays. A new file gets the permissions the umask allows (0666 less
//! the umask, as `>` in a shell would give), a replaced one keeps its own.

use std::fs::{self, File, Metadata, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// How many symbolic links are followed before giving up, as the kernel
/// does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// Where a write to a path lands: the path itself, or the file its
/// symbolic links lead to.
#[derive(Debug)]
pub struct Destination {
    path: PathBuf,
    /// The file there now; `None` when there is none yet.
    existing: Option<Metadata>,
}

impl Destination {
    /// Looks at `path`: follows its symbolic links, and refuses anything
    /// but a regular file or a missing one.
    pub fn resolve(path: &Path) -> io::Result<Destination> {
        let mut current = path.to_path_buf();
        for _ in 0..=MAX_LINKS {
            let meta = match fs::symlink_metadata(&current) {
                Ok(m) => m,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    return Ok(Destination {
                        path: current,
                        existing: None,
                    });
                }
                Err(e) => {
                    return Err(io::Error::new(
                        e.kind(),
                        format!("cannot write {}: {e}", current.display()),
                    ));
                }
            };
            let kind = meta.file_type();
            if kind.is_symlink() {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
                continue;
            }
            if !kind.is_file() {
                let through = if current == path {
                    String::new()
                } else {
                    format!(" (where the link {} leads)", path.display())
                };
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                        "{}{through} is {}, not a regular file: it is not written over",
                        current.display(),
                        crate::files::describe(&meta)
                    ),
                ));
            }
            return Ok(Destination {
                path: current,
                existing: Some(meta),
            });
        }
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "cannot write {}: more than {MAX_LINKS} symbolic links to follow",
                path.display()
            ),
        ))
    }

    /// The file that will be written: the path, its links followed.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The directory the file is in.
    pub fn dir(&self) -> &Path {
        self.path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    }

    /// Replaces the file with `bytes`, atomically, through a temporary
    /// file of a name no other writer uses.
    pub fn write(&self, bytes: &[u8]) -> io::Result<()> {
        // 0666 is what the umask is applied to, as for any new file.
        let (file, tmp) = tempfile::Builder::new()
            .prefix(&format!(".{}.", self.file_name()))
            .suffix(".tmp")
            .permissions(Permissions::from_mode(0o666))
            .tempfile_in(self.dir())
            .and_then(|t| t.keep().map_err(|e| e.error))
            .map_err(|e| self.in_dir(e))?;
        self.replace_with(file, &tmp, bytes)
    }

    /// Like [`Destination::write`], for a caller that holds a lock that
    /// every writer of this file takes: one fixed temporary name is then
    /// safe, and one left by a killed writer is written over, not left to
    /// accumulate.
    pub fn write_locked(&self, bytes: &[u8]) -> io::Result<()> {
        let tmp = self.dir().join(format!(".{}.tmp", self.file_name()));
        // A leftover is removed, not opened: it could be anything now.
        match fs::remove_file(&tmp) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(self.in_dir(e)),
            _ => {}
        }
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o666)
            .open(&tmp)
            .map_err(|e| self.in_dir(e))?;
        self.replace_with(file, &tmp, bytes)
    }

    /// Fills `file` (at `tmp`, in the same directory) and renames it over
    /// the destination; `tmp` is removed if anything fails.
    fn replace_with(&self, mut file: File, tmp: &Path, bytes: &[u8]) -> io::Result<()> {
        let on_file = |e: io::Error| {
            io::Error::new(
                e.kind(),
                format!("cannot write {}: {e}", self.path.display()),
            )
        };
        let result = (|| {
            if let Some(old) = &self.existing {
                // The file keeps its permissions, and, where allowed
                // (root), its owner.
                file.set_permissions(Permissions::from_mode(old.mode() & 0o7777))
                    .map_err(on_file)?;
                let _ = std::os::unix::fs::fchown(&file, Some(old.uid()), Some(old.gid()));
            }
            file.write_all(bytes)
                .and_then(|()| file.sync_all())
                .map_err(on_file)?;
            fs::rename(tmp, &self.path).map_err(on_file)
        })();
        if result.is_err() {
            let _ = fs::remove_file(tmp);
        }
        result?;
        // The rename itself must reach the disk.
        File::open(self.dir())
            .and_then(|d| d.sync_all())
            .map_err(|e| self.in_dir(e))
    }

    fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    fn in_dir(&self, e: io::Error) -> io::Error {
        io::Error::new(
            e.kind(),
            format!("cannot write in {}: {e}", self.dir().display()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `bytes` to `path` atomically, as the commands do.
    fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
        Destination::resolve(path)?.write(bytes)
    }
    use std::os::unix::fs::FileTypeExt;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).expect("metadata").mode() & 0o7777
    }

    /// The process's umask, as Linux reports it (reading it with
    /// umask(2) would change it for every thread meanwhile).
    fn umask() -> u32 {
        let status = fs::read_to_string("/proc/self/status").expect("/proc/self/status");
        let line = status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .expect("a Umask line");
        u32::from_str_radix(line.trim(), 8).expect("octal")
    }

    #[test]
    fn a_new_file_gets_what_the_umask_allows() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("new.json");
        write_atomically(&path, b"[]").expect("written");
        assert_eq!(fs::read(&path).expect("read"), b"[]");
        assert_eq!(mode(&path), 0o666 & !umask());
    }

    #[test]
    fn a_replaced_file_keeps_its_mode_and_no_temporary_is_left() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("old.json");
        fs::write(&path, "old").expect("write");
        fs::set_permissions(&path, Permissions::from_mode(0o640)).expect("chmod");
        write_atomically(&path, b"new").expect("written");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new");
        assert_eq!(mode(&path), 0o640);
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["old.json"]);
    }

    #[test]
    fn a_link_is_kept_and_its_target_replaced() {
        let dir = tempfile::tempdir().expect("dir");
        fs::create_dir(dir.path().join("real")).expect("dir");
        let target = dir.path().join("real/data.json");
        fs::write(&target, "old").expect("write");
        // A relative link to a relative link.
        std::os::unix::fs::symlink("real/data.json", dir.path().join("one")).expect("link");
        std::os::unix::fs::symlink("one", dir.path().join("two")).expect("link");
        write_atomically(&dir.path().join("two"), b"new").expect("written");
        assert_eq!(fs::read_to_string(&target).expect("read"), "new");
        for link in ["one", "two"] {
            let meta = fs::symlink_metadata(dir.path().join(link)).expect("meta");
            assert!(meta.file_type().is_symlink(), "{link} is still a link");
        }
        // A link to nothing yet: the file is made where it points.
        std::os::unix::fs::symlink("later.json", dir.path().join("dangling")).expect("link");
        write_atomically(&dir.path().join("dangling"), b"x").expect("written");
        assert_eq!(
            fs::read_to_string(dir.path().join("later.json")).expect("read"),
            "x"
        );
    }

    #[test]
    fn a_locked_writer_reuses_one_temporary_name() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("state.json");
        // What a killed writer leaves: a temporary file, even a link.
        std::os::unix::fs::symlink("elsewhere", dir.path().join(".state.json.tmp")).expect("link");
        let destination = Destination::resolve(&path).expect("resolved");
        destination.write_locked(b"one").expect("written");
        Destination::resolve(&path)
            .expect("resolved")
            .write_locked(b"two")
            .expect("written");
        assert_eq!(fs::read_to_string(&path).expect("read"), "two");
        assert_eq!(mode(&path), 0o666 & !umask());
        assert!(!dir.path().join("elsewhere").exists());
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["state.json"]);
    }

    #[test]
    fn a_loop_of_links_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        std::os::unix::fs::symlink("b", dir.path().join("a")).expect("link");
        std::os::unix::fs::symlink("a", dir.path().join("b")).expect("link");
        let err = write_atomically(&dir.path().join("a"), b"x").expect_err("refused");
        assert!(err.to_string().contains("symbolic links"), "{err}");
    }

    #[test]
    fn directories_and_fifos_are_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("dir");
        let err = write_atomically(dir.path(), b"x").expect_err("refused");
        assert!(err.to_string().contains("is a directory"), "{err}");
        let fifo = dir.path().join("fifo");
        crate::test_fs::mkfifo(&fifo);
        let err = write_atomically(&fifo, b"x").expect_err("refused");
        assert!(err.to_string().contains("is a FIFO"), "{err}");
        assert!(err.to_string().contains(&*fifo.to_string_lossy()), "{err}");
        let link = dir.path().join("to-fifo");
        std::os::unix::fs::symlink(&fifo, &link).expect("link");
        let err = write_atomically(&link, b"x").expect_err("refused");
        assert!(err.to_string().contains("where the link"), "{err}");
        assert!(
            fs::symlink_metadata(&fifo)
                .expect("still there")
                .file_type()
                .is_fifo()
        );
    }

    #[test]
    fn a_device_is_refused_and_left_alone() {
        if !crate::test_fs::is_root() {
            println!("skipped: making a device node needs root");
            return;
        }
        let dir = tempfile::tempdir().expect("dir");
        let dev = dir.path().join("null");
        let null = fs::metadata("/dev/null").expect("/dev/null");
        // A copy of /dev/null.
        let made = crate::test_fs::mknod_char(&dev, null.rdev());
        assert!(made, "mknod: {}", io::Error::last_os_error());
        let err = write_atomically(&dev, b"x").expect_err("refused");
        assert!(err.to_string().contains("is a character device"), "{err}");
        let meta = fs::symlink_metadata(&dev).expect("still there");
        assert!(meta.file_type().is_char_device());
        assert_eq!(meta.rdev(), null.rdev());
    }
}
