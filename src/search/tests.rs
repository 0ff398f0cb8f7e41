//! The engine through its own methods: caching, marks, status lists.
use super::*;
use crate::model::{Paragraph, ParagraphKind};

fn article(id: &str, title: &str, body: &str, date: Option<&str>) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        date: date.and_then(|d| d.parse().ok()),
        month_only: false,
        time: None,
        places: vec![],
        author: None,
        source: None,
        body: vec![Paragraph::new(ParagraphKind::Text, body)],
    }
}

fn engine() -> Engine {
    Engine::new(Collection {
        articles: vec![
            article("a", "Tin ngắn", "UBND huyện họp bàn.", Some("2020-01-02")),
            article(
                "b",
                "Tin khác",
                "Ủy ban nhân dân xã ra quyết định.",
                Some("2021-01-02"),
            ),
            article("c", "Ủy ban nhân dân tỉnh", "Không có gì.", None),
            article(
                "d",
                "Đường làng",
                "thôn Đông, nông thôn mới",
                Some("2019-05-05"),
            ),
        ],
        origin: "test".into(),
    })
}

fn ids(e: &mut Engine, q: &str) -> Vec<String> {
    marked_ids(e, q, &NoMarks)
}

/// The ids found by `q`, best first, its `is:` terms reading `marks`.
fn marked_ids(e: &mut Engine, q: &str, marks: &dyn MarkSource) -> Vec<String> {
    let r = e.search_marked(q, SortOrder::Relevance, marks);
    r.hits
        .iter()
        .map(|h| e.article_id(h.article).expect("a hit is an article"))
        .collect()
}

#[test]
fn abbreviations_both_ways() {
    let mut e = engine();
    assert_eq!(ids(&mut e, "ubnd"), ["c", "b", "a"]);
    let mut words = ids(&mut e, "uy ban nhan dan");
    words.sort();
    assert_eq!(words, ["a", "b", "c"]);
    let mut phrase = ids(&mut e, "\"ủy ban nhân dân\"");
    phrase.sort();
    assert_eq!(phrase, ["a", "b", "c"]);
}

#[test]
fn title_first_then_newest_and_sort_orders() {
    let mut e = engine();
    assert_eq!(ids(&mut e, "uy ban"), ["c", "b", "a"]);
    assert_eq!(ids(&mut e, ""), ["b", "a", "d", "c"]);
    let oldest: Vec<String> = e
        .search("", SortOrder::Oldest)
        .hits
        .iter()
        .map(|h| e.article_id(h.article).expect("a hit is an article"))
        .collect();
    assert_eq!(oldest, ["d", "a", "b", "c"]);
    let by_title: Vec<String> = e
        .search("", SortOrder::Title)
        .hits
        .iter()
        .map(|h| {
            e.article(h.article)
                .expect("a hit is an article")
                .title
                .clone()
        })
        .collect();
    // Vietnamese order: d, đ before t, u.
    assert_eq!(
        by_title,
        ["Đường làng", "Tin khác", "Tin ngắn", "Ủy ban nhân dân tỉnh"]
    );
}

#[test]
fn narrowing_gives_the_same_results_as_a_fresh_search() {
    let mut typed = engine();
    let mut last = Vec::new();
    for q in [
        "t", "th", "tho", "thon", "thon ", "thon m", "thon mo", "thon moi",
    ] {
        last = ids(&mut typed, q);
    }
    assert_eq!(last, ids(&mut engine(), "thon moi"));
    assert_eq!(ids(&mut typed, "tho"), ids(&mut engine(), "tho"));
}

#[test]
fn titles_spelled_without_spaces() {
    let mut e = Engine::new(Collection {
        articles: vec![
            article("a", "Nâng cao năng lực", "", None),
            article("b", "Thị xã Từ Sơn", "", None),
            article("c", "Nông nghiệp", "", None),
        ],
        origin: "test".into(),
    });
    assert_eq!(ids(&mut e, "tuson"), ["b"]);
    assert_eq!(ids(&mut e, "thixatuson"), ["b"]);
    assert_eq!(ids(&mut e, "từsơn"), ["b"]);
    // Marks that start nothing are dropped (with a hint).
    assert_eq!(ids(&mut e, "tusơn"), ["b"]);
    assert_eq!(ids(&mut e, "txts"), ["b"]);
    // Scattered letters are not a spelling.
    assert_eq!(ids(&mut e, "nong"), ["c"]);
    assert!(ids(&mut e, "tusonx").is_empty());
}

