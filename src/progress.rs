//! How far loading and indexing have got, shared between the thread doing
//! the work and whoever shows it (the browser's loading screen, a line on
//! stderr). Counters only: the work never waits for the one showing it,
//! and knows nothing of how it is shown.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Counters updated by the work as it goes.
#[derive(Debug, Default)]
pub struct Progress {
    bytes_total: AtomicU64,
    bytes_done: AtomicU64,
    articles: AtomicU64,
    indexing: AtomicBool,
    /// Articles whose words are read into the index, and since when.
    indexed: AtomicU64,
    indexing_since: Mutex<Option<Instant>>,
    /// When the work started over, if it did (see [`Progress::restart`]).
    restarted: OnceLock<Instant>,
    finished: AtomicBool,
}

/// The counters at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Bytes of input found, and read so far.
    pub bytes_total: u64,
    pub bytes_done: u64,
    /// Articles read so far (while indexing: all of them).
    pub articles: u64,
    /// Reading is done; the articles are being indexed.
    pub indexing: bool,
    /// Articles indexed so far, and for how long indexing has run.
    pub indexed: u64,
    pub indexing_for: Duration,
    /// Loading and indexing are over (what follows is not theirs to show).
    pub finished: bool,
    /// For how long the work has gone on since it started over, if it
    /// did: rates and estimates count from then.
    pub since_restart: Option<Duration>,
}

impl Progress {
    pub fn new() -> Progress {
        Progress::default()
    }

