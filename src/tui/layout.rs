//! Where everything goes on the screen, as a pure function of the size.
//!
//! Both `update` (to know how many rows a page is, how wide the article is
//! wrapped) and `draw` use it, so they always agree.

use ratatui::layout::Rect;

use unicode_width::UnicodeWidthStr;

use super::help::HelpText;
use super::wrap::wrap;

/// How the two panes share the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// List on the left, article on the right: wide terminals.
    SideBySide,
    /// List above, article below.
    Stacked,
    /// One pane at a time: small terminals.
    Single,
}

/// Columns from which the panes stand side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;
/// The body (between query line and status bar) needs this many rows for
/// the panes to be stacked; below, one pane at a time.
const STACKED_MIN_BODY: u16 = 14;
const STACKED_MIN_WIDTH: u16 = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub query: Rect,
    pub status: Rect,
    /// Empty when the list is not shown.
    pub list: Rect,
    /// The column between list and article (side by side only).
    pub separator: Rect,
    /// The article's header row (title, position).
    pub reading_header: Rect,
    /// Where the article's lines go; empty when not shown.
    pub reading_text: Rect,
    /// The scroll bar column at the right of the article.
    pub scrollbar: Rect,
}

impl Panes {
    /// The width the article is wrapped at.
    pub fn wrap_width(&self) -> usize {
        usize::from(self.reading_text.width)
    }
}

pub fn arrangement(width: u16, height: u16) -> Arrangement {
    let body = height.saturating_sub(2);
    if width >= SIDE_BY_SIDE_WIDTH && body >= 3 {
        Arrangement::SideBySide
    } else if body >= STACKED_MIN_BODY && width >= STACKED_MIN_WIDTH {
        Arrangement::Stacked
    } else {
        Arrangement::Single
    }
}

/// The panes for a screen of `area`. `reading_shown` says, for the
/// one-pane arrangement, which pane that is; `list_rows` is the number of
/// results, so a short list does not take more room than it needs;
/// `reading_width` is the widest the article is set.
#[cfg(test)]
fn panes(area: Rect, reading_shown: bool, list_rows: usize, reading_width: u16) -> Panes {
    let arrangement = arrangement(area.width, area.height);
    panes_in(area, arrangement, reading_shown, list_rows, reading_width)
}

/// The panes in a given arrangement (one pane at a time when the reading
/// pane is hidden, whatever the size).
pub fn panes_in(
    area: Rect,
    arrangement: Arrangement,
    reading_shown: bool,
    list_rows: usize,
    reading_width: u16,
) -> Panes {
    let mut p = Panes::default();
    if area.width == 0 || area.height == 0 {
        return p;
    }
    p.query = Rect { height: 1, ..area };
    if area.height >= 3 {
        p.status = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
    }
    let body_top = area.y + 1;
    let body_bottom = if p.status.height > 0 {
        p.status.y
    } else {
        area.bottom()
    };
    let body = Rect {
        x: area.x,
        y: body_top,
        width: area.width,
        height: body_bottom.saturating_sub(body_top),
    };
    if body.height == 0 {
        return p;
    }
    match arrangement {
        Arrangement::SideBySide => {
            let list_width = (area.width / 5 * 2).clamp(40, 70).min(body.width);
            p.list = Rect {
                width: list_width,
                ..body
            };
            p.separator = Rect {
                x: body.x + list_width,
                width: 1,
                ..body
            };
            let reading = Rect {
                x: body.x + list_width + 1,
                width: body.width.saturating_sub(list_width + 1),
                ..body
            };
            p.set_reading(reading, reading_width);
        }
        Arrangement::Stacked => {
            // Enough rows for the results, at least 4, at most 2/5.
            let most = (body.height / 5 * 2).max(4);
            // The arrangement may be one chosen for another size: never more
            // rows than there are.
            let wanted = u16::try_from(list_rows)
                .unwrap_or(u16::MAX)
                .clamp(4, most)
                .min(body.height);
            p.list = Rect {
                height: wanted,
                ..body
            };
            let reading = Rect {
                y: body.y + wanted,
                height: body.height.saturating_sub(wanted),
                ..body
            };
            p.set_reading(reading, reading_width);
        }
        Arrangement::Single if reading_shown => p.set_reading(body, reading_width),
        Arrangement::Single => p.list = body,
    }
    p
}

