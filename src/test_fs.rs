//! Special files for the tests of the modules that must refuse them.
#![allow(
    unsafe_code,
    reason = "mkfifo and mknod have no safe wrapper in the standard library"
)]

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

fn c_path(path: &Path) -> CString {
    CString::new(path.as_os_str().as_bytes()).expect("no NUL in a test path")
}

/// Makes a FIFO at `path`.
pub(crate) fn mkfifo(path: &Path) {
    let c = c_path(path);
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// Whether the tests run as root (only root can make device nodes).
pub(crate) fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// Makes a character device at `path` with the device number `rdev`;
/// whether it could.
pub(crate) fn mknod_char(path: &Path, rdev: libc::dev_t) -> bool {
    let c = c_path(path);
    // SAFETY: a valid NUL-terminated path.
    unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, rdev) == 0 }
}

/// Writes `bytes` to `path` and dates the file in the past, each file
/// written later than the one before: as files written long before a
/// collection is opened, whose times tell every change apart.
pub(crate) fn write_settled(path: &Path, bytes: impl AsRef<[u8]>) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static WRITTEN: AtomicU64 = AtomicU64::new(0);
    std::fs::write(path, bytes).expect("written");
    let n = WRITTEN.fetch_add(1, Ordering::Relaxed);
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_500_000_000 + n);
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(when))
        .expect("dated");
}
