//! The page's lines: one paragraph per line, cleaned, with counters and
//! bare links taken off and lines broken mid-sentence joined up again.

use std::sync::LazyLock;

use regex::Regex;

use super::chrome::{URL, is_chrome, without_counters};
use super::line::{clean_line, ends_sentence, re, starts_lower, words};
use super::page::{HEAD_LINES, Line, Page};
use super::run_on::split_run_on;

/// Pass: the text (NFC, `\n` line ends) read into lines. A line broken
/// in the middle of a sentence (the next starts in lowercase) is joined up
/// again; a bare link is taken as the source.
pub(super) fn read_lines(text: &str) -> Page {
    let mut page = Page::default();
    let mut after_chrome = false;
    let mut after_blank = false;
    for raw in text.split('\n') {
        // A news ticker's headlines are other articles'.
        let items = ticker_items(raw);
        if items.len() > 1 {
            page.removed.extend(items.iter().map(|i| i.to_string()));
            after_chrome = true;
            continue;
        }
        let line = clean_line(raw);
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        let blank_before = std::mem::replace(&mut after_blank, false);
        // The page's first line, a headline run on into its lead.
        let line = match split_run_on(&line).filter(|_| page.lines.is_empty()) {
            Some(run_on) => {
                if !run_on.header.is_empty() {
                    page.lines.push(Line::plain(run_on.header.to_string()));
                }
                if !run_on.section.is_empty() {
                    page.removed.push(run_on.section.to_string());
                }
                page.lines.push(Line::plain(run_on.headline.to_string()));
                run_on.lead.to_string()
            }
            None => line,
        };
        // "… cho đoàn viên khó khănTin tổng hợp: Liên đoàn …": a section's
        // label glued between the headline and the lead.
        let line = match split_glued_label(&line) {
            Some((title, label, lead)) => {
                page.removed.push(label.to_string());
                page.lines.push(Line::plain(title.to_string()));
                lead.to_string()
            }
            None => line,
        };
        let line = split_first_line(&mut page, line);
        // The page's first line: "Nguồn gốc tên gọi Quảng TrịQuảng Trị tồn
        // tại …", the headline glued to the lead.
        let line = match split_glued_headline(&line).filter(|_| page.lines.is_empty()) {
            Some((title, lead)) => {
                page.lines.push(Line::plain(title.to_string()));
                lead.to_string()
            }
            None => line,
        };
        let line = without_follow_button(line, &mut page.removed);
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
        if !blank_before && wrapped_tail(&page, &line) {
            if let Some(prev) = page.lines.last_mut() {
                prev.text.push(' ');
                prev.text.push_str(&line);
            }
            continue;
        }
        // "admin100" under the headline: a user's name, no continuation.
        let user_name = words(&line) == 1 && line.contains(|c: char| c.is_ascii_digit());
        if let Some(prev) = page.lines.last_mut()
            && starts_lower(&line)
            && !user_name
            && prev
                .text
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == ',')
            && !is_chrome(&prev.text)
            && !is_chrome(&line)
            // "Ý kiến thăm dò" then "sơ kết 6 tháng …": a widget's heading
            // over a headline in lowercase.
            && !super::widgets::is_widget(&prev.text)
            // "rụ sở UBND … Ảnh: X.H": a caption that lost its first
            // letter is no continuation of the headline above it.
            && !super::caption::is_caption(&line)
            // " date 2019-07 Vào khoảng …" opens a paragraph of its own.
            && crate::ingest::dates::find_header(&line).is_none()
            // "Ngày cập nhật 13/03/2024" then "hình ảnh tại kỳ họp": a
            // date line is whole.
            && !crate::ingest::dates::find_header(&prev.text)
                .is_some_and(|h| h.is_whole_line(&prev.text))
        {
            prev.text.push(' ');
            prev.text.push_str(&line);
            continue;
        }
        page.lines.push(Line {
            text: line,
            caption: false,
            after_chrome,
            before_contacts: false,
        });
        after_chrome = false;
    }
    page
}

/// A headline, then "( Cập nhật ngày: 02/04/2025 )" and the lead glued
/// after it.
static DATE_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(.{10,250}?)\s*\(\s*((?i:ngày\s+)?(?i:cập\s+nhật|đăng)(?i:\s+ngày)?\s*:?\s*",
        r"\d{1,2}[/-]\d{1,2}[/-]\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*\)\s*(\p{Lu}.{20,})$",
    ))
});

/// "Nhiều trường học … bị chôn dưới bùn 04/09/201804/09/2018 Trận mưa
/// lũ …": the headline, its date printed twice and the lead on one line.
static DATE_TWICE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(.{10,250}?)\s*(\d{1,2}/\d{1,2}/\d{4})(\d{1,2}/\d{1,2}/\d{4})\s+(\p{Lu}.{20,})$")
});

