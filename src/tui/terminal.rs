//! The real terminal: raw mode and the alternate screen on the way in,
//! everything put back on every way out (quit, error, panic, SIGTERM,
//! SIGINT, SIGQUIT, SIGHUP, a terminal that went away), and Ctrl-Z.
//!
//! Input is waited for with `poll(2)` on the terminal (stdin only when it
//! is one, else `/dev/tty`: never a pipe or a file) and on a self-pipe
//! that signal handlers write to, and the bytes the terminal sends are
//! read here and decoded by [`super::input`] (not by crossterm's reader,
//! which waits for ever on an unfinished sequence). That way a hung-up
//! terminal (POLLHUP) is noticed even when SIGHUP is not delivered
//! (`nohup`, `trap '' HUP`); and while nobody types, the process sleeps
//! in `poll` with no timeout: no ticking (only a sequence left unfinished
//! is waited for, briefly).
#![allow(
    unsafe_code,
    reason = "poll(2), read(2) and sigaction(2) on the terminal, which crossterm does not expose; \
              each block says why it is sound"
)]

use std::io::{self, IsTerminal, Read, Stdout, Write};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::SigId;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};

use super::backend::GuardedBackend;
use super::input::Decoder;
use super::run::{EventSource, Input, run};
use super::state::State;
use super::watchdog::Watchdog;
use crate::reading_state::StateFile;

/// How the browser ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked us to stop (its number).
    Signal(i32),
    /// The terminal went away.
    Hangup,
}

impl Ending {
    /// The conventional exit status: 128 + the signal's number.
    pub fn exit_code(self) -> u8 {
        match self {
            Ending::Quit => 0,
            Ending::Signal(s) => 128u8.saturating_add(u8::try_from(s.clamp(0, 127)).unwrap_or(127)),
            Ending::Hangup => Ending::Signal(SIGHUP).exit_code(),
        }
    }
}

type RealTerminal = Terminal<GuardedBackend<CrosstermBackend<Stdout>>>;

/// Whether the mouse is reported (the configuration's `mouse`).
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Clicks and the wheel, reported in the SGR encoding (no limit on the
/// column). Not crossterm's `EnableMouseCapture`, which also asks for
/// every movement of the pointer: a stream of reports over SSH for
/// nothing.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

/// Raw mode, alternate screen, bracketed paste, hidden cursor, the mouse
/// if used.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if MOUSE.load(Ordering::SeqCst) {
        out.write_all(MOUSE_ON.as_bytes())?;
        out.flush()?;
    }
    Ok(())
}

/// Undoes [`enter`]; safe to call more than once, and on a terminal that
/// is gone (every step is tried, errors are only reported).
pub fn restore() -> io::Result<()> {
    let mut out = io::stdout();
    if MOUSE.load(Ordering::SeqCst) {
        let _ = out.write_all(MOUSE_OFF.as_bytes());
    }
    let leave = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let raw = disable_raw_mode();
    let flushed = out.flush();
    leave.and(raw).and(flushed)
}

/// What [`restore`] writes, for a writer that must not wait for the lock
/// on stdout (the thread that holds it may be the one not answering).
pub(super) fn restore_sequences() -> String {
    use crossterm::Command;
    let mut out = String::new();
    if MOUSE.load(Ordering::SeqCst) {
        out.push_str(MOUSE_OFF);
    }
    let _ = DisableBracketedPaste.write_ansi(&mut out);
    let _ = LeaveAlternateScreen.write_ansi(&mut out);
    let _ = cursor::Show.write_ansi(&mut out);
    out
}

/// Puts the terminal back when dropped, whatever the way out.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = restore();
    }
}

/// Restores the terminal before a panic message is printed, so that the
/// message is readable and the shell usable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        previous(info);
    }));
}

/// Runs the browser in the real terminal, keeping the reading state in
/// `file`.
pub fn browse(state: &mut State, file: Option<&StateFile>) -> io::Result<Ending> {
    let mut events = TtyEvents::new()?;
    MOUSE.store(state.settings.mouse, Ordering::SeqCst);
    install_panic_hook();
    let _restore = Restore;
    enter()?;
    let mut terminal: RealTerminal =
        Terminal::new(GuardedBackend::new(CrosstermBackend::new(io::stdout())))?;
    // The alternate screen may hold what another program left there.
    terminal.clear()?;
    match run(&mut terminal, &mut events, state, file) {
        Ok(_) => Ok(events.ending()),
        // Drawing failed because the terminal went away: that is a
        // hangup, not an error to report where nobody reads it.
        Err(_) if events.terminal_gone() => Ok(Ending::Hangup),
        Err(e) => Err(e),
    }
}

