//! Checks of the keys of the list and the reading pane, and of those
//! that mean the same in several modes.

use super::*;

pub fn same<T: PartialEq + std::fmt::Debug>(got: T, want: T, what: &str) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

pub fn holds(cond: bool, what: &str) -> Result<(), String> {
    if cond { Ok(()) } else { Err(what.to_string()) }
}

/// Hints the status bar shows in each pane.
pub const LIST_HINT: &str = "Enter read";
pub const READING_HINT: &str = "j/k scroll";
pub const QUERY_HINT: &str = "Enter done";

// ---- Checks shared by several modes --------------------------------

pub fn quits(_: &str, s: &mut State) -> Result<(), String> {
    holds(s.has_quit(), "the browser quits")
}

/// Ctrl-L and Ctrl-Z act in the run loop (tests/tui_run.rs,
/// tests/terminal_safety.rs); the state and the screen stay as they were.
pub fn nothing_changes(before: &str, s: &mut State) -> Result<(), String> {
    holds(!s.has_quit(), "does not quit")?;
    same(screen(s).as_str(), before, "the screen")
}

pub fn help_opens(before: &str, s: &mut State) -> Result<(), String> {
    holds(!contains(before, "┌ Help"), "no help before")?;
    holds(contains(&screen(s), "┌ Help"), "the help shows")
}

pub fn places_open(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    holds(contains(&after, "┌ Places"), "the place picker shows")?;
    same(
        picked_place(&after).as_deref(),
        Some("Hà Nội"),
        "the commonest place first",
    )
}

pub fn dates_open(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    holds(
        contains(&after, "┌ Publication dates"),
        "the date picker shows",
    )?;
    same(
        date_choice(&after).as_deref(),
        Some("2025"),
        "the last year",
    )
}

pub fn sort_changes(before: &str, s: &mut State) -> Result<(), String> {
    holds(contains(&status(before), "↕ relevance"), "relevance before")?;
    holds(
        contains(&status(&screen(s)), "↕ newest"),
        "the status bar says newest",
    )
}

pub fn bookmarks(before: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    let row = |scr: &str| {
        lines(scr)
            .into_iter()
            .find(|l| l.starts_with('›'))
            .unwrap_or("")
            .to_string()
    };
    holds(!row(before).contains('★'), "no ★ before")?;
    holds(row(&after).contains('★'), "the selected row has a ★")?;
    holds(
        lines(&after)
            .iter()
            .skip(2)
            .all(|l| !l.starts_with("   ") || !l.contains('★')),
        "no other row has a ★",
    )
}

pub fn copies_the_article(_: &str, s: &mut State) -> Result<(), String> {
    let copied: Vec<&String> = s.effects().iter().map(|Effect::Copy(text)| text).collect();
    holds(copied.len() == 1, "one copy")?;
    let text = copied[0];
    holds(text.contains("Bài 60 ở Hoài Đức"), "the title is copied")?;
    holds(
        text.contains("Bài 60 đoạn 01") && text.contains("Bài 60 đoạn 40"),
        "the whole body is copied",
    )?;
    holds(!status(&screen(s)).contains(LIST_HINT), "a notice shows")
}

pub fn copies_the_title(_: &str, s: &mut State) -> Result<(), String> {
    let copied: Vec<&String> = s.effects().iter().map(|Effect::Copy(text)| text).collect();
    holds(copied.len() == 1, "one copy")?;
    holds(
        copied[0].contains("Bài 60 ở Hoài Đức"),
        "the title is copied",
    )?;
    holds(!copied[0].contains("đoạn 01"), "not the body")
}

pub fn to_reading(before: &str, s: &mut State) -> Result<(), String> {
    holds(!status(before).contains(READING_HINT), "not reading before")?;
    holds(
        status(&screen(s)).contains(READING_HINT),
        "the status bar gives the reading keys",
    )
}

pub fn to_list(before: &str, s: &mut State) -> Result<(), String> {
    holds(
        !status(before).contains(LIST_HINT),
        "not in the list before",
    )?;
    let after = screen(s);
    holds(
        status(&after).contains(LIST_HINT),
        "the status bar gives the list keys",
    )?;
    same(selected(&after), selected(before), "the same row selected")
}

// ---- Checks of the list --------------------------------------------

pub fn list_down(before: &str, s: &mut State) -> Result<(), String> {
    same(
        selected(&screen(s)),
        Some(59),
        "from Bài 60 to the next row",
    )?;
    same(selected(before), Some(60), "setup")
}

pub fn list_up(_: &str, s: &mut State) -> Result<(), String> {
    same(
        selected(&screen(s)),
        Some(41),
        "from Bài 40 to the row above",
    )
}

pub fn list_page_down(before: &str, s: &mut State) -> Result<(), String> {
    let rows = list_rows(before) as u32;
    holds(rows > 2, "a page of rows shows")?;
    same(
        selected(&screen(s)),
        Some(60 - rows),
        "a page (the rows shown) down",
    )
}

