//! The browser at small and middling sizes: the help reflowed at every
//! width, pickers and the article at 100×30 and 40×12, the list widened
//! by hiding the reading pane.

mod common;

use common::{buffer, key, screen, state};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use tintuc::tui::Role;
use tintuc::tui::help_box;
use tintuc::tui::{Lang, Mode};

/// The words in the help box, row by row, split at spaces.
fn words_in_help_box(s: &tintuc::tui::State) -> Vec<String> {
    let buf = buffer(s);
    let area = help_box(s.help(), s.size());
    let mut words = Vec::new();
    for y in area.top() + 1..area.bottom().saturating_sub(1) {
        let mut row = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            row.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        words.extend(
            row.split(|c: char| c.is_whitespace() || c == '│')
                .filter(|w| !w.is_empty())
                .map(str::to_owned),
        );
    }
    words
}

/// Every word of the help is on screen whole, at every width from 40 to
/// 200: reflowed, never cut at the edge of its column.
#[test]
fn no_help_line_is_cut_mid_word_at_any_width() {
    for lang in [Lang::En, Lang::Vi] {
        for width in 40..=200 {
            let mut s = state(lang, width, 200);
            key(&mut s, KeyCode::Char('?'));
            assert_eq!(s.mode(), Mode::Help);
            let mut expected: Vec<String> = Vec::new();
            for (heading, keys) in &s.help().sections {
                expected.extend(heading.split_whitespace().map(str::to_owned));
                for (k, what) in keys {
                    expected.extend(k.split_whitespace().map(str::to_owned));
                    expected.extend(what.split_whitespace().map(str::to_owned));
                }
            }
            let mut shown = words_in_help_box(&s);
            expected.sort();
            shown.sort();
            assert_eq!(shown, expected, "{lang:?} at {width} columns");
        }
    }
}

#[test]
fn help_at_100x30_and_40x12() {
    for (w, h, name) in [(100, 30, "help_en_100x30"), (40, 12, "help_en_40x12")] {
        let mut s = state(Lang::En, w, h);
        key(&mut s, KeyCode::Char('?'));
        assert_snapshot!(name, screen(&s));
    }
}

#[test]
fn pickers_at_100x30_and_40x12() {
    for (w, h) in [(100, 30), (40, 12)] {
        let mut s = state(Lang::Vi, w, h);
        key(&mut s, KeyCode::Char('p'));
        assert_eq!(s.mode(), Mode::Places);
        assert_snapshot!(format!("places_vi_{w}x{h}"), screen(&s));
        key(&mut s, KeyCode::Esc);
        key(&mut s, KeyCode::Char('d'));
        assert_eq!(s.mode(), Mode::Dates);
        assert_snapshot!(format!("dates_vi_{w}x{h}"), screen(&s));
    }
}

/// Rows of the place picker that end a place's parents without saying
/// they were cut.
#[test]
fn place_parents_are_cut_with_an_ellipsis() {
    let mut s = state(Lang::Vi, 40, 12);
    key(&mut s, KeyCode::Char('p'));
    let text = screen(&s);
    let rows: Vec<&str> = text.lines().collect();
    // Every place row whose context reaches the box's edge ends in "…".
    let mut cut = 0;
    for row in &rows[2..rows.len() - 2] {
        let inside: String = row.chars().skip(1).take(38).collect();
        if inside.trim_end().chars().count() == 38 {
            cut += 1;
            assert!(inside.ends_with('…'), "{row}");
        }
    }
    assert!(cut > 0, "some parents are long at 40 columns:\n{text}");
}

/// The date picker's line about the selection, too long for 40 columns,
/// says that it was cut.
#[test]
fn the_date_pickers_line_is_cut_with_an_ellipsis() {
    let mut s = state(Lang::En, 40, 12);
    key(&mut s, KeyCode::Char('d'));
    assert_eq!(s.mode(), Mode::Dates);
    let text = screen(&s);
    let row = text
        .lines()
        .find(|r| r.contains("2025: "))
        .unwrap_or_else(|| panic!("a line about the selection:\n{text}"));
    let inside: String = row.chars().skip(1).take(38).collect();
    assert!(inside.ends_with('…'), "{row}\n{text}");
}

