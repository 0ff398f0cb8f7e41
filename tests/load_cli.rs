//! Loading through the real binary: a bad file among good ones, files
//! that are not regular files, links that loop, sizes beyond any article.
#![allow(
    unsafe_code,
    reason = "system calls the test needs (FIFOs, poll, signals) that the standard library does not wrap"
)]

#[path = "common/binary.rs"]
mod binary;
use binary::tintuc;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn run(args: &[&str], data: &Path) -> (Option<i32>, String, String) {
    let mut c = tintuc();
    c.args(args).arg("--data").arg(data);
    within(c, PATIENCE)
}

/// How long a command may take on a slow, busy machine; a command that
/// reads forever is killed after it, and the test fails.
const PATIENCE: Duration = Duration::from_secs(30);

/// Runs `cmd`, killing it if it has not ended after `limit`: a test of
/// something that used to hang must not hang itself.
fn within(cmd: Command, limit: Duration) -> (Option<i32>, String, String) {
    let out = binary::run_within(cmd, limit);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
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

#[test]
fn a_device_is_refused_not_read() {
    let (code, stdout, stderr) = run(&["check"], Path::new("/dev/zero"));
    assert_eq!(code, Some(2), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("/dev/zero: not a regular file (a character device)"),
        "{stdout}"
    );
    let (code, stdout, stderr) = run(&["search", "x"], Path::new("/dev/zero"));
    assert_eq!(code, Some(2), "{stdout}\n{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");

    let mut c = tintuc();
    c.args(["ingest", "/dev/zero"]);
    let (code, stdout, stderr) = within(c, PATIENCE);
    assert_eq!(code, Some(2), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("/dev/zero: not a regular file (a character device)"),
        "{stderr}"
    );
}

#[test]
fn a_fifo_among_the_files_is_skipped_without_waiting() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.json"), GOOD).expect("write");
    mkfifo(&dir.path().join("x.json"));
    mkfifo(&dir.path().join("y.txt"));
    let (code, stdout, stderr) = run(&["search", "nong thon"], dir.path());
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("Nông thôn mới ở Từ Sơn"), "{stdout}");
    assert!(
        stderr.contains("x.json: not a regular file (a FIFO)"),
        "{stderr}"
    );
    assert!(stderr.contains("2 files skipped"), "{stderr}");
    // Named directly too.
    let (code, stdout, _) = run(&["check"], &dir.path().join("x.json"));
    assert_eq!(code, Some(2), "{stdout}");
    assert!(stdout.contains("a FIFO"), "{stdout}");
    let mut c = tintuc();
    c.arg("ingest").arg(dir.path());
    let (code, _, stderr) = within(c, PATIENCE);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("y.txt: not a regular file (a FIFO)"),
        "{stderr}"
    );
}

#[test]
fn links_back_up_the_tree_are_read_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("a/b")).expect("dirs");
    std::fs::write(root.join("a/good.json"), GOOD).expect("write");
    std::fs::write(
        root.join("a/b/more.jsonl"),
        "{\"id\": \"c\", \"title\": \"Mưa lớn\"}\n",
    )
    .expect("write");
    // Followed blindly, two links to `..` give 2^40 paths.
    std::os::unix::fs::symlink("..", root.join("a/b/up")).expect("link");
    std::os::unix::fs::symlink("..", root.join("a/b/up2")).expect("link");
    std::os::unix::fs::symlink(root.join("a/b"), root.join("b")).expect("link");
    let (code, stdout, _) = run(&["check"], root);
    assert!(stdout.contains("articles:        3"), "{stdout}");
    assert!(!stdout.contains("duplicate id"), "{stdout}");
    assert!(stdout.contains("through a link"), "{stdout}");
    assert_eq!(code, Some(2), "{stdout}");

    let mut c = tintuc();
    std::fs::write(root.join("a/b/x.txt"), "Tiêu đề\n\nMột đoạn văn.\n").expect("write");
    c.arg("ingest").arg(root);
    let (_, stdout, stderr) = within(c, PATIENCE);
    assert_eq!(
        stdout.matches("\"id\": \"x\"").count(),
        1,
        "{stdout}\n{stderr}"
    );
    assert!(!stderr.contains("duplicate id"), "{stderr}");
}

