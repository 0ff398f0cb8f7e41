//! What every key does, read off the screen: one table of (how to get
//! to a mode, the keys, what must change), and a check that every key
//! the default key table binds has a row, so a new key without a test
//! fails here.
//!
//! The collection is `paging_collection`: 60 articles "Bài 01" … "Bài 60"
//! (the newest, "Bài 60", first) of 40 paragraphs each, so every page,
//! line and edge move shows. The checks read the screen (the selected
//! row, the "a–b/total" position, the status bar, the query line) and,
//! where nothing is drawn (quitting, copying), what the browser asks its
//! run loop to do.
#![allow(
    clippy::cast_possible_truncation,
    reason = "the numbers are the test's own, and small"
)]

#[path = "tui_keys/checks.rs"]
mod checks;
mod common;
#[macro_use]
#[path = "tui_keys/overlays.rs"]
mod overlays;

use checks::*;
use common::screen_read::*;
use common::{ctrl, key, key_with, paging_state, screen, submit_query, typed};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use overlays::*;
use tintuc::tui::Command;
use tintuc::tui::Effect;
use tintuc::tui::editor::Edit;
use tintuc::tui::keymap;
use tintuc::tui::{Action, Mode, State};

/// A key: its code and whether Ctrl is held.
type Key = (KeyCode, bool);

const fn k(code: KeyCode) -> Key {
    (code, false)
}

const fn c(letter: char) -> Key {
    (KeyCode::Char(letter), true)
}

const fn ch(letter: char) -> Key {
    (KeyCode::Char(letter), false)
}

type Setup = fn() -> State;
/// Given the screen before the key and the state after it: Ok, or what
/// is wrong.
type Check = fn(&str, &mut State) -> Result<(), String>;

struct Row {
    mode: Mode,
    setup: Setup,
    keys: Vec<Key>,
    what: &'static str,
    check: Check,
}

fn press(s: &mut State, (code, ctrl_held): Key) {
    let modifiers = if ctrl_held {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    key_with(s, code, modifiers);
}

fn key_name((code, ctrl_held): Key) -> String {
    let name = match code {
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    if ctrl_held {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

// ---- Getting to a mode ---------------------------------------------

fn base() -> State {
    paging_state(80, 24)
}

fn list_top() -> State {
    base()
}

/// The list on its 21st row ("Bài 40").
fn list_middle() -> State {
    let mut s = base();
    for _ in 0..20 {
        key(&mut s, KeyCode::Down);
    }
    s
}

fn reading_top() -> State {
    let mut s = base();
    key(&mut s, KeyCode::Enter);
    s
}

/// Reading "Bài 40", two pages down.
fn reading_middle() -> State {
    let mut s = list_middle();
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::PageDown);
    key(&mut s, KeyCode::PageDown);
    s
}

/// Reading, on the first match of "xã" (one a paragraph).
fn reading_found() -> State {
    let mut s = reading_top();
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "xã");
    key(&mut s, KeyCode::Enter);
    s
}

/// Typing "nong thon xa", the cursor moved back before "xa".
fn query_editing() -> State {
    let mut s = base();
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "nong thon xa");
    key(&mut s, KeyCode::Left);
    key(&mut s, KeyCode::Left);
    s
}

/// "bài 01" then "bài 02" searched; the query line open and emptied.
fn query_history() -> State {
    let mut s = base();
    submit_query(&mut s, "bài 01");
    submit_query(&mut s, "bài 02");
    key(&mut s, KeyCode::Char('/'));
    ctrl(&mut s, 'u');
    s
}

/// As `query_history`, gone back to "bài 01".
fn query_history_back() -> State {
    let mut s = query_history();
    key(&mut s, KeyCode::Up);
    key(&mut s, KeyCode::Up);
    s
}

/// Finding "làng xã", the cursor moved back before "xã".
fn find_editing() -> State {
    let mut s = reading_top();
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "làng xã");
    key(&mut s, KeyCode::Left);
    key(&mut s, KeyCode::Left);
    s
}

fn places_top() -> State {
    let mut s = base();
    key(&mut s, KeyCode::Char('p'));
    s
}

/// The place picker on its sixth row ("Gia Lâm", by count).
fn places_middle() -> State {
    let mut s = places_top();
    for _ in 0..5 {
        key(&mut s, KeyCode::Down);
    }
    s
}

/// The place picker on its last row.
fn places_bottom() -> State {
    let mut s = places_top();
    for _ in 0..30 {
        key(&mut s, KeyCode::Down);
    }
    s
}

