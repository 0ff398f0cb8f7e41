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

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::text::letters::{
    TONE_NANG, TONE_SAC, VOWELS, is_vietnamese_letter, single_lowercase, vowel_info,
};

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
        text: to_nfc(normalize_newlines(text)),
        encoding,
    })
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

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Legacy candidates in order of preference on a tie: Windows-1258 is what Windows
/// itself wrote; VNI last, as reading VNI turns any vowel followed by an accented
/// Latin-1 letter into one toned letter.
const LEGACY: [Encoding; 3] = [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni];

/// Stray controls above 1/32 of the units make a file binary: text may carry a stray
/// ESC or DOS end-of-file byte, but not in bulk.
const CONTROL_SHARE_DIVISOR: usize = 32;

/// Legacy candidates are scored on at most this much text: plenty of evidence, and
/// keeps huge files linear in the single final decode.
const SAMPLE_LEN: usize = 1 << 20;

fn detect(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        non_empty(rest)?;
        check_binary_bytes(rest, UTF8_BOM.len())?;
        // The BOM declares UTF-8, so stray invalid bytes become U+FFFD, not a new guess.
        return Ok((
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8Bom,
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, encoding_rs::UTF_16LE, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, encoding_rs::UTF_16BE, Encoding::Utf16Be);
    }
    non_empty(bytes)?;
    check_binary_bytes(bytes, 0)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_owned(), Encoding::Utf8)),
        // A UTF-8 file cut inside its last character (a truncated download) is still
        // UTF-8. `error_len() == None` means "input ended mid-sequence".
        Err(e) if e.error_len().is_none() && !bytes[..e.valid_up_to()].is_ascii() => {
            return Ok((String::from_utf8_lossy(bytes).into_owned(), Encoding::Utf8));
        }
        Err(_) => {}
    }
    detect_legacy(bytes)
}

fn non_empty(bytes: &[u8]) -> Result<(), DecodeError> {
    if bytes.is_empty() {
        Err(DecodeError::Empty)
    } else {
        Ok(())
    }
}

fn check_binary_bytes(bytes: &[u8], base: usize) -> Result<(), DecodeError> {
    // Nearly every text file has no stray control at all; this count vectorises.
    if bytes
        .iter()
        .filter(|&&b| is_stray_control(u32::from(b)))
        .count()
        == 0
    {
        return Ok(());
    }
    check_binary(offsets(bytes, base))
}

fn offsets(bytes: &[u8], base: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
    bytes
        .iter()
        .enumerate()
        .map(move |(i, &b)| (base + i, u32::from(b)))
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

/// C0 controls that plain text does not contain; tab, LF, CR and form feed it does.
fn is_stray_control(unit: u32) -> bool {
    unit < 0x20 && !matches!(unit, 0x09 | 0x0A | 0x0C | 0x0D)
}

/// Any NUL, or stray controls above the allowed share, make the input binary.
fn check_binary(units: impl Iterator<Item = (usize, u32)>) -> Result<(), DecodeError> {
    let mut first = None;
    let mut stray = 0usize;
    let mut total = 0usize;
    for (offset, unit) in units {
        total += 1;
        if is_stray_control(unit) {
            stray += 1;
            let first = *first.get_or_insert(offset);
            if unit == 0 {
                return Err(DecodeError::Binary { offset: first });
            }
        }
    }
    match first {
        Some(offset) if stray * CONTROL_SHARE_DIVISOR > total => {
            Err(DecodeError::Binary { offset })
        }
        _ => Ok(()),
    }
}

fn detect_legacy(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let sample = sample(bytes);
    let mut best: Option<(i64, Encoding, String)> = None;
    for enc in LEGACY {
        let (text, anomalies) = decode_legacy(sample, enc);
        let score = Score::of(&text, anomalies);
        if score.is_plausible() && best.as_ref().is_none_or(|b| score.value() > b.0) {
            best = Some((score.value(), enc, text));
        }
    }
    let (_, enc, text) = best.ok_or(DecodeError::Undecodable)?;
    if sample.len() == bytes.len() {
        Ok((text, enc))
    } else {
        Ok((decode_legacy(bytes, enc).0, enc))
    }
}

/// The stretch of a large file to score: from the word holding the first non-ASCII byte
/// (the ASCII before it reads the same in every candidate), ending on an ASCII byte so
/// a VNI letter + mark pair is not cut in two.
fn sample(bytes: &[u8]) -> &[u8] {
    if bytes.len() <= SAMPLE_LEN {
        return bytes;
    }
    let first_high = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
    let start = bytes[..first_high]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |p| p + 1);
    let end = (start + SAMPLE_LEN).min(bytes.len());
    let end = bytes[end..]
        .iter()
        .position(u8::is_ascii)
        .map_or(bytes.len(), |p| end + p);
    &bytes[start..end]
}

