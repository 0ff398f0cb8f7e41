//! Who wrote the article and where it came from: the byline, an author
//! label, the site's name in the head and a source line at the end.

use std::sync::LazyLock;

use regex::Regex;

use super::chrome::{is_chrome, is_site_name};
use super::line::{chars, re, words};
use super::page::Page;
use super::signature::site_signature;
use crate::text::fold_str;

/// A byline is at most this long.
const BYLINE_MAX_CHARS: usize = 60;
const BYLINE_MAX_NAMES: usize = 8;

/// "Nguồn: …", "Theo …", "(Theo …)": where the article came from.
static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\(?\s*(?:nguồn(?:\s+tin)?|theo|source)\s*:?\s+(.+?)\s*\)?\.?$"));
/// An explicit author label: "Tác giả: …", "Bài và ảnh: …".
static AUTHOR_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:tác giả(?: bài viết)?|người viết|phóng viên|bài và ảnh|bài, ảnh|nhóm phóng viên|nhóm thực hiện|thực hiện)\s*:",
    )
});
/// "Bài và ảnh:", "Tác giả:", "PV:" before the names in a byline.
static BYLINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:bài|tin|ảnh|bài viết|video)(?:\s*(?:,|và|\+|&)\s*(?:ảnh|video|clip))?\s*:|tác giả(?:\s+bài\s+viết)?\s*:?|người viết\s*:?|phóng viên\s*:|pv\s*:|ctv\s*:?|nhóm pv\s*:?|tổng hợp\s*:|(?:ths|ts|pgs\.\s*ts)\.)\s*",
    )
});

/// A byline: a short line of names ("Ngọc Lâm", "TL", "Thu Thủy - Xuân
/// Khương", "Bài, ảnh: Minh Anh"). Returns the names.
pub(super) fn byline(line: &str) -> Option<String> {
    let stripped = BYLINE_PREFIX.replace(line.trim(), "");
    // "Đ.ĐẠO - H.QUÂN |": a bar before the buttons that followed.
    let mut names = stripped.trim_matches(|c: char| c.is_whitespace() || c == '|');
    if let Some(inner) = names.strip_prefix('(').and_then(|n| n.strip_suffix(')')) {
        names = inner.trim();
    }
    // "Trang Diễm/ Trung tâm VH-TT&TT", "Tân Nguyên/VTC News": the writer,
    // then the office or paper.
    if let Some((writer, office)) = names.split_once('/')
        && !writer.trim().is_empty()
        && !office.trim().is_empty()
    {
        names = writer.trim();
    }
    // Badges and buttons shaped like names ("Mới", "Nóng", "Sign in"), and
    // "PV", which says a reporter wrote it, not who.
    // And, on a page cut off after a paragraph's first word, words that
    // open a sentence: "Tại", "Theo", "Sau".
    const NOT_NAMES: [&str; 21] = [
        "mới", "nóng", "gốc", "hot", "sign", "in", "pv", "p.v", "pm", "tại", "theo", "sau",
        "trong", "với", "các", "những", "khi", "từ", "về", "để", "đến",
    ];
    let lower = names.to_lowercase();
    let mut parts = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '|' | ','))
        .filter(|w| !w.is_empty())
        .peekable();
    if parts.peek().is_some() && parts.all(|w| NOT_NAMES.contains(&w)) {
        return None;
    }
    if names.is_empty() || chars(names) > BYLINE_MAX_CHARS || is_chrome(names) {
        return None;
    }
    // A note after the names, "Thanh Hà (TTXVN)", "Minh Châu (t/h)", is
    // kept but not checked.
    // A page cut off inside the note leaves it open ("Văn Đức (T"): the
    // names are kept without it.
    if let Some(open) = names.rfind('(')
        && open > 0
        && !names[open..].contains(')')
    {
        names = names[..open].trim_end();
    }
    let checked = match names.rfind('(') {
        Some(open) if names.ends_with(')') && open > 0 => names[..open].trim_end(),
        _ => names,
    };
    // "PV (Báo Bạc Liêu)": a reporter of the paper, no one named.
    if NOT_NAMES.contains(&checked.to_lowercase().as_str()) {
        return None;
    }
    // "Huyện Quỳnh Lưu", "UBND xã": a unit or its office, not a writer.
    // With their marks: "Quân", "Tịnh" are given names.
    // And offices: "Văn Phòng HĐND-UBND", "Trung tâm VH-TT".
    const UNIT_WORDS: [&str; 12] = [
        "văn phòng ",
        "trung tâm ",
        "sở ",
        "huyện ",
        "xã ",
        "phường ",
        "tỉnh ",
        "quận ",
        "thành phố ",
        "thị xã ",
        "thị trấn ",
        "ubnd ",
    ];
    let lower = format!("{} ", checked.to_lowercase());
    if UNIT_WORDS.iter().any(|w| lower.starts_with(w)) {
        return None;
    }
    let mut count = 0;
    for word in
        checked.split(|c: char| c.is_whitespace() || matches!(c, ',' | '&' | '/' | '-' | '–'))
    {
        if word.is_empty() || matches!(word, "-" | "–" | "và" | "+") {
            continue;
        }
        // "Nguyệt", "TL", and initials run into a name: "Đ.Nguyệt".
        let shaped = |part: &str| {
            let mut cs = part.chars();
            let first_upper = cs.next().is_some_and(char::is_uppercase);
            let rest: Vec<char> = cs.collect();
            first_upper
                && (rest.iter().all(|c| c.is_lowercase()) || rest.iter().all(|c| c.is_uppercase()))
        };
        let parts = word.split('.').filter(|p| !p.is_empty());
        if !parts.clone().all(shaped)
            || parts.count() == 0
            || word.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        count += 1;
    }
    // A page cut off mid-word leaves a letter alone on its last line.
    let one_letter = names.chars().count() == 1;
    if count == 1 && is_office_code(checked) {
        return None;
    }
    ((1..=BYLINE_MAX_NAMES).contains(&count) && !one_letter).then(|| names.to_string())
}

