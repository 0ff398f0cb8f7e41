use super::{Action, Command, Mode, Motion};

#[test]
fn a_motion_moves_an_index_within_its_length() {
    let moved = |motion: Motion, from: usize, page: usize, len: usize| {
        let mut at = from;
        let changed = motion.move_index(&mut at, page, len);
        (at, changed)
    };
    // Nothing to move through: nothing moves.
    assert_eq!(moved(Motion::Down, 0, 5, 0), (0, false));
    assert_eq!(moved(Motion::Down, 2, 5, 10), (3, true));
    assert_eq!(moved(Motion::Up, 0, 5, 10), (0, false));
    assert_eq!(moved(Motion::Down, 9, 5, 10), (9, false));
    // A page at a time, stopping at either end.
    assert_eq!(moved(Motion::PageDown, 2, 5, 10), (7, true));
    assert_eq!(moved(Motion::PageDown, 7, 5, 10), (9, true));
    assert_eq!(moved(Motion::PageUp, 3, 5, 10), (0, true));
    assert_eq!(moved(Motion::Top, 4, 5, 10), (0, true));
    assert_eq!(moved(Motion::Bottom, 4, 5, 10), (9, true));
    assert_eq!(moved(Motion::Bottom, 9, 5, 10), (9, false));
}

/// Where each command does something: every other mode ignores it.
fn acting_in(c: Command) -> &'static [Mode] {
    use Mode::{Dates, Find, Help, List, Places, Query, Reading};
    match c {
        Command::Down | Command::Up => &[List, Reading, Help, Places, Dates],
        Command::PageDown | Command::PageUp => &[List, Reading, Help, Places],
        // The place picker's list has no ends to jump to; the date
        // picker's chart has.
        Command::Top | Command::Bottom => &[List, Reading, Help, Dates],
        Command::ClearLine
        | Command::DeleteWord
        | Command::DeleteBack
        | Command::DeleteToEnd
        | Command::CursorStart
        | Command::CursorEnd
        | Command::CursorLeft
        | Command::CursorRight
        | Command::DeleteForward => &[Query, Find, Places],
        Command::Open | Command::Search => &[List],
        Command::Back
        | Command::Find
        | Command::FindNext
        | Command::FindPrev
        | Command::NextArticle
        | Command::ReadOn
        | Command::PrevArticle => &[Reading],
        Command::SwitchFocus => &[List, Reading, Query],
        Command::Bookmark
        | Command::Copy
        | Command::CopyTitle
        | Command::Places
        | Command::Dates
        | Command::ToggleReading
        | Command::Quit => &[List, Reading],
        Command::Sort => &[List, Reading, Places],
        Command::Help => &[List, Reading, Help],
        Command::Close => &[Help, Places, Dates],
        Command::Redraw | Command::Suspend => &Mode::ALL,
        Command::Submit | Command::HistoryOlder | Command::HistoryNewer => &[Query],
        Command::FindSubmit | Command::FindCancel => &[Find],
        Command::Choose => &[Places, Dates],
        Command::Earlier | Command::Later => &[Dates],
    }
}

#[test]
fn every_command_acts_in_its_modes_only() {
    for c in Command::ALL {
        for mode in Mode::ALL {
            assert_eq!(
                c.action(mode).is_some(),
                acting_in(c).contains(&mode),
                "{} in {mode:?}",
                c.name()
            );
        }
    }
}

#[test]
fn every_command_is_listed_once() {
    let mut names: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Command::ALL.len());
    for c in Command::BINDABLE {
        assert!(Command::ALL.contains(&c), "{}", c.name());
    }
}

#[test]
fn what_the_terminal_sends_is_not_from_the_user() {
    for a in [Action::Resize(80, 24), Action::Redraw, Action::Suspend] {
        assert!(!a.is_from_user(), "{a:?}");
    }
    assert!(Action::Quit.is_from_user());
    assert!(Action::SwitchFocus.is_from_user());
}
