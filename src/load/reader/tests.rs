use super::*;

/// What a reader with blocks of `block` bytes makes of `text` written to
/// `name` in `dir`.
fn read_file_in_blocks(dir: &Path, name: &str, text: &str, block: usize) -> Reader<'static> {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    let mut r = Reader {
        block,
        ..Reader::default()
    };
    r.read_path(&path);
    r
}

#[test]
fn large_files_read_in_blocks_give_the_same_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.json");
    let text = "\u{feff}[\n  {\"id\": \"a\", \"title\": \"Từ Sơn\", \"date\": \"2020-02-30\"},\n\
        {\"id\": \"b\", \"title\": \"T\\u1eeb\", \"body\": [\"x\", {\"kind\": \"caption\", \"text\": \"y\"}]},\n\
        {\"id\": \"a\", \"title\": \"again\"}, {\"id\": \"c\",\n \"title\": 5},\n\
        {\"title\": \"no id\"}, {\"id\": 7, \"title\": \"Tu\u{31b}\u{300}\", \"time\": \"25:00\"}\n]\n";
    std::fs::write(&path, text).expect("write");
    let read = |block: usize| {
        let mut r = Reader {
            block,
            ..Reader::default()
        };
        r.read_path(&path);
        let problems: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
        (r.articles, problems)
    };
    let whole = read(usize::MAX);
    assert_eq!(whole.0.len(), 3, "{:?}", whole.1);
    assert_eq!(whole.1.len(), 5, "{:?}", whole.1);
    for block in [1, 40, 100, 1000] {
        assert_eq!(read(block), whole, "block {block}");
    }
}

/// A large array whose structure the scan cannot follow is read whole,
/// so its problems are told as exactly as a small file's; one bad
/// article inside a well-formed large array loses that article only.
#[test]
fn large_files_the_scan_leaves_are_read_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let read = |name: &str, text: &str, block: usize| {
        let r = read_file_in_blocks(dir.path(), name, text, block);
        let problems: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
        (r.articles.len(), problems)
    };
    for text in [
        "[{\"id\": \"a\", \"title\": \"A\"},\n{\"id\": \"b\", \"title\": \"B\"},]",
        "[{\"id\": \"a\", \"title\": \"A\"}\n{\"id\": \"b\", \"title\": \"B\"}]",
        "[{\"id\": \"a\", \"title\": \"A\"}\n",
    ] {
        assert_eq!(
            read("x.json", text, 1),
            read("x.json", text, usize::MAX),
            "{text:?}"
        );
    }
    // Objects one after another and JSON Lines: the same report read
    // in blocks as read whole, bad lines included.
    let a = "{\"id\": \"a\", \"title\": \"Từ Sơn\"}";
    let b = "{\"id\": \"b\", \"title\": \"B\", \"date\": \"2020-02-30\"}";
    let dup = "{\"id\": \"a\", \"title\": \"again\"}";
    for (name, text) in [
        ("s.json", format!("{a}{b}\n\n  {dup}\n")),
        ("s.json", format!("{a}\n{b},\n{dup}")),
        ("l.jsonl", format!("{a}\n\n{b}\n{dup}\n")),
        ("l.jsonl", format!("{a}\n{{\"id\": \"c\",\n{b}\n")),
        ("l.jsonl", format!("{a} {b}\n{dup}\n")),
        (
            "l.jsonl",
            format!("{a}\n{{\"id\": \"d\", \"title\": \"x\ny\"}}\n{b}\n"),
        ),
    ] {
        let whole = read(name, &text, usize::MAX);
        assert!(whole.0 > 0, "{text:?}: {whole:?}");
        assert_eq!(read(name, &text, 1), whole, "{text:?}");
    }
    let text = "[{\"id\": \"a\", \"title\": \"A\"},\n{\"id\": \"b\" \"title\": \"B\"},\n{\"id\": \"c\", \"title\": \"C\"}]";
    let (articles, problems) = read("y.json", text, 1);
    assert_eq!(articles, 2, "{problems:?}");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("y.json:2:12: article #2: expected `,` or `}`"),
        "{problems:?}"
    );
}

/// Locating every article reads each byte of the file once, whether
/// the articles are on lines of their own or all on one line, and so
/// does locating a syntax error on every line.
#[test]
fn positions_are_found_in_one_pass() {
    let articles: Vec<String> = (0..2000)
        .map(|i| format!("{{\"id\":\"{i}\",\"title\":\"Tiêu đề {i}\"}}"))
        .collect();
    let compact = format!("[{}]", articles.join(","));
    let pretty = format!("[\n{}\n]\n", articles.join(",\n"));
    let lines: String = articles.iter().map(|a| format!("{a}\n")).collect();
    let broken: String = articles.iter().map(|a| format!("{}\n", &a[1..])).collect();
    for (name, text, json_lines) in [
        ("compact", &compact, false),
        ("pretty", &pretty, false),
        ("stream", &lines, false),
        ("lines", &lines, true),
        ("broken", &broken, true),
    ] {
        let mut r = Reader::default();
        r.read_text(name, text, json_lines);
        let found = r.articles.len() + r.problems.len();
        assert_eq!(found, 2000, "{name}: {:?}", r.problems.first());
        assert!(
            r.cursor.scanned <= text.len(),
            "{name}: {} bytes examined for {}",
            r.cursor.scanned,
            text.len()
        );
    }
    // And the positions are right: the last article of the compact array.
    let mut r = Reader::default();
    r.read_text(
        "c.json",
        &format!("[{},\n {{\"id\":\"x\"}}]", articles.join(",")),
        false,
    );
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].position, Some((2, 2)), "{}", r.problems[0]);
    let mut r = Reader::default();
    r.read_text(
        "c.json",
        &format!("[{},{{\"id\":\"x\"}}]", articles.join(",")),
        false,
    );
    let column = compact.chars().count() + 1;
    assert_eq!(
        r.problems[0].position,
        Some((1, column)),
        "{}",
        r.problems[0]
    );
}

/// A JSON Lines file ends at its tail whether it is read whole or in
/// blocks: all its bytes, when they end a line; other files have none.
#[test]
fn json_lines_end_at_the_same_tail_read_whole_or_in_blocks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = "{\"id\": \"a\", \"title\": \"Từ Sơn\"}";
    let tail_of = |name: &str, text: &str, block: usize| {
        let r = read_file_in_blocks(dir.path(), name, text, block);
        r.parts.first().and_then(|p| p.tail)
    };
    let text = format!("\u{feff}{a}\n\n  \n{{\"id\": \n");
    let expected = Some(Tail {
        end: text.len() as u64,
        hash: Tailing::of(text.as_bytes()).map_or(0, |t| t.hash),
        lines: 4,
        items: 2,
    });
    for block in [1, usize::MAX] {
        assert_eq!(tail_of("l.jsonl", &text, block), expected, "block {block}");
        assert_eq!(tail_of("l.ndjson", &text, block), expected, "block {block}");
        assert_eq!(tail_of("l.jsonl", a, block), None, "a line not ended");
        assert_eq!(tail_of("l.jsonl", "", block), None, "nothing read");
        assert_eq!(tail_of("s.json", &format!("{a}\n"), block), None);
    }
}
