//! The browser's modules depend on each other in one direction only:
//! read from their sources (`super::…` and `crate::tui::…` paths outside
//! their tests), no module of `src/tui/` reaches, through others, back
//! to itself. A submodule counts as part of its module.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The modules of `src/tui/` and the ones each refers to.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = vec![(root.clone(), 0usize)];
    while let Some((dir, depth)) = files.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                files.push((path, depth + 1));
                continue;
            }
            let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if path.extension().is_none_or(|e| e != "rs") || name == "tests" || name == "mod" {
                continue;
            }
            // The module of `src/tui/` the file belongs to.
            let relative = path.strip_prefix(&root).expect("under src/tui");
            let module = relative
                .components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .map(|c| c.trim_end_matches(".rs").to_string())
                .unwrap_or_default();
            let text = fs::read_to_string(&path).expect("a source file");
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let used = deps.entry(module.clone()).or_default();
            for line in code.lines() {
                let line = line.split("//").next().unwrap_or("");
                for target in referred(line, depth) {
                    if target != module {
                        used.insert(target);
                    }
                }
            }
        }
    }
    deps
}

/// The modules of `src/tui/` a line refers to, from a file `depth`
/// directories below it.
fn referred(line: &str, depth: usize) -> Vec<String> {
    let up = "super::".repeat(depth + 1);
    let mut found = Vec::new();
    for prefix in [up.as_str(), "crate::tui::"] {
        for (at, _) in line.match_indices(prefix) {
            // `super::super::x` also contains `super::x`: only whole paths.
            let before = &line[..at];
            if prefix.starts_with("super") && before.ends_with("super::") {
                continue;
            }
            let rest = &line[at + prefix.len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group.split('}').next().unwrap_or("").split(',').collect(),
                None => vec![rest],
            };
            for name in names {
                let first: String = name
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if first.chars().next().is_some_and(char::is_lowercase) {
                    found.push(first);
                }
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
