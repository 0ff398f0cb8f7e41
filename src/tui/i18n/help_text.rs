//! The help's lines, the key hints and what each command does, in
//! both languages: descriptions only; the keys come from the key table.

use super::super::action::Command::{self, *};
use super::super::action::Mode;
use super::{HelpEntry, HelpKeys, HelpSection, Hint, HintKeys};

const fn bound(commands: &'static [Command], what: &'static str) -> HelpEntry {
    (HelpKeys::Bound(commands), what)
}

const fn each(commands: &'static [Command], what: &'static str) -> Hint {
    (HintKeys::Each(commands), what)
}

const fn together(commands: &'static [Command], what: &'static str) -> Hint {
    (HintKeys::Together(commands), what)
}

const fn written(keys: &'static str, what: &'static str) -> HelpEntry {
    (HelpKeys::Written(keys), what)
}

pub(super) const HELP_VI: &[HelpSection] = &[
    (
        "Danh sách",
        Mode::List,
        &[
            bound(&[Down, Up], "lên, xuống một bài"),
            bound(&[PageDown, PageUp], "một trang"),
            bound(&[Top, Bottom], "đầu, cuối danh sách"),
            bound(&[Open], "đọc bài đang chọn"),
            bound(&[Search], "gõ truy vấn"),
            bound(&[SwitchFocus], "chuyển giữa danh sách và bài"),
            bound(&[Bookmark], "đánh dấu ★ hoặc bỏ đánh dấu"),
            bound(&[Copy, CopyTitle], "chép bài; chép tiêu đề và nguồn"),
            bound(&[Places], "chọn địa danh"),
            bound(&[Dates], "chọn ngày"),
            bound(&[Sort], "đổi cách sắp xếp"),
            bound(&[ToggleReading], "ẩn/hiện khung đọc bài"),
            bound(&[Help], "trợ giúp này"),
            bound(&[Quit], "thoát"),
        ],
    ),
    (
        "Dòng truy vấn",
        Mode::Query,
        &[
            written("gõ chữ", "lọc ngay khi gõ"),
            bound(&[Submit], "về danh sách, giữ truy vấn"),
            bound(&[HistoryOlder, HistoryNewer], "các truy vấn trước"),
            bound(
                &[CursorLeft, CursorRight, CursorStart, CursorEnd],
                "di chuyển con trỏ",
            ),
            bound(&[DeleteBack, DeleteForward], "xóa một chữ"),
            bound(&[DeleteWord], "xóa một từ"),
            bound(&[ClearLine], "xóa cả truy vấn"),
        ],
    ),
    (
        "Đọc bài",
        Mode::Reading,
        &[
            bound(&[Down, Up], "cuộn một dòng"),
            bound(&[ReadOn], "trang sau; hết bài thì sang bài sau"),
            bound(&[PageDown], "trang sau"),
            bound(&[PageUp], "trang trước"),
            bound(&[Top, Bottom], "đầu, cuối bài"),
            bound(&[Find], "tìm trong bài"),
            bound(&[FindNext, FindPrev], "chỗ khớp sau, trước"),
            bound(&[NextArticle, PrevArticle], "bài sau, bài trước"),
            bound(&[Bookmark], "đánh dấu ★ hoặc bỏ đánh dấu"),
            bound(&[Copy, CopyTitle], "chép bài; chép tiêu đề và nguồn"),
            bound(&[Back], "về danh sách"),
        ],
    ),
    (
        "Chọn địa danh (p)",
        Mode::Places,
        &[
            written("gõ chữ", "lọc mờ theo tên"),
            bound(&[Up, Down, PageUp, PageDown], "chọn"),
            bound(&[Sort], "theo số bài / theo A–Z"),
            bound(&[Choose], "thay @địa danh của truy vấn"),
            bound(&[Close], "đóng"),
        ],
    ),
    (
        "Chọn ngày (d)",
        Mode::Dates,
        &[
            bound(&[Earlier, Later], "chọn năm, tháng hoặc mục chọn nhanh"),
            bound(&[Down], "xem các tháng của năm; từ chọn nhanh về các năm"),
            bound(&[Up], "về các năm; từ các năm lên chọn nhanh"),
            bound(&[Choose], "thêm #năm, #năm-tháng, #homnay, #tuannay…"),
            bound(&[Close], "đóng"),
        ],
    ),
    (
        "Cú pháp truy vấn",
        Mode::Query,
        &[
            written("tu son", "từ khóa, có dấu hay không"),
            written("đang", "gõ có dấu: phải khớp dấu"),
            written("'từ \"cụm từ\"", "đúng từ, đúng cụm từ"),
            written("!từ  a|b", "loại trừ, một trong hai"),
            written("@tuson @\"Từ Sơn\"", "địa danh, gồm cả nơi trực thuộc"),
            written("#2020 #2020-09", "năm, tháng"),
            written("#3/9/2020 #2017..2020", "ngày, khoảng thời gian"),
            written("is:unread is:read", "bài chưa đọc, đã đọc"),
            written("is:bookmarked", "bài đã đánh dấu (m)"),
        ],
    ),
];

