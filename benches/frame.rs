//! What a person feels in the browser: the time from a decoded key to a
//! drawn frame, through the functions the run loop calls (the key table,
//! `update`, `flush`, which runs the search, and `draw` of the whole
//! screen into a 120×40 `TestBackend`), at 10k and 100k synthetic
//! articles (generated in-process, deterministic).
//!
//! cargo bench --bench frame              # both sizes
//! TINTUC_BENCH_SIZES=10000 cargo bench --bench frame
//! cargo bench --bench frame -- typing    # one case
//! TINTUC_BENCH_DATA=articles.json TINTUC_BENCH_INDEX=DIR cargo bench --bench frame
//!     # on that collection, its index on disk (built first if need be),
//!     # as the browser opens it; no generated sizes
//! TINTUC_BENCH_QUERY='nghi quyte dai hoi' cargo bench --bench frame
//!     # another query typed (the default below)
//! TINTUC_BENCH_TYPOS=off cargo bench --bench frame
//!     # keywords as typed only, as `typos = false` in the configuration
//!
//! Cases: typing `nong thon moi @bacninh #2020` one key (one frame) at a
//! time from an empty query line, and the slowest of those keys on its
//! own; one step down the list with an empty query and with that query;
//! 30 characters pasted, as a bracketed paste and as a burst of keys.
//! Each is measured three ways: `frame` (the whole), `update` (key table,
//! update and search) and `draw`. Before the cases, the typing is
//! replayed and each key's median printed, which finds the slowest key.
//! First of all, a small collection checks that the path measured gives
//! the screen `tui::run` gives for the same events.

use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tintuc::benchmark::DEFAULT_QUERY;

/// The engine forgiving typos unless `TINTUC_BENCH_TYPOS=off`.
fn typos_as_told(mut engine: Engine) -> Engine {
    engine.forgive_typos(std::env::var("TINTUC_BENCH_TYPOS").map_or(true, |v| v != "off"));
    engine
}

/// The query typed: `TINTUC_BENCH_QUERY`, else [`DEFAULT_QUERY`].
fn query() -> &'static str {
    static QUERY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    QUERY.get_or_init(|| {
        std::env::var("TINTUC_BENCH_QUERY").unwrap_or_else(|_| DEFAULT_QUERY.into())
    })
}
#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/sizes.rs"]
mod sizes;
use corpus::Generator;
use sizes::{label, sizes};
use tintuc::load;
use tintuc::model::Collection;
use tintuc::progress::Progress;
use tintuc::search::Engine;
use tintuc::search::open::{IndexPlace, open};
use tintuc::tui::{self, Action, Lang, Mode, State, Theme};

/// The screen: a common terminal size with both panes shown.
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// Thirty characters pasted into the query line.
const PASTE: &str = "ve dich nong thon moi @bacninh";
/// Times the query is typed before the cases, to find the slowest key.
const PROFILE_ROUNDS: usize = 5;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Where the time of one batch of input went.
#[derive(Debug, Default, Clone, Copy)]
struct Split {
    /// The key table, `update` and `flush` (the search and the layout of
    /// the article shown).
    update: Duration,
    /// Drawing the whole screen into the terminal's buffer.
    draw: Duration,
}

impl Split {
    fn total(self) -> Duration {
        self.update + self.draw
    }

    fn add(self, other: Split) -> Split {
        Split {
            update: self.update + other.update,
            draw: self.draw + other.draw,
        }
    }

    fn part(self, part: Part) -> Duration {
        match part {
            Part::Frame => self.total(),
            Part::Update => self.update,
            Part::Draw => self.draw,
        }
    }
}

/// What a measurement reports of a batch.
#[derive(Debug, Clone, Copy)]
enum Part {
    Frame,
    Update,
    Draw,
}

impl Part {
    const ALL: [Part; 3] = [Part::Frame, Part::Update, Part::Draw];

