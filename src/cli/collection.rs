//! `tintuc check` and `tintuc ingest`: a collection read, or made from raw articles.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use super::EXIT_BAD_INPUT;
use super::args::IngestArgs;
use crate::load::{self, DataSource};
use crate::model::Stats;
use crate::output::report_line;
use crate::progress::Progress;
use crate::progress_line::ProgressLine;

/// `tintuc check`: counts and every problem.
pub fn check(source: &DataSource, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let progress = Arc::new(Progress::new());
    let line = ProgressLine::start(&source.name(), Arc::clone(&progress));
    let report = load::read_with(source, &progress);
    line.finish();
    let stats = Stats::of(&report.articles);
    report_line(out, &report.origin)?;
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
        report_line(out, p)?;
    }
    Ok(ExitCode::from(EXIT_BAD_INPUT))
}

/// `tintuc ingest`: raw articles → a collection. Failures are reported on
/// stderr and make the exit code 2; the other files are still written.
pub fn ingest(args: &IngestArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    // A destination that cannot be written is said before the work.
    let destination = args
        .output
        .as_deref()
        .map(crate::atomic_write::Destination::resolve)
        .transpose()?;
    let progress = Arc::new(Progress::new());
    let line = ProgressLine::start("raw articles", Arc::clone(&progress));
    let batch = crate::ingest::ingest_paths_with(&args.paths, &progress);
    line.finish();
    let mut err = std::io::stderr().lock();
    if args.verbose {
        let g = crate::gazetteer::Gazetteer::embedded();
        for (path, ingested) in &batch.articles {
            for line in crate::ingest::describe(path, ingested, g).lines() {
                report_line(&mut err, line)?;
            }
        }
    }
    for failure in &batch.failures {
        report_line(&mut err, format_args!("tintuc: {failure}"))?;
    }
    let articles: Vec<crate::model::Article> =
        batch.articles.into_iter().map(|(_, i)| i.article).collect();
    let json = crate::model::to_json(&articles);
    match (&destination, &args.output) {
        (Some(destination), Some(path)) => {
            destination.write(json.as_bytes())?;
            if args.verbose || !batch.failures.is_empty() {
                report_line(
                    &mut err,
                    format_args!("wrote {} articles to {}", articles.len(), path.display()),
                )?;
            }
        }
        _ => out.write_all(json.as_bytes())?,
    }
    if !batch.failures.is_empty() {
        writeln!(
            err,
            "{} of {} files failed",
            batch.failures.len(),
            batch.failures.len() + articles.len()
        )?;
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    Ok(ExitCode::SUCCESS)
}
