//! How much of the text a highlight covers: the letters a keyword
//! matches, both words of a two-word query, the in-article match the
//! reader is on and the others. Cells are read with the theme's own
//! styles, so a change of palette does not matter, a change of extent
//! does.

mod common;

use common::{buffer, key, submit_query, typed};
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use tintuc::search::Engine;
use tintuc::tui::{Lang, State, Theme};

const ARTICLES: &str = r#"[
{"id":"a","title":"Nông thôn mới ở thôn Đông","date":"2024-05-01",
 "body":["Thôn Đông có đường thông thoáng.",
         "Chuyện nông thôn hôm nay: nông dân, thôn xóm.",
         "Xã Đông Hòa, xã Tây Hòa và các xã lân cận."]},
{"id":"b","title":"Thông tin xã Tây","date":"2023-05-01",
 "body":["Bản tin thông báo của xã."]}
]"#;

fn browser(theme: Theme) -> State {
    let report = tintuc::load::read_str("highlights.json", ARTICLES);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let collection = tintuc::model::Collection {
        articles: report.articles,
        origin: "highlights.json".into(),
    };
    let mut s = State::new(Engine::new(collection), Lang::En, theme, 100, 24);
    tintuc::tui::start(&mut s);
    s
}

/// Whether a cell is drawn in `style` (its colours, and at least its
/// modifiers).
fn drawn_in(buf: &Buffer, x: u16, y: u16, style: Style) -> bool {
    let cell = &buf[(x, y)];
    style.fg.is_none_or(|fg| cell.fg == fg)
        && style.bg.is_none_or(|bg| cell.bg == bg)
        && cell.modifier.contains(style.add_modifier)
}

/// The screen with the runs of each style bracketed: `{…}` for the
/// first style, `[…]` for the second, `<…>` for the third (a cell takes
/// the first that fits).
fn marked(buf: &Buffer, styles: &[Style]) -> Vec<String> {
    const MARKS: [(&str, &str); 3] = [("{", "}"), ("[", "]"), ("<", ">")];
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut open: Option<usize> = None;
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let which = styles.iter().position(|&st| drawn_in(buf, x, y, st));
            if which != open {
                if let Some(i) = open {
                    line.push_str(MARKS[i].1);
                }
                if let Some(i) = which {
                    line.push_str(MARKS[i].0);
                }
                open = which;
            }
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        if let Some(i) = open {
            line.push_str(MARKS[i].1);
        }
        out.push(line);
    }
    out
}

/// Every piece of a screen line (split at the panes' borders) that holds
/// `needle` once the marks are taken out, trimmed.
fn pieces(lines: &[String], needle: &str) -> Vec<String> {
    let plain = |t: &str| t.replace(['{', '}', '[', ']', '<', '>'], "");
    lines
        .iter()
        .flat_map(|l| l.split('│'))
        .filter(|p| plain(p).contains(needle))
        .map(|p| p.trim().to_string())
        .collect()
}

fn searched(query: &str) -> State {
    let mut s = browser(Theme::default());
    submit_query(&mut s, query);
    key(&mut s, KeyCode::Enter);
    s
}

fn keyword_lines(s: &State) -> Vec<String> {
    marked(&buffer(s), &[s.theme().keyword()])
}

#[test]
fn a_prefix_highlights_only_the_letters_typed() {
    let s = searched("thô");
    let lines = keyword_lines(&s);
    // In the list (with its date) and as the article's heading.
    let title = pieces(&lines, "thôn Đông");
    assert_eq!(title.len(), 2, "{lines:#?}");
    for t in &title {
        assert!(t.ends_with("Nông {thô}n mới ở {thô}n Đông"), "{t}");
    }
    let other = pieces(&lines, "ng tin xã Tây");
    assert_eq!(other.len(), 1, "{lines:#?}");
    assert!(other[0].ends_with("{Thô}ng tin xã Tây"), "{}", other[0]);
    assert_eq!(
        pieces(&lines, "có đường"),
        ["{Thô}n Đông có đường {thô}ng thoáng."],
        "a typed ô does not match the o of thoáng"
    );
    assert_eq!(
        pieces(&lines, "Chuyện"),
        ["Chuyện nông {thô}n hôm nay: nông dân, {thô}n xóm."]
    );
    assert_eq!(
        pieces(&lines, "lân cận"),
        ["Xã Đông Hòa, xã Tây Hòa và các xã lân cận."]
    );
}

