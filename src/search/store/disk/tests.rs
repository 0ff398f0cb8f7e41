//! The index on disk: found when current, rebuilt when not, never
//! trusted when damaged, built by one process at a time.
use std::path::Path;

use tantivy::collector::Count;
use tantivy::query::AllQuery;

use super::*;
use crate::gazetteer::Gazetteer;
use crate::model::text_article;
use crate::search::store::document::to_document;

/// Builds an index of `n` articles in `dir`, from sources `sources`.
fn build(dir: &Path, sources: u64, n: usize) -> Result<(Index, Fields), BuildError> {
    rebuild(dir, sources, |writer, fields| {
        for i in 0..n {
            let a = text_article(
                &format!("a{i}"),
                "Tin nông thôn",
                &["Xây dựng nông thôn mới."],
            );
            writer.add_document(to_document(&a, ("", 0), fields, Gazetteer::embedded()))?;
        }
        Ok(Manifest::default())
    })
}

/// A reader that never reloads by itself: a reloading one watches the
/// files from a thread of its own, which would read the files these
/// tests damage.
fn searcher(index: &Index) -> tantivy::Searcher {
    let reader: tantivy::IndexReader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .expect("reader");
    reader.searcher()
}

fn count(index: &Index) -> usize {
    let searcher = searcher(index);
    searcher.search(&AllQuery, &Count).expect("count")
}

fn outdated(found: Found) -> String {
    match found {
        Found::Outdated(why) => why,
        Found::Current(..) | Found::Changed(..) => panic!("an index was found current"),
    }
}

#[test]
fn an_index_built_from_the_same_sources_is_found_again() {
    let dir = tempfile::tempdir().expect("temporary directory");
    assert_eq!(outdated(find(dir.path(), 7)), "no index yet");
    build(dir.path(), 7, 3).expect("built");
    let Found::Current(index, fields, _) = find(dir.path(), 7) else {
        panic!("not found again");
    };
    assert_eq!(count(&index), 3);
    // The tokenizers are registered again: a phrase query tokenizes.
    let parser = tantivy::query::QueryParser::for_index(&index, vec![fields.body]);
    let q = parser.parse_query("\"nông thôn\"").expect("query");
    let searcher = searcher(&index);
    assert_eq!(searcher.search(&q, &Count).expect("count"), 3);
    assert_eq!(outdated(find(dir.path(), 8)), "the collection changed");
    // Rebuilt from the new sources, it is current for them only.
    build(dir.path(), 8, 2).expect("rebuilt");
    let Found::Current(index, _, _) = find(dir.path(), 8) else {
        panic!("not found after the rebuild");
    };
    assert_eq!(count(&index), 2);
    assert!(matches!(find(dir.path(), 7), Found::Outdated(_)));
}

#[test]
fn a_damaged_index_is_outdated_and_rebuilt() {
    let dir = tempfile::tempdir().expect("temporary directory");
    build(dir.path(), 1, 3).expect("built");
    let meta = dir.path().join("tantivy").join("meta.json");
    std::fs::write(&meta, "{ not json").expect("damaged");
    assert!(!outdated(find(dir.path(), 1)).is_empty());
    build(dir.path(), 1, 3).expect("rebuilt");
    assert!(matches!(find(dir.path(), 1), Found::Current(..)));
    // Every segment file cut short.
    for entry in std::fs::read_dir(dir.path().join("tantivy")).expect("listed") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !name.ends_with(".json") && !name.starts_with('.') {
            std::fs::write(&path, b"").expect("truncated");
        }
    }
    assert!(matches!(find(dir.path(), 1), Found::Outdated(_)));
}

#[test]
fn another_format_or_an_unfinished_build_is_outdated() {
    let dir = tempfile::tempdir().expect("temporary directory");
    build(dir.path(), 1, 1).expect("built");
    let meta = dir.path().join("tantivy").join("meta.json");
    let text = std::fs::read_to_string(&meta).expect("meta");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
    let older = Built {
        format: FORMAT + 1,
        sources: 1,
        articles: 1,
        problems: Vec::new(),
        manifest: None,
    };
    json["payload"] = serde_json::Value::String(serde_json::to_string(&older).expect("payload"));
    std::fs::write(&meta, json.to_string()).expect("written");
    assert!(outdated(find(dir.path(), 1)).contains("format"));
    json["payload"] = serde_json::Value::Null;
    std::fs::write(&meta, json.to_string()).expect("written");
    assert_eq!(
        outdated(find(dir.path(), 1)),
        "the index was never finished"
    );
}

#[test]
fn one_build_at_a_time() {
    let dir = tempfile::tempdir().expect("temporary directory");
    build(dir.path(), 1, 1).expect("built");
    let held = Lock::take(dir.path()).expect("lock");
    assert!(matches!(build(dir.path(), 2, 1), Err(BuildError::Busy)));
    // The index the other build started from is still there.
    assert!(matches!(find(dir.path(), 1), Found::Current(..)));
    drop(held);
    build(dir.path(), 2, 1).expect("built once the lock is free");
}

#[test]
fn a_directory_that_cannot_be_made_is_an_error() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("written");
    assert!(matches!(
        build(&file.join("index"), 1, 1),
        Err(BuildError::Io(_))
    ));
}

#[test]
fn a_build_that_stops_halfway_leaves_the_index_that_was_there() {
    let dir = tempfile::tempdir().expect("temporary directory");
    build(dir.path(), 1, 3).expect("built");
    let failed = rebuild(dir.path(), 2, |writer, fields| {
        let a = text_article("x", "Tin", &[]);
        writer.add_document(to_document(&a, ("", 0), fields, Gazetteer::embedded()))?;
        Err(BuildError::Io(io::Error::other("stopped")))
    });
    assert!(failed.is_err());
    let Found::Current(index, _, _) = find(dir.path(), 1) else {
        panic!("the earlier index is gone");
    };
    assert_eq!(count(&index), 3);
    // What the stopped build left beside it does not stand in the way.
    build(dir.path(), 2, 2).expect("built");
    assert!(matches!(find(dir.path(), 2), Found::Current(..)));
}
