use super::legacy::decode_legacy;
use super::syllable::RHYMES;
use super::tcvn3::{TCVN3_A0, tcvn3_byte};
use super::vni::{VNI, vni_maps};
use super::*;
use crate::text::letters::{VOWELS, is_vietnamese_letter, single_lowercase};
use proptest::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

const ALL: [Encoding; 7] = [
    Encoding::Utf8,
    Encoding::Utf8Bom,
    Encoding::Utf16Le,
    Encoding::Utf16Be,
    Encoding::Windows1258,
    Encoding::Tcvn3,
    Encoding::Vni,
];

/// The 67 lowercase Vietnamese letters with diacritics, then their 67 capitals.
fn letters() -> Vec<char> {
    let mut lower: Vec<char> = VOWELS
        .iter()
        .flat_map(|row| row.iter().copied())
        .filter(|c| !"aeiouy".contains(*c))
        .collect();
    lower.push('đ');
    let upper: Vec<char> = lower.iter().flat_map(|c| c.to_uppercase()).collect();
    lower.extend(upper);
    lower
}

/// What TCVN3 can give back: toned capitals come back lowercase.
fn tcvn3_view(text: &str) -> String {
    text.chars()
        .map(|c| match tcvn3_byte(c) {
            None if !c.is_ascii() && c.is_uppercase() => single_lowercase(c)
                .filter(|&l| is_vietnamese_letter(l))
                .unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn expected(text: &str, enc: Encoding) -> String {
    if enc == Encoding::Tcvn3 {
        tcvn3_view(text)
    } else {
        text.to_owned()
    }
}

fn seeds() -> Vec<(PathBuf, String)> {
    let dirs = [
        std::env::var("TINTUC_SEEDS").ok(),
        Some(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds").to_owned()),
        Some(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds").to_owned()),
    ];
    let dir = dirs
        .into_iter()
        .flatten()
        .map(PathBuf::from)
        .find(|d| d.is_dir())
        .expect("seed articles not found (set TINTUC_SEEDS)");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable seed dir")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("UTF-8 seed");
            (p, text)
        })
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5, "expected five seed articles in {dir:?}");
    seeds
}

#[track_caller]
fn assert_decodes(bytes: &[u8], enc: Encoding, want: &str) {
    let got = decode(bytes).unwrap_or_else(|e| panic!("{}: {e}", enc.label()));
    assert_eq!(got.encoding, enc);
    assert!(got.text == want, "{}: text differs", enc.label());
}

#[test]
fn labels() {
    let labels: Vec<_> = ALL.iter().map(|e| e.label()).collect();
    assert_eq!(
        labels,
        [
            "UTF-8",
            "UTF-8 (BOM)",
            "UTF-16LE",
            "UTF-16BE",
            "Windows-1258",
            "TCVN3 (ABC)",
            "VNI"
        ]
    );
}

#[test]
fn vowel_grid_matches_unicode_composition() {
    for row in VOWELS {
        for (mark, &c) in ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
            .iter()
            .zip(&row)
        {
            let composed: String = format!("{}{mark}", row[0]).nfc().collect();
            assert_eq!(composed, c.to_string());
        }
    }
    let all = letters();
    assert_eq!(all.len(), 134);
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 134);
}

#[test]
fn tables_are_consistent() {
    assert!(
        RHYMES.windows(2).all(|w| w[0] < w[1]),
        "RHYMES must be sorted"
    );
    let vni: Vec<char> = VNI.iter().map(|&(c, _)| c).collect();
    assert_eq!(vni, letters(), "VNI covers all 134 letters");
    assert_eq!(vni_maps().codes.len(), 134, "no duplicate letters");
    assert_eq!(
        vni_maps()
            .pairs
            .iter()
            .chain(&vni_maps().singles)
            .flatten()
            .count(),
        134,
        "no shared codes"
    );
    let tcvn3: Vec<char> = TCVN3_A0.iter().flatten().copied().collect();
    let lower = &letters()[..67];
    assert!(
        lower.iter().all(|c| tcvn3.contains(c)),
        "TCVN3 has every lowercase letter"
    );
    for c in "ĂÂÊÔƠƯĐ".chars() {
        assert!(tcvn3.contains(&c), "TCVN3 has {c}");
    }
}

#[test]
fn all_letters_round_trip_through_each_table() {
    let text: String = letters().iter().flat_map(|&c| [c, ' ']).collect();
    for enc in [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni] {
        let bytes = encode(&text, enc).expect("encodable");
        let (back, anomalies) = decode_legacy(&bytes, enc);
        assert_eq!(back, expected(&text, enc), "{}", enc.label());
        assert_eq!(anomalies, 0, "{}", enc.label());
    }
}

#[test]
fn all_letters_round_trip_through_detection() {
    let letters: String = letters().iter().flat_map(|&c| [c, ' ']).collect();
    let (_, article) = &seeds()[0];
    let text = format!("{article}\n{letters}\n");
    for enc in ALL {
        let bytes = encode(&text, enc).expect("encodable");
        assert_decodes(&bytes, enc, &expected(&text, enc));
    }
}

#[test]
fn seeds_round_trip_in_every_encoding_and_line_ending() {
    for (path, text) in seeds() {
        for (eol, name) in [("\n", "LF"), ("\r\n", "CRLF"), ("\r", "CR")] {
            let source = text.replace('\n', eol);
            for enc in ALL {
                let bytes = encode(&source, enc).expect("encodable");
                let got = decode(&bytes)
                    .unwrap_or_else(|e| panic!("{path:?} {name} {}: {e}", enc.label()));
                assert_eq!(got.encoding, enc, "{path:?} {name}");
                assert!(
                    got.text == expected(&text, enc),
                    "{path:?} {name} {}",
                    enc.label()
                );
            }
        }
    }
}

#[test]
fn nfd_utf8_comes_back_nfc() {
    for (_, text) in seeds() {
        let nfd: String = text.nfd().collect();
        assert_ne!(nfd, text);
        assert_decodes(nfd.as_bytes(), Encoding::Utf8, &text);
    }
}

#[test]
fn short_phrases_are_detected() {
    for phrase in ["Hà Nội", "Việt Nam", "Thành phố Hồ Chí Minh", "người dân"] {
        for enc in [Encoding::Windows1258, Encoding::Vni, Encoding::Tcvn3] {
            let bytes = encode(phrase, enc).expect("encodable");
            assert_decodes(&bytes, enc, &expected(phrase, enc));
        }
    }
}

#[test]
fn truncated_utf8_is_still_utf8() {
    let bytes = "Hà Nội".as_bytes();
    // Cut inside the three bytes of ộ.
    let got = decode(&bytes[..6]).expect("decodes");
    assert_eq!(got.encoding, Encoding::Utf8);
    assert_eq!(got.text, "Hà N\u{fffd}");
}

#[test]
fn empty_inputs() {
    assert_eq!(decode(b""), Err(DecodeError::Empty));
    assert_eq!(decode(UTF8_BOM), Err(DecodeError::Empty));
    assert_eq!(decode(b"\xFF\xFE"), Err(DecodeError::Empty));
}

#[test]
fn binary_inputs() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(decode(png), Err(DecodeError::Binary { offset: 6 }));
    let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0";
    assert_eq!(decode(elf), Err(DecodeError::Binary { offset: 4 }));
    assert_eq!(
        decode(b"plain text\0"),
        Err(DecodeError::Binary { offset: 10 })
    );
    assert_eq!(
        decode(b"ab\x01\x02cd"),
        Err(DecodeError::Binary { offset: 2 })
    );
    assert_eq!(
        decode(b"\xEF\xBB\xBFab\0"),
        Err(DecodeError::Binary { offset: 5 })
    );
    assert_eq!(
        decode(b"\xFF\xFEa\0\0\0"),
        Err(DecodeError::Binary { offset: 4 })
    );
    // UTF-16 is full of zero bytes and is still text.
    let utf16 = encode("Xin chào", Encoding::Utf16Le).expect("encodable");
    assert_decodes(&utf16, Encoding::Utf16Le, "Xin chào");
    // One stray control in ordinary text is tolerated.
    let text = format!("{}\x1b{}", "a".repeat(40), "b".repeat(40));
    assert_decodes(text.as_bytes(), Encoding::Utf8, &text);
}

