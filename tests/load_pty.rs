//! Loading as the browser does it, in a pseudo-terminal: what was left
//! out is said in the status bar.

#[path = "common/pty.rs"]
mod pty;

use std::time::Duration;

use pty::Pty;

const BIN: &str = env!("CARGO_BIN_EXE_tintuc");

const GOOD: &str = r#"[{"id": "a", "title": "Nông thôn mới ở Từ Sơn", "date": "2020-09-03"},
 {"id": "b", "title": "Lúa mùa Bắc Ninh", "date": "2021-01-02"}]"#;

fn mixed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.json"), GOOD).expect("write");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    std::fs::write(dir.path().join("binary.txt"), [0u8, 1, 2, 0xff, 0, 0xfe]).expect("write");
    dir
}

fn quit(p: &mut Pty) {
    p.send("q");
    let status = p.wait_exit(Duration::from_secs(10)).expect("exits");
    assert!(status.success(), "{status:?}; screen:\n{}", p.screen());
}

#[test]
fn the_status_bar_says_what_was_skipped() {
    let dir = mixed();
    let data = dir.path().to_string_lossy().into_owned();
    for (lang, says) in [
        ("en", "2 files skipped — `tintuc check` says why"),
        ("vi", "Bỏ qua 2 tệp — `tintuc check` cho biết lý do"),
    ] {
        let mut p = Pty::spawn(BIN, &["--data", &data, "--lang", lang], &[], 100, 30);
        p.wait_for_text(says);
        // The good articles are there.
        p.wait_for_text("Lúa mùa Bắc Ninh");
        quit(&mut p);
    }
}
