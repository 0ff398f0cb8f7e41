//! Drawing the date picker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
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
    draw_chart(theme, (&labels, &counts), selected, inner, buf);
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

/// The bars of `counts`, labelled, the selected one in its own style.
fn draw_chart(
    theme: &Theme,
    (labels, counts): (&[String], &[usize]),
    selected: usize,
    inner: Rect,
    buf: &mut Buffer,
) {
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
            .bar_width(cells(bar_width))
            .bar_gap(1)
            .max(max as u64)
            .render(chart, buf);
    }
}
