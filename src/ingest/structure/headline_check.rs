//! A second look at the title line chosen (the headline is what the lead
//! speaks of, and a breadcrumb that ends with it is navigation), and the
//! headlines found only by what stands around them.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::line::{ends_sentence, is_long, key, re, words};
use super::page::Page;
use crate::text::fold_str;

/// A headline has at least this many words to be preferred.
const HEADLINE_MIN_WORDS: usize = 6;
/// A headline shares at least this share of its words with the lead ...
const AGREES: f64 = 0.5;
/// ... and this much more than a banner or a sidebar's headline.
const MARGIN: f64 = 0.4;
/// A paragraph of the lead has at least this many words.
const LEAD_MIN_WORDS: usize = 15;
/// The lead is read for this many words.
const LEAD_WORDS: usize = 80;
/// A lead that repeats this many words of the line above in a row
/// restates its headline.
const RESTATED_RUN: usize = 10;

/// The title line, given the line `t` the layout points to: a later
/// title-like line right above the lead when `t` is a breadcrumb ending
/// with it ("Trang chủ Tin Tức … Hai xã Châu Minh, Mai Đình …"), or when
/// the lead speaks of it and not of `t` (a slogan banner, a colour
/// picker, a sidebar's headline over the article's).
pub(super) fn checked(page: &Page, t: usize, is_title_like: impl Fn(&str) -> bool) -> usize {
    let lines = &page.lines;
    // The lead: a paragraph, which may end with a colon ("… như sau:").
    let opens_text = |text: &str| {
        is_long(text) || words(text) >= LEAD_MIN_WORDS && text.trim_end().ends_with(['.', ':'])
    };
    let Some(lead) =
        (t + 1..lines.len()).find(|&i| !lines[i].caption && opens_text(&lines[i].text))
    else {
        return t;
    };
    let Some(k) = (t + 1..lead).rev().find(|&i| {
        let text = &lines[i].text;
        !lines[i].caption && words(text) >= HEADLINE_MIN_WORDS && is_title_like(text)
    }) else {
        return t;
    };
    let (chosen, later) = (&lines[t].text, &lines[k].text);
    // Not a headline in capitals carried over two lines, whose second
    // line ends the headline printed above ("… TRƯỞNG KHU PHỐ I, PHƯỜNG
    // PHÁO ĐÀI").
    if key(chosen).ends_with(&key(later))
        && chosen.len() > later.len()
        && later.chars().any(char::is_lowercase)
    {
        return k;
    }
    let lead_words = word_set(&lines[lead].text, LEAD_WORDS);
    let shared = |text: &str| {
        let own = word_set(text, usize::MAX);
        let n = own.iter().filter(|w| lead_words.contains(*w)).count();
        n as f64 / own.len().max(1) as f64
    };
    let later_shares = shared(later);
    if later_shares >= AGREES && later_shares - shared(chosen) >= MARGIN {
        k
    } else {
        t
    }
}

/// "Sáng ngày 08/6/2018, …", "Chiều 3/9, …", "Ngày 3/9, …": a lead that
/// opens with its day and a comma (or a full stop after the year:
/// "Chiều ngày 05/12/2020. Tại …"). `Some(true)` when a time of day comes
/// first, as no headline has it ("Ngày 28/7/2017, HĐND … ban hành …" may
/// be one).
pub(super) fn opens_with_when(text: &str) -> Option<bool> {
    static WHEN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(rạng\s+sáng\s+|sáng\s+|chiều\s+|tối\s+|trưa\s+|đêm\s+)?(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*,|\s*[/.-]\s*\d{4}\s*(?:,|\.\s))",
        )
    });
    WHEN.captures(text).map(|c| c.get(1).is_some())
}

/// A headline found only by what stands around it: a series' headline
/// under its sapo, a sentence over a dated lead or over a lead that says
/// it again.
pub(super) fn by_surroundings(
    page: &Page,
    head: usize,
    is_title_like: impl Fn(&str) -> bool,
    is_headline: impl Fn(usize) -> bool,
) -> Option<usize> {
    series_after_sapo(page, is_title_like)
        .or_else(|| over_dated_lead(page, head, &is_headline))
        .or_else(|| restated_by_lead(page, head, &is_headline))
}

