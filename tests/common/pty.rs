#![allow(dead_code)] // Shared by several test crates, each using a part.
#![allow(
    unsafe_code,
    reason = "poll(2) and the terminal's window size, which portable-pty does not expose"
)]
//! Running the real binary in a pseudo-terminal: keys in, the raw byte
//! stream and a parsed screen (vt100) out. Waiting is always on a
//! condition with a deadline; everything is cleaned up on drop.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Pty {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Shared>,
    reader: Option<JoinHandle<()>>,
    /// Where the program keeps its state and looks for its configuration,
    /// unless the test says otherwise: never the user's own.
    xdg: tempfile::TempDir,
}

struct Shared {
    raw: Mutex<Vec<u8>>,
    parser: Mutex<vt100::Parser>,
    stop: AtomicBool,
}

/// How long a condition may take on a slow, busy CI machine.
pub const PATIENCE: Duration = Duration::from_secs(20);

impl Pty {
    /// Starts `program args` in a `cols`×`rows` terminal with `env` set
    /// (on top of a minimal environment: TERM, PATH, HOME, LANG, and
    /// XDG_STATE_HOME and XDG_CONFIG_HOME in a temporary directory).
    pub fn spawn(program: &str, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let xdg = tempfile::Builder::new()
            .prefix("tintuc-pty")
            .tempdir()
            .expect("temp dir");
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        for key in ["PATH", "HOME"] {
            if let Some(v) = std::env::var_os(key) {
                cmd.env(key, v);
            }
        }
        cmd.env("LANG", "C.UTF-8");
        cmd.env("XDG_STATE_HOME", xdg.path().join("state"));
        cmd.env("XDG_CONFIG_HOME", xdg.path().join("config"));
        // No index kept on disk, unless a test asks.
        cmd.env("TINTUC_INDEX", "memory");
        for (k, v) in env {
            cmd.env(k, v);
        }
        if let Ok(dir) = std::env::current_dir() {
            cmd.cwd(dir);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
        drop(pair.slave);
        let master = pair.master;
        let mut reader = master.try_clone_reader().expect("pty reader");
        let writer = master.take_writer().expect("pty writer");
        let fd = master.as_raw_fd().expect("pty fd");
        let shared = Arc::new(Shared {
            raw: Mutex::new(Vec::new()),
            parser: Mutex::new(vt100::Parser::new(nonzero(rows), nonzero(cols), 0)),
            stop: AtomicBool::new(false),
        });
        let s = Arc::clone(&shared);
        let handle = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Poll with a short timeout so that `close` can stop this thread
            // and really close the master.
            while !s.stop.load(Ordering::Relaxed) {
                let mut pfd = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd, owned by this stack frame.
                let ready = unsafe { libc::poll(&mut pfd, 1, 50) };
                if ready <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if let Ok(mut raw) = s.raw.lock() {
                            raw.extend_from_slice(&buf[..n]);
                        }
                        if let Ok(mut p) = s.parser.lock() {
                            p.process(&buf[..n]);
                        }
                    }
                }
            }
        });
        Pty {
            master: Some(master),
            writer: Some(writer),
            child,
            shared,
            reader: Some(handle),
            xdg,
        }
    }

    /// The temporary XDG_STATE_HOME: the state file is
    /// `tintuc/state.json` in it.
    pub fn state_home(&self) -> std::path::PathBuf {
        self.xdg.path().join("state")
    }

    /// The temporary XDG_CONFIG_HOME.
    pub fn config_home(&self) -> std::path::PathBuf {
        self.xdg.path().join("config")
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap_or(0)
    }

    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        if let Some(w) = self.writer.as_mut() {
            let _ = w.write_all(bytes.as_ref());
            let _ = w.flush();
        }
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.shared
            .parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        let p = self.shared.parser.lock().expect("parser lock");
        f(p.screen())
    }

    /// Everything the program wrote, byte for byte.
    pub fn raw(&self) -> Vec<u8> {
        self.shared
            .raw
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default()
    }

    pub fn raw_len(&self) -> usize {
        self.shared.raw.lock().map(|r| r.len()).unwrap_or(0)
    }

    /// Waits until `cond` holds for the screen; panics with the screen if
    /// it does not within [`PATIENCE`].
    pub fn wait_for(&self, what: &str, cond: impl Fn(&vt100::Screen) -> bool) {
        self.wait_for_within(what, PATIENCE, cond);
    }

    /// [`Pty::wait_for`], waiting at most `limit`.
    pub fn wait_for_within(
        &self,
        what: &str,
        limit: Duration,
        cond: impl Fn(&vt100::Screen) -> bool,
    ) {
        let deadline = Instant::now() + limit;
        loop {
            if self.with_screen(&cond) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until everything written so far (as text) satisfies `cond`:
    /// for what may be on screen too briefly for a look at the screen to
    /// catch it on a busy machine (a loading line the browser replaces).
    pub fn wait_for_output(&self, what: &str, cond: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if cond(&String::from_utf8_lossy(&self.raw())) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what} in the output; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} on screen"), |s| {
            s.contents().contains(text)
        });
    }

    /// Waits for the program to exit; `None` if it has not within `limit`.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<portable_pty::ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        if let Ok(mut p) = self.shared.parser.lock() {
            p.screen_mut().set_size(nonzero(rows), nonzero(cols));
        }
        if let Some(m) = self.master.as_ref() {
            let _ = m.resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            });
        }
    }

    /// Closes the master side, as a terminal emulator or sshd does when
    /// the connection goes away.
    pub fn close(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.reader.take() {
            let _ = h.join();
        }
        self.writer.take();
        self.master.take();
    }

    /// The terminal's modes, as the program left them (Linux reports the
    /// slave's settings through the master).
    pub fn termios(&self) -> Option<libc::termios> {
        let fd = self.master.as_ref()?.as_raw_fd()?;
        // SAFETY: tcgetattr writes a termios for a valid fd.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            (libc::tcgetattr(fd, &mut t) == 0).then_some(t)
        }
    }

    pub fn signal(&self, signal: i32) {
        // SAFETY: sending a signal to our own child process.
        unsafe {
            libc::kill(self.pid() as libc::pid_t, signal);
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.signal(libc::SIGKILL);
            let _ = self.child.wait();
        }
        self.close();
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

/// CPU time (user + system) used so far by process `pid`, from /proc.
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // SAFETY: sysconf has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Some(Duration::from_millis((utime + stime) * 1000 / ticks))
}

