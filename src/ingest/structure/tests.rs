use super::byline::byline;
use super::signature::site_signature;
use super::title::split_site_name;
use super::*;
use crate::model::ParagraphKind;
use proptest::prelude::*;

fn kinds(s: &Structure) -> Vec<(ParagraphKind, &str)> {
    s.body.iter().map(|p| (p.kind, p.text.as_str())).collect()
}

fn analyzed(text: &str) -> Structure {
    analyze(text).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The day an analysed page is dated.
fn day_of(s: &Structure) -> Option<jiff::civil::Date> {
    s.stamp.map(|d| d.date)
}

#[test]
fn title_date_banner_and_byline() {
    let s = analyzed(
        "Tin tức - sự kiện nổi bật\n\nĐưa Nghị quyết vào cuộc sống\n03/09/2020 | 08:17\n\n\
         Xác định việc tập trung tuyên truyền là một trong những nhiệm vụ trọng tâm, ngay sau khi Đại hội thành công tốt đẹp, Huyện uỷ đã thực hiện nhiều cách làm mới.\n\n\
         Khẩn trương tổ chức học tập\n\nNghị quyết Đại hội xác định nhiều mục tiêu.\n\nNgọc Lâm\n",
    );
    assert_eq!(s.title, "Đưa Nghị quyết vào cuộc sống");
    assert_eq!(s.title_source, TitleSource::Line);
    let stamp = s
        .stamp
        .map(|s| (s.date.to_string(), s.time.map(|t| t.to_string())));
    assert_eq!(stamp, Some(("2020-09-03".into(), Some("08:17:00".into()))));
    assert_eq!(s.author.as_deref(), Some("Ngọc Lâm"));
    assert_eq!(s.removed, ["Tin tức - sự kiện nổi bật"]);
    assert_eq!(
        kinds(&s)[1..],
        [
            (ParagraphKind::Subheading, "Khẩn trương tổ chức học tập"),
            (
                ParagraphKind::Text,
                "Nghị quyết Đại hội xác định nhiều mục tiêu."
            )
        ]
    );
}

#[test]
fn date_before_title_after_a_banner() {
    let s = analyzed(
        "Thời sự\n\nThứ Hai, 8/5/2023, 15:58 (GMT+7)\n\nHà Nội mưa lớn nhiều tuyến phố ngập sâu\n\n\
         Mưa lớn từ chiều qua khiến nhiều tuyến phố nội thành ngập sâu, giao thông ùn tắc kéo dài đến tối, nhiều phương tiện chết máy giữa đường.\n",
    );
    assert_eq!(s.title, "Hà Nội mưa lớn nhiều tuyến phố ngập sâu");
    assert!(s.stamp.is_some());
    assert_eq!(s.body.len(), 1);
}

#[test]
fn caption_first_then_a_derived_title() {
    let s = analyzed(
        "Một góc thị xã Từ Sơn hôm nay. (Ảnh: Trúc Lam).\n\n\
         Nghị quyết Đại hội Đảng bộ thị xã Từ Sơn lần thứ XVIII, nhiệm kỳ 2020 - 2025 xác định, tiếp tục phát huy đoàn kết, dân chủ, kỷ cương.\n\nTL",
    );
    assert_eq!(s.title_source, TitleSource::Lead);
    assert_eq!(
        s.title,
        "Nghị quyết Đại hội Đảng bộ thị xã Từ Sơn lần thứ XVIII, nhiệm kỳ 2020 - 2025 xác định…"
    );
    assert_eq!(s.body[0].kind, ParagraphKind::Caption);
    assert_eq!(s.author.as_deref(), Some("TL"));
}

#[test]
fn tail_lists_and_counters_go() {
    let s = analyzed(
        "Thị ủy giao ban khối Đảng, đoàn thể Quý III/2017\n\n12/10/2017 08:56 Số lượt xem: 551\n\n\
         Sáng ngày 11/10, Thị ủy tổ chức hội nghị giao ban khối Đảng, đoàn thể quý III năm 2017 với sự tham dự của đại diện lãnh đạo các ban xây dựng Đảng, Mặt trận Tổ quốc và các đoàn thể.\n\n\
         Phản hồi\n\nCác tin khác\n\nMột tin khác ở đây\n\nMới nhất\n\nLiên kết website\n",
    );
    assert_eq!(s.title, "Thị ủy giao ban khối Đảng, đoàn thể Quý III/2017");
    assert_eq!(s.body.len(), 1);
    assert!(s.removed.contains(&"Số lượt xem: 551".to_string()));
    assert!(s.removed.contains(&"Một tin khác ở đây".to_string()));
    assert!(s.stamp.is_some());
}

#[test]
fn captions() {
    for line in [
        "Một góc thị xã Từ Sơn hôm nay. (Ảnh: Trúc Lam).",
        "Bí thư Tỉnh ủy phát biểu chỉ đạo tại Đại hội. (Nguồn: Cổng thông tin điện tử tỉnh Bắc Ninh)",
        "Toàn cảnh hội nghị. Ảnh: Ngọc Lâm",
        "Ảnh minh hoạ",
        "Ảnh: Toàn cảnh hội nghị",
        "Đại biểu dự hội nghị (ảnh minh họa).",
    ] {
        assert!(is_caption(line), "{line:?}");
    }
    for line in [
        "Theo báo cáo (nguồn: Tổng cục Thống kê) kinh tế tăng trưởng 8% trong năm qua.",
        "Xác định việc tập trung tuyên truyền là nhiệm vụ trọng tâm.",
        "Hình ảnh: đẹp",
    ] {
        assert!(!is_caption(line), "{line:?}");
    }
}

#[test]
fn bylines() {
    assert_eq!(byline("Ngọc Lâm").as_deref(), Some("Ngọc Lâm"));
    // A unit's name closing a cut page is no byline; a writer named Quân is.
    assert_eq!(byline("Huyện Quỳnh Lưu"), None);
    assert_eq!(byline("Thị xã Kỳ Anh"), None);
    // Nor is a sentence's first word, where the page was cut.
    assert_eq!(byline("Tại"), None);
    assert_eq!(byline("PV (Báo Bạc Liêu)"), None);
    assert_eq!(byline("Văn Phòng HĐND-UBND"), None);
    assert_eq!(byline("CTV Minh Thái").as_deref(), Some("Minh Thái"));
    assert_eq!(
        byline("Lê Thủy- Văn Tịnh").as_deref(),
        Some("Lê Thủy- Văn Tịnh")
    );
    assert_eq!(byline("Quân Minh").as_deref(), Some("Quân Minh"));
    assert_eq!(byline("TL").as_deref(), Some("TL"));
    assert_eq!(
        byline("Thu Thủy - Xuân Khương").as_deref(),
        Some("Thu Thủy - Xuân Khương")
    );
    assert_eq!(byline("Bài, ảnh: Minh Anh").as_deref(), Some("Minh Anh"));
    assert_eq!(byline("Tác giả: Hà Linh").as_deref(), Some("Hà Linh"));
    assert_eq!(
        byline("Thanh Hà (TTXVN)").as_deref(),
        Some("Thanh Hà (TTXVN)")
    );
    // Cut off inside its note.
    assert_eq!(byline("Văn Đức (T").as_deref(), Some("Văn Đức"));
    assert_eq!(byline("Tổng hợp: THỤY LAN").as_deref(), Some("THỤY LAN"));
    assert_eq!(byline("ThS. Lê Thị Hoa").as_deref(), Some("Lê Thị Hoa"));
    for not in [
        "Mới",
        "Nóng - Mới",
        "Sign in",
        "PV",
        "Phản hồi",
        "Kinh tế tăng trưởng mạnh",
        "ước tăng 5,7% mỗi năm./.",
        "Năm 2020",
        "Một Hai Ba Bốn Năm Sáu Bảy Tám Chín",
    ] {
        assert_eq!(byline(not), None, "{not:?}");
    }
}

#[test]
fn source_lines_at_the_end() {
    let s = analyzed(
        "Tiêu đề của một bài báo dài\n\nNội dung bài báo ở đây, đủ dài để là một đoạn văn bản thật sự của bài báo này với nhiều chữ.\n\nMinh Anh\n\nNguồn: Báo Bắc Ninh",
    );
    assert_eq!(s.source.as_deref(), Some("Báo Bắc Ninh"));
    assert_eq!(s.author.as_deref(), Some("Minh Anh"));
}

#[test]
fn site_header_signature_and_labelled_author() {
    let s = analyzed(
        "Báo điện tử Hà Nội Mới\n\nTrang chủ / Tin tức / Xã hội\n\n\
         Huyện Gia Lâm hoàn thành kế hoạch nông thôn mới\n\nCập nhật lúc 08:17 ngày 03/09/2020\n\n\
         Tác giả: Minh Anh\n\n(HNM) - Năm 2020, huyện Gia Lâm đã hoàn thành 100% kế hoạch xây dựng nông thôn mới nâng cao, trong đó nhiều xã đạt chuẩn kiểu mẫu.\n\n\
         Video đã đạt 1.000 lượt xem trên mạng xã hội chỉ sau một ngày đăng tải.\n\nBình luận (0)\n",
    );
    assert_eq!(s.title, "Huyện Gia Lâm hoàn thành kế hoạch nông thôn mới");
    assert_eq!(s.source.as_deref(), Some("Báo điện tử Hà Nội Mới"));
    assert_eq!(s.author.as_deref(), Some("Minh Anh"));
    assert!(
        s.body[0].text.starts_with("Năm 2020, huyện Gia Lâm"),
        "{:?}",
        s.body[0]
    );
    assert_eq!(
        s.body[1].text,
        "Video đã đạt 1.000 lượt xem trên mạng xã hội chỉ sau một ngày đăng tải."
    );
    assert_eq!(s.body.len(), 2);
    assert!(
        s.removed
            .contains(&"Trang chủ / Tin tức / Xã hội".to_string())
    );
}

#[test]
fn signatures_before_the_lead() {
    assert_eq!(site_signature("TTO - Chiều 3-9, công an"), Some(("TTO", 6)));
    assert_eq!(
        site_signature("(Dân trí) - Sáng 1/9").map(|s| s.0),
        Some("Dân trí")
    );
    assert_eq!(
        site_signature("VOV.VN - Sáng nay").map(|s| s.0),
        Some("VOV.VN")
    );
    // A place dateline stays: it names the place.
    assert_eq!(site_signature("HUẾ - Sáng nay"), None);
    assert_eq!(site_signature("Kinh tế - xã hội phát triển"), None);
}

#[test]
fn menus_before_the_title() {
    let s = analyzed(
        "Trang chủ\nThời sự\nPháp luật\nGiáo dục\nSức khỏe\n\
         Xe tải lật nhào trên quốc lộ 1A qua huyện Phú Xuyên\n08/09/2023 07:45\n\
         Sáng 8/9, một xe tải chở hàng đã bị lật trên quốc lộ 1A khiến giao thông ùn tắc nhiều giờ liền.\n",
    );
    assert_eq!(
        s.title,
        "Xe tải lật nhào trên quốc lộ 1A qua huyện Phú Xuyên"
    );
    assert_eq!(s.body.len(), 1);
    assert_eq!(s.removed.len(), 5);
}

#[test]
fn site_name_after_the_title() {
    assert_eq!(
        split_site_name("Hà Nội mưa lớn - Báo Hà Nội Mới"),
        (
            "Hà Nội mưa lớn".to_string(),
            Some("Báo Hà Nội Mới".to_string())
        )
    );
    assert_eq!(
        split_site_name("Kinh tế - xã hội phát triển"),
        ("Kinh tế - xã hội phát triển".to_string(), None)
    );
    assert_eq!(
        split_site_name("Cao Bằng – Bình an một dải biên cương"),
        ("Cao Bằng – Bình an một dải biên cương".to_string(), None)
    );
    assert_eq!(
        split_site_name("Đền Cửa Tây – Báo Lạng Sơn: Tin tức mới nhất về kinh tế, xã hội"),
        (
            "Đền Cửa Tây".to_string(),
            Some("Báo Lạng Sơn: Tin tức mới nhất về kinh tế, xã hội".to_string())
        )
    );
}

#[test]
fn a_caption_is_no_continuation_of_the_headline() {
    let s = analyzed(
        "Chủ tịch huyện ký quyết định điều chuyển cán bộ địa chính xã\n\nrụ sở UBND huyện nơi ông ký quyết định điều chuyển. Ảnh: X.H\n\nNgày 12/5, UBND huyện cho biết đã ban hành quyết định kết thúc việc điều chuyển cán bộ địa chính xã lên huyện.",
    );
    assert_eq!(
        s.title,
        "Chủ tịch huyện ký quyết định điều chuyển cán bộ địa chính xã"
    );
}

#[test]
fn an_image_file_name_and_a_counter_without_colon_are_chrome() {
    let s = analyzed(
        "Truy câp tổng 7.737.917\n\nRừng phòng hộ cháy suốt ba ngày ở huyện miền núi\n\nvnapotalha-1561961594-43.jpg\n\nLiên tiếp ba ngày qua, lửa thiêu rụi những cánh rừng phòng hộ ở khắp các huyện của tỉnh, lực lượng chức năng cùng nhân dân dập lửa.",
    );
    assert_eq!(s.title, "Rừng phòng hộ cháy suốt ba ngày ở huyện miền núi");
    assert!(s.body.iter().all(|p| !p.text.contains(".jpg")));
}

#[test]
fn the_headline_printed_again_in_capitals_under_the_toolbar() {
    let s = analyzed(
        "KINH NGUYỆN TRỰC TUYẾN\n\nLịch sử giáo xứ Tân Phước (bài 2)\n\n• In trang này\n• Lượt xem: 1,204\n• Ngày đăng: 02/05/2021 10:12:40\n\nLỊCH SỬ GIÁO XỨ TÂN PHƯỚC\n\nNhân dịp kỷ niệm năm mươi năm thành lập giáo xứ, chúng ta cùng nhau ôn lại những bước đường của cộng đoàn qua nhiều thế hệ.",
    );
    assert_eq!(s.title, "Lịch sử giáo xứ Tân Phước (bài 2)");
    assert!(s.body.iter().all(|p| !p.text.starts_with("LỊCH SỬ")));
}

#[test]
fn broken_lines_are_joined() {
    let s = analyzed(
        "Một tiêu đề đủ dài cho bài\n\nĐồng chí Bí thư phát biểu trong buổi làm việc với huyện\n\nyêu cầu huyện phải có nhiều đột phá\n\nĐoạn kết thúc bài báo với nhiều chữ.",
    );
    assert_eq!(
        s.body[0].text,
        "Đồng chí Bí thư phát biểu trong buổi làm việc với huyện yêu cầu huyện phải có nhiều đột phá"
    );
}

#[test]
fn derived_titles_cut_near_the_limit() {
    let lead = "Trong 2 ngày 17-18/8, Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh, Đảng bộ phường Từ Sơn (tỉnh Bắc Ninh) tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030.";
    assert_eq!(
        derive_title(lead),
        "Trong 2 ngày 17-18/8, Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh…"
    );
    assert_eq!(derive_title("Một câu ngắn. Câu thứ hai."), "Một câu ngắn");
    assert_eq!(
        derive_title(
            "Thủ tướng Chính phủ vừa ký Quyết định số 1234/QĐ-TTg ngày 15/10/2023 phê duyệt quy hoạch tỉnh Quảng Ninh thời kỳ 2021-2030."
        ),
        // Not "… tỉnh Quảng…", nor "… tỉnh…".
        "Thủ tướng Chính phủ vừa ký Quyết định số 1234/QĐ-TTg ngày 15/10/2023 phê duyệt quy hoạch…"
    );
    assert_eq!(
        derive_title("TP. Hồ Chí Minh đón khách. Sau đó"),
        "TP. Hồ Chí Minh đón khách"
    );
    let words = "chữ ".repeat(60);
    let t = derive_title(&words);
    assert!(
        t.ends_with('…') && t.chars().count() <= TITLE_LIMIT + 1,
        "{t}"
    );
    assert!(!t.contains("  "));
}

#[test]
fn bulleted_menus_and_photo_alt_text() {
    let s = analyzed(
        "• Hà Nội\n• Thừa Thiên Huế\n• Bà Rịa - Vũng Tàu\n• Hồ Chí Minh\n\n\
         Cầu mới nối hai bờ sông Lam\n\n\
         Sau hai năm thi công, cây cầu dài 800 m đã thông xe, người dân không còn phải đi đò qua sông.\n\n\
         Cầu mới nối hai bờ sông Lam - Ảnh 1.\n\nCây cầu nhìn từ bờ nam. Ảnh: Thu Trang\n\n\
         Cây cầu được xây bằng vốn ngân sách tỉnh.\n",
    );
    assert_eq!(s.title, "Cầu mới nối hai bờ sông Lam");
    assert!(
        s.removed.iter().any(|r| r == "• Bà Rịa - Vũng Tàu"),
        "{:?}",
        s.removed
    );
    assert!(
        s.body.iter().all(|p| !p.text.contains("Ảnh 1")),
        "{:?}",
        kinds(&s)
    );
    // A sentence may end on a photo's number in other words.
    let s = analyzed("Tin ảnh\n\nTriển lãm mở cửa, mời xem bộ ảnh 12.\n");
    assert!(
        s.body.iter().any(|p| p.text.ends_with("ảnh 12.")),
        "{:?}",
        kinds(&s)
    );
}

#[test]
fn english_publication_line() {
    let s = analyzed(
        "Skip to main content\nSubmitted by Ban biên tập on 18 October 2019\n\
         Ngày 17/10/2019, Sở Văn hóa tổ chức hội nghị tập huấn công tác thông tin cơ sở cho cán bộ các xã, phường và thị trấn trong tỉnh.\n",
    );
    let date = s.stamp.map(|s| s.date.to_string());
    assert_eq!(date.as_deref(), Some("2019-10-18"));
    assert!(
        s.body.iter().all(|p| !p.text.contains("Submitted")),
        "{:?}",
        kinds(&s)
    );
}

#[test]
fn nothing_but_chrome_is_no_article() {
    assert_eq!(
        analyze("Phản hồi\n\nCác tin khác\n"),
        Err(StructureError::NoText)
    );
    assert_eq!(analyze("  \n\n\u{a0}\n"), Err(StructureError::NoText));
    assert_eq!(analyze("Ảnh: Ngọc Lâm"), Err(StructureError::NoText));
}

proptest! {
    #[test]
    fn never_panics(text in "\\PC{0,300}") {
        let _ = analyze(&text);
    }

    #[test]
    fn derived_titles_stay_short(text in "[a-zà-ỹ ,.]{0,400}") {
        let t = derive_title(&text);
        prop_assert!(t.chars().count() <= TITLE_LIMIT + 1);
    }
}

#[test]
fn a_summary_scraped_over_the_headline_stays() {
    let s = analyzed(
        "Đến nay, nông dân huyện Lục Ngạn, tỉnh Bắc Giang đã cơ bản thu hoạch xong vụ vải thiều năm nay.\n\
         Vải thiều được bày bán ở nhiều chợ đầu mối phía Bắc\n\
         Chỉ còn một phần diện tích vải muộn ở các xã vùng cao đang được người dân thu hái, giá bán ổn định hơn năm trước.\n",
    );
    assert_eq!(
        s.title,
        "Vải thiều được bày bán ở nhiều chợ đầu mối phía Bắc"
    );
    assert!(
        s.body[0]
            .text
            .starts_with("Đến nay, nông dân huyện Lục Ngạn"),
        "{:?}",
        kinds(&s)
    );
}

#[test]
fn related_links_printed_twice_and_long_bare_crumbs_are_chrome() {
    let s = analyzed(
        "Trang chủ Nhân quyền - Góc nhìn thời đại Tình đời nghĩa đạo\n\
         09:49 | 19/11/2022 GMT+7\n\
         Sóc Trăng: Bàn giao hàng nghìn mái ấm cho hộ khó khăn\n\
         Trong hai năm, tỉnh Sóc Trăng đã hỗ trợ xây dựng hàng nghìn căn nhà cho người nghèo và gia đình chính sách trên địa bàn.\n\
         Xây dựng 600 căn nhà cho hộ nghèo vùng biên giới Xây dựng 600 căn nhà cho hộ nghèo vùng biên giới\n\
         Ngày 18/11, tỉnh tổ chức lễ tổng kết chương trình và khen thưởng các tập thể, cá nhân tiêu biểu.\n",
    );
    assert_eq!(
        s.title,
        "Sóc Trăng: Bàn giao hàng nghìn mái ấm cho hộ khó khăn"
    );
    assert!(
        s.body.iter().all(|p| !p.text.contains("600 căn")),
        "{:?}",
        kinds(&s)
    );
}

#[test]
fn a_line_printed_twice_is_never_the_title() {
    let s = analyzed(
        "Xuân tuần tra nơi biên giới Lai Châu\n\
         Thứ sáu, 07:55, 24/01/2025 Khắc Kiên/VOV Tây Bắc Khắc Kiên/VOV Tây Bắc\n\
         VOV4 - Mùa xuân là lúc những chiến sĩ biên phòng Lai Châu chuẩn bị cho những nhiệm vụ tuần tra biên giới quan trọng.\n",
    );
    assert_eq!(s.title, "Xuân tuần tra nơi biên giới Lai Châu");
}

#[test]
fn a_caption_printed_twice_under_the_headline_is_no_title() {
    let s = analyzed(
        "“Du lịch mạo hiểm” đến vùng đất trên mây\n\
         Cán bộ đồn biên phòng thăm hỏi, tặng quà người già dịp Tết.\n\
         Cán bộ đồn biên phòng thăm hỏi, tặng quà người già dịp Tết.\n\
         (PLO) - Nằm ở độ cao gần 2.000 mét so với mực nước biển, vùng đất này quanh năm mây phủ, những người lính biên phòng đã có nhiều việc làm tốt.\n",
    );
    assert_eq!(s.title, "“Du lịch mạo hiểm” đến vùng đất trên mây");
}

#[test]
fn a_caption_printed_twice_under_the_lead_is_no_title() {
    let s = analyzed(
        "Xã Tân Lộc (Cái Nước) phát động trồng cây xanh trên các tuyến kênh\n\
         Sáng ngày 5/3, xã Tân Lộc tổ chức lễ phát động trồng cây xanh tại ấp Cây Dừa.\n\
         Đoàn viên thanh niên trồng cây dọc bờ kênh xáng\n\
         Đoàn viên thanh niên trồng cây dọc bờ kênh xáng\n\
         Năm nay, xã đặt mục tiêu trồng mới hơn ba nghìn cây xanh dọc các tuyến kênh và đường giao thông nông thôn, góp phần giữ đất, chắn gió và làm đẹp cảnh quan.\n",
    );
    assert_eq!(
        s.title,
        "Xã Tân Lộc (Cái Nước) phát động trồng cây xanh trên các tuyến kênh"
    );
    assert!(
        s.body[0].text.starts_with("Sáng ngày 5/3"),
        "{:?}",
        kinds(&s)
    );
}

#[test]
fn a_document_heading_with_its_full_stop_over_the_text() {
    let s = analyzed(
        "Thông báo về việc tăng cường phòng, chống dịch bệnh trong dịp nghỉ Lễ Giỗ Tổ Hùng Vương, Lễ 30/4 và 1/5 năm nay.\n\n277\n\nCăn cứ Công văn của Ủy ban nhân dân quận về tăng cường phòng, chống dịch bệnh trong dịp lễ, Ủy ban nhân dân phường thông báo đến các khu phố và tổ dân phố thực hiện một số nội dung như sau.",
    );
    assert_eq!(
        s.title,
        "Thông báo về việc tăng cường phòng, chống dịch bệnh trong dịp nghỉ Lễ Giỗ Tổ Hùng Vương, Lễ 30/4 và 1/5 năm nay."
    );
    assert!(s.body[0].text.starts_with("Căn cứ"));
}

#[test]
fn a_notice_signed_off_to_readers_over_the_headline() {
    let s = analyzed(
        "Từ ngày 1-7, tỉnh mới chính thức đi vào hoạt động, vì vậy trang tạm ngừng cập nhật tin để chờ hướng dẫn; mọi tin về địa bàn cũ sẽ được đăng trên báo của tỉnh mới và các nền tảng liên quan. Trân trọng!\n\nHố ga mất nắp giữa ngã tư\n\nThứ tư, ngày 09/09/2020\n\n(BDO) Theo người dân, hố ga này mất nắp từ một tháng nay, người dân phải dựng thùng xốp lên để cảnh báo cho các phương tiện qua lại.",
    );
    assert_eq!(s.title, "Hố ga mất nắp giữa ngã tư");
    assert!(s.body.iter().all(|p| !p.text.contains("Trân trọng")));
}

#[test]
fn a_note_in_parentheses_is_no_headline() {
    let s = analyzed(
        "Vườn mai nhà tôi\n\n(Nơi lưu lại những bài thơ tôi đã đăng ở vài diễn đàn cùng bạn hữu)\n\nChủ Nhật, 5 tháng 8, 2012\n\nVỀ THĂM QUÊ NỘI\n\nHôm nay, lần đầu tiên cháu được về thăm quê nội ở xã Nghĩa Lâm và được ra thăm biển gần nhà nhất, ngay gần cửa sông.",
    );
    assert!(!s.title.starts_with('('), "{}", s.title);
}

#[test]
fn a_section_name_before_the_date() {
    let s = analyzed(
        "Những chuyến đò qua sông mùa giãn cách\n\nPhóng sự 20-09-2021\n\nDo đặc thù địa bàn xã giáp ranh với tỉnh bạn, cách trung tâm huyện bởi một con sông, nên trong thời gian giãn cách người dân gặp nhiều khó khăn.",
    );
    assert_eq!(s.title, "Những chuyến đò qua sông mùa giãn cách");
    assert_eq!(day_of(&s), Some(jiff::civil::date(2021, 9, 20)));
    let post = analyzed(
        "Đã có nghị quyết sắp xếp đơn vị hành chính cấp xã\n\n • #534830 10/12/2019\n\nDưới đây là các nghị quyết sắp xếp đơn vị hành chính vừa được Ủy ban Thường vụ Quốc hội ban hành trong tháng này cho nhiều tỉnh.",
    );
    assert_eq!(day_of(&post), Some(jiff::civil::date(2019, 12, 10)));
}

#[test]
fn a_label_glued_between_headline_and_lead() {
    let s = analyzed(
        "Công đoàn thành phố trao 3.000 suất quà Tết cho đoàn viên khó khănTin tổng hợp: Liên đoàn Lao động thành phố đang yêu cầu công đoàn các cấp lập danh sách đoàn viên có hoàn cảnh đặc biệt khó khăn để trao quà trước Tết.",
    );
    assert_eq!(
        s.title,
        "Công đoàn thành phố trao 3.000 suất quà Tết cho đoàn viên khó khăn"
    );
    assert!(s.body[0].text.starts_with("Liên đoàn Lao động"));
}

#[test]
fn a_wrapped_sentence_keeps_its_last_word() {
    let s = analyzed(
        "Viếng đền\nthờ liệt sĩ xã nhân kỷ niệm 71 năm Quốc khánh\n2/9.\nNhân\nkỷ niệm Cách mạng Tháng Tám và Quốc khánh, sáng ngày 1/9/2016, lãnh đạo xã tổ chức lễ viếng đền thờ liệt sĩ trong không khí trang nghiêm.",
    );
    assert_eq!(
        s.title,
        "Viếng đền thờ liệt sĩ xã nhân kỷ niệm 71 năm Quốc khánh 2/9."
    );
}

#[test]
fn a_blog_date_then_a_headline_with_its_full_stop() {
    let s = analyzed(
        "Thứ Bảy, 13 tháng 10, 2018\n\nMiền đất hẹp giữa hai miền và những con người kiên cường.\n\nĐây là một vùng đất hẹp chắn ngang giữa hai miền, vừa gần núi vừa gần biển, nơi khí hậu khắc nghiệt đã tôi luyện nên những con người chịu thương chịu khó qua bao thế hệ sinh sống.",
    );
    assert_eq!(
        s.title,
        "Miền đất hẹp giữa hai miền và những con người kiên cường."
    );
    let lead = analyzed(
        "Thứ Bảy, 13 tháng 10, 2018\n\nSáng 13/10, xã tổ chức lễ khai giảng lớp học tình thương.\n\nĐây là lớp học thứ ba xã mở cho trẻ em có hoàn cảnh khó khăn, với sự giúp đỡ của các nhà hảo tâm trong và ngoài địa phương qua nhiều năm liền.",
    );
    assert!(lead.body[0].text.starts_with("Sáng 13/10"));
}

#[test]
fn a_date_line_is_not_joined_to_the_caption_under_it() {
    let s = analyzed(
        "Hội đồng nhân dân phường tổ chức kỳ họp chuyên đề lần thứ nhất\nNgày cập nhật 13/03/2024\nhình ảnh tại kỳ họp\n\nHĐND phường tổ chức kỳ họp chuyên đề lần thứ nhất nhiệm kỳ 2021-2026 để thông qua chủ trương thành lập thành phố trực thuộc trung ương.",
    );
    assert_eq!(day_of(&s), Some(jiff::civil::date(2024, 3, 13)));
}

#[test]
fn a_page_saved_as_one_line() {
    let s = analyzed(
        "Xã Tân An - Anh hùng Lực lượng vũ trang nhân dân 04/03/2016 | 12:00 AM 3064 In Gửi Email Phóng to Thu nhỏ Tương phản Đọc bài viết Xã Tân An thuộc vùng trung du, nằm về phía tây của huyện, trong kháng chiến là căn cứ của nhiều đơn vị bộ đội địa phương và du kích.",
    );
    assert_eq!(s.title, "Xã Tân An - Anh hùng Lực lượng vũ trang nhân dân");
    assert_eq!(day_of(&s), Some(jiff::civil::date(2016, 3, 4)));
    assert!(s.body[0].text.starts_with("Xã Tân An thuộc"));
}

#[test]
fn a_page_titles_empty_separators_go() {
    let s = analyzed(
        "Phường Cống Vị | ||\n\nPhường Cống Vị là một phường thuộc quận Ba Đình, thành phố Hà Nội, \
         nằm ở phía tây của quận, với diện tích khoảng 0,8 km² và hơn 30.000 người sinh sống.\n",
    );
    assert_eq!(s.title, "Phường Cống Vị");
}

#[test]
fn office_codes_sign_no_one() {
    for code in ["GLO", "HYTV", "VHXH", "TĐKT"] {
        assert_eq!(byline(code), None, "{code}");
    }
    assert_eq!(byline("TL").as_deref(), Some("TL"));
    assert_eq!(byline("N.HẠNH").as_deref(), Some("N.HẠNH"));
}

#[test]
fn a_headline_printed_twice_on_one_line() {
    let s = analyzed(
        "Đức Huệ trao học bổng cho học sinh vượt khóĐức Huệ trao học bổng cho học sinh vượt khó\n\n\
         Sáng ngày 2/12, Hội Khuyến học huyện Đức Huệ trao 50 suất học bổng cho học sinh có hoàn cảnh \
         khó khăn vươn lên trong học tập, mỗi suất trị giá một triệu đồng.\n",
    );
    assert_eq!(s.title, "Đức Huệ trao học bổng cho học sinh vượt khó");
    let s = analyzed(
        "Ban Chỉ đạo huyện trực báo quý I năm 2019QUÝ I NĂM 2019.\n\n\
         Sáng ngày 5/4/2019, Ban Chỉ đạo xây dựng cơ sở huyện tổ chức trực báo quý I năm 2019 \
         với các xã trọng điểm, đánh giá kết quả và đề ra nhiệm vụ quý II.\n",
    );
    assert_eq!(s.title, "Ban Chỉ đạo huyện trực báo quý I năm 2019");
}
