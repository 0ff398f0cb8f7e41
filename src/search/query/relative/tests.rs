use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::{Said, in_words, read};

fn days(a: Date, b: Date) -> Said {
    Said::Days(a, b)
}

#[test]
fn named_terms_in_vietnamese_with_or_without_diacritics_and_in_english() {
    // Sunday 29 November 2026.
    let today = date(2026, 11, 29);
    for (term, want) in [
        ("homnay", days(today, today)),
        ("hômnay", days(today, today)),
        ("today", days(today, today)),
        ("homqua", days(date(2026, 11, 28), date(2026, 11, 28))),
        ("Yesterday", days(date(2026, 11, 28), date(2026, 11, 28))),
        ("tuannay", days(date(2026, 11, 23), date(2026, 11, 29))),
        ("tuầntrước", days(date(2026, 11, 16), date(2026, 11, 22))),
        ("lastweek", days(date(2026, 11, 16), date(2026, 11, 22))),
        ("thangnay", days(date(2026, 11, 1), date(2026, 11, 30))),
        ("thángtrước", days(date(2026, 10, 1), date(2026, 10, 31))),
        ("namnay", days(date(2026, 1, 1), date(2026, 12, 31))),
        ("nămngoái", days(date(2025, 1, 1), date(2025, 12, 31))),
        ("namtruoc", days(date(2025, 1, 1), date(2025, 12, 31))),
    ] {
        assert_eq!(read(term, today), want, "{term}");
    }
}

#[test]
fn last_week_on_a_monday_is_the_whole_week_before() {
    let monday = date(2026, 11, 30);
    assert_eq!(
        read("tuantruoc", monday),
        days(date(2026, 11, 23), date(2026, 11, 29))
    );
    assert_eq!(read("tuannay", monday), days(monday, date(2026, 12, 6)));
}

#[test]
fn across_month_year_and_leap_day_boundaries() {
    let new_year = date(2027, 1, 1);
    assert_eq!(
        read("homqua", new_year),
        days(date(2026, 12, 31), date(2026, 12, 31))
    );
    assert_eq!(
        read("thangtruoc", new_year),
        days(date(2026, 12, 1), date(2026, 12, 31))
    );
    assert_eq!(read("7ngay", new_year), days(date(2026, 12, 26), new_year));
    let leap = date(2024, 3, 1);
    assert_eq!(
        read("homqua", leap),
        days(date(2024, 2, 29), date(2024, 2, 29))
    );
    assert_eq!(
        read("thangtruoc", leap),
        days(date(2024, 2, 1), date(2024, 2, 29))
    );
    // A month back from 31 May: from 1 May; a year back from 29 Feb 2024:
    // from 1 March 2023.
    assert_eq!(
        read("1thang", date(2024, 5, 31)),
        days(date(2024, 5, 1), date(2024, 5, 31))
    );
    assert_eq!(
        read("1y", date(2024, 2, 29)),
        days(date(2023, 3, 1), date(2024, 2, 29))
    );
    assert_eq!(
        read("3m", date(2024, 5, 31)),
        days(date(2024, 3, 1), date(2024, 5, 31))
    );
    assert_eq!(
        read("2tuần", date(2024, 3, 1)),
        days(date(2024, 2, 17), date(2024, 3, 1))
    );
}

#[test]
fn unfinished_terms_say_what_they_can_become() {
    let today = date(2026, 11, 29);
    assert_eq!(
        read("hom", today),
        Said::Unfinished(vec!["#homnay".into(), "#homqua".into()])
    );
    assert_eq!(read("7ng", today), Said::Unfinished(vec!["#7ngay".into()]));
    assert_eq!(
        read("2t", today),
        Said::Unfinished(vec!["#2tuan".into(), "#2thang".into()])
    );
    assert_eq!(
        in_words("quy3", today),
        Said::Unfinished(vec!["#quy3/2026".into()])
    );
    assert_eq!(
        in_words("thang9/", today),
        Said::Unfinished(vec!["#thang9/2026".into()])
    );
    assert_eq!(
        in_words("thang", today),
        Said::Unfinished(vec!["#thang1/2026".into()])
    );
    // Counts of nothing, and terms this module does not read.
    assert_eq!(read("0ngay", today), Said::Impossible);
    assert_eq!(read("2020", today), Said::Other);
    assert_eq!(read("xyz", today), Said::Other);
    assert_eq!(read("7x", today), Said::Other);
}

