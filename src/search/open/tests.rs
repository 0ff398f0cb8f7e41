//! Opening through the index on disk: found again when current, built
//! when missing, changed, damaged or of another format, and in memory
//! when it cannot be kept; the same answers every way.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::*;
use crate::model::{Article, text_article, to_json};
use crate::search::SortOrder;

const QUERIES: &[&str] = &[
    "thon",
    "'thon",
    "t",
    "tho",
    "tus",
    "\"nong thon\"",
    "tuson",
    "@tuson",
    "@bacninh !covid",
    "#2020",
    "ubnd|xa",
];

fn collection(dir: &Path, articles: &[Article]) -> DataSource {
    let file = dir.join("articles.json");
    crate::test_fs::write_settled(&file, to_json(articles));
    DataSource::Path(file)
}

fn answers(engine: &mut Engine) -> Vec<Vec<(String, i64)>> {
    QUERIES
        .iter()
        .map(|q| {
            engine
                .search(q, SortOrder::Relevance)
                .hits
                .iter()
                .map(|h| (engine.article_id(h.article).unwrap_or_default(), h.score))
                .collect()
        })
        .collect()
}

fn open_at(source: &DataSource, dir: &Path) -> Opened {
    open(
        source,
        &IndexPlace::Dir(dir.to_path_buf()),
        &Progress::new(),
    )
    .expect("opens")
}

const WORDS: &[&str] = &[
    "nông", "thôn", "mới", "Từ", "Sơn", "tư", "son", "đảng", "UBND", "xã", "covid", "2020",
];
const PLACES: &[&str] = &["Hương Mạc", "Từ Sơn", "Bắc Ninh", "Thường Tín"];

fn articles() -> impl Strategy<Value = Vec<Article>> {
    let words = |n: std::ops::Range<usize>| {
        proptest::collection::vec(proptest::sample::select(WORDS), n).prop_map(|w| w.join(" "))
    };
    let one = (
        words(1..5),
        proptest::collection::vec(words(1..10), 0..3),
        proptest::collection::vec(proptest::sample::select(PLACES), 0..3),
        proptest::option::of(0i64..900),
    );
    proptest::collection::vec(one, 1..10).prop_map(|docs| {
        docs.into_iter()
            .enumerate()
            .map(|(i, (title, body, places, day))| {
                let body: Vec<&str> = body.iter().map(String::as_str).collect();
                let date = day.and_then(|d| {
                    jiff::civil::date(2019, 6, 1)
                        .checked_add(jiff::Span::new().days(d))
                        .ok()
                });
                Article {
                    places: places.into_iter().map(str::to_owned).collect(),
                    date,
                    month_only: false,
                    ..text_article(&format!("a{i}"), &title, &body)
                }
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Built on disk, then opened again without reading the collection:
    /// the same answers as an index built in memory.
    #[test]
    fn an_index_opened_again_answers_as_a_fresh_one(articles in articles()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let source = collection(dir.path(), &articles);
        let index = dir.path().join("index");
        let mut fresh = open(&source, &IndexPlace::Memory, &Progress::new()).expect("opens");
        prop_assert_eq!(&fresh.how, &How::InMemory(None));
        let mut built = open_at(&source, &index);
        prop_assert_eq!(&built.how, &How::Built("no index yet".into()));
        let mut again = open_at(&source, &index);
        prop_assert_eq!(&again.how, &How::Opened);
        let expected = answers(&mut fresh.engine);
        prop_assert_eq!(answers(&mut built.engine), expected.clone());
        prop_assert_eq!(answers(&mut again.engine), expected);
    }
}

#[test]
fn a_changed_collection_is_indexed_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    let source = collection(dir.path(), &[text_article("a", "Nông thôn mới", &[])]);
    open_at(&source, &index);
    // One more article, and a later time.
    let more = [
        text_article("a", "Nông thôn mới", &[]),
        text_article("b", "Thôn Đông", &[]),
    ];
    collection(dir.path(), &more);
    let mut opened = open_at(&source, &index);
    // The file was read again, and its articles replaced.
    assert_eq!(
        opened.how,
        How::Updated(Update {
            changed: 1,
            articles: 2,
            ..Update::default()
        })
    );
    assert_eq!(
        opened
            .engine
            .search("thon", SortOrder::Relevance)
            .hits
            .len(),
        2
    );
    assert_eq!(open_at(&source, &index).how, How::Opened);
}

#[test]
fn an_update_says_which_files_were_added_changed_and_removed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("data");
    let write = |name: &str, articles: &[Article]| {
        crate::test_fs::write_settled(&data.join(name), to_json(articles));
    };
    write("a.json", &[text_article("a", "Nông thôn mới", &[])]);
    write("b.json", &[text_article("b", "Thôn Đông", &[])]);
    let source = DataSource::Path(data.clone());
    open_at(&source, &index);
    write(
        "a.json",
        &[
            text_article("a", "Nông thôn mới", &[]),
            text_article("a2", "Xã Tam Sơn", &[]),
        ],
    );
    std::fs::remove_file(data.join("b.json")).expect("removed");
    write("c.json", &[text_article("c", "Phường Từ Sơn", &[])]);
    let opened = open_at(&source, &index);
    let update = Update {
        added: 1,
        changed: 1,
        removed: 1,
        grew: 0,
        articles: 3,
    };
    assert_eq!(opened.how, How::Updated(update));
    assert_eq!(
        update.to_string(),
        "1 file added, 1 file changed, 1 file removed (3 articles read)"
    );
    assert_eq!(opened.engine.len(), 3);
}

#[test]
fn a_damaged_index_is_built_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    let source = collection(dir.path(), &[text_article("a", "Nông thôn mới", &[])]);
    open_at(&source, &index);
    std::fs::write(index.join("tantivy").join("meta.json"), "{ not json").expect("damaged");
    let mut opened = open_at(&source, &index);
    assert!(matches!(opened.how, How::Built(_)), "{:?}", opened.how);
    assert_eq!(
        opened
            .engine
            .search("nong", SortOrder::Relevance)
            .hits
            .len(),
        1
    );
    assert_eq!(open_at(&source, &index).how, How::Opened);
}

#[test]
fn what_reading_left_out_is_told_at_every_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("dir");
    crate::test_fs::write_settled(
        &data.join("good.json"),
        to_json(&[text_article("a", "Tin", &[])]),
    );
    crate::test_fs::write_settled(&data.join("bad.json"), "[{\"id\": ");
    let source = DataSource::Path(data);
    let index = dir.path().join("index");
    let first = open_at(&source, &index);
    assert_eq!(first.problems.len(), 1, "{:?}", first.problems);
    let again = open_at(&source, &index);
    assert_eq!(again.how, How::Opened);
    assert_eq!(again.problems, first.problems);
}

