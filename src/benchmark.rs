//! `tintuc bench`: how fast a collection loads, indexes and answers a
//! query typed one keystroke at a time, through the engine the browser
//! uses.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::load::{self, DataSource, LoadError};
use crate::progress::Progress;
use crate::search::open::{self, IndexPlace};
use crate::search::query::within_limits;
use crate::search::{Engine, SortOrder};

/// The query replayed by default: a keyword phrase, a place, a year.
pub const DEFAULT_QUERY: &str = "nong thon moi @bacninh #2020";

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub articles: usize,
    pub query: String,
    pub keystrokes: usize,
    pub final_hits: usize,
    /// With the index in memory: reading the collection, then indexing.
    pub load_ms: Option<f64>,
    pub index_ms: Option<f64>,
    /// With the index on disk: reading and indexing there (a cold start),
    /// then opening the index (a warm start, the keystrokes' engine).
    pub cold_ms: Option<f64>,
    pub warm_ms: Option<f64>,
    /// Where the index was: its directory, or "memory".
    pub index: String,
    /// Peak resident memory of the process (VmHWM), when known.
    pub peak_rss_mb: Option<f64>,
    pub key_p50_ms: f64,
    pub key_p99_ms: f64,
    pub key_max_ms: f64,
    /// Each keystroke: the query after it, its time and result count.
    #[serde(skip)]
    pub trace: Vec<(String, f64, usize)>,
    /// What loading left out (the valid articles are measured).
    #[serde(skip)]
    pub problems: Vec<load::Problem>,
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

/// The prefixes of `query` typed one character at a time, then deleted
/// one at a time back to nothing.
pub fn keystrokes(query: &str) -> Vec<String> {
    let chars: Vec<char> = query.chars().collect();
    let typing = (1..=chars.len()).map(|n| chars[..n].iter().collect::<String>());
    let deleting = (0..chars.len())
        .rev()
        .map(|n| chars[..n].iter().collect::<String>());
    typing.chain(deleting).collect()
}

/// Value at quantile `q` (0..=1) of sorted `v`, nearest rank.
#[allow(
    clippy::cast_possible_truncation,
    reason = "a rank rounded up; float to integer casts saturate"
)]
pub fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Peak resident set size of this process, in MiB (Linux).
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some((kb / 1024.0 * 10.0).round() / 10.0)
}

/// Replays `query` as typed in the browser: cut, as the browser's query
/// line cuts it, to [`crate::search::query::MAX_QUERY_CHARS`] characters
/// and [`crate::search::query::MAX_QUERY_WORDS`] words (the report's `query` is what was typed).
/// The index is made in memory.
pub fn run(source: &DataSource, query: &str) -> Result<Report, LoadError> {
    run_with(source, query, &IndexPlace::Memory, &Progress::new())
}

/// The engine a bench measures, and how long its start took.
struct Started {
    engine: Engine,
    problems: Vec<load::Problem>,
    /// Load and index in memory, or cold and warm on disk.
    times: [Option<Duration>; 4],
}

/// In memory: the collection read, then indexed.
fn start_in_memory(source: &DataSource, progress: &Progress) -> Result<Started, LoadError> {
    let t = Instant::now();
    let load::Opened {
        collection,
        problems,
    } = load::open_with(source, progress)?;
    let load_time = t.elapsed();
    progress.start_indexing(collection.articles.len() as u64);
    let t = Instant::now();
    let engine = Engine::counting(collection, Some(progress))
        .map_err(|e| LoadError::whole(source.name(), e.to_string()))?;
    let index_time = t.elapsed();
    progress.finish();
    Ok(Started {
        engine,
        problems,
        times: [Some(load_time), Some(index_time), None, None],
    })
}

/// On disk: indexed anew (cold), then the index opened (warm).
fn start_on_disk(
    source: &DataSource,
    place: &IndexPlace,
    progress: &Progress,
) -> Result<Started, LoadError> {
    let t = Instant::now();
    let cold = open::open_or_rebuild(source, place, progress, true)?;
    let cold_time = t.elapsed();
    drop(cold.engine);
    let t = Instant::now();
    let warm = open::open(source, place, &Progress::new())?;
    let warm_time = t.elapsed();
    Ok(Started {
        engine: warm.engine,
        problems: warm.problems,
        times: [None, None, Some(cold_time), Some(warm_time)],
    })
}

/// [`run`] with the index at `place`, counting loading and indexing in
/// `progress` as they go.
pub fn run_with(
    source: &DataSource,
    query: &str,
    place: &IndexPlace,
    progress: &Progress,
) -> Result<Report, LoadError> {
    let query = within_limits(query);
    let on_disk = matches!(place, IndexPlace::Dir(_)) && matches!(source, DataSource::Path(_));
    let Started {
        mut engine,
        problems,
        times: [load_time, index_time, cold_time, warm_time],
    } = if on_disk {
        start_on_disk(source, place, progress)?
    } else {
        start_in_memory(source, progress)?
    };
    // As the browser does once it has its engine.
    engine.warm_up();
    let articles = engine.len();
    let keys = keystrokes(query);
    let typed = query.chars().count();
    let mut times = Vec::with_capacity(keys.len());
    let mut final_hits = 0;
    let mut trace = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let t = Instant::now();
        let r = engine.search(k, SortOrder::Relevance);
        let took = t.elapsed();
        times.push(took);
        trace.push((k.clone(), ms(took), r.hits.len()));
        if i + 1 == typed {
            final_hits = r.hits.len();
        }
    }
    times.sort();
    Ok(Report {
        articles,
        query: query.to_string(),
        keystrokes: keys.len(),
        final_hits,
        load_ms: load_time.map(ms),
        index_ms: index_time.map(ms),
        cold_ms: cold_time.map(ms),
        warm_ms: warm_time.map(ms),
        index: match place {
            IndexPlace::Dir(dir) if on_disk => dir.display().to_string(),
            _ => "memory".into(),
        },
        peak_rss_mb: peak_rss_mb(),
        key_p50_ms: ms(quantile(&times, 0.5)),
        key_p99_ms: ms(quantile(&times, 0.99)),
        key_max_ms: ms(times.last().copied().unwrap_or_default()),
        trace,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::{MAX_QUERY_CHARS, MAX_QUERY_WORDS};

    #[test]
    fn keystrokes_type_then_delete() {
        assert_eq!(keystrokes("ab"), ["a", "ab", "a", ""]);
        assert_eq!(keystrokes("đ#"), ["đ", "đ#", "đ", ""]);
    }

    #[test]
    fn a_long_query_is_typed_as_the_browser_takes_it() {
        let dir = std::env::temp_dir().join(format!("tintuc-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("a.json");
        std::fs::write(
            &file,
            r#"[{"id":"a","title":"Nông thôn mới","body":["Xây dựng."]}]"#,
        )
        .expect("write");
        let terms = ["nong thon moi"; 700].join(" ");
        let report = run(&DataSource::Path(file), &terms).expect("runs");
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(report.query.split_whitespace().count(), MAX_QUERY_WORDS);
        assert!(report.query.chars().count() <= MAX_QUERY_CHARS);
        assert_eq!(report.keystrokes, 2 * report.query.chars().count());
    }

    #[test]
    fn quantiles() {
        let v: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(quantile(&v, 0.5), Duration::from_millis(50));
        assert_eq!(quantile(&v, 0.99), Duration::from_millis(99));
        assert_eq!(quantile(&v[..1], 0.99), Duration::from_millis(1));
    }
}
