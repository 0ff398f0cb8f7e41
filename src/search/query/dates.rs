//! Date terms: what follows `#`.

use jiff::civil::{Date, date};

use super::clause::DateRange;
use super::hint::{DateProblem, Hint};
use super::relative::{self, Said};

/// One end of a date term, as the range of days it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Endpoint {
    Days(Date, Date),
    /// Not finished yet ("#3", "#9/20"): ignored.
    Unfinished,
}

/// Parses what follows `#` in `typed`. `None` means "no filter"
/// (unfinished, or impossible, in which case a hint explains).
pub(super) fn parse_date_term(rest: &str, typed: &str, hints: &mut Vec<Hint>) -> Option<DateRange> {
    let range = parse_range(rest, typed, hints);
    // Said for the terms whose days are not written out.
    if let Some(DateRange {
        from: Some(from),
        to: Some(to),
        ..
    }) = range
        && rest.contains('~')
    {
        hints.push(Hint::DateMeans {
            term: typed.to_string(),
            from,
            to,
        });
    }
    range
}

fn parse_range(rest: &str, typed: &str, hints: &mut Vec<Hint>) -> Option<DateRange> {
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    let hint = |hints: &mut Vec<Hint>, problem: DateProblem| {
        hints.push(Hint::Date {
            term: typed.to_string(),
            problem,
        });
    };
    if let Some(words) = in_words(rest, typed, hints) {
        return words;
    }
    if let Some((base, around)) = rest.split_once('~') {
        return around_days(base, around, typed, hints);
    }
    // "2017..2020", "2020-06..", "..2018"; "2017-2020" as well.
    let (a, b, is_range) = if let Some((a, b)) = rest.split_once("..") {
        (a, b.trim_start_matches('.'), true)
    } else if let Some((a, b)) = rest.split_once('-').filter(|(a, b)| {
        a.len() == 4 && b.len() == 4 && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    }) {
        (a, b, true)
    } else {
        (rest.trim_end_matches('.'), "", false)
    };
    let parse_end = |s: &str, hints: &mut Vec<Hint>| -> Result<Option<Endpoint>, ()> {
        if s.is_empty() {
            return Ok(None);
        }
        match endpoint(s) {
            Ok(e) => Ok(Some(e)),
            Err(why) => {
                hint(hints, why);
                Err(())
            }
        }
    };
    let from = parse_end(a, hints).ok()?;
    if !is_range {
        return match from {
            Some(Endpoint::Days(lo, hi)) => Some(DateRange {
                from: Some(lo),
                to: Some(hi),
                ..DateRange::default()
            }),
            _ => None,
        };
    }
    let to = parse_end(b, hints).ok()?;
    let lo = match from {
        Some(Endpoint::Days(lo, _)) => Some(lo),
        Some(Endpoint::Unfinished) => return None,
        None => None,
    };
    let hi = match to {
        Some(Endpoint::Days(_, hi)) => Some(hi),
        // "#2017..20": the end is still being typed; open until then.
        Some(Endpoint::Unfinished) | None => None,
    };
    if let (Some(l), Some(h)) = (lo, hi)
        && l > h
    {
        hint(hints, DateProblem::EndsBeforeStart);
        return None;
    }
    if lo.is_none() && hi.is_none() {
        return None;
    }
    Some(DateRange {
        from: lo,
        to: hi,
        ..DateRange::default()
    })
}

/// A term in words (see [`relative`]): `None` when it is not one, else
/// what it filters (nothing while unfinished, with a hint).
fn in_words(rest: &str, typed: &str, hints: &mut Vec<Hint>) -> Option<Option<DateRange>> {
    let hint = |hints: &mut Vec<Hint>, problem: DateProblem| {
        hints.push(Hint::Date {
            term: typed.to_string(),
            problem,
        });
    };
    let today = crate::clock::today();
    for said in [relative::read(rest, today), relative::in_words(rest, today)] {
        match said {
            Said::Days(from, to) => {
                hints.push(Hint::DateMeans {
                    term: typed.to_string(),
                    from,
                    to,
                });
                return Some(Some(DateRange {
                    from: Some(from),
                    to: Some(to),
                    ..DateRange::default()
                }));
            }
            Said::EveryYear(month) => {
                hints.push(Hint::DateEveryYear {
                    term: typed.to_string(),
                    month,
                });
                return Some(Some(DateRange {
                    every_year: Some(month),
                    ..DateRange::default()
                }));
            }
            Said::Unfinished(can_be) => {
                hints.push(Hint::DateCanBe {
                    term: typed.to_string(),
                    can_be,
                });
                return Some(None);
            }
            Said::Impossible => {
                hint(hints, DateProblem::NotADate);
                return Some(None);
            }
            Said::Other => {}
        }
    }
    None
}

