//! Drawing the date picker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};
use unicode_width::UnicodeWidthStr;

use super::super::layout;
use super::super::paint::{cells, ellipsized, overlay_frame, put_line};
use super::super::state::State;
use super::super::theme::Theme;
use super::{DateLevel, DatePicker};

pub(crate) fn draw(state: &State, d: &DatePicker, screen: Rect, buf: &mut Buffer) {
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
    let width = usize::from(inner.width);
    let chart_top = draw_top(state, d, inner, buf);
    let info = if t.years.is_empty() {
        put_line(
            buf,
            inner,
            chart_top + 1,
            &Line::styled(format!(" {}", s.dates_none), theme.hint()),
        );
        if d.level != DateLevel::Quick {
            if t.undated > 0 {
                put_line(
                    buf,
                    inner,
                    chart_top + 2,
                    &Line::styled(format!(" {}", s.undated(t.undated)), theme.hint()),
                );
            }
            return;
        }
        quick_info(state, d)
    } else {
        let (labels, counts, selected): (Vec<String>, Vec<usize>, usize) = match d.level {
            DateLevel::Quick | DateLevel::Years => (
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
        let chart = Rect {
            x: inner.x + 1,
            y: inner.y + chart_top,
            width: inner.width.saturating_sub(2),
            height: inner.height.saturating_sub(chart_top + 1),
        };
        draw_chart(theme, (&labels, &counts), selected, chart, buf);
        match d.level {
            DateLevel::Quick => quick_info(state, d),
            DateLevel::Years => s.dates_selected(
                &t.year(d.year).to_string(),
                counts.get(selected).copied().unwrap_or(0),
            ),
            DateLevel::Months(y) => s.dates_selected(
                &s.month_of_year(d.month + 1, t.year(y)),
                counts.get(selected).copied().unwrap_or(0),
            ),
        }
    };
    let info = if t.undated > 0 {
        format!("{info}   ({})", s.undated(t.undated))
    } else {
        info
    };
    put_line(
        buf,
        inner,
        inner.height.saturating_sub(1),
        &Line::styled(ellipsized(&format!(" {info}"), width), theme.hint()),
    );
}

/// The heading, the quick choices, and what the query's own date terms
/// stand for when it has terms in words; the row the chart starts on.
fn draw_top(state: &State, d: &DatePicker, inner: Rect, buf: &mut Buffer) -> u16 {
    let (s, theme) = (state.strings, &state.theme);
    let width = usize::from(inner.width);
    let mut heading = match d.level {
        DateLevel::Quick => s.dates_quick().to_owned(),
        DateLevel::Years => s.dates_by_year().to_owned(),
        DateLevel::Months(y) => s.dates_by_month(d.timeline.year(y)),
    };
    if !d.scope.is_empty() {
        heading = format!("{heading}   « {} »", d.scope);
    }
    put_line(
        buf,
        inner,
        0,
        &Line::styled(ellipsized(&format!(" {heading}"), width), theme.title()),
    );
    put_line(buf, inner, 1, &quick_row(state, d));
    if d.means.is_empty() {
        return 2;
    }
    let means: Vec<String> = d.means.iter().map(|h| s.query_hint(h)).collect();
    let line = format!(" {} {}", s.dates_in_query(), means.join("; "));
    put_line(
        buf,
        inner,
        2,
        &Line::styled(ellipsized(&line, width), theme.hint()),
    );
    3
}

/// The quick choices and how many articles each holds; the selected one
/// marked while the row has the focus.
fn quick_row(state: &State, d: &DatePicker) -> Line<'static> {
    let theme = &state.theme;
    let names = state.strings.quick_choices();
    let mut spans = vec![Span::raw(" ")];
    for (i, (name, (count, _))) in names.iter().zip(&d.quick).enumerate() {
        if i > 0 {
            spans.push(Span::styled("   ", theme.hint()));
        }
        let style = if d.level == DateLevel::Quick && i == d.choice {
            theme.bar_label_selected()
        } else {
            theme.hint()
        };
        spans.push(Span::styled(format!("{name} {count}"), style));
    }
    Line::from(spans)
}

/// The selected quick choice, the days it stands for and its count.
fn quick_info(state: &State, d: &DatePicker) -> String {
    let s = state.strings;
    let name = s.quick_choices().get(d.choice).copied().unwrap_or_default();
    let (count, said) = d.quick.get(d.choice).cloned().unwrap_or_default();
    let label = match said {
        Some(h) => format!("{name} ({})", s.query_hint(&h)),
        None => name.to_owned(),
    };
    s.dates_selected(&label, count)
}

/// The bars of `counts`, labelled, the selected one in its own style.
fn draw_chart(
    theme: &Theme,
    (labels, counts): (&[String], &[usize]),
    selected: usize,
    chart: Rect,
    buf: &mut Buffer,
) {
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(1);
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
            .bar_width(cells(bar_width))
            .bar_gap(1)
            .max(max as u64)
            .render(chart, buf);
    }
}
