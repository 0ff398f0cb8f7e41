//! Progress of a long load on stderr, for the commands. Shown only when
//! stderr is a terminal (a log file or a pipe gets no carriage returns
//! and stays as it was), only once the work has taken half a second
//! (quick commands print nothing more), rewritten in place five times a
//! second, and erased when the work is done.
//!
//! Nothing here handles signals: a command keeps their default actions,
//! so Ctrl-C, SIGTERM or SIGHUP end it at once, whatever it is doing.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthChar;

use crate::progress::{Progress, describe};

/// How long work goes on before its progress is shown.
pub const DELAY: Duration = Duration::from_millis(500);
const EVERY: Duration = Duration::from_millis(200);

/// The line, while it is shown; [`ProgressLine::finish`] (or dropping it)
/// erases it.
pub struct ProgressLine {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl ProgressLine {
    /// Shows the progress of loading `what` if stderr is a terminal.
    pub fn start(what: &str, progress: Arc<Progress>) -> ProgressLine {
        if !std::io::stderr().is_terminal() {
            return ProgressLine {
                stop: None,
                thread: None,
            };
        }
        let what = crate::text::sanitize_inline(what);
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            let start = Instant::now();
            let mut wait = DELAY;
            let mut shown = false;
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(wait) {
                let snapshot = progress.snapshot();
                if snapshot.finished {
                    break;
                }
                let line = describe(&what, &snapshot, start.elapsed());
                let width = crossterm::terminal::size().map_or(80, |(w, _)| w as usize);
                let mut err = std::io::stderr().lock();
                // Cut to the width: a line that wraps cannot be rewritten.
                let _ = write!(err, "\r\x1b[K{}", cut(&line, width.saturating_sub(1)));
                let _ = err.flush();
                shown = true;
                wait = EVERY;
            }
            if shown {
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r\x1b[K");
                let _ = err.flush();
            }
        });
        ProgressLine {
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// Erases the line (if it was shown) before anything else is printed.
    pub fn finish(mut self) {
        self.stop_now();
    }

    fn stop_now(&mut self) {
        self.stop.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for ProgressLine {
    fn drop(&mut self) {
        self.stop_now();
    }
}

/// The start of `line` that fits in `width` columns.
fn cut(line: &str, width: usize) -> &str {
    let mut used = 0;
    for (i, c) in line.char_indices() {
        used += c.width().unwrap_or(0);
        if used > width {
            return &line[..i];
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_to_columns() {
        assert_eq!(cut("loading", 4), "load");
        assert_eq!(cut("Từ Sơn", 3), "Từ ");
        assert_eq!(cut("ab", 10), "ab");
    }
}
