//! The word index: a sorted vocabulary of folded words for prefix lookup,
//! posting lists for finding the articles that hold a word, and each
//! article's words in order for phrases.
//!
//! Every distinct spelling is one vocabulary entry, keyed by its exact
//! form (lowercase NFC, canonical tone placement) and sorted by (folded,
//! exact). All spellings that fold to a given prefix are therefore one
//! contiguous id range, and a query typed with diacritics filters that
//! range by exact form.
//!
//! The collection is cut into segments of consecutive articles, one per
//! core; each has its own posting lists, so that building and searching
//! run on all cores without sharing anything mutable.
#![allow(
    clippy::cast_possible_truncation,
    reason = "article numbers and word positions are u32 (a collection file is at most 4 GB, \
              an article 8 MB), and varints are written seven low bits at a time"
)]

use crate::progress::Progress;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::model::Article;
use crate::search::abbrev;
use crate::search::query::{Word, exact_form, words};
use crate::text::fold_str;
use crate::text::tone::exact_prefix;

/// Marks in an article's word sequence: a paragraph break, and the end of
/// the title. Real words are numbered from [`FIRST_WORD`].
const PARA: u32 = 0;
const TITLE_END: u32 = 1;
const FIRST_WORD: u32 = 2;

/// Articles tokenised per task while building.
const CHUNK: usize = 1024;

/// A set of vocabulary ids: a contiguous range, optionally narrowed by a
/// bitmap (diacritics typed).
#[derive(Debug, Clone)]
pub struct WordSet {
    pub ids: Range<u32>,
    /// Bit `id - ids.start` set when the id belongs; `None` for all.
    bits: Option<Vec<u64>>,
    /// The id of the word itself (a whole-word match), if in the set.
    pub whole: Option<Range<u32>>,
}

impl WordSet {
    pub fn empty() -> WordSet {
        WordSet {
            ids: 0..0,
            bits: None,
            whole: None,
        }
    }

    #[inline]
    pub fn contains(&self, id: u32) -> bool {
        if !self.ids.contains(&id) {
            return false;
        }
        match &self.bits {
            None => true,
            Some(b) => {
                let i = (id - self.ids.start) as usize;
                b[i / 64] & (1 << (i % 64)) != 0
            }
        }
    }

    #[inline]
    pub fn is_whole(&self, id: u32) -> bool {
        self.whole.as_ref().is_some_and(|w| w.contains(&id)) && self.contains(id)
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.ids.clone().filter(|&id| self.contains(id))
    }
}

mod segment;
mod varint;

pub use segment::Segment;
use segment::{Words, build_segment};
use varint::write_varint;

/// The whole index.
#[derive(Debug, Default)]
pub struct Index {
    /// Vocabulary, sorted by (folded, exact); id = position.
    folded: Vec<Box<str>>,
    exact: Vec<Box<str>>,
    /// Frequency rank (as stored in bodies) → id, and back.
    rank_to_id: Vec<u32>,
    id_to_rank: Vec<u32>,
    pub segments: Vec<Segment>,
    /// One- and two-letter prefixes of folded words, numbered.
    short_ids: FxHashMap<Box<str>, u32>,
}

/// No prefix (a one-letter word has no two-letter prefix).
const NO_PREFIX: u32 = u32::MAX;

/// The one- and two-letter prefixes of a folded word, and whether the word
/// is exactly that prefix.
fn short_prefixes(folded: &str) -> [(Option<&str>, bool); 2] {
    let mut ends = folded.char_indices().map(|(i, c)| i + c.len_utf8());
    let chars = folded.chars().count();
    let one = ends.next().map(|e| &folded[..e]);
    let two = ends.next().map(|e| &folded[..e]);
    [(one, chars == 1), (two, chars == 2)]
}

/// Tokens of one chunk of articles, numbered locally while building.
struct ChunkTokens<'a> {
    words: Vec<&'a str>,
    counts: Vec<u32>,
    /// Per article: title words, TITLE_END, body words with PARA breaks.
    bytes: Vec<u8>,
    offsets: Vec<usize>,
}

