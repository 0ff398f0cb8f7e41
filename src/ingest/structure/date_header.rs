//! The date header: "03/09/2020 | 08:17", "Thứ Hai, 8/5/2023, 15:58".

use super::page::{HEAD_LINES, Page};
use crate::ingest::dates;

/// Pass: the date header, in the head (the first paragraph may begin with
/// it; a line of its own may follow the lead), else a line of its own at
/// the end.
pub(super) fn take_date_header(page: &mut Page) {
    if !take_from_head(page) {
        take_from_end(page);
    }
}

/// Whether the head held the date header.
fn take_from_head(page: &mut Page) -> bool {
    let head = page.head_end();
    let lines = &mut page.lines;
    let search_to = lines.len().min(HEAD_LINES.max(head + 2));
    for i in 0..search_to {
        if lines[i].caption {
            continue;
        }
        if let Some(h) = dates::find_header(&lines[i].text)
            && (i <= head || h.is_whole_line(&lines[i].text))
        {
            page.stamp = Some(h.stamp);
            if h.is_whole_line(&lines[i].text) {
                lines.remove(i);
                page.stamp_at = Some(i);
            } else {
                let rest = lines[i].text[h.rest..].to_string();
                lines[i].text = rest;
                page.stamp_at = Some(i + 1);
            }
            return true;
        }
    }
    false
}

fn take_from_end(page: &mut Page) {
    let lines = &mut page.lines;
    let from = lines.len().saturating_sub(3);
    if let Some(i) = (from..lines.len()).rev().find(|&i| {
        dates::find_header(&lines[i].text).is_some_and(|h| h.is_whole_line(&lines[i].text))
    }) {
        page.stamp = dates::find_header(&lines[i].text).map(|h| h.stamp);
        lines.remove(i);
    }
}
