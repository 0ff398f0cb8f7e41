//! Dates as a reader says them, through the real binary with the clock
//! fixed by `TINTUC_NOW`, whatever the machine's time zone.

#[path = "common/binary.rs"]
mod binary;

use std::path::Path;

use jiff::Span;
use jiff::civil::{Date, date};

/// One article a day from 1 November to 10 December 2026, each named by
/// its day.
fn collection(dir: &Path) -> String {
    let mut rows = Vec::new();
    let mut day = date(2026, 11, 1);
    while day <= date(2026, 12, 10) {
        rows.push(serde_json::json!({
            "id": format!("d{day}"),
            "title": format!("Tin ngày {day}"),
            "date": day.to_string(),
            "body": ["Nội dung."],
        }));
        day = day.tomorrow().expect("a day after");
    }
    let path = dir.join("days.json");
    std::fs::write(&path, serde_json::to_string(&rows).expect("JSON")).expect("write");
    path.to_string_lossy().into_owned()
}

/// The days `query` finds, sorted, with the clock at `now` and the
/// machine in time zone `tz`.
fn found(data: &str, query: &str, now: &str, tz: &str) -> Vec<String> {
    let mut days = column_in(data, query, "date", (now, tz));
    days.sort();
    days
}

/// One field of every row `tintuc search QUERY --json --limit 0` prints,
/// in order, with the clock at `now` (machine in UTC).
fn column(data: &str, query: &str, field: &str, now: &str) -> Vec<String> {
    column_in(data, query, field, (now, "UTC"))
}

/// [`column`], with the clock at `now` and the machine in time zone `tz`.
fn column_in(data: &str, query: &str, field: &str, (now, tz): (&str, &str)) -> Vec<String> {
    let mut cmd = binary::tintuc();
    cmd.args(["search", query, "--json", "--limit", "0", "--data", data])
        .env("TINTUC_NOW", now)
        .env("TZ", tz);
    let rows: serde_json::Value =
        serde_json::from_slice(&binary::run(cmd).stdout).unwrap_or(serde_json::Value::Null);
    rows.as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r[field].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn span(from: Date, to: Date) -> Vec<String> {
    let mut out = Vec::new();
    let mut d = from;
    while d <= to {
        out.push(d.to_string());
        d = d.checked_add(Span::new().days(1)).expect("a day after");
    }
    out
}

#[test]
fn relative_dates_are_days_in_vietnam_in_any_time_zone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = collection(dir.path());
    // 20:00 UTC on Sunday 29 November is 03:00 on Monday 30 November in
    // Vietnam, and 10:00 on the 29th in Honolulu.
    let now = "2026-11-29T20:00:00Z";
    for tz in ["UTC", "Pacific/Honolulu", "Asia/Ho_Chi_Minh"] {
        let monday = date(2026, 11, 30);
        assert_eq!(
            found(&data, "#7ngay", now, tz),
            span(date(2026, 11, 24), monday),
            "{tz}"
        );
        assert_eq!(
            found(&data, "#7d", now, tz),
            span(date(2026, 11, 24), monday),
            "{tz}"
        );
        assert_eq!(
            found(&data, "#homnay", now, tz),
            span(monday, monday),
            "{tz}"
        );
        assert_eq!(
            found(&data, "#hômqua", now, tz),
            span(date(2026, 11, 29), date(2026, 11, 29)),
            "{tz}"
        );
        // Weeks start on Monday: on a Monday, last week is the whole week
        // before.
        assert_eq!(
            found(&data, "#tuantruoc", now, tz),
            span(date(2026, 11, 23), date(2026, 11, 29)),
            "{tz}"
        );
        assert_eq!(
            found(&data, "#tuannay", now, tz),
            span(monday, date(2026, 12, 6)),
            "{tz}"
        );
    }
}

