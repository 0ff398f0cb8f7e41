//! The languages: the locale, and the same help in both.

use super::*;

#[test]
fn locale_precedence() {
    assert_eq!(Lang::from_locale(None, None, Some("vi_VN.UTF-8")), Lang::Vi);
    assert_eq!(
        Lang::from_locale(Some("C"), None, Some("vi_VN.UTF-8")),
        Lang::En
    );
    assert_eq!(
        Lang::from_locale(Some(""), Some("vi"), Some("en_US")),
        Lang::Vi
    );
    assert_eq!(Lang::from_locale(None, None, Some("en_US.UTF-8")), Lang::En);
    assert_eq!(Lang::from_locale(None, None, None), Lang::En);
    assert_eq!(Lang::from_locale(None, None, Some("VI_vn")), Lang::Vi);
    assert_eq!(Lang::from_locale(None, None, Some("vin")), Lang::En);
}

#[test]
fn one_article_is_not_articles() {
    let en = Lang::En.strings();
    assert!(en.dates_selected("2020", 1).starts_with("2020: 1 article "));
    assert!(
        en.dates_selected("2020", 2)
            .starts_with("2020: 2 articles ")
    );
}

#[test]
fn both_languages_have_the_same_help_shape() {
    assert_eq!(VI.help.len(), EN.help.len());
    for (vi, en) in VI.help.iter().zip(EN.help) {
        assert_eq!(vi.1, en.1, "{}", vi.0);
        assert_eq!(vi.2.len(), en.2.len(), "{}", vi.0);
        // The same commands, and the same keys where they are keys.
        for (v, e) in vi.2.iter().zip(en.2) {
            if let HelpKeys::Bound(_) = v.0 {
                assert_eq!(v.0, e.0, "{}", vi.0);
            }
        }
    }
    for (vi, en) in [
        (VI.keys_list, EN.keys_list),
        (VI.keys_reading, EN.keys_reading),
        (VI.keys_help, EN.keys_help),
    ] {
        let shape = |h: &[Hint]| h.iter().map(|x| x.0).collect::<Vec<_>>();
        assert_eq!(shape(vi), shape(en));
    }
}

/// The commands the help and the hints name where keys can be bound are
/// commands the configuration can bind.
#[test]
fn commands_named_in_help_and_hints_exist() {
    let names = super::super::keymap::action_names();
    let entries = EN
        .help
        .iter()
        .filter(|(_, mode, _)| matches!(mode, Mode::List | Mode::Reading))
        .flat_map(|(_, _, e)| e.iter())
        .filter_map(|(keys, _)| match keys {
            HelpKeys::Bound(commands) => Some(*commands),
            HelpKeys::Written(_) => None,
        })
        .chain(
            EN.keys_list
                .iter()
                .chain(EN.keys_reading)
                .filter_map(|h| match h.0 {
                    HintKeys::Each(commands) | HintKeys::Together(commands) => Some(commands),
                    HintKeys::Second(_) | HintKeys::Typing => None,
                }),
        );
    for commands in entries {
        for c in commands {
            assert!(names.contains(&c.name()), "{c:?}");
        }
    }
}

/// Every command says what it does, in both languages.
#[test]
fn every_command_has_a_description_in_both_languages() {
    for command in Command::ALL {
        for strings in [&VI, &EN] {
            assert!(
                !strings.about(command).trim().is_empty(),
                "{command:?} {:?}",
                strings.lang
            );
        }
        assert_ne!(VI.about(command), EN.about(command), "{command:?}");
    }
}