/// "Đ.ĐẠO - H.QUÂN": writers' initials, as bylines in capitals give them.
pub(super) fn has_initials(line: &str) -> bool {
    line.split_whitespace().any(|w| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase)
            && c.next() == Some('.')
            && c.next().is_some_and(char::is_uppercase)
    })
}

/// Whether the page names `name` as a unit ("huyện Gio Linh"): under a
/// headline, "Gio Linh" is then the place the story is from, not a writer.
pub(super) fn named_as_place(page: &Page, name: &str) -> bool {
    const TYPES: [&str; 8] = [
        "tinh",
        "thanh pho",
        "quan",
        "huyen",
        "thi xa",
        "xa",
        "phuong",
        "thi tran",
    ];
    let name = fold_str(name.trim());
    if name.is_empty() {
        return false;
    }
    let typed: Vec<String> = TYPES.iter().map(|t| format!("{t} {name}")).collect();
    page.lines.iter().any(|l| {
        let text = fold_str(&l.text);
        typed.iter().any(|t| text.contains(t.as_str()))
    })
}

/// "GLO", "HYTV", "VHXH": a site's, a station's or an office's code
/// signing the article, not a writer's initials.
fn is_office_code(word: &str) -> bool {
    const OFFICES: [&str; 4] = ["VHXH", "TĐKT", "VHTT", "TTTT"];
    let letters = word.chars().count();
    word.chars().all(char::is_uppercase)
        && (letters >= 3 && (word.ends_with('O') || word.ends_with("TV"))
            || OFFICES.contains(&word))
}

/// The names after an author label ("Tác giả: Chánh văn phòng"): the
/// label says what they are, whatever their shape.
pub(super) fn labelled_author(line: &str) -> Option<String> {
    const OFFICES: [&str; 6] = ["van phong", "ubnd", "phong ", "trung tam", "ban ", "uy ban"];
    let label = AUTHOR_LABEL.find(line.trim())?;
    let mut names = line.trim()[label.end()..].trim();
    // "Ngọc Hiển – Văn phòng HĐND-UBND xã": the writer, then the office.
    if let Some((writer, office)) = names.split_once(" – ").or_else(|| names.split_once(" - "))
        && OFFICES.iter().any(|o| fold_str(office).starts_with(o))
    {
        names = writer.trim();
    }
    // "Người đăng: admin": the site's account, no one's name.
    let account = ["admin", "administrator", "quản trị"].contains(&names.to_lowercase().as_str());
    (!names.is_empty() && !account && chars(names) <= BYLINE_MAX_CHARS).then(|| names.to_string())
}

/// Pass: the site's name and a labelled byline ("Tác giả: …") in the head.
pub(super) fn take_head_labels(page: &mut Page) {
    let mut i = 0;
    while i < page.head_end() {
        let text = &page.lines[i].text;
        if is_site_name(text) {
            let line = page.lines.remove(i).text;
            page.source.get_or_insert_with(|| line.clone());
            page.site_lines.push(line.clone());
            page.removed.push(line);
        } else if page.author.is_none()
            && AUTHOR_LABEL.is_match(text)
            && let Some(names) = byline(text)
        {
            page.author = Some(names);
            page.lines.remove(i);
        } else {
            i += 1;
        }
    }
}

