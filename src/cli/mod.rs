//! The command line: argument definitions and what each command does.

mod args;
mod bench;
mod browse;
mod collection;
mod config_command;
mod explain_lines;
mod index;
mod search;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use args::{Cli, Command};

use crate::load::{self, DataSource};
use crate::output::{StdoutWriter, say, say_lines};
use crate::reading_state::StateFile;
use crate::tui;

/// Exit code for bad input (a collection with problems, a bad argument).
pub(crate) const EXIT_BAD_INPUT: u8 = 2;

/// Runs the parsed command line.
pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let source = DataSource::resolve(cli.data, std::env::var_os("TINTUC_DATA"));
    let index = crate::search::open::IndexPlace::resolve(
        &source,
        cli.index,
        std::env::var_os("TINTUC_INDEX"),
        std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .as_deref(),
        std::env::var_os("HOME").map(PathBuf::from).as_deref(),
    );
    let Some(command) = cli.command else {
        // The browser writes to the terminal itself, and a terminal that
        // went away (a hangup) is an ending, not an output error.
        let options = browse::BrowseOptions {
            lang: cli.lang,
            no_osc52: cli.no_osc52,
            state: state_file(cli.state),
            index,
        };
        return browse::browse(&source, options);
    };
    let mut out = StdoutWriter(std::io::stdout().lock());
    let code = match command {
        Command::Check => collection::check(&source, &mut out),
        Command::Ingest(args) => collection::ingest(&args, &mut out),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            // Into memory first: the generator panics when it cannot write.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "tintuc", &mut script);
            out.write_all(&script)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Config(args) => config_command::config_command(&args, &mut out),
        Command::Search {
            query,
            limit,
            json,
            no_typos,
            no_telex,
            explain,
        } => {
            let state = state_file(cli.state);
            let wanted = search::Wanted {
                query: &query,
                limit,
                json,
                typos: !no_typos,
                telex: !no_telex,
                explain,
            };
            search::search(&source, &index, state.as_ref(), wanted, &mut out)
        }
        Command::Index { rebuild, stats } => {
            index::index(&source, &index, rebuild, stats, &mut out)
        }
        Command::Bench {
            query,
            json,
            verbose,
        } => bench::bench(&source, &index, &query, json, verbose, &mut out),
    }?;
    // What is still buffered must reach its place too, or be an error.
    out.flush()?;
    Ok(code)
}

/// The reading state file: `--state`, else the XDG default; `None`
/// when there is no home to keep it in.
pub(crate) fn state_file(option: Option<PathBuf>) -> Option<StateFile> {
    let path = option.or_else(|| {
        let xdg = std::env::var_os("XDG_STATE_HOME").map(PathBuf::from);
        let home = std::env::var_os("HOME").map(PathBuf::from);
        StateFile::default_path(xdg.as_deref(), home.as_deref())
    })?;
    Some(StateFile::new(path))
}

/// Where the configuration file is read from.
pub(crate) fn config_path() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CONFIG_HOME").map(PathBuf::from);
    let home = std::env::var_os("HOME").map(PathBuf::from);
    crate::config::default_path(xdg.as_deref(), home.as_deref())
}

/// Reads the configuration file; a missing one (or no home to look in)
/// is the default configuration.
pub(super) fn load_config() -> Result<crate::config::Config, crate::config::ConfigError> {
    match config_path() {
        Some(path) => {
            let names = tui::keymap::action_names();
            let bindable = crate::config::Bindable {
                names: &names,
                can_share: &never_in_the_same_view,
            };
            crate::config::load(&path, &bindable)
        }
        None => Ok(crate::config::Config::default()),
    }
}

/// Whether two commands never act in the same view (so that one key can
/// give both: `/` searches from the list and finds in the article).
fn never_in_the_same_view(a: &str, b: &str) -> bool {
    use tui::Mode;
    [Mode::List, Mode::Reading, Mode::Help]
        .into_iter()
        .all(|m| tui::keymap::named(a, m).is_none() || tui::keymap::named(b, m).is_none())
}

/// Lists on stderr the problems that left something out of a collection
/// that was opened all the same, and what they cost.
pub(super) fn tell_skipped(problems: &[load::Problem]) {
    if problems.is_empty() {
        return;
    }
    say_lines(load::Listed(problems));
    say(format_args!(
        "tintuc: {} — `tintuc check` says why",
        load::Skipped::of(problems)
    ));
}

/// The whole program: the arguments read, the command run, any error said
/// on stderr; the exit code.
pub fn main() -> ExitCode {
    let cli = match <Cli as clap::Parser>::try_parse() {
        Ok(cli) => cli,
        // --help, --version or a mistake in the arguments: clap's text and
        // exit code, but a failure to write it is an error like any other.
        Err(e) => {
            return match e.print() {
                Err(w) if w.kind() != std::io::ErrorKind::BrokenPipe => {
                    say(format_args!("tintuc: cannot write to standard output: {w}"));
                    ExitCode::from(EXIT_BAD_INPUT)
                }
                _ => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        // The reader went away (`tintuc man | head`): nothing to report.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            say(format_args!("tintuc: {e:#}"));
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
