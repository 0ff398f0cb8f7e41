//! The words that tell a place's name from other names: family names
//! and titles of address (people), words that make a name a street's or a
//! company's, type words and the words that make them plural.

/// Family names, for telling people from places. Names that mostly begin
/// place names (Yên, Ninh, Kim, Văn…) are left out: a place is more
/// likely than a person.
pub(super) const SURNAMES: &[&str] = &[
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "vương", "trịnh", "đinh", "lâm", "phùng", "mai", "tô", "trương",
    "hà", "đào", "đoàn", "lương", "cao", "thái", "quách", "tạ", "triệu", "kiều", "chu", "đàm",
    "uông", "lưu", "hứa", "khổng", "lục", "mạc", "nghiêm", "tăng", "thân", "tống", "vi", "lã",
    "diệp", "doãn", "hầu", "khúc", "lò", "nông", "sầm", "tôn", "trình", "viên", "âu", "giáp",
    "bạch", "cù", "hàn", "phí", "tiêu",
];

/// Titles of address: the capitalised words after them are a person's
/// name ("ông Sơn", "Bác", "đồng chí Giang").
pub(super) const TITLES: &[&str] = &[
    "ông",
    "bà",
    "anh",
    "chị",
    "cô",
    "chú",
    "bác",
    "cụ",
    "em",
    "cháu",
    "thầy",
    "đồng chí",
    "đ/c",
    "bạn",
    "mẹ",
    "bố",
    "cha",
    "vợ",
    "chồng",
    "cậu",
    "dì",
    "mợ",
    "thím",
    "ngài",
    // A reporter: "PV Thái Bình/VOV".
    "pv",
    "phóng viên",
];