/// Whether process `pid` still exists (and is not a zombie).
pub fn alive(pid: u32) -> bool {
    // Without /proc every process would look gone, and a test that wants
    // one gone would pass without seeing anything.
    assert!(
        std::path::Path::new("/proc/self/stat").exists(),
        "/proc is not readable: cannot tell whether process {pid} runs"
    );
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rfind(')').map(|i| s[i + 2..].starts_with('Z')))
        .is_some_and(|zombie| !zombie)
}

/// Waits, at most `limit`, until process `pid` has used `work` more CPU
/// time than when asked: it is busy with what it was given. False if it
/// never was.
pub fn wait_busy(pid: u32, work: Duration, limit: Duration) -> bool {
    let Some(before) = cpu_time(pid) else {
        return false;
    };
    let start = Instant::now();
    while start.elapsed() < limit {
        if cpu_time(pid).is_some_and(|now| now.saturating_sub(before) >= work) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

/// Waits, at most `limit`, until process `pid` uses no CPU over `quiet`:
/// it has done what it was given and waits. False if it never settled.
pub fn wait_idle(pid: u32, quiet: Duration, limit: Duration) -> bool {
    let start = Instant::now();
    let mut last = cpu_time(pid);
    let mut since = Instant::now();
    while start.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(10));
        let now = cpu_time(pid);
        if now != last {
            last = now;
            since = Instant::now();
        } else if since.elapsed() >= quiet {
            return true;
        }
    }
    false
}
