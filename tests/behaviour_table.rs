//! The meaning of the query language and of the ranking, as a table of
//! `query → the ids found, in order`, over a collection written to tell
//! behaviours apart (tests/fixtures/behaviour.json: each id says what its
//! article is for). The same table runs through the library
//! (`Engine::search`) and through `tintuc search --json`, so it judges any
//! engine behind either door. Some rows also pin what is highlighted.
//!
//! The fixture's groups: words sharing a start (`prefix-*`: thôn, thông,
//! nông thôn, thô), a phrase within one paragraph, across two, and
//! scattered (`phrase-*`), diacritics and tone placement (`diac-*`,
//! `tone-*`), abbreviations written short and long (`abbr-*`), places on
//! both sides of the 2025 reorganisation (`place-*`: Đồng Kỵ became part
//! of phường Đồng Nguyên; xã Nội Bài, a new name, was made from Mai Đình),
//! dates at the ends of a month and undated (`date-*`), and pairs ordered
//! by one ranking rule each (`rank-*`): in each pair the second article is
//! newer and, where it can be, mentions the word more often, so only the
//! rule puts it second.
#![allow(clippy::panic, reason = "a test fails by panicking")]

#[path = "common/binary.rs"]
mod binary;
#[path = "behaviour_table/highlights.rs"]
mod highlights;
#[path = "behaviour_table/rows.rs"]
mod rows;

use std::path::PathBuf;

use highlights::HIGHLIGHTS;
use rows::{ROWS, Row};
use tintuc::load::{self, DataSource};
use tintuc::search::{Engine, SortOrder};
use unicode_normalization::UnicodeNormalization;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/behaviour.json")
}

fn engine() -> Engine {
    let collection = load::load(&DataSource::Path(fixture())).expect("the fixture loads");
    Engine::new(collection)
}

fn through_library(e: &mut Engine, query: &str) -> Vec<String> {
    e.search(query, SortOrder::Relevance)
        .hits
        .iter()
        .filter_map(|h| e.article_id(h.article))
        .collect()
}