impl Panes {
    /// Splits a reading pane into header, text and scroll bar.
    fn set_reading(&mut self, pane: Rect, reading_width: u16) {
        if pane.height == 0 || pane.width == 0 {
            return;
        }
        let with_header = pane.height >= 3;
        if with_header {
            self.reading_header = Rect { height: 1, ..pane };
        }
        let text_top = pane.y + u16::from(with_header);
        let text = Rect {
            y: text_top,
            height: pane.bottom() - text_top,
            ..pane
        };
        // One column of margin on the left, the scroll bar on the right,
        // when there is room for them.
        let (margin, bar) = if text.width >= 12 { (1, 1) } else { (0, 0) };
        let width = (text.width - margin - bar).min(reading_width.max(1));
        self.reading_text = Rect {
            x: text.x + margin,
            width,
            ..text
        };
        if bar > 0 {
            self.scrollbar = Rect {
                x: text.right() - 1,
                width: 1,
                ..text
            };
        }
    }
}

/// A centred box for an overlay: at most `max_width` × `max_height`,
/// leaving a margin around it when the screen allows.
pub fn overlay(area: Rect, max_width: u16, max_height: u16) -> Rect {
    let margin_x = if area.width > max_width + 4 { 2 } else { 0 };
    let margin_y = if area.height > 10 { 1 } else { 0 };
    let width = area.width.saturating_sub(2 * margin_x).min(max_width);
    let height = area.height.saturating_sub(2 * margin_y).min(max_height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The help overlay is at most this wide.
const HELP_MAX_WIDTH: u16 = 116;

/// The help overlay's box: as tall as its text, when the screen allows.
pub fn help_box(help: &HelpText, area: Rect) -> Rect {
    let lines = help_line_count(help, area);
    let height = u16::try_from(lines + 2).unwrap_or(u16::MAX);
    overlay(area, HELP_MAX_WIDTH, height)
}

/// From this width the help is laid out in two columns.
const HELP_TWO_COLUMNS: u16 = 100;

/// Lines a help section takes before wrapping: its heading, its keys, a
/// blank line.
pub fn help_section_lines(help: &HelpText, section: usize) -> usize {
    help.sections
        .get(section)
        .map_or(0, |(_, keys)| keys.len() + 2)
}

/// The help box's width (it does not depend on its height).
fn help_width(area: Rect) -> u16 {
    overlay(area, HELP_MAX_WIDTH, u16::MAX).width
}

/// The help sections in each column of the help box.
pub fn help_columns(help: &HelpText, area: Rect) -> Vec<Vec<usize>> {
    let n = help.sections.len();
    if help_width(area) < HELP_TWO_COLUMNS {
        return vec![(0..n).collect()];
    }
    let total: usize = (0..n).map(|i| help_section_lines(help, i)).sum();
    let mut first = Vec::new();
    let mut lines = 0;
    for i in 0..n {
        if lines >= total / 2 {
            break;
        }
        lines += help_section_lines(help, i);
        first.push(i);
    }
    let second = (first.len()..n).collect();
    vec![first, second]
}

/// One row of a help column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Heading(String),
    /// Drawn as three spaces, `keys` (padded to the key column, or empty
    /// on a continuation), two spaces, `what`.
    Entry {
        keys: String,
        what: String,
    },
    Blank,
}

/// Columns where the text of an entry starts: "   " keys "  ".
const HELP_INDENT: usize = 3;
const HELP_GAP: usize = 2;
/// Below this many columns for what a key does, keys get rows of their
/// own and the text goes under them.
const HELP_MIN_TEXT: usize = 16;

/// The rows of each help column, every text wrapped at word boundaries
/// to the column's width, so that no word is ever cut.
pub fn help_layout(help: &HelpText, area: Rect) -> Vec<Vec<HelpRow>> {
    let columns = help_columns(help, area);
    let inner = usize::from(help_width(area).saturating_sub(2));
    let width = inner / columns.len().max(1);
    columns
        .iter()
        .map(|sections| {
            let mut rows = Vec::new();
            for &i in sections {
                if let Some((heading, keys)) = help.sections.get(i) {
                    help_section_rows(heading, keys, width, &mut rows);
                }
            }
            rows
        })
        .collect()
}

fn help_section_rows(
    heading: &str,
    keys: &[(String, String)],
    width: usize,
    rows: &mut Vec<HelpRow>,
) {
    let wrapped = |text: &str, w: usize| -> Vec<String> {
        wrap(text, w.max(1))
            .into_iter()
            .map(|r| text[r].to_owned())
            .collect()
    };
    for line in wrapped(heading, width.saturating_sub(1)) {
        rows.push(HelpRow::Heading(line));
    }
    let key_width = keys.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let beside = width.saturating_sub(HELP_INDENT + key_width + HELP_GAP);
    for (k, what) in keys {
        if beside >= HELP_MIN_TEXT {
            let pad = " ".repeat(key_width.saturating_sub(k.width()));
            for (n, line) in wrapped(what, beside).into_iter().enumerate() {
                let keys = if n == 0 {
                    format!("{k}{pad}")
                } else {
                    " ".repeat(key_width)
                };
                rows.push(HelpRow::Entry { keys, what: line });
            }
            continue;
        }
        // Narrow: the keys on their rows, the text under them.
        for line in wrapped(k, width.saturating_sub(HELP_INDENT)) {
            rows.push(HelpRow::Entry {
                keys: line,
                what: String::new(),
            });
        }
        let under = width.saturating_sub(HELP_INDENT + HELP_GAP);
        for line in wrapped(what, under) {
            rows.push(HelpRow::Entry {
                keys: String::new(),
                what: line,
            });
        }
    }
    rows.push(HelpRow::Blank);
}

/// Lines of the longest help column.
pub fn help_line_count(help: &HelpText, area: Rect) -> usize {
    help_layout(help, area)
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
}

/// The place picker's box, for `entries` places.
pub fn places_box(area: Rect, entries: usize) -> Rect {
    let height = u16::try_from(entries.max(3) + 4).unwrap_or(u16::MAX);
    overlay(area, 80, height)
}

/// Rows of the place picker's list: the box minus borders, the filter
/// line and the footer.
pub fn places_list_rows(area: Rect, entries: usize) -> usize {
    usize::from(places_box(area, entries).height.saturating_sub(4))
}

/// The date picker's box.
pub fn dates_box(area: Rect) -> Rect {
    overlay(area, 90, 16)
}

/// Rows of help text that fit in the help box.
pub fn help_rows(help: &HelpText, area: Rect) -> usize {
    usize::from(help_box(help, area).height.saturating_sub(2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::settings::MAX_READING_WIDTH;

    fn rect(w: u16, h: u16) -> Rect {
        Rect::new(0, 0, w, h)
    }

    #[test]
    fn arrangements_by_size() {
        assert_eq!(arrangement(120, 40), Arrangement::SideBySide);
        assert_eq!(arrangement(100, 10), Arrangement::SideBySide);
        assert_eq!(arrangement(80, 24), Arrangement::Stacked);
        assert_eq!(arrangement(50, 15), Arrangement::Single);
        assert_eq!(arrangement(40, 12), Arrangement::Single);
    }

    #[test]
    fn stacked_at_80x24() {
        let p = panes(rect(80, 24), false, 5, MAX_READING_WIDTH);
        assert_eq!(p.query, Rect::new(0, 0, 80, 1));
        assert_eq!(p.status, Rect::new(0, 23, 80, 1));
        assert_eq!(p.list, Rect::new(0, 1, 80, 5));
        assert_eq!(p.reading_header, Rect::new(0, 6, 80, 1));
        assert_eq!(p.reading_text, Rect::new(1, 7, 78, 16));
        assert_eq!(p.scrollbar, Rect::new(79, 7, 1, 16));
        // Many results: the list takes 2/5 of the body.
        assert_eq!(
            panes(rect(80, 24), false, 500, MAX_READING_WIDTH)
                .list
                .height,
            8
        );
    }

    #[test]
    fn side_by_side_caps_the_reading_width() {
        let p = panes(rect(250, 40), false, 5, MAX_READING_WIDTH);
        assert_eq!(p.list.width, 70);
        assert_eq!(p.reading_text.width, MAX_READING_WIDTH);
        // A narrower measure from the configuration.
        assert_eq!(panes(rect(250, 40), false, 5, 64).reading_text.width, 64);
        assert_eq!(panes(rect(80, 24), false, 5, 400).reading_text.width, 78);
    }

    #[test]
    fn single_pane_shows_one() {
        let list = panes(rect(40, 12), false, 5, MAX_READING_WIDTH);
        assert_eq!(list.list, Rect::new(0, 1, 40, 10));
        assert_eq!(list.reading_text, Rect::default());
        let reading = panes(rect(40, 12), true, 5, MAX_READING_WIDTH);
        assert_eq!(reading.list, Rect::default());
        assert_eq!(reading.reading_text.height, 9);
    }

    #[test]
    fn every_rect_stays_inside_the_screen() {
        for w in 0..130 {
            for h in 0..30 {
                for shown in [false, true] {
                    let area = rect(w, h);
                    let p = panes(area, shown, 3, MAX_READING_WIDTH);
                    for r in [
                        p.query,
                        p.status,
                        p.list,
                        p.separator,
                        p.reading_header,
                        p.reading_text,
                        p.scrollbar,
                    ] {
                        assert!(
                            r.area() == 0 || area.contains(r.as_position()),
                            "{w}x{h} {r:?}"
                        );
                        assert!(r.right() <= area.right() && r.bottom() <= area.bottom());
                    }
                    let help = HelpText::new(
                        &super::super::i18n::EN,
                        &super::super::settings::Settings::default(),
                    );
                    let o = help_box(&help, area);
                    assert!(o.right() <= area.right() && o.bottom() <= area.bottom());
                }
            }
        }
    }
}
