//! Site chrome: menus, banners, breadcrumbs, counters, share buttons and
//! the lists pages append after the article.

use std::sync::LazyLock;

use regex::Regex;

use super::line::{BULLETS, ends_sentence, is_long, key, printed_twice_on_one_line, re, words};
use super::page::{Line, Page};
use crate::text::sanitize_inline;

/// Lines that are site chrome wherever they stand: section banners,
/// navigation, share buttons. Folded. The headings of [`TAIL_MARKERS`]
/// and [`LINK_LIST_HEADINGS`] are chrome too (see `is_tail_marker`).
const CHROME: &[&str] = &[
    "tin tuc - su kien noi bat",
    "tin tuc - su kien",
    "tin tuc su kien",
    "tin tuc",
    "su kien",
    "thoi su",
    "tin noi bat",
    "tin tai tro",
    "tin hoat dong",
    "tin tong hop",
    "gui y kien",
    "chia se",
    "chia se bai viet",
    // A search box's label, a badge, a sidebar's heading.
    "tim kiem",
    "tim kiem tin tuc",
    "search",
    "chung nhan tin nhiem mang",
    "don vi ho tro",
    // A blog's edit link and its contents box.
    "sua",
    "noi dung bai viet",
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
    "xem voi co chu",
    "a a",
    "a- a+",
    "aa",
    "chi tiet",
    "skip to main content",
    "skip ribbon commands",
    "skip navigation",
    "truy cap noi dung luon",
    "che do ban dem",
    "che do ban dem off",
    "che do ban dem on",
    "doc bai viet",
    "mac dinh co chu",
    "khong tim thay video nao",
    "thu vien anh",
    "ban tin truyen thanh",
    "ban tin truyen hinh",
    "luot xem",
    "so luot xem",
    "|",
    "qr code",
    "tieng viet | english",
    "tieng viet",
    "english",
    "doc bao in",
    "tai ung dung",
    "image advertisement",
    "image banner",
    "tap tin dinh kem",
    "thong ke",
    "loading",
    "dang tai",
    "about",
    // A toolbar: "RSS In Gởi cho bạn bè".
    "rss in goi cho ban be",
    "email in pdf",
    "goi cho ban be",
    "gui cho ban be",
    // A font size widget: "Tăng / aa / Giảm"; "Màu chữ Cỡ chữ".
    "tang",
    "giam",
    "mau chu co chu",
    "mau chu",
    // A portal's portlet markers saved as text.
    "start portlet menu bar",
    "end portlet menu bar",
    "display portlet menu",
    // A CMS's field name left above the field's text.
    "content",
];

/// "Thông tin tuyên truyền;thongtintuyentruyen": a category's name and
/// its slug.
static CATEGORY_SLUG: LazyLock<Regex> = LazyLock::new(|| re(r"^[^;]{2,60};\s*[a-z0-9-]{2,60}$"));

