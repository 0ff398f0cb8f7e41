//! The real binary in a pseudo-terminal, under what a terminal really
//! sends and does: signals and hangups during long work, stdin that is
//! not the terminal, awkward byte sequences, a terminal that goes away.

#[path = "common/pty.rs"]
mod pty;

use std::io::Write;
use std::time::{Duration, Instant};

use pty::{Pty, alive, cpu_time, wait_busy, wait_idle};

const BIN: &str = env!("CARGO_BIN_EXE_tintuc");
const PARAGRAPHS: usize = 6_000;
/// CPU time that shows the find is under way.
const FINDING: Duration = Duration::from_millis(30);

/// A collection of one long article, `paragraphs` paragraphs each with
/// "nông" many times in it, and a short one; in a temporary directory.
/// Finding in it costs far more than loading it.
fn long_article(paragraphs: usize) -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("tintuc-long")
        .tempdir()
        .expect("temp dir");
    let path = dir.path().join("long.json");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    write!(out, r#"[{{"id":"long","title":"Nông thôn","body":["#).expect("write");
    for i in 0..paragraphs {
        let sep = if i == 0 { "" } else { "," };
        write!(out, r#"{sep}"Đoạn {i}:{}""#, " nông".repeat(100)).expect("write");
    }
    writeln!(
        out,
        r#"]}},{{"id":"short","title":"Khác","body":["Ngắn."]}}]"#
    )
    .expect("write");
    out.flush().expect("flush");
    dir
}

fn browser_on(data: &std::path::Path) -> Pty {
    let data = data.to_str().expect("utf-8 path");
    let p = Pty::spawn(BIN, &["--data", data, "--lang", "en"], &[], 80, 24);
    p.wait_for("the browser", |s| {
        s.alternate_screen() && s.contents().contains("articles")
    });
    p
}

fn cooked(p: &Pty) -> bool {
    p.termios()
        .is_some_and(|t| t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0)
}

/// Waits for the process to end, at most `limit`; how long it took.
fn ended_within(p: &mut Pty, limit: Duration) -> Option<(Duration, portable_pty::ExitStatus)> {
    let start = Instant::now();
    let status = p.wait_exit(limit)?;
    Some((start.elapsed(), status))
}

/// A signal in the middle of a long find in a long article ends the
/// browser at once, with the terminal put back.
#[test]
fn a_signal_during_a_long_find_ends_the_browser() {
    let dir = long_article(PARAGRAPHS);
    for (signal, code) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129)] {
        let mut p = browser_on(&dir.path().join("long.json"));
        p.send("\r");
        p.wait_for_text("Đoạn 0");
        // The search is long: every letter typed finds anew.
        p.send("/nong\r");
        assert!(
            wait_busy(p.pid(), FINDING, Duration::from_secs(10)),
            "the find never started"
        );
        assert!(
            !p.screen().contains("match "),
            "the find ended before the signal; make the article longer"
        );
        p.signal(signal);
        let (took, status) =
            ended_within(&mut p, Duration::from_secs(10)).expect("ends after the signal");
        assert!(
            took < Duration::from_secs(3),
            "signal {signal}: took {took:?}"
        );
        assert_eq!(status.exit_code(), code, "signal {signal}");
        p.wait_for("the main screen back", |s| !s.alternate_screen());
        assert!(cooked(&p), "raw mode still on");
    }
}

