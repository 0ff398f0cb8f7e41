//! Keys to actions, by mode. Pure: the same key in the same mode always
//! means the same action. No key needs Alt or a function key, which SSH
//! clients and terminal multiplexers tend to mangle.
//!
//! The commands of the list, the reading pane and the help have names
//! ([`ACTIONS`]); the configuration file binds keys to those names, in
//! place of their default keys ([`Keymap`]). Typing in a text line is
//! never remapped, and Ctrl-C, Ctrl-L and Ctrl-Z always do what they do.

use std::collections::BTreeMap;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::{Action, Mode, Motion};
use super::editor::Edit;
use crate::config::{KeyName, KeySpec};

/// A command that keys can be bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionInfo {
    pub name: &'static str,
    /// Its default keys, as the help shows them.
    pub keys: &'static str,
    pub about: &'static str,
}

const fn info(name: &'static str, keys: &'static str, about: &'static str) -> ActionInfo {
    ActionInfo { name, keys, about }
}

/// Every command that can be bound, with its default keys.
pub const ACTIONS: &[ActionInfo] = &[
    info(
        "down",
        "j ↓ Ctrl-N Ctrl-E",
        "next article; scroll down a line",
    ),
    info(
        "up",
        "k ↑ Ctrl-P Ctrl-Y",
        "previous article; scroll up a line",
    ),
    info("page_down", "Space PgDn Ctrl-F Ctrl-D", "a page down"),
    info(
        "read_on",
        "Space",
        "a page down; at the end of the article, the next one (when reading)",
    ),
    info("page_up", "b PgUp Ctrl-B Ctrl-U", "a page up"),
    info("top", "g Home", "first article; top of the article"),
    info("bottom", "G End", "last article; end of the article"),
    info("open", "Enter l →", "read the selected article"),
    info("back", "h ← Esc q", "from the article back to the list"),
    info("search", "/", "type a query (from the list)"),
    info("find", "/", "find in the article (when reading)"),
    info("find_next", "n", "next match in the article"),
    info("find_prev", "N", "previous match in the article"),
    info("next_article", "J ]", "read the next article"),
    info("prev_article", "K [", "read the previous article"),
    info(
        "switch_focus",
        "Tab Shift-Tab",
        "switch between list and article",
    ),
    info(
        "bookmark",
        "m",
        "bookmark the article, or remove the bookmark",
    ),
    info("copy", "y", "copy the article as text (OSC 52)"),
    info("copy_title", "Y", "copy the article's title and source"),
    info("places", "p", "pick a place"),
    info("dates", "d", "pick a date"),
    info("sort", "s", "change the sort order"),
    info(
        "toggle_reading",
        "z",
        "hide or show the reading pane (the list full width)",
    ),
    info("help", "?", "open or close the help"),
    info("quit", "q", "quit (Ctrl-C always quits)"),
];

/// The names of [`ACTIONS`], for validating the configuration.
pub fn action_names() -> Vec<&'static str> {
    ACTIONS.iter().map(|a| a.name).collect()
}

/// Whether keys are remapped in `mode`: not where they are text.
fn remappable(mode: Mode) -> bool {
    matches!(mode, Mode::List | Mode::Reading | Mode::Help)
}