pub(super) const HELP_EN: &[HelpSection] = &[
    (
        "List",
        Mode::List,
        &[
            bound(&[Down, Up], "next, previous article"),
            bound(&[PageDown, PageUp], "a page"),
            bound(&[Top, Bottom], "first, last"),
            bound(&[Open], "read the selected article"),
            bound(&[Search], "type a query"),
            bound(&[SwitchFocus], "switch between list and article"),
            bound(&[Bookmark], "bookmark ★ or remove the bookmark"),
            bound(&[Copy, CopyTitle], "copy the article; its title, source"),
            bound(&[Places], "pick a place"),
            bound(&[Dates], "pick a date"),
            bound(&[Sort], "change the sort order"),
            bound(&[ToggleReading], "hide or show the reading pane"),
            bound(&[Help], "this help"),
            bound(&[Quit], "quit"),
        ],
    ),
    (
        "Query line",
        Mode::Query,
        &[
            written("typing", "filters as you type"),
            bound(&[Submit], "back to the list, keep the query"),
            bound(&[HistoryOlder, HistoryNewer], "earlier queries"),
            bound(
                &[CursorLeft, CursorRight, CursorStart, CursorEnd],
                "move the cursor",
            ),
            bound(&[DeleteBack, DeleteForward], "delete a letter"),
            bound(&[DeleteWord], "delete a word"),
            bound(&[ClearLine], "clear the query"),
        ],
    ),
    (
        "Reading",
        Mode::Reading,
        &[
            bound(&[Down, Up], "scroll a line"),
            bound(&[ReadOn], "next page; at the end, the next article"),
            bound(&[PageDown], "next page"),
            bound(&[PageUp], "previous page"),
            bound(&[Top, Bottom], "top, bottom"),
            bound(&[Find], "find in the article"),
            bound(&[FindNext, FindPrev], "next, previous match"),
            bound(&[NextArticle, PrevArticle], "next, previous article"),
            bound(&[Bookmark], "bookmark ★ or remove the bookmark"),
            bound(&[Copy, CopyTitle], "copy the article; its title, source"),
            bound(&[Back], "back to the list"),
        ],
    ),
    (
        "Place picker (p)",
        Mode::Places,
        &[
            written("typing", "fuzzy-filter by name"),
            bound(&[Up, Down, PageUp, PageDown], "select"),
            bound(&[Sort], "by article count / A–Z"),
            bound(&[Choose], "set the query's @place"),
            bound(&[Close], "close"),
        ],
    ),
    (
        "Date picker (d)",
        Mode::Dates,
        &[
            bound(&[Earlier, Later], "select a year, month or quick choice"),
            bound(
                &[Down],
                "the months of the year; from quick choices, the years",
            ),
            bound(&[Up], "back to the years; from the years, quick choices"),
            bound(&[Choose], "add #year, #year-month, #today, #thisweek…"),
            bound(&[Close], "close"),
        ],
    ),
    (
        "Query syntax",
        Mode::Query,
        &[
            written("tu son", "keywords, diacritics optional"),
            written("đang", "with diacritics: must match"),
            written("'word \"a phrase\"", "exact word, exact phrase"),
            written("!word  a|b", "exclude, either"),
            written("@tuson @\"Từ Sơn\"", "place, and the places in it"),
            written("#2020 #2020-09", "year, month"),
            written("#3/9/2020 #2017..2020", "day (d/m/y), range"),
            written("is:unread is:read", "not opened yet, opened"),
            written("is:bookmarked", "bookmarked with m"),
        ],
    ),
];

pub(super) const MOUSE_VI: HelpSection = (
    "Chuột",
    Mode::List,
    &[
        written("cuộn", "cuộn danh sách hay bài dưới con trỏ"),
        written("bấm", "chọn bài, chọn khung; bấm lại để đọc"),
    ],
);

