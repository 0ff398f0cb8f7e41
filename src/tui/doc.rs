//! An article laid out for the reading pane: wrapped to a width, each
//! piece tagged with what it is and how it is highlighted. Built in
//! `update` when the article, the width or the highlights change, so
//! drawing is only copying lines.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::i18n::Strings;
use super::wrap::{segments, wrap};
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

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub lines: Vec<Line>,
    /// The line of each in-article match, in the order of the matches.
    pub found_lines: Vec<usize>,
    /// Per line, where it is in the article's text whatever the width:
    /// the title and the paragraphs one after another, each part one
    /// past the end of the one before; a line that is not text (blank,
    /// metadata, rule) is at the end of the part above it. Never
    /// decreasing. Reading positions are saved as these.
    pub offsets: Vec<u32>,
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
}

pub fn build(input: &Input) -> Doc {
    let width = input.width.max(1);
    let mut doc = Doc {
        lines: Vec::new(),
        found_lines: vec![0; input.found.len()],
        offsets: Vec::new(),
    };
    let a = input.article;
    // Where the next part starts in the article's text.
    let mut next_part: u32 = 0;

    // Matches and keywords sorted out by part in one pass: looking them
    // up per part would cost parts × matches (quadratic on an article of
    // many paragraphs that all match).
    let mut found_by_part: Vec<Vec<usize>> = vec![Vec::new(); a.body.len() + 1];
    for (k, (part, _)) in input.found.iter().enumerate() {
        let slot = match part {
            Part::Title => 0,
            Part::Paragraph(i) => i.saturating_add(1),
        };
        if let Some(v) = found_by_part.get_mut(slot) {
            v.push(k);
        }
    }
    let mut keywords_by_paragraph: Vec<Vec<Range<usize>>> = vec![Vec::new(); a.body.len()];
    for (i, r) in &input.keywords.body {
        if let Some(v) = keywords_by_paragraph.get_mut(*i) {
            v.push(r.clone());
        }
    }

    let title_found = found_by_part.first().map_or(&[][..], Vec::as_slice);
    let title_marks = marks(input, title_found, &input.keywords.title);
    push_wrapped(
        &mut doc,
        (title_found, &mut next_part),
        input.found,
        &a.title,
        Role::Title,
        title_marks,
        width,
    );

    let s = input.strings;
    let mut meta: Vec<(&str, Vec<String>)> = Vec::new();
    if let Some(date) = a.date {
        let mut when = date.strftime("%d/%m/%Y").to_string();
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
    if !meta.is_empty() {
        doc.lines.push(Vec::new());
    }
    let label_width = meta.iter().map(|(l, _)| l.width()).max().unwrap_or(0) + 2;
    let value_width = width.saturating_sub(label_width).max(1);
    // Too narrow for a label column: labels get their own line.
    let label_column = width >= label_width + 12;
    for (label, values) in &meta {
        let mut first = true;
        if !label_column {
            doc.lines.push(vec![piece(label, Role::Label)]);
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
                doc.lines.push(line);
                first = false;
            }
        }
    }
    doc.lines.push(vec![piece(&"─".repeat(width), Role::Rule)]);

    for (i, p) in a.body.iter().enumerate() {
        doc.lines.push(Vec::new());
        let role = match p.kind {
            ParagraphKind::Text => Role::Text,
            ParagraphKind::Subheading => Role::Subheading,
            ParagraphKind::Caption => Role::Caption,
        };
        let found = found_by_part.get(i + 1).map_or(&[][..], Vec::as_slice);
        let keywords = keywords_by_paragraph.get(i).map_or(&[][..], Vec::as_slice);
        let m = marks(input, found, keywords);
        push_wrapped(
            &mut doc,
            (found, &mut next_part),
            input.found,
            &p.text,
            role,
            m,
            width,
        );
    }
    doc.offsets
        .resize(doc.lines.len(), next_part.saturating_sub(1));
    doc
}

fn piece(text: &str, role: Role) -> Piece {
    Piece {
        text: text.to_owned(),
        role,
        mark: PLAIN,
    }
}

