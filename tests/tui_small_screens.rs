//! The browser at small and middling sizes: the help reflowed at every
//! width, pickers and the article at 100×30 and 40×12, the list widened
//! by hiding the reading pane.

mod common;

use common::{buffer, key, screen, state};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use tintuc::tui::layout;
use tintuc::tui::{Lang, Mode};

/// The words in the help box, row by row, split at spaces.
fn words_in_help_box(s: &tintuc::tui::State) -> Vec<String> {
    let buf = buffer(s);
    let area = layout::help_box(&s.help, s.size);
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
            for (heading, keys) in &s.help.sections {
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
