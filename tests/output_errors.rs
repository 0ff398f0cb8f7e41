//! A failure to write the output is said on stderr and ends with exit 2,
//! whatever the command (a panic was exit 101); a reader that went away
//! (a closed pipe) stays silent and exits 0.

use std::process::{Command, Stdio};

const COMMANDS: &[&[&str]] = &[
    &["completions", "bash"],
    &["completions", "zsh"],
    &["man"],
    &["config", "--default"],
    &["config", "--actions"],
    &["config", "--path"],
    &["check"],
    &["search", "hà"],
    &["search", "hà", "--json"],
    &["bench", "--query", "ha"],
    &["ingest", "tests/fixtures/seeds"],
    &["--help"],
    &["--version"],
];

fn tintuc(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tintuc"));
    c.args(args).args(["--data", "data/articles.json"]);
    c.env_remove("TINTUC_DATA");
    let nowhere = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-dir");
    c.env("XDG_CONFIG_HOME", &nowhere);
    c.env("XDG_STATE_HOME", &nowhere);
    c.env("TINTUC_INDEX", "memory");
    c
}

#[test]
fn a_full_device_is_an_error_with_a_message() {
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        println!("skipped: this system has no /dev/full");
        return;
    }
    for args in COMMANDS {
        let out = tintuc(args)
            .stdout(std::fs::File::create(full).expect("/dev/full"))
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("tintuc: cannot write to standard output: "),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_closed_pipe_stays_silent() {
    for args in COMMANDS {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = tintuc(args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}
