use super::*;
use crate::search::spelling::spell;

/// Whether the title (word numbers of `e`'s index) spells `w`.
fn spells_in(e: &Engine, title: &[u32], w: &Word) -> bool {
    spells(
        title,
        None,
        |id| match w.exact {
            Some(_) => e.index.exact(id).as_bytes(),
            None => e.index.folded(id).as_bytes(),
        },
        w,
    )
}

#[test]
fn short_prefixes_score_as_the_general_path() {
    let articles = crate::load::read_str("seed.json", crate::load::EMBEDDED_ARTICLES).articles;
    let e = Engine::new(articles);
    let all: Vec<u32> = (0..e.articles().len() as u32).collect();
    let some: Vec<u32> = vec![1, 3];
    for p in ["n", "ng", "d", "th", "t", "x", "2", "q", "u", "ub"] {
        let w = Word::new(p);
        let Some(id) = e.index.short_prefix(&w.folded) else {
            panic!("{p} is not a short prefix");
        };
        for docs in [&all, &some] {
            let general = word_matches(&e, &e.index.lookup(&w, true), None, docs);
            assert_eq!(short_matches(&e, id, docs), general, "{p}");
        }
    }
    assert!(e.index.short_prefix("ngh").is_none());
}

#[test]
fn spelling_across_words() {
    let title = ["nghi", "quyet", "dang", "bo", "thi", "xa", "tu", "son"];
    assert_eq!(spell(&title, "tuson"), Some((6, vec![2, 3])));
    assert_eq!(spell(&title, "thixatuson").map(|s| s.0), Some(4));
    assert_eq!(spell(&title, "nqdb").map(|s| s.0), Some(0));
    assert!(spell(&title, "tusonx").is_none());
    // One word alone is a word start, not a spelling across words.
    assert!(spell(&title, "quyet").is_none());
    // Scattered letters do not count.
    assert!(spell(&["nang", "cao", "nang"], "nong").is_none());
    assert!(spell(&["từ", "sơn"], "từsơn").is_some());
}

/// Enough articles for several segments (built on four threads, one
/// segment each): every candidate goes to the segment holding it, and
/// only once, whatever the segment boundaries.
#[test]
fn candidates_on_segment_boundaries_belong_to_their_segment() {
    use crate::model::{Article, Paragraph, ParagraphKind};
    let article = |i: usize| Article {
        id: format!("a{i}"),
        title: if i.is_multiple_of(3) {
            format!("Tin nông thôn {i}")
        } else {
            format!("Tin số {i}")
        },
        date: None,
        month_only: false,
        time: None,
        places: vec![],
        author: None,
        source: None,
        body: vec![Paragraph::new(
            ParagraphKind::Text,
            "nông thôn mới, thôn Đông",
        )],
    };
    let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(4).build() else {
        panic!("a thread pool of four");
    };
    let e = pool.install(|| Engine::new((0..4 * 1024 + 5).map(article).collect()));
    assert!(e.index.segments.len() > 1, "several segments");
    let all: Vec<u32> = (0..e.articles().len() as u32).collect();
    let edges: Vec<u32> = e
        .index
        .segments
        .iter()
        .flat_map(|s| [s.docs.start.saturating_sub(1), s.docs.start, s.docs.end - 1])
        .collect();
    let mut edges = edges;
    edges.sort_unstable();
    edges.dedup();
    for p in ["n", "no", "t", "th"] {
        let w = Word::new(p);
        let Some(id) = e.index.short_prefix(&w.folded) else {
            panic!("{p} is not a short prefix");
        };
        for docs in [&all, &edges] {
            let found = short_matches(&e, id, docs);
            let general = word_matches(&e, &e.index.lookup(&w, true), None, docs);
            assert_eq!(found, general, "{p}");
            let ids: Vec<u32> = found.iter().map(|m| m.0).collect();
            assert_eq!(&ids, docs, "{p}: every candidate once, in order");
        }
    }
}

/// An engine over one article with this title, and the title's word ids.
fn title_engine(title: &str) -> (Engine, Vec<u32>) {
    let e = Engine::new(vec![crate::model::text_article("t", title, &[])]);
    let ids = e
        .index
        .segment_of(0)
        .map(|s| s.title(0).to_vec())
        .unwrap_or_default();
    (e, ids)
}

#[test]
fn spelling_takes_fewer_letters_of_a_word_when_more_lead_nowhere() {
    // "th" from "thanh" leaves "oa", which "hoa" does not start with;
    // "t" leaves "hoa", which it does.
    assert_eq!(spell(&["thanh", "hoa"], "thoa"), Some((0, vec![1, 3])));
    let (e, title) = title_engine("Thanh Hoa");
    assert!(spells_in(&e, &title, &Word::new("thoa")));
}

