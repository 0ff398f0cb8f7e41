//! The reading state file: round trip, merging two writers, corrupt files,
//! and crash safety under `kill -9`.
#![allow(
    clippy::cast_possible_truncation,
    reason = "the numbers are the test's own, and small"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tintuc::reading_state::{LoadNote, ReadingState, StateFile};

const CHILD_ENV: &str = "TINTUC_STATE_WRITER_PATH";

fn fresh(dir: &Path) -> StateFile {
    StateFile::new(dir.join("sub").join("state.json"))
}

#[test]
fn round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = fresh(dir.path());
    let (mut s, note) = file.load();
    assert_eq!(note, None);
    s.set_read("a", true);
    assert!(s.toggle_bookmark("b"));
    s.set_scroll("a", 42);
    s.set_last_query("@tuson #2020");
    s.push_history("đang");
    s.push_history("@tuson #2020");
    s.set_selected(Some("a"));
    assert!(s.is_dirty());
    file.save(&mut s).expect("save");
    assert!(!s.is_dirty());

    let (back, note) = file.load();
    assert_eq!(note, None);
    assert!(back.is_read("a") && !back.is_read("b"));
    assert!(back.is_bookmarked("b") && !back.is_bookmarked("a"));
    assert_eq!(back.scroll("a"), 42);
    assert_eq!(back.last_query(), "@tuson #2020");
    assert_eq!(back.history(), ["đang", "@tuson #2020"]);
    assert_eq!(back.selected(), Some("a"));
    assert_eq!(back, s);
}

#[test]
fn two_writers_keep_each_others_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = fresh(dir.path());
    let (mut one, _) = file.load();
    let (mut two, _) = file.load();
    one.set_read("a", true);
    one.push_history("một");
    two.set_read("b", true);
    two.toggle_bookmark("a");
    two.push_history("hai");
    file.save(&mut one).expect("save one");
    file.save(&mut two).expect("save two");
    let (back, _) = file.load();
    assert!(back.is_read("a") && back.is_read("b"));
    assert!(back.is_bookmarked("a"));
    assert_eq!(back.history(), ["một", "hai"]);
    // Unsetting is a change too: it must not be undone by the merge.
    two.set_read("a", false);
    file.save(&mut two).expect("save");
    assert!(!file.load().0.is_read("a"));
    assert!(file.load().0.is_bookmarked("a"));
}

#[test]
fn corrupt_file_is_moved_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = fresh(dir.path());
    std::fs::create_dir_all(dir.path().join("sub")).expect("dir");
    std::fs::write(file.path(), "{\"articles\": {\"a\": {\"read\": tr").expect("write");
    let (s, note) = file.load();
    assert_eq!(s, ReadingState::default());
    let Some(LoadNote::MovedAside { to, reason }) = note else {
        panic!("expected the file to be moved aside, got {note:?}");
    };
    assert!(reason.contains("EOF"), "{reason}");
    assert_eq!(
        std::fs::read_to_string(&to).expect("aside copy"),
        "{\"articles\": {\"a\": {\"read\": tr"
    );
    assert!(!file.path().exists());
}

/// Writes the state over and over; as a child process of
/// `kill_at_random_points_never_tears_the_file` it writes until killed.
#[test]
fn writer_loop() {
    // A child is killed, so it never removes a directory of its own: it
    // writes where its parent says, and only a run on its own makes one.
    let (_temp, path, rounds) = match std::env::var_os(CHILD_ENV) {
        Some(p) => (None, PathBuf::from(p), usize::MAX),
        None => {
            let temp = tempfile::tempdir().expect("temp dir");
            let path = temp.path().join("state.json");
            (Some(temp), path, 30)
        }
    };
    let file = StateFile::new(&path);
    let (mut state, _) = file.load();
    for i in 0..rounds {
        let id = format!("bài-{}", i % 500);
        state.set_read(&id, i % 3 != 0);
        state.set_scroll(&id, i as u32);
        state.push_history(&format!("truy vấn {i} {}", "x".repeat(i % 200)));
        state.set_last_query(&format!("q{i}"));
        file.save(&mut state).expect("save");
        if rounds != usize::MAX {
            assert_eq!(file.load().0.scroll(&id), i as u32);
        }
    }
}

#[test]
fn kill_at_random_points_never_tears_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    // The children's temporary directory, to see that killing them
    // leaves nothing behind in it.
    let child_tmp = tempfile::tempdir().expect("temp dir");
    let me = std::env::current_exe().expect("test binary");
    // A simple deterministic sequence of delays, 1–40 ms.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..25 {
        let mut child = Command::new(&me)
            .args(["--exact", "writer_loop", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .env("TMPDIR", child_tmp.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn writer");
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let delay = Duration::from_millis(1 + x % 40);
        let start = Instant::now();
        // Wait until the writer has produced a file at least once (first
        // round) or for the chosen delay, whichever is later.
        while start.elapsed() < delay || (round == 0 && !path.exists()) {
            if start.elapsed() > Duration::from_secs(30) {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().expect("kill -9");
        child.wait().expect("reap");
        if path.exists() {
            let text = std::fs::read(&path).expect("read");
            let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&text);
            assert!(parsed.is_ok(), "round {round}: torn state file");
            let (_, note) = StateFile::new(&path).load();
            assert_eq!(note, None, "round {round}");
        }
    }
    assert!(path.exists(), "the writer never wrote");
    // Nothing accumulates: at most the lock and one temporary file.
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.retain(|n| n != ".state.json.tmp");
    assert_eq!(names, ["state.json", "state.lock"]);
    let left: Vec<_> = std::fs::read_dir(child_tmp.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "killed writers left {left:?}");
}
