//! What the browser remembers, through the real keymap and `update`:
//! read and bookmarked articles, reading positions (also at another
//! width), the query history and the last query, the selection; copying;
//! configured keys; the mouse. No file is touched here: `update` only
//! changes the reading state in memory (the run loop saves it).

mod common;

use std::collections::BTreeMap;

use common::{collection, ctrl, key, state, submit_query, typed};
use crossterm::event::KeyCode;
use tintuc::clipboard;
use tintuc::config::KeySpec;
use tintuc::reading_state::{HISTORY_LIMIT, ReadingState};
use tintuc::search::Engine;
use tintuc::tui::keymap::Keymap;
use tintuc::tui::{Action, Focus, Lang, Mode, State, Theme, update};
use tintuc::tui::{Effect, Settings};

/// The id of the selected article.
fn selected_id(s: &State) -> String {
    let i = s.selected_article().expect("an article is selected");
    s.engine().article_id(i).expect("article")
}

/// A browser on the test collection, built but not yet started (no
/// search has run).
fn unstarted(lang: Lang, width: u16, height: u16) -> State {
    State::new(
        Engine::new(collection()),
        lang,
        Theme::default(),
        width,
        height,
    )
}

/// A new browser, as at the next start, on what `s` remembered.
fn restarted(s: &State, lang: Lang, width: u16, height: u16) -> State {
    let mut next = unstarted(lang, width, height);
    next.restore(s.reading().clone());
    tintuc::tui::start(&mut next);
    next
}

/// A browser at 80×24 with `keys` bound and in `sort` order.
fn configured(keys: &BTreeMap<String, Vec<KeySpec>>, sort: tintuc::search::SortOrder) -> State {
    let mut s = state(Lang::En, 80, 24);
    s.configure(
        Settings {
            keymap: Keymap::new(keys),
            ..Settings::default()
        },
        sort,
    );
    tintuc::tui::start(&mut s);
    s
}

/// The text of the first line shown in the reading pane.
fn top_line(s: &State) -> String {
    s.reader().doc.line_text(s.reader().scroll)
}

#[test]
fn opening_marks_read_and_the_preview_does_not() {
    // Side by side: moving in the list shows each article without
    // opening it.
    let mut s = state(Lang::En, 120, 40);
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char('j'));
    let ids = |s: &State| -> Vec<String> {
        (0..s.engine().len())
            .filter_map(|n| s.engine().article_id(n))
            .collect()
    };
    assert!(ids(&s).iter().all(|id| !s.reading().is_read(id)));
    key(&mut s, KeyCode::Enter);
    let third = selected_id(&s);
    assert!(s.reading().is_read(&third));
    // Reading on with J marks the next one too.
    key(&mut s, KeyCode::Char('J'));
    assert!(s.reading().is_read(&selected_id(&s)));
    assert_eq!(
        ids(&s).iter().filter(|id| s.reading().is_read(id)).count(),
        2
    );
    assert!(s.reading().is_dirty(), "left for the run loop to save");
}

#[test]
fn m_toggles_the_bookmark_in_the_list_and_the_article() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('j'));
    let id = selected_id(&s);
    key(&mut s, KeyCode::Char('m'));
    assert!(s.reading().is_bookmarked(&id));
    assert_eq!(
        s.notice().as_ref().map(|n| n.text.as_str()),
        Some("★ Bookmarked")
    );
    // The next key clears the message.
    key(&mut s, KeyCode::Char('k'));
    assert_eq!(s.notice(), None);
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('m'));
    assert!(!s.reading().is_bookmarked(&id));
    key(&mut s, KeyCode::Char('m'));
    assert!(s.reading().is_bookmarked(&id));
    assert!(!s.reading().is_read("no such id"));
}

