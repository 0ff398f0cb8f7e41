//! An article of many short paragraphs: opening, scrolling to its end,
//! resuming and finding lay out only what is on screen and a margin,
//! not the whole article.

mod common;

use common::key;
use crossterm::event::KeyCode;
use tintuc::model::{Article, Collection, Paragraph, ParagraphKind};
use tintuc::search::Engine;
use tintuc::tui::{Lang, Mode, State, Theme};

const PARAGRAPHS: usize = 100_000;

fn huge() -> State {
    let article = Article {
        id: "huge".into(),
        title: "Một bài rất dài".into(),
        date: None,
        month_only: false,
        time: None,
        places: vec![],
        author: None,
        source: None,
        body: (0..PARAGRAPHS)
            .map(|i| Paragraph::new(ParagraphKind::Text, format!("p{i:06} ab")))
            .collect(),
    };
    let collection = Collection {
        articles: vec![article],
        origin: "huge".into(),
    };
    let mut s = State::new(Engine::new(collection), Lang::En, Theme::plain(), 100, 30);
    tintuc::tui::start(&mut s);
    s
}

/// Lines held as text stay proportional to the screen, however long
/// the article, wherever it is read.
fn assert_bounded(s: &State, when: &str) {
    let rows = usize::from(s.panes().reading_text.height);
    let held = s.reader().doc.laid_out();
    assert!(
        held <= 10 * rows,
        "{when}: {held} lines laid out for {rows} rows"
    );
}

#[test]
fn a_huge_article_is_laid_out_only_where_it_is_read() {
    let mut s = huge();
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.mode(), Mode::Reading);
    // Every paragraph is a blank line and one line of text.
    let total = s.reader().doc.len();
    assert!(total >= 2 * PARAGRAPHS, "{total}");
    assert_bounded(&s, "opened");
    key(&mut s, KeyCode::End);
    assert_eq!(s.reader().scroll, s.max_scroll());
    assert_bounded(&s, "at the end");
    let last = s.reader().doc.line_text(total - 1);
    assert_eq!(last, format!("p{:06} ab", PARAGRAPHS - 1));
    for _ in 0..5 {
        key(&mut s, KeyCode::Char(' '));
        key(&mut s, KeyCode::Char('k'));
    }
    assert_bounded(&s, "scrolled");
    let shown: Vec<String> = (s.reader().scroll..s.reader().scroll + 3)
        .map(|i| s.reader().doc.line_text(i))
        .collect();
    assert!(shown.iter().any(|l| l.starts_with('p')), "{shown:?}");

    // The middle, found with the in-article search.
    key(&mut s, KeyCode::Char('g'));
    key(&mut s, KeyCode::Char('/'));
    for c in "p050000".chars() {
        key(&mut s, KeyCode::Char(c));
    }
    key(&mut s, KeyCode::Enter);
    let line = s.reader().doc.found_lines[0];
    assert!(line >= s.reader().scroll && line < s.reader().scroll + 27);
    assert_eq!(s.reader().doc.line_text(line), "p050000 ab");
    assert_bounded(&s, "found");
}
