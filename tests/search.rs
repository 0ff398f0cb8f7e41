//! The search engine over the seed collection (data/articles.json), and
//! its properties over any query.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use proptest::prelude::*;
use tintuc::load::{self, DataSource};
use tintuc::search::{Engine, SortOrder, parse};
use unicode_normalization::UnicodeNormalization;

fn engine() -> &'static Mutex<Engine> {
    static CELL: OnceLock<Mutex<Engine>> = OnceLock::new();
    CELL.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/articles.json");
        let collection = load::load(&DataSource::Path(path)).expect("seed collection loads");
        Mutex::new(Engine::new(collection))
    })
}

/// The seeds found, as their three-digit prefixes, in result order.
/// Hits by article id (two engines over one collection may number its
/// articles differently), with their scores.
fn by_id(e: &Engine, hits: &[tintuc::search::Hit]) -> Vec<(String, i64)> {
    hits.iter()
        .map(|h| (e.article_id(h.article).unwrap_or_default(), h.score))
        .collect()
}

fn found(query: &str) -> Vec<String> {
    let mut e = engine().lock().unwrap_or_else(|p| p.into_inner());
    let results = e.search(query, SortOrder::Relevance);
    results
        .hits
        .iter()
        .filter_map(|h| e.article_id(h.article))
        .map(|id| id[..3].to_string())
        .collect()
}

fn found_sorted(query: &str) -> Vec<String> {
    let mut ids = found(query);
    ids.sort();
    ids
}

#[test]
fn diacritics_count_only_when_typed() {
    assert_eq!(found_sorted("đang"), ["002"]);
    assert_eq!(found_sorted("dang"), ["000", "001", "002", "003", "004"]);
    assert_eq!(found_sorted("DANG"), found_sorted("dang"));
    // "Đảng" is not "đang", and case never matters.
    let dang_party = found_sorted("Đảng");
    assert_eq!(dang_party, ["000", "001", "002", "003", "004"]);
    assert_eq!(found_sorted("đảng"), dang_party);
    assert_eq!(found_sorted("ĐẢNG"), dang_party);
}

#[test]
fn places() {
    assert_eq!(found_sorted("@tuson"), ["000", "001", "003", "004"]);
    assert_eq!(found_sorted("@\"tu son\""), ["000", "001", "003", "004"]);
    assert_eq!(
        found_sorted("@\"thị xã Từ Sơn\""),
        ["000", "001", "003", "004"]
    );
    assert_eq!(found_sorted("@\"Từ Sơn\""), ["000", "001", "003", "004"]);
    assert_eq!(found_sorted("@bacninh"), ["000", "001", "003", "004"]);
    assert_eq!(found_sorted("@hanoi"), ["002"]);
    assert_eq!(found_sorted("@huongmac"), ["001"]);
    assert_eq!(found_sorted("@thuongtin"), ["002"]);
}

/// A place named in full finds that place and what is in it, not the
/// places with a near name; a name with a letter left out, that no place
/// has, still finds the near ones.
#[test]
fn a_whole_place_name_does_not_widen_to_near_names() {
    let text = r#"[
        {"id":"tu-son","title":"Một","places":["Từ Sơn"],"body":"x"},
        {"id":"huong-mac","title":"Hai","places":["Hương Mạc", "Từ Sơn"],"body":"x"},
        {"id":"truc-son","title":"Ba","places":["Trúc Sơn"],"body":"x"},
        {"id":"thuy-son","title":"Bốn","places":["Thụy Sơn"],"body":"x"}
    ]"#;
    let report = load::read_str("near.json", text);
    assert_eq!(report.articles.len(), 4);
    let mut e = Engine::new(tintuc::model::Collection {
        articles: report.articles,
        origin: "near.json".into(),
    });
    let mut ids = |q: &str| {
        let hits = e.search(q, SortOrder::Relevance).hits;
        let mut ids: Vec<String> = hits
            .iter()
            .filter_map(|h| e.article_id(h.article))
            .collect();
        ids.sort();
        ids
    };
    let tu_son = ["huong-mac", "tu-son"];
    assert_eq!(ids("@tuson"), tu_son);
    assert_eq!(ids("@\"Từ Sơn\""), tu_son);
    assert_eq!(ids("@\"thị xã Từ Sơn\""), tu_son);
    assert_eq!(ids("@\"Phường Từ Sơn\""), tu_son);
    assert_eq!(ids("@trucson"), ["truc-son"]);
    assert!(ids("@trcson").contains(&"truc-son".to_string()));
}

#[test]
fn dates() {
    assert_eq!(found_sorted("#2020"), ["002"]);
    assert_eq!(found_sorted("#2017..2020"), ["002", "004"]);
    assert_eq!(found_sorted("#3/9/2020"), ["002"]);
    assert_eq!(found_sorted("#9/2020"), ["002"]);
    assert_eq!(found_sorted("#2020-09-03"), ["002"]);
    assert_eq!(found_sorted("#2021.."), ["003"]);
    assert_eq!(found_sorted("#..2018"), ["004"]);
    // Undated articles never match a date filter, nor its negation.
    assert_eq!(found_sorted("#2000..2030"), ["002", "003", "004"]);
    assert_eq!(found_sorted("!#2020"), ["003", "004"]);
}

