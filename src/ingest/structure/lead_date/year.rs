//! The year of a day the lead gives without one ("Chiều 26/7, …"), from
//! what the article itself says of that day: never from the site's clock,
//! which tells when the page was saved.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::{EARLIEST, first_sentence, numbers};
use crate::ingest::structure::line::re;

/// "07/8/2022", "1.8.2024", "25-8-2021".
static WHOLE_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b"));

/// "từ ngày 19 – 20/12/2019", "26-28/3/2025": a span's first day, which
/// shares its month and year with the last.
static SPAN_OPENS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(\d{1,2})\s*(?:[-–]|và|đến)\s*(?:ngày\s+)?\d{1,2}\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")
});

/// "kỷ niệm 1.100 năm ngày sinh vua … (924-2024)": the years an
/// anniversary spans, the later being the year it is held.
static ANNIVERSARY_YEARS: LazyLock<Regex> =
    LazyLock::new(|| re(r"\(\s*(\d{3,4})\s*[-–]\s*(\d{4})\s*\)"));
static YEARS_COUNTED: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,3}\.\d{3}|\d{1,4})\s+năm\b"));

/// "Ngày 5/12, HĐND tỉnh khai mạc kỳ họp. Đánh giá kết quả … năm 2018 …":
/// a year under review in a sitting of the year's last quarter.
static REVIEWED_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:kết\s+quả|đánh\s+giá|tổng\s+kết)[^.;:]{0,80}?\bnăm\s+(\d{4})\b"));

/// "phiên họp thường kỳ tháng 7/2022", "tháng 7 năm 2022": a month with
/// its year.
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\btháng\s+(\d{1,2})\s*(?:/|-|,?\s*năm\s+)\s*(\d{4})\b"));

/// "thông tin thời sự quý III năm 2024", "kết quả 9 tháng đầu năm 2024":
/// a period a meeting reviews, which it does in the period's last month
/// or the month after.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:quý\s+(I{1,3}|IV|[1-4])|(\d{1,2})\s+tháng\s+đầu)\s+(?:năm\s+)?(\d{4})\b")
});

/// "trước Tết Nguyên đán Ất Tỵ 2025", "mừng Xuân Giáp Thìn 2024": the
/// lunar new year, which falls between late January and February.
static NEW_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:[Tt]ết(?:\s+[Nn]guyên\s+[Đđ]án)?|[Xx]uân)\s+(?:\p{Lu}\p{Ll}*\s+\p{Lu}\p{Ll}*\s+)?(?:năm\s+)?(\d{4})\b",
    )
});

/// A whole date this close to the day, in the same sentence, is of the
/// same season: "Sáng ngày 30/9, … kỷ niệm 30 năm tái lập tỉnh (1/10/1991
/// – 1/10/2021)" is 2021.
const NEAR_DAYS: i64 = 45;

/// The year of `day`/`month`, which `paragraph` gives without one;
/// `article` is the article's paragraphs.
pub(super) fn year_of_day(paragraph: &str, article: &[&str], day: i8, month: i8) -> Option<i16> {
    let sentence = first_sentence(paragraph);
    year_of_same_day(sentence, day, month)
        .or_else(|| month_year(sentence, month))
        .or_else(|| period_year(sentence, month))
        .or_else(|| only_year(sentence, month))
        .or_else(|| near_date(paragraph, day, month))
        .or_else(|| anniversary_year(sentence))
        .or_else(|| review_then_plan(sentence, month))
        .or_else(|| season_named(sentence, month))
        .or_else(|| year_end_review(paragraph, month))
        .or_else(|| article.iter().find_map(|p| year_of_same_day(p, day, month)))
        // "… 10 tháng đầu năm 2022 và nhiệm vụ 3 tháng cuối năm" in the
        // next paragraph of a meeting held on 22/11.
        .or_else(|| article.iter().find_map(|p| period_year(p, month)))
        .or_else(|| new_year(paragraph, month))
}

