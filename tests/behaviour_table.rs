//! The meaning of the query language and of the ranking, as a table of
//! `query → the ids found, in order`, over a collection written to tell
//! behaviours apart (tests/fixtures/behaviour.json: each id says what its
//! article is for). The same table runs through the library
//! (`Engine::search`) and through `tintuc search --json`, so it judges any
//! engine behind either door. Some rows also pin what is highlighted.
//!
//! The fixture's groups: words sharing a start (`prefix-*`: thôn, thông,
//! nông thôn, thô), a phrase within one paragraph, across two, and
//! scattered (`phrase-*`), diacritics and tone placement (`diac-*`,
//! `tone-*`), abbreviations written short and long (`abbr-*`), places on
//! both sides of the 2025 reorganisation (`place-*`: Đồng Kỵ became part
//! of phường Đồng Nguyên; xã Nội Bài, a new name, was made from Mai Đình),
//! dates at the ends of a month and undated (`date-*`), and pairs ordered
//! by one ranking rule each (`rank-*`): in each pair the second article is
//! newer and, where it can be, mentions the word more often, so only the
//! rule puts it second.
#![allow(clippy::panic, reason = "a test fails by panicking")]

#[path = "common/binary.rs"]
mod binary;
#[path = "behaviour_table/highlights.rs"]
mod highlights;

use std::path::PathBuf;

use highlights::HIGHLIGHTS;
use tintuc::load::{self, DataSource};
use tintuc::search::{Engine, SortOrder};
use unicode_normalization::UnicodeNormalization;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/behaviour.json")
}

