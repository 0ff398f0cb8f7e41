//! Checks of the keys of the text lines (query, find, place filter), the
//! pickers and the help.

use super::*;

// ---- Checks of the text lines --------------------------------------

macro_rules! query_after {
    ($want:expr) => {{
        fn check(_: &str, s: &mut State) -> Result<(), String> {
            same(query_line(&screen(s)).as_str(), $want, "the query line")
        }
        check
    }};
}

/// The cursor, shown by typing "_" where it is.
macro_rules! query_cursor {
    ($want:expr) => {{
        fn check(_: &str, s: &mut State) -> Result<(), String> {
            key(s, KeyCode::Char('_'));
            same(
                query_line(&screen(s)).as_str(),
                $want,
                "'_' typed at the cursor",
            )
        }
        check
    }};
}

macro_rules! find_after {
    ($want:expr) => {{
        fn check(_: &str, s: &mut State) -> Result<(), String> {
            same(
                find_line(&screen(s)).as_deref(),
                Some($want),
                "the find line",
            )
        }
        check
    }};
}

macro_rules! find_cursor {
    ($want:expr) => {{
        fn check(_: &str, s: &mut State) -> Result<(), String> {
            key(s, KeyCode::Char('_'));
            same(
                find_line(&screen(s)).as_deref(),
                Some($want),
                "'_' typed at the cursor",
            )
        }
        check
    }};
}

macro_rules! filter_after {
    ($want:expr) => {{
        fn check(_: &str, s: &mut State) -> Result<(), String> {
            same(
                place_filter(&screen(s)).as_deref(),
                Some($want),
                "the filter",
            )
        }
        check
    }};
}

macro_rules! filter_cursor {
    ($want:expr) => {{
        fn check(_: &str, s: &mut State) -> Result<(), String> {
            key(s, KeyCode::Char('_'));
            same(
                place_filter(&screen(s)).as_deref(),
                Some($want),
                "'_' typed at the cursor",
            )
        }
        check
    }};
}

pub fn query_typing(_: &str, s: &mut State) -> Result<(), String> {
    // The key pressed was a letter; more letters, Vietnamese ones too.
    typed(s, "ư");
    let after = screen(s);
    let line = query_line(&after);
    holds(
        line.starts_with("nong thon ") && line.ends_with("ưxa"),
        &format!("letters go in at the cursor: {line:?}"),
    )
}

pub fn query_submits(before: &str, s: &mut State) -> Result<(), String> {
    holds(status(before).contains(QUERY_HINT), "setup")?;
    let after = screen(s);
    holds(status(&after).contains(LIST_HINT), "back to the list")?;
    same(
        query_line(&after).as_str(),
        "nong thon xa",
        "the query is kept",
    )?;
    holds(
        contains(&status(&after), "60/60 articles"),
        "and still filters",
    )
}

pub fn query_to_list(before: &str, s: &mut State) -> Result<(), String> {
    holds(status(before).contains(QUERY_HINT), "setup")?;
    holds(status(&screen(s)).contains(LIST_HINT), "the list")
}

pub fn history_older(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    same(query_line(&after).as_str(), "bài 02", "the last query")?;
    same(selected(&after), Some(2), "and its results")?;
    key(s, KeyCode::Up);
    same(
        query_line(&screen(s)).as_str(),
        "bài 01",
        "then the one before",
    )
}

pub fn history_newer(before: &str, s: &mut State) -> Result<(), String> {
    same(query_line(before).as_str(), "bài 01", "setup")?;
    let after = screen(s);
    same(query_line(&after).as_str(), "bài 02", "the later query")?;
    same(selected(&after), Some(2), "and its results")
}

pub fn find_typing(_: &str, s: &mut State) -> Result<(), String> {
    let line = find_line(&screen(s)).unwrap_or_default();
    holds(
        line.starts_with("làng ") && line.ends_with("xã") && line.chars().count() == 8,
        &format!("a letter goes in at the cursor: {line:?}"),
    )
}

pub fn find_submits(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    same(find_match(&after), Some((1, 40)), "the first of 40 matches")?;
    holds(status(&after).contains(READING_HINT), "reading again")
}

pub fn find_cancels(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    same(find_line(&after), None, "no find line")?;
    same(find_match(&after), None, "no match")?;
    holds(status(&after).contains(READING_HINT), "reading again")
}

// ---- Checks of the place picker ------------------------------------

pub fn closes_overlay(before: &str, s: &mut State) -> Result<(), String> {
    holds(before.contains('┌'), "an overlay before")?;
    let after = screen(s);
    holds(!after.contains('┌'), "no overlay")?;
    same(query_line(&after).as_str(), "", "the query unchanged")?;
    holds(status(&after).contains(LIST_HINT), "back in the list")
}

pub fn place_chosen(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    same(
        query_line(&after).as_str(),
        "@\"Hà Nội\"",
        "the place's term",
    )?;
    holds(
        contains(&status(&after), "55/60 articles"),
        "its 55 articles",
    )?;
    holds(!after.contains('┌'), "the picker closes")
}