/// The latest whole date of the same day in `text`: "Nhân kỷ niệm …
/// (07/8/1912 - 07/8/2022); sáng ngày 07/8, …" is 2022; "Ngày 2/9, … Sau 4
/// ngày (từ ngày 30/8-2/9/2024) …" is 2024.
pub(super) fn year_of_same_day(text: &str, day: i8, month: i8) -> Option<i16> {
    let opening_spans = SPAN_OPENS.captures_iter(text).filter_map(|c| {
        let [d, m, y] = numbers(&c, [1, 2, 3])?;
        Some((i8::try_from(d).ok()?, i8::try_from(m).ok()?, y))
    });
    whole_dates(text)
        .chain(opening_spans)
        .filter(|&(d, m, y)| (d, m) == (day, month) && y >= EARLIEST)
        .map(|(.., y)| y)
        .max()
}

fn whole_dates(text: &str) -> impl Iterator<Item = (i8, i8, i16)> + '_ {
    WHOLE_DATE.captures_iter(text).filter_map(|c| {
        let [d, m, y] = numbers(&c, [1, 2, 3])?;
        Some((i8::try_from(d).ok()?, i8::try_from(m).ok()?, y))
    })
}

fn month_year(sentence: &str, month: i8) -> Option<i16> {
    MONTH_YEAR
        .captures_iter(sentence)
        .filter_map(|c| numbers(&c, [1, 2]))
        .find(|&[m, y]| m == i16::from(month) && y >= EARLIEST)
        .map(|[_, y]| y)
}

fn period_year(sentence: &str, month: i8) -> Option<i16> {
    PERIOD.captures_iter(sentence).find_map(|c| {
        let last_month: i8 = match (c.get(1).map(|m| m.as_str()), c.get(2)) {
            (Some(quarter), _) => {
                3 * match quarter {
                    "I" | "1" => 1,
                    "II" | "2" => 2,
                    "III" | "3" => 3,
                    _ => 4,
                }
            }
            (None, Some(months)) => months
                .as_str()
                .parse()
                .ok()
                .filter(|m| (1..=11).contains(m))?,
            (None, None) => return None,
        };
        let [year] = numbers(&c, [3])?;
        let year = if month == last_month || month == last_month + 1 {
            year
        } else if last_month == 12 && month == 1 {
            year + 1
        } else {
            return None;
        };
        (year >= EARLIEST).then_some(year)
    })
}

/// "Chiều ngày 24-12, … xét công nhận xã đạt chuẩn nông thôn mới đợt 2
/// năm 2014": the one year a sentence names is its day's, unless it plans
/// ahead ("kế hoạch năm 2015" in December) or looks back in January
/// ("tổng kết năm 2014").
fn only_year(sentence: &str, month: i8) -> Option<i16> {
    const AHEAD: [&str; 6] = [
        "ke hoach",
        "nhiem vu",
        "du toan",
        "muc tieu",
        "phuong huong",
        "giai doan",
    ];
    // A period's or a month's year was read for what it is already.
    if month == 1 || PERIOD.is_match(sentence) || MONTH_YEAR.is_match(sentence) {
        return None;
    }
    // "Sáng 22-4, … tuyên dương các điển hình … năm 2014": in the first
    // half of a year, a year reviewed may be the one before.
    const REVIEWS: [&str; 6] = [
        "tong ket",
        "so ket",
        "tuyen duong",
        "khen thuong",
        "bieu duong",
        "danh gia",
    ];
    const FIRST_HALF_ENDS: i8 = 6;
    if month <= FIRST_HALF_ENDS {
        let folded = crate::text::fold_str(sentence);
        if REVIEWS.iter().any(|r| folded.contains(r)) {
            return None;
        }
    }
    let c = YEAR_NAMED.captures(sentence)?;
    let [year] = numbers(&c, [1])?;
    let others = ANY_YEAR
        .find_iter(sentence)
        .any(|m| m.as_str().parse::<i16>().ok() != Some(year));
    let start = c.get(0)?.start();
    let before = crate::text::fold_str(
        &sentence[sentence.floor_char_boundary(start.saturating_sub(40))..start],
    );
    let planned = AHEAD.iter().any(|a| before.contains(a));
    (!others && !planned && year >= EARLIEST).then_some(year)
}

static YEAR_NAMED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bnăm\s+(\d{4})\b"));
static ANY_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:19|20)\d{2}\b"));

fn near_date(sentence: &str, day: i8, month: i8) -> Option<i16> {
    whole_dates(sentence)
        .filter(|&(.., y)| y >= EARLIEST)
        .find_map(|(d, m, y)| {
            let near = Date::new(y, m, d).ok()?;
            (y - 1..=y + 1).find(|&candidate| {
                Date::new(candidate, month, day)
                    .ok()
                    .and_then(|date| (date - near).get_days().checked_abs())
                    .is_some_and(|days| i64::from(days) <= NEAR_DAYS)
            })
        })
}

