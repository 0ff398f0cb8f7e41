//! Reading ahead what the first keystrokes need, in a thread of its own
//! once the index is open: the titles' words, the place names, and the
//! scores of the first letters of words over every article.

use std::sync::{Arc, OnceLock};

use super::store;
use crate::gazetteer::Gazetteer;

/// From this many articles, the first letters of words are scored in the
/// background as soon as the index is open (below, the first keystroke
/// scores its letter in a few milliseconds).
pub(super) const WARM_FROM: usize = 10_000;

/// The place names of the index in `segs`, read the first time.
pub(super) fn place_names<'p>(
    segs: &store::segments::Segments,
    places: &'p OnceLock<store::places::Places>,
) -> &'p store::places::Places {
    // An index that cannot be read names no place.
    places.get_or_init(|| {
        store::places::Places::build(segs, Gazetteer::embedded()).unwrap_or_default()
    })
}

/// Reads the titles' words and the place names, and scores the first
/// letters of words, in a thread of its own, which stops when the engine
/// is dropped.
pub(super) fn warm(
    segs: &Arc<store::segments::Segments>,
    places: &Arc<OnceLock<store::places::Places>>,
) {
    let weak = Arc::downgrade(segs);
    let places = Arc::clone(places);
    let spawned = std::thread::Builder::new()
        .name("tintuc-warm".into())
        .spawn(move || {
            if let Some(segs) = weak.upgrade() {
                // The titles' words first: the third letter of a word
                // tries titles spelled across words. A place comes later
                // in a query (after `@`).
                for ord in 0..segs.segment_count() {
                    if Arc::strong_count(&segs) > 1 {
                        let _ = segs.titles(ord);
                    }
                }
                place_names(&segs, &places);
                // The engine holds the other reference while it lives. A
                // failure only leaves the letter to its first keystroke.
                let _ = store::keyword::warm_short_prefixes(&segs, store::letters::LETTERS, || {
                    Arc::strong_count(&segs) > 1
                });
            }
        });
    // Without the thread, each first keystroke scores its own letter.
    drop(spawned);
}