/// Filtering places by "son tay", the cursor moved back before "ay".
fn places_filtering() -> State {
    let mut s = places_top();
    typed(&mut s, "son tay");
    key(&mut s, KeyCode::Left);
    key(&mut s, KeyCode::Left);
    s
}

/// The date picker on its last year, 2025.
fn dates_last() -> State {
    let mut s = base();
    key(&mut s, KeyCode::Char('d'));
    s
}

fn dates_first() -> State {
    let mut s = dates_last();
    key(&mut s, KeyCode::Home);
    s
}

/// The months of 2025.
fn dates_months() -> State {
    let mut s = dates_last();
    key(&mut s, KeyCode::Down);
    s
}

fn help_top() -> State {
    let mut s = base();
    key(&mut s, KeyCode::Char('?'));
    s
}

/// The help, a page and two lines down.
fn help_middle() -> State {
    let mut s = help_top();
    key(&mut s, KeyCode::PageDown);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    s
}

// ---- The table -----------------------------------------------------

use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

// A table: one row for each key in each mode.
#[allow(clippy::too_many_lines, reason = "a table, as said above")]
#[rustfmt::skip]
fn rows() -> Vec<Row> {
    let row = |mode, setup, keys: &[Key], what, check| Row {
        mode,
        setup,
        keys: keys.to_vec(),
        what,
        check,
    };
    let mut out = vec![
        // The list.
        row(Mode::List, list_top as Setup, &[ch('j'), k(Down), c('n')] as &[Key], "next row", list_down as Check),
        row(Mode::List, list_middle, &[ch('k'), k(Up), c('p')], "previous row", list_up),
        row(Mode::List, list_top, &[k(PageDown), c('f'), c('d')], "a page down", list_page_down),
        row(Mode::List, list_middle, &[k(PageUp), c('b'), c('u')], "a page up", list_page_up),
        row(Mode::List, list_middle, &[ch('g'), k(Home)], "first row", list_top_row),
        row(Mode::List, list_top, &[ch('G'), k(End)], "last row", list_bottom_row),
        row(Mode::List, list_middle, &[k(Enter), ch('l'), k(Right)], "read", list_opens),
        row(Mode::List, list_top, &[ch('/')], "type a query", to_query),
        row(Mode::List, list_top, &[ch('q')], "quit", quits),
        row(Mode::List, list_top, &[k(Tab), k(BackTab)], "to the article", to_reading),
        row(Mode::List, list_top, &[ch('p')], "place picker", places_open),
        row(Mode::List, list_top, &[ch('d')], "date picker", dates_open),
        row(Mode::List, list_top, &[ch('s')], "sort", sort_changes),
        row(Mode::List, list_top, &[ch('z')], "hide the reading pane", hides_reading_pane),
        row(Mode::List, list_top, &[ch('?')], "help", help_opens),
        row(Mode::List, list_top, &[ch('m')], "bookmark", bookmarks),
        row(Mode::List, list_top, &[ch('y')], "copy", copies_the_article),
        row(Mode::List, list_top, &[ch('Y')], "copy the title", copies_the_title),
        // The reading pane.
        row(Mode::Reading, reading_top, &[ch('j'), k(Down), c('e'), c('n')], "a line down", scroll_down),
        row(Mode::Reading, reading_middle, &[ch('k'), k(Up), c('y'), c('p')], "a line up", scroll_up),
        row(Mode::Reading, reading_top, &[ch(' '), k(PageDown), c('f'), c('d')], "a page down", scroll_page_down),
        row(Mode::Reading, reading_middle, &[ch('b'), k(PageUp), c('b'), c('u')], "a page up", scroll_page_up),
        row(Mode::Reading, reading_middle, &[ch('g'), k(Home)], "top", scroll_top),
        row(Mode::Reading, reading_top, &[ch('G'), k(End)], "bottom", scroll_bottom),
        row(Mode::Reading, reading_top, &[ch('/')], "find", starts_find),
        row(Mode::Reading, reading_found, &[ch('n')], "next match", next_match),
        row(Mode::Reading, reading_found, &[ch('N')], "previous match", previous_match),
        row(Mode::Reading, reading_middle, &[ch('J'), ch(']')], "next article", next_article),
        row(Mode::Reading, reading_middle, &[ch('K'), ch('[')], "previous article", previous_article),
        row(Mode::Reading, reading_top, &[ch('h'), ch('q'), k(Left), k(Esc)], "back", to_list),
        row(Mode::Reading, reading_top, &[k(Tab), k(BackTab)], "to the list", to_list),
        row(Mode::Reading, reading_top, &[ch('p')], "place picker", places_open),
        row(Mode::Reading, reading_top, &[ch('d')], "date picker", dates_open),
        row(Mode::Reading, reading_top, &[ch('s')], "sort", sort_changes),
        row(Mode::Reading, reading_top, &[ch('z')], "the article alone", reading_full_screen),
        row(Mode::Reading, reading_top, &[ch('?')], "help", help_opens),
        row(Mode::Reading, reading_top, &[ch('m')], "bookmark", bookmarks),
        row(Mode::Reading, reading_top, &[ch('y')], "copy", copies_the_article),
        row(Mode::Reading, reading_top, &[ch('Y')], "copy the title", copies_the_title),
        // The query line.
        row(Mode::Query, query_editing, &[ch('q'), ch('j'), ch('/')], "typing", query_typing),
        row(Mode::Query, query_editing, &[k(Enter), k(Esc)], "done", query_submits),
        row(Mode::Query, query_editing, &[k(Tab), k(BackTab)], "to the list", query_to_list),
        row(Mode::Query, query_history, &[k(Up), c('p')], "older query", history_older),
        row(Mode::Query, query_history_back, &[k(Down), c('n')], "newer query", history_newer),
        row(Mode::Query, query_editing, &[c('u')], "clear", query_after!("")),
        row(Mode::Query, query_editing, &[c('w')], "delete a word", query_after!("nong xa")),
        row(Mode::Query, query_editing, &[c('h'), k(Backspace)], "delete back", query_after!("nong thonxa")),
        row(Mode::Query, query_editing, &[c('k')], "delete to the end", query_after!("nong thon")),
        row(Mode::Query, query_editing, &[c('d'), k(Delete)], "delete", query_after!("nong thon a")),
        row(Mode::Query, query_editing, &[c('a'), k(Home)], "to the start", query_cursor!("_nong thon xa")),
        row(Mode::Query, query_editing, &[c('e'), k(End)], "to the end", query_cursor!("nong thon xa_")),
        row(Mode::Query, query_editing, &[c('b'), k(Left)], "left", query_cursor!("nong thon_ xa")),
        row(Mode::Query, query_editing, &[c('f'), k(Right)], "right", query_cursor!("nong thon x_a")),
        // Finding in the article.
        row(Mode::Find, find_editing, &[ch('q'), ch('n'), ch('/')], "typing", find_typing),
        row(Mode::Find, find_editing, &[k(Enter)], "find", find_submits),
        row(Mode::Find, find_editing, &[k(Esc)], "cancel", find_cancels),
        row(Mode::Find, find_editing, &[c('u')], "clear", find_after!("")),
        row(Mode::Find, find_editing, &[c('w')], "delete a word", find_after!("xã")),
        row(Mode::Find, find_editing, &[c('h'), k(Backspace)], "delete back", find_after!("làngxã")),
        row(Mode::Find, find_editing, &[c('k')], "delete to the end", find_after!("làng")),
        row(Mode::Find, find_editing, &[c('d'), k(Delete)], "delete", find_after!("làng ã")),
        row(Mode::Find, find_editing, &[c('a'), k(Home)], "to the start", find_cursor!("_làng xã")),
        row(Mode::Find, find_editing, &[c('e'), k(End)], "to the end", find_cursor!("làng xã_")),
        row(Mode::Find, find_editing, &[c('b'), k(Left)], "left", find_cursor!("làng_ xã")),
        row(Mode::Find, find_editing, &[c('f'), k(Right)], "right", find_cursor!("làng x_ã")),
        // The place picker.
        row(Mode::Places, places_top, &[k(Esc)], "close", closes_overlay),
        row(Mode::Places, places_top, &[k(Enter)], "choose", place_chosen),
        row(Mode::Places, places_top, &[k(Tab), k(BackTab)], "sort A–Z", place_sort),
        row(Mode::Places, places_top, &[k(Down), c('n'), c('j')], "next row", place_down),
        row(Mode::Places, places_middle, &[k(Up), c('p'), c('k')], "previous row", place_up),
        row(Mode::Places, places_top, &[k(PageDown)], "a page down", place_page_down),
        row(Mode::Places, places_bottom, &[k(PageUp)], "a page up", place_page_up),
        row(Mode::Places, places_filtering, &[ch('q'), ch('j'), ch('?')], "typing", place_typing),
        row(Mode::Places, places_filtering, &[c('u')], "clear", filter_after!("")),
        row(Mode::Places, places_filtering, &[c('w')], "delete a word", filter_after!("son ay")),
        row(Mode::Places, places_filtering, &[c('h'), k(Backspace)], "delete back", filter_after!("son ay")),
        row(Mode::Places, places_filtering, &[c('d'), k(Delete)], "delete", filter_after!("son ty")),
        row(Mode::Places, places_filtering, &[c('a'), k(Home)], "to the start", filter_cursor!("_son tay")),
        row(Mode::Places, places_filtering, &[c('e'), k(End)], "to the end", filter_cursor!("son tay_")),
        row(Mode::Places, places_filtering, &[c('b'), k(Left)], "left", filter_cursor!("son _tay")),
        row(Mode::Places, places_filtering, &[c('f'), k(Right)], "right", filter_cursor!("son ta_y")),
        // The date picker. It takes a letter with Ctrl as the letter.
        row(Mode::Dates, dates_last, &[k(Esc), ch('q'), c('q')], "close", closes_overlay),
        row(Mode::Dates, dates_last, &[k(Enter)], "choose a year", year_chosen),
        row(Mode::Dates, dates_months, &[k(Enter)], "choose a month", month_chosen),
        row(Mode::Dates, dates_last, &[k(Left), ch('h'), c('h')], "the year before", date_is!("2024", "the year before")),
        row(Mode::Dates, dates_first, &[k(Right), ch('l')], "the year after", date_is!("2017", "the year after")),
        row(Mode::Dates, dates_last, &[k(Home), ch('g'), c('g')], "the first year", date_is!("2016", "the first year")),
        row(Mode::Dates, dates_first, &[k(End), ch('G')], "the last year", date_is!("2025", "the last year")),
        row(Mode::Dates, dates_last, &[k(Down), ch('j'), c('j')], "months", to_months),
        row(Mode::Dates, dates_months, &[k(Up), ch('k'), c('k'), k(Backspace)], "years", to_years),
        // The help.
        row(Mode::Help, help_top, &[k(Esc), ch('?'), ch('q'), k(Enter)], "close", help_closes),
        row(Mode::Help, help_top, &[ch('j'), k(Down)], "a line down", help_down),
        row(Mode::Help, help_middle, &[ch('k'), k(Up)], "a line up", help_up),
        row(Mode::Help, help_top, &[ch(' '), k(PageDown), c('f'), c('d')], "a page down", help_page_down),
        row(Mode::Help, help_middle, &[ch('b'), k(PageUp), c('b'), c('u')], "a page up", help_page_up),
        row(Mode::Help, help_middle, &[ch('g'), k(Home)], "top", help_top_line),
        row(Mode::Help, help_top, &[ch('G'), k(End)], "bottom", help_bottom),
    ];
    // Keys that mean the same in every mode.
    let setups: [(Mode, Setup); 7] = [
        (Mode::List, list_top),
        (Mode::Reading, reading_middle),
        (Mode::Query, query_editing),
        (Mode::Find, find_editing),
        (Mode::Places, places_middle),
        (Mode::Dates, dates_months),
        (Mode::Help, help_middle),
    ];
    for (mode, setup) in setups {
        out.push(row(mode, setup, &[c('c')], "quit", quits));
        out.push(row(mode, setup, &[c('l'), c('z')], "nothing in the state", nothing_changes));
    }
    out
}

