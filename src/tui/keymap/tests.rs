//! The key table and the configured keys, key by key.

use super::*;
use crate::tui::action::{ListAction, Motion, ReaderAction};
use crate::tui::editor::Edit;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn letters_are_commands_in_the_list_and_text_in_the_query() {
    let j = key(KeyCode::Char('j'));
    assert_eq!(
        key_action(Mode::List, &j),
        Some(Action::List(ListAction::Select(Motion::Down)))
    );
    assert_eq!(
        key_action(Mode::Query, &j),
        Some(Action::Edit(Edit::Insert('j')))
    );
    assert_eq!(
        key_action(Mode::Places, &j),
        Some(Action::Edit(Edit::Insert('j')))
    );
    assert_eq!(
        key_action(Mode::Find, &j),
        Some(Action::Edit(Edit::Insert('j')))
    );
    let q = key(KeyCode::Char('q'));
    assert_eq!(key_action(Mode::List, &q), Some(Action::Quit));
    assert_eq!(
        key_action(Mode::Reading, &q),
        Some(Action::Reader(ReaderAction::Back))
    );
}

#[test]
fn ctrl_c_quits_everywhere() {
    for mode in Mode::ALL {
        assert_eq!(key_action(mode, &ctrl('c')), Some(Action::Quit), "{mode:?}");
    }
}

#[test]
fn shifted_letters_arrive_as_capitals() {
    let big_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(
        key_action(Mode::List, &big_g),
        Some(Action::List(ListAction::Select(Motion::Bottom)))
    );
    let big_j = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
    assert_eq!(
        key_action(Mode::Reading, &big_j),
        Some(Action::Reader(ReaderAction::NextArticle))
    );
    let shifted = KeyEvent::new(KeyCode::Char('Ư'), KeyModifiers::SHIFT);
    assert_eq!(
        key_action(Mode::Query, &shifted),
        Some(Action::Edit(Edit::Insert('Ư')))
    );
}

#[test]
fn query_line_keys() {
    assert_eq!(
        key_action(Mode::Query, &ctrl('u')),
        Some(Action::Edit(Edit::Clear))
    );
    assert_eq!(
        key_action(Mode::Query, &ctrl('w')),
        Some(Action::Edit(Edit::DeleteWordBack))
    );
    assert_eq!(
        key_action(Mode::Query, &key(KeyCode::Up)),
        Some(Action::HistoryOlder)
    );
    assert_eq!(
        key_action(Mode::Query, &key(KeyCode::Esc)),
        Some(Action::SubmitQuery)
    );
}

/// A key as the help writes it.
fn parse_label(label: &str) -> KeyEvent {
    event(&KeySpec::parse(label).unwrap_or_else(|e| panic!("{label}: {e}")))
}

/// The key event of a key as the table and the configuration write it.
fn event(spec: &KeySpec) -> KeyEvent {
    let code = match spec.key {
        KeyName::Char(c) => KeyCode::Char(c),
        KeyName::Enter => KeyCode::Enter,
        KeyName::Esc => KeyCode::Esc,
        KeyName::Tab => KeyCode::Tab,
        KeyName::BackTab => KeyCode::BackTab,
        KeyName::Backspace => KeyCode::Backspace,
        KeyName::Delete => KeyCode::Delete,
        KeyName::Up => KeyCode::Up,
        KeyName::Down => KeyCode::Down,
        KeyName::Left => KeyCode::Left,
        KeyName::Right => KeyCode::Right,
        KeyName::Home => KeyCode::Home,
        KeyName::End => KeyCode::End,
        KeyName::PageUp => KeyCode::PageUp,
        KeyName::PageDown => KeyCode::PageDown,
    };
    let modifiers = if spec.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(code, modifiers)
}

#[test]
fn every_named_default_key_gives_its_command() {
    for command in Command::BINDABLE {
        let (name, keys) = (command.name(), default_label(command));
        for token in keys.split(' ') {
            let key = parse_label(token);
            let gives = [Mode::List, Mode::Reading, Mode::Help]
                .into_iter()
                .any(|mode| {
                    named(name, mode).is_some() && key_action(mode, &key) == named(name, mode)
                });
            assert!(gives, "{name} {token}");
            assert_eq!(
                label(&KeySpec::parse(token).unwrap_or_else(|e| panic!("{e}"))),
                token
            );
        }
        assert!(
            [Mode::List, Mode::Reading]
                .iter()
                .any(|&m| named(name, m).is_some()),
            "{name}"
        );
    }
}