#[test]
fn narrowing_ignores_states_with_more_clauses() {
    let make = || {
        let mut e = Engine::new(Collection {
            articles: vec![
                article("x1", "Một", "mã ubndx mới", None),
                article("x2", "Hai", "UBND khác", None),
            ],
            origin: "test".into(),
        });
        // "ubndx" would find "ubnd" with one typo.
        e.forgive_typos(false);
        e
    };
    let mut e = make();
    // "ubnd" has an alternative (its expansion); after "ubnd khac" is
    // cached, "ubndx" must not start from the results of "ubnd khac".
    assert_eq!(ids(&mut e, "ubnd khac"), ["x2"]);
    assert_eq!(ids(&mut e, "ubndx"), ["x1"]);
    assert_eq!(ids(&mut e, "ubndx"), ids(&mut make(), "ubndx"));
}

#[test]
fn a_keyword_forgiving_more_typos_does_not_start_from_its_shorter_form() {
    let mut e = engine();
    let state: Scored = (0..4).map(|d| (d, 7)).collect();
    let clause = |q: &str| parse(q).clauses.remove(0);
    ids(&mut e, "tho");
    // "thong" forgives one typo ("thang"), "tho" none.
    assert_eq!(e.narrowed(&[], &clause("thong"), &state), None);
    ids(&mut e, "thong");
    // Both forgive one: the longer matches no more than the shorter.
    assert!(e.narrowed(&[], &clause("thongx"), &state).is_some());
    // Typed with marks that start nothing: searched folded, afresh.
    assert_eq!(e.narrowed(&[], &clause("thôngx"), &state), None);
}

#[test]
fn clearing_the_cache_forgets_every_query() {
    let mut e = engine();
    ids(&mut e, "tin");
    assert!(e.cache.entries() > 0);
    e.clear_cache();
    assert_eq!(e.cache.entries(), 0);
    assert_eq!(ids(&mut e, "tin"), ids(&mut engine(), "tin"));
}

#[test]
fn a_longer_keyword_starts_from_its_shorter_form() {
    let mut e = engine();
    // From five letters a keyword forgives a typo, which "tho" did not.
    e.forgive_typos(false);
    // Scores of the state the clause adds to, kept as they are.
    let state: Scored = (0..4).map(|d| (d, 7)).collect();
    let clause = |q: &str| parse(q).clauses.remove(0);
    // Nothing typed before: nothing to start from.
    assert_eq!(e.narrowed(&[], &clause("thong"), &state), None);
    // A form of two letters is too short to be worth it.
    ids(&mut e, "th");
    assert_eq!(e.narrowed(&[], &clause("thong"), &state), None);
    ids(&mut e, "tho");
    let mut tho: Vec<u32> = e
        .search("tho", SortOrder::Relevance)
        .hits
        .iter()
        .filter_map(|h| u32::try_from(h.article).ok())
        .collect();
    tho.sort_unstable();
    assert!(!tho.is_empty() && tho.len() < 4);
    let expected: Scored = tho.iter().map(|&d| (d, 7)).collect();
    assert_eq!(
        e.narrowed(&[], &clause("thong"), &state),
        Some(expected.clone())
    );
    // A keyword typed with diacritics starts from its folded form too.
    assert_eq!(e.narrowed(&[], &clause("thôn"), &state), Some(expected));
    // Not from a form that is not a prefix of it, nor after other
    // leading clauses.
    assert_eq!(e.narrowed(&[], &clause("thach"), &state), None);
    let other = [clause("tin").key()];
    assert_eq!(e.narrowed(&other, &clause("thong"), &state), None);
}

