//! tintuc over a real SSH connection: a throwaway sshd on 127.0.0.1, the
//! browser run through `ssh -tt`, a query typed and read back from the
//! screen, then the connection dropped abruptly: the remote process must be
//! gone within 3 seconds.

#[path = "common/pty.rs"]
mod pty;
#[path = "common/sshd.rs"]
mod sshd;

use std::time::{Duration, Instant};

use pty::{Pty, alive};

const BIN: &str = env!("CARGO_BIN_EXE_tintuc");

/// tintuc processes whose command line contains `marker` (not the ssh
/// client, whose command line holds the remote command too).
fn pids_with(marker: &str) -> Vec<u32> {
    let bin = std::fs::canonicalize(BIN).expect("binary path");
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|e| e == bin))
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains(marker))
        })
        .filter(|&pid| alive(pid))
        .collect()
}

#[test]
fn browsing_over_ssh_and_dropping_the_connection() {
    let server = match sshd::Sshd::start() {
        Ok(s) => s,
        Err(why) => {
            // Only where no sshd can run at all; `.ci/run` installs it.
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
        "cd {cwd} && exec env LANG=C.UTF-8 XDG_STATE_HOME={home}/state \
         XDG_CONFIG_HOME={home}/config {BIN} --lang en --data {marker}",
        cwd = std::env::current_dir().expect("cwd").display(),
        home = dir.path().display()
    );
    let mut args: Vec<String> = vec!["-tt".into()];
    args.extend(server.ssh_args());
    args.push(remote);
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut p = Pty::spawn("ssh", &arg_refs, &[], 80, 24);

    p.wait_for("the browser over ssh", |s| {
        s.contents().contains("5/5 articles")
    });
    p.send("/");
    p.send("xxiv");
    p.wait_for("the query's results", |s| {
        let c = s.contents();
        c.contains("Search: xxiv") && c.contains("1/5 articles")
    });
    let remote_pids = pids_with(&marker);
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
