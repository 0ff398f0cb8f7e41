use super::*;
use jiff::civil::{date, time};
use proptest::prelude::*;

fn stamp(line: &str) -> Option<(Date, Option<Time>, bool)> {
    find_header(line).map(|h| (h.stamp.date, h.stamp.time, h.is_whole_line(line)))
}

#[test]
fn header_lines() {
    let at = |h, m| Some(time(h, m, 0, 0));
    let cases = [
        ("03/09/2020 | 08:17", date(2020, 9, 3), at(8, 17)),
        ("12/10/2017 08:56", date(2017, 10, 12), at(8, 56)),
        (" date 2025-08-18 ", date(2025, 8, 18), None),
        (
            "Thứ Hai, 8/5/2023, 15:58 (GMT+7)",
            date(2023, 5, 8),
            at(15, 58),
        ),
        ("21:29 , 09/09/2022", date(2022, 9, 9), at(21, 29)),
        ("12:0, Thứ Sáu, 26-12-2025", date(2025, 12, 26), at(12, 0)),
        ("06:19' - 14/03/2017", date(2017, 3, 14), at(6, 19)),
        ("ngày 3/9/2020", date(2020, 9, 3), None),
        ("21 09 2025", date(2025, 9, 21), None),
        ("Tháng Năm 20, 2017", date(2017, 5, 20), None),
        ("Tháng Mười Hai 3, 2015", date(2015, 12, 3), None),
        (
            "Thứ Tư, 30 Tháng Ba, 2022 16:26",
            date(2022, 3, 30),
            at(16, 26),
        ),
        ("5 tháng mười một 2019", date(2019, 11, 5), None),
        (
            "06 Tháng Giêng, 2020, 10:09:38 pm",
            date(2020, 1, 6),
            Some(time(22, 9, 38, 0)),
        ),
        ("Tháng Chạp 24, 2019", date(2019, 12, 24), None),
        ("28 Th7 2021", date(2021, 7, 28), None),
        ("28/07/2021 bởi Ban biên tập", date(2021, 7, 28), None),
        (
            "ClockThứ Hai, 30/04/2018 00:08",
            date(2018, 4, 30),
            at(0, 8),
        ),
        ("Calendar 30/04/2018", date(2018, 4, 30), None),
        ("28 Th12, 2021 10:15", date(2021, 12, 28), at(10, 15)),
        ("Th 4, 28 thg 7, 2021", date(2021, 7, 28), None),
        ("15/04/2025 adminchanvy", date(2025, 4, 15), None),
        ("Cập nhật lần cuối:24/10/2025", date(2025, 10, 24), None),
        (
            "Cập nhật lúc15:34, Thứ Hai, 12/02/2018 (GMT+7)",
            date(2018, 2, 12),
            at(15, 34),
        ),
        ("01/09/2018 | 18:25 PM", date(2018, 9, 1), at(18, 25)),
        ("Ngày 3 tháng 9 năm 2020", date(2020, 9, 3), None),
        (
            "Cập nhật lúc 8h17 ngày 03-09-2020",
            date(2020, 9, 3),
            at(8, 17),
        ),
        (
            "Thứ 5, 03.09.2020 - 08:17:44",
            date(2020, 9, 3),
            Some(time(8, 17, 44, 0)),
        ),
        (
            "CN, 13/9/2020 | 20 giờ 05 phút",
            date(2020, 9, 13),
            at(20, 5),
        ),
        ("Đăng ngày: 31/12/2019", date(2019, 12, 31), None),
        (
            "Ngày đưa:  06/05/2019 11:34:00 AM",
            date(2019, 5, 6),
            Some(time(11, 34, 0, 0)),
        ),
        ("Đăng ngày 17 - 05 - 2024", date(2024, 5, 17), None),
        ("Posted on 2020-09-03 08:17", date(2020, 9, 3), at(8, 17)),
        ("03/09/2020 08:17 PM", date(2020, 9, 3), at(20, 17)),
        ("03/09/2020 12:05 SA", date(2020, 9, 3), at(0, 5)),
        ("Thursday, May 28, 2015", date(2015, 5, 28), None),
        (
            "Posted on 3 September 2020 08:17",
            date(2020, 9, 3),
            at(8, 17),
        ),
    ];
    for (line, d, t) in cases {
        assert_eq!(stamp(line), Some((d, t, true)), "{line:?}");
    }
}

#[test]
fn day_comes_before_month() {
    assert_eq!(stamp("03/09/2020").map(|s| s.0), Some(date(2020, 9, 3)));
    assert_eq!(stamp("12/10/2017").map(|s| s.0), Some(date(2017, 10, 12)));
    // No month 13, and no swapping to make one up.
    assert_eq!(stamp("09/13/2020"), None);
    assert_eq!(stamp("30/02/2020"), None);
}

#[test]
fn utc_timestamps_are_shown_in_vietnam_time() {
    assert_eq!(
        stamp("2020-09-02T20:30:00Z"),
        Some((date(2020, 9, 3), Some(time(3, 30, 0, 0)), true))
    );
    assert_eq!(
        stamp("2020-09-03T08:17:00+07:00"),
        Some((date(2020, 9, 3), Some(time(8, 17, 0, 0)), true))
    );
}

