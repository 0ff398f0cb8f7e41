//! UTF-8 and UTF-16: declared by a BOM, or UTF-8 recognised by being valid.

use super::binary::{check_binary, check_binary_bytes, non_empty};
use super::{DecodeError, Encoding};

pub(super) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A BOM is an explicit declaration and wins outright: the text it declares, or why
/// there is none. `None` without a BOM.
pub(super) fn by_bom(bytes: &[u8]) -> Option<Result<(String, Encoding), DecodeError>> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return Some(utf8_after_bom(rest));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some(decode_utf16(rest, encoding_rs::UTF_16LE, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some(decode_utf16(rest, encoding_rs::UTF_16BE, Encoding::Utf16Be));
    }
    None
}

fn utf8_after_bom(rest: &[u8]) -> Result<(String, Encoding), DecodeError> {
    non_empty(rest)?;
    check_binary_bytes(rest, UTF8_BOM.len())?;
    // The BOM declares UTF-8, so stray invalid bytes become U+FFFD, not a new guess.
    Ok((
        String::from_utf8_lossy(rest).into_owned(),
        Encoding::Utf8Bom,
    ))
}

/// Valid UTF-8 is UTF-8: real legacy Vietnamese text almost never validates by chance,
/// since its high bytes do not form lead/continuation sequences.
pub(super) fn as_utf8(bytes: &[u8]) -> Option<String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        // A UTF-8 file cut inside its last character (a truncated download) is still
        // UTF-8. `error_len() == None` means "input ended mid-sequence".
        Err(e) if e.error_len().is_none() && !bytes[..e.valid_up_to()].is_ascii() => {
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
        Err(_) => None,
    }
}

fn decode_utf16(
    rest: &[u8],
    coder: &'static encoding_rs::Encoding,
    encoding: Encoding,
) -> Result<(String, Encoding), DecodeError> {
    non_empty(rest)?;
    // Lone surrogates and an odd trailing byte become U+FFFD.
    let (text, _) = coder.decode_without_bom_handling(rest);
    // In UTF-16 zero bytes are normal, so look for NUL *characters*; offsets stay in bytes.
    let units = text.chars().scan(2, |offset, c| {
        let at = *offset;
        *offset += 2 * c.len_utf16();
        Some((at, u32::from(c)))
    });
    check_binary(units)?;
    Ok((text.into_owned(), encoding))
}

pub(super) fn encode_utf16(text: &str, to_bytes: fn(u16) -> [u8; 2]) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + 2 * text.len());
    out.extend_from_slice(&to_bytes(0xFEFF));
    for unit in text.encode_utf16() {
        out.extend_from_slice(&to_bytes(unit));
    }
    out
}
