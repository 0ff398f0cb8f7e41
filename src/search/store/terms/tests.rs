//! The terms a word matches in the tantivy index against the words it
//! matches in the in-memory index, on random collections.
use std::collections::BTreeMap;

use proptest::prelude::*;
use tantivy::DocSet;
use tantivy::schema::IndexRecordOption;

use super::*;
use crate::gazetteer::Gazetteer;
use crate::model::{Article, text_article};
use crate::search::reference::index::Index;
use crate::search::store::build_in_ram;

const WORDS: &[&str] = &[
    "đảng", "đang", "dạng", "Đảng", "hòa", "hoà", "hoá", "hóa", "hoa", "thôn", "thon", "thông",
    "nông", "Nông", "UBND", "ubnd", "ủy", "uỷ", "uy", "ban", "bàn", "bản", "tù", "từ", "tư", "sơn",
    "son", "x", "xã", "xa", "2020", "covid",
];

const QUERIES: &[&str] = &[
    "d", "đ", "đa", "đả", "dang", "đang", "hò", "hó", "hoa", "hòa", "hoà", "th", "thô", "thon",
    "thông", "u", "ủ", "uy", "ủy", "ubnd", "ban", "bàn", "t", "tư", "từ", "x", "xã", "202", "co",
    "zz",
];

/// Per article: (the word is whole, occurrences) summed over the matched
/// words, for one query word.
type Found = BTreeMap<u32, (bool, u32)>;

fn old_found(articles: &[Article], word: &Word, prefix: bool) -> Found {
    let index = Index::build(articles);
    let set = index.lookup(word, prefix);
    let mut out = Found::new();
    for id in set.iter() {
        for seg in &index.segments {
            for (d, tf) in seg.postings(id) {
                let e = out.entry(d).or_default();
                e.0 |= set.is_whole(id);
                e.1 += u32::from(tf);
            }
        }
    }
    out
}

fn new_found(articles: &[Article], word: &Word, prefix: bool) -> Found {
    let (index, fields) = build_in_ram(articles, Gazetteer::embedded()).expect("index");
    let searcher = index.reader().expect("reader").searcher();
    let mut out = Found::new();
    let mut base = 0;
    for seg in searcher.segment_readers() {
        for field in [fields.title, fields.body, fields.abbreviated] {
            let inverted = seg.inverted_index(field).expect("inverted index");
            for m in matching_terms(&inverted, word, prefix).expect("terms") {
                let mut postings = inverted
                    .read_postings_from_terminfo(&m.info, IndexRecordOption::WithFreqs)
                    .expect("postings");
                while postings.doc() != tantivy::TERMINATED {
                    let e = out.entry(base + postings.doc()).or_default();
                    e.0 |= m.whole;
                    e.1 += tantivy::postings::Postings::term_freq(&postings);
                    postings.advance();
                }
            }
        }
        base += seg.max_doc();
    }
    out
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS), 0..6).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_word_matches_the_same_spellings_in_both_indexes(
        docs in proptest::collection::vec((text(), proptest::collection::vec(text(), 0..3)), 1..6),
        query in proptest::sample::select(QUERIES),
        prefix in proptest::bool::ANY,
    ) {
        let articles: Vec<Article> = docs
            .iter()
            .enumerate()
            .map(|(i, (title, body))| {
                let body: Vec<&str> = body.iter().map(String::as_str).collect();
                text_article(&format!("a{i}"), title, &body)
            })
            .collect();
        let word = Word::new(query);
        prop_assert_eq!(new_found(&articles, &word, prefix), old_found(&articles, &word, prefix));
    }
}

#[test]
fn keys_past_a_prefix() {
    assert_eq!(after_prefix(b"ab"), Some(b"ac".to_vec()));
    assert_eq!(after_prefix(b"a\xff"), Some(b"b".to_vec()));
    assert_eq!(after_prefix(b"\xff\xff"), None);
    assert_eq!(after_prefix(b""), None);
}
