#![allow(dead_code)] // Shared by several test crates, each using a part.
#![allow(clippy::panic, reason = "a test fails by panicking")]
//! Running the real binary as a command: isolated from the user's own
//! configuration and reading state, and never waited on for ever.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a command may take on a slow, busy CI machine.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The binary, with neither `$TINTUC_DATA` nor the user's configuration
/// or reading state.
pub fn tintuc() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tintuc"));
    c.env_remove("TINTUC_DATA");
    let nowhere = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-dir");
    c.env("XDG_CONFIG_HOME", &nowhere);
    c.env("XDG_STATE_HOME", &nowhere);
    // No index kept on disk, unless a test asks (`--index`).
    c.env("TINTUC_INDEX", "memory");
    c
}

/// Runs `cmd` with no standard input, failing the test (not hanging it)
/// when it is still running after `limit`. Its output goes to files, so
/// a command that writes much never blocks on a full pipe.
pub fn run_within(mut cmd: Command, limit: Duration) -> Output {
    let out = tempfile::tempdir().expect("temp dir");
    let (o, e) = (out.path().join("stdout"), out.path().join("stderr"));
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&o).expect("stdout file"))
        .stderr(std::fs::File::create(&e).expect("stderr file"))
        .spawn()
        .expect("runs");
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "still running after {limit:?}; stderr: {}",
                std::fs::read_to_string(&e).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: std::fs::read(&o).unwrap_or_default(),
        stderr: std::fs::read(&e).unwrap_or_default(),
    }
}

/// [`run_within`] the usual patience.
pub fn run(cmd: Command) -> Output {
    run_within(cmd, PATIENCE)
}
