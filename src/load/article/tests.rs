use super::*;

#[test]
fn dates() {
    assert_eq!(
        parse_date("2020-09-03").map(|d| d.0),
        Ok(jiff::civil::date(2020, 9, 3))
    );
    assert_eq!(
        parse_date("03/09/2020").map(|d| d.0),
        Ok(jiff::civil::date(2020, 9, 3))
    );
    let (d, t) = parse_date("2020-09-02T20:00:00Z").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (d, t),
        (
            jiff::civil::date(2020, 9, 3),
            Some(jiff::civil::time(3, 0, 0, 0))
        )
    );
    assert!(parse_date("2020-02-30").is_err());
    assert!(parse_date("hôm qua").is_err());
}

#[test]
fn body_string_splits_at_blank_lines() {
    let b = split_paragraphs("a\nb\n\n\nc\r\n");
    assert_eq!(
        b,
        vec![
            (ParagraphKind::Text, "a b".to_string()),
            (ParagraphKind::Text, "c".to_string())
        ]
    );
}

#[test]
fn whole_numbers_are_written_out() {
    for (json, id) in [
        ("7", "7"),
        ("-12", "-12"),
        ("0", "0"),
        ("-0", "0"),
        ("1e3", "1000"),
        ("1E+3", "1000"),
        ("1.50e1", "15"),
        ("2.0", "2"),
        ("0.0001e5", "10"),
        ("1e30", "1000000000000000000000000000000"),
        (
            "1000000000000000000000000000000",
            "1000000000000000000000000000000",
        ),
        ("12345678901234567890123", "12345678901234567890123"),
    ] {
        assert_eq!(whole_number(json).as_deref(), Ok(id), "{json}");
    }
    for json in ["1.5", "1e-3", "15e-1", "1e-99999999999999999999"] {
        let e = whole_number(json).expect_err(json);
        assert!(e.contains("not a whole number"), "{e}");
    }
    for json in ["1e101", "1e99999999999999999999"] {
        let e = whole_number(json).expect_err(json);
        assert!(e.contains("more than 100 digits"), "{e}");
    }
}

#[test]
fn months_as_collections_write_them() {
    assert_eq!(parse_month("2025-07"), Some(jiff::civil::date(2025, 7, 1)));
    assert_eq!(parse_month("07/2025"), Some(jiff::civil::date(2025, 7, 1)));
    assert_eq!(parse_month("7/2025"), Some(jiff::civil::date(2025, 7, 1)));
    for bad in [
        "2025-13",
        "2025",
        "25-07",
        "2025-07-01",
        "tháng 7",
        "2025-7-",
        "",
    ] {
        assert_eq!(parse_month(bad), None, "{bad}");
    }
    // A day is a day, not a month.
    assert!(parse_date("2025-07").is_err());
}

proptest::proptest! {
    /// Every month of the calendar reads back as its first day, in both
    /// forms; nothing else panics.
    #[test]
    fn every_month_reads_back(y in 1000i16..=9999, m in 1i8..=12, junk in ".{0,12}") {
        let first = jiff::civil::date(y, m, 1);
        proptest::prop_assert_eq!(parse_month(&format!("{y}-{m:02}")), Some(first));
        proptest::prop_assert_eq!(parse_month(&format!("{m}/{y}")), Some(first));
        let _ = parse_month(&junk);
    }
}