/// "Hội nghị tổng kết … năm 2017." over "Sáng ngày 08/6/2018, …": a
/// headline written as a sentence (`is_headline`) over a lead that says
/// when, among the first `head` lines.
fn over_dated_lead(page: &Page, head: usize, is_headline: impl Fn(usize) -> bool) -> Option<usize> {
    let lines = &page.lines;
    // The first line may be as long as a paragraph ("Xã … tại Thành phố
    // Thanh hoá." over "Chiều ngày 05/12/2020. Tại …").
    (0..head.max(1).min(lines.len())).find(|&i| {
        is_headline(i)
            && !lines[i].caption
            && lines.get(i + 1).is_some_and(|l| {
                words(&l.text) >= HEADLINE_MIN_WORDS && opens_with_when(&l.text).is_some()
            })
    })
}

/// A headline written as a sentence whose words the lead under it says
/// again ("Đoàn thanh niên phường … ra quân làm vệ sinh môi trường …." over
/// "Thực hiện chương trình …. Sáng ngày 21/01/2018 Đoàn thanh niên phường
/// … ra quân làm vệ sinh môi trường, …"): a lead does not repeat the
/// paragraph above it word for word.
fn restated_by_lead(
    page: &Page,
    head: usize,
    is_headline: impl Fn(usize) -> bool,
) -> Option<usize> {
    let lines = &page.lines;
    // A lead's sentence runs past a comma, says when or opens with its
    // agency's tag ("TTĐT - Chủ tịch UBND tỉnh vừa …").
    static TAGGED: LazyLock<Regex> = LazyLock::new(|| re(r"^[\p{Lu}.]{2,12}\s*[-–—]"));
    (0..head.max(1).min(lines.len())).find(|&i| {
        is_headline(i)
            && !lines[i].caption
            && !says_when(&lines[i].text)
            && !TAGGED.is_match(&lines[i].text)
            && lines
                .get(i + 1)
                .is_some_and(|l| is_long(&l.text) && shares_run(&lines[i].text, &l.text))
    })
}

/// Whether `later` holds a run of `RESTATED_RUN` words of `line` in order,
/// but not all of them: a sapo printed again under its agency's tag
/// ("(ĐN)- Ông …" over "Ông …") is the same sentence twice.
fn shares_run(line: &str, later: &str) -> bool {
    let (own, theirs) = (folded_words(line), folded_words(later));
    let holds = |run: &[String]| theirs.windows(run.len()).any(|w| w == run);
    // A run held means `own` has at least `RESTATED_RUN` words.
    let tail = own.len().saturating_sub(RESTATED_RUN);
    own.windows(RESTATED_RUN).any(holds) && !(holds(&own[tail..]) && holds(&own[..RESTATED_RUN]))
}

/// "Là tỉnh vùng cao, … biên giới quốc gia." then "Bài 1: Hồng Ngài -
/// nơi tận cùng biên giới": a series' headline under its sapo.
fn series_after_sapo(page: &Page, is_title_like: impl Fn(&str) -> bool) -> Option<usize> {
    let [sapo, headline, ..] = page.lines.as_slice() else {
        return None;
    };
    let f = fold_str(&headline.text);
    let numbered = ["bai ", "ky ", "phan "].iter().any(|w| {
        f.strip_prefix(w).is_some_and(|rest| {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            digits > 0
                && rest[digits..]
                    .trim_start()
                    .starts_with([':', '.', '-', '–'])
        })
    });
    (numbered && is_long(&sapo.text) && ends_sentence(&sapo.text) && is_title_like(&headline.text))
        .then_some(1)
}

/// The words of `text`, folded, without numbers and one-letter words.
fn word_set(text: &str, limit: usize) -> HashSet<String> {
    folded_words(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 2 && !w.chars().all(|c| c.is_ascii_digit()))
        .take(limit)
        .collect()
}

