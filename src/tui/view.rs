//! `draw(&State, &mut Frame)`: the screen as a function of the state. It
//! reads the state only; everything costly (searching, wrapping, matching)
//! was done by `update`.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::find;
use super::layout::{self, Panes};
use super::paint::{cells, overlay_frame, put_line, scrolled};
use super::state::{Mode, Overlay, State};
use super::wrap::fit;

pub fn draw(state: &State, frame: &mut Frame) {
    let area = frame.area();
    if area.area() == 0 {
        return;
    }
    let panes = layout::panes_in(
        area,
        state.arrangement_in(area),
        state.reading_shown(),
        state.results.hits.len(),
        state.settings.reading_width,
    );
    let mut cursor = None;
    draw_query(state, &panes, frame.buffer_mut(), &mut cursor);
    super::list::draw::draw(state, panes.list, frame.buffer_mut());
    super::reader::draw::draw(state, &panes, frame);
    draw_status(state, panes.status, frame.buffer_mut(), &mut cursor);
    match &state.overlay {
        Some(Overlay::Help { scroll }) => draw_help(state, *scroll, area, frame.buffer_mut()),
        Some(Overlay::Places(p)) => {
            super::places::draw::draw(state, p, area, frame.buffer_mut(), &mut cursor);
        }
        Some(Overlay::Dates(d)) => super::dates::draw::draw(state, d, area, frame.buffer_mut()),
        None => {}
    }
    if let Some(position) = cursor.filter(|p| area.contains(*p)) {
        frame.set_cursor_position(position);
    }
}

fn draw_query(state: &State, panes: &Panes, buf: &mut Buffer, cursor: &mut Option<Position>) {
    let area = panes.query;
    if area.area() == 0 {
        return;
    }
    let theme = &state.theme;
    let s = state.strings;
    let prompt = format!("{} ", s.prompt);
    let prompt_width = cells(prompt.width());
    let mut spans = vec![Span::styled(prompt, theme.prompt())];
    let room = usize::from(area.width.saturating_sub(prompt_width + 1));
    let editing = state.mode() == Mode::Query;
    let (text, column) = scrolled(state.query.text(), state.query.cursor_column(), room);
    let mut used = usize::from(prompt_width) + text.width();
    if state.query.is_empty() {
        spans.push(Span::styled(s.query_hint, theme.hint()));
        used += s.query_hint.width();
    } else {
        spans.push(Span::raw(text));
    }
    // The engine's word on a term that cannot mean anything, at the right.
    let hints: Vec<String> = state
        .results
        .query
        .hints
        .iter()
        .map(|h| s.query_hint(h))
        .collect();
    let hints = hints.join("; ");
    let hint_width = hints.width();
    if !hints.is_empty() && used + 2 + hint_width + 2 <= usize::from(area.width) {
        let pad = usize::from(area.width) - used - hint_width - 1;
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(hints, theme.error()));
    }
    put_line(buf, area, 0, &Line::from(spans));
    if editing {
        let x = area.x + prompt_width + cells(column);
        *cursor = Some(Position::new(x.min(area.right() - 1), area.y));
    }
}

/// Key hints cut at a hint boundary (they are separated by two spaces).
fn fit_hints(hints: &str, width: usize) -> String {
    let mut out = String::new();
    for item in hints.split("  ") {
        let candidate = if out.is_empty() {
            item.to_owned()
        } else {
            format!("{out}  {item}")
        };
        if candidate.width() > width {
            break;
        }
        out = candidate;
    }
    out
}

