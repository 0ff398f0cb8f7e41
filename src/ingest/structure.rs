//! The parts of a scraped article, read from its lines: site chrome (menus,
//! banners, counters, share buttons, "related articles" lists), the title,
//! the date header, the byline, photo captions and subheadings.
//!
//! Scraped text keeps one paragraph per line, often with blank lines in
//! between. Nothing marks what a line is, so each rule below looks at what
//! Vietnamese news pages have in common: the title is a short line without
//! a full stop near the top, the date header sits next to it, captions
//! credit a photo ("(Ảnh: …)", "(Nguồn: …)"), subheadings are short lines
//! between paragraphs, and the byline is a short line of names at the end.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::{self, Stamp};
use crate::model::{Paragraph, ParagraphKind};
use crate::text::{fold_str, sanitize_inline};

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

/// A derived title is cut near this many characters.
pub const TITLE_LIMIT: usize = 100;
/// Lines examined for the title and the date header.
const HEAD_LINES: usize = 12;
/// A title line is at most this long.
const TITLE_MAX_CHARS: usize = 250;
/// A subheading is at most this long.
const SUBHEADING_MAX_CHARS: usize = 120;
const SUBHEADING_MAX_WORDS: usize = 20;
/// A byline is at most this long.
const BYLINE_MAX_CHARS: usize = 60;
const BYLINE_MAX_NAMES: usize = 8;

/// Lines that are site chrome wherever they stand: section banners,
/// navigation, share buttons, list headings. Folded.
const CHROME: &[&str] = &[
    "tin tuc - su kien noi bat",
    "tin tuc - su kien",
    "tin tuc su kien",
    "tin tuc",
    "su kien",
    "thoi su",
    "tin noi bat",
    "tin moi",
    "tin moi nhat",
    "moi nhat",
    "tin hoat dong",
    "tin tong hop",
    "tin doc nhieu",
    "doc nhieu",
    "doc nhieu nhat",
    "xem nhieu",
    "xem nhieu nhat",
    "tin khac",
    "cac tin khac",
    "cac tin da dua",
    "cac bai viet khac",
    "tin lien quan",
    "bai viet lien quan",
    "bai lien quan",
    "tin cung chuyen muc",
    "cung chuyen muc",
    "lien ket website",
    "lien ket web",
    "phan hoi",
    "gui phan hoi",
    "binh luan",
    "gui binh luan",
    "y kien ban doc",
    "y kien cua ban",
    "gui y kien",
    "chia se",
    "chia se bai viet",
    "in bai",
    "in bai viet",
    "in trang",
    "ban in",
    "gui bai viet",
    "gui email",
    "gui cho ban be",
    "luu bai viet",
    "trang chu",
    "ve trang chu",
    "quay lai",
    "tro ve",
    "tro lai",
    "ve dau trang",
    "len dau trang",
    "dau trang",
    "xem them",
    "doc them",
    "xem tiep",
    "tu khoa",
    "tags",
    "tag",
    "het",
    "facebook",
    "zalo",
    "twitter",
    "email",
    "print",
    "share",
    "tweet",
    "like",
    "top",
    "y kien",
    "video",
    "xem video",
    "nghe doc bai",
    "nghe bai viet",
    "nghe audio",
    "theo doi",
    "theo doi chung toi",
    "dang ky nhan tin",
    "quang cao",
    "advertisement",
    "copy link",
    "sao chep lien ket",
    "co chu",
    "a a",
    "a- a+",
];

/// Headings of the lists that pages append after the article ("other
/// news", comments, links): from the first of them on, nothing is
/// article text. Folded.
const TAIL_MARKERS: &[&str] = &[
    "phan hoi",
    "gui phan hoi",
    "cac tin khac",
    "tin khac",
    "cac tin da dua",
    "cac bai viet khac",
    "tin lien quan",
    "bai viet lien quan",
    "bai lien quan",
    "tin cung chuyen muc",
    "cung chuyen muc",
    "moi nhat",
    "tin moi",
    "tin moi nhat",
    "doc nhieu",
    "doc nhieu nhat",
    "tin doc nhieu",
    "xem nhieu",
    "xem nhieu nhat",
    "lien ket website",
    "lien ket web",
    "binh luan",
    "gui binh luan",
    "y kien ban doc",
    "y kien cua ban",
    "xem them",
    "doc them",
    "y kien",
];

/// Lines starting with these are chrome (tag lists, "read also" links).
/// Folded.
const CHROME_PREFIXES: &[&str] = &[
    "tu khoa:",
    "tags:",
    "tag:",
    "xem them:",
    "doc them:",
    "tin lien quan:",
    "chia se:",
];

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this module, covered by its tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad pattern {pattern}: {e}"))
}

