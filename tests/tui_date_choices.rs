//! The date picker's quick choices: counted on the results, put in the
//! query with Enter, and what the query's date terms stand for, shown.
//! The articles are dated from the day the test runs (in Vietnam), so
//! the counts hold on any day.
#![allow(clippy::panic, reason = "a test fails by panicking")]

mod common;

use common::{key, screen, submit_query};
use crossterm::event::KeyCode;
use jiff::Span;
use jiff::civil::Date;
use tintuc::load::{self, DataSource};
use tintuc::search::Engine;
use tintuc::tui::{self, Lang, Mode, State, Theme};

/// Articles dated today, 1, 6, 20, 40 and 400 days ago, and one undated.
fn state_dated_from(today: Date, lang: Lang) -> (State, Vec<Date>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let days: Vec<Date> = [0, 1, 6, 20, 40, 400]
        .iter()
        .map(|&n| today.checked_sub(Span::new().days(n)).expect("a day"))
        .collect();
    let mut rows: Vec<serde_json::Value> = days
        .iter()
        .map(|d| {
            serde_json::json!({"id": d.to_string(), "title": format!("Tin ngày {d}"),
                "date": d.to_string(), "body": ["Nội dung."]})
        })
        .collect();
    rows.push(serde_json::json!({"id": "undated", "title": "Tin", "body": ["x"]}));
    let path = dir.path().join("dated.json");
    std::fs::write(&path, serde_json::to_string(&rows).expect("JSON")).expect("write");
    let collection = load::load(&DataSource::Path(path)).expect("loads");
    let mut s = State::new(Engine::new(collection), lang, Theme::default(), 100, 30);
    tui::start(&mut s);
    (s, days)
}

/// How many of `days` fall in `from..=to`.
fn within(days: &[Date], from: Date, to: Date) -> usize {
    days.iter().filter(|d| (from..=to).contains(d)).count()
}

#[test]
fn the_quick_choices_count_the_results_and_enter_puts_one_in_the_query() {
    let today = tintuc::clock::today();
    let (mut s, days) = state_dated_from(today, Lang::En);
    let monday = today
        .checked_sub(Span::new().days(i64::from(today.weekday().to_monday_zero_offset())))
        .expect("a Monday");
    let last_30 = today.checked_sub(Span::new().days(29)).expect("a day");
    let expected = [
        1,
        within(&days, monday, today),
        within(&days, today.first_of_month(), today),
        within(&days, last_30, today),
    ];
    key(&mut s, KeyCode::Char('d'));
    assert_eq!(s.mode(), Mode::Dates);
    let shown = screen(&s);
    let row = format!(
        "Today {}   This week {}   This month {}   Last 30 days {}",
        expected[0], expected[1], expected[2], expected[3]
    );
    assert!(shown.contains(&row), "{row}\n{shown}");
    // Up from the years reaches the choices; right, right: this month.
    key(&mut s, KeyCode::Up);
    assert!(screen(&s).contains("Quick choices   ↓ by year"));
    key(&mut s, KeyCode::Right);
    key(&mut s, KeyCode::Right);
    let shown = screen(&s);
    let said = format!(
        "This month (#thismonth = {}): {} article",
        tintuc::search::query::hint::days(today.first_of_month(), today.last_of_month()),
        expected[2]
    );
    assert!(shown.contains(&said), "{said}\n{shown}");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.mode(), Mode::List);
    assert_eq!(s.query().text(), "#thismonth");
    assert_eq!(s.results().hits.len(), expected[2]);
    // Down from the choices goes back to the years.
    key(&mut s, KeyCode::Char('d'));
    key(&mut s, KeyCode::Up);
    key(&mut s, KeyCode::Right);
    key(&mut s, KeyCode::Right);
    key(&mut s, KeyCode::Right);
    key(&mut s, KeyCode::Right);
    key(&mut s, KeyCode::Down);
    assert!(screen(&s).contains("By year   ↓ months of a year"));
}

#[test]
fn the_picker_opens_on_the_choice_the_query_has_and_says_its_days() {
    let today = tintuc::clock::today();
    let (mut s, days) = state_dated_from(today, Lang::Vi);
    submit_query(&mut s, "tin #30ngay");
    let last_30 = today.checked_sub(Span::new().days(29)).expect("a day");
    assert_eq!(s.results().hits.len(), within(&days, last_30, today));
    key(&mut s, KeyCode::Char('d'));
    let shown = screen(&s);
    assert!(shown.contains("Chọn nhanh   ↓ theo năm"), "{shown}");
    let means = format!(
        "Trong truy vấn: #30ngay = {}",
        tintuc::search::query::hint::days(last_30, today)
    );
    assert!(shown.contains(&means), "{means}\n{shown}");
    // Left to this week, Enter: the date term replaced, the keyword kept.
    key(&mut s, KeyCode::Left);
    key(&mut s, KeyCode::Left);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.query().text(), "tin #tuannay");
}

#[test]
fn a_month_only_date_is_shown_as_its_month_in_the_list_and_the_reader() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("months.json");
    let rows = serde_json::json!([
        {"id": "m", "title": "Tin tháng bảy", "date": "2025-07", "body": ["Nội dung."]},
    ]);
    std::fs::write(&path, rows.to_string()).expect("write");
    let collection = load::load(&DataSource::Path(path)).expect("loads");
    let mut s = State::new(Engine::new(collection), Lang::Vi, Theme::default(), 100, 30);
    tui::start(&mut s);
    let shown = screen(&s);
    assert!(shown.contains("07/2025    "), "{shown}");
    assert!(!shown.contains("01/07/2025"), "{shown}");
    key(&mut s, KeyCode::Enter);
    let shown = screen(&s);
    assert!(!shown.contains("01/07/2025"), "{shown}");
    assert!(shown.matches("07/2025").count() >= 2, "{shown}");
}
