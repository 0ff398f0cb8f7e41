//! Locating the articles of a large collection file without holding it:
//! the file is read in chunks and only its top-level structure is followed
//! (brackets, commas, strings), so a file of any size, or one article of
//! gigabytes, costs a chunk of memory. It serves the three layouts: an
//! array, objects one after another, JSON Lines. Each article's JSON is checked
//! later, when it is read back; anything this scan does not understand
//! (not an array, a comma missing at the top level, bad UTF-8…) is left
//! to the reader that takes the whole text and says exactly what is wrong.

use std::io::Read;
use std::ops::Range;

/// Bytes read at a time.
const CHUNK: usize = 1 << 20;

/// An article's bytes in the file and the line and column it starts at.
pub(super) type Span = (Range<usize>, (usize, usize));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// White space, then `[` (an array) or a value (objects one after
    /// another, or the first line of JSON Lines).
    Start,
    /// Between values of a stream: white space or the next value.
    Between,
    /// Right after `[`: an article or `]`.
    FirstOrEnd,
    /// After a comma: an article.
    Element,
    /// Inside an article, or after it before its comma.
    InElement,
    /// After the closing `]`: white space only.
    End,
}

struct Scanner {
    expect: Expect,
    /// One value a line (JSON Lines): a value may not span lines, nor two
    /// share one.
    lines: bool,
    /// In a stream (not an array): values follow each other with no comma.
    stream: bool,
    /// A newline since the last value ended (JSON Lines).
    new_line: bool,
    in_string: bool,
    escaped: bool,
    depth: usize,
    /// The article's value is whole: only white space, a comma or the
    /// closing bracket may follow.
    complete: bool,
    /// Newlines so far, and characters since the last one.
    line: usize,
    column: usize,
    /// The article being read: where it starts (offset, position) and
    /// where its last byte that is not white space ends.
    start: (usize, (usize, usize)),
    end: usize,
    spans: Vec<Span>,
}

impl Scanner {
    fn new(lines: bool) -> Scanner {
        Scanner {
            expect: Expect::Start,
            lines,
            stream: lines,
            new_line: true,
            in_string: false,
            escaped: false,
            depth: 0,
            complete: false,
            line: 0,
            column: 0,
            start: (0, (1, 1)),
            end: 0,
            spans: Vec::new(),
        }
    }

