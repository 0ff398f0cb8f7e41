//! The date picker: the results counted by year, then by month, as a
//! bar chart; Enter puts the year or month chosen in the query.
//! Its state is here; `update` changes it, `draw` shows it.

use super::facets::Timeline;

pub(super) mod draw;
pub(super) mod update;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLevel {
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
}
