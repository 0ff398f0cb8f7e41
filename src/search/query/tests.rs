//! The parser's and the rewriting's tests.

use jiff::civil::{Date, date};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::*;

fn one(q: &str) -> Clause {
    let parsed = parse(q);
    assert_eq!(parsed.clauses.len(), 1, "{q}: {parsed:?}");
    parsed.clauses[0].clone()
}

fn range(q: &str) -> Option<(Option<Date>, Option<Date>)> {
    match one(q).alts.as_slice() {
        [Alt::Date(d)] => Some((d.from, d.to)),
        _ => None,
    }
}

#[test]
fn keywords_keep_diacritics_only_when_typed() {
    let c = one("Đang");
    assert_eq!(
        c.alts,
        [Alt::Keyword(Word {
            folded: "dang".into(),
            exact: Some("đang".into())
        })]
    );
    assert_eq!(
        one("TU").alts,
        [Alt::Keyword(Word {
            folded: "tu".into(),
            exact: None
        })]
    );
    // Old and new tone placement, NFD and NFC: one word.
    let nfd: String = "văn hóa".nfd().collect();
    let alts =
        |q: &str| -> Vec<Vec<Alt>> { parse(q).clauses.into_iter().map(|c| c.alts).collect() };
    assert_eq!(alts(&nfd), alts("văn hoá"));
}

#[test]
fn term_kinds() {
    assert!(matches!(one("'thon").alts.as_slice(), [Alt::Exact(_)]));
    assert!(matches!(
        one("\"nông thôn mới\"").alts.as_slice(),
        [Alt::Phrase { open: false, words }, ..] if words.len() == 3
    ));
    assert!(matches!(
        one("\"nông thôn").alts.as_slice(),
        [Alt::Phrase { open: true, .. }]
    ));
    assert!(one("!covid").negated);
    assert_eq!(one("covid|dịch").alts.len(), 2);
    assert!(matches!(
        one("covid-19").alts.as_slice(),
        [Alt::Phrase { open: true, words }] if words.len() == 2
    ));
    let q = parse("a \"b c\" d");
    assert_eq!(q.clauses.len(), 3);
}

