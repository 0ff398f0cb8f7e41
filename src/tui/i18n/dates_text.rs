//! What the date picker says, in the browser's language.

use super::{Lang, Strings};

impl Strings {
    pub fn dates_by_month(&self, year: i16) -> String {
        match self.lang {
            Lang::Vi => format!("Năm {year} theo tháng   ↑ các năm"),
            Lang::En => format!("{year} by month   ↑ all years"),
        }
    }

    pub fn dates_by_year(&self) -> &'static str {
        match self.lang {
            Lang::Vi => "Theo năm   ↓ xem từng tháng   ↑ chọn nhanh",
            Lang::En => "By year   ↓ months of a year   ↑ quick choices",
        }
    }

    pub fn dates_quick(&self) -> &'static str {
        match self.lang {
            Lang::Vi => "Chọn nhanh   ↓ theo năm",
            Lang::En => "Quick choices   ↓ by year",
        }
    }

    /// The quick choices' names, in the order of
    /// [`crate::tui::dates::quick::terms`].
    pub fn quick_choices(&self) -> [&'static str; 4] {
        match self.lang {
            Lang::Vi => ["Hôm nay", "Tuần này", "Tháng này", "30 ngày qua"],
            Lang::En => ["Today", "This week", "This month", "Last 30 days"],
        }
    }

    /// Before what the query's date terms stand for.
    pub fn dates_in_query(&self) -> &'static str {
        match self.lang {
            Lang::Vi => "Trong truy vấn:",
            Lang::En => "In the query:",
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
}
