//! What a portal prints above its articles besides menus: visitor
//! counters and polls, skip links, welcome banners, the site's name in
//! English or as its unit ("Thành phố Hải Phòng"), weather, numbered
//! "event" menus, widget headings printed twice, and breadcrumbs glued to
//! the title. None of it is ever a title; it is looked for only in the
//! head, above the first paragraph, where a line of it cannot be text.

use std::sync::LazyLock;

use regex::Regex;

use super::line::{ends_sentence, is_long, key, printed_twice_on_one_line, re, words};
use super::page::Page;

/// Widget headings and labels (folded): visitor statistics, polls,
/// reading controls.
const WIDGET_LINES: &[&str] = &[
    // A calendar's heading.
    "lich am duong",
    "lich van nien",
    "truy cap",
    "thong ke truy cap",
    "luot truy cap",
    "dang truy cap",
    "dang online",
    "online",
    "hom nay",
    "hom qua",
    "tuan nay",
    "tuan truoc",
    "thang nay",
    "thang truoc",
    "nam nay",
    "tat ca",
    "tong so",
    "tong luot truy cap",
    "y kien tham do",
    "tham do y kien",
    "binh chon",
    "ket qua",
    // A portlet's name over its article.
    "xuat ban thong tin",
];

/// Labels of a visitor counter's rows, folded: "Truy cập tổng 7.737.917".
const WIDGET_COUNT_LABELS: [&str; 5] = [
    "truy cap",
    "luot truy cap",
    "dang truy cap",
    "dang online",
    "tong luot",
];

/// "Đang truy cập: 15,394", "Tổng số trong ngày: 3,643", "Tất cả: 1017728".
static COUNT_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^[^:\d]{1,40}:\s*[\d.,]+$"));
/// A calendar widget's month ("< Tháng 9 2024 >") and weekdays ("T2 T3
/// T4 T5 T6 T7 CN"); its days are lines of digits.
static CALENDAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:<\s*Tháng\s+\d{1,2}\s*/?\s*\d{4}\s*>|(?:(?:T[2-7]|CN)\s*){7})$"));

static MODULE_CLASS: LazyLock<Regex> = LazyLock::new(|| re(r"^[a-z]+(?:_[a-z]+)+"));

/// "Hà Nội 21 °C", "• Đà Nẵng 24°C".
static WEATHER: LazyLock<Regex> = LazyLock::new(|| re(r"\d\s*°\s*[CF]?\b"));
/// A weekday, then only digits and punctuation: a clock; some portals
/// spell its parts in English ("Thứ sáu, Day 06 Month 06 Year 2025").
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^(?:{})(?:[\s,:\-/.\d]|\b(?:day|month|year)\b)*$",
        crate::ingest::dates::WEEKDAY_WORDS
    ))
});
/// "1. Dòng sự kiện:", "2. Metro số 1 TPHCM": a numbered menu.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,2}\.\s+\S"));
/// A portal named by its unit: "Thành phố Hải Phòng", "UBND huyện Đô Lương".
static UNIT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+)?(?i:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(?:\p{Lu}\p{Ll}*\s*){1,3}$",
    )
});

/// A leader's box: "Đồng chí NGUYỄN MẠNH HÙNG" over "Chủ tịch UBND huyện",
/// the name in capitals, the office without a name.
static LEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?i:đồng chí|đ/c)\s+(?:\p{Lu}+\s*){2,5}|(?i:(?:phó\s+)?(?:chủ tịch|bí thư))\s+(?i:ubnd|hđnd|ủy ban nhân dân|uỷ ban nhân dân|huyện ủy|tỉnh ủy|thành ủy|đảng ủy)(?:\s+(?i:tỉnh|huyện|xã|phường|thị xã|thành phố|quận|thị trấn))?)$",
    )
});

/// English words of a site's name ("Thanh Hoa Radio and Television").
const ENGLISH: &[&str] = &[
    "radio",
    "television",
    "portal",
    "news",
    "newspaper",
    "online",
    "electronic",
    "information",
    "committee",
    "province",
    "people's",
    "department",
    "broadcasting",
    "of",
    "and",
    "the",
];

