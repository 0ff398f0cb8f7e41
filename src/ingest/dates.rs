//! The publication date and time in the header of a scraped article.
//!
//! News sites print it in many ways: "03/09/2020 | 08:17", "12/10/2017
//! 08:56", "date 2025-08-18", "Thứ Hai, 8/5/2023, 15:58 (GMT+7)", "21:29 ,
//! 09/09/2022", "ngày 3/9/2020", "Cập nhật lúc 08:17 ngày 3 tháng 9 năm
//! 2020". Numeric dates are always day first. A header is read token by
//! token from the start of a line: dates, times, weekdays, time zones and
//! labels ("Cập nhật", "Ngày đăng", …), and nothing else. This is what keeps
//! dates inside sentences out: "Ngày 3/9/2020, UBND tỉnh …" opens a
//! sentence, not a header, and decree numbers ("100/2019/NĐ-CP"), fractions,
//! quarters ("Quý III/2017") and ranges without a year ("17-18/8") are not
//! dates at all.

use std::sync::LazyLock;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{self, Offset, TimeZone};
use regex::Regex;

use super::re;

/// A publication date, with the time when the header gives one. In
/// Vietnam's time (UTC+7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The first of the month when only the month is known.
    pub date: Date,
    pub time: Option<Time>,
    /// Only the month is known ("date 2025-07").
    pub month_only: bool,
}

impl Stamp {
    pub fn day(date: Date, time: Option<Time>) -> Stamp {
        Stamp {
            date,
            time,
            month_only: false,
        }
    }
}

/// What a header's label says its date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderKind {
    /// No label, or one that says nothing more ("Ngày", "Thời gian").
    Plain,
    /// "Ngày đăng", "Được đăng", "Xuất bản", "Posted".
    Published,
    /// "Cập nhật", "Updated": a later date than the publication's.
    Updated,
    /// "Hôm nay": the site's clock on the day the page was saved.
    Today,
}

/// A date header found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub stamp: Stamp,
    pub kind: HeaderKind,
    /// It names the weekday ("Thứ Sáu, 10/5/2024").
    pub weekday: bool,
    /// Byte offset in the line where the text after the header starts;
    /// the line's length when the header is the whole line.
    pub rest: usize,
}

impl Header {
    pub fn is_whole_line(&self, line: &str) -> bool {
        self.rest >= line.len()
    }
}

/// The years a publication date may fall in: anything else is a number
/// that happens to look like a date.
const YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

