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
    /// Move the selection in the list.
    Select(Motion),
    /// Read the selected article.
    Open,
    /// Back to the list.
    Back,
    /// Scroll the article.
    Scroll(Motion),
    NextArticle,
    /// A page down; at the end of the article, the next one (Space).
    ReadOn,
    PrevArticle,
    /// Edit whichever line has the focus.
    Edit(Edit),
    /// Text pasted into the terminal.
    Paste(String),
    HistoryOlder,
    HistoryNewer,
    /// Enter or Esc in the query line.
    SubmitQuery,
    FindStart,
    FindSubmit,
    FindCancel,
    FindNext,
    FindPrev,
    CycleSort,
    /// Hide the reading pane (the list takes the whole width; an
    /// article opened takes the whole screen), or show it again.
    ToggleReadingPane,
    Help,
    CloseOverlay,
    HelpScroll(Motion),
    Places,
    PlaceMove(Motion),
    PlaceToggleSort,
    PlaceChoose,
    Dates,
    /// Left (-1) or right (+1) in the date picker.
    DateStep(i32),
    DateEdge(Motion),
    DateMonths,
    DateYears,
    DateChoose,
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
    /// `others`: another tintuc may have saved since this one last did
    /// (so the merged marks may differ from this one's).
    Saved {
        others: bool,
    },
    /// Saving the reading state failed; why.
    SaveFailed(String),
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
