//! Other stories' headlines that a site prints inside the article, as
//! links between its paragraphs ("Đak Đoa: Bắt giữ đối tượng trộm cắp tài
//! sản" and "Chư Păh: …" under the lead). Their words are not the
//! article's: left in, their places would be counted as its places.

use super::line::{is_long, key, printed_twice_on_one_line, words};
use super::page::{Line, Page};
use super::subheading::is_subheading;
use super::title::{is_review_heading, numbered};

/// Headlines in a row, with no paragraph between them, from this many on
/// are a list of links: an article's own subheadings each lead a
/// paragraph.
const MIN_RUN: usize = 2;
/// A headline of another story says what happened; a subheading of a
/// section may be a few words ("Kết quả nổi bật").
const LINK_MIN_WORDS: usize = 6;
/// "Quảng Xương (Thanh Hóa):" — a place's name before a headline is short.
const KICKER_MAX_WORDS: usize = 4;

/// Cards of other stories, each its headline printed twice on one line
/// (the link's text and its title) over its summary, or its time and date
/// over its summary, this many in a row: the summaries are theirs.
const MIN_CARDS: usize = 2;
/// A headline printed twice on one line has at least this many words.
const CARD_HEADLINE_MIN_WORDS: usize = 10;

/// "14:13 06/06/2025": the day of a line that is a date and nothing else.
fn stamp_date(text: &str) -> Option<jiff::civil::Date> {
    crate::ingest::dates::find_header(text)
        .filter(|h| h.is_whole_line(text))
        .map(|h| h.stamp.date)
}

/// Pass, before the chrome lines go: runs of other stories' cards inside
/// the article, each "headline headline" over its summary, headline and
/// summary both.
pub(super) fn drop_link_cards(page: &mut Page) {
    let mut i = 0;
    while i < page.lines.len() {
        let mut end = i;
        while is_card(&page.lines, end) {
            end += 2;
        }
        if (end - i) / 2 >= MIN_CARDS {
            page.removed
                .extend(page.lines.drain(i..end).map(|l| l.text));
        } else {
            i += 1;
        }
    }
}

/// Pass: other stories' cards at the end of the page, each an empty
/// thumbnail ("![]() |") over its headline and, maybe, its summary. The
/// article's own photo may leave the same thumbnail above its text.
pub(super) fn drop_thumbnail_cards(page: &mut Page) {
    let lines = &page.lines;
    let cards_to_end = |mut k: usize| {
        while k < lines.len() {
            let headline = lines
                .get(k + 1)
                .is_some_and(|l| !is_long(&l.text) && !l.caption);
            if !is_thumbnail(&lines[k]) || !headline {
                return false;
            }
            k += 2;
            // Its summary, if it has one.
            if lines.get(k).is_some_and(|l| !is_thumbnail(l)) {
                k += 1;
            }
        }
        true
    };
    let first = (1..lines.len()).find(|&k| is_thumbnail(&lines[k]) && cards_to_end(k));
    if let Some(first) = first {
        page.removed
            .extend(page.lines.drain(first..).map(|l| l.text));
    }
}

fn is_thumbnail(line: &Line) -> bool {
    line.text.starts_with("![]") && without_thumbnail(&line.text).is_empty()
}

/// Pass: other stories' cards that open the page, each headline (and
/// most summaries) cut short by the site ("Thông báo lựa chọn tổ chức đấu giá tài...",
/// "Quyền sử dụng đất thửa …, huyện Tuần Giáo; 6..."), this many lines or
/// more in a row before the article.
pub(super) fn drop_cut_teasers(page: &mut Page) {
    const MIN_LINES: usize = 4;
    let cut = |l: &Line| {
        let t = l.text.trim_end();
        !l.caption && (t.ends_with("...") || t.ends_with('…')) && !t.ends_with("....")
    };
    // Each card: its headline cut short, then its summary, which may be
    // whole.
    let lines = &page.lines;
    let mut run = 0;
    while lines.get(run).is_some_and(cut)
        && lines
            .get(run + 1)
            .is_some_and(|l| cut(l) || !is_long(&l.text) && !l.caption)
    {
        run += 2;
    }
    let article_follows = lines.get(run).is_some_and(|l| !cut(l));
    if run >= MIN_LINES && article_follows {
        page.removed.extend(page.lines.drain(..run).map(|l| l.text));
        if let Some(next) = page.lines.first_mut() {
            next.after_chrome = true;
        }
    }
}

