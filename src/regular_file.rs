//! Reading a small file a user names (the reading state, the
//! configuration) without ever hanging or reading without end: the file
//! is opened without blocking (a FIFO would otherwise wait forever for a
//! writer), looked at through the opened descriptor (no race with a
//! rename), and read only if it is a regular file, up to a bound.

use std::fmt;
use std::fs::OpenOptions;
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::files::ReadError;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refused {
    /// A device, a FIFO, a directory…: what it is.
    NotRegular(&'static str),
    /// Larger than the bound (bytes, bound).
    TooLarge(u64, u64),
    Io(io::Error),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            Refused::TooLarge(size, max) => write!(
                f,
                "it is larger than {} ({} bytes)",
                human(*max),
                if size > max {
                    size.to_string()
                } else {
                    format!("more than {max}")
                }
            ),
            Refused::Io(e) => write!(f, "{e}"),
        }
    }
}

fn human(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{} KB", bytes / 1024)
    }
}

/// The content of `path`; `None` when there is no such file.
pub fn read_regular(path: &Path, max_bytes: u64) -> Result<Option<Vec<u8>>, Refused> {
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Refused::Io(e)),
    };
    let meta = file.metadata().map_err(Refused::Io)?;
    if !meta.is_file() {
        return Err(Refused::NotRegular(crate::files::describe(&meta)));
    }
    match crate::files::read_opened(file, meta.len(), max_bytes) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::TooLarge { size, limit }) => Err(Refused::TooLarge(size, limit)),
        Err(ReadError::NotRegular(what)) => Err(Refused::NotRegular(what)),
        Err(ReadError::Io(e)) => Err(Refused::Io(io::Error::other(e))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_within_the_bound() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("f");
        assert!(read_regular(&path, 10).expect("missing is fine").is_none());
        std::fs::write(&path, "0123456789").expect("write");
        assert_eq!(
            read_regular(&path, 10).expect("read"),
            Some(b"0123456789".to_vec())
        );
        let err = read_regular(&path, 9).expect_err("too large");
        assert!(matches!(err, Refused::TooLarge(10, 9)), "{err}");
    }

    #[test]
    fn refuses_fifos_directories_and_devices_at_once() {
        let dir = tempfile::tempdir().expect("dir");
        let fifo = dir.path().join("fifo");
        crate::test_fs::mkfifo(&fifo);
        // No writer: a blocking open would never return.
        let err = read_regular(&fifo, 10).expect_err("refused");
        assert_eq!(err.to_string(), "it is a FIFO, not a regular file");
        let err = read_regular(dir.path(), 10).expect_err("refused");
        assert!(err.to_string().contains("a directory"), "{err}");
        let err = read_regular(Path::new("/dev/zero"), 10).expect_err("refused");
        assert!(err.to_string().contains("a character device"), "{err}");
    }
}