#[test]
fn reading_at_100x30_and_40x12() {
    for (w, h) in [(100, 30), (40, 12)] {
        let mut s = state(Lang::Vi, w, h);
        key(&mut s, KeyCode::Enter);
        assert_eq!(s.mode(), Mode::Reading);
        assert_snapshot!(format!("reading_vi_{w}x{h}"), screen(&s));
    }
}

/// On a small screen the article's header leaves room for its text:
/// with the article at its top, half the rows at least are body.
#[test]
fn the_header_leaves_room_for_the_text_on_small_screens() {
    for (w, h) in [(40, 12), (30, 10), (60, 14), (100, 30)] {
        for article in 0..5 {
            let mut s = state(Lang::Vi, w, h);
            for _ in 0..article {
                key(&mut s, KeyCode::Char('j'));
            }
            key(&mut s, KeyCode::Enter);
            let rows = usize::from(s.panes().reading_text.height);
            let doc = &s.reader().doc;
            // The header ends with the rule.
            let rule = (0..doc.len())
                .find(|&i| {
                    doc.line(i)
                        .and_then(|l| l.first())
                        .is_some_and(|p| p.role == Role::Rule)
                })
                .expect("a rule under the header");
            let first_body_line = rule + 1;
            assert!(
                first_body_line <= rows / 2,
                "{w}×{h} article {article}: body from line {first_body_line} of {rows} rows"
            );
        }
    }
}

/// `z` hides the reading pane: the list takes the whole width, an
/// article opened the whole screen; `z` shows the pane again. The
/// command has a name the configuration can bind.
#[test]
fn z_hides_the_reading_pane_and_widens_the_list() {
    use std::collections::BTreeMap;
    use tintuc::config::KeySpec;
    use tintuc::tui::Settings;
    use tintuc::tui::keymap::Keymap;

    let mut s = state(Lang::En, 100, 30);
    let narrow = s.panes().list.width;
    assert!(narrow < 50, "{narrow}");
    let title = s
        .engine()
        .article(s.selected_article().expect("selected"))
        .expect("article")
        .title
        .clone();
    assert!(!screen(&s).contains(&title), "cut beside the article");
    key(&mut s, KeyCode::Char('z'));
    assert_eq!(s.panes().list.width, 100);
    assert_eq!(s.panes().reading_text.width, 0);
    let wide = screen(&s);
    assert!(wide.contains(&title), "{wide}");
    assert_snapshot!("list_without_reading_en_100x30", wide);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.mode(), Mode::Reading);
    assert_eq!(s.panes().list.width, 0, "the article takes the screen");
    assert!(s.panes().reading_text.height >= 26);
    key(&mut s, KeyCode::Char('z'));
    assert_eq!(s.panes().list.width, narrow);
    assert!(s.panes().reading_text.width > 0);
    assert!(s.help().sections[0].1.iter().any(|(k, _)| k == "z"));

    // Bound to another key by its name.
    let mut keys = BTreeMap::new();
    let spec = KeySpec::parse("\\").unwrap_or_else(|e| panic!("{e}"));
    keys.insert("toggle_reading".to_string(), vec![spec]);
    let mut s = state(Lang::En, 100, 30);
    s.configure(
        Settings {
            keymap: Keymap::new(&keys),
            ..Settings::default()
        },
        tintuc::search::SortOrder::Relevance,
    );
    tintuc::tui::start(&mut s);
    key(&mut s, KeyCode::Char('z'));
    assert_eq!(s.panes().list.width, narrow);
    key(&mut s, KeyCode::Char('\\'));
    assert_eq!(s.panes().list.width, 100);
}
