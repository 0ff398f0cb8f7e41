//! The page's lines: one paragraph per line, cleaned, with counters and
//! bare links taken off and lines broken mid-sentence joined up again.

use super::chrome::{URL, is_chrome, without_counters};
use super::line::{clean_line, starts_lower};
use super::page::{Line, Page};

/// Pass: the text (NFC, `\n` line ends) read into lines. A line broken
/// in the middle of a sentence (the next starts in lowercase) is joined up
/// again; a bare link is taken as the source.
pub(super) fn read_lines(text: &str) -> Page {
    let mut page = Page::default();
    let mut after_chrome = false;
    for raw in text.split('\n') {
        let line = clean_line(raw);
        if line.is_empty() {
            continue;
        }
        let Some(line) = without_counters(line, &mut page.removed) else {
            after_chrome = true;
            continue;
        };
        if URL.is_match(&line) {
            page.source.get_or_insert_with(|| line.clone());
            page.removed.push(line);
            after_chrome = true;
            continue;
        }
        if let Some(prev) = page.lines.last_mut()
            && starts_lower(&line)
            && prev
                .text
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == ',')
            && !is_chrome(&prev.text)
            && !is_chrome(&line)
            // "rụ sở UBND … Ảnh: X.H": a caption that lost its first
            // letter is no continuation of the headline above it.
            && !super::caption::is_caption(&line)
            // " date 2019-07 Vào khoảng …" opens a paragraph of its own.
            && crate::ingest::dates::find_header(&line).is_none()
        {
            prev.text.push(' ');
            prev.text.push_str(&line);
            continue;
        }
        page.lines.push(Line {
            text: line,
            caption: false,
            after_chrome,
        });
        after_chrome = false;
    }
    page
}
