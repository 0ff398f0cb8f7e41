//! The ways a collection file can lay its articles out, all of which are
//! read; written here for benchmarks and tests, one article at a time so
//! that a large collection need not be in memory at once.

use std::io::{self, Write};

use crate::model::Article;

/// How a collection file lays its articles out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// An array on one line (`json.dump`, `JSON.stringify`, `jq -c`).
    Compact,
    /// An indented array (`jq .`, `json.dump(a, indent=2)`).
    Pretty,
    /// One article per line (JSON Lines).
    Lines,
    /// Indented objects one after another, without an array.
    Concatenated,
}

impl Layout {
    pub const ALL: [Layout; 4] = [
        Layout::Compact,
        Layout::Pretty,
        Layout::Lines,
        Layout::Concatenated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Compact => "compact",
            Layout::Pretty => "pretty",
            Layout::Lines => "lines",
            Layout::Concatenated => "concatenated",
        }
    }

    /// A file name by which the layout is read as written.
    pub fn file_name(self) -> &'static str {
        match self {
            Layout::Compact => "compact.json",
            Layout::Pretty => "pretty.json",
            Layout::Lines => "lines.jsonl",
            Layout::Concatenated => "concatenated.json",
        }
    }

    pub fn from_name(name: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.name() == name)
    }

    /// What goes before the first article, between two, and after the last.
    fn frame(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Layout::Compact => ("[", ",", "]\n"),
            Layout::Pretty => ("[\n", ",\n", "\n]\n"),
            Layout::Lines | Layout::Concatenated => ("", "\n", "\n"),
        }
    }
}

/// Writes articles one at a time in a layout; [`LayoutWriter::finish`]
/// closes the file's text.
pub struct LayoutWriter {
    layout: Layout,
    written: usize,
}

impl LayoutWriter {
    pub fn new(layout: Layout) -> LayoutWriter {
        LayoutWriter { layout, written: 0 }
    }

    pub fn write(&mut self, article: &Article, out: &mut impl Write) -> io::Result<()> {
        let (open, between, _) = self.layout.frame();
        out.write_all(if self.written == 0 { open } else { between }.as_bytes())?;
        self.written += 1;
        match self.layout {
            Layout::Pretty | Layout::Concatenated => serde_json::to_writer_pretty(out, article)?,
            Layout::Compact | Layout::Lines => serde_json::to_writer(out, article)?,
        }
        Ok(())
    }

    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        let (open, _, close) = self.layout.frame();
        if self.written == 0 {
            out.write_all(open.as_bytes())?;
        }
        out.write_all(close.as_bytes())
    }
}

/// `articles` as a whole file in `layout`.
pub fn to_layout(articles: &[Article], layout: Layout) -> String {
    let mut out = Vec::new();
    let mut writer = LayoutWriter::new(layout);
    // Writing to memory cannot fail, and articles always serialise.
    for a in articles {
        let _ = writer.write(a, &mut out);
    }
    let _ = writer.finish(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, ParagraphKind};

    #[test]
    fn every_layout_reads_back_the_same_articles() {
        let articles: Vec<Article> = (0..5)
            .map(|i| Article {
                id: format!("a{i}"),
                title: format!("Tiêu đề {i}"),
                // One dated by its month only, which every layout keeps.
                date: Some(jiff::civil::date(2020, 9, if i == 2 { 1 } else { 3 })),
                month_only: i == 2,
                time: None,
                places: vec!["Từ Sơn".into()],
                author: None,
                source: None,
                body: vec![Paragraph::new(ParagraphKind::Text, "Nội dung")],
            })
            .collect();
        for layout in Layout::ALL {
            let text = to_layout(&articles, layout);
            let lines = text.lines().count();
            match layout {
                Layout::Compact => assert_eq!(lines, 1),
                Layout::Lines => assert_eq!(lines, 5),
                Layout::Pretty | Layout::Concatenated => assert!(lines > 20, "{text}"),
            }
            let report = super::super::read_str(layout.file_name(), &text);
            assert!(
                report.problems.is_empty(),
                "{layout:?}: {:?}",
                report.problems
            );
            assert_eq!(report.articles, articles, "{layout:?}");
            assert_eq!(Layout::from_name(layout.name()), Some(layout));
            let empty = super::super::read_str(layout.file_name(), &to_layout(&[], layout));
            assert!(empty.articles.is_empty() && empty.problems.is_empty());
        }
    }
}
