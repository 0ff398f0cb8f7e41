//! Vietnamese letters: the twelve vowels with their six tones, and what
//! counts as a letter of a word.
//!
//! Decoding, tone placement and the index all take a toned vowel apart
//! into its toneless vowel and its tone: they read this one table.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Columns of [`VOWELS`]: the tones, in their conventional order.
pub const TONE_NONE: u8 = 0;
/// The two tones a stop final (c ch p t) allows.
pub const TONE_SAC: u8 = 2;
pub const TONE_NANG: u8 = 5;

/// The twelve vowels (rows) with the six tones (columns): none, huyền, sắc, hỏi, ngã, nặng.
/// Together with đ these give the 67 lowercase letters with diacritics (72 cells minus
/// plain a e i o u y, plus đ), and as many capitals: the project's 134 Vietnamese letters.
pub const VOWELS: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// Base vowel (row of [`VOWELS`]) and tone (column) of a lowercase vowel letter.
pub fn vowel_info(c: char) -> Option<(usize, u8)> {
    static MAP: OnceLock<HashMap<char, (usize, u8)>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for (row, vowels) in VOWELS.iter().enumerate() {
            for (tone, &c) in (0u8..).zip(vowels) {
                map.insert(c, (row, tone));
            }
        }
        map
    });
    map.get(&c).copied()
}

/// A lowercase vowel letter as its toneless vowel and its tone ('ờ' → ('ơ', huyền)).
pub fn split_tone(c: char) -> Option<(char, u8)> {
    vowel_info(c).map(|(row, tone)| (VOWELS[row][0], tone))
}

/// A toneless lowercase vowel with `tone` put on it ('ơ', huyền → 'ờ').
pub fn with_tone(vowel: char, tone: u8) -> Option<char> {
    let (row, _) = vowel_info(vowel)?;
    VOWELS[row].get(usize::from(tone)).copied()
}

/// A lowercase letter counts as Vietnamese if it is a vowel form or đ (capitals are
/// lowercased first).
pub fn is_vietnamese_letter(c: char) -> bool {
    c == 'đ' || vowel_info(c).is_some()
}

/// The lowercase of `c`, when it is one character.
pub fn single_lowercase(c: char) -> Option<char> {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// Whether `c` belongs to a word: a letter, a digit or a combining mark.
/// Words are what the index, the query and place names are split into.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Vietnamese letters, without a table lookup.
    if matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') {
        return !matches!(c, '\u{d7}' | '\u{f7}');
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tones_come_off_and_go_back_on() {
        assert_eq!(split_tone('ờ'), Some(('ơ', 1)));
        assert_eq!(split_tone('ỵ'), Some(('y', TONE_NANG)));
        assert_eq!(split_tone('a'), Some(('a', TONE_NONE)));
        assert_eq!(split_tone('Ò'), None);
        assert_eq!(split_tone('đ'), None);
        assert_eq!(with_tone('ơ', 1), Some('ờ'));
        assert_eq!(with_tone('y', TONE_SAC), Some('ý'));
        assert_eq!(with_tone('b', TONE_SAC), None);
        for row in VOWELS {
            for (tone, &c) in (0u8..).zip(&row) {
                assert_eq!(split_tone(c), Some((row[0], tone)));
                assert_eq!(with_tone(row[0], tone), Some(c));
            }
        }
    }

    /// The Latin ranges skip the general test: every character there but
    /// × and ÷ is a letter, so the shortcut says what the general rule says.
    #[test]
    fn word_chars_shortcut_agrees_with_the_rule() {
        let rule = |c: char| {
            if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
            }
        };
        for c in (0..=0x2ffffu32).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), rule(c), "{c:?} U+{:04X}", u32::from(c));
        }
    }
}
