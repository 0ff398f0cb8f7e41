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
//!
//! Bandwidth matters over SSH: ratatui sends only the cells that changed,
//! and moves the cursor over the ones that did not. Where the unchanged
//! run between two changed cells is shorter in bytes than the cursor move
//! (the space between two changed words, say), this backend writes the
//! unchanged cells again instead, from a copy of what the screen shows.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthStr;

use crate::text::sanitize::is_unsafe;

/// Wraps a backend; see the module documentation.
#[derive(Debug)]
pub struct GuardedBackend<B: Backend> {
    inner: B,
    cursor: Position,
    /// What the terminal shows, as far as this backend wrote it.
    screen: Buffer,
}

impl<B: Backend> GuardedBackend<B> {
    pub fn new(inner: B) -> Self {
        GuardedBackend {
            inner,
            cursor: Position::ORIGIN,
            screen: Buffer::empty(Rect::ZERO),
        }
    }

    /// The backend written to, for the tests to read what reached it.
    #[cfg(test)]
    fn inner(&self) -> &B {
        &self.inner
    }

    #[cfg(test)]
    fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }
}

impl<B: Backend> GuardedBackend<B> {
    /// The cells shown from `from` up to `to` on row `y`, if writing them
    /// again costs fewer bytes than moving the cursor over them and needs
    /// no change of style.
    fn gap(
        &self,
        from: u16,
        to: u16,
        y: u16,
        style: ratatui::style::Style,
    ) -> Option<Vec<(u16, u16, Cell)>> {
        let move_cost = format!("\u{1b}[{};{}H", y + 1, to + 1).len();
        let mut bytes = 0;
        let mut cells = Vec::new();
        for x in from..to {
            let cell = self.screen.cell((x, y))?;
            let symbol = cell.symbol();
            bytes += symbol.len();
            if bytes > move_cost || symbol.width() != 1 || cell.style() != style || !safe(cell) {
                return None;
            }
            cells.push((x, y, cell.clone()));
        }
        Some(cells)
    }

    /// Forgets what the screen shows (it was cleared, or resized).
    fn forget_screen(&mut self) -> Result<(), B::Error> {
        let size = self.inner.size()?;
        self.screen = Buffer::empty(Rect::new(0, 0, size.width, size.height));
        Ok(())
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
        let mut out: Vec<(u16, u16, Cell)> = Vec::new();
        // Where the terminal's cursor stands after the last cell written,
        // and in which style: gaps are filled only in that style, so that
        // filling costs no style changes.
        let mut after: Option<(u16, u16, ratatui::style::Style)> = None;
        for (x, y, c) in content {
            let mut cell = c.clone();
            if !safe(c) {
                cell.set_symbol("\u{fffd}");
            }
            if let Some((ax, ay, style)) = after
                && ay == y
                && x > ax
                && let Some(gap) = self.gap(ax, x, y, style)
            {
                out.extend(gap);
            }
            let width = u16::try_from(cell.symbol().width().max(1)).unwrap_or(u16::MAX);
            after = Some((x.saturating_add(width), y, cell.style()));
            out.push((x, y, cell));
        }
        for (x, y, cell) in &out {
            if let Some(shown) = self.screen.cell_mut((*x, *y)) {
                *shown = cell.clone();
            }
        }
        self.inner.draw(out.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    /// Never fails: the cursor is shown again by the terminal's restore
    /// on every way out, which says nothing when the terminal is gone,
    /// while ratatui prints this error on dropping a terminal whose
    /// cursor it hid ("Failed to show the cursor" after a hangup). A
    /// terminal that cannot be written to fails the next flush anyway.
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        let _ = self.inner.show_cursor();
        Ok(())
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
                self.inner.clear_region(ClearType::AfterCursor)?;
                self.forget_screen()
            }
            other => {
                // Partial clears are not tracked cell by cell; not knowing
                // the screen only costs the gap filling until a full clear.
                self.inner.clear_region(other)?;
                self.screen = Buffer::empty(Rect::ZERO);
                Ok(())
            }
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

    /// Records which cells reach the terminal.
    struct Recorder {
        screen: TestBackend,
        drawn: Vec<(u16, u16)>,
    }

    impl Backend for Recorder {
        type Error = <TestBackend as Backend>::Error;
        fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(
            &mut self,
            content: I,
        ) -> Result<(), Self::Error> {
            let cells: Vec<_> = content.collect();
            self.drawn.extend(cells.iter().map(|(x, y, _)| (*x, *y)));
            self.screen.draw(cells.into_iter())
        }
        fn hide_cursor(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
        fn show_cursor(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
        fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
            Ok(Position::ORIGIN)
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> Result<(), Self::Error> {
            Ok(())
        }
        fn clear(&mut self) -> Result<(), Self::Error> {
            self.screen.clear()
        }
        fn clear_region(&mut self, t: ClearType) -> Result<(), Self::Error> {
            self.screen.clear_region(t)
        }
        fn size(&self) -> Result<Size, Self::Error> {
            self.screen.size()
        }
        fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
            self.screen.window_size()
        }
        fn flush(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
    }

    #[test]
    fn short_unchanged_runs_are_written_instead_of_jumped_over() {
        let backend = Recorder {
            screen: TestBackend::new(40, 2),
            drawn: Vec::new(),
        };
        let mut t = Terminal::new(GuardedBackend::new(backend)).expect("terminal");
        t.clear().expect("clear");
        t.draw(|f| f.render_widget(Paragraph::new("một hai ba bốn năm"), f.area()))
            .expect("draw");
        t.backend_mut().inner_mut().drawn.clear();
        // Two words change; the one between them does not.
        t.draw(|f| f.render_widget(Paragraph::new("MỘT hai BA bốn năm"), f.area()))
            .expect("draw");
        let drawn = &t.backend().inner().drawn;
        // "MỘT" (0–2), the unchanged " hai " (3–7) written again, "BA" (8–9).
        assert_eq!(drawn, &(0..10).map(|x| (x, 0)).collect::<Vec<_>>());
        let shown: String = (0..18)
            .map(|x| {
                t.backend().inner().screen.buffer()[(x, 0)]
                    .symbol()
                    .to_string()
            })
            .collect();
        assert_eq!(shown, "MỘT hai BA bốn năm");
    }
}
