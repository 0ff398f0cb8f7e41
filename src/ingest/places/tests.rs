use super::*;
use proptest::prelude::*;

pub(super) fn names(text: &str) -> Vec<String> {
    let body = vec![Paragraph::new(ParagraphKind::Text, text)];
    extract(Gazetteer::embedded(), "", &body)
        .into_iter()
        .map(|p| p.name)
        .collect()
}

pub(super) fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn after_type_words() {
    assert_eq!(
        names("Tại Đảng bộ phường Hương Mạc, thị xã Từ Sơn"),
        ["Hương Mạc", "Từ Sơn"]
    );
    assert_eq!(names("Nhân dân huyện Thường Tín sẽ nỗ lực"), ["Thường Tín"]);
    assert_eq!(
        names("người dân TP.HCM và TP. Hồ Chí Minh"),
        ["Hồ Chí Minh"]
    );
    assert_eq!(names("Đoàn khách về TPHCM hôm qua"), ["Hồ Chí Minh"]);
    assert_eq!(
        sorted(names("sạt lở ở xã Tân Phượng (H.Lục Yên) và TT.Yên Thế")),
        ["Lục Yên", "Tân Phượng", "Yên Thế"]
    );
    assert_eq!(
        names("bà con bản Noong Luống, xã Thanh Yên dự lễ"),
        ["Thanh Yên"]
    );
}

#[test]
fn lists_after_gom_a_few_words_on() {
    // Words between the plural and "gồm", a district in parentheses
    // after some names, old tone placement.
    assert_eq!(
        sorted(names(
            "Các xã được công nhận đạt chuẩn NTM đợt này gồm: Cẩm Bình, Cẩm Hoà (Cẩm Xuyên), Thạch Khê, Thạch Đài (Thạch Hà), Kỳ Thư và Kỳ Hải (Kỳ Anh). Tỉnh Hà Tĩnh sẽ khen thưởng."
        )),
        [
            "Cẩm Bình",
            "Cẩm Hòa",
            "Cẩm Xuyên",
            "Hà Tĩnh",
            "Kỳ Anh",
            "Kỳ Hải",
            "Kỳ Thư",
            "Thạch Hà",
            "Thạch Khê",
            "Thạch Đài"
        ]
    );
    // A capitalised name before "gồm" is no list opener: "các xã Đông
    // Ngàn" names one commune, and "gồm" then lists something else.
    assert_eq!(
        sorted(names(
            "Các xã Đình Bảng gồm: Nguyễn Văn An, Trần Văn Bình là đại biểu."
        )),
        ["Đình Bảng"]
    );
    // Groups by district, split by semicolons; a name with another
    // tone than a district's is the commune ("Sơn Hóa", not Sơn Hòa).
    assert_eq!(
        sorted(names(
            "Tỉnh công nhận lại 05 xã, đó là: Cao Quảng, Sơn Hóa (huyện Tuyên Hóa); Vĩnh Ninh (huyện Quảng Ninh); Hóa Thanh và Trung Hóa (huyện Minh Hóa)."
        )),
        [
            "Cao Quảng",
            "Hóa Thanh",
            "Minh Hóa",
            "Quảng Ninh",
            "Sơn Hóa",
            "Trung Hóa",
            "Tuyên Hóa",
            "Vĩnh Ninh"
        ]
    );
    // A full stop ends the clause: no list.
    assert_eq!(
        names("Ba xã được khen. Đoàn gồm: Cẩm Bình và Thạch Khê."),
        Vec::<String>::new()
    );
}

#[test]
fn plural_lists() {
    assert_eq!(
        sorted(names(
            "Phường Từ Sơn được thành lập trên cơ sở sáp nhập bốn phường Đông Ngàn, Đình Bảng, Tân Hồng và Phù Chẩn (thành phố Từ Sơn cũ)."
        )),
        ["Phù Chẩn", "Tân Hồng", "Từ Sơn", "Đình Bảng", "Đông Ngàn"]
    );
}

#[test]
fn lists_with_a_comma_before_va() {
    assert_eq!(
        sorted(names(
            "thị xã Từ Sơn gồm các phường Đông Ngàn, Đình Bảng, và Tân Hồng"
        )),
        ["Tân Hồng", "Từ Sơn", "Đình Bảng", "Đông Ngàn"]
    );
}

