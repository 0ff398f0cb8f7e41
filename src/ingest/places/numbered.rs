//! Numbers beside names: the number of a ward ("Phường 7", "Phường IV"),
//! of a hamlet after its place's name ("tổ Hàm Rồng 1"), of a house
//! before its street ("388 Núi Thành").

use super::tokens::Tokens;

/// A unit's name that is a number: "7" of "Phường 7", "IV" of "Phường IV".
pub(super) fn is_numbered(name: &str) -> bool {
    !name.is_empty()
        && (name.chars().all(|c| c.is_ascii_digit())
            || name.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// Whether a number next to the name of `n` words at `j` makes it a
/// hamlet's or a street's.
pub(super) fn numbered_around(t: &Tokens<'_>, j: usize, n: usize) -> bool {
    numbered_after(t, j + n) || house_number_before(t, j)
}

/// Whether a house number stands right before word `at`: "388 Núi Thành",
/// "92 Điện Biên Phủ" are streets ("Quận 1 Hồ Chí Minh" and "năm 2020
/// Hà Nội" are not).
fn house_number_before(t: &Tokens<'_>, at: usize) -> bool {
    const UNIT_WORDS: [&str; 6] = ["quận", "phường", "p", "q", "khu", "tổ"];
    let Some(k) = at.checked_sub(1) else {
        return false;
    };
    let number = &t.ws[k];
    let year = number
        .text
        .parse::<u16>()
        .is_ok_and(|y| (1900..=2100).contains(&y));
    let numbered_unit = k > 0 && UNIT_WORDS.contains(&t.ws[k - 1].lower());
    t.gap(at) == " " && number.is_number() && number.text.len() <= 4 && !year && !numbered_unit
}

/// Whether a small number ends the name that ends before word `at`:
/// "tổ Hàm Rồng 1, …", "ấp Phù Ly 2 và …" name a hamlet after its place
/// ("ở Hà Nội 3 ngày" and "Hà Nội 1 - 0" do not).
fn numbered_after(t: &Tokens<'_>, at: usize) -> bool {
    const MAX_DIGITS: usize = 2;
    let ends_item = |k: usize| {
        k == t.len()
            || t.gap(k).trim_start().starts_with([',', ';', ')', '…'])
            || t.gap(k) == ". "
            || t.gap(k) == " " && t.ws[k].lower() == "và"
    };
    at < t.len()
        && t.gap(at) == " "
        && t.ws[at].is_number()
        && t.ws[at].text.len() <= MAX_DIGITS
        && ends_item(at + 1)
}
