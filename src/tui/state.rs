//! Everything the browser shows, in one value. `update` changes it,
//! `draw` reads it; nothing in here touches the terminal.

use std::ops::Range;

use super::editor::{History, Limit, LineEditor};
use super::facets::PlaceIndex;
use super::help::HelpText;
use super::i18n::{Lang, Strings};
use super::layout::{self, Arrangement, Panes};
use super::theme::Theme;
use crate::reading_state::ReadingState;
use crate::search::query::{MAX_QUERY_CHARS, MAX_QUERY_WORDS};
use crate::search::{Engine, Results, SortOrder};
use ratatui::layout::Rect;

pub use super::action::{Action, Effect, Mode, Motion};
pub use super::dates::DatePicker;
pub use super::places::PlacePicker;
pub use super::reader::Reader;
pub use super::settings::Settings;

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Query,
    Reading,
}

/// What the query line holds at most: the work per keystroke is bounded.
pub const QUERY_LIMIT: Limit = Limit {
    chars: MAX_QUERY_CHARS,
    words: MAX_QUERY_WORDS,
};

/// A message in the status bar, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Places(PlacePicker),
    Dates(DatePicker),
}

pub struct State {
    pub(super) engine: Engine,
    pub(crate) strings: &'static Strings,
    pub(crate) theme: Theme,
    /// The whole screen.
    pub(crate) size: Rect,
    pub(crate) focus: Focus,
    pub(crate) overlay: Option<Overlay>,
    pub(crate) query: LineEditor,
    /// Walking through `reading`'s query history.
    pub(crate) history: History,
    pub(crate) sort: SortOrder,
    /// The reading pane hidden: one pane at a time, whatever the size.
    pub(crate) reading_hidden: bool,
    pub(crate) results: Results,
    /// Index into `results.hits`; None only when there are none.
    pub(crate) selected: Option<usize>,
    /// The first result shown in the list.
    pub(crate) list_offset: usize,
    /// Title highlights of the rows in view: (article, ranges).
    pub(crate) row_marks: Vec<(usize, Vec<Range<usize>>)>,
    /// The query `row_marks` were computed for.
    pub(super) row_marks_query: String,
    pub(crate) reader: Reader,
    pub(super) places: Option<PlaceIndex>,
    /// What is remembered between runs: read, bookmarked, positions,
    /// queries. `update` changes it; the run loop saves it.
    pub(crate) reading: ReadingState,
    pub(crate) settings: Settings,
    /// The help overlay's text, with the keys as bound.
    pub(crate) help: HelpText,
    pub(crate) notice: Option<Notice>,
    /// Why the reading state could not be saved the last time it was
    /// tried; `None` once saved.
    pub(crate) save_error: Option<String>,
    /// Requests for the run loop, taken by it after each update.
    pub(crate) effects: Vec<Effect>,
    /// Set by the run loop: edits of the query or of the find wait for
    /// the end of the batch of input they came in (see `update::flush`).
    pub(crate) coalesce: bool,
    /// What waits for the end of the batch: (the search, the find).
    pub(super) pending: (bool, bool),
    pub(crate) quit: bool,
}

impl State {
    /// A browser on `engine`, showing every article, for a screen of
    /// `width` × `height`.
    pub fn new(engine: Engine, lang: Lang, theme: Theme, width: u16, height: u16) -> State {
        let mut state = State {
            engine,
            strings: lang.strings(),
            theme,
            size: Rect::new(0, 0, width, height),
            focus: Focus::List,
            overlay: None,
            query: LineEditor::bounded(QUERY_LIMIT),
            history: History::default(),
            sort: SortOrder::default(),
            reading_hidden: false,
            results: Results::default(),
            selected: None,
            list_offset: 0,
            row_marks: Vec::new(),
            row_marks_query: String::new(),
            reader: Reader::default(),
            places: None,
            reading: ReadingState::default(),
            settings: Settings::default(),
            help: HelpText::default(),
            notice: None,
            save_error: None,
            effects: Vec::new(),
            coalesce: false,
            pending: (false, false),
            quit: false,
        };
        state.help = HelpText::new(state.strings, &state.settings);
        state
    }

