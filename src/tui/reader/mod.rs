//! The reading pane: the selected article laid out for the pane's
//! width, the query's keywords and the find's matches marked.
//! Its state is here; `update` changes it, `draw` shows it.

use super::doc::Doc;
use super::find::Find;

pub(super) mod draw;
pub(super) mod update;

/// What the reading pane's layout was made for: (article, (width,
/// rows), query, find term, current match).
pub type BuiltFor = (usize, (usize, usize), String, String, Option<usize>);

/// The reading pane.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reader {
    /// The article shown (index into the collection).
    pub article: Option<usize>,
    /// Its places with the places above them.
    pub places: Vec<String>,
    pub doc: Doc,
    /// What `doc` was built for.
    pub built_for: Option<BuiltFor>,
    /// The first line shown.
    pub scroll: usize,
    /// Where to put the article once laid out: a position saved in the
    /// reading state (see [`Doc::line_at`]).
    pub resume: Option<u32>,
    pub find: Find,
}
