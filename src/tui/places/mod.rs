//! The place picker: the places of the current results, filtered by a
//! fuzzy match as the user types; Enter narrows the query to one.
//! Its state is here; `update` changes it, `draw` shows it.

use std::ops::Range;

use super::editor::LineEditor;

pub(super) mod draw;
pub(super) mod update;

/// How the place picker orders places when nothing is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceOrder {
    Count,
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacePicker {
    pub filter: LineEditor,
    pub order: PlaceOrder,
    /// (place index, articles) for the places in the current results.
    pub counts: Vec<(usize, usize)>,
    /// Rows shown: (index into `counts`, highlighted byte ranges of the name).
    pub shown: Vec<(usize, Vec<Range<usize>>)>,
    pub selected: usize,
    pub offset: usize,
}