/// The words of `text`, folded, in order.
fn folded_words(text: &str) -> Vec<String> {
    fold_str(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A lead that says when ("Sáng 3/9, …", "Ngày 5/3, …") or runs on past
/// a comma ("Đến nay, việc chuẩn bị …") is no headline.
pub(super) fn says_when(text: &str) -> bool {
    let f = fold_str(text);
    f.contains(',')
        || f.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        || [
            "sang ", "chieu ", "toi ", "trua ", "dem ", "ngay ", "hom ", "vao ",
        ]
        .iter()
        .any(|w| f.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::super::page::Line;
    use super::*;

    fn page(lines: &[&str]) -> Page {
        Page {
            lines: lines.iter().map(|l| Line::plain(l.to_string())).collect(),
            ..Page::default()
        }
    }

    fn title_like(line: &str) -> bool {
        !line.ends_with('.')
    }

    const LEAD: &str = "Trong 2 ngày 19 và 20/5, Đảng bộ xã Long Đống tổ chức Đại hội \
                        Đảng bộ xã lần thứ XXII nhiệm kỳ 2020-2025, với 120 đại biểu dự.";

    #[test]
    fn the_lead_speaks_of_the_headline_under_a_banner() {
        let p = page(&[
            "Thi đua lập thành tích chào mừng kỷ niệm 75 năm thành lập tỉnh",
            "Đại hội đại biểu Đảng bộ xã Long Đống nhiệm kỳ 2020-2025",
            LEAD,
        ]);
        assert_eq!(checked(&p, 0, title_like), 1);
    }

    #[test]
    fn a_headline_the_lead_speaks_of_stays() {
        let p = page(&[
            "Đại hội Đảng bộ xã Long Đống lần thứ XXII",
            "Bầu 15 đồng chí vào Ban Chấp hành khóa mới với số phiếu cao",
            LEAD,
        ]);
        assert_eq!(checked(&p, 0, title_like), 0);
    }

    #[test]
    fn a_headline_the_lead_restates() {
        let p = page(&[
            "Đoàn thanh niên phường Trần Phú ra quân làm vệ sinh môi trường chào năm mới.",
            "Thực hiện chương trình công tác Đoàn năm 2018. Sáng ngày 21/01/2018 Đoàn thanh niên phường Trần Phú ra quân làm vệ sinh môi trường, bóc dỡ quảng cáo.",
        ]);
        assert_eq!(restated_by_lead(&p, 1, |_| true), Some(0));
        // A sapo the lead does not repeat.
        let p = page(&[
            "Đoàn thanh niên phường Trần Phú ra quân làm vệ sinh môi trường chào năm mới.",
            "Thực hiện chương trình công tác Đoàn năm 2018, các chi đoàn đã bóc dỡ quảng cáo trên các cột điện ở các tuyến phố.",
        ]);
        assert_eq!(restated_by_lead(&p, 1, |_| true), None);
    }

    #[test]
    fn a_breadcrumb_ending_with_the_headline() {
        let p = page(&[
            "Trang chủ Tin tức Giới thiệu Hai xã Yên Lạc, Đông Sơn đạt chuẩn nông thôn mới",
            "Hai xã Yên Lạc, Đông Sơn đạt chuẩn nông thôn mới",
            "Ngày 6/11/2021, Chủ tịch UBND tỉnh đã ký quyết định công nhận hai xã Yên Lạc \
             và Đông Sơn đạt chuẩn nông thôn mới năm 2021, sau nhiều năm phấn đấu.",
        ]);
        assert_eq!(checked(&p, 0, title_like), 1);
        // The headline's end in capitals, the second line of its heading.
        let p = page(&[
            "Hai xã Yên Lạc, Đông Sơn đạt chuẩn nông thôn mới",
            "HAI XÃ YÊN LẠC, ĐÔNG SƠN",
            "ĐẠT CHUẨN NÔNG THÔN MỚI NĂM 2021",
            "Ngày 6/11/2021, Chủ tịch UBND tỉnh đã ký quyết định công nhận hai xã Yên Lạc \
             và Đông Sơn đạt chuẩn nông thôn mới năm 2021, sau nhiều năm phấn đấu.",
        ]);
        assert_eq!(checked(&p, 0, title_like), 0);
    }
}
