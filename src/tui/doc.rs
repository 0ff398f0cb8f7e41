//! An article laid out for the reading pane: wrapped to a width, each
//! piece tagged with what it is and how it is highlighted. Built in
//! `update` when the article, the width or the highlights change, so
//! drawing is only copying lines.

mod header;

use std::ops::Range;

use super::i18n::Strings;
use super::wrap::{count_lines, for_each_line, segments, wrap};
use crate::model::{Article, ParagraphKind};
use crate::search::Matches;

/// What a piece of text is, which decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Label,
    Meta,
    Rule,
    Text,
    Subheading,
    Caption,
}

/// How a piece is highlighted; a higher mark wins where marks overlap.
pub const PLAIN: u8 = 0;
pub const KEYWORD: u8 = 1;
pub const FOUND: u8 = 2;
pub const CURRENT: u8 = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub role: Role,
    pub mark: u8,
}

pub type Line = Vec<Piece>;

/// Where an in-article match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Paragraph(usize),
}

/// An article laid out at one width. The header (title, metadata, rule)
/// is laid out whole; the body is only measured (how many lines each
/// paragraph takes) and laid out where it is read, a window of lines
/// around what is on screen ([`Doc::show`]), so that an article of a
/// million paragraphs costs what the screen shows, not a million lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    /// The header's lines and their positions (see [`Doc::position`]).
    header: Vec<Line>,
    header_offsets: Vec<u32>,
    /// Per paragraph, its first line (the blank line before it), and the
    /// line count after the last; empty when the body is.
    starts: Vec<usize>,
    /// Per paragraph, where it starts in the article's text.
    part_starts: Vec<u32>,
    /// The width the body is wrapped at.
    width: usize,
    /// Keyword and in-article marks of the body: (paragraph, range,
    /// mark), sorted by paragraph.
    body_marks: Vec<(usize, Range<usize>, u8)>,
    /// The body lines laid out: the first one's number, and the lines
    /// with their positions.
    window_start: usize,
    window: Vec<Line>,
    window_offsets: Vec<u32>,
    /// The line of each in-article match, in the order of the matches.
    pub found_lines: Vec<usize>,
}

/// What to lay out.
pub struct Input<'a> {
    pub article: &'a Article,
    /// Each place with the places above it: "Hương Mạc · Từ Sơn · Bắc Ninh".
    pub places: &'a [String],
    pub strings: &'static Strings,
    pub width: usize,
    /// Query keywords, from the engine.
    pub keywords: &'a Matches,
    /// In-article search matches, and the one the reader is on.
    pub found: &'a [(Part, Range<usize>)],
    pub current: Option<usize>,
    /// Rows of the reading pane (0: unknown). On a small pane the header
    /// is shortened to half of them at most, so that text shows.
    pub rows: usize,
}

pub fn build(input: &Input) -> Doc {
    let width = input.width.max(1);
    let mut doc = Doc {
        found_lines: vec![0; input.found.len()],
        width,
        ..Doc::default()
    };
    let a = input.article;

    let head = header::lay_out(input, width);
    doc.header = head.lines;
    doc.header_offsets = head.offsets;
    for (k, line) in head.found {
        doc.found_lines[k] = line;
    }
    let title_len = u32::try_from(a.title.len()).unwrap_or(u32::MAX);

    // The body: measured, not laid out.
    let mut next_part = title_len.saturating_add(1);
    let mut line = doc.header.len();
    if !a.body.is_empty() {
        doc.starts.reserve_exact(a.body.len() + 1);
        doc.part_starts.reserve_exact(a.body.len());
    }
    for p in &a.body {
        doc.starts.push(line);
        doc.part_starts.push(next_part);
        line += 1 + count_lines(&p.text, width);
        let len = u32::try_from(p.text.len()).unwrap_or(u32::MAX);
        next_part = next_part.saturating_add(len).saturating_add(1);
    }
    if !a.body.is_empty() {
        doc.starts.push(line);
    }

    // Marks of the body, by paragraph.
    doc.body_marks = input
        .keywords
        .body
        .iter()
        .map(|(i, r)| (*i, r.clone(), KEYWORD))
        .collect();
    let mut found_in_body: Vec<(usize, usize)> = Vec::new();
    for (k, (part, r)) in input.found.iter().enumerate() {
        if let Part::Paragraph(i) = *part {
            let mark = if input.current == Some(k) {
                CURRENT
            } else {
                FOUND
            };
            doc.body_marks.push((i, r.clone(), mark));
            found_in_body.push((i, k));
        }
    }
    doc.body_marks.sort_by_key(|(i, r, _)| (*i, r.start));
    // The line of each match: its paragraph wrapped again, once.
    found_in_body.sort_unstable();
    let mut wrapped: Option<(usize, Vec<Range<usize>>)> = None;
    for (i, k) in found_in_body {
        let Some(p) = a.body.get(i) else { continue };
        if wrapped.as_ref().is_none_or(|(j, _)| *j != i) {
            wrapped = Some((i, wrap(&p.text, width)));
        }
        if let (Some((_, lines)), Some((_, r))) = (&wrapped, input.found.get(k)) {
            doc.found_lines[k] = doc.starts[i] + 1 + line_of(lines, r.start);
        }
    }
    doc
}

