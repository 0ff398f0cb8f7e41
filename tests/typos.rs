//! Typo tolerance, and keywords typed in Telex or VNI, through the
//! engine's front door: on the bundled collection, and as properties of
//! any query on generated articles.

use std::collections::BTreeSet;
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

/// The articles found, as their three-digit prefixes, best first.
fn found_in(e: &mut Engine, query: &str) -> Vec<String> {
    let results = e.search(query, SortOrder::Relevance);
    results
        .hits
        .iter()
        .filter_map(|h| e.article_id(h.article))
        .map(|id| id.chars().take(3).collect())
        .collect()
}

fn found(query: &str) -> Vec<String> {
    let mut e = bundled().lock().unwrap_or_else(|p| p.into_inner());
    found_in(&mut e, query)
}

fn set(ids: Vec<String>) -> BTreeSet<String> {
    ids.into_iter().collect()
}

#[test]
fn one_typo_finds_what_the_right_spelling_finds() {
    for (typo, right) in [
        ("nong thn moi", "nong thon moi"),
        ("thuong tiin", "thuong tin"),
        ("tu sonn", "tu son"),
        ("nghi quyte", "nghi quyet"),
        ("thuogn tin", "thuong tin"),
    ] {
        let right_found = set(found(right));
        assert!(!right_found.is_empty(), "{right} finds something");
        let typo_found = set(found(typo));
        assert!(
            typo_found.is_superset(&right_found),
            "{typo}: {typo_found:?}, {right}: {right_found:?}"
        );
    }
}

#[test]
fn a_typo_in_a_short_word_is_forgiven_only_when_the_word_starts_nothing() {
    // "thon" starts words ("thôn"): taken as typed, not as "than"/"thon".
    let mut e = bundled().lock().unwrap_or_else(|p| p.into_inner());
    e.forgive_typos(false);
    let exact = found_in(&mut e, "thon");
    e.forgive_typos(true);
    assert_eq!(found_in(&mut e, "thon"), exact);
    // "thn" starts nothing: one edit is forgiven.
    assert!(found_in(&mut e, "thn").len() >= exact.len());
    // Two letters never forgive.
    assert!(found_in(&mut e, "xq").is_empty());
}

#[test]
fn words_typed_with_diacritics_or_digits_are_taken_as_typed() {
    // "đang" is only in 002: "Đảng" one tone away is not a typo of it.
    assert_eq!(found("đang"), ["002"]);
    // "2016" is not "2026", nor "2017" (a year of 004).
    let mut e = bundled().lock().unwrap_or_else(|p| p.into_inner());
    assert!(found_in(&mut e, "2016").is_empty());
    assert!(!found_in(&mut e, "2017").is_empty());
    // "đàng" is in no article: searched without its marks, as "dang".
    assert_eq!(found_in(&mut e, "đàng"), found_in(&mut e, "dang"));
}

#[test]
fn a_word_typed_with_diacritics_that_starts_nothing_is_searched_folded() {
    // "Nghị quyết" with a wrong tone on each word: nothing as typed.
    assert_eq!(set(found("nghỉ quyệt")), set(found("nghi quyet")));
    let mut e = bundled().lock().unwrap_or_else(|p| p.into_inner());
    let hints = e.search("nghỉ quyệt !đàng", SortOrder::Relevance).hints;
    assert_eq!(
        hints,
        [
            "nghỉ: in no article as typed, searched as nghi",
            "quyệt: in no article as typed, searched as quyet",
        ]
    );
}

#[test]
fn matches_found_as_typed_rank_above_typo_matches() {
    let mut e = bundled().lock().unwrap_or_else(|p| p.into_inner());
    // "chuyen" starts words of 001 and 003; a word one edit from it is
    // in 002.
    e.forgive_typos(false);
    let exact = found_in(&mut e, "chuyen");
    e.forgive_typos(true);
    let forgiving = found_in(&mut e, "chuyen");
    assert_eq!(set(exact.clone()), set(vec!["001".into(), "003".into()]));
    assert!(forgiving.len() > exact.len(), "{forgiving:?} {exact:?}");
    assert_eq!(forgiving[..exact.len()], exact[..]);
}

