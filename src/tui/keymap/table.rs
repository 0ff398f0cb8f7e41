//! The default keys, as data: one row a key, the modes it works in,
//! the command it gives, and the modes whose help names it. The key
//! lookup, the labels of `tintuc config --actions`, the help's key
//! column and the status bar's key hints are all read from here.

use super::super::action::{Command, Mode};
use crate::config::{KeyName, KeySpec};

/// A set of modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Modes(u8);

impl Modes {
    pub const NONE: Modes = Modes(0);
    pub const LIST: Modes = Modes(1);
    pub const READING: Modes = Modes(2);
    pub const HELP: Modes = Modes(4);
    pub const QUERY: Modes = Modes(8);
    pub const FIND: Modes = Modes(16);
    pub const PLACES: Modes = Modes(32);
    pub const DATES: Modes = Modes(64);

    pub const fn and(self, other: Modes) -> Modes {
        Modes(self.0 | other.0)
    }

    pub fn has(self, mode: Mode) -> bool {
        let bit = match mode {
            Mode::List => Modes::LIST,
            Mode::Reading => Modes::READING,
            Mode::Help => Modes::HELP,
            Mode::Query => Modes::QUERY,
            Mode::Find => Modes::FIND,
            Mode::Places => Modes::PLACES,
            Mode::Dates => Modes::DATES,
        };
        self.0 & bit.0 != 0
    }
}

/// One key of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub modes: Modes,
    pub key: KeySpec,
    pub command: Command,
    /// The modes whose help (and key hints) name this key: the help
    /// shows the main keys of a command, not every one.
    pub shown: Modes,
    /// Whether the key also gives the command with Ctrl held.
    pub with_ctrl_too: bool,
}

impl Binding {
    const fn shown(self, shown: Modes) -> Binding {
        Binding { shown, ..self }
    }

    const fn with_ctrl_too(self) -> Binding {
        Binding {
            with_ctrl_too: true,
            ..self
        }
    }
}

const fn bind(modes: Modes, key: KeySpec, command: Command) -> Binding {
    Binding {
        modes,
        key,
        command,
        shown: Modes::NONE,
        with_ctrl_too: false,
    }
}