/// Keyword and in-article marks for one part of the article (`found`:
/// the indices of its in-article matches), sorted by where they start.
fn marks(input: &Input, found: &[usize], keywords: &[Range<usize>]) -> Vec<(Range<usize>, u8)> {
    let mut out: Vec<(Range<usize>, u8)> = keywords.iter().map(|r| (r.clone(), KEYWORD)).collect();
    for &k in found {
        if let Some((_, r)) = input.found.get(k) {
            let mark = if input.current == Some(k) {
                CURRENT
            } else {
                FOUND
            };
            out.push((r.clone(), mark));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Wraps one part and records the lines its in-article matches are on
/// (`found`: their indices in `all_found`), and where each line starts
/// in the article's text. Linear in the part's lines and marks: each line
/// is given only the marks that can touch it.
fn push_wrapped(
    doc: &mut Doc,
    (found, next_part): (&[usize], &mut u32),
    all_found: &[(Part, Range<usize>)],
    text: &str,
    role: Role,
    marks: Vec<(Range<usize>, u8)>,
    width: usize,
) {
    let first_line = doc.lines.len();
    let lines = wrap(text, width);
    // Lines pushed since the part above are not text: at its end.
    doc.offsets.resize(first_line, next_part.saturating_sub(1));
    let start = *next_part;
    let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
    *next_part = start.saturating_add(len).saturating_add(1);
    // Marks are sorted by start; none is longer than this, so one that
    // starts more than this before a line cannot reach it.
    let longest = marks.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
    for range in &lines {
        let at = u32::try_from(range.start).unwrap_or(u32::MAX);
        doc.offsets
            .push(start.saturating_add(at).min(start.saturating_add(len)));
        let from = marks.partition_point(|(r, _)| r.start.saturating_add(longest) < range.start);
        let to = marks.partition_point(|(r, _)| r.start <= range.end);
        let near = marks.get(from..to.max(from)).unwrap_or(&[]);
        let line = segments(range.clone(), near)
            .into_iter()
            .filter(|(r, _)| !r.is_empty())
            .filter_map(|(r, mark)| {
                text.get(r).map(|t| Piece {
                    text: t.to_owned(),
                    role,
                    mark,
                })
            })
            .collect();
        doc.lines.push(line);
    }
    for &k in found {
        if let (Some((_, r)), Some(slot)) = (all_found.get(k), doc.found_lines.get_mut(k)) {
            let within = lines
                .partition_point(|l| l.start <= r.start)
                .saturating_sub(1);
            *slot = first_line + within;
        }
    }
}

impl Doc {
    /// Where line `line` is in the article's text (see `offsets`).
    pub fn position(&self, line: usize) -> u32 {
        self.offsets
            .get(line)
            .or(self.offsets.last())
            .copied()
            .unwrap_or(0)
    }

    /// The line to show first for a saved position: the first line at
    /// exactly that position, else the one it falls within. At the same
    /// width that is the line the position was taken from.
    pub fn line_at(&self, position: u32) -> usize {
        let i = self.offsets.partition_point(|&o| o < position);
        if self.offsets.get(i) == Some(&position) {
            i
        } else {
            i.saturating_sub(1)
        }
    }

    /// The plain text of a line, for tests and for measuring.
    pub fn line_text(&self, i: usize) -> String {
        self.lines
            .get(i)
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
        build(&Input {
            article: &article(),
            places: &["Từ Sơn · Bắc Ninh".to_string()],
            strings: &super::super::i18n::EN,
            width,
            keywords: &Matches::default(),
            found: &[],
            current: None,
        })
    }

    #[test]
    fn positions_do_not_depend_on_the_width() {
        for width in [12, 30, 47, 80, 200] {
            let d = doc(width);
            assert_eq!(d.offsets.len(), d.lines.len());
            assert!(d.offsets.windows(2).all(|w| w[0] <= w[1]), "{width}");
            for i in 0..d.lines.len() {
                // At the same width a position brings back its line, or
                // the first line sharing it (a blank line before a
                // paragraph is at the end of the one above).
                let back = d.line_at(d.position(i));
                assert!(
                    back <= i && d.position(back) == d.position(i),
                    "{width} {i}"
                );
            }
            // Every line of text starts where its position says, at any
            // other width too.
            for other in [12, 30, 47, 80, 200] {
                let o = doc(other);
                for i in 0..d.lines.len() {
                    let text = d.line_text(i);
                    if text.trim().is_empty() || d.lines[i][0].role != Role::Text {
                        continue;
                    }
                    let first_word = text.split_whitespace().next().unwrap_or("");
                    let at = o.line_at(d.position(i));
                    assert!(
                        o.line_text(at).contains(first_word),
                        "{width}→{other}: {text:?} not on {:?}",
                        o.line_text(at)
                    );
                }
            }
        }
        assert_eq!(doc(40).line_at(0), 0);
        assert_eq!(doc(40).line_at(u32::MAX), doc(40).lines.len() - 1);
    }
}