    fn name(self) -> &'static str {
        match self {
            Part::Frame => "frame",
            Part::Update => "update",
            Part::Draw => "draw",
        }
    }
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// `text` typed, one key per character.
fn typed(text: &str) -> Vec<Event> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// The browser as the run loop holds it: the state and the terminal.
struct Browser {
    state: State,
    terminal: Terminal<TestBackend>,
}

impl Browser {
    /// A browser just started on `engine`, its first frame drawn, as
    /// `run` leaves it before the first event.
    fn new(engine: Engine) -> Browser {
        let engine = typos_as_told(engine);
        let state = State::new(engine, Lang::Vi, Theme::default(), WIDTH, HEIGHT);
        let Ok(terminal) = Terminal::new(TestBackend::new(WIDTH, HEIGHT));
        let mut browser = Browser { state, terminal };
        browser.state.set_coalesce(true);
        tui::update(&mut browser.state, Action::Resize(WIDTH, HEIGHT));
        browser.draw();
        browser
    }

    fn draw(&mut self) {
        let state = &self.state;
        let Ok(_) = self.terminal.draw(|frame| tui::draw(state, frame));
    }

    /// One batch of input as the run loop handles it: each event through
    /// the key table and `update`, then what the edits left waiting
    /// (`flush`: the search), then a frame if anything changed.
    fn batch(&mut self, events: &[Event]) -> Split {
        let start = Instant::now();
        let mut changed = false;
        for event in events {
            let keymap = &self.state.settings().keymap;
            if let Some(action) = keymap.event_action(self.state.mode(), event) {
                changed |= tui::update(&mut self.state, action);
            }
        }
        changed |= tui::flush(&mut self.state);
        let update = start.elapsed();
        let start = Instant::now();
        if changed {
            self.draw();
        }
        Split {
            update,
            draw: start.elapsed(),
        }
    }

    /// Each event in a batch of its own (keys typed one at a time).
    fn one_by_one(&mut self, events: &[Event]) -> Split {
        events
            .iter()
            .map(|e| self.batch(std::slice::from_ref(e)))
            .fold(Split::default(), Split::add)
    }

    /// Back to an empty query line with the focus on it, the engine
    /// having searched nothing but the empty query (as after start).
    fn empty_query(&mut self) {
        self.focus(Mode::Query);
        self.state.forget_searches();
        // A line already empty would not be searched again.
        self.one_by_one(&[ctrl('u'), key(KeyCode::Char('x')), ctrl('h')]);
    }

    /// Gives the focus to the list or the query line, by their keys.
    fn focus(&mut self, mode: Mode) {
        match (self.state.mode(), mode) {
            (Mode::List, Mode::Query) => self.batch(&[key(KeyCode::Char('/'))]),
            (Mode::Query, Mode::List) => self.batch(&[key(KeyCode::Tab)]),
            _ => Split::default(),
        };
        assert_eq!(self.state.mode(), mode, "the focus did not move");
    }

    /// One step down the list, back to the top (untimed) at its end.
    fn step_down(&mut self) -> Split {
        let last = self.state.results().hits.len().saturating_sub(1);
        if self.state.selected().is_none_or(|s| s >= last) {
            self.batch(&[key(KeyCode::Char('g'))]);
        }
        self.batch(&[key(KeyCode::Char('j'))])
    }
}

/// `n` generated articles, read as the browser reads a file.
fn collection(generator: &Generator, n: usize) -> Option<Collection> {
    let mut json = Vec::new();
    generator.write_json(n, 1, &mut json).ok()?;
    let json = String::from_utf8(json).ok()?;
    Some(Collection {
        articles: load::read_str("bench.json", &json).articles,
        origin: "bench".into(),
    })
}

fn group<'a>(c: &'a mut Criterion, name: &str, n: usize) -> BenchmarkGroup<'a, WallTime> {
    let big = n >= 50_000;
    let mut g = c.benchmark_group(format!("{name}/{}", label(n)));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(if big { 3 } else { 2 }));
    g.measurement_time(Duration::from_secs(if big { 15 } else { 6 }));
    g
}

