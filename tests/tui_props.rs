//! Properties of the browser: whatever the user does, the selection stays
//! inside the results, scrolling inside the article, and drawing at any
//! size never panics.

mod common;

use common::{buffer, state};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use tintuc::tui::Overlay;
use tintuc::tui::editor::Edit;
use tintuc::tui::{Action, Lang, Motion, State, keymap, update};
use tintuc::tui::{DatesAction, FindAction, ListAction, PlacesAction, ReaderAction};

fn motion() -> impl Strategy<Value = Motion> {
    prop::sample::select(vec![
        Motion::Up,
        Motion::Down,
        Motion::PageUp,
        Motion::PageDown,
        Motion::Top,
        Motion::Bottom,
    ])
}

/// Characters people type here: Vietnamese letters (NFC and combining
/// marks), query syntax, digits, space.
fn typed_char() -> impl Strategy<Value = char> {
    prop::sample::select(
        "aăâbcdđeêghiklmnoôơpqrstuưvxyĐƯ \u{300}\u{301}\u{303}\u{309}\u{323}@#\"'!|-./0123456789"
            .chars()
            .collect::<Vec<_>>(),
    )
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => typed_char().prop_map(Edit::Insert),
        1 => "[a-zđ@# ]{0,12}".prop_map(Edit::InsertStr),
        1 => prop::sample::select(vec![
            Edit::Left,
            Edit::Right,
            Edit::Home,
            Edit::End,
            Edit::Backspace,
            Edit::Delete,
            Edit::DeleteWordBack,
            Edit::DeleteToEnd,
            Edit::Clear,
        ]),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        2 => (0u16..=200, 0u16..=60).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => Just(Action::FocusQuery),
        1 => Just(Action::SwitchFocus),
        3 => motion().prop_map(|x| Action::List(ListAction::Select(x))),
        1 => Just(Action::List(ListAction::Open)),
        1 => Just(Action::Reader(ReaderAction::Back)),
        3 => motion().prop_map(|x| Action::Reader(ReaderAction::Scroll(x))),
        1 => Just(Action::Reader(ReaderAction::NextArticle)),
        1 => Just(Action::Reader(ReaderAction::PrevArticle)),
        8 => edit().prop_map(Action::Edit),
        1 => "[a-z ]{0,8}".prop_map(Action::Paste),
        1 => Just(Action::HistoryOlder),
        1 => Just(Action::HistoryNewer),
        1 => Just(Action::SubmitQuery),
        1 => Just(Action::Find(FindAction::Start)),
        1 => Just(Action::Find(FindAction::Submit)),
        1 => Just(Action::Find(FindAction::Cancel)),
        1 => Just(Action::Find(FindAction::Next)),
        1 => Just(Action::Find(FindAction::Prev)),
        1 => Just(Action::CycleSort),
        1 => Just(Action::Help),
        1 => Just(Action::CloseOverlay),
        1 => motion().prop_map(Action::HelpScroll),
        1 => Just(Action::Places(PlacesAction::Open)),
        1 => motion().prop_map(|x| Action::Places(PlacesAction::Move(x))),
        1 => Just(Action::Places(PlacesAction::ToggleSort)),
        1 => Just(Action::Places(PlacesAction::Choose)),
        1 => Just(Action::Dates(DatesAction::Open)),
        1 => (-3i32..=3).prop_map(|x| Action::Dates(DatesAction::Step(x))),
        1 => prop::sample::select(vec![Motion::Top, Motion::Bottom]).prop_map(|x| Action::Dates(DatesAction::Edge(x))),
        1 => Just(Action::Dates(DatesAction::Months)),
        1 => Just(Action::Dates(DatesAction::Years)),
        1 => Just(Action::Dates(DatesAction::Choose)),
        1 => Just(Action::ToggleBookmark),
        1 => Just(Action::Copy),
        1 => Just(Action::CopyTitle),
        2 => (0u16..=210, 0u16..=70, any::<bool>())
            .prop_map(|(column, row, down)| Action::Wheel { column, row, down }),
        2 => (0u16..=210, 0u16..=70).prop_map(|(column, row)| Action::Click { column, row }),
        1 => any::<bool>().prop_map(|marks_changed| Action::Saved { marks_changed }),
        1 => "[a-z ]{0,20}".prop_map(Action::SaveFailed),
    ]
}

/// Keys as a terminal sends them, to go through the keymap as well.
fn key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        4 => typed_char().prop_map(KeyCode::Char),
        4 => prop::sample::select("jkJKgGnNhlpdsq?/[] myY".chars().collect::<Vec<_>>())
            .prop_map(KeyCode::Char),
        3 => prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
        ]),
    ];
    let modifiers = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
    ]);
    (code, modifiers).prop_map(|(c, m)| KeyEvent::new(c, m))
}