#[test]
fn non_vietnamese_legacy_text_is_undecodable() {
    // Windows-1252 French.
    assert_eq!(
        decode(b"Le caf\xE9 cr\xE8me est tr\xE8s bon"),
        Err(DecodeError::Undecodable)
    );
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| u8::try_from(0x80 + (i * 37) % 0x80).unwrap_or(0xff))
        .collect();
    assert_eq!(decode(&noise), Err(DecodeError::Undecodable));
}

#[test]
fn encode_reports_the_first_unrepresentable_char() {
    assert_eq!(encode("a€b→c", Encoding::Windows1258), Err('→'));
    assert_eq!(encode("xø", Encoding::Vni), Err('ø'));
    assert_eq!(encode("xµ", Encoding::Tcvn3), Err('µ'));
    assert_eq!(encode("日本", Encoding::Vni), Err('日'));
}

#[test]
fn large_ascii_is_linear() {
    let big = vec![b'a'; 50 * 1024 * 1024];
    let start = Instant::now();
    let got = decode(&big).expect("decodes");
    let elapsed = start.elapsed();
    eprintln!("50 MB one-line ASCII decoded in {elapsed:?}");
    assert_eq!(got.encoding, Encoding::Utf8);
    assert_eq!(got.text.len(), big.len());
}

