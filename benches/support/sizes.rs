//! The collection sizes the benchmarks measure: 10k and 100k articles,
//! or `TINTUC_BENCH_SIZES` (comma-separated). Included by path by each
//! benchmark.
#![allow(dead_code)]

pub fn sizes() -> Vec<usize> {
    std::env::var("TINTUC_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000])
}

/// "10k" for 10,000 articles.
pub fn label(n: usize) -> String {
    format!("{}k", n / 1000)
}
