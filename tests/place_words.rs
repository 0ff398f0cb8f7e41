//! Keywords that spell a place: the articles about it rank first, a name
//! run together finds the name written as words, and the status line
//! says how the words were read. On the bundled collection, and as a
//! property of generated articles.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use proptest::prelude::*;
use tintuc::load::{self, DataSource};
use tintuc::model::{Article, Collection, Paragraph, ParagraphKind};
use tintuc::search::{Engine, SortOrder};

fn bundled() -> &'static Mutex<Engine> {
    static CELL: OnceLock<Mutex<Engine>> = OnceLock::new();
    CELL.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/articles.json");
        let collection = load::load(&DataSource::Path(path)).expect("bundled collection loads");
        Mutex::new(Engine::new(collection))
    })
}

/// The articles found, as their three-digit prefixes, best first, and
/// the hints.
fn search(query: &str) -> (Vec<String>, Vec<String>) {
    let mut e = bundled().lock().unwrap_or_else(|p| p.into_inner());
    let results = e.search(query, SortOrder::Relevance);
    let ids = results
        .hits
        .iter()
        .filter_map(|h| e.article_id(h.article))
        .map(|id| id.chars().take(3).collect())
        .collect();
    (ids, results.hints)
}

#[test]
fn thuong_tin_ranks_the_article_about_thuong_tin_first() {
    let (found, hints) = search("thuong tin");
    assert_eq!(found.first().map(String::as_str), Some("002"), "{found:?}");
    assert_eq!(hints, ["thuong tin: read as the place Thường Tín too"]);
    // With its type word, and typed with diacritics.
    for q in ["huyen thuong tin", "Thường Tín"] {
        assert_eq!(search(q).0.first().map(String::as_str), Some("002"), "{q}");
    }
}

#[test]
fn a_name_run_together_finds_it_in_bodies() {
    // 002 names Thường Tín in its body only.
    let (found, hints) = search("thuongtin");
    assert_eq!(found, ["002"]);
    assert_eq!(hints, ["thuongtin: read as the place Thường Tín too"]);
    assert_eq!(search("huyenthuongtin").0, ["002"]);
}

#[test]
fn a_name_run_together_finds_articles_that_only_name_it_title_first_then_by_mentions() {
    let mut about = article("about", "Tin huyện", "Bà con góp công làm đường.");
    about.places = vec!["Thường Tín".into()];
    let mut e = Engine::new(Collection {
        articles: vec![
            about,
            article("once", "Tin làng", "Bà con ở Thường Tín góp công."),
            article("twice", "Tin xã", "Thường Tín mở hội; hội Thường Tín đông."),
            article("title", "Về Thường Tín", "Đường mới."),
            article(
                "title-and-body",
                "Thường Tín mở hội",
                "Hội Thường Tín đông.",
            ),
            article("other-words", "Tin buồn", "Một thương tin thật đáng tiếc."),
        ],
        origin: "generated".into(),
    });
    let results = e.search("thuongtin", SortOrder::Relevance);
    let ids: Vec<String> = results
        .hits
        .iter()
        .filter_map(|h| e.article_id(h.article))
        .collect();
    let at = |id: &str| ids.iter().position(|i| i == id);
    assert!(at("about").is_some(), "{ids:?}");
    assert_eq!(at("other-words"), None, "{ids:?}");
    // Every one found, then in order.
    let order: Vec<usize> = ["title-and-body", "title", "twice", "once"]
        .iter()
        .map(|id| at(id).unwrap_or_else(|| panic!("{id}: {ids:?}")))
        .collect();
    assert!(order.is_sorted(), "{ids:?}");
}

#[test]
fn articles_about_the_place_come_before_those_that_only_have_the_words() {
    for (q, place) in [
        ("tu son", "@tuson"),
        ("bac ninh", "@bacninh"),
        ("thuong tin", "@thuongtin"),
    ] {
        let about = search(place).0;
        let found = search(q).0;
        let flags: Vec<bool> = found.iter().map(|id| about.contains(id)).collect();
        assert!(flags.iter().any(|&a| a), "{q}: {found:?}");
        // Once an article not about the place is listed, none about it is.
        let first_other = flags.iter().position(|&a| !a).unwrap_or(flags.len());
        assert!(
            flags[first_other..].iter().all(|&a| !a),
            "{q}: {found:?} {about:?}"
        );
    }
}

#[test]
fn words_that_name_no_place_any_article_is_about_say_nothing() {
    // Hà Tĩnh is a place, but no bundled article is about it.
    let (_, hints) = search("ha tinh");
    assert!(hints.iter().all(|h| !h.contains("read as")), "{hints:?}");
}

fn article(id: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        date: None,
        month_only: false,
        time: None,
        places: vec![],
        author: None,
        source: None,
        body: vec![Paragraph::new(ParagraphKind::Text, body)],
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every query word side by side in the body outranks a prefix of one
    /// word in the title (with the other word in the body).
    #[test]
    fn words_side_by_side_outrank_a_title_prefix(
        first in "[b-z]{3,6}",
        second in "[b-z]{3,6}",
        tail in "[b-z]{1,3}",
        filler in proptest::collection::vec("[b-z]{2,7}", 3..8),
    ) {
        prop_assume!(first != second);
        let filler = filler.join(" ");
        let side_by_side = article(
            "side",
            &format!("a {filler}"),
            &format!("{filler} {first} {second} {filler}"),
        );
        let prefix = article(
            "prefix",
            &format!("{second}{tail} {filler}"),
            &format!("{first} {filler} a {second}{tail}"),
        );
        let mut e = Engine::new(Collection {
            articles: vec![prefix, side_by_side],
            origin: "generated".into(),
        });
        let results = e.search(&format!("{first} {second}"), SortOrder::Relevance);
        let ids: Vec<String> = results
            .hits
            .iter()
            .filter_map(|h| e.article_id(h.article))
            .collect();
        prop_assert_eq!(ids.first().map(String::as_str), Some("side"), "{:?}", ids);
    }
}