fn tokenize_chunk<'a>(articles: &'a [Article]) -> ChunkTokens<'a> {
    let mut ids: FxHashMap<&'a str, u32> = FxHashMap::default();
    let mut out = ChunkTokens {
        words: Vec::new(),
        counts: Vec::new(),
        bytes: Vec::with_capacity(articles.len() * 1024),
        offsets: vec![0],
    };
    let mut push = |out: &mut ChunkTokens<'a>, text: &'a str| {
        for (_, w) in words(text) {
            // The map borrows from the articles, which outlive the build.
            let next = out.words.len() as u32 + FIRST_WORD;
            let id = *ids.entry(w).or_insert(next);
            if id == next {
                out.words.push(w);
                out.counts.push(0);
            }
            out.counts[(id - FIRST_WORD) as usize] += 1;
            write_varint(&mut out.bytes, id);
        }
    };
    for a in articles {
        push(&mut out, &a.title);
        write_varint(&mut out.bytes, TITLE_END);
        for (i, p) in a.body.iter().enumerate() {
            if i > 0 {
                write_varint(&mut out.bytes, PARA);
            }
            push(&mut out, &p.text);
        }
        out.offsets.push(out.bytes.len());
    }
    out
}

impl Index {
    pub fn build(articles: &[Article]) -> Index {
        Index::build_counting(articles, None)
    }

