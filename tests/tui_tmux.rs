//! The real binary in a real terminal (tmux): type a query, read the
//! screen, open an article, scroll, open the help, quit, and find the
//! terminal as it was. Every wait is on a condition, with a time limit.
#![allow(clippy::panic, reason = "a test fails by panicking")]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// CI machines are small and shared: be patient, but not forever.
const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(40);

/// A tmux server of our own, on a socket in a temporary directory; the
/// server is killed and the directory removed when dropped, even when a
/// test fails.
struct Tmux {
    socket: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmux {
    fn start(width: u16, height: u16) -> Tmux {
        let dir = tempfile::Builder::new()
            .prefix("tintuc-tmux")
            .tempdir()
            .expect("temp dir");
        let tmux = Tmux {
            socket: dir.path().join("socket"),
            _dir: dir,
        };
        let dir = env!("CARGO_MANIFEST_DIR");
        let out = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-c",
            dir,
            "-s",
            "main",
            // State and configuration of our own, never the user's.
            &format!(
                "env PS1='$ ' XDG_STATE_HOME={0}/state XDG_CONFIG_HOME={0}/config TINTUC_INDEX=memory sh",
                tmux._dir.path().display()
            ),
        ]);
        assert!(
            out.status.success(),
            "tmux new-session failed (is tmux installed? `apt-get install tmux`): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap_or_else(|e| panic!("cannot run tmux (apt-get install tmux): {e}"))
    }

    /// Keys by tmux name: "Enter", "Escape", "j".
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend(keys);
        assert!(self.run(&args).status.success());
    }

    /// Text typed literally.
    fn text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "main", "-l", text])
                .status
                .success()
        );
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    fn display(&self, format: &str) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["display-message", "-p", "-t", "main", format])
                .stdout,
        )
        .trim()
        .to_owned()
    }

    /// Polls the screen until `ready` holds; fails with the last screen.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(POLL);
        }
    }

    fn wait_for_format(&self, format: &str, value: &str) {
        let start = Instant::now();
        while self.display(format) != value {
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out waiting for {format} = {value}; the screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // The shell in the pane and what runs in it (a browser the test
        // left open when it failed) end after the server does, and the
        // browser saves its state on the way out: wait for them before the
        // directory is removed, or they would create it again.
        let shell: Option<u32> = self.display("#{pane_pid}").parse().ok();
        let mut pids: Vec<u32> = shell.into_iter().collect();
        pids.extend(shell.map(children_of).unwrap_or_default());
        let _ = self.run(&["kill-server"]);
        let start = Instant::now();
        while pids.iter().any(|&p| running(p)) && start.elapsed() < TIMEOUT {
            std::thread::sleep(POLL);
        }
    }
}

/// The process's state letter from /proc/PID/stat, and its parent.
fn stat(pid: u32) -> Option<(char, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let mut rest = stat[stat.rfind(')')? + 2..].split(' ');
    let state = rest.next()?.chars().next()?;
    Some((state, rest.next()?.parse().ok()?))
}

fn running(pid: u32) -> bool {
    stat(pid).is_some_and(|(state, _)| state != 'Z')
}

/// The processes whose parent is `pid`.
fn children_of(pid: u32) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&p| stat(p).is_some_and(|(_, parent)| parent == pid))
        .collect()
}

/// The reading position "first–last/total" from the article's header.
fn position(screen: &str) -> Option<(usize, usize, usize)> {
    let header = screen.lines().find(|l| l.starts_with("─ Article"))?;
    let field = header
        .split_whitespace()
        .find(|w| w.contains('–') && w.contains('/'))?;
    let (range, total) = field.split_once('/')?;
    let (first, last) = range.split_once('–')?;
    Some((first.parse().ok()?, last.parse().ok()?, total.parse().ok()?))
}

/// The shell line that runs the binary and reports how it left the tty.
fn command_line(args: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_tintuc");
    assert!(Path::new(bin).exists());
    format!(
        "clear; echo PRE-RUN-MARKER; S0=$(stty -g); {bin} {args}; echo \"EXIT=$?\"; \
         [ \"$S0\" = \"$(stty -g)\" ] && echo TTY-SAME; echo END-OF-RUN"
    )
}

