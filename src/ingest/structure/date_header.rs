//! The date header: "03/09/2020 | 08:17", "Thứ Hai, 8/5/2023, 15:58".

use std::sync::LazyLock;

use regex::Regex;

use super::byline::{byline, labelled_author};
use super::line::{is_long, re, words};
use super::page::{HEAD_LINES, Line, Page};
use crate::ingest::dates::{self, Header, HeaderKind};

/// Pass: the date header, in the head (the first paragraph may begin with
/// it; a line of its own may follow the lead), else a line of its own at
/// the end.
pub(super) fn take_date_header(page: &mut Page) {
    read_english_headers(page);
    split_glued_dates(page);
    take_header_prefixes(page);
    if !take_from_head(page) {
        take_from_end(page);
    }
}

/// "Phóng sự 20-09-2021", "Audio thời sự 19-09-2019", "Thời sự Thứ ba,
/// 24/4/2018, 05:00 (GMT+7)": a section's name, then the date; "• #534830 10/12/2019": a forum post's
/// number, then its date.
static SECTION_THEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(\p{{Lu}}\p{{Ll}}*(?:\s+\p{{Ll}}+){{0,2}}|[•·]?\s*#\d{{1,12}})\s+((?i:(?:{weekday}),?\s+)?\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}(?:,?\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?(?:\s*\((?:GMT|UTC)\+\d{{1,2}}\))?)$",
        weekday = dates::WEEKDAY_WORDS
    ))
});

/// "Tin Y tế - Giáo dục 07/09/2020": a news section of several words, then
/// the date.
static NEWS_SECTION_THEN_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(Tin\s+[\p{L}\s&,-]{1,40}?)\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$"));

/// "False 15612Ngày cập nhật 05/11/2018": a portal's flag and view count
/// glued to the date's label.
static COUNT_BEFORE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^((?:(?:False|True)\s+)?\d{1,9})((?:Ngày|Cập\s+nhật|Đăng|Ngày\s+đăng)\s.*)$")
});

/// "Gửi bởi: quansuvn trong 06 Tháng Giêng, 2020, 10:09:38 pm": a forum
/// post's poster (a user name), then its date.
static POSTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^((?:gửi|đăng)\s+bởi\s*:?\s*[\w.@-]{1,40}\s+(?:trong|vào(?:\s+lúc)?|lúc))\s+(.+)$")
});

/// "Người đăng tin: Văn phòng Ngày đăng tin: 05/01/2018 Lượt xem: 29": a
/// portal's fields on one line, the poster, the date and the views.
static POSTER_FIELDS: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(người\s+đăng(?:\s+tin)?\s*:.{1,40}?)\s+",
        r"(ngày\s+đăng(?:\s+tin)?\s*:\s*\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2})?)",
        r"(?:\s+lượt\s+xem\s*:\s*\d+)?$",
    ))
});

/// "Hải Phòng, ngày 19 tháng 01 năm 2020": a document's place and date,
/// as official pages print them over the article.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}),\s*((?i:ngày\s+)?\d{1,2}\s+(?i:tháng)\s+\d{1,2}\s+(?i:năm)\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})$",
    )
});

/// "Xã Bình Định - Anh hùng … 04/03/2016 | 12:00 AM 3064 In Gửi Email
/// Phóng to … Xã Bình Định (nay là …": a page saved as one line, the
/// headline, the date and time (or the time and date: "… cô lập 20:33
/// 30/09/2022 1.500 hộ dân …"), a toolbar and the text.
static FLATTENED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(\p{Lu}.{10,250}?)\s+(\d{1,2}/\d{1,2}/\d{4}\s*\|\s*\d{1,2}:\d{2}(?:\s*[AP]M)?|\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{4})\s+(.+)$",
    )
});
/// A byline over the date line, under the sapo, is this short.
const BYLINE_OVER_DATE_MAX_WORDS: usize = 4;
/// The words of a toolbar left between the date and the text (folded).
const TOOLBAR_WORDS: [&str; 14] = [
    "in", "gui", "email", "phong", "to", "thu", "nho", "tuong", "phan", "doc", "bai", "viet",
    "chia", "se",
];
/// The text after a flattened header is a paragraph: this many words.
const FLATTENED_TEXT_MIN_WORDS: usize = 20;