#[test]
fn places() {
    let keys = |q: &str| match one(q).alts.as_slice() {
        [Alt::Place(p)] => p.keys.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(keys("@tuson"), ["tuson"]);
    assert_eq!(keys("@\"tu son\""), ["tuson"]);
    assert!(keys("@\"thị xã Từ Sơn\"").contains(&"tuson".to_string()));
    assert!(keys("@thixatuson").contains(&"tuson".to_string()));
    match one("@\"Từ Sơn\"").alts.as_slice() {
        [Alt::Place(p)] => assert_eq!(p.exact.as_deref(), Some(&["từsơn".to_string()][..])),
        other => panic!("{other:?}"),
    }
    assert_eq!(parse("@").clauses.len(), 0);
    assert_eq!(parse("@\"").clauses.len(), 0);
    assert_eq!(parse("@\"Từ").clauses.len(), 1);
}

#[test]
fn dates() {
    let d = |y, m, d| Some(date(y, m, d));
    assert_eq!(range("#2020"), Some((d(2020, 1, 1), d(2020, 12, 31))));
    assert_eq!(range("#2020-09"), Some((d(2020, 9, 1), d(2020, 9, 30))));
    assert_eq!(range("#2020-09-03"), Some((d(2020, 9, 3), d(2020, 9, 3))));
    assert_eq!(range("#9/2020"), Some((d(2020, 9, 1), d(2020, 9, 30))));
    assert_eq!(range("#3/9/2020"), Some((d(2020, 9, 3), d(2020, 9, 3))));
    assert_eq!(range("#2017..2020"), Some((d(2017, 1, 1), d(2020, 12, 31))));
    assert_eq!(range("#2017-2020"), Some((d(2017, 1, 1), d(2020, 12, 31))));
    assert_eq!(range("#2020-06.."), Some((d(2020, 6, 1), None)));
    assert_eq!(range("#..2018"), Some((None, d(2018, 12, 31))));
    assert_eq!(range("#2/2024"), Some((d(2024, 2, 1), d(2024, 2, 29))));
    // Being typed: lenient.
    assert_eq!(range("#20"), Some((d(2000, 1, 1), d(2099, 12, 31))));
    assert_eq!(range("#202"), Some((d(2020, 1, 1), d(2029, 12, 31))));
    assert_eq!(range("#2017.."), Some((d(2017, 1, 1), None)));
    assert_eq!(range("#2017..20"), Some((d(2017, 1, 1), d(2099, 12, 31))));
    for unfinished in ["#", "#3", "#9/", "#9/20", "#3/9/", "#..", "#2020-"] {
        let q = parse(unfinished);
        assert!(q.hints.is_empty(), "{unfinished}: {:?}", q.hints);
        assert!(
            q.clauses.is_empty() || range(unfinished).is_some(),
            "{unfinished}"
        );
    }
}

#[test]
fn impossible_dates_are_hints() {
    for (q, why) in [
        ("#2020-13", "no month 13"),
        ("#31/2/2020", "does not exist"),
        ("#2020..2017", "ends before it starts"),
        ("#abc", "not a date"),
    ] {
        let parsed = parse(q);
        assert!(parsed.clauses.is_empty(), "{q}");
        assert_eq!(parsed.hints.len(), 1, "{q}");
        assert!(
            parsed.hints[0].to_string().contains(why),
            "{q}: {:?}",
            parsed.hints
        );
        assert!(
            parsed.hints[0].to_string().starts_with(q),
            "{q}: {:?}",
            parsed.hints
        );
    }
}

#[test]
fn unfinished_terms_are_ignored() {
    for q in ["!", "'", "\"", "|", "!|", "\"\"", "@\"\""] {
        let parsed = parse(q);
        assert!(parsed.clauses.is_empty(), "{q}: {parsed:?}");
        assert!(parsed.hints.is_empty(), "{q}");
    }
}

#[test]
fn flags() {
    let flag = |q: &str| match one(q).alts.as_slice() {
        [Alt::Flag(f)] => *f,
        other => panic!("{q}: {other:?}"),
    };
    assert_eq!(flag("is:unread"), Flag::Unread);
    assert_eq!(flag("is:read"), Flag::Read);
    assert_eq!(flag("IS:Bookmarked"), Flag::Bookmarked);
    // Being typed: the unique prefix already counts.
    assert_eq!(flag("is:b"), Flag::Bookmarked);
    assert_eq!(flag("is:u"), Flag::Unread);
    assert_eq!(flag("is:re"), Flag::Read);
    assert!(one("!is:read").negated);
    assert_eq!(one("is:read|is:bookmarked").alts.len(), 2);
    // Nothing after the colon yet: no filter, no complaint.
    let q = parse("is:");
    assert!(q.clauses.is_empty() && q.hints.is_empty(), "{q:?}");
    // An unknown value explains itself and filters nothing.
    let q = parse("is:starred thon");
    assert_eq!(q.clauses.len(), 1);
    assert_eq!(q.hints.len(), 1);
    assert!(
        q.hints[0].to_string().starts_with("is:starred: not known"),
        "{:?}",
        q.hints
    );
    assert!(
        q.hints[0].to_string().contains("is:bookmarked"),
        "{:?}",
        q.hints
    );
    assert_eq!(parse("@tuson is:read #2020").flags(), ["is:read"]);
    // Flag results are found in the cache by their key.
    assert!(one("!is:unread").key().reads_marks());
    assert!(!one("unread").key().reads_marks());
}

#[test]
fn display_lists() {
    let q = parse("nong @tuson #2020 @\"Bắc Ninh\"");
    assert_eq!(q.places(), ["@tuson", "@\"Bắc Ninh\""]);
    assert_eq!(q.dates(), ["#2020"]);
    assert_eq!(q.keywords(), ["nong"]);
}

#[test]
fn word_splitting() {
    let ws: Vec<&str> = words("01-KL/TW, “Từ Sơn”…").map(|(_, w)| w).collect();
    assert_eq!(ws, ["01", "KL", "TW", "Từ", "Sơn"]);
}

/// `clause` as it parses alone: its spans counted from its start.
fn alone(clause: &Clause) -> Clause {
    let at = clause.span.start;
    let shift = |r: &std::ops::Range<usize>| r.start - at..r.end - at;
    Clause {
        span: shift(&clause.span),
        parts: clause
            .parts
            .iter()
            .map(|p| Part {
                kind: p.kind,
                span: shift(&p.span),
            })
            .collect(),
        ..clause.clone()
    }
}

/// What follows `~` is a count of days of at most five digits; anything
/// else is no date at all, not a day alone.
#[test]
fn around_a_day_takes_only_a_short_count_of_days() {
    assert!(range("#3/9/2020~3").is_some());
    for text in [
        "#3/9/2020~abc",
        "#3/9/2020~3x",
        "#3/9/2020~123456",
        "#2020-09-03~-2",
    ] {
        let q = parse(text);
        assert!(q.clauses.is_empty(), "{text}: {q:?}");
        assert_eq!(q.hints.len(), 1, "{text}: {q:?}");
    }
}

proptest! {
    /// `~N` around a day: N days either side, both ends included, centred
    /// on the day, in either way of writing the day.
    #[test]
    fn around_a_day_is_symmetric_and_inclusive(
        y in 1900i16..2100, m in 1i8..=12, d in 1i8..=28, n in 0i64..400,
    ) {
        let day = date(y, m, d);
        let span = jiff::Span::new().days(n);
        let want = (day.checked_sub(span).ok(), day.checked_add(span).ok());
        for q in [format!("#{d}/{m}/{y}~{n}"), format!("#{day}~{n}")] {
            prop_assert_eq!(range(&q), Some(want), "{}", q);
            let clause = one(&q);
            let [Alt::Date(r)] = clause.alts.as_slice() else {
                panic!("{q}");
            };
            prop_assert_eq!(r.near, Some(day));
            let (Some(from), Some(to)) = want else { continue };
            prop_assert_eq!((day - from).get_days(), (to - day).get_days());
        }
    }

    #[test]
    fn every_span_reparses_to_its_clause(
        s in "([ a-zđơư!|@#'\".:/0-9-]|is:|ô|\u{301}|\u{2000}){0,30}"
    ) {
        let q = parse(&s);
        prop_assert_eq!(&q.text, &s);
        for c in q.clauses.iter().chain(&q.inert) {
            let text = &s[c.span.clone()];
            let again = parse(text);
            let found: Vec<Clause> = again.clauses.into_iter().chain(again.inert).collect();
            prop_assert_eq!(found, vec![alone(c)], "{:?} in {:?}", text, s);
            for p in &c.parts {
                let part = &s[p.span.clone()];
                let kind = Kind::of(&part.nfc().collect::<String>());
                prop_assert_eq!(kind, Some(p.kind), "{:?} in {:?}", part, s);
            }
        }
        // Without the terms of a kind, the query means what it meant
        // less those terms: nothing else is lost or changed.
        let keys = |q: &Query, kind: Kind| -> Vec<ClauseKey> {
            q.clauses.iter().filter(|c| !c.narrows_by(kind)).map(Clause::key).collect()
        };
        for kind in [Kind::Word, Kind::Place, Kind::Date, Kind::Flag] {
            let rest = parse(&q.without(kind));
            prop_assert!(!rest.narrows_by(kind), "{:?} without {:?}", s, kind);
            prop_assert_eq!(keys(&rest, kind), keys(&q, kind), "{:?} without {:?}", s, kind);
        }
    }
}

#[test]
fn spans_point_into_the_text_as_typed() {
    let nfd: String = "!\"Từ Sơn\"|@Huế".nfd().collect();
    let text = format!("  {nfd}  #2020 ");
    let q = parse(&text);
    let c = &q.clauses[0];
    assert_eq!(&text[c.span.clone()], nfd);
    assert!(c.negated);
    let kinds: Vec<Kind> = c.parts.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [Kind::Phrase, Kind::Place]);
    assert_eq!(
        &text[c.parts[1].span.clone()],
        "@Huế".nfd().collect::<String>()
    );
    assert_eq!(&text[q.clauses[1].span.clone()], "#2020");
}