pub fn list_page_up(before: &str, s: &mut State) -> Result<(), String> {
    let rows = list_rows(before) as u32;
    same(
        selected(&screen(s)),
        Some(40 + rows),
        "a page (the rows shown) up",
    )
}

pub fn list_top_row(_: &str, s: &mut State) -> Result<(), String> {
    same(selected(&screen(s)), Some(60), "the first row")
}

pub fn list_bottom_row(_: &str, s: &mut State) -> Result<(), String> {
    same(selected(&screen(s)), Some(1), "the last row")
}

pub fn list_opens(before: &str, s: &mut State) -> Result<(), String> {
    to_reading(before, s)?;
    let after = screen(s);
    same(article_position(&after), Some(21), "the selected article")?;
    same(selected(&after), Some(40), "its row")
}

pub fn to_query(before: &str, s: &mut State) -> Result<(), String> {
    holds(!status(before).contains(QUERY_HINT), "not typing before")?;
    holds(
        status(&screen(s)).contains(QUERY_HINT),
        "the status bar gives the query line's keys",
    )?;
    typed(s, "bài 07");
    let after = screen(s);
    same(
        query_line(&after).as_str(),
        "bài 07",
        "letters go to the query",
    )?;
    same(selected(&after), Some(7), "and filter")
}

pub fn hides_reading_pane(before: &str, s: &mut State) -> Result<(), String> {
    holds(contains(before, "─ Article"), "the reading pane before")?;
    let after = screen(s);
    holds(!contains(&after, "─ Article"), "no reading pane")?;
    holds(
        list_rows(&after) > list_rows(before),
        "the list takes the room",
    )
}

// ---- Checks of the reading pane ------------------------------------

pub fn top_line(scr: &str) -> usize {
    span(scr).map_or(0, |(a, _, _)| a)
}

pub fn scroll_down(before: &str, s: &mut State) -> Result<(), String> {
    same(top_line(before), 1, "setup")?;
    same(top_line(&screen(s)), 2, "a line down")
}

pub fn scroll_up(before: &str, s: &mut State) -> Result<(), String> {
    same(top_line(&screen(s)), top_line(before) - 1, "a line up")
}

/// The lines of the article shown.
pub fn page_of(scr: &str) -> usize {
    span(scr).map_or(0, |(a, b, _)| b + 1 - a)
}

pub fn scroll_page_down(before: &str, s: &mut State) -> Result<(), String> {
    // A page is the lines shown less one, kept for context.
    let page = page_of(before) - 1;
    holds(page > 5, "a page shows")?;
    let after = screen(s);
    same(top_line(&after), 1 + page, "a page down")?;
    same(article_position(&after), Some(1), "the same article")
}

pub fn scroll_page_up(before: &str, s: &mut State) -> Result<(), String> {
    let page = page_of(before) - 1;
    holds(top_line(before) > page, "setup: more than a page down")?;
    same(top_line(&screen(s)), top_line(before) - page, "a page up")
}

pub fn scroll_top(before: &str, s: &mut State) -> Result<(), String> {
    holds(top_line(before) > 1, "setup")?;
    same(top_line(&screen(s)), 1, "the top")
}

pub fn scroll_bottom(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    let (_, end, total) = span(&after).ok_or("no position")?;
    same(end, total, "the last line shows")?;
    holds(contains(&after, "Bài 60 đoạn 40"), "the last paragraph")
}

pub fn starts_find(_: &str, s: &mut State) -> Result<(), String> {
    same(find_line(&screen(s)).as_deref(), Some(""), "the find line")?;
    typed(s, "đoạn 30");
    key(s, KeyCode::Enter);
    let after = screen(s);
    same(find_match(&after), Some((1, 1)), "one match")?;
    holds(contains(&after, "Bài 60 đoạn 30"), "scrolled to it")
}

pub fn next_match(before: &str, s: &mut State) -> Result<(), String> {
    same(find_match(before), Some((1, 40)), "setup")?;
    same(find_match(&screen(s)), Some((2, 40)), "the next match")
}

pub fn previous_match(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    same(
        find_match(&after),
        Some((40, 40)),
        "round to the last match",
    )?;
    holds(contains(&after, "Bài 60 đoạn 40"), "scrolled to it")
}

pub fn next_article(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    same(article_position(&after), Some(22), "the next article")?;
    same(top_line(&after), 1, "from its top")?;
    holds(status(&after).contains(READING_HINT), "still reading")?;
    same(selected(&after), Some(39), "the list follows")
}

pub fn previous_article(_: &str, s: &mut State) -> Result<(), String> {
    let after = screen(s);
    same(article_position(&after), Some(20), "the previous article")?;
    same(top_line(&after), 1, "from its top")?;
    same(selected(&after), Some(41), "the list follows")
}

pub fn reading_full_screen(before: &str, s: &mut State) -> Result<(), String> {
    holds(selected(before).is_some(), "the list before")?;
    let after = screen(s);
    holds(selected(&after).is_none(), "no list")?;
    holds(contains(&after, "Bài 60 ở Hoài Đức"), "the article")?;
    holds(page_of(&after) > page_of(before), "more lines of it")
}