const fn ch(c: char) -> KeySpec {
    KeySpec {
        key: KeyName::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> KeySpec {
    KeySpec {
        key: KeyName::Char(c),
        ctrl: true,
    }
}

const fn named(key: KeyName) -> KeySpec {
    KeySpec { key, ctrl: false }
}

const L: Modes = Modes::LIST;
const R: Modes = Modes::READING;
const H: Modes = Modes::HELP;
const LR: Modes = L.and(R);
const RH: Modes = R.and(H);
const LRH: Modes = LR.and(H);
const Q: Modes = Modes::QUERY;
const F: Modes = Modes::FIND;
const P: Modes = Modes::PLACES;
const D: Modes = Modes::DATES;
const QF: Modes = Q.and(F);
const QFP: Modes = QF.and(P);
const ALL: Modes = LRH.and(QFP).and(D);

use Command::*;
use KeyName::{
    BackTab, Backspace, Delete, Down as DownKey, End, Enter, Esc, Home, Left, PageDown as PgDn,
    PageUp as PgUp, Right, Tab, Up as UpKey,
};

/// The keys of every mode. A command's keys are listed in the order
/// they are shown. In the text lines a letter without Ctrl that no row
/// takes is typed.
#[rustfmt::skip]
pub const DEFAULT_KEYS: &[Binding] = &[
    bind(LRH, ch('j'), Down).shown(LR),
    bind(LRH, named(DownKey), Down).shown(LR),
    bind(LR, ctrl('n'), Down),
    bind(R, ctrl('e'), Down),
    bind(LRH, ch('k'), Up).shown(LR),
    bind(LRH, named(UpKey), Up).shown(LR),
    bind(LR, ctrl('p'), Up),
    bind(R, ctrl('y'), Up),
    bind(H, ch(' '), PageDown),
    bind(L, named(PgDn), PageDown).shown(L).with_ctrl_too(),
    bind(RH, named(PgDn), PageDown).shown(R),
    bind(LRH, ctrl('f'), PageDown),
    bind(LRH, ctrl('d'), PageDown),
    bind(R, ch(' '), ReadOn).shown(R),
    bind(RH, ch('b'), PageUp).shown(R),
    bind(L, named(PgUp), PageUp).shown(L).with_ctrl_too(),
    bind(RH, named(PgUp), PageUp).shown(R),
    bind(LRH, ctrl('b'), PageUp),
    bind(LRH, ctrl('u'), PageUp),
    bind(LRH, ch('g'), Top).shown(LR),
    bind(LRH, named(Home), Top).shown(L),
    bind(LRH, ch('G'), Bottom).shown(LR),
    bind(LRH, named(End), Bottom).shown(L),
    bind(L, named(Enter), Open).shown(L),
    bind(L, ch('l'), Open).shown(L),
    bind(L, named(Right), Open).shown(L),
    bind(R, ch('h'), Back).shown(R),
    bind(R, named(Left), Back).shown(R),
    bind(R, named(Esc), Back).shown(R),
    bind(R, ch('q'), Back).shown(R),
    bind(L, ch('/'), Search).shown(L),
    bind(R, ch('/'), Find).shown(R),
    bind(R, ch('n'), FindNext).shown(R),
    bind(R, ch('N'), FindPrev).shown(R),
    bind(R, ch('J'), NextArticle).shown(R),
    bind(R, ch(']'), NextArticle).shown(R),
    bind(R, ch('K'), PrevArticle).shown(R),
    bind(R, ch('['), PrevArticle).shown(R),
    bind(LR, named(Tab), SwitchFocus).shown(L).with_ctrl_too(),
    bind(LR, named(BackTab), SwitchFocus).with_ctrl_too(),
    bind(LR, ch('m'), Bookmark).shown(LR),
    bind(LR, ch('y'), Copy).shown(LR),
    bind(LR, ch('Y'), CopyTitle).shown(LR),
    bind(LR, ch('p'), Places).shown(L),
    bind(LR, ch('d'), Dates).shown(L),
    bind(LR, ch('s'), Sort).shown(L),
    bind(LR, ch('z'), ToggleReading).shown(L),
    bind(LR, ch('?'), Help).shown(L),
    bind(L, ch('q'), Quit).shown(L),
    bind(H, named(Esc), Close).shown(H),
    bind(H, ch('?'), Close),
    bind(H, ch('q'), Close),
    bind(H, named(Enter), Close),
    // The query line.
    bind(Q, named(Enter), Submit).shown(Q),
    bind(Q, named(Esc), Submit).shown(Q),
    bind(Q, named(Tab), SwitchFocus).with_ctrl_too(),
    bind(Q, named(BackTab), SwitchFocus).with_ctrl_too(),
    bind(Q, named(UpKey), HistoryOlder).shown(Q).with_ctrl_too(),
    bind(Q, ctrl('p'), HistoryOlder),
    bind(Q, named(DownKey), HistoryNewer).shown(Q).with_ctrl_too(),
    bind(Q, ctrl('n'), HistoryNewer),
    // Finding in the article.
    bind(F, named(Enter), FindSubmit),
    bind(F, named(Esc), FindCancel),
    // The place picker.
    bind(P, named(Esc), Close).shown(P).with_ctrl_too(),
    bind(P, named(Enter), Choose).shown(P).with_ctrl_too(),
    bind(P, named(Tab), Sort).shown(P).with_ctrl_too(),
    bind(P, named(BackTab), Sort).with_ctrl_too(),
    bind(P, named(DownKey), Down).shown(P).with_ctrl_too(),
    bind(P, ctrl('n'), Down),
    bind(P, ctrl('j'), Down),
    bind(P, named(UpKey), Up).shown(P).with_ctrl_too(),
    bind(P, ctrl('p'), Up),
    bind(P, ctrl('k'), Up),
    bind(P, named(PgDn), PageDown).shown(P).with_ctrl_too(),
    bind(P, named(PgUp), PageUp).shown(P).with_ctrl_too(),
    // Editing a text line.
    bind(QFP, ctrl('u'), ClearLine).shown(Q),
    bind(QFP, ctrl('w'), DeleteWord).shown(Q),
    bind(QFP, ctrl('h'), DeleteBack),
    bind(QFP, named(Backspace), DeleteBack).shown(Q).with_ctrl_too(),
    bind(QF, ctrl('k'), DeleteToEnd),
    bind(QFP, ctrl('a'), CursorStart),
    bind(QFP, named(Home), CursorStart).shown(Q).with_ctrl_too(),
    bind(QFP, ctrl('e'), CursorEnd),
    bind(QFP, named(End), CursorEnd).shown(Q).with_ctrl_too(),
    bind(QFP, ctrl('b'), CursorLeft),
    bind(QFP, named(Left), CursorLeft).shown(Q).with_ctrl_too(),
    bind(QFP, ctrl('f'), CursorRight),
    bind(QFP, named(Right), CursorRight).shown(Q).with_ctrl_too(),
    bind(QFP, ctrl('d'), DeleteForward),
    bind(QFP, named(Delete), DeleteForward).shown(Q).with_ctrl_too(),
    // The date picker: a letter with Ctrl is the letter.
    bind(D, named(Esc), Close).shown(D).with_ctrl_too(),
    bind(D, ch('q'), Close).shown(D).with_ctrl_too(),
    bind(D, named(Enter), Choose).shown(D).with_ctrl_too(),
    bind(D, named(Left), Earlier).shown(D).with_ctrl_too(),
    bind(D, ch('h'), Earlier).shown(D).with_ctrl_too(),
    bind(D, named(Right), Later).shown(D).with_ctrl_too(),
    bind(D, ch('l'), Later).shown(D).with_ctrl_too(),
    bind(D, named(Home), Top).with_ctrl_too(),
    bind(D, ch('g'), Top).with_ctrl_too(),
    bind(D, named(End), Bottom).with_ctrl_too(),
    bind(D, ch('G'), Bottom).with_ctrl_too(),
    bind(D, named(DownKey), Down).shown(D).with_ctrl_too(),
    bind(D, ch('j'), Down).shown(D).with_ctrl_too(),
    bind(D, named(UpKey), Up).shown(D).with_ctrl_too(),
    bind(D, ch('k'), Up).shown(D).with_ctrl_too(),
    bind(D, named(Backspace), Up).with_ctrl_too(),
];

/// Keys that mean the same in every mode, whatever the configuration
/// says (Ctrl-C quits from a text line too).
#[rustfmt::skip]
pub const FIXED_KEYS: &[Binding] = &[
    bind(ALL, ctrl('c'), Quit).shown(L),
    bind(ALL, ctrl('l'), Redraw),
    bind(ALL, ctrl('z'), Suspend),
];
