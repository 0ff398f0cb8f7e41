//! `tintuc search`: ranked results as lines or JSON.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use super::{EXIT_BAD_INPUT, tell_skipped};
use crate::load::DataSource;
use crate::output::{report_line, say, say_lines};
use crate::progress::Progress;
use crate::progress_line::ProgressLine;
use crate::reading_state::{ReadingState, StateFile};
use crate::search::explain::Explanation;
use crate::search::open::{How, IndexPlace, Opened};
use crate::search::{Engine, Hit};

/// Says on stderr what a user should know about the index: that it was
/// damaged or of another version and made again, made in memory although
/// asked for on disk, or older than the collection.
pub(super) fn tell_how(how: &How) {
    if !how.is_news() {
        return;
    }
    match how {
        How::Built(why) => say(format_args!(
            "tintuc: {why}: the collection was indexed again"
        )),
        How::InMemory(Some(why)) => {
            say(format_args!(
                "tintuc: {why}; indexed in memory for this run"
            ));
        }
        How::Last => say(
            "tintuc: another tintuc is indexing this collection; searching its last index, \
             which may not hold the latest changes",
        ),
        How::Opened | How::InMemory(None) | How::Updated(_) => {}
    }
}

/// What `tintuc search` is asked for.
pub(super) struct Wanted<'q> {
    pub(super) query: &'q str,
    /// At most this many results printed (0: all).
    pub(super) limit: usize,
    pub(super) json: bool,
    /// Whether keywords forgive typos.
    pub(super) typos: bool,
    /// Whether keywords are also read as Telex or VNI.
    pub(super) telex: bool,
    /// Whether each result says why it ranks where it does.
    pub(super) explain: bool,
}

/// `tintuc search`: ranked results as lines or JSON.
pub(super) fn search(
    source: &DataSource,
    index: &IndexPlace,
    state: Option<&StateFile>,
    wanted: Wanted<'_>,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let Wanted {
        query,
        limit,
        json,
        typos,
        telex,
        explain,
    } = wanted;
    let progress = Arc::new(Progress::new());
    let line = ProgressLine::start(&source.name(), Arc::clone(&progress));
    let opened = crate::search::open::open(source, index, &progress);
    let Opened {
        mut engine,
        problems,
        how,
    } = match opened {
        Ok(opened) => opened,
        Err(e) => {
            line.finish();
            say_lines(&e);
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    line.finish();
    tell_how(&how);
    tell_skipped(&problems);
    engine.forgive_typos(typos);
    engine.read_telex(telex);
    let reading = peek_reading(state, query);
    let results = engine.search_marked(query, crate::search::SortOrder::Relevance, &reading);
    for hint in &results.hints {
        say(format_args!("tintuc: {hint}"));
    }
    let shown = if limit == 0 {
        results.hits.len()
    } else {
        limit.min(results.hits.len())
    };
    let hits = &results.hits[..shown];
    // The last one shown is explained against the next, shown or not.
    let why = if explain {
        let upto = results.hits.len().min(shown + 1);
        engine.explain(&results.query, &results.hits[..upto])
    } else {
        Vec::new()
    };
    if json {
        let dates = date_terms(&results.query);
        print_json(out, &engine, hits, (&why, &dates))?;
        return Ok(found(results.hits.len()));
    }
    for (i, a) in hits
        .iter()
        .enumerate()
        .filter_map(|(i, h)| Some((i, engine.article(h.article)?)))
    {
        // A month (07/2025) takes a day's width, as the undated do.
        let date = format!("{:<10}", a.date_shown().unwrap_or_default());
        report_line(
            out,
            format_args!("{date}  {}  {}", a.places.join(", "), a.title),
        )?;
        if let Some(ex) = why.get(i) {
            let last = i + 1 == results.hits.len();
            for line in super::explain_lines::lines(ex, last) {
                report_line(out, format_args!("    {line}"))?;
            }
        }
    }
    // Stdout holds results only, so `| wc -l` counts articles; what is
    // said about them goes to stderr.
    let total = results.hits.len();
    if total > shown {
        eprintln!(
            "tintuc: … {} more of {total} (--limit 0 shows all)",
            total - shown
        );
    } else if total == 0 {
        eprintln!("tintuc: no articles match");
    }
    Ok(found(total))
}

/// Exit status of `tintuc search`, as grep's: 0 when something matched,
/// 1 when nothing did (2 stays for bad input).
fn found(total: usize) -> ExitCode {
    if total == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The reading state, for the `is:` terms: read only, since searching
/// changes nothing, not even a corrupt file.
fn peek_reading(state: Option<&StateFile>, query: &str) -> ReadingState {
    match state.map(StateFile::peek) {
        Some(Ok(r)) => r,
        Some(Err(why)) => {
            if !crate::search::parse(query).flags().is_empty() {
                say(format_args!(
                    "tintuc: cannot read the reading state {}: {why}; \
                     every article counts as unread",
                    state
                        .map(|s| s.path().display().to_string())
                        .unwrap_or_default()
                ));
            }
            ReadingState::default()
        }
        None => ReadingState::default(),
    }
}

/// A date term of the query and the days it stands for, for scripts.
#[derive(serde::Serialize, Clone)]
struct DateTerm {
    term: String,
    /// The first and last day, `None` for an open end.
    from: Option<String>,
    to: Option<String>,
    /// A month (1–12) of every year: `#thang9`.
    #[serde(skip_serializing_if = "Option::is_none")]
    month_of_every_year: Option<i8>,
    /// `!#2020`: the days are left out.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    excluded: bool,
}

/// The date terms of `query`, each alternative resolved.
fn date_terms(query: &crate::search::query::Query) -> Vec<DateTerm> {
    let day = |d: Option<jiff::civil::Date>| d.map(|d| d.strftime("%Y-%m-%d").to_string());
    query
        .clauses
        .iter()
        .flat_map(|c| {
            c.alts.iter().filter_map(move |a| match a {
                crate::search::query::Alt::Date(r) => Some(DateTerm {
                    term: c.text.clone(),
                    from: day(r.from),
                    to: day(r.to),
                    month_of_every_year: r.every_year,
                    excluded: c.negated,
                }),
                _ => None,
            })
        })
        .collect()
}

/// `--json`: a JSON array of {id, title, date, places, score}, with the
/// query's date terms resolved (`date_terms`) when it has any.
fn print_json(
    out: &mut impl Write,
    engine: &Engine,
    hits: &[Hit],
    (why, dates): (&[Explanation], &[DateTerm]),
) -> anyhow::Result<()> {
    #[derive(serde::Serialize)]
    struct Row {
        id: String,
        title: String,
        date: Option<String>,
        places: Vec<String>,
        score: i64,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        date_terms: Vec<DateTerm>,
        #[serde(skip_serializing_if = "Option::is_none")]
        explain: Option<super::explain_lines::Json>,
    }
    let rows: Vec<Row> = hits
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let a = engine.article(h.article)?;
            Some(Row {
                id: a.id.clone(),
                title: a.title.clone(),
                date: a.date_text(),
                places: a.places.clone(),
                score: h.score,
                date_terms: dates.to_vec(),
                explain: why.get(i).map(super::explain_lines::Json::of),
            })
        })
        .collect();
    writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
    Ok(())
}