#[test]
fn header_before_the_lead() {
    let line = "date 2025-08-18 Trong 2 ngày 17-18/8, Đảng bộ tỉnh họp.";
    let h = find_header(line).map(|h| (h.stamp.date, &line[h.rest..]));
    assert_eq!(
        h,
        Some((date(2025, 8, 18), "Trong 2 ngày 17-18/8, Đảng bộ tỉnh họp."))
    );
    let line = "03/09/2020 08:17 Sáng nay, hội nghị khai mạc.";
    assert_eq!(
        find_header(line).map(|h| &line[h.rest..]),
        Some("Sáng nay, hội nghị khai mạc.")
    );
    // An agency's tag opens the lead; a parenthesis of the sentence
    // does not.
    let line = "date 2023-05 (TBTCO) - Lũy kế 4 tháng, thu ngân sách tăng.";
    assert_eq!(
        find_header(line).map(|h| (h.stamp.month_only, &line[h.rest..])),
        Some((true, "(TBTCO) - Lũy kế 4 tháng, thu ngân sách tăng."))
    );
    for line in [
        "date 2023-06 (Ngày Nay) - Tối 8/6, lễ hội khai mạc.",
        "date 2020-01 (LĐ online) - Cách thành phố 32 km, huyện trồng rau.",
    ] {
        let rest = find_header(line).map(|h| &line[h.rest..]);
        assert!(rest.is_some_and(|r| r.starts_with('(')), "{line}");
    }
    assert!(find_header("03/09/2020 08:17 (theo báo cáo) số hộ nghèo giảm").is_none());
    // "Thời gian qua, …" opens the lead; "Thời gian đăng:" is a label.
    let line = "date 2021-10 Thời gian qua, Đồn Biên phòng đã làm tốt nhiệm vụ.";
    assert_eq!(
        find_header(line).map(|h| (h.stamp.month_only, &line[h.rest..])),
        Some((true, "Thời gian qua, Đồn Biên phòng đã làm tốt nhiệm vụ."))
    );
    assert_eq!(
        find_header("Thời gian đăng: 22/07/2020 10:02:18 AM").map(|h| h.stamp.date),
        Some(date(2020, 7, 22))
    );
    assert!(find_header("03/09/2020 08:17 (theo báo cáo của xã) - số hộ giảm").is_none());
    // A section's name glued to the date is read in the head pass;
    // "Ngày đăng tin:" labels the date.
    let line = "Ngày đăng tin:11/04/2025 Lượt xem:139";
    assert_eq!(
        find_header(line).map(|h| h.stamp.date),
        Some(date(2025, 4, 11))
    );
}

#[test]
fn dates_in_sentences_are_not_headers() {
    for line in [
        "Ngày 3/9/2020, UBND tỉnh tổ chức hội nghị.",
        "3/9/2020 là ngày khai giảng",
        "Sáng ngày 11/10, Thị ủy Từ Sơn tổ chức hội nghị.",
        "Trong 2 ngày 17-18/8, Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh họp",
        "Năm 2020, huyện đạt chuẩn nông thôn mới",
        "Theo báo cáo ngày 3/9/2020 của UBND",
        "3/9/2020 tới",
    ] {
        assert_eq!(stamp(line), None, "{line:?}");
    }
}

#[test]
fn numbers_that_are_not_dates() {
    for line in [
        "100/2019/NĐ-CP",
        "Nghị định 100/2019/NĐ-CP",
        "15/12/2019/QĐ-UBND",
        "Quý III/2017",
        "3/4",
        "17-18/8",
        "17-18/8/2025",
        "tháng 10/2020",
        "2020 - 2025",
        "1.000 tỷ đồng",
        "08:17",
        "03/09/20",
        "03/09-2020",
        "01/01/1850",
    ] {
        assert_eq!(stamp(line), None, "{line:?}");
    }
}

proptest! {
    #[test]
    fn never_panics(line in "\\PC{0,60}") {
        let _ = find_header(&line);
    }

    #[test]
    fn any_valid_day_first_date_reads_back(y in 1900i16..=2100, m in 1i8..=12, d in 1i8..=28, h in 0i8..24, min in 0i8..60) {
        let line = format!("{d:02}/{m:02}/{y} | {h:02}:{min:02}");
        let found = find_header(&line).map(|h| h.stamp);
        prop_assert_eq!(found, Some(Stamp::day(date(y, m, d), Some(time(h, min, 0, 0)))));
    }
}

#[test]
fn leads_after_scraped_headers() {
    let rest = |line: &'static str| find_header(line).map(|h| &line[h.rest..]);
    assert_eq!(
        rest(" date 2025-12-14 Ngày càng nhiều thanh niên làm kinh tế."),
        Some("Ngày càng nhiều thanh niên làm kinh tế.")
    );
    assert_eq!(
        rest(" date 2019-08 26 hộ dân nằm trong vùng cảnh báo"),
        Some("26 hộ dân nằm trong vùng cảnh báo")
    );
    assert_eq!(
        rest(" date 2020-06 * Bài viết của tác giả"),
        Some("Bài viết của tác giả")
    );
    assert_eq!(
        find_header("(Tin ngày 18 tháng 7 năm 2022)").map(|h| h.stamp.date),
        Some(date(2022, 7, 18))
    );
    // A label after a scraper's date opens the lead, hour and all.
    for lead in [
        "Lúc 0 giờ 11 phút ngày 12/3, tại Km 1092+200 xảy ra tai nạn.",
        "Lúc 10 giờ ngày 12/3, tại Km 1092 xảy ra tai nạn.",
    ] {
        let line = format!(" date 2026-03-12 {lead}");
        let found = find_header(&line).map(|h| (h.stamp.date, &line[h.rest..]));
        assert_eq!(found, Some((date(2026, 3, 12), lead)));
    }
    // A time run into the next word is no lead.
    assert_eq!(rest("Thứ ba 13/01/2026 09:20Thứ ba 13/01/2026"), None);
    assert!(find_header("21 09 2025 có 300 hộ").is_none());
}
