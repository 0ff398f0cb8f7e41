//! What the date picker's actions do to the state.

use super::super::action::DatesAction;
use super::super::facets::Timeline;
use super::super::state::{Motion, Overlay, State};
use super::{DateLevel, DatePicker, quick};
use crate::search::query::{Hint, Kind};

/// What the picker's actions do; a choice is a new query, which the
/// router runs (see [`chosen_query`]).
pub(crate) fn apply(state: &mut State, action: DatesAction) -> bool {
    match action {
        DatesAction::Open => {
            open(state);
            true
        }
        DatesAction::Step(n) => step(state, n),
        DatesAction::Edge(motion) => edge(state, motion),
        DatesAction::Months => months(state),
        DatesAction::Years => years(state),
        DatesAction::Choose => false,
    }
}

/// Opens the picker on the years of the current results (without the
/// query's dates), or on the quick choice the query has.
pub(crate) fn open(state: &mut State) {
    let scope = state.results.query.without(Kind::Date);
    let hits: Vec<usize> = if !state.results.query.narrows_by(Kind::Date) {
        state.results.hits.iter().map(|h| h.article).collect()
    } else {
        let r = state
            .engine
            .search_marked(&scope, state.sort, &state.reading);
        r.hits.iter().map(|h| h.article).collect()
    };
    let timeline = Timeline::of(hits.into_iter().map(|n| state.engine.date(n)));
    // Start on the year already in the query, else the latest.
    let year = state
        .results
        .query
        .first_year()
        .and_then(|y| timeline.index_of(y))
        .unwrap_or(timeline.years.len().saturating_sub(1));
    let lang = state.strings.lang;
    // Counted by the engine: what a choice counts is what it will find.
    let quick = quick::count(lang, |term| {
        let query = state.results.query.with_dates(term);
        let found = state
            .engine
            .search_marked(&query, state.sort, &state.reading);
        found.hits.len()
    });
    let query = &state.results.query;
    let chosen = quick::in_query(lang, &query.dates());
    let means = query
        .hints
        .iter()
        .filter(|h| matches!(h, Hint::DateMeans { .. } | Hint::DateEveryYear { .. }))
        .cloned()
        .collect();
    state.overlay = Some(Overlay::Dates(DatePicker {
        timeline,
        level: if chosen.is_some() {
            DateLevel::Quick
        } else {
            DateLevel::Years
        },
        year,
        month: 0,
        scope,
        quick,
        choice: chosen.unwrap_or(0),
        means,
    }));
}

/// Left (-1) or right (+1).
pub(crate) fn step(state: &mut State, step: i32) -> bool {
    let Some(Overlay::Dates(d)) = &mut state.overlay else {
        return false;
    };
    let (index, len) = match d.level {
        DateLevel::Quick => (&mut d.choice, quick::COUNT),
        DateLevel::Years => (&mut d.year, d.timeline.years.len()),
        DateLevel::Months(_) => (&mut d.month, 12),
    };
    let next = index
        .saturating_add_signed(step as isize)
        .min(len.saturating_sub(1));
    let changed = next != *index;
    *index = next;
    changed
}

/// To the first or the last bar.
pub(crate) fn edge(state: &mut State, motion: Motion) -> bool {
    let Some(Overlay::Dates(d)) = &mut state.overlay else {
        return false;
    };
    let len = match d.level {
        DateLevel::Quick => quick::COUNT,
        DateLevel::Years => d.timeline.years.len(),
        DateLevel::Months(_) => 12,
    };
    let target = if motion == Motion::Top {
        0
    } else {
        len.saturating_sub(1)
    };
    let index = match d.level {
        DateLevel::Quick => &mut d.choice,
        DateLevel::Years => &mut d.year,
        DateLevel::Months(_) => &mut d.month,
    };
    let changed = *index != target;
    *index = target;
    changed
}

/// Down: from the quick choices to the years, from the years into the
/// months of the selected year.
pub(crate) fn months(state: &mut State) -> bool {
    let Some(Overlay::Dates(d)) = &mut state.overlay else {
        return false;
    };
    if d.level == DateLevel::Quick {
        d.level = DateLevel::Years;
        return true;
    }
    if d.timeline.years.is_empty() || d.level != DateLevel::Years {
        return false;
    }
    d.level = DateLevel::Months(d.year);
    let months = d.timeline.months.get(d.year).copied().unwrap_or_default();
    // Start on the busiest month: the one most likely wanted.
    d.month = (0..12).max_by_key(|&m| (months[m], 12 - m)).unwrap_or(0);
    true
}

/// Up: from the months back to the years, from the years to the quick
/// choices.
pub(crate) fn years(state: &mut State) -> bool {
    let Some(Overlay::Dates(d)) = &mut state.overlay else {
        return false;
    };
    let was = d.level;
    d.level = match was {
        DateLevel::Months(_) => DateLevel::Years,
        DateLevel::Years | DateLevel::Quick => DateLevel::Quick,
    };
    was != d.level
}

/// The query with the selected quick choice, year or month as its
/// dates, if there is one to choose.
pub(crate) fn chosen_query(state: &State) -> Option<String> {
    let Some(Overlay::Dates(d)) = &state.overlay else {
        return None;
    };
    if d.level == DateLevel::Quick {
        let term = quick::terms(state.strings.lang).get(d.choice).copied()?;
        return Some(state.results.query.with_dates(term));
    }
    if d.timeline.years.is_empty() {
        return None;
    }
    let (year, month) = match d.level {
        DateLevel::Quick => return None,
        DateLevel::Years => (d.timeline.year(d.year), None),
        DateLevel::Months(y) => (d.timeline.year(y), u8::try_from(d.month + 1).ok()),
    };
    Some(state.results.query.replace_dates(year, month))
}
