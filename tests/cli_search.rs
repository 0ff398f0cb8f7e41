//! `tintuc search` and `tintuc bench`, run as the real binary.

#[path = "common/binary.rs"]
mod binary;

use std::process::Output;

/// The binary in the project's directory, away from the user's
/// configuration and reading state (which could change what it finds).
fn tintuc(args: &[&str]) -> Output {
    let mut cmd = binary::tintuc();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args(args);
    binary::run(cmd)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn search_json_has_the_fields() {
    let out = tintuc(&["search", "đang", "--json", "--data", "data/articles.json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 1, "{v}");
    let row = &rows[0];
    assert!(row["id"].as_str().is_some_and(|s| s.starts_with("002")));
    assert_eq!(row["date"], "2020-09-03");
    assert_eq!(row["places"][0], "Thường Tín");
    assert!(
        row["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Đưa Nghị quyết"))
    );
    assert!(row["score"].as_i64().is_some_and(|s| s > 0));
}

#[test]
fn search_undated_is_null_and_limit_applies() {
    let out = tintuc(&["search", "@tuson", "--json", "--limit", "10"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().any(|r| r["date"].is_null()));
    let out = tintuc(&["search", "@tuson", "--limit", "2"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "results only on stdout: {text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 more of 4"));
    // Newest first: the 2025 article, then the 2017 one.
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l.starts_with("18/08/2025")),
        "{text}"
    );
}

#[test]
fn no_results_exits_1_with_nothing_on_stdout_and_hints_go_to_stderr() {
    let out = tintuc(&["search", "qqqzzzxxx"]);
    assert_eq!(out.status.code(), Some(1), "as grep: nothing matched");
    assert_eq!(stdout(&out), "", "stdout holds results only");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles match"));
    let out = tintuc(&["search", "qqqzzzxxx", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).trim(), "[]");
    let out = tintuc(&["search", "dang #2020-13", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("#2020-13: there is no month 13"));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(5));
}

#[test]
fn typos_are_forgiven_unless_told_and_marks_that_start_nothing_are_said() {
    let ids = |out: &Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(&stdout(out)).expect("JSON");
        v.as_array()
            .expect("array")
            .iter()
            .filter_map(|r| r["id"].as_str().map(|id| id[..3].to_string()))
            .collect()
    };
    // "chuyen" starts words of 001 and 003, a word one edit away is in 002.
    let forgiving = tintuc(&["search", "chuyen", "--json"]);
    let exact = tintuc(&["search", "chuyen", "--json", "--no-typos"]);
    assert_eq!(ids(&exact), ["001", "003"]);
    assert_eq!(ids(&forgiving), ["001", "003", "002"]);
    let out = tintuc(&["search", "nghỉ quyệt", "--limit", "0"]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("tintuc: nghỉ: in no article as typed, searched as nghi"),
        "{err}"
    );
}

#[test]
fn browser_into_a_pipe_suggests_search() {
    // Stdout is a pipe here, as in `tintuc | cat`.
    let out = tintuc(&["--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`tintuc search"), "{err}");
    assert!(!err.contains("tintuc check"), "{err}");
    let out = tintuc(&["--lang", "vi"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("`tintuc search"));
}

#[test]
fn collection_error_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.json");
    std::fs::write(&path, "[{\"title\": \"no id\"}]").expect("write");
    let p = path.to_string_lossy();
    for cmd in ["search", "bench"] {
        let mut args = vec![cmd];
        if cmd == "search" {
            args.push("x");
        }
        args.extend(["--data", &p]);
        let out = tintuc(&args);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("has no id"),
            "{cmd}"
        );
    }
}