/// The lead, with the headline and the date made lines of their own; the
/// line as it was when it has no date printed twice.
fn split_date_twice(page: &mut Page, line: String) -> Result<String, String> {
    let Some(c) = DATE_TWICE.captures(&line) else {
        return Err(line);
    };
    let (Some(title), Some(date), Some(again), Some(lead)) =
        (c.get(1), c.get(2), c.get(3), c.get(4))
    else {
        return Err(line);
    };
    if date.as_str() != again.as_str() || words(title.as_str()) < 4 {
        return Err(line);
    }
    page.lines
        .push(Line::plain(title.as_str().trim().to_string()));
    page.lines.push(Line::plain(date.as_str().to_string()));
    Ok(lead.as_str().to_string())
}

/// "… nhân kỷ niệm 71 năm Quốc khánh" / "2/9.": a text wrapped at a fixed
/// width leaves the last word of a sentence on a line alone; "Sáng thứ
/// Bảy, ngày 10 tháng 9 năm" / "2016, tại …": a date cut before its year.
fn wrapped_tail(page: &Page, line: &str) -> bool {
    let Some(prev) = page.lines.last() else {
        return false;
    };
    let year_cut = prev.text.to_lowercase().ends_with(" năm")
        && line
            .split([',', ' '])
            .next()
            .is_some_and(|y| y.len() == 4 && y.parse::<u16>().is_ok());
    (words(line) <= WRAPPED_TAIL_MAX_WORDS && ends_sentence(line) || year_cut)
        && line.starts_with(|c: char| c.is_ascii_digit())
        && prev.text.ends_with(char::is_alphanumeric)
        && !is_chrome(&prev.text)
}

/// A headline, "Ngày cập nhật 25/05/2020" and a bar, then the rest of the
/// line.
static DATE_BEFORE_BAR: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(.{10,250}?)\s+(Ngày\s+(?i:cập\s+nhật|đăng)\s*:?\s*",
        r"\d{1,2}[/-]\d{1,2}[/-]\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*\|\s*(.*?)[\s|]*$",
    ))
});

/// "Đại hội … lần thứ XIV Ngày cập nhật 25/05/2020 | Đ/c … |": the
/// headline, its date and a caption on one line of the head, made lines of
/// their own; the rest is returned.
fn split_dated_headline(page: &mut Page, line: String) -> String {
    if page.lines.len() >= HEAD_LINES {
        return line;
    }
    let Some(c) = DATE_BEFORE_BAR.captures(&line) else {
        return line;
    };
    let (Some(title), Some(date), Some(rest)) = (c.get(1), c.get(2), c.get(3)) else {
        return line;
    };
    if words(title.as_str()) < 4 {
        return line;
    }
    page.lines
        .push(Line::plain(title.as_str().trim().to_string()));
    if rest.as_str().is_empty() {
        return date.as_str().to_string();
    }
    page.lines.push(Line::plain(date.as_str().to_string()));
    rest.as_str().to_string()
}

/// The page's first line: its headline printed twice after a scraped
/// header, once (see [`headline_once`]); "Họp … năm 2025 ( Cập nhật ngày:
/// 02/04/2025 )Chiều ngày 02/4/2025, …", the headline, its labelled date
/// in parentheses and the lead on one line, made three lines again; the
/// lead is returned.
fn split_first_line(page: &mut Page, line: String) -> String {
    if !page.lines.is_empty() {
        return split_dated_headline(page, line);
    }
    let line = headline_once(line);
    let found = DATE_BETWEEN
        .captures(&line)
        .filter(|c| c.get(1).is_some_and(|t| words(t.as_str()) >= 4));
    let Some(c) = found else {
        return split_date_twice(page, line)
            .unwrap_or_else(|line| split_dated_headline(page, line));
    };
    for part in [1, 2] {
        let text = c.get(part).map_or("", |m| m.as_str()).trim();
        page.lines.push(Line::plain(text.to_string()));
    }
    c.get(3).map_or("", |m| m.as_str()).trim().to_string()
}

/// " date 2024-05 Lúa chín … được mùa Lúa chín … được mùa": the page's
/// first line, a scraped header and the headline printed twice (its link's
/// text and title); the headline once. Other stories' links printed twice
/// are chrome, so the page's own must not stay so.
fn headline_once(line: String) -> String {
    const MIN_WORDS: usize = 16;
    let Some(header) = crate::ingest::dates::find_header(&line) else {
        return line;
    };
    let Some(rest) = line.get(header.rest..).map(str::trim) else {
        return line;
    };
    if header.rest == 0 || !super::line::printed_twice_on_one_line(rest, MIN_WORDS) {
        return line;
    }
    let all_words: Vec<&str> = rest.split_whitespace().collect();
    let once = all_words[..all_words.len() / 2].join(" ");
    format!("{} {once}", line[..header.rest].trim_end())
}

/// A wrapped sentence's last line is this short.
const WRAPPED_TAIL_MAX_WORDS: usize = 2;

