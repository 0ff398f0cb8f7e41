//! `update(&mut State, Action)`: the only place the state changes. Pure:
//! no terminal, no files, no clock; the engine's searches are computation.
//! What must reach the world (saving the reading state, copying to the
//! clipboard) is left for the run loop: the reading state is marked as
//! changed, a copy is put in `effects`.

use super::action::{DatesAction, PlacesAction};
use super::dates::update as dates;
use super::editor::Edit;
use super::find::update as find;
use super::i18n::Copied;
use super::layout;
use super::list::update as list;
use super::places::update as places;
use super::reader::update as reader;
use super::state::{Action, Effect, Focus, Mode, Motion, Notice, Overlay, QUERY_LIMIT, State};
use crate::clipboard;

/// Lines or rows one notch of the mouse wheel moves.
const WHEEL_STEP: usize = 3;

/// Applies `action`; returns whether anything on screen may have changed
/// (the run loop redraws only then).
pub fn update(state: &mut State, action: Action) -> bool {
    // Whatever is not one more edit sees the search of the edits before.
    let flushed = !matches!(action, Action::Edit(_) | Action::Paste(_)) && flush(state);
    // A message stays until the next thing the user does.
    let cleared = action.is_from_user() && state.notice.take().is_some();
    let resize = matches!(action, Action::Resize(..));
    let before = (state.reader.article, state.reader.scroll);
    let changed = apply(state, action) || flushed;
    // Laying out for a query that is not searched yet would be wasted.
    if changed && state.pending == (false, false) {
        settle(state);
    }
    // Where the reader scrolled to is remembered; a new layout of the
    // same place (a resize) is not a move.
    if !resize && state.reader.article == before.0 && state.reader.scroll != before.1 {
        reader::remember_position(state);
    }
    changed || cleared
}

/// Runs the search and the find that edits left waiting (while
/// `state.coalesce`: keys that came together, a paste without bracketed
/// paste, cost one search, not one each). The run loop calls it at the
/// end of each batch of input. Returns whether the screen may change.
pub fn flush(state: &mut State) -> bool {
    let (search_due, find_due) = std::mem::take(&mut state.pending);
    if search_due {
        search(state, true);
    }
    if find_due {
        find::refresh(state);
        find::jump_to_first_match(state);
    }
    if search_due || find_due {
        settle(state);
    }
    search_due || find_due
}

fn notice(state: &mut State, text: String) {
    state.notice = Some(Notice { text, error: false });
}

fn apply(state: &mut State, action: Action) -> bool {
    match action {
        Action::Quit => {
            state.quit = true;
            true
        }
        Action::Redraw => true,
        // The run loop suspends; the state does not change.
        Action::Suspend => false,
        Action::Resize(w, h) => {
            state.size = ratatui::layout::Rect::new(0, 0, w, h);
            true
        }
        Action::FocusQuery => {
            state.focus = Focus::Query;
            true
        }
        Action::SwitchFocus => {
            state.focus = match state.focus {
                Focus::List if state.selected.is_some() => Focus::Reading,
                Focus::List => Focus::Query,
                Focus::Query => Focus::List,
                Focus::Reading => Focus::List,
            };
            true
        }
        Action::List(action) => list::apply(state, action),
        Action::Reader(action) => reader::apply(state, action),
        Action::Edit(edit) => edit_line(state, &edit),
        Action::Paste(text) => {
            let mut changed = false;
            if matches!(state.mode(), Mode::List | Mode::Reading) {
                state.focus = Focus::Query;
                state.query.apply(&Edit::End);
                changed = true;
            }
            edit_line(state, &Edit::InsertStr(text)) || changed
        }
        Action::HistoryOlder => history_older(state),
        Action::HistoryNewer => history_newer(state),
        Action::SubmitQuery => {
            state.history.reset();
            let query = state.query.text().to_owned();
            state.reading.push_history(&query);
            state.focus = Focus::List;
            true
        }
        Action::Find(action) => find::apply(state, action),
        Action::CycleSort => {
            state.sort = state.sort.next();
            // A new order is read from its top, as a new query is.
            search(state, true);
            true
        }
        Action::ToggleReadingPane => {
            state.reading_hidden = !state.reading_hidden;
            true
        }
        Action::Help => {
            state.overlay = Some(Overlay::Help { scroll: 0 });
            true
        }
        Action::CloseOverlay => state.overlay.take().is_some(),
        Action::HelpScroll(motion) => help_scroll(state, motion),
        // A picker's choice is a new query, which the router runs.
        Action::Places(PlacesAction::Choose) => {
            let query = places::chosen_query(state);
            run_chosen(state, query)
        }
        Action::Places(action) => places::apply(state, action),
        Action::Dates(DatesAction::Choose) => {
            let query = dates::chosen_query(state);
            run_chosen(state, query)
        }
        Action::Dates(action) => dates::apply(state, action),
        Action::ToggleBookmark => toggle_bookmark(state),
        Action::Copy => copy(state, false),
        Action::CopyTitle => copy(state, true),
        Action::Wheel { column, row, down } => wheel(state, column, row, down),
        Action::Click { column, row } => click(state, column, row),
        Action::Saved { marks_changed } => saved(state, marks_changed),
        Action::SaveFailed(why) => {
            state.notice = Some(Notice {
                text: state.strings.save_failed(&why),
                error: true,
            });
            state.save_error = Some(why);
            true
        }
    }
}