/// What the command called `name` does in `mode`.
pub fn named(name: &str, mode: Mode) -> Option<Action> {
    let motion = match name {
        "down" => Some(Motion::Down),
        "up" => Some(Motion::Up),
        "page_down" => Some(Motion::PageDown),
        "page_up" => Some(Motion::PageUp),
        "top" => Some(Motion::Top),
        "bottom" => Some(Motion::Bottom),
        _ => None,
    };
    if let Some(m) = motion {
        return match mode {
            Mode::List => Some(Action::Select(m)),
            Mode::Reading => Some(Action::Scroll(m)),
            Mode::Help => Some(Action::HelpScroll(m)),
            _ => None,
        };
    }
    let list = mode == Mode::List;
    let reading = mode == Mode::Reading;
    let either = list || reading;
    Some(match name {
        "open" if list => Action::Open,
        "back" if reading => Action::Back,
        "search" if list => Action::FocusQuery,
        "find" if reading => Action::FindStart,
        "find_next" if reading => Action::FindNext,
        "find_prev" if reading => Action::FindPrev,
        "next_article" if reading => Action::NextArticle,
        "read_on" if reading => Action::ReadOn,
        "prev_article" if reading => Action::PrevArticle,
        "switch_focus" if either => Action::SwitchFocus,
        "bookmark" if either => Action::ToggleBookmark,
        "copy" if either => Action::Copy,
        "copy_title" if either => Action::CopyTitle,
        "places" if either => Action::Places,
        "dates" if either => Action::Dates,
        "sort" if either => Action::CycleSort,
        "toggle_reading" if either => Action::ToggleReadingPane,
        "help" if either => Action::Help,
        "help" if mode == Mode::Help => Action::CloseOverlay,
        "quit" if either => Action::Quit,
        _ => return None,
    })
}