/// Decodes with one legacy encoding; also returns how many bytes that encoding would
/// not have produced (unassigned TCVN3 codes, VNI marks with no vowel before them).
fn decode_legacy(bytes: &[u8], enc: Encoding) -> (String, usize) {
    match enc {
        Encoding::Tcvn3 => decode_tcvn3(bytes),
        Encoding::Vni => decode_vni(bytes),
        _ => {
            // Windows-1258 spells most toned letters as base + combining tone byte;
            // compose now so scoring sees whole letters.
            let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
            (to_nfc(text.into_owned()), 0)
        }
    }
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

fn encode_utf16(text: &str, to_bytes: fn(u16) -> [u8; 2]) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + 2 * text.len());
    out.extend_from_slice(&to_bytes(0xFEFF));
    for unit in text.encode_utf16() {
        out.extend_from_slice(&to_bytes(unit));
    }
    out
}

/// Shared loop of the single-byte encoders: ASCII is itself in all three; `put` writes
/// any other character and says whether it could.
fn encode_legacy(text: &str, put: fn(char, &mut Vec<u8>) -> bool) -> Result<Vec<u8>, char> {
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

// ---------------------------------------------------------------------------------------
// Windows code pages under the legacy fonts

/// Windows-1252 for 0x80–0x9F (undefined codes pass through as C1 controls, as in
/// WHATWG). TCVN3 and VNI were used through Windows "ANSI" fonts, so punctuation typed
/// there (“ ” – …) was saved with these codes.
const CP1252_80: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn cp1252_byte(c: char) -> Option<u8> {
    let i = CP1252_80.iter().position(|&x| x == c)?;
    u8::try_from(0x80 + i).ok()
}

/// A Latin-1 character in 0xA0–0xFF as its byte.
fn latin1_byte(c: char) -> Option<u8> {
    u8::try_from(c).ok().filter(|&b| b >= 0xA0)
}

// ---------------------------------------------------------------------------------------
// TCVN3 (TCVN 5712:1993 VN3, "ABC", the .VnTime fonts)

/// Bytes 0xA0–0xFF. Toned letters exist only in lowercase; of the capitals only
/// Ă Â Ê Ô Ơ Ư Đ have codes. Documents got toned capitals from the separate uppercase
/// fonts (.VnTimeH), which draw capitals at the lowercase codes, so such text decodes
/// as lowercase. `None` codes are unassigned: read as Latin-1, counted as anomalies.
#[rustfmt::skip]
const TCVN3_A0: [Option<char>; 96] = [
    /* 0xa0 */ Some('\u{a0}'), Some('Ă'), Some('Â'), Some('Ê'), Some('Ô'), Some('Ơ'), Some('Ư'), Some('Đ'),
    /* 0xa8 */ Some('ă'), Some('â'), Some('ê'), Some('ô'), Some('ơ'), Some('ư'), Some('đ'), None,
    /* 0xb0 */ None, None, None, None, None, Some('à'), Some('ả'), Some('ã'),
    /* 0xb8 */ Some('á'), Some('ạ'), None, Some('ằ'), Some('ẳ'), Some('ẵ'), Some('ắ'), None,
    /* 0xc0 */ None, None, None, None, None, None, Some('ặ'), Some('ầ'),
    /* 0xc8 */ Some('ẩ'), Some('ẫ'), Some('ấ'), Some('ậ'), Some('è'), None, Some('ẻ'), Some('ẽ'),
    /* 0xd0 */ Some('é'), Some('ẹ'), Some('ề'), Some('ể'), Some('ễ'), Some('ế'), Some('ệ'), Some('ì'),
    /* 0xd8 */ Some('ỉ'), None, None, None, Some('ĩ'), Some('í'), Some('ị'), Some('ò'),
    /* 0xe0 */ None, Some('ỏ'), Some('õ'), Some('ó'), Some('ọ'), Some('ồ'), Some('ổ'), Some('ỗ'),
    /* 0xe8 */ Some('ố'), Some('ộ'), Some('ờ'), Some('ở'), Some('ỡ'), Some('ớ'), Some('ợ'), Some('ù'),
    /* 0xf0 */ None, Some('ủ'), Some('ũ'), Some('ú'), Some('ụ'), Some('ừ'), Some('ử'), Some('ữ'),
    /* 0xf8 */ Some('ứ'), Some('ự'), Some('ỳ'), Some('ỷ'), Some('ỹ'), Some('ý'), Some('ỵ'), None,
];

fn decode_tcvn3(bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len() * 2);
    let mut anomalies = 0;
    for &b in bytes {
        out.push(match b {
            0x00..=0x7F => char::from(b),
            0x80..=0x9F => CP1252_80[usize::from(b - 0x80)],
            _ => TCVN3_A0[usize::from(b - 0xA0)].unwrap_or_else(|| {
                anomalies += 1;
                char::from(b)
            }),
        });
    }
    (out, anomalies)
}

