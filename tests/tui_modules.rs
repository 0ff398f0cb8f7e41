//! The browser's modules depend on each other in one direction only:
//! read from their sources (`super::…`, `self::…` and `crate::tui::…`
//! paths outside their tests), no file of `src/tui/` reaches, through
//! others, back to itself. As `rust_cycles.py` counts them: each file is
//! a module of its own, a path names the longest module it goes through,
//! and a submodule using what its parent holds is part of it, not a
//! cycle.
#![allow(clippy::panic, reason = "a test fails by panicking")]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every module under `src/tui/` (as its path below it, `mod.rs` being
/// its directory's module) with its source file.
fn modules() -> BTreeMap<Vec<String>, PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut found = BTreeMap::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.with_extension("");
            let mut module: Vec<String> = relative
                .strip_prefix(&root)
                .expect("under src/tui")
                .components()
                .filter_map(|c| c.as_os_str().to_str().map(str::to_string))
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            if module.last().is_some_and(|m| m == "tests") || module.is_empty() {
                continue;
            }
            found.insert(module, path);
        }
    }
    found
}

/// The modules of `src/tui/` and the ones each refers to.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, path) in &modules {
        let text = fs::read_to_string(path).expect("a source file");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let used = deps.entry(module.join("::")).or_default();
        for line in code.lines() {
            let line = line.split("//").next().unwrap_or("");
            for segments in referred(line, module) {
                // The longest module the path goes through.
                let target = (1..=segments.len())
                    .rev()
                    .map(|n| &segments[..n])
                    .find(|prefix| modules.contains_key(*prefix));
                let Some(target) = target else { continue };
                // A submodule using what its parent holds is part of it.
                if module.starts_with(target) {
                    continue;
                }
                used.insert(target.join("::"));
            }
        }
    }
    deps
}

/// The paths below `src/tui/` a line of module `module` refers to, as
/// segments (`super::state::State` from `dates::update` is
/// `["state", "State"]`).
fn referred(line: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    for (at, _) in line.match_indices(['c', 's']) {
        if line[..at].ends_with(word) || line[..at].ends_with("::") {
            continue;
        }
        let rest = &line[at..];
        // The module the path starts from.
        let (mut base, mut rest): (Vec<String>, &str) =
            if let Some(r) = rest.strip_prefix("crate::tui::") {
                (Vec::new(), r)
            } else if let Some(r) = rest.strip_prefix("self::") {
                (module.to_vec(), r)
            } else if rest.starts_with("super::") {
                // `super` is the parent module, for a directory's `mod.rs`
                // as for a file; every further `super` one more up.
                let mut base = module.to_vec();
                let mut r = rest;
                let mut above = false;
                while let Some(after) = r.strip_prefix("super::") {
                    above |= base.pop().is_none();
                    r = after;
                }
                if above {
                    // Above src/tui/: not the browser's.
                    continue;
                }
                (base, r)
            } else {
                continue;
            };
        if rest.is_empty() {
            continue;
        }
        let groups: Vec<&str> = match rest.find('{') {
            Some(open) if !rest[..open].contains(|c: char| !(word(c) || c == ':')) => {
                let prefix = &rest[..open];
                let inner = rest[open + 1..].split('}').next().unwrap_or("");
                for part in prefix.split("::").filter(|p| !p.is_empty()) {
                    base.push(part.to_string());
                }
                rest = "";
                inner.split(',').collect()
            }
            _ => vec![rest],
        };
        for group in groups {
            let mut segments = base.clone();
            segments.extend(
                group
                    .trim()
                    .split("::")
                    .map(|s| s.chars().take_while(|&c| word(c)).collect::<String>())
                    .take_while(|s| !s.is_empty()),
            );
            if segments.len() > base.len() || !rest.is_empty() {
                found.push(segments);
            }
        }
    }
    found
}

/// A path from `from` back to itself, if there is one.
fn cycle_through(from: &str, deps: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().expect("a path is never empty");
        for next in deps.get(last).into_iter().flatten() {
            if next == from {
                let mut cycle = path.clone();
                cycle.push(next.clone());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn no_module_of_the_browser_depends_on_itself() {
    let deps = dependencies();
    assert!(deps.len() > 10, "{deps:?}");
    assert!(deps["update"].contains("state"), "{:?}", deps["update"]);
    assert!(deps["keymap"].contains("action"), "{:?}", deps["keymap"]);
    let cycles: Vec<String> = deps
        .keys()
        .filter_map(|m| cycle_through(m, &deps))
        .map(|c| c.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "{}", cycles.join("\n"));
}
