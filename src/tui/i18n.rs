//! Every string the browser shows, in Vietnamese and English.
//!
//! The language comes from `--lang`, else the locale (LC_ALL, then
//! LC_MESSAGES, then LANG, as POSIX orders them): Vietnamese for a `vi`
//! locale, English otherwise.

use crate::search::SortOrder;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Vi,
    #[default]
    En,
}

impl Lang {
    /// The language of a locale given as the values of LC_ALL,
    /// LC_MESSAGES and LANG (unset or empty ones are skipped).
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let locale = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty())
            .unwrap_or("");
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if language == "vi" { Lang::Vi } else { Lang::En }
    }

    /// The language of this process's locale.
    pub fn from_env() -> Lang {
        let var = |name| std::env::var(name).ok();
        Lang::from_locale(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// One section of the help overlay: a heading and (keys, what they do).
pub type HelpSection = (&'static str, &'static [(&'static str, &'static str)]);

/// The fixed strings of one language; formatted ones are methods.
#[derive(Debug)]
pub struct Strings {
    pub lang: Lang,
    pub prompt: &'static str,
    pub query_hint: &'static str,
    pub articles_title: &'static str,
    pub reading_title: &'static str,
    pub no_results: &'static str,
    pub no_results_hint: &'static str,
    pub empty_collection: &'static str,
    pub nothing_selected: &'static str,
    pub label_date: &'static str,
    pub label_places: &'static str,
    pub label_author: &'static str,
    pub label_source: &'static str,
    pub scroll_all: &'static str,
    pub find_prompt: &'static str,
    pub keys_list: &'static str,
    pub keys_query: &'static str,
    pub keys_reading: &'static str,
    pub keys_find: &'static str,
    pub keys_help: &'static str,
    pub keys_places: &'static str,
    pub keys_dates: &'static str,
    pub help_title: &'static str,
    pub help: &'static [HelpSection],
    pub places_title: &'static str,
    pub places_filter: &'static str,
    pub places_by_count: &'static str,
    pub places_by_name: &'static str,
    pub places_none: &'static str,
    pub dates_title: &'static str,
    pub dates_none: &'static str,
    pub months: [&'static str; 12],
    pub not_a_terminal: &'static str,
}

impl Strings {
    /// "4/5 bài": results out of the collection.
    pub fn count(&self, shown: usize, total: usize) -> String {
        match self.lang {
            Lang::Vi => format!("{shown}/{total} bài"),
            Lang::En => format!("{shown}/{total} articles"),
        }
    }

    pub fn sort(&self, sort: SortOrder) -> &'static str {
        match (self.lang, sort) {
            (Lang::Vi, SortOrder::Relevance) => "↕ liên quan",
            (Lang::Vi, SortOrder::Newest) => "↕ mới nhất",
            (Lang::Vi, SortOrder::Oldest) => "↕ cũ nhất",
            (Lang::Vi, SortOrder::Title) => "↕ tên A–Z",
            (Lang::En, SortOrder::Relevance) => "↕ relevance",
            (Lang::En, SortOrder::Newest) => "↕ newest",
            (Lang::En, SortOrder::Oldest) => "↕ oldest",
            (Lang::En, SortOrder::Title) => "↕ title A–Z",
        }
    }

    /// The in-article search result: "2/7".
    pub fn found(&self, current: usize, total: usize) -> String {
        match self.lang {
            Lang::Vi => format!("khớp {current}/{total}"),
            Lang::En => format!("match {current}/{total}"),
        }
    }

    pub fn not_found(&self, term: &str) -> String {
        match self.lang {
            Lang::Vi => format!("Không thấy “{term}”"),
            Lang::En => format!("Not found: “{term}”"),
        }
    }

    /// The reading position: "12–31/140 8%".
    pub fn position(&self, first: usize, last: usize, total: usize) -> String {
        let percent = (last * 100).checked_div(total).unwrap_or(100);
        format!("{first}–{last}/{total} {percent}%")
    }

    pub fn article_n(&self, n: usize, total: usize) -> String {
        match self.lang {
            Lang::Vi => format!("Bài {n}/{total}"),
            Lang::En => format!("Article {n}/{total}"),
        }
    }

    pub fn dates_by_month(&self, year: i16) -> String {
        match self.lang {
            Lang::Vi => format!("Năm {year} theo tháng   ↑ các năm"),
            Lang::En => format!("{year} by month   ↑ all years"),
        }
    }

    pub fn dates_by_year(&self) -> &'static str {
        match self.lang {
            Lang::Vi => "Theo năm   ↓ xem từng tháng",
            Lang::En => "By year   ↓ months of a year",
        }
    }

    pub fn dates_selected(&self, label: &str, count: usize) -> String {
        match self.lang {
            Lang::Vi => format!("{label}: {count} bài   Enter thêm vào truy vấn"),
            Lang::En => format!("{label}: {count} articles   Enter adds it to the query"),
        }
    }

    /// "tháng 8/2025", "Aug 2025".
    pub fn month_of_year(&self, month: usize, year: i16) -> String {
        match self.lang {
            Lang::Vi => format!("tháng {month}/{year}"),
            Lang::En => format!("{} {year}", self.months[month.clamp(1, 12) - 1]),
        }
    }

    pub fn undated(&self, n: usize) -> String {
        match self.lang {
            Lang::Vi => format!("{n} bài không có ngày"),
            Lang::En => format!("{n} without a date"),
        }
    }

    pub fn month_name(&self, month: i8) -> &'static str {
        let i = usize::try_from(month - 1).unwrap_or(0).min(11);
        self.months[i]
    }

    pub fn places_count(&self, shown: usize, total: usize) -> String {
        match self.lang {
            Lang::Vi => format!("{shown}/{total} địa danh"),
            Lang::En => format!("{shown}/{total} places"),
        }
    }
}