    /// More input found (files are found before they are read).
    pub fn add_total(&self, bytes: u64) {
        self.bytes_total.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn add_done(&self, bytes: u64) {
        self.bytes_done.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Everything up to `bytes` is read (the end of a file: what lies
    /// between its articles counts too).
    pub fn done_up_to(&self, bytes: u64) {
        self.bytes_done.fetch_max(bytes, Ordering::Relaxed);
    }

    pub fn set_articles(&self, n: u64) {
        self.articles.store(n, Ordering::Relaxed);
    }

    /// Reading is over: `articles` are being indexed.
    pub fn start_indexing(&self, articles: u64) {
        self.articles.store(articles, Ordering::Relaxed);
        self.indexing.store(true, Ordering::Relaxed);
        let mut since = self
            .indexing_since
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        since.get_or_insert_with(Instant::now);
    }

    /// The work starts over from nothing (an index that could not be kept
    /// on disk is made in memory, the collection read again): every count
    /// from zero, so that what was read once is not counted twice.
    pub fn restart(&self) {
        for counter in [
            &self.bytes_total,
            &self.bytes_done,
            &self.articles,
            &self.indexed,
        ] {
            counter.store(0, Ordering::Relaxed);
        }
        self.indexing.store(false, Ordering::Relaxed);
        *self
            .indexing_since
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = None;
        let _ = self.restarted.set(Instant::now());
    }

    pub fn add_indexed(&self, articles: u64) {
        self.indexed.fetch_add(articles, Ordering::Relaxed);
    }

    /// Loading and indexing are over.
    pub fn finish(&self) {
        self.finished.store(true, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> Snapshot {
        let bytes_total = self.bytes_total.load(Ordering::Relaxed);
        Snapshot {
            bytes_total,
            bytes_done: self.bytes_done.load(Ordering::Relaxed).min(bytes_total),
            articles: self.articles.load(Ordering::Relaxed),
            indexing: self.indexing.load(Ordering::Relaxed),
            indexed: self.indexed.load(Ordering::Relaxed),
            indexing_for: self
                .indexing_since
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .map_or(Duration::ZERO, |t| t.elapsed()),
            finished: self.finished.load(Ordering::Relaxed),
            since_restart: self.restarted.get().map(Instant::elapsed),
        }
    }
}

impl Snapshot {
    /// How long the reading counted has taken, given how long the work
    /// has (`elapsed`): since it started over, if it did.
    pub fn reading_for(&self, elapsed: Duration) -> Duration {
        self.since_restart.map_or(elapsed, |d| d.min(elapsed))
    }

    /// The part of the input read, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        if self.indexing {
            return (self.indexed as f64 / self.articles.max(1) as f64).min(1.0);
        }
        if self.bytes_total == 0 {
            return 0.0;
        }
        self.bytes_done as f64 / self.bytes_total as f64
    }

    /// [`Snapshot::fraction`] in thousandths, counted in whole numbers.
    pub fn thousandths(&self) -> u64 {
        let (done, all) = if self.indexing {
            (self.indexed, self.articles)
        } else {
            (self.bytes_done, self.bytes_total)
        };
        let share = u128::from(done.min(all)) * 1000 / u128::from(all.max(1));
        u64::try_from(share).unwrap_or(1000)
    }

    /// The reading time left at the rate so far; none until there is a
    /// rate worth trusting, and none while indexing.
    pub fn time_left(&self, elapsed: Duration) -> Option<Duration> {
        let elapsed = self.reading_for(elapsed);
        const TOO_EARLY: Duration = Duration::from_millis(300);
        if self.indexing {
            // Reading the words of the articles is most of indexing; what
            // follows (sorting the vocabulary) is not counted.
            if self.indexed == 0 || self.indexed >= self.articles || self.indexing_for < TOO_EARLY {
                return None;
            }
            let left = self.articles - self.indexed;
            return Some(self.indexing_for.mul_f64(left as f64 / self.indexed as f64));
        }
        if self.bytes_done == 0 || elapsed < TOO_EARLY {
            return None;
        }
        let left = self.bytes_total.saturating_sub(self.bytes_done);
        Some(elapsed.mul_f64(left as f64 / self.bytes_done as f64))
    }
}

/// How long work goes on before its progress is shown: half a second,
/// or `TINTUC_PROGRESS_DELAY` milliseconds (at most a minute; `0` shows
/// it at once, on a fast machine as on a slow one).
pub fn shown_after() -> Duration {
    std::env::var("TINTUC_PROGRESS_DELAY")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(Duration::from_millis(500), |ms| {
            Duration::from_millis(ms.min(60_000))
        })
}

/// A count with thousands separated: 100,000.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A short duration as people say it: "45 s", "3 min 20 s".
#[allow(
    clippy::cast_possible_truncation,
    reason = "whole seconds rounded up; float to integer casts saturate"
)]
pub fn duration(d: Duration) -> String {
    let s = d.as_secs_f64().ceil() as u64;
    if s < 60 {
        format!("{s} s")
    } else {
        format!("{} min {:02} s", s / 60, s % 60)
    }
}

/// One line in English, for stderr: "loading data/: 120.5 of 476.0 MB
/// (25%, 80.3 MB/s), 35,000 articles, about 6 s left".
pub fn describe(what: &str, s: &Snapshot, elapsed: Duration) -> String {
    if s.indexing {
        let mut line = format!(
            "indexing {} articles ({:.0}%)… {}",
            grouped(s.articles),
            s.fraction() * 100.0,
            duration(elapsed)
        );
        if let Some(left) = s.time_left(elapsed) {
            line.push_str(&format!(", about {} left", duration(left)));
        }
        return line;
    }
    let mb = |n: u64| n as f64 / (1024.0 * 1024.0);
    let mut line = format!(
        "loading {what}: {:.1} of {:.1} MB ({:.0}%",
        mb(s.bytes_done),
        mb(s.bytes_total),
        s.fraction() * 100.0,
    );
    let seconds = s.reading_for(elapsed).as_secs_f64();
    if seconds >= 0.1 {
        line.push_str(&format!(", {:.1} MB/s", mb(s.bytes_done) / seconds));
    }
    line.push_str(&format!("), {} articles", grouped(s.articles)));
    if let Some(left) = s.time_left(elapsed) {
        line.push_str(&format!(", about {} left", duration(left)));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_estimate() {
        let p = Progress::new();
        p.add_total(16 << 20);
        p.add_done(4 << 20);
        p.set_articles(12_345);
        let s = p.snapshot();
        assert_eq!(s.fraction(), 0.25);
        assert_eq!(s.thousandths(), 250);
        assert_eq!(s.time_left(Duration::from_millis(100)), None);
        assert_eq!(
            s.time_left(Duration::from_secs(2)),
            Some(Duration::from_secs(6))
        );
        assert_eq!(
            describe("x.json", &s, Duration::from_secs(2)),
            "loading x.json: 4.0 of 16.0 MB (25%, 2.0 MB/s), 12,345 articles, about 6 s left"
        );
        p.done_up_to(32 << 20);
        assert_eq!(p.snapshot().bytes_done, 16 << 20, "never past the total");
        p.start_indexing(20_000);
        let s = p.snapshot();
        assert_eq!(s.time_left(Duration::from_secs(9)), None);
        assert_eq!(
            describe("x.json", &s, Duration::from_secs(75)),
            "indexing 20,000 articles (0%)… 1 min 15 s"
        );
        // Counted as the articles' words are read: an estimate from the
        // rate so far (a snapshot taken at once is too early for one).
        p.add_indexed(5_000);
        let s = p.snapshot();
        assert_eq!(s.fraction(), 0.25);
        assert_eq!(s.time_left(Duration::from_secs(9)), None);
        let later = Snapshot {
            indexing_for: Duration::from_secs(2),
            ..s
        };
        assert_eq!(
            later.time_left(Duration::from_secs(9)),
            Some(Duration::from_secs(6))
        );
        assert_eq!(
            describe("x.json", &later, Duration::from_secs(9)),
            "indexing 20,000 articles (25%)… 9 s, about 6 s left"
        );
    }

    #[test]
    fn starting_over_counts_from_nothing() {
        let p = Progress::new();
        p.add_total(16 << 20);
        p.add_done(16 << 20);
        p.start_indexing(20_000);
        p.add_indexed(20_000);
        p.restart();
        let s = p.snapshot();
        assert_eq!(
            (
                s.bytes_total,
                s.bytes_done,
                s.articles,
                s.indexing,
                s.indexed
            ),
            (0, 0, 0, false, 0)
        );
        assert_eq!(s.indexing_for, Duration::ZERO);
        // Read again: counted once, the rate from the restart on.
        p.add_total(16 << 20);
        p.add_done(4 << 20);
        let s = Snapshot {
            since_restart: Some(Duration::from_secs(2)),
            ..p.snapshot()
        };
        assert_eq!(s.fraction(), 0.25);
        assert_eq!(
            s.reading_for(Duration::from_secs(60)),
            Duration::from_secs(2)
        );
        assert_eq!(
            s.time_left(Duration::from_secs(60)),
            Some(Duration::from_secs(6))
        );
        assert!(describe("x.json", &s, Duration::from_secs(60)).contains("2.0 MB/s"));
        p.start_indexing(20_000);
        assert!(p.snapshot().indexing_for < Duration::from_secs(60));
    }

    #[test]
    fn grouping() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
