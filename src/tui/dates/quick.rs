//! The date picker's quick choices: today, this week, this month, the
//! last 30 days. Each is a date term of the query language, so what the
//! picker counts is what the query will find once the term is in it.

use super::super::i18n::Lang;
use crate::search::query::{Alt, DateRange, Hint, parse};

/// How many quick choices there are.
pub const COUNT: usize = 4;

/// The terms of the quick choices, as the reader's language writes them.
pub fn terms(lang: Lang) -> [&'static str; COUNT] {
    match lang {
        Lang::Vi => ["#homnay", "#tuannay", "#thangnay", "#30ngay"],
        Lang::En => ["#today", "#thisweek", "#thismonth", "#30d"],
    }
}

/// The days date term `term` stands for today, and the hint saying so.
pub fn resolved(term: &str) -> Option<(DateRange, Option<Hint>)> {
    let q = parse(term);
    let range = q.clauses.first()?.alts.iter().find_map(|a| match a {
        Alt::Date(r) => Some(*r),
        _ => None,
    })?;
    let said = q
        .hints
        .into_iter()
        .find(|h| matches!(h, Hint::DateMeans { .. }));
    Some((range, said))
}

/// Per quick choice, how many articles the query finds with it (by
/// `found`, given the term), and the days it stands for.
pub fn count(lang: Lang, mut found: impl FnMut(&str) -> usize) -> Vec<(usize, Option<Hint>)> {
    terms(lang)
        .iter()
        .map(|term| (found(term), resolved(term).and_then(|(_, said)| said)))
        .collect()
}

/// The quick choice that is a date term of `query` as typed, if one is.
pub fn in_query(lang: Lang, query_dates: &[String]) -> Option<usize> {
    let terms = terms(lang);
    query_dates
        .iter()
        .find_map(|d| terms.iter().position(|t| t.eq_ignore_ascii_case(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quick_choice_is_a_date_term_that_holds_today() {
        let today = crate::clock::today();
        for lang in [Lang::Vi, Lang::En] {
            for term in terms(lang) {
                let (range, said) = resolved(term).unwrap_or_else(|| panic!("{term}"));
                let holds =
                    range.from.is_some_and(|f| f <= today) && range.to.is_some_and(|t| today <= t);
                assert!(holds, "{term}");
                assert!(said.is_some(), "{term}");
            }
        }
    }

    #[test]
    fn a_choice_in_the_query_is_found_as_typed() {
        assert_eq!(in_query(Lang::Vi, &["#tuannay".into()]), Some(1));
        assert_eq!(in_query(Lang::En, &["#30d".into()]), Some(3));
        assert_eq!(in_query(Lang::Vi, &["#2020".into()]), None);
    }
}
