//! The title: a title line of the head, or one derived from the lead.

use std::sync::LazyLock;

use regex::Regex;

use super::byline::byline;
use super::derived_title::first_sentence;
use super::headline_check;
use super::line::{
    BULLETS, chars, cut_short, ends_sentence, is_document_heading, is_long, key,
    printed_twice_on_one_line, re, starts_upper, words,
};
use super::page::{HEAD_LINES, Page};
use crate::text::fold_str;

/// A title line is at most this long.
const TITLE_MAX_CHARS: usize = 250;
/// A portal's headline written as a sentence may run this long.
const SENTENCE_HEADLINE_MAX_WORDS: usize = 50;
/// A kicker over the title is at most this long.
const KICKER_MAX_WORDS: usize = 12;
/// Fewer words than this may be a category label or a byline.
const FULL_TITLE_WORDS: usize = 6;
/// A sentence of this many words before the headline is the article's.
const SUMMARY_MIN_WORDS: usize = 15;
/// A line this long under the date is the sapo, not the headline ...
const SAPO_MIN_WORDS: usize = 20;
/// ... and the headline over the date may be this short.
const SHORT_TITLE_WORDS: usize = 5;
/// A category's name over a headline is at most this long.
const LABEL_MAX_WORDS: usize = 8;
/// A headline printed again in capitals is recognised from this many
/// words.
const PRINTED_AGAIN_MIN_WORDS: usize = 4;
/// A line printed twice in the head is the title from this many words:
/// a site's or section's name may be printed twice too.
const REPEATED_MIN_WORDS: usize = 5;

/// Labels a title line may open with.
const TITLE_LABELS: [&str; 4] = ["Tiêu đề:", "Tên sách:", "Chủ đề:", "Tên bài:"];

/// A line that can be the title: short, no full stop, a capital first.
fn is_title_like(line: &str) -> bool {
    // "Khắc Kiên/VOV Tây Bắc Khắc Kiên/VOV Tây Bắc": a link's text and
    // its title; a headline is not printed twice on one line.
    if printed_twice_on_one_line(line, 4)
        || super::chrome::is_contact_line(line)
        || headline_check::opens_with_when(line) == Some(true)
    {
        return false;
    }
    // "(Blog này lưu lại …)": a note in parentheses, never a headline.
    let trimmed = line.trim();
    if trimmed.starts_with('(') && trimmed.ends_with(')') {
        return false;
    }
    if is_document_heading(line) {
        return true;
    }
    let n = chars(line);
    let w = words(line);
    let shaped = (10..=TITLE_MAX_CHARS).contains(&n) && (2..=40).contains(&w) && starts_upper(line);
    let end = line.trim_end();
    shaped && !end.ends_with(['.', ':', ';', ',', '-'])
        // A headline in capitals may end with its full stop.
        || shaped && end.ends_with('.') && !end.ends_with("..") && !line.chars().any(char::is_lowercase)
        || end.ends_with("...") && n <= TITLE_MAX_CHARS && w >= 2 && starts_upper(line)
}

/// A line printed twice, the second time right under the first: the
/// headline, then the same words as the article's heading, even when
/// they end with a full stop.
fn printed_twice(lines: &[super::page::Line], i: usize, head: usize) -> bool {
    let text = &lines[i].text;
    let w = words(text);
    i + 1 < head
        && !lines[i].caption
        && lines[i + 1].text == *text
        && (REPEATED_MIN_WORDS..=40).contains(&w)
        && chars(text) <= TITLE_MAX_CHARS
        && starts_upper(text)
}

