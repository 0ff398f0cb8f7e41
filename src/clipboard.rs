//! Copying over SSH: the OSC 52 escape sequence asks the user's own
//! terminal (through SSH and tmux) to put text on its clipboard.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::model::Article;

/// Terminals cap what they accept (xterm ~100 kB, some far less); longer
/// text is cut at a character boundary rather than silently dropped.
pub const MAX_COPY_BYTES: usize = 74_000;

/// The start of `text` that fits in one OSC 52 sequence, and whether
/// that is not all of it.
pub fn fit(text: &str) -> (&str, bool) {
    let mut end = text.len().min(MAX_COPY_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], end < text.len())
}

/// The OSC 52 sequence that sets the clipboard to `text`, and whether the
/// text had to be shortened to fit.
pub fn osc52(text: &str) -> (String, bool) {
    let (kept, cut) = fit(text);
    let encoded = STANDARD.encode(kept.as_bytes());
    (format!("\u{1b}]52;c;{encoded}\u{7}"), cut)
}

/// The article as plain text: title, date, places, author, then the body
/// with a blank line between paragraphs.
pub fn article_text(article: &Article, hierarchy: &str) -> String {
    let mut out = String::new();
    out.push_str(&article.title);
    out.push('\n');
    let mut meta = Vec::new();
    if let Some(mut date) = article.date_shown() {
        if let Some(t) = article.time {
            date.push_str(&t.strftime(" %H:%M").to_string());
        }
        meta.push(date);
    }
    if !hierarchy.is_empty() {
        meta.push(hierarchy.to_string());
    } else if !article.places.is_empty() {
        meta.push(article.places.join(", "));
    }
    if let Some(a) = &article.author {
        meta.push(a.clone());
    }
    if !meta.is_empty() {
        out.push_str(&meta.join(" | "));
        out.push('\n');
    }
    for p in &article.body {
        out.push('\n');
        out.push_str(&p.text);
        out.push('\n');
    }
    if let Some(s) = &article.source {
        out.push('\n');
        out.push_str(s);
        out.push('\n');
    }
    out
}

/// The title and the source, for sharing a link.
pub fn title_and_source(article: &Article) -> String {
    match &article.source {
        Some(s) => format!("{}\n{s}", article.title),
        None => article.title.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_of_utf8() {
        let (seq, cut) = osc52("Từ Sơn");
        assert!(!cut);
        assert_eq!(seq, "\u{1b}]52;c;VOG7qyBTxqFu\u{7}");
    }

    #[test]
    fn long_text_is_cut_at_a_character() {
        let text = "ư".repeat(MAX_COPY_BYTES);
        let (seq, cut) = osc52(&text);
        assert!(cut);
        let body = &seq[7..seq.len() - 1];
        let decoded = STANDARD.decode(body).unwrap_or_default();
        assert!(std::str::from_utf8(&decoded).is_ok());
        assert!(decoded.len() <= MAX_COPY_BYTES);
    }
}
