//! The real terminal: raw mode and the alternate screen on the way in,
//! everything put back on the way out. Kept apart from the rest so that
//! what the terminal needs (signals, hangups, panics) is handled here.

use std::io::{self, Stdout, Write};
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::run::{EventSource, run};
use super::state::State;

/// Events from the terminal through crossterm.
pub struct CrosstermEvents;

impl EventSource for CrosstermEvents {
    fn next(&mut self) -> io::Result<Option<Event>> {
        event::read().map(Some)
    }

    fn ready(&mut self) -> io::Result<Option<Event>> {
        if event::poll(Duration::ZERO)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// Puts the terminal back when dropped, whatever the way out.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = restore();
    }
}

/// Raw mode, alternate screen, bracketed paste.
fn setup() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.hide_cursor()?;
    terminal.clear()?;
    Ok(terminal)
}

/// Undoes `setup`; safe to call more than once.
pub fn restore() -> io::Result<()> {
    let mut out = io::stdout();
    let leave = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let raw = disable_raw_mode();
    out.flush()?;
    leave.and(raw)
}

/// Runs the browser in the real terminal.
pub fn browse(state: &mut State) -> io::Result<()> {
    let _restore = Restore;
    let mut terminal = setup()?;
    run(&mut terminal, &mut CrosstermEvents, state)?;
    Ok(())
}
