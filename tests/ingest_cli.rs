//! `tintuc ingest` and `--data` on raw articles, through the real binary.

use std::path::Path;
use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");

fn tintuc() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tintuc"));
    c.env_remove("TINTUC_DATA");
    c
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    tintuc().args(args).output().expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn copy_seeds(to: &Path) {
    for entry in std::fs::read_dir(FIXTURES).expect("fixtures") {
        let path = entry.expect("entry").path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, to.join(name)).expect("copy");
        }
    }
}

#[test]
fn bad_files_are_reported_and_skipped_and_set_the_exit_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_seeds(dir.path());
    std::fs::write(dir.path().join("empty.txt"), b"").expect("write");
    std::fs::write(
        dir.path().join("binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00",
    )
    .expect("write");
    // 50 MB on one line: refused from its size, without reading it.
    let line = "Từ Sơn ".repeat(50 * 1024 * 1024 / "Từ Sơn ".len());
    std::fs::write(dir.path().join("huge.txt"), line).expect("write");
    std::fs::write(dir.path().join("notes.md"), b"not an article").expect("write");

    let out = run(&["ingest".as_ref(), dir.path().as_os_str()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("empty.txt: the file is empty"), "{stderr}");
    assert!(
        stderr.contains("binary.txt: binary data (control byte at offset 4)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("huge.txt: too large for an article (50.0 MB; the limit is 8.0 MB)"),
        "{stderr}"
    );
    assert!(stderr.contains("3 of 8 files failed"), "{stderr}");
    assert!(!stderr.contains("notes.md"), "{stderr}");

    let report = tintuc::load::read_str("out.json", &text(&out.stdout));
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 5);
    assert!(ids.is_sorted(), "{ids:?}");
}

#[test]
fn output_is_deterministic_whatever_the_argument_order() {
    let mut files: Vec<_> = std::fs::read_dir(FIXTURES)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let ingest = |paths: Vec<&std::ffi::OsStr>| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["ingest".as_ref()];
        args.extend(paths);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        out.stdout
    };
    let forward = ingest(files.iter().map(|p| p.as_os_str()).collect());
    let backward = ingest(files.iter().rev().map(|p| p.as_os_str()).collect());
    let dir = ingest(vec![FIXTURES.as_ref()]);
    let again = ingest(vec![FIXTURES.as_ref()]);
    assert!(forward == backward && backward == dir && dir == again);
    assert!(text(&dir).starts_with("[\n  {\n    \"id\": \"000_84f5005f2462eb49\""));
}

#[test]
fn output_file_is_written_whole_and_verbose_reports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("articles.json");
    std::fs::write(&target, "old content").expect("write");
    let out = run(&[
        "ingest".as_ref(),
        FIXTURES.as_ref(),
        "-v".as_ref(),
        "-o".as_ref(),
        target.as_os_str(),
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(out.stdout.is_empty());
    let stdout_run = run(&["ingest".as_ref(), FIXTURES.as_ref()]);
    assert_eq!(std::fs::read(&target).expect("written"), stdout_run.stdout);
    // Nothing but the output is left in the directory.
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(left.len(), 1);

    assert!(
        stderr.contains("000_84f5005f2462eb49.txt: UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("(derived from the lead)"), "{stderr}");
    assert!(stderr.contains("date:     03/09/2020 08:17"), "{stderr}");
    assert!(
        stderr.contains("Thường Tín (Thường Tín · Hà Nội"),
        "{stderr}"
    );
    assert!(
        stderr.contains("removed:  \"Số lượt xem: 551\""),
        "{stderr}"
    );
    assert!(stderr.contains("wrote 5 articles to"), "{stderr}");
}

#[test]
fn unwritable_output_is_an_error_and_nothing_is_half_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("missing-dir").join("articles.json");
    let out = run(&[
        "ingest".as_ref(),
        FIXTURES.as_ref(),
        "-o".as_ref(),
        target.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("cannot write in"),
        "{}",
        text(&out.stderr)
    );
    assert!(!target.exists());
}

#[test]
fn data_directory_of_raw_articles_opens_directly() {
    let out = run(&["check".as_ref(), "--data".as_ref(), FIXTURES.as_ref()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("articles:        5"), "{stdout}");
    assert!(stdout.contains("with a date:     3"), "{stdout}");

    let dir = tempfile::tempdir().expect("temp dir");
    copy_seeds(dir.path());
    std::fs::write(dir.path().join("broken.txt"), b"\x00\x01\x02").expect("write");
    let out = run(&["check".as_ref(), "--data".as_ref(), dir.path().as_os_str()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("broken.txt: binary data"), "{stdout}");
    assert!(stdout.contains("articles:        5"), "{stdout}");
}

#[test]
fn directory_without_articles_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("notes.md"), b"x").expect("write");
    let out = run(&["ingest".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no .txt or .html files in this directory"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn missing_path_is_reported() {
    let out = run(&["ingest".as_ref(), "no/such/file.txt".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no/such/file.txt: cannot read"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout), "[]\n");
}

#[test]
fn saved_html_pages_are_ingested_and_opened_with_the_text_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_seeds(dir.path());
    let page = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pages/portal_page_saved_as_html.html"),
    )
    .expect("fixture");
    std::fs::write(dir.path().join("yen-thanh.HTML"), &page).expect("write");
    // A page nested deeper than any layout: read at once, its words kept.
    let deep = format!("<html><body>{}Lũ ở Yên Bái", "<div>".repeat(100_000));
    std::fs::write(dir.path().join("deep.htm"), deep).expect("write");

    let out = run(&["ingest".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let articles: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let by_id = |id: &str| {
        articles
            .as_array()
            .and_then(|a| a.iter().find(|x| x["id"] == id))
            .cloned()
            .unwrap_or_else(|| panic!("no {id} in {articles}"))
    };
    assert_eq!(articles.as_array().map(Vec::len), Some(7));
    let html = by_id("yen-thanh");
    assert_eq!(
        html["title"],
        "Huyện Yên Thành ra quân làm đường giao thông nông thôn"
    );
    assert_eq!(html["date"], "2023-03-05");
    assert!(!html.to_string().contains("dataLayer"), "{html}");
    assert!(by_id("deep").to_string().contains("Lũ ở Yên Bái"));

    let out = run(&["check".as_ref(), "--data".as_ref(), dir.path().as_os_str()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("articles:        7"), "{stdout}");
}
