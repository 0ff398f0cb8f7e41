//! A segment: the posting lists and word sequences of a run of
//! consecutive articles, built and searched on one core.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::varint::{put_varint, read_varint, varint_len, write_varint};
use super::{ChunkTokens, FIRST_WORD, Index, NO_PREFIX, PARA, TITLE_END};
use crate::search::score;

/// Posting lists and word sequences for a run of consecutive articles.
#[derive(Debug, Default)]
pub struct Segment {
    pub docs: Range<u32>,
    /// `post_off[w]..post_off[w + 1]` indexes `post_docs`/`post_tf`.
    post_off: Vec<u32>,
    /// The articles of each word's postings, as varint-encoded gaps
    /// (most take one byte); `post_byte_off[w]..post_byte_off[w + 1]`.
    post_byte_off: Vec<u32>,
    post_docs: Vec<u8>,
    /// Occurrences in the article (title and body), at most 255.
    post_tf: Vec<u8>,
    /// Each article's title words (vocabulary ids).
    title_off: Vec<u32>,
    title_words: Vec<u32>,
    /// Per short prefix (see [`Index::short_prefix`]), the articles with a
    /// word starting with it and their keyword score, in article order.
    /// `short_off[p]..short_off[p + 1]` indexes `short_docs`/`short_scores`.
    short_off: Vec<u32>,
    short_docs: Vec<u32>,
    short_scores: Vec<u16>,
    /// Each article's body words in order, as varint-encoded frequency
    /// ranks (frequent words take one byte), [`PARA`] between paragraphs.
    body_off: Vec<usize>,
    body: Vec<u8>,
}

impl Segment {
    /// Articles holding word `w`, with their counts.
    #[inline]
    pub fn postings(&self, w: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        let w = w as usize;
        let (a, b) = (self.post_off[w] as usize, self.post_off[w + 1] as usize);
        let (ba, bb) = (
            self.post_byte_off[w] as usize,
            self.post_byte_off[w + 1] as usize,
        );
        let mut bytes = &self.post_docs[ba..bb];
        let mut doc = self.docs.start;
        self.post_tf[a..b].iter().map_while(move |&tf| {
            let (gap, rest) = read_varint(bytes)?;
            bytes = rest;
            doc += gap;
            Some((doc, tf))
        })
    }

    /// See [`Index::short_prefix`].
    pub fn short(&self, prefix: u32) -> (&[u32], &[u16]) {
        let p = prefix as usize;
        match (self.short_off.get(p), self.short_off.get(p + 1)) {
            (Some(&a), Some(&b)) => (
                &self.short_docs[a as usize..b as usize],
                &self.short_scores[a as usize..b as usize],
            ),
            _ => (&[], &[]),
        }
    }

    /// Number of postings of the words in `ids`.
    pub fn volume(&self, ids: &Range<u32>) -> usize {
        (self.post_off[ids.end as usize] - self.post_off[ids.start as usize]) as usize
    }

    pub fn title(&self, doc: u32) -> &[u32] {
        let i = (doc - self.docs.start) as usize;
        &self.title_words[self.title_off[i] as usize..self.title_off[i + 1] as usize]
    }

    /// The body's words as frequency ranks, 0 at paragraph breaks: the
    /// fastest way through a body, with [`Index::rank_flags`].
    pub fn body_ranks(&self, doc: u32) -> impl Iterator<Item = u32> + '_ {
        let i = (doc - self.docs.start) as usize;
        let mut bytes = &self.body[self.body_off[i]..self.body_off[i + 1]];
        std::iter::from_fn(move || {
            let (rank, rest) = read_varint(bytes)?;
            bytes = rest;
            Some(rank)
        })
    }

    /// The body's word ids in order, `None` at paragraph breaks.
    pub fn body<'a>(
        &'a self,
        doc: u32,
        index: &'a Index,
    ) -> impl Iterator<Item = Option<u32>> + 'a {
        let i = (doc - self.docs.start) as usize;
        let mut bytes = &self.body[self.body_off[i]..self.body_off[i + 1]];
        std::iter::from_fn(move || {
            let (rank, rest) = read_varint(bytes)?;
            bytes = rest;
            Some(match rank {
                PARA => None,
                r => index.rank_to_id.get(r as usize).copied(),
            })
        })
    }
}