/// Pass: the title, next to the date header (titles come right before
/// it, or right after a banner), else the first title-like line of the
/// head. What stands before the title is navigation, except photos.
pub(super) fn take_title_line(page: &mut Page) {
    // A digest's heading stands over its first item's headline.
    let chosen = title_line(page).map(|t| {
        if is_review_heading(&page.lines[t].text) {
            t
        } else {
            headline_check::checked(page, t, is_title_like)
        }
    });
    let Some(mut t) = chosen.map(|t| fuller_print(page, t)) else {
        return;
    };
    // "Vùng ven biển tỉnh Bến Tre:" over the title: the headline's kicker.
    let kicker = t
        .checked_sub(1)
        .map(|k| &page.lines[k])
        .filter(|l| !l.caption && l.text.ends_with(':') && words(&l.text) <= KICKER_MAX_WORDS)
        .map(|l| l.text.clone());
    let mut i = 0;
    while i < t {
        // A sentence over the headline is the article's summary, scraped
        // out of its place; navigation has no sentences that long, but
        // other stories' headlines may ask or exclaim ("… nói gì khi …?").
        let text = page.lines[i].text.trim_end_matches(['"', '”', ')', ' ']);
        let summary = words(text) >= SUMMARY_MIN_WORDS && text.ends_with(['.', '…']);
        if page.lines[i].caption || summary {
            i += 1;
        } else {
            page.removed.push(page.lines.remove(i).text);
            t -= 1;
        }
    }
    page.kicker = kicker;
    let line = page.lines.remove(t).text;
    // Pages print the title twice: the page's heading and the article's,
    // which may be in capitals and without the series' number.
    let head = page.head_end();
    let title_key = key(&line);
    let again_at = |text: &str| {
        text == line
            || words(text) >= PRINTED_AGAIN_MIN_WORDS
                && !text.chars().any(char::is_lowercase)
                && title_key.starts_with(&key(text))
    };
    if let Some(again) = (t..head).find(|&i| again_at(&page.lines[i].text)) {
        page.removed.push(page.lines.remove(again).text);
    }
    take_labels_under_title(page, t);
    // "Tập trung … tốt đẹp \"*\"": a marker the site prints after some titles.
    // "• Giải quyết …": a bullet before the headline.
    let line = line
        .trim_start_matches(BULLETS)
        .trim()
        .trim_end_matches("\"*\"")
        .trim_end_matches("(*)")
        .trim_end()
        // "… năm 2020 Tin có hình": the portal's mark of a news item
        // with a photo.
        .trim_end_matches("Tin có hình")
        // "… năm 2022 In trang": the print link.
        .trim_end_matches(" In trang")
        // "Phường Cống Vị | ||": a page title's empty separators.
        .trim_end_matches(['|', ' '])
        .to_string();
    // "… vượt khóĐức Huệ trao … vượt khó": the headline printed twice.
    let line = printed_twice_glued(&line)
        .or_else(|| tail_again_in_capitals(&line))
        .unwrap_or(&line)
        .to_string();
    // "Tên sách: …", "Tiêu đề: …": a forum's or a catalogue's label.
    let line = TITLE_LABELS
        .iter()
        .find_map(|l| line.strip_prefix(l))
        .map_or(line.as_str(), str::trim_start)
        .to_string();
    let (clean, site) = split_site_name(&line);
    // "(TTV) Hy vọng mới từ …": the station's tag before the headline.
    let tagged = STATION_TAG.captures(&clean).and_then(|c| {
        let rest = &clean[c.get(0)?.end()..];
        (rest.starts_with(char::is_uppercase) && words(rest) >= 4)
            .then(|| (rest.to_string(), c.get(1).map(|m| m.as_str().to_string())))
    });
    let (clean, tag) = tagged.unwrap_or((clean, None));
    if page.source.is_none() {
        page.source = site.or(tag);
    }
    page.title = Some(clean);
}

/// An agency's or station's tag in capitals opening a headline.
static STATION_TAG: LazyLock<Regex> = LazyLock::new(|| re(r"^\(([\p{Lu}.]{2,10})\)\s+"));

/// "AB…AB…": a line that is the same words twice, glued or not.
fn printed_twice_glued(line: &str) -> Option<&str> {
    let half = line.len() / 2;
    (half.saturating_sub(1)..=half + 1)
        .filter(|&i| line.is_char_boundary(i) && i > 0)
        .find(|&i| line[..i].trim_end() == line[i..].trim_start())
        .map(|i| line[..i].trim_end())
}