#[test]
fn impossible_terms_are_hints_not_failures() {
    let mut e = engine().lock().unwrap_or_else(|p| p.into_inner());
    let r = e.search("dang #2020-13", SortOrder::Relevance);
    assert_eq!(r.hits.len(), 5);
    assert_eq!(r.hints.len(), 1, "{:?}", r.hints);
    assert!(r.hints[0].contains("month 13"), "{:?}", r.hints);
}

#[test]
fn ranking() {
    assert_eq!(
        found("nong thon moi").first().map(String::as_str),
        Some("002")
    );
    assert_eq!(found("\"nông thôn mới\""), ["002"]);
    // The title match first.
    assert_eq!(found("thường tín").first().map(String::as_str), Some("002"));
    // No keyword: newest first, undated last.
    assert_eq!(&found("")[..3], ["003", "002", "004"]);
}

#[test]
fn exclusion_exact_and_either() {
    assert_eq!(found_sorted("!covid"), ["000", "003", "004"]);
    assert_eq!(found_sorted("covid"), ["001", "002"]);
    assert_eq!(found_sorted("covid|@hanoi"), ["001", "002"]);
    assert_eq!(found_sorted("'đang"), ["002"]);
    // Spelled without spaces, a keyword matches titles only: 003 names Từ Sơn in its body.
    // Found through a typo, 002 and 003 rank after them.
    let mut spelled = found("tuson");
    spelled.truncate(3);
    spelled.sort();
    assert_eq!(spelled, ["000", "001", "004"]);
    assert_eq!(found_sorted("!@tuson"), ["002"]);
}

#[test]
fn normal_forms_and_tone_placement_agree() {
    for q in ["văn hóa", "Thường Tín", "đang", "@\"Từ Sơn\" nông thôn"] {
        let nfd: String = q.nfd().collect();
        assert_eq!(found(&nfd), found(q), "{q}");
    }
    assert_eq!(found("văn hoá"), found("văn hóa"));
    assert!(!found("văn hóa").is_empty());
    assert_eq!(found("uỷ ban"), found("ủy ban"));
}

#[test]
fn abbreviations_match_both_ways() {
    // 000 writes "UBND thị xã"; 004 writes "MTTQ" and "HĐND".
    assert!(found_sorted("ủy ban nhân dân").contains(&"000".to_string()));
    assert!(found_sorted("mặt trận tổ quốc").contains(&"004".to_string()));
    assert!(found_sorted("MTTQ").contains(&"002".to_string()));
    assert!(found_sorted("hội đồng nhân dân").contains(&"004".to_string()));
}

#[test]
fn highlights_map_to_original_text() {
    let e = engine().lock().unwrap_or_else(|p| p.into_inner());
    let i = (0..e.len())
        .position(|n| e.article_id(n).is_some_and(|id| id.starts_with("002")))
        .unwrap_or(0);
    let a = e.article(i).expect("article");
    let m = e.matches(i, "nong thon moi");
    assert!(!m.body.is_empty());
    for (p, r) in &m.body {
        let text = &a.body[*p].text[r.clone()];
        let folded = tintuc::text::fold_str(text);
        assert!(
            ["nong", "thon", "moi"]
                .iter()
                .any(|w| folded.starts_with(w)),
            "{text}"
        );
    }
    let m = e.matches(i, "\"nông thôn mới\"");
    assert!(
        m.body
            .iter()
            .all(|(p, r)| &a.body[*p].text[r.clone()] == "nông thôn mới")
    );
}

fn any_query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("đang".to_string()),
        Just("dang".to_string()),
        Just("@tuson".to_string()),
        Just("#2020".to_string()),
        Just("!covid".to_string()),
        Just("\"nông thôn".to_string()),
        Just("'xã".to_string()),
        Just("a|b".to_string()),
        "[a-zđơư@#!'\"|/.0-9 -]{0,8}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..4).prop_map(|v| v.join(" "))
}