/// The text after a flattened header, less the toolbar's words and its
/// counter.
fn after_toolbar(rest: &str) -> &str {
    let mut at = 0;
    for w in rest.split_inclusive(' ') {
        let f = crate::text::fold_str(w.trim());
        if !(f.chars().all(|c| c.is_ascii_digit()) || TOOLBAR_WORDS.contains(&f.as_str())) {
            break;
        }
        at += w.len();
    }
    &rest[at..]
}

/// "Submitted by Ban biên tập on 18 October 2019": the publication line of
/// a Drupal site left in English.
static SUBMITTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^submitted\s+by\s+.{1,80}?\s+on\s+(?:\w+,\s+)?(\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})\b",
    )
});

/// "Post date: 07/12/2021", "Published on: 5/3/2023 09:10": a label in
/// English before a date written the Vietnamese way.
static ENGLISH_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:post(?:ed)?\s+(?:date|on)|publish(?:ed)?(?:\s+(?:date|on))?|date\s+posted)\s*:?\s*(\d.*)$",
    )
});

/// English publication lines in the head, read as the Vietnamese header
/// they stand for ("Ngày đăng: 18/10/2019").
fn read_english_headers(page: &mut Page) {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let head = page.head_end();
    for line in page.lines.iter_mut().take(head) {
        if let Some(date) = ENGLISH_LABEL.captures(&line.text).and_then(|c| c.get(1)) {
            line.text = format!("Ngày đăng: {}", date.as_str());
            continue;
        }
        let Some(c) = SUBMITTED.captures(&line.text) else {
            continue;
        };
        let (Some(day), Some(month), Some(year)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let month = month.as_str().to_lowercase();
        if let Some(m) = MONTHS.iter().position(|&n| n == month) {
            line.text = format!("Ngày đăng: {}/{}/{}", day.as_str(), m + 1, year.as_str());
        }
    }
}

/// A page saved as one line: its first line split into the headline, the
/// date and the text.
fn split_flattened(page: &mut Page) {
    let Some(first) = page.lines.first() else {
        return;
    };
    let Some(c) = FLATTENED.captures(&first.text) else {
        return;
    };
    let (Some(title), Some(date), Some(rest)) = (c.get(1), c.get(2), c.get(3)) else {
        return;
    };
    if words(rest.as_str()) < FLATTENED_TEXT_MIN_WORDS {
        return;
    }
    let text_at = rest.as_str().len() - after_toolbar(rest.as_str()).len();
    let toolbar = rest.as_str()[..text_at].trim().to_string();
    let [title, date, body] =
        [title.as_str(), date.as_str(), &rest.as_str()[text_at..]].map(|p| p.trim().to_string());
    if !toolbar.is_empty() {
        page.removed.push(toolbar);
    }
    // What stands before the date and time is the headline, even when it
    // reads like a caption ("Ảnh: Trường học bị nhấn chìm …").
    page.lines[0] = Line::plain(title);
    page.lines.insert(1, Line::plain(date));
    page.lines.insert(2, Line::plain(body));
}

/// A header glued to the end of a head line becomes a line of its own.
fn split_glued_dates(page: &mut Page) {
    split_flattened(page);
    split_line_prefixes(page);
    super::glued_date::split_glued_to_lines(page);
}

/// A section's name, a document's place, a poster or a counter before the
/// date: in the head, or under the lead when the sapo comes first.
fn split_line_prefixes(page: &mut Page) {
    for i in 0..page.lines.len().min(HEAD_LINES) {
        let text = page.lines[i].text.clone();
        // What stands before the date, and the date.
        let split = |pattern: &Regex| {
            let c = pattern.captures(&text)?;
            Some((
                c.get(1)?.as_str().to_string(),
                c.get(2)?.as_str().to_string(),
            ))
        };
        let is_header = dates::find_header(&text).is_some();
        if let Some((counter, date)) = split(&COUNT_BEFORE_LABEL)
            .filter(|(_, date)| dates::find_header(date).is_some_and(|h| h.is_whole_line(date)))
        {
            page.removed.push(counter);
            page.lines[i].text = date;
        } else if let Some((section, date)) = split(&SECTION_THEN_DATE)
            .or_else(|| split(&NEWS_SECTION_THEN_DATE))
            // "Điểm báo ngày 3.5.2014": a review's heading names its day.
            .filter(|(section, _)| !is_header && !section.ends_with(" ngày"))
        {
            page.removed.push(section);
            page.lines[i].text = date;
        } else if let Some((place, date)) = split(&DATELINE).filter(|_| !is_header) {
            // The place is the site's: the province, if the article
            // names none.
            page.site_lines.push(place);
            page.lines[i].text = date;
        } else if let Some((poster, date)) = split(&POSTED_BY)
            .or_else(|| split(&POSTER_FIELDS))
            .filter(|(_, date)| dates::find_header(date).is_some_and(|h| h.is_whole_line(date)))
        {
            page.removed.push(poster);
            page.lines[i].text = date;
        }
    }
}

/// "Văn hóa 17:45 26/04/2021 Giang Nam": a category, the time and date,
/// and the byline, with nothing between them.
static BETWEEN_LABEL_AND_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(\p{Lu}[^\d]{0,40}?)\s+(\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{4})(?:\s+(\p{Lu}.{0,40}))?$")
});