/// "… trực báo quý I năm 2019QUÝ I NĂM 2019.": the headline's last words
/// printed again in capitals, glued to it.
fn tail_again_in_capitals(line: &str) -> Option<&str> {
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit()) {
            let (head, tail) = (&line[..i], line[i..].trim_end_matches('.'));
            if words(tail) >= 2
                && !tail.chars().any(char::is_lowercase)
                && key(head).ends_with(&key(tail))
            {
                return Some(head.trim_end());
            }
        }
        prev = Some(c);
    }
    None
}

/// "Lịch sử giáo phận Long Xuyên (bài 3)" over a toolbar and the date,
/// then "LỊCH SỬ GIÁO PHẬN LONG XUYÊN": the headline printed again,
/// shorter, as the article's heading. The full print is the title.
fn fuller_print(page: &Page, t: usize) -> usize {
    let text = &page.lines[t].text;
    // In capitals from four words; as written, from a full title's length
    // ("… “Vui hội trăng rằm”" under "… “Vui hội trăng rằm” năm 2025").
    let capitals = !text.chars().any(char::is_lowercase);
    let least = if capitals {
        PRINTED_AGAIN_MIN_WORDS
    } else {
        FULL_TITLE_WORDS
    };
    if words(text) < least {
        return t;
    }
    let k = key(text);
    (0..t)
        .find(|&i| {
            let l = &page.lines[i];
            !l.caption && chars(&l.text) <= TITLE_MAX_CHARS && key(&l.text).starts_with(&k)
        })
        .unwrap_or(t)
}

/// "I. Mục đích", "2. Kết quả": a numbered section heading.
pub(super) fn numbered(line: &str) -> bool {
    line.split_once(". ").is_some_and(|(n, _)| {
        !n.is_empty()
            && (n.chars().all(|c| c.is_ascii_digit()) || n.chars().all(|c| "IVXL".contains(c)))
    })
}

/// Between the title (which stood at `t`) and the lead: the byline
/// ("Bùi Yên – Phạm Thịnh"), and category labels ("Nhà nước và Pháp
/// luật", "Thông tin chỉ đạo, điều hành"), which are not text.
fn take_labels_under_title(page: &mut Page, t: usize) {
    const LABEL_MAX_WORDS: usize = 5;
    let mut i = t;
    while i < page.head_end() {
        let line = &page.lines[i];
        let text = line.text.as_str();
        if line.caption {
            i += 1;
        } else if numbered(text) {
            // "I. NHỮNG TIN NỔI BẬT": the article's own section.
            break;
        } else if page.author.is_none()
            && (text.chars().any(char::is_lowercase) || super::byline::has_initials(text))
            && !super::byline::named_as_place(page, text)
            && let Some(names) = byline(text)
        {
            page.author = Some(names);
            page.lines.remove(i);
        } else if words(text) <= LABEL_MAX_WORDS && !ends_sentence(text) {
            page.removed.push(page.lines.remove(i).text);
        } else {
            // The lead: what follows is the article's.
            break;
        }
    }
}

/// The page's first line, one sentence over the date header: the
/// headline, printed with a full stop.
fn sentence_headline(page: &Page, i: usize) -> bool {
    let text = &page.lines[i].text;
    !page.stamp_glued
        && text.ends_with('.')
        && !text.ends_with("..")
        && (4..=SENTENCE_HEADLINE_MAX_WORDS).contains(&words(text))
        && chars(text) <= TITLE_MAX_CHARS
        && starts_upper(text)
        && first_sentence(text) == text.as_str()
}

