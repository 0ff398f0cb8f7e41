//! Keys to actions, by mode. Pure: the same key in the same mode always
//! means the same action. No key needs Alt or a function key, which SSH
//! clients and terminal multiplexers tend to mangle.
//!
//! The keys are one table ([`table::DEFAULT_KEYS`]) of commands
//! ([`Command`]); the configuration file binds keys to the names of
//! the commands of the list, the reading pane and the help, in place of
//! their default keys ([`Keymap`]). The text lines and the pickers are
//! never remapped (letters are text there), and Ctrl-C, Ctrl-L and
//! Ctrl-Z always do what they do ([`table::FIXED_KEYS`]).

pub mod table;

use std::collections::BTreeMap;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::{Action, Command, Mode};
use super::editor::Edit;
use crate::config::{KeyName, KeySpec};
use table::{Binding, DEFAULT_KEYS, FIXED_KEYS};

/// The names of the commands the configuration can bind.
pub fn action_names() -> Vec<&'static str> {
    Command::BINDABLE.iter().map(|c| c.name()).collect()
}

/// What the command called `name` does in `mode`.
pub fn named(name: &str, mode: Mode) -> Option<Action> {
    Command::bindable(name)?.action(mode)
}

/// Whether keys are commands in `mode` (and so can be remapped): not
/// where they are text.
pub fn remappable(mode: Mode) -> bool {
    matches!(mode, Mode::List | Mode::Reading | Mode::Help)
}

/// A command's default keys, as `tintuc config --actions` shows them:
/// every key of the table that gives it in the modes where keys can be
/// bound.
pub fn default_label(command: Command) -> String {
    let bindable = |r: &Binding| {
        [Mode::List, Mode::Reading, Mode::Help]
            .iter()
            .any(|&m| r.modes.has(m))
    };
    labels(&keys_of(DEFAULT_KEYS, command, bindable))
}

/// The default keys of a command that the help names in `mode` (the
/// main ones), the fixed ones included.
pub fn shown_keys(command: Command, mode: Mode) -> Vec<KeySpec> {
    let shown = |r: &Binding| r.shown.has(mode);
    let mut keys = keys_of(DEFAULT_KEYS, command, shown);
    keys.extend(keys_of(FIXED_KEYS, command, shown));
    keys
}

/// The keys of `rows` that give `command` and pass `keep`, each once.
fn keys_of(rows: &[Binding], command: Command, keep: impl Fn(&Binding) -> bool) -> Vec<KeySpec> {
    let mut keys: Vec<KeySpec> = Vec::new();
    for row in rows.iter().filter(|r| r.command == command && keep(r)) {
        if !keys.contains(&row.key) {
            keys.push(row.key);
        }
    }
    keys
}

fn labels(keys: &[KeySpec]) -> String {
    keys.iter().map(label).collect::<Vec<_>>().join(" ")
}

/// The key a terminal event is, as the table writes keys, and whether
/// Ctrl is held.
fn pressed(key: &KeyEvent) -> Option<(KeyName, bool)> {
    let name = match key.code {
        KeyCode::Char(c) => KeyName::Char(c),
        KeyCode::Enter => KeyName::Enter,
        KeyCode::Esc => KeyName::Esc,
        KeyCode::Tab => KeyName::Tab,
        KeyCode::BackTab => KeyName::BackTab,
        KeyCode::Backspace => KeyName::Backspace,
        KeyCode::Delete => KeyName::Delete,
        KeyCode::Up => KeyName::Up,
        KeyCode::Down => KeyName::Down,
        KeyCode::Left => KeyName::Left,
        KeyCode::Right => KeyName::Right,
        KeyCode::Home => KeyName::Home,
        KeyCode::End => KeyName::End,
        KeyCode::PageUp => KeyName::PageUp,
        KeyCode::PageDown => KeyName::PageDown,
        _ => return None,
    };
    Some((name, key.modifiers.contains(KeyModifiers::CONTROL)))
}

/// The row of `rows` for `key` in `mode` (any mode: `None`).
fn row_for(
    rows: &'static [Binding],
    mode: Option<Mode>,
    key: &KeyEvent,
) -> Option<&'static Binding> {
    let (name, ctrl) = pressed(key)?;
    rows.iter().find(|r| {
        mode.is_none_or(|m| r.modes.has(m))
            && r.key.key == name
            && (r.key.ctrl == ctrl || r.with_ctrl_too)
    })
}

/// Keys that mean the same everywhere, whatever the configuration says.
fn fixed(key: &KeyEvent) -> Option<Action> {
    Some(match row_for(FIXED_KEYS, None, key)?.command {
        Command::Redraw => Action::Redraw,
        Command::Suspend => Action::Suspend,
        Command::Quit => Action::Quit,
        _ => return None,
    })
}

