//! What the keys do, step by step, through the real keymap.
#![allow(clippy::panic, reason = "a test fails by panicking")]

mod common;

use common::{ctrl, key, state, submit_query, typed};
use crossterm::event::KeyCode;
use tintuc::search::SortOrder;
use tintuc::tui::{Focus, Lang, Mode};

#[test]
fn a_new_sort_order_selects_its_first_row() {
    let mut s = state(Lang::En, 80, 24);
    for expected in [
        SortOrder::Newest,
        SortOrder::Oldest,
        SortOrder::Title,
        SortOrder::Relevance,
    ] {
        key(&mut s, KeyCode::Char('G'));
        assert_ne!(s.selected(), Some(0));
        key(&mut s, KeyCode::Char('s'));
        assert_eq!(s.sort(), expected);
        assert_eq!(s.selected(), Some(0), "{expected:?}");
        assert_eq!(s.list_offset(), 0);
        assert_eq!(
            s.selected_article(),
            s.results().hits.first().map(|h| h.article)
        );
    }
}

#[test]
fn space_reads_on_into_the_next_article_and_pgdn_stays() {
    for (w, h) in [(80, 24), (40, 12), (200, 60)] {
        let mut s = state(Lang::En, w, h);
        key(&mut s, KeyCode::Enter);
        let first = s.selected_article();
        // Space pages down until the end, then opens the next article.
        let mut pages = 0;
        while s.selected_article() == first {
            let before = s.reader().scroll;
            key(&mut s, KeyCode::Char(' '));
            if s.selected_article() == first {
                assert!(s.reader().scroll > before, "{w}×{h}: Space moved on");
                pages += 1;
                assert!(pages < 10_000, "{w}×{h}: never reached the end");
            }
        }
        assert_ne!(s.selected_article(), first, "{w}×{h}");
        assert_eq!(
            s.reader().scroll,
            0,
            "{w}×{h}: the next article from its top"
        );
        assert_eq!(s.focus(), Focus::Reading);
        // PgDn at the end stays at the end.
        let article = s.selected_article();
        key(&mut s, KeyCode::Char('G'));
        let end = s.reader().scroll;
        for _ in 0..3 {
            key(&mut s, KeyCode::PageDown);
        }
        assert_eq!(s.selected_article(), article, "{w}×{h}");
        assert_eq!(s.reader().scroll, end, "{w}×{h}");
    }
}

/// The browser, in English, on the articles of a JSON text.
fn state_of(text: &str, width: u16, height: u16) -> tintuc::tui::State {
    let report = tintuc::load::read_str("articles.json", text);
    let collection = tintuc::model::Collection {
        articles: report.articles,
        origin: "articles.json".into(),
    };
    let engine = tintuc::search::Engine::new(collection);
    let mut s =
        tintuc::tui::State::new(engine, Lang::En, tintuc::tui::Theme::plain(), width, height);
    tintuc::tui::start(&mut s);
    s
}

#[test]
fn the_date_picker_offers_only_years_a_term_can_name() {
    let text = r#"[{"id":"a","title":"Year zero","date":"0000-05-01","body":"x"},
        {"id":"b","title":"Year five","date":"0005-02-01","body":"x"},
        {"id":"c","title":"Recent","date":"2020-02-01","body":"x"}]"#;
    let mut s = state_of(text, 80, 24);
    key(&mut s, KeyCode::Char('d'));
    key(&mut s, KeyCode::Home);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.query().text(), "#0005");
    assert_eq!(
        s.results().hits.len(),
        1,
        "the term filters: {:?}",
        s.results()
    );
    key(&mut s, KeyCode::Char('d'));
    key(&mut s, KeyCode::Home);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.query().text(), "#0005-02");
    assert_eq!(s.results().hits.len(), 1);
}

