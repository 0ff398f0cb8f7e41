//! Nothing from a collection reaches the terminal raw, messages included:
//! the values a message quotes (a paragraph kind, a date, a time) and the
//! names of files are shown escaped (`\u{1b}`) by every command.

#[path = "common/binary.rs"]
mod binary;
#[path = "common/pty.rs"]
mod pty;

use binary::tintuc;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

/// What a value from a hostile collection holds: a title change (OSC 0),
/// a screen clear, a C1 CSI, a right-to-left override, a line break.
const HOSTILE: &str = "\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m\u{202e}x\ny";

/// No escape, bell, C1 control or bidi control in stdout or stderr, and
/// the hostile value is there, escaped.
fn assert_inert(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let bad = text.chars().find(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        });
        assert!(
            bad.is_none(),
            "{what}: {bad:?} reached {stream} raw:\n{text}"
        );
    }
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        all.contains("\\u{1b}"),
        "{what}: the escape is shown:\n{all}"
    );
}

/// A collection whose paragraph kind, date and time are hostile, in a
/// file whose name holds an escape.
fn hostile_collection(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("tin\u{1b}[2J.json");
    let articles = serde_json::json!([
        {"id": "a", "title": "Một", "date": HOSTILE},
        {"id": "b", "title": "Hai", "date": "2020-01-02", "time": HOSTILE},
        {"id": "c", "title": "Ba", "body": [{"kind": HOSTILE, "text": "x"}]}
    ]);
    std::fs::write(&path, articles.to_string()).expect("write");
    path
}

#[test]
fn check_escapes_values_and_file_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = hostile_collection(dir.path());
    let out = tintuc()
        .arg("check")
        .arg("--data")
        .arg(&data)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_inert("check", &out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    // One problem a line: the line break in the value is shown as \n.
    assert!(stdout.contains("\\u{202e}x\\ny"), "{stdout}");
    assert_eq!(stdout.matches("tin\\u{1b}[2J.json").count(), 4, "{stdout}");
}

/// An id made only of control sequences is not "no id": the message
/// shows what it was, escaped.
#[test]
fn an_id_of_control_characters_only_is_shown_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("ids.json");
    let articles = serde_json::json!([
        {"id": "\u{1b}]0;PWNED\u{7}\u{1b}[2J", "title": "Một"},
        {"id": "b", "title": "Hai"}
    ]);
    std::fs::write(&data, articles.to_string()).expect("write");
    let out = tintuc()
        .arg("check")
        .arg("--data")
        .arg(&data)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_inert("check", &out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("has no id"), "{stdout}");
    assert!(
        stdout.contains("\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J"),
        "{stdout}"
    );
}

#[test]
fn search_and_bench_escape_the_problems_they_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = hostile_collection(dir.path());
    let out = tintuc()
        .args(["search", "x", "--data"])
        .arg(&data)
        .output()
        .expect("runs");
    assert_inert("search", &out);
    let out = tintuc()
        .args(["bench", "--data"])
        .arg(&data)
        .output()
        .expect("runs");
    assert_inert("bench", &out);
}

#[test]
fn bench_escapes_the_collection_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("tin\u{1b}]0;PWNED\u{7}.json");
    std::fs::copy("data/articles.json", &data).expect("copy");
    let out = tintuc()
        .args(["bench", "--query", "ha", "--data"])
        .arg(&data)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_inert("bench", &out);
}

#[test]
fn search_escapes_the_state_file_it_cannot_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state\u{1b}[2J\u{202e}.json");
    std::fs::write(&state, "not json").expect("write");
    let out = tintuc()
        .args([
            "search",
            "is:read",
            "--data",
            "data/articles.json",
            "--state",
        ])
        .arg(&state)
        .output()
        .expect("runs");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("reading state"),
        "{out:?}"
    );
    assert_inert("search --state", &out);
}

#[test]
fn ingest_escapes_file_names_in_failures_and_reports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let raw = dir.path().join("raw\u{1b}[2J");
    std::fs::create_dir(&raw).expect("dir");
    // An empty file fails (no article text), a good one is described.
    std::fs::write(raw.join("trống\u{1b}]0;PWNED\u{7}.txt"), "").expect("write");
    std::fs::write(
        raw.join("bài\u{9b}31m.txt"),
        "Tiêu đề bài báo\n\n12/10/2017 08:56\n\nNội dung bài viết ở phường Đông Ngàn.\n",
    )
    .expect("write");
    let out = tintuc()
        .arg("ingest")
        .arg("-v")
        .arg(&raw)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_inert("ingest -v", &out);
    let output = dir.path().join("out\u{1b}[2J.json");
    let out = tintuc()
        .arg("ingest")
        .arg(&raw)
        .arg("-o")
        .arg(&output)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_inert("ingest -o", &out);
}

#[test]
fn configuration_errors_escape_the_key() {
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(home.path().join("tintuc")).expect("dir");
    std::fs::write(
        home.path().join("tintuc/config.toml"),
        "[keys]\n\"\\u001b]0;PWNED\\u0007\" = \"q\"\n",
    )
    .expect("write");
    let out = tintuc()
        .arg("config")
        .env("XDG_CONFIG_HOME", home.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_inert("config", &out);
}

#[test]
fn the_browser_status_bar_escapes_a_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("st\u{1b}]0;PWNED\u{7}\u{202e}.json");
    std::fs::write(&state, "not json").expect("write");
    let state_arg = state.display().to_string();
    let mut p = pty::Pty::spawn(
        env!("CARGO_BIN_EXE_tintuc"),
        &[
            "--data",
            "data/articles.json",
            "--lang",
            "en",
            "--state",
            &state_arg,
        ],
        &[],
        200,
        30,
    );
    p.wait_for_text("state file was unreadable");
    p.wait_for_text("st\\u{1b}]0;PWNED\\u{7}\\u{202e}.json");
    p.send("q");
    p.wait_exit(Duration::from_secs(10)).expect("exits");
    let raw = String::from_utf8_lossy(&p.raw()).into_owned();
    for bad in ["\u{1b}]0;PWNED", "\u{7}", "\u{202e}"] {
        assert!(!raw.contains(bad), "{bad:?} reached the terminal");
    }
}

#[test]
fn the_programs_own_messages_keep_their_lines() {
    // Only data is escaped: a message of two lines stays two lines.
    let out = tintuc()
        .args(["--data", "data/articles.json", "--lang", "en"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(!stderr.contains("\\n"), "{stderr}");
}
