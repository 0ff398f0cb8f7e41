//! Page layouts of Vietnamese news sites other than the seeds' (section
//! banners, breadcrumbs, site names and signatures, dates after the lead
//! or at the end, menus): the general rules, not the seeds, decide.
#![allow(clippy::panic, reason = "a test fails by panicking")]

use jiff::civil::{date, time};
use tintuc::ingest;
use tintuc::model::{Article, ParagraphKind};

fn site(name: &str) -> Article {
    let path = format!(
        "{}/tests/fixtures/sites/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    ingest::ingest_file(std::path::Path::new(&path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .article
}

fn captions(a: &Article) -> Vec<&str> {
    a.body
        .iter()
        .filter(|p| p.kind == ParagraphKind::Caption)
        .map(|p| p.text.as_str())
        .collect()
}

fn body_has(a: &Article, text: &str) -> bool {
    a.body.iter().any(|p| p.text.contains(text))
}

#[test]
fn section_banner_weekday_date_related_list() {
    let a = site("section_weekday_date_related");
    assert_eq!(
        a.title,
        "Hà Nội đề xuất hạn chế xe máy trong vành đai 1 từ năm 2025"
    );
    assert_eq!(
        (a.date, a.time),
        (Some(date(2023, 5, 8)), Some(time(15, 58, 0, 0)))
    );
    assert_eq!(a.author.as_deref(), Some("Võ Hải"));
    assert_eq!(
        captions(&a),
        ["Xe máy lưu thông trên phố Trần Duy Hưng, quận Cầu Giấy. Ảnh: Giang Huy"]
    );
    for chrome in [
        "Thời sự",
        "Chia sẻ",
        "Tin liên quan",
        "TP.HCM mở rộng làn xe buýt",
    ] {
        assert!(!body_has(&a, chrome), "{chrome}");
    }
    assert_eq!(a.places[0], "Hà Nội");
    for p in ["Hoàn Kiếm", "Ba Đình", "Đống Đa", "Cầu Giấy"] {
        assert!(a.places.iter().any(|x| x == p), "{p} in {:?}", a.places);
    }
    // The Director's name and the street are not places.
    assert!(!a.places.iter().any(|x| x == "Trần Duy Hưng" || x == "Minh"));
}

#[test]
fn breadcrumbs_site_suffix_and_signature() {
    let a = site("breadcrumb_site_suffix_signature");
    assert_eq!(
        a.title,
        "Cao tốc Bắc - Nam đoạn qua Nghệ An thông xe trước Tết"
    );
    assert_eq!(a.source.as_deref(), Some("Báo Dân trí"));
    assert_eq!(
        (a.date, a.time),
        (Some(date(2023, 9, 2)), Some(time(6, 30, 0, 0)))
    );
    assert!(
        a.body[0].text.starts_with("Sáng 1/9, Bộ Giao thông"),
        "{:?}",
        a.body[0]
    );
    assert_eq!(a.author.as_deref(), Some("Hoàng Lam"));
    assert!(!body_has(&a, "Trang chủ") && !body_has(&a, "Bình luận"));
    assert_eq!(a.places[0], "Nghệ An");
    for p in ["Hà Tĩnh", "Diễn Châu", "Nghi Lộc", "Hưng Nguyên", "Đức Thọ"] {
        assert!(a.places.iter().any(|x| x == p), "{p} in {:?}", a.places);
    }
}

#[test]
fn signature_without_title_line() {
    let a = site("signature_no_title_credit");
    assert_eq!(a.source.as_deref(), Some("Chinhphu.vn"));
    assert!(
        a.title
            .starts_with("Thủ tướng Phạm Minh Chính vừa ký Quyết định"),
        "{}",
        a.title
    );
    assert!(
        a.title.ends_with('…') && a.title.chars().count() <= 101,
        "{}",
        a.title
    );
    // The decision's date and decree numbers are not the publication date.
    assert_eq!(a.date, None);
    assert_eq!(a.author.as_deref(), Some("Đức Tuân"));
    assert_eq!(captions(&a).len(), 1);
    assert_eq!(a.places[0], "Quảng Ninh");
    assert!(
        !a.places
            .iter()
            .any(|x| x == "Phạm Minh Chính" || x == "Minh")
    );
}

#[test]
fn site_code_signature_and_date_at_the_end() {
    let a = site("code_signature_date_at_end");
    assert_eq!(a.source.as_deref(), Some("TTO"));
    assert!(
        a.title.starts_with("Chiều 3-9, Công an TP.HCM"),
        "{}",
        a.title
    );
    assert_eq!(
        (a.date, a.time),
        (Some(date(2023, 9, 3)), Some(time(18, 20, 0, 0)))
    );
    assert!(!body_has(&a, "GMT+7"));
    assert_eq!(a.places[0], "Hồ Chí Minh");
    for p in ["Bình Thạnh", "Thủ Đức", "Long An", "Tiền Giang"] {
        assert!(a.places.iter().any(|x| x == p), "{p} in {:?}", a.places);
    }
}

#[test]
fn site_header_and_labelled_author() {
    let a = site("site_header_labelled_author");
    assert_eq!(
        a.title,
        "Huyện Gia Lâm: Hoàn thành 100% kế hoạch xây dựng nông thôn mới nâng cao"
    );
    assert_eq!(a.source.as_deref(), Some("Báo điện tử Hà Nội Mới"));
    assert_eq!(a.author.as_deref(), Some("Minh Anh"));
    assert_eq!(
        (a.date, a.time),
        (Some(date(2020, 9, 3)), Some(time(8, 17, 0, 0)))
    );
    assert!(a.body[0].text.starts_with("Năm 2020, huyện Gia Lâm"));
    assert_eq!(captions(&a), ["Một góc xã Đa Tốn (Ảnh minh họa)"]);
    assert_eq!(a.places[0], "Gia Lâm");
    for p in ["Dương Xá", "Kiêu Kỵ", "Đa Tốn", "Phù Đổng"] {
        assert!(a.places.iter().any(|x| x == p), "{p} in {:?}", a.places);
    }
    // "Lê Anh Quân", the chairman, is not a place.
    assert_eq!(a.places.len(), 5, "{:?}", a.places);
}

#[test]
fn menu_before_the_title() {
    let a = site("menu_author_title_date");
    assert_eq!(
        a.title,
        "Xe tải lật nhào trên quốc lộ 1A qua huyện Phú Xuyên"
    );
    assert_eq!(
        (a.date, a.time),
        (Some(date(2023, 9, 8)), Some(time(7, 45, 0, 0)))
    );
    assert!(a.body[0].text.starts_with("Sáng 8/9"));
    assert_eq!(a.places[0], "Phú Xuyên");
    assert!(a.places.iter().any(|x| x == "Phú Yên"), "{:?}", a.places);
    // The list items stay text.
    assert!(
        a.body
            .iter()
            .filter(|p| p.text.starts_with("- "))
            .all(|p| p.kind == ParagraphKind::Text)
    );
}

#[test]
fn long_form_date_and_capitals_title() {
    let a = site("long_date_caps_title");
    assert_eq!(a.title, "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG QUÝ III");
    assert_eq!((a.date, a.time), (Some(date(2020, 9, 3)), None));
    assert_eq!(
        a.body.iter().map(|p| p.kind).collect::<Vec<_>>(),
        [
            ParagraphKind::Text,
            ParagraphKind::Subheading,
            ParagraphKind::Text
        ]
    );
    // Tân Phú is the name of dozens of communes: the district settles it.
    assert_eq!(a.places.len(), 3, "{:?}", a.places);
    for p in ["Tân Phú", "Đồng Phú", "Bình Phước"] {
        assert!(a.places.iter().any(|x| x == p), "{p} in {:?}", a.places);
    }
}