/// The terminal goes away (the SSH connection drops) during a long
/// find: the process ends by itself, even with SIGHUP ignored.
#[test]
fn a_hangup_during_a_long_find_ends_the_browser() {
    let dir = long_article(PARAGRAPHS);
    let data = dir.path().join("long.json");
    let script = format!(
        "trap '' HUP; exec {BIN} --data {} --lang en",
        data.to_str().expect("utf-8 path")
    );
    let mut p = Pty::spawn("sh", &["-c", &script], &[], 80, 24);
    p.wait_for("the browser", |s| {
        s.alternate_screen() && s.contents().contains("articles")
    });
    p.send("\r");
    p.wait_for_text("Đoạn 0");
    p.send("/nong\r");
    assert!(
        wait_busy(p.pid(), FINDING, Duration::from_secs(10)),
        "the find never started"
    );
    assert!(!p.screen().contains("match "), "the find ended too soon");
    let pid = p.pid();
    p.close();
    let start = Instant::now();
    while alive(pid) && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        !alive(pid),
        "still running 3 s after the terminal went away"
    );
    p.wait_exit(Duration::from_secs(5)).expect("reaped");
}

/// stdin is not the terminal (`tintuc < /dev/null`, `echo jjjq | tintuc`,
/// `yes | tintuc`): keys are read from the terminal all the same, the
/// end of stdin ends nothing, and waiting for a key costs no CPU.
#[test]
fn keys_come_from_the_terminal_whatever_stdin_is() {
    for stdin in ["< /dev/null", "< <(echo jjjq)", "< <(yes)"] {
        let script = format!("exec {BIN} --data data/articles.json --lang en {stdin}");
        let mut p = Pty::spawn("bash", &["-c", &script], &[], 80, 24);
        p.wait_for("the browser", |s| {
            s.alternate_screen() && s.contents().contains("articles")
        });
        let pid = p.pid();
        // Whatever stdin holds has been read, and its end too, once the
        // process settles.
        assert!(
            wait_idle(pid, Duration::from_millis(200), Duration::from_secs(10)),
            "{stdin}: never settled"
        );
        let before = cpu_time(pid).expect("/proc/PID/stat readable");
        // The window over which idle CPU is measured.
        std::thread::sleep(Duration::from_millis(1500));
        let used = cpu_time(pid)
            .expect("/proc/PID/stat readable")
            .saturating_sub(before);
        assert!(
            used <= Duration::from_millis(50),
            "{stdin}: used {used:?} of CPU while idle"
        );
        assert!(alive(pid), "{stdin}: ended by itself");
        // A key typed on the terminal works: the help, then quit.
        p.send("?");
        p.wait_for_text("help");
        p.send("q");
        p.send("q");
        let status = p.wait_exit(Duration::from_secs(10)).expect("quits");
        assert!(status.success(), "{stdin}: {status:?}");
    }
}

/// The terminal goes away (the master side closed, with or without
/// SIGHUP delivered): the browser ends without a word on stderr, where
/// nobody could read it ("Failed to show the cursor" was printed).
#[test]
fn a_hangup_prints_nothing() {
    for trap in ["", "trap '' HUP; "] {
        let dir = tempfile::Builder::new()
            .prefix("tintuc-hup")
            .tempdir()
            .expect("temp dir");
        let err = dir.path().join("stderr");
        let script = format!(
            "{trap}exec {BIN} --data data/articles.json --lang en 2>{}",
            err.to_str().expect("utf-8 path")
        );
        let mut p = Pty::spawn("sh", &["-c", &script], &[], 80, 24);
        p.wait_for("the browser", |s| {
            s.alternate_screen() && s.contents().contains("articles")
        });
        let raw_before = p.raw_len();
        p.close();
        let status = p.wait_exit(Duration::from_secs(10)).expect("ends");
        assert_eq!(status.exit_code(), 129, "{trap:?}");
        let said = std::fs::read_to_string(&err).expect("stderr file");
        assert!(said.is_empty(), "{trap:?}: stderr says {said:?}");
        let raw = String::from_utf8_lossy(&p.raw()[raw_before..]).into_owned();
        assert!(!raw.contains("Failed"), "{trap:?}: {raw:?}");
    }
}

