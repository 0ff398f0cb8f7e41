//! A clipping's citation: libraries and press digests print an article
//! with its reference at the end, the way catalogues write it —
//! "Tiêu đề / Tác giả // Tên báo. - Ngày 27/11/2018". Such a page has no
//! headline over the text; the citation holds its title, writer and date.

use std::sync::LazyLock;

use regex::Regex;

use super::line::{chars, re};
use super::page::Page;
use crate::ingest::dates;

/// "Title / Author // Source. -ngày 27/11/2018": the title and author are
/// split by " / ", the source follows " // ".
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?P<title>.{10,250}?)\s+/\s+(?P<author>[^/]{1,60}?)\s*//\s*(?P<source>.+)$")
});

/// Lines looked at from the end: a counter or a link may follow.
const TAIL_LINES: usize = 3;

/// Pass: with no headline found, a citation near the end gives the title,
/// and the author and the date where the page has none.
pub(super) fn take_citation(page: &mut Page) {
    if page.title.is_some() {
        return;
    }
    let from = page.lines.len().saturating_sub(TAIL_LINES);
    let Some((at, c)) = (from..page.lines.len())
        .rev()
        .find_map(|i| CITATION.captures(&page.lines[i].text).map(|c| (i, c)))
    else {
        return;
    };
    let title = c["title"].trim().to_string();
    let author = c["author"].trim().to_string();
    let source = c["source"].trim();
    // A writer's name and a paper's or a site's: "A.V. // daidoanket.vn",
    // "Minh Anh // Báo Nhân Dân".
    let upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let site = source.contains(".vn") || source.contains(".com");
    if chars(&title) < 10 || !upper(&author) || !(upper(source) || site) {
        return;
    }
    // "daidoanket.vn. -ngày 27/11/2018": the source, then its date.
    let (name, date) = match source.find(" -") {
        Some(dash) => (
            source[..dash].trim_end_matches(['.', ' ']),
            Some(&source[dash + 2..]),
        ),
        None => (source.trim_end_matches(['.', ' ']), None),
    };
    if page.stamp.is_none() {
        let date = date.map(|d| {
            d.trim()
                .trim_start_matches(['n', 'N'])
                .trim_start_matches("gày")
                .trim()
        });
        page.stamp = date.and_then(dates::find_header).map(|h| h.stamp);
    }
    page.author.get_or_insert(author);
    if page.source.is_none() && !name.is_empty() {
        page.source = Some(name.to_string());
    }
    page.title = Some(title);
    page.removed.push(page.lines.remove(at).text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::structure::analyze;

    #[test]
    fn a_clipping_takes_its_title_from_the_citation() {
        let s = analyze(
            "Theo kế hoạch, huyện chọn xã Vĩnh Phú làm điểm đại hội cấp xã vào tháng 12/2019, các xã khác hoàn thành trong quý I năm sau.\n\
             Vĩnh Phú: Tháng 12/2019 tổ chức đại hội điểm / T.H. // baomau.vn. -ngày 27/11/2019\n\
             Số lần đọc: 12\n",
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.title, "Vĩnh Phú: Tháng 12/2019 tổ chức đại hội điểm");
        assert_eq!(s.author.as_deref(), Some("T.H."));
        assert_eq!(s.source.as_deref(), Some("baomau.vn"));
        assert_eq!(
            s.stamp.map(|st| st.date),
            Some(jiff::civil::date(2019, 11, 27))
        );
        assert!(s.body.iter().all(|p| !p.text.contains("//")));
    }

    #[test]
    fn a_sentence_with_slashes_is_no_citation() {
        let mut page = Page::default();
        page.lines = vec![super::super::page::Line::plain(
            "Tỷ lệ đạt 3/4 / năm // theo báo cáo".into(),
        )];
        take_citation(&mut page);
        assert_eq!(page.title, None);
    }
}
