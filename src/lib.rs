//! tintuc: a terminal browser for collections of Vietnamese news articles.
//!
//! The library is the pure core, which knows nothing of terminals: text
//! folding and sanitising ([`text`]), the article model ([`model`]),
//! loading ([`load`]) and ingesting raw pages ([`ingest`]), the places
//! ([`gazetteer`]), search ([`search`]), what a reader has read and
//! bookmarked ([`reading_state`]), the configuration ([`config`]) and
//! the measurements `tintuc bench` and the benchmarks share
//! ([`benchmark`]). On top of it: the browser ([`tui`], whose update and
//! drawing the tests and the frame benchmark drive through a `TestBackend`)
//! and the command line ([`cli::main`]).

pub mod benchmark;
pub mod cli;
pub mod clipboard;
pub mod clock;
pub mod config;
pub mod gazetteer;
pub mod ingest;
pub mod load;
pub mod model;
pub mod reading_state;
pub mod search;
pub mod text;
pub mod tui;

pub(crate) mod atomic_write;
pub(crate) mod files;
pub(crate) mod output;
pub mod progress;
pub(crate) mod progress_line;
pub(crate) mod regular_file;
#[cfg(test)]
pub(crate) mod test_fs;
