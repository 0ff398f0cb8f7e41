//! The day a lead opens with ("Sáng ngày 05/10/2015, UBND huyện …",
//! "(GLO)- Ngày 15-1-2013, …", "Chiều 29/1, …"): the article's date when
//! the page prints none, and the day of the month when the page gives only
//! the month ("date 2025-07" over "Ngày 23/7, …").

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::line::{re, words};
use super::page::{HEAD_LINES, Page};
use crate::ingest::dates::Stamp;
use title_day::{title_date, title_day_in, title_month};

/// A day and month, with the year when the text gives it.
type LeadDay = (i8, i8, Option<i16>);

/// A date at the very start of the lead, after an optional agency tag
/// ("(TGAG)-", "QĐND -") or "Thông tin ban đầu," and a time of day. Dates
/// further in are those of documents and past events ("theo Kế hoạch số
/// 56 ngày 17/9/2015").
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        // "- Ngày 20/1, …": a dash whose agency's tag was lost; "* Sáng
        // 8/6, …": a digest's bullet.
        r"(?i)^(?:\(?[^()]{1,30}\)\s*[-–—:]?\s*|[\p{Lu}.]{2,12}\s*[-–—]\s*|[-–—*•]\s+",
        r"|(?:theo\s+)?thông\s+tin\s+ban\s+đầu\s*,\s*)?",
        r"(?:vào\s+|đúng\s+)?(?:khoảng\s+)?(?:hơn\s+)?(?P<when>(?:(?:cuối|đầu)\s+giờ\s+)?(?:rạng\s+sáng|sáng|chiều|tối|trưa|đêm)(?:\s+nay)?\s+|\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?(?:\s*phút)?(?:\s+(?:sáng|chiều|tối|trưa|đêm))?[\s,]+)?",
        r"(?P<day>(?:hôm\s+)?nay\s*\(\s*|ngày\s+)?",
        r"(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?",
    ))
});

/// Further into the lead's first sentence, a day with its time of day is
/// the event's ("Nhân kỷ niệm … (21/6/1925 - 21/6/2022), vào chiều ngày
/// 20/6/2022, …"); a document's date has none.
static WHEN_IN_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(?:^|[\s,(])(?:(?:rạng\s+sáng|sáng|chiều|tối|trưa|đêm)\s+(?:ngày\s+|nay\s*\(\s*|nay\s+)?",
        // "vào lúc 14h00 ngày 10/11/2022": a clock time before the day.
        r"|lúc\s+\d{1,2}\s*(?:h|giờ)\s*(?:\d{1,2}\s*(?:phút|')?)?\s*,?\s*ngày\s+)",
        r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?",
    ))
});
/// "Chiều nay (29/6)": the day the news was written, wherever the first
/// sentence says it.
static TODAY: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(?:^|[\s,(])(?:hôm|rạng\s+sáng|sáng|chiều|tối|trưa|đêm)\s+nay\s*\(\s*",
        r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?\s*\)",
    ))
});
/// A whole date set off by commas in the lead's first sentence, after an
/// occasion ("Chào mừng … Xuân Bính Thân, ngày 3/2/2016, BTV Tỉnh đoàn
/// …"); a cited document's date is not set off ("Kế hoạch số 81 ngày
/// 16/3/2022 về …").
static DAY_BETWEEN_COMMAS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i),\s*(?:vào\s+)?ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*,")
});
/// After an occasion, a day without its year set off by commas before the
/// clause it opens: ", ngày 8-4, Huyện …".
static DAY_SET_OFF: LazyLock<Regex> =
    LazyLock::new(|| re(r",\s*(?i:vào\s+)?(?i:ngày)\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*,\s*\p{Lu}"));
/// After an occasion, the day may lead its clause without a closing comma
/// ("Tiếp tục chương trình “Mẹ đỡ đầu” …, ngày 17/9/2024 Hội LHPN xã …").
static DAY_AFTER_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    // Only the words ignore case: the clause after the day opens with a
    // capital.
    re(r",\s*(?i:vào\s+)?(?i:ngày)\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s+\p{Lu}")
});
/// Whether a lead opens with the occasion or the order it follows
/// ("Thực hiện Nghị quyết số 11/NQ-HĐND …"): the day may open the next
/// paragraph ("Tối ngày 08/4/2024, …").
fn opens_occasion(lead: &str) -> bool {
    const OCCASIONS: [&str; 12] = [
        "tiep tuc ",
        "duoc su ",
        "truoc them ",
        "hoa trong ",
        "thuc hien ",
        "can cu ",
        "nham ",
        "nhan dip ",
        "chao mung ",
        "huong ung ",
        "trien khai ",
        "gop phan ",
    ];
    // The first two words say it: fold only them.
    let end = lead.split(' ').take(2).map(|w| w.len() + 1).sum::<usize>();
    let folded = crate::text::fold_str(lead.get(..end).unwrap_or(lead));
    OCCASIONS.iter().any(|o| folded.starts_with(o))
}

