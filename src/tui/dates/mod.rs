//! The date picker: quick choices (today, this week, this month, the
//! last 30 days) above the results counted by year, then by month, as a
//! bar chart; Enter puts the choice, year or month in the query.
//! Its state is here; `update` changes it, `draw` shows it.

use super::facets::Timeline;

use crate::search::query::Hint;

pub(super) mod draw;
pub(super) mod quick;
pub(super) mod update;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLevel {
    /// The row of quick choices.
    Quick,
    Years,
    /// The months of the year at this index of the timeline.
    Months(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatePicker {
    pub timeline: Timeline,
    pub level: DateLevel,
    /// Selected year (index into the timeline) and month (0–11).
    pub year: usize,
    pub month: usize,
    /// The query the counts are for (without its date terms).
    pub scope: String,
    /// Per quick choice: the articles it holds, and the days it stands
    /// for (see [`quick`]).
    pub quick: Vec<(usize, Option<Hint>)>,
    /// The quick choice selected.
    pub choice: usize,
    /// What the query's own date terms stand for, when it has terms in
    /// words (`#tuantruoc = 16/11–22/11/2026`).
    pub means: Vec<Hint>,
}
