//! Pages saved as HTML rather than as text: their text is laid out as a
//! browser would show it, a line per block, so the same reading of menus,
//! headlines and dates applies; the publication time a page declares in
//! its metadata opens the text as a scraped header does.

use std::sync::LazyLock;

use html2text::render::TrivialDecorator;
use jiff::{Timestamp, tz::TimeZone};
use regex::Regex;

/// Lines are never wrapped: a paragraph stays one line.
const NO_WRAP: usize = 1 << 20;

/// How far into the text the opening of an HTML document is looked for.
const SNIFF_BYTES: usize = 4096;

/// `<meta property="article:published_time" content="…">`, attributes in
/// either order, and the other names sites give it.
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    const NAMES: &str = "article:published_time|og:published_time|pubdate|publishdate|datepublished|dc\\.date\\.issued";
    // The name and the content come in either order inside the tag.
    let name = format!(r#"(?:property|name|itemprop)\s*=\s*["']?(?:{NAMES})["']?"#);
    let content = r#"content\s*=\s*["']([^"'<>]{8,40})["']"#;
    Regex::new(&format!(
        r"(?is)<meta\b[^>]*?(?:{name}[^>]*?{content}|{content}[^>]*?{name})"
    ))
    .expect("the metadata pattern is valid")
});

/// An image: its alt text is a file's name or the caption again.
static IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<img\b[^>]*>").expect("the image pattern is valid"));

/// Whether `text` is an HTML document rather than a page's text.
pub(super) fn is_html(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !start.starts_with('<') {
        return false;
    }
    let mut end = start.len().min(SNIFF_BYTES);
    while !start.is_char_boundary(end) {
        end -= 1;
    }
    let head = start[..end].to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body")
        || head.contains("<head")
}

/// The page's text, a line per block, after the publication time it
/// declares ("date 2024-06-10T08:15:00+07:00"), read in Vietnam's time.
pub(super) fn to_text(html: &str) -> String {
    // Laying out blocks nested thousands deep takes time that grows with
    // the square of the depth; no real page nests so deep, and its words
    // are still read.
    if nesting_depth(html) > MAX_DEPTH {
        return strip_tags(html);
    }
    let body = html2text::config::with_decorator(TrivialDecorator::new())
        .raw_mode(true)
        .allow_width_overflow()
        .no_link_wrapping()
        .string_from_read(IMAGE.replace_all(html, "").as_bytes(), NO_WRAP)
        // A document html5ever cannot lay out still has its words.
        .unwrap_or_else(|_| strip_tags(html));
    match published(html) {
        Some(stamp) => format!("date {stamp}\n{body}"),
        None => body,
    }
}

/// How deep a page's elements may nest to be laid out.
const MAX_DEPTH: usize = 256;

/// How deep the page's tags nest, read from the tags alone: each opening
/// tag one level down, each closing tag one up; tags that never close
/// (`<br>`, `<img>`, `<p>` left open…) count as they are written, which
/// only ever overstates the depth.
fn nesting_depth(html: &str) -> usize {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let bytes = html.as_bytes();
    for at in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name_len = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = String::from_utf8_lossy(&rest[..name_len]).to_ascii_lowercase();
        if !VOID.contains(&name.as_str()) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The publication time in the page's metadata, in UTC+7.
fn published(html: &str) -> Option<String> {
    let caps = PUBLISHED.captures(html)?;
    let value = caps.get(1).or_else(|| caps.get(2))?.as_str().trim();
    if let Ok(ts) = value.parse::<Timestamp>() {
        let local = ts.to_zoned(TimeZone::fixed(jiff::tz::offset(7)));
        return Some(local.strftime("%Y-%m-%dT%H:%M:%S").to_string());
    }
    // A time without an offset is the site's, in Vietnam; a bare day too.
    let day = value.get(..10)?;
    day.parse::<jiff::civil::Date>().ok()?;
    let time = value
        .get(11..16)
        .filter(|t| t.parse::<jiff::civil::Time>().is_ok());
    Some(match time {
        Some(t) => format!("{day}T{t}"),
        None => day.to_string(),
    })
}

/// The text between tags, a line per tag: what is left when the page
/// cannot be laid out.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push('\n');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_told_from_text() {
        assert!(is_html("<!DOCTYPE html><html><body>x</body></html>"));
        assert!(is_html("\u{feff}\n  <html lang=\"vi\">"));
        assert!(is_html("<meta charset=utf-8><body><p>x"));
        assert!(!is_html("Nông dân thu hoạch vải <b>sớm</b>"));
        assert!(!is_html("<Tin nóng> Lũ ở Yên Bái"));
        assert!(!is_html(""));
    }

    #[test]
    fn blocks_are_lines_and_scripts_are_gone() {
        let text = to_text(
            "<html><head><title>Tin - Báo X</title><script>var a = 1;</script>\
             <style>p{color:red}</style></head><body><nav><a href=/>Trang chủ</a> \
             <a href=/kt>Kinh tế</a></nav><h1>Nông dân Lục Nam thu hoạch vải</h1>\
             <p>Những ngày này, nông dân <b>xã Nghĩa Phương</b> tất bật &amp; vui.</p>\
             <p>Giá vải ổn định.</p></body></html>",
        );
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert!(
            lines.contains(&"Nông dân Lục Nam thu hoạch vải"),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"Những ngày này, nông dân xã Nghĩa Phương tất bật & vui."),
            "{lines:?}"
        );
        assert!(lines.contains(&"Giá vải ổn định."), "{lines:?}");
        assert!(
            !text.contains("var a") && !text.contains("color:red"),
            "{text}"
        );
    }

    #[test]
    fn the_declared_publication_time_opens_the_text_in_vietnam_time() {
        let page = |meta: &str| {
            to_text(&format!(
                "<html><head>{meta}</head><body><p>x</p></body></html>"
            ))
        };
        assert!(
            page(r#"<meta property="article:published_time" content="2024-06-10T01:15:00Z">"#)
                .starts_with("date 2024-06-10T08:15:00\n")
        );
        assert!(
            page(r#"<meta content="2024-06-09T20:30:00+00:00" itemprop="datePublished">"#)
                .starts_with("date 2024-06-10T03:30:00\n")
        );
        assert!(
            page(r#"<meta name="pubdate" content="2019-07-27 11:43:00">"#)
                .starts_with("date 2019-07-27T11:43\n")
        );
        assert!(!page(r#"<meta name="pubdate" content="hôm qua lúc 9 giờ">"#).starts_with("date"));
        assert!(!page("").starts_with("date"));
    }

    #[test]
    fn pages_nested_too_deep_are_read_without_their_layout() {
        let deep = format!(
            "<html><body>{}Lũ ở Yên Bái{}</body></html>",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        assert!(nesting_depth(&deep) > MAX_DEPTH);
        assert!(to_text(&deep).contains("Lũ ở Yên Bái"));
        let page = "<html><body><p>A<br><img src=x><p>B</p></p></body></html>";
        assert_eq!(nesting_depth(page), 4);
    }

    #[test]
    fn broken_markup_keeps_its_words() {
        assert!(to_text("<html><body><p>Lũ ở <b>Yên Bái").contains("Lũ ở Yên Bái"));
        assert!(to_text("<html><body></html></body><p>Còn chữ").contains("Còn chữ"));
        // As a browser shows it: brackets that open no tag are text.
        assert_eq!(to_text("<html><<<>>>").trim(), "<<<>>>");
    }
}
