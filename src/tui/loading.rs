//! Progress while the browser loads. The collection is loaded and indexed
//! in a worker thread; if that takes more than half a second, the main
//! thread shows how far it has got (a gauge, bytes, articles, the time
//! left) on one line of the terminal's main screen, rewritten in place,
//! until it is done; the line is then erased and the browser takes the
//! screen. The alternate screen is left to the browser alone, so nothing
//! mistakes this line for it. The terminal stays in line mode with
//! signals on, only echo off: Ctrl-C is SIGINT, and keys typed meanwhile
//! are left unread for the browser (nothing typed ahead is lost).
//! SIGTERM, SIGINT, SIGQUIT, SIGHUP or a terminal that went away end the
//! program at once, with the terminal put back; the worker is not waited
//! for (returning from `main` ends it).
#![allow(
    unsafe_code,
    reason = "termios and poll(2) on the terminal while the browser is not yet running; \
              each block says why it is sound"
)]

use std::io::{self, IsTerminal, Write};
use std::os::fd::AsRawFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::i18n::Lang;
use super::terminal::{Ending, ignored};
use crate::progress::{Progress, Snapshot, duration, grouped};

/// How often the line is rewritten while waiting.
const EVERY: Duration = Duration::from_millis(150);

/// The outcome of waiting for the work.
pub enum Loaded<T> {
    Ready(T),
    /// A signal or a hangup ended the program before the work was done.
    Ended(Ending),
}

/// Runs `work` in a worker thread and waits for it, showing `progress`
/// on the terminal if it takes long (and stdout is a terminal).
pub fn load<T: Send + 'static>(
    lang: Lang,
    progress: Arc<Progress>,
    work: impl FnOnce() -> T + Send + 'static,
) -> io::Result<Loaded<T>> {
    let (done, result) = mpsc::channel();
    std::thread::Builder::new()
        .name("load".into())
        .spawn(move || {
            let _ = done.send(work());
        })?;
    let lost = || io::Error::other("the loading thread ended without a result");
    let delay = crate::progress::shown_after();
    match result.recv_timeout(delay) {
        Ok(t) => return Ok(Loaded::Ready(t)),
        Err(RecvTimeoutError::Disconnected) => return Err(lost()),
        Err(RecvTimeoutError::Timeout) => {}
    }
    if !io::stdout().is_terminal() {
        return result.recv().map(Loaded::Ready).map_err(|_| lost());
    }
    let stop = Arc::new(AtomicUsize::new(0));
    let mut ids = Vec::new();
    for sig in [SIGTERM, SIGINT, SIGQUIT, SIGHUP] {
        // `nohup` and `trap '' HUP` are respected.
        if sig == SIGHUP && ignored(sig) {
            continue;
        }
        ids.push(signal_hook::flag::register_usize(
            sig,
            Arc::clone(&stop),
            sig as usize,
        )?);
    }
    let saved = quiet();
    let shown = show(lang, &progress, &result, &stop);
    // Put back before anything else: the browser saves the terminal's
    // modes as it finds them.
    let restored = leave(saved);
    for id in ids {
        signal_hook::low_level::unregister(id);
    }
    let shown = shown?;
    restored?;
    match shown {
        Shown::Done(t) => Ok(Loaded::Ready(t)),
        Shown::Ended(ending) => Ok(Loaded::Ended(ending)),
        Shown::Lost => Err(lost()),
    }
}

/// Turns echo off (line mode and signals stay as they are) and gives the
/// modes as they were.
fn quiet() -> Option<libc::termios> {
    let fd = io::stdout().as_raw_fd();
    // SAFETY: tcgetattr and tcsetattr on a valid descriptor, with a
    // termios the first one filled.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        (libc::tcgetattr(fd, &mut t) == 0).then(|| {
            let mut quiet = t;
            quiet.c_lflag &= !(libc::ECHO | libc::ECHONL);
            libc::tcsetattr(fd, libc::TCSANOW, &quiet);
            t
        })
    }
}

/// Erases the line, shows the cursor, undoes [`quiet`]; every step is
/// tried.
fn leave(saved: Option<libc::termios>) -> io::Result<()> {
    let mut out = io::stdout();
    let screen = out.write_all(b"\r\x1b[K\x1b[?25h");
    if let Some(t) = saved {
        // SAFETY: as in `quiet`.
        unsafe {
            libc::tcsetattr(out.as_raw_fd(), libc::TCSANOW, &t);
        }
    }
    screen.and(out.flush())
}

enum Shown<T> {
    Done(T),
    Ended(Ending),
    /// The worker ended without a result (it panicked).
    Lost,
}

/// Draws the progress until the work is done or the program is to end.
fn show<T>(
    lang: Lang,
    progress: &Progress,
    result: &mpsc::Receiver<T>,
    stop: &AtomicUsize,
) -> io::Result<Shown<T>> {
    let start = Instant::now()
        .checked_sub(crate::progress::shown_after())
        .unwrap_or_else(Instant::now);
    let fd = io::stdout().as_raw_fd();
    let outcome = loop {
        match result.try_recv() {
            Ok(t) => break Shown::Done(t),
            Err(TryRecvError::Disconnected) => break Shown::Lost,
            Err(TryRecvError::Empty) => {}
        }
        match stop.load(Ordering::SeqCst) {
            0 => {}
            sig => break Shown::Ended(Ending::Signal(i32::try_from(sig).unwrap_or(i32::MAX))),
        }
        let snapshot = progress.snapshot();
        let width = match crossterm::terminal::size() {
            Ok((w, _)) if w > 0 => w as usize,
            _ => 80,
        };
        let text = line(lang, &snapshot, start.elapsed(), width.saturating_sub(1));
        let mut out = io::stdout().lock();
        // No cursor blinking at the end of the line.
        write!(out, "\r\x1b[K\x1b[?25l{text}")?;
        out.flush()?;
        drop(out);
        // Only a hangup is asked for: typed keys stay for the browser. A
        // signal ends the wait early (EINTR).
        let mut pollfd = libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        };
        let every = i32::try_from(EVERY.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: one valid pollfd owned by this frame.
        unsafe { libc::poll(&mut pollfd, 1, every) };
        if pollfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            break Shown::Ended(Ending::Hangup);
        }
    };
    Ok(outcome)
}

