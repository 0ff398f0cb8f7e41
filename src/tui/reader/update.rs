//! What the reader's actions and the selection do to the reading pane.

use super::super::action::ReaderAction;
use super::super::doc;
use super::super::list::update as list;
use super::super::state::{Focus, Motion, State};
use crate::gazetteer::Gazetteer;

/// What the reader's actions do.
pub(crate) fn apply(state: &mut State, action: ReaderAction) -> bool {
    match action {
        ReaderAction::Back => {
            state.focus = Focus::List;
            true
        }
        ReaderAction::Scroll(motion) => scroll(state, motion),
        ReaderAction::NextArticle => list::select(state, Motion::Down),
        // As in a newsreader: Space reads on, page after page, then
        // article after article.
        ReaderAction::ReadOn if state.reader.scroll >= state.max_scroll() => {
            list::select(state, Motion::Down)
        }
        ReaderAction::ReadOn => scroll(state, Motion::PageDown),
        ReaderAction::PrevArticle => list::select(state, Motion::Up),
    }
}

/// Notes the reading position of the article shown in the reading state.
pub(crate) fn remember_position(state: &mut State) {
    let Some(index) = state.reader.article else {
        return;
    };
    let Some(article) = state.engine.article(index) else {
        return;
    };
    let position = state.reader.doc.position(state.reader.scroll, &article);
    if let Some(id) = state.article_id(index) {
        state.reading.set_scroll(&id, position);
    }
}

pub(crate) fn scroll(state: &mut State, motion: Motion) -> bool {
    let rows = usize::from(state.panes().reading_text.height);
    let max = state.max_scroll();
    let page = rows.saturating_sub(1).max(1);
    motion.move_index(&mut state.reader.scroll, page, max + 1)
}

/// Shows the selected article, laid out for the current width, query and
/// in-article search.
pub(crate) fn refresh(state: &mut State) {
    let article = state.selected_article();
    if article != state.reader.article {
        state.reader.article = article;
        state.reader.scroll = 0;
        // Laid out below; then shown where it was left.
        state.reader.built_for = None;
        state.reader.resume = article
            .and_then(|a| state.article_id(a))
            .map(|id| state.reading.scroll(&id))
            .filter(|&p| p > 0);
        state.reader.places = article
            .and_then(|a| state.engine.article(a))
            .map(|a| place_lines(&a.places))
            .unwrap_or_default();
        // A find belongs to the article it was typed in: the next one
        // starts without it.
        state.reader.find = Default::default();
    }
    let Some(index) = article else {
        state.reader.doc = doc::Doc::default();
        state.reader.built_for = None;
        state.reader.scroll = 0;
        state.reader.find.editing = None;
        return;
    };
    let width = state.panes().wrap_width().max(1);
    let rows = usize::from(state.panes().reading_text.height);
    let find = &state.reader.find;
    let key = (
        index,
        (width, rows),
        state.results.query.text.clone(),
        find.term.clone(),
        find.current,
    );
    if state.reader.built_for.as_ref() != Some(&key) {
        // The same article laid out anew (another width): keep the same
        // text at the top, not the same line number.
        let keep = state.reader.built_for.is_some() && state.reader.scroll > 0;
        let article = state.engine.article(index);
        let position = article
            .as_ref()
            .map_or(0, |a| state.reader.doc.position(state.reader.scroll, a));
        let keywords = state.engine.matches_of(index, &state.results.query);
        if let Some(article) = &article {
            state.reader.doc = doc::build(&doc::Input {
                article,
                places: &state.reader.places,
                strings: state.strings,
                width,
                keywords: &keywords,
                found: &find.hits,
                current: find.current,
                rows,
            });
        }
        state.reader.built_for = Some(key);
        if keep && let Some(article) = &article {
            state.reader.scroll = state.reader.doc.line_at(position, article);
        }
    }
    let Some(article) = state.engine.article(index) else {
        return;
    };
    if let Some(position) = state.reader.resume.take() {
        state.reader.scroll = state.reader.doc.line_at(position, &article);
    }
    state.reader.scroll = state.reader.scroll.min(state.max_scroll());
    // Only what is on screen (and a margin) is laid out.
    state.reader.doc.show(&article, state.reader.scroll, rows);
}

/// "Hương Mạc, Phù Chẩn · Từ Sơn · Bắc Ninh": an article's places with
/// the places above them, in as few lines as say it all.
pub(crate) fn place_lines(places: &[String]) -> Vec<String> {
    Gazetteer::embedded().describe(places)
}
