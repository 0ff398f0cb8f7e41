//! The analysis: the passes in the order they run, and the article they
//! leave.

use super::derived_title::derive_title;
use super::page::{Page, Structure, StructureError, TitleSource};
use super::split::read_lines;
use super::subheading::is_subheading;
use super::{
    byline, caption, chrome, citation, date_header, lead_date, related, signature, title, widgets,
};
use crate::model::{Paragraph, ParagraphKind};

/// Reads the parts of an article from its text (NFC, `\n` line ends).
pub fn analyze(text: &str) -> Result<Structure, StructureError> {
    let mut page = read_lines(text);
    caption::mark_captions(&mut page);
    chrome::drop_tail_lists(&mut page);
    related::drop_dated_teasers(&mut page);
    related::drop_link_cards(&mut page);
    related::drop_thumbnail_cards(&mut page);
    related::drop_cut_teasers(&mut page);
    chrome::drop_chrome_lines(&mut page);
    widgets::drop_head_widgets(&mut page);
    chrome::drop_menu(&mut page);
    byline::take_head_labels(&mut page);
    date_header::take_date_header(&mut page);
    lead_date::take_issue_day(&mut page);
    title::take_title_line(&mut page);
    related::drop_related_headlines(&mut page);
    byline::take_byline_and_source(&mut page);
    citation::take_citation(&mut page);
    signature::take_signature(&mut page);
    lead_date::take_lead_date(&mut page);
    finish(page)
}

/// The article the passes leave: the body, with captions and subheadings
/// marked, and the title line, else a title derived from the lead.
fn finish(page: Page) -> Result<Structure, StructureError> {
    let Page {
        lines,
        removed,
        source,
        site_lines,
        author,
        stamp,
        title,
        kicker,
        ..
    } = page;
    let n = lines.len();
    // Under a digest's heading ("Điểm báo ngày 22/9") the first line is
    // the first item's headline.
    let first = usize::from(!title.as_deref().is_some_and(title::is_review_heading));
    let mut body = Vec::with_capacity(n);
    for (i, line) in lines.into_iter().enumerate() {
        let kind = if line.caption {
            ParagraphKind::Caption
        } else if i >= first && i + 1 < n && is_subheading(&line.text) {
            ParagraphKind::Subheading
        } else {
            ParagraphKind::Text
        };
        body.push(Paragraph::new(kind, line.text));
    }

    let (title, title_source) = match title {
        Some(t) => (t, TitleSource::Line),
        None => {
            let lead = body
                .iter()
                .find(|p| p.kind == ParagraphKind::Text)
                .or_else(|| body.iter().find(|p| p.kind == ParagraphKind::Subheading))
                .ok_or(StructureError::NoText)?;
            // A commune's introduction: its council's name over numbered
            // sections ("UBND Xã Lạc Vân" over "1. Điều kiện tự nhiên:").
            let unit = site_lines
                .last()
                .filter(|s| title::numbered(&lead.text) && widgets::names_site(s));
            match unit {
                Some(unit) => (unit.clone(), TitleSource::Line),
                None => (derive_title(&lead.text), TitleSource::Lead),
            }
        }
    };
    // "💐 Lễ khánh thành …": a pictograph or a bullet before the headline.
    let opens = |c: char| c.is_alphanumeric() || "\"“‘'(«[".contains(c);
    let title = match title.find(opens) {
        Some(at) if at > 0 => title[at..].to_string(),
        _ => title,
    };
    if title.is_empty() {
        return Err(StructureError::NoText);
    }
    Ok(Structure {
        title,
        title_source,
        stamp,
        author,
        source,
        site_lines,
        kicker,
        body,
        removed,
    })
}