#[test]
fn committees_name_their_place() {
    assert_eq!(names("Thị ủy Từ Sơn tổ chức hội nghị"), ["Từ Sơn"]);
    assert_eq!(
        names("Ban Thường vụ Tỉnh ủy Bắc Ninh công bố"),
        ["Bắc Ninh"]
    );
    assert_eq!(
        names("Huyện uỷ đã thực hiện nhiều cách làm mới"),
        Vec::<String>::new()
    );
}

#[test]
fn bare_provinces_and_districts() {
    assert_eq!(
        names("Quyết tâm đưa Bắc Ninh trở thành thành phố"),
        ["Bắc Ninh"]
    );
    assert_eq!(
        names("yêu cầu Thường Tín phải có nhiều đột phá"),
        ["Thường Tín"]
    );
    assert_eq!(names("Hà Nội và Hà Đông"), ["Hà Nội", "Hà Đông"]);
    // A bare commune name is not enough.
    assert_eq!(names("Đình Bảng là một vùng đất cổ"), Vec::<String>::new());
}

#[test]
fn people_are_not_places() {
    for text in [
        "Ông Đỗ Tuấn Sơn được chỉ định giữ chức Bí thư",
        "Phó Bí thư Nguyễn Hương Giang đề nghị",
        "Đồng chí Bí thư Thành ủy Vương Đình Huệ phát biểu",
        "Học tập và làm theo Bác",
        "phát triển sáng tạo tư tưởng Hồ Chí Minh",
        "Đồng chí Trần Hồng Hạnh cho biết",
        "đồng chí Hà Nam phát biểu",
        "bà Uông Thị Phượng",
        "các tin nổi bật: Quyết liệt chống buôn lậu; Công Vinh trở lại đội tuyển",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text:?}");
    }
    assert_eq!(
        names("Phó Bí thư Tỉnh ủy Bắc Ninh Nguyễn Hương Giang đề nghị"),
        ["Bắc Ninh"]
    );
}

#[test]
fn streets_and_papers_are_not_places() {
    assert_eq!(names("trên đường Hà Nội"), Vec::<String>::new());
    assert_eq!(names("theo Báo Bắc Ninh"), Vec::<String>::new());
    assert_eq!(
        names("khi trao đổi với Pháp Luật TP.HCM về chuyến công tác"),
        Vec::<String>::new()
    );
    assert_eq!(
        names("trên trang 3 báo Pháp luật TPHCM với nhan đề"),
        Vec::<String>::new()
    );
    assert_eq!(
        names("tại khu vực Công viên biển Bình Sơn và quảng trường"),
        Vec::<String>::new()
    );
    assert_eq!(
        names("Bộ Tư lệnh Thái Bình Dương của Hoa Kỳ"),
        Vec::<String>::new()
    );
    assert_eq!(
        names("đánh bắt ở ngư trường Trường Sa; lễ khao lề thế lính Hoàng Sa"),
        Vec::<String>::new()
    );
    assert_eq!(names("Thắt chặt an ninh ở sân Vinh"), Vec::<String>::new());
    assert_eq!(
        names("dự lễ khởi công tại Cảng hàng không Phù Cát"),
        Vec::<String>::new()
    );
    assert_eq!(
        names("Dự án do Công ty cổ phần Tập đoàn Đầu tư Phù Mỹ làm chủ đầu tư"),
        Vec::<String>::new()
    );
    assert_eq!(names("huyện đảo Trường Sa"), ["Trường Sa"]);
    assert_eq!(
        names("trạm bơm của hệ thống thủy lợi Bắc Thái Bình vận hành"),
        ["Thái Bình"]
    );
    assert_eq!(names("tỉnh Đác Lắc đã cấp"), ["Đắk Lắk"]);
    assert_eq!(
        sorted(names(
            "gồm các xã thiệu Khánh, Thiệu Vân và Hoằng Quang (TP Thanh Hóa)"
        )),
        ["Hoằng Quang", "Thanh Hóa", "Thiệu Khánh", "Thiệu Vân"]
    );
    assert_eq!(
        names("Bộ đội biên phòng đồn Hạnh Dịch, huyện Quế Phong"),
        ["Quế Phong"]
    );
    for text in [
        "kết hợp với Bệnh viện Đa khoa Khu vực Ngọc Lặc tổ chức khám",
        "Trường Đại học kinh tế Nghệ An, công ty xổ số kiến thiết Nghệ An trao quà",
        "Thư viện Hà Nội luân chuyển sách",
        "cửa ngõ của Cao nguyên đá Đồng Văn",
        "lõm sóng quanh hồ thủy điện Bắc Bình",
        "PV Thái Bình/VOV Miền Trung thông tin",
        "Tác giả Cơ Nguyên (TTKN Ninh Thuận)",
        "Cán bộ Phòng giao dịch Ngân hàng CSXH Tân Sơn giải ngân vốn vay",
        "Đức cha Phêrô (GP Đà Lạt) đến giáo xứ Kala, giáo hạt Di Linh",
        "linh mục quản hạt Bảo Lộc và các cha TGP Huế",
        "nguyên Tổng biên tập Tạp chí Văn nghệ Long An",
        "sạt lở ven chợ nổi Cái Răng",
        "Đồn Biên phòng cửa khẩu quốc tế Trà Lĩnh hội ý",
        "tắm biển ở bãi tắm Cửa Lò",
        "chi bộ cộng sản đầu tiên - chi bộ Tân Yên thành lập năm 1933",
        "nước tràn vào các khu dân cư Cầu Mây 3, Hàm Rồng 1 và Sa Pa 1",
        "sáp nhập 3 ấp: An Phú, Vĩnh Lợi, Vĩnh Lộc để thành lập 2 ấp mới",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text:?}");
    }
    assert_eq!(
        names("hưởng ứng Festival biển Nha Trang - Khánh Hòa 2017"),
        ["Nha Trang", "Khánh Hòa"]
    );
    assert_eq!(names("đoàn ở Đà Nẵng 3 ngày"), ["Đà Nẵng"]);
    // A commune the district in parentheses vouches for, but named in a
    // cooperative's name past its abbreviation.
    assert_eq!(
        names("Hợp tác xã nông nghiệp (HTXNN) Nhân Mỹ (Lý Nhân) có tổng diện tích"),
        ["Lý Nhân"]
    );
    // The place itself, after a word that only opens the sentence.
    assert_eq!(names("Về Vinh mùa sen nở"), ["Vinh"]);
    assert_eq!(names("sở Tư pháp TP.HCM cho biết"), ["Hồ Chí Minh"]);
}

