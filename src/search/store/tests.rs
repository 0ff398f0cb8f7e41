//! The index's pieces against what they must agree with: the query
//! language's words and forms, the articles as loaded, tantivy's own
//! queries over places, dates and phrases.
use proptest::prelude::*;
use tantivy::collector::DocSetCollector;
use tantivy::query::{PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::tokenizer::{TokenStream, Tokenizer};
use tantivy::{DocAddress, Term};

use super::document::{NEW, OLD, day_number, from_document, place_facets};
use super::segments;
use super::tokenizer::{WordTokenizer, split_term, term_text};
use super::*;
use crate::gazetteer::{Era, UnitId};
use crate::model::{Paragraph, ParagraphKind};
use crate::search::query::{exact_form, words};
use crate::text::fold_str;

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

fn article(id: &str, title: &str, body: &[&str], places: &[&str], date: Option<&str>) -> Article {
    Article {
        date: date.and_then(|d| d.parse().ok()),
        month_only: false,
        places: places.iter().map(|p| (*p).to_owned()).collect(),
        ..crate::model::text_article(id, title, body)
    }
}

/// The ids of the articles `query` finds, sorted.
fn found(index: &Index, fields: &Fields, query: &dyn Query) -> Vec<String> {
    let searcher = index.reader().expect("reader").searcher();
    let docs = searcher.search(query, &DocSetCollector).expect("search");
    let mut ids: Vec<String> = docs
        .into_iter()
        .map(|at: DocAddress| {
            let doc = searcher.doc(at).expect("stored");
            from_document(&doc, fields).id
        })
        .collect();
    ids.sort();
    ids
}

/// The term a word of `field` is indexed as.
fn words_term(field: tantivy::schema::Field, word: &str) -> Term {
    Term::from_field_text(field, &term_text(word))
}

/// Text with Vietnamese words, marks in both compositions, punctuation,
/// digits and stray symbols.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("Hòa".to_owned()),
            Just("hoà".to_owned()),
            Just("ĐẢNG".to_owned()),
            Just("đang".to_owned()),
            Just("Thủy".to_owned()),
            Just("nông thôn".to_owned()),
            Just("covid-19".to_owned()),
            Just("x\u{301}".to_owned()),
            Just(", ".to_owned()),
            Just(" — ".to_owned()),
            "[a-zA-Zàáảãạăằắđêếôơưỳ0-9]{1,8}",
            "[ .,;:!?()\"']{1,3}",
        ],
        0..12,
    )
    .prop_map(|parts| parts.join(" "))
}

proptest! {
    #[test]
    fn tokens_are_the_query_languages_words(t in text()) {
        let mut tokenizer = WordTokenizer::new(false);
        let mut stream = tokenizer.token_stream(&t);
        let mut tokens = Vec::new();
        while stream.advance() {
            tokens.push(stream.token().clone());
        }
        prop_assert!(!stream.advance(), "a finished stream stays finished");
        let last = &tokens;
        let expected: Vec<(usize, &str)> = words(&t).collect();
        prop_assert_eq!(last.len(), expected.len());
        for (i, (token, (at, word))) in last.iter().zip(expected).enumerate() {
            prop_assert_eq!(token.position, i);
            prop_assert_eq!(token.offset_from, at);
            prop_assert_eq!(&t[token.offset_from..token.offset_to], word);
            let (folded, exact) = (fold_str(word), exact_form(word));
            prop_assert_eq!(split_term(&token.text), (folded.as_str(), exact.as_str()));
        }
    }

    #[test]
    fn terms_sort_as_folded_then_exact(a in "[a-zàáảãạăằđêếôơưỳ]{1,6}", b in "[a-zàáảãạăằđêếôơưỳ]{1,6}") {
        let key = |w: &str| (fold_str(w), exact_form(w));
        prop_assert_eq!(term_text(&a).cmp(&term_text(&b)), key(&a).cmp(&key(&b)));
    }

}