/// A document's number right before a date: "số 81/KH-UBND ", "số 59 ".
static CITED_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bsố\s*:?\s*[\p{L}\d/.\-]+\s*$"));
/// A paper's issue a press review reads ("… trong số báo ra ngày
/// 13/9/2023", "Báo Quảng Nam số ra ngày 13/9/2023", "số báo in … phát
/// hành ngày 02/02/2024", "Báo Quảng Nam số 6558 (xuất bản ngày
/// 16/8/2023)").
static ISSUE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:số\s+(?:báo\s+in|(?:báo\s+)?(?:in\s+)?ra|(?:báo\s+)?[^.,;:]{0,60}?\s+phát\s+hành|\d{1,6}\s*\(\s*xuất\s+bản)|(?:giai|ấn)\s+phẩm\s+[^.;:]{0,60}?,?\s+phát\s+hành)\s+ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b",
    )
});

/// A press review's line naming the paper it reads and the day ("Báo Tiền
/// phong: ngày 25/12/2024" under "ĐIỂM BÁO").
static PAPER_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^Báo\s+[^:.;]{2,40}:\s*(?i:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
});

/// The lead's first sentence, up to its first full stop.
fn first_sentence(lead: &str) -> &str {
    lead.split(". ").next().unwrap_or(lead)
}

/// The day of the issue a press review reads.
fn issue_day(text: &str) -> Option<LeadDay> {
    let c = ISSUE_DAY
        .captures(text)
        .or_else(|| PAPER_DAY.captures(text.trim()))?;
    let [day, month, year] = numbers(&c, [1, 2, 3])?;
    let (day, month) = day_month(day, month)?;
    Some((day, month, Some(year)))
}

/// A day's year is looked for in this many of the article's first lines.
const ARTICLE_PARAGRAPHS: usize = 12;
/// Leads are sentences: a short line is a heading or a caption.
const LEAD_MIN_WORDS: usize = 8;
/// A headline is at most this long.
const HEADLINE_MAX_WORDS: usize = 40;

/// The numbers of capture groups `groups` (day or month, …), as written:
/// none when a group is missing or out of range.
fn numbers<const N: usize>(c: &regex::Captures<'_>, groups: [usize; N]) -> Option<[i16; N]> {
    let mut out = [0; N];
    for (slot, g) in out.iter_mut().zip(groups) {
        *slot = c.get(g)?.as_str().parse().ok()?;
    }
    Some(out)
}

/// A day and a month, checked to fit their types.
fn day_month(day: i16, month: i16) -> Option<(i8, i8)> {
    Some((i8::try_from(day).ok()?, i8::try_from(month).ok()?))
}

/// The year of capture group `group`, if written.
fn year(c: &regex::Captures<'_>, group: usize) -> Option<i16> {
    numbers(c, [group]).map(|[y]| y)
}

/// "(BVBNĐ-29/12/2017) Sáng nay, …": the agency's tag carries the date.
static TAG_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\([\p{Lu}.]{2,12}\s*[-–]\s*(\d{1,2})/(\d{1,2})/(\d{4})\)"));

