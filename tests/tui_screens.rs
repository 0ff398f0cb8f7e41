//! Whole screens of the browser, as text, at 80×24 and 120×40 (and a tiny
//! terminal), in English and Vietnamese.

mod common;

use common::{ctrl, key, plain_state, screen, state, styles, typed};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use tintuc::tui::{Focus, Lang, Mode};

#[test]
fn start() {
    assert_snapshot!("start_en_80x24", screen(&state(Lang::En, 80, 24)));
    assert_snapshot!("start_vi_80x24", screen(&state(Lang::Vi, 80, 24)));
    assert_snapshot!("start_en_120x40", screen(&state(Lang::En, 120, 40)));
    assert_snapshot!("start_vi_120x40", screen(&state(Lang::Vi, 120, 40)));
}

#[test]
fn filtered_while_typing() {
    for (lang, w, h, name) in [
        (Lang::En, 80, 24, "filtered_en_80x24"),
        (Lang::Vi, 120, 40, "filtered_vi_120x40"),
    ] {
        let mut s = state(lang, w, h);
        key(&mut s, KeyCode::Char('/'));
        typed(&mut s, "đại hội xxiv");
        assert_eq!(s.mode(), Mode::Query);
        assert_eq!(s.results().hits.len(), 1);
        assert_snapshot!(name, screen(&s));
    }
}

/// Opens the article that `query` finds first, from the list.
fn reading(lang: Lang, w: u16, h: u16, query: &str) -> tintuc::tui::State {
    let mut s = state(lang, w, h);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, query);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.focus(), Focus::Reading);
    s
}

#[test]
fn reading_with_highlights() {
    let s = reading(Lang::En, 80, 24, "nông thôn");
    assert_snapshot!("reading_en_80x24", screen(&s));
    let mut s = reading(Lang::Vi, 120, 40, "nông thôn");
    assert_snapshot!("reading_vi_120x40", screen(&s));
    // A page down, then the in-article search with its current match.
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "đảng");
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('n'));
    assert_snapshot!("reading_find_vi_120x40", screen(&s));
}

#[test]
fn help_overlay() {
    for (lang, w, h, name) in [
        (Lang::En, 80, 24, "help_en_80x24"),
        (Lang::Vi, 80, 24, "help_vi_80x24"),
        (Lang::En, 120, 40, "help_en_120x40"),
        (Lang::Vi, 120, 40, "help_vi_120x40"),
    ] {
        let mut s = state(lang, w, h);
        key(&mut s, KeyCode::Char('?'));
        assert_eq!(s.mode(), Mode::Help);
        assert_snapshot!(name, screen(&s));
    }
}

#[test]
fn help_scrolls_at_80x24() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('?'));
    key(&mut s, KeyCode::Char('G'));
    assert_snapshot!("help_end_en_80x24", screen(&s));
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.mode(), Mode::List);
}

#[test]
fn place_picker() {
    let mut s = state(Lang::Vi, 80, 24);
    key(&mut s, KeyCode::Char('p'));
    assert_eq!(s.mode(), Mode::Places);
    assert_snapshot!("places_vi_80x24", screen(&s));
    // Filtering without diacritics, then A–Z order.
    typed(&mut s, "son");
    key(&mut s, KeyCode::Tab);
    assert_snapshot!("places_filtered_vi_80x24", screen(&s));

    let mut s = state(Lang::En, 120, 40);
    key(&mut s, KeyCode::Char('p'));
    key(&mut s, KeyCode::Tab);
    assert_snapshot!("places_by_name_en_120x40", screen(&s));
    // Choosing adds the place to the query.
    typed(&mut s, "huong mac");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.query().text(), "@\"Hương Mạc\"");
    assert_eq!(s.mode(), Mode::List);
}

#[test]
fn date_picker() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('d'));
    assert_eq!(s.mode(), Mode::Dates);
    key(&mut s, KeyCode::Left);
    assert_snapshot!("dates_years_en_80x24", screen(&s));

    let mut s = state(Lang::Vi, 120, 40);
    key(&mut s, KeyCode::Char('d'));
    key(&mut s, KeyCode::Home);
    key(&mut s, KeyCode::Down);
    assert_snapshot!("dates_months_vi_120x40", screen(&s));
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.query().text(), "#2017-10");
}

