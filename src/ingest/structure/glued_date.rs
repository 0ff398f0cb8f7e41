//! Dates glued to a head line's start or end, made lines of their own.

use std::sync::LazyLock;

use regex::Regex;

use super::line::{re, words};
use super::page::{Line, Page};
use crate::ingest::dates;

/// "… lũ lụt ở Huế 11/11/2025 15:26", "…(từ ngày 20/01 - 19/02/2017)01/03/2017
/// 15:02:43", "Tiêu đề - 15/08/2019": a date header glued to the end of
/// the title, with its time, or after a dash or a parenthesis.
static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:(\s)|[)\-–|]\s*)(\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$")
});

/// "Thông báo nghỉ Tết Cập nhật05-02-2021 09:29": a labelled header glued
/// to the title, its label kept (it says what kind of date it is).
static GLUED_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s*((?:ngày\s+)?(?:cập\s+nhật|đăng)(?:\s+ngày)?)\s*:?\s*(\d{1,2}[/-]\d{1,2}[/-]\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$",
    )
});

/// "28/01/2017 01:07Cả huyện dựng bàn thờ …": a date and its time glued
/// to the start of the headline; "13/01/2017Nhằm đánh giá …": a date
/// glued to the lead under it.
static GLUED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(\p{Lu}\S*(?:\s+\S+){3,})$")
});

/// A line and a date in parentheses after it.
static DATED_AGAIN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(.*\S)\s*\((\d{1,2}/\d{1,2}/\d{4})\)$"));

/// "Đảng bộ tỉnh - Dấu ấn nửa nhiệm kỳ (03/02/2019 21:20)": the posting
/// time in parentheses after the headline.
static STAMP_IN_PARENTHESES: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(.*\S)\s*\((\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?)\)$"));

/// A date glued before a line's first word becomes a line of its own.
fn split_date_before(page: &mut Page, i: usize) -> bool {
    let Some(c) = GLUED_BEFORE.captures(&page.lines[i].text) else {
        return false;
    };
    let (Some(date), Some(rest)) = (c.get(1), c.get(2)) else {
        return false;
    };
    let rest = rest.as_str().to_string();
    page.lines[i].text = date.as_str().to_string();
    page.lines.insert(i + 1, Line::plain(rest));
    true
}

/// Dates glued before or after a head line, made lines of their own.
pub(super) fn split_glued_to_lines(page: &mut Page) {
    let head = page.head_end();
    // The first long line may be the lead with its date glued to it.
    if head < page.lines.len() {
        split_date_before(page, head);
    }
    for i in (0..head).rev() {
        if split_date_before(page, i) {
            continue;
        }
        let text = &page.lines[i].text;
        // "Tiêu đề (22/08/2022)" under the same title: the title printed
        // again with its date.
        if let Some(c) = DATED_AGAIN.captures(text)
            && let (Some(before), Some(date)) = (c.get(1), c.get(2))
            && (0..head).any(|j| j != i && page.lines[j].text == before.as_str())
        {
            page.lines[i].text = date.as_str().to_string();
            continue;
        }
        if let Some(c) = STAMP_IN_PARENTHESES.captures(text)
            && let (Some(before), Some(date)) = (c.get(1), c.get(2))
            && words(before.as_str()) >= 4
        {
            let (before, date) = (before.as_str().to_string(), date.as_str().to_string());
            page.lines[i].text = before;
            page.lines.insert(i + 1, Line::plain(date));
            continue;
        }
        if let Some(c) = GLUED_LABELLED.captures(text)
            && let (Some(all), Some(label), Some(date)) = (c.get(0), c.get(1), c.get(2))
            && words(&text[..all.start()]) >= 4
        {
            // "Cập nhật05-02-2021": the label and the date apart again.
            let label = format!("{}: {}", label.as_str(), date.as_str());
            page.lines[i].text = text[..all.start()].to_string();
            page.lines.insert(i + 1, Line::plain(label));
            continue;
        }
        let Some(c) = GLUED.captures(text) else {
            continue;
        };
        let (Some(all), Some(date)) = (c.get(0), c.get(2)) else {
            continue;
        };
        // After a space only with its time: "… ngày 12/3/2021" ends a title.
        let has_time = date.as_str().contains(':');
        let before = text[..all.start()].trim_end_matches([' ', '-', '–', '|']);
        // "từ ngày 25 - 27/11/2017" is a range.
        let range =
            all.as_str().starts_with(['-', '–']) && before.ends_with(|c: char| c.is_ascii_digit());
        let glued = dates::find_header(date.as_str()).filter(|h| h.is_whole_line(date.as_str()));
        let Some(glued) = glued.filter(|_| (c.get(1).is_none() || has_time) && !range) else {
            continue;
        };
        if words(before) < 4 {
            continue;
        }
        let closing = if all.as_str().starts_with(')') {
            ")"
        } else {
            ""
        };
        let before = format!("{before}{closing}");
        let date = date.as_str().to_string();
        // "date 2025-11-11 Tiêu đề 11/11/2025 15:26": the header that opens
        // the line says the same.
        let opening = dates::find_header(&before);
        let same_day = opening
            .as_ref()
            .is_some_and(|h| h.stamp.date == glued.stamp.date);
        // "date 2025-04 Tiêu đề 18/04/2025 15:15": the day of the scraped
        // header's month; the header goes, the title stays.
        let in_month = opening.as_ref().is_some_and(|h| {
            h.stamp.month_only
                && (h.stamp.date.year(), h.stamp.date.month())
                    == (glued.stamp.date.year(), glued.stamp.date.month())
        });
        if same_day {
            page.lines[i].text = before;
            page.removed.push(date);
        } else if let Some(h) = opening.filter(|_| in_month) {
            page.removed.push(before[..h.rest].trim().to_string());
            page.lines[i].text = before[h.rest..].trim().to_string();
            page.lines.insert(i, Line::plain(date));
        } else {
            page.lines[i].text = before;
            page.lines.insert(i + 1, Line::plain(date));
        }
    }
}
