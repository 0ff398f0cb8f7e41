//! Styles cell by cell: with `NO_COLOR` no cell has a colour and meaning
//! is carried by bold, reverse and underline; with colour, only the 16
//! ANSI colours are used.
#![allow(
    clippy::cast_possible_truncation,
    reason = "the numbers are the test's own, and small"
)]
#![allow(clippy::panic, reason = "a test fails by panicking")]

mod common;

use std::ffi::OsStr;

use common::{buffer, key, plain_state, state, typed};
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tintuc::tui::{Lang, State, Theme};

/// The cells of the first row (from `from_row` on) that shows `needle`.
fn find(buf: &Buffer, needle: &str, from_row: u16) -> Vec<(u16, u16)> {
    for y in from_row..buf.area.height {
        let symbols: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let n = needle.chars().count();
        for x in 0..symbols.len().saturating_sub(n - 1) {
            let s: String = symbols[x..x + n].concat();
            if s == needle {
                return (x..x + n).map(|x| (x as u16, y)).collect();
            }
        }
    }
    panic!("{needle:?} not on screen")
}

fn reading_with_find(s: &mut State) {
    key(s, KeyCode::Char('/'));
    typed(s, "xxiv");
    key(s, KeyCode::Enter);
    key(s, KeyCode::Enter);
    key(s, KeyCode::Char('/'));
    typed(s, "huyện");
    key(s, KeyCode::Enter);
}

/// Screens that between them use every style.
fn screens(make: fn(Lang, u16, u16) -> State) -> Vec<Buffer> {
    let mut out = Vec::new();
    let mut s = make(Lang::En, 80, 24);
    out.push(buffer(&s));
    reading_with_find(&mut s);
    out.push(buffer(&s));
    for c in ['?', 'p', 'd'] {
        let mut s = make(Lang::En, 120, 40);
        key(&mut s, KeyCode::Char(c));
        out.push(buffer(&s));
    }
    let mut s = make(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "#2020-13 xyzzy");
    out.push(buffer(&s));
    out
}

#[test]
fn no_color_means_no_colour_at_all() {
    for buf in screens(plain_state) {
        for cell in buf.content() {
            assert_eq!(cell.fg, Color::Reset, "{cell:?}");
            assert_eq!(cell.bg, Color::Reset, "{cell:?}");
        }
    }
}

#[test]
fn without_colour_meaning_is_in_the_modifiers() {
    let mut s = plain_state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "xxiv");
    key(&mut s, KeyCode::Enter);
    let buf = buffer(&s);
    // The selected row is reversed.
    assert!(buf[(0, 1)].modifier.contains(Modifier::REVERSED));
    // Keywords are bold and underlined, in the list and in the article.
    for (x, y) in find(&buf, "XXIV", 1) {
        let m = buf[(x, y)].modifier;
        assert!(m.contains(Modifier::BOLD | Modifier::UNDERLINED), "{m:?}");
    }
    for (x, y) in find(&buf, "XXIV", 6) {
        let m = buf[(x, y)].modifier;
        assert!(m.contains(Modifier::BOLD | Modifier::UNDERLINED), "{m:?}");
    }
    // The in-article match the reader is on: reversed, bold, underlined.
    let mut s = plain_state(Lang::En, 80, 24);
    reading_with_find(&mut s);
    let buf = buffer(&s);
    let current = find(&buf, "huyện", 6);
    let m = buf[current[0]].modifier;
    assert!(
        m.contains(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
        "{m:?}"
    );
    // The status bar is reversed.
    assert!(buf[(79, 23)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn colours_are_the_sixteen_ansi_ones() {
    for buf in screens(state) {
        for cell in buf.content() {
            for c in [cell.fg, cell.bg] {
                assert!(
                    !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                    "{cell:?} uses a colour a 16-colour terminal lacks"
                );
            }
        }
    }
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "xxiv");
    key(&mut s, KeyCode::Enter);
    let buf = buffer(&s);
    assert_eq!(buf[(0, 1)].bg, Color::Cyan, "selected row");
    for (x, y) in find(&buf, "XXIV", 1) {
        assert_eq!(
            (buf[(x, y)].fg, buf[(x, y)].bg),
            (Color::Black, Color::Yellow)
        );
    }
}

#[test]
fn no_color_variable() {
    assert!(Theme::for_no_color(None).color);
    assert!(Theme::for_no_color(Some(OsStr::new(""))).color);
    assert!(!Theme::for_no_color(Some(OsStr::new("1"))).color);
    assert!(!Theme::for_no_color(Some(OsStr::new("yes"))).color);
}

#[test]
fn unread_titles_are_bold_and_the_selection_keeps_them_apart() {
    for make in [state, plain_state] {
        let mut s = make(Lang::En, 120, 30);
        // Read the second article, then back to the first: the list has
        // the focus, the first row is selected and unread.
        key(&mut s, KeyCode::Char('j'));
        key(&mut s, KeyCode::Enter);
        key(&mut s, KeyCode::Char('h'));
        key(&mut s, KeyCode::Char('k'));
        let buf = buffer(&s);
        let title_x = 20;
        assert!(
            buf[(title_x, 1)].modifier.contains(Modifier::BOLD),
            "unread, selected"
        );
        assert!(!buf[(title_x, 2)].modifier.contains(Modifier::BOLD), "read");
        assert!(
            buf[(title_x, 3)].modifier.contains(Modifier::BOLD),
            "unread"
        );
        // Reading the first: its row is underlined, not bold, so the
        // unread rows stay apart from it.
        key(&mut s, KeyCode::Enter);
        let buf = buffer(&s);
        let row = buf[(title_x, 1)].modifier;
        assert!(row.contains(Modifier::UNDERLINED), "{row:?}");
        assert!(!row.contains(Modifier::BOLD), "read now: {row:?}");
        assert!(buf[(title_x, 3)].modifier.contains(Modifier::BOLD));
    }
}
