//! Ingest speed: a typical article, the same in a legacy encoding, and a
//! very long article.
//!
//! Run with `cargo bench --bench ingest`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tintuc::gazetteer::Gazetteer;
use tintuc::ingest::decode::{Encoding, encode};
use tintuc::ingest::ingest;

const SEED: &str = include_str!("../tests/fixtures/seeds/003_ab81406eff306518.txt");

fn bench(c: &mut Criterion) {
    // Loading the gazetteer is a one-off cost, not part of each article.
    let _ = Gazetteer::embedded();
    let mut group = c.benchmark_group("ingest");

    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("article, UTF-8", |b| {
        b.iter(|| ingest("003", black_box(SEED.as_bytes())))
    });

    let vni = encode(SEED, Encoding::Vni).unwrap_or_default();
    group.throughput(Throughput::Bytes(vni.len() as u64));
    group.bench_function("article, VNI", |b| {
        b.iter(|| ingest("003", black_box(&vni)))
    });

    // About 1 MB: the seed's paragraphs over and over.
    let body: String = SEED.lines().skip(1).collect::<Vec<_>>().join("\n");
    let long = format!("Một bài rất dài\n\n{}", body.repeat(1 << 20 >> 13));
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.sample_size(10);
    group.bench_function("1 MB article", |b| {
        b.iter(|| ingest("long", black_box(long.as_bytes())))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
