//! The page being analysed: its lines, and the parts taken off them so
//! far; and the article's parts once every pass has run.

use super::line::is_long;
use crate::ingest::dates::Stamp;
use crate::model::Paragraph;

/// Where the title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleSource {
    /// A title line of the text.
    Line,
    /// Derived from the lead sentence: the text has no title line.
    Lead,
}

/// An article's parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structure {
    pub title: String,
    pub title_source: TitleSource,
    pub stamp: Option<Stamp>,
    pub author: Option<String>,
    pub source: Option<String>,
    /// The lines that named the site in the head ("Cổng thông tin điện tử
    /// tỉnh Bắc Giang", "TỈNH QUẢNG NGÃI"): the province a portal speaks
    /// for, when the article names none.
    pub site_lines: Vec<String>,
    /// The line over the title that leads into it ("Vùng ven biển tỉnh
    /// Bến Tre:"): part of the headline for what it names.
    pub kicker: Option<String>,
    pub body: Vec<Paragraph>,
    /// Lines (or parts of lines) dropped as site chrome, for `-v`.
    pub removed: Vec<String>,
}

/// Why a text yields no article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructureError {
    /// Nothing but white space, site chrome or captions.
    NoText,
}

/// Lines examined for the title and the date header.
pub(super) const HEAD_LINES: usize = 12;

/// A line with what it is so far.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) text: String,
    pub(super) caption: bool,
    /// Site chrome stood right before it and was dropped.
    pub(super) after_chrome: bool,
    /// The site's contacts ("Hotline: …") stood right after it and were
    /// dropped: it is the site's header.
    pub(super) before_contacts: bool,
}

impl Line {
    /// A line of plain text: no caption, no chrome before it.
    pub(super) fn plain(text: String) -> Self {
        Self {
            text,
            caption: false,
            after_chrome: false,
            before_contacts: false,
        }
    }
}

/// The page between passes: the lines left, and what the passes took.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub(super) lines: Vec<Line>,
    /// Lines (or parts of lines) dropped as site chrome.
    pub(super) removed: Vec<String>,
    pub(super) source: Option<String>,
    pub(super) site_lines: Vec<String>,
    pub(super) author: Option<String>,
    pub(super) stamp: Option<Stamp>,
    /// Where the date header stood in the head: the title is looked for
    /// next to it.
    pub(super) stamp_at: Option<usize>,
    /// The date header opened the line before `stamp_at`: what follows it
    /// there is not a line of its own.
    pub(super) stamp_glued: bool,
    pub(super) title: Option<String>,
    /// The line over the title that leads into it ("Sóc Trăng:").
    pub(super) kicker: Option<String>,
}

impl Page {
    /// The end of the head: the first few lines, up to the first
    /// paragraph of text.
    pub(super) fn head_end(&self) -> usize {
        let limit = self.lines.len().min(HEAD_LINES);
        self.lines[..limit]
            .iter()
            .position(|l| is_long(&l.text))
            .unwrap_or(limit)
    }
}