/// Headings of the lists that pages append after the article ("other
/// news", comments, links): from the first of them on, nothing is
/// article text. Folded.
const TAIL_MARKERS: &[&str] = &[
    "phan hoi",
    "gui phan hoi",
    "ban doc phan hoi",
    "cac tin khac",
    "tin khac",
    "nhung tin moi hon",
    "nhung tin cu hon",
    "tin moi hon",
    "tin cu hon",
    "cac tin da dua",
    "tin da dua",
    // A comment box's button, a portal's archive.
    "tra loi",
    "xem tin theo ngay",
    "cac bai viet khac",
    "tin lien quan",
    "bai viet lien quan",
    "bai lien quan",
    "cac tin cung chuyen muc",
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
    "binh luan",
    "gui binh luan",
    "y kien ban doc",
    "y kien cua ban",
    "xem them",
    "doc them",
    "y kien",
    "gop y kien",
    "gop y",
    // A portal's sidebar after the article: weather, exchange rates.
    "thoi tiet",
    "ty gia ngoai te",
    "ty gia",
    "co the ban quan tam",
    "ban co the quan tam",
    // A rating widget's heading over the other news.
    "danh gia bai viet",
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
    "duong day nong",
    "hotline",
    "chi tiet - ",
    // "Xem với cỡ chữAA": the font-size buttons glued to their label.
    "xem voi co chu",
    "theo doi bao",
    // "ipv6 ready Chung nhan Tin Nhiem Mang": a footer's badges.
    "ipv6 ready",
    // "Read also" links under a press review's item: ">> Tiêu đề khác".
    ">>",
    // Text size and contrast: "A- A A+ | Tăng tương phản Giảm tương phản".
    "a- a",
    "a+ a",
    "tang tuong phan",
    "font size",
    // A portal's rating widget and attachments under the article.
    "tong so diem cua bai viet",
    "xep hang:",
    "click de danh gia",
    "tap tin dinh kem",
    // "Đọc bài viết - + Chia sẻ": a listen, text size and share toolbar.
    "doc bai viet -",
    // "Chuyên mục: NGÀY HỘI NON SÔNG | Lượt xem : 10,953".
    "chuyen muc:",
    // A blog's "Filed under: Ý kiến — tác giả @ 5:20 chiều".
    "filed under",
    // "Share to: share facebook share twitter print page".
    "share to",
    "share on",
    // A portal's slogan over every page: "Quyết tâm thực hiện thắng lợi
    // Nghị quyết Đại hội …".
    "quyet tam thuc hien thang loi nghi quyet",
    "thuc hien thang loi nghi quyet dai hoi",
    // The footer: "Bản quyền thuộc UBND huyện …", "Copyright © 2023".
    "ban quyen thuoc",
    "copyright",
    // "Số giấy phép theo quyết định số … của UBND tỉnh Hậu Giang", "Đơn vị
    // quản lý: …": the portal's licence and owner.
    "so giay phep",
    "giay phep so",
    "giay phep:",
    "don vi quan ly:",
    "co quan chu quan:",
    "chiu trach nhiem noi dung:",
    "chiu trach nhiem chinh:",
];

/// View and share counters: "Số lượt xem: 551", "1.234 lượt đọc", "Views: 12",
/// "80 đã xem". A count before its label stands after a space or a
/// separator, never in a date ("11/04/2025 Lượt xem: 139").
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?:số\s+)?lượt\s+(?:xem|đọc|truy\s+cập|thích|chia\s+sẻ)|số\s+lần\s+(?:xem|đọc)|view\s+count|views?)\s*:?\s*\d[\d.,]*|(?:^|(?P<pre>[\s(|,;:]))\d[\d.,]*\s+(?:lượt\s+(?:xem|đọc|thích|chia\s+sẻ)|(?:đã|lần)\s+xem)|;\s*\d[\d.,]*\s+lần\s+đọc",
    )
});
/// ">> Tiêu đề (Xem trang 2).": an item of a print edition's review, with
/// its page, not a link to elsewhere. Folded.
static PRINT_PAGE_REF: LazyLock<Regex> = LazyLock::new(|| re(r"\((?:xem )?trang \d{1,3}\)\.?$"));
/// A spring issue's label: "Xuân Mậu Tuất 2018", "Báo Xuân Giáp Thìn".
/// Folded.
static SPRING_ISSUE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^(?:bao |so )?xuan (?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy) ",
        r"(?:ty|suu|dan|mao|thin|ti|ngo|mui|than|dau|tuat|hoi)(?: \d{4})?$",
    ))
});
/// A photo's alt text, the title and its number: "Tiêu đề - Ảnh 1.".
static PHOTO_ALT: LazyLock<Regex> = LazyLock::new(|| re(r"\s[-–]\s*(?i:ảnh)\s+\d{1,3}\.?$"));
pub(super) static URL: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:https?://|www\.)\S+$"));
/// An image's file name left where the image was: "vnapotalha-1561961594-43.jpg".
static IMAGE_FILE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\S{1,120}\.(?:jpe?g|png|gif|webp|bmp|tiff?)$"));