#[test]
fn around_a_day_quarters_and_months_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = collection(dir.path());
    let now = "2026-12-10";
    let days = |q: &str| found(&data, q, now, "UTC");
    assert_eq!(
        days("#3/11/2026~2"),
        span(date(2026, 11, 1), date(2026, 11, 5))
    );
    assert_eq!(
        days("#2026-11-18~0"),
        span(date(2026, 11, 18), date(2026, 11, 18))
    );
    // `~` alone: the week of that day.
    assert_eq!(
        days("#18/11/2026~"),
        span(date(2026, 11, 16), date(2026, 11, 22))
    );
    assert_eq!(
        days("#thang11/2026"),
        span(date(2026, 11, 1), date(2026, 11, 30))
    );
    assert_eq!(days("#2026q4"), span(date(2026, 11, 1), date(2026, 12, 10)));
    assert_eq!(
        days("#thangtruoc"),
        span(date(2026, 11, 1), date(2026, 11, 30))
    );
    // An unfinished term filters nothing and says what it can become.
    let mut cmd = binary::tintuc();
    cmd.args(["search", "#hom", "--limit", "0", "--data", &data])
        .env("TINTUC_NOW", now);
    let out = binary::run(cmd);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("#hom: can be #homnay, #homqua"), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 40);
}

#[test]
fn around_a_day_the_nearest_days_come_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = collection(dir.path());
    let order = column(&data, "#18/11/2026~2", "date", "2026-12-10");
    // At equal distance, the newer first.
    assert_eq!(
        order,
        [
            "2026-11-18",
            "2026-11-19",
            "2026-11-17",
            "2026-11-20",
            "2026-11-16"
        ]
    );
    // --explain names the rule.
    let mut cmd = binary::tintuc();
    cmd.args(["search", "#18/11/2026~2", "--explain", "--data", &data]);
    let said = String::from_utf8_lossy(&binary::run(cmd).stdout).into_owned();
    assert_eq!(
        said.matches("above the next: nearer the day searched around")
            .count(),
        4,
        "{said}"
    );
}

#[test]
fn the_days_a_term_in_words_stands_for_are_said() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = collection(dir.path());
    let said = |q: &str| {
        let mut cmd = binary::tintuc();
        cmd.args(["search", q, "--data", &data])
            .env("TINTUC_NOW", "2026-11-30");
        String::from_utf8_lossy(&binary::run(cmd).stderr).into_owned()
    };
    assert!(said("#tuantruoc").contains("#tuantruoc = 23/11–29/11/2026"));
    assert!(said("#3/11/2026~2").contains("#3/11/2026~2 = 1/11–5/11/2026"));
    assert!(said("#homnay").contains("#homnay = 30/11/2026"));
    assert!(said("#20ngay").contains("#20ngay = 11/11–30/11/2026"));
    // Days written out are not said again.
    assert!(!said("#2026-11").contains(" = "));
}

#[test]
fn a_month_without_a_year_is_that_month_of_every_year() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rows: Vec<serde_json::Value> = [
        "2019-09-03",
        "2020-09-30",
        "2020-10-01",
        "2021-08-31",
        "2024-09-15",
        "2024-02-29",
    ]
    .iter()
    .map(|d| serde_json::json!({"id": d, "title": format!("Tin {d}"), "date": d, "body": ["x"]}))
    .collect();
    rows.push(serde_json::json!({"id": "undated", "title": "Tin", "body": ["x"]}));
    let path = dir.path().join("years.json");
    std::fs::write(&path, serde_json::to_string(&rows).expect("JSON")).expect("write");
    let data = path.to_string_lossy().into_owned();
    let days = |q: &str| found(&data, q, "2026-11-30", "UTC");
    assert_eq!(days("#thang9"), ["2019-09-03", "2020-09-30", "2024-09-15"]);
    assert_eq!(days("#tháng2"), ["2024-02-29"]);
    assert_eq!(days("#thang9 #2020"), ["2020-09-30"]);
    // Undated articles are in no month, and not out of one either.
    assert_eq!(days("!#thang9"), ["2020-10-01", "2021-08-31", "2024-02-29"]);
    let said = |q: &str| {
        let mut cmd = binary::tintuc();
        cmd.args(["search", q, "--data", &data])
            .env("TINTUC_NOW", "2026-11-30");
        String::from_utf8_lossy(&binary::run(cmd).stderr).into_owned()
    };
    assert!(said("#thang9").contains("#thang9 = September of every year"));
    // No thirteenth month: a hint, and no filter.
    assert!(said("#thang13").contains("#thang13: not a date"));
    assert_eq!(days("#thang13").len(), 6);
}