/// `y` and `Y`: the article as plain text, or its title and source, for
/// the run loop to send to the terminal's clipboard.
fn copy(state: &mut State, title_only: bool) -> bool {
    let Some(article) = state
        .selected_article()
        .and_then(|i| state.engine.article(i))
    else {
        return false;
    };
    if !state.settings.osc52 {
        drop(article);
        notice(state, state.strings.copy_off.to_owned());
        return true;
    }
    let text = if title_only {
        clipboard::title_and_source(&article)
    } else {
        clipboard::article_text(&article, &reader::place_lines(&article.places).join("; "))
    };
    let what = match (title_only, &article.source) {
        (false, _) => Copied::Article,
        (true, None) => Copied::Title,
        (true, Some(_)) => Copied::TitleAndSource,
    };
    let (kept, cut) = clipboard::fit(&text);
    let kept = kept.to_owned();
    let message = state.strings.copied(what, kept.chars().count(), cut);
    state.effects.push(Effect::Copy(kept));
    notice(state, message);
    true
}

/// The mouse wheel scrolls what is under the pointer.
fn wheel(state: &mut State, column: u16, row: u16, down: bool) -> bool {
    let point = ratatui::layout::Position::new(column, row);
    let motion = if down { Motion::Down } else { Motion::Up };
    let mut moved = false;
    match &state.overlay {
        Some(Overlay::Help { .. }) => {
            for _ in 0..WHEEL_STEP {
                moved |= apply(state, Action::HelpScroll(motion));
            }
            return moved;
        }
        Some(Overlay::Places(_)) => {
            return apply(state, Action::Places(PlacesAction::Move(motion)));
        }
        Some(Overlay::Dates(_)) => {
            return apply(
                state,
                Action::Dates(DatesAction::Step(if down { 1 } else { -1 })),
            );
        }
        None => {}
    }
    let panes = state.panes();
    let over_reading = [panes.reading_header, panes.reading_text, panes.scrollbar]
        .iter()
        .any(|r| r.contains(point));
    if panes.list.contains(point) {
        for _ in 0..WHEEL_STEP {
            moved |= list::select(state, motion);
        }
    } else if over_reading {
        for _ in 0..WHEEL_STEP {
            moved |= reader::scroll(state, motion);
        }
    }
    moved
}

/// A click selects a row (a second click on it reads it), focuses a
/// pane or the query line.
fn click(state: &mut State, column: u16, row: u16) -> bool {
    if state.overlay.is_some() || state.reader.find.editing.is_some() {
        return false;
    }
    let point = ratatui::layout::Position::new(column, row);
    let panes = state.panes();
    if panes.query.contains(point) {
        let was = state.focus;
        state.focus = Focus::Query;
        return was != Focus::Query;
    }
    if panes.list.contains(point) {
        let index = state.list_offset + usize::from(row - panes.list.y);
        if index >= state.results.hits.len() {
            return false;
        }
        if state.selected == Some(index) && state.focus == Focus::List {
            state.focus = Focus::Reading;
        } else {
            state.selected = Some(index);
            state.focus = Focus::List;
        }
        return true;
    }
    let on_reading = [panes.reading_header, panes.reading_text, panes.scrollbar]
        .iter()
        .any(|r| r.contains(point));
    if on_reading && state.selected.is_some() && state.focus != Focus::Reading {
        state.focus = Focus::Reading;
        return true;
    }
    false
}

