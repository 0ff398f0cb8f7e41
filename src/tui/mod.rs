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

pub(crate) mod action;
pub(crate) mod backend;
pub(crate) mod dates;
pub(crate) mod doc;
pub mod editor;
pub(crate) mod facets;
pub(crate) mod find;
pub(crate) mod help;
pub mod i18n;
pub(crate) mod input;
pub mod keymap;
pub(crate) mod layout;
pub(crate) mod list;
pub(crate) mod loading;
pub(crate) mod paint;
pub(crate) mod places;
pub(crate) mod reader;
pub(crate) mod run;
pub(crate) mod settings;
pub(crate) mod state;
pub(crate) mod terminal;
pub(crate) mod theme;
pub(crate) mod update;
pub(crate) mod view;
pub(crate) mod watchdog;
pub mod wrap;

// The browser's public face: what embeds it (the command line), drives it
// (the tests, the frame benchmark) or configures it. Its modules are the
// crate's own, but for the key table, the line editor and text wrapping.
pub use action::{
    Action, Command, DatesAction, Effect, FindAction, ListAction, Mode, Motion, PlacesAction,
    ReaderAction,
};
pub use doc::Role;
pub use i18n::Lang;
pub use layout::help_box;
pub use run::{EventSource, Input, SAVE_DELAY, run, start};
pub use settings::Settings;
pub use state::{Focus, Notice, Overlay, State};
pub use theme::Theme;
pub use update::{flush, update};
pub use view::draw;