#[test]
fn large_legacy_is_linear() {
    let (_, article) = &seeds()[1];
    let unit = encode(article, Encoding::Vni).expect("encodable");
    let big = unit.repeat(10 * 1024 * 1024 / unit.len());
    let start = Instant::now();
    let got = decode(&big).expect("decodes");
    eprintln!(
        "{} MB VNI decoded in {:?}",
        big.len() >> 20,
        start.elapsed()
    );
    assert_eq!(got.encoding, Encoding::Vni);
}

fn vietnamese_text() -> impl Strategy<Value = String> {
    let mut pool = letters();
    pool.extend(
        "abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY0123456789 .,;:!?\n\u{a0}“”–…".chars(),
    );
    prop::collection::vec(prop::sample::select(pool), 0..200)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(d) = decode(&bytes) {
            prop_assert!(!d.text.contains('\r'));
            prop_assert!(unicode_normalization::is_nfc(&d.text));
        }
    }

    #[test]
    fn never_panics_after_a_bom(
        bom in prop::sample::select(vec![&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]),
        bytes in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let _ = decode(&[bom, &bytes[..]].concat());
    }

    #[test]
    fn legacy_tables_round_trip(text in vietnamese_text()) {
        for enc in [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni] {
            let bytes = encode(&text, enc).expect("encodable");
            let (back, _) = decode_legacy(&bytes, enc);
            prop_assert_eq!(back, expected(&text, enc));
        }
    }

    #[test]
    fn utf_encodings_round_trip(text in vietnamese_text()) {
        let want = normalize_newlines(text.clone());
        for enc in [Encoding::Utf8Bom, Encoding::Utf16Le, Encoding::Utf16Be] {
            let bytes = encode(&text, enc).expect("encodable");
            match decode(&bytes) {
                Ok(d) => prop_assert_eq!(&d.text, &want),
                Err(e) => prop_assert!(text.is_empty() && e == DecodeError::Empty),
            }
        }
    }
}

#[test]
fn the_eth_look_alike_is_read_as_d() {
    let d = decode("Ðức cha đến xã Khánh Bình Ðông".as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.text, "Đức cha đến xã Khánh Bình Đông");
}