/// The page's first line over the date header, too long for a headline
/// anywhere else (46 words, no full stop).
fn long_headline(page: &Page, i: usize) -> bool {
    let line = &page.lines[i];
    let text = &line.text;
    !page.stamp_glued
        && !line.caption
        && (FULL_TITLE_WORDS..=SENTENCE_HEADLINE_MAX_WORDS).contains(&words(text))
        && chars(text) <= TITLE_MAX_CHARS
        && starts_upper(text)
        && !text.contains(". ")
        && !text.trim_end().ends_with(['.', ':', ';', ','])
}

/// Where the title line stands, if the head has one.
fn title_line(page: &Page) -> Option<usize> {
    let lines = &page.lines;
    let before = page.stamp_at.and_then(|d| d.checked_sub(1));
    // A header that opens the lead ("date 2022-04 Sáng 28-4, TP … trên
    // địa bàn."): the title, if any, stands above it; what follows is the
    // article.
    let sentence_headline = |i: usize| sentence_headline(page, i);
    let under_opening_date = under_opening_date(page);
    // "Môi trường" then "Giồng Riềng thành lập … năm 2017." over the date:
    // under a section's name, a headline may keep its full stop too.
    let under_label = |b: usize| {
        let label = &lines[b - 1].text;
        words(label) < FULL_TITLE_WORDS && !ends_sentence(label) && !lines[b - 1].caption
    };
    let headline_with_stop = before
        .filter(|&b| b == 0 || under_label(b))
        .or(under_opening_date)
        .filter(|&i| sentence_headline(i))
        .or_else(|| before.filter(|&b| b == 0 && long_headline(page, b)));
    let opens_lead = headline_with_stop.is_none()
        && before.is_some_and(|b| {
            b + 1 == page.stamp_at.unwrap_or(0)
            && ends_sentence(&lines[b].text) && !cut_short(&lines[b].text)
            // "… hợp nhất thành tỉnh nào?": a headline may ask.
            && !lines[b].text.trim_end().ends_with('?')
            && words(&lines[b].text) >= 8
            // A headline in capitals may end with a full stop; a lead
            // is not in capitals.
            && lines[b].text.chars().any(char::is_lowercase)
        });
    let head = match before {
        Some(b) if opens_lead => b,
        _ => page.head_end(),
    };
    // A sapo printed over the headline and its date ends no head before them.
    let over_date = before.filter(|&b| !opens_lead && b < HEAD_LINES);
    let candidate = |i: usize, min_words: usize| {
        (i < head || Some(i) == over_date)
            && !lines[i].caption
            && is_title_like(&lines[i].text)
            && words(&lines[i].text) >= min_words
            // "1. Lịch sử hình thành xã": a section's heading.
            && !numbered(&lines[i].text)
    };
    // A title printed twice.
    // A photo's alt text and caption are printed twice in a row too: a
    // line ending with a full stop counts only with no title-like line
    // above it.
    // A photo's caption under the lead is printed twice as well: a line
    // printed twice after a headline and a sentence of the lead is one,
    // and so is a line printed twice right under the page's first line,
    // a headline.
    let under_lead = |i: usize| {
        (0..i).any(|k| {
            candidate(k, FULL_TITLE_WORDS)
                && ((k + 1..i).any(|s| opens_article(&lines[s].text))
                    || (k, i) == (0, 1) && lines.get(2).is_some_and(|l| l.text == lines[1].text))
        })
    };
    let repeated = (0..head)
        .find(|&i| {
            candidate(i, REPEATED_MIN_WORDS)
                && (i + 1..head).any(|j| lines[j].text == lines[i].text)
                || printed_twice(lines, i, head) && !(0..i).any(|k| candidate(k, 4))
        })
        .filter(|&i| !under_lead(i));
    // Next to the date header, a short line may be a category label
    // ("Nhà nước và Pháp luật") or a byline, with the title beyond it.
    let full = |i: usize| candidate(i, FULL_TITLE_WORDS);
    // "Điểm báo ngày 22/9" over the date, then the first item's headline.
    let review = |i: usize| candidate(i, 2) && is_review_heading(&lines[i].text);
    // "Chùa Khánh La làng Phạm" over the date, and under it the same
    // words carried on ("… nơi lưu giữ giá trị tâm linh"): the headline,
    // then the article's heading.
    let carried_on = before.filter(|&b| {
        let next = page.stamp_at.and_then(|a| lines.get(a));
        candidate(b, 4)
            && next.is_some_and(|n| {
                n.text.len() > lines[b].text.len() && n.text.starts_with(lines[b].text.as_str())
            })
    });
    // "Điểm báo ngày 22/11/2017" anywhere in the head, under a slogan and
    // the site's clock.
    let dated_review =
        || (0..head).find(|&i| review(i) && lines[i].text.chars().any(|c| c.is_ascii_digit()));
    carried_on
        .or_else(|| before.filter(|&b| review(b)))
        .or_else(dated_review)
        .or_else(|| {
            before
                .filter(|&b| full(b))
                .map(|b| menu_over_headline(page, b))
        })
        .or(headline_with_stop)
        // "Lễ hội đình Kim Quan" over the date, the sapo under it.
        .or_else(|| before.filter(|&b| candidate(b, SHORT_TITLE_WORDS) && sapo_under(page, b)))
        .or_else(|| page.stamp_at.filter(|&a| full(a)))
        .or(repeated)
        .or_else(|| before.and_then(|b| b.checked_sub(1)).filter(|&b| full(b)))
        .or_else(|| before.filter(|&b| candidate(b, 4)))
        .or_else(|| page.stamp_at.filter(|&a| candidate(a, 4)))
        .or_else(|| {
            // "Đời sống văn hóa" over the headline: a section's name.
            // "Thông tin tra cứu", a toolbar ("Bản in Gởi bài viết"),
            // then the headline.
            // "Thông tin chỉ đạo điều hành", then a longer headline and
            // the lead under it: a category's name over the headline.
            // "NÔNG THÔN MỚI Hoạt Động-Tổng Kết": a menu, every word
            // capitalised, over a headline written as a sentence.
            (0..head).find(|&i| candidate(i, 4)).map(|i| {
                let n = |k: usize| words(&lines[k].text);
                let short = |k: usize| n(k) < FULL_TITLE_WORDS;
                let next = (i + 1..(i + 3).min(head))
                    .take_while(|&k| full(k) || short(k))
                    .find(|&k| full(k));
                let label_over = |k: usize| {
                    short(i)
                        || is_menu_cased(&lines[i].text) && !is_menu_cased(&lines[k].text)
                        || n(i) <= LABEL_MAX_WORDS
                            && n(k) > n(i)
                            && lines.get(k + 1).is_some_and(|l| opens_article(&l.text))
                        // A slogan over the headline, its byline under it.
                        || lines.get(k + 1).is_some_and(|l| byline(&l.text).is_some())
                };
                match next {
                    Some(k) if label_over(k) => k,
                    _ => i,
                }
            })
        })
        .or_else(|| before.filter(|&b| candidate(b, 2)))
        .or_else(|| headline_check::by_surroundings(page, head, is_title_like, sentence_headline))
}