/// Words before a name that make it something else named after the place:
/// a street, a river, a school, a newspaper.
pub(super) const BLOCKERS: &[&str] = &[
    "đường",
    "phố",
    "ngõ",
    "ngách",
    "hẻm",
    "kiệt",
    "cầu",
    "sông",
    "kênh",
    "núi",
    "đỉnh",
    "đồi",
    "hang",
    "thác",
    "suối",
    "đảo",
    "đầm",
    "vịnh",
    "đèo",
    "hồ",
    "chợ",
    "ga",
    "bến",
    "cảng",
    "báo",
    "đài",
    "thôn",
    "xóm",
    "ấp",
    // Villages of the uplands and the Mekong: "bản Noong Luống", "buôn
    // Đôn", "plei Ơi", "khóm Bình Thạnh".
    "bản",
    "buôn",
    "plei",
    "khóm",
    // "16 chòm: Đông Hòa, Tây Hòa, …" (Quảng Bình), "phum" (the Khmer's).
    "chòm",
    "phum",
    // "cụm Giang Biên": a cluster of residential groups.
    "cụm",
    // "phủ Tân An", "phủ Đức Thọ": a prefecture before 1945.
    "phủ",
    // "đập tràn Quỳnh Lưu-Tịnh Hòa": a weir.
    "đập",
    "đập tràn",
    "làng",
    // "Lễ hội Làng cổ Đông Hòa Hiệp": a village.
    "làng cổ",
    "đình",
    "chùa",
    "đền",
    "lăng",
    "sân bay",
    "bệnh viện",
    // "Trung tâm Y tế Tương Dương", "Trạm Y tế Mỹ Lý": an office's name;
    // with its type word ("Trung tâm Y tế huyện Tương Dương") the unit
    // is named as such.
    "trung tâm y tế",
    "trạm y tế",
    "khách sạn",
    "công ty",
    "tạp chí",
    "nhà máy",
    "quốc lộ",
    "tỉnh lộ",
    "đại lộ",
    "tổ dân phố",
    "tổ",
    "khu dân cư",
    "khu phố",
    "khu đô thị",
    "khu công nghiệp",
    "cụm công nghiệp",
    "kcn",
    "ccn",
    "khu kinh tế",
    "công viên",
    "công viên biển",
    "công viên nước",
    "quảng trường",
    "cảng hàng không",
    // A stadium: "sân Vinh", "sân vận động Thống Nhất".
    "sân",
    "sân vận động",
    "kinh thành",
    "miếu",
    // Offices and firms named after their province: "Ngân hàng … chi
    // nhánh Ninh Thuận", "Điện lực Đồng Tháp", "đạm urê Phú Mỹ".
    "ngân hàng",
    "chi nhánh",
    "agribank",
    "vietcombank",
    "vietinbank",
    "bidv",
    "điện lực",
    "viễn thông",
    "bưu điện",
    "đồng hương",
    "urê",
    // "Đồn Biên phòng Tùng Vài", "đồn Hạnh Dịch": a border post named
    // after its commune.
    "đồn biên phòng",
    "đồn",
    "tư tưởng",
    // Schools named after their commune: "Trường Tiểu học Na Hối 1".
    "trường",
    "mầm non",
    "mẫu giáo",
    "tiểu học",
    "thcs",
    "thpt",
    "trung học cơ sở",
    "trung học phổ thông",
    // A dynasty, a campaign, a battle: "nhà Tây Sơn", "chiến dịch Điện
    // Biên Phủ".
    "nhà",
    "thời",
    "triều",
    "chiến dịch",
    "chiến thắng",
    "trận",
    // A party cell, a union's or the youth's branch named after its
    // village: "chi bộ Tân Yên", "04 Chi Hội (Hà Lộc, Đông Sơn …)".
    "chi bộ",
    "chi hội",
    "chi đoàn",
    // A beach, a resort, a floating market, a border gate: "bãi tắm
    // Thịnh Long", "chợ nổi Cái Răng", "cửa khẩu quốc tế Trà Lĩnh". Not
    // "biển Sầm Sơn": a town's sea is the town's.
    "bãi biển",
    "bãi tắm",
    "khu du lịch",
    "chợ nổi",
    "cửa khẩu",
    "cửa khẩu quốc tế",
    // A church's units named after towns: "giáo hạt Di Linh", "GP Đà
    // Lạt" (giáo phận), "TGP Huế".
    "giáo phận",
    "giáo hạt",
    "giáo xứ",
    "giáo họ",
    "hạt",
    "gp",
    "tgp",
    // A culture named after its site: "văn hóa Đông Sơn".
    "văn hóa",
    "văn hoá",
    // A cemetery: "nghĩa trang Bình Hưng Hòa"; a flag tower: "cột cờ Hà
    // Nội"; a station: "Truyền hình Trà Vinh", "VTV Cần Thơ".
    "nghĩa trang",
    "cột cờ",
    "truyền hình",
    "phát thanh",
    "vtv",
    // Parks, reserves and dams named after their district: "Vườn quốc gia
    // Ba Bể", "Khu bảo tồn thiên nhiên Na Hang", "thủy điện Hòa Bình"; a
    // festival named after its city: "Festival Huế".
    "vườn quốc gia",
    "vqg",
    "khu bảo tồn",
    "bảo tồn thiên nhiên",
    "bttn",
    "sinh quyển",
    "rừng phòng hộ",
    "rừng đặc dụng",
    "thủy điện",
    "thuỷ điện",
    "festival",
    // "khu tái định cư Hiệp Hòa", "bến xe Bình Minh", "Nhà hát Ca múa kịch
    // Lam Sơn".
    "tái định cư",
    "bến xe",
    "bến tàu",
    "bến phà",
    "nhà hát",
    // A customs office named after its province: "Cục Hải quan Điện Biên".
    "hải quan",
    // A product sold under its province's name: "Sâm Lai Châu", "gạo
    // Sóc Trăng", "Lễ hội Cà phê Buôn Ma Thuột".
    "sâm",
    "gạo",
    "chè",
    "cà phê",
    "bưởi",
    "nhãn",
    "nước mắm",
    "rượu",
    "cam sành",
    // A field, a cave, an eco-resort, a range, a fishing port, a carnival
    // named after the place: "cánh đồng Mường Thanh", "động Pa Thơm", "du
    // lịch sinh thái Pá Khoang", "dãy Mã Yên Sơn", "cảng cá Thụy Tân",
    // "Carnaval Hạ Long".
    "cánh đồng",
    "động",
    "sinh thái",
    "dãy",
    "dãy núi",
    "cảng cá",
    "bến cá",
    "carnaval",
    "carnival",
    // A name explained ("theo âm Hán Việt thì gọi là Mường Thanh"), a
    // wartime safe zone ("ATK Chợ Đồn"), a junction ("ngã tư Hàng Chiếu").
    "gọi là",
    // A dike, an embankment, a festival named after the place: "đê biển
    // Cửa Đại", "Lễ hội “Thuận An biển gọi”".
    "đê",
    // A bookshop, a cluster of communes: "Nhà sách Thuận Hóa", "các xã
    // khu Hà Đông".
    "nhà sách",
    "khu",
    // An expressway named after its ends: "cao tốc Hà Nội - Hải Phòng".
    "cao tốc",
    // A sluice and a ship lock: "Cống Âu thuyền Ninh Quới".
    "cống",
    "âu thuyền",
    "đê biển",
    "kè",
    "lễ hội",
    // A storm named like a district: "bão Nari"; a festival, an ancient
    // capital: "khai hội Hoa Lư", "Cố đô Hoa Lư".
    "bão",
    "hội",
    "cố đô",
    // A Khmer hamlet ("sóc Bom Bo"), a canton of before 1945 ("tổng Hà
    // Trung"), a river mouth ("cửa biển Rạch Gốc"), a race ("giải Việt
    // dã Tiền Phong").
    "sóc",
    "tổng",
    "cửa biển",
    "việt dã",
    "atk",
    "an toàn khu",
    "ngã ba",
    "ngã tư",
    "ngã năm",
    "ngã sáu",
];