/// "… tổng kết công tác thi đua năm 2022; triển khai nhiệm vụ năm 2023":
/// a year reviewed and the next one planned, in a meeting held in the
/// first half of the planned year or the last quarter of the reviewed one.
static REVIEW_THEN_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(?:tổng\s+kết|sơ\s+kết|đánh\s+giá|kết\s+quả)[^.;]{0,80}?\bnăm\s+(\d{4})",
        r"[^.]{0,40}?(?:triển\s+khai|nhiệm\s+vụ|kế\s+hoạch|phương\s+hướng)[^.;]{0,60}?\bnăm\s+(\d{4})",
    ))
});

fn review_then_plan(sentence: &str, month: i8) -> Option<i16> {
    let [reviewed, planned] = numbers(&REVIEW_THEN_PLAN.captures(sentence)?, [1, 2])?;
    if planned != reviewed + 1 || reviewed < EARLIEST {
        return None;
    }
    match month {
        1..=6 => Some(planned),
        10..=12 => Some(reviewed),
        _ => None,
    }
}

/// "trong thời gian cuối năm 2014 và đầu năm 2015": the end of a year
/// named in its last quarter, or its start in its first, is the present.
static SEASON: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(cuối|đầu)\s+năm\s+(\d{4})\b"));

fn season_named(sentence: &str, month: i8) -> Option<i16> {
    SEASON.captures_iter(sentence).find_map(|c| {
        let [year] = numbers(&c, [2])?;
        let now = match c.get(1)?.as_str().to_lowercase().as_str() {
            "cuối" => month >= 10,
            _ => month <= 3,
        };
        (now && year >= EARLIEST).then_some(year)
    })
}

fn anniversary_year(sentence: &str) -> Option<i16> {
    let counted: Vec<i16> = YEARS_COUNTED
        .captures_iter(sentence)
        .filter_map(|c| c.get(1)?.as_str().replace('.', "").parse().ok())
        .collect();
    ANNIVERSARY_YEARS.captures_iter(sentence).find_map(|c| {
        let [from, to] = numbers(&c, [1, 2])?;
        (to >= EARLIEST && counted.contains(&(to - from))).then_some(to)
    })
}

fn year_end_review(paragraph: &str, month: i8) -> Option<i16> {
    const LAST_QUARTER_OPENS: i8 = 10;
    // A period's year was read for what it is already.
    if month < LAST_QUARTER_OPENS || PERIOD.is_match(paragraph) {
        return None;
    }
    let [year] = numbers(&REVIEWED_YEAR.captures(paragraph)?, [1])?;
    (year >= EARLIEST).then_some(year)
}

