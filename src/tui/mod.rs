//! The terminal browser, in the Elm style:
//! `Event → Action → update(&mut State) → draw(&State)`.
//!
//! - [`action`]: what the user can ask for, and the modes (a leaf);
//! - [`keymap`]: keys to actions, by mode, read from one table of
//!   (modes, key, command) rows (pure);
//! - [`state`] and [`update`]: what is shown and how actions change it
//!   (pure; the line editor is in [`editor`], the configuration's
//!   choices in [`settings`]); the state is built without searching,
//!   and [`run::start`] runs the first search;
//! - [`view`]: drawing the state (reads it only), with [`layout`],
//!   [`wrap`], [`doc`] (an article laid out), [`paint`] (helpers the
//!   panes and overlays share) and [`theme`];
//! - one module per feature, each with its state, its `update` and its
//!   `draw`: [`list`] (the results), [`reader`] (the reading pane),
//!   [`find`] (the search in an article), [`places`] (the place picker),
//!   [`dates`] (the date picker);
//!   `update` routes each feature's actions (`Action::Places(..)`,
//!   `Action::Find(..)`, ...) to it, and `view` draws each in its place;
//! - [`i18n`]: every string shown, in Vietnamese and English, and
//!   [`help`]: the help overlay and the key hints, with the keys as bound;
//! - [`run`]: the event loop, for any ratatui backend;
//! - [`terminal`]: the real terminal's setup and restore, and
//!   [`watchdog`], which ends the process when a signal goes unanswered;
//! - [`loading`]: the loading screen, while a large collection is read.

pub mod action;
pub mod backend;
pub mod dates;
pub mod doc;
pub mod editor;
pub mod facets;
pub mod find;
pub mod help;
pub mod i18n;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod loading;
pub mod paint;
pub mod places;
pub mod reader;
pub mod run;
pub mod settings;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod watchdog;
pub mod wrap;

pub use i18n::Lang;
pub use run::{EventSource, Input, run, start};
pub use state::{Action, Focus, Mode, Motion, State};
pub use theme::Theme;
pub use update::update;
pub use view::draw;
