use std::process::ExitCode;

fn main() -> ExitCode {
    tintuc::cli::main()
}
