//! The index on disk, through the real binary: built, found again,
//! rebuilt when damaged or of another format, the last one kept through
//! a kill -9 and opened while another process indexes; a JSON Lines
//! collection appended to has only its new lines read.

#[path = "common/binary.rs"]
mod binary;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

struct Setup {
    _dir: tempfile::TempDir,
    data: PathBuf,
    index: PathBuf,
}

/// A collection of `n` articles, each with the word "lúa" and its
/// number, and an index directory beside it.
fn setup(n: usize) -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("articles.json");
    write_collection(&data, n);
    let index = dir.path().join("index");
    Setup {
        _dir: dir,
        data,
        index,
    }
}

fn write_collection(path: &Path, n: usize) {
    write_articles(path, "a", n);
}

/// `n` articles, their ids starting with `prefix`.
fn write_articles(path: &Path, prefix: &str, n: usize) {
    let articles: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("{prefix}{i}"),
                "title": format!("Tin số {i} về lúa"),
                "body": format!("Vụ lúa mùa năm nay ở thôn số {i} được mùa, nông dân phấn khởi."),
            })
        })
        .collect();
    let text = serde_json::to_string(&articles).expect("json");
    // Written aside and renamed: a reader never sees half of it.
    let aside = path.with_extension("part");
    std::fs::write(&aside, text).expect("written");
    settle(&aside);
    std::fs::rename(&aside, path).expect("renamed");
}

/// Dates a file in the past, each later than the one before: as a
/// collection written long before it is opened. (A file written just
/// before it is indexed is read again at the next start, in case it was
/// written again within the same tick of the clock.)
fn settle(path: &Path) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static SETTLED: AtomicU64 = AtomicU64::new(0);
    let n = SETTLED.fetch_add(1, Ordering::Relaxed);
    let when = std::time::UNIX_EPOCH + Duration::from_secs(1_500_000_000 + n);
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(when))
        .expect("dated");
}

