//! The query language: parsing one query line into clauses.
//!
//! Terms are separated by spaces and all must hold. A term is a keyword
//! (`thon`), an exact word (`'thon`), a phrase (`"nông thôn mới"`), a
//! place (`@tuson`, `@"Từ Sơn"`), a date (`#2020`, `#3/9/2020`,
//! `#2017..2020`), what the reader did with the article (`is:unread`,
//! `is:read`, `is:bookmarked`), or several of these joined by `|`
//! (either). `!` before a term excludes what it matches.
//!
//! Parsing never fails: an unfinished term (`@`, `#20`, `"open`, `!`) is
//! ignored or read leniently, and a term that cannot mean anything
//! (`#2020-13`) becomes a hint and filters nothing.

use jiff::civil::{Date, date};
use unicode_normalization::UnicodeNormalization;

use crate::gazetteer::{TYPE_WORDS, place_key, strip_type_word};
use crate::search::abbrev;
pub use crate::text::is_word_char;
use crate::text::{canonical_tones, fold_str, has_diacritics};

/// The query language, for `--help` and the browser's help screen.
pub const SYNTAX_HELP: &str = "\
Query language (terms separated by spaces; an article must satisfy all):
  word          a word start in title or body (thon finds thôn), or the title
                spelling it without spaces (tuson finds Từ Sơn); diacritics
                count only when typed (đang is not Đảng), case never counts
  'word         the whole word only
  \"a few words\" those words one after another
  !term         articles that do not match the term
  a|b           either term
  @place        a place or anything inside it, old and new names alike:
                @tuson, @\"thị xã Từ Sơn\", @bacninh
  #date         #2020, #2020-09, #2020-09-03, #9/2020, #3/9/2020 (day/month/year),
                ranges #2017..2020, #2020-06.., #..2018
  is:unread     articles not opened yet; is:read those opened, is:bookmarked
                those marked with m (any prefix will do: is:b)
  Abbreviations match their expansions both ways: UBND = Ủy ban nhân dân,
  HĐND, MTTQ, TP, TX, BCH, BTV and more.";

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

    /// How the word is shown and used as a cache key.
    pub fn key(&self) -> &str {
        self.exact.as_deref().unwrap_or(&self.folded)
    }
}

/// Lowercase, NFC, tone marks placed the new way: the form that
/// diacritic-sensitive matching compares.
pub fn exact_form(s: &str) -> String {
    canonical_tones(&s.to_lowercase())
}

/// Splits text into words: maximal runs of letters, digits and combining
/// marks. The index and the query use the same rule. Works on bytes and
/// decodes only non-ASCII characters: this runs over every word of the
/// collection when it is indexed.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Whether the character at `i` is part of a word, and its length.
    let class = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b < 0x80 {
            return (b.is_ascii_alphanumeric(), 1);
        }
        match text[i..].chars().next() {
            Some(c) => (is_word_char(c), c.len_utf8()),
            None => (false, 1),
        }
    };
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let (w, len) = class(at);
            if w {
                break;
            }
            at += len;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let (w, len) = class(at);
            if !w {
                break;
            }
            at += len;
        }
        Some((start, &text[start..at]))
    })
}

/// An inclusive date range; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DateRange {
    /// Undated articles never match a date filter.
    pub fn contains(&self, d: Option<Date>) -> bool {
        d.is_some_and(|d| self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t))
    }
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
    Date(DateRange),
    /// What the reader did with the article.
    Flag(Flag),
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

/// The longest query the browser takes, in characters, and in words.
/// A query a person types is rarely over 100 characters or 10 words; a
/// pasted title is about 150 characters. Beyond this is a paste gone
/// wrong, and each keystroke on it would cost a search of its size.
pub const MAX_QUERY_CHARS: usize = 500;
pub const MAX_QUERY_WORDS: usize = 64;

/// The longest beginning of `query` within [`MAX_QUERY_CHARS`] and
/// [`MAX_QUERY_WORDS`] (words: runs of non-space): what the browser lets
/// be typed.
pub fn within_limits(query: &str) -> &str {
    let (mut chars, mut words, mut after_space) = (0, 0, true);
    for (i, c) in query.char_indices() {
        let starts_word = after_space && !c.is_whitespace();
        if chars == MAX_QUERY_CHARS || (starts_word && words == MAX_QUERY_WORDS) {
            return &query[..i];
        }
        chars += 1;
        words += usize::from(starts_word);
        after_space = c.is_whitespace();
    }
    query
}

