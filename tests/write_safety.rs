//! Writing never destroys, through the real binary: `ingest -o` and the
//! reading state refuse devices, FIFOs and directories (and leave them as
//! they were), write through a symbolic link to its target, and give new
//! files the permissions the umask allows.
#![allow(
    unsafe_code,
    reason = "system calls the test needs (FIFOs, poll, signals) that the standard library does not wrap"
)]

#[path = "common/binary.rs"]
mod binary;
#[path = "common/pty.rs"]
mod pty;

use binary::{run, tintuc};
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_tintuc");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");

fn ingest_to(output: &Path) -> Command {
    let mut c = tintuc();
    c.arg("ingest").arg(SEEDS).arg("-o").arg(output);
    c
}

fn c_path(path: &Path) -> CString {
    CString::new(path.as_os_str().as_bytes()).expect("no NUL")
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// A character device in `dir` with /dev/null's numbers; `None` (and the
/// reason printed) when not root.
fn null_device(dir: &Path) -> Option<PathBuf> {
    if !is_root() {
        println!("skipped: making a device node needs root");
        return None;
    }
    let dev = dir.join("null-device");
    let rdev = std::fs::metadata("/dev/null").expect("/dev/null").rdev();
    // SAFETY: a valid NUL-terminated path.
    let made = unsafe {
        libc::mknod(
            c_path(&dev).as_ptr(),
            libc::S_IFCHR | 0o666,
            rdev as libc::dev_t,
        )
    };
    assert_eq!(made, 0, "mknod: {}", std::io::Error::last_os_error());
    Some(dev)
}

fn assert_still_the_device(dev: &Path) {
    let meta = std::fs::symlink_metadata(dev).expect("still there");
    assert!(meta.file_type().is_char_device(), "{dev:?} was replaced");
    let null = std::fs::metadata("/dev/null").expect("/dev/null");
    assert_eq!(meta.rdev(), null.rdev());
}

fn only_entry(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn ingest_refuses_to_write_over_a_device() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(dev) = null_device(dir.path()) else {
        return;
    };
    let out = run(ingest_to(&dev));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("{} is a character device", dev.display())),
        "{stderr}"
    );
    assert_still_the_device(&dev);
    assert_eq!(only_entry(dir.path()), ["null-device"], "no file left over");
}

#[test]
fn ingest_refuses_fifos_and_directories_without_blocking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("fifo");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path(&fifo).as_ptr(), 0o600) }, 0);
    let out = run(ingest_to(&fifo));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is a FIFO"), "{stderr}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("there")
            .file_type()
            .is_fifo()
    );
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("dir");
    let out = run(ingest_to(&sub));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is a directory"), "{stderr}");
    assert!(sub.is_dir());
}

#[test]
fn ingest_writes_through_a_link_and_keeps_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("real")).expect("dir");
    let target = dir.path().join("real/articles.json");
    std::fs::write(&target, "[]").expect("write");
    let link = dir.path().join("articles.json");
    std::os::unix::fs::symlink("real/articles.json", &link).expect("link");
    let out = run(ingest_to(&link));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    let written = std::fs::read_to_string(&target).expect("target");
    assert!(written.contains("\"id\""), "{written}");
}

#[test]
fn ingest_honours_the_umask_and_keeps_a_replaced_files_mode() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (umask, mode) in [(0o022, 0o644), (0o027, 0o640), (0o000, 0o666)] {
        let path = dir.path().join(format!("new-{umask:o}.json"));
        let mut cmd = ingest_to(&path);
        // SAFETY: umask is async-signal-safe and touches only the child.
        unsafe {
            cmd.pre_exec(move || {
                libc::umask(umask);
                Ok(())
            });
        }
        let out = run(cmd);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let got = std::fs::metadata(&path).expect("written").mode() & 0o777;
        assert_eq!(got, mode, "umask {umask:o}: mode {got:o}");
    }
    let kept = dir.path().join("kept.json");
    std::fs::write(&kept, "[]").expect("write");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o604)).expect("chmod");
    let out = run(ingest_to(&kept));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        std::fs::metadata(&kept).expect("kept").mode() & 0o777,
        0o604
    );
}

#[test]
fn the_browser_never_writes_over_a_device_given_as_its_state() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(dev) = null_device(dir.path()) else {
        return;
    };
    let dev_arg = dev.display().to_string();
    let mut p = pty::Pty::spawn(
        BIN,
        &[
            "--data",
            "data/articles.json",
            "--lang",
            "en",
            "--state",
            &dev_arg,
        ],
        &[],
        250,
        30,
    );
    p.wait_for_text("(it is a character device, not a regular file)");
    // A bookmark: something to save, but not there.
    p.send("m");
    p.wait_for_text("★");
    p.send("q");
    let status = p.wait_exit(Duration::from_secs(10)).expect("exits");
    // Said at the start: not kept, which is not a failure at the end.
    assert_eq!(status.exit_code(), 0);
    p.wait_for("the note after the browser", |s| {
        !s.alternate_screen() && s.contents().contains("reading state is not kept")
    });
    assert_still_the_device(&dev);
    assert_eq!(only_entry(dir.path()), ["null-device"], "nothing beside it");
}