/// Things whose name may follow "là": "1 cảng cá là Tân Sơn" is the port.
/// Only these: "quê nhà là Nam Định" names the province.
pub(super) const NAMED_BY_LA: &[&str] = &[
    "cảng cá",
    "bến cá",
    "cảng",
    "bến",
    "chợ",
    "cầu",
    "sông",
    "suối",
    "hồ",
    "núi",
    "đèo",
    "đường",
    "phố",
    "ga",
    "chùa",
    "đình",
    "đền",
];

/// Compounds ending in a word of [`BLOCKERS`] that block nothing: "yêu
/// cầu Thường Tín" is a request, not a bridge.
pub(super) const NOT_BLOCKERS: &[&str] = &[
    "yêu cầu",
    "nhu cầu",
    "toàn cầu",
    "địa cầu",
    "khẩn cầu",
    "thông báo",
    "cảnh báo",
    "dự báo",
    "tình báo",
    "con đường",
    "tuyến đường",
    "gia đình",
    "triều đình",
    "thị trường",
    "môi trường",
    "chiến trường",
    "hiện trường",
    "lập trường",
    "thương trường",
    // "động" is a cave only as a noun.
    "hoạt động",
    "lao động",
    "vận động",
    "phát động",
    "tác động",
    "chủ động",
    "hành động",
    "biến động",
    "di động",
    "tự động",
    "báo động",
    "khởi động",
    "huy động",
    "điều động",
    "lưu động",
    "cơ động",
];

/// Provinces and districts named after people: bare, the name means the
/// person ("tư tưởng Hồ Chí Minh"); only a type word makes it the place.
const NAMED_AFTER_PEOPLE: &[&str] = &[
    "Hồ Chí Minh",
    "Lê Chân",
    "Ngô Quyền",
    "Hai Bà Trưng",
    "Trần Văn Thời",
    "Dương Minh Châu",
];

/// Island districts named after their archipelago: bare, the name means
/// the islands ("ngư trường Trường Sa"); only a type word makes it the
/// district ("huyện đảo Trường Sa").
const ARCHIPELAGOS: &[&str] = &["Trường Sa", "Hoàng Sa"];

/// Whether a bare `name` means something else than the unit: a person or
/// an archipelago.
pub(super) fn only_typed(name: &str) -> bool {
    NAMED_AFTER_PEOPLE.contains(&name) || ARCHIPELAGOS.contains(&name)
}

/// Words before a type word that make it plural: "bốn phường A, B và C".
pub(super) const PLURALS: &[&str] = &[
    "các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mấy", "nhiều",
    "số",
];

/// Type words, as lowercase word sequences (committees in both tone
/// placements), with the type they give ("thị ủy" is the committee of a
/// thị xã).
pub(super) const TYPE_PHRASES: &[(&[&str], &str)] = &[
    (&["thành", "phố"], "thành phố"),
    (&["thị", "xã"], "thị xã"),
    (&["thị", "trấn"], "thị trấn"),
    (&["đặc", "khu"], "đặc khu"),
    (&["huyện", "đảo"], "huyện"),
    (&["tỉnh", "ủy"], "tỉnh"),
    (&["thành", "ủy"], "thành phố"),
    (&["huyện", "ủy"], "huyện"),
    (&["thị", "ủy"], "thị xã"),
    (&["quận", "ủy"], "quận"),
    (&["tỉnh", "uỷ"], "tỉnh"),
    (&["thành", "uỷ"], "thành phố"),
    (&["huyện", "uỷ"], "huyện"),
    (&["thị", "uỷ"], "thị xã"),
    (&["quận", "uỷ"], "quận"),
    (&["phường"], "phường"),
    (&["xã"], "xã"),
    (&["huyện"], "huyện"),
    (&["quận"], "quận"),
    (&["tỉnh"], "tỉnh"),
];

/// Middle and given names: before a one-word place, they make a person's
/// name ("Công Vinh", "Quang Huế").
pub(super) const GIVEN_NAMES: &[&str] = &[
    "công", "quang", "thành", "xuân", "văn", "hữu", "đức", "minh", "ngọc", "thị", "thanh", "hoàng",
    "quốc", "trọng", "đình", "bá", "tấn", "anh", "hồng", "kim", "thế", "như", "gia", "duy", "tiến",
    "mạnh", "trung", "hải", "tuấn", "việt",
];
