//! What makes a run of capitalised words something other than a place:
//! a person after a title of address, a street, a school or a company
//! named after the place.

use super::tokens::Tokens;
use super::words::{BLOCKERS, GIVEN_NAMES, NAMED_BY_LA, NOT_BLOCKERS, SURNAMES, TITLES};

/// Whether a title of address stands right before word `i`: "ông",
/// "đồng chí", "đ/c".
pub(super) fn after_title(t: &Tokens<'_>, i: usize) -> bool {
    if i == 0 || !t.gap(i).trim().is_empty() {
        return false;
    }
    let one = t.ws[i - 1].lower();
    let two = (i >= 2).then(|| t.phrase(i - 2, i)).flatten();
    let slashed = i >= 2 && t.ws[i - 2].lower() == "đ" && t.gap(i - 1) == "/" && one == "c";
    slashed || TITLES.contains(&one) || two.is_some_and(|p| TITLES.contains(&p.as_str()))
}

/// Whether the run at `start` is a name joined by "và" to a person's after
/// a title of address: "Anh/Chị Nhung và Vinh".
pub(super) fn paired_with_person(t: &Tokens<'_>, start: usize) -> bool {
    if start < 3 || t.ws[start - 1].lower() != "và" || !t.gap(start - 1).trim().is_empty() {
        return false;
    }
    let mut k = start - 2;
    if !t.ws[k].is_capitalised() {
        return false;
    }
    // The title may open the run itself: "Chị Nhung".
    loop {
        if after_title(t, k) || TITLES.contains(&t.ws[k].lower()) {
            return true;
        }
        if k == 0 || !t.joins_name(k) || !t.ws[k - 1].is_capitalised() {
            return false;
        }
        k -= 1;
    }
}

/// Whether the words before word `j` make the name at `j` a street, a
/// school, a newspaper… rather than the place.
pub(super) fn blocked(t: &Tokens<'_>, j: usize) -> bool {
    if route_end(t, j) {
        return true;
    }
    // The name may be quoted: "đình “Văn Lãng”".
    if !matches!(t.gap(j).trim(), "" | "“" | "\"" | "‘" | "'" | "«") {
        return false;
    }
    if in_company_name(t, j) || in_quoted_theme(t, j) {
        return true;
    }
    let is = |list: &[&str], p: &str| list.contains(&p);
    // "sân vận động Chi Lăng": a longer blocker holds the shorter
    // non-blocker ("vận động").
    let longer = (3..=4)
        .filter(|&n| n <= j)
        .any(|n| t.phrase(j - n, j).is_some_and(|p| is(BLOCKERS, &p)));
    if !longer && j >= 2 && t.phrase(j - 2, j).is_some_and(|p| is(NOT_BLOCKERS, &p)) {
        return false;
    }
    if (1..=4)
        .filter(|&n| n <= j)
        .any(|n| t.phrase(j - n, j).is_some_and(|p| is(BLOCKERS, &p)))
    {
        return true;
    }
    // "1 cảng cá là Tân Sơn, 2 bến cá là Diêm Điền": the thing is named.
    if j >= 2 && t.ws[j - 1].lower() == "là" && t.gap(j - 1) == " " {
        let thing = |n: usize| t.phrase(j - 1 - n, j - 1);
        if (1..=2)
            .filter(|&n| n < j)
            .any(|n| thing(n).is_some_and(|p| is(NAMED_BY_LA, &p)))
        {
            return true;
        }
    }
    // "các bản Háng Pú Xi": a place's name ending a longer name is that
    // name's, and the longer one's blocker blocks it; not past a dash
    // ("Tiểu học Tân Châu - Di Linh": the school, then its district).
    let mut start = j;
    let spaced = |k: usize| t.gap(k).trim().is_empty() && t.joins_name(k);
    while start > 0 && j - start < 3 && spaced(start) && t.ws[start - 1].is_capitalised() {
        start -= 1;
    }
    start < j && blocked(t, start)
}

