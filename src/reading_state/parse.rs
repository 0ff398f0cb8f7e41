//! Reading a state file value by value: one value this version cannot
//! read (a negative position, a history entry that is not text) is left
//! out and named, and everything else is kept. A file from a newer version
//! is read for what this version knows of it.

use serde_json::{Map, Value};

use super::{ArticleState, HISTORY_LIMIT, ReadingState, VERSION};

/// What was read from a state file.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub state: ReadingState,
    /// The values left out, each named with its place and why.
    pub dropped: Vec<String>,
    /// The file's version, when it is newer than this program's.
    pub newer: Option<u64>,
}

/// Reads the state in `bytes`. Only text that is not a JSON object at all
/// is an error.
pub(super) fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    // The common case, a valid file of this version: read at once, which
    // is faster than value by value.
    if let Ok(mut state) = serde_json::from_slice::<ReadingState>(bytes)
        && state.version <= VERSION
    {
        state.version = VERSION;
        bound_history(&mut state.history);
        return Ok(Parsed {
            state,
            ..Parsed::default()
        });
    }
    value_by_value(bytes)
}

/// Reads `bytes` one value at a time, leaving out what cannot be read.
fn value_by_value(bytes: &[u8]) -> Result<Parsed, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let Value::Object(top) = value else {
        return Err(format!("{} instead of an object", what(&value)));
    };
    let mut p = Parsed::default();
    if let Some(v) = top.get("version") {
        match v.as_u64() {
            Some(n) if n > u64::from(VERSION) => p.newer = Some(n),
            Some(_) => {}
            None => p.drop("version", v, "not a version number"),
        }
    }
    match top.get("articles") {
        None | Some(Value::Null) => {}
        Some(Value::Object(articles)) => {
            for (id, entry) in articles {
                p.article(id, entry);
            }
        }
        Some(v) => p.drop("articles", v, "not an object of articles"),
    }
    match top.get("last_query") {
        None | Some(Value::Null) => {}
        Some(Value::String(q)) => p.state.last_query = q.clone(),
        Some(v) => p.drop("last_query", v, "not text"),
    }
    match top.get("history") {
        None | Some(Value::Null) => {}
        Some(Value::Array(queries)) => {
            for (i, q) in queries.iter().enumerate() {
                match q {
                    Value::String(q) => p.state.history.push(q.clone()),
                    v => p.drop(&format!("history[{i}]"), v, "not text"),
                }
            }
            bound_history(&mut p.state.history);
        }
        Some(v) => p.drop("history", v, "not a list"),
    }
    match top.get("selected") {
        None | Some(Value::Null) => {}
        Some(Value::String(id)) => p.state.selected = Some(id.clone()),
        Some(v) => p.drop("selected", v, "not an article id"),
    }
    p.state.version = VERSION;
    Ok(p)
}

impl Parsed {
    fn drop(&mut self, place: &str, value: &Value, why: &str) {
        self.dropped
            .push(format!("{place} = {} ({why})", shown(value)));
    }

    /// One article's entry: each of its fields kept if it can be read.
    fn article(&mut self, id: &str, entry: &Value) {
        let place = format!("articles[{}]", Value::String(id.to_owned()));
        let Value::Object(fields) = entry else {
            self.drop(&place, entry, "not an object");
            return;
        };
        let mut a = ArticleState::default();
        if let Some(read) = self.flag(&place, fields, "read") {
            a.read = read;
        }
        if let Some(b) = self.flag(&place, fields, "bookmarked") {
            a.bookmarked = b;
        }
        if let Some(v) = fields.get("scroll") {
            match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => a.scroll = n,
                None if v.is_null() => {}
                None => self.drop(
                    &format!("{place}.scroll"),
                    v,
                    "not a position (a whole number from 0)",
                ),
            }
        }
        if !a.is_default() {
            self.state.articles.insert(id.to_owned(), a);
        }
    }

    fn flag(&mut self, place: &str, fields: &Map<String, Value>, name: &str) -> Option<bool> {
        match fields.get(name)? {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            v => {
                self.drop(&format!("{place}.{name}"), v, "not true or false");
                None
            }
        }
    }
}

/// The newest [`HISTORY_LIMIT`] queries.
fn bound_history(history: &mut Vec<String>) {
    let excess = history.len().saturating_sub(HISTORY_LIMIT);
    history.drain(..excess);
}

