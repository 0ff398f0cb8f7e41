//! One view of the index: its segments, numbered as one run of articles.
//!
//! A hit's article number is the segment's first number plus the
//! segment's own document number. The numbers hold for this view only
//! (a merge or a commit renumbers), so nothing keeps them across views.

use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use tantivy::schema::IndexRecordOption;
use tantivy::{
    DocAddress, DocId, Index, IndexReader, ReloadPolicy, Searcher, SegmentReader, TantivyDocument,
};
use tantivy::{DocSet, TERMINATED, Term};

use super::document::from_document;
use super::schema::Fields;
use super::titles::Titles;
use crate::model::Article;

/// By segment and short prefix, every article's score (0: none).
type ShortScores = FxHashMap<(usize, Box<str>), Arc<Vec<u16>>>;

/// See the module documentation.
pub struct Segments {
    pub fields: Fields,
    searcher: Searcher,
    /// Per segment, its first article number; then the total.
    bases: Vec<u32>,
    /// Per segment, its titles' words in order, read when first needed.
    titles: Vec<OnceLock<Result<Titles, String>>>,
    /// Per segment and short prefix, every article's score (0: none).
    short: Mutex<ShortScores>,
    /// The index's directory, where what the first keystrokes need is
    /// kept, if the index is on disk (see [`super::letters`] and
    /// [`Titles::write`]).
    kept: Option<std::path::PathBuf>,
    /// Keeps the searcher's segments open.
    _reader: IndexReader,
}

impl std::fmt::Debug for Segments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segments")
            .field("bases", &self.bases)
            .finish_non_exhaustive()
    }
}