#[test]
fn spelling_is_for_two_to_a_hundred_and_twenty_bytes() {
    assert_eq!(spell(&["tu", "son"], "ts"), Some((0, vec![1, 1])));
    assert_eq!(spell(&["t", "son"], "t"), None);
    // Sixty words of two letters: their whole spelling is 120 bytes.
    let long: Vec<String> = (0..61)
        .map(|i| format!("{}a", (b'a' + i % 26) as char))
        .collect();
    let words: Vec<&str> = long.iter().map(String::as_str).collect();
    let term = |n: usize| words[..n].concat();
    assert_eq!(term(60).len(), 120);
    assert!(spell(&words, &term(60)).is_some());
    assert!(spell(&words, &(term(60) + "b")).is_none());
    assert!(spell(&words, &term(61)).is_none());
    let (e, title) = title_engine(&long.join(" "));
    assert!(spells_in(&e, &title, &Word::new("ts")) == spell(&words, "ts").is_some());
    assert!(spells_in(&e, &title, &Word::new(&term(60))));
    assert!(!spells_in(&e, &title, &Word::new(&term(61))));
}

proptest::proptest! {
    /// The bit-parallel test run on every candidate title agrees with the
    /// reference that also says which letters each word gave.
    #[test]
    fn spells_agrees_with_spell(
        title in proptest::collection::vec("[ab]{1,14}", 1..8),
        term in "[ab]{2,40}",
        prefixes in proptest::collection::vec(0usize..15, 1..8),
        built in proptest::bool::ANY,
    ) {
        // Half the terms are built from the starts of the title's words,
        // so that spellings are found as often as not.
        let term = if built {
            title
                .iter()
                .zip(&prefixes)
                .map(|(w, &k)| &w[..k.min(w.len())])
                .collect::<String>()
        } else {
            term
        };
        let (e, ids) = title_engine(&title.join(" "));
        let words: Vec<&str> = title.iter().map(String::as_str).collect();
        let w = Word::new(&term);
        let expected = (2..=120).contains(&term.len()) && spell(&words, &term).is_some();
        proptest::prop_assert_eq!(spells_in(&e, &ids, &w), expected, "{:?} in {:?}", term, title);
    }

    /// Typed with diacritics, the words' exact forms are spelled.
    #[test]
    fn spells_agrees_with_spell_on_exact_forms(
        title in proptest::collection::vec(proptest::sample::select(vec!["từ", "tú", "sơn", "son", "tư", "sỏn", "ư"]), 1..6),
        term in proptest::collection::vec(proptest::sample::select(vec!["t", "từ", "tư", "s", "sơ", "sơn", "ư", "n"]), 1..5),
    ) {
        let term: String = term.concat();
        let (e, ids) = title_engine(&title.join(" "));
        let w = Word::new(&term);
        proptest::prop_assume!(w.exact.is_some());
        let expected = (2..=120).contains(&term.len()) && spell(&title, &term).is_some();
        proptest::prop_assert_eq!(spells_in(&e, &ids, &w), expected, "{:?} in {:?}", term, title);
    }
}

/// Words with the marks, abbreviations and near-spellings that make
/// keywords differ.
const MIXED_WORDS: &[&str] = &[
    "đảng", "đang", "dạng", "Đảng", "hòa", "hoà", "hoá", "hoa", "thôn", "thon", "thông", "nông",
    "ủy", "uỷ", "ban", "bàn", "từ", "tư", "sơn", "son", "xã", "2020", "covid", "UBND",
];

/// Random articles of [`MIXED_WORDS`]: a title and up to three
/// paragraphs each.
fn mixed_articles() -> impl proptest::strategy::Strategy<Value = Vec<crate::model::Article>> {
    use proptest::prelude::*;
    let words = |n: std::ops::Range<usize>| {
        proptest::collection::vec(proptest::sample::select(MIXED_WORDS), n)
            .prop_map(|w| w.join(" "))
    };
    proptest::collection::vec(
        (words(0..5), proptest::collection::vec(words(0..14), 0..3)),
        1..8,
    )
    .prop_map(|docs| {
        docs.iter()
            .enumerate()
            .map(|(i, (title, body))| {
                let body: Vec<&str> = body.iter().map(String::as_str).collect();
                crate::model::text_article(&format!("a{i}"), title, &body)
            })
            .collect()
    })
}

/// Both engines over the same articles, and the candidates kept.
fn both(
    articles: Vec<crate::model::Article>,
    keep: &[bool],
) -> (Engine, crate::search::store::segments::Segments, Vec<u32>) {
    let candidates: Vec<u32> = (0..articles.len() as u32)
        .filter(|&d| keep.get(d as usize).copied().unwrap_or(true))
        .collect();
    let (index, fields) =
        crate::search::store::build_in_ram(&articles, crate::gazetteer::Gazetteer::embedded())
            .expect("index");
    let segs = crate::search::store::segments::Segments::open(&index, fields).expect("segments");
    let e = Engine::new(articles);
    (e, segs, candidates)
}

/// Where to take words from an article: which one, which part (title or
/// paragraph), which word.
type From = (
    proptest::sample::Index,
    proptest::sample::Index,
    proptest::sample::Index,
);

fn from() -> impl proptest::strategy::Strategy<Value = Option<From>> {
    use proptest::prelude::any;
    proptest::option::of((
        any::<proptest::sample::Index>(),
        any::<proptest::sample::Index>(),
        any::<proptest::sample::Index>(),
    ))
}