#[test]
fn a_typo_match_is_highlighted_whole() {
    let mut e = bundled().lock().unwrap_or_else(|p| p.into_inner());
    let results = e.search("nghi quyte", SortOrder::Relevance);
    let hit = results
        .hits
        .iter()
        .find(|h| {
            e.article_id(h.article)
                .is_some_and(|id| id.starts_with("002"))
        })
        .expect("002 found")
        .article;
    let title = e.article(hit).expect("article").title.clone();
    let matches = e.matches(hit, "nghi quyte");
    let shown: Vec<&str> = matches.title.iter().map(|r| &title[r.clone()]).collect();
    assert_eq!(shown, ["Nghị", "quyết"]);
}

#[test]
fn telex_and_vni_find_what_the_vietnamese_they_spell_finds() {
    let mut e = bundled().lock().unwrap_or_else(|p| p.into_inner());
    let right = set(found_in(&mut e, "từ sơn"));
    assert!(!right.is_empty());
    for typed in ["tuwf sown", "tu72 so7n", "tuwf son", "nghij quyeets"] {
        let found = set(found_in(&mut e, typed));
        if typed.starts_with("nghij") {
            assert_eq!(found, set(found_in(&mut e, "nghị quyết")), "{typed}");
        } else {
            assert!(found.is_superset(&right), "{typed}: {found:?} {right:?}");
        }
    }
    let hints = e.search("tuwf sown", SortOrder::Relevance).hints;
    assert_eq!(hints, ["tuwf sown → từ sơn"]);
    // English stays English: "trees" spells "trế", in no article.
    let hints = e.search("trees", SortOrder::Relevance).hints;
    assert_eq!(hints.len(), 1, "{hints:?}");
    assert!(hints[0].starts_with("trees: in no article"), "{hints:?}");
    // Turned off: the letters as typed only.
    e.read_telex(false);
    assert!(found_in(&mut e, "tuwf sown").is_empty());
    e.read_telex(true);
}

#[test]
fn a_short_word_forgives_a_typo_where_it_starts_no_word_of_what_is_left() {
    // "lun" starts "lún" in the collection, but no word of the articles
    // with "kết": there it finds "luận".
    let articles = vec![
        article_of("ketluan", "Kết luận của hội nghị", "Thông báo kết luận."),
        article_of("lun", "Đường lún sụt", "Mưa lớn."),
        article_of("ketnoi", "Kết nối giao thông", "Cầu mới."),
    ];
    let mut e = Engine::new(Collection {
        articles,
        origin: String::new(),
    });
    assert_eq!(ids(&mut e, "lun"), ["lun"]);
    assert_eq!(ids(&mut e, "ket lun"), ["ketluan"]);
    // Typed letter by letter, from the results of "ket lu".
    for typed in ["k", "ke", "ket", "ket ", "ket l", "ket lu"] {
        ids(&mut e, typed);
    }
    assert_eq!(ids(&mut e, "ket lun"), ["ketluan"]);
    e.forgive_typos(false);
    assert!(ids(&mut e, "ket lun").is_empty());
}

#[test]
fn a_reading_ranks_below_the_word_as_typed() {
    // "boong" spells "bông" in Telex: an article with "boong" itself
    // comes before one with only "bông".
    let articles = vec![
        article_of("bong", "Hoa bông nở", "Bông lúa."),
        article_of("boong", "Trên boong tàu", "Gió."),
    ];
    let mut e = Engine::new(Collection {
        articles,
        origin: String::new(),
    });
    assert_eq!(ids(&mut e, "boong"), ["boong", "bong"]);
    assert_eq!(ids(&mut e, "bông"), ["bong"]);
}

