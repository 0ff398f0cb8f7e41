//! Date terms as a reader says them, in Vietnamese (with or without
//! diacritics) or English: relative to today (`#homnay`, `#tuantruoc`,
//! `#7ngay`, `#2w`), around a day (`#3/9/2020~3`), and quarters and
//! months in words (`#quy3/2020`, `#2020q3`, `#thang9/2020`).
//!
//! "Today" is the day in Vietnam (see [`crate::clock`]); weeks start on
//! Monday; "the last 7 days" are today and the six days before it.

use jiff::Span;
use jiff::civil::Date;

use crate::text::fold_str;

/// What a date term says, read as words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Said {
    /// These days, both ends included.
    Days(Date, Date),
    /// A month (1–12) of every year: `#thang9`.
    EveryYear(i8),
    /// The start of a term this module reads, with what it can become.
    Unfinished(Vec<String>),
    /// A count of zero, or one too large for any calendar.
    Impossible,
    /// Not a term this module reads.
    Other,
}

/// The named relative terms, folded, and the days each stands for.
const NAMED: [(&str, Named); 17] = [
    ("homnay", Named::Today),
    ("today", Named::Today),
    ("homqua", Named::Yesterday),
    ("yesterday", Named::Yesterday),
    ("tuannay", Named::ThisWeek),
    ("thisweek", Named::ThisWeek),
    ("tuantruoc", Named::LastWeek),
    ("lastweek", Named::LastWeek),
    ("thangnay", Named::ThisMonth),
    ("thismonth", Named::ThisMonth),
    ("thangtruoc", Named::LastMonth),
    ("lastmonth", Named::LastMonth),
    ("namnay", Named::ThisYear),
    ("thisyear", Named::ThisYear),
    ("namngoai", Named::LastYear),
    ("namtruoc", Named::LastYear),
    ("lastyear", Named::LastYear),
];

#[derive(Debug, Clone, Copy)]
enum Named {
    Today,
    Yesterday,
    ThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
    ThisYear,
    LastYear,
}

/// Units of `#7ngay`, `#2w`: the last so many of them, up to today.
const UNITS: [(&str, Unit); 8] = [
    ("ngay", Unit::Day),
    ("d", Unit::Day),
    ("tuan", Unit::Week),
    ("w", Unit::Week),
    ("thang", Unit::Month),
    ("m", Unit::Month),
    ("nam", Unit::Year),
    ("y", Unit::Year),
];

#[derive(Debug, Clone, Copy)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// What `rest` (the term after `#`) says, today being `today`.
pub(super) fn read(rest: &str, today: Date) -> Said {
    let key: String = fold_str(rest)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if key.is_empty() {
        return Said::Other;
    }
    if let Some((_, named)) = NAMED.iter().find(|(k, _)| *k == key) {
        return named_days(*named, today).map_or(Said::Impossible, |(a, b)| Said::Days(a, b));
    }
    if key.starts_with(|c: char| c.is_ascii_alphabetic()) {
        let can_be: Vec<String> = NAMED
            .iter()
            .filter(|(k, _)| k.starts_with(key.as_str()))
            .map(|(k, _)| format!("#{k}"))
            .collect();
        if !can_be.is_empty() {
            return Said::Unfinished(can_be);
        }
        return Said::Other;
    }
    let digits = key.bytes().take_while(u8::is_ascii_digit).count();
    let (number, unit) = key.split_at(digits);
    if unit.is_empty() || !unit.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Said::Other;
    }
    if let Some((_, unit)) = UNITS.iter().find(|(u, _)| *u == unit) {
        let Some(n) = number
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
        else {
            return Said::Impossible;
        };
        return last(n, *unit, today).map_or(Said::Impossible, |from| Said::Days(from, today));
    }
    let can_be: Vec<String> = UNITS
        .iter()
        .filter(|(u, _)| u.len() > 1 && u.starts_with(unit))
        .map(|(u, _)| format!("#{number}{u}"))
        .collect();
    if can_be.is_empty() {
        Said::Other
    } else {
        Said::Unfinished(can_be)
    }
}

