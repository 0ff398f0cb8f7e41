use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tintuc::cli::Cli::parse();
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
            tintuc::cli::say(format_args!("tintuc: {e:#}"));
            ExitCode::from(2)
        }
    }
}
