//! The in-article search, like `/` in less: the term typed in the
//! status bar, its matches in the article, the current one in view.
//! Its state is here (held by the reader); `update` changes it; `draw`
//! puts its prompt and its count in the status bar.

use std::ops::Range;

use super::doc::Part;
use super::editor::{Limit, LineEditor};
use crate::search::query::MAX_QUERY_CHARS;

pub(super) mod draw;
pub(super) mod update;

/// The in-article search's term: as long as a query, in any words.
pub(crate) const FIND_LIMIT: Limit = Limit {
    chars: MAX_QUERY_CHARS,
    words: usize::MAX,
};

/// The in-article search, like `/` in less.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    /// Some while the term is being typed.
    pub editing: Option<LineEditor>,
    /// The term in force (while typing: the one typed so far).
    pub term: String,
    /// What the term was before this search began, for Esc.
    pub previous: String,
    /// The scroll position before this search began, for Esc.
    pub saved_scroll: usize,
    pub hits: Vec<(Part, Range<usize>)>,
    pub current: Option<usize>,
}