/// Whether a head line is a widget's: never the title, never text.
pub(super) fn is_widget(line: &str) -> bool {
    let k = key(line);
    if WIDGET_LINES.contains(&k.as_str()) || COUNT_LINE.is_match(line) {
        return true;
    }
    // "Truy câp tổng 7.737.917": a widget's label and its count, no colon.
    if let Some(label) = k.strip_suffix(|c: char| c.is_ascii_digit())
        && let label = label.trim_end_matches(|c: char| c.is_ascii_digit() || ".,".contains(c))
        && WIDGET_COUNT_LABELS
            .iter()
            .any(|w| label.trim_end().starts_with(w))
        && words(label) <= 5
    {
        return true;
    }
    if CALENDAR.is_match(line.trim()) {
        return true;
    }
    // Digits and punctuation only: a counter's value, unless a date.
    if !line.chars().any(char::is_alphabetic) {
        // "• #534830 10/12/2019": a forum post's number and its date.
        let dated = line
            .rsplit_once(' ')
            .is_some_and(|(_, last)| crate::ingest::dates::find_header(last).is_some());
        return crate::ingest::dates::find_header(line).is_none() && !dated;
    }
    // A clock whose date is no header ("Thứ năm, 18-9-25 23:45:50").
    if CLOCK.is_match(line) && crate::ingest::dates::find_header(line).is_none() {
        return true;
    }
    let starts = |p: &str| k.starts_with(p);
    // "Đang có 199 khách và không thành viên đang online".
    // "Có: 43 khách trực tuyến".
    (starts("dang co") || starts("co") && words(line) <= 6)
        && (k.contains("online") || k.contains("truc tuyen"))
        // "mod_vvisit_counterHôm nay8752": a module's class name left
        // before its text.
        || MODULE_CLASS.is_match(line)
        || starts("chao mung") && words(line) >= 4
        || starts("welcome to")
        // "Banner Tỉnh ủy Nghệ An (Home-latest-1)": an image's name.
        || starts("banner ")
        || WEATHER.is_match(line) && words(line) <= 12
        || line.contains("<a ")
        || line.contains("href=")
        || printed_twice_on_one_line(line, 2)
        || is_document_title(line)
        || is_english_name(line)
        || UNIT_NAME.is_match(line.trim())
        || LEADER.is_match(line.trim())
        || is_unit_chain(line)
        || is_agency_banner(line, &k)
}

/// "QUẬN 5 - THÀNH PHỐ HỒ CHÍ MINH", "Huyện Đô Lương, tỉnh Nghệ An", "Xã
/// Xuân Hưng Tỉnh Ninh Bình": a letterhead's units, each a type word and a
/// name, nothing else.
pub(super) fn is_unit_chain(line: &str) -> bool {
    // A capitalised type word inside the line opens the next unit.
    const INNER_TYPES: [&str; 5] = [" Tỉnh ", " Huyện ", " Thành phố ", " Quận ", " Thị xã "];
    let line = INNER_TYPES.iter().fold(line.to_string(), |l, t| {
        l.replace(t, &format!(", {}", t.trim_start()))
    });
    const TYPES: [&str; 8] = [
        "tinh ",
        "thanh pho ",
        "huyen ",
        "quan ",
        "thi xa ",
        "xa ",
        "phuong ",
        "thi tran ",
    ];
    let parts: Vec<&str> = line
        .split([',', '-', '–'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            let folded = crate::text::fold_str(part).to_lowercase();
            // "UBND xã Hòa Phú, huyện Tây Hòa, tỉnh Phú Yên": the council
            // of the first unit.
            let (part, folded) = match (folded.strip_prefix("ubnd "), part.get(5..)) {
                (Some(rest), Some(name)) if part.is_char_boundary(5) => (name, rest.to_string()),
                _ => (*part, folded),
            };
            TYPES.iter().any(|t| {
                folded.starts_with(t) && {
                    let name: Vec<&str> = part
                        .split_whitespace()
                        .skip(t.split(' ').count() - 1)
                        .collect();
                    (1..=4).contains(&name.len())
                        && name.iter().all(|w| {
                            w.chars().next().is_some_and(char::is_uppercase)
                                || w.chars().all(|c| c.is_ascii_digit())
                        })
                }
            })
        })
}

