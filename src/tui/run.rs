//! The event loop: events in, `update`, and a redraw only when something
//! changed. Generic over the ratatui backend and the source of events, so
//! tests drive it with a `TestBackend` and a list of events.
//!
//! The loop also does what `update` leaves to it: it saves the reading
//! state at most [`SAVE_DELAY`] after it changed (waking up for that only
//! while there is something to save: an idle browser sleeps) and on every
//! way out, and it hands copies to the event source, which owns the
//! terminal.

use std::io;
use std::time::{Duration, Instant};

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::state::{Action, Effect, State};
use super::update::{flush, search, settle, update};
use super::view::draw;
use crate::reading_state::StateFile;

/// The first search, once the state is built, configured and restored
/// (none of which searches): the results of the query the state holds,
/// the article selected when the last run ended selected again (else
/// the first).
pub fn start(state: &mut State) {
    search(state, true);
    let Some(id) = state.reading.selected().map(str::to_owned) else {
        return;
    };
    let found = state
        .engine
        .find_id(&id)
        .and_then(|n| state.results.hits.iter().position(|h| h.article == n));
    if let Some(i) = found {
        state.selected = Some(i);
        settle(state);
    }
}

/// What the loop is woken by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A key, a paste, a resize, the mouse.
    Event(Event),
    /// The screen may no longer show what was drawn (the process was
    /// stopped and continued): draw everything again.
    Repaint,
    /// The deadline given to [`EventSource::next`] passed first.
    Deadline,
}

/// Where events come from, and the terminal they come from.
pub trait EventSource {
    /// Waits for the next input, but not past `deadline` when there is
    /// one (then [`Input::Deadline`]); `None` when there will be no more
    /// (the terminal went away, a signal asked us to stop).
    fn next(&mut self, deadline: Option<Instant>) -> io::Result<Option<Input>>;
    /// The next input if one is already waiting, without blocking.
    fn ready(&mut self) -> io::Result<Option<Input>>;
    /// Gives the terminal back and stops the process until it is
    /// continued (Ctrl-Z). Nothing to do where there is no terminal.
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Puts `text` on the clipboard of the user's terminal (OSC 52).
    /// Nothing to do where there is no terminal.
    fn copy(&mut self, _text: &str) -> io::Result<()> {
        Ok(())
    }
}

/// A fixed list of events, all of them waiting at once: for tests.
impl EventSource for std::collections::VecDeque<Event> {
    fn next(&mut self, _deadline: Option<Instant>) -> io::Result<Option<Input>> {
        Ok(self.pop_front().map(Input::Event))
    }

    fn ready(&mut self) -> io::Result<Option<Input>> {
        Ok(self.pop_front().map(Input::Event))
    }
}

/// Events waiting at once are handled together before one redraw (and
/// one search: see `update::flush`), so a burst (a paste without
/// bracketed paste, a held key) never queues up behind drawing or
/// searching; but never so many that the screen seems frozen.
const MAX_BATCH: usize = 64;

/// The most a change to the reading state waits to be saved.
pub const SAVE_DELAY: Duration = Duration::from_secs(1);
/// After failures, saving is retried less and less often, up to this.
const MAX_SAVE_DELAY: Duration = Duration::from_secs(60);

/// When the reading state is to be saved next.
struct Saver<'a> {
    file: Option<&'a StateFile>,
    due: Option<Instant>,
    failures: u32,
    /// The file as this process left it (modification time, size): if it
    /// is still so at the next save, no other tintuc wrote in between.
    written: Option<(std::time::SystemTime, u64)>,
}