proptest! {
    // An index per case: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn stored_articles_read_back_as_written(
        id in "[a-z0-9-]{1,12}",
        title in text(),
        body in proptest::collection::vec((text(), 0u8..3), 0..4),
        day in proptest::option::of(0i64..800_000),
        time in proptest::option::of((0i8..24, 0i8..60, 0i8..60)),
        places in proptest::collection::vec(prop_oneof![Just("Từ Sơn"), Just("Hà Nội"), Just("xóm Chùa")], 0..3),
        author in proptest::option::of(text()),
        source in proptest::option::of("https://[a-z]{1,8}\\.vn/[a-z0-9-]{0,12}"),
    ) {
        let a = Article {
            id,
            title,
            date: day.and_then(document::day_date),
            month_only: false,
            time: time.and_then(|(h, m, s)| jiff::civil::Time::new(h, m, s, 0).ok()),
            places: places.into_iter().map(str::to_owned).collect(),
            author,
            source,
            body: body
                .into_iter()
                .map(|(t, k)| {
                    let kind = [ParagraphKind::Text, ParagraphKind::Subheading, ParagraphKind::Caption][usize::from(k)];
                    Paragraph::new(kind, t)
                })
                .collect(),
        };
        let (index, fields) = build_in_ram(std::slice::from_ref(&a), g()).expect("index");
        let searcher = index.reader().expect("reader").searcher();
        let doc = searcher.doc(DocAddress::new(0, 0)).expect("stored");
        prop_assert_eq!(from_document(&doc, &fields), a);
    }
}

#[test]
fn days_count_from_the_first_of_january_of_year_one() {
    let d = |s: &str| s.parse::<jiff::civil::Date>().expect("date");
    assert_eq!(day_number(d("0001-01-01")), 0);
    assert_eq!(day_number(d("0001-01-31")), 30);
    assert_eq!(day_number(d("2020-09-03")) - day_number(d("2020-09-02")), 1);
    assert_eq!(
        document::day_date(day_number(d("2025-07-01"))),
        Some(d("2025-07-01"))
    );
    // jiff's years run from -9999 to 9999; a loader may give any of them.
    assert_eq!(document::day_date(-1), Some(d("0000-12-31")));
    let first = d("-009999-01-01");
    assert_eq!(document::day_date(day_number(first)), Some(first));
    assert_eq!(document::day_date(i64::MAX), None);
}

#[test]
fn no_phrase_runs_from_one_paragraph_into_the_next() {
    let articles = [
        article("across", "Tin", &["Xây dựng nông", "thôn mới"], &[], None),
        article("within", "Tin", &["Xây dựng nông thôn mới"], &[], None),
    ];
    let (index, f) = build_in_ram(&articles, g()).expect("index");
    let phrase = PhraseQuery::new(vec![words_term(f.body, "nông"), words_term(f.body, "thôn")]);
    assert_eq!(found(&index, &f, &phrase), ["within"]);
    // Both words are in both articles.
    let one = TermQuery::new(words_term(f.body, "thôn"), IndexRecordOption::Basic);
    assert_eq!(found(&index, &f, &one), ["across", "within"]);
}

#[test]
fn words_typed_with_other_marks_are_other_terms() {
    let articles = [
        article("dang", "Tin", &["Đảng bộ xã"], &[], None),
        article("dang-2", "Tin", &["đang làm"], &[], None),
        article("hoa", "Tin", &["Hòa Bình", "hoà bình"], &[], None),
    ];
    let (index, f) = build_in_ram(&articles, g()).expect("index");
    let term = |w: &str| TermQuery::new(words_term(f.body, w), IndexRecordOption::Basic);
    assert_eq!(found(&index, &f, &term("đảng")), ["dang"]);
    assert_eq!(found(&index, &f, &term("đang")), ["dang-2"]);
    // Old and new tone placement are one term.
    assert_eq!(term_text("hoà"), term_text("hòa"));
    assert_eq!(found(&index, &f, &term("hoà")), ["hoa"]);
}

/// The old or new unit of this kind and name.
fn unit(name: &str, era: Era) -> UnitId {
    let ids: Vec<UnitId> = g()
        .lookup(name)
        .into_iter()
        .filter(|&u| g().unit(u).is_some_and(|u| u.era == era))
        .collect();
    assert_eq!(ids.len(), 1, "{name}: {ids:?}");
    ids[0]
}