/// The Monday of the week of `d`.
pub(super) fn monday(d: Date) -> Option<Date> {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    d.checked_sub(Span::new().days(back)).ok()
}

/// The days a named term stands for.
fn named_days(named: Named, today: Date) -> Option<(Date, Date)> {
    let days = |n: i64| today.checked_sub(Span::new().days(n)).ok();
    Some(match named {
        Named::Today => (today, today),
        Named::Yesterday => {
            let d = days(1)?;
            (d, d)
        }
        Named::ThisWeek => {
            let m = monday(today)?;
            (m, m.checked_add(Span::new().days(6)).ok()?)
        }
        Named::LastWeek => {
            let m = monday(today)?.checked_sub(Span::new().days(7)).ok()?;
            (m, m.checked_add(Span::new().days(6)).ok()?)
        }
        Named::ThisMonth => (today.first_of_month(), today.last_of_month()),
        Named::LastMonth => {
            let d = today
                .first_of_month()
                .checked_sub(Span::new().days(1))
                .ok()?;
            (d.first_of_month(), d)
        }
        Named::ThisYear => (today.first_of_year(), today.last_of_year()),
        Named::LastYear => {
            let d = today
                .first_of_year()
                .checked_sub(Span::new().days(1))
                .ok()?;
            (d.first_of_year(), d)
        }
    })
}

/// The first of the last `n` units up to today (today included).
fn last(n: i64, unit: Unit, today: Date) -> Option<Date> {
    let span = match unit {
        Unit::Day => Span::new().try_days(n - 1).ok()?,
        Unit::Week => Span::new().try_days(7 * n - 1).ok()?,
        Unit::Month => Span::new().try_months(n).ok()?,
        Unit::Year => Span::new().try_years(n).ok()?,
    };
    let from = today.checked_sub(span).ok()?;
    match unit {
        // A month back from 31 May is 30 April: the last month is from
        // 1 May on.
        Unit::Month | Unit::Year => from.checked_add(Span::new().days(1)).ok(),
        Unit::Day | Unit::Week => Some(from),
    }
}

/// `#quy3/2020`, `#q3/2020`, `#2020q3`, `#thang9/2020`: the days of that
/// quarter or month; `#thang9`: September of every year.
pub(super) fn in_words(rest: &str, today: Date) -> Said {
    let key: String = fold_str(rest)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let quarter = |q: &str, y: &str| -> Said {
        match (q.parse::<i8>(), y.parse::<i16>()) {
            (Ok(q @ 1..=4), Ok(y @ 1..=9999)) => {
                let first = jiff::civil::date(y, 3 * q - 2, 1);
                let last = jiff::civil::date(y, 3 * q, 1).last_of_month();
                Said::Days(first, last)
            }
            _ => Said::Impossible,
        }
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if let Some((y, q)) = key.split_once('q')
        && y.len() == 4
        && digits(y)
        && digits(q)
    {
        return quarter(q, y);
    }
    let year = today.year();
    for (word, is_quarter) in [("quy", true), ("q", true), ("thang", false)] {
        let Some(rest) = key.strip_prefix(word) else {
            continue;
        };
        let (n, y) = rest.split_once('/').unwrap_or((rest, ""));
        if !(digits(n) || n.is_empty()) || !(digits(y) || y.is_empty()) {
            return Said::Other;
        }
        // `#thang9`, no year typed: September of every year.
        if !is_quarter && !key.contains('/') && !n.is_empty() {
            return match n.parse::<i8>() {
                Ok(m @ 1..=12) => Said::EveryYear(m),
                _ => Said::Impossible,
            };
        }
        if n.is_empty() || y.len() < 4 {
            let n = if n.is_empty() { "1" } else { n };
            return Said::Unfinished(vec![format!("#{word}{n}/{year}")]);
        }
        if is_quarter {
            return quarter(n, y);
        }
        return match (n.parse::<i8>(), y.parse::<i16>()) {
            (Ok(m @ 1..=12), Ok(y @ 1..=9999)) => {
                let first = jiff::civil::date(y, m, 1);
                Said::Days(first, first.last_of_month())
            }
            _ => Said::Impossible,
        };
    }
    Said::Other
}

#[cfg(test)]
mod tests;