#[test]
fn two_keywords_highlight_both_words_in_the_title_and_the_body() {
    let s = searched("nong thon");
    let lines = keyword_lines(&s);
    let title = pieces(&lines, "thôn Đông");
    assert_eq!(title.len(), 2, "{lines:#?}");
    for t in &title {
        assert!(t.ends_with("{Nông} {thôn} mới ở {thôn} Đông"), "{t}");
    }
    assert_eq!(
        pieces(&lines, "có đường"),
        ["{Thôn} Đông có đường {thôn}g thoáng."],
        "thon is a prefix of thông"
    );
    assert_eq!(
        pieces(&lines, "Chuyện"),
        ["Chuyện {nông} {thôn} hôm nay: {nông} dân, {thôn} xóm."]
    );
}

#[test]
fn a_whole_keyword_highlights_the_whole_word_and_the_start_of_longer_ones() {
    let s = searched("thôn");
    let lines = keyword_lines(&s);
    assert_eq!(
        pieces(&lines, "có đường"),
        ["{Thôn} Đông có đường {thôn}g thoáng."]
    );
}

#[test]
fn a_whole_word_term_highlights_the_whole_word_and_nothing_longer() {
    let s = searched("'thôn");
    let lines = keyword_lines(&s);
    assert_eq!(
        pieces(&lines, "có đường"),
        ["{Thôn} Đông có đường thông thoáng."]
    );
    assert_eq!(
        pieces(&lines, "Chuyện"),
        ["Chuyện nông {thôn} hôm nay: nông dân, {thôn} xóm."]
    );
}

#[test]
fn a_phrase_highlights_its_words_and_the_space_between_as_one() {
    let s = searched("\"nong thon\"");
    let lines = keyword_lines(&s);
    assert_eq!(
        pieces(&lines, "Chuyện"),
        ["Chuyện {nông thôn} hôm nay: nông dân, thôn xóm."]
    );
    let title = pieces(&lines, "thôn Đông");
    assert_eq!(title.len(), 2, "{lines:#?}");
    for t in &title {
        assert!(t.ends_with("{Nông thôn} mới ở thôn Đông"), "{t}");
    }
}

/// The in-article matches, the one the reader is on apart: `{…}` the
/// current one, `[…]` the others.
fn found_lines(s: &State) -> Vec<String> {
    marked(&buffer(s), &[s.theme().found_current(), s.theme().found()])
}

#[test]
fn the_match_the_reader_is_on_stands_apart_from_the_others() {
    for theme in [Theme::default(), Theme::plain()] {
        let mut s = browser(theme);
        key(&mut s, KeyCode::Enter);
        key(&mut s, KeyCode::Char('/'));
        typed(&mut s, "xã");
        key(&mut s, KeyCode::Enter);
        let steps: [(Option<KeyCode>, &str); 4] = [
            (None, "{Xã} Đông Hòa, [xã] Tây Hòa và các [xã] lân cận."),
            (
                Some(KeyCode::Char('n')),
                "[Xã] Đông Hòa, {xã} Tây Hòa và các [xã] lân cận.",
            ),
            (
                Some(KeyCode::Char('n')),
                "[Xã] Đông Hòa, [xã] Tây Hòa và các {xã} lân cận.",
            ),
            (
                Some(KeyCode::Char('N')),
                "[Xã] Đông Hòa, {xã} Tây Hòa và các [xã] lân cận.",
            ),
        ];
        for (step, want) in steps {
            if let Some(code) = step {
                key(&mut s, code);
            }
            let lines = found_lines(&s);
            assert_eq!(pieces(&lines, "lân cận"), [want], "{step:?}");
            // Nothing else in the article is marked: no keyword, no
            // other match.
            for other in ["Chuyện", "có đường"] {
                let p = pieces(&lines, other);
                assert!(!p[0].contains(['[', '{']), "{p:?}");
            }
        }
    }
}

/// The whole screen, keywords in `{…}`, in-article matches in `[…]`, the
/// current one in `<…>`: the list's titles, the heading and every line
/// of the article.
#[test]
fn whole_screen_with_its_highlights() {
    let mut s = searched("nong thon");
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "đông");
    key(&mut s, KeyCode::Enter);
    let theme = &s.theme();
    let lines = marked(
        &buffer(&s),
        &[theme.keyword(), theme.found(), theme.found_current()],
    );
    let text: Vec<&str> = lines.iter().map(|l| l.trim_end()).collect();
    insta::assert_snapshot!("nong_thon_find_dong_100x24", text.join("\n"));
}
