//! Decoding the bytes a terminal sends into key, mouse and paste events.
//!
//! crossterm's own reader keeps an unfinished sequence for as long as it
//! takes: a bracketed paste whose end never comes swallows everything
//! after it, Ctrl-C included, and half an escape sequence swallows the
//! next key. This decoder never waits on a sequence for ever: a control
//! character inside an escape sequence ends it and counts as itself (as
//! terminals do with C0 controls), Ctrl-C ends a paste, a sequence left
//! unfinished when input pauses is given up ([`Decoder::flush`]), and
//! lengths are bounded. An escape followed by another key is Esc, then
//! that key: no command is bound to Alt.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// The longest escape sequence kept; anything longer is garbage.
const MAX_SEQUENCE: usize = 64;
/// The most a paste holds: the query takes far less anyway.
const MAX_PASTE: usize = 1 << 20;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Debug, Default)]
pub struct Decoder {
    /// Bytes of an unfinished sequence or character.
    pending: Vec<u8>,
    /// Inside a bracketed paste: what it holds so far.
    paste: Option<Vec<u8>>,
    /// Inside an escape sequence too long to keep: skipped to its end.
    skipping: bool,
}

impl Decoder {
    /// Decodes `bytes`, appending the events to `out`. What is left
    /// unfinished waits for more bytes or for [`Decoder::flush`].
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        for &b in bytes {
            self.byte(b, out);
        }
    }

    /// Input paused with a sequence unfinished: a lone Esc is the Esc
    /// key, a paste is given as far as it came, the rest is dropped.
    pub fn flush(&mut self, out: &mut Vec<Event>) {
        if let Some(paste) = self.paste.take() {
            out.push(Event::Paste(String::from_utf8_lossy(&paste).into_owned()));
        }
        if self.pending == [0x1b] {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
        self.pending.clear();
        self.skipping = false;
    }

    /// How long input may pause before what is unfinished is given up
    /// ([`Decoder::flush`]); `None` when nothing waits. A sequence comes
    /// in one write, a paste in many.
    pub fn pause(&self) -> Option<std::time::Duration> {
        if self.paste.is_some() {
            Some(std::time::Duration::from_secs(1))
        } else if !self.pending.is_empty() {
            Some(std::time::Duration::from_millis(50))
        } else {
            None
        }
    }

    fn byte(&mut self, b: u8, out: &mut Vec<Event>) {
        if let Some(paste) = &mut self.paste {
            if b == 0x03 {
                // Ctrl-C is never part of text: the paste ends here.
                self.flush(out);
                out.push(key(KeyCode::Char('c'), KeyModifiers::CONTROL));
                return;
            }
            paste.push(b);
            if paste.ends_with(PASTE_END) {
                paste.truncate(paste.len() - PASTE_END.len());
                self.flush(out);
            } else if paste.len() > MAX_PASTE {
                // Kept growing without an end: the rest is dropped.
                paste.truncate(MAX_PASTE);
            }
            return;
        }
        if self.skipping {
            match b {
                0x20..=0x3f => return,
                0x40..=0x7e => {
                    self.skipping = false;
                    return;
                }
                _ => self.skipping = false,
            }
        }
        if self.pending.is_empty() {
            match b {
                0x1b => self.pending.push(b),
                0x80.. => self.pending.push(b),
                _ => out.extend(control_or_ascii(b)),
            }
            return;
        }
        if self.pending[0] == 0x1b {
            self.escape_byte(b, out);
        } else {
            self.utf8_byte(b, out);
        }
    }

    fn escape_byte(&mut self, b: u8, out: &mut Vec<Event>) {
        let len = self.pending.len();
        if len == 1 {
            match b {
                b'[' | b'O' => self.pending.push(b),
                // Esc, then whatever follows (which may start anew).
                _ => {
                    self.pending.clear();
                    out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                    self.byte(b, out);
                }
            }
            return;
        }
        if b < 0x20 || b == 0x7f {
            // A control inside a sequence ends it and counts as itself.
            self.pending.clear();
            self.byte(b, out);
            return;
        }
        self.pending.push(b);
        let seq = std::mem::take(&mut self.pending);
        if seq[1] == b'O' {
            out.extend(ss3(b));
            return;
        }
        // CSI: parameters and intermediates, then a final byte.
        if (0x40..=0x7e).contains(&b) {
            if seq == PASTE_START {
                self.paste = Some(Vec::new());
            } else {
                out.extend(csi(&seq[2..]));
            }
        } else if seq.len() < MAX_SEQUENCE {
            self.pending = seq;
        } else {
            self.skipping = true;
        }
    }

    fn utf8_byte(&mut self, b: u8, out: &mut Vec<Event>) {
        if !(0x80..0xc0).contains(&b) {
            // Not a continuation: the character was broken.
            self.pending.clear();
            self.byte(b, out);
            return;
        }
        self.pending.push(b);
        let need = match self.pending[0] {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 0,
        };
        if self.pending.len() >= need {
            let bytes = std::mem::take(&mut self.pending);
            if let Some(c) = std::str::from_utf8(&bytes)
                .ok()
                .and_then(|s| s.chars().next())
            {
                out.push(key(KeyCode::Char(c), KeyModifiers::NONE));
            }
        }
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// A byte below 0x80 outside any sequence.
fn control_or_ascii(b: u8) -> Option<Event> {
    let none = KeyModifiers::NONE;
    Some(match b {
        b'\r' | b'\n' => key(KeyCode::Enter, none),
        b'\t' => key(KeyCode::Tab, none),
        0x7f | 0x08 => key(KeyCode::Backspace, none),
        0x00 => key(KeyCode::Char(' '), KeyModifiers::CONTROL),
        0x01..=0x1a => key(
            KeyCode::Char(char::from(b - 1 + b'a')),
            KeyModifiers::CONTROL,
        ),
        0x1c..=0x1f => key(KeyCode::Char(char::from(b + 0x18)), KeyModifiers::CONTROL),
        0x20..=0x7e => {
            let c = char::from(b);
            let shift = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                none
            };
            key(KeyCode::Char(c), shift)
        }
        _ => return None,
    })
}

/// ESC O <b>: arrows, Home and End in application mode, F1–F4.
fn ss3(b: u8) -> Option<Event> {
    let code = match b {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(b - b'P' + 1),
        _ => return None,
    };
    Some(key(code, KeyModifiers::NONE))
}

/// The modifiers of a CSI parameter (1 + a bit field).
fn modifiers(param: Option<u16>) -> KeyModifiers {
    from_bits(param.unwrap_or(1).saturating_sub(1), [1, 2, 4])
}

/// Shift, Alt and Ctrl from the bits that carry them in `bits`.
fn from_bits(bits: u16, [shift, alt, ctrl]: [u16; 3]) -> KeyModifiers {
    let mut m = KeyModifiers::NONE;
    for (bit, modifier) in [
        (shift, KeyModifiers::SHIFT),
        (alt, KeyModifiers::ALT),
        (ctrl, KeyModifiers::CONTROL),
    ] {
        if bits & bit != 0 {
            m |= modifier;
        }
    }
    m
}

/// ESC [ <body>, the final byte last. Anything not understood, or with
/// a number out of range, is dropped.
fn csi(body: &[u8]) -> Option<Event> {
    let (&last, params) = body.split_last()?;
    let text = std::str::from_utf8(params).ok()?;
    if let Some(mouse) = text.strip_prefix('<') {
        return sgr_mouse(mouse, last);
    }
    let numbers: Vec<Option<u16>> = text
        .split(';')
        .map(|p| if p.is_empty() { None } else { p.parse().ok() })
        .collect();
    if text
        .split(';')
        .zip(&numbers)
        .any(|(p, n)| !p.is_empty() && n.is_none())
    {
        return None;
    }
    let first = numbers.first().copied().flatten();
    let m = modifiers(numbers.get(1).copied().flatten());
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'I' => return Some(Event::FocusGained),
        b'O' => return Some(Event::FocusLost),
        b'~' => match first? {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            n @ 11..=15 => KeyCode::F(u8::try_from(n - 10).ok()?),
            n @ 17..=21 => KeyCode::F(u8::try_from(n - 11).ok()?),
            n @ 23..=24 => KeyCode::F(u8::try_from(n - 12).ok()?),
            _ => return None,
        },
        _ => return None,
    };
    Some(key(code, m))
}