#[test]
fn an_index_that_cannot_be_kept_is_made_in_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = collection(dir.path(), &[text_article("a", "Nông thôn mới", &[])]);
    // A file where the directory should be.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "").expect("file");
    let mut opened = open_at(&source, &blocked.join("index"));
    assert!(
        matches!(opened.how, How::InMemory(Some(_))),
        "{:?}",
        opened.how
    );
    assert_eq!(
        opened.engine.search("moi", SortOrder::Relevance).hits.len(),
        1
    );
}

#[test]
fn while_another_process_indexes_the_last_index_is_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    let source = collection(dir.path(), &[text_article("a", "Nông thôn mới", &[])]);
    // No index yet, and the lock held: in memory.
    std::fs::create_dir_all(&index).expect("dir");
    let lock = std::fs::File::create(index.join("tintuc.lock")).expect("lock file");
    lock.try_lock().expect("locked");
    let opened = open_at(&source, &index);
    assert_eq!(
        opened.how,
        How::InMemory(Some("another tintuc is indexing this collection".into()))
    );
    lock.unlock().expect("unlocked");
    open_at(&source, &index);
    // The collection changes while the lock is held: its last index.
    collection(
        dir.path(),
        &[
            text_article("a", "Nông thôn mới", &[]),
            text_article("b", "Thôn Đông", &[]),
        ],
    );
    lock.try_lock().expect("locked");
    let mut last = open_at(&source, &index);
    assert_eq!(last.how, How::Last);
    assert_eq!(
        last.engine.search("thon", SortOrder::Relevance).hits.len(),
        1
    );
}

#[test]
fn the_embedded_collection_is_indexed_in_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let opened = open_at(&DataSource::Embedded, dir.path());
    assert_eq!(opened.how, How::InMemory(None));
    assert!(!opened.engine.is_empty());
    assert!(std::fs::read_dir(dir.path()).expect("dir").next().is_none());
}

