//! `tintuc bench`: load, index and keystroke timings.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use super::{EXIT_BAD_INPUT, tell_skipped};
use crate::load::DataSource;
use crate::output::{report_line, say_lines};
use crate::progress::Progress;
use crate::progress_line::ProgressLine;

/// `tintuc bench`: load, index and keystroke timings.
pub(super) fn bench(
    source: &DataSource,
    place: &crate::search::open::IndexPlace,
    query: &str,
    json: bool,
    verbose: bool,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let progress = Arc::new(Progress::new());
    let line = ProgressLine::start(&source.name(), Arc::clone(&progress));
    let report = crate::benchmark::run_with(source, query, place, &progress);
    line.finish();
    let report = match report {
        Ok(r) => {
            tell_skipped(&r.problems);
            r
        }
        Err(e) => {
            say_lines(&e);
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
    report_line(
        out,
        format_args!("{}: {} articles", source.name(), report.articles),
    )?;
    let lines = [
        ("load:       ", report.load_ms),
        ("index:      ", report.index_ms),
        ("cold start: ", report.cold_ms),
        ("warm start: ", report.warm_ms),
    ];
    for (what, took) in lines {
        if let Some(took) = took {
            writeln!(out, "  {what}   {took:>9.1} ms")?;
        }
    }
    report_line(out, format_args!("  index in:      {}", report.index))?;
    writeln!(out, "  peak memory:   {rss:>12}")?;
    report_line(
        out,
        format_args!(
            "  keystrokes:    {} (typing {:?} and deleting it; {} results when typed)",
            report.keystrokes, report.query, report.final_hits
        ),
    )?;
    writeln!(out, "  keystroke p50: {:>9.3} ms", report.key_p50_ms)?;
    writeln!(out, "  keystroke p99: {:>9.3} ms", report.key_p99_ms)?;
    writeln!(out, "  keystroke max: {:>9.3} ms", report.key_max_ms)?;
    if verbose {
        for (q, t, n) in &report.trace {
            report_line(out, format_args!("  {t:>9.3} ms {n:>8} results  {q:?}"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
