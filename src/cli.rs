//! The command line: argument definitions and what each command does.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};

use crate::load::{self, DataSource};
use crate::model::Stats;
use crate::output::{StdoutWriter, report_line, say, say_lines};
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
    /// Search the collection and print the ranked results (date, places, title);
    /// exit 1 when nothing matches, as grep.
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
    let Some(command) = cli.command else {
        // The browser writes to the terminal itself, and a terminal that
        // went away (a hangup) is an ending, not an output error.
        let options = BrowseOptions {
            lang: cli.lang,
            no_osc52: cli.no_osc52,
            state: state_file(cli.state),
        };
        return browse(&source, options);
    };
    let mut out = StdoutWriter(std::io::stdout().lock());
    let code = match command {
        Command::Check => check(&source, &mut out),
        Command::Ingest(args) => ingest(&args, &mut out),
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
        Command::Config(args) => config_command(&args, &mut out),
        Command::Search { query, limit, json } => {
            let state = state_file(cli.state);
            search(&source, state.as_ref(), &query, limit, json, &mut out)
        }
        Command::Bench {
            query,
            json,
            verbose,
        } => bench(&source, &query, json, verbose, &mut out),
    }?;
    // What is still buffered must reach its place too, or be an error.
    out.flush()?;
    Ok(code)
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
        anyhow::bail!("neither XDG_CONFIG_HOME nor HOME is set to an absolute path");
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
            say(format_args!("tintuc: {e}"));
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
            say(format_args!("tintuc: {e}"));
            say("tintuc: fix the configuration (`tintuc config` checks it) and start again");
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
                Engine::counting(opened.collection, Some(&progress))
            });
            Ok::<_, load::LoadError>((engine, opened.problems))
        }
    };
    let (engine, problems) = match tui::loading::load(lang, progress, work)? {
        tui::loading::Loaded::Ready(Ok(loaded)) => loaded,
        tui::loading::Loaded::Ready(Err(e)) => {
            say_lines(&e);
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
        tui::loading::Loaded::Ended(ending) => return Ok(ExitCode::from(ending.exit_code())),
    };
    // Drawing into a pipe or a file would only write escape sequences.
    let Some(engine) = engine else {
        say_lines(lang.strings().not_a_terminal);
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
    let mut state_note = None;
    if options.state.is_none() {
        // No --state and no absolute XDG_STATE_HOME or HOME.
        state.notice = Some(tui::state::Notice {
            text: state.strings.state_no_home.to_owned(),
            error: false,
        });
    }
    if let Some(file) = &options.state {
        let (reading, note) = file.load();
        state.restore(reading);
        if let Some(note) = note {
            let text = state
                .strings
                .state_note(&note, &file.path().display().to_string());
            state.notice = Some(tui::state::Notice {
                text: text.clone(),
                error: true,
            });
            state_note = Some((text, note));
        }
    }
    let skipped = load::Skipped::of(&problems);
    if !skipped.is_empty() && state.notice.is_none() {
        state.notice = Some(tui::state::Notice {
            text: state.strings.skipped(skipped),
            error: true,
        });
    }
    // A file that could not be read (a device, a FIFO, too large) is left
    // as it is, and so is one from a newer tintuc: this session keeps no
    // state, as the note says.
    let left_alone = matches!(
        state_note,
        Some((
            _,
            crate::reading_state::LoadNote::NotRead { .. }
                | crate::reading_state::LoadNote::Partial { newer: Some(_), .. }
        ))
    );
    let keep_in = options.state.as_ref().filter(|_| !left_alone);
    let ending = tui::terminal::browse(&mut state, keep_in)?;
    // The screen is gone: what was left out is listed where it stays.
    tell_skipped(&problems);
    // Said again where it stays readable once the screen is gone, with
    // every value that was left out.
    if let Some((text, note)) = state_note {
        say(format_args!("tintuc: {text}"));
        if let crate::reading_state::LoadNote::Partial { dropped, .. } = note {
            for value in dropped.iter().skip(1) {
                say(format_args!("tintuc:   also left out: {value}"));
            }
        }
    }
    if let Some(why) = &state.save_error {
        say(format_args!("tintuc: {}", state.strings.save_failed(why)));
        // The changes are lost: not a success, whatever ended the browser.
        if ending.exit_code() == 0 {
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    }
    Ok(ExitCode::from(ending.exit_code()))
}

/// Lists on stderr the problems that left something out of a collection
/// that was opened all the same, and what they cost.
fn tell_skipped(problems: &[load::Problem]) {
    if problems.is_empty() {
        return;
    }
    say_lines(load::Listed(problems));
    say(format_args!(
        "tintuc: {} — `tintuc check` says why",
        load::Skipped::of(problems)
    ));
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
            let engine = crate::search::Engine::counting(collection, Some(&progress));
            (engine, problems)
        }
        Err(e) => {
            line.finish();
            say_lines(&e);
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
    };
    engine.load_marks(|id| reading.marks(id));
    let results = engine.search(query, crate::search::SortOrder::Relevance);
    for hint in &results.hints {
        say(format_args!("tintuc: {hint}"));
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
        return Ok(found(results.hits.len()));
    }
    for h in &results.hits[..shown] {
        let a = &articles[h.article];
        let date = a
            .date
            .map(|d| d.strftime("%d/%m/%Y").to_string())
            .unwrap_or_else(|| "          ".into());
        report_line(
            out,
            format_args!("{date}  {}  {}", a.places.join(", "), a.title),
        )?;
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
    writeln!(out, "  load:          {:>9.1} ms", report.load_ms)?;
    writeln!(out, "  index:         {:>9.1} ms", report.index_ms)?;
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
