//! The event loop: events in, `update`, and a redraw only when something
//! changed. Generic over the ratatui backend and the source of events, so
//! tests drive it with a `TestBackend` and a list of events.

use std::io;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::keymap::event_action;
use super::state::{Action, State};
use super::update::update;
use super::view::draw;

/// What the loop is woken by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A key, a paste, a resize.
    Event(Event),
    /// The screen may no longer show what was drawn (the process was
    /// stopped and continued): draw everything again.
    Repaint,
}

/// Where events come from.
pub trait EventSource {
    /// Waits for the next input; `None` when there will be no more (the
    /// terminal went away, a signal asked us to stop).
    fn next(&mut self) -> io::Result<Option<Input>>;
    /// The next input if one is already waiting, without blocking.
    fn ready(&mut self) -> io::Result<Option<Input>>;
    /// Gives the terminal back and stops the process until it is
    /// continued (Ctrl-Z). Nothing to do where there is no terminal.
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A fixed list of events, all of them waiting at once: for tests.
impl EventSource for std::collections::VecDeque<Event> {
    fn next(&mut self) -> io::Result<Option<Input>> {
        Ok(self.pop_front().map(Input::Event))
    }

    fn ready(&mut self) -> io::Result<Option<Input>> {
        Ok(self.pop_front().map(Input::Event))
    }
}

/// Events waiting at once are handled together before one redraw, so a
/// burst (a paste without bracketed paste, a held key) never queues up
/// behind drawing; but never so many that the screen seems frozen.
const MAX_BATCH: usize = 64;

/// Runs the browser until the user quits or the events end. Returns how
/// many frames were drawn. Any error reading events or drawing ends the
/// loop: retrying a broken terminal would only spin.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut impl EventSource,
    state: &mut State,
) -> io::Result<usize> {
    let size = terminal.size().map_err(backend_error)?;
    update(state, Action::Resize(size.width, size.height));
    terminal
        .draw(|frame| draw(state, frame))
        .map_err(backend_error)?;
    let mut frames = 1;
    while let Some(first) = events.next()? {
        let mut changed = false;
        let mut repaint = false;
        let mut input = Some(first);
        let mut handled = 0;
        while let Some(i) = input.take() {
            match i {
                Input::Repaint => repaint = true,
                Input::Event(e) => match event_action(state.mode(), &e) {
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
        if state.quit {
            break;
        }
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
