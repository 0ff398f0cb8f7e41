//! A key bound to two commands in the configuration is refused, naming
//! the file, the line and the key, through the real binary.

use std::process::Command;

fn tintuc(config_home: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tintuc"));
    c.env_remove("TINTUC_DATA");
    c.env("XDG_CONFIG_HOME", config_home);
    let nowhere = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-dir");
    c.env("XDG_STATE_HOME", &nowhere);
    c.env("TINTUC_INDEX", "memory");
    c
}

fn config_home(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("tintuc")).expect("dir");
    std::fs::write(dir.path().join("tintuc/config.toml"), text).expect("write");
    dir
}

#[test]
fn a_key_bound_to_two_commands_is_an_error() {
    let home =
        config_home("[keys]\nbookmark = \"x\"\n# the same key again\nquit = [\"Q\", \"x\"]\n");
    let file = home.path().join("tintuc/config.toml");
    let expected = format!(
        "tintuc: {}:4: keys.quit: \"x\" is already bound to bookmark (line 2)",
        file.display()
    );
    for args in [&["config"][..], &["--data", "data/articles.json"][..]] {
        let out = tintuc(home.path()).args(args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with(&expected), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty() || args[0] == "config");
    }
}

#[test]
fn commands_of_different_views_may_share_a_key() {
    // As `/` by default: searching from the list, finding in the article.
    let home = config_home("[keys]\nsearch = \"f\"\nfind = \"f\"\n");
    let out = tintuc(home.path()).arg("config").output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        stdout.trim_end().ends_with("config.toml: valid"),
        "{stdout}"
    );
}
