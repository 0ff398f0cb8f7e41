//! Without a subcommand: the browser.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

use super::args::UiLang;
use super::{EXIT_BAD_INPUT, load_config, tell_skipped};
use crate::load::{self, DataSource};
use crate::output::{say, say_lines};
use crate::progress::Progress;
use crate::reading_state::{LoadNote, StateFile};
use crate::search::Engine;
use crate::search::open::IndexPlace;
use crate::tui::{self, Lang};

/// What the command line says about the browser.
pub(super) struct BrowseOptions {
    pub(super) lang: Option<UiLang>,
    pub(super) no_osc52: bool,
    pub(super) state: Option<StateFile>,
    pub(super) index: IndexPlace,
}

/// Without a subcommand: the browser.
pub(super) fn browse(source: &DataSource, options: BrowseOptions) -> anyhow::Result<ExitCode> {
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
    let (mut engine, problems) = match open_engine(source, &options.index, lang)? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let theme = tui::Theme::from_env().with_spec(&config.theme);
    engine.warm_up();
    engine.forgive_typos(config.typos);
    engine.read_telex(config.telex);
    let mut state = tui::State::new(engine, lang, theme, 0, 0);
    let settings = tui::state::Settings {
        keymap: tui::keymap::Keymap::new(&config.keys),
        reading_width: config.reading_width,
        osc52: config.osc52 && !options.no_osc52,
        mouse: config.mouse,
    };
    state.configure(settings, config.sort);
    let state_note = restore_reading(&mut state, options.state.as_ref(), &problems);
    // A file that could not be read (a device, a FIFO, too large) is left
    // as it is, and so is one from a newer tintuc: this session keeps no
    // state, as the note says.
    let left_alone = matches!(
        state_note,
        Some((
            _,
            LoadNote::NotRead { .. } | LoadNote::Partial { newer: Some(_), .. }
        ))
    );
    let keep_in = options.state.as_ref().filter(|_| !left_alone);
    tui::start(&mut state);
    let ending = tui::terminal::browse(&mut state, keep_in)?;
    // The screen is gone: what was left out is listed where it stays.
    tell_skipped(&problems);
    if let Some((text, note)) = state_note {
        say_state_note(&text, note);
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

/// The indexed collection and what loading it left out.
type Opened = (Engine, Vec<load::Problem>);

/// Loads and indexes the collection in a worker, the screen showing how
/// far it has got when that takes long; the exit code when it cannot be
/// browsed.
fn open_engine(
    source: &DataSource,
    index: &IndexPlace,
    lang: Lang,
) -> anyhow::Result<Result<Opened, ExitCode>> {
    let on_terminal = std::io::stdout().is_terminal();
    let progress = Arc::new(Progress::new());
    let work = {
        let (source, index, progress) = (source.clone(), index.clone(), Arc::clone(&progress));
        move || {
            if !on_terminal {
                // Nothing will be shown: the collection is read for what
                // is wrong with it, and no index is made.
                let opened = load::open_with(&source, &progress)?;
                return Ok::<_, load::LoadError>((None, opened.problems));
            }
            let opened = crate::search::open::open(&source, &index, &progress)?;
            Ok((Some((opened.engine, opened.how)), opened.problems))
        }
    };
    let (engine, problems) = match tui::loading::load(lang, progress, work)? {
        tui::loading::Loaded::Ready(Ok(loaded)) => loaded,
        tui::loading::Loaded::Ready(Err(e)) => {
            say_lines(&e);
            return Ok(Err(ExitCode::from(EXIT_BAD_INPUT)));
        }
        tui::loading::Loaded::Ended(ending) => return Ok(Err(ExitCode::from(ending.exit_code()))),
    };
    // Drawing into a pipe or a file would only write escape sequences.
    match engine {
        Some((engine, how)) => {
            super::search::tell_how(&how);
            Ok(Ok((engine, problems)))
        }
        None => {
            say_lines(lang.strings().not_a_terminal);
            Ok(Err(ExitCode::from(EXIT_BAD_INPUT)))
        }
    }
}

/// Puts the reading state back, and the notice the browser opens with:
/// why no state is kept, what the state file lost, or what the
/// collection left out. Returns the state file's note with its text.
fn restore_reading(
    state: &mut tui::State,
    file: Option<&StateFile>,
    problems: &[load::Problem],
) -> Option<(String, LoadNote)> {
    let mut state_note = None;
    match file {
        // No --state and no absolute XDG_STATE_HOME or HOME.
        None => {
            state.notice = Some(tui::state::Notice {
                text: state.strings.state_no_home.to_owned(),
                error: false,
            });
        }
        Some(file) => {
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
    }
    let skipped = load::Skipped::of(problems);
    if !skipped.is_empty() && state.notice.is_none() {
        state.notice = Some(tui::state::Notice {
            text: state.strings.skipped(skipped),
            error: true,
        });
    }
    state_note
}

/// Says the state file's note again where it stays readable once the
/// screen is gone, with every value that was left out.
fn say_state_note(text: &str, note: LoadNote) {
    say(format_args!("tintuc: {text}"));
    if let LoadNote::Partial { dropped, .. } = note {
        for value in dropped.iter().skip(1) {
            say(format_args!("tintuc:   also left out: {value}"));
        }
    }
}