/// Longer lines are never chrome: menus and banners are short.
const CHROME_MAX_BYTES: usize = 240;

pub(super) fn is_chrome(line: &str) -> bool {
    if line.len() > CHROME_MAX_BYTES {
        return false;
    }
    let k = key(line);
    if k.is_empty() {
        return true;
    }
    // "Tin nổi bật Tin nổi bật": a label printed twice.
    let half = k.len() / 2;
    let twice = k.len() % 2 == 1
        && k.is_char_boundary(half)
        && k[half..].starts_with(' ')
        && k[..half] == k[half + 1..]
        && CHROME.contains(&&k[..half]);
    if CHROME.contains(&k.as_str())
        || twice
        || is_category_with_subcategories(line)
        || SPRING_ISSUE.is_match(&k)
        || CATEGORY_SLUG.is_match(line.trim())
        || PHOTO_ALT.is_match(line.trim_end())
        || IMAGE_FILE.is_match(line.trim())
        || is_tail_marker(line)
        || CHROME_PREFIXES.iter().any(|p| k.starts_with(p)) && !PRINT_PAGE_REF.is_match(&k)
        // "Quay về E-magazine Theo dõi Báo … trên Google News": a follow
        // button after the page's other buttons.
        || k.ends_with("tren google news") && words(line) <= 15
    {
        return true;
    }
    // Breadcrumbs: "Trang chủ » Tin tức » Chính trị".
    let crumbs = line.matches(['»', '›']).count() + line.matches(" > ").count();
    // "Trang chủ / Tin tức", "Trang chủ | Tin tức | Chính quyền".
    let slashes = line.matches(" / ").count() + line.matches(" | ").count();
    // "Trang chủ Chính trị - Xã hội": a breadcrumb saved with spaces.
    let bare_crumbs = k.starts_with("trang chu ") && words(line) <= 15 && !ends_sentence(line);
    // "Khởi công 10 nhà tình thương … Khởi công 10 nhà tình thương …": a
    // related article's link, its text and its title, amid the article.
    let doubled = printed_twice_on_one_line(line, 10);
    bare_crumbs
        || doubled
        || (crumbs >= 1 || slashes >= 1) && k.starts_with("trang chu")
        || (crumbs >= 2 || slashes >= 2) && words(line) <= 15 && !ends_sentence(line)
}

/// "Tin Tổng Hợp ( Chính trị, Thanh tra, Pháp Luật)": a category's label
/// with the list of what it gathers.
fn is_category_with_subcategories(line: &str) -> bool {
    let Some((label, list)) = line
        .trim()
        .strip_suffix(')')
        .and_then(|l| l.split_once('('))
    else {
        return false;
    };
    list.contains(',') && !list.contains(['(', ')']) && CHROME.contains(&key(label).as_str())
}

/// The site's own name at the top of the page ("Báo điện tử Đảng Cộng sản
/// Việt Nam", "Cổng thông tin điện tử huyện …").
pub(super) fn is_site_name(line: &str) -> bool {
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
        || is_station_name(line)
}

/// "Đài Truyền thanh Thị xã Duy Tiên", "Trung tâm Văn hóa - Thông tin huyện
/// X": a local station's name, nothing after the unit it serves (a
/// headline would go on: "Đài truyền thanh xã X ra mắt …").
fn is_station_name(line: &str) -> bool {
    const STARTS: [&str; 4] = [
        "dai truyen thanh",
        "dai phat thanh",
        "trung tam van hoa",
        "trung tam truyen thong",
    ];
    const UNIT_WORDS: [&str; 12] = [
        "xa", "thi", "huyen", "tinh", "phuong", "thanh", "pho", "tran", "quan", "-", "–", "va",
    ];
    let k = key(line);
    let Some(start) = STARTS.iter().find(|s| k.starts_with(*s)) else {
        return false;
    };
    let rest: Vec<&str> = line
        .split_whitespace()
        .skip(start.split(' ').count())
        .collect();
    words(line) <= 12
        && rest.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || UNIT_WORDS.contains(&crate::text::fold_str(w).as_str())
        })
}