    /// Applies the configuration's choices (before the first search,
    /// [`super::update::start`], which orders the results by `sort`).
    pub fn configure(&mut self, settings: Settings, sort: SortOrder) {
        self.settings = settings;
        self.help = HelpText::new(self.strings, &self.settings);
        self.sort = sort;
    }

    /// Takes up where the last run left: the marks, the query and its
    /// history, the selected article (before the first search,
    /// [`super::update::start`]).
    pub fn restore(&mut self, reading: ReadingState) {
        self.reading = reading;
        self.query.set(self.reading.last_query());
        self.history = History::default();
        // Every article is shown anew, at its saved position; the first
        // search (`update::start`) selects the one that was selected.
        self.reader = Reader::default();
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Forgets earlier searches, so that typing a query again is measured
    /// as the first time (`benches/frame.rs`).
    pub fn forget_searches(&mut self) {
        self.engine.clear_cache();
    }

    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Places(_)) => Mode::Places,
            Some(Overlay::Dates(_)) => Mode::Dates,
            None if self.reader.find.editing.is_some() => Mode::Find,
            None => match self.focus {
                Focus::List => Mode::List,
                Focus::Query => Mode::Query,
                Focus::Reading => Mode::Reading,
            },
        }
    }

    /// The article at the selection.
    pub fn selected_article(&self) -> Option<usize> {
        self.selected
            .and_then(|i| self.results.hits.get(i))
            .map(|h| h.article)
    }

    pub fn arrangement(&self) -> Arrangement {
        self.arrangement_in(self.size)
    }

    /// The arrangement on a screen of `area`'s size.
    pub fn arrangement_in(&self, area: Rect) -> Arrangement {
        if self.reading_hidden {
            return Arrangement::Single;
        }
        layout::arrangement(area.width, area.height)
    }

    /// Whether the reading pane is what the one-pane arrangement shows.
    pub fn reading_shown(&self) -> bool {
        self.focus == Focus::Reading && self.selected.is_some()
    }

    pub fn panes(&self) -> Panes {
        layout::panes_in(
            self.size,
            self.arrangement(),
            self.reading_shown(),
            self.results.hits.len(),
            self.settings.reading_width,
        )
    }

    /// The id of article `index`.
    pub fn article_id(&self, index: usize) -> Option<String> {
        self.engine.article_id(index)
    }

    /// The most the article can scroll at the current size.
    pub fn max_scroll(&self) -> usize {
        let rows = usize::from(self.panes().reading_text.height);
        self.reader.doc.len().saturating_sub(rows)
    }
}

/// What the browser shows and holds, read-only: the run loop, the tests
/// and the frame benchmark observe the state through these; only
/// `update` (through actions) changes it.
impl State {
    pub fn query(&self) -> &LineEditor {
        &self.query
    }

    pub fn results(&self) -> &Results {
        &self.results
    }

    /// Index into `results().hits` of the selected row.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    pub fn reading(&self) -> &ReadingState {
        &self.reading
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn size(&self) -> Rect {
        self.size
    }

    pub fn sort(&self) -> SortOrder {
        self.sort
    }

    /// The first result shown in the list.
    pub fn list_offset(&self) -> usize {
        self.list_offset
    }

    pub fn help(&self) -> &HelpText {
        &self.help
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Why the reading state could not be saved, until it is.
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }

    /// Requests for the run loop not yet taken.
    pub fn effects(&self) -> &[Effect] {
        &self.effects
    }

    pub fn has_quit(&self) -> bool {
        self.quit
    }

    /// Colours and styles from now on.
    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    /// On: edits of the query or of the find wait for the end of the
    /// batch of input they came in ([`super::flush`]), as in the run loop.
    pub fn set_coalesce(&mut self, on: bool) {
        self.coalesce = on;
    }

    /// Shows engine notes (hints, place and date filters) other than the
    /// engine's own: how a front end shows what another engine said.
    pub fn show_notes(&mut self, hints: Vec<String>, places: Vec<String>, dates: Vec<String>) {
        self.results.hints = hints;
        self.results.places = places;
        self.results.dates = dates;
    }
}
