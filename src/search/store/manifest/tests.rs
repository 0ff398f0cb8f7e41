//! The manifest: what changed since, and the list after an update.
use std::path::PathBuf;

use super::*;
use crate::files::Refusal;
use crate::load::stamps::Stamp;

fn stamp(key: &str, size: u64, modified: u64) -> Stamp {
    Stamp {
        path: PathBuf::from("/c").join(key),
        key: key.to_string(),
        size,
        modified,
    }
}

fn entry(key: &str, size: u64, modified: u64, articles: u64, shared: bool) -> Entry {
    Entry {
        key: key.to_string(),
        size,
        modified,
        refused: false,
        articles,
        problems: Vec::new(),
        shared,
        tail: None,
    }
}

fn manifest(entries: Vec<Entry>) -> Manifest {
    Manifest {
        version: "1".into(),
        entries,
    }
}

#[test]
fn files_new_changed_and_gone_are_told_apart() {
    let m = manifest(vec![
        entry("a.txt", 10, 1, 1, false),
        entry("b.txt", 10, 1, 1, false),
        entry("c.txt", 10, 1, 1, false),
    ]);
    let stamps = Stamps {
        taken: 0,
        files: vec![
            stamp("a.txt", 10, 1),
            // Same size, written again.
            stamp("b.txt", 10, 2),
            stamp("d.txt", 5, 1),
        ],
        refused: Vec::new(),
    };
    let c = m.changes(&stamps);
    assert_eq!(c.read, vec![1, 2]);
    assert_eq!(c.added, 1);
    assert_eq!(c.gone, vec!["b.txt".to_string(), "c.txt".to_string()]);
    assert!(!c.shared);
    assert!(!c.is_empty());
    let same = Stamps {
        taken: 0,
        files: vec![
            stamp("a.txt", 10, 1),
            stamp("b.txt", 10, 1),
            stamp("c.txt", 10, 1),
        ],
        refused: Vec::new(),
    };
    assert!(m.changes(&same).is_empty());
}

#[test]
fn a_file_sharing_ids_changed_or_gone_is_told() {
    let m = manifest(vec![
        entry("a.txt", 10, 1, 1, true),
        entry("b.txt", 10, 1, 0, true),
        entry("c.txt", 10, 1, 1, false),
    ]);
    let only = |files: Vec<Stamp>| Stamps {
        taken: 0,
        files,
        refused: Vec::new(),
    };
    // c changed: a and b still decide between themselves.
    let c = m.changes(&only(vec![
        stamp("a.txt", 10, 1),
        stamp("b.txt", 10, 1),
        stamp("c.txt", 11, 1),
    ]));
    assert!(!c.shared);
    // b gone: a's article may now be b's... or the other way round.
    let c = m.changes(&only(vec![stamp("a.txt", 10, 1), stamp("c.txt", 10, 1)]));
    assert!(c.shared);
    let c = m.changes(&only(vec![
        stamp("a.txt", 10, 2),
        stamp("b.txt", 10, 1),
        stamp("c.txt", 10, 1),
    ]));
    assert!(c.shared);
}

#[test]
fn an_update_keeps_the_files_unchanged_and_takes_the_new() {
    let root = std::path::Path::new("/c");
    let mut kept = entry("a.txt", 10, 1, 2, false);
    kept.problems.push(Problem {
        file: "/c/a.txt".into(),
        position: Some((1, 1)),
        message: "kept".into(),
        lost: Lost::Nothing,
    });
    let mut refused = entry("z.txt", 0, 0, 0, false);
    refused.refused = true;
    let m = manifest(vec![kept.clone(), entry("b.txt", 10, 1, 1, false), refused]);
    let stamps = Stamps {
        taken: 0,
        files: vec![stamp("a.txt", 10, 1), stamp("c.txt", 7, 3)],
        refused: vec![Refusal {
            path: PathBuf::from("/c/y.txt"),
            why: "not a regular file".into(),
        }],
    };
    let changes = m.changes(&stamps);
    let parts = Parts {
        problems: Vec::new(),
        parts: vec![crate::load::Part {
            path: PathBuf::from("/c/c.txt"),
            articles: 0..1,
            problems: 0..0,
            refused: false,
            tail: None,
        }],
        shared: Default::default(),
    };
    let updated = m.updated(root, &stamps, (&changes, &[]), &parts);
    let keys: Vec<&str> = updated.entries.iter().map(|e| e.key.as_str()).collect();
    // b gone; z no longer left out, y left out now; c read.
    assert_eq!(keys, ["a.txt", "c.txt", "y.txt"]);
    assert_eq!(updated.entries[0], kept);
    assert_eq!(
        (updated.entries[1].size, updated.entries[1].modified),
        (7, 3)
    );
    assert_eq!(updated.articles(), 3);
    let messages: Vec<String> = updated.problems().into_iter().map(|p| p.message).collect();
    assert_eq!(messages, ["kept", "not a regular file"]);
}

#[test]
fn a_manifest_is_saved_and_found_again() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let m = manifest(vec![entry("a.txt", 1, 2, 3, true)]);
    m.save(dir.path(), &name(7)).expect("saved");
    m.save(dir.path(), &name(8)).expect("saved");
    assert_eq!(Manifest::load(dir.path(), &name(7)), Some(m.clone()));
    remove_others(dir.path(), &name(8));
    assert_eq!(Manifest::load(dir.path(), &name(7)), None);
    assert_eq!(Manifest::load(dir.path(), &name(8)), Some(m));
    std::fs::write(dir.path().join(name(9)), "{ not json").expect("written");
    assert_eq!(Manifest::load(dir.path(), &name(9)), None);
}

#[test]
fn changes_are_empty_only_when_nothing_is_read_gone_or_grown() {
    assert!(Changes::default().is_empty());
    let read = Changes {
        read: vec![0],
        added: 1,
        ..Changes::default()
    };
    let gone = Changes {
        gone: vec!["a.json".into()],
        ..Changes::default()
    };
    for changes in [read, gone] {
        assert!(!changes.is_empty(), "{changes:?}");
    }
}