    /// Follows `bytes`, which start at `base` in the file; `None` when the
    /// structure is not an array of values.
    fn feed(&mut self, bytes: &[u8], base: usize) -> Option<()> {
        let mut i = 0;
        while i < bytes.len() {
            if self.in_string {
                // Most of a collection is text: jump to the next quote or
                // backslash, counting what is skipped.
                let rest = &bytes[i..];
                let skip = if self.escaped {
                    0
                } else if self.lines {
                    memchr::memchr3(b'"', b'\\', b'\n', rest).unwrap_or(rest.len())
                } else {
                    memchr::memchr2(b'"', b'\\', rest).unwrap_or(rest.len())
                };
                self.count(&bytes[i..i + skip]);
                i += skip;
                let Some(&b) = bytes.get(i) else { break };
                if b == b'\n' && self.lines {
                    // A line cut inside a string: JSON Lines reads it alone.
                    return None;
                }
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                    self.end = base + i + 1;
                    self.complete = self.depth == 0;
                }
                self.count(&bytes[i..=i]);
                i += 1;
                continue;
            }
            let b = bytes[i];
            let at = base + i;
            let blank = matches!(b, b' ' | b'\t' | b'\n' | b'\r');
            if b == b'\n' {
                if self.lines && self.expect == Expect::InElement && !self.complete {
                    return None;
                }
                self.new_line = true;
            }
            match self.expect {
                Expect::Start if blank || (at < 3 && is_bom(at, b)) => {}
                Expect::Start if b == b'[' && !self.lines => self.expect = Expect::FirstOrEnd,
                Expect::Start | Expect::Between if blank => {}
                Expect::Start | Expect::Between => {
                    self.stream = true;
                    self.begin(b, at)?;
                }
                Expect::FirstOrEnd | Expect::Element if blank => {}
                Expect::FirstOrEnd if b == b']' => self.expect = Expect::End,
                Expect::FirstOrEnd | Expect::Element => self.begin(b, at)?,
                Expect::InElement if self.stream && self.depth == 0 && self.complete && !blank => {
                    // The next value of a stream (on a line of its own in
                    // JSON Lines).
                    if self.lines && !self.new_line {
                        return None;
                    }
                    self.close();
                    self.begin(b, at)?;
                }
                Expect::InElement => self.element_byte(b, at)?,
                Expect::End if blank => {}
                Expect::End => return None,
            }
            self.count(&bytes[i..=i]);
            i += 1;
        }
        Some(())
    }

    /// A value starts with `b`, at `at`.
    fn begin(&mut self, b: u8, at: usize) -> Option<()> {
        if matches!(b, b',' | b']' | b'}') {
            return None;
        }
        self.start = (at, (self.line + 1, self.column + 1));
        self.expect = Expect::InElement;
        self.complete = false;
        self.new_line = false;
        self.element_byte(b, at)
    }

    fn element_byte(&mut self, b: u8, at: usize) -> Option<()> {
        let top = self.depth == 0;
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => self.complete |= top,
            b',' | b']' if top && self.stream => return None,
            b',' if top => {
                self.close();
                self.expect = Expect::Element;
            }
            b']' if top => {
                self.close();
                self.expect = Expect::End;
            }
            b'}' if top => return None,
            // A second value where a comma should be: the whole-text reader
            // says where.
            _ if top && self.complete => return None,
            b'"' => self.in_string = true,
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => {
                self.depth -= 1;
                self.end = at + 1;
                self.complete = self.depth == 0;
            }
            _ => {
                if top {
                    self.end = at + 1;
                }
            }
        }
        Some(())
    }

    fn close(&mut self) {
        let (start, at) = self.start;
        self.spans.push((start..self.end.max(start), at));
        if self.stream {
            self.expect = Expect::Between;
        }
    }

    /// Lines and character columns, going forward only.
    fn count(&mut self, bytes: &[u8]) {
        match memchr::memrchr(b'\n', bytes) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', bytes).count();
                self.column = characters(&bytes[last + 1..]);
            }
            None => self.column += characters(bytes),
        }
    }
}

