//! The same article whatever the encoding and line endings it was saved
//! in, and no panic whatever the bytes.
#![allow(
    clippy::cast_possible_truncation,
    reason = "the numbers are the test's own, and small"
)]
#![allow(clippy::panic, reason = "a test fails by panicking")]

use std::path::PathBuf;

use proptest::prelude::*;
use tintuc::ingest::decode::{Encoding, encode};
use tintuc::ingest::{self, IngestError, decode::DecodeError};
use tintuc::model::Article;
use unicode_normalization::UnicodeNormalization;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");

fn seeds() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .unwrap_or_else(|e| panic!("cannot read {FIXTURES}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "five seeds in {FIXTURES}");
    files
        .iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (ingest::id_of(p), text)
        })
        .collect()
}

fn article(id: &str, bytes: &[u8], how: &str) -> Article {
    ingest::ingest(id, bytes)
        .unwrap_or_else(|e| panic!("{id} as {how}: {e}"))
        .article
}

/// TCVN3 has no codes for capitals with a tone mark ("Ở", "Ảnh"): writers
/// used an uppercase font with the lowercase codes, so they come back
/// lowercase. This is the text TCVN3 can hold: each capital written with
/// the same bytes as its lowercase is lowercase.
fn tcvn3_view(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            let l = match (lower.next(), lower.next()) {
                (Some(l), None) if l != c => l,
                _ => return c,
            };
            let same = |x: char| encode(&x.to_string(), Encoding::Tcvn3).ok();
            if same(c).is_some() && same(c) == same(l) {
                l
            } else {
                c
            }
        })
        .collect()
}

#[test]
fn every_encoding_gives_the_same_article() {
    for (id, text) in seeds() {
        let base = article(&id, text.as_bytes(), "UTF-8");
        for enc in [
            Encoding::Utf8Bom,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Windows1258,
            Encoding::Vni,
        ] {
            let bytes = encode(&text, enc)
                .unwrap_or_else(|c| panic!("{id}: {} cannot hold {c:?}", enc.label()));
            let got = ingest::ingest(&id, &bytes)
                .unwrap_or_else(|e| panic!("{id} as {}: {e}", enc.label()));
            assert_eq!(got.report.encoding, enc, "{id}");
            assert_eq!(got.article, base, "{id} as {}", enc.label());
        }
        let nfd: String = text.nfd().collect();
        assert_eq!(
            article(&id, nfd.as_bytes(), "NFD UTF-8"),
            base,
            "{id} as NFD"
        );
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(
            article(&id, crlf.as_bytes(), "CRLF"),
            base,
            "{id} with CRLF"
        );
        let cr = text.replace('\n', "\r");
        let vni_cr = encode(&cr, Encoding::Vni).unwrap_or_default();
        assert_eq!(
            article(&id, &vni_cr, "VNI with CR"),
            base,
            "{id} as VNI with CR"
        );
    }
}

#[test]
fn tcvn3_gives_the_same_article_up_to_toned_capitals() {
    for (id, text) in seeds() {
        let base = article(&id, text.as_bytes(), "UTF-8");
        let bytes = encode(&text, Encoding::Tcvn3)
            .unwrap_or_else(|c| panic!("{id}: TCVN3 cannot hold {c:?}"));
        let got = ingest::ingest(&id, &bytes).unwrap_or_else(|e| panic!("{id} as TCVN3: {e}"));
        assert_eq!(got.report.encoding, Encoding::Tcvn3, "{id}");
        // Exactly what the same text gives once its toned capitals are
        // lowercase…
        let view = tcvn3_view(&text);
        assert_eq!(
            got.article,
            article(&id, view.as_bytes(), "TCVN3 view"),
            "{id}"
        );
        // …and what the reader searches by is unchanged.
        let a = &got.article;
        assert_eq!((a.date, a.time), (base.date, base.time), "{id}");
        assert_eq!(a.places, base.places, "{id}");
        assert_eq!(a.author, base.author, "{id}");
        assert_eq!(a.body.len(), base.body.len(), "{id}");
        assert_eq!(a.title.to_lowercase(), base.title.to_lowercase(), "{id}");
    }
}

#[test]
fn empty_and_binary_files_are_named_clearly() {
    let err = |bytes: &[u8]| {
        ingest::ingest("x", bytes)
            .map(|_| ())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        ingest::ingest("x", b""),
        Err(IngestError::Decode(DecodeError::Empty))
    );
    assert_eq!(err(b""), "the file is empty");
    let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00";
    assert_eq!(err(elf), "binary data (control byte at offset 4)");
    assert_eq!(ingest::ingest("x", b" \n\n\t\n"), Err(IngestError::NoText));
    let chrome_only = "Phản hồi\n\nCác tin khác\n\nLiên kết website\n";
    assert_eq!(
        err(chrome_only.as_bytes()),
        "no article text (only white space, site menus or photo captions)"
    );
}

#[test]
fn oversized_input_is_refused_before_decoding() {
    let big = vec![b'a'; (ingest::MAX_FILE_BYTES + 1) as usize];
    let e = ingest::ingest("big", &big).map(|_| ()).unwrap_err();
    assert_eq!(e, IngestError::TooLarge(ingest::MAX_FILE_BYTES + 1));
    assert!(
        e.to_string()
            .starts_with("too large for an article (8.0 MB"),
        "{e}"
    );
}

/// Bytes that look like article text: seed lines, chrome, dates, control
/// bytes and random bytes, in any order.
fn article_like() -> impl Strategy<Value = Vec<u8>> {
    let pieces: Vec<Vec<u8>> = seeds()
        .iter()
        .flat_map(|(_, t)| t.lines().map(|l| l.as_bytes().to_vec()).collect::<Vec<_>>())
        .chain(
            [
                "Phản hồi",
                "03/09/2020 | 08:17",
                " date 2025-08-18 ",
                "(Ảnh: X)",
                "xã",
                "phường Đông Ngàn, Đình Bảng và",
                "\r\n",
                "\n\n",
                "\u{a0}",
                "\u{feff}",
                "Số lượt xem: 5",
            ]
            .iter()
            .map(|s| s.as_bytes().to_vec()),
        )
        .collect();
    let piece = prop_oneof![
        prop::sample::select(pieces),
        prop::collection::vec(any::<u8>(), 0..16),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|ps| ps.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let _ = ingest::ingest("x", &bytes);
    }

    #[test]
    fn article_like_bytes_never_panic(bytes in article_like()) {
        if let Ok(i) = ingest::ingest("x", &bytes) {
            let a = i.article;
            prop_assert!(!a.title.is_empty());
            prop_assert!(!a.title.contains('\n'));
            prop_assert!(a.body.iter().all(|p| !p.text.is_empty()));
            prop_assert!(a.time.is_none() || a.date.is_some());
        }
    }
}
