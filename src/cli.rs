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
    /// Search the collection and print the ranked results (date, places, title).
    #[command(after_help = crate::search::query::SYNTAX_HELP)]
    Search {
        /// The query, in the browser's query language (see below).
        query: String,
        /// Print at most N results (0 for all).
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
        /// Print a JSON array of {id, title, date, places, score}.
        #[arg(long)]
        json: bool,
    },
    /// Measure load, index and per-keystroke search times on a collection.
    Bench {
        /// The query replayed one keystroke at a time, then deleted.
        #[arg(long, value_name = "Q", default_value = crate::benchmark::DEFAULT_QUERY)]
        query: String,
        /// Print the figures as one JSON object.
        #[arg(long)]
        json: bool,
        /// Also list every keystroke with its time and result count.
        #[arg(long, short)]
        verbose: bool,
    },
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let source = DataSource::resolve(cli.data, std::env::var_os("TINTUC_DATA"));
    let mut out = std::io::stdout().lock();
    match cli.command {
        Some(Command::Check) => check(&source, &mut out),
        Some(Command::Search { query, limit, json }) => {
            search(&source, &query, limit, json, &mut out)
        }
        Some(Command::Bench {
            query,
            json,
            verbose,
        }) => bench(&source, &query, json, verbose, &mut out),
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

/// `tintuc search`: ranked results as lines or JSON.
fn search(
    source: &DataSource,
    query: &str,
    limit: usize,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let collection = match load::load(source) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    let mut engine = crate::search::Engine::new(collection);
    let results = engine.search(query, crate::search::SortOrder::Relevance);
    for hint in &results.hints {
        eprintln!("tintuc: {hint}");
    }
    let shown = if limit == 0 {
        results.hits.len()
    } else {
        limit.min(results.hits.len())
    };
    let articles = engine.articles();
    if json {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            id: &'a str,
            title: &'a str,
            date: Option<String>,
            places: &'a [String],
            score: i64,
        }
        let rows: Vec<Row<'_>> = results.hits[..shown]
            .iter()
            .map(|h| {
                let a = &articles[h.article];
                Row {
                    id: &a.id,
                    title: &a.title,
                    date: a.date.map(|d| d.strftime("%Y-%m-%d").to_string()),
                    places: &a.places,
                    score: h.score,
                }
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    for h in &results.hits[..shown] {
        let a = &articles[h.article];
        let date = a
            .date
            .map(|d| d.strftime("%d/%m/%Y").to_string())
            .unwrap_or_else(|| "          ".into());
        writeln!(out, "{date}  {}  {}", a.places.join(", "), a.title)?;
    }
    let total = results.hits.len();
    if total > shown {
        writeln!(
            out,
            "… {} more of {total} (--limit 0 shows all)",
            total - shown
        )?;
    } else if total == 0 {
        writeln!(out, "no articles match")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `tintuc bench`: load, index and keystroke timings.
fn bench(
    source: &DataSource,
    query: &str,
    json: bool,
    verbose: bool,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let report = match crate::benchmark::run(source, query) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    if json {
        writeln!(out, "{}", serde_json::to_string(&report)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rss = report
        .peak_rss_mb
        .map_or_else(|| "unknown".to_string(), |m| format!("{m:.1} MiB"));
    writeln!(out, "{}: {} articles", source.name(), report.articles)?;
    writeln!(out, "  load:          {:>9.1} ms", report.load_ms)?;
    writeln!(out, "  index:         {:>9.1} ms", report.index_ms)?;
    writeln!(out, "  peak memory:   {rss:>12}")?;
    writeln!(
        out,
        "  keystrokes:    {} (typing {:?} and deleting it; {} results when typed)",
        report.keystrokes, report.query, report.final_hits
    )?;
    writeln!(out, "  keystroke p50: {:>9.3} ms", report.key_p50_ms)?;
    writeln!(out, "  keystroke p99: {:>9.3} ms", report.key_p99_ms)?;
    writeln!(out, "  keystroke max: {:>9.3} ms", report.key_max_ms)?;
    if verbose {
        for (q, t, n) in &report.trace {
            writeln!(out, "  {t:>9.3} ms {n:>8} results  {q:?}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
