//! Editing the query text term by term, for the pickers: add a place
//! term, replace the date terms, or see the query without them.
//!
//! Terms are separated by spaces outside double quotes, as the query
//! language has them (`@"Từ Sơn"` is one term).

/// The terms of `query`, in order.
pub fn split(query: &str) -> Vec<&str> {
    let mut terms = Vec::new();
    let mut start: Option<usize> = None;
    let mut quoted = false;
    for (i, c) in query.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                start.get_or_insert(i);
            }
            c if c.is_whitespace() && !quoted => {
                if let Some(s) = start.take() {
                    terms.push(&query[s..i]);
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    if let Some(s) = start {
        terms.push(&query[s..]);
    }
    terms
}

/// A date filter term: `#2020`, `#2017..2020`.
pub fn is_date(term: &str) -> bool {
    term.starts_with('#')
}

/// A place filter term: `@tuson`, `@"Từ Sơn"`.
pub fn is_place(term: &str) -> bool {
    term.starts_with('@')
}

/// The query without the terms `drop` selects.
pub fn without(query: &str, drop: impl Fn(&str) -> bool) -> String {
    split(query)
        .into_iter()
        .filter(|t| !drop(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The place term for a name: quoted when it has more than one word.
pub fn place_term(name: &str) -> String {
    if name.chars().all(char::is_alphanumeric) {
        format!("@{name}")
    } else {
        format!("@\"{}\"", name.replace('"', ""))
    }
}

/// `query` with `term` added at the end, unless it is already there.
pub fn add(query: &str, term: &str) -> String {
    let mut terms = split(query);
    if !terms.contains(&term) {
        terms.push(term);
    }
    terms.join(" ")
}

/// `query` with its date terms replaced by `term`.
pub fn replace_dates(query: &str, term: &str) -> String {
    add(&without(query, is_date), term)
}

/// `query` with its place terms replaced by `term`: the picker counts
/// places over the query without them, so that is what Enter must give.
pub fn replace_places(query: &str, term: &str) -> String {
    add(&without(query, is_place), term)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_keep_a_term_together() {
        assert_eq!(
            split(r#"  nông thôn @"Từ Sơn" #2020  "a b"x "#),
            ["nông", "thôn", "@\"Từ Sơn\"", "#2020", "\"a b\"x"]
        );
        assert_eq!(split("\"unfinished quote"), ["\"unfinished quote"]);
        assert!(split("   ").is_empty());
    }

    #[test]
    fn adding_and_replacing() {
        assert_eq!(place_term("Từ Sơn"), "@\"Từ Sơn\"");
        assert_eq!(place_term("Huế"), "@Huế");
        assert_eq!(add("dang @Huế", "@Huế"), "dang @Huế");
        assert_eq!(add("", "@Huế"), "@Huế");
        assert_eq!(
            replace_dates("#2019 dang #2017..2018", "#2020-09"),
            "dang #2020-09"
        );
        assert_eq!(without("@a b #1", is_place), "b #1");
        assert_eq!(
            replace_places(r#"@"Từ Sơn" #2018 !@hue"#, "@\"Hà Nội\""),
            r#"#2018 !@hue @"Hà Nội""#
        );
    }
}