/// View and share counters: "Số lượt xem: 551", "1.234 lượt đọc", "Views: 12".
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?:số\s+)?lượt\s+(?:xem|đọc|truy\s+cập|thích|chia\s+sẻ)|views?)\s*:?\s*\d[\d.,]*|\d[\d.,]*\s+lượt\s+(?:xem|đọc|thích|chia\s+sẻ)",
    )
});
static URL: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:https?://|www\.)\S+$"));
/// "Nguồn: …", "Theo …", "(Theo …)": where the article came from.
static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\(?\s*(?:nguồn|theo|source)\s*:?\s+(.+?)\s*\)?\.?$"));
/// A site's signature before the lead: "(Dân trí) - ", "TTO - ".
static SIGNATURE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:\(([^()]{2,30})\)|([A-ZĐ][A-Za-zĐđ.]{1,15}))\s*[-–—]\s+"));
/// An explicit author label: "Tác giả: …", "Bài và ảnh: …".
static AUTHOR_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:tác giả|người viết|phóng viên|bài và ảnh|bài, ảnh|bài và ảnh|nhóm phóng viên)\s*:")
});
/// "Bài và ảnh:", "Tác giả:", "PV:" before the names in a byline.
static BYLINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:bài|tin|ảnh|bài viết|video)(?:\s*(?:,|và|\+|&)\s*(?:ảnh|video|clip))?\s*:|tác giả\s*:?|người viết\s*:?|phóng viên\s*:|pv\s*:|ctv\s*:|nhóm pv\s*:?)\s*",
    )
});

/// Folded and trimmed, without the punctuation a heading may end with: the
/// form lines are compared in.
fn key(line: &str) -> String {
    let f = fold_str(line);
    let mut k = f
        .trim()
        .trim_end_matches([':', '.', '»', '>', '›', '…', ' ']);
    // "Bình luận (0)", "Ý kiến (12)": a heading with a count.
    if let Some(open) = k.rfind('(')
        && k.ends_with(')')
        && k[open + 1..k.len() - 1].chars().all(|c| c.is_ascii_digit())
    {
        k = k[..open].trim_end();
    }
    k.to_string()
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

fn chars(line: &str) -> usize {
    line.chars().count()
}

/// A paragraph of running text, not a heading: these end the head of the
/// article where the title and date header are looked for.
fn is_long(line: &str) -> bool {
    chars(line) >= 200 || (words(line) >= 25 && ends_sentence(line))
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '»', ')', ' '])
        .ends_with(['.', '!', '?', '…'])
}