#[test]
fn query_history_walks_back_and_forth() {
    let mut s = state(Lang::En, 80, 24);
    for q in ["xxiv", "dang"] {
        submit_query(&mut s, q);
    }
    key(&mut s, KeyCode::Char('/'));
    ctrl(&mut s, 'u');
    typed(&mut s, "dr");
    key(&mut s, KeyCode::Up);
    assert_eq!(s.query().text(), "dang");
    key(&mut s, KeyCode::Up);
    assert_eq!(s.query().text(), "xxiv");
    assert_eq!(s.results().hits.len(), 1, "the recalled query is searched");
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    assert_eq!(s.query().text(), "dr");
}

#[test]
fn next_and_previous_article_from_the_reading_pane() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char(' '));
    assert!(s.reader().scroll > 0);
    key(&mut s, KeyCode::Char('J'));
    assert_eq!(s.selected(), Some(1));
    assert_eq!(s.reader().scroll, 0, "a new article starts at its top");
    key(&mut s, KeyCode::Char(']'));
    key(&mut s, KeyCode::Char('K'));
    assert_eq!(s.selected(), Some(1));
    assert_eq!(s.focus(), Focus::Reading);
    key(&mut s, KeyCode::Char('G'));
    assert_eq!(s.reader().scroll, s.max_scroll());
    key(&mut s, KeyCode::Char('g'));
    assert_eq!(s.reader().scroll, 0);
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.focus(), Focus::List);
}

#[test]
fn find_in_the_article_like_less() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('/'));
    assert_eq!(s.mode(), Mode::Find);
    typed(&mut s, "bắc ninh");
    key(&mut s, KeyCode::Enter);
    let n = s.reader().find.hits.len();
    assert!(n > 2, "{n}");
    assert_eq!(s.reader().find.current, Some(0));
    key(&mut s, KeyCode::Char('N'));
    assert_eq!(s.reader().find.current, Some(n - 1), "wraps backwards");
    key(&mut s, KeyCode::Char('n'));
    assert_eq!(s.reader().find.current, Some(0), "and forwards");
    // The current match is on screen.
    let line = s.reader().doc.found_lines[n - 1];
    key(&mut s, KeyCode::Char('N'));
    let rows = usize::from(s.panes().reading_text.height);
    assert!(s.reader().scroll <= line && line < s.reader().scroll + rows);
    // Esc while typing a new search puts everything back.
    let scroll = s.reader().scroll;
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "zzz");
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.reader().find.term, "bắc ninh");
    assert_eq!(s.reader().scroll, scroll);
}

#[test]
fn tab_switches_focus() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.focus(), Focus::Reading);
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.focus(), Focus::List);
    key(&mut s, KeyCode::Char('/'));
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.focus(), Focus::List);
}

#[test]
fn decomposed_letters_are_one_keystroke_each() {
    let mut s = state(Lang::Vi, 80, 24);
    key(&mut s, KeyCode::Char('/'));
    // "Đê" typed as D-stroke, e, combining circumflex.
    typed(&mut s, "đe\u{302}");
    assert_eq!(s.query().text(), "đê");
    key(&mut s, KeyCode::Left);
    key(&mut s, KeyCode::Backspace);
    assert_eq!(s.query().text(), "ê");
    key(&mut s, KeyCode::Delete);
    assert_eq!(s.query().text(), "");
}

#[test]
fn quitting() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('q'));
    assert!(!s.has_quit(), "q in the article goes back");
    key(&mut s, KeyCode::Char('q'));
    assert!(s.has_quit());
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "q");
    assert!(!s.has_quit(), "q is a letter in the query line");
    ctrl(&mut s, 'c');
    assert!(s.has_quit());
}

