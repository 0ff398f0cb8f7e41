//! Loading through the real binary: a bad file among good ones, files
//! that are not regular files, links that loop, sizes beyond any article.

use std::path::Path;
use std::process::{Command, Output};

fn tintuc() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tintuc"));
    c.env_remove("TINTUC_DATA");
    // Neither the user's configuration nor their reading state.
    let nowhere = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-dir");
    c.env("XDG_CONFIG_HOME", &nowhere);
    c.env("XDG_STATE_HOME", &nowhere);
    c
}

fn run(args: &[&str], data: &Path) -> (Option<i32>, String, String) {
    let out: Output = tintuc()
        .args(args)
        .arg("--data")
        .arg(data)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const GOOD: &str = r#"[{"id": "a", "title": "Nông thôn mới ở Từ Sơn", "date": "2020-09-03"},
 {"id": "b", "title": "Lúa mùa Bắc Ninh", "date": "2021-01-02"}]"#;

/// A directory of good articles with an empty and a binary `.txt`.
fn mixed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.json"), GOOD).expect("write");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    std::fs::write(dir.path().join("binary.txt"), binary).expect("write");
    dir
}

#[test]
fn search_opens_the_good_files_and_names_the_bad_ones() {
    let dir = mixed();
    let (code, stdout, stderr) = run(&["search", "nong thon"], dir.path());
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("Nông thôn mới ở Từ Sơn"), "{stdout}");
    assert!(stderr.contains("empty.txt: the file is empty"), "{stderr}");
    assert!(stderr.contains("binary.txt: binary data"), "{stderr}");
    assert!(
        stderr.contains("2 files skipped — `tintuc check` says why"),
        "{stderr}"
    );
}

#[test]
fn check_still_lists_every_problem_and_exits_2() {
    let dir = mixed();
    let (code, stdout, _) = run(&["check"], dir.path());
    assert_eq!(code, Some(2), "{stdout}");
    assert!(stdout.contains("articles:        2"), "{stdout}");
    assert!(stdout.contains("2 problem(s)"), "{stdout}");
    assert!(stdout.contains("empty.txt"), "{stdout}");
    assert!(stdout.contains("binary.txt"), "{stdout}");
}

#[test]
fn nothing_valid_is_still_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    let (code, stdout, stderr) = run(&["search", "x"], dir.path());
    assert_eq!(code, Some(2), "{stdout}\n{stderr}");
    assert!(stderr.contains("empty.txt: the file is empty"), "{stderr}");
}
