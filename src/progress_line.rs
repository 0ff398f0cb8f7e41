//! Progress of a long load on stderr, for the commands, drawn by
//! `indicatif`: a gauge and the line [`describe`] writes. Shown only when
//! stderr is a terminal (a log file or a pipe gets nothing, and stays as
//! it was), only once the work has taken half a second (quick commands
//! print nothing more), redrawn five times a second, and erased when the
//! work is done.
//!
//! Nothing here handles signals: a command keeps their default actions,
//! so Ctrl-C, SIGTERM or SIGHUP end it at once, whatever it is doing;
//! an index being built keeps its last commit.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::progress::{Progress, describe};

const EVERY: Duration = Duration::from_millis(200);
/// The gauge counts in thousandths.
const STEPS: u64 = 1000;

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
            // Hidden until the work has taken a while.
            let bar = ProgressBar::with_draw_target(Some(STEPS), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{bar:12} {wide_msg}") {
                bar.set_style(style.progress_chars("█▌ "));
            }
            let mut wait = crate::progress::shown_after();
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(wait) {
                let snapshot = progress.snapshot();
                if snapshot.finished {
                    break;
                }
                if bar.is_hidden() {
                    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(5));
                }
                bar.set_position(snapshot.thousandths());
                // (indicatif cuts the line to the terminal's width.)
                bar.set_message(describe(&what, &snapshot, start.elapsed()));
                wait = EVERY;
            }
            bar.finish_and_clear();
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
