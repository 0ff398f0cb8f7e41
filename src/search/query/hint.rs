//! What the parser says about a term that cannot mean anything. The core
//! says what is wrong; each interface says it in its language (English
//! here, for `tintuc search` and the English browser).

use std::fmt;

use super::clause::Flag;

/// What the status line says about a term: one that filters nothing
/// because it cannot mean anything, one searched otherwise than typed,
/// or, when nothing was found, why.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Hint {
    /// `is:` with a value it does not take (`is:starred`).
    UnknownFlag { term: String },
    /// A date term that names no date (`#2020-13`).
    Date { term: String, problem: DateProblem },
    /// A date term in words, or around a day, and the days it stands for
    /// (`#tuantruoc = 16/11–22/11/2026`).
    DateMeans {
        term: String,
        from: jiff::civil::Date,
        to: jiff::civil::Date,
    },
    /// A month of every year (`#thang9`).
    DateEveryYear { term: String, month: i8 },
    /// A date term being typed that can become these (`#hom`: `#homnay`,
    /// `#homqua`); it filters nothing yet.
    DateCanBe { term: String, can_be: Vec<String> },
    /// A keyword typed with diacritics that start no word of the
    /// collection, searched without them (`nghỉ` as `nghi`).
    WithoutMarks { term: String, folded: String },
    /// Keywords that spell Vietnamese in Telex or VNI, searched as that
    /// too (`tuwf sown` as `từ sơn`).
    Reading { typed: String, read: String },
    /// Keywords that spell a place (`thuong tin`): the articles about
    /// it, under these names, rank first.
    AsPlace { typed: String, names: Vec<String> },
    /// Nothing found: the query finds `count` articles without this
    /// term, the first after which nothing was left.
    Without { term: String, count: usize },
    /// Nothing found: this term matches no article by itself; for a
    /// keyword, the closest words of the collection.
    InNoArticle { term: String, closest: Vec<String> },
    /// Nothing found: no article names a place of this name; the places
    /// with the closest names.
    NoSuchPlace { term: String, closest: Vec<String> },
}

/// Why a date term names no date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateProblem {
    /// Not written as a date at all (`#abc`).
    NotADate,
    /// A year outside 1–9999.
    NotAYear(i64),
    NoSuchMonth(i64),
    /// A day its month does not have (`#31/2/2020`).
    NoSuchDay {
        day: i64,
        month: i64,
        year: i64,
    },
    /// `#2020..2017`
    EndsBeforeStart,
}

impl Hint {
    /// The term as typed.
    pub fn term(&self) -> &str {
        match self {
            Hint::UnknownFlag { term }
            | Hint::Date { term, .. }
            | Hint::DateCanBe { term, .. }
            | Hint::DateMeans { term, .. }
            | Hint::DateEveryYear { term, .. }
            | Hint::WithoutMarks { term, .. }
            | Hint::Reading { typed: term, .. }
            | Hint::AsPlace { typed: term, .. }
            | Hint::Without { term, .. }
            | Hint::InNoArticle { term, .. }
            | Hint::NoSuchPlace { term, .. } => term,
        }
    }
}

/// Days as a reader writes them: `3/9/2020`, `16/11–22/11/2026`,
/// `28/12/2026–3/1/2027`.
pub fn days(from: jiff::civil::Date, to: jiff::civil::Date) -> String {
    let day = |d: jiff::civil::Date| format!("{}/{}", d.day(), d.month());
    if from == to {
        format!("{}/{}", day(from), from.year())
    } else if from.year() == to.year() {
        format!("{}–{}/{}", day(from), day(to), to.year())
    } else {
        format!("{}/{}–{}/{}", day(from), from.year(), day(to), to.year())
    }
}

/// The values `is:` takes, as terms: `is:unread, is:read, is:bookmarked`.
pub fn flag_terms() -> String {
    let known: Vec<String> = Flag::NAMES.iter().map(|(n, _)| format!("is:{n}")).collect();
    known.join(", ")
}

/// The date forms, to suggest.
pub const DATE_EXAMPLES: &str = "#2020, #2020-09, #9/2020, #3/9/2020";
pub const RANGE_EXAMPLE: &str = "#2017..2020";

/// In English.
impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let term = self.term();
        match self {
            Hint::UnknownFlag { .. } => write!(f, "{term}: not known (try {})", flag_terms()),
            Hint::Reading { read, .. } => write!(f, "{term} → {read}"),
            Hint::DateCanBe { can_be, .. } => write!(f, "{term}: can be {}", can_be.join(", ")),
            Hint::DateMeans { from, to, .. } => write!(f, "{term} = {}", days(*from, *to)),
            Hint::DateEveryYear { month, .. } => {
                let name = jiff::civil::Date::new(2000, *month, 1)
                    .map(|d| d.strftime("%B").to_string())
                    .unwrap_or_default();
                write!(f, "{term} = {name} of every year")
            }
            Hint::AsPlace { names, .. } => {
                write!(f, "{term}: read as the place {} too", names.join(" / "))
            }
            Hint::Without { count, .. } => {
                let s = if *count == 1 { "" } else { "s" };
                write!(f, "without {term}: {count} article{s}")
            }
            Hint::InNoArticle { closest, .. } if closest.is_empty() => {
                write!(f, "{term}: in no article")
            }
            Hint::InNoArticle { closest, .. } => {
                write!(f, "{term}: in no article; closest: {}", closest.join(", "))
            }
            Hint::NoSuchPlace { closest, .. } if closest.is_empty() => {
                write!(f, "{term}: no place of that name")
            }
            Hint::NoSuchPlace { closest, .. } => {
                write!(
                    f,
                    "{term}: no place of that name; closest: {}",
                    closest.join(", ")
                )
            }
            Hint::WithoutMarks { folded, .. } => {
                write!(f, "{term}: in no article as typed, searched as {folded}")
            }
            Hint::Date { problem, .. } => match problem {
                DateProblem::NotADate => write!(
                    f,
                    "{term}: not a date (try {DATE_EXAMPLES} or {RANGE_EXAMPLE})"
                ),
                DateProblem::NotAYear(y) => write!(f, "{term}: {y} is not a year"),
                DateProblem::NoSuchMonth(m) => write!(f, "{term}: there is no month {m}"),
                DateProblem::NoSuchDay { day, month, year } => {
                    write!(f, "{term}: {day}/{month}/{year} does not exist")
                }
                DateProblem::EndsBeforeStart => {
                    write!(f, "{term}: the range ends before it starts")
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    #[test]
    fn days_are_written_day_first_the_year_once_when_shared() {
        let d = |y, m, day| date(y, m, day);
        assert_eq!(super::days(d(2020, 9, 3), d(2020, 9, 3)), "3/9/2020");
        assert_eq!(
            super::days(d(2026, 11, 16), d(2026, 11, 22)),
            "16/11–22/11/2026"
        );
        assert_eq!(
            super::days(d(2026, 12, 28), d(2027, 1, 3)),
            "28/12/2026–3/1/2027"
        );
    }
}
