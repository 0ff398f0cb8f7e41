//! Raw bytes of a scraped article → NFC text, with the source encoding.
//!
//! This version reads UTF-8 (with or without a BOM) only; the legacy
//! Vietnamese encodings come with the full detector.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

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
    Empty,
    Binary { offset: usize },
    Undecodable,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => f.write_str("the file is empty"),
            DecodeError::Binary { offset } => {
                write!(f, "binary data (control byte at offset {offset})")
            }
            DecodeError::Undecodable => f.write_str("not UTF-8"),
        }
    }
}

impl std::error::Error for DecodeError {}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (rest, encoding) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, Encoding::Utf8Bom),
        None => (bytes, Encoding::Utf8),
    };
    if rest.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(offset) = rest.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary {
            offset: offset + bytes.len() - rest.len(),
        });
    }
    let text = std::str::from_utf8(rest).map_err(|_| DecodeError::Undecodable)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Ok(Decoded {
        text: text.nfc().collect(),
        encoding,
    })
}

pub fn encode(text: &str, enc: Encoding) -> Result<Vec<u8>, char> {
    match enc {
        Encoding::Utf8 => Ok(text.as_bytes().to_vec()),
        Encoding::Utf8Bom => Ok([b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()),
        _ => Err(text.chars().find(|c| !c.is_ascii()).unwrap_or('\u{FFFD}')),
    }
}