/// The words of the screen in `lang`.
struct Words {
    loading: &'static str,
    of: &'static str,
    articles: &'static str,
    left: fn(&str) -> String,
    indexing: fn(&str) -> String,
    stop: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Vi => Words {
            loading: "Đang tải",
            of: "/",
            articles: "bài",
            left: |t| format!("còn khoảng {t}"),
            indexing: |n| format!("Đang lập chỉ mục {n} bài…"),
            stop: "Ctrl-C để thoát",
        },
        Lang::En => Words {
            loading: "Loading",
            of: "of",
            articles: "articles",
            left: |t| format!("about {t} left"),
            indexing: |n| format!("Indexing {n} articles…"),
            stop: "Ctrl-C to quit",
        },
    }
}

/// The line, at most `width` columns, the most useful first: a gauge,
/// the counts and the time left ("Loading 25% ███░░░ 100.0 of 400.0 MB
/// · 21,000 articles · about 6 s left · Ctrl-C to quit").
#[allow(
    clippy::cast_possible_truncation,
    reason = "a fraction clamped to 0..=1 of the gauge's width"
)]
pub fn line(lang: Lang, s: &Snapshot, elapsed: Duration, width: usize) -> String {
    let w = words(lang);
    const GAUGE: usize = 20;
    let full = ((s.fraction().clamp(0.0, 1.0)) * GAUGE as f64).round() as usize;
    let gauge = format!("{}{}", "█".repeat(full), "░".repeat(GAUGE - full));
    let mb = |n: u64| format!("{:.1}", n as f64 / (1024.0 * 1024.0));
    let text = if s.indexing {
        let mut text = format!(
            "{} {:.0}% {gauge} {}",
            (w.indexing)(&grouped(s.articles)),
            s.fraction() * 100.0,
            duration(elapsed)
        );
        if let Some(left) = s.time_left(elapsed) {
            text.push_str(&format!(" · {}", (w.left)(&duration(left))));
        }
        text
    } else {
        let mut text = format!(
            "{} {:.0}% {gauge} {} {} {} MB",
            w.loading,
            s.fraction() * 100.0,
            mb(s.bytes_done),
            w.of,
            mb(s.bytes_total),
        );
        let seconds = s.reading_for(elapsed).as_secs_f64();
        if seconds >= 0.1 {
            let rate = s.bytes_done as f64 / (1024.0 * 1024.0) / seconds;
            text.push_str(&format!(" · {rate:.1} MB/s"));
        }
        text.push_str(&format!(" · {} {}", grouped(s.articles), w.articles));
        if let Some(left) = s.time_left(elapsed) {
            text.push_str(&format!(" · {}", (w.left)(&duration(left))));
        }
        text
    };
    // Last, so that it is the first cut on a narrow terminal.
    let text = format!("{text} · {}", w.stop);
    // Cut to the width, with "…" where it is cut: a line that wraps
    // cannot be rewritten in place.
    if text.width() <= width {
        return text;
    }
    if width == 0 {
        return String::new();
    }
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used + 1 > width {
            return format!("{}…", &text[..i]);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_how_far_and_how_long() {
        let s = Snapshot {
            bytes_total: 400 << 20,
            bytes_done: 100 << 20,
            articles: 21_000,
            indexing: false,
            indexed: 0,
            indexing_for: Duration::ZERO,
            finished: false,
            since_restart: None,
        };
        let two = Duration::from_secs(2);
        assert_eq!(
            line(Lang::En, &s, two, 200),
            "Loading 25% █████░░░░░░░░░░░░░░░ 100.0 of 400.0 MB · 50.0 MB/s · \
             21,000 articles · about 6 s left · Ctrl-C to quit"
        );
        assert_eq!(
            line(Lang::Vi, &s, two, 200),
            "Đang tải 25% █████░░░░░░░░░░░░░░░ 100.0 / 400.0 MB · 50.0 MB/s · \
             21,000 bài · còn khoảng 6 s · Ctrl-C để thoát"
        );
        // A quarter of the articles indexed in a second: three more.
        let indexing = Snapshot {
            indexing: true,
            indexed: 5_250,
            indexing_for: Duration::from_secs(1),
            ..s
        };
        assert_eq!(
            line(Lang::En, &indexing, Duration::from_secs(3), 200),
            "Indexing 21,000 articles… 25% █████░░░░░░░░░░░░░░░ 3 s · about 3 s left · \
             Ctrl-C to quit"
        );
        // Every article read: the rest of indexing has no estimate.
        let sorting = Snapshot {
            indexed: 21_000,
            ..indexing
        };
        assert_eq!(
            line(Lang::En, &sorting, Duration::from_secs(4), 200),
            "Indexing 21,000 articles… 100% ████████████████████ 4 s · Ctrl-C to quit"
        );
        // Never wider than the terminal.
        assert_eq!(line(Lang::Vi, &s, two, 14), "Đang tải 25% …");
        assert_eq!(line(Lang::En, &s, two, 0), "");
    }
}