/// One row: a query and the ids it must find, best first.
type Row = (&'static str, &'static [&'static str]);

const TUSON: &[&str] = &["place-huongmac", "place-dongky", "place-tuson"];
const BACNINH: &[&str] = &["covid-1", "place-huongmac", "place-dongky", "place-tuson"];
const THON: &[&str] = &[
    "prefix-nong-thon",
    "prefix-thon",
    "place-trucson",
    "prefix-thong",
    "abbr-hdnd-short",
    "place-thuongtin",
];
/// "phien" forgives one typo: "khiến" (covid-1) ranks after every
/// "phiên".
const PHIEN: &[&str] = &[
    "date-oct-01",
    "date-sep-30",
    "date-sep-01",
    "date-aug-31",
    "date-undated",
    "covid-1",
];
/// What a typo of "phien" finds: the "phiên" of each, not "khiến" (two
/// edits from "phein").
const PHIEN_EXACT: &[&str] = &[
    "date-oct-01",
    "date-sep-30",
    "date-sep-01",
    "date-aug-31",
    "date-undated",
];
const HO: &[&str] = &[
    "rank-title-2",
    "place-socson",
    "place-noibai",
    "rank-date-new",
    "date-leap",
    "rank-repeat-2",
    "abbr-hdnd-short",
    "phrase-one-para",
    "date-oct-01",
    "date-sep-30",
    "date-sep-01",
    "date-aug-31",
    "tone-hoa-new",
    "tone-hoa-old",
    "rank-date-old",
    "rank-date-undated",
    "date-undated",
    "phrase-across-paras",
    "rank-adjacent-1",
    "rank-adjacent-2",
    "abbr-hdnd-long",
    "phrase-scattered",
    "prefix-tho",
    "prefix-nong-thon",
    "diac-dang-party",
    "place-dongky",
];
const XIEM: &[&str] = &["rank-date-new", "rank-date-old", "rank-date-undated"];
const PHIEN_2020_09: &[&str] = &["date-sep-30", "date-sep-01"];
const UBND: &[&str] = &["abbr-ubnd-long", "abbr-ubnd-short"];
const HDND: &[&str] = &["abbr-hdnd-long", "abbr-hdnd-short"];

const ROWS: &[Row] = &[
    // Keywords: a word that starts with what is typed, diacritics folded.
    ("thon", THON),
    ("THÔN", THON),
    (
        "thông",
        &["prefix-thong", "abbr-hdnd-short", "place-thuongtin"],
    ),
    // Diacritics typed count: "thô" starts "thôn" and "thông", whole in "thô"
    // (of the titles that start "thôn" or "thông", those with the rarer
    // word first).
    (
        "thô",
        &[
            "prefix-tho",
            "prefix-nong-thon",
            "prefix-thon",
            "place-trucson",
            "prefix-thong",
            "abbr-hdnd-short",
            "place-thuongtin",
        ],
    ),
    (
        "dang",
        &["diac-dang-form", "diac-dang-party", "diac-dang-now"],
    ),
    ("đang", &["diac-dang-now"]),
    ("Đảng", &["diac-dang-party"]),
    ("dạng", &["diac-dang-form"]),
    // Old and new tone placement are one spelling ("Thị ủy" spells it
    // across title words, last).
    ("hoà", &["tone-hoa-new", "tone-hoa-old", "prefix-nong-thon"]),
    ("hòa", &["tone-hoa-new", "tone-hoa-old", "prefix-nong-thon"]),
    (
        "thuỷ",
        &[
            "place-thuongtin",
            "tone-thuy-new",
            "tone-thuy-old",
            "place-tuson",
        ],
    ),
    (
        "thủy",
        &[
            "place-thuongtin",
            "tone-thuy-new",
            "tone-thuy-old",
            "place-tuson",
        ],
    ),
    // Typos: one edit forgiven from five letters, two from nine, one in
    // a shorter word that starts nothing; found as typed ranks first.
    ("phein", PHIEN_EXACT),
    ("phieen", PHIEN_EXACT),
    // "thn" starts no word: every word one edit from a start of it.
    (
        "thn",
        &[
            "rank-repeat-2",
            "rank-title-2",
            "abbr-hdnd-short",
            "phrase-across-paras",
            "prefix-tho",
            "prefix-nong-thon",
            "prefix-thong",
            "prefix-thon",
            "place-thuongtin",
            "date-oct-01",
            "date-sep-30",
            "date-sep-01",
            "date-aug-31",
            "spell-tuson",
            "diac-dang-form",
            "diac-dang-party",
            "tone-thuy-new",
            "tone-thuy-old",
            "place-tuson",
            "place-trucson",
            "place-noibai",
            "place-maidinh",
            "rank-adjacent-2",
            "rank-prefix-2",
            "abbr-ubnd-short",
            "rank-adjacent-1",
            "rank-repeat-1",
            "date-undated",
        ],
    ),
    (
        "nong thn",
        &["rank-repeat-2", "prefix-nong-thon", "rank-repeat-1"],
    ),
    ("khuaan", &["covid-1"]),
    (
        "hooa",
        &[
            "rank-repeat-2",
            "tone-hoa-new",
            "tone-hoa-old",
            "rank-date-undated",
            "prefix-nong-thon",
        ],
    ),
    (
        "sonn",
        &[
            "spell-tuson",
            "place-tuson",
            "place-trucson",
            "place-socson",
        ],
    ),
    // Every keyword must match.
    ("nong thon", &["prefix-nong-thon"]),
    ("nong thon xyz", &[]),
    // 'exact: the whole word only.
    (
        "'thon",
        &["prefix-nong-thon", "prefix-thon", "place-trucson"],
    ),
    ("'thô", &["prefix-tho"]),
    ("'tho", &["prefix-tho"]),
    ("'hòa", &["tone-hoa-new", "tone-hoa-old"]),
    // Without the tone typed, "hoa" (flower) is the same word too.
    (
        "'hoa",
        &["tone-hoa-new", "tone-hoa-old", "rank-date-undated"],
    ),
    // A start typed with its tone mark: "hò" starts "hoà", "hó" does not,
    // nor any word: it is searched without its mark (with a hint).
    ("hò", &["tone-hoa-new", "tone-hoa-old", "prefix-nong-thon"]),
    ("hó", HO),
    ("ho", HO),
    // "phrase": words one after another within one paragraph.
    ("\"đèn đường\"", &["phrase-one-para"]),
    ("\"bóng đèn đường\"", &[]),
    // An open phrase (being typed): the last word is a word start.
    ("\"đèn đư", &["phrase-one-para"]),
    ("\"nông th", &["prefix-nong-thon"]),
    // Keywords side by side outrank keywords found in the title apart.
    (
        "đèn đường",
        &["phrase-one-para", "phrase-scattered", "phrase-across-paras"],
    ),
    // !negation: any kind of term; a negated keyword is exact, not spelled.
    ("@bacninh !@tuson", &["covid-1"]),
    ("@tuson !tuson", TUSON),
    (
        "phien !#2020-09",
        &["date-oct-01", "date-aug-31", "covid-1"],
    ),
    ("xiem !xuan", &[]),
    ("sen !ao", &["rank-title-2"]),
    // a|b: either term, the union.
    (
        "covid|@hanoi",
        &[
            "covid-1",
            "place-noibai",
            "place-maidinh",
            "place-thuongtin",
            "place-socson",
        ],
    ),
    (
        "sen|tre",
        &[
            "rank-whole-1",
            "rank-title-1",
            "rank-whole-2",
            "rank-title-2",
        ],
    ),
    ("covid", &["covid-1"]),
    // One and two letters: the first keystrokes of a word.
    ("xi", XIEM),
    ("ub", &["abbr-ubnd-short"]),
    // Spelling across title words, from word beginnings. A place's name
    // run together also finds the articles about the place (or a place
    // inside it: Hương Mạc, Đồng Kỵ), first, and its name as words.
    (
        "tuson",
        &[
            "place-tuson",
            "place-huongmac",
            "place-dongky",
            "spell-tuson",
        ],
    ),
    (
        "thixatuson",
        &[
            "place-huongmac",
            "place-dongky",
            "place-tuson",
            "spell-tuson",
        ],
    ),
    ("txts", &["spell-tuson"]),
    (
        "từsơn",
        &[
            "place-tuson",
            "place-huongmac",
            "place-dongky",
            "spell-tuson",
        ],
    ),
    // Marks that start no word are dropped (with a hint).
    ("tusơn", &["spell-tuson", "place-tuson"]),
    ("tusonx", &[]),
    // Initials of consecutive title words; scattered letters do not count.
    ("lgmn", &["spell-tuson"]),
    ("lmnt", &[]),
    // A word with a hyphen is its parts one after another.
    ("covid-19", &["covid-1"]),
    ("covid-20", &[]),
    // A phrase among keywords is one term of several.
    ("sửa \"dọn đường\" ngõ", &["phrase-scattered"]),
    ("sửa \"đường dọn\" ngõ", &[]),
    // Unfinished terms are ignored while typing.
    ("xiem !", XIEM),
    ("xiem '", XIEM),
    ("xiem \"", XIEM),
    ("xiem |", XIEM),
    ("xiem !|", XIEM),
    ("xiem \"\"", XIEM),
    ("xiem @", XIEM),
    ("xiem @\"", XIEM),
    ("xiem @\"\"", XIEM),
    ("xiem is:", XIEM),
    // is: terms over no reading state: everything is unread; an unknown
    // value is a hint and filters nothing.
    ("xiem is:unread", XIEM),
    ("xiem is:u", XIEM),
    ("xiem is:read", &[]),
    ("xiem !is:read", XIEM),
    ("xiem is:bookmarked", &[]),
    ("xiem is:starred", XIEM),
    // @place: the place and all inside it, under old and new names.
    ("@tuson", TUSON),
    ("@\"Từ Sơn\"", TUSON),
    ("@\"tu son\"", TUSON),
    ("@\"TỪ SƠN\"", TUSON),
    ("@\"thị xã Từ Sơn\"", TUSON),
    ("@thanhphotuson", TUSON),
    ("@\"thành phố Từ Sơn\"", TUSON),
    // An unfinished quoted name is a start.
    ("@\"Từ", TUSON),
    ("@\"Tú Sơn\"", &[]),
    ("@trucson", &["place-trucson"]),
    ("@huongmac", &["place-huongmac"]),
    ("@bacninh", BACNINH),
    ("@\"Bắc Ninh\"", BACNINH),
    // Only when no place has the name exactly: near names, then starts.
    ("@bacnnh", BACNINH),
    ("@bac", BACNINH),
    ("@trcson", &["place-trucson"]),
    // The 2025 reorganisation: Đồng Kỵ became part of phường Đồng Nguyên;
    // xã Nội Bài (a new name) was made from Mai Đình and others.
    ("@dongnguyen", &["place-dongky"]),
    ("@noibai", &["place-noibai", "place-maidinh"]),
    ("@maidinh", &["place-noibai", "place-maidinh"]),
    (
        "@socson",
        &["place-noibai", "place-maidinh", "place-socson"],
    ),
    (
        "@hanoi",
        &[
            "place-noibai",
            "place-maidinh",
            "place-thuongtin",
            "place-socson",
        ],
    ),
    // #dates: year, month, day, both orders, ranges; undated never match.
    ("phien", PHIEN),
    ("phien #2020-09", PHIEN_2020_09),
    ("phien #2020-09..2020-09", PHIEN_2020_09),
    ("phien #9/2020", PHIEN_2020_09),
    ("phien #2020-09-01", &["date-sep-01"]),
    ("phien #1/9/2020", &["date-sep-01"]),
    (
        "phien #2020",
        &["date-oct-01", "date-sep-30", "date-sep-01", "date-aug-31"],
    ),
    (
        "phien #20",
        &[
            "date-oct-01",
            "date-sep-30",
            "date-sep-01",
            "date-aug-31",
            "covid-1",
        ],
    ),
    (
        "phien #2020-09..",
        &["date-oct-01", "date-sep-30", "date-sep-01", "covid-1"],
    ),
    ("phien #..2020-08", &["date-aug-31"]),
    (
        "phien #2020-08..2020-09",
        &["date-sep-30", "date-sep-01", "date-aug-31"],
    ),
    (
        "phien #202",
        &[
            "date-oct-01",
            "date-sep-30",
            "date-sep-01",
            "date-aug-31",
            "covid-1",
        ],
    ),
    (
        "phien #2017..",
        &[
            "date-oct-01",
            "date-sep-30",
            "date-sep-01",
            "date-aug-31",
            "covid-1",
        ],
    ),
    ("phien #2017..2019", &[]),
    (
        "phien #2017-2020",
        &["date-oct-01", "date-sep-30", "date-sep-01", "date-aug-31"],
    ),
    ("nhuan #2/2024", &["date-leap"]),
    ("nhuan #2024-02", &["date-leap"]),
    ("nhuan #29/2/2024", &["date-leap"]),
    // "nhuan" forgives one typo: "chuẩn" (2023).
    ("nhuan #2023", &["rank-prefix-2"]),
    ("phien #2021..20", &["covid-1"]),
    ("phien #..2019", &[]),
    // A date that cannot be is a hint and filters nothing.
    ("phien #31/2/2020", PHIEN),
    ("phien #2020..2017", PHIEN),
    ("phien #abc", PHIEN),
    ("phien #2020-13", PHIEN),
    (
        "#..2016",
        &[
            "rank-date-old",
            "rank-adjacent-1",
            "rank-repeat-1",
            "rank-prefix-1",
            "rank-whole-1",
            "place-trucson",
            "rank-title-1",
            "place-socson",
        ],
    ),
    (
        "#2017..2018",
        &[
            "place-dongky",
            "tone-thuy-new",
            "tone-thuy-old",
            "tone-hoa-new",
            "tone-hoa-old",
            "place-tuson",
        ],
    ),
    // Abbreviations match their expansions, both ways.
    ("UBND", UBND),
    ("ubnd", UBND),
    ("\"ủy ban nhân dân\"", UBND),
    ("\"uỷ ban nhân dân\"", UBND),
    ("\"uy ban nhan dan\"", UBND),
    ("HĐND", HDND),
    ("\"hội đồng nhân dân\"", HDND),
    ("NTM", &["prefix-nong-thon"]),
    // Ranking, one rule per pair (the second of each pair is newer, so
    // the date tie-break alone would put it first):
    // a title match over any body match, repeats included;
    ("sen", &["rank-title-1", "rank-title-2"]),
    // a whole word over a word start;
    ("tre", &["rank-whole-1", "rank-whole-2"]),
    // a word start over a spelling across title words;
    ("chua", &["rank-prefix-1", "rank-prefix-2"]),
    // repeated mentions count;
    ("vải", &["rank-repeat-1", "rank-repeat-2"]),
    // keywords side by side as typed over scattered ones;
    ("mit thai", &["rank-adjacent-1", "rank-adjacent-2"]),
    // the rarer word over the common one ("bông" in one body, "bóng" in
    // three), then the date;
    (
        "bong",
        &[
            "rank-rare-1",
            "rank-rare-2",
            "rank-rare-common",
            "phrase-across-paras",
        ],
    ),
    // ties go newest first, undated last.
    (
        "xiem",
        &["rank-date-new", "rank-date-old", "rank-date-undated"],
    ),
];

fn engine() -> Engine {
    let collection = load::load(&DataSource::Path(fixture())).expect("the fixture loads");
    Engine::new(collection)
}

fn through_library(e: &mut Engine, query: &str) -> Vec<String> {
    e.search(query, SortOrder::Relevance)
        .hits
        .iter()
        .filter_map(|h| e.article_id(h.article))
        .collect()
}

fn through_binary(query: &str) -> Vec<String> {
    let mut cmd = binary::tintuc();
    cmd.args(["search", "--json", "--limit", "0", "--data"])
        .arg(fixture())
        .arg("--")
        .arg(query);
    let out = binary::run(cmd);
    let stdout = String::from_utf8_lossy(&out.stdout);
    match out.status.code() {
        Some(1) => {
            // Nothing matched: nothing, or an empty array.
            let rest = stdout.trim();
            assert!(
                rest.is_empty() || rest == "[]",
                "{query}: exit 1 with {stdout}"
            );
            Vec::new()
        }
        Some(0) => {
            let rows: Vec<serde_json::Value> =
                serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{query}: {e}: {stdout}"));
            rows.iter()
                .map(|r| r["id"].as_str().expect("id").to_string())
                .collect()
        }
        other => panic!(
            "{query}: exit {other:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// The rows whose result differs from the table, described.
fn wrong_rows(rows: &[Row], found: impl FnMut(&str) -> Vec<String>) -> Vec<String> {
    let mut found = found;
    rows.iter()
        .filter_map(|&(query, want)| {
            let got = found(query);
            (got != want).then(|| format!("{query:?}\n  want {want:?}\n  got  {got:?}"))
        })
        .collect()
}

fn assert_rows(rows: &[Row], found: impl FnMut(&str) -> Vec<String>) {
    let wrong = wrong_rows(rows, found);
    assert!(
        wrong.is_empty(),
        "{} of {} rows disagree:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_table_names_only_articles_of_the_fixture() {
    let e = engine();
    let ids: Vec<String> = (0..e.len()).filter_map(|n| e.article_id(n)).collect();
    assert!((30..=80).contains(&ids.len()), "{} articles", ids.len());
    for (query, want) in ROWS {
        for id in *want {
            assert!(ids.iter().any(|i| i == id), "{query}: no article {id}");
        }
    }
    for h in HIGHLIGHTS {
        assert!(
            ids.iter().any(|i| i == h.id),
            "{}: no article {}",
            h.query,
            h.id
        );
    }
}

#[test]
fn the_table_through_the_library() {
    let mut e = engine();
    assert_rows(ROWS, |q| through_library(&mut e, q));
}

#[test]
fn the_table_through_the_library_from_a_fresh_engine_per_row() {
    // Each row alone, so no cached result of an earlier row helps.
    assert_rows(ROWS, |q| through_library(&mut engine(), q));
}

#[test]
fn the_table_through_the_binary() {
    assert_rows(ROWS, through_binary);
}

/// Terms that cannot mean anything: the query's hint, which starts with
/// the term and says why, through the library and on the binary's stderr.
const HINTS: &[(&str, &str, &str)] = &[
    ("phien #2020-13", "#2020-13", "no month 13"),
    ("phien #31/2/2020", "#31/2/2020", "does not exist"),
    ("phien #2020..2017", "#2020..2017", "ends before it starts"),
    ("phien #abc", "#abc", "not a date"),
    ("xiem is:starred", "is:starred", "not known"),
];

#[test]
fn terms_that_cannot_mean_anything_are_explained() {
    let mut e = engine();
    for &(query, term, why) in HINTS {
        let hints = e.search(query, SortOrder::Relevance).hints;
        assert!(
            hints.len() == 1 && hints[0].starts_with(term) && hints[0].contains(why),
            "{query}: {hints:?}"
        );
        let mut cmd = binary::tintuc();
        cmd.args(["search", "--json", "--limit", "0", "--data"])
            .arg(fixture())
            .arg("--")
            .arg(query);
        let out = binary::run(cmd);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(term) && stderr.contains(why),
            "{query}: {stderr}"
        );
    }
}

#[test]
fn the_table_typed_letter_by_letter() {
    // What the browser does: every prefix of the query searched in turn,
    // each one over the results the engine kept from the one before.
    let mut e = engine();
    assert_rows(ROWS, |q| {
        let mut typed = String::new();
        for c in q.chars() {
            typed.push(c);
            e.search(&typed, SortOrder::Relevance);
        }
        through_library(&mut e, q)
    });
}

#[test]
fn queries_in_nfd_find_what_nfc_finds() {
    let mut e = engine();
    for &(query, want) in ROWS {
        let nfd: String = query.nfd().collect();
        assert_eq!(through_library(&mut e, &nfd), want, "{query} in NFD");
    }
}

#[test]
fn highlights_fall_on_the_matched_text() {
    let e = engine();
    let mut wrong = Vec::new();
    for h in HIGHLIGHTS {
        let i = e.find_id(h.id).expect("article");
        let a = e.article(i).expect("article");
        let m = e.matches(i, h.query);
        let title: Vec<&str> = m.title.iter().map(|r| &a.title[r.clone()]).collect();
        let body: Vec<(usize, &str)> = m
            .body
            .iter()
            .map(|(p, r)| (*p, &a.body[*p].text[r.clone()]))
            .collect();
        if title != h.title || body != h.body {
            wrong.push(format!(
                "{:?} in {}: want {:?} {:?}, got {title:?} {body:?}",
                h.query, h.id, h.title, h.body
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn list_rows_highlight_what_the_reading_pane_highlights_in_the_title() {
    // A list row shows the title only, and finds its highlights without
    // reading the body: they must be the title's highlights all the same.
    let e = engine();
    let queries = ROWS
        .iter()
        .map(|&(q, _)| q)
        .chain(HIGHLIGHTS.iter().map(|h| h.query));
    for query in queries {
        let parsed = tintuc::search::parse(query);
        for article in 0..e.len() {
            assert_eq!(
                e.title_matches_of(article, &parsed),
                e.matches_of(article, &parsed).title,
                "{query:?} in {}",
                e.article_id(article).unwrap_or_default()
            );
        }
    }
}