#[test]
fn same_named_communes_resolve_by_context() {
    // Many communes are called Tân Hồng; the district settles it.
    let places = extract(
        Gazetteer::embedded(),
        "",
        &[Paragraph::new(
            ParagraphKind::Text,
            "xã Tân Hồng và thị xã Từ Sơn",
        )],
    );
    let g = Gazetteer::embedded();
    let hierarchy: Vec<String> = places.iter().map(|p| g.hierarchy(p.unit)).collect();
    assert!(
        hierarchy.contains(&"Tân Hồng · Từ Sơn · Bắc Ninh".to_string()),
        "{hierarchy:?}"
    );
}

#[test]
fn bare_communes_where_the_article_names_their_district() {
    // A commune in parentheses after a village, in a district the
    // article names.
    assert_eq!(
        sorted(names(
            "Huyện Thanh Miện còn hai thôn chưa đạt chuẩn: Lang Gia (Tân Trào) và Văn Tân (Ngô Quyền)."
        )),
        ["Ngô Quyền", "Thanh Miện", "Tân Trào"]
    );
    // Commune, district, province in a row.
    assert_eq!(
        sorted(names(
            "Người dân Tân Hoá, Minh Hoá, Quảng Bình đã quen sống chung với lũ."
        )),
        ["Minh Hóa", "Quảng Bình", "Tân Hóa"]
    );
    // A neighbour of a commune named with its type.
    assert_eq!(
        sorted(names(
            "Bờ biển phường Quỳnh Phương ngắn, còn Quỳnh Lập có bờ biển dài."
        )),
        ["Quỳnh Lập", "Quỳnh Phương"]
    );
    // The sentence says it is a commune.
    assert_eq!(
        names("Thụy Chính hiện là xã đầu tiên có đủ nhà văn hóa kiểu mẫu."),
        ["Thụy Chính"]
    );
}

#[test]
fn bare_communes_without_their_district_are_not_places() {
    for text in [
        "Du khách về Tân Trào dự lễ hội.",
        "Chị Hồng Quang kể lại chuyện cũ.",
        "Tân Trào là điểm đến của nhiều đoàn khách.",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text:?}");
    }
    // Schools named after communes of the district named.
    assert_eq!(
        names(
            "Huyện Bắc Hà bàn giao phòng học cho các Trường Mầm non: Cốc Ly, Bản Già và Trường Tiểu học Na Hối 1."
        ),
        ["Bắc Hà"]
    );
}

