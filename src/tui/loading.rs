//! The loading screen. The collection is loaded and indexed in a worker
//! thread; if that takes more than half a second, the main thread takes
//! the screen and draws how far it has got (bytes, articles, the time
//! left) until it is done. The terminal stays in line mode with signals
//! on, only echo off: Ctrl-C is SIGINT, and keys typed meanwhile are left
//! unread for the browser (nothing typed ahead is lost). SIGTERM, SIGINT,
//! SIGQUIT, SIGHUP or a terminal that went away end the program at once,
//! with the terminal put back; the worker is not waited for (returning
//! from `main` ends it).

use std::io::{self, IsTerminal, Write};
use std::os::fd::AsRawFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Gauge, Paragraph};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

use super::backend::GuardedBackend;
use super::i18n::Lang;
use super::terminal::{Ending, ignored};
use crate::progress::{Progress, Snapshot, duration, grouped};

/// How long work goes on before the screen is taken to show it.
pub const DELAY: Duration = Duration::from_millis(500);
/// How often the screen is redrawn while waiting.
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
    what: &str,
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
    match result.recv_timeout(DELAY) {
        Ok(t) => return Ok(Loaded::Ready(t)),
        Err(RecvTimeoutError::Disconnected) => return Err(lost()),
        Err(RecvTimeoutError::Timeout) => {}
    }
    if !io::stdout().is_terminal() {
        return result.recv().map(Loaded::Ready).map_err(|_| lost());
    }
    let what = crate::text::sanitize_inline(what);
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
    let shown = execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)
        .and_then(|()| show(lang, &what, &progress, &result, &stop));
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

/// Undoes [`quiet`] and the alternate screen; every step is tried.
fn leave(saved: Option<libc::termios>) -> io::Result<()> {
    let mut out = io::stdout();
    let screen = execute!(out, LeaveAlternateScreen, cursor::Show);
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
    what: &str,
    progress: &Progress,
    result: &mpsc::Receiver<T>,
    stop: &AtomicUsize,
) -> io::Result<Shown<T>> {
    // Guarded as the browser's: nothing raw reaches the terminal, and the
    // cursor is never asked for (a round trip that can take seconds).
    let mut terminal = Terminal::new(GuardedBackend::new(CrosstermBackend::new(io::stdout())))?;
    terminal.clear()?;
    let start = Instant::now() - DELAY;
    let fd = io::stdout().as_raw_fd();
    let outcome = loop {
        match result.try_recv() {
            Ok(t) => break Shown::Done(t),
            Err(TryRecvError::Disconnected) => break Shown::Lost,
            Err(TryRecvError::Empty) => {}
        }
        match stop.load(Ordering::SeqCst) {
            0 => {}
            sig => break Shown::Ended(Ending::Signal(sig as i32)),
        }
        terminal.autoresize()?;
        let snapshot = progress.snapshot();
        terminal.draw(|f| draw(f, lang, what, &snapshot, start.elapsed()))?;
        // Only a hangup is asked for: typed keys stay for the browser. A
        // signal ends the wait early (EINTR).
        let mut pollfd = libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd owned by this frame.
        unsafe { libc::poll(&mut pollfd, 1, EVERY.as_millis() as i32) };
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

/// The screen: what is loaded, a gauge, the counts and the time left.
pub fn draw(f: &mut Frame, lang: Lang, what: &str, s: &Snapshot, elapsed: Duration) {
    let w = words(lang);
    let area = centered(f.area(), 64, 7);
    let block = Block::bordered().title(" tintuc ");
    let inner = block.inner(area);
    f.render_widget(block, area);
    let rows = Layout::vertical([Constraint::Length(1); 5]).split(inner);
    let mb = |n: u64| format!("{:.1}", n as f64 / (1024.0 * 1024.0));
    let (title, counts) = if s.indexing {
        (
            (w.indexing)(&grouped(s.articles)),
            duration(elapsed).to_string(),
        )
    } else {
        let mut counts = format!(
            "{} {} {} MB · {} {}",
            mb(s.bytes_done),
            w.of,
            mb(s.bytes_total),
            grouped(s.articles),
            w.articles
        );
        if let Some(left) = s.time_left(elapsed) {
            counts.push_str(&format!(" · {}", (w.left)(&duration(left))));
        }
        (format!("{} {what}", w.loading), counts)
    };
    f.render_widget(Paragraph::new(Line::from(title)), rows[0]);
    let gauge = Gauge::default()
        .ratio(s.fraction().clamp(0.0, 1.0))
        .use_unicode(true)
        .gauge_style(Style::default().add_modifier(Modifier::REVERSED))
        .label(format!("{:.0}%", s.fraction() * 100.0));
    f.render_widget(gauge, rows[1]);
    f.render_widget(Paragraph::new(Line::from(counts)), rows[2]);
    let hint =
        Paragraph::new(Line::from(w.stop)).style(Style::default().add_modifier(Modifier::DIM));
    f.render_widget(hint, rows[4]);
}

/// A `width`×`height` box in the middle of `area`, smaller if it must be.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    fn screen(lang: Lang, s: &Snapshot, elapsed: Duration, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        t.draw(|f| draw(f, lang, "data/big.json", s, elapsed))
            .expect("draw");
        let buf = t.backend().buffer();
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
    fn the_screen_says_how_far_and_how_long() {
        let s = Snapshot {
            bytes_total: 400 << 20,
            bytes_done: 100 << 20,
            articles: 21_000,
            indexing: false,
            finished: false,
        };
        let en = screen(Lang::En, &s, Duration::from_secs(2), 80, 12);
        assert!(en.contains("Loading data/big.json"), "{en}");
        assert!(en.contains("25%"), "{en}");
        assert!(
            en.contains("100.0 of 400.0 MB · 21,000 articles · about 6 s left"),
            "{en}"
        );
        assert!(en.contains("Ctrl-C to quit"), "{en}");
        let vi = screen(Lang::Vi, &s, Duration::from_secs(2), 80, 12);
        assert!(vi.contains("Đang tải data/big.json"), "{vi}");
        assert!(vi.contains("còn khoảng 6 s"), "{vi}");
        let indexing = Snapshot {
            indexing: true,
            ..s
        };
        let en = screen(Lang::En, &indexing, Duration::from_secs(3), 80, 12);
        assert!(en.contains("Indexing 21,000 articles…"), "{en}");
        // Any size, however small, is drawn without a panic.
        for (w, h) in [(1, 1), (10, 3), (200, 60)] {
            screen(Lang::En, &s, Duration::from_secs(1), w, h);
        }
    }
}
