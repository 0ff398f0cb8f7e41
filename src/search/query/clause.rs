//! What a query is made of: clauses, their alternatives, and where each
//! was typed.

use std::ops::Range;

use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization;

use crate::text::{canonical_tones, fold_str, has_diacritics};

/// One word of a query, in the forms it is matched by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Word {
    /// Folded: no marks, lowercase.
    pub folded: String,
    /// Lowercase NFC with canonical tone placement, when the word was typed
    /// with diacritics (which must then match); `None` otherwise.
    pub exact: Option<String>,
}

impl Word {
    /// A word as typed (one token: letters and digits only).
    pub fn new(typed: &str) -> Word {
        let nfc: String = typed.nfc().collect();
        Word {
            folded: fold_str(&nfc),
            exact: has_diacritics(&nfc).then(|| exact_form(&nfc)),
        }
    }

    /// A word from a data file, always matched without diacritics.
    pub fn folded(typed: &str) -> Word {
        Word {
            folded: fold_str(typed),
            exact: None,
        }
    }

    /// How the word is shown and compared.
    pub fn key(&self) -> &str {
        self.exact.as_deref().unwrap_or(&self.folded)
    }
}

/// Lowercase, NFC, tone marks placed the new way: the form that
/// diacritic-sensitive matching compares.
pub fn exact_form(s: &str) -> String {
    canonical_tones(&s.to_lowercase())
}

/// An inclusive date range; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The day a term around a day (`#3/9/2020~3`) is centred on: nearer
    /// days rank first when nothing else decides.
    pub near: Option<Date>,
    /// A month of every year (`#thang9`, 1–12), within the range.
    pub every_year: Option<i8>,
}

impl DateRange {
    /// Whether an article dated by the day numbered `day` (days since
    /// 0001-01-01) is in the range, given the range's own ends as day
    /// numbers `lo..=hi`. Dated by its month only (`day` its first day),
    /// it is when the range holds the whole month: `#2025-07` and `#2025`
    /// do, a day or a week never does.
    pub fn holds(&self, (lo, hi): (i32, i32), day: i32, month_only: bool) -> bool {
        let last = if month_only { month_end(day) } else { day };
        lo <= day && last <= hi && self.every_year.is_none_or(|m| month_of_day(day) == m)
    }
}

/// The day number of the last day of the month that day number `first`
/// is in (itself when out of the calendar).
fn month_end(first: i32) -> i32 {
    let origin = jiff::civil::date(1, 1, 1);
    jiff::Span::new()
        .try_days(first)
        .ok()
        .and_then(|span| origin.checked_add(span).ok())
        .map(|d| (d.last_of_month() - origin).get_days())
        .unwrap_or(first)
}

/// The month (1–12) of the day numbered `day` (days since 0001-01-01):
/// arithmetic on the proleptic Gregorian calendar, without building a
/// date, as a month of every year is checked for every dated article.
pub fn month_of_day(day: i32) -> i8 {
    // Days since 0000-03-01: years that start in March end with the leap
    // day, so the months from March on have a fixed pattern.
    let z = i64::from(day) + 306;
    let era = z.div_euclid(146_097);
    let of_era = z - era * 146_097;
    let year_of_era = (of_era - of_era / 1460 + of_era / 36_524 - of_era / 146_096) / 365;
    let day_of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let m = (5 * day_of_year + 2) / 153;
    let month = if m < 10 { m + 3 } else { m - 9 };
    i8::try_from(month).unwrap_or(1)
}

/// A place filter: the forms of the name that are looked up.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlaceTerm {
    /// Keys to look up (folded, letters and digits only): the name as
    /// typed and without its type word.
    pub keys: Vec<String>,
    /// With diacritics typed: the same keys in exact form.
    pub exact: Option<Vec<String>>,
}

/// One way a clause can be satisfied.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Alt {
    /// A word start in title or body, or a fuzzy title match.
    Keyword(Word),
    /// A whole word.
    Exact(Word),
    /// Consecutive words; with `open`, the last may be a word start (the
    /// closing quote has not been typed yet).
    Phrase {
        words: Vec<Word>,
        open: bool,
    },
    Place(PlaceTerm),
    /// A place's name typed run together (`thuongtin`): the articles
    /// about the place, and those with its name written as `words`.
    PlaceName {
        term: PlaceTerm,
        words: Vec<Word>,
    },
    Date(DateRange),
    /// What the reader did with the article.
    Flag(Flag),
}

