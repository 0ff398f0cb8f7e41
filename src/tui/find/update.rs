//! What the in-article search's actions do to the state.

use super::super::action::FindAction;
use super::super::doc::Part;
use super::super::editor::{Edit, LineEditor};
use super::super::reader::update as reader;
use super::super::state::{Focus, State};
use super::FIND_LIMIT;
use crate::text::find_all;

/// What the find's actions do.
pub(crate) fn apply(state: &mut State, action: FindAction) -> bool {
    match action {
        FindAction::Start => start(state),
        FindAction::Submit => submit(state),
        FindAction::Cancel => cancel(state),
        FindAction::Next => step(state, true),
        FindAction::Prev => step(state, false),
    }
}

/// `/`: a new term, typed from where the article is.
pub(crate) fn start(state: &mut State) -> bool {
    if state.focus != Focus::Reading || state.reader.article.is_none() {
        return false;
    }
    let find = &mut state.reader.find;
    find.previous = find.term.clone();
    find.saved_scroll = state.reader.scroll;
    find.editing = Some(LineEditor::bounded(FIND_LIMIT));
    find.term.clear();
    refresh(state);
    true
}

/// Enter: the term typed stays in force.
pub(crate) fn submit(state: &mut State) -> bool {
    state.reader.find.editing = None;
    true
}

/// Esc: back to the term and the place before the search began.
pub(crate) fn cancel(state: &mut State) -> bool {
    let find = &mut state.reader.find;
    find.editing = None;
    find.term = find.previous.clone();
    state.reader.scroll = find.saved_scroll;
    refresh(state);
    state.reader.find.current = None;
    true
}

/// Sends an edit to the term being typed.
pub(crate) fn edit(state: &mut State, edit: &Edit) -> bool {
    let Some(editor) = &mut state.reader.find.editing else {
        return false;
    };
    if !editor.apply(edit) {
        return false;
    }
    state.reader.find.term = editor.text().to_owned();
    if state.coalesce {
        state.pending.1 = true;
    } else {
        refresh(state);
        jump_to_first_match(state);
    }
    true
}

/// Finds the in-article term in the title and every paragraph.
pub(crate) fn refresh(state: &mut State) {
    let find = &mut state.reader.find;
    find.hits.clear();
    let Some(article) = state.reader.article.and_then(|a| state.engine.article(a)) else {
        return;
    };
    if find.term.trim().is_empty() {
        find.current = None;
        return;
    }
    for r in find_all(&article.title, &find.term) {
        find.hits.push((Part::Title, r));
    }
    for (i, p) in article.body.iter().enumerate() {
        for r in find_all(&p.text, &find.term) {
            find.hits.push((Part::Paragraph(i), r));
        }
    }
    if find.current.is_some_and(|c| c >= find.hits.len()) {
        find.current = None;
    }
}

/// While the term is typed: go to the first match from where the search
/// began, as less does.
pub(crate) fn jump_to_first_match(state: &mut State) {
    let from = state.reader.find.saved_scroll;
    if state.reader.find.hits.is_empty() {
        state.reader.find.current = None;
        state.reader.scroll = from.min(state.max_scroll());
        return;
    }
    // Lines are known once laid out: lay out with no current match first.
    state.reader.find.current = None;
    reader::refresh(state);
    let lines = &state.reader.doc.found_lines;
    let first = lines.iter().position(|&l| l >= from).unwrap_or(0);
    go_to_match(state, first);
}

pub(crate) fn step(state: &mut State, forward: bool) -> bool {
    let n = state.reader.find.hits.len();
    if n == 0 {
        return false;
    }
    let next = match (state.reader.find.current, forward) {
        (None, true) => {
            let top = state.reader.scroll;
            let lines = &state.reader.doc.found_lines;
            lines.iter().position(|&l| l >= top).unwrap_or(0)
        }
        (None, false) => {
            let top = state.reader.scroll;
            let lines = &state.reader.doc.found_lines;
            lines.iter().rposition(|&l| l < top).unwrap_or(n - 1)
        }
        (Some(c), true) => (c + 1) % n,
        (Some(c), false) => (c + n - 1) % n,
    };
    go_to_match(state, next);
    true
}

/// Makes match `k` current and scrolls it into view, a third of the way
/// down so that what leads to it is visible too.
fn go_to_match(state: &mut State, k: usize) {
    state.reader.find.current = Some(k);
    reader::refresh(state);
    let Some(&line) = state.reader.doc.found_lines.get(k) else {
        return;
    };
    let rows = usize::from(state.panes().reading_text.height);
    if line < state.reader.scroll || line >= state.reader.scroll + rows {
        state.reader.scroll = line.saturating_sub(rows / 3).min(state.max_scroll());
    }
}
