//! A page's first line that runs a headline on into its lead: "date
//! 2025-08-27 Chính trị Đại biểu … phường Hòa Xuân ĐNO - Sáng 27/8, …",
//! "Huyện Đoàn … khối trường học Nhằm thiết thực chào mừng …". Pages saved
//! as one line lose the breaks between the section's name, the headline
//! and the lead; what is left to read them apart is an agency's tag, a
//! capitalised word that only opens sentences, or a headline's ellipsis.

use std::sync::LazyLock;

use regex::Regex;

use super::line::{ends_sentence, re, words};

/// " ĐNO - ", " (PLO) - ", " TTH.VN - ": an agency's tag opening the lead.
static AGENCY_TAG: LazyLock<Regex> =
    LazyLock::new(|| re(r" (?:\([\p{Lu}.&]{2,12}\)|[\p{Lu}][\p{Lu}.&]{1,11}) ?[-–—] "));

/// Words that open a lead and never stand capitalised inside a headline.
const OPENERS: &[&str] = &[
    "Nhằm",
    "Sáng",
    "Chiều",
    "Tối",
    "Trưa",
    "Thực hiện",
    "Hướng tới",
    "Vừa qua",
    "Hôm nay",
    "Để",
];

/// Section names a flattened page keeps before its headline.
const SECTIONS: &[&str] = &[
    "Chính trị",
    "Thời sự",
    "Xã hội",
    "Kinh tế",
    "Pháp luật",
    "Văn hóa",
    "Thể thao",
    "Giáo dục",
    "Y tế",
    "Quốc phòng - An ninh",
    "Quốc phòng",
    "Xây dựng Đảng",
    "Nội chính",
    "Môi trường",
    "Tòa soạn & bạn đọc",
    "Bạn đọc",
    "Đời sống",
    "Nông nghiệp",
    "Du lịch",
    "Quốc tế",
];

/// A place's name with its colon before a headline ends this close to
/// the start ("Tây Ninh: …").
const KICKER_BYTES: usize = 30;
/// A lead cut off by the excerpt still runs this many words.
const CUT_LEAD_MIN_WORDS: usize = 40;
/// A headline run on into its lead has this many words ...
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 4..=35;
/// ... and the lead at least this many.
const LEAD_MIN_WORDS: usize = 15;

/// The parts of a run-on first line: the date header before it (if any),
/// the section's name (if any), the headline and the lead.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct RunOn<'a> {
    pub header: &'a str,
    pub section: &'a str,
    pub headline: &'a str,
    pub lead: &'a str,
}

/// Reads a page's first line as a headline run on into its lead.
pub(super) fn split_run_on(line: &str) -> Option<RunOn<'_>> {
    let at = crate::ingest::dates::find_header(line).map_or(0, |h| h.rest.min(line.len()));
    let (header, text) = line.split_at(at);
    let text = text.trim();
    let section = SECTIONS
        .iter()
        .find(|s| {
            text.strip_prefix(**s)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        })
        .map_or("", |s| &text[..s.len()]);
    let text = text[section.len()..].trim_start();
    let cut = agency_cut(text)
        .or_else(|| opener_cut(text))
        // A section's name says the line was flattened: weaker signs do.
        .or_else(|| {
            (!section.is_empty())
                .then(|| {
                    ellipsis_cut(text)
                        .or_else(|| body_cut(text))
                        .or_else(|| restated_cut(text))
                })
                .flatten()
        })?;
    let (headline, lead) = (text[..cut].trim(), text[cut..].trim());
    // "Sáng nay 16/2, Huyện ủy – HĐND – UBND …": a lead, its bodies
    // listed between dashes.
    let opens_lead = OPENERS.iter().any(|o| headline.starts_with(o));
    (HEADLINE_WORDS.contains(&words(headline))
        && !opens_lead
        && !headline.ends_with(['-', '–', '—', ','])
        && headline.starts_with(char::is_uppercase)
        && !headline.contains(['!', '?'])
        && !headline.contains(". ")
        && words(lead) >= LEAD_MIN_WORDS
        && (ends_sentence(lead) || words(lead) >= CUT_LEAD_MIN_WORDS))
        .then_some(RunOn {
            header: header.trim(),
            section,
            headline,
            lead,
        })
}

/// Where an agency's tag opens the lead, after a headline with no full stop.
fn agency_cut(text: &str) -> Option<usize> {
    let m = AGENCY_TAG.find(text)?;
    let before = &text[..m.start()];
    (!before.contains(". ")).then_some(m.start())
}

/// Where a lead's opening word stands capitalised after a lowercase word.
fn opener_cut(text: &str) -> Option<usize> {
    let mut prev_lower = false;
    for (i, word) in word_starts(text) {
        let rest = &text[i..];
        let opens = OPENERS.iter().any(|o| {
            rest.strip_prefix(o)
                .and_then(|r| r.strip_prefix(' '))
                .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()))
        })
            // "… Tết Dương lịch 2025 Ngày 30/12, Đồn Biên phòng …"; "Ngày
            // hội …" may stand in a headline.
            || rest
                .strip_prefix("Ngày ")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if prev_lower && opens {
            return Some(i);
        }
        // "Tây Ninh: Xe tải …": a place's name before the headline.
        let kicker = i < KICKER_BYTES && word.trim_end().ends_with(':');
        if word.contains(['.', '!', '?', ';']) || word.contains(':') && !kicker {
            return None;
        }
        // "… năm 2019 Nhằm …": a year ends headlines too.
        prev_lower = word.starts_with(char::is_lowercase)
            || word.trim().chars().all(|c| c.is_ascii_digit()) && !word.trim().is_empty();
    }
    None
}

