//! Drawing the place picker.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::doc;
use super::super::facets::PlaceIndex;
use super::super::layout;
use super::super::paint::{
    cells, ellipsized, overlay_frame, put_line, row_line, scrolled, title_spans,
};
use super::super::state::State;
use super::{PlaceOrder, PlacePicker};

pub(crate) fn draw(
    state: &State,
    p: &PlacePicker,
    screen: Rect,
    buf: &mut Buffer,
    cursor: &mut Option<Position>,
) {
    let theme = &state.theme;
    let s = state.strings;
    let area = layout::places_box(screen, p.counts.len());
    if area.area() == 0 {
        return;
    }
    let order = match p.order {
        PlaceOrder::Count => s.places_by_count,
        PlaceOrder::Name => s.places_by_name,
    };
    let title = format!("{} · {order}", s.places_title);
    let inner = overlay_frame(theme, area, &title, buf);
    if inner.area() == 0 {
        return;
    }
    draw_filter(state, p, inner, buf, cursor);

    let Some(index) = &state.places else {
        return;
    };
    let list = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if p.counts.is_empty() {
        put_line(
            buf,
            list,
            0,
            &Line::styled(format!(" {}", s.places_none), theme.hint()),
        );
    }
    let (name_width, count_width) = column_widths(p, index, inner.width);
    for (row, (k, (i, ranges))) in p
        .shown
        .iter()
        .enumerate()
        .skip(p.offset)
        .take(usize::from(list.height))
        .enumerate()
    {
        let Some((place, count)) = p.counts.get(*i) else {
            continue;
        };
        let Some(info) = index.places.get(*place) else {
            continue;
        };
        let selected = k == p.selected;
        let marks: Vec<(Range<usize>, u8)> =
            ranges.iter().map(|r| (r.clone(), doc::KEYWORD)).collect();
        let mut spans = vec![Span::styled(
            if selected { "› " } else { "  " },
            theme.marker(),
        )];
        let name = title_spans(&info.name, &marks, name_width, theme, Style::new());
        let used: usize = name.iter().map(|s| s.width()).sum();
        spans.extend(name);
        spans.push(Span::raw(" ".repeat(name_width.saturating_sub(used))));
        let count = format!(" {count:>count_width$}  ");
        let room = usize::from(list.width).saturating_sub(2 + name_width + count.width());
        spans.push(Span::styled(count, theme.date_column()));
        let context = ellipsized(&info.context, room);
        spans.push(Span::styled(context.trim_end().to_owned(), theme.hint()));
        put_line(
            buf,
            list,
            cells(row),
            &row_line(spans, selected, true, theme),
        );
    }
    let status = s.places_count(p.shown.len(), p.counts.len());
    put_line(
        buf,
        inner,
        inner.height.saturating_sub(1),
        &Line::styled(format!(" {status}"), theme.hint()),
    );
}

/// The filter line, with the cursor.
fn draw_filter(
    state: &State,
    p: &PlacePicker,
    inner: Rect,
    buf: &mut Buffer,
    cursor: &mut Option<Position>,
) {
    let theme = &state.theme;
    let s = state.strings;
    let prompt = format!(" {} ", s.places_filter);
    let room = usize::from(inner.width).saturating_sub(prompt.width() + 1);
    let (text, column) = scrolled(p.filter.text(), p.filter.cursor_column(), room);
    put_line(
        buf,
        inner,
        0,
        &Line::from(vec![
            Span::styled(prompt.clone(), theme.prompt()),
            Span::raw(text),
        ]),
    );
    let x = inner.x + cells(prompt.width()) + cells(column);
    *cursor = Some(Position::new(x.min(inner.right() - 1), inner.y));
}

/// The widths of the name and count columns.
fn column_widths(p: &PlacePicker, index: &PlaceIndex, width: u16) -> (usize, usize) {
    let name_width = p
        .shown
        .iter()
        .filter_map(|(i, _)| p.counts.get(*i))
        .filter_map(|(place, _)| index.places.get(*place))
        .map(|place| place.name.width())
        .max()
        .unwrap_or(0)
        .min(usize::from(width) / 2);
    let count_width = p
        .counts
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    (name_width, count_width)
}