impl Segments {
    /// The last commit of `index`.
    pub fn open(index: &Index, fields: Fields) -> tantivy::Result<Segments> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let mut bases = vec![0u32];
        for seg in searcher.segment_readers() {
            let last = bases.last().copied().unwrap_or(0);
            bases.push(last.saturating_add(seg.max_doc()));
        }
        let titles = searcher
            .segment_readers()
            .iter()
            .map(|_| OnceLock::new())
            .collect();
        Ok(Segments {
            fields,
            searcher,
            bases,
            titles,
            short: Mutex::new(FxHashMap::default()),
            kept: None,
            _reader: reader,
        })
    }

    /// These segments, reading what the first keystrokes need from the
    /// index's directory `dir` where it is kept there.
    #[must_use]
    pub fn with_kept(mut self, dir: std::path::PathBuf) -> Segments {
        self.kept = Some(dir);
        self
    }

    /// The index's directory, if what the first keystrokes need is kept.
    pub fn kept(&self) -> Option<&std::path::Path> {
        self.kept.as_deref()
    }

    /// Writes the titles' words of every segment that has none kept, and
    /// removes those of segments gone.
    ///
    /// # Errors
    /// When the index cannot be read or a file cannot be written.
    pub fn keep_titles(&self) -> std::io::Result<()> {
        let Some(dir) = self.kept() else {
            return Ok(());
        };
        let mut names = Vec::new();
        for (ord, seg) in self.searcher.segment_readers().iter().enumerate() {
            let file = super::titles::file_of(dir, seg.segment_id());
            names.extend(file.file_name().map(std::ffi::OsStr::to_os_string));
            if !file.is_file() {
                self.titles(ord)?.write(&file)?;
            }
        }
        super::letters::remove_unnamed(&dir.join("titles"), &names);
        Ok(())
    }

    /// Article numbers run from 0 to this (deleted ones included).
    pub fn len(&self) -> usize {
        self.bases.last().map_or(0, |&n| n as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many segments the index has.
    pub fn segment_count(&self) -> usize {
        self.bases.len().saturating_sub(1)
    }

    /// Each segment with its article numbers.
    pub fn iter(&self) -> impl Iterator<Item = (Range<u32>, &SegmentReader)> {
        self.bases
            .windows(2)
            .map(|w| w[0]..w[1])
            .zip(self.searcher.segment_readers())
    }

    /// The segment of article `n`, and its number there.
    pub fn locate(&self, n: u32) -> Option<(u32, DocId)> {
        let seg = self.bases.partition_point(|&b| b <= n).checked_sub(1)?;
        let base = *self.bases.get(seg)?;
        let end = *self.bases.get(seg + 1)?;
        (n < end).then(|| (u32::try_from(seg).unwrap_or(u32::MAX), n - base))
    }

    /// `f` over the candidates `docs` (article numbers, sorted) of each
    /// segment, given in the segment's own numbers; its results numbered
    /// back.
    pub fn per_segment(
        &self,
        docs: &[u32],
        mut f: impl FnMut(usize, &SegmentReader, &Candidates<'_>) -> std::io::Result<Vec<(u32, u32)>>,
    ) -> std::io::Result<Vec<(u32, u32)>> {
        let mut out = Vec::new();
        for (ord, (numbers, seg)) in self.iter().enumerate() {
            let base = numbers.start;
            let lo = docs.partition_point(|&d| d < base);
            let hi = docs.partition_point(|&d| d < numbers.end);
            let Some(part) = docs.get(lo..hi).filter(|p| !p.is_empty()) else {
                continue;
            };
            let local: Vec<u32> = part.iter().map(|d| d - base).collect();
            let candidates = Candidates::new(seg, local);
            let found = f(ord, seg, &candidates)?;
            out.extend(found.into_iter().map(|(d, s)| (d + base, s)));
        }
        Ok(out)
    }

    /// The scores of every article of segment `ord` for the short prefix
    /// `key`, computed by `score` (given all the segment's articles) the
    /// first time and kept: a one- or two-letter prefix starts most words
    /// of most articles, too many terms to gather on every keystroke.
    pub fn short_scores(
        &self,
        ord: usize,
        key: &str,
        score: impl FnOnce(&SegmentReader, &Candidates<'_>) -> std::io::Result<Vec<(u32, u32)>>,
    ) -> std::io::Result<Arc<Vec<u16>>> {
        let slot = (ord, Box::from(key));
        if let Some(known) = self.lock_short().get(&slot) {
            return Ok(known.clone());
        }
        let seg = self
            .searcher
            .segment_readers()
            .get(ord)
            .ok_or_else(|| std::io::Error::other("no such segment"))?;
        let kept = self.kept.as_ref().and_then(|dir| {
            let file = super::letters::file_of(&super::letters::dir_of(dir), seg.segment_id());
            super::letters::read(&file, seg.max_doc(), key)
        });
        if let Some(dense) = kept {
            let dense = Arc::new(dense);
            self.lock_short().insert(slot, dense.clone());
            return Ok(dense);
        }
        let dense = Arc::new(dense_scores(seg, score)?);
        self.lock_short().insert(slot, dense.clone());
        Ok(dense)
    }

    /// The scores of every article of segment `ord` for the prefix `key`,
    /// where they are kept beside the index (see [`super::letters`]);
    /// read each time, not held: a longer prefix is typed for a moment.
    pub fn kept_scores(&self, ord: usize, key: &str) -> Option<Vec<u16>> {
        let dir = self.kept.as_ref()?;
        let seg = self.searcher.segment_readers().get(ord)?;
        let file = super::letters::file_of(&super::letters::dir_of(dir), seg.segment_id());
        super::letters::read(&file, seg.max_doc(), key)
    }

    /// The scores of every article of segment `ord` as `score` (given all
    /// the segment's articles) gives them, and the segment: computed, not
    /// kept (see [`Segments::short_scores`]).
    pub fn all_scores(
        &self,
        ord: usize,
        score: impl FnOnce(&SegmentReader, &Candidates<'_>) -> std::io::Result<Vec<(u32, u32)>>,
    ) -> std::io::Result<Vec<u16>> {
        let seg = self
            .searcher
            .segment_readers()
            .get(ord)
            .ok_or_else(|| std::io::Error::other("no such segment"))?;
        dense_scores(seg, score)
    }

    /// Segment `ord`.
    pub fn segment(&self, ord: usize) -> Option<&SegmentReader> {
        self.searcher.segment_readers().get(ord)
    }

    fn lock_short(&self) -> std::sync::MutexGuard<'_, ShortScores> {
        self.short.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The titles of segment `ord`, word by word.
    pub fn titles(&self, ord: usize) -> std::io::Result<&Titles> {
        let (Some(cell), Some(seg)) = (
            self.titles.get(ord),
            self.searcher.segment_readers().get(ord),
        ) else {
            return Err(std::io::Error::other("no such segment"));
        };
        cell.get_or_init(|| {
            let kept = self.kept.as_ref().and_then(|dir| {
                let file = super::titles::file_of(dir, seg.segment_id());
                Titles::read(seg, self.fields.title, &file)
            });
            match kept {
                Some(titles) => Ok(titles),
                None => Titles::build(seg, self.fields.title).map_err(|e| e.to_string()),
            }
        })
        .as_ref()
        .map_err(|e| std::io::Error::other(e.clone()))
    }

    /// The id of article `n`, from its column.
    pub fn article_id(&self, n: u32) -> Option<String> {
        self.first_str(n, "id")
    }

    /// The key of the file article `n` was read from, from its column.
    pub fn file_of(&self, n: u32) -> Option<String> {
        self.first_str(n, "file")
    }

    /// The first value of article `n` in the text column `column`.
    fn first_str(&self, n: u32, column: &str) -> Option<String> {
        let (seg, doc) = self.locate(n)?;
        let reader = self.searcher.segment_readers().get(seg as usize)?;
        let values = reader.fast_fields().str(column).ok()??;
        let ord = values.term_ords(doc).next()?;
        let mut value = String::new();
        values.ord_to_str(ord, &mut value).ok()?.then_some(value)
    }

    /// The number of the article with this id, looked up in the index.
    pub fn find_id(&self, id: &str) -> Option<u32> {
        let term = Term::from_field_text(self.fields.id, id);
        for (numbers, seg) in self.iter() {
            let inverted = seg.inverted_index(self.fields.id).ok()?;
            let Ok(Some(mut postings)) = inverted.read_postings(&term, IndexRecordOption::Basic)
            else {
                continue;
            };
            while postings.doc() != TERMINATED {
                if !seg.is_deleted(postings.doc()) {
                    return Some(numbers.start + postings.doc());
                }
                postings.advance();
            }
        }
        None
    }

    /// The numbers of the articles not deleted, in order.
    pub fn alive(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.len());
        for (numbers, seg) in self.iter() {
            match seg.alive_bitset() {
                None => out.extend(numbers),
                Some(alive) => out.extend(alive.iter_alive().map(|d| numbers.start + d)),
            }
        }
        out
    }

    /// Per article, its day (see [`super::document::day_number`]), or
    /// `None` when it is undated.
    pub fn days(&self) -> Vec<Option<i32>> {
        let mut out = Vec::with_capacity(self.len());
        for (numbers, seg) in self.iter() {
            let column = seg.fast_fields().i64("day").ok();
            for doc in 0..numbers.end - numbers.start {
                let day = column.as_ref().and_then(|c| c.first(doc));
                out.push(day.and_then(|d| i32::try_from(d).ok()));
            }
        }
        out
    }

    /// Per article, whether its date is a month only.
    pub fn months_only(&self) -> Vec<bool> {
        let mut out = Vec::with_capacity(self.len());
        for (numbers, seg) in self.iter() {
            let column = seg.fast_fields().u64("month_only").ok();
            for doc in 0..numbers.end - numbers.start {
                out.push(column.as_ref().and_then(|c| c.first(doc)) == Some(1));
            }
        }
        out
    }

    /// Per article, its place in the collection: its file's rank among
    /// the files (by key), then its place in the file.
    pub fn orders(&self) -> Vec<u64> {
        let columns: Vec<_> = self
            .searcher
            .segment_readers()
            .iter()
            .map(|seg| {
                let files = seg.fast_fields().str("file").ok().flatten();
                let orders = seg.fast_fields().u64("order").ok();
                (files, orders)
            })
            .collect();
        // The files of each segment, in key order (read in one pass: a
        // collection of pages has a file an article).
        let per_segment: Vec<Vec<Vec<u8>>> = columns
            .iter()
            .map(|(files, _)| {
                let mut keys = Vec::new();
                if let Some(mut stream) = files.as_ref().and_then(|f| f.dictionary().stream().ok())
                {
                    while stream.advance() {
                        keys.push(stream.key().to_vec());
                    }
                }
                keys
            })
            .collect();
        // Every file's rank among all.
        let mut keys: Vec<&[u8]> = per_segment.iter().flatten().map(Vec::as_slice).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut out = Vec::with_capacity(self.len());
        for (((numbers, _), (files, orders)), own) in self.iter().zip(&columns).zip(&per_segment) {
            // Each of the segment's files' rank, by the segment's own
            // numbering of its files.
            let ranks: Vec<u64> = own
                .iter()
                .map(|k| keys.binary_search(&k.as_slice()).unwrap_or(0) as u64)
                .collect();
            for doc in 0..numbers.end - numbers.start {
                let rank = files
                    .as_ref()
                    .and_then(|f| f.term_ords(doc).next())
                    .and_then(|ord| ranks.get(usize::try_from(ord).ok()?))
                    .copied()
                    .unwrap_or(u64::from(u32::MAX));
                let order = orders
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .unwrap_or(u64::from(u32::MAX));
                out.push(rank << 32 | order.min(u64::from(u32::MAX)));
            }
        }
        out
    }

    /// The places of article `n`, from their column.
    pub fn places_of(&self, n: u32) -> Vec<String> {
        let Some((seg, doc)) = self.locate(n) else {
            return Vec::new();
        };
        let Some(column) = self
            .searcher
            .segment_readers()
            .get(seg as usize)
            .and_then(|r| r.fast_fields().str("places").ok().flatten())
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for ord in column.term_ords(doc) {
            let mut place = String::new();
            if column.ord_to_str(ord, &mut place).unwrap_or(false) {
                out.push(place);
            }
        }
        out
    }

    /// How wide the first place of article `n` is on a terminal.
    pub fn place_width(&self, n: u32) -> usize {
        let Some((seg, doc)) = self.locate(n) else {
            return 0;
        };
        self.searcher
            .segment_readers()
            .get(seg as usize)
            .and_then(|r| r.fast_fields().u64("place_width").ok())
            .and_then(|c| c.first(doc))
            .map_or(0, |w| usize::try_from(w).unwrap_or(usize::MAX))
    }

    /// Article `n`, read from the store, unless it was deleted.
    pub fn article(&self, n: u32) -> Option<Article> {
        let (seg, doc) = self.locate(n)?;
        let reader = self.searcher.segment_readers().get(seg as usize)?;
        if reader.is_deleted(doc) {
            return None;
        }
        let stored: TantivyDocument = self.searcher.doc(DocAddress::new(seg, doc)).ok()?;
        Some(from_document(&stored, &self.fields))
    }
}

/// The candidates in one segment: listed, and as a set.
/// The scores of every article of `seg` as `score` gives them, one per
/// article (0: no match).
fn dense_scores(
    seg: &SegmentReader,
    score: impl FnOnce(&SegmentReader, &Candidates<'_>) -> std::io::Result<Vec<(u32, u32)>>,
) -> std::io::Result<Vec<u16>> {
    let all = Candidates::new(seg, (0..seg.max_doc()).collect());
    let mut dense = vec![0u16; seg.max_doc() as usize];
    for (d, s) in score(seg, &all)? {
        if let Some(x) = dense.get_mut(d as usize) {
            *x = u16::try_from(s).unwrap_or(u16::MAX);
        }
    }
    Ok(dense)
}

pub struct Candidates<'a> {
    pub docs: Vec<DocId>,
    member: Vec<u64>,
    segment: &'a SegmentReader,
}

impl<'a> Candidates<'a> {
    fn new(segment: &'a SegmentReader, docs: Vec<DocId>) -> Candidates<'a> {
        let mut member = vec![0u64; (segment.max_doc() as usize).div_ceil(64)];
        for &d in &docs {
            if let Some(m) = member.get_mut(d as usize / 64) {
                *m |= 1 << (d % 64);
            }
        }
        Candidates {
            docs,
            member,
            segment,
        }
    }

    /// Calls `each` with every candidate that `term` of `field` is found
    /// in, and its term frequency: its postings read with seeks to the
    /// candidates only (`Basic` postings give a frequency of 1).
    pub fn each_holding(
        &self,
        inverted: &tantivy::InvertedIndexReader,
        term: &tantivy::Term,
        option: tantivy::schema::IndexRecordOption,
        mut each: impl FnMut(DocId, u32),
    ) -> std::io::Result<()> {
        use tantivy::postings::Postings;
        use tantivy::{DocSet, TERMINATED};
        let Some(mut postings) = inverted.read_postings(term, option)? else {
            return Ok(());
        };
        for &d in &self.docs {
            if postings.doc() == TERMINATED {
                break;
            }
            if postings.doc() < d {
                postings.seek(d);
            }
            if postings.doc() == d && self.contains(d) {
                each(d, postings.term_freq());
            }
        }
        Ok(())
    }

    /// Whether `d` is a candidate (and not deleted).
    pub fn contains(&self, d: DocId) -> bool {
        self.member
            .get(d as usize / 64)
            .is_some_and(|m| m & (1 << (d % 64)) != 0)
            && !self.segment.is_deleted(d)
    }
}

#[cfg(test)]
mod tests;