fn tcvn3_byte(c: char) -> Option<u8> {
    let i = TCVN3_A0.iter().position(|&x| x == Some(c))?;
    u8::try_from(0xA0 + i).ok()
}

fn put_tcvn3(c: char, out: &mut Vec<u8>) -> bool {
    let byte = tcvn3_byte(c)
        // Toned capitals: the lowercase code, as the uppercase font has it.
        .or_else(|| {
            single_lowercase(c)
                .filter(|&l| is_vietnamese_letter(l))
                .and_then(tcvn3_byte)
        })
        .or_else(|| cp1252_byte(c))
        // Unassigned codes keep their Latin-1 meaning, matching the decoder.
        .or_else(|| latin1_byte(c).filter(|&b| TCVN3_A0[usize::from(b - 0xA0)].is_none()));
    byte.map(|b| out.push(b)).is_some()
}

// ---------------------------------------------------------------------------------------
// VNI (VNI-Windows, the VNI-Times fonts)

/// Every Vietnamese letter in VNI. Vowels are a base (ASCII, or 0xF4 ơ / 0xF6 ư) plus
/// one mark byte carrying the tone, or hat/breve and tone together; the i-vowels, ỵ and
/// đ are single bytes. Capitals use the same scheme with every high byte 0x20 lower.
#[rustfmt::skip]
const VNI: [(char, &[u8]); 134] = [
    ('à', b"a\xF8"), ('á', b"a\xF9"), ('ả', b"a\xFB"), ('ã', b"a\xF5"), ('ạ', b"a\xEF"),
    ('ă', b"a\xEA"), ('ằ', b"a\xE8"), ('ắ', b"a\xE9"), ('ẳ', b"a\xFA"), ('ẵ', b"a\xFC"), ('ặ', b"a\xEB"),
    ('â', b"a\xE2"), ('ầ', b"a\xE0"), ('ấ', b"a\xE1"), ('ẩ', b"a\xE5"), ('ẫ', b"a\xE3"), ('ậ', b"a\xE4"),
    ('è', b"e\xF8"), ('é', b"e\xF9"), ('ẻ', b"e\xFB"), ('ẽ', b"e\xF5"), ('ẹ', b"e\xEF"),
    ('ê', b"e\xE2"), ('ề', b"e\xE0"), ('ế', b"e\xE1"), ('ể', b"e\xE5"), ('ễ', b"e\xE3"), ('ệ', b"e\xE4"),
    ('ì', b"\xEC"), ('í', b"\xED"), ('ỉ', b"\xE6"), ('ĩ', b"\xF3"), ('ị', b"\xF2"),
    ('ò', b"o\xF8"), ('ó', b"o\xF9"), ('ỏ', b"o\xFB"), ('õ', b"o\xF5"), ('ọ', b"o\xEF"),
    ('ô', b"o\xE2"), ('ồ', b"o\xE0"), ('ố', b"o\xE1"), ('ổ', b"o\xE5"), ('ỗ', b"o\xE3"), ('ộ', b"o\xE4"),
    ('ơ', b"\xF4"), ('ờ', b"\xF4\xF8"), ('ớ', b"\xF4\xF9"), ('ở', b"\xF4\xFB"), ('ỡ', b"\xF4\xF5"), ('ợ', b"\xF4\xEF"),
    ('ù', b"u\xF8"), ('ú', b"u\xF9"), ('ủ', b"u\xFB"), ('ũ', b"u\xF5"), ('ụ', b"u\xEF"),
    ('ư', b"\xF6"), ('ừ', b"\xF6\xF8"), ('ứ', b"\xF6\xF9"), ('ử', b"\xF6\xFB"), ('ữ', b"\xF6\xF5"), ('ự', b"\xF6\xEF"),
    ('ỳ', b"y\xF8"), ('ý', b"y\xF9"), ('ỷ', b"y\xFB"), ('ỹ', b"y\xF5"), ('ỵ', b"\xEE"),
    ('đ', b"\xF1"),
    ('À', b"A\xD8"), ('Á', b"A\xD9"), ('Ả', b"A\xDB"), ('Ã', b"A\xD5"), ('Ạ', b"A\xCF"),
    ('Ă', b"A\xCA"), ('Ằ', b"A\xC8"), ('Ắ', b"A\xC9"), ('Ẳ', b"A\xDA"), ('Ẵ', b"A\xDC"), ('Ặ', b"A\xCB"),
    ('Â', b"A\xC2"), ('Ầ', b"A\xC0"), ('Ấ', b"A\xC1"), ('Ẩ', b"A\xC5"), ('Ẫ', b"A\xC3"), ('Ậ', b"A\xC4"),
    ('È', b"E\xD8"), ('É', b"E\xD9"), ('Ẻ', b"E\xDB"), ('Ẽ', b"E\xD5"), ('Ẹ', b"E\xCF"),
    ('Ê', b"E\xC2"), ('Ề', b"E\xC0"), ('Ế', b"E\xC1"), ('Ể', b"E\xC5"), ('Ễ', b"E\xC3"), ('Ệ', b"E\xC4"),
    ('Ì', b"\xCC"), ('Í', b"\xCD"), ('Ỉ', b"\xC6"), ('Ĩ', b"\xD3"), ('Ị', b"\xD2"),
    ('Ò', b"O\xD8"), ('Ó', b"O\xD9"), ('Ỏ', b"O\xDB"), ('Õ', b"O\xD5"), ('Ọ', b"O\xCF"),
    ('Ô', b"O\xC2"), ('Ồ', b"O\xC0"), ('Ố', b"O\xC1"), ('Ổ', b"O\xC5"), ('Ỗ', b"O\xC3"), ('Ộ', b"O\xC4"),
    ('Ơ', b"\xD4"), ('Ờ', b"\xD4\xD8"), ('Ớ', b"\xD4\xD9"), ('Ở', b"\xD4\xDB"), ('Ỡ', b"\xD4\xD5"), ('Ợ', b"\xD4\xCF"),
    ('Ù', b"U\xD8"), ('Ú', b"U\xD9"), ('Ủ', b"U\xDB"), ('Ũ', b"U\xD5"), ('Ụ', b"U\xCF"),
    ('Ư', b"\xD6"), ('Ừ', b"\xD6\xD8"), ('Ứ', b"\xD6\xD9"), ('Ử', b"\xD6\xDB"), ('Ữ', b"\xD6\xD5"), ('Ự', b"\xD6\xCF"),
    ('Ỳ', b"Y\xD8"), ('Ý', b"Y\xD9"), ('Ỷ', b"Y\xDB"), ('Ỹ', b"Y\xD5"), ('Ỵ', b"\xCE"),
    ('Đ', b"\xD1"),
];

