//! Plausibility of decoded text as Vietnamese: how many of its words are well-formed
//! syllables.

use crate::text::letters::{TONE_NANG, TONE_SAC, VOWELS, single_lowercase, vowel_info};

/// Syllable-initial consonants; "" for syllables that start with a vowel.
const INITIALS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Toneless rhymes (vowel cluster + final), sorted for binary search. Generous rather
/// than strict: wrong decodings fail on letters, not on rare rhymes.
pub(super) const RHYMES: [&str; 167] = [
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "e", "ec",
    "em", "en", "eng", "eo", "ep", "et", "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", "o", "oa", "oac", "oach", "oai", "oam",
    "oan", "oang", "oanh", "oao", "oap", "oat", "oay", "oc", "oe", "oen", "oeo", "oet", "oi", "om",
    "on", "ong", "ooc", "oong", "op", "ot", "oăc", "oăm", "oăn", "oăng", "oăt", "u", "ua", "uc",
    "ui", "um", "un", "ung", "up", "ut", "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu",
    "uyên", "uyêt", "uân", "uâng", "uât", "uây", "uê", "uêch", "uên", "uênh", "uôc", "uôi", "uôm",
    "uôn", "uông", "uôt", "uơ", "y", "ych", "yn", "ynh", "yt", "yêm", "yên", "yêng", "yêt", "yêu",
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", "ê", "êc", "êch", "êm", "ên", "êng", "ênh",
    "êp", "êt", "êu", "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ăc", "ăm", "ăn", "ăng",
    "ăp", "ăt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt",
    "ưu", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
];

pub(super) struct Score {
    syllables: i64,
    misfits: i64,
}

impl Score {
    /// Counts the non-ASCII words that are / are not Vietnamese syllables; `anomalies`
    /// (bytes the encoding would not produce) count as misfits too. ASCII words read the
    /// same under every candidate, so they are no evidence either way.
    pub(super) fn of(text: &str, anomalies: usize) -> Score {
        let mut score = Score {
            syllables: 0,
            misfits: i64::try_from(anomalies).unwrap_or(i64::MAX),
        };
        let mut base = String::new();
        for word in text.split(|c: char| !is_letter_or_latin1_symbol(c)) {
            if word.is_ascii() || is_abbreviation(word) {
                continue;
            }
            if is_syllable(word, &mut base) {
                score.syllables += 1;
            } else {
                score.misfits += 1;
            }
        }
        score
    }

    /// Correct decodings of real text are nearly all syllables; wrong ones mostly misfits.
    pub(super) fn is_plausible(&self) -> bool {
        self.syllables > 0 && self.syllables >= 2 * self.misfits
    }

    pub(super) fn value(&self) -> i64 {
        self.syllables - self.misfits
    }
}

/// Consonant-only words with Đ (HĐND, "Đ/c") are abbreviations, not syllables.
fn is_abbreviation(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, 'đ' | 'Đ') || (c.is_ascii_alphabetic() && !"aeiouyAEIOUY".contains(c)))
}

/// Letters, Latin-1 symbols and combining marks, not digits: unlike
/// [`crate::text::is_word_char`], Latin-1 symbols count as part of a word, as wrong
/// decodings put them inside words ("m¸y", "kh«ng") and splitting there would hide the
/// damage.
fn is_letter_or_latin1_symbol(c: char) -> bool {
    c.is_alphabetic() || ('\u{a1}'..='\u{ff}').contains(&c) || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Initial consonant + rhyme, at most one tone, and stop finals (c ch p t) only with
/// sắc or nặng, as Vietnamese phonology requires. `base` is scratch space.
fn is_syllable(word: &str, base: &mut String) -> bool {
    base.clear();
    let mut tone = 0;
    for c in word.chars() {
        let Some(c) = single_lowercase(c) else {
            return false;
        };
        if c.is_ascii_lowercase() || c == 'đ' {
            base.push(c);
            continue;
        }
        let Some((row, t)) = vowel_info(c) else {
            return false;
        };
        if t != 0 {
            if tone != 0 {
                return false;
            }
            tone = t;
        }
        base.push(VOWELS[row][0]);
    }
    INITIALS.iter().any(|initial| {
        base.strip_prefix(initial).is_some_and(|rhyme| {
            let stop = rhyme.ends_with(['c', 'p', 't']) || rhyme.ends_with("ch");
            RHYMES.binary_search(&rhyme).is_ok() && (!stop || tone == TONE_SAC || tone == TONE_NANG)
        })
    })
}