#[test]
fn no_results() {
    for (lang, w, h, name) in [
        (Lang::En, 80, 24, "no_results_en_80x24"),
        (Lang::Vi, 120, 40, "no_results_vi_120x40"),
    ] {
        let mut s = state(lang, w, h);
        key(&mut s, KeyCode::Char('/'));
        typed(&mut s, "xyzzy");
        key(&mut s, KeyCode::Enter);
        assert_eq!(s.selected(), None);
        assert_snapshot!(name, screen(&s));
    }
}

#[test]
fn keywords_read_as_a_place_are_said_and_its_article_comes_first() {
    let mut s = state(Lang::Vi, 120, 40);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "thuong tin");
    key(&mut s, KeyCode::Enter);
    let text = screen(&s);
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.contains("thuong tin: đọc cả là địa danh Thường Tín"),
        "{first}"
    );
    let row = text.lines().nth(1).unwrap_or_default();
    assert!(row.contains("Đưa Nghị quyết Đại hội XXIV"), "{row}");
    assert_snapshot!("place_words_vi_120x40", text);
}

#[test]
fn tiny_terminal_one_pane_at_a_time() {
    let mut s = state(Lang::En, 40, 12);
    assert_snapshot!("tiny_list_en_40x12", screen(&s));
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Enter);
    assert_snapshot!("tiny_reading_en_40x12", screen(&s));
    key(&mut s, KeyCode::Char('?'));
    assert_snapshot!("tiny_help_en_40x12", screen(&s));
    let mut s = state(Lang::Vi, 20, 5);
    assert_snapshot!("tiny_vi_20x5", screen(&s));
    key(&mut s, KeyCode::Char('p'));
    assert_snapshot!("tiny_places_vi_20x5", screen(&s));
}

#[test]
fn styles_with_and_without_colour() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "đại hội xxiv");
    key(&mut s, KeyCode::Enter);
    assert_snapshot!("styles_colour_80x24", styles(&s));
    let mut s = plain_state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "đại hội xxiv");
    key(&mut s, KeyCode::Enter);
    assert_snapshot!("styles_no_colour_80x24", styles(&s));
    ctrl(&mut s, 'u');
}

#[test]
fn engine_hints_and_filters_are_shown() {
    // What the engine says about the query, whatever engine it is.
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "#2020-13");
    s.show_notes(
        vec!["#2020-13: there is no month 13".into()],
        vec!["@tuson".into()],
        vec!["#2020".into()],
    );
    let text = screen(&s);
    let first = text.lines().next().unwrap_or_default();
    assert!(first.starts_with("Search: #2020-13"), "{first}");
    assert!(first.contains("#2020-13: there is no month 13"), "{first}");
    let last = text.lines().last().unwrap_or_default();
    assert!(last.contains(" @tuson  #2020 "), "{last}");
    assert_snapshot!("hints_en_80x24", text);
}

/// Reads the second article, bookmarks it and the third: the list marks
/// them (★, unread titles bold), the reading pane's header too.
fn marked(mut s: tintuc::tui::State) -> tintuc::tui::State {
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.mode(), Mode::Reading);
    key(&mut s, KeyCode::Char('m'));
    key(&mut s, KeyCode::Char('h'));
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char('m'));
    key(&mut s, KeyCode::Char('k'));
    s
}

#[test]
fn read_and_bookmarked_articles_are_marked() {
    let s = marked(state(Lang::En, 120, 16));
    assert_snapshot!("marks_en_120x16", screen(&s));
    assert_snapshot!("marks_styles_colour_120x16", styles(&s));
    let s = marked(plain_state(Lang::En, 120, 16));
    assert_snapshot!("marks_styles_no_colour_120x16", styles(&s));

    // The message after m, and is: filters in the status bar.
    let mut s = marked(state(Lang::Vi, 100, 12));
    key(&mut s, KeyCode::Char('m'));
    assert_snapshot!("marks_notice_vi_100x12", screen(&s));
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "is:bookmarked");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.results().hits.len(), 1, "the one still bookmarked");
    assert_snapshot!("marks_filter_vi_100x12", screen(&s));
}
