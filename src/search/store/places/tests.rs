//! The place filter over the tantivy index against the in-memory one.
use proptest::prelude::*;

use super::*;
use crate::model::{Article, text_article};
use crate::search::query::{Alt, parse};
use crate::search::reference::places::PlaceIndex;
use crate::search::store::build_in_ram;

const NAMES: &[&str] = &[
    "Hương Mạc",
    "Từ Sơn",
    "thị xã Từ Sơn",
    "Bắc Ninh",
    "tỉnh Bắc Ninh",
    "Đông Ngàn",
    "phường Từ Sơn",
    "Thường Tín",
    "Hà Nội",
    "xóm Chùa",
    "Trúc Sơn",
    "Thụy Sơn",
    "TX Từ Sơn",
    "Tân Hồng",
    "Phù Chẩn",
    "Đình Bảng",
    "Quận 1",
    "",
];

const TERMS: &[&str] = &[
    "@tuson",
    "@\"Từ Sơn\"",
    "@\"tu son\"",
    "@bac",
    "@bacnnh",
    "@hanoi",
    "@dongngan",
    "@\"thị xã Từ Sơn\"",
    "@\"thành phố Từ Sơn\"",
    "@xomchua",
    "@tu",
    "@thuongtin",
    "@trcson",
    "@\"TỪ SƠN\"",
    "@\"Tú Sơn\"",
    "@huongmac",
    "@quan1",
    "@txtuson",
    "@phuchan",
    "@zz",
];

fn place_term(q: &str) -> PlaceTerm {
    match parse(q).clauses.first().and_then(|c| c.alts.first()) {
        Some(Alt::Place(p)) => p.clone(),
        other => panic!("{q}: {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_place_term_finds_what_the_in_memory_index_finds(
        lists in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(NAMES), 0..4), 1..8),
        terms in proptest::collection::vec(proptest::sample::select(TERMS), 1..6),
    ) {
        let articles: Vec<Article> = lists
            .iter()
            .enumerate()
            .map(|(i, places)| Article {
                places: places.iter().map(|p| (*p).to_owned()).collect(),
                ..text_article(&format!("a{i}"), "Tin", &[])
            })
            .collect();
        let g = Gazetteer::embedded();
        let old = PlaceIndex::build(&articles, g);
        let (index, fields) = build_in_ram(&articles, g).expect("index");
        let segs = Segments::open(&index, fields).expect("segments");
        let new = Places::build(&segs, g).expect("places");
        for t in terms {
            let term = place_term(t);
            prop_assert_eq!(new.matching(&segs, &term).expect("matching"), old.matching(&term), "{}", t);
        }
    }
}

#[test]
fn the_2025_merger_both_ways() {
    let articles = [
        Article {
            places: vec!["Đông Ngàn".into(), "Từ Sơn".into()],
            ..text_article("old", "Tin", &[])
        },
        Article {
            places: vec!["phường Từ Sơn".into(), "tỉnh Bắc Ninh".into()],
            ..text_article("new", "Tin", &[])
        },
        Article {
            places: vec!["Thường Tín".into()],
            ..text_article("elsewhere", "Tin", &[])
        },
    ];
    let g = Gazetteer::embedded();
    let (index, fields) = build_in_ram(&articles, g).expect("index");
    let segs = Segments::open(&index, fields).expect("segments");
    let places = Places::build(&segs, g).expect("places");
    let found = |q: &str| places.matching(&segs, &place_term(q)).expect("matching");
    assert_eq!(found("@dongngan"), [0, 1]);
    assert_eq!(found("@tuson"), [0, 1]);
    assert_eq!(found("@thuongtin"), [2]);
    assert_eq!(found("@zz"), Vec::<u32>::new());
}