/// "Banner Huyện ủy Tháp Mười (Home-latest-2)": the name the banner
/// image is given, which is the site's.
fn banner_name(line: &str) -> Option<String> {
    let rest = line.strip_prefix("Banner ")?;
    let name = rest.split(" (").next().unwrap_or(rest).trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Whether a line is in capitals: a banner's, a letterhead's.
fn in_capitals(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

/// Whether a widget line names the site: its unit, its agency.
pub(super) fn names_site(line: &str) -> bool {
    UNIT_NAME.is_match(line.trim()) || is_unit_chain(line) || is_agency_banner(line, &key(line))
}

/// "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "TỈNH QUẢNG NGÃI": the agency that
/// runs the portal, in capitals. A title in capitals says what happened,
/// and is longer.
fn is_agency_banner(line: &str, folded: &str) -> bool {
    const AGENCIES: [&str; 14] = [
        "so ",
        "bo ",
        "ubnd",
        "uy ban",
        "ban ",
        "tinh ",
        "thanh pho",
        "huyen ",
        "cong ",
        "trang ",
        "dai ",
        "bao ",
        "dang bo",
        "hoi dong",
    ];
    let capitals = line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase);
    capitals && words(line) <= 7 && AGENCIES.iter().any(|a| folded.starts_with(a))
}

/// "Cẩm Mỹ - Xã Xuân Tây : Tổng quan Cẩm Mỹ - Xã Xuân Tây": the browser
/// tab's title a portal prints, its site's name on both sides.
fn is_document_title(line: &str) -> bool {
    line.split_once(" : ").is_some_and(|(site, rest)| {
        let site = site.trim();
        words(site) >= 4 && rest.trim_end().ends_with(site)
    })
}

fn is_english_name(line: &str) -> bool {
    let w: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
    line.is_ascii()
        && w.len() >= 3
        && !ends_sentence(line)
        && w.iter().filter(|x| ENGLISH.contains(&x.as_str())).count() >= 2
}

/// "Trang chủNewsThời sựNẻo về nguồn cội" → the crumbs and the title
/// ("Nẻo về nguồn cội"): a breadcrumb saved without its separators.
fn glued_crumbs(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("Trang chủ")?;
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let cs: Vec<(usize, char)> = line.char_indices().collect();
    let last_join = cs
        .windows(2)
        .filter(|p| p[0].1.is_lowercase() && p[1].1.is_uppercase())
        .map(|p| p[1].0)
        .next_back()?;
    let title = line[last_join..].trim();
    (words(title) >= 2).then(|| (line[..last_join].to_string(), title.to_string()))
}

/// "CHÀO MỪNG KỶ NIỆM 78 NĂM NGÀY CÁCH MẠNG THÁNG TÁM …": a banner in
/// capitals among the page's first lines, however long. And the site's
/// notice to its readers, signed off like a letter ("… trang web tạm
/// ngừng cập nhật … Trân trọng!"), over a headline.
fn drop_celebration_banners(page: &mut Page) {
    const TOP: usize = 4;
    // A ticker comes before the article, under menus of any length.
    if let Some(first_long) = page.lines.iter().position(|l| is_long(&l.text))
        && is_slogan_ticker(&page.lines[first_long].text)
    {
        page.removed.push(page.lines.remove(first_long).text);
        if let Some(next) = page.lines.get_mut(first_long) {
            next.after_chrome = true;
        }
    }
    let mut i = 0;
    while i < page.lines.len().min(TOP) {
        let text = &page.lines[i].text;
        let capitals = !text.chars().any(char::is_lowercase);
        let k = key(text);
        let signed = k.trim_end_matches(['!', '.', ' ']);
        let notice = (signed.ends_with("tran trong") || signed.ends_with("tran trong cam on"))
            && page.lines.get(i + 1).is_some_and(|l| !is_long(&l.text));
        // "Chào mừng đến TRANG THÔNG TIN … Địa chỉ: … Email: …": the
        // portal's welcome with its contacts.
        let welcome = k.starts_with("chao mung")
            && (capitals || super::chrome::is_contact_line(text) || k.starts_with("chao mung den"));
        if (welcome && !over_date(page, i)) || notice {
            page.removed.push(page.lines.remove(i).text);
            if let Some(next) = page.lines.get_mut(i) {
                next.after_chrome = true;
            }
        } else {
            i += 1;
        }
    }
}

/// A portal's ticker of slogans, several anniversaries joined by dashes
/// ("Nhớ Ngày Giỗ Tổ … - Kỷ niệm 70 năm Chiến thắng … - Chào mừng Kỷ
/// niệm 49 năm …"), longer than a headline runs.
fn is_slogan_ticker(line: &str) -> bool {
    const HEADLINE_CHARS: usize = 160;
    if line.chars().count() <= HEADLINE_CHARS {
        return false;
    }
    let anniversaries = line
        .split(" - ")
        .filter(|part| {
            let k = key(part);
            let k = k.strip_prefix("chao mung ").unwrap_or(&k);
            ANNIVERSARY.is_match(k)
        })
        .count();
    anniversaries >= 2
}

/// Folded: "ky niem 70 nam", "mung 95 nam".
static ANNIVERSARY: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:ky niem|mung) \d{1,4} nam\b"));