const HELP_VI: &[HelpSection] = &[
    (
        "Danh sách",
        &[
            ("j k ↓ ↑", "lên, xuống một bài"),
            ("PgDn PgUp", "một trang"),
            ("g G Home End", "đầu, cuối danh sách"),
            ("Enter l →", "đọc bài đang chọn"),
            ("/", "gõ truy vấn"),
            ("Tab", "chuyển giữa danh sách và bài"),
            ("p", "chọn địa danh"),
            ("d", "chọn ngày"),
            ("s", "đổi cách sắp xếp"),
            ("?", "trợ giúp này"),
            ("q Ctrl-C", "thoát"),
        ],
    ),
    (
        "Dòng truy vấn",
        &[
            ("gõ chữ", "lọc ngay khi gõ"),
            ("Enter Esc", "về danh sách, giữ truy vấn"),
            ("↑ ↓", "các truy vấn trước"),
            ("← → Home End", "di chuyển con trỏ"),
            ("Backspace Delete", "xóa một chữ"),
            ("Ctrl-W", "xóa một từ"),
            ("Ctrl-U", "xóa cả truy vấn"),
        ],
    ),
    (
        "Đọc bài",
        &[
            ("j k ↓ ↑", "cuộn một dòng"),
            ("Space PgDn", "trang sau"),
            ("b PgUp", "trang trước"),
            ("g G", "đầu, cuối bài"),
            ("/", "tìm trong bài"),
            ("n N", "chỗ khớp sau, trước"),
            ("J K ] [", "bài sau, bài trước"),
            ("h ← Esc q", "về danh sách"),
        ],
    ),
    (
        "Chọn địa danh (p)",
        &[
            ("gõ chữ", "lọc mờ theo tên"),
            ("↑ ↓ PgUp PgDn", "chọn"),
            ("Tab", "theo số bài / theo A–Z"),
            ("Enter", "thêm @địa danh vào truy vấn"),
            ("Esc", "đóng"),
        ],
    ),
    (
        "Chọn ngày (d)",
        &[
            ("← → h l", "chọn năm hoặc tháng"),
            ("↓ j", "xem các tháng của năm"),
            ("↑ k", "về các năm"),
            ("Enter", "thêm #năm hoặc #năm-tháng"),
            ("Esc q", "đóng"),
        ],
    ),
    (
        "Cú pháp truy vấn",
        &[
            ("tu son", "từ khóa, có dấu hay không"),
            ("đang", "gõ có dấu: phải khớp dấu"),
            ("'từ \"cụm từ\"", "đúng từ, đúng cụm từ"),
            ("!từ  a|b", "loại trừ, một trong hai"),
            ("@tuson @\"Từ Sơn\"", "địa danh, gồm cả nơi trực thuộc"),
            ("#2020 #2020-09", "năm, tháng"),
            ("#3/9/2020 #2017..2020", "ngày, khoảng thời gian"),
        ],
    ),
];