fn is_tail_marker(line: &str) -> bool {
    let k = key(line);
    line.len() <= CHROME_MAX_BYTES
        && (TAIL_MARKERS.contains(&k.as_str()) || LINK_LIST_HEADINGS.contains(&k.as_str()))
}

/// "… Hotline: 0326.050.977 Email: toasoan@…": the site's contacts.
pub(super) fn is_contact_line(line: &str) -> bool {
    static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\bhotline\b|\b(?:e-?mail|fax|điện thoại|ĐT)\s*:|[\w.-]+@[\w-]+\.[a-z]{2,}")
    });
    CONTACT.is_match(line)
}

/// Counters are stripped from lines that hold something else too
/// ("12/10/2017 08:56 Số lượt xem: 551"); a sentence that mentions views
/// ("đạt 1.000 lượt xem") keeps them. `None` when nothing else is left.
pub(super) fn without_counters(line: String, removed: &mut Vec<String>) -> Option<String> {
    if !COUNTER.is_match(&line) {
        return Some(line);
    }
    let mut line = line;
    let without = sanitize_inline(&COUNTER.replace_all(&line, "${pre}"));
    // "(12/10/2019). Số lượt xem: 1544": what is left may end with the
    // full stop that ended the date.
    if words(&without) <= 12 && (!ends_sentence(&without) || words(&without) <= 2) {
        removed.extend(
            COUNTER
                .find_iter(&line)
                .map(|m| m.as_str().trim().to_string()),
        );
        line = without;
    }
    let bare =
        line.trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '–');
    (!bare.is_empty()).then_some(line)
}

/// Pass: after the article, "other news" lists and the like, from their
/// heading on, when no paragraph of text follows.
pub(super) fn drop_tail_lists(page: &mut Page) {
    drop_dated_links(page);
    let lines = &mut page.lines;
    let first_long = lines.iter().position(|l| is_long(&l.text));
    if let Some(first_long) = first_long
        && let Some(cut) = (first_long + 1..lines.len()).find(|&i| {
            is_tail_marker(&lines[i].text) && !lines[i..].iter().any(|l| is_long(&l.text))
        })
    {
        page.removed.extend(lines.drain(cut..).map(|l| l.text));
    }
}

/// "- Khám bệnh miễn phí cho người dân xã X. (13/05/2019)": a link to
/// another article, with its date.
static DATED_LINK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[-–•*+]\s*\S.{0,300}\(\d{1,2}/\d{1,2}/\d{4}\)\.?$"));

/// Links to other articles, each with its date, ending the page (the last
/// one may be cut off) without a heading: two or more of them.
fn drop_dated_links(page: &mut Page) {
    const MIN_LINKS: usize = 2;
    let lines = &page.lines;
    let Some(last) = lines.len().checked_sub(1) else {
        return;
    };
    let is_link = |i: usize| DATED_LINK.is_match(lines[i].text.trim());
    let cut_off = |i: usize| i == last && lines[i].text.trim_start().starts_with("- ");
    let mut start = lines.len();
    while start > 0 && (is_link(start - 1) || cut_off(start - 1)) {
        start -= 1;
    }
    let links = (start..lines.len()).filter(|&i| is_link(i)).count();
    if links >= MIN_LINKS && start > 0 {
        page.removed
            .extend(page.lines.drain(start..).map(|l| l.text));
    }
}

