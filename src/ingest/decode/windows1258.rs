//! Windows-1258: most toned letters are a base letter and a combining tone byte.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::to_nfc;

/// Windows-1258 spells most toned letters as base + combining tone byte; they are
/// composed now so scoring sees whole letters. Every byte has a meaning: no anomalies.
pub(super) fn decode_1258(bytes: &[u8]) -> (String, usize) {
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    (to_nfc(text.into_owned()), 0)
}

const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

fn cp1258_byte(c: char) -> Option<u8> {
    static MAP: OnceLock<HashMap<char, u8>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        (0x80..=0xFFu8)
            .filter_map(|b| {
                let byte = [b];
                let (s, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&byte);
                s.chars().next().map(|c| (c, b))
            })
            .collect()
    });
    map.get(&c).copied()
}

pub(super) fn put_1258(c: char, out: &mut Vec<u8>) -> bool {
    if let Some(b) = cp1258_byte(c) {
        out.push(b);
        return true;
    }
    // Most toned letters have no code of their own: Windows-1258 writes the toneless
    // letter and then a combining tone byte (ậ = â + dot below).
    let mut tone = None;
    let mut rest = String::new();
    for d in std::iter::once(c).nfd() {
        if tone.is_none() && TONE_MARKS.contains(&d) {
            tone = Some(d);
        } else {
            rest.push(d);
        }
    }
    let mut base = rest.nfc();
    let (Some(tone), Some(base), None) = (tone, base.next(), base.next()) else {
        return false;
    };
    let base = u8::try_from(base)
        .ok()
        .filter(u8::is_ascii)
        .or_else(|| cp1258_byte(base));
    match (base, cp1258_byte(tone)) {
        (Some(base), Some(tone)) => {
            out.extend_from_slice(&[base, tone]);
            true
        }
        _ => false,
    }
}