/// A card at `i`: a headline printed twice, then a summary.
fn is_card(lines: &[Line], i: usize) -> bool {
    let twice = |l: &Line| printed_twice_on_one_line(&l.text, CARD_HEADLINE_MIN_WORDS);
    // A photo's alt text and caption printed on one line is the article's.
    lines.get(i).is_some_and(|l| twice(l) && !l.caption)
        && lines
            .get(i + 1)
            .is_some_and(|l| !twice(l) && !l.caption && is_long(&l.text))
}

/// Pass: after the article, other stories' teasers, each under its time
/// and date ("14:13 06/06/2025" over "(HGO) – Ngày 6 - 6, …"), newest
/// first as such lists are; a live report or a schedule runs forward in
/// time and stays.
pub(super) fn drop_dated_teasers(page: &mut Page) {
    let lines = &page.lines;
    let mut start = lines.len();
    let mut newer = None;
    while start >= 2 && stamp_date(&lines[start - 1].text).is_none() {
        // Walking back, each teaser is newer than the one after it.
        let Some(date) =
            stamp_date(&lines[start - 2].text).filter(|&d| newer.is_none_or(|n| d > n))
        else {
            break;
        };
        newer = Some(date);
        start -= 2;
    }
    let teasers = (lines.len() - start) / 2;
    if teasers >= MIN_CARDS && lines[..start].iter().any(|l| is_long(&l.text)) {
        page.removed
            .extend(page.lines.drain(start..).map(|l| l.text));
    }
}

/// "Đak Đoa: Bắt giữ …": a headline that opens with its place.
fn has_kicker(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(name, _)| {
        (1..=KICKER_MAX_WORDS).contains(&words(name))
            && name
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
    })
}

/// "![]() | Tăng cường … chọi trâu Phù Ninh |": a link's text beside its
/// thumbnail.
fn without_thumbnail(text: &str) -> &str {
    match text.strip_prefix("![]()") {
        Some(rest) => rest.trim().trim_matches('|').trim(),
        None => text,
    }
}

/// A line shaped like another story's headline.
fn is_link(line: &Line) -> bool {
    let text = without_thumbnail(&line.text);
    !line.caption
        && words(text) >= LINK_MIN_WORDS
        && is_subheading(text)
        // ">> Tiêu đề (Xem trang 2)": a review's item, the page's own.
        && !text.starts_with(">>")
        && !numbered(text)
        // "PHẦN I: TÌNH HÌNH CHUNG": a report's headings are in capitals.
        && text.chars().any(char::is_lowercase)
}

