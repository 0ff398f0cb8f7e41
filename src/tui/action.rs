//! What the user can ask for, and the modes that give keys their
//! meaning: the vocabulary shared by the key table, `update` and the
//! run loop. It depends on nothing else of the browser but the line
//! editor's edits.

use super::editor::Edit;

/// What the keys mean right now: the focus, or what covers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    List,
    Query,
    Reading,
    /// Typing a search inside the article.
    Find,
    Help,
    Places,
    Dates,
}

impl Mode {
    pub const ALL: [Mode; 7] = [
        Mode::List,
        Mode::Query,
        Mode::Reading,
        Mode::Find,
        Mode::Help,
        Mode::Places,
        Mode::Dates,
    ];
}

/// A movement in a list or a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

impl Motion {
    /// Moves `index` within `0..len`, `page` at a time for a page;
    /// returns whether it moved.
    pub fn move_index(self, index: &mut usize, page: usize, len: usize) -> bool {
        if len == 0 {
            return false;
        }
        let last = len - 1;
        let next = match self {
            Motion::Up => index.saturating_sub(1),
            Motion::Down => (*index + 1).min(last),
            Motion::PageUp => index.saturating_sub(page),
            Motion::PageDown => (*index + page).min(last),
            Motion::Top => 0,
            Motion::Bottom => last,
        };
        let moved = next != *index;
        *index = next;
        moved
    }
}

/// Everything the user can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Repaint the whole screen (Ctrl-L); the run loop does it.
    Redraw,
    /// Give the terminal back and stop (Ctrl-Z); the run loop does it.
    Suspend,
    Resize(u16, u16),
    FocusQuery,
    SwitchFocus,
    /// In the list.
    List(ListAction),
    /// In the reading pane.
    Reader(ReaderAction),
    /// Edit whichever line has the focus.
    Edit(Edit),
    /// Text pasted into the terminal.
    Paste(String),
    HistoryOlder,
    HistoryNewer,
    /// Enter or Esc in the query line.
    SubmitQuery,
    /// The search in the article.
    Find(FindAction),
    CycleSort,
    /// Hide the reading pane (the list takes the whole width; an
    /// article opened takes the whole screen), or show it again.
    ToggleReadingPane,
    Help,
    CloseOverlay,
    HelpScroll(Motion),
    /// In the place picker.
    Places(PlacesAction),
    /// In the date picker.
    Dates(DatesAction),
    /// Bookmark the article, or remove its bookmark.
    ToggleBookmark,
    /// Copy the article as plain text; its title and source.
    Copy,
    CopyTitle,
    /// The mouse wheel, over the cell at `column`, `row`.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// A left click on a cell.
    Click {
        column: u16,
        row: u16,
    },
    /// The reading state was saved, merged with what was on disk;
    /// `marks_changed`: another tintuc had saved since this one last
    /// did, and merging its file changed some read or bookmark mark.
    Saved {
        marks_changed: bool,
    },
    /// Saving the reading state failed; why.
    SaveFailed(String),
}

/// What is asked of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAction {
    /// Move the selection.
    Select(Motion),
    /// Read the selected article.
    Open,
}

/// What is asked of the reading pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReaderAction {
    /// Back to the list.
    Back,
    /// Scroll the article.
    Scroll(Motion),
    NextArticle,
    /// A page down; at the end of the article, the next one (Space).
    ReadOn,
    PrevArticle,
}

/// What is asked of the search in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindAction {
    /// Begin typing a term.
    Start,
    /// Enter: keep the term typed.
    Submit,
    /// Esc: back to the term before.
    Cancel,
    Next,
    Prev,
}

/// What is asked of the place picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacesAction {
    Open,
    Move(Motion),
    /// By count, or by name.
    ToggleSort,
    Choose,
}

/// What is asked of the date picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatesAction {
    Open,
    /// Left (-1) or right (+1).
    Step(i32),
    /// To the first or the last bar.
    Edge(Motion),
    /// Into the months of the selected year.
    Months,
    /// Back to the years.
    Years,
    Choose,
}

impl Action {
    /// Whether the user asked for it (and a message shown until then
    /// has been seen).
    pub fn is_from_user(&self) -> bool {
        !matches!(
            self,
            Action::Resize(..)
                | Action::Redraw
                | Action::Suspend
                | Action::Saved { .. }
                | Action::SaveFailed(_)
        )
    }
}

/// What `update` asks the run loop to do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52, through the terminal).
    Copy(String),
}

