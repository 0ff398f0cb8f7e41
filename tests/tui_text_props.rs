//! Properties of wrapping and of the line editor, on Vietnamese text in
//! any normal form.

use proptest::prelude::*;
use tintuc::tui::editor::{Edit, LineEditor};
use tintuc::tui::wrap::{segments, wrap};
use unicode_normalization::{UnicodeNormalization, is_nfc};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Words of Vietnamese letters (precomposed or decomposed), wide CJK
/// characters now and then, separated by one or more spaces.
fn text() -> impl Strategy<Value = String> {
    let word = prop::collection::vec(
        prop::sample::select(vec![
            "a",
            "ă",
            "â",
            "đ",
            "ệ",
            "ở",
            "Ư",
            "o\u{31b}\u{300}",
            "e\u{302}\u{323}",
            "n",
            "g",
            "h",
            "中",
            "-",
            ",",
            "“",
        ]),
        1..12,
    )
    .prop_map(|parts| parts.concat());
    prop::collection::vec((word, 1usize..3), 0..25).prop_map(|words| {
        words
            .into_iter()
            .map(|(w, spaces)| format!("{w}{}", " ".repeat(spaces)))
            .collect()
    })
}

proptest! {
    #[test]
    fn wrapped_lines_fit_and_lose_nothing(text in text(), width in 1usize..40) {
        let lines = wrap(&text, width);
        prop_assert!(!lines.is_empty());
        let mut last_end = 0;
        for line in &lines {
            prop_assert!(line.start >= last_end && line.start <= line.end);
            prop_assert!(text.is_char_boundary(line.start) && text.is_char_boundary(line.end));
            let piece = &text[line.clone()];
            // Only a single grapheme wider than the line may overflow it.
            prop_assert!(
                piece.width() <= width || piece.graphemes(true).count() == 1,
                "{:?} is wider than {}", piece, width
            );
            last_end = line.end;
        }
        // The words, in order, are all there.
        let words: Vec<&str> = text.split_whitespace().collect();
        let rewrapped: Vec<&str> = lines
            .iter()
            .flat_map(|l| text[l.clone()].split_whitespace())
            .collect();
        prop_assert_eq!(rewrapped.concat(), words.concat());
        // A word is cut only when it is longer than a line.
        for line in lines.windows(2) {
            let cut = line[0].end;
            if cut == line[1].start {
                let before = text[..cut].split_whitespace().next_back().unwrap_or_default();
                let after = text[cut..].split_whitespace().next().unwrap_or_default();
                let run = format!("{before}{after}");
                prop_assert!(run.width() > width, "{:?} cut at {}", run, cut);
            }
        }
    }

    #[test]
    fn segments_cover_the_line_with_the_right_marks(
        text in text(),
        width in 1usize..40,
        marks in prop::collection::vec((0usize..200, 0usize..20, 1u8..4), 0..6),
    ) {
        let marks: Vec<(std::ops::Range<usize>, u8)> = marks
            .into_iter()
            .map(|(s, n, m)| (s.min(text.len())..(s + n).min(text.len()), m))
            .collect();
        for line in wrap(&text, width) {
            let segs = segments(line.clone(), &marks);
            prop_assert_eq!(segs.first().map(|s| s.0.start), Some(line.start));
            prop_assert_eq!(segs.last().map(|s| s.0.end), Some(line.end));
            for pair in segs.windows(2) {
                prop_assert_eq!(pair[0].0.end, pair[1].0.start);
            }
            for (range, mark) in &segs {
                for at in range.clone() {
                    let expected = marks
                        .iter()
                        .filter(|(r, _)| r.contains(&at))
                        .map(|(_, m)| *m)
                        .max()
                        .unwrap_or(0);
                    prop_assert_eq!(*mark, expected, "byte {}", at);
                }
            }
        }
    }

    #[test]
    fn the_editor_keeps_nfc_and_whole_letters(
        edits in prop::collection::vec(
            prop_oneof![
                3 => prop::sample::select(vec!['a', 'e', 'o', 'đ', ' ', '\u{302}', '\u{301}', '\u{31b}', '\u{1b}', '\u{202e}'])
                    .prop_map(Edit::Insert),
                1 => "[aeđ\u{300}\u{323} \n\t]{0,6}".prop_map(Edit::InsertStr),
                3 => prop::sample::select(vec![
                    Edit::Left, Edit::Right, Edit::Home, Edit::End, Edit::Backspace,
                    Edit::Delete, Edit::DeleteWordBack, Edit::DeleteToEnd, Edit::Clear,
                ]),
            ],
            0..40,
        ),
    ) {
        let mut e = LineEditor::default();
        for edit in &edits {
            e.apply(edit);
            let text = e.text();
            prop_assert!(is_nfc(text), "{:?}", text);
            prop_assert!(!text.contains(['\u{1b}', '\u{202e}', '\n', '\t']), "{:?}", text);
            // The cursor is between two letters, never inside one.
            let boundaries: Vec<usize> = text
                .grapheme_indices(true)
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            prop_assert!(boundaries.contains(&e.cursor()), "{:?} at {}", text, e.cursor());
        }
        // What was typed reads the same in NFD.
        let nfd: String = e.text().nfd().collect();
        prop_assert_eq!(nfd.nfc().collect::<String>(), e.text());
    }
}