/// Pass: runs of other stories' headlines inside the article. A digest's
/// items are its own ("Điểm báo ngày 22/9"), and a run under a line that
/// announces a list ("Các chỉ tiêu chủ yếu:") is the article's list. On a
/// page without a headline line, the first lines are the lead's.
pub(super) fn drop_related_headlines(page: &mut Page) {
    if page.title.as_deref().is_some_and(is_review_heading) {
        return;
    }
    let title_key = page.title.as_deref().map(key);
    let mut i = 0;
    while i < page.lines.len() {
        let run = page.lines[i..].iter().take_while(|l| is_link(l)).count();
        let keys: Vec<String> = page.lines[i..i + run]
            .iter()
            .map(|l| key(&l.text))
            .collect();
        // A photo's alt text and caption are one line printed twice, and
        // the headline may be printed again over its photo.
        let distinct = keys.iter().enumerate().all(|(n, k)| {
            title_key.as_ref() != Some(k)
                && keys[..n]
                    .iter()
                    .all(|o| !o.starts_with(k.as_str()) && !k.starts_with(o.as_str()))
        });
        let announced = i
            .checked_sub(1)
            .is_some_and(|p| page.lines[p].text.trim_end().ends_with(':'));
        // Captions of photos may follow one another too; links stand right
        // under the headline, or each names the place it is about
        // ("Chư Păh: …").
        let placed = i == 0 && title_key.is_some()
            || page.lines[i..i + run].iter().all(|l| has_kicker(&l.text));
        if run >= MIN_RUN && distinct && placed && !announced {
            page.removed
                .extend(page.lines.drain(i..i + run).map(|l| l.text));
        } else {
            i += run.max(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn untitled(lines: &[&str]) -> Page {
        Page {
            lines: lines.iter().map(|l| Line::plain((*l).to_owned())).collect(),
            ..Page::default()
        }
    }

    fn page(title: &str, lines: &[&str]) -> Page {
        let mut page = untitled(lines);
        page.title = Some(title.to_owned());
        page
    }

    fn texts(page: &Page) -> Vec<&str> {
        page.lines.iter().map(|l| l.text.as_str()).collect()
    }

    const LEAD: &str =
        "Công an huyện vừa bắt giữ hai đối tượng trộm cắp cáp viễn thông ở trung tâm huyện.";
    const BODY: &str =
        "Theo đó, chiều ngày 10-8, Công an xã nhận được tin báo của người dân về vụ việc.";

    #[test]
    fn two_headlines_between_paragraphs_are_links() {
        let mut p = page(
            "Bắt hai đối tượng trộm cáp viễn thông",
            &[
                LEAD,
                "Đak Đoa: Bắt giữ đối tượng trộm cắp tài sản",
                "Chư Păh: Đối tượng trộm cắp tài sản lãnh án 6 tháng tù",
                BODY,
            ],
        );
        drop_related_headlines(&mut p);
        assert_eq!(texts(&p), [LEAD, BODY]);
        assert_eq!(p.removed.len(), 2);
    }

    #[test]
    fn links_right_under_the_title_go_too() {
        let mut p = page(
            "Lễ Khao lề thế lính Hoàng Sa ở Lý Sơn",
            &[
                "Vụ cháy lớn dãy kiot bán hàng ở Bắc Ninh khiến 1 cháu bé tử vong",
                "Kon Tum phát động toàn dân hiến máu tình nguyện, tiếp nhận 6.800 đơn vị máu",
                LEAD,
            ],
        );
        drop_related_headlines(&mut p);
        assert_eq!(texts(&p), [LEAD]);
    }

    #[test]
    fn the_articles_own_subheadings_and_lists_stay() {
        let own = [
            LEAD,
            "Nông dân phấn khởi vì lúa được mùa được giá",
            BODY,
            "Kết quả nổi bật",
            "Sản xuất nông nghiệp",
            BODY,
            "Năm 2024, huyện phấn đấu đạt các chỉ tiêu chủ yếu:",
            "Xây dựng nông thôn mới nâng cao tại 5 xã",
            "Hoàn thành kế hoạch giải ngân vốn đầu tư công",
            "1. Tình hình sản xuất vụ đông xuân năm nay",
            "2. Nhiệm vụ trọng tâm của những tháng cuối năm",
            "PHẦN I: TÌNH HÌNH KINH TẾ XÃ HỘI CỦA HUYỆN",
            "PHẦN II: NHIỆM VỤ VÀ GIẢI PHÁP TRONG NĂM TỚI",
            BODY,
        ];
        let mut p = page("Huyện tổng kết năm", &own);
        drop_related_headlines(&mut p);
        assert_eq!(texts(&p), own);
    }

    #[test]
    fn a_digest_keeps_its_items_and_a_page_without_a_title_line_is_left() {
        let items = [
            "Nông dân thu hoạch điều được giá cao nhất nhiều năm qua",
            "Tỉnh khởi công tuyến đường ven biển nối ba huyện phía nam",
            LEAD,
        ];
        let mut digest = page("Điểm báo ngày 22/9", &items);
        drop_related_headlines(&mut digest);
        assert_eq!(texts(&digest), items);
        let mut untitled = page("", &items);
        untitled.title = None;
        drop_related_headlines(&mut untitled);
        assert_eq!(texts(&untitled), items);
    }

    /// A paragraph long enough to be the article's text.
    const LONG: &str = "Công trình nhà văn hóa ấp được xây dựng tại xã với tổng kinh phí hơn \
                        1,2 tỷ đồng từ nguồn xã hội hóa và ngân sách địa phương, có hội trường \
                        rộng và sân chơi cho thiếu nhi.";

    #[test]
    fn teasers_run_newest_first_and_a_live_report_stays() {
        let teasers = [
            LONG,
            "10:20 12/06/2025",
            "(HGO) – Ngày 12 - 6, Ban Chỉ đạo tổ chức ngày hội hiến máu tại xã Vĩnh Viễn.",
            "06:05 03/06/2025",
            "Mẹ mất sớm, cha đi làm xa, hai chị em ở ấp 3 sống cùng bà ngoại đã ngoài 80 tuổi.",
        ];
        let mut p = page("Khánh thành nhà văn hóa ấp", &teasers);
        drop_dated_teasers(&mut p);
        assert_eq!(texts(&p), [LONG]);
        let live = [
            LONG,
            "14:00 06/09/2024",
            "Bão số 3 đổ bộ vào Quảng Ninh, gió giật mạnh, nhiều cây xanh bị quật đổ trên các tuyến phố.",
            "16:00 06/09/2024",
            "Tâm bão đi sâu vào đất liền, mưa lớn kéo dài ở các tỉnh ven biển và trung du phía bắc.",
        ];
        let mut p = page("Trực tiếp: bão số 3", &live);
        drop_dated_teasers(&mut p);
        assert_eq!(texts(&p), live);
    }

    #[test]
    fn cards_of_other_stories_go_and_a_photo_printed_twice_stays() {
        let card = "Lính biên phòng cùng dân vượt suối đưa học sinh đến trường an toàn \
                    Lính biên phòng cùng dân vượt suối đưa học sinh đến trường an toàn";
        let lines = [LEAD, card, LONG, card, LONG, BODY];
        let mut p = page("Bộ đội giúp dân thu hoạch ngô", &lines);
        drop_link_cards(&mut p);
        assert_eq!(texts(&p), [LEAD, BODY]);
        let mut photos = page("Bộ đội giúp dân thu hoạch ngô", &lines);
        photos.lines[1].caption = true;
        photos.lines[3].caption = true;
        drop_link_cards(&mut photos);
        assert_eq!(photos.lines.len(), lines.len());
    }

    #[test]
    fn cards_after_the_article_go_and_its_own_photo_stays() {
        let lead = "Sáng 3/5, một xe tải mất lái đâm vào dải phân cách trên quốc lộ 1A, tài xế bị thương nhẹ và được đưa đi cấp cứu kịp thời tại bệnh viện huyện.";
        let mut page = untitled(&[
            "![]() |",
            lead,
            "Lực lượng chức năng đang điều tra.",
            "![]() |",
            "Bắc Giang: Xe khách lật trên cao tốc, 5 người bị thương",
            "Xe khách chạy theo hướng Hà Nội thì bất ngờ",
            "![]() |",
            "Hà Nam: Cháy xưởng gỗ trong đêm",
        ]);
        drop_thumbnail_cards(&mut page);
        let kept = texts(&page);
        assert_eq!(
            kept,
            ["![]() |", lead, "Lực lượng chức năng đang điều tra."]
        );
        assert_eq!(page.removed.len(), 5);
    }

    #[test]
    fn a_thumbnail_with_the_article_after_it_is_not_a_card() {
        let mut page = untitled(&[
            "Một đoạn mở đầu.",
            "![]() |",
            "Ảnh: hiện trường vụ việc",
            "Một đoạn văn tiếp theo.",
            "Một đoạn văn nữa.",
        ]);
        drop_thumbnail_cards(&mut page);
        assert_eq!(page.lines.len(), 5);
    }

    #[test]
    fn cut_teasers_opening_the_page_go() {
        let mut page = untitled(&[
            "Thông báo đấu giá tài...",
            "Quyền sử dụng đất thửa số 12, thị trấn; 6...",
            "Đại hội Chi bộ Trung tâm...",
            "Đại hội bầu Ban Chấp hành chi bộ nhiệm kỳ mới",
            "Tiếp tục các biện pháp cấp bách...",
            "Thực hiện kế hoạch số 74-KH/HU...",
            "Huyện vùng đất cách mạng, giàu tiềm năng",
            "Thứ ba - 28/01/2020 23:27",
        ]);
        drop_cut_teasers(&mut page);
        let kept = texts(&page);
        assert_eq!(
            kept,
            [
                "Huyện vùng đất cách mạng, giàu tiềm năng",
                "Thứ ba - 28/01/2020 23:27"
            ]
        );
        // A headline cut short alone is the article's.
        let mut page = untitled(&["Tin mới nhất...", "Một đoạn văn."]);
        drop_cut_teasers(&mut page);
        assert_eq!(page.lines.len(), 2);
    }
}
