//! What a query finds does not depend on how the index is cut into
//! segments, nor on their order: the same articles (known by id) with the
//! same scores.
use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::gazetteer::Gazetteer;
use crate::model::{Article, text_article};
use crate::search::query::{Alt, Word, parse};
use crate::search::store::places::Places;
use crate::search::store::{build_in_parts, keyword, phrase};

const WORDS: &[&str] = &[
    "nông", "thôn", "mới", "Từ", "Sơn", "tư", "son", "đảng", "đang", "UBND", "ban", "hoà", "hòa",
    "xã", "2020",
];

const PLACES: &[&str] = &["Hương Mạc", "Từ Sơn", "Đông Ngàn", "Thường Tín", "xóm Chùa"];

fn articles() -> impl Strategy<Value = Vec<Article>> {
    let words = |n: std::ops::Range<usize>| {
        proptest::collection::vec(proptest::sample::select(WORDS), n).prop_map(|w| w.join(" "))
    };
    let one = (
        words(0..5),
        proptest::collection::vec(words(0..10), 0..3),
        proptest::collection::vec(proptest::sample::select(PLACES), 0..3),
    );
    proptest::collection::vec(one, 1..12).prop_map(|docs| {
        docs.into_iter()
            .enumerate()
            .map(|(i, (title, body, places))| {
                let body: Vec<&str> = body.iter().map(String::as_str).collect();
                Article {
                    places: places.into_iter().map(str::to_owned).collect(),
                    ..text_article(&format!("a{i}"), &title, &body)
                }
            })
            .collect()
    })
}

/// Results by article id.
fn by_id(segs: &Segments, found: &[(u32, u32)]) -> BTreeMap<String, u32> {
    found
        .iter()
        .map(|&(d, s)| (segs.article_id(d).unwrap_or_default(), s))
        .collect()
}

/// Everything one query word, phrase and place term give, by id.
fn answers(segs: &Segments, word: &Word, place: &str) -> Vec<BTreeMap<String, u32>> {
    let all: Vec<u32> = (0..u32::try_from(segs.len()).unwrap_or(0)).collect();
    let phrase_words = [Word::new("nông"), word.clone()];
    let mut out = vec![
        by_id(
            segs,
            &keyword::keyword_scores(segs, word, true, Some(word), &all).expect("keyword"),
        ),
        by_id(
            segs,
            &keyword::keyword_scores(segs, word, false, None, &all).expect("keyword"),
        ),
        by_id(
            segs,
            &phrase::phrase_scores(segs, &phrase_words, true, &all).expect("phrase"),
        ),
        by_id(
            segs,
            &super::super::adjacent::adjacent_bonus(
                segs,
                [(&phrase_words[0], true), (word, false)],
                &all,
            )
            .expect("adjacent"),
        ),
    ];
    if let Some(Some(Alt::Place(term))) = parse(place)
        .clauses
        .first()
        .map(|c| c.alts.first().cloned())
    {
        let places = Places::build(segs, Gazetteer::embedded()).expect("places");
        let docs = places.matching(segs, &term).expect("places");
        let pairs: Vec<(u32, u32)> = docs.into_iter().map(|d| (d, 0)).collect();
        out.push(by_id(segs, &pairs));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn answers_do_not_depend_on_segments(
        articles in articles(),
        parts in 2usize..5,
        query in proptest::sample::select(vec!["thôn", "th", "son", "tuson", "đang", "ban", "hoa", "x"]),
        place in proptest::sample::select(vec!["@tuson", "@dongngan", "@xomchua", "@thuongtin"]),
    ) {
        let g = Gazetteer::embedded();
        let (one, f1) = build_in_parts(&articles, 1, g).expect("index");
        let (many, f2) = build_in_parts(&articles, parts, g).expect("index");
        let one = Segments::open(&one, f1).expect("segments");
        let many = Segments::open(&many, f2).expect("segments");
        prop_assert!(many.iter().count() > 1 || articles.len() < parts);
        let word = Word::new(query);
        prop_assert_eq!(answers(&many, &word, place), answers(&one, &word, place));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Letters scored ahead of time give what the first keystroke would
    /// have computed; stopped early, the rest are computed when typed.
    #[test]
    fn letters_scored_ahead_are_those_typed(articles in articles(), stop_after in 0usize..8) {
        let g = Gazetteer::embedded();
        let (index, fields) = build_in_parts(&articles, 2, g).expect("index");
        let cold = Segments::open(&index, fields).expect("segments");
        let warm = Segments::open(&index, fields).expect("segments");
        let steps = std::cell::Cell::new(0usize);
        keyword::warm_short_prefixes(&warm, "tnhsxđ2", || {
            steps.set(steps.get() + 1);
            steps.get() <= stop_after
        })
        .expect("warm");
        let all: Vec<u32> = (0..u32::try_from(cold.len()).unwrap_or(0)).collect();
        for letter in ["t", "n", "h", "s", "x", "d", "2", "b"] {
            let word = Word::new(letter);
            let typed = keyword::keyword_scores(&cold, &word, true, None, &all).expect("cold");
            let ahead = keyword::keyword_scores(&warm, &word, true, None, &all).expect("warm");
            prop_assert_eq!(ahead, typed, "{}", letter);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Prefixes kept beside the index (every letter, and the common ones
    /// of two to four letters) give what scoring them when typed gives,
    /// titles spelled across their words included.
    #[test]
    fn prefixes_kept_ahead_are_those_typed(articles in articles()) {
        let g = Gazetteer::embedded();
        let (index, fields) = build_in_parts(&articles, 2, g).expect("index");
        let dir = tempfile::tempdir().expect("temp dir");
        let cold = Segments::open(&index, fields).expect("segments");
        let kept = Segments::open(&index, fields).expect("segments").with_kept(dir.path().into());
        keyword::keep_ahead(&kept).expect("kept");
        for ord in 0..kept.segment_count() {
            let seg = kept.segment(ord).expect("segment");
            let common = crate::search::store::letters::common_prefixes(seg, &[fields.title, fields.body])
                .expect("prefixes");
            for p in common.iter().map(String::as_str).chain(["t", "n"]) {
                prop_assert!(kept.kept_scores(ord, p).is_some(), "{} kept", p);
            }
        }
        let all: Vec<u32> = (0..u32::try_from(cold.len()).unwrap_or(0)).collect();
        let some: Vec<u32> = all.iter().copied().filter(|d| d % 3 != 1).collect();
        for typed in ["t", "th", "tho", "thon", "tus", "tuso", "son", "ngo", "nong", "hoa", "đan"] {
            let word = Word::new(typed);
            let spelled = (word.folded.len() >= 3).then_some(&word);
            for docs in [&all, &some] {
                let fresh = keyword::keyword_scores(&cold, &word, true, spelled, docs).expect("cold");
                let read = keyword::keyword_scores(&kept, &word, true, spelled, docs).expect("kept");
                prop_assert_eq!(read, fresh, "{}", typed);
            }
        }
    }
}
