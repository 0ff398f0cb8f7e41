//! The engine against the reference, whole: the same articles, the same
//! queries, the same hits in the same order with the same scores.

use proptest::prelude::*;

use super::Reference;
use crate::model::{Article, Collection};
use crate::search::{Engine, SortOrder};

/// Words with the marks, abbreviations and near-spellings that make
/// keywords differ.
const WORDS: &[&str] = &[
    "đảng", "đang", "dạng", "Đảng", "hòa", "hoà", "hoa", "thôn", "thon", "thông", "nông", "mới",
    "ủy", "uỷ", "ban", "bàn", "từ", "tư", "sơn", "son", "xã", "2020", "covid", "UBND",
];

const PLACES: &[&str] = &[
    "Từ Sơn",
    "Bắc Ninh",
    "Hương Mạc",
    "Thường Tín",
    "Đông Ngàn",
    "Hà Nội",
    "Nơi Lạ",
];

/// Query terms of every kind: keywords and their prefixes, exact words,
/// phrases, negations, alternatives, places, dates.
const TERMS: &[&str] = &[
    "d",
    "đa",
    "dang",
    "đảng",
    "hoà",
    "th",
    "thon",
    "thô",
    "nong",
    "ubnd",
    "uy",
    "tuson",
    "tsn",
    "'thon",
    "'đang",
    "\"nong thon\"",
    "\"thon moi",
    "\"tu son\"",
    "!dang",
    "!\"hoa ban\"",
    "covid|ban",
    "xa|@hanoi",
    "@tuson",
    "@bacninh",
    "@\"Hương Mạc\"",
    "@hanoi",
    "@xyz",
    "!@tuson",
    "#2020",
    "#2020-03",
    "#2019-06-01..2020-06-30",
    "#2020-03-10..2020-05-05",
    "#thang3",
    "!#2021",
    "zz",
];

fn articles() -> impl Strategy<Value = Vec<Article>> {
    let words = |n: std::ops::Range<usize>| {
        proptest::collection::vec(proptest::sample::select(WORDS), n).prop_map(|w| w.join(" "))
    };
    let article = (
        words(0..5),
        proptest::collection::vec(words(0..14), 0..3),
        proptest::option::of(0u32..1100),
        proptest::collection::vec(proptest::sample::select(PLACES), 0..3),
    );
    proptest::collection::vec(article, 1..12).prop_map(|docs| {
        docs.into_iter()
            .enumerate()
            .map(|(i, (title, body, day, places))| {
                let body: Vec<&str> = body.iter().map(String::as_str).collect();
                let mut a = crate::model::text_article(&format!("a{i}"), &title, &body);
                a.date = day.map(|d| {
                    jiff::civil::date(2019, 1, 1)
                        .checked_add(jiff::Span::new().days(i64::from(d)))
                        .unwrap_or(jiff::civil::date(2019, 1, 1))
                });
                // Some dated by their month only.
                if day.is_some_and(|d| d % 7 == 0) {
                    a.date = a.date.map(jiff::civil::Date::first_of_month);
                    a.month_only = true;
                }
                a.places = places.iter().map(|p| (*p).to_owned()).collect();
                a
            })
            .collect()
    })
}

fn ids(e: &Engine, hits: &[crate::search::Hit]) -> Vec<(String, i64)> {
    hits.iter()
        .map(|h| (e.article_id(h.article).unwrap_or_default(), h.score))
        .collect()
}

fn reference_ids(r: &Reference, hits: &[crate::search::Hit]) -> Vec<(String, i64)> {
    hits.iter()
        .map(|h| (r.articles()[h.article].id.clone(), h.score))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Every query finds the same articles, in the same order, with the
    /// same scores, in every sort order; typed letter by letter too (the
    /// engine's cache), and over an index in several segments.
    #[test]
    fn the_engine_finds_what_the_reference_finds(
        articles in articles(),
        terms in proptest::collection::vec(proptest::sample::select(TERMS), 1..4),
        sort in proptest::sample::select(SortOrder::ALL.to_vec()),
    ) {
        let query = terms.join(" ");
        let reference = Reference::new(articles.clone());
        let expected = reference_ids(&reference, &reference.search(&query, sort));
        let mut engine = Engine::new(Collection { articles, origin: "random".into() });
        let typed: String = query.chars().collect();
        let mut so_far = String::new();
        for c in typed.chars() {
            so_far.push(c);
            engine.search(&so_far, sort);
        }
        let got = engine.search(&query, sort);
        prop_assert_eq!(ids(&engine, &got.hits), expected.clone(), "{}", query);
        engine.clear_cache();
        let fresh = engine.search(&query, sort);
        prop_assert_eq!(ids(&engine, &fresh.hits), expected.clone(), "{}", query);
        // In three segments, numbered in no particular order.
        let articles = reference.articles().to_vec();
        let (index, fields) = crate::search::store::build_in_parts(
            &articles,
            3,
            crate::gazetteer::Gazetteer::embedded(),
        )
        .expect("index");
        let segs = crate::search::store::segments::Segments::open(&index, fields).expect("segments");
        let mut parts = Engine::of(segs);
        let got = parts.search(&query, sort);
        prop_assert_eq!(ids(&parts, &got.hits), expected, "{}", query);
    }
}
