//! The command line: argument definitions and what each command does.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::load::{self, DataSource};
use crate::model::Stats;
use crate::search::Engine;
use crate::tui::{self, Lang};

/// Exit code for bad input (a collection with problems, a bad argument).
pub const EXIT_BAD_INPUT: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "tintuc",
    version,
    about = "Browse collections of Vietnamese news articles in the terminal",
    long_about = "Browse collections of Vietnamese news articles in the terminal.\n\n\
        The collection is --data PATH, else $TINTUC_DATA, else ./data/articles.json, \
        else the collection built into the binary."
)]
pub struct Cli {
    /// Collection to open: a JSON array file, a JSON Lines file, or a directory of them.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Language of the browser (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<UiLang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The languages the browser speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UiLang {
    /// Tiếng Việt
    Vi,
    /// English
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a collection: print counts and every problem found (exit 2 if any).
    Check,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let source = DataSource::resolve(cli.data, std::env::var_os("TINTUC_DATA"));
    let mut out = std::io::stdout().lock();
    match cli.command {
        Some(Command::Check) => check(&source, &mut out),
        None => browse(&source, cli.lang),
    }
}

/// `tintuc check`: counts and every problem.
pub fn check(source: &DataSource, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let report = load::read(source);
    let stats = Stats::of(&report.articles);
    writeln!(out, "{}", report.origin)?;
    writeln!(out, "  articles:        {}", stats.articles)?;
    writeln!(out, "  with a date:     {}", stats.with_date)?;
    writeln!(out, "  with places:     {}", stats.with_places)?;
    writeln!(out, "  distinct places: {}", stats.distinct_places)?;
    if report.problems.is_empty() {
        writeln!(out, "no problems found")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{} problem(s):", report.problems.len())?;
    for p in &report.problems {
        writeln!(out, "{p}")?;
    }
    Ok(ExitCode::from(EXIT_BAD_INPUT))
}

/// Without a subcommand: the browser.
fn browse(source: &DataSource, lang: Option<UiLang>) -> anyhow::Result<ExitCode> {
    let lang = match lang {
        Some(UiLang::Vi) => Lang::Vi,
        Some(UiLang::En) => Lang::En,
        None => Lang::from_env(),
    };
    let collection = match load::load(source) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    // Drawing into a pipe or a file would only write escape sequences.
    if !std::io::stdout().is_terminal() {
        eprintln!("{}", lang.strings().not_a_terminal);
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    let mut state = tui::State::new(Engine::new(collection), lang, tui::Theme::from_env(), 0, 0);
    tui::terminal::browse(&mut state)?;
    Ok(ExitCode::SUCCESS)
}