#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    Key(KeyEvent),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![action().prop_map(Step::Act), key().prop_map(Step::Key)]
}

fn check_invariants(s: &State) -> Result<(), TestCaseError> {
    let len = s.results().hits.len();
    match s.selected() {
        None => prop_assert_eq!(len, 0, "nothing selected but {} results", len),
        Some(i) => prop_assert!(i < len, "selection {} of {}", i, len),
    }
    let rows = usize::from(s.panes().list.height);
    if let Some(i) = s.selected()
        && rows > 0
    {
        prop_assert!(
            s.list_offset() <= i && i < s.list_offset() + rows,
            "selection {} not in view {}+{}",
            i,
            s.list_offset(),
            rows
        );
    }
    prop_assert!(s.reader().scroll <= s.max_scroll());
    prop_assert_eq!(s.reader().article, s.selected_article());
    let cursor = s.query().cursor();
    prop_assert!(s.query().text().is_char_boundary(cursor));
    if let Some(Overlay::Places(p)) = &s.overlay() {
        prop_assert!(p.shown.is_empty() || p.selected < p.shown.len());
    }
    if let Some(Overlay::Dates(d)) = &s.overlay() {
        prop_assert!(d.timeline.years.is_empty() || d.year < d.timeline.years.len());
        prop_assert!(d.month < 12);
    }
    if let Some(c) = s.reader().find.current {
        prop_assert!(c < s.reader().find.hits.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_keeps_the_state_consistent(
        start in (0u16..=200, 0u16..=60),
        steps in prop::collection::vec(step(), 1..60),
    ) {
        let mut s = state(Lang::Vi, start.0, start.1);
        check_invariants(&s)?;
        for step in steps {
            match step {
                Step::Act(a) => {
                    update(&mut s, a);
                }
                Step::Key(k) => {
                    if let Some(a) = keymap::key_action(s.mode(), &k) {
                        update(&mut s, a);
                    }
                }
            }
            if s.has_quit() {
                break;
            }
            check_invariants(&s)?;
            // Drawing the state at its size never panics.
            let _ = buffer(&s);
        }
    }
}

/// Sizes to draw at: every small one, then in steps, always with the ends.
fn sizes(max: u16, step: usize) -> Vec<u16> {
    let mut v: Vec<u16> = (0..=6).collect();
    v.extend((7..=max).step_by(step));
    v.push(max);
    v.dedup();
    v
}

/// A browser after `keys` (characters of the string, `\n` for Enter).
fn after(keys: &str) -> State {
    let mut s = state(Lang::Vi, 80, 24);
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '↓' => KeyCode::Down,
            c => KeyCode::Char(c),
        };
        if let Some(a) = keymap::key_action(s.mode(), &KeyEvent::new(code, KeyModifiers::NONE)) {
            update(&mut s, a);
        }
    }
    s
}

fn states() -> Vec<(&'static str, State)> {
    vec![
        ("start", after("")),
        ("finding", after("\n /đảng")),
        ("reading", after("\n /đảng\nn")),
        ("help", after("?")),
        ("places", after("p")),
        ("places filtered", after("pso")),
        ("dates", after("d")),
        ("months", after("d↓")),
        ("no results", after("/xyzzy")),
    ]
}

#[test]
fn drawing_at_every_size_never_panics() {
    for (name, mut s) in states() {
        for w in sizes(200, 13) {
            for h in sizes(60, 7) {
                update(&mut s, Action::Resize(w, h));
                let buf = buffer(&s);
                assert_eq!((buf.area.width, buf.area.height), (w, h), "{name}");
            }
        }
    }
}

/// The run loop may draw before it has seen a resize: drawing must cope
/// with a frame of another size than the state was laid out for.
#[test]
fn drawing_into_a_frame_of_another_size_never_panics() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    for (name, s) in states() {
        for (w, h) in [(0, 0), (1, 1), (5, 3), (200, 60), (30, 80), (120, 2)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|f| tintuc::tui::draw(&s, f))
                .unwrap_or_else(|e| panic!("{name} {w}x{h}: {e}"));
        }
    }
}

/// Terminals far larger than any screen: nothing overflows.
#[test]
fn drawing_at_extreme_sizes_never_panics() {
    for (name, mut s) in states() {
        for (w, h) in [(u16::MAX, 3), (3, u16::MAX), (20_000, 40), (1, u16::MAX)] {
            update(&mut s, Action::Resize(w, h));
            let buf = buffer(&s);
            assert_eq!(buf.area.width, w, "{name}");
        }
    }
}
