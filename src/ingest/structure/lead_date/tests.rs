use super::year::year_of_same_day;
use super::*;

#[test]
fn issues_a_review_reads() {
    assert_eq!(
        issue_day("là những thông tin đáng chú ý trong số báo ra ngày 13/9/2023."),
        Some((13, 9, Some(2023)))
    );
    assert_eq!(
        issue_day("Trên số báo in Bắc Kạn Xuân Giáp Thìn 2024 phát hành ngày 02/02/2024 có"),
        Some((2, 2, Some(2024)))
    );
    assert_eq!(
        issue_day("Trên số báo in ra ngày 19/3/2025 có một số thông tin như sau:"),
        Some((19, 3, Some(2025)))
    );
    assert_eq!(
        issue_day("(QNO) - Báo Quảng Nam số 6558 (xuất bản ngày 16/8/2023) có những"),
        Some((16, 8, Some(2023)))
    );
    assert_eq!(
        issue_day("Báo Nhân dân: ngày 04/3/2024"),
        Some((4, 3, Some(2024)))
    );
    assert_eq!(
        issue_day("Báo Nhân dân: ngày 04/3/2024 đưa tin về lễ hội"),
        None
    );
    assert_eq!(
        issue_day("giới thiệu giai phẩm Xuân Canh Tý 2020, phát hành ngày 2.1.2020 (mùng 8"),
        Some((2, 1, Some(2020)))
    );
    assert_eq!(issue_day("Số liệu ngày 13/9/2023 cho thấy"), None);
    assert_eq!(issue_day("số 12 (xuất bản năm 2023)"), None);
}

#[test]
fn openings() {
    for (lead, want) in [
        (
            "Sáng ngày 05/10/2015, UBND huyện họp",
            Some((5, 10, Some(2015))),
        ),
        (
            "(GLO)- Ngày 15-1-2013, Sở Nội vụ họp",
            Some((15, 1, Some(2013))),
        ),
        ("Chiều 29/1, UBND xã An Nông họp", Some((29, 1, None))),
        (
            "Khoảng 2 giờ sáng 18.11, tại xã Nam Hóa",
            Some((18, 11, None)),
        ),
        ("QĐND - Ngày 22-8, tại Trung tâm", Some((22, 8, None))),
        (
            "Ngày 6/9/2017, Ban Thường vụ Tỉnh ủy",
            Some((6, 9, Some(2017))),
        ),
        ("Chiều nay (5/10), bão số 11 đổ bộ", Some((5, 10, None))),
        ("Sáng nay 15/2, Huyện ủy gặp mặt", Some((15, 2, None))),
        (
            "(BVBNĐ-29/12/2017) Sáng nay, tại hội trường bệnh viện",
            Some((29, 12, Some(2017))),
        ),
        (
            "(GLO)- Vào khoảng 14 giờ ngày 15-1-2013, một vụ cháy",
            Some((15, 1, Some(2013))),
        ),
        ("Vào khoảng 7 giờ, ngày 19/7, tại xã", Some((19, 7, None))),
        (
            "Đúng 7h00, ngày 02/8/2025 tại Công viên phường",
            Some((2, 8, Some(2025))),
        ),
        (
            "Ngày 18 và 19/03/2023 UBND Phường ra quân",
            Some((18, 3, Some(2023))),
        ),
        ("Vào cuối giờ chiều 7/1, tại Km 273", Some((7, 1, None))),
        (
            "Vào khoảng hơn 23 giờ ngày 21/2, tại km 235",
            Some((21, 2, None)),
        ),
        ("Trong 2 ngày 17-18/8, Đảng bộ tỉnh họp", None),
        ("Ngày 17-18/8, Đảng bộ tỉnh họp", None),
        ("3/4 số hộ dân đã có điện", None),
        ("Theo Kế hoạch số 56 ngày 17/9/2015, xã", None),
        ("Năm 2020, huyện đạt chuẩn", None),
    ] {
        assert_eq!(opening_day(lead), want, "{lead:?}");
    }
}

