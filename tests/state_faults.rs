//! The reading state under faults, through the real binary: a FIFO given
//! as the state file, one bad value among good ones, a file from a newer
//! version, a last save that fails, and no usable home directory.

#[path = "common/binary.rs"]
mod binary;
#[path = "common/pty.rs"]
mod pty;

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

use std::time::Duration;

use binary::{run, tintuc};
use pty::Pty;

const BIN: &str = env!("CARGO_BIN_EXE_tintuc");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles.json");
const BOOKMARKED: &str = "001_d6dbdd2ddfa3846f";

fn browser(state: &Path) -> Pty {
    let state_arg = state.display().to_string();
    let p = Pty::spawn(
        BIN,
        &["--data", SEEDS, "--lang", "en", "--state", &state_arg],
        &[],
        200,
        30,
    );
    p.wait_for("the browser", |s| {
        s.alternate_screen() && s.contents().contains("articles")
    });
    p
}

/// Bookmarks the selected article, quits, and returns the exit code.
fn bookmark_and_quit(p: &mut Pty) -> u32 {
    p.send("m");
    p.wait_for_text("★");
    p.send("q");
    p.wait_exit(Duration::from_secs(10))
        .expect("exits")
        .exit_code()
}

#[allow(
    unsafe_code,
    reason = "mkfifo has no safe wrapper in the standard library"
)]
fn mkfifo(path: &Path) {
    let c = CString::new(path.as_os_str().as_bytes()).expect("no NUL");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[test]
fn a_fifo_as_the_state_file_never_blocks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("state.json");
    mkfifo(&fifo);
    let mut cmd = tintuc();
    cmd.args(["search", "is:read", "--data", SEEDS, "--state"])
        .arg(&fifo);
    let out = run(cmd);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("it is a FIFO, not a regular file"),
        "{stderr}"
    );
    // The browser starts, says so, and leaves the FIFO as it is.
    let mut p = browser(&fifo);
    p.wait_for_text("was not read (it is a FIFO");
    assert_eq!(bookmark_and_quit(&mut p), 0);
    let meta = std::fs::symlink_metadata(&fifo).expect("still there");
    assert!(meta.file_type().is_fifo());
}

#[test]
fn one_bad_value_loses_only_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state.json");
    std::fs::write(
        &state,
        format!(
            r#"{{"version": 1, "articles": {{
                "{BOOKMARKED}": {{"bookmarked": true}},
                "000_84f5005f2462eb49": {{"read": true, "scroll": -1}}
            }}, "history": ["@tuson"]}}"#
        ),
    )
    .expect("write");
    // `search` keeps the good values: the bookmark is there.
    let mut cmd = tintuc();
    cmd.args(["search", "is:bookmarked", "--data", SEEDS, "--state"])
        .arg(&state);
    let out = run(cmd);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("Từ Sơn"), "{stdout}");
    // The browser says what was left out and keeps the rest.
    let mut p = browser(&state);
    p.wait_for_text("Left out 1 unreadable value(s) of the state file");
    p.wait_for_text("scroll = -1");
    p.send("q");
    p.wait_exit(Duration::from_secs(10)).expect("exits");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains("corrupt")),
        "moved aside: {names:?}"
    );
    let (kept, _) = tintuc::reading_state::StateFile::new(&state).load();
    assert!(kept.is_bookmarked(BOOKMARKED) && kept.is_read("000_84f5005f2462eb49"));
}

#[test]
fn a_newer_file_is_read_and_never_written_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state.json");
    let newer = format!(
        r#"{{"version": 99, "articles": {{"{BOOKMARKED}": {{"bookmarked": true, "stars": 5}}}}, "tags": ["x"]}}"#
    );
    std::fs::write(&state, &newer).expect("write");
    let mut cmd = tintuc();
    cmd.args(["search", "is:bookmarked", "--data", SEEDS, "--state"])
        .arg(&state);
    let out = run(cmd);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);

    let mut p = browser(&state);
    p.wait_for_text("from a newer tintuc (version 99)");
    let code = bookmark_and_quit(&mut p);
    assert_eq!(
        std::fs::read_to_string(&state).expect("read"),
        newer,
        "written over"
    );
    // Said at the start, and again after: not a failure at the end.
    assert_eq!(code, 0);
    p.wait_for("the note after the browser", |s| {
        !s.alternate_screen() && s.contents().contains("reading state is not kept this time")
    });
}

#[test]
fn a_failed_last_save_exits_2_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path().join("home");
    std::fs::create_dir(&home).expect("dir");
    let state = home.join("state.json");
    let mut p = browser(&state);
    // The directory goes away and a file takes its name: nothing can be
    // saved there any more, whoever tintuc runs as.
    std::fs::remove_dir_all(&home).expect("remove");
    std::fs::write(&home, "a file now").expect("write");
    let code = bookmark_and_quit(&mut p);
    assert_eq!(code, 2);
    p.wait_for("the reason after the browser", |s| {
        !s.alternate_screen() && s.contents().contains("Could not save the reading state")
    });
}

#[test]
fn an_empty_home_never_puts_state_in_the_current_directory() {
    let cwd = tempfile::tempdir().expect("temp dir");
    let script = format!(
        "cd '{}' && exec '{BIN}' --data '{SEEDS}' --lang en",
        cwd.path().display()
    );
    let mut p = Pty::spawn(
        "bash",
        &["--norc", "--noprofile", "-c", &script],
        &[
            ("HOME", ""),
            ("XDG_STATE_HOME", ""),
            ("XDG_CONFIG_HOME", "relative"),
        ],
        100,
        30,
    );
    p.wait_for("the browser", |s| {
        s.alternate_screen() && s.contents().contains("articles")
    });
    p.wait_for_text("The reading state is not kept");
    let code = bookmark_and_quit(&mut p);
    assert_eq!(code, 0);
    let left: Vec<_> = std::fs::read_dir(cwd.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert!(
        left.is_empty(),
        "written in the current directory: {left:?}"
    );
    // Nor is the configuration looked for there.
    let out = run({
        let mut c = tintuc();
        c.args(["config", "--path"])
            .env("HOME", "")
            .env("XDG_CONFIG_HOME", "")
            .current_dir(cwd.path());
        c
    });
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("absolute path"));
}