const HELP_EN: &[HelpSection] = &[
    (
        "List",
        &[
            ("j k ↓ ↑", "next, previous article"),
            ("PgDn PgUp", "a page"),
            ("g G Home End", "first, last"),
            ("Enter l →", "read the selected article"),
            ("/", "type a query"),
            ("Tab", "switch between list and article"),
            ("p", "pick a place"),
            ("d", "pick a date"),
            ("s", "change the sort order"),
            ("?", "this help"),
            ("q Ctrl-C", "quit"),
        ],
    ),
    (
        "Query line",
        &[
            ("typing", "filters as you type"),
            ("Enter Esc", "back to the list, keep the query"),
            ("↑ ↓", "earlier queries"),
            ("← → Home End", "move the cursor"),
            ("Backspace Delete", "delete a letter"),
            ("Ctrl-W", "delete a word"),
            ("Ctrl-U", "clear the query"),
        ],
    ),
    (
        "Reading",
        &[
            ("j k ↓ ↑", "scroll a line"),
            ("Space PgDn", "next page"),
            ("b PgUp", "previous page"),
            ("g G", "top, bottom"),
            ("/", "find in the article"),
            ("n N", "next, previous match"),
            ("J K ] [", "next, previous article"),
            ("h ← Esc q", "back to the list"),
        ],
    ),
    (
        "Place picker (p)",
        &[
            ("typing", "fuzzy-filter by name"),
            ("↑ ↓ PgUp PgDn", "select"),
            ("Tab", "by article count / A–Z"),
            ("Enter", "add @place to the query"),
            ("Esc", "close"),
        ],
    ),
    (
        "Date picker (d)",
        &[
            ("← → h l", "select a year or month"),
            ("↓ j", "the months of the year"),
            ("↑ k", "back to the years"),
            ("Enter", "add #year or #year-month"),
            ("Esc q", "close"),
        ],
    ),
    (
        "Query syntax",
        &[
            ("tu son", "keywords, diacritics optional"),
            ("đang", "with diacritics: must match"),
            ("'word \"a phrase\"", "exact word, exact phrase"),
            ("!word  a|b", "exclude, either"),
            ("@tuson @\"Từ Sơn\"", "place, and the places in it"),
            ("#2020 #2020-09", "year, month"),
            ("#3/9/2020 #2017..2020", "day (d/m/y), range"),
        ],
    ),
];

