//! The real binary in a pseudo-terminal, with its reading state and its
//! configuration: the exact OSC 52 bytes of a copy, state kept across
//! runs and saved on a signal, a corrupt state file moved aside with a
//! message, the configuration's language and keys, the mouse.

#[path = "common/pty.rs"]
mod pty;

use std::time::{Duration, Instant};

use base64::Engine as _;
use pty::{PATIENCE, Pty};
use tintuc::load::{self, DataSource};
use tintuc::reading_state::StateFile;

const BIN: &str = env!("CARGO_BIN_EXE_tintuc");
const SEEDS: &str = "data/articles.json";

fn browser(args: &[&str], env: &[(&str, &str)]) -> Pty {
    let mut all = vec!["--data", SEEDS];
    all.extend(args);
    let p = Pty::spawn(BIN, &all, env, 100, 30);
    p.wait_for("the browser", |s| {
        s.alternate_screen() && (s.contents().contains("articles") || s.contents().contains("bài"))
    });
    p
}

fn quit(p: &mut Pty) {
    p.send("q");
    let status = p.wait_exit(Duration::from_secs(10)).expect("exits");
    assert!(status.success(), "{status:?}; screen:\n{}", p.screen());
}

/// The state file of a browser started without --state.
fn state_file(p: &Pty) -> StateFile {
    StateFile::new(p.state_home().join("tintuc").join("state.json"))
}

/// Waits until `cond` holds for the state file's content.
fn wait_for_file(path: &std::path::Path, what: &str, cond: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if cond(&text) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}: {text}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn capital_y_sends_the_exact_osc52_bytes() {
    let collection = load::load(&DataSource::Path(SEEDS.into())).expect("seeds");
    // The first article of the start screen: the newest.
    let article = collection
        .articles
        .iter()
        .max_by_key(|a| a.date)
        .expect("an article");
    let text = tintuc::clipboard::title_and_source(article);
    assert!(text.starts_with(&article.title));
    let expected = format!(
        "\u{1b}]52;c;{}\u{7}",
        base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
    );

    let mut p = browser(&["--lang", "en"], &[]);
    p.send("Y");
    p.wait_for_text("Copied the title");
    let raw = p.raw();
    let at = find(&raw, expected.as_bytes()).unwrap_or_else(|| {
        panic!(
            "{expected:?} not in the output; OSC 52 sent: {:?}",
            find(&raw, b"\x1b]52")
                .map(|i| String::from_utf8_lossy(&raw[i..(i + 200).min(raw.len())]))
        )
    });
    // Sent once, whole, and nothing else on the clipboard.
    assert_eq!(
        raw.windows(5).filter(|w| *w == b"\x1b]52;").count(),
        1,
        "one OSC 52 sequence"
    );
    assert!(at > 0);

    // y: the article as text, the same way.
    p.send("y");
    p.wait_for_text("Copied the article");
    let raw = p.raw();
    let start = raw
        .windows(7)
        .rposition(|w| w == b"\x1b]52;c;")
        .expect("a second sequence");
    let end = start + raw[start..].iter().position(|&b| b == 7).expect("BEL");
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(&raw[start + 7..end])
        .expect("base64");
    let copied = String::from_utf8(decoded).expect("UTF-8");
    assert!(
        copied.starts_with(&format!("{}\n", article.title)),
        "{copied}"
    );
    assert!(
        copied.contains("Đông Ngàn, Đình Bảng, Tân Hồng, Phù Chẩn · Từ Sơn · Bắc Ninh"),
        "{copied}"
    );
    assert!(copied.contains(&article.body[0].text), "{copied}");
    quit(&mut p);
}

#[test]
fn copying_can_be_turned_off() {
    let mut p = browser(&["--lang", "en", "--no-osc52"], &[]);
    p.send("Y");
    p.wait_for_text("is off");
    assert!(find(&p.raw(), b"\x1b]52").is_none());
    quit(&mut p);
}

#[test]
fn state_survives_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state.json");
    let state_arg = state.display().to_string();
    let mut p = browser(&["--lang", "en", "--state", &state_arg], &[]);
    // Open the second article, scroll, bookmark it, back, search.
    p.send("j\r");
    p.wait_for_text("Ngọc Lâm");
    p.send("jjjjjjj");
    p.wait_for("scrolled", |s| s.contents().contains(" 8–"));
    p.send("m");
    p.wait_for_text("★ Bookmarked");
    p.send("h/@tuson\r");
    p.wait_for_text("4/5 articles");
    quit(&mut p);
    let (saved, note) = StateFile::new(&state).load();
    assert_eq!(note, None);
    assert_eq!(saved.last_query(), "@tuson");
    assert_eq!(saved.history(), ["@tuson"]);
    let id = "002_9d90d06281b03cfb";
    assert!(saved.is_read(id) && saved.is_bookmarked(id));
    assert!(saved.scroll(id) > 0);

    // Again: the query and its results, the marks, the position.
    let mut p = browser(&["--lang", "en", "--state", &state_arg], &[]);
    p.wait_for("the last query", |s| {
        let c = s.contents();
        c.starts_with("Search: @tuson") && c.contains("4/5 articles")
    });
    p.send("/\u{15}");
    p.wait_for_text("5/5 articles");
    p.send("\u{1b}");
    p.wait_for_text("Enter read");
    p.send("j");
    p.wait_for("the bookmark mark on its row", |s| {
        s.contents().lines().any(|l| l.contains("★ 03/09/2020"))
    });
    p.send("\r");
    p.wait_for("the article where it was left", |s| {
        s.contents().contains("Article 2/5 ★") && s.contents().contains(" 8–")
    });
    p.send("h");
    p.wait_for_text("Enter read");
    quit(&mut p);
}