/// `2025-08-18`, optionally with a time and a UTC offset (RFC 3339).
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    )
});
/// `2025-07`: a month (a scraped header that knows no day).
static ISO_MONTH: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{4})-(\d{1,2})"));
/// `3/9/2020`, `03-09-2020`, `03.09.2020`: day first, one separator.
/// Some portals space the dashes: `17 - 05 - 2024`.
static DMY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{1,2})([/.-]| - )(\d{1,2})([/.-]| - )(\d{4})"));
/// `21 09 2025`: spaces for separators, two digits each.
static DMY_SPACED: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{2}) (\d{2}) (\d{4})"));
/// `Tháng Năm 20, 2017`, `30 Tháng Ba, 2022`: the month by its name, as
/// blogs and parish sites print it.
static MONTH_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"(mười\s+một|mười\s+hai|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|giêng|chạp)";
    re(&format!(
        r"(?i)^(?:tháng\s+{name}\s+(\d{{1,2}}),?\s+(\d{{4}})|(\d{{1,2}})\s+tháng\s+{name},?\s+(\d{{4}}))"
    ))
});
/// The months' names, folded, in order; forums also call the first and the
/// last by their lunar names ("Tháng Giêng", "Tháng Chạp").
const MONTH_NAMES: [&str; 14] = [
    "mot", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi", "muoi mot", "muoi hai",
    "gieng", "chap",
];
/// `ngày 3 tháng 9 năm 2020`, `13 Tháng 10 2015`, and the month cut short
/// as blog themes and phone locales print it: `28 Th7 2021`, `28 thg 7, 2021`.
static LONG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:ngày\s+)?(\d{1,2})\s+(?:tháng\s+|thg\s*|th\s*)(\d{1,2})\s*(?:năm\s+|[,/]\s*|\s)(\d{4})",
    )
});
/// `08:17`, `08:17:05`, `8h17`, `8 giờ 17 (phút)`, `8:17 PM` (`SA`/`CH` in
/// Vietnamese Windows), `12:0` (a portal that drops a minute's zero).
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(\d{1,2})(?::(\d{1,2})(?::(\d{2}))?|\s*(?:h|g|giờ)\s*(\d{2})(?:\s*phút)?)(?:\s*(am|pm|sa|ch)\b)?",
    )
});
/// `GMT+7`, `UTC+07:00`, `GMT`.
static ZONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"));
/// `Thứ Hai`, `Thứ 2`, `Chủ nhật`, `CN`, `T2`, `Th 4`.
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^(?:{WEEKDAY_WORDS}|cn|th?\s?[2-7]|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    ))
});
/// The weekdays in words: `Thứ Hai`, `Thứ 2`, `Chủ nhật` (a pattern).
pub const WEEKDAY_WORDS: &str = r"thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật";
/// `May 28, 2015`, `28 May 2015`: blogs and English pages.
static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4}))",
    )
});
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
/// Words that introduce a date in a header. A bare "ngày" is weak: it
/// also opens sentences.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:ngày\s+(?:đăng(?:\s+(?:bài|tin))?|đưa(?:\s+tin)?|cập\s+nhật|xuất\s+bản)|cập\s+nhật(?:\s+lần\s+cuối|\s+lúc)?|(?:vào\s+)?lúc|(?:được\s+)?đăng(?:\s+(?:lúc|ngày|bài))?|xuất\s+bản|thời\s+gian|date|time|(?:posted|published|updated)(?:\s+on)?|hôm\s+nay|print|in\s+bài(?:\s+viết)?|bản\s+in|tin\s+ngày|ngày|giờ)",
    )
});

/// The name of a clock or calendar icon, as pages saved as text keep it.
static ICON: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:clock|calendar)"));

/// The rest of "(TBTCO) - …", "(Ngày Nay) - …", "(LĐ online) - …" once its
/// parenthesis is read past: an agency's tag, a short name and a dash.
static AGENCY_TAG: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\p{Lu}[\p{L}\d.&]*(?:\s[\p{L}\d.&]+){0,2}\)\s*[-–—]"));

/// Characters between the tokens of a header; a minute's mark after the
/// time too ("06:19' - 14/03/2017").
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | ','
                | ';'
                | ':'
                | '('
                | ')'
                | '['
                | ']'
                | '-'
                | '–'
                | '—'
                | '•'
                | '·'
                | '*'
                | '\''
                | '’'
        )
}

/// A match must end at a word boundary: "2020" in "2020/NĐ" or "8:17" in
/// "8:175" is not a token.
fn ends_cleanly(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '/' || c == '_'))
}

enum Token {
    Date(Date, Option<Time>),
    /// A month without a day.
    Month(Date),
    Time(Time),
    Weekday,
    /// A time zone or a label; `strong` unless it is a bare "ngày".
    Word {
        strong: bool,
        kind: HeaderKind,
    },
}

