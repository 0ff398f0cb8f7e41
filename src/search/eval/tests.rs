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