/// A query whose every term is complete: phrases closed, no operator
/// without its operand. (An open one can take in what is typed after it:
/// `"nông thôn` then `"|g` reads as one phrase and an alternative.)
fn closed_query() -> impl Strategy<Value = String> {
    any_query().prop_filter("a term left open", |q| {
        q.matches('"').count() % 2 == 0
            && q.split_whitespace()
                .all(|t| !t.ends_with(['|', '!', '@', '#', '\'']) && !t.starts_with('|'))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parser_never_panics(s in "\\PC*|.*") {
        let _ = parse(&s);
    }

    #[test]
    fn results_are_a_subset_of_the_collection(q in any_query()) {
        let mut e = engine().lock().unwrap_or_else(|p| p.into_inner());
        let n = e.len();
        let r = e.search(&q, SortOrder::Relevance);
        let mut seen = std::collections::HashSet::new();
        for h in r.hits.iter() {
            prop_assert!(h.article < n);
            prop_assert!(seen.insert(h.article), "duplicate hit");
        }
        let _ = e.matches(r.hits.first().map_or(0, |h| h.article), &q);
    }

    #[test]
    fn adding_a_closed_term_never_adds_results(q in closed_query(), extra in closed_query()) {
        // Both sides closed (no phrase left open, no `|` or `!` waiting for
        // its operand): the added words cannot change how `q` parses, only
        // ask for more.
        let mut e = engine().lock().unwrap_or_else(|p| p.into_inner());
        let before: std::collections::HashSet<usize> =
            e.search(&q, SortOrder::Relevance).hits.iter().map(|h| h.article).collect();
        let more = format!("{q} {extra}");
        let after = e.search(&more, SortOrder::Newest);
        for h in after.hits.iter() {
            prop_assert!(before.contains(&h.article), "{more:?} added {}", h.article);
        }
    }

    #[test]
    fn typing_history_does_not_change_results(q in any_query()) {
        // Results reached keystroke by keystroke equal a fresh evaluation.
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/articles.json");
        let collection = load::load(&DataSource::Path(path)).expect("loads");
        let mut fresh = Engine::new(collection);
        let want = fresh.search(&q, SortOrder::Relevance).hits;
        let want = by_id(&fresh, &want);
        let mut e = engine().lock().unwrap_or_else(|p| p.into_inner());
        let mut typed = String::new();
        for c in q.chars() {
            typed.push(c);
            let _ = e.search(&typed, SortOrder::Relevance);
        }
        let got = e.search(&q, SortOrder::Relevance).hits;
        prop_assert_eq!(by_id(&e, &got), want);
    }

    #[test]
    fn correcting_a_query_ends_where_a_fresh_search_ends(q in any_query(), slip in any_query()) {
        // Typed too far, then erased back one character at a time: the
        // searches on the way (narrower, then wider again) leave no trace.
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/articles.json");
        let collection = load::load(&DataSource::Path(path)).expect("loads");
        let mut fresh = Engine::new(collection);
        let want = fresh.search(&q, SortOrder::Relevance).hits;
        let want = by_id(&fresh, &want);
        let mut e = engine().lock().unwrap_or_else(|p| p.into_inner());
        let mut typed = format!("{q}{slip}");
        let _ = e.search(&typed, SortOrder::Relevance);
        while typed.len() > q.len() {
            typed.pop();
            let _ = e.search(&typed, SortOrder::Relevance);
        }
        let got = e.search(&q, SortOrder::Relevance).hits;
        prop_assert_eq!(by_id(&e, &got), want);
    }
}

#[test]
fn a_query_that_finds_nothing_says_which_term_emptied_it() {
    let hints = |q: &str| {
        let mut e = engine().lock().unwrap_or_else(|p| p.into_inner());
        let results = e.search(q, SortOrder::Relevance);
        assert!(results.hits.is_empty(), "{q} finds nothing");
        results.hints
    };
    // "đang" is in 002 only, which is not about Từ Sơn.
    assert_eq!(hints("đang @tuson"), ["without @tuson: 1 article"]);
    assert_eq!(hints("đang #2017"), ["without #2017: 1 article"]);
    assert_eq!(hints("dang #2019"), ["#2019: in no article"]);
    assert_eq!(hints("zzzq"), ["zzzq: in no article"]);
    assert_eq!(hints("dang zzzq thon"), ["zzzq: in no article"]);
    // A keyword beyond the typos it forgives: the closest words, as
    // written, fewest edits first ("quyết" is two away).
    assert_eq!(
        hints("nghi quyetxx"),
        ["quyetxx: in no article; closest: quyết"]
    );
    assert_eq!(
        hints("dongxy"),
        ["dongxy: in no article; closest: đồng, động, đông"]
    );
    // Every article has "dang": without "!dang" the query finds them all.
    assert_eq!(hints("dang !dang"), ["without !dang: 5 articles"]);
    // No place of that name: the closest names, Từ Sơn first for "tusn".
    let place = hints("@tusn");
    assert_eq!(place.len(), 1);
    assert!(
        place[0].starts_with("@tusn: no place of that name; closest: Từ Sơn, "),
        "{place:?}"
    );
    let place = hints("dang @xyz");
    assert!(
        place[0].starts_with("@xyz: no place of that name; closest: ")
            && place[0].matches(", ").count() == 2,
        "{place:?}"
    );
    // A query that finds something says nothing of the kind.
    let mut e = engine().lock().unwrap_or_else(|p| p.into_inner());
    assert!(
        e.search("dang @tuson", SortOrder::Relevance)
            .hints
            .is_empty()
    );
}
