//! The real binary in a pseudo-terminal: the terminal is restored on every
//! way out, no escape sequence from an article reaches it, it follows
//! resizes, suspends with Ctrl-Z, and a lost terminal ends it promptly
//! without burning CPU, also when SIGHUP is ignored.

#[path = "common/pty.rs"]
mod pty;

use std::time::{Duration, Instant};

use pty::{Pty, alive, cpu_time};

const BIN: &str = env!("CARGO_BIN_EXE_tintuc");
const SEEDS: &str = "data/articles.json";

fn browser(data: &str, cols: u16, rows: u16) -> Pty {
    let p = Pty::spawn(BIN, &["--data", data, "--lang", "en"], &[], cols, rows);
    p.wait_for("the browser", |s| {
        s.alternate_screen() && s.contents().contains("articles")
    });
    p
}

/// Canonical mode and echo are on again: raw mode was left.
fn cooked(p: &Pty) -> bool {
    p.termios()
        .is_some_and(|t| t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0)
}

fn assert_restored(p: &Pty) {
    p.wait_for("the main screen back", |s| !s.alternate_screen());
    assert!(p.with_screen(|s| !s.hide_cursor()), "cursor still hidden");
    assert!(cooked(p), "raw mode still on");
}

#[test]
fn quit_restores_the_terminal() {
    let mut p = browser(SEEDS, 80, 24);
    assert!(!cooked(&p), "the browser runs in raw mode");
    p.send("q");
    let status = p.wait_exit(Duration::from_secs(10)).expect("exits");
    assert!(status.success(), "{status:?}");
    assert_restored(&p);
}

#[test]
fn signals_restore_the_terminal() {
    for (signal, code) in [
        (libc::SIGTERM, 143),
        (libc::SIGINT, 130),
        (libc::SIGQUIT, 131),
    ] {
        let mut p = browser(SEEDS, 80, 24);
        p.signal(signal);
        let status = p.wait_exit(Duration::from_secs(10)).expect("exits");
        assert_eq!(status.exit_code(), code, "signal {signal}");
        assert_restored(&p);
    }
}

/// The sequences an article must never get to the terminal.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]52;c;AAAA\u{7}";

fn assert_clean(raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    for bad in [
        "\u{1b}]0;",
        "pwned",
        "\u{1b}[2J",
        "\u{1b}]52",
        "AAAA",
        "\u{202e}",
        "\u{9b}",
    ] {
        assert!(!text.contains(bad), "{bad:?} reached the terminal");
    }
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("hostile.json");
    let article = serde_json::json!([{
        "id": "x",
        "title": format!("Tin {HOSTILE}Từ Sơn \u{202e}ngược"),
        "author": HOSTILE,
        "places": ["Từ Sơn"],
        "body": [format!("Đoạn một {HOSTILE} vẫn đọc được."), {"kind": "caption", "text": HOSTILE}]
    }]);
    std::fs::write(&json, article.to_string()).expect("write");
    // The same through ingest: raw text of article length with the bytes
    // in it (a short file of mostly control bytes is rejected as binary).
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).expect("dir");
    let filler = "Ủy ban nhân dân phường Đông Ngàn tổ chức hội nghị triển khai nhiệm vụ năm mới. ";
    std::fs::write(
        raw.join("bai.txt"),
        format!(
            "Tin {HOSTILE}Từ Sơn\n\n12/10/2017 08:56\n\nĐoạn một {HOSTILE} vẫn đọc được, ở phường Đông Ngàn.\n\n{}\n",
            filler.repeat(20)
        ),
    )
    .expect("write");

    for data in [json.display().to_string(), raw.display().to_string()] {
        let mut p = browser(&data, 100, 30);
        p.send("\r");
        p.wait_for_text("vẫn đọc được");
        p.send("q");
        p.send("q");
        p.wait_exit(Duration::from_secs(10)).expect("exits");
        assert_clean(&p.raw());
    }
}

#[test]
fn resizing_relays_out_at_once() {
    let mut p = browser(SEEDS, 120, 40);
    p.wait_for("the status bar on the last row", |s| {
        s.contents()
            .lines()
            .nth(39)
            .is_some_and(|l| l.contains("articles"))
    });
    p.resize(60, 20);
    p.wait_for("the status bar on the new last row", |s| {
        s.contents()
            .lines()
            .nth(19)
            .is_some_and(|l| l.contains("articles"))
    });
    p.send("q");
    if p.wait_exit(Duration::from_secs(10)).is_none() {
        panic!("did not exit; screen:\n{}", p.screen());
    }
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    // A shell with job control, as a person would have.
    let mut p = Pty::spawn(
        "bash",
        &["--norc", "--noprofile", "-i"],
        &[("PS1", "$ ")],
        80,
        24,
    );
    p.wait_for_text("$ ");
    p.send(format!("{BIN} --data {SEEDS} --lang en\r"));
    p.wait_for("the browser", |s| {
        s.alternate_screen() && s.contents().contains("articles")
    });
    p.send("\u{1a}");
    p.wait_for("the shell, with the browser stopped", |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    });
    assert!(p.with_screen(|s| !s.hide_cursor()));
    p.send("fg\r");
    p.wait_for("the browser, fully drawn again", |s| {
        s.alternate_screen() && s.contents().contains("articles") && s.contents().contains("Search")
    });
    p.send("q");
    p.wait_for("the shell again", |s| !s.alternate_screen());
    p.send("exit\r");
    p.wait_exit(Duration::from_secs(10))
        .expect("the shell exits");
}

/// The terminal goes away while SIGHUP is ignored (`nohup`): the process
/// must notice by itself, within 3 s, using well under a second of CPU.
#[test]
fn lost_terminal_ends_the_process_even_with_sighup_ignored() {
    for ignore in [true, false] {
        let script = format!(
            "{}exec {BIN} --data {SEEDS} --lang en",
            if ignore { "trap '' HUP; " } else { "" }
        );
        let mut p = Pty::spawn("sh", &["-c", &script], &[], 80, 24);
        p.wait_for("the browser", |s| {
            s.alternate_screen() && s.contents().contains("articles")
        });
        let pid = p.pid();
        let cpu_before = cpu_time(pid).expect("/proc/PID/stat readable");
        p.close();
        let start = Instant::now();
        while alive(pid) && start.elapsed() < Duration::from_secs(3) {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(
            !alive(pid),
            "still running 3 s after the terminal went away (ignore={ignore})"
        );
        let used = cpu_time(pid).unwrap_or_default().saturating_sub(cpu_before);
        assert!(used < Duration::from_secs(1), "used {used:?} of CPU");
        p.wait_exit(Duration::from_secs(5)).expect("reaped");
    }
}

/// While nobody types, the process sleeps: no periodic redraw, no CPU.
#[test]
fn idle_is_idle() {
    let mut p = browser(SEEDS, 80, 24);
    let pid = p.pid();
    let before = p.raw_len();
    // Without /proc nothing shows the CPU used: the test cannot pass.
    let cpu_before = cpu_time(pid).expect("/proc/PID/stat readable");
    // Long enough that a ticking loop (even at 1 Hz) would show.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(p.raw_len(), before, "the screen was redrawn while idle");
    let used = cpu_time(pid)
        .expect("/proc/PID/stat readable")
        .saturating_sub(cpu_before);
    assert!(
        used <= Duration::from_millis(20),
        "used {used:?} of CPU while idle"
    );
    p.send("q");
    p.wait_exit(Duration::from_secs(10)).expect("exits");
}
