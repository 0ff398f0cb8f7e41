//! tintuc over a real SSH connection: a throwaway sshd on 127.0.0.1, the
//! browser run through `ssh -tt`, a query typed and read back from the
//! screen, then the connection dropped abruptly: the remote process must be
//! gone within 3 seconds.
#![allow(
    unsafe_code,
    reason = "system calls the test needs (FIFOs, poll, signals) that the standard library does not wrap"
)]

#[path = "common/pty.rs"]
mod pty;
#[path = "common/sshd.rs"]
mod sshd;

use std::time::{Duration, Instant};

use pty::{Pty, alive};

const BIN: &str = env!("CARGO_BIN_EXE_tintuc");

/// tintuc processes whose command line contains `marker` (not the ssh
/// client, whose command line holds the remote command too); `None` when
/// /proc cannot be read.
fn pids_with(marker: &str) -> Option<Vec<u32>> {
    let bin = std::fs::canonicalize(BIN).ok()?;
    let dir = std::fs::read_dir("/proc").ok()?;
    let pids = dir
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|e| e == bin))
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains(marker))
        })
        .filter(|&pid| alive(pid))
        .collect();
    Some(pids)
}

/// Kills, when dropped, every tintuc whose command line holds the marker.
struct KillOnDrop(String);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        for pid in pids_with(&self.0).unwrap_or_default() {
            // SAFETY: a signal to a process this test started (through sshd).
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
        }
    }
}

#[test]
fn browsing_over_ssh_and_dropping_the_connection() {
    let server = match sshd::Sshd::start() {
        Ok(s) => s,
        // Under CI (`.ci/run` installs sshd) a server that cannot start
        // is a failure; elsewhere the test says why it did not run.
        Err(why) if sshd::required() => panic!("sshd cannot start under CI: {why}"),
        Err(why) => {
            eprintln!("SKIPPED browsing_over_ssh_and_dropping_the_connection: {why}");
            return;
        }
    };
    // A copy of the collection under a unique path, to find the remote
    // process by its command line.
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("tintuc-ssh-test.json");
    std::fs::copy("data/articles.json", &data).expect("copy collection");
    let marker = data.display().to_string();
    let remote = format!(
        "cd {cwd} && exec env LANG=C.UTF-8 XDG_STATE_HOME={home}/state TINTUC_INDEX=memory \
         XDG_CONFIG_HOME={home}/config {BIN} --lang en --data {marker}",
        cwd = std::env::current_dir().expect("cwd").display(),
        home = dir.path().display()
    );
    let mut args: Vec<String> = vec!["-tt".into()];
    args.extend(server.ssh_args());
    args.push(remote);
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut p = Pty::spawn("ssh", &arg_refs, &[], 80, 24);
    // Declared after the server and the terminal, so dropped before them:
    // whether the test passes or panics, no remote tintuc outlives it.
    let _remote = KillOnDrop(marker.clone());

    p.wait_for("the browser over ssh", |s| {
        s.contents().contains("5/5 articles")
    });
    p.send("/");
    p.send("xxiv");
    p.wait_for("the query's results", |s| {
        let c = s.contents();
        c.contains("Search: xxiv") && c.contains("1/5 articles")
    });
    // Without /proc the test could see no process at all, and so prove
    // nothing: it fails instead.
    let remote_pids = pids_with(&marker).expect("/proc readable");
    assert_eq!(remote_pids.len(), 1, "one remote tintuc: {remote_pids:?}");

    // Drop the connection the hard way: the client dies without a word.
    p.signal(libc::SIGKILL);
    let start = Instant::now();
    while remote_pids.iter().any(|&pid| alive(pid)) && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        remote_pids.iter().all(|&pid| !alive(pid)),
        "the remote tintuc outlived its connection by 3 s; sshd log:\n{}",
        server.log()
    );
}

/// The SSH test run again as a child process of this one, with `env`.
fn child_run(env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = std::process::Command::new(std::env::current_exe().expect("test binary"));
    cmd.args([
        "--exact",
        "browsing_over_ssh_and_dropping_the_connection",
        "--nocapture",
        "--test-threads=1",
    ]);
    cmd.env_remove("CI");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("runs the test binary")
}

/// Under CI a server that cannot start fails the test; elsewhere the
/// test is skipped with its reason printed.
#[test]
fn no_sshd_fails_under_ci_and_skips_elsewhere() {
    let nowhere = "/nonexistent/sshd";
    let out = child_run(&[("TINTUC_TEST_SSHD", nowhere), ("CI", "true")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "passed under CI without sshd");
    assert!(err.contains("sshd cannot start under CI"), "{err}");
    let out = child_run(&[("TINTUC_TEST_SSHD", nowhere)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("SKIPPED") && err.contains("not installed"),
        "{err}"
    );
}

/// The guard the SSH test holds kills the tintuc it names even when that
/// one would not end by itself (here: stopped), as happens when the test
/// fails because the remote outlived its connection.
#[test]
fn the_guard_kills_a_tintuc_that_stays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("tintuc-guard-test.json");
    std::fs::copy("data/articles.json", &data).expect("copy collection");
    let marker = data.display().to_string();
    let p = Pty::spawn(BIN, &["--lang", "en", "--data", &marker], &[], 80, 24);
    p.wait_for_text("5/5 articles");
    let pid = p.pid();
    // SAFETY: a signal to the process this test started.
    unsafe {
        libc::kill(pid as libc::pid_t, libc::SIGSTOP);
    }
    drop(KillOnDrop(marker));
    let start = Instant::now();
    while alive(pid) && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!alive(pid), "the guard left tintuc {pid} running");
}
