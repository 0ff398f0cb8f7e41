//! Making article text safe to show and pleasant to read.
//!
//! Article text comes from the web. Anything that a terminal would act on
//! instead of print (escape sequences, C0/C1 controls, DEL) and anything
//! that changes how text around it is shown without being seen (bidi
//! overrides and isolates, zero-width characters, the BOM, soft hyphens:
//! the Unicode "format" characters) is removed here, once, on load. What
//! remains is NFC, with every run of white space made one space.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// C1 string terminator.
const ST: char = '\u{9c}';

/// One line of text: a title, an author, a paragraph. Line breaks and
/// tabs become spaces, runs of white space one space, ends trimmed.
pub fn sanitize_inline(s: &str) -> String {
    if is_clean_inline(s) {
        return s.to_owned();
    }
    let stripped = strip_controls(s, false);
    let mut out = String::with_capacity(stripped.len());
    for word in stripped.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    into_nfc(out)
}

/// Whether `s` is already what [`sanitize_inline`] would make of it, judged
/// cheaply: single spaces between words, and only characters that are
/// safe and cannot take part in normalisation (ASCII, precomposed Latin
/// letters, common punctuation). Most article text is, and checking is
/// much faster than rebuilding it.
fn is_clean_inline(s: &str) -> bool {
    // Byte by byte (this runs over every paragraph of a collection when it
    // loads): the allowed characters are recognised by their UTF-8 bytes.
    let b = s.as_bytes();
    let mut prev_space = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let len = match c {
            b' ' if !prev_space => 1,
            b'!'..=b'~' => 1,
            // U+00C0..=U+023F, and U+0240..=U+024F.
            0xC3..=0xC8 => 2,
            0xC9 if b.get(i + 1).is_some_and(|&n| n <= 0x8F) => 2,
            // U+1E00..=U+1EFF.
            0xE1 if matches!(b.get(i + 1), Some(0xB8..=0xBB)) => 3,
            // U+2010..=U+2027.
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x90..=0xA7)) => 3,
            _ => return false,
        };
        prev_space = c == b' ';
        i += len;
    }
    !prev_space || s.is_empty()
}

/// The same judgement as [`is_clean_inline`], character by character: the
/// definition the fast version is tested against.
#[cfg(test)]
fn is_clean_inline_chars(s: &str) -> bool {
    let mut prev_space = true;
    for c in s.chars() {
        let ok = match c {
            ' ' => !prev_space,
            '!'..='~'
            | '\u{c0}'..='\u{24f}'
            | '\u{1e00}'..='\u{1eff}'
            | '\u{2010}'..='\u{2027}' => true,
            _ => false,
        };
        if !ok {
            return false;
        }
        prev_space = c == ' ';
    }
    !prev_space || s.is_empty()
}

/// NFC, without copying text that already is (nearly all of it): loading
/// large collections spends its time here otherwise.
fn into_nfc(s: String) -> String {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return s;
    }
    s.nfc().collect()
}

/// Text whose line structure matters (a raw article before it is split
/// into paragraphs): like [`sanitize_inline`] for each line, with CRLF and
/// CR line ends made `\n`. Blank lines are kept.
pub fn sanitize_multiline(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let stripped = strip_controls(&unified, true);
    let mut out = String::with_capacity(stripped.len());
    for (i, line) in stripped.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut first = true;
        for word in line.split_whitespace() {
            if !first {
                out.push(' ');
            }
            first = false;
            out.push_str(word);
        }
    }
    into_nfc(out)
}