pub fn place_sort(before: &str, s: &mut State) -> Result<(), String> {
    holds(before.contains("Places · by count"), "by count before")?;
    let after = screen(s);
    holds(after.contains("Places · A–Z"), "A–Z after")?;
    same(
        picked_place(&after).as_deref(),
        Some("Ba Vì"),
        "the first name A–Z",
    )
}

pub fn place_down(_: &str, s: &mut State) -> Result<(), String> {
    same(
        picked_place(&screen(s)).as_deref(),
        Some("Ba Vì"),
        "the second row",
    )
}

pub fn place_up(before: &str, s: &mut State) -> Result<(), String> {
    same(picked_place(before).as_deref(), Some("Gia Lâm"), "setup")?;
    same(
        picked_place(&screen(s)).as_deref(),
        Some("Đông Anh"),
        "a row up",
    )
}

pub fn place_page_down(_: &str, s: &mut State) -> Result<(), String> {
    // 18 rows show: a page down from the first is the 19th.
    same(
        picked_place(&screen(s)).as_deref(),
        Some("Cầu Giấy"),
        "a page down",
    )
}

pub fn place_page_up(before: &str, s: &mut State) -> Result<(), String> {
    same(
        picked_place(before).as_deref(),
        Some("Sơn Tây"),
        "setup: the last",
    )?;
    same(
        picked_place(&screen(s)).as_deref(),
        Some("Gia Lâm"),
        "a page (18 rows) up, from the 24th to the 6th",
    )
}

pub fn place_typing(_: &str, s: &mut State) -> Result<(), String> {
    let filter = place_filter(&screen(s)).unwrap_or_default();
    holds(
        filter.starts_with("son t") && filter.ends_with("ay") && filter.chars().count() == 8,
        &format!("a letter goes in at the cursor: {filter:?}"),
    )
}

// ---- Checks of the date picker -------------------------------------

macro_rules! date_is {
    ($want:expr, $what:expr) => {{
        fn check(_: &str, s: &mut State) -> Result<(), String> {
            let after = screen(s);
            holds(after.contains("┌ Publication dates"), "the picker stays")?;
            same(date_choice(&after).as_deref(), Some($want), $what)
        }
        check
    }};
}

pub fn year_chosen(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    same(query_line(&after).as_str(), "#2025", "the year's term")?;
    holds(contains(&status(&after), "6/60 articles"), "its 6 articles")?;
    holds(!after.contains('┌'), "the picker closes")
}

pub fn month_chosen(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    same(query_line(&after).as_str(), "#2025-01", "the month's term")?;
    holds(contains(&status(&after), "1/60 articles"), "its article")?;
    holds(!after.contains('┌'), "the picker closes")
}

pub fn to_months(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    holds(after.contains("2025 by month"), "the months of 2025")?;
    same(date_choice(&after).as_deref(), Some("Jan 2025"), "January")
}

pub fn to_years(before: &str, s: &mut State) -> Result<(), String> {
    holds(before.contains("2025 by month"), "setup")?;
    let after = screen(s);
    holds(after.contains("By year"), "the years again")?;
    same(date_choice(&after).as_deref(), Some("2025"), "on 2025")
}

// ---- Checks of the help --------------------------------------------

pub fn help_closes(before: &str, s: &mut State) -> Result<(), String> {
    holds(before.contains("┌ Help"), "setup")?;
    let after = screen(s);
    holds(!after.contains("┌ Help"), "the help closes")?;
    holds(status(&after).contains(LIST_HINT), "back in the list")
}

pub fn help_down(_: &str, s: &mut State) -> Result<(), String> {
    same(top_line(&screen(s)), 2, "a line down")
}

pub fn help_up(before: &str, s: &mut State) -> Result<(), String> {
    same(top_line(&screen(s)), top_line(before) - 1, "a line up")
}

/// The help pages by the lines it shows (no line kept).
pub fn help_page_down(before: &str, s: &mut State) -> Result<(), String> {
    let (a, b, _) = span(before).ok_or("no position")?;
    same(top_line(&screen(s)), a + (b + 1 - a), "a page down")
}

pub fn help_page_up(before: &str, s: &mut State) -> Result<(), String> {
    let (a, b, _) = span(before).ok_or("no position")?;
    let page = b + 1 - a;
    same(
        top_line(&screen(s)),
        a.saturating_sub(page).max(1),
        "a page up",
    )
}

pub fn help_top_line(before: &str, s: &mut State) -> Result<(), String> {
    holds(top_line(before) > 1, "setup")?;
    same(top_line(&screen(s)), 1, "the top")
}

pub fn help_bottom(_: &str, s: &mut State) -> Result<(), String> {
    let (_, b, t) = span(&screen(s)).ok_or("no position")?;
    same(b, t, "the last line shows")
}