#[test]
fn is_terms_follow_the_marks_made_in_the_browser() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('m'));
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('h'));
    let bookmarked = s
        .engine()
        .article_id(s.results().hits[0].article)
        .expect("article");
    let read = selected_id(&s);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "is:bookmarked");
    let ids = |s: &State| -> Vec<String> {
        s.results()
            .hits
            .iter()
            .filter_map(|h| s.engine().article_id(h.article))
            .collect()
    };
    assert_eq!(ids(&s), [bookmarked]);
    ctrl(&mut s, 'u');
    typed(&mut s, "is:read");
    assert_eq!(ids(&s), [read]);
    ctrl(&mut s, 'u');
    typed(&mut s, "!is:read");
    assert_eq!(s.results().hits.len(), 4);
    assert_eq!(s.results().flags, ["!is:read"]);

    // Reading an unread article in an is:unread list: it stays listed
    // (the list is not pulled from under the reader) until the query
    // runs again, which then leaves it out.
    ctrl(&mut s, 'u');
    typed(&mut s, "is:unread");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.results().hits.len(), 4);
    key(&mut s, KeyCode::Enter);
    let opened = selected_id(&s);
    assert!(s.reading().is_read(&opened));
    assert_eq!(s.results().hits.len(), 4);
    key(&mut s, KeyCode::Char('s'));
    assert_eq!(s.results().hits.len(), 3);
    assert!(!ids(&s).contains(&opened));
}

#[test]
fn each_article_resumes_where_it_was_left() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Enter);
    for _ in 0..12 {
        key(&mut s, KeyCode::Char('j'));
    }
    assert_eq!(s.reader().scroll, 12);
    let first = selected_id(&s);
    let line = top_line(&s);
    assert!(s.reading().scroll(&first) > 0);
    // Another article starts at its top; coming back resumes.
    key(&mut s, KeyCode::Char('J'));
    assert_eq!(s.reader().scroll, 0);
    key(&mut s, KeyCode::Char(' '));
    let second_line = top_line(&s);
    key(&mut s, KeyCode::Char('K'));
    assert_eq!(s.reader().scroll, 12);
    assert_eq!(top_line(&s), line);

    // At the next start, same size: the same line at the top.
    let mut again = restarted(&s, Lang::En, 80, 24);
    assert_eq!(selected_id(&again), first, "the selection is restored");
    key(&mut again, KeyCode::Enter);
    assert_eq!(top_line(&again), line);
    key(&mut again, KeyCode::Char('J'));
    assert_eq!(top_line(&again), second_line);

    // In a wider terminal lines break elsewhere: the text at the top is
    // the same (the saved line's start is on the first line shown).
    let mut wide = restarted(&s, Lang::En, 160, 50);
    key(&mut wide, KeyCode::Enter);
    let shown: String = (wide.reader().scroll..wide.reader().scroll + 2)
        .map(|l| wide.reader().doc.line_text(l))
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = line.split_whitespace().take(3).collect();
    assert!(
        shown.contains(&words.join(" ")),
        "{line:?} should be at the top of {shown:?}"
    );
    assert!(wide.reader().scroll < 12, "fewer, longer lines");

    // A resize while reading keeps the same text at the top too.
    let mut s = restarted(&s, Lang::En, 80, 24);
    key(&mut s, KeyCode::Enter);
    update(&mut s, Action::Resize(150, 40));
    let shown = format!(
        "{} {}",
        top_line(&s),
        s.reader().doc.line_text(s.reader().scroll + 1)
    );
    assert!(shown.contains(&words.join(" ")), "{shown:?}");
    // Back to the top: nothing to remember for it any more.
    key(&mut s, KeyCode::Char('g'));
    assert_eq!(s.reading().scroll(&first), 0);
}

#[test]
fn queries_are_remembered_between_runs() {
    let mut s = state(Lang::En, 80, 24);
    for q in ["xxiv", "@tuson", "đang", "@tuson"] {
        submit_query(&mut s, q);
    }
    // A repeat moves to the end, not a second copy.
    assert_eq!(s.reading().history(), ["xxiv", "đang", "@tuson"]);
    assert_eq!(s.reading().last_query(), "@tuson");

    // The next start shows the last query and its results, and ↑ walks
    // through the queries of earlier runs.
    let mut next = restarted(&s, Lang::En, 80, 24);
    assert_eq!(next.query().text(), "@tuson");
    assert_eq!(next.results().hits.len(), 4);
    key(&mut next, KeyCode::Char('/'));
    key(&mut next, KeyCode::Up);
    assert_eq!(next.query().text(), "@tuson");
    key(&mut next, KeyCode::Up);
    assert_eq!(next.query().text(), "đang");
    key(&mut next, KeyCode::Up);
    assert_eq!(next.query().text(), "xxiv");
    key(&mut next, KeyCode::Down);
    key(&mut next, KeyCode::Down);
    key(&mut next, KeyCode::Down);
    assert_eq!(next.query().text(), "@tuson", "back to the line as it was");

    // Bounded.
    let mut many = state(Lang::En, 80, 24);
    for i in 0..HISTORY_LIMIT + 25 {
        key(&mut many, KeyCode::Char('/'));
        ctrl(&mut many, 'u');
        typed(&mut many, &format!("q{i}"));
        key(&mut many, KeyCode::Enter);
    }
    assert_eq!(many.reading().history().len(), HISTORY_LIMIT);
    assert_eq!(many.reading().history()[0], "q25");
}

