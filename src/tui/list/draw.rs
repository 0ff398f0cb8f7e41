//! Drawing the list of results: a row per article, with its marks, date,
//! place and title, the query's keywords highlighted.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::super::doc;
use super::super::paint::{cells, ellipsized, inner_margin, put_line, row_line, title_spans};
use super::super::state::{Focus, State};

/// The place column is at most this wide.
const PLACE_WIDEST: usize = 16;

/// Column widths of the list: (date, place); zero when not shown.
fn list_columns(state: &State, width: u16) -> (usize, usize) {
    let date = if width >= 30 { 10 } else { 0 };
    let place = if width >= 60 {
        // Over every result, so that the column does not change width as
        // the list scrolls; the widest the column gets ends the search.
        let widest = state
            .results
            .hits
            .iter()
            .map(|h| state.engine.place_width(h.article))
            .try_fold(0, |widest, w| {
                let widest = widest.max(w);
                if widest >= PLACE_WIDEST {
                    Err(widest)
                } else {
                    Ok(widest)
                }
            })
            .unwrap_or_else(|widest| widest);
        widest.clamp(6, PLACE_WIDEST)
    } else {
        0
    };
    (date, place)
}

pub(crate) fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    if area.area() == 0 {
        return;
    }
    let theme = &state.theme;
    let s = state.strings;
    if state.results.hits.is_empty() {
        let message = if state.engine.is_empty() {
            vec![Line::styled(s.empty_collection, theme.title())]
        } else {
            vec![
                Line::styled(s.no_results, theme.title()),
                Line::styled(s.no_results_hint, theme.hint()),
            ]
        };
        Paragraph::new(message)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(inner_margin(area), buf);
        return;
    }
    let (date_w, place_w) = list_columns(state, area.width);
    let focused = state.focus == Focus::List;
    let rows = usize::from(area.height);
    for (row, (i, hit)) in state
        .results
        .hits
        .iter()
        .enumerate()
        .skip(state.list_offset)
        .take(rows)
        .enumerate()
    {
        let Some(article) = state.engine.article(hit.article) else {
            continue;
        };
        let selected = state.selected == Some(i);
        let marks = state.reading.article(&article.id);
        let mut spans = vec![
            Span::styled(if selected { "›" } else { " " }, theme.marker()),
            Span::styled(if marks.bookmarked { "★ " } else { "  " }, theme.bookmark()),
        ];
        if date_w > 0 {
            let date = article.date_shown().unwrap_or_default();
            spans.push(Span::styled(format!("{date:<10} "), theme.date_column()));
        }
        if place_w > 0 {
            let place = article.places.first().map_or("", String::as_str);
            spans.push(Span::styled(
                format!("{} ", ellipsized(place, place_w)),
                theme.place_column(),
            ));
        }
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let room = usize::from(area.width).saturating_sub(used);
        let marks_read = marks.read;
        let highlights: Vec<(Range<usize>, u8)> = state
            .row_marks
            .iter()
            .find(|(a, _)| *a == hit.article)
            .map(|(_, ranges)| ranges.iter().map(|r| (r.clone(), doc::KEYWORD)).collect())
            .unwrap_or_default();
        let title_style = if marks_read {
            theme.read_title()
        } else {
            theme.unread_title()
        };
        spans.extend(title_spans(
            &article.title,
            &highlights,
            room,
            theme,
            title_style,
        ));
        put_line(
            buf,
            area,
            cells(row),
            &row_line(spans, selected, focused, theme),
        );
    }
}