/// Each word of `text` with the byte offset it starts at (and the space
/// after it).
fn word_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(' ').scan(0, |at, w| {
        let start = *at;
        *at += w.len();
        Some((start, w))
    })
}

/// "Trước thềm chân trời mới... Đi cùng …": a headline's ellipsis, then
/// the lead.
fn ellipsis_cut(text: &str) -> Option<usize> {
    ["... ", "… "].iter().find_map(|e| {
        let at = text.find(e)? + e.len();
        text[at..].starts_with(char::is_uppercase).then_some(at)
    })
}

/// "… trên địa bàn thành phố Đà Nẵng UBND thành phố Đà Nẵng giao …":
/// after a place's name, a lead that opens with the body that acts.
fn body_cut(text: &str) -> Option<usize> {
    const BODIES: [&str; 4] = ["UBND ", "HĐND ", "Ủy ban nhân dân ", "Ban Thường vụ "];
    const UNITS: [&str; 6] = ["tỉnh ", "thành phố ", "huyện ", "quận ", "xã ", "phường "];
    for (start, word) in word_starts(text) {
        let at = start + word.len();
        let rest = &text[at..];
        let after_name =
            word.starts_with(char::is_uppercase) && !word.contains(['.', ',', ':', ';']);
        let body = BODIES.iter().find_map(|b| rest.strip_prefix(b));
        if after_name && body.is_some_and(|r| UNITS.iter().any(|u| r.starts_with(u))) && start > 0 {
            return Some(at);
        }
    }
    None
}

