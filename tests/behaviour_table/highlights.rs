//! What the table's queries must highlight, text by text.

/// Where a query must highlight one article: the exact texts, in order,
/// in the title and in each body paragraph.
pub struct Highlight {
    pub query: &'static str,
    pub id: &'static str,
    pub title: &'static [&'static str],
    pub body: &'static [(usize, &'static str)],
}

pub const HIGHLIGHTS: &[Highlight] = &[
    // A word found through a typo is highlighted whole; one found as
    // typed, as far as typed.
    Highlight {
        query: "khuaan",
        id: "covid-1",
        title: &["khuẩn"],
        body: &[],
    },
    Highlight {
        query: "khuan phuun",
        id: "covid-1",
        title: &["Phun", "khuẩn"],
        body: &[],
    },
    // A word start highlights what was typed, not the whole word.
    Highlight {
        query: "thô",
        id: "prefix-thon",
        title: &["thô"],
        body: &[],
    },
    Highlight {
        query: "thô",
        id: "prefix-tho",
        title: &["thô"],
        body: &[],
    },
    Highlight {
        query: "'thon",
        id: "prefix-thon",
        title: &["thôn"],
        body: &[],
    },
    Highlight {
        query: "dang",
        id: "diac-dang-party",
        title: &["Đảng"],
        body: &[],
    },
    Highlight {
        query: "đang",
        id: "diac-dang-party",
        title: &[],
        body: &[],
    },
    Highlight {
        query: "mynghe",
        id: "spell-tuson",
        title: &["mỹ", "nghệ"],
        body: &[],
    },
    // A place's name run together is highlighted as the name.
    Highlight {
        query: "tuson",
        id: "spell-tuson",
        title: &["Từ Sơn"],
        body: &[],
    },
    Highlight {
        query: "\"đèn đường\"",
        id: "phrase-one-para",
        title: &[],
        body: &[(0, "đèn đường")],
    },
    Highlight {
        query: "\"đèn đường\"",
        id: "phrase-across-paras",
        title: &[],
        body: &[],
    },
    Highlight {
        query: "UBND",
        id: "abbr-ubnd-long",
        title: &[],
        body: &[(0, "Ủy ban nhân dân")],
    },
    Highlight {
        query: "hoà",
        id: "tone-hoa-new",
        title: &["Hòa"],
        body: &[],
    },
];