#[test]
fn a_fresh_state_starts_at_the_top_with_everything() {
    let mut s = unstarted(Lang::En, 80, 24);
    s.restore(ReadingState::default());
    tintuc::tui::start(&mut s);
    assert_eq!(s.query().text(), "");
    assert_eq!(s.results().hits.len(), 5);
    assert_eq!(s.selected(), Some(0));
    // An id no longer in the collection selects the first article.
    let mut gone = ReadingState::default();
    gone.set_selected(Some("no-longer-there"));
    s.restore(gone);
    tintuc::tui::start(&mut s);
    assert_eq!(s.selected(), Some(0));
}

#[test]
fn y_and_capital_y_copy_through_the_run_loop() {
    let mut s = state(Lang::En, 80, 24);
    key(&mut s, KeyCode::Char('y'));
    let article = s
        .engine()
        .article(s.selected_article().expect("selected"))
        .expect("article");
    let Some(Effect::Copy(text)) = s.effects().last() else {
        panic!("no copy requested: {:?}", s.effects());
    };
    assert!(text.starts_with(&format!("{}\n", article.title)), "{text}");
    // The place hierarchy, and the whole body.
    assert!(
        text.contains("Đông Ngàn, Đình Bảng, Tân Hồng, Phù Chẩn · Từ Sơn · Bắc Ninh"),
        "{text}"
    );
    for p in &article.body {
        assert!(text.contains(&p.text));
    }
    let g = tintuc::gazetteer::Gazetteer::embedded();
    let hierarchy = g.describe(&article.places);
    assert_eq!(
        *text,
        clipboard::article_text(&article, &hierarchy.join("; "))
    );
    let chars = text.chars().count();
    let notice = s.notice().cloned().expect("a message").text;
    assert_eq!(notice, format!("Copied the article ({chars} characters)"));

    key(&mut s, KeyCode::Char('Y'));
    let article = s
        .engine()
        .article(s.selected_article().expect("selected"))
        .expect("article");
    assert_eq!(
        s.effects().last(),
        Some(&Effect::Copy(clipboard::title_and_source(&article)))
    );
    // The seeds have no source: the message says what was copied.
    assert!(article.source.is_none());
    assert!(
        s.notice()
            .as_ref()
            .is_some_and(|n| n.text.starts_with("Copied the title ("))
    );

    // Turned off: nothing is sent, and the message says why.
    let mut off = state(Lang::En, 80, 24);
    off.configure(
        Settings {
            osc52: false,
            ..Settings::default()
        },
        tintuc::search::SortOrder::Relevance,
    );
    tintuc::tui::start(&mut off);
    key(&mut off, KeyCode::Char('y'));
    assert!(off.effects().is_empty());
    assert!(
        off.notice()
            .as_ref()
            .is_some_and(|n| n.text.contains("--no-osc52"))
    );
    // Nothing to copy without an article.
    let mut none = state(Lang::En, 80, 24);
    key(&mut none, KeyCode::Char('/'));
    typed(&mut none, "xyzzy");
    key(&mut none, KeyCode::Enter);
    key(&mut none, KeyCode::Char('y'));
    assert!(none.effects().is_empty());
}