#[test]
fn names_joined_by_a_bare_hyphen() {
    assert_eq!(
        names("Đoàn công tác tỉnh Thừa Thiên-Huế"),
        ["Thừa Thiên Huế"]
    );
    // A road named by its ends names neither.
    assert!(names("Tuyến cao tốc Hà Nội-Hải Phòng").is_empty());
    assert!(names("gần cao tốc Hà Nội - Hải Phòng").is_empty());
}

#[test]
fn a_last_word_left_in_lowercase() {
    assert_eq!(
        sorted(names("Nông dân huyện Văn giang và huyện Tiên lữ thu hoạch")),
        ["Tiên Lữ", "Văn Giang"]
    );
    assert_eq!(names("xã Tân Phú tổ chức hội nghị"), ["Tân Phú"]);
    // Respelled from capitals, a name counts as one in capitals: "NĂM
    // ĐÔNG" is no "Nam Đông".
    assert_eq!(
        names("KỶ NIỆM 10 NĂM ĐÔNG HÀ LÊN THÀNH PHỐ. Lễ hội ở thành phố Đông Hà"),
        ["Đông Hà"]
    );
    // One place in two eras and two levels; not one of many communes.
    assert_eq!(names("học tập tại Thành phố Thanh hoá"), ["Thanh Hóa"]);
    assert_eq!(names("về xã Tân an thăm hỏi"), Vec::<String>::new());
    // A kind of land, not a commune's name left in lowercase.
    assert_eq!(
        names("Giao ban cụm thi đua các huyện, thị xã Đồng bằng tại huyện Đô Lương"),
        ["Đô Lương"]
    );
}

#[test]
fn names_spelled_with_other_marks() {
    assert_eq!(
        sorted(names("Các huyện Đăk Glei và Tu Mơ Rông, tỉnh Kon Tum")),
        ["Kon Tum", "Tu Mơ Rông", "Đắk Glei"]
    );
}

#[test]
fn a_middle_name_makes_three_words_a_person() {
    assert_eq!(
        names("Bí thư Tỉnh ủy Đồng Văn Thanh phát biểu"),
        Vec::<String>::new()
    );
    assert_eq!(names("Tại Văn Lâm, nông dân thu hoạch lúa"), ["Văn Lâm"]);
}

#[test]
fn a_name_hyphened_to_a_blocked_one_is_blocked() {
    assert_eq!(
        names("Ban liên lạc đồng hương Bạc Liêu - Cà Mau trao quà"),
        Vec::<String>::new()
    );
    assert_eq!(
        names("Công ty cổ phần Bình Điền - Quảng Trị tặng quà"),
        Vec::<String>::new()
    );
    assert_eq!(
        names("đại diện Công ty cp Bình Điền Quảng Trị dự họp"),
        Vec::<String>::new()
    );
    // A name after a temple's, without a hyphen, is the place.
    assert_eq!(names("lễ hội ở Đình Vạn Phước Cần Đước"), ["Cần Đước"]);
}

#[test]
fn the_site_settles_numbered_wards_but_is_not_the_article() {
    let body = [Paragraph::new(
        ParagraphKind::Text,
        "Ủy ban nhân dân Phường 2 tổ chức hội nghị.",
    )];
    let g = Gazetteer::embedded();
    let site = ["Quận 10 - Thành Phố Hồ Chí Minh".to_string()];
    let places = extract_under(g, &site, "", &body);
    let found: Vec<String> = places.iter().map(|p| g.hierarchy(p.unit)).collect();
    assert_eq!(found, ["2 · 10 · Hồ Chí Minh"]);
    assert!(extract(g, "", &body).is_empty());
}

#[test]
fn salience_orders_places() {
    let body = vec![
        Paragraph::new(ParagraphKind::Text, "Hội nghị ở tỉnh Bắc Ninh."),
        Paragraph::new(
            ParagraphKind::Text,
            "Huyện Thường Tín, huyện Thường Tín và Thường Tín.",
        ),
    ];
    let p = extract(Gazetteer::embedded(), "Tin từ Bắc Ninh", &body);
    let n: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(n, ["Bắc Ninh", "Thường Tín"]);
    assert_eq!(p[1].mentions, 3);
}

#[test]
fn tone_placement_does_not_matter() {
    assert_eq!(names("tỉnh Hoà Bình"), ["Hòa Bình"]);
    assert_eq!(names("tỉnh Hòa Bình"), ["Hòa Bình"]);
}