/// A lead that opens with the date in words ("Ngày 16 tháng 9 năm 2021,
/// …"), or with a span of days ("Từ ngày 24/6 đến 6/7/2021, …", "Ngày
/// 15/11/2023 và 18/11/2023 tại …", "Trong 2
/// ngày 12 và 13/4/2015, …", "Trong 02 ngày từ ngày 25 – 26/02/2020, …"),
/// dated by its first day, as readers date a meeting by its opening.
static OPENING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:(?:sáng|chiều|tối|trưa)\s+)?(?:(?:thứ\s+\S+|chủ\s+nhật)\s*,?\s+)?(?:ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*,?\s*năm\s+(?P<y>\d{4})",
        r"|(?:từ\s+(?:ngày\s+)?|ngày\s+|trong\s+(?:\d{1,2}|hai|ba)\s+ngày\s*[(,]?\s*(?:từ\s+)?(?:ngày\s+)?)",
        r"(?P<fd>\d{1,2})(?:\s*/\s*(?P<fm>\d{1,2})(?:\s*/\s*(?P<fy>\d{4}))?)?",
        // "Trong 03 ngày, 3,4 và 5/8/2020": the days between.
        r"(?:\s*,\s*\d{1,2})*\s*(?:và|,|-|–|đến|tới)\s*(?:ngày\s+)?",
        r"(?P<ld>\d{1,2})\s*/\s*(?P<lm>\d{1,2})\s*/\s*(?P<ly>\d{4}))\b",
    ))
});

/// The number in the named group `name`, if written.
fn named(c: &regex::Captures<'_>, name: &str) -> Option<i16> {
    c.name(name)?.as_str().parse().ok()
}

/// The first day of a span whose month or year is written only with its
/// last ("12 và 13/4/2015"; "28/12 đến 3/1/2022" opens the year before).
fn first_of_span(c: &regex::Captures<'_>) -> Option<LeadDay> {
    let (last_month, last_year) = (named(c, "lm")?, named(c, "ly")?);
    let month = named(c, "fm").unwrap_or(last_month);
    let year = named(c, "fy").unwrap_or(if month > last_month {
        last_year - 1
    } else {
        last_year
    });
    let (day, month) = day_month(named(c, "fd")?, month)?;
    Some((day, month, Some(year)))
}

/// A day of the lunar calendar given with the solar date: "ngày mùng 10
/// tháng Giêng Giáp Ngọ (9/2/2014)".
static LUNAR_WITH_SOLAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:mùng|mồng)\s+\d{1,2}\s+tháng\s+[\p{L}\s]{2,30}?\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*\)",
    )
});

/// A whole date written in words or as a span, or a lunar day's solar date.
fn worded_day(lead: &str) -> Option<LeadDay> {
    let Some(c) = OPENING_WORDS.captures(lead) else {
        let c = LUNAR_WITH_SOLAR.captures(first_sentence(lead))?;
        let [day, month, year] = numbers(&c, [1, 2, 3])?;
        let (day, month) = day_month(day, month)?;
        return Some((day, month, Some(year)));
    };
    if c.name("fd").is_some() {
        return first_of_span(&c);
    }
    let (day, month) = day_month(named(&c, "d")?, named(&c, "m")?)?;
    Some((day, month, named(&c, "y")))
}

/// News of this collection is no older than this: a lead's day of an
/// earlier year tells history ("Ngày 06/3/1984 Hội đồng Bộ trưởng ban
/// hành Quyết định …" on a commune's introduction page).
const EARLIEST: i16 = 1995;

/// The day and month (and year, if written) the lead opens with.
fn opening_day(lead: &str) -> Option<LeadDay> {
    if let Some(c) = TAG_DATE.captures(lead) {
        let [day, month, year] = numbers(&c, [1, 2, 3])?;
        let (day, month) = day_month(day, month)?;
        return Some((day, month, Some(year)));
    }
    if let Some(found) = worded_day(lead) {
        return Some(found);
    }
    let c = OPENING.captures(lead)?;
    let end = c.get(0)?.end();
    // "17-18/8" is a range, "3/4 số hộ" a fraction, "100/2019" a number.
    let next = lead[end..].chars().next();
    if next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '/' | '-' | '.' | '%')) {
        return None;
    }
    let [day, month] = numbers(&c, [3, 5])?;
    let (day, month) = day_month(day, month)?;
    let year = year(&c, 6);
    // A bare "3/4" opening a lead is a fraction; a day is introduced
    // ("Ngày 3/4", "Sáng 3/4") or has its year.
    let introduced = c.name("when").is_some() || c.name("day").is_some();
    (introduced || year.is_some()).then_some((day, month, year))
}

/// A clause of the first sentence opening with a whole date in words:
/// "Thực hiện luật …, Ngày 11 tháng 01 năm 2012, Hội đồng nhân dân xã …",
/// "Nhằm …, vào sáng ngày 03 tháng 6 năm 2017, Ủy ban nhân dân phường …".
static WORDED_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[,;]\s*(?:vào\s+)?(?:(?i:sáng|chiều|tối)\s+)?[Nn]gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{4})\s*,",
    )
});

