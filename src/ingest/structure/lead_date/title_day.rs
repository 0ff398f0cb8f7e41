//! Dates a headline gives: a whole day ("Thông tin báo chí ngày
//! 05/9/2025"), a day of a header's month, or a month with its year.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::{CITED_BEFORE, EARLIEST, day_month, numbers};
use crate::ingest::dates::Stamp;
use crate::ingest::structure::line::re;

/// A date a title gives ("Thông tin báo chí ngày 05/9/2025", "Tình hình
/// dịch (07h30, ngày 21/8/2020)").
static IN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:ngày\s+(?:hôm\s+nay\s+)?|\(\s*)(\d{1,2})(?:/|-|\.|\s+tháng\s+)(\d{1,2})(?:/|-|\.|\s+năm\s+)(\d{4})\b",
    )
});

/// A day a title gives without its year ("Thông tin nổi bật ngày 28/7"):
/// read only in the month a header gives.
static DAY_IN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})"));
/// A month a title gives ("Giao ban báo chí tháng 4 năm 2022").
static MONTH_IN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\btháng\s+(\d{1,2})\s*(?:năm\s+|/\s*)(\d{4})\b"));

/// The month a title names with its year, as a month-only date.
pub(super) fn title_month(title: &str) -> Option<Stamp> {
    // "Từ 15/9 đến tháng 2/2015, dự kiến …": a month a sentence plans to,
    // not a month a headline names.
    let c = MONTH_IN_TITLE.captures(title)?;
    let before = &title[..c.get(0)?.start()];
    if before.trim_end().ends_with("đến") || before.trim_end().ends_with("tới") {
        return None;
    }
    let [month, year] = numbers(&c, [1, 2])?;
    let date = Date::new(year, i8::try_from(month).ok()?, 1).ok()?;
    Some(Stamp {
        date,
        time: None,
        month_only: true,
    })
}

/// The day a title gives in the month of `header` (month-only).
pub(super) fn title_day_in(title: &str, header: Stamp) -> Option<Stamp> {
    let c = DAY_IN_TITLE.captures(title)?;
    let end = c.get(0)?.end();
    // "ngày 28/7/2021" has its year and is read whole elsewhere.
    if title[end..].starts_with(|c: char| c.is_ascii_digit() || "/.-".contains(c)) {
        return None;
    }
    let [day, month] = numbers(&c, [1, 2])?;
    let (day, month) = day_month(day, month)?;
    if month != header.date.month() {
        return None;
    }
    let date = Date::new(header.date.year(), month, day).ok()?;
    Some(Stamp::day(date, None))
}

/// The first date the title gives.
pub(super) fn title_date(title: &str) -> Option<Stamp> {
    let c = IN_TITLE.captures(title)?;
    // "(25/8/1991-25/8/2021)": an anniversary's span, not the day.
    let after = title[c.get(0)?.end()..].trim_start();
    if after.starts_with(['-', '–']) {
        return None;
    }
    // "Thực hiện Kế hoạch số 81/KH-UBND ngày 16/3/2022 về …": a cited
    // document's date.
    if CITED_BEFORE.is_match(&title[..c.get(0)?.start()]) {
        return None;
    }
    let [day, month, year] = numbers(&c, [1, 2, 3])?;
    let (day, month) = day_month(day, month)?;
    // "Ngày 23/8/1945 là ngày truyền thống …": a day of history.
    if year < EARLIEST {
        return None;
    }
    Date::new(year, month, day)
        .ok()
        .map(|d| Stamp::day(d, None))
}
