//! The real binary's command line: exit codes and what it prints.

#[path = "common/binary.rs"]
mod binary;
use binary::tintuc;

#[test]
fn check_clean_collection() {
    let out = tintuc()
        .args(["check", "--data", "data/articles.json"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("articles:        5"), "{stdout}");
    assert!(stdout.contains("no problems found"), "{stdout}");
}

#[test]
fn check_reports_every_problem_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        "[{\"id\":\"a\",\"title\":\"A\",\"date\":\"2020-02-30\"},\n {\"id\":\"a\",\"title\":\"B\"},\n {\"title\":\"C\"}]",
    )
    .expect("write");
    let out = tintuc()
        .arg("check")
        .arg("--data")
        .arg(&path)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("3 problem(s)"), "{stdout}");
    assert!(
        stdout.contains("date \"2020-02-30\" does not exist"),
        "{stdout}"
    );
    assert!(stdout.contains("duplicate id \"a\""), "{stdout}");
    assert!(stdout.contains("article #3 has no id"), "{stdout}");
}

#[test]
fn malformed_json_exits_2_with_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "[\n  {\"id\": \"a\",, }\n]").expect("write");
    let out = tintuc().arg("--data").arg(&path).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("broken.json:2:14: malformed JSON: key must be a string"),
        "{stderr}"
    );
}

#[test]
fn environment_variable_selects_the_collection() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("one.jsonl");
    std::fs::write(&path, "{\"id\":\"x\",\"title\":\"Một bài\"}\n").expect("write");
    let out = tintuc()
        .arg("check")
        .env("TINTUC_DATA", &path)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("one.jsonl") && stdout.contains("articles:        1"),
        "{stdout}"
    );
}

#[test]
fn embedded_collection_when_nothing_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tintuc()
        .arg("check")
        .current_dir(dir.path())
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("(built-in collection)"), "{stdout}");
}

#[test]
fn help_and_version() {
    let out = tintuc().arg("--help").output().expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--data <PATH>"));
    let out = tintuc().arg("--version").output().expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("tintuc {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn browser_explains_instead_of_writing_into_a_pipe() {
    let out = tintuc()
        .args(["--data", "data/articles.json", "--lang", "en"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing drawn into the pipe");
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    let out = tintuc()
        .args(["--data", "data/articles.json", "--lang", "vi"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("cần một terminal"));
}

#[test]
fn unknown_language_is_refused() {
    let out = tintuc().args(["--lang", "fr"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: vi, en"));
}

#[test]
fn completions_man_page_and_default_config() {
    for shell in ["bash", "zsh", "fish"] {
        let out = tintuc()
            .args(["completions", shell])
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{shell}");
        assert!(
            text.contains("ingest") && text.contains("data"),
            "{shell}: {text}"
        );
    }
    let out = tintuc().arg("man").output().expect("runs");
    let man = String::from_utf8_lossy(&out.stdout);
    assert!(
        man.starts_with(".ie") && man.contains(".TH tintuc 1"),
        "{man}"
    );
    let out = tintuc()
        .args(["config", "--default"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text, include_str!("../assets/config.default.toml"));
    let out = tintuc()
        .args(["config", "--path"])
        .env("XDG_CONFIG_HOME", "/etc/xdg-test")
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "/etc/xdg-test/tintuc/config.toml"
    );
}

/// A configuration directory holding `text` as tintuc/config.toml.
fn config_home(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("tintuc")).expect("dir");
    std::fs::write(dir.path().join("tintuc/config.toml"), text).expect("write");
    dir
}

#[test]
fn a_bad_configuration_stops_the_browser_naming_line_and_key() {
    for (text, line_and_key) in [
        (
            "[general]\nlanguage = \"vi\"\n\nsort = \"random\"\n",
            ":4: general.sort: \"random\"",
        ),
        (
            "[theme]\naccent = \"blurple\"\n",
            ":2: theme.accent: \"blurple\" is not a colour",
        ),
        (
            "[keys]\nquit = \"x\"\nfly = \"f\"\n",
            ":3: keys.fly: unknown action",
        ),
        (
            "[keys]\nbookmark = \"hyper-b\"\n",
            ":2: keys.bookmark: \"hyper-b\" is not a key",
        ),
        ("[general]\nmouse = maybe\n", ":2"),
    ] {
        let home = config_home(text);
        let file = home.path().join("tintuc/config.toml");
        let out = tintuc()
            .args(["--data", "data/articles.json"])
            .env("XDG_CONFIG_HOME", home.path())
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{text}: {stderr}");
        let expected = format!("tintuc: {}{line_and_key}", file.display());
        assert!(stderr.starts_with(&expected), "{expected}\n{stderr}");
        assert!(out.stdout.is_empty(), "nothing drawn");
        // `tintuc config` says the same, and fails the same way.
        let out = tintuc()
            .arg("config")
            .env("XDG_CONFIG_HOME", home.path())
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).starts_with(&expected));
    }
}

#[test]
fn config_checks_the_file_and_lists_the_actions() {
    let home = config_home(
        "[general]\nlanguage = \"en\"\nreading_width = 72\n[keys]\nbookmark = [\"b\", \"ctrl-b\"]\n",
    );
    let out = tintuc()
        .arg("config")
        .env("XDG_CONFIG_HOME", home.path())
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout.trim_end().ends_with("config.toml: valid"),
        "{stdout}"
    );
    // No file: the defaults, and how to write one.
    let empty = tempfile::tempdir().expect("temp dir");
    let out = tintuc()
        .arg("config")
        .env("XDG_CONFIG_HOME", empty.path())
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout.contains("no such file; the defaults apply"),
        "{stdout}"
    );
    assert!(stdout.contains("tintuc config --default >"), "{stdout}");
    // The default file itself is valid.
    std::fs::create_dir(empty.path().join("tintuc")).expect("dir");
    std::fs::write(
        empty.path().join("tintuc/config.toml"),
        include_str!("../assets/config.default.toml"),
    )
    .expect("write");
    let out = tintuc()
        .arg("config")
        .env("XDG_CONFIG_HOME", empty.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));

    let out = tintuc()
        .args(["config", "--actions"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for (name, keys) in [
        ("bookmark", "m"),
        ("copy", "y"),
        ("copy_title", "Y"),
        ("down", "j ↓ Ctrl-N"),
        ("quit", "q"),
    ] {
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(&format!("{name} ")) && l.contains(keys)),
            "{name}: {stdout}"
        );
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // Standard output is a pipe nobody reads any more, as in `tintuc man | head`.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = tintuc()
        .arg("man")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {err}", out.status);
    assert!(err.is_empty(), "{err}");
}
