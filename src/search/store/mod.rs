//! The collection as a tantivy index: the schema, the tokenizer, and the
//! article ⇄ document mapping. Tantivy keeps the segments, the term
//! dictionary, the postings with positions, the fast fields and the
//! compressed store of the articles themselves.

pub mod adjacent;
pub mod disk;
pub mod document;
pub mod keyword;
pub mod letters;
pub mod location;
pub mod manifest;
pub mod named;
pub mod names;
pub mod phrase;
pub mod places;
pub mod rarity;
pub mod schema;
pub mod segments;
pub mod spellable;
pub mod terms;
pub mod titles;
pub mod tokenizer;

use tantivy::Index;
use tantivy::tokenizer::TextAnalyzer;

use crate::gazetteer::Gazetteer;
use crate::model::Article;
use crate::progress::Progress;
pub use schema::{FORMAT, Fields};

/// The indexing memory of each writer thread (tantivy refuses under 15
/// MB): enough that a segment holds tens of thousands of articles.
pub(crate) const WRITER_BUDGET: usize = 50_000_000;

/// Makes the index's tokenizers known to it: tantivy keeps only their
/// names, so this is done at every open as well as at creation.
pub fn register_tokenizer(index: &Index) {
    for (name, abbreviated) in [(tokenizer::NAME, false), (tokenizer::ABBREVIATED, true)] {
        let words = tokenizer::WordTokenizer::new(abbreviated);
        index
            .tokenizers()
            .register(name, TextAnalyzer::builder(words).build());
    }
}

/// An index of `articles` held in memory, committed, indexed by
/// `threads` writer threads (so in as many segments, in no particular
/// order), counting the articles added in `progress`.
pub fn build_in_ram_counting(
    articles: &[Article],
    threads: usize,
    g: &Gazetteer,
    progress: Option<&Progress>,
) -> tantivy::Result<(Index, Fields)> {
    let (schema, fields) = Fields::schema();
    let index = Index::create_in_ram(schema);
    register_tokenizer(&index);
    let threads = threads.clamp(1, MAX_THREADS);
    let mut writer: tantivy::IndexWriter =
        index.writer_with_num_threads(threads, WRITER_BUDGET * threads)?;
    let mut counted = 0u64;
    for (order, a) in (0u64..).zip(articles) {
        writer.add_document(document::to_document(a, ("", order), &fields, g))?;
        if let Some(p) = progress
            && order % COUNT_EVERY == COUNT_EVERY - 1
        {
            p.add_indexed(COUNT_EVERY);
            counted += COUNT_EVERY;
        }
    }
    writer.commit()?;
    if let Some(p) = progress {
        p.add_indexed(articles.len() as u64 - counted);
    }
    Ok((index, fields))
}

/// Writer threads at most: more cost memory (a budget each) and gain
/// little, the documents being made on one thread.
const MAX_THREADS: usize = 4;

/// The writer threads an index is built with: one a core, at most
/// [`MAX_THREADS`].
pub(crate) fn writer_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, MAX_THREADS))
}
/// Progress is told every this many articles.
const COUNT_EVERY: u64 = 256;

/// An index of `articles` held in memory, committed.
pub fn build_in_ram(articles: &[Article], g: &Gazetteer) -> tantivy::Result<(Index, Fields)> {
    build_in_parts(articles, 1, g)
}

/// An index of `articles` held in memory, written in `parts` commits, so
/// in as many segments (in no particular order), each article knowing its
/// place in the collection.
pub(crate) fn build_in_parts(
    articles: &[Article],
    parts: usize,
    g: &Gazetteer,
) -> tantivy::Result<(Index, Fields)> {
    let (schema, fields) = Fields::schema();
    let index = Index::create_in_ram(schema);
    register_tokenizer(&index);
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, WRITER_BUDGET)?;
    let size = articles.len().div_ceil(parts.max(1)).max(1);
    let mut order = 0u64;
    for part in articles.chunks(size) {
        for a in part {
            writer.add_document(document::to_document(a, ("", order), &fields, g))?;
            order += 1;
        }
        writer.commit()?;
    }
    // An empty collection is committed too: there is an index to open.
    if articles.is_empty() {
        writer.commit()?;
    }
    Ok((index, fields))
}

#[cfg(test)]
mod tests;