#[test]
fn a_file_reached_again_through_a_link_is_read_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::write(root.join("real.json"), GOOD).expect("write");
    // A chain of links to one file, and a hard link to it: one file.
    std::os::unix::fs::symlink("real.json", root.join("a1.json")).expect("link");
    std::os::unix::fs::symlink("a1.json", root.join("a2.json")).expect("link");
    std::fs::hard_link(root.join("real.json"), root.join("z.json")).expect("hard link");
    let (code, stdout, _) = run(&["check"], root);
    assert!(stdout.contains("articles:        2"), "{stdout}");
    assert!(!stdout.contains("duplicate id"), "{stdout}");
    assert_eq!(
        stdout.matches("each file is read once").count(),
        3,
        "{stdout}"
    );
    assert_eq!(code, Some(2), "{stdout}");
    let (code, stdout, stderr) = run(&["search", ""], root);
    assert_eq!(stdout.lines().count(), 2, "{stdout}\n{stderr}");
    assert!(!stderr.contains("duplicate id"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn an_article_beyond_the_size_limit_is_refused_by_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 40 MB: more than the size above which array files are read in blocks.
    let huge = "x".repeat(40 << 20);
    let array = dir.path().join("big.json");
    std::fs::write(
        &array,
        format!(
            "[{{\"id\":\"a\",\"title\":\"A\"}},{{\"id\":\"big\",\"title\":\"B\",\"body\":\"{huge}\"}},{{\"id\":\"c\",\"title\":\"C\"}}]"
        ),
    )
    .expect("write");
    let (code, stdout, _) = run(&["check"], &array);
    assert_eq!(code, Some(2), "{stdout}");
    assert!(stdout.contains("articles:        2"), "{stdout}");
    assert!(
        stdout.contains(
            "big.json:1:25: article #2 is too large (40.0 MB; the limit for an article is 8.0 MB)"
        ),
        "{stdout}"
    );
    drop(huge);

    let lines = dir.path().join("big.jsonl");
    let long = "y".repeat(12 << 20);
    std::fs::write(
        &lines,
        format!("{{\"id\":\"a\",\"title\":\"A\"}}\n{{\"id\":\"b\",\"title\":\"{long}\"}}\n"),
    )
    .expect("write");
    let (code, stdout, _) = run(&["check"], &lines);
    assert_eq!(code, Some(2), "{stdout}");
    assert!(
        stdout.contains("big.jsonl:2:1: article #2 is too large (12.0 MB;"),
        "{stdout}"
    );

    // One string, not a collection: said without quoting it.
    let string = dir.path().join("string.json");
    std::fs::write(&string, format!("\"{long}\"")).expect("write");
    let (code, stdout, _) = run(&["check"], &string);
    assert_eq!(code, Some(2), "{stdout}");
    assert!(
        stdout.contains("string.json:1:1: not a collection"),
        "{stdout}"
    );
    assert!(stdout.len() < 4096, "{} bytes of output", stdout.len());
}

/// A file made of one article of 200 MB is refused by its position in a
/// few megabytes of memory: it is scanned in chunks, never held whole.
#[test]
fn one_huge_article_is_refused_without_being_held() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.json");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    f.write_all(br#"[{"id": "big", "title": "t", "body": ""#)
        .expect("write");
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..200 {
        f.write_all(&chunk).expect("write");
    }
    f.write_all(br#""}, {"id": "small", "title": "kept"}]"#)
        .expect("write");
    f.flush().expect("flush");
    drop(f);
    // GNU time reads the peak of its own child, started from a small
    // process (a child of the test process would count the test's memory
    // from before its exec).
    let peak_file = dir.path().join("peak");
    let base = tintuc();
    let mut c = Command::new("/usr/bin/time");
    c.args(["-f", "%M", "-o"]).arg(&peak_file);
    c.arg(base.get_program())
        .args(["check", "--data"])
        .arg(&path);
    for (k, v) in base.get_envs() {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    let (_, out, _) = within(c, PATIENCE);
    assert!(
        out.contains("huge.json:1:2: article #1 is too large (200.0 MB"),
        "{out}"
    );
    assert!(out.contains("articles:        1"), "{out}");
    let peak_kb: u64 = std::fs::read_to_string(&peak_file)
        .expect("peak")
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .expect("a number of kilobytes");
    let peak_mb = peak_kb / 1024;
    assert!(peak_mb < 64, "peak {peak_mb} MB for a 200 MB file");
}
