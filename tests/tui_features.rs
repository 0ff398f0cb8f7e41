//! The browser's code is laid out one module per feature: each feature's
//! update and drawing in its own files, `update.rs` and `view.rs` left
//! with the routing and what is shared, and no file of the browser too
//! long to read.

use std::fs;
use std::path::{Path, PathBuf};

const TUI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/tui");

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/tui is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn each_feature_has_its_update_and_its_drawing() {
    let tui = Path::new(TUI);
    for feature in ["list", "reader", "places", "dates"] {
        for part in ["mod.rs", "update.rs", "draw.rs"] {
            let file = tui.join(feature).join(part);
            assert!(file.is_file(), "{} is missing", file.display());
        }
    }
    // The find's prompt is drawn in the status bar; its matches by the reader.
    for part in ["mod.rs", "update.rs"] {
        let file = tui.join("find").join(part);
        assert!(file.is_file(), "{} is missing", file.display());
    }
}

#[test]
fn the_router_and_the_view_hold_no_feature() {
    let update = fs::read_to_string(Path::new(TUI).join("update.rs")).expect("update.rs");
    let view = fs::read_to_string(Path::new(TUI).join("view.rs")).expect("view.rs");
    for (file, text, defined) in [
        ("update.rs", &update, "fn open_places"),
        ("update.rs", &update, "fn filter_places"),
        ("update.rs", &update, "fn open_dates"),
        ("update.rs", &update, "fn refresh_find"),
        ("update.rs", &update, "fn refresh_reader"),
        ("update.rs", &update, "fn follow_selection"),
        ("update.rs", &update, "fn move_index"),
        ("view.rs", &view, "fn draw_places"),
        ("view.rs", &view, "fn draw_dates"),
        ("view.rs", &view, "fn draw_reading"),
        ("view.rs", &view, "fn draw_list"),
    ] {
        assert!(!text.contains(defined), "{file} still defines `{defined}`");
    }
}

#[test]
fn no_file_of_the_browser_is_over_600_lines() {
    let mut files = Vec::new();
    rust_files(Path::new(TUI), &mut files);
    assert!(files.len() > 20, "{files:?}");
    for file in files {
        let lines = fs::read_to_string(&file).expect("readable").lines().count();
        assert!(lines <= 600, "{}: {lines} lines", file.display());
    }
}