/// The wrapped line (index into `lines`) that byte `at` is on.
pub(super) fn line_of(lines: &[Range<usize>], at: usize) -> usize {
    lines.iter().rposition(|l| l.start <= at).unwrap_or(0)
}

pub(super) fn piece(text: &str, role: Role) -> Piece {
    Piece {
        text: text.to_owned(),
        role,
        mark: PLAIN,
    }
}

/// Keyword and in-article marks for one part of the article.
pub(super) fn part_marks(
    input: &Input,
    part: Part,
    keywords: &[Range<usize>],
) -> Vec<(Range<usize>, u8)> {
    let mut out: Vec<(Range<usize>, u8)> = keywords.iter().map(|r| (r.clone(), KEYWORD)).collect();
    for (k, (p, r)) in input.found.iter().enumerate() {
        if *p == part {
            let mark = if input.current == Some(k) {
                CURRENT
            } else {
                FOUND
            };
            out.push((r.clone(), mark));
        }
    }
    out
}

/// One wrapped line of `text` as pieces, cut where the marks change.
pub(super) fn pieces(
    text: &str,
    line: Range<usize>,
    marks: &[(Range<usize>, u8)],
    role: Role,
) -> Line {
    segments(line, marks)
        .into_iter()
        .filter(|(r, _)| !r.is_empty())
        .filter_map(|(r, mark)| {
            text.get(r).map(|t| Piece {
                text: t.to_owned(),
                role,
                mark,
            })
        })
        .collect()
}

fn role_of(kind: ParagraphKind) -> Role {
    match kind {
        ParagraphKind::Text => Role::Text,
        ParagraphKind::Subheading => Role::Subheading,
        ParagraphKind::Caption => Role::Caption,
    }
}

/// Lines laid out around what is on screen: this many screens before and
/// after it, so that scrolling a little lays nothing out again.
const WINDOW_SCREENS: usize = 2;

