#![allow(dead_code)] // Shared by several test crates, each using a part.
//! A throwaway OpenSSH server on 127.0.0.1 for end-to-end tests: its own
//! host key, user key and configuration in a temporary directory, stopped
//! (with every connection it served) when dropped.
//!
//! The port: sshd cannot be told to bind port 0 and report what it got,
//! and choosing a free port then starting sshd on it leaves a moment in
//! which another process can take it. So the test binds the listening
//! socket itself (port 0: the kernel picks a free one, and it stays ours
//! from then on) and runs `sshd -i` (inetd mode) on each accepted
//! connection, which is how sshd serves a socket it did not open.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub struct Sshd {
    dir: tempfile::TempDir,
    pub port: u16,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    /// One `sshd -i` per connection accepted so far.
    sessions: Arc<Mutex<Vec<Child>>>,
    acceptor: Option<JoinHandle<()>>,
}

/// Why the server could not be started.
pub type Unavailable = String;

/// Whether a server that cannot start fails the test: under CI, where
/// sshd is installed on purpose, a skip would hide a broken test.
pub fn required() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

fn which(name: &str, extra: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(extra.iter().map(PathBuf::from))
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn keygen(path: &Path) -> Result<(), Unavailable> {
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("ssh-keygen: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| "ssh-keygen failed".to_string())
}

/// Serves each connection on `listener` with `sshd -i` until `stop`.
fn accept_loop(
    listener: TcpListener,
    sshd: PathBuf,
    dir: PathBuf,
    stop: Arc<AtomicBool>,
    sessions: Arc<Mutex<Vec<Child>>>,
) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let Ok(input) = stream.try_clone() else {
            continue;
        };
        let Ok(log) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("sshd.log"))
        else {
            continue;
        };
        let child = Command::new(&sshd)
            .args(["-i", "-e", "-f"])
            .arg(dir.join("sshd_config"))
            .stdin(Stdio::from(OwnedFd::from(input)))
            .stdout(Stdio::from(OwnedFd::from(stream)))
            .stderr(Stdio::from(log))
            .spawn();
        if let (Ok(child), Ok(mut all)) = (child, sessions.lock()) {
            // Reap the sessions that have ended, so none is left a zombie.
            all.retain_mut(|c| !matches!(c.try_wait(), Ok(Some(_))));
            all.push(child);
        }
    }
}

impl Sshd {
    /// Starts the server and waits until it accepts a login.
    pub fn start() -> Result<Sshd, Unavailable> {
        // `TINTUC_TEST_SSHD` names another server program: the tests of
        // this harness use it to make the start fail.
        let sshd = match std::env::var_os("TINTUC_TEST_SSHD") {
            Some(p) => Some(PathBuf::from(p)).filter(|p| p.is_file()),
            None => which("sshd", &["/usr/sbin", "/usr/local/sbin"]),
        }
        .ok_or("sshd is not installed (package openssh-server)")?;
        which("ssh", &[]).ok_or("ssh is not installed (package openssh-client)")?;
        let dir = tempfile::Builder::new()
            .prefix("tintuc-sshd")
            .tempdir()
            .map_err(|e| e.to_string())?;
        let d = dir.path();
        keygen(&d.join("host_key"))?;
        keygen(&d.join("user_key"))?;
        std::fs::copy(d.join("user_key.pub"), d.join("authorized_keys"))
            .map_err(|e| e.to_string())?;
        // Privilege separation needs this directory to exist.
        let _ = std::fs::create_dir_all("/run/sshd");
        let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
        let config = format!(
            "HostKey {d}/host_key\n\
             AuthorizedKeysFile {d}/authorized_keys\nPidFile none\n\
             StrictModes no\nUsePAM no\nPasswordAuthentication no\n\
             KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n\
             AllowUsers {user}\nPrintMotd no\nPrintLastLog no\nAcceptEnv LANG LC_*\n\
             ClientAliveInterval 0\n",
            d = d.display()
        );
        std::fs::write(d.join("sshd_config"), config).map_err(|e| e.to_string())?;
        // A configuration sshd refuses is reported as such, not as a
        // login that never succeeds.
        let check = Command::new(&sshd)
            .arg("-t")
            .arg("-f")
            .arg(d.join("sshd_config"))
            .output()
            .map_err(|e| format!("cannot run sshd: {e}"))?;
        if !check.status.success() {
            return Err(format!(
                "sshd refuses its configuration: {}",
                String::from_utf8_lossy(&check.stderr)
            ));
        }
        let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no port: {e}"))?;
        let addr = listener.local_addr().map_err(|e| format!("no port: {e}"))?;
        let stop = Arc::new(AtomicBool::new(false));
        let sessions = Arc::new(Mutex::new(Vec::new()));
        let acceptor = {
            let (stop, sessions, dir) = (stop.clone(), sessions.clone(), d.to_path_buf());
            std::thread::spawn(move || accept_loop(listener, sshd, dir, stop, sessions))
        };
        let server = Sshd {
            dir,
            port: addr.port(),
            addr,
            stop,
            sessions,
            acceptor: Some(acceptor),
        };
        // The socket listens already; the first login normally succeeds,
        // but a busy machine may take its time to start sshd.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let probe = server.command("true").output();
            if probe.as_ref().is_ok_and(|o| o.status.success()) {
                return Ok(server);
            }
            if Instant::now() > deadline {
                let why = probe
                    .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
                    .unwrap_or_else(|e| e.to_string());
                return Err(format!(
                    "sshd does not accept logins: {why} / {}",
                    server.log()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }

    /// `ssh` to this server running `remote` (a shell command line).
    pub fn command(&self, remote: &str) -> Command {
        let mut c = Command::new("ssh");
        c.args(self.ssh_args()).arg(remote);
        c
    }

    /// The arguments for `ssh`, before the remote command.
    pub fn ssh_args(&self) -> Vec<String> {
        let d = self.dir.path().display();
        vec![
            "-i".into(),
            format!("{d}/user_key"),
            "-p".into(),
            self.port.to_string(),
            "-o".into(),
            "StrictHostKeyChecking=no".into(),
            "-o".into(),
            format!("UserKnownHostsFile={d}/known_hosts"),
            "-o".into(),
            "BatchMode=yes".into(),
            "-o".into(),
            "LogLevel=ERROR".into(),
            "127.0.0.1".into(),
        ]
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the acceptor, which then sees `stop`.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(2));
        if let Some(h) = self.acceptor.take() {
            let _ = h.join();
        }
        if let Ok(mut all) = self.sessions.lock() {
            for child in all.iter_mut() {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}