/// Whether the day `c` found in `sentence` follows the occasion the
/// sentence opens with, not a document cited by its number ("Thực hiện
/// Kế hoạch số 12, ngày 8-4, …").
fn after_occasion(sentence: &str, c: &regex::Captures<'_>) -> bool {
    let before = c.get(0).map_or("", |m| &sentence[..m.start()]);
    opens_occasion(sentence) && !CITED_BEFORE.is_match(before)
}

/// A day with its time of day in the lead's first sentence.
fn day_in_first_sentence(lead: &str) -> Option<LeadDay> {
    let sentence = first_sentence(lead);
    if let Some(c) = WORDED_CLAUSE
        .captures(sentence)
        .or_else(|| DAY_BETWEEN_COMMAS.captures(sentence))
        .or_else(|| {
            DAY_AFTER_COMMA
                .captures(sentence)
                .filter(|c| after_occasion(sentence, c))
        })
    {
        let [day, month, year] = numbers(&c, [1, 2, 3])?;
        let (day, month) = day_month(day, month)?;
        return Some((day, month, Some(year)));
    }
    // "Góp phần …, ngày 8-4, Huyện Ninh Hải tổ chức …": after an
    // occasion, a day set off by commas, its year said later if at all.
    if let Some(c) = DAY_SET_OFF.captures(sentence)
        && after_occasion(sentence, &c)
    {
        let [day, month] = numbers(&c, [1, 2])?;
        let (day, month) = day_month(day, month)?;
        return Some((day, month, None));
    }
    let c = WHEN_IN_SENTENCE.captures(sentence)?;
    let end = c.get(0)?.end();
    let next = sentence[end..].chars().next();
    if next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '/' | '-' | '%')) {
        return None;
    }
    let [day, month] = numbers(&c, [1, 2])?;
    let (day, month) = day_month(day, month)?;
    Some((day, month, year(&c, 3)))
}

/// Pass: the day of the issue a press review reads, named in the head
/// ("Trên số báo in ra ngày 19/3/2025 có …"), when the header gave no day:
/// before the title pass, which drops the lines above the headline.
pub(super) fn take_issue_day(page: &mut Page) {
    if page.stamp.is_some_and(|s| !s.month_only) {
        return;
    }
    let head = page.lines.len().min(HEAD_LINES);
    let Some((day, month, Some(year))) = page.lines[..head]
        .iter()
        .filter(|l| !l.caption)
        .find_map(|l| issue_day(&l.text))
    else {
        return;
    };
    let Ok(date) = Date::new(year, month, day) else {
        return;
    };
    // Under a month-only header, a day of that month.
    if page
        .stamp
        .is_none_or(|h| h.date.year() == year && h.date.month() == month)
    {
        page.stamp = Some(Stamp::day(date, None));
    }
}

/// Pass: the date from the lead, when the header gave none or only its
/// month; else from the title.
pub(super) fn take_lead_date(page: &mut Page) {
    // A press review's heading dates the issue it reads, whatever the
    // site's clock says ("Điểm báo ngày 22/11/2017" under "21/4/2015").
    if let Some(date) = page
        .title
        .as_deref()
        .filter(|t| super::title::is_review_heading(t))
        .and_then(title_date)
    {
        page.stamp = Some(date);
        return;
    }
    if page.stamp.is_some_and(|s| !s.month_only) {
        return;
    }
    take_from_lead(page);
    // "date 2021-07" over "Nghệ An: Thông tin nổi bật ngày 28/7".
    if let Some(header) = page.stamp.filter(|s| s.month_only)
        && let Some(day) = page.title.as_deref().and_then(|t| title_day_in(t, header))
    {
        page.stamp = Some(day);
    }
    if page.stamp.is_none() {
        let title = page.title.as_deref();
        page.stamp = title
            .and_then(title_date)
            .or_else(|| title.and_then(title_month));
    }
}

