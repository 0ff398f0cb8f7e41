//! Driving the browser in tests: a state on the seed collection, keys
//! through the real keymap, and the screen as text.

#![allow(dead_code)]

pub mod screen_read;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tintuc::load::{self, DataSource};
use tintuc::search::Engine;
use tintuc::tui::{self, Lang, State, Theme};

pub fn collection() -> tintuc::model::Collection {
    load::load(&DataSource::Path("data/articles.json".into())).expect("seed collection loads")
}

pub fn state(lang: Lang, width: u16, height: u16) -> State {
    let mut s = State::new(
        Engine::new(collection()),
        lang,
        Theme::default(),
        width,
        height,
    );
    tui::start(&mut s);
    s
}

pub fn plain_state(lang: Lang, width: u16, height: u16) -> State {
    let mut s = state(lang, width, height);
    s.set_theme(Theme::plain());
    s
}

/// Sends one key through the state's keymap (the configured one), in
/// the current mode.
pub fn key(state: &mut State, code: KeyCode) {
    key_with(state, code, KeyModifiers::NONE);
}

pub fn ctrl(state: &mut State, c: char) {
    key_with(state, KeyCode::Char(c), KeyModifiers::CONTROL);
}

pub fn key_with(state: &mut State, code: KeyCode, modifiers: KeyModifiers) {
    let event = KeyEvent::new(code, modifiers);
    if let Some(action) = state.settings().keymap.key_action(state.mode(), &event) {
        tui::update(state, action);
    }
}

/// Types `text` one character at a time.
pub fn typed(state: &mut State, text: &str) {
    for c in text.chars() {
        key(state, KeyCode::Char(c));
    }
}

/// Draws the state into a fresh buffer of its size.
/// From the list: a fresh query typed and submitted, as a person would.
pub fn submit_query(state: &mut State, query: &str) {
    key(state, KeyCode::Char('/'));
    ctrl(state, 'u');
    typed(state, query);
    key(state, KeyCode::Enter);
}

pub fn buffer(state: &State) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(state.size().width, state.size().height))
        .expect("test terminal");
    terminal
        .draw(|frame| tui::draw(state, frame))
        .expect("draws");
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces kept so that
/// the layout is visible.
pub fn screen(state: &State) -> String {
    let buf = buffer(state);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(&line);
        out.push_str("│\n");
    }
    out
}

/// The screen's styles: per row, each run of cells with the same
/// non-default style, as `x..x fg bg modifiers`.
pub fn styles(state: &State) -> String {
    let buf = buffer(state);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut runs: Vec<(u16, u16, String)> = Vec::new();
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let style = format!("{:?} {:?} {:?}", cell.fg, cell.bg, cell.modifier);
            match runs.last_mut() {
                Some((_, end, s)) if *s == style && *end == x => *end = x + 1,
                _ => runs.push((x, x + 1, style)),
            }
        }
        let default = "Reset Reset NONE";
        let shown: Vec<String> = runs
            .into_iter()
            .filter(|(_, _, s)| s != default)
            .map(|(a, b, s)| format!("{a}..{b} {s}"))
            .collect();
        if !shown.is_empty() {
            out.push_str(&format!("{y:2}: {}\n", shown.join(" | ")));
        }
    }
    out
}

/// The places of [`paging_collection`], one per article in turn: more
/// than a picker shows on a page.
pub const PAGING_PLACES: &[&str] = &[
    "Từ Sơn",
    "Thường Tín",
    "Đông Anh",
    "Gia Lâm",
    "Sóc Sơn",
    "Ba Vì",
    "Mê Linh",
    "Thạch Thất",
    "Quốc Oai",
    "Chương Mỹ",
    "Thanh Oai",
    "Ứng Hòa",
    "Mỹ Đức",
    "Phú Xuyên",
    "Thanh Trì",
    "Hoài Đức",
    "Đan Phượng",
    "Phúc Thọ",
    "Sơn Tây",
    "Hà Đông",
    "Long Biên",
    "Cầu Giấy",
];

/// A collection made for paging to show: 60 articles ("Bài 01" … "Bài
/// 60", newest first by number), dated from 2016 to 2025 in every month,
/// each of 40 numbered paragraphs, each with one place.
pub fn paging_collection() -> tintuc::model::Collection {
    static PAGING: std::sync::OnceLock<tintuc::model::Collection> = std::sync::OnceLock::new();
    PAGING.get_or_init(build_paging_collection).clone()
}

fn build_paging_collection() -> tintuc::model::Collection {
    let mut items = Vec::new();
    for n in 1..=60usize {
        let year = 2016 + (n - 1) / 6;
        let month = 1 + ((n - 1) % 6) * 2;
        let place = PAGING_PLACES[(n - 1) % PAGING_PLACES.len()];
        let body: Vec<String> = (1..=40)
            .map(|p| format!("\"Bài {n:02} đoạn {p:02}: chuyện làng xã, nông thôn.\""))
            .collect();
        items.push(format!(
            r#"{{"id":"p{n:02}","title":"Bài {n:02} ở {place}","date":"{year}-{month:02}-{day:02}","places":["{place}"],"body":[{body}]}}"#,
            day = 1 + n % 28,
            body = body.join(","),
        ));
    }
    let text = format!("[{}]", items.join(",\n"));
    let report = load::read_str("paging.json", &text);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    tintuc::model::Collection {
        articles: report.articles,
        origin: "paging.json".into(),
    }
}

/// The browser, without colour, on [`paging_collection`].
pub fn paging_state(width: u16, height: u16) -> State {
    let mut s = State::new(
        Engine::new(paging_collection()),
        Lang::En,
        Theme::plain(),
        width,
        height,
    );
    tui::start(&mut s);
    s
}
