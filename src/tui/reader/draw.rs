//! Drawing the reading pane: its header, the article's lines in view,
//! the scrollbar.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Widget,
};
use unicode_width::UnicodeWidthStr;

use super::super::doc::{self, Role};
use super::super::layout::Panes;
use super::super::paint::{cells, put_line};
use super::super::state::{Focus, State};
use super::super::theme::Theme;

fn role_style(theme: &Theme, role: Role) -> Style {
    match role {
        Role::Title => theme.title(),
        Role::Label => theme.meta_label(),
        Role::Meta => theme.meta(),
        Role::Rule => theme.border(false),
        Role::Text => theme.base(),
        Role::Subheading => theme.subheading(),
        Role::Caption => theme.caption(),
    }
}

fn mark_style(theme: &Theme, mark: u8) -> Style {
    match mark {
        doc::KEYWORD => theme.keyword(),
        doc::FOUND => theme.found(),
        doc::CURRENT => theme.found_current(),
        _ => Style::new(),
    }
}

pub(crate) fn draw(state: &State, panes: &Panes, frame: &mut Frame) {
    let theme = &state.theme;
    let s = state.strings;
    let buf = frame.buffer_mut();
    if panes.separator.area() > 0 {
        let bar = Block::new()
            .borders(Borders::LEFT)
            .border_style(theme.border(false));
        bar.render(panes.separator, buf);
    }
    let focused = state.focus == Focus::Reading;
    let doc = &state.reader.doc;
    let text = panes.reading_text;
    let rows = usize::from(text.height);
    let max_scroll = doc.len().saturating_sub(rows);
    let scroll = state.reader.scroll.min(max_scroll);
    if panes.reading_header.area() > 0 {
        let header = panes.reading_header;
        let mut left = String::new();
        if let Some(i) = state.selected {
            left = format!(" {} ", s.article_n(i + 1, state.results.hits.len()));
            let bookmarked = state
                .reader
                .article
                .and_then(|a| state.article_id(a))
                .is_some_and(|id| state.reading.is_bookmarked(&id));
            if bookmarked {
                left.push_str("★ ");
            }
        } else {
            left.push_str(&format!(" {} ", s.reading_title));
        }
        let right = if state.selected.is_none() {
            String::new()
        } else if doc.len() <= rows {
            format!(" {} ", s.scroll_all)
        } else {
            let last = (scroll + rows).min(doc.len());
            format!(" {} ", s.position(scroll + 1, last, doc.len()))
        };
        let width = usize::from(header.width);
        let fill = width.saturating_sub(left.width() + right.width() + 1);
        let line = Line::from(vec![
            Span::styled("─", theme.border(focused)),
            Span::styled(left, theme.pane_title(focused)),
            Span::styled("─".repeat(fill), theme.border(focused)),
            Span::styled(right, theme.border(focused)),
        ]);
        put_line(buf, header, 0, &line);
    }
    if text.area() == 0 {
        return;
    }
    if state.selected.is_none() {
        if state.results.hits.is_empty() {
            // The list already says why.
            return;
        }
        let message = s.nothing_selected;
        Paragraph::new(Line::styled(message, theme.hint()))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(text, buf);
        return;
    }
    let shown = (scroll..scroll + rows).map_while(|i| doc.line(i));
    for (row, line) in shown.enumerate() {
        let spans: Vec<Span> = line
            .iter()
            .map(|p| {
                Span::styled(
                    p.text.as_str(),
                    role_style(theme, p.role).patch(mark_style(theme, p.mark)),
                )
            })
            .collect();
        put_line(buf, text, cells(row), &Line::from(spans));
    }
    if panes.scrollbar.area() > 0 && doc.len() > rows {
        let mut bar_state = ScrollbarState::new(max_scroll + 1)
            .position(scroll)
            .viewport_content_length(rows);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .track_style(theme.border(false))
            .thumb_style(theme.border(focused));
        frame.render_stateful_widget(bar, panes.scrollbar, &mut bar_state);
    }
}