#[test]
fn search_json_says_the_days_each_date_term_stands_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = collection(dir.path());
    let terms = |q: &str| {
        let mut cmd = binary::tintuc();
        cmd.args(["search", q, "--json", "--limit", "1", "--data", &data])
            .env("TINTUC_NOW", "2026-11-30");
        let rows: serde_json::Value =
            serde_json::from_slice(&binary::run(cmd).stdout).expect("JSON");
        rows[0]["date_terms"].clone()
    };
    assert_eq!(
        terms("#tuantruoc"),
        serde_json::json!([{"term": "#tuantruoc", "from": "2026-11-23", "to": "2026-11-29"}])
    );
    assert_eq!(
        terms("#thang11 !#2026-11-05.."),
        serde_json::json!([
            {"term": "#thang11", "from": null, "to": null, "month_of_every_year": 11},
            {"term": "!#2026-11-05..", "from": "2026-11-05", "to": null, "excluded": true}
        ])
    );
    // A query without date terms: rows as they always were.
    assert_eq!(terms("tin"), serde_json::Value::Null);
}

/// A collection of one article dated by its month only, one dated on a
/// day of that month, and one of the month after.
fn month_collection(dir: &Path) -> String {
    let rows = serde_json::json!([
        {"id": "month", "title": "Tin tháng bảy", "date": "2025-07", "body": ["x"]},
        {"id": "day", "title": "Tin ngày", "date": "2025-07-15", "body": ["x"]},
        {"id": "august", "title": "Tin tháng tám", "date": "08/2025", "body": ["x"]},
    ]);
    let path = dir.join("months.json");
    std::fs::write(&path, rows.to_string()).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn an_article_dated_by_its_month_matches_the_months_that_hold_it_never_a_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = month_collection(dir.path());
    let ids = |q: &str, now: &str| -> Vec<String> {
        let mut ids = column(&data, q, "id", now);
        ids.sort();
        ids
    };
    let now = "2025-07-15";
    for (q, want) in [
        ("#2025-07", vec!["day", "month"]),
        ("#7/2025", vec!["day", "month"]),
        ("#2025", vec!["august", "day", "month"]),
        ("#thang7/2025", vec!["day", "month"]),
        ("#thang7", vec!["day", "month"]),
        ("#2025q3", vec!["august", "day", "month"]),
        ("#2025-06-20..2025-08-10", vec!["day", "month"]),
        ("#thangnay", vec!["day", "month"]),
        // A day, or days that do not hold the whole month: never.
        ("#2025-07-15", vec!["day"]),
        ("#2025-07-01", vec![]),
        ("#homnay", vec!["day"]),
        ("#7ngay", vec!["day"]),
        ("#3/7/2025~3", vec![]),
        ("#2025-07-01..2025-07-30", vec!["day"]),
        ("#2025-08", vec!["august"]),
    ] {
        assert_eq!(ids(q, now), want, "{q}");
    }
    // Written and shown as a month.
    let dates = column(&data, "#2025-07", "date", now);
    assert!(dates.contains(&"2025-07".to_string()), "{dates:?}");
    let mut cmd = binary::tintuc();
    cmd.args(["search", "thang bay", "--data", &data]);
    let shown = String::from_utf8_lossy(&binary::run(cmd).stdout).into_owned();
    assert!(shown.starts_with("07/2025     "), "{shown}");
}