/// Under a date that opens the page ("Thứ Bảy, 13 tháng 10, 2018", then
/// the headline with its full stop, then the lead), as blogs print them.
fn under_opening_date(page: &Page) -> Option<usize> {
    let lines = &page.lines;
    page.stamp_at.filter(|&a| {
        a == 0
            && lines.get(1).is_some_and(|l| is_long(&l.text))
            && !headline_check::says_when(&lines[0].text)
    })
}

/// "date 2026-03-04 HOUSE N HOME HÀNH TRÌNH BẤT TẬN" over "Tai nạn kinh
/// hoàng …" and its byline: the site's menu in capitals after a scraped
/// date, then the headline written as a sentence.
fn menu_over_headline(page: &Page, a: usize) -> usize {
    let lines = &page.lines;
    let capitals = page.stamp_glued && !lines[a].text.chars().any(char::is_lowercase);
    let below = a + 1;
    let headline_below = lines.get(below).is_some_and(|l| {
        !l.caption
            && is_title_like(&l.text)
            && words(&l.text) >= FULL_TITLE_WORDS
            && l.text.chars().any(char::is_lowercase)
    });
    let article_under = lines
        .get(below + 1)
        .is_some_and(|l| byline(&l.text).is_some() || opens_article(&l.text) || is_long(&l.text));
    if capitals && headline_below && article_under {
        below
    } else {
        a
    }
}