/// "Chào mừng Đại hội đại biểu xã Đức Trọng …: Dấu ấn …" right over "Đại
/// hội đại biểu Đảng bộ xã Đức Trọng …": a headline whose lead speaks of
/// what it celebrates.
fn over_its_lead(page: &Page, i: usize) -> bool {
    const OPENING_WORDS: usize = 4;
    let celebrated: Vec<String> = key(&page.lines[i].text)
        .split(' ')
        .skip(2)
        .take(OPENING_WORDS)
        .map(str::to_string)
        .collect();
    celebrated.len() == OPENING_WORDS
        && page.lines.get(i + 1).is_some_and(|next| {
            is_long(&next.text) && key(&next.text).contains(&celebrated.join(" "))
        })
}

/// "CHÀO MỪNG 47 NĂM GIẢI PHÓNG …" right over "Thứ ba - 23/04/2019 17:16":
/// an article about the celebration, its headline over its date.
fn over_date(page: &Page, i: usize) -> bool {
    page.lines.get(i + 1).is_some_and(|next| {
        crate::ingest::dates::find_header(&next.text).is_some_and(|h| h.is_whole_line(&next.text))
    })
}

/// Pass: widgets, numbered menus and glued crumbs in the head.
pub(super) fn drop_head_widgets(page: &mut Page) {
    drop_celebration_banners(page);
    let celebration_headlines: Vec<bool> = (0..page.lines.len())
        .map(|i| {
            key(&page.lines[i].text).starts_with("chao mung")
                && (over_date(page, i) || over_its_lead(page, i))
        })
        .collect();
    let head = page
        .lines
        .iter()
        .position(|l| is_long(&l.text))
        .unwrap_or(page.lines.len());
    let mut kept = Vec::with_capacity(page.lines.len());
    let mut poll = false;
    let mut numbered_menu = true;
    let mut dropped = false;
    for (i, mut line) in std::mem::take(&mut page.lines).into_iter().enumerate() {
        if i >= head || line.caption {
            line.after_chrome |= dropped;
            dropped = false;
            kept.push(line);
            continue;
        }
        // A numbered menu opens the page; the first other line ends it.
        numbered_menu &= NUMBERED.is_match(&line.text) && !ends_sentence(&line.text);
        // A poll's question follows its heading.
        let question = poll && line.text.trim_end().ends_with('?');
        poll = matches!(
            key(&line.text).as_str(),
            "y kien tham do" | "tham do y kien"
        );
        if numbered_menu || question || is_widget(&line.text) && !celebration_headlines[i] {
            // The organisation over its units, in capitals: a letterhead.
            if is_unit_chain(&line.text)
                && let Some(above) = kept.last().filter(|l: &&super::page::Line| {
                    !l.caption && in_capitals(&l.text) && words(&l.text) <= 10
                })
            {
                page.site_lines.push(above.text.clone());
                if let Some(above) = kept.pop() {
                    page.removed.push(above.text);
                }
            }
            if names_site(&line.text) {
                page.site_lines.push(line.text.clone());
            } else if let Some(name) = banner_name(&line.text) {
                page.site_lines.push(name);
            }
            page.removed.push(line.text);
            dropped = true;
            continue;
        }
        line.after_chrome |= dropped;
        dropped = false;
        // "Xuất bản thông tin null Trường Xuân tổ chức …": a portlet's
        // name and its empty field before the headline.
        let portlet = line
            .text
            .strip_prefix("Xuất bản thông tin")
            .map(str::trim_start);
        if let Some(rest) = portlet.unwrap_or(&line.text).strip_prefix("null ")
            && rest.starts_with(char::is_uppercase)
        {
            line.text = rest.to_string();
        }
        if let Some((crumbs, title)) = glued_crumbs(&line.text) {
            page.removed.push(crumbs);
            line.text = title;
        }
        kept.push(line);
    }
    page.lines = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widgets() {
        for line in [
            "Hôm nay:",
            "1017728",
            "Đang truy cập: 15,394",
            "Tổng số trong ngày: 3,643",
            "Ý kiến thăm dò",
            "CHÀO MỪNG CÁC BẠN ĐẾN VỚI TRANG THÔNG TIN ĐIỆN TỬ HUYỆN",
            "Hà Nội 21 °C",
            "< Tháng 9 2024 >",
            "Lịch âm dương",
            "Có: 43 khách trực tuyến",
            "mod_vvisit_counterHôm nay8752",
            "T2 T3 T4 T5 T6 T7 CN",
            "Bản đồ hành chính Bản đồ hành chính",
            "Thanh Hoa Radio and Television",
            "Thành phố Hải Phòng",
            "UBND huyện Đô Lương",
            "Thứ sáu, Day 06 Month 06 Year 2025",
            "Cẩm Mỹ - Xã Bảo Bình : noi-dung-tin Cẩm Mỹ - Xã Bảo Bình",
            "Thứ năm, 18-9-25 23:45:50",
            "QUẬN 5 - THÀNH PHỐ HỒ CHÍ MINH",
            "Huyện Đô Lương, tỉnh Nghệ An",
            "Banner Tỉnh ủy Nghệ An (Home-latest-1)",
            "Xuất bản thông tin",
        ] {
            assert!(is_widget(line), "{line:?}");
        }
        for line in [
            "Huyện Nghĩa Hưng đạt chuẩn nông thôn mới",
            "Hà Nội đề xuất hạn chế xe máy",
            "Tết Nguyên đán 2024: lịch nghỉ 7 ngày",
            "Xã Chí Minh tổ chức hội nghị đối thoại",
            "Covid-19 Vaccine Update",
            "Thứ sáu, ngày hội của những người yêu sách",
            "Hà Nội : thủ đô của cả nước, Hà Nội",
            "Xã Tân Lập - huyện Đan Phượng ra quân dọn vệ sinh",
            "Phường 8 tổ chức hội nghị nhân dân",
        ] {
            assert!(!is_widget(line), "{line:?}");
        }
    }

    #[test]
    fn banners_name_their_site() {
        assert_eq!(
            banner_name("Banner Huyện ủy Tháp Mười (Home-latest-2)").as_deref(),
            Some("Huyện ủy Tháp Mười")
        );
        assert_eq!(banner_name("Bannerman"), None);
    }

    #[test]
    fn letterheads_chain_their_units() {
        assert!(is_unit_chain("Xã Xuân Hưng Tỉnh Ninh Bình"));
        assert!(is_unit_chain("Huyện Đô Lương, tỉnh Nghệ An"));
        assert!(!is_unit_chain("Xã Xuân Hưng tổ chức hội nghị"));
        assert!(!is_unit_chain("Xã Xuân Hưng"));
    }

    #[test]
    fn crumbs_saved_without_separators() {
        assert_eq!(
            glued_crumbs("Trang chủNewsThời sựNẻo về nguồn cội"),
            Some(("Trang chủNewsThời sự".into(), "Nẻo về nguồn cội".into()))
        );
        assert_eq!(glued_crumbs("Trang chủ"), None);
        assert_eq!(glued_crumbs("Trang chủ » Tin tức"), None);
    }

    #[test]
    fn a_ticker_of_anniversaries_is_not_a_headline() {
        let ticker = "Mừng Đảng mừng Xuân - Kỷ niệm 50 năm Ngày giải phóng tỉnh (24/3/1975 - 24/3/2025) - Chào mừng kỷ niệm 80 năm Quốc khánh (2/9/1945 - 2/9/2025) - Sống và làm việc theo Hiến pháp và pháp luật";
        assert!(is_slogan_ticker(ticker));
        // A celebration's own headline names two anniversaries in a line
        // no longer than headlines run.
        assert!(!is_slogan_ticker(
            "Kỷ niệm 80 năm Cách mạng Tháng Tám - Mừng 80 năm Quốc khánh 2/9"
        ));
        let one = format!(
            "Kỷ niệm 50 năm Ngày giải phóng tỉnh - {}",
            "các hoạt động văn hóa ".repeat(8)
        );
        assert!(!is_slogan_ticker(&one));
    }
}