    /// [`Index::build`], counting the articles read in `progress`.
    // One function: its steps (vocabulary, abbreviations, frequency ranks,
    // short prefixes, segments) borrow the tables the step before made.
    #[allow(
        clippy::too_many_lines,
        reason = "steps sharing borrowed tables, as said above"
    )]
    pub fn build_counting(articles: &[Article], progress: Option<&Progress>) -> Index {
        use rayon::prelude::*;
        let chunks: Vec<ChunkTokens<'_>> = articles
            .par_chunks(CHUNK)
            .map(|chunk| {
                let tokens = tokenize_chunk(chunk);
                if let Some(p) = progress {
                    p.add_indexed(chunk.len() as u64);
                }
                tokens
            })
            .collect();

        // The vocabulary: every spelling, keyed by exact form.
        let mut spellings: FxHashMap<&str, ()> = FxHashMap::default();
        for c in &chunks {
            for w in &c.words {
                spellings.insert(w, ());
            }
        }
        for (_, long) in abbrev::expansions() {
            for w in long {
                spellings.insert(w, ());
            }
        }
        let spellings: Vec<&str> = spellings.into_keys().collect();
        let keyed: Vec<(String, String)> = spellings
            .par_iter()
            .map(|w| {
                let exact = if w.is_ascii() {
                    w.to_ascii_lowercase()
                } else {
                    exact_form(w)
                };
                let folded = fold_str(&exact);
                (folded, exact)
            })
            .collect();
        let mut vocab: Vec<(&str, &str)> = keyed
            .iter()
            .map(|(f, e)| (f.as_str(), e.as_str()))
            .collect();
        vocab.par_sort_unstable();
        vocab.dedup();
        let id_of_exact: FxHashMap<&str, u32> = vocab
            .iter()
            .enumerate()
            .map(|(i, (_, e))| (*e, i as u32))
            .collect();
        let spelling_id: FxHashMap<&str, u32> = spellings
            .iter()
            .zip(&keyed)
            .map(|(s, (_, e))| (*s, id_of_exact.get(e.as_str()).copied().unwrap_or(0)))
            .collect();

        // Words an abbreviation stands for: posted with it.
        let mut expansions: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for (short, long) in abbrev::expansions() {
            let ids: Vec<u32> = long
                .iter()
                .filter_map(|w| id_of_exact.get(exact_form(w).as_str()).copied())
                .collect();
            let folded = fold_str(short);
            let lo = vocab.partition_point(|(f, _)| *f < folded.as_str());
            for (i, (f, _)) in vocab.iter().enumerate().skip(lo) {
                if *f != folded.as_str() {
                    break;
                }
                expansions.entry(i as u32).or_default().extend(&ids);
            }
        }

        // Frequency ranks, so that common words take one byte in bodies.
        let mut freq = vec![0u64; vocab.len()];
        let local_to_id: Vec<Vec<u32>> = chunks
            .iter()
            .map(|c| {
                c.words
                    .iter()
                    .zip(&c.counts)
                    .map(|(w, &n)| {
                        let id = spelling_id.get(w).copied().unwrap_or(0);
                        freq[id as usize] += n as u64;
                        id
                    })
                    .collect()
            })
            .collect();
        let mut by_freq: Vec<u32> = (0..vocab.len() as u32).collect();
        by_freq.sort_by_key(|&id| (std::cmp::Reverse(freq[id as usize]), id));
        let mut id_to_rank = vec![0u32; vocab.len()];
        let mut rank_to_id = vec![0u32; FIRST_WORD as usize];
        for (r, &id) in by_freq.iter().enumerate() {
            id_to_rank[id as usize] = r as u32 + FIRST_WORD;
            rank_to_id.push(id);
        }

        // Short prefixes of every word, numbered.
        let mut short_ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let word_short: Vec<[(u32, bool); 2]> = vocab
            .iter()
            .map(|(f, _)| {
                short_prefixes(f).map(|(p, whole)| match p {
                    Some(p) => {
                        let next = short_ids.len() as u32;
                        (*short_ids.entry(Box::from(p)).or_insert(next), whole)
                    }
                    None => (NO_PREFIX, false),
                })
            })
            .collect();
        let shorts = short_ids.len();

        // Segments: consecutive chunks, one group per core.
        let threads = rayon::current_num_threads().clamp(1, 16);
        let per = chunks.len().div_ceil(threads).max(1);
        let groups: Vec<Range<usize>> = (0..chunks.len())
            .step_by(per)
            .map(|s| s..(s + per).min(chunks.len()))
            .collect();
        let v = vocab.len();
        // Each segment takes its chunks, and frees them as it goes.
        let mut chunks = chunks;
        let mut owned: Vec<(usize, Vec<ChunkTokens<'_>>)> = Vec::new();
        for g in groups.iter().rev() {
            owned.push((g.start, chunks.split_off(g.start)));
        }
        owned.reverse();
        let segments: Vec<Segment> = owned
            .into_par_iter()
            .map(|(start, group)| {
                let tables = &local_to_id[start..start + group.len()];
                let words = Words {
                    local_to_id: tables,
                    expansions: &expansions,
                    id_to_rank: &id_to_rank,
                    rank_to_id: &rank_to_id,
                    short: &word_short,
                    shorts,
                    vocab: v,
                };
                build_segment(group, &words, (start * CHUNK) as u32)
            })
            .collect();

        Index {
            folded: vocab.iter().map(|(f, _)| Box::from(*f)).collect(),
            exact: vocab.iter().map(|(_, e)| Box::from(*e)).collect(),
            rank_to_id,
            id_to_rank,
            segments,
            short_ids,
        }
    }

    /// The number of a one- or two-letter folded prefix whose matches were
    /// scored when indexing.
    pub fn short_prefix(&self, folded: &str) -> Option<u32> {
        self.short_ids.get(folded).copied()
    }

    /// For scanning bodies: per frequency rank, bit `k` set when the word
    /// belongs to `sets[k]` (at most 16 sets).
    pub fn rank_flags(&self, sets: &[WordSet]) -> Vec<u16> {
        let mut flags = vec![0u16; self.rank_to_id.len()];
        for (k, set) in sets.iter().enumerate().take(16) {
            for id in set.iter() {
                if let Some(&r) = self.id_to_rank.get(id as usize) {
                    flags[r as usize] |= 1 << k;
                }
            }
        }
        flags
    }

    pub fn folded(&self, id: u32) -> &str {
        self.folded.get(id as usize).map_or("", |s| s)
    }

    pub fn exact(&self, id: u32) -> &str {
        self.exact.get(id as usize).map_or("", |s| s)
    }

    pub fn segment_of(&self, doc: u32) -> Option<&Segment> {
        self.segments.iter().find(|s| s.docs.contains(&doc))
    }

    /// The words whose folded form starts exactly `edits` edits from the
    /// keyword of `dfa`: every word of the vocabulary tried.
    pub fn within(&self, dfa: &levenshtein_automata::DFA, edits: u8) -> WordSet {
        let n = self.folded.len();
        let mut bits = vec![0u64; n.div_ceil(64)];
        let mut any = false;
        for (i, f) in self.folded.iter().enumerate() {
            if crate::search::typo::distance(dfa, f) == Some(edits) {
                bits[i / 64] |= 1 << (i % 64);
                any = true;
            }
        }
        if !any {
            return WordSet::empty();
        }
        WordSet {
            ids: 0..n as u32,
            bits: Some(bits),
            whole: None,
        }
    }

    /// Ids of the words that start with `prefix` (folded).
    fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let lo = self.folded.partition_point(|f| &**f < prefix);
        let hi = lo + self.folded[lo..].partition_point(|f| f.starts_with(prefix));
        lo as u32..hi as u32
    }

    /// The words a query word matches: those it starts (`prefix`) or
    /// equals, folded, or exactly when typed with diacritics.
    pub fn lookup(&self, word: &Word, prefix: bool) -> WordSet {
        let ids = if prefix {
            self.prefix_range(&word.folded)
        } else {
            let lo = self.folded.partition_point(|f| **f < *word.folded);
            let hi = lo + self.folded[lo..].partition_point(|f| **f == *word.folded);
            lo as u32..hi as u32
        };
        let whole_hi = ids.start
            + self.folded[ids.start as usize..ids.end as usize]
                .partition_point(|f| **f == *word.folded) as u32;
        let whole = Some(ids.start..whole_hi);
        let Some(exact) = &word.exact else {
            return WordSet {
                ids,
                bits: None,
                whole,
            };
        };
        let mut bits = vec![0u64; (ids.len()).div_ceil(64)];
        let mut any = false;
        for id in ids.clone() {
            let e = self.exact(id);
            let ok = if prefix {
                exact_prefix(e, exact)
            } else {
                e == exact.as_str()
            };
            if ok {
                let i = (id - ids.start) as usize;
                bits[i / 64] |= 1 << (i % 64);
                any = true;
            }
        }
        if !any {
            return WordSet::empty();
        }
        WordSet {
            ids,
            bits: Some(bits),
            whole,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &[&str]) -> Article {
        crate::model::text_article(title, title, body)
    }

    #[test]
    fn prefix_and_exact_lookup() {
        let arts = vec![
            article("Đảng bộ", &["đang làm", "dạng mới"]),
            article("Hòa bình", &["hoà giải", "Đang"]),
        ];
        let idx = Index::build(&arts);
        let docs_of = |w: &str, prefix: bool| -> Vec<u32> {
            let set = idx.lookup(&Word::new(w), prefix);
            let mut out: Vec<u32> = set
                .iter()
                .flat_map(|id| {
                    idx.segments
                        .iter()
                        .flat_map(move |s| s.postings(id).map(|(d, _)| d).collect::<Vec<_>>())
                })
                .collect();
            out.sort();
            out.dedup();
            out
        };
        assert_eq!(docs_of("dang", true), [0, 1]);
        assert_eq!(docs_of("đang", true), [0, 1]);
        assert_eq!(docs_of("Đảng", true), [0]);
        assert_eq!(docs_of("dạng", false), [0]);
        assert_eq!(docs_of("hòa", false), [1]);
        assert_eq!(docs_of("hoa", true), [1]);
        assert_eq!(docs_of("hò", true), [1]);
        assert_eq!(docs_of("x", true), Vec::<u32>::new());
    }

    #[test]
    fn bodies_keep_word_order_and_paragraphs() {
        let arts = vec![article("T", &["một hai", "ba"])];
        let idx = Index::build(&arts);
        let seg = &idx.segments[0];
        let words: Vec<Option<&str>> = seg
            .body(0, &idx)
            .map(|w| w.map(|id| idx.exact(id)))
            .collect();
        assert_eq!(words, [Some("một"), Some("hai"), None, Some("ba")]);
        assert_eq!(seg.title(0).len(), 1);
    }
}