fn tintuc(s: &Setup, args: &[&str]) -> Output {
    let mut cmd = binary::tintuc();
    cmd.args(args)
        .arg("--data")
        .arg(&s.data)
        .arg("--index")
        .arg(&s.index);
    binary::run_within(cmd, binary::PATIENCE * 3)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The number of results `tintuc search` finds.
fn found(s: &Setup, query: &str) -> (usize, String) {
    let out = tintuc(s, &["search", query, "--limit", "0"]);
    (text(&out.stdout).lines().count(), text(&out.stderr))
}

/// Runs tintuc with `args` once the lock a test held is free. A child
/// that another test's thread started while the lock was held shares
/// the lock until it has started its program, so the first run after
/// the test lets go may still find the index locked: run again, within
/// the usual patience.
fn once_unlocked(s: &Setup, args: &[&str]) -> Output {
    let deadline = Instant::now() + binary::PATIENCE;
    loop {
        let out = tintuc(s, args);
        let said = text(&out.stdout) + &text(&out.stderr);
        if !said.contains("another tintuc is indexing") || Instant::now() > deadline {
            return out;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// [`found`], once the lock a test held is free.
fn found_unlocked(s: &Setup, query: &str) -> (usize, String) {
    let out = once_unlocked(s, &["search", query, "--limit", "0"]);
    (text(&out.stdout).lines().count(), text(&out.stderr))
}

#[test]
fn index_builds_then_finds_its_index_up_to_date() {
    let s = setup(3);
    let out = tintuc(&s, &["index", "--stats"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let said = text(&out.stdout);
    assert!(said.contains("indexed (no index yet)"), "{said}");
    assert!(said.contains("articles: 3"), "{said}");
    let again = text(&tintuc(&s, &["index"]).stdout);
    assert!(again.contains("up to date"), "{again}");
    let forced = text(&tintuc(&s, &["index", "--rebuild"]).stdout);
    assert!(
        forced.contains("indexed (asked to index again)"),
        "{forced}"
    );
    // A collection that changes is brought up to date, without a word
    // on stderr (it is what an index is for).
    write_collection(&s.data, 5);
    assert_eq!(found(&s, "lua"), (5, String::new()));
    write_collection(&s.data, 4);
    let updated = text(&tintuc(&s, &["index"]).stdout);
    assert!(
        updated.contains("updated: 1 file changed (4 articles read)"),
        "{updated}"
    );
}

/// A JSON Lines collection that a scraper appends to: each start reads
/// only the lines added, numbering their problems as a whole reading
/// would; a line changed before the end makes it read again whole.
#[test]
fn lines_appended_to_a_json_lines_collection_are_read_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = Setup {
        data: dir.path().join("feed.jsonl"),
        index: dir.path().join("index"),
        _dir: dir,
    };
    let line = |i: usize| {
        let article = serde_json::json!({"id": format!("f{i}"), "title": format!("Lúa mùa {i}")});
        format!("{article}\n")
    };
    let mut feed: String = (0..3).map(line).collect();
    let write = |text: &str| {
        std::fs::write(&s.data, text).expect("written");
        settle(&s.data);
    };
    write(&feed);
    assert!(text(&tintuc(&s, &["index"]).stdout).contains("indexed (no index yet)"));
    feed.extend((3..5).map(line));
    feed.push_str("{\"id\": \"f5\", \"title\": 5}\n");
    write(&feed);
    let updated = text(&tintuc(&s, &["index"]).stdout);
    assert!(
        updated.contains("updated: 1 file grew (2 articles read)"),
        "{updated}"
    );
    let (hits, said) = found(&s, "lua");
    assert_eq!(hits, 5, "{said}");
    assert!(
        said.contains("feed.jsonl:6:"),
        "the bad line is line 6: {said}"
    );
    write(&feed.replacen("Lúa", "Ngô", 1));
    let again = text(&tintuc(&s, &["index"]).stdout);
    assert!(
        again.contains("updated: 1 file changed (5 articles read)"),
        "{again}"
    );
    assert_eq!(found(&s, "lua").0, 4);
}

#[test]
fn a_damaged_index_is_rebuilt_with_a_message() {
    let s = setup(4);
    tintuc(&s, &["index"]);
    std::fs::write(s.index.join("tantivy/meta.json"), "{ not json").expect("damaged");
    let (n, said) = found(&s, "lua");
    assert_eq!(n, 4);
    assert!(said.contains("the collection was indexed again"), "{said}");
    assert_eq!(found(&s, "lua"), (4, String::new()));
}

#[test]
fn an_index_of_another_format_is_rebuilt_with_a_message() {
    let s = setup(2);
    tintuc(&s, &["index"]);
    let meta = s.index.join("tantivy/meta.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).expect("meta")).expect("json");
    let payload = json["payload"].as_str().expect("payload").to_owned();
    let mut built: serde_json::Value = serde_json::from_str(&payload).expect("payload json");
    built["format"] = serde_json::json!(9999);
    json["payload"] = serde_json::Value::String(built.to_string());
    std::fs::write(&meta, json.to_string()).expect("written");
    let (n, said) = found(&s, "lua");
    assert_eq!(n, 2);
    assert!(said.contains("format 9999"), "{said}");
}

/// Takes the index directory's lock, as a tintuc indexing it would.
fn hold_lock(index: &Path) -> std::fs::File {
    std::fs::create_dir_all(index).expect("dir");
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(index.join("tintuc.lock"))
        .expect("lock file");
    lock.try_lock().expect("locked");
    lock
}

#[test]
fn while_another_tintuc_indexes_the_last_index_is_searched() {
    let s = setup(3);
    // No index yet: in memory, said.
    let lock = hold_lock(&s.index);
    let (n, said) = found(&s, "lua");
    assert_eq!(n, 3);
    assert!(said.contains("indexed in memory for this run"), "{said}");
    drop(lock);
    let out = once_unlocked(&s, &["index"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    write_collection(&s.data, 6);
    let lock = hold_lock(&s.index);
    let (n, said) = found(&s, "lua");
    assert_eq!(n, 3, "the last index, from before the change");
    assert!(said.contains("another tintuc is indexing"), "{said}");
    drop(lock);
    assert_eq!(found_unlocked(&s, "lua").0, 6);
}

/// Runs `tintuc index` with `args`, and kills it (`kill -9`) as soon as
/// `ready` says so.
fn kill_index_when(s: &Setup, args: &[&str], ready: &dyn Fn() -> bool) {
    let mut cmd = binary::tintuc();
    cmd.arg("index")
        .args(args)
        .arg("--data")
        .arg(&s.data)
        .arg("--index")
        .arg(&s.index)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = cmd.spawn().expect("runs");
    let deadline = Instant::now() + binary::PATIENCE * 3;
    while !ready() {
        let ended = child.try_wait().ok().flatten();
        assert!(
            ended.is_none(),
            "indexing ended before it could be killed: {ended:?}"
        );
        assert!(Instant::now() < deadline, "indexing never started");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("killed");
    child.wait().expect("reaped");
}

#[test]
fn a_kill_during_indexing_leaves_the_last_index_whole() {
    let s = setup(3);
    tintuc(&s, &["index"]);
    // Large enough that indexing lasts a while.
    write_collection(&s.data, 60_000);
    // Killed once the new index is being written.
    let building = s.index.join("tantivy.new");
    kill_index_when(&s, &["--rebuild"], &|| building.exists());
    // The last index opens (held from a rebuild by the lock): the three
    // articles of before.
    let lock = hold_lock(&s.index);
    let (n, said) = found(&s, "lua");
    assert_eq!(n, 3, "{said}");
    drop(lock);
    // Without the lock, the collection is indexed again, whole.
    let (n, _) = found_unlocked(&s, "lua");
    assert_eq!(n, 60_000);
}

#[test]
fn a_kill_during_an_update_leaves_the_last_index_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("data");
    write_collection(&data.join("a.json"), 3);
    let s = Setup {
        data,
        index: dir.path().join("index"),
        _dir: dir,
    };
    tintuc(&s, &["index"]);
    let files = |dir: &Path| -> Vec<std::ffi::OsString> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        names.sort();
        names
    };
    let before = files(&s.index.join("tantivy"));
    // A file of many articles comes: the index is updated in place.
    write_articles(&s.data.join("b.json"), "b", 60_000);
    // Killed once the writer has written files of its own.
    kill_index_when(&s, &[], &|| files(&s.index.join("tantivy")) != before);
    let lock = hold_lock(&s.index);
    let (n, said) = found(&s, "lua");
    assert_eq!(n, 3, "{said}");
    drop(lock);
    let (n, _) = found_unlocked(&s, "lua");
    assert_eq!(n, 60_003);
}

#[test]
fn an_index_that_cannot_be_written_is_made_in_memory_with_a_warning() {
    let s = setup(3);
    // A file where the index's directory would be: it cannot be made,
    // as in a read-only or full cache.
    std::fs::write(&s.index, "not a directory").expect("in the way");
    let (n, said) = found(&s, "lua");
    assert_eq!(n, 3);
    assert!(said.contains("cannot keep the index in"), "{said}");
    assert!(said.contains("indexed in memory for this run"), "{said}");
    assert_eq!(
        std::fs::read_to_string(&s.index).expect("still a file"),
        "not a directory"
    );
}

#[test]
fn an_index_kept_in_memory_cannot_be_built() {
    let mut cmd = binary::tintuc();
    cmd.arg("index");
    let out = binary::run(cmd);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nothing to keep on disk"));
}

#[test]
fn bench_times_a_cold_and_a_warm_start() {
    let s = setup(40);
    let out = tintuc(&s, &["bench", "--json", "--query", "lua so"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("JSON");
    for key in ["cold_ms", "warm_ms", "key_p99_ms"] {
        assert!(v[key].as_f64().is_some_and(|x| x > 0.0), "{key}: {v}");
    }
    assert!(v["load_ms"].is_null() && v["index_ms"].is_null(), "{v}");
    assert_eq!(v["index"], s.index.display().to_string());
    assert_eq!(v["articles"], 40);
    assert_eq!(v["final_hits"], 40);
    let said = text(&tintuc(&s, &["bench"]).stdout);
    assert!(
        said.contains("cold start:") && said.contains("warm start:"),
        "{said}"
    );
}
