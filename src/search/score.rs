//! The weights of a match, in one place: the index scores short prefixes
//! with them when it is built, the evaluation everything else.
//!
//! Scores (higher is better) follow what a reader means by relevant: a
//! match in the title outranks any match in the body, a whole word a word
//! start, and words found next to each other (as typed) outrank scattered
//! ones.

pub(super) const TITLE_WHOLE: u32 = 1000;
pub(super) const TITLE_START: u32 = 800;
pub(super) const TITLE_FUZZY: u32 = 600;
pub(super) const TITLE_PHRASE: u32 = 1200;
pub(super) const BODY_WHOLE: u32 = 300;
pub(super) const BODY_START: u32 = 200;
pub(super) const BODY_PHRASE: u32 = 400;
/// Per occurrence in the body, up to ten.
pub(super) const BODY_REPEAT: u32 = 10;
/// Consecutive keywords found side by side, in order: a rule above where
/// the words are (every pair found side by side outranks any title
/// match), below typos (see [`super::typo::TIER`]). Once per pair; being
/// side by side in the title, the body or both adds a little more.
pub(super) const PROXIMITY: u32 = 1 << 15;
pub(super) const ADJACENT_TITLE: u32 = 150;
pub(super) const ADJACENT_BODY: u32 = 60;

/// The bonus of a pair of keywords side by side in the title, the body,
/// or both.
pub(super) fn adjacency(title: bool, body: bool) -> u32 {
    if !(title || body) {
        return 0;
    }
    PROXIMITY + if title { ADJACENT_TITLE } else { 0 } + if body { ADJACENT_BODY } else { 0 }
}
/// An article about the place that keywords spell (`thuong tin`): above
/// proximity, below typos.
pub(super) const PLACE_READ: u32 = 1 << 18;

/// A keyword found in the body `tf` times, as a whole word or a word start.
pub(super) fn body_score(tf: u32, whole: bool) -> u32 {
    (if whole { BODY_WHOLE } else { BODY_START }) + tf.min(10) * BODY_REPEAT
}

/// A keyword found in the title, as a whole word or a word start.
pub(super) fn title_score(whole: bool) -> u32 {
    if whole { TITLE_WHOLE } else { TITLE_START }
}

/// A keyword's score from its best title match and best body match. A
/// title word is counted in the body too; only what the body adds counts.
pub(super) fn combine(title: u32, body: u32) -> u32 {
    if title > 0 {
        title + body.saturating_sub(BODY_START)
    } else {
        body
    }
}
