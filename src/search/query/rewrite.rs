//! New query text from a parsed query: what the pickers give when a
//! place or a date is chosen. The terms are taken from the text as typed,
//! by their spans, and joined by single spaces.

use super::Query;
use super::clause::{Alt, Clause, Kind};

impl Query {
    /// Every term as typed, in order: clauses and terms that filter
    /// nothing alike.
    fn terms(&self) -> Vec<&Clause> {
        let mut all: Vec<&Clause> = self.clauses.iter().chain(&self.inert).collect();
        all.sort_by_key(|c| c.span.start);
        all
    }

    /// Whether a term narrows by `kind` (see [`Clause::narrows_by`]).
    pub fn narrows_by(&self, kind: Kind) -> bool {
        self.terms().iter().any(|t| t.narrows_by(kind))
    }

    /// The query without the terms that narrow by `kind`; exclusions
    /// (`!@hue`) stay.
    pub fn without(&self, kind: Kind) -> String {
        self.terms()
            .into_iter()
            .filter(|t| !t.narrows_by(kind))
            .filter_map(|t| self.text.get(t.span.clone()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The query with its places replaced by the place `name`: the picker
    /// counts places over the query without them, so that is what
    /// choosing one must give.
    pub fn with_place(&self, name: &str) -> String {
        joined(self.without(Kind::Place), &place_term(name))
    }

    /// The query with its dates replaced by the year, or one of its
    /// months (1–12).
    pub fn replace_dates(&self, year: i16, month: Option<u8>) -> String {
        self.with_dates(&date_term(year, month))
    }

    /// The query with the date term `term` (`#tuannay`) in place of its
    /// own date terms.
    pub fn with_dates(&self, term: &str) -> String {
        joined(self.without(Kind::Date), term)
    }

    /// The year the first date filter starts in (or ends in, when open
    /// at the start): where the date picker opens.
    pub fn first_year(&self) -> Option<i16> {
        self.clauses
            .iter()
            .filter(|c| c.narrows_by(Kind::Date))
            .flat_map(|c| &c.alts)
            .find_map(|a| match a {
                Alt::Date(d) => d.from.or(d.to).map(|d| d.year()),
                _ => None,
            })
    }
}

fn joined(rest: String, term: &str) -> String {
    if rest.is_empty() {
        term.to_string()
    } else {
        format!("{rest} {term}")
    }
}

/// The place term for a name: quoted when it is more than letters and
/// digits.
pub fn place_term(name: &str) -> String {
    if name.chars().all(char::is_alphanumeric) {
        format!("@{name}")
    } else {
        format!("@\"{}\"", name.replace('"', ""))
    }
}

/// The date term for a year, or one of its months (1–12): four digits
/// always, as `#0005` and `#5` differ (a year being typed).
pub fn date_term(year: i16, month: Option<u8>) -> String {
    match month {
        None => format!("#{year:04}"),
        Some(m) => format!("#{year:04}-{m:02}"),
    }
}