/// The name of the command a default key gave in `mode`, if it has one.
fn name_of(mode: Mode, action: &Action) -> Option<&'static str> {
    let motion = |m: &Motion| match m {
        Motion::Down => "down",
        Motion::Up => "up",
        Motion::PageDown => "page_down",
        Motion::PageUp => "page_up",
        Motion::Top => "top",
        Motion::Bottom => "bottom",
    };
    if !remappable(mode) {
        return None;
    }
    Some(match action {
        Action::Select(m) | Action::Scroll(m) | Action::HelpScroll(m) => motion(m),
        Action::Open => "open",
        Action::Back => "back",
        Action::FocusQuery => "search",
        Action::FindStart => "find",
        Action::FindNext => "find_next",
        Action::FindPrev => "find_prev",
        Action::NextArticle => "next_article",
        Action::ReadOn => "read_on",
        Action::PrevArticle => "prev_article",
        Action::SwitchFocus => "switch_focus",
        Action::ToggleBookmark => "bookmark",
        Action::Copy => "copy",
        Action::CopyTitle => "copy_title",
        Action::Places => "places",
        Action::Dates => "dates",
        Action::CycleSort => "sort",
        Action::ToggleReadingPane => "toggle_reading",
        Action::Help => "help",
        Action::Quit => "quit",
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
    bound: Vec<(KeySpec, &'static str)>,
    /// The commands whose keys the configuration chose (their default
    /// keys no longer give them).
    replaced: BTreeMap<&'static str, Vec<KeySpec>>,
}

impl Keymap {
    /// The bindings of the configuration's `[keys]`; unknown names (the
    /// configuration rejects them) are skipped.
    pub fn new(keys: &BTreeMap<String, Vec<KeySpec>>) -> Keymap {
        let mut map = Keymap::default();
        for (name, specs) in keys {
            let Some(info) = ACTIONS.iter().find(|a| a.name == name) else {
                continue;
            };
            map.replaced.insert(info.name, specs.clone());
            for spec in specs {
                map.bound.push((*spec, info.name));
            }
        }
        map
    }

    /// Whether the configuration changed any key.
    pub fn is_default(&self) -> bool {
        self.replaced.is_empty()
    }

    pub fn is_replaced(&self, name: &str) -> bool {
        self.replaced.contains_key(name)
    }

    /// All keys of a command, as shown: the configured ones, else the
    /// defaults.
    pub fn keys_label(&self, name: &str) -> String {
        let label = match self.replaced.get(name) {
            Some(specs) => specs.iter().map(label).collect::<Vec<_>>().join(" "),
            None => ACTIONS
                .iter()
                .find(|a| a.name == name)
                .map_or_else(String::new, |a| a.keys.to_string()),
        };
        if name == "quit" && self.is_replaced(name) {
            format!("{label} Ctrl-C")
        } else {
            label
        }
    }

    /// The first key of a command, as shown.
    pub fn first_key_label(&self, name: &str) -> String {
        match self.replaced.get(name).and_then(|s| s.first()) {
            Some(spec) => label(spec),
            None => ACTIONS
                .iter()
                .find(|a| a.name == name)
                .and_then(|a| a.keys.split(' ').next())
                .unwrap_or("")
                .to_string(),
        }
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
            .find_map(|(_, name)| named(name, mode));
        if configured.is_some() {
            return configured;
        }
        let default = key_action(mode, key)?;
        match name_of(mode, &default) {
            Some(name) if self.is_replaced(name) => None,
            _ => Some(default),
        }
    }
}

/// Keys that mean the same everywhere, whatever the configuration says.
fn fixed(key: &KeyEvent) -> Option<Action> {
    if !key.modifiers.contains(KeyModifiers::CONTROL) {
        return None;
    }
    match key.code {
        KeyCode::Char('c') => Some(Action::Quit),
        KeyCode::Char('l') => Some(Action::Redraw),
        KeyCode::Char('z') => Some(Action::Suspend),
        _ => None,
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
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match mode {
        Mode::List => list(key.code, ctrl),
        Mode::Query => query(key.code, ctrl),
        Mode::Reading => reading(key.code, ctrl),
        Mode::Find => find(key.code, ctrl),
        Mode::Help => help(key.code, ctrl),
        Mode::Places => places(key.code, ctrl),
        Mode::Dates => dates(key.code),
    }
}

/// Line editing keys shared by every text line.
fn edit(code: KeyCode, ctrl: bool) -> Option<Edit> {
    Some(match (code, ctrl) {
        (KeyCode::Char('u'), true) => Edit::Clear,
        (KeyCode::Char('w'), true) => Edit::DeleteWordBack,
        (KeyCode::Char('h'), true) => Edit::Backspace,
        (KeyCode::Char('k'), true) => Edit::DeleteToEnd,
        (KeyCode::Char('a'), true) => Edit::Home,
        (KeyCode::Char('e'), true) => Edit::End,
        (KeyCode::Char('b'), true) => Edit::Left,
        (KeyCode::Char('f'), true) => Edit::Right,
        (KeyCode::Char('d'), true) => Edit::Delete,
        (KeyCode::Char(c), false) => Edit::Insert(c),
        (KeyCode::Left, _) => Edit::Left,
        (KeyCode::Right, _) => Edit::Right,
        (KeyCode::Home, _) => Edit::Home,
        (KeyCode::End, _) => Edit::End,
        (KeyCode::Backspace, _) => Edit::Backspace,
        (KeyCode::Delete, _) => Edit::Delete,
        _ => return None,
    })
}

fn list(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Char('j') | KeyCode::Down, false) | (KeyCode::Char('n'), true) => {
            Action::Select(Motion::Down)
        }
        (KeyCode::Char('k') | KeyCode::Up, false) | (KeyCode::Char('p'), true) => {
            Action::Select(Motion::Up)
        }
        (KeyCode::PageDown, _) | (KeyCode::Char('f' | 'd'), true) => {
            Action::Select(Motion::PageDown)
        }
        (KeyCode::PageUp, _) | (KeyCode::Char('b' | 'u'), true) => Action::Select(Motion::PageUp),
        (KeyCode::Char('g') | KeyCode::Home, false) => Action::Select(Motion::Top),
        (KeyCode::Char('G') | KeyCode::End, false) => Action::Select(Motion::Bottom),
        (KeyCode::Enter | KeyCode::Char('l') | KeyCode::Right, false) => Action::Open,
        (KeyCode::Char('/'), false) => Action::FocusQuery,
        (KeyCode::Char('q'), false) => Action::Quit,
        _ => return pane(code, ctrl),
    })
}

