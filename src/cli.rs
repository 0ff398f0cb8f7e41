//! The command line: argument definitions and what each command does.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::load::{self, DataSource};
use crate::model::Stats;

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

    #[command(subcommand)]
    pub command: Option<Command>,
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
        None => summary(&source, &mut out),
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

/// Without a subcommand: a plain listing of the collection.
fn summary(source: &DataSource, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let collection = match load::load(source) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    writeln!(
        out,
        "{}: {} articles",
        collection.origin,
        collection.articles.len()
    )?;
    for a in &collection.articles {
        let date = a
            .date
            .map(|d| d.strftime("%d/%m/%Y").to_string())
            .unwrap_or_default();
        let place = a.places.first().map(String::as_str).unwrap_or("");
        writeln!(out, "{date:10}  {place:12}  {}", a.title)?;
    }
    Ok(ExitCode::SUCCESS)
}