#[test]
fn days_with_their_time_of_day_in_the_first_sentence() {
    for (lead, want) in [
        (
            "Nhân kỷ niệm Ngày Báo chí (21/6/1925 - 21/6/2022), vào chiều ngày 20/6/2022, đồng chí thăm",
            Some((20, 6, Some(2022))),
        ),
        ("Hôm qua, tối 3/4, đoàn đến thăm", Some((3, 4, None))),
        (
            "Theo thông tin ban đầu khoảng 13 giờ 30 chiều nay 9.9, trên địa bàn xã",
            Some((9, 9, None)),
        ),
        ("Theo Kế hoạch số 5 ngày 17/9/2015, xã họp", None),
        ("Xã họp. Sáng 3/4/2020, đoàn đến", None),
    ] {
        assert_eq!(day_in_first_sentence(lead), want, "{lead:?}");
    }
    let month = |y, m| {
        Some(Stamp {
            date: jiff::civil::date(y, m, 1),
            time: None,
            month_only: true,
        })
    };
    assert_eq!(
        title_month("Giao ban báo chí tháng 4 năm 2022"),
        month(2022, 4)
    );
    assert_eq!(title_month("Kết quả tháng 11/2021"), month(2021, 11));
    assert_eq!(title_month("Trong tháng 4, xã họp"), None);
}

#[test]
fn dates_in_titles() {
    let day = |y, m, d| Some(Stamp::day(jiff::civil::date(y, m, d), None));
    for (title, want) in [
        ("Thông tin báo chí về tỉnh ngày 05/9/2025", day(2025, 9, 5)),
        ("Tình hình dịch (07h30, ngày 21/8/2020)", day(2020, 8, 21)),
        ("Lễ kỷ niệm (12/10/2019)", day(2019, 10, 12)),
        ("Điểm báo in Tây Ninh ngày 01.07.2022", day(2022, 7, 1)),
        ("Bản tin ngày 3-9-2021", day(2021, 9, 3)),
        (
            "Thành phố Huế được mở rộng từ ngày hôm nay 01/7/2021",
            day(2021, 7, 1),
        ),
        ("Ngày 5/13/2021 không có", None),
        (
            "Chương trình phát thanh ngày 5 tháng 10 năm 2016",
            day(2016, 10, 5),
        ),
        ("Giao ban báo chí tháng 4/2023", None),
        ("Nghị quyết 100/2019/NĐ-CP", None),
        ("30 năm tái lập thị trấn (25/8/1991-25/8/2021)", None),
    ] {
        assert_eq!(title_date(title), want, "{title:?}");
    }
    let july = Stamp {
        date: jiff::civil::date(2021, 7, 1),
        time: None,
        month_only: true,
    };
    assert_eq!(
        title_day_in("Nghệ An: Thông tin nổi bật ngày 28/7", july),
        day(2021, 7, 28)
    );
    assert_eq!(title_day_in("Tin nổi bật ngày 28/6", july), None);
    assert_eq!(title_day_in("Tin nổi bật ngày 28/7/2020", july), None);
}