proptest! {
    #[test]
    fn never_panics(text in "\\PC{0,200}") {
        let _ = names(&text);
    }
}

#[test]
fn a_caption_keeps_its_places_and_loses_its_credit() {
    assert_eq!(
        without_credit("(Ảnh chụp lúc 7 giờ ngày 31-8-2020 tại phường Phú Lợi, TP.Thủ Dầu Một)"),
        "(Ảnh chụp lúc 7 giờ ngày 31-8-2020 tại phường Phú Lợi, TP.Thủ Dầu Một)"
    );
    assert_eq!(
        without_credit("Lễ ra quân tại xã Tân Lộc (Ảnh Trúc Lam)"),
        "Lễ ra quân tại xã Tân Lộc "
    );
    assert_eq!(
        without_credit("Lễ ra quân tại xã Tân Lộc. Ảnh: Thái Bình"),
        "Lễ ra quân tại xã Tân Lộc. "
    );
}

#[test]
fn a_name_spelled_as_written_settles_among_look_alikes() {
    // "Sa Pa" and "Sa Pả" fold alike; the ward is the one spelled so.
    assert_eq!(names("Lễ hội ở phường Sa Pa năm nay rất đông."), ["Sa Pa"]);
}

#[test]
fn names_of_things_after_their_place() {
    // A cooperative, a culture, a cemetery; the type word inside the
    // cooperative's name names no commune.
    assert_eq!(
        names("Hội Nông dân xã Hải Quế phối hợp Hợp tác xã Kim Long tập huấn"),
        ["Hải Quế"]
    );
    assert_eq!(
        names("Trưng bày về Văn hóa Đông Sơn tại huyện Phong Điền"),
        ["Phong Điền"]
    );
    assert_eq!(
        names("Cạnh nghĩa trang Bình Hưng Hòa, phường Bình Hưng Hòa A có hơn 123.000 dân"),
        ["Bình Hưng Hòa A"]
    );
    assert_eq!(
        names("Xử lý môi trường tại Nhà máy cồn Đại Tân, huyện Đại Lộc"),
        ["Đại Lộc"]
    );
    assert_eq!(
        names("Truyền hình Trà Vinh đưa tin; du khách chụp ảnh bên cột cờ Hà Nội"),
        Vec::<String>::new()
    );
    assert_eq!(
        names(
            "Cán bộ Vườn quốc gia Ba Bể, Khu bảo tồn thiên nhiên Na Hang và thủy điện Hòa Bình về xã Nghĩa Phương, huyện Lục Nam dự Festival Huế"
        ),
        ["Nghĩa Phương", "Lục Nam"]
    );
    assert_eq!(
        names("Tu bổ đình “Văn Lãng” ở xã Tân Thịnh, huyện Văn Chấn"),
        ["Tân Thịnh", "Văn Chấn"]
    );
    assert_eq!(
        names("Xã Xa Dung có 8 người mất tích tại các bản Háng Pú Xi, Chống Sư A"),
        ["Xa Dung"]
    );
    assert_eq!(
        names("Công an huyện Sông Mã và Cục Hải quan Điện Biên phá chuyên án"),
        ["Sông Mã"]
    );
    assert_eq!(
        names("Xã Tam Đường trồng Sâm Lai Châu, Nhà hát Ca múa kịch Lam Sơn biểu diễn ở Thọ Xuân"),
        ["Tam Đường", "Thọ Xuân"]
    );
    // A district named after a person, with its province in parentheses.
    assert_eq!(
        names("ngư dân ở thị trấn Sông Đốc (Trần Văn Thời, Cà Mau) và tư tưởng Hồ Chí Minh"),
        ["Sông Đốc", "Trần Văn Thời", "Cà Mau"]
    );
    assert_eq!(names("(Đồng Văn Thanh, 45 tuổi)"), Vec::<String>::new());
    // A product's word is no blocker when it is not right before the name.
    assert_eq!(names("Giá gạo tại Sóc Trăng tăng"), ["Sóc Trăng"]);
    // Streets listed after one "phố" (from the third item); a port named
    // after "là"; a name explained; a wartime safe zone.
    assert_eq!(
        names("Phố đi bộ gồm phố Hàng Dầu, Cầu Gỗ, Hàng Bạc, Đinh Liệt ở quận Hoàn Kiếm"),
        ["Hoàn Kiếm"]
    );
    assert_eq!(names("Nhà ở đường Lê Lợi, Thanh Hóa"), ["Thanh Hóa"]);
    assert_eq!(
        names("Huyện Thái Thụy có 1 cảng cá là Tân Sơn; quê nhà là Nam Định"),
        ["Thái Thụy", "Nam Định"]
    );
    assert!(names("theo âm Hán Việt thì gọi là Mường Thanh, ở ATK Chợ Đồn").is_empty());
    // Islands listed after a plural; a dike; a festival in quotes.
    assert_eq!(
        names("Khai giảng trên các đảo Trường Sa, Song Tử Tây và Sinh Tồn, đặc khu Trường Sa"),
        ["Trường Sa"]
    );
    assert!(names("Sóng đánh vỡ đê biển Cửa Đại; Lễ hội “Thuận An biển gọi” khai mạc").is_empty());
    // A market named after its commune, and a theme in quotes.
    assert!(names("Chợ tình Khâu Vai khai mạc với chủ đề “Ấn tượng Khâu Vai”").is_empty());
    // A person joined to another by "và"; a credit fund; an ancient
    // capital; a portal's licence goes with the chrome.
    assert!(names("Gia đình Anh/Chị Nhung và Vinh trao quà").is_empty());
    assert_eq!(
        names("Quỹ Tín dụng nhân dân Đông Trà (Tiền Hải) và Cố đô Hoa Lư"),
        ["Tiền Hải"]
    );
    assert_eq!(
        names("Về xã Ayun hạ, huyện Phú Thiện"),
        ["Ayun Hạ", "Phú Thiện"]
    );
    // A Khmer hamlet, a canton, a river mouth, a race.
    assert_eq!(
        names(
            "Về sóc Bom Bo, xã Bình Minh; làng Mỹ Lũ tổng Hà Trung; cửa biển Rạch Gốc; giải Việt dã Tiền Phong"
        ),
        ["Bình Minh"]
    );
    // A storm; one word never names a unit of two ("Nari", "Na Rì").
    assert_eq!(names("Khi bão Nari đổ bộ vào Hội An"), ["Hội An"]);
    assert!(names("Chuyến thăm Nari kết thúc").is_empty());
    // A reporter signing an item in capitals, named like a province.
    assert_eq!(
        names("Các xã ven sông di dời dân ở Hội An. (MINH HẢI)"),
        ["Hội An"]
    );
    assert_eq!(
        names("Bão đổ bộ vào Hội An (Quảng Nam)"),
        ["Hội An", "Quảng Nam"]
    );
    // "P.V": a reporter's byline, not "phường V".
    assert!(names("P.V").is_empty());
    assert!(names("P.V (tổng hợp)").is_empty());
    assert_eq!(names("Nhân dân P.V hưởng ứng"), ["Phường V"]);
}

