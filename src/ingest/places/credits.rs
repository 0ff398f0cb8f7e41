//! What ends a caption or a paragraph without being the article's: a
//! photo's credit, a reporter's signature. Their names are people's.

/// A caption without its photo credit: the credit names a photographer,
/// not a place.
/// "(Ảnh chụp lúc … tại phường Phú Lợi)" describes the photo: only a
/// short parenthesis after the text is a credit ("(Ảnh Trúc Lam)").
pub(super) fn without_credit(caption: &str) -> &str {
    const CREDIT_MAX_BYTES: usize = 60;
    let lower = caption.to_lowercase();
    let labelled = ["ảnh:", "ảnh :"].iter().filter_map(|m| lower.rfind(m));
    let bare = lower.rfind("(ảnh ").filter(|&at| {
        at > 0
            && lower[at..]
                .find(')')
                .is_some_and(|close| close <= CREDIT_MAX_BYTES)
    });
    labelled
        .chain(bare)
        .min()
        .and_then(|at| caption.get(..at))
        .unwrap_or(caption)
}

/// A paragraph without the reporter's name in capitals that signs it
/// ("… di dời cục bộ tại chỗ. (MINH HẢI)"): a person, though named like
/// a former province.
pub(super) fn without_signature(text: &str) -> &str {
    const SIGNATURE_MAX_WORDS: usize = 4;
    let trimmed = text.trim_end().trim_end_matches('.');
    let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind('(')) else {
        return text;
    };
    let name = &trimmed[open + 1..trimmed.len() - 1];
    let signed = open > 0
        && name.chars().any(char::is_alphabetic)
        && !name.chars().any(|c| c.is_lowercase() || c.is_ascii_digit())
        && (2..=SIGNATURE_MAX_WORDS).contains(&name.split_whitespace().count());
    if signed { &trimmed[..open] } else { text }
}
