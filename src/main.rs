use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match tintuc::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // --help, --version or a mistake in the arguments: clap's text and
        // exit code, but a failure to write it is an error like any other.
        Err(e) => {
            return match e.print() {
                Err(w) if w.kind() != std::io::ErrorKind::BrokenPipe => {
                    tintuc::output::say(format_args!(
                        "tintuc: cannot write to standard output: {w}"
                    ));
                    ExitCode::from(tintuc::cli::EXIT_BAD_INPUT)
                }
                _ => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
            };
        }
    };
    match tintuc::cli::run(cli) {
        Ok(code) => code,
        // The reader went away (`tintuc man | head`): nothing to report.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            tintuc::output::say(format_args!("tintuc: {e:#}"));
            ExitCode::from(tintuc::cli::EXIT_BAD_INPUT)
        }
    }
}
