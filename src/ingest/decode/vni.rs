//! VNI (VNI-Windows, the VNI-Times fonts).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::codepage::{CP1252_80, cp1252_byte, latin1_byte};

/// Every Vietnamese letter in VNI. Vowels are a base (ASCII, or 0xF4 ơ / 0xF6 ư) plus
/// one mark byte carrying the tone, or hat/breve and tone together; the i-vowels, ỵ and
/// đ are single bytes. Capitals use the same scheme with every high byte 0x20 lower.
#[rustfmt::skip]
pub(super) const VNI: [(char, &[u8]); 134] = [
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
pub(super) struct VniMaps {
    /// Indexed by `[base, mark]` read as a big-endian u16.
    pub(super) pairs: Vec<Option<char>>,
    pub(super) singles: [Option<char>; 256],
    pub(super) codes: HashMap<char, &'static [u8]>,
}

pub(super) fn vni_maps() -> &'static VniMaps {
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

pub(super) fn decode_vni(bytes: &[u8]) -> (String, usize) {
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

pub(super) fn put_vni(c: char, out: &mut Vec<u8>) -> bool {
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
