//! The help overlay's text and the status bar's key hints, with the
//! keys as bound.

use super::i18n::{Hint, Strings};
use super::keymap::Keymap;
use super::settings::Settings;

/// The help overlay's text, with the keys as the configuration bound
/// them: (heading, (keys, what they do)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpText {
    pub sections: Vec<(String, Vec<(String, String)>)>,
}

impl HelpText {
    pub fn new(strings: &Strings, settings: &Settings) -> HelpText {
        let keymap = &settings.keymap;
        let mouse = settings.mouse.then_some(&strings.help_mouse);
        let sections = strings
            .help
            .iter()
            .chain(mouse)
            .map(|(heading, entries)| {
                let lines = entries
                    .iter()
                    .map(|(keys, what, actions)| {
                        let keys = if actions.iter().any(|a| keymap.is_replaced(a)) {
                            actions
                                .iter()
                                .map(|a| keymap.keys_label(a))
                                .collect::<Vec<_>>()
                                .join(" ")
                        } else {
                            (*keys).to_string()
                        };
                        (keys, (*what).to_string())
                    })
                    .collect();
                ((*heading).to_string(), lines)
            })
            .collect();
        HelpText { sections }
    }
}

/// Key hints as shown: the configured keys where they were changed.
pub fn hints(hints: &[Hint], keymap: &Keymap) -> String {
    hints
        .iter()
        .map(|(keys, what, actions)| {
            let keys = if actions.iter().any(|a| keymap.is_replaced(a)) {
                actions
                    .iter()
                    .map(|a| keymap.first_key_label(a))
                    .collect::<Vec<_>>()
                    .join("/")
            } else {
                (*keys).to_string()
            };
            if what.is_empty() {
                keys
            } else {
                format!("{keys} {what}")
            }
        })
        .collect::<Vec<_>>()
        .join("  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::i18n::EN;

    #[test]
    fn configured_keys_show_in_help_and_hints() {
        use crate::config::KeySpec;
        let mut keys = std::collections::BTreeMap::new();
        let spec = |s: &str| KeySpec::parse(s).unwrap_or_else(|e| panic!("{e}"));
        keys.insert("bookmark".to_string(), vec![spec("b"), spec("ctrl-b")]);
        keys.insert("down".to_string(), vec![spec("n")]);
        let settings = Settings {
            keymap: Keymap::new(&keys),
            ..Settings::default()
        };
        let help = HelpText::new(&EN, &settings);
        let list = &help.sections[0].1;
        assert!(list.contains(&(
            "b Ctrl-B".into(),
            "bookmark ★ or remove the bookmark".into()
        )));
        assert!(list.contains(&(
            "n k ↑ Ctrl-P Ctrl-Y".into(),
            "next, previous article".into()
        )));
        assert!(list.contains(&("Enter l →".into(), "read the selected article".into())));
        assert!(hints(EN.keys_list, &settings.keymap).contains("b ★"));
        assert!(hints(EN.keys_reading, &settings.keymap).starts_with("n/k scroll"));
        assert_eq!(
            hints(EN.keys_list, &Keymap::default()),
            "Enter read  / search  m ★  y copy  p place  d date  s sort  ? help  q quit"
        );
        // The mouse section only when the mouse is used.
        assert_eq!(help.sections.len(), EN.help.len());
        let with_mouse = HelpText::new(
            &EN,
            &Settings {
                mouse: true,
                ..Settings::default()
            },
        );
        assert_eq!(with_mouse.sections.len(), EN.help.len() + 1);
    }
}
