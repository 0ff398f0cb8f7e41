//! The command line: argument definitions and what each command does.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};

use crate::load::{self, DataSource};
use crate::model::Stats;
use crate::progress::Progress;
use crate::progress_line::ProgressLine;
use crate::reading_state::{ReadingState, StateFile};
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
    /// Collection to open: a JSON array file, a JSON Lines file, raw article text
    /// (.txt, ingested on the fly), or a directory of them.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// The reading state (read and bookmarked articles, reading positions,
    /// query history); default $XDG_STATE_HOME/tintuc/state.json, else
    /// ~/.local/state/tintuc/state.json.
    #[arg(long, global = true, value_name = "PATH")]
    pub state: Option<PathBuf>,

    /// Language of the browser (default: the configuration's, else from
    /// LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<UiLang>,

    /// Do not copy through the terminal (OSC 52) with y and Y.
    #[arg(long)]
    pub no_osc52: bool,

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
    /// Turn raw scraped article text (.txt files, or directories of them)
    /// into a collection: JSON on stdout, or in FILE with -o (exit 2 if a
    /// file failed; the others are still ingested).
    Ingest(IngestArgs),
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
    /// Print a completion script for a shell, e.g.
    /// `tintuc completions bash > ~/.local/share/bash-completion/completions/tintuc`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `tintuc man | man -l -`.
    Man,
    /// Check the configuration file (exit 2 if it has a mistake); with an
    /// option, print where it is, a commented default one, or the commands
    /// keys can be bound to.
    Config(ConfigArgs),
}

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Print a commented configuration file with every setting at its default.
    #[arg(long)]
    pub default: bool,
    /// Print where the configuration file is read from.
    #[arg(long, conflicts_with = "default")]
    pub path: bool,
    /// List the commands that [keys] can bind, with their default keys.
    #[arg(long, conflicts_with_all = ["default", "path"])]
    pub actions: bool,
}

#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// Raw article files, and directories searched for .txt files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write the collection to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report, for each file, the encoding and what was found in it.
    #[arg(short, long)]
    pub verbose: bool,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let source = DataSource::resolve(cli.data, std::env::var_os("TINTUC_DATA"));
    let mut out = std::io::stdout().lock();
    match cli.command {
        Some(Command::Check) => check(&source, &mut out),
        Some(Command::Ingest(args)) => ingest(&args, &mut out),
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "tintuc", &mut out);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Config(args)) => config_command(&args, &mut out),
        Some(Command::Search { query, limit, json }) => {
            let state = state_file(cli.state);
            search(&source, state.as_ref(), &query, limit, json, &mut out)
        }
        Some(Command::Bench {
            query,
            json,
            verbose,
        }) => bench(&source, &query, json, verbose, &mut out),
        None => {
            let options = BrowseOptions {
                lang: cli.lang,
                no_osc52: cli.no_osc52,
                state: state_file(cli.state),
            };
            browse(&source, options)
        }
    }
}

/// The reading state file: `--state`, else the XDG default; `None`
/// when there is no home to keep it in.
pub fn state_file(option: Option<PathBuf>) -> Option<StateFile> {
    let path = option.or_else(|| {
        let xdg = std::env::var_os("XDG_STATE_HOME").map(PathBuf::from);
        let home = std::env::var_os("HOME").map(PathBuf::from);
        StateFile::default_path(xdg.as_deref(), home.as_deref())
    })?;
    Some(StateFile::new(path))
}

/// Where the configuration file is read from.
pub fn config_path() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CONFIG_HOME").map(PathBuf::from);
    let home = std::env::var_os("HOME").map(PathBuf::from);
    crate::config::default_path(xdg.as_deref(), home.as_deref())
}

/// Reads the configuration file; a missing one (or no home to look in)
/// is the default configuration.
fn load_config() -> Result<crate::config::Config, crate::config::ConfigError> {
    match config_path() {
        Some(path) => crate::config::load(&path, &tui::keymap::action_names()),
        None => Ok(crate::config::Config::default()),
    }
}