fn take_from_lead(page: &mut Page) {
    let mut paragraphs = page
        .lines
        .iter()
        .filter(|l| !l.caption && words(&l.text) >= LEAD_MIN_WORDS);
    let Some(first) = paragraphs.next() else {
        return;
    };
    // With no title line, the first paragraph may be the headline written
    // as one sentence with its full stop: the lead is the next one.
    let headline_like = page.title.is_none()
        && words(&first.text) <= HEADLINE_MAX_WORDS
        && first.text.trim_end().ends_with('.')
        && !first.text.trim_end().trim_end_matches('.').contains(". ");
    let second = paragraphs.next();
    let article: Vec<&str> = page
        .lines
        .iter()
        .filter(|l| !l.caption)
        .take(ARTICLE_PARAGRAPHS)
        .map(|l| l.text.as_str())
        .collect();
    let with_year = |text: &str, (day, month, year): LeadDay| {
        (
            day,
            month,
            year.or_else(|| year::year_of_day(text, &article, day, month)),
        )
    };
    let found = if page.stamp.is_some_and(|s| s.month_only) {
        // Under a month-only header a day opening a sentence is the day of
        // posting: the lead's, or, after a sapo, a later sentence's ("…
        // cô lập. Sáng 29/10, …") or the next paragraph's ("Chiều 22/3,
        // …"). A day inside a sentence ("… từ tối 20 đến chiều 21/10", a
        // caption's "…, sáng 9/9") is a day of the news, unless it is
        // today's ("vào chiều nay (29/6)").
        let later = first.text.split(". ").skip(1);
        let next = second.map(|l| l.text.as_str());
        // "Trước thềm Đại hội …, sáng 13/10, Bộ …": after an occasion, the
        // lead's own day.
        let after_occasion = || day_in_first_sentence(&first.text);
        opening_day(&first.text)
            .or_else(|| today(&first.text))
            .or_else(|| after_opening_clock(&first.text))
            .or_else(|| after_occasion().filter(|_| opens_occasion(&first.text)))
            .or_else(|| set_off_in_opening(&first.text))
            .or_else(|| later.chain(next).find_map(opening_day))
    } else {
        let third = paragraphs.next().map(|l| l.text.as_str());
        lead_day(
            &first.text,
            second.map(|l| l.text.as_str()),
            third,
            headline_like,
            &with_year,
        )
    };
    let Some((day, month, year)) = found.filter(|(_, _, y)| y.is_none_or(|y| y >= EARLIEST)) else {
        return;
    };
    page.stamp = match page.stamp {
        // A day of the header's month.
        Some(header) => {
            let same_year = year.is_none_or(|y| y == header.date.year());
            let date = Date::new(header.date.year(), month, day).ok();
            match date {
                Some(date) if same_year && month == header.date.month() => {
                    Some(Stamp::day(date, None))
                }
                _ => Some(header),
            }
        }
        // A whole date. A day without its year takes none from the site's
        // clock: the clock tells when the page was saved, and pages stay
        // up for years.
        None => year.and_then(|y| Date::new(y, month, day).ok().map(|d| Stamp::day(d, None))),
    };
}

/// "Vào khoảng 6h30, tại km 684+750 sáng 3/7, …": a lead that opens with
/// the hour, then says where and on which day, in its opening words.
fn after_opening_clock(lead: &str) -> Option<LeadDay> {
    const WITHIN_BYTES: usize = 120;
    if !OPENING_CLOCK.is_match(lead) {
        return None;
    }
    let sentence = first_sentence(lead);
    let opening = &sentence[..sentence.floor_char_boundary(WITHIN_BYTES)];
    let c = WHEN_IN_SENTENCE.captures(opening)?;
    let [day, month] = numbers(&c, [1, 2])?;
    let (day, month) = day_month(day, month)?;
    Some((day, month, year(&c, 3)))
}

static OPENING_CLOCK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:vào\s+)?(?:khoảng\s+)?(?:lúc\s+)?\d{1,2}\s*(?:h|giờ)"));

/// "Sáng nay, 25.8, Công an tỉnh …", "Theo đó, khoảng 22 giờ 15 phút,
/// ngày 7-6, tại …", "Như Báo … đã đưa tin: Khoảng 22h đêm 7/6, …": a day
/// set off among the first clauses of the lead, before what happened.
static SET_OFF_IN_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)^(?:[^,.;:]{1,80}[,:]\s*){1,2}(?:vào\s+)?(?:khoảng\s+)?",
        r"(?:\d{1,2}\s*(?:h|giờ)(?:\s*\d{1,2})?(?:\s*phút)?\s+)?",
        r"(?:(?:rạng\s+sáng|sáng|chiều|tối|trưa|đêm)(?:\s+nay)?\s+)?(?:ngày\s+)?",
        r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*,",
    ))
});