#[test]
fn flag_terms_follow_the_marks() {
    let mut e = engine();
    let sorted = |e: &mut Engine, q: &str, marks: &dyn MarkSource| {
        let mut v = marked_ids(e, q, marks);
        v.sort();
        v
    };
    assert_eq!(sorted(&mut e, "is:unread", &NoMarks), ["a", "b", "c", "d"]);
    assert!(sorted(&mut e, "is:read", &NoMarks).is_empty());
    // Typed one letter at a time, then marks change: the cached
    // results for the same query must not be reused.
    for q in ["t", "ti", "tin", "tin is:", "tin is:r", "tin is:read"] {
        ids(&mut e, q);
    }
    assert!(sorted(&mut e, "tin is:read", &NoMarks).is_empty());
    let read = Marks {
        read: true,
        bookmarked: false,
    };
    let a_read = vec![("a", read)];
    assert_eq!(sorted(&mut e, "tin is:read", &a_read), ["a"]);
    // "tin" is also the start of "tỉnh" (c).
    assert_eq!(sorted(&mut e, "tin !is:read", &a_read), ["b", "c"]);
    assert_eq!(sorted(&mut e, "tin is:unread", &a_read), ["b", "c"]);
    let both = Marks {
        read: true,
        bookmarked: true,
    };
    let others = vec![("b", read), ("c", read), ("d", both)];
    assert_eq!(sorted(&mut e, "tin is:read", &others), ["b", "c"]);
    assert_eq!(sorted(&mut e, "is:bookmarked", &others), ["d"]);
    assert_eq!(
        sorted(&mut e, "is:bookmarked|is:unread", &others),
        ["a", "d"]
    );
    // Among a, b and c "thon" starts no word: it forgives a typo there,
    // and "không" (c) is one edit from a start of it.
    assert_eq!(sorted(&mut e, "!is:b thon", &others), ["c"]);
    assert_eq!(sorted(&mut e, "!is:b 'thon", &others), Vec::<String>::new());
    assert_eq!(sorted(&mut e, "is:bookmarked thon", &others), ["d"]);
    // Keyword results not depending on marks stay cached and right.
    assert_eq!(sorted(&mut e, "tin", &others), ["a", "b", "c"]);
    // The same query again with the marks changed back.
    assert!(sorted(&mut e, "tin is:read", &NoMarks).is_empty());
    let r = e.search_marked("is:b #2019 is:nope", SortOrder::Relevance, &others);
    assert_eq!(r.flags, ["is:b"]);
    assert_eq!(r.hints.len(), 1);
    assert_eq!(r.hits.len(), 1);
}

#[test]
fn status_lists() {
    let mut e = engine();
    let r = e.search("thon @tuson #2020 #2020-13", SortOrder::Relevance);
    assert_eq!(r.places, ["@tuson"]);
    assert_eq!(r.dates, ["#2020"]);
    // The impossible date, and (nothing found) the term that emptied the
    // list: no article of these names a place.
    assert_eq!(
        r.hints,
        [
            "#2020-13: there is no month 13",
            "@tuson: no place of that name"
        ]
    );
}

#[test]
fn every_search_asked_for_is_counted() {
    let mut e = engine();
    assert_eq!(e.searches(), 0);
    e.search("ubnd", SortOrder::Relevance);
    e.search("ubnd", SortOrder::Relevance);
    e.search("tin", SortOrder::Newest);
    assert_eq!(e.searches(), 3);
}

#[test]
fn place_articles_take_one_place_term_and_nothing_else() {
    let collection = Collection {
        articles: vec![Article {
            places: vec!["Từ Sơn".into()],
            ..article("p", "Tin Từ Sơn", "Chợ phiên.", None)
        }],
        origin: "test".into(),
    };
    let places = Engine::new(collection);
    assert_eq!(places.place_articles("@tuson"), vec![0]);
    // Negated, or with other terms, it is not a place to list.
    assert!(places.place_articles("!@tuson").is_empty());
    assert!(places.place_articles("@tuson|covid").is_empty());
    assert!(places.place_articles("tuson").is_empty());
}