/// Marks in the cache keys of flag terms: results that depend on the
/// reading state are found by it and dropped when the state changes.
pub const FLAG_KEY: char = '\u{2}';

impl Alt {
    /// Keywords this alternative highlights.
    pub fn words(&self) -> Vec<&Word> {
        match self {
            Alt::Keyword(w) | Alt::Exact(w) => vec![w],
            Alt::Phrase { words, .. } => words.iter().collect(),
            Alt::Place(_) | Alt::Date(_) | Alt::Flag(_) => Vec::new(),
        }
    }

    fn cache_key(&self, out: &mut String) {
        use std::fmt::Write;
        let _ = match self {
            Alt::Keyword(w) => write!(out, "k:{}", w.key()),
            Alt::Exact(w) => write!(out, "e:{}", w.key()),
            Alt::Phrase { words, open } => {
                let ws: Vec<&str> = words.iter().map(Word::key).collect();
                write!(out, "p{}:{}", if *open { "o" } else { "c" }, ws.join(" "))
            }
            Alt::Place(p) => write!(out, "@:{:?}{:?}", p.keys, p.exact),
            Alt::Date(d) => write!(out, "#:{:?}..{:?}", d.from, d.to),
            Alt::Flag(f) => write!(out, "{FLAG_KEY}{f:?}"),
        };
    }
}

/// A term of the query: it holds when any alternative does (or, negated,
/// when none does).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Clause {
    pub negated: bool,
    pub alts: Vec<Alt>,
    /// The term as typed, for the status bar.
    pub text: String,
}

impl Clause {
    /// A stable description of what the clause matches: equal keys, equal
    /// matches.
    pub fn cache_key(&self) -> String {
        let mut s = String::new();
        if self.negated {
            s.push('!');
        }
        for (i, a) in self.alts.iter().enumerate() {
            if i > 0 {
                s.push('|');
            }
            a.cache_key(&mut s);
        }
        s
    }

    pub fn is_place(&self) -> bool {
        self.alts.iter().all(|a| matches!(a, Alt::Place(_)))
    }

    pub fn is_date(&self) -> bool {
        self.alts.iter().all(|a| matches!(a, Alt::Date(_)))
    }

