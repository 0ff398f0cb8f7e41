//! What the place picker's actions do to the state.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::super::action::PlacesAction;
use super::super::editor::{Edit, LineEditor};
use super::super::facets::PlaceIndex;
use super::super::layout;
use super::super::state::{Motion, Overlay, State};
use super::{PlaceOrder, PlacePicker};
use crate::gazetteer::Gazetteer;
use crate::search::query::{Kind, place_term};

/// What the picker's actions do; a choice is a new query, which the
/// router runs (see [`chosen_query`]).
pub(crate) fn apply(state: &mut State, action: PlacesAction) -> bool {
    match action {
        PlacesAction::Open => {
            open(state);
            true
        }
        PlacesAction::Move(motion) => move_selection(state, motion),
        PlacesAction::ToggleSort => toggle_order(state),
        PlacesAction::Choose => false,
    }
}

/// Opens the picker on the places of the current results.
pub(crate) fn open(state: &mut State) {
    if state.places.is_none() {
        state.places = Some(PlaceIndex::build(
            &(0..state.engine.numbers_end())
                .map(|n| state.engine.places_of(n))
                .collect::<Vec<_>>(),
            Gazetteer::embedded(),
        ));
    }
    // Count within the current results as if no place were chosen, so
    // the picker offers what narrowing by place can give.
    let hits: Vec<usize> = if !state.results.query.narrows_by(Kind::Place) {
        state.results.hits.iter().map(|h| h.article).collect()
    } else {
        let scope = state.results.query.without(Kind::Place);
        let r = state
            .engine
            .search_marked(&scope, state.sort, &state.reading);
        r.hits.iter().map(|h| h.article).collect()
    };
    let mut in_scope = vec![false; state.engine.numbers_end()];
    for &a in &hits {
        if let Some(x) = in_scope.get_mut(a) {
            *x = true;
        }
    }
    // The places named in the scope; each counted as the search counts
    // it (with the places it became or was made from in 2025), so that
    // the count shown is what Enter gives.
    let counts = state
        .places
        .as_ref()
        .map(|index| {
            index
                .counts(hits)
                .into_iter()
                .filter_map(|(place, _)| {
                    let name = &index.places.get(place)?.name;
                    let about = state.engine.place_articles(&place_term(name));
                    let n = about
                        .iter()
                        .filter(|&&a| in_scope.get(a as usize).copied().unwrap_or(false))
                        .count();
                    (n > 0).then_some((place, n))
                })
                .collect()
        })
        .unwrap_or_default();
    state.overlay = Some(Overlay::Places(PlacePicker {
        filter: LineEditor::default(),
        order: PlaceOrder::Count,
        counts,
        shown: Vec::new(),
        selected: 0,
        offset: 0,
    }));
    filter(state);
}

/// Moves the selection.
pub(crate) fn move_selection(state: &mut State, motion: Motion) -> bool {
    let Some(Overlay::Places(p)) = &mut state.overlay else {
        return false;
    };
    let rows = layout::places_list_rows(state.size, p.counts.len()).max(1);
    let len = p.shown.len();
    motion.move_index(&mut p.selected, rows, len)
}

/// Orders by count, or by name.
pub(crate) fn toggle_order(state: &mut State) -> bool {
    let Some(Overlay::Places(p)) = &mut state.overlay else {
        return false;
    };
    p.order = match p.order {
        PlaceOrder::Count => PlaceOrder::Name,
        PlaceOrder::Name => PlaceOrder::Count,
    };
    filter(state);
    true
}

/// Sends an edit to the filter line.
pub(crate) fn edit_filter(state: &mut State, edit: &Edit) -> bool {
    let Some(Overlay::Places(p)) = &mut state.overlay else {
        return false;
    };
    if !p.filter.apply(edit) {
        return false;
    }
    p.selected = 0;
    p.offset = 0;
    filter(state);
    true
}

/// Applies the picker's filter and order.
pub(crate) fn filter(state: &mut State) {
    let (Some(index), Some(Overlay::Places(p))) = (&state.places, &mut state.overlay) else {
        return;
    };
    let pattern = crate::text::fold_str(p.filter.text().trim());
    let matcher = SkimMatcherV2::default();
    let mut rows: Vec<(usize, i64, Vec<std::ops::Range<usize>>)> = Vec::new();
    for (i, &(place, _)) in p.counts.iter().enumerate() {
        let Some(info) = index.places.get(place) else {
            continue;
        };
        if pattern.is_empty() {
            rows.push((i, 0, Vec::new()));
            continue;
        }
        let Some((score, chars)) = matcher.fuzzy_indices(&info.folded.text, &pattern) else {
            continue;
        };
        let starts: Vec<usize> = info.folded.text.char_indices().map(|(b, _)| b).collect();
        let ranges = chars
            .iter()
            .filter_map(|&c| starts.get(c))
            .map(|&b| info.folded.original_range(&info.name, b..b + 1))
            .collect();
        rows.push((i, score, ranges));
    }
    let order = p.order;
    let counts = &p.counts;
    let key_of = |i: usize| &index.places[counts[i].0].key;
    rows.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| match order {
            PlaceOrder::Count => counts[b.0]
                .1
                .cmp(&counts[a.0].1)
                .then_with(|| key_of(a.0).cmp(key_of(b.0))),
            PlaceOrder::Name => key_of(a.0).cmp(key_of(b.0)),
        })
    });
    p.shown = rows.into_iter().map(|(i, _, r)| (i, r)).collect();
    p.selected = p.selected.min(p.shown.len().saturating_sub(1));
}

/// The query narrowed to the selected place, if one is selected.
pub(crate) fn chosen_query(state: &State) -> Option<String> {
    let (Some(index), Some(Overlay::Places(p))) = (&state.places, &state.overlay) else {
        return None;
    };
    let name = p
        .shown
        .get(p.selected)
        .and_then(|(i, _)| p.counts.get(*i))
        .and_then(|(place, _)| index.places.get(*place))
        .map(|place| place.name.clone())?;
    Some(state.results.query.with_place(&name))
}

/// Keeps the selected row in view.
pub(crate) fn keep_in_view(state: &mut State) {
    if let Some(Overlay::Places(p)) = &mut state.overlay {
        let rows = layout::places_list_rows(state.size, p.counts.len()).max(1);
        p.selected = p.selected.min(p.shown.len().saturating_sub(1));
        if p.selected < p.offset {
            p.offset = p.selected;
        } else if p.selected >= p.offset + rows {
            p.offset = p.selected + 1 - rows;
        }
    }
}
