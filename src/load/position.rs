//! Line and column of a byte offset, for messages: computed going forward
//! through the text, never by rescanning it from the start.

/// Positions of increasing offsets in one text. Each query continues
/// from the previous one (line and column included), so locating every
/// article of a file reads each byte once, even when the whole file is a
/// single line (a compact JSON array).
#[derive(Default)]
pub(super) struct Cursor {
    /// The text the position is in (address and length), to start again
    /// when given another one.
    text: (usize, usize),
    offset: usize,
    /// Newlines before `offset`.
    line: usize,
    /// Characters between the start of the line and `offset`.
    column: usize,
    /// Bytes examined, for the test that keeps this linear.
    #[cfg(test)]
    pub(super) scanned: usize,
}

impl Cursor {
    /// Line and column (1-based, in characters) of `offset` in `text`.
    /// Going back starts again from the beginning of the text.
    pub(super) fn position(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let bytes = text.as_bytes();
        let offset = offset.min(bytes.len());
        let identity = (text.as_ptr() as usize, text.len());
        if self.text != identity || offset < self.offset {
            *self = Cursor {
                text: identity,
                ..Cursor::default()
            };
        }
        let step = &bytes[self.offset..offset];
        #[cfg(test)]
        {
            self.scanned += step.len();
        }
        match step.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                self.line += newlines(step);
                self.column = characters(&step[last + 1..]);
            }
            None => self.column += characters(step),
        }
        self.offset = offset;
        (self.line + 1, self.column + 1)
    }
}

fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// Characters, not bytes: continuation bytes do not start one.
fn characters(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// 1-based line and character column of byte `offset`.
pub fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (newlines(before) + 1, characters(&before[line_start..]) + 1)
}

/// serde_json reports a line and a byte column relative to the text it was
/// given, which starts at `base` in the file; this gives the byte offset
/// in the file, found by going forward from `base` only.
pub(super) fn serde_offset(text: &str, base: usize, e: &serde_json::Error) -> usize {
    let bytes = text.as_bytes();
    let mut at = base.min(bytes.len());
    for _ in 1..e.line() {
        match bytes[at..].iter().position(|&b| b == b'\n') {
            Some(nl) => at += nl + 1,
            None => break,
        }
    }
    // The column is of the last byte read; point at that character.
    (at + e.column().saturating_sub(1)).min(bytes.len())
}

/// serde_json appends " at line L column C", which is relative to the
/// fragment and so misleading here.
pub(super) fn strip_serde_position(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    // serde_json quotes the value it did not expect, whatever its length.
    const SHOWN: usize = 200;
    match message.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", &message[..end]),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_agrees_with_position() {
        let text = "[\n{\"a\": 1},\n  {\"b\": \"Từ\"}, {\"c\": 2}\n]";
        let mut cursor = Cursor::default();
        for offset in [0, 2, 5, 14, 17, 30, 31, text.len()] {
            assert_eq!(
                cursor.position(text, offset),
                position(text.as_bytes(), offset),
                "{offset}"
            );
        }
        // Going back starts again from the beginning.
        assert_eq!(cursor.position(text, 3), position(text.as_bytes(), 3));
    }

    #[test]
    fn position_counts_characters() {
        let text = "ab\nTừ x";
        assert_eq!(position(text.as_bytes(), 0), (1, 1));
        assert_eq!(position(text.as_bytes(), 3), (2, 1));
        let x = text.find('x').unwrap_or(0);
        assert_eq!(position(text.as_bytes(), x), (2, 4));
    }
}
