//! An index brought up to date answers as one built from scratch, and
//! says what the reading said, whatever files come, change and go.

use std::path::Path;

use proptest::prelude::*;

use crate::load::DataSource;
use crate::model::{Article, text_article, to_json};
use crate::progress::Progress;
use crate::search::open::{How, IndexPlace, Opened, Update, open};
use crate::search::{Engine, SortOrder};
use crate::test_fs::write_settled;

/// Files of the collection: JSON arrays in a directory and beside it
/// (`c/d.json` is read before `c-e.json`), a raw page, and JSON Lines
/// (appended to, their new lines read on their own).
const FILES: &[&str] = &[
    "a.json", "b.json", "c/d.json", "c-e.json", "g.txt", "f.jsonl",
];

const WORDS: &[&str] = &["nông", "thôn", "mới", "Từ", "Sơn", "xã", "covid", "tin"];

const QUERIES: &[&str] = &[
    "thon",
    "t",
    // Two-letter prefixes kept beside the index when common, read back.
    "th",
    "no",
    // Three- and four-letter prefixes kept when common, a spelling too.
    "tho",
    "thon",
    "tus",
    "\"nong thon\"",
    "tuson",
    "!covid",
    "#2020",
    "xa|tin",
];

/// What a step does to one file.
#[derive(Debug, Clone)]
enum Step {
    /// Written with these articles (ids from a small pool, so that files
    /// share ids now and then).
    Write(usize, Vec<(u8, String, Option<i64>)>),
    Remove(usize),
    /// Written with text that is not a collection.
    Garble(usize),
    /// JSON Lines appended (a collection written anew): the articles, a
    /// malformed line after them or not, the last line ended or not.
    Append(usize, Vec<(u8, String, Option<i64>)>, bool, bool),
}

fn step() -> impl Strategy<Value = Step> {
    let article = (
        0u8..10,
        proptest::collection::vec(proptest::sample::select(WORDS), 1..5).prop_map(|w| w.join(" ")),
        proptest::option::of(0i64..800),
    );
    prop_oneof![
        4 => (0..FILES.len(), proptest::collection::vec(article.clone(), 0..4))
            .prop_map(|(f, a)| Step::Write(f, a)),
        1 => (0..FILES.len()).prop_map(Step::Remove),
        1 => (0..FILES.len()).prop_map(Step::Garble),
        4 => (
            // Mostly the JSON Lines file (other files are written anew).
            prop_oneof![3 => Just(FILES.len() - 1), 1 => 0..FILES.len()],
            proptest::collection::vec(article.clone(), 0..4),
            proptest::bool::weighted(0.2),
            proptest::bool::weighted(0.8),
        )
            .prop_map(|(f, a, bad, ended)| Step::Append(f, a, bad, ended)),
    ]
}

fn article((id, title, day): &(u8, String, Option<i64>)) -> Article {
    let date = day.and_then(|d| {
        jiff::civil::date(2019, 6, 1)
            .checked_add(jiff::Span::new().days(d))
            .ok()
    });
    Article {
        date,
        month_only: false,
        ..text_article(&format!("a{id}"), title, &[&format!("{title} nông thôn")])
    }
}

/// JSON Lines of `articles`, each line ended.
fn lines(articles: &[(u8, String, Option<i64>)]) -> String {
    let one = to_json(&articles.iter().map(article).collect::<Vec<_>>());
    let values: Vec<serde_json::Value> = serde_json::from_str(&one).expect("articles");
    values.iter().map(|v| format!("{v}\n")).collect()
}

fn apply(root: &Path, step: &Step) {
    let (file, text) = match step {
        Step::Append(f, articles, bad, ended) if FILES[*f].ends_with(".jsonl") => {
            let path = root.join(FILES[*f]);
            let mut text = std::fs::read_to_string(&path).unwrap_or_default();
            text.push_str(&lines(articles));
            if *bad {
                text.push_str("{\"id\": \n");
            }
            if !ended {
                text.pop();
            }
            (FILES[*f], text)
        }
        Step::Write(f, articles) | Step::Append(f, articles, ..) => {
            let name = FILES[*f];
            let text = if name.ends_with(".jsonl") {
                lines(articles)
            } else if name.ends_with(".txt") {
                // A raw page: its title, then its text; its id is its name.
                let words: Vec<&str> = articles.iter().map(|a| a.1.as_str()).collect();
                format!(
                    "Tin {}\n\n{} nông thôn mới.\n",
                    words.join(" "),
                    words.join(", ")
                )
            } else {
                to_json(&articles.iter().map(article).collect::<Vec<_>>())
            };
            (name, text)
        }
        Step::Remove(f) => {
            let _ = std::fs::remove_file(root.join(FILES[*f]));
            return;
        }
        Step::Garble(f) => (FILES[*f], "[{\"id\": ".to_string()),
    };
    let path = root.join(file);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("directory");
    }
    write_settled(&path, text);
}

