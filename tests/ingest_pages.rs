//! Page shapes found on real Vietnamese news and government sites,
//! written again in our own words (tests/fixtures/pages, one file per
//! shape) and labelled in `labels.json` as `scripts/ingest_score.py`
//! reads labels: the title (none when the page prints no headline), the
//! date as the collection's JSON writes it ("2025-07" when only the month
//! is known), the places and the byline's names. Every field of every
//! page must come out exactly as labelled.
#![allow(clippy::panic, reason = "a test fails by panicking")]

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use tintuc::ingest;

const PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages");

fn labels() -> Vec<Value> {
    let path = Path::new(PAGES).join("labels.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    match serde_json::from_str(&text) {
        Ok(Value::Array(labels)) => labels,
        other => panic!("{path:?}: not a list of labels: {other:?}"),
    }
}

fn names(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// The names of a byline: "Thu Thủy - Xuân Khương" is two.
fn byline_names(byline: Option<&str>) -> BTreeSet<String> {
    byline
        .into_iter()
        .flat_map(|b| b.split([',', ';', '–']).flat_map(|p| p.split(" - ")))
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn every_page_shape_yields_its_labelled_parts() {
    let labels = labels();
    assert!(labels.len() >= 15, "{} labelled pages", labels.len());
    let mut wrong = Vec::new();
    for label in &labels {
        let file = label["file"].as_str().unwrap_or_else(|| panic!("{label}"));
        let ingested = ingest::ingest_file(&Path::new(PAGES).join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let article = &ingested.article;
        let json = serde_json::to_value(article).unwrap_or_else(|e| panic!("{file}: {e}"));
        if let Some(title) = label["title"].as_str()
            && article.title != title
        {
            wrong.push(format!("{file}: title {:?}, not {title:?}", article.title));
        }
        if json["date"] != label["date"] {
            wrong.push(format!(
                "{file}: date {}, not {}",
                json["date"], label["date"]
            ));
        }
        let places: BTreeSet<String> = article.places.iter().cloned().collect();
        if places != names(&label["places"]) {
            wrong.push(format!(
                "{file}: places {places:?}, not {}",
                label["places"]
            ));
        }
        let people = names(&label["not_places"]);
        if !places.is_disjoint(&people) {
            wrong.push(format!("{file}: {people:?} are not places"));
        }
        // A press review's items keep their headlines, as subheadings.
        if let Some(want) = label["subheadings"].as_array() {
            let got: Vec<&str> = article
                .body
                .iter()
                .filter(|p| p.kind == tintuc::model::ParagraphKind::Subheading)
                .map(|p| p.text.as_str())
                .collect();
            let want: Vec<&str> = want.iter().filter_map(Value::as_str).collect();
            if got != want {
                wrong.push(format!("{file}: subheadings {got:?}, not {want:?}"));
            }
        }
        let authors: BTreeSet<String> = names(&label["authors"])
            .iter()
            .map(|a| a.to_lowercase())
            .collect();
        if byline_names(article.author.as_deref()) != authors {
            wrong.push(format!(
                "{file}: byline {:?}, not {}",
                article.author, label["authors"]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn site_chrome_never_reaches_a_body() {
    const CHROME: [&str; 18] = [
        ".jpg",
        ".JPG",
        "QR Code",
        "advertisement",
        "Có thể bạn quan tâm",
        "Nhà nước và Pháp luật",
        "Hôm nay",
        "Ý kiến thăm dò",
        "Lượt xem",
        "Truy cập",
        "CHÀO MỪNG",
        "Radio and Television",
        "Đường dây nóng",
        "Chi tiết -",
        "Dòng sự kiện",
        "Trang chủ",
        "°C",
        "Mặc định Cỡ chữ",
    ];
    for label in labels() {
        let file = label["file"].as_str().unwrap_or_else(|| panic!("{label}"));
        let ingested = ingest::ingest_file(&Path::new(PAGES).join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        for p in &ingested.article.body {
            for chrome in CHROME {
                assert!(
                    !p.text.contains(chrome),
                    "{file}: {chrome:?} in {:?}",
                    p.text
                );
            }
        }
    }
}

/// The fixtures' texts, for the property below.
fn page_texts() -> Vec<String> {
    labels()
        .iter()
        .filter_map(|l| l["file"].as_str())
        .map(|f| {
            let path = Path::new(PAGES).join(f);
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
        })
        .collect()
}

/// A page as scrapers damage it: cut anywhere (even inside a letter's
/// bytes, decoded as a replacement character), lines dropped, repeated or
/// swapped, and stray headers, counters and control characters put in.
fn damaged(text: &str, cut: usize, edits: &[(usize, u8)]) -> Vec<u8> {
    const STRAYS: [&str; 8] = [
        "Thứ Hai, 12/05/2021",
        "Lượt xem: 12",
        "date 2025-07",
        "(11/10/2018).",
        "Trang chủNewsThời sự",
        "Ngày đăng bài: 22/05/2018 | Tác giả: ",
        "\u{202e}\u{1b}[31m",
        "16 phường (",
    ];
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for &(at, what) in edits {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        let i = at % n;
        match what % 4 {
            0 => {
                lines.remove(i);
            }
            1 => lines.insert(i, lines[i].clone()),
            2 => lines.swap(i, (i + 1) % n),
            _ => lines.insert(i, STRAYS[usize::from(what) % STRAYS.len()].to_string()),
        }
    }
    let bytes = lines.join("\n").into_bytes();
    let cut = cut % (bytes.len() + 1);
    bytes[..cut].to_vec()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn damaged_pages_never_panic(
        page in 0usize..64,
        cut in 0usize..4096,
        edits in proptest::collection::vec((0usize..64, proptest::prelude::any::<u8>()), 0..8),
    ) {
        let texts = page_texts();
        let text = &texts[page % texts.len()];
        let bytes = damaged(text, cut, &edits);
        match ingest::ingest("damaged", &bytes) {
            Ok(ingested) => {
                let a = &ingested.article;
                proptest::prop_assert!(!a.title.is_empty());
                proptest::prop_assert!(!a.title.chars().any(char::is_control), "{:?}", a.title);
            }
            // Emptied, or left with chrome only: said so, not a panic.
            Err(e) => proptest::prop_assert!(!e.to_string().is_empty()),
        }
    }
}

#[test]
fn one_bad_page_hides_no_good_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut good = 0;
    for (i, text) in page_texts().iter().enumerate() {
        let path = dir.path().join(format!("page{i:02}.txt"));
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        good += 1;
    }
    for (name, bytes) in [
        ("empty.txt", Vec::new()),
        ("menus.txt", b"Trang chu\nTin tuc\nLien he\n".to_vec()),
        ("binary.txt", vec![0u8, 159, 146, 150, 0, 1, 2]),
        ("clock.txt", "Thứ Hai, 12/05/2021\n".as_bytes().to_vec()),
    ] {
        std::fs::write(dir.path().join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    let batch = ingest::ingest_paths(&[dir.path().to_path_buf()]);
    let ids: BTreeSet<&str> = batch
        .articles
        .iter()
        .map(|(_, a)| a.article.id.as_str())
        .collect();
    for i in 0..good {
        let id = format!("page{i:02}");
        assert!(ids.contains(id.as_str()), "{id} lost: {:?}", batch.failures);
    }
    let failed: BTreeSet<String> = batch
        .failures
        .iter()
        .filter_map(|f| f.path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    for bad in ["empty.txt", "binary.txt", "clock.txt"] {
        assert!(failed.contains(bad), "{bad} not reported: {failed:?}");
    }
}
