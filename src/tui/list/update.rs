//! What the list's actions and a new search do to the list: the
//! selection, the first row shown, the highlights of the rows in view.

use super::super::action::ListAction;
use super::super::state::{Focus, Motion, State};

/// What the list's actions do.
pub(crate) fn apply(state: &mut State, action: ListAction) -> bool {
    match action {
        ListAction::Select(motion) => select(state, motion),
        ListAction::Open => {
            if state.selected.is_none() {
                return false;
            }
            state.focus = Focus::Reading;
            true
        }
    }
}

pub(crate) fn list_rows(state: &State) -> usize {
    usize::from(state.panes().list.height)
}

/// Moves the selection in the list.
pub(crate) fn select(state: &mut State, motion: Motion) -> bool {
    let len = state.results.hits.len();
    let page = list_rows(state).max(1);
    let Some(selected) = &mut state.selected else {
        return false;
    };
    motion.move_index(selected, page, len)
}

/// Keeps the selected row in view.
pub(crate) fn follow_selection(state: &mut State) {
    let rows = list_rows(state);
    let len = state.results.hits.len();
    let Some(selected) = state.selected else {
        state.list_offset = 0;
        return;
    };
    if rows == 0 {
        return;
    }
    if selected < state.list_offset {
        state.list_offset = selected;
    } else if selected >= state.list_offset + rows {
        state.list_offset = selected + 1 - rows;
    }
    // No empty rows at the bottom while there are results above.
    state.list_offset = state.list_offset.min(len.saturating_sub(rows));
}

/// Title highlights for the rows in view only: matching every result on
/// every keystroke would cost as much as the search itself.
pub(crate) fn refresh_row_marks(state: &mut State) {
    if state.row_marks_query != state.results.query.text {
        state.row_marks.clear();
        state.row_marks_query = state.results.query.text.clone();
    }
    let rows = list_rows(state).max(1);
    let visible: Vec<usize> = state
        .results
        .hits
        .iter()
        .skip(state.list_offset)
        .take(rows)
        .map(|h| h.article)
        .collect();
    state.row_marks.retain(|(a, _)| visible.contains(a));
    for a in visible {
        if !state.row_marks.iter().any(|(b, _)| *b == a) {
            let title = state.engine.title_matches_of(a, &state.results.query);
            state.row_marks.push((a, title));
        }
    }
}