#[test]
fn a_signal_saves_what_changed() {
    let mut p = browser(&["--lang", "en"], &[]);
    p.send("m");
    p.wait_for_text("★ Bookmarked");
    // At once, before the second is up.
    p.signal(libc::SIGTERM);
    let status = p.wait_exit(Duration::from_secs(10)).expect("exits");
    assert_eq!(status.exit_code(), 143);
    let (saved, _) = state_file(&p).load();
    assert!(saved.is_bookmarked("003_ab81406eff306518"));
}

#[test]
fn a_change_reaches_the_disk_without_quitting() {
    let mut p = browser(&["--lang", "en"], &[]);
    p.send("jm");
    p.wait_for_text("★ Bookmarked");
    let path = state_file(&p).path().to_path_buf();
    let text = wait_for_file(&path, "the bookmark on disk", |t| t.contains("bookmarked"));
    assert!(text.contains("002_9d90d06281b03cfb"), "{text}");
    quit(&mut p);
}

#[test]
fn a_corrupt_state_file_is_moved_aside_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state.json");
    std::fs::write(&state, "{\"articles\": {\"x\": tru").expect("write");
    let state_arg = state.display().to_string();
    let mut p = browser(&["--lang", "en", "--state", &state_arg], &[]);
    p.wait_for_text("state file was unreadable");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("state.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = std::fs::read_to_string(dir.path().join(&aside[0])).expect("kept");
    assert_eq!(kept, "{\"articles\": {\"x\": tru");
    // The next key clears the message; quitting says it again on stderr.
    p.send("j");
    p.wait_for_text("Enter read");
    quit(&mut p);
    p.wait_for("the message after the browser", |s| {
        !s.alternate_screen() && s.contents().contains("moved to")
    });
}

/// Writes a configuration for the browser `p` will be (its temporary
/// XDG_CONFIG_HOME).
fn configured(config: &str, args: &[&str]) -> Pty {
    let xdg = tempfile::tempdir().expect("temp dir");
    let home = xdg.path().to_path_buf();
    std::fs::create_dir_all(home.join("tintuc")).expect("dir");
    std::fs::write(home.join("tintuc/config.toml"), config).expect("write");
    let home_text = home.display().to_string();
    let p = browser(args, &[("XDG_CONFIG_HOME", &home_text)]);
    // The configuration was read at start; the directory can go.
    drop(xdg);
    p
}

#[test]
fn the_configuration_is_applied() {
    let config = "[general]\nlanguage = \"vi\"\nsort = \"oldest\"\nosc52 = false\n\
                  [keys]\nbookmark = \"b\"\nquit = \"x\"\n";
    let mut p = configured(config, &[]);
    p.wait_for("Vietnamese, oldest first", |s| {
        let c = s.contents();
        c.contains("5/5 bài") && c.contains("cũ nhất")
    });
    p.send("b");
    p.wait_for_text("Đã đánh dấu");
    p.send("y");
    p.wait_for_text("đang tắt");
    assert!(find(&p.raw(), b"\x1b]52").is_none());
    // q no longer quits: the help still opens after it.
    p.send("q");
    p.send("?");
    p.wait_for("the help with the configured keys", |s| {
        let c = s.contents();
        c.contains("x Ctrl-C")
            && c.lines()
                .any(|l| l.contains(" b ") && l.contains("đánh dấu ★"))
    });
    // Esc alone (with x at once, it would read as Alt-x).
    p.send("\u{1b}");
    p.wait_for("the help closed", |s| !s.contents().contains("x Ctrl-C"));
    p.send("x");
    let status = p.wait_exit(Duration::from_secs(10)).expect("x quits");
    assert!(status.success());

    // --lang wins over the configuration.
    let mut p = configured(config, &["--lang", "en"]);
    p.wait_for_text("5/5 articles");
    p.send("x");
    p.wait_exit(Duration::from_secs(10)).expect("exits");
}

#[test]
fn the_mouse_selects_and_scrolls() {
    let mut p = browser(&["--lang", "en"], &[]);
    // Clicks and the wheel are asked for, in the SGR encoding.
    p.wait_for("mouse reporting", |s| {
        s.mouse_protocol_mode() != vt100::MouseProtocolMode::None
    });
    // A click on the third row of the list (1-based coordinates).
    p.send("\u{1b}[<0;10;4M\u{1b}[<0;10;4m");
    p.wait_for_text("Article 3/5");
    // The wheel over the article scrolls it by three lines.
    p.send("\u{1b}[<65;70;10M");
    p.wait_for("scrolled by the wheel", |s| s.contents().contains(" 4–"));
    quit(&mut p);
    p.wait_for("mouse reporting off", |s| {
        s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
    });

    let config = "[general]\nmouse = false\n";
    let mut p = configured(config, &["--lang", "en"]);
    // Drawn, so the terminal was set up: without asking for the mouse.
    assert_eq!(
        p.with_screen(|s| s.mouse_protocol_mode()),
        vt100::MouseProtocolMode::None
    );
    quit(&mut p);
}