/// `base~n`: `n` days either side of the days of `base`; `base~`: the
/// weeks (Monday to Sunday) they are in.
fn around_days(base: &str, around: &str, typed: &str, hints: &mut Vec<Hint>) -> Option<DateRange> {
    let hint = |hints: &mut Vec<Hint>, problem: DateProblem| {
        hints.push(Hint::Date {
            term: typed.to_string(),
            problem,
        });
    };
    match (endpoint(base.trim()), around.trim()) {
        (Ok(Endpoint::Days(lo, hi)), "") => {
            let from = relative::monday(lo);
            let to =
                relative::monday(hi).and_then(|m| m.checked_add(jiff::Span::new().days(6)).ok());
            Some(DateRange {
                from,
                to,
                near: (lo == hi).then_some(lo),
                every_year: None,
            })
        }
        (Ok(Endpoint::Days(lo, hi)), n)
            if n.len() <= 5 && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            let n: i64 = n.parse().unwrap_or(0);
            let span = jiff::Span::new().try_days(n).ok()?;
            Some(DateRange {
                from: lo.checked_sub(span).ok(),
                to: hi.checked_add(span).ok(),
                near: (lo == hi).then_some(lo),
                every_year: None,
            })
        }
        (Ok(Endpoint::Unfinished), _) => None,
        (Err(why), _) => {
            hint(hints, why);
            None
        }
        (Ok(Endpoint::Days(..)), _) => {
            hint(hints, DateProblem::NotADate);
            None
        }
    }
}

fn year_bounds(y: i64) -> Result<(Date, Date), DateProblem> {
    let year = i16::try_from(y)
        .ok()
        .filter(|y| (1..=9999).contains(y))
        .ok_or(DateProblem::NotAYear(y))?;
    Ok((date(year, 1, 1), date(year, 12, 31)))
}

fn month_bounds(y: i64, m: i64) -> Result<(Date, Date), DateProblem> {
    let (year, _) = year_bounds(y)?;
    let month = i8::try_from(m)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or(DateProblem::NoSuchMonth(m))?;
    let first = date(year.year(), month, 1);
    Ok((first, first.last_of_month()))
}

fn day_bounds(y: i64, m: i64, d: i64) -> Result<(Date, Date), DateProblem> {
    let (month, _) = month_bounds(y, m)?;
    let day = i8::try_from(d.clamp(0, 99)).unwrap_or(0);
    Date::new(month.year(), month.month(), day)
        .map(|day| (day, day))
        .map_err(|_| DateProblem::NoSuchDay {
            day: d,
            month: m,
            year: y,
        })
}

/// One date: `2020`, `2020-09`, `2020-09-03`, `9/2020`, `3/9/2020`, or a
/// year being typed (`20` = 2000–2099).
fn endpoint(s: &str) -> Result<Endpoint, DateProblem> {
    let not_a_date = || DateProblem::NotADate;
    let num = |p: &str| -> Option<i64> {
        (!p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    if s.contains('/') {
        let parts: Vec<&str> = s.split('/').collect();
        if parts.iter().any(|p| !p.is_empty() && num(p).is_none()) || parts.len() > 3 {
            return Err(not_a_date());
        }
        let year_part = parts.last().copied().unwrap_or("");
        if parts.len() < 2 || year_part.len() < 4 || parts.iter().any(|p| p.is_empty()) {
            return Ok(Endpoint::Unfinished);
        }
        let y = num(year_part).ok_or_else(not_a_date)?;
        let (lo, hi) = match parts.as_slice() {
            [m, _] => month_bounds(y, num(m).unwrap_or(0))?,
            [d, m, _] => day_bounds(y, num(m).unwrap_or(0), num(d).unwrap_or(0))?,
            _ => return Err(not_a_date()),
        };
        return Ok(Endpoint::Days(lo, hi));
    }
    let parts: Vec<&str> = s.split('-').collect();
    if parts.iter().any(|p| !p.is_empty() && num(p).is_none()) || parts.len() > 3 {
        return Err(not_a_date());
    }
    let y_text = parts[0];
    if y_text.len() < 4 {
        // A year being typed: "2" → 2000–2999, "20" → 2000–2099.
        if parts.len() > 1 || y_text.is_empty() || !matches!(y_text.as_bytes()[0], b'1' | b'2') {
            return Ok(Endpoint::Unfinished);
        }
        let n = num(y_text).unwrap_or(0);
        // One to three digits typed: the years they can start.
        let scale = match y_text.len() {
            1 => 1000,
            2 => 100,
            _ => 10,
        };
        let (lo, _) = year_bounds((n * scale).max(1))?;
        let (_, hi) = year_bounds(n * scale + scale - 1)?;
        return Ok(Endpoint::Days(lo, hi));
    }
    let y = num(y_text).ok_or_else(not_a_date)?;
    let present: Vec<i64> = parts[1..].iter().filter_map(|p| num(p)).collect();
    let (lo, hi) = match present.as_slice() {
        [] => year_bounds(y)?,
        [m] => month_bounds(y, *m)?,
        [m, d] => day_bounds(y, *m, *d)?,
        _ => return Err(not_a_date()),
    };
    Ok(Endpoint::Days(lo, hi))
}