/// Whether the name from word `j` to `end` names a route by one of its
/// ends: "cao tốc TPHCM- Trung Lương", "cao tốc Trung Lương - TP HCM".
pub(super) fn names_route(t: &Tokens<'_>, j: usize, end: usize) -> bool {
    let route_before = (1..=2).filter(|&n| n <= j).any(|n| {
        t.phrase(j - n, j)
            .is_some_and(|p| ROUTES.contains(&p.as_str()))
    });
    route_end(t, j)
        || route_before && end < t.len() && t.gap(end).trim_start().starts_with(['-', '–'])
}

/// Roads named by their ends.
const ROUTES: [&str; 7] = [
    "cao tốc",
    "tuyến",
    "đường",
    "quốc lộ",
    "tỉnh lộ",
    "đường sắt",
    // "kênh Hội An - Hòa An": a canal between two communes.
    "kênh",
];

/// Whether the name at word `j` is a route's far end: "cao tốc Hà Nội -
/// Hải Phòng", "tuyến Hà Nội-Hải Phòng" name the road by both its ends,
/// "kênh Hội An - Hòa An" the canal.
fn route_end(t: &Tokens<'_>, j: usize) -> bool {
    if j == 0 || !matches!(t.gap(j).trim(), "-" | "–") {
        return false;
    }
    // Back to the first word of the name before the dash.
    let mut s = j - 1;
    while s > 0 && j - 1 - s < 3 && t.gap(s) == " " && t.ws[s - 1].is_capitalised() {
        s -= 1;
    }
    t.ws[s].is_capitalised()
        && (1..=2).filter(|&n| n <= s).any(|n| {
            t.phrase(s - n, s)
                .is_some_and(|p| ROUTES.contains(&p.as_str()))
        })
}

/// Whether the name at word `j` stands in a quoted theme or slogan: "với
/// chủ đề “Ấn tượng Khâu Vai”" names the festival, not the commune.
fn in_quoted_theme(t: &Tokens<'_>, j: usize) -> bool {
    const REACH: usize = 8;
    const THEMES: [&str; 3] = ["chủ đề", "thông điệp", "khẩu hiệu"];
    let mut k = j;
    while k > 0 && j - k < REACH && t.gap(k).trim().is_empty() {
        k -= 1;
    }
    let opens = matches!(t.gap(k).trim(), "“" | "\"" | ":“" | ": “" | ":\"");
    opens
        && (1..=2).filter(|&n| n <= k).any(|n| {
            t.phrase(k - n, k)
                .is_some_and(|p| THEMES.contains(&p.as_str()))
        })
}

/// Whether the name at word `j` is an item of a list headed by a blocker:
/// "các Trường Mầm non: Cốc Ly, Thải Giàng Phố, Bản Già" are schools;
/// "phố Hàng Dầu, Cầu Gỗ, Hàng Bè, Hàng Bạc" are streets from the third
/// item on ("đường Lê Lợi, Hà Nội" names the street's city).
pub(super) fn listed_after_blocker(t: &Tokens<'_>, j: usize) -> bool {
    const MIN_ITEMS_BEFORE: usize = 2;
    let headed = |k: usize, most: usize| {
        // "06 ấp gồm: Phú Dũng, Phú Tân, …": past "gồm" to the thing.
        let k = match k.checked_sub(1).map(|g| t.ws[g].lower()) {
            Some("gồm") if k >= 2 && t.ws[k - 2].lower() == "bao" => k - 2,
            Some("gồm") => k - 1,
            _ => k,
        };
        (1..=most).filter(|&n| n <= k).any(|n| {
            t.phrase(k - n, k)
                .is_some_and(|p| BLOCKERS.contains(&p.as_str()))
        })
    };
    let mut k = j;
    for items in 0..32 {
        let gap = t.gap(k).trim();
        // "các Trường Mầm non: Cốc Ly, …"; "04 Chi Hội (Hà Lộc, Đông Sơn
        // và Tây Sơn)" from its second name on (one name in parentheses
        // after a name is its place: "Cẩm Vịnh (Cẩm Xuyên)").
        if gap == ":" || gap == "(" && items >= 1 {
            return headed(k, 3);
        }
        let after_and = gap.is_empty() && k >= 2 && t.ws[k - 1].lower() == "và";
        if gap != "," && !after_and {
            // "các đảo Trường Sa, Song Tử Tây, …", "các Trường Mầm non Phổ
            // Phong, Phổ Hòa": a plural blocker heads the whole list.
            let is_blocker = |from: usize| {
                t.phrase(from, k)
                    .is_some_and(|p| BLOCKERS.contains(&p.as_str()))
            };
            // "các phủ", "2 phủ Hà Hoa và Đức Thọ": a count makes it plural.
            let is_plural =
                |at: usize| matches!(t.ws[at].lower(), "các" | "những") || t.ws[at].is_number();
            let plural = (1..=2).filter(|&n| n < k).any(|n| {
                let from = k - n;
                is_blocker(from)
                    && (is_plural(from - 1)
                        || from >= 2
                            && BLOCKERS.contains(&t.ws[from - 1].lower())
                            && is_plural(from - 2))
            });
            // "… là: xóm Lâm Thành, Tây Hồ, …": a list that opens with its
            // blocker right after a colon.
            let opens_list = k >= 2 && headed(k, 1) && t.gap(k - 1).trim() == ":";
            return gap.is_empty()
                && (items >= MIN_ITEMS_BEFORE && headed(k, 2)
                    || items >= 1 && (plural || opens_list));
        }
        // Back to the first word of the item before.
        let mut start = if after_and { k - 2 } else { k - 1 };
        if !t.ws[start].is_capitalised() {
            return false;
        }
        while start > 0 && t.joins_name(start) && t.ws[start - 1].is_capitalised() {
            start -= 1;
        }
        k = start;
    }
    false
}