/// Keys that mean the same in the list and in the reading pane.
fn pane(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Tab | KeyCode::BackTab, _) => Action::SwitchFocus,
        (KeyCode::Char('p'), false) => Action::Places,
        (KeyCode::Char('d'), false) => Action::Dates,
        (KeyCode::Char('s'), false) => Action::CycleSort,
        (KeyCode::Char('z'), false) => Action::ToggleReadingPane,
        (KeyCode::Char('?'), false) => Action::Help,
        (KeyCode::Char('m'), false) => Action::ToggleBookmark,
        (KeyCode::Char('y'), false) => Action::Copy,
        (KeyCode::Char('Y'), false) => Action::CopyTitle,
        _ => return None,
    })
}

fn query(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Enter | KeyCode::Esc, _) => Action::SubmitQuery,
        (KeyCode::Tab | KeyCode::BackTab, _) => Action::SwitchFocus,
        (KeyCode::Up, _) | (KeyCode::Char('p'), true) => Action::HistoryOlder,
        (KeyCode::Down, _) | (KeyCode::Char('n'), true) => Action::HistoryNewer,
        _ => Action::Edit(edit(code, ctrl)?),
    })
}

fn reading(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Char('j') | KeyCode::Down, false) | (KeyCode::Char('e' | 'n'), true) => {
            Action::Scroll(Motion::Down)
        }
        (KeyCode::Char('k') | KeyCode::Up, false) | (KeyCode::Char('y' | 'p'), true) => {
            Action::Scroll(Motion::Up)
        }
        (KeyCode::Char(' '), false) => Action::ReadOn,
        (KeyCode::PageDown, false) | (KeyCode::Char('f' | 'd'), true) => {
            Action::Scroll(Motion::PageDown)
        }
        (KeyCode::Char('b') | KeyCode::PageUp, false) | (KeyCode::Char('b' | 'u'), true) => {
            Action::Scroll(Motion::PageUp)
        }
        (KeyCode::Char('g') | KeyCode::Home, false) => Action::Scroll(Motion::Top),
        (KeyCode::Char('G') | KeyCode::End, false) => Action::Scroll(Motion::Bottom),
        (KeyCode::Char('/'), false) => Action::FindStart,
        (KeyCode::Char('n'), false) => Action::FindNext,
        (KeyCode::Char('N'), false) => Action::FindPrev,
        (KeyCode::Char('J' | ']'), false) => Action::NextArticle,
        (KeyCode::Char('K' | '['), false) => Action::PrevArticle,
        (KeyCode::Char('h' | 'q') | KeyCode::Left | KeyCode::Esc, false) => Action::Back,
        _ => return pane(code, ctrl),
    })
}

fn find(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Enter, _) => Action::FindSubmit,
        (KeyCode::Esc, _) => Action::FindCancel,
        _ => Action::Edit(edit(code, ctrl)?),
    })
}

fn help(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Enter, false) => Action::CloseOverlay,
        (KeyCode::Char('j') | KeyCode::Down, false) => Action::HelpScroll(Motion::Down),
        (KeyCode::Char('k') | KeyCode::Up, false) => Action::HelpScroll(Motion::Up),
        (KeyCode::Char(' ') | KeyCode::PageDown, false) | (KeyCode::Char('f' | 'd'), true) => {
            Action::HelpScroll(Motion::PageDown)
        }
        (KeyCode::Char('b') | KeyCode::PageUp, false) | (KeyCode::Char('b' | 'u'), true) => {
            Action::HelpScroll(Motion::PageUp)
        }
        (KeyCode::Char('g') | KeyCode::Home, false) => Action::HelpScroll(Motion::Top),
        (KeyCode::Char('G') | KeyCode::End, false) => Action::HelpScroll(Motion::Bottom),
        _ => return None,
    })
}

