//! The fields of the index, and the version that says when an index
//! written by another tintuc must be rebuilt.

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};

use super::tokenizer;

/// Changes whenever what is written for an article changes: fields,
/// tokenizer, term forms, place paths. An index of another format is
/// rebuilt, never read.
pub const FORMAT: u32 = 7;

/// The fields of an article in the index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The article's id: looked up (marks, updates), and read per row.
    pub id: Field,
    /// The key of the file the article was read from (see
    /// [`crate::load::stamps::key_of`]; empty for articles given in
    /// memory): the file's articles are deleted by it when it changes.
    pub file: Field,
    /// The article's place in its file: with the file's key, its place in
    /// the collection, which ties are broken by (segments come in no
    /// particular order).
    pub order: Field,
    /// Words with positions, and the text as written.
    pub title: Field,
    /// One value per paragraph: tantivy leaves a gap in the positions
    /// between values, so no phrase runs from one paragraph into the next.
    pub body: Field,
    /// The words the abbreviations of the title and body stand for:
    /// counted as the article holding them, never part of a phrase.
    pub abbreviated: Field,
    /// What the title may spell across its words (see
    /// [`super::spellable`]): looked up, never stored.
    pub spelling: Field,
    /// The names of places of two words or more in the title and in each
    /// paragraph, a term per occurrence (see [`super::names`]).
    pub names: Field,
    /// One byte per paragraph: its [`crate::model::ParagraphKind`].
    pub kinds: Field,
    /// Days since 0001-01-01 (see [`super::document::day_number`]); absent
    /// when the article is undated, so no date filter matches it.
    pub day: Field,
    /// 1 when the source gave the month only (`day` is its first day).
    pub month_only: Field,
    /// The time of day in nanoseconds, when the source gave one.
    pub time: Field,
    /// The place names as the article gives them.
    pub places: Field,
    /// How wide the first of them is on a terminal (the list's place
    /// column is as wide as the widest of the results).
    pub place_width: Field,
    /// Every unit the article is about, as a path of gazetteer codes
    /// (see [`super::document::place_facets`]).
    pub place: Field,
    pub author: Field,
    pub source: Field,
}

impl Fields {
    /// The schema, and its fields.
    pub fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let words = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer::NAME)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored();
        let abbreviated = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer::ABBREVIATED)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let names = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let stored = TextOptions::default().set_stored();
        let fields = Fields {
            id: b.add_text_field("id", STRING | STORED | FAST),
            file: b.add_text_field("file", STRING | FAST),
            order: b.add_u64_field("order", FAST),
            title: b.add_text_field("title", words.clone()),
            body: b.add_text_field("body", words),
            abbreviated: b.add_text_field("abbreviated", abbreviated),
            spelling: b.add_text_field("spelling", STRING),
            names: b.add_text_field("names", names),
            kinds: b.add_bytes_field("kinds", STORED),
            day: b.add_i64_field("day", INDEXED | STORED | FAST),
            month_only: b.add_u64_field("month_only", STORED | FAST),
            time: b.add_i64_field("time", STORED),
            // A column too: the place picker reads every article's.
            places: b.add_text_field("places", stored.clone().set_fast("raw")),
            place_width: b.add_u64_field("place_width", FAST),
            place: b.add_facet_field("place", FacetOptions::default()),
            author: b.add_text_field("author", stored.clone()),
            source: b.add_text_field("source", stored),
        };
        (b.build(), fields)
    }

    /// The fields of an opened index's schema, if it is ours.
    pub fn of(schema: &Schema) -> Option<Fields> {
        let f = |name: &str| schema.get_field(name).ok();
        Some(Fields {
            id: f("id")?,
            file: f("file")?,
            order: f("order")?,
            title: f("title")?,
            body: f("body")?,
            abbreviated: f("abbreviated")?,
            spelling: f("spelling")?,
            names: f("names")?,
            kinds: f("kinds")?,
            day: f("day")?,
            month_only: f("month_only")?,
            time: f("time")?,
            places: f("places")?,
            place_width: f("place_width")?,
            place: f("place")?,
            author: f("author")?,
            source: f("source")?,
        })
    }
}