#[test]
fn configured_keys_drive_the_browser() {
    let spec = |k: &str| KeySpec::parse(k).unwrap_or_else(|e| panic!("{e}"));
    let mut keys = BTreeMap::new();
    keys.insert("bookmark".to_string(), vec![spec("b")]);
    keys.insert("quit".to_string(), vec![spec("x")]);
    let mut s = configured(&keys, tintuc::search::SortOrder::Newest);
    assert_eq!(s.sort(), tintuc::search::SortOrder::Newest);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('b'));
    assert!(s.reading().is_bookmarked(&selected_id(&s)), "b bookmarks");
    key(&mut s, KeyCode::Char('m'));
    assert!(
        s.reading().is_bookmarked(&selected_id(&s)),
        "m no longer does"
    );
    key(&mut s, KeyCode::Char('h'));
    key(&mut s, KeyCode::Char('q'));
    assert!(!s.has_quit());
    key(&mut s, KeyCode::Char('x'));
    assert!(s.has_quit());
    // The help shows the keys as bound.
    let list = &s.help().sections[0].1;
    assert!(list.iter().any(|(k, _)| k == "x Ctrl-C"), "{list:?}");
}

#[test]
fn the_wheel_scrolls_what_is_under_it_and_clicks_select() {
    let mut s = state(Lang::En, 120, 30);
    let panes = s.panes();
    let wheel = |s: &mut State, x: u16, y: u16, down: bool| {
        update(
            s,
            Action::Wheel {
                column: x,
                row: y,
                down,
            },
        )
    };
    // Over the list: the selection moves.
    wheel(&mut s, panes.list.x + 5, panes.list.y + 1, true);
    assert_eq!(s.selected(), Some(3));
    wheel(&mut s, panes.list.x + 5, panes.list.y + 1, false);
    assert_eq!(s.selected(), Some(0));
    // Over the article: it scrolls, whatever has the focus.
    let text = s.panes().reading_text;
    wheel(&mut s, text.x + 3, text.y + 3, true);
    assert_eq!(s.reader().scroll, 3);
    assert_eq!(s.focus(), Focus::List);
    // A click on a row selects it; a second click reads it.
    let list = s.panes().list;
    update(
        &mut s,
        Action::Click {
            column: list.x + 4,
            row: list.y + 2,
        },
    );
    assert_eq!(s.selected(), Some(2));
    assert_eq!(s.focus(), Focus::List);
    update(
        &mut s,
        Action::Click {
            column: list.x + 4,
            row: list.y + 2,
        },
    );
    assert_eq!(s.mode(), Mode::Reading);
    // Below the last row: nothing.
    assert!(!update(
        &mut s,
        Action::Click {
            column: list.x + 4,
            row: list.y + 20,
        },
    ));
    // The query line takes the focus.
    update(&mut s, Action::Click { column: 3, row: 0 });
    assert_eq!(s.mode(), Mode::Query);
    // The help scrolls under the wheel.
    key(&mut s, KeyCode::Esc);
    update(&mut s, Action::Resize(80, 24));
    key(&mut s, KeyCode::Char('?'));
    wheel(&mut s, 40, 12, true);
    assert!(matches!(
        s.overlay(),
        Some(tintuc::tui::Overlay::Help { scroll: 3 })
    ));
}

/// Building, configuring and restoring a browser searches nothing: the
/// one first search is `start`, on what they set.
#[test]
fn the_state_is_built_without_searching_and_started_once() {
    let mut s = unstarted(Lang::En, 80, 24);
    s.configure(Settings::default(), tintuc::search::SortOrder::Newest);
    let mut reading = ReadingState::default();
    reading.set_last_query("tu son");
    s.restore(reading);
    assert!(s.results().hits.is_empty(), "{:?}", s.results().hits);
    assert_eq!(s.selected(), None);
    tintuc::tui::start(&mut s);
    assert_eq!(s.query().text(), "tu son");
    assert!(!s.results().hits.is_empty());
    assert_eq!(s.selected(), Some(0));
}

/// The help's status bar names the keys as bound, as the list's does.
#[test]
fn the_help_status_bar_names_configured_keys() {
    let spec = |k: &str| KeySpec::parse(k).unwrap_or_else(|e| panic!("{e}"));
    let mut keys = BTreeMap::new();
    keys.insert("down".to_string(), vec![spec("n")]);
    let mut s = configured(&keys, tintuc::search::SortOrder::Relevance);
    key(&mut s, KeyCode::Char('?'));
    assert_eq!(s.mode(), Mode::Help);
    let screen = common::screen(&s);
    assert!(screen.contains("n/k scroll  Esc close"), "{screen}");
}