fn places(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Esc, _) => Action::CloseOverlay,
        (KeyCode::Enter, _) => Action::PlaceChoose,
        (KeyCode::Tab | KeyCode::BackTab, _) => Action::PlaceToggleSort,
        (KeyCode::Down, _) | (KeyCode::Char('n' | 'j'), true) => Action::PlaceMove(Motion::Down),
        (KeyCode::Up, _) | (KeyCode::Char('p' | 'k'), true) => Action::PlaceMove(Motion::Up),
        (KeyCode::PageDown, _) => Action::PlaceMove(Motion::PageDown),
        (KeyCode::PageUp, _) => Action::PlaceMove(Motion::PageUp),
        _ => Action::Edit(edit(code, ctrl)?),
    })
}

fn dates(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Esc | KeyCode::Char('q') => Action::CloseOverlay,
        KeyCode::Enter => Action::DateChoose,
        KeyCode::Left | KeyCode::Char('h') => Action::DateStep(-1),
        KeyCode::Right | KeyCode::Char('l') => Action::DateStep(1),
        KeyCode::Home | KeyCode::Char('g') => Action::DateEdge(Motion::Top),
        KeyCode::End | KeyCode::Char('G') => Action::DateEdge(Motion::Bottom),
        KeyCode::Down | KeyCode::Char('j') => Action::DateMonths,
        KeyCode::Up | KeyCode::Char('k') | KeyCode::Backspace => Action::DateYears,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
            Some(Action::Select(Motion::Down))
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
        assert_eq!(key_action(Mode::Reading, &q), Some(Action::Back));
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        for mode in [
            Mode::List,
            Mode::Query,
            Mode::Reading,
            Mode::Find,
            Mode::Help,
            Mode::Places,
            Mode::Dates,
        ] {
            assert_eq!(key_action(mode, &ctrl('c')), Some(Action::Quit), "{mode:?}");
        }
    }

    #[test]
    fn shifted_letters_arrive_as_capitals() {
        let big_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            key_action(Mode::List, &big_g),
            Some(Action::Select(Motion::Bottom))
        );
        let big_j = KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(key_action(Mode::Reading, &big_j), Some(Action::NextArticle));
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
        let spec = KeySpec::parse(label).unwrap_or_else(|e| panic!("{label}: {e}"));
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
        for a in ACTIONS {
            for token in a.keys.split(' ') {
                let key = parse_label(token);
                let gives = [Mode::List, Mode::Reading, Mode::Help]
                    .into_iter()
                    .any(|mode| {
                        named(a.name, mode).is_some()
                            && key_action(mode, &key) == named(a.name, mode)
                    });
                assert!(gives, "{} {token}", a.name);
                assert_eq!(
                    label(&KeySpec::parse(token).unwrap_or_else(|e| panic!("{e}"))),
                    token
                );
            }
            assert!(
                [Mode::List, Mode::Reading]
                    .iter()
                    .any(|&m| named(a.name, m).is_some()),
                "{}",
                a.name
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
        assert_eq!(map.key_action(Mode::Reading, &q), Some(Action::Back));
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
            Some(Action::Scroll(Motion::Down))
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
            Some(Action::Select(Motion::Up))
        );
        assert_eq!(map.keys_label("quit"), "x Ctrl-C");
        assert_eq!(map.keys_label("down"), "Ctrl-J ↓");
        assert_eq!(map.first_key_label("up"), "k");
        assert_eq!(map.first_key_label("bookmark"), "Space");
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
    }

    #[test]
    fn releases_and_unknown_keys_do_nothing() {
        let mut release = key(KeyCode::Char('j'));
        release.kind = KeyEventKind::Release;
        assert_eq!(key_action(Mode::List, &release), None);
        assert_eq!(key_action(Mode::List, &key(KeyCode::F(5))), None);
        assert_eq!(key_action(Mode::List, &key(KeyCode::Char('x'))), None);
    }
}