/// Mark bytes (lowercase forms; a capital's mark is 0x20 lower).
fn is_vni_mark(b: u8) -> bool {
    b >= 0xC0 && matches!(b | 0x20, 0xE0..=0xE5 | 0xE8..=0xEB | 0xEF | 0xF5 | 0xF8..=0xFC)
}

/// Lookup tables derived from [`VNI`]; byte-indexed arrays keep decoding fast.
struct VniMaps {
    /// Indexed by `[base, mark]` read as a big-endian u16.
    pairs: Vec<Option<char>>,
    singles: [Option<char>; 256],
    codes: HashMap<char, &'static [u8]>,
}

fn vni_maps() -> &'static VniMaps {
    static MAPS: OnceLock<VniMaps> = OnceLock::new();
    MAPS.get_or_init(|| {
        let mut maps = VniMaps {
            pairs: vec![None; 1 << 16],
            singles: [None; 256],
            codes: HashMap::new(),
        };
        for &(c, code) in &VNI {
            maps.codes.insert(c, code);
            match *code {
                [b] => {
                    maps.singles[usize::from(b)] = Some(c);
                }
                [base, mark] => {
                    maps.pairs[usize::from(u16::from_be_bytes([base, mark]))] = Some(c);
                }
                _ => {}
            }
        }
        maps
    })
}

