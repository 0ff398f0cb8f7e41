//! Ingesting the five seed articles (tests/fixtures/seeds, copies of
//! ../shared/seeds): what each must yield, and data/articles.json being
//! exactly what `tintuc ingest` makes of them.
#![allow(clippy::panic, reason = "a test fails by panicking")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::civil::{Date, Time, date, time};
use tintuc::gazetteer::Gazetteer;
use tintuc::ingest::{self, Ingested};
use tintuc::model::{Article, ParagraphKind};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

/// The lines of site chrome in the seeds: none may reach a body.
const CHROME: [&str; 6] = [
    "Tin tức - sự kiện nổi bật",
    "Phản hồi",
    "Các tin khác",
    "Mới nhất",
    "Liên kết website",
    "Số lượt xem",
];

fn seed_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

fn seed(prefix: &str) -> Ingested {
    let path = seed_files(FIXTURES)
        .into_iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_* in {FIXTURES}"));
    ingest::ingest_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The expected places, and every place the article may have besides:
/// their ancestors in the gazetteer.
fn check_places(a: &Article, expected: &[&str]) {
    let g = Gazetteer::embedded();
    let mut allowed: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
    for name in expected {
        for id in g.lookup(name) {
            for ancestor in g.ancestors(id) {
                if let Some(u) = g.unit(ancestor) {
                    allowed.insert(u.name.clone());
                }
            }
        }
    }
    for name in expected {
        assert!(
            a.places.iter().any(|p| p == name),
            "{}: {name} missing from {:?}",
            a.id,
            a.places
        );
    }
    for p in &a.places {
        assert!(
            allowed.contains(p),
            "{}: unexpected place {p} in {:?}",
            a.id,
            a.places
        );
    }
    let unique: BTreeSet<&String> = a.places.iter().collect();
    assert_eq!(unique.len(), a.places.len(), "{}: {:?}", a.id, a.places);
}

fn check_derived_title(a: &Article, lead_start: &str) {
    assert!(a.title.starts_with(lead_start), "{}: {:?}", a.id, a.title);
    assert!(a.title.ends_with('…'), "{}: {:?}", a.id, a.title);
    let n = a.title.chars().count();
    assert!(
        (50..=101).contains(&n),
        "{}: {n} characters: {:?}",
        a.id,
        a.title
    );
    // Cut between words: the character before "…" ends a word.
    let before = a.title.trim_end_matches('…');
    assert!(!before.ends_with(' '), "{:?}", a.title);
    let lead = a
        .body
        .iter()
        .find(|p| p.kind == ParagraphKind::Text)
        .map(|p| p.text.as_str())
        .unwrap_or("");
    assert!(
        lead.starts_with(before),
        "{}: not cut from the lead {lead:?}",
        a.id
    );
    let next = lead[before.len()..].chars().next();
    assert!(
        next.is_none_or(|c| !c.is_alphanumeric()),
        "{}: cut inside a word: {:?}",
        a.id,
        a.title
    );
}

fn check_date(a: &Article, d: Option<Date>, t: Option<Time>) {
    assert_eq!((a.date, a.time), (d, t), "{}", a.id);
}

fn check_common(a: &Article) {
    for p in &a.body {
        for chrome in CHROME {
            assert!(
                !p.text.contains(chrome),
                "{}: chrome {chrome:?} in {:?}",
                a.id,
                p.text
            );
        }
        assert_ne!(
            Some(&p.text),
            a.author.as_ref(),
            "{}: byline left in the body",
            a.id
        );
        assert_ne!(p.text, a.title, "{}: title left in the body", a.id);
    }
    assert!(!a.body.is_empty(), "{}", a.id);
}

#[test]
fn seed_000_caption_first_derived_title() {
    let a = seed("000").article;
    check_common(&a);
    check_derived_title(&a, "Nghị quyết Đại hội Đảng bộ thị xã Từ Sơn lần thứ XVIII");
    check_date(&a, None, None);
    check_places(&a, &["Từ Sơn"]);
    assert_eq!(a.author.as_deref(), Some("TL"));
    let caption = "Một góc thị xã Từ Sơn hôm nay. (Ảnh: Trúc Lam).";
    assert_ne!(a.title, caption);
    assert_eq!(
        a.body.first().map(|p| (p.kind, p.text.as_str())),
        Some((ParagraphKind::Caption, caption))
    );
}

#[test]
fn seed_001_title_line_and_trailing_chrome() {
    let a = seed("001").article;
    check_common(&a);
    assert_eq!(
        a.title,
        "Đảng bộ thành phố Từ Sơn sau một năm thực hiện Kết luận số 01-KL/TW"
    );
    check_date(&a, None, None);
    check_places(&a, &["Từ Sơn", "Hương Mạc", "Phù Chẩn"]);
    assert_eq!(a.author, None);
    // "tư tưởng Hồ Chí Minh" is the man, not the city.
    assert!(!a.places.iter().any(|p| p == "Hồ Chí Minh"));
    assert!(a.body.last().is_some_and(|p| p.text.ends_with("đề ra.")));
}

#[test]
fn seed_002_banner_date_subheadings_byline() {
    let a = seed("002").article;
    check_common(&a);
    assert_eq!(
        a.title,
        "Đưa Nghị quyết Đại hội XXIV Đảng bộ huyện vào cuộc sống"
    );
    check_date(&a, Some(date(2020, 9, 3)), Some(time(8, 17, 0, 0)));
    check_places(&a, &["Thường Tín"]);
    assert_eq!(a.author.as_deref(), Some("Ngọc Lâm"));
    let subheadings: Vec<&str> = a
        .body
        .iter()
        .filter(|p| p.kind == ParagraphKind::Subheading)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        subheadings,
        [
            "Khẩn trương tổ chức học tập, quán triệt Nghị quyết",
            "Cụ thể hóa bằng các chương trình công tác"
        ]
    );
    assert!(!a.body.iter().any(|p| p.text.contains("03/09/2020")));
}