/// Whether word `j` ends a company's or an institution's name: "Công ty TNHH đầu tư sản
/// xuất nông sản Bình Minh", "Hợp tác xã dịch vụ nông nghiệp Yên Phú".
/// Looked for back over lowercase words and abbreviations, within the
/// clause.
pub(super) fn in_company_name(t: &Tokens<'_>, j: usize) -> bool {
    // And institutions whose names run on in capitals: "Bệnh viện Đa
    // khoa Khu vực Ngọc Lặc", "Trường Đại học kinh tế Nghệ An".
    // Festivals too: "Lễ hội ẩm thực chay Hòa Thành".
    const COMPANIES: [&str; 28] = [
        "lễ hội",
        // "Chợ phong lưu Khâu Vai", "Chợ tình Khâu Vai".
        "chợ",
        // "Quỹ Tín dụng nhân dân Đông Trà".
        "quỹ tín dụng",
        "công ty",
        "tạp chí",
        "ngân hàng",
        "phòng giao dịch",
        "tập đoàn",
        "hợp tác xã",
        "doanh nghiệp",
        "htx",
        "ctcp",
        "bệnh viện",
        "thư viện",
        "đại học",
        "cao đẳng",
        "cao nguyên",
        "xổ số",
        "thủy điện",
        "làng nghề",
        "khuyến nông",
        "ttkn",
        // "Nhà máy cồn Đại Tân": a plant and its product.
        "nhà máy",
        // "Nhà hát Ca múa kịch Lam Sơn"; products: "Chè Shan tuyết Na
        // Hang", "Rượu ngô men lá Na Hang".
        "nhà hát",
        "chè",
        "rượu",
        // "vải thiều Thanh Hà", "nước mắm Phú Quốc": fruit and sauce named
        // after where they come from.
        "vải thiều",
        "nước mắm",
    ];
    const REACH: usize = 10;
    const PREPOSITIONS: [&str; 14] = [
        "tại", "ở", "trên", "của", "thuộc", "trong", "về", "từ", "đến", "với", "cho", "và", "là",
        "có",
    ];
    // "Hợp tác xã nông nghiệp (HTXNN) Nhân Mỹ": the name's abbreviation
    // in parentheses is read past.
    let abbreviation = |k: usize| {
        let w = &t.ws[k];
        w.text
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
            && w.text.chars().count() >= 2
    };
    let crossable = |k: usize| match t.gap(k).trim() {
        "" => true,
        ")" => k >= 1 && abbreviation(k - 1) && t.gap(k - 1).trim() == "(",
        "(" => abbreviation(k) && k + 1 < t.len() && t.gap(k + 1).trim() == ")",
        _ => false,
    };
    let mut k = j;
    while k > 0 && j - k < REACH && crossable(k) {
        k -= 1;
        let w = &t.ws[k];
        if (1..=3).any(|n| {
            k + 1 >= n
                && t.phrase(k + 1 - n, k + 1)
                    .is_some_and(|p| COMPANIES.contains(&p.as_str()))
        }) {
            return true;
        }
        // "Công ty Môi trường và Công trình đô thị Huế": "và" joins the
        // parts of a name when a lowercase word follows it; "Bắc Ninh và Hà
        // Nam" are two places.
        let joins_parts = w.lower() == "và" && (k + 1..j).any(|m| !t.ws[m].is_capitalised());
        // "doanh nghiệp tại Bắc Ninh": a company's name has no preposition;
        // it may have capitals ("Tập đoàn Đầu tư Phù Mỹ").
        if PREPOSITIONS.contains(&w.lower()) && !joins_parts {
            return false;
        }
    }
    false
}