pub(super) const MOUSE_EN: HelpSection = (
    "Mouse",
    Mode::List,
    &[
        written("wheel", "scroll the list or article under it"),
        written("click", "select a row or pane; again to read"),
    ],
);

pub(super) const HINTS_LIST_VI: &[Hint] = &[
    each(&[Open], "đọc"),
    each(&[Search], "tìm"),
    each(&[Bookmark], "★"),
    each(&[Copy], "chép"),
    each(&[Places], "nơi"),
    each(&[Dates], "ngày"),
    each(&[Sort], "sắp xếp"),
    each(&[Help], "trợ giúp"),
    each(&[Quit], "thoát"),
];

pub(super) const HINTS_LIST_EN: &[Hint] = &[
    each(&[Open], "read"),
    each(&[Search], "search"),
    each(&[Bookmark], "★"),
    each(&[Copy], "copy"),
    each(&[Places], "place"),
    each(&[Dates], "date"),
    each(&[Sort], "sort"),
    each(&[Help], "help"),
    each(&[Quit], "quit"),
];

pub(super) const HINTS_READING_VI: &[Hint] = &[
    each(&[Down, Up], "cuộn"),
    each(&[ReadOn], "trang"),
    each(&[Find], "tìm"),
    each(&[FindNext, FindPrev], ""),
    each(&[Bookmark], "★"),
    each(&[Copy, CopyTitle], "chép"),
    each(&[NextArticle, PrevArticle], "bài"),
    each(&[Back], "về"),
    each(&[Help], "trợ giúp"),
];

pub(super) const HINTS_READING_EN: &[Hint] = &[
    each(&[Down, Up], "scroll"),
    each(&[ReadOn], "page"),
    each(&[Find], "find"),
    each(&[FindNext, FindPrev], ""),
    each(&[Bookmark], "★"),
    each(&[Copy, CopyTitle], "copy"),
    each(&[NextArticle, PrevArticle], "article"),
    each(&[Back], "back"),
    each(&[Help], "help"),
];

pub(super) const HINTS_HELP_VI: &[Hint] = &[each(&[Down, Up], "cuộn"), each(&[Close], "đóng")];

pub(super) const HINTS_HELP_EN: &[Hint] = &[each(&[Down, Up], "scroll"), each(&[Close], "close")];

pub(super) const HINTS_QUERY_VI: &[Hint] = &[
    each(&[Submit], "xong"),
    together(&[HistoryOlder, HistoryNewer], "lịch sử"),
    each(&[ClearLine], "xóa"),
    (HintKeys::Second(Submit), "về danh sách"),
];

pub(super) const HINTS_QUERY_EN: &[Hint] = &[
    each(&[Submit], "done"),
    together(&[HistoryOlder, HistoryNewer], "history"),
    each(&[ClearLine], "clear"),
    (HintKeys::Second(Submit), "back to list"),
];

pub(super) const HINTS_FIND_VI: &[Hint] = &[each(&[FindSubmit], "tìm"), each(&[FindCancel], "hủy")];

pub(super) const HINTS_FIND_EN: &[Hint] =
    &[each(&[FindSubmit], "find"), each(&[FindCancel], "cancel")];

pub(super) const HINTS_PLACES_VI: &[Hint] = &[
    (HintKeys::Typing, "gõ để lọc"),
    together(&[Up, Down], "chọn"),
    each(&[Sort], "sắp xếp"),
    each(&[Choose], "thêm"),
    each(&[Close], "đóng"),
];

pub(super) const HINTS_PLACES_EN: &[Hint] = &[
    (HintKeys::Typing, "type to filter"),
    together(&[Up, Down], "select"),
    each(&[Sort], "sort"),
    each(&[Choose], "add"),
    each(&[Close], "close"),
];

pub(super) const HINTS_DATES_VI: &[Hint] = &[
    together(&[Earlier, Later], "chọn"),
    each(&[Down], "tháng"),
    each(&[Up], "năm, chọn nhanh"),
    each(&[Choose], "thêm"),
    each(&[Close], "đóng"),
];

pub(super) const HINTS_DATES_EN: &[Hint] = &[
    together(&[Earlier, Later], "select"),
    each(&[Down], "months"),
    each(&[Up], "years, quick"),
    each(&[Choose], "add"),
    each(&[Close], "close"),
];

