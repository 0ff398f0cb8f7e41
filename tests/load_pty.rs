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
        let mut p = Pty::spawn(
            BIN,
            &["--data", &data, "--lang", lang],
            SHOWN_AT_ONCE,
            100,
            30,
        );
        p.wait_for_text(says);
        // The good articles are there.
        p.wait_for_text("Lúa mùa Bắc Ninh");
        quit(&mut p);
    }
}

/// A collection that takes well over half a second to load and index:
/// generated text, larger in an optimised build.
fn big_collection(dir: &std::path::Path) -> std::path::PathBuf {
    let n = if cfg!(debug_assertions) {
        25_000
    } else {
        250_000
    };
    let words = [
        "nông",
        "thôn",
        "mới",
        "xã",
        "huyện",
        "tỉnh",
        "đường",
        "trường",
        "lúa",
        "mùa",
        "dân",
        "cán",
        "bộ",
        "họp",
        "báo",
        "cáo",
        "kinh",
        "tế",
        "văn",
        "hóa",
    ];
    let path = dir.join("big.json");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    use std::io::Write;
    writeln!(out, "[").expect("write");
    for i in 0..n {
        let body: Vec<&str> = (0..160)
            .map(|k| words[(i * 7 + k * 13 + k / 5) % words.len()])
            .collect();
        writeln!(
            out,
            "{{\"id\": \"a{i}\", \"title\": \"Tin số {i} về {}\", \"date\": \"2020-01-{:02}\", \"places\": [\"Từ Sơn\"], \"body\": [\"{}\"]}}{}",
            words[i % words.len()],
            i % 28 + 1,
            body.join(" "),
            if i + 1 < n { "," } else { "" }
        )
        .expect("write");
    }
    writeln!(out, "]").expect("write");
    out.flush().expect("flush");
    path
}

/// Progress shown from the start: how long loading takes depends on the
/// machine.
const SHOWN_AT_ONCE: &[(&str, &str)] = &[("TINTUC_PROGRESS_DELAY", "0")];

/// The terminal as it was: the main screen, line editing and echo on.
fn assert_restored(p: &Pty) {
    // The last bytes written may still be on their way to the screen.
    p.wait_for("the main screen back", |s| !s.alternate_screen());
    let t = p.termios().expect("termios");
    assert!(
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0,
        "raw mode left on"
    );
}

fn loading_screen(data: &str, lang: &str) -> Pty {
    let p = Pty::spawn(
        BIN,
        &["--data", data, "--lang", lang],
        SHOWN_AT_ONCE,
        160,
        30,
    );
    p.wait_for("the loading line with counts", |s| {
        let c = s.contents();
        // On the main screen: the alternate one is the browser's alone.
        !s.alternate_screen()
            && c.contains("Loading ")
            && c.contains(" MB · ")
            && c.contains("articles")
    });
    p
}

#[test]
fn loading_shows_progress_and_ctrl_c_or_a_signal_ends_it_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = big_collection(dir.path()).to_string_lossy().into_owned();
    for (how, code) in [
        ("ctrl-c", 130),
        ("SIGTERM", 143),
        ("SIGHUP", 129),
        ("SIGINT", 130),
    ] {
        let mut p = loading_screen(&data, "en");
        match how {
            "ctrl-c" => p.send("\x03"),
            "SIGTERM" => p.signal(libc::SIGTERM),
            "SIGHUP" => p.signal(libc::SIGHUP),
            _ => p.signal(libc::SIGINT),
        }
        let status = p
            .wait_exit(Duration::from_secs(5))
            .unwrap_or_else(|| panic!("{how}: still running"));
        assert_eq!(status.exit_code(), code, "{how}");
        assert_restored(&p);
        p.wait_for("the line erased", |s| !s.contents().contains("Loading "));
    }
}

#[test]
fn the_browser_opens_once_loaded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = big_collection(dir.path()).to_string_lossy().into_owned();
    let mut p = Pty::spawn(
        BIN,
        &["--data", &data, "--lang", "vi"],
        SHOWN_AT_ONCE,
        100,
        30,
    );
    p.wait_for_output("the loading line", |out| out.contains("Đang tải"));
    // Indexing the whole collection in an unoptimised build, on a busy
    // machine, can take longer than any screen change should.
    p.wait_for_within("the list", pty::PATIENCE * 3, |s| {
        s.contents().contains("Tin số")
    });
    quit(&mut p);
}

#[test]
fn keys_typed_while_loading_reach_the_browser() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = big_collection(dir.path()).to_string_lossy().into_owned();
    let mut p = loading_screen(&data, "en");
    // Quits as soon as the browser reads it.
    p.send("q");
    let status = p.wait_exit(pty::PATIENCE * 2).expect("exits");
    assert!(status.success(), "{status:?}; screen:\n{}", p.screen());
    assert_restored(&p);
}

#[test]
fn commands_show_progress_on_a_terminal_then_erase_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = big_collection(dir.path()).to_string_lossy().into_owned();
    let mut p = Pty::spawn(BIN, &["check", "--data", &data], SHOWN_AT_ONCE, 100, 30);
    p.wait_for("progress", |s| {
        s.contents().contains("loading ") && s.contents().contains(" MB (")
    });
    let status = p.wait_exit(pty::PATIENCE).expect("exits");
    assert!(status.success(), "{status:?}\n{}", p.screen());
    p.wait_for_text("no problems found");
    assert!(!p.screen().contains(" MB ("), "{}", p.screen());
}

#[test]
fn ingest_shows_progress_on_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).expect("dir");
    let seed = std::fs::read_to_string("tests/fixtures/seeds/003_ab81406eff306518.txt")
        .expect("a seed article");
    let n = if cfg!(debug_assertions) { 400 } else { 4000 };
    for i in 0..n {
        std::fs::write(raw.join(format!("a{i}.txt")), &seed).expect("write");
    }
    let out = dir.path().join("out.json");
    let (raw, out_arg) = (raw.to_string_lossy(), out.to_string_lossy());
    let mut p = Pty::spawn(
        BIN,
        &["ingest", &raw, "-o", &out_arg],
        SHOWN_AT_ONCE,
        100,
        30,
    );
    p.wait_for("progress", |s| {
        s.contents().contains("loading raw articles: ") && s.contents().contains(" MB (")
    });
    let status = p.wait_exit(pty::PATIENCE * 3).expect("exits");
    assert!(status.success(), "{status:?}\n{}", p.screen());
    assert!(!p.screen().contains(" MB ("), "{}", p.screen());
    assert!(out.exists());
}
