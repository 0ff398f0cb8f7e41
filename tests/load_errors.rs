//! Loading collections: formats, sources, and a precise message for every
//! kind of bad input.

use std::fs;
use std::path::PathBuf;

use tintuc::load::{self, DataSource, read_str};
use tintuc::model::ParagraphKind;

fn messages(name: &str, text: &str) -> Vec<String> {
    read_str(name, text)
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn malformed_json_names_file_line_and_column() {
    let text = "[\n  {\"id\": \"a\", \"title\": \"Tin\"},\n  {\"id\": \"b\", \"title\": \"Từ Sơn\" \"x\"}\n]";
    let m = messages("bad.json", text);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with("bad.json:3:33: malformed JSON: expected `,` or `}`"),
        "{}",
        m[0]
    );
}

#[test]
fn malformed_line_in_json_lines_keeps_the_others() {
    let text = "{\"id\":\"a\",\"title\":\"A\"}\n{\"id\":\"b\",\"title\":\n{\"id\":\"c\",\"title\":\"C\"}\n";
    let r = read_str("x.jsonl", text);
    let ids: Vec<&str> = r.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(r.problems.len(), 1);
    assert!(
        r.problems[0]
            .to_string()
            .starts_with("x.jsonl:2:18: malformed JSON: EOF"),
        "{}",
        r.problems[0]
    );

    // Objects spread over several lines, concatenated, in a .json file.
    let r = read_str(
        "s.json",
        "{\"id\":\"a\",\n \"title\":\"A\"}\n{\"id\":\"b\",\n \"title\":\"B\"}\n",
    );
    assert_eq!(r.articles.len(), 2);
    assert!(r.problems.is_empty());
}

#[test]
fn duplicate_ids_name_both_positions() {
    let text = "[\n{\"id\":\"a\",\"title\":\"A\"},\n{\"id\":\"b\",\"title\":\"B\"},\n  {\"id\":\"a\",\"title\":\"C\"}\n]";
    let m = messages("d.json", text);
    assert_eq!(
        m,
        ["d.json:4:3: duplicate id \"a\" (article #3); first used at d.json:2:1"]
    );
}

#[test]
fn missing_id_or_title_is_named_by_position() {
    let text = "[{\"title\":\"A\"},\n {\"id\":\"b\"},\n {\"id\":\"c\",\"title\":\"  \"}]";
    let m = messages("m.json", text);
    assert_eq!(
        m,
        [
            "m.json:1:2: article #1 has no id",
            "m.json:2:2: article #2 (id \"b\") has no title",
            "m.json:3:2: article #3 (id \"c\") has no title",
        ]
    );
}

#[test]
fn impossible_date_is_named() {
    let m = messages(
        "t.json",
        "[{\"id\":\"a\",\"title\":\"A\",\"date\":\"2020-02-30\"}]",
    );
    assert_eq!(
        m,
        ["t.json:1:2: article \"a\": date \"2020-02-30\" does not exist in the calendar"]
    );
    let m = messages(
        "t.json",
        "[{\"id\":\"a\",\"title\":\"A\",\"time\":\"25:00\"}]",
    );
    assert_eq!(m.len(), 1);
    assert!(m[0].contains("time \"25:00\""), "{}", m[0]);
}

#[test]
fn wrong_field_type_is_named_with_its_position() {
    let text = "[\n{\"id\":\"a\",\n \"title\": 5}]";
    let m = messages("w.json", text);
    assert_eq!(m.len(), 1);
    assert!(m[0].starts_with("w.json:3:"), "{}", m[0]);
    assert!(
        m[0].contains("article #1: invalid type: integer `5`"),
        "{}",
        m[0]
    );
}

#[test]
fn unknown_fields_are_ignored_and_empty_is_valid() {
    let r = read_str(
        "u.json",
        "[{\"id\":1,\"title\":\"A\",\"views\":{\"n\":[1,2]},\"tags\":null}]",
    );
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.articles[0].id, "1");
    for empty in ["[]", "", "  \n", "\u{feff}[]"] {
        let r = read_str("e.json", empty);
        assert!(r.problems.is_empty() && r.articles.is_empty(), "{empty:?}");
    }
}

