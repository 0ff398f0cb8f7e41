//! Titles spelled with the spaces left out: "tuson" for "Từ Sơn",
//! "nongthonmoi", "txts" for "thị xã Từ Sơn". The term is the beginnings
//! of two or more consecutive title words, joined.

use crate::search::query::Word;

/// What a title's words must start with to spell a term (see
/// [`spells`]): one word with the term's first byte, and the word after
/// it with a byte of the rest of the term. Checked on the first bytes of
/// a title's words, kept in a row, it rules out most titles without
/// reading a word: at every keystroke, the spelling is tried on each
/// candidate whose title does not hold the word.
pub(super) struct Initials {
    first: u8,
    later: [bool; 256],
}

impl Initials {
    /// The initials spelling `term` needs.
    pub(super) fn of(term: &[u8]) -> Initials {
        let mut later = [false; 256];
        for &b in term.get(1..).unwrap_or(&[]) {
            later[usize::from(b)] = true;
        }
        Initials {
            first: term.first().copied().unwrap_or(0),
            later,
        }
    }

    /// Whether words starting with `initials` may spell the term: when
    /// not, they cannot; when so, [`spells`] decides.
    pub(super) fn may_spell(&self, initials: &[u8]) -> bool {
        initials
            .windows(2)
            .any(|p| p[0] == self.first && self.later[usize::from(p[1])])
    }
}

/// Whether title words spell `w` with the spaces left out (see [`spell`]),
/// each word given by its number and read through `form` (its folded or
/// exact form, as `w` was typed); without allocating, as it runs on every
/// candidate title.
///
/// With `initials` (the first byte of each title word's form, as
/// [`Initials`] reads them), a word is read only when its first byte can
/// go on the spelling: most are not.
pub(super) fn spells<'a>(
    title: &[u32],
    initials: Option<&[u8]>,
    form: impl Fn(u32) -> &'a [u8],
    w: &Word,
) -> bool {
    let t = w.key().as_bytes();
    let n = t.len();
    if !(2..=120).contains(&n) {
        return false;
    }
    let key = w.key();
    // Positions in the term where a word may start (character boundaries).
    let mut boundary: u128 = 0;
    for i in 0..=n {
        if key.is_char_boundary(i) {
            boundary |= 1 << i;
        }
    }
    let initial = |j: usize| initials.and_then(|i| i.get(j).copied());
    for start in 0..title.len() {
        let first = initial(start).or_else(|| form(title[start]).first().copied());
        if first.as_ref() != t.first() {
            continue;
        }
        // Bit p: the words so far can spell t[..p].
        let mut reach: u128 = 1;
        for (j, &id) in title.iter().enumerate().skip(start) {
            if let Some(i) = initial(j)
                && !reaches(reach, t, i)
            {
                break;
            }
            let wb = form(id);
            let mut next: u128 = 0;
            let mut bits = reach;
            while bits != 0 {
                let p = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let lcp = t[p..].iter().zip(wb).take_while(|(a, b)| a == b).count();
                if lcp > 0 {
                    // Bits p+1 ..= p+lcp.
                    let hi = if p + lcp >= 127 {
                        u128::MAX
                    } else {
                        (1u128 << (p + lcp + 1)) - 1
                    };
                    let lo = (1u128 << (p + 1)) - 1;
                    next |= hi & !lo;
                }
            }
            next &= boundary;
            if next & (1 << n) != 0 && j > start {
                return true;
            }
            next &= !(1 << n);
            if next == 0 {
                break;
            }
            reach = next;
        }
    }
    false
}

/// Whether a word starting with byte `initial` can go on spelling `t`
/// from one of the places `reach` (bit p: `t[..p]` is spelled).
fn reaches(reach: u128, t: &[u8], initial: u8) -> bool {
    let mut bits = reach;
    while bits != 0 {
        let p = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        if t.get(p) == Some(&initial) {
            return true;
        }
    }
    false
}

/// Whether title words spell `term` with the spaces left out ("tuson" in
/// "Từ Sơn", "nongthonmoi", "ubnd" in "Ủy ban nhân dân"): the term is the
/// beginnings of two or more consecutive words, joined. Returns the first
/// word and how many bytes each word gives (for highlighting).
pub(super) fn spell(words: &[&str], term: &str) -> Option<(usize, Vec<usize>)> {
    let t = term.as_bytes();
    if t.len() < 2 || t.len() > 120 {
        return None;
    }
    for start in 0..words.len() {
        if words[start].as_bytes().first() != t.first() {
            continue;
        }
        // reach[p]: a way to spell t[..p] ending at the current word, as
        // the letters taken from each word so far.
        let mut reach: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new())];
        for (j, word) in words.iter().enumerate().skip(start) {
            let wb = word.as_bytes();
            let mut next: Vec<(usize, Vec<usize>)> = Vec::new();
            for (p, taken) in &reach {
                let lcp = t[*p..].iter().zip(wb).take_while(|(a, b)| a == b).count();
                for k in (1..=lcp).rev() {
                    let q = p + k;
                    if !term.is_char_boundary(q) || next.iter().any(|(x, _)| *x == q) {
                        continue;
                    }
                    let mut tk = taken.clone();
                    tk.push(k);
                    if q == t.len() {
                        if j > start {
                            return Some((start, tk));
                        }
                        continue;
                    }
                    next.push((q, tk));
                }
            }
            if next.is_empty() {
                break;
            }
            reach = next;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words made of few letters, so that terms are often spelled.
    fn word() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[abcđ]{0,4}").expect("pattern")
    }

    proptest! {
        #[test]
        fn first_bytes_rule_out_only_what_cannot_spell(
            title in proptest::collection::vec(word(), 0..8),
            term in proptest::string::string_regex("[abcđ]{2,6}").expect("pattern"),
        ) {
            let ids: Vec<u32> = (0u32..).take(title.len()).collect();
            let form = |id: u32| title[id as usize].as_bytes();
            let initials: Vec<u8> = title
                .iter()
                .map(|w| w.bytes().next().unwrap_or(0))
                .collect();
            let w = Word::folded(&term);
            let words: Vec<&str> = title.iter().map(String::as_str).collect();
            let plain = spells(&ids, None, form, &w);
            prop_assert_eq!(plain, spell(&words, &w.folded).is_some());
            prop_assert_eq!(spells(&ids, Some(&initials), form, &w), plain);
            if plain {
                prop_assert!(Initials::of(w.key().as_bytes()).may_spell(&initials));
            }
        }
    }
}