/// Headings of a list of links to other sites.
const LINK_LIST_HEADINGS: [&str; 3] = [
    "lien ket website",
    "lien ket website dang danh sach",
    "lien ket web",
];
/// A link's name in such a list is this short.
const LINK_NAME_MAX_WORDS: usize = 5;

/// Pass: chrome lines, wherever they stand.
pub(super) fn drop_chrome_lines(page: &mut Page) {
    let mut kept: Vec<Line> = Vec::with_capacity(page.lines.len());
    let mut dropped = false;
    // "Liên kết website" over "Tỉnh ủy, UBND tỉnh", "Sở, ban, ngành": the
    // links' short names under their heading go with it.
    let mut in_links = false;
    for mut line in std::mem::take(&mut page.lines) {
        // A heading in capitals ("ĐIỀU KIỆN TỰ NHIÊN") is no link's name.
        in_links &= words(&line.text) <= LINK_NAME_MAX_WORDS
            && !ends_sentence(&line.text)
            && line.text.chars().any(char::is_lowercase);
        if in_links {
            page.removed.push(line.text);
            continue;
        }
        in_links = LINK_LIST_HEADINGS.contains(&key(&line.text).as_str());
        if is_chrome(&line.text) {
            // "Chuyên mục: Kinh tế | Đăng ngày: 07/06/2021": the date
            // stays for the header's pass.
            match labelled_date_segment(&line.text) {
                Some(date) => page.removed.push(std::mem::replace(&mut line.text, date)),
                None => {
                    if !dropped
                        && is_contact_line(&line.text)
                        && let Some(last) = kept.last_mut()
                    {
                        last.before_contacts = true;
                    }
                    page.removed.push(line.text);
                    dropped = true;
                    continue;
                }
            }
        }
        line.after_chrome |= dropped;
        dropped = false;
        kept.push(line);
    }
    page.lines = kept;
}

/// A labelled date header ("Đăng ngày: …") after a bar in a chrome line.
fn labelled_date_segment(line: &str) -> Option<String> {
    line.split('|').skip(1).map(str::trim).find_map(|segment| {
        crate::ingest::dates::find_header(segment)
            .filter(|h| {
                h.is_whole_line(segment) && h.kind != crate::ingest::dates::HeaderKind::Plain
            })
            .map(|_| segment.to_string())
    })
}

/// Pass: a menu, three or more short lines in a row at the top ("Thời
/// sự", "Pháp luật", "Sức khỏe" …), or bulleted ("• Thừa Thiên Huế").
pub(super) fn drop_menu(page: &mut Page) {
    const ITEM_WORDS: usize = 3;
    const BULLETED_ITEM_WORDS: usize = 6;
    let is_item = |l: &Line| {
        let bulleted = l.text.trim_start().starts_with(BULLETS);
        let most = if bulleted {
            BULLETED_ITEM_WORDS
        } else {
            ITEM_WORDS
        };
        // "• Văn hóa - Thể thao - Du lịch": the dashes are no words.
        let named = l
            .text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        !l.caption && named <= most && !ends_sentence(&l.text)
    };
    // A date header among the items ("16:35 21/02/2017") is the
    // article's: it stays, and the items around it go.
    let is_header = |l: &Line| {
        crate::ingest::dates::find_header(&l.text).is_some_and(|h| h.is_whole_line(&l.text))
    };
    let menu = page
        .lines
        .iter()
        .take_while(|l| is_item(l) || is_header(l))
        .count();
    let items = page.lines[..menu].iter().filter(|l| !is_header(l)).count();
    if items >= 3 && menu < page.lines.len() {
        let mut kept = Vec::with_capacity(page.lines.len());
        for (i, line) in std::mem::take(&mut page.lines).into_iter().enumerate() {
            if i < menu && !is_header(&line) {
                page.removed.push(line.text);
            } else {
                kept.push(line);
            }
        }
        page.lines = kept;
        page.lines[0].after_chrome = true;
    }
}
