//! What the single-byte legacy encodings share: the Windows code pages under their
//! fonts, and the encoder loop.

use unicode_normalization::UnicodeNormalization;

/// Shared loop of the single-byte encoders: ASCII is itself in all three; `put` writes
/// any other character and says whether it could.
pub(super) fn encode_legacy(
    text: &str,
    put: fn(char, &mut Vec<u8>) -> bool,
) -> Result<Vec<u8>, char> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        match u8::try_from(c) {
            Ok(b) if b.is_ascii() => out.push(b),
            _ if put(c, &mut out) => {}
            _ => return Err(c),
        }
    }
    Ok(out)
}

/// Windows-1252 for 0x80–0x9F (undefined codes pass through as C1 controls, as in
/// WHATWG). TCVN3 and VNI were used through Windows "ANSI" fonts, so punctuation typed
/// there (“ ” – …) was saved with these codes.
pub(super) const CP1252_80: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

pub(super) fn cp1252_byte(c: char) -> Option<u8> {
    let i = CP1252_80.iter().position(|&x| x == c)?;
    u8::try_from(0x80 + i).ok()
}

/// A Latin-1 character in 0xA0–0xFF as its byte.
pub(super) fn latin1_byte(c: char) -> Option<u8> {
    u8::try_from(c).ok().filter(|&b| b >= 0xA0)
}