fn new_year(paragraph: &str, month: i8) -> Option<i16> {
    let [year] = numbers(&NEW_YEAR.captures(paragraph)?, [1])?;
    match month {
        1..=3 => Some(year),
        11 | 12 => Some(year - 1),
        _ => None,
    }
    .filter(|&y| y >= EARLIEST)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_date_of_the_same_day_gives_its_latest_year() {
        let text = "Nhân kỷ niệm (14/6/1992 - 14/6/2022); sáng ngày 14/6, …";
        assert_eq!(year_of_same_day(text, 14, 6), Some(2022));
        assert_eq!(year_of_same_day(text, 15, 6), None);
        // A span's end carries the year for the day it ends on.
        assert_eq!(
            year_of_same_day("(từ ngày 26-28/3/2025)", 28, 3),
            Some(2025)
        );
        // And for the day it opens on, of the same month.
        assert_eq!(
            year_of_same_day("(từ ngày 26-28/3/2025)", 26, 3),
            Some(2025)
        );
        assert_eq!(year_of_same_day("(từ ngày 26-28/3/2025)", 26, 4), None);
        let two_days = "Diễn ra trong 2 ngày, từ ngày 19 – 20/12/2019, Kỳ họp sẽ nghe báo cáo";
        assert_eq!(year_of_same_day(two_days, 19, 12), Some(2019));
        assert_eq!(year_of_same_day("từ ngày 30/8-2/9/2024", 2, 9), Some(2024));
    }

    #[test]
    fn the_year_of_a_month_named_in_the_same_sentence() {
        let lead = "Chiều 26/7, UBND tỉnh họp phiên thường kỳ tháng 7/2022.";
        assert_eq!(year_of_day(lead, &[lead], 26, 7), Some(2022));
        let other_month = "Chiều 26/7, UBND tỉnh bàn kế hoạch tháng 9/2022.";
        assert_eq!(year_of_day(other_month, &[other_month], 26, 7), None);
        let worded = "Sáng 3/5, tỉnh tổng kết công tác tháng 5 năm 2019.";
        assert_eq!(year_of_day(worded, &[worded], 3, 5), Some(2019));
    }

    #[test]
    fn a_near_whole_date_gives_the_season_and_a_far_one_does_not() {
        let lead = "Sáng ngày 30/9, tỉnh kỷ niệm 30 năm tái lập (1/10/1991 – 1/10/2021).";
        assert_eq!(year_of_day(lead, &[lead], 30, 9), Some(2021));
        let far = "Sáng 30/9, tỉnh nhắc lại Quyết định ngày 2/3/2020.";
        assert_eq!(year_of_day(far, &[far], 30, 9), None);
        // Across a new year: 28 December is near 5 January of the next.
        let turn = "Ngày 28/12, tỉnh chuẩn bị cho lễ ngày 5/1/2024.";
        assert_eq!(year_of_day(turn, &[turn], 28, 12), Some(2023));
    }

    #[test]
    fn a_later_paragraph_naming_the_same_day_gives_its_year() {
        let lead = "Ngày 2/9, huyện bế mạc Ngày hội.";
        let later = "Sau 4 ngày (từ ngày 30/8-2/9/2024), Ngày hội đón 80.000 lượt khách.";
        assert_eq!(year_of_day(lead, &[lead, later], 2, 9), Some(2024));
        assert_eq!(year_of_day(lead, &[lead, later], 3, 9), None);
    }

    #[test]
    fn the_lunar_new_year_it_comes_before_or_after() {
        let jan = "Ngày 20/1, xã bàn giao nhà trước Tết Nguyên đán Ất Tỵ 2025.";
        assert_eq!(year_of_day(jan, &[jan], 20, 1), Some(2025));
        let dec = "Ngày 20/12, xã chuẩn bị quà mừng Xuân Giáp Thìn 2024.";
        assert_eq!(year_of_day(dec, &[dec], 20, 12), Some(2023));
        let worded = "Ngày 04/02, Huyện ủy sơ kết các hoạt động Tết Nguyên đán Ất Tỵ năm 2025.";
        assert_eq!(year_of_day(worded, &[worded], 4, 2), Some(2025));
        // Midyear the new year tells nothing of the day's year.
        let june = "Ngày 20/6, xã tổng kết các phần quà Tết 2025.";
        assert_eq!(year_of_day(june, &[june], 20, 6), None);
    }

    #[test]
    fn a_period_under_review_gives_the_year_of_its_last_month_or_the_next() {
        let lead =
            "Chiều ngày 16-10, Huyện ủy tổ chức hội nghị thông tin thời sự quý III năm 2024.";
        assert_eq!(year_of_day(lead, &[lead], 16, 10), Some(2024));
        assert_eq!(year_of_day(lead, &[lead], 16, 4), None);
        let january = "Ngày 8/1, tỉnh sơ kết quý IV/2024.";
        assert_eq!(year_of_day(january, &[january], 8, 1), None);
        let january = "Ngày 8/1, tỉnh sơ kết quý IV năm 2024.";
        assert_eq!(year_of_day(january, &[january], 8, 1), Some(2025));
        let months = "Sáng 5/7, sở đánh giá kết quả 6 tháng đầu năm 2023.";
        assert_eq!(year_of_day(months, &[months], 5, 7), Some(2023));
        assert_eq!(year_of_day(months, &[months], 5, 12), None);
    }

    #[test]
    fn the_one_year_a_sentence_names() {
        let lead = "Chiều ngày 24-12, UBND tỉnh họp xét công nhận xã đạt chuẩn nông thôn mới đợt 2 năm 2014.";
        assert_eq!(year_of_day(lead, &[lead], 24, 12), Some(2014));
        // Planned ahead, or two years named: no telling.
        let plan = "Chiều 24/12, HĐND tỉnh thông qua kế hoạch phát triển năm 2015.";
        assert_eq!(year_of_day(plan, &[plan], 24, 12), None);
        let two = "Sáng 5/6, tỉnh tổng kết năm 2014 và nêu mục tiêu đến năm 2020.";
        assert_eq!(year_of_day(two, &[two], 5, 6), None);
        let honoured =
            "Sáng 22-4, UBND tỉnh tuyên dương các điển hình trong phong trào thi đua năm 2014.";
        assert_eq!(year_of_day(honoured, &[honoured], 22, 4), None);
        let december = "Chiều 24-12, UBND tỉnh tổng kết phong trào thi đua năm 2014.";
        assert_eq!(year_of_day(december, &[december], 24, 12), Some(2014));
        // In January a year named is most often the one just ended.
        let review = "Sáng 8/1, huyện tổng kết công tác năm 2014.";
        assert_eq!(year_of_day(review, &[review], 8, 1), None);
    }

    #[test]
    fn a_period_reviewed_in_a_later_paragraph() {
        let lead = "Ngày 22/11, phường tổ chức đối thoại với nhân dân.";
        let next =
            "Lãnh đạo phường thông tin tình hình 10 tháng đầu năm 2022 và nhiệm vụ cuối năm.";
        assert_eq!(year_of_day(lead, &[lead, next], 22, 11), Some(2022));
        assert_eq!(year_of_day(lead, &[lead, next], 22, 5), None);
    }

    #[test]
    fn an_anniversary_counted_in_years_is_held_in_its_last_year() {
        let lead = "Ngày 24/3, huyện tổ chức kỷ niệm 1100 năm ngày sinh vua Đinh (924-2024).";
        assert_eq!(year_of_day(lead, &[lead], 24, 3), Some(2024));
        // The count must fit the span: a term of office is no anniversary.
        let term = "Ngày 24/3, HĐND tổng kết 5 năm nhiệm kỳ (2016-2022).";
        assert_eq!(year_of_day(term, &[term], 24, 3), None);
        let dotted = "Nhân kỷ niệm 94 năm (1.8.1930 – 1.8.2024), sáng ngày 1.8, Hội thăm Ban.";
        assert_eq!(year_of_day(dotted, &[dotted], 1, 8), Some(2024));
    }

    #[test]
    fn a_year_reviewed_at_a_sitting_of_its_last_quarter() {
        let lead = "Ngày 5/12, HĐND tỉnh khai mạc kỳ họp thứ 7, nhiệm kỳ 2016-2021. Đánh giá kết quả thực hiện nhiệm vụ năm 2018 cho thấy tăng trưởng đạt 9%.";
        assert_eq!(year_of_day(lead, &[lead], 5, 12), Some(2018));
        // Midyear a year's results may be published the year after.
        assert_eq!(year_of_day(lead, &[lead], 5, 5), None);
        let planned = "Ngày 5/12, HĐND tỉnh khai mạc kỳ họp. Kỳ họp thông qua kế hoạch năm 2019.";
        assert_eq!(year_of_day(planned, &[planned], 5, 12), None);
    }

    #[test]
    fn a_year_reviewed_and_the_next_planned() {
        let lead = "Ngày 6/3, Chủ tịch UBND tỉnh chủ trì Hội nghị tổng kết công tác thi đua, khen thưởng năm 2022; triển khai nhiệm vụ năm 2023.";
        assert_eq!(year_of_day(lead, &[lead], 6, 3), Some(2023));
        assert_eq!(year_of_day(lead, &[lead], 20, 12), Some(2022));
        assert_eq!(year_of_day(lead, &[lead], 6, 8), None);
    }

    #[test]
    fn the_end_or_the_start_of_a_year_named_in_its_season() {
        let lead = "Chiều ngày 13.11, UBND huyện họp bàn các hoạt động trong thời gian cuối năm 2014 và đầu năm 2015.";
        assert_eq!(year_of_day(lead, &[lead], 13, 11), Some(2014));
        assert_eq!(year_of_day(lead, &[lead], 13, 1), Some(2015));
        assert_eq!(year_of_day(lead, &[lead], 13, 6), None);
    }

    #[test]
    fn years_before_the_earliest_are_ignored() {
        let old = "Ngày 3/2, kỷ niệm ngày thành lập (3/2/1930).";
        assert_eq!(year_of_day(old, &[old], 3, 2), None);
    }
}
