//! Work in the browser stays proportional to its input: finding in a
//! long article, long queries, keys arriving in bursts.
#![allow(
    clippy::cast_possible_truncation,
    reason = "the numbers are the test's own, and small"
)]
#![allow(
    unsafe_code,
    reason = "system calls the test needs (FIFOs, poll, signals) that the standard library does not wrap"
)]

mod common;

use std::time::Duration;

use common::{key, typed};
use crossterm::event::KeyCode;
use tintuc::model::{Article, Collection, Paragraph, ParagraphKind};
use tintuc::search::Engine;
use tintuc::tui::{Lang, Mode, State, Theme};

/// One article of `paragraphs` short paragraphs, each with a match for
/// "nong", and a second article without any.
fn long_article_state(paragraphs: usize) -> State {
    let body = (0..paragraphs)
        .map(|i| Paragraph::new(ParagraphKind::Text, format!("Đoạn {i}: nông thôn mới.")))
        .collect();
    let long = Article {
        id: "long".into(),
        title: "Nông thôn".into(),
        date: None,
        month_only: false,
        time: None,
        places: Vec::new(),
        author: None,
        source: None,
        body,
    };
    let other = Article {
        id: "other".into(),
        title: "Khác".into(),
        body: vec![Paragraph::new(ParagraphKind::Text, "Không có gì.")],
        ..long.clone()
    };
    let collection = Collection {
        articles: vec![long, other],
        origin: "test".into(),
    };
    let mut s = State::new(Engine::new(collection), Lang::En, Theme::plain(), 80, 24);
    tintuc::tui::start(&mut s);
    s
}

/// The CPU time this thread has used: unlike the wall clock, it does not
/// grow while other processes (or other tests) have the cores.
fn thread_cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes a timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// The least CPU time, over a few tries, that finding "nong" takes in the
/// first article (every key of the search: typing it, then Enter).
fn find_time(paragraphs: usize) -> Duration {
    (0..3)
        .map(|_| {
            let mut s = long_article_state(paragraphs);
            key(&mut s, KeyCode::Enter);
            let start = thread_cpu_time();
            key(&mut s, KeyCode::Char('/'));
            typed(&mut s, "nong");
            key(&mut s, KeyCode::Enter);
            let took = thread_cpu_time().saturating_sub(start);
            assert_eq!(s.reader().find.hits.len(), paragraphs + 1);
            took
        })
        .min()
        .unwrap_or_default()
}

/// Eight times the matches may take eight times as long, not 64: the
/// generous bound (24×) leaves room for a busy machine, not for a
/// quadratic cost.
#[test]
fn find_in_an_article_is_linear_in_its_matches() {
    let small = find_time(2_000);
    let large = find_time(16_000);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    assert!(
        ratio < 24.0,
        "2k matches: {small:?}, 16k matches: {large:?} (×{ratio:.1})"
    );
}

/// The next article does not inherit the find typed in the one before
/// ("Not found" there).
#[test]
fn next_article_starts_without_the_find() {
    let mut s = long_article_state(10);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "nong");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.reader().find.hits.len(), 11);
    key(&mut s, KeyCode::Char('J'));
    assert_eq!(s.selected(), Some(1));
    assert_eq!(s.mode(), Mode::Reading);
    assert!(
        s.reader().find.term.is_empty(),
        "{:?}",
        s.reader().find.term
    );
    assert!(s.reader().find.hits.is_empty());
    assert!(!common::screen(&s).contains("Not found"));
}

fn press(c: char) -> crossterm::event::Event {
    crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        KeyCode::Char(c),
        crossterm::event::KeyModifiers::NONE,
    ))
}

/// 10,000 characters typed into the query, all waiting at once as from
/// a paste without bracketed paste: searched once per batch of keys,
/// and only while the query has room; what is left out is said.
#[test]
fn ten_thousand_keys_cost_few_searches() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use tintuc::search::query::MAX_QUERY_CHARS;

    let mut s = common::state(Lang::En, 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut events: std::collections::VecDeque<_> = std::iter::once(press('/'))
        .chain("nong thon moi ".chars().cycle().take(10_000).map(press))
        .collect();
    // Then one more key after the batch, and quit.
    events.push_back(crossterm::event::Event::Key(
        crossterm::event::KeyEvent::new(KeyCode::Enter, crossterm::event::KeyModifiers::NONE),
    ));
    let searches = s.engine().searches();
    tintuc::tui::run(&mut terminal, &mut events, &mut s, None).expect("runs");
    let searches = s.engine().searches() - searches;
    assert!(searches <= 20, "{searches} searches");
    assert!(s.query().is_full(), "{:?}", s.query().text());
    assert!(s.query().text().chars().count() <= MAX_QUERY_CHARS);
    assert!(s.query().text().split_whitespace().count() <= 64);
    // The query searched is the one shown, and it is remembered bounded.
    assert_eq!(s.reading().last_query(), s.query().text());
    assert!(
        s.reading()
            .history()
            .iter()
            .all(|q| q.chars().count() <= MAX_QUERY_CHARS)
    );
}

/// The hint is shown, in both languages, when typed text is left out.
#[test]
fn a_full_query_says_so() {
    for (lang, words) in [(Lang::En, "characters"), (Lang::Vi, "ký tự")] {
        let mut s = common::state(lang, 100, 24);
        key(&mut s, KeyCode::Char('/'));
        typed(&mut s, &"ab ".repeat(100));
        assert_eq!(s.query().text().split_whitespace().count(), 64);
        let screen = common::screen(&s);
        assert!(screen.contains(words), "{screen}");
    }
}
