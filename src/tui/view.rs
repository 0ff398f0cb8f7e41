//! `draw(&State, &mut Frame)`: the screen as a function of the state. It
//! reads the state only; everything costly (searching, wrapping, matching)
//! was done by `update`.

use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation,
    ScrollbarState, Widget,
};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::doc::{self, Role};
use super::layout::{self, Panes};
use super::state::{DateLevel, DatePicker, Focus, Mode, Overlay, PlaceOrder, PlacePicker, State};
use super::theme::Theme;
use super::wrap::{fit, segments};

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
    draw_list(state, panes.list, frame.buffer_mut());
    draw_reading(state, &panes, frame);
    draw_status(state, panes.status, frame.buffer_mut(), &mut cursor);
    match &state.overlay {
        Some(Overlay::Help { scroll }) => draw_help(state, *scroll, area, frame.buffer_mut()),
        Some(Overlay::Places(p)) => draw_places(state, p, area, frame.buffer_mut(), &mut cursor),
        Some(Overlay::Dates(d)) => draw_dates(state, d, area, frame.buffer_mut()),
        None => {}
    }
    if let Some(position) = cursor.filter(|p| area.contains(*p)) {
        frame.set_cursor_position(position);
    }
}

/// Renders spans on one row, clipped to `area`'s width.
fn put_line(buf: &mut Buffer, area: Rect, y_offset: u16, line: &Line) {
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
fn scrolled(text: &str, cursor_column: usize, width: usize) -> (String, usize) {
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

fn draw_query(state: &State, panes: &Panes, buf: &mut Buffer, cursor: &mut Option<Position>) {
    let area = panes.query;
    if area.area() == 0 {
        return;
    }
    let theme = &state.theme;
    let s = state.strings;
    let prompt = format!("{} ", s.prompt);
    let prompt_width = prompt.width() as u16;
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
        let x = area.x + prompt_width + column as u16;
        *cursor = Some(Position::new(x.min(area.right() - 1), area.y));
    }
}

/// Column widths of the list: (date, place); zero when not shown.
fn list_columns(state: &State, width: u16) -> (usize, usize) {
    let date = if width >= 30 { 10 } else { 0 };
    let place = if width >= 60 {
        let widest = state
            .results
            .hits
            .iter()
            .filter_map(|h| state.articles().get(h.article))
            .filter_map(|a| a.places.first())
            .map(|p| p.width())
            .max()
            .unwrap_or(0);
        widest.clamp(6, 16)
    } else {
        0
    };
    (date, place)
}

/// `text` cut to `width` columns, with an ellipsis when cut.
fn ellipsized(text: &str, width: usize) -> String {
    let (end, whole) = fit(text, width);
    if whole {
        return format!("{text}{}", " ".repeat(width.saturating_sub(text.width())));
    }
    let (end, _) = fit(&text[..end], width.saturating_sub(1));
    format!("{}…", &text[..end])
}

fn draw_list(state: &State, area: Rect, buf: &mut Buffer) {
    if area.area() == 0 {
        return;
    }
    let theme = &state.theme;
    let s = state.strings;
    if state.results.hits.is_empty() {
        let message = if state.articles().is_empty() {
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
        let Some(article) = state.articles().get(hit.article) else {
            continue;
        };
        let selected = state.selected == Some(i);
        let marks = state.reading.article(&article.id);
        let mut spans = vec![
            Span::styled(if selected { "›" } else { " " }, theme.marker()),
            Span::styled(if marks.bookmarked { "★ " } else { "  " }, theme.bookmark()),
        ];
        if date_w > 0 {
            let date = article
                .date
                .map(|d| d.strftime("%d/%m/%Y").to_string())
                .unwrap_or_default();
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
            row as u16,
            &row_line(spans, selected, focused, theme),
        );
    }
}

/// A list row; the selected one in the selection style, where only the
/// highlights keep their own colours (a coloured column on the selection
/// colour can be unreadable) and an unread title stays bold.
fn row_line<'a>(spans: Vec<Span<'a>>, selected: bool, focused: bool, theme: &Theme) -> Line<'a> {
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
fn title_spans(
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

fn inner_margin(area: Rect) -> Rect {
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

fn draw_reading(state: &State, panes: &Panes, frame: &mut Frame) {
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
                .is_some_and(|id| state.reading.is_bookmarked(id));
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
        put_line(buf, text, row as u16, &Line::from(spans));
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
        let prompt = format!(" {} ", s.find_prompt);
        let room = usize::from(area.width).saturating_sub(prompt.width() + 1);
        let editor = state.reader.find.editing.as_ref();
        let (text, column) = editor.map_or((String::new(), 0), |e| {
            scrolled(e.text(), e.cursor_column(), room)
        });
        let x = area.x + prompt.width() as u16 + column as u16;
        let line = Line::from(vec![
            Span::styled(prompt, theme.status_filter()),
            Span::styled(text, theme.status()),
        ]);
        put_line(buf, area, 0, &line);
        *cursor = Some(Position::new(x.min(area.right() - 1), area.y));
        return;
    }
    let mut left = vec![Span::styled(
        format!(
            " {} ",
            s.count(state.results.hits.len(), state.articles().len())
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
    let find = &state.reader.find;
    if mode == Mode::Reading && !find.term.is_empty() {
        let note = match find.current {
            _ if find.hits.is_empty() => s.not_found(&find.term),
            Some(c) => s.found(c + 1, find.hits.len()),
            None => s.found(0, find.hits.len()),
        };
        left.push(Span::styled(format!(" {note} "), theme.status_filter()));
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

/// An overlay's frame: cleared, bordered, titled; returns the inside.
fn overlay_frame(theme: &Theme, area: Rect, title: &str, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_style(theme.overlay_border())
        .title(Line::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
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
    let column_width = inner.width / columns.len().max(1) as u16;
    for (c, rows) in columns.iter().enumerate() {
        let col = Rect {
            x: inner.x + column_width * c as u16,
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
            put_line(buf, col, row as u16, &line);
        }
    }
}

fn draw_places(
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
    // The filter line.
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
    let x = inner.x + prompt.width() as u16 + column as u16;
    *cursor = Some(Position::new(x.min(inner.right() - 1), inner.y));

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
    let name_width = p
        .shown
        .iter()
        .filter_map(|(i, _)| p.counts.get(*i))
        .filter_map(|(place, _)| index.places.get(*place))
        .map(|place| place.name.width())
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width) / 2);
    let count_width = p
        .counts
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
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
            row as u16,
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

fn draw_dates(state: &State, d: &DatePicker, screen: Rect, buf: &mut Buffer) {
    let theme = &state.theme;
    let s = state.strings;
    let area = layout::dates_box(screen);
    if area.area() == 0 {
        return;
    }
    let inner = overlay_frame(theme, area, s.dates_title, buf);
    if inner.area() == 0 {
        return;
    }
    let t = &d.timeline;
    let mut heading = match d.level {
        DateLevel::Years => s.dates_by_year().to_owned(),
        DateLevel::Months(y) => s.dates_by_month(t.year(y)),
    };
    if !d.scope.is_empty() {
        heading = format!("{heading}   « {} »", d.scope);
    }
    put_line(
        buf,
        inner,
        0,
        &Line::styled(format!(" {heading}"), theme.title()),
    );
    if t.years.is_empty() {
        put_line(
            buf,
            inner,
            2,
            &Line::styled(format!(" {}", s.dates_none), theme.hint()),
        );
        if t.undated > 0 {
            put_line(
                buf,
                inner,
                3,
                &Line::styled(format!(" {}", s.undated(t.undated)), theme.hint()),
            );
        }
        return;
    }
    let (labels, counts, selected): (Vec<String>, Vec<usize>, usize) = match d.level {
        DateLevel::Years => (
            (0..t.years.len()).map(|i| t.year(i).to_string()).collect(),
            t.years.clone(),
            d.year,
        ),
        DateLevel::Months(y) => (
            (1..=12).map(|m| s.month_name(m).to_owned()).collect(),
            t.months.get(y).map(|m| m.to_vec()).unwrap_or_default(),
            d.month,
        ),
    };
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(1);
    let chart = Rect {
        x: inner.x + 1,
        y: inner.y + 1,
        width: inner.width.saturating_sub(2),
        height: inner.height.saturating_sub(2),
    };
    // Bars as wide as their labels, more when there is room; a window
    // around the selection when they do not all fit.
    let n = counts.len().max(1);
    let fits = (usize::from(chart.width) + 1) / (label_width + 1);
    let bar_width = if fits >= n {
        (((usize::from(chart.width) + 1) / n).saturating_sub(1)).clamp(label_width, 8)
    } else {
        label_width
    };
    let visible = ((usize::from(chart.width) + 1) / (bar_width + 1)).clamp(1, n);
    let start = selected.saturating_sub(visible / 2).min(n - visible);
    let bars: Vec<Bar> = (start..start + visible)
        .filter_map(|i| {
            let count = *counts.get(i)?;
            let label = labels.get(i)?.clone();
            let is_selected = i == selected;
            Some(
                Bar::default()
                    .value(count as u64)
                    .label(Line::styled(
                        label,
                        if is_selected {
                            theme.bar_label_selected()
                        } else {
                            theme.hint()
                        },
                    ))
                    .style(if is_selected {
                        theme.bar_selected()
                    } else {
                        theme.bar()
                    })
                    .value_style(theme.bar_value()),
            )
        })
        .collect();
    if chart.height >= 3 {
        let max = counts.iter().copied().max().unwrap_or(0).max(1);
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(bar_width as u16)
            .bar_gap(1)
            .max(max as u64)
            .render(chart, buf);
    }
    let label = match d.level {
        DateLevel::Years => t.year(d.year).to_string(),
        DateLevel::Months(y) => s.month_of_year(d.month + 1, t.year(y)),
    };
    let count = counts.get(selected).copied().unwrap_or(0);
    let mut info = s.dates_selected(&label, count);
    if t.undated > 0 {
        info = format!("{info}   ({})", s.undated(t.undated));
    }
    put_line(
        buf,
        inner,
        inner.height.saturating_sub(1),
        &Line::styled(
            ellipsized(&format!(" {info}"), usize::from(inner.width)),
            theme.hint(),
        ),
    );
}

#[cfg(test)]
mod tests {
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