/// What a segment needs to know about the vocabulary.
pub(super) struct Words<'a> {
    /// Per chunk, local word number → id.
    pub(super) local_to_id: &'a [Vec<u32>],
    pub(super) expansions: &'a FxHashMap<u32, Vec<u32>>,
    pub(super) id_to_rank: &'a [u32],
    pub(super) rank_to_id: &'a [u32],
    /// Per id, its short prefixes and whether it is that prefix.
    pub(super) short: &'a [[(u32, bool); 2]],
    pub(super) shorts: usize,
    pub(super) vocab: usize,
}

// One pass over a segment's articles fills every table of the segment
// (postings, positions, short-prefix scores) while each article's words
// are at hand.
#[allow(
    clippy::too_many_lines,
    reason = "one pass filling every table, as said above"
)]
pub(super) fn build_segment(
    chunks: Vec<ChunkTokens<'_>>,
    words: &Words<'_>,
    first_doc: u32,
) -> Segment {
    let Words {
        local_to_id,
        expansions,
        id_to_rank,
        rank_to_id,
        vocab,
        ..
    } = *words;
    let mut seg = Segment {
        docs: first_doc..first_doc,
        post_off: vec![0; vocab + 1],
        post_byte_off: vec![0; vocab + 1],
        title_off: vec![0],
        body_off: vec![0],
        ..Segment::default()
    };
    // The words of one article, each once (posting lists are by article),
    // found without sorting: `seen[w]` is the last article holding `w`.
    let mut seen = vec![u32::MAX; vocab];
    let mut short_seen = vec![u32::MAX; words.shorts];
    seg.short_off = vec![0; words.shorts + 1];
    let with_expansions = |id: u32| {
        let more = expansions.get(&id).map_or(&[][..], Vec::as_slice);
        std::iter::once(id).chain(more.iter().copied())
    };
    // Pass 1: titles and bodies in their final form, and the number of
    // articles per word.
    // Sized once: growing by doubling would briefly need twice the memory.
    let tokens: usize = chunks.iter().map(|c| c.bytes.len()).sum();
    seg.body.reserve_exact(tokens + tokens / 8);
    let titles: usize = chunks.iter().map(|c| c.offsets.len() * 16).sum();
    seg.title_words.reserve(titles);
    let docs: usize = chunks.iter().map(|c| c.offsets.len()).sum();
    seg.title_off.reserve_exact(docs);
    seg.body_off.reserve_exact(docs);
    let mut doc = first_doc;
    // Each chunk is freed once read: pass 2 reads the segment's own copy.
    for (chunk, table) in chunks.into_iter().zip(local_to_id) {
        for d in 0..chunk.offsets.len() - 1 {
            let mut bytes = &chunk.bytes[chunk.offsets[d]..chunk.offsets[d + 1]];
            let mut in_title = true;
            while let Some((local, rest)) = read_varint(bytes) {
                bytes = rest;
                match local {
                    TITLE_END => in_title = false,
                    PARA => write_varint(&mut seg.body, PARA),
                    _ => {
                        let id = table
                            .get((local - FIRST_WORD) as usize)
                            .copied()
                            .unwrap_or(0);
                        if in_title {
                            seg.title_words.push(id);
                        } else {
                            write_varint(&mut seg.body, id_to_rank[id as usize]);
                        }
                        for w in with_expansions(id) {
                            if seen[w as usize] != doc {
                                let prev = match seen[w as usize] {
                                    u32::MAX => first_doc,
                                    p => p,
                                };
                                seg.post_byte_off[w as usize + 1] += varint_len(doc - prev);
                                seen[w as usize] = doc;
                                seg.post_off[w as usize + 1] += 1;
                                for (p, _) in words.short[w as usize] {
                                    if p != NO_PREFIX && short_seen[p as usize] != doc {
                                        short_seen[p as usize] = doc;
                                        seg.short_off[p as usize + 1] += 1;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            seg.title_off.push(seg.title_words.len() as u32);
            seg.body_off.push(seg.body.len());
            doc += 1;
        }
    }
    seg.docs.end = doc;
    for w in 0..vocab {
        seg.post_off[w + 1] += seg.post_off[w];
    }
    for w in 0..vocab {
        seg.post_byte_off[w + 1] += seg.post_byte_off[w];
    }
    let total = seg.post_off[vocab] as usize;
    seg.post_docs = vec![0; seg.post_byte_off[vocab] as usize];
    seg.post_tf = vec![0; total];
    let mut byte_cursor: Vec<u32> = seg.post_byte_off[..vocab].to_vec();
    // Pass 2: the postings, in article order, from the titles and bodies
    // just written; counts grow in place.
    let mut cursor: Vec<u32> = seg.post_off[..vocab].to_vec();
    let mut slot = vec![0u32; vocab];
    seen.fill(u32::MAX);
    for p in 0..words.shorts {
        seg.short_off[p + 1] += seg.short_off[p];
    }
    let short_total = seg.short_off[words.shorts] as usize;
    seg.short_docs = vec![0; short_total];
    seg.short_scores = vec![0; short_total];
    let mut short_cursor: Vec<u32> = seg.short_off[..words.shorts].to_vec();
    // Per short prefix, for the current article: (title, body) scores.
    let mut acc = vec![(0u32, 0u32); words.shorts];
    let mut touched: Vec<u32> = Vec::new();
    let mut doc_words: Vec<u32> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    for doc in seg.docs.clone() {
        let i = (doc - first_doc) as usize;
        let title = &seg.title_words[seg.title_off[i] as usize..seg.title_off[i + 1] as usize];
        let mut body = &seg.body[seg.body_off[i]..seg.body_off[i + 1]];
        let body_ids = std::iter::from_fn(|| {
            let (rank, rest) = read_varint(body)?;
            body = rest;
            Some(rank)
        })
        .filter(|&r| r >= FIRST_WORD)
        .map(|r| rank_to_id.get(r as usize).copied().unwrap_or(0));
        ids.clear();
        ids.extend(title.iter().copied().chain(body_ids));
        {
            for &id in &ids {
                for w in with_expansions(id) {
                    let w = w as usize;
                    if seen[w] == doc {
                        let t = &mut seg.post_tf[slot[w] as usize];
                        *t = t.saturating_add(1);
                    } else {
                        let prev = match seen[w] {
                            u32::MAX => first_doc,
                            p => p,
                        };
                        seen[w] = doc;
                        let at = cursor[w];
                        cursor[w] += 1;
                        slot[w] = at;
                        let b = byte_cursor[w] as usize;
                        byte_cursor[w] += put_varint(&mut seg.post_docs[b..], doc - prev) as u32;
                        seg.post_tf[at as usize] = 1;
                        doc_words.push(w as u32);
                    }
                }
            }
            // Scores of the article's short prefixes, as the evaluation computes them.
            for &w in &doc_words {
                let tf = seg.post_tf[slot[w as usize] as usize] as u32;
                for (p, whole) in words.short[w as usize] {
                    if p == NO_PREFIX {
                        continue;
                    }
                    let a = &mut acc[p as usize];
                    if *a == (0, 0) {
                        touched.push(p);
                    }
                    a.1 = a.1.max(score::body_score(tf, whole));
                }
            }
            let i = (doc - first_doc) as usize;
            for &w in &seg.title_words[seg.title_off[i] as usize..seg.title_off[i + 1] as usize] {
                for (p, whole) in words.short[w as usize] {
                    if p != NO_PREFIX {
                        let a = &mut acc[p as usize];
                        a.0 = a.0.max(score::title_score(whole));
                    }
                }
            }
            for &p in &touched {
                let (t, b) = std::mem::take(&mut acc[p as usize]);
                let at = short_cursor[p as usize] as usize;
                short_cursor[p as usize] += 1;
                seg.short_docs[at] = doc;
                seg.short_scores[at] = score::combine(t, b).min(u16::MAX as u32) as u16;
            }
            touched.clear();
            doc_words.clear();
        }
    }
    seg.body.shrink_to_fit();
    seg.title_words.shrink_to_fit();
    seg
}