/// `tintuc config`: check the file; or the default file, where the file
/// is read from, the commands keys can be bound to.
fn config_command(args: &ConfigArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    if args.default {
        out.write_all(crate::config::DEFAULT_CONFIG.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.actions {
        let width = tui::keymap::ACTIONS
            .iter()
            .map(|a| a.name.len())
            .max()
            .unwrap_or(0);
        let keys_width = tui::keymap::ACTIONS
            .iter()
            .map(|a| unicode_width::UnicodeWidthStr::width(a.keys))
            .max()
            .unwrap_or(0);
        for a in tui::keymap::ACTIONS {
            let pad = keys_width - unicode_width::UnicodeWidthStr::width(a.keys);
            writeln!(
                out,
                "{:width$}  {}{}  {}",
                a.name,
                a.keys,
                " ".repeat(pad),
                a.about
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = config_path() else {
        anyhow::bail!("neither XDG_CONFIG_HOME nor HOME is set");
    };
    if args.path {
        writeln!(out, "{}", path.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    if !path.exists() {
        writeln!(
            out,
            "{}: no such file; the defaults apply \
             (`tintuc config --default > {}` writes a commented one)",
            path.display(),
            path.display()
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    match load_config() {
        Ok(_) => {
            writeln!(out, "{}: valid", path.display())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("tintuc: {e}");
            Ok(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

/// `tintuc check`: counts and every problem.
pub fn check(source: &DataSource, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let progress = Arc::new(Progress::new());
    let line = ProgressLine::start(&source.name(), Arc::clone(&progress));
    let report = load::read_with(source, &progress);
    line.finish();
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

/// `tintuc ingest`: raw articles → a collection. Failures are reported on
/// stderr and make the exit code 2; the other files are still written.
pub fn ingest(args: &IngestArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let progress = Arc::new(Progress::new());
    let line = ProgressLine::start("raw articles", Arc::clone(&progress));
    let batch = crate::ingest::ingest_paths_with(&args.paths, &progress);
    line.finish();
    let mut err = std::io::stderr().lock();
    if args.verbose {
        let g = crate::gazetteer::Gazetteer::embedded();
        for (path, ingested) in &batch.articles {
            write!(err, "{}", crate::ingest::describe(path, ingested, g))?;
        }
    }
    for failure in &batch.failures {
        writeln!(err, "tintuc: {failure}")?;
    }
    let articles: Vec<crate::model::Article> =
        batch.articles.into_iter().map(|(_, i)| i.article).collect();
    let json = crate::model::to_json(&articles);
    match &args.output {
        Some(path) => {
            write_atomically(path, json.as_bytes())?;
            if args.verbose || !batch.failures.is_empty() {
                writeln!(
                    err,
                    "wrote {} articles to {}",
                    articles.len(),
                    path.display()
                )?;
            }
        }
        None => out.write_all(json.as_bytes())?,
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

/// Writes `bytes` to `path` through a temporary file in the same
/// directory, renamed into place: readers never see half a file.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// What the command line says about the browser.
struct BrowseOptions {
    lang: Option<UiLang>,
    no_osc52: bool,
    state: Option<StateFile>,
}

/// Without a subcommand: the browser.
fn browse(source: &DataSource, options: BrowseOptions) -> anyhow::Result<ExitCode> {
    // A configuration with a mistake is not guessed at: fixed first.
    let config = match load_config() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("tintuc: {e}");
            eprintln!("tintuc: fix the configuration (`tintuc config` checks it) and start again");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    let lang = match (options.lang, config.language) {
        (Some(UiLang::Vi), _) | (None, crate::config::Language::Vi) => Lang::Vi,
        (Some(UiLang::En), _) | (None, crate::config::Language::En) => Lang::En,
        (None, crate::config::Language::Auto) => Lang::from_env(),
    };
    // Loaded and indexed in a worker, the screen showing how far it has
    // got when that takes long.
    let on_terminal = std::io::stdout().is_terminal();
    let progress = Arc::new(Progress::new());
    let work = {
        let (source, progress) = (source.clone(), Arc::clone(&progress));
        move || {
            let opened = load::open_with(&source, &progress)?;
            // Nothing will be shown: no index is needed.
            let engine = on_terminal.then(|| {
                progress.start_indexing(opened.collection.articles.len() as u64);
                Engine::new(opened.collection)
            });
            Ok::<_, load::LoadError>((engine, opened.problems))
        }
    };
    let (engine, problems) = match tui::loading::load(lang, progress, work)? {
        tui::loading::Loaded::Ready(Ok(loaded)) => loaded,
        tui::loading::Loaded::Ready(Err(e)) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
        tui::loading::Loaded::Ended(ending) => return Ok(ExitCode::from(ending.exit_code())),
    };
    // Drawing into a pipe or a file would only write escape sequences.
    let Some(engine) = engine else {
        eprintln!("{}", lang.strings().not_a_terminal);
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    };
    let theme = tui::Theme::from_env().with_spec(&config.theme);
    let mut state = tui::State::new(engine, lang, theme, 0, 0);
    let settings = tui::state::Settings {
        keymap: tui::keymap::Keymap::new(&config.keys),
        reading_width: config.reading_width,
        osc52: config.osc52 && !options.no_osc52,
        mouse: config.mouse,
    };
    state.configure(settings, config.sort);
    let mut moved_aside = None;
    if let Some(file) = &options.state {
        let (reading, note) = file.load();
        state.restore(reading);
        if let Some(crate::reading_state::LoadNote::MovedAside { to, reason }) = note {
            let text = state
                .strings
                .state_moved(&to.display().to_string(), &reason);
            state.notice = Some(tui::state::Notice {
                text: text.clone(),
                error: true,
            });
            moved_aside = Some(text);
        }
    }
    let skipped = load::Skipped::of(&problems);
    if !skipped.is_empty() && state.notice.is_none() {
        state.notice = Some(tui::state::Notice {
            text: state.strings.skipped(skipped),
            error: true,
        });
    }
    let ending = tui::terminal::browse(&mut state, options.state.as_ref())?;
    // The screen is gone: what was left out is listed where it stays.
    tell_skipped(&problems);
    // Said again where it stays readable once the screen is gone.
    if let Some(text) = moved_aside {
        eprintln!("tintuc: {text}");
    }
    if let Some(why) = &state.save_error {
        eprintln!("tintuc: {}", state.strings.save_failed(why));
    }
    Ok(ExitCode::from(ending.exit_code()))
}

/// Lists on stderr the problems that left something out of a collection
/// that was opened all the same, and what they cost.
fn tell_skipped(problems: &[load::Problem]) {
    if problems.is_empty() {
        return;
    }
    eprintln!("{}", load::Listed(problems));
    eprintln!(
        "tintuc: {} — `tintuc check` says why",
        load::Skipped::of(problems)
    );
}

/// `tintuc search`: ranked results as lines or JSON.
fn search(
    source: &DataSource,
    state: Option<&StateFile>,
    query: &str,
    limit: usize,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let progress = Arc::new(Progress::new());
    let line = ProgressLine::start(&source.name(), Arc::clone(&progress));
    let (mut engine, problems) = match load::open_with(source, &progress) {
        Ok(load::Opened {
            collection,
            problems,
        }) => {
            progress.start_indexing(collection.articles.len() as u64);
            (crate::search::Engine::new(collection), problems)
        }
        Err(e) => {
            line.finish();
            eprintln!("{e}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    line.finish();
    tell_skipped(&problems);
    // Read only: searching changes nothing, not even a corrupt file.
    let reading = match state.map(StateFile::peek) {
        Some(Ok(r)) => r,
        Some(Err(why)) => {
            if !crate::search::parse(query).flags().is_empty() {
                eprintln!(
                    "tintuc: cannot read the reading state {}: {why}; \
                     every article counts as unread",
                    state
                        .map(|s| s.path().display().to_string())
                        .unwrap_or_default()
                );
            }
            ReadingState::default()
        }
        None => ReadingState::default(),
    };
    engine.load_marks(|id| reading.marks(id));
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
    let progress = Arc::new(Progress::new());
    let line = ProgressLine::start(&source.name(), Arc::clone(&progress));
    let report = crate::benchmark::run_with(source, query, &progress);
    line.finish();
    let report = match report {
        Ok(r) => {
            tell_skipped(&r.problems);
            r
        }
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
