//! What the commands write to the terminal: messages on stderr with every
//! piece of data in them escaped, and standard output whose failures say
//! what failed.

use std::fmt::Display;
use std::io::{self, Write};

use crate::text::escape_for_message;

/// Writes one line of a message on stderr with every piece of data in it
/// escaped (a collection's values, file names, paths): nothing read from
/// outside reaches the terminal raw. A stderr that cannot be written to is
/// ignored: there is nowhere left to say so.
pub fn say(message: impl Display) {
    let line = message.to_string();
    let _ = writeln!(io::stderr().lock(), "{}", escape_for_message(&line));
}

/// A message of several lines (a list of problems): each line escaped.
pub fn say_lines(message: impl Display) {
    for line in message.to_string().lines() {
        say(line);
    }
}

/// Writes one line of a report on `out`, escaped like [`say`].
pub fn report_line(out: &mut impl Write, line: impl Display) -> io::Result<()> {
    writeln!(out, "{}", escape_for_message(&line.to_string()))
}

/// Standard output, whose errors say that it was standard output that
/// failed (`tintuc man > /dev/full`). The kind of error is kept: a reader
/// that went away (a closed pipe) is still recognised as such.
pub struct StdoutWriter<'a>(pub io::StdoutLock<'a>);

impl Write for StdoutWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(stdout_error)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(stdout_error)
    }
}

fn stdout_error(e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("cannot write to standard output: {e}"))
}