/// Finds a date header at the start of `line`: the whole line ("03/09/2020
/// | 08:17"), or a header followed by the article's text ("date 2025-08-18
/// Trong 2 ngày …") when it is unmistakably one: it has a time, a weekday,
/// a zone, an ISO date or a label other than "ngày", and the text after it
/// starts a new sentence.
pub fn find_header(line: &str) -> Option<Header> {
    let mut pos = 0;
    let mut end = 0;
    let mut date: Option<Date> = None;
    let mut time: Option<Time> = None;
    let mut month_only = false;
    let mut strong = false;
    let mut kind = HeaderKind::Plain;
    let mut weekday = false;
    let mut scraped = false;
    loop {
        pos += line[pos..]
            .char_indices()
            .find(|&(_, c)| !is_separator(c))
            .map_or(line.len() - pos, |(i, _)| i);
        if pos >= line.len() {
            break;
        }
        let Some((token, len)) = token_at(&line[pos..]) else {
            break;
        };
        // "date 2026-03-12 Lúc 0 giờ 11 phút ngày 12/3, …": a scraper's
        // prefix ends at its date; a label after it opens the page's text.
        if scraped && date.is_some() && matches!(token, Token::Word { .. }) {
            break;
        }
        scraped |= end == 0 && line[pos..pos + len].eq_ignore_ascii_case("date");
        // "date 2025-12-14 Ngày càng nhiều …": a bare "ngày" after the
        // date is the lead's first word unless a date or time follows.
        let day_word_after_date =
            date.is_some() && matches!(token, Token::Word { strong: false, .. });
        match token {
            Token::Date(d, t) => {
                // A second date (an "updated" stamp) is read past; the
                // first one is the publication date.
                if date.is_none() {
                    date = Some(d);
                    if t.is_some() {
                        time = t;
                        strong = true;
                    }
                }
            }
            Token::Month(d) => {
                if date.is_none() {
                    date = Some(d);
                    month_only = true;
                }
            }
            Token::Time(t) => {
                time = time.or(Some(t));
                strong = true;
            }
            Token::Weekday => {
                strong = true;
                weekday = true;
            }
            Token::Word { strong: s, kind: k } => {
                strong |= s;
                // The first label says what the date is: "Ngày đăng: …,
                // cập nhật: …" is a publication date.
                if kind == HeaderKind::Plain && date.is_none() {
                    kind = k;
                }
            }
        }
        pos += len;
        if !day_word_after_date {
            end = pos;
        }
    }
    let date = date?;
    // A month is a header only with a label ("date 2025-07"): bare, it
    // may be a range of years ("2019-20").
    if month_only && kind == HeaderKind::Plain && !strong {
        return None;
    }
    let stamp = Stamp {
        date,
        time: time.filter(|_| !month_only),
        month_only,
    };
    let rest = match text_after(line, end) {
        // What follows may be only a counter's digits or punctuation left
        // ("06.01.2023 14:5780 đã xem" less its counter): nothing to read.
        After::Nothing => line.len(),
        After::Lead(rest) if strong => rest,
        After::Lead(_) | After::Clause => return None,
    };
    Some(Header {
        stamp,
        kind,
        weekday,
        rest,
    })
}

/// A user name after a date is at most this long.
const USER_NAME_MAX_BYTES: usize = 32;

/// What follows a header that ends at byte `end`.
enum After {
    Nothing,
    /// The article's text, from this byte on.
    Lead(usize),
    /// The date is part of a sentence.
    Clause,
}

fn text_after(line: &str, end: usize) -> After {
    let after = &line[end..];
    let gap = after
        .char_indices()
        .find(|&(_, c)| !is_separator(c))
        .map_or(after.len(), |(i, _)| i);
    let rest_offset = end + gap;
    let rest_text = &line[rest_offset..];
    if !rest_text.chars().any(char::is_alphabetic) {
        return After::Nothing;
    }
    // "15/04/2025 adminchanvy": the poster's user name, one word of ASCII.
    let user_name = rest_text.len() <= USER_NAME_MAX_BYTES
        && rest_text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.".contains(c))
        && rest_text.starts_with(|c: char| c.is_ascii_lowercase());
    if user_name && after[..gap].chars().all(char::is_whitespace) {
        return After::Nothing;
    }
    // "28 Th7, 2021 bởi Ban biên tập": a blog's poster after the date.
    let poster = rest_text
        .split_once(' ')
        .is_some_and(|(w, name)| matches!(w, "bởi" | "by") && name.split_whitespace().count() <= 6);
    if poster && rest_text.len() <= USER_NAME_MAX_BYTES * 2 {
        return After::Nothing;
    }
    // A comma after the date continues a sentence: "08:17 3/9/2020, UBND …";
    // an agency's tag in parentheses opens the lead: "date 2023-05
    // (TBTCO) - Lũy kế …".
    let clause = after[..gap].contains([',', ';'])
        || after[..gap].contains('(') && !AGENCY_TAG.is_match(rest_text);
    // "date 2019-08 26 hộ dân …": a lead may open with a number, a word
    // of its own.
    let number = rest_text
        .split_once(' ')
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let starts_sentence = number
        || rest_text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘' | '«'));
    if clause || !starts_sentence {
        return After::Clause;
    }
    // The lead keeps its agency's tag, parenthesis and all.
    After::Lead(match after[..gap].rfind('(') {
        Some(open) => end + open,
        None => rest_offset,
    })
}