#[test]
fn highland_names_with_or_without_their_tone() {
    assert_eq!(
        names("Huyện Đắk Glong: 56 thôn; huyện Tuy Đức: 50 thôn"),
        ["Đăk Glong", "Tuy Đức"]
    );
}

#[test]
fn the_old_name_of_the_city_alone() {
    assert_eq!(
        names("Buôn Ma Thuột cách Sài Gòn 360 km"),
        ["Buôn Ma Thuột", "Hồ Chí Minh"]
    );
    assert!(names("Tin đăng trên báo Sài Gòn Giải Phóng số ra sáng nay").is_empty());
    assert!(names("Trạm thu phí hầm sông Sài Gòn").is_empty());
}

#[test]
fn a_person_named_after_the_type_word() {
    assert!(names("Chỉ huy trưởng quân sự xã Đinh Văn Phước công bố quyết định").is_empty());
    assert_eq!(
        names("Thị trấn Đinh Văn tổ chức lễ giao quân"),
        ["Đinh Văn"]
    );
}

#[test]
fn names_ending_in_a_number_or_a_letter() {
    // Bare names after a typed one, in the district's list: the number or
    // the letter is the name's, and "Long Khánh B" is not the city.
    assert_eq!(
        names("Huyện Hồng Ngự sáp nhập xã Thường Phước 1, Thường Phước 2 và Thường Lạc."),
        ["Hồng Ngự", "Thường Phước 1", "Thường Phước 2", "Thường Lạc"]
    );
    assert_eq!(
        names("Huyện Hồng Ngự sáp nhập xã Long Khánh A và Long Khánh B."),
        ["Hồng Ngự", "Long Khánh A", "Long Khánh B"]
    );
}
