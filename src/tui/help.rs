//! The help overlay's text and the status bar's key hints, with the
//! keys as bound.

use super::action::{Command, Mode};
use super::i18n::{HelpKeys, Hint, HintKeys, Strings};
use super::keymap::{Keymap, label, remappable, shown_keys};
use super::settings::Settings;
use crate::config::KeySpec;

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
            .map(|(heading, mode, entries)| {
                let lines = entries
                    .iter()
                    .map(|(keys, what)| (keys_column(keys, *mode, keymap), (*what).to_string()))
                    .collect();
                ((*heading).to_string(), lines)
            })
            .collect();
        HelpText { sections }
    }
}

/// A help line's keys, as shown. Commands show their main keys in
/// `mode`, taken in turn ("j k ↓ ↑" for down and up); where the
/// configuration changed one of them (in a mode where keys can be
/// bound), every key of each.
fn keys_column(keys: &HelpKeys, mode: Mode, keymap: &Keymap) -> String {
    let commands = match keys {
        HelpKeys::Written(keys) => return (*keys).to_string(),
        HelpKeys::Bound(commands) => *commands,
    };
    if remappable(mode) && commands.iter().any(|&c| keymap.is_replaced(c)) {
        return commands
            .iter()
            .map(|&c| keymap.keys_label(c))
            .collect::<Vec<_>>()
            .join(" ");
    }
    let keys: Vec<Vec<KeySpec>> = commands.iter().map(|&c| shown_keys(c, mode)).collect();
    let longest = keys.iter().map(Vec::len).max().unwrap_or(0);
    (0..longest)
        .flat_map(|i| keys.iter().filter_map(move |k| k.get(i)))
        .map(label)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The status bar's key hints in `mode`, with the keys as bound there.
pub fn hints(mode: Mode, hints: &[Hint], keymap: &Keymap) -> String {
    let nth = |c: Command, n: usize| keymap.keys_in(c, mode).get(n).map(label);
    let firsts = |commands: &[Command], between: &str| {
        commands
            .iter()
            .map(|&c| nth(c, 0).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(between)
    };
    hints
        .iter()
        .map(|(keys, what)| {
            let keys = match keys {
                HintKeys::Each(commands) => firsts(commands, "/"),
                HintKeys::Together(commands) => firsts(commands, ""),
                HintKeys::Second(command) => nth(*command, 1).unwrap_or_default(),
                HintKeys::Typing => String::new(),
            };
            match (keys.is_empty(), what.is_empty()) {
                (_, true) => keys,
                (true, false) => (*what).to_string(),
                (false, false) => format!("{keys} {what}"),
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
        assert!(hints(Mode::List, EN.keys_list, &settings.keymap).contains("b ★"));
        assert!(hints(Mode::Reading, EN.keys_reading, &settings.keymap).starts_with("n/k scroll"));
        assert_eq!(
            hints(Mode::List, EN.keys_list, &Keymap::default()),
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

    /// The help's section of `mode` (its commands' keys are those of
    /// `mode`).
    fn section(strings: &Strings, mode: Mode) -> Option<usize> {
        strings
            .help
            .iter()
            .position(|(_, m, e)| *m == mode && e.iter().any(|l| matches!(l.0, HelpKeys::Bound(_))))
    }

    /// The commands the help overlay does not name: Ctrl-L and Ctrl-Z,
    /// which every terminal program has; Ctrl-K in a text line; Enter
    /// and Esc of the find in the article, which its status bar names.
    const LEFT_OUT: [crate::tui::action::Command; 5] = {
        use crate::tui::action::Command::*;
        [Redraw, Suspend, DeleteToEnd, FindSubmit, FindCancel]
    };

    /// Every key of the table is in the help: its command has a line
    /// there (or, for the help's own keys, a key hint), and a key the
    /// table shows in a mode is in the key column of its command's line
    /// in that mode's section. Only the commands of [`LEFT_OUT`] are
    /// left out.
    #[test]
    fn every_row_of_the_key_table_is_in_the_help() {
        use crate::tui::action::Command;
        use crate::tui::i18n::VI;
        use crate::tui::keymap::table::{DEFAULT_KEYS, FIXED_KEYS};
        for strings in [&EN, &VI] {
            let text = HelpText::new(strings, &Settings::default());
            let lines_of = |command: Command| -> Vec<(usize, usize)> {
                let mut at = Vec::new();
                for (s, (_, _, entries)) in strings.help.iter().enumerate() {
                    for (l, (keys, _)) in entries.iter().enumerate() {
                        if matches!(keys, HelpKeys::Bound(c) if c.contains(&command)) {
                            at.push((s, l));
                        }
                    }
                }
                at
            };
            let hinted = |command: Command| {
                [strings.keys_list, strings.keys_reading, strings.keys_help]
                    .iter()
                    .any(|h| {
                        h.iter()
                            .any(|(k, _)| matches!(k, HintKeys::Each(c) if c.contains(&command)))
                    })
            };
            for row in DEFAULT_KEYS.iter().chain(FIXED_KEYS) {
                let command = row.command;
                if LEFT_OUT.contains(&command) {
                    assert!(lines_of(command).is_empty(), "{command:?} is in the help");
                    continue;
                }
                let at = lines_of(command);
                assert!(
                    !at.is_empty() || hinted(command),
                    "{:?} {command:?}",
                    strings.lang
                );
                for mode in [
                    Mode::List,
                    Mode::Reading,
                    Mode::Query,
                    Mode::Places,
                    Mode::Dates,
                ] {
                    if !row.shown.has(mode) {
                        continue;
                    }
                    let s = section(strings, mode).unwrap_or_else(|| panic!("{mode:?}"));
                    let (_, l) = at
                        .iter()
                        .find(|(sec, _)| *sec == s)
                        .unwrap_or_else(|| panic!("{command:?} in {mode:?}"));
                    let keys = &text.sections[s].1[*l].0;
                    let shown = label(&row.key);
                    assert!(
                        keys.split(' ').any(|k| k == shown),
                        "{command:?} {shown} in {mode:?}: {keys}"
                    );
                }
            }
        }
    }

    /// The help's own key hints follow the configuration too.
    #[test]
    fn the_help_hints_show_configured_keys() {
        use crate::config::KeySpec;
        let mut keys = std::collections::BTreeMap::new();
        let spec = |s: &str| KeySpec::parse(s).unwrap_or_else(|e| panic!("{e}"));
        keys.insert("down".to_string(), vec![spec("n")]);
        assert_eq!(
            hints(Mode::Help, EN.keys_help, &Keymap::default()),
            "j/k scroll  Esc close"
        );
        assert_eq!(
            hints(Mode::Help, EN.keys_help, &Keymap::new(&keys)),
            "n/k scroll  Esc close"
        );
    }

    /// With the default keys, the hints of every mode, read from the
    /// table, are the ones the status bar has always shown.
    #[test]
    fn default_hints_of_every_mode() {
        use crate::tui::i18n::VI;
        let keymap = Keymap::default();
        let cases: [(&Strings, Mode, &[Hint], &str); 8] = [
            (
                &EN,
                Mode::Query,
                EN.keys_query,
                "Enter done  ↑↓ history  Ctrl-U clear  Esc back to list",
            ),
            (
                &VI,
                Mode::Query,
                VI.keys_query,
                "Enter xong  ↑↓ lịch sử  Ctrl-U xóa  Esc về danh sách",
            ),
            (&EN, Mode::Find, EN.keys_find, "Enter find  Esc cancel"),
            (&VI, Mode::Find, VI.keys_find, "Enter tìm  Esc hủy"),
            (
                &EN,
                Mode::Places,
                EN.keys_places,
                "type to filter  ↑↓ select  Tab sort  Enter add  Esc close",
            ),
            (
                &VI,
                Mode::Places,
                VI.keys_places,
                "gõ để lọc  ↑↓ chọn  Tab sắp xếp  Enter thêm  Esc đóng",
            ),
            (
                &EN,
                Mode::Dates,
                EN.keys_dates,
                "←→ select  ↓ months  ↑ years, quick  Enter add  Esc close",
            ),
            (&VI, Mode::Help, VI.keys_help, "j/k cuộn  Esc đóng"),
        ];
        for (strings, mode, list, expected) in cases {
            assert_eq!(
                hints(mode, list, &keymap),
                expected,
                "{:?} {mode:?}",
                strings.lang
            );
        }
        // Keys bound for the list do not change the pickers' keys.
        let mut keys = std::collections::BTreeMap::new();
        let spec = crate::config::KeySpec::parse("x").unwrap_or_else(|e| panic!("{e}"));
        keys.insert("down".to_string(), vec![spec]);
        assert_eq!(
            hints(Mode::Dates, EN.keys_dates, &Keymap::new(&keys)),
            "←→ select  ↓ months  ↑ years, quick  Enter add  Esc close"
        );
    }
}
