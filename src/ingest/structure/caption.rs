//! Photo captions.

use super::line::{chars, words};
use super::page::Page;
use crate::text::fold_str;

/// A photo caption: it credits a photo or a source ("… (Ảnh: Trúc
/// Lam).", "… Ảnh: TTXVN", "Ảnh minh họa", "… (Nguồn: Cổng thông tin …)").
pub fn is_caption(line: &str) -> bool {
    let n = chars(line);
    if n > 400 {
        return false;
    }
    let f = fold_str(line);
    let credit_at_end = |marker: &str, max: usize| {
        n <= max
            && f.rfind(marker).is_some_and(|at| {
                let tail = &f[at..];
                tail.find(')').is_some_and(|close| {
                    tail[close + 1..]
                        .chars()
                        .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
                })
            })
    };
    if [
        "(anh:",
        "(anh :",
        "(anh minh hoa",
        "(anh tu lieu",
        "(anh chup",
        "(video:",
        "(clip:",
        "(do hoa:",
    ]
    .iter()
    .any(|m| credit_at_end(m, 400))
    {
        return true;
    }
    if ["(nguon:", "(nguon :", "(nguon anh"]
        .iter()
        .any(|m| credit_at_end(m, 250))
    {
        return true;
    }
    // "… phát biểu. Ảnh: Ngọc Lâm", "Ảnh: Toàn cảnh hội nghị".
    let t = f.trim_end_matches(['.', ' ']);
    if n <= 300 {
        if t.starts_with("anh:") || t.starts_with("anh minh hoa") || t == "anh tu lieu" {
            return true;
        }
        if let Some(at) = t.rfind("anh:") {
            let before = t[..at].trim_end();
            let credit = &t[at + "anh:".len()..];
            let after_break = before.is_empty() || before.ends_with(['.', '-', '–', '|', '/', '(']);
            if after_break && words(credit) <= 6 {
                return true;
            }
        }
    }
    false
}

/// Pass: marks the captions, which the passes after it step over and the
/// body keeps as captions.
pub(super) fn mark_captions(page: &mut Page) {
    for line in &mut page.lines {
        line.caption = is_caption(&line.text);
    }
}