/// Signals, as flags set by their handlers plus a byte on a self-pipe to
/// wake `poll`.
#[derive(Default)]
struct Flags {
    resized: Arc<AtomicBool>,
    continued: Arc<AtomicBool>,
    /// The number of a signal that asks us to stop; 0 for none.
    stop: Arc<AtomicUsize>,
}

/// Events from the terminal; see the module documentation.
pub struct TtyEvents {
    /// Ends the process if a signal or a hangup is not answered in time
    /// (first, to be dropped before what it watches).
    _watchdog: Watchdog,
    /// The terminal opened here when stdin is not it (kept open while
    /// `tty` is used).
    _opened_tty: Option<OwnedFd>,
    flags: Flags,
    wake: UnixStream,
    ids: Vec<SigId>,
    tty: RawFd,
    hung_up: bool,
    /// Events already decoded, to be given before reading more.
    queued: std::collections::VecDeque<Input>,
    decoder: Decoder,
    /// When the terminal last sent bytes.
    last_input: Instant,
}

/// Whether `signal` is ignored, as under `nohup` or `trap '' HUP`: such a
/// choice is respected rather than overridden by a handler.
pub(crate) fn ignored(signal: i32) -> bool {
    // SAFETY: querying the current action only; `old` is written by the call.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    }
}

/// The terminal keys come from: stdin when it is one, else the
/// controlling terminal, as crossterm's reader decides too. Waiting on
/// stdin when it is `/dev/null` or a pipe would wake at once for ever
/// (always readable, or hung up at its end).
fn terminal_fd() -> io::Result<(RawFd, Option<OwnedFd>)> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return Ok((stdin.as_raw_fd(), None));
    }
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("no terminal to read keys from: /dev/tty: {e}"),
            )
        })?;
    let fd = OwnedFd::from(tty);
    Ok((fd.as_raw_fd(), Some(fd)))
}

impl TtyEvents {
    pub fn new() -> io::Result<TtyEvents> {
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let flags = Flags::default();
        let mut ids = Vec::new();
        let mut stoppers = vec![SIGTERM, SIGINT, SIGQUIT];
        if !ignored(SIGHUP) {
            stoppers.push(SIGHUP);
        }
        for &sig in &stoppers {
            ids.push(signal_hook::flag::register_usize(
                sig,
                Arc::clone(&flags.stop),
                sig as usize,
            )?);
        }
        ids.push(signal_hook::flag::register(
            SIGWINCH,
            Arc::clone(&flags.resized),
        )?);
        ids.push(signal_hook::flag::register(
            SIGCONT,
            Arc::clone(&flags.continued),
        )?);
        for &sig in stoppers.iter().chain(&[SIGWINCH, SIGCONT]) {
            ids.push(signal_hook::low_level::pipe::register(
                sig,
                notify.try_clone()?,
            )?);
        }
        let (tty, opened_tty) = terminal_fd()?;
        let watchdog =
            Watchdog::start(tty, Arc::clone(&flags.stop), &stoppers, restore_sequences())?;
        Ok(TtyEvents {
            _watchdog: watchdog,
            _opened_tty: opened_tty,
            flags,
            wake,
            ids,
            tty,
            hung_up: false,
            queued: Default::default(),
            decoder: Decoder::default(),
            last_input: Instant::now(),
        })
    }

    /// Whether the terminal has hung up (asked without waiting).
    fn terminal_gone(&mut self) -> bool {
        let mut fds = [libc::pollfd {
            fd: self.tty,
            events: 0,
            revents: 0,
        }];
        // SAFETY: one valid pollfd owned by this frame.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, 0) };
        self.hung_up |= n > 0 && fds[0].revents & (libc::POLLHUP | libc::POLLERR) != 0;
        self.hung_up
    }

    pub fn ending(&self) -> Ending {
        match self.flags.stop.load(Ordering::SeqCst) {
            0 if self.hung_up => Ending::Hangup,
            0 => Ending::Quit,
            sig => Ending::Signal(i32::try_from(sig).unwrap_or(i32::MAX)),
        }
    }

    /// Something already known: a signal's flag, or an event decoded
    /// and not given yet.
    fn pending(&mut self) -> io::Result<Option<Option<Input>>> {
        if self.flags.stop.load(Ordering::SeqCst) != 0 {
            return Ok(Some(None));
        }
        if let Some(input) = self.queued.pop_front() {
            return Ok(Some(Some(input)));
        }
        if self.flags.continued.swap(false, Ordering::SeqCst) {
            // Whoever stopped us may have changed the terminal's modes.
            enter()?;
            return Ok(Some(Some(Input::Repaint)));
        }
        if self.flags.resized.swap(false, Ordering::SeqCst) {
            let (w, h) = crossterm::terminal::size()?;
            return Ok(Some(Some(Input::Event(Event::Resize(w, h)))));
        }
        // Input paused in the middle of a sequence: it will not be
        // finished; what it holds is given up (a lone Esc is the key).
        if self
            .decoder
            .pause()
            .is_some_and(|p| self.last_input.elapsed() >= p)
        {
            let mut out = Vec::new();
            self.decoder.flush(&mut out);
            self.queued.extend(out.into_iter().map(Input::Event));
            if let Some(input) = self.queued.pop_front() {
                return Ok(Some(Some(input)));
            }
        }
        Ok(None)
    }