/// Each place the picker offers, chosen with Enter from `start` (which
/// may name a place already): the query keeps one place, and the results
/// are as many as the picker said.
fn picker_counts_are_what_enter_gives(s: &mut tintuc::tui::State, start: &str) -> usize {
    use tintuc::tui::Overlay;
    submit_query(s, start);
    key(s, KeyCode::Char('p'));
    let rows = match &s.overlay() {
        Some(Overlay::Places(p)) => p.shown.len(),
        other => panic!("no picker: {other:?}"),
    };
    key(s, KeyCode::Esc);
    for row in 0..rows {
        submit_query(s, start);
        key(s, KeyCode::Char('p'));
        for _ in 0..row {
            key(s, KeyCode::Down);
        }
        let Some(Overlay::Places(p)) = &s.overlay() else {
            panic!("no picker");
        };
        let promised = p.counts[p.shown[row].0].1;
        key(s, KeyCode::Enter);
        let query = s.query().text().to_owned();
        assert_eq!(query.matches('@').count(), 1, "one place term: {query}");
        assert_eq!(s.results().hits.len(), promised, "{query}");
    }
    rows
}

#[test]
fn the_place_picker_replaces_the_place_and_its_counts_are_what_enter_gives() {
    let mut s = state(Lang::En, 100, 30);
    let rows = picker_counts_are_what_enter_gives(&mut s, "@\"Từ Sơn\" dang");
    assert!(rows > 3, "{rows} places");
    assert!(
        s.query().text().starts_with("dang @"),
        "{}",
        s.query().text()
    );
}

/// Provinces merged in 2025: an article about the old Vĩnh Phúc is about
/// the new Phú Thọ too, and the picker counts it as the search does.
#[test]
fn the_place_picker_counts_places_as_the_search_does() {
    let text = r#"[
        {"id":"a","title":"Một","date":"2020-01-01","places":["Vĩnh Phúc"],"body":"x"},
        {"id":"b","title":"Hai","date":"2025-08-01","places":["Phú Thọ"],"body":"x"},
        {"id":"c","title":"Ba","date":"2021-01-01","places":["Hòa Bình"],"body":"x"},
        {"id":"d","title":"Bốn","date":"2019-01-01","places":["Từ Sơn"],"body":"x"}
    ]"#;
    let mut s = state_of(text, 100, 30);
    let rows = picker_counts_are_what_enter_gives(&mut s, "");
    assert!(rows >= 4, "{rows}");
    picker_counts_are_what_enter_gives(&mut s, "@tuson #2019..2021");
}

/// `@tuson|#2020` narrows by place and by date: either picker replaces
/// it, and the date picker opens on its year.
#[test]
fn a_term_of_a_place_or_a_date_belongs_to_both_pickers() {
    let text = r#"[
        {"id":"a","title":"Một","date":"2019-01-01","places":["Từ Sơn"],"body":"x"},
        {"id":"b","title":"Hai","date":"2020-08-01","places":["Hòa Bình"],"body":"x"},
        {"id":"c","title":"Ba","date":"2021-01-01","places":["Phú Thọ"],"body":"x"}
    ]"#;
    let mut s = state_of(text, 100, 30);
    submit_query(&mut s, "@tuson|#2020");
    assert_eq!(s.results().hits.len(), 2);
    key(&mut s, KeyCode::Char('d'));
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.query().text(), "#2020");
    assert_eq!(s.results().hits.len(), 1);
    let rows = picker_counts_are_what_enter_gives(&mut s, "#2020|@tuson");
    assert!(rows >= 3, "{rows}");
    assert!(s.query().text().starts_with('@'), "{}", s.query().text());
}

#[test]
fn the_engine_hints_speak_the_interface_language() {
    for (lang, said) in [
        (Lang::Vi, "#2020-13: không có tháng 13"),
        (Lang::En, "#2020-13: there is no month 13"),
    ] {
        let mut s = state(lang, 100, 30);
        key(&mut s, KeyCode::Char('/'));
        typed(&mut s, "#2020-13");
        let screen = common::screen(&s);
        let first = screen.lines().next().unwrap_or_default();
        assert!(first.contains(said), "{first}");
    }
}