fn through_binary(query: &str) -> Vec<String> {
    let mut cmd = binary::tintuc();
    cmd.args(["search", "--json", "--limit", "0", "--data"])
        .arg(fixture())
        .arg("--")
        .arg(query);
    let out = binary::run(cmd);
    let stdout = String::from_utf8_lossy(&out.stdout);
    match out.status.code() {
        Some(1) => {
            // Nothing matched: nothing, or an empty array.
            let rest = stdout.trim();
            assert!(
                rest.is_empty() || rest == "[]",
                "{query}: exit 1 with {stdout}"
            );
            Vec::new()
        }
        Some(0) => {
            let rows: Vec<serde_json::Value> =
                serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{query}: {e}: {stdout}"));
            rows.iter()
                .map(|r| r["id"].as_str().expect("id").to_string())
                .collect()
        }
        other => panic!(
            "{query}: exit {other:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// The rows whose result differs from the table, described.
fn wrong_rows(rows: &[Row], found: impl FnMut(&str) -> Vec<String>) -> Vec<String> {
    let mut found = found;
    rows.iter()
        .filter_map(|&(query, want)| {
            let got = found(query);
            (got != want).then(|| format!("{query:?}\n  want {want:?}\n  got  {got:?}"))
        })
        .collect()
}

fn assert_rows(rows: &[Row], found: impl FnMut(&str) -> Vec<String>) {
    let wrong = wrong_rows(rows, found);
    assert!(
        wrong.is_empty(),
        "{} of {} rows disagree:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_table_names_only_articles_of_the_fixture() {
    let e = engine();
    let ids: Vec<String> = (0..e.len()).filter_map(|n| e.article_id(n)).collect();
    assert!((30..=80).contains(&ids.len()), "{} articles", ids.len());
    for (query, want) in ROWS {
        for id in *want {
            assert!(ids.iter().any(|i| i == id), "{query}: no article {id}");
        }
    }
    for h in HIGHLIGHTS {
        assert!(
            ids.iter().any(|i| i == h.id),
            "{}: no article {}",
            h.query,
            h.id
        );
    }
}

#[test]
fn the_table_through_the_library() {
    let mut e = engine();
    assert_rows(ROWS, |q| through_library(&mut e, q));
}

#[test]
fn the_table_through_the_library_from_a_fresh_engine_per_row() {
    // Each row alone, so no cached result of an earlier row helps.
    assert_rows(ROWS, |q| through_library(&mut engine(), q));
}

#[test]
fn the_table_through_the_binary() {
    assert_rows(ROWS, through_binary);
}

/// Terms that cannot mean anything: the query's hint, which starts with
/// the term and says why, through the library and on the binary's stderr.
const HINTS: &[(&str, &str, &str)] = &[
    ("phien #2020-13", "#2020-13", "no month 13"),
    ("phien #31/2/2020", "#31/2/2020", "does not exist"),
    ("phien #2020..2017", "#2020..2017", "ends before it starts"),
    ("phien #abc", "#abc", "not a date"),
    ("xiem is:starred", "is:starred", "not known"),
];

#[test]
fn terms_that_cannot_mean_anything_are_explained() {
    let mut e = engine();
    for &(query, term, why) in HINTS {
        let hints = e.search(query, SortOrder::Relevance).hints;
        assert!(
            hints.len() == 1 && hints[0].starts_with(term) && hints[0].contains(why),
            "{query}: {hints:?}"
        );
        let mut cmd = binary::tintuc();
        cmd.args(["search", "--json", "--limit", "0", "--data"])
            .arg(fixture())
            .arg("--")
            .arg(query);
        let out = binary::run(cmd);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(term) && stderr.contains(why),
            "{query}: {stderr}"
        );
    }
}

#[test]
fn the_table_typed_letter_by_letter() {
    // What the browser does: every prefix of the query searched in turn,
    // each one over the results the engine kept from the one before.
    let mut e = engine();
    assert_rows(ROWS, |q| {
        let mut typed = String::new();
        for c in q.chars() {
            typed.push(c);
            e.search(&typed, SortOrder::Relevance);
        }
        through_library(&mut e, q)
    });
}

#[test]
fn queries_in_nfd_find_what_nfc_finds() {
    let mut e = engine();
    for &(query, want) in ROWS {
        let nfd: String = query.nfd().collect();
        assert_eq!(through_library(&mut e, &nfd), want, "{query} in NFD");
    }
}

#[test]
fn highlights_fall_on_the_matched_text() {
    let e = engine();
    let mut wrong = Vec::new();
    for h in HIGHLIGHTS {
        let i = e.find_id(h.id).expect("article");
        let a = e.article(i).expect("article");
        let m = e.matches(i, h.query);
        let title: Vec<&str> = m.title.iter().map(|r| &a.title[r.clone()]).collect();
        let body: Vec<(usize, &str)> = m
            .body
            .iter()
            .map(|(p, r)| (*p, &a.body[*p].text[r.clone()]))
            .collect();
        if title != h.title || body != h.body {
            wrong.push(format!(
                "{:?} in {}: want {:?} {:?}, got {title:?} {body:?}",
                h.query, h.id, h.title, h.body
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn list_rows_highlight_what_the_reading_pane_highlights_in_the_title() {
    // A list row shows the title only, and finds its highlights without
    // reading the body: they must be the title's highlights all the same.
    let e = engine();
    let queries = ROWS
        .iter()
        .map(|&(q, _)| q)
        .chain(HIGHLIGHTS.iter().map(|h| h.query));
    for query in queries {
        let parsed = tintuc::search::parse(query);
        for article in 0..e.len() {
            assert_eq!(
                e.title_matches_of(article, &parsed),
                e.matches_of(article, &parsed).title,
                "{query:?} in {}",
                e.article_id(article).unwrap_or_default()
            );
        }
    }
}