/// Whether `key` is the key `spec` describes.
pub fn matches(spec: &KeySpec, key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl != spec.ctrl || key.modifiers.contains(KeyModifiers::ALT) {
        return false;
    }
    match (spec.key, key.code) {
        (KeyName::Char(a), KeyCode::Char(b)) => {
            if spec.ctrl {
                a.eq_ignore_ascii_case(&b)
            } else {
                a == b
            }
        }
        (KeyName::Enter, KeyCode::Enter)
        | (KeyName::Esc, KeyCode::Esc)
        | (KeyName::Tab, KeyCode::Tab)
        | (KeyName::BackTab, KeyCode::BackTab)
        | (KeyName::Backspace, KeyCode::Backspace)
        | (KeyName::Delete, KeyCode::Delete)
        | (KeyName::Up, KeyCode::Up)
        | (KeyName::Down, KeyCode::Down)
        | (KeyName::Left, KeyCode::Left)
        | (KeyName::Right, KeyCode::Right)
        | (KeyName::Home, KeyCode::Home)
        | (KeyName::End, KeyCode::End)
        | (KeyName::PageUp, KeyCode::PageUp)
        | (KeyName::PageDown, KeyCode::PageDown) => true,
        _ => false,
    }
}

/// A key as the help shows it: "j", "Ctrl-U", "Space", "PgDn", "↓".
pub fn label(spec: &KeySpec) -> String {
    let name = match spec.key {
        KeyName::Char(' ') => "Space".to_string(),
        KeyName::Char(c) if spec.ctrl => c.to_uppercase().to_string(),
        KeyName::Char(c) => c.to_string(),
        KeyName::Enter => "Enter".into(),
        KeyName::Esc => "Esc".into(),
        KeyName::Tab => "Tab".into(),
        KeyName::BackTab => "Shift-Tab".into(),
        KeyName::Backspace => "Backspace".into(),
        KeyName::Delete => "Delete".into(),
        KeyName::Up => "↑".into(),
        KeyName::Down => "↓".into(),
        KeyName::Left => "←".into(),
        KeyName::Right => "→".into(),
        KeyName::Home => "Home".into(),
        KeyName::End => "End".into(),
        KeyName::PageUp => "PgUp".into(),
        KeyName::PageDown => "PgDn".into(),
    };
    if spec.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// The default keys with the configuration's bindings over them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    /// Keys from the configuration, and the command each gives.
    bound: Vec<(KeySpec, Command)>,
    /// The commands whose keys the configuration chose (their default
    /// keys no longer give them).
    replaced: BTreeMap<Command, Vec<KeySpec>>,
}

impl Keymap {
    /// The bindings of the configuration's `[keys]`; unknown names (the
    /// configuration rejects them) are skipped.
    pub fn new(keys: &BTreeMap<String, Vec<KeySpec>>) -> Keymap {
        let mut map = Keymap::default();
        for (name, specs) in keys {
            let Some(command) = Command::bindable(name) else {
                continue;
            };
            map.replaced.insert(command, specs.clone());
            for spec in specs {
                map.bound.push((*spec, command));
            }
        }
        map
    }

    /// Whether the configuration changed any key.
    pub fn is_default(&self) -> bool {
        self.replaced.is_empty()
    }

    pub fn is_replaced(&self, command: Command) -> bool {
        self.replaced.contains_key(&command)
    }

    /// All keys of a command, as shown: the configured ones (and the
    /// fixed ones), else the defaults.
    pub fn keys_label(&self, command: Command) -> String {
        match self.replaced.get(&command) {
            Some(specs) => {
                let mut keys = specs.clone();
                keys.extend(keys_of(FIXED_KEYS, command, |_| true));
                labels(&keys)
            }
            None => default_label(command),
        }
    }

    /// The keys of a command in `mode`, in order: the configured ones
    /// (where keys can be bound), else the defaults.
    pub fn keys_in(&self, command: Command, mode: Mode) -> Vec<KeySpec> {
        match self.replaced.get(&command) {
            Some(specs) if remappable(mode) => specs.clone(),
            _ => keys_of(DEFAULT_KEYS, command, |r| r.modes.has(mode)),
        }
    }

    /// The first key of a command in `mode`, as the key hints show it.
    pub fn first_key_label(&self, command: Command, mode: Mode) -> String {
        self.keys_in(command, mode)
            .first()
            .map_or_else(String::new, label)
    }

    /// The action for a terminal event in `mode`, if any.
    pub fn event_action(&self, mode: Mode, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) => self.key_action(mode, key),
            _ => event_action(mode, event),
        }
    }

    /// The action for a key in `mode`, if any.
    pub fn key_action(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        if self.is_default() || !remappable(mode) || fixed(key).is_some() {
            return key_action(mode, key);
        }
        let configured = self
            .bound
            .iter()
            .filter(|(spec, _)| matches(spec, key))
            .find_map(|(_, command)| command.action(mode));
        if configured.is_some() {
            return configured;
        }
        let command = row_for(DEFAULT_KEYS, Some(mode), key)?.command;
        if self.is_replaced(command) {
            None
        } else {
            command.action(mode)
        }
    }
}

/// The action for a terminal event in `mode` with the default keys.
pub fn event_action(mode: Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(mode, key),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        Event::Mouse(m) => {
            let (column, row) = (m.column, m.row);
            match m.kind {
                MouseEventKind::ScrollDown => Some(Action::Wheel {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Action::Wheel {
                    column,
                    row,
                    down: false,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The action for a key in `mode` with the default keys, if any.
pub fn key_action(mode: Mode, key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if let Some(action) = fixed(key) {
        return Some(action);
    }
    if let Some(row) = row_for(DEFAULT_KEYS, Some(mode), key) {
        return row.command.action(mode);
    }
    // Text lines take a letter no row takes as text.
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char(c) if !ctrl && matches!(mode, Mode::Query | Mode::Find | Mode::Places) => {
            Some(Action::Edit(Edit::Insert(c)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