/// A value as it is written in the file, cut short.
fn shown(value: &Value) -> String {
    const MAX: usize = 40;
    let text = value.to_string();
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

fn what(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(json: &str) -> Parsed {
        parse(json.as_bytes()).expect("an object")
    }

    #[test]
    fn one_bad_value_loses_only_itself() {
        let p = parsed(
            r#"{"version": 1,
                "articles": {
                    "a": {"read": true, "scroll": -1},
                    "b": {"bookmarked": true, "scroll": 12},
                    "c": {"read": "yes", "bookmarked": true},
                    "d": 7,
                    "e": {"scroll": 99999999999}
                },
                "last_query": "từ sơn",
                "history": ["a", 3, "b"],
                "selected": "b"}"#,
        );
        let s = &p.state;
        assert!(s.is_read("a"));
        assert_eq!(s.scroll("a"), 0);
        assert!(s.is_bookmarked("b"));
        assert_eq!(s.scroll("b"), 12);
        assert!(!s.is_read("c"));
        assert!(s.is_bookmarked("c"));
        assert_eq!(s.article("d"), ArticleState::default());
        assert_eq!(s.article("e"), ArticleState::default());
        assert_eq!(s.last_query(), "từ sơn");
        assert_eq!(s.history(), ["a", "b"]);
        assert_eq!(s.selected(), Some("b"));
        assert_eq!(
            p.dropped,
            [
                r#"articles["a"].scroll = -1 (not a position (a whole number from 0))"#,
                r#"articles["c"].read = "yes" (not true or false)"#,
                r#"articles["d"] = 7 (not an object)"#,
                r#"articles["e"].scroll = 99999999999 (not a position (a whole number from 0))"#,
                "history[1] = 3 (not text)",
            ]
        );
        assert_eq!(p.newer, None);
    }

    #[test]
    fn bad_top_level_fields_are_dropped_one_by_one() {
        let p = parsed(
            r#"{"version": "one", "articles": [1], "last_query": 5,
                "history": "x", "selected": false}"#,
        );
        let fresh = ReadingState {
            version: VERSION,
            ..ReadingState::default()
        };
        assert_eq!(p.state, fresh);
        assert_eq!(p.dropped.len(), 5, "{:?}", p.dropped);
        assert!(p.dropped[0].starts_with("version = \"one\""));
    }

    #[test]
    fn a_newer_file_is_read_for_what_is_known() {
        let p = parsed(
            r#"{"version": 99, "articles": {"a": {"read": true, "stars": 5}},
                "tags": {"a": ["x"]}}"#,
        );
        assert_eq!(p.newer, Some(99));
        assert!(p.state.is_read("a"));
        assert!(p.dropped.is_empty());
    }

    #[test]
    fn only_what_is_not_an_object_is_unreadable() {
        assert!(parse(b"[1, 2]").is_err());
        assert!(parse(b"{\"articles\": {\"x\": tru").is_err());
        assert!(parse(b"").is_err());
        assert!(parse(b"{}").is_ok());
    }

    #[test]
    fn long_values_are_cut_short() {
        let long = "x".repeat(500);
        let p = parsed(&format!(r#"{{"selected": ["{long}"]}}"#));
        assert!(p.dropped[0].chars().count() < 100, "{}", p.dropped[0]);
        assert!(p.dropped[0].contains('…'));
    }

    proptest::proptest! {
        /// Whatever a file holds, reading it never panics, and what is
        /// written is read back the same.
        #[test]
        fn reading_never_panics_and_round_trips(
            ids in proptest::collection::vec("[a-zà-ỹ0-9\"\\\\]{0,6}", 0..6),
            scroll in proptest::num::i64::ANY,
            junk in "\\PC{0,20}",
        ) {
            let mut s = ReadingState::default();
            for (i, id) in (0u32..).zip(&ids) {
                s.set_read(id, i % 2 == 0);
                s.set_scroll(id, i);
            }
            s.push_history(&junk);
            let json = serde_json::to_string(&s).expect("json");
            let back = parse(json.as_bytes()).expect("readable");
            proptest::prop_assert!(back.dropped.is_empty());
            proptest::prop_assert_eq!(&back.state.articles, &s.articles);
            proptest::prop_assert_eq!(&back.state.history, &s.history);
            proptest::prop_assert_eq!(
                &back.state,
                &value_by_value(json.as_bytes()).expect("readable").state,
                "both ways of reading agree"
            );
            let odd = format!(r#"{{"articles": {{"a": {{"scroll": {scroll}}}}}, "history": [{junk:?}]}}"#);
            let _ = parse(odd.as_bytes());
            let _ = parse(junk.as_bytes());
        }
    }
}
