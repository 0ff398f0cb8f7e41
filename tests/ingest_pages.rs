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
        .flat_map(|b| b.split([',', ';']).flat_map(|p| p.split(" - ")))
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
    const CHROME: [&str; 12] = [
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