/// The header token at the start of `s`, and its length in bytes.
fn token_at(s: &str) -> Option<(Token, usize)> {
    if let Some(c) = ISO.captures(s) {
        let len = c.get(0).map_or(0, |m| m.end());
        if ends_cleanly(&s[len..]) {
            let num = |i| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
            let date = make_date(num(1)?, num(2)?, num(3)?)?;
            let time = match num(4) {
                Some(h) => Some(make_time(h, num(5)?, num(6).unwrap_or(0))?),
                None => None,
            };
            let (date, time) = match (time, c.get(7)) {
                (Some(t), Some(z)) => in_vietnam(date.to_datetime(t), z.as_str())?,
                _ => (date, time),
            };
            return Some((Token::Date(date, time), len));
        }
    }
    if let Some(c) = ISO_MONTH.captures(s) {
        let len = c.get(0).map_or(0, |m| m.end());
        let num = |i| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
        if ends_cleanly(&s[len..]) && !s[len..].starts_with('-') {
            let date = make_date(num(1)?, num(2)?, 1)?;
            return Some((Token::Month(date), len));
        }
    }
    // Day, month and year in groups 1 to 3.
    for day_first in [&LONG, &DMY_SPACED] {
        if let Some(c) = day_first.captures(s) {
            let len = c.get(0).map_or(0, |m| m.end());
            let num = |i| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
            if ends_cleanly(&s[len..]) {
                let date = make_date(num(3)?, num(2)?, num(1)?)?;
                return Some((Token::Date(date, None), len));
            }
        }
    }
    if let Some(found) = english_date(s).or_else(|| month_named(s)) {
        return Some(found);
    }
    if let Some(c) = DMY.captures(s) {
        let len = c.get(0).map_or(0, |m| m.end());
        let sep = |i| c.get(i).map(|m| m.as_str());
        if sep(2) == sep(4) && ends_cleanly(&s[len..]) {
            let num = |i| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
            let date = make_date(num(5)?, num(3)?, num(1)?)?;
            return Some((Token::Date(date, None), len));
        }
        // Not a date, and digits are nothing else in a header.
        return None;
    }
    if let Some(c) = TIME.captures(s) {
        let len = c.get(0).map_or(0, |m| m.end());
        if ends_cleanly(&s[len..]) {
            let num = |i| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
            let minute = num(2).or(num(4))?;
            let mut hour = num(1)?;
            match c.get(5).map(|m| m.as_str().to_lowercase()).as_deref() {
                Some("pm" | "ch") if (1..12).contains(&hour) => hour += 12,
                Some("am" | "sa") if hour == 12 => hour = 0,
                // "18:25 PM": a 24-hour clock with a needless mark.
                Some("am" | "sa") if hour > 12 => return None,
                _ => {}
            }
            let time = make_time(hour, minute, num(3).unwrap_or(0))?;
            return Some((Token::Time(time), len));
        }
        return None;
    }
    if let Some(m) = ZONE.find(s)
        && ends_cleanly(&s[m.end()..])
    {
        let word = Token::Word {
            strong: true,
            kind: HeaderKind::Plain,
        };
        return Some((word, m.end()));
    }
    if let Some(m) = WEEKDAY.find(s)
        && ends_cleanly(&s[m.end()..])
    {
        return Some((Token::Weekday, m.end()));
    }
    // "ClockThứ Hai, 30/04/2018 00:08": an icon's name saved glued to the
    // date it stands for; it says nothing of the date.
    if let Some(m) = ICON.find(s)
        && !s[m.end()..].starts_with(char::is_lowercase)
    {
        let word = Token::Word {
            strong: false,
            kind: HeaderKind::Plain,
        };
        return Some((word, m.end()));
    }
    label_at(s)
}

