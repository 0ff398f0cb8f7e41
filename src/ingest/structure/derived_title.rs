//! A title made from the lead when the page prints none: its first
//! sentence, cut near [`TITLE_LIMIT`] characters where it reads best.

use super::line::chars;
use crate::text::fold_str;

/// A derived title is cut near this many characters.
pub const TITLE_LIMIT: usize = 100;

/// The first sentence of `text`: up to a full stop, question or
/// exclamation mark followed by a capital, not after an abbreviation
/// ("TP.", "Đ/c.", "ThS.").
pub(super) fn first_sentence(text: &str) -> &str {
    // Only the start matters: a longer sentence is cut anyway.
    let cs: Vec<(usize, char)> = text.char_indices().take(TITLE_LIMIT + 3).collect();
    for (k, &(i, c)) in cs.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let next = cs.get(k + 1).map(|&(_, c)| c);
        let after = cs.get(k + 2).map(|&(_, c)| c);
        let ends = match next {
            None => i + c.len_utf8() == text.len(),
            Some(n) if n.is_whitespace() => {
                after.is_some_and(|a| a.is_uppercase() || matches!(a, '“' | '"'))
            }
            _ => false,
        };
        if !ends {
            continue;
        }
        let word = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
        let abbreviation = c == '.' && is_abbreviation(word);
        if !abbreviation {
            return &text[..i + c.len_utf8()];
        }
    }
    text
}

/// Words a cut title should not end on: they lead into what was cut
/// ("… quy hoạch tỉnh…", "… của…").
const WEAK_ENDINGS: &[&str] = &[
    "tinh", "huyen", "xa", "phuong", "quan", "thi", "thanh", "pho", "tran", "cua", "va", "voi",
    "tai", "o", "cho", "cac", "nhung", "la", "de", "theo", "ve", "tu", "den", "trong", "tren",
    "duoi", "so", "ngay", "thang", "nam", "mot", "co", "duoc", "bi", "do", "vi", "nhung", "ma",
    "thi", "neu", "khi", "se", "da", "dang", "vao", "ra", "nhu", "hon", "lan", "thu", "ong", "ba",
    "chi", "dong", "nay", "kia", "ay", "-", "–",
];

/// Where to cut `sentence` at a word boundary at or before byte `limit`
/// (and not before `floor`): not inside a name ("… tỉnh Quảng | Ninh")
/// and not after a word that leads into the rest.
fn word_cut(sentence: &str, limit: usize, floor: usize) -> usize {
    let mut cut = if sentence[limit..].starts_with(char::is_whitespace) {
        limit
    } else {
        match sentence[..limit].rfind(char::is_whitespace) {
            Some(c) => c,
            None => return limit,
        }
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    loop {
        let before = sentence[..cut].trim_end();
        // After the last white space, which may be wider than a byte
        // (U+1680, U+3000…).
        let Some(start) = before
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
        else {
            return cut;
        };
        let last = &before[start..];
        let next = sentence[cut..].split_whitespace().next().unwrap_or("");
        let inside_name = capitalised(last) && capitalised(next);
        let weak = WEAK_ENDINGS.contains(&fold_str(last).as_str());
        if !(inside_name || weak) || start <= floor {
            return cut;
        }
        cut = before[..start].trim_end().len();
    }
}

/// A word that a full stop abbreviates: "TP.", "Tp.", "ThS.", "Đ/c.",
/// "v.v.", initials.
fn is_abbreviation(word: &str) -> bool {
    const KNOWN: [&str; 12] = [
        "tp", "tx", "tt", "ths", "ts", "pgs", "gs", "bs", "ks", "ls", "nxb", "st",
    ];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    KNOWN.contains(&fold_str(word).as_str())
        || word.contains(['/', '.'])
        || (letters <= 4 && letters > 0 && word.chars().all(|c| c.is_uppercase()))
}

/// A title made from the lead: its first sentence, cut near
/// [`TITLE_LIMIT`] characters at a clause boundary or else a word
/// boundary, with "…" where it was cut.
pub fn derive_title(lead: &str) -> String {
    // "- Ngày 20/1, …": a list's dash, or an agency's tag's last trace.
    let lead = lead.trim_start_matches(['-', '–', '—', '•', ' ']);
    let sentence = first_sentence(lead).trim();
    // A paragraph of one short sentence stands as a headline does: as
    // printed, with its full stop.
    if sentence == lead.trim() && chars(sentence) <= TITLE_LIMIT && !sentence.ends_with("..") {
        return sentence.to_string();
    }
    if chars(sentence) <= TITLE_LIMIT {
        let t = sentence.trim_end_matches(['.', ' ']);
        return if t.is_empty() {
            sentence.to_string()
        } else {
            t.to_string()
        };
    }
    // Byte offset just past the TITLE_LIMIT-th character.
    let limit = sentence
        .char_indices()
        .nth(TITLE_LIMIT)
        .map_or(sentence.len(), |(i, _)| i);
    let window = &sentence[..limit];
    let half = sentence
        .char_indices()
        .nth(TITLE_LIMIT / 2)
        .map_or(0, |(i, _)| i);
    // A clause boundary in the second half of the window reads best;
    // else the last word boundary.
    let clause = window
        .match_indices([',', ';', ':'])
        .map(|(i, _)| i)
        .filter(|&i| i >= half && sentence[i + 1..].starts_with(char::is_whitespace))
        .max();
    let cut = match clause {
        Some(c) => c,
        None => word_cut(sentence, limit, half),
    };
    let mut t = sentence[..cut].trim_end().to_string();
    // Not inside a parenthesis or a quotation left open.
    for (open, close) in [('(', ')'), ('“', '”')] {
        if t.matches(open).count() > t.matches(close).count()
            && let Some(at) = t.rfind(open)
        {
            t.truncate(at);
        }
    }
    let t = t.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '(' | '“')
    });
    format!("{t}…")
}