    /// The single keyword of a plain keyword clause.
    pub fn plain_keyword(&self) -> Option<&Word> {
        match (self.negated, self.alts.as_slice()) {
            (false, [Alt::Keyword(w)]) => Some(w),
            _ => None,
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// Terms that cannot mean anything, explained.
    pub hints: Vec<String>,
}

impl Query {
    /// Every keyword that can be highlighted, as typed (deduplicated).
    pub fn keywords(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in self.clauses.iter().filter(|c| !c.negated) {
            for a in &c.alts {
                for w in a.words() {
                    if !out.iter().any(|o| o == w.key()) {
                        out.push(w.key().to_string());
                    }
                }
            }
        }
        out
    }

    /// The place filters in force, as typed.
    pub fn places(&self) -> Vec<String> {
        self.clauses
            .iter()
            .filter(|c| c.alts.iter().any(|a| matches!(a, Alt::Place(_))))
            .map(|c| c.text.clone())
            .collect()
    }

    /// The date filters in force, as typed.
    pub fn dates(&self) -> Vec<String> {
        self.clauses
            .iter()
            .filter(|c| c.alts.iter().any(|a| matches!(a, Alt::Date(_))))
            .map(|c| c.text.clone())
            .collect()
    }

    /// The `is:` filters in force, as typed.
    pub fn flags(&self) -> Vec<String> {
        self.clauses
            .iter()
            .filter(|c| c.alts.iter().any(|a| matches!(a, Alt::Flag(_))))
            .map(|c| c.text.clone())
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// Parses a query line. Never fails and never panics.
pub fn parse(input: &str) -> Query {
    let nfc: String = input.nfc().collect();
    let mut query = Query::default();
    for raw in split_terms(&nfc) {
        if let Some(clause) = parse_clause(raw, &mut query.hints) {
            query.clauses.push(clause);
        }
    }
    abbrev::expand(&mut query.clauses);
    query
}

/// Splits at white space outside double quotes.
fn split_terms(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if let Some(st) = start.take() {
                out.push(&s[st..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// Splits at `|` outside double quotes.
fn split_alts(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '|' if !quoted => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

fn parse_clause(raw: &str, hints: &mut Vec<String>) -> Option<Clause> {
    let body = raw.trim_start_matches('!');
    let negated = body.len() < raw.len();
    let alts: Vec<Alt> = split_alts(body)
        .into_iter()
        .filter_map(|a| parse_alt(a.trim_start_matches('!'), hints))
        .collect();
    (!alts.is_empty()).then(|| Clause {
        negated,
        alts,
        text: raw.to_string(),
    })
}

/// The text inside quotes, and whether the closing quote was typed.
fn unquote(s: &str) -> (&str, bool) {
    let inner = s.strip_prefix('"').unwrap_or(s);
    match inner.find('"') {
        Some(end) => (&inner[..end], true),
        None => (inner, false),
    }
}

fn word_list(s: &str) -> Vec<Word> {
    words(s).map(|(_, w)| Word::new(w)).collect()
}

fn parse_alt(s: &str, hints: &mut Vec<String>) -> Option<Alt> {
    if let Some(rest) = s.strip_prefix('@') {
        return parse_place(rest);
    }
    if let Some(rest) = s.strip_prefix('#') {
        return parse_date_term(rest, s, hints).map(Alt::Date);
    }
    if let Some(value) = s
        .get(..3)
        .filter(|head| head.eq_ignore_ascii_case("is:"))
        .map(|_| &s[3..])
    {
        return parse_flag(value, s, hints);
    }
    if let Some(rest) = s.strip_prefix('\'') {
        let ws = word_list(rest);
        return match ws.len() {
            0 => None,
            1 => ws.into_iter().next().map(Alt::Exact),
            _ => Some(Alt::Phrase {
                words: ws,
                open: false,
            }),
        };
    }
    if s.starts_with('"') {
        let (inner, closed) = unquote(s);
        let ws = word_list(inner);
        return match ws.len() {
            0 => None,
            1 if closed => ws.into_iter().next().map(Alt::Exact),
            1 => ws.into_iter().next().map(Alt::Keyword),
            _ => Some(Alt::Phrase {
                words: ws,
                open: !closed,
            }),
        };
    }
    // A keyword with inner punctuation ("covid-19", "01-KL/TW") is the
    // phrase of its parts, the last one a word start.
    let ws = word_list(s);
    match ws.len() {
        0 => None,
        1 => ws.into_iter().next().map(Alt::Keyword),
        _ => Some(Alt::Phrase {
            words: ws,
            open: true,
        }),
    }
}

/// What follows `is:`. Nothing yet: no filter; an unknown value: a hint.
fn parse_flag(value: &str, typed: &str, hints: &mut Vec<String>) -> Option<Alt> {
    if value.is_empty() {
        return None;
    }
    let flag = Flag::parse(value);
    if flag.is_none() {
        let known: Vec<String> = Flag::NAMES.iter().map(|(n, _)| format!("is:{n}")).collect();
        hints.push(format!("{typed}: not known (try {})", known.join(", ")));
    }
    flag.map(Alt::Flag)
}

fn parse_place(rest: &str) -> Option<Alt> {
    let name = if rest.starts_with('"') {
        unquote(rest).0
    } else {
        rest
    };
    let name = name.trim();
    let mut bare: Vec<String> = vec![name.to_string(), strip_type_word(name).to_string()];
    // Typed without spaces ("thixatuson"), a type word may still lead.
    let key = place_key(name);
    for tw in TYPE_WORDS {
        let tw: String = tw.chars().filter(|c| *c != ' ').collect();
        if let Some(stripped) = key.strip_prefix(tw.as_str())
            && !stripped.is_empty()
        {
            bare.push(stripped.to_string());
        }
    }
    let mut keys: Vec<String> = bare.iter().map(|b| place_key(b)).collect();
    keys.retain(|k| !k.is_empty());
    keys.dedup();
    if keys.is_empty() {
        return None;
    }
    let exact = has_diacritics(name).then(|| {
        let mut e: Vec<String> = [name, strip_type_word(name)]
            .iter()
            .map(|b| exact_place_key(b))
            .filter(|k| !k.is_empty())
            .collect();
        e.dedup();
        e
    });
    Some(Alt::Place(PlaceTerm { keys, exact }))
}

/// A place name's exact key: lowercase, canonical tones, letters and
/// digits only.
pub fn exact_place_key(name: &str) -> String {
    exact_form(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// One end of a date term, as the range of days it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Endpoint {
    Days(Date, Date),
    /// Not finished yet ("#3", "#9/20"): ignored.
    Unfinished,
}

/// Parses what follows `#`. `None` means "no filter" (unfinished, or
/// impossible, in which case a hint explains).
fn parse_date_term(rest: &str, typed: &str, hints: &mut Vec<String>) -> Option<DateRange> {
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    let hint = |hints: &mut Vec<String>, why: String| hints.push(format!("{typed}: {why}"));
    // "2017..2020", "2020-06..", "..2018"; "2017-2020" as well.
    let (a, b, is_range) = if let Some((a, b)) = rest.split_once("..") {
        (a, b.trim_start_matches('.'), true)
    } else if let Some((a, b)) = rest.split_once('-').filter(|(a, b)| {
        a.len() == 4 && b.len() == 4 && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    }) {
        (a, b, true)
    } else {
        (rest.trim_end_matches('.'), "", false)
    };
    let parse_end = |s: &str, hints: &mut Vec<String>| -> Result<Option<Endpoint>, ()> {
        if s.is_empty() {
            return Ok(None);
        }
        match endpoint(s) {
            Ok(e) => Ok(Some(e)),
            Err(why) => {
                hint(hints, why);
                Err(())
            }
        }
    };
    let from = parse_end(a, hints).ok()?;
    if !is_range {
        return match from {
            Some(Endpoint::Days(lo, hi)) => Some(DateRange {
                from: Some(lo),
                to: Some(hi),
            }),
            _ => None,
        };
    }
    let to = parse_end(b, hints).ok()?;
    let lo = match from {
        Some(Endpoint::Days(lo, _)) => Some(lo),
        Some(Endpoint::Unfinished) => return None,
        None => None,
    };
    let hi = match to {
        Some(Endpoint::Days(_, hi)) => Some(hi),
        // "#2017..20": the end is still being typed; open until then.
        Some(Endpoint::Unfinished) | None => None,
    };
    if let (Some(l), Some(h)) = (lo, hi)
        && l > h
    {
        hint(hints, "the range ends before it starts".into());
        return None;
    }
    if lo.is_none() && hi.is_none() {
        return None;
    }
    Some(DateRange { from: lo, to: hi })
}

fn year_bounds(y: i64) -> Result<(Date, Date), String> {
    if !(1..=9999).contains(&y) {
        return Err(format!("{y} is not a year"));
    }
    Ok((date(y as i16, 1, 1), date(y as i16, 12, 31)))
}

fn month_bounds(y: i64, m: i64) -> Result<(Date, Date), String> {
    year_bounds(y)?;
    if !(1..=12).contains(&m) {
        return Err(format!("there is no month {m}"));
    }
    let first = date(y as i16, m as i8, 1);
    Ok((first, first.last_of_month()))
}

fn day_bounds(y: i64, m: i64, d: i64) -> Result<(Date, Date), String> {
    month_bounds(y, m)?;
    Date::new(y as i16, m as i8, d.clamp(0, 99) as i8)
        .map(|day| (day, day))
        .map_err(|_| format!("{d}/{m}/{y} does not exist"))
}

/// One date: `2020`, `2020-09`, `2020-09-03`, `9/2020`, `3/9/2020`, or a
/// year being typed (`20` = 2000–2099).
fn endpoint(s: &str) -> Result<Endpoint, String> {
    let not_a_date =
        || "not a date (try #2020, #2020-09, #9/2020, #3/9/2020 or #2017..2020)".to_string();
    let num = |p: &str| -> Option<i64> {
        (!p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    if s.contains('/') {
        let parts: Vec<&str> = s.split('/').collect();
        if parts.iter().any(|p| !p.is_empty() && num(p).is_none()) || parts.len() > 3 {
            return Err(not_a_date());
        }
        let year_part = parts.last().copied().unwrap_or("");
        if parts.len() < 2 || year_part.len() < 4 || parts.iter().any(|p| p.is_empty()) {
            return Ok(Endpoint::Unfinished);
        }
        let y = num(year_part).ok_or_else(not_a_date)?;
        let (lo, hi) = match parts.as_slice() {
            [m, _] => month_bounds(y, num(m).unwrap_or(0))?,
            [d, m, _] => day_bounds(y, num(m).unwrap_or(0), num(d).unwrap_or(0))?,
            _ => return Err(not_a_date()),
        };
        return Ok(Endpoint::Days(lo, hi));
    }
    let parts: Vec<&str> = s.split('-').collect();
    if parts.iter().any(|p| !p.is_empty() && num(p).is_none()) || parts.len() > 3 {
        return Err(not_a_date());
    }
    let y_text = parts[0];
    if y_text.len() < 4 {
        // A year being typed: "2" → 2000–2999, "20" → 2000–2099.
        if parts.len() > 1 || y_text.is_empty() || !matches!(y_text.as_bytes()[0], b'1' | b'2') {
            return Ok(Endpoint::Unfinished);
        }
        let n = num(y_text).unwrap_or(0);
        let scale = 10i64.pow(4 - y_text.len() as u32);
        let (lo, _) = year_bounds((n * scale).max(1))?;
        let (_, hi) = year_bounds(n * scale + scale - 1)?;
        return Ok(Endpoint::Days(lo, hi));
    }
    let y = num(y_text).ok_or_else(not_a_date)?;
    let present: Vec<i64> = parts[1..].iter().filter_map(|p| num(p)).collect();
    let (lo, hi) = match present.as_slice() {
        [] => year_bounds(y)?,
        [m] => month_bounds(y, *m)?,
        [m, d] => day_bounds(y, *m, *d)?,
        _ => return Err(not_a_date()),
    };
    Ok(Endpoint::Days(lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(q: &str) -> Clause {
        let parsed = parse(q);
        assert_eq!(parsed.clauses.len(), 1, "{q}: {parsed:?}");
        parsed.clauses[0].clone()
    }

    fn range(q: &str) -> Option<(Option<Date>, Option<Date>)> {
        match one(q).alts.as_slice() {
            [Alt::Date(d)] => Some((d.from, d.to)),
            _ => None,
        }
    }

    #[test]
    fn keywords_keep_diacritics_only_when_typed() {
        let c = one("Đang");
        assert_eq!(
            c.alts,
            [Alt::Keyword(Word {
                folded: "dang".into(),
                exact: Some("đang".into())
            })]
        );
        assert_eq!(
            one("TU").alts,
            [Alt::Keyword(Word {
                folded: "tu".into(),
                exact: None
            })]
        );
        // Old and new tone placement, NFD and NFC: one word.
        let nfd: String = "văn hóa".nfd().collect();
        let alts =
            |q: &str| -> Vec<Vec<Alt>> { parse(q).clauses.into_iter().map(|c| c.alts).collect() };
        assert_eq!(alts(&nfd), alts("văn hoá"));
    }

    #[test]
    fn term_kinds() {
        assert!(matches!(one("'thon").alts.as_slice(), [Alt::Exact(_)]));
        assert!(matches!(
            one("\"nông thôn mới\"").alts.as_slice(),
            [Alt::Phrase { open: false, words }, ..] if words.len() == 3
        ));
        assert!(matches!(
            one("\"nông thôn").alts.as_slice(),
            [Alt::Phrase { open: true, .. }]
        ));
        assert!(one("!covid").negated);
        assert_eq!(one("covid|dịch").alts.len(), 2);
        assert!(matches!(
            one("covid-19").alts.as_slice(),
            [Alt::Phrase { open: true, words }] if words.len() == 2
        ));
        let q = parse("a \"b c\" d");
        assert_eq!(q.clauses.len(), 3);
    }

    #[test]
    fn places() {
        let keys = |q: &str| match one(q).alts.as_slice() {
            [Alt::Place(p)] => p.keys.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(keys("@tuson"), ["tuson"]);
        assert_eq!(keys("@\"tu son\""), ["tuson"]);
        assert!(keys("@\"thị xã Từ Sơn\"").contains(&"tuson".to_string()));
        assert!(keys("@thixatuson").contains(&"tuson".to_string()));
        match one("@\"Từ Sơn\"").alts.as_slice() {
            [Alt::Place(p)] => assert_eq!(p.exact.as_deref(), Some(&["từsơn".to_string()][..])),
            other => panic!("{other:?}"),
        }
        assert_eq!(parse("@").clauses.len(), 0);
        assert_eq!(parse("@\"").clauses.len(), 0);
        assert_eq!(parse("@\"Từ").clauses.len(), 1);
    }

    #[test]
    fn dates() {
        let d = |y, m, d| Some(date(y, m, d));
        assert_eq!(range("#2020"), Some((d(2020, 1, 1), d(2020, 12, 31))));
        assert_eq!(range("#2020-09"), Some((d(2020, 9, 1), d(2020, 9, 30))));
        assert_eq!(range("#2020-09-03"), Some((d(2020, 9, 3), d(2020, 9, 3))));
        assert_eq!(range("#9/2020"), Some((d(2020, 9, 1), d(2020, 9, 30))));
        assert_eq!(range("#3/9/2020"), Some((d(2020, 9, 3), d(2020, 9, 3))));
        assert_eq!(range("#2017..2020"), Some((d(2017, 1, 1), d(2020, 12, 31))));
        assert_eq!(range("#2017-2020"), Some((d(2017, 1, 1), d(2020, 12, 31))));
        assert_eq!(range("#2020-06.."), Some((d(2020, 6, 1), None)));
        assert_eq!(range("#..2018"), Some((None, d(2018, 12, 31))));
        assert_eq!(range("#2/2024"), Some((d(2024, 2, 1), d(2024, 2, 29))));
        // Being typed: lenient.
        assert_eq!(range("#20"), Some((d(2000, 1, 1), d(2099, 12, 31))));
        assert_eq!(range("#202"), Some((d(2020, 1, 1), d(2029, 12, 31))));
        assert_eq!(range("#2017.."), Some((d(2017, 1, 1), None)));
        assert_eq!(range("#2017..20"), Some((d(2017, 1, 1), d(2099, 12, 31))));
        for unfinished in ["#", "#3", "#9/", "#9/20", "#3/9/", "#..", "#2020-"] {
            let q = parse(unfinished);
            assert!(q.hints.is_empty(), "{unfinished}: {:?}", q.hints);
            assert!(
                q.clauses.is_empty() || range(unfinished).is_some(),
                "{unfinished}"
            );
        }
    }

    #[test]
    fn impossible_dates_are_hints() {
        for (q, why) in [
            ("#2020-13", "no month 13"),
            ("#31/2/2020", "does not exist"),
            ("#2020..2017", "ends before it starts"),
            ("#abc", "not a date"),
        ] {
            let parsed = parse(q);
            assert!(parsed.clauses.is_empty(), "{q}");
            assert_eq!(parsed.hints.len(), 1, "{q}");
            assert!(parsed.hints[0].contains(why), "{q}: {:?}", parsed.hints);
            assert!(parsed.hints[0].starts_with(q), "{q}: {:?}", parsed.hints);
        }
    }

    #[test]
    fn unfinished_terms_are_ignored() {
        for q in ["!", "'", "\"", "|", "!|", "\"\"", "@\"\""] {
            let parsed = parse(q);
            assert!(parsed.clauses.is_empty(), "{q}: {parsed:?}");
            assert!(parsed.hints.is_empty(), "{q}");
        }
    }

    #[test]
    fn flags() {
        let flag = |q: &str| match one(q).alts.as_slice() {
            [Alt::Flag(f)] => *f,
            other => panic!("{q}: {other:?}"),
        };
        assert_eq!(flag("is:unread"), Flag::Unread);
        assert_eq!(flag("is:read"), Flag::Read);
        assert_eq!(flag("IS:Bookmarked"), Flag::Bookmarked);
        // Being typed: the unique prefix already counts.
        assert_eq!(flag("is:b"), Flag::Bookmarked);
        assert_eq!(flag("is:u"), Flag::Unread);
        assert_eq!(flag("is:re"), Flag::Read);
        assert!(one("!is:read").negated);
        assert_eq!(one("is:read|is:bookmarked").alts.len(), 2);
        // Nothing after the colon yet: no filter, no complaint.
        let q = parse("is:");
        assert!(q.clauses.is_empty() && q.hints.is_empty(), "{q:?}");
        // An unknown value explains itself and filters nothing.
        let q = parse("is:starred thon");
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(q.hints.len(), 1);
        assert!(
            q.hints[0].starts_with("is:starred: not known"),
            "{:?}",
            q.hints
        );
        assert!(q.hints[0].contains("is:bookmarked"), "{:?}", q.hints);
        assert_eq!(parse("@tuson is:read #2020").flags(), ["is:read"]);
        // Flag results are found in the cache by their mark.
        assert!(one("!is:unread").cache_key().contains(FLAG_KEY));
        assert!(!one("unread").cache_key().contains(FLAG_KEY));
    }

    #[test]
    fn display_lists() {
        let q = parse("nong @tuson #2020 @\"Bắc Ninh\"");
        assert_eq!(q.places(), ["@tuson", "@\"Bắc Ninh\""]);
        assert_eq!(q.dates(), ["#2020"]);
        assert_eq!(q.keywords(), ["nong"]);
    }

    #[test]
    fn word_splitting() {
        let ws: Vec<&str> = words("01-KL/TW, “Từ Sơn”…").map(|(_, w)| w).collect();
        assert_eq!(ws, ["01", "KL", "TW", "Từ", "Sơn"]);
    }
}
