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
use tintuc::reading_state::StateFile;
use tintuc::tui::SAVE_DELAY;
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
        press('x'),             // no such key: nothing
        press('k'),             // moves back: redraw
        press('k'),             // already at the top: nothing
        Event::FocusGained,     // not for us: nothing
        Event::Resize(100, 30), // re-lays out: redraw
        press('q'),             // quits without drawing
        press('j'),             // never read
    ]));
    let frames = run(&mut terminal, &mut events, &mut s, None).expect("runs");
    assert_eq!(frames, 4);
    assert!(s.has_quit());
    assert_eq!(events.0.len(), 1, "stops reading after quit");
    // The size came from the terminal, then from the resize event.
    assert_eq!((s.size().width, s.size().height), (100, 30));
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
    assert_eq!(s.query().text(), "Đại hội xxiv[2J");
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

/// What a scripted source does when the loop asks for the next input.
enum Step {
    Event(Event),
    /// Nothing happens until the deadline: the loop must have given one.
    Idle,
    /// The source fails, as a broken terminal does.
    Fail,
    /// Another tintuc bookmarks this article and saves; then the event.
    Elsewhere(&'static str, Event),
}

/// A source that follows a script and notes, at every call, the deadline
/// it was given and what the state file held then.
struct Scripted {
    steps: VecDeque<Step>,
    file: std::path::PathBuf,
    calls: Vec<(Option<Instant>, Option<String>)>,
    copies: Vec<String>,
}

impl Scripted {
    fn new(file: &std::path::Path, steps: Vec<Step>) -> Scripted {
        Scripted {
            steps: steps.into(),
            file: file.to_path_buf(),
            calls: Vec::new(),
            copies: Vec::new(),
        }
    }
}

impl EventSource for Scripted {
    fn next(&mut self, deadline: Option<Instant>) -> io::Result<Option<Input>> {
        let on_disk = std::fs::read_to_string(&self.file).ok();
        self.calls.push((deadline, on_disk));
        match self.steps.pop_front() {
            Some(Step::Event(e)) => Ok(Some(Input::Event(e))),
            Some(Step::Idle) => {
                assert!(deadline.is_some(), "idle with nothing to wake up for");
                Ok(Some(Input::Deadline))
            }
            Some(Step::Fail) => Err(io::Error::other("the terminal broke")),
            Some(Step::Elsewhere(id, e)) => {
                let other = StateFile::new(&self.file);
                let (mut r, _) = other.load();
                r.toggle_bookmark(id);
                other.save(&mut r)?;
                Ok(Some(Input::Event(e)))
            }
            None => Ok(None),
        }
    }

    fn ready(&mut self) -> io::Result<Option<Input>> {
        Ok(None)
    }

    fn copy(&mut self, text: &str) -> io::Result<()> {
        self.copies.push(text.to_owned());
        Ok(())
    }
}

/// A browser on the seeds with the reading state of `file`.
fn with_state(file: &StateFile) -> tintuc::tui::State {
    let mut s = state(Lang::En, 80, 24);
    s.restore(file.load().0);
    tintuc::tui::start(&mut s);
    s
}

fn bookmarked_on_disk(file: &StateFile) -> Vec<String> {
    let (r, _) = file.load();
    common::collection()
        .articles
        .iter()
        .filter(|a| r.is_bookmarked(&a.id))
        .map(|a| a.id.clone())
        .collect()
}

#[test]
fn a_change_is_saved_within_a_second_without_a_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = StateFile::new(dir.path().join("state.json"));
    let mut s = with_state(&file);
    let first = s
        .engine()
        .article_id(s.selected_article().expect("selected"))
        .expect("article");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut events = Scripted::new(
        file.path(),
        vec![
            // The selection of a first start is saved too.
            Step::Idle,
            // Nothing to save: the loop sleeps without a deadline.
            Step::Event(press('m')),
            // Saved when the deadline passes, with no key pressed.
            Step::Idle,
            Step::Event(press('q')),
        ],
    );
    let before_m = Instant::now();
    run(&mut terminal, &mut events, &mut s, Some(&file)).expect("runs");
    let calls = &events.calls;
    assert_eq!(calls.len(), 4, "{:?}", calls.len());
    assert!(calls[0].0.is_some() && calls[0].1.is_none());
    assert_eq!(calls[1].0, None, "idle: no wake-up");
    assert!(calls[1].1.as_deref().is_some_and(|t| t.contains(&first)));
    let deadline = calls[2].0.expect("a change: a deadline");
    assert!(deadline <= Instant::now() + SAVE_DELAY);
    assert!(deadline > before_m);
    assert!(
        calls[2]
            .1
            .as_deref()
            .is_some_and(|t| !t.contains("bookmarked")),
        "not saved before the deadline"
    );
    // At the call after the deadline, the bookmark is on disk.
    let saved = calls[3].1.as_deref().expect("the state file");
    assert!(saved.contains("\"bookmarked\": true"), "{saved}");
    assert_eq!(calls[3].0, None);
    assert_eq!(bookmarked_on_disk(&file), [first]);
}

