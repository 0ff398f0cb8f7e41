use super::*;

/// Three commands; "up" and "down" may share a key, as if they never
/// acted in the same view.
const ACTIONS: &Bindable<'static> = &Bindable {
    names: &["quit", "down", "up"],
    can_share: &|a, b| a != "quit" && b != "quit",
};

#[test]
fn a_key_bound_to_two_commands_is_refused() {
    let e = |text: &str| parse("config.toml", text, ACTIONS).map_err(|e| e.to_string());
    assert_eq!(
        e("[keys]\nquit = \"x\"\n\ndown = [\"j\", \"x\"]\n"),
        Err(
            "config.toml:4: keys.down: \"x\" is already bound to quit (line 2); \
             a key gives one command"
                .into()
        )
    );
    // Reported where the key comes the second time in the file.
    assert_eq!(
        e("[keys]\ndown = \"ctrl-U\"\nquit = \"ctrl-u\"\n")
            .expect_err("refused")
            .split(": ")
            .take(2)
            .collect::<Vec<_>>(),
        ["config.toml:3", "keys.quit"]
    );
    // Commands that may share a key, and a key twice for one command.
    assert!(e("[keys]\ndown = \"x\"\nup = \"x\"\n").is_ok());
    assert!(e("[keys]\nquit = [\"x\", \"x\"]\n").is_ok());
    assert!(e("[keys]\ndown = \"ctrl-x\"\nquit = \"x\"\n").is_ok());
}

#[test]
fn only_absolute_homes_are_used() {
    assert_eq!(
        default_path(Some(Path::new("/x")), Some(Path::new("/home/u"))),
        Some(PathBuf::from("/x/tintuc/config.toml"))
    );
    assert_eq!(
        default_path(Some(Path::new("rel")), Some(Path::new("/home/u"))),
        Some(PathBuf::from("/home/u/.config/tintuc/config.toml"))
    );
    assert_eq!(default_path(Some(Path::new("")), Some(Path::new(""))), None);
    assert_eq!(default_path(None, Some(Path::new("home"))), None);
}

#[test]
fn default_file_parses_to_the_defaults() {
    let parsed = parse("default", DEFAULT_CONFIG, ACTIONS);
    assert_eq!(parsed, Ok(Config::default()));
}

#[test]
fn values() {
    let c = parse(
        "c",
        "[general]\nlanguage = \"vi\"\nsort = \"newest\"\nreading_width = 80\nmouse = false\ntypos = false\ntelex = false\n\
         [theme]\naccent = \"#ff8800\"\ndim = \"244\"\nmatch_bg = \"light_yellow\"\n\
         [keys]\nquit = [\"x\", \"ctrl-q\"]\ndown = \"pgdn\"\n",
        ACTIONS,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.language, Language::Vi);
    assert_eq!(c.sort, SortOrder::Newest);
    assert_eq!(c.reading_width, 80);
    assert!(!c.mouse && c.osc52 && !c.typos && !c.telex);
    assert_eq!(c.theme.accent, Some(ColorSpec::Rgb(255, 136, 0)));
    assert_eq!(c.theme.dim, Some(ColorSpec::Indexed(244)));
    assert_eq!(c.theme.match_bg, Some(ColorSpec::Ansi(11)));
    assert_eq!(
        c.keys["quit"],
        [
            KeySpec {
                key: KeyName::Char('x'),
                ctrl: false
            },
            KeySpec {
                key: KeyName::Char('q'),
                ctrl: true
            }
        ]
    );
    assert_eq!(c.keys["down"][0].key, KeyName::PageDown);
}

#[test]
fn errors_name_line_and_key() {
    let e = |text: &str| {
        parse("config.toml", text, ACTIONS)
            .map(|_| ())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        e("[general]\n\nsort = \"random\"\n"),
        "config.toml:3: general.sort: \"random\" is not a sort order (relevance, newest, oldest or title)"
    );
    assert!(
        e("[theme]\naccent = \"blurple\"\n")
            .starts_with("config.toml:2: theme.accent: \"blurple\" is not a colour")
    );
    assert!(e("[keys]\n\nfly = \"f\"\n").starts_with("config.toml:3: keys.fly: unknown action"));
    assert!(
        e("[keys]\nquit = \"hyper-x\"\n")
            .starts_with("config.toml:2: keys.quit: \"hyper-x\" is not a key")
    );
    assert!(
        e("[general]\nwidth = 3\n").starts_with("config.toml:2: width: unknown field `width`"),
        "{}",
        e("[general]\nwidth = 3\n")
    );
    assert!(e("[general]\nmouse = yes\n").starts_with("config.toml:2"));
    assert!(e("[general]\nreading_width = 5\n").contains("out of range"));
}