#[test]
fn sort_orders_cycle_through_all_four() {
    let mut seen = vec![SortOrder::default()];
    for _ in 0..4 {
        let next = seen.last().copied().unwrap_or_default().next();
        seen.push(next);
    }
    assert_eq!(
        seen,
        [
            SortOrder::Relevance,
            SortOrder::Newest,
            SortOrder::Oldest,
            SortOrder::Title,
            SortOrder::Relevance
        ]
    );
}

#[test]
fn articles_are_read_by_number_and_found_by_id() {
    let e = engine();
    assert_eq!(e.len(), 4);
    assert!(!e.is_empty());
    // Numbered as the index holds them: each number one article.
    let mut seen: Vec<String> = (0..4).filter_map(|n| e.article_id(n)).collect();
    seen.sort();
    assert_eq!(seen, ["a", "b", "c", "d"]);
    for id in ["a", "b", "c", "d"] {
        let n = e.find_id(id).expect("found by id");
        assert_eq!(e.article_id(n).as_deref(), Some(id));
        assert_eq!(e.article(n).map(|a| a.id.clone()).as_deref(), Some(id));
    }
    let number = |id: &str| e.find_id(id).expect("found by id");
    assert_eq!(e.date(number("a")), "2020-01-02".parse().ok());
    assert_eq!(e.date(number("c")), None);
    assert_eq!(
        e.article(number("c")).map(|a| a.title.clone()).as_deref(),
        Some("Ủy ban nhân dân tỉnh")
    );
    // Past the end, and ids not in the collection, are nothing.
    assert!(e.article(4).is_none());
    assert_eq!(e.article_id(4), None);
    assert_eq!(e.date(4), None);
    assert!(e.places_of(4).is_empty());
    assert_eq!(e.find_id("e"), None);
    let empty = Engine::new(Collection::default());
    assert!(empty.is_empty());
    assert_eq!(empty.len(), 0);
}

#[test]
fn places_of_an_article_keep_their_order() {
    let mut a = article("p", "Tin", "Nội dung.", None);
    a.places = vec!["Từ Sơn".into(), "Bắc Ninh".into()];
    let e = Engine::new(Collection {
        articles: vec![a],
        origin: "test".into(),
    });
    assert_eq!(e.places_of(0), ["Từ Sơn", "Bắc Ninh"]);
}

#[test]
fn an_exact_keyword_next_to_the_next_one_ranks_first() {
    let e = |newer_apart: bool| {
        let mut apart = article("apart", "Tin", "nông dân ở thôn Đông", Some("2021-01-01"));
        let mut next = article("next", "Tin", "nông thôn Đông", Some("2020-01-01"));
        if !newer_apart {
            std::mem::swap(&mut apart.date, &mut next.date);
        }
        Engine::new(Collection {
            articles: vec![apart, next],
            origin: "test".into(),
        })
    };
    // Side by side beats newer, for a keyword taken whole as for one
    // taken as a word start.
    for q in ["'nong thon", "nong thon", "'nông thôn"] {
        assert_eq!(ids(&mut e(true), q), ["next", "apart"], "{q}");
        assert_eq!(ids(&mut e(false), q), ["next", "apart"], "{q}");
    }
}

/// What a query highlights in article 0 of `e`: title parts, then body
/// parts.
fn highlighted(e: &Engine, q: &str) -> (Vec<String>, Vec<String>) {
    let m = e.matches(0, q);
    let a = e
        .article(0)
        .map_or_else(|| article("", "", "", None), |a| (*a).clone());
    let title = m
        .title
        .iter()
        .map(|r| a.title[r.clone()].to_owned())
        .collect();
    let body = m
        .body
        .iter()
        .map(|(p, r)| a.body[*p].text[r.clone()].to_owned())
        .collect();
    (title, body)
}

fn one(title: &str, body: &str) -> Engine {
    Engine::new(Collection {
        articles: vec![article("h", title, body, None)],
        origin: "test".into(),
    })
}