/// The facet of a unit: its era and the codes from the province down.
fn facet(id: UnitId) -> Facet {
    let mut chain: Vec<UnitId> = g().ancestors(id);
    chain.reverse();
    chain.push(id);
    let era = match g().unit(id).map(|u| u.era) {
        Some(Era::Old) => OLD,
        _ => NEW,
    };
    Facet::from_path(
        std::iter::once(era.to_owned()).chain(
            chain
                .iter()
                .filter_map(|&u| g().unit(u))
                .map(|u| u.code.clone()),
        ),
    )
}

#[test]
fn places_take_in_what_is_inside_them_and_what_they_became() {
    let articles = [
        article("huong-mac", "Tin", &[], &["Hương Mạc", "Từ Sơn"], None),
        article("thuong-tin", "Tin", &[], &["Thường Tín"], None),
        article(
            "dong-ngan",
            "Tin",
            &[],
            &["Bắc Ninh", "Từ Sơn", "Đông Ngàn"],
            None,
        ),
        article(
            "new-ward",
            "Tin",
            &[],
            &["phường Từ Sơn", "tỉnh Bắc Ninh"],
            None,
        ),
        article("unknown", "Tin", &[], &["xóm Chùa"], None),
    ];
    let (index, f) = build_in_ram(&articles, g()).expect("index");
    let about = |id: UnitId| {
        let q = TermQuery::new(
            Term::from_facet(f.place, &facet(id)),
            IndexRecordOption::Basic,
        );
        found(&index, &f, &q)
    };
    let old_tu_son = unit("thị xã Từ Sơn", Era::Old);
    let new_tu_son = unit("phường Từ Sơn", Era::New);
    let old_bac_ninh = unit("tỉnh Bắc Ninh", Era::Old);
    let huong_mac = unit("Hương Mạc", Era::Old);
    let dong_ngan = unit("phường Đông Ngàn", Era::Old);
    assert_eq!(about(huong_mac), ["huong-mac"]);
    // The old town takes in its communes, and the new ward made from
    // four of its wards.
    assert_eq!(about(old_tu_son), ["dong-ngan", "huong-mac", "new-ward"]);
    assert_eq!(about(old_bac_ninh), ["dong-ngan", "huong-mac", "new-ward"]);
    assert_eq!(about(dong_ngan), ["dong-ngan", "new-ward"]);
    // Đông Ngàn became part of the new ward: found there too.
    let new = about(new_tu_son);
    assert!(
        new.contains(&"dong-ngan".to_owned()) && new.contains(&"new-ward".to_owned()),
        "{new:?}"
    );
    assert!(!new.contains(&"thuong-tin".to_owned()));
    // A name the gazetteer does not know is kept as given.
    let named = TermQuery::new(
        Term::from_facet(f.place, &Facet::from_path([document::NAMED, "xóm Chùa"])),
        IndexRecordOption::Basic,
    );
    assert_eq!(found(&index, &f, &named), ["unknown"]);
}

