//! Raw bytes of a scraped article → NFC text, with the source encoding detected.
//!
//! Decisions, in order:
//! 1. A BOM (UTF-8, UTF-16LE, UTF-16BE) is an explicit declaration and wins outright.
//! 2. NUL bytes or a high share of C0 control bytes mean binary data: no text encoding
//!    uses them for letters (TCVN3 and VNI live in the high half, like Windows-1258).
//! 3. Valid UTF-8 is UTF-8: real legacy Vietnamese text almost never validates by chance,
//!    since its high bytes do not form lead/continuation sequences.
//! 4. Otherwise each legacy candidate decodes the text and is scored by how many of the
//!    non-ASCII words are well-formed Vietnamese syllables, minus words that are not and
//!    minus bytes the candidate itself considers out of place.

mod binary;
mod codepage;
mod legacy;
mod syllable;
mod tcvn3;
#[cfg(test)]
mod tests;
mod utf;
mod vni;
mod windows1258;

use std::fmt;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use binary::{check_binary_bytes, non_empty};
use codepage::encode_legacy;
use tcvn3::put_tcvn3;
use utf::{UTF8_BOM, encode_utf16};
use vni::put_vni;
use windows1258::put_1258;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1258,
    Tcvn3,
    Vni,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1258 => "Windows-1258",
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// No bytes, or nothing after the BOM.
    Empty,
    /// Looks like binary data; `offset` is the first NUL or stray control byte.
    Binary { offset: usize },
    /// Not UTF-8, and no legacy Vietnamese encoding yields plausible text.
    Undecodable,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => f.write_str("the file is empty"),
            DecodeError::Binary { offset } => {
                write!(f, "binary data (control byte at offset {offset})")
            }
            DecodeError::Undecodable => {
                f.write_str("not UTF-8 and not recognisable as Windows-1258, TCVN3 or VNI")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes an article file: detects the encoding, drops the BOM, turns CRLF and lone CR
/// into `\n` and returns NFC text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, encoding) = detect(bytes)?;
    Ok(Decoded {
        text: with_vietnamese_d(to_nfc(normalize_newlines(text))),
        encoding,
    })
}

/// "Ðà Lạt", "Khánh Bình Ðông": some sites and fonts write Đ as the
/// look-alike Ð (U+00D0, the Icelandic eth); in Vietnamese text it is
/// always Đ.
fn with_vietnamese_d(text: String) -> String {
    if text.contains(['Ð', 'ð']) {
        text.replace('Ð', "Đ").replace('ð', "đ")
    } else {
        text
    }
}

/// Encodes NFC text, for round-trip tests of the ingest pipeline.
///
/// UTF encodings write the text as given. The legacy encodings normalise to NFC first,
/// since their tables hold precomposed letters. TCVN3 has no codes for toned capitals:
/// they are written with the lowercase codes, which is what the uppercase `.VnTimeH`
/// font does, so they decode as lowercase. Anything else the encoding lacks is an `Err`
/// naming the first such character.
pub fn encode(text: &str, enc: Encoding) -> Result<Vec<u8>, char> {
    match enc {
        Encoding::Utf8 => Ok(text.as_bytes().to_vec()),
        Encoding::Utf8Bom => Ok([UTF8_BOM, text.as_bytes()].concat()),
        Encoding::Utf16Le => Ok(encode_utf16(text, u16::to_le_bytes)),
        Encoding::Utf16Be => Ok(encode_utf16(text, u16::to_be_bytes)),
        Encoding::Windows1258 => encode_legacy(text, put_1258),
        Encoding::Tcvn3 => encode_legacy(text, put_tcvn3),
        Encoding::Vni => encode_legacy(text, put_vni),
    }
}

/// The text and its encoding, by the decisions above, in their order.
fn detect(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(declared) = utf::by_bom(bytes) {
        return declared;
    }
    non_empty(bytes)?;
    check_binary_bytes(bytes, 0)?;
    if let Some(text) = utf::as_utf8(bytes) {
        return Ok((text, Encoding::Utf8));
    }
    legacy::detect_legacy(bytes)
}

fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split('\r');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    // Each CR becomes LF; an LF right after it was the second half of a CRLF.
    for part in parts {
        out.push('\n');
        out.push_str(part.strip_prefix('\n').unwrap_or(part));
    }
    out
}

fn to_nfc(text: String) -> String {
    // The quick check avoids rebuilding (and re-allocating) text that is already NFC.
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    }
}