/// Measures `case` three ways (the whole frame, the update, the draw).
/// `case` prepares what it needs untimed and returns the split of what
/// it times.
fn three_ways(
    mut g: BenchmarkGroup<WallTime>,
    browser: &mut Browser,
    mut case: impl FnMut(&mut Browser) -> Split,
) {
    for part in Part::ALL {
        g.bench_function(part.name(), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| case(browser).part(part)).sum())
        });
    }
    g.finish();
}

/// Types the query `PROFILE_ROUNDS` times from an empty line, prints
/// each key's median, and returns the index of the slowest key.
fn profile(browser: &mut Browser, keys: &[Event], n: usize) -> usize {
    let mut times = vec![Vec::new(); keys.len()];
    for _ in 0..PROFILE_ROUNDS {
        browser.empty_query();
        for (i, k) in keys.iter().enumerate() {
            times[i].push(browser.batch(std::slice::from_ref(k)));
        }
    }
    let mut every: Vec<Duration> = times.iter().flatten().map(|s| s.total()).collect();
    every.sort();
    // The `percent`th percentile, the nearest rank below.
    let quantile = |percent: usize| every[(every.len() - 1) * percent / 100];
    eprintln!(
        "typing/{}: every key of {PROFILE_ROUNDS} rounds ({} frames): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        label(n),
        every.len(),
        ms(quantile(50)),
        ms(quantile(99)),
        ms(quantile(100)),
    );
    let query: Vec<char> = query().chars().collect();
    // The slowest frames, which the p99 is one of: which key, which round.
    let mut frames: Vec<(Duration, usize, usize)> = times
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.iter().enumerate().map(move |(r, s)| (s.total(), i, r)))
        .collect();
    frames.sort_by_key(|f| std::cmp::Reverse(f.0));
    let named: Vec<String> = frames
        .iter()
        .take(4)
        .map(|&(t, i, r)| {
            let prefix: String = query[..=i].iter().collect();
            format!("{prefix:?} (round {}) {:.1} ms", r + 1, ms(t))
        })
        .collect();
    eprintln!("typing/{}: slowest frames: {}", label(n), named.join(", "));
    let mut slowest = (0, Duration::ZERO);
    eprintln!(
        "typing/{}: each key, median of {PROFILE_ROUNDS} (frame = update + draw, in ms; {} list rows in view)",
        label(n),
        browser.state.panes().list.height
    );
    for (i, mut t) in times.into_iter().enumerate() {
        t.sort_by_key(|s| s.total());
        let m = t[t.len() / 2];
        if m.total() > slowest.1 {
            slowest = (i, m.total());
        }
        let prefix: String = query[..=i].iter().collect();
        eprintln!(
            "  {prefix:<30} {:>8.2} = {:>8.2} + {:>8.2}",
            ms(m.total()),
            ms(m.update),
            ms(m.draw)
        );
    }
    slowest.0
}

/// Typing the query one key (one frame) at a time, then its slowest key
/// on its own.
fn typing(c: &mut Criterion, browser: &mut Browser, n: usize) {
    let keys = typed(query());
    let slowest = profile(browser, &keys, n);

    let mut g = group(c, "typing", n);
    g.throughput(Throughput::Elements(keys.len() as u64));
    three_ways(g, browser, |b| {
        b.empty_query();
        b.one_by_one(&keys)
    });

    let prefix: String = query().chars().take(slowest + 1).collect();
    eprintln!("slowest key/{}: {prefix:?}", label(n));
    three_ways(group(c, "slowest key", n), browser, |b| {
        b.empty_query();
        b.one_by_one(&keys[..slowest]);
        b.batch(&keys[slowest..=slowest])
    });
}

/// One step down the list (j), with an empty query and with the query.
fn list_step(c: &mut Criterion, browser: &mut Browser, n: usize) {
    browser.empty_query();
    browser.focus(Mode::List);
    three_ways(
        group(c, "step, empty query", n),
        browser,
        Browser::step_down,
    );

    browser.empty_query();
    browser.one_by_one(&typed(query()));
    browser.focus(Mode::List);
    let hits = browser.state.results().hits.len();
    eprintln!("step, query/{}: {hits} results", label(n));
    three_ways(group(c, "step, query", n), browser, Browser::step_down);
}