#[test]
fn dates_in_words_spans_lunar_days_and_anniversaries() {
    let worded = "Ngày 16 tháng 9 năm 2021, Uỷ ban Dân tộc đã phê duyệt danh sách các thôn.";
    assert_eq!(opening_day(worded), Some((16, 9, Some(2021))));
    let span = "Từ ngày 24/6 đến 6/7/2021, 14 xã, thị trấn đã tổ chức kỳ họp thứ nhất.";
    assert_eq!(opening_day(span), Some((24, 6, Some(2021))));
    let two_days = "Trong 2 ngày 12 và 13/4/2015, xã Hồng Sơn tổ chức đại hội Đảng bộ lần thứ XIX.";
    assert_eq!(opening_day(two_days), Some((12, 4, Some(2015))));
    let dashed = "Trong 02 ngày từ ngày 25 – 26/02/2020, Đảng bộ xã Bắc Xa tổ chức Đại hội.";
    assert_eq!(opening_day(dashed), Some((25, 2, Some(2020))));
    let from_to = "Trong 3 ngày từ 23/9 đến 25/9/2021, Ủy ban nhân dân xã tổ chức tiêm vaccine.";
    assert_eq!(opening_day(from_to), Some((23, 9, Some(2021))));
    let weekday = "Sáng thứ Bảy, ngày 10 tháng 9 năm 2016, tại Hội trường xã diễn ra lễ phát động.";
    assert_eq!(opening_day(weekday), Some((10, 9, Some(2016))));
    let three = "Trong 03 ngày, 3,4 và 5/8/2020, Đảng bộ huyện tổ chức Đại hội.";
    assert_eq!(opening_day(three), Some((3, 8, Some(2020))));
    let new_year = "Từ ngày 28/12 đến 3/1/2022, các xã tổ chức tiêm vaccine mũi 3.";
    assert_eq!(opening_day(new_year), Some((28, 12, Some(2021))));
    let dashed_days = "Ngày 17-18/8/2021, Hội Nông dân xã tổ chức lớp tập huấn.";
    assert_eq!(opening_day(dashed_days), Some((17, 8, Some(2021))));
    let clock = "Ban vận động tổ chức ngày hội, vào lúc 14h00 ngày 10/11/2022 tại ấp 2.";
    assert_eq!(day_in_first_sentence(clock), Some((10, 11, Some(2022))));
    let carried_on = "Tiếp tục chương trình “Mẹ đỡ đầu”, ngày 17/9/2024 Hội LHPN xã trao quà.";
    assert_eq!(day_in_first_sentence(carried_on), Some((17, 9, Some(2024))));
    let cited = "Căn cứ Quyết định số 12, ngày 3/5/2020 UBND tỉnh phê duyệt kế hoạch.";
    assert_eq!(day_in_first_sentence(cited), None);
    // The clause after the day opens with a capital; "của …" cites.
    let directive = "Thực hiện Chỉ thị 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị, Huyện ủy họp.";
    assert_eq!(day_in_first_sentence(directive), None);
    let lunar = "Từ sáng sớm ngày mùng 10 tháng Giêng Giáp Ngọ (9/2/2014) bà con đi hội.";
    assert_eq!(opening_day(lunar), Some((9, 2, Some(2014))));
    let anniversary = "Nhân kỷ niệm 110 năm ngày sinh (07/8/1912 - 07/8/2022); sáng ngày 07/8, \
                       huyện tổ chức lễ dâng hương.";
    assert_eq!(day_in_first_sentence(anniversary), Some((7, 8, None)));
    assert_eq!(year_of_same_day(anniversary, 7, 8), Some(2022));
    // Only the same day, and not a century ago.
    assert_eq!(year_of_same_day(anniversary, 8, 8), None);
    assert_eq!(
        year_of_same_day("Kỷ niệm ngày 30/4/1975; sáng 30/4, lễ mít tinh.", 30, 4),
        None
    );
    let clause = "Thực hiện luật tổ chức năm 2003, Ngày 11 tháng 01 năm 2012, Hội đồng nhân dân \
                  xã tổ chức kỳ họp thứ 3.";
    assert_eq!(day_in_first_sentence(clause), Some((11, 1, Some(2012))));
    let document = "Theo Nghị quyết số 12 ngày 11 tháng 01 năm 2012 của HĐND tỉnh, xã tổ chức họp.";
    assert_eq!(day_in_first_sentence(document), None);
    // A span that is no date: a fraction, a range of counts.
    assert_eq!(
        opening_day("Từ 3/4 đến 5/6 số hộ đã thoát nghèo trong năm."),
        None
    );
}

#[test]
fn a_table_cell_with_a_day_is_no_date_header() {
    let s = crate::ingest::structure::analyze(
        "Lịch tiếp xúc cử tri của đại biểu HĐND tỉnh\n\n\
         Báo đăng lịch tiếp xúc cử tri của đại biểu HĐND tỉnh tại các địa phương như sau:\n\
         Vũ Thư |\n07 giờ 30 phút Ngày 22-6-2022 (Thứ Tư) |\nHội trường UBND xã Tân Hòa |\n",
    )
    .expect("text");
    assert_eq!(s.stamp, None);
}

#[test]
fn a_span_to_a_month_is_no_month() {
    assert_eq!(
        title_month("Từ 15/9 đến tháng 2/2015, dự kiến có 23.000 trẻ được tiêm"),
        None
    );
    assert!(title_month("Giao ban báo chí tháng 4 năm 2022").is_some());
}