fn decode_vni(bytes: &[u8]) -> (String, usize) {
    let maps = vni_maps();
    let mut out = String::with_capacity(bytes.len() * 2);
    let mut anomalies = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(&mark) = bytes.get(i + 1)
            && is_vni_mark(mark)
        {
            // The mark's case follows the base letter's, tolerating a mismatch.
            let upper = b.is_ascii_uppercase() || (0xC0..0xE0).contains(&b);
            let mark = if upper { mark & !0x20 } else { mark | 0x20 };
            if let Some(c) = maps.pairs[usize::from(u16::from_be_bytes([b, mark]))] {
                out.push(c);
                i += 2;
                continue;
            }
        }
        out.push(match b {
            0x00..=0x7F => char::from(b),
            0x80..=0x9F => CP1252_80[usize::from(b - 0x80)],
            0xA0..=0xBF => char::from(b),
            _ => maps.singles[usize::from(b)].unwrap_or_else(|| {
                // A mark with no vowel before it, or a code VNI leaves unused.
                anomalies += 1;
                char::from(b)
            }),
        });
        i += 1;
    }
    (out, anomalies)
}

fn put_vni(c: char, out: &mut Vec<u8>) -> bool {
    let maps = vni_maps();
    if let Some(code) = maps.codes.get(&c) {
        out.extend_from_slice(code);
        return true;
    }
    // Other Latin-1 text may use only codes VNI leaves alone: a mark or letter code
    // would be read back as part of a Vietnamese letter.
    let byte = cp1252_byte(c).or_else(|| {
        latin1_byte(c)
            .filter(|&b| b < 0xC0 || !(is_vni_mark(b) || maps.singles[usize::from(b)].is_some()))
    });
    byte.map(|b| out.push(b)).is_some()
}

// ---------------------------------------------------------------------------------------
// Windows-1258

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

fn put_1258(c: char, out: &mut Vec<u8>) -> bool {
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

// ---------------------------------------------------------------------------------------
// Plausibility of decoded text as Vietnamese

/// Syllable-initial consonants; "" for syllables that start with a vowel.
const INITIALS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Toneless rhymes (vowel cluster + final), sorted for binary search. Generous rather
/// than strict: wrong decodings fail on letters, not on rare rhymes.
const RHYMES: [&str; 167] = [
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "e", "ec",
    "em", "en", "eng", "eo", "ep", "et", "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", "o", "oa", "oac", "oach", "oai", "oam",
    "oan", "oang", "oanh", "oao", "oap", "oat", "oay", "oc", "oe", "oen", "oeo", "oet", "oi", "om",
    "on", "ong", "ooc", "oong", "op", "ot", "oăc", "oăm", "oăn", "oăng", "oăt", "u", "ua", "uc",
    "ui", "um", "un", "ung", "up", "ut", "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu",
    "uyên", "uyêt", "uân", "uâng", "uât", "uây", "uê", "uêch", "uên", "uênh", "uôc", "uôi", "uôm",
    "uôn", "uông", "uôt", "uơ", "y", "ych", "yn", "ynh", "yt", "yêm", "yên", "yêng", "yêt", "yêu",
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", "ê", "êc", "êch", "êm", "ên", "êng", "ênh",
    "êp", "êt", "êu", "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ăc", "ăm", "ăn", "ăng",
    "ăp", "ăt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt",
    "ưu", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
];

struct Score {
    syllables: i64,
    misfits: i64,
}

impl Score {
    /// Counts the non-ASCII words that are / are not Vietnamese syllables; `anomalies`
    /// (bytes the encoding would not produce) count as misfits too. ASCII words read the
    /// same under every candidate, so they are no evidence either way.
    fn of(text: &str, anomalies: usize) -> Score {
        let mut score = Score {
            syllables: 0,
            misfits: i64::try_from(anomalies).unwrap_or(i64::MAX),
        };
        let mut base = String::new();
        for word in text.split(|c: char| !is_letter_or_latin1_symbol(c)) {
            if word.is_ascii() || is_abbreviation(word) {
                continue;
            }
            if is_syllable(word, &mut base) {
                score.syllables += 1;
            } else {
                score.misfits += 1;
            }
        }
        score
    }

    /// Correct decodings of real text are nearly all syllables; wrong ones mostly misfits.
    fn is_plausible(&self) -> bool {
        self.syllables > 0 && self.syllables >= 2 * self.misfits
    }

    fn value(&self) -> i64 {
        self.syllables - self.misfits
    }
}

/// Consonant-only words with Đ (HĐND, "Đ/c") are abbreviations, not syllables.
fn is_abbreviation(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, 'đ' | 'Đ') || (c.is_ascii_alphabetic() && !"aeiouyAEIOUY".contains(c)))
}