/// Thirty characters pasted: from the list as a bracketed paste (what
/// terminals send when the browser asks, as it does), and into the
/// query line as a burst of keys (terminals without bracketed paste:
/// the keys come together and are handled in one batch).
fn paste(c: &mut Criterion, browser: &mut Browser, n: usize) {
    assert_eq!(PASTE.chars().count(), 30);
    three_ways(group(c, "paste, bracketed", n), browser, |b| {
        b.empty_query();
        b.focus(Mode::List);
        b.batch(&[Event::Paste(PASTE.into())])
    });
    let keys = typed(PASTE);
    three_ways(group(c, "paste, 30 keys", n), browser, |b| {
        b.empty_query();
        b.batch(&keys)
    });
}

/// Events for `tui::run`, each one a batch of its own (keys typed by
/// hand: nothing else is waiting when one is handled).
struct OneByOne(VecDeque<Event>);

impl tui::EventSource for OneByOne {
    fn next(&mut self, _deadline: Option<Instant>) -> io::Result<Option<tui::Input>> {
        Ok(self.0.pop_front().map(tui::Input::Event))
    }

    fn ready(&mut self) -> io::Result<Option<tui::Input>> {
        Ok(None)
    }
}

/// The path measured is the run loop's: the same events, given to
/// `tui::run` and to [`Browser`], leave the same screen.
fn check_path(generator: &Generator) {
    let Some(collection) = collection(generator, 300) else {
        return;
    };
    let mut events = vec![key(KeyCode::Char('/'))];
    events.extend(typed(query()));
    events.extend([key(KeyCode::Tab), key(KeyCode::Char('j'))]);
    events.extend([ctrl('u'), Event::Paste(PASTE.into())]);

    let mut state = State::new(
        typos_as_told(Engine::new(collection.clone())),
        Lang::Vi,
        Theme::default(),
        WIDTH,
        HEIGHT,
    );
    let Ok(mut terminal) = Terminal::new(TestBackend::new(WIDTH, HEIGHT));
    let mut source = OneByOne(events.iter().cloned().collect());
    let frames = tui::run(&mut terminal, &mut source, &mut state, None);
    assert!(frames.is_ok_and(|f| f > 1), "the run loop drew no frame");

    let mut browser = Browser::new(Engine::new(collection));
    browser.one_by_one(&events);
    assert_eq!(
        terminal.backend().buffer(),
        browser.terminal.backend().buffer(),
        "the frame benchmark no longer takes the run loop's path"
    );
}

/// The engine the browser opens for `TINTUC_BENCH_DATA`, its index in
/// `TINTUC_BENCH_INDEX`, with what the first keystrokes need read ahead
/// (as the browser does while it waits for the first key).
fn on_disk() -> Option<Engine> {
    let data = std::env::var_os("TINTUC_BENCH_DATA")?;
    let index = std::env::var_os("TINTUC_BENCH_INDEX")?;
    let source = load::DataSource::Path(data.into());
    let place = IndexPlace::Dir(index.into());
    let opened = match open(&source, &place, &Progress::new()) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("cannot open the collection: {e}");
            std::process::exit(2);
        }
    };
    opened.engine.warm_up();
    Some(opened.engine)
}

fn benches(c: &mut Criterion) {
    let generator = Generator::new();
    check_path(&generator);
    if let Some(engine) = on_disk() {
        let n = engine.len();
        let mut browser = Browser::new(engine);
        typing(c, &mut browser, n);
        list_step(c, &mut browser, n);
        paste(c, &mut browser, n);
        return;
    }
    for n in sizes() {
        let Some(collection) = collection(&generator, n) else {
            continue;
        };
        let mut browser = Browser::new(Engine::new(collection));
        typing(c, &mut browser, n);
        list_step(c, &mut browser, n);
        paste(c, &mut browser, n);
    }
}

criterion_group!(frame, benches);
criterion_main!(frame);
