//! The tantivy index's pieces at 10k and 100k synthetic articles: building
//! it in memory, and each kind of term evaluated over every article
//! (the first keystroke's cost, with nothing to narrow from).
//!
//! cargo bench --bench store
//! TINTUC_BENCH_SIZES=10000 cargo bench --bench store

use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/sizes.rs"]
mod sizes;
use corpus::Generator;
use sizes::{label, sizes};
use tintuc::gazetteer::Gazetteer;
use tintuc::search::query::{Alt, Word, parse};
use tintuc::search::store::places::Places;
use tintuc::search::store::segments::Segments;
use tintuc::search::store::titles::Titles;
use tintuc::search::store::{build_in_ram, keyword, phrase};

fn benches(c: &mut Criterion) {
    let generator = Generator::new();
    let g = Gazetteer::embedded();
    for n in sizes() {
        let articles = generator.generate(n, 1);
        let big = n >= 50_000;
        let mut group = c.benchmark_group(format!("store/{}", label(n)));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if big { 60 } else { 10 }));
        group.bench_function("build in memory", |b| {
            b.iter_batched(
                || (),
                |()| build_in_ram(&articles, g).is_ok(),
                BatchSize::PerIteration,
            )
        });
        let Ok((index, fields)) = build_in_ram(&articles, g) else {
            continue;
        };
        drop(articles);
        let Ok(segs) = Segments::open(&index, fields) else {
            continue;
        };
        let all: Vec<u32> = (0..u32::try_from(segs.len()).unwrap_or(u32::MAX)).collect();
        for prefix in ["t", "th", "tho", "thon"] {
            let w = Word::new(prefix);
            group.bench_function(format!("keyword {prefix}"), |b| {
                b.iter(|| keyword::keyword_scores(&segs, &w, true, None, &all).map(|v| v.len()))
            });
        }
        let w = Word::new("tuson");
        group.bench_function("keyword tuson spelled", |b| {
            b.iter(|| keyword::keyword_scores(&segs, &w, true, Some(&w), &all).map(|v| v.len()))
        });
        let words: Vec<Word> = ["nong", "thon", "moi"].into_iter().map(Word::new).collect();
        group.bench_function("phrase nong thon moi", |b| {
            b.iter(|| phrase::phrase_scores(&segs, &words, false, &all).map(|v| v.len()))
        });
        group.bench_function("titles of a segment", |b| {
            b.iter(|| {
                segs.iter()
                    .filter(|(_, seg)| Titles::build(seg, segs.fields.title).is_ok())
                    .count()
            })
        });
        group.bench_function("place names", |b| {
            b.iter(|| Places::build(&segs, g).is_ok())
        });
        if let Ok(places) = Places::build(&segs, g)
            && let Some(Some(Alt::Place(term))) = parse("@bacninh")
                .clauses
                .first()
                .map(|c| c.alts.first().cloned())
        {
            group.bench_function("place @bacninh", |b| {
                b.iter(|| places.matching(&segs, &term).map(|v| v.len()))
            });
        }
        group.finish();
    }
}

criterion_group!(store, benches);
criterion_main!(store);
