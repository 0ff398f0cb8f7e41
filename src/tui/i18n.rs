//! Every string the browser shows, in Vietnamese and English.
//!
//! The language comes from `--lang`, else the locale (LC_ALL, then
//! LC_MESSAGES, then LANG, as POSIX orders them): Vietnamese for a `vi`
//! locale, English otherwise.

mod dates_text;
mod query_hints;

use super::action::{Command, Mode};
use crate::search::SortOrder;
use help_text::{
    HELP_EN, HELP_VI, HINTS_DATES_EN, HINTS_DATES_VI, HINTS_FIND_EN, HINTS_FIND_VI, HINTS_HELP_EN,
    HINTS_HELP_VI, HINTS_LIST_EN, HINTS_LIST_VI, HINTS_PLACES_EN, HINTS_PLACES_VI, HINTS_QUERY_EN,
    HINTS_QUERY_VI, HINTS_READING_EN, HINTS_READING_VI, MOUSE_EN, MOUSE_VI,
};

mod help_text;

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

/// The keys of a line of the help: commands of the key table, shown
/// with their keys as bound, or keys written out (those of the text
/// lines and the pickers, which are not commands; examples of the query
/// syntax).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpKeys {
    Bound(&'static [Command]),
    Written(&'static str),
}

/// One line of the help: its keys and what they do.
pub type HelpEntry = (HelpKeys, &'static str);

/// One section of the help overlay: a heading, the mode whose keys its
/// commands are shown with, and its lines.
pub type HelpSection = (&'static str, Mode, &'static [HelpEntry]);

/// The keys of a hint in the status bar, read from the key table in the
/// mode the bar is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintKeys {
    /// Each command by its first key, `/` between them ("j/k").
    Each(&'static [Command]),
    /// The first keys of the commands written together ("↑↓").
    Together(&'static [Command]),
    /// The command's second key (Esc, where Enter is the first).
    Second(Command),
    /// No key: what typing does.
    Typing,
}

/// A key hint in the status bar: keys, and what they do.
pub type Hint = (HintKeys, &'static str);

/// What was copied, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    Article,
    Title,
    TitleAndSource,
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
    pub keys_query: &'static [Hint],
    pub keys_reading: &'static [Hint],
    pub keys_find: &'static [Hint],
    pub keys_help: &'static [Hint],
    pub keys_places: &'static [Hint],
    pub keys_dates: &'static [Hint],
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

    /// What a command does, for `tintuc config --actions` and the
    /// help of the configuration.
    pub fn about(&self, command: Command) -> &'static str {
        match self.lang {
            Lang::Vi => help_text::about_vi(command),
            Lang::En => help_text::about_en(command),
        }
    }

    pub fn places_count(&self, shown: usize, total: usize) -> String {
        match self.lang {
            Lang::Vi => format!("{shown}/{total} địa danh"),
            Lang::En => format!("{shown}/{total} places"),
        }
    }
}

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
    keys_query: HINTS_QUERY_VI,
    keys_reading: HINTS_READING_VI,
    keys_find: HINTS_FIND_VI,
    keys_help: HINTS_HELP_VI,
    keys_places: HINTS_PLACES_VI,
    keys_dates: HINTS_DATES_VI,
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
    keys_query: HINTS_QUERY_EN,
    keys_reading: HINTS_READING_EN,
    keys_find: HINTS_FIND_EN,
    keys_help: HINTS_HELP_EN,
    keys_places: HINTS_PLACES_EN,
    keys_dates: HINTS_DATES_EN,
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
mod tests;
