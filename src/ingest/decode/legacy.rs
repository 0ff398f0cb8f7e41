//! Choosing among the legacy encodings: each candidate decodes the text and is scored
//! by how Vietnamese the result reads.

use super::syllable::Score;
use super::tcvn3::decode_tcvn3;
use super::vni::decode_vni;
use super::windows1258::decode_1258;
use super::{DecodeError, Encoding};

/// Legacy candidates in order of preference on a tie: Windows-1258 is what Windows
/// itself wrote; VNI last, as reading VNI turns any vowel followed by an accented
/// Latin-1 letter into one toned letter.
const LEGACY: [Encoding; 3] = [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni];

/// Legacy candidates are scored on at most this much text: plenty of evidence, and
/// keeps huge files linear in the single final decode.
const SAMPLE_LEN: usize = 1 << 20;

/// The best-scoring plausible candidate, scored on a sample and then decoding the
/// whole file.
pub(super) fn detect_legacy(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
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
pub(super) fn decode_legacy(bytes: &[u8], enc: Encoding) -> (String, usize) {
    match enc {
        Encoding::Tcvn3 => decode_tcvn3(bytes),
        Encoding::Vni => decode_vni(bytes),
        _ => decode_1258(bytes),
    }
}