#[test]
fn hostile_text_loads_clean() {
    let r = read_str(
        "fixtures/hostile.json",
        include_str!("fixtures/hostile.json"),
    );
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let a = &r.articles[0];
    let all = format!("{} {:?} {:?} {:?}", a.title, a.author, a.places, a.body);
    for bad in [
        '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}', '\u{feff}', '\t',
    ] {
        assert!(!all.contains(bad), "{bad:?} in {all}");
    }
    assert!(!all.contains("pwned"));
    assert_eq!(a.title, "Tin Từ Sơn");
    assert_eq!(a.body[0].text, "Dòng một dòng hai cột");
    assert_eq!(a.body[1].kind, ParagraphKind::Caption);
}

#[test]
fn nfd_text_is_normalised_on_load() {
    let r = read_str(
        "n.json",
        "[{\"id\":\"a\",\"title\":\"Tu\u{31b}\u{300} So\u{31b}n\",\"places\":\"Ho\u{300}a Bi\u{300}nh\"}]",
    );
    assert_eq!(r.articles[0].title, "Từ Sơn");
    assert_eq!(r.articles[0].places, ["Hòa Bình"]);
}

#[test]
fn body_forms() {
    let r = read_str(
        "b.json",
        r#"[{"id":"a","title":"A","body":"một\nhai\n\nba"},
            {"id":"b","title":"B","body":["x",{"kind":"subheading","text":"Y"},{"kind":"caption","text":"Z","extra":1}]},
            {"id":"c","title":"C","body":[{"kind":"poem","text":"?"}]}]"#,
    );
    assert_eq!(r.articles[0].body.len(), 2);
    assert_eq!(r.articles[0].body[0].text, "một hai");
    assert_eq!(r.articles[1].body[1].kind, ParagraphKind::Subheading);
    assert_eq!(r.problems.len(), 1);
    assert!(
        r.problems[0]
            .to_string()
            .contains("unknown paragraph kind \"poem\"")
    );
}

#[test]
fn directories_files_and_sources() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join("z2020");
    fs::create_dir(&sub).expect("subdir");
    fs::write(
        dir.path().join("a.json"),
        r#"[{"id":"a","title":"A","date":"2020-01-02"}]"#,
    )
    .expect("write");
    fs::write(
        sub.join("b.jsonl"),
        "{\"id\":\"b\",\"title\":\"B\"}\n{\"id\":\"a\",\"title\":\"again\"}\n",
    )
    .expect("write");
    fs::write(dir.path().join("notes.md"), "not a collection").expect("write");
    let r = load::read(&DataSource::Path(dir.path().to_path_buf()));
    let ids: Vec<&str> = r.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(r.problems.len(), 1);
    let p = r.problems[0].to_string();
    assert!(
        p.contains("b.jsonl:2:1: duplicate id \"a\"") && p.contains("a.json:1:2"),
        "{p}"
    );

    let missing = load::read(&DataSource::Path(dir.path().join("nope.json")));
    assert!(
        missing.problems[0]
            .to_string()
            .contains("nope.json: cannot read")
    );

    fs::write(
        dir.path().join("latin1.json"),
        b"[{\"id\":\"a\",\"title\":\"\xe9\"}]",
    )
    .expect("write");
    let r = load::read(&DataSource::Path(dir.path().join("latin1.json")));
    assert!(
        r.problems[0]
            .to_string()
            .contains("latin1.json:1:21: not valid UTF-8"),
        "{}",
        r.problems[0]
    );
}

#[test]
fn source_resolution_order() {
    let cli = Some(PathBuf::from("x.json"));
    assert_eq!(
        DataSource::resolve(cli.clone(), Some("y.json".into())),
        DataSource::Path("x.json".into())
    );
    assert_eq!(
        DataSource::resolve(None, Some("y.json".into())),
        DataSource::Path("y.json".into())
    );
}

#[test]
fn embedded_collection_is_clean() {
    let r = load::read(&DataSource::Embedded);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(!r.articles.is_empty());
}

#[test]
fn a_huge_whole_number_id_is_named_in_full() {
    let text = "[{\"id\": 1e30, \"title\": \"A\"},\n {\"id\": 1000000000000000000000000000000, \"title\": \"B\"},\n {\"id\": 1.5, \"title\": \"C\"},\n {\"id\": true, \"title\": \"D\"}]";
    let r = read_str("ids.json", text);
    let ids: Vec<&str> = r.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["1000000000000000000000000000000"]);
    let m: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        m,
        [
            "ids.json:2:2: duplicate id \"1000000000000000000000000000000\" (article #2); first used at ids.json:1:2",
            "ids.json:3:11: article #3: the id 1.5 is not a whole number",
            "ids.json:4:12: article #4: the id is a boolean; expected a string or a whole number",
        ]
    );
}
