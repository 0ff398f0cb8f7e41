//! The last line of defence between the screen buffer and the terminal.
//!
//! Article text is sanitised when it is loaded; this backend wrapper makes
//! sure that, whatever a bug upstream lets through, no control, escape or
//! bidi character is ever written to the terminal: a cell holding one is
//! written as U+FFFD instead. It also clears the screen by erasing from
//! the top left rather than with "erase display" (`CSI 2 J`), so that the
//! byte stream never contains that sequence, which a test can then use to
//! prove that none came from an article. And it answers where the cursor
//! is from what it last set, instead of asking the terminal: over a slow
//! SSH link that round trip can take seconds, and a terminal that does not
//! answer would stop the browser from starting.

use std::io;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use crate::text::sanitize::is_unsafe;

/// Wraps a backend; see the module documentation.
#[derive(Debug)]
pub struct GuardedBackend<B: Backend> {
    inner: B,
    cursor: Position,
}

impl<B: Backend> GuardedBackend<B> {
    pub fn new(inner: B) -> Self {
        GuardedBackend {
            inner,
            cursor: Position::ORIGIN,
        }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }
}

/// Whether a cell's symbol may reach the terminal as it is.
fn safe(cell: &Cell) -> bool {
    !cell.symbol().chars().any(is_unsafe)
}

impl<B: Backend> Backend for GuardedBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        if cells.iter().all(|(_, _, c)| safe(c)) {
            return self.inner.draw(cells.into_iter());
        }
        let replaced: Vec<(u16, u16, Cell)> = cells
            .iter()
            .map(|&(x, y, c)| {
                let mut cell = c.clone();
                if !safe(c) {
                    cell.set_symbol("\u{fffd}");
                }
                (x, y, cell)
            })
            .collect();
        self.inner
            .draw(replaced.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.cursor = position.into();
        self.inner.set_cursor_position(self.cursor)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        match clear_type {
            ClearType::All => {
                self.set_cursor_position(Position::ORIGIN)?;
                self.inner.clear_region(ClearType::AfterCursor)
            }
            other => self.inner.clear_region(other),
        }
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

/// Turns a backend error into an I/O error for the run loop.
pub fn io_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    #[test]
    fn unsafe_cells_never_reach_the_backend() {
        let mut t = Terminal::new(GuardedBackend::new(TestBackend::new(12, 1))).expect("terminal");
        t.draw(|f| {
            f.render_widget(Paragraph::new("a"), f.area());
            // Bypass the widgets, as a bug would.
            f.buffer_mut()[(2, 0)].set_symbol("\u{1b}]0;x\u{7}");
            f.buffer_mut()[(9, 0)].set_symbol("\u{202e}");
        })
        .expect("draw");
        let buf = t.backend().inner().buffer();
        assert_eq!(buf[(0, 0)].symbol(), "a");
        assert_eq!(buf[(2, 0)].symbol(), "\u{fffd}");
        assert_eq!(buf[(9, 0)].symbol(), "\u{fffd}");
    }
}