/// Up to `n` consecutive words of one article's title or paragraph.
fn taken_words(
    articles: &[crate::model::Article],
    (a, p, at): From,
    n: usize,
) -> Option<Vec<String>> {
    let article = &articles[a.index(articles.len())];
    let text = if p.index(4) == 0 {
        article.title.clone()
    } else {
        article.body.get(p.index(4) - 1)?.text.clone()
    };
    let all: Vec<String> = crate::search::query::words(&text)
        .map(|(_, w)| w.to_owned())
        .collect();
    let start = at.index(all.len().max(1));
    let taken: Vec<String> = all.into_iter().skip(start).take(n).collect();
    (!taken.is_empty()).then_some(taken)
}

const MIXED_QUERIES: &[&str] = &[
    "d", "đa", "đả", "dang", "hò", "hoa", "hoà", "th", "thô", "thon", "u", "ủy", "ubnd", "ban",
    "tư", "s", "xa", "202", "zz", "tuson", "từsơn", "tsn", "hoadang", "dangthon", "ubn", "xab",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// A keyword scores each candidate the same over the tantivy index
    /// as over the in-memory one.
    #[test]
    fn keyword_scores_agree_with_the_in_memory_index(
        articles in mixed_articles(),
        query in proptest::sample::select(MIXED_QUERIES),
        prefix in proptest::bool::ANY,
        keep in proptest::collection::vec(proptest::bool::ANY, 8),
    ) {
        let (e, segs, candidates) = both(articles, &keep);
        let word = Word::new(query);
        // Titles are spelled across words for keywords of three letters
        // or more, as the browser asks.
        let spelled = (word.folded.len() >= 3).then_some(&word);
        let expected = word_matches(&e, &e.index.lookup(&word, prefix), spelled, &candidates);
        let got = crate::search::store::keyword::keyword_scores(&segs, &word, prefix, spelled, &candidates)
            .expect("scores");
        proptest::prop_assert_eq!(got, expected);
        // Again over every article: a short prefix's scores, kept from the
        // first time, read back.
        let all: Vec<u32> = (0..u32::try_from(segs.len()).unwrap_or(0)).collect();
        let expected = word_matches(&e, &e.index.lookup(&word, prefix), spelled, &all);
        let got = crate::search::store::keyword::keyword_scores(&segs, &word, prefix, spelled, &all)
            .expect("scores");
        proptest::prop_assert_eq!(got, expected);
    }

    /// So does a phrase, closed or open.
    #[test]
    fn phrase_scores_agree_with_the_in_memory_index(
        articles in mixed_articles(),
        words in proptest::collection::vec(proptest::sample::select(MIXED_QUERIES), 1..4),
        open in proptest::bool::ANY,
        keep in proptest::collection::vec(proptest::bool::ANY, 8),
        from in from(),
    ) {
        // Half the phrases are taken from the articles, so that phrases
        // are found as often as not.
        let taken = from.and_then(|from| taken_words(&articles, from, words.len()));
        let words: Vec<String> = taken
            .unwrap_or_else(|| words.iter().map(|w| (*w).to_owned()).collect());
        let (e, segs, candidates) = both(articles, &keep);
        let words: Vec<Word> = words.iter().map(|w| Word::new(w)).collect();
        let expected = phrase::phrase_matches(&e, &words, open, &candidates);
        let got = crate::search::store::phrase::phrase_scores(&segs, &words, open, &candidates)
            .expect("scores");
        proptest::prop_assert_eq!(got, expected);
    }

    /// Keywords side by side get the same bonus.
    #[test]
    fn adjacent_bonus_agrees_with_the_in_memory_index(
        articles in mixed_articles(),
        pair in proptest::collection::vec((proptest::sample::select(MIXED_QUERIES), proptest::bool::ANY), 2),
        from in from(),
    ) {
        // Half the pairs are two words of an article, side by side.
        let typed: Vec<String> = match from.and_then(|f| taken_words(&articles, f, 2)) {
            Some(t) if t.len() == 2 => t,
            _ => pair.iter().map(|(w, _)| (*w).to_owned()).collect(),
        };
        let (e, segs, candidates) = both(articles, &[]);
        let words: Vec<(Word, bool)> = typed.iter().zip(&pair).map(|(w, (_, p))| (Word::new(w), *p)).collect();
        let sets = [e.index.lookup(&words[0].0, words[0].1), e.index.lookup(&words[1].0, words[1].1)];
        let flags = e.index.rank_flags(&sets);
        let expected: Vec<(u32, u32)> = candidates
            .iter()
            .map(|&d| (d, adjacent_bonus(&e, &sets, &flags, d)))
            .filter(|&(_, b)| b > 0)
            .collect();
        let got = crate::search::store::adjacent::adjacent_bonus(
            &segs,
            [(&words[0].0, words[0].1), (&words[1].0, words[1].1)],
            &candidates,
        )
        .expect("bonus");
        proptest::prop_assert_eq!(got, expected);
    }
}