/// A header's label at the start of `s`: "Cập nhật", "Ngày đăng", ….
fn label_at(s: &str) -> Option<(Token, usize)> {
    let m = LABEL.find(s)?;
    let label = crate::text::fold_str(m.as_str());
    // "Cập nhật lúc15:34": a label glued to its time or date.
    let glued = label != "ngay" && s[m.end()..].starts_with(|c: char| c.is_ascii_digit());
    if !ends_cleanly(&s[m.end()..]) && !glued {
        return None;
    }
    // "Thời gian qua, …", "Giờ đây …": a sentence's first words, not a
    // label, when a lowercase word follows.
    let sentence = matches!(label.as_str(), "thoi gian" | "gio")
        && s[m.end()..].strip_prefix(' ').is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(char::is_lowercase) && !LABEL.is_match(rest)
        });
    if sentence {
        return None;
    }
    let kind = label_kind(&label);
    Some((
        Token::Word {
            strong: label != "ngay",
            kind,
        },
        m.end(),
    ))
}

/// "Tháng Năm 20, 2017": the month by its name, as blogs print it.
fn month_named(s: &str) -> Option<(Token, usize)> {
    let c = MONTH_NAMED.captures(s)?;
    let len = c.get(0).map_or(0, |m| m.end());
    if !ends_cleanly(&s[len..]) {
        return None;
    }
    // Month first ("Tháng Năm 20, 2017") or day first ("30 Tháng Ba, 2022").
    let (name, day, year) = if c.get(1).is_some() {
        (1, 2, 3)
    } else {
        (5, 4, 6)
    };
    let name = crate::text::fold_str(c.get(name)?.as_str());
    let month = match MONTH_NAMES
        .iter()
        .position(|m| name.split_whitespace().eq(m.split(' ')))?
    {
        12 => 0,
        13 => 11,
        month => month,
    };
    let num = |i| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
    let date = make_date(num(year)?, i64::try_from(month + 1).ok()?, num(day)?)?;
    Some((Token::Date(date, None), len))
}

/// What a header label (folded) says of its date.
fn label_kind(label: &str) -> HeaderKind {
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.starts_with("hom nay") {
        HeaderKind::Today
    } else if label.contains("cap nhat") || label.starts_with("updated") {
        HeaderKind::Updated
    } else if label.contains("dang")
        || label.starts_with("ngay dua")
        || label.contains("xuat ban")
        || label.starts_with("posted")
        || label.starts_with("published")
    {
        HeaderKind::Published
    } else {
        HeaderKind::Plain
    }
}

/// "May 28, 2015", "28 May 2015" at the start of `s`.
fn english_date(s: &str) -> Option<(Token, usize)> {
    let c = ENGLISH.captures(s)?;
    let len = c.get(0).map_or(0, |m| m.end());
    let num = |i| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
    let month = |i| {
        let name = c.get(i)?.as_str().to_lowercase();
        MONTHS.iter().position(|m| *m == name).map(|m| m as i64 + 1)
    };
    let (day, month, year) = match month(1) {
        Some(m) => (num(2), Some(m), num(3)),
        None => (num(4), month(5), num(6)),
    };
    if !ends_cleanly(&s[len..]) {
        return None;
    }
    let date = make_date(year?, month?, day?)?;
    Some((Token::Date(date, None), len))
}

fn make_date(year: i64, month: i64, day: i64) -> Option<Date> {
    let year = i16::try_from(year).ok().filter(|y| YEARS.contains(y))?;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

fn make_time(hour: i64, minute: i64, second: i64) -> Option<Time> {
    Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()
}

/// A date and time written with a UTC offset ("Z", "+00:00"), in
/// Vietnam's time.
fn in_vietnam(dt: DateTime, zone: &str) -> Option<(Date, Option<Time>)> {
    let seconds = if zone.eq_ignore_ascii_case("z") {
        0
    } else {
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
        let hours: i32 = digits.get(..2)?.parse().ok()?;
        let minutes: i32 = digits
            .get(2..)
            .filter(|m| !m.is_empty())
            .map_or(Some(0), |m| m.parse().ok())?;
        sign * (hours * 3600 + minutes * 60)
    };
    let offset = Offset::from_seconds(seconds).ok()?;
    let local = offset
        .to_timestamp(dt)
        .ok()?
        .to_zoned(TimeZone::fixed(tz::offset(7)));
    Some((local.date(), Some(local.time())))
}

#[cfg(test)]
mod tests;
