//! The article's header in the reading pane: the title, the date,
//! places, author and source, and a rule; on a small pane shortened to
//! half of it at most, so that the text shows.

use unicode_width::UnicodeWidthStr;

use super::{Input, Line, Part, Role, line_of, part_marks, piece, pieces};
use crate::tui::wrap::{fit, wrap};

/// The header's lines, the position of each in the article's text, and
/// the line of each in-article match of the title: (match, line).
pub(super) struct Header {
    pub lines: Vec<Line>,
    pub offsets: Vec<u32>,
    pub found: Vec<(usize, usize)>,
}

/// Lays out the header at `width` (at least 1).
pub(super) fn lay_out(input: &Input, width: usize) -> Header {
    let a = input.article;
    let mut lines: Vec<Line> = Vec::new();
    let mut offsets: Vec<u32> = Vec::new();
    let title_marks = part_marks(input, Part::Title, &input.keywords.title);
    let meta = meta_lines(input, width);
    let full = wrap(&a.title, width).len() + usize::from(!meta.is_empty()) + meta.len() + 1;
    let compact = input.rows > 0 && full > input.rows / 2;
    // Compact: the title in the lines half the pane leaves beside one
    // line of metadata and the rule, the last one cut with "…".
    let title_width = if compact { width - 1 } else { width }.max(1);
    let title_lines = wrap(&a.title, title_width);
    let title_len = u32::try_from(a.title.len()).unwrap_or(u32::MAX);
    for range in &title_lines {
        let at = u32::try_from(range.start).unwrap_or(u32::MAX);
        offsets.push(at.min(title_len));
        lines.push(pieces(&a.title, range.clone(), &title_marks, Role::Title));
    }
    let mut found: Vec<(usize, usize)> = input
        .found
        .iter()
        .enumerate()
        .filter(|(_, (part, _))| *part == Part::Title)
        .map(|(k, (_, r))| (k, line_of(&title_lines, r.start)))
        .collect();
    if compact {
        let most = (input.rows / 2).saturating_sub(2).max(1);
        if lines.len() > most {
            lines.truncate(most);
            offsets.truncate(most);
            if let Some(last) = lines.last_mut() {
                last.push(piece("…", Role::Title));
            }
            for (_, line) in &mut found {
                *line = (*line).min(most - 1);
            }
        }
        let summary = compact_meta(input);
        if !summary.is_empty() {
            let (end, whole) = fit(&summary, width);
            let text = if whole {
                summary
            } else {
                let (end, _) = fit(&summary[..end], width - 1);
                format!("{}…", &summary[..end])
            };
            lines.push(vec![piece(&text, Role::Meta)]);
        }
    } else {
        if !meta.is_empty() {
            lines.push(Vec::new());
        }
        lines.extend(meta);
    }
    lines.push(vec![piece(&"─".repeat(width), Role::Rule)]);
    // Lines that are not text are at the end of the part above them.
    offsets.resize(lines.len(), title_len);
    Header {
        lines,
        offsets,
        found,
    }
}

/// The date, places, author and source, one label a line.
fn meta_lines(input: &Input, width: usize) -> Vec<Line> {
    let a = input.article;
    let mut out: Vec<Line> = Vec::new();
    let s = input.strings;
    let mut meta: Vec<(&str, Vec<String>)> = Vec::new();
    if let Some(mut when) = a.date_shown() {
        if let Some(time) = a.time {
            when.push_str(&time.strftime(" %H:%M").to_string());
        }
        meta.push((s.label_date, vec![when]));
    }
    if !input.places.is_empty() {
        meta.push((s.label_places, input.places.to_vec()));
    }
    if let Some(author) = &a.author {
        meta.push((s.label_author, vec![author.clone()]));
    }
    if let Some(source) = &a.source {
        meta.push((s.label_source, vec![source.clone()]));
    }
    let label_width = meta.iter().map(|(l, _)| l.width()).max().unwrap_or(0) + 2;
    let value_width = width.saturating_sub(label_width).max(1);
    // Too narrow for a label column: labels get their own line.
    let label_column = width >= label_width + 12;
    for (label, values) in &meta {
        let mut first = true;
        if !label_column {
            out.push(vec![piece(label, Role::Label)]);
        }
        for value in values {
            let w = if label_column { value_width } else { width };
            for range in wrap(value, w) {
                let mut line = Vec::new();
                if label_column {
                    let head = if first { *label } else { "" };
                    let pad = label_width - head.width();
                    line.push(piece(&format!("{head}{}", " ".repeat(pad)), Role::Label));
                }
                line.push(piece(&value[range], Role::Meta));
                out.push(line);
                first = false;
            }
        }
    }
    out
}

/// The date and places in one line, for a small pane.
fn compact_meta(input: &Input) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(date) = input.article.date_shown() {
        parts.push(date);
    }
    if !input.places.is_empty() {
        parts.push(input.places.join("; "));
    }
    parts.join(" · ")
}