/// The modification time and size of a file, if it can be read.
fn stamp(path: &std::path::Path) -> Option<(std::time::SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

impl Saver<'_> {
    /// The time to wake up at to save; `None` when nothing waits.
    fn deadline(&mut self, state: &State) -> Option<Instant> {
        if self.file.is_none() || !state.reading.is_dirty() {
            self.due = None;
            return None;
        }
        let delay = SAVE_DELAY
            .saturating_mul(1 << self.failures.min(6))
            .min(MAX_SAVE_DELAY);
        Some(*self.due.get_or_insert_with(|| Instant::now() + delay))
    }

    /// Saves if the time has come (or `now`: the deadline was reported
    /// passed, or the loop ends), and tells the state how it went.
    /// Returns whether the screen may have changed.
    fn save(&mut self, state: &mut State, now: bool) -> bool {
        let Some(file) = self.file else {
            return false;
        };
        let due = self.deadline(state).is_some_and(|d| Instant::now() >= d);
        if !state.reading.is_dirty() || !(now || due) {
            return false;
        }
        self.due = None;
        let others = self.written.is_none() || self.written != stamp(file.path());
        // Only a file another tintuc wrote can change the marks.
        let before = others.then(|| state.reading.clone());
        let outcome = match file.save(&mut state.reading) {
            Ok(()) => {
                self.failures = 0;
                self.written = stamp(file.path());
                let marks_changed = before.is_some_and(|b| !b.same_marks(&state.reading));
                Action::Saved { marks_changed }
            }
            Err(e) => {
                self.failures += 1;
                Action::SaveFailed(format!("{}: {e}", file.path().display()))
            }
        };
        update(state, outcome)
    }
}

/// Runs the browser until the user quits or the events end, saving the
/// reading state in `file` (none: not kept). Returns how many frames were
/// drawn. Any error reading events or drawing ends the loop: retrying a
/// broken terminal would only spin. Whatever the way out, the reading
/// state is saved; a failure is left in `state.save_error`.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut impl EventSource,
    state: &mut State,
    file: Option<&StateFile>,
) -> io::Result<usize> {
    let mut saver = Saver {
        file,
        due: None,
        failures: 0,
        written: None,
    };
    let result = run_loop(terminal, events, state, &mut saver);
    // Edits left waiting (the loop ended in a batch) are searched, and
    // the state is left as `update` alone would leave it.
    flush(state);
    state.coalesce = false;
    saver.save(state, true);
    result
}

fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut impl EventSource,
    state: &mut State,
    saver: &mut Saver,
) -> io::Result<usize> {
    // Edits search once per batch of input, not once per key.
    state.coalesce = true;
    let size = terminal.size().map_err(backend_error)?;
    update(state, Action::Resize(size.width, size.height));
    terminal
        .draw(|frame| draw(state, frame))
        .map_err(backend_error)?;
    let mut frames = 1;
    while let Some(first) = events.next(saver.deadline(state))? {
        let mut changed = false;
        let mut repaint = false;
        let mut deadline_passed = false;
        let mut input = Some(first);
        let mut handled = 0;
        while let Some(i) = input.take() {
            match i {
                Input::Repaint => repaint = true,
                // Saving is done below, after the batch.
                Input::Deadline => deadline_passed = true,
                Input::Event(e) => match state.settings.keymap.event_action(state.mode(), &e) {
                    Some(Action::Suspend) => {
                        events.suspend()?;
                        repaint = true;
                    }
                    Some(action) => {
                        repaint |= action == Action::Redraw;
                        changed |= update(state, action);
                    }
                    None => {}
                },
            }
            handled += 1;
            if state.quit || handled >= MAX_BATCH {
                break;
            }
            input = events.ready()?;
        }
        changed |= flush(state);
        for effect in std::mem::take(&mut state.effects) {
            match effect {
                Effect::Copy(text) => events.copy(&text)?,
            }
        }
        if state.quit {
            break;
        }
        changed |= saver.save(state, deadline_passed);
        if repaint {
            // The terminal may have another size after a suspension.
            let size = terminal.size().map_err(backend_error)?;
            update(state, Action::Resize(size.width, size.height));
            terminal.clear().map_err(backend_error)?;
        }
        if changed || repaint {
            terminal
                .draw(|frame| draw(state, frame))
                .map_err(backend_error)?;
            frames += 1;
        }
    }
    Ok(frames)
}

fn backend_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}