#[test]
fn replacing_the_place() {
    let q = parse("@tuson nong thon");
    assert_eq!(q.with_place("Bắc Ninh"), "nong thon @\"Bắc Ninh\"");
    assert_eq!(q.with_place("Huế"), "nong thon @Huế");
    assert_eq!(q.without(Kind::Place), "nong thon");
    assert!(q.narrows_by(Kind::Place) && !q.narrows_by(Kind::Date));
    // Exclusions stay; unfinished place terms go with the others.
    let q = parse(r#"@"Từ Sơn" #2018 !@hue @"#);
    assert_eq!(q.with_place("Hà Nội"), r#"#2018 !@hue @"Hà Nội""#);
    assert_eq!(parse("").with_place("Huế"), "@Huế");
    assert_eq!(place_term("Từ Sơn"), "@\"Từ Sơn\"");
    assert_eq!(place_term("a\"b c"), "@\"ab c\"");
}

#[test]
fn replacing_the_dates() {
    let q = parse("#2020 covid");
    assert_eq!(q.replace_dates(2021, None), "covid #2021");
    assert_eq!(q.replace_dates(2021, Some(9)), "covid #2021-09");
    assert_eq!(q.first_year(), Some(2020));
    // Impossible and unfinished dates go too; the text of the others is
    // kept as typed, white space aside.
    let q = parse("#2019  dang #2017..2018 #2020-13 \"a  b\"");
    assert_eq!(q.replace_dates(5, Some(1)), "dang \"a  b\" #0005-01");
    assert_eq!(date_term(2020, None), "#2020");
    // The year of a date written day first, or open at the start.
    assert_eq!(parse("#9/2020").first_year(), Some(2020));
    assert_eq!(parse("x #..2018").first_year(), Some(2018));
    assert_eq!(parse("!#2018 x").first_year(), None);
}

#[test]
fn a_place_or_a_date_is_both() {
    // One term, two kinds: choosing a place or a date replaces it.
    let q = parse("@a|#2020 covid");
    assert!(q.narrows_by(Kind::Place) && q.narrows_by(Kind::Date));
    assert_eq!(q.with_place("Huế"), "covid @Huế");
    assert_eq!(q.replace_dates(2019, None), "covid #2019");
    assert_eq!(q.without(Kind::Word), "@a|#2020");
    assert_eq!(q.first_year(), Some(2020));
    assert_eq!(q.places(), ["@a|#2020"]);
    assert_eq!(q.dates(), ["@a|#2020"]);
}

#[test]
fn hints_say_what_is_wrong_in_english() {
    let hint = |q: &str| {
        parse(q)
            .hints
            .iter()
            .map(Hint::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(hint("#2020-13"), ["#2020-13: there is no month 13"]);
    assert_eq!(hint("#0000"), ["#0000: 0 is not a year"]);
    assert_eq!(hint("#31/2/2020"), ["#31/2/2020: 31/2/2020 does not exist"]);
    assert_eq!(
        hint("#2020..2017"),
        ["#2020..2017: the range ends before it starts"]
    );
    assert_eq!(
        hint("#abc"),
        ["#abc: not a date (try #2020, #2020-09, #9/2020, #3/9/2020 or #2017..2020)"]
    );
    assert_eq!(
        hint("x|is:x"),
        ["is:x: not known (try is:unread, is:read, is:bookmarked)"]
    );
    assert_eq!(
        parse("#2020-13").hints,
        [Hint::Date {
            term: "#2020-13".into(),
            problem: DateProblem::NoSuchMonth(13)
        }]
    );
}

#[test]
fn a_query_is_cut_at_its_character_limit_too() {
    let one_word = "a".repeat(MAX_QUERY_CHARS + 100);
    assert_eq!(within_limits(&one_word).chars().count(), MAX_QUERY_CHARS);
    let short = "nông thôn mới";
    assert_eq!(within_limits(short), short);
}

#[test]
fn keywords_are_listed_once_each_in_order() {
    assert_eq!(
        parse("nong thon nong moi").keywords(),
        ["nong", "thon", "moi"]
    );
}