#[test]
fn phrases_are_highlighted_whole_and_only_where_they_stand() {
    let e = one("Nông thôn mới", "một hai ba bốn năm, nông thôn");
    // The phrase is the whole title.
    assert_eq!(highlighted(&e, "\"nông thôn mới\"").0, ["Nông thôn mới"]);
    // Longer than the title: nothing there, and no harm.
    assert!(highlighted(&e, "\"nông thôn mới nữa\"").0.is_empty());
    // At the very end of a paragraph.
    assert_eq!(highlighted(&e, "\"bốn năm\"").1, ["bốn năm"]);
    // A closed phrase takes its last word whole; an open one as a start,
    // and only its last.
    assert!(highlighted(&e, "\"nông th\"").1.is_empty());
    assert_eq!(highlighted(&e, "\"nông th").1, ["nông thôn"]);
    assert!(highlighted(&e, "\"nô thôn").1.is_empty());
}

#[test]
fn spellings_across_words_are_highlighted_in_titles_only() {
    let e = one("Tin nông thôn", "Ở nông thôn hôm nay");
    let (title, body) = highlighted(&e, "nongthon");
    assert_eq!(title, ["nông", "thôn"]);
    assert!(body.is_empty(), "{body:?}");
    // A place's name run together is its name as words, in the body too.
    let e = one("Tin Từ Sơn", "Ở Từ Sơn hôm nay");
    assert_eq!(
        highlighted(&e, "tuson"),
        (vec!["Từ Sơn".to_string()], vec!["Từ Sơn".to_string()])
    );
    // A title word that starts with the keyword is highlighted; no
    // spelling across words is looked for then.
    let e = one("Nongthonland ở nông thôn", "");
    assert_eq!(highlighted(&e, "nongthon").0, ["Nongthon"]);
}

#[test]
fn keywords_side_by_side_rank_first_in_titles_and_across_filters() {
    let e = |titles: [&str; 2]| {
        let mut apart = article("apart", titles[0], "", Some("2021-01-01"));
        let next = article("next", titles[1], "", Some("2020-01-01"));
        apart.places = vec!["Từ Sơn".into()];
        let mut next = next;
        next.places = vec!["Từ Sơn".into()];
        Engine::new(Collection {
            articles: vec![apart, next],
            origin: "test".into(),
        })
    };
    let mut e = e(["Nông dân ở thôn Đông", "Nông thôn Đông"]);
    assert_eq!(ids(&mut e, "nong thon"), ["next", "apart"]);
    // A place or date filter between two keywords keeps them a pair.
    assert_eq!(ids(&mut e, "nong @tuson thon"), ["next", "apart"]);
    assert_eq!(ids(&mut e, "nong #2020..2021 thon"), ["next", "apart"]);
    // Without them side by side, newest first.
    assert_eq!(ids(&mut e, "thon nong"), ["apart", "next"]);
}

/// The titles of `titles`' articles in title order.
fn title_order(titles: &[&str]) -> Vec<String> {
    let mut e = Engine::new(Collection {
        articles: titles
            .iter()
            .enumerate()
            .map(|(i, t)| article(&format!("t{i}"), t, "", None))
            .collect(),
        origin: "test".into(),
    });
    let r = e.search("", SortOrder::Title);
    r.hits
        .iter()
        .map(|h| {
            e.article(h.article)
                .expect("a hit is an article")
                .title
                .clone()
        })
        .collect()
}

#[test]
fn titles_sort_in_vietnamese_order() {
    // Marked vowels are letters of their own: o, ô, ơ.
    assert_eq!(title_order(&["Ơn", "Ôn", "On"]), ["On", "Ôn", "Ơn"]);
    // Tones break ties: none, huyền, hỏi, ngã, sắc, nặng.
    assert_eq!(
        title_order(&["Mạ", "Má", "Mã", "Mả", "Mà", "Ma"]),
        ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
    );
    // A letter whose lower case has a mark of its own is still a letter.
    assert_eq!(title_order(&["İzmir", "Hà Nội"]), ["Hà Nội", "İzmir"]);
}

#[test]
fn overlapping_highlights_are_one() {
    let e = one("Tin", "xây dựng nông thôn mới");
    assert_eq!(highlighted(&e, "nông \"nông thôn\"").1, ["nông thôn"]);
    assert_eq!(highlighted(&e, "nông thôn").1, ["nông", "thôn"]);
}