fn starts_upper(line: &str) -> bool {
    line.chars()
        .find(|c| !matches!(c, '“' | '"' | '‘' | '«' | '(' | '['))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn starts_lower(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// Longer lines are never chrome: menus and banners are short.
const CHROME_MAX_BYTES: usize = 240;

fn is_chrome(line: &str) -> bool {
    if line.len() > CHROME_MAX_BYTES {
        return false;
    }
    let k = key(line);
    if k.is_empty() {
        return true;
    }
    if CHROME.contains(&k.as_str()) || CHROME_PREFIXES.iter().any(|p| k.starts_with(p)) {
        return true;
    }
    // Breadcrumbs: "Trang chủ » Tin tức » Chính trị".
    let crumbs = line.matches(['»', '›']).count() + line.matches(" > ").count();
    let slashes = line.matches(" / ").count();
    (crumbs >= 1 || slashes >= 1) && k.starts_with("trang chu")
        || (crumbs >= 2 || slashes >= 2) && words(line) <= 15 && !ends_sentence(line)
}

/// The site's own name at the top of the page ("Báo điện tử Đảng Cộng sản
/// Việt Nam", "Cổng thông tin điện tử huyện …").
fn is_site_name(line: &str) -> bool {
    const STARTS: [&str; 9] = [
        "bao dien tu",
        "cong thong tin",
        "trang thong tin",
        "trang tin dien tu",
        "tap chi dien tu",
        "dai phat thanh",
        "dai truyen hinh",
        "co quan ngon luan",
        "co quan cua",
    ];
    let k = key(line);
    words(line) <= 14 && !ends_sentence(line) && STARTS.iter().any(|s| k.starts_with(s))
}

fn is_tail_marker(line: &str) -> bool {
    line.len() <= CHROME_MAX_BYTES && TAIL_MARKERS.contains(&key(line).as_str())
}

/// A photo caption: it credits a photo or a source ("… (Ảnh: Trúc
/// Lam).", "… Ảnh: TTXVN", "Ảnh minh họa", "… (Nguồn: Cổng thông tin …)").
pub fn is_caption(line: &str) -> bool {
    let n = chars(line);
    if n > 400 {
        return false;
    }
    let f = fold_str(line);
    let credit_at_end = |marker: &str, max: usize| {
        n <= max
            && f.rfind(marker).is_some_and(|at| {
                let tail = &f[at..];
                tail.find(')').is_some_and(|close| {
                    tail[close + 1..]
                        .chars()
                        .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
                })
            })
    };
    if [
        "(anh:",
        "(anh :",
        "(anh minh hoa",
        "(anh tu lieu",
        "(anh chup",
        "(video:",
        "(clip:",
        "(do hoa:",
    ]
    .iter()
    .any(|m| credit_at_end(m, 400))
    {
        return true;
    }
    if ["(nguon:", "(nguon :", "(nguon anh"]
        .iter()
        .any(|m| credit_at_end(m, 250))
    {
        return true;
    }
    // "… phát biểu. Ảnh: Ngọc Lâm", "Ảnh: Toàn cảnh hội nghị".
    let t = f.trim_end_matches(['.', ' ']);
    if n <= 300 {
        if t.starts_with("anh:") || t.starts_with("anh minh hoa") || t == "anh tu lieu" {
            return true;
        }
        if let Some(at) = t.rfind("anh:") {
            let before = t[..at].trim_end();
            let credit = &t[at + "anh:".len()..];
            let after_break = before.is_empty() || before.ends_with(['.', '-', '–', '|', '/', '(']);
            if after_break && words(credit) <= 6 {
                return true;
            }
        }
    }
    false
}

/// A line that can be the title: short, no full stop, a capital first.
fn is_title_like(line: &str) -> bool {
    let n = chars(line);
    let w = words(line);
    (10..=TITLE_MAX_CHARS).contains(&n)
        && (2..=40).contains(&w)
        && starts_upper(line)
        && !line.trim_end().ends_with(['.', ':', ';', ',', '-'])
        || line.trim_end().ends_with("...") && n <= TITLE_MAX_CHARS && w >= 2 && starts_upper(line)
}

/// A byline: a short line of names ("Ngọc Lâm", "TL", "Thu Thủy - Xuân
/// Khương", "Bài, ảnh: Minh Anh"). Returns the names.
fn byline(line: &str) -> Option<String> {
    let stripped = BYLINE_PREFIX.replace(line.trim(), "");
    let mut names = stripped.trim();
    if let Some(inner) = names.strip_prefix('(').and_then(|n| n.strip_suffix(')')) {
        names = inner.trim();
    }
    if names.is_empty() || chars(names) > BYLINE_MAX_CHARS || is_chrome(names) {
        return None;
    }
    // A note after the names, "Thanh Hà (TTXVN)", "Minh Châu (t/h)", is
    // kept but not checked.
    let checked = match names.rfind('(') {
        Some(open) if names.ends_with(')') && open > 0 => names[..open].trim_end(),
        _ => names,
    };
    let mut count = 0;
    for word in checked.split(|c: char| c.is_whitespace() || matches!(c, ',' | '&' | '/')) {
        if word.is_empty() || matches!(word, "-" | "–" | "và" | "+") {
            continue;
        }
        let mut cs = word.chars();
        let first_upper = cs.next().is_some_and(char::is_uppercase);
        let rest: Vec<char> = cs.collect();
        let shaped = rest.iter().all(|c| c.is_lowercase() || *c == '.')
            || rest.iter().all(|c| c.is_uppercase() || *c == '.');
        if !first_upper || !shaped || word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        count += 1;
    }
    (1..=BYLINE_MAX_NAMES)
        .contains(&count)
        .then(|| names.to_string())
}

/// A subheading: a short line with no closing punctuation, between
/// paragraphs.
fn is_subheading(line: &str) -> bool {
    let w = words(line);
    chars(line) <= SUBHEADING_MAX_CHARS
        && (2..=SUBHEADING_MAX_WORDS).contains(&w)
        && starts_upper(line)
        && !line
            .trim_end()
            .ends_with(['.', ',', ';', ':', '-', '–', '…'])
        && !line.starts_with(['-', '+', '•', '*'])
}

/// [`sanitize_inline`] for a line of decoded text (already NFC): most
/// lines hold nothing unsafe, and only need their white space collapsed.
fn clean_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        let unsafe_char = if c.is_ascii() {
            c.is_ascii_control()
        } else {
            crate::text::sanitize::is_unsafe(c)
        };
        if unsafe_char {
            return sanitize_inline(raw);
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// A line with what it is so far.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    caption: bool,
}

/// Reads the parts of an article from its text (NFC, `\n` line ends).
pub fn analyze(text: &str) -> Result<Structure, StructureError> {
    let mut removed = Vec::new();
    let mut source = None;

    // One paragraph per line; a line broken in the middle of a sentence
    // (the next starts in lowercase) is joined up again.
    let mut lines: Vec<Line> = Vec::new();
    for raw in text.split('\n') {
        let mut line = clean_line(raw);
        if line.is_empty() {
            continue;
        }
        // Counters are stripped from lines that hold something else too
        // ("12/10/2017 08:56 Số lượt xem: 551").
        // A sentence that mentions views ("đạt 1.000 lượt xem") keeps them.
        if COUNTER.is_match(&line) {
            let without = sanitize_inline(&COUNTER.replace_all(&line, ""));
            if words(&without) <= 12 && !ends_sentence(&without) {
                removed.extend(COUNTER.find_iter(&line).map(|m| m.as_str().to_string()));
                line = without;
            }
            let bare = line
                .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '–');
            if bare.is_empty() {
                continue;
            }
        }
        if URL.is_match(&line) {
            source.get_or_insert_with(|| line.clone());
            removed.push(line);
            continue;
        }
        if let Some(prev) = lines.last_mut()
            && starts_lower(&line)
            && prev
                .text
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == ',')
            && !is_chrome(&prev.text)
        {
            prev.text.push(' ');
            prev.text.push_str(&line);
            continue;
        }
        lines.push(Line {
            text: line,
            caption: false,
        });
    }
    for line in &mut lines {
        line.caption = is_caption(&line.text);
    }

    // After the article: "other news" lists and the like, from their
    // heading on, when no paragraph of text follows.
    let first_long = lines.iter().position(|l| is_long(&l.text));
    if let Some(first_long) = first_long
        && let Some(cut) = (first_long + 1..lines.len()).find(|&i| {
            is_tail_marker(&lines[i].text) && !lines[i..].iter().any(|l| is_long(&l.text))
        })
    {
        removed.extend(lines.drain(cut..).map(|l| l.text));
    }
    let mut kept = Vec::with_capacity(lines.len());
    for line in lines {
        if is_chrome(&line.text) {
            removed.push(line.text);
        } else {
            kept.push(line);
        }
    }
    let mut lines = kept;

    // The head: the first few lines, up to the first paragraph of text.
    let head_end = |lines: &[Line]| {
        let limit = lines.len().min(HEAD_LINES);
        lines[..limit]
            .iter()
            .position(|l| is_long(&l.text))
            .unwrap_or(limit)
    };

    // A menu: three or more short lines in a row at the top ("Thời sự",
    // "Pháp luật", "Sức khỏe" …).
    let is_item = |l: &Line| !l.caption && words(&l.text) <= 3 && !ends_sentence(&l.text);
    let menu = lines.iter().take_while(|l| is_item(l)).count();
    if menu >= 3 && menu < lines.len() {
        removed.extend(lines.drain(..menu).map(|l| l.text));
    }

    // The site's name and a labelled byline ("Tác giả: …") in the head.
    let mut author = None;
    let mut i = 0;
    while i < head_end(&lines) {
        if is_site_name(&lines[i].text) {
            let line = lines.remove(i).text;
            source.get_or_insert_with(|| line.clone());
            removed.push(line);
        } else if author.is_none()
            && AUTHOR_LABEL.is_match(&lines[i].text)
            && let Some(names) = byline(&lines[i].text)
        {
            author = Some(names);
            lines.remove(i);
        } else {
            i += 1;
        }
    }

    // The date header: in the head (the first paragraph may begin with
    // it; a line of its own may follow the lead), else a line of its own
    // at the end.
    let mut stamp = None;
    let mut stamp_at = None;
    let head = head_end(&lines);
    let search_to = lines.len().min(HEAD_LINES.max(head + 2));
    for i in 0..search_to {
        if lines[i].caption {
            continue;
        }
        if let Some(h) = dates::find_header(&lines[i].text)
            && (i <= head || h.is_whole_line(&lines[i].text))
        {
            stamp = Some(h.stamp);
            if h.is_whole_line(&lines[i].text) {
                lines.remove(i);
                stamp_at = Some(i);
            } else {
                let rest = lines[i].text[h.rest..].to_string();
                lines[i].text = rest;
                stamp_at = Some(i + 1);
            }
            break;
        }
    }
    if stamp.is_none() {
        let from = lines.len().saturating_sub(3);
        if let Some(i) = (from..lines.len()).rev().find(|&i| {
            dates::find_header(&lines[i].text).is_some_and(|h| h.is_whole_line(&lines[i].text))
        }) {
            stamp = dates::find_header(&lines[i].text).map(|h| h.stamp);
            lines.remove(i);
        }
    }

    // The title: next to the date header (titles come right before it,
    // or right after a banner), else the first title-like line of the
    // head.
    let head = head_end(&lines);
    let candidate = |i: usize, min_words: usize| {
        i < head
            && !lines[i].caption
            && is_title_like(&lines[i].text)
            && words(&lines[i].text) >= min_words
    };
    let before = stamp_at.and_then(|d| d.checked_sub(1));
    let title_at = before
        .filter(|&b| candidate(b, 4))
        .or_else(|| stamp_at.filter(|&a| candidate(a, 4)))
        .or_else(|| (0..head).find(|&i| candidate(i, 4)))
        .or_else(|| before.filter(|&b| candidate(b, 2)));
    let mut title = None;
    if let Some(t) = title_at {
        // What stands before the title is navigation, except photos.
        let mut i = 0;
        let mut t = t;
        while i < t {
            if lines[i].caption {
                i += 1;
            } else {
                removed.push(lines.remove(i).text);
                t -= 1;
            }
        }
        let (clean, site) = split_site_name(&lines.remove(t).text);
        if source.is_none() {
            source = site;
        }
        title = Some(clean);
    }

    // The byline, and where the article came from, at the end.
    for _ in 0..3 {
        let Some(last) = lines.last() else { break };
        if last.caption {
            break;
        }
        if let Some(c) = SOURCE_LINE.captures(&last.text)
            && words(&last.text) <= 12
            && source.is_none()
        {
            source = c.get(1).map(|m| m.as_str().to_string());
            lines.pop();
            continue;
        }
        if author.is_none()
            && lines.len() > 1
            && let Some(names) = byline(&last.text)
        {
            author = Some(names);
            lines.pop();
            continue;
        }
        break;
    }

    // The lead may start with the site's signature: "TTO - ", "(Dân trí) - ".
    if let Some(lead) = lines.iter_mut().find(|l| !l.caption)
        && let Some((site, rest)) = site_signature(&lead.text)
    {
        source.get_or_insert_with(|| site.to_string());
        removed.push(lead.text[..rest].trim_end().to_string());
        lead.text = lead.text[rest..].to_string();
    }

    // The body, with captions and subheadings marked.
    let n = lines.len();
    let mut body = Vec::with_capacity(n);
    for (i, line) in lines.into_iter().enumerate() {
        let kind = if line.caption {
            ParagraphKind::Caption
        } else if i > 0 && i + 1 < n && is_subheading(&line.text) {
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
            (derive_title(&lead.text), TitleSource::Lead)
        }
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
        body,
        removed,
    })
}