    /// Milliseconds until the decoder gives up an unfinished sequence.
    fn pause_left(&self) -> Option<i32> {
        let pause = self.decoder.pause()?;
        let left = (self.last_input + pause).saturating_duration_since(Instant::now());
        Some(i32::try_from(left.as_millis() + 1).unwrap_or(i32::MAX))
    }

    /// Reads what the terminal has sent and decodes it. Returns false
    /// when the terminal is gone.
    fn read_tty(&mut self) -> io::Result<bool> {
        let mut buf = [0u8; 4096];
        // SAFETY: reading into a live buffer of the given length.
        let n = unsafe { libc::read(self.tty, buf.as_mut_ptr().cast(), buf.len()) };
        match usize::try_from(n) {
            Ok(0) => {
                self.hung_up = true;
                Ok(false)
            }
            Ok(n) => {
                self.last_input = Instant::now();
                let mut out = Vec::new();
                self.decoder
                    .feed(buf.get(..n).unwrap_or_default(), &mut out);
                self.queued.extend(out.into_iter().map(Input::Event));
                Ok(true)
            }
            Err(_) => {
                let e = io::Error::last_os_error();
                match e.kind() {
                    io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock => Ok(true),
                    _ if e.raw_os_error() == Some(libc::EIO) => {
                        self.hung_up = true;
                        Ok(false)
                    }
                    _ => Err(e),
                }
            }
        }
    }

    /// Waits in `poll(2)` until the terminal or a signal has something.
    /// Returns false when the terminal is gone.
    fn wait(&mut self, timeout_ms: i32) -> io::Result<bool> {
        let mut fds = [
            libc::pollfd {
                fd: self.tty,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: self.wake.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        // SAFETY: two valid pollfds owned by this frame.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, timeout_ms) };
        if n < 0 {
            let e = io::Error::last_os_error();
            return if e.kind() == io::ErrorKind::Interrupted {
                Ok(true)
            } else {
                Err(e)
            };
        }
        if fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            self.hung_up = true;
            return Ok(false);
        }
        if fds[1].revents & libc::POLLIN != 0 {
            let mut sink = [0u8; 64];
            while matches!(self.wake.read(&mut sink), Ok(n) if n > 0) {}
        }
        if fds[0].revents & libc::POLLIN != 0 {
            return self.read_tty();
        }
        Ok(true)
    }
}

impl EventSource for TtyEvents {
    fn next(&mut self, deadline: Option<Instant>) -> io::Result<Option<Input>> {
        loop {
            if let Some(found) = self.pending()? {
                return Ok(found);
            }
            // No deadline: sleep until there is input, however long.
            let timeout = match deadline {
                None => -1,
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Ok(Some(Input::Deadline));
                    }
                    // Rounded up: waking before the deadline would only
                    // mean waiting again.
                    i32::try_from(left.as_millis() + 1).unwrap_or(i32::MAX)
                }
            };
            let timeout = match (timeout, self.pause_left()) {
                (-1, Some(p)) => p,
                (t, Some(p)) => t.min(p),
                (t, None) => t,
            };
            if !self.wait(timeout)? {
                return Ok(None);
            }
        }
    }

    fn ready(&mut self) -> io::Result<Option<Input>> {
        if let Some(found) = self.pending()? {
            return Ok(found);
        }
        // Only what is already there: a zero timeout.
        if !self.wait(0)? {
            return Ok(None);
        }
        Ok(self.pending()?.flatten())
    }

    /// Writes the OSC 52 sequence straight to the terminal, between two
    /// frames (the backend would refuse its control characters).
    fn copy(&mut self, text: &str) -> io::Result<()> {
        let (sequence, _) = crate::clipboard::osc52(text);
        let mut out = io::stdout().lock();
        out.write_all(sequence.as_bytes())?;
        out.flush()
    }

    fn suspend(&mut self) -> io::Result<()> {
        restore()?;
        // SIGTSTP's default action stops the process; we go on from here
        // when continued (`fg`). Where it is ignored (no job control),
        // this returns at once and the browser simply comes back.
        signal_hook::low_level::raise(SIGTSTP)?;
        self.flags.continued.store(false, Ordering::SeqCst);
        enter()
    }
}

impl Drop for TtyEvents {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