/// "… khó khănTin tổng hợp: Liên đoàn …": the headline, a chrome label
/// glued to its last word, and the lead after the label's colon.
fn split_glued_label(line: &str) -> Option<(&str, &str, &str)> {
    let mut prev = None;
    for (i, c) in line.char_indices() {
        if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
            let rest = &line[i..];
            if let Some((label, lead)) = rest.split_once(':')
                && words(label) <= 4
                && is_chrome(label)
                && words(lead) >= 4
                && words(&line[..i]) >= 4
            {
                return Some((line[..i].trim(), label.trim(), lead.trim()));
            }
        }
        prev = Some(c);
    }
    None
}

/// A headline glued to the lead is this short ...
const GLUED_HEADLINE_MAX_WORDS: usize = 25;
/// ... and the lead after it at least this long.
const GLUED_LEAD_MIN_WORDS: usize = 15;

/// "Nguồn gốc tên gọi Quảng TrịQuảng Trị tồn tại …": a short headline, a
/// capital right after its last lowercase letter, and a sentence.
fn split_glued_headline(line: &str) -> Option<(&str, &str)> {
    let mut prev = None;
    for (i, c) in line.char_indices() {
        if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
            let (title, lead) = (&line[..i], &line[i..]);
            let title_words = words(title);
            return ((3..=GLUED_HEADLINE_MAX_WORDS).contains(&title_words)
                && title.starts_with(char::is_uppercase)
                && !title.contains(['.', ',', ':'])
                && words(lead) >= GLUED_LEAD_MIN_WORDS
                && ends_sentence(lead))
            .then(|| (title.trim(), lead.trim()));
        }
        prev = Some(c);
    }
    None
}

/// "Google News Sắc màu vùng cao": a follow button's words glued before
/// the headline.
fn without_follow_button(line: String, removed: &mut Vec<String>) -> String {
    match line
        .strip_prefix("Google News ")
        .filter(|rest| rest.starts_with(char::is_uppercase))
    {
        Some(rest) => {
            removed.push("Google News".into());
            rest.to_string()
        }
        None => line,
    }
}

/// "Quảng ngãi công bố …    [EMAGAZINE] Báo Kon Tum …    SỨC MẠNH CỦA ĐOÀN
/// KẾT    Phó Bí thư …": a news ticker, headlines kept apart by runs of
/// spaces on one line. A line each, as the site's other headlines are.
fn ticker_items(raw: &str) -> Vec<&str> {
    const GAP: &str = "   ";
    const MIN_ITEMS: usize = 3;
    // A decree's full name may run to forty words and more.
    const ITEM_MAX_WORDS: usize = 60;
    if !raw.trim().contains(GAP) {
        return vec![raw];
    }
    let items: Vec<&str> = raw
        .trim()
        .split(GAP)
        // "Tin A   |    Tin B   |": bars between the headlines.
        .map(|p| p.trim_matches(|c: char| c.is_whitespace() || c == '|'))
        .filter(|p| !p.is_empty())
        .collect();
    let headline = |p: &str| {
        p.starts_with(|c: char| c.is_uppercase() || c == '[')
            && !ends_sentence(p)
            && words(p) <= ITEM_MAX_WORDS
    };
    if items.len() >= MIN_ITEMS && items.iter().all(|p| headline(p)) {
        items
    } else {
        vec![raw]
    }
}

#[cfg(test)]
mod tests {
    use super::ticker_items;

    #[test]
    fn a_ticker_is_a_line_per_headline() {
        let raw = "Lâm Đồng công bố bộ máy mới    [EMAGAZINE] Đà Lạt mùa hoa    \
                   SỨC MẠNH ĐOÀN KẾT    Trao quyết định nghỉ hưu cho cán bộ   ";
        assert_eq!(
            ticker_items(raw),
            [
                "Lâm Đồng công bố bộ máy mới",
                "[EMAGAZINE] Đà Lạt mùa hoa",
                "SỨC MẠNH ĐOÀN KẾT",
                "Trao quyết định nghỉ hưu cho cán bộ"
            ]
        );
        let barred = "Báo cáo quý II   |    Hà Tĩnh có 7 ca sốt xuất huyết   |    \
                      Tuyên truyền về vật tư nông nghiệp   |   ";
        assert_eq!(
            ticker_items(barred),
            [
                "Báo cáo quý II",
                "Hà Tĩnh có 7 ca sốt xuất huyết",
                "Tuyên truyền về vật tư nông nghiệp"
            ]
        );
        // A paragraph with wide spaces, and a byline set to the right.
        let text =
            "Xã đã hoàn thành 19 tiêu chí.    Người dân phấn khởi.    Năm nay thu nhập tăng.";
        assert_eq!(ticker_items(text), [text]);
        let byline = "                                 Bích Ngọc - Hội Nông dân tỉnh";
        assert_eq!(ticker_items(byline), [byline]);
    }
}
