//! Keys to actions, by mode. Pure: the same key in the same mode always
//! means the same action. No key needs Alt or a function key, which SSH
//! clients and terminal multiplexers tend to mangle.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::editor::Edit;
use super::state::{Action, Mode, Motion};

/// The action for a terminal event in `mode`, if any.
pub fn event_action(mode: Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(mode, key),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

/// The action for a key in `mode`, if any.
pub fn key_action(mode: Mode, key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        match key.code {
            KeyCode::Char('c') => return Some(Action::Quit),
            KeyCode::Char('l') => return Some(Action::Redraw),
            KeyCode::Char('z') => return Some(Action::Suspend),
            _ => {}
        }
    }
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
        (KeyCode::Tab | KeyCode::BackTab, _) => Action::SwitchFocus,
        (KeyCode::Char('q'), false) => Action::Quit,
        (KeyCode::Char('p'), false) => Action::Places,
        (KeyCode::Char('d'), false) => Action::Dates,
        (KeyCode::Char('s'), false) => Action::CycleSort,
        (KeyCode::Char('?'), false) => Action::Help,
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
        (KeyCode::Char(' ') | KeyCode::PageDown, false) | (KeyCode::Char('f' | 'd'), true) => {
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
        (KeyCode::Tab | KeyCode::BackTab, _) => Action::SwitchFocus,
        (KeyCode::Char('p'), false) => Action::Places,
        (KeyCode::Char('d'), false) => Action::Dates,
        (KeyCode::Char('s'), false) => Action::CycleSort,
        (KeyCode::Char('?'), false) => Action::Help,
        _ => return None,
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

    #[test]
    fn releases_and_unknown_keys_do_nothing() {
        let mut release = key(KeyCode::Char('j'));
        release.kind = KeyEventKind::Release;
        assert_eq!(key_action(Mode::List, &release), None);
        assert_eq!(key_action(Mode::List, &key(KeyCode::F(5))), None);
        assert_eq!(key_action(Mode::List, &key(KeyCode::Char('z'))), None);
    }
}