impl Doc {
    /// How many lines the article takes.
    pub fn len(&self) -> usize {
        self.starts.last().copied().unwrap_or(self.header.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many lines are laid out (held as text): the header and the
    /// window around what is shown.
    pub fn laid_out(&self) -> usize {
        self.header.len() + self.window.len()
    }

    /// Line `i`, if laid out: the header always, the body within the
    /// window [`Doc::show`] laid out.
    pub fn line(&self, i: usize) -> Option<&Line> {
        if i < self.header.len() {
            return self.header.get(i);
        }
        self.window.get(i.checked_sub(self.window_start)?)
    }

    /// The paragraph line `i` is in (a body line).
    fn paragraph_of(&self, i: usize) -> Option<usize> {
        if i < self.header.len() || i >= self.len() {
            return None;
        }
        Some(self.starts.partition_point(|&s| s <= i).saturating_sub(1))
    }

    /// Lays out the body lines from `top` for `rows` rows, with a margin
    /// of a few screens around them, unless they are laid out already.
    pub fn show(&mut self, article: &Article, top: usize, rows: usize) {
        let rows = rows.max(1);
        let end = (top + rows).min(self.len());
        let from = top.max(self.header.len());
        let held = self.window_start..self.window_start + self.window.len();
        if from >= end || (held.start <= from && end <= held.end) {
            return;
        }
        let margin = rows * WINDOW_SCREENS;
        self.lay_out(article, from.saturating_sub(margin), end + margin);
    }

    /// Lays out the body lines `from..to` (clamped to the body).
    fn lay_out(&mut self, article: &Article, from: usize, to: usize) {
        let from = from.max(self.header.len());
        let to = to.min(self.len());
        self.window.clear();
        self.window_offsets.clear();
        self.window_start = from;
        let Some(first) = self.paragraph_of(from) else {
            return;
        };
        for (i, p) in article.body.iter().enumerate().skip(first) {
            // Another article than the one measured: nothing to show.
            let (Some(&start), Some(&part)) = (self.starts.get(i), self.part_starts.get(i)) else {
                break;
            };
            if start >= to {
                break;
            }
            let lo = self.body_marks.partition_point(|(j, _, _)| *j < i);
            let hi = self.body_marks.partition_point(|(j, _, _)| *j <= i);
            let marks: Vec<(Range<usize>, u8)> = self.body_marks[lo..hi]
                .iter()
                .map(|(_, r, m)| (r.clone(), *m))
                .collect();
            let len = u32::try_from(p.text.len()).unwrap_or(u32::MAX);
            let role = role_of(p.kind);
            // The blank line before the paragraph, then its lines.
            let mut n = start;
            if n >= from {
                self.window.push(Vec::new());
                self.window_offsets.push(part.saturating_sub(1));
            }
            n += 1;
            for_each_line(&p.text, self.width, |range| {
                if n >= from && n < to {
                    let at = u32::try_from(range.start).unwrap_or(u32::MAX);
                    self.window_offsets.push(part.saturating_add(at.min(len)));
                    self.window.push(pieces(&p.text, range, &marks, role));
                }
                n += 1;
            });
        }
    }

    /// Where line `line` is in the article's text, whatever the width:
    /// the title and the paragraphs one after another, each part one
    /// past the end of the one before; a line that is not text (blank,
    /// metadata, rule) is at the end of the part above it. Never
    /// decreasing. Reading positions are saved as these.
    pub fn position(&self, line: usize, article: &Article) -> u32 {
        if let Some(&o) = self.header_offsets.get(line) {
            return o;
        }
        let line = line.min(self.len().saturating_sub(1));
        if let Some(&o) = line
            .checked_sub(self.window_start)
            .and_then(|k| self.window_offsets.get(k))
        {
            return o;
        }
        let Some(i) = self.paragraph_of(line) else {
            return self.header_offsets.last().copied().unwrap_or(0);
        };
        let part = self.part_starts[i];
        let k = line - self.starts[i];
        if k == 0 {
            return part.saturating_sub(1);
        }
        // Outside the window: only the paragraph is wrapped again.
        let Some(p) = article.body.get(i) else {
            return part;
        };
        let len = u32::try_from(p.text.len()).unwrap_or(u32::MAX);
        let mut n = 0;
        let mut at = 0;
        for_each_line(&p.text, self.width, |r| {
            n += 1;
            if n == k {
                at = u32::try_from(r.start).unwrap_or(u32::MAX);
            }
        });
        part.saturating_add(at.min(len))
    }

    /// The line to show first for a saved position: the first line at
    /// exactly that position, else the one it falls within. At the same
    /// width that is the line the position was taken from.
    pub fn line_at(&self, position: u32, article: &Article) -> usize {
        let first_body = self.part_starts.first().copied();
        // Up to the end of the title (the header's last position), the
        // header's own lines.
        if first_body.is_none_or(|b| position < b) || self.starts.is_empty() {
            let o = &self.header_offsets;
            let i = o.partition_point(|&x| x < position);
            return if o.get(i) == Some(&position) {
                i
            } else if i < o.len() {
                i.saturating_sub(1)
            } else {
                // Beyond the header: the end of the article.
                self.len().saturating_sub(1)
            };
        }
        // The paragraph whose part holds the position; a position just
        // before a paragraph is the blank line that opens it.
        let i = self.part_starts.partition_point(|&s| s <= position);
        if i < self.part_starts.len() && self.part_starts[i].saturating_sub(1) == position {
            return self.starts[i];
        }
        let Some(i) = i.checked_sub(1) else {
            return self.starts[0];
        };
        let Some(p) = article.body.get(i) else {
            return self.len().saturating_sub(1);
        };
        let within = position - self.part_starts[i];
        let lines = wrap(&p.text, self.width);
        let k = lines
            .iter()
            .rposition(|r| u32::try_from(r.start).unwrap_or(u32::MAX) <= within)
            .unwrap_or(0);
        self.starts[i] + 1 + k
    }

    /// The plain text of a line, if laid out; for tests and measuring.
    pub fn line_text(&self, i: usize) -> String {
        self.line(i)
            .map(|l| l.iter().map(|p| p.text.as_str()).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    fn article() -> Article {
        Article {
            id: "a".into(),
            title: "Nghị quyết Đại hội Đảng bộ thị xã Từ Sơn lần thứ XVIII".into(),
            date: "2020-09-03".parse().ok(),
            month_only: false,
            time: None,
            places: vec!["Từ Sơn".into()],
            author: Some("Ngọc Lâm".into()),
            source: None,
            body: (0..6)
                .map(|i| {
                    Paragraph::new(
                        ParagraphKind::Text,
                        format!(
                            "Đoạn {i}: xây dựng nông thôn mới, phát triển kinh tế, \
                             bảo vệ môi trường và chăm lo đời sống nhân dân trong xã."
                        ),
                    )
                })
                .collect(),
        }
    }

    fn doc(width: usize) -> Doc {
        let mut d = build(&Input {
            article: &article(),
            places: &["Từ Sơn · Bắc Ninh".to_string()],
            strings: &super::super::i18n::EN,
            width,
            keywords: &Matches::default(),
            found: &[],
            current: None,
            rows: 0,
        });
        d.show(&article(), 0, d.len());
        d
    }

    #[test]
    fn positions_do_not_depend_on_the_width() {
        let a = article();
        for width in [12, 30, 47, 80, 200] {
            let d = doc(width);
            assert_eq!(d.laid_out(), d.len());
            let positions: Vec<u32> = (0..d.len()).map(|i| d.position(i, &a)).collect();
            assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{width}");
            for i in 0..d.len() {
                // At the same width a position brings back its line, or
                // the first line sharing it (a blank line before a
                // paragraph is at the end of the one above).
                let back = d.line_at(d.position(i, &a), &a);
                assert!(
                    back <= i && d.position(back, &a) == d.position(i, &a),
                    "{width} {i}: back {back}"
                );
            }
            // Every line of text starts where its position says, at any
            // other width too.
            for other in [12, 30, 47, 80, 200] {
                let o = doc(other);
                for i in 0..d.len() {
                    let text = d.line_text(i);
                    if text.trim().is_empty() || d.line(i).is_some_and(|l| l[0].role != Role::Text)
                    {
                        continue;
                    }
                    let first_word = text.split_whitespace().next().unwrap_or("");
                    let at = o.line_at(d.position(i, &a), &a);
                    assert!(
                        o.line_text(at).contains(first_word),
                        "{width}→{other}: {text:?} not on {:?}",
                        o.line_text(at)
                    );
                }
            }
        }
        assert_eq!(doc(40).line_at(0, &a), 0);
        assert_eq!(doc(40).line_at(u32::MAX, &a), doc(40).len() - 1);
    }

    /// The window holds what is shown and a margin; a line outside it
    /// has the position it would have laid out.
    #[test]
    fn only_the_window_is_laid_out_and_positions_agree_outside_it() {
        let mut a = article();
        a.body = (0..5000)
            .map(|i| {
                Paragraph::new(
                    ParagraphKind::Text,
                    format!("Đoạn {i}: một hai ba bốn năm sáu bảy tám chín mười."),
                )
            })
            .collect();
        let input = Input {
            article: &a,
            places: &[],
            strings: &super::super::i18n::EN,
            width: 20,
            keywords: &Matches::default(),
            found: &[],
            current: None,
            rows: 0,
        };
        let mut whole = build(&input);
        whole.show(&a, 0, whole.len());
        let mut d = build(&input);
        assert_eq!(d.len(), whole.len());
        d.show(&a, 7000, 10);
        assert!(d.laid_out() <= d.header.len() + 50, "{}", d.laid_out());
        for i in (0..d.len()).step_by(7) {
            assert_eq!(d.position(i, &a), whole.position(i, &a), "{i}");
            if d.line(i).is_some() {
                assert_eq!(d.line_text(i), whole.line_text(i), "{i}");
            }
        }
        for i in 7000..7010 {
            assert!(d.line(i).is_some(), "{i} is shown");
        }
    }
}