/// "Chào mừng Đại hội đại biểu xã … vươn mình Đại hội đại biểu Đảng bộ
/// xã …": a lead that opens by restating the headline's words, after a
/// lowercase word.
fn restated_cut(text: &str) -> Option<usize> {
    const RUN: usize = 4;
    // A cut past the longest headline is refused anyway: the words after
    // it are not read.
    let starts: Vec<usize> = word_starts(text)
        .map(|(start, _)| start)
        .take(HEADLINE_WORDS.end() + RUN + 2)
        .collect();
    let folded_words = |from: usize, to: usize| text[from..to].to_lowercase();
    starts.windows(2).enumerate().find_map(|(n, pair)| {
        let [prev, at] = [pair[0], pair[1]];
        let opens = text[at..].starts_with(char::is_uppercase)
            && text[prev..at].starts_with(char::is_lowercase)
            && !text[prev..at].contains(['.', ',', ':', ';']);
        let run_end = starts.get(n + 1 + RUN).copied()?;
        let run = folded_words(at, run_end);
        (opens && HEADLINE_WORDS.contains(&(n + 1)) && folded_words(0, at).contains(run.trim_end()))
            .then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "tổ đại biểu số 5 gặp gỡ cử tri phường để báo cáo kết quả kỳ họp thứ hai và nghe người dân nêu kiến nghị về môi trường.";

    #[test]
    fn an_agency_tag_ends_the_headline() {
        let line = format!(
            " date 2025-08-27 Chính trị Đại biểu HĐND tiếp xúc cử tri phường Hòa Xuân ĐNO - Sáng 27/8, {LEAD}"
        );
        let r = split_run_on(&line).expect("run on");
        assert_eq!(r.header, "date 2025-08-27");
        assert_eq!(r.section, "Chính trị");
        assert_eq!(r.headline, "Đại biểu HĐND tiếp xúc cử tri phường Hòa Xuân");
        assert!(r.lead.starts_with("ĐNO - Sáng 27/8"));
    }

    #[test]
    fn a_party_section_before_the_headline() {
        let line = format!(
            "Xây dựng Đảng Huyện ủy tổng kết công tác kiểm tra năm 2023 (QNO) - Sáng 9/1, {LEAD}"
        );
        let r = split_run_on(&line).expect("run on");
        assert_eq!(r.section, "Xây dựng Đảng");
        assert_eq!(r.headline, "Huyện ủy tổng kết công tác kiểm tra năm 2023");
    }

    #[test]
    fn an_opening_word_ends_the_headline() {
        let line = format!(
            "Huyện đoàn tổ chức giao lưu công tác Đoàn – Đội khối trường học Nhằm thiết thực chào mừng ngày thành lập Đoàn, {LEAD}"
        );
        let r = split_run_on(&line).expect("run on");
        assert_eq!(r.section, "");
        assert_eq!(
            r.headline,
            "Huyện đoàn tổ chức giao lưu công tác Đoàn – Đội khối trường học"
        );
        assert!(r.lead.starts_with("Nhằm thiết thực"));
    }

    #[test]
    fn a_day_ends_the_headline_but_a_festival_does_not() {
        let line = format!(
            " date 2024-12 Pháp luật Tuần tra chung bảo vệ biên giới dịp Tết 2025 Ngày 30/12, Đồn Biên phòng {LEAD}"
        );
        let r = split_run_on(&line).expect("run on");
        assert_eq!(r.section, "Pháp luật");
        assert_eq!(r.headline, "Tuần tra chung bảo vệ biên giới dịp Tết 2025");
        assert!(r.lead.starts_with("Ngày 30/12, Đồn"));
        let line = format!("Xã tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư {LEAD}");
        assert_eq!(split_run_on(&line), None);
    }

    #[test]
    fn an_ellipsis_ends_the_headline_after_a_section() {
        let line =
            format!(" date 2025-06 Tòa soạn & bạn đọc Trước thềm chân trời mới... Đi cùng {LEAD}");
        let r = split_run_on(&line).expect("run on");
        assert_eq!(r.headline, "Trước thềm chân trời mới...");
        // Without a section's name, an ellipsis is the writer's.
        let plain = format!("Trước thềm chân trời mới... Đi cùng {LEAD}");
        assert_eq!(split_run_on(&plain), None);
    }

    #[test]
    fn sentences_and_short_lines_are_not_run_on() {
        // A lead's own sentence before the opener.
        let lead = format!("Xã đã hoàn thành các tiêu chí. Sáng nay, {LEAD}");
        assert_eq!(split_run_on(&lead), None);
        // A lead that lists bodies between dashes.
        let bodies = format!("Sáng nay 16/2, Huyện ủy – HĐND – UBND huyện tổ chức gặp mặt, {LEAD}");
        assert_eq!(split_run_on(&bodies), None);
        // A headline alone.
        assert_eq!(split_run_on("Kinh tế Quảng Nam tăng trưởng khá"), None);
        // A capitalised opener after a name is part of the name.
        let name =
            format!("Lễ trao giải thưởng của ông Lê Văn Sáng cho học sinh nghèo ở xã {LEAD}");
        assert_eq!(split_run_on(&name), None);
    }

    #[test]
    fn the_acting_body_opens_the_lead_after_a_section() {
        let line = format!(
            " date 2025-08-29 Xã hội Tăng cường quản lý trật tự đô thị trên địa bàn thành phố Đà Nẵng UBND thành phố Đà Nẵng giao các sở, {LEAD}"
        );
        let r = split_run_on(&line).expect("run on");
        assert_eq!(r.section, "Xã hội");
        assert_eq!(
            r.headline,
            "Tăng cường quản lý trật tự đô thị trên địa bàn thành phố Đà Nẵng"
        );
        assert!(r.lead.starts_with("UBND thành phố Đà Nẵng giao"));
        // Without a section the line may be one long sentence.
        let line =
            format!("Trên địa bàn thành phố Đà Nẵng UBND thành phố Đà Nẵng giao các sở, {LEAD}");
        assert_eq!(split_run_on(&line), None);
        // The chair of a committee is no body opening a lead.
        let line =
            format!(" date 2025-08 Xã hội Chủ tịch UBND tỉnh Quảng Nam thăm hộ nghèo và {LEAD}");
        assert_eq!(split_run_on(&line), None);
    }

    #[test]
    fn a_lead_restating_the_headline_opens_after_it() {
        let line = format!(
            " date 2025-07 Chính trị Chào mừng Đại hội đại biểu xã Hòa Vang lần thứ I: Dấu ấn và khát vọng vươn mình Đại hội đại biểu Đảng bộ xã Hòa Vang diễn ra trong bối cảnh đặc biệt, {LEAD}"
        );
        let r = split_run_on(&line).expect("run on");
        assert_eq!(
            r.headline,
            "Chào mừng Đại hội đại biểu xã Hòa Vang lần thứ I: Dấu ấn và khát vọng vươn mình"
        );
        assert!(r.lead.starts_with("Đại hội đại biểu Đảng bộ"));
    }

    #[test]
    fn a_kicker_before_the_headline_and_a_lead_cut_off() {
        let cut = "Cơ quan công an thành phố vẫn đang điều tra làm rõ nguyên nhân vụ tai nạn khiến một người chết và một người bị thương nặng xảy ra tại phường Ninh Thạnh vào trưa cùng ngày khi hai xe đi ngược chiều trên đường ba tháng hai đoạn gần chợ Vụ tai nạn khiến ngư";
        let line = format!(
            " date 2018-08 Tây Ninh: Xe tải và xe máy va chạm, 1 người tử nạn Chiều 7.8, {cut}"
        );
        let r = split_run_on(&line).expect("run on");
        assert_eq!(
            r.headline,
            "Tây Ninh: Xe tải và xe máy va chạm, 1 người tử nạn"
        );
        assert!(r.lead.starts_with("Chiều 7.8,"));
        // A short lead cut off is no lead.
        let line =
            " date 2018-08 Tây Ninh: Xe tải va chạm xe máy Chiều 7.8, công an đang điều tra vụ";
        assert_eq!(split_run_on(line), None);
    }
}