/// SGR mouse report: `<button;column;row` then M (press) or m (release).
fn sgr_mouse(params: &str, last: u8) -> Option<Event> {
    let mut it = params.split(';').map(|p| p.parse::<u16>().ok());
    let (button, column, row) = (it.next()??, it.next()??, it.next()??);
    if it.next().is_some() || column == 0 || row == 0 {
        return None;
    }
    let modifiers = from_bits(button, [4, 8, 16]);
    let which = match button & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = match (button & 64 != 0, button & 32 != 0, last) {
        (true, _, _) => match button & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        },
        (false, true, _) if button & 3 == 3 => MouseEventKind::Moved,
        (false, true, _) => MouseEventKind::Drag(which),
        (false, false, b'M') => MouseEventKind::Down(which),
        (false, false, b'm') => MouseEventKind::Up(which),
        _ => return None,
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: column - 1,
        row: row - 1,
        modifiers,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Vec<Event> {
        let mut d = Decoder::default();
        let mut out = Vec::new();
        d.feed(bytes, &mut out);
        d.flush(&mut out);
        out
    }

    fn k(code: KeyCode) -> Event {
        key(code, KeyModifiers::NONE)
    }

    fn ctrl_c() -> Event {
        key(KeyCode::Char('c'), KeyModifiers::CONTROL)
    }

    #[test]
    fn keys() {
        assert_eq!(
            decode(b"aJ\r\x7f\x15\x1b[A\x1b[1;5C\x1bOH\x1b[6~\x1b[3~\x1b[Z"),
            [
                k(KeyCode::Char('a')),
                key(KeyCode::Char('J'), KeyModifiers::SHIFT),
                k(KeyCode::Enter),
                k(KeyCode::Backspace),
                key(KeyCode::Char('u'), KeyModifiers::CONTROL),
                k(KeyCode::Up),
                key(KeyCode::Right, KeyModifiers::CONTROL),
                k(KeyCode::Home),
                k(KeyCode::PageDown),
                k(KeyCode::Delete),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
            ]
        );
        assert_eq!(decode("ệ".as_bytes()), [k(KeyCode::Char('ệ'))]);
    }

    #[test]
    fn function_keys_in_every_encoding() {
        // SS3 (xterm F1-F4), and the numbered forms rxvt and the Linux
        // console send: 11-15 are F1-F5, 17-21 F6-F10, 23-24 F11-F12.
        let f = |n| k(KeyCode::F(n));
        assert_eq!(decode(b"\x1bOP\x1bOS"), [f(1), f(4)]);
        assert_eq!(decode(b"\x1b[11~\x1b[15~"), [f(1), f(5)]);
        assert_eq!(decode(b"\x1b[17~\x1b[21~"), [f(6), f(10)]);
        assert_eq!(decode(b"\x1b[23~\x1b[24~"), [f(11), f(12)]);
    }

    #[test]
    fn esc_then_a_key_is_two_keys() {
        assert_eq!(decode(b"\x1bj"), [k(KeyCode::Esc), k(KeyCode::Char('j'))]);
        assert_eq!(decode(b"\x1b\x1b"), [k(KeyCode::Esc), k(KeyCode::Esc)]);
        assert_eq!(decode(b"\x1b"), [k(KeyCode::Esc)]);
    }

    #[test]
    fn pastes_are_bounded_and_ctrl_c_ends_them() {
        assert_eq!(
            decode(b"\x1b[200~a\rb\x1b[201~x"),
            [Event::Paste("a\rb".into()), k(KeyCode::Char('x'))]
        );
        assert_eq!(
            decode(b"\x1b[200~never ended\x03q"),
            [
                Event::Paste("never ended".into()),
                ctrl_c(),
                k(KeyCode::Char('q'))
            ]
        );
        let mut big = PASTE_START.to_vec();
        big.extend(std::iter::repeat_n(b'x', 3 * MAX_PASTE));
        big.extend(PASTE_END);
        let events = decode(&big);
        assert!(matches!(&events[..], [Event::Paste(p)] if p.len() <= MAX_PASTE));
    }

    #[test]
    fn a_control_ends_an_unfinished_sequence() {
        assert_eq!(decode(b"\x1b[\x03"), [ctrl_c()]);
        assert_eq!(decode(b"\x1b[<0;5\x03"), [ctrl_c()]);
        assert_eq!(decode(b"\x1b[12"), []);
    }

    #[test]
    fn mouse_reports() {
        assert_eq!(
            decode(b"\x1b[<0;10;5M"),
            [Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: 9,
                row: 4,
                modifiers: KeyModifiers::NONE,
            })]
        );
        assert!(matches!(
            &decode(b"\x1b[<65;1;1M")[..],
            [Event::Mouse(MouseEvent {
                kind: MouseEventKind::ScrollDown,
                ..
            })]
        ));
        // Absurd coordinates: dropped whole, nothing typed.
        assert_eq!(decode(b"\x1b[<0;99999999;5Mz"), [k(KeyCode::Char('z'))]);
        assert_eq!(decode(b"\x1b[<0;0;5M"), []);
    }

    proptest::proptest! {
        /// Whatever came before, Ctrl-C is Ctrl-C, and decoding never
        /// panics.
        #[test]
        fn ctrl_c_after_anything_is_ctrl_c(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            start in proptest::sample::select(vec![&b""[..], b"\x1b", b"\x1b[", b"\x1b[200~", b"\x1b[<1;2", b"\xe1\xbb"]),
        ) {
            let mut all = start.to_vec();
            all.extend(&bytes);
            all.push(0x03);
            let mut d = Decoder::default();
            let mut out = Vec::new();
            d.feed(&all, &mut out);
            proptest::prop_assert_eq!(out.last(), Some(&ctrl_c()));
        }
    }

    #[test]
    fn garbage_is_bounded() {
        let mut bytes = b"\x1b[".to_vec();
        bytes.extend(std::iter::repeat_n(b'1', 10_000));
        // Its final byte ends it; what follows is a key again.
        bytes.extend(b"~q");
        assert_eq!(decode(&bytes), [k(KeyCode::Char('q'))]);
    }
}