/// A site's signature before the lead: "TTO - ", "(Dân trí) - ",
/// "(Chinhphu.vn) – ", "VOV.VN - ". The site, and where the lead starts.
fn site_signature(lead: &str) -> Option<(&str, usize)> {
    let c = SIGNATURE.captures(lead)?;
    let rest = c.get(0)?.end();
    if let Some(site) = c.get(1) {
        return (words(site.as_str()) <= 4).then_some((site.as_str(), rest));
    }
    let code = c.get(2)?.as_str();
    let lower = code.to_lowercase();
    let known = [
        "ttxvn", "vov", "vtv", "vna", "vtc", "tp", "qđnd", "cand", "antđ", "gdvn",
    ];
    let is_code = known.contains(&lower.as_str())
        || lower.ends_with(".vn")
        || lower.ends_with(".com")
        || (code.ends_with('O')
            && code.chars().count() >= 3
            && code.chars().all(char::is_uppercase));
    is_code.then_some((code, rest))
}

/// "Tiêu đề - Báo Bắc Ninh" → ("Tiêu đề", Some("Báo Bắc Ninh")): page
/// titles often end with the site's name.
fn split_site_name(title: &str) -> (String, Option<String>) {
    const SITE_WORDS: [&str; 9] = [
        "bao ",
        "cong thong tin",
        "tap chi",
        "dai ",
        ".vn",
        ".com",
        "online",
        "dien tu",
        "truyen hinh",
    ];
    for sep in [" | ", " - ", " – "] {
        if let Some(at) = title.rfind(sep) {
            let site = title[at + sep.len()..].trim();
            let f = format!("{} ", fold_str(site));
            if words(site) <= 6 && SITE_WORDS.iter().any(|w| f.starts_with(w) || f.contains(w)) {
                let rest = title[..at].trim();
                if words(rest) >= 2 {
                    return (rest.to_string(), Some(site.to_string()));
                }
            }
        }
    }
    (title.to_string(), None)
}

