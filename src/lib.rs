//! tintuc: a terminal browser for collections of Vietnamese news articles.
//!
//! The library is the pure core (text folding and sanitising, the article
//! model, loading) plus the command-line entry point [`cli::run`]; nothing
//! in the core knows about terminals.

pub mod atomic_write;
pub mod benchmark;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod files;
pub mod gazetteer;
pub mod ingest;
pub mod load;
pub mod model;
pub mod output;
pub mod progress;
pub mod progress_line;
pub mod reading_state;
pub mod regular_file;
pub mod search;
pub mod text;
pub mod tui;
