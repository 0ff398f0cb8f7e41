//! Every string the browser shows, in Vietnamese and English.
//!
//! The language comes from `--lang`, else the locale (LC_ALL, then
//! LC_MESSAGES, then LANG, as POSIX orders them): Vietnamese for a `vi`
//! locale, English otherwise.

mod query_hints;

use super::keymap::Keymap;
use super::state::Settings;
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

/// One line of the help: the keys, what they do, and the commands they
/// are the default keys of (to show the configured keys instead).
pub type HelpEntry = (&'static str, &'static str, &'static [&'static str]);

/// One section of the help overlay: a heading and its lines.
pub type HelpSection = (&'static str, &'static [HelpEntry]);

/// A key hint in the status bar: keys, what they do, their commands.
pub type Hint = (&'static str, &'static str, &'static [&'static str]);

/// The help overlay's text, with the keys as the configuration bound
/// them: (heading, (keys, what they do)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpText {
    pub sections: Vec<(String, Vec<(String, String)>)>,
}

impl HelpText {
    pub fn new(strings: &Strings, settings: &Settings) -> HelpText {
        let keymap = &settings.keymap;
        let mouse = settings.mouse.then_some(&strings.help_mouse);
        let sections = strings
            .help
            .iter()
            .chain(mouse)
            .map(|(heading, entries)| {
                let lines = entries
                    .iter()
                    .map(|(keys, what, actions)| {
                        let keys = if actions.iter().any(|a| keymap.is_replaced(a)) {
                            actions
                                .iter()
                                .map(|a| keymap.keys_label(a))
                                .collect::<Vec<_>>()
                                .join(" ")
                        } else {
                            (*keys).to_string()
                        };
                        (keys, (*what).to_string())
                    })
                    .collect();
                ((*heading).to_string(), lines)
            })
            .collect();
        HelpText { sections }
    }
}

/// What was copied, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    Article,
    Title,
    TitleAndSource,
}