#[test]
fn quarters_and_months_in_words() {
    let today = date(2026, 11, 29);
    let q3 = days(date(2020, 7, 1), date(2020, 9, 30));
    assert_eq!(in_words("quy3/2020", today), q3);
    assert_eq!(in_words("quý3/2020", today), q3);
    assert_eq!(in_words("q3/2020", today), q3);
    assert_eq!(in_words("2020q3", today), q3);
    assert_eq!(
        in_words("2020Q4", today),
        days(date(2020, 10, 1), date(2020, 12, 31))
    );
    assert_eq!(
        in_words("thang2/2024", today),
        days(date(2024, 2, 1), date(2024, 2, 29))
    );
    assert_eq!(
        in_words("tháng9/2020", today),
        days(date(2020, 9, 1), date(2020, 9, 30))
    );
    assert_eq!(in_words("quy5/2020", today), Said::Impossible);
    assert_eq!(in_words("thang13/2020", today), Said::Impossible);
}

#[test]
fn a_month_without_a_year_is_that_month_of_every_year() {
    let today = date(2026, 11, 29);
    assert_eq!(in_words("thang9", today), Said::EveryYear(9));
    assert_eq!(in_words("tháng12", today), Said::EveryYear(12));
    assert_eq!(in_words("thang09", today), Said::EveryYear(9));
    assert_eq!(in_words("thang13", today), Said::Impossible);
    assert_eq!(in_words("thang0", today), Said::Impossible);
    // A quarter without a year is still being typed.
    assert_eq!(
        in_words("quy3", today),
        Said::Unfinished(vec!["#quy3/2026".into()])
    );
}

fn any_day() -> impl Strategy<Value = Date> {
    (1900i16..2200, 1i8..=12, 1i8..=31)
        .prop_map(|(y, m, d)| Date::new(y, m, d).unwrap_or_else(|_| date(y, m, 28)))
}

proptest! {
    /// The month of a day number is the month of that date.
    #[test]
    fn the_month_of_a_day_number_is_its_dates(y in 1i16..=9999, m in 1i8..=12, d in 1i8..=31) {
        let day = Date::new(y, m, d).unwrap_or_else(|_| date(y, m, 28));
        let n = crate::search::day_number(day);
        prop_assert_eq!(crate::search::query::clause::month_of_day(n), day.month());
    }

    /// The last N days end today and hold N days; weeks are seven each,
    /// this week starts on a Monday and holds today.
    #[test]
    fn counts_end_today_and_hold_as_many_days(today in any_day(), n in 1i64..400) {
        let Said::Days(from, to) = read(&format!("{n}ngay"), today) else {
            panic!("{n}ngay");
        };
        prop_assert_eq!(to, today);
        prop_assert_eq!((to - from).get_days() as i64 + 1, n);
        let Said::Days(from, to) = read(&format!("{n}w"), today) else {
            panic!("{n}w");
        };
        prop_assert_eq!(to, today);
        prop_assert_eq!((to - from).get_days() as i64 + 1, 7 * n);
        let Said::Days(from, to) = read("tuannay", today) else {
            panic!("tuannay");
        };
        prop_assert_eq!(from.weekday(), jiff::civil::Weekday::Monday);
        prop_assert!(from <= today && today <= to);
        prop_assert_eq!((to - from).get_days(), 6);
    }

    /// A month back and a year back end today and start the day after the
    /// same day of an earlier month or year.
    #[test]
    fn months_and_years_back_never_overlap_the_period_before(today in any_day(), n in 1i64..30) {
        for unit in ["thang", "nam"] {
            let Said::Days(from, to) = read(&format!("{n}{unit}"), today) else {
                panic!("{n}{unit}");
            };
            prop_assert_eq!(to, today);
            prop_assert!(from <= today);
            // The period starts after the date that is N units back.
            let back = if unit == "thang" {
                today.checked_sub(jiff::Span::new().months(n))
            } else {
                today.checked_sub(jiff::Span::new().years(n))
            };
            prop_assert_eq!(back.ok().and_then(|b| b.tomorrow().ok()), Some(from));
        }
    }
}