/// A weekday inside a line.
static WEEKDAY_IN_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b(?:{})\b", dates::WEEKDAY_WORDS)));

/// "Kinh tế - Ngày đăng : 07:56, 26/11/2017", "Văn Hoa - 05:32,
/// 24/11/2023": a category or the byline before the date header, on its
/// line. The header must have a label or a time, so that no title that
/// ends with a date is cut.
fn take_header_prefixes(page: &mut Page) {
    const PREFIX_MAX_WORDS: usize = 5;
    // The line after a lead-like summary too: "Quỳnh Anh | 11:07
    // 18/11/2024" under it.
    let head = (page.head_end() + 2).min(page.lines.len());
    for i in 0..head {
        let text = &page.lines[i].text;
        if let Some(c) = BETWEEN_LABEL_AND_BYLINE.captures(text)
            && let (Some(prefix), Some(date)) = (c.get(1), c.get(2))
            && words(prefix.as_str()) <= PREFIX_MAX_WORDS
        {
            // "Hải Yến | 10:42 22/11/2024": the byline before the date.
            let before = prefix.as_str().trim_end_matches(['|', '-', '–', ' ']);
            let names = match c.get(3) {
                Some(n) => byline(n.as_str()),
                None => byline(before),
            };
            if c.get(3).is_none() || names.is_some() {
                if c.get(3).is_some() || names.is_none() {
                    page.removed.push(prefix.as_str().to_string());
                }
                if page.author.is_none() {
                    page.author = names;
                }
                page.lines[i].text = date.as_str().to_string();
                continue;
            }
        }
        if dates::find_header(text).is_some() {
            continue;
        }
        // "Ban Thời sự-Chủ nhật, ngày 30/08/2015 16:31": a section's name
        // glued to the header; "Ngọc Minh 16/09/2023 - 18:00": the byline,
        // then the date.
        // "THÀNH HIỆP| 27/07/2019 11:43": the bar glued to the byline.
        // "Xem - Nghe - Đọc - Ngày đăng : 05:58, 05/06/2020": any bar may
        // be the one before the header.
        let mut splits: Vec<(usize, usize, bool)> = [" - ", " – ", " | ", "|", "-"]
            .iter()
            .flat_map(|s| text.match_indices(s).map(|(at, m)| (at, m.len(), false)))
            .collect();
        if let Some(digit) = text.find(|c: char| c.is_ascii_digit()) {
            splits.push((digit, 0, true));
        }
        // "PV Tây Bắc Thứ tư, ngày 24/04/2024 19:55": the byline, then
        // the weekday.
        if let Some(m) = WEEKDAY_IN_LINE.find(text).filter(|m| m.start() > 0) {
            splits.push((m.start(), 0, true));
        }
        splits.sort_unstable();
        let Some((prefix, rest)) = splits.iter().find_map(|&(sep, len, names_only)| {
            let (prefix, rest) = (text[..sep].trim(), text[sep + len..].trim());
            let header = dates::find_header(rest).filter(|h| {
                h.is_whole_line(rest) && (h.kind != HeaderKind::Plain || h.stamp.time.is_some())
            });
            let fits = !prefix.is_empty() && words(prefix) <= PREFIX_MAX_WORDS;
            // "Theo dõi https://… trên04/03/2019 18:34": a follow link.
            let named = byline(prefix).is_some() || prefix.contains("http");
            (header.is_some() && fits && (!names_only || named)).then_some((prefix, rest))
        }) else {
            continue;
        };
        let (prefix, rest) = (prefix.to_string(), rest.to_string());
        match byline(&prefix).filter(|_| !is_section_path(&prefix)) {
            Some(names) if page.author.is_none() => page.author = Some(names),
            _ => page.removed.push(prefix),
        }
        page.lines[i].text = rest;
    }
}