/// Brings everything derived from the state up to date: the list offset,
/// the highlights of the rows in view, the article shown and its layout,
/// and what the reading state remembers of them.
pub(super) fn settle(state: &mut State) {
    // The one-pane arrangement shows the list when nothing can be read.
    if state.focus == Focus::Reading && state.selected.is_none() {
        state.focus = Focus::List;
    }
    list::follow_selection(state);
    list::refresh_row_marks(state);
    reader::refresh(state);
    let selected = state.selected_article();
    let id = selected.and_then(|i| state.article_id(i));
    state.reading.set_selected(id.as_deref());
    // An article is read once it has been opened in the reading pane.
    if state.focus == Focus::Reading
        && let Some(id) = id
        && !state.reading.is_read(&id)
    {
        state.reading.set_read(&id, true);
    }
    places::keep_in_view(state);
    if let Some(Overlay::Help { scroll }) = &mut state.overlay {
        let rows = layout::help_rows(&state.help, state.size);
        let total = layout::help_line_count(&state.help, state.size);
        *scroll = (*scroll).min(total.saturating_sub(rows));
    }
}

/// Runs the query. On a new query (or order) the selection goes to the
/// first result; otherwise (the configuration applied) it stays on the
/// same article.
pub(super) fn search(state: &mut State, new_query: bool) {
    let query = state.query.text().to_owned();
    state.reading.set_last_query(&query);
    let keep = state.selected_article();
    state.results = state
        .engine
        .search_marked(state.query.text(), state.sort, &state.reading);
    let hits = &state.results.hits;
    state.selected = if hits.is_empty() {
        None
    } else if new_query {
        Some(0)
    } else {
        keep.and_then(|a| hits.iter().position(|h| h.article == a))
            .or(Some(0))
    };
    if new_query {
        state.list_offset = 0;
    }
    settle(state);
}

/// What a picker chose: its query, in the history, run, and the list
/// shown; nothing when there was nothing to choose.
fn run_chosen(state: &mut State, query: Option<String>) -> bool {
    let Some(query) = query else {
        return false;
    };
    state.overlay = None;
    state.query.set(&query);
    state.reading.push_history(&query);
    search(state, true);
    state.focus = Focus::List;
    true
}

fn set_query(state: &mut State, text: &str) -> bool {
    if state.query.text() == text {
        return false;
    }
    state.query.set(text);
    search(state, true);
    true
}

/// Sends an edit to the line that has the focus, if any.
fn edit_line(state: &mut State, edit: &Edit) -> bool {
    match state.mode() {
        Mode::Places => return places::edit_filter(state, edit),
        Mode::Find => return find::edit(state, edit),
        Mode::Query => {}
        _ => return false,
    }
    let before = state.query.text().to_owned();
    let edited = state.query.apply(edit);
    // Said as long as text is typed into a full line.
    let adds = matches!(edit, Edit::Insert(_) | Edit::InsertStr(_));
    let cut = state.query.take_cut() || (adds && state.query.is_full());
    if cut {
        let text = state
            .strings
            .query_limited(QUERY_LIMIT.chars, QUERY_LIMIT.words);
        notice(state, text);
    }
    if !edited {
        return cut;
    }
    if state.query.text() != before {
        state.history.reset();
        if state.coalesce {
            state.pending.0 = true;
        } else {
            search(state, true);
        }
    }
    true
}

/// Bookmarks the selected article, or removes its bookmark.
fn toggle_bookmark(state: &mut State) -> bool {
    let Some(index) = state.selected_article() else {
        return false;
    };
    let Some(id) = state.article_id(index) else {
        return false;
    };
    let on = state.reading.toggle_bookmark(&id);
    let text = if on {
        state.strings.bookmarked
    } else {
        state.strings.unbookmarked
    };
    notice(state, text.to_owned());
    true
}

/// The reading state was saved (see [`Action::Saved`]).
fn saved(state: &mut State, marks_changed: bool) -> bool {
    state.save_error = None;
    // Merged with what another tintuc saved: its marks show, and `is:`
    // terms read them at the next search.
    marks_changed
}

/// The query before, in the history.
fn history_older(state: &mut State) -> bool {
    let current = state.query.text().to_owned();
    let entries = state.reading.history();
    match state.history.older(&current, entries).map(str::to_owned) {
        Some(q) => set_query(state, &q),
        None => false,
    }
}

/// The query after, in the history.
fn history_newer(state: &mut State) -> bool {
    let entries = state.reading.history();
    match state.history.newer(entries).map(str::to_owned) {
        Some(q) => set_query(state, &q),
        None => false,
    }
}

/// Scrolls the help.
fn help_scroll(state: &mut State, motion: Motion) -> bool {
    let rows = layout::help_rows(&state.help, state.size);
    let total = layout::help_line_count(&state.help, state.size);
    let Some(Overlay::Help { scroll }) = &mut state.overlay else {
        return false;
    };
    let max = total.saturating_sub(rows);
    motion.move_index(scroll, rows.max(1), max + 1)
}