/// Key hints as shown: the configured keys where they were changed.
pub fn hints(hints: &[Hint], keymap: &Keymap) -> String {
    hints
        .iter()
        .map(|(keys, what, actions)| {
            let keys = if actions.iter().any(|a| keymap.is_replaced(a)) {
                actions
                    .iter()
                    .map(|a| keymap.first_key_label(a))
                    .collect::<Vec<_>>()
                    .join("/")
            } else {
                (*keys).to_string()
            };
            if what.is_empty() {
                keys
            } else {
                format!("{keys} {what}")
            }
        })
        .collect::<Vec<_>>()
        .join("  ")
}

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
    pub keys_list: &'static [Hint],
    pub keys_query: &'static str,
    pub keys_reading: &'static [Hint],
    pub keys_find: &'static str,
    pub keys_help: &'static str,
    pub keys_places: &'static str,
    pub keys_dates: &'static str,
    pub help_title: &'static str,
    pub help: &'static [HelpSection],
    /// Shown when the mouse is used.
    pub help_mouse: HelpSection,
    pub bookmarked: &'static str,
    pub unbookmarked: &'static str,
    pub copy_off: &'static str,
    pub places_title: &'static str,
    pub places_filter: &'static str,
    pub places_by_count: &'static str,
    pub places_by_name: &'static str,
    pub places_none: &'static str,
    pub dates_title: &'static str,
    pub dates_none: &'static str,
    pub months: [&'static str; 12],
    pub not_a_terminal: &'static str,
    /// Neither --state nor an absolute XDG_STATE_HOME or HOME.
    pub state_no_home: &'static str,
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

    /// Typed or pasted text left out of a query that was full.
    pub fn query_limited(&self, chars: usize, words: usize) -> String {
        match self.lang {
            Lang::Vi => format!("Truy vấn tối đa {chars} ký tự, {words} từ: phần thừa bị bỏ"),
            Lang::En => format!(
                "A query holds at most {chars} characters, {words} words: the rest was left out"
            ),
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
            Lang::En => {
                let noun = if count == 1 { "article" } else { "articles" };
                format!("{label}: {count} {noun}   Enter adds it to the query")
            }
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

    /// What `y` or `Y` put on the clipboard: `chars` characters; `cut`
    /// when it was too long for the terminal and only its start went.
    pub fn copied(&self, what: Copied, chars: usize, cut: bool) -> String {
        if cut {
            return match self.lang {
                Lang::Vi => format!("Quá dài cho terminal: chỉ chép {chars} ký tự đầu"),
                Lang::En => {
                    format!("Too long for the terminal: copied the first {chars} characters")
                }
            };
        }
        let what = match (self.lang, what) {
            (Lang::Vi, Copied::Article) => "bài",
            (Lang::Vi, Copied::Title) => "tiêu đề",
            (Lang::Vi, Copied::TitleAndSource) => "tiêu đề và nguồn",
            (Lang::En, Copied::Article) => "the article",
            (Lang::En, Copied::Title) => "the title",
            (Lang::En, Copied::TitleAndSource) => "the title and source",
        };
        match self.lang {
            Lang::Vi => format!("Đã chép {what} ({chars} ký tự)"),
            Lang::En => format!("Copied {what} ({chars} characters)"),
        }
    }

    pub fn save_failed(&self, why: &str) -> String {
        match self.lang {
            Lang::Vi => format!("Không lưu được trạng thái đọc: {why}"),
            Lang::En => format!("Could not save the reading state: {why}"),
        }
    }

    /// The state file could not be read and was moved to `to`.
    pub fn state_moved(&self, to: &str, why: &str) -> String {
        match self.lang {
            Lang::Vi => format!("Tệp trạng thái hỏng ({why}), đã chuyển sang {to}; bắt đầu lại"),
            Lang::En => {
                format!("The state file was unreadable ({why}); moved to {to}, starting fresh")
            }
        }
    }

    /// What loading left out, for the status bar.
    pub fn skipped(&self, s: crate::load::Skipped) -> String {
        match self.lang {
            Lang::Vi => {
                let mut left_out = Vec::new();
                if s.files > 0 {
                    left_out.push(format!("{} tệp", s.files));
                }
                if s.articles > 0 {
                    left_out.push(format!("{} bài", s.articles));
                }
                let mut parts = Vec::new();
                if !left_out.is_empty() {
                    parts.push(format!("Bỏ qua {}", left_out.join(" và ")));
                }
                if s.fields > 0 {
                    parts.push(format!("{} trường sai bị bỏ", s.fields));
                }
                format!("{} — `tintuc check` cho biết lý do", parts.join(", "))
            }
            Lang::En => format!("{s} — `tintuc check` says why"),
        }
    }

    /// What loading the state file found that the reader must know.
    pub fn state_note(&self, note: &crate::reading_state::LoadNote, path: &str) -> String {
        use crate::reading_state::LoadNote;
        let vi = self.lang == Lang::Vi;
        match note {
            LoadNote::MovedAside { to, reason } => {
                self.state_moved(&to.display().to_string(), reason)
            }
            LoadNote::NotRead { reason } if vi => format!(
                "Không đọc tệp trạng thái {path} ({reason}); tệp được giữ nguyên, lần này không lưu trạng thái đọc"
            ),
            LoadNote::NotRead { reason } => format!(
                "The state file {path} was not read ({reason}); it is left as it is, and \
                 the reading state is not kept this time"
            ),
            LoadNote::Partial { dropped, newer } => {
                let mut parts = Vec::new();
                if let Some(v) = newer {
                    parts.push(if vi {
                        format!("Tệp trạng thái do tintuc mới hơn ghi (phiên bản {v}): đã đọc phần hiểu được; không ghi đè, lần này không lưu trạng thái đọc")
                    } else {
                        format!("The state file is from a newer tintuc (version {v}): read what this version knows; it is not written over, and the reading state is not kept this time")
                    });
                }
                if let Some(first) = dropped.first() {
                    let n = dropped.len();
                    parts.push(if vi {
                        format!("Bỏ qua {n} giá trị không đọc được trong tệp trạng thái: {first}")
                    } else {
                        format!("Left out {n} unreadable value(s) of the state file: {first}")
                    });
                }
                parts.join("; ")
            }
        }
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
            ("j k ↓ ↑", "lên, xuống một bài", &["down", "up"]),
            ("PgDn PgUp", "một trang", &["page_down", "page_up"]),
            ("g G Home End", "đầu, cuối danh sách", &["top", "bottom"]),
            ("Enter l →", "đọc bài đang chọn", &["open"]),
            ("/", "gõ truy vấn", &["search"]),
            ("Tab", "chuyển giữa danh sách và bài", &["switch_focus"]),
            ("m", "đánh dấu ★ hoặc bỏ đánh dấu", &["bookmark"]),
            (
                "y Y",
                "chép bài; chép tiêu đề và nguồn",
                &["copy", "copy_title"],
            ),
            ("p", "chọn địa danh", &["places"]),
            ("d", "chọn ngày", &["dates"]),
            ("s", "đổi cách sắp xếp", &["sort"]),
            ("z", "ẩn/hiện khung đọc bài", &["toggle_reading"]),
            ("?", "trợ giúp này", &["help"]),
            ("q Ctrl-C", "thoát", &["quit"]),
        ],
    ),
    (
        "Dòng truy vấn",
        &[
            ("gõ chữ", "lọc ngay khi gõ", &[]),
            ("Enter Esc", "về danh sách, giữ truy vấn", &[]),
            ("↑ ↓", "các truy vấn trước", &[]),
            ("← → Home End", "di chuyển con trỏ", &[]),
            ("Backspace Delete", "xóa một chữ", &[]),
            ("Ctrl-W", "xóa một từ", &[]),
            ("Ctrl-U", "xóa cả truy vấn", &[]),
        ],
    ),
    (
        "Đọc bài",
        &[
            ("j k ↓ ↑", "cuộn một dòng", &["down", "up"]),
            ("Space", "trang sau; hết bài thì sang bài sau", &["read_on"]),
            ("PgDn", "trang sau", &["page_down"]),
            ("b PgUp", "trang trước", &["page_up"]),
            ("g G", "đầu, cuối bài", &["top", "bottom"]),
            ("/", "tìm trong bài", &["find"]),
            ("n N", "chỗ khớp sau, trước", &["find_next", "find_prev"]),
            (
                "J K ] [",
                "bài sau, bài trước",
                &["next_article", "prev_article"],
            ),
            ("m", "đánh dấu ★ hoặc bỏ đánh dấu", &["bookmark"]),
            (
                "y Y",
                "chép bài; chép tiêu đề và nguồn",
                &["copy", "copy_title"],
            ),
            ("h ← Esc q", "về danh sách", &["back"]),
        ],
    ),
    (
        "Chọn địa danh (p)",
        &[
            ("gõ chữ", "lọc mờ theo tên", &[]),
            ("↑ ↓ PgUp PgDn", "chọn", &[]),
            ("Tab", "theo số bài / theo A–Z", &[]),
            ("Enter", "thay @địa danh của truy vấn", &[]),
            ("Esc", "đóng", &[]),
        ],
    ),
    (
        "Chọn ngày (d)",
        &[
            ("← → h l", "chọn năm hoặc tháng", &[]),
            ("↓ j", "xem các tháng của năm", &[]),
            ("↑ k", "về các năm", &[]),
            ("Enter", "thêm #năm hoặc #năm-tháng", &[]),
            ("Esc q", "đóng", &[]),
        ],
    ),
    (
        "Cú pháp truy vấn",
        &[
            ("tu son", "từ khóa, có dấu hay không", &[]),
            ("đang", "gõ có dấu: phải khớp dấu", &[]),
            ("'từ \"cụm từ\"", "đúng từ, đúng cụm từ", &[]),
            ("!từ  a|b", "loại trừ, một trong hai", &[]),
            ("@tuson @\"Từ Sơn\"", "địa danh, gồm cả nơi trực thuộc", &[]),
            ("#2020 #2020-09", "năm, tháng", &[]),
            ("#3/9/2020 #2017..2020", "ngày, khoảng thời gian", &[]),
            ("is:unread is:read", "bài chưa đọc, đã đọc", &[]),
            ("is:bookmarked", "bài đã đánh dấu (m)", &[]),
        ],
    ),
];

const HELP_EN: &[HelpSection] = &[
    (
        "List",
        &[
            ("j k ↓ ↑", "next, previous article", &["down", "up"]),
            ("PgDn PgUp", "a page", &["page_down", "page_up"]),
            ("g G Home End", "first, last", &["top", "bottom"]),
            ("Enter l →", "read the selected article", &["open"]),
            ("/", "type a query", &["search"]),
            ("Tab", "switch between list and article", &["switch_focus"]),
            ("m", "bookmark ★ or remove the bookmark", &["bookmark"]),
            (
                "y Y",
                "copy the article; its title, source",
                &["copy", "copy_title"],
            ),
            ("p", "pick a place", &["places"]),
            ("d", "pick a date", &["dates"]),
            ("s", "change the sort order", &["sort"]),
            ("z", "hide or show the reading pane", &["toggle_reading"]),
            ("?", "this help", &["help"]),
            ("q Ctrl-C", "quit", &["quit"]),
        ],
    ),
    (
        "Query line",
        &[
            ("typing", "filters as you type", &[]),
            ("Enter Esc", "back to the list, keep the query", &[]),
            ("↑ ↓", "earlier queries", &[]),
            ("← → Home End", "move the cursor", &[]),
            ("Backspace Delete", "delete a letter", &[]),
            ("Ctrl-W", "delete a word", &[]),
            ("Ctrl-U", "clear the query", &[]),
        ],
    ),
    (
        "Reading",
        &[
            ("j k ↓ ↑", "scroll a line", &["down", "up"]),
            (
                "Space",
                "next page; at the end, the next article",
                &["read_on"],
            ),
            ("PgDn", "next page", &["page_down"]),
            ("b PgUp", "previous page", &["page_up"]),
            ("g G", "top, bottom", &["top", "bottom"]),
            ("/", "find in the article", &["find"]),
            ("n N", "next, previous match", &["find_next", "find_prev"]),
            (
                "J K ] [",
                "next, previous article",
                &["next_article", "prev_article"],
            ),
            ("m", "bookmark ★ or remove the bookmark", &["bookmark"]),
            (
                "y Y",
                "copy the article; its title, source",
                &["copy", "copy_title"],
            ),
            ("h ← Esc q", "back to the list", &["back"]),
        ],
    ),
    (
        "Place picker (p)",
        &[
            ("typing", "fuzzy-filter by name", &[]),
            ("↑ ↓ PgUp PgDn", "select", &[]),
            ("Tab", "by article count / A–Z", &[]),
            ("Enter", "set the query's @place", &[]),
            ("Esc", "close", &[]),
        ],
    ),
    (
        "Date picker (d)",
        &[
            ("← → h l", "select a year or month", &[]),
            ("↓ j", "the months of the year", &[]),
            ("↑ k", "back to the years", &[]),
            ("Enter", "add #year or #year-month", &[]),
            ("Esc q", "close", &[]),
        ],
    ),
    (
        "Query syntax",
        &[
            ("tu son", "keywords, diacritics optional", &[]),
            ("đang", "with diacritics: must match", &[]),
            ("'word \"a phrase\"", "exact word, exact phrase", &[]),
            ("!word  a|b", "exclude, either", &[]),
            ("@tuson @\"Từ Sơn\"", "place, and the places in it", &[]),
            ("#2020 #2020-09", "year, month", &[]),
            ("#3/9/2020 #2017..2020", "day (d/m/y), range", &[]),
            ("is:unread is:read", "not opened yet, opened", &[]),
            ("is:bookmarked", "bookmarked with m", &[]),
        ],
    ),
];

const MOUSE_VI: HelpSection = (
    "Chuột",
    &[
        ("cuộn", "cuộn danh sách hay bài dưới con trỏ", &[]),
        ("bấm", "chọn bài, chọn khung; bấm lại để đọc", &[]),
    ],
);

const MOUSE_EN: HelpSection = (
    "Mouse",
    &[
        ("wheel", "scroll the list or article under it", &[]),
        ("click", "select a row or pane; again to read", &[]),
    ],
);

const HINTS_LIST_VI: &[Hint] = &[
    ("Enter", "đọc", &["open"]),
    ("/", "tìm", &["search"]),
    ("m", "★", &["bookmark"]),
    ("y", "chép", &["copy"]),
    ("p", "nơi", &["places"]),
    ("d", "ngày", &["dates"]),
    ("s", "sắp xếp", &["sort"]),
    ("?", "trợ giúp", &["help"]),
    ("q", "thoát", &["quit"]),
];

const HINTS_LIST_EN: &[Hint] = &[
    ("Enter", "read", &["open"]),
    ("/", "search", &["search"]),
    ("m", "★", &["bookmark"]),
    ("y", "copy", &["copy"]),
    ("p", "place", &["places"]),
    ("d", "date", &["dates"]),
    ("s", "sort", &["sort"]),
    ("?", "help", &["help"]),
    ("q", "quit", &["quit"]),
];

const HINTS_READING_VI: &[Hint] = &[
    ("j/k", "cuộn", &["down", "up"]),
    ("Space", "trang", &["read_on"]),
    ("/", "tìm", &["find"]),
    ("n/N", "", &["find_next", "find_prev"]),
    ("m", "★", &["bookmark"]),
    ("y/Y", "chép", &["copy", "copy_title"]),
    ("J/K", "bài", &["next_article", "prev_article"]),
    ("h", "về", &["back"]),
    ("?", "trợ giúp", &["help"]),
];

const HINTS_READING_EN: &[Hint] = &[
    ("j/k", "scroll", &["down", "up"]),
    ("Space", "page", &["read_on"]),
    ("/", "find", &["find"]),
    ("n/N", "", &["find_next", "find_prev"]),
    ("m", "★", &["bookmark"]),
    ("y/Y", "copy", &["copy", "copy_title"]),
    ("J/K", "article", &["next_article", "prev_article"]),
    ("h", "back", &["back"]),
    ("?", "help", &["help"]),
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
    keys_list: HINTS_LIST_VI,
    keys_query: "Enter xong  ↑↓ lịch sử  Ctrl-U xóa  Esc về danh sách",
    keys_reading: HINTS_READING_VI,
    keys_find: "Enter tìm  Esc hủy",
    keys_help: "j/k cuộn  Esc đóng",
    keys_places: "gõ để lọc  ↑↓ chọn  Tab sắp xếp  Enter thêm  Esc đóng",
    keys_dates: "←→ chọn  ↓ tháng  ↑ năm  Enter thêm  Esc đóng",
    help_title: "Trợ giúp",
    help: HELP_VI,
    help_mouse: MOUSE_VI,
    bookmarked: "★ Đã đánh dấu bài này",
    unbookmarked: "Đã bỏ đánh dấu",
    copy_off: "Chép qua terminal (OSC 52) đang tắt: --no-osc52 hoặc osc52 = false",
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
        Hãy chạy tintuc trực tiếp trong terminal, hoặc dùng `tintuc search TỪ_KHÓA` để in kết quả tìm kiếm.",
    state_no_home: "Không lưu trạng thái đọc: HOME và XDG_STATE_HOME không phải đường dẫn tuyệt đối (dùng --state)",
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
    keys_list: HINTS_LIST_EN,
    keys_query: "Enter done  ↑↓ history  Ctrl-U clear  Esc back to list",
    keys_reading: HINTS_READING_EN,
    keys_find: "Enter find  Esc cancel",
    keys_help: "j/k scroll  Esc close",
    keys_places: "type to filter  ↑↓ select  Tab sort  Enter add  Esc close",
    keys_dates: "←→ select  ↓ months  ↑ years  Enter add  Esc close",
    help_title: "Help",
    help: HELP_EN,
    help_mouse: MOUSE_EN,
    bookmarked: "★ Bookmarked",
    unbookmarked: "Bookmark removed",
    copy_off: "Copying through the terminal (OSC 52) is off: --no-osc52 or osc52 = false",
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
        Run tintuc directly in a terminal, or use `tintuc search QUERY` to print search results.",
    state_no_home: "The reading state is not kept: neither HOME nor XDG_STATE_HOME is an absolute path (see --state)",
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
    fn one_article_is_not_articles() {
        let en = Lang::En.strings();
        assert!(en.dates_selected("2020", 1).starts_with("2020: 1 article "));
        assert!(
            en.dates_selected("2020", 2)
                .starts_with("2020: 2 articles ")
        );
    }

    #[test]
    fn both_languages_have_the_same_help_shape() {
        assert_eq!(VI.help.len(), EN.help.len());
        for (vi, en) in VI.help.iter().zip(EN.help) {
            assert_eq!(vi.1.len(), en.1.len(), "{}", vi.0);
            // The same commands, and the same keys where they are keys.
            for (v, e) in vi.1.iter().zip(en.1) {
                assert_eq!(v.2, e.2, "{}", vi.0);
                if !v.2.is_empty() {
                    assert_eq!(v.0, e.0, "{}", vi.0);
                }
            }
        }
        for (vi, en) in [
            (VI.keys_list, EN.keys_list),
            (VI.keys_reading, EN.keys_reading),
        ] {
            let shape = |h: &[Hint]| h.iter().map(|x| (x.0, x.2)).collect::<Vec<_>>();
            assert_eq!(shape(vi), shape(en));
        }
    }

    #[test]
    fn commands_named_in_help_and_hints_exist() {
        let names = super::super::keymap::action_names();
        let entries = EN
            .help
            .iter()
            .flat_map(|(_, e)| e.iter().map(|x| x.2))
            .chain(EN.keys_list.iter().map(|h| h.2))
            .chain(EN.keys_reading.iter().map(|h| h.2));
        for actions in entries {
            for a in actions {
                assert!(names.contains(a), "{a}");
            }
        }
    }

    #[test]
    fn configured_keys_show_in_help_and_hints() {
        use crate::config::KeySpec;
        let mut keys = std::collections::BTreeMap::new();
        let spec = |s: &str| KeySpec::parse(s).unwrap_or_else(|e| panic!("{e}"));
        keys.insert("bookmark".to_string(), vec![spec("b"), spec("ctrl-b")]);
        keys.insert("down".to_string(), vec![spec("n")]);
        let settings = Settings {
            keymap: Keymap::new(&keys),
            ..Settings::default()
        };
        let help = HelpText::new(&EN, &settings);
        let list = &help.sections[0].1;
        assert!(list.contains(&(
            "b Ctrl-B".into(),
            "bookmark ★ or remove the bookmark".into()
        )));
        assert!(list.contains(&(
            "n k ↑ Ctrl-P Ctrl-Y".into(),
            "next, previous article".into()
        )));
        assert!(list.contains(&("Enter l →".into(), "read the selected article".into())));
        assert!(hints(EN.keys_list, &settings.keymap).contains("b ★"));
        assert!(hints(EN.keys_reading, &settings.keymap).starts_with("n/k scroll"));
        assert_eq!(
            hints(EN.keys_list, &Keymap::default()),
            "Enter read  / search  m ★  y copy  p place  d date  s sort  ? help  q quit"
        );
        // The mouse section only when the mouse is used.
        assert_eq!(help.sections.len(), EN.help.len());
        let with_mouse = HelpText::new(
            &EN,
            &Settings {
                mouse: true,
                ..Settings::default()
            },
        );
        assert_eq!(with_mouse.sections.len(), EN.help.len() + 1);
    }
}