pub(super) fn about_vi(command: Command) -> &'static str {
    match command {
        Down => "bài sau; cuộn xuống một dòng",
        Up => "bài trước; cuộn lên một dòng",
        PageDown => "xuống một trang",
        ReadOn => "xuống một trang; hết bài thì sang bài sau (khi đọc)",
        PageUp => "lên một trang",
        Top => "bài đầu; đầu bài",
        Bottom => "bài cuối; cuối bài",
        Open => "đọc bài đang chọn",
        Back => "từ bài về danh sách",
        Search => "gõ truy vấn (từ danh sách)",
        Find => "tìm trong bài (khi đọc)",
        FindNext => "chỗ khớp sau trong bài",
        FindPrev => "chỗ khớp trước trong bài",
        NextArticle => "đọc bài sau",
        PrevArticle => "đọc bài trước",
        SwitchFocus => "chuyển giữa danh sách và bài",
        Bookmark => "đánh dấu ★ bài, hoặc bỏ đánh dấu",
        Copy => "chép bài dạng văn bản (OSC 52)",
        CopyTitle => "chép tiêu đề và nguồn của bài",
        Places => "chọn địa danh",
        Dates => "chọn ngày",
        Sort => "đổi cách sắp xếp",
        ToggleReading => "ẩn/hiện khung đọc bài (danh sách rộng hết màn hình)",
        Help => "mở hoặc đóng trợ giúp",
        Quit => "thoát (Ctrl-C luôn thoát)",
        Close => "đóng trợ giúp",
        Redraw => "vẽ lại cả màn hình",
        Suspend => "trả lại terminal và tạm dừng (fg để tiếp tục)",
        Submit => "về danh sách, giữ truy vấn",
        HistoryOlder => "truy vấn trước đó",
        HistoryNewer => "truy vấn sau đó",
        FindSubmit => "tìm",
        FindCancel => "thôi tìm",
        Choose => "thêm vào truy vấn",
        Earlier => "năm hoặc tháng trước",
        Later => "năm hoặc tháng sau",
        ClearLine => "xóa cả dòng",
        DeleteWord => "xóa một từ",
        DeleteBack => "xóa chữ trước con trỏ",
        DeleteToEnd => "xóa đến cuối dòng",
        CursorStart => "về đầu dòng",
        CursorEnd => "về cuối dòng",
        CursorLeft => "con trỏ sang trái",
        CursorRight => "con trỏ sang phải",
        DeleteForward => "xóa chữ ở con trỏ",
    }
}

pub(super) fn about_en(command: Command) -> &'static str {
    match command {
        Down => "next article; scroll down a line",
        Up => "previous article; scroll up a line",
        PageDown => "a page down",
        ReadOn => "a page down; at the end of the article, the next one (when reading)",
        PageUp => "a page up",
        Top => "first article; top of the article",
        Bottom => "last article; end of the article",
        Open => "read the selected article",
        Back => "from the article back to the list",
        Search => "type a query (from the list)",
        Find => "find in the article (when reading)",
        FindNext => "next match in the article",
        FindPrev => "previous match in the article",
        NextArticle => "read the next article",
        PrevArticle => "read the previous article",
        SwitchFocus => "switch between list and article",
        Bookmark => "bookmark the article, or remove the bookmark",
        Copy => "copy the article as text (OSC 52)",
        CopyTitle => "copy the article's title and source",
        Places => "pick a place",
        Dates => "pick a date",
        Sort => "change the sort order",
        ToggleReading => "hide or show the reading pane (the list full width)",
        Help => "open or close the help",
        Quit => "quit (Ctrl-C always quits)",
        Close => "close the help",
        Redraw => "draw the whole screen again",
        Suspend => "give the terminal back and stop (fg resumes)",
        Submit => "back to the list, keep the query",
        HistoryOlder => "the query before",
        HistoryNewer => "the query after",
        FindSubmit => "find",
        FindCancel => "stop finding",
        Choose => "add to the query",
        Earlier => "the year or month before",
        Later => "the year or month after",
        ClearLine => "clear the line",
        DeleteWord => "delete a word",
        DeleteBack => "delete the letter before the cursor",
        DeleteToEnd => "delete to the end of the line",
        CursorStart => "to the start of the line",
        CursorEnd => "to the end of the line",
        CursorLeft => "the cursor left",
        CursorRight => "the cursor right",
        DeleteForward => "delete the letter at the cursor",
    }
}