/// "Xem - Nghe - Đọc": sections of one word each, not writers' names
/// ("Thu Thủy - Xuân Khương", "H.Quân - TL").
fn is_section_path(prefix: &str) -> bool {
    let parts: Vec<&str> = prefix
        .split([' ', '-', '–', '|'])
        .filter(|p| !p.is_empty())
        .collect();
    let dashes = prefix.matches(['-', '–', '|']).count();
    dashes >= 2
        && dashes + 1 == parts.len()
        && parts
            .iter()
            .all(|p| !p.contains('.') && p.chars().skip(1).any(char::is_lowercase))
}

/// For each line, how many paragraphs stand before it.
fn paragraphs_before(lines: &[Line]) -> Vec<usize> {
    lines
        .iter()
        .scan(0, |n, l| {
            let before = *n;
            *n += usize::from(is_long(&l.text));
            Some(before)
        })
        .collect()
}

/// Whether the head held the date header.
///
/// A head may hold several: the site's clock above the menus ("Thứ 3,
/// Ngày 16/07/2024", "Hôm nay: 05/05/2024"), then the article's own date
/// by its title. A labelled publication date wins; else the last header,
/// since the clock stands at the top; never "Hôm nay", nor an update
/// while there is another. Every header line of its own goes.
fn take_from_head(page: &mut Page) -> bool {
    let head = page.head_end();
    let lines = &page.lines;
    let search_to = lines.len().min(HEAD_LINES.max(head + 2));
    // Each header with where it stands and whether it is a line of its own.
    // A caption is no header, unless the scraped header opens the page:
    // "date 2025-07 Hai xe tải … - Ảnh: TVĐ".
    let found: Vec<(usize, Header, bool)> = (0..search_to)
        .filter(|&i| !lines[i].caption || i == 0)
        .filter(|&i| !is_table_cell(&lines[i].text) && !is_schedule(lines, i))
        .filter_map(|i| {
            let h = dates::find_header(&lines[i].text)?;
            let whole = h.is_whole_line(&lines[i].text);
            // "Ngày đăng tin: …" right under a headline long enough to
            // end the head.
            let labelled = i == head + 1 && h.kind == HeaderKind::Published;
            (i <= head || whole || labelled).then_some((i, h, whole))
        })
        .collect();
    let clock = |i: usize, h: &Header| is_clock(lines, i, h, found.iter().any(|f| f.0 > i));
    // Dates under two paragraphs or more belong to the next items ("08:33
    // 22/04/2025" over a teaser), unless no other date is left.
    let paragraphs_before = paragraphs_before(&lines[..search_to]);
    let paragraphs_above = |i: usize| paragraphs_before[i];
    let mut dated: Vec<&(usize, Header, bool)> =
        found.iter().filter(|(i, h, _)| !clock(*i, h)).collect();
    if dated.iter().any(|(i, _, _)| paragraphs_above(*i) < 2) {
        dated.retain(|(i, _, _)| paragraphs_above(*i) < 2);
    }
    let of_kind = |k: HeaderKind| dated.iter().filter(move |(_, h, _)| h.kind == k);
    let chosen = of_kind(HeaderKind::Published)
        .next()
        .or_else(|| of_kind(HeaderKind::Plain).next_back())
        .or_else(|| of_kind(HeaderKind::Updated).next())
        .map(|&&f| f);
    let Some((at, header, whole)) = chosen else {
        // Clocks go all the same.
        for &(i, _, _) in found.iter().rev().filter(|f| f.2) {
            page.removed.push(page.lines.remove(i).text);
        }
        return false;
    };
    // A date line further down, among the article's lines ("Cập nhật lần
    // cuối: …" under a table of facts), says nothing of where the title is.
    // A sapo printed over the headline ends the head early: the headline
    // and the date under it still stand at the top.
    let near_head = at <= head + 1
        || at == head + 2 && !is_long(&page.lines[at - 1].text) && !page.lines[at - 1].caption;
    let gone_before = found.iter().filter(|&&(i, _, w)| w && i < at).count();
    for &(i, _, _) in found.iter().rev().filter(|f| f.2) {
        let text = page.lines.remove(i).text;
        if i != at {
            page.removed.push(text);
        }
    }
    let at = at - gone_before;
    page.stamp = Some(header.stamp);
    // "Ngày đăng bài: 22/05/2018 | Tác giả: Chánh văn phòng".
    let author = (!whole)
        .then(|| {
            page.lines[at]
                .text
                .get(header.rest..)
                // "13/05/2023 08:56 GMT+7 Lê An - Lê Trường": the byline
                // after the date.
                .and_then(|rest| labelled_author(rest).or_else(|| byline(rest)))
        })
        .flatten();
    if whole {
        // "Hồ chứa trơ đáy, …" (the sapo), "Xuân Ngọc", then the date line:
        // the byline between the sapo and the date.
        let byline_over = at
            .checked_sub(2)
            .filter(|&s| is_long(&page.lines[s].text) && page.author.is_none())
            .map(|s| &page.lines[s + 1])
            .filter(|l| !l.caption && words(&l.text) <= BYLINE_OVER_DATE_MAX_WORDS)
            .and_then(|l| byline(&l.text));
        let at = match byline_over {
            Some(names) => {
                page.author = Some(names);
                page.lines.remove(at - 1);
                at - 1
            }
            None => at,
        };
        page.stamp_at = near_head.then_some(at);
    } else if let Some(names) = author {
        page.author.get_or_insert(names);
        page.lines.remove(at);
        page.stamp_at = Some(at);
    } else {
        let rest = page.lines[at].text[header.rest..].to_string();
        if super::chrome::is_chrome(rest.trim()) {
            // "date 2025-11-01 Hotline: 0865…": the page's chrome after
            // the scraped header.
            page.removed.push(rest);
            page.lines.remove(at);
            page.stamp_at = Some(at);
        } else {
            page.lines[at].text = rest;
            page.stamp_at = Some(at + 1);
            page.stamp_glued = true;
        }
    }
    true
}