#[test]
fn type_read_scroll_help_quit_and_restore() {
    let tmux = Tmux::start(80, 24);
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.text(&command_line("--data data/articles.json --lang en"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the browser", |s| s.contains("5/5 articles"));
    tmux.wait_for_format("#{alternate_on}", "1");

    // Typing filters on every keystroke.
    tmux.keys(&["/"]);
    tmux.text("đại hội xxiv");
    let screen = tmux.wait_for("the filtered list", |s| {
        s.starts_with("Search: đại hội xxiv") && s.contains("1/5 articles")
    });
    assert!(screen.contains("Đưa Nghị quyết Đại hội XXIV"), "{screen}");

    // Back to the list, open the article.
    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the article", |s| {
        s.contains("Author  Ngọc Lâm") && s.contains("j/k scroll")
    });
    let (first, last, total) = position(&screen).expect("a reading position");
    assert_eq!(first, 1, "{screen}");
    assert!(total > last, "the article is longer than the screen");

    // Scroll three lines, then a page.
    tmux.keys(&["j", "j", "j"]);
    // The header and the lines below it are redrawn one after the other:
    // wait for both, the fourth line of the article (its places) first.
    tmux.wait_for("three lines down", |s| {
        position(s).is_some_and(|(f, _, _)| f == 4)
            && s.lines()
                .skip_while(|l| !l.starts_with("─ Article"))
                .nth(1)
                .is_some_and(|l| l.starts_with(" Places  Thường Tín"))
    });
    let page = last - first;
    tmux.keys(&["Space"]);
    tmux.wait_for("a page down", |s| {
        position(s).is_some_and(|(f, _, _)| f == 4 + page)
    });

    // The help, and back.
    tmux.keys(&["?"]);
    tmux.wait_for("the help", |s| {
        s.contains("┌ Help") && s.contains("next, previous article")
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for("the help to close", |s| !s.contains("┌ Help"));

    // q goes back to the list, q again quits.
    tmux.keys(&["q"]);
    tmux.wait_for("the list", |s| s.contains("Enter read"));
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the shell again", |s| s.contains("END-OF-RUN"));
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert!(
        screen.contains("TTY-SAME"),
        "terminal modes not restored:\n{screen}"
    );
    assert!(screen.contains("PRE-RUN-MARKER"), "{screen}");
    assert!(!screen.contains("↕"), "browser left on screen:\n{screen}");
    tmux.wait_for_format("#{alternate_on}", "0");
    tmux.wait_for_format("#{cursor_flag}", "1");
}

#[test]
fn speaks_vietnamese_in_a_vietnamese_locale_and_quits_on_ctrl_c() {
    let tmux = Tmux::start(100, 30);
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    let line = command_line("--data data/articles.json");
    tmux.text(&format!(
        "export LC_ALL= LC_MESSAGES= LANG=vi_VN.UTF-8; {line}"
    ));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the browser", |s| s.contains("5/5 bài"));
    // Wide enough for the list and the article side by side.
    assert!(screen.contains("│─ Bài 1/5"), "{screen}");
    tmux.keys(&["C-c"]);
    let screen = tmux.wait_for("the shell again", |s| s.contains("END-OF-RUN"));
    assert!(
        screen.contains("EXIT=0") && screen.contains("TTY-SAME"),
        "{screen}"
    );
    tmux.wait_for_format("#{alternate_on}", "0");
}

/// Space reads on: a page at a time, and at the end of an article the
/// next one, from its top; PgDn at the end stays there.
#[test]
fn space_at_the_end_of_an_article_opens_the_next() {
    let tmux = Tmux::start(80, 24);
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.text(&command_line("--data data/articles.json --lang en"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the browser", |s| s.contains("5/5 articles"));
    tmux.keys(&["Enter", "End"]);
    tmux.wait_for("the end of the first article", |s| {
        s.contains("─ Article 1/5") && position(s).is_some_and(|(_, l, t)| l == t)
    });
    tmux.keys(&["PageDown", "PageDown"]);
    // The help opens once the keys before it are done.
    tmux.keys(&["?"]);
    tmux.wait_for("the help", |s| s.contains("┌ Help"));
    tmux.keys(&["Escape"]);
    // The screen is read while it may be half redrawn (the article's
    // header back at the top, the help still below): wait until the help
    // is gone from its last lines too.
    let screen = tmux.wait_for("the help to close", |s| {
        !s.contains("┌ Help") && !s.contains("Esc close") && s.contains("─ Article")
    });
    assert!(screen.contains("─ Article 1/5"), "PgDn stays: {screen}");
    tmux.keys(&["Space"]);
    tmux.wait_for("the second article, from its top", |s| {
        s.contains("─ Article 2/5") && position(s).is_some_and(|(first, _, _)| first == 1)
    });
    tmux.keys(&["q", "q"]);
    tmux.wait_for("the shell again", |s| s.contains("END-OF-RUN"));
}