/// Whether `c` must never reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    // Fast paths for the characters Vietnamese text is made of: ASCII, and
    // the Latin letter blocks, which hold no control or format character.
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    if matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') {
        return false;
    }
    matches!(
        c.general_category(),
        GeneralCategory::Control | GeneralCategory::Format
    ) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Text for a message (an error, a warning, a line of `check` or
/// `search`), made inert: every character [`is_unsafe`] would reject is
/// written as an escape that a reader can see: `\n`, `\r`, `\t`, else
/// `\u{1b}`. Line breaks in the data are escaped too, so one message stays
/// one line. Applying it twice is the same as once: the escapes are plain
/// text.
pub fn escape_for_message(s: &str) -> std::borrow::Cow<'_, str> {
    use std::fmt::Write;
    if !s.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Removes escape sequences whole (so their payload does not show up as
/// text) and every other unsafe character; white space stays for the
/// caller to collapse. With `keep_newlines`, `\n` survives.
fn strip_controls(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    // Once a string sequence finds no terminator, none after it can: this
    // keeps the scan linear on hostile input.
    let mut terminators_left = true;
    while let Some(c) = chars.next() {
        match c {
            ESC => match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    terminators_left = terminators_left && skip_string(&mut chars);
                }
                Some(' '..='/') => {
                    // nF sequences such as ESC ( B: intermediates, then a final.
                    while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
                    chars.next_if(|c| matches!(c, '0'..='~'));
                }
                Some('0'..='~') => {
                    chars.next();
                }
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
                terminators_left = terminators_left && skip_string(&mut chars);
            }
            '\n' if keep_newlines => out.push('\n'),
            '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push(' ')
            }
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Skips a CSI sequence after its introducer: parameters and
/// intermediates, then one final byte. Stops early at anything that cannot
/// be part of it, which is then treated as text again.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars
        .next_if(|c| matches!(c, '0'..='?' | ' '..='/'))
        .is_some()
    {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// Skips an OSC/DCS/SOS/PM/APC string up to its terminator (BEL, ESC \ or
/// ST). An unterminated string keeps its text: once its introducer is gone
/// it is harmless, and dropping the rest of the article would lose text.
/// Returns whether a terminator was found.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    let mut ahead = chars.clone();
    let mut len = 0;
    while let Some(c) = ahead.next() {
        len += 1;
        let terminated = match c {
            BEL | ST => true,
            ESC if ahead.peek() == Some(&'\\') => {
                len += 1;
                true
            }
            _ => false,
        };
        if terminated {
            for _ in 0..len {
                chars.next();
            }
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn fast_clean_check_agrees(s in "[a-z ÀàĂăÂâĐđƠơƯưɏɐḀỹỸ‐–—“”…‧‰\u{2028}\t\u{301}~!]{0,12}") {
            proptest::prop_assert_eq!(is_clean_inline(&s), is_clean_inline_chars(&s), "{:?}", s);
        }

        #[test]
        fn fast_clean_check_agrees_on_anything(s in "\\PC{0,10}") {
            proptest::prop_assert_eq!(is_clean_inline(&s), is_clean_inline_chars(&s), "{:?}", s);
        }
    }

    #[test]
    fn clean_text_takes_the_fast_path_unchanged() {
        for s in ["Từ Sơn", "“Đoàn kết – Dân chủ…”", "a", ""] {
            assert!(is_clean_inline(s), "{s}");
            assert_eq!(sanitize_inline(s), s);
        }
        for s in [" a", "a ", "a  b", "a\tb", "a\u{200b}b", "e\u{301}"] {
            assert!(!is_clean_inline(s), "{s:?}");
        }
        assert_eq!(sanitize_inline("e\u{301}"), "é");
    }

    #[test]
    fn strips_escape_sequences_with_their_payload() {
        assert_eq!(
            sanitize_inline("a\u{1b}]0;pwned\u{7}\u{1b}[2Jb\u{1b}]52;c;AAAA\u{1b}\\c"),
            "abc"
        );
        assert_eq!(sanitize_inline("x\u{1b}[1;31mred\u{1b}[0m"), "xred");
        assert_eq!(sanitize_inline("\u{9b}31mC1\u{9d}title\u{9c}!"), "C1!");
        assert_eq!(sanitize_inline("a\u{1b}(Bb\u{1b}7c"), "abc");
    }

    #[test]
    fn unterminated_string_keeps_the_text() {
        assert_eq!(sanitize_inline("a\u{1b}]not closed"), "anot closed");
    }

    #[test]
    fn removes_bidi_zero_width_and_bom() {
        assert_eq!(
            sanitize_inline("\u{feff}Từ\u{200b} \u{202e}Sơn\u{2066}\u{200d}\u{61c}"),
            "Từ Sơn"
        );
    }

    #[test]
    fn white_space_collapses() {
        assert_eq!(
            sanitize_inline("  kinh tế \t - xã\nhội\r\n "),
            "kinh tế - xã hội"
        );
        assert_eq!(sanitize_multiline("a  b\r\n\r\nc\rd\u{7}"), "a b\n\nc\nd");
    }

    #[test]
    fn messages_show_controls_as_escapes() {
        assert_eq!(
            escape_for_message("k \u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m"),
            "k \\u{1b}]0;PWNED\\u{7}\\u{1b}[2J\\u{9b}31m"
        );
        assert_eq!(escape_for_message("a\nb\r\tc\u{7f}"), "a\\nb\\r\\tc\\u{7f}");
        assert_eq!(
            escape_for_message("\u{202e}Sơn\u{2066}\u{200b}\u{feff}\u{ad}\u{2028}"),
            "\\u{202e}Sơn\\u{2066}\\u{200b}\\u{feff}\\u{ad}\\u{2028}"
        );
        assert!(matches!(
            escape_for_message("Từ Sơn “x” ✓"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    proptest::proptest! {
        #[test]
        fn escaped_messages_are_safe_and_stable(s in "\\PC{0,10}|[\u{0}-\u{a0}\u{200b}-\u{206f}a\\\\]{0,12}") {
            let once = escape_for_message(&s);
            proptest::prop_assert!(!once.chars().any(is_unsafe), "{:?}", once);
            proptest::prop_assert_eq!(escape_for_message(&once), once.clone());
        }
    }

    #[test]
    fn output_is_nfc() {
        assert_eq!(sanitize_inline("Tu\u{31b}\u{300}"), "Từ");
    }
}
