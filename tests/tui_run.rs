//! The event loop with a test backend: it redraws only after a change,
//! handles events waiting together in one frame, follows resizes, quits.

mod common;

use std::collections::VecDeque;
use std::io;
use std::time::Instant;

use common::state;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tintuc::tui::{EventSource, Input, Lang, run};

fn press(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// Events that arrive one at a time, as typed by a person.
struct OneByOne(VecDeque<Event>);

impl EventSource for OneByOne {
    fn next(&mut self, _deadline: Option<Instant>) -> io::Result<Option<Input>> {
        Ok(self.0.pop_front().map(Input::Event))
    }

    fn ready(&mut self) -> io::Result<Option<Input>> {
        Ok(None)
    }
}

fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn redraws_only_when_something_changed() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut s = state(Lang::En, 1, 1);
    let mut events = OneByOne(VecDeque::from([
        press('j'),             // moves: redraw
        press('z'),             // no such key: nothing
        press('k'),             // moves back: redraw
        press('k'),             // already at the top: nothing
        Event::FocusGained,     // not for us: nothing
        Event::Resize(100, 30), // re-lays out: redraw
        press('q'),             // quits without drawing
        press('j'),             // never read
    ]));
    let frames = run(&mut terminal, &mut events, &mut s, None).expect("runs");
    assert_eq!(frames, 4);
    assert!(s.quit);
    assert_eq!(events.0.len(), 1, "stops reading after quit");
    // The size came from the terminal, then from the resize event.
    assert_eq!((s.size.width, s.size.height), (100, 30));
}

#[test]
fn events_waiting_together_make_one_frame() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut s = state(Lang::En, 80, 24);
    let mut events: VecDeque<Event> = "/xxiv".chars().map(press).collect();
    events.push_back(Event::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    let frames = run(&mut terminal, &mut events, &mut s, None).expect("runs");
    assert_eq!(frames, 2, "the first frame and one for the whole burst");
    let text = screen_text(&terminal);
    assert!(text.starts_with("Search: xxiv"), "{text}");
    assert!(text.contains("1/5 articles"), "{text}");
}

#[test]
fn pasted_text_goes_to_the_query_line() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut s = state(Lang::Vi, 80, 24);
    let mut events = VecDeque::from([Event::Paste("Đại hội\nxxiv\u{1b}[2J".into())]);
    run(&mut terminal, &mut events, &mut s, None).expect("runs");
    assert_eq!(s.query.text(), "Đại hội xxiv[2J");
    assert!(screen_text(&terminal).starts_with("Tìm: Đại hội xxiv[2J"));
}

#[test]
fn ctrl_l_repaints() {
    let mut terminal = Terminal::new(TestBackend::new(40, 12)).expect("terminal");
    let mut s = state(Lang::En, 40, 12);
    let mut events = OneByOne(VecDeque::from([Event::Key(KeyEvent::new(
        KeyCode::Char('l'),
        KeyModifiers::CONTROL,
    ))]));
    assert_eq!(
        run(&mut terminal, &mut events, &mut s, None).expect("runs"),
        2
    );
}
