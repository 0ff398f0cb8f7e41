//! Line and column of a byte offset, for messages: computed going forward
//! through the text, never by rescanning it from the start.

#[derive(Default)]
pub(super) struct Cursor {
    text: usize,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl Cursor {
    /// Line and column (1-based, in characters) of `offset` in `text`.
    pub(super) fn position(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let bytes = text.as_bytes();
        let offset = offset.min(bytes.len());
        if self.text != text.as_ptr() as usize || offset < self.offset {
            *self = Cursor {
                text: text.as_ptr() as usize,
                ..Cursor::default()
            };
        }
        for (i, &b) in bytes[self.offset..offset].iter().enumerate() {
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = offset;
        let column = bytes[self.line_start..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        (self.line + 1, column)
    }
}

/// 1-based line and character column of byte `offset`.
pub fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    // Count characters, not bytes: continuation bytes do not start one.
    let column = before[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
        + 1;
    (line, column)
}

/// serde_json reports a line and a byte column relative to the text it was
/// given, which starts at `base` in the file; this gives the file's line
/// and character column.
pub(super) fn serde_position(text: &str, base: usize, e: &serde_json::Error) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut at = base;
    for _ in 1..e.line() {
        match bytes[at..].iter().position(|&b| b == b'\n') {
            Some(nl) => at += nl + 1,
            None => break,
        }
    }
    // The column is of the last byte read; point at that character.
    let at = (at + e.column().saturating_sub(1)).min(bytes.len());
    position(bytes, at)
}

/// serde_json appends " at line L column C", which is relative to the
/// fragment and so misleading here.
pub(super) fn strip_serde_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
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