/// The first sentence of `text`: up to a full stop, question or
/// exclamation mark followed by a capital, not after an abbreviation
/// ("TP.", "Đ/c.", "ThS.").
fn first_sentence(text: &str) -> &str {
    // Only the start matters: a longer sentence is cut anyway.
    let cs: Vec<(usize, char)> = text.char_indices().take(TITLE_LIMIT + 3).collect();
    for (k, &(i, c)) in cs.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let next = cs.get(k + 1).map(|&(_, c)| c);
        let after = cs.get(k + 2).map(|&(_, c)| c);
        let ends = match next {
            None => i + c.len_utf8() == text.len(),
            Some(n) if n.is_whitespace() => {
                after.is_some_and(|a| a.is_uppercase() || matches!(a, '“' | '"'))
            }
            _ => false,
        };
        if !ends {
            continue;
        }
        let word = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
        let abbreviation = c == '.' && is_abbreviation(word);
        if !abbreviation {
            return &text[..i + c.len_utf8()];
        }
    }
    text
}

/// Words a cut title should not end on: they lead into what was cut
/// ("… quy hoạch tỉnh…", "… của…").
const WEAK_ENDINGS: &[&str] = &[
    "tinh", "huyen", "xa", "phuong", "quan", "thi", "thanh", "pho", "tran", "cua", "va", "voi",
    "tai", "o", "cho", "cac", "nhung", "la", "de", "theo", "ve", "tu", "den", "trong", "tren",
    "duoi", "so", "ngay", "thang", "nam", "mot", "co", "duoc", "bi", "do", "vi", "nhung", "ma",
    "thi", "neu", "khi", "se", "da", "dang", "vao", "ra", "nhu", "hon", "lan", "thu", "ong", "ba",
    "chi", "dong", "nay", "kia", "ay", "-", "–",
];