#[test]
fn a_day_called_today() {
    assert_eq!(
        today("Theo ghi nhận vào chiều nay (29/6), các trụ sở phường đã thay biển tên."),
        Some((29, 6, None))
    );
    assert_eq!(
        today("Hôm nay ( 3-9 ), trường khai giảng."),
        Some((3, 9, None))
    );
    assert_eq!(
        today("Kể từ hôm nay (01/7/2021), thành phố được mở rộng."),
        Some((1, 7, Some(2021)))
    );
    // Only the first sentence speaks of the day of writing.
    assert_eq!(today("Mưa lớn kéo dài. Sáng nay (29/6) nước rút."), None);
    assert_eq!(today("Chiều 29/6, các trụ sở phường thay biển tên."), None);
}
#[test]
fn day_after_an_opening_clock() {
    let clock = super::after_opening_clock;
    assert_eq!(
        clock("Vào khoảng 6h30, tại km 684+750 sáng 3/7, trên đường tránh"),
        Some((3, 7, None))
    );
    assert_eq!(
        clock("Lúc 14 giờ ngày 12/5/2021, tại xã Hòa Bình, …"),
        Some((12, 5, Some(2021)))
    );
    // Without the hour first, a day inside the sentence is the news's own.
    assert_eq!(clock("Tại km 12 sáng 3/7, một xe tải lật."), None);
    // Too far into the sentence to be its opening.
    let far = format!(
        "Khoảng 6h, {} sáng 3/7, xe lật.",
        "đoàn xe chạy qua nhiều xã ".repeat(6)
    );
    assert_eq!(clock(&far), None);
}

#[test]
fn a_day_set_off_by_commas_after_an_occasion() {
    assert_eq!(
        day_in_first_sentence(
            "Góp phần thực hiện đề án “Xanh, sạch, đẹp” và chào mừng 36 năm giải phóng tỉnh, ngày 8-4, Huyện Ninh Hải tổ chức phát động."
        ),
        Some((8, 4, None))
    );
    // Not after a document cited by its number, nor without an occasion.
    assert_eq!(
        day_in_first_sentence("Thực hiện Kế hoạch số 12, ngày 8-4, Huyện Ninh Hải tổ chức."),
        None
    );
    assert_eq!(
        day_in_first_sentence("Huyện Ninh Hải, ngày 8-4, Đoàn thanh niên tổ chức."),
        None
    );
}

#[test]
fn a_day_after_every_sentence_that_cites() {
    let keep = |_: &str, found: LeadDay| found;
    let lead = "Thực hiện ý kiến chỉ đạo của huyện về ra quân. Thực hiện Kế hoạch số 83/KH-UBND ngày 15/3/2024 của UBND xã. Vào ngày 02/6/2024, Hội Phụ nữ xã ra quân.";
    assert_eq!(
        lead_day(lead, None, None, false, &keep),
        Some((2, 6, Some(2024)))
    );
    // A sentence of news between them: its day is no longer the lead's.
    let news =
        "Thực hiện kế hoạch của huyện. Nhiều hộ dân đã tham gia. Ngày 02/6/2024, Hội ra quân.";
    assert_eq!(day_after_citations(news, &keep), None);
}

#[test]
fn a_day_set_off_among_the_opening_clauses() {
    for (lead, want) in [
        (
            "Sáng nay, 25.8, Công an tỉnh cho biết đã triệt phá nhóm tội phạm.",
            Some((25, 8, None)),
        ),
        (
            "Từ công tác quản lý địa bàn, sáng 2-9, Công an huyện bắt giữ đối tượng.",
            Some((2, 9, None)),
        ),
        (
            "Theo đó, khoảng 22 giờ 15 phút, ngày 7-6, tại Km62 xảy ra tai nạn.",
            Some((7, 6, None)),
        ),
        (
            "Như Báo Giao thông đã đưa tin: Khoảng 22h đêm 7/6, trên địa bàn xã xảy ra tai nạn.",
            Some((7, 6, None)),
        ),
        (
            "Theo người dân, khoảng 6 giờ ngày 24.6, xe tải lật xuống rạch.",
            Some((24, 6, None)),
        ),
        ("Theo báo cáo, đến ngày 31/8, toàn tỉnh có 12 ca mắc.", None),
        ("Năm 2021, huyện có 12/15 xã đạt chuẩn.", None),
    ] {
        assert_eq!(set_off_in_opening(lead), want, "{lead:?}");
    }
}
