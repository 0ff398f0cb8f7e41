//! Load, index and per-keystroke search at 10k and 100k synthetic
//! articles (generated in-process, deterministic).
//!
//! cargo bench --bench search             # both sizes
//! TINTUC_BENCH_SIZES=10000 cargo bench --bench search
//! cargo bench --bench search -- reading  # only the reading state's costs
//!
//! Per-keystroke percentiles (p50/p99/max) come from `tintuc bench`,
//! which replays the same keystrokes through the same engine.
#![allow(
    clippy::cast_possible_truncation,
    reason = "the numbers are the test's own, and small"
)]

use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use tintuc::benchmark::{DEFAULT_QUERY, keystrokes};
#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/sizes.rs"]
mod sizes;
use corpus::Generator;
use sizes::{label, sizes};
use tintuc::load;
use tintuc::model::Collection;
use tintuc::reading_state::{ReadingState, StateFile};
use tintuc::search::{Engine, SortOrder};

fn benches(c: &mut Criterion) {
    let generator = Generator::new();
    for n in sizes() {
        let mut json = Vec::new();
        if generator.write_json(n, 1, &mut json).is_err() {
            continue;
        }
        let json = String::from_utf8(json).unwrap_or_default();
        let big = n >= 50_000;

        let mut g = c.benchmark_group(format!("load/{}", label(n)));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(if big { 60 } else { 15 }));
        g.throughput(Throughput::Bytes(json.len() as u64));
        g.bench_function("parse+validate", |b| {
            b.iter(|| load::read_str("bench.json", &json).articles.len())
        });
        g.finish();

        let collection = Collection {
            articles: load::read_str("bench.json", &json).articles,
            origin: "bench".into(),
        };
        drop(json);

        let mut g = c.benchmark_group(format!("index/{}", label(n)));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(if big { 60 } else { 15 }));
        g.bench_function("build", |b| {
            b.iter_batched(
                || collection.clone(),
                |c| Engine::new(c).len(),
                BatchSize::PerIteration,
            )
        });
        g.finish();

        let mut engine = Engine::new(collection);
        let keys = keystrokes(DEFAULT_QUERY);
        let mut g = c.benchmark_group(format!("keystrokes/{}", label(n)));
        g.sample_size(if big { 10 } else { 20 });
        g.measurement_time(Duration::from_secs(if big { 30 } else { 10 }));
        g.throughput(Throughput::Elements(keys.len() as u64));
        // Typing the query one character at a time, then deleting it, from
        // an engine that has seen nothing before.
        g.bench_function("type+delete", |b| {
            b.iter(|| {
                engine.clear_cache();
                keys.iter()
                    .map(|k| engine.search(k, SortOrder::Relevance).hits.len())
                    .sum::<usize>()
            })
        });
        // One keystroke: the last character of the query, after the rest.
        let (before, full) = (&keys[keys.len() / 2 - 1], &keys[keys.len() / 2]);
        g.throughput(Throughput::Elements(1));
        g.bench_function("last key", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    engine.clear_cache();
                    engine.search(before, SortOrder::Relevance);
                    let t = std::time::Instant::now();
                    std::hint::black_box(engine.search(full, SortOrder::Relevance).hits.len());
                    total += t.elapsed();
                }
                total
            })
        });
        g.finish();

        reading_state(c, &mut engine, n);
    }
}

/// What the reading state costs: `is:` terms reading the marks from it,
/// a search after a mark changed, saving the file.
fn reading_state(c: &mut Criterion, engine: &mut Engine, n: usize) {
    // A heavy reader: one article in ten read, one in a hundred
    // bookmarked, a position in each one read.
    let mut reading = ReadingState::default();
    let ids: Vec<String> = (0..engine.len())
        .filter_map(|n| engine.article_id(n))
        .collect();
    for (i, id) in ids.iter().enumerate() {
        if i % 10 == 0 {
            reading.set_read(id, true);
            reading.set_scroll(id, (i % 5000) as u32);
        }
        if i % 100 == 0 {
            reading.toggle_bookmark(id);
        }
    }
    for q in 0..200 {
        reading.push_history(&format!("nong thon moi @bacninh #{}", 2000 + q));
    }
    let mut g = c.benchmark_group(format!("reading/{}", label(n)));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("is:unread nong thon", |b| {
        b.iter(|| {
            engine.clear_cache();
            engine
                .search_marked("is:unread nong thon", SortOrder::Relevance, &reading)
                .hits
                .len()
        })
    });
    // Opening an article marks it read: the next search of a query with
    // an is: term cannot use the cache.
    engine.search_marked("nong thon is:unread", SortOrder::Relevance, &reading);
    let mut flip = false;
    g.bench_function("mark read, search again", |b| {
        b.iter(|| {
            flip = !flip;
            reading.set_read(&ids[1], flip);
            engine
                .search_marked("nong thon is:unread", SortOrder::Relevance, &reading)
                .hits
                .len()
        })
    });
    let dir = std::env::temp_dir().join(format!("tintuc-bench-{}", std::process::id()));
    let file = StateFile::new(dir.join("state.json"));
    g.bench_function("save (merge, write, fsync)", |b| {
        let mut k = 0u32;
        b.iter(|| {
            k += 1;
            reading.set_scroll(&ids[0], k);
            file.save(&mut reading).map(|()| k)
        })
    });
    g.finish();
    let size = std::fs::metadata(file.path()).map(|m| m.len()).unwrap_or(0);
    eprintln!("reading/{}: state file {size} bytes", label(n));
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(search, benches);
criterion_main!(search);