#[test]
fn place_facets_are_sorted_and_once_each() {
    let names: Vec<String> = ["Hương Mạc", "Từ Sơn", "Hương Mạc", "", "x\u{0}y"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let facets = place_facets(g(), &names);
    let mut sorted = facets.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(facets, sorted);
    assert!(
        facets
            .iter()
            .all(|f| !f.to_path().iter().any(|s| s.contains('\u{0}')))
    );
}

#[test]
fn a_date_range_never_takes_in_an_undated_article() {
    let articles = [
        article("dated", "Tin", &[], &[], Some("2020-09-03")),
        article("undated", "Tin", &[], &[], None),
        article("later", "Tin", &[], &[], Some("2024-01-01")),
    ];
    let (index, f) = build_in_ram(&articles, g()).expect("index");
    let day = |s: &str| day_number(s.parse().expect("date"));
    let range = |lo: std::ops::Bound<i64>, hi: std::ops::Bound<i64>| {
        RangeQuery::new(
            lo.map(|d| Term::from_field_i64(f.day, d)),
            hi.map(|d| Term::from_field_i64(f.day, d)),
        )
    };
    // (tantivy panics on a range open at both ends: `#` never makes one.)
    use std::ops::Bound::{Included, Unbounded};
    assert_eq!(
        found(&index, &f, &range(Included(i64::MIN), Unbounded)),
        ["dated", "later"]
    );
    assert_eq!(
        found(
            &index,
            &f,
            &range(Included(day("2020-09-03")), Included(day("2020-09-03")))
        ),
        ["dated"]
    );
    assert_eq!(
        found(&index, &f, &range(Included(day("2021-01-01")), Unbounded)),
        ["later"]
    );
    assert_eq!(
        found(&index, &f, &range(Unbounded, Included(i64::from(i32::MIN)))),
        Vec::<String>::new()
    );
}

#[test]
fn an_abbreviation_holds_the_words_it_stands_for_in_a_field_of_their_own() {
    let tokens = |abbreviated: bool| -> Vec<(usize, String)> {
        let mut tokenizer = WordTokenizer::new(abbreviated);
        let mut stream = tokenizer.token_stream("Họp UBND xã");
        let mut tokens = Vec::new();
        while stream.advance() {
            let t = stream.token();
            tokens.push((t.position, split_term(&t.text).1.to_owned()));
        }
        tokens
    };
    let words: Vec<(usize, String)> = ["họp", "ubnd", "xã"]
        .iter()
        .enumerate()
        .map(|(i, w)| (i, (*w).to_owned()))
        .collect();
    assert_eq!(tokens(false), words);
    let stands_for: Vec<(usize, String)> = ["ủy", "ban", "nhân", "dân"]
        .iter()
        .map(|w| (1, exact_form(w)))
        .collect();
    assert_eq!(tokens(true), stands_for);
}

/// An index of `articles` written in two commits: two segments.
fn two_segments(articles: &[Article]) -> (Index, Fields) {
    build_in_parts(articles, 2, g()).expect("index")
}

#[test]
fn articles_are_numbered_across_segments_and_read_back_by_number() {
    let mut articles: Vec<Article> = (0..5)
        .map(|i| {
            article(
                &format!("id-{i}"),
                &format!("Tin {i}"),
                &[],
                &[],
                Some(&format!("2020-01-0{}", i + 1)),
            )
        })
        .collect();
    articles[2].date = None;
    articles[1].places = vec!["Hà Nội".into(), "Bắc Ninh".into()];
    articles[3].places = vec!["東京".into()];
    let (index, fields) = two_segments(&articles);
    let segs = segments::Segments::open(&index, fields).expect("segments");
    assert_eq!(segs.iter().count(), 2, "two segments");
    assert_eq!(segs.len(), 5);
    // Segments come in no particular order: every number is one of the
    // articles, each once, and all its parts agree.
    let mut seen = Vec::new();
    for n in 0..5u32 {
        let a = segs.article(n).expect("article");
        assert_eq!(segs.article_id(n).as_deref(), Some(a.id.as_str()));
        assert_eq!(segs.find_id(&a.id), Some(n));
        let original = articles.iter().find(|x| x.id == a.id).expect("written");
        assert_eq!(&a, original);
        let day = original
            .date
            .map(|d| i32::try_from(day_number(d)).expect("day"));
        assert_eq!(segs.days()[n as usize], day);
        let width = match original.places.first().map(String::as_str) {
            Some("Hà Nội") => 6,
            Some("東京") => 4,
            _ => 0,
        };
        assert_eq!(segs.place_width(n), width, "{}", a.id);
        let order = articles.iter().position(|x| x.id == a.id).map(|p| p as u64);
        assert_eq!(Some(segs.orders()[n as usize]), order);
        seen.push(a.id);
    }
    seen.sort();
    assert_eq!(seen, ["id-0", "id-1", "id-2", "id-3", "id-4"]);
    assert_eq!(segs.find_id("id-9"), None);
    assert_eq!(segs.article(5), None);
    assert_eq!(segs.article_id(5), None);
    assert_eq!(segs.days().len(), 5);
    assert_eq!(segs.orders().len(), 5);
    assert_eq!(segs.place_width(5), 0);
}
