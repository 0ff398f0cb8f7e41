//! What a line looks like: the measures and shapes every pass compares
//! lines by.

use crate::text::{fold_str, sanitize_inline};

pub(super) use crate::ingest::re;

/// Marks that open an item of a list or a toolbar: "• In trang này".
pub(super) const BULLETS: [char; 7] = ['•', '·', '▪', '●', '○', '►', '*'];

/// Folded and trimmed, without the bullet it may open with and the
/// punctuation a heading may end with: the form lines are compared in.
pub(super) fn key(line: &str) -> String {
    let f = fold_str(line);
    let mut k = f
        .trim()
        .trim_start_matches(BULLETS)
        .trim_start()
        .trim_end_matches([':', '.', '»', '>', '›', '…', ' ']);
    // "Bình luận (0)", "Ý kiến (12)": a heading with a count.
    if let Some(open) = k.rfind('(')
        && k.ends_with(')')
        && k[open + 1..k.len() - 1].chars().all(|c| c.is_ascii_digit())
    {
        k = k[..open].trim_end();
    }
    k.to_string()
}

pub(super) fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Whether a line of at least `min_words` words is the same words twice:
/// a link's text and its title, a widget's heading and its label.
pub(super) fn printed_twice_on_one_line(line: &str, min_words: usize) -> bool {
    let w: Vec<&str> = line.split_whitespace().collect();
    let half = w.len() / 2;
    w.len() >= min_words.max(2) && w.len().is_multiple_of(2) && w[..half] == w[half..]
}

pub(super) fn chars(line: &str) -> usize {
    line.chars().count()
}

/// "… Xuân Quang Động, Trang Bảo Xá,...": a headline cut short in a
/// list ends no sentence.
pub(super) fn cut_short(line: &str) -> bool {
    line.trim_end().trim_end_matches(['.', '…']).ends_with(',')
}

/// A paragraph of running text, not a heading: these end the head of the
/// article where the title and date header are looked for.
pub(super) fn is_long(line: &str) -> bool {
    (chars(line) >= 200 || (words(line) >= 25 && ends_sentence(line) && !cut_short(line)))
        && !is_document_heading(line)
}

/// "Thông báo về việc tăng cường … Lễ 30/4 và 1/5.": the heading of an
/// official document, however long and even with its full stop; a lead
/// does not open with a document's kind and "về việc".
pub(super) fn is_document_heading(line: &str) -> bool {
    const KINDS: [&str; 10] = [
        "thong bao",
        "ke hoach",
        "quyet dinh",
        "cong van",
        "huong dan",
        "chi thi",
        "to trinh",
        "giay moi",
        "bao cao",
        "nghi quyet",
    ];
    const MAX_CHARS: usize = 250;
    if chars(line) > MAX_CHARS {
        return false;
    }
    let f = fold_str(line);
    let f = f.trim_start();
    KINDS.iter().any(|kind| {
        f.strip_prefix(kind)
            .is_some_and(|rest| rest.starts_with(" ve viec ") || rest.starts_with(" v/v "))
    })
}

pub(super) fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '»', ')', ' '])
        .ends_with(['.', '!', '?', '…'])
}

pub(super) fn starts_upper(line: &str) -> bool {
    line.chars()
        .find(|c| !matches!(c, '“' | '"' | '‘' | '«' | '(' | '[' | '•' | ' '))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

pub(super) fn starts_lower(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// [`sanitize_inline`] for a line of decoded text (already NFC): most
/// lines hold nothing unsafe, and only need their white space collapsed.
pub(super) fn clean_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        let unsafe_char = if c.is_ascii() {
            c.is_ascii_control()
        } else {
            crate::text::sanitize::is_unsafe(c)
        };
        if unsafe_char {
            return sanitize_inline(raw);
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}
