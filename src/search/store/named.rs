//! Articles that name a place of two words or more, from the terms
//! [`super::names`] wrote for each occurrence when they were indexed.

use std::io;

use rustc_hash::FxHashMap;
use tantivy::schema::IndexRecordOption;

use super::names::{COUNTED, IN_BODY, IN_TITLE, key};
use super::segments::Segments;
use crate::search::query::Word;
use crate::search::score::{BODY_PHRASE, BODY_REPEAT, TITLE_PHRASE};

/// The candidates `docs` (article numbers, sorted) whose title or body
/// names the place `words` (a gazetteer name of two words or more, as
/// [`super::names::terms_of`] finds it), scored as the phrase of its words would be.
pub fn name_scores(segs: &Segments, words: &[Word], docs: &[u32]) -> io::Result<Vec<(u32, u32)>> {
    let name = key(words);
    segs.per_segment(docs, |_, seg, candidates| {
        let inverted = seg
            .inverted_index(segs.fields.names)
            .map_err(io::Error::other)?;
        // Per candidate holding the name: in the title, and how often in
        // the body.
        let mut found: FxHashMap<u32, (bool, u32)> = FxHashMap::default();
        for (prefix, in_title) in [(IN_TITLE, true), (IN_BODY, false)] {
            let term =
                tantivy::Term::from_field_text(segs.fields.names, &format!("{prefix}{name}"));
            candidates.each_holding(&inverted, &term, IndexRecordOption::WithFreqs, |d, tf| {
                let slot = found.entry(d).or_default();
                if in_title {
                    slot.0 = true;
                } else {
                    slot.1 = tf;
                }
            })?;
        }
        let mut out: Vec<(u32, u32)> = found
            .into_iter()
            .map(|(d, (in_title, n))| {
                let n = n.min(COUNTED);
                let score = match (in_title, n) {
                    (true, 0) => TITLE_PHRASE,
                    (true, n) => TITLE_PHRASE + n * BODY_REPEAT,
                    (_, n) => BODY_PHRASE + n * BODY_REPEAT,
                };
                (d, score)
            })
            .collect();
        out.sort_unstable_by_key(|&(d, _)| d);
        Ok(out)
    })
}
