//! Keywords typed in Telex or VNI, the two ways Vietnamese is typed on a
//! keyboard without it: `tuwf sown` and `tu72 so7n` are "từ sơn" (the
//! `vi` crate reads them). A keyword is also searched as the Vietnamese it
//! spells, when that is a syllable and starts a word of the collection
//! (`trees` spells "trế", in no article: English stays English); what it
//! finds ranks below what the keyword finds as typed, above what it
//! finds through a typo (see [`READING_TIER`]).

use super::query::Word;
use super::typo;

/// What a match through a reading adds: below a match as typed, above
/// one through a typo.
pub const READING_TIER: u32 = typo::TIER * typo::MOST as u32 - typo::TIER / 2;

/// The Vietnamese that `word` spells in Telex or VNI, if it spells a
/// syllable other than itself: lowercase, tones placed the new way.
/// Words typed with diacritics spell nothing.
pub fn reading(word: &Word) -> Option<Word> {
    if word.exact.is_some() {
        return None;
    }
    let typed = &word.folded;
    if typed.is_empty() || !typed.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let digits = typed.bytes().any(|b| b.is_ascii_digit());
    let method = if digits { &vi::VNI } else { &vi::TELEX };
    let mut spelled = String::new();
    vi::transform_buffer(method, typed.chars(), &mut spelled);
    let spelled = spelled.to_lowercase();
    // Nothing read (no mark made), or marks left as letters ("was" reads
    // as "ưa" and a stray "s"): not a reading.
    if spelled == *typed
        || spelled.is_ascii()
        || spelled.chars().any(|c| c.is_ascii_digit())
        || !vi::validation::is_valid_syllable(&spelled)
    {
        return None;
    }
    let read = Word::new(&spelled);
    read.exact.is_some().then_some(read)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(typed: &str) -> Option<String> {
        reading(&Word::new(typed)).and_then(|w| w.exact)
    }

    #[test]
    fn telex_and_vni_read_as_the_vietnamese_they_spell() {
        assert_eq!(read("tuwf").as_deref(), Some("từ"));
        assert_eq!(read("sown").as_deref(), Some("sơn"));
        assert_eq!(read("nghij").as_deref(), Some("nghị"));
        assert_eq!(read("quyeets").as_deref(), Some("quyết"));
        assert_eq!(read("ddaij").as_deref(), Some("đại"));
        assert_eq!(read("hooij").as_deref(), Some("hội"));
        assert_eq!(read("tu72").as_deref(), Some("từ"));
        assert_eq!(read("so7n").as_deref(), Some("sơn"));
        // While typing: the syllable so far.
        assert_eq!(read("tuw").as_deref(), Some("tư"));
    }

    #[test]
    fn words_that_spell_nothing_else_have_no_reading() {
        for typed in [
            "tu", "son", "nong", "thon", "covid", "2020", "a1b2c3", "xyzw", "đang",
        ] {
            assert_eq!(read(typed), None, "{typed}");
        }
    }
}