#[test]
fn configured_keys_replace_the_defaults() {
    let spec = |s: &str| KeySpec::parse(s).unwrap_or_else(|e| panic!("{e}"));
    let mut keys = BTreeMap::new();
    keys.insert("quit".to_string(), vec![spec("x")]);
    keys.insert("down".to_string(), vec![spec("ctrl-j"), spec("↓")]);
    keys.insert("bookmark".to_string(), vec![spec("space")]);
    let map = Keymap::new(&keys);
    let q = key(KeyCode::Char('q'));
    let x = key(KeyCode::Char('x'));
    assert_eq!(map.key_action(Mode::List, &x), Some(Action::Quit));
    assert_eq!(map.key_action(Mode::List, &q), None, "q no longer quits");
    // In the article q is "back", which was not remapped.
    assert_eq!(
        map.key_action(Mode::Reading, &q),
        Some(Action::Reader(ReaderAction::Back))
    );
    // Text lines take every letter as text.
    assert_eq!(
        map.key_action(Mode::Query, &x),
        Some(Action::Edit(Edit::Insert('x')))
    );
    assert_eq!(map.key_action(Mode::List, &ctrl('c')), Some(Action::Quit));
    let j = key(KeyCode::Char('j'));
    assert_eq!(map.key_action(Mode::List, &j), None);
    assert_eq!(
        map.key_action(Mode::Reading, &ctrl('j')),
        Some(Action::Reader(ReaderAction::Scroll(Motion::Down)))
    );
    assert_eq!(
        map.key_action(Mode::Help, &key(KeyCode::Down)),
        Some(Action::HelpScroll(Motion::Down))
    );
    // Space pages in the article by default; now it bookmarks there.
    let space = key(KeyCode::Char(' '));
    assert_eq!(
        map.key_action(Mode::Reading, &space),
        Some(Action::ToggleBookmark)
    );
    // Unchanged commands keep their keys.
    assert_eq!(
        map.key_action(Mode::List, &key(KeyCode::Char('k'))),
        Some(Action::List(ListAction::Select(Motion::Up)))
    );
    assert_eq!(map.keys_label(Command::Quit), "x Ctrl-C");
    assert_eq!(map.keys_label(Command::Down), "Ctrl-J ↓");
    assert_eq!(map.first_key_label(Command::Up, Mode::List), "k");
    assert_eq!(map.first_key_label(Command::Bookmark, Mode::List), "Space");
}

#[test]
fn mouse_events() {
    use crossterm::event::MouseEvent;
    let mouse = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 3,
            row: 7,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        event_action(Mode::List, &mouse(MouseEventKind::ScrollDown)),
        Some(Action::Wheel {
            column: 3,
            row: 7,
            down: true
        })
    );
    assert_eq!(
        event_action(
            Mode::Reading,
            &mouse(MouseEventKind::Down(MouseButton::Left))
        ),
        Some(Action::Click { column: 3, row: 7 })
    );
    assert_eq!(
        event_action(Mode::List, &mouse(MouseEventKind::Moved)),
        None
    );
    // Keys too, with the default table.
    assert_eq!(
        event_action(Mode::List, &Event::Key(key(KeyCode::Char('j')))),
        Some(Action::List(ListAction::Select(Motion::Down)))
    );
}

#[test]
fn releases_and_unknown_keys_do_nothing() {
    let mut release = key(KeyCode::Char('j'));
    release.kind = KeyEventKind::Release;
    assert_eq!(key_action(Mode::List, &release), None);
    assert_eq!(key_action(Mode::List, &key(KeyCode::F(5))), None);
    assert_eq!(key_action(Mode::List, &key(KeyCode::Char('x'))), None);
}

/// Each row of the table gives its command in each of its modes, and no
/// key is in the table twice for one mode (a later row would be dead).
#[test]
fn every_row_of_the_table_gives_its_command() {
    use table::{DEFAULT_KEYS, FIXED_KEYS};
    for (i, row) in DEFAULT_KEYS.iter().enumerate() {
        for mode in Mode::ALL {
            if !row.modes.has(mode) {
                continue;
            }
            let action = row.command.action(mode);
            assert!(action.is_some(), "{i}: {:?} in {mode:?}", row.command);
            assert_eq!(
                key_action(mode, &event(&row.key)),
                action,
                "{i}: {} in {mode:?}",
                label(&row.key)
            );
            let twice = DEFAULT_KEYS[..i]
                .iter()
                .chain(FIXED_KEYS)
                .any(|r| r.modes.has(mode) && r.key == row.key);
            assert!(!twice, "{i}: {} twice in {mode:?}", label(&row.key));
        }
    }
}