fn take_from_end(page: &mut Page) {
    let lines = &mut page.lines;
    let from = lines.len().saturating_sub(3);
    let last_header = (from..lines.len()).rev().find_map(|i| {
        let text = &lines[i].text;
        dates::find_header(text)
            .filter(|h| h.is_whole_line(text) && !is_table_cell(text))
            .filter(|_| !is_schedule(lines, i))
            .map(|h| (i, h.stamp))
    });
    if let Some((i, stamp)) = last_header {
        page.stamp = Some(stamp);
        lines.remove(i);
        return;
    }
    // "KC – An ninh Hải Phòng 29/07/2018": the signature and its source
    // with the day it was published; the signature stays for its pass.
    let signed = (from..lines.len()).rev().find_map(|i| {
        let c = DATED_SIGNATURE.captures(&lines[i].text)?;
        let (signature, date) = (c.get(1)?, c.get(2)?);
        let header =
            dates::find_header(date.as_str()).filter(|h| h.is_whole_line(date.as_str()))?;
        (words(signature.as_str()) <= SIGNATURE_MAX_WORDS)
            .then(|| (i, signature.as_str().trim().to_string(), header.stamp))
    });
    if let Some((i, signature, stamp)) = signed {
        page.stamp = Some(stamp);
        lines[i].text = signature;
    }
}

