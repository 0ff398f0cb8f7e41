//! The keys of the text lines (the query, the find in the article, the
//! place picker's filter) and of the date picker: letters are text (or,
//! in the date picker, moves), so these keys are not commands the
//! configuration can bind.

use crossterm::event::KeyCode;

use super::super::action::{Action, DatesAction, FindAction, Mode, Motion, PlacesAction};
use super::super::editor::Edit;

/// The action of a key in a text line or the date picker; `None` in the
/// other modes.
pub(super) fn key_action(mode: Mode, code: KeyCode, ctrl: bool) -> Option<Action> {
    match mode {
        Mode::Query => query(code, ctrl),
        Mode::Find => find(code, ctrl),
        Mode::Places => places(code, ctrl),
        Mode::Dates => dates(code),
        Mode::List | Mode::Reading | Mode::Help => None,
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

fn query(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Enter | KeyCode::Esc, _) => Action::SubmitQuery,
        (KeyCode::Tab | KeyCode::BackTab, _) => Action::SwitchFocus,
        (KeyCode::Up, _) | (KeyCode::Char('p'), true) => Action::HistoryOlder,
        (KeyCode::Down, _) | (KeyCode::Char('n'), true) => Action::HistoryNewer,
        _ => Action::Edit(edit(code, ctrl)?),
    })
}

fn find(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Enter, _) => Action::Find(FindAction::Submit),
        (KeyCode::Esc, _) => Action::Find(FindAction::Cancel),
        _ => Action::Edit(edit(code, ctrl)?),
    })
}

fn places(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Esc, _) => Action::CloseOverlay,
        (KeyCode::Enter, _) => Action::Places(PlacesAction::Choose),
        (KeyCode::Tab | KeyCode::BackTab, _) => Action::Places(PlacesAction::ToggleSort),
        (KeyCode::Down, _) | (KeyCode::Char('n' | 'j'), true) => {
            Action::Places(PlacesAction::Move(Motion::Down))
        }
        (KeyCode::Up, _) | (KeyCode::Char('p' | 'k'), true) => {
            Action::Places(PlacesAction::Move(Motion::Up))
        }
        (KeyCode::PageDown, _) => Action::Places(PlacesAction::Move(Motion::PageDown)),
        (KeyCode::PageUp, _) => Action::Places(PlacesAction::Move(Motion::PageUp)),
        _ => Action::Edit(edit(code, ctrl)?),
    })
}

fn dates(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Esc | KeyCode::Char('q') => Action::CloseOverlay,
        KeyCode::Enter => Action::Dates(DatesAction::Choose),
        KeyCode::Left | KeyCode::Char('h') => Action::Dates(DatesAction::Step(-1)),
        KeyCode::Right | KeyCode::Char('l') => Action::Dates(DatesAction::Step(1)),
        KeyCode::Home | KeyCode::Char('g') => Action::Dates(DatesAction::Edge(Motion::Top)),
        KeyCode::End | KeyCode::Char('G') => Action::Dates(DatesAction::Edge(Motion::Bottom)),
        KeyCode::Down | KeyCode::Char('j') => Action::Dates(DatesAction::Months),
        KeyCode::Up | KeyCode::Char('k') | KeyCode::Backspace => Action::Dates(DatesAction::Years),
        _ => return None,
    })
}