/// What a key of the key table gives: a command, named for the
/// configuration (`[keys]` binds keys to these names). What it does
/// depends on the mode ([`Command::action`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Command {
    Down,
    Up,
    PageDown,
    ReadOn,
    PageUp,
    Top,
    Bottom,
    Open,
    Back,
    Search,
    Find,
    FindNext,
    FindPrev,
    NextArticle,
    PrevArticle,
    SwitchFocus,
    Bookmark,
    Copy,
    CopyTitle,
    Places,
    Dates,
    Sort,
    ToggleReading,
    Help,
    Quit,
    /// Closes the help (Esc, `?`, `q`, Enter in the help); not bindable.
    Close,
    /// Ctrl-L; not bindable.
    Redraw,
    /// Ctrl-Z; not bindable.
    Suspend,
    // The keys of the text lines and the pickers, which are not
    // bindable: letters there are text.
    /// Enter or Esc in the query line.
    Submit,
    HistoryOlder,
    HistoryNewer,
    FindSubmit,
    FindCancel,
    /// Enter in a picker.
    Choose,
    /// A year or month back, or on, in the date picker.
    Earlier,
    Later,
    ClearLine,
    DeleteWord,
    DeleteBack,
    DeleteToEnd,
    CursorStart,
    CursorEnd,
    CursorLeft,
    CursorRight,
    DeleteForward,
}

impl Command {
    /// The commands the configuration can bind, in the order
    /// `tintuc config --actions` lists them.
    pub const BINDABLE: [Command; 25] = [
        Command::Down,
        Command::Up,
        Command::PageDown,
        Command::ReadOn,
        Command::PageUp,
        Command::Top,
        Command::Bottom,
        Command::Open,
        Command::Back,
        Command::Search,
        Command::Find,
        Command::FindNext,
        Command::FindPrev,
        Command::NextArticle,
        Command::PrevArticle,
        Command::SwitchFocus,
        Command::Bookmark,
        Command::Copy,
        Command::CopyTitle,
        Command::Places,
        Command::Dates,
        Command::Sort,
        Command::ToggleReading,
        Command::Help,
        Command::Quit,
    ];

    /// Every command.
    pub const ALL: [Command; 45] = {
        let mut all = [Command::Close; 45];
        let mut i = 0;
        while i < Command::BINDABLE.len() {
            all[i] = Command::BINDABLE[i];
            i += 1;
        }
        all[25] = Command::Close;
        all[26] = Command::Redraw;
        all[27] = Command::Suspend;
        let text = [
            Command::Submit,
            Command::HistoryOlder,
            Command::HistoryNewer,
            Command::FindSubmit,
            Command::FindCancel,
            Command::Choose,
            Command::Earlier,
            Command::Later,
            Command::ClearLine,
            Command::DeleteWord,
            Command::DeleteBack,
            Command::DeleteToEnd,
            Command::CursorStart,
            Command::CursorEnd,
            Command::CursorLeft,
            Command::CursorRight,
            Command::DeleteForward,
        ];
        let mut j = 0;
        while j < text.len() {
            all[28 + j] = text[j];
            j += 1;
        }
        all
    };