#[test]
fn bench_reports_figures() {
    let out = tintuc(&["bench", "--json", "--query", "dang @tuson"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    for key in [
        "load_ms",
        "index_ms",
        "key_p50_ms",
        "key_p99_ms",
        "key_max_ms",
    ] {
        assert!(v[key].as_f64().is_some_and(|x| x >= 0.0), "{key}: {v}");
    }
    assert!(v["peak_rss_mb"].as_f64().is_some_and(|x| x > 1.0), "{v}");
    // In memory (the tests keep no index on disk): no cold or warm start.
    assert!(v["cold_ms"].is_null() && v["warm_ms"].is_null(), "{v}");
    assert_eq!(v["index"], "memory");
    assert_eq!(v["keystrokes"], 22);
    assert_eq!(v["final_hits"], 4);
    assert!(v["key_p50_ms"].as_f64() <= v["key_max_ms"].as_f64());
    let out = tintuc(&["bench"]);
    assert!(stdout(&out).contains("keystroke p99"));
}

/// Ids printed by `tintuc search --json` with `--state state`.
fn ids_with_state(state: &std::path::Path, query: &str) -> (Vec<String>, String) {
    let mut cmd = binary::tintuc();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--state")
        .arg(state)
        .args(["search", query, "--json", "--limit", "0"])
        .args(["--data", "data/articles.json"]);
    let out = binary::run(cmd);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let matched = v.as_array().is_some_and(|a| !a.is_empty());
    assert_eq!(out.status.code(), Some(if matched { 0 } else { 1 }));
    let mut ids: Vec<String> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str().map(|s| s[..3].to_string()))
        .collect();
    ids.sort();
    (ids, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn search_is_terms_read_the_state_file() {
    use tintuc::reading_state::StateFile;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    let file = StateFile::new(&path);
    let (mut s, _) = file.load();
    s.set_read("000_84f5005f2462eb49", true);
    s.set_read("002_9d90d06281b03cfb", true);
    s.toggle_bookmark("002_9d90d06281b03cfb");
    s.toggle_bookmark("001_d6dbdd2ddfa3846f");
    file.save(&mut s).expect("save");
    let before = std::fs::read(&path).expect("state written");

    assert_eq!(ids_with_state(&path, "is:bookmarked").0, ["001", "002"]);
    assert_eq!(ids_with_state(&path, "is:bookmarked @tuson").0, ["001"]);
    assert_eq!(ids_with_state(&path, "is:read").0, ["000", "002"]);
    assert_eq!(ids_with_state(&path, "is:unread").0, ["001", "003", "004"]);
    assert_eq!(
        ids_with_state(&path, "!is:read @tuson").0,
        ["001", "003", "004"]
    );
    assert_eq!(ids_with_state(&path, "!is:b is:read").0, ["000"]);
    // An unknown value is a hint on stderr and filters nothing.
    let (ids, stderr) = ids_with_state(&path, "is:starred @tuson");
    assert_eq!(ids.len(), 4);
    assert!(stderr.contains("is:starred: not known"), "{stderr}");
    // Searching only reads the state.
    assert_eq!(std::fs::read(&path).expect("still there"), before);

    // A corrupt state file is left alone and reported; all is unread.
    std::fs::write(&path, "{ not json").expect("write");
    let (ids, stderr) = ids_with_state(&path, "is:unread");
    assert_eq!(ids.len(), 5);
    assert!(stderr.contains("cannot read the reading state"), "{stderr}");
    assert_eq!(std::fs::read(&path).expect("kept"), b"{ not json");
    // No state file at all: nothing is read or bookmarked.
    let (ids, _) = ids_with_state(&dir.path().join("none.json"), "is:bookmarked");
    assert!(ids.is_empty());
}

/// The JSON results of a search, as text.
fn results(args: &[&str]) -> String {
    let out = tintuc(args);
    assert!(out.status.code() == Some(0), "{out:?}");
    stdout(&out)
}

#[test]
fn an_index_kept_on_disk_answers_as_one_made_in_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("articles.json");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles.json"),
        &data,
    )
    .expect("copied");
    let index = dir.path().join("index");
    let (data, index) = (data.to_string_lossy(), index.to_string_lossy());
    for query in ["@tuson", "nong thon", "'thon", "#2020", "tuson"] {
        let in_memory = results(&["search", query, "--json", "--data", &data]);
        // Built at the first search, opened at the second.
        let built = results(&[
            "search", query, "--json", "--data", &data, "--index", &index,
        ]);
        let opened = results(&[
            "search", query, "--json", "--data", &data, "--index", &index,
        ]);
        assert_eq!(built, in_memory, "{query}");
        assert_eq!(opened, in_memory, "{query}");
    }
    assert!(
        std::path::Path::new(&*index)
            .join("tantivy/meta.json")
            .is_file()
    );
}

#[test]
fn an_index_that_cannot_be_kept_is_said_and_made_in_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocked = dir.path().join("file");
    std::fs::write(&blocked, "").expect("file");
    let index = blocked.join("index");
    let out = tintuc(&["search", "@tuson", "--index", &index.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout(&out).lines().count(), 4);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("indexed in memory for this run"), "{said}");
}

#[test]
fn explain_says_how_each_keyword_matched_and_which_rule_decided() {
    let text = |q: &str| {
        stdout(&tintuc(&[
            "search",
            "--explain",
            "--data",
            "data/articles.json",
            q,
        ]))
    };
    let out = text("thuong tin");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains("Thường Tín"), "{out}");
    assert_eq!(
        lines[1].trim(),
        "thuong: as typed, body · tin: as typed, body"
    );
    assert_eq!(lines[2].trim(), "about Thường Tín · 1 pair side by side");
    assert_eq!(
        lines[3].trim(),
        "above the next: about the place the keywords spell"
    );
    assert_eq!(out.lines().last().map(str::trim), Some("the last result"));
    assert!(text("nghi quyte").contains("quyte: 1 typo, title"));
    assert!(text("tuwf sown").contains("tuwf: read as Telex or VNI, title"));
    let out = tintuc(&["search", "--explain", "--json", "thuong tin"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let first = &v[0]["explain"];
    assert_eq!(first["decided_by"], "about the place the keywords spell");
    assert_eq!(first["places"][0], "Thường Tín");
    assert_eq!(first["terms"][1]["term"], "tin");
    assert_eq!(first["side_by_side"], 1);
    // Without --explain, the rows are as before.
    let out = tintuc(&["search", "--json", "thuong tin"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert!(v[0].get("explain").is_none());
}