impl Alt {
    /// Keywords this alternative highlights.
    pub fn words(&self) -> Vec<&Word> {
        match self {
            Alt::Keyword(w) | Alt::Exact(w) => vec![w],
            Alt::Phrase { words, .. } | Alt::PlaceName { words, .. } => words.iter().collect(),
            Alt::Place(_) | Alt::Date(_) | Alt::Flag(_) => Vec::new(),
        }
    }
}

/// `is:` terms: what the reading state says about an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    Read,
    Unread,
    Bookmarked,
}

impl Flag {
    /// The values `is:` takes, as written.
    pub const NAMES: [(&'static str, Flag); 3] = [
        ("unread", Flag::Unread),
        ("read", Flag::Read),
        ("bookmarked", Flag::Bookmarked),
    ];

    /// A value of `is:`, or any prefix of one (they all start
    /// differently): `is:b` while `is:bookmarked` is being typed.
    pub fn parse(value: &str) -> Option<Flag> {
        let v = value.to_ascii_lowercase();
        Flag::NAMES
            .iter()
            .find(|(name, _)| !v.is_empty() && name.starts_with(v.as_str()))
            .map(|(_, f)| *f)
    }
}

/// What an alternative was written as, from its first characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `thon`, `covid-19`
    Word,
    /// `'thon`
    Exact,
    /// `"nông thôn mới"`
    Phrase,
    /// `@tuson`
    Place,
    /// `#2020`
    Date,
    /// `is:read`
    Flag,
}

impl Kind {
    /// The kind of an alternative as typed; `None` for an empty one.
    pub fn of(typed: &str) -> Option<Kind> {
        let kind = match typed.as_bytes() {
            [] => return None,
            [b'@', ..] => Kind::Place,
            [b'#', ..] => Kind::Date,
            [i, s, b':', ..] if i.eq_ignore_ascii_case(&b'i') && s.eq_ignore_ascii_case(&b's') => {
                Kind::Flag
            }
            [b'\'', ..] => Kind::Exact,
            [b'"', ..] => Kind::Phrase,
            _ => Kind::Word,
        };
        Some(kind)
    }
}

/// One alternative as typed: its kind and where it is in the query text
/// (without the `!` before it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Part {
    pub kind: Kind,
    pub span: Range<usize>,
}

/// A term of the query: it holds when any alternative does (or, negated,
/// when none does).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Clause {
    pub negated: bool,
    pub alts: Vec<Alt>,
    /// The term as typed (NFC), for the status bar.
    pub text: String,
    /// Where the term is in the query text, `!` included.
    pub span: Range<usize>,
    /// Its alternatives as typed, in order (abbreviations add to `alts`,
    /// never here).
    pub parts: Vec<Part>,
}

impl Clause {
    /// What the clause matches: equal keys, equal matches.
    pub fn key(&self) -> ClauseKey {
        ClauseKey {
            negated: self.negated,
            alts: self.alts.clone(),
        }
    }

    pub fn is_place(&self) -> bool {
        self.alts.iter().all(|a| matches!(a, Alt::Place(_)))
    }

    pub fn is_date(&self) -> bool {
        self.alts.iter().all(|a| matches!(a, Alt::Date(_)))
    }

    /// Whether the term narrows by `kind`: not negated, and one of its
    /// alternatives is written as one (`@a|#2020` narrows by place and
    /// by date).
    pub fn narrows_by(&self, kind: Kind) -> bool {
        !self.negated && self.parts.iter().any(|p| p.kind == kind)
    }

    /// The single keyword of a plain keyword clause.
    pub fn plain_keyword(&self) -> Option<&Word> {
        match (self.negated, self.alts.as_slice()) {
            (false, [Alt::Keyword(w)]) => Some(w),
            _ => None,
        }
    }
}

/// A clause without where it was typed: what results are cached under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClauseKey {
    negated: bool,
    alts: Vec<Alt>,
}

impl ClauseKey {
    /// Whether what the clause matches depends on the reading state.
    pub fn reads_marks(&self) -> bool {
        self.alts.iter().any(|a| matches!(a, Alt::Flag(_)))
    }

    /// The keyword a clause starts with, when it is not negated
    /// (abbreviations add alternatives after it, never before).
    pub fn leading_keyword(&self) -> Option<&Word> {
        match (self.negated, self.alts.first()) {
            (false, Some(Alt::Keyword(w))) => Some(w),
            _ => None,
        }
    }
}
