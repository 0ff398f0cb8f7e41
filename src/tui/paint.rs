//! Drawing helpers shared by the panes and the overlays: a line put on a
//! row, an editable line scrolled to its cursor, text cut with an
//! ellipsis, a list row, an overlay's frame.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::wrap::{fit, segments};

/// A count of cells or rows as a screen coordinate: screens are far
/// smaller than `u16::MAX`, and a larger count only ever lands off it.
pub(crate) fn cells(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Renders spans on one row, clipped to `area`'s width.
pub(crate) fn put_line(buf: &mut Buffer, area: Rect, y_offset: u16, line: &Line) {
    if y_offset >= area.height {
        return;
    }
    let row = Rect {
        y: area.y + y_offset,
        height: 1,
        ..area
    };
    line.render(row, buf);
}

/// The text of an editable line scrolled so that the cursor is visible:
/// (visible text, cursor column within it).
pub(crate) fn scrolled(text: &str, cursor_column: usize, width: usize) -> (String, usize) {
    let width = width.max(1);
    if cursor_column < width {
        let (end, _) = fit(text, width);
        return (text[..end].to_owned(), cursor_column);
    }
    let skip = cursor_column + 1 - width;
    let mut skipped = 0;
    let mut start = text.len();
    for (i, g) in text.grapheme_indices(true) {
        if skipped >= skip {
            start = i;
            break;
        }
        skipped += g.width();
    }
    let rest = &text[start..];
    let (end, _) = fit(rest, width);
    (rest[..end].to_owned(), cursor_column - skipped)
}

/// `text` cut to `width` columns, with an ellipsis when cut.
pub(crate) fn ellipsized(text: &str, width: usize) -> String {
    let (end, whole) = fit(text, width);
    if whole {
        return format!("{text}{}", " ".repeat(width.saturating_sub(text.width())));
    }
    let (end, _) = fit(&text[..end], width.saturating_sub(1));
    format!("{}…", &text[..end])
}

/// A list row; the selected one in the selection style, where only the
/// highlights keep their own colours (a coloured column on the selection
/// colour can be unreadable) and an unread title stays bold.
pub(crate) fn row_line<'a>(
    spans: Vec<Span<'a>>,
    selected: bool,
    focused: bool,
    theme: &Theme,
) -> Line<'a> {
    if !selected {
        return Line::from(spans);
    }
    let style = theme.selected(focused);
    let keyword = theme.keyword();
    let spans: Vec<Span> = spans
        .into_iter()
        .map(|span| {
            if span.style == keyword {
                span
            } else {
                let bold = span.style.add_modifier & ratatui::style::Modifier::BOLD;
                Span::styled(span.content, style.add_modifier(bold))
            }
        })
        .collect();
    Line::from(spans).style(style)
}

/// A title cut to `width` with an ellipsis, keyword matches highlighted,
/// the rest in `plain`.
pub(crate) fn title_spans(
    title: &str,
    marks: &[(Range<usize>, u8)],
    width: usize,
    theme: &Theme,
    plain: Style,
) -> Vec<Span<'static>> {
    let (end, whole) = fit(title, width);
    let end = if whole {
        end
    } else {
        fit(&title[..end], width.saturating_sub(1)).0
    };
    let mut spans: Vec<Span<'static>> = segments(0..end, marks)
        .into_iter()
        .filter_map(|(r, mark)| {
            let style = if mark > 0 { theme.keyword() } else { plain };
            title.get(r).map(|t| Span::styled(t.to_owned(), style))
        })
        .collect();
    if !whole {
        spans.push(Span::styled("…", plain));
    }
    spans
}

pub(crate) fn inner_margin(area: Rect) -> Rect {
    if area.width > 4 {
        Rect {
            x: area.x + 1,
            width: area.width - 2,
            ..area
        }
    } else {
        area
    }
}

/// An overlay's frame: cleared, bordered, titled; returns the inside.
pub(crate) fn overlay_frame(theme: &Theme, area: Rect, title: &str, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_style(theme.overlay_border())
        .title(Line::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}