/// Whether the type word at `i` is part of a name: a newspaper's ("Pháp
/// Luật TP.HCM", written with a capital P) or a cooperative's ("Hợp tác
/// xã Kim Long").
pub(super) fn type_word_in_name(t: &Tokens<'_>, i: usize) -> bool {
    let after = |first: &str, second: &str| {
        i >= 2
            && t.ws[i - 2].lower() == first
            && t.ws[i - 1].lower() == second
            && t.gap(i - 1) == " "
            && matches!(t.gap(i), " " | "")
    };
    after("pháp", "luật") && t.ws[i - 2].text == "Pháp"
        || after("hợp", "tác") && t.ws[i].lower() == "xã"
}

/// Whether the one-word place at `j` ends a person's name: "Công Vinh",
/// a middle or given name right before it in the same run.
pub(super) fn ends_given_name(t: &Tokens<'_>, start: usize, j: usize, n: usize) -> bool {
    n == 1 && j == start + 1 && GIVEN_NAMES.contains(&t.ws[start].lower())
}

/// Whether the place of `n` words at `j` starts an ocean's or a region's
/// name in the run ending at `end`: "Thái Bình Dương" is the Pacific.
pub(super) fn starts_ocean(t: &Tokens<'_>, j: usize, n: usize, end: usize) -> bool {
    // "vùng Đồng Tháp Mười": the Plain of Reeds, not the province.
    const LONGER: [(&str, &str); 2] = [("", "Dương"), ("Đồng Tháp", "Mười")];
    j + n < end
        && LONGER.iter().any(|&(place, next)| {
            t.ws[j + n].text == next && (place.is_empty() || t.span(j, j + n) == place)
        })
}

/// Whether the `n` words at `at` after a type word open a person's name:
/// "xã Đinh Văn Phước" is the commune's officer, not the township Đinh
/// Văn. A family name, "Văn" or "Thị", and a given name after them.
pub(super) fn opens_person_name(t: &Tokens<'_>, at: usize, n: usize) -> bool {
    n >= 2
        && at + n < t.len()
        && SURNAMES.contains(&t.ws[at].lower())
        && matches!(t.ws[at + 1].lower(), "văn" | "thị")
        && t.ws[at + n].is_capitalised()
        && t.joins_name(at + n)
}

/// Whether a school's kind stands right before word `start`: "THCS",
/// "Trường Tiểu học".
pub(super) fn school_before(t: &Tokens<'_>, start: usize) -> bool {
    const SCHOOLS: [&str; 6] = [
        "thcs",
        "thpt",
        "tiểu học",
        "mầm non",
        "trung học cơ sở",
        "trường",
    ];
    (1..=3).filter(|&n| n <= start).any(|n| {
        t.phrase(start - n, start)
            .is_some_and(|p| SCHOOLS.contains(&p.as_str()))
    })
}

/// Whether a spaced dash stands before word `k`: "Phan Chu Trinh - Đà Lạt".
pub(super) fn spaced_dash(t: &Tokens<'_>, k: usize) -> bool {
    matches!(t.gap(k).trim(), "-" | "–") && t.gap(k).starts_with(' ')
}