#[test]
fn seed_003_date_prefix_belongs_to_the_header() {
    let a = seed("003").article;
    check_common(&a);
    check_derived_title(
        &a,
        "Trong 2 ngày 17-18/8, Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh",
    );
    check_date(&a, Some(date(2025, 8, 18)), None);
    check_places(
        &a,
        &[
            "Bắc Ninh",
            "Từ Sơn",
            "Đông Ngàn",
            "Đình Bảng",
            "Tân Hồng",
            "Phù Chẩn",
        ],
    );
    assert_eq!(a.author, None);
    assert!(
        a.body[0].text.starts_with("Trong 2 ngày 17-18/8,"),
        "{:?}",
        a.body[0].text
    );
    assert!(!a.body.iter().any(|p| p.text.contains("2025-08-18")));
    let captions = a
        .body
        .iter()
        .filter(|p| p.kind == ParagraphKind::Caption)
        .count();
    assert_eq!(captions, 2);
}

#[test]
fn seed_004_counter_and_two_authors() {
    let a = seed("004").article;
    check_common(&a);
    assert_eq!(
        a.title,
        "Thị ủy Từ Sơn giao ban khối Đảng, đoàn thể Quý III/2017"
    );
    check_date(&a, Some(date(2017, 10, 12)), Some(time(8, 56, 0, 0)));
    check_places(&a, &["Từ Sơn", "Đồng Kỵ"]);
    assert_eq!(a.author.as_deref(), Some("Thu Thủy - Xuân Khương"));
    assert!(
        a.body[0].text.starts_with("Sáng ngày 11/10"),
        "{:?}",
        a.body[0].text
    );
}

#[test]
fn fixtures_are_the_shared_seeds() {
    let shared = Path::new(SHARED);
    assert!(
        shared.is_dir(),
        "the seed articles are missing: expected them in {} (../shared/seeds next to the repository)",
        shared.display()
    );
    let names = |files: Vec<PathBuf>| -> Vec<String> {
        files
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect()
    };
    let shared_files = seed_files(SHARED);
    assert_eq!(names(seed_files(FIXTURES)), names(shared_files.clone()));
    for path in shared_files {
        let name = path.file_name().unwrap_or_default();
        let copy = Path::new(FIXTURES).join(name);
        assert_eq!(
            std::fs::read(&path).ok(),
            std::fs::read(&copy).ok(),
            "{} differs from {}",
            copy.display(),
            path.display()
        );
    }
}

#[test]
fn data_articles_json_is_what_ingest_makes() {
    let out = Command::new(env!("CARGO_BIN_EXE_tintuc"))
        .args(["ingest", FIXTURES])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles.json"))
        .expect("data/articles.json");
    assert!(
        out.stdout == committed,
        "data/articles.json is not what `tintuc ingest ../shared/seeds` makes: \
         regenerate it with `cargo run -- ingest ../shared/seeds -o data/articles.json`"
    );
}
