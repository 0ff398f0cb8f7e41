//! The in-article search in the status bar: the prompt while the term is
//! typed, then how many matches it has and which one is in view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::paint::{cells, put_line, scrolled};
use super::super::state::State;

/// The prompt and the term being typed, across the status bar; where the
/// cursor goes.
pub(crate) fn draw_prompt(state: &State, area: Rect, buf: &mut Buffer) -> Position {
    let theme = &state.theme;
    let prompt = format!(" {} ", state.strings.find_prompt);
    let room = usize::from(area.width).saturating_sub(prompt.width() + 1);
    let editor = state.reader.find.editing.as_ref();
    let (text, column) = editor.map_or((String::new(), 0), |e| {
        scrolled(e.text(), e.cursor_column(), room)
    });
    let x = area.x + cells(prompt.width()) + cells(column);
    let line = Line::from(vec![
        Span::styled(prompt, theme.status_filter()),
        Span::styled(text, theme.status()),
    ]);
    put_line(buf, area, 0, &line);
    Position::new(x.min(area.right() - 1), area.y)
}

/// "3 of 12" (or "not found") while a term is searched for in the
/// article; nothing when there is no term.
pub(crate) fn status_note(state: &State) -> Option<Span<'static>> {
    let find = &state.reader.find;
    if find.term.is_empty() {
        return None;
    }
    let s = state.strings;
    let note = match find.current {
        _ if find.hits.is_empty() => s.not_found(&find.term),
        Some(c) => s.found(c + 1, find.hits.len()),
        None => s.found(0, find.hits.len()),
    };
    Some(Span::styled(
        format!(" {note} "),
        state.theme.status_filter(),
    ))
}
