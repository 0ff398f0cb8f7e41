//! Text handling that every other part relies on: folding for search,
//! canonical tone placement, Vietnamese letters, and sanitising untrusted text.

pub mod collate;
pub mod find;
pub mod fold;
pub mod letters;
pub mod sanitize;
pub mod tone;

pub use collate::{SortKey, sort_key};
pub use find::find_all;
pub use fold::{Folded, fold, fold_str, has_diacritics};
pub use letters::is_word_char;
pub use sanitize::{escape_for_message, sanitize_inline, sanitize_multiline};
pub use tone::canonical_tones;