/// Whether the line under the date header is as long as a sapo, and no
/// headline stands above the short line `b` over the date (which is then a
/// section's name: "Văn hóa - Xã hội").
fn sapo_under(page: &Page, b: usize) -> bool {
    let headline_above = page.lines[..b]
        .iter()
        .any(|l| is_title_like(&l.text) && words(&l.text) >= FULL_TITLE_WORDS);
    !headline_above
        && page
            .stamp_at
            .and_then(|a| page.lines.get(a))
            .is_some_and(|l| words(&l.text) >= SAPO_MIN_WORDS)
}

/// "Hoạt Động-Tổng Kết Hoạt Động": every word capitalised, as menus
/// write them, and not all in capitals, as headlines may be.
fn is_menu_cased(line: &str) -> bool {
    let mut ws = line
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .peekable();
    ws.peek().is_some()
        && ws.all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        && line.chars().any(char::is_lowercase)
}

/// A sentence of running text: the lead, not a menu or a heading.
fn opens_article(line: &str) -> bool {
    const LEAD_MIN_WORDS: usize = 10;
    words(line) >= LEAD_MIN_WORDS && ends_sentence(line) && line.chars().any(char::is_lowercase)
}

/// The heading of a page of press or news digests: "Điểm báo ngày 22/9",
/// "Điểm tin sáng 3/5", "Bản tin tổng hợp".
pub(super) fn is_review_heading(line: &str) -> bool {
    const STARTS: [&str; 6] = [
        "diem bao",
        "diem tin",
        "ban tin tong hop",
        // "Bản tin ngày 07-12-2021": a digest of the day's news.
        "ban tin ngay",
        "tin tong hop",
        "tong hop tin",
    ];
    let f = fold_str(line);
    // "THÔNG TIN VỀ HÀ NAM QUA BÁO CHÍ": what the papers said of a province.
    let about = f.starts_with("thong tin ve ") && f.trim_end().ends_with("qua bao chi");
    words(line) <= 10 && (about || STARTS.iter().any(|s| f.starts_with(s)))
}

/// "Tiêu đề - Báo Bắc Ninh" → ("Tiêu đề", Some("Báo Bắc Ninh")): page
/// titles often end with the site's name.
pub(super) fn split_site_name(title: &str) -> (String, Option<String>) {
    // Words that open a site's name ("Đài …"; "Bình an một dải …" is no
    // site), and words found anywhere in one.
    const SITE_STARTS: [&str; 4] = ["bao ", "cong thong tin", "tap chi", "dai "];
    const SITE_WORDS: [&str; 5] = [".vn", ".com", "online", "dien tu", "truyen hinh"];
    for sep in [" | ", " - ", " – "] {
        if let Some(at) = title.rfind(sep) {
            let site = title[at + sep.len()..].trim();
            let f = format!("{} ", fold_str(site));
            // "Báo Lạng Sơn: Tin tức mới nhất về …": the name and its motto.
            let name = site.split_once(": ").map_or(site, |(name, _)| name);
            if words(name) <= 6
                && (SITE_STARTS.iter().any(|w| f.starts_with(w))
                    || SITE_WORDS.iter().any(|w| f.contains(w)))
            {
                let rest = title[..at].trim();
                if words(rest) >= 2 {
                    return (rest.to_string(), Some(site.to_string()));
                }
            }
        }
    }
    (title.to_string(), None)
}