pub static VI: Strings = Strings {
    lang: Lang::Vi,
    prompt: "Tìm:",
    query_hint: "từ khóa  @địa danh  #2020  ? trợ giúp",
    articles_title: "Bài viết",
    reading_title: "Đọc",
    no_results: "Không có bài nào khớp với truy vấn.",
    no_results_hint: "Ctrl-U xóa truy vấn, Backspace bớt một chữ.",
    empty_collection: "Bộ sưu tập không có bài nào.",
    nothing_selected: "Chọn một bài trong danh sách để đọc.",
    label_date: "Ngày",
    label_places: "Nơi",
    label_author: "Tác giả",
    label_source: "Nguồn",
    scroll_all: "tất cả",
    find_prompt: "Tìm trong bài:",
    keys_list: "Enter đọc  / tìm  p nơi  d ngày  s sắp xếp  ? trợ giúp  q thoát",
    keys_query: "Enter xong  ↑↓ lịch sử  Ctrl-U xóa  Esc về danh sách",
    keys_reading: "j/k cuộn  Space trang  / tìm  n/N  J/K bài  h về  ? trợ giúp",
    keys_find: "Enter tìm  Esc hủy",
    keys_help: "j/k cuộn  Esc đóng",
    keys_places: "gõ để lọc  ↑↓ chọn  Tab sắp xếp  Enter thêm  Esc đóng",
    keys_dates: "←→ chọn  ↓ tháng  ↑ năm  Enter thêm  Esc đóng",
    help_title: "Trợ giúp",
    help: HELP_VI,
    places_title: "Địa danh",
    places_filter: "Lọc:",
    places_by_count: "theo số bài",
    places_by_name: "theo A–Z",
    places_none: "Không có địa danh nào.",
    dates_title: "Ngày đăng",
    dates_none: "Không có bài nào có ngày.",
    months: [
        "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
    ],
    not_a_terminal: "tintuc: trình duyệt cần một terminal, nhưng đầu ra chuẩn không phải terminal.\n\
        Hãy chạy tintuc trực tiếp trong terminal, hoặc dùng `tintuc check` để in thông tin.",
};

pub static EN: Strings = Strings {
    lang: Lang::En,
    prompt: "Search:",
    query_hint: "keywords  @place  #2020  ? help",
    articles_title: "Articles",
    reading_title: "Reading",
    no_results: "No article matches the query.",
    no_results_hint: "Ctrl-U clears the query, Backspace removes a letter.",
    empty_collection: "The collection has no articles.",
    nothing_selected: "Select an article in the list to read it.",
    label_date: "Date",
    label_places: "Places",
    label_author: "Author",
    label_source: "Source",
    scroll_all: "all",
    find_prompt: "Find in article:",
    keys_list: "Enter read  / search  p place  d date  s sort  ? help  q quit",
    keys_query: "Enter done  ↑↓ history  Ctrl-U clear  Esc back to list",
    keys_reading: "j/k scroll  Space page  / find  n/N  J/K article  h back  ? help",
    keys_find: "Enter find  Esc cancel",
    keys_help: "j/k scroll  Esc close",
    keys_places: "type to filter  ↑↓ select  Tab sort  Enter add  Esc close",
    keys_dates: "←→ select  ↓ months  ↑ years  Enter add  Esc close",
    help_title: "Help",
    help: HELP_EN,
    places_title: "Places",
    places_filter: "Filter:",
    places_by_count: "by count",
    places_by_name: "A–Z",
    places_none: "No places.",
    dates_title: "Publication dates",
    dates_none: "No article has a date.",
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    not_a_terminal: "tintuc: the browser needs a terminal, but standard output is not one.\n\
        Run tintuc directly in a terminal, or use `tintuc check` for a plain report.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_precedence() {
        assert_eq!(Lang::from_locale(None, None, Some("vi_VN.UTF-8")), Lang::Vi);
        assert_eq!(
            Lang::from_locale(Some("C"), None, Some("vi_VN.UTF-8")),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(Some(""), Some("vi"), Some("en_US")),
            Lang::Vi
        );
        assert_eq!(Lang::from_locale(None, None, Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(None, None, None), Lang::En);
        assert_eq!(Lang::from_locale(None, None, Some("VI_vn")), Lang::Vi);
        assert_eq!(Lang::from_locale(None, None, Some("vin")), Lang::En);
    }

    #[test]
    fn both_languages_have_the_same_help_shape() {
        assert_eq!(VI.help.len(), EN.help.len());
        for (vi, en) in VI.help.iter().zip(EN.help) {
            assert_eq!(vi.1.len(), en.1.len(), "{}", vi.0);
        }
    }
}