/// Letters, Latin-1 symbols and combining marks, not digits: unlike
/// [`crate::text::is_word_char`], Latin-1 symbols count as part of a word, as wrong
/// decodings put them inside words ("m¸y", "kh«ng") and splitting there would hide the
/// damage.
fn is_letter_or_latin1_symbol(c: char) -> bool {
    c.is_alphabetic() || ('\u{a1}'..='\u{ff}').contains(&c) || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Initial consonant + rhyme, at most one tone, and stop finals (c ch p t) only with
/// sắc or nặng, as Vietnamese phonology requires. `base` is scratch space.
fn is_syllable(word: &str, base: &mut String) -> bool {
    base.clear();
    let mut tone = 0;
    for c in word.chars() {
        let Some(c) = single_lowercase(c) else {
            return false;
        };
        if c.is_ascii_lowercase() || c == 'đ' {
            base.push(c);
            continue;
        }
        let Some((row, t)) = vowel_info(c) else {
            return false;
        };
        if t != 0 {
            if tone != 0 {
                return false;
            }
            tone = t;
        }
        base.push(VOWELS[row][0]);
    }
    INITIALS.iter().any(|initial| {
        base.strip_prefix(initial).is_some_and(|rhyme| {
            let stop = rhyme.ends_with(['c', 'p', 't']) || rhyme.ends_with("ch");
            RHYMES.binary_search(&rhyme).is_ok() && (!stop || tone == TONE_SAC || tone == TONE_NANG)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::PathBuf;
    use std::time::Instant;

    const ALL: [Encoding; 7] = [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1258,
        Encoding::Tcvn3,
        Encoding::Vni,
    ];

    /// The 67 lowercase Vietnamese letters with diacritics, then their 67 capitals.
    fn letters() -> Vec<char> {
        let mut lower: Vec<char> = VOWELS
            .iter()
            .flat_map(|row| row.iter().copied())
            .filter(|c| !"aeiouy".contains(*c))
            .collect();
        lower.push('đ');
        let upper: Vec<char> = lower.iter().flat_map(|c| c.to_uppercase()).collect();
        lower.extend(upper);
        lower
    }

    /// What TCVN3 can give back: toned capitals come back lowercase.
    fn tcvn3_view(text: &str) -> String {
        text.chars()
            .map(|c| match tcvn3_byte(c) {
                None if !c.is_ascii() && c.is_uppercase() => single_lowercase(c)
                    .filter(|&l| is_vietnamese_letter(l))
                    .unwrap_or(c),
                _ => c,
            })
            .collect()
    }

    fn expected(text: &str, enc: Encoding) -> String {
        if enc == Encoding::Tcvn3 {
            tcvn3_view(text)
        } else {
            text.to_owned()
        }
    }

    fn seeds() -> Vec<(PathBuf, String)> {
        let dirs = [
            std::env::var("TINTUC_SEEDS").ok(),
            Some(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds").to_owned()),
            Some(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds").to_owned()),
        ];
        let dir = dirs
            .into_iter()
            .flatten()
            .map(PathBuf::from)
            .find(|d| d.is_dir())
            .expect("seed articles not found (set TINTUC_SEEDS)");
        let mut seeds: Vec<_> = std::fs::read_dir(&dir)
            .expect("readable seed dir")
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("UTF-8 seed");
                (p, text)
            })
            .collect();
        seeds.sort();
        assert_eq!(seeds.len(), 5, "expected five seed articles in {dir:?}");
        seeds
    }

    #[track_caller]
    fn assert_decodes(bytes: &[u8], enc: Encoding, want: &str) {
        let got = decode(bytes).unwrap_or_else(|e| panic!("{}: {e}", enc.label()));
        assert_eq!(got.encoding, enc);
        assert!(got.text == want, "{}: text differs", enc.label());
    }

    #[test]
    fn labels() {
        let labels: Vec<_> = ALL.iter().map(|e| e.label()).collect();
        assert_eq!(
            labels,
            [
                "UTF-8",
                "UTF-8 (BOM)",
                "UTF-16LE",
                "UTF-16BE",
                "Windows-1258",
                "TCVN3 (ABC)",
                "VNI"
            ]
        );
    }

    #[test]
    fn vowel_grid_matches_unicode_composition() {
        for row in VOWELS {
            for (mark, &c) in ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
                .iter()
                .zip(&row)
            {
                let composed: String = format!("{}{mark}", row[0]).nfc().collect();
                assert_eq!(composed, c.to_string());
            }
        }
        let all = letters();
        assert_eq!(all.len(), 134);
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 134);
    }

    #[test]
    fn tables_are_consistent() {
        assert!(
            RHYMES.windows(2).all(|w| w[0] < w[1]),
            "RHYMES must be sorted"
        );
        let vni: Vec<char> = VNI.iter().map(|&(c, _)| c).collect();
        assert_eq!(vni, letters(), "VNI covers all 134 letters");
        assert_eq!(vni_maps().codes.len(), 134, "no duplicate letters");
        assert_eq!(
            vni_maps()
                .pairs
                .iter()
                .chain(&vni_maps().singles)
                .flatten()
                .count(),
            134,
            "no shared codes"
        );
        let tcvn3: Vec<char> = TCVN3_A0.iter().flatten().copied().collect();
        let lower = &letters()[..67];
        assert!(
            lower.iter().all(|c| tcvn3.contains(c)),
            "TCVN3 has every lowercase letter"
        );
        for c in "ĂÂÊÔƠƯĐ".chars() {
            assert!(tcvn3.contains(&c), "TCVN3 has {c}");
        }
    }

    #[test]
    fn all_letters_round_trip_through_each_table() {
        let text: String = letters().iter().flat_map(|&c| [c, ' ']).collect();
        for enc in [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni] {
            let bytes = encode(&text, enc).expect("encodable");
            let (back, anomalies) = decode_legacy(&bytes, enc);
            assert_eq!(back, expected(&text, enc), "{}", enc.label());
            assert_eq!(anomalies, 0, "{}", enc.label());
        }
    }

    #[test]
    fn all_letters_round_trip_through_detection() {
        let letters: String = letters().iter().flat_map(|&c| [c, ' ']).collect();
        let (_, article) = &seeds()[0];
        let text = format!("{article}\n{letters}\n");
        for enc in ALL {
            let bytes = encode(&text, enc).expect("encodable");
            assert_decodes(&bytes, enc, &expected(&text, enc));
        }
    }

    #[test]
    fn seeds_round_trip_in_every_encoding_and_line_ending() {
        for (path, text) in seeds() {
            for (eol, name) in [("\n", "LF"), ("\r\n", "CRLF"), ("\r", "CR")] {
                let source = text.replace('\n', eol);
                for enc in ALL {
                    let bytes = encode(&source, enc).expect("encodable");
                    let got = decode(&bytes)
                        .unwrap_or_else(|e| panic!("{path:?} {name} {}: {e}", enc.label()));
                    assert_eq!(got.encoding, enc, "{path:?} {name}");
                    assert!(
                        got.text == expected(&text, enc),
                        "{path:?} {name} {}",
                        enc.label()
                    );
                }
            }
        }
    }

    #[test]
    fn nfd_utf8_comes_back_nfc() {
        for (_, text) in seeds() {
            let nfd: String = text.nfd().collect();
            assert_ne!(nfd, text);
            assert_decodes(nfd.as_bytes(), Encoding::Utf8, &text);
        }
    }

    #[test]
    fn short_phrases_are_detected() {
        for phrase in ["Hà Nội", "Việt Nam", "Thành phố Hồ Chí Minh", "người dân"] {
            for enc in [Encoding::Windows1258, Encoding::Vni, Encoding::Tcvn3] {
                let bytes = encode(phrase, enc).expect("encodable");
                assert_decodes(&bytes, enc, &expected(phrase, enc));
            }
        }
    }

    #[test]
    fn truncated_utf8_is_still_utf8() {
        let bytes = "Hà Nội".as_bytes();
        // Cut inside the three bytes of ộ.
        let got = decode(&bytes[..6]).expect("decodes");
        assert_eq!(got.encoding, Encoding::Utf8);
        assert_eq!(got.text, "Hà N\u{fffd}");
    }

    #[test]
    fn empty_inputs() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(UTF8_BOM), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xFF\xFE"), Err(DecodeError::Empty));
    }

    #[test]
    fn binary_inputs() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(decode(png), Err(DecodeError::Binary { offset: 6 }));
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0";
        assert_eq!(decode(elf), Err(DecodeError::Binary { offset: 4 }));
        assert_eq!(
            decode(b"plain text\0"),
            Err(DecodeError::Binary { offset: 10 })
        );
        assert_eq!(
            decode(b"ab\x01\x02cd"),
            Err(DecodeError::Binary { offset: 2 })
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\0"),
            Err(DecodeError::Binary { offset: 5 })
        );
        assert_eq!(
            decode(b"\xFF\xFEa\0\0\0"),
            Err(DecodeError::Binary { offset: 4 })
        );
        // UTF-16 is full of zero bytes and is still text.
        let utf16 = encode("Xin chào", Encoding::Utf16Le).expect("encodable");
        assert_decodes(&utf16, Encoding::Utf16Le, "Xin chào");
        // One stray control in ordinary text is tolerated.
        let text = format!("{}\x1b{}", "a".repeat(40), "b".repeat(40));
        assert_decodes(text.as_bytes(), Encoding::Utf8, &text);
    }

    #[test]
    fn non_vietnamese_legacy_text_is_undecodable() {
        // Windows-1252 French.
        assert_eq!(
            decode(b"Le caf\xE9 cr\xE8me est tr\xE8s bon"),
            Err(DecodeError::Undecodable)
        );
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (0x80 + (i * 37) % 0x80) as u8)
            .collect();
        assert_eq!(decode(&noise), Err(DecodeError::Undecodable));
    }

    #[test]
    fn encode_reports_the_first_unrepresentable_char() {
        assert_eq!(encode("a€b→c", Encoding::Windows1258), Err('→'));
        assert_eq!(encode("xø", Encoding::Vni), Err('ø'));
        assert_eq!(encode("xµ", Encoding::Tcvn3), Err('µ'));
        assert_eq!(encode("日本", Encoding::Vni), Err('日'));
    }

    #[test]
    fn large_ascii_is_linear() {
        let big = vec![b'a'; 50 * 1024 * 1024];
        let start = Instant::now();
        let got = decode(&big).expect("decodes");
        let elapsed = start.elapsed();
        eprintln!("50 MB one-line ASCII decoded in {elapsed:?}");
        assert_eq!(got.encoding, Encoding::Utf8);
        assert_eq!(got.text.len(), big.len());
    }

    #[test]
    fn large_legacy_is_linear() {
        let (_, article) = &seeds()[1];
        let unit = encode(article, Encoding::Vni).expect("encodable");
        let big = unit.repeat(10 * 1024 * 1024 / unit.len());
        let start = Instant::now();
        let got = decode(&big).expect("decodes");
        eprintln!(
            "{} MB VNI decoded in {:?}",
            big.len() >> 20,
            start.elapsed()
        );
        assert_eq!(got.encoding, Encoding::Vni);
    }

    fn vietnamese_text() -> impl Strategy<Value = String> {
        let mut pool = letters();
        pool.extend(
            "abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY0123456789 .,;:!?\n\u{a0}“”–…".chars(),
        );
        prop::collection::vec(prop::sample::select(pool), 0..200)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
            if let Ok(d) = decode(&bytes) {
                prop_assert!(!d.text.contains('\r'));
                prop_assert!(unicode_normalization::is_nfc(&d.text));
            }
        }

        #[test]
        fn never_panics_after_a_bom(
            bom in prop::sample::select(vec![&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]),
            bytes in prop::collection::vec(any::<u8>(), 0..512),
        ) {
            let _ = decode(&[bom, &bytes[..]].concat());
        }

        #[test]
        fn legacy_tables_round_trip(text in vietnamese_text()) {
            for enc in [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni] {
                let bytes = encode(&text, enc).expect("encodable");
                let (back, _) = decode_legacy(&bytes, enc);
                prop_assert_eq!(back, expected(&text, enc));
            }
        }

        #[test]
        fn utf_encodings_round_trip(text in vietnamese_text()) {
            let want = normalize_newlines(text.clone());
            for enc in [Encoding::Utf8Bom, Encoding::Utf16Le, Encoding::Utf16Be] {
                let bytes = encode(&text, enc).expect("encodable");
                match decode(&bytes) {
                    Ok(d) => prop_assert_eq!(&d.text, &want),
                    Err(e) => prop_assert!(text.is_empty() && e == DecodeError::Empty),
                }
            }
        }
    }
}