/// "… trị giá 20 triệu đồng. Thanh Dũng": the byline set to the right of
/// the last sentence, saved on its line. The sentence and the names.
fn glued_byline(line: &str) -> Option<(&str, String)> {
    const MIN_WORDS: usize = 2;
    const MAX_WORDS: usize = 4;
    let cut = line.trim_end().rfind(". ")? + 1;
    let (text, tail) = line.split_at(cut);
    let tail = tail.trim();
    let n = words(tail);
    let capitalised = tail
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    // "… đồng. Ông Nguyễn": a sentence cut off, not a writer.
    let folded_tail = fold_str(tail);
    let opens_sentence = ["ong ", "ba ", "anh ", "chi ", "theo ", "tai ", "ngay "]
        .iter()
        .any(|w| folded_tail.starts_with(w));
    ((MIN_WORDS..=MAX_WORDS).contains(&n)
        && capitalised
        && !opens_sentence
        && !tail.ends_with(['.', ':', ','])
        && words(text) >= 10)
        .then(|| byline(tail).map(|names| (text, names)))?
}

/// An office's name under the byline is this short.
const OFFICE_MAX_WORDS: usize = 6;

/// A paragraph repeated is this long at least: shorter lines may repeat
/// by chance.
const REPEAT_MIN_WORDS: usize = 12;

/// Whether the last line ends with a whole earlier paragraph.
fn repeats_earlier_line(page: &Page) -> bool {
    let Some((last, before)) = page.lines.split_last() else {
        return false;
    };
    let tail = last.text.trim();
    // The lead may keep a signature the summary gives otherwise
    // ("CTTĐT - …" against "Cổng thông tin điện tử tỉnh - …").
    before.iter().any(|l| {
        let text = l.text.trim();
        let unsigned = site_signature(text).map_or(text, |(_, rest)| &text[rest..]);
        words(unsigned) >= REPEAT_MIN_WORDS && tail.ends_with(unsigned)
    })
}

/// Pass: the byline, and where the article came from, at the end.
pub(super) fn take_byline_and_source(page: &mut Page) {
    for _ in 0..3 {
        let Some(last) = page.lines.last() else {
            break;
        };
        if last.caption {
            break;
        }
        // What a page cut off mid-word leaves: "Ấ".
        if chars(last.text.trim()) == 1 && page.lines.len() > 1 {
            if let Some(cut) = page.lines.pop() {
                page.removed.push(cut.text);
            }
            continue;
        }
        // "Cổng thông tin điện tử tỉnh - <the lead again>": the page's
        // summary for sharing, printed under the byline.
        if repeats_earlier_line(page) {
            if let Some(again) = page.lines.pop() {
                page.removed.push(again.text);
            }
            continue;
        }
        // "VP UBND tỉnh" under the byline: the office that posted it.
        let office = fold_str(&last.text);
        if words(&last.text) <= OFFICE_MAX_WORDS
            && (office.starts_with("vp ubnd") || office.starts_with("van phong ubnd"))
            && page.source.is_none()
        {
            page.source = Some(last.text.clone());
            page.lines.pop();
            continue;
        }
        // "Xã Xuân Hưng Tỉnh Ninh Bình" under the byline: the portal's
        // letterhead repeated in its footer.
        if super::widgets::is_unit_chain(&last.text) && page.lines.len() > 1 {
            if let Some(footer) = page.lines.pop() {
                page.removed.push(footer.text);
            }
            continue;
        }
        // "Theo ghi nhận, không …" (a page cut mid-sentence) is a clause:
        // a source's parts are names ("Theo Minh Anh, Báo Lào Cai").
        let clause = |source: &str| {
            source
                .split(", ")
                .skip(1)
                .any(|part| part.starts_with(char::is_lowercase))
        };
        if let Some(c) = SOURCE_LINE.captures(&last.text)
            && words(&last.text) <= 12
            && page.source.is_none()
            && !c.get(1).is_some_and(|m| clause(m.as_str()))
        {
            let source = c.get(1).map_or("", |m| m.as_str());
            // "Theo Hoài Nhơn/huongson.hatinh.gov.vn": the writer, then
            // the site the article was taken from.
            match source.split_once('/') {
                Some((name, site)) if site.contains('.') && byline(name).is_some() => {
                    page.author.get_or_insert_with(|| name.trim().to_string());
                    page.source = Some(site.trim().to_string());
                }
                _ => page.source = Some(source.to_string()),
            }
            page.lines.pop();
            continue;
        }
        if page.author.is_none()
            && page.lines.len() > 1
            && let Some(names) = labelled_author(&last.text).or_else(|| byline(&last.text))
        {
            page.author = Some(names);
            page.lines.pop();
            continue;
        }
        if page.author.is_none()
            && let Some((text, names)) = glued_byline(&last.text)
        {
            let text = text.to_string();
            page.author = Some(names);
            if let Some(last) = page.lines.last_mut() {
                last.text = text;
            }
        }
        break;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_author_without_the_office_after_it() {
        assert_eq!(
            labelled_author("Thực hiện: Ngọc Hiển – Văn phòng HĐND-UBND xã").as_deref(),
            Some("Ngọc Hiển")
        );
        assert_eq!(
            labelled_author("Tác giả: Minh Anh - Thu Hà").as_deref(),
            Some("Minh Anh - Thu Hà")
        );
        assert_eq!(labelled_author("Người đăng: admin"), None);
    }
}