fn draw_status(state: &State, area: Rect, buf: &mut Buffer, cursor: &mut Option<Position>) {
    if area.area() == 0 {
        return;
    }
    let theme = &state.theme;
    let s = state.strings;
    buf.set_style(area, theme.status());
    let mode = state.mode();
    if mode == Mode::Find {
        *cursor = Some(find::draw::draw_prompt(state, area, buf));
        return;
    }
    let mut left = vec![Span::styled(
        format!(
            " {} ",
            s.count(state.results.hits.len(), state.engine.len())
        ),
        theme.status_filter(),
    )];
    for filter in state
        .results
        .places
        .iter()
        .chain(&state.results.dates)
        .chain(&state.results.flags)
    {
        left.push(Span::styled(format!(" {filter} "), theme.status_filter()));
    }
    left.push(Span::styled(
        format!(" {} ", s.sort(state.sort)),
        theme.status(),
    ));
    if mode == Mode::Reading {
        left.extend(find::draw::status_note(state));
    }
    let left_width: usize = left.iter().map(|s| s.width()).sum();
    let room = usize::from(area.width).saturating_sub(left_width + 2);
    // A message takes the place of the key hints until the next key.
    if let Some(notice) = &state.notice {
        // Messages may carry data (paths, a file's values): shown escaped.
        let shown = crate::text::escape_for_message(&notice.text);
        let (end, whole) = fit(&shown, room);
        let text = if whole {
            shown[..end].to_owned()
        } else {
            let (end, _) = fit(&shown, room.saturating_sub(1));
            format!("{}…", &shown[..end])
        };
        let style = if notice.error {
            theme.error().patch(theme.status())
        } else {
            theme.status_filter()
        };
        left.push(Span::styled(" ", theme.status()));
        left.push(Span::styled(text, style));
        put_line(buf, area, 0, &Line::from(left));
        return;
    }
    let keymap = &state.settings.keymap;
    let hints = match mode {
        Mode::List => s.keys_list,
        Mode::Query => s.keys_query,
        Mode::Reading => s.keys_reading,
        Mode::Find => s.keys_find,
        Mode::Help => s.keys_help,
        Mode::Places => s.keys_places,
        Mode::Dates => s.keys_dates,
    };
    let keys = super::help::hints(mode, hints, keymap);
    let keys = fit_hints(&keys, room);
    if !keys.is_empty() {
        let pad = usize::from(area.width) - left_width - keys.width() - 1;
        left.push(Span::styled(" ".repeat(pad), theme.status()));
        left.push(Span::styled(keys, theme.status()));
    }
    put_line(buf, area, 0, &Line::from(left));
}

fn draw_help(state: &State, scroll: usize, screen: Rect, buf: &mut Buffer) {
    let theme = &state.theme;
    let s = state.strings;
    let help = &state.help;
    let area = layout::help_box(help, screen);
    if area.area() == 0 {
        return;
    }
    let inner = overlay_frame(theme, area, s.help_title, buf);
    let total = layout::help_line_count(help, screen);
    let rows = usize::from(inner.height);
    if total > rows && area.height > 2 {
        let last = (scroll + rows).min(total);
        let position = format!(" {} ", s.position(scroll + 1, last, total));
        let bottom = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..inner
        };
        put_line(
            buf,
            bottom,
            0,
            &Line::styled(position, theme.hint()).right_aligned(),
        );
    }
    let columns = layout::help_layout(help, screen);
    let column_width = inner.width / cells(columns.len().max(1));
    for (c, rows) in columns.iter().enumerate() {
        let col = Rect {
            x: inner.x + column_width * cells(c),
            width: column_width,
            ..inner
        };
        for (row, help_row) in rows
            .iter()
            .skip(scroll)
            .take(usize::from(col.height))
            .enumerate()
        {
            let line = match help_row {
                layout::HelpRow::Heading(text) => {
                    Line::styled(format!(" {text}"), theme.help_heading())
                }
                layout::HelpRow::Entry { keys, what } => Line::from(vec![
                    Span::raw("   "),
                    Span::styled(keys.as_str(), theme.help_key()),
                    Span::raw("  "),
                    Span::raw(what.as_str()),
                ]),
                layout::HelpRow::Blank => Line::default(),
            };
            put_line(buf, col, cells(row), &line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::paint::ellipsized;
    use super::*;

    #[test]
    fn long_lines_scroll_to_keep_the_cursor_visible() {
        // Short: shown whole, cursor where it is.
        assert_eq!(scrolled("Từ Sơn", 3, 10), ("Từ Sơn".to_owned(), 3));
        // Cursor at the end of a long line: the end is shown.
        let text = "nông thôn mới Bắc Ninh";
        let (shown, column) = scrolled(text, text.width(), 10);
        assert!(text.ends_with(&shown), "{shown}");
        assert_eq!(column, 9);
        assert!(shown.width() <= 10);
        // Cursor at the start: the start is shown.
        assert_eq!(scrolled(text, 0, 10).0, "nông thôn ");
    }

    #[test]
    fn ellipsis_only_when_cut() {
        assert_eq!(ellipsized("Từ Sơn", 8), "Từ Sơn  ");
        assert_eq!(ellipsized("Thường Tín", 6), "Thườn…");
        assert_eq!(fit_hints("a b  c d  e", 8), "a b  c d");
        assert_eq!(fit_hints("a b  c d  e", 2), "");
    }
}