#[test]
fn every_way_out_saves() {
    // Quit, the events ending (a signal, a hangup), an error.
    for last in [Step::Event(press('q')), Step::Fail] {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = StateFile::new(dir.path().join("state.json"));
        let mut s = with_state(&file);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let mut events = Scripted::new(file.path(), vec![Step::Event(press('m')), last]);
        let _ = run(&mut terminal, &mut events, &mut s, Some(&file));
        assert_eq!(bookmarked_on_disk(&file).len(), 1);
        assert!(!s.reading().is_dirty());
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = StateFile::new(dir.path().join("state.json"));
    let mut s = with_state(&file);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut events = Scripted::new(file.path(), vec![Step::Event(press('m'))]);
    run(&mut terminal, &mut events, &mut s, Some(&file)).expect("runs");
    assert_eq!(bookmarked_on_disk(&file).len(), 1);
}

#[test]
fn a_failed_save_is_reported_and_retried_later() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The state's directory is a file: nothing can be written there.
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").expect("write");
    let file = StateFile::new(blocker.join("state.json"));
    let mut s = with_state(&file);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut events = Scripted::new(
        file.path(),
        vec![Step::Event(press('m')), Step::Idle, Step::Idle],
    );
    run(&mut terminal, &mut events, &mut s, Some(&file)).expect("runs, whatever the disk says");
    let why = s.save_error().expect("the failure is kept");
    assert!(why.contains("not-a-dir"), "{why}");
    assert!(s.reading().is_dirty(), "nothing is lost from memory");
    // Retried later and later: the second wait is longer than the first.
    let waits: Vec<Instant> = events.calls.iter().filter_map(|c| c.0).collect();
    assert!(waits.len() >= 3, "{waits:?}");
    assert!(waits[2] - waits[1] > SAVE_DELAY, "{waits:?}");
    assert!(screen_text(&terminal).contains("Could not save the reading state"));
}

#[test]
fn copies_go_to_the_event_source() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut s = state(Lang::En, 80, 24);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut events = Scripted::new(
        &dir.path().join("none"),
        vec![Step::Event(press('Y')), Step::Event(press('q'))],
    );
    run(&mut terminal, &mut events, &mut s, None).expect("runs");
    let article = s
        .engine()
        .article(s.selected_article().expect("selected"))
        .expect("article");
    assert_eq!(
        events.copies,
        [tintuc::clipboard::title_and_source(&article)]
    );
    assert!(s.effects().is_empty(), "taken by the loop");
    assert!(screen_text(&terminal).contains("Copied the title"));
    // Without a state file the loop never sets a deadline.
    assert!(events.calls.iter().all(|c| c.0.is_none()));
}

#[test]
fn marks_saved_by_another_tintuc_are_merged_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = StateFile::new(dir.path().join("state.json"));
    let mut s = with_state(&file);
    let mut terminal = Terminal::new(TestBackend::new(120, 20)).expect("terminal");
    let other = "001_d6dbdd2ddfa3846f";
    let mut events = Scripted::new(
        file.path(),
        vec![
            Step::Idle,
            // Meanwhile another tintuc bookmarks an article; this one
            // bookmarks the first.
            Step::Elsewhere(other, press('m')),
            Step::Idle,
            Step::Event(press('q')),
        ],
    );
    run(&mut terminal, &mut events, &mut s, Some(&file)).expect("runs");
    assert!(s.reading().is_bookmarked(other), "merged in at the save");
    assert_eq!(bookmarked_on_disk(&file).len(), 2);
    // The list shows both, and the engine knows it too.
    let stars = screen_text(&terminal)
        .lines()
        .filter(|l| l.contains('★'))
        .count();
    assert_eq!(stars, 3, "two rows and the article's header");
    key_query(&mut s, "is:bookmarked");
    assert_eq!(s.results().hits.len(), 2);
}

/// Types a query into the query line.
fn key_query(s: &mut tintuc::tui::State, q: &str) {
    common::key(s, KeyCode::Char('/'));
    common::typed(s, q);
}
