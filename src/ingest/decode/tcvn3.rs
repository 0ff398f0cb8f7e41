//! TCVN3 (TCVN 5712:1993 VN3, "ABC", the .VnTime fonts).

use super::codepage::{CP1252_80, cp1252_byte, latin1_byte};
use crate::text::letters::{is_vietnamese_letter, single_lowercase};

/// Bytes 0xA0–0xFF. Toned letters exist only in lowercase; of the capitals only
/// Ă Â Ê Ô Ơ Ư Đ have codes. Documents got toned capitals from the separate uppercase
/// fonts (.VnTimeH), which draw capitals at the lowercase codes, so such text decodes
/// as lowercase. `None` codes are unassigned: read as Latin-1, counted as anomalies.
#[rustfmt::skip]
pub(super) const TCVN3_A0: [Option<char>; 96] = [
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

pub(super) fn decode_tcvn3(bytes: &[u8]) -> (String, usize) {
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

pub(super) fn tcvn3_byte(c: char) -> Option<u8> {
    let i = TCVN3_A0.iter().position(|&x| x == Some(c))?;
    u8::try_from(0xA0 + i).ok()
}

pub(super) fn put_tcvn3(c: char, out: &mut Vec<u8>) -> bool {
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