fn article_of(id: &str, title: &str, body: &str) -> Article {
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

// Properties on generated articles: words from a small alphabet, so that
// typos of one word are often other words.

const WORDS: &[&str] = &[
    "thanh",
    "tranh",
    "thành",
    "thanh",
    "nghiquyet",
    "nghiquyte",
    "quyet",
    "quyết",
    "quoc",
    "thon",
    "thôn",
    "thong",
    "nong",
    "nông",
    "sonn",
    "son",
    "sơn",
    "tuson",
    "huyen",
    "huyện",
    "xa",
    "moi",
    "mới",
    "2020",
    "2021",
];

fn article(n: usize, title: Vec<usize>, body: Vec<usize>) -> Article {
    let words = |ix: &[usize]| {
        ix.iter()
            .map(|&i| WORDS[i % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    article_of(&format!("a{n:03}"), &words(&title), &words(&body))
}

fn articles() -> impl Strategy<Value = Vec<Article>> {
    prop::collection::vec(
        (
            prop::collection::vec(0..WORDS.len(), 1..5),
            prop::collection::vec(0..WORDS.len(), 0..12),
        ),
        1..24,
    )
    .prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(n, (t, b))| article(n, t, b))
            .collect()
    })
}

/// A query of one to three keywords: words of the alphabet, maybe cut
/// short or with one letter changed.
fn query() -> impl Strategy<Value = String> {
    let keyword = (0..WORDS.len(), 0..4usize, any::<u8>()).prop_map(|(i, how, seed)| {
        let w: Vec<char> = WORDS[i].chars().collect();
        let at = usize::from(seed) % w.len();
        let letter = char::from(b'a' + seed % 26);
        let mut out = w.clone();
        match how {
            0 => {}
            1 => out.truncate(at.max(1)),
            2 => out[at] = letter,
            _ => {
                out.remove(at);
            }
        }
        if out.is_empty() { w } else { out }
            .into_iter()
            .collect::<String>()
    });
    prop::collection::vec(keyword, 1..4).prop_map(|ws| ws.join(" "))
}

fn ids(e: &mut Engine, q: &str) -> Vec<String> {
    let hits = e.search(q, SortOrder::Relevance).hits;
    hits.iter()
        .filter_map(|h| e.article_id(h.article))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn what_is_found_as_typed_comes_first_and_in_the_same_order(
        articles in articles(),
        q in query(),
    ) {
        let mut e = Engine::new(Collection { articles, origin: String::new() });
        e.forgive_typos(false);
        let exact = ids(&mut e, &q);
        e.forgive_typos(true);
        let forgiving = ids(&mut e, &q);
        prop_assert!(forgiving.len() >= exact.len());
        prop_assert_eq!(&forgiving[..exact.len()], &exact[..]);
    }

    #[test]
    fn a_typo_in_one_word_keeps_what_the_others_match(
        articles in articles(),
        q in query(),
        extra in 0..WORDS.len(),
    ) {
        // A keyword typed with two letters swapped still finds every
        // article that has the right spelling, whatever the other
        // keywords.
        let mut e = Engine::new(Collection { articles, origin: String::new() });
        let word = WORDS[extra];
        let mut typo: Vec<char> = word.chars().collect();
        typo.swap(0, 1);
        let typo: String = typo.into_iter().collect();
        // (Where the word is a word: `'word`, which no title spells across
        // its words, as "thon nghị" spells "thong".)
        e.forgive_typos(false);
        let with_word: BTreeSet<String> = ids(&mut e, &format!("{q} '{word}")).into_iter().collect();
        e.forgive_typos(true);
        let with_typo: BTreeSet<String> = ids(&mut e, &format!("{q} {typo}")).into_iter().collect();
        if word.chars().count() >= 5 && !word.chars().any(|c| c.is_ascii_digit()) && word.is_ascii() {
            prop_assert!(with_typo.is_superset(&with_word), "{:?} {:?}", with_typo, with_word);
        }
    }
}
