use super::*;
use crate::model::Collection;

#[test]
fn short_prefixes_score_as_the_general_path() {
    let articles = crate::load::read_str("seed.json", crate::load::EMBEDDED_ARTICLES).articles;
    let e = Engine::new(Collection {
        articles,
        origin: "seed".into(),
    });
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
    let e = pool.install(|| {
        Engine::new(Collection {
            articles: (0..4 * 1024 + 5).map(article).collect(),
            origin: "generated".into(),
        })
    });
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