/// Presses every key of `mode`'s rows, each in a fresh browser, and
/// reports every key whose effect is not the one its row expects.
fn keys_do_what_they_say(mode: Mode) {
    let mut failures = Vec::new();
    let mut checked = 0;
    for row in rows().into_iter().filter(|r| r.mode == mode) {
        for &key in &row.keys {
            let mut s = (row.setup)();
            assert_eq!(
                s.mode(),
                row.mode,
                "the setup of {:?} {}",
                row.mode,
                row.what
            );
            let before = screen(&s);
            press(&mut s, key);
            if let Err(why) = (row.check)(&before, &mut s) {
                failures.push(format!(
                    "{:?} {} ({}): {why}",
                    row.mode,
                    key_name(key),
                    row.what
                ));
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "no rows for {mode:?}");
    assert!(
        failures.is_empty(),
        "{} of {checked} keys:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn keys_of_the_list() {
    keys_do_what_they_say(Mode::List);
}

#[test]
fn keys_of_the_reading_pane() {
    keys_do_what_they_say(Mode::Reading);
}

#[test]
fn keys_of_the_query_line() {
    keys_do_what_they_say(Mode::Query);
}

#[test]
fn keys_of_find_in_the_article() {
    keys_do_what_they_say(Mode::Find);
}

#[test]
fn keys_of_the_place_picker() {
    keys_do_what_they_say(Mode::Places);
}

#[test]
fn keys_of_the_date_picker() {
    keys_do_what_they_say(Mode::Dates);
}

#[test]
fn keys_of_the_help() {
    keys_do_what_they_say(Mode::Help);
}

const MODES: [Mode; 7] = [
    Mode::List,
    Mode::Reading,
    Mode::Query,
    Mode::Find,
    Mode::Places,
    Mode::Dates,
    Mode::Help,
];

/// Every key a terminal sends that tintuc could bind: letters, digits
/// and signs with and without Ctrl, and the named keys.
fn every_key() -> Vec<Key> {
    let mut keys: Vec<Key> = (' '..='~').map(ch).collect();
    keys.extend(('a'..='z').map(c));
    keys.extend(
        [
            Enter,
            Esc,
            Tab,
            BackTab,
            Backspace,
            Delete,
            Up,
            Down,
            Left,
            Right,
            Home,
            End,
            PageUp,
            PageDown,
            KeyCode::Insert,
            KeyCode::F(1),
            KeyCode::F(5),
            KeyCode::F(12),
        ]
        .map(k),
    );
    keys
}

fn action_of(mode: Mode, (code, ctrl_held): Key) -> Option<Action> {
    let modifiers = if ctrl_held {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    keymap::key_action(mode, &KeyEvent::new(code, modifiers))
}

#[test]
fn every_bound_key_has_a_row() {
    let rows = rows();
    let mut missing = Vec::new();
    for mode in MODES {
        let tested: Vec<Key> = rows
            .iter()
            .filter(|r| r.mode == mode)
            .flat_map(|r| r.keys.iter().copied())
            .collect();
        let typing_tested = tested
            .iter()
            .any(|&key| matches!(action_of(mode, key), Some(Action::Edit(Edit::Insert(_)))));
        for key in every_key() {
            let Some(action) = action_of(mode, key) else {
                continue;
            };
            let typing = matches!(action, Action::Edit(Edit::Insert(_)));
            if (typing && !typing_tested) || (!typing && !tested.contains(&key)) {
                missing.push(format!("{mode:?} {} ({action:?})", key_name(key)));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys without a test:\n{}",
        missing.join("\n")
    );
}

/// The keys the help and `tintuc config --actions` name are keys of the
/// table above.
#[test]
fn every_key_the_help_names_has_a_row() {
    let rows = rows();
    for command in Command::BINDABLE {
        let (name, keys) = (command.name(), keymap::default_label(command));
        for label in keys.split(' ') {
            let found = rows.iter().any(|r| {
                r.keys.iter().any(|&key| {
                    let (code, ctrl_held) = key;
                    let spec = tintuc::config::KeySpec::parse(label)
                        .unwrap_or_else(|e| panic!("{label}: {e}"));
                    let modifiers = if ctrl_held {
                        KeyModifiers::CONTROL
                    } else {
                        KeyModifiers::NONE
                    };
                    keymap::matches(&spec, &KeyEvent::new(code, modifiers))
                        && keymap::named(name, r.mode).is_some()
                })
            });
            assert!(found, "{name} {label}");
        }
    }
}

/// A find cancelled with Esc leaves the earlier term's matches shown and
/// none of them current: `N` from the top of the article goes round to
/// the last one, `n` to the first.
#[test]
fn matches_without_a_current_one_after_a_cancelled_find() {
    let found_again = || {
        let mut s = reading_top();
        key(&mut s, KeyCode::Char('/'));
        typed(&mut s, "xã");
        key(&mut s, KeyCode::Enter);
        key(&mut s, KeyCode::Home);
        key(&mut s, KeyCode::Char('/'));
        typed(&mut s, "qq");
        key(&mut s, KeyCode::Esc);
        // "match 0/40": matches, none current.
        assert_eq!(find_match(&screen(&s)), Some((0, 40)), "{}", screen(&s));
        s
    };
    let mut s = found_again();
    key(&mut s, KeyCode::Char('N'));
    assert_eq!(find_match(&screen(&s)), Some((40, 40)), "{}", screen(&s));
    let mut s = found_again();
    key(&mut s, KeyCode::Char('n'));
    assert_eq!(find_match(&screen(&s)), Some((1, 40)), "{}", screen(&s));
}
