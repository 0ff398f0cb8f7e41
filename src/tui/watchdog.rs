//! The last word on signals and hangups: a thread that ends the process
//! when the browser has not ended by itself shortly after a signal asked
//! it to stop or the terminal went away.
//!
//! Why a thread rather than a cancel flag checked by long computations:
//! a flag only helps where someone remembered to check it, and any
//! computation added later (a search, a layout, a picker's counts, an
//! allocator under pressure, a write to a stalled terminal) would bring
//! the hang back. The thread needs nothing from the rest of the code. The
//! event loop still answers first whenever it can (it saves the reading
//! state on its way out); the thread only steps in after [`GRACE`], puts
//! the terminal back and exits with the same status the loop would have
//! given.
#![allow(
    unsafe_code,
    reason = "poll(2), write(2) and _exit(2): a watchdog thread must end the process \
              without the locks or allocations a stuck main thread may hold"
)]

use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use signal_hook::SigId;
use signal_hook::consts::SIGHUP;

/// How long the event loop has to answer a signal or a hangup itself.
const GRACE: Duration = Duration::from_millis(600);
/// How long putting the terminal back may take (a write to a terminal
/// that stopped reading would block for ever).
const RESTORE_LIMIT: Duration = Duration::from_millis(200);

/// Watches while alive; dropping it stops the watch.
pub struct Watchdog {
    quit: UnixStream,
    ids: Vec<SigId>,
    thread: Option<JoinHandle<()>>,
}

impl Watchdog {
    /// Watches the terminal `tty` for a hangup and `signals` for a stop,
    /// whose number the handlers already installed store in `stop`;
    /// `restore` is what puts the terminal back.
    pub fn start(
        tty: RawFd,
        stop: Arc<AtomicUsize>,
        signals: &[i32],
        restore: String,
    ) -> io::Result<Watchdog> {
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let mut ids = Vec::new();
        for &sig in signals {
            ids.push(signal_hook::low_level::pipe::register(
                sig,
                notify.try_clone()?,
            )?);
        }
        let (quit, quit_seen) = UnixStream::pair()?;
        let thread = std::thread::Builder::new()
            .name("watchdog".into())
            .spawn(move || watch(tty, &stop, wake, quit_seen, &restore))?;
        Ok(Watchdog {
            quit,
            ids,
            thread: Some(thread),
        })
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
        let _ = self.quit.write_all(&[1]);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn pollfd(fd: RawFd, events: libc::c_short) -> libc::pollfd {
    libc::pollfd {
        fd,
        events,
        revents: 0,
    }
}

fn watch(tty: RawFd, stop: &AtomicUsize, mut wake: UnixStream, quit: UnixStream, restore: &str) {
    let code = loop {
        // No events asked of the terminal: poll reports its hangup only,
        // and never competes with the event loop for keys.
        let mut fds = [
            pollfd(tty, 0),
            pollfd(wake.as_raw_fd(), libc::POLLIN),
            pollfd(quit.as_raw_fd(), libc::POLLIN),
        ];
        // SAFETY: three valid pollfds owned by this frame.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 3, -1) };
        if n < 0 {
            if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return;
        }
        if fds[2].revents != 0 {
            return;
        }
        if fds[1].revents & libc::POLLIN != 0 {
            let mut sink = [0u8; 64];
            while matches!(wake.read(&mut sink), Ok(n) if n > 0) {}
        }
        let sig = stop.load(Ordering::SeqCst);
        if sig != 0 {
            break 128 + i32::try_from(sig.min(127)).unwrap_or(0);
        }
        if fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            break 128 + SIGHUP;
        }
    };
    let mut fds = [pollfd(quit.as_raw_fd(), libc::POLLIN)];
    let grace = i32::try_from(GRACE.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd owned by this frame.
    if unsafe { libc::poll(fds.as_mut_ptr(), 1, grace) } != 0 {
        // The browser ended in time (or poll failed: let it be).
        return;
    }
    bail_out(code, restore);
}

/// Puts the terminal back, as far as it can within [`RESTORE_LIMIT`],
/// and ends the process at once, silently: the terminal may be gone.
fn bail_out(code: i32, restore: &str) -> ! {
    let (done, restored) = mpsc::channel();
    let bytes = restore.to_owned();
    let _ = std::thread::Builder::new().spawn(move || {
        // Straight to the file descriptor: the lock on stdout may be held
        // for good by the thread that does not answer.
        let mut rest = bytes.as_bytes();
        while !rest.is_empty() {
            // SAFETY: writing from a live buffer of the given length.
            let n = unsafe { libc::write(libc::STDOUT_FILENO, rest.as_ptr().cast(), rest.len()) };
            match usize::try_from(n) {
                Ok(n) if n > 0 => rest = rest.get(n..).unwrap_or_default(),
                _ if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted => {}
                _ => break,
            }
        }
        let _ = crossterm::terminal::disable_raw_mode();
        let _ = done.send(());
    });
    let _ = restored.recv_timeout(RESTORE_LIMIT);
    // SAFETY: `_exit` ends the process without running exit handlers,
    // which other threads may be using.
    unsafe { libc::_exit(code) }
}
