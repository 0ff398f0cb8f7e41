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

/// A photo's file name saved as a line of text: "DSC01234.JPG",
/// "z4990012345678_0a1b2c3d.jpg".
fn is_image_file(line: &str) -> bool {
    const EXTENSIONS: [&str; 6] = ["jpg", "jpeg", "png", "gif", "webp", "bmp"];
    !line.contains(char::is_whitespace)
        && line.rsplit_once('.').is_some_and(|(name, ext)| {
            !name.is_empty() && EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
        })
}

/// Lines of a caption under a photo's file name: short, no sentence.
const CAPTION_MAX_WORDS: usize = 25;

/// Pass: marks the captions, which the passes after it step over and the
/// body keeps as captions. A photo's file name goes, and the short line
/// under it is the photo's caption.
pub(super) fn mark_captions(page: &mut Page) {
    let mut after_image = false;
    let mut kept = Vec::with_capacity(page.lines.len());
    for mut line in std::mem::take(&mut page.lines) {
        if is_image_file(&line.text) {
            page.removed.push(line.text);
            after_image = true;
            continue;
        }
        line.caption = is_caption(&line.text)
            || after_image
                && words(&line.text) <= CAPTION_MAX_WORDS
                && !super::line::is_long(&line.text);
        after_image = false;
        kept.push(line);
    }
    page.lines = kept;
}