/// Per query and order, the ids found and their scores.
type Answers = Vec<Vec<(String, i64)>>;

fn answers(engine: &mut Engine) -> Answers {
    let mut out = Vec::new();
    for sort in [SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest] {
        for q in QUERIES {
            let hits = engine.search(q, sort).hits;
            out.push(
                hits.iter()
                    .map(|h| (engine.article_id(h.article).unwrap_or_default(), h.score))
                    .collect(),
            );
        }
    }
    out
}

/// What a reader sees of an opening: the answers and what was left out.
fn seen(
    opened: Result<Opened, crate::load::LoadError>,
) -> Result<(Answers, Vec<String>, usize), Vec<String>> {
    match opened {
        Ok(mut o) => Ok((
            answers(&mut o.engine),
            o.problems.iter().map(ToString::to_string).collect(),
            o.engine.len(),
        )),
        Err(e) => Err(e.problems.iter().map(ToString::to_string).collect()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// After every change to the files, opening with the index on disk
    /// (updated, or rebuilt when it must be) answers as reading the
    /// collection afresh does; most changes are updates.
    #[test]
    fn an_updated_index_answers_as_a_rebuilt_one(
        first in proptest::collection::vec(step(), 1..5),
        then in proptest::collection::vec(step(), 1..6),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("data");
        std::fs::create_dir(&root).expect("data");
        let index = IndexPlace::Dir(dir.path().join("index"));
        let source = DataSource::Path(root.clone());
        for s in &first {
            apply(&root, s);
        }
        let _ = open(&source, &index, &Progress::new());
        for s in &then {
            apply(&root, s);
            let fresh = seen(open(&source, &IndexPlace::Memory, &Progress::new()));
            let opened = open(&source, &index, &Progress::new());
            let how = opened.as_ref().map(|o| o.how.clone()).ok();
            prop_assert!(
                !matches!(how, Some(How::InMemory(_) | How::Last)),
                "{:?}", how
            );
            prop_assert_eq!(seen(opened), fresh, "after {:?} ({:?})", s, how);
            // Opened again, nothing changed: the same, nothing read.
            let again = open(&source, &index, &Progress::new());
            if let Ok(o) = &again {
                prop_assert_eq!(&o.how, &How::Opened);
            }
        }
    }
}

/// A JSON Lines file that a scraper appends to: only its new lines are
/// read, numbered on (a bad line is placed as a fresh reading places
/// it); a file changed before its old end, or given an id it already
/// had, is read again whole; one written again with the same bytes
/// reads nothing.
#[test]
fn lines_appended_to_a_json_lines_file_are_read_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("data");
    std::fs::create_dir(&root).expect("data");
    let path = root.join("f.jsonl");
    let index = IndexPlace::Dir(dir.path().join("index"));
    let source = DataSource::Path(root.clone());
    let first = (1, "nông thôn".to_string(), Some(3));
    let more = [
        (2, "Từ Sơn".to_string(), None),
        (3, "xã mới".to_string(), Some(9)),
    ];
    write_settled(&path, format!("{}\n", lines(std::slice::from_ref(&first))));
    let opened = open(&source, &index, &Progress::new()).expect("built");
    assert!(matches!(opened.how, How::Built(_)), "{:?}", opened.how);
    let mut text = std::fs::read_to_string(&path).expect("read");
    // Growth checked against a fresh reading, and how it was done.
    let grow = |text: &str, how: How| {
        write_settled(&path, text);
        let fresh = seen(open(&source, &IndexPlace::Memory, &Progress::new()));
        let opened = open(&source, &index, &Progress::new());
        assert_eq!(opened.as_ref().map(|o| o.how.clone()).ok(), Some(how));
        assert_eq!(seen(opened), fresh, "{text:?}");
    };
    text.push_str(&lines(&more));
    text.push_str("{\"id\": \n");
    let update = Update {
        grew: 1,
        articles: 2,
        ..Update::default()
    };
    grow(&text, How::Updated(update));
    assert_eq!(update.to_string(), "1 file grew (2 articles read)");
    let problems = open(&source, &index, &Progress::new())
        .expect("opens")
        .problems;
    let placed: Vec<_> = problems.iter().map(|p| p.position).collect();
    assert_eq!(placed, [Some((5, 6))], "the bad line, after 4 lines");
    // The same bytes written again: nothing read.
    grow(&text, How::Updated(Update::default()));
    // A byte changed before the old end, and a line added.
    let changed = text.replace("nông", "nong") + &lines(&[(4, "tin".into(), None)]);
    grow(
        &changed,
        How::Updated(Update {
            changed: 1,
            articles: 4,
            ..Update::default()
        }),
    );
    // An id the file already had: everything read again.
    let again = changed.clone() + &lines(&[(2, "Từ Sơn lại".into(), None)]);
    grow(
        &again,
        How::Built(crate::search::store::disk::CHANGED.into()),
    );
}