#[test]
fn the_index_is_kept_where_asked_else_in_the_cache() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = collection(dir.path(), &[text_article("a", "Tin", &[])]);
    let cache = dir.path().join("cache");
    let home = dir.path().join("home");
    let resolve = |chosen: Option<&str>, env: Option<&str>, xdg: Option<&Path>| {
        IndexPlace::resolve(
            &source,
            chosen.map(PathBuf::from),
            env.map(std::ffi::OsString::from),
            xdg,
            Some(&home),
        )
    };
    assert_eq!(
        resolve(Some("/x"), Some("memory"), Some(&cache)),
        IndexPlace::Dir("/x".into())
    );
    assert_eq!(
        resolve(None, Some("memory"), Some(&cache)),
        IndexPlace::Memory
    );
    assert_eq!(
        resolve(None, Some("/y"), Some(&cache)),
        IndexPlace::Dir("/y".into())
    );
    let IndexPlace::Dir(in_cache) = resolve(None, None, Some(&cache)) else {
        panic!("not in the cache");
    };
    assert!(
        in_cache.starts_with(cache.join("tintuc/index")),
        "{in_cache:?}"
    );
    let IndexPlace::Dir(in_home) = resolve(None, Some(""), None) else {
        panic!("not in the home's cache");
    };
    assert!(
        in_home.starts_with(home.join(".cache/tintuc/index")),
        "{in_home:?}"
    );
    // A relative cache directory is ignored.
    let IndexPlace::Dir(relative) = resolve(None, None, Some(Path::new("rel"))) else {
        panic!("not in the home's cache");
    };
    assert!(relative.starts_with(home.join(".cache")), "{relative:?}");
    let embedded = IndexPlace::resolve(&DataSource::Embedded, None, None, Some(&cache), None);
    assert_eq!(embedded, IndexPlace::Memory);
    let missing = DataSource::Path(dir.path().join("missing.json"));
    let place = IndexPlace::resolve(&missing, None, None, Some(&cache), None);
    assert_eq!(place, IndexPlace::Memory);
}

#[test]
fn a_file_written_again_at_once_with_the_same_size_is_read_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("articles.json");
    let index = dir.path().join("index");
    // Written just before it is opened, then again at once: its time may
    // not change (file systems count in ticks), its size does not.
    std::fs::write(&file, to_json(&[text_article("a", "Tin thôn", &[])])).expect("w");
    let when = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("time");
    let source = DataSource::Path(file.clone());
    open_at(&source, &index);
    std::fs::write(&file, to_json(&[text_article("a", "Tin thân", &[])])).expect("w");
    std::fs::File::options()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(when))
        .expect("same time");
    let mut opened = open_at(&source, &index);
    assert_ne!(opened.how, How::Opened);
    // "thon" would find "than" with one typo.
    opened.engine.forgive_typos(false);
    let hits = |e: &mut Engine, q: &str| e.search(q, SortOrder::Relevance).hits.len();
    assert_eq!(hits(&mut opened.engine, "than"), 1);
    assert_eq!(hits(&mut opened.engine, "thon"), 0);
}

#[test]
fn the_scores_of_first_letters_are_kept_beside_the_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    let articles: Vec<Article> = (0..40)
        .map(|i| text_article(&format!("a{i}"), "Tin nông thôn", &["Thôn Đông"]))
        .collect();
    let source = collection(dir.path(), &articles);
    let mut built = open_at(&source, &index);
    let kept = |dir: &Path| std::fs::read_dir(dir.join("letters")).map_or(0, Iterator::count);
    assert_eq!(kept(&index), built.engine.segments());
    assert!(kept(&index) > 0);
    let titles = |dir: &Path| std::fs::read_dir(dir.join("titles")).map_or(0, Iterator::count);
    assert_eq!(titles(&index), built.engine.segments());
    // Read back, the same answers as scored now.
    let mut again = open_at(&source, &index);
    // (Titles spelled across their words read the titles kept.)
    for q in ["t", "n", "d", "x", "tnt", "tinnong", "nongthon"] {
        let ids = |e: &mut Engine| -> Vec<(String, i64)> {
            let hits = e.search(q, SortOrder::Relevance).hits;
            hits.iter()
                .map(|h| (e.article_id(h.article).unwrap_or_default(), h.score))
                .collect()
        };
        assert_eq!(ids(&mut again.engine), ids(&mut built.engine), "{q}");
    }
    // Rebuilt: the files of segments gone are gone.
    crate::test_fs::write_settled(&dir.path().join("articles.json"), to_json(&articles[..3]));
    let rebuilt = open(&source, &IndexPlace::Dir(index.clone()), &Progress::new());
    let rebuilt = rebuilt.expect("opens");
    assert_eq!(kept(&index), rebuilt.engine.segments());
    assert_eq!(titles(&index), rebuilt.engine.segments());
}