/// Where to cut `sentence` at a word boundary at or before byte `limit`
/// (and not before `floor`): not inside a name ("… tỉnh Quảng | Ninh")
/// and not after a word that leads into the rest.
fn word_cut(sentence: &str, limit: usize, floor: usize) -> usize {
    let mut cut = if sentence[limit..].starts_with(char::is_whitespace) {
        limit
    } else {
        match sentence[..limit].rfind(char::is_whitespace) {
            Some(c) => c,
            None => return limit,
        }
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    loop {
        let before = sentence[..cut].trim_end();
        // After the last white space, which may be wider than a byte
        // (U+1680, U+3000…).
        let Some(start) = before
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
        else {
            return cut;
        };
        let last = &before[start..];
        let next = sentence[cut..].split_whitespace().next().unwrap_or("");
        let inside_name = capitalised(last) && capitalised(next);
        let weak = WEAK_ENDINGS.contains(&fold_str(last).as_str());
        if !(inside_name || weak) || start <= floor {
            return cut;
        }
        cut = before[..start].trim_end().len();
    }
}

/// A word that a full stop abbreviates: "TP.", "Tp.", "ThS.", "Đ/c.",
/// "v.v.", initials.
fn is_abbreviation(word: &str) -> bool {
    const KNOWN: [&str; 12] = [
        "tp", "tx", "tt", "ths", "ts", "pgs", "gs", "bs", "ks", "ls", "nxb", "st",
    ];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    KNOWN.contains(&fold_str(word).as_str())
        || word.contains(['/', '.'])
        || (letters <= 4 && letters > 0 && word.chars().all(|c| c.is_uppercase()))
}

/// A title made from the lead: its first sentence, cut near
/// [`TITLE_LIMIT`] characters at a clause boundary or else a word
/// boundary, with "…" where it was cut.
pub fn derive_title(lead: &str) -> String {
    let sentence = first_sentence(lead).trim();
    if chars(sentence) <= TITLE_LIMIT {
        let t = sentence.trim_end_matches(['.', ' ']);
        return if t.is_empty() {
            sentence.to_string()
        } else {
            t.to_string()
        };
    }
    // Byte offset just past the TITLE_LIMIT-th character.
    let limit = sentence
        .char_indices()
        .nth(TITLE_LIMIT)
        .map_or(sentence.len(), |(i, _)| i);
    let window = &sentence[..limit];
    let half = sentence
        .char_indices()
        .nth(TITLE_LIMIT / 2)
        .map_or(0, |(i, _)| i);
    // A clause boundary in the second half of the window reads best;
    // else the last word boundary.
    let clause = window
        .match_indices([',', ';', ':'])
        .map(|(i, _)| i)
        .filter(|&i| i >= half && sentence[i + 1..].starts_with(char::is_whitespace))
        .max();
    let cut = match clause {
        Some(c) => c,
        None => word_cut(sentence, limit, half),
    };
    let mut t = sentence[..cut].trim_end().to_string();
    // Not inside a parenthesis or a quotation left open.
    for (open, close) in [('(', ')'), ('“', '”')] {
        if t.matches(open).count() > t.matches(close).count()
            && let Some(at) = t.rfind(open)
        {
            t.truncate(at);
        }
    }
    let t = t.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '(' | '“')
    });
    format!("{t}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kinds(s: &Structure) -> Vec<(ParagraphKind, &str)> {
        s.body.iter().map(|p| (p.kind, p.text.as_str())).collect()
    }

    fn analyzed(text: &str) -> Structure {
        analyze(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn title_date_banner_and_byline() {
        let s = analyzed(
            "Tin tức - sự kiện nổi bật\n\nĐưa Nghị quyết vào cuộc sống\n03/09/2020 | 08:17\n\n\
             Xác định việc tập trung tuyên truyền là một trong những nhiệm vụ trọng tâm, ngay sau khi Đại hội thành công tốt đẹp, Huyện uỷ đã thực hiện nhiều cách làm mới.\n\n\
             Khẩn trương tổ chức học tập\n\nNghị quyết Đại hội xác định nhiều mục tiêu.\n\nNgọc Lâm\n",
        );
        assert_eq!(s.title, "Đưa Nghị quyết vào cuộc sống");
        assert_eq!(s.title_source, TitleSource::Line);
        let stamp = s
            .stamp
            .map(|s| (s.date.to_string(), s.time.map(|t| t.to_string())));
        assert_eq!(stamp, Some(("2020-09-03".into(), Some("08:17:00".into()))));
        assert_eq!(s.author.as_deref(), Some("Ngọc Lâm"));
        assert_eq!(s.removed, ["Tin tức - sự kiện nổi bật"]);
        assert_eq!(
            kinds(&s)[1..],
            [
                (ParagraphKind::Subheading, "Khẩn trương tổ chức học tập"),
                (
                    ParagraphKind::Text,
                    "Nghị quyết Đại hội xác định nhiều mục tiêu."
                )
            ]
        );
    }

    #[test]
    fn date_before_title_after_a_banner() {
        let s = analyzed(
            "Thời sự\n\nThứ Hai, 8/5/2023, 15:58 (GMT+7)\n\nHà Nội mưa lớn nhiều tuyến phố ngập sâu\n\n\
             Mưa lớn từ chiều qua khiến nhiều tuyến phố nội thành ngập sâu, giao thông ùn tắc kéo dài đến tối, nhiều phương tiện chết máy giữa đường.\n",
        );
        assert_eq!(s.title, "Hà Nội mưa lớn nhiều tuyến phố ngập sâu");
        assert!(s.stamp.is_some());
        assert_eq!(s.body.len(), 1);
    }

    #[test]
    fn caption_first_then_a_derived_title() {
        let s = analyzed(
            "Một góc thị xã Từ Sơn hôm nay. (Ảnh: Trúc Lam).\n\n\
             Nghị quyết Đại hội Đảng bộ thị xã Từ Sơn lần thứ XVIII, nhiệm kỳ 2020 - 2025 xác định, tiếp tục phát huy đoàn kết, dân chủ, kỷ cương.\n\nTL",
        );
        assert_eq!(s.title_source, TitleSource::Lead);
        assert_eq!(
            s.title,
            "Nghị quyết Đại hội Đảng bộ thị xã Từ Sơn lần thứ XVIII, nhiệm kỳ 2020 - 2025 xác định…"
        );
        assert_eq!(s.body[0].kind, ParagraphKind::Caption);
        assert_eq!(s.author.as_deref(), Some("TL"));
    }

    #[test]
    fn tail_lists_and_counters_go() {
        let s = analyzed(
            "Thị ủy giao ban khối Đảng, đoàn thể Quý III/2017\n\n12/10/2017 08:56 Số lượt xem: 551\n\n\
             Sáng ngày 11/10, Thị ủy tổ chức hội nghị giao ban khối Đảng, đoàn thể quý III năm 2017 với sự tham dự của đại diện lãnh đạo các ban xây dựng Đảng, Mặt trận Tổ quốc và các đoàn thể.\n\n\
             Phản hồi\n\nCác tin khác\n\nMột tin khác ở đây\n\nMới nhất\n\nLiên kết website\n",
        );
        assert_eq!(s.title, "Thị ủy giao ban khối Đảng, đoàn thể Quý III/2017");
        assert_eq!(s.body.len(), 1);
        assert!(s.removed.contains(&"Số lượt xem: 551".to_string()));
        assert!(s.removed.contains(&"Một tin khác ở đây".to_string()));
        assert!(s.stamp.is_some());
    }

    #[test]
    fn captions() {
        for line in [
            "Một góc thị xã Từ Sơn hôm nay. (Ảnh: Trúc Lam).",
            "Bí thư Tỉnh ủy phát biểu chỉ đạo tại Đại hội. (Nguồn: Cổng thông tin điện tử tỉnh Bắc Ninh)",
            "Toàn cảnh hội nghị. Ảnh: Ngọc Lâm",
            "Ảnh minh hoạ",
            "Ảnh: Toàn cảnh hội nghị",
            "Đại biểu dự hội nghị (ảnh minh họa).",
        ] {
            assert!(is_caption(line), "{line:?}");
        }
        for line in [
            "Theo báo cáo (nguồn: Tổng cục Thống kê) kinh tế tăng trưởng 8% trong năm qua.",
            "Xác định việc tập trung tuyên truyền là nhiệm vụ trọng tâm.",
            "Hình ảnh: đẹp",
        ] {
            assert!(!is_caption(line), "{line:?}");
        }
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("Ngọc Lâm").as_deref(), Some("Ngọc Lâm"));
        assert_eq!(byline("TL").as_deref(), Some("TL"));
        assert_eq!(
            byline("Thu Thủy - Xuân Khương").as_deref(),
            Some("Thu Thủy - Xuân Khương")
        );
        assert_eq!(byline("Bài, ảnh: Minh Anh").as_deref(), Some("Minh Anh"));
        assert_eq!(byline("Tác giả: Hà Linh").as_deref(), Some("Hà Linh"));
        assert_eq!(
            byline("Thanh Hà (TTXVN)").as_deref(),
            Some("Thanh Hà (TTXVN)")
        );
        for not in [
            "Phản hồi",
            "Kinh tế tăng trưởng mạnh",
            "ước tăng 5,7% mỗi năm./.",
            "Năm 2020",
            "Một Hai Ba Bốn Năm Sáu Bảy Tám Chín",
        ] {
            assert_eq!(byline(not), None, "{not:?}");
        }
    }

    #[test]
    fn source_lines_at_the_end() {
        let s = analyzed(
            "Tiêu đề của một bài báo dài\n\nNội dung bài báo ở đây, đủ dài để là một đoạn văn bản thật sự của bài báo này với nhiều chữ.\n\nMinh Anh\n\nNguồn: Báo Bắc Ninh",
        );
        assert_eq!(s.source.as_deref(), Some("Báo Bắc Ninh"));
        assert_eq!(s.author.as_deref(), Some("Minh Anh"));
    }

    #[test]
    fn site_header_signature_and_labelled_author() {
        let s = analyzed(
            "Báo điện tử Hà Nội Mới\n\nTrang chủ / Tin tức / Xã hội\n\n\
             Huyện Gia Lâm hoàn thành kế hoạch nông thôn mới\n\nCập nhật lúc 08:17 ngày 03/09/2020\n\n\
             Tác giả: Minh Anh\n\n(HNM) - Năm 2020, huyện Gia Lâm đã hoàn thành 100% kế hoạch xây dựng nông thôn mới nâng cao, trong đó nhiều xã đạt chuẩn kiểu mẫu.\n\n\
             Video đã đạt 1.000 lượt xem trên mạng xã hội chỉ sau một ngày đăng tải.\n\nBình luận (0)\n",
        );
        assert_eq!(s.title, "Huyện Gia Lâm hoàn thành kế hoạch nông thôn mới");
        assert_eq!(s.source.as_deref(), Some("Báo điện tử Hà Nội Mới"));
        assert_eq!(s.author.as_deref(), Some("Minh Anh"));
        assert!(
            s.body[0].text.starts_with("Năm 2020, huyện Gia Lâm"),
            "{:?}",
            s.body[0]
        );
        assert_eq!(
            s.body[1].text,
            "Video đã đạt 1.000 lượt xem trên mạng xã hội chỉ sau một ngày đăng tải."
        );
        assert_eq!(s.body.len(), 2);
        assert!(
            s.removed
                .contains(&"Trang chủ / Tin tức / Xã hội".to_string())
        );
    }

    #[test]
    fn signatures_before_the_lead() {
        assert_eq!(site_signature("TTO - Chiều 3-9, công an"), Some(("TTO", 6)));
        assert_eq!(
            site_signature("(Dân trí) - Sáng 1/9").map(|s| s.0),
            Some("Dân trí")
        );
        assert_eq!(
            site_signature("VOV.VN - Sáng nay").map(|s| s.0),
            Some("VOV.VN")
        );
        // A place dateline stays: it names the place.
        assert_eq!(site_signature("HUẾ - Sáng nay"), None);
        assert_eq!(site_signature("Kinh tế - xã hội phát triển"), None);
    }

    #[test]
    fn menus_before_the_title() {
        let s = analyzed(
            "Trang chủ\nThời sự\nPháp luật\nGiáo dục\nSức khỏe\n\
             Xe tải lật nhào trên quốc lộ 1A qua huyện Phú Xuyên\n08/09/2023 07:45\n\
             Sáng 8/9, một xe tải chở hàng đã bị lật trên quốc lộ 1A khiến giao thông ùn tắc nhiều giờ liền.\n",
        );
        assert_eq!(
            s.title,
            "Xe tải lật nhào trên quốc lộ 1A qua huyện Phú Xuyên"
        );
        assert_eq!(s.body.len(), 1);
        assert_eq!(s.removed.len(), 5);
    }

    #[test]
    fn site_name_after_the_title() {
        assert_eq!(
            split_site_name("Hà Nội mưa lớn - Báo Hà Nội Mới"),
            (
                "Hà Nội mưa lớn".to_string(),
                Some("Báo Hà Nội Mới".to_string())
            )
        );
        assert_eq!(
            split_site_name("Kinh tế - xã hội phát triển"),
            ("Kinh tế - xã hội phát triển".to_string(), None)
        );
    }

    #[test]
    fn broken_lines_are_joined() {
        let s = analyzed(
            "Một tiêu đề đủ dài cho bài\n\nĐồng chí Bí thư phát biểu trong buổi làm việc với huyện\n\nyêu cầu huyện phải có nhiều đột phá\n\nĐoạn kết thúc bài báo với nhiều chữ.",
        );
        assert_eq!(
            s.body[0].text,
            "Đồng chí Bí thư phát biểu trong buổi làm việc với huyện yêu cầu huyện phải có nhiều đột phá"
        );
    }

    #[test]
    fn derived_titles_cut_near_the_limit() {
        let lead = "Trong 2 ngày 17-18/8, Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh, Đảng bộ phường Từ Sơn (tỉnh Bắc Ninh) tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030.";
        assert_eq!(
            derive_title(lead),
            "Trong 2 ngày 17-18/8, Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh…"
        );
        assert_eq!(derive_title("Một câu ngắn. Câu thứ hai."), "Một câu ngắn");
        assert_eq!(
            derive_title(
                "Thủ tướng Chính phủ vừa ký Quyết định số 1234/QĐ-TTg ngày 15/10/2023 phê duyệt quy hoạch tỉnh Quảng Ninh thời kỳ 2021-2030."
            ),
            // Not "… tỉnh Quảng…", nor "… tỉnh…".
            "Thủ tướng Chính phủ vừa ký Quyết định số 1234/QĐ-TTg ngày 15/10/2023 phê duyệt quy hoạch…"
        );
        assert_eq!(
            derive_title("TP. Hồ Chí Minh đón khách. Sau đó"),
            "TP. Hồ Chí Minh đón khách"
        );
        let words = "chữ ".repeat(60);
        let t = derive_title(&words);
        assert!(
            t.ends_with('…') && t.chars().count() <= TITLE_LIMIT + 1,
            "{t}"
        );
        assert!(!t.contains("  "));
    }

    #[test]
    fn nothing_but_chrome_is_no_article() {
        assert_eq!(
            analyze("Phản hồi\n\nCác tin khác\n"),
            Err(StructureError::NoText)
        );
        assert_eq!(analyze("  \n\n\u{a0}\n"), Err(StructureError::NoText));
        assert_eq!(analyze("Ảnh: Ngọc Lâm"), Err(StructureError::NoText));
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}") {
            let _ = analyze(&text);
        }

        #[test]
        fn derived_titles_stay_short(text in "[a-zà-ỹ ,.]{0,400}") {
            let t = derive_title(&text);
            prop_assert!(t.chars().count() <= TITLE_LIMIT + 1);
        }
    }
}
