#![allow(dead_code)] // Shared by several test crates, each using a part.
//! A throwaway OpenSSH server on 127.0.0.1 for end-to-end tests: its own
//! host key, user key and configuration in a temporary directory, on a free
//! port, stopped (with everything it started) when dropped.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Sshd {
    dir: tempfile::TempDir,
    child: Child,
    pub port: u16,
}

/// Why the server could not be started; the test is skipped with it.
pub type Unavailable = String;

fn which(name: &str, extra: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(extra.iter().map(PathBuf::from))
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn free_port() -> Result<u16, Unavailable> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    l.local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
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

impl Sshd {
    /// Starts the server and waits until it accepts a login.
    pub fn start() -> Result<Sshd, Unavailable> {
        let sshd = which("sshd", &["/usr/sbin", "/usr/local/sbin"])
            .ok_or("sshd is not installed (package openssh-server)")?;
        which("ssh", &[]).ok_or("ssh is not installed (package openssh-client)")?;
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let d = dir.path();
        keygen(&d.join("host_key"))?;
        keygen(&d.join("user_key"))?;
        std::fs::copy(d.join("user_key.pub"), d.join("authorized_keys"))
            .map_err(|e| e.to_string())?;
        // Privilege separation needs this directory to exist.
        let _ = std::fs::create_dir_all("/run/sshd");
        let port = free_port()?;
        let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\n\
             AuthorizedKeysFile {d}/authorized_keys\nPidFile {d}/sshd.pid\n\
             StrictModes no\nUsePAM no\nPasswordAuthentication no\n\
             KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n\
             AllowUsers {user}\nPrintMotd no\nPrintLastLog no\nAcceptEnv LANG LC_*\n\
             ClientAliveInterval 0\n",
            d = d.display()
        );
        std::fs::write(d.join("sshd_config"), config).map_err(|e| e.to_string())?;
        let child = Command::new(&sshd)
            .args(["-D", "-e", "-f"])
            .arg(d.join("sshd_config"))
            .stdout(Stdio::null())
            .stderr(Stdio::from(
                std::fs::File::create(d.join("sshd.log")).map_err(|e| e.to_string())?,
            ))
            .spawn()
            .map_err(|e| format!("cannot start sshd: {e}"))?;
        let mut server = Sshd { dir, child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!(
                    "sshd exited ({status}): {}",
                    server.log().lines().last().unwrap_or("")
                ));
            }
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
            std::thread::sleep(Duration::from_millis(50));
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
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
