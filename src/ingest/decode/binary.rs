//! Binary data: NUL bytes, or C0 controls in bulk, which no text encoding uses for
//! letters.

use super::DecodeError;

/// Stray controls above 1/32 of the units make a file binary: text may carry a stray
/// ESC or DOS end-of-file byte, but not in bulk.
const CONTROL_SHARE_DIVISOR: usize = 32;

pub(super) fn non_empty(bytes: &[u8]) -> Result<(), DecodeError> {
    if bytes.is_empty() {
        Err(DecodeError::Empty)
    } else {
        Ok(())
    }
}

pub(super) fn check_binary_bytes(bytes: &[u8], base: usize) -> Result<(), DecodeError> {
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

/// C0 controls that plain text does not contain; tab, LF, CR and form feed it does.
fn is_stray_control(unit: u32) -> bool {
    unit < 0x20 && !matches!(unit, 0x09 | 0x0A | 0x0C | 0x0D)
}

/// Any NUL, or stray controls above the allowed share, make the input binary.
pub(super) fn check_binary(units: impl Iterator<Item = (usize, u32)>) -> Result<(), DecodeError> {
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