/// A signature: a name, a source.
const SIGNATURE_MAX_WORDS: usize = 8;
static DATED_SIGNATURE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\p{Lu}[^.!?:;,]*?)\s+(\d{1,2}/\d{1,2}/\d{4})$"));

/// Whether the header `h` on line `i` is the site's clock: a weekday and a
/// date without a time, among the site's menus and widgets (a chrome line
/// dropped next to it). A date right under a headline, with chrome only
/// after it ("Hiểm nguy… chực chờ!", "Thứ tư, ngày 09/09/2020", "Theo dõi
/// Báo … trên"), is the article's. `more_below`: another header follows.
fn is_clock(lines: &[Line], i: usize, h: &Header, more_below: bool) -> bool {
    let under_headline = i > 0
        && words(&lines[i - 1].text) >= 3
        && !lines[i - 1].caption
        && dates::find_header(&lines[i - 1].text).is_none();
    let by_chrome = lines[i].after_chrome
        || lines.get(i + 1).is_some_and(|l| l.after_chrome) && !under_headline;
    let plain_day = h.kind == HeaderKind::Plain && h.weekday && h.stamp.time.is_none();
    h.kind == HeaderKind::Today
        || plain_day && by_chrome
        // "Thứ năm 29/01/2026 21:38" over "Hotline: …": the site's header.
        || h.kind == HeaderKind::Plain && h.weekday && lines[i].before_contacts
        // "Chủ nhật, Ngày 22 Tháng 12 Năm 2024" opening the page over
        // "Cập nhật lúc: 22/07/2015": the clock, over the article's.
        || plain_day && i == 0 && more_below
}

/// "Thời gian: 7h00 ngày 02/8/2025" beside "Địa điểm: …": an event's
/// time and place in a notice, not when the page was written.
fn is_schedule(lines: &[Line], i: usize) -> bool {
    let place = |j: usize| {
        lines.get(j).is_some_and(|l| {
            crate::text::fold_str(l.text.get(..20).unwrap_or(&l.text)).starts_with("dia diem")
        })
    };
    place(i + 1) || i.checked_sub(1).is_some_and(place)
}

/// "07 giờ 30 phút Ngày 22-6-2022 (Thứ Tư) |": a table's cell, a
/// schedule's day, not the page's date. ("Ngày đăng 05/09/2019 | 09:10 |"
/// is a header whose counter is gone.)
fn is_table_cell(line: &str) -> bool {
    line.trim_end().ends_with('|') && line.matches('|').count() == 1
}
