//! `tintuc index`: builds or brings up to date the collection's index on
//! disk, and says what it did.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use super::{EXIT_BAD_INPUT, tell_skipped};
use crate::load::DataSource;
use crate::output::{report_line, say, say_lines};
use crate::progress::Progress;
use crate::progress_line::ProgressLine;
use crate::search::open::{How, IndexPlace, Opened, open_or_rebuild};

/// `tintuc index`: see the module documentation.
pub(super) fn index(
    source: &DataSource,
    place: &IndexPlace,
    rebuild: bool,
    stats: bool,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let IndexPlace::Dir(dir) = place else {
        say(
            "tintuc: this collection's index is made in memory at every start \
             (the collection built into tintuc, or TINTUC_INDEX=memory): there is \
             nothing to keep on disk",
        );
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    };
    let progress = Arc::new(Progress::new());
    let line = ProgressLine::start(&source.name(), Arc::clone(&progress));
    let started = Instant::now();
    let opened = open_or_rebuild(source, place, &progress, rebuild);
    line.finish();
    let Opened {
        engine,
        problems,
        how,
    } = match opened {
        Ok(o) => o,
        Err(e) => {
            say_lines(&e);
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    tell_skipped(&problems);
    let took = started.elapsed().as_secs_f64();
    let path = dir.display().to_string();
    let shown = crate::text::escape_for_message(&path);
    let what = match &how {
        How::Opened => format!("{shown}: up to date"),
        How::Built(why) => format!("{shown}: indexed ({why}) in {took:.1} s"),
        How::Updated(update) => format!("{shown}: updated: {update} in {took:.1} s"),
        How::Last => format!("{shown}: another tintuc is indexing this collection"),
        How::InMemory(why) => {
            let why = why.as_deref().unwrap_or("no place on disk");
            say(format_args!("tintuc: {why}"));
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    report_line(out, format_args!("{what}"))?;
    if stats {
        report_line(out, format_args!("articles: {}", engine.len()))?;
        report_line(out, format_args!("segments: {}", engine.segments()))?;
        report_line(
            out,
            format_args!("on disk:  {}", crate::files::megabytes(size_of(dir))),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The bytes of the files under `dir`.
fn size_of(dir: &Path) -> u64 {
    let mut total = 0;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            match entry.metadata() {
                Ok(m) if m.is_dir() => pending.push(entry.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}