fn set_off_in_opening(lead: &str) -> Option<LeadDay> {
    let c = SET_OFF_IN_OPENING.captures(first_sentence(lead))?;
    let [day, month] = numbers(&c, [1, 2])?;
    let (day, month) = day_month(day, month)?;
    Some((day, month, None))
}

/// The day a lead's first sentence calls today ("vào chiều nay (29/6)").
fn today(lead: &str) -> Option<LeadDay> {
    let sentence = first_sentence(lead);
    let c = TODAY.captures(sentence)?;
    let [day, month] = numbers(&c, [1, 2])?;
    let (day, month) = day_month(day, month)?;
    Some((day, month, year(&c, 3)))
}

/// The day of a lead with no header date: the lead's opening or first
/// sentence, or, after an occasion, the next sentence's day with its year.
fn lead_day(
    first: &str,
    second: Option<&str>,
    third: Option<&str>,
    headline_like: bool,
    with_year: &dyn Fn(&str, LeadDay) -> LeadDay,
) -> Option<LeadDay> {
    let day_of = |text: &str| {
        opening_day(text)
            .or_else(|| day_in_first_sentence(text))
            .or_else(|| today(text))
            .map(|found| with_year(text, found))
    };
    day_of(first)
        .or_else(|| second.filter(|_| headline_like).and_then(day_of))
        // "Thực hiện kế hoạch số 59 ngày 15/4/2023 …. Sáng 24/4/2023, …":
        // an occasion, then the day with its year.
        .or_else(|| {
            first
                .split(". ")
                .nth(1)
                .or_else(|| second.filter(|_| opens_occasion(first)))
                // "Hoà trong không khí … (18/11/1930 - 18/11/2022). …, vào
                // lúc 14h00 ngày 10/11/2022 …": after an occasion, the day
                // may stand further into the sentence.
                .and_then(|s| {
                    opening_day(s)
                        .or_else(|| day_in_first_sentence(s).filter(|_| opens_occasion(first)))
                        .map(|found| with_year(s, found))
                })
                .filter(|(_, _, year)| year.is_some())
        })
        // "Thực hiện ý kiến chỉ đạo …. Thực hiện Kế hoạch số 83 …. Vào
        // ngày 02/6/2024, …": the day after every sentence that cites.
        .or_else(|| day_after_citations(first, with_year))
        // A lead that says no day: the next paragraph may open with it
        // ("Sáng ngày 05/6/2024, tại UBND xã …"), or the one after a
        // paragraph that cites the plan it follows.
        .or_else(|| {
            let cites = |p: &str| opens_occasion(p) || CITES_PLAN.is_match(p);
            // A table's cells ("07 giờ 30 phút Ngày 22-6-2022 (Thứ Tư) |")
            // give a schedule's days.
            let day = |p: &str| {
                (!p.contains('|'))
                    .then(|| opening_day(p).map(|found| with_year(p, found)))
                    .flatten()
            };
            // "Được sự nhất trí của …. Sáng ngày 14/02/2025 …" after them.
            let day = |p: &str| day(p).or_else(|| day_after_citations(p, with_year));
            second
                .and_then(day)
                .or_else(|| third.filter(|_| second.is_some_and(cites)).and_then(day))
                .filter(|(_, _, year)| year.is_some())
        })
}

fn day_after_citations(
    lead: &str,
    with_year: &dyn Fn(&str, LeadDay) -> LeadDay,
) -> Option<LeadDay> {
    let cites = |s: &&str| opens_occasion(s) || CITES_PLAN.is_match(s);
    let mut sentences = lead.split(". ");
    let first = sentences.next()?;
    if !cites(&first) {
        return None;
    }
    let mut rest = sentences.skip_while(cites);
    let s = rest.next()?;
    opening_day(s)
        .map(|found| with_year(s, found))
        .filter(|(_, _, year)| year.is_some())
}

/// A paragraph that cites a plan or a decision by its number ("… triển
/// khai thực hiện KH số 72/KH-UBND ngày 05/7/2022 về …").
static CITES_PLAN: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:KH|QĐ|Kế hoạch|Quyết định|Công văn)\s+số\s*:?\s*\d"));

#[cfg(test)]
mod tests;
mod title_day;
mod year;