fn characters(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// The byte order mark at the start of a file (EF BB BF).
fn is_bom(at: usize, b: u8) -> bool {
    [0xEF, 0xBB, 0xBF].get(at) == Some(&b)
}

/// The articles of the collection that `reader` holds, each with its
/// position; `lines`: JSON Lines. `None` when it is not a collection this
/// scan can follow (the caller then reads the whole text, which says
/// why). Only read errors are errors.
pub(super) fn spans(mut reader: impl Read, lines: bool) -> std::io::Result<Option<Vec<Span>>> {
    let mut scanner = Scanner::new(lines);
    let mut buf = vec![0u8; CHUNK + 4];
    // Bytes of a character cut by the end of the previous chunk.
    let mut carried = 0;
    let mut base = 0;
    loop {
        let n = match reader.read(&mut buf[carried..carried + CHUNK]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            break;
        }
        let data = &buf[..carried + n];
        let valid = match simdutf8::compat::from_utf8(data) {
            Ok(_) => data.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => return Ok(None),
        };
        if scanner.feed(&data[..valid], base).is_none() {
            return Ok(None);
        }
        base += valid;
        let rest = data.len() - valid;
        buf.copy_within(valid..valid + rest, 0);
        carried = rest;
    }
    if carried != 0 || scanner.in_string || scanner.depth != 0 {
        return Ok(None);
    }
    match scanner.expect {
        Expect::End | Expect::Between => {}
        Expect::InElement if scanner.stream && scanner.complete => scanner.close(),
        // An empty file, or an array or a value left open.
        _ => return Ok(None),
    }
    Ok(Some(scanner.spans))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::value::RawValue;

    /// What the whole-text reader finds: each value's bytes and position.
    fn by_serde(text: &str) -> Vec<Span> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let skip = text.len() - body.len();
        let values: Vec<&RawValue> = serde_json::from_str(body).expect("valid");
        let mut cursor = super::super::position::Cursor::default();
        values
            .iter()
            .map(|raw| {
                let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                let _ = skip;
                (start..start + raw.get().len(), cursor.position(text, start))
            })
            .collect()
    }

    fn scan(text: &str) -> Option<Vec<Span>> {
        spans(text.as_bytes(), false).expect("no read error")
    }

    #[test]
    fn finds_what_the_whole_text_reader_finds() {
        for text in [
            "[]",
            " [ ] \n",
            "[{\"id\":\"a\"}]",
            "[\n  {\"id\": \"a\", \"body\": \"x]},\\\"\"},\n  {\"id\": \"b\"}\n]\n",
            "\u{feff}[{\"id\":\"Từ Sơn\"},{\"id\":\"b\",\"t\":[1,{\"x\":[]}]}]",
            "[1, \"two\", null, {\"id\":\"c\"}]",
        ] {
            assert_eq!(scan(text), Some(by_serde(text)), "{text:?}");
        }
    }

    #[test]
    fn leaves_what_it_cannot_follow_to_the_whole_text_reader() {
        for text in [
            "",
            "{\"id\":\"a\"}]",
            "[{\"id\":\"a\"}",
            "[{\"id\":\"a\"},]",
            "[,{\"id\":\"a\"}]",
            "[{\"id\":\"a\"}}]",
            "[{\"id\":\"a\"}] x",
            "[\"open",
        ] {
            assert_eq!(scan(text), None, "{text:?}");
        }
        assert_eq!(spans(&b"[\"\xff\"]"[..], false).expect("read"), None);
    }

    #[test]
    fn a_huge_article_is_located_not_held() {
        let big = 3 * CHUNK + 17;
        let mut text = String::from("[{\"id\":\"a\",\"body\":\"");
        text.push_str(&"ệ".repeat(big / 3));
        text.push_str("\"},\n{\"id\":\"b\"}]");
        let spans = scan(&text).expect("an array");
        assert_eq!(spans, by_serde(&text));
        assert!(spans[0].0.len() > big);
    }

    fn any_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            "\\PC{0,12}|[\"\\\\\\[\\]{},\n]{0,6}".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
                prop::collection::hash_map("[a-zđ\"]{0,4}", inner, 0..4)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// What the whole-text reader of a stream finds.
    fn stream_by_serde(text: &str) -> Vec<Span> {
        let mut cursor = super::super::position::Cursor::default();
        serde_json::Deserializer::from_str(text)
            .into_iter::<&RawValue>()
            .map(|raw| {
                let raw = raw.expect("valid");
                let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                (start..start + raw.get().len(), cursor.position(text, start))
            })
            .collect()
    }

    #[test]
    fn streams_and_lines_are_located_too() {
        let text = "{\"id\":\"a\"}{\"id\":\"b\"}\n\n  {\"id\":\"c\",\n\"t\":\"x}\"}\n";
        assert_eq!(
            spans(text.as_bytes(), false).expect("read"),
            Some(stream_by_serde(text))
        );
        let lines = "{\"id\":\"a\"}\n\n{\"id\":\"b\",\"t\":[1]}\n";
        assert_eq!(
            spans(lines.as_bytes(), true).expect("read"),
            Some(stream_by_serde(lines))
        );
        for text in [
            "{\"id\":\"a\"} {\"id\":\"b\"}\n",
            "{\"id\":\"a\",\n\"t\":1}\n",
            "{\"id\":\"a\",\"t\":\"x\ny\"}\n",
            "{\"id\":\"a\"},\n",
            "{\"id\":\"a\"\n",
        ] {
            assert_eq!(
                spans(text.as_bytes(), true).expect("read"),
                None,
                "{text:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn any_array_is_located_as_serde_locates_it(
            values in prop::collection::vec(any_value(), 0..6),
            pretty in any::<bool>(),
        ) {
            let array = serde_json::Value::Array(values);
            let text = if pretty {
                serde_json::to_string_pretty(&array)
            } else {
                serde_json::to_string(&array)
            }
            .expect("serialises");
            prop_assert_eq!(scan(&text), Some(by_serde(&text)));
        }
    }
}
