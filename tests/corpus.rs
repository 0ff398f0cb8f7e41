//! The synthetic collection generator of the benchmarks (kept out of the
//! library, so out of the shipped binary): its own tests run here.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use corpus::{Generator, to_line};
use tintuc::gazetteer::Gazetteer;
use tintuc::load;

/// fzf, the peer the benchmarks compare with, reads one article per line:
/// the line must hold the whole article and nothing that splits it.
#[test]
fn each_article_is_one_line_with_its_date_places_title_and_body() {
    for article in Generator::new().generate(40, 5) {
        let line = to_line(&article);
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
        let fields: Vec<&str> = line.splitn(4, " | ").collect();
        assert_eq!(fields.len(), 4, "{line:?}");
        let date = article.date.map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(fields[0], date);
        assert_eq!(fields[1], article.places.join(", "));
        assert!(line.contains(&article.title), "{line:?}");
        for paragraph in &article.body {
            assert!(fields[3].contains(&paragraph.text), "{line:?}");
        }
    }
}

#[test]
fn deterministic_and_realistic() {
    let g = Generator::new();
    let a = g.generate(20, 7);
    let b = g.generate(20, 7);
    assert_eq!(a, b);
    assert_ne!(a, g.generate(20, 8));
    for art in &a {
        let words: usize = art
            .body
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum();
        assert!((600..=920).contains(&words), "{words} words");
        if let Some(d) = art.date {
            assert!((2010..=2025).contains(&d.year()));
        }
        assert!(!art.places.is_empty());
    }
}

#[test]
fn places_have_their_real_parents() {
    let g = Generator::new();
    let gz = Gazetteer::embedded();
    for art in g.generate(50, 3) {
        let resolved = gz.resolve(&art.places);
        let ids: Vec<_> = resolved.iter().flatten().copied().collect();
        // The first place lies within every other one.
        if let Some(&first) = ids.first() {
            for &other in &ids[1..] {
                assert!(gz.is_within(first, other), "{:?}", art.places);
            }
        }
    }
}

#[test]
fn written_json_loads_back() {
    let g = Generator::new();
    let mut buf = Vec::new();
    g.write_json(30, 1, &mut buf).unwrap_or_default();
    let text = String::from_utf8(buf).unwrap_or_default();
    let report = load::read_str("gen.json", &text);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.articles, g.generate(30, 1));
}
