//! The command line's arguments, as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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
    /// or a saved page (.txt, .html, ingested on the fly), or a directory of them.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// The reading state (read and bookmarked articles, reading positions,
    /// query history); default $XDG_STATE_HOME/tintuc/state.json, else
    /// ~/.local/state/tintuc/state.json.
    #[arg(long, global = true, value_name = "PATH")]
    pub state: Option<PathBuf>,

    /// Keep the collection's search index in DIR: the first start indexes
    /// the collection there, later starts open it without reading the
    /// collection, until its files change. Default $TINTUC_INDEX (`memory`:
    /// made in memory at every start), else
    /// $XDG_CACHE_HOME/tintuc/index/<collection>, else
    /// ~/.cache/tintuc/index/<collection>.
    #[arg(long, global = true, value_name = "DIR")]
    pub index: Option<PathBuf>,

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
    /// Turn raw scraped article text and saved pages (.txt and .html files, or directories of them)
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
        /// Keywords as typed only: no word found through a typo.
        #[arg(long)]
        no_typos: bool,
        /// Keywords as typed only: not also read as Telex or VNI.
        #[arg(long)]
        no_telex: bool,
        /// Under each result, say how each keyword matched (as typed, read
        /// as Telex or VNI, through typos; in the title or the body), and
        /// which ranking rule put it above the next.
        #[arg(long)]
        explain: bool,
    },
    /// Build the collection's index on disk, or bring it up to date, and
    /// say what was done (see --index).
    Index {
        /// Index the collection again even when its index is up to date.
        #[arg(long)]
        rebuild: bool,
        /// Also print the index's articles, segments and size on disk.
        #[arg(long)]
        stats: bool,
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
    /// Raw article files, and directories searched for .txt and .html files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write the collection to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report, for each file, the encoding and what was found in it.
    #[arg(short, long)]
    pub verbose: bool,
}