/// A megabyte pasted into the query (bracketed paste): answered at
/// once, cut to what a query holds, and neither the history nor the last
/// query keeps more, so the next start is not slowed either.
#[test]
fn a_huge_paste_is_answered_and_not_kept() {
    let mut p = Pty::spawn(
        BIN,
        &["--data", "data/articles.json", "--lang", "en"],
        &[],
        100,
        24,
    );
    p.wait_for("the browser", |s| {
        s.alternate_screen() && s.contents().contains("articles")
    });
    let state = p.state_home().join("tintuc/state.json");
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend("nông thôn ".repeat(100_000).bytes());
    paste.extend(b"\x1b[201~");
    let start = Instant::now();
    p.send(&paste);
    p.wait_for_text("at most 500 characters");
    let took = start.elapsed();
    p.send("\r");
    p.wait_for("the query submitted", |s| {
        !s.contents().contains("at most 500")
    });
    p.send("q");
    let status = p.wait_exit(Duration::from_secs(10)).expect("quits");
    assert!(status.success(), "{status:?}");
    let saved = std::fs::read_to_string(&state).expect("state saved");
    assert!(
        saved.len() < 5_000,
        "the state file holds {} bytes",
        saved.len()
    );
    assert!(saved.contains("nông thôn"), "{saved}");
    // The paste took its time to cross the terminal: what matters is that
    // it was not searched a keystroke at a time (minutes).
    assert!(took < Duration::from_secs(15), "answered after {took:?}");
}

/// The browser with the query line focused and empty.
fn browser_in_query() -> Pty {
    let p = Pty::spawn(
        BIN,
        &["--data", "data/articles.json", "--lang", "en"],
        &[],
        100,
        24,
    );
    p.wait_for("the browser", |s| {
        s.alternate_screen() && s.contents().contains("articles")
    });
    p
}

/// The text of the query line (the first row, after the prompt).
fn query_line(p: &Pty) -> String {
    p.screen().lines().next().unwrap_or_default().to_owned()
}

/// Esc at once followed by a letter (as fast as a terminal sends an Alt
/// key) is Esc, then the letter: `/` opens the query, Esc leaves it, `q`
/// quits; nothing is typed into the query.
#[test]
fn esc_then_a_letter_is_esc_then_the_letter() {
    let mut p = browser_in_query();
    p.send("/x");
    p.wait_for("x typed", |s| {
        s.contents().lines().next().is_some_and(|l| l.contains('x'))
    });
    p.send("\x1bq");
    let status = p.wait_exit(Duration::from_secs(10));
    assert!(
        status.is_some_and(|s| s.success()),
        "Esc q did not quit; query line: {:?}",
        query_line(&p)
    );
}

/// Ctrl-C after a bracketed paste that never ends, or after half an
/// escape sequence, still quits.
#[test]
fn ctrl_c_always_works() {
    for prefix in ["\x1b[200~pasted, never ended", "\x1b[", "\x1b[<0;5"] {
        let mut p = browser_in_query();
        p.send(prefix);
        // The prefix is taken in on its own, and the browser waits for
        // the rest of it, before Ctrl-C comes.
        assert!(
            wait_idle(p.pid(), Duration::from_millis(100), Duration::from_secs(5)),
            "{prefix:?}: never settled"
        );
        p.send("\x03");
        let status = p.wait_exit(Duration::from_secs(5));
        assert!(status.is_some(), "{prefix:?}: Ctrl-C was swallowed");
    }
}

/// A mouse report the decoder cannot take (an absurd coordinate) is
/// dropped, not typed into the query.
#[test]
fn a_broken_mouse_report_is_not_typed() {
    let mut p = browser_in_query();
    p.send("/");
    p.wait_for("the query focused", |s| s.contents().contains("Enter done"));
    p.send("\x1b[<0;99999999;5M");
    p.send("z");
    p.wait_for("z typed", |s| {
        s.contents().lines().next().is_some_and(|l| l.contains('z'))
    });
    let line = query_line(&p);
    assert!(!line.contains("99999") && !line.contains(';'), "{line:?}");
    p.send("\x03");
    p.wait_exit(Duration::from_secs(5)).expect("quits");
}
