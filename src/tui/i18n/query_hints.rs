//! The engine's hints on the query, in the browser's language.

use super::{Lang, Strings};
use crate::search::query::hint::{DATE_EXAMPLES, RANGE_EXAMPLE, flag_terms};
use crate::search::query::{DateProblem, Hint};

impl Strings {
    /// What is wrong with a term, as the status line says it.
    pub fn query_hint(&self, hint: &Hint) -> String {
        match self.lang {
            Lang::En => hint.to_string(),
            Lang::Vi => vietnamese(hint),
        }
    }
}

fn vietnamese(hint: &Hint) -> String {
    let term = hint.term();
    match hint {
        Hint::UnknownFlag { .. } => format!("{term}: không nhận ra (thử {})", flag_terms()),
        Hint::Reading { read, .. } => format!("{term} → {read}"),
        Hint::DateCanBe { can_be, .. } => format!("{term}: có thể là {}", can_be.join(", ")),
        Hint::DateMeans { from, to, .. } => {
            format!("{term} = {}", crate::search::query::hint::days(*from, *to))
        }
        Hint::DateEveryYear { month, .. } => format!("{term} = tháng {month} mọi năm"),
        Hint::AsPlace { names, .. } => {
            format!("{term}: đọc cả là địa danh {}", names.join(" / "))
        }
        Hint::Without { count, .. } => format!("bỏ {term}: {count} bài"),
        Hint::InNoArticle { closest, .. } if closest.is_empty() => {
            format!("{term}: không bài nào có")
        }
        Hint::InNoArticle { closest, .. } => {
            format!("{term}: không bài nào có; gần nhất: {}", closest.join(", "))
        }
        Hint::NoSuchPlace { closest, .. } if closest.is_empty() => {
            format!("{term}: không có nơi nào tên này")
        }
        Hint::NoSuchPlace { closest, .. } => {
            format!(
                "{term}: không có nơi nào tên này; gần nhất: {}",
                closest.join(", ")
            )
        }
        Hint::WithoutMarks { folded, .. } => {
            format!("{term}: không có bài nào đúng dấu này, tìm là {folded}")
        }
        Hint::Date { problem, .. } => match problem {
            DateProblem::NotADate => {
                format!("{term}: không phải ngày tháng (thử {DATE_EXAMPLES} hoặc {RANGE_EXAMPLE})")
            }
            DateProblem::NotAYear(y) => format!("{term}: {y} không phải là năm"),
            DateProblem::NoSuchMonth(m) => format!("{term}: không có tháng {m}"),
            DateProblem::NoSuchDay { day, month, year } => {
                format!("{term}: không có ngày {day}/{month}/{year}")
            }
            DateProblem::EndsBeforeStart => {
                format!("{term}: ngày kết thúc trước ngày bắt đầu")
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::search::parse;
    use crate::tui::i18n::Lang;

    fn shown(lang: Lang, query: &str) -> Vec<String> {
        let strings = lang.strings();
        let hints = parse(query).hints;
        hints.iter().map(|h| strings.query_hint(h)).collect()
    }

    #[test]
    fn each_language_says_it_its_way() {
        let q = "#2020-13 #0000 #31/2/2020 #2020..2017 #abc is:x";
        assert_eq!(
            shown(Lang::Vi, q),
            [
                "#2020-13: không có tháng 13",
                "#0000: 0 không phải là năm",
                "#31/2/2020: không có ngày 31/2/2020",
                "#2020..2017: ngày kết thúc trước ngày bắt đầu",
                "#abc: không phải ngày tháng (thử #2020, #2020-09, #9/2020, #3/9/2020 hoặc #2017..2020)",
                "is:x: không nhận ra (thử is:unread, is:read, is:bookmarked)",
            ]
        );
        let english: Vec<String> = parse(q).hints.iter().map(ToString::to_string).collect();
        assert_eq!(shown(Lang::En, q), english);
    }

    #[test]
    fn why_nothing_was_found_in_vietnamese() {
        use crate::search::query::Hint;
        let strings = Lang::Vi.strings();
        let said = |h: Hint| strings.query_hint(&h);
        assert_eq!(
            said(Hint::Without {
                term: "@tuson".into(),
                count: 240
            }),
            "bỏ @tuson: 240 bài"
        );
        assert_eq!(
            said(Hint::InNoArticle {
                term: "zzz".into(),
                closest: Vec::new()
            }),
            "zzz: không bài nào có"
        );
        assert_eq!(
            said(Hint::NoSuchPlace {
                term: "@tusn".into(),
                closest: vec!["Từ Sơn".into(), "Phù Chẩn".into()]
            }),
            "@tusn: không có nơi nào tên này; gần nhất: Từ Sơn, Phù Chẩn"
        );
        assert_eq!(
            said(Hint::Reading {
                typed: "tuwf sown".into(),
                read: "từ sơn".into()
            }),
            "tuwf sown → từ sơn"
        );
        assert_eq!(
            said(Hint::InNoArticle {
                term: "dongxy".into(),
                closest: vec!["đồng".into(), "động".into()]
            }),
            "dongxy: không bài nào có; gần nhất: đồng, động"
        );
        assert_eq!(
            said(Hint::AsPlace {
                typed: "tu son".into(),
                names: vec!["Từ Sơn".into(), "Tú Sơn".into()]
            }),
            "tu son: đọc cả là địa danh Từ Sơn / Tú Sơn"
        );
    }
}
