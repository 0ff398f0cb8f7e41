//! What day it is for a reader of Vietnamese news: the day in Vietnam
//! (UTC+7, no daylight saving), whatever the machine's time zone.
//!
//! `TINTUC_NOW` fixes the clock, for tests and for reading an archive
//! as of a day: an instant (`2026-11-29T20:00:00Z`, any offset), or a
//! day in Vietnam (`2026-11-30`).

use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, Zoned};

/// The environment variable that fixes the clock.
pub const NOW_VAR: &str = "TINTUC_NOW";

/// Vietnam's time zone.
pub fn vietnam() -> TimeZone {
    TimeZone::fixed(Offset::constant(7))
}

/// Today in Vietnam: by `TINTUC_NOW` when it is set and readable, else
/// by the system clock.
pub fn today() -> Date {
    std::env::var(NOW_VAR)
        .ok()
        .and_then(|v| day_of(&v))
        .unwrap_or_else(|| day_in_vietnam(Timestamp::now()))
}

/// The day in Vietnam at instant `t`.
pub fn day_in_vietnam(t: Timestamp) -> Date {
    t.to_zoned(vietnam()).date()
}

/// The day `TINTUC_NOW`'s value stands for: an instant's day in Vietnam,
/// or a day as written.
fn day_of(value: &str) -> Option<Date> {
    let value = value.trim();
    if let Ok(t) = value.parse::<Timestamp>() {
        return Some(day_in_vietnam(t));
    }
    if let Ok(z) = value.parse::<Zoned>() {
        return Some(day_in_vietnam(z.timestamp()));
    }
    value.parse::<Date>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_day_is_the_day_in_vietnam() {
        // 20:00 UTC is 03:00 the next day in Vietnam.
        assert_eq!(day_of("2026-11-29T20:00:00Z"), Some(date(2026, 11, 30)));
        assert_eq!(day_of("2026-11-29T16:59:59Z"), Some(date(2026, 11, 29)));
        // 14:00 in Honolulu (UTC−10) is 07:00 the next day in Vietnam.
        assert_eq!(
            day_of("2026-11-29T14:00:00-10:00"),
            Some(date(2026, 11, 30))
        );
        assert_eq!(day_of("2024-02-29"), Some(date(2024, 2, 29)));
        assert_eq!(day_of("yesterday"), None);
        assert_eq!(day_of("2024-02-30"), None);
    }
}
