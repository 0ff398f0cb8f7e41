use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tintuc::cli::Cli::parse();
    match tintuc::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tintuc: {e:#}");
            ExitCode::from(2)
        }
    }
}
