//! Names of things (stadiums, companies, hamlets, other stories) that are
//! also the names of units, and units named by a number.

/// The names found in `text`, in order of name.
fn names(text: &str) -> Vec<String> {
    super::tests::sorted(super::tests::names(text))
}

#[test]
fn a_longer_blocker_holds_the_shorter_word_that_is_none() {
    // "vận động" is a verb ("vận động Nhân dân …"), but "sân vận động" is
    // a stadium.
    assert!(names("Thu gom rác quanh sân vận động Chi Lăng để bảo đảm vệ sinh.").is_empty());
    assert_eq!(
        names("Huyện vận động Nhân dân huyện Chi Lăng hiến đất."),
        ["Chi Lăng"]
    );
}

#[test]
fn va_inside_a_company_name_and_between_two_places() {
    assert!(
        names("Lực lượng của Công ty Môi trường và Công trình đô thị Huế tham gia.").is_empty()
    );
    assert_eq!(
        names("Doanh nghiệp ở Bắc Ninh và Hà Nam ký kết hợp tác."),
        ["Bắc Ninh", "Hà Nam"]
    );
    assert_eq!(
        names("Công ty Cổ phần Bắc Ninh và thành phố Hà Nội ký kết."),
        ["Hà Nội"]
    );
}

#[test]
fn hamlets_listed_after_their_count() {
    let text = "Xã Quảng Hòa, huyện Quảng Trạch có 16 chòm: Đông Hòa, Tây Hòa, Phú Hòa, Khánh Hòa, Biên Hòa.";
    assert_eq!(names(text), ["Quảng Hòa", "Quảng Trạch"]);
}

#[test]
fn hamlets_listed_after_gom() {
    let text = "Xã Phú Bình, huyện Tân Phú được chia thành 06 ấp gồm: Phú Dũng, Phú Tân, Phú Thành, Phú Cường.";
    assert_eq!(names(text), ["Phú Bình", "Tân Phú"]);
    let text = "Xã Phú Bình, huyện Tân Phú có các ấp bao gồm: Phú Dũng, Phú Tân, Phú Thành.";
    assert_eq!(names(text), ["Phú Bình", "Tân Phú"]);
}

#[test]
fn a_name_with_a_number_is_a_variety_or_a_hamlet() {
    let text = "Người dân xã Tân Lộc Bắc trồng các giống lúa Một bụi đỏ, Cà Mau 1, Cà Mau 2… theo kinh nghiệm.";
    assert_eq!(names(text), ["Tân Lộc Bắc"]);
    assert_eq!(
        names("Báo Cà Mau (CMO) Trong thư gửi nông dân, Bác viết."),
        Vec::<String>::new()
    );
}

#[test]
fn a_route_named_by_its_ends() {
    assert!(names("Xe vào đường dẫn cao tốc Trung Lương - TP HCM thì va chạm.").is_empty());
    assert!(names("Tai nạn trên cao tốc TPHCM- Trung Lương gia tăng.").is_empty());
    // The city itself, away from the road's name.
    assert_eq!(
        names("Cao tốc đi qua TPHCM và tỉnh Tiền Giang."),
        ["Hồ Chí Minh", "Tiền Giang"]
    );
}

#[test]
fn clusters_and_old_prefectures() {
    assert!(names("Bà Toán, Tổ dân phố số 7, cụm Giang Biên phát biểu.").is_empty());
    assert!(names("Thời Lý - Trần thuộc phủ Hạ Hồng, rồi phủ Tân An.").is_empty());
    assert_eq!(
        names("Vua tách 2 phủ Hà Hoa và Đức Thọ, lập thành tỉnh Hà Tĩnh."),
        ["Hà Tĩnh"]
    );
    assert!(names("Dọn rác quanh đập tràn Quỳnh Lưu-Tịnh Hòa.").is_empty());
    assert_eq!(names("Chính phủ giao tỉnh Long An lập đề án."), ["Long An"]);
}

#[test]
fn produce_named_after_its_district() {
    assert!(names("Chương trình vải thiều Thanh Hà hành trình cùng các tour du lịch.").is_empty());
    assert!(names("Quảng bá nước mắm Phú Quốc tại hội chợ.").is_empty());
    assert_eq!(
        names("Nông dân huyện Thanh Hà thu hoạch vải thiều."),
        ["Thanh Hà"]
    );
}

#[test]
fn a_list_opened_by_its_hamlet_word_after_a_colon() {
    let text = "Xã Sơn Thành, huyện Yên Thành có 6 xóm, tên gọi là: xóm Lâm Thành, Tây Hồ, Phú Sơn và Minh Châu.";
    assert_eq!(names(text), ["Sơn Thành", "Yên Thành"]);
    // Without the colon, a name after a hamlet may be its district.
    assert_eq!(names("Ông ở thôn Đông Xuyên, Yên Phong."), ["Yên Phong"]);
}

#[test]
fn a_ward_numbered_in_roman_keeps_its_type_word() {
    assert_eq!(
        names("Các đoàn thể phường IV, thành phố Vị Thanh ra quân vệ sinh môi trường."),
        ["Phường IV", "Vị Thanh"]
    );
    // A bare numeral is no place.
    assert!(names("Kỳ họp thứ IV của Hội đồng nhân dân.").is_empty());
}

#[test]
fn a_street_after_its_house_number() {
    assert_eq!(
        names(
            "Trụ sở UBND phường Hòa Cường Bắc - 388 Núi Thành và nhà văn hóa - 92 Điện Biên Phủ."
        ),
        ["Hòa Cường Bắc"]
    );
    // A numbered district before a city, a year before a province.
    assert_eq!(
        names("Tại Quận 1 Hồ Chí Minh, trong năm 2020 Hà Nội cũng vậy."),
        ["Hà Nội", "Quận 1"]
    );
}