    /// Its name in the configuration.
    pub fn name(self) -> &'static str {
        match self {
            Command::Down => "down",
            Command::Up => "up",
            Command::PageDown => "page_down",
            Command::ReadOn => "read_on",
            Command::PageUp => "page_up",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::Open => "open",
            Command::Back => "back",
            Command::Search => "search",
            Command::Find => "find",
            Command::FindNext => "find_next",
            Command::FindPrev => "find_prev",
            Command::NextArticle => "next_article",
            Command::PrevArticle => "prev_article",
            Command::SwitchFocus => "switch_focus",
            Command::Bookmark => "bookmark",
            Command::Copy => "copy",
            Command::CopyTitle => "copy_title",
            Command::Places => "places",
            Command::Dates => "dates",
            Command::Sort => "sort",
            Command::ToggleReading => "toggle_reading",
            Command::Help => "help",
            Command::Quit => "quit",
            Command::Close => "close",
            Command::Redraw => "redraw",
            Command::Suspend => "suspend",
            Command::Submit => "submit",
            Command::HistoryOlder => "history_older",
            Command::HistoryNewer => "history_newer",
            Command::FindSubmit => "find_submit",
            Command::FindCancel => "find_cancel",
            Command::Choose => "choose",
            Command::Earlier => "earlier",
            Command::Later => "later",
            Command::ClearLine => "clear_line",
            Command::DeleteWord => "delete_word",
            Command::DeleteBack => "delete_back",
            Command::DeleteToEnd => "delete_to_end",
            Command::CursorStart => "cursor_start",
            Command::CursorEnd => "cursor_end",
            Command::CursorLeft => "cursor_left",
            Command::CursorRight => "cursor_right",
            Command::DeleteForward => "delete_forward",
        }
    }

    /// The bindable command called `name`.
    pub fn bindable(name: &str) -> Option<Command> {
        Command::BINDABLE.into_iter().find(|c| c.name() == name)
    }

    /// What the command does in `mode`, if anything.
    pub fn action(self, mode: Mode) -> Option<Action> {
        let motion = match self {
            Command::Down => Some(Motion::Down),
            Command::Up => Some(Motion::Up),
            Command::PageDown => Some(Motion::PageDown),
            Command::PageUp => Some(Motion::PageUp),
            Command::Top => Some(Motion::Top),
            Command::Bottom => Some(Motion::Bottom),
            _ => None,
        };
        if let Some(m) = motion {
            return match (mode, m) {
                (Mode::List, _) => Some(Action::List(ListAction::Select(m))),
                (Mode::Reading, _) => Some(Action::Reader(ReaderAction::Scroll(m))),
                (Mode::Help, _) => Some(Action::HelpScroll(m)),
                (Mode::Places, Motion::Top | Motion::Bottom) => None,
                (Mode::Places, _) => Some(Action::Places(PlacesAction::Move(m))),
                (Mode::Dates, Motion::Top | Motion::Bottom) => {
                    Some(Action::Dates(DatesAction::Edge(m)))
                }
                (Mode::Dates, Motion::Down) => Some(Action::Dates(DatesAction::Months)),
                (Mode::Dates, Motion::Up) => Some(Action::Dates(DatesAction::Years)),
                _ => None,
            };
        }
        if let Some(edit) = self.edit() {
            let line = matches!(mode, Mode::Query | Mode::Find | Mode::Places);
            return line.then_some(Action::Edit(edit));
        }
        let list = mode == Mode::List;
        let reading = mode == Mode::Reading;
        let either = list || reading;
        Some(match self {
            Command::Open if list => Action::List(ListAction::Open),
            Command::Back if reading => Action::Reader(ReaderAction::Back),
            Command::Search if list => Action::FocusQuery,
            Command::Find if reading => Action::Find(FindAction::Start),
            Command::FindNext if reading => Action::Find(FindAction::Next),
            Command::FindPrev if reading => Action::Find(FindAction::Prev),
            Command::NextArticle if reading => Action::Reader(ReaderAction::NextArticle),
            Command::ReadOn if reading => Action::Reader(ReaderAction::ReadOn),
            Command::PrevArticle if reading => Action::Reader(ReaderAction::PrevArticle),
            Command::SwitchFocus if either => Action::SwitchFocus,
            Command::Bookmark if either => Action::ToggleBookmark,
            Command::Copy if either => Action::Copy,
            Command::CopyTitle if either => Action::CopyTitle,
            Command::Places if either => Action::Places(PlacesAction::Open),
            Command::Dates if either => Action::Dates(DatesAction::Open),
            Command::Sort if either => Action::CycleSort,
            Command::ToggleReading if either => Action::ToggleReadingPane,
            Command::Help if either => Action::Help,
            Command::Help | Command::Close if mode == Mode::Help => Action::CloseOverlay,
            Command::Quit if either => Action::Quit,
            Command::Redraw => Action::Redraw,
            Command::Suspend => Action::Suspend,
            Command::SwitchFocus if mode == Mode::Query => Action::SwitchFocus,
            Command::Submit if mode == Mode::Query => Action::SubmitQuery,
            Command::HistoryOlder if mode == Mode::Query => Action::HistoryOlder,
            Command::HistoryNewer if mode == Mode::Query => Action::HistoryNewer,
            Command::FindSubmit if mode == Mode::Find => Action::Find(FindAction::Submit),
            Command::FindCancel if mode == Mode::Find => Action::Find(FindAction::Cancel),
            Command::Close if matches!(mode, Mode::Places | Mode::Dates) => Action::CloseOverlay,
            Command::Choose if mode == Mode::Places => Action::Places(PlacesAction::Choose),
            Command::Choose if mode == Mode::Dates => Action::Dates(DatesAction::Choose),
            Command::Sort if mode == Mode::Places => Action::Places(PlacesAction::ToggleSort),
            Command::Earlier if mode == Mode::Dates => Action::Dates(DatesAction::Step(-1)),
            Command::Later if mode == Mode::Dates => Action::Dates(DatesAction::Step(1)),
            _ => return None,
        })
    }

    /// The edit of a text line the command is, if it is one.
    fn edit(self) -> Option<Edit> {
        Some(match self {
            Command::ClearLine => Edit::Clear,
            Command::DeleteWord => Edit::DeleteWordBack,
            Command::DeleteBack => Edit::Backspace,
            Command::DeleteToEnd => Edit::DeleteToEnd,
            Command::CursorStart => Edit::Home,
            Command::CursorEnd => Edit::End,
            Command::CursorLeft => Edit::Left,
            Command::CursorRight => Edit::Right,
            Command::DeleteForward => Edit::Delete,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests;
